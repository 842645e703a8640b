// Copyright (c) 2026 The brief-search Authors. MIT licence.
// The index's vocabulary beyond plain words: acronyms written in capitals
// ("START"), the definitions the corpus gives for them ("Strategic Arms
// Reduction Treaty (START)"), a synonyms file, and spelling data. All of
// it is stored with Xapian's own synonym and spelling tables, so the
// QueryParser expands and corrects queries by itself.

#ifndef BRIEF_SRC_VOCABULARY_H_
#define BRIEF_SRC_VOCABULARY_H_

#include <xapian.h>

#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace brief::vocabulary {

// The term an acronym is indexed under besides its plain word: "START"
// gives "XAstart", which the verb "start" never does.
std::string acronym_term(std::string_view acronym);

// The acronyms of `text`: words of 2 to 10 capital ASCII letters, once
// each, in order. Text that is mostly capitals (a shouted heading) has
// none.
std::vector<std::string> acronyms_in(std::string_view text);

// An acronym and the words it stands for, as the text defines it.
struct Definition {
  std::string acronym;    // "START"
  std::string long_form;  // "Strategic Arms Reduction Treaty"
};

// Definitions written "Long Form Words (ACRONYM)", where the acronym's
// letters can be read, in order, from the starts of the words before the
// bracket (Schwartz and Hearst's rule: the first letter starts the first
// word of the long form, each letter is found at or after a word start).
std::vector<Definition> find_definitions(std::string_view text);

// A synonyms file: one group per line, members separated by "=":
//   New START = START = Strategic Arms Reduction Treaty
// Blank lines and lines starting with "#" are skipped. Throws
// brief::Error(kInvalidArgument) naming the line for a line with fewer
// than two members.
std::vector<std::vector<std::string>> parse_synonyms(std::string_view text);

// Adds one group to the database's synonym table, as Xapian can use it:
// every member maps to each acronym of the group (as acronym_term()) and
// to each single-word member; an acronym also lists the group's long
// forms (under acronym_term()), for expand_acronyms().
void add_group(Xapian::WritableDatabase& db, const std::vector<std::string>& group);

// Whether every synonym add_group() would store for `group` is there.
bool has_group(const Xapian::Database& db, const std::vector<std::string>& group);

// Removes what add_group() added for `group`.
void remove_group(Xapian::WritableDatabase& db, const std::vector<std::string>& group);

// The long forms the index knows for an acronym, most common first.
std::vector<std::string> long_forms(const Xapian::Database& db, std::string_view acronym);

// Words worth offering as spelling corrections: letters only, 4 to 30
// bytes, lower case. Counts how many times each appears in `text`.
void count_spelling_words(std::string_view text, std::map<std::string, unsigned>& counts);

}  // namespace brief::vocabulary

#endif  // BRIEF_SRC_VOCABULARY_H_

// Copyright (c) 2026 The brief-search Authors. MIT licence.
// Who speaks in each passage.

#ifndef BRIEF_INCLUDE_BRIEF_SPEAKER_H_
#define BRIEF_INCLUDE_BRIEF_SPEAKER_H_

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "brief/article.h"
#include "brief/date.h"
#include "brief/passage.h"

namespace brief {

// How a speaker was found, most certain first.
enum class AttributionMethod {
  kLabel,         // A transcript turn label ("MR. KIRBY:").
  kDeclared,      // A record's own "speakers" field.
  kAuthor,        // A statement or speech with no turns, by its titled author.
  kPullQuote,     // A pull quote ending in name and role run together.
  kQuotePattern,  // A reporting pattern: "X said", "according to X".
  kCarryOver,     // "he added": the speaker of an earlier passage.
};

// Returns "label", "declared", "author", "pull-quote", "quote-pattern", "carry-over".
std::string_view attribution_method_name(AttributionMethod method);

// One speaker of one passage.
struct Attribution {
  std::string name;  // Canonical display name, e.g. "Ned Price".
  std::string role;  // "State Department Spokesperson", or empty.
  AttributionMethod method = AttributionMethod::kLabel;

  bool operator==(const Attribution&) const = default;
};

// Returns the canonical speaker id for a display name: lower case, white
// space folded, accents kept ("ned price"). Used as the index term.
std::string speaker_id(std::string_view name);

// Maps the spellings of a person's name to one canonical name, from an
// editable alias file and one automatic rule: two names with the same
// surname whose given names (both at least 5 letters) differ by one edit
// ("Antony" / "Anthony Blinken") are one person. Not thread-safe to
// modify; const use is safe.
class AliasTable {
 public:
  // Parses an alias file: {"aliases": {"Anthony Blinken": "Antony
  // Blinken", "Joseph R. Biden": "Joe Biden"}, "offices": {"President":
  // [{"name": "Joe Biden", "from": "2021-01-20", "until": "2025-01-19"}]}}
  // ("offices" optional), "countries": {"Japan": {"names": ["Japon"],
  // "leader": "Prime Minister of Japan"}, "G7": {"names": ["Group of
  // Seven"], "members": ["Canada", ...]}} (optional; see
  // docs/index-format.md). Throws
  // brief::Error(kInvalidArgument) for anything else.
  static AliasTable parse(std::string_view json_text);

  // Makes `alias` a spelling of `canonical`.
  void add(std::string_view alias, std::string_view canonical);

  // Merges the entries of `other` into this table.
  void merge(const AliasTable& other);

  // The canonical name the alias file gives for `name`, or `name` itself.
  std::string canonical(std::string_view name) const;

  // Groups `names` (display names with how many passages each has) into
  // people: explicit aliases first, then the one-edit rule. Returns, for
  // each name, the canonical name of its group: the alias file's name, or
  // the group's most frequent spelling. `mentions` are full names the
  // texts mention (with how many articles each), which let a bare surname
  // ("Walensky", from "DR. WALENSKY:") join the person the corpus names
  // most often with that surname ("Rochelle Walensky"), when that person
  // has at least two thirds of the surname's uses.
  std::map<std::string, std::string> group(
      const std::vector<std::pair<std::string, std::int64_t>>& names,
      const std::vector<std::pair<std::string, std::int64_t>>& mentions = {}) const;

  // Who held `office` ("President", "Press Secretary"; any case) on
  // `on`, from the alias file's "offices", or "" when it does not say.
  // Texts that name only the office ("Statement by the President", "The
  // President underscored ...") are attributed to that person.
  std::string office_holder(std::string_view office, const Date& on) const;

  // A leader a joint statement's country list stands for, with the
  // office they held.
  struct Leader {
    std::string name;
    std::string office;
  };

  // When `text` starts with a country's or group's name from the alias
  // file's "countries" ("the Republic of Korea" starts with neither:
  // "Republic of Korea" does), returns the name's length and appends to
  // `leaders` the holders, on `on`, of the office each country's
  // "leader" names (one per member for a group). Returns 0 otherwise.
  std::size_t match_country(std::string_view text, const Date& on,
                            std::vector<Leader>& leaders) const;

  // The file's JSON text, for storing in an index.
  std::string to_json() const;

  bool empty() const { return canonical_.empty() && offices_.empty() && countries_.empty(); }

 private:
  struct Term {
    std::string name;
    Date from;
    Date until;  // Inclusive; 9999-12-31 while still in office.
  };

  struct Country {
    std::vector<std::string> names;    // Other spellings; the key is one too.
    std::string leader;                // Office, as the file writes it; or
    std::vector<std::string> members;  // the countries of a group.
  };
  void index_country_names();

  std::map<std::string, std::string> canonical_;      // speaker_id -> name
  std::map<std::string, std::vector<Term>> offices_;  // speaker_id(office)
  std::map<std::string, Country> countries_;          // By the file's key.
  // Every spelling with its country's key, longest first.
  std::vector<std::pair<std::string, std::string>> country_names_;
};

// Returns the full names ("Rochelle Walensky") that `article` mentions,
// speaking or not, each once. Never throws.
std::vector<std::string> named_people(const Article& article,
                                      const std::vector<Passage>& passages);

// Both results at once, reading the article one time (what the indexer
// uses).
struct SpeakerAnalysis {
  std::vector<std::vector<Attribution>> speakers;  // As attribute_speakers().
  std::vector<std::string> people;                 // As named_people().
};
// `aliases`, when given, supplies the office holders of the article's
// date (see AliasTable::office_holder).
SpeakerAnalysis analyze_speakers(const Article& article,
                                 const std::vector<Passage>& passages,
                                 const AliasTable* aliases = nullptr);

// Attributes each passage of `article` to the people speaking in it.
// Returns one vector per passage (same order), empty where nobody is
// clearly speaking: precision comes before recall. Reporters' questions
// ("Q") have no speaker. Never throws.
std::vector<std::vector<Attribution>> attribute_speakers(
    const Article& article, const std::vector<Passage>& passages,
    const AliasTable* aliases = nullptr);

}  // namespace brief

#endif  // BRIEF_INCLUDE_BRIEF_SPEAKER_H_

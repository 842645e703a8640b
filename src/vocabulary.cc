// Copyright (c) 2026 The brief-search Authors. MIT licence.

#include "vocabulary.h"

#include <algorithm>
#include <set>

#include "brief/error.h"
#include "schema.h"
#include "text.h"

namespace brief::vocabulary {

namespace {

bool is_acronym(std::string_view w) {
  if (w.size() < 2 || w.size() > 10) return false;
  return std::all_of(w.begin(), w.end(), [](char c) { return text::is_ascii_upper(c); });
}

// The word with punctuation around it removed ("(START)," -> "START").
std::string_view strip(std::string_view w) {
  auto is_letter = [](char c) {
    return text::is_ascii_alpha(c) || text::is_ascii_digit(c) || static_cast<unsigned char>(c) >= 0x80;
  };
  while (!w.empty() && !is_letter(w.front())) w.remove_prefix(1);
  while (!w.empty() && !is_letter(w.back())) w.remove_suffix(1);
  return w;
}

std::string lower_words(std::string_view s) {
  std::string out;
  for (auto w : text::split_words(s)) {
    std::string_view word = strip(w);
    if (word.empty()) continue;
    if (!out.empty()) out += ' ';
    out += text::ascii_lower(word);
  }
  return out;
}

// Can `acronym` be read from `words` (Schwartz & Hearst): walk the acronym
// from its last letter backwards, finding each letter in the long form,
// the first letter at the start of the first word.
bool acronym_matches(std::string_view acronym, const std::vector<std::string_view>& words) {
  std::string form;
  std::vector<bool> word_start;
  for (auto w : words) {
    if (!form.empty()) {
      form += ' ';
      word_start.push_back(false);
    }
    for (std::size_t i = 0; i < w.size(); ++i) {
      form += static_cast<char>(std::tolower(static_cast<unsigned char>(w[i])));
      word_start.push_back(i == 0);
    }
  }
  long f = static_cast<long>(form.size()) - 1;
  for (long a = static_cast<long>(acronym.size()) - 1; a >= 0; --a) {
    char c = static_cast<char>(std::tolower(static_cast<unsigned char>(acronym[a])));
    while (f >= 0 && (form[f] != c || (a == 0 && !word_start[f]))) --f;
    if (f < 0) return false;
    --f;
  }
  return true;
}

}  // namespace

std::string acronym_term(std::string_view acronym) {
  return std::string(schema::kAcronym) + text::ascii_lower(acronym);
}

std::vector<std::string> acronyms_in(std::string_view text) {
  auto words = text::split_words(text);
  std::size_t caps = 0, letters_words = 0;
  std::vector<std::string> out;
  for (auto raw : words) {
    std::string_view w = strip(raw);
    if (w.empty()) continue;
    ++letters_words;
    // "START's", "SDFs": a possessive or plural after the capitals.
    std::string_view core = w;
    if (core.size() > 2 && core.ends_with("s") && is_acronym(core.substr(0, core.size() - 1)))
      core.remove_suffix(1);
    if (core.size() > 3 && core.ends_with("'s")) core.remove_suffix(2);
    if (core.size() > 5 && core.ends_with("\xE2\x80\x99s")) core.remove_suffix(4);
    if (!is_acronym(core)) continue;
    ++caps;
    std::string a(core);
    if (std::find(out.begin(), out.end(), a) == out.end()) out.push_back(a);
  }
  // A heading or a label in capitals is not a list of acronyms.
  if (letters_words >= 4 && caps * 2 > letters_words) return {};
  return out;
}

std::vector<Definition> find_definitions(std::string_view text) {
  std::vector<Definition> out;
  auto words = text::split_words(text);
  for (std::size_t i = 1; i < words.size(); ++i) {
    std::string_view w = words[i];
    if (w.size() < 4 || w.front() != '(') continue;
    std::string_view inner = w.substr(1);
    while (!inner.empty() && (inner.back() == ',' || inner.back() == '.' || inner.back() == ';'))
      inner.remove_suffix(1);
    if (inner.empty() || inner.back() != ')') continue;
    inner.remove_suffix(1);
    if (!is_acronym(inner) || inner.size() < 2) continue;
    // The long form: at most min(|A| + 5, 2 |A|) words before the bracket,
    // taken from the shortest window that spells the acronym.
    std::size_t max_words = std::min(inner.size() + 5, inner.size() * 2);
    for (std::size_t n = 1; n <= max_words && n <= i; ++n) {
      std::vector<std::string_view> form;
      for (std::size_t k = i - n; k < i; ++k) form.push_back(strip(words[k]));
      if (form.front().empty() || std::any_of(form.begin(), form.end(),
                                               [](std::string_view f) { return f.empty(); }))
        break;
      // A clause boundary inside the window ends the search.
      std::string_view before_last = words[i - 1];
      if (before_last.ends_with(",") || before_last.ends_with(".")) break;
      if (n > 1 && (words[i - n].ends_with(",") || words[i - n].ends_with(".") ||
                    words[i - n].ends_with(";")))
        break;
      if (!text::is_ascii_upper(form.front()[0])) continue;
      if (!acronym_matches(inner, form)) continue;
      std::string long_form;
      for (auto f : form) long_form += (long_form.empty() ? "" : " ") + std::string(f);
      if (text::ascii_lower(long_form) == text::ascii_lower(inner)) break;
      out.push_back({std::string(inner), long_form});
      break;
    }
  }
  return out;
}

std::vector<std::vector<std::string>> parse_synonyms(std::string_view text) {
  std::vector<std::vector<std::string>> groups;
  std::size_t line_no = 0;
  for (std::size_t pos = 0; pos <= text.size();) {
    std::size_t end = text.find('\n', pos);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(pos, end - pos);
    pos = end + 1;
    ++line_no;
    std::string folded = text::fold_whitespace(line);
    if (folded.empty() || folded[0] == '#') {
      if (end == text.size()) break;
      continue;
    }
    std::vector<std::string> group;
    for (std::size_t start = 0; start <= folded.size();) {
      std::size_t eq = folded.find('=', start);
      if (eq == std::string::npos) eq = folded.size();
      std::string member = text::fold_whitespace(std::string_view(folded).substr(start, eq - start));
      if (!member.empty()) group.push_back(member);
      start = eq + 1;
    }
    if (group.size() < 2)
      throw Error(ErrorCode::kInvalidArgument,
                  "line " + std::to_string(line_no) +
                      ": a synonym group needs two or more members separated by '='");
    groups.push_back(std::move(group));
    if (end == text.size()) break;
  }
  return groups;
}

namespace {

// The (key, value) pairs add_group() stores for a group.
std::vector<std::pair<std::string, std::string>> group_entries(
    const std::vector<std::string>& group) {
  std::vector<std::pair<std::string, std::string>> entries;
  std::vector<std::string> keys;
  for (const auto& m : group) keys.push_back(lower_words(m));
  for (std::size_t i = 0; i < group.size(); ++i) {
    if (keys[i].empty()) continue;
    bool acronym = is_acronym(group[i]);
    bool one_word = keys[i].find(' ') == std::string::npos;
    for (std::size_t j = 0; j < group.size(); ++j) {
      if (i == j || keys[j].empty() || keys[j] == keys[i]) continue;
      // What a query for member j may also match: the acronym's own term,
      // or a single plain word.
      if (acronym) entries.emplace_back(keys[j], acronym_term(group[i]));
      else if (one_word) entries.emplace_back(keys[j], keys[i]);
      // For expand_acronyms(): the long forms of an acronym.
      if (acronym && !is_acronym(group[j]) && keys[j].find(' ') != std::string::npos)
        entries.emplace_back(acronym_term(group[i]), keys[j]);
    }
  }
  // Xapian keys are at most 245 bytes; a longer phrase is no synonym
  // anyone types.
  std::erase_if(entries, [](const auto& e) { return e.first.size() > 200 || e.second.size() > 200; });
  return entries;
}

}  // namespace

void add_group(Xapian::WritableDatabase& db, const std::vector<std::string>& group) {
  for (const auto& [key, value] : group_entries(group)) db.add_synonym(key, value);
}

bool has_group(const Xapian::Database& db, const std::vector<std::string>& group) {
  for (const auto& [key, value] : group_entries(group)) {
    bool found = false;
    for (auto it = db.synonyms_begin(key); it != db.synonyms_end(key) && !found; ++it)
      found = *it == value;
    if (!found) return false;
  }
  return true;
}

void remove_group(Xapian::WritableDatabase& db, const std::vector<std::string>& group) {
  for (const auto& [key, value] : group_entries(group)) db.remove_synonym(key, value);
}

std::vector<std::string> long_forms(const Xapian::Database& db, std::string_view acronym) {
  std::vector<std::string> out;
  std::string key = acronym_term(acronym);
  for (auto it = db.synonyms_begin(key); it != db.synonyms_end(key); ++it) out.push_back(*it);
  return out;
}

void count_spelling_words(std::string_view text, std::map<std::string, unsigned>& counts) {
  std::string word;
  auto flush = [&] {
    if (word.size() >= 4 && word.size() <= 30) ++counts[word];
    word.clear();
  };
  for (Xapian::Utf8Iterator it(text.data(), text.size()); it != Xapian::Utf8Iterator(); ++it) {
    unsigned ch = *it;
    auto category = Xapian::Unicode::get_category(ch);
    if (category >= Xapian::Unicode::UPPERCASE_LETTER &&
        category <= Xapian::Unicode::OTHER_LETTER) {
      Xapian::Unicode::append_utf8(word, Xapian::Unicode::tolower(ch));
    } else {
      flush();  // Also at an apostrophe: "Blinken's" gives "blinken".
    }
  }
  flush();
}

}  // namespace brief::vocabulary

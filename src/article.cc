// Copyright (c) 2026 The brief-search Authors. MIT licence.
// Parsing files into articles: plain-text news, Markdown pages with front
// matter, and JSON records.

#include "brief/article.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <fstream>
#include <map>
#include <set>
#include <nlohmann/json.hpp>
#include <sstream>
#include <system_error>
#include <filesystem>

#include <xapian.h>

#include "brief/error.h"
#include "text.h"

namespace brief {

namespace {

using json = nlohmann::json;

// Lines that are site furniture, not article text: compared after lower
// casing and trimming white space and trailing punctuation. Keep this the
// one list; docs/index-format.md describes it.
const std::vector<std::string_view> kBoilerplate = {
    "leave a review",
    "follow us on social networks",
    "follow us",
    "follow us on twitter",
    "follow us on facebook",
    "follow us on telegram",
    "subscribe to our newsletter",
    "subscribe",
    "share",
    "share this",
    "share this article",
    "share on facebook",
    "share on twitter",
    "tweet",
    "print",
    "email",
    "advertisement",
    "read more",
    "read also",
    "see also",
    "related",
    "related materials",
    "related articles",
    "related news",
    "most read",
    "comments",
    "news line",
    "politics",
    "economy",
    "world",
    "society",
    "analytics",
    "interview",
    "opinion",
    "sports",
    "culture",
    "photo",
    "video",
    "back to top",
    "skip to main content",
    "skip to content",
    "all rights reserved",
    "end",
};

// Boilerplate that introduces a block of links: the short headline lines
// that follow it are dropped too.
const std::vector<std::string_view> kLinkBlockHeaders = {
    "related materials", "related articles", "related news", "read also",
    "see also", "read more", "related"};

std::string boilerplate_key(std::string_view line) {
  std::string key = text::ascii_lower(text::fold_whitespace(line));
  while (!key.empty() && (key.back() == ':' || key.back() == '.' ||
                          key.back() == '!' || key.back() == '>' ||
                          key.back() == ' '))
    key.pop_back();
  return key;
}

bool is_boilerplate(std::string_view line) {
  std::string key = boilerplate_key(line);
  return std::find(kBoilerplate.begin(), kBoilerplate.end(), key) !=
         kBoilerplate.end();
}

// The date of a short header line that only dates the article:
// "Published: 2023-03-03", "Updated 6:45 PM ET, Tue May 16, 2023",
// "Friday, March 3, 2023". Nullopt for any other line.
std::optional<Date> dated_header(std::string_view line) {
  std::string_view t = text::trim(line);
  if (text::count_words(t) > 10) return std::nullopt;
  bool lead = false;
  for (std::string_view w : {"published", "updated", "posted", "last updated", "monday",
                             "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"})
    lead = lead || text::starts_with_ci(t, w);
  if (!lead) return std::nullopt;
  return find_dateline(t);
}

// An AFP desk code: "bur-as/jm", "gkg/as/jm".
bool is_desk_code(std::string_view t) {
  if (t.find('/') == std::string_view::npos || t.size() > 24) return false;
  return std::all_of(t.begin(), t.end(),
                     [](char c) { return text::is_ascii_lower(c) || c == '-' || c == '/'; });
}

// "Reporting by ...; Editing by ...", "Additional reporting by ...",
// "© 2023 Example News. All rights reserved.", "Copyright 2023 ...", and
// the wires' other trailers: "X contributed to this report.", "Our
// Standards: The Thomson Reuters Trust Principles.", "Follow AP's
// coverage of ... at https://...", a desk code.
bool is_credit_line(std::string_view line) {
  std::string_view t = text::trim(line);
  if (text::count_words(t) > 30) return false;
  if (t.starts_with("\xC2\xA9")) return true;  // ©
  if (is_desk_code(t) || text::starts_with_ci(t, "our standards:")) return true;
  std::string lower = text::ascii_lower(t);
  if (lower.find("contributed to this report") != std::string::npos) return true;
  if (lower.starts_with("follow ") && lower.find("coverage") != std::string::npos &&
      lower.find("http") != std::string::npos)
    return true;
  for (std::string_view lead : {"reporting by ", "additional reporting by ", "writing by ",
                                "editing by ", "compiled by "})
    if (text::starts_with_ci(t, lead)) return true;
  if (text::starts_with_ci(t, "copyright ")) {
    std::string_view rest = text::trim(t.substr(10));
    return rest.starts_with("\xC2\xA9") || (!rest.empty() && text::is_ascii_digit(rest[0]));
  }
  return false;
}

bool is_link_block_header(std::string_view line) {
  std::string key = boilerplate_key(line);
  return std::find(kLinkBlockHeaders.begin(), kLinkBlockHeaders.end(), key) !=
         kLinkBlockHeaders.end();
}

// True for text that ends like a sentence.
bool ends_sentence(std::string_view s) {
  s = text::trim(s);
  while (!s.empty() && (s.back() == '"' || s.back() == '\'' ||
                        s.back() == ')'))
    s.remove_suffix(1);
  if (s.size() >= 3 && (s.ends_with("\xE2\x80\x9D") ||
                        s.ends_with("\xE2\x80\x99")))
    s.remove_suffix(3);
  return !s.empty() && (s.back() == '.' || s.back() == '?' ||
                        s.back() == '!' || s.back() == ':' || s.back() == ';');
}

// A block of two or more short lines ("Ned Price, Department
// Spokesperson" / "Department Press Briefing" / "Washington, D.C." /
// "March 2, 2023"): a transcript's header, not prose.
bool short_lines(std::string_view block) {
  std::size_t lines = 0;
  for (std::size_t start = 0; start < block.size();) {
    std::size_t end = block.find('\n', start);
    if (end == std::string_view::npos) end = block.size();
    std::string_view line = block.substr(start, end - start);
    if (!text::is_blank(line)) {
      if (text::count_words(line) > 8) return false;
      ++lines;
    }
    start = end + 1;
  }
  return lines >= 2;
}

// A short line without sentence punctuation: a headline or section name.
bool is_headline(std::string_view line) {
  return !ends_sentence(line) && text::count_words(line) <= 14;
}

// "Alex Raufoglu", "By Jane Doe": a name on a line of its own.
std::optional<std::string> byline_of(std::string_view line) {
  std::string folded = text::fold_whitespace(line);
  std::string_view s = folded;
  bool had_by = false;
  if (text::starts_with_ci(s, "by ")) {
    s.remove_prefix(3);
    had_by = true;
    // "By Jane Doe, Reuters", "By Jane Doe | AP": the names come first.
    s = text::trim(s.substr(0, s.find_first_of(",|")));
  }
  auto words = text::split_words(s);
  // "By Jane Doe and John Smith": two names.
  std::size_t ands = had_by ? std::count(words.begin(), words.end(), std::string_view("and")) : 0;
  if (ands > 1 || words.size() < 2 || words.size() > 4 + 3 * ands) return std::nullopt;
  for (auto w : words) {
    if (ands && w == "and") continue;
    // "Álvarez": a capital outside ASCII counts after an explicit "By".
    bool capital = text::is_capitalized(w) || (had_by && static_cast<unsigned char>(w[0]) >= 0xC3);
    if (!capital || w.size() < 2) return std::nullopt;
    for (char c : w) {
      if (!(text::is_ascii_alpha(c) || c == '-' || c == '\'' || c == '.' ||
            static_cast<unsigned char>(c) >= 0x80))
        return std::nullopt;
    }
    if (!had_by && w.find('.') != std::string_view::npos && w.size() > 2)
      return std::nullopt;
  }
  return std::string(s);
}

// Throws for content that cannot be an article.
void check_content(std::string_view content) {
  if (content.empty()) throw Error(ErrorCode::kInvalidArgument, "empty file");
  if (auto nul = content.find('\0'); nul != std::string_view::npos)
    throw Error(ErrorCode::kInvalidArgument,
                "binary file (NUL byte at offset " + std::to_string(nul) + ")");
  if (auto bad = text::find_invalid_utf8(content))
    throw Error(ErrorCode::kInvalidArgument,
                "invalid UTF-8 at byte " + std::to_string(*bad));
  if (text::is_blank(content))
    throw Error(ErrorCode::kInvalidArgument, "only white space");
}

std::string_view extension_of(std::string_view path) {
  auto slash = path.find_last_of('/');
  std::string_view name =
      slash == std::string_view::npos ? path : path.substr(slash + 1);
  auto dot = name.find_last_of('.');
  if (dot == std::string_view::npos || dot == 0) return {};
  return name.substr(dot);
}

std::string file_stem(std::string_view path) {
  auto slash = path.find_last_of('/');
  std::string_view name =
      slash == std::string_view::npos ? path : path.substr(slash + 1);
  auto dot = name.find_last_of('.');
  if (dot != std::string_view::npos && dot > 0) name = name.substr(0, dot);
  return std::string(name);
}

// ---------------------------------------------------------------------
// Lines and paragraphs of raw text.

struct Line {
  std::size_t begin = 0;  // Offset in the file of the first byte.
  std::size_t end = 0;    // Offset just past the last byte, before '\n'.
};

// Where the line after `line` starts: past its "\n" or "\r\n".
std::size_t after_line(std::string_view content, const Line& line) {
  std::size_t i = line.end;
  if (i < content.size() && content[i] == '\r') ++i;
  return std::min(i + 1, content.size());
}

std::vector<Line> split_lines(std::string_view content, std::size_t from,
                              std::size_t to) {
  std::vector<Line> lines;
  std::size_t i = from;
  while (i < to) {
    std::size_t nl = content.find('\n', i);
    if (nl == std::string_view::npos || nl > to) nl = to;
    std::size_t end = nl;
    if (end > i && content[end - 1] == '\r') --end;
    lines.push_back({i, end});
    i = nl + 1;
  }
  return lines;
}

// A turn label at the start of a transcript line: "MS. PSAKI:", "MR PRICE:",
// "THE PRESIDENT:", or a bare "Q" followed by white space.
struct LabelMatch {
  std::string label;       // Without the colon, white space folded.
  std::size_t length = 0;  // Bytes to skip from the line start.
  bool mixed_case = false;  // Written "Maria Zakharova:", not in capitals.
  bool emphasized = false;  // Written "**MODERATOR:**".
};

// Words before a colon that head a line but name nobody.
bool is_not_label(std::string_view label) {
  static const std::set<std::string, std::less<>> kNotLabels = {
      "NOTE", "UPDATE", "EDITOR'S NOTE", "END", "WASHINGTON", "PHOTO", "FACT", "MYTH",
      "SUBJECT", "FROM", "TO", "RE", "CC", "WATCH", "READ", "EMAIL", "PHONE", "WEBSITE",
      "ANSWER"};
  return kNotLabels.count(label) > 0;
}

// A label in mixed case, "Maria Zakharova:" or "Question:": capitalised
// words (and the small words of names and titles) up to a colon. Whether
// it names a speaker is decided over the whole document (see
// count_labels()). Returns the label in capitals, as a transcript writes
// it, and the colon's offset; nullopt otherwise.
std::optional<std::pair<std::string, std::size_t>> mixed_case_label(std::string_view line,
                                                                    std::size_t start) {
  static const std::set<std::string, std::less<>> kSmall = {
      "of", "the", "and", "for", "de", "da", "von", "van", "der", "bin", "al"};
  std::size_t colon = line.find(':', start);
  if (colon == std::string_view::npos || colon == start || colon - start > 60) return std::nullopt;
  std::string_view label = line.substr(start, colon - start);
  auto words = text::split_words(label);
  if (words.empty() || words.size() > 6) return std::nullopt;
  for (std::size_t k = 0; k < words.size(); ++k) {
    std::string_view w = words[k];
    for (char c : w)
      if (!(text::is_ascii_alpha(c) || c == '-' || c == '\'' || c == '.' ||
            static_cast<unsigned char>(c) >= 0x80))
        return std::nullopt;
    bool capital = text::is_capitalized(w);
    if (!capital && (k == 0 || k + 1 == words.size() || !kSmall.count(w))) return std::nullopt;
  }
  std::string upper;
  for (Xapian::Utf8Iterator it(label.data(), label.size()); it != Xapian::Utf8Iterator(); ++it)
    Xapian::Unicode::append_utf8(upper, Xapian::Unicode::toupper(*it));
  return std::make_pair(text::fold_whitespace(upper), colon);
}

std::optional<LabelMatch> match_turn_label(std::string_view line, bool mixed_case = false) {
  std::size_t i = 0;
  while (i < line.size()) {
    std::size_t w = text::whitespace_length(line, i);
    if (!w) break;
    i += w;
  }
  // Markdown emphasis around a label: "**SECRETARY BLINKEN:**",
  // "**MODERATOR**:", "__Q:__".
  std::string_view emphasis;
  for (std::string_view mark : {"**", "__"})
    if (line.substr(i).starts_with(mark)) {
      emphasis = mark;
      i += mark.size();
    }
  // "**AFSCME:** “...”": a quote collection's source, not a turn.
  auto quote_follows = [&](std::size_t k) {
    std::string_view rest = line.substr(k);
    return rest.starts_with("\"") || rest.starts_with("\xE2\x80\x9C");
  };
  auto after_colon = [&](std::size_t colon) {
    std::size_t k = colon + 1;
    if (!emphasis.empty() && line.substr(k).starts_with(emphasis)) k += emphasis.size();
    // Emphasis that closes after the colon but did not open before the
    // label ("Voters:**", the end of a wrapped bold heading), or that
    // opened and goes on past it ("**WATCH: Fox – **"): not a label.
    if (emphasis.empty() ? line.substr(k).starts_with("**") || line.substr(k).starts_with("__")
                         : k == colon + 1)
      return std::string_view::npos;
    std::size_t w;
    while (k < line.size() && (w = text::whitespace_length(line, k))) k += w;
    return k;
  };
  if (!emphasis.empty()) {
    // "**MODERATOR**:": the closing mark before the colon.
    std::size_t close = line.find(emphasis, i);
    if (close != std::string_view::npos && close + emphasis.size() < line.size() &&
        line[close + emphasis.size()] == ':') {
      std::string inner = std::string(line.substr(0, close)) + ":" +
                          std::string(line.substr(close + emphasis.size() + 1));
      auto m = match_turn_label(std::string_view(inner).substr(i), mixed_case);
      if (!m) return std::nullopt;
      m->length += i + emphasis.size();
      if (quote_follows(m->length)) return std::nullopt;
      m->emphasized = true;
      return m;
    }
  }
  std::size_t start = i;
  // Bare "Q" (or "Q:") with white space after it.
  if (i < line.size() && line[i] == 'Q') {
    std::size_t j = i + 1;
    if (j < line.size() && line[j] == ':') ++j;
    std::size_t w = text::whitespace_length(line, j);
    if (w || j == line.size()) {
      std::size_t k = j;
      while (k < line.size() && (w = text::whitespace_length(line, k))) k += w;
      return LabelMatch{"Q", k};
    }
    // A "Q" glued to the question ("QCan you ..."), a typo of the
    // transcripts; only before words that open questions, so "QAnon" stays.
    static const std::set<std::string, std::less<>> kOpeners = {
        "Can", "Could", "What", "Why", "How", "When", "Where", "Who", "Which", "Is", "Are",
        "Do", "Does", "Did", "Will", "Would", "Should", "Have", "Has", "Mr", "Madam",
        "And", "But", "So", "Thank", "Thanks", "Just", "Any", "Yeah", "Okay", "If", "Was",
        "Were", "Sir", "Please", "One", "Quick", "Follow"};
    std::size_t e = j;
    while (e < line.size() && text::is_ascii_alpha(line[e])) ++e;
    if (e > j && kOpeners.count(line.substr(j, e - j))) return LabelMatch{"Q", j};
  }
  // "A:" answering a "Q:" in an interview: an answer whose speaker the
  // label does not name (the interviewee, a record's declared speaker).
  if (line.substr(i).starts_with("A:") && text::whitespace_length(line, i + 2))
    return LabelMatch{"A", after_colon(i + 1)};
  // Capitals, dots, hyphens, apostrophes and spaces up to a colon; an
  // honorific may be in mixed case ("Dr. WALENSKY:").
  std::size_t j = i;
  for (std::string_view h : {"Dr. ", "Mr. ", "Ms. ", "Mrs. "})
    if (line.substr(i).starts_with(h) && i + h.size() < line.size() &&
        text::is_ascii_upper(line[i + h.size()]) && i + h.size() + 1 < line.size() &&
        text::is_ascii_upper(line[i + h.size() + 1]))
      j = i + h.size();
  int letters = 0;
  while (j < line.size() && j - start <= 60) {
    char c = line[j];
    if (text::is_ascii_upper(c)) {
      ++letters;
    } else if (static_cast<unsigned char>(c) >= 0x80 && letters > 0) {
      // Accented capitals ("PRESIDENT VÕ VĂN THƯỞNG"); lower case would
      // have stopped the label already at its ASCII letters.
    } else if (c == '.' || c == '-' || c == '\'' || c == ' ') {
    } else {
      break;
    }
    ++j;
  }
  if (j >= line.size() || line[j] != ':' || letters < 2) {
    if (!mixed_case) return std::nullopt;
    auto mixed = mixed_case_label(line, start);
    if (!mixed) return std::nullopt;
    std::size_t length = after_colon(mixed->second);
    if (length == std::string_view::npos || (!emphasis.empty() && quote_follows(length)) ||
        is_not_label(mixed->first))
      return std::nullopt;
    return LabelMatch{mixed->first, length, true, !emphasis.empty()};
  }
  std::string label = text::fold_whitespace(line.substr(start, j - start));
  if (label.empty() || !text::is_ascii_upper(label[0])) return std::nullopt;
  // One spelling per honorific: "Dr. WALENSKY" is "DR. WALENSKY".
  for (std::size_t c = 0; c < label.size() && label[c] != ' '; ++c)
    label[c] = static_cast<char>(std::toupper(static_cast<unsigned char>(label[c])));
  if (text::count_words(label) > 6) return std::nullopt;
  if (is_not_label(label)) return std::nullopt;
  std::size_t length = after_colon(j);
  if (length == std::string_view::npos || (!emphasis.empty() && quote_follows(length)))
    return std::nullopt;
  return LabelMatch{label, length, false, !emphasis.empty()};
}

// A parenthesised stage direction such as "(Laughter.)" or "(Speaks
// Spanish.)" starting at raw[i]. Returns its length, or 0.
std::size_t stage_direction_length(std::string_view raw, std::size_t i) {
  if (raw[i] != '(') return 0;
  std::size_t close = raw.find(')', i);
  if (close == std::string_view::npos || close - i > 48) return 0;
  std::string_view inner = raw.substr(i + 1, close - i - 1);
  auto words = text::split_words(inner);
  if (words.empty() || words.size() > 4) return 0;
  std::string lower = text::ascii_lower(text::fold_whitespace(inner));
  static const std::array<std::string_view, 6> kKnown = {
      "inaudible", "crosstalk", "cross-talk", "off-mic", "off mic",
      "as interpreted"};
  for (auto k : kKnown)
    if (lower.starts_with(k)) return close - i + 1;
  if (!text::is_capitalized(words[0])) return 0;
  if (inner.empty() || inner.back() != '.') return 0;
  return close - i + 1;
}

// Builds cleaned paragraph text from raw lines: folds white space, drops
// Markdown escapes, emphasis, link targets, images and stage directions,
// and records where each word starts in the file.
class ParagraphBuilder {
 public:
  explicit ParagraphBuilder(std::string_view content, bool markdown)
      : content_(content), markdown_(markdown) {}

  void add_segment(std::size_t begin, std::size_t end) {
    std::string_view raw = content_.substr(0, end);
    // A line break between segments is white space.
    if (!out_.text.empty()) space_pending_ = true;
    std::size_t i = begin;
    while (i < end) {
      std::size_t w = text::whitespace_length(raw, i);
      if (w) {
        space_pending_ = !out_.text.empty();
        i += w;
        continue;
      }
      char c = raw[i];
      if (std::size_t sd = stage_direction_length(raw, i)) {
        i += sd;
        continue;
      }
      if (markdown_) {
        if (c == '\\' && i + 1 < end &&
            std::ispunct(static_cast<unsigned char>(raw[i + 1]))) {
          emit(raw[i + 1], i);
          i += 2;
          continue;
        }
        if (c == '*') {
          ++i;
          continue;
        }
        if (c == '!' && i + 1 < end && raw[i + 1] == '[') {
          std::size_t close = raw.find("](", i);
          std::size_t paren = close == std::string_view::npos
                                  ? close
                                  : raw.find(')', close);
          if (paren != std::string_view::npos && paren < end) {
            i = paren + 1;
            continue;
          }
        }
        if (c == '[') {
          // [text](target): keep the text, drop the target.
          std::size_t close = raw.find(']', i);
          if (close != std::string_view::npos && close + 1 < end &&
              raw[close + 1] == '(') {
            std::size_t paren = raw.find(')', close);
            if (paren != std::string_view::npos && paren < end) {
              add_segment_plain(i + 1, close);
              i = paren + 1;
              continue;
            }
          }
          // A link whose text goes on past this line: "[President
          // announced in" + "May,](https://...)".
          if (close == std::string_view::npos || close >= end) {
            open_link_ = true;
            ++i;
            continue;
          }
        }
        if (c == ']' && open_link_ && i + 1 < end && raw[i + 1] == '(') {
          std::size_t paren = raw.find(')', i);
          if (paren != std::string_view::npos && paren < end) {
            open_link_ = false;
            i = paren + 1;
            continue;
          }
        }
      }
      emit(c, i);
      ++i;
    }
  }

  bool empty() const { return out_.text.empty(); }

  Paragraph take(std::size_t begin, std::size_t end) {
    Paragraph p = std::move(out_);
    p.byte_begin = begin;
    p.byte_end = end;
    out_ = Paragraph{};
    space_pending_ = false;
    open_link_ = false;
    return p;
  }

 private:
  void add_segment_plain(std::size_t begin, std::size_t end) {
    for (std::size_t i = begin; i < end;) {
      std::size_t w = text::whitespace_length(content_, i);
      if (w) {
        space_pending_ = !out_.text.empty();
        i += w;
        continue;
      }
      if (content_[i] == '\\' && i + 1 < end) ++i;
      else if (markdown_ && content_[i] == '*') {  // "[*emphasis*](...)".
        ++i;
        continue;
      }
      emit(content_[i], i);
      ++i;
    }
  }

  void emit(char c, std::size_t raw_offset) {
    bool word_start = out_.text.empty() || space_pending_;
    if (space_pending_) out_.text.push_back(' ');
    space_pending_ = false;
    if (word_start)
      out_.word_offsets.emplace_back(
          static_cast<std::uint32_t>(out_.text.size()),
          static_cast<std::uint32_t>(raw_offset));
    out_.text.push_back(c);
  }

  std::string_view content_;
  bool markdown_;
  Paragraph out_;
  bool space_pending_ = false;
  bool open_link_ = false;  // A "[" whose "](target)" is on a later line.
};

// A time or "END" line of a transcript: "2:55 P.M. EDT", "END 3:30 P.M. EST".
bool is_time_line(std::string_view line) {
  std::string s = text::fold_whitespace(line);
  if (s == "END") return true;
  if (s.starts_with("END ")) s = s.substr(4);
  std::size_t i = 0;
  int digits = 0;
  while (i < s.size() && text::is_ascii_digit(s[i])) ++i, ++digits;
  if (digits < 1 || digits > 2 || i >= s.size() || s[i] != ':') return false;
  ++i;
  digits = 0;
  while (i < s.size() && text::is_ascii_digit(s[i])) ++i, ++digits;
  if (digits != 2) return false;
  std::string rest = text::ascii_lower(s.substr(i));
  return rest.find("m") != std::string::npos && rest.size() <= 12;
}

// Splits [from, to) of `content` into paragraphs at blank lines. With
// `markdown`, Markdown is cleaned and turn labels are recognised.
// True if a label names a speaker rather than a section: "MR. KIRBY",
// "THE PRESIDENT", "Q", "MODERATOR". A heading such as "TAKING BACK
// CONTROL:" in a fact sheet looks alike, but stands once; a speaker
// label recurs or starts with an honorific or role.
bool is_speaker_label(const std::string& label, int uses) {
  if (uses >= 2 || label == "Q") return true;
  static const std::array<std::string_view, 29> kLeads = {
      "MR", "MS", "MRS", "DR", "THE ", "PRESIDENT", "VICE PRESIDENT",
      "SECRETARY", "PRIME MINISTER", "DEPUTY PRIME MINISTER", "FOREIGN MINISTER",
      "DEPUTY FOREIGN MINISTER", "MINISTER ", "SPOKESPERSON", "AMBASSADOR", "SENATOR", "GOVERNOR",
      "ADMIRAL", "GENERAL", "MODERATOR", "SENIOR ADMINISTRATION", "QUESTION",
      "MAYOR", "CHANCELLOR", "FIRST LADY", "ADMINISTRATOR", "DIRECTOR",
      "PARTICIPANT", "AUDIENCE"};
  for (auto lead : kLeads)
    if (label.starts_with(lead)) return true;
  return false;
}

// The turn labels of [from, to) of a document, to tell speakers from
// headings before the paragraphs are built.
struct LabelCounts {
  std::map<std::string, int> opening;  // Labels opening a paragraph.
  std::map<std::string, int> any;      // Labels opening any line.
  std::set<std::string> mixed_case;    // Written in mixed case.
  // Mixed-case labels are speakers only in an interview-shaped document:
  // a "Question:" label, or two people's labels each used twice.
  bool interview = false;
  // Some label in bold (not mixed case) opens two or more paragraphs: the
  // page writes its turns in bold, so a speaker's single turn counts too.
  bool bold_turns = false;

  bool is_speaker(const LabelMatch& m) const {
    auto uses = [](const std::map<std::string, int>& counts, const std::string& label) {
      auto it = counts.find(label);
      return it == counts.end() ? 0 : it->second;
    };
    // Bold labels in releases are field names and sources ("**Offense:**",
    // "**WATCH:**"); in a transcript each speaker has several turns.
    if (m.emphasized && (m.mixed_case || (uses(opening, m.label) < 2 && !bold_turns)))
      return false;
    if (m.mixed_case)
      return interview && mixed_case.count(m.label) &&
             (m.label == "QUESTION" || std::max(uses(opening, m.label), uses(any, m.label)) >= 2);
    // Capitals that recur only inside paragraphs are field names
    // ("OFFENSE:", "SENTENCE:" in a list), not speakers.
    return is_speaker_label(m.label, uses(opening, m.label));
  }
};

LabelCounts count_labels(std::string_view content, std::size_t from, std::size_t to) {
  LabelCounts counts;
  bool after_blank = true;
  int lines = 0, paragraphs = 0;
  std::vector<std::string> bold;
  for (const Line& line : split_lines(content, from, to)) {
    std::string_view l = content.substr(line.begin, line.end - line.begin);
    if (text::is_blank(l)) {
      after_blank = true;
      continue;
    }
    ++lines;
    if (after_blank) ++paragraphs;
    if (auto label = match_turn_label(l, true)) {
      if (after_blank) ++counts.opening[label->label];
      ++counts.any[label->label];
      // Bold words in mixed case are a release's field names.
      if (label->mixed_case && !label->emphasized) counts.mixed_case.insert(label->label);
      if (label->emphasized && !label->mixed_case && after_blank) bold.push_back(label->label);
    }
    after_blank = false;
  }
  // An interview: two or more such labels, a "Question:" or one person
  // speaking twice, and labels opening at least a third of the lines or
  // paragraphs, as turns do (a release's "Email:" or "Institutions:"
  // lines are fewer).
  for (const auto& label : bold)
    if (counts.opening[label] >= 2 && is_speaker_label(label, 2)) counts.bold_turns = true;
  int people = 0, mixed_lines = 0, mixed_paragraphs = 0;
  bool question = false;
  for (const auto& label : counts.mixed_case) {
    mixed_lines += counts.any[label];
    mixed_paragraphs += counts.opening[label];
    if (label == "QUESTION") question = true;
    else if (counts.any[label] >= 2) ++people;
  }
  counts.interview = (question || people >= 1) && counts.mixed_case.size() >= 2 &&
                     (mixed_lines * 3 >= lines || mixed_paragraphs * 3 >= paragraphs);
  return counts;
}

std::vector<Paragraph> build_paragraphs(std::string_view content,
                                        std::size_t from, std::size_t to,
                                        bool markdown, bool detect_turns) {
  std::vector<Paragraph> paragraphs;
  LabelCounts labels;
  if (detect_turns) labels = count_labels(content, from, to);
  ParagraphBuilder builder(content, markdown);
  std::string current_label;
  bool pending_start = false;
  std::size_t para_begin = 0, para_end = 0;
  bool in_para = false;

  auto finish = [&]() {
    if (!in_para) return;
    in_para = false;
    if (builder.empty()) {
      builder.take(0, 0);
      return;
    }
    Paragraph p = builder.take(para_begin, para_end);
    // A whole paragraph in parentheses is a stage direction:
    // "(Admiral John Kirby enters the Press Briefing Room.)".
    if (p.text.size() > 2 && p.text.front() == '(' && p.text.back() == ')' &&
        p.text.find(')') == p.text.size() - 1)
      return;
    // "###", "* * *": end marks and rules carry no words.
    if (std::none_of(p.text.begin(), p.text.end(), [](char c) {
          return std::isalnum(static_cast<unsigned char>(c)) ||
                 static_cast<unsigned char>(c) >= 0x80;
        }))
      return;
    p.turn_label = current_label;
    p.starts_turn = pending_start;
    pending_start = false;
    paragraphs.push_back(std::move(p));
  };

  for (const Line& line : split_lines(content, from, to)) {
    std::string_view text_line = content.substr(line.begin, line.end - line.begin);
    if (text::is_blank(text_line)) {
      finish();
      continue;
    }
    std::size_t skip = 0;
    std::optional<LabelMatch> label;
    if (detect_turns) label = match_turn_label(text_line, true);
    if (label && in_para) {
      // Turns on consecutive lines, without blank lines between them: a
      // label used at least twice opens a paragraph ("MR PRICE: ..." on
      // the line after a question). Not a bare "Q", which may open a
      // wrapped line of prose.
      if (label->label != "Q" && labels.any[label->label] >= 2 && labels.is_speaker(*label))
        finish();
    }
    if (label && !in_para) {
      if (labels.is_speaker(*label)) {
        current_label = label->label;
        pending_start = true;
        skip = label->length;
      }
    }
    if (!in_para && markdown) {
      // Headings, horizontal rules and transcript time lines.
      std::string_view t = text::trim(text_line);
      if (is_time_line(t)) continue;
      if (t == "* * *" || t == "---" || t == "***") continue;
      std::size_t hashes = 0;
      while (hashes < t.size() && t[hashes] == '#') ++hashes;
      if (hashes > 0 && hashes < t.size() && t[hashes] == ' ')
        skip = std::max<std::size_t>(
            skip, static_cast<std::size_t>(t.data() - text_line.data()) +
                      hashes + 1);
    }
    if (!in_para) {
      in_para = true;
      para_begin = line.begin + skip;
    }
    builder.add_segment(line.begin + skip, line.end);
    para_end = line.end;
  }
  finish();
  return paragraphs;
}

// ---------------------------------------------------------------------
// Front matter (a YAML subset: flat "key: value" with quoted, folded and
// plain scalars).

std::string decode_double_quoted(std::string_view raw) {
  // raw includes the quotes. Line breaks fold into one space unless the
  // line ends with a backslash; leading indentation of continuation
  // lines is dropped.
  std::string folded;
  std::size_t i = 1;
  std::size_t end = raw.rfind('"');
  if (end == std::string_view::npos || end == 0) end = raw.size();
  while (i < end) {
    char c = raw[i];
    if (c == '\\' && i + 1 < end && raw[i + 1] == '\n') {
      i += 2;
      while (i < end && (raw[i] == ' ' || raw[i] == '\t')) ++i;
      continue;
    }
    if (c == '\n') {
      while (!folded.empty() && folded.back() == ' ') folded.pop_back();
      folded.push_back(' ');
      ++i;
      while (i < end && (raw[i] == ' ' || raw[i] == '\t')) ++i;
      continue;
    }
    if (c == '\\' && i + 1 < end) {
      char e = raw[i + 1];
      i += 2;
      switch (e) {
        case 'n': folded.push_back('\n'); break;
        case 't': folded.push_back('\t'); break;
        case '_': folded += "\xC2\xA0"; break;
        case 'N': folded += "\xC2\x85"; break;
        case '0': break;
        case 'x':
        case 'u':
        case 'U': {
          std::size_t digits = e == 'x' ? 2 : e == 'u' ? 4 : 8;
          if (i + digits > end) break;
          unsigned long cp = std::strtoul(
              std::string(raw.substr(i, digits)).c_str(), nullptr, 16);
          i += digits;
          if (cp < 0x80) {
            if (cp) folded.push_back(static_cast<char>(cp));
          } else if (cp < 0x800) {
            folded.push_back(static_cast<char>(0xC0 | (cp >> 6)));
            folded.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
          } else if (cp < 0x10000) {
            if (cp >= 0xD800 && cp <= 0xDFFF) break;
            folded.push_back(static_cast<char>(0xE0 | (cp >> 12)));
            folded.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
            folded.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
          } else if (cp <= 0x10FFFF) {
            folded.push_back(static_cast<char>(0xF0 | (cp >> 18)));
            folded.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
            folded.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
            folded.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
          }
          break;
        }
        default: folded.push_back(e); break;  // \" \\ \/ and "\ "
      }
      continue;
    }
    folded.push_back(c);
    ++i;
  }
  return folded;
}

std::string decode_scalar(std::string_view raw) {
  std::string_view t = text::trim(raw);
  if (t.empty()) return {};
  if (t.front() == '"') return text::fold_whitespace(decode_double_quoted(t));
  if (t.front() == '\'') {
    std::string out;
    std::size_t end = t.size() > 1 && t.back() == '\'' ? t.size() - 1 : t.size();
    for (std::size_t i = 1; i < end; ++i) {
      if (t[i] == '\'' && i + 1 < end && t[i + 1] == '\'') ++i;
      out.push_back(t[i]);
    }
    return text::fold_whitespace(out);
  }
  return text::fold_whitespace(t);
}

struct FrontMatter {
  std::vector<std::pair<std::string, std::string>> fields;
  std::size_t body_begin = 0;

  const std::string* get(std::string_view key) const {
    for (const auto& [k, v] : fields)
      if (k == key) return &v;
    return nullptr;
  }
};

std::optional<FrontMatter> parse_front_matter(std::string_view content) {
  std::size_t start = 0;
  if (content.starts_with("\xEF\xBB\xBF")) start = 3;
  if (content.substr(start, 4) != "---\n" &&
      content.substr(start, 5) != "---\r\n")
    return std::nullopt;
  std::size_t pos = content.find('\n', start) + 1;
  FrontMatter fm;
  std::string key;
  std::string value;
  auto flush = [&]() {
    if (!key.empty()) fm.fields.emplace_back(key, decode_scalar(value));
    key.clear();
    value.clear();
  };
  while (pos < content.size()) {
    std::size_t nl = content.find('\n', pos);
    if (nl == std::string_view::npos) nl = content.size();
    std::string_view line = content.substr(pos, nl - pos);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    std::size_t next = nl + 1;
    if (line == "---" || line == "...") {
      flush();
      fm.body_begin = std::min(next, content.size());
      return fm;
    }
    bool indented = !line.empty() && (line[0] == ' ' || line[0] == '\t');
    auto colon = line.find(':');
    if (!indented && colon != std::string_view::npos && colon > 0) {
      flush();
      key = text::ascii_lower(text::trim(line.substr(0, colon)));
      value = std::string(line.substr(colon + 1));
    } else if (!key.empty()) {
      value += '\n';
      value += line;
    }
    pos = next;
  }
  return std::nullopt;  // No closing line: not front matter.
}

std::string host_of(std::string_view url) {
  auto scheme = url.find("://");
  if (scheme == std::string_view::npos) return {};
  auto host_begin = scheme + 3;
  auto host_end = url.find('/', host_begin);
  std::string host(url.substr(host_begin, host_end == std::string_view::npos
                                              ? std::string_view::npos
                                              : host_end - host_begin));
  if (host.starts_with("www.")) host = host.substr(4);
  return host;
}

// ---------------------------------------------------------------------
// Formats.

std::string fallback_title(std::string_view path) {
  std::string stem = file_stem(path);
  return stem.empty() ? std::string(path) : stem;
}

// A date field of front matter or a record: "2023-03-03", "March 3,
// 2023", or a timestamp whose first ten characters are an ISO date
// ("2023-03-03 10:00:00", "2023-03-03T10:00:00Z").
std::optional<Date> metadata_date(std::string_view text) {
  if (auto d = parse_date(text)) return d;
  text = text::trim(text);
  if (text.size() > 10 && text[4] == '-') return parse_date(text.substr(0, 10));
  return std::nullopt;
}

void set_date_from_text(Article& article, std::string_view top) {
  if (article.date) return;
  if (auto d = find_dateline(top)) {
    article.date = d;
    article.date_source = DateSource::kDateline;
  }
}

void set_date_from_filename(Article& article) {
  if (article.date) return;
  if (auto d = find_date_in_filename(article.path)) {
    article.date = d;
    article.date_source = DateSource::kFileName;
  }
}

std::size_t count_turn_labels(const std::vector<Paragraph>& paragraphs) {
  return static_cast<std::size_t>(
      std::count_if(paragraphs.begin(), paragraphs.end(),
                    [](const Paragraph& p) { return p.starts_turn; }));
}

// A " date 2023-03-03 Title" marker at the start of the first line.
bool take_date_marker(std::string_view& line, Article& article) {
  std::string_view t = text::trim(line);
  if (!text::starts_with_ci(t, "date")) return false;
  std::string_view rest = t.substr(4);
  if (!rest.empty() && rest[0] == ':') rest.remove_prefix(1);
  rest = text::trim(rest);
  std::size_t n = 0;
  while (n < rest.size() && (text::is_ascii_digit(rest[n]) || rest[n] == '-'))
    ++n;
  auto d = parse_date(rest.substr(0, n));
  if (!d) return false;
  article.date = d;
  article.date_source = DateSource::kMarker;
  line = text::trim(rest.substr(n));
  return true;
}

Article parse_plain_text(std::string_view content, std::string_view path) {
  Article article;
  article.path = std::string(path);
  article.kind = ArticleKind::kNews;
  // Title: the first non-blank line that is not site furniture
  // ("Advertisement", "Skip to main content"), or what follows a date
  // marker on it; a Markdown heading loses its "#".
  std::size_t body_begin = 0;
  for (const Line& line : split_lines(content, 0, content.size())) {
    std::string_view l = content.substr(line.begin, line.end - line.begin);
    if (text::is_blank(l) || is_boilerplate(l)) continue;
    std::string folded = text::fold_whitespace(l);
    std::string_view title_text = folded;
    if (title_text.starts_with('#')) {
      std::size_t hashes = title_text.find_first_not_of('#');
      if (hashes != std::string_view::npos && title_text[hashes] == ' ')
        title_text = text::trim(title_text.substr(hashes));
    }
    take_date_marker(title_text, article);
    if (text::count_words(title_text) <= 40) {
      article.title = std::string(title_text);
      body_begin = after_line(content, line);
    } else {
      article.warnings.push_back("first line too long for a title");
      body_begin = line.begin;
    }
    break;
  }
  // Header lines under the title (after blank lines, if any) up to the
  // next blank line: a date line, a "By" byline, a dated line
  // ("Published 7:31 AM EST, March 2, 2023").
  bool in_header = false;
  for (const Line& line : split_lines(content, body_begin, content.size())) {
    std::string_view l = content.substr(line.begin, line.end - line.begin);
    if (text::is_blank(l)) {
      if (in_header) break;
      continue;
    }
    in_header = true;
    if (auto d = parse_date(l); d && !article.date) {
      article.date = d;
      article.date_source = DateSource::kDateline;
    } else if (auto by = byline_of(l); by && text::starts_with_ci(text::trim(l), "by ")) {
      article.byline = *by;
    } else if (auto dated = dated_header(l); dated && !article.byline.empty()) {
      // Only after a byline: a lone "Friday, March 3" line is handled
      // with the body's header paragraphs.
      if (!article.date) {
        article.date = dated;
        article.date_source = DateSource::kDateline;
      }
    } else {
      break;
    }
    body_begin = after_line(content, line);
  }
  std::vector<Paragraph> paragraphs;
  std::vector<Line> body_lines = split_lines(content, body_begin, content.size());
  bool has_blank_line = std::any_of(body_lines.begin(), body_lines.end(), [&](const Line& l) {
    return text::is_blank(content.substr(l.begin, l.end - l.begin));
  });
  if (has_blank_line || body_lines.size() < 2) {
    paragraphs = build_paragraphs(content, body_begin, content.size(), false, false);
  } else {
    // No blank lines at all: each line is a paragraph.
    for (const Line& line : body_lines) {
      auto one = build_paragraphs(content, line.begin, line.end, false, false);
      for (auto& p : one) paragraphs.push_back(std::move(p));
    }
  }

  // Boilerplate, link blocks, a byline line, a date line near the top.
  std::vector<Paragraph> kept;
  bool in_link_block = false;
  for (std::size_t i = 0; i < paragraphs.size(); ++i) {
    Paragraph& p = paragraphs[i];
    if (is_link_block_header(p.text)) {
      in_link_block = true;
      continue;
    }
    if (in_link_block) {
      in_link_block = false;
      if (is_headline(p.text)) continue;
    }
    if (is_boilerplate(p.text)) continue;
    // Wire credits and copyright lines at the end: "Reporting by Jane
    // Doe; Editing by John Smith", "© 2023 Example News".
    if (i + 4 >= paragraphs.size() && is_credit_line(p.text)) continue;
    if (kept.size() < 3 && !article.date) {
      if (auto d = parse_date(p.text)) {
        article.date = d;
        article.date_source = DateSource::kDateline;
        continue;
      }
    }
    // Header lines near the top: "Published: 2023-03-03", "Friday,
    // March 3, 2023", "Updated 6:45 PM ET, Tue May 16, 2023", and a
    // briefing's time ("1:18 p.m. EST").
    if (kept.size() < 3) {
      if (is_time_line(p.text)) continue;
      if (auto d = dated_header(p.text)) {
        if (!article.date) {
          article.date = d;
          article.date_source = DateSource::kDateline;
        }
        continue;
      }
    }
    bool near_top = kept.size() < 2;
    bool near_end = i + 4 >= paragraphs.size();
    if (article.byline.empty() && (near_top || near_end)) {
      if (auto byline = byline_of(p.text)) {
        bool explicit_by = text::starts_with_ci(p.text, "by ");
        // A bare name is a byline only at the end, after the text.
        if (explicit_by || (near_end && !kept.empty())) {
          article.byline = *byline;
          continue;
        }
      }
    }
    kept.push_back(std::move(p));
  }
  // A bare name line may be followed only by boilerplate; if the last
  // kept paragraph is a name, it is the byline.
  if (article.byline.empty() && kept.size() > 1) {
    if (auto byline = byline_of(kept.back().text)) {
      article.byline = *byline;
      kept.pop_back();
    }
  }
  article.paragraphs = std::move(kept);
  if (!article.date) {
    std::string top;
    for (std::size_t i = 0; i < article.paragraphs.size() && i < 2; ++i)
      top += article.paragraphs[i].text.substr(0, 300) + "\n";
    set_date_from_text(article, top);
  }
  // "Department Press Briefing - March 2, 2023": a date in the title.
  set_date_from_text(article, article.title);
  set_date_from_filename(article);
  if (article.title.empty()) {
    article.title = fallback_title(path);
    article.warnings.push_back("no title; using the file name");
  }
  // A plain-text transcript: a file whose paragraphs open with labels.
  std::vector<Paragraph> relabelled =
      build_paragraphs(content, body_begin, content.size(), false, true);
  if (count_turn_labels(relabelled) >= 3) {
    std::vector<Paragraph> turns;
    bool turn_seen = false;
    for (auto& p : relabelled) {
      turn_seen = turn_seen || !p.turn_label.empty();
      // Header lines before the first turn (the speaker's name and title,
      // the place, the date and time), as in Markdown transcripts.
      bool header = !turn_seen && (is_headline(p.text) || is_time_line(p.text) ||
                                   dated_header(p.text) || parse_date(p.text) ||
                                   short_lines(content.substr(p.byte_begin,
                                                              p.byte_end - p.byte_begin)));
      if (header) article.preamble += (article.preamble.empty() ? "" : "\n") + p.text;
      else if (!is_boilerplate(p.text) && p.text != article.byline)
        turns.push_back(std::move(p));
    }
    article.paragraphs = std::move(turns);
    article.kind = ArticleKind::kTranscript;
  }
  return article;
}

Article parse_markdown(std::string_view content, std::string_view path) {
  auto fm = parse_front_matter(content);
  if (!fm) {
    Article article = parse_plain_text(content, path);
    return article;
  }
  Article article;
  article.path = std::string(path);
  if (const auto* title = fm->get("title")) article.title = *title;
  if (const auto* url = fm->get("source_url")) article.url = *url;
  else if (const auto* u = fm->get("url")) article.url = *u;
  if (const auto* source = fm->get("source")) article.source = *source;
  else if (!article.url.empty()) article.source = host_of(article.url);
  if (const auto* author = fm->get("author")) article.byline = *author;
  if (const auto* tags = fm->get("tags")) {
    for (auto t : text::split_words(*tags)) {
      std::string tag(t);
      std::erase_if(tag, [](char c) { return c == ',' || c == '[' || c == ']'; });
      if (!tag.empty()) article.tags.push_back(tag);
    }
  }
  // The first date field present, as for JSON records.
  const std::string* date = fm->get("date");
  if (!date) date = fm->get("published");
  if (!date) date = fm->get("published_at");
  if (date) {
    if (auto parsed = metadata_date(*date)) {
      article.date = parsed;
      article.date_source = DateSource::kMetadata;
    } else {
      article.warnings.push_back("invalid date '" + *date + "' ignored");
    }
  }
  article.paragraphs =
      build_paragraphs(content, fm->body_begin, content.size(), true, true);
  // Header lines before the first turn (room, place) are not passages
  // when the page is a transcript.
  // One labelled turn is enough: a speech is one long "THE PRESIDENT:"
  // turn.
  std::size_t turns = count_turn_labels(article.paragraphs);
  if (turns >= 1) {
    article.kind = ArticleKind::kTranscript;
    auto first_turn = std::find_if(
        article.paragraphs.begin(), article.paragraphs.end(),
        [](const Paragraph& p) { return !p.turn_label.empty(); });
    article.paragraphs.erase(
        std::remove_if(article.paragraphs.begin(), first_turn,
                       [](const Paragraph& p) { return is_headline(p.text); }),
        first_turn);
  } else {
    article.kind = ArticleKind::kNews;
  }
  if (!article.date) {
    std::string top;
    for (std::size_t i = 0; i < article.paragraphs.size() && i < 3; ++i)
      top += article.paragraphs[i].text.substr(0, 300) + "\n";
    set_date_from_text(article, top);
  }
  set_date_from_filename(article);
  if (article.title.empty()) {
    article.title = fallback_title(path);
    article.warnings.push_back("no title; using the file name");
  }
  return article;
}

// "a number", "an object": a JSON value's type for a message.
std::string a_json_type(const json& value) {
  std::string name = value.type_name();
  return (name == "object" || name == "array" ? "an " : "a ") + name;
}

// The first of `keys` whose value is a non-blank string. A key whose
// value is not a string is noted in `wrong` ("\"date\" is a number") and
// skipped, so that a typed field is never dropped in silence.
std::string json_string_field(const json& record, std::initializer_list<const char*> keys,
                              std::vector<std::string>* wrong = nullptr) {
  for (const char* key : keys) {
    auto it = record.find(key);
    if (it == record.end() || it->is_null()) continue;
    if (!it->is_string()) {
      if (wrong)
        wrong->push_back("\"" + std::string(key) + "\" is " + a_json_type(*it) +
                         ", not a string");
      continue;
    }
    if (!text::is_blank(it->get_ref<const std::string&>())) return it->get<std::string>();
  }
  return {};
}

Article parse_record(const json& record, std::string_view path,
                     std::size_t begin, std::size_t end, std::size_t index) {
  if (!record.is_object())
    throw Error(ErrorCode::kInvalidArgument,
                std::string("record ") + std::to_string(index + 1) +
                    " is a JSON " + record.type_name() + ", not an object");
  Article article;
  article.path = std::string(path);
  article.kind = ArticleKind::kRecord;
  const std::string record_name = "record " + std::to_string(index + 1);
  std::vector<std::string> wrong;  // Fields of the wrong type.
  std::string body = json_string_field(record, {"text", "body", "content"}, &wrong);
  if (text::is_blank(body))
    throw Error(ErrorCode::kInvalidArgument,
                record_name + (wrong.empty() ? " has no \"text\" or \"body\""
                                             : ": " + wrong.front() + " (want the text)"));
  if (auto bad = text::find_invalid_utf8(body))
    throw Error(ErrorCode::kInvalidArgument, "invalid UTF-8 in record text");
  article.title = text::fold_whitespace(
      json_string_field(record, {"title", "headline"}, &wrong));
  article.url = json_string_field(record, {"url", "link", "source_url"}, &wrong);
  article.source = json_string_field(record, {"source", "publisher", "outlet"}, &wrong);
  article.byline = json_string_field(record, {"byline", "author"}, &wrong);
  std::string date =
      json_string_field(record, {"date", "published", "published_at"}, &wrong);
  if (!date.empty()) {
    if (auto parsed = metadata_date(date)) {
      article.date = parsed;
      article.date_source = DateSource::kMetadata;
    } else {
      article.warnings.push_back(record_name + ": invalid date '" + date + "' ignored");
    }
  }
  // "speakers": ["Ned Price", ...], or one name as a string.
  if (auto it = record.find("speakers"); it != record.end() && !it->is_null()) {
    json names = it->is_string() ? json::array({*it}) : *it;
    if (!names.is_array()) {
      wrong.push_back("\"speakers\" is " + a_json_type(*it) + ", not a list of names");
    } else {
      for (const auto& s : names) {
        if (s.is_string() && !text::is_blank(s.get<std::string>()))
          article.declared_speakers.push_back(text::fold_whitespace(s.get<std::string>()));
        else if (!s.is_string())
          wrong.push_back("a speaker is " + a_json_type(s) + ", not a name");
      }
    }
  }
  for (const auto& w : wrong) article.warnings.push_back(record_name + ": " + w + "; ignored");
  // The body's paragraphs; all point at the record's bytes in the file,
  // since JSON escapes make finer offsets meaningless.
  std::vector<Paragraph> paragraphs =
      build_paragraphs(body, 0, body.size(), false, true);
  if (count_turn_labels(paragraphs) < 2) {
    paragraphs = build_paragraphs(body, 0, body.size(), false, false);
  } else {
    article.kind = ArticleKind::kRecord;
  }
  for (auto& p : paragraphs) {
    p.byte_begin = begin;
    p.byte_end = end;
    for (auto& [text_offset, file_offset] : p.word_offsets)
      file_offset = static_cast<std::uint32_t>(begin);
  }
  article.paragraphs = std::move(paragraphs);
  if (!article.date) set_date_from_filename(article);
  if (article.title.empty()) {
    article.title = fallback_title(path);
    if (index > 0) article.title += " #" + std::to_string(index + 1);
    article.warnings.push_back("no title; using the file name");
  }
  return article;
}

std::vector<Article> parse_json_file(std::string_view content,
                                     std::string_view path) {
  json doc = json::parse(content, nullptr, false);
  if (doc.is_discarded())
    throw Error(ErrorCode::kInvalidArgument, "JSON does not parse");
  std::vector<Article> articles;
  if (doc.is_array()) {
    if (doc.empty())
      throw Error(ErrorCode::kInvalidArgument, "empty JSON array");
    for (std::size_t i = 0; i < doc.size(); ++i)
      articles.push_back(parse_record(doc[i], path, 0, content.size(), i));
  } else {
    articles.push_back(parse_record(doc, path, 0, content.size(), 0));
  }
  return articles;
}

std::vector<Article> parse_json_lines(std::string_view content,
                                      std::string_view path) {
  std::vector<Article> articles;
  std::vector<std::string> problems;
  std::size_t index = 0;
  for (const Line& line : split_lines(content, 0, content.size())) {
    std::string_view text_line = content.substr(line.begin, line.end - line.begin);
    if (text::is_blank(text_line)) continue;
    json record = json::parse(text_line, nullptr, false);
    try {
      if (record.is_discarded())
        throw Error(ErrorCode::kInvalidArgument,
                    "record " + std::to_string(index + 1) + " does not parse");
      articles.push_back(parse_record(record, path, line.begin, line.end, index));
    } catch (const Error& e) {
      problems.push_back(e.what());
    }
    ++index;
  }
  if (articles.empty())
    throw Error(ErrorCode::kInvalidArgument,
                problems.empty() ? "no records" : problems.front());
  for (const auto& problem : problems)
    articles.front().warnings.push_back(problem + "; skipped");
  return articles;
}

}  // namespace

std::string_view article_kind_name(ArticleKind kind) {
  switch (kind) {
    case ArticleKind::kNews: return "news";
    case ArticleKind::kTranscript: return "transcript";
    case ArticleKind::kRecord: return "record";
  }
  return "news";
}

std::string_view date_source_name(DateSource source) {
  switch (source) {
    case DateSource::kNone: return "none";
    case DateSource::kSidecar: return "sidecar";
    case DateSource::kMetadata: return "metadata";
    case DateSource::kMarker: return "marker";
    case DateSource::kDateline: return "dateline";
    case DateSource::kFileName: return "filename";
  }
  return "none";
}

const std::vector<std::string_view>& boilerplate_lines() { return kBoilerplate; }

std::vector<Article> parse_article(std::string_view content,
                                   std::string_view path) {
  check_content(content);
  std::string ext = text::ascii_lower(extension_of(path));
  std::vector<Article> articles;
  if (ext == ".jsonl" || ext == ".ndjson") {
    articles = parse_json_lines(content, path);
  } else if (ext == ".json") {
    articles = parse_json_file(content, path);
  } else if (ext == ".md" || ext == ".markdown" ||
             content.starts_with("---\n")) {
    articles.push_back(parse_markdown(content, path));
  } else {
    articles.push_back(parse_plain_text(content, path));
  }
  // Soft hyphens (U+00AD) are invisible hyphenation hints that web pages
  // leave inside words ("extraordinar\u00AD\u00ADily"); Xapian would split
  // the word at them. Byte offsets still point into the file as it is.
  auto drop_soft_hyphens = [](std::string& s) {
    if (s.find("\xC2\xAD") == std::string::npos) return;
    std::string out;
    out.reserve(s.size());
    for (std::size_t i = 0; i < s.size(); ++i) {
      if (s[i] == '\xC2' && i + 1 < s.size() && s[i + 1] == '\xAD') {
        ++i;
        continue;
      }
      out += s[i];
    }
    s = std::move(out);
  };
  for (Article& a : articles) {
    drop_soft_hyphens(a.title);
    for (Paragraph& p : a.paragraphs) drop_soft_hyphens(p.text);
  }
  bool any_text = std::any_of(articles.begin(), articles.end(),
                              [](const Article& a) { return !a.paragraphs.empty(); });
  if (!any_text)
    throw Error(ErrorCode::kInvalidArgument,
                "no article text (only a title or boilerplate)");
  return articles;
}

ArticleOverrides parse_overrides(std::string_view json_text) {
  json doc = json::parse(json_text, nullptr, false);
  if (doc.is_discarded() || !doc.is_object())
    throw Error(ErrorCode::kInvalidArgument, "sidecar is not a JSON object");
  ArticleOverrides o;
  // A field of the wrong type fails the file, like a bad date: a
  // sidecar exists to be obeyed, so it is never ignored in silence.
  auto str = [&](const char* key) -> std::optional<std::string> {
    auto it = doc.find(key);
    if (it == doc.end() || it->is_null()) return std::nullopt;
    if (!it->is_string())
      throw Error(ErrorCode::kInvalidArgument, std::string("sidecar field \"") + key + "\" is " +
                                                   a_json_type(*it) + ", not a string");
    return it->get<std::string>();
  };
  o.title = str("title");
  o.source = str("source");
  o.url = str("url");
  o.byline = str("byline");
  if (!o.byline) o.byline = str("author");
  if (auto date = str("date")) {
    o.date = metadata_date(*date);
    if (!o.date)
      throw Error(ErrorCode::kInvalidArgument,
                  "sidecar date '" + *date + "' is not a valid date");
  }
  return o;
}

void apply_overrides(const ArticleOverrides& o, Article& article) {
  if (o.title) article.title = text::fold_whitespace(*o.title);
  if (o.date) {
    article.date = o.date;
    article.date_source = DateSource::kSidecar;
  }
  if (o.source) article.source = *o.source;
  if (o.url) article.url = *o.url;
  if (o.byline) article.byline = *o.byline;
}

namespace {

std::string read_file(const std::string& path) {
  std::error_code dir_ec;
  if (std::filesystem::is_directory(path, dir_ec))
    throw Error(ErrorCode::kInvalidArgument, "is a folder, not an article file");
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    std::error_code ec;
    if (!std::filesystem::exists(path, ec))
      throw Error(ErrorCode::kNotFound, "no such file");
    throw Error(ErrorCode::kIoError, "cannot read (permission denied?)");
  }
  std::ostringstream buf;
  buf << in.rdbuf();
  if (in.bad()) throw Error(ErrorCode::kIoError, "read error");
  return std::move(buf).str();
}

}  // namespace

std::vector<Article> load_article(const std::string& path) {
  std::string content = read_file(path);
  std::vector<Article> articles = parse_article(content, path);
  std::string ext = text::ascii_lower(extension_of(path));
  if (ext == ".txt" || ext == ".md" || ext == ".markdown" || ext == ".text") {
    std::string sidecar = path.substr(0, path.size() - ext.size()) + ".json";
    std::error_code ec;
    if (std::filesystem::is_regular_file(sidecar, ec)) {
      ArticleOverrides o = parse_overrides(read_file(sidecar));
      for (auto& a : articles) apply_overrides(o, a);
    }
  }
  return articles;
}

}  // namespace brief

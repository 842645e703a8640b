// Copyright (c) 2026 The brief-search Authors. MIT licence.
// Calendar dates and the date formats found in press briefings.

#include "brief/date.h"

#include <array>
#include <cstdio>
#include <regex>

#include "text.h"

namespace brief {

namespace {

// Month names and their common abbreviations, lower case.
int month_from_name(std::string_view word) {
  static constexpr std::array<std::string_view, 12> kNames = {
      "january", "february", "march",     "april",   "may",      "june",
      "july",    "august",   "september", "october", "november", "december"};
  std::string w = text::ascii_lower(word);
  if (!w.empty() && w.back() == '.') w.pop_back();
  if (w == "sept") return 9;
  for (int m = 0; m < 12; ++m) {
    if (w == kNames[m]) return m + 1;
    if (w.size() == 3 && kNames[m].substr(0, 3) == w) return m + 1;
  }
  return 0;
}

std::optional<Date> make_date(int year, int month, int day) {
  if (!is_valid_date(year, month, day)) return std::nullopt;
  return Date{year, month, day};
}

constexpr const char* kMonthPattern =
    "(January|February|March|April|May|June|July|August|September|October|"
    "November|December|Jan\\.?|Feb\\.?|Mar\\.?|Apr\\.?|Jun\\.?|Jul\\.?|"
    "Aug\\.?|Sept?\\.?|Oct\\.?|Nov\\.?|Dec\\.?)";

const std::regex& iso_regex() {
  static const std::regex re(
      "(^|[^0-9A-Za-z])([0-9]{4})[-/]([0-9]{1,2})[-/]([0-9]{1,2})($|[^0-9])");
  return re;
}

const std::regex& month_day_year_regex() {
  static const std::regex re(std::string("\\b") + kMonthPattern +
                             " ([0-9]{1,2}),? ([0-9]{4})\\b");
  return re;
}

const std::regex& day_month_year_regex() {
  static const std::regex re(std::string("\\b([0-9]{1,2}) ") + kMonthPattern +
                             ",? ([0-9]{4})\\b");
  return re;
}

}  // namespace

std::string Date::iso() const {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", year, month, day);
  return buf;
}

bool is_valid_date(int year, int month, int day) {
  if (year < 1 || year > 9999 || month < 1 || month > 12 || day < 1)
    return false;
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30,
                                  31, 31, 30, 31, 30, 31};
  int days = kDays[month - 1];
  bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  if (month == 2 && leap) days = 29;
  return day <= days;
}

std::optional<Date> parse_date(std::string_view input) {
  std::string s = text::fold_whitespace(input);
  if (s.empty() || s.size() > 40) return std::nullopt;
  std::smatch m;
  static const std::regex iso("([0-9]{4})[-/]([0-9]{1,2})[-/]([0-9]{1,2})");
  static const std::regex compact("([0-9]{4})([0-9]{2})([0-9]{2})");
  if (std::regex_match(s, m, iso) || std::regex_match(s, m, compact))
    return make_date(std::stoi(m[1]), std::stoi(m[2]), std::stoi(m[3]));
  static const std::regex mdy(std::string(kMonthPattern) +
                              " ([0-9]{1,2}),? ([0-9]{4})");
  if (std::regex_match(s, m, mdy))
    return make_date(std::stoi(m[3]), month_from_name(m[1].str()),
                     std::stoi(m[2]));
  static const std::regex dmy(std::string("([0-9]{1,2}) ") + kMonthPattern +
                              ",? ([0-9]{4})");
  if (std::regex_match(s, m, dmy))
    return make_date(std::stoi(m[3]), month_from_name(m[2].str()),
                     std::stoi(m[1]));
  return std::nullopt;
}

std::optional<Date> find_dateline(std::string_view input) {
  std::string s = text::fold_whitespace(input);
  // Take the earliest valid date of any form.
  std::optional<Date> best;
  std::ptrdiff_t best_pos = -1;
  auto consider = [&](std::ptrdiff_t pos, std::optional<Date> d) {
    if (d && (best_pos < 0 || pos < best_pos)) best = d, best_pos = pos;
  };
  for (std::sregex_iterator it(s.begin(), s.end(), iso_regex()), end;
       it != end; ++it) {
    const auto& m = *it;
    auto d = make_date(std::stoi(m[2]), std::stoi(m[3]), std::stoi(m[4]));
    if (d) {
      consider(m.position(2), d);
      break;
    }
  }
  for (std::sregex_iterator it(s.begin(), s.end(), month_day_year_regex()),
       end;
       it != end; ++it) {
    const auto& m = *it;
    auto d = make_date(std::stoi(m[3]), month_from_name(m[1].str()),
                       std::stoi(m[2]));
    if (d) {
      consider(m.position(0), d);
      break;
    }
  }
  for (std::sregex_iterator it(s.begin(), s.end(), day_month_year_regex()),
       end;
       it != end; ++it) {
    const auto& m = *it;
    auto d = make_date(std::stoi(m[3]), month_from_name(m[2].str()),
                       std::stoi(m[1]));
    if (d) {
      consider(m.position(0), d);
      break;
    }
  }
  return best;
}

std::optional<Date> find_date_in_filename(std::string_view filename) {
  std::string s(filename);
  auto slash = s.find_last_of('/');
  if (slash != std::string::npos) s = s.substr(slash + 1);
  std::smatch m;
  // "2023-03-03", "2023_03_03" or "20230303", standing apart from other
  // letters and digits so that hashes do not count.
  static const std::regex re(
      "(^|[^0-9A-Za-z])([0-9]{4})[-_]?([0-9]{2})[-_]?([0-9]{2})($|[^0-9A-Za-z])");
  for (std::sregex_iterator it(s.begin(), s.end(), re), end; it != end;
       ++it) {
    const auto& mm = *it;
    int year = std::stoi(mm[2]);
    if (year < 1900 || year > 2100) continue;
    if (auto d = make_date(year, std::stoi(mm[3]), std::stoi(mm[4]))) return d;
  }
  return std::nullopt;
}

}  // namespace brief

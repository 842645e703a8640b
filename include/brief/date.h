// Copyright (c) 2026 The brief-search Authors. MIT licence.
// Calendar dates and the date formats found in press briefings.

#ifndef BRIEF_INCLUDE_BRIEF_DATE_H_
#define BRIEF_INCLUDE_BRIEF_DATE_H_

#include <optional>
#include <string>
#include <string_view>

namespace brief {

// A calendar date. Only valid dates are ever produced by the parsers.
struct Date {
  int year = 0;   // 1..9999
  int month = 0;  // 1..12
  int day = 0;    // 1..31, valid for the month

  // "YYYY-MM-DD".
  std::string iso() const;
  // The YYYYMMDD number, e.g. 20230303, used as a sortable value.
  int number() const { return year * 10000 + month * 100 + day; }

  bool operator==(const Date&) const = default;
  auto operator<=>(const Date&) const = default;
};

// True if year/month/day name a real day of the proleptic Gregorian
// calendar in years 1..9999 (so 2023-02-30 is not valid).
bool is_valid_date(int year, int month, int day);

// Parses one whole date string: "2023-03-03", "2023/03/03", "20230303",
// "March 3, 2023", "Mar. 3, 2023", "3 March 2023". Leading and trailing
// white space is ignored. Returns nullopt if `text` is not exactly a
// valid date; an impossible date such as 2023-02-30 is not a date.
std::optional<Date> parse_date(std::string_view text);

// Finds the first date written in running text: an ISO date, or a long
// form such as "March 3, 2023" or "3 March 2023". Returns nullopt when
// there is none. Relative words ("on Thursday") are never turned into a
// date.
std::optional<Date> find_dateline(std::string_view text);

// Finds a date in a file name, as "2023-03-03-slug.md" or
// "briefing_20230303.txt". Digits that are part of a longer run of
// letters and digits (a hash such as "cd1b8dd5") are not a date.
std::optional<Date> find_date_in_filename(std::string_view filename);

}  // namespace brief

#endif  // BRIEF_INCLUDE_BRIEF_DATE_H_

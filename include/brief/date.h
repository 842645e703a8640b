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

// A span of whole days, both ends included. An absent end is open: no
// `first` means "since ever", no `last` means "for ever after".
struct DateRange {
  std::optional<Date> first;
  std::optional<Date> last;

  bool operator==(const DateRange&) const = default;
};

// Today's date by the system clock, in the local time zone.
Date system_today();

// `date` moved by a number of days, months or years (negative: earlier).
// Moving by months or years keeps the day of the month where it exists
// and otherwise takes the month's last day (2023-03-31 less 1 month is
// 2023-02-28). Throws brief::Error kInvalidArgument when the result falls
// outside years 1..9999.
Date add_days(const Date& date, long days);
Date add_months(const Date& date, long months);

// Parses the dates people type for a search, relative to `today`:
//   2023  2023-03  2023-03-01    a year, a month or a day (and the forms
//                                parse_date() takes, as "March 3, 2023")
//   today  30d  2w  6m  1y       today, or the day so many days, weeks,
//                                months or years before it
//   A..B  A..  ..B               from A's first day to B's last; an end
//                                left out is open
//   P30D/  P1Y/  P1M/B           ISO 8601 durations ending today (or on
//                                B's last day), counting both ends:
//                                P30D/ is today and the 29 days before it
//   A/P1M                        a duration starting on A's first day
//   A/B                          as A..B
// Durations are P followed by numbers with the units Y, M, W and D in
// that order, as P1Y6M. Letters may be in either case. Leading and
// trailing white space is ignored. Throws brief::Error kInvalidArgument,
// with a message that quotes `text` and says what is wrong, for anything
// else, for impossible dates (2023-02-30, 2023-13) and for a range that
// ends before it starts.
DateRange parse_date_range(std::string_view text, const Date& today);

}  // namespace brief

#endif  // BRIEF_INCLUDE_BRIEF_DATE_H_

// Copyright (c) 2026 The brief-search Authors. MIT licence.
// Tests for date parsing and finding dates in text and file names.

#include "brief/date.h"

#include <doctest/doctest.h>

#include "brief/error.h"

namespace brief {

TEST_CASE("date: whole date strings") {
  struct Row {
    const char* input;
    std::optional<Date> expected;
  };
  const Row rows[] = {
      // ISO and compact forms.
      {"2023-03-03", Date{2023, 3, 3}},
      {" 2023/3/3 ", Date{2023, 3, 3}},
      {"20230303", Date{2023, 3, 3}},
      // Long forms.
      {"March 3, 2023", Date{2023, 3, 3}},
      {"Mar. 3, 2023", Date{2023, 3, 3}},
      {"Sept 30 2022", Date{2022, 9, 30}},
      {"3 March 2023", Date{2023, 3, 3}},
      // Impossible or malformed dates are not dates.
      {"2023-02-30", std::nullopt},
      {"2023-13-01", std::nullopt},
      {"2024-02-29", Date{2024, 2, 29}},
      {"2023-02-29", std::nullopt},
      {"99999-01-01", std::nullopt},
      {"Thursday", std::nullopt},
      {"", std::nullopt},
      {"March 32, 2023", std::nullopt},
  };
  for (const auto& row : rows) {
    CAPTURE(row.input);
    CHECK(parse_date(row.input) == row.expected);
  }
}

TEST_CASE("date: a dateline in running text") {
  CHECK(find_dateline("WASHINGTON, March 3, 2023 — The State Department said") ==
        Date{2023, 3, 3});
  CHECK(find_dateline("Posted 2022-11-28 by the press office") == Date{2022, 11, 28});
  // Relative words never become dates.
  CHECK(find_dateline("on Thursday had a brief encounter") == std::nullopt);
  // The earliest valid date wins; an impossible one is skipped.
  CHECK(find_dateline("February 30, 2023 then 1 April 2023") == Date{2023, 4, 1});
}

TEST_CASE("date: file names, but not hashes") {
  CHECK(find_date_in_filename("press-briefings/2023-03/2023-03-02-press-briefing.md") ==
        Date{2023, 3, 2});
  CHECK(find_date_in_filename("briefing_20230303.txt") == Date{2023, 3, 3});
  CHECK(find_date_in_filename("000_cd1b8dd590950c2c.txt") == std::nullopt);
  CHECK(find_date_in_filename("a20230303b.txt") == std::nullopt);
  CHECK(find_date_in_filename("notes-2023-02-30.txt") == std::nullopt);
}

TEST_CASE("date: iso and number") {
  Date d{2023, 3, 3};
  CHECK(d.iso() == "2023-03-03");
  CHECK(d.number() == 20230303);
  CHECK(Date{2022, 12, 31} < d);
}

TEST_CASE("date: moving by days and months") {
  CHECK(add_days(Date{2023, 3, 1}, -1) == Date{2023, 2, 28});
  CHECK(add_days(Date{2024, 2, 28}, 1) == Date{2024, 2, 29});
  CHECK(add_days(Date{2022, 12, 31}, 1) == Date{2023, 1, 1});
  // The day is kept where the month has it, else the month's last day.
  CHECK(add_months(Date{2023, 3, 31}, -1) == Date{2023, 2, 28});
  CHECK(add_months(Date{2024, 3, 31}, -1) == Date{2024, 2, 29});
  CHECK(add_months(Date{2023, 1, 15}, -13) == Date{2021, 12, 15});
  CHECK(add_months(Date{2023, 11, 30}, 3) == Date{2024, 2, 29});
  CHECK_THROWS_AS(add_days(Date{1, 1, 1}, -1), Error);
  CHECK_THROWS_AS(add_months(Date{9999, 12, 1}, 1), Error);
}

TEST_CASE("date: ranges people type") {
  const Date today{2023, 3, 31};
  struct Row {
    const char* input;
    std::optional<Date> first;
    std::optional<Date> last;
  };
  const Row rows[] = {
      // A year, a month, a day: all of their days.
      {"2023", Date{2023, 1, 1}, Date{2023, 12, 31}},
      {"2023-02", Date{2023, 2, 1}, Date{2023, 2, 28}},
      {"2024-02", Date{2024, 2, 1}, Date{2024, 2, 29}},
      {"2023-3", Date{2023, 3, 1}, Date{2023, 3, 31}},
      {"2023-03-01", Date{2023, 3, 1}, Date{2023, 3, 1}},
      {" 2023-03-01 ", Date{2023, 3, 1}, Date{2023, 3, 1}},
      {"March 3, 2023", Date{2023, 3, 3}, Date{2023, 3, 3}},
      {"2023/03/03", Date{2023, 3, 3}, Date{2023, 3, 3}},
      {"20230303", Date{2023, 3, 3}, Date{2023, 3, 3}},
      // Ranges, closed and open: the first day of A, the last day of B.
      {"2023-01..2023-03", Date{2023, 1, 1}, Date{2023, 3, 31}},
      {"2023-03-01..", Date{2023, 3, 1}, std::nullopt},
      {"..2023-03", std::nullopt, Date{2023, 3, 31}},
      {"2021..2022", Date{2021, 1, 1}, Date{2022, 12, 31}},
      {"2023-03-03..2023-03-03", Date{2023, 3, 3}, Date{2023, 3, 3}},
      // Days counted back from today name one day.
      {"today", today, today},
      {"30d", Date{2023, 3, 1}, Date{2023, 3, 1}},
      {"0d", today, today},
      {"2w", Date{2023, 3, 17}, Date{2023, 3, 17}},
      {"1m", Date{2023, 2, 28}, Date{2023, 2, 28}},
      {"6M", Date{2022, 9, 30}, Date{2022, 9, 30}},
      {"1y", Date{2022, 3, 31}, Date{2022, 3, 31}},
      {"30d..", Date{2023, 3, 1}, std::nullopt},
      {"1y..30d", Date{2022, 3, 31}, Date{2023, 3, 1}},
      // ISO 8601 durations count both ends: P30D/ is 30 days with today.
      {"P30D/", Date{2023, 3, 2}, today},
      {"p30d/", Date{2023, 3, 2}, today},
      {"P1Y/", Date{2022, 4, 1}, today},
      {"P2W/", Date{2023, 3, 18}, today},
      {"P1M/2023-02", Date{2023, 2, 1}, Date{2023, 2, 28}},
      {"2023-03-01/P1M", Date{2023, 3, 1}, Date{2023, 3, 31}},
      {"2023-01-31/P1M", Date{2023, 1, 31}, Date{2023, 2, 27}},
      {"2023-03-01/P1D", Date{2023, 3, 1}, Date{2023, 3, 1}},
      {"2022/P1Y6M", Date{2022, 1, 1}, Date{2023, 6, 30}},
      {"2023-01-01/2023-01-31", Date{2023, 1, 1}, Date{2023, 1, 31}},
  };
  for (const auto& row : rows) {
    CAPTURE(row.input);
    CHECK(parse_date_range(row.input, today) == DateRange{row.first, row.last});
  }
}

TEST_CASE("date: bad ranges say what is wrong") {
  const Date today{2023, 3, 31};
  struct Row {
    const char* input;
    const char* message_part;  // Found in the message.
  };
  const Row rows[] = {
      // Impossible dates.
      {"2023-02-30", "2023-02 has no day 30"},
      {"2023-13", "no month 13"},
      {"2023-00-10", "no month 00"},
      {"0000", "no year 0"},
      {"2023-02-30..", "2023-02 has no day 30"},
      // Unknown units and malformed durations.
      {"30x", "unknown unit 'x'"},
      {"P/", "needs a number and a unit"},
      {"P30D", "needs '/'"},
      {"P30X/", "units Y, M, W or D"},
      {"PT5H/", "hours and minutes"},
      {"P1D1Y/", "in that order"},
      {"P0D/", "empty"},
      {"P1D/P1D", "both sides"},
      {"/P1M", "start date"},
      {"9999999d", "too large"},
      {"5000y", "out of range"},
      // Not dates at all, or ranges the wrong way round.
      {"notadate", "use YYYY"},
      {"", "nothing there"},
      {"..", "at least one side"},
      {"2024..2023", "ends before it starts"},
      {"2023..2023..2024", "more than one"},
  };
  for (const auto& row : rows) {
    CAPTURE(row.input);
    try {
      parse_date_range(row.input, today);
      FAIL("no error");
    } catch (const Error& e) {
      CHECK(e.code() == ErrorCode::kInvalidArgument);
      std::string message = e.what();
      CHECK_MESSAGE(message.find(row.message_part) != std::string::npos, message);
      CHECK(message.find('\n') == std::string::npos);
    }
  }
}

TEST_CASE("date: the system's today is a valid date") {
  Date today = system_today();
  CHECK(is_valid_date(today.year, today.month, today.day));
  CHECK(today.year >= 2024);
}

}  // namespace brief

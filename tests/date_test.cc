// Copyright (c) 2026 The brief-search Authors. MIT licence.
// Tests for date parsing and finding dates in text and file names.

#include "brief/date.h"

#include <doctest/doctest.h>

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

}  // namespace brief

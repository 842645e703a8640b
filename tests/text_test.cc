// Copyright (c) 2026 The brief-search Authors. MIT licence.
// Tests for the UTF-8 and white space helpers.

#include "text.h"

#include <doctest/doctest.h>

namespace brief::text {

TEST_CASE("text: invalid UTF-8 is found at its first bad byte") {
  struct Row {
    std::string input;
    std::optional<std::size_t> bad;
  };
  const Row rows[] = {
      // Valid text, including NBSP and a 4-byte emoji.
      {"plain ascii", std::nullopt},
      {"caf\xC3\xA9 \xC2\xA0 \xF0\x9F\x98\x80", std::nullopt},
      // Stray and truncated sequences.
      {"ab\xFF", 2},
      {"\xC3", 0},
      {"ok \xE2\x80", 3},
      // Overlong encodings and surrogates.
      {"\xC0\xAF", 0},
      {"x\xE0\x80\xAF", 1},
      {"\xED\xA0\x80", 0},
      {"\xF4\x90\x80\x80", 0},
  };
  for (const auto& row : rows) {
    CAPTURE(row.input);
    CHECK(find_invalid_utf8(row.input) == row.bad);
  }
}

TEST_CASE("text: non-breaking and other Unicode spaces are white space") {
  CHECK(fold_whitespace("MS. PSAKI:\xC2\xA0 Hi,\xC2\xA0\xC2\xA0 everyone.") ==
        "MS. PSAKI: Hi, everyone.");
  CHECK(fold_whitespace("  a\t\n b\xE2\x80\x89" "c ") == "a b c");
  CHECK(is_blank(" \xC2\xA0 \t\r\n"));
  CHECK_FALSE(is_blank(" x "));
  CHECK(trim("\xC2\xA0 word \xC2\xA0") == "word");
}

TEST_CASE("text: words and case") {
  CHECK(split_words("New  START\xC2\xA0treaty").size() == 3);
  CHECK(ascii_lower("Ned PRICE") == "ned price");
  CHECK(starts_with_ci("Date 2023", "date"));
  CHECK_FALSE(starts_with_ci("Dat", "date"));
}

}  // namespace brief::text

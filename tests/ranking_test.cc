// Copyright (c) 2026 The brief-search Authors. MIT licence.
// Tests for the relevance and recency blend.

#include "ranking.h"

#include <doctest/doctest.h>

namespace brief {

TEST_CASE("ranking: days between dates") {
  CHECK(days_between({2023, 3, 2}, {2023, 3, 3}) == 1);
  CHECK(days_between({2023, 1, 1}, {2024, 1, 1}) == 365);
  CHECK(days_between({2024, 1, 1}, {2025, 1, 1}) == 366);
  CHECK(days_between({2023, 3, 3}, {2023, 3, 2}) == -1);
}

TEST_CASE("ranking: the recency factor falls by half its weight each half-life") {
  CHECK(recency_factor(0.0, 0.25, 365) == doctest::Approx(1.0));
  CHECK(recency_factor(365.0, 0.25, 365) == doctest::Approx(0.875));
  CHECK(recency_factor(730.0, 0.25, 365) == doctest::Approx(0.8125));
  // Undated passages count as infinitely old; future ones as new.
  CHECK(recency_factor(std::nullopt, 0.25, 365) == doctest::Approx(0.75));
  CHECK(recency_factor(-10.0, 0.25, 365) == doctest::Approx(1.0));
  // Weight 0 turns recency off.
  CHECK(recency_factor(5000.0, 0.0, 365) == doctest::Approx(1.0));
}

TEST_CASE("ranking: a strong old match still beats a weak new one") {
  double old_strong = 20 * recency_factor(3650.0, 0.25, 365);
  double new_weak = 12 * recency_factor(0.0, 0.25, 365);
  CHECK(old_strong > new_weak);
  // Between equals, the newer wins.
  CHECK(10 * recency_factor(10.0, 0.25, 365) > 10 * recency_factor(400.0, 0.25, 365));
}

}  // namespace brief

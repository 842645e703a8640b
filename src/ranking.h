// Copyright (c) 2026 The brief-search Authors. MIT licence.
// The relevance and recency blend, as pure functions.

#ifndef BRIEF_SRC_RANKING_H_
#define BRIEF_SRC_RANKING_H_

#include <cstddef>
#include <optional>

#include "brief/date.h"

namespace brief {

// How many of the best matches by relevance the blend re-ranks.
inline constexpr std::size_t kBlendWindow = 50;

// The weight added to a passage attributed to a speaker, in BM25 units
// (a rare word in a short passage weighs about 10).
inline constexpr double kAttributedBonus = 5.0;

// When a query of plain words is relaxed to let any word match, how much
// the passages with every word weigh on top (times their BM25 weight).
inline constexpr double kAllWordsWeight = 2.0;

// A query of three or more plain words lets any word match when fewer
// than this many results (a default page) have every word. A constant, not
// the page size, so that asking for more hits does not change which
// passages match or how the first ones rank.
inline constexpr std::size_t kRelaxBelow = 10;

// Days from `from` to `to` (negative if `to` is earlier).
double days_between(const Date& from, const Date& to);

// The factor relevance is multiplied by: 1 - weight + weight * 0.5^(age /
// half_life). It falls from 1 (age 0) towards 1 - weight, so with weight
// below 1 a strong old match still beats a weak new one. No age (an
// undated passage) gives 1 - weight; a negative age counts as 0.
// REQUIRES: 0 <= weight <= 1, half_life_days > 0.
double recency_factor(std::optional<double> age_days, double weight,
                      double half_life_days);

}  // namespace brief

#endif  // BRIEF_SRC_RANKING_H_

// Copyright (c) 2026 The brief-search Authors. MIT licence.
// The relevance and recency blend, as pure functions.

#include "ranking.h"

#include <algorithm>
#include <cassert>
#include <chrono>
#include <cmath>

namespace brief {

double days_between(const Date& from, const Date& to) {
  using namespace std::chrono;
  auto day = [](const Date& d) {
    return sys_days(year_month_day(year(d.year), month(static_cast<unsigned>(d.month)),
                                   std::chrono::day(static_cast<unsigned>(d.day))));
  };
  return static_cast<double>((day(to) - day(from)).count());
}

double recency_factor(std::optional<double> age_days, double weight,
                      double half_life_days) {
  assert(weight >= 0 && weight <= 1 && half_life_days > 0);
  if (!age_days) return 1 - weight;
  double age = std::max(0.0, *age_days);
  return 1 - weight + weight * std::exp2(-age / half_life_days);
}

}  // namespace brief

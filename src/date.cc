// Copyright (c) 2026 The brief-search Authors. MIT licence.
// Calendar dates and the date formats found in press briefings.

#include "brief/date.h"

#include <algorithm>
#include <array>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <regex>

#include "brief/error.h"
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

std::chrono::sys_days to_days(const Date& d) {
  using namespace std::chrono;
  return sys_days(year_month_day(year(d.year), month(static_cast<unsigned>(d.month)),
                                 day(static_cast<unsigned>(d.day))));
}

// A day count back to a Date, or nothing outside years 1..9999.
std::optional<Date> from_days(std::chrono::sys_days days) {
  std::chrono::year_month_day ymd(days);
  int year = static_cast<int>(ymd.year());
  if (year < 1 || year > 9999) return std::nullopt;
  return Date{year, static_cast<int>(static_cast<unsigned>(ymd.month())),
              static_cast<int>(static_cast<unsigned>(ymd.day()))};
}

int days_in_month(int year, int month) {
  int day = 31;
  while (day > 28 && !is_valid_date(year, month, day)) --day;
  return day;
}

constexpr const char* kDateForms =
    "use YYYY, YYYY-MM, YYYY-MM-DD, A..B, 30d, 2w, 6m, 1y, P30D/ or "
    "2023-03-01/P1M";

[[noreturn]] void bad_date(std::string_view text, const std::string& why) {
  throw Error(ErrorCode::kInvalidArgument,
              "'" + std::string(text) + "' is not a date: " + why);
}

bool all_digits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), text::is_ascii_digit);
}

// Numbers in typed dates are capped so that no arithmetic can overflow;
// anything this large is out of range anyway.
long small_number(std::string_view digits, std::string_view whole) {
  if (digits.size() > 6) bad_date(whole, "the number " + std::string(digits) + " is too large");
  return std::stol(std::string(digits));
}

// An ISO 8601 duration of whole days: P[nY][nM][nW][nD].
struct Duration {
  long months = 0;  // Years count as 12 months.
  long days = 0;    // Weeks count as 7 days.
};

bool is_duration(std::string_view s) {
  return !s.empty() && (s[0] == 'P' || s[0] == 'p');
}

Duration parse_duration(std::string_view s, std::string_view whole) {
  std::string t = text::ascii_lower(s.substr(1));
  if (t.empty())
    bad_date(whole, "a duration needs a number and a unit after P, as P30D or P1Y");
  Duration d;
  static constexpr std::string_view kUnits = "ymwd";
  std::size_t next_unit = 0, i = 0;
  while (i < t.size()) {
    if (t[i] == 't')
      bad_date(whole, "durations count whole days; hours and minutes (PT...) are not supported");
    std::size_t start = i;
    while (i < t.size() && text::is_ascii_digit(t[i])) ++i;
    if (i == start || i == t.size())
      bad_date(whole, "a duration is P followed by numbers with units Y, M, W or D, as P1Y6M");
    long n = small_number(std::string_view(t).substr(start, i - start), whole);
    std::size_t unit = kUnits.find(t[i]);
    if (unit == std::string_view::npos)
      bad_date(whole, std::string("unknown unit '") + s[1 + i] +
                          "' in a duration (use units Y, M, W or D, as P1Y6M)");
    if (unit < next_unit)
      bad_date(whole, "a duration's units are Y, M, W and D, in that order, as P1Y6M");
    next_unit = unit + 1;
    switch (t[i]) {
      case 'y': d.months += 12 * n; break;
      case 'm': d.months += n; break;
      case 'w': d.days += 7 * n; break;
      default: d.days += n; break;
    }
    ++i;
  }
  if (d.months == 0 && d.days == 0) bad_date(whole, "the duration is empty");
  return d;
}

// One end of a range: a year, month or day, `today`, or a day counted
// back from today (30d, 2w, 6m, 1y). A year or month covers all its days.
DateRange parse_point(std::string_view input, const Date& today) {
  std::string s(text::trim(input));
  std::string lower = text::ascii_lower(s);
  if (s.empty()) bad_date(input, std::string("nothing there (") + kDateForms + ")");
  if (lower == "today") return {today, today};
  if (s.size() >= 2 && all_digits(std::string_view(s).substr(0, s.size() - 1)) &&
      text::is_ascii_alpha(s.back())) {
    long n = small_number(std::string_view(s).substr(0, s.size() - 1), s);
    Date day;
    switch (lower.back()) {
      case 'd': day = add_days(today, -n); break;
      case 'w': day = add_days(today, -7 * n); break;
      case 'm': day = add_months(today, -n); break;
      case 'y': day = add_months(today, -12 * n); break;
      default:
        bad_date(s, std::string("unknown unit '") + s.back() +
                        "' (use d, w, m or y: 30d, 2w, 6m, 1y)");
    }
    return {day, day};
  }
  static const std::regex kYearMonthDay("([0-9]{4})(?:-([0-9]{1,2})(?:-([0-9]{1,2}))?)?");
  std::smatch m;
  if (std::regex_match(s, m, kYearMonthDay)) {
    int year = std::stoi(m[1]);
    if (year < 1) bad_date(s, "there is no year 0");
    if (!m[2].matched) return {Date{year, 1, 1}, Date{year, 12, 31}};
    int month = std::stoi(m[2]);
    if (month < 1 || month > 12) bad_date(s, "there is no month " + m[2].str());
    if (!m[3].matched) return {Date{year, month, 1}, Date{year, month, days_in_month(year, month)}};
    int day = std::stoi(m[3]);
    if (!is_valid_date(year, month, day))
      bad_date(s, m[1].str() + "-" + m[2].str() + " has no day " + m[3].str());
    return {Date{year, month, day}, Date{year, month, day}};
  }
  if (auto d = parse_date(s)) return {d, d};
  bad_date(s, kDateForms);
}

}  // namespace

Date system_today() {
  std::time_t now = std::time(nullptr);
  std::tm local{};
  localtime_r(&now, &local);
  return Date{local.tm_year + 1900, local.tm_mon + 1, local.tm_mday};
}

Date add_days(const Date& date, long days) {
  auto moved = from_days(to_days(date) + std::chrono::days(days));
  if (!moved)
    throw Error(ErrorCode::kInvalidArgument,
                date.iso() + " moved by " + std::to_string(days) + " days is out of range");
  return *moved;
}

Date add_months(const Date& date, long months) {
  long index = date.year * 12L + (date.month - 1) + months;
  long year = index / 12;
  if (index < 0 || year < 1 || year > 9999)
    throw Error(ErrorCode::kInvalidArgument,
                date.iso() + " moved by " + std::to_string(months) + " months is out of range");
  int month = static_cast<int>(index % 12) + 1;
  int y = static_cast<int>(year);
  return Date{y, month, std::min(date.day, days_in_month(y, month))};
}

// Ranges are split at ".." first, then at "/" (unless the whole is a
// date written with slashes, as 2023/03/03); each piece is a point, whose
// first or last day becomes the end of the range.
DateRange parse_date_range(std::string_view input, const Date& today) {
  std::string s(text::trim(input));
  if (s.empty()) bad_date(input, std::string("nothing there (") + kDateForms + ")");
  DateRange range;
  auto dots = s.find("..");
  auto slash = s.find('/');
  if (dots != std::string::npos) {
    std::string lo = s.substr(0, dots), hi = s.substr(dots + 2);
    if (hi.find("..") != std::string::npos) bad_date(s, "more than one '..'");
    if (text::is_blank(lo) && text::is_blank(hi))
      bad_date(s, "a range needs a date on at least one side of '..'");
    if (!text::is_blank(lo)) range.first = parse_point(lo, today).first;
    if (!text::is_blank(hi)) range.last = parse_point(hi, today).last;
  } else if (slash != std::string::npos && !parse_date(s)) {
    std::string a(text::trim(s.substr(0, slash))), b(text::trim(s.substr(slash + 1)));
    if (is_duration(a) && is_duration(b)) bad_date(s, "a duration on both sides of '/'");
    if (is_duration(a)) {
      Duration d = parse_duration(a, s);
      Date last = b.empty() ? today : *parse_point(b, today).last;
      range.last = last;
      range.first = add_days(add_months(add_days(last, 1), -d.months), -d.days);
    } else if (is_duration(b)) {
      if (a.empty()) bad_date(s, "a duration after '/' needs a start date before it");
      Duration d = parse_duration(b, s);
      Date first = *parse_point(a, today).first;
      range.first = first;
      range.last = add_days(add_days(add_months(first, d.months), d.days), -1);
    } else {
      if (a.empty() || b.empty())
        bad_date(s, "an interval A/B needs a date on both sides (or a duration, as P30D/)");
      range.first = parse_point(a, today).first;
      range.last = parse_point(b, today).last;
    }
  } else if (is_duration(s) && s.size() > 1 && !text::is_ascii_alpha(s[1])) {
    bad_date(s, "a duration needs '/' to say where it ends or starts, as P30D/ (up to today) "
                "or 2023-03-01/P1M");
  } else {
    range = parse_point(s, today);
  }
  if (range.first && range.last && *range.last < *range.first)
    bad_date(s, "the range ends before it starts");
  return range;
}

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

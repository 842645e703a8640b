// Copyright (c) 2026 The brief-search Authors. MIT licence.
// UTF-8, white space and case helpers shared by the parsers.

#include "text.h"

namespace brief::text {

std::optional<std::size_t> find_invalid_utf8(std::string_view s) {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  const std::size_t n = s.size();
  std::size_t i = 0;
  while (i < n) {
    unsigned char c = p[i];
    if (c < 0x80) {
      ++i;
      continue;
    }
    std::size_t len;
    unsigned min;
    unsigned cp;
    if ((c & 0xE0) == 0xC0) {
      len = 2, min = 0x80, cp = c & 0x1F;
    } else if ((c & 0xF0) == 0xE0) {
      len = 3, min = 0x800, cp = c & 0x0F;
    } else if ((c & 0xF8) == 0xF0) {
      len = 4, min = 0x10000, cp = c & 0x07;
    } else {
      return i;
    }
    if (i + len > n) return i;
    for (std::size_t k = 1; k < len; ++k) {
      if ((p[i + k] & 0xC0) != 0x80) return i;
      cp = (cp << 6) | (p[i + k] & 0x3F);
    }
    if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return i;
    i += len;
  }
  return std::nullopt;
}

std::size_t whitespace_length(std::string_view s, std::size_t i) {
  auto at = [&](std::size_t k) {
    return k < s.size() ? static_cast<unsigned char>(s[k]) : 0u;
  };
  unsigned c = at(i);
  if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' ||
      c == '\v')
    return 1;
  if (c == 0xC2 && at(i + 1) == 0xA0) return 2;  // U+00A0
  if (c == 0xE2 && at(i + 1) == 0x80) {
    unsigned d = at(i + 2);
    if ((d >= 0x80 && d <= 0x8B) || d == 0xAF || d == 0xA8 || d == 0xA9)
      return 3;  // U+2000..U+200B, U+202F, U+2028, U+2029
  }
  if (c == 0xE2 && at(i + 1) == 0x81 && (at(i + 2) == 0x9F || at(i + 2) == 0xA0))
    return 3;  // U+205F, U+2060
  if (c == 0xE3 && at(i + 1) == 0x80 && at(i + 2) == 0x80) return 3;  // U+3000
  if (c == 0xEF && at(i + 1) == 0xBB && at(i + 2) == 0xBF) return 3;  // BOM
  if (c == 0xEF && at(i + 1) == 0xBF && at(i + 2) == 0xBC) return 3;  // U+FFFC
  return 0;
}

bool is_blank(std::string_view s) {
  std::size_t i = 0;
  while (i < s.size()) {
    std::size_t w = whitespace_length(s, i);
    if (w == 0) return false;
    i += w;
  }
  return true;
}

std::string_view trim(std::string_view s) {
  std::size_t b = 0;
  while (b < s.size()) {
    std::size_t w = whitespace_length(s, b);
    if (w == 0) break;
    b += w;
  }
  std::size_t e = s.size();
  // Walk back over white space; every multi-byte space we know ends in a
  // continuation byte, so test the candidate starts.
  while (e > b) {
    std::size_t w = 0;
    for (std::size_t len = 1; len <= 3 && len <= e - b; ++len) {
      if (whitespace_length(s, e - len) == len) {
        w = len;
        break;
      }
    }
    if (w == 0) break;
    e -= w;
  }
  return s.substr(b, e - b);
}

std::string fold_whitespace(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  bool pending_space = false;
  std::size_t i = 0;
  while (i < s.size()) {
    std::size_t w = whitespace_length(s, i);
    if (w) {
      pending_space = !out.empty();
      i += w;
      continue;
    }
    if (pending_space) out.push_back(' ');
    pending_space = false;
    out.push_back(s[i]);
    ++i;
  }
  return out;
}

std::string ascii_lower(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

bool is_ascii_upper(char c) { return c >= 'A' && c <= 'Z'; }
bool is_ascii_lower(char c) { return c >= 'a' && c <= 'z'; }
bool is_ascii_alpha(char c) { return is_ascii_upper(c) || is_ascii_lower(c); }
bool is_ascii_digit(char c) { return c >= '0' && c <= '9'; }

bool is_capitalized(std::string_view word) {
  return !word.empty() && is_ascii_upper(word[0]);
}

std::vector<std::string_view> split_words(std::string_view s) {
  std::vector<std::string_view> words;
  std::size_t i = 0;
  while (i < s.size()) {
    std::size_t w = whitespace_length(s, i);
    if (w) {
      i += w;
      continue;
    }
    std::size_t start = i;
    while (i < s.size() && whitespace_length(s, i) == 0) ++i;
    words.push_back(s.substr(start, i - start));
  }
  return words;
}

std::size_t count_words(std::string_view s) { return split_words(s).size(); }

bool starts_with_ci(std::string_view s, std::string_view prefix) {
  if (s.size() < prefix.size()) return false;
  for (std::size_t i = 0; i < prefix.size(); ++i) {
    char a = s[i], b = prefix[i];
    if (a >= 'A' && a <= 'Z') a = static_cast<char>(a - 'A' + 'a');
    if (b >= 'A' && b <= 'Z') b = static_cast<char>(b - 'A' + 'a');
    if (a != b) return false;
  }
  return true;
}

}  // namespace brief::text

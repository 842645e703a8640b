// Copyright (c) 2026 The brief-search Authors. MIT licence.
// UTF-8, white space and case helpers shared by the parsers.

#ifndef BRIEF_SRC_TEXT_H_
#define BRIEF_SRC_TEXT_H_

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace brief::text {

// Returns the byte offset of the first invalid UTF-8 sequence (including
// overlong forms and surrogates), or nullopt if `s` is valid.
std::optional<std::size_t> find_invalid_utf8(std::string_view s);

// Length in bytes of the white space character at s[i] (ASCII space, tab,
// CR, LF, U+00A0, U+2000..U+200B, U+202F, U+205F, U+3000, U+FEFF), or 0.
std::size_t whitespace_length(std::string_view s, std::size_t i);

// True if `s` holds only white space (as above), or nothing.
bool is_blank(std::string_view s);

// Trims white space at both ends.
std::string_view trim(std::string_view s);

// Folds each run of white space into one ASCII space and trims the ends.
std::string fold_whitespace(std::string_view s);

// ASCII lower case; other bytes unchanged.
std::string ascii_lower(std::string_view s);

bool is_ascii_upper(char c);
bool is_ascii_lower(char c);
bool is_ascii_alpha(char c);
bool is_ascii_digit(char c);

// True if `word` starts with an upper-case ASCII letter.
bool is_capitalized(std::string_view word);

// Splits `s` into words at white space.
std::vector<std::string_view> split_words(std::string_view s);

// Counts words separated by white space.
std::size_t count_words(std::string_view s);

bool starts_with_ci(std::string_view s, std::string_view prefix);

}  // namespace brief::text

#endif  // BRIEF_SRC_TEXT_H_

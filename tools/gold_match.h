// Copyright (c) 2026 The brief-search Authors. MIT licence.
// How the gold sets (tests/gold/*.jsonl) name a passage: by its text,
// compared loosely so that Markdown and spacing differences do not matter.

#ifndef BRIEF_TOOLS_GOLD_MATCH_H_
#define BRIEF_TOOLS_GOLD_MATCH_H_

#include <cctype>
#include <string>

namespace brief::tools {

// Lower-case letters and digits only, with Markdown link targets dropped,
// so gold excerpts match cleaned passage text.
inline std::string match_key(const std::string& s) {
  std::string out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == ']' && i + 1 < s.size() && s[i + 1] == '(') {
      auto close = s.find(')', i);
      if (close != std::string::npos) {
        i = close;
        continue;
      }
    }
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (std::isalnum(c)) out.push_back(static_cast<char>(std::tolower(c)));
    else if (c >= 0x80) out.push_back(static_cast<char>(c));
  }
  return out;
}

}  // namespace brief::tools

#endif  // BRIEF_TOOLS_GOLD_MATCH_H_

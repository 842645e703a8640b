// Copyright (c) 2026 The brief-search Authors. MIT licence.
// libFuzzer target: the article parser, the passage splitter and speaker
// attribution on arbitrary bytes. The first byte picks the format the
// file name announces (plain text, Markdown, JSON, JSON Lines).

#include <cstddef>
#include <cstdint>
#include <string>

#include "brief/brief.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  static const char* const kNames[] = {"a.txt", "a.md", "a.json", "a.jsonl"};
  std::string name = kNames[data[0] % 4];
  std::string text(reinterpret_cast<const char*>(data + 1), size - 1);
  try {
    for (const auto& article : brief::parse_article(text, name)) {
      auto passages = brief::split_passages(article);
      brief::analyze_speakers(article, passages);
    }
  } catch (const brief::Error&) {
    // Refusing bad input with a reason is the expected outcome.
  }
  return 0;
}

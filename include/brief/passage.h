// Copyright (c) 2026 The brief-search Authors. MIT licence.
// Passages: the unit the index stores and the search returns.

#ifndef BRIEF_INCLUDE_BRIEF_PASSAGE_H_
#define BRIEF_INCLUDE_BRIEF_PASSAGE_H_

#include <cstddef>
#include <string>
#include <vector>

#include "brief/article.h"

namespace brief {

// One passage: a paragraph, a speaker turn, or a piece of a long one.
struct Passage {
  int ordinal = 0;  // 0-based position in the article.
  std::string text;
  std::string turn_label;  // As Paragraph::turn_label.
  bool starts_turn = false;
  std::size_t byte_begin = 0;  // Range in the source file.
  std::size_t byte_end = 0;

  bool operator==(const Passage&) const = default;
};

struct SplitOptions {
  // A paragraph longer than this many words is split at sentence ends
  // into pieces of about this size. Default 120.
  int max_words = 120;
  // In transcripts and records with turns, the paragraphs of one speaker
  // turn are joined while together they stay within max_words, and a
  // passage shorter than this many words always takes the next paragraph
  // of its turn, so "Thanks." is not a passage of its own. Default 12.
  int min_words = 12;
};

// Splits an article into passages. Never throws; an article without
// paragraphs gives no passages.
std::vector<Passage> split_passages(const Article& article,
                                    const SplitOptions& options = {});

}  // namespace brief

#endif  // BRIEF_INCLUDE_BRIEF_PASSAGE_H_

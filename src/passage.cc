// Copyright (c) 2026 The brief-search Authors. MIT licence.
// Splitting articles into passages.

#include "brief/passage.h"

#include <algorithm>
#include <array>

#include "text.h"

namespace brief {

namespace {

// Abbreviations after which a full stop does not end a sentence.
bool is_abbreviation(std::string_view word) {
  static constexpr std::array<std::string_view, 24> kAbbreviations = {
      "Mr.",  "Mrs.", "Ms.",  "Dr.",  "St.",   "Gen.", "Sen.", "Rep.",
      "Gov.", "Lt.",  "Col.", "Sgt.", "Adm.",  "Capt.", "Prof.", "Jr.",
      "Sr.",  "No.",  "vs.",  "U.S.", "U.N.",  "Jan.", "Feb.", "Sept."};
  for (auto a : kAbbreviations)
    if (word == a) return true;
  // Initials such as "J." or "U.K.".
  if (word.size() == 2 && text::is_ascii_upper(word[0])) return true;
  if (word.size() == 4 && word[1] == '.' && word[3] == '.') return true;
  return false;
}

bool ends_sentence_word(std::string_view word) {
  while (!word.empty() &&
         (word.back() == '"' || word.back() == ')' || word.back() == '\''))
    word.remove_suffix(1);
  while (word.size() >= 3 && (word.ends_with("\xE2\x80\x9D") ||
                              word.ends_with("\xE2\x80\x99")))
    word.remove_suffix(3);
  if (word.empty()) return false;
  char c = word.back();
  if (c == '?' || c == '!') return true;
  return c == '.' && !is_abbreviation(word);
}

// Returns the byte offset in the file where the word at `text_offset`
// starts, using the paragraph's word map.
std::size_t file_offset(const Paragraph& p, std::size_t text_offset) {
  auto it = std::lower_bound(
      p.word_offsets.begin(), p.word_offsets.end(), text_offset,
      [](const auto& entry, std::size_t off) { return entry.first < off; });
  if (it == p.word_offsets.end()) return p.byte_end;
  return it->second;
}

// Cuts a long paragraph into pieces of about `max_words` at sentence
// ends, or at word boundaries when a sentence is itself too long.
std::vector<std::pair<std::size_t, std::size_t>> cut_points(
    std::string_view s, std::size_t max_words) {
  std::vector<std::pair<std::size_t, std::size_t>> pieces;  // text ranges
  std::size_t piece_begin = 0;
  std::size_t words_in_piece = 0;
  std::size_t last_sentence_end = std::string_view::npos;
  std::size_t words_at_sentence_end = 0;
  std::size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && s[i] == ' ') ++i;
    if (i >= s.size()) break;
    std::size_t w_end = s.find(' ', i);
    if (w_end == std::string_view::npos) w_end = s.size();
    std::string_view word = s.substr(i, w_end - i);
    ++words_in_piece;
    if (ends_sentence_word(word)) {
      last_sentence_end = w_end;
      words_at_sentence_end = words_in_piece;
    }
    if (words_in_piece >= max_words) {
      std::size_t cut;
      if (last_sentence_end != std::string_view::npos &&
          words_at_sentence_end >= max_words / 2) {
        cut = last_sentence_end;
      } else if (words_in_piece >= max_words * 2) {
        cut = w_end;  // A run-on sentence: cut at a word boundary.
      } else {
        i = w_end;
        continue;
      }
      pieces.emplace_back(piece_begin, cut);
      piece_begin = cut;
      while (piece_begin < s.size() && s[piece_begin] == ' ') ++piece_begin;
      words_in_piece = text::count_words(s.substr(piece_begin, w_end - std::min(w_end, piece_begin)));
      last_sentence_end = std::string_view::npos;
      words_at_sentence_end = 0;
    }
    i = w_end;
  }
  if (piece_begin < s.size()) {
    // Fold a short tail into the previous piece.
    std::size_t tail_words = text::count_words(s.substr(piece_begin));
    if (!pieces.empty() && tail_words < max_words / 4)
      pieces.back().second = s.size();
    else
      pieces.emplace_back(piece_begin, s.size());
  }
  return pieces;
}

void append(Passage& into, const Passage& from) {
  into.text += ' ';
  into.text += from.text;
  into.byte_end = std::max(into.byte_end, from.byte_end);
}

}  // namespace

std::vector<Passage> split_passages(const Article& article,
                                    const SplitOptions& options) {
  const std::size_t max_words =
      static_cast<std::size_t>(std::max(options.max_words, 8));
  const std::size_t min_words =
      static_cast<std::size_t>(std::max(options.min_words, 0));
  // First, each paragraph or each piece of a long one.
  std::vector<Passage> pieces;
  for (const Paragraph& p : article.paragraphs) {
    std::size_t words = text::count_words(p.text);
    if (words <= max_words) {
      pieces.push_back({0, p.text, p.turn_label, p.starts_turn, p.byte_begin,
                        p.byte_end});
      continue;
    }
    bool first = true;
    auto ranges = cut_points(p.text, max_words);
    for (std::size_t k = 0; k < ranges.size(); ++k) {
      auto [b, e] = ranges[k];
      std::size_t fb = file_offset(p, b);
      std::size_t fe =
          k + 1 < ranges.size() ? file_offset(p, ranges[k + 1].first) : p.byte_end;
      pieces.push_back({0, std::string(text::trim(std::string_view(p.text).substr(b, e - b))),
                        p.turn_label, p.starts_turn && first, fb,
                        std::max(fb, fe)});
      first = false;
    }
  }
  // Then, in transcripts, join the paragraphs of one speaker turn while
  // they stay short, so a turn reads as one passage.
  std::vector<Passage> passages;
  std::size_t current_words = 0;
  for (auto& piece : pieces) {
    std::size_t words = text::count_words(piece.text);
    bool same_turn = !passages.empty() && !piece.starts_turn &&
                     !piece.turn_label.empty() &&
                     passages.back().turn_label == piece.turn_label;
    bool joinable = same_turn && article.kind != ArticleKind::kNews &&
                    (current_words < min_words ||
                     current_words + words <= max_words);
    if (joinable) {
      append(passages.back(), piece);
      current_words += words;
      continue;
    }
    current_words = words;
    passages.push_back(std::move(piece));
  }
  for (std::size_t i = 0; i < passages.size(); ++i)
    passages[i].ordinal = static_cast<int>(i);
  return passages;
}

}  // namespace brief

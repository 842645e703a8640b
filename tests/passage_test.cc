// Copyright (c) 2026 The brief-search Authors. MIT licence.
// Tests for splitting articles into passages.

#include "brief/passage.h"

#include <doctest/doctest.h>

#include "test_util.h"
#include "text.h"

namespace brief {

namespace {

std::string words(int n, const char* word = "word") {
  std::string s;
  for (int i = 0; i < n; ++i) {
    if (i) s += ' ';
    s += word;
  }
  return s;
}

}  // namespace

TEST_CASE("passage: each paragraph of a news article is a passage") {
  auto articles = parse_article("Title\n\nFirst paragraph.\n\nSecond one.\n", "a.txt");
  auto passages = split_passages(articles[0]);
  REQUIRE(passages.size() == 2);
  CHECK(passages[0].text == "First paragraph.");
  CHECK(passages[0].ordinal == 0);
  CHECK(passages[1].text == "Second one.");
  CHECK(passages[1].ordinal == 1);
}

TEST_CASE("passage: long paragraphs split at sentence ends") {
  // 10 sentences of 30 words: 300 words, cut near every 120.
  std::string paragraph;
  for (int i = 0; i < 10; ++i) paragraph += words(29) + " end. ";
  std::string content = "Title\n\n" + paragraph + "\n";
  auto articles = parse_article(content, "a.txt");
  auto passages = split_passages(articles[0], {.max_words = 120});
  REQUIRE(passages.size() >= 2);
  std::size_t total = 0;
  for (const auto& p : passages) {
    CHECK(text::count_words(p.text) <= 120);
    CHECK(p.text.ends_with("end."));  // Cut at a sentence end.
    total += text::count_words(p.text);
    // Byte ranges are exact: the file's bytes hold the passage's words.
    std::string raw = content.substr(p.byte_begin, p.byte_end - p.byte_begin);
    CHECK(text::fold_whitespace(raw) == p.text);
  }
  CHECK(total == 300);
}

TEST_CASE("passage: a run-on line with no sentence end is still cut") {
  std::string content = "Title\n\n" + words(1000) + "\n";
  auto articles = parse_article(content, "a.txt");
  auto passages = split_passages(articles[0], {.max_words = 120});
  CHECK(passages.size() >= 4);
  for (const auto& p : passages) CHECK(text::count_words(p.text) <= 240);
}

TEST_CASE("passage: transcript turns join their short paragraphs") {
  std::string page =
      "---\ntitle: T\ndate: '2023-01-02'\n---\n\n"
      "MR. KIRBY:  Thanks.\n\n"
      "Good afternoon, everybody, and thank you for coming to the briefing room today.\n\n"
      "Q    Thank you.\n\n"
      "MR. KIRBY:  " + words(100) + ".\n\n" + words(100) + ".\n";
  auto articles = parse_article(page, "t.md");
  auto passages = split_passages(articles[0], {.max_words = 120, .min_words = 12});
  REQUIRE(passages.size() == 4);
  CHECK(passages[0].turn_label == "MR. KIRBY");
  CHECK(passages[0].text.starts_with("Thanks. Good afternoon"));
  CHECK(passages[1].turn_label == "Q");
  // Two 100-word paragraphs of one turn stay apart (over 120 together).
  CHECK(passages[2].turn_label == "MR. KIRBY");
  CHECK(passages[2].starts_turn);
  CHECK(passages[3].turn_label == "MR. KIRBY");
  CHECK_FALSE(passages[3].starts_turn);
}

TEST_CASE("passage: the seed article's passages") {
  auto articles = load_article(test::fixture_path("news/000_cd1b8dd590950c2c.txt"));
  auto passages = split_passages(articles[0]);
  REQUIRE(passages.size() == 9);
  CHECK(passages[2].text.find("The pair discussed three topics: New START treaty") !=
        std::string::npos);
}

}  // namespace brief

// Copyright (c) 2026 The brief-search Authors. MIT licence.
// Tests for speaker attribution.

#include "brief/speaker.h"

#include <doctest/doctest.h>

#include "test_util.h"

namespace brief {

namespace {

// Names attributed to each passage of a text article.
std::vector<std::vector<std::string>> names_for(const std::string& content,
                                                const std::string& path = "a.txt") {
  auto articles = parse_article(content, path);
  auto passages = split_passages(articles[0]);
  auto speakers = attribute_speakers(articles[0], passages);
  std::vector<std::vector<std::string>> names;
  for (const auto& list : speakers) {
    names.emplace_back();
    for (const auto& a : list) names.back().push_back(a.name);
  }
  return names;
}

using Names = std::vector<std::string>;

}  // namespace

TEST_CASE("speaker: reporting patterns in news text") {
  struct Row {
    const char* body;       // One paragraph after a fixed first paragraph.
    Names expected;
  };
  // The first paragraph introduces the people by full name and role.
  const std::string intro =
      "Title\n\nState Department Spokesperson Ned Price met Russian Foreign Minister "
      "Sergei Lavrov and Deputy Foreign Minister Sergei Ryabkov.\n\n";
  const Row rows[] = {
      // Verb after the subject, with and without adverbs.
      {"\"We will not apologize,\" Price said.", {"Ned Price"}},
      {"Price also stressed that nothing had changed.", {"Ned Price"}},
      {"Sergei Ryabkov told reporters the talks were over.", {"Sergei Ryabkov"}},
      // Verb before the subject.
      {"\"Nothing has changed,\" said Ned Price.", {"Ned Price"}},
      // according to / stated by.
      {"The talks covered three topics, according to Price.", {"Ned Price"}},
      {"The absence of talks was stated by Ryabkov.", {"Sergei Ryabkov"}},
      // Several speakers in one passage.
      {"Price said one thing. Lavrov argued another.", {"Ned Price", "Sergei Lavrov"}},
      // Joint subjects, by name or by role.
      {"Price and Lavrov said the talks were over.", {"Ned Price", "Sergei Lavrov"}},
      {"The spokesman and Ryabkov agreed to meet.", {"Ned Price", "Sergei Ryabkov"}},
      {"Price and Moscow agreed to meet.", {}},
      // A mention is not speech; a place is not a person.
      {"Price met Lavrov on the sidelines.", {}},
      {"Moscow said the talks were over.", {}},
      // A bare unknown surname is not enough.
      {"Smith said the talks were over.", {}},
  };
  for (const auto& row : rows) {
    CAPTURE(row.body);
    auto names = names_for(intro + row.body + "\n");
    REQUIRE(names.size() == 2);
    CHECK(names[0].empty());
    CHECK(names[1] == row.expected);
  }
}

TEST_CASE("speaker: pronouns carry the previous speaker") {
  auto names = names_for(
      "Title\n\nSpokesperson Ned Price spoke on Thursday, Price said.\n\n"
      "\"It is important for Secretary Blinken to be heard,\" he added.\n\n"
      "He went on to add that nothing had changed.\n");
  REQUIRE(names.size() == 3);
  CHECK(names[1] == Names{"Ned Price"});  // Not Blinken, named inside the quote.
  CHECK(names[2] == Names{"Ned Price"});
}

TEST_CASE("speaker: the seed articles") {
  auto first = names_for(test::read_file(test::fixture_path("news/000_cd1b8dd590950c2c.txt")));
  REQUIRE(first.size() == 9);
  CHECK(first[0].empty());  // Blinken "had a brief encounter": not speech.
  for (std::size_t i = 1; i < first.size(); ++i) {
    CAPTURE(i);
    CHECK(first[i] == Names{"Ned Price"});
  }
  auto second = names_for(test::read_file(test::fixture_path("news/001_bf53c8655c45bcc9.txt")));
  REQUIRE(second.size() == 11);
  CHECK(second[0] == Names{"Ned Price"});        // "statement was made by"
  CHECK(second[1] == Names{"Ned Price"});        // "Price explained that"
  CHECK(second[2] == Names{"Ned Price"});        // pull quote
  CHECK(second[3] == Names{"Ned Price"});        // "He also emphasized"
  CHECK(second[4] == Names{"Anthony Blinken", "Sergei Ryabkov"});
  CHECK(second[5] == Names{"Maria Zakharova"});  // "She argued"
  CHECK(second[6].empty());                      // a heading
  CHECK(second[7] == Names{"Anthony Blinken"});  // "the Secretary of State stressed"
  CHECK(second[8].empty());
  CHECK(second[9] == Names{"Anthony Blinken"});  // pull quote
  CHECK(second[10] == Names{"Maria Zakharova"});
}

TEST_CASE("speaker: pull quotes keep the role") {
  auto articles = parse_article(
      "Title\n\nWe won't apologize for acting on our behalf Ned PriceUS State Department "
      "Spokesperson\n",
      "a.txt");
  auto passages = split_passages(articles[0]);
  auto speakers = attribute_speakers(articles[0], passages);
  REQUIRE(speakers[0].size() == 1);
  CHECK(speakers[0][0].name == "Ned Price");
  CHECK(speakers[0][0].role == "US State Department Spokesperson");
  CHECK(speakers[0][0].method == AttributionMethod::kPullQuote);
}

TEST_CASE("speaker: transcript labels resolve to full names") {
  std::string page =
      "---\ntitle: Press Briefing by Press Secretary Jen Psaki and National Security "
      "Advisor Jake Sullivan\ndate: '2021-06-09'\n---\n\n"
      "MS. PSAKI:  Hi, everyone. Jake Sullivan is here today.\n\n"
      "MR. SULLIVAN:  Thanks, Jen.\n\n"
      "Q    Jake, what did the President say?\n\n"
      "SENIOR ADMINISTRATION OFFICIAL:  I will not say.\n\n"
      "THE PRESIDENT:  Hello.\n";
  auto articles = parse_article(page, "t.md");
  auto passages = split_passages(articles[0]);
  auto speakers = attribute_speakers(articles[0], passages);
  REQUIRE(speakers.size() == 5);
  REQUIRE(speakers[0].size() == 1);
  CHECK(speakers[0][0].name == "Jen Psaki");
  CHECK(speakers[0][0].role == "Press Secretary");
  CHECK(speakers[0][0].method == AttributionMethod::kLabel);
  REQUIRE(speakers[1].size() == 1);
  CHECK(speakers[1][0].name == "Jake Sullivan");
  CHECK(speakers[2].empty());  // A reporter's question.
  REQUIRE(speakers[3].size() == 1);
  CHECK(speakers[3][0].name == "Senior Administration Official");
  REQUIRE(speakers[4].size() == 1);
  CHECK(speakers[4][0].name == "The President");  // Nobody named with that role.
}

TEST_CASE("speaker: a statement without turns is its titled author's") {
  std::string page =
      "---\ntitle: Statement from President Joe Biden on the New START Treaty\n"
      "date: '2021-02-03'\n---\n\nToday the United States extended the treaty.\n\n"
      "It makes us safer.\n";
  auto names = names_for(page, "s.md");
  REQUIRE(names.size() == 2);
  CHECK(names[0] == Names{"Joe Biden"});
  CHECK(names[1] == Names{"Joe Biden"});
  // A joint statement of governments names no author; one by named
  // leaders names them all.
  auto joint = names_for(
      "---\ntitle: Joint Statement from the United States and Japan\ndate: '2021-02-03'\n"
      "---\n\nWe agree.\n", "j.md");
  CHECK(joint[0].empty());
  auto leaders = names_for(
      "---\ntitle: Joint Statement by President Joe Biden and Taoiseach Micheál Martin\n"
      "date: '2021-03-17'\n---\n\nPresident Joe Biden hosted Taoiseach Micheál Martin.\n\n"
      "The leaders agreed to meet again.\n", "j.md");
  REQUIRE(leaders.size() == 2);
  CHECK(leaders[1] == Names{"Joe Biden", "Micheál Martin"});
  // "Statement of the Governments of ..." is not by a Mr. Governments.
  auto governments = names_for(
      "---\ntitle: Joint Statement of the Governments of Chile and Peru\ndate: '2021-02-03'\n"
      "---\n\nWe agree.\n", "g.md");
  CHECK(governments[0].empty());
}

TEST_CASE("speaker: ids are folded names") {
  CHECK(speaker_id("Ned  Price") == "ned price");
  CHECK(speaker_id("Karine Jean-Pierre") == "karine jean-pierre");
}

}  // namespace brief

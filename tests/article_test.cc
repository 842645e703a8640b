// Copyright (c) 2026 The brief-search Authors. MIT licence.
// Tests for parsing files into articles.

#include "brief/article.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <set>
#include <string>
#include <vector>

#include "brief/error.h"
#include "brief/passage.h"
#include "brief/speaker.h"
#include "test_util.h"

namespace brief {

namespace {

std::string all_text(const Article& a) {
  std::string s = a.title + "\n";
  for (const auto& p : a.paragraphs) s += p.text + "\n";
  return s;
}

Article only(const std::vector<Article>& articles) {
  REQUIRE(articles.size() == 1);
  return articles[0];
}

}  // namespace

TEST_CASE("article: plain-text titles, date markers and bylines") {
  struct Row {
    const char* text;
    const char* title;
    std::optional<Date> date;
    const char* byline;
  };
  const Row rows[] = {
      // The first non-empty line is the title.
      {"\n\nTitle line\n\nBody text here.\n", "Title line", std::nullopt, ""},
      // A leading date marker gives date and title.
      {" date 2023-03-03 Price: no apology\n\nBody.\n", "Price: no apology",
       Date{2023, 3, 3}, ""},
      {"Date: 2023-03-03 Title\n\nBody.\n", "Title", Date{2023, 3, 3}, ""},
      // A long-form date line near the top, and a "By" byline.
      {"Title\n\nMarch 3, 2023\n\nBy Jane Doe\n\nBody text.\n", "Title",
       Date{2023, 3, 3}, "Jane Doe"},
      // A bare name at the end, before boilerplate, is the byline.
      {"Title\n\nOne.\n\nTwo.\n\nAlex Raufoglu\n\nLeave a review\n", "Title",
       std::nullopt, "Alex Raufoglu"},
      // An impossible date is not a date.
      {" date 2023-02-30 Title\n\nBody.\n", "date 2023-02-30 Title", std::nullopt, ""},
      // Two header lines, with Windows line ends.
      {"Kirby on balloon\r\nBy Jane Doe\r\nMarch 3, 2023\r\n\r\nKirby spoke.\r\n",
       "Kirby on balloon", Date{2023, 3, 3}, "Jane Doe"},
      // A date in the title, when the text has none.
      {"Department Press Briefing - March 2, 2023\n\nNed Price, Department Spokesperson\n\n"
       "MR PRICE: Good afternoon.\n",
       "Department Press Briefing - March 2, 2023", Date{2023, 3, 2}, ""},
      // Bylines with an outlet, two names, or letters outside ASCII.
      {"Title\nBy Jane Doe, Reuters\n\nBody text.\n", "Title", std::nullopt, "Jane Doe"},
      {"Title\nBy Jane Doe | AP\n\nBody text.\n", "Title", std::nullopt, "Jane Doe"},
      {"Title\nBy Jane Doe and John Smith\n\nBody text.\n", "Title", std::nullopt,
       "Jane Doe and John Smith"},
      {"Title\nBy Jos\xC3\xA9 \xC3\x81lvarez\n\nBody text.\n", "Title", std::nullopt,
       "Jos\xC3\xA9 \xC3\x81lvarez"},
      // Site furniture above the headline is not the title.
      {"Advertisement\nSkip to main content\nKremlin rejects talks\n\nBody text.\n",
       "Kremlin rejects talks", std::nullopt, ""},
  };
  for (const auto& row : rows) {
    CAPTURE(row.text);
    Article a = only(parse_article(row.text, "x.txt"));
    CHECK(a.title == row.title);
    CHECK(a.date == row.date);
    CHECK(a.byline == row.byline);
    // The header lines are not passages.
    REQUIRE_FALSE(a.paragraphs.empty());
    CHECK(a.paragraphs[0].text.find("By Jane") == std::string::npos);
  }
  // Header lines that only date the article, and a briefing's time, are
  // not passages; the first date they give is the article's.
  Article headers = only(parse_article(
      "Kirby on balloon\n\nUpdated 6:45 PM ET, Tue May 16, 2023\n\nFriday, March 3, 2023\n\n"
      "1:18 p.m. EST\n\nKirby said the balloon was a spy craft.\n",
      "h.txt"));
  CHECK(headers.date == Date{2023, 5, 16});
  REQUIRE(headers.paragraphs.size() == 1);
  CHECK(headers.paragraphs[0].text == "Kirby said the balloon was a spy craft.");
  // Wire credits and a copyright line at the end are not text; the same
  // words early in an article, or in a sentence, are.
  Article credits = only(parse_article(
      "Title\n\nBy the way, the talks went on.\n\nThe talks ended.\n\n"
      "Reporting by Jane Doe; Editing by John Smith\n\n"
      "\xC2\xA9 2023 Example News. All rights reserved.\n",
      "c.txt"));
  CHECK(credits.byline.empty());
  REQUIRE(credits.paragraphs.size() == 2);
  CHECK(credits.paragraphs[0].text == "By the way, the talks went on.");
  CHECK(credits.paragraphs[1].text == "The talks ended.");
  // A Markdown file without front matter: its heading's "#" is not title.
  CHECK(only(parse_article("# Kremlin rejects talks\n\nBody text.\n", "k.md")).title ==
        "Kremlin rejects talks");
}

TEST_CASE("article: the seed articles") {
  Article first = only(load_article(test::fixture_path("news/000_cd1b8dd590950c2c.txt")));
  CHECK(first.title ==
        "'Nothing Has Changed' — State Department On Blinken's Brief Encounter With "
        "Lavrov At G-20");
  CHECK_FALSE(first.date.has_value());  // "on Thursday" is not a date.
  CHECK(first.date_source == DateSource::kNone);
  CHECK(first.byline == "Alex Raufoglu");
  CHECK(first.kind == ArticleKind::kNews);
  CHECK(first.paragraphs.size() == 9);

  Article second = only(load_article(test::fixture_path("news/001_bf53c8655c45bcc9.txt")));
  CHECK(second.date == Date{2023, 3, 3});
  CHECK(second.date_source == DateSource::kMarker);
  CHECK(second.title.starts_with("State Department spokesman Price: Washington"));

  for (const Article* a : {&first, &second}) {
    std::string text = all_text(*a);
    CHECK(text.find("Leave a review") == std::string::npos);
    CHECK(text.find("Follow us on social networks") == std::string::npos);
    CHECK(text.find("Related materials") == std::string::npos);
    CHECK(text.find("News Line") == std::string::npos);
    CHECK(text.find("Politics\n") == std::string::npos);
  }
  // The related-link headline after "Related materials:" goes too, but the
  // section heading in the text stays.
  CHECK(all_text(second).find("Blinken and Lavrov meeting at the G20") == std::string::npos);
  CHECK(all_text(second).find("What Blinken and Lavrov talked about") != std::string::npos);
}

TEST_CASE("article: byte ranges point at the paragraph in the file") {
  std::string path = test::fixture_path("news/000_cd1b8dd590950c2c.txt");
  std::string content = test::read_file(path);
  Article a = only(parse_article(content, path));
  for (const auto& p : a.paragraphs) {
    REQUIRE(p.byte_end <= content.size());
    std::string raw = content.substr(p.byte_begin, p.byte_end - p.byte_begin);
    // The first and last words of the cleaned text are the file's.
    std::string first_word = p.text.substr(0, p.text.find(' '));
    CHECK(raw.starts_with(first_word));
    std::string last_word = p.text.substr(p.text.rfind(' ') + 1);
    CHECK(raw.ends_with(last_word));
  }
}

TEST_CASE("article: Markdown transcripts with front matter") {
  const char* page =
      "---\n"
      "date: '2022-03-17'\n"
      "source_url: https://www.whitehouse.gov/briefing-room/x/\n"
      "tags: press-briefings\n"
      "title: \"Press Briefing by Press Secretary Jen\\_Psaki, March 17,\\\n"
      "  \\ 2022\"\n"
      "---\n"
      "\xC2\xA0\n"
      "James S. Brady Press Briefing Room\n\n"
      "2:55 P.M. EDT\n\n"
      "MS. PSAKI:\xC2\xA0 Hi, everyone. We have \\[redacted\\] news on\n"
      "the [treaty](https://example.com/t) today. (Laughter.)\n\n"
      "Q\xC2\xA0 \xC2\xA0 \xC2\xA0 Thanks, Jen. What about *Russia*?\n\n"
      "MS. PSAKI:\xC2\xA0 No comment.\n\n"
      "END 3:30 P.M. EDT\n";
  Article a = only(parse_article(page, "2022-03-17-x.md"));
  CHECK(a.title == "Press Briefing by Press Secretary Jen Psaki, March 17, 2022");
  CHECK(a.date == Date{2022, 3, 17});
  CHECK(a.date_source == DateSource::kMetadata);
  CHECK(a.url == "https://www.whitehouse.gov/briefing-room/x/");
  CHECK(a.source == "whitehouse.gov");
  CHECK(a.kind == ArticleKind::kTranscript);
  REQUIRE(a.paragraphs.size() == 3);
  CHECK(a.paragraphs[0].turn_label == "MS. PSAKI");
  CHECK(a.paragraphs[0].starts_turn);
  CHECK(a.paragraphs[0].text ==
        "Hi, everyone. We have [redacted] news on the treaty today.");
  CHECK(a.paragraphs[1].turn_label == "Q");
  CHECK(a.paragraphs[1].text == "Thanks, Jen. What about Russia?");
  CHECK(a.paragraphs[2].text == "No comment.");
}

TEST_CASE("article: a wire story's byline block and trailers") {
  const char* story =
      "Blinken, Lavrov hold first in-person talks since war began\n\n"
      "By MATTHEW LEE\n"
      "Published 7:31 AM EST, March 2, 2023\n\n"
      "NEW DELHI (AP) — Antony Blinken and Sergey Lavrov spoke briefly on Thursday.\n\n"
      "\"I told him: end this war of aggression,\" Blinken said.\n\n"
      "Associated Press writer Dasha Litvinova in Tallinn, Estonia, contributed to this report.\n\n"
      "Follow AP's coverage of the war in Ukraine at https://apnews.com/hub/russia-ukraine\n\n"
      "Our Standards: The Thomson Reuters Trust Principles.\n\n"
      "bur-as/jm\n";
  Article a = only(parse_article(story, "ap.txt"));
  CHECK(a.byline == "MATTHEW LEE");
  CHECK(a.date == Date{2023, 3, 2});
  REQUIRE(a.paragraphs.size() == 2);
  CHECK(a.paragraphs[0].text.starts_with("NEW DELHI (AP)"));
  CHECK(a.paragraphs[1].text.starts_with("\"I told him"));
}

TEST_CASE("article: Markdown links whose text runs over a line break") {
  const char* page =
      "---\ntitle: Links\ndate: '2024-01-02'\n---\n\n"
      "The [President announced in\nMay,](https://www.youtube.com/watch?v=AU5BeZ3Gtuc) a plan. "
      "See [one line](https://example.com/oneline) too.\n\n"
      "Also **[bold\nlink](https://example.com/bold-link)** here and "
      "[*emph*](https://example.com/emph).\n\n"
      "A [bracket that never\ncloses, and (a parenthesis).\n";
  Article a = only(parse_article(page, "2024-01-02-links.md"));
  REQUIRE(a.paragraphs.size() == 3);
  CHECK(a.paragraphs[0].text == "The President announced in May, a plan. See one line too.");
  CHECK(a.paragraphs[1].text == "Also bold link here and emph.");
  CHECK(a.paragraphs[2].text == "A bracket that never closes, and (a parenthesis).");
}

TEST_CASE("article: labels in mixed case and a Q glued to its question") {
  const char* page =
      "---\ntitle: Press Briefing\ndate: '2022-09-28'\n---\n\n"
      "MR. FENTON:  Dr. Walensky, do you want to start?\n\n"
      "Dr. WALENSKY:  Maybe, yes.\n\n"
      "QCan you hold him accountable?\n\n"
      "QAnon posts were discussed.\n";
  Article a = only(parse_article(page, "2022-09-28-x.md"));
  REQUIRE(a.paragraphs.size() == 4);
  CHECK(a.paragraphs[1].turn_label == "DR. WALENSKY");
  CHECK(a.paragraphs[1].text == "Maybe, yes.");
  CHECK(a.paragraphs[2].turn_label == "Q");
  CHECK(a.paragraphs[2].text == "Can you hold him accountable?");
  // "QAnon" is a word, not a question: the turn goes on.
  CHECK(a.paragraphs[3].turn_label == "Q");
  CHECK(a.paragraphs[3].text == "QAnon posts were discussed.");
}

TEST_CASE("article: labels in bold, in mixed case, and on consecutive lines") {
  // A Russian MFA transcript: "Question:" and "Maria Zakharova:".
  // The label of each turn, in order.
  auto turns = [](const Article& a) {
    std::vector<std::string> labels;
    for (const auto& p : a.paragraphs)
      if (p.starts_turn) labels.push_back(p.turn_label);
    return labels;
  };
  Article mfa = only(load_article(test::fixture_path("formats/zakharova-briefing-2023-03-02.txt")));
  CHECK(mfa.kind == ArticleKind::kTranscript);
  CHECK(turns(mfa) == std::vector<std::string>{"QUESTION", "MARIA ZAKHAROVA", "QUESTION",
                                                "MARIA ZAKHAROVA", "QUESTION", "MARIA ZAKHAROVA",
                                                "QUESTION"});
  for (const auto& p : mfa.paragraphs) {
    CHECK_FALSE(p.text.starts_with("Question:"));
    CHECK_FALSE(p.text.starts_with("Maria Zakharova:"));
  }

  // A State Department briefing with a turn on every line, no blank lines.
  Article lines =
      only(load_article(test::fixture_path("formats/2023-03-08-single-newline-briefing.txt")));
  CHECK(lines.kind == ArticleKind::kTranscript);
  CHECK(turns(lines) == std::vector<std::string>{"MR PRICE", "QUESTION", "MR PRICE", "QUESTION",
                                                 "MR PRICE", "QUESTION"});
  CHECK(lines.paragraphs.back().text == "Thank you.");
  // The header lines before the first turn are not a passage; they are
  // kept to name the speakers.
  CHECK(lines.paragraphs.front().turn_label == "MR PRICE");
  CHECK(lines.preamble.find("Ned Price, Department Spokesperson") != std::string::npos);
  auto speakers = attribute_speakers(lines, split_passages(lines));
  REQUIRE_FALSE(speakers.empty());
  REQUIRE(speakers[0].size() == 1);
  CHECK(speakers[0][0].name == "Ned Price");

  // Bold labels: "**SECRETARY BLINKEN:**".
  Article bold = only(load_article(test::fixture_path("formats/2023-03-06-press-availability.md")));
  CHECK(bold.kind == ArticleKind::kTranscript);
  std::set<std::string> seen;
  for (const auto& p : bold.paragraphs) {
    if (!p.turn_label.empty()) seen.insert(p.turn_label);
    CHECK(p.text.find("**") == std::string::npos);
  }
  CHECK(seen == std::set<std::string>{"MODERATOR", "SECRETARY BLINKEN", "QUESTION", "MR. PRICE"});

  // Not turns: field names and sources in a release, each used often.
  const char* release =
      "---\ntitle: Clemency Recipient List\ndate: '2022-04-26'\n---\n\n"
      "**Abraham Bolden** – Chicago, Illinois\n\n"
      "**Offense:** Conspiracy to distribute cocaine.\n"
      "**Sentence:** 240 months' imprisonment.\n"
      "**Commutation Grant:** Sentence commuted to expire on June 26, 2022.\n\n"
      "**Betsy Jeanette Gonzalez** – Miami, Florida\n\n"
      "**Offense:** Conspiracy to distribute cocaine.\n"
      "**Sentence:** 120 months' imprisonment.\n"
      "**Commutation Grant:** Sentence commuted to expire on June 26, 2022.\n\n"
      "**AFSCME:** “President Biden gets it.”\n\n"
      "**AFSCME:** “A strong economy starts with workers.”\n\n"
      "FACT: No money is being diverted from disaster response.\n\n"
      "FACT: FEMA has the funds it needs.\n\n"
      "Email: <https://ovs.ny.gov/contact>\n\n"
      "Phone: 1-800-247-8035\n\n"
      "Email: <https://texasattorneygeneral.gov/>\n";
  Article list = only(parse_article(release, "2022-04-26-clemency-recipient-list.md"));
  CHECK(list.kind == ArticleKind::kNews);
  for (const auto& p : list.paragraphs) CHECK(p.turn_label.empty());
}

TEST_CASE("article: a real transcript fixture") {
  std::string path = test::fixture_path(
      "transcripts/2023-02-03-press-gaggle-by-press-secretary-karine-jean-pierre-en-route-"
      "philadelphia-pa-2.md");
  Article a = only(load_article(path));
  CHECK(a.title == "Press Gaggle by Press Secretary Karine Jean-Pierre En Route "
                   "Philadelphia, PA");
  CHECK(a.date == Date{2023, 2, 3});
  CHECK(a.kind == ArticleKind::kTranscript);
  std::size_t labelled = std::count_if(a.paragraphs.begin(), a.paragraphs.end(),
                                       [](const Paragraph& p) { return p.starts_turn; });
  CHECK(labelled >= 20);
  for (const auto& p : a.paragraphs) {
    CHECK(p.text.find("\xC2\xA0") == std::string::npos);
    CHECK(p.text.find("(Laughter.)") == std::string::npos);
    CHECK_FALSE(p.turn_label.empty());
  }
}

TEST_CASE("article: soft hyphens inside words are dropped, byte ranges kept") {
  const std::string content =
      "---\ntitle: 'Pre\xC2\xADsident Names Judicial Nominees'\ndate: '2023-01-18'\n---\n\n"
      "All of whom are extraordinar\xC2\xAD\xC2\xAD\xC2\xAD" "ily qualified, from diverse "
      "backgroun\xC2\xAD" "ds.\n";
  auto articles = parse_article(content, "n.md");
  REQUIRE(articles.size() == 1);
  CHECK(articles[0].title == "President Names Judicial Nominees");
  REQUIRE(articles[0].paragraphs.size() == 1);
  const Paragraph& p = articles[0].paragraphs[0];
  CHECK(p.text == "All of whom are extraordinarily qualified, from diverse backgrounds.");
  // The range still covers the paragraph as the file has it.
  CHECK(content.substr(p.byte_begin, p.byte_end - p.byte_begin).starts_with("All of whom"));
  CHECK(content.substr(p.byte_begin, p.byte_end - p.byte_begin).ends_with("ds."));
}

TEST_CASE("article: JSON records and JSON Lines") {
  auto records = load_article(test::fixture_path("records/briefings.jsonl"));
  REQUIRE(records.size() == 3);
  for (const auto& r : records) {
    CHECK(r.kind == ArticleKind::kRecord);
    CHECK(r.date.has_value());
    CHECK_FALSE(r.title.empty());
    CHECK_FALSE(r.paragraphs.empty());
  }
  Article single = only(load_article(test::fixture_path("records/single.json")));
  CHECK(single.date.has_value());
  CHECK_FALSE(single.source.empty());

  Article dated = only(parse_article(
      R"({"title": "T", "date": "2023-02-30", "text": "Some text."})", "r.json"));
  CHECK_FALSE(dated.date.has_value());
  REQUIRE(dated.warnings.size() == 1);
  CHECK(dated.warnings[0] == "record 1: invalid date '2023-02-30' ignored");

  // Fields of the wrong type are named in a warning, never dropped in
  // silence; one speaker may be a plain string; an empty "text" gives
  // way to "body".
  Article typed = only(parse_article(
      R"({"title": "T", "date": 20230301, "speakers": "Ned Price", "text": "", )"
      R"("body": "Some text."})", "r.json"));
  CHECK_FALSE(typed.date.has_value());
  CHECK(typed.declared_speakers == std::vector<std::string>{"Ned Price"});
  REQUIRE(typed.warnings.size() == 1);
  CHECK(typed.warnings[0] == "record 1: \"date\" is a number, not a string; ignored");
  Article listed = only(parse_article(
      R"({"title": "T", "speakers": {"name": "X"}, "text": "Some text."})", "r.json"));
  REQUIRE(listed.warnings.size() == 1);
  CHECK(listed.warnings[0].find("\"speakers\" is an object") != std::string::npos);
  try {
    parse_article(R"({"title": "T", "text": 123})", "r.json");
    FAIL("no error");
  } catch (const Error& e) {
    CHECK(std::string(e.what()) == "record 1: \"text\" is a number, not a string (want the text)");
  }
}

TEST_CASE("article: front matter dates in long form, and published as the field") {
  struct Row {
    const char* front;
    Date expected;
  };
  for (const Row& row : {Row{"date: March 3, 2023", {2023, 3, 3}},
                         Row{"date: '2023-03-03T10:00:00Z'", {2023, 3, 3}},
                         Row{"published: 2023-03-04", {2023, 3, 4}},
                         Row{"published_at: 3 March 2023", {2023, 3, 3}}}) {
    CAPTURE(row.front);
    Article a = only(parse_article(std::string("---\ntitle: T\n") + row.front +
                                       "\n---\n\nSome text here.\n",
                                   "f.md"));
    REQUIRE(a.date.has_value());
    CHECK(*a.date == row.expected);
    CHECK(a.date_source == DateSource::kMetadata);
    CHECK(a.warnings.empty());
  }
}

TEST_CASE("article: a folder given as an article is refused as a folder") {
  test::TempDir tmp;
  std::filesystem::create_directories(tmp / "folder.txt");
  try {
    load_article(tmp / "folder.txt");
    FAIL("no error");
  } catch (const Error& e) {
    CHECK(e.code() == ErrorCode::kInvalidArgument);
    CHECK(std::string(e.what()) == "is a folder, not an article file");
  }
}

TEST_CASE("article: content that is not an article is refused with a reason") {
  struct Row {
    std::string content;
    const char* path;
    const char* reason;
  };
  const Row rows[] = {
      {"", "a.txt", "empty"},
      {" \n\xC2\xA0\t\n", "a.txt", "white space"},
      {std::string("abc\0def", 7), "a.txt", "binary"},
      {"Title\n\nbad \xFF byte\n", "a.txt", "UTF-8"},
      {"{\"title\": \"x\", \"text\": ", "a.json", "JSON"},
      {"42", "a.json", "number"},
      {"{\"title\": \"no text\"}", "a.json", "text"},
      {"Leave a review\n\nFollow us on social networks\n", "a.txt", ""},
  };
  for (const auto& row : rows) {
    CAPTURE(row.content);
    try {
      parse_article(row.content, row.path);
      FAIL("no error thrown");
    } catch (const Error& e) {
      CHECK(e.code() == ErrorCode::kInvalidArgument);
      CHECK(std::string(e.what()).find(row.reason) != std::string::npos);
    }
  }
}

TEST_CASE("article: a sidecar supplies title, date and source") {
  Article a = only(load_article(test::fixture_path("news/sidecar-article.txt")));
  ArticleOverrides o = parse_overrides(test::read_file(test::fixture_path("news/sidecar-article.json")));
  CHECK(a.date == o.date);
  CHECK(a.date_source == DateSource::kSidecar);
  REQUIRE(o.title.has_value());
  CHECK(a.title == *o.title);
  CHECK_THROWS_AS(parse_overrides(R"({"date": "2023-02-30"})"), Error);
  CHECK_THROWS_AS(parse_overrides("[1, 2]"), Error);
  // A field of the wrong type fails too, naming the field; null is absent.
  try {
    parse_overrides(R"({"date": 20230303})");
    FAIL("no error");
  } catch (const Error& e) {
    CHECK(std::string(e.what()) == "sidecar field \"date\" is a number, not a string");
  }
  CHECK_THROWS_AS(parse_overrides(R"({"title": 7})"), Error);
  CHECK_FALSE(parse_overrides(R"({"title": null})").title.has_value());
  CHECK(parse_overrides(R"({"date": "March 3, 2023"})").date == Date{2023, 3, 3});
}

TEST_CASE("article: the dateline fixture") {
  Article a = only(load_article(test::fixture_path("news/dateline-article.txt")));
  CHECK(a.date == Date{2023, 3, 3});
  CHECK(a.byline == "Jane Doe");
}

}  // namespace brief

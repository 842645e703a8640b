// Copyright (c) 2026 The brief-search Authors. MIT licence.
// Tests for searching an index.

#include "brief/searcher.h"

#include <doctest/doctest.h>
#include <xapian.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <map>
#include <set>

#include "brief/error.h"
#include "brief/indexer.h"
#include "ranking.h"
#include "test_util.h"

namespace brief {

namespace fs = std::filesystem;

namespace {

// One index over the seeds and the transcript fixtures, built once.
const std::string& shared_index() {
  static test::TempDir* dir = [] {
    auto* d = new test::TempDir;
    Indexer::open(*d / "index")
        .update({test::fixture_path("news"), test::fixture_path("transcripts")});
    return d;
  }();
  static std::string path = *dir / "index";
  return path;
}

SearchResults search(SearchRequest r) {
  Searcher s = Searcher::open(shared_index());
  return s.search(r);
}

bool has_speaker(const Hit& h, const std::string& name) {
  for (const auto& s : h.speakers)
    if (s.name == name) return true;
  return false;
}

}  // namespace

TEST_CASE("searcher: New START finds the seed passage, attributed to Ned Price") {
  auto results = search({.query = "New START", .limit = 50});
  bool found = false;
  for (const auto& h : results.hits) {
    if (h.text.find("The pair discussed three topics: New START treaty") == std::string::npos)
      continue;
    found = true;
    CHECK(has_speaker(h, "Ned Price"));
    CHECK_FALSE(h.date.has_value());
    CHECK(h.path.ends_with("000_cd1b8dd590950c2c.txt"));
    CHECK(h.ordinal == 2);
    CHECK_FALSE(h.highlights.empty());
    for (auto [b, e] : h.highlights) {
      std::string word = h.snippet.substr(b, e - b);
      CHECK((word == "New" || word == "START" || word == "New START"));
    }
  }
  CHECK(found);
}

TEST_CASE("searcher: speaker: and --speaker filter by canonical speaker") {
  auto quoted = search({.query = "speaker:\"Maria Zakharova\"", .limit = 50,
                        .one_per_article = false});
  REQUIRE(quoted.hits.size() == 2);
  for (const auto& h : quoted.hits) {
    CHECK(has_speaker(h, "Maria Zakharova"));
    CHECK(h.date == Date{2023, 3, 3});
  }
  // A surname finds the same passages, as does the option.
  auto surname = search({.query = "speaker:Zakharova", .limit = 50, .one_per_article = false});
  CHECK(surname.hits.size() == 2);
  auto option = search({.speakers = {"Maria Zakharova"}, .limit = 50, .one_per_article = false});
  CHECK(option.hits.size() == 2);
  auto none = search({.query = "speaker:Nobody", .limit = 50});
  CHECK(none.hits.empty());
}

TEST_CASE("searcher: date ranges, open ends and filters") {
  auto in_2022 = search({.query = "date:2022-01-01..2022-12-31", .limit = 1000,
                         .one_per_article = false});
  REQUIRE_FALSE(in_2022.hits.empty());
  for (const auto& h : in_2022.hits) {
    REQUIRE(h.date.has_value());
    CHECK(h.date->year == 2022);
  }
  auto since = search({.query = "Kirby", .since = Date{2023, 1, 1}, .limit = 1000});
  for (const auto& h : since.hits) CHECK(*h.date >= Date{2023, 1, 1});
  auto open_end = search({.query = "date:..2021-12-31", .limit = 1000, .one_per_article = false});
  for (const auto& h : open_end.hits) CHECK(h.date->year == 2021);
  auto month = search({.query = "date:2023-02", .limit = 1000, .one_per_article = false});
  REQUIRE_FALSE(month.hits.empty());
  for (const auto& h : month.hits) CHECK((h.date->year == 2023 && h.date->month == 2));

  // A range that ends before it starts is refused alike by a search, a
  // timeline and a speaker listing, with or without words.
  Searcher s = Searcher::open(shared_index());
  for (const char* words : {"Kirby", ""}) {
    CAPTURE(words);
    SearchRequest reversed{.query = words, .since = Date{2023, 1, 1}, .until = Date{2022, 1, 1}};
    for (int call = 0; call < 3; ++call) {
      CAPTURE(call);
      try {
        if (call == 0) s.search(reversed);
        if (call == 1) s.timeline(reversed, TimelineGranularity::kMonth);
        if (call == 2) s.speakers(reversed);
        FAIL("no error");
      } catch (const Error& e) {
        CHECK(e.code() == ErrorCode::kInvalidArgument);
        CHECK(std::string(e.what()).find("is before since") != std::string::npos);
      }
    }
  }
}

// The dates of every passage a query matches, each once.
std::set<Date> dates_of(const SearchRequest& request) {
  SearchRequest r = request;
  r.limit = 10000;
  r.one_per_article = false;
  std::set<Date> dates;
  for (const auto& h : search(r).hits) {
    REQUIRE(h.date.has_value());
    dates.insert(*h.date);
  }
  return dates;
}

TEST_CASE("searcher: date: takes years, months, relative days and ISO durations") {
  // The fixtures are dated 2021-04-13, 2021-12-30, 2022-06-21, 2023-02-03,
  // 2023-03-03 (the dated seed and the dateline article) and 2023-04-05
  // (the sidecar article).
  const Date feb3{2023, 2, 3}, mar3{2023, 3, 3}, apr5{2023, 4, 5};
  CHECK(dates_of({.query = "date:2021"}) ==
        std::set<Date>{Date{2021, 4, 13}, Date{2021, 12, 30}});
  CHECK(dates_of({.query = "date:2023-02"}) == std::set<Date>{feb3});
  CHECK(dates_of({.query = "date:2022-06..2023-02"}) ==
        std::set<Date>{Date{2022, 6, 21}, feb3});
  CHECK(dates_of({.query = "date:2023-02-03/P1D"}) == std::set<Date>{feb3});
  CHECK(dates_of({.query = "date:2023-02-04/P1M"}) == std::set<Date>{mar3});
  // P30D/ is today and the 29 days before: from 2023-03-05 it reaches
  // back to 2023-02-04, from 2023-03-04 to 2023-02-03.
  CHECK(dates_of({.query = "date:P30D/", .today = Date{2023, 3, 5}}) == std::set<Date>{mar3});
  CHECK(dates_of({.query = "date:P30D/", .today = Date{2023, 3, 4}}) ==
        std::set<Date>{feb3, mar3});
  // 30d.. starts on the day 30 days before today.
  CHECK(dates_of({.query = "date:30d..", .today = Date{2023, 3, 5}}) ==
        std::set<Date>{feb3, mar3, apr5});
  CHECK(dates_of({.query = "date:30d..today", .today = Date{2023, 3, 5}}) ==
        std::set<Date>{feb3, mar3});
  CHECK(dates_of({.query = "date:..1y", .today = Date{2022, 12, 30}}) ==
        std::set<Date>{Date{2021, 4, 13}, Date{2021, 12, 30}});
  // Without a today, the system clock's date: nothing is that recent.
  CHECK(dates_of({.query = "date:P1Y/"}).empty());
  CHECK(dates_of({.query = "date:P1Y/", .today = Date{2023, 12, 31}}) ==
        std::set<Date>{feb3, mar3, apr5});
}

TEST_CASE("searcher: bad queries and bad dates are kQuerySyntax") {
  for (const char* q : {"date:2023-02-30..", "date:notadate", "date:2024..2023",
                        "speaker:\"\"", "date:P/", "date:2023-13", "date:30x..",
                        // Nothing to search for, which would match every
                        // passage, and fields without a value.
                        "...", "\xF0\x9F\x99\x82", "@#$", "\"\"", "speaker:",
                        "Blinken speaker:", "date: inflation", "(title:)",
                        "title:\"\" Whelan", "Price \xFF", "caf\xC3"}) {
    CAPTURE(q);
    try {
      search({.query = q});
      FAIL("no error");
    } catch (const Error& e) {
      CHECK(e.code() == ErrorCode::kQuerySyntax);
    }
  }
  // Words next to punctuation, and a field's name as a word, still search.
  CHECK_FALSE(search({.query = "Price..."}).hits.empty());
  CHECK_NOTHROW(search({.query = "the speaker said"}));
  // An empty --speaker is a bad argument, not a speaker nobody is.
  try {
    search({.query = "treaty", .speakers = {" "}});
    FAIL("no error");
  } catch (const Error& e) {
    CHECK(e.code() == ErrorCode::kInvalidArgument);
  }
}

TEST_CASE("searcher: sort orders") {
  auto by_date = search({.query = "Russia", .limit = 50, .sort = SortOrder::kDate});
  REQUIRE(by_date.hits.size() > 2);
  for (std::size_t i = 1; i < by_date.hits.size(); ++i) {
    if (by_date.hits[i].date && by_date.hits[i - 1].date)
      CHECK(*by_date.hits[i - 1].date >= *by_date.hits[i].date);
  }
  auto by_relevance = search({.query = "Russia", .limit = 50, .sort = SortOrder::kRelevance});
  for (std::size_t i = 1; i < by_relevance.hits.size(); ++i)
    CHECK(by_relevance.hits[i - 1].relevance >= by_relevance.hits[i].relevance);
  auto blend = search({.query = "Russia", .limit = 50});
  for (std::size_t i = 1; i < blend.hits.size(); ++i)
    CHECK(blend.hits[i - 1].score >= blend.hits[i].score);
}

TEST_CASE("searcher: one hit per article unless all passages are asked for") {
  auto collapsed = search({.query = "Price", .limit = 100});
  std::set<std::string> paths;
  for (const auto& h : collapsed.hits) CHECK(paths.insert(h.path).second);
  auto all = search({.query = "Price", .limit = 100, .one_per_article = false});
  CHECK(all.hits.size() > collapsed.hits.size());
}

TEST_CASE("searcher: how many hits are asked for does not change what matches") {
  // 12 articles have all three words, 30 more only two of them. Asking for
  // 100 hits, or for the second page, must not let any word match when a
  // first page of 10 has every word: the same query, the same results.
  test::TempDir tmp;
  for (int i = 0; i < 42; ++i) {
    std::string extra = i < 12 ? " and the inspections resumed" : " and nothing else";
    test::write_file(tmp / ("corpus/a" + std::to_string(i) + ".md"),
                     "---\ntitle: Note " + std::to_string(i) + "\ndate: '2022-03-" +
                         std::to_string(10 + i % 18) + "'\n---\n\nThe treaty talks went on" +
                         extra + ", said the envoy number " + std::to_string(i) + ".\n");
  }
  Indexer::open(tmp / "index").update({tmp / "corpus"});
  Searcher searcher = Searcher::open(tmp / "index");
  auto page = [&](std::size_t offset, std::size_t limit) {
    SearchRequest r;
    r.query = "treaty talks inspections";
    r.offset = offset;
    r.limit = limit;
    return searcher.search(r);
  };
  auto ten = page(0, 10), hundred = page(0, 100), second = page(10, 10);
  CHECK(ten.total == 12);
  CHECK(hundred.total == ten.total);
  CHECK(second.total == ten.total);
  REQUIRE(hundred.hits.size() == 12);
  for (std::size_t i = 0; i < ten.hits.size(); ++i) CHECK(ten.hits[i].path == hundred.hits[i].path);
  REQUIRE(second.hits.size() == 2);
  CHECK(second.hits[0].path == hundred.hits[10].path);
  // Fewer than a page with every word: any word matches, at every size.
  SearchRequest rare;
  rare.query = "treaty inspections nothing";
  rare.limit = 5;
  auto few = searcher.search(rare);
  rare.limit = 100;
  auto many = searcher.search(rare);
  CHECK(few.total == 42);
  CHECK(many.total == 42);
}

TEST_CASE("searcher: an answer is shown for the reporter's question that matched") {
  // A briefing where only a reporter's question has "pipeline" and
  // "Treasury", and the answer after it shares "sanctions".
  test::TempDir tmp;
  Indexer::open(tmp / "index").update({test::fixture_path("questions")});
  Searcher searcher = Searcher::open(tmp / "index");
  auto first_hit = [&](const std::string& query, bool one_per_article = true) {
    SearchRequest r;
    r.query = query;
    r.one_per_article = one_per_article;
    auto results = searcher.search(r);
    REQUIRE_FALSE(results.hits.empty());
    return results.hits[0];
  };

  // The answer is shown, ranked by the question.
  Hit hit = first_hit("pipeline sanctions Treasury");
  REQUIRE(hit.question);
  CHECK(hit.question->text.starts_with("Thank you. Can you say anything"));
  CHECK(hit.question->speakers.empty());
  CHECK(hit.text.starts_with("Yes. The President has never supported"));
  CHECK(hit.ordinal == hit.question->ordinal + 1);
  REQUIRE(hit.speakers.size() == 1);
  CHECK(hit.speakers[0].name == "Jane Roe");
  CHECK(hit.snippet.find("sanctions") != std::string::npos);
  CHECK(hit.highlights.size() == 1);

  // The answer must pass what the query excludes: a word it has, or its
  // speaker.
  for (const char* excluding : {"pipeline sanctions Treasury -allies",
                                "pipeline sanctions Treasury -speaker:Roe"}) {
    CAPTURE(excluding);
    Hit kept = first_hit(excluding);
    CHECK_FALSE(kept.question);
    CHECK(kept.text.starts_with("Thank you. Can you say anything"));
  }

  // --all-passages lists the question itself, as it matched.
  Hit raw = first_hit("pipeline sanctions Treasury", false);
  CHECK_FALSE(raw.question);
  CHECK(raw.text.starts_with("Thank you. Can you say anything"));

  // An answer without a word of the query is not shown for its question.
  Hit wildfires = first_hit("wildfires");
  CHECK_FALSE(wildfires.question);
  CHECK(wildfires.text.starts_with("And on the wildfires out west"));
  CHECK(wildfires.speakers.empty());

  // Outside transcripts an unattributed passage is narration, not a
  // question: the quote after it is not preferred.
  Hit release = first_hit("harbor grants awarded ports");
  CHECK_FALSE(release.question);
  CHECK(release.text.starts_with("The Department of Transportation awarded"));
  REQUIRE(release.kind == "news");
  SearchRequest quote;
  quote.query = "dredging grants";
  quote.one_per_article = false;
  bool attributed_next = false;
  for (const auto& h : searcher.search(quote).hits)
    attributed_next |= h.ordinal == 1 && !h.speakers.empty();
  CHECK(attributed_next);  // So the rule, not a missing speaker, kept it.

  // An attributed passage is shown as it is.
  Hit answer = first_hit("allies Europe");
  CHECK_FALSE(answer.question);
  CHECK(answer.text.starts_with("Yes. The President"));

  // --context shows the passages around the answer, the question first.
  SearchRequest r;
  r.query = "pipeline sanctions Treasury";
  r.context = 1;
  Hit with_context = searcher.search(r).hits.at(0);
  REQUIRE(with_context.context_before.size() == 1);
  CHECK(with_context.context_before[0].text == with_context.question->text);
}

TEST_CASE("searcher: pages of any size list one order, without repeats or gaps") {
  // 80 dated articles, more than the blend window: each says "treaty" a
  // different number of times, and every third quotes an envoy by name.
  test::TempDir tmp;
  for (int i = 0; i < 80; ++i) {
    Date day = add_days(Date{2020, 1, 1}, i * 11);
    std::string words;
    for (int k = 0; k <= i % 7; ++k) words += " treaty";
    std::string body = i % 3 == 0 ? "\"The talks go on,\" envoy Jane Roe said of the" + words + "."
                                  : "The talks on the" + words + " went on.";
    test::write_file(tmp / ("corpus/a" + std::to_string(i) + ".md"),
                     "---\ntitle: Note " + std::to_string(i) + "\ndate: '" + day.iso() +
                         "'\n---\n\n" + body + "\n");
  }
  Indexer::open(tmp / "index").update({tmp / "corpus"});
  Searcher searcher = Searcher::open(tmp / "index");
  for (const char* query : {"treaty", "talks treaty", "speaker:Roe", "-envoy"}) {
    CAPTURE(query);
    auto list = [&](std::size_t offset, std::size_t limit) {
      SearchRequest r;
      r.query = query;
      r.offset = offset;
      r.limit = limit;
      std::vector<std::string> keys;
      for (const auto& h : searcher.search(r).hits) keys.push_back(h.path);
      return keys;
    };
    std::vector<std::string> all = list(0, 100);
    REQUIRE(all.size() >= 26);
    std::vector<std::string> paged;
    for (std::size_t offset = 0; offset < all.size(); offset += 10) {
      auto page = list(offset, 10);
      paged.insert(paged.end(), page.begin(), page.end());
    }
    CHECK(paged == all);
    CHECK(list(0, 10) == std::vector<std::string>(all.begin(), all.begin() + 10));
  }
  // Fields alone: the newest first.
  SearchRequest roe;
  roe.query = "speaker:Roe";
  roe.limit = 100;
  auto hits = searcher.search(roe).hits;
  REQUIRE(hits.size() == 27);
  for (std::size_t i = 1; i < hits.size(); ++i) CHECK(*hits[i - 1].date >= *hits[i].date);
}

TEST_CASE("searcher: two spellings of one speaker in a passage are one speaker") {
  // "Trump" (left bare: two Trumps are named) and "Donald Trump" in one
  // passage; the index groups the bare surname with Donald Trump.
  test::TempDir tmp;
  test::write_file(tmp / "corpus/a.txt",
                   "Christmas at the White House\n\n"
                   "First Lady Melania Trump and President Donald J. Trump said the volunteers "
                   "made the tradition special.\n");
  test::write_file(tmp / "corpus/b.txt",
                   "Tariffs\n\n\"Tariffs are working,\" President Donald Trump said of the "
                   "tradition.\n\n\"We will win,\" Trump added about the tradition.\n");
  Indexer::open(tmp / "index").update({tmp / "corpus"});
  Searcher searcher = Searcher::open(tmp / "index");
  SearchRequest r;
  r.query = "tradition";
  r.facets = true;
  r.one_per_article = false;
  auto results = searcher.search(r);
  REQUIRE(results.hits.size() == 3);
  std::int64_t with_trump = 0;
  for (const auto& h : results.hits) {
    CAPTURE(h.text);
    std::set<std::string> names;
    for (const auto& sp : h.speakers) CHECK(names.insert(sp.name).second);  // No repeats.
    with_trump += names.count("Donald Trump");
  }
  REQUIRE(with_trump == 3);
  std::int64_t counted = 0;
  for (const auto& f : results.speaker_facets)
    if (f.value == "Donald Trump") counted = f.count;
  CHECK(counted == 3);  // Not 4: the passage with both spellings counts once.
  SearchRequest listing;
  listing.query = "tradition";
  for (const auto& p : searcher.speakers(listing))
    if (p.name == "Donald Trump") CHECK(p.passages == 3);
}

TEST_CASE("searcher: a word typed in capitals is the acronym when the corpus mostly writes the word") {
  // "start" the verb in twelve articles, "START" the treaty in one; NATO
  // mostly in capitals.
  test::TempDir tmp;
  for (int i = 0; i < 12; ++i)
    test::write_file(tmp / ("corpus/v" + std::to_string(i) + ".txt"),
                     "Talks " + std::to_string(i) + "\n\nThe talks will start on Monday, number " +
                         std::to_string(i) + ".\n");
  test::write_file(tmp / "corpus/treaty.txt",
                   "Treaty\n\nRussia suspended New START, the last arms treaty.\n");
  for (int i = 0; i < 3; ++i)
    test::write_file(tmp / ("corpus/n" + std::to_string(i) + ".txt"),
                     "Alliance " + std::to_string(i) + "\n\nNATO allies met again.\n");
  test::write_file(tmp / "corpus/n3.txt", "Alliance 3\n\nNato allies met once more.\n");
  Indexer::open(tmp / "index").update({tmp / "corpus"});
  Searcher searcher = Searcher::open(tmp / "index");
  auto total = [&](const std::string& q) {
    SearchRequest r;
    r.query = q;
    r.limit = 100;
    return searcher.search(r).total;
  };
  CHECK(total("START") == 1);
  CHECK(total("New START") == 1);
  CHECK(total("start") == 13);
  CHECK(total("\"START\"") == 13);  // Quoted: the word as written, any case.
  CHECK(total("NATO") == 4);
}

TEST_CASE("searcher: a full name finds its bare surname only when that is the same person") {
  // Bare "Trump" is grouped with Donald Trump (three of four full-name
  // uses); bare "Cooper" with nobody (two people, equally).
  test::TempDir tmp;
  std::string lines;
  auto record = [&](const std::string& speaker, int i) {
    lines += "{\"title\": \"Remarks " + std::to_string(i) + "\", \"date\": \"2025-04-0" +
             std::to_string(1 + i % 9) + "\", \"speakers\": [\"" + speaker +
             "\"], \"text\": \"We spoke about the budget today, number " + std::to_string(i) +
             ".\"}\n";
  };
  int i = 0;
  for (const char* who : {"Donald Trump", "Donald Trump", "Donald Trump", "Trump", "Trump",
                          "Trump", "Melania Trump", "Roy Cooper", "Anderson Cooper", "Cooper",
                          "Cooper"})
    record(who, i++);
  test::write_file(tmp / "corpus/records.jsonl", lines);
  Indexer::open(tmp / "index").update({tmp / "corpus"});
  Searcher searcher = Searcher::open(tmp / "index");
  auto total = [&](const std::string& speaker) {
    SearchRequest r;
    r.speakers = {speaker};
    r.one_per_article = false;
    return searcher.search(r).total;
  };
  CHECK(total("Melania Trump") == 1);
  CHECK(total("Donald Trump") == 6);
  CHECK(total("Trump") == 7);
  CHECK(total("Roy Cooper") == 3);  // Bare "Cooper" is nobody else's.
  CHECK(total("Cooper") == 4);
}

TEST_CASE("searcher: facets count every matching passage") {
  auto r = search({.query = "Blinken OR Lavrov", .limit = 5, .facets = true});
  CHECK(r.total_exact);
  auto all = search({.query = "Blinken OR Lavrov", .limit = 1000, .one_per_article = false});
  CHECK(r.total == static_cast<std::int64_t>(all.hits.size()));
  std::int64_t price = 0;
  for (const auto& h : all.hits) price += has_speaker(h, "Ned Price");
  bool seen = false;
  for (const auto& f : r.speaker_facets) {
    if (f.value == "Ned Price") {
      CHECK(f.count == price);
      seen = true;
    }
  }
  CHECK(seen);
  // Month facets count the matching passages of each month, in date order.
  std::map<std::string, std::int64_t> months;
  for (const auto& h : all.hits)
    if (h.date) ++months[h.date->iso().substr(0, 7)];
  std::vector<FacetCount> expected;
  for (const auto& [month, count] : months) expected.push_back({month, count});
  REQUIRE(!expected.empty());
  CHECK(r.month_facets == expected);
}

TEST_CASE("searcher: the total is exact up to 1,000 passages without facets") {
  // Many short articles, so the matcher would stop early: the passages
  // that say "treaty" and are dated in March 2022, among many others.
  test::TempDir tmp;
  fs::create_directories(tmp / "corpus");
  for (int i = 0; i < 400; ++i) {
    std::string day = std::to_string(1 + i % 28);
    if (day.size() == 1) day = "0" + day;
    std::string month = i % 4 == 0 ? "03" : "0" + std::to_string(4 + i % 5);
    std::string body;
    for (int p = 0; p < 6; ++p)
      body += "Paragraph " + std::to_string(p) + " on the treaty and the talks, number " +
              std::to_string(i) + (p % 2 ? " with inspections." : ".") + "\n\n";
    test::write_file(tmp / ("corpus/a" + std::to_string(i) + ".md"),
                     "---\ntitle: Article " + std::to_string(i) + "\ndate: '2022-" + month +
                         "-" + day + "'\n---\n\n" + body);
  }
  Indexer::open(tmp / "index").update({tmp / "corpus"});
  Searcher searcher = Searcher::open(tmp / "index");
  for (const char* query : {"treaty date:2022-03", "treaty inspections", "treaty",
                            "inspections date:2022-03", "treaty talks inspections", "treaty date:2022",
                            "talks date:2022-04..2022-08", "paragraph -inspections"}) {
    CAPTURE(query);
    SearchRequest quick;
    quick.query = query;
    quick.limit = 3;
    SearchRequest counted = quick;
    counted.facets = true;
    auto a = searcher.search(quick), b = searcher.search(counted);
    REQUIRE(b.total_exact);
    if (b.total <= 1000) {
      CHECK(a.total == b.total);
      CHECK(a.total_exact);
      CHECK_FALSE(a.total_at_least);
    } else {
      // Exact, a lower bound of 1,000, or an estimate of at least that.
      CHECK(a.total >= 1000);
      CHECK(a.total <= b.total * 2);
      if (a.total_at_least) CHECK(a.total == 1000);
      if (a.total_exact) CHECK(a.total == b.total);
    }
  }
  // Nothing matching totals 0, however many passages Xapian estimated
  // (1,800 for the phrase).
  for (const char* query :
       {"treaty -treaty", "paragraph -\"on the treaty\"", "talks -\"the talks\" date:2022"}) {
    CAPTURE(query);
    SearchRequest none;
    none.query = query;
    auto r = searcher.search(none);
    CHECK(r.hits.empty());
    CHECK(r.total == 0);
    CHECK(r.total_exact);
  }
}

TEST_CASE("searcher: past 1,000 passages a filtered total is a lower bound, not a guess") {
  // 1,500 passages on one day and 50 spread over fifty years: Xapian
  // guesses the day's share from the spread of dates, far too low.
  test::TempDir tmp;
  fs::create_directories(tmp / "corpus");
  for (int i = 0; i < 300; ++i) {
    std::string date = i < 250 ? "2022-03-01" : std::to_string(1990 + (i - 250)) + "-01-01";
    std::string body;
    for (int p = 0; p < 6; ++p)
      body += "Paragraph " + std::to_string(p) + " on the talks, number " + std::to_string(i) +
              ".\n\n";
    test::write_file(tmp / ("corpus/a" + std::to_string(i) + ".md"),
                     "---\ntitle: Article " + std::to_string(i) + "\ndate: '" + date +
                         "'\n---\n\n" + body);
  }
  Indexer::open(tmp / "index").update({tmp / "corpus"});
  Searcher searcher = Searcher::open(tmp / "index");
  SearchRequest r;
  r.query = "talks date:2022-03-01";
  r.limit = 3;
  auto quick = searcher.search(r);
  CHECK(quick.total == 1000);
  CHECK(quick.total_at_least);
  CHECK_FALSE(quick.total_exact);
  r.facets = true;
  auto counted = searcher.search(r);
  CHECK(counted.total == 1500);
  CHECK(counted.total_exact);
  CHECK_FALSE(counted.total_at_least);
}

TEST_CASE("searcher: a timeline counts every matching passage per period") {
  Searcher s = Searcher::open(shared_index());
  SearchRequest request{.query = "Blinken OR Lavrov OR Putin"};
  auto all = search({.query = request.query, .limit = 10000, .one_per_article = false});
  REQUIRE(all.hits.size() > 5);
  std::map<std::string, std::int64_t> months;
  std::int64_t undated = 0;
  std::optional<Date> oldest, newest;
  for (const auto& h : all.hits) {
    if (!h.date) {
      ++undated;
      continue;
    }
    ++months[h.date->iso().substr(0, 7)];
    if (!oldest || *h.date < *oldest) oldest = h.date;
    if (!newest || *h.date > *newest) newest = h.date;
  }
  REQUIRE(undated > 0);  // The undated seed.

  Timeline t = s.timeline(request);
  CHECK(t.granularity == TimelineGranularity::kMonth);
  CHECK(t.total == static_cast<std::int64_t>(all.hits.size()));
  CHECK(t.undated == undated);
  REQUIRE_FALSE(t.buckets.empty());
  CHECK(t.buckets.front().period == oldest->iso().substr(0, 7));
  CHECK(t.buckets.back().period == newest->iso().substr(0, 7));
  std::int64_t sum = 0;
  for (const auto& b : t.buckets) {
    CAPTURE(b.period);
    auto it = months.find(b.period);
    CHECK(b.count == (it == months.end() ? 0 : it->second));
    sum += b.count;
  }
  CHECK(sum + t.undated == t.total);
  // Every month between is listed, empty ones too.
  CHECK(t.buckets.size() ==
        static_cast<std::size_t>((newest->year - oldest->year) * 12 + newest->month -
                                 oldest->month + 1));
  CHECK(t.buckets[1] == TimelineBucket{"2021-05", 0});

  // Who said it first and last: the oldest and newest dated passages.
  REQUIRE(t.first.has_value());
  REQUIRE(t.last.has_value());
  CHECK(t.first->date == oldest);
  CHECK(t.last->date == newest);
  CHECK(t.first->text.find("Putin") != std::string::npos);
  CHECK(t.first->path.find("2021-04-13") != std::string::npos);
  // Of several passages that day, the first is the earliest in its article.
  int earliest_ordinal = 1 << 30;
  for (const auto& h : all.hits)
    if (h.date == oldest && h.path == t.first->path)
      earliest_ordinal = std::min(earliest_ordinal, h.ordinal);
  CHECK(t.first->ordinal == earliest_ordinal);
}

TEST_CASE("searcher: timelines by day and by year, filters, and no match") {
  Searcher s = Searcher::open(shared_index());
  Timeline years = s.timeline({.query = "Blinken OR Lavrov OR Putin"}, TimelineGranularity::kYear);
  std::vector<std::string> periods;
  for (const auto& b : years.buckets) periods.push_back(b.period);
  CHECK(periods == std::vector<std::string>{"2021", "2022", "2023"});
  Timeline months = s.timeline({.query = "Blinken OR Lavrov OR Putin"});
  std::int64_t in_2023 = 0;
  for (const auto& b : months.buckets) in_2023 += b.period.starts_with("2023") ? b.count : 0;
  CHECK(years.buckets[2].count == in_2023);

  // Days: every day from the first to the last, in a two-month range.
  Timeline days = s.timeline({.query = "date:2023-02..2023-03"}, TimelineGranularity::kDay);
  REQUIRE_FALSE(days.buckets.empty());
  CHECK(days.buckets.front().period == "2023-02-03");
  CHECK(days.buckets.back().period == "2023-03-03");
  CHECK(days.buckets.size() == 29);
  for (const auto& b : days.buckets)
    CHECK((b.count > 0) == (b.period == "2023-02-03" || b.period == "2023-03-03"));
  CHECK(days.undated == 0);
  CHECK(days.first->date == Date{2023, 2, 3});
  CHECK(days.last->date == Date{2023, 3, 3});

  // A speaker filter: when did Zakharova speak, and what first.
  Timeline zakharova = s.timeline({.speakers = {"Zakharova"}});
  CHECK(zakharova.buckets == std::vector<TimelineBucket>{{"2023-03", 2}});
  REQUIRE(zakharova.first.has_value());
  CHECK(has_speaker(*zakharova.first, "Maria Zakharova"));

  // Only undated matches: a total but no buckets, first or last.
  Timeline undated = s.timeline({.query = "\"three topics\""});
  CHECK(undated.total >= 1);
  CHECK(undated.undated == undated.total);
  CHECK(undated.buckets.empty());
  CHECK_FALSE(undated.first.has_value());

  Timeline none = s.timeline({.query = "xylophonist"});
  CHECK(none.total == 0);
  CHECK(none.buckets.empty());
  CHECK_FALSE(none.last.has_value());
  CHECK(timeline_granularity_name(TimelineGranularity::kDay) == "day");
}

TEST_CASE("searcher: context passages come from the same article, in order") {
  // Every passage of the articles dated 2023-03-03, by path and ordinal.
  std::map<std::string, std::map<int, std::string>> articles;
  for (const auto& h : search({.query = "date:2023-03-03", .limit = 10000,
                               .one_per_article = false}).hits)
    articles[h.path][h.ordinal] = h.text;
  REQUIRE(articles.size() == 2);

  for (std::size_t n : {1, 2, 3}) {
    CAPTURE(n);
    auto r = search({.query = "Zakharova OR Whelan", .since = Date{2023, 3, 3},
                     .until = Date{2023, 3, 3}, .limit = 50, .one_per_article = false,
                     .context = n});
    REQUIRE(r.hits.size() > 2);
    bool clipped = false;
    for (const auto& h : r.hits) {
      CAPTURE(h.ordinal);
      const auto& article = articles.at(h.path);
      std::vector<int> before, after;
      for (const auto& p : h.context_before) {
        before.push_back(p.ordinal);
        CHECK(p.text == article.at(p.ordinal));
      }
      for (const auto& p : h.context_after) {
        after.push_back(p.ordinal);
        CHECK(p.text == article.at(p.ordinal));
      }
      std::vector<int> want_before, want_after;
      for (int k = h.ordinal - static_cast<int>(n); k < h.ordinal; ++k)
        if (k >= 0) want_before.push_back(k);
      for (int k = h.ordinal + 1; k <= h.ordinal + static_cast<int>(n); ++k)
        if (article.count(k)) want_after.push_back(k);
      CHECK(before == want_before);
      CHECK(after == want_after);
      clipped |= want_before.size() < n || want_after.size() < n;
    }
    CHECK(clipped);  // Some hit is near the start or end of its article.
  }

  // Speakers of context passages have canonical names, as hits do.
  auto r = search({.query = "\"suspend Moscow\"", .limit = 5, .context = 3});
  REQUIRE_FALSE(r.hits.empty());
  bool named = false;
  for (const auto& p : r.hits[0].context_before)
    for (const auto& sp : p.speakers) named |= !sp.name.empty();
  CHECK(named);

  auto none = search({.query = "Zakharova", .limit = 5});
  for (const auto& h : none.hits) {
    CHECK(h.context_before.empty());
    CHECK(h.context_after.empty());
  }
}

TEST_CASE("searcher: the parsed query and each hit's score parts explain the ranking") {
  auto r = search({.query = "treaty date:2023", .speakers = {"Zakharova"}, .limit = 20});
  // Stemmed word, date range and speaker filter all show.
  CHECK_MESSAGE(r.parsed_query.find("Ztreati") != std::string::npos, r.parsed_query);
  CHECK_MESSAGE(r.parsed_query.find("VALUE_RANGE 0 20230101 20231231") != std::string::npos,
                r.parsed_query);
  CHECK_MESSAGE(r.parsed_query.find("XSPEAKER") != std::string::npos, r.parsed_query);

  // Blend: score = relevance x recency, recency from the age.
  auto blend = search({.query = "Russia OR Lavrov", .limit = 50});
  REQUIRE(blend.hits.size() > 3);
  bool dated = false, undated = false;
  for (const auto& h : blend.hits) {
    CHECK(h.score == doctest::Approx(h.relevance * h.recency));
    CHECK(h.relevance > 0);
    if (h.date) {
      dated = true;
      REQUIRE(h.age_days.has_value());
      CHECK(*h.age_days >= 0);
      CHECK(h.recency == doctest::Approx(0.75 + 0.25 * std::exp2(-*h.age_days / 365)));
    } else {
      undated = true;
      CHECK_FALSE(h.age_days.has_value());
      CHECK(h.recency == doctest::Approx(0.75));
    }
  }
  CHECK(dated);
  CHECK(undated);
  // The newest passage of the index has age 0.
  auto newest = search({.query = "Ireland date:2023-04-05", .limit = 1});
  REQUIRE(newest.hits.size() == 1);
  CHECK(newest.hits[0].age_days == 0.0);
  // Fields alone are not blended: newest first, whatever the factor.
  auto fields = search({.query = "date:2023-04-05", .limit = 1});
  REQUIRE(fields.hits.size() == 1);
  CHECK_FALSE(fields.hits[0].age_days.has_value());
  CHECK(fields.hits[0].recency == 1);

  // Relevance alone: no factor, no age.
  for (const auto& h : search({.query = "Russia", .limit = 20, .sort = SortOrder::kRelevance}).hits) {
    CHECK_FALSE(h.age_days.has_value());
    CHECK(h.recency == 1);
    CHECK(h.score == h.relevance);
  }
}

TEST_CASE("searcher: a missing index is kNotFound") {
  try {
    Searcher::open("/nonexistent/brief/index");
    FAIL("no error");
  } catch (const Error& e) {
    CHECK(e.code() == ErrorCode::kNotFound);
    CHECK(std::string(e.what()).find("/nonexistent/brief/index") != std::string::npos);
  }
}

TEST_CASE("searcher: snippets are plain text, not HTML-escaped") {
  test::TempDir tmp;
  test::write_file(tmp / "c/a.txt", "T\n\nThe R&D budget is <large> & \"growing\", Price said.\n");
  Indexer::open(tmp / "index").update({tmp / "c"});
  Searcher s = Searcher::open(tmp / "index");
  auto r = s.search({.query = "budget"});
  REQUIRE(r.hits.size() == 1);
  CHECK(r.hits[0].snippet.find("R&D budget is <large> & \"growing\"") != std::string::npos);
  CHECK(r.hits[0].snippet.find("&amp;") == std::string::npos);
  // A length past the text gives the whole text, however large.
  for (std::size_t length : {std::size_t{1} << 40, SIZE_MAX}) {
    auto whole = s.search({.query = "budget", .snippet_length = length});
    REQUIRE(whole.hits.size() == 1);
    CHECK(whole.hits[0].snippet == whole.hits[0].text);
  }
}

TEST_CASE("searcher: attributed passages rank higher by the attributed bonus") {
  // A copy of the index without the speakers values: no bonus at all.
  test::TempDir tmp;
  fs::copy(shared_index(), tmp / "none", fs::copy_options::recursive);
  {
    Xapian::WritableDatabase w(tmp / "none");
    for (Xapian::docid id = 1; id <= w.get_lastdocid(); ++id) {
      Xapian::Document doc = w.get_document(id);
      if (doc.get_value(2).empty()) continue;
      doc.remove_value(2);
      w.replace_document(id, doc);
    }
    w.commit();
  }
  Searcher with = Searcher::open(shared_index());
  Searcher without = Searcher::open(tmp / "none");
  for (std::string query : {"Russia", "New START treaty", "sanctions"}) {
    CAPTURE(query);
    SearchRequest r{.query = query, .limit = 200, .sort = SortOrder::kRelevance,
                    .one_per_article = false};
    auto a = with.search(r), c = without.search(r);
    std::map<std::pair<std::string, int>, double> plain;
    for (const auto& h : c.hits) plain[{h.path, h.ordinal}] = h.relevance;
    int attributed = 0, compared = 0;
    for (const auto& h : a.hits) {
      auto it = plain.find({h.path, h.ordinal});
      if (it == plain.end()) continue;  // Past the other list's end.
      ++compared;
      attributed += !h.speakers.empty();
      CHECK(h.relevance == doctest::Approx(it->second + (h.speakers.empty() ? 0 : kAttributedBonus)));
    }
    CHECK(attributed > 0);
    CHECK(attributed < compared);
  }
}

}  // namespace brief

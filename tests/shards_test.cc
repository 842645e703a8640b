// Copyright (c) 2026 The brief-search Authors. MIT licence.
// Tests for sharded indexes: the stub file, which shard a file goes to,
// incremental updates that touch only the shards whose files changed, and
// searches that rank across shards as one index does.

#include "shards.h"

#include <doctest/doctest.h>
#include <xapian.h>

#include <algorithm>
#include <filesystem>
#include <fstream>

#include "brief/error.h"
#include "brief/health.h"
#include "brief/indexer.h"
#include "brief/searcher.h"
#include "schema.h"
#include "schema.h"
#include "test_util.h"

namespace brief {

namespace fs = std::filesystem;

namespace {

// The dated transcripts (2021, 2021, 2022, 2023), both seeds (one undated,
// one of 2023) and a JSON Lines file of records.
void copy_corpus(const std::string& dir) {
  test::copy_fixture_folders(dir, {"transcripts", "news", "records"});
}

std::vector<std::string> listed_shards(const std::string& index) {
  std::vector<std::string> names;
  for (const auto& e : shards::read_stub(index + "/XAPIANDB"))
    names.push_back(fs::path(e.path).filename().string());
  return names;
}

// Indexes the fixture corpus `corpus` into `index`, laid out `by`.
void build(const std::string& index, const std::string& corpus, ShardBy by) {
  IndexOptions options;
  options.shard_by = by;
  Indexer::open(index, options).update({corpus});
}

Xapian::rev revision(const std::string& shard) {
  return Xapian::Database(shard).get_revision();
}

// The top hits of `query` as (path, ordinal, score) lines.
std::vector<std::string> top(const std::string& index, SearchRequest request) {
  Searcher searcher = Searcher::open(index);
  std::vector<std::string> lines;
  for (const auto& hit : searcher.search(request).hits)
    lines.push_back(hit.path + "#" + std::to_string(hit.ordinal) + " " +
                    std::to_string(hit.score) +
                    (hit.question ? " answering #" + std::to_string(hit.question->ordinal) : ""));
  return lines;
}

SearchRequest request_for(const std::string& query) {
  SearchRequest r;
  r.query = query;
  r.limit = 20;
  return r;
}

}  // namespace

TEST_CASE("shards: a file goes to the shard of its date") {
  Date d{2023, 2, 3};
  CHECK(shards::shard_name(ShardBy::kYear, d) == "2023");
  CHECK(shards::shard_name(ShardBy::kMonth, d) == "2023-02");
  CHECK(shards::shard_name(ShardBy::kYear, std::nullopt) == "undated");
  CHECK(parse_shard_by("month") == ShardBy::kMonth);
  CHECK(parse_shard_by("none") == ShardBy::kNone);
  CHECK_FALSE(parse_shard_by("week"));
}

TEST_CASE("shards: stub files in Xapian's syntax, and the issue's remote form") {
  test::TempDir tmp;
  std::string stub = tmp / "stub";
  test::write_file(stub,
                   "# a comment\n"
                   "auto shards/2021\n"
                   "\n"
                   "glass /abs/2022\n"
                   "remote 10.0.0.2:7001\n"
                   "remote tcp db.example.org 7002\n"
                   "remote :xapian-progsrv /srv/2024\n");
  auto entries = shards::read_stub(stub);
  REQUIRE(entries.size() == 5);
  CHECK_FALSE(entries[0].remote);
  CHECK(entries[0].path == tmp / "shards/2021");  // Relative to the stub.
  CHECK(entries[1].path == "/abs/2022");
  CHECK(entries[2].remote);
  CHECK(entries[2].host == "10.0.0.2");
  CHECK(entries[2].port == 7001);
  CHECK(entries[3].host == "db.example.org");
  CHECK(entries[3].port == 7002);
  CHECK(entries[4].program == "xapian-progsrv");
  CHECK(entries[4].args == "/srv/2024");

  for (std::string bad : {"remote tcp host\n", "remote host:99999\n", "inmemory x\n", "auto\n"}) {
    CAPTURE(bad);
    test::write_file(stub, "auto a\n" + bad);
    try {
      shards::read_stub(stub);
      FAIL("no error for a bad line");
    } catch (const Error& e) {
      CHECK(e.code() == ErrorCode::kIndexCorrupt);
      CHECK(std::string(e.what()).starts_with(stub + ":2: "));
    }
  }
}

TEST_CASE("shards: the stub brief-index writes is one Xapian opens as one database") {
  test::TempDir tmp;
  copy_corpus(tmp / "corpus");
  build(tmp / "index", tmp / "corpus", ShardBy::kYear);
  std::vector<std::string> names = listed_shards(tmp / "index");
  CHECK(names == std::vector<std::string>{"2021", "2022", "2023", "undated"});
  CHECK(shards::stub_shard_by(tmp / "index/XAPIANDB") == ShardBy::kYear);

  test::TempDir single;
  Indexer::open(single / "index").update({tmp / "corpus"});
  Xapian::Database as_one(tmp / "index");  // Xapian reads the stub itself.
  Xapian::Database plain(single / "index");
  CHECK(as_one.get_doccount() == plain.get_doccount());
  // Every shard carries the index-wide settings, whichever comes first,
  // and the whole synonym table (remote shards cannot serve theirs).
  auto synonym_keys = [](const Xapian::Database& db) {
    std::vector<std::string> keys(db.synonym_keys_begin(), db.synonym_keys_end());
    return keys;
  };
  REQUIRE_FALSE(synonym_keys(plain).empty());
  for (const auto& name : names) {
    CAPTURE(name);
    Xapian::Database shard(tmp / ("index/shards/" + name));
    CHECK(shard.get_metadata("brief:format") == std::string(brief::schema::kFormatVersion));
    CHECK(synonym_keys(shard) == synonym_keys(plain));
  }
}

TEST_CASE("shards: searches rank, collapse and facet as on one index") {
  test::TempDir tmp;
  copy_corpus(tmp / "corpus");
  build(tmp / "sharded", tmp / "corpus", ShardBy::kYear);
  build(tmp / "monthly", tmp / "corpus", ShardBy::kMonth);
  build(tmp / "single", tmp / "corpus", ShardBy::kNone);

  for (const char* query : {"Putin", "New START treaty", "Ukraine sanctions", "inflation",
                            "speaker:Kirby Russia", "what did the president say about Ukraine",
                            "title:\"press secretary\" Russia", "title:Putin"}) {
    CAPTURE(query);
    SearchRequest r = request_for(query);
    std::vector<std::string> expected = top(tmp / "single", r);
    CHECK_FALSE(expected.empty());
    CHECK(top(tmp / "sharded", r) == expected);
    CHECK(top(tmp / "monthly", r) == expected);
  }

  SearchRequest facets = request_for("Russia");
  facets.facets = true;
  SearchResults one = Searcher::open(tmp / "single").search(facets);
  SearchResults many = Searcher::open(tmp / "sharded").search(facets);
  CHECK(many.total == one.total);
  CHECK(many.speaker_facets == one.speaker_facets);
  CHECK(many.month_facets == one.month_facets);
  CHECK_FALSE(many.partial);

  IndexSummary a = Searcher::open(tmp / "single").summary();
  IndexSummary b = Searcher::open(tmp / "sharded").summary();
  CHECK(b.files == a.files);
  CHECK(b.passages == a.passages);
  CHECK(b.newest == a.newest);

  // Spelling and synonyms come from every shard.
  SearchResults typo = Searcher::open(tmp / "sharded").search(request_for("Zakharva"));
  CHECK(typo.suggestion == Searcher::open(tmp / "single").search(request_for("Zakharva")).suggestion);
  CHECK_FALSE(typo.suggestion.empty());
}

TEST_CASE("shards: --since over shards finds what one index finds") {
  test::TempDir tmp;
  copy_corpus(tmp / "corpus");
  build(tmp / "sharded", tmp / "corpus", ShardBy::kYear);
  build(tmp / "single", tmp / "corpus", ShardBy::kNone);
  // Local shards keep the whole index's statistics: the same scores.
  for (auto [since, until] : {std::pair{Date{2022, 1, 1}, Date{2023, 12, 31}},
                              std::pair{Date{2021, 1, 1}, Date{2021, 12, 31}}}) {
    SearchRequest r = request_for("Russia");
    r.since = since;
    r.until = until;
    std::vector<std::string> expected = top(tmp / "single", r);
    CHECK_FALSE(expected.empty());
    CHECK(top(tmp / "sharded", r) == expected);
  }
}

TEST_CASE("shards: an update touches only the shards whose files changed") {
  test::TempDir tmp;
  std::string corpus = tmp / "corpus";
  copy_corpus(corpus);
  std::string index = tmp / "index";
  build(index, corpus, ShardBy::kYear);
  std::map<std::string, Xapian::rev> before;
  for (const auto& name : listed_shards(index)) before[name] = revision(index + "/shards/" + name);

  // A 2022 transcript changes: only shard 2022 gets a new revision.
  std::string changed =
      corpus + "/2022-06-21-press-briefing-by-press-secretary-karine-jean-pierre-and-nsc-"
               "coordinator-for-strategic-communications-john-kirby-2.md";
  { std::ofstream(changed, std::ios::app) << "\nMR. KIRBY: One more thing about the quokka.\n"; }
  IndexStats stats = Indexer::open(index).update({corpus});  // Keeps its layout.
  CHECK(stats.updated == 1);
  for (const auto& [name, rev] : before) {
    CAPTURE(name);
    if (name == "2022") CHECK(revision(index + "/shards/" + name) > rev);
    else CHECK(revision(index + "/shards/" + name) == rev);
  }
  CHECK(Searcher::open(index).search(request_for("quokka")).hits.size() == 1);

  // Its date moves to 2024: the passages move to a new shard 2024.
  std::string text = test::read_file(changed);
  auto at = text.find("date: '2022-06-21'");
  REQUIRE(at != std::string::npos);
  text.replace(at, 18, "date: '2024-06-21'");
  test::write_file(changed, text);
  Indexer::open(index).update({corpus});
  CHECK(listed_shards(index) == std::vector<std::string>{"2021", "2022", "2023", "2024", "undated"});
  CHECK(Xapian::Database(index + "/shards/2022").get_doccount() == 0);
  SearchResults moved = Searcher::open(index).search(request_for("quokka"));
  REQUIRE(moved.hits.size() == 1);
  CHECK(moved.hits[0].date == Date{2024, 6, 21});

  // Removed: its passages go.
  fs::remove(changed);
  stats = Indexer::open(index).update({corpus});
  CHECK(stats.removed == 1);
  CHECK(Searcher::open(index).search(request_for("quokka")).hits.empty());
  CHECK(Xapian::Database(index + "/shards/2024").get_doccount() == 0);
}

TEST_CASE("shards: --check reads every shard, and a file left in two is re-indexed") {
  test::TempDir tmp;
  copy_corpus(tmp / "corpus");
  std::string index = tmp / "index";
  build(index, tmp / "corpus", ShardBy::kYear);
  IndexCheck sound = check_index(index);
  CHECK(sound.ok());
  CHECK(sound.files == 10);
  CHECK(sound.passages == Searcher::open(index).summary().passages);
  CHECK(index_statistics(index).files == 10);
  CHECK(index_statistics(index).shards == 4);
  CHECK(index_statistics(index).shard_by == "year");

  // As a crash between two shards' commits could leave it: a 2023 file's
  // entry also in shard 2022.
  std::string moved = (tmp / "corpus") + "/" + "001_bf53c8655c45bcc9.txt";
  std::string key = "file:" + schema::file_key(moved);
  {
    Xapian::WritableDatabase y2022(index + "/shards/2022");
    y2022.set_metadata(key, Xapian::Database(index + "/shards/2023").get_metadata(key));
    y2022.commit();
  }
  IndexCheck twice = check_index(index);
  CHECK(std::any_of(twice.problems.begin(), twice.problems.end(), [](const std::string& p) {
    return p.find("indexed in two shards") != std::string::npos;
  }));
  IndexStats stats = Indexer::open(index).update({tmp / "corpus"});
  CHECK(stats.added + stats.updated == 1);
  CHECK(check_index(index).ok());
}

TEST_CASE("shards: a shard folder deleted by hand is named, checked around and rebuilt") {
  test::TempDir tmp;
  copy_corpus(tmp / "corpus");
  std::string index = tmp / "index";
  build(index, tmp / "corpus", ShardBy::kYear);
  fs::remove_all(index + "/shards/2023");
  auto names_the_shard = [](const Error& e) {
    return e.code() == ErrorCode::kIndexCorrupt &&
           std::string(e.what()).find("2023' is listed but its folder is gone") !=
               std::string::npos;
  };
  try {
    Searcher::open(index);
    FAIL("no error");
  } catch (const Error& e) {
    CHECK(names_the_shard(e));
  }
  try {
    index_statistics(index);
    FAIL("no error");
  } catch (const Error& e) {
    CHECK(names_the_shard(e));
  }
  // --check lists it as a problem and still checks the other shards.
  IndexCheck check = check_index(index);
  REQUIRE(check.problems.size() == 1);
  CHECK(check.problems[0].find("2023' is listed but its folder is gone") != std::string::npos);
  CHECK(check.passages > 0);
  // Indexing the same inputs again rebuilds it.
  IndexStats again = Indexer::open(index).update({tmp / "corpus"});
  CHECK(again.added > 0);
  CHECK(check_index(index).ok());
  CHECK(Searcher::open(index).summary().files == 10);
}

TEST_CASE("shards: changing the layout takes --rebuild") {
  test::TempDir tmp;
  copy_corpus(tmp / "corpus");
  std::string index = tmp / "index";
  Indexer::open(index).update({tmp / "corpus"});
  IndexOptions by_year;
  by_year.shard_by = ShardBy::kYear;
  try {
    Indexer::open(index, by_year);
    FAIL("no error");
  } catch (const Error& e) {
    CHECK(e.code() == ErrorCode::kInvalidArgument);
    CHECK(std::string(e.what()).find("--rebuild") != std::string::npos);
  }
  std::int64_t passages = Searcher::open(index).summary().passages;  // Still intact.
  CHECK(passages > 0);

  by_year.rebuild = true;
  Indexer::open(index, by_year).update({tmp / "corpus"});
  CHECK(fs::exists(index + "/XAPIANDB"));
  CHECK_FALSE(fs::exists(index + "/iamglass"));
  CHECK(Searcher::open(index).summary().passages == passages);

  IndexOptions single;
  single.shard_by = ShardBy::kNone;
  CHECK_THROWS_AS(Indexer::open(index, single), Error);
  single.rebuild = true;
  Indexer::open(index, single).update({tmp / "corpus"});
  CHECK_FALSE(fs::exists(index + "/XAPIANDB"));
  CHECK_FALSE(fs::exists(index + "/shards"));
  CHECK(Searcher::open(index).summary().passages == passages);
}

TEST_CASE("shards: one writer at a time") {
  test::TempDir tmp;
  copy_corpus(tmp / "corpus");
  IndexOptions options;
  options.shard_by = ShardBy::kYear;
  Indexer first = Indexer::open(tmp / "index", options);
  IndexOptions quick;
  quick.lock_timeout = std::chrono::milliseconds(200);
  try {
    Indexer::open(tmp / "index", quick);
    FAIL("no error");
  } catch (const Error& e) {
    CHECK(e.code() == ErrorCode::kIndexLocked);
  }
}

}  // namespace brief

namespace brief {

TEST_CASE("shards: an empty sharded index answers, an empty stub is an error") {
  test::TempDir tmp;
  fs::create_directories(tmp / "corpus");
  build(tmp / "index", tmp / "corpus", ShardBy::kYear);
  CHECK(Searcher::open(tmp / "index").search(request_for("anything")).hits.empty());
  CHECK(check_index(tmp / "index").ok());

  test::write_file(tmp / "empty.stub", "# no databases\n");
  try {
    Searcher::open(tmp / "empty.stub");
    FAIL("no error");
  } catch (const Error& e) {
    CHECK(e.code() == ErrorCode::kNotFound);
    CHECK(std::string(e.what()).find("lists no database") != std::string::npos);
  }
}

}  // namespace brief

namespace brief {

TEST_CASE("shards: a shard made later gets the synonyms files' groups too") {
  test::TempDir tmp;
  std::string corpus = tmp / "corpus";
  fs::create_directories(corpus);
  std::string later;
  for (const auto& entry : fs::directory_iterator(test::fixture_path("transcripts"))) {
    std::string name = entry.path().filename().string();
    if (name.starts_with("2021-")) fs::copy_file(entry.path(), corpus + "/" + name);
    else if (name.starts_with("2023-")) later = entry.path().string();
  }
  REQUIRE_FALSE(later.empty());
  test::write_file(tmp / "synonyms.txt", "quokka = small wallaby\n");
  IndexOptions options;
  options.shard_by = ShardBy::kYear;
  options.synonym_files = {tmp / "synonyms.txt"};
  Indexer::open(tmp / "index", options).update({corpus});
  CHECK(listed_shards(tmp / "index") == std::vector<std::string>{"2021", "undated"});

  fs::copy_file(later, corpus + "/" + fs::path(later).filename().string());
  Indexer::open(tmp / "index").update({corpus});  // No synonyms file this time.
  REQUIRE(listed_shards(tmp / "index") == std::vector<std::string>{"2021", "2023", "undated"});
  Xapian::Database y2021(tmp / "index/shards/2021"), y2023(tmp / "index/shards/2023");
  std::vector<std::string> expanded(y2023.synonyms_begin("small wallaby"),
                                    y2023.synonyms_end("small wallaby"));
  CHECK(expanded == std::vector<std::string>{"quokka"});
  std::vector<std::string> keys_2021(y2021.synonym_keys_begin(), y2021.synonym_keys_end());
  std::vector<std::string> keys_2023(y2023.synonym_keys_begin(), y2023.synonym_keys_end());
  CHECK(keys_2023 == keys_2021);
  CHECK(y2023.get_metadata("brief:synonyms") == y2021.get_metadata("brief:synonyms"));
}

}  // namespace brief

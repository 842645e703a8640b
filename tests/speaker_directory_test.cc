// Copyright (c) 2026 The brief-search Authors. MIT licence.
// Tests for the speaker grouping and the cache brief-index stores of it.

#include "speaker_directory.h"

#include <doctest/doctest.h>
#include <xapian.h>

#include <filesystem>

#include "brief/indexer.h"
#include "brief/searcher.h"
#include "test_util.h"

namespace brief {

namespace fs = std::filesystem;

namespace {

void copy_corpus(const std::string& dir) {
  test::copy_fixture_folders(dir, {"transcripts", "news", "records"});
}

// What a directory answers, to compare two of them.
std::vector<std::string> answers(const SpeakerDirectory& d) {
  std::vector<std::string> out;
  for (const auto& s : d.list(nullptr)) {
    std::string line = s.name + " " + std::to_string(s.passages) + ":";
    for (const auto& a : s.aliases) line += " " + a + "=" + d.canonical(a);
    for (const auto& r : s.roles) line += " [" + r + "]";
    out.push_back(line);
  }
  for (const char* typed : {"Kirby", "John Kirby", "Jean-Pierre", "Psaki", "Biden", "Nobody Here"}) {
    std::string line = std::string(typed) + " ->";
    for (const auto& t : d.terms_for(typed)) line += " " + t;
    out.push_back(line);
  }
  return out;
}

}  // namespace

TEST_CASE("speaker cache: stored by brief-index, the same as grouping afresh") {
  test::TempDir tmp;
  copy_corpus(tmp / "corpus");
  std::string index = tmp / "index";
  Indexer::open(index).update({tmp / "corpus"});
  Xapian::Database db(index);
  auto cached = speaker_cache::load(db);
  REQUIRE(cached.has_value());
  SpeakerDirectory fresh, from_cache;
  fresh.load(db);
  REQUIRE(from_cache.load_json(db, *cached));
  CHECK(answers(from_cache) == answers(fresh));
  CHECK(answers(fresh).size() > 6);
  CHECK_FALSE(from_cache.load_json(db, "{\"canonical\": 3}"));

  // A write the cache does not know of (not through brief-index) makes it
  // stale: searches group afresh.
  {
    Xapian::WritableDatabase w(index);
    Xapian::Document doc;
    doc.add_boolean_term("XSPKNAMEAda Lovelace");
    w.add_document(doc);
    w.commit();
  }
  CHECK_FALSE(speaker_cache::load(Xapian::Database(index)).has_value());
  // The next update, with nothing to do, brings it back.
  Indexer::open(index).update({tmp / "corpus"});
  CHECK(speaker_cache::load(Xapian::Database(index)).has_value());
}

TEST_CASE("speaker cache: a sharded index keeps one for all its shards") {
  test::TempDir tmp;
  copy_corpus(tmp / "corpus");
  std::string index = tmp / "index";
  IndexOptions options;
  options.shard_by = ShardBy::kYear;
  Indexer::open(index, options).update({tmp / "corpus"});
  std::map<std::string, Xapian::Database> shards;
  for (const auto& entry : fs::directory_iterator(index + "/shards"))
    shards.emplace(entry.path().filename().string(), Xapian::Database(entry.path().string()));
  auto cached = speaker_cache::load_sharded(index, shards);
  REQUIRE(cached.has_value());
  Xapian::Database all(index);
  SpeakerDirectory fresh, from_cache;
  fresh.load(all);
  REQUIRE(from_cache.load_json(all, *cached));
  CHECK(answers(from_cache) == answers(fresh));
  // One shard less (or one changed) and it does not apply.
  shards.erase(shards.begin());
  CHECK_FALSE(speaker_cache::load_sharded(index, shards).has_value());
}

}  // namespace brief

namespace brief {

TEST_CASE("speaker cache: searches use it, through a relative index path too") {
  test::TempDir tmp;
  test::copy_fixture_folders(tmp / "corpus", {"transcripts"});
  IndexOptions options;
  options.shard_by = ShardBy::kYear;
  Indexer::open(tmp / "index", options).update({tmp / "corpus"});
  // Keep the revisions line, replace the grouping by one only the cache
  // could give.
  std::string file = tmp / "index/speakers.json";
  std::string text = test::read_file(file);
  std::string revisions = text.substr(0, text.find('\n') + 1);
  test::write_file(file, revisions +
                             R"({"canonical":{"Ghost":"Cache Marker"},"counts":{"Ghost":7},"roles":{}})"
                             "\n");
  auto names = [](Searcher searcher) {
    std::vector<std::string> out;
    for (const auto& s : searcher.speakers(SearchRequest{})) out.push_back(s.name);
    return out;
  };
  CHECK(names(Searcher::open(tmp / "index")) == std::vector<std::string>{"Cache Marker"});
  fs::path before = fs::current_path();
  fs::current_path(tmp.path());
  std::vector<std::string> relative = names(Searcher::open("index"));
  std::vector<std::string> dotted = names(Searcher::open("./index/"));
  fs::current_path(before);
  CHECK(relative == std::vector<std::string>{"Cache Marker"});
  CHECK(dotted == std::vector<std::string>{"Cache Marker"});
}

}  // namespace brief

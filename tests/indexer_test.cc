// Copyright (c) 2026 The brief-search Authors. MIT licence.
// Tests for building and updating an index.

#include "brief/indexer.h"

#include <doctest/doctest.h>
#include <xapian.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <optional>
#include <thread>

#include <sys/stat.h>

#include "brief/error.h"
#include "brief/health.h"
#include "brief/searcher.h"
#include "test_util.h"

namespace brief {

namespace fs = std::filesystem;

namespace {

void copy_seeds(const std::string& dir) {
  fs::create_directories(dir);
  for (const char* name : {"000_cd1b8dd590950c2c.txt", "001_bf53c8655c45bcc9.txt"})
    fs::copy_file(test::fixture_path(std::string("news/") + name), dir + "/" + name);
}

std::int64_t count_hits(const std::string& index, const std::string& query) {
  Searcher s = Searcher::open(index);
  SearchRequest r;
  r.query = query;
  r.limit = 1000;
  r.one_per_article = false;
  return static_cast<std::int64_t>(s.search(r).hits.size());
}

}  // namespace

TEST_CASE("indexer: a first run adds every file and records undated ones") {
  test::TempDir tmp;
  copy_seeds(tmp / "corpus");
  Indexer indexer = Indexer::open(tmp / "index");
  IndexStats stats = indexer.update({tmp / "corpus"});
  CHECK(stats.files_seen == 2);
  CHECK(stats.added == 2);
  CHECK(stats.failures.empty());
  CHECK(stats.passages == 20);
  REQUIRE(stats.undated.size() == 1);
  CHECK(stats.undated[0].ends_with("000_cd1b8dd590950c2c.txt"));
}

TEST_CASE("indexer: re-runs add, update and remove only what changed") {
  test::TempDir tmp;
  std::string corpus = tmp / "corpus";
  copy_seeds(corpus);
  std::string index = tmp / "index";
  { Indexer::open(index).update({corpus}); }

  SUBCASE("an unchanged re-run does nothing") {
    IndexStats s = Indexer::open(index).update({corpus});
    CHECK(s.unchanged == 2);
    CHECK(s.added + s.updated + s.removed == 0);
    CHECK(s.passages == 0);
  }
  SUBCASE("a new file is added and searchable") {
    test::write_file(corpus + "/new.txt", "Fresh title\n\nThe zeppelin announcement.\n");
    IndexStats s = Indexer::open(index).update({corpus});
    CHECK(s.added == 1);
    CHECK(s.unchanged == 2);
    CHECK(count_hits(index, "zeppelin") == 1);
  }
  SUBCASE("a changed file is re-indexed, its old passages gone") {
    test::write_file(corpus + "/new.txt", "T\n\nThe zeppelin announcement.\n");
    Indexer::open(index).update({corpus});
    test::write_file(corpus + "/new.txt", "T\n\nThe dirigible announcement, longer now.\n");
    IndexStats s = Indexer::open(index).update({corpus});
    CHECK(s.updated == 1);
    CHECK(count_hits(index, "zeppelin") == 0);
    CHECK(count_hits(index, "dirigible") == 1);
  }
  SUBCASE("a file with new times but the same content is not re-indexed") {
    fs::last_write_time(corpus + "/000_cd1b8dd590950c2c.txt",
                        fs::file_time_type::clock::now());
    IndexStats s = Indexer::open(index).update({corpus});
    CHECK(s.updated == 0);
    CHECK(s.unchanged == 2);
  }
  SUBCASE("a deleted file is removed") {
    fs::remove(corpus + "/000_cd1b8dd590950c2c.txt");
    IndexStats s = Indexer::open(index).update({corpus});
    CHECK(s.removed == 1);
    CHECK(count_hits(index, "\"pair discussed\"") == 0);
    CHECK(count_hits(index, "Zakharova") > 0);
  }
  SUBCASE("files outside the given paths are kept") {
    std::string other = tmp / "other";
    test::write_file(other + "/o.txt", "Other\n\nA quokka appeared.\n");
    Indexer::open(index).update({other});
    CHECK(count_hits(index, "quokka") == 1);
    CHECK(count_hits(index, "Zakharova") > 0);
  }
}

TEST_CASE("indexer: bad files are reported and the rest indexed") {
  test::TempDir tmp;
  std::string corpus = tmp / "corpus";
  copy_seeds(corpus);
  for (const char* name : {"empty.txt", "binary.txt", "invalid-utf8.txt", "truncated.json",
                           "wrong-type.json", "whitespace-only.txt"})
    fs::copy_file(test::fixture_path(std::string("broken/") + name), corpus + "/" + name);
  IndexStats s = Indexer::open(tmp / "index").update({corpus});
  CHECK(s.added == 2);
  REQUIRE(s.failures.size() == 6);
  for (const auto& f : s.failures) {
    CAPTURE(f.path);
    CHECK_FALSE(f.reason.empty());
    CHECK(f.reason.find('\n') == std::string::npos);
  }
  CHECK(count_hits(tmp / "index", "Zakharova") > 0);
}

TEST_CASE("indexer: a missing input is an error and the index stays intact") {
  test::TempDir tmp;
  copy_seeds(tmp / "corpus");
  std::string index = tmp / "index";
  Indexer::open(index).update({tmp / "corpus"});
  try {
    Indexer::open(index).update({tmp / "corpus", tmp / "missing"});
    FAIL("no error");
  } catch (const Error& e) {
    CHECK(e.code() == ErrorCode::kNotFound);
    CHECK(std::string(e.what()).find("missing") != std::string::npos);
  }
  CHECK(count_hits(index, "Zakharova") > 0);
}

TEST_CASE("indexer: a bad synonyms or alias file changes nothing stored") {
  test::TempDir tmp;
  copy_seeds(tmp / "corpus");
  std::string index = tmp / "index";
  test::write_file(tmp / "synonyms.txt", "quokka = small wallaby\n");
  test::write_file(tmp / "aliases.json", R"({"aliases": {"Maria V. Zakharova": "Maria Zakharova"}})");
  IndexOptions good;
  good.synonym_files = {tmp / "synonyms.txt"};
  good.alias_files = {tmp / "aliases.json"};
  Indexer::open(index, good).update({tmp / "corpus"});
  auto stored = [&] {
    Xapian::Database db(index);
    return std::make_pair(db.get_metadata("brief:synonyms"), db.get_metadata("brief:aliases"));
  };
  const auto before = stored();
  REQUIRE(before.first.find("quokka") != std::string::npos);

  fs::create_directories(tmp / "folder");
  test::write_file(tmp / "latin1.txt", "quokka = caf\xE9\n");
  test::write_file(tmp / "latin1.json", "{\"aliases\": {\"Jos\xE9\": \"Jose\"}}");
  struct Case {
    std::string synonyms, aliases, message;
  };
  for (const Case& c : {Case{tmp / "latin1.txt", "", "not UTF-8"},
                        Case{tmp / "folder", "", "is a folder"},
                        Case{tmp / "synonyms.txt", tmp / "latin1.json", "not UTF-8"},
                        Case{tmp / "synonyms.txt", tmp / "folder", "is a folder"},
                        // The aliases are fine, the synonyms not: the aliases
                        // are not written either.
                        Case{tmp / "latin1.txt", tmp / "aliases.json", "latin1.txt"}}) {
    CAPTURE(c.synonyms);
    CAPTURE(c.aliases);
    IndexOptions bad;
    bad.synonym_files = {c.synonyms};
    if (!c.aliases.empty()) bad.alias_files = {c.aliases};
    try {
      Indexer::open(index, bad).update({tmp / "corpus"});
      FAIL("no error");
    } catch (const Error& e) {
      CHECK(e.code() == ErrorCode::kInvalidArgument);
      CHECK(std::string(e.what()).find(c.message) != std::string::npos);
    }
    CHECK(stored() == before);
  }
  CHECK(count_hits(index, "Zakharova") > 0);
}

TEST_CASE("indexer: the index's date range shrinks when its newest file goes") {
  test::TempDir tmp;
  fs::create_directories(tmp / "corpus");
  test::write_file(tmp / "corpus/old.jsonl",
                   R"({"title": "Old", "date": "2020-01-01", "text": "The quokka talks went on."})"
                   "\n");
  test::write_file(tmp / "corpus/new.jsonl",
                   R"({"title": "New", "date": "2024-01-01", "text": "The quokka talks ended."})"
                   "\n");
  test::write_file(tmp / "corpus/mid.jsonl",
                   R"({"title": "Mid", "date": "2022-06-01", "text": "More quokka talks."})"
                   "\n");
  std::string index = tmp / "index";
  Indexer::open(index).update({tmp / "corpus"});
  CHECK(Searcher::open(index).summary().newest == Date{2024, 1, 1});

  fs::remove(tmp / "corpus/new.jsonl");
  fs::remove(tmp / "corpus/old.jsonl");
  Indexer::open(index).update({tmp / "corpus"});
  Searcher searcher = Searcher::open(index);
  CHECK(searcher.summary().newest == Date{2022, 6, 1});
  CHECK(searcher.summary().oldest == Date{2022, 6, 1});
  CHECK(index_statistics(index).newest == Date{2022, 6, 1});
  // Recency counts from the newest passage left.
  SearchRequest r;
  r.query = "quokka";
  auto hits = searcher.search(r).hits;
  REQUIRE(hits.size() == 1);
  CHECK(hits[0].age_days == 0);

  // A later run that only adds widens the stored range.
  test::write_file(tmp / "corpus/later.jsonl",
                   R"({"title": "Later", "date": "2023-03-01", "text": "Quokka news."})"
                   "\n");
  Indexer::open(index).update({tmp / "corpus"});
  CHECK(Searcher::open(index).summary().newest == Date{2023, 3, 1});
  CHECK(index_statistics(index).oldest == Date{2022, 6, 1});
}

TEST_CASE("indexer: inputs that went away, links to folders, and pipes") {
  test::TempDir tmp;
  copy_seeds(tmp / "corpus");
  fs::create_directories(tmp / "extra");
  test::write_file(tmp / "extra/quokka.txt", "Quokka talks\n\nThe quokka talks went on.\n");
  std::string index = tmp / "index";
  std::vector<std::string> inputs = {tmp / "corpus", tmp / "extra/quokka.txt"};
  Indexer::open(index).update(inputs);
  REQUIRE(count_hits(index, "quokka") == 1);

  // A file named on the command line and since deleted: its passages go.
  fs::remove(tmp / "extra/quokka.txt");
  IndexStats gone = Indexer::open(index).update(inputs);
  CHECK(gone.removed == 1);
  CHECK(count_hits(index, "quokka") == 0);
  CHECK(count_hits(index, "Zakharova") > 0);
  // Named again once it is gone from the index too, it is an error.
  CHECK_THROWS_AS(Indexer::open(index).update(inputs), Error);
  // A folder that went away, likewise.
  fs::create_directories(tmp / "more");
  test::write_file(tmp / "more/wallaby.txt", "Wallaby talks\n\nThe wallaby talks went on.\n");
  Indexer::open(index).update({tmp / "corpus", tmp / "more"});
  REQUIRE(count_hits(index, "wallaby") == 1);
  fs::remove_all(tmp / "more");
  CHECK(Indexer::open(index).update({tmp / "corpus", tmp / "more"}).removed == 1);
  CHECK(count_hits(index, "wallaby") == 0);

  // A link to an indexed folder adds nothing twice.
  const std::int64_t zakharova = count_hits(index, "Zakharova");
  fs::create_directory_symlink(tmp / "corpus", tmp / "corpus-link");
  IndexStats linked = Indexer::open(index).update({tmp / "corpus-link"});
  CHECK(linked.added == 0);
  CHECK(count_hits(index, "Zakharova") == zakharova);
  CHECK(Searcher::open(index).summary().files == 2);

  // A named pipe is listed as a failure instead of blocking the run.
  std::string pipe = tmp / "pipe.txt";
  REQUIRE(::mkfifo(pipe.c_str(), 0600) == 0);
  IndexStats piped = Indexer::open(index).update({tmp / "corpus", pipe});
  REQUIRE(piped.failures.size() == 1);
  CHECK(piped.failures[0].path == pipe);
  CHECK(piped.failures[0].reason.find("not a regular file") != std::string::npos);
}

TEST_CASE("indexer: a Searcher kept open sees each update and a rebuild") {
  for (ShardBy by : {ShardBy::kNone, ShardBy::kYear}) {
    CAPTURE(static_cast<int>(by));
    test::TempDir tmp;
    copy_seeds(tmp / "corpus");
    std::string index = tmp / "index";
    IndexOptions layout;
    layout.shard_by = by;
    Indexer::open(index, layout).update({tmp / "corpus"});
    Searcher kept = Searcher::open(index);  // Like a --batch process.
    SearchRequest r;
    r.query = "quokka";
    CHECK(kept.search(r).total == 0);

    test::write_file(tmp / "corpus/quokka.md",
                     "---\ntitle: Quokka Talks\ndate: '2023-05-01'\n---\n\nThe quokka talks "
                     "went on.\n");
    Indexer::open(index).update({tmp / "corpus"});
    CHECK(kept.search(r).total == 1);
    CHECK(kept.summary().files == 3);
    CHECK(kept.summary().newest == Date{2023, 5, 1});

    IndexOptions again = layout;
    again.rebuild = true;
    Indexer::open(index, again).update({tmp / "corpus"});
    CHECK(kept.search(r).total == 1);
    r.query = "Zakharova";
    CHECK(kept.search(r).total > 0);
  }
}

TEST_CASE("indexer: a second writer waits for the lock, then gets kIndexLocked") {
  test::TempDir tmp;
  std::string index = tmp / "index";
  IndexOptions no_wait;
  no_wait.lock_timeout = std::chrono::milliseconds(0);
  {
    Indexer first = Indexer::open(index);
    try {
      Indexer::open(index, no_wait);
      FAIL("no error");
    } catch (const Error& e) {
      CHECK(e.code() == ErrorCode::kIndexLocked);
    }
  }
  // The first writer lets go while the second waits: the second opens.
  std::optional<Indexer> first = Indexer::open(index);
  std::thread release([&] {
    std::this_thread::sleep_for(std::chrono::milliseconds(300));
    first.reset();
  });
  IndexOptions patient;
  patient.lock_timeout = std::chrono::seconds(30);
  CHECK_NOTHROW(Indexer::open(index, patient));
  release.join();
}

TEST_CASE("indexer: a folder that is not an index is refused") {
  test::TempDir tmp;
  test::write_file(tmp / "notes/a.txt", "hello");
  CHECK_THROWS_AS(Indexer::open(tmp / "notes"), Error);
  CHECK(fs::exists(tmp / "notes/a.txt"));
  // A file where a parent folder should be, and options out of range.
  auto code_of = [&](const std::string& path, const IndexOptions& options) {
    try {
      Indexer::open(path, options);
    } catch (const Error& e) {
      return std::optional<ErrorCode>(e.code());
    }
    return std::optional<ErrorCode>();
  };
  CHECK(code_of(tmp / "notes/a.txt/index", {}) == ErrorCode::kIoError);
  CHECK(code_of(tmp / "notes/a.txt/deeper/index", {}) == ErrorCode::kIoError);
  CHECK(code_of(tmp / "fresh", {.batch_files = 0}) == ErrorCode::kInvalidArgument);
  CHECK(code_of(tmp / "fresh", {.threads = -1}) == ErrorCode::kInvalidArgument);
  CHECK_FALSE(fs::exists(tmp / "fresh"));
}

TEST_CASE("indexer: passages carry terms, values and data") {
  test::TempDir tmp;
  copy_seeds(tmp / "corpus");
  Indexer::open(tmp / "index").update({tmp / "corpus"});
  Xapian::Database db(tmp / "index");
  CHECK(db.get_doccount() == 20);
  CHECK(db.get_termfreq("XSPEAKERned price") >= 10);
  CHECK(db.get_termfreq("XSPEAKERmaria zakharova") == 2);
  CHECK(db.get_termfreq("XUNDATED") == 9);
  CHECK(db.get_value_upper_bound(0) == "20230303");
}

TEST_CASE("indexer: the alias file's offices attribute statements by the office") {
  test::TempDir tmp;
  std::string corpus = tmp / "corpus";
  fs::create_directories(corpus);
  auto write = test::write_file;
  write(corpus + "/aliases.json",
        R"({"aliases": {}, "offices": {"President": [)"
        R"({"name": "Joe Biden", "from": "2021-01-20", "until": "2025-01-19"},)"
        R"({"name": "Donald Trump", "from": "2025-01-20"}]}})");
  write(corpus + "/2021-06-08-statement.md",
        "---\ntitle: Statement by the President on a Conviction\ndate: '2021-06-08'\n---\n\n"
        "Justice has been done at last in the tribunal.\n");
  write(corpus + "/2026-04-24-message.md",
        "---\ntitle: Presidential Message on Arbor Day\ndate: '2026-04-24'\n---\n\n"
        "Arbor Day is a celebration of the planting of trees.\n");
  IndexOptions options;
  options.alias_files = {corpus + "/aliases.json"};
  Indexer::open(tmp / "index", options).update({corpus});
  Xapian::Database db(tmp / "index");
  CHECK(db.get_termfreq("XSPEAKERjoe biden") == 1);
  CHECK(db.get_termfreq("XSPEAKERdonald trump") == 1);
  // A later run without the file uses the table stored in the index.
  write(corpus + "/2022-01-05-statement.md",
        "---\ntitle: Statement by the President on the Economy\ndate: '2022-01-05'\n---\n\n"
        "Jobs are up across the country this month.\n");
  Indexer::open(tmp / "index").update({corpus});
  db.reopen();
  CHECK(db.get_termfreq("XSPEAKERjoe biden") == 2);
}

TEST_CASE("indexer: document ids follow the files' path order, whatever the threads do") {
  test::TempDir tmp;
  std::string corpus = tmp / "corpus";
  test::copy_fixture_folders(corpus, {"transcripts", "news", "records"});
  // A first file that takes its worker far longer than the small ones
  // after it take the other.
  {
    std::ofstream big(corpus + "/0-big.txt");
    big << "A long article\n\n";
    for (int i = 0; i < 4000; ++i)
      big << "Paragraph " << i << " says that the spokesperson met the press again today.\n\n";
  }
  IndexOptions two_threads;
  two_threads.threads = 2;
  Indexer::open(tmp / "a", two_threads).update({corpus});
  Indexer::open(tmp / "b", two_threads).update({corpus});
  Xapian::Database a(tmp / "a"), b(tmp / "b");
  REQUIRE(a.get_doccount() == b.get_doccount());
  REQUIRE(a.get_lastdocid() == a.get_doccount());
  std::string previous_key;
  for (Xapian::docid id = 1; id <= a.get_lastdocid(); ++id) {
    CAPTURE(id);
    Xapian::Document da = a.get_document(id), db = b.get_document(id);
    CHECK(da.get_data() == db.get_data());
    // Files' keys hash their paths, so compare articles by the path in
    // their first passage's data.
    std::string key = da.get_value(3);
    CHECK(key == db.get_value(3));
    if (key != previous_key) {
      std::string data = da.get_data();
      CHECK(data.find("\"ordinal\":0") != std::string::npos);  // Passages in order.
      previous_key = key;
    }
  }
  std::string first = a.get_document(1).get_data();
  CHECK(first.find("0-big.txt") != std::string::npos);
}

TEST_CASE("indexer: spelling words count every use, across files and batches") {
  test::TempDir tmp;
  std::string corpus = tmp / "corpus";
  fs::create_directories(corpus);
  auto write = [&](const std::string& name, const std::string& text) {
    std::ofstream(corpus + "/" + name) << text;
  };
  write("a.txt", "Zakharova speaks\n\nZakharova said the talks stalled.\n");
  write("b.txt", "Briefing\n\nMaria Zakharova told reporters nothing new.\n");
  write("c.txt", "Another briefing\n\nNo word from Moscow.\n");
  // Two files a transaction, so the words of a.txt and b.txt land in
  // different batches in one build and in the same batch in the other.
  IndexOptions small_batches;
  small_batches.batch_files = 1;
  Indexer::open(tmp / "small", small_batches).update({corpus});
  Indexer::open(tmp / "one", IndexOptions{}).update({corpus});
  auto spellings = [](const std::string& path) {
    Xapian::Database db(path);
    std::map<std::string, Xapian::doccount> words;
    for (auto it = db.spellings_begin(); it != db.spellings_end(); ++it)
      words[*it] = it.get_termfreq();
    return words;
  };
  auto small = spellings(tmp / "small");
  CHECK(small.at("zakharova") == 3);  // Twice in a.txt (title and body), once in b.txt.
  CHECK(small.at("briefing") == 2);
  CHECK(small.at("moscow") == 1);
  CHECK(small.count("no") == 0);  // Shorter than four letters.
  CHECK(small == spellings(tmp / "one"));
}

}  // namespace brief

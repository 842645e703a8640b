// Copyright (c) 2026 The brief-search Authors. MIT licence.
// Tests for index statistics and the index check.

#include "brief/health.h"

#include <doctest/doctest.h>
#include <xapian.h>

#include <filesystem>

#include "brief/error.h"
#include "brief/indexer.h"
#include "schema.h"
#include "test_util.h"

namespace brief {

namespace {

// An index of the two seed articles; returns the corpus folder.
std::string index_seeds(const test::TempDir& tmp) {
  std::string corpus = tmp / "corpus";
  std::filesystem::create_directories(corpus);
  for (const char* name : {"000_cd1b8dd590950c2c.txt", "001_bf53c8655c45bcc9.txt"})
    std::filesystem::copy_file(test::fixture_path(std::string("news/") + name),
                               corpus + "/" + name);
  Indexer::open(tmp / "index").update({corpus});
  return corpus;
}

}  // namespace

TEST_CASE("health: statistics count what the index holds") {
  test::TempDir tmp;
  index_seeds(tmp);
  IndexStatistics s = index_statistics(tmp / "index");
  CHECK(s.files == 2);
  CHECK(s.articles == 2);
  CHECK(s.passages == 20);
  CHECK(s.undated_files == 1);
  CHECK(s.speakers >= 4);  // Ned Price, Maria Zakharova, Sergei Ryabkov, Blinken ...
  CHECK(s.synonyms >= 1);  // "Strategic Arms Reduction Treaty (START)", learned.
  REQUIRE(s.oldest);
  CHECK(*s.oldest == Date{2023, 3, 3});
  CHECK(*s.newest == Date{2023, 3, 3});
  CHECK(s.disk_bytes > 0);
  CHECK_THROWS_AS(index_statistics(tmp / "nowhere"), Error);
}

TEST_CASE("health: a sound index passes the check") {
  test::TempDir tmp;
  index_seeds(tmp);
  IndexCheck c = check_index(tmp / "index");
  CHECK(c.ok());
  CHECK(c.files == 2);
  CHECK(c.passages == 20);
}

TEST_CASE("health: missing and orphaned passages are problems") {
  test::TempDir tmp;
  std::string corpus = index_seeds(tmp);
  std::string key = schema::file_key(corpus + "/000_cd1b8dd590950c2c.txt");
  {
    Xapian::WritableDatabase db(tmp / "index", Xapian::DB_OPEN);
    // One file's passages vanish behind its manifest's back ...
    db.delete_document(std::string(schema::kFile) + key);
    // ... and a passage of no file appears.
    Xapian::Document orphan;
    orphan.add_boolean_term(std::string(schema::kFile) + "0123456789abcdef");
    db.add_document(orphan);
    db.commit();
  }
  IndexCheck c = check_index(tmp / "index");
  CHECK_FALSE(c.ok());
  REQUIRE(c.problems.size() == 2);
  CHECK(c.problems[0].find("000_cd1b8dd590950c2c.txt: 0 passages") != std::string::npos);
  CHECK(c.problems[1].find("orphans") != std::string::npos);
}

TEST_CASE("health: a folder that is not an index is an error") {
  test::TempDir tmp;
  std::filesystem::create_directories(tmp / "empty");
  CHECK_THROWS_AS(check_index(tmp / "empty"), Error);
  CHECK_THROWS_AS(check_index(tmp / "missing"), Error);
}

}  // namespace brief

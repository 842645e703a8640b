// Copyright (c) 2026 The brief-search Authors. MIT licence.
// Tests for manifest entries: what an index remembers of each file.

#include "manifest.h"

#include <doctest/doctest.h>

#include <cstdint>
#include <limits>

namespace brief {

namespace {

ManifestEntry sample(const std::string& path) {
  ManifestEntry e;
  e.path = path;
  e.size = 588;
  e.mtime_ns = -4642034396235729356;  // libstdc++'s file clock: 19 digits, negative.
  e.sidecar_size = -1;
  e.sidecar_mtime_ns = 0;
  e.content_hash = "f0a337334986c0ed";
  e.articles = 2;
  e.passages = 31;
  e.undated = true;
  return e;
}

bool same(const ManifestEntry& a, const ManifestEntry& b) {
  return a.path == b.path && a.size == b.size && a.mtime_ns == b.mtime_ns &&
         a.sidecar_size == b.sidecar_size && a.sidecar_mtime_ns == b.sidecar_mtime_ns &&
         a.content_hash == b.content_hash && a.articles == b.articles &&
         a.passages == b.passages && a.undated == b.undated;
}

}  // namespace

TEST_CASE("manifest: entries survive encoding, whatever the path holds") {
  for (std::string path : {"/corpus/2024-09/remarks.md", "/corpus/with \"quotes\" and \\.md",
                           "/corpus/Zakharova–Лавров.txt", "/corpus/tab\there.md", "/c/a.md"}) {
    CAPTURE(path);
    ManifestEntry e = sample(path);
    auto decoded = decode_manifest_entry(encode_manifest_entry(e));
    REQUIRE(decoded);
    CHECK(same(*decoded, e));
  }
  ManifestEntry extremes = sample("/x");
  extremes.mtime_ns = std::numeric_limits<std::int64_t>::max();
  extremes.size = 0;
  extremes.sidecar_mtime_ns = std::numeric_limits<std::int64_t>::min();
  auto decoded = decode_manifest_entry(encode_manifest_entry(extremes));
  REQUIRE(decoded);
  CHECK(same(*decoded, extremes));
}

TEST_CASE("manifest: other layouts are read, and what is no entry is refused") {
  // Spaces, another key order and a key from a later version: the JSON
  // library reads them.
  auto spaced = decode_manifest_entry(
      R"({ "path": "/a.md", "size": 3, "mtime": 7, "undated": false, "later": [1] })");
  REQUIRE(spaced);
  CHECK(spaced->path == "/a.md");
  CHECK(spaced->size == 3);
  CHECK(spaced->mtime_ns == 7);
  CHECK(spaced->sidecar_size == -1);
  for (std::string bad : {"", "{}", "[1]", "{\"path\": \"/a\"}", "{\"path\":\"/a\",\"size\":1",
                          "{\"path\":\"/a\",\"size\":\"3\",\"mtime\":1}", "not json"}) {
    CAPTURE(bad);
    CHECK_FALSE(decode_manifest_entry(bad));
  }
}

}  // namespace brief

// Copyright (c) 2026 The brief-search Authors. MIT licence.
// Index health: what an index holds, and whether it is sound.

#ifndef BRIEF_INCLUDE_BRIEF_HEALTH_H_
#define BRIEF_INCLUDE_BRIEF_HEALTH_H_

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "brief/date.h"

namespace brief {

// Counts of an index, for `brief-index --stats`.
struct IndexStatistics {
  std::int64_t files = 0;          // Indexed files (manifest entries).
  std::int64_t articles = 0;       // Articles in them.
  std::int64_t passages = 0;       // Xapian documents.
  std::int64_t undated_files = 0;  // Files with an article without a date.
  std::int64_t speakers = 0;       // Spellings of speakers' names (XSPKNAME terms).
  std::int64_t synonyms = 0;       // Keys of the synonym table.
  std::optional<Date> oldest;      // Of the dated passages.
  std::optional<Date> newest;
  std::int64_t disk_bytes = 0;     // The index folder's files (local shards').
  // A sharded index: its databases (local and remote) and how it is
  // split ("year", "month"; "" for a stub brief-index did not write).
  // 0 and "" for a single database.
  std::int64_t shards = 0;
  std::string shard_by;
};

// Reads the statistics of the index at `path`. Throws brief::Error as
// Searcher::open() does (kNotFound, kIndexCorrupt, kIndexVersion).
IndexStatistics index_statistics(const std::string& path);

// What check_index() found.
struct IndexCheck {
  std::int64_t passages = 0;          // Documents checked.
  std::int64_t files = 0;             // Manifest entries checked.
  std::vector<std::string> problems;  // One line each; empty when sound.
  bool ok() const { return problems.empty(); }
};

// Verifies the index at `path` without changing it: Xapian's own check of
// every table (Xapian::Database::check), then brief-search's invariants:
// the format version; every file's passages match its manifest entry
// (none missing, none extra); no passages without a manifest entry
// (orphans); every passage belongs to exactly one file. Throws
// brief::Error kNotFound when there is no index, kIndexLocked never (a
// check only reads). A damaged index is a problem in the result, not an
// exception, as far as Xapian lets it be read.
IndexCheck check_index(const std::string& path);

}  // namespace brief

#endif  // BRIEF_INCLUDE_BRIEF_HEALTH_H_

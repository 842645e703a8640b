// Copyright (c) 2026 The brief-search Authors. MIT licence.
// Building and updating an index from article files.

#ifndef BRIEF_INCLUDE_BRIEF_INDEXER_H_
#define BRIEF_INCLUDE_BRIEF_INDEXER_H_

#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "brief/passage.h"

namespace brief {

// Returns the index both programs use when none is named: $BRIEF_INDEX,
// else $XDG_DATA_HOME/brief-search/index, else
// ~/.local/share/brief-search/index.
std::string default_index_path();

// A snapshot of a running update, for progress displays.
// How an index is split into Xapian databases (shards).
enum class ShardBy {
  kNone,   // One database (the default).
  kYear,   // One database per year of the files' dates, plus "undated".
  kMonth,  // One database per month.
};

std::string_view shard_by_name(ShardBy by);  // "none", "year", "month"
std::optional<ShardBy> parse_shard_by(std::string_view name);

struct IndexProgress {
  std::int64_t files_total = 0;   // Files found under the inputs.
  std::int64_t files_done = 0;    // Files examined so far.
  std::int64_t passages_done = 0; // Passages written so far.
  double seconds = 0;             // Since the update started.
};

struct IndexOptions {
  // Behaviour.

  // How articles are split into passages.
  SplitOptions split;
  // Throw the existing index away and build it anew. Default false.
  bool rebuild = false;
  // One database for the whole index, or one per year or month of the
  // files' dates under INDEX/shards/, listed in the Xapian stub file
  // INDEX/XAPIANDB (docs/SCALING.md). A file goes to the shard of its
  // first dated article. Unset keeps the layout the index has (kNone for
  // a new one); changing an index's layout takes `rebuild`. Default unset.
  std::optional<ShardBy> shard_by;
  // How long to wait for another writer (a running brief-index) to let go
  // of the index before giving up with kIndexLocked. Default 5 s.
  std::chrono::milliseconds lock_timeout{5000};
  // Alias files ({"aliases": {...}}, see AliasTable) to store in the
  // index, replacing those stored before; searches group speakers by them.
  // Empty keeps what the index has. Default none.
  std::vector<std::string> alias_files;
  // Synonyms files (one group a line: "New START = START = Strategic Arms
  // Reduction Treaty") to store in the index, replacing the groups stored
  // from such files before. Empty keeps what the index has. Default none.
  // Definitions the articles write themselves ("... Treaty (START)") are
  // learned in any case.
  std::vector<std::string> synonym_files;
  // Called from the writing thread about every 200 ms and once at the
  // end. Default none.
  std::function<void(const IndexProgress&)> progress;

  // Performance.

  // Files per Xapian transaction (at most: a transaction also ends after
  // 10,000 passages). A crash loses at most one transaction's files' work,
  // never part of a file's. Default 1000.
  int batch_files = 1000;
  // Threads that read and parse files while one thread writes; 0 means
  // one per core. Default 0.
  int threads = 0;
};

// Why one file was not indexed.
struct FileFailure {
  std::string path;
  std::string reason;  // One line, e.g. "binary file (NUL byte at 12)".

  bool operator==(const FileFailure&) const = default;
};

// What an update did.
struct IndexStats {
  std::int64_t files_seen = 0;
  std::int64_t added = 0;      // Files new to the index.
  std::int64_t updated = 0;    // Files whose content changed.
  std::int64_t removed = 0;    // Files gone from disk, passages deleted.
  std::int64_t unchanged = 0;  // Files skipped as unchanged.
  std::int64_t articles = 0;   // Articles written by this update.
  std::int64_t passages = 0;   // Passages written by this update.
  std::vector<FileFailure> failures;
  // Files written by this update whose articles have no date.
  std::vector<std::string> undated;
  // Files indexed with a problem worth knowing ("record 2 does not
  // parse; skipped", "invalid date '2023-02-30' ignored").
  std::vector<FileFailure> warnings;
  double seconds = 0;
};

// A writable index. Only one Indexer may have an index open at a time,
// across processes; the class is not thread-safe, but update() uses
// threads of its own. Move-only.
class Indexer {
 public:
  // Opens the index at `path`, creating it (and its parent directories)
  // if needed. Throws brief::Error: kIndexLocked if another writer has it,
  // kIndexCorrupt or kIndexVersion if it cannot be read, kIoError if it
  // cannot be created.
  static Indexer open(const std::string& path,
                      const IndexOptions& options = {});

  Indexer(Indexer&&) noexcept;
  Indexer& operator=(Indexer&&) noexcept;
  ~Indexer();

  // Brings the index up to date with `inputs`, each a file or a directory
  // searched recursively (hidden entries and sidecar NAME.json files are
  // skipped). New files are added, changed ones re-indexed, and files
  // indexed earlier under one of `inputs` that no longer exist are
  // removed. A file whose size and modification time are unchanged is
  // not read. A file that cannot be indexed is recorded in
  // IndexStats::failures and the rest go on. Throws brief::Error
  // kNotFound if an input does not exist, or kIoError if the index cannot
  // be written; work committed before that stays.
  IndexStats update(const std::vector<std::string>& inputs);

 private:
  struct Impl;
  explicit Indexer(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace brief

#endif  // BRIEF_INCLUDE_BRIEF_INDEXER_H_

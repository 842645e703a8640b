// Copyright (c) 2026 The brief-search Authors. MIT licence.
// Sharded indexes: one Xapian database per period, listed in a Xapian stub
// file. The stub is Xapian's own format, so Xapian (and quest, delve,
// xapian-tcpsrv) open a sharded index as one database; brief-search reads
// the lines itself only to open each shard on its own, so that a remote
// shard that is down or slow can be left out instead of failing the query.
// docs/SCALING.md describes the layout.

#ifndef BRIEF_SRC_SHARDS_H_
#define BRIEF_SRC_SHARDS_H_

#include <xapian.h>

#include <chrono>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "brief/date.h"
#include "brief/indexer.h"

namespace brief::shards {

// The stub of a sharded index folder, written by brief-index.
inline constexpr std::string_view kStubName = "XAPIANDB";
// Where the shards of an index folder live, one folder each.
inline constexpr std::string_view kShardFolder = "shards";
// The shard of files without a date.
inline constexpr std::string_view kUndatedShard = "undated";

// The shard a file dated `date` goes to: "2023" by year, "2023-05" by
// month, kUndatedShard without a date. Not for ShardBy::kNone.
std::string shard_name(ShardBy by, const std::optional<Date>& date);

// One database line of a stub file.
struct StubEntry {
  std::string line;   // As written, for messages.
  bool remote = false;
  std::string path;   // Local: the database folder, relative paths made absolute.
  std::string host;   // Remote TCP.
  unsigned port = 0;
  std::string program;  // Remote program ("remote :PROG ARGS").
  std::string args;
};

// The stub file behind an index location: `index` itself when it is a
// file, `index`/XAPIANDB when it is a folder holding one; nullopt for a
// plain (unsharded) index or nothing at all.
std::optional<std::string> stub_file(const std::string& index);

// Reads a stub file. Lines are Xapian's ("auto PATH", "glass PATH",
// "remote HOST:PORT", "remote :PROG ARGS"); "remote tcp HOST PORT" is
// also taken. Blank lines and lines starting with '#' are skipped.
// Throws brief::Error kIndexCorrupt naming the file and line for a line
// it cannot read, kNotFound when the file cannot be read.
std::vector<StubEntry> read_stub(const std::string& file);

// The local entries of `index`'s stub whose folder is gone (a shard
// deleted by hand), as the stub writes them; empty for a plain index.
std::vector<std::string> missing_local_shards(const std::string& index);

// Throws kIndexCorrupt naming the first missing local shard, if any.
void require_local_shards(const std::string& index);

// How the index folder's stub says it is sharded (its first comment
// line); nullopt when it does not say.
std::optional<ShardBy> stub_shard_by(const std::string& file);

// Writes `index_dir`/XAPIANDB listing the shards `names` (folders under
// kShardFolder), by writing a new file and renaming it over the old, so a
// reader sees the old list or the new, never half of one.
void write_stub(const std::string& index_dir, ShardBy by, const std::vector<std::string>& names);

// Opens one stub entry read-only. Remote shards wait up to `timeout` to
// connect and for each answer.
Xapian::Database open_entry(const StubEntry& entry, std::chrono::milliseconds timeout);

}  // namespace brief::shards

#endif  // BRIEF_SRC_SHARDS_H_

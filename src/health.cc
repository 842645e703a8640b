// Copyright (c) 2026 The brief-search Authors. MIT licence.

#include "brief/health.h"

#include <xapian.h>

#include <algorithm>
#include <filesystem>
#include <map>
#include <sstream>

#include "brief/error.h"
#include "manifest.h"
#include "schema.h"
#include "shards.h"
#include "xapian_error.h"

namespace brief {

namespace {

std::optional<Date> date_from_value(const std::string& ymd) {
  if (ymd.size() != 8) return std::nullopt;
  return parse_date(ymd);
}

// Opens the index read-only, refusing a folder with no index and an index
// of another format, as searches do.
Xapian::Database open_index(const std::string& path) {
  std::error_code ec;
  if (!std::filesystem::is_directory(path, ec) && !shards::stub_file(path))
    throw Error(ErrorCode::kNotFound,
                "index " + path + ": no index there; build one with brief-index PATH...");
  shards::require_local_shards(path);
  try {
    Xapian::Database db(path);
    schema::require_index_format(db, path);
    return db;
  } catch (const Xapian::Error& e) {
    throw_from_xapian(e, path);
  }
}

// The databases whose metadata hold the manifest: each local shard of a
// stub, or the index itself.
std::vector<std::string> local_databases(const std::string& path) {
  auto stub = shards::stub_file(path);
  if (!stub) return {path};
  std::vector<std::string> paths;
  for (const auto& entry : shards::read_stub(*stub)) {
    if (!entry.remote) paths.push_back(entry.path);
  }
  return paths;
}

}  // namespace

IndexStatistics index_statistics(const std::string& path) {
  Xapian::Database db = open_index(path);
  IndexStatistics s;
  try {
    s.passages = db.get_doccount();
    std::string prefix(schema::kFileMetaPrefix);
    for (const auto& part_path : local_databases(path)) {
      Xapian::Database part(part_path);
      for (auto it = part.metadata_keys_begin(prefix); it != part.metadata_keys_end(prefix); ++it) {
        auto entry = decode_manifest_entry(part.get_metadata(*it));
        if (!entry) continue;
        ++s.files;
        s.articles += entry->articles;
        if (entry->undated) ++s.undated_files;
      }
    }
    std::string names(schema::kSpeakerName);
    for (auto it = db.allterms_begin(names); it != db.allterms_end(names); ++it) ++s.speakers;
    for (auto it = db.synonym_keys_begin(); it != db.synonym_keys_end(); ++it) ++s.synonyms;
    // Each local database's exact bounds (see schema::date_bounds());
    // remote shards only have Xapian's.
    schema::DateBounds dates;
    if (auto stub = shards::stub_file(path)) {
      std::vector<shards::StubEntry> entries = shards::read_stub(*stub);
      for (const auto& entry : entries)
        if (!entry.remote) dates.add(schema::date_bounds(Xapian::Database(entry.path)));
      if (std::any_of(entries.begin(), entries.end(), [](const auto& e) { return e.remote; }))
        dates.add({db.get_value_lower_bound(schema::kDate), db.get_value_upper_bound(schema::kDate)});
    } else {
      dates = schema::date_bounds(db);
    }
    s.oldest = date_from_value(dates.oldest);
    s.newest = date_from_value(dates.newest);
  } catch (const Xapian::Error& e) {
    throw_from_xapian(e, path);
  }
  std::error_code ec;
  if (auto stub = shards::stub_file(path)) {
    s.shards = static_cast<std::int64_t>(shards::read_stub(*stub).size());
    if (auto by = shards::stub_shard_by(*stub)) s.shard_by = std::string(shard_by_name(*by));
  }
  for (const auto& part_path : local_databases(path))
    for (const auto& f : std::filesystem::directory_iterator(part_path, ec))
      if (f.is_regular_file(ec)) s.disk_bytes += static_cast<std::int64_t>(f.file_size(ec));
  return s;
}

namespace {

// Checks one database (an index, or a shard) into `check`; `where` starts
// each problem ("shard 2023: ").
void check_database(const std::string& path, const std::string& where, IndexCheck& check,
                    std::map<std::string, std::string>& file_shards) {
  Xapian::Database db = open_index(path);
  // Xapian's own check of every table.
  try {
    std::ostringstream out;
    std::size_t errors = Xapian::Database::check(path, 0, &out);
    if (errors > 0)
      check.problems.push_back(where + "Xapian found " + std::to_string(errors) +
                               " errors in the tables: " + out.str().substr(0, 500));
  } catch (const Xapian::Error& e) {
    check.problems.push_back(where + "Xapian cannot check the tables: " + e.get_description());
    return;
  }
  try {
    check.passages += db.get_doccount();
    // The passages of each file, by its XF term.
    std::map<std::string, Xapian::doccount> passages_of;
    std::string file_prefix(schema::kFile);
    Xapian::doccount in_files = 0;
    for (auto it = db.allterms_begin(file_prefix); it != db.allterms_end(file_prefix); ++it) {
      passages_of[(*it).substr(file_prefix.size())] = it.get_termfreq();
      in_files += it.get_termfreq();
    }
    if (in_files != db.get_doccount())
      check.problems.push_back(where + std::to_string(db.get_doccount()) + " passages but " +
                               std::to_string(in_files) +
                               " file memberships: a passage without a file, or in two");
    // Each manifest entry against its passages.
    std::string prefix(schema::kFileMetaPrefix);
    for (auto it = db.metadata_keys_begin(prefix); it != db.metadata_keys_end(prefix); ++it) {
      std::string value = db.get_metadata(*it);
      if (value.empty()) continue;  // A removed file.
      std::string key = (*it).substr(prefix.size());
      auto entry = decode_manifest_entry(value);
      if (!entry) {
        check.problems.push_back(where + "file entry " + key + " cannot be read");
        continue;
      }
      ++check.files;
      if (auto [other, fresh] = file_shards.emplace(entry->path, where); !fresh)
        check.problems.push_back(entry->path + ": indexed in two shards (" + other->second +
                                 "and " + where + "); run brief-index to re-index it");
      if (key != schema::file_key(entry->path))
        check.problems.push_back(where + entry->path + ": listed under the key of another path");
      auto found = passages_of.find(key);
      std::int64_t have = found == passages_of.end() ? 0 : found->second;
      if (have != entry->passages)
        check.problems.push_back(where + entry->path + ": " + std::to_string(have) + " passages, " +
                                 std::to_string(entry->passages) + " expected");
      if (found != passages_of.end()) passages_of.erase(found);
    }
    for (const auto& [key, n] : passages_of)
      check.problems.push_back(where + std::to_string(n) + " passages of file key " + key +
                               " that no file entry lists (orphans)");
  } catch (const Xapian::Error& e) {
    check.problems.push_back(where + "reading the index failed: " + e.get_description());
  }
}

}  // namespace

IndexCheck check_index(const std::string& path) {
  IndexCheck check;
  std::map<std::string, std::string> file_shards;
  if (!shards::stub_file(path)) {
    check_database(path, "", check, file_shards);
    return check;
  }
  // A shard whose folder is gone is a problem to list; the others are
  // still checked.
  std::vector<std::string> missing = shards::missing_local_shards(path);
  for (const auto& line : missing)
    check.problems.push_back("shard '" + line +
                             "' is listed but its folder is gone; run brief-index again over "
                             "the same inputs to rebuild it");
  if (missing.empty()) open_index(path);  // The stub, and the format of its first shard.
  // Remote shards are checked where they are served (brief-index --check
  // on the shard's folder).
  for (const auto& shard : local_databases(path)) {
    std::error_code ec;
    if (!std::filesystem::is_directory(shard, ec)) continue;
    check_database(shard, "shard " + std::filesystem::path(shard).filename().string() + ": ",
                   check, file_shards);
  }
  return check;
}

}  // namespace brief

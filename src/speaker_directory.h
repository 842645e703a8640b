// Copyright (c) 2026 The brief-search Authors. MIT licence.
// The speakers of an index grouped into people (by the stored alias table
// and the one-edit rule), for resolving what users type and naming hits.
//
// Grouping reads every speaker and every person the index mentions, which
// took most of a search process's start-up (0.25 s of 0.27 s on the shared
// corpus). So brief-index groups once per update and stores the result
// (a cache, see store_cache()); searches load it when it matches the
// index's revision, and group afresh otherwise.

#ifndef BRIEF_SRC_SPEAKER_DIRECTORY_H_
#define BRIEF_SRC_SPEAKER_DIRECTORY_H_

#include <xapian.h>

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "brief/searcher.h"
#include "brief/speaker.h"

namespace brief {

class SpeakerDirectory {
 public:
  // Groups the speakers of `db` afresh.
  void load(const Xapian::Database& db);

  // The grouping as JSON, for load_json(); the alias table is not in it
  // (it is in the index metadata).
  std::string to_json() const;
  // Loads what to_json() wrote, with the alias table of `db`. Returns
  // false (and loads nothing) for text that is not such JSON.
  bool load_json(const Xapian::Database& db, std::string_view json);

  // The person's canonical name for a spelling in the index or as typed.
  std::string canonical(const std::string& name) const;

  // Terms for a name as a user types it: every spelling of that person;
  // for a single word, everyone with that surname (or that name); for a
  // full name, also the bare surname that some transcripts use.
  std::vector<std::string> terms_for(std::string_view typed) const;
  Xapian::Query query_for(std::string_view name) const;

  // Everyone, most passages first, with spellings and roles; `counts`
  // (spelling -> passages) replaces the index's counts when given.
  std::vector<SpeakerSummary> list(const std::map<std::string, std::int64_t>* counts) const;

 private:
  void load_aliases(const Xapian::Database& db);
  // by_id_, by_surname_ and members_ from canonical_, on first need: most
  // searches only map the spellings of their hits (canonical_), and a
  // process per search should not pay for the rest.
  void index_names() const;

  AliasTable aliases_;
  std::map<std::string, std::string> canonical_;  // spelling -> person
  mutable bool names_indexed_ = false;
  mutable std::map<std::string, std::string> by_id_;  // speaker_id(spelling) -> person
  // surname id -> (spelling is the bare surname, person), per spelling.
  mutable std::map<std::string, std::vector<std::pair<bool, std::string>>> by_surname_;
  mutable std::map<std::string, std::vector<std::string>> members_;  // person -> spellings
  std::map<std::string, std::int64_t> counts_;    // spelling -> passages
  std::map<std::string, std::map<std::string, std::int64_t>> roles_;  // id -> role -> n
};

namespace speaker_cache {

// A single-database index keeps the cache in its metadata, with the
// revision it is valid for. A sharded index keeps it in
// INDEX/speakers.json, after a first line with the revision of each shard.
inline constexpr std::string_view kMetadataKey = "brief:speaker-cache";
inline constexpr std::string_view kRevisionKey = "brief:speaker-cache-revision";
inline constexpr std::string_view kShardedFile = "speakers.json";

// Stores the grouping of `db` in it, as of the commit this call makes.
void store(Xapian::WritableDatabase& db);

// Writes the grouping of a sharded index (`shards`: name -> database,
// committed) to `index_dir`/speakers.json.
void store_sharded(const std::string& index_dir,
                   std::map<std::string, Xapian::WritableDatabase>& shards);

// The cached grouping for a single database, if still valid.
std::optional<std::string> load(const Xapian::Database& db);

// The cached grouping for the shards of an index folder, if valid for
// every one of them (`shards`: name -> database as opened for reading).
std::optional<std::string> load_sharded(const std::string& index_dir,
                                        const std::map<std::string, Xapian::Database>& shards);

}  // namespace speaker_cache

}  // namespace brief

#endif  // BRIEF_SRC_SPEAKER_DIRECTORY_H_

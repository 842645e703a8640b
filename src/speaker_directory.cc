// Copyright (c) 2026 The brief-search Authors. MIT licence.

#include "speaker_directory.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "brief/error.h"
#include "schema.h"
#include "text.h"

namespace brief {

void SpeakerDirectory::load_aliases(const Xapian::Database& db) {
  aliases_ = AliasTable();
  std::string stored = db.get_metadata(std::string(schema::kAliasesKey));
  if (stored.empty()) return;
  try {
    aliases_ = AliasTable::parse(stored);
  } catch (const Error&) {
    // An unreadable alias entry only loses the grouping.
  }
}

void SpeakerDirectory::load(const Xapian::Database& db) {
  load_aliases(db);
  std::vector<std::pair<std::string, std::int64_t>> names;
  std::string prefix(schema::kSpeakerName);
  for (auto it = db.allterms_begin(prefix); it != db.allterms_end(prefix); ++it)
    names.emplace_back((*it).substr(prefix.size()), it.get_termfreq());
  std::vector<std::pair<std::string, std::int64_t>> mentions;
  std::string person_prefix(schema::kPerson);
  for (auto it = db.allterms_begin(person_prefix); it != db.allterms_end(person_prefix); ++it)
    mentions.emplace_back((*it).substr(person_prefix.size()), it.get_termfreq());
  // The people only mentioned (tens of thousands) help the grouping but
  // are no one to search for as a speaker: keep the spellings of speakers.
  std::map<std::string, std::string> grouped = aliases_.group(names, mentions);
  canonical_.clear();
  counts_.clear();
  for (const auto& [name, count] : names) {
    counts_[name] = count;
    auto it = grouped.find(name);
    canonical_[name] = it == grouped.end() ? name : it->second;
  }
  names_indexed_ = false;
  roles_.clear();
  std::string role_prefix(schema::kSpeakerRole);
  for (auto it = db.allterms_begin(role_prefix); it != db.allterms_end(role_prefix); ++it) {
    std::string rest = (*it).substr(role_prefix.size());
    auto sep = rest.find(schema::kSpeakerSeparator);
    if (sep == std::string::npos) continue;
    roles_[rest.substr(0, sep)][rest.substr(sep + 1)] += it.get_termfreq();
  }
}

void SpeakerDirectory::index_names() const {
  if (names_indexed_) return;
  names_indexed_ = true;
  members_.clear();
  for (const auto& [name, count] : counts_) {
    auto it = canonical_.find(name);
    members_[it == canonical_.end() ? name : it->second].push_back(name);
  }
  // Lookups by what users type: by id, and by surname.
  by_id_.clear();
  by_surname_.clear();
  for (const auto& [spelling, person] : canonical_) {
    std::string sid = speaker_id(spelling);
    by_id_.emplace(sid, person);
    auto sp = sid.find_last_of(' ');
    by_surname_[sp == std::string::npos ? sid : sid.substr(sp + 1)].push_back(
        {sp == std::string::npos, person});
  }
}

std::string SpeakerDirectory::to_json() const {
  nlohmann::json j = {{"canonical", canonical_}, {"counts", counts_}, {"roles", roles_}};
  return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

bool SpeakerDirectory::load_json(const Xapian::Database& db, std::string_view text) {
  nlohmann::json j = nlohmann::json::parse(text, nullptr, false);
  if (!j.is_object()) return false;
  try {
    auto canonical = j.at("canonical").get<std::map<std::string, std::string>>();
    auto counts = j.at("counts").get<std::map<std::string, std::int64_t>>();
    auto roles = j.at("roles").get<std::map<std::string, std::map<std::string, std::int64_t>>>();
    canonical_ = std::move(canonical);
    counts_ = std::move(counts);
    roles_ = std::move(roles);
  } catch (const nlohmann::json::exception&) {
    return false;
  }
  load_aliases(db);
  names_indexed_ = false;
  return true;
}

std::string SpeakerDirectory::canonical(const std::string& name) const {
  auto it = canonical_.find(name);
  if (it != canonical_.end()) return it->second;
  index_names();
  auto by_id = by_id_.find(speaker_id(name));
  if (by_id != by_id_.end()) return by_id->second;
  return aliases_.canonical(name);
}

std::vector<std::string> SpeakerDirectory::terms_for(std::string_view typed) const {
  index_names();
  std::string name = text::fold_whitespace(typed);
  std::string id = speaker_id(name);
  std::vector<std::string> terms;
  auto add_id = [&](const std::string& i) {
    std::string term = std::string(schema::kSpeaker) + i;
    if (std::find(terms.begin(), terms.end(), term) == terms.end())
      terms.push_back(term);
  };
  auto add_person = [&](const std::string& canonical_name) {
    add_id(speaker_id(canonical_name));
    auto it = members_.find(canonical_name);
    if (it == members_.end()) return;
    for (const auto& spelling : it->second) add_id(speaker_id(spelling));
  };
  add_id(id);
  std::string who = canonical(name);
  add_person(who);
  // A single word: everyone with that surname (or known by that word);
  // a full name: the bare surname too, unless the index groups it with
  // someone else ("Trump" with Donald Trump is not Melania Trump's).
  auto space = id.find_last_of(' ');
  std::string surname = space == std::string::npos ? id : id.substr(space + 1);
  auto same = by_surname_.find(surname);
  if (same != by_surname_.end())
    for (const auto& [bare, person] : same->second) {
      if (space == std::string::npos) add_person(person);
      else if (bare && (person == who || speaker_id(person) == surname)) add_person(person);
    }
  return terms;
}

Xapian::Query SpeakerDirectory::query_for(std::string_view name) const {
  auto terms = terms_for(name);
  return Xapian::Query(Xapian::Query::OP_OR, terms.begin(), terms.end());
}

std::vector<SpeakerSummary> SpeakerDirectory::list(
    const std::map<std::string, std::int64_t>* counts) const {
  index_names();
  std::vector<SpeakerSummary> people;
  for (const auto& [canonical_name, spellings] : members_) {
    SpeakerSummary s;
    s.name = canonical_name;
    std::map<std::string, std::int64_t> roles;
    for (const auto& spelling : spellings) {
      if (spelling != canonical_name) s.aliases.push_back(spelling);
      if (counts) {
        auto it = counts->find(spelling);
        if (it != counts->end()) s.passages += it->second;
      } else {
        s.passages += counts_.at(spelling);
      }
      auto r = roles_.find(speaker_id(spelling));
      if (r != roles_.end())
        for (const auto& [role, n] : r->second) roles[role] += n;
    }
    if (s.passages == 0) continue;
    std::vector<std::pair<std::string, std::int64_t>> ordered(roles.begin(), roles.end());
    std::stable_sort(ordered.begin(), ordered.end(),
                     [](const auto& a, const auto& b) { return a.second > b.second; });
    for (std::size_t i = 0; i < ordered.size() && i < 3; ++i)
      s.roles.push_back(ordered[i].first);
    people.push_back(std::move(s));
  }
  std::stable_sort(people.begin(), people.end(),
                   [](const SpeakerSummary& a, const SpeakerSummary& b) {
                     return a.passages > b.passages;
                   });
  return people;
}

namespace speaker_cache {

namespace fs = std::filesystem;

void store(Xapian::WritableDatabase& db) {
  SpeakerDirectory directory;
  directory.load(db);
  // This call's commit makes the next revision.
  db.set_metadata(std::string(kMetadataKey), directory.to_json());
  db.set_metadata(std::string(kRevisionKey), std::to_string(db.get_revision() + 1));
  db.commit();
}

void store_sharded(const std::string& index_dir,
                   std::map<std::string, Xapian::WritableDatabase>& shards) {
  Xapian::Database all;
  nlohmann::json revisions = nlohmann::json::object();
  for (auto& [name, db] : shards) {
    all.add_database(db);
    revisions[name] = db.get_revision();
  }
  SpeakerDirectory directory;
  directory.load(all);
  fs::path file = fs::path(index_dir) / kShardedFile;
  fs::path tmp = file;
  tmp += ".tmp";
  {
    std::ofstream out(tmp, std::ios::trunc);
    // The revisions on the first line, so that checking them does not
    // parse the directory.
    out << revisions.dump() << "\n" << directory.to_json() << "\n";
    if (!out) return;  // Only a cache: searches group afresh.
  }
  std::error_code ec;
  fs::rename(tmp, file, ec);
}

std::optional<std::string> load(const Xapian::Database& db) {
  if (db.get_metadata(std::string(kRevisionKey)) != std::to_string(db.get_revision()))
    return std::nullopt;
  std::string stored = db.get_metadata(std::string(kMetadataKey));
  if (stored.empty()) return std::nullopt;
  return stored;
}

std::optional<std::string> load_sharded(const std::string& index_dir,
                                        const std::map<std::string, Xapian::Database>& shards) {
  std::ifstream in(fs::path(index_dir) / kShardedFile);
  if (!in) return std::nullopt;
  std::string first_line;
  std::getline(in, first_line);
  nlohmann::json revisions = nlohmann::json::parse(first_line, nullptr, false);
  if (!revisions.is_object() || revisions.size() != shards.size()) return std::nullopt;
  for (const auto& [name, db] : shards) {
    if (!revisions.contains(name) || !revisions[name].is_number() ||
        revisions[name].get<Xapian::rev>() != db.get_revision())
      return std::nullopt;
  }
  std::stringstream directory;
  directory << in.rdbuf();
  return directory.str();
}

}  // namespace speaker_cache

}  // namespace brief

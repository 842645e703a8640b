// Copyright (c) 2026 The brief-search Authors. MIT licence.
// Incremental-index state: what the index knows about each source file.

#include "manifest.h"

#include <nlohmann/json.hpp>

#include "schema.h"

namespace brief {

std::string encode_manifest_entry(const ManifestEntry& e) {
  nlohmann::json j = {{"path", e.path},
                      {"size", e.size},
                      {"mtime", e.mtime_ns},
                      {"sidecar_size", e.sidecar_size},
                      {"sidecar_mtime", e.sidecar_mtime_ns},
                      {"hash", e.content_hash},
                      {"articles", e.articles},
                      {"passages", e.passages},
                      {"undated", e.undated}};
  return j.dump();
}

std::optional<ManifestEntry> decode_manifest_entry(std::string_view text) {
  nlohmann::json j = nlohmann::json::parse(text, nullptr, false);
  if (j.is_discarded() || !j.is_object()) return std::nullopt;
  try {
    ManifestEntry e;
    e.path = j.at("path").get<std::string>();
    e.size = j.at("size").get<std::int64_t>();
    e.mtime_ns = j.at("mtime").get<std::int64_t>();
    e.sidecar_size = j.value("sidecar_size", std::int64_t{-1});
    e.sidecar_mtime_ns = j.value("sidecar_mtime", std::int64_t{0});
    e.content_hash = j.value("hash", std::string());
    e.articles = j.value("articles", std::int64_t{0});
    e.passages = j.value("passages", std::int64_t{0});
    e.undated = j.value("undated", false);
    return e;
  } catch (const nlohmann::json::exception&) {
    return std::nullopt;
  }
}

std::string content_hash(std::string_view content) {
  return schema::file_key(content);
}

}  // namespace brief

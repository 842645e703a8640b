// Copyright (c) 2026 The brief-search Authors. MIT licence.
// Incremental-index state: what the index knows about each source file.

#include "manifest.h"

#include <charconv>
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

namespace {

// The entries are flat objects written by encode_manifest_entry(); an
// unchanged re-run decodes one per file, so this reads them directly and
// leaves anything unusual (escapes in a path, another layout) to the JSON
// library. Returns false when it cannot.
bool decode_flat(std::string_view text, ManifestEntry& e) {
  std::size_t i = 0;
  auto skip_space = [&] {
    while (i < text.size() && (text[i] == ' ' || text[i] == '\n' || text[i] == '\t')) ++i;
  };
  auto read_string = [&](std::string_view& out) {
    if (i >= text.size() || text[i] != '"') return false;
    std::size_t end = text.find_first_of("\"\\", i + 1);
    if (end == std::string_view::npos || text[end] != '"') return false;  // Escapes: no.
    out = text.substr(i + 1, end - i - 1);
    i = end + 1;
    return true;
  };
  auto read_int = [&](std::int64_t& out) {
    auto [end, error] = std::from_chars(text.data() + i, text.data() + text.size(), out);
    if (error != std::errc() || end == text.data() + i) return false;
    i = static_cast<std::size_t>(end - text.data());
    return true;
  };
  bool has_path = false, has_size = false, has_mtime = false;
  skip_space();
  if (i >= text.size() || text[i++] != '{') return false;
  for (;;) {
    skip_space();
    std::string_view key;
    if (!read_string(key)) return false;
    skip_space();
    if (i >= text.size() || text[i++] != ':') return false;
    skip_space();
    if (key == "path" || key == "hash") {
      std::string_view value;
      if (!read_string(value)) return false;
      (key == "path" ? e.path : e.content_hash) = std::string(value);
      has_path |= key == "path";
    } else if (key == "undated") {
      if (text.substr(i, 4) == "true") e.undated = true, i += 4;
      else if (text.substr(i, 5) == "false") e.undated = false, i += 5;
      else return false;
    } else {
      std::int64_t value = 0;
      if (!read_int(value)) return false;
      if (key == "size") e.size = value, has_size = true;
      else if (key == "mtime") e.mtime_ns = value, has_mtime = true;
      else if (key == "sidecar_size") e.sidecar_size = value;
      else if (key == "sidecar_mtime") e.sidecar_mtime_ns = value;
      else if (key == "articles") e.articles = value;
      else if (key == "passages") e.passages = value;
      else return false;
    }
    skip_space();
    if (i < text.size() && text[i] == ',') {
      ++i;
      continue;
    }
    if (i < text.size() && text[i] == '}') break;
    return false;
  }
  ++i;
  skip_space();
  return i == text.size() && has_path && has_size && has_mtime;
}

}  // namespace

std::optional<ManifestEntry> decode_manifest_entry(std::string_view text) {
  if (ManifestEntry e; decode_flat(text, e)) return e;
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

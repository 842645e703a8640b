// Copyright (c) 2026 The brief-search Authors. MIT licence.
// Incremental-index state: what the index knows about each source file.

#ifndef BRIEF_SRC_MANIFEST_H_
#define BRIEF_SRC_MANIFEST_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace brief {

// One indexed file. Stored as JSON in the index metadata under
// schema::kFileMetaPrefix + schema::file_key(path), and committed in the
// same transaction as the file's passages.
struct ManifestEntry {
  std::string path;                // Absolute path.
  std::int64_t size = 0;           // Bytes.
  std::int64_t mtime_ns = 0;       // Modification time, ns since epoch.
  std::int64_t sidecar_size = -1;  // NAME.json beside it; -1 if none.
  std::int64_t sidecar_mtime_ns = 0;
  std::string content_hash;        // FNV-1a 64 of the content, hex.
  std::int64_t articles = 0;
  std::int64_t passages = 0;
  bool undated = false;

  // Same size and times: the file need not be read again.
  bool same_stat(const ManifestEntry& other) const {
    return size == other.size && mtime_ns == other.mtime_ns &&
           sidecar_size == other.sidecar_size &&
           sidecar_mtime_ns == other.sidecar_mtime_ns;
  }
};

std::string encode_manifest_entry(const ManifestEntry& entry);
// Returns nullopt for text that is not an entry.
std::optional<ManifestEntry> decode_manifest_entry(std::string_view text);

// FNV-1a 64 of `content`, as 16 hex digits.
std::string content_hash(std::string_view content);

}  // namespace brief

#endif  // BRIEF_SRC_MANIFEST_H_

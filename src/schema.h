// Copyright (c) 2026 The brief-search Authors. MIT licence.
// The index schema: term prefixes, value slots and metadata keys. This is
// the only place they are spelled; docs/index-format.md describes them.

#ifndef BRIEF_SRC_SCHEMA_H_
#define BRIEF_SRC_SCHEMA_H_

#include <xapian.h>

#include <cstdint>
#include <string>
#include <optional>
#include <string_view>

#include "brief/error.h"

namespace brief::schema {

// Bumped when the layout changes incompatibly.
inline constexpr std::string_view kFormatVersion = "2";
inline constexpr std::string_view kFormatKey = "brief:format";
// The alias file(s) last given to brief-index, as AliasTable JSON.
inline constexpr std::string_view kAliasesKey = "brief:aliases";
// The synonym groups last read from synonyms files, as a JSON array of
// arrays of strings (so that the next file's groups can replace them).
inline constexpr std::string_view kSynonymsKey = "brief:synonyms";
// "OLDEST NEWEST" kDate values (either empty when nothing is dated),
// written by brief-index after a run that deleted documents: Xapian's
// value bounds never shrink on deletion. See date_bounds().
inline constexpr std::string_view kDateBoundsKey = "brief:date-bounds";
// Term prefix of acronyms written in capitals ("XAstart"); see
// vocabulary.h.
inline constexpr std::string_view kAcronym = "XA";

// Term prefixes (Omega's conventions where one exists).
inline constexpr std::string_view kTitle = "S";         // title words
inline constexpr std::string_view kFile = "XF";         // XF<file key>
// XG<file key>#<article>: the group of passages of one article, on each
// of them. An article's passages are added in order, one document each,
// so the term's k-th posting is passage k; its first alone carries the
// title terms and the article's fields in its data.
inline constexpr std::string_view kArticleTerm = "XG";
inline constexpr std::string_view kSpeaker = "XSPEAKER";  // XSPEAKER<id>
inline constexpr std::string_view kKind = "XK";         // XKnews ...
inline constexpr std::string_view kUndated = "XUNDATED";  // boolean flag
// XSPKNAME<display name as written>: for listing speakers and grouping
// spellings.
inline constexpr std::string_view kSpeakerName = "XSPKNAME";
// XPERSON<full name>: people an article mentions, on its first passage.
inline constexpr std::string_view kPerson = "XPERSON";
// XSPKROLE<speaker id>\x1f<role>: the roles a speaker was given.
inline constexpr std::string_view kSpeakerRole = "XSPKROLE";

// Value slots.
enum Slot : Xapian::valueno {
  kDate = 0,      // "YYYYMMDD" string, absent when undated
  // Slot 1 held "YYYY-MM" until the month facets were derived from
  // kDate: 320,000 fewer values to write per corpus. Not written.
  kSpeakers = 2,  // display names joined by '\x1f'
  kArticle = 3,   // "<file key>#<article>": the collapse key
};

inline constexpr char kSpeakerSeparator = '\x1f';

// Metadata: "file:<file key>" holds the manifest entry of one file as
// JSON ({"path","size","mtime","hash",...}).
inline constexpr std::string_view kFileMetaPrefix = "file:";

// Throws brief::Error unless `db` is a brief-search index of this format:
// kNotFound for a Xapian database without our format key, kIndexVersion
// for another format (with the --rebuild hint).
inline void require_index_format(const Xapian::Database& db, const std::string& path) {
  std::string format = db.get_metadata(std::string(kFormatKey));
  if (format.empty())
    throw Error(ErrorCode::kNotFound, path + " is a Xapian database but not a brief-search index");
  if (format != kFormatVersion)
    throw Error(ErrorCode::kIndexVersion,
                "index " + path + ": format '" + format + "' is not '" +
                    std::string(kFormatVersion) + "'; rebuild it with brief-index --rebuild PATH...");
}

// The document data of the article's first passage, which alone holds the
// article's fields (path, title, date...); empty if there is no such
// article. `article_key` is the kArticle value of any of its passages.
inline std::string article_data(const Xapian::Database& db, const std::string& article_key) {
  std::string term = std::string(kArticleTerm) + article_key;
  Xapian::PostingIterator it = db.postlist_begin(term);
  if (it == db.postlist_end(term)) return {};
  return db.get_document(*it).get_data();
}

// The span of some passages' kDate values ("YYYYMMDD"); both empty when
// none is dated.
struct DateBounds {
  std::string oldest, newest;

  void add(const std::string& day) {
    if (day.empty()) return;
    if (oldest.empty() || day < oldest) oldest = day;
    if (day > newest) newest = day;
  }
  void add(const DateBounds& other) {
    add(other.oldest);
    add(other.newest);
  }
  // As stored under kDateBoundsKey.
  std::string encode() const { return oldest + " " + newest; }
};

// The bounds brief-index stored for `db` (kDateBoundsKey), if any.
inline std::optional<DateBounds> stored_date_bounds(const Xapian::Database& db) {
  std::string stored = db.get_metadata(std::string(kDateBoundsKey));
  std::size_t space = stored.find(' ');
  if (space == std::string::npos) return std::nullopt;
  return DateBounds{stored.substr(0, space), stored.substr(space + 1)};
}

// The oldest and newest kDate values of `db`'s own documents: the
// stored exact ones when brief-index has written them, else Xapian's
// bounds (exact while nothing was ever deleted). Not for a database
// combined from shards, whose metadata is its first shard's.
inline DateBounds date_bounds(const Xapian::Database& db) {
  if (auto stored = stored_date_bounds(db)) return *stored;
  return {db.get_value_lower_bound(kDate), db.get_value_upper_bound(kDate)};
}

// A stable 16-hex-digit key for a file path (FNV-1a 64).
inline std::string file_key(std::string_view path) {
  std::uint64_t h = 1469598103934665603ULL;
  for (unsigned char c : path) {
    h ^= c;
    h *= 1099511628211ULL;
  }
  static const char* kHex = "0123456789abcdef";
  std::string out(16, '0');
  for (int i = 15; i >= 0; --i, h >>= 4) out[i] = kHex[h & 15];
  return out;
}

}  // namespace brief::schema

#endif  // BRIEF_SRC_SCHEMA_H_

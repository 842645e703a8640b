// Copyright (c) 2026 The brief-search Authors. MIT licence.
// Articles: what the indexer reads out of one input file.

#ifndef BRIEF_INCLUDE_BRIEF_ARTICLE_H_
#define BRIEF_INCLUDE_BRIEF_ARTICLE_H_

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "brief/date.h"

namespace brief {

// How an article was written, which decides how it is split and who is
// taken to speak in it.
enum class ArticleKind {
  kNews,        // A plain-text news report about what officials said.
  kTranscript,  // An official page with speaker turns ("MS. PSAKI:").
  kRecord,      // A JSON or JSON Lines record.
};

// Returns "news", "transcript" or "record".
std::string_view article_kind_name(ArticleKind kind);

// One paragraph of cleaned body text, with where it came from.
struct Paragraph {
  // The text with white space folded, Markdown escapes and links removed.
  std::string text;
  // The turn label that opened this paragraph's speaker turn, as written
  // without the colon ("MS. PSAKI", "Q"), or empty. Paragraphs after the
  // first of a turn carry the same label.
  std::string turn_label;
  // True for the first paragraph of a speaker turn.
  bool starts_turn = false;
  // Byte range [begin, end) of the paragraph in the source file.
  std::size_t byte_begin = 0;
  std::size_t byte_end = 0;
  // For each word of `text`: its offset in `text` and the offset in the
  // source file where it starts, so that pieces of a paragraph keep exact
  // byte ranges.
  std::vector<std::pair<std::uint32_t, std::uint32_t>> word_offsets;

  bool operator==(const Paragraph&) const = default;
};

// Where the article's date came from, strongest first.
enum class DateSource {
  kNone,         // Undated: no date was found and none is invented.
  kSidecar,      // NAME.json beside the file.
  kMetadata,     // Front matter or a JSON field.
  kMarker,       // An explicit " date 2023-03-03" marker.
  kDateline,     // A long-form date near the top of the text.
  kFileName,     // A date in the file name.
};

// Returns "none", "sidecar", "metadata", "marker", "dateline", "filename".
std::string_view date_source_name(DateSource source);

// A parsed article. Plain value; compare with ==.
struct Article {
  std::string path;    // Source file, as given to the parser.
  std::string title;   // Never empty: falls back to the file's name.
  std::optional<Date> date;
  DateSource date_source = DateSource::kNone;
  std::string byline;  // Author line, if the text has one.
  // A plain-text transcript's header lines before its first turn ("Ned
  // Price, Department Spokesperson", the place, the date): not passages,
  // but they name the speakers.
  std::string preamble;
  std::string source;  // Publisher or outlet, if known.
  std::string url;     // Original address, if known.
  std::vector<std::string> tags;
  ArticleKind kind = ArticleKind::kNews;
  // Speaker names a record declares for itself (JSON "speakers").
  std::vector<std::string> declared_speakers;
  std::vector<Paragraph> paragraphs;
  // Best-effort notes about messy input ("title taken from file name").
  std::vector<std::string> warnings;

  bool operator==(const Article&) const = default;
};

// Metadata that a sidecar NAME.json supplies for NAME.txt. Each present
// field overrides what the text itself says.
struct ArticleOverrides {
  std::optional<std::string> title;
  std::optional<Date> date;
  std::optional<std::string> source;
  std::optional<std::string> url;
  std::optional<std::string> byline;
};

// Parses the contents of one file into articles. `path` decides the
// format: ".json" and ".jsonl" are records (a JSON file may hold one
// object or an array of them; JSON Lines one object a line), ".md" with
// front matter is a web page, anything else is plain text. Plain text
// and Markdown give exactly one article.
//
// Messy input is not an error: missing titles, dates and bylines are
// noted in Article::warnings. Throws brief::Error(kInvalidArgument) when
// the file cannot be an article at all: empty or only white space, binary
// (NUL bytes), invalid UTF-8, JSON that does not parse, or a JSON record
// without text. The message names the reason, not the file.
std::vector<Article> parse_article(std::string_view text,
                                   std::string_view path);

// Parses a sidecar JSON object. Throws brief::Error(kInvalidArgument) if
// it is not a JSON object or a date in it is not a valid date.
ArticleOverrides parse_overrides(std::string_view json_text);

// Applies `overrides` to `article`.
void apply_overrides(const ArticleOverrides& overrides, Article& article);

// The boilerplate lines stripped from plain-text articles, lower case and
// without trailing punctuation (see docs/index-format.md).
const std::vector<std::string_view>& boilerplate_lines();

// Reads `path` (and NAME.json beside it, if any) and parses it. Throws
// brief::Error(kNotFound / kIoError) when the file cannot be read, and
// as parse_article() for content that is not an article.
std::vector<Article> load_article(const std::string& path);

}  // namespace brief

#endif  // BRIEF_INCLUDE_BRIEF_ARTICLE_H_

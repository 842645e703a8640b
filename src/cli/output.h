// Copyright (c) 2026 The brief-search Authors. MIT licence.
// Printing search results and index summaries as text or JSON Lines.

#ifndef BRIEF_SRC_CLI_OUTPUT_H_
#define BRIEF_SRC_CLI_OUTPUT_H_

#include <memory>
#include <ostream>
#include <string>

#include "brief/indexer.h"
#include "brief/searcher.h"

namespace brief::cli {

// Version of the --json output; docs/json-output.md has the history.
inline constexpr int kJsonSchemaVersion = 1;

// What the commands emit; the printer picks the syntax.
class Printer {
 public:
  virtual ~Printer() = default;
  // Before the hits of a search.
  virtual void begin(const SearchResults& results) = 0;
  virtual void hit(const Hit& hit) = 0;
  // After the hits: totals and (if asked for) facets.
  virtual void summary(const SearchRequest& request,
                       const SearchResults& results) = 0;
  virtual void index_stats(const IndexStats& stats) = 0;
  virtual void speakers(const std::vector<SpeakerSummary>& people) = 0;
  virtual void timeline(const Timeline& timeline) = 0;
  // A query of a --batch run that failed: its line number, text, reason.
  virtual void error(std::size_t line, const std::string& query, const std::string& message) = 0;
};

struct PrinterOptions {
  bool json = false;
  bool color = false;  // ANSI highlighting of matches (text only).
  // Columns of the terminal standard output is, or 0 when it is not one;
  // timeline bars fill the line on a terminal and take 60 columns else.
  int terminal_width = 0;
  // Hits carry context passages (--context): text marks them "-" and the
  // hit ">", JSON adds a "context" key.
  bool context = false;
  // --explain: the parsed query (text: first; JSON: "parsed_query" in the
  // summary) and each hit's score parts (text: a line; JSON: "age_days").
  bool explain = false;
};

std::unique_ptr<Printer> make_printer(std::ostream& out,
                                      const PrinterOptions& options);

// A path as the user would like to see it: relative to the current
// directory when it lies below it.
std::string display_path(const std::string& path);

}  // namespace brief::cli

#endif  // BRIEF_SRC_CLI_OUTPUT_H_

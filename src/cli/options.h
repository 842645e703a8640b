// Copyright (c) 2026 The brief-search Authors. MIT licence.
// Command-line options of both programs, parsed with Boost.Program_options
// into validated structs.

#ifndef BRIEF_SRC_CLI_OPTIONS_H_
#define BRIEF_SRC_CLI_OPTIONS_H_

#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "brief/indexer.h"
#include "brief/searcher.h"

namespace brief::cli {

// A mistake on the command line; what() is the one-line message.
class UsageError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

enum class ColorMode { kAuto, kAlways, kNever };

struct IndexCommand {
  bool help = false;      // Print `help_text` and exit 0.
  bool version = false;
  std::string help_text;
  std::string index_path;  // Resolved: --index, else default_index_path().
  std::vector<std::string> inputs;
  IndexOptions options;
  bool json = false;
  bool quiet = false;
  std::optional<bool> progress;  // Unset: on when stderr is a terminal.
  bool check = false;  // --check: verify the index, index nothing.
  bool stats = false;  // --stats: print the index's counts, index nothing.
};

struct SearchCommand {
  bool help = false;
  bool version = false;
  std::string help_text;
  std::string index_path;
  SearchRequest request;
  OpenOptions open;  // --timeout-ms
  bool list_speakers = false;  // --speakers: list people, not hits.
  // --timeline: count matching passages per period, not hits.
  bool timeline = false;
  TimelineGranularity timeline_by = TimelineGranularity::kMonth;
  bool json = false;
  // --batch: queries from standard input, one a line; JSON Lines out.
  bool batch = false;
  // --explain: the parsed query, and how each hit's score was made.
  bool explain = false;
  ColorMode color = ColorMode::kAuto;
};

// Throw UsageError for unknown options, missing or bad values.
IndexCommand parse_index_command(int argc, const char* const* argv);
SearchCommand parse_search_command(int argc, const char* const* argv);

// Parses a --since/--until value, any form parse_date_range() takes
// (relative ones counting back from `today`), and returns the first (or
// with `end`, the last) day it covers. Throws UsageError naming `option`
// for anything else.
Date parse_date_option(const std::string& value, const std::string& option, bool end,
                       const Date& today);

}  // namespace brief::cli

#endif  // BRIEF_SRC_CLI_OPTIONS_H_

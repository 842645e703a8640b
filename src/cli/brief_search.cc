// Copyright (c) 2026 The brief-search Authors. MIT licence.
// brief-search: search a brief-search index for passages.

#include <sys/ioctl.h>
#include <unistd.h>

#include <csignal>
#include <cstdlib>
#include <iostream>
#include <set>
#include <string>

#include "brief/brief.h"
#include "exit_codes.h"
#include "options.h"
#include "output.h"

namespace {

bool use_color(brief::cli::ColorMode mode) {
  if (mode == brief::cli::ColorMode::kAlways) return true;
  if (mode == brief::cli::ColorMode::kNever) return false;
  const char* no_color = std::getenv("NO_COLOR");
  if (no_color && *no_color) return false;
  const char* term = std::getenv("TERM");
  if (term && std::string(term) == "dumb") return false;
  return isatty(STDOUT_FILENO) == 1;
}

// The terminal's width in columns, or 0 when standard output is not a
// terminal.
int terminal_width() {
  if (isatty(STDOUT_FILENO) != 1) return 0;
  winsize size{};
  if (ioctl(STDOUT_FILENO, TIOCGWINSZ, &size) == 0 && size.ws_col > 0) return size.ws_col;
  return 80;
}

// A notice on stderr for each shard a search went without, once each.
void warn_if_partial(const brief::SearchResults& results) {
  static std::set<std::string> told;
  for (const auto& shard : results.unavailable_shards)
    if (told.insert(shard).second)
      std::cerr << "brief-search: partial results: shard left out: " << shard << "\n";
}

// --batch: one search per line of standard input, each answered with the
// hits and summary --json prints. A line that fails (a bad query) gets an
// error object instead and the rest still run. Exit status: 0 when every
// line ran, 2 when one failed, 75 when the index was busy.
int run_batch(brief::Searcher& searcher, const brief::cli::SearchCommand& cmd,
              brief::cli::Printer& printer) {
  int status = brief::cli::kExitOk;
  std::size_t line_no = 0;
  for (std::string line; std::getline(std::cin, line);) {
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.find_first_not_of(" \t") == std::string::npos) continue;
    brief::SearchRequest request = cmd.request;
    request.query = line;
    try {
      brief::SearchResults results = searcher.search(request);
      warn_if_partial(results);
      printer.begin(results);
      for (const auto& hit : results.hits) printer.hit(hit);
      printer.summary(request, results);
    } catch (const brief::Error& e) {
      printer.error(line_no, line, e.what());
      int code = brief::cli::exit_code_for(e.code());
      if (code != brief::cli::kExitOk && status != brief::cli::kExitTempFail) status = code;
    }
    std::cout.flush();
    if (!std::cout) return brief::cli::kExitOk;  // Broken pipe.
  }
  return status;
}

}  // namespace

int main(int argc, char** argv) try {
  // A closed pipe (brief-search ... | head) ends the run quietly.
  std::signal(SIGPIPE, SIG_IGN);
  brief::cli::SearchCommand cmd = brief::cli::parse_search_command(argc, argv);
  if (cmd.help) {
    std::cout << cmd.help_text;
    return brief::cli::kExitOk;
  }
  if (cmd.version) {
    std::cout << "brief-search " << brief::version() << "\n";
    return brief::cli::kExitOk;
  }
  brief::Searcher searcher = brief::Searcher::open(cmd.index_path, cmd.open);
  auto printer = brief::cli::make_printer(
      std::cout, {.json = cmd.json,
                  .color = use_color(cmd.color),
                  .terminal_width = terminal_width(),
                  .context = cmd.request.context > 0,
                  .explain = cmd.explain});
  if (cmd.list_speakers) {
    auto people = searcher.speakers(cmd.request);
    printer->speakers(people);
    std::cout.flush();
    return people.empty() ? brief::cli::kExitNoResults : brief::cli::kExitOk;
  }
  if (cmd.batch) return run_batch(searcher, cmd, *printer);
  if (cmd.timeline) {
    brief::Timeline timeline = searcher.timeline(cmd.request, cmd.timeline_by);
    printer->timeline(timeline);
    std::cout.flush();
    if (!std::cout) return brief::cli::kExitOk;  // Broken pipe.
    return timeline.total == 0 ? brief::cli::kExitNoResults : brief::cli::kExitOk;
  }
  brief::SearchResults results = searcher.search(cmd.request);
  warn_if_partial(results);
  printer->begin(results);
  for (const auto& hit : results.hits) printer->hit(hit);
  printer->summary(cmd.request, results);
  std::cout.flush();
  if (!std::cout) return brief::cli::kExitOk;  // Broken pipe.
  return results.hits.empty() ? brief::cli::kExitNoResults : brief::cli::kExitOk;
} catch (const brief::cli::UsageError& e) {
  std::cerr << "brief-search: error: " << e.what() << "\n";
  return brief::cli::kExitError;
} catch (const brief::Error& e) {
  std::cerr << "brief-search: error: " << e.what() << "\n";
  return brief::cli::exit_code_for(e.code());
} catch (const std::exception& e) {
  std::cerr << "brief-search: error: " << e.what() << "\n";
  return brief::cli::kExitError;
}

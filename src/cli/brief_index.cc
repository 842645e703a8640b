// Copyright (c) 2026 The brief-search Authors. MIT licence.
// brief-index: build or update a brief-search index.

#include <unistd.h>

#include <cmath>
#include <cstdio>
#include <iostream>
#include <nlohmann/json.hpp>

#include "brief/brief.h"
#include "exit_codes.h"
#include "options.h"
#include "output.h"

namespace {

// "1,234/10,712 files  45,678 passages  2,345 passages/s  0:32 left",
// redrawn in place on a terminal; into a file or a pipe (--progress), a
// plain line every 5 seconds instead, without terminal escapes.
void show_progress(const brief::IndexProgress& p, bool terminal) {
  static double last_line = -1;
  if (!terminal) {
    if (last_line >= 0 && p.seconds - last_line < 5 && p.files_done < p.files_total) return;
    last_line = p.seconds;
  }
  double rate = p.seconds > 0 ? static_cast<double>(p.passages_done) / p.seconds : 0;
  double files_rate = p.seconds > 0 ? static_cast<double>(p.files_done) / p.seconds : 0;
  std::int64_t left_files = p.files_total - p.files_done;
  char eta[32] = "--:--";
  if (files_rate > 0 && left_files >= 0) {
    long secs = std::lround(static_cast<double>(left_files) / files_rate);
    std::snprintf(eta, sizeof eta, "%ld:%02ld", secs / 60, secs % 60);
  }
  std::fprintf(stderr, "%s%lld/%lld files  %lld passages  %.0f passages/s  %s left%s",
               terminal ? "\r\x1b[K" : "", static_cast<long long>(p.files_done),
               static_cast<long long>(p.files_total), static_cast<long long>(p.passages_done),
               rate, eta, terminal ? "" : "\n");
  std::fflush(stderr);
}

std::string date_or_none(const std::optional<brief::Date>& d) {
  return d ? d->iso() : std::string("none");
}

// --stats.
int print_statistics(const brief::cli::IndexCommand& cmd) {
  brief::IndexStatistics s = brief::index_statistics(cmd.index_path);
  if (cmd.json) {
    nlohmann::ordered_json j = {{"type", "index-stats"},
                                {"schema", brief::cli::kJsonSchemaVersion},
                                {"index", cmd.index_path},
                                {"files", s.files},
                                {"articles", s.articles},
                                {"passages", s.passages},
                                {"undated_files", s.undated_files},
                                {"speaker_spellings", s.speakers},
                                {"synonym_keys", s.synonyms},
                                {"oldest", s.oldest ? nlohmann::ordered_json(s.oldest->iso()) : nullptr},
                                {"newest", s.newest ? nlohmann::ordered_json(s.newest->iso()) : nullptr},
                                {"disk_bytes", s.disk_bytes},
                                {"shards", s.shards},
                                {"shard_by", s.shard_by.empty() ? nlohmann::ordered_json(nullptr)
                                                                : nlohmann::ordered_json(s.shard_by)}};
    std::cout << j.dump() << "\n";
    return brief::cli::kExitOk;
  }
  std::cout << "index:      " << cmd.index_path << "\n"
            << "files:      " << s.files << " (" << s.undated_files << " with an undated article)\n"
            << "articles:   " << s.articles << "\n"
            << "passages:   " << s.passages << "\n"
            << "dates:      " << date_or_none(s.oldest) << " to " << date_or_none(s.newest) << "\n"
            << "speakers:   " << s.speakers << " spellings\n"
            << "synonyms:   " << s.synonyms << " keys\n"
            << "disk:       " << (s.disk_bytes + (1 << 19)) / (1 << 20) << " MiB\n";
  if (s.shards > 0)
    std::cout << "shards:     " << s.shards
              << (s.shard_by.empty() ? std::string() : " (by " + s.shard_by + ")") << "\n";
  return brief::cli::kExitOk;
}

// --check: exit 0 when sound, 2 when not.
int print_check(const brief::cli::IndexCommand& cmd) {
  brief::IndexCheck c = brief::check_index(cmd.index_path);
  if (cmd.json) {
    nlohmann::ordered_json j = {{"type", "index-check"},
                                {"schema", brief::cli::kJsonSchemaVersion},
                                {"index", cmd.index_path},
                                {"ok", c.ok()},
                                {"files", c.files},
                                {"passages", c.passages},
                                {"problems", c.problems}};
    std::cout << j.dump() << "\n";
  } else if (c.ok()) {
    if (!cmd.quiet)
      std::cout << "index " << cmd.index_path << ": sound (" << c.files << " files, "
                << c.passages << " passages checked)\n";
  } else {
    for (const auto& p : c.problems) std::cout << "problem: " << p << "\n";
  }
  if (c.ok()) return brief::cli::kExitOk;
  std::cerr << "brief-index: error: index " << cmd.index_path << ": " << c.problems.size()
            << " problem(s) found; rebuild it with brief-index --rebuild --index "
            << cmd.index_path << " PATH...\n";
  return brief::cli::kExitError;
}

}  // namespace

int main(int argc, char** argv) try {
  brief::cli::IndexCommand cmd = brief::cli::parse_index_command(argc, argv);
  if (cmd.help) {
    std::cout << cmd.help_text;
    return brief::cli::kExitOk;
  }
  if (cmd.version) {
    std::cout << "brief-index " << brief::version() << "\n";
    return brief::cli::kExitOk;
  }
  if (cmd.stats) return print_statistics(cmd);
  if (cmd.check) return print_check(cmd);
  const bool terminal = isatty(STDERR_FILENO) == 1;
  bool progress = cmd.progress.value_or(terminal);
  if (progress)
    cmd.options.progress = [terminal](const brief::IndexProgress& p) { show_progress(p, terminal); };
  brief::Indexer indexer = brief::Indexer::open(cmd.index_path, cmd.options);
  brief::IndexStats stats = indexer.update(cmd.inputs);
  if (progress && terminal) std::fprintf(stderr, "\r\x1b[K");
  if (!cmd.quiet) {
    auto printer = brief::cli::make_printer(std::cout, {.json = cmd.json, .color = false});
    printer->index_stats(stats);
  }
  return brief::cli::kExitOk;
} catch (const brief::cli::UsageError& e) {
  std::cerr << "brief-index: error: " << e.what() << "\n";
  return brief::cli::kExitError;
} catch (const brief::Error& e) {
  std::cerr << "brief-index: error: " << e.what() << "\n";
  return brief::cli::exit_code_for(e.code());
} catch (const std::exception& e) {
  std::cerr << "brief-index: error: " << e.what() << "\n";
  return brief::cli::kExitError;
}

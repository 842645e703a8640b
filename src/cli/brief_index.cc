// Copyright (c) 2026 The brief-search Authors. MIT licence.
// brief-index: build or update a brief-search index.

#include <unistd.h>

#include <cmath>
#include <cstdio>
#include <iostream>

#include "brief/brief.h"
#include "exit_codes.h"
#include "options.h"
#include "output.h"

namespace {

// "  1,234/10,712 files  45,678 passages  2,345/s  0:32 left" on one line.
void show_progress(const brief::IndexProgress& p) {
  double rate = p.seconds > 0 ? static_cast<double>(p.passages_done) / p.seconds : 0;
  double files_rate = p.seconds > 0 ? static_cast<double>(p.files_done) / p.seconds : 0;
  std::int64_t left_files = p.files_total - p.files_done;
  char eta[32] = "--:--";
  if (files_rate > 0 && left_files >= 0) {
    long secs = std::lround(static_cast<double>(left_files) / files_rate);
    std::snprintf(eta, sizeof eta, "%ld:%02ld", secs / 60, secs % 60);
  }
  std::fprintf(stderr, "\r\x1b[K%lld/%lld files  %lld passages  %.0f passages/s  %s left",
               static_cast<long long>(p.files_done), static_cast<long long>(p.files_total),
               static_cast<long long>(p.passages_done), rate, eta);
  std::fflush(stderr);
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
  bool progress = cmd.progress.value_or(isatty(STDERR_FILENO) == 1);
  if (progress) cmd.options.progress = show_progress;
  brief::Indexer indexer = brief::Indexer::open(cmd.index_path, cmd.options);
  brief::IndexStats stats = indexer.update(cmd.inputs);
  if (progress) std::fprintf(stderr, "\r\x1b[K");
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

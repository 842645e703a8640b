// Copyright (c) 2026 The brief-search Authors. MIT licence.
// bench-parse: times the indexer's stages before the Xapian writer (read
// and parse, split, attribute) on one thread over a corpus, so the cost of
// speaker attribution can be set beside a full index run.

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "brief/brief.h"

int main(int argc, char** argv) {
  if (argc != 2 && argc != 4) {
    std::fprintf(stderr, "usage: bench-parse CORPUS_DIR [--aliases FILE]\n");
    return 2;
  }
  brief::AliasTable aliases;
  if (argc == 4) {
    std::ifstream in(argv[3], std::ios::binary);
    std::ostringstream buf;
    buf << in.rdbuf();
    aliases = brief::AliasTable::parse(buf.str());
  }
  using clock = std::chrono::steady_clock;
  double parse_s = 0, split_s = 0, attribute_s = 0;
  long files = 0, failed = 0, passages = 0;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(argv[1])) {
    if (!entry.is_regular_file()) continue;
    std::string ext = entry.path().extension().string();
    if (ext != ".md" && ext != ".txt") continue;
    ++files;
    auto t0 = clock::now();
    std::vector<brief::Article> articles;
    try {
      articles = brief::load_article(entry.path().string());
    } catch (const brief::Error&) {
      ++failed;
      continue;
    }
    auto t1 = clock::now();
    parse_s += std::chrono::duration<double>(t1 - t0).count();
    for (const auto& a : articles) {
      auto t2 = clock::now();
      auto ps = brief::split_passages(a);
      auto t3 = clock::now();
      auto analysis = brief::analyze_speakers(a, ps, &aliases);
      auto t4 = clock::now();
      split_s += std::chrono::duration<double>(t3 - t2).count();
      attribute_s += std::chrono::duration<double>(t4 - t3).count();
      passages += static_cast<long>(ps.size());
    }
  }
  std::printf("files %ld failed %ld passages %ld\n", files, failed, passages);
  std::printf("read+parse %.2f s  split %.2f s  attribute %.2f s\n", parse_s, split_s,
              attribute_s);
  return 0;
}

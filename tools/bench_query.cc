// Copyright (c) 2026 The brief-search Authors. MIT licence.
// bench-query: query latency of brief-search's library against plain
// Xapian BM25 over the same passages, on one index and one query list.
//
// For each query, every system runs it --runs times; the figure is the
// median over all runs of all queries (and the 90th and 99th percentiles).
//   brief    brief::Searcher::search() with its defaults: blend, one passage
//            per article, snippets; the searcher is opened once.
//   bm25     Xapian::Enquire over the passages with QueryParser defaults
//            (OR) and English stemming, top 10, no collapse, no snippets:
//            the floor.
// Both open the database once, so process start-up is not counted.

#include <xapian.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <string>
#include <vector>

#include "brief/brief.h"

namespace {

double percentile(std::vector<double> v, double p) {
  if (v.empty()) return 0;
  std::sort(v.begin(), v.end());
  std::size_t i = static_cast<std::size_t>(p * double(v.size() - 1) + 0.5);
  return v[std::min(i, v.size() - 1)];
}

}  // namespace

int main(int argc, char** argv) try {
  std::string index, queries_file = "tools/bench-queries.txt";
  int runs = 5;
  std::string sort = "blend";
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    auto value = [&]() -> std::string {
      if (i + 1 >= argc) throw std::runtime_error(a + " needs a value");
      return argv[++i];
    };
    if (a == "--index") index = value();
    else if (a == "--queries") queries_file = value();
    else if (a == "--runs") runs = std::stoi(value());
    else if (a == "--sort") sort = value();
    else {
      std::cerr << "usage: bench-query --index DIR [--queries FILE] [--runs N] [--sort blend|relevance]\n";
      return 2;
    }
  }
  if (index.empty()) throw std::runtime_error("--index DIR is needed");
  std::vector<std::string> queries;
  std::ifstream in(queries_file);
  if (!in) throw std::runtime_error(queries_file + ": cannot read");
  for (std::string line; std::getline(in, line);)
    if (!line.empty()) queries.push_back(line);

  using clock = std::chrono::steady_clock;
  // Opening reads the speaker list and groups spellings: once per process.
  auto opened = clock::now();
  brief::Searcher searcher = brief::Searcher::open(index);
  double open_ms = std::chrono::duration<double, std::milli>(clock::now() - opened).count();
  Xapian::Database db(index);
  Xapian::QueryParser qp;
  qp.set_database(db);
  qp.set_stemmer(Xapian::Stem("english"));
  qp.set_stemming_strategy(Xapian::QueryParser::STEM_SOME);

  std::vector<double> brief_ms, bm25_ms;
  std::size_t brief_hits = 0, bm25_hits = 0;
  for (int r = 0; r < runs; ++r) {
    for (const auto& q : queries) {
      auto t0 = clock::now();
      brief::SearchRequest request;
      request.query = q;
      if (sort == "relevance") request.sort = brief::SortOrder::kRelevance;
      brief_hits += searcher.search(request).hits.size();
      auto t1 = clock::now();
      Xapian::Enquire enquire(db);
      // The floor has no prefixes: "speaker:Kirby" is two words to it.
      enquire.set_query(qp.parse_query(q));
      Xapian::MSet mset = enquire.get_mset(0, 10);
      for (auto it = mset.begin(); it != mset.end(); ++it) it.get_document().get_data();
      bm25_hits += mset.size();
      auto t2 = clock::now();
      brief_ms.push_back(std::chrono::duration<double, std::milli>(t1 - t0).count());
      bm25_ms.push_back(std::chrono::duration<double, std::milli>(t2 - t1).count());
    }
  }
  std::printf("queries %zu x %d runs; Searcher::open %.1f ms\n", queries.size(), runs, open_ms);
  std::printf("%-6s %9s %9s %9s  %s\n", "system", "p50 ms", "p90 ms", "p99 ms", "hits");
  std::printf("%-6s %9.2f %9.2f %9.2f  %zu\n", "brief", percentile(brief_ms, 0.5),
              percentile(brief_ms, 0.9), percentile(brief_ms, 0.99), brief_hits);
  std::printf("%-6s %9.2f %9.2f %9.2f  %zu\n", "bm25", percentile(bm25_ms, 0.5),
              percentile(bm25_ms, 0.9), percentile(bm25_ms, 0.99), bm25_hits);
  std::printf("brief / bm25 p50: %.2fx\n", percentile(brief_ms, 0.5) / percentile(bm25_ms, 0.5));
  return 0;
} catch (const std::exception& e) {
  std::fprintf(stderr, "bench-query: %s\n", e.what());
  return 2;
}

// Copyright (c) 2026 The brief-search Authors. MIT licence.
// libFuzzer target: query parsing and search, on a small index built once
// from two articles (one with turns, one a news story).

#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <memory>
#include <string>

#include "brief/brief.h"

namespace {

std::unique_ptr<brief::Searcher> searcher;

void write(const std::string& path, const std::string& text) {
  std::ofstream(path, std::ios::binary) << text;
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  std::string dir = "/tmp/brief-fuzz-query-" + std::to_string(getpid());
  std::filesystem::create_directories(dir + "/corpus");
  write(dir + "/corpus/2023-03-02-briefing.md",
        "---\ntitle: Press Briefing by Press Secretary Karine Jean-Pierre and John Kirby\n"
        "date: '2023-03-02'\n---\n\nMS. JEAN-PIERRE:  Good afternoon. John Kirby is here.\n\n"
        "MR. KIRBY:  Thanks, Karine. We don't want Russia to suspend New START.\n\n"
        "Q    Did Blinken meet Lavrov at the G20?\n\nMR. KIRBY:  It was a pull aside.\n");
  write(dir + "/corpus/news.txt",
        "State Department spokesman Price: no apology for the dialogue with Lavrov\n\n"
        "The Strategic Arms Reduction Treaty (START) was discussed, Price said.\n\n"
        "Russian Foreign Ministry spokeswoman Maria Zakharova said the talks were over.\n");
  brief::Indexer::open(dir + "/index").update({dir + "/corpus"});
  searcher = std::make_unique<brief::Searcher>(brief::Searcher::open(dir + "/index"));
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  brief::SearchRequest request;
  request.query.assign(reinterpret_cast<const char*>(data), size);
  request.today = brief::Date{2026, 11, 25};
  try {
    searcher->search(request);
  } catch (const brief::Error&) {
    // A clear error for a bad query is the expected outcome.
  }
  return 0;
}

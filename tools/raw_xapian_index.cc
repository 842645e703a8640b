// Copyright (c) 2026 The brief-search Authors. MIT licence.
// Minimal "raw Xapian floor" indexer: one document per paragraph, no
// metadata, used as the baseline when benchmarking brief-index.

#include <xapian.h>

#include <algorithm>
#include <chrono>
#include <cstddef>
#include <cstdio>
#include <exception>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <string>
#include <string_view>
#include <system_error>
#include <vector>

namespace {

namespace fs = std::filesystem;

// Returns true if `line` holds only ASCII whitespace and U+00A0 (C2 A0).
bool is_blank_line(std::string_view line) {
  std::size_t i = 0;
  while (i < line.size()) {
    const char c = line[i];
    if (c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v') {
      ++i;
    } else if (c == '\xC2' && i + 1 < line.size() && line[i + 1] == '\xA0') {
      i += 2;
    } else {
      return false;
    }
  }
  return true;
}

// Calls `emit(paragraph)` for every run of non-blank lines in `text`.
template <typename Emit>
void split_paragraphs(std::string_view text, Emit&& emit) {
  std::size_t para_begin = std::string_view::npos;
  std::size_t para_end = 0;
  std::size_t pos = 0;
  while (pos < text.size()) {
    std::size_t eol = text.find('\n', pos);
    if (eol == std::string_view::npos) eol = text.size();
    const std::string_view line = text.substr(pos, eol - pos);
    if (is_blank_line(line)) {
      if (para_begin != std::string_view::npos) {
        emit(text.substr(para_begin, para_end - para_begin));
        para_begin = std::string_view::npos;
      }
    } else {
      if (para_begin == std::string_view::npos) para_begin = pos;
      para_end = eol;
    }
    pos = eol + 1;
  }
  if (para_begin != std::string_view::npos) {
    emit(text.substr(para_begin, para_end - para_begin));
  }
}

// Reads a whole file into `out`; returns false on failure.
bool read_file(const fs::path& path, std::string& out) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  out.assign(std::istreambuf_iterator<char>(in),
             std::istreambuf_iterator<char>());
  return !in.bad();
}

// Expands the command-line paths into a sorted list of regular files.
std::vector<fs::path> collect_files(int argc, char** argv) {
  std::vector<fs::path> files;
  for (int i = 2; i < argc; ++i) {
    const fs::path root(argv[i]);
    std::error_code ec;
    if (fs::is_directory(root, ec)) {
      for (fs::recursive_directory_iterator it(root, ec), end; !ec && it != end;
           it.increment(ec)) {
        std::error_code type_ec;
        if (it->is_regular_file(type_ec)) files.push_back(it->path());
      }
      if (ec) {
        std::cerr << "warning: " << root.string() << ": " << ec.message()
                  << '\n';
      }
    } else if (fs::is_regular_file(root, ec)) {
      files.push_back(root);
    } else {
      std::cerr << "warning: skipping " << root.string() << '\n';
    }
  }
  std::sort(files.begin(), files.end());
  return files;
}

int run(int argc, char** argv) {
  const auto start = std::chrono::steady_clock::now();
  const std::vector<fs::path> files = collect_files(argc, argv);

  Xapian::WritableDatabase db(argv[1], Xapian::DB_CREATE_OR_OVERWRITE);
  Xapian::TermGenerator indexer;
  indexer.set_stemmer(Xapian::Stem("en"));
  indexer.set_stemming_strategy(Xapian::TermGenerator::STEM_SOME);

  std::size_t file_count = 0;
  std::size_t paragraph_count = 0;
  std::string text;
  for (const fs::path& path : files) {
    if (!read_file(path, text)) {
      std::cerr << "warning: cannot read " << path.string() << '\n';
      continue;
    }
    ++file_count;
    split_paragraphs(text, [&](std::string_view paragraph) {
      const std::string para(paragraph);
      Xapian::Document doc;
      indexer.set_document(doc);
      indexer.index_text(para);
      doc.set_data(para);
      db.add_document(doc);
      ++paragraph_count;
    });
  }
  db.commit();

  const std::chrono::duration<double> elapsed =
      std::chrono::steady_clock::now() - start;
  std::printf("files %zu paragraphs %zu seconds %.3f\n", file_count,
              paragraph_count, elapsed.count());
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 3) {
    std::cerr << "usage: raw-xapian-index DBDIR PATH...\n";
    return 2;
  }
  try {
    return run(argc, argv);
  } catch (const Xapian::Error& e) {
    std::cerr << "raw-xapian-index: " << e.get_description() << '\n';
  } catch (const std::exception& e) {
    std::cerr << "raw-xapian-index: " << e.what() << '\n';
  }
  return 1;
}

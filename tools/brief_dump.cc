// Copyright (c) 2026 The brief-search Authors. MIT licence.
// brief-dump: show how files are parsed, split and attributed, without an
// index. A developer tool for checking the parsers on real input.

#include <iostream>

#include "brief/brief.h"

int main(int argc, char** argv) {
  if (argc < 2) {
    std::cerr << "usage: brief-dump FILE...\n";
    return 2;
  }
  int status = 0;
  for (int i = 1; i < argc; ++i) {
    try {
      for (const auto& article : brief::load_article(argv[i])) {
        std::cout << "== " << article.path << "\n"
                  << "title: " << article.title << "\n"
                  << "date: " << (article.date ? article.date->iso() : "undated")
                  << " (" << brief::date_source_name(article.date_source) << ")\n"
                  << "kind: " << brief::article_kind_name(article.kind) << "\n"
                  << "byline: " << article.byline << "\nsource: " << article.source
                  << "\nurl: " << article.url << "\n";
        for (const auto& w : article.warnings) std::cout << "warning: " << w << "\n";
        auto passages = brief::split_passages(article);
        auto speakers = brief::attribute_speakers(article, passages);
        for (std::size_t p = 0; p < passages.size(); ++p) {
          std::cout << "-- " << passages[p].ordinal << " [" << passages[p].byte_begin
                    << "," << passages[p].byte_end << ")";
          if (!passages[p].turn_label.empty())
            std::cout << " label=" << passages[p].turn_label;
          for (const auto& s : speakers[p])
            std::cout << " {" << s.name << "|" << s.role << "|"
                      << brief::attribution_method_name(s.method) << "}";
          std::cout << "\n   " << passages[p].text << "\n";
        }
      }
    } catch (const brief::Error& e) {
      std::cerr << "brief-dump: " << argv[i] << ": " << e.what() << "\n";
      status = 1;
    }
  }
  return status;
}

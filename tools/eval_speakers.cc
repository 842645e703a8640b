// Copyright (c) 2026 The brief-search Authors. MIT licence.
// eval-speakers: scores the library's speaker attribution against the
// hand-labelled gold set (tests/gold/speakers.jsonl).
//
// For each gold passage it parses the source file, splits and attributes
// it as the indexer does, finds the produced passage that holds the gold
// text, and compares speaker sets after the same name grouping searches
// use (alias file plus the one-edit and surname rules). Precision, recall
// and F1 are micro-averaged over passage-speaker pairs.

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "brief/brief.h"
#include "gold_match.h"

namespace {

using brief::tools::match_key;

using nlohmann::json;

struct Options {
  std::string gold = "tests/gold/speakers.jsonl";
  std::string corpus = "../shared/corpus";
  std::string aliases = "corpus/aliases.json";
  std::string floor;  // JSON file with {"f1": x}: fail below x - 0.02.
  // Names are grouped over every file of this folder, as a search over an
  // index of it would group them. Empty: over the gold files only.
  std::string names_from = "../shared/corpus";
  bool json_output = false;
  std::string kind;  // Only this kind's errors in the worst list.
  std::size_t worst = 10;
};

struct Counts {
  long tp = 0, fp = 0, fn = 0;
  double precision() const { return tp + fp ? double(tp) / (tp + fp) : 1; }
  double recall() const { return tp + fn ? double(tp) / (tp + fn) : 1; }
  double f1() const {
    double p = precision(), r = recall();
    return p + r ? 2 * p * r / (p + r) : 0;
  }
};

struct Case {
  std::string file, kind, passage;
  std::vector<std::string> gold, predicted;
  long errors = 0;
};

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error(path + ": cannot read");
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

Options parse_args(int argc, char** argv) {
  Options o;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    auto value = [&]() -> std::string {
      if (i + 1 >= argc) throw std::runtime_error(a + " needs a value");
      return argv[++i];
    };
    if (a == "--gold") o.gold = value();
    else if (a == "--corpus") o.corpus = value();
    else if (a == "--aliases") o.aliases = value();
    else if (a == "--floor") o.floor = value();
    else if (a == "--json") o.json_output = true;
    else if (a == "--kind") o.kind = value();
    else if (a == "--names-from") o.names_from = value();
    else if (a == "--worst") o.worst = std::stoul(value());
    else if (a == "--help" || a == "-h") {
      std::cout << "usage: eval-speakers [--gold FILE] [--corpus DIR] [--aliases FILE] [--names-from DIR]\n"
                   "                     [--floor FILE] [--json] [--kind KIND] [--worst N]\n";
      std::exit(0);
    } else {
      throw std::runtime_error("unknown argument " + a);
    }
  }
  return o;
}

}  // namespace

int main(int argc, char** argv) try {
  Options opt = parse_args(argc, argv);
  brief::AliasTable aliases;
  if (!opt.aliases.empty()) aliases = brief::AliasTable::parse(read_file(opt.aliases));

  // Attribute every file of the gold set once.
  struct Produced {
    std::vector<std::string> keys;  // match_key of each passage
    std::vector<std::vector<std::string>> names;
  };
  std::map<std::string, Produced> produced;
  std::vector<Case> cases;
  std::ifstream gold(opt.gold);
  if (!gold) throw std::runtime_error(opt.gold + ": cannot read");
  for (std::string line; std::getline(gold, line);) {
    if (line.empty()) continue;
    json j = json::parse(line);
    Case c;
    c.file = j.at("file");
    c.kind = j.at("kind");
    c.passage = j.at("passage");
    for (const auto& s : j.at("speakers")) c.gold.push_back(s.get<std::string>());
    cases.push_back(std::move(c));
    std::string file = cases.back().file;
    if (produced.count(file)) continue;
    Produced& p = produced[file];
    for (const auto& article : brief::load_article(opt.corpus + "/" + file)) {
      auto passages = brief::split_passages(article);
      auto speakers = brief::attribute_speakers(article, passages, &aliases);
      for (std::size_t i = 0; i < passages.size(); ++i) {
        p.keys.push_back(match_key(passages[i].text));
        p.names.emplace_back();
        for (const auto& s : speakers[i]) p.names.back().push_back(s.name);
      }
    }
  }

  // Group every name seen, as the searcher groups an index's speakers.
  std::map<std::string, std::int64_t> name_counts, mention_counts;
  if (opt.names_from.empty()) {
    for (const auto& [file, p] : produced)
      for (const auto& names : p.names)
        for (const auto& n : names) ++name_counts[n];
  } else {
    for (const auto& entry : std::filesystem::recursive_directory_iterator(opt.names_from)) {
      if (!entry.is_regular_file()) continue;
      std::string ext = entry.path().extension().string();
      if (ext != ".md" && ext != ".txt") continue;
      try {
        for (const auto& article : brief::load_article(entry.path().string())) {
          auto passages = brief::split_passages(article);
          auto analysis = brief::analyze_speakers(article, passages, &aliases);
          for (const auto& list : analysis.speakers)
            for (const auto& s : list) ++name_counts[s.name];
          for (const auto& person : analysis.people) ++mention_counts[person];
        }
      } catch (const brief::Error&) {
        // Files that are not articles add no names.
      }
    }
  }
  for (const auto& c : cases)
    for (const auto& n : c.gold) name_counts.emplace(n, 0);
  std::vector<std::pair<std::string, std::int64_t>> names(name_counts.begin(), name_counts.end());
  std::vector<std::pair<std::string, std::int64_t>> mentions(mention_counts.begin(),
                                                             mention_counts.end());
  auto canonical = aliases.group(names, mentions);
  auto person = [&](const std::string& n) {
    auto it = canonical.find(n);
    return brief::speaker_id(it == canonical.end() ? aliases.canonical(n) : it->second);
  };

  std::map<std::string, Counts> by_kind;
  Counts all;
  long unmatched = 0;
  for (auto& c : cases) {
    const Produced& p = produced[c.file];
    std::string key = match_key(c.passage).substr(0, 60);
    auto it = std::find_if(p.keys.begin(), p.keys.end(),
                           [&](const std::string& k) { return k.find(key) != std::string::npos; });
    if (key.empty() || it == p.keys.end()) {
      ++unmatched;
      c.errors = -1;
      continue;
    }
    c.predicted = p.names[static_cast<std::size_t>(it - p.keys.begin())];
    std::set<std::string> g, pr;
    for (const auto& n : c.gold) g.insert(person(n));
    for (const auto& n : c.predicted) pr.insert(person(n));
    Counts& k = by_kind[c.kind];
    for (const auto& n : pr) (g.count(n) ? k.tp : k.fp)++, (g.count(n) ? all.tp : all.fp)++;
    for (const auto& n : g)
      if (!pr.count(n)) ++k.fn, ++all.fn;
    for (const auto& n : pr) c.errors += !g.count(n);
    for (const auto& n : g) c.errors += !pr.count(n);
  }

  std::vector<const Case*> worst;
  for (const auto& c : cases)
    if (c.errors > 0 && (opt.kind.empty() || c.kind == opt.kind)) worst.push_back(&c);
  std::stable_sort(worst.begin(), worst.end(),
                   [](const Case* a, const Case* b) { return a->errors > b->errors; });

  auto row = [](const std::string& name, const Counts& k) {
    char buf[160];
    std::snprintf(buf, sizeof buf, "%-11s P %.3f  R %.3f  F1 %.3f  (tp %ld fp %ld fn %ld)",
                  name.c_str(), k.precision(), k.recall(), k.f1(), k.tp, k.fp, k.fn);
    return std::string(buf);
  };
  if (opt.json_output) {
    json out = {{"passages", cases.size()}, {"unmatched", unmatched}};
    auto counts_json = [](const Counts& k) {
      return json{{"precision", k.precision()}, {"recall", k.recall()}, {"f1", k.f1()},
                  {"tp", k.tp}, {"fp", k.fp}, {"fn", k.fn}};
    };
    out["all"] = counts_json(all);
    for (const auto& [kind, k] : by_kind) out[kind] = counts_json(k);
    std::cout << out.dump(2) << "\n";
  } else {
    std::cout << "gold passages: " << cases.size() << " (" << unmatched
              << " not found among the produced passages, left out)\n";
    for (const auto& [kind, k] : by_kind) std::cout << row(kind, k) << "\n";
    std::cout << row("all", all) << "\n\nWorst errors:\n";
    for (std::size_t i = 0; i < worst.size() && i < opt.worst; ++i) {
      const Case& c = *worst[i];
      auto list = [](const std::vector<std::string>& v) {
        std::string s;
        for (const auto& n : v) s += (s.empty() ? "" : ", ") + n;
        return "[" + s + "]";
      };
      std::cout << "  " << c.file << "\n    \"" << c.passage.substr(0, 90) << "...\"\n    gold "
                << list(c.gold) << "  got " << list(c.predicted) << "\n";
    }
  }
  if (!opt.floor.empty()) {
    double floor = json::parse(read_file(opt.floor)).at("f1").get<double>();
    if (all.f1() < floor - 0.02) {
      std::cerr << "eval-speakers: F1 " << all.f1() << " fell below the recorded floor "
                << floor << " - 0.02\n";
      return 1;
    }
  }
  return 0;
} catch (const std::exception& e) {
  std::cerr << "eval-speakers: error: " << e.what() << "\n";
  return 2;
}

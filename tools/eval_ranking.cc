// Copyright (c) 2026 The brief-search Authors. MIT licence.
// eval-ranking: scores brief-search's ranking against the judged query set
// (tests/gold/queries.jsonl) beside two plain BM25 baselines.
//
// Systems:
//   article-bm25   Xapian BM25 over whole articles (title and body in one
//                  document), QueryParser defaults (OR), English stemming.
//   passage-bm25   Xapian BM25 over brief-search's passages with the same
//                  parser, the best passage of each article.
//   shipped        brief::Searcher with its defaults (blend, one passage per
//                  article).
//   shipped-articles  shipped's article order, each article credited like
//                  article-bm25 with its best judged passage: how much of
//                  the gap to article-bm25 is the article order and how
//                  much the passage shown.
// All three are scored per article: an article's gain is the grade of the
// passage the system shows for it (article-bm25 shows no passage, so it
// gets the best grade judged in the article, which favours it). Unjudged
// passages count as grade 0. nDCG@10 uses gain 2^grade - 1; MRR and
// recall@100 count articles of grade >= 1 as relevant.

#include <xapian.h>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>
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
#include "schema.h"

namespace {

using brief::tools::match_key;

namespace fs = std::filesystem;
using nlohmann::json;

struct Options {
  std::string gold = "tests/gold/queries.jsonl";
  std::string corpus = "../shared/corpus";
  std::string index;          // brief-search index of `corpus`; built if missing.
  std::string article_index;  // Baseline index; built if missing.
  bool baselines = false;
  bool fresh = false;  // Delete and rebuild the indexes first.
  std::string floor;  // {"ndcg10": x}: fail when the shipped nDCG@10 < x - 0.02.
  bool json_output = false;
  bool per_query = false;
  double recency_weight = -1;  // < 0: the searcher's default.
  std::size_t unjudged = 0;  // > 0: list unjudged passages in each system's top N.
};

struct Judgment {
  std::string file;  // Relative to the corpus.
  std::string key;   // match_key() of the judged passage text.
  int grade = 0;
};

struct Query {
  std::string id, query;
  std::optional<brief::Date> since, until;
  std::vector<Judgment> judgments;
};

// One result: an article (relative file path) and the passage shown.
struct Result {
  std::string file;
  std::string text;  // Empty for whole-article results.
};

struct Metrics {
  double ndcg10 = 0, mrr = 0, recall100 = 0;
  double judged10 = 0;  // Share of the first 10 results with a judgment.
};

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
    else if (a == "--index") o.index = value();
    else if (a == "--article-index") o.article_index = value();
    else if (a == "--baselines") o.baselines = true;
    else if (a == "--fresh") o.fresh = true;
    else if (a == "--floor") o.floor = value();
    else if (a == "--json") o.json_output = true;
    else if (a == "--per-query") o.per_query = true;
    else if (a == "--recency-weight") o.recency_weight = std::stod(value());
    else if (a == "--unjudged") o.unjudged = std::stoul(value());
    else if (a == "--help" || a == "-h") {
      std::cout << "usage: eval-ranking --index DIR [--gold FILE] [--corpus DIR]\n"
                   "                    [--baselines [--article-index DIR]] [--floor FILE] [--fresh]\n"
                   "                    [--per-query] [--recency-weight W] [--json]\n"
                   "                    [--unjudged N]\n"
                   "Builds --index (and --article-index) from --corpus when missing;\n"
                   "--fresh deletes them first, so the current code builds them.\n"
                   "--unjudged N prints, instead of scores, the passages each system shows\n"
                   "in its first N articles that have no judgment (JSON Lines): the pool\n"
                   "for the next judging round.\n";
      std::exit(0);
    } else {
      throw std::runtime_error("unknown argument " + a);
    }
  }
  if (o.index.empty()) throw std::runtime_error("--index DIR is needed");
  if (o.baselines && o.article_index.empty()) o.article_index = o.index + "-articles";
  return o;
}

std::vector<Query> load_gold(const std::string& path) {
  std::ifstream in(path);
  if (!in) throw std::runtime_error(path + ": cannot read");
  std::vector<Query> queries;
  for (std::string line; std::getline(in, line);) {
    if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
    json j = json::parse(line);
    Query q;
    q.id = j.at("id");
    q.query = j.at("query");
    auto date = [&](const char* key) -> std::optional<brief::Date> {
      if (!j.contains(key) || j[key].is_null()) return std::nullopt;
      auto d = brief::parse_date(j[key].get<std::string>());
      if (!d) throw std::runtime_error(q.id + ": bad " + key);
      return d;
    };
    q.since = date("since");
    q.until = date("until");
    for (const auto& jj : j.at("judgments"))
      q.judgments.push_back({jj.at("file"), match_key(jj.at("passage")), jj.at("grade")});
    queries.push_back(std::move(q));
  }
  return queries;
}

// The file path relative to the corpus folder.
std::string relative_to(const std::string& path, const fs::path& corpus) {
  std::error_code ec;
  fs::path rel = fs::relative(fs::weakly_canonical(path, ec), corpus, ec);
  return ec ? path : rel.generic_string();
}

// Grade of a shown passage: the best judgment of that file whose text the
// passage holds (or that holds the passage's start, when the splitter cut
// the paragraph shorter).
// Returns -1 when no judgment covers the shown passage (unjudged).
int grade_of(const Query& q, const Result& r) {
  int best = -1;
  std::string key = r.text.empty() ? std::string() : match_key(r.text);
  for (const auto& j : q.judgments) {
    if (j.file != r.file || j.key.empty()) continue;
    bool match = r.text.empty() || key.find(j.key.substr(0, 60)) != std::string::npos ||
                 (key.size() >= 40 && j.key.starts_with(key.substr(0, 60)));
    if (match) best = std::max(best, j.grade);
  }
  return best;
}

Metrics score(const Query& q, const std::vector<Result>& results) {
  std::map<std::string, int> ideal_by_file;
  for (const auto& j : q.judgments) ideal_by_file[j.file] = std::max(ideal_by_file[j.file], j.grade);
  std::vector<int> ideal;
  std::size_t relevant = 0;
  for (const auto& [file, g] : ideal_by_file) {
    ideal.push_back(g);
    if (g >= 1) ++relevant;
  }
  std::sort(ideal.rbegin(), ideal.rend());
  auto dcg = [](const std::vector<int>& grades) {
    double d = 0;
    for (std::size_t i = 0; i < grades.size() && i < 10; ++i)
      d += (std::pow(2.0, grades[i]) - 1) / std::log2(double(i) + 2);
    return d;
  };
  std::vector<int> got;
  Metrics m;
  std::size_t found = 0;
  std::set<std::string> seen;
  for (std::size_t i = 0; i < results.size() && i < 100; ++i) {
    if (!seen.insert(results[i].file).second) continue;  // One per article.
    int g = grade_of(q, results[i]);
    if (got.size() < 10 && g >= 0) m.judged10 += 0.1;
    g = std::max(g, 0);  // Unjudged counts as not relevant.
    got.push_back(g);
    if (g >= 1) {
      if (m.mrr == 0) m.mrr = 1.0 / double(got.size());
      ++found;
    }
  }
  double best = dcg(ideal);
  m.ndcg10 = best > 0 ? dcg(got) / best : 0;
  m.recall100 = relevant ? double(found) / double(relevant) : 0;
  return m;
}

// Baseline queries have no speaker field: `speaker:"John Kirby" Ukraine`
// becomes `"John Kirby" Ukraine`, words a plain engine would search.
std::string plain_query(std::string q) {
  for (std::size_t p; (p = q.find("speaker:")) != std::string::npos;) q.erase(p, 8);
  return q;
}

Xapian::Query date_filter(const Xapian::Query& q, const Query& gold) {
  if (!gold.since && !gold.until) return q;
  std::string lo = gold.since ? std::to_string(gold.since->number()) : "00000000";
  std::string hi = gold.until ? std::to_string(gold.until->number()) : "99999999";
  return Xapian::Query(Xapian::Query::OP_FILTER, q,
                       Xapian::Query(Xapian::Query::OP_VALUE_RANGE, 0, lo, hi));
}

Xapian::QueryParser plain_parser(const Xapian::Database& db) {
  Xapian::QueryParser qp;
  qp.set_database(db);
  qp.set_stemmer(Xapian::Stem("english"));
  qp.set_stemming_strategy(Xapian::QueryParser::STEM_SOME);
  return qp;
}

// Baseline (a): one Xapian document per article.
void build_article_index(const std::string& dir, const std::string& corpus) {
  std::cerr << "eval-ranking: building the article baseline index in " << dir << "\n";
  Xapian::WritableDatabase db(dir, Xapian::DB_CREATE_OR_OVERWRITE);
  Xapian::TermGenerator tg;
  tg.set_stemmer(Xapian::Stem("english"));
  tg.set_stemming_strategy(Xapian::TermGenerator::STEM_SOME);
  for (const auto& entry : fs::recursive_directory_iterator(corpus)) {
    if (!entry.is_regular_file()) continue;
    std::string ext = entry.path().extension().string();
    std::string name = entry.path().filename().string();
    if ((ext != ".md" && ext != ".txt") || name == "SOURCE.md" || name == "README.md") continue;
    std::vector<brief::Article> articles;
    try {
      articles = brief::load_article(entry.path().string());
    } catch (const brief::Error&) {
      continue;
    }
    for (const auto& a : articles) {
      Xapian::Document doc;
      tg.set_document(doc);
      tg.index_text(a.title);
      for (const auto& p : a.paragraphs) {
        tg.increase_termpos();
        tg.index_text(p.text);
      }
      doc.set_data(fs::relative(entry.path(), corpus).generic_string());
      if (a.date) doc.add_value(0, std::to_string(a.date->number()));
      db.add_document(doc);
    }
  }
  db.commit();
}

std::vector<Result> run_article_bm25(const Xapian::Database& db, const Query& q) {
  Xapian::QueryParser qp = plain_parser(db);
  Xapian::Enquire enquire(db);
  enquire.set_query(date_filter(qp.parse_query(plain_query(q.query)), q));
  std::vector<Result> out;
  for (auto it = enquire.get_mset(0, 100).begin(); it != Xapian::MSetIterator(); ++it)
    out.push_back({it.get_document().get_data(), {}});
  return out;
}

// Baseline (a) as a reader sees it: each article shown by its best
// passage for the query (what a snippet would show), by passage BM25
// within the article. Without such a passage, the article's best grade.
std::vector<Result> run_article_bm25_shown(const Xapian::Database& articles,
                                           const Xapian::Database& passages, const Query& q,
                                           const fs::path& corpus) {
  std::vector<Result> out = run_article_bm25(articles, q);
  Xapian::QueryParser qp = plain_parser(passages);
  Xapian::Query query = qp.parse_query(plain_query(q.query));
  for (auto& r : out) {
    std::string key = brief::schema::file_key((corpus / r.file).string());
    Xapian::Enquire enquire(passages);
    enquire.set_query(Xapian::Query(Xapian::Query::OP_FILTER, query,
                                    Xapian::Query(std::string(brief::schema::kFile) + key)));
    Xapian::MSet best = enquire.get_mset(0, 1);
    if (best.empty()) continue;
    json data = json::parse(best.begin().get_document().get_data(), nullptr, false);
    if (data.is_object()) r.text = data.value("text", "");
  }
  return out;
}

std::vector<Result> run_passage_bm25(const Xapian::Database& db, const Query& q,
                                     const fs::path& corpus) {
  Xapian::QueryParser qp = plain_parser(db);
  Xapian::Enquire enquire(db);
  enquire.set_query(date_filter(qp.parse_query(plain_query(q.query)), q));
  enquire.set_collapse_key(brief::schema::kArticle);  // The best passage of each.
  std::vector<Result> out;
  for (auto it = enquire.get_mset(0, 100).begin(); it != Xapian::MSetIterator(); ++it) {
    Xapian::Document doc = it.get_document();
    json data = json::parse(doc.get_data(), nullptr, false);
    if (!data.is_object()) continue;
    // Only an article's first passage stores its path.
    json first = json::parse(
        brief::schema::article_data(db, doc.get_value(brief::schema::kArticle)), nullptr, false);
    std::string path = first.is_object() ? first.value("path", "") : "";
    out.push_back({relative_to(path, corpus), data.value("text", "")});
  }
  return out;
}

// Prints the passages of `results`' first `depth` articles that no
// judgment covers, one JSON object per line.
void print_unjudged(const Query& q, const std::string& system, const std::vector<Result>& results,
                    std::size_t depth) {
  std::set<std::string> seen;
  std::size_t rank = 0;
  for (const auto& r : results) {
    if (!seen.insert(r.file).second) continue;
    if (++rank > depth) break;
    if (r.text.empty() || grade_of(q, r) >= 0) continue;
    std::cout << json{{"id", q.id}, {"system", system}, {"rank", rank}, {"file", r.file},
                      {"text", r.text}}
                     .dump()
              << "\n";
  }
}

std::vector<Result> run_shipped(brief::Searcher& searcher, const Query& q,
                                const fs::path& corpus, double recency_weight) {
  brief::SearchRequest r;
  if (recency_weight >= 0) r.recency_weight = recency_weight;
  r.query = q.query;
  r.since = q.since;
  r.until = q.until;
  r.limit = 100;
  std::vector<Result> out;
  for (const auto& h : searcher.search(r).hits)
    out.push_back({relative_to(h.path, corpus), h.text});
  return out;
}

}  // namespace

int main(int argc, char** argv) try {
  Options opt = parse_args(argc, argv);
  fs::path corpus = fs::weakly_canonical(opt.corpus);
  std::vector<Query> queries = load_gold(opt.gold);

  if (opt.fresh) {
    fs::remove_all(opt.index);
    if (!opt.article_index.empty()) fs::remove_all(opt.article_index);
  }
  if (!fs::exists(opt.index)) {
    std::cerr << "eval-ranking: indexing " << corpus.string() << " into " << opt.index << "\n";
    brief::Indexer::open(opt.index).update({corpus.string()});
  }
  brief::Searcher searcher = brief::Searcher::open(opt.index);
  std::optional<Xapian::Database> passages, articles;
  if (opt.baselines) {
    passages.emplace(opt.index);
    if (!fs::exists(opt.article_index)) build_article_index(opt.article_index, corpus.string());
    articles.emplace(opt.article_index);
  }

  std::vector<std::string> systems = {"shipped"};
  if (opt.baselines)
    systems = {"article-bm25", "article-shown", "passage-bm25", "shipped", "shipped-articles"};
  std::map<std::string, std::vector<Metrics>> per_system;
  for (const auto& q : queries) {
    std::vector<Result> shipped;
    for (const auto& s : systems) {
      std::vector<Result> results;
      try {
        if (s == "shipped-articles") {
          results = shipped;
          for (auto& r : results) r.text.clear();  // Scored as a whole article.
        } else if (s == "article-bm25") results = run_article_bm25(*articles, q);
        else if (s == "article-shown")
          results = run_article_bm25_shown(*articles, *passages, q, corpus);
        else if (s == "passage-bm25") results = run_passage_bm25(*passages, q, corpus);
        else results = shipped = run_shipped(searcher, q, corpus, opt.recency_weight);
      } catch (const std::exception& e) {
        std::cerr << "eval-ranking: " << q.id << " (" << s << "): " << e.what() << "\n";
      }
      per_system[s].push_back(score(q, results));
      if (opt.unjudged) print_unjudged(q, s, results, opt.unjudged);
    }
  }

  auto mean = [](const std::vector<Metrics>& ms, double Metrics::*field) {
    double sum = 0;
    for (const auto& m : ms) sum += m.*field;
    return ms.empty() ? 0 : sum / double(ms.size());
  };
  json report{{"queries", queries.size()}, {"systems", json::object()}};
  for (const auto& s : systems) {
    const auto& ms = per_system[s];
    report["systems"][s] = {{"ndcg10", mean(ms, &Metrics::ndcg10)},
                            {"mrr", mean(ms, &Metrics::mrr)},
                            {"recall100", mean(ms, &Metrics::recall100)},
                            {"judged10", mean(ms, &Metrics::judged10)}};
  }
  if (opt.baselines) {
    const auto& base = per_system["article-bm25"];
    const auto& ours = per_system["shipped"];
    std::size_t worse = 0;
    for (std::size_t i = 0; i < ours.size(); ++i)
      if (ours[i].ndcg10 + 1e-9 < base[i].ndcg10) ++worse;
    double b = mean(base, &Metrics::ndcg10);
    report["shipped_vs_article_ndcg10"] = b > 0 ? mean(ours, &Metrics::ndcg10) / b : 0;
    report["queries_below_article_bm25"] = worse;
  }

  if (opt.unjudged) return 0;
  if (opt.json_output) {
    std::cout << report.dump(2) << "\n";
  } else {
    std::printf("judged queries: %zu\n", queries.size());
    std::printf("%-16s %8s %8s %10s %9s\n", "system", "nDCG@10", "MRR", "recall@100",
                "judged@10");
    for (const auto& s : systems)
      std::printf("%-16s %8.3f %8.3f %10.3f %9.3f\n", s.c_str(),
                  report["systems"][s]["ndcg10"].get<double>(),
                  report["systems"][s]["mrr"].get<double>(),
                  report["systems"][s]["recall100"].get<double>(),
                  report["systems"][s]["judged10"].get<double>());
    if (opt.baselines)
      std::printf("shipped / article-bm25 nDCG@10: %.2fx; shipped below article-bm25 on %zu of %zu "
                  "queries\n",
                  report["shipped_vs_article_ndcg10"].get<double>(),
                  report["queries_below_article_bm25"].get<std::size_t>(), queries.size());
    if (opt.per_query) {
      std::printf("\n%-5s", "id");
      for (const auto& s : systems) std::printf(" %16s", s.c_str());
      std::printf("  query\n");
      for (std::size_t i = 0; i < queries.size(); ++i) {
        std::printf("%-5s", queries[i].id.c_str());
        for (const auto& s : systems) std::printf(" %16.3f", per_system[s][i].ndcg10);
        std::printf("  %s\n", queries[i].query.c_str());
      }
    }
  }

  if (!opt.floor.empty()) {
    std::ifstream in(opt.floor);
    if (!in) throw std::runtime_error(opt.floor + ": cannot read");
    json f = json::parse(in);
    double floor = f.at("ndcg10").get<double>();
    double got = report["systems"]["shipped"]["ndcg10"].get<double>();
    if (got < floor - 0.02) {
      std::fprintf(stderr, "eval-ranking: nDCG@10 %.3f is below the floor %.3f - 0.02\n", got,
                   floor);
      return 1;
    }
    std::printf("floor: nDCG@10 %.3f >= %.3f - 0.02\n", got, floor);
  }
  return 0;
} catch (const std::exception& e) {
  std::fprintf(stderr, "eval-ranking: %s\n", e.what());
  return 2;
}

// Copyright (c) 2026 The brief-search Authors. MIT licence.
// Printing search results and index summaries as text or JSON Lines.

#include "output.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <nlohmann/json.hpp>

#include "brief/article.h"

namespace brief::cli {

namespace {

using json = nlohmann::ordered_json;

constexpr const char* kBold = "\x1b[1m";
constexpr const char* kMatch = "\x1b[1;31m";
constexpr const char* kDim = "\x1b[2m";
constexpr const char* kReset = "\x1b[0m";

std::string speakers_text(const Hit& hit) {
  std::string s;
  for (const auto& sp : hit.speakers) {
    if (!s.empty()) s += ", ";
    s += sp.name;
  }
  return s.empty() ? "(no speaker)" : s;
}

// "about " before an estimate, "more than " before a lower bound.
std::string_view total_qualifier(const SearchResults& results) {
  if (results.total_exact) return "";
  return results.total_at_least ? "more than " : "about ";
}

std::string format_count(std::int64_t n) {
  std::string digits = std::to_string(n < 0 ? -n : n);
  std::string out;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i && (digits.size() - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  return n < 0 ? "-" + out : out;
}

json facets_json(const std::vector<FacetCount>& facets) {
  json list = json::array();
  for (const auto& f : facets) list.push_back({{"value", f.value}, {"count", f.count}});
  return list;
}

// The widest bar of a timeline when standard output is not a terminal.
constexpr int kDefaultBarWidth = 60;

class TextPrinter : public Printer {
 public:
  TextPrinter(std::ostream& out, const PrinterOptions& options)
      : out_(out),
        color_(options.color),
        terminal_width_(options.terminal_width),
        context_(options.context),
        explain_(options.explain) {}

  void begin(const SearchResults& results) override {
    if (explain_) out_ << "Parsed query: " << results.parsed_query << "\n\n";
  }

  void hit(const Hit& hit) override {
    out_ << style(kBold) << hit.rank << ". " << (hit.date ? hit.date->iso() : "undated")
         << "  " << speakers_text(hit) << style(kReset) << "  " << hit.title << "\n";
    out_ << "   " << style(kDim) << display_path(hit.path) << "  passage " << hit.ordinal
         << "  bytes " << hit.byte_begin << "-" << hit.byte_end << style(kReset) << "\n";
    if (explain_) out_ << "   " << style(kDim) << score_parts(hit) << style(kReset) << "\n";
    // The question that matched, above its answer (with --context it is
    // among the passages before).
    if (hit.question && !context_)
      out_ << "   " << style(kDim) << "Q [" << hit.question->ordinal << "] "
           << excerpt(hit.question->text, kQuestionBytes) << style(kReset) << "\n";
    if (!context_) {
      out_ << "   " << highlighted(hit) << "\n\n";
      return;
    }
    // As grep -C: the passages around the hit marked "-", the hit ">".
    for (const auto& p : hit.context_before) context_line(p);
    out_ << "   > [" << hit.ordinal << "] " << highlighted(hit) << "\n";
    for (const auto& p : hit.context_after) context_line(p);
    out_ << "\n";
  }

  void summary(const SearchRequest& request, const SearchResults& results) override {
    std::int64_t shown = static_cast<std::int64_t>(results.hits.size());
    if (shown == 0 && request.offset > 0 && results.total > 0) {
      // Past the last hit: the passages still match.
      out_ << "No hits from " << request.offset + 1 << " on; "
           << total_qualifier(results) << format_count(results.total)
           << (results.total == 1 ? " matching passage.\n" : " matching passages.\n");
    } else if (shown == 0) {
      out_ << "No passages match.\n";
    } else {
      out_ << "Hits " << request.offset + 1 << "-" << request.offset + shown
           << (request.one_per_article ? " (best passage of each article)" : "") << "; "
           << total_qualifier(results) << format_count(results.total)
           << (results.total == 1 ? " matching passage.\n" : " matching passages.\n");
    }
    if (!results.suggestion.empty())
      out_ << "Did you mean: " << results.suggestion << " (" << format_count(results.suggestion_total)
           << (results.suggestion_total == 1 ? " passage)?\n" : " passages)?\n");
    if (!request.facets) return;
    out_ << "\nSpeakers:\n";
    std::int64_t attributed = 0;
    for (const auto& f : results.speaker_facets) {
      out_ << "  " << format_count(f.count) << "  " << f.value << "\n";
      attributed += f.count;
    }
    if (results.speaker_facets.empty()) out_ << "  (none)\n";
    out_ << "Months:\n";
    std::int64_t dated = 0;
    for (const auto& f : results.month_facets) {
      out_ << "  " << format_count(f.count) << "  " << f.value << "\n";
      dated += f.count;
    }
    if (results.total_exact && results.total > dated)
      out_ << "  " << format_count(results.total - dated) << "  undated\n";
  }

  void speakers(const std::vector<SpeakerSummary>& people) override {
    for (const auto& p : people) {
      out_ << format_count(p.passages) << "  " << style(kBold) << p.name << style(kReset);
      std::string roles, aliases;
      for (const auto& r : p.roles) roles += (roles.empty() ? "" : "; ") + r;
      for (const auto& a : p.aliases) aliases += (aliases.empty() ? "" : ", ") + a;
      if (!roles.empty()) out_ << "  (" << roles << ")";
      if (!aliases.empty()) out_ << "  also: " << aliases;
      out_ << "\n";
    }
    out_ << people.size() << (people.size() == 1 ? " speaker.\n" : " speakers.\n");
  }

  // One line per period: the period, the count right-aligned and a bar
  // as long as the count is against the largest (at least one block for a
  // count above 0). Then the first and last passage.
  void error(std::size_t line, const std::string& query, const std::string& message) override {
    out_ << "line " << line << " (" << query << "): error: " << message << "\n";
  }

  void timeline(const Timeline& t) override {
    std::int64_t most = 0;
    for (const auto& b : t.buckets) most = std::max(most, b.count);
    std::size_t count_width = format_count(most).size();
    std::size_t period_width = t.buckets.empty() ? 0 : t.buckets.front().period.size();
    int bar_width = kDefaultBarWidth;
    if (terminal_width_ > 0)
      bar_width = std::max(10, terminal_width_ - static_cast<int>(period_width + count_width) - 5);
    for (const auto& b : t.buckets) {
      std::string count = format_count(b.count);
      out_ << b.period << "  " << std::string(count_width - count.size(), ' ') << count;
      if (b.count > 0) {
        auto blocks = std::max<std::int64_t>(
            1, (b.count * bar_width + most / 2) / std::max<std::int64_t>(most, 1));
        out_ << "  ";
        for (std::int64_t i = 0; i < blocks; ++i) out_ << "█";
      }
      out_ << "\n";
    }
    if (t.total == 0) {
      out_ << "No passages match.\n";
      return;
    }
    if (!t.buckets.empty()) out_ << "\n";
    if (t.first) end_line("first:", *t.first);
    if (t.last) end_line("last: ", *t.last);
    out_ << format_count(t.total) << (t.total == 1 ? " matching passage" : " matching passages");
    if (t.undated == t.total)
      out_ << (t.total == 1 ? ", undated.\n" : ", all undated.\n");
    else if (t.undated > 0)
      out_ << " (" << format_count(t.undated) << " undated, not counted above).\n";
    else
      out_ << ".\n";
  }

  void index_stats(const IndexStats& s) override {
    out_ << "Indexed " << format_count(s.files_seen) << " files in " << fixed(s.seconds, 1)
         << " s: " << format_count(s.passages) << " passages written";
    if (s.seconds > 0 && s.passages > 0)
      out_ << " (" << format_count(static_cast<std::int64_t>(s.passages / s.seconds))
           << " passages/s)";
    out_ << ".\n";
    out_ << "added: " << s.added << "\nupdated: " << s.updated << "\nremoved: " << s.removed
         << "\nunchanged: " << s.unchanged << "\nfailed: " << s.failures.size()
         << "\nundated: " << s.undated.size() << "\npassages: " << s.passages << "\n";
    constexpr std::size_t kListed = 20;
    if (!s.undated.empty()) {
      out_ << "\nUndated (no date found; searchable, never given one):\n";
      for (std::size_t i = 0; i < s.undated.size() && i < kListed; ++i)
        out_ << "  " << display_path(s.undated[i]) << "\n";
      if (s.undated.size() > kListed)
        out_ << "  ... and " << s.undated.size() - kListed << " more (see --json)\n";
    }
    if (!s.warnings.empty()) {
      out_ << "\nWarnings (indexed anyway):\n";
      for (std::size_t i = 0; i < s.warnings.size() && i < kListed; ++i)
        out_ << "  " << display_path(s.warnings[i].path) << ": " << s.warnings[i].reason << "\n";
      if (s.warnings.size() > kListed)
        out_ << "  ... and " << s.warnings.size() - kListed << " more (see --json)\n";
    }
    if (!s.failures.empty()) {
      out_ << "\nFailed (not indexed):\n";
      for (const auto& f : s.failures)
        out_ << "  " << display_path(f.path) << ": " << f.reason << "\n";
    }
  }

 private:
  const char* style(const char* code) const { return color_ ? code : ""; }

  // "score S = relevance R × recency F (why F)", or "score S = relevance
  // R (no recency factor)" when nothing was blended in.
  static std::string score_parts(const Hit& hit) {
    std::string line = "score " + fixed(hit.score, 4) + " = relevance " + fixed(hit.relevance, 4);
    if (hit.age_days) {
      long days = std::lround(*hit.age_days);
      return line + " × recency " + fixed(hit.recency, 4) + " (" + std::to_string(days) +
             (days == 1 ? " day" : " days") + " before the newest passage)";
    }
    if (hit.recency != 1)
      return line + " × recency " + fixed(hit.recency, 4) + " (undated)";
    return line + " (no recency factor)";
  }

  // How much of a question is shown above its answer.
  static constexpr std::size_t kQuestionBytes = 160;

  // `text` cut at a space before `bytes` (a space is never inside a UTF-8
  // sequence), with "…" when cut.
  static std::string excerpt(const std::string& text, std::size_t bytes) {
    if (text.size() <= bytes) return text;
    std::size_t cut = text.rfind(' ', bytes);
    if (cut == std::string::npos || cut == 0) cut = bytes;
    while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
    return text.substr(0, cut) + "…";
  }

  // "   - [N] SPEAKERS: TEXT", dim, for a passage around a hit.
  void context_line(const ContextPassage& p) {
    out_ << "   " << style(kDim) << "- [" << p.ordinal << "] ";
    std::string names;
    for (const auto& sp : p.speakers) names += (names.empty() ? "" : ", ") + sp.name;
    if (!names.empty()) out_ << names << ": ";
    out_ << p.text << style(kReset) << "\n";
  }

  // "first: DATE  SPEAKERS  TITLE  (PATH, passage N)".
  void end_line(const char* label, const Hit& hit) {
    out_ << label << " " << style(kBold) << (hit.date ? hit.date->iso() : "undated") << "  "
         << speakers_text(hit) << style(kReset) << "  " << hit.title << "  " << style(kDim)
         << "(" << display_path(hit.path) << ", passage " << hit.ordinal << ")" << style(kReset)
         << "\n";
  }

  static std::string fixed(double v, int decimals) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.*f", decimals, v);
    return buf;
  }

  std::string highlighted(const Hit& hit) const {
    if (!color_) return hit.snippet;
    std::string out;
    std::size_t pos = 0;
    for (auto [b, e] : hit.highlights) {
      out += hit.snippet.substr(pos, b - pos);
      out += kMatch;
      out += hit.snippet.substr(b, e - b);
      out += kReset;
      pos = e;
    }
    out += hit.snippet.substr(pos);
    return out;
  }

  std::ostream& out_;
  bool color_;
  int terminal_width_;
  bool context_;
  bool explain_;
};

// The keys of a hit object after "rank", in the documented order.
json speakers_json(const std::vector<HitSpeaker>& hit_speakers) {
  json speakers = json::array();
  for (const auto& s : hit_speakers) {
    json j = {{"name", s.name}, {"method", s.method}};
    j["role"] = s.role.empty() ? json(nullptr) : json(s.role);
    j["written"] = s.written.empty() ? json(s.name) : json(s.written);
    speakers.push_back(std::move(j));
  }
  return speakers;
}

json passage_json(const ContextPassage& p) {
  return {{"ordinal", p.ordinal},
          {"byte_begin", p.byte_begin},
          {"byte_end", p.byte_end},
          {"speakers", speakers_json(p.speakers)},
          {"text", p.text}};
}

json context_json(const std::vector<ContextPassage>& passages) {
  json list = json::array();
  for (const auto& p : passages) list.push_back(passage_json(p));
  return list;
}

json hit_fields(const Hit& hit) {
  json speakers = speakers_json(hit.speakers);
  json highlights = json::array();
  for (auto [b, e] : hit.highlights) highlights.push_back({b, e});
  return {{"score", hit.score},
          {"relevance", hit.relevance},
          {"recency", hit.recency},
          {"date", hit.date ? json(hit.date->iso()) : json(nullptr)},
          {"speakers", speakers},
          {"title", hit.title},
          {"path", hit.path},
          {"ordinal", hit.ordinal},
          {"byte_begin", hit.byte_begin},
          {"byte_end", hit.byte_end},
          {"kind", hit.kind},
          {"url", hit.url.empty() ? json(nullptr) : json(hit.url)},
          {"source", hit.source.empty() ? json(nullptr) : json(hit.source)},
          {"byline", hit.byline.empty() ? json(nullptr) : json(hit.byline)},
          {"snippet", hit.snippet},
          {"highlights", highlights},
          {"text", hit.text}};
}

class JsonPrinter : public Printer {
 public:
  JsonPrinter(std::ostream& out, const PrinterOptions& options)
      : out_(out), context_(options.context), explain_(options.explain) {}

  void begin(const SearchResults&) override {}

  void hit(const Hit& hit) override {
    json j = {{"type", "hit"}, {"schema", kJsonSchemaVersion}, {"rank", hit.rank}};
    j.update(hit_fields(hit));
    j["question"] = hit.question ? passage_json(*hit.question) : json(nullptr);
    if (context_)
      j["context"] = {{"before", context_json(hit.context_before)},
                      {"after", context_json(hit.context_after)}};
    if (explain_) j["age_days"] = hit.age_days ? json(*hit.age_days) : json(nullptr);
    write(j);
  }

  void error(std::size_t line, const std::string& query, const std::string& message) override {
    write({{"type", "error"}, {"schema", kJsonSchemaVersion}, {"line", line}, {"query", query},
           {"message", message}});
  }

  void timeline(const Timeline& t) override {
    json buckets = json::array();
    for (const auto& b : t.buckets) buckets.push_back({{"period", b.period}, {"count", b.count}});
    auto end = [](const std::optional<Hit>& hit) {
      return hit ? hit_fields(*hit) : json(nullptr);
    };
    write({{"type", "timeline"},
           {"schema", kJsonSchemaVersion},
           {"timeline",
            {{"by", std::string(timeline_granularity_name(t.granularity))},
             {"buckets", buckets},
             {"total", t.total},
             {"undated", t.undated},
             {"first", end(t.first)},
             {"last", end(t.last)}}}});
  }

  void summary(const SearchRequest& request, const SearchResults& results) override {
    json j = {{"type", "summary"},
              {"schema", kJsonSchemaVersion},
              {"query", request.query},
              {"total", results.total},
              {"total_exact", results.total_exact},
              {"total_at_least", results.total_at_least},
              {"offset", request.offset},
              {"returned", results.hits.size()},
              {"partial", results.partial}};
    if (results.partial) j["unavailable_shards"] = results.unavailable_shards;
    if (!results.suggestion.empty())
      j["suggestion"] = {{"query", results.suggestion}, {"total", results.suggestion_total}};
    if (explain_) j["parsed_query"] = results.parsed_query;
    if (request.facets) {
      std::int64_t dated = 0;
      for (const auto& f : results.month_facets) dated += f.count;
      j["facets"] = {{"speaker", facets_json(results.speaker_facets)},
                     {"month", facets_json(results.month_facets)},
                     {"undated", results.total - dated}};
    }
    write(j);
  }

  void speakers(const std::vector<SpeakerSummary>& people) override {
    for (const auto& p : people)
      write({{"type", "speaker"},
             {"schema", kJsonSchemaVersion},
             {"name", p.name},
             {"aliases", p.aliases},
             {"roles", p.roles},
             {"passages", p.passages}});
    write({{"type", "summary"}, {"schema", kJsonSchemaVersion}, {"speakers", people.size()}});
  }

  void index_stats(const IndexStats& s) override {
    json failures = json::array();
    for (const auto& f : s.failures) failures.push_back({{"path", f.path}, {"reason", f.reason}});
    json warnings = json::array();
    for (const auto& w : s.warnings) warnings.push_back({{"path", w.path}, {"warning", w.reason}});
    json j = {{"type", "index-summary"},
              {"schema", kJsonSchemaVersion},
              {"files", s.files_seen},
              {"added", s.added},
              {"updated", s.updated},
              {"removed", s.removed},
              {"unchanged", s.unchanged},
              {"failed", s.failures.size()},
              {"failures", failures},
              {"undated", s.undated},
              {"warnings", warnings},
              {"articles", s.articles},
              {"passages", s.passages},
              {"seconds", s.seconds}};
    write(j);
  }

 private:
  void write(const json& j) {
    out_ << j.dump(-1, ' ', false, json::error_handler_t::replace) << "\n";
  }
  std::ostream& out_;
  bool context_;
  bool explain_;
};

}  // namespace

std::unique_ptr<Printer> make_printer(std::ostream& out, const PrinterOptions& options) {
  if (options.json) return std::make_unique<JsonPrinter>(out, options);
  return std::make_unique<TextPrinter>(out, options);
}

std::string display_path(const std::string& path) {
  std::error_code ec;
  std::filesystem::path cwd = std::filesystem::current_path(ec);
  if (ec) return path;
  std::string base = cwd.string();
  if (!base.empty() && base.back() != '/') base += '/';
  if (path.starts_with(base)) return path.substr(base.size());
  return path;
}

}  // namespace brief::cli

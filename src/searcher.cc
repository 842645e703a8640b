// Copyright (c) 2026 The brief-search Authors. MIT licence.
// Searching an index for passages.

#include "brief/searcher.h"

#include <xapian.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <map>
#include <nlohmann/json.hpp>
#include <thread>

#include "brief/error.h"
#include "brief/speaker.h"
#include "ranking.h"
#include "schema.h"
#include "shards.h"
#include "speaker_directory.h"
#include "text.h"
#include "vocabulary.h"
#include "xapian_error.h"

namespace brief {

namespace {

// The Xapian query for passages dated within `range` (slot kDate holds
// "YYYYMMDD", which sorts as the dates do).
Xapian::Query date_range_query(const DateRange& range) {
  auto ymd = [](const Date& d) { return std::to_string(d.number()); };
  if (range.first && range.last)
    return Xapian::Query(Xapian::Query::OP_VALUE_RANGE, schema::kDate, ymd(*range.first),
                         ymd(*range.last));
  if (range.first) return Xapian::Query(Xapian::Query::OP_VALUE_GE, schema::kDate, ymd(*range.first));
  return Xapian::Query(Xapian::Query::OP_VALUE_LE, schema::kDate, ymd(*range.last));
}

// date:VALUE, in any form parse_date_range() takes. Relative forms count
// from `today`, which the searcher sets before each parse.
class DateFieldProcessor : public Xapian::FieldProcessor {
 public:
  Xapian::Query operator()(const std::string& value) override {
    try {
      return date_range_query(parse_date_range(value, today));
    } catch (const Error& e) {
      // Not thrown through Xapian: its QueryParser 1.4.22 frees a block
      // twice when a field processor throws inside brackets ("(-date:x"),
      // found by tools/fuzz. The searcher throws it after parsing.
      if (error.empty()) error = std::string("date: ") + e.what();
      return Xapian::Query::MatchNothing;
    }
  }

  Date today;
  std::string error;  // The first bad value of the last parse, or "".
};

// "YYYY-MM-DD" and "YYYY-MM" from a date slot's "YYYYMMDD".
std::string iso_day(const std::string& ymd) {
  return ymd.substr(0, 4) + "-" + ymd.substr(4, 2) + "-" + ymd.substr(6, 2);
}
std::string iso_month(const std::string& ymd) { return ymd.substr(0, 4) + "-" + ymd.substr(4, 2); }

// The period after `period` ("YYYY-MM-DD", "YYYY-MM" or "YYYY").
std::string next_period(const std::string& period, TimelineGranularity granularity) {
  char buf[32];
  int year = std::stoi(period.substr(0, 4));
  if (granularity == TimelineGranularity::kYear) {
    std::snprintf(buf, sizeof buf, "%04d", year + 1);
  } else if (granularity == TimelineGranularity::kMonth) {
    int month = std::stoi(period.substr(5, 2));
    std::snprintf(buf, sizeof buf, "%04d-%02d", month == 12 ? year + 1 : year,
                  month == 12 ? 1 : month + 1);
  } else {
    Date day{year, std::stoi(period.substr(5, 2)), std::stoi(period.substr(8, 2))};
    return add_days(day, 1).iso();
  }
  return buf;
}

// The field mark_acronyms() puts before a word typed in capitals to match
// its acronym term only; not meant to be typed.
constexpr std::string_view kAcronymField = "xacronym";

class SpeakerFieldProcessor : public Xapian::FieldProcessor {
 public:
  explicit SpeakerFieldProcessor(const SpeakerDirectory* directory)
      : directory_(directory) {}
  Xapian::Query operator()(const std::string& value) override {
    if (text::is_blank(value)) {
      // Reported after parsing, as DateFieldProcessor's errors are.
      if (error.empty()) error = "speaker: needs a name";
      return Xapian::Query::MatchNothing;
    }
    return directory_->query_for(value);
  }

  std::string error;  // The first bad value of the last parse, or "".

 private:
  const SpeakerDirectory* directory_;
};

// The first passages (which alone carry title terms) that match `titled`,
// in document order.
Xapian::MSet titled_first_passages(const Xapian::Database& db, const Xapian::Query& titled) {
  Xapian::Enquire enquire(db);
  enquire.set_query(titled);
  enquire.set_weighting_scheme(Xapian::BoolWeight());
  enquire.set_docid_order(Xapian::Enquire::ASCENDING);
  return enquire.get_mset(0, db.get_doccount());
}

// Every passage of the articles whose first passage matches a title
// query, for a local database (each sub-database of a sharded one gets a
// clone). brief-index adds an article's passages one after another, so
// they are the document ids from its first passage on, as many as its
// kArticleTerm has postings.
class TitledArticlesSource : public Xapian::PostingSource {
 public:
  explicit TitledArticlesSource(Xapian::Query titled) : titled_(std::move(titled)) {}

  Xapian::PostingSource* clone() const override { return new TitledArticlesSource(titled_); }

  void init(const Xapian::Database& db) override {
    ranges_.clear();
    total_ = 0;
    Xapian::MSet firsts = titled_first_passages(db, titled_);
    Xapian::ValueIterator key = db.valuestream_begin(schema::kArticle);
    for (auto it = firsts.begin(); it != firsts.end(); ++it) {
      Xapian::docid first = *it;
      if (key == db.valuestream_end(schema::kArticle) || !key.check(first)) continue;
      Xapian::doccount passages = db.get_termfreq(std::string(schema::kArticleTerm) + *key);
      if (passages == 0) continue;
      ranges_.push_back({first, first + passages - 1});
      total_ += passages;
    }
    range_ = 0;
    docid_ = 0;
  }

  Xapian::doccount get_termfreq_min() const override { return total_; }
  Xapian::doccount get_termfreq_est() const override { return total_; }
  Xapian::doccount get_termfreq_max() const override { return total_; }

  void next(double) override {
    if (docid_ == 0) {
      if (!ranges_.empty()) docid_ = ranges_[0].first;
      return;
    }
    if (docid_ < ranges_[range_].second) {
      ++docid_;
    } else if (++range_ < ranges_.size()) {
      docid_ = ranges_[range_].first;
    }
  }

  void skip_to(Xapian::docid did, double) override {
    if (docid_ == 0) next(0);
    if (at_end() || did <= docid_) return;
    while (range_ < ranges_.size() && ranges_[range_].second < did) ++range_;
    if (range_ < ranges_.size()) docid_ = std::max(did, ranges_[range_].first);
  }

  bool at_end() const override { return range_ >= ranges_.size(); }
  Xapian::docid get_docid() const override { return docid_; }

 private:
  Xapian::Query titled_;
  std::vector<std::pair<Xapian::docid, Xapian::docid>> ranges_;  // Inclusive, ascending.
  Xapian::doccount total_ = 0;
  std::size_t range_ = 0;
  Xapian::docid docid_ = 0;  // 0 before the first next().
};

// title:WORDS. Only an article's first passage carries its title terms,
// so this finds those passages with the words (stemmed, phrases kept) and
// returns a filter for every passage of their articles.
class TitleFieldProcessor : public Xapian::FieldProcessor {
 public:
  Xapian::Query operator()(const std::string& value) override {
    if (!db || text::is_blank(value)) return Xapian::Query(std::string(schema::kArticleTerm));
    Xapian::QueryParser words;
    words.set_database(*db);
    words.set_stemmer(Xapian::Stem("english"));
    words.set_stemming_strategy(Xapian::QueryParser::STEM_SOME);
    words.set_default_op(Xapian::Query::OP_AND);
    // A quoted value ("New START") arrives without its quotes: a phrase.
    std::string text = value.find(' ') != std::string::npos ? "\"" + value + "\"" : value;
    Xapian::Query titled = words.parse_query(text, Xapian::QueryParser::FLAG_PHRASE |
                                                       Xapian::QueryParser::FLAG_WILDCARD,
                                             std::string(schema::kTitle));
    if (titled.empty()) return Xapian::Query(std::string(schema::kArticleTerm));
    if (!remote) return Xapian::Query((new TitledArticlesSource(titled))->release());
    // A remote shard cannot run our posting source: the articles' terms.
    Xapian::MSet firsts = titled_first_passages(*db, titled);
    std::vector<std::string> articles;
    articles.reserve(firsts.size());
    for (auto it = firsts.begin(); it != firsts.end(); ++it)
      articles.push_back(std::string(schema::kArticleTerm) +
                         it.get_document().get_value(schema::kArticle));
    // Not Query::MatchNothing, which is the empty query: the searcher
    // would take it for no words at all. No passage has the bare prefix.
    if (articles.empty()) return Xapian::Query(std::string(schema::kArticleTerm));
    return Xapian::Query(Xapian::Query::OP_OR, articles.begin(), articles.end());
  }

  const Xapian::Database* db = nullptr;  // Set to the searched shards before each parse.
  bool remote = false;                    // Whether any of them is remote.
};

// Counts every speaker of a passage, where ValueCountMatchSpy would count
// the joined value as one.
// Counts the passages of each set of speakers (the joined value), which
// the searcher then splits into people, so that two spellings of one
// person in a passage count once.
class SpeakerCountSpy : public Xapian::MatchSpy {
 public:
  void operator()(const Xapian::Document& doc, double) override {
    std::string value = doc.get_value(schema::kSpeakers);
    if (!value.empty()) ++counts_[value];
  }
  const std::map<std::string, std::int64_t>& counts() const { return counts_; }

  // The names in a joined speakers value.
  static std::vector<std::string> names(const std::string& value) {
    std::vector<std::string> out;
    std::size_t start = 0;
    while (start < value.size()) {
      std::size_t end = value.find(schema::kSpeakerSeparator, start);
      if (end == std::string::npos) end = value.size();
      out.push_back(value.substr(start, end - start));
      start = end + 1;
    }
    return out;
  }

 private:
  std::map<std::string, std::int64_t> counts_;
};

// Undoes the HTML escaping that MSet::snippet() applies.
std::string unescape_html(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '&') {
      static const std::pair<std::string_view, char> kEntities[] = {
          {"&amp;", '&'}, {"&lt;", '<'}, {"&gt;", '>'}, {"&quot;", '"'},
          {"&#39;", '\''}, {"&apos;", '\''}};
      bool done = false;
      for (auto [entity, c] : kEntities) {
        if (s.substr(i, entity.size()) == entity) {
          out.push_back(c);
          i += entity.size() - 1;
          done = true;
          break;
        }
      }
      if (done) continue;
    }
    out.push_back(s[i]);
  }
  return out;
}

constexpr char kHighlightStart = '\x01';
constexpr char kHighlightEnd = '\x02';

void set_snippet(Hit& hit, const std::string& marked) {
  std::string plain = unescape_html(marked);
  hit.snippet.clear();
  std::size_t open = 0;
  for (char c : plain) {
    if (c == kHighlightStart) {
      open = hit.snippet.size();
    } else if (c == kHighlightEnd) {
      hit.highlights.emplace_back(open, hit.snippet.size());
    } else {
      hit.snippet.push_back(c);
    }
  }
}

// "-word -other": only exclusions, which QueryParser would otherwise
// treat as plain words.
bool only_excluded(std::string_view query) {
  auto words = text::split_words(query);
  if (words.empty()) return false;
  for (auto w : words)
    if (w.size() < 2 || w[0] != '-') return false;
  return true;
}

std::string strip_minus(std::string_view query) {
  std::string out;
  for (auto w : text::split_words(query)) {
    if (!out.empty()) out += " OR ";
    out += std::string(w.substr(1));
  }
  return out;
}

// A question or a sentence typed as a query ("what did the White House
// say about Russia suspending New START inspections"): five or more words
// with no quotes, prefixes, brackets or +/- marks. Its capitalised words
// are never operators, and no single word is required.
bool is_natural_language(std::string_view query) {
  auto words = text::split_words(query);
  if (words.size() < 5) return false;
  for (auto w : words)
    for (char c : w)
      if (c == '"' || c == ':' || c == '(' || c == ')' || c == '*' || c == '+' ||
          (c == '-' && w.front() == '-'))
        return false;
  return true;
}

// Two or more words and nothing else: no quotes, operators or prefixes.
bool is_plain_words(std::string_view query) {
  auto words = text::split_words(query);
  if (words.size() < 2 || words.size() > 12) return false;
  for (auto w : words) {
    if (w == "AND" || w == "OR" || w == "NOT" || w == "XOR" || w == "NEAR" ||
        w.starts_with("ADJ"))
      return false;
    for (char c : w)
      if (c == '"' || c == ':' || c == '(' || c == ')' || c == '*' ||
          c == '+' || (c == '-' && w.front() == '-'))
        return false;
  }
  return true;
}

// The passage of `doc`; with `db`, also its article's fields, which only
// the article's first passage stores.
Hit hit_from_document(const Xapian::Document& doc, const Xapian::Database* db) {
  Hit hit;
  nlohmann::json data = nlohmann::json::parse(doc.get_data(), nullptr, false);
  if (data.is_discarded() || !data.is_object()) return hit;
  nlohmann::json first;
  const nlohmann::json* article = &data;
  if (db && !data.contains("path")) {
    first = nlohmann::json::parse(schema::article_data(*db, doc.get_value(schema::kArticle)),
                                  nullptr, false);
    if (first.is_object()) article = &first;
  }
  hit.path = article->value("path", "");
  hit.title = article->value("title", "");
  hit.kind = article->value("kind", "");
  hit.url = article->value("url", "");
  hit.source = article->value("source", "");
  hit.byline = article->value("byline", "");
  if (article->contains("date")) hit.date = parse_date(article->value("date", ""));
  hit.ordinal = data.value("ordinal", 0);
  hit.byte_begin = data.value("begin", std::size_t{0});
  hit.byte_end = data.value("end", std::size_t{0});
  hit.text = data.value("text", "");
  if (auto it = data.find("speakers"); it != data.end() && it->is_array()) {
    for (const auto& s : *it)
      hit.speakers.push_back({s.value("name", ""), s.value("role", ""),
                              s.value("method", "")});
  }
  return hit;
}

}  // namespace

// The corrected query with the case the user typed: Xapian's spelling
// data is lower case, so "Zakharva" comes back "zakharova".
std::string restore_case(std::string_view typed, const std::string& corrected) {
  auto before = text::split_words(typed);
  auto after = text::split_words(corrected);
  if (before.size() != after.size()) return corrected;
  std::string out;
  for (std::size_t i = 0; i < after.size(); ++i) {
    std::string w(after[i]);
    std::size_t b = before[i].find_first_not_of("\"(+-");
    std::size_t a = w.find_first_not_of("\"(+-");
    if (b != std::string_view::npos && a != std::string::npos && before[i] != after[i] &&
        text::is_ascii_upper(before[i][b]) && text::is_ascii_lower(w[a]))
      w[a] = static_cast<char>(w[a] - 'a' + 'A');
    out += (out.empty() ? "" : " ") + w;
  }
  return out;
}

// Words that carry no topic in a question typed as a sentence.
Xapian::SimpleStopper english_stopper() {
  static const char* const kWords[] = {
      "a", "about", "after", "all", "also", "am", "an", "and", "any", "are", "as", "at",
      "be", "been", "before", "being", "between", "both", "but", "by", "can", "could",
      "did", "do", "does", "doing", "during", "each", "for", "from", "had", "has", "have",
      "having", "he", "her", "here", "him", "his", "how", "i", "if", "in", "into", "is",
      "it", "its", "me", "my", "no", "nor", "not", "of", "on", "or", "our", "over", "say",
      "said", "says", "she", "should", "so", "some", "than", "that", "the", "their",
      "them", "then", "there", "these", "they", "this", "those", "to", "under", "until",
      "up", "was", "we", "were", "what", "when", "where", "which", "while", "who", "whom",
      "why", "will", "with", "would", "you", "your", "tell", "show", "find", "anything",
      "something", "whether"};
  return Xapian::SimpleStopper(std::begin(kWords), std::end(kWords));
}

// How many times a read retries after the index changed under it (the
// waits double from 50 ms: 1.55 s in all at most).
constexpr int kReadAttempts = 5;

struct Searcher::Impl {
  std::string path;
  OpenOptions options;
  // A sharded index (a Xapian stub): each shard opened on its own, with
  // the span of its dates, so that date filters can leave shards out and
  // a remote shard that fails can be dropped.
  struct Shard {
    shards::StubEntry entry;
    Xapian::Database db;
    schema::DateBounds dates;
  };
  bool sharded = false;
  std::vector<Shard> shards;
  // Shards left out, one line each ("remote 10.0.0.2:7001: connection refused").
  std::vector<std::string> unavailable;
  // Every available shard as one (or the one database).
  Xapian::Database db;
  // What the request being run reads: `db`, or the shards its dates
  // need (database_for()). The query parser's synonyms and spellings come
  // from the same shards.
  Xapian::Database current;
  Xapian::Stem stemmer{"english"};
  SpeakerDirectory speakers;
  Xapian::QueryParser parser;
  DateFieldProcessor date_processor;
  Xapian::SimpleStopper stopper = english_stopper();
  SpeakerFieldProcessor speaker_processor{&speakers};
  TitleFieldProcessor title_processor;

  // Opens the index, or each shard of a stub. A remote shard that cannot
  // be reached within the timeout is left out and named in `unavailable`;
  // a local one that cannot be opened fails the whole open, as an
  // unsharded index would.
  void open_databases() {
    auto stub = shards::stub_file(path);
    if (!stub) {
      db = Xapian::Database(path);
      schema::require_index_format(db, path);
      return;
    }
    sharded = true;
    shards::require_local_shards(path);
    std::vector<Shard> opened;
    std::vector<std::string> missing;
    std::vector<shards::StubEntry> entries = shards::read_stub(*stub);
    if (entries.empty())
      throw Error(ErrorCode::kNotFound,
                  *stub + " lists no database; add 'auto PATH' or 'remote HOST:PORT' lines");
    for (auto& entry : entries) {
      Shard shard;
      try {
        shard.db = shards::open_entry(entry, options.remote_timeout);
        shard.dates = schema::date_bounds(shard.db);
      } catch (const Xapian::NetworkError& e) {
        missing.push_back(entry.line + ": " + e.get_msg());
        continue;
      }
      shard.entry = std::move(entry);
      opened.push_back(std::move(shard));
    }
    if (opened.empty() && !missing.empty())
      throw Error(ErrorCode::kIoError,
                  "index " + path + ": no shard answered (" + missing.front() + ")");
    shards = std::move(opened);
    unavailable = std::move(missing);
    combine();
    if (!shards.empty()) schema::require_index_format(db, path);
  }

  void combine() {
    db = Xapian::Database();
    for (const auto& shard : shards) db.add_database(shard.db);
  }

  // After a network error: drops the remote shards that no longer
  // answer. Returns whether any was dropped.
  bool drop_unreachable_shards() {
    bool dropped = false;
    for (auto it = shards.begin(); it != shards.end();) {
      if (!it->entry.remote) {
        ++it;
        continue;
      }
      try {
        it->db = shards::open_entry(it->entry, options.remote_timeout);
        it->db.get_doccount();
        ++it;
      } catch (const Xapian::NetworkError& e) {
        unavailable.push_back(it->entry.line + ": " + e.get_msg());
        it = shards.erase(it);
        dropped = true;
      }
    }
    combine();
    return dropped;
  }

  // The database a request searches. Every shard takes part, so that the
  // BM25 statistics are the whole index's and ranks those of a single
  // database; Xapian skips matching in a shard whose date values cannot
  // pass the filter (its value bounds). Time-bounded searches
  // (OpenOptions::time_limit, --timeout-ms) leave out the remote shards
  // whose dates cannot pass --since/--until: no round trip to them, and no
  // wait when one is slow, at the cost of those statistics.
  Xapian::Database database_for(const SearchRequest& request) {
    if (!sharded || !options.time_limit || (!request.since && !request.until)) return db;
    std::string since = request.since ? std::to_string(request.since->number()) : "";
    std::string until = request.until ? std::to_string(request.until->number()) : "";
    Xapian::Database view;
    bool all = true;
    for (const auto& shard : shards) {
      bool overlaps = !shard.dates.newest.empty() && (since.empty() || shard.dates.newest >= since) &&
                      (until.empty() || shard.dates.oldest <= until);
      if (overlaps || !shard.entry.remote) view.add_database(shard.db);
      else all = false;
    }
    return all ? db : view;
  }

  void select_databases(const SearchRequest& request) {
    current = database_for(request);
    parser.set_database(current);
    title_processor.db = &current;
    title_processor.remote = std::any_of(shards.begin(), shards.end(),
                                         [](const Shard& shard) { return shard.entry.remote; });
  }

  // The speaker grouping brief-index stored, when it is of this very
  // index state; else grouped afresh (slow: see speaker_directory.h).
  void load_speakers() {
    std::optional<std::string> cached;
    if (!sharded) {
      cached = speaker_cache::load(db);
    } else if (std::filesystem::is_directory(path) && unavailable.empty()) {
      // The stub's paths are absolute (read_stub()); so must ours be.
      std::filesystem::path folder =
          std::filesystem::absolute(path).lexically_normal() / shards::kShardFolder;
      std::map<std::string, Xapian::Database> by_name;
      for (const auto& shard : shards) {
        std::filesystem::path p(shard.entry.path);
        if (shard.entry.remote || p != folder / p.filename()) break;
        by_name.emplace(p.filename().string(), shard.db);
      }
      if (by_name.size() == shards.size()) cached = speaker_cache::load_sharded(path, by_name);
    }
    if (!cached || !speakers.load_json(db, *cached)) speakers.load(db);
  }

  void setup() {
    load_speakers();
    parser = Xapian::QueryParser();
    parser.set_database(db);
    parser.set_stemmer(stemmer);
    parser.set_stemming_strategy(Xapian::QueryParser::STEM_SOME);
    parser.set_default_op(Xapian::Query::OP_AND);
    // A filter, so that a quoted title:"New START" reaches the processor
    // (Xapian drops phrases under a probabilistic field processor); two
    // title: filters must both hold.
    parser.add_boolean_prefix("title", &title_processor, false);
    parser.add_boolean_prefix("speaker", &speaker_processor);
    parser.add_boolean_prefix("date", &date_processor);
    parser.add_prefix(std::string(kAcronymField), std::string(schema::kAcronym));
  }

  Xapian::Query parse(const std::string& query_text, Xapian::Query::op default_op,
                      bool operators = true, bool synonyms = false) {
    parser.set_default_op(default_op);
    // Synonyms: the index's acronym definitions and synonyms file ("New
    // START" also finds "START" written in capitals).
    constexpr unsigned kFlags = Xapian::QueryParser::FLAG_PHRASE |
                                Xapian::QueryParser::FLAG_BOOLEAN |
                                Xapian::QueryParser::FLAG_LOVEHATE |
                                Xapian::QueryParser::FLAG_WILDCARD |
                                Xapian::QueryParser::FLAG_PURE_NOT;
    constexpr unsigned kSentenceFlags = Xapian::QueryParser::FLAG_PHRASE;
    unsigned flags = operators ? kFlags : kSentenceFlags;
    if (synonyms) flags |= Xapian::QueryParser::FLAG_AUTO_MULTIWORD_SYNONYMS;
    // Sentences: no AND/OR/NOT, and the stop words of a question ("what",
    // "did", "the") do not take part.
    parser.set_stopper(operators ? nullptr : &stopper);
    date_processor.error.clear();
    speaker_processor.error.clear();
    Xapian::Query query = parser.parse_query(query_text, flags);
    for (const std::string* error : {&date_processor.error, &speaker_processor.error})
      if (!error->empty()) throw Error(ErrorCode::kQuerySyntax, "bad query: " + *error);
    return query;
  }

  Xapian::Query filters(const SearchRequest& request) {
    std::vector<Xapian::Query> parts;
    if (!request.speakers.empty()) {
      std::vector<Xapian::Query> any;
      for (const auto& s : request.speakers) any.push_back(speakers.query_for(s));
      parts.emplace_back(Xapian::Query::OP_OR, any.begin(), any.end());
    }
    if (request.since || request.until)
      parts.push_back(date_range_query({request.since, request.until}));
    if (parts.empty()) return Xapian::Query();
    return Xapian::Query(Xapian::Query::OP_AND, parts.begin(), parts.end());
  }

  // Queries that would otherwise match everything or the field's own
  // name: nothing but punctuation or emoji ("...", "🙂"), and a field
  // with no value ("speaker:" searches the word "speaker").
  static void check_searchable(const std::string& query) {
    if (auto bad = text::find_invalid_utf8(query))
      throw Error(ErrorCode::kQuerySyntax, "bad query: not UTF-8 text (invalid byte at offset " +
                                               std::to_string(*bad) + ")");
    bool word = false;
    for (Xapian::Utf8Iterator it(query); it != Xapian::Utf8Iterator(); ++it)
      if (Xapian::Unicode::is_wordchar(*it)) {
        word = true;
        break;
      }
    if (!word)
      throw Error(ErrorCode::kQuerySyntax,
                  "bad query: no words to search for in '" + query +
                      "'; give words, a \"phrase\" or a filter such as date:2023");
    for (std::string_view field : {"speaker:", "date:", "title:"}) {
      for (std::size_t at = query.find(field); at != std::string::npos;
           at = query.find(field, at + 1)) {
        bool starts = at == 0 || query[at - 1] == ' ' || query[at - 1] == '(' ||
                      query[at - 1] == '-' || query[at - 1] == '+';
        std::size_t next = at + field.size();
        bool empty = next == query.size() || query[next] == ' ' || query[next] == ')' ||
                     query.compare(next, 2, "\"\"") == 0;
        if (starts && empty)
          throw Error(ErrorCode::kQuerySyntax,
                      "bad query: " + std::string(field) + " needs a value, as in " +
                          std::string(field) +
                          (field == "speaker:" ? "Blinken" : field == "date:" ? "2023-03" : "START"));
      }
    }
  }

  // The request's words and filters as one Xapian query. `relaxed`: plain
  // words need not all be there (used when all of them match too little).
  Xapian::Query build_query(const SearchRequest& request, bool relaxed = false) {
    date_processor.today = request.today ? *request.today : system_today();
    Xapian::Query filter = filters(request);
    bool has_text = !text::is_blank(request.query);
    // A pasted document is not a query: past this many words parsing and
    // matching take seconds and rank nothing better.
    constexpr std::size_t kMaxQueryWords = 1000;
    if (std::size_t words = text::split_words(request.query).size(); words > kMaxQueryWords)
      throw Error(ErrorCode::kInvalidArgument,
                  "query too long: " + std::to_string(words) + " words (at most " +
                      std::to_string(kMaxQueryWords) + "); search for its key words");
    if (!has_text && filter.empty())
      throw Error(ErrorCode::kInvalidArgument,
                  "empty query; give words to search for, or a filter");
    if (has_text) check_searchable(request.query);
    std::string text = only_excluded(request.query)
                           ? "NOT (" + strip_minus(request.query) + ")"
                           : mark_acronyms(request.query);
    bool sentence = has_text && is_natural_language(request.query);
    Xapian::Query query;
    Xapian::Query typed;  // The words as typed, without synonyms.
    if (sentence) {
      // Any of the words, ranked by BM25, which already favours passages
      // with more of them; the passages with every word rank higher still.
      typed = query = parse(text, Xapian::Query::OP_OR, /*operators=*/false);
      Xapian::Query all = parse(text, Xapian::Query::OP_AND, /*operators=*/false);
      if (!query.empty()) query = Xapian::Query(Xapian::Query::OP_AND_MAYBE, query, all);
    } else {
      query = has_text ? parse(text, Xapian::Query::OP_AND) : Xapian::Query::MatchAll;
      typed = query;
      if (relaxed && !query.empty())
        query = Xapian::Query(Xapian::Query::OP_AND_MAYBE, parse(text, Xapian::Query::OP_OR),
                              Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT, query,
                                            kAllWordsWeight));
    }
    if (query.empty()) query = Xapian::Query::MatchAll;  // Only stopwords.
    if (has_text) {
      // Synonyms also match, at half weight so that what was typed ranks
      // first: the index's synonym table ("New START" -> START written in
      // capitals), and an acronym typed in capitals expanded to the words
      // the corpus defines it by ("IRA" -> "Inflation Reduction Act").
      Xapian::Query::op op = sentence ? Xapian::Query::OP_OR : Xapian::Query::OP_AND;
      std::vector<Xapian::Query> alternatives;
      Xapian::Query with_synonyms = parse(text, op, !sentence, /*synonyms=*/true);
      if (with_synonyms.get_description() != typed.get_description())
        alternatives.push_back(with_synonyms);
      std::string expanded = sentence ? std::string() : expand_acronyms(text);
      if (!expanded.empty()) alternatives.push_back(parse(expanded, op));
      if (!alternatives.empty() && !query.empty()) {
        Xapian::Query other(Xapian::Query::OP_OR, alternatives.begin(), alternatives.end());
        query = Xapian::Query(Xapian::Query::OP_OR, query,
                              Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT, other, 0.5));
      }
    }
    if (has_text && !sentence && is_plain_words(request.query)) {
      // Words typed without syntax rank higher where they stand together
      // as a phrase ("New START"), without requiring it.
      Xapian::Query phrase = parse("\"" + request.query + "\"", Xapian::Query::OP_AND);
      if (!phrase.empty())
        query = Xapian::Query(Xapian::Query::OP_AND_MAYBE, query, phrase);
    }
    if (has_text && request.sort != SortOrder::kDate) {
      // "Who said what": a passage someone is attributed with (an answer,
      // a statement) outranks an unattributed one (a reporter's question,
      // background) of similar weight. Passages with speakers have a value
      // in the speakers slot; the bonus is in BM25 units, tuned on the
      // judged queries (docs/BENCHMARKS.md).
      auto* attributed = new Xapian::ValueMapPostingSource(schema::kSpeakers);
      attributed->set_default_weight(kAttributedBonus);
      query = Xapian::Query(Xapian::Query::OP_AND_MAYBE, query,
                            Xapian::Query(attributed->release()));
    }
    return filter.empty() ? query : Xapian::Query(Xapian::Query::OP_FILTER, query, filter);
  }

  // A word or its stem ("Z" + stem), not a prefixed filter term.
  static bool is_word_term(const std::string& term) {
    return (!term.empty() && !text::is_ascii_upper(term[0])) ||
           (term.size() > 1 && term[0] == 'Z' && !text::is_ascii_upper(term[1]));
  }

  // Whether `query` weighs any word (not only filter terms, title
  // postings or the speaker bonus).
  static bool has_word_terms(const Xapian::Query& query) {
    return std::any_of(query.get_unique_terms_begin(), query.get_unique_terms_end(), is_word_term);
  }

  // A word typed in capitals outside quotes, not an operator: "START".
  static bool is_typed_acronym(const std::string& w, bool in_quotes) {
    return !in_quotes && w.find_first_of("\":()") == std::string::npos && w.size() >= 2 &&
           w.size() <= 10 &&
           std::all_of(w.begin(), w.end(), [](char c) { return text::is_ascii_upper(c); }) &&
           w != "AND" && w != "OR" && w != "NOT" && w != "XOR" && w != "NEAR";
  }

  // `text` with each word typed in capitals that the corpus mostly writes
  // as a common word (ten times more passages have the word than have it
  // in capitals: "START" and the verb "start", "IT", "WHO", "US") marked
  // to match only where it is written in capitals, its acronym term
  // (through the kAcronymField prefix). Words written in capitals often
  // ("NATO", "COVID", whose "COVID-19" is not an acronym term) match
  // either way.
  std::string mark_acronyms(const std::string& text) {
    std::string out;
    bool in_quotes = false;
    for (auto word : text::split_words(text)) {
      if (!out.empty()) out += ' ';
      std::string w(word);
      bool acronym = is_typed_acronym(w, in_quotes);
      for (char c : w)
        if (c == '"') in_quotes = !in_quotes;
      if (acronym) {
        Xapian::doccount caps = current.get_termfreq(vocabulary::acronym_term(w));
        if (caps > 0 && caps * 10 < current.get_termfreq(text::ascii_lower(w))) {
          out += std::string(kAcronymField) + ":" + w;
          continue;
        }
      }
      out += w;
    }
    return out;
  }

  // `text` with each acronym the index defines replaced by "(ACRONYM OR
  // "long form" ...)", or "" when it has none.
  std::string expand_acronyms(const std::string& text) {
    std::string out;
    bool changed = false;
    bool in_quotes = false;
    for (auto word : text::split_words(text)) {
      if (!out.empty()) out += ' ';
      std::string w(word);
      // A word mark_acronyms() marked is still the acronym.
      std::string marked = std::string(kAcronymField) + ":";
      std::string bare_word = w.starts_with(marked) ? w.substr(marked.size()) : w;
      bool bare = is_typed_acronym(bare_word, in_quotes);
      for (char c : w)
        if (c == '"') in_quotes = !in_quotes;
      std::vector<std::string> forms =
          bare ? vocabulary::long_forms(current, bare_word) : std::vector<std::string>();
      if (forms.empty()) {
        out += w;
        continue;
      }
      out += "(" + w;
      for (std::size_t i = 0; i < forms.size() && i < 3; ++i) out += " OR \"" + forms[i] + "\"";
      out += ")";
      changed = true;
    }
    return changed ? out : std::string();
  }

  // A spelling correction for a query that matched few passages, kept
  // only when it matches more. Xapian corrects words the index lacks.
  void suggest(const SearchRequest& request, SearchResults& results) {
    constexpr std::int64_t kFewHits = 5;
    if (results.total >= kFewHits || text::is_blank(request.query)) return;
    std::string corrected;
    try {
      parser.set_stopper(nullptr);
      parser.parse_query(request.query, Xapian::QueryParser::FLAG_PHRASE |
                                            Xapian::QueryParser::FLAG_BOOLEAN |
                                            Xapian::QueryParser::FLAG_LOVEHATE |
                                            Xapian::QueryParser::FLAG_SPELLING_CORRECTION);
      corrected = parser.get_corrected_query_string();
    } catch (const Xapian::QueryParserError&) {
      return;
    }
    if (corrected.empty() || corrected == request.query) return;
    corrected = restore_case(request.query, corrected);
    SearchRequest again = request;
    again.query = corrected;
    Xapian::Query fixed = build_query(again);
    // "vaccinations" -> "vaccination": the same terms once stemmed.
    if (fixed.get_description() == build_query(request).get_description()) return;
    Xapian::Enquire enquire(current);
    enquire.set_query(fixed);
    Xapian::MSet mset = enquire.get_mset(0, 0, static_cast<Xapian::doccount>(kFewHits * 100));
    std::int64_t total = mset.get_matches_estimated();
    if (total <= results.total) return;
    results.suggestion = corrected;
    results.suggestion_total = total;
  }

  std::vector<SpeakerSummary> list_speakers(const SearchRequest& request) {
    check_request(request);
    select_databases(request);
    if (text::is_blank(request.query) && request.speakers.empty() && !request.since &&
        !request.until)
      return speakers.list(nullptr);
    Xapian::Enquire enquire(current);
    enquire.set_query(build_query(request));
    SpeakerCountSpy spy;
    enquire.add_matchspy(&spy);
    enquire.get_mset(0, 0, db.get_doccount());
    std::map<std::string, std::int64_t> counts = passages_per_spelling(spy);
    return speakers.list(&counts);
  }

  // The passages the spy counted, per spelling of a speaker's name, each
  // passage once per person: of two spellings of one person in a passage
  // ("Trump", "Donald Trump"), only the first counts it.
  std::map<std::string, std::int64_t> passages_per_spelling(const SpeakerCountSpy& spy) const {
    std::map<std::string, std::int64_t> out;
    for (const auto& [value, count] : spy.counts()) {
      std::set<std::string> people;
      for (const auto& name : SpeakerCountSpy::names(value))
        if (people.insert(speakers.canonical(name)).second) out[name] += count;
    }
    return out;
  }

  // Canonical names for the spellings in the index, keeping the spelling
  // in `written`; two spellings of one person in a passage ("Trump"
  // and "Donald Trump") are one speaker, the first found.
  void canonicalize(std::vector<HitSpeaker>& hit_speakers) const {
    std::vector<HitSpeaker> people;
    for (auto& sp : hit_speakers) {
      std::string c = speakers.canonical(sp.name);
      if (c != sp.name) {
        sp.written = sp.name;
        sp.name = c;
      }
      if (std::none_of(people.begin(), people.end(),
                       [&](const HitSpeaker& p) { return p.name == sp.name; }))
        people.push_back(std::move(sp));
    }
    hit_speakers = std::move(people);
  }

  // The passage `ordinal` of the article `article_key` ("<file>#<n>", as in
  // the collapse slot): the ordinal-th posting of the article's term (see
  // schema::kArticleTerm); nothing if the article has no such passage.
  std::optional<ContextPassage> passage_at(const std::string& article_key, long ordinal) {
    if (ordinal < 0) return std::nullopt;
    std::string term = std::string(schema::kArticleTerm) + article_key;
    Xapian::PostingIterator it = current.postlist_begin(term);
    Xapian::PostingIterator end = current.postlist_end(term);
    for (long k = 0; k < ordinal && it != end; ++k) ++it;
    if (it == end) return std::nullopt;
    Hit passage = hit_from_document(current.get_document(*it), nullptr);
    if (passage.ordinal != ordinal) return std::nullopt;  // Not in the order brief-index adds.
    canonicalize(passage.speakers);
    return ContextPassage{passage.ordinal, passage.byte_begin, passage.byte_end,
                          std::move(passage.speakers), std::move(passage.text)};
  }

  // The passage after `doc` in its article, if brief-index added it next:
  // the next document id of the same (sub-)database, which Xapian
  // interleaves over a sharded index.
  Xapian::docid next_docid(Xapian::docid did) const {
    return did + static_cast<Xapian::docid>(std::max<std::size_t>(1, current.size()));
  }

  std::optional<Xapian::Document> next_passage(Xapian::docid did, const Xapian::Document& doc) {
    Xapian::docid next = next_docid(did);
    if (next <= did || next > current.get_lastdocid()) return std::nullopt;
    try {
      Xapian::Document after = current.get_document(next);
      if (after.get_value(schema::kArticle) != doc.get_value(schema::kArticle)) return std::nullopt;
      return after;
    } catch (const Xapian::DocNotFoundError&) {
      return std::nullopt;  // Deleted: its file was re-indexed or removed.
    }
  }

  // Whether `doc` has a word of `query`, or its stem: not the prefixed
  // terms of filters.
  static bool has_query_word(const Xapian::Document& doc, const Xapian::Query& query) {
    Xapian::TermIterator it = doc.termlist_begin();
    // Both lists are in byte order, so one pass of skip_to() does.
    for (auto t = query.get_unique_terms_begin(); t != query.get_unique_terms_end(); ++t) {
      const std::string& term = *t;
      if (!is_word_term(term)) continue;
      it.skip_to(term);
      if (it == doc.termlist_end()) return false;
      if (*it == term) return true;
    }
    return false;
  }

  // The filters a query's matches must pass and the parts they must not
  // match, along the branch that holds what was typed: the right side
  // of FILTER and AND_NOT, through AND, AND_MAYBE, scaling and the first
  // branch of OR (the alternatives of synonyms carry the same).
  static void constraints_of(const Xapian::Query& query, std::vector<Xapian::Query>& filters,
                             std::vector<Xapian::Query>& excluded) {
    std::size_t n = query.get_num_subqueries();
    switch (query.get_type()) {
      case Xapian::Query::OP_FILTER:
        for (std::size_t i = 1; i < n; ++i) filters.push_back(query.get_subquery(i));
        [[fallthrough]];
      case Xapian::Query::OP_AND_MAYBE:
      case Xapian::Query::OP_SCALE_WEIGHT:
      case Xapian::Query::OP_OR:
        if (n > 0) constraints_of(query.get_subquery(0), filters, excluded);
        break;
      case Xapian::Query::OP_AND_NOT:
        for (std::size_t i = 1; i < n; ++i) excluded.push_back(query.get_subquery(i));
        if (n > 0) constraints_of(query.get_subquery(0), filters, excluded);
        break;
      case Xapian::Query::OP_AND:
        for (std::size_t i = 0; i < n; ++i) constraints_of(query.get_subquery(i), filters, excluded);
        break;
      default:
        break;
    }
  }

  // Whether passage `answer` passes the query's filters (speaker:, date:, options)
  // and matches none of its excluded parts (-Republican, -speaker:Psaki):
  // one small match over its article's passages.
  bool meets_constraints(Xapian::docid answer, const Xapian::Document& doc,
                         const Xapian::Query& query) {
    std::vector<Xapian::Query> filters, excluded;
    constraints_of(query, filters, excluded);
    if (filters.empty() && excluded.empty()) return true;
    std::string article = std::string(schema::kArticleTerm) + doc.get_value(schema::kArticle);
    Xapian::Query check(article);
    if (!filters.empty())
      check = Xapian::Query(Xapian::Query::OP_FILTER, check,
                            Xapian::Query(Xapian::Query::OP_AND, filters.begin(), filters.end()));
    if (!excluded.empty())
      check = Xapian::Query(Xapian::Query::OP_AND_NOT, check,
                            Xapian::Query(Xapian::Query::OP_OR, excluded.begin(), excluded.end()));
    Xapian::Enquire enquire(current);
    enquire.set_query(check);
    enquire.set_weighting_scheme(Xapian::BoolWeight());
    Xapian::MSet passages = enquire.get_mset(0, current.get_termfreq(article));
    for (auto it = passages.begin(); it != passages.end(); ++it)
      if (*it == answer) return true;
    return false;
  }

  // "Who said what": a question put to a speaker is not what anyone said.
  // When `hit` is an unattributed passage and the next one of its article
  // is attributed and has a word of `query`, shows that answer instead
  // (see Hit::question).
  void prefer_answer(Hit& hit, Xapian::docid did, const Xapian::Document& doc,
                     const Xapian::Query& query, const Xapian::MSet& mset,
                     const SearchRequest& request) {
    // Transcripts only: there an unattributed passage is mostly a
    // reporter's turn; in a release it is narration, as is the next one.
    if (!hit.speakers.empty() || hit.kind != article_kind_name(ArticleKind::kTranscript)) return;
    std::optional<Xapian::Document> next = next_passage(did, doc);
    if (!next || next->get_value(schema::kSpeakers).empty() || !has_query_word(*next, query) ||
        !meets_constraints(next_docid(did), doc, query))
      return;
    Hit answer = hit_from_document(*next, nullptr);  // Its own fields only.
    if (answer.ordinal != hit.ordinal + 1) return;   // Not added in article order.
    // A speaker's own turn (MR. KIRBY:), not a quote the narration reports.
    bool turn = std::any_of(answer.speakers.begin(), answer.speakers.end(), [](const HitSpeaker& s) {
      return s.method == attribution_method_name(AttributionMethod::kLabel);
    });
    if (!turn) return;
    answer.path = hit.path;
    answer.title = hit.title;
    answer.date = hit.date;
    answer.kind = hit.kind;
    answer.url = hit.url;
    answer.source = hit.source;
    answer.byline = hit.byline;
    canonicalize(answer.speakers);
    add_snippet(answer, mset, request);
    answer.question = ContextPassage{hit.ordinal, hit.byte_begin, hit.byte_end,
                                     std::move(hit.speakers), std::move(hit.text)};
    hit = std::move(answer);
  }

  void add_context(Hit& hit, const Xapian::Document& doc, std::size_t context) {
    std::string article_key = doc.get_value(schema::kArticle);
    if (article_key.empty() || context == 0) return;
    long n = static_cast<long>(std::min<std::size_t>(context, 10000));
    for (long k = hit.ordinal - n; k < hit.ordinal; ++k)
      if (auto p = passage_at(article_key, k)) hit.context_before.push_back(std::move(*p));
    for (long k = hit.ordinal + 1; k <= hit.ordinal + n; ++k) {
      auto p = passage_at(article_key, k);
      if (!p) break;  // The end of the article.
      hit.context_after.push_back(std::move(*p));
    }
  }

  // A hit for `doc`, with canonical speaker names and a snippet of the
  // words `mset` matched.
  Hit make_hit(const Xapian::Document& doc, const Xapian::MSet& mset,
               const SearchRequest& request) {
    Hit hit = hit_from_document(doc, &current);
    canonicalize(hit.speakers);
    add_snippet(hit, mset, request);
    return hit;
  }

  // The hit's snippet: its text around the words `mset` matched.
  void add_snippet(Hit& hit, const Xapian::MSet& mset, const SearchRequest& request) {
    // Xapian adds to the length: a huge one would wrap round to a few bytes.
    const std::size_t snippet_length = std::min<std::size_t>(request.snippet_length, hit.text.size() + 1);
    set_snippet(hit, mset.snippet(hit.text, snippet_length, stemmer,
                                  Xapian::MSet::SNIPPET_EXHAUSTIVE,
                                  std::string(1, kHighlightStart),
                                  std::string(1, kHighlightEnd), "…"));
  }

  // The timeline in three passes over the matches:
  //  1. a ValueCountMatchSpy on the date slot counts every matching
  //     passage per day; months and years add up days;
  //  2. the periods between the first and last are filled in with 0;
  //  3. two one-document searches sorted by the date value, oldest and
  //     newest first, find the first and last dated passage (undated ones
  //     have no value, which would sort first, so they are left out).
  Timeline run_timeline(const SearchRequest& request, TimelineGranularity granularity) {
    check_request(request);
    select_databases(request);
    Timeline timeline;
    timeline.granularity = granularity;
    Xapian::Query query = build_query(request);

    bool by_day = granularity == TimelineGranularity::kDay;
    Xapian::ValueCountMatchSpy spy(schema::kDate);
    Xapian::Enquire counter(current);
    counter.set_query(query);
    counter.set_weighting_scheme(Xapian::BoolWeight());  // Counting only.
    counter.add_matchspy(&spy);
    counter.get_mset(0, 0, db.get_doccount());
    timeline.total = static_cast<std::int64_t>(spy.get_total());
    std::map<std::string, std::int64_t> counts;
    std::int64_t dated = 0;
    for (auto it = spy.values_begin(); it != spy.values_end(); ++it) {
      std::string value = *it;
      std::string period = granularity == TimelineGranularity::kYear ? value.substr(0, 4)
                           : by_day ? iso_day(value)
                                    : iso_month(value);
      counts[period] += static_cast<std::int64_t>(it.get_termfreq());
      dated += static_cast<std::int64_t>(it.get_termfreq());
    }
    timeline.undated = timeline.total - dated;
    if (!counts.empty()) {
      for (std::string period = counts.begin()->first;;
           period = next_period(period, granularity)) {
        auto found = counts.find(period);
        timeline.buckets.push_back({period, found == counts.end() ? 0 : found->second});
        if (period >= counts.rbegin()->first) break;
      }
    }

    Xapian::Query dated_query(Xapian::Query::OP_AND_NOT, query,
                              Xapian::Query(std::string(schema::kUndated)));
    auto end_hit = [&](bool latest) -> std::optional<Hit> {
      Xapian::Enquire enquire(current);
      enquire.set_query(dated_query);
      enquire.set_weighting_scheme(Xapian::BoolWeight());
      enquire.set_sort_by_value(schema::kDate, latest);
      enquire.set_docid_order(latest ? Xapian::Enquire::DESCENDING
                                     : Xapian::Enquire::ASCENDING);
      Xapian::MSet mset = enquire.get_mset(0, 1);
      if (mset.empty()) return std::nullopt;
      Hit hit = make_hit(mset.begin().get_document(), mset, request);
      hit.rank = 1;
      return hit;
    };
    timeline.first = end_hit(false);
    timeline.last = end_hit(true);
    return timeline;
  }

  // The request's own values, the same for a search, a timeline and a
  // speaker listing.
  static void check_request(const SearchRequest& request) {
    if (request.limit > 100000)
      throw Error(ErrorCode::kInvalidArgument,
                  "limit (--limit) " + std::to_string(request.limit) +
                      " is too large (at most 100000)");
    if (request.since && request.until && *request.until < *request.since)
      throw Error(ErrorCode::kInvalidArgument,
                  "until (--until) " + request.until->iso() + " is before since (--since) " +
                      request.since->iso());
    for (const auto& speaker : request.speakers)
      if (text::is_blank(speaker))
        throw Error(ErrorCode::kInvalidArgument,
                    "speaker (--speaker) is empty; give a name or surname, as in --speaker Kirby");
    if (!(request.recency_weight >= 0 && request.recency_weight <= 1))
      throw Error(ErrorCode::kInvalidArgument, "recency weight must be within 0..1");
    if (!(request.half_life_days > 0))
      throw Error(ErrorCode::kInvalidArgument, "half-life must be more than 0 days");
  }

  SearchResults run(const SearchRequest& request) {
    check_request(request);
    select_databases(request);

    bool has_text = !text::is_blank(request.query);
    Xapian::Query full_query = build_query(request);
    Xapian::Enquire enquire(current);
    enquire.set_query(full_query);
    if (options.time_limit)
      enquire.set_time_limit(std::chrono::duration<double>(*options.time_limit).count());
    // Three or more plain words; two are mostly one name or term ("New
    // START", "Ned Price") that each word alone would not find.
    bool relaxable = has_text && is_plain_words(request.query) &&
                     text::split_words(request.query).size() >= 3 &&
                     !is_natural_language(request.query);
    // With no words to rank by, every weight is 0: list newest first.
    // Fields alone ("speaker:Kirby", "title:gaggle") and excluded words
    // alone weigh only the speaker bonus: those with a speaker first,
    // newest first within each, in one order for every page (no blend).
    bool words = has_text && !only_excluded(request.query) && has_word_terms(full_query);
    SortOrder sort = request.sort;
    if (sort == SortOrder::kDate || !has_text) {
      enquire.set_sort_by_value_then_relevance(schema::kDate, true);
    } else if (!words) {
      enquire.set_sort_by_relevance_then_value(schema::kDate, true);
      sort = SortOrder::kRelevance;
    }

    if (request.one_per_article) enquire.set_collapse_key(schema::kArticle);
    std::size_t wanted = request.offset + request.limit;
    // The blend re-ranks a window of the best matches by relevance
    // (Elasticsearch's "rescore" window): wide enough that the first page
    // is exact in practice, small enough to stay fast. The window is the
    // same for every page size and offset, and matches past it follow in
    // relevance order, so pages join up without repeats or gaps.
    std::size_t window = sort == SortOrder::kBlend
                             ? std::max<std::size_t>(kBlendWindow, wanted)
                             : wanted;
    Xapian::MSet mset = enquire.get_mset(0, static_cast<Xapian::doccount>(window));
    if (relaxable && mset.size() < kRelaxBelow) {
      // Too few passages have every word ("Dobbs abortion ruling" where a
      // passage says "decision"): let any word match, those with all of
      // them first. Elasticsearch's minimum_should_match, by retry.
      enquire.set_query(build_query(request, /*relaxed=*/true));
      mset = enquire.get_mset(0, static_cast<Xapian::doccount>(window));
    }

    SearchResults results;
    results.unavailable_shards = unavailable;
    results.partial = !unavailable.empty();
    results.parsed_query = enquire.get_query().get_description();
    results.total = mset.get_uncollapsed_matches_estimated();
    results.total_exact = mset.get_uncollapsed_matches_lower_bound() ==
                          mset.get_uncollapsed_matches_upper_bound();
    // The window starts at the first match, so an empty one (run to the
    // end, no time limit) is none at all, whatever the estimate ("Ukraine
    // -Ukraine" was estimated at 9,163).
    if (mset.empty() && !options.time_limit) {
      results.total = 0;
      results.total_exact = true;
    }
    // The matcher stops early, and its estimate can be far off for
    // filtered or all-words queries ("about 65" for 982). When it says
    // fewer than kExactCount, a pass that neither weights, sorts nor
    // collapses counts exactly, up to kExactCount (a bounded cost, like
    // Elasticsearch's track_total_hits); past that the total is a lower
    // bound. Larger estimates are left as they are: counting them costs
    // a third more at the 99th percentile on the 10x corpus.
    constexpr Xapian::doccount kExactCount = 1000;
    if (!request.facets && !results.total_exact &&
        results.total < static_cast<std::int64_t>(kExactCount)) {
      Xapian::Enquire counter(current);
      counter.set_query(enquire.get_query());
      counter.set_weighting_scheme(Xapian::BoolWeight());
      Xapian::MSet counted = counter.get_mset(0, 0, kExactCount);
      results.total_exact = counted.get_matches_lower_bound() == counted.get_matches_upper_bound();
      results.total = results.total_exact ? counted.get_matches_estimated() : kExactCount;
      results.total_at_least = !results.total_exact;
    }

    if (request.facets) {
      // Facets count every matching passage, so they run without the
      // collapse and check every candidate.
      SpeakerCountSpy speaker_spy;
      Xapian::ValueCountMatchSpy day_spy(schema::kDate);
      Xapian::Enquire counter(current);
      counter.set_query(enquire.get_query());
      counter.add_matchspy(&speaker_spy);
      counter.add_matchspy(&day_spy);
      Xapian::MSet all = counter.get_mset(0, 0, db.get_doccount());
      results.total = all.get_matches_estimated();
      results.total_exact = true;
      std::map<std::string, std::int64_t> people;
      for (const auto& [name, count] : passages_per_spelling(speaker_spy))
        people[speakers.canonical(name)] += count;
      for (const auto& [name, count] : people) results.speaker_facets.push_back({name, count});
      std::stable_sort(results.speaker_facets.begin(), results.speaker_facets.end(),
                       [](const FacetCount& a, const FacetCount& b) {
                         return a.count > b.count;
                       });
      std::map<std::string, std::int64_t> months;  // In date order.
      for (auto it = day_spy.values_begin(); it != day_spy.values_end(); ++it)
        months[iso_month(*it)] += static_cast<std::int64_t>(it.get_termfreq());
      for (const auto& [month, count] : months) results.month_facets.push_back({month, count});
    }

    std::optional<Date> newest = newest_date();
    struct Ranked {
      Xapian::MSetIterator it;
      double relevance, factor, score;
      std::optional<double> age;
    };
    std::vector<Ranked> ranked;
    for (auto it = mset.begin(); it != mset.end(); ++it) {
      double relevance = it.get_weight();
      double factor = 1;
      std::optional<double> age;
      if (sort == SortOrder::kBlend) {
        std::string ymd = it.get_document().get_value(schema::kDate);
        if (newest && ymd.size() == 8) {
          Date d{std::stoi(ymd.substr(0, 4)), std::stoi(ymd.substr(4, 2)),
                 std::stoi(ymd.substr(6, 2))};
          age = days_between(d, *newest);
        }
        factor = recency_factor(age, request.recency_weight, request.half_life_days);
      }
      ranked.push_back({it, relevance, factor, relevance * factor, age});
    }
    if (sort == SortOrder::kBlend)
      std::stable_sort(ranked.begin(),
                       ranked.begin() + static_cast<std::ptrdiff_t>(std::min(kBlendWindow, ranked.size())),
                       [](const Ranked& a, const Ranked& b) { return a.score > b.score; });

    for (std::size_t i = request.offset; i < ranked.size() && i < wanted; ++i) {
      const Ranked& r = ranked[i];
      Xapian::Document doc = r.it.get_document();
      Hit hit = make_hit(doc, mset, request);
      if (request.one_per_article && has_text)
        prefer_answer(hit, *r.it, doc, enquire.get_query(), mset, request);
      add_context(hit, doc, request.context);  // Around the passage shown.
      hit.rank = i + 1;
      hit.relevance = r.relevance;
      hit.recency = r.factor;
      hit.age_days = r.age;
      hit.score = r.score;
      results.hits.push_back(std::move(hit));
    }

    suggest(request, results);
    return results;
  }

  // Catches up with what brief-index committed since the last read, so a
  // long-lived Searcher (a --batch run, an embedding program) sees each
  // update and a --rebuild once it is done. Xapian's reopen() only reads
  // each database's version file; remote shards are left as they are.
  void refresh() {
    try {
      if (!sharded) {
        if (db.reopen()) setup();
        return;
      }
      bool changed = false;
      for (auto& shard : shards)
        if (!shard.entry.remote) changed = shard.db.reopen() || changed;
      if (changed) {
        open_databases();  // The stub may list new shards; dates move.
        setup();
      }
    } catch (const Xapian::Error&) {
      // Being rewritten: the read below retries, or reports it.
    }
  }

  // Runs `read`, after refresh(); when a writer commits under it
  // (Xapian::DatabaseModifiedError), reopens and tries once more.
  template <typename Read>
  auto with_retry(Read read) -> decltype(read()) {
    refresh();
    for (int attempt = 0;; ++attempt) {
      try {
        return read();
      } catch (const Xapian::DatabaseModifiedError&) {
        if (attempt >= kReadAttempts)
          throw Error(ErrorCode::kIoError, "index " + path + " kept changing; try again");
        db.reopen();
        setup();
      } catch (const Xapian::NetworkError& e) {
        // A remote shard went away or stopped answering: go on without
        // it (the results say they are partial).
        if (attempt >= kReadAttempts || !drop_unreachable_shards()) throw_from_xapian(e, path);
        setup();
      } catch (const Xapian::DatabaseError& e) {
        // `brief-index --rebuild` rewrites the tables in place, so a
        // reader may find a block gone ("EOF reading block"): open the
        // index afresh and read again; a damaged index still fails.
        if (attempt >= kReadAttempts) throw_from_xapian(e, path);
        std::this_thread::sleep_for(std::chrono::milliseconds(50 << attempt));
        try {
          open_databases();
          setup();
        } catch (const Xapian::Error&) {
          // Still being rewritten: the next attempt reads again.
        }
      } catch (const Xapian::Error& e) {
        throw_from_xapian(e, path);
      }
    }
  }

  // The newest date of the whole index (not of the shards searched), so
  // that recency is the same with or without date filters.
  std::optional<Date> newest_date() {
    if (!sharded) return date_from_value(schema::date_bounds(db).newest);
    std::string newest;
    for (const auto& shard : shards) newest = std::max(newest, shard.dates.newest);
    return date_from_value(newest);
  }

  static std::optional<Date> date_from_value(const std::string& ymd) {
    if (ymd.size() != 8) return std::nullopt;
    return parse_date(ymd);
  }
};

Searcher::Searcher(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Searcher::Searcher(Searcher&&) noexcept = default;
Searcher& Searcher::operator=(Searcher&&) noexcept = default;
Searcher::~Searcher() = default;

Searcher Searcher::open(const std::string& path, const OpenOptions& options) {
  std::error_code ec;
  if (!std::filesystem::exists(path, ec))
    throw Error(ErrorCode::kNotFound,
                "no index at " + path +
                    "; build one with brief-index PATH... (or set --index / BRIEF_INDEX)");
  namespace fs = std::filesystem;
  if (!shards::stub_file(path) &&
      (!fs::is_directory(path, ec) || (!fs::exists(fs::path(path) / "iamglass", ec) &&
                                       !fs::exists(fs::path(path) / "iamchert", ec))))
    throw Error(ErrorCode::kNotFound,
                path + " is not a brief-search index; check --index or BRIEF_INDEX");
  auto impl = std::make_unique<Impl>();
  impl->path = path;
  impl->options = options;
  // While `brief-index --rebuild` rewrites the tables, opening may read a
  // half-written block: try again a few times, as searches do.
  for (int attempt = 0;; ++attempt) {
    try {
      impl->open_databases();
      impl->setup();
      break;
    } catch (const Xapian::DatabaseVersionError& e) {
      throw_from_xapian(e, path);
    } catch (const Xapian::DatabaseNotFoundError& e) {
      throw_from_xapian(e, path);
    } catch (const Xapian::DatabaseError& e) {
      if (attempt >= kReadAttempts) throw_from_xapian(e, path);
      std::this_thread::sleep_for(std::chrono::milliseconds(50 << attempt));
    } catch (const Xapian::Error& e) {
      throw_from_xapian(e, path);
    }
  }
  return Searcher(std::move(impl));
}

SearchResults Searcher::search(const SearchRequest& request) {
  return impl_->with_retry([&] { return impl_->run(request); });
}

Timeline Searcher::timeline(const SearchRequest& request, TimelineGranularity granularity) {
  return impl_->with_retry([&] { return impl_->run_timeline(request, granularity); });
}

std::string_view timeline_granularity_name(TimelineGranularity granularity) {
  switch (granularity) {
    case TimelineGranularity::kDay: return "day";
    case TimelineGranularity::kYear: return "year";
    case TimelineGranularity::kMonth: break;
  }
  return "month";
}

std::vector<SpeakerSummary> Searcher::speakers(const SearchRequest& request) {
  return impl_->with_retry([&] { return impl_->list_speakers(request); });
}

IndexSummary Searcher::summary() {
  impl_->refresh();
  try {
    IndexSummary s;
    s.passages = impl_->db.get_doccount();
    std::string prefix(schema::kFileMetaPrefix);
    // Metadata of a combined database is its first shard's: count each.
    std::vector<Xapian::Database> parts;
    for (const auto& shard : impl_->shards) parts.push_back(shard.db);
    if (!impl_->sharded) parts.push_back(impl_->db);
    for (auto& part : parts)
      for (auto it = part.metadata_keys_begin(prefix); it != part.metadata_keys_end(prefix); ++it)
        if (!part.get_metadata(*it).empty()) ++s.files;
    schema::DateBounds dates;
    if (impl_->sharded) {
      for (const auto& shard : impl_->shards) dates.add(shard.dates);
    } else {
      dates = schema::date_bounds(impl_->db);
    }
    s.newest = Impl::date_from_value(dates.newest);
    s.oldest = Impl::date_from_value(dates.oldest);
    return s;
  } catch (const Xapian::Error& e) {
    throw_from_xapian(e, impl_->path);
  }
}

}  // namespace brief

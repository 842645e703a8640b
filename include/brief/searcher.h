// Copyright (c) 2026 The brief-search Authors. MIT licence.
// Searching an index for passages.

#ifndef BRIEF_INCLUDE_BRIEF_SEARCHER_H_
#define BRIEF_INCLUDE_BRIEF_SEARCHER_H_

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "brief/date.h"
#include "brief/speaker.h"

namespace brief {

enum class SortOrder {
  kBlend,      // Relevance times a recency factor (the default).
  kRelevance,  // Relevance alone.
  kDate,       // Newest first, relevance breaking ties.
};

struct SearchRequest {
  // Behaviour.

  // Xapian query syntax: words, "phrases", AND/OR/NOT, +/-, and the
  // prefixes speaker:, title: and date: (any form parse_date_range()
  // takes: date:2023-03, date:2023-01..2023-03, date:P30D/ ...). May be
  // empty when a filter is given, to list every passage that passes the
  // filters.
  std::string query;
  // Keep passages spoken by any of these people (names or surnames).
  std::vector<std::string> speakers;
  // Keep passages dated within [since, until]; undated passages are
  // dropped when either is set.
  std::optional<Date> since;
  std::optional<Date> until;
  // The day that relative dates in the query (date:30d.., date:P30D/)
  // count back from. Default: unset, meaning system_today().
  std::optional<Date> today;
  std::size_t offset = 0;
  std::size_t limit = 10;
  SortOrder sort = SortOrder::kBlend;
  // Blend: score = relevance * (1 - weight + weight * 0.5^(age / half_life))
  // with age in days before the newest passage of the index. Undated
  // passages count as infinitely old. Defaults 0.25 and 365 days.
  double recency_weight = 0.25;
  double half_life_days = 365;
  // Show only the best passage of each article (Xapian's collapse key),
  // or every matching passage. Default true.
  bool one_per_article = true;
  // Count matching passages by speaker and by month. Default false.
  bool facets = false;
  // Snippet length in bytes, about. Default 300.
  std::size_t snippet_length = 300;
  // Passages of the same article to return before and after each hit, as
  // grep -C does with lines. Default 0.
  std::size_t context = 0;
};

// A speaker of a hit.
struct HitSpeaker {
  std::string name;     // Canonical: the same for every spelling.
  std::string role;
  std::string method;   // attribution_method_name()
  std::string written;  // The spelling in the text, when not `name`.

  bool operator==(const HitSpeaker&) const = default;
};

// A passage next to a hit in its article, given as context.
struct ContextPassage {
  int ordinal = 0;  // Passage number in the article, 0-based.
  std::size_t byte_begin = 0;
  std::size_t byte_end = 0;
  std::vector<HitSpeaker> speakers;
  std::string text;  // The whole passage.

  bool operator==(const ContextPassage&) const = default;
};

struct Hit {
  std::size_t rank = 0;  // 1-based, counting from the first result.
  double score = 0;      // What the hits are ordered by (for kDate, relevance).
  double relevance = 0;  // Xapian BM25 weight plus the ranking bonuses.
  double recency = 1;    // The blend factor applied to relevance.
  // For kBlend, the passage's age in days before the newest date of the
  // index, from which `recency` was computed; unset when undated or when
  // not blending.
  std::optional<double> age_days;
  std::string path;      // Source file.
  std::string title;
  std::optional<Date> date;
  std::string kind;  // article_kind_name()
  std::string url;
  std::string source;
  std::string byline;
  int ordinal = 0;  // Passage number in its article, 0-based.
  std::size_t byte_begin = 0;
  std::size_t byte_end = 0;
  std::vector<HitSpeaker> speakers;
  std::string text;  // The whole passage.
  // An excerpt around the matches, plain text (not HTML-escaped).
  std::string snippet;
  // Byte ranges [first, second) of matched words within `snippet`.
  std::vector<std::pair<std::size_t, std::size_t>> highlights;
  // With SearchRequest::context = N: up to N passages of the same article
  // just before and just after this one, in article order. Fewer at the
  // start or end of the article; empty when N is 0.
  std::vector<ContextPassage> context_before;
  std::vector<ContextPassage> context_after;
  // Set when the article is a transcript, its best passage was one nobody
  // is attributed with (a reporter's question) and the passage right after
  // it is a speaker's own turn that shares a word of the query: the hit is
  // then that answer, ranked by the question's score, and `question` is
  // the passage that matched. Only with one hit per article.
  std::optional<ContextPassage> question;
};

struct FacetCount {
  std::string value;  // A speaker name, or a month "YYYY-MM".
  std::int64_t count = 0;

  bool operator==(const FacetCount&) const = default;
};

struct SearchResults {
  // Number of matching passages: exact when facets were asked for or
  // when at most 1,000 match; otherwise Xapian's estimate, or, when
  // `total_at_least`, a lower bound (more than 1,000 match).
  std::int64_t total = 0;
  bool total_exact = false;
  bool total_at_least = false;
  std::vector<Hit> hits;
  std::vector<FacetCount> speaker_facets;  // Most passages first.
  std::vector<FacetCount> month_facets;    // Oldest month first.
  // "Did you mean": when the query matched few passages (fewer than 5),
  // the query with misspelled words corrected from the index's spelling
  // data, if that finds more; else empty.
  std::string suggestion;
  std::int64_t suggestion_total = 0;  // Passages the suggestion matches.
  // The query as run, filters included, in Xapian's notation
  // (Xapian::Query::get_description()), to show how the request was read.
  // Not stable between versions: for people, not programs.
  std::string parsed_query;
  // A sharded index with a remote shard that did not answer: the hits
  // come from the other shards only. One line per shard left out.
  bool partial = false;
  std::vector<std::string> unavailable_shards;
};

// The length of a timeline's periods.
enum class TimelineGranularity {
  kDay,    // "YYYY-MM-DD"
  kMonth,  // "YYYY-MM" (the default)
  kYear,   // "YYYY"
};

// "day", "month" or "year".
std::string_view timeline_granularity_name(TimelineGranularity granularity);

// Matching passages in one period.
struct TimelineBucket {
  std::string period;  // As timeline_granularity_name() describes.
  std::int64_t count = 0;

  bool operator==(const TimelineBucket&) const = default;
};

// When a query's matching passages were said: counts per period and the
// earliest and latest passage.
struct Timeline {
  TimelineGranularity granularity = TimelineGranularity::kMonth;
  // Every period from the first to the last with a dated matching
  // passage, oldest first, the ones between with a count of 0. Empty when
  // no dated passage matches.
  std::vector<TimelineBucket> buckets;
  // Matching passages, every one (never one per article), exactly; and
  // how many of them are undated, so not in any bucket.
  std::int64_t total = 0;
  std::int64_t undated = 0;
  // The earliest and the latest dated matching passage: "who said it
  // first". Of several on the same day, `first` is the one indexed first
  // (the earliest in its article) and `last` the one indexed last. Absent
  // when no dated passage matches. `rank` is 1, and `score`, `relevance`
  // and `recency` are 0 and 1: these are chosen by date alone.
  std::optional<Hit> first;
  std::optional<Hit> last;
};

// One person in the index, for listings.
struct SpeakerSummary {
  std::string name;                  // Canonical name.
  std::vector<std::string> aliases;  // Other spellings found.
  std::vector<std::string> roles;    // Most frequent first, at most 3.
  std::int64_t passages = 0;         // Passages attributed to the person.

  bool operator==(const SpeakerSummary&) const = default;
};

// What an index holds.
struct IndexSummary {
  std::int64_t files = 0;
  std::int64_t passages = 0;
  std::optional<Date> newest;
  std::optional<Date> oldest;
};

// A read-only view of an index. Many Searchers, in any processes, may
// read an index while one Indexer writes it. Not thread-safe; use one per
// thread. Move-only.
struct OpenOptions {
  // Remote shards (stub lines "remote HOST:PORT"): how long to wait for a
  // server to connect and for each answer. A shard that does not answer
  // in time is left out and the results say they are partial. Default 10 s.
  std::chrono::milliseconds remote_timeout{10000};
  // Bounds the matcher's time per search (Xapian's
  // Enquire::set_time_limit): past it, the best passages found so far are
  // returned. When set, searches with `since` or `until` also leave out
  // remote shards whose dates cannot pass them (saving their round trips;
  // BM25 statistics then lack those shards). Default unset: no bound.
  std::optional<std::chrono::milliseconds> time_limit;
};

class Searcher {
 public:
  // Opens the index at `path`: an index folder, a sharded index folder
  // (with a Xapian stub XAPIANDB) or a stub file listing local and remote
  // shards (docs/SCALING.md). Throws brief::Error kNotFound if there is
  // no index there, kIndexCorrupt or kIndexVersion if it cannot be read,
  // kIoError if no shard of a stub answers.
  static Searcher open(const std::string& path, const OpenOptions& options = {});

  Searcher(Searcher&&) noexcept;
  Searcher& operator=(Searcher&&) noexcept;
  ~Searcher();

  // Runs `request`. It is not an error when nothing matches. Throws
  // brief::Error kQuerySyntax for a query that cannot be parsed and
  // kInvalidArgument for bad request values.
  SearchResults search(const SearchRequest& request);

  // Counts the passages matching `request` per day, month or year, and
  // finds the earliest and latest of them. Uses the request's query,
  // speakers, since, until, today and snippet_length; the paging, sort,
  // collapse and facet fields do not apply. It is not an error when
  // nothing matches. Throws as search().
  Timeline timeline(const SearchRequest& request,
                    TimelineGranularity granularity = TimelineGranularity::kMonth);

  IndexSummary summary();

  // Lists the people speaking in the index, most passages first; with a
  // query (same syntax and filters as search()), counts only passages that
  // match it. Throws as search().
  std::vector<SpeakerSummary> speakers(const SearchRequest& request);

 private:
  struct Impl;
  explicit Searcher(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace brief

#endif  // BRIEF_INCLUDE_BRIEF_SEARCHER_H_

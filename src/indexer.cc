// Copyright (c) 2026 The brief-search Authors. MIT licence.
// Building and updating an index from article files.
//
// An update runs as a pipeline:
//  1. walk the inputs and stat every file (main thread);
//  2. compare with the manifest kept in the index metadata: files with the
//     same size and mtime are skipped unread; files under an input that
//     are no longer on disk are scheduled for removal;
//  3. worker threads read, hash, parse, split, attribute and build the
//     Xapian documents of the remaining files, each with its own
//     TermGenerator;
//  4. the calling thread is the single writer: per file it deletes the old
//     passages (by the XF<file> term), adds the new ones and writes the
//     manifest entry, all inside a Xapian transaction of batch_files files,
//     so a crash loses whole files' work, never part of one.

#include "brief/indexer.h"

#include <xapian.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdlib>
#include <deque>
#include <filesystem>
#include <fstream>
#include <map>
#include <mutex>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>
#include <thread>
#include <unordered_map>
#include <unordered_set>
#include <utility>

#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include "brief/article.h"
#include "brief/error.h"
#include "brief/speaker.h"
#include "manifest.h"
#include "schema.h"
#include "shards.h"
#include "speaker_directory.h"
#include "text.h"
#include "vocabulary.h"
#include "xapian_error.h"

namespace brief {

namespace fs = std::filesystem;

std::string default_index_path() {
  if (const char* env = std::getenv("BRIEF_INDEX"); env && *env) return env;
  std::string base;
  if (const char* xdg = std::getenv("XDG_DATA_HOME"); xdg && *xdg) {
    base = xdg;
  } else if (const char* home = std::getenv("HOME"); home && *home) {
    base = std::string(home) + "/.local/share";
  } else {
    base = ".";
  }
  return base + "/brief-search/index";
}

namespace {

// Files larger than this are refused, so memory stays bounded.
constexpr std::int64_t kMaxFileBytes = 64 << 20;
// Parsed files waiting for the writer, at most.
constexpr std::size_t kQueueCapacity = 64;
// A batch also ends once it has added this many passages: Xapian buffers a
// transaction's postings in memory, and merging much more than its own
// flush threshold (10,000 documents) at once is slower. On the shared
// corpus, batches of ~300 files (~9,000 passages) indexed 5-8% faster
// than batches of 1,000, with 50 MB less memory (docs/BENCHMARKS.md).
constexpr std::size_t kBatchPassages = 10000;

bool is_indexable_extension(const fs::path& p) {
  std::string ext = text::ascii_lower(p.extension().string());
  return ext.empty() || ext == ".txt" || ext == ".md" ||
         ext == ".markdown" || ext == ".json" || ext == ".jsonl" ||
         ext == ".ndjson" || ext == ".text";
}

// Repository furniture that sits beside articles in a corpus folder.
bool is_repository_file(const fs::path& p) {
  std::string name = text::ascii_lower(p.filename().string());
  for (std::string_view stem : {"readme", "license", "licence", "copying",
                                "changelog", "source.md", "authors",
                                "aliases.json", "synonyms.txt"}) {
    if (name == stem || name.starts_with(std::string(stem) + ".")) return true;
  }
  return false;
}

std::int64_t mtime_ns(const fs::file_time_type& t) {
  return std::chrono::duration_cast<std::chrono::nanoseconds>(
             t.time_since_epoch())
      .count();
}

// A file's modification time as fs::last_write_time() gives it, from a
// stat(2) the walk already made.
std::int64_t mtime_ns(const struct stat& st) {
  auto since_epoch = std::chrono::seconds(st.st_mtim.tv_sec) +
                     std::chrono::nanoseconds(st.st_mtim.tv_nsec);
  std::chrono::system_clock::time_point sys(
      std::chrono::duration_cast<std::chrono::system_clock::duration>(since_epoch));
  return mtime_ns(std::chrono::file_clock::from_sys(sys));
}

// Extensions of files that may have a NAME.json sidecar.
bool takes_sidecar(const fs::path& p) {
  std::string ext = text::ascii_lower(p.extension().string());
  return ext == ".txt" || ext == ".md" || ext == ".markdown" || ext == ".text";
}

fs::path sidecar_of(const fs::path& p) {
  fs::path s = p;
  s.replace_extension(".json");
  return s;
}

// Whether `p` is the NAME.json sidecar of a text file beside it; `exists`
// says whether a path is a regular file.
template <typename Exists>
bool is_sidecar(const fs::path& p, Exists exists) {
  if (text::ascii_lower(p.extension().string()) != ".json") return false;
  for (const char* ext : {".txt", ".md", ".markdown", ".text"}) {
    fs::path sibling = p;
    sibling.replace_extension(ext);
    if (exists(sibling)) return true;
  }
  return false;
}

// A file's outcome, built by a worker thread.
struct FileResult {
  ManifestEntry entry;
  bool touched_only = false;   // Content unchanged; refresh times only.
  bool is_new = false;
  std::optional<std::string> failure;
  std::vector<Xapian::Document> documents;
  std::vector<std::string> warnings;
  std::vector<vocabulary::Definition> definitions;  // "... Treaty (START)"
  std::map<std::string, unsigned> spelling;         // word -> uses
  std::optional<Date> date;  // Of the first dated article: picks the shard.
};

std::string read_whole_file(const std::string& path, std::int64_t size) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw Error(ErrorCode::kIoError, "cannot open for reading (permission denied?)");
  std::string content;
  content.resize(static_cast<std::size_t>(std::max<std::int64_t>(size, 0)));
  in.read(content.data(), static_cast<std::streamsize>(content.size()));
  content.resize(static_cast<std::size_t>(in.gcount()));
  // The file may have grown since it was stat'ed.
  std::ostringstream rest;
  rest << in.rdbuf();
  content += rest.str();
  if (in.bad()) throw Error(ErrorCode::kIoError, "read error");
  return content;
}

// An alias or synonyms file's text; kNotFound naming it when unreadable.
std::string read_settings_file(const std::string& path, const char* what) {
  std::error_code ec;
  if (fs::is_directory(path, ec))
    throw Error(ErrorCode::kInvalidArgument,
                path + ": is a folder; give the " + std::string(what) + " itself");
  if (fs::exists(path, ec) && !fs::is_regular_file(path, ec))
    throw Error(ErrorCode::kInvalidArgument, path + ": not a regular file (" + what + ")");
  std::ifstream in(path, std::ios::binary);
  if (!in) throw Error(ErrorCode::kNotFound, path + ": cannot read " + what);
  std::ostringstream buf;
  buf << in.rdbuf();
  std::string text = buf.str();
  if (auto bad = text::find_invalid_utf8(text))
    throw Error(ErrorCode::kInvalidArgument,
                path + ": " + what + " is not UTF-8 text (invalid byte at offset " +
                    std::to_string(*bad) + ")");
  return text;
}

nlohmann::json speakers_json(const std::vector<Attribution>& speakers) {
  nlohmann::json list = nlohmann::json::array();
  for (const auto& a : speakers) {
    nlohmann::json s = {{"name", a.name},
                        {"method", std::string(attribution_method_name(a.method))}};
    if (!a.role.empty()) s["role"] = a.role;
    list.push_back(std::move(s));
  }
  return list;
}

// The passage text as words are indexed: a possessive "’s" after a
// capitalised name is dropped, so that "Blinken" (which QueryParser leaves
// unstemmed, as a proper noun) finds "Blinken’s". Contractions such as
// "It’s" keep theirs.
std::string text_for_terms(const std::string& s) {
  static const std::set<std::string, std::less<>> kContractions = {
      "It", "That", "There", "He", "She", "What", "Here", "Who", "Let",
      "Where", "How", "When", "Why", "Everyone", "Everybody", "Nobody"};
  std::string out;
  out.reserve(s.size());
  std::size_t word_start = 0;
  for (std::size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    if (c == ' ') word_start = i + 1;
    std::size_t apostrophe = 0;
    if (c == '\'') apostrophe = 1;
    else if (s.compare(i, 3, "\xE2\x80\x99") == 0) apostrophe = 3;
    if (apostrophe && i > word_start && i + apostrophe < s.size() &&
        s[i + apostrophe] == 's' &&
        (i + apostrophe + 1 == s.size() ||
         !std::isalnum(static_cast<unsigned char>(s[i + apostrophe + 1]))) &&
        text::is_ascii_upper(s[word_start])) {
      std::string_view word(s.data() + word_start, i - word_start);
      if (!kContractions.count(word)) {
        i += apostrophe;  // Skip the apostrophe and the "s".
        continue;
      }
    }
    out.push_back(c);
  }
  return out;
}

// Turns the articles of one file into Xapian documents.
std::vector<Xapian::Document> build_documents(
    const std::vector<Article>& articles, const std::string& key,
    const SplitOptions& split, const AliasTable& aliases, Xapian::TermGenerator& generator,
    std::int64_t& passages_out, FileResult& vocabulary_out) {
  std::vector<Xapian::Document> docs;
  for (std::size_t a = 0; a < articles.size(); ++a) {
    const Article& article = articles[a];
    std::vector<Passage> passages = split_passages(article, split);
    SpeakerAnalysis analysis = analyze_speakers(article, passages, &aliases);
    const auto& speakers = analysis.speakers;
    const auto& people = analysis.people;
    std::string article_key = key + "#" + std::to_string(a);
    for (std::size_t i = 0; i < passages.size(); ++i) {
      const Passage& p = passages[i];
      Xapian::Document doc;
      generator.set_document(doc);
      generator.index_text(text_for_terms(p.text));
      // The title's words go on the article's first passage only; title:
      // finds the article there (schema::kArticleTerm does the rest), and
      // repeating them on every passage made the index a quarter larger.
      if (i == 0) {
        generator.increase_termpos();
        generator.index_text(article.title, 1, std::string(schema::kTitle));
      }
      // Acronyms in capitals get a term of their own ("START" is not the
      // verb "start"), which synonyms point at.
      for (const auto& a : vocabulary::acronyms_in(p.text)) doc.add_term(vocabulary::acronym_term(a));
      for (auto& d : vocabulary::find_definitions(p.text))
        vocabulary_out.definitions.push_back(std::move(d));
      vocabulary::count_spelling_words(p.text, vocabulary_out.spelling);
      if (i == 0) vocabulary::count_spelling_words(article.title, vocabulary_out.spelling);
      doc.add_boolean_term(std::string(schema::kFile) + key);
      doc.add_boolean_term(std::string(schema::kArticleTerm) + article_key);
      doc.add_boolean_term(std::string(schema::kKind) +
                           std::string(article_kind_name(article.kind)));
      std::string speaker_value;
      for (const auto& s : speakers[i]) {
        std::string id = speaker_id(s.name);
        if (id.size() > 200) id.resize(200);  // Xapian's term length limit.
        doc.add_boolean_term(std::string(schema::kSpeaker) + id);
        std::string display = s.name.substr(0, 200);
        doc.add_boolean_term(std::string(schema::kSpeakerName) + display);
        if (!s.role.empty())
          doc.add_boolean_term((std::string(schema::kSpeakerRole) + id + schema::kSpeakerSeparator +
                                s.role).substr(0, 240));
        if (!speaker_value.empty()) speaker_value += schema::kSpeakerSeparator;
        speaker_value += s.name;
      }
      if (!speaker_value.empty()) doc.add_value(schema::kSpeakers, speaker_value);
      if (article.date) {
        std::string ymd = article.date->iso();
        doc.add_value(schema::kDate, ymd.substr(0, 4) + ymd.substr(5, 2) +
                                         ymd.substr(8, 2));
      } else {
        doc.add_boolean_term(std::string(schema::kUndated));
      }
      doc.add_value(schema::kArticle, article_key);
      if (i == 0)
        for (const auto& person : people)
          doc.add_boolean_term((std::string(schema::kPerson) + person).substr(0, 240));
      nlohmann::json data = {
          {"ordinal", p.ordinal},
          {"begin", p.byte_begin},
          {"end", p.byte_end},
          {"text", p.text},
          {"speakers", speakers_json(speakers[i])},
      };
      // The article's own fields are stored once, on its first passage.
      if (i == 0) {
        data["path"] = article.path;
        data["title"] = article.title;
        data["kind"] = std::string(article_kind_name(article.kind));
        if (article.date) data["date"] = article.date->iso();
        if (!article.url.empty()) data["url"] = article.url;
        if (!article.source.empty()) data["source"] = article.source;
        if (!article.byline.empty()) data["byline"] = article.byline;
      }
      doc.set_data(data.dump(-1, ' ', false,
                             nlohmann::json::error_handler_t::replace));
      docs.push_back(std::move(doc));
    }
    passages_out += static_cast<std::int64_t>(passages.size());
  }
  return docs;
}

// A bounded queue from the workers to the writer. It hands results over in
// the order of the work list, whatever order the threads finish in, so a
// build's document ids, and with them the order of tied hits, are the same
// on every run.
class ResultQueue {
 public:
  // `index` is the file's place in the work list.
  void push(std::size_t index, FileResult r) {
    std::unique_lock lock(mu_);
    // The result the writer waits for always gets in; otherwise later ones
    // could fill the queue and stall both sides.
    not_full_.wait(lock,
                   [&] { return closed_ || index == next_ || items_.size() < kQueueCapacity; });
    if (closed_) return;
    items_.emplace(index, std::move(r));
    ready_.notify_one();
  }
  // Waits up to `timeout` for the next result in order.
  std::optional<FileResult> pop(std::chrono::milliseconds timeout) {
    std::unique_lock lock(mu_);
    auto next_is_here = [&] { return !items_.empty() && items_.begin()->first == next_; };
    if (!ready_.wait_for(lock, timeout, next_is_here)) return std::nullopt;
    FileResult r = std::move(items_.begin()->second);
    items_.erase(items_.begin());
    ++next_;
    not_full_.notify_all();
    return r;
  }
  // The writer hands back each result it is done with, for a worker to
  // free: its documents were allocated on a worker's thread, and freeing
  // them there keeps the writer, the bottleneck, on Xapian's work (4.5 to
  // 5.5 s of a two-minute build went on these frees). The list stays
  // short: workers empty it between files, and when they are done it
  // holds at most the last results.
  void recycle(FileResult r) {
    std::lock_guard lock(mu_);
    spent_.push_back(std::move(r));
  }
  // Frees the results handed back so far; called by the workers.
  void free_spent() {
    std::vector<FileResult> spent;
    {
      std::lock_guard lock(mu_);
      spent.swap(spent_);
    }
  }  // `spent` is freed here, outside the lock.
  // Drops what is queued and what comes later; no push blocks any more.
  void close() {
    std::lock_guard lock(mu_);
    closed_ = true;
    items_.clear();
    not_full_.notify_all();
  }

 private:
  std::mutex mu_;
  std::condition_variable not_full_, ready_;
  std::map<std::size_t, FileResult> items_;
  std::vector<FileResult> spent_;
  std::size_t next_ = 0;
  bool closed_ = false;
};

}  // namespace

struct Indexer::Impl {
  std::string path;
  IndexOptions options;
  ShardBy by = ShardBy::kNone;
  // The databases written, by shard name; one named "" when unsharded.
  std::map<std::string, Xapian::WritableDatabase> dbs;
  // Inside a batch, the shards whose transaction has begun.
  bool batch_open = false;
  std::set<std::string> in_transaction;
  // Sharded: index-wide metadata every shard carries, so that whichever
  // shard a stub lists first answers get_metadata(); stamped on new shards.
  std::map<std::string, std::string> settings;
  int lock_fd = -1;  // Sharded: flock()ed INDEX/brief-index.lock.

  ~Impl() {
    if (lock_fd >= 0) ::close(lock_fd);
  }

  bool sharded() const { return by != ShardBy::kNone; }

  // The database of shard `name`, created when new; inside a batch, with
  // its transaction begun.
  Xapian::WritableDatabase& shard(const std::string& name) {
    auto it = dbs.find(name);
    if (it == dbs.end()) it = create_shard(name);
    if (batch_open && in_transaction.insert(name).second) it->second.begin_transaction();
    return it->second;
  }

  // A new shard is committed with the index-wide settings and listed in
  // the stub before any passage goes in, so readers only ever see it
  // empty or with whole batches.
  std::map<std::string, Xapian::WritableDatabase>::iterator create_shard(const std::string& name) {
    fs::path dir = fs::path(path) / shards::kShardFolder / name;
    std::error_code ec;
    fs::create_directories(dir.parent_path(), ec);
    Xapian::WritableDatabase db(dir.string(), Xapian::DB_CREATE_OR_OPEN);
    db.set_metadata(std::string(schema::kFormatKey), std::string(schema::kFormatVersion));
    for (const auto& [key, value] : settings) db.set_metadata(key, value);
    // Every shard has the whole synonym table (see add_synonyms()): the
    // learned groups and those of synonyms files.
    if (!dbs.empty()) {
      Xapian::Database from = dbs.begin()->second;
      for (auto key = from.synonym_keys_begin(); key != from.synonym_keys_end(); ++key)
        for (auto it = from.synonyms_begin(*key); it != from.synonyms_end(*key); ++it)
          db.add_synonym(*key, *it);
    }
    db.commit();
    auto it = dbs.emplace(name, std::move(db)).first;
    write_stub();
    return it;
  }

  // A learned synonym group, into `target`; sharded, into every shard
  // that lacks it, so that any shard, or any few (a date-filtered search,
  // stubs whose remote shards cannot serve synonyms), has the whole table.
  void add_synonyms(const std::vector<std::string>& group, Xapian::WritableDatabase& target) {
    if (!sharded()) {
      vocabulary::add_group(target, group);
      return;
    }
    std::vector<std::string> names;
    for (const auto& item : dbs) names.push_back(item.first);
    for (const auto& name : names)
      if (!vocabulary::has_group(dbs.at(name), group)) vocabulary::add_group(shard(name), group);
  }

  bool speaker_cache_current() {
    if (!sharded()) return speaker_cache::load(dbs.at("")).has_value();
    std::map<std::string, Xapian::Database> readers(dbs.begin(), dbs.end());
    return speaker_cache::load_sharded(path, readers).has_value();
  }

  void write_stub() {
    std::vector<std::string> names;
    for (const auto& item : dbs) names.push_back(item.first);
    shards::write_stub(path, by, names);
  }

  // Sets index-wide metadata on every shard (and on shards to come).
  void set_setting(const std::string& key, const std::string& value) {
    if (sharded()) settings[key] = value;
    for (auto& item : dbs) item.second.set_metadata(key, value);
  }

  std::string get_setting(const std::string& key) {
    for (auto& item : dbs)
      if (std::string value = item.second.get_metadata(key); !value.empty()) return value;
    return {};
  }

  // Sharded: the settings the shards carry, for shards to come.
  void load_settings() {
    for (std::string_view key : {schema::kAliasesKey, schema::kSynonymsKey})
      if (std::string value = get_setting(std::string(key)); !value.empty())
        settings[std::string(key)] = value;
  }

  void commit_all() {
    for (auto& item : dbs) item.second.commit();
  }

  // Keeps schema::kDateBoundsKey exact. Xapian's value bounds never
  // shrink when documents are deleted, so after a run that deleted any
  // the bounds are found by reading the date of every passage (once per
  // such run); a run that only added widens stored bounds by what it
  // added. Without stored bounds and deletions, Xapian's are exact.
  static void store_date_bounds(Xapian::WritableDatabase& db, bool deleted,
                                const schema::DateBounds& added) {
    schema::DateBounds bounds;
    if (deleted) {
      for (auto it = db.valuestream_begin(schema::kDate); it != db.valuestream_end(schema::kDate);
           ++it)
        bounds.add(*it);
    } else if (auto stored = schema::stored_date_bounds(db)) {
      bounds = *stored;
      bounds.add(added);
    } else {
      return;
    }
    db.set_metadata(std::string(schema::kDateBoundsKey), bounds.encode());
    db.commit();
  }

  // What the index knows of a file: its manifest entry, and the shards
  // holding its passages (two only after a crash while a file moved
  // between shards; the next update re-indexes it).
  struct Known {
    ManifestEntry entry;
    std::vector<std::string> shards;
    bool seen = false;  // Found by this update's walk.
  };

  std::unordered_map<std::string, Known> load_manifest() {
    std::unordered_map<std::string, Known> manifest;
    // About one file per 30 passages: fewer rehashes of long paths.
    Xapian::doccount passages = 0;
    for (auto& item : dbs) passages += item.second.get_doccount();
    manifest.reserve(passages / 30);
    std::string prefix(schema::kFileMetaPrefix);
    for (auto& [name, db] : dbs) {
      for (auto it = db.metadata_keys_begin(prefix); it != db.metadata_keys_end(prefix); ++it) {
        if (auto e = decode_manifest_entry(db.get_metadata(*it))) {
          Known& known = manifest[e->path];
          known.shards.push_back(name);
          known.entry = std::move(*e);
        }
      }
    }
    return manifest;
  }

  // Works out one file in a worker thread.
  FileResult process(const ManifestEntry& stat, const ManifestEntry* known,
                     Xapian::TermGenerator& generator, const AliasTable& aliases) {
    FileResult r;
    r.entry = stat;
    r.is_new = known == nullptr;
    try {
      if (stat.size > kMaxFileBytes)
        throw Error(ErrorCode::kInvalidArgument,
                    "file too large (" + std::to_string(stat.size >> 20) +
                        " MiB; the limit is " +
                        std::to_string(kMaxFileBytes >> 20) + " MiB)");
      std::string content = read_whole_file(stat.path, stat.size);
      r.entry.content_hash = content_hash(content);
      if (known && known->content_hash == r.entry.content_hash &&
          known->sidecar_size == stat.sidecar_size &&
          known->sidecar_mtime_ns == stat.sidecar_mtime_ns) {
        r.touched_only = true;
        r.entry.articles = known->articles;
        r.entry.passages = known->passages;
        r.entry.undated = known->undated;
        return r;
      }
      std::vector<Article> articles = parse_article(content, stat.path);
      content.clear();
      content.shrink_to_fit();
      if (stat.sidecar_size >= 0) {
        std::string side_path = sidecar_of(stat.path).string();
        std::string side = read_whole_file(side_path, stat.sidecar_size);
        try {
          ArticleOverrides o = parse_overrides(side);
          for (auto& a : articles) apply_overrides(o, a);
        } catch (const Error& e) {
          throw Error(e.code(), std::string(e.what()) + " (" + side_path + ")");
        }
      }
      std::string key = schema::file_key(stat.path);
      r.documents = build_documents(articles, key, options.split, aliases, generator,
                                    r.entry.passages, r);
      r.entry.articles = static_cast<std::int64_t>(articles.size());
      r.entry.undated = std::any_of(articles.begin(), articles.end(),
                                    [](const Article& a) { return !a.date; });
      for (const auto& a : articles)
        if (a.date) {
          r.date = a.date;
          break;
        }
      for (const auto& a : articles)
        for (const auto& w : a.warnings) r.warnings.push_back(w);
    } catch (const Error& e) {
      r.failure = e.what();
    } catch (const std::exception& e) {
      r.failure = std::string("unexpected error: ") + e.what();
    }
    return r;
  }

  IndexStats update(const std::vector<std::string>& inputs) {
    auto started = std::chrono::steady_clock::now();
    IndexStats stats;

    // 1. Walk.
    std::error_code index_ec;
    fs::path index_root = fs::absolute(path, index_ec).lexically_normal();
    std::vector<std::string> roots;
    // The walk marks the files the index knows (Known::seen) and keeps
    // the new ones in `new_files`: an unchanged re-run hashes each path
    // once and stats each file once.
    std::unordered_map<std::string, Known> manifest = load_manifest();
    std::vector<std::pair<ManifestEntry, Known*>> files;
    std::unordered_set<std::string> new_files;
    // The .json files the walk listed, so that a text file's sidecar is
    // found without a stat(2).
    std::unordered_set<std::string> listed;
    auto on_disk = [&](const fs::path& p) {
      if (listed.count(p.string())) return true;
      std::error_code ec;
      return fs::is_regular_file(p, ec);
    };
    auto add_file = [&](const fs::path& p, bool walked) {
      ManifestEntry e;
      e.path = p.string();
      auto known = manifest.find(e.path);
      if (known != manifest.end() ? std::exchange(known->second.seen, true)
                                  : !new_files.insert(e.path).second)
        return;  // Reached twice, through overlapping inputs.
      struct stat st {};
      if (::stat(e.path.c_str(), &st) == 0) {
        e.size = static_cast<std::int64_t>(st.st_size);
        e.mtime_ns = mtime_ns(st);
      }
      fs::path side = sidecar_of(p);
      bool has_sidecar = takes_sidecar(p) && (walked ? listed.count(side.string()) > 0
                                                     : on_disk(side));
      if (has_sidecar && ::stat(side.c_str(), &st) == 0) {
        e.sidecar_size = static_cast<std::int64_t>(st.st_size);
        e.sidecar_mtime_ns = mtime_ns(st);
      }
      files.emplace_back(std::move(e), known != manifest.end() ? &known->second : nullptr);
    };
    for (const auto& input : inputs) {
      std::error_code ec;
      fs::path p = fs::absolute(input, ec).lexically_normal();
      // A link given as an input is followed, and its files are known by
      // their real paths: indexing "corpus-link" after "corpus" adds
      // nothing twice.
      if (fs::is_symlink(p, ec)) {
        fs::path real = fs::canonical(p, ec);
        if (!ec) p = real;
      }
      std::string root = p.string();
      if (root.size() > 1 && root.back() == '/') root.pop_back();
      if (!fs::exists(p, ec)) {
        // A file or folder the index holds and that has since gone: its
        // passages go (below), as they would from inside a folder.
        bool known = std::any_of(manifest.begin(), manifest.end(), [&](const auto& item) {
          const std::string& f = item.first;
          return f == root || (f.size() > root.size() && f.starts_with(root) &&
                               f[root.size()] == '/');
        });
        if (!known) throw Error(ErrorCode::kNotFound, input + ": no such file or directory");
        roots.push_back(root);
        continue;
      }
      roots.push_back(root);
      if (!fs::is_directory(p, ec)) {
        // A named pipe or a device would block or never end.
        if (!fs::is_regular_file(p, ec)) {
          stats.failures.push_back({p.string(), "not a regular file (a pipe, socket or device)"});
          continue;
        }
        add_file(p, /*walked=*/false);
        continue;
      }
      std::vector<fs::path> candidates;
      fs::recursive_directory_iterator it(
          p, fs::directory_options::skip_permission_denied, ec), end;
      if (ec) {
        stats.failures.push_back({root, "cannot list directory: " + ec.message()});
        continue;
      }
      for (; it != end; it.increment(ec)) {
        if (ec) {
          stats.failures.push_back({it->path().string(), ec.message()});
          ec.clear();
          continue;
        }
        const fs::path& entry = it->path();
        std::string name = entry.filename().string();
        if (entry == index_root) {  // The index may live inside a corpus.
          it.disable_recursion_pending();
          continue;
        }
        if (!name.empty() && name[0] == '.') {
          if (it->is_directory(ec)) it.disable_recursion_pending();
          continue;
        }
        if (it->is_directory(ec)) continue;
        if (!it->is_regular_file(ec)) {
          if (it->is_symlink(ec))
            stats.failures.push_back({entry.string(), "broken or looping symbolic link"});
          continue;
        }
        if (text::ascii_lower(entry.extension().string()) == ".json") listed.insert(entry.string());
        if (!is_indexable_extension(entry) || is_repository_file(entry)) continue;
        candidates.push_back(entry);
      }
      // In path order, not the file system's: the same files give the
      // same index (document ids) on every machine.
      std::sort(candidates.begin(), candidates.end());
      for (const auto& candidate : candidates)
        if (!is_sidecar(candidate, on_disk)) add_file(candidate, /*walked=*/true);
    }
    // Entries the walk could not read (broken links, unlistable folders)
    // count as files seen that failed.
    stats.files_seen = static_cast<std::int64_t>(files.size() + stats.failures.size());

    // 2. Compare with the manifest.
    std::vector<std::pair<ManifestEntry, const ManifestEntry*>> work;
    for (const auto& [f, known] : files) {
      bool one_place = known && known->shards.size() == 1;
      if (one_place && known->entry.same_stat(f)) {
        ++stats.unchanged;
        continue;
      }
      work.emplace_back(f, one_place ? &known->entry : nullptr);
    }
    auto holders = [&](const std::string& file) {
      auto it = manifest.find(file);
      return it == manifest.end() ? std::vector<std::string>() : it->second.shards;
    };
    std::vector<std::string> removals;
    for (const auto& item : manifest) {
      const std::string& path = item.first;  // Captured below: no binding.
      if (item.second.seen) continue;
      bool under_root = std::any_of(roots.begin(), roots.end(), [&](const std::string& r) {
        return path == r || (path.size() > r.size() && path.starts_with(r) &&
                             path[r.size()] == '/');
      });
      std::error_code ec;
      if (under_root && !fs::exists(path, ec)) removals.push_back(path);
    }

    // Every settings file is read and checked before either table is
    // written: a bad synonyms file leaves the stored aliases as they were.
    std::vector<std::vector<std::string>> groups;
    for (const auto& file : options.synonym_files) {
      std::string text = read_settings_file(file, "synonyms file");
      try {
        for (auto& g : vocabulary::parse_synonyms(text)) groups.push_back(std::move(g));
      } catch (const Error& e) {
        throw Error(e.code(), file + ": " + e.what());
      }
    }

    // The alias files travel with the index, so searches need no file;
    // a run without them uses the stored table (its offices attribute
    // "Statement by the President").
    AliasTable aliases;
    if (options.alias_files.empty()) {
      try {
        std::string stored = get_setting(std::string(schema::kAliasesKey));
        if (!stored.empty()) aliases = AliasTable::parse(stored);
      } catch (const Xapian::Error& e) {
        throw_from_xapian(e, path);
      } catch (const Error&) {
        // A damaged stored table: attribute without offices.
      }
    } else {
      for (const auto& file : options.alias_files) {
        std::string text = read_settings_file(file, "alias file");
        try {
          aliases.merge(AliasTable::parse(text));
        } catch (const Error& e) {
          throw Error(e.code(), file + ": " + e.what());
        }
      }
      try {
        set_setting(std::string(schema::kAliasesKey), aliases.to_json());
        commit_all();
      } catch (const Xapian::Error& e) {
        throw_from_xapian(e, path);
      }
    }

    // Synonym groups from files replace those stored from files before;
    // the definitions learned from articles stay.
    if (!options.synonym_files.empty()) {
      // Serialised before the table is touched, so nothing can fail
      // half-way through replacing it.
      const std::string groups_json = nlohmann::json(groups).dump();
      try {
        for (auto& [name, db] : dbs) {
          std::string stored = db.get_metadata(std::string(schema::kSynonymsKey));
          nlohmann::json old = nlohmann::json::parse(stored.empty() ? "[]" : stored, nullptr, false);
          if (old.is_array())
            for (const auto& g : old)
              if (g.is_array()) vocabulary::remove_group(db, g.get<std::vector<std::string>>());
          for (const auto& g : groups) vocabulary::add_group(db, g);
        }
        set_setting(std::string(schema::kSynonymsKey), groups_json);
        commit_all();
      } catch (const Xapian::Error& e) {
        throw_from_xapian(e, path);
      }
    }

    // 3. Workers.
    ResultQueue queue;
    std::atomic<std::size_t> next{0};
    std::atomic<bool> stop{false};
    int threads = options.threads > 0
                      ? options.threads
                      : static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
    threads = std::min<int>(threads, static_cast<int>(std::max<std::size_t>(work.size(), 1)));
    std::vector<std::thread> workers;
    for (int t = 0; t < threads; ++t) {
      workers.emplace_back([&] {
        Xapian::TermGenerator generator;
        generator.set_stemmer(Xapian::Stem("english"));
        generator.set_stemming_strategy(Xapian::TermGenerator::STEM_SOME);
        for (;;) {
          std::size_t i = next.fetch_add(1);
          if (i >= work.size() || stop) break;
          queue.free_spent();
          queue.push(i, process(work[i].first, work[i].second, generator, aliases));
        }
      });
    }

    // 4. The writer.
    IndexProgress progress;
    progress.files_total = stats.files_seen;
    progress.files_done = stats.unchanged;
    auto last_report = std::chrono::steady_clock::now();
    auto report = [&](bool force) {
      if (!options.progress) return;
      auto now = std::chrono::steady_clock::now();
      if (!force && now - last_report < std::chrono::milliseconds(200)) return;
      last_report = now;
      progress.seconds = std::chrono::duration<double>(now - started).count();
      options.progress(progress);
    };
    std::size_t in_batch = 0;
    std::size_t batch_passages = 0;  // Documents added in the batch.
    // The batch's spelling words and their uses, by shard: one
    // add_spelling() call a word per batch instead of one a word per file.
    std::map<std::string, std::unordered_map<std::string, unsigned>> batch_spelling;
    // Each shard commits its part of a batch on its own: a crash between
    // two shards' commits can leave a file that moved shards in both (the
    // next update re-indexes it) or in neither (the next update adds it).
    auto commit_batch = [&](bool final) {
      if (in_batch == 0 && !final) return;
      for (auto& [name, words] : batch_spelling) {
        Xapian::WritableDatabase& db = dbs.at(name);
        for (const auto& [word, uses] : words) {
          try {
            db.add_spelling(word, uses);
          } catch (const Xapian::InvalidArgumentError&) {
          }
        }
      }
      batch_spelling.clear();
      for (const auto& name : in_transaction) dbs.at(name).commit_transaction();
      in_transaction.clear();
      in_batch = 0;
      batch_passages = 0;
      batch_open = !final;
    };
    // Per shard: whether this run deleted documents, and the date range
    // of those it added; see store_date_bounds().
    struct DateChanges {
      bool deleted = false;
      schema::DateBounds added;
    };
    std::map<std::string, DateChanges> date_changes;
    auto erase_file = [&](const std::string& shard_name, const std::string& key) {
      Xapian::WritableDatabase& db = shard(shard_name);
      db.delete_document(std::string(schema::kFile) + key);
      db.set_metadata(std::string(schema::kFileMetaPrefix) + key, "");
      date_changes[shard_name].deleted = true;
    };
    try {
      batch_open = true;
      for (const auto& path : removals) {
        std::string key = schema::file_key(path);
        for (const auto& name : holders(path)) erase_file(name, key);
        ++stats.removed;
        if (++in_batch >= static_cast<std::size_t>(std::max(options.batch_files, 1)))
          commit_batch(false);
      }
      for (std::size_t done = 0; done < work.size();) {
        auto r = queue.pop(std::chrono::milliseconds(100));
        report(false);
        if (!r) continue;
        ++done;
        ++progress.files_done;
        std::string key = schema::file_key(r->entry.path);
        if (r->failure) {
          // The file no longer holds what was indexed: drop its old
          // passages, so the index never answers from stale text.
          stats.failures.push_back({r->entry.path, *r->failure});
          if (!r->is_new) {
            for (const auto& name : holders(r->entry.path)) erase_file(name, key);
            if (++in_batch >= static_cast<std::size_t>(std::max(options.batch_files, 1)))
              commit_batch(false);
          }
          continue;
        }
        std::vector<std::string> old_shards = holders(r->entry.path);
        std::string target = !sharded()       ? std::string()
                             : r->touched_only ? old_shards.front()
                                               : shards::shard_name(by, r->date);
        for (const auto& name : old_shards)
          if (name != target) erase_file(name, key);
        Xapian::WritableDatabase& db = shard(target);
        if (r->touched_only) {
          ++stats.unchanged;
        } else {
          db.delete_document(std::string(schema::kFile) + key);
          DateChanges& dates = date_changes[target];
          if (!r->is_new) dates.deleted = true;
          for (auto& doc : r->documents) {
            dates.added.add(doc.get_value(schema::kDate));
            db.add_document(doc);
          }
          // Xapian's own tables: learned acronyms for the QueryParser's
          // synonym expansion, words for its spelling suggestions.
          // A word or phrase Xapian refuses (too long a key) is skipped:
          // these tables only help queries, never cost an article.
          for (const auto& d : r->definitions) {
            try {
              add_synonyms({d.long_form, d.acronym}, db);
            } catch (const Xapian::InvalidArgumentError&) {
            }
          }
          auto& spelling = batch_spelling[target];
          for (const auto& [word, uses] : r->spelling) spelling[word] += uses;
          if (r->is_new) ++stats.added; else ++stats.updated;
          stats.articles += r->entry.articles;
          stats.passages += r->entry.passages;
          progress.passages_done += r->entry.passages;
          if (r->entry.undated) stats.undated.push_back(r->entry.path);
          for (const auto& w : r->warnings) stats.warnings.push_back({r->entry.path, w});
        }
        db.set_metadata(std::string(schema::kFileMetaPrefix) + key,
                        encode_manifest_entry(r->entry));
        batch_passages += r->touched_only ? 0 : r->documents.size();
        queue.recycle(std::move(*r));
        if (++in_batch >= static_cast<std::size_t>(std::max(options.batch_files, 1)) ||
            batch_passages >= kBatchPassages)
          commit_batch(false);
      }
      commit_batch(true);
      for (const auto& [name, changes] : date_changes)
        store_date_bounds(shard(name), changes.deleted, changes.added);
      // Searches start fast from a stored speaker grouping; regroup when
      // anything changed.
      bool changed = stats.added + stats.updated + stats.removed > 0 ||
                     !options.alias_files.empty() || !speaker_cache_current();
      if (changed) {
        if (sharded()) speaker_cache::store_sharded(path, dbs);
        else speaker_cache::store(dbs.at(""));
      }
    } catch (...) {
      // Stop the workers before the error leaves: close the queue so that
      // none stays blocked on a full one, then join them.
      stop = true;
      queue.close();
      for (auto& w : workers) w.join();
      try {
        throw;
      } catch (const Xapian::Error& e) {
        throw_from_xapian(e, path);
      }
    }
    for (auto& w : workers) w.join();
    std::sort(stats.failures.begin(), stats.failures.end(),
              [](const FileFailure& a, const FileFailure& b) { return a.path < b.path; });
    std::sort(stats.undated.begin(), stats.undated.end());
    stats.seconds = std::chrono::duration<double>(
                        std::chrono::steady_clock::now() - started).count();
    report(true);
    return stats;
  }
};

Indexer::Indexer(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Indexer::Indexer(Indexer&&) noexcept = default;
Indexer& Indexer::operator=(Indexer&&) noexcept = default;
Indexer::~Indexer() = default;

namespace {

bool is_single_database(const fs::path& p) {
  std::error_code ec;
  return fs::exists(p / "iamglass", ec) || fs::exists(p / "iamchert", ec) ||
         fs::exists(p / "flintlock", ec);
}

// Deletes an index's databases so that it can be built anew in another
// layout; only files Xapian and brief-index write are touched.
void remove_layout(const fs::path& p) {
  std::error_code ec;
  fs::remove_all(p / shards::kShardFolder, ec);
  fs::remove(p / shards::kStubName, ec);
  for (const auto& entry : fs::directory_iterator(p, ec)) {
    std::string name = entry.path().filename().string();
    if (name == "iamglass" || name == "iamchert" || name == "flintlock" ||
        entry.path().extension() == ".glass" || entry.path().extension() == ".DB")
      fs::remove(entry.path(), ec);
  }
}

// One writer at a time for a sharded index (a plain index has Xapian's own
// lock): waits up to `timeout` for brief-index.lock in the index folder.
int lock_index_folder(const fs::path& p, std::chrono::milliseconds timeout) {
  std::string lock_path = (p / "brief-index.lock").string();
  int fd = ::open(lock_path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
  if (fd < 0)
    throw Error(ErrorCode::kIoError, "index " + p.string() + ": cannot create " + lock_path);
  auto give_up = std::chrono::steady_clock::now() + timeout;
  while (::flock(fd, LOCK_EX | LOCK_NB) != 0) {
    if (std::chrono::steady_clock::now() >= give_up) {
      ::close(fd);
      throw Error(ErrorCode::kIndexLocked,
                  "index " + p.string() + ": locked by another brief-index; retry when it ends");
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  return fd;
}

// Opens (or creates) one database for writing and checks or stamps its
// format.
Xapian::WritableDatabase open_for_writing(const std::string& path, bool rebuild,
                                          std::chrono::milliseconds lock_timeout) {
  int flags = rebuild ? Xapian::DB_CREATE_OR_OVERWRITE : Xapian::DB_CREATE_OR_OPEN;
  // Another writer holds the lock: wait for it, up to lock_timeout.
  auto give_up = std::chrono::steady_clock::now() + lock_timeout;
  Xapian::WritableDatabase db;
  for (;;) {
    try {
      db = Xapian::WritableDatabase(path, flags);
      break;
    } catch (const Xapian::DatabaseLockError&) {
      if (std::chrono::steady_clock::now() >= give_up) throw;
      std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
  }
  std::string format = db.get_metadata(std::string(schema::kFormatKey));
  if (format.empty() && db.get_doccount() == 0) {
    db.set_metadata(std::string(schema::kFormatKey), std::string(schema::kFormatVersion));
    db.commit();
  } else if (format != schema::kFormatVersion) {
    throw Error(ErrorCode::kIndexVersion,
                "index " + path + ": format '" + format + "' is not '" +
                    std::string(schema::kFormatVersion) +
                    "'; rebuild it with brief-index --rebuild PATH...");
  }
  return db;
}

}  // namespace

Indexer Indexer::open(const std::string& path, const IndexOptions& options) {
  if (options.threads < 0 || options.batch_files < 1)
    throw Error(ErrorCode::kInvalidArgument,
                "IndexOptions: threads must be 0 (one per core) or more, and batch_files 1 or "
                "more (got " + std::to_string(options.threads) + " and " +
                    std::to_string(options.batch_files) + ")");
  auto impl = std::make_unique<Impl>();
  impl->path = path;
  impl->options = options;
  std::error_code ec;
  fs::path p(path);
  if (fs::exists(p, ec) && !fs::is_directory(p, ec))
    throw Error(ErrorCode::kInvalidArgument,
                "index " + path + ": exists and is not a directory");
  // "notes.txt/index": a file where a parent folder should be.
  for (fs::path parent = p.parent_path(); !parent.empty() && parent != parent.parent_path();
       parent = parent.parent_path()) {
    if (fs::exists(parent, ec)) {
      if (!fs::is_directory(parent, ec))
        throw Error(ErrorCode::kIoError,
                    "index " + path + ": cannot be created, " + parent.string() +
                        " is a file, not a folder");
      break;
    }
  }
  bool is_sharded = fs::exists(p / shards::kStubName, ec);
  bool is_single = is_single_database(p);
  // Refuse to write Xapian files into a folder that holds something else.
  if (fs::is_directory(p, ec) && !fs::is_empty(p, ec) && !is_single && !is_sharded)
    throw Error(ErrorCode::kInvalidArgument,
                "index " + path +
                    ": folder exists and is not an index; name an empty or "
                    "new folder with --index");
  ShardBy existing = ShardBy::kNone;
  if (is_sharded) {
    auto by = shards::stub_shard_by((p / shards::kStubName).string());
    if (!by || *by == ShardBy::kNone)
      throw Error(ErrorCode::kInvalidArgument,
                  "index " + path + ": its XAPIANDB stub was not written by brief-index; "
                  "index each of its shards on its own (brief-index --index SHARD ...)");
    existing = *by;
  }
  ShardBy wanted = options.shard_by.value_or(existing);
  bool exists = is_sharded || is_single;
  if (exists && wanted != existing && !options.rebuild)
    throw Error(ErrorCode::kInvalidArgument,
                "index " + path + " is sharded by " + std::string(shard_by_name(existing)) +
                    "; to shard it by " + std::string(shard_by_name(wanted)) +
                    ", add --rebuild (every file is read again)");
  impl->by = wanted;
  try {
    if (wanted == ShardBy::kNone && !is_sharded) {
      if (p.has_parent_path()) fs::create_directories(p.parent_path(), ec);
      impl->dbs.emplace("", open_for_writing(path, options.rebuild, options.lock_timeout));
      return Indexer(std::move(impl));
    }
    fs::create_directories(p, ec);
    if (ec)
      throw Error(ErrorCode::kIoError, "index " + path + ": cannot create it: " + ec.message());
    impl->lock_fd = lock_index_folder(p, options.lock_timeout);
    if (exists && wanted != existing) {
      remove_layout(p);
      is_sharded = false;
    }
    if (wanted == ShardBy::kNone) {
      impl->dbs.emplace("", open_for_writing(path, options.rebuild, options.lock_timeout));
      return Indexer(std::move(impl));
    }
    if (is_sharded) {
      for (const auto& entry : shards::read_stub((p / shards::kStubName).string())) {
        if (entry.remote)
          throw Error(ErrorCode::kInvalidArgument,
                      "index " + path + ": its stub lists a remote shard (" + entry.line +
                          "); run brief-index where that shard is, on its folder");
        std::string name = fs::path(entry.path).filename().string();
        impl->dbs.emplace(name,
                          open_for_writing(entry.path, options.rebuild, options.lock_timeout));
      }
      impl->load_settings();
    }
    // Never an empty stub: Xapian cannot search one, and the shards carry
    // the index format.
    if (impl->dbs.empty()) impl->create_shard(std::string(shards::kUndatedShard));
  } catch (const Xapian::Error& e) {
    throw_from_xapian(e, path);
  }
  return Indexer(std::move(impl));
}

IndexStats Indexer::update(const std::vector<std::string>& inputs) {
  return impl_->update(inputs);
}

}  // namespace brief

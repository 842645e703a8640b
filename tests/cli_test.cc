// Copyright (c) 2026 The brief-search Authors. MIT licence.
// Runs the built brief-index and brief-search on fixtures and checks their
// stdout, stderr and exit status. Every run names its own throwaway index
// (--index, and BRIEF_INDEX / XDG_DATA_HOME pointing into the sandbox), so
// the user's default index is never touched.
//
// Expected text output lives in tests/golden/; run with
// BRIEF_UPDATE_GOLDEN=1 to rewrite those files from the programs' output.

#include <doctest/doctest.h>
#include <sys/wait.h>
#include <unistd.h>
#include <xapian.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <nlohmann/json.hpp>
#include <regex>
#include <set>
#include <string>
#include <vector>

#include "schema.h"
#include "test_util.h"

namespace {

namespace fs = std::filesystem;
using brief::test::fixture_path;
using brief::test::lines_of;
using brief::test::ProgramResult;
using brief::test::TempDir;
using nlohmann::json;

constexpr const char* kSeed0 = "000_cd1b8dd590950c2c.txt";  // Undated, Ned Price.
constexpr const char* kSeed1 = "001_bf53c8655c45bcc9.txt";  // 2023-03-03, Zakharova.

using brief::test::run_program;
// The short name the cases below use.
ProgramResult run(const std::vector<std::string>& argv,
                  const std::vector<std::string>& env) {
  return run_program(argv, env);
}

// Checks the file counts of a brief-index --json summary.
void check_counts(const json& summary, int added, int updated, int removed, int unchanged) {
  CHECK(summary["added"] == added);
  CHECK(summary["updated"] == updated);
  CHECK(summary["removed"] == removed);
  CHECK(summary["unchanged"] == unchanged);
}

std::string program(const char* variable) {
  const char* path = std::getenv(variable);
  REQUIRE_MESSAGE(path != nullptr, variable << " is not set (run the test through meson)");
  return path;
}

std::string index_program() { return program("BRIEF_INDEX_PROGRAM"); }
std::string search_program() { return program("BRIEF_SEARCH_PROGRAM"); }

std::string source_root() {
  const char* root = std::getenv("BRIEF_TEST_SOURCE_ROOT");
  return root ? root : fixture_path() + "/../..";
}

std::string basename_of(const std::string& path) {
  return fs::path(path).filename().string();
}

// A throwaway folder holding a corpus/ to index and the index itself.
class Sandbox {
 public:
  Sandbox() { fs::create_directories(corpus); }

  // Copies tests/fixtures/<relative> into corpus/.
  std::string add(const std::string& relative) {
    std::string to = corpus + "/" + basename_of(relative);
    fs::copy_file(fixture_path(relative), to, fs::copy_options::overwrite_existing);
    return to;
  }
  void add_seeds() {
    add(std::string("news/") + kSeed0);
    add(std::string("news/") + kSeed1);
  }

  // The environment of every run: nothing may reach a default index.
  std::vector<std::string> env(const std::vector<std::string>& extra = {}) const {
    std::vector<std::string> e = {"BRIEF_INDEX=" + dir / "default-index",
                                  "XDG_DATA_HOME=" + dir / "xdg", "NO_COLOR=1"};
    e.insert(e.end(), extra.begin(), extra.end());
    return e;
  }

  // brief-index --index INDEX ARGS... (ARGS defaults to the corpus).
  ProgramResult index_run(std::vector<std::string> args = {}) const {
    if (args.empty()) args.push_back(corpus);
    std::vector<std::string> argv = {index_program(), "--index", index};
    argv.insert(argv.end(), args.begin(), args.end());
    return run(argv, env());
  }

  // brief-index --index INDEX --json CORPUS, which must succeed; returns
  // the parsed summary.
  json index_json() const {
    ProgramResult r = index_run({"--json", corpus});
    CHECK(r.status == 0);
    CHECK(r.err == "");
    std::vector<std::string> lines = lines_of(r.out);
    REQUIRE(lines.size() == 1);
    json j = json::parse(lines[0], nullptr, false);
    REQUIRE_FALSE(j.is_discarded());
    CHECK(j["type"] == "index-summary");
    return j;
  }

  // brief-search --index INDEX ARGS...
  ProgramResult search(const std::vector<std::string>& args,
                       const std::vector<std::string>& extra_env = {}) const {
    std::vector<std::string> argv = {search_program(), "--index", index};
    argv.insert(argv.end(), args.begin(), args.end());
    return run(argv, env(extra_env));
  }

  TempDir dir;
  std::string corpus = dir / "corpus";
  std::string index = dir / "index";
};

// Every line of `out` parsed as JSON (a line that does not parse fails
// the test).
std::vector<json> json_lines(const std::string& out) {
  std::vector<json> objects;
  for (const auto& line : lines_of(out)) {
    json j = json::parse(line, nullptr, false);
    CHECK_MESSAGE(!j.is_discarded(), "not JSON: " << line);
    if (!j.is_discarded()) objects.push_back(std::move(j));
  }
  return objects;
}

struct JsonRun {
  ProgramResult result;
  std::vector<json> hits;
  json summary;
};

// Runs brief-search --json ARGS... and checks the shape of its output: a
// "hit" object per line, then exactly one "summary" object, last.
JsonRun search_json(const Sandbox& sb, std::vector<std::string> args) {
  args.push_back("--json");
  JsonRun run{sb.search(args), {}, {}};
  CHECK(run.result.err == "");
  std::vector<json> objects = json_lines(run.result.out);
  REQUIRE_FALSE(objects.empty());
  for (std::size_t i = 0; i + 1 < objects.size(); ++i) {
    CHECK(objects[i]["type"] == "hit");
    run.hits.push_back(objects[i]);
  }
  run.summary = objects.back();
  CHECK(run.summary["type"] == "summary");
  CHECK(run.summary["returned"] == run.hits.size());
  CHECK(run.result.status == (run.hits.empty() ? 1 : 0));
  return run;
}

bool has_speaker(const json& hit, const std::string& name) {
  for (const auto& s : hit["speakers"])
    if (s["name"] == name) return true;
  return false;
}

bool path_ends_with(const json& hit, const std::string& name) {
  return hit["path"].get<std::string>().ends_with("/" + name);
}

// Hits of `run` whose text contains `phrase`.
std::vector<json> hits_containing(const JsonRun& run, const std::string& phrase) {
  std::vector<json> found;
  for (const auto& h : run.hits)
    if (h["text"].get<std::string>().find(phrase) != std::string::npos) found.push_back(h);
  return found;
}

// Passages (path#ordinal) of a run.
std::set<std::string> passage_ids(const JsonRun& run) {
  std::set<std::string> ids;
  for (const auto& hit : run.hits)
    ids.insert(hit["path"].get<std::string>() + "#" + std::to_string(hit["ordinal"].get<int>()));
  return ids;
}

// A failed run: status 2 (unless told), nothing on stdout, and exactly one
// line on stderr starting "PROGRAM: error: ".
void check_error(const ProgramResult& r, const std::string& program_name, int status = 2) {
  CHECK(r.status == status);
  CHECK(r.out == "");
  std::vector<std::string> lines = lines_of(r.err);
  CHECK_MESSAGE(lines.size() == 1, "stderr: " << r.err);
  CHECK_MESSAGE(r.err.starts_with(program_name + ": error: "), "stderr: " << r.err);
  CHECK(r.err.ends_with("\n"));
}

// Runs argv with standard output a pipe that nobody reads (its read end
// is closed before the program starts), as `prog | head -0` would.
ProgramResult run_into_closed_pipe(const std::vector<std::string>& argv,
                                   const std::vector<std::string>& env) {
  TempDir io;
  std::string err_path = io / "err";
  int fds[2];
  REQUIRE(pipe(fds) == 0);
  close(fds[0]);
  std::cout.flush();
  std::fflush(nullptr);
  pid_t pid = fork();
  if (pid == 0) {
    dup2(fds[1], STDOUT_FILENO);
    close(fds[1]);
    FILE* e = std::freopen(err_path.c_str(), "w", stderr);
    (void)e;
    brief::test::exec_program(argv, env);
  }
  close(fds[1]);
  int wstatus = 0;
  waitpid(pid, &wstatus, 0);
  ProgramResult r;
  r.status = WIFEXITED(wstatus) ? WEXITSTATUS(wstatus) : -1;
  r.err = brief::test::read_file(err_path);
  return r;
}

// The blocks of a text search result, split at blank lines.
std::vector<std::vector<std::string>> text_blocks(const std::string& out) {
  std::vector<std::vector<std::string>> blocks(1);
  for (const auto& line : lines_of(out)) {
    if (line.empty()) {
      if (!blocks.back().empty()) blocks.emplace_back();
    } else {
      blocks.back().push_back(line);
    }
  }
  if (blocks.back().empty()) blocks.pop_back();
  return blocks;
}

// The lines listed under the text summary's heading starting `heading`.
std::vector<std::string> text_section(const std::string& out, const std::string& heading) {
  std::vector<std::string> items;
  bool in = false;
  for (const auto& line : lines_of(out)) {
    if (line.starts_with(heading)) {
      in = true;
    } else if (in) {
      if (!line.starts_with("  ")) break;
      items.push_back(line.substr(2));
    }
  }
  return items;
}

// Compares `actual` with tests/golden/<name> byte for byte.
void check_golden(const std::string& name, const std::string& actual) {
  std::string path = source_root() + "/tests/golden/" + name;
  const char* update = std::getenv("BRIEF_UPDATE_GOLDEN");
  if (update && *update) brief::test::write_file(path, actual);
  REQUIRE_MESSAGE(fs::exists(path), path << " is missing; run with BRIEF_UPDATE_GOLDEN=1");
  std::string expected = brief::test::read_file(path);
  CHECK_MESSAGE(actual == expected, "differs from " << path << ":\n" << actual);
}

// Runs the rest of a scope in `dir`, so that the programs print paths
// relative to it.
class ChangeDir {
 public:
  explicit ChangeDir(const std::string& dir) : old_(fs::current_path()) {
    fs::current_path(dir);
  }
  ~ChangeDir() {
    std::error_code ec;
    fs::current_path(old_, ec);
  }
  ChangeDir(const ChangeDir&) = delete;
  ChangeDir& operator=(const ChangeDir&) = delete;

 private:
  fs::path old_;
};

}  // namespace

// --- Seeds ------------------------------------------------------------------

TEST_CASE("cli: a phrase search lists the passage with its speaker") {
  Sandbox sb;
  sb.add_seeds();
  REQUIRE(sb.index_run().status == 0);

  const std::string passage = "The pair discussed three topics: New START treaty";

  SUBCASE("text") {
    ProgramResult r = sb.search({"New START"});
    CHECK(r.status == 0);
    CHECK(r.err == "");
    auto blocks = text_blocks(r.out);
    auto it = std::find_if(blocks.begin(), blocks.end(), [&](const auto& block) {
      return std::any_of(block.begin(), block.end(), [&](const std::string& line) {
        return line.find(passage) != std::string::npos;
      });
    });
    REQUIRE_MESSAGE(it != blocks.end(), "no hit with the passage in:\n" << r.out);
    // "1. undated  Ned Price  <title>", then the path line, then the snippet.
    REQUIRE(it->size() >= 3);
    CHECK_MESSAGE((*it)[0].find("Ned Price") != std::string::npos, (*it)[0]);
    CHECK((*it)[0].find("undated") != std::string::npos);
    CHECK((*it)[1].find(kSeed0) != std::string::npos);
  }

  SUBCASE("json") {
    JsonRun run = search_json(sb, {"New START"});
    CHECK(run.result.status == 0);
    auto found = hits_containing(run, passage);
    REQUIRE(found.size() == 1);
    const json& hit = found[0];
    REQUIRE(hit["speakers"].size() >= 1);
    CHECK(hit["speakers"][0]["name"] == "Ned Price");
    CHECK(hit["date"].is_null());
    CHECK(path_ends_with(hit, kSeed0));
    CHECK(hit["rank"] == 1);
    CHECK(hit["schema"].is_number_integer());
    CHECK(run.summary["query"] == "New START");
    // Highlights are byte ranges inside the snippet.
    std::string snippet = hit["snippet"];
    for (const auto& h : hit["highlights"]) {
      std::size_t b = h[0], e = h[1];
      CHECK(b < e);
      CHECK(e <= snippet.size());
    }
  }
}

TEST_CASE("cli: New START also finds START defined in words, ranked below exact matches") {
  Sandbox sb;
  sb.add_seeds();
  // The seed-2 passage says "Strategic Arms Reduction Treaty (START)"
  // and never "New START"; the synonyms file joins the two.
  brief::test::write_file(sb.corpus + "/synonyms.txt", "New START = START\n");
  REQUIRE(sb.index_run().status == 0);
  JsonRun run = search_json(sb, {"New START", "--all-passages", "-n", "50"});
  CHECK(run.result.status == 0);
  auto defined = hits_containing(run, "Strategic Arms Reduction Treaty (START)");
  REQUIRE(defined.size() == 1);
  CHECK(path_ends_with(defined[0], kSeed1));
  // Every passage with the words typed ranks above it.
  std::int64_t defined_rank = defined[0]["rank"];
  std::int64_t exact = 0;
  for (const auto& h : run.hits) {
    if (h["text"].get<std::string>().find("New START") == std::string::npos) continue;
    ++exact;
    CHECK(h["rank"].get<std::int64_t>() < defined_rank);
  }
  CHECK(exact >= 1);

  // Learned from the text alone, without the synonyms file: the words
  // find the acronym's passages ...
  JsonRun words = search_json(sb, {"Strategic Arms Reduction Treaty", "-n", "50"});
  CHECK(hits_containing(words, "Strategic Arms Reduction Treaty (START)").size() == 1);
  // ... and the acronym in capitals finds the words.
  JsonRun acronym = search_json(sb, {"START", "--all-passages", "-n", "50"});
  CHECK(hits_containing(acronym, "Strategic Arms Reduction Treaty").size() == 1);
}

TEST_CASE("cli: a misspelled name gets a suggestion that has hits") {
  Sandbox sb;
  sb.add_seeds();
  REQUIRE(sb.index_run().status == 0);
  ProgramResult r = sb.search({"Zakharva"});
  CHECK(r.status == 1);  // No hits for what was typed.
  CHECK(r.out.find("Did you mean: Zakharova (2 passages)?") != std::string::npos);
  JsonRun run = search_json(sb, {"Lavorv"});
  CHECK(run.hits.empty());
  REQUIRE(run.summary.contains("suggestion"));
  CHECK(run.summary["suggestion"]["query"] == "Lavrov");
  CHECK(run.summary["suggestion"]["total"].get<std::int64_t>() >= 1);
  // The suggestion itself finds what it promises.
  JsonRun lavrov = search_json(sb, {"Lavrov", "--all-passages", "-n", "100"});
  CHECK(static_cast<std::int64_t>(lavrov.hits.size()) ==
        run.summary["suggestion"]["total"].get<std::int64_t>());
  // A query with enough hits gets none.
  JsonRun fine = search_json(sb, {"Blinken"});
  CHECK_FALSE(fine.summary.contains("suggestion"));
}

TEST_CASE("cli: a question typed as a sentence finds passages") {
  Sandbox sb;
  sb.add_seeds();
  REQUIRE(sb.index_run().status == 0);
  // "what", "did", "say" and "about" are in no passage together with the
  // rest, and "OR" and "NOT" in capitals are words here, not operators.
  JsonRun run = search_json(
      sb, {"what did the State Department say about Blinken meeting Lavrov OR NOT at the G20",
           "--all-passages"});
  CHECK(run.result.status == 0);
  REQUIRE(run.hits.size() >= 3);
  // The best hit names both men.
  std::string best = run.hits[0]["text"];
  CHECK(best.find("Blinken") != std::string::npos);
  CHECK(best.find("Lavrov") != std::string::npos);
}

TEST_CASE("cli: --batch answers one query a line as JSON Lines") {
  Sandbox sb;
  sb.add_seeds();
  REQUIRE(sb.index_run().status == 0);
  std::string input = sb.dir / "queries.txt";
  brief::test::write_file(input, "New START\n\nZakharova\ndate:2023-02-30\nNobodyEverSaidThis\n");
  ProgramResult r = brief::test::run_program(
      {search_program(), "--index", sb.index, "--batch", "-n", "1"}, sb.env(), input);
  CHECK(r.status == 2);  // One line failed; the others still ran.
  CHECK(r.err == "");
  std::vector<json> objects = json_lines(r.out);
  std::vector<std::string> summaries;
  std::size_t hits = 0, errors = 0;
  for (const auto& o : objects) {
    if (o["type"] == "summary") summaries.push_back(o["query"]);
    if (o["type"] == "hit") ++hits;
    if (o["type"] == "error") {
      ++errors;
      CHECK(o["line"] == 4);
      CHECK(o["query"] == "date:2023-02-30");
      CHECK(o["message"].get<std::string>().find("2023-02") != std::string::npos);
    }
  }
  // The blank line is skipped; each query gets its summary, in order.
  CHECK(summaries == std::vector<std::string>{"New START", "Zakharova", "NobodyEverSaidThis"});
  CHECK(hits == 2);  // -n 1 for each query that has hits.
  CHECK(errors == 1);
  // The same query alone gives the same first hit.
  JsonRun alone = search_json(sb, {"New START", "-n", "1"});
  REQUIRE(alone.hits.size() == 1);
  CHECK(objects[0]["text"] == alone.hits[0]["text"]);
  // A QUERY argument with --batch is a usage error.
  CHECK(sb.search({"--batch", "New START"}).status == 2);
}

TEST_CASE("cli: a search's text output matches the golden file") {
  Sandbox sb;
  sb.add_seeds();
  ChangeDir cd(sb.dir.path());  // Paths print as corpus/NAME.
  SUBCASE("brief-index") {
    ProgramResult r = sb.index_run({"corpus"});
    CHECK(r.status == 0);
    CHECK(r.err == "");
    // The timing varies from run to run.
    std::string out = std::regex_replace(r.out, std::regex("in [0-9.]+ s:"), "in S s:");
    out = std::regex_replace(out, std::regex(R"( \([0-9,]+ passages/s\))"), "");
    check_golden("index-seeds.txt", out);
  }
  SUBCASE("brief-search") {
    REQUIRE(sb.index_run({"corpus"}).status == 0);
    ProgramResult r = sb.search({"New START"});
    CHECK(r.status == 0);
    CHECK(r.err == "");
    check_golden("search-new-start.txt", r.out);
  }
}

TEST_CASE("cli: a speaker: query finds only that speaker's dated passages") {
  Sandbox sb;
  sb.add_seeds();
  REQUIRE(sb.index_run().status == 0);
  JsonRun run = search_json(sb, {"speaker:\"Maria Zakharova\""});
  CHECK(run.result.status == 0);
  REQUIRE_FALSE(run.hits.empty());
  for (const auto& hit : run.hits) {
    CHECK(hit["date"] == "2023-03-03");
    CHECK_MESSAGE(has_speaker(hit, "Maria Zakharova"), hit["speakers"].dump());
    CHECK(path_ends_with(hit, kSeed1));
  }
  // The same with --speaker.
  JsonRun option = search_json(sb, {"--speaker", "Maria Zakharova", "--all-passages"});
  REQUIRE_FALSE(option.hits.empty());
  for (const auto& hit : option.hits) CHECK(has_speaker(hit, "Maria Zakharova"));
}

TEST_CASE("cli: brief-index lists undated files in its summary") {
  Sandbox sb;
  sb.add_seeds();

  SUBCASE("text") {
    ProgramResult r = sb.index_run();
    CHECK(r.status == 0);
    CHECK(r.err == "");
    auto lines = lines_of(r.out);
    CHECK(std::find(lines.begin(), lines.end(), "added: 2") != lines.end());
    CHECK(std::find(lines.begin(), lines.end(), "undated: 1") != lines.end());
    CHECK(std::find(lines.begin(), lines.end(), "failed: 0") != lines.end());
    auto undated = text_section(r.out, "Undated");
    REQUIRE(undated.size() == 1);
    CHECK(undated[0].ends_with(kSeed0));
    CHECK(r.out.find(kSeed1) == std::string::npos);
  }

  SUBCASE("json") {
    json s = sb.index_json();
    CHECK(s["files"] == 2);
    CHECK(s["added"] == 2);
    CHECK(s["failed"] == 0);
    CHECK(s["failures"].empty());
    REQUIRE(s["undated"].size() == 1);
    CHECK(s["undated"][0].get<std::string>().ends_with(std::string("/") + kSeed0));
    CHECK(s.dump().find(kSeed1) == std::string::npos);
    CHECK(s["passages"].get<std::int64_t>() > 0);
  }
}

// --- Boilerplate --------------------------------------------------------------

TEST_CASE("cli: site boilerplate never appears in a hit") {
  Sandbox sb;
  sb.add_seeds();
  REQUIRE(sb.index_run().status == 0);
  const std::vector<std::string> boilerplate = {
      "Leave a review", "Follow us on social networks", "Related materials"};
  for (const std::string query : {"Blinken", "Lavrov", "Price", "Whelan", "Zakharova",
                            "\"New START\"", "Ukraine", "Blinken OR Lavrov OR Russia"}) {
    CAPTURE(query);
    JsonRun run = search_json(sb, {query, "--all-passages", "--limit", "1000"});
    CHECK(run.result.status == 0);
    for (const auto& hit : run.hits) {
      for (const char* field : {"title", "snippet", "text"}) {
        std::string value = hit[field];
        for (const auto& b : boilerplate)
          CHECK_MESSAGE(value.find(b) == std::string::npos,
                        field << " of " << hit["path"] << " #" << hit["ordinal"]
                              << " holds \"" << b << "\": " << value);
      }
    }
  }
  // Words that occur only in the boilerplate are not indexed at all.
  for (const std::string query : {"review", "\"social networks\"", "\"Related materials\""}) {
    CAPTURE(query);
    ProgramResult r = sb.search({query});
    CHECK(r.status == 1);
    CHECK(r.err == "");
  }
}

// --- Incremental updates ------------------------------------------------------

TEST_CASE("cli: re-running brief-index adds, updates and removes what changed") {
  Sandbox sb;
  sb.add_seeds();
  json first = sb.index_json();
  CHECK(first["added"] == 2);

  // "bilat" occurs only in dateline-article.txt.
  CHECK(sb.search({"bilat"}).status == 1);
  std::string added = sb.add("news/dateline-article.txt");
  json s = sb.index_json();
  check_counts(s, 1, 0, 0, 2);
  {
    JsonRun run = search_json(sb, {"bilat"});
    CHECK(run.result.status == 0);
    REQUIRE(run.hits.size() == 1);
    CHECK(path_ends_with(run.hits[0], "dateline-article.txt"));
    CHECK(run.hits[0]["date"] == "2023-03-03");
  }

  SUBCASE("an unchanged re-run changes nothing") {
    json again = sb.index_json();
    check_counts(again, 0, 0, 0, 3);
    CHECK(again["failed"] == 0);
    CHECK(sb.search({"bilat"}).status == 0);
  }

  SUBCASE("a touched file with the same content is not updated") {
    auto mtime = fs::last_write_time(added);
    fs::last_write_time(added, mtime + std::chrono::hours(1));
    json again = sb.index_json();
    check_counts(again, 0, 0, 0, 3);
    CHECK(sb.search({"bilat"}).status == 0);
  }

  SUBCASE("a changed file is re-indexed") {
    brief::test::write_file(added,
                            "Zoo keepers meet\n\nQuokkas were discussed by the keepers "
                            "at length on Tuesday, and nobody mentioned treaties.\n");
    json again = sb.index_json();
    check_counts(again, 0, 1, 0, 2);
    JsonRun run = search_json(sb, {"quokkas"});
    REQUIRE(run.hits.size() == 1);
    CHECK(path_ends_with(run.hits[0], "dateline-article.txt"));
    CHECK(run.hits[0]["title"] == "Zoo keepers meet");
    CHECK(sb.search({"bilat"}).status == 1);
    CHECK(sb.search({"Kirby"}).status == 1);
  }

  SUBCASE("a file that now fails loses its old passages") {
    brief::test::write_file(added, "");
    json again = sb.index_json();
    CHECK(again["added"] == 0);
    CHECK(again["updated"] == 0);
    CHECK(again["unchanged"] == 2);
    REQUIRE(again["failures"].size() == 1);
    CHECK(basename_of(again["failures"][0]["path"]) == "dateline-article.txt");
    CHECK(sb.search({"bilat"}).status == 1);
    CHECK(sb.search({"Zakharova"}).status == 0);
  }

  SUBCASE("a deleted file is removed") {
    fs::remove(added);
    json again = sb.index_json();
    check_counts(again, 0, 0, 1, 2);
    ProgramResult r = sb.search({"bilat"});
    CHECK(r.status == 1);
    CHECK(r.err == "");
    CHECK(sb.search({"Kirby"}).status == 1);
    // The seeds are still there.
    CHECK(sb.search({"Zakharova"}).status == 0);
  }
}

TEST_CASE("cli: updating one folder leaves files indexed from another alone") {
  Sandbox sb;
  // "corpus2" starts with "corpus": a prefix match on strings would wrongly
  // treat its files as being under "corpus".
  std::string other = sb.dir / "corpus2";
  fs::create_directories(other);
  fs::copy_file(fixture_path(std::string("news/") + kSeed1), other + "/" + kSeed1);
  sb.add(std::string("news/") + kSeed0);
  // Hidden files are skipped.
  fs::copy_file(fixture_path("news/dateline-article.txt"), sb.corpus + "/.hidden.txt");

  REQUIRE(sb.index_run({other}).status == 0);
  json s = sb.index_json();
  CHECK(s["files"] == 1);
  CHECK(s["added"] == 1);
  CHECK(s["removed"] == 0);
  CHECK(sb.search({"Zakharova"}).status == 0);
  CHECK(sb.search({"bilat"}).status == 1);

  fs::remove(sb.corpus + "/" + kSeed0);
  s = sb.index_json();
  CHECK(s["removed"] == 1);
  CHECK(sb.search({"Zakharova"}).status == 0);
  JsonRun run = search_json(sb, {"Blinken OR Lavrov", "--all-passages", "--limit", "1000"});
  for (const auto& hit : run.hits) CHECK(path_ends_with(hit, kSeed1));

  // The same folder named another way is the same files.
  ProgramResult r = sb.index_run({"--json", other + "/", other + "/../corpus2"});
  CHECK(r.status == 0);
  json again = json::parse(r.out, nullptr, false);
  REQUIRE_FALSE(again.is_discarded());
  CHECK(again["added"] == 0);
  CHECK(again["updated"] == 0);
  CHECK(again["unchanged"] == 1);
}

TEST_CASE("cli: a hit's byte range is where its text lies in the file") {
  Sandbox sb;
  sb.add_seeds();
  sb.add("news/dateline-article.txt");
  REQUIRE(sb.index_run().status == 0);
  // Passage text has its white space (NBSP too) folded to single spaces.
  auto fold = [](const std::string& s) {
    std::string nbsp_free = std::regex_replace(s, std::regex("\xc2\xa0"), " ");
    std::string out = std::regex_replace(nbsp_free, std::regex("[ \t\r\n]+"), " ");
    if (!out.empty() && out.front() == ' ') out.erase(0, 1);
    if (!out.empty() && out.back() == ' ') out.pop_back();
    return out;
  };
  JsonRun run = search_json(sb, {"Blinken OR Lavrov OR Price OR Whelan OR Kirby",
                                 "--all-passages", "--limit", "1000"});
  REQUIRE(run.hits.size() >= 10);
  for (const auto& hit : run.hits) {
    std::string file = brief::test::read_file(hit["path"]);
    std::size_t b = hit["byte_begin"], e = hit["byte_end"];
    CAPTURE(hit["path"]);
    CAPTURE(hit["ordinal"]);
    REQUIRE(b < e);
    REQUIRE(e <= file.size());
    CHECK(fold(file.substr(b, e - b)) == fold(hit["text"]));
  }
}

TEST_CASE("cli: an unreadable file is listed as a failure") {
  if (geteuid() == 0) {
    MESSAGE("skipped: root can read any file");
    return;
  }
  Sandbox sb;
  sb.add_seeds();
  std::string locked = sb.corpus + "/" + kSeed0;
  fs::permissions(locked, fs::perms::none);
  json s = sb.index_json();
  CHECK(s["added"] == 1);
  REQUIRE(s["failures"].size() == 1);
  CHECK(basename_of(s["failures"][0]["path"]) == kSeed0);
  CHECK_FALSE(s["failures"][0]["reason"].get<std::string>().empty());
  CHECK(sb.search({"Zakharova"}).status == 0);
  fs::permissions(locked, fs::perms::owner_read | fs::perms::owner_write);
}

// --- Broken inputs ------------------------------------------------------------

TEST_CASE("cli: hostile inputs: each gets a reason or a warning, the rest is indexed") {
  Sandbox sb;
  sb.add(std::string("news/") + kSeed0);
  for (const char* name : {"overlong-utf8.txt", "nul-bytes.txt", "boilerplate-only.txt",
                           "deep.json", "impossible-date.md", "year-99999.md"})
    sb.add(std::string("broken/") + name);
  // Made here rather than stored: a 10 MB line with no newline, a 200 MB
  // file, and a folder link that loops back to the corpus.
  std::string word_line(10 << 20, ' ');
  for (std::size_t i = 0; i + 5 < word_line.size(); i += 6) word_line.replace(i, 5, "words");
  brief::test::write_file(sb.corpus + "/long-line.txt", "Long line\n\n" + word_line);
  {
    std::ofstream huge(sb.corpus + "/huge.txt", std::ios::binary);
    std::string block(1 << 20, 'x');
    for (int i = 0; i < 200; ++i) huge << block;
  }
  fs::create_directory_symlink(sb.corpus, sb.corpus + "/loop");

  json s = sb.index_json();
  std::map<std::string, std::string> reasons;
  for (const auto& f : s["failures"]) reasons[basename_of(f["path"])] = f["reason"];
  auto reason = [&](const std::string& name) { return reasons.count(name) ? reasons[name] : ""; };
  CHECK_MESSAGE(reason("overlong-utf8.txt").find("UTF-8") != std::string::npos, reason("overlong-utf8.txt"));
  CHECK_MESSAGE(reason("nul-bytes.txt").find("NUL") != std::string::npos, reason("nul-bytes.txt"));
  CHECK_MESSAGE(reason("boilerplate-only.txt").find("boilerplate") != std::string::npos,
                reason("boilerplate-only.txt"));
  CHECK_MESSAGE(reason("deep.json").find("not an object") != std::string::npos, reason("deep.json"));
  CHECK_MESSAGE(reason("huge.txt").find("too large") != std::string::npos, reason("huge.txt"));
  CHECK(s["failed"] == 5);
  for (const auto& [name, why] : reasons) CHECK(why.find('\n') == std::string::npos);
  // Impossible dates are warnings: the article is indexed, undated.
  std::map<std::string, std::string> warnings;
  for (const auto& w : s["warnings"]) warnings[basename_of(w["path"])] = w["warning"];
  CHECK(warnings["impossible-date.md"].find("2023-02-30") != std::string::npos);
  CHECK(warnings["year-99999.md"].find("99999") != std::string::npos);
  // The seed, the dated-nowhere briefings and the long line are in; the
  // loop was not followed (no file is indexed twice).
  CHECK(s["added"] == 4);
  CHECK(sb.search({"Whelan"}).status == 0);
  CHECK(sb.search({"thirtieth February"}).status == 0);
  ProgramResult check = sb.index_run({"--check"});
  CHECK(check.status == 0);
}

TEST_CASE("cli: broken files are listed as failures and the rest is indexed") {
  Sandbox sb;
  sb.add(std::string("news/") + kSeed0);
  const std::vector<std::string> broken = {"binary.txt",      "empty.txt",
                                           "invalid-utf8.txt", "truncated.json",
                                           "whitespace-only.txt", "wrong-type.json"};
  for (const auto& name : broken) sb.add("broken/" + name);

  SUBCASE("json") {
    json s = sb.index_json();
    CHECK(s["files"] == 7);
    CHECK(s["added"] == 1);
    CHECK(s["failed"] == broken.size());
    REQUIRE(s["failures"].is_array());
    CHECK(s["failures"].size() == broken.size());
    std::map<std::string, std::string> reasons;
    for (const auto& f : s["failures"]) {
      std::string name = basename_of(f["path"]);
      CHECK_MESSAGE(reasons.count(name) == 0, name << " listed twice");
      reasons[name] = f["reason"];
      CHECK_MESSAGE(std::find(broken.begin(), broken.end(), name) != broken.end(),
                    name << " should not fail: " << f["reason"]);
    }
    for (const auto& name : broken) {
      CAPTURE(name);
      REQUIRE(reasons.count(name) == 1);
      CHECK_FALSE(reasons[name].empty());
      CHECK(reasons[name].find('\n') == std::string::npos);
    }
    auto mentions = [&](const std::string& name, const std::string& word) {
      return reasons[name].find(word) != std::string::npos;
    };
    CHECK_MESSAGE(mentions("binary.txt", "binary"), reasons["binary.txt"]);
    CHECK_MESSAGE(mentions("empty.txt", "empty"), reasons["empty.txt"]);
    CHECK_MESSAGE(mentions("invalid-utf8.txt", "UTF-8"), reasons["invalid-utf8.txt"]);
    CHECK_MESSAGE(mentions("truncated.json", "JSON"), reasons["truncated.json"]);
    CHECK_MESSAGE((mentions("wrong-type.json", "number") || mentions("wrong-type.json", "object")),
                  reasons["wrong-type.json"]);

    // The good file is searchable.
    JsonRun run = search_json(sb, {"Whelan"});
    CHECK(run.result.status == 0);
    REQUIRE_FALSE(run.hits.empty());
    for (const auto& hit : run.hits) CHECK(path_ends_with(hit, kSeed0));

    // Failures are sorted by path, and every file is counted once.
    std::vector<std::string> paths;
    for (const auto& f : s["failures"]) paths.push_back(f["path"]);
    CHECK(std::is_sorted(paths.begin(), paths.end()));
    CHECK(s["added"].get<int>() + s["updated"].get<int>() + s["unchanged"].get<int>() +
              s["failed"].get<int>() ==
          s["files"].get<int>());

    // Failed files are tried again, so a re-run lists them again...
    json again = sb.index_json();
    CHECK(again["unchanged"] == 1);
    CHECK(again["failed"] == broken.size());
    // ... and a fixed file is then indexed.
    brief::test::write_file(sb.corpus + "/empty.txt",
                            "Fixed file\n\nThe aardvark briefing went ahead as planned.\n");
    again = sb.index_json();
    CHECK(again["added"] == 1);
    CHECK(again["unchanged"] == 1);
    CHECK(again["failed"] == broken.size() - 1);
    for (const auto& f : again["failures"]) CHECK(basename_of(f["path"]) != "empty.txt");
    CHECK(sb.search({"aardvark"}).status == 0);
  }

  SUBCASE("text") {
    ProgramResult r = sb.index_run();
    CHECK(r.status == 0);
    CHECK(r.err == "");
    auto lines = lines_of(r.out);
    CHECK(std::find(lines.begin(), lines.end(), "failed: 6") != lines.end());
    auto failed = text_section(r.out, "Failed");
    REQUIRE(failed.size() == broken.size());
    for (const auto& name : broken) {
      CAPTURE(name);
      CHECK(std::any_of(failed.begin(), failed.end(), [&](const std::string& line) {
        return line.find(name + ": ") != std::string::npos;
      }));
    }
    CHECK(sb.search({"Whelan"}).status == 0);
  }
}

// --- Errors -------------------------------------------------------------------

TEST_CASE("cli: errors exit 2 with one line on stderr") {
  Sandbox sb;
  sb.add_seeds();
  REQUIRE(sb.index_run().status == 0);

  SUBCASE("a bad query") {
    // "(-date:x" crashed Xapian's parser when the prefix threw (found by
    // tools/fuzz); it is a plain error now.
    for (const std::string query : {"date:notadate", "date:2023-02-30..", "date:2023..2022",
                              "Blinken AND", "(-date:x", "( -speaker:\"\")"}) {
      CAPTURE(query);
      check_error(sb.search({query}), "brief-search");
      check_error(sb.search({query, "--json"}), "brief-search");
    }
  }

  SUBCASE("a query of 10,000 words") {
    std::string huge;
    for (int i = 0; i < 10000; ++i) huge += "word" + std::to_string(i) + " ";
    ProgramResult r = sb.search({huge});
    check_error(r, "brief-search");
    CHECK_MESSAGE(r.err.find("10000 words") != std::string::npos, r.err);
  }

  SUBCASE("a missing index") {
    std::string missing = sb.dir / "no-such-index";
    ProgramResult r = run({search_program(), "--index", missing, "Blinken"}, sb.env());
    check_error(r, "brief-search");
    CHECK_MESSAGE(r.err.find(missing) != std::string::npos, r.err);
    CHECK_FALSE(fs::exists(missing));  // A search never creates an index.

    r = run({search_program(), "--index", "/nonexistent/x", "Blinken"}, sb.env());
    check_error(r, "brief-search");
    CHECK_MESSAGE(r.err.find("/nonexistent/x") != std::string::npos, r.err);
  }

  SUBCASE("bad options") {
    for (const auto& args : std::vector<std::vector<std::string>>{
             {"--limit", "0", "Blinken"},
             {"--limit", "-3", "Blinken"},
             {"--limit", "ten", "Blinken"},
             {"--offset", "-1", "Blinken"},
             {"--bogus", "Blinken"},
             {"--sort", "sideways", "Blinken"},
             {"--color", "sometimes", "Blinken"},
             {"--since", "2023-02-30", "Blinken"},
             {"--since", "2023-04", "--until", "2023-03", "Blinken"},
             {"--recency-weight", "2", "Blinken"},
             {}}) {  // No query and no filter.
      std::string joined;
      for (const auto& a : args) joined += a + " ";
      CAPTURE(joined);
      check_error(sb.search(args), "brief-search");
    }
    for (const auto& args : std::vector<std::vector<std::string>>{
             {"--bogus", sb.corpus}, {"--threads", "-1", sb.corpus}, {"--batch", "0", sb.corpus}}) {
      CAPTURE(args[0]);
      check_error(sb.index_run(args), "brief-index");
    }
    // No PATH.
    check_error(run({index_program(), "--index", sb.index}, sb.env()), "brief-index");
  }

  SUBCASE("brief-index with a missing path leaves the index as it was") {
    std::string missing = sb.dir / "no-such-corpus";
    ProgramResult r = sb.index_run({missing});
    check_error(r, "brief-index");
    CHECK_MESSAGE(r.err.find(missing) != std::string::npos, r.err);
    CHECK(sb.search({"Zakharova"}).status == 0);
    CHECK(sb.search({"Whelan"}).status == 0);

    // Also when named alongside the indexed folder.
    r = sb.index_run({sb.corpus, missing});
    check_error(r, "brief-index");
    CHECK(sb.search({"Zakharova"}).status == 0);
    json s = sb.index_json();
    CHECK(s["removed"] == 0);
    CHECK(s["added"] == 0);
    CHECK(s["unchanged"] == 2);
  }

  SUBCASE("--index naming a folder that is not an index") {
    // The corpus folder holds articles: brief-index must not write there.
    ProgramResult r =
        run({index_program(), "--index", sb.corpus, sb.corpus}, sb.env());
    check_error(r, "brief-index");
    CHECK_FALSE(fs::exists(sb.corpus + "/iamglass"));
  }
}

TEST_CASE("cli: an index that cannot be used is an error, and --rebuild mends it") {
  Sandbox sb;
  sb.add_seeds();

  SUBCASE("an index of another format") {
    {
      Xapian::WritableDatabase db(sb.index, Xapian::DB_CREATE_OR_OPEN);
      db.add_document(Xapian::Document());
      db.set_metadata(std::string(brief::schema::kFormatKey), "999");
      db.commit();
    }
    ProgramResult r = sb.search({"Blinken"});
    check_error(r, "brief-search");
    CHECK_MESSAGE(r.err.find("--rebuild") != std::string::npos, r.err);
    check_error(sb.index_run(), "brief-index");

    r = sb.index_run({"--rebuild", "--json", sb.corpus});
    CHECK(r.status == 0);
    CHECK(r.err == "");
    CHECK(sb.search({"Zakharova"}).status == 0);
  }

  SUBCASE("--rebuild drops what is no longer wanted") {
    REQUIRE(sb.index_run().status == 0);
    std::string other = sb.dir / "other";
    fs::create_directories(other);
    fs::copy_file(fixture_path("news/dateline-article.txt"), other + "/dateline-article.txt");
    REQUIRE(sb.index_run({"--rebuild", other}).status == 0);
    CHECK(sb.search({"bilat"}).status == 0);
    CHECK(sb.search({"Zakharova"}).status == 1);
  }

  SUBCASE("an empty folder") {
    std::string empty = sb.dir / "empty";
    fs::create_directories(empty);
    ProgramResult r = run({search_program(), "--index", empty, "Blinken"}, sb.env());
    check_error(r, "brief-search");
    CHECK(r.err.find(empty) != std::string::npos);
  }

  SUBCASE("a regular file") {
    std::string file = sb.dir / "not-an-index";
    std::string content;
    SUBCASE("empty") {}
    SUBCASE("an article") { content = brief::test::read_file(sb.corpus + "/" + kSeed0); }
    brief::test::write_file(file, content);
    ProgramResult r = run({search_program(), "--index", file, "Blinken"}, sb.env());
    check_error(r, "brief-search");
    CHECK(r.err.find(file) != std::string::npos);
    // brief-index --rebuild refuses a file, so the message must not
    // suggest it.
    CHECK_MESSAGE(r.err.find("--rebuild") == std::string::npos, r.err);
    r = run({index_program(), "--index", file, "--rebuild", sb.corpus}, sb.env());
    check_error(r, "brief-index");
    CHECK(brief::test::read_file(file) == content);
  }
}

TEST_CASE("cli: no hits exits 1 with nothing on stderr") {
  Sandbox sb;
  sb.add_seeds();
  REQUIRE(sb.index_run().status == 0);

  ProgramResult r = sb.search({"zyzzyva"});
  CHECK(r.status == 1);
  CHECK(r.err == "");
  CHECK(r.out == "No passages match.\n");

  JsonRun run = search_json(sb, {"zyzzyva"});
  CHECK(run.result.status == 1);
  CHECK(run.hits.empty());
  CHECK(run.summary["returned"] == 0);
  CHECK(run.summary["total"] == 0);

  // A filter that excludes everything.
  CHECK(sb.search({"Blinken", "--until", "2022"}).status == 1);
}

TEST_CASE("cli: brief-index --stats and --check") {
  Sandbox sb;
  sb.add_seeds();
  REQUIRE(sb.index_run().status == 0);
  ProgramResult stats = sb.index_run({"--stats", "--json"});
  CHECK(stats.status == 0);
  json s = json::parse(stats.out);
  CHECK(s["type"] == "index-stats");
  CHECK(s["files"] == 2);
  CHECK(s["passages"] == 20);
  CHECK(s["undated_files"] == 1);
  CHECK(s["oldest"] == "2023-03-03");
  ProgramResult text = sb.index_run({"--stats"});
  CHECK(text.status == 0);
  CHECK(text.out.find("passages:   20") != std::string::npos);

  ProgramResult ok = sb.index_run({"--check"});
  CHECK(ok.status == 0);
  CHECK(ok.out.find("sound") != std::string::npos);
  // Passages gone behind the manifest's back: exit 2, a hint, and the
  // problem named.
  {
    Xapian::WritableDatabase db(sb.index, Xapian::DB_OPEN);
    db.delete_document(std::string(brief::schema::kFile) +
                       brief::schema::file_key(sb.corpus + "/" + kSeed1));
    db.commit();
  }
  ProgramResult bad = sb.index_run({"--check", "--json"});
  CHECK(bad.status == 2);
  json c = json::parse(bad.out);
  CHECK(c["ok"] == false);
  REQUIRE(c["problems"].size() == 1);
  CHECK(c["problems"][0].get<std::string>().find(kSeed1) != std::string::npos);
  CHECK(bad.err.find("--rebuild") != std::string::npos);
  // Indexing again mends it.
  REQUIRE(sb.index_run({"--rebuild", sb.corpus}).status == 0);
  CHECK(sb.index_run({"--check"}).status == 0);
  // A PATH with --check is a usage error.
  CHECK(sb.index_run({"--check", sb.corpus}).status == 2);
}

TEST_CASE("cli: a locked index makes brief-index exit 75") {
  Sandbox sb;
  sb.add_seeds();
  REQUIRE(sb.index_run().status == 0);
  sb.add("news/dateline-article.txt");
  {
    Xapian::WritableDatabase writer(sb.index, Xapian::DB_OPEN);
    ProgramResult r = sb.index_run({"--lock-timeout", "0.3", sb.corpus});
    check_error(r, "brief-index", 75);
    CHECK_MESSAGE(r.err.find("locked") != std::string::npos, r.err);
    // Readers are not blocked by a writer.
    ProgramResult s = sb.search({"Zakharova"});
    CHECK(s.status == 0);
    CHECK(s.err == "");
  }
  json s = sb.index_json();
  CHECK(s["added"] == 1);
  CHECK(sb.search({"bilat"}).status == 0);
}

// --- Help, version, colour ----------------------------------------------------

TEST_CASE("cli: --help and --version exit 0") {
  Sandbox sb;
  for (const auto& [prog, name] :
       std::vector<std::pair<std::string, std::string>>{{index_program(), "brief-index"},
                                                        {search_program(), "brief-search"}}) {
    CAPTURE(name);
    for (const char* flag : {"--help", "-h"}) {
      ProgramResult r = run({prog, flag}, sb.env());
      CHECK(r.status == 0);
      CHECK(r.err == "");
      CHECK(r.out.starts_with("Usage: " + name));
      CHECK(r.out.find("--index") != std::string::npos);
      CHECK(r.out.find("Exit status") != std::string::npos);
    }
    for (const char* flag : {"--version", "-V"}) {
      ProgramResult r = run({prog, flag}, sb.env());
      CHECK(r.status == 0);
      CHECK(r.err == "");
      CHECK_MESSAGE(std::regex_match(r.out, std::regex(name + R"( [0-9]+\.[0-9]+\.[0-9]+\n)")),
                    r.out);
    }
  }
  // Neither creates an index.
  CHECK_FALSE(fs::exists(sb.dir / "default-index"));
  CHECK_FALSE(fs::exists(sb.dir / "xdg"));
}

TEST_CASE("cli: --color always highlights, piped output is plain") {
  Sandbox sb;
  sb.add_seeds();
  REQUIRE(sb.index_run().status == 0);

  ProgramResult always = sb.search({"Whelan", "--color", "always"});
  CHECK(always.status == 0);
  CHECK(always.out.find("\x1b[") != std::string::npos);
  CHECK(always.out.find("Whelan") != std::string::npos);

  // stdout is a file here, not a terminal; NO_COLOR is empty (not set).
  ProgramResult piped = sb.search({"Whelan"}, {"NO_COLOR=", "TERM=xterm-256color"});
  CHECK(piped.status == 0);
  CHECK(piped.out.find('\x1b') == std::string::npos);
  CHECK(piped.out.find("Whelan") != std::string::npos);

  ProgramResult never = sb.search({"Whelan", "--color", "never"}, {"NO_COLOR="});
  CHECK(never.out.find('\x1b') == std::string::npos);

  // Colour changes nothing but the escapes.
  std::string stripped = std::regex_replace(always.out, std::regex("\x1b\\[[0-9;]*m"), "");
  CHECK(stripped == piped.out);
}

// --- Records, sidecars ----------------------------------------------------------

TEST_CASE("cli: JSON records are found with their title, date and speakers") {
  Sandbox sb;
  sb.add("records/briefings.jsonl");
  sb.add("records/single.json");
  json s = sb.index_json();
  CHECK(s["files"] == 2);
  CHECK(s["added"] == 2);
  CHECK(s["failed"] == 0);
  CHECK(s["articles"] == 4);

  // The records as the fixture declares them.
  std::vector<json> records = json_lines(brief::test::read_file(fixture_path("records/briefings.jsonl")));
  REQUIRE(records.size() == 3);
  struct Case {
    const char* query;
    std::size_t record;
  };
  for (const Case& c : {Case{"Taiwan earthquake", 2}, Case{"Trudeau", 1},
                        Case{"\"Strategic Stability Dialogue\"", 0}}) {
    CAPTURE(c.query);
    const json& record = records[c.record];
    JsonRun run = search_json(sb, {c.query, "--all-passages"});
    CHECK(run.result.status == 0);
    REQUIRE_FALSE(run.hits.empty());
    for (const auto& hit : run.hits) {
      CHECK(path_ends_with(hit, "briefings.jsonl"));
      CHECK(hit["title"] == record["title"]);
      CHECK(hit["date"] == record["date"]);
      CHECK(hit["kind"] == "record");
      CHECK(hit["url"] == record["url"]);
      CHECK(hit["source"] == record["source"]);
      if (record["speakers"].size() == 1) {
        REQUIRE(hit["speakers"].size() == 1);
        CHECK(hit["speakers"][0]["name"] == record["speakers"][0]);
      }
    }
  }

  // single.json keeps its text under "body".
  std::string single_text = brief::test::read_file(fixture_path("records/single.json"));
  json single = json::parse(single_text);
  JsonRun run = search_json(sb, {"Finland"});
  CHECK(run.result.status == 0);
  REQUIRE_FALSE(run.hits.empty());
  CHECK(path_ends_with(run.hits[0], "single.json"));
  CHECK(run.hits[0]["title"] == single["title"]);
  CHECK(run.hits[0]["date"] == "2023-04-04");
  // The byte range of a .json record is the whole file.
  CHECK(run.hits[0]["byte_begin"] == 0);
  CHECK(run.hits[0]["byte_end"] == single_text.size());

  // The byte range of a JSON Lines record is its line.
  std::string jsonl = brief::test::read_file(fixture_path("records/briefings.jsonl"));
  JsonRun every = search_json(sb, {"Biden OR Taiwan", "--all-passages", "--limit", "1000"});
  for (const auto& hit : every.hits) {
    if (!path_ends_with(hit, "briefings.jsonl")) continue;
    std::size_t b = hit["byte_begin"], e = hit["byte_end"];
    REQUIRE(b < e);
    REQUIRE(e <= jsonl.size());
    CHECK((b == 0 || jsonl[b - 1] == '\n'));
    CHECK((e == jsonl.size() || jsonl[e] == '\n'));
    json line = json::parse(jsonl.substr(b, e - b), nullptr, false);
    REQUIRE_FALSE(line.is_discarded());
    CHECK(line["title"] == hit["title"]);
  }
}

TEST_CASE("cli: a sidecar's title and date win over the article's") {
  Sandbox sb;
  sb.add("news/sidecar-article.txt");
  sb.add("news/sidecar-article.json");
  json s = sb.index_json();
  CHECK(s["files"] == 1);  // The sidecar is not an input of its own.
  CHECK(s["added"] == 1);
  CHECK(s["failed"] == 0);
  CHECK(s["undated"].empty());

  json sidecar = json::parse(brief::test::read_file(fixture_path("news/sidecar-article.json")));
  JsonRun run = search_json(sb, {"Belfast", "--all-passages"});
  CHECK(run.result.status == 0);
  REQUIRE_FALSE(run.hits.empty());
  for (const auto& hit : run.hits) {
    CHECK(path_ends_with(hit, "sidecar-article.txt"));
    CHECK(hit["title"] == sidecar["title"]);
    CHECK(hit["date"] == "2023-04-05");
    CHECK(hit["source"] == sidecar["source"]);
    CHECK(hit["url"] == sidecar["url"]);
  }
  // The article's own first line is not its title.
  CHECK(run.hits[0]["title"] != "Biden heads to Northern Ireland and Ireland next week");
  // Date filters see the sidecar's date.
  CHECK(sb.search({"Belfast", "--since", "2023-04-05", "--until", "2023-04-05"}).status == 0);
  CHECK(sb.search({"Belfast", "--until", "2023-04-04"}).status == 1);
}

// --- Facets, filters, paging ----------------------------------------------------

TEST_CASE("cli: --facets counts agree with the matching hits") {
  Sandbox sb;
  sb.add_seeds();
  REQUIRE(sb.index_run().status == 0);

  auto speaker_count = [](const json& summary, const std::string& name) -> std::int64_t {
    for (const auto& f : summary["facets"]["speaker"])
      if (f["value"] == name) return f["count"];
    return 0;
  };

  for (const std::string query : {"Blinken OR Lavrov OR Whelan", "Blinken"}) {
    CAPTURE(query);
    JsonRun faceted = search_json(sb, {query, "--facets"});
    REQUIRE(faceted.summary.contains("facets"));
    const json& facets = faceted.summary["facets"];
    CHECK(faceted.summary["total_exact"] == true);
    CHECK(faceted.summary["total_at_least"] == false);
    std::int64_t price = speaker_count(faceted.summary, "Ned Price");
    CHECK(price > 0);
    JsonRun all = search_json(sb, {query, "--speaker", "Ned Price", "--all-passages",
                                   "--limit", "1000"});
    CHECK(static_cast<std::int64_t>(all.hits.size()) == price);
    for (const auto& hit : all.hits) CHECK(has_speaker(hit, "Ned Price"));
    // Months plus undated add up to the total.
    std::int64_t months = 0;
    for (const auto& f : facets["month"]) months += f["count"].get<std::int64_t>();
    CHECK(months + facets["undated"].get<std::int64_t>() == faceted.summary["total"]);
    // The total is the number of matching passages.
    JsonRun every = search_json(sb, {query, "--all-passages", "--limit", "1000"});
    CHECK(faceted.summary["total"] == every.hits.size());
  }

  // A filter alone, no query.
  JsonRun price_only = search_json(sb, {"--speaker", "Ned Price", "--all-passages", "--limit",
                                        "1000", "--facets"});
  CHECK(price_only.result.status == 0);
  CHECK(speaker_count(price_only.summary, "Ned Price") ==
        static_cast<std::int64_t>(price_only.hits.size()));
  for (const auto& hit : price_only.hits) CHECK(has_speaker(hit, "Ned Price"));

  // Text output of --facets.
  ProgramResult text = sb.search({"Blinken", "--facets"});
  CHECK(text.status == 0);
  CHECK(text.out.find("\nSpeakers:\n") != std::string::npos);
  CHECK(text.out.find("Ned Price") != std::string::npos);
  CHECK(text.out.find("\nMonths:\n") != std::string::npos);
}

TEST_CASE("cli: --since, --until, --offset and --limit") {
  Sandbox sb;
  sb.add_seeds();
  REQUIRE(sb.index_run().status == 0);

  SUBCASE("date filters drop undated passages and those outside the range") {
    JsonRun run = search_json(sb, {"Blinken", "--since", "2023-03", "--all-passages",
                                   "--limit", "1000"});
    REQUIRE_FALSE(run.hits.empty());
    for (const auto& hit : run.hits) {
      REQUIRE(hit["date"].is_string());
      CHECK(hit["date"].get<std::string>() >= "2023-03-01");
    }
    CHECK(sb.search({"Blinken", "--since", "2023-03-04"}).status == 1);
    CHECK(sb.search({"Blinken", "--until", "2023-03-02"}).status == 1);
    CHECK(sb.search({"Blinken", "--since", "2023", "--until", "2023"}).status == 0);
  }

  SUBCASE("paging returns the same hits as one long page") {
    JsonRun all = search_json(sb, {"Blinken", "--all-passages", "--limit", "6"});
    REQUIRE(all.hits.size() == 6);
    JsonRun page = search_json(sb, {"Blinken", "--all-passages", "--limit", "3",
                                    "--offset", "2"});
    REQUIRE(page.hits.size() == 3);
    CHECK(page.summary["offset"] == 2);
    for (std::size_t i = 0; i < 3; ++i) {
      CAPTURE(i);
      CHECK(page.hits[i]["rank"] == i + 3);
      CHECK(page.hits[i]["path"] == all.hits[i + 2]["path"]);
      CHECK(page.hits[i]["ordinal"] == all.hits[i + 2]["ordinal"]);
    }
    JsonRun one = search_json(sb, {"Blinken", "--limit", "1"});
    CHECK(one.hits.size() == 1);
    // Past the last hit: nothing shown (status 1), but the passages
    // still match, and the text says so.
    ProgramResult past = sb.search({"Blinken", "--offset", "500"});
    CHECK(past.status == 1);
    CHECK(past.out.starts_with("No hits from 501 on; "));
    CHECK(past.out.find("matching passages.") != std::string::npos);
    CHECK(sb.search({"quokka", "--offset", "500"}).out == "No passages match.\n");
  }

  SUBCASE("by default one passage per article") {
    JsonRun run = search_json(sb, {"Blinken OR Lavrov", "--limit", "1000"});
    std::set<std::string> paths;
    for (const auto& hit : run.hits) {
      std::string path = hit["path"];
      CHECK_MESSAGE(paths.insert(path).second, path << " listed twice");
    }
    CHECK(paths.size() == 2);
  }
}

TEST_CASE("cli: title: and date: query prefixes") {
  Sandbox sb;
  sb.add_seeds();
  sb.add("news/dateline-article.txt");
  REQUIRE(sb.index_run().status == 0);

  // "Whelan" is in the text of all three but in the title of one.
  JsonRun titled = search_json(sb, {"title:Whelan", "--all-passages", "--limit", "1000"});
  REQUIRE_FALSE(titled.hits.empty());
  for (const auto& hit : titled.hits) CHECK(path_ends_with(hit, "dateline-article.txt"));
  // Every passage of that article, not only the first (which alone holds
  // the title's terms), each with the article's title, date and byline.
  std::set<long> ordinals;
  for (const auto& hit : titled.hits) {
    ordinals.insert(hit["ordinal"].get<long>());
    CHECK(hit["title"].get<std::string>().find("Paul Whelan in G20") != std::string::npos);
    CHECK(hit["date"] == "2023-03-03");
    CHECK(hit["byline"] == "Jane Doe");
  }
  CHECK(ordinals.size() == titled.hits.size());
  CHECK(ordinals.size() >= 3);
  CHECK(ordinals.count(0) == 1);
  // A quoted phrase, stemmed words, two title: filters (both must hold),
  // and title: with words.
  CHECK(search_json(sb, {"title:\"pressed Lavrov\"", "--all-passages", "--limit", "1000"})
            .hits.size() == titled.hits.size());
  CHECK(sb.search({"title:\"Lavrov pressed\""}).status == 1);
  CHECK(search_json(sb, {"title:presses", "--all-passages", "--limit", "1000"}).hits.size() ==
        titled.hits.size());
  CHECK(search_json(sb, {"title:Whelan title:Lavrov", "--all-passages", "--limit", "1000"})
            .hits.size() == titled.hits.size());
  CHECK(sb.search({"title:Whelan title:Zakharova"}).status == 1);
  JsonRun worded = search_json(sb, {"title:Whelan Delhi", "--all-passages"});
  REQUIRE_FALSE(worded.hits.empty());
  for (const auto& hit : worded.hits) {
    CHECK(path_ends_with(hit, "dateline-article.txt"));
    CHECK(hit["text"].get<std::string>().find("Delhi") != std::string::npos);
  }
  CHECK(sb.search({"Whelan", "--all-passages"}).status == 0);
  CHECK(sb.search({"title:Zakharova"}).status == 1);

  JsonRun dated = search_json(sb, {"Blinken date:2023-03..", "--all-passages", "--limit", "1000"});
  REQUIRE_FALSE(dated.hits.empty());
  std::set<std::string> files;
  for (const auto& hit : dated.hits) {
    REQUIRE(hit["date"].is_string());
    CHECK(hit["date"].get<std::string>() >= "2023-03-01");
    files.insert(basename_of(hit["path"]));
  }
  CHECK(files == std::set<std::string>{kSeed1, "dateline-article.txt"});
  CHECK(sb.search({"Blinken date:..2022"}).status == 1);
  CHECK(sb.search({"Blinken date:2023-03-03..2023-03-03"}).status == 0);

  // After the article grows and is indexed again (its passages now come
  // after the others), and a seed is removed, title: finds exactly its
  // passages, the new one too.
  std::string dateline = sb.corpus + "/dateline-article.txt";
  {
    std::ofstream out(dateline, std::ios::app);
    out << "\nThe spokesperson added that the pull-aside lasted under ten minutes.\n";
  }
  fs::remove(sb.corpus + "/" + kSeed1);
  REQUIRE(sb.index_run().status == 0);
  JsonRun grown = search_json(sb, {"title:Whelan", "--all-passages", "--limit", "1000"});
  CHECK(grown.hits.size() == titled.hits.size() + 1);
  std::set<long> grown_ordinals;
  for (const auto& hit : grown.hits) {
    CHECK(path_ends_with(hit, "dateline-article.txt"));
    grown_ordinals.insert(hit["ordinal"].get<long>());
  }
  CHECK(grown_ordinals.size() == grown.hits.size());
  CHECK(*grown_ordinals.rbegin() == static_cast<long>(grown.hits.size()) - 1);
}

// The distinct dates of a JSON run's hits.
std::set<std::string> hit_dates(const JsonRun& run) {
  std::set<std::string> dates;
  for (const auto& hit : run.hits) {
    REQUIRE(hit["date"].is_string());
    dates.insert(hit["date"].get<std::string>());
  }
  return dates;

}

TEST_CASE("cli: dates people type, relative to --today") {
  Sandbox sb;
  sb.add_seeds();  // 2023-03-03, and one undated.
  for (const char* name : {"2021-12-30-background-press-call-on-president-bidens-call-with-president-putin-of-the-russian-federation.md",
                           "2023-02-03-press-gaggle-by-press-secretary-karine-jean-pierre-en-route-philadelphia-pa-2.md"})
    sb.add(std::string("transcripts/") + name);
  REQUIRE(sb.index_run().status == 0);
  const std::vector<std::string> all = {"--all-passages", "--limit", "10000"};
  auto dates = [&](std::vector<std::string> args) {
    args.insert(args.end(), all.begin(), all.end());
    return hit_dates(search_json(sb, args));
  };
  using Dates = std::set<std::string>;

  SUBCASE("years, months and ranges in the query") {
    CHECK(dates({"date:2023"}) == Dates{"2023-02-03", "2023-03-03"});
    CHECK(dates({"date:2023-02"}) == Dates{"2023-02-03"});
    CHECK(dates({"date:2021-12..2023-02"}) == Dates{"2021-12-30", "2023-02-03"});
    CHECK(dates({"date:..2022"}) == Dates{"2021-12-30"});
    CHECK(dates({"date:2023-02-04.."}) == Dates{"2023-03-03"});
  }

  SUBCASE("ISO 8601 durations") {
    CHECK(dates({"date:P30D/", "--today", "2023-03-04"}) == Dates{"2023-02-03", "2023-03-03"});
    CHECK(dates({"date:P30D/", "--today", "2023-03-05"}) == Dates{"2023-03-03"});
    CHECK(dates({"date:P1Y/", "--today", "2023-02-28"}) == Dates{"2023-02-03"});
    // A month from 2023-02-03 ends on 2023-03-02.
    CHECK(dates({"date:2023-02-03/P1M"}) == Dates{"2023-02-03"});
    CHECK(dates({"date:2023-02-04/P1M"}) == Dates{"2023-03-03"});
    // The system's today is long after the fixtures.
    CHECK(sb.search({"date:P1Y/"}).status == 1);
  }

  SUBCASE("--since and --until take relative days, weeks, months and years") {
    CHECK(dates({"--since", "30d", "--today", "2023-03-05"}) == Dates{"2023-02-03", "2023-03-03"});
    CHECK(dates({"--since", "30d", "--today", "2023-03-06"}) == Dates{"2023-03-03"});
    CHECK(dates({"--since", "4w", "--today", "2023-03-03"}) == Dates{"2023-02-03", "2023-03-03"});
    CHECK(dates({"--since", "3w", "--today", "2023-03-03"}) == Dates{"2023-03-03"});
    CHECK(dates({"--since", "1m", "--today", "2023-03-03"}) == Dates{"2023-02-03", "2023-03-03"});
    CHECK(dates({"--until", "1y", "--today", "2023-01-01"}) == Dates{"2021-12-30"});
    CHECK(dates({"--since", "6m", "--until", "today", "--today", "2023-02-28"}) ==
          Dates{"2023-02-03"});
    // Whole months and years: the first day for --since, the last for --until.
    CHECK(dates({"--since", "2022", "--until", "2023-02"}) == Dates{"2023-02-03"});
    CHECK(sb.search({"--since", "1y"}).status == 1);  // By the system's today.
  }

  SUBCASE("bad dates are one line naming the argument, exit 2") {
    struct Row {
      std::vector<std::string> args;
      std::string named;  // In the message.
    };
    const Row rows[] = {
        {{"date:2023-02-30"}, "'2023-02-30'"},
        {{"Blinken date:P/"}, "'P/'"},
        {{"date:P30D"}, "'P30D'"},
        {{"--since", "2023-13"}, "--since: '2023-13'"},
        {{"--since", "30x"}, "--since: '30x'"},
        {{"--until", "2023-02-30"}, "--until: '2023-02-30'"},
        {{"--until", "P/"}, "--until: 'P/'"},
        {{"--since", "..2023"}, "--since: '..2023'"},
        {{"--today", "2023-02-30", "Blinken"}, "--today: '2023-02-30'"},
    };
    for (const auto& row : rows) {
      CAPTURE(row.named);
      ProgramResult r = sb.search(row.args);
      check_error(r, "brief-search");
      CHECK_MESSAGE(r.err.find(row.named) != std::string::npos, r.err);
    }
  }
}

// A sandbox with the seeds and every transcript fixture, indexed.
void add_seeds_and_transcripts(Sandbox& sb) {
  sb.add_seeds();
  for (const auto& entry : fs::directory_iterator(fixture_path("transcripts")))
    sb.add("transcripts/" + entry.path().filename().string());
  REQUIRE(sb.index_run().status == 0);
}

TEST_CASE("cli: --timeline counts every matching passage per period") {
  Sandbox sb;
  add_seeds_and_transcripts(sb);
  const std::string query = "Blinken OR Lavrov OR Putin";
  // What the timeline must agree with: every matching passage.
  JsonRun all = search_json(sb, {query, "--all-passages", "--limit", "10000"});
  std::map<std::string, std::int64_t> months;
  std::int64_t undated = 0;
  for (const auto& hit : all.hits) {
    if (hit["date"].is_null()) ++undated;
    else ++months[hit["date"].get<std::string>().substr(0, 7)];
  }
  REQUIRE(months.size() >= 3);
  REQUIRE(undated > 0);

  SUBCASE("text: a histogram, then the first and last passage") {
    ProgramResult r = sb.search({query, "--timeline"});
    CHECK(r.status == 0);
    CHECK(r.err == "");
    std::vector<std::string> lines = lines_of(r.out);
    std::regex bucket_line(R"(^(\d{4}-\d{2})  +(\d+)(?:  ((?:█)+))?$)");
    std::vector<std::string> periods;
    std::int64_t most = 0;
    std::map<std::string, std::pair<std::int64_t, std::size_t>> bars;  // count, blocks
    std::size_t i = 0;
    for (; i < lines.size(); ++i) {
      std::smatch m;
      if (!std::regex_match(lines[i], m, bucket_line)) break;
      std::int64_t count = std::stoll(m[2]);
      periods.push_back(m[1]);
      most = std::max(most, count);
      // "█" is 3 bytes of UTF-8.
      bars[m[1]] = {count, m[3].length() / 3};
      auto expected = months.find(m[1]);
      CHECK(count == (expected == months.end() ? 0 : expected->second));
      CHECK((count == 0) == !m[3].matched);
    }
    // Every month from the first to the last, empty ones too.
    REQUIRE_FALSE(periods.empty());
    CHECK(periods.front() == months.begin()->first);
    CHECK(periods.back() == months.rbegin()->first);
    CHECK(periods.size() > months.size());
    CHECK(std::is_sorted(periods.begin(), periods.end()));
    // The longest bar is 60 blocks when the output is not a terminal, the
    // others in proportion.
    for (const auto& [period, bar] : bars) {
      CAPTURE(period);
      if (bar.first == most) CHECK(bar.second == 60);
      if (bar.first > 0)
        CHECK(std::abs(static_cast<double>(bar.second) - 60.0 * bar.first / most) <= 1.0);
    }
    REQUIRE(i + 4 <= lines.size());
    CHECK(lines[i] == "");
    const std::string first_date = all.hits.empty() ? "" : [&] {
      std::string d = "9999";
      for (const auto& h : all.hits)
        if (h["date"].is_string()) d = std::min(d, h["date"].get<std::string>());
      return d;
    }();
    CHECK_MESSAGE(lines[i + 1].starts_with("first: " + first_date + "  "), lines[i + 1]);
    CHECK_MESSAGE(lines[i + 1].find("2021-04-13-readout") != std::string::npos, lines[i + 1]);
    CHECK_MESSAGE(lines[i + 2].starts_with("last:  2023-03-03  "), lines[i + 2]);
    CHECK(lines[i + 3] == std::to_string(all.hits.size()) + " matching passages (" +
                              std::to_string(undated) + " undated, not counted above).");
  }

  SUBCASE("json: one timeline object") {
    ProgramResult r = sb.search({query, "--timeline", "--json"});
    CHECK(r.status == 0);
    CHECK(r.err == "");
    std::vector<json> objects = json_lines(r.out);
    REQUIRE(objects.size() == 1);
    const json& j = objects[0];
    CHECK(j["type"] == "timeline");
    CHECK(j["schema"] == 1);
    const json& t = j["timeline"];
    CHECK(t["by"] == "month");
    CHECK(t["total"] == all.hits.size());
    CHECK(t["undated"] == undated);
    std::int64_t sum = 0;
    for (const auto& b : t["buckets"]) {
      auto expected = months.find(b["period"]);
      CHECK(b["count"] == (expected == months.end() ? 0 : expected->second));
      sum += b["count"].get<std::int64_t>();
    }
    CHECK(sum + undated == static_cast<std::int64_t>(all.hits.size()));
    CHECK(t["buckets"].front()["period"] == months.begin()->first);
    // first and last carry a hit's keys but type, schema and rank.
    std::set<std::string> hit_keys, end_keys;
    for (const auto& [key, value] : all.hits[0].items()) hit_keys.insert(key);
    for (const auto& [key, value] : t["first"].items()) end_keys.insert(key);
    for (const char* key : {"type", "schema", "rank", "question"}) hit_keys.erase(key);
    CHECK(end_keys == hit_keys);
    CHECK(t["first"]["date"] == "2021-04-13");
    CHECK(t["last"]["date"] == "2023-03-03");
    CHECK(t["last"]["text"].get<std::string>().find("Lavrov") != std::string::npos);
  }

  SUBCASE("by day and by year") {
    json days = json_lines(sb.search({"date:2023-02..2023-03", "--timeline-by", "day", "--json"}).out)[0];
    CHECK(days["timeline"]["by"] == "day");
    CHECK(days["timeline"]["buckets"].size() == 29);  // 2023-02-03 to 2023-03-03.
    CHECK(days["timeline"]["buckets"][0]["period"] == "2023-02-03");
    json years = json_lines(sb.search({query, "--timeline", "--timeline-by", "year", "--json"}).out)[0];
    std::vector<std::string> periods;
    for (const auto& b : years["timeline"]["buckets"]) periods.push_back(b["period"]);
    CHECK(periods == std::vector<std::string>{"2021", "2022", "2023"});
  }

  SUBCASE("nothing matches, and bad options") {
    ProgramResult none = sb.search({"xylophonist", "--timeline"});
    CHECK(none.status == 1);
    CHECK(none.out == "No passages match.\n");
    ProgramResult none_json = sb.search({"xylophonist", "--timeline", "--json"});
    CHECK(none_json.status == 1);
    json j = json_lines(none_json.out).at(0);
    CHECK(j["timeline"]["total"] == 0);
    CHECK(j["timeline"]["buckets"].empty());
    CHECK(j["timeline"]["first"].is_null());
    check_error(sb.search({query, "--timeline-by", "week"}), "brief-search");
    check_error(sb.search({query, "--timeline", "--speakers"}), "brief-search");
  }
}

TEST_CASE("cli: a timeline's text output matches the golden file") {
  Sandbox sb;
  add_seeds_and_transcripts(sb);
  ChangeDir cd(sb.dir.path());
  ProgramResult r = sb.search({"Putin", "--timeline"});
  CHECK(r.status == 0);
  check_golden("timeline-putin.txt", r.out);
}

TEST_CASE("cli: an answer is shown under the reporter's question that matched") {
  Sandbox sb;
  sb.add("questions/2023-05-04-press-briefing-by-press-secretary-jane-roe.md");
  REQUIRE(sb.index_run().status == 0);

  JsonRun run = search_json(sb, {"pipeline sanctions Treasury"});
  REQUIRE(run.hits.size() == 1);
  const json& hit = run.hits[0];
  REQUIRE(hit["question"].is_object());
  CHECK(hit["question"]["ordinal"] == 1);
  CHECK(hit["question"]["speakers"] == json::array());
  CHECK(hit["question"]["text"].get<std::string>().starts_with("Thank you. Can you say"));
  CHECK(hit["ordinal"] == 2);
  CHECK(hit["speakers"][0]["name"] == "Jane Roe");
  CHECK(hit["text"].get<std::string>().starts_with("Yes. The President has never"));
  // A hit shown as it matched has "question": null.
  JsonRun plain = search_json(sb, {"allies"});
  REQUIRE(plain.hits.size() == 1);
  CHECK(plain.hits[0]["question"].is_null());
  // --all-passages lists the passages as they matched: the question first.
  JsonRun all = search_json(sb, {"pipeline sanctions Treasury", "--all-passages"});
  REQUIRE_FALSE(all.hits.empty());
  CHECK(all.hits[0]["ordinal"] == 1);
  for (const auto& h : all.hits) CHECK(h["question"].is_null());

  // Text: the question's start above the answer.
  ProgramResult text = sb.search({"pipeline sanctions Treasury"});
  CHECK(text.status == 0);
  std::vector<std::string> lines = lines_of(text.out);
  REQUIRE(lines.size() >= 4);
  CHECK(lines[0].find("Jane Roe") != std::string::npos);
  CHECK(lines[1].find("passage 2") != std::string::npos);
  CHECK(lines[2].starts_with("   Q [1] Thank you. Can you say anything about the pipeline"));
  CHECK(lines[3].starts_with("   Yes. The President has never supported"));
}

TEST_CASE("cli: --context shows the passages around each hit") {
  Sandbox sb;
  sb.add_seeds();
  REQUIRE(sb.index_run().status == 0);
  // Every passage of the dated seed, by ordinal.
  JsonRun seed = search_json(sb, {"--since", "2023-03-03", "--all-passages", "--limit", "1000"});
  std::map<int, std::string> passages;
  for (const auto& hit : seed.hits) passages[hit["ordinal"].get<int>()] = hit["text"];
  REQUIRE(passages.size() > 6);
  const int last = passages.rbegin()->first;

  SUBCASE("json: before and after, in article order, clipped at the ends") {
    JsonRun run = search_json(sb, {"Zakharova OR Lavrov", "--since", "2023-03-03", "--all-passages",
                                   "--limit", "1000", "--context", "2"});
    REQUIRE(run.hits.size() > 2);
    bool at_an_end = false;
    for (const auto& hit : run.hits) {
      int ordinal = hit["ordinal"];
      CAPTURE(ordinal);
      REQUIRE(hit.contains("context"));
      std::vector<int> before, after;
      for (const auto& p : hit["context"]["before"]) {
        before.push_back(p["ordinal"]);
        CHECK(p["text"] == passages.at(p["ordinal"].get<int>()));
        CHECK(p["speakers"].is_array());
        CHECK(p["byte_begin"] < p["byte_end"]);
      }
      for (const auto& p : hit["context"]["after"]) {
        after.push_back(p["ordinal"]);
        CHECK(p["text"] == passages.at(p["ordinal"].get<int>()));
      }
      std::vector<int> want_before, want_after;
      for (int k = std::max(0, ordinal - 2); k < ordinal; ++k) want_before.push_back(k);
      for (int k = ordinal + 1; k <= std::min(last, ordinal + 2); ++k) want_after.push_back(k);
      CHECK(before == want_before);
      CHECK(after == want_after);
      at_an_end |= ordinal < 2 || ordinal > last - 2;
    }
    CHECK(at_an_end);
    // Without --context there is no "context" key.
    JsonRun plain = search_json(sb, {"Zakharova"});
    REQUIRE_FALSE(plain.hits.empty());
    CHECK_FALSE(plain.hits[0].contains("context"));
  }

  SUBCASE("text: context lines marked -, the hit >") {
    ProgramResult r = sb.search({"Zakharova", "--since", "2023-03-03", "-n", "1", "-C", "1"});
    CHECK(r.status == 0);
    auto blocks = text_blocks(r.out);
    REQUIRE(blocks.size() >= 2);
    const auto& block = blocks[0];
    // Rank line, path line, then the passages.
    std::smatch m;
    REQUIRE(std::regex_search(block[1], m, std::regex("passage ([0-9]+)")));
    int ordinal = std::stoi(m[1]);
    std::vector<std::string> marks;
    for (std::size_t i = 2; i < block.size(); ++i) {
      CAPTURE(block[i]);
      REQUIRE(std::regex_search(block[i], m, std::regex(R"(^   ([->]) \[([0-9]+)\] )")));
      marks.push_back(m[1].str() + m[2].str());
      if (m[1] == "-")
        CHECK(block[i].ends_with(passages.at(std::stoi(m[2]))));
    }
    std::vector<std::string> want;
    if (ordinal > 0) want.push_back("-" + std::to_string(ordinal - 1));
    want.push_back(">" + std::to_string(ordinal));
    if (ordinal < last) want.push_back("-" + std::to_string(ordinal + 1));
    CHECK(marks == want);
  }

  SUBCASE("bad values") {
    check_error(sb.search({"Zakharova", "--context", "-1"}), "brief-search");
    check_error(sb.search({"Zakharova", "--context", "many"}), "brief-search");
  }
}

TEST_CASE("cli: --explain shows the parsed query and each hit's score parts") {
  Sandbox sb;
  sb.add_seeds();
  REQUIRE(sb.index_run().status == 0);
  const std::vector<std::string> args = {"Blinken OR treaty", "--all-passages", "-n", "20"};
  JsonRun run = [&] {
    std::vector<std::string> a = args;
    a.push_back("--explain");
    return search_json(sb, a);
  }();
  REQUIRE(run.hits.size() > 3);
  std::string parsed = run.summary["parsed_query"];
  CHECK_MESSAGE(parsed.starts_with("Query("), parsed);
  CHECK_MESSAGE(parsed.find("Zblinken") == std::string::npos, parsed);  // Capitalized: not stemmed.
  CHECK_MESSAGE(parsed.find("blinken") != std::string::npos, parsed);
  CHECK_MESSAGE(parsed.find("Ztreati") != std::string::npos, parsed);
  CHECK_MESSAGE(parsed.find(" OR ") != std::string::npos, parsed);
  for (const auto& hit : run.hits) {
    CHECK(hit.contains("age_days"));
    CHECK(hit["age_days"].is_null() == hit["date"].is_null());
  }
  // Without --explain the JSON is as before.
  JsonRun plain = search_json(sb, args);
  CHECK_FALSE(plain.summary.contains("parsed_query"));
  CHECK_FALSE(plain.hits[0].contains("age_days"));

  SUBCASE("text") {
    std::vector<std::string> a = args;
    a.push_back("--explain");
    ProgramResult r = sb.search(a);
    CHECK(r.status == 0);
    auto blocks = text_blocks(r.out);
    REQUIRE(blocks.size() == run.hits.size() + 2);  // Parsed query, hits, summary.
    CHECK(blocks[0] == std::vector<std::string>{"Parsed query: " + parsed});
    std::regex parts(
        R"(^   score ([0-9.]+) = relevance ([0-9.]+)(?: × recency ([0-9.]+) \((?:(\d+) days? before the newest passage|undated)\))?$)");
    for (std::size_t i = 0; i < run.hits.size(); ++i) {
      const auto& block = blocks[i + 1];
      const json& hit = run.hits[i];
      REQUIRE(block.size() >= 4);
      std::smatch m;
      REQUIRE_MESSAGE(std::regex_match(block[2], m, parts), block[2]);
      CHECK(std::stod(m[1]) == doctest::Approx(hit["score"].get<double>()).epsilon(1e-3));
      CHECK(std::stod(m[2]) == doctest::Approx(hit["relevance"].get<double>()).epsilon(1e-3));
      REQUIRE(m[3].matched);  // The default blend always has a factor.
      CHECK(std::stod(m[3]) == doctest::Approx(hit["recency"].get<double>()).epsilon(1e-3));
      CHECK(m[4].matched == hit["date"].is_string());
      CHECK(std::stod(m[1]) == doctest::Approx(std::stod(m[2]) * std::stod(m[3])).epsilon(1e-3));
    }
  }

  SUBCASE("--sort relevance has no recency factor") {
    ProgramResult r = sb.search({"Blinken", "--explain", "--sort", "relevance", "-n", "1"});
    auto blocks = text_blocks(r.out);
    REQUIRE(blocks.size() == 3);
    CHECK_MESSAGE(std::regex_match(blocks[1][2], std::regex(R"(^   score ([0-9.]+) = relevance \1 \(no recency factor\)$)")),
                  blocks[1][2]);
  }
}

TEST_CASE("cli: --json hits keep the documented contract") {
  Sandbox sb;
  sb.add_seeds();
  sb.add("news/dateline-article.txt");
  sb.add("records/briefings.jsonl");
  REQUIRE(sb.index_run().status == 0);

  for (const std::string query : {"Blinken OR Lavrov OR Biden", "\"New START\"", "Whelan"}) {
    CAPTURE(query);
    JsonRun run = search_json(sb, {query, "--all-passages", "--limit", "1000"});
    REQUIRE_FALSE(run.hits.empty());
    // Non-ASCII is written as itself.
    CHECK(run.result.out.find("\\u") == std::string::npos);
    std::size_t rank = 0;
    double previous_score = 1e300;
    for (const auto& hit : run.hits) {
      CAPTURE(hit.dump());
      CHECK(hit["schema"] == 1);
      CHECK(hit["rank"] == ++rank);
      for (const char* key : {"score", "relevance", "recency"}) CHECK(hit[key].is_number_float());
      // Blend: score = relevance * recency, best first.
      double score = hit["score"], relevance = hit["relevance"], recency = hit["recency"];
      CHECK(score == doctest::Approx(relevance * recency));
      CHECK(recency >= 0.75 - 1e-9);
      CHECK(recency <= 1.0 + 1e-9);
      if (hit["date"].is_null()) CHECK(recency == doctest::Approx(0.75));
      CHECK(score <= previous_score + 1e-9);
      previous_score = score;
      // String-or-null fields are never "".
      for (const char* key : {"url", "source", "byline", "date"})
        CHECK((hit[key].is_null() || (hit[key].is_string() && hit[key] != "")));
      if (hit["date"].is_string())
        CHECK(std::regex_match(hit["date"].get<std::string>(),
                               std::regex("[0-9]{4}-[0-9]{2}-[0-9]{2}")));
      CHECK(hit["title"].is_string());
      CHECK(hit["title"] != "");
      CHECK(fs::path(hit["path"].get<std::string>()).is_absolute());
      CHECK(hit["ordinal"].get<int>() >= 0);
      CHECK((hit["kind"] == "news" || hit["kind"] == "transcript" || hit["kind"] == "record"));
      for (const auto& sp : hit["speakers"]) {
        CHECK(sp["name"].is_string());
        CHECK(sp["name"] != "");
        CHECK((sp["role"].is_null() || (sp["role"].is_string() && sp["role"] != "")));
        static const std::set<std::string> methods = {"label", "declared", "author",
                                                      "pull-quote", "quote-pattern",
                                                      "carry-over"};
        CHECK(methods.count(sp["method"].get<std::string>()) == 1);
      }
      // Highlights: ascending, non-overlapping byte ranges in the snippet.
      std::string snippet = hit["snippet"];
      CHECK(snippet != "");
      std::size_t last_end = 0;
      REQUIRE_FALSE(hit["highlights"].empty());
      for (const auto& h : hit["highlights"]) {
        std::size_t b = h[0], e = h[1];
        CHECK(b >= last_end);
        CHECK(b < e);
        CHECK(e <= snippet.size());
        last_end = e;
      }
    }
    CHECK(run.summary["schema"] == 1);
    CHECK(run.summary["offset"] == 0);
    CHECK(run.summary["query"] == query);
    CHECK(run.summary["total"].get<std::int64_t>() >=
          static_cast<std::int64_t>(run.hits.size()));
    CHECK_FALSE(run.summary.contains("facets"));
  }

  SUBCASE("a highlighted range is a matched word") {
    JsonRun run = search_json(sb, {"Whelan", "--all-passages"});
    for (const auto& hit : run.hits) {
      std::string snippet = hit["snippet"];
      for (const auto& h : hit["highlights"]) {
        std::size_t b = h[0], e = h[1];
        CHECK(snippet.substr(b, e - b) == "Whelan");
      }
    }
  }

  SUBCASE("--sort relevance and --sort date leave out recency") {
    for (const std::string sort : {"relevance", "date"}) {
      CAPTURE(sort);
      JsonRun run = search_json(sb, {"Blinken", "--sort", sort, "--all-passages",
                                     "--limit", "1000"});
      REQUIRE_FALSE(run.hits.empty());
      for (const auto& hit : run.hits) {
        CHECK(hit["recency"].get<double>() == 1.0);
        CHECK(hit["score"].get<double>() == hit["relevance"].get<double>());
      }
    }
  }

  SUBCASE("--sort date puts the newest first and the undated last") {
    JsonRun run = search_json(sb, {"Blinken OR Biden", "--sort", "date", "--all-passages",
                                   "--limit", "1000"});
    REQUIRE(run.hits.size() > 3);
    bool seen_undated = false;
    std::string previous = "9999-99-99";
    for (const auto& hit : run.hits) {
      if (hit["date"].is_null()) {
        seen_undated = true;
        continue;
      }
      CHECK_FALSE(seen_undated);  // A dated hit after an undated one.
      std::string date = hit["date"];
      CHECK(date <= previous);
      previous = date;
    }
    CHECK(seen_undated);
  }

  SUBCASE("a search with only filters") {
    JsonRun run = search_json(sb, {"--speaker", "Ned Price", "--all-passages", "--limit",
                                   "1000"});
    REQUIRE_FALSE(run.hits.empty());
    CHECK(run.summary["query"] == "");
    for (const auto& hit : run.hits) {
      CHECK(hit["relevance"].get<double>() == 0.0);
      CHECK(hit["score"].get<double>() == 0.0);
      CHECK(hit["highlights"].empty());
      CHECK(has_speaker(hit, "Ned Price"));
    }
  }
}

TEST_CASE("cli: speaker names match in any ASCII case and by surname") {
  Sandbox sb;
  sb.add_seeds();
  REQUIRE(sb.index_run().status == 0);
  JsonRun exact = search_json(sb, {"speaker:\"Ned Price\"", "--all-passages", "--limit", "1000"});
  REQUIRE_FALSE(exact.hits.empty());
  for (const auto& variant :
       std::vector<std::vector<std::string>>{{"speaker:\"ned price\""},
                                             {"speaker:\"NED PRICE\""},
                                             {"speaker:Price"},
                                             {"--speaker", "ned price"},
                                             {"--speaker", "Price"}}) {
    std::vector<std::string> args = variant;
    CAPTURE(args.back());
    for (const char* a : {"--all-passages", "--limit", "1000"}) args.push_back(a);
    JsonRun run = search_json(sb, args);
    CHECK(run.hits.size() == exact.hits.size());
  }
  // Two --speaker options allow either person.
  JsonRun either = search_json(sb, {"--speaker", "Ned Price", "--speaker", "Maria Zakharova",
                                    "--all-passages", "--limit", "1000"});
  JsonRun zakharova = search_json(sb, {"--speaker", "Maria Zakharova", "--all-passages",
                                       "--limit", "1000"});
  CHECK(either.hits.size() == exact.hits.size() + zakharova.hits.size());
  CHECK(sb.search({"--speaker", "Nobody Atall"}).status == 1);
}

TEST_CASE("cli: -word and NOT word leave the word out") {
  Sandbox sb;
  sb.add_seeds();
  REQUIRE(sb.index_run().status == 0);
  // "Blinken" as a word of its own (not "Blinken’s", not "BlinkenUS").
  const std::regex blinken("Blinken(?![A-Za-z']|\xE2\x80\x99)");
  for (const auto& args : std::vector<std::vector<std::string>>{
           {"--", "Lavrov -Blinken"},
           {"--", "Lavrov NOT Blinken"},
           {"--", "NOT Blinken"},
           {"--", "-Blinken"}}) {
    CAPTURE(args.back());
    std::vector<std::string> all = {"--all-passages", "--limit", "1000", "--json"};
    all.insert(all.end(), args.begin(), args.end());
    ProgramResult r = sb.search(all);
    CHECK(r.status == 0);
    CHECK(r.err == "");
    std::vector<json> objects = json_lines(r.out);
    REQUIRE(objects.size() >= 2);  // Passages without "Blinken" exist.
    std::vector<std::string> offending;
    for (const auto& o : objects)
      if (o["type"] == "hit" && std::regex_search(o["text"].get<std::string>(), blinken))
        offending.push_back(o["text"]);
    CHECK_MESSAGE(offending.empty(), offending.size() << " of " << objects.size() - 1
                                                      << " hits hold Blinken, e.g. "
                                                      << (offending.empty() ? "" : offending[0]));
  }
}

TEST_CASE("cli: a name also finds its possessive (Blinken’s)") {
  Sandbox sb;
  sb.add_seeds();
  REQUIRE(sb.index_run().status == 0);
  // Every passage of the index: a pure NOT of a word that is nowhere.
  JsonRun every = search_json(sb, {"NOT xyzzyplugh", "--all-passages", "--limit", "1000"});
  REQUIRE(every.hits.size() == 20);
  std::set<std::string> expected;
  for (const auto& hit : every.hits) {
    std::string text = hit["text"];
    // "Blinken" or "Blinken’s", not the run-together "BlinkenUS".
    if (std::regex_search(text, std::regex("Blinken(?![A-Za-z])")))
      expected.insert(hit["path"].get<std::string>() + "#" +
                      std::to_string(hit["ordinal"].get<int>()));
  }
  REQUIRE(expected.size() > 9);
  auto missing_from = [&](const JsonRun& run) {
    std::string missing;
    std::set<std::string> ids = passage_ids(run);
    for (const auto& id : expected)
      if (!ids.count(id)) missing += " " + basename_of(id);
    return missing;
  };
  for (const std::string query : {"Blinken", "blinken"}) {  // Capitalised is not stemmed.
    CAPTURE(query);
    JsonRun found = search_json(sb, {query, "--all-passages", "--limit", "1000"});
    CHECK_MESSAGE(passage_ids(found) == expected, "missing:" << missing_from(found));
  }

  // So "-Blinken" must leave out "Blinken’s" too.
  JsonRun without = search_json(sb, {"Lavrov -Blinken", "--all-passages", "--limit", "1000"});
  std::string holding;
  for (const auto& hit : without.hits)
    if (hit["text"].get<std::string>().find("Blinken") != std::string::npos)
      holding += " " + basename_of(hit["path"]) + "#" + std::to_string(hit["ordinal"].get<int>());
  CHECK_MESSAGE(holding.empty(), "hits with Blinken’s:" << holding);
}

TEST_CASE("cli: a closed standard output ends brief-search quietly") {
  Sandbox sb;
  sb.add_seeds();
  REQUIRE(sb.index_run().status == 0);
  for (const std::string format : {"--json", "--color=never"}) {
    CAPTURE(format);
    ProgramResult r = run_into_closed_pipe(
        {search_program(), "--index", sb.index, "Blinken OR Lavrov OR Price", "--all-passages",
         "--limit", "1000", format},
        sb.env());
    CHECK(r.status == 0);
    CHECK(r.err == "");
  }
}

TEST_CASE("cli: which files brief-index reads") {
  Sandbox sb;
  sb.add(std::string("news/") + kSeed0);
  // Skipped by the walk: hidden entries, repository files, other extensions.
  std::string seed1 = fixture_path(std::string("news/") + kSeed1);
  fs::create_directories(sb.corpus + "/.git");
  fs::copy_file(seed1, sb.corpus + "/.git/notes.txt");
  fs::copy_file(seed1, sb.corpus + "/README.md");
  fs::copy_file(seed1, sb.corpus + "/LICENSE");
  fs::copy_file(seed1, sb.corpus + "/picture.png");
  // Read: no extension, in a subfolder.
  fs::create_directories(sb.corpus + "/sub/deeper");
  fs::copy_file(fixture_path("news/dateline-article.txt"), sb.corpus + "/sub/deeper/dateline");

  json s = sb.index_json();
  CHECK(s["files"] == 2);
  CHECK(s["added"] == 2);
  CHECK(s["failed"] == 0);
  CHECK(sb.search({"Zakharova"}).status == 1);
  CHECK(sb.search({"bilat"}).status == 0);

  SUBCASE("a file named on the command line is read whatever its name") {
    ProgramResult r = sb.index_run({"--json", sb.corpus + "/picture.png"});
    CHECK(r.status == 0);
    CHECK(sb.search({"Zakharova"}).status == 0);
  }

  SUBCASE("JSON records: bad lines are skipped, files without text fail") {
    brief::test::write_file(
        sb.corpus + "/mixed.jsonl",
        "{\"title\": \"First\", \"date\": \"2023-01-05\", \"text\": \"Aardvarks were discussed.\"}\n"
        "this line is not JSON\n"
        "{\"title\": \"Third\", \"date\": \"2023-01-06\", \"body\": \"Pangolins were discussed.\"}\n");
    brief::test::write_file(
        sb.corpus + "/array.json",
        "[{\"title\": \"A1\", \"text\": \"Capybaras, part one.\"},"
        " {\"title\": \"A2\", \"content\": \"Capybaras, part two.\"}]\n");
    brief::test::write_file(sb.corpus + "/no-text.json", "{\"title\": \"Nothing to say\"}\n");
    json again = sb.index_json();
    CHECK(again["added"] == 2);
    CHECK(again["unchanged"] == 2);
    REQUIRE(again["failures"].size() == 1);
    CHECK(basename_of(again["failures"][0]["path"]) == "no-text.json");
    CHECK(again["articles"] == 4);

    JsonRun first = search_json(sb, {"aardvarks"});
    REQUIRE(first.hits.size() == 1);
    CHECK(first.hits[0]["title"] == "First");
    CHECK(first.hits[0]["date"] == "2023-01-05");
    JsonRun third = search_json(sb, {"pangolins"});
    REQUIRE(third.hits.size() == 1);
    CHECK(third.hits[0]["title"] == "Third");
    JsonRun capybaras = search_json(sb, {"capybaras"});
    std::set<std::string> titles;
    for (const auto& hit : capybaras.hits) titles.insert(hit["title"]);
    CHECK(titles == std::set<std::string>{"A1", "A2"});
  }

  SUBCASE("symbolic links") {
    // A link to a file is followed; a broken link is a failed file.
    fs::create_symlink(sb.corpus + "/sub/deeper/dateline", sb.corpus + "/link.txt");
    fs::create_symlink(sb.corpus + "/nowhere.txt", sb.corpus + "/broken.txt");
    json again = sb.index_json();
    CHECK(again["added"] == 1);
    REQUIRE(again["failures"].size() == 1);
    CHECK(basename_of(again["failures"][0]["path"]) == "broken.txt");
    CHECK_FALSE(again["failures"][0]["reason"].get<std::string>().empty());
    // Every failure here is a file, so the counts add up to `files`.
    CHECK(again["added"].get<int>() + again["updated"].get<int>() +
              again["unchanged"].get<int>() + again["failed"].get<int>() ==
          again["files"].get<int>());
    JsonRun run = search_json(sb, {"bilat", "--all-passages"});
    std::set<std::string> files;
    for (const auto& hit : run.hits) files.insert(basename_of(hit["path"]));
    CHECK(files.count("link.txt") == 1);
  }
}

TEST_CASE("cli: sidecars: a changed sidecar re-indexes, a bad one fails the article") {
  Sandbox sb;
  sb.add("news/sidecar-article.txt");
  std::string sidecar = sb.add("news/sidecar-article.json");
  REQUIRE(sb.index_json()["added"] == 1);

  SUBCASE("changed") {
    json meta = json::parse(brief::test::read_file(sidecar));
    meta["title"] = "A title from the changed sidecar";
    brief::test::write_file(sidecar, meta.dump(2) + "\n");
    json s = sb.index_json();
    CHECK(s["updated"] == 1);
    JsonRun run = search_json(sb, {"Belfast"});
    REQUIRE_FALSE(run.hits.empty());
    CHECK(run.hits[0]["title"] == "A title from the changed sidecar");
  }

  SUBCASE("removed") {
    fs::remove(sidecar);
    json s = sb.index_json();
    CHECK(s["updated"] == 1);
    CHECK(s["removed"] == 0);
    REQUIRE(s["undated"].size() == 1);  // The date came from the sidecar.
    JsonRun run = search_json(sb, {"Belfast"});
    REQUIRE_FALSE(run.hits.empty());
    CHECK(run.hits[0]["title"] == "Biden heads to Northern Ireland and Ireland next week");
    CHECK(run.hits[0]["date"].is_null());
  }

  for (const std::string bad : {"[1, 2]\n", "{\"date\": \"2023-02-30\"}\n", "{\"title\": \n"}) {
    CAPTURE(bad);
    brief::test::write_file(sidecar, bad);
    json s = sb.index_json();
    REQUIRE(s["failures"].size() == 1);
    CHECK(basename_of(s["failures"][0]["path"]) == "sidecar-article.txt");
    CHECK_FALSE(s["failures"][0]["reason"].get<std::string>().empty());
  }
}

TEST_CASE("cli: brief-index --quiet and --progress") {
  Sandbox sb;
  sb.add_seeds();

  ProgramResult quiet = sb.index_run({"--quiet", "--json", sb.corpus});
  CHECK(quiet.status == 0);
  CHECK(quiet.out == "");
  CHECK(quiet.err == "");
  CHECK(sb.search({"Zakharova"}).status == 0);

  // Progress goes to stderr only; stdout stays one JSON object.
  ProgramResult progress = sb.index_run({"--progress", "--json", "--rebuild", sb.corpus});
  CHECK(progress.status == 0);
  CHECK(progress.err != "");
  // Not a terminal: plain lines, no escape codes, ending with the total.
  CHECK(progress.err.find('\x1b') == std::string::npos);
  CHECK(progress.err.find('\r') == std::string::npos);
  CHECK(progress.err.ends_with("left\n"));
  CHECK(progress.err.find("2/2 files") != std::string::npos);
  REQUIRE(lines_of(progress.out).size() == 1);
  json s = json::parse(progress.out, nullptr, false);
  REQUIRE_FALSE(s.is_discarded());
  CHECK(s["added"] == 2);

  ProgramResult none = sb.index_run({"--progress", "--no-progress", "--json", sb.corpus});
  CHECK(none.status == 0);
  CHECK(none.err == "");
}

TEST_CASE("cli: BRIEF_INDEX names the index when --index is not given") {
  Sandbox sb;
  sb.add_seeds();
  std::string index = sb.dir / "env-index";
  std::vector<std::string> env = sb.env({"BRIEF_INDEX=" + index});
  ProgramResult r = run({index_program(), "-q", sb.corpus}, env);
  CHECK(r.status == 0);
  CHECK(r.out == "");  // --quiet
  CHECK(r.err == "");
  CHECK(fs::exists(index));
  CHECK_FALSE(fs::exists(sb.index));
  r = run({search_program(), "Zakharova"}, env);
  CHECK(r.status == 0);
  CHECK(r.out.find(kSeed1) != std::string::npos);

  // BRIEF_INDEX empty: $XDG_DATA_HOME/brief-search/index.
  std::string xdg = sb.dir / "xdg";
  env = sb.env({"BRIEF_INDEX=", "XDG_DATA_HOME=" + xdg});
  r = run({index_program(), "-q", sb.corpus}, env);
  CHECK(r.status == 0);
  CHECK(fs::exists(xdg + "/brief-search/index/iamglass"));
  CHECK(run({search_program(), "Zakharova"}, env).status == 0);

  // Both empty: $HOME/.local/share/brief-search/index.
  std::string home = sb.dir / "home";
  fs::create_directories(home);
  env = sb.env({"BRIEF_INDEX=", "XDG_DATA_HOME=", "HOME=" + home});
  r = run({index_program(), "-q", sb.corpus}, env);
  CHECK(r.status == 0);
  CHECK(fs::exists(home + "/.local/share/brief-search/index/iamglass"));
  CHECK(run({search_program(), "Zakharova"}, env).status == 0);
}

TEST_CASE("cli: an index inside the indexed folder is not read as input") {
  Sandbox sb;
  sb.add_seeds();
  std::string inner = sb.corpus + "/index";
  ProgramResult r = run({index_program(), "--index", inner, "--json", sb.corpus}, sb.env());
  CHECK(r.status == 0);
  json s = json::parse(r.out, nullptr, false);
  REQUIRE_FALSE(s.is_discarded());
  CHECK(s["added"] == 2);
  CHECK(s["files"] == 2);
  CHECK_MESSAGE(s["failures"].empty(), s["failures"].dump());
}

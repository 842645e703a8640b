// Copyright (c) 2026 The brief-search Authors. MIT licence.
// Remote shards: xapian-tcpsrv (Debian's xapian-tools) serves two year
// shards on loopback ports, a stub mixes them with local shards, and the
// built brief-search answers across them as from one index, then
// partially, and quickly, when a server is killed or stops answering.

#include <arpa/inet.h>
#include <doctest/doctest.h>
#include <netinet/in.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <string>
#include <thread>
#include <vector>

#include "brief/indexer.h"
#include "brief/searcher.h"
#include "test_util.h"

namespace {

namespace fs = std::filesystem;
using brief::test::ProgramResult;
using brief::test::TempDir;
using nlohmann::json;

std::string program(const char* variable) {
  const char* path = std::getenv(variable);
  REQUIRE_MESSAGE(path != nullptr, variable << " is not set (run the test through meson)");
  return path;
}

// A port nobody listens on now (the kernel's choice for port 0).
unsigned free_port() {
  int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  ::bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr);
  socklen_t len = sizeof addr;
  ::getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len);
  ::close(fd);
  return ntohs(addr.sin_port);
}

bool accepts_connections(unsigned port) {
  int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(static_cast<std::uint16_t>(port));
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  bool ok = ::connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0;
  ::close(fd);
  return ok;
}

// xapian-tcpsrv serving one database on a loopback port, stopped when the
// object goes.
class TcpServer {
 public:
  explicit TcpServer(const std::string& database) {
    for (int attempt = 0; attempt < 5 && pid_ <= 0; ++attempt) {
      port_ = free_port();
      std::fflush(nullptr);
      pid_t pid = fork();
      if (pid == 0) {
        // A group of its own: the server forks a child per connection,
        // and kill() must take those too, as a machine going down would.
        setpgid(0, 0);
        FILE* o = std::freopen("/dev/null", "w", stdout);
        (void)o;
        brief::test::exec_program({"/usr/bin/xapian-tcpsrv", "--port", std::to_string(port_),
                                   "--interface", "127.0.0.1", "--quiet", database},
                                  {});
      }
      for (int i = 0; i < 100; ++i) {  // Up to 5 s to listen.
        if (accepts_connections(port_)) {
          pid_ = pid;
          break;
        }
        if (waitpid(pid, nullptr, WNOHANG) == pid) break;  // Port taken: again.
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
      }
      if (pid_ <= 0 && waitpid(pid, nullptr, WNOHANG) == 0) {
        ::kill(pid, SIGKILL);
        waitpid(pid, nullptr, 0);
      }
    }
    REQUIRE_MESSAGE(pid_ > 0, "xapian-tcpsrv did not start (is xapian-tools installed?)");
  }
  ~TcpServer() { kill(); }
  TcpServer(const TcpServer&) = delete;
  TcpServer& operator=(const TcpServer&) = delete;

  unsigned port() const { return port_; }
  std::string stub_line() const { return "remote 127.0.0.1:" + std::to_string(port_); }

  void kill() {
    if (pid_ <= 0) return;
    ::kill(-pid_, SIGKILL);
    waitpid(pid_, nullptr, 0);
    pid_ = -1;
  }
  void pause() { ::kill(-pid_, SIGSTOP); }
  void resume() { ::kill(-pid_, SIGCONT); }

 private:
  pid_t pid_ = -1;
  unsigned port_ = 0;
};

// A corpus over 2021-2023 and undated, indexed twice: as one database and
// sharded by year; plus a stub serving 2021 and 2022 remotely.
struct Setup {
  Setup() {
    brief::test::copy_fixture_folders(corpus, {"transcripts", "news", "records"});
    for (auto args : std::vector<std::vector<std::string>>{
             {"--index", single, corpus},
             {"--index", sharded, "--shard-by", "year", corpus}}) {
      args.insert(args.begin(), program("BRIEF_INDEX_PROGRAM"));
      args.push_back("--quiet");
      ProgramResult r = brief::test::run_program(args, env());
      REQUIRE_MESSAGE(r.status == 0, r.err);
    }
  }

  std::vector<std::string> env() const {
    return {"BRIEF_INDEX=" + dir / "default-index", "XDG_DATA_HOME=" + dir / "xdg",
            "NO_COLOR=1"};
  }

  std::string shard(const std::string& name) const { return sharded + "/shards/" + name; }

  void write_mixed_stub(const TcpServer& a, const TcpServer& b) const {
    brief::test::write_file(mixed, "auto " + shard("2023") + "\n" + a.stub_line() + "\n" +
                                       "remote tcp 127.0.0.1 " + std::to_string(b.port()) +
                                       "\n" + "auto " + shard("undated") + "\n");
  }

  TempDir dir;
  std::string corpus = dir / "corpus";
  std::string single = dir / "single";
  std::string sharded = dir / "sharded";
  std::string mixed = dir / "mixed.stub";
};

struct Answer {
  ProgramResult result;
  double seconds = 0;
  std::vector<std::string> hits;  // "path#ordinal score"
  json summary;
};

Answer search(const Setup& setup, const std::string& index, std::vector<std::string> args) {
  args.insert(args.begin(), {program("BRIEF_SEARCH_PROGRAM"), "--index", index, "--json"});
  auto start = std::chrono::steady_clock::now();
  Answer a;
  a.result = brief::test::run_program(args, setup.env());
  a.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  for (const auto& line : brief::test::lines_of(a.result.out)) {
    json j = json::parse(line, nullptr, false);
    REQUIRE_FALSE(j.is_discarded());
    if (j["type"] == "hit")
      a.hits.push_back(j["path"].get<std::string>() + "#" + std::to_string(j["ordinal"].get<int>()) +
                       " " + std::to_string(j["score"].get<double>()));
    else if (j["type"] == "summary")
      a.summary = j;
  }
  return a;
}

}  // namespace

TEST_CASE("remote: local and remote shards answer as one index") {
  Setup setup;
  TcpServer y2021(setup.shard("2021")), y2022(setup.shard("2022"));
  setup.write_mixed_stub(y2021, y2022);
  for (const char* query : {"Putin", "Russia", "Ukraine sanctions", "speaker:Kirby",
                            "what did the president say about Ukraine",
                            "title:\"press secretary\" Russia", "title:Putin"}) {
    CAPTURE(query);
    Answer one = search(setup, setup.single, {query, "-n", "10"});
    REQUIRE(one.result.status == 0);
    CHECK_FALSE(one.hits.empty());
    Answer local = search(setup, setup.sharded, {query, "-n", "10"});
    Answer mixed = search(setup, setup.mixed, {query, "-n", "10"});
    CHECK(local.hits == one.hits);
    CHECK(mixed.hits == one.hits);
    CHECK(mixed.result.status == 0);
    CHECK(mixed.summary["partial"] == false);
    CHECK(mixed.result.err == "");
  }
}

TEST_CASE("remote: a killed server leaves a partial answer from the rest, quickly") {
  Setup setup;
  TcpServer y2021(setup.shard("2021")), y2022(setup.shard("2022"));
  setup.write_mixed_stub(y2021, y2022);
  Answer whole = search(setup, setup.mixed, {"Russia", "-n", "50", "--all-passages"});
  REQUIRE(whole.summary["partial"] == false);

  y2021.kill();
  Answer partial = search(setup, setup.mixed, {"Russia", "-n", "50", "--all-passages",
                                               "--timeout-ms", "500"});
  CHECK(partial.result.status == 0);
  CHECK(partial.seconds < 1.0);
  CHECK(partial.summary["partial"] == true);
  REQUIRE(partial.summary["unavailable_shards"].size() == 1);
  CHECK(partial.summary["unavailable_shards"][0].get<std::string>().starts_with(y2021.stub_line()));
  CHECK(partial.result.err.find("partial results") != std::string::npos);
  // What is left is what the other shards hold: fewer, and no 2021.
  CHECK_FALSE(partial.hits.empty());
  CHECK(partial.hits.size() < whole.hits.size());
  for (const auto& hit : partial.hits) {
    CHECK(hit.find("/2021-") == std::string::npos);
    CHECK(hit.find("briefings.jsonl#") == std::string::npos);
  }

  // A server that stops answering (here, stopped) costs the timeout, no more.
  y2022.pause();
  Answer slow = search(setup, setup.mixed, {"Russia", "--timeout-ms", "500"});
  y2022.resume();
  CHECK(slow.result.status == 0);
  CHECK(slow.seconds < 2.0);
  CHECK(slow.summary["partial"] == true);
  CHECK(slow.summary["unavailable_shards"].size() == 2);

  // Every shard gone: an error, not an empty answer.
  y2022.kill();
  brief::test::write_file(setup.mixed, y2021.stub_line() + "\n");
  Answer none = search(setup, setup.mixed, {"Russia", "--timeout-ms", "500"});
  CHECK(none.result.status != 0);
  CHECK(none.result.err.find("no shard answered") != std::string::npos);
}

TEST_CASE("remote: a server lost between searches is dropped, and --since skips old shards") {
  Setup setup;
  TcpServer y2021(setup.shard("2021")), y2022(setup.shard("2022"));
  setup.write_mixed_stub(y2021, y2022);
  brief::OpenOptions options;  // As --timeout-ms 500 sets them.
  options.remote_timeout = std::chrono::milliseconds(500);
  options.time_limit = std::chrono::milliseconds(500);
  brief::Searcher searcher = brief::Searcher::open(setup.mixed, options);
  brief::SearchRequest request;
  request.query = "Russia";
  CHECK_FALSE(searcher.search(request).partial);

  // The 2022 server stops answering: a search dated from 2023 does not
  // ask it (its passages are all of 2022), so it is neither slow nor
  // partial. (Shard 2021 holds briefings.jsonl, whose later records are
  // of 2023 and 2024, so it is asked.)
  y2022.pause();
  brief::SearchRequest recent = request;
  recent.since = brief::Date{2023, 1, 1};
  auto start = std::chrono::steady_clock::now();
  brief::SearchResults results = searcher.search(recent);
  double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  CHECK_FALSE(results.partial);
  CHECK_FALSE(results.hits.empty());
  CHECK(seconds < 0.4);

  y2022.resume();

  // A search over every year finds 2021 gone, drops it and answers.
  y2021.kill();
  results = searcher.search(request);
  CHECK(results.partial);
  REQUIRE(results.unavailable_shards.size() == 1);
  CHECK(results.unavailable_shards[0].starts_with(y2021.stub_line()));
  CHECK_FALSE(results.hits.empty());
  for (const auto& hit : results.hits) {
    CHECK(hit.path.find("/2021-") == std::string::npos);
    CHECK_FALSE(hit.path.ends_with("briefings.jsonl"));
  }
}

TEST_CASE("remote: tools/publish-shard swaps a served shard without restarting the server") {
  Setup setup;
  std::string publish = std::string(std::getenv("BRIEF_TEST_SOURCE_ROOT")) + "/tools/publish-shard";
  std::string served = setup.dir / "served";
  ProgramResult first = brief::test::run_program({publish, setup.shard("2022"), served}, {});
  REQUIRE_MESSAGE(first.status == 0, first.err);
  TcpServer y2022(served + "/2022");
  brief::test::write_file(setup.mixed, "auto " + setup.shard("2023") + "\n" + y2022.stub_line() + "\n");
  CHECK(search(setup, setup.mixed, {"quokka"}).hits.empty());

  // The 2022 transcript gains a word; brief-index updates shard 2022 and
  // the new copy is published while the server runs.
  std::string transcript;
  for (const auto& entry : fs::directory_iterator(setup.corpus))
    if (entry.path().filename().string().starts_with("2022-")) transcript = entry.path();
  REQUIRE_FALSE(transcript.empty());
  { std::ofstream(transcript, std::ios::app) << "\nMR. KIRBY: A word about the quokka.\n"; }
  ProgramResult indexed = brief::test::run_program(
      {program("BRIEF_INDEX_PROGRAM"), "--quiet", "--index", setup.sharded, setup.corpus},
      setup.env());
  REQUIRE(indexed.status == 0);
  ProgramResult second = brief::test::run_program({publish, setup.shard("2022"), served}, {});
  REQUIRE_MESSAGE(second.status == 0, second.err);
  Answer after = search(setup, setup.mixed, {"quokka"});
  CHECK(after.hits.size() == 1);
  CHECK(after.summary["partial"] == false);
  // The copy replaced stays for searches still reading it; one copy more
  // and it goes.
  int copies = 0;
  for (const auto& entry : fs::directory_iterator(served))
    if (!entry.is_symlink()) ++copies;
  CHECK(copies == 2);
  REQUIRE(brief::test::run_program({publish, setup.shard("2022"), served}, {}).status == 0);
  copies = 0;
  for (const auto& entry : fs::directory_iterator(served))
    if (!entry.is_symlink()) ++copies;
  CHECK(copies == 2);
}

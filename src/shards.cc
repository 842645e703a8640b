// Copyright (c) 2026 The brief-search Authors. MIT licence.

#include "shards.h"

#include <filesystem>
#include <fstream>
#include <sstream>

#include "brief/error.h"
#include "text.h"

namespace brief {

std::string_view shard_by_name(ShardBy by) {
  switch (by) {
    case ShardBy::kYear: return "year";
    case ShardBy::kMonth: return "month";
    case ShardBy::kNone: break;
  }
  return "none";
}

std::optional<ShardBy> parse_shard_by(std::string_view name) {
  for (ShardBy by : {ShardBy::kNone, ShardBy::kYear, ShardBy::kMonth})
    if (name == shard_by_name(by)) return by;
  return std::nullopt;
}

namespace shards {

namespace fs = std::filesystem;

namespace {

constexpr std::string_view kShardByComment = "# brief-search: shard-by ";

bool all_digits(std::string_view s) {
  return !s.empty() && s.find_first_not_of("0123456789") == std::string_view::npos;
}

unsigned parse_port(std::string_view s) {
  if (!all_digits(s) || s.size() > 5) return 0;
  unsigned port = static_cast<unsigned>(std::stoul(std::string(s)));
  return port <= 65535 ? port : 0;
}

}  // namespace

std::string shard_name(ShardBy by, const std::optional<Date>& date) {
  if (!date) return std::string(kUndatedShard);
  std::string iso = date->iso();
  return by == ShardBy::kMonth ? iso.substr(0, 7) : iso.substr(0, 4);
}

std::optional<std::string> stub_file(const std::string& index) {
  std::error_code ec;
  if (fs::is_regular_file(index, ec)) return index;
  fs::path stub = fs::path(index) / kStubName;
  if (fs::is_directory(index, ec) && fs::is_regular_file(stub, ec)) return stub.string();
  return std::nullopt;
}

std::vector<StubEntry> read_stub(const std::string& file) {
  std::ifstream in(file);
  if (!in) throw Error(ErrorCode::kNotFound, file + ": cannot read the stub file");
  fs::path base = fs::absolute(fs::path(file)).parent_path();
  std::vector<StubEntry> entries;
  std::string raw;
  for (int number = 1; std::getline(in, raw); ++number) {
    std::string line(text::trim(raw));
    if (line.empty() || line[0] == '#') continue;
    auto bad = [&](const std::string& why) {
      return Error(ErrorCode::kIndexCorrupt,
                   file + ":" + std::to_string(number) + ": " + why + " ('" + line +
                       "'); lines are 'auto PATH', 'remote HOST:PORT' or 'remote tcp HOST PORT'");
    };
    std::istringstream words(line);
    std::string type, rest;
    words >> type;
    std::getline(words, rest);
    rest = std::string(text::trim(rest));
    if (rest.empty()) throw bad("nothing after '" + type + "'");
    StubEntry e;
    e.line = line;
    if (type == "auto" || type == "glass" || type == "chert") {
      fs::path p(rest);
      e.path = (p.is_absolute() ? p : base / p).lexically_normal().string();
    } else if (type == "remote") {
      e.remote = true;
      std::istringstream parts(rest);
      std::string first, host, port, extra;
      parts >> first;
      if (first == "tcp") {  // "remote tcp HOST PORT"
        parts >> host >> port >> extra;
        e.host = host;
        e.port = parse_port(port);
        if (host.empty() || e.port == 0 || !extra.empty()) throw bad("expected 'remote tcp HOST PORT'");
      } else if (rest[0] == ':') {  // Xapian's "remote :PROG ARGS"
        std::string spec = rest.substr(1);
        auto space = spec.find(' ');
        e.program = spec.substr(0, space);
        e.args = space == std::string::npos ? "" : std::string(text::trim(spec.substr(space)));
        if (e.program.empty()) throw bad("no program after 'remote :'");
      } else {  // Xapian's "remote HOST:PORT"
        auto colon = rest.rfind(':');
        if (colon == std::string::npos || rest.find(' ') != std::string::npos)
          throw bad("expected 'remote HOST:PORT'");
        e.host = rest.substr(0, colon);
        e.port = parse_port(rest.substr(colon + 1));
        if (e.host.empty() || e.port == 0) throw bad("expected 'remote HOST:PORT'");
      }
    } else {
      throw bad("unknown database type '" + type + "'");
    }
    entries.push_back(std::move(e));
  }
  return entries;
}

std::optional<ShardBy> stub_shard_by(const std::string& file) {
  std::ifstream in(file);
  std::string line;
  while (std::getline(in, line)) {
    if (line.starts_with(kShardByComment))
      return parse_shard_by(text::trim(std::string_view(line).substr(kShardByComment.size())));
  }
  return std::nullopt;
}

void write_stub(const std::string& index_dir, ShardBy by, const std::vector<std::string>& names) {
  fs::path dir(index_dir);
  fs::path tmp = dir / (std::string(kStubName) + ".tmp");
  {
    std::ofstream out(tmp, std::ios::trunc);
    out << kShardByComment << shard_by_name(by) << "\n"
        << "# A Xapian stub database: one shard a line, searched as one index.\n"
        << "# brief-index rewrites this file; see docs/SCALING.md to add remote shards.\n";
    for (const auto& name : names) out << "auto " << kShardFolder << "/" << name << "\n";
    out.flush();
    if (!out) throw Error(ErrorCode::kIoError, tmp.string() + ": cannot write the stub file");
  }
  std::error_code ec;
  fs::rename(tmp, dir / kStubName, ec);
  if (ec)
    throw Error(ErrorCode::kIoError,
                (dir / kStubName).string() + ": cannot replace the stub file: " + ec.message());
}

std::vector<std::string> missing_local_shards(const std::string& index) {
  std::vector<std::string> missing;
  auto stub = stub_file(index);
  if (!stub) return missing;
  for (const auto& entry : read_stub(*stub)) {
    std::error_code ec;
    if (!entry.remote && !std::filesystem::is_directory(entry.path, ec)) missing.push_back(entry.line);
  }
  return missing;
}

void require_local_shards(const std::string& index) {
  auto missing = missing_local_shards(index);
  if (missing.empty()) return;
  throw Error(ErrorCode::kIndexCorrupt,
              "index " + index + ": shard '" + missing.front() +
                  "' is listed but its folder is gone" +
                  (missing.size() > 1 ? " (and " + std::to_string(missing.size() - 1) + " more)"
                                      : std::string()) +
                  "; run brief-index again over the same inputs to rebuild it, or "
                  "brief-index --rebuild PATH...");
}

Xapian::Database open_entry(const StubEntry& entry, std::chrono::milliseconds timeout) {
  if (!entry.remote) return Xapian::Database(entry.path);
  auto ms = static_cast<unsigned>(timeout.count());
  if (!entry.program.empty()) return Xapian::Remote::open(entry.program, entry.args, ms);
  return Xapian::Remote::open(entry.host, entry.port, ms, ms);
}

}  // namespace shards
}  // namespace brief

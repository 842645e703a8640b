// Copyright (c) 2026 The brief-search Authors. MIT licence.
// Helpers shared by the tests: fixture paths, throwaway folders, running
// the built programs.

#ifndef BRIEF_TESTS_TEST_UTIL_H_
#define BRIEF_TESTS_TEST_UTIL_H_

#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

namespace brief::test {

// The tests/fixtures folder (BRIEF_TEST_FIXTURES, set by meson).
inline std::string fixture_path(const std::string& relative = "") {
  const char* root = std::getenv("BRIEF_TEST_FIXTURES");
  std::string base = root ? root : "tests/fixtures";
  return relative.empty() ? base : base + "/" + relative;
}

inline std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

inline void write_file(const std::string& path, const std::string& content) {
  std::filesystem::create_directories(std::filesystem::path(path).parent_path());
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out << content;
}

// A fresh folder under the system temp dir, removed with its contents.
class TempDir {
 public:
  TempDir() {
    std::string templ =
        (std::filesystem::temp_directory_path() / "brief-test-XXXXXX").string();
    if (!mkdtemp(templ.data())) throw std::runtime_error("mkdtemp failed");
    path_ = templ;
  }
  ~TempDir() {
    std::error_code ec;
    std::filesystem::permissions(path_, std::filesystem::perms::owner_all,
                                 std::filesystem::perm_options::add, ec);
    std::filesystem::remove_all(path_, ec);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;

  const std::string& path() const { return path_; }
  std::string operator/(const std::string& name) const { return path_ + "/" + name; }

 private:
  std::string path_;
};

// In a forked child: adds `env` ("NAME=value") to the environment and
// runs argv[0] with the arguments. Never returns.
[[noreturn]] inline void exec_program(const std::vector<std::string>& argv,
                                      const std::vector<std::string>& env) {
  for (const auto& kv : env) putenv(const_cast<char*>(kv.c_str()));
  std::vector<char*> args;
  for (const auto& a : argv) args.push_back(const_cast<char*>(a.c_str()));
  args.push_back(nullptr);
  execv(args[0], args.data());
  _exit(127);
}

struct ProgramResult {
  int status = -1;  // Exit status, or -1 if killed by a signal.
  std::string out;
  std::string err;
};

// Runs argv[0] with the given arguments and environment additions
// ("NAME=value"), capturing stdout and stderr. stdin is /dev/null.
// Runs a program with `input` (a file's path; /dev/null by default) as
// its standard input.
inline ProgramResult run_program(const std::vector<std::string>& argv,
                                 const std::vector<std::string>& env = {},
                                 const std::string& input = "/dev/null") {
  TempDir io;
  std::string out_path = io / "out", err_path = io / "err";
  std::cout.flush();  // Else the child repeats what is buffered.
  std::fflush(nullptr);
  pid_t pid = fork();
  if (pid == 0) {
    FILE* in = std::freopen(input.c_str(), "r", stdin);
    FILE* o = std::freopen(out_path.c_str(), "w", stdout);
    FILE* e = std::freopen(err_path.c_str(), "w", stderr);
    (void)in, (void)o, (void)e;
    exec_program(argv, env);
  }
  int wstatus = 0;
  waitpid(pid, &wstatus, 0);
  ProgramResult r;
  r.status = WIFEXITED(wstatus) ? WEXITSTATUS(wstatus) : -1;
  r.out = read_file(out_path);
  r.err = read_file(err_path);
  return r;
}

// Splits text into lines, without the newlines.
inline std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

// Copies every file of the fixture folders `folders` (under
// tests/fixtures) into `dir`, creating it.
inline void copy_fixture_folders(const std::string& dir, const std::vector<std::string>& folders) {
  std::filesystem::create_directories(dir);
  for (const auto& folder : folders)
    for (const auto& entry : std::filesystem::directory_iterator(fixture_path(folder)))
      std::filesystem::copy_file(entry.path(), dir + "/" + entry.path().filename().string());
}

}  // namespace brief::test

#endif  // BRIEF_TESTS_TEST_UTIL_H_

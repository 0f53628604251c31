#pragma once
// End-to-end tests of `sessiontool set` that write files: the built binary runs on copies of
// testdata/set in a fresh temporary directory (testdata itself is never written).

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <optional>
#include <random>
#include <string>
#include <utility>
#include <vector>

#include <doctest/doctest.h>

#include "text/path_text.hpp"
#include "platform/platform.hpp"

namespace sessiontool::test {

namespace fs = std::filesystem;

inline std::string read_bytes(const fs::path& path) { return platform::read_file(path).value_or("<unreadable>"); }

// What a program printed, as text to compare: on Windows its lines end with CRLF (on a console
// and in a redirect alike), elsewhere with LF.
inline std::string printed_text(std::string bytes) {
#ifdef _WIN32
  for (auto at = bytes.find("\r\n"); at != std::string::npos; at = bytes.find("\r\n", at)) bytes.erase(at, 1);
#endif
  return bytes;
}

inline void write_bytes(const fs::path& path, const std::string& bytes) {
  fs::create_directories(path.parent_path());
  std::ofstream(path, std::ios::binary) << bytes;
}

#ifndef _WIN32
// An environment variable set for a scope, then put back as it was (set or not), also when a
// check in between throws.
class ScopedEnv {
 public:
  ScopedEnv(const char* name, const std::string& value) : name_(name) {
    if (const char* old = std::getenv(name)) old_ = old;
    ::setenv(name, value.c_str(), 1);
  }
  ~ScopedEnv() {
    if (old_) ::setenv(name_, old_->c_str(), 1);
    else ::unsetenv(name_);
  }
  ScopedEnv(const ScopedEnv&) = delete;
  ScopedEnv& operator=(const ScopedEnv&) = delete;

 private:
  const char* name_;
  std::optional<std::string> old_;
};
#endif

struct RunResult {
  int code = -1;
  std::string out;
  std::string err;
};

class SetSandbox {
 public:
  SetSandbox() {
    std::random_device random;
    root_ = fs::temp_directory_path() / ("sessiontool-set-" + std::to_string(random()) + std::to_string(random()));
    fs::create_directories(root_);
  }
  ~SetSandbox() {
    std::error_code ec;
    fs::remove_all(root_, ec);
  }
  SetSandbox(const SetSandbox&) = delete;
  SetSandbox& operator=(const SetSandbox&) = delete;

  const fs::path& root() const { return root_; }

  // Copies testdata/set/<name> (a file or a folder) into the sandbox, as `as` (UTF-8) when
  // given; returns the copy. Every copied file gets an old modification time, so that any
  // rewrite shows in its mtime.
  fs::path copy(const std::string& name, const std::string& as = "") const {
    const fs::path from = fs::path(SESSIONTOOL_SOURCE_DIR) / "testdata" / "set" / path_from_utf8(name);
    const fs::path to = root_ / path_from_utf8(as.empty() ? name : as);
    fs::create_directories(to.parent_path());
    fs::copy(from, to, fs::copy_options::recursive);
    age(to);
    return to;
  }

  // Where and with what environment a run starts: a folder of the sandbox (UTF-8), and
  // variables set for it.
  struct RunIn {
    std::string dir;
    std::vector<std::pair<std::string, std::string>> env;
  };

  // Runs sessiontool with `args` (UTF-8) in the sandbox directory (or `in.dir` inside it).
  RunResult run(const std::vector<std::string>& args, const RunIn& in = {}) const {
    const fs::path out = root_ / ".stdout";
    const fs::path err = root_ / ".stderr";
    const std::string dir = utf8_text(in.dir.empty() ? root_ : root_ / path_from_utf8(in.dir));
#ifdef _WIN32
    std::string command = "cd /d " + quote(dir) + " && ";
    for (const auto& [name, value] : in.env) command += "set " + quote(name + "=" + value) + " && ";
    command += quote(SESSIONTOOL_BINARY);
#else
    // Under timeout(1): a hang fails the test (exit 124) instead of stalling the suite.
    std::string command = "cd " + quote(dir) + " && ";
    for (const auto& [name, value] : in.env) command += name + "=" + quote(value) + " ";
    command += "timeout -k 5 60 " + quote(SESSIONTOOL_BINARY);
#endif
    for (const std::string& arg : args) command += " " + quote(arg);
    command += " >" + quote(utf8_text(out)) + " 2>" + quote(utf8_text(err));
#ifdef _WIN32
    command = "\"" + command + "\"";  // cmd /c strips one pair of quotes
    // std::system would pass the command through the ANSI code page; a path's native text is UTF-16.
    const int status = _wsystem(path_from_utf8(command).c_str());
#else
    const int status = std::system(command.c_str());
#endif
    RunResult result;
#ifdef _WIN32
    result.code = status;
#else
    result.code = (status >> 8) & 0xff;  // WEXITSTATUS, without <sys/wait.h>
#endif
    result.out = printed_text(read_bytes(out));
    result.err = printed_text(read_bytes(err));
    fs::remove(out);
    fs::remove(err);
    REQUIRE_MESSAGE(result.code != 124, "sessiontool hung: ", args.front());
    return result;
  }

  // Every file under the sandbox with its bytes and modification time.
  struct FileState {
    std::string bytes;
    fs::file_time_type mtime;
    friend bool operator==(const FileState&, const FileState&) = default;
  };
  std::map<fs::path, FileState> snapshot() const {
    std::map<fs::path, FileState> files;
    for (const auto& entry : fs::recursive_directory_iterator(root_))
      if (entry.is_regular_file() && !entry.is_symlink())
        files[fs::relative(entry.path(), root_)] = {read_bytes(entry.path()), fs::last_write_time(entry.path())};
    return files;
  }

 private:
  static std::string quote(const std::string& text) {
#ifdef _WIN32
    return "\"" + text + "\"";
#else
    std::string quoted = "'";
    for (char c : text) quoted += c == '\'' ? std::string("'\\''") : std::string(1, c);
    return quoted + "'";
#endif
  }

  static void age(const fs::path& path) {
    const auto old = fs::file_time_type::clock::now() - std::chrono::hours(24 * 30);
    if (fs::is_regular_file(path)) fs::last_write_time(path, old);
    if (fs::is_directory(path))
      for (const auto& entry : fs::recursive_directory_iterator(path))
        if (entry.is_regular_file()) fs::last_write_time(entry.path(), old);
  }

  fs::path root_;
};

}  // namespace sessiontool::test

// Interrupted writes (issue 6): whatever stops `set` — a failing step, a crash, a kill at any
// moment, a full disk, a read-only file — the file holds its old bytes or its new bytes, never
// a mix or nothing, and a failure leaves no temporary file behind.

#include <doctest/doctest.h>

#include <chrono>
#include <csignal>
#include <cstdlib>
#include <filesystem>
#include <functional>
#include <optional>
#include <random>
#include <string>
#include <thread>
#include <vector>

#ifndef _WIN32
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>
extern char** environ;
#endif

#include "platform/atomic_write.hpp"
#include "set_harness.hpp"
#include "write_atomically.hpp"
#include "platform/write_step.hpp"

using namespace sessiontool;
using test::write_file_atomically;
using test::read_bytes;
using test::SetSandbox;
using test::write_bytes;
namespace fs = std::filesystem;

namespace {

constexpr WriteStep kSteps[] = {WriteStep::create_temp, WriteStep::flush_temp, WriteStep::rename_backup,
                                WriteStep::rename_target};

const char* name(WriteStep step) {
  switch (step) {
    case WriteStep::create_temp: return "create_temp";
    case WriteStep::flush_temp: return "flush_temp";
    case WriteStep::rename_backup: return "rename_backup";
    case WriteStep::rename_target: return "rename_target";
  }
  return "?";
}

// What the steps of every write do in this program: nothing, unless a test sets a hook. An
// error it returns fails that step as the system would (a full disk, a refused rename), and a
// hook that does not return is a crash at that point. Not thread-safe: the tests write on one.
std::function<std::optional<std::string>(WriteStep)> write_hook;

// Removes the hook however the test ends.
struct HookGuard {
  ~HookGuard() { write_hook = {}; }
};

// The files sessiontool leaves while it works: `.NAME.sessiontool-XXXXXXXX.tmp`.
std::vector<fs::path> temp_files(const fs::path& dir) {
  std::vector<fs::path> found;
  for (const auto& entry : fs::directory_iterator(dir))
    if (entry.path().filename().string().find(".sessiontool-") != std::string::npos) found.push_back(entry.path());
  return found;
}

// A CustomSettings.config of about `size` bytes (a long comment), with the value to change.
std::string server_file(const std::string& value, std::size_t size = 0) {
  std::string text = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\r\n<appSettings>\r\n  <!-- ";
  while (text.size() < size) text += "Padding so that writing the file takes a while. ";
  text += "-->\r\n  <add key=\"ServerInstance\" value=\"BC\" />\r\n  <add key=\"ClientServicesIdleClientTimeout\" value=\"" +
          value + "\" />\r\n</appSettings>\r\n";
  return text;
}

#ifndef _WIN32
int run_shell(const std::string& command) {
  const int status = std::system(command.c_str());
  return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

std::string quote(const std::string& text) {
  std::string quoted = "'";
  for (char c : text) quoted += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return quoted + "'";
}
#endif

}  // namespace

TEST_SUITE("interrupted writes") {
  TEST_CASE("a failure at any step leaves the original, a consistent backup and no temporary file") {
    HookGuard guard;
    for (const bool backup : {false, true}) {
      for (const WriteStep step : kSteps) {
        CAPTURE(backup);
        CAPTURE(name(step));
        SetSandbox box;
        const fs::path file = box.root() / "CustomSettings.config";
        write_bytes(file, server_file("00:20:00"));
        bool reached = false;
        write_hook = [&](WriteStep at) -> std::optional<std::string> {
          if (at != step || reached) return std::nullopt;
          reached = true;
          return "No space left on device";
        };
        const auto result = write_file_atomically(file, server_file("00:30:00"), {.backup = backup});
        if (!reached) {  // no backup, no backup rename; any other step is reached (the seam is linked)
          CHECK((step == WriteStep::rename_backup && !backup));
          continue;
        }
        REQUIRE_FALSE(result);
        CHECK(result.error().find("No space left on device") != std::string::npos);
        CHECK(read_bytes(file) == server_file("00:20:00"));
        CHECK(temp_files(box.root()).empty());
        // The backup, when it exists, holds the original: a later step failed, not the backup.
        const fs::path bak = box.root() / "CustomSettings.config.bak";
        if (fs::exists(bak)) CHECK(read_bytes(bak) == server_file("00:20:00"));
        CHECK(fs::exists(bak) == (step == WriteStep::rename_target && backup));
      }
    }
  }

  TEST_CASE("a failed write of a prepared fleet commits nothing") {
    HookGuard guard;
    SetSandbox box;
    const fs::path a = box.root() / "a.config", b = box.root() / "b.config";
    write_bytes(a, "old a");
    write_bytes(b, "old b");
    auto first = PendingWrite::prepare(a, "new a");
    REQUIRE(first);
    int temps = 0;
    write_hook = [&](WriteStep at) -> std::optional<std::string> {
      if (at == WriteStep::flush_temp && ++temps == 1) return "Input/output error";
      return std::nullopt;
    };
    auto second = PendingWrite::prepare(b, "new b");
    REQUIRE_FALSE(second);
    CHECK(second.error().find("Input/output error") != std::string::npos);
    first = std::unexpected("abandoned");  // as set does when any file fails to prepare
    CHECK(read_bytes(a) == "old a");
    CHECK(read_bytes(b) == "old b");
    CHECK(temp_files(box.root()).empty());
  }

#ifndef _WIN32
  TEST_CASE("a crash at any step leaves the old or the new file, never a torn or empty one") {
    for (const bool backup : {false, true}) {
      for (const WriteStep step : kSteps) {
        CAPTURE(backup);
        CAPTURE(name(step));
        SetSandbox box;
        const fs::path file = box.root() / "CustomSettings.config";
        const std::string before = server_file("00:20:00", 256 * 1024);
        const std::string after = server_file("00:30:00", 256 * 1024);
        write_bytes(file, before);
        const pid_t child = fork();
        REQUIRE(child >= 0);
        if (child == 0) {
          // The crash: the process ends on the spot, no destructor or cleanup runs.
          write_hook = [step](WriteStep at) -> std::optional<std::string> {
            if (at == step) _exit(42);
            return std::nullopt;
          };
          _exit(write_file_atomically(file, after, {.backup = backup}) ? 0 : 1);
        }
        int status = 0;
        REQUIRE(waitpid(child, &status, 0) == child);
        REQUIRE(WIFEXITED(status));
        if (WEXITSTATUS(status) == 0) {  // the step is not taken without a backup
          CHECK((step == WriteStep::rename_backup && !backup));
          continue;
        }
        CHECK(WEXITSTATUS(status) == 42);
        const std::string now = read_bytes(file);
        CHECK((now == before || now == after));
        CHECK(now == before);  // every step here comes before the rename that commits
        // A crash cannot clean up: at most its temporary files are left, hidden, named as ours,
        // and never taken for a configuration file.
        for (const fs::path& temp : temp_files(box.root())) CHECK(temp.extension() == ".tmp");
      }
    }
  }

  TEST_CASE("set killed at random moments leaves the old or the new file") {
    SetSandbox box;
    const fs::path file = box.root() / "CustomSettings.config";
    // Large enough that writing and flushing it takes a while (still under the size limit).
    const std::string before = server_file("00:20:00", 3 * 1024 * 1024);
    const std::string after = server_file("00:30:00", 3 * 1024 * 1024);
    const std::string binary = SESSIONTOOL_BINARY;
    std::vector<std::string> words = {binary, "set", "ClientServicesIdleClientTimeout=30m", file.string()};
    std::vector<char*> argv;
    for (std::string& w : words) argv.push_back(w.data());
    argv.push_back(nullptr);

    auto run = [&](std::chrono::microseconds kill_after) {
      pid_t pid = 0;
      REQUIRE(posix_spawn(&pid, argv[0], nullptr, nullptr, argv.data(), environ) == 0);
      if (kill_after.count() > 0) {
        std::this_thread::sleep_for(kill_after);
        kill(pid, SIGKILL);
      }
      int status = 0;
      waitpid(pid, &status, 0);
      return status;
    };

    write_bytes(file, before);
    const auto start = std::chrono::steady_clock::now();
    run(std::chrono::microseconds(0));
    const auto full = std::chrono::duration_cast<std::chrono::microseconds>(std::chrono::steady_clock::now() - start);
    REQUIRE(read_bytes(file) == after);

    // Kills spread over the whole run and a little past it, so some land before the rename
    // (old file), some after (new file), some while the temporary file is being written.
    std::mt19937 random(6);
    int old_seen = 0, new_seen = 0, mid_write = 0;
    for (int i = 0; i < 24; ++i) {
      write_bytes(file, before);
      for (const fs::path& temp : temp_files(box.root())) fs::remove(temp);
      const auto delay = std::chrono::microseconds(1 + random() % (full.count() * 5 / 4 + 1));
      run(delay);
      const std::string now = read_bytes(file);
      CAPTURE(delay.count());
      CHECK((now == before || now == after));
      (now == before ? old_seen : new_seen) += 1;
      mid_write += temp_files(box.root()).empty() ? 0 : 1;
    }
    MESSAGE("killed 24 times over a " << full.count() / 1000 << " ms run: old file " << old_seen << ", new file "
                                      << new_seen << ", killed with a temporary file written " << mid_write);
  }

  TEST_CASE("a write that fails halfway (a full disk) leaves the original and no temporary file") {
    // The file size limit makes write(2) fail partway through the temporary file, as ENOSPC
    // would; SIGXFSZ is ignored so the failure is an error, not a signal.
    SetSandbox box;
    const fs::path file = box.root() / "CustomSettings.config";
    const std::string before = server_file("00:20:00", 64 * 1024);
    write_bytes(file, before);
    const int code = run_shell("cd " + quote(box.root().string()) + " && trap '' XFSZ && ulimit -f 16 && exec " +
                               quote(SESSIONTOOL_BINARY) + " set ClientServicesIdleClientTimeout=30m --backup " +
                               "CustomSettings.config >out.txt 2>err.txt");
    const std::string err = read_bytes(box.root() / "err.txt");
    CAPTURE(err);
    CHECK(code == 3);
    CHECK(err.find("cannot create a temporary file") != std::string::npos);
    CHECK(err.find("File too large") != std::string::npos);
    CHECK(read_bytes(file) == before);
    CHECK_FALSE(fs::exists(box.root() / "CustomSettings.config.bak"));
    CHECK(temp_files(box.root()).empty());
  }

  TEST_CASE("a read-only file or directory is refused and left intact, also when the suite runs as root") {
    // root may write anything: the run drops to `nobody` (setpriv), so the permissions apply.
    const bool root = geteuid() == 0;
    if (root && run_shell("command -v setpriv >/dev/null 2>&1") != 0) {
      MESSAGE("skipped: running as root without setpriv to drop privileges");
      return;
    }
    const std::string as_user = root ? "setpriv --reuid=65534 --regid=65534 --clear-groups " : "";
    for (const bool read_only_dir : {false, true}) {
      CAPTURE(read_only_dir);
      SetSandbox box;
      const fs::path dir = box.root() / "Service";
      const fs::path file = dir / "CustomSettings.config";
      write_bytes(file, server_file("00:20:00"));
      if (root) REQUIRE(run_shell("chown -R 65534:65534 " + quote(dir.string())) == 0);
      fs::permissions(file, read_only_dir ? fs::perms(0644) : fs::perms(0444));
      fs::permissions(dir, read_only_dir ? fs::perms(0555) : fs::perms(0755));
      const int code = run_shell(as_user + quote(SESSIONTOOL_BINARY) + " set ClientServicesIdleClientTimeout=30m " +
                                 quote(file.string()) + " >" + quote((box.root() / "out.txt").string()) + " 2>" +
                                 quote((box.root() / "err.txt").string()));
      const std::string err = read_bytes(box.root() / "err.txt");
      CAPTURE(err);
      CHECK(code == 3);
      CHECK(err.find(read_only_dir ? "cannot create a temporary file" : "read-only or locked") != std::string::npos);
      CHECK(read_bytes(file) == server_file("00:20:00"));
      CHECK(temp_files(dir).empty());
      fs::permissions(dir, fs::perms(0755));
    }
  }
#endif
}

// This program's write_step_failure, linked instead of the library's (lib/platform/write_step.hpp).
std::optional<std::string> sessiontool::write_step_failure(WriteStep step) {
  return write_hook ? write_hook(step) : std::nullopt;
}

#include "platform/atomic_write.hpp"

#include <fstream>
#include <random>
#include <string>

#include <doctest/doctest.h>

#include "platform/platform.hpp"
#include "write_atomically.hpp"

using namespace sessiontool;
using test::write_file_atomically;
namespace fs = std::filesystem;

namespace {

// A fresh directory under the system's temporary directory, removed afterwards.
struct TempDir {
  fs::path path;
  TempDir() {
    std::random_device random;
    path = fs::temp_directory_path() / ("sessiontool-atomic-" + std::to_string(random()));
    fs::create_directories(path);
  }
  ~TempDir() {
    std::error_code ec;
    fs::permissions(path, fs::perms::owner_all, fs::perm_options::add, ec);
    fs::remove_all(path, ec);
  }
  fs::path write(const std::string& name, const std::string& bytes) const {
    std::ofstream(path / name, std::ios::binary) << bytes;
    return path / name;
  }
  std::size_t count() const {
    std::size_t n = 0;
    for ([[maybe_unused]] const auto& entry : fs::directory_iterator(path)) ++n;
    return n;
  }
};

std::string contents(const fs::path& path) { return platform::read_file(path).value_or("<unreadable>"); }

// Whether this process can write a file its permissions say is read-only (root can).
bool can_write(const fs::path& path) { return std::fstream(path, std::ios::in | std::ios::out).is_open(); }

}  // namespace

TEST_SUITE("atomic_write") {
  TEST_CASE("the file gets the new bytes and no temporary file is left") {
    TempDir dir;
    const fs::path file = dir.write("CustomSettings.config", "old\r\n");
    REQUIRE(write_file_atomically(file, "new\r\n"));
    CHECK(contents(file) == "new\r\n");
    CHECK(dir.count() == 1);
  }

  TEST_CASE("--backup keeps the original as FILE.bak") {
    TempDir dir;
    const fs::path file = dir.write("navsettings.json", "old");
    REQUIRE(write_file_atomically(file, "new", {.backup = true}));
    CHECK(contents(file) == "new");
    CHECK(contents(dir.path / "navsettings.json.bak") == "old");
    CHECK(dir.count() == 2);
  }

#ifndef _WIN32
  TEST_CASE("permissions are kept") {
    TempDir dir;
    const fs::path file = dir.write("web.config", "old");
    const auto perms = fs::perms::owner_read | fs::perms::owner_write | fs::perms::group_read;
    fs::permissions(file, perms);
    REQUIRE(write_file_atomically(file, "new", {.backup = true}));
    CHECK(fs::status(file).permissions() == perms);
    CHECK(fs::status(dir.path / "web.config.bak").permissions() == perms);
  }
#endif

  TEST_CASE("a symlink's target is rewritten and the link stays a link") {
    TempDir dir;
    const fs::path target = dir.write("real.config", "old");
    fs::create_directories(dir.path / "instance");
    const fs::path link = dir.path / "instance" / "CustomSettings.config";
    std::error_code ec;
    fs::create_symlink("../real.config", link, ec);
    if (ec) return;  // Windows without the privilege to create links
    REQUIRE(write_file_atomically(link, "new", {.backup = true}));
    CHECK(fs::is_symlink(link));
    CHECK(fs::read_symlink(link) == "../real.config");
    CHECK(contents(target) == "new");
    CHECK(contents(dir.path / "real.config.bak") == "old");
    CHECK_FALSE(fs::exists(dir.path / "instance" / "CustomSettings.config.bak"));
  }

  TEST_CASE("a file changed since it was read is not overwritten") {
    TempDir dir;
    const fs::path file = dir.write("navsettings.json", "edited by someone else");
    auto result = write_file_atomically(file, "new", {.expected_old = "what we read"});
    REQUIRE_FALSE(result);
    CHECK(result.error().find("changed") != std::string::npos);
    CHECK(contents(file) == "edited by someone else");
    CHECK(dir.count() == 1);
  }

  TEST_CASE("a change between prepare and commit is noticed") {
    TempDir dir;
    const fs::path file = dir.write("navsettings.json", "old");
    auto pending = PendingWrite::prepare(file, "new", {.backup = true, .expected_old = "old"});
    REQUIRE(pending);
    dir.write("navsettings.json", "edited meanwhile");
    CHECK_FALSE(pending->commit());
    CHECK(contents(file) == "edited meanwhile");
    CHECK_FALSE(fs::exists(dir.path / "navsettings.json.bak"));
  }

  TEST_CASE("a prepared write that is never committed leaves nothing behind") {
    TempDir dir;
    const fs::path file = dir.write("navsettings.json", "old");
    {
      auto pending = PendingWrite::prepare(file, "new", {.backup = true});
      REQUIRE(pending);
      CHECK(dir.count() == 3);  // the file, the new contents and the backup, both temporary
      PendingWrite moved = std::move(*pending);
      CHECK(dir.count() == 3);  // moved, not removed
    }
    CHECK(contents(file) == "old");
    CHECK(dir.count() == 1);
  }

  TEST_CASE("a missing file, a directory and a read-only file are refused") {
    TempDir dir;
    CHECK_FALSE(write_file_atomically(dir.path / "missing.config", "new"));
    CHECK_FALSE(write_file_atomically(dir.path, "new"));
    const fs::path file = dir.write("CustomSettings.config", "old");
    fs::permissions(file, fs::perms::owner_read);
    if (!can_write(file)) {
      auto result = write_file_atomically(file, "new");
      REQUIRE_FALSE(result);
      CHECK(result.error().find("read-only or locked") != std::string::npos);
      CHECK(contents(file) == "old");
    }
    fs::permissions(file, fs::perms::owner_read | fs::perms::owner_write);
  }

#ifndef _WIN32
  TEST_CASE("a directory where no temporary file can be created: the file is untouched") {
    TempDir dir;
    const fs::path file = dir.write("CustomSettings.config", "old");
    fs::permissions(dir.path, fs::perms::owner_read | fs::perms::owner_exec);
    std::error_code ec;
    const bool root = fs::create_directory(dir.path / "probe", ec);  // root ignores the mode
    if (!root) {
      auto result = write_file_atomically(file, "new");
      REQUIRE_FALSE(result);
      CHECK(result.error().find("temporary file") != std::string::npos);
      CHECK(contents(file) == "old");
    }
  }
#endif
}

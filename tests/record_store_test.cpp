// What lint keeps of a fleet's files: every record comes back as written, from memory or from
// the scratch file past the limit, in any order; a temporary directory that cannot take the
// scratch file is a clear error, not a crash.

#include "record_store.hpp"

#include <algorithm>
#include <random>
#include <string>
#include <vector>

#include <doctest/doctest.h>

#include "platform.hpp"
#include "set_harness.hpp"

#ifndef _WIN32
#include <unistd.h>
#endif

using namespace sessiontool;
using namespace sessiontool::test;

namespace {

// Records of varied sizes, some larger than a block of the scratch file, each its own bytes.
std::vector<std::string> records(std::size_t count) {
  std::mt19937 random(7);
  std::vector<std::string> out;
  for (std::size_t i = 0; i < count; ++i) {
    const std::size_t size = i % 50 == 7 ? 100'000 + i : random() % 600;
    std::string record(size, '\0');
    for (char& c : record) c = static_cast<char>(random());
    out.push_back(std::move(record));
  }
  return out;
}

}  // namespace

TEST_SUITE("record store") {
  TEST_CASE("records come back as written, under the memory limit, past it and with none in memory") {
    const std::vector<std::string> written = records(400);
    for (std::size_t limit : {std::size_t{64} * 1024 * 1024, std::size_t{20'000}, std::size_t{0}}) {
      RecordStore store(limit);
      std::vector<RecordStore::Ref> refs;
      for (const std::string& record : written) refs.push_back(store.append(record));
      // In order, backwards, and hopping about: a fleet's records are read nearly in order.
      std::vector<std::size_t> order(written.size());
      for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
      for (int pass = 0; pass < 3; ++pass) {
        if (pass == 1) std::ranges::reverse(order);
        if (pass == 2) std::ranges::shuffle(order, std::mt19937(3));
        for (std::size_t i : order) REQUIRE_MESSAGE(store.read(refs[i]) == written[i], "record ", i, ", limit ", limit);
      }
    }
  }

  TEST_CASE("a record can be read back while more are being written") {
    const std::vector<std::string> written = records(300);
    RecordStore store(1000);
    std::vector<RecordStore::Ref> refs;
    for (std::size_t i = 0; i < written.size(); ++i) {
      refs.push_back(store.append(written[i]));
      CHECK(store.read(refs[i]) == written[i]);       // still waiting to be written, or written
      CHECK(store.read(refs[i / 2]) == written[i / 2]);  // from the file
    }
  }

  TEST_CASE("the scratch file holds what was written where it was written") {
    auto file = platform::ScratchFile::create();
    REQUIRE(file.has_value());
    CHECK((file->directory() / "x").lexically_normal() == (std::filesystem::temp_directory_path() / "x").lexically_normal());
    REQUIRE(file->write_at(0, "hello, ").has_value());
    REQUIRE(file->write_at(7, "world").has_value());
    std::string back(12, '\0');
    REQUIRE(file->read_at(0, back).has_value());
    CHECK(back == "hello, world");
    std::string past(4, '\0');
    CHECK_FALSE(file->read_at(10, past).has_value());  // only two bytes are there
  }

#ifndef _WIN32
  TEST_CASE("a temporary directory that does not exist fails the first record past the limit, naming it") {
    const ScopedEnv tmpdir("TMPDIR", "/nonexistent-sessiontool-tmp");
    RecordStore store(10);
    CHECK_NOTHROW(store.append("0123456789"));  // in memory
    std::string message;
    try {
      store.append("x");
    } catch (const ScratchError& e) {
      message = e.what();
    }
    CHECK(message == "cannot create a file in /nonexistent-sessiontool-tmp: No such file or directory");
  }

  TEST_CASE("a read-only temporary directory is named in the error") {
    if (::geteuid() == 0) return;  // root writes anywhere
    const std::filesystem::path dir =
        std::filesystem::temp_directory_path() / ("sessiontool-ro-" + std::to_string(std::random_device()()));
    std::filesystem::create_directory(dir);
    std::filesystem::permissions(dir, std::filesystem::perms::owner_read | std::filesystem::perms::owner_exec);
    auto file = [&] {
      const ScopedEnv tmpdir("TMPDIR", dir.string());
      return platform::ScratchFile::create();
    }();
    std::filesystem::permissions(dir, std::filesystem::perms::owner_all);
    std::filesystem::remove_all(dir);
    REQUIRE_FALSE(file.has_value());
    CHECK(file.error() == "cannot create a file in " + dir.string() + ": Permission denied");
  }
#endif
}

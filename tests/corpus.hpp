#pragma once
// The real configuration files, which live outside the repository: the folder named by the
// environment variable SESSIONTOOL_CORPUS or, when it is unset, ../shared/corpus beside the
// source tree if that exists. A test that needs them runs where they are and is reported as
// skipped elsewhere; the same checks run on the project's own fixtures (testdata/large) always.

#include <filesystem>
#include <iostream>
#include <optional>
#include <string>
#include <vector>

#include <doctest/doctest.h>

#include "text/path_text.hpp"
#include "platform/platform.hpp"

namespace sessiontool::test {

// The line ctest marks a test skipped by (SKIP_REGULAR_EXPRESSION in tests/CMakeLists.txt).
inline constexpr const char* kCorpusSkipped = "SKIPPED: needs the real files";

inline const std::vector<std::string>& corpus_files() {
  static const std::vector<std::string> names = {"bc4ubuntu-CustomSettings.config",
                                                 "bcdevonlinux-config-CustomSettings.config",
                                                 "bcdevonlinux-vm-CustomSettings.config"};
  return names;
}

// For a test that needs the corpus: its folder, or nothing after printing the skip line. A
// SESSIONTOOL_CORPUS that names a folder without the files fails the test: whoever set it
// (CI does) meant them to be checked.
inline std::optional<std::filesystem::path> corpus_or_skip() {
  namespace fs = std::filesystem;
  const std::string named = platform::env("SESSIONTOOL_CORPUS");
  const fs::path dir = named.empty() ? fs::path(SESSIONTOOL_SOURCE_DIR) / ".." / "shared" / "corpus" : path_from_utf8(named);
  std::error_code ec;
  if (named.empty() && !fs::is_directory(dir, ec)) {
    std::cout << kCorpusSkipped << " (SESSIONTOOL_CORPUS is not set and " << utf8_text(dir)
              << " does not exist)" << std::endl;
    return std::nullopt;
  }
  for (const std::string& name : corpus_files())
    REQUIRE_MESSAGE(fs::is_regular_file(dir / name, ec), "SESSIONTOOL_CORPUS: " << utf8_text(dir / name) << " is missing");
  return dir;
}

// The project's own large fixtures (testdata/large/generate.py writes them).
inline std::filesystem::path large_fixture(const char* folder) {
  return std::filesystem::path(SESSIONTOOL_SOURCE_DIR) / "testdata" / "large" / folder / "CustomSettings.config";
}

}  // namespace sessiontool::test

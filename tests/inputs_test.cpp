// load_inputs, what show reads: the files walk_files finds, in the order show lists deployments
// in (the paths as given, a directory's files as find_config_files sorts them).

#include <doctest/doctest.h>

#include "fixtures.hpp"
#include "read/inputs.hpp"
#include "read/reader.hpp"
#include "set_harness.hpp"

using namespace sessiontool;
using namespace sessiontool::test;

namespace {

std::vector<fs::path> paths_of(const Inputs& inputs) {
  std::vector<fs::path> paths;
  for (const Document& doc : inputs.documents) paths.push_back(doc.path);
  return paths;
}

}  // namespace

TEST_SUITE("inputs") {
  TEST_CASE("files in the order of the paths given, a directory's as find_config_files sorts them, on any number of threads") {
    SetSandbox box;
    // "a-b/" comes before "a/" in lint's order of paths, after it in a directory's sorted listing.
    for (const char* dir : {"z", "x/a", "x/a-b", "x/a.b", "x/b"})
      write_bytes(box.root() / dir / "navsettings.json", navsettings_text({}));
    write_bytes(box.root() / "x" / "a" / "web.config", "<notours/>");  // skipped: found in a directory
    const fs::path x = box.root() / "x", z = box.root() / "z" / "navsettings.json";
    std::vector<fs::path> expected{z};
    for (const fs::path& found : find_config_files(x))
      if (found.filename() != "web.config") expected.push_back(found);
    REQUIRE(expected.size() == 5);
    CHECK(expected[1].parent_path().filename() == "a");  // not lint's order: this test means something
    for (unsigned jobs : {1u, 3u}) {
      const Inputs inputs = load_inputs({z, x}, std::nullopt, jobs);
      CHECK(paths_of(inputs) == expected);
      CHECK(inputs.errors.empty());
    }
  }

  TEST_CASE("a file named explicitly must be ours, one named twice is read twice") {
    SetSandbox box;
    const fs::path other = box.root() / "web.config", web_file = box.root() / "w" / "navsettings.json";
    write_bytes(other, "<notours/>");
    write_bytes(web_file, navsettings_text({}));
    const Inputs inputs = load_inputs({web_file, other, web_file}, std::nullopt);
    CHECK(inputs.documents.size() == 2);
    REQUIRE(inputs.errors.size() == 1);
    CHECK(inputs.errors[0].kind == ReadErrorKind::unrecognized);
  }
}

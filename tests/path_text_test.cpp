// Paths as UTF-8 text: a deployment folder named with characters no ANSI code page holds
// (Zürich-東京) is named on the command line and printed back, and `set` writes there.

#include <string>

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include "path_text.hpp"
#include "set_harness.hpp"

using namespace sessiontool;
using namespace sessiontool::test;

namespace {

const std::string kFolder = "Zürich-東京";  // this file is UTF-8

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

// A path as sessiontool prints it for people on this system ("a\\b" on Windows).
std::string native(const std::string& path) { return utf8_text(path_from_utf8(path).make_preferred()); }

}  // namespace

TEST_SUITE("path_text") {
  TEST_CASE("UTF-8 text names a path and comes back unchanged") {
    const fs::path path = path_from_utf8(kFolder + "/AOS-東京/web.config");
    CHECK(utf8_text(path.parent_path().filename()) == "AOS-東京");
    CHECK(generic_utf8_text(path) == kFolder + "/AOS-東京/web.config");
    CHECK(utf8_text(path_from_utf8("")).empty());
  }

  // An ASCII name: ctest hands it to the Windows test program through the ANSI code page.
  TEST_CASE("a fleet in a folder no ANSI code page can name: show and lint print it in UTF-8, set writes there") {
    SetSandbox box;
    box.copy("fleet", kFolder);
    const fs::path aos = box.copy("aos", kFolder + "/AOS-東京") / "web.config";
    REQUIRE(fs::exists(aos));

    const RunResult show = box.run({"show", kFolder});
    INFO(show.err);
    REQUIRE(show.code == 0);
    CHECK(contains(show.out, "  server   " + native(kFolder + "/BC1/Service/CustomSettings.config") + "\n"));
    CHECK(contains(show.out, "AOS-東京 (Finance & Operations)\n"));  // named after its folder
    CHECK(contains(show.out, native(kFolder + "/BC1/WebClient/navsettings.json") + ":6:25\n"));

    const RunResult lint = box.run({"lint", "--format", "json", kFolder});
    INFO(lint.err);
    CHECK(lint.code == 1);  // ST202 warnings
    const auto json = nlohmann::json::parse(lint.out);
    int in_aos = 0;
    for (const auto& d : json.at("diagnostics")) {
      if (d.at("file") != kFolder + "/AOS-東京/web.config") continue;
      ++in_aos;
      if (d.at("rule") == "ST203") CHECK(contains(d.at("message").get<std::string>(), "no effect on AOS-東京;"));
    }
    CHECK(in_aos == 2);

    const std::string web = kFolder + "/BC2/WebClient/navsettings.json";
    const RunResult set = box.run({"set", "SessionTimeout=45m", kFolder});
    INFO(set.err);
    REQUIRE(set.code == 0);
    CHECK(contains(set.out, "updated " + native(web) + ": SessionTimeout (not set) -> 00:45:00 (45m)\n"));
    CHECK(contains(read_bytes(box.root() / path_from_utf8(web)), "\"SessionTimeout\":  \"00:45:00\""));
    CHECK(box.run({"set", "--check", "SessionTimeout=45m", kFolder}).code == 0);
  }
}

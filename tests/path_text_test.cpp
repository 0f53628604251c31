// Paths as UTF-8 text: a deployment folder named with characters no ANSI code page holds
// (Zürich-東京; Αθήνα, Łódź-żółć, 東京) is named on the command line, in --config, the
// environment and the working directory, printed back, and `set` writes there.

#include <string>

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include "text/path_text.hpp"
#include "set_harness.hpp"
#include "text/utf8.hpp"

#ifdef _WIN32
#define WIN32_LEAN_AND_MEAN
#include <windows.h>
#endif

using namespace sessiontool;
using namespace sessiontool::test;

namespace {

const std::string kFolder = "Zürich-東京";  // this file is UTF-8

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

// A URI's path with its %XX escapes decoded (SARIF's artifact locations).
std::string percent_decoded(const std::string& uri) {
  std::string text;
  for (std::size_t i = 0; i < uri.size(); ++i) {
    if (uri[i] == '%' && i + 2 < uri.size()) {
      text += static_cast<char>(std::stoi(uri.substr(i + 1, 2), nullptr, 16));
      i += 2;
    } else {
      text += uri[i];
    }
  }
  return text;
}

const char* const kScripts[] = {"Αθήνα", "Łódź-żółć", "東京"};  // Greek, Polish, Japanese

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

  // What a deployment script does with a path, for folders in three scripts no single ANSI code
  // page holds together: each name reaches sessiontool and comes back in every message.
  TEST_CASE("Greek, Polish and Japanese folders: arguments, --config, the configuration found upward, GITHUB_WORKSPACE") {
    for (const std::string folder : kScripts) {
      CAPTURE(folder);
      SetSandbox box;
      box.copy("fleet", folder + "/fleet");
      const std::string fleet = folder + "/fleet";

      // An argument: every path printed for people, and in JSON and SARIF.
      const RunResult text = box.run({"lint", fleet});
      CHECK(text.code == 1);
      CHECK(contains(text.out, native(fleet + "/FO/web.config") + ":8:64: warning: "));
      const RunResult json = box.run({"lint", "--format", "json", fleet});
      CHECK(nlohmann::json::parse(json.out).at("diagnostics").at(0).at("file") == fleet + "/FO/web.config");
      const RunResult sarif = box.run({"lint", "--format", "sarif", fleet});
      const auto log = nlohmann::json::parse(sarif.out);
      const auto& location = log.at("runs").at(0).at("results").at(0).at("locations").at(0);
      CHECK(percent_decoded(location.at("physicalLocation").at("artifactLocation").at("uri")) == fleet + "/FO/web.config");

      // A file that is not there: the message names it.
      const RunResult missing = box.run({"lint", folder + "/BC9/CustomSettings.config"});
      CHECK(missing.code == 3);
      CHECK(contains(missing.out, native(folder + "/BC9/CustomSettings.config") + ": error: cannot read: No such file or directory [ST001]"));

      // --config: read from there, and named in its error.
      write_bytes(box.root() / path_from_utf8(folder + "/bad.json"), "{\"disable\": [\"ST9\"]}");
      const RunResult bad = box.run({"lint", "--config", folder + "/bad.json", fleet});
      CHECK(bad.code == 2);
      // (As typed: on Windows this one path keeps its "/"; the separator is not what this tests.)
      CHECK((contains(bad.err, native(folder + "/bad.json") + ":1:14: unknown rule 'ST9'") ||
             contains(bad.err, folder + "/bad.json:1:14: unknown rule 'ST9'")));

      // .sessiontool.json found from a working directory in the folder, upward.
      write_bytes(box.root() / path_from_utf8(folder + "/.sessiontool.json"), "{\"disable\": [\"ST202\"]}");
      const RunResult found = box.run({"lint", "."}, {.dir = fleet + "/FO"});
      CHECK(found.code == 0);  // only ST203, an info, is left
      CHECK_FALSE(contains(found.out, "ST202"));
      CHECK(contains(found.out, "[ST203]"));

      // GITHUB_WORKSPACE: annotation paths relative to it, from a step that changed directory.
      const RunResult github =
          box.run({"lint", "--format", "github", "."},
                  {.dir = fleet, .env = {{"GITHUB_ACTIONS", "true"}, {"GITHUB_WORKSPACE", utf8_text(box.root())}}});
      CHECK(contains(github.out, "::notice file=" + fleet + "/FO/web.config,line=8,col=64,"));

      // set: the diff, the messages, the backup beside the file.
      const std::string web = fleet + "/BC1/WebClient/navsettings.json";
      const RunResult dry = box.run({"set", "--dry-run", "SessionTimeout=45m", fleet});
      CHECK(contains(dry.out, "--- " + native(web) + "\n+++ " + native(web) + "\n"));
      const RunResult set = box.run({"set", "--backup", "SessionTimeout=45m", fleet});
      CHECK(set.code == 0);
      CHECK(contains(set.out, "updated " + native(web) + ": SessionTimeout 00:20:00 (20m) -> 00:45:00 (45m)\n"));
      CHECK(fs::exists(box.root() / path_from_utf8(web + ".bak")));
    }
  }

#ifdef _WIN32
  // Windows gives its reasons in the ANSI code page (FormatMessageA, behind std::system_category):
  // in a Japanese Windows (code page 932) they would reach the output as bytes that are not
  // UTF-8, beside a path in UTF-8. The manifest makes UTF-8 the program's code page. Under
  // wine, tests/scripts/wine_unicode_test.sh runs this in Greek, Polish and Japanese sessions.
  TEST_CASE("a file another program holds open: the system's reason, in UTF-8 whatever the ANSI code page") {
    wchar_t* wide_reason = nullptr;
    FormatMessageW(FORMAT_MESSAGE_ALLOCATE_BUFFER | FORMAT_MESSAGE_FROM_SYSTEM | FORMAT_MESSAGE_IGNORE_INSERTS,
                   nullptr, ERROR_SHARING_VIOLATION, 0, reinterpret_cast<wchar_t*>(&wide_reason), 0, nullptr);
    REQUIRE(wide_reason);
    std::string reason = utf8_text(fs::path(wide_reason));  // UTF-16 to UTF-8
    LocalFree(wide_reason);
    // Without the line break and the full stop ("." or "。"), which messages may drop.
    while (!reason.empty() && (reason.back() == '\r' || reason.back() == '\n' || reason.back() == ' ')) reason.pop_back();
    if (reason.ends_with(".")) reason.pop_back();
    if (reason.ends_with("。")) reason.resize(reason.size() - std::string_view("。").size());
    for (const std::string folder : kScripts) {
      CAPTURE(folder);
      SetSandbox box;
      const std::string file = folder + "/CustomSettings.config";
      box.copy("server/CustomSettings.config", file);
      const HANDLE held = CreateFileW((box.root() / path_from_utf8(file)).c_str(), GENERIC_READ, 0, nullptr,
                                      OPEN_EXISTING, FILE_ATTRIBUTE_NORMAL, nullptr);
      REQUIRE(held != INVALID_HANDLE_VALUE);
      const RunResult run = box.run({"lint", file});
      CloseHandle(held);
      CHECK(run.code == 3);
      CHECK(is_valid_utf8(run.out));
      CAPTURE(run.out);
      const std::string first_line = run.out.substr(0, run.out.find('\n'));
      CHECK(first_line.starts_with(native(file) + ": error: cannot read: " + reason));
      CHECK(first_line.ends_with(" [ST001]"));  // one line, though Windows ends its reasons with a line break
    }
  }
#endif
}

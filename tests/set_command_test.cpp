// `sessiontool set` as a deployment script runs it: on real files, checking what is on the
// disk afterwards (bytes, modification times, links, backups).

#include <string>

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include "corpus.hpp"
#include "set_harness.hpp"

using namespace sessiontool::test;

namespace {

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

// A path as sessiontool prints it on this system ("a\\b" on Windows).
std::string native(const std::string& path) { return fs::path(path).make_preferred().string(); }

std::string replaced(std::string text, const std::string& from, const std::string& to) {
  const std::size_t at = text.find(from);
  REQUIRE(at != std::string::npos);
  return text.replace(at, from.size(), to);
}

// A real-sized CustomSettings.config through the command line: a value changed and one
// inserted, then removed and put back, gives the original bytes.
void check_set_insert_unset(const std::string& original) {
  SetSandbox box;
  const fs::path file = box.root() / "CustomSettings.config";
  write_bytes(file, original);
  REQUIRE(box.run({"set", "ClientServicesReconnectPeriod=5m", "ClientServicesIdleClientTimeout=30m", "."}).code == 0);
  const std::string edited = read_bytes(file);
  CHECK(contains(edited, "key=\"ClientServicesIdleClientTimeout\" value=\"00:30:00\""));
  CHECK(contains(edited, "key=\"ClientServicesReconnectPeriod\" value=\"00:05:00\""));
  REQUIRE(box.run({"set", "--unset", "ClientServicesReconnectPeriod", "ClientServicesIdleClientTimeout=MaxValue",
                   "CustomSettings.config"})
              .code == 0);
  CHECK(read_bytes(file) == original);
}

}  // namespace

TEST_SUITE("set command") {
  TEST_CASE("deployment script: SessionTimeout=45m across a fleet, then show sees 45m everywhere") {
    SetSandbox box;
    box.copy("fleet", "instances");
    const auto before = box.snapshot();

    const RunResult set = box.run({"set", "SessionTimeout=45m", "instances"});
    INFO(set.err);
    REQUIRE(set.code == 0);
    CHECK(contains(set.out, "updated " + native("instances/BC1/WebClient/navsettings.json") + ": SessionTimeout 00:20:00 (20m) -> 00:45:00 (45m)\n"));
    CHECK(contains(set.out, "updated " + native("instances/BC2/WebClient/navsettings.json") + ": SessionTimeout (not set) -> 00:45:00 (45m)\n"));
    CHECK(contains(set.out, "unchanged " + native("instances/BC3/WebClient/navsettings.json") + ": SessionTimeout is already 00:45:00 (45m)\n"));

    // Only the two web files changed; the server files, the F&O file and BC3 were not written.
    const auto after = box.snapshot();
    for (const auto& entry : before) {
      const fs::path& path = entry.first;
      CAPTURE(path);
      const bool changed = path == "instances/BC1/WebClient/navsettings.json" ||
                           path == "instances/BC2/WebClient/navsettings.json";
      CHECK((after.at(path) == entry.second) == !changed);
    }
    CHECK(after.size() == before.size());  // no temporary or backup file left
    CHECK(after.at("instances/BC2/WebClient/navsettings.json").bytes ==
          replaced(before.at("instances/BC2/WebClient/navsettings.json").bytes, "\"ClientServicesPort\":  7085\r\n",
                   "\"ClientServicesPort\":  7085,\r\n    \"SessionTimeout\":  \"00:45:00\"\r\n"));

    const RunResult show = box.run({"show", "--format", "json", "instances"});
    REQUIRE(show.code == 0);
    const auto json = nlohmann::json::parse(show.out);
    int business_central = 0;
    for (const auto& deployment : json.at("deployments")) {
      if (deployment.at("product") != "business-central") continue;
      ++business_central;
      CAPTURE(deployment.at("name"));
      CHECK(deployment.at("effective").at("inactivity_timeout").at("seconds") == 2700);
      CHECK(deployment.at("settings").at("SessionTimeout").at("origin") == "file");
    }
    CHECK(business_central == 3);

    // Idempotent: the second run writes nothing, and --check finds no drift.
    const RunResult again = box.run({"set", "SessionTimeout=45m", "instances"});
    CHECK(again.code == 0);
    CHECK_FALSE(contains(again.out, "updated"));
    CHECK(box.snapshot() == after);
    CHECK(box.run({"set", "--check", "SessionTimeout=45m", "instances"}).code == 0);
    CHECK(box.run({"set", "--check", "SessionTimeout=30m", "instances"}).code == 1);
  }

  TEST_CASE("set --format json after a real write: files, deployments affected, and only the restarts needed") {
    SetSandbox box;
    box.copy("fleet", "instances");
    const RunResult set = box.run({"set", "--format", "json", "--platform", "20", "SessionTimeout=45m",
                                   "ClientServicesReconnectPeriod=5m", "instances"});
    INFO(set.err);
    REQUIRE(set.code == 0);
    const auto json = nlohmann::json::parse(set.out);
    CHECK(json.at("written") == true);
    int modified = 0;
    for (const auto& file : json.at("files")) {
      modified += file.at("modified").get<bool>() ? 1 : 0;
      CHECK_FALSE(file.contains("patch"));  // written: no patch
    }
    CHECK(modified == 5);  // three servers get the reconnect period, two web files the timeout
    // Every BC instance restarts for its reconnect period; web files recycle by themselves.
    std::vector<std::string> commands;
    int recycles = 0;
    for (const auto& action : json.at("actions")) {
      for (const auto& command : action.at("commands")) commands.push_back(command);
      recycles += action.at("kind") == "web-recycle" ? 1 : 0;
    }
    std::ranges::sort(commands);
    CHECK(commands == std::vector<std::string>{"Restart-NAVServerInstance BC1", "Restart-NAVServerInstance BC2",
                                               "Restart-NAVServerInstance BC3"});
    CHECK(recycles == 2);
    for (const auto& d : json.at("deployments")) {
      CAPTURE(d.at("name"));
      CHECK(d.at("status") == "changed");
      CHECK(d.at("after").at("reconnect_window").at("seconds") == 540);
    }
    // Run again: no file changes, so there is nothing to say about sessions.
    const RunResult text = box.run({"set", "SessionTimeout=45m", "instances"});
    CHECK_FALSE(contains(text.out, "What this does to sessions"));
  }

  TEST_CASE("a BOM + CRLF file: only the value's bytes change") {
    SetSandbox box;
    const auto file = box.copy("server/CustomSettings.config");
    const std::string original = read_bytes(file);
    REQUIRE(box.run({"set", "ClientServicesIdleClientTimeout=1h", file.string()}).code == 0);
    CHECK(read_bytes(file) == replaced(original, "value=\"MaxValue\"", "value=\"01:00:00\""));
  }

  TEST_CASE("large fixtures: set, insert and unset through the command line") {
    for (const char* folder : {"lf", "bom", "bom-mixed"}) {
      CAPTURE(folder);
      check_set_insert_unset(read_bytes(large_fixture(folder)));
    }
  }

  TEST_CASE("corpus files: set, insert and unset through the command line") {
    const auto corpus = corpus_or_skip();
    if (!corpus) return;
    for (const std::string& name : corpus_files()) {
      CAPTURE(name);
      check_set_insert_unset(read_bytes(*corpus / name));
    }
  }

  TEST_CASE("a refused value leaves the file byte-identical and unwritten") {
    SetSandbox box;
    box.copy("web/navsettings.json", "navsettings.json");
    const auto before = box.snapshot();
    // "10" is ten days to .NET: a deployment script meant a unit, so it must say which.
    const RunResult ambiguous = box.run({"set", "SessionTimeout=10", "navsettings.json"});
    CHECK(ambiguous.code == 4);
    CHECK(contains(ambiguous.err, "write 10m, 10h or 10d"));
    const RunResult refused = box.run({"set", "SessionTimeout=-5m", "Server=x", "."});
    CHECK(refused.code == 4);
    CHECK(contains(refused.err, "ST009"));
    CHECK(box.run({"set", "SessionTimeout=abc", "."}).code == 4);
    CHECK(box.snapshot() == before);
  }

  TEST_CASE("--force writes a refused value") {
    SetSandbox box;
    const auto file = box.copy("web/navsettings.json", "navsettings.json");
    const RunResult result = box.run({"set", "--force", "SessionTimeout=00:00:00", "."});
    CHECK(result.code == 0);
    CHECK(contains(result.err, "ST009"));
    CHECK(contains(read_bytes(file), "\"SessionTimeout\":  \"00:00:00\""));
  }

  TEST_CASE("--dry-run and --check print the diff and write nothing") {
    SetSandbox box;
    box.copy("fleet", "fleet");
    const auto before = box.snapshot();
    const RunResult dry = box.run({"set", "--dry-run", "SessionTimeout=45m", "fleet"});
    CHECK(dry.code == 0);
    CHECK(contains(dry.out, "--- " + native("fleet/BC1/WebClient/navsettings.json") + "\n+++ " + native("fleet/BC1/WebClient/navsettings.json") + "\n"));
    CHECK(contains(dry.out, "-    \"SessionTimeout\":  \"00:20:00\"\n+    \"SessionTimeout\":  \"00:45:00\"\n"));
    const RunResult check = box.run({"set", "--check", "SessionTimeout=45m", "fleet"});
    CHECK(check.code == 1);
    CHECK(check.out == dry.out);
    CHECK(box.snapshot() == before);
  }

  TEST_CASE("all or nothing: one malformed file and no file is changed") {
    SetSandbox box;
    box.copy("broken-fleet", "fleet");
    const auto before = box.snapshot();
    const RunResult result = box.run({"set", "SessionTimeout=45m", "fleet"});
    CHECK(result.code == 3);
    CHECK(contains(result.err, native("fleet/BC3/WebClient/navsettings.json") + ":4:5:"));
    CHECK(contains(result.err, "nothing was written"));
    CHECK(box.snapshot() == before);
  }

  TEST_CASE("all or nothing: one file with no place for the key and no file is changed") {
    SetSandbox box;
    box.copy("fleet", "fleet");
    write_bytes(box.root() / "fleet" / "BC4" / "navsettings.json", "{\n  \"ApplicationIdSettings\": {}\n}\n");
    const auto before = box.snapshot();
    const RunResult result = box.run({"set", "SessionTimeout=45m", "fleet"});
    CHECK(result.code == 3);
    CHECK(contains(result.err, "NAVWebSettings"));
    CHECK(box.snapshot() == before);
  }

  TEST_CASE("--backup keeps FILE.bak, which a later fleet run does not mistake for an instance") {
    SetSandbox box;
    const auto dir = box.copy("aos", "AOSService");
    const std::string original = read_bytes(dir / "web.config");
    const RunResult result = box.run({"set", "--backup", "--unset", "WebClientStatefulSessionTimeoutInSeconds", "."});
    CHECK(result.code == 0);
    CHECK(contains(result.err, "system parameter"));
    CHECK(read_bytes(dir / "web.config.bak") == original);
    CHECK_FALSE(contains(read_bytes(dir / "web.config"), "WebClientStatefulSessionTimeoutInSeconds"));
    // Without the override the file is still an F&O file, and show falls back to the system parameter.
    const RunResult show = box.run({"show", "--format", "json", "--fo-inactivity-timeout", "20m", "."});
    REQUIRE(show.code == 0);
    const auto json = nlohmann::json::parse(show.out);
    REQUIRE(json.at("deployments").size() == 1);
    CHECK(json.at("deployments")[0].at("effective").at("inactivity_timeout").at("seconds") == 1200);
  }

  TEST_CASE("a symlinked file: the target is rewritten, the link stays") {
    SetSandbox box;
    const auto target = box.copy("web/navsettings.json", "releases/42/navsettings.json");
    fs::create_directories(box.root() / "BC" / "WebClient");
    const fs::path link = box.root() / "BC" / "WebClient" / "navsettings.json";
    std::error_code ec;
    fs::create_symlink("../../releases/42/navsettings.json", link, ec);
    if (ec) return;  // Windows without the privilege to create links
    const RunResult result = box.run({"set", "--backup", "SessionTimeout=1h", "BC", "releases"});
    CHECK(result.code == 0);
    CHECK(fs::is_symlink(link));
    CHECK(contains(read_bytes(target), "\"SessionTimeout\":  \"01:00:00\""));
    CHECK(fs::exists(target.string() + ".bak"));
    // Reached twice (through the link and directly), edited and reported once.
    CHECK(result.out.find("updated") == result.out.rfind("updated"));
  }

  TEST_CASE("a key set twice: the last occurrence changes, with a warning") {
    SetSandbox box;
    write_bytes(box.root() / "CustomSettings.config",
                "<appSettings>\n  <add key=\"SqlCommandTimeout\" value=\"00:10:00\" />\n"
                "  <add key=\"SqlCommandTimeout\" value=\"00:20:00\" />\n</appSettings>\n");
    const RunResult result = box.run({"set", "SqlCommandTimeout=1h", "."});
    CHECK(result.code == 0);
    CHECK(contains(result.err, "CustomSettings.config:3:"));
    CHECK(contains(result.err, "set 2 times"));
    CHECK(read_bytes(box.root() / "CustomSettings.config") ==
          "<appSettings>\n  <add key=\"SqlCommandTimeout\" value=\"00:10:00\" />\n"
          "  <add key=\"SqlCommandTimeout\" value=\"01:00:00\" />\n</appSettings>\n");
  }
}

// lint over files on disk: the same findings, in the same order, with one worker or several,
// and the same as the driver over documents read beforehand (load_inputs, lint_inputs), on a
// generated fleet with findings.

#include <algorithm>
#include <cstdlib>
#include <map>
#include <mutex>
#include <set>

#include <doctest/doctest.h>

#include "corpus.hpp"
#include "lint/diagnostic.hpp"
#include "read/file_walk.hpp"
#include "fixtures.hpp"
#include "lint/lint_files.hpp"
#include "text/path_text.hpp"
#include "set_harness.hpp"

using namespace sessiontool;
using namespace sessiontool::test;

namespace {

std::string replaced(std::string text, const std::string& from, const std::string& to) {
  const auto at = text.find(from);
  REQUIRE_MESSAGE(at != std::string::npos, from);
  return text.replace(at, from.size(), to);
}

// A fleet in the shape bench/generate_fleet.py writes, smaller: a large CustomSettings.config
// (testdata/large/lf) with each deployment's instance and timeout, a navsettings.json each, an
// F&O web.config for every tenth, and the mistakes lint exists for here and there.
void write_fleet(const fs::path& root, int deployments) {
  const std::string large = platform::read_file(large_fixture("lf")).value();
  const char* idle[] = {"MaxValue", "00:20:00", "01:00:00", "02:00:00"};
  const char* session[] = {"00:20:00", "01:00:00", "00:30:00", "08:00:00", "00:10:00"};
  for (int i = 0; i < deployments; ++i) {
    const std::string name = (i % 3 == 0 ? "Contoso-" : i % 3 == 1 ? "Fabrikam." : "Northwind_") + std::to_string(i);
    const std::string instance = "BC" + std::to_string(i % 7 == 0 ? 0 : i);  // some share a name
    std::string server = replaced(large, "value=\"BusinessCentral250\"", "value=\"" + instance + "\"");
    server = replaced(server, "<add key=\"ClientServicesIdleClientTimeout\" value=\"MaxValue\"/>",
                      std::string("<add key=\"ClientServicesIdleClientTimeout\" value=\"") + idle[i % 4] + "\"/>");
    std::string extra;
    if (i % 4 == 1) extra += "  <add key=\"ClientServicesIdleClientTimout\" value=\"00:30:00\"/>\n";  // ST005
    if (i % 5 == 2) extra += "  <add key=\"ClientServicesIdleClientTimeout\" value=\"00:15:00\"/>\n";  // ST004
    if (i % 6 == 3) extra += "  <add key=\"SearchTimeout\" value=\"ten seconds\"/>\n";                 // ST003
    server = replaced(server, "</appSettings>", extra + "</appSettings>");
    write_bytes(root / name / "Service" / "CustomSettings.config", server);
    const std::string web_instance = i % 9 == 4 ? instance + "-OLD" : instance;  // ST105
    const std::string timeout = i % 8 == 5 ? "20" : session[i % 5];              // ST006
    write_bytes(root / name / "WebClient" / "navsettings.json",
                navsettings_text({{"ServerInstance", web_instance}, {"SessionTimeout", timeout}}));
    if (i % 10 == 0)
      write_bytes(root / name / "AOSService" / "webroot" / "web.config",
                  aos_config_text({{"WebClientStatefulSessionTimeoutInSeconds", i % 20 == 0 ? "7200" : "1800"}}));
  }
  write_bytes(root / "Broken" / "navsettings.json", "{\"NAVWebSettings\": {\"SessionTimeout\": }");  // ST002
  // ST106: two nodes of one instance, equally near the web instance, in folders whose order
  // differs between output (by text: "Node-B/" first) and a directory's listing ("Node" first).
  write_bytes(root / "Shared" / "Node" / "CustomSettings.config", server_config_text({{"ServerInstance", "SHARED"}}));
  write_bytes(root / "Shared" / "Node-B" / "CustomSettings.config", server_config_text({{"ServerInstance", "SHARED"}}));
  write_bytes(root / "Shared" / "WebClient" / "navsettings.json", navsettings_text({{"ServerInstance", "shared"}}));
}

// Servers and web instances kept in two trees, servers/BCi and webs/BCi: ST006 (a web file's own
// finding) on every even web instance, ST101 (its deployment's) on the odd ones.
void write_two_trees(const fs::path& root, int instances) {
  for (int i = 0; i < instances; ++i) {
    const std::string instance = "BC" + std::to_string(i);
    write_bytes(root / "servers" / instance / "CustomSettings.config",
                server_config_text({{"ServerInstance", instance}, {"ClientServicesIdleClientTimeout", "MaxValue"}}));
    write_bytes(root / "webs" / instance / "navsettings.json",
                navsettings_text({{"ServerInstance", instance}, {"SessionTimeout", i % 2 ? "MaxValue" : "20"}}));
  }
}

// Every field a formatter prints (the deployment too: the markdown groups by it).
std::vector<std::string> described(const LintReport& report) {
  std::vector<std::string> lines{std::to_string(report.files) + " files, " + std::to_string(report.deployments) +
                                 " deployments"};
  for (const Diagnostic& d : report.diagnostics)
    lines.push_back(std::string(d.rule) + " " + to_string(d.severity) + " " + d.path.generic_string() + ":" +
                    std::to_string(d.start.line) + ":" + std::to_string(d.start.column) + "-" +
                    std::to_string(d.end.line) + ":" + std::to_string(d.end.column) + " [" + d.setting + "] " +
                    d.message + " {" + std::to_string(d.deployment) + " " + d.deployment_name + "}");
  return lines;
}

}  // namespace

TEST_SUITE("lint files") {
  TEST_CASE("one worker and several report the same, in the same order, as lint over documents read beforehand") {
    SetSandbox box;
    write_fleet(box.root() / "fleet", 45);
    const std::vector<fs::path> paths{box.root() / "fleet"};
    LintOptions options;
    options.policy.max_inactivity = Duration::minutes(90);

    const LintReport read_first = lint_inputs(load_inputs(paths, std::nullopt, 1), options).report;
    const std::vector<std::string> whole = described(read_first);
    std::set<std::string> rules;
    for (const Diagnostic& d : read_first.diagnostics) rules.emplace(d.rule);
    // The fleet has something to report, or this test proves nothing.
    for (const char* rule : {"ST002", "ST003", "ST004", "ST005", "ST006", "ST102", "ST105", "ST106", "ST201", "ST203",
                             "ST301"})
      CHECK_MESSAGE(rules.contains(rule), std::string(rule));

    for (unsigned jobs : {1u, 2u, 3u, 8u}) {
      const LintFilesResult result = lint_files(paths, std::nullopt, options, {.jobs = jobs});
      CHECK_MESSAGE(described(result.report) == whole, jobs << " workers");
      CHECK(result.read_errors);
    }
  }

  TEST_CASE("servers and web instances in two trees: the web instances' findings wait for their files") {
    SetSandbox box;
    write_two_trees(box.root(), 30);
    const std::vector<fs::path> paths{box.root()};
    const LintReport whole = lint_inputs(load_inputs(paths, std::nullopt), {}).report;
    std::size_t on_web = 0;
    for (const Diagnostic& d : whole.diagnostics) on_web += d.path.parent_path().parent_path().filename() == "webs";
    CHECK(on_web >= 30);  // ST101 or ST006 on every web instance
    for (unsigned jobs : {1u, 2u})
      CHECK(described(lint_files(paths, std::nullopt, {}, {.jobs = jobs}).report) == described(whole));
  }

  TEST_CASE("every finding names its deployment, a file's own findings too, an unreadable file is in none") {
    SetSandbox box;
    write_two_trees(box.root(), 12);
    write_bytes(box.root() / "webs" / "Broken" / "navsettings.json", "{\"NAVWebSettings\": {\"SessionTimeout\": }");
    const LintFilesResult result = lint_files({box.root()}, std::nullopt, {}, {.jobs = 2});
    std::set<std::uint32_t> numbers;
    std::size_t own = 0;
    for (const Diagnostic& d : result.report.diagnostics) {
      if (d.rule == "ST002") {
        CHECK(d.deployment == 0);
        CHECK(d.deployment_name.empty());
        continue;
      }
      own += d.rule == "ST006";
      // The folder is named after the instance the deployment is named after.
      CHECK_MESSAGE(d.deployment_name == utf8_text(d.path.parent_path().filename()) + " (Business Central)",
                    d.path.generic_string());
      CHECK(d.deployment >= 1);
      CHECK(d.deployment <= result.report.deployments);
      numbers.insert(d.deployment);
    }
    CHECK(own == 6);
    CHECK(numbers.size() == 12);  // one number per deployment, none shared
  }

  TEST_CASE("a container description's findings name their container, numbered in path order") {
    const fs::path data = fs::path(SESSIONTOOL_SOURCE_DIR) / "testdata";
    const std::vector<fs::path> paths{data / "containers" / "rules.json", data / "sample"};
    const LintFilesResult in_memory = lint_files(paths, std::nullopt, {}, {.jobs = 2});
    // Read beforehand, given in another order: numbered the same.
    const LintReport read_first = lint_inputs(load_inputs({paths[1], paths[0]}, std::nullopt), {}).report;
    CHECK(described(read_first) == described(in_memory.report));
    std::set<std::string> rules;
    for (const Diagnostic& d : in_memory.report.diagnostics) {
      if (d.path.filename() == "rules.json") {
        rules.insert(std::string(d.rule));
        CHECK(d.deployment == 1);
        CHECK(d.deployment_name == "bc-rules (Business Central)");
      } else if (d.path.parent_path().filename() == "FO-Prod") {
        CHECK(d.deployment == 3);  // after the container, and BC230 (which has no findings)
        CHECK(d.deployment_name == "FO-Prod (Finance & Operations)");
      }
    }
    CHECK(rules.contains("ST401"));  // the description has its container's own findings
  }

  TEST_CASE("explicit files, --as and a missing file are read as load_inputs reads them") {
    const fs::path data = fs::path(SESSIONTOOL_SOURCE_DIR) / "testdata" / "lint";
    const std::vector<fs::path> paths{data / "fleet", data / "malformed" / "navsettings.json", data / "no-such-file.config",
                                      data / "clean" / "BC" / "Service" / "CustomSettings.config"};
    for (std::optional<FileKind> as : {std::optional<FileKind>(), std::optional<FileKind>(FileKind::server)}) {
      const std::vector<std::string> whole = described(lint_inputs(load_inputs(paths, as), {}).report);
      for (unsigned jobs : {1u, 4u})
        CHECK(described(lint_files(paths, as, {}, {.jobs = jobs}).report) == whole);
    }
  }

  TEST_CASE("progress counts every file and ends at the total") {
    SetSandbox box;
    write_fleet(box.root(), 12);
    std::size_t calls = 0, last_done = 0, last_total = 0;
    lint_files({box.root()}, std::nullopt, {},
               {.jobs = 2, .progress = [&](std::size_t done, std::size_t total) {
                  ++calls;
                  CHECK(done <= total);
                  last_done = done;
                  last_total = total;
                }});
    CHECK(calls > 0);
    CHECK(last_done == 12 * 2 + 2 + 1 + 3);  // servers, web instances, two AOS, the broken file, Shared
    CHECK(last_total == last_done);
  }

  TEST_CASE("the walk numbers files in output order, whatever sorts before the separator, finding what find_config_files finds") {
    SetSandbox box;
    for (const char* dir : {"a", "a-b", "a.b", "a b", "ab", "a/b", "a/b-c", "A", "a/b/c"})
      write_bytes(box.root() / dir / "navsettings.json", navsettings_text({}));
    write_bytes(box.root() / "a.json" / "CustomSettings.config", "");  // a folder named like a file
    write_bytes(box.root() / "a/CustomSettings.config", "");
    std::map<std::size_t, fs::path> walked;  // by place
    std::mutex mutex;
    walk_files({box.root()}, std::nullopt, 3, [&](FoundFile&& file, std::size_t place) {
      const std::scoped_lock lock(mutex);
      CHECK(walked.emplace(place, file.path).second);
    }, {});
    std::vector<fs::path> in_order;
    for (const auto& [place, path] : walked) in_order.push_back(path);
    std::vector<fs::path> found = find_config_files(box.root());  // 10 where "A" is "a" (Windows)
    REQUIRE(found.size() >= 10);
    REQUIRE(walked.size() == found.size());
    CHECK(walked.rbegin()->first == found.size() - 1);  // places from 0, each once
    const auto output_order = [](const fs::path& a, const fs::path& b) { return path_before(a.native(), b.native()); };
    CHECK(std::ranges::is_sorted(in_order, output_order));
    std::ranges::sort(found, output_order);
    CHECK(in_order == found);
  }

  TEST_CASE("the walk merges its paths into one order, and a file named twice comes twice, side by side") {
    SetSandbox box;
    for (const char* dir : {"x/1", "x/2", "y", "z"})
      write_bytes(box.root() / dir / "navsettings.json", navsettings_text({}));
    std::map<std::size_t, std::pair<fs::path, std::size_t>> walked;  // place: path, input
    std::mutex mutex;
    const fs::path x = box.root() / "x", z = box.root() / "z", x2 = box.root() / "x" / "2" / "navsettings.json";
    walk_files({z, x, x2}, std::nullopt, 2, [&](FoundFile&& file, std::size_t place) {
      const std::scoped_lock lock(mutex);
      walked.emplace(place, std::pair{file.path, file.input});
    }, {});
    std::vector<std::pair<fs::path, std::size_t>> in_order;
    for (const auto& [place, file] : walked) in_order.push_back(file);
    const std::vector<std::pair<fs::path, std::size_t>> expected{
        {x / "1" / "navsettings.json", 1}, {x2, 1}, {x2, 2}, {z / "navsettings.json", 0}};
    CHECK(in_order == expected);
  }

#ifndef _WIN32
  TEST_CASE("the binary prints the same with SESSIONTOOL_JOBS=1 and 4, and refuses a bad count") {
    SetSandbox box;
    write_fleet(box.root() / "fleet", 30);
    std::vector<RunResult> runs;
    for (const char* jobs : {"1", "4"}) {
      ::setenv("SESSIONTOOL_JOBS", jobs, 1);
      runs.push_back(box.run({"lint", "--format", "json", "fleet"}));
      runs.push_back(box.run({"lint", "--format", "sarif", "fleet"}));
    }
    ::setenv("SESSIONTOOL_JOBS", "many", 1);
    const RunResult bad = box.run({"lint", "fleet"});
    ::unsetenv("SESSIONTOOL_JOBS");
    CHECK(runs[0].code == 3);  // the broken file
    CHECK(runs[0].out.find("\"ST005\"") != std::string::npos);
    CHECK(runs[0].out == runs[2].out);
    CHECK(runs[1].out == runs[3].out);
    CHECK(runs[0].code == runs[2].code);
    CHECK(bad.code == 2);
    CHECK(bad.err.find("SESSIONTOOL_JOBS=many") != std::string::npos);
  }

  TEST_CASE("a large fleet needs no temporary directory: what is kept of each file stays in memory") {
    SetSandbox box;
    for (int i = 0; i < 3000; ++i)
      write_bytes(box.root() / "fleet" / ("a-web-instance-of-a-large-fleet-" + std::to_string(i)) / "navsettings.json",
                  navsettings_text({}));
    const RunResult run = [&] {
      const ScopedEnv tmpdir("TMPDIR", (box.root() / "no-such-dir").string());
      return box.run({"lint", "--format", "json", "--fail-on", "none", "fleet"});
    }();
    CHECK(run.code == 0);
    CHECK(run.err.empty());
    CHECK(run.out.find("\"files\": 3000") != std::string::npos);
  }
#endif
}

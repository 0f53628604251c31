// set's planning: keys looked up as the products read them, values checked before any file is
// read, and the files found by the walk lint makes, in the order the paths were given.

#include "edit/set_plan.hpp"

#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

#include <doctest/doctest.h>

#include "text/path_text.hpp"

using namespace sessiontool;
namespace fs = std::filesystem;

namespace {

const fs::path kSet = fs::path(SESSIONTOOL_SOURCE_DIR) / "testdata" / "set";

KeyPlan planned(std::string_view key, std::optional<std::string> value) {
  auto plan = plan_key(key, std::move(value));
  REQUIRE_MESSAGE(plan.has_value(), (plan ? std::string() : plan.error()));
  return *plan;
}

std::vector<std::string> names(const TargetFiles& files) {
  std::vector<std::string> out;
  for (const Document& doc : files.documents) {
    std::string name = utf8_text(fs::relative(doc.path, kSet));
    std::ranges::replace(name, '\\', '/');  // Windows' separators
    out.push_back(std::move(name));
  }
  return out;
}

}  // namespace

TEST_SUITE("set_plan") {
  TEST_CASE("a key in any letter case gets Microsoft's spelling, an unknown one names the nearest") {
    CHECK(planned("sessiontimeout", "45m").key == "SessionTimeout");
    const auto unknown = plan_key("SessionTimout", "45m");
    REQUIRE_FALSE(unknown);
    CHECK(unknown.error() == "unknown setting 'SessionTimout' (did you mean 'SessionTimeout'?); 'sessiontool show --all' lists the settings sessiontool knows");
  }

  TEST_CASE("SessionTimeout=10 is refused as ten days, and written with --force") {
    std::vector<std::string> refusals, warnings;
    KeyPlan plan = planned("SessionTimeout", "10");
    prepare_values(plan, false, 0, refusals, [&](const std::string& w) { warnings.push_back(w); });
    REQUIRE(refusals.size() == 1);
    CHECK(refusals[0].starts_with("SessionTimeout=10 would be 10d (10.00:00:00) as a .NET TimeSpan"));
    refusals.clear();
    prepare_values(plan, true, 0, refusals, [&](const std::string& w) { warnings.push_back(w); });
    CHECK(refusals.empty());
    CHECK(plan.native == std::vector<std::string>{"10.00:00:00"});  // unambiguous in the file
    CHECK(edits_for({plan}, FileKind::web).size() == 1);
    CHECK(edits_for({plan}, FileKind::server).empty());
  }

  TEST_CASE("a directory gives the files of the keys' kinds, in path order, a file named twice is edited once") {
    const std::vector<KeyPlan> keys{planned("SessionTimeout", "45m")};
    auto files = find_targets({kSet / "fleet" / "BC2", kSet / "fleet", kSet / "fleet" / "BC1" / "WebClient" / "navsettings.json"},
                              keys, std::nullopt);
    REQUIRE(files);
    CHECK(files->errors.empty());
    // BC2 first, as it was given first; then the rest of the fleet, the servers and the F&O file skipped.
    CHECK(names(*files) == std::vector<std::string>{"fleet/BC2/WebClient/navsettings.json",
                                                    "fleet/BC1/WebClient/navsettings.json",
                                                    "fleet/BC3/WebClient/navsettings.json"});
  }

  TEST_CASE("an explicit file of another kind is refused with the message to report") {
    const std::vector<KeyPlan> keys{planned("SessionTimeout", "45m")};
    auto files = find_targets({kSet / "web", kSet / "server" / "CustomSettings.config"}, keys, std::nullopt);
    REQUIRE_FALSE(files);
    CHECK(files.error().ends_with(
        "is a server configuration file, and none of the settings given belongs in it: SessionTimeout is a web "
        "setting (navsettings.json or a NAV web.config)"));
  }

  TEST_CASE("a malformed file in a directory is an error to report, a missing key's kind is named") {
    const std::vector<KeyPlan> keys{planned("SessionTimeout", "45m")};
    auto files = find_targets({kSet / "broken-fleet"}, keys, std::nullopt);
    REQUIRE(files);
    CHECK(names(*files) == std::vector<std::string>{"broken-fleet/BC1/WebClient/navsettings.json",
                                                    "broken-fleet/BC2/WebClient/navsettings.json"});
    REQUIRE(files->errors.size() == 1);
    CHECK(files->errors[0].message == "missing ',' before this member");
    CHECK(files->errors[0].pos.line == 4);
    const std::vector<KeyPlan> aos{planned("WebClientStatefulSessionTimeoutInSeconds", "1800")};
    auto none = find_targets({kSet / "web"}, aos, std::nullopt);
    REQUIRE(none);
    CHECK(none->documents.empty());
    const auto missing = key_without_file(aos, none->documents, {"web"});
    REQUIRE(missing);
    CHECK(*missing == "WebClientStatefulSessionTimeoutInSeconds is an F&O AOS setting (web.config), and there is no "
                      "such file in web");
  }
}

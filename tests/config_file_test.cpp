#include <fstream>

#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include "lint/config_file.hpp"

using namespace sessiontool;

namespace {

ConfigError error_of(std::string_view text) {
  auto parsed = parse_config(".sessiontool.json", text);
  REQUIRE_FALSE(parsed);
  return parsed.error();
}

bool contains(const std::string& text, std::string_view part) { return text.find(part) != std::string::npos; }

}  // namespace

TEST_SUITE("config file") {
  TEST_CASE("every field is read") {
    auto config = parse_config("c.json", R"({
  "$schema": "https://example.invalid/sessiontool-config.schema.json",
  "disable": ["ST102", "st203"],
  "severity": {"ST202": "error"},
  "lb_idle_timeout": "5m",
  "fo_inactivity_timeout": "00:45:00",
  "platform": 22,
  "policy": {"max_inactivity": "1h", "min_inactivity": "10m", "max_reconnect_window": "never"}
})");
    REQUIRE(config);
    CHECK(config->disable == std::vector<std::string>{"ST102", "ST203"});
    REQUIRE(config->severity.size() == 1);
    CHECK(config->severity[0] == std::pair<std::string, Severity>{"ST202", Severity::error});
    CHECK(config->lb_idle_timeout == Duration::minutes(5));
    CHECK(config->fo_inactivity_timeout == Duration::minutes(45));
    CHECK(config->platform == 22);
    CHECK(config->policy.max_inactivity == Duration::minutes(60));
    CHECK(config->policy.min_inactivity == Duration::minutes(10));
    CHECK(config->policy.max_reconnect_window == Duration::unbounded());
  }

  TEST_CASE("an empty object is an empty configuration, lb_idle_timeout none is unbounded") {
    auto empty = parse_config("c.json", "{}");
    REQUIRE(empty);
    CHECK_FALSE(empty->platform);
    auto none = parse_config("c.json", "\xEF\xBB\xBF{\"lb_idle_timeout\": \"none\"}\r\n");
    REQUIRE(none);
    CHECK(none->lb_idle_timeout == Duration::unbounded());
  }

  TEST_CASE("an unknown field names its line and the nearest field") {
    const ConfigError e = error_of("{\n  \"platform\": 22,\n  \"disabled\": [\"ST102\"]\n}\n");
    CHECK(e.pos.line == 3);
    CHECK(e.pos.column == 3);
    CHECK(contains(e.message, "unknown field 'disabled' (did you mean 'disable'?)"));
  }

  TEST_CASE("an unknown rule id names its line and the nearest id") {
    const ConfigError e = error_of("{\n  \"disable\": [\n    \"ST102\",\n    \"ST13\"\n  ]\n}\n");
    CHECK(e.pos.line == 4);
    CHECK(contains(e.message, "unknown rule 'ST13' (did you mean 'ST103'?)"));
    CHECK(contains(error_of(R"({"severity": {"ST999": "error"}})").message, "unknown rule 'ST999'"));
    CHECK(contains(error_of(R"({"disable": ["ST001"]})").message, "cannot be disabled"));
  }

  TEST_CASE("bad values say what is expected") {
    CHECK(contains(error_of(R"({"severity": {"ST202": "fatal"}})").message, "\"error\", \"warning\" or \"info\""));
    CHECK(contains(error_of(R"({"platform": "22"})").message, "whole number from 1 to 99"));
    CHECK(contains(error_of(R"({"platform": 100})").message, "whole number from 1 to 99"));
    const ConfigError duration = error_of("{\n\"policy\": {\n \"max_inactivity\": \"half an hour\"}}");
    CHECK(duration.pos.line == 3);
    CHECK(contains(duration.message, "max_inactivity = \"half an hour\""));
    CHECK(contains(error_of(R"({"policy": {"max_inactivty": "1h"}})").message, "did you mean 'max_inactivity'?"));
    CHECK(contains(error_of(R"({"disable": "ST102"})").message, "list of rule ids"));
    CHECK(contains(error_of("[1, 2]").message, "must be a JSON object"));
  }

  TEST_CASE("a syntax error names its line and column") {
    const ConfigError e = error_of("{\n  \"platform\": 22\n  \"disable\": []\n}\n");
    CHECK(e.pos.line == 3);
    CHECK(e.pos.column == 3);  // the member after the missing comma
    CHECK(e.message == "missing ',' before this member");
    CHECK(error_of("{\"platform\": 21, \"platform\": 22}").message == "duplicate key \"platform\"");
  }

  TEST_CASE("found from a directory upward") {
    const auto root = std::filesystem::temp_directory_path() / "sessiontool-config-test";
    std::filesystem::remove_all(root);
    std::filesystem::create_directories(root / "a" / "b");
    std::ofstream(root / ".sessiontool.json") << "{}";
    CHECK(find_config_file(root / "a" / "b") == root / ".sessiontool.json");
    CHECK(load_config(root / ".sessiontool.json"));
    CHECK(load_config(root / "missing.json").error().pos.line == 0);
    std::filesystem::remove_all(root);
  }
}

TEST_SUITE("config file") {
  TEST_CASE("the published JSON Schema lists every configurable rule and every field") {
    std::ifstream in(std::string(SESSIONTOOL_SOURCE_DIR) + "/schemas/sessiontool-config.schema.json");
    REQUIRE(in);
    const nlohmann::json schema = nlohmann::json::parse(in);
    std::vector<std::string> configurable;
    for (const Rule& rule : rules())
      if (configurable_rule(rule.id)) configurable.emplace_back(rule.id);
    CHECK(schema["definitions"]["configurableRule"]["enum"].get<std::vector<std::string>>() == configurable);
    std::vector<std::string> fields;
    for (const auto& [name, value] : schema["properties"].items()) fields.push_back(name);
    CHECK(fields == std::vector<std::string>{"$schema", "disable", "fo_inactivity_timeout", "lb_idle_timeout",
                                             "platform", "policy", "severity"});
    for (const auto& [name, value] : schema["properties"]["policy"]["properties"].items()) {
      auto parsed = parse_config("c.json", "{\"policy\": {\"" + name + "\": \"30m\"}}");
      CHECK_MESSAGE(parsed, name);
    }
  }
}

#include <doctest/doctest.h>

#include <algorithm>

#include "lint/container_settings.hpp"

using namespace sessiontool;

namespace {

ContainerFile inspect(const std::string& env, const std::string& labels = "{}") {
  ContainerRead read = read_containers(
      "inspect.json", "[{\"Id\": \"1\", \"Name\": \"/bc\", \"Config\": {\"Env\": [" + env + "], \"Labels\": " + labels + "}}]",
      ContainerSource::docker_inspect);
  REQUIRE(read.file);
  return std::move(*read.file);
}

std::vector<std::string> rules_of(const ContainerDeployment& d) {
  std::vector<std::string> rules;
  for (const Diagnostic& finding : d.findings) rules.emplace_back(finding.rule);
  return rules;
}

}  // namespace

TEST_SUITE("container_settings") {
  TEST_CASE("split as Set-ConfigSetting splits: on every ',', then every '=', first two pieces kept") {
    const auto parts = split_config_setting("A=1,Url=http://x/?t=a,b,C=");
    REQUIRE(parts.size() == 4);
    CHECK(parts[0].key == "A");
    CHECK(parts[0].value == "1");
    CHECK(parts[0].pieces == 2);
    CHECK(parts[1].key == "Url");
    CHECK(parts[1].value == "http://x/?t");  // cut at the second '='
    CHECK(parts[1].pieces == 3);
    CHECK(parts[1].value_begin == 8);
    CHECK(parts[1].value_end == 19);
    CHECK(parts[2].key == "b");  // the rest of the value after its ','
    CHECK(parts[2].value.empty());
    CHECK(parts[2].pieces == 1);
    CHECK(parts[3].key == "C");
    CHECK(parts[3].value.empty());
    CHECK(parts[3].pieces == 2);
  }

  TEST_CASE("the version in an artifact URL") {
    CHECK(artifact_url_major("https://bcartifacts.azureedge.net/onprem/23.5.16502.16757/w1") == 23);
    CHECK(artifact_url_major("https://bcartifacts.azureedge.net/sandbox/9.0.1.2/us?sv=2021") == 9);
    CHECK(artifact_url_major("https://bcartifacts.azureedge.net/sandbox//us") == 0);
  }

  TEST_CASE("the variables as the server's and the web client's entries, pointing inside the value") {
    const ContainerFile file =
        inspect(R"("customNavSettings=ClientServicesIdleClientTimeout=00:45:00", "customWebSettings=SessionTimeout=00:30:00")",
                R"({"platform": "23.0.16502.0"})");
    const auto deployments = container_deployments(file);
    REQUIRE(deployments.size() == 1);
    const ContainerDeployment& d = deployments[0];
    REQUIRE(d.server.entries.size() == 1);
    CHECK(d.server.entries[0].key == "ClientServicesIdleClientTimeout");
    CHECK(d.server.entries[0].value == "00:45:00");
    CHECK(d.server.entries[0].value_pos == Position{1, 99});
    CHECK(d.server.platform.major == 23);
    CHECK(d.server.platform.source == BcPlatform::Source::container);
    REQUIRE(d.web.entries.size() == 1);
    CHECK(d.web.entries[0].setting != nullptr);
    CHECK(rules_of(d) == std::vector<std::string>{"ST404"});

    const Deployment resolved = resolve_container(d, {});
    CHECK(resolved.name == "bc");
    CHECK(resolved.inactivity.value == Duration::minutes(30));
    CHECK(resolved.inactivity.bound_by == std::vector<std::string>{"SessionTimeout"});
    CHECK(resolved.reconnect->removed_on_platform);  // platform 23, from the label
  }

  TEST_CASE("no variables: the platform's defaults, and the platform from the artifact URL") {
    const ContainerFile file = inspect(R"("artifactUrl=https://x/onprem/18.3.1.2/w1")");
    const auto deployments = container_deployments(file);
    REQUIRE(deployments.size() == 1);
    CHECK(deployments[0].findings.empty());  // nothing set: nothing applies at first start
    const Deployment resolved = resolve_container(deployments[0], {});
    CHECK(resolved.platform.major == 18);
    CHECK(resolved.inactivity.value == Duration::minutes(20));
    CHECK(resolved.reconnect->total == Duration::minutes(14));
  }

  TEST_CASE("escapes of every length in a value still give positions inside it") {
    const ContainerFile file =
        inspect(R"("customNavSettings=SessionTimeout=\ud83d\ude00\n,X=\u0041\u0800", "customWebSettings=\u00e9=1\/")");
    const auto deployments = container_deployments(file);
    REQUIRE(deployments.size() == 1);
    for (const Document* doc : {&deployments[0].server, &deployments[0].web})
      for (const Entry& entry : doc->entries) {
        CHECK(entry.value_pos.line == 1);
        CHECK(entry.value_pos.column > 40);
        CHECK(entry.value_end_pos.column >= entry.value_pos.column);
      }
    CHECK(deployments[0].server.entries[1].value == "A\xE0\xA0\x80");
  }

  TEST_CASE("what goes wrong only in a container: cut, twice, the wrong variable") {
    const ContainerFile file = inspect(
        R"("customNavSettings=PublicWebBaseUrl=https://h/?t=a,b,SessionTimeout=00:10:00,ClientServicesIdleClientTimeout=1:00:00,clientservicesidleclienttimeout=2:00:00")");
    const auto deployments = container_deployments(file);
    REQUIRE(deployments.size() == 1);
    auto rules = rules_of(deployments[0]);
    std::ranges::sort(rules);
    CHECK(rules == std::vector<std::string>{"ST401", "ST401", "ST402", "ST403", "ST404"});
    const auto twice = std::ranges::find_if(deployments[0].findings, [](const Diagnostic& d) { return d.rule == "ST402"; });
    CHECK(twice->message.find("second <add>") != std::string::npos);  // another letter case: a second entry
    // The later entry wins, as appSettings read it.
    const Deployment resolved = resolve_container(deployments[0], {});
    CHECK(resolved.find("ClientServicesIdleClientTimeout")->value == "2:00:00");
    CHECK(resolved.find("SessionTimeout")->origin == Origin::default_value);  // in the wrong variable
  }
}

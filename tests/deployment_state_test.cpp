#include <doctest/doctest.h>

#include "diff/deployment_state.hpp"
#include "fixtures.hpp"

using namespace sessiontool;
using namespace sessiontool::test;

TEST_SUITE("deployment_state") {
  TEST_CASE("from a fleet on disk and from documents in memory: the same states") {
    LintOptions options;
    const Behaviour on_disk = behaviour_of_paths({"testdata/diff/binding/new"}, std::nullopt, options, {.jobs = 2});
    const Behaviour in_memory = behaviour_of(load_inputs({"testdata/diff/binding/new"}, std::nullopt), options);
    REQUIRE(on_disk.deployments.size() == 2);
    REQUIRE(in_memory.deployments.size() == 2);
    for (std::size_t i = 0; i < 2; ++i) {
      const DeploymentState &a = on_disk.deployments[i], &b = in_memory.deployments[i];
      CHECK(a.name == b.name);
      CHECK(a.inactivity.value == b.inactivity.value);
      CHECK(a.inactivity.bound_by == b.inactivity.bound_by);
      CHECK(a.findings.size() == b.findings.size());
      REQUIRE(a.settings.size() == b.settings.size());
      for (std::size_t s = 0; s < a.settings.size(); ++s) {
        CHECK(a.settings[s].same_as(b.settings[s]));
        CHECK(a.settings[s].pos.line == b.settings[s].pos.line);
      }
    }
    CHECK(on_disk.read_errors.empty());
  }

  TEST_CASE("a server two web instances share: its findings belong to both deployments") {
    Inputs inputs;
    inputs.documents.push_back(server("s/CustomSettings.config", {{"ServerInstance", "BC"}, {"SearchTimeout", "10"}}));
    inputs.documents.push_back(web("w1/navsettings.json", {{"ServerInstance", "BC"}}));
    inputs.documents.push_back(web("w2/navsettings.json", {{"ServerInstance", "BC"}}));
    const Behaviour b = behaviour_of(inputs, LintOptions{});
    REQUIRE(b.deployments.size() == 2);
    for (const DeploymentState& d : b.deployments) {
      REQUIRE(d.findings.size() >= 1);
      CHECK(std::ranges::any_of(d.findings, [](const FindingState& f) { return f.rule == "ST006" && f.kind == FileKind::server; }));
    }
  }

  TEST_CASE("an unreadable input is a read error, not a deployment") {
    const Behaviour b = behaviour_of_paths({"testdata/diff/no-such-file.config"}, std::nullopt, LintOptions{});
    CHECK(b.deployments.empty());
    REQUIRE(b.read_errors.size() == 1);
    CHECK(b.read_errors[0].rule == "ST001");
  }
}

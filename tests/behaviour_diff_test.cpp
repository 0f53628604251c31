#include <doctest/doctest.h>

#include "diff/behaviour_diff.hpp"
#include "fixtures.hpp"

using namespace sessiontool;
using namespace sessiontool::test;

namespace {

Behaviour of(std::vector<Document> docs, int platform = 23) {
  Inputs inputs;
  inputs.documents = std::move(docs);
  LintOptions options;
  options.resolve.platform = platform;
  return behaviour_of(inputs, options);
}

Behaviour of_tree(const char* path, int platform = 23) {
  LintOptions options;
  options.resolve.platform = platform;
  return behaviour_of(load_inputs({path}, std::nullopt), options);
}

std::vector<Aspect> aspects(std::initializer_list<Aspect> list) { return list; }

}  // namespace

TEST_SUITE("behaviour_diff") {
  TEST_CASE("the binding moves from SessionTimeout to the server's idle timeout, ST102 appears") {
    const Behaviour before = of_tree("testdata/diff/binding/old"), after = of_tree("testdata/diff/binding/new");
    const BehaviourDiff diff = diff_behaviour(before, after, "testdata/diff/binding/old", "testdata/diff/binding/new");
    CHECK(diff.changed == 1);
    CHECK(diff.unchanged == 1);
    CHECK(diff.any_change());
    const DeploymentDiff& d = diff.deployments.front();
    CHECK(d.after->name == "BC230");
    CHECK(d.aspects == aspects({Aspect::inactivity_timeout, Aspect::bound_by, Aspect::findings}));
    REQUIRE(d.settings.size() == 1);
    CHECK(d.settings[0].after->key == "ClientServicesIdleClientTimeout");
    CHECK(d.settings[0].before->value == "MaxValue");
    REQUIRE(d.appeared.size() == 1);
    CHECK(d.appeared[0]->rule == "ST102");
    CHECK(d.disappeared.empty());
    REQUIRE(diff.actions.size() == 1);
    CHECK(diff.actions[0].kind == Action::Kind::apply_in_memory);
  }

  TEST_CASE("a setting that changes without effect is counted, not a change") {
    const Behaviour before = of_tree("testdata/diff/no-effect/old"), after = of_tree("testdata/diff/no-effect/new");
    const BehaviourDiff diff = diff_behaviour(before, after, "testdata/diff/no-effect/old", "testdata/diff/no-effect/new");
    CHECK_FALSE(diff.any_change());
    CHECK(diff.unchanged == 1);
    CHECK(diff.no_effect == 1);
    // ST102's message names the new value, but it is the same finding on both sides.
    CHECK(diff.deployments.front().appeared.empty());
  }

  TEST_CASE("F&O: 30m to 31m crosses into the 5 minute lead, 10m to 9m into 30 seconds") {
    const Behaviour before = of_tree("testdata/diff/fo-lead/old"), after = of_tree("testdata/diff/fo-lead/new");
    const BehaviourDiff diff = diff_behaviour(before, after, "testdata/diff/fo-lead/old", "testdata/diff/fo-lead/new");
    CHECK(diff.changed == 3);
    for (const DeploymentDiff& d : diff.deployments) {
      CHECK(std::ranges::find(d.aspects, Aspect::warning_lead) != d.aspects.end());
      if (d.after->name == "FO-Prod") CHECK(d.after->warning->lead == Duration::minutes(5));
      if (d.after->name == "FO-Test") CHECK(d.after->warning->lead == Duration::seconds(30));
    }
  }

  TEST_CASE("added and removed deployments, matched by name in any letter case") {
    const Behaviour before = of({server("a/CustomSettings.config", {{"ServerInstance", "BC1"}}),
                                 server("b/CustomSettings.config", {{"ServerInstance", "BC2"}})});
    const Behaviour after = of({server("a/CustomSettings.config", {{"ServerInstance", "bc1"}}),
                                server("c/CustomSettings.config", {{"ServerInstance", "BC3"}})});
    const BehaviourDiff diff = diff_behaviour(before, after, {}, {});
    CHECK(diff.unchanged == 1);
    CHECK(diff.added == 1);
    CHECK(diff.removed == 1);
    CHECK(diff.deployments[1].status == DeploymentDiff::Status::added);
    CHECK(diff.deployments[1].after->name == "BC3");
    CHECK(diff.deployments[2].status == DeploymentDiff::Status::removed);
    CHECK(diff.deployments[2].before->name == "BC2");
  }

  TEST_CASE("a name several deployments share is matched by folder") {
    const Behaviour before = of({server("x/a/CustomSettings.config", {{"ServerInstance", "BC"}}),
                                 server("x/b/CustomSettings.config", {{"ServerInstance", "BC"}})});
    const Behaviour after = of({server("y/a/CustomSettings.config", {{"ServerInstance", "BC"}}),
                                server("y/b/CustomSettings.config",
                                       {{"ServerInstance", "BC"}, {"ClientServicesIdleClientTimeout", "00:10:00"}})});
    const BehaviourDiff diff = diff_behaviour(before, after, "x", "y");
    CHECK(diff.changed == 1);
    CHECK(diff.unchanged == 1);
    CHECK(diff.deployments[1].before->files.front().path == "x/b/CustomSettings.config");
  }

  TEST_CASE("ServerInstance renamed in the same file: the same deployment, renamed") {
    const Behaviour before = of({server("a/CustomSettings.config", {{"ServerInstance", "BC230"}})});
    const Behaviour after = of({server("a/CustomSettings.config", {{"ServerInstance", "BC240"}})});
    const BehaviourDiff diff = diff_behaviour(before, after, {}, {});
    REQUIRE(diff.deployments.size() == 1);
    CHECK(diff.deployments[0].renamed());
    CHECK(diff.added == 0);
    // The restart goes to the instance by its new name.
    REQUIRE(diff.actions.size() == 1);
    CHECK(diff.actions[0].commands == std::vector<std::string>{"Restart-NAVServerInstance BC240"});
  }
}

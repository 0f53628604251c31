#include <doctest/doctest.h>

#include "fixtures.hpp"
#include "resolve/resolve.hpp"

using namespace sessiontool;
using namespace sessiontool::test;

namespace {

Deployment only(const std::vector<Document>& docs, const ResolveOptions& options = {}) {
  auto deployments = resolve(docs, options);
  REQUIRE(deployments.size() == 1);
  return deployments.front();
}

std::vector<std::string> names(std::vector<std::string> v) { return v; }

}  // namespace

TEST_SUITE("resolve") {
  TEST_CASE("defaults give 20 minutes bound by SessionTimeout and a 14 minute reconnect window") {
    std::vector<Document> docs;
    docs.push_back(server("s/CustomSettings.config", {{"ServerInstance", "BC"}}));
    docs.push_back(web("w/navsettings.json", {{"ServerInstance", "BC"}}));
    Deployment d = only(docs);
    CHECK(d.product == Product::business_central);
    CHECK(d.name == "BC");
    CHECK(d.inactivity.value == Duration::minutes(20));
    CHECK(d.inactivity.bound_by == names({"SessionTimeout"}));
    REQUIRE(d.reconnect);
    CHECK(d.reconnect->initial_inactivity == Duration::minutes(4));
    CHECK(d.reconnect->reconnect_period == Duration::minutes(10));
    CHECK(d.reconnect->total == Duration::minutes(14));
    CHECK_FALSE(d.warning);
    CHECK(d.find("SessionTimeout")->origin == Origin::default_value);
  }

  TEST_CASE("a shorter server idle timeout binds") {
    std::vector<Document> docs;
    docs.push_back(server("s/CustomSettings.config", {{"ClientServicesIdleClientTimeout", "00:15:00"}}));
    docs.push_back(web("w/navsettings.json", {{"SessionTimeout", "00:30:00"}}));
    Deployment d = only(docs);
    CHECK(d.inactivity.value == Duration::minutes(15));
    CHECK(d.inactivity.bound_by == names({"ClientServicesIdleClientTimeout"}));
  }

  TEST_CASE("equal limits are both named in bound_by") {
    std::vector<Document> docs;
    docs.push_back(server("s/CustomSettings.config", {{"ClientServicesIdleClientTimeout", "00:30:00"}}));
    docs.push_back(web("w/navsettings.json", {{"SessionTimeout", "00:30:00"}}));
    CHECK(only(docs).inactivity.bound_by == names({"ClientServicesIdleClientTimeout", "SessionTimeout"}));
  }

  TEST_CASE("both MaxValue: sessions never close for inactivity") {
    std::vector<Document> docs;
    docs.push_back(server("s/CustomSettings.config", {{"ClientServicesIdleClientTimeout", "MaxValue"}}));
    docs.push_back(web("w/navsettings.json", {{"SessionTimeout", "MaxValue"}}));
    CHECK(only(docs).inactivity.value.is_unbounded());
  }

  TEST_CASE("file values carry their path, line and column") {
    std::vector<Document> docs;
    docs.push_back(web("w/navsettings.json", {{"ServerInstance", "BC"}, {"SessionTimeout", "00:45:00"}}));
    const Deployment d = only(docs);  // kept: the setting points into it
    const Setting* s = d.find("SessionTimeout");
    REQUIRE(s);
    CHECK(s->origin == Origin::file);
    CHECK(s->document->path == "w/navsettings.json");
    CHECK(s->entry->value_pos == Position{4, 25});
    CHECK(s->effective == Duration::minutes(45));
  }

  TEST_CASE("the last duplicate wins") {
    std::vector<Document> docs;
    docs.push_back(server("s/CustomSettings.config",
                          {{"ClientServicesIdleClientTimeout", "00:05:00"}, {"ClientServicesIdleClientTimeout", "00:07:00"}}));
    const Deployment d = only(docs);
    CHECK(d.find("ClientServicesIdleClientTimeout")->effective == Duration::minutes(7));
    CHECK(d.find("ClientServicesIdleClientTimeout")->entry->value_pos.line == 4);
  }

  TEST_CASE("reconnect window is twice the keep-alive plus the reconnect period") {
    std::vector<Document> docs;
    docs.push_back(server("s/CustomSettings.config",
                          {{"ClientServicesKeepAliveInterval", "30"}, {"ClientServicesReconnectPeriod", "00:02:00"}}));
    const Deployment d = only(docs);
    CHECK(d.reconnect->initial_inactivity == Duration::seconds(60));
    CHECK(d.reconnect->total == Duration::minutes(3));
  }

  TEST_CASE("a reconnect period as long as a TimeSpan holds gives an unbounded window, not an overflow") {
    // oracle.appsettings found it under UBSan: 2 x keep-alive + a period one tick short of MaxValue.
    for (const char* period : {"10675199.02:48:05.4775806", "10675199.02:48:05.4775807"}) {
      CAPTURE(period);
      std::vector<Document> docs;
      docs.push_back(server("s/CustomSettings.config", {{"ClientServicesReconnectPeriod", period}}));
      const Deployment d = only(docs);
      CHECK(d.reconnect->total.is_unbounded());
      CHECK(d.reconnect->initial_inactivity == Duration::minutes(4));
    }
    CHECK(saturating_sum(Duration::minutes(4), Duration::minutes(10)) == Duration::minutes(14));
    CHECK(saturating_sum(Duration{Duration::kMaxTicks - 1}, Duration{1}).is_unbounded());
  }

  TEST_CASE("the last duplicate wins, in any letter case, a <remove> after it brings the default back") {
    std::vector<Document> docs;
    docs.push_back(parse_or_fail("s/CustomSettings.config",
                                 "<appSettings>\n"
                                 "  <add key=\"ClientServicesIdleClientTimeout\" value=\"00:05:00\" />\n"
                                 "  <add key=\"clientservicesidleclienttimeout\" value=\"00:07:00\" />\n"
                                 "  <add key=\"SqlCommandTimeout\" value=\"00:07:00\" />\n"
                                 "  <remove key=\"SQLCOMMANDTIMEOUT\" />\n"
                                 "</appSettings>\n"));
    const Deployment d = only(docs, {});
    const Setting& idle = *d.find("ClientServicesIdleClientTimeout");
    CHECK(idle.effective == Duration::minutes(7));
    CHECK(idle.entry->key == "clientservicesidleclienttimeout");
    CHECK(idle.origin == Origin::file);
    ResolveOptions all;
    const Deployment d2 = only(docs, all);
    const Setting* sql = d2.find("SqlCommandTimeout");
    REQUIRE(sql != nullptr);
    CHECK(sql->origin == Origin::default_value);
    CHECK(sql->value == "00:30:00");
    REQUIRE(sql->removed != nullptr);
    CHECK(sql->removed->pos == Position{5, 3});
  }

  TEST_CASE("platform 21 and later: no reconnect window") {
    std::vector<Document> docs;
    docs.push_back(server("s/CustomSettings.config", {{"ClientServicesReconnectPeriod", "00:30:00"}}));
    ResolveOptions options;
    options.platform = 21;
    const Deployment d = only(docs, options);
    CHECK(d.reconnect->removed_on_platform);
    CHECK(d.reconnect->total == Duration{0});
    options.platform = 20;
    CHECK(only(docs, options).reconnect->total == Duration::minutes(34));
  }

  TEST_CASE("an invalid value falls back to the default for resolution but keeps its error") {
    std::vector<Document> docs;
    docs.push_back(web("w/navsettings.json", {{"SessionTimeout", "twenty minutes"}}));
    const Deployment d = only(docs);
    CHECK_FALSE(d.find("SessionTimeout")->interpretation.ok());
    CHECK(d.inactivity.value == Duration::minutes(20));
  }

  TEST_CASE("--assume replaces a value without touching files") {
    std::vector<Document> docs;
    docs.push_back(web("w/navsettings.json", {{"SessionTimeout", "00:45:00"}}));
    ResolveOptions options;
    options.assume = {{"SessionTimeout", "00:10:00"}};
    const Deployment d = only(docs, options);
    CHECK(d.find("SessionTimeout")->origin == Origin::assumed);
    CHECK(d.inactivity.value == Duration::minutes(10));
  }

  TEST_CASE("F&O: the system parameter default is 30 minutes with a 2 minute countdown") {
    std::vector<Document> docs;
    docs.push_back(aos("FO-Prod/web.config", {}));
    const Deployment d = only(docs);
    CHECK(d.product == Product::finance_operations);
    CHECK(d.name == "FO-Prod");
    CHECK(d.inactivity.value == Duration::minutes(30));
    CHECK(d.inactivity.bound_by == names({"SessionInactivityTimeout"}));
    CHECK(d.find("SessionInactivityTimeout")->origin == Origin::default_value);
    REQUIRE(d.warning);
    CHECK(d.warning->lead == Duration::minutes(2));
    CHECK(d.warning->countdown_starts_at == Duration::minutes(28));
    CHECK_FALSE(d.reconnect);
  }

  TEST_CASE("F&O: the legacy web.config override shadows the system parameter") {
    std::vector<Document> docs;
    docs.push_back(aos("FO/web.config", {{"WebClientStatefulSessionTimeoutInSeconds", "3600"}}));
    ResolveOptions options;
    options.fo_inactivity_timeout = Duration::minutes(15);
    const Deployment d = only(docs, options);
    CHECK(d.inactivity.value == Duration::minutes(60));
    CHECK(d.inactivity.bound_by == names({"WebClientStatefulSessionTimeoutInSeconds"}));
    CHECK(d.find("SessionInactivityTimeout")->origin == Origin::system_parameter);
    CHECK(d.warning->lead == Duration::minutes(5));
  }

  TEST_CASE("F&O: the system parameter option applies without a legacy override") {
    std::vector<Document> docs;
    docs.push_back(aos("FO/web.config", {}));
    ResolveOptions options;
    options.fo_inactivity_timeout = Duration::minutes(8);
    const Deployment d = only(docs, options);
    CHECK(d.inactivity.value == Duration::minutes(8));
    CHECK(d.warning->lead == Duration::seconds(30));
    CHECK(d.warning->countdown_starts_at == Duration::seconds(450));
  }

  TEST_CASE("warning lead boundaries are the seed's") {
    CHECK(warning_lead_for(Duration::minutes(60)).lead == Duration::minutes(5));
    CHECK(warning_lead_for(Duration::seconds(30 * 60 + 1)).lead == Duration::minutes(5));
    CHECK(warning_lead_for(Duration::minutes(30)).lead == Duration::minutes(2));
    CHECK(warning_lead_for(Duration::minutes(10)).lead == Duration::minutes(2));
    CHECK(warning_lead_for(Duration::seconds(10 * 60 - 1)).lead == Duration::seconds(30));
    CHECK(warning_lead_for(Duration::minutes(5)).lead == Duration::seconds(30));
    CHECK(warning_lead_for(Duration::minutes(30)).countdown_starts_at == Duration::minutes(28));
    CHECK(warning_lead_for(Duration::minutes(45)).countdown_starts_at == Duration::minutes(40));
  }
}

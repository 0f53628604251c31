// Deployment-level rules: ST101-ST106, ST201-ST203 for the system parameter, ST301-ST303.

#include <doctest/doctest.h>

#include "lint_fixtures.hpp"

using namespace sessiontool;
using namespace sessiontool::test;

namespace {

std::vector<Document> bc(Pairs server_entries, Pairs web_entries) {
  std::vector<Document> docs;
  docs.push_back(server("bc/Service/CustomSettings.config", server_entries));
  docs.push_back(web("bc/Web/navsettings.json", web_entries));
  return docs;
}

std::vector<Document> fo(Pairs entries) {
  std::vector<Document> docs;
  docs.push_back(aos("FO-Prod/web.config", entries));
  return docs;
}

bool contains(const std::string& text, std::string_view part) { return text.find(part) != std::string::npos; }

}  // namespace

TEST_SUITE("deployment rules") {
  TEST_CASE("ST101: both limits unbounded") {
    const LintReport report = lint_docs(bc({{"ServerInstance", "BC"}, {"ClientServicesIdleClientTimeout", "MaxValue"}},
                                           {{"ServerInstance", "BC"}, {"SessionTimeout", "MaxValue"}}));
    const Diagnostic& d = only_finding(report, "ST101");
    CHECK(d.path == "bc/Web/navsettings.json");  // at the SessionTimeout the web file gives
    CHECK(d.setting == "SessionTimeout");
    CHECK(contains(d.message, "never close"));
    CHECK(contains(d.message, "bc/Service/CustomSettings.config:4"));
  }

  TEST_CASE("ST101: quiet on defaults (SessionTimeout's 20 minutes bind)") {
    CHECK(lint_docs(default_bc()).diagnostics.empty());
  }

  TEST_CASE("ST102: SessionTimeout longer than the server's idle timeout has no effect") {
    const LintReport report = lint_docs(bc({{"ServerInstance", "BC"}, {"ClientServicesIdleClientTimeout", "00:10:00"}},
                                           {{"ServerInstance", "BC"}, {"SessionTimeout", "00:30:00"}}));
    const Diagnostic& d = only_finding(report, "ST102");
    CHECK(d.severity == Severity::info);
    CHECK(d.setting == "SessionTimeout");
    CHECK(contains(d.message, "lower SessionTimeout to 00:10:00 or less"));
  }

  TEST_CASE("ST102: quiet on a tie, on a default SessionTimeout, and when SessionTimeout binds") {
    CHECK(lint_docs(bc({{"ServerInstance", "BC"}, {"ClientServicesIdleClientTimeout", "00:20:00"}},
                       {{"ServerInstance", "BC"}, {"SessionTimeout", "00:20:00"}}))
              .diagnostics.empty());
    CHECK(lint_docs(bc({{"ServerInstance", "BC"}, {"ClientServicesIdleClientTimeout", "00:10:00"}},
                       {{"ServerInstance", "BC"}}))
              .diagnostics.empty());
    CHECK(lint_docs(bc({{"ServerInstance", "BC"}, {"ClientServicesIdleClientTimeout", "01:00:00"}},
                       {{"ServerInstance", "BC"}, {"SessionTimeout", "00:30:00"}}))
              .diagnostics.empty());
  }

  TEST_CASE("ST103: keep-alive over half the load balancer idle timeout gives the numbers") {
    const LintReport report =
        lint_docs(bc({{"ServerInstance", "BC"}, {"ClientServicesKeepAliveInterval", "180"}}, {{"ServerInstance", "BC"}}));
    const Diagnostic& d = only_finding(report, "ST103");
    CHECK(d.path == "bc/Service/CustomSettings.config");
    CHECK(contains(d.message, "= 180 (3m)"));
    CHECK(contains(d.message, "(4m / 2 = 2m)"));
    CHECK(contains(d.message, "set it to 120 or less"));
  }

  TEST_CASE("ST103: a shorter load balancer timeout flags the default keep-alive, at the server file") {
    LintOptions options;
    options.lb_idle_timeout = Duration::minutes(3);
    const Diagnostic& d = only_finding(lint_docs(default_bc(), options), "ST103");
    CHECK(d.path == "bc/Service/CustomSettings.config");
    CHECK(d.start.line == 2);  // the <appSettings> line: the key is not in the file
    CHECK(contains(d.message, "set it to 90 or less"));
  }

  TEST_CASE("ST103: quiet at exactly half, with no load balancer, and on platform 21+") {
    const auto docs = [] {
      return bc({{"ServerInstance", "BC"}, {"ClientServicesKeepAliveInterval", "180"}}, {{"ServerInstance", "BC"}});
    };
    LintOptions six_minutes;
    six_minutes.lb_idle_timeout = Duration::minutes(6);
    CHECK(lint_docs(docs(), six_minutes).diagnostics.empty());
    LintOptions none;
    none.lb_idle_timeout = std::nullopt;
    CHECK(lint_docs(docs(), none).diagnostics.empty());
    LintOptions platform;
    platform.resolve.platform = 21;
    CHECK(rule_ids(lint_docs(docs(), platform)) == ids({"ST107"}));  // the key itself, not ST103
  }

  TEST_CASE("ST105: a web instance with no server instance") {
    std::vector<Document> docs;
    docs.push_back(server("a/CustomSettings.config", {{"ServerInstance", "BC1"}}));
    docs.push_back(web("b/navsettings.json", {{"ServerInstance", "BC2"}, {"ClientServicesPort", "7085"}}));
    const Diagnostic& d = only_finding(lint_docs(std::move(docs)), "ST105");
    CHECK(d.path == "b/navsettings.json");
    CHECK(d.setting == "ServerInstance");
    CHECK(contains(d.message, "'BC2' on port 7085"));
  }

  TEST_CASE("ST106: several server instances equally near are listed") {
    std::vector<Document> docs;
    docs.push_back(server("x/NodeA/CustomSettings.config", {{"ServerInstance", "BC"}}));
    docs.push_back(server("x/NodeB/CustomSettings.config", {{"ServerInstance", "BC"}}));
    docs.push_back(web("x/Web/navsettings.json", {{"ServerInstance", "BC"}}));
    const Diagnostic& d = only_finding(lint_docs(std::move(docs)), "ST106");
    CHECK(contains(d.message, "x/NodeA/CustomSettings.config:3, x/NodeB/CustomSettings.config:3"));
  }

  TEST_CASE("ST105/ST106: quiet when the web instance has one match") {
    CHECK(lint_docs(default_bc()).diagnostics.empty());
  }

  TEST_CASE("ST201/ST202: the legacy key outside 5-60 minutes is a warning, and over 30 minutes warns of load") {
    const LintReport report = lint_docs(fo({{"WebClientStatefulSessionTimeoutInSeconds", "7200"}}));
    CHECK(rule_ids(report) == ids({"ST201", "ST202", "ST203"}));
    CHECK(only_finding(report, "ST201").severity == Severity::warning);
    CHECK(contains(only_finding(report, "ST202").message, "can cause extra load on your system"));
  }

  TEST_CASE("ST201/ST202: the system parameter is an error, reported at the web.config with its source") {
    LintOptions options;
    options.resolve.fo_inactivity_timeout = Duration::minutes(90);
    options.fo_inactivity_source = "--fo-inactivity-timeout";
    const LintReport report = lint_docs(fo({}), options);
    CHECK(rule_ids(report) == ids({"ST201", "ST202"}));
    const Diagnostic& d = only_finding(report, "ST201");
    CHECK(d.severity == Severity::error);
    CHECK(d.path == "FO-Prod/web.config");
    CHECK(d.start.line == 3);  // <appSettings>
    CHECK(d.setting == "SessionInactivityTimeout");
    CHECK(contains(d.message, "given by --fo-inactivity-timeout"));
  }

  TEST_CASE("ST202 alone between 30 and 60 minutes, quiet at 30 and on the default") {
    LintOptions options;
    options.resolve.fo_inactivity_timeout = Duration::minutes(45);
    CHECK(rule_ids(lint_docs(fo({}), options)) == ids({"ST202"}));
    options.resolve.fo_inactivity_timeout = Duration::minutes(30);
    CHECK(lint_docs(fo({}), options).diagnostics.empty());
    CHECK(lint_docs(fo({})).diagnostics.empty());
  }

  TEST_CASE("ST203: the legacy override shadows the system parameter") {
    const Diagnostic& d = only_finding(lint_docs(fo({{"WebClientStatefulSessionTimeoutInSeconds", "1200"}})), "ST203");
    CHECK(d.severity == Severity::info);
    CHECK(contains(d.message, "1200 (20m)"));
  }

  TEST_CASE("ST301/ST302: effective inactivity against the policy") {
    LintOptions options;
    options.policy.max_inactivity = Duration::minutes(15);
    const Diagnostic& max = only_finding(lint_docs(default_bc(), options), "ST301");
    CHECK(max.setting == "SessionTimeout");  // the default that binds, at the web file
    CHECK(max.path == "bc/Web/navsettings.json");
    CHECK(contains(max.message, "lower SessionTimeout to 00:15:00 or less"));

    LintOptions min;
    min.policy.min_inactivity = Duration::minutes(30);
    CHECK(contains(only_finding(lint_docs(default_bc(), min), "ST302").message, "raise SessionTimeout to 00:30:00"));

    LintOptions fine;
    fine.policy = {Duration::minutes(20), Duration::minutes(20), Duration::minutes(14)};
    CHECK(lint_docs(default_bc(), fine).diagnostics.empty());
  }

  TEST_CASE("ST301: unbounded sessions exceed any maximum, F&O is checked too") {
    LintOptions options;
    options.policy.max_inactivity = Duration::minutes(60);
    const LintReport bc_report = lint_docs(bc({{"ServerInstance", "BC"}, {"ClientServicesIdleClientTimeout", "MaxValue"}},
                                              {{"ServerInstance", "BC"}, {"SessionTimeout", "MaxValue"}}),
                                           options);
    CHECK(rule_ids(bc_report) == ids({"ST301", "ST101"}));  // at the server file, then the web file
    options.policy.max_inactivity = Duration::minutes(20);
    CHECK(rule_ids(lint_docs(fo({}), options)) == ids({"ST301"}));
  }

  TEST_CASE("ST303: the reconnect window against the policy, quiet on platform 21+") {
    LintOptions options;
    options.policy.max_reconnect_window = Duration::minutes(10);
    const Diagnostic& d = only_finding(lint_docs(default_bc(), options), "ST303");
    CHECK(contains(d.message, "14m"));
    CHECK(d.setting == "ClientServicesReconnectPeriod");
    options.resolve.platform = 22;
    CHECK(lint_docs(default_bc(), options).diagnostics.empty());
  }
}

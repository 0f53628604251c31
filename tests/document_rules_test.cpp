// File-level rules: ST001-ST009 and ST107, each triggered and each quiet where it should be.

#include <doctest/doctest.h>

#include "lint_fixtures.hpp"

using namespace sessiontool;
using namespace sessiontool::test;

namespace {

std::vector<Document> server_with(Pairs entries) {
  std::vector<Document> docs;
  docs.push_back(server("s/CustomSettings.config", entries));
  return docs;
}

LintReport lint_server(Pairs entries, const LintOptions& options = {}) {
  return lint_docs(server_with(entries), options);
}

}  // namespace

TEST_SUITE("document rules") {
  TEST_CASE("ST001: an unreadable file is an error without a position") {
    const LintReport report =
        lint_docs({}, {}, {ReadError{ReadErrorKind::unreadable, "gone/CustomSettings.config", {}, "No such file"}});
    const Diagnostic& d = only_finding(report, "ST001");
    CHECK(d.severity == Severity::error);
    CHECK_FALSE(d.has_position());
    CHECK(d.message == "No such file");
    CHECK(report.files == 1);
  }

  TEST_CASE("ST002: a malformed file points at the fault") {
    ReadResult result = parse_document("w/navsettings.json", "{\n  \"NAVWebSettings\": {\n    \"A\": \"1\"\n    \"B\": 2\n}\n");
    REQUIRE(result.error);
    const LintReport report = lint_docs({}, {}, {*result.error});
    const Diagnostic& d = only_finding(report, "ST002");
    CHECK(d.start.line == 4);
    CHECK(d.message.find("fix the syntax") != std::string::npos);
  }

  TEST_CASE("ST003: a value that is not a TimeSpan, pointing at the value's span") {
    const LintReport report = lint_server({{"SqlCommandTimeout", "soon"}});
    const Diagnostic& d = only_finding(report, "ST003");
    CHECK(d.severity == Severity::error);
    CHECK(d.setting == "SqlCommandTimeout");
    // Line 3 of server_config_text: `  <add key="SqlCommandTimeout" value="soon" />`
    CHECK(d.start == Position{3, 39});
    CHECK(d.end == Position{3, 43});
    CHECK(d.message.find("\"soon\"") != std::string::npos);
  }

  TEST_CASE("ST003: quiet on a valid value and on a string setting") {
    CHECK(lint_server({{"SqlCommandTimeout", "00:45:00"}, {"ServerInstance", "anything at all"}}).diagnostics.empty());
  }

  TEST_CASE("ST004: each earlier occurrence names the winner") {
    const LintReport report = lint_server({{"SessionTimeoutX", "1"},
                                           {"ClientServicesIdleClientTimeout", "00:10:00"},
                                           {"ClientServicesIdleClientTimeout", "00:20:00"},
                                           {"ClientServicesIdleClientTimeout", "00:30:00"}});
    std::vector<const Diagnostic*> found;
    for (const Diagnostic& d : report.diagnostics)
      if (d.rule == "ST004") found.push_back(&d);
    REQUIRE(found.size() == 2);
    CHECK(found[0]->start.line == 4);
    CHECK(found[1]->start.line == 5);
    CHECK(found[0]->message.find("\"00:30:00\" on line 6") != std::string::npos);
    CHECK(found[0]->message.find("3 times") != std::string::npos);
  }

  TEST_CASE("ST004: the same key in two JSON objects is no duplicate (ST011: it has no effect there)") {
    std::vector<Document> docs;
    docs.push_back(parse_or_fail("w/navsettings.json",
                                 "{\"NAVWebSettings\": {\"ServerInstance\": \"BC\"},\n"
                                 " \"ApplicationIdSettings\": {\"ServerInstance\": \"BC\"}}\n"));
    docs.push_back(server("s/CustomSettings.config", {{"ServerInstance", "BC"}}));
    const LintReport report = lint_docs(std::move(docs));
    CHECK(rule_ids(report) == ids({"ST011"}));
    CHECK(only_finding(report, "ST011").message ==
          "ServerInstance = \"BC\" has no effect here: the web server reads its settings from \"NAVWebSettings\", "
          "and this one is at ApplicationIdSettings:ServerInstance; move it into \"NAVWebSettings\"");
  }

  TEST_CASE("ST004: a key twice in navsettings.json, in any letter case, help keys too, is an error") {
    std::vector<Document> docs;
    docs.push_back(parse_or_fail("w/navsettings.json",
                                 "{\"NAVWebSettings\": {\"//A\": \"x\", \"//a\": \"y\", \"ServerInstance\": \"BC\",\n"
                                 "  \"SessionTimeout\": \"00:20:00\", \"sessionTimeout\": \"00:30:00\"}}\n"));
    docs.push_back(server("s/CustomSettings.config", {{"ServerInstance", "BC"}}));
    const LintReport report = lint_docs(std::move(docs));
    std::vector<const Diagnostic*> found;
    for (const Diagnostic& d : report.diagnostics)
      if (d.rule == "ST004") found.push_back(&d);
    REQUIRE(found.size() == 2);
    CHECK(found[0]->severity == Severity::error);
    CHECK(found[0]->start == Position{1, 34});
    CHECK(found[1]->start == Position{2, 34});
    CHECK(found[1]->message ==
          "NAVWebSettings:sessionTimeout is set twice (also on line 2; keys match in any letter case): the web "
          "server's configuration reader stops with \"A duplicate key 'NAVWebSettings:sessionTimeout' was found.\", so "
          "the web server does not start; delete one of them");
  }

  TEST_CASE("ST004: in appSettings a key in another letter case is the same key, and the last one wins") {
    const Diagnostic& d = only_finding(lint_server({{"ClientServicesIdleClientTimeout", "00:10:00"},
                                                    {"clientservicesidleclienttimeout", "00:20:00"}}),
                                       "ST004");
    CHECK(d.severity == Severity::warning);
    CHECK(d.message ==
          "ClientServicesIdleClientTimeout is set 2 times in this file (spelt clientservicesidleclienttimeout there: "
          "keys match in any letter case), and the last one wins: this value \"00:10:00\" is overridden by "
          "\"00:20:00\" on line 4; delete the lines that do not count");
  }

  TEST_CASE("ST005: a near misspelling names the key it looks like") {
    const Diagnostic& d = only_finding(lint_server({{"ClientServicesIdleClientTimout", "00:10:00"}}), "ST005");
    CHECK(d.message.find("did you mean ClientServicesIdleClientTimeout?") != std::string::npos);
    CHECK(d.message.find("keeps its default (MaxValue)") != std::string::npos);
  }

  TEST_CASE("ST010, not ST005: a known key in another letter case is read by the product, and its value checked") {
    const LintReport report = lint_server({{"clientservicesidleclienttimeout", "10"}});
    CHECK(rule_ids(report) == ids({"ST006", "ST010"}));
    const Diagnostic& d = only_finding(report, "ST010");
    CHECK(d.severity == Severity::info);
    CHECK(d.message ==
          "ClientServicesIdleClientTimeout is spelt clientservicesidleclienttimeout here: the server reads keys in "
          "any letter case, so this value \"10\" is used; Microsoft's spelling reads better in reviews");
  }

  TEST_CASE("ST005: a key of another file kind, and the F&O system parameter in web.config") {
    CHECK(only_finding(lint_server({{"SessionTimeout", "00:10:00"}}), "ST005").message.find("navsettings.json") !=
          std::string::npos);
    std::vector<Document> docs;
    docs.push_back(aos("fo/web.config", {{"SessionInactivityTimeout", "30"}}));
    CHECK(only_finding(lint_docs(std::move(docs)), "ST005").message.find("System parameters") != std::string::npos);
  }

  TEST_CASE("ST005: quiet on real settings far from every known key, and on help keys") {
    CHECK(lint_server({{"BackgroundSessionsDefaultWaitTimeout", "00:10:00"},
                       {"ManagementServicesPort", "7045"},
                       {"DatabaseInstance", ""},
                       {"SqlManagementCommandTimeout", "00:10:00"}})
              .diagnostics.empty());
    std::vector<Document> docs;
    docs.push_back(web("w/navsettings.json", {{"//SessionTimeout", "help text"}, {"ClientServicesCredentialType", "Windows"}}));
    CHECK(rule_ids(lint_docs(std::move(docs))) == ids({"ST105"}));  // unmatched, but no ST005
  }

  TEST_CASE("ST006: a bare number is days") {
    const Diagnostic& d = only_finding(lint_server({{"ClientServicesIdleClientTimeout", "20"}}), "ST006");
    CHECK(d.severity == Severity::warning);
    CHECK(d.message.find("20 days") != std::string::npos);
    CHECK(d.message.find("00:20:00") != std::string::npos);
  }

  TEST_CASE("ST007: 24:00:00 is 24 days") {
    const Diagnostic& d = only_finding(lint_server({{"ClientServicesReconnectPeriod", "24:00:00"}}), "ST007");
    CHECK(d.message.find("24.00:00:00") != std::string::npos);
    CHECK(lint_server({{"ClientServicesReconnectPeriod", "23:00:00"}}).diagnostics.empty());
  }

  TEST_CASE("ST008: fractional seconds are info") {
    const Diagnostic& d = only_finding(lint_server({{"SearchTimeout", "00:00:10.5"}}), "ST008");
    CHECK(d.severity == Severity::info);
  }

  TEST_CASE("ST009: zero or negative where a positive duration is needed") {
    CHECK(only_finding(lint_server({{"SqlCommandTimeout", "00:00:00"}}), "ST009").message.find("zero") !=
          std::string::npos);
    CHECK(only_finding(lint_server({{"ClientServicesKeepAliveInterval", "-5"}}), "ST009").message.find("negative") !=
          std::string::npos);
  }

  TEST_CASE("ST107: reconnect keys do not exist on platform 21 and later") {
    LintOptions options;
    options.resolve.platform = 22;
    const LintReport report =
        lint_server({{"ClientServicesReconnectPeriod", "10"}, {"ClientServicesKeepAliveInterval", "120"}}, options);
    // The keys are reported as absent; their values (a bare "10") are not checked.
    CHECK(rule_ids(report) == ids({"ST107", "ST107"}));
    CHECK(report.diagnostics[0].message.find("removed after platform 20") != std::string::npos);
  }

  TEST_CASE("ST107: quiet when the platform is unknown or old enough") {
    const Pairs entries = {{"ClientServicesReconnectPeriod", "00:10:00"}, {"ClientServicesKeepAliveInterval", "120"}};
    CHECK(lint_server(entries).diagnostics.empty());
    LintOptions options;
    options.resolve.platform = 20;
    CHECK(lint_server(entries, options).diagnostics.empty());
  }
}

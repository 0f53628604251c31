// The rule table and the driver: every rule has a check and an explanation; disabling,
// severity overrides, order and duplicates; quiet on defaults, on large files and on the corpus.

#include <set>

#include <doctest/doctest.h>

#include "lint_fixtures.hpp"

using namespace sessiontool;
using namespace sessiontool::test;

namespace {

// Files as BC 21+ servers ship them report nothing, whatever the platform and a policy they meet.
template <typename Read>
void check_quiet(Read read) {
  const LintReport unknown = lint_docs(read());
  CHECK(unknown.files == 3);
  CHECK(unknown.diagnostics.empty());
  LintOptions options;
  options.resolve.platform = 22;
  options.policy = {Duration::minutes(60), Duration::minutes(5), Duration::minutes(30)};
  CHECK(lint_docs(read(), options).diagnostics.empty());
}

}  // namespace

TEST_SUITE("rules") {
  TEST_CASE("the table holds the SPEC's rules, in id order, each with a check and a full text") {
    std::vector<std::string> table;
    for (const Rule& rule : rules()) {
      table.emplace_back(rule.id);
      // ST001 and ST002 come from the readers: the driver reports every file it could not read.
      const bool read_error_rule = rule.id == "ST001" || rule.id == "ST002";
      // ST401-ST404 come from reading a container's variables (container_settings.cpp), as the
      // start-up script would apply them; container_settings_test finds each.
      const bool container_rule = rule.id.starts_with("ST4");
      CHECK_MESSAGE((rule.document_check || rule.deployment_check || read_error_rule || container_rule), rule.id);
      CHECK_MESSAGE(rule.explanation.find("Fix:") != std::string_view::npos, rule.id);
      CHECK_MESSAGE(!rule.title.empty(), rule.id);
      CHECK_MESSAGE(!rule.name.empty(), rule.id);
    }
    CHECK(table == ids({"ST001", "ST002", "ST003", "ST004", "ST005", "ST006", "ST007", "ST008", "ST009", "ST010",
                        "ST011", "ST012", "ST101", "ST102", "ST103", "ST105", "ST106", "ST107", "ST201", "ST202",
                        "ST203", "ST204", "ST301", "ST302", "ST303", "ST401", "ST402", "ST403", "ST404"}));
    CHECK(find_rule("ST202")->explanation.find("Increasing the inactivity session timeout can cause extra load") !=
          std::string_view::npos);
    CHECK(find_rule("ST103")->severity == Severity::warning);
    CHECK(find_rule("ST201")->severity == Severity::error);
  }

  TEST_CASE("ids are found case-insensitively, a near miss is suggested") {
    CHECK(find_rule("st103") == find_rule("ST103"));
    CHECK(find_rule("ST104") == nullptr);
    CHECK(unknown_rule_message("ST13") == "unknown rule 'ST13' (did you mean 'ST103'?); 'sessiontool rules' lists them");
    CHECK(unknown_rule_message("ST2O1") == "unknown rule 'ST2O1' (did you mean 'ST201'?); 'sessiontool rules' lists them");
    CHECK(unknown_rule_message("hello") == "unknown rule 'hello'; 'sessiontool rules' lists them");
  }

  TEST_CASE("ST001 and ST002 cannot be disabled") {
    CHECK(configurable_rule("ST103"));
    CHECK_FALSE(configurable_rule("ST001"));
    CHECK(configurable_rule("ST002").error().find("cannot be disabled") != std::string::npos);
  }

  TEST_CASE("disabled rules report nothing, the rest still do") {
    std::vector<Document> docs;
    docs.push_back(server("s/CustomSettings.config", {{"ClientServicesIdleClientTimeout", "10"},
                                                      {"ClientServicesIdleClientTimeout", "24:00:00"}}));
    CHECK(rule_ids(lint_docs(docs)) == ids({"ST004", "ST006", "ST007"}));
    LintOptions options;
    options.disabled = {"ST004", "ST006"};
    CHECK(rule_ids(lint_docs(docs, options)) == ids({"ST007"}));
  }

  TEST_CASE("a severity override changes the finding's severity") {
    LintOptions options;
    options.severity = {{"ST008", Severity::error}};
    std::vector<Document> docs;
    docs.push_back(server("s/CustomSettings.config", {{"SearchTimeout", "00:00:01.5"}}));
    CHECK(only_finding(lint_docs(std::move(docs), options), "ST008").severity == Severity::error);
  }

  TEST_CASE("findings are ordered by path, line, column and rule") {
    std::vector<Document> docs;
    docs.push_back(server("z/CustomSettings.config", {{"SearchTimeout", "10"}}));
    docs.push_back(server("a/CustomSettings.config", {{"SqlCommandTimeout", "soon"}, {"SearchTimeout", "0"}}));
    const LintReport report = lint_docs(std::move(docs));
    REQUIRE(report.diagnostics.size() == 4);
    CHECK(report.diagnostics[0].path == "a/CustomSettings.config");
    CHECK(report.diagnostics[0].rule == "ST003");
    CHECK(report.diagnostics[1].rule == "ST006");  // "0" is a bare number (zero days) ...
    CHECK(report.diagnostics[2].rule == "ST009");  // ... and zero
    CHECK(report.diagnostics[3].path == "z/CustomSettings.config");
  }

  TEST_CASE("a server shared by two web instances is reported once") {
    std::vector<Document> docs;
    docs.push_back(server("bc/Service/CustomSettings.config",
                          {{"ServerInstance", "BC"}, {"ClientServicesKeepAliveInterval", "200"}}));
    docs.push_back(web("bc/Web1/navsettings.json", {{"ServerInstance", "BC"}}));
    docs.push_back(web("bc/Web2/navsettings.json", {{"ServerInstance", "BC"}}));
    const LintReport report = lint_docs(std::move(docs));
    CHECK(report.deployments == 2);
    CHECK(rule_ids(report) == ids({"ST103"}));
  }

  TEST_CASE("no rule fires on default files") {
    CHECK(lint_docs(default_bc()).diagnostics.empty());
    std::vector<Document> fo;
    fo.push_back(aos("fo/web.config", {}));
    CHECK(lint_docs(std::move(fo)).diagnostics.empty());
  }

  TEST_CASE("no rule fires on the large fixtures, with the platform unknown or given") {
    check_quiet(large_fixture_documents);
  }

  TEST_CASE("no rule fires on the corpus, with the platform unknown or given") {
    const auto corpus = corpus_or_skip();
    if (!corpus) return;
    check_quiet([&] { return corpus_documents(*corpus); });
  }
}

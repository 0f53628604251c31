#include <doctest/doctest.h>

#include "lint/value_checks.hpp"

using namespace sessiontool;

namespace {

std::vector<std::string_view> rules_of(std::string_view key, std::string_view value) {
  std::vector<std::string_view> ids;
  for (const ValueProblem& p : check_value(*find_setting(key), value)) ids.push_back(p.rule);
  return ids;
}

std::vector<std::string_view> ids(std::initializer_list<std::string_view> list) { return list; }

const ValueProblem first(std::string_view key, std::string_view value) {
  auto problems = check_value(*find_setting(key), value);
  REQUIRE_FALSE(problems.empty());
  return problems.front();
}

}  // namespace

TEST_SUITE("value_checks") {
  TEST_CASE("good values have no problems") {
    CHECK(rules_of("SessionTimeout", "00:20:00").empty());
    CHECK(rules_of("ClientServicesIdleClientTimeout", "MaxValue").empty());
    CHECK(rules_of("ClientServicesKeepAliveInterval", "120").empty());
    CHECK(rules_of("WebClientStatefulSessionTimeoutInSeconds", "1800").empty());
    CHECK(rules_of("ClientServicesPort", "7085").empty());
  }

  TEST_CASE("a value that is not the setting's type is ST003, an error naming the setting") {
    const ValueProblem p = first("SessionTimeout", "20 minutes");
    CHECK(p.rule == "ST003");
    CHECK(p.severity == Severity::error);
    CHECK(p.message.find("SessionTimeout") != std::string::npos);
    CHECK(p.message.find("20 minutes") != std::string::npos);
    CHECK(rules_of("ClientServicesKeepAliveInterval", "00:02:00") == ids({"ST003"}));
  }

  TEST_CASE("a port outside 1-65535 is ST003") {
    CHECK(rules_of("ClientServicesPort", "70000") == ids({"ST003"}));
    CHECK(rules_of("ClientServicesPort", "0") == ids({"ST003"}));
    CHECK(rules_of("ClientServicesPort", "65535").empty());
  }

  TEST_CASE("a bare number is days: ST006 suggests minutes and the explicit days form") {
    const ValueProblem p = first("SessionTimeout", "20");
    CHECK(p.rule == "ST006");
    CHECK(p.severity == Severity::warning);
    CHECK(p.message.find("20 days") != std::string::npos);
    CHECK(p.message.find("00:20:00") != std::string::npos);
    CHECK(p.message.find("20.00:00:00") != std::string::npos);
  }

  TEST_CASE("a first field over 23 is days: ST007 shows what .NET reads") {
    const ValueProblem p = first("ClientServicesIdleClientTimeout", "24:00:00");
    CHECK(p.rule == "ST007");
    CHECK(p.message.find("24.00:00:00") != std::string::npos);
  }

  TEST_CASE("fractional seconds are ST008, info") {
    const ValueProblem p = first("SessionTimeout", "00:20:00.5");
    CHECK(p.rule == "ST008");
    CHECK(p.severity == Severity::info);
  }

  TEST_CASE("zero or negative durations are ST009 errors") {
    CHECK(rules_of("SessionTimeout", "00:00:00") == ids({"ST009"}));
    CHECK(rules_of("ClientServicesReconnectPeriod", "-00:01:00") == ids({"ST009"}));
    CHECK(rules_of("ClientServicesKeepAliveInterval", "0") == ids({"ST009"}));
    CHECK(first("SessionTimeout", "00:00:00").severity == Severity::error);
  }

  TEST_CASE("F&O: outside 5-60 minutes is ST201, an error for the system parameter, a warning for the legacy key") {
    CHECK(first("SessionInactivityTimeout", "00:04:00").rule == "ST201");
    CHECK(first("SessionInactivityTimeout", "00:04:00").severity == Severity::error);
    CHECK(first("WebClientStatefulSessionTimeoutInSeconds", "240").severity == Severity::warning);
    CHECK(rules_of("SessionInactivityTimeout", "00:05:00").empty());
    CHECK(rules_of("SessionInactivityTimeout", "01:01:00") == ids({"ST201", "ST202"}));
  }

  TEST_CASE("F&O: over 30 minutes is ST202 quoting the seed's warning, exactly 30 is fine") {
    CHECK(rules_of("WebClientStatefulSessionTimeoutInSeconds", "1800").empty());
    const ValueProblem p = first("WebClientStatefulSessionTimeoutInSeconds", "1801");
    CHECK(p.rule == "ST202");
    CHECK(p.message.find("Increasing the inactivity session timeout can cause extra load on your system") !=
          std::string::npos);
  }
}

#include <doctest/doctest.h>

#include <set>

#include "read/catalog.hpp"

using namespace sessiontool;

TEST_SUITE("catalog") {
  TEST_CASE("every key the SPEC names is catalogued with its file kind") {
    for (auto key : {"ClientServicesIdleClientTimeout", "ClientServicesReconnectPeriod", "ClientServicesKeepAliveInterval",
                     "ClientServicesOperationTimeout", "ManagementServicesIdleClientTimeout", "SOAPServicesOperationTimeout",
                     "ODataServicesOperationTimeout", "SqlCommandTimeout", "SqlConnectionTimeout", "SqlConnectionIdleTimeout",
                     "SearchTimeout", "NavHttpClientMaxTimeout", "BackgroundSessionsDefaultTimeout",
                     "DefaultTaskSchedulerSessionTimeout", "MaxTaskSchedulerSessionTimeout", "PageBackgroundTaskDefaultTimeout",
                     "PageBackgroundTaskMaxTimeout", "ReportTimeout", "ReportDefaultTimeout", "QueryTimeout"}) {
      CAPTURE(key);
      CHECK(find_setting(key, FileKind::server) != nullptr);
    }
    CHECK(find_setting("SessionTimeout", FileKind::web) != nullptr);
    CHECK(find_setting("WebClientStatefulSessionTimeoutInSeconds", FileKind::aos) != nullptr);
    CHECK(find_setting("SessionTimeout", FileKind::server) == nullptr);
  }

  TEST_CASE("the defaults that decide sessions are the documented ones") {
    CHECK(find_setting("ClientServicesIdleClientTimeout")->default_value == "MaxValue");
    CHECK(find_setting("ClientServicesReconnectPeriod")->default_value == "00:10:00");
    CHECK(find_setting("ClientServicesKeepAliveInterval")->default_value == "120");
    CHECK(find_setting("SessionTimeout")->default_value == "00:20:00");
    const SettingInfo* fo = find_setting("SessionInactivityTimeout");
    CHECK(fo->default_value == "00:30:00");
    CHECK(fo->min == Duration::minutes(5));
    CHECK(fo->max == Duration::minutes(60));
  }

  TEST_CASE("every default is valid for its own type") {
    for (const SettingInfo& info : catalog()) {
      if (info.default_value.empty()) continue;
      CAPTURE(info.key);
      CHECK(interpret_value(info, info.default_value).ok());
    }
  }

  TEST_CASE("a key appears once per file kind") {
    std::set<std::pair<std::string_view, FileKind>> seen;
    for (const SettingInfo& info : catalog()) CHECK(seen.insert({info.key, info.kind}).second);
  }

  TEST_CASE("the reconnect keys do not exist from platform 21 on") {
    CHECK(find_setting("ClientServicesReconnectPeriod")->exists_on(20));
    CHECK_FALSE(find_setting("ClientServicesReconnectPeriod")->exists_on(21));
    CHECK_FALSE(find_setting("ClientServicesKeepAliveInterval")->exists_on(23));
    CHECK(find_setting("ClientServicesIdleClientTimeout")->exists_on(23));
  }

  TEST_CASE("MaxValue is unbounded where the type allows it and an error elsewhere") {
    auto idle = interpret_value(*find_setting("ClientServicesIdleClientTimeout"), "MaxValue");
    REQUIRE(idle.ok());
    CHECK(idle.duration->is_unbounded());
    CHECK_FALSE(interpret_value(*find_setting("ClientServicesReconnectPeriod"), "MaxValue").ok());
    CHECK_FALSE(interpret_value(*find_setting("ClientServicesKeepAliveInterval"), "MaxValue").ok());
  }

  TEST_CASE("seconds keys hold whole numbers") {
    const SettingInfo& keep_alive = *find_setting("ClientServicesKeepAliveInterval");
    CHECK(interpret_value(keep_alive, "120").duration == Duration::seconds(120));
    CHECK_FALSE(interpret_value(keep_alive, "00:02:00").ok());
    CHECK_FALSE(interpret_value(keep_alive, "2m").ok());
    CHECK_FALSE(interpret_value(keep_alive, "").ok());
  }

  TEST_CASE("command-line values become the key's native form") {
    CHECK(native_from_argument(*find_setting("SessionTimeout"), "45m") == "00:45:00");
    CHECK(native_from_argument(*find_setting("SessionTimeout"), "never") == "MaxValue");
    CHECK(native_from_argument(*find_setting("SessionTimeout"), "1d") == "1.00:00:00");
    CHECK(native_from_argument(*find_setting("ClientServicesKeepAliveInterval"), "90s") == "90");
    CHECK(native_from_argument(*find_setting("ClientServicesKeepAliveInterval"), "90") == "90");
    CHECK(native_from_argument(*find_setting("WebClientStatefulSessionTimeoutInSeconds"), "1h") == "3600");
    CHECK_FALSE(native_from_argument(*find_setting("ClientServicesKeepAliveInterval"), "never"));
    CHECK_FALSE(native_from_argument(*find_setting("ClientServicesReconnectPeriod"), "never"));
    CHECK_FALSE(native_from_argument(*find_setting("ClientServicesPort"), "http"));
  }
}

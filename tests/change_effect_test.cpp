#include <doctest/doctest.h>

#include "diff/change_effect.hpp"

using namespace sessiontool;

TEST_SUITE("change_effect") {
  TEST_CASE("the catalog column: a session's idle timeout applies in memory, the reconnect keys and the port need a restart") {
    // Microsoft Learn, server-instance-settings.md and configure-server-instance.md.
    CHECK(change_effect(*find_setting("ClientServicesIdleClientTimeout", FileKind::server)).how == TakesEffect::in_memory);
    for (const char* key : {"ClientServicesKeepAliveInterval", "ClientServicesReconnectPeriod", "ClientServicesPort",
                            "ServerInstance", "SqlCommandTimeout", "ClientServicesOperationTimeout"})
      CHECK_MESSAGE(change_effect(*find_setting(key, FileKind::server)).how == TakesEffect::restart, key);
    CHECK(change_effect(*find_setting("SessionTimeout", FileKind::web)).how == TakesEffect::iis_recycle);
    CHECK(change_effect(*find_setting("WebClientStatefulSessionTimeoutInSeconds", FileKind::aos)).how ==
          TakesEffect::iis_recycle);
    CHECK(change_effect(*find_setting("SessionInactivityTimeout", FileKind::aos)).how == TakesEffect::database);
  }

  TEST_CASE("every file key says how it takes effect, with Microsoft's source") {
    for (const SettingInfo& info : catalog()) {
      if (info.system_parameter) continue;
      const ChangeEffect effect = change_effect(info);
      CHECK_MESSAGE(!effect.text.empty(), info.key);
      CHECK_MESSAGE(effect.source.starts_with("https://learn.microsoft.com/"), info.key);
      CHECK_MESSAGE((info.kind == FileKind::server) == (effect.how != TakesEffect::iis_recycle), info.key);
    }
  }

  TEST_CASE("dynamically updatable keys only: Set-NAVServerConfiguration -ApplyTo Memory per key, no restart") {
    auto action = action_for(FileKind::server, "BC230", "BC230/CustomSettings.config",
                             {{"ClientServicesIdleClientTimeout", "01:00:00"}, {"SearchTimeout", std::nullopt}});
    REQUIRE(action);
    CHECK(action->kind == Action::Kind::apply_in_memory);
    CHECK_FALSE(action->automatic());
    CHECK(action->commands == std::vector<std::string>{
                                  "Set-NAVServerConfiguration BC230 -KeyName ClientServicesIdleClientTimeout -KeyValue "
                                  "01:00:00 -ApplyTo Memory",
                                  // unset: the default takes effect again
                                  "Set-NAVServerConfiguration BC230 -KeyName SearchTimeout -KeyValue 00:00:10 -ApplyTo Memory"});
  }

  TEST_CASE("one key that is not dynamically updatable makes it a restart of the instance") {
    auto action = action_for(FileKind::server, "BC230", "x", {{"ClientServicesIdleClientTimeout", "01:00:00"},
                                                              {"ClientServicesReconnectPeriod", "00:05:00"}});
    REQUIRE(action);
    CHECK(action->kind == Action::Kind::restart_server_instance);
    CHECK(action->commands == std::vector<std::string>{"Restart-NAVServerInstance BC230"});
    CHECK(action->keys == std::vector<std::string>{"ClientServicesIdleClientTimeout", "ClientServicesReconnectPeriod"});
  }

  TEST_CASE("a web or AOS file: IIS recycles by itself, nothing to run, open sessions end") {
    auto web = action_for(FileKind::web, "BC230", "navsettings.json", {{"SessionTimeout", "00:45:00"}});
    REQUIRE(web);
    CHECK(web->kind == Action::Kind::web_recycle);
    CHECK(web->automatic());
    CHECK(web->consequence.find("sessions end") != std::string::npos);
    auto aos = action_for(FileKind::aos, "FO", "web.config", {{"WebClientStatefulSessionTimeoutInSeconds", std::nullopt}});
    REQUIRE(aos);
    CHECK(aos->kind == Action::Kind::aos_recycle);
    CHECK_FALSE(action_for(FileKind::server, "BC", "x", {}));
  }

  TEST_CASE("instance names and values are PowerShell arguments") {
    CHECK(powershell_argument("BC230") == "BC230");
    CHECK(powershell_argument("BC 23") == "'BC 23'");
    CHECK(powershell_argument("O'Brien") == "'O''Brien'");
    CHECK(powershell_argument("-x") == "'-x'");
    CHECK(powershell_argument("") == "''");
    auto action = action_for(FileKind::server, "Contoso BC", "x", {{"ClientServicesPort", "7085"}});
    CHECK(action->commands.front() == "Restart-NAVServerInstance 'Contoso BC'");
  }
}

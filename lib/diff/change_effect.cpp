#include "diff/change_effect.hpp"

#include <algorithm>

#include <fmt/format.h>

namespace sessiontool {
namespace {

// Microsoft Learn, "Configuring Business Central Server" (MicrosoftDocs/dynamics365smb-devitpro-pb,
// dev-itpro/administration/configure-server-instance.md): "If you ... modify the
// CustomSettings.config file directly, you must restart the Business Central Server instance
// before any changes can take effect"; Restart-NAVServerInstance: "all client connections to the
// server instance are terminated".
constexpr std::string_view kRestartSource =
    "https://learn.microsoft.com/dynamics365/business-central/dev-itpro/administration/configure-server-instance";
// "Business Central Server instance settings" marks the keys "Dynamically updatable: Yes", and
// Set-NAVServerConfiguration -ApplyTo Memory "applies the change only to the server instance's
// current state ... without having to restart the server instance".
constexpr std::string_view kInMemorySource =
    "https://learn.microsoft.com/dynamics365/business-central/dev-itpro/administration/server-instance-settings";
// Set-NAVWebServerInstanceConfiguration: "The changes will be applied to the web server instance
// automatically because the application pool is recycled. When the application pool is recycled
// by the IIS, static state such as client sessions in the Business Central Web client will be lost."
constexpr std::string_view kWebSource =
    "https://learn.microsoft.com/powershell/module/navwebclientmanagement/set-navwebserverinstanceconfiguration";
// ASP.NET, "Managing Changes to Configuration Settings": "The standard ASP.NET behavior is to
// restart an application when its configuration settings change. As a result, any state
// information for that application instance is lost." (also KB 324772: a modified Web.config
// restarts the AppDomain and InProc session state is lost).
constexpr std::string_view kWebConfigSource = "https://learn.microsoft.com/previous-versions/aspnet/ms228058(v=vs.100)";

bool plain_word(std::string_view text) {
  return !text.empty() && std::ranges::all_of(text, [](char c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '.' ||
           c == ':' || c == '-';
  }) && text.front() != '-';
}

}  // namespace

const char* to_string(TakesEffect how) {
  switch (how) {
    case TakesEffect::restart: return "restart";
    case TakesEffect::in_memory: return "in-memory";
    case TakesEffect::iis_recycle: return "iis-recycle";
    case TakesEffect::database: return "database";
  }
  return "?";
}

const char* to_string(Action::Kind kind) {
  switch (kind) {
    case Action::Kind::restart_server_instance: return "restart-server-instance";
    case Action::Kind::apply_in_memory: return "apply-in-memory";
    case Action::Kind::web_recycle: return "web-recycle";
    case Action::Kind::aos_recycle: return "aos-recycle";
  }
  return "?";
}

ChangeEffect change_effect(const SettingInfo& info) {
  if (info.system_parameter)
    return {TakesEffect::database, "a system parameter in the database, changed in the client; no file, no restart",
            ""};
  switch (info.kind) {
    case FileKind::server:
      if (info.dynamically_updatable)
        return {TakesEffect::in_memory,
                "dynamically updatable: Set-NAVServerConfiguration -ApplyTo Memory applies it without a restart; "
                "written to the file only, it waits for the next restart",
                kInMemorySource};
      return {TakesEffect::restart, "the server instance must be restarted; every session of the instance ends",
              kRestartSource};
    case FileKind::web:
      return {TakesEffect::iis_recycle,
              "IIS recycles the web server instance's application pool; open web client sessions end",
              kWebSource};
    case FileKind::aos:
      return {TakesEffect::iis_recycle, "IIS restarts the AOS web application (web.config); open sessions end",
              kWebConfigSource};
  }
  return {TakesEffect::restart, "", ""};
}

std::string powershell_argument(std::string_view text) {
  if (plain_word(text)) return std::string(text);
  std::string out = "'";
  for (char c : text) {
    if (c == '\'') out += '\'';  // '' inside single quotes
    out += c;
  }
  return out + "'";
}

std::optional<Action> action_for(FileKind kind, std::string_view instance, std::string_view path,
                                 const std::vector<KeyChange>& changes) {
  if (changes.empty()) return std::nullopt;
  Action action{.instance = std::string(instance), .path = std::string(path)};
  for (const KeyChange& change : changes) action.keys.push_back(change.key);
  const std::string name = powershell_argument(instance);
  switch (kind) {
    case FileKind::server: {
      const bool dynamic = std::ranges::all_of(changes, [](const KeyChange& change) {
        const SettingInfo* info = find_setting(change.key, FileKind::server);
        return info && info->dynamically_updatable;
      });
      if (!dynamic) {
        action.kind = Action::Kind::restart_server_instance;
        action.commands.push_back(fmt::format("Restart-NAVServerInstance {}", name));
        action.consequence = fmt::format("every session of {} ends when it restarts", instance);
        action.source = kRestartSource;
        break;
      }
      action.kind = Action::Kind::apply_in_memory;
      for (const KeyChange& change : changes) {
        const SettingInfo* info = find_setting(change.key, FileKind::server);
        const std::string value = change.value ? *change.value : std::string(info->default_value);
        action.commands.push_back(fmt::format("Set-NAVServerConfiguration {} -KeyName {} -KeyValue {} -ApplyTo Memory",
                                              name, change.key, powershell_argument(value)));
      }
      action.consequence = "no restart: sessions stay open (without this, the file's value waits for the next restart)";
      action.source = kInMemorySource;
      break;
    }
    case FileKind::web:
      action.kind = Action::Kind::web_recycle;
      action.consequence = "automatic: IIS recycles the web server instance; open web client sessions end";
      action.source = kWebSource;
      break;
    case FileKind::aos:
      action.kind = Action::Kind::aos_recycle;
      action.consequence = "automatic: IIS restarts the AOS web application; open sessions end";
      action.source = kWebConfigSource;
      break;
  }
  return action;
}

}  // namespace sessiontool

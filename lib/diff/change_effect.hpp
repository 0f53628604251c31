#pragma once
// How a change to a setting takes effect, and what it asks of whoever rolls it out: restart a
// Business Central server instance, apply a dynamically updatable value to the running instance,
// or nothing but knowing that IIS recycles the web application (open sessions end). `set` and
// `diff` turn the changed keys of a deployment into these actions, per instance.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "read/catalog.hpp"
#include "read/document.hpp"

namespace sessiontool {

enum class TakesEffect {
  restart,      // a server key: the instance reads CustomSettings.config when it starts
  in_memory,    // a server key Microsoft marks dynamically updatable: Set-NAVServerConfiguration -ApplyTo Memory
  iis_recycle,  // navsettings.json or a web.config: IIS recycles the web application by itself
  database,     // the F&O system parameter: no file; it is changed in the client
};
const char* to_string(TakesEffect how);  // "restart", "in-memory", "iis-recycle", "database"

struct ChangeEffect {
  TakesEffect how;
  std::string_view text;    // one line, for people
  std::string_view source;  // where Microsoft says so
};

// The catalog's column: how a change to this setting takes effect.
ChangeEffect change_effect(const SettingInfo& info);

// One key of a file whose value changes; nullopt: the entry goes and the default applies.
struct KeyChange {
  std::string key;
  std::optional<std::string> value;
};

// What a rollout must do for one instance.
struct Action {
  enum class Kind {
    restart_server_instance,  // Restart-NAVServerInstance NAME: every session of the instance ends
    apply_in_memory,          // Set-NAVServerConfiguration ... -ApplyTo Memory: no restart, sessions stay
    web_recycle,              // automatic: IIS recycles the web server instance; web client sessions end
    aos_recycle,              // automatic: IIS recycles the AOS; F&O sessions end
  };
  Kind kind = Kind::restart_server_instance;
  std::string instance;  // the server instance (BC), or the AOS folder name (F&O)
  std::string path;      // the changed file
  std::vector<std::string> keys;
  std::vector<std::string> commands;  // PowerShell to run; none when IIS does it by itself
  std::string consequence;            // what users notice
  std::string_view source;

  bool automatic() const { return commands.empty(); }
};
const char* to_string(Action::Kind kind);  // "restart-server-instance", "apply-in-memory", "web-recycle", "aos-recycle"

// The action a file's changed keys imply. A server file: a restart unless every key is
// dynamically updatable (then one Set-NAVServerConfiguration per key, -ApplyTo Memory).
// Nullopt when no key changed.
std::optional<Action> action_for(FileKind kind, std::string_view instance, std::string_view path,
                                 const std::vector<KeyChange>& changes);

// A PowerShell argument as typed: bare when it is a plain word, else single-quoted.
std::string powershell_argument(std::string_view text);

}  // namespace sessiontool

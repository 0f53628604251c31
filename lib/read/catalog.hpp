#pragma once
// The settings catalog: the one table of every key sessiontool knows. show, lint, set, the
// completions and the JSON Schemas all read it; adding a setting is one row in catalog.cpp.

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "read/document.hpp"
#include "text/duration.hpp"

namespace sessiontool {

enum class ValueType {
  timespan,         // .NET TimeSpan string
  timespan_or_max,  // TimeSpan string or "MaxValue" (unbounded)
  seconds,          // integer seconds
  integer,          // plain integer (ports)
  string,
};

const char* to_string(ValueType type);

struct SettingInfo {
  std::string_view key;
  FileKind kind;
  ValueType type;
  std::string_view default_value;  // native form; empty when the setting has no default
  // Allowed range for durations (inclusive); unbounded max when the type allows MaxValue.
  Duration min = {0};
  Duration max = Duration::unbounded();
  // Integer range for `integer` settings.
  std::int64_t min_int = 0;
  std::int64_t max_int = 0;
  // Platform (BC major version) range in which the key exists; 0 = no limit known.
  int since_platform = 0;
  int until_platform = 0;
  // Zero or negative durations are errors (ST009) unless 00:00:00 means "off".
  bool zero_means_off = false;
  // Not a file key: the F&O system parameter, which lives in the database.
  bool system_parameter = false;
  // Decides when a session closes: shown by default (the rest with `show --all`).
  bool session_key = false;
  std::string_view description;
  // How a change takes effect (change_effect.hpp), for a server key: whether Microsoft lists it
  // "Dynamically updatable: Yes", so that `Set-NAVServerConfiguration -ApplyTo Memory` applies it
  // to the running instance without a restart. A file edited directly still needs a restart for
  // any key. Source: Microsoft Learn, "Business Central Server instance settings"
  // (MicrosoftDocs/dynamics365smb-devitpro-pb dev-itpro/administration/server-instance-settings.md),
  // and for the keys removed in 21, "Configuring Business Central Server" (configure-server-instance.md).
  bool dynamically_updatable = false;

  bool is_duration() const { return type != ValueType::string && type != ValueType::integer; }
  bool exists_on(int platform) const {
    return (since_platform == 0 || platform >= since_platform) &&
           (until_platform == 0 || platform <= until_platform);
  }
};

// Keys with a meaning of their own in resolution.
namespace keys {
inline constexpr std::string_view kServerInstance = "ServerInstance";
inline constexpr std::string_view kClientServicesPort = "ClientServicesPort";
inline constexpr std::string_view kIdleClientTimeout = "ClientServicesIdleClientTimeout";
inline constexpr std::string_view kReconnectPeriod = "ClientServicesReconnectPeriod";
inline constexpr std::string_view kKeepAliveInterval = "ClientServicesKeepAliveInterval";
inline constexpr std::string_view kSessionTimeout = "SessionTimeout";
inline constexpr std::string_view kFoLegacyTimeout = "WebClientStatefulSessionTimeoutInSeconds";
inline constexpr std::string_view kFoSystemParameter = "SessionInactivityTimeout";
}  // namespace keys

std::span<const SettingInfo> catalog();

// The row for a key in a file kind, or nullptr. Keys match case-insensitively, as the products
// read them (.NET's OrdinalIgnoreCase).
const SettingInfo* find_setting(std::string_view key, FileKind kind);
// The row for a key in any file kind, or nullptr (case-insensitively).
const SettingInfo* find_setting(std::string_view key);

// A value read as its setting's type.
struct Interpretation {
  std::optional<Duration> duration;     // duration types
  std::optional<std::int64_t> integer;  // integer types
  ParsedTimeSpan timespan;              // traps, when written as a TimeSpan
  std::string error;                    // why the value is not valid for the type (ST003)
  bool ok() const { return error.empty(); }
};

Interpretation interpret_value(const SettingInfo& info, std::string_view text);

// The native text for a duration in this setting's type: "00:30:00", "MaxValue", "1800".
// Fails when the type cannot hold it (MaxValue in a seconds key, a fraction of a second).
std::expected<std::string, std::string> native_value(const SettingInfo& info, Duration d);

// What a user typed for this setting on the command line (`set`, `--assume`), as the native
// text the file should hold. Durations accept human forms ("30m", "never").
std::expected<std::string, std::string> native_from_argument(const SettingInfo& info,
                                                            std::string_view text);

}  // namespace sessiontool

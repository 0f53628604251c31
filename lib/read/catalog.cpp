#include "read/catalog.hpp"

#include <array>
#include <charconv>
#include <cstdint>

#include "text/ascii_case.hpp"

namespace sessiontool {
namespace {

using enum FileKind;
using enum ValueType;

constexpr Duration kOneTick{1};

// `.dynamically_updatable`: "Dynamically updatable: Yes" in Microsoft Learn's "Business Central
// Server instance settings" (server-instance-settings.md); every other server key needs a restart
// (ClientServicesKeepAliveInterval and ClientServicesReconnectPeriod: "No" in "Configuring Business
// Central Server", configure-server-instance.md, before they were removed in 21).
// Defaults as Business Central 22+ writes them in CustomSettings.config; the reconnect keys
// were removed in platform 21 (corpus/README.md, SPEC §4).
constexpr std::array kCatalog = {
    // Business Central server instance: session keys.
    SettingInfo{.key = "ServerInstance", .kind = server, .type = string, .default_value = "BC",
                .session_key = true, .description = "Name of the server instance; web clients connect to it by this name."},
    SettingInfo{.key = "ClientServicesPort", .kind = server, .type = integer, .default_value = "7085",
                .min_int = 1, .max_int = 65535,
                .session_key = true, .description = "TCP port for client services; a web instance must name the same port."},
    SettingInfo{.key = "ClientServicesIdleClientTimeout", .kind = server, .type = timespan_or_max,
                .default_value = "MaxValue", .min = kOneTick,
                .session_key = true, .description = "How long a client connection may stay inactive before the server closes the session.", .dynamically_updatable = true},
    SettingInfo{.key = "ClientServicesReconnectPeriod", .kind = server, .type = timespan,
                .default_value = "00:10:00", .min = kOneTick, .until_platform = 20,
                .session_key = true, .description = "How long an orphaned session waits for its client to reconnect before it is closed."},
    SettingInfo{.key = "ClientServicesKeepAliveInterval", .kind = server, .type = seconds,
                .default_value = "120", .min = Duration::seconds(1), .max = Duration::seconds(86400),
                .until_platform = 20,
                .session_key = true, .description = "Seconds between keep-alive messages; twice this is the initial inactivity period after a lost connection."},
    // Business Central server instance: other timeouts, checked for format.
    SettingInfo{.key = "ClientServicesOperationTimeout", .kind = server, .type = timespan_or_max,
                .default_value = "MaxValue", .min = kOneTick,
                .description = "Longest time a client services operation may run."},
    SettingInfo{.key = "ManagementServicesIdleClientTimeout", .kind = server, .type = timespan_or_max,
                .default_value = "10:00:00", .min = kOneTick,
                .description = "How long a management services connection may stay inactive."},
    SettingInfo{.key = "SOAPServicesOperationTimeout", .kind = server, .type = timespan_or_max,
                .default_value = "00:10:00", .min = kOneTick,
                .description = "Longest time a SOAP web service operation may run.", .dynamically_updatable = true},
    SettingInfo{.key = "ODataServicesOperationTimeout", .kind = server, .type = timespan_or_max,
                .default_value = "00:08:00", .min = kOneTick,
                .description = "Longest time an OData operation may run before a RequestTimeout error.", .dynamically_updatable = true},
    SettingInfo{.key = "SqlCommandTimeout", .kind = server, .type = timespan_or_max,
                .default_value = "00:30:00", .min = kOneTick,
                .description = "Longest time a SQL command may run."},
    SettingInfo{.key = "SqlConnectionTimeout", .kind = server, .type = timespan,
                .default_value = "00:01:30", .min = kOneTick,
                .description = "How long to wait when opening a SQL connection.", .dynamically_updatable = true},
    SettingInfo{.key = "SqlConnectionIdleTimeout", .kind = server, .type = timespan,
                .default_value = "00:05:00", .min = kOneTick,
                .description = "How long an idle SQL connection stays in the pool.", .dynamically_updatable = true},
    SettingInfo{.key = "SearchTimeout", .kind = server, .type = timespan,
                .default_value = "00:00:10", .min = kOneTick,
                .description = "Longest time a search in the client may run.", .dynamically_updatable = true},
    SettingInfo{.key = "NavHttpClientMaxTimeout", .kind = server, .type = timespan_or_max,
                .default_value = "00:05:00", .min = kOneTick,
                .description = "Largest timeout AL code may set on an HttpClient.", .dynamically_updatable = true},
    SettingInfo{.key = "BackgroundSessionsDefaultTimeout", .kind = server, .type = timespan_or_max,
                .default_value = "08:00:00", .min = kOneTick,
                .description = "Default time a background session may run.", .dynamically_updatable = true},
    SettingInfo{.key = "DefaultTaskSchedulerSessionTimeout", .kind = server, .type = timespan_or_max,
                .default_value = "12:00:00", .min = kOneTick,
                .description = "Default time a task scheduler session may run.", .dynamically_updatable = true},
    SettingInfo{.key = "MaxTaskSchedulerSessionTimeout", .kind = server, .type = timespan_or_max,
                .default_value = "23:59:59", .min = kOneTick, .since_platform = 22,
                .description = "Longest time a task scheduler session may run.", .dynamically_updatable = true},
    SettingInfo{.key = "PageBackgroundTaskDefaultTimeout", .kind = server, .type = timespan_or_max,
                .default_value = "00:02:00", .min = kOneTick,
                .description = "Default time a page background task may run.", .dynamically_updatable = true},
    SettingInfo{.key = "PageBackgroundTaskMaxTimeout", .kind = server, .type = timespan_or_max,
                .default_value = "00:10:00", .min = kOneTick,
                .description = "Longest time a page background task may run.", .dynamically_updatable = true},
    SettingInfo{.key = "ReportTimeout", .kind = server, .type = timespan_or_max,
                .default_value = "12:00:00", .min = kOneTick,
                .description = "Longest time a report may run.", .dynamically_updatable = true},
    SettingInfo{.key = "ReportDefaultTimeout", .kind = server, .type = timespan_or_max,
                .default_value = "06:00:00", .min = kOneTick,
                .description = "Default time a report may run.", .dynamically_updatable = true},
    SettingInfo{.key = "QueryTimeout", .kind = server, .type = timespan_or_max,
                .default_value = "MaxValue", .min = kOneTick,
                .description = "Longest time a query may run.", .dynamically_updatable = true},
    // Business Central web server instance (navsettings.json, or a NAV web.config).
    SettingInfo{.key = "SessionTimeout", .kind = web, .type = timespan_or_max,
                .default_value = "00:20:00", .min = kOneTick,
                .session_key = true, .description = "How long a web client session stays open with no activity."},
    SettingInfo{.key = "Server", .kind = web, .type = string, .default_value = "localhost",
                .session_key = true, .description = "Host of the server instance the web client talks to."},
    SettingInfo{.key = "ServerInstance", .kind = web, .type = string, .default_value = "BC",
                .session_key = true, .description = "Name of the server instance the web client talks to."},
    SettingInfo{.key = "ClientServicesPort", .kind = web, .type = integer, .default_value = "7085",
                .min_int = 1, .max_int = 65535,
                .session_key = true, .description = "Client services port of the server instance the web client talks to."},
    // Finance & Operations.
    SettingInfo{.key = "WebClientStatefulSessionTimeoutInSeconds", .kind = aos, .type = seconds,
                .min = Duration::minutes(5), .max = Duration::minutes(60),
                .session_key = true, .description = "Legacy inactivity timeout in seconds; when set it is still honoured and shadows the system parameter."},
    SettingInfo{.key = "SessionInactivityTimeout", .kind = aos, .type = timespan, .default_value = "00:30:00",
                .min = Duration::minutes(5), .max = Duration::minutes(60), .system_parameter = true,
                .session_key = true, .description = "System parameter \"Session inactivity timeout in minutes\" (System administration > Setup > System parameters)."},
};

}  // namespace

const char* to_string(ValueType type) {
  switch (type) {
    case timespan: return "timespan";
    case timespan_or_max: return "timespan-or-MaxValue";
    case seconds: return "seconds";
    case integer: return "integer";
    case string: return "string";
  }
  return "?";
}

std::span<const SettingInfo> catalog() { return kCatalog; }

namespace {

// The rows by key length: lint looks up every key of every file (hundreds per
// CustomSettings.config, almost all of them not catalogued), and a length rules out nearly
// every row before a byte is compared. A plain search of the 28 rows cost 5.2M more
// instructions (7.4M instead of 2.2M, 2.4% of the run) in lint over the 100-deployment bench
// fleet (callgrind, SESSIONTOOL_JOBS=1 lint --format json --fail-on none).
constexpr std::size_t kLongestKey = 63;

struct RowsByLength {
  std::array<std::uint8_t, kLongestKey + 2> first{};  // rows of length n: order[first[n] .. first[n + 1])
  std::array<std::uint8_t, kCatalog.size()> order{};

  constexpr RowsByLength() {
    std::size_t next = 0;
    for (std::size_t length = 0; length <= kLongestKey; ++length) {
      first[length] = static_cast<std::uint8_t>(next);
      for (std::size_t row = 0; row < kCatalog.size(); ++row)
        if (kCatalog[row].key.size() == length) order[next++] = static_cast<std::uint8_t>(row);
    }
    first[kLongestKey + 1] = static_cast<std::uint8_t>(next);
  }
};

constexpr RowsByLength kRowsByLength;
static_assert(kCatalog.size() < 256);
static_assert(kRowsByLength.first[kLongestKey + 1] == kCatalog.size(), "a catalogued key is longer than kLongestKey");

template <typename Match>
const SettingInfo* find_row(std::string_view key, Match match) {
  if (key.size() > kLongestKey) return nullptr;
  for (std::size_t i = kRowsByLength.first[key.size()]; i < kRowsByLength.first[key.size() + 1]; ++i) {
    const SettingInfo& info = kCatalog[kRowsByLength.order[i]];
    if (equals_ignoring_case(info.key, key) && match(info)) return &info;
  }
  return nullptr;
}

}  // namespace

const SettingInfo* find_setting(std::string_view key, FileKind kind) {
  return find_row(key, [kind](const SettingInfo& info) { return info.kind == kind; });
}

const SettingInfo* find_setting(std::string_view key) {
  return find_row(key, [](const SettingInfo&) { return true; });
}

static std::optional<std::int64_t> parse_integer(std::string_view text) {
  // .NET's int parsing allows surrounding white space; so do we.
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
  if (!text.empty() && text.front() == '+') text.remove_prefix(1);
  std::int64_t value = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (text.empty() || ec != std::errc{} || end != text.data() + text.size()) return std::nullopt;
  return value;
}

Interpretation interpret_value(const SettingInfo& info, std::string_view text) {
  Interpretation result;
  switch (info.type) {
    case string:
      break;
    case integer:
    case seconds: {
      auto number = parse_integer(text);
      if (!number || *number > INT32_MAX || *number < INT32_MIN) {
        result.error = info.type == seconds ? "not a whole number of seconds" : "not a whole number";
        break;
      }
      result.integer = *number;
      if (info.type == seconds) result.duration = Duration::seconds(*number);
      break;
    }
    case timespan:
    case timespan_or_max: {
      auto parsed = parse_timespan(text);
      if (!parsed) {
        result.error = parsed.error();
        break;
      }
      if (parsed->max_value_keyword && info.type != timespan_or_max) {
        result.error = "MaxValue is not allowed for this setting";
        break;
      }
      result.timespan = *parsed;
      result.duration = parsed->value;
      break;
    }
  }
  return result;
}

std::expected<std::string, std::string> native_value(const SettingInfo& info, Duration d) {
  switch (info.type) {
    case timespan:
      if (d.is_unbounded()) return std::unexpected("MaxValue is not allowed for this setting");
      return format_timespan(d);
    case timespan_or_max:
      return format_timespan(d);
    case seconds:
      if (d.is_unbounded()) return std::unexpected("this setting is in seconds and cannot be unbounded");
      if (!d.whole_seconds()) return std::unexpected("this setting holds whole seconds only");
      return std::to_string(d.ticks / Duration::kTicksPerSecond);
    case integer:
    case string:
      break;
  }
  return std::unexpected("not a duration setting");
}

std::expected<std::string, std::string> native_from_argument(const SettingInfo& info,
                                                            std::string_view text) {
  if (!info.is_duration()) {
    Interpretation check = interpret_value(info, text);
    if (!check.ok()) return std::unexpected(check.error);
    return std::string(text);
  }
  // A bare integer for a seconds key is seconds, as the file holds it.
  if (info.type == seconds) {
    if (auto number = parse_integer(text)) return std::to_string(*number);
  }
  auto duration = parse_duration_argument(text);
  if (!duration) return std::unexpected(duration.error());
  return native_value(info, *duration);
}

}  // namespace sessiontool

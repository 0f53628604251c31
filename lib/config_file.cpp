#include "config_file.hpp"

#include <array>

#include <fmt/format.h>

#include "edit_distance.hpp"
#include "located_json.hpp"
#include "platform.hpp"

namespace sessiontool {
namespace {

using nlohmann::json;

constexpr std::array<std::string_view, 7> kFields = {"$schema", "disable", "severity", "lb_idle_timeout",
                                                     "fo_inactivity_timeout", "platform", "policy"};
constexpr std::array<std::string_view, 3> kPolicyFields = {"max_inactivity", "min_inactivity",
                                                           "max_reconnect_window"};

// " (did you mean 'disable'?)" for a near miss among `names`.
template <std::size_t N>
std::string suggestion(std::string_view name, const std::array<std::string_view, N>& names) {
  const std::string_view near = nearest_name(name, names, 2);
  return near.empty() ? std::string() : fmt::format(" (did you mean '{}'?)", near);
}

// Checks one parsed file; the first problem stops it, with the line of the member at fault.
class Checker {
 public:
  Checker(const std::filesystem::path& path, std::string_view text, const LocatedJson& json)
      : text_(std::string(text)), json_(json) {
    config.path = path;
  }

  bool run() {
    const json& root = json_.value;
    if (!root.is_object()) return fail("", "the configuration must be a JSON object");
    for (const auto& [name, value] : root.items()) {
      const std::string at = "/" + name;
      if (name == "$schema") continue;
      if (name == "disable") {
        if (!disable(at, value)) return false;
      } else if (name == "severity") {
        if (!severity(at, value)) return false;
      } else if (name == "lb_idle_timeout") {
        if (value.is_string() && value.get<std::string>() == "none") {
          config.lb_idle_timeout = Duration::unbounded();
        } else if (!duration(at, value, config.lb_idle_timeout, "a duration such as \"4m\", or \"none\"")) {
          return false;
        }
      } else if (name == "fo_inactivity_timeout") {
        if (!duration(at, value, config.fo_inactivity_timeout, "a duration such as \"30m\"")) return false;
      } else if (name == "platform") {
        if (!value.is_number_integer() || value.get<std::int64_t>() < 1 || value.get<std::int64_t>() > 99)
          return fail(at, "platform must be a whole number from 1 to 99 (the Business Central major version)");
        config.platform = value.get<int>();
      } else if (name == "policy") {
        if (!policy(at, value)) return false;
      } else {
        return fail(at, fmt::format("unknown field '{}'{}; the fields are {}", name, suggestion(name, kFields),
                                    fmt::join(std::span(kFields).subspan(1), ", ")));
      }
    }
    return true;
  }

  ConfigFile config;
  ConfigError error;

 private:
  bool fail(const std::string& pointer, std::string message) {
    const auto it = json_.offsets.find(pointer);
    error = {config.path, it == json_.offsets.end() ? Position{} : text_.position(it->second), std::move(message)};
    return false;
  }

  // A rule id as the table spells it, or a failure saying why not.
  const Rule* rule(const std::string& at, const json& value) {
    if (!value.is_string()) {
      fail(at, "a rule id must be a string such as \"ST103\"");
      return nullptr;
    }
    auto found = configurable_rule(value.get<std::string>());
    if (!found) {
      fail(at, found.error());
      return nullptr;
    }
    return *found;
  }

  bool disable(const std::string& at, const json& value) {
    if (!value.is_array()) return fail(at, "disable must be a list of rule ids, e.g. [\"ST102\", \"ST203\"]");
    for (std::size_t i = 0; i < value.size(); ++i) {
      const Rule* found = rule(fmt::format("{}/{}", at, i), value[i]);
      if (!found) return false;
      config.disable.emplace_back(found->id);
    }
    return true;
  }

  bool severity(const std::string& at, const json& value) {
    if (!value.is_object()) return fail(at, "severity must map rule ids to levels, e.g. {\"ST202\": \"error\"}");
    for (const auto& [id, level] : value.items()) {
      const std::string member = at + "/" + id;
      const Rule* found = rule(member, id);
      if (!found) return false;
      const auto parsed = level.is_string() ? severity_from_string(level.get<std::string>()) : std::nullopt;
      if (!parsed) return fail(member, fmt::format("the severity of {} must be \"error\", \"warning\" or \"info\"", id));
      config.severity.emplace_back(found->id, *parsed);
    }
    return true;
  }

  bool policy(const std::string& at, const json& value) {
    if (!value.is_object())
      return fail(at, "policy must be an object with max_inactivity, min_inactivity and max_reconnect_window");
    for (const auto& [name, limit] : value.items()) {
      const std::string member = at + "/" + name;
      std::optional<Duration>* target = name == "max_inactivity"         ? &config.policy.max_inactivity
                                        : name == "min_inactivity"       ? &config.policy.min_inactivity
                                        : name == "max_reconnect_window" ? &config.policy.max_reconnect_window
                                                                         : nullptr;
      if (!target)
        return fail(member, fmt::format("unknown policy field '{}'{}; the fields are {}", name,
                                        suggestion(name, kPolicyFields), fmt::join(kPolicyFields, ", ")));
      if (!duration(member, limit, *target, "a duration such as \"30m\"")) return false;
    }
    return true;
  }

  bool duration(const std::string& at, const json& value, std::optional<Duration>& out, std::string_view expected) {
    if (!value.is_string()) return fail(at, fmt::format("{} must be {}", at.substr(at.rfind('/') + 1), expected));
    auto parsed = parse_duration_argument(value.get<std::string>());
    if (!parsed)
      return fail(at, fmt::format("{} = \"{}\": {}; expected {}", at.substr(at.rfind('/') + 1),
                                  value.get<std::string>(), parsed.error(), expected));
    out = *parsed;
    return true;
  }

  SourceText text_;
  const LocatedJson& json_;
};

}  // namespace

std::optional<std::filesystem::path> find_config_file(const std::filesystem::path& dir) {
  std::error_code ec;
  std::filesystem::path at = std::filesystem::absolute(dir, ec).lexically_normal();
  while (true) {
    const std::filesystem::path candidate = at / kConfigFileName;
    if (std::filesystem::is_regular_file(candidate, ec)) return candidate;
    if (!at.has_relative_path()) return std::nullopt;  // the root
    at = at.parent_path();
  }
}

std::expected<ConfigFile, ConfigError> parse_config(const std::filesystem::path& path, std::string_view text) {
  auto parsed = parse_located_json(text);
  if (!parsed) {
    SourceText source{std::string(text)};
    return std::unexpected(ConfigError{path, source.position(parsed.error().offset), parsed.error().message});
  }
  Checker checker(path, text, *parsed);
  if (!checker.run()) return std::unexpected(checker.error);
  return std::move(checker.config);
}

std::expected<ConfigFile, ConfigError> load_config(const std::filesystem::path& path) {
  auto bytes = platform::read_file(path);
  if (!bytes) return std::unexpected(ConfigError{path, {}, "cannot read: " + bytes.error()});
  return parse_config(path, *bytes);
}

}  // namespace sessiontool

#include "lint/config_file.hpp"

#include <array>
#include <charconv>
#include <set>
#include <utility>

#include <fmt/format.h>

#include "text/suggest.hpp"
#include "read/json_scanner.hpp"
#include "platform/platform.hpp"

namespace sessiontool {
namespace {


constexpr std::array<std::string_view, 7> kFields = {"$schema", "disable", "severity", "lb_idle_timeout",
                                                     "fo_inactivity_timeout", "platform", "policy"};
constexpr std::array<std::string_view, 3> kPolicyFields = {"max_inactivity", "min_inactivity",
                                                           "max_reconnect_window"};

// Checks one scanned file; the first problem stops it, with the line of the member at fault.
class Checker {
 public:
  Checker(const std::filesystem::path& path, std::string_view text, const std::vector<JsonMember>& members)
      : text_(std::string(text)), members_(members) {
    config.path = path;
  }

  bool run() {
    if (!no_repeated_keys()) return false;
    for (const JsonMember& member : members_) {
      if (member.depth != 1) continue;
      const std::string& name = member.key;
      if (name == "$schema") continue;
      if (name == "disable") {
        if (!disable(member)) return false;
      } else if (name == "severity") {
        if (!severity(member)) return false;
      } else if (name == "lb_idle_timeout") {
        if (member.kind == JsonKind::string && member.value == "none") {
          config.lb_idle_timeout = Duration::unbounded();
        } else if (!duration(member, config.lb_idle_timeout, "a duration such as \"4m\", or \"none\"")) {
          return false;
        }
      } else if (name == "fo_inactivity_timeout") {
        if (!duration(member, config.fo_inactivity_timeout, "a duration such as \"30m\"")) return false;
      } else if (name == "platform") {
        if (!platform(member)) return false;
      } else if (name == "policy") {
        if (!policy(member)) return false;
      } else {
        return fail(member, fmt::format("unknown field '{}'{}; the fields are {}", name, suggest(name, kFields, 2),
                                        fmt::join(std::span(kFields).subspan(1), ", ")));
      }
    }
    return true;
  }

  ConfigFile config;
  ConfigError error;

 private:
  // At the member's key (its opening quote), or at an element.
  bool fail(const JsonMember& member, std::string message) {
    const std::size_t offset = member.element ? member.key_span.offset : member.key_span.offset - 1;
    error = {config.path, text_.position(offset), std::move(message)};
    return false;
  }

  // A key given twice in one object: the file would say two things.
  bool no_repeated_keys() {
    std::set<std::pair<std::size_t, std::string_view>> seen;
    for (const JsonMember& member : members_)
      if (!member.element && !seen.emplace(member.container, member.key).second)
        return fail(member, fmt::format("duplicate key \"{}\"", member.key));
    return true;
  }

  // The members or elements of an object or array member's value, in document order.
  std::vector<const JsonMember*> children(const JsonMember& parent) const {
    std::vector<const JsonMember*> found;
    for (const JsonMember& member : members_)
      if (member.depth == parent.depth + 1 && member.container == parent.value_span.offset) found.push_back(&member);
    return found;
  }

  // A rule id as the table spells it, or a failure saying why not.
  const Rule* rule(const JsonMember& at, std::string_view id) {
    auto found = configurable_rule(id);
    if (!found) {
      fail(at, found.error());
      return nullptr;
    }
    return *found;
  }

  bool disable(const JsonMember& member) {
    if (member.kind != JsonKind::array)
      return fail(member, "disable must be a list of rule ids, e.g. [\"ST102\", \"ST203\"]");
    for (const JsonMember* item : children(member)) {
      if (item->kind != JsonKind::string) return fail(*item, "a rule id must be a string such as \"ST103\"");
      const Rule* found = rule(*item, item->value);
      if (!found) return false;
      config.disable.emplace_back(found->id);
    }
    return true;
  }

  bool severity(const JsonMember& member) {
    if (member.kind != JsonKind::object)
      return fail(member, "severity must map rule ids to levels, e.g. {\"ST202\": \"error\"}");
    for (const JsonMember* level : children(member)) {
      const Rule* found = rule(*level, level->key);
      if (!found) return false;
      const auto parsed = level->kind == JsonKind::string ? severity_from_string(level->value) : std::nullopt;
      if (!parsed)
        return fail(*level, fmt::format("the severity of {} must be \"error\", \"warning\" or \"info\"", level->key));
      config.severity.emplace_back(found->id, *parsed);
    }
    return true;
  }

  bool platform(const JsonMember& member) {
    const std::string& token = member.value;  // a number's own text
    int version = 0;
    const auto [end, ec] = std::from_chars(token.data(), token.data() + token.size(), version);
    if (member.kind != JsonKind::number || ec != std::errc{} || end != token.data() + token.size() || version < 1 ||
        version > 99)
      return fail(member, "platform must be a whole number from 1 to 99 (the Business Central major version)");
    config.platform = version;
    return true;
  }

  bool policy(const JsonMember& member) {
    if (member.kind != JsonKind::object)
      return fail(member, "policy must be an object with max_inactivity, min_inactivity and max_reconnect_window");
    for (const JsonMember* limit : children(member)) {
      const std::string& name = limit->key;
      std::optional<Duration>* target = name == "max_inactivity"         ? &config.policy.max_inactivity
                                        : name == "min_inactivity"       ? &config.policy.min_inactivity
                                        : name == "max_reconnect_window" ? &config.policy.max_reconnect_window
                                                                         : nullptr;
      if (!target)
        return fail(*limit, fmt::format("unknown policy field '{}'{}; the fields are {}", name,
                                        suggest(name, kPolicyFields, 2), fmt::join(kPolicyFields, ", ")));
      if (!duration(*limit, *target, "a duration such as \"30m\"")) return false;
    }
    return true;
  }

  bool duration(const JsonMember& member, std::optional<Duration>& out, std::string_view expected) {
    if (member.kind != JsonKind::string) return fail(member, fmt::format("{} must be {}", member.key, expected));
    auto parsed = parse_duration_argument(member.value);
    if (!parsed)
      return fail(member, fmt::format("{} = \"{}\": {}; expected {}", member.key, member.value, parsed.error(), expected));
    out = *parsed;
    return true;
  }

  SourceText text_;
  const std::vector<JsonMember>& members_;
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
  const auto members = scan_json_object(text);
  if (!members) {
    SourceText source{std::string(text)};
    return std::unexpected(ConfigError{path, source.position(members.error().offset), members.error().message});
  }
  Checker checker(path, text, *members);
  if (!checker.run()) return std::unexpected(checker.error);
  return std::move(checker.config);
}

std::expected<ConfigFile, ConfigError> load_config(const std::filesystem::path& path) {
  auto bytes = platform::read_file(path);
  if (!bytes) return std::unexpected(ConfigError{path, {}, "cannot read: " + bytes.error()});
  return parse_config(path, *bytes);
}

}  // namespace sessiontool

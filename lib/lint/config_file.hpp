#pragma once
// .sessiontool.json: a project's lint settings and the facts the files cannot tell (the load
// balancer, the F&O system parameter, the platform), found from the working directory upward.
// Command-line options override it.

#include <expected>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "lint/rules.hpp"

namespace sessiontool {

inline constexpr std::string_view kConfigFileName = ".sessiontool.json";

struct ConfigFile {
  std::filesystem::path path;  // empty when there is none
  std::vector<std::string> disable;                       // rule ids, as the table spells them
  std::vector<std::pair<std::string, Severity>> severity;  // per-rule overrides
  std::optional<Duration> lb_idle_timeout;  // Duration::unbounded() for "none" (no load balancer)
  std::optional<Duration> fo_inactivity_timeout;
  std::optional<int> platform;
  Policy policy;
};

struct ConfigError {
  std::filesystem::path path;
  Position pos;  // line 0 when the problem has no place in the file (unreadable)
  std::string message;
};

// The nearest .sessiontool.json in `dir` or one of its parents.
std::optional<std::filesystem::path> find_config_file(const std::filesystem::path& dir);

// Parses and checks a configuration file's text: unknown fields, unknown rule ids and bad
// values are errors that name the line.
std::expected<ConfigFile, ConfigError> parse_config(const std::filesystem::path& path, std::string_view text);

// Reads and parses a configuration file.
std::expected<ConfigFile, ConfigError> load_config(const std::filesystem::path& path);

}  // namespace sessiontool

#include "common_options.hpp"

#include <fmt/format.h>

#include "usage_error.hpp"

namespace sessiontool::cli {

void add_common_options(CLI::App& command, CommonOptions& options) {
  command.add_option("--platform", options.platform,
                     "Business Central platform major version (21+: no reconnect keys)")
      ->check(CLI::Range(1, 99));
  command.add_option("--lb-idle-timeout", options.lb_idle_timeout,
                     "Load balancer idle timeout (default 4m, Azure's; 'none' disables)");
  command.add_option("--fo-inactivity-timeout", options.fo_inactivity_timeout,
                     "F&O system parameter 'Session inactivity timeout' (default 30m)");
  command.add_option("--as", options.as, "Read explicitly given files as this kind")
      ->check(CLI::IsMember({"server", "web", "aos"}));
  command.add_option("--config", options.config, "Configuration file (default: .sessiontool.json upward)");
  command.add_option("--color", options.color, "Colour output")->check(CLI::IsMember({"auto", "always", "never"}));
}

static Duration duration_option(const std::string& name, const std::string& text) {
  auto parsed = parse_duration_argument(text);
  if (!parsed) throw UsageError(fmt::format("{}: {}", name, parsed.error()));
  return *parsed;
}

ResolveOptions resolve_options(const CommonOptions& options) {
  ResolveOptions result;
  if (options.platform) result.platform = options.platform;
  if (!options.fo_inactivity_timeout.empty())
    result.fo_inactivity_timeout = duration_option("--fo-inactivity-timeout", options.fo_inactivity_timeout);
  return result;
}

std::optional<FileKind> forced_kind(const CommonOptions& options) {
  if (options.as.empty()) return std::nullopt;
  return file_kind_from_string(options.as);
}

std::optional<Duration> lb_idle_timeout(const CommonOptions& options) {
  if (options.lb_idle_timeout == "none") return std::nullopt;
  if (options.lb_idle_timeout.empty()) return Duration::minutes(4);
  return duration_option("--lb-idle-timeout", options.lb_idle_timeout);
}

std::vector<std::filesystem::path> input_paths(const CommonOptions& options) {
  if (options.paths.empty()) return {"."};
  return {options.paths.begin(), options.paths.end()};
}

Style style_for(const CommonOptions& options, std::FILE* stream) {
  return Style::choose(options.color, stream);
}

}  // namespace sessiontool::cli

#include "common_options.hpp"

#include <CLI/CLI.hpp>
#include <fmt/format.h>
#include <fmt/ranges.h>

#include "read/installed.hpp"
#include "text/path_text.hpp"
#include "usage_error.hpp"

namespace sessiontool::cli {

void add_common_options(CLI::App& command, CommonOptions& options) {
  // One heading in --help, and one section in the man page (which keys on the group name).
  const std::string group = kCommonOptionsGroup;
  command.add_option("--platform", options.platform,
                     "Business Central platform major version (21+: no reconnect keys); default: .sessiontool.json, "
                     "else what the files tell")
      ->check(CLI::Range(1, 99))
      ->type_name("N")
      ->group(group);
  command.add_option("--lb-idle-timeout", options.lb_idle_timeout,
                     "Load balancer idle timeout (default 4m, Azure's; 'none' disables)")
      ->type_name("DURATION")
      ->group(group);
  command.add_option("--fo-inactivity-timeout", options.fo_inactivity_timeout,
                     "F&O system parameter 'Session inactivity timeout' (default 30m)")
      ->type_name("DURATION")
      ->group(group);
  command.add_option("--as", options.as,
                     "Read explicitly given files as this kind (docker-inspect, compose, env-file: container "
                     "descriptions, for show and lint)")
      ->check(CLI::IsMember({"server", "web", "aos", "docker-inspect", "compose", "env-file"}))
      ->group(group);
  command.add_option("--config", options.config, "Configuration file (default: .sessiontool.json upward)")
      ->type_name("FILE")
      ->group(group);
  command.add_option("--color", options.color, "Colour output")
      ->check(CLI::IsMember({"auto", "always", "never"}))
      ->group(group);
  add_installed_option(command, options);
}

void add_installed_option(CLI::App& command, CommonOptions& options) {
  command
      .add_flag("--installed", options.installed,
                "Also read the deployments installed on this machine: server instances under %ProgramFiles%, web "
                "instances of IIS's sites (else %SystemDrive%\\inetpub\\wwwroot), the F&O AOS's "
                "AosService\\WebRoot")
      ->group(kCommonOptionsGroup);
}

static Duration duration_option(const std::string& name, const std::string& text) {
  auto parsed = parse_duration_argument(text);
  if (!parsed) throw UsageError(fmt::format("{}: {}", name, parsed.error()));
  return *parsed;
}

const ConfigFile& config_file(const CommonOptions& options) {
  if (options.loaded_config) return *options.loaded_config;
  std::optional<std::filesystem::path> path;
  if (!options.config.empty()) {
    path = path_from_utf8(options.config);
  } else if (auto found = find_config_file(std::filesystem::current_path())) {
    path = std::filesystem::proximate(*found);  // shorter in messages
  }
  if (!path) return options.loaded_config.emplace();
  auto loaded = load_config(*path);
  if (!loaded) {
    const ConfigError& e = loaded.error();
    throw UsageError(e.pos.line ? fmt::format("{}:{}:{}: {}", utf8_text(e.path), e.pos.line, e.pos.column, e.message)
                                : fmt::format("{}: {}", utf8_text(e.path), e.message));
  }
  return options.loaded_config.emplace(std::move(*loaded));
}

ResolveOptions resolve_options(const CommonOptions& options) {
  const ConfigFile& config = config_file(options);
  ResolveOptions result;
  result.platform = options.platform ? std::optional<int>(options.platform) : config.platform;
  if (!options.platform && config.platform) {
    result.platform_source = BcPlatform::Source::config_file;
    result.platform_stated_by = fmt::format("\"platform\" in {}", utf8_text(config.path));
  }
  result.fo_inactivity_timeout =
      options.fo_inactivity_timeout.empty()
          ? config.fo_inactivity_timeout
          : duration_option("--fo-inactivity-timeout", options.fo_inactivity_timeout);
  return result;
}

std::string fo_inactivity_source(const CommonOptions& options) {
  if (!options.fo_inactivity_timeout.empty()) return "--fo-inactivity-timeout";
  const ConfigFile& config = config_file(options);
  if (config.fo_inactivity_timeout) return fmt::format("fo_inactivity_timeout in {}", utf8_text(config.path));
  return {};
}

std::optional<ContainerSource> forced_container(const CommonOptions& options) {
  for (ContainerSource source : {ContainerSource::docker_inspect, ContainerSource::compose, ContainerSource::env_file})
    if (options.as == to_string(source)) return source;
  return std::nullopt;
}

std::optional<FileKind> forced_kind(const CommonOptions& options) {
  if (options.as.empty()) return std::nullopt;
  return file_kind_from_string(options.as);
}

std::optional<Duration> lb_idle_timeout(const CommonOptions& options) {
  if (options.lb_idle_timeout == "none") return std::nullopt;
  if (!options.lb_idle_timeout.empty()) return duration_option("--lb-idle-timeout", options.lb_idle_timeout);
  const ConfigFile& config = config_file(options);
  if (config.lb_idle_timeout) {
    if (config.lb_idle_timeout->is_unbounded()) return std::nullopt;  // "none"
    return config.lb_idle_timeout;
  }
  return Duration::minutes(4);
}

std::vector<std::filesystem::path> input_paths(const CommonOptions& options) {
  if (options.paths.empty() && !options.installed) return {"."};
  std::vector<std::filesystem::path> paths;
  for (const std::string& text : options.paths) paths.push_back(path_from_utf8(text));
  const std::vector<std::filesystem::path> installed = installed_files(options);
  paths.insert(paths.end(), installed.begin(), installed.end());
  return paths;
}

std::vector<std::filesystem::path> installed_files(const CommonOptions& options) {
  if (!options.installed) return {};
  if (!options.as.empty()) throw UsageError("--as applies to files given by name, not to --installed: give them apart");
  const InstalledSearch search = find_installed(installed_places_of_this_machine());
  if (search.files.empty()) {
    std::vector<std::string> places;
    for (const std::filesystem::path& place : search.looked_in) places.push_back(utf8_text(place));
    throw UsageError(places.empty()
                         ? std::string("--installed: this system names none of the places the products install to "
                                       "(%ProgramFiles%, %windir%, %SystemDrive% are not set); give the files' paths")
                         : fmt::format("--installed: no deployment found where the products install them ({})",
                                       fmt::join(places, "; ")));
  }
  return search.files;
}

bool reads_current_directory(const CommonOptions& options) { return options.paths.empty() && !options.installed; }

Style style_for(const CommonOptions& options, std::FILE* stream) {
  return Style::choose(options.color, stream);
}

LintOptions configured_lint_options(const CommonOptions& options) {
  const ConfigFile& config = config_file(options);
  return {.resolve = resolve_options(options),
          .fo_inactivity_source = fo_inactivity_source(options),
          .lb_idle_timeout = lb_idle_timeout(options),
          .policy = config.policy,
          .disabled = config.disable,
          .severity = config.severity};
}

}  // namespace sessiontool::cli

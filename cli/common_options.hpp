#pragma once
// Options every subcommand that reads deployments takes (SPEC §6 "common").

#include <optional>
#include <string>
#include <vector>

#include "lint/config_file.hpp"
#include "read/containers.hpp"
#include "read/document.hpp"
#include "resolve/resolve.hpp"
#include "lint/rules.hpp"
#include "style.hpp"

// Declared only: the renderers that include this need no CLI11 (a costly header to compile).
namespace CLI {
class App;
}

namespace sessiontool::cli {

struct CommonOptions {
  std::vector<std::string> paths;
  int platform = 0;  // 0: unknown
  std::string lb_idle_timeout;
  std::string fo_inactivity_timeout;
  std::string as;
  std::string config;
  std::string color = "auto";
  bool installed = false;  // --installed: the deployments installed on this machine (installed.hpp)
  // The configuration file, read on first use by config_file() (so `show` and `lint` share it).
  mutable std::optional<ConfigFile> loaded_config;
};

inline constexpr const char* kCommonOptionsGroup = "Common options";
void add_common_options(CLI::App& command, CommonOptions& options);
// --installed (added by add_common_options).
void add_installed_option(CLI::App& command, CommonOptions& options);

// --config FILE, else the nearest .sessiontool.json upward from the working directory, else an
// empty ConfigFile. Throws UsageError naming the file, line and problem for a bad one.
const ConfigFile& config_file(const CommonOptions& options);

// The options as the library wants them, command-line flags over the configuration file.
// Throws UsageError for a bad value.
ResolveOptions resolve_options(const CommonOptions& options);
std::optional<FileKind> forced_kind(const CommonOptions& options);
// --as docker-inspect|compose|env-file: the files given are container descriptions of that kind.
std::optional<ContainerSource> forced_container(const CommonOptions& options);
// Load-balancer idle timeout: default 4 minutes (Azure); "none" disables the check.
std::optional<Duration> lb_idle_timeout(const CommonOptions& options);
// Where the F&O system parameter came from, for lint messages ("--fo-inactivity-timeout").
std::string fo_inactivity_source(const CommonOptions& options);
// The paths given, then with --installed the configuration files installed on this machine;
// none given and no --installed: the current directory. Throws UsageError when --installed finds
// nothing (saying where it looked).
std::vector<std::filesystem::path> input_paths(const CommonOptions& options);
// With --installed, the configuration files installed on this machine (else none). Throws
// UsageError when it finds nothing, saying where it looked.
std::vector<std::filesystem::path> installed_files(const CommonOptions& options);
// Whether the command reads the current directory because no path was given.
bool reads_current_directory(const CommonOptions& options);
Style style_for(const CommonOptions& options, std::FILE* stream);
// The rules as the configuration file sets them (disabled, severities, policy) over these options:
// what `diff` and `set` report of findings appearing and going.
LintOptions configured_lint_options(const CommonOptions& options);

}  // namespace sessiontool::cli

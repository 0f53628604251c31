// sessiontool show: effective timeouts with the origin of every value.

#include <memory>

#include <fmt/format.h>

#include "commands.hpp"
#include "lint/container_settings.hpp"
#include "common_options.hpp"
#include "exit_codes.hpp"
#include "read/inputs.hpp"
#include "read_errors.hpp"
#include "show_json.hpp"
#include "show_markdown.hpp"
#include "show_text.hpp"
#include "usage_error.hpp"

namespace sessiontool::cli {
namespace {

struct ShowOptions {
  CommonOptions common;
  std::string format = "text";
  std::vector<std::string> assume;
  bool all = false;
};

// "--assume KEY=VALUE": the key must be known; the value becomes the key's native form.
std::pair<std::string, std::string> parse_assumption(const std::string& text) {
  const auto eq = text.find('=');
  if (eq == std::string::npos || eq == 0)
    throw UsageError(fmt::format("--assume {}: expected KEY=VALUE, e.g. SessionTimeout=30m", text));
  const std::string key = text.substr(0, eq);
  const SettingInfo* info = find_setting(key);
  if (!info) throw UsageError(fmt::format("--assume {}: unknown setting '{}'", text, key));
  auto native = native_from_argument(*info, text.substr(eq + 1));
  if (!native) throw UsageError(fmt::format("--assume {}: {}", text, native.error()));
  return {std::string(info->key), *native};  // as the catalog spells it: keys match case-insensitively
}

int run_show(const ShowOptions& options) {
  ResolveOptions resolve_opts = resolve_options(options.common);
  for (const std::string& text : options.assume) resolve_opts.assume.push_back(parse_assumption(text));
  const ShowTextOptions text_opts{.all = options.all, .lb_idle_timeout = lb_idle_timeout(options.common)};

  const std::optional<ContainerSource> containers_as = forced_container(options.common);
  Inputs inputs = containers_as ? load_container_inputs(input_paths(options.common), *containers_as)
                                : load_inputs(input_paths(options.common), forced_kind(options.common));
  auto deployments = resolve(inputs.documents, resolve_opts);
  // Each container's settings, kept while its deployment points into them.
  std::vector<std::vector<ContainerDeployment>> containers;
  containers.reserve(inputs.containers.size());
  for (const auto& file : inputs.containers)
    for (const ContainerDeployment& container : containers.emplace_back(container_deployments(*file)))
      deployments.push_back(resolve_container(container, resolve_opts));
  if (deployments.empty() && inputs.errors.empty() && reads_current_directory(options.common)) {
    // From C:\ the walk would take the whole drive: say where the deployments are instead.
    fmt::print(stderr,
               "sessiontool: no configuration file under the current directory; to read the deployments installed "
               "on this machine: sessiontool show --installed\n");
  }
  if (options.format == "json") {
    fmt::print("{}", render_show_json(deployments));
  } else if (options.format == "markdown") {
    fmt::print("{}", render_show_markdown(deployments, inputs.errors));
  } else {
    fmt::print("{}", render_show_text(deployments, text_opts, style_for(options.common, stdout)));
  }
  std::fflush(stdout);
  print_read_errors(inputs.errors, style_for(options.common, stderr));
  return inputs.errors.empty() ? kExitOk : kExitBadInput;
}

}  // namespace

void setup_show(CLI::App& app, int& exit_code) {
  auto options = std::make_shared<ShowOptions>();
  CLI::App* show = app.add_subcommand("show", "Show effective session timeouts and where each value comes from");
  show->add_option("paths", options->common.paths,
                   "Files or directories (default: current directory); '-' reads docker inspect, docker compose "
                   "config --format json or an env file from standard input");
  show->add_option("--format", options->format, "Output format (markdown: a table for a CI summary)")
      ->check(CLI::IsMember({"text", "json", "markdown"}));
  show->add_option("--assume", options->assume, "What-if: use KEY=VALUE instead of the files' value (repeatable)")
      ->allow_extra_args(false);  // `--assume K=V dir/`: dir/ is a path
  show->add_flag("--all", options->all, "Also list the other catalogued timeouts");
  add_common_options(*show, options->common);
  show->footer(
      "Examples:\n"
      "  sessiontool show                                  # deployments under the current directory\n"
      "  sessiontool show C:\\BC\\Service\\CustomSettings.config C:\\BC\\Web\\navsettings.json\n"
      "  sessiontool show --assume SessionTimeout=45m      # what if the web timeout were 45 minutes\n"
      "  sessiontool show --format json | jq '.deployments[].effective'\n"
      "  sessiontool show deploy/ --format markdown >> \"$GITHUB_STEP_SUMMARY\"\n"
      "  sessiontool show --installed                      # the server, web and AOS instances installed here\n"
      "  docker inspect bc1 | sessiontool show -           # a Business Central container's settings\n"
      "A container's settings come from its customNavSettings and customWebSettings, applied at its first start:\n"
      "set does not edit them; create the container again with new values (docker run -e, compose environment,\n"
      "New-BcContainer -additionalParameters), and show then reports them from its docker inspect.");
  show->callback([options, &exit_code] { exit_code = run_show(*options); });
}

}  // namespace sessiontool::cli

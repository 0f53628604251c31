#include "app.hpp"

#include <exception>
#include <memory>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include "commands.hpp"
#include "exit_codes.hpp"
#include "platform/platform.hpp"
#include "usage_error.hpp"

namespace sessiontool::cli {

std::unique_ptr<CLI::App> build_app(int& exit_code) {
  auto app = std::make_unique<CLI::App>(
      "sessiontool: when Business Central and Finance & Operations sessions really close, and why", "sessiontool");
  app->set_version_flag("--version", SESSIONTOOL_VERSION);
  // CLI11 reads "/x" as an option on Windows; sessiontool's options are "--x" everywhere, and
  // "/BC/Service" (the current drive's root) or Git Bash's "/c/BC" are paths. Subcommands
  // inherit this when added.
  app->allow_windows_style_options(false);
  app->require_subcommand(1);
  app->footer(
      "Examples:\n"
      "  sessiontool show                   # effective timeouts of the deployments under this directory\n"
      "  sessiontool lint deploy/           # check them (exit 1 on warnings)\n"
      "  sessiontool set SessionTimeout=45m C:\\BC\n"
      "'sessiontool COMMAND --help' tells more; 'man sessiontool' tells everything.");
  setup_show(*app, exit_code);
  setup_lint(*app, exit_code);
  setup_explain(*app, exit_code);
  setup_rules(*app, exit_code);
  setup_set(*app, exit_code);
  setup_diff(*app, exit_code);
  setup_completions(*app, exit_code);
  setup_man(*app, exit_code);     // hidden: the man page, from this definition
  setup_schema(*app, exit_code);  // hidden: the catalog-derived JSON Schemas
  return app;
}

int run(int argc, char** argv) {
  platform::prepare_console();
  int exit_code = kExitOk;
  try {
    const std::unique_ptr<CLI::App> built = build_app(exit_code);
    CLI::App& app = *built;
    // CLI11 takes text as it comes: UTF-8 on every system from here on.
    const std::vector<std::string> arguments = platform::utf8_arguments(argc, argv);
    std::vector<const char*> pointers;
    for (const std::string& argument : arguments) pointers.push_back(argument.c_str());
    try {
      app.parse(static_cast<int>(pointers.size()), pointers.data());
    } catch (const CLI::CallForHelp&) {
      fmt::print("{}", app.help());
      return kExitOk;
    } catch (const CLI::CallForAllHelp&) {
      fmt::print("{}", app.help("", CLI::AppFormatMode::All));
      return kExitOk;
    } catch (const CLI::CallForVersion&) {
      fmt::print("sessiontool {}\n", SESSIONTOOL_VERSION);
      return kExitOk;
    } catch (const CLI::ParseError& e) {
      fmt::print(stderr, "sessiontool: error: {}\nRun 'sessiontool --help' for usage.\n", e.what());
      return kExitUsage;
    }
  } catch (const UsageError& e) {
    fmt::print(stderr, "sessiontool: error: {}\n", e.what());
    return kExitUsage;
  } catch (const std::exception& e) {
    fmt::print(stderr, "sessiontool: internal error: {}\n", e.what());
    return kExitInternal;
  } catch (...) {
    fmt::print(stderr, "sessiontool: internal error\n");
    return kExitInternal;
  }
  return exit_code;
}

}  // namespace sessiontool::cli

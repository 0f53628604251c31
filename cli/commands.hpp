#pragma once
// One setup function per subcommand: each adds its options to the app and a callback that
// stores the exit code.

#include <CLI/CLI.hpp>

namespace sessiontool::cli {

void setup_show(CLI::App& app, int& exit_code);
void setup_lint(CLI::App& app, int& exit_code);
void setup_explain(CLI::App& app, int& exit_code);
void setup_rules(CLI::App& app, int& exit_code);
void setup_set(CLI::App& app, int& exit_code);

}  // namespace sessiontool::cli

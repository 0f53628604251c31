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
void setup_diff(CLI::App& app, int& exit_code);
// These read the app they are added to (its subcommands and options): add them last.
void setup_completions(CLI::App& app, int& exit_code);
void setup_man(CLI::App& app, int& exit_code);
void setup_schema(CLI::App& app, int& exit_code);

}  // namespace sessiontool::cli

#pragma once

#include <memory>

// Declared only: main.cpp needs no CLI11 (a costly header to compile).
namespace CLI {
class App;
}

namespace sessiontool::cli {

// The whole command line: every subcommand and option, with callbacks that store their exit
// code in `exit_code`. Completions, the man page and --help all read this one definition, so
// it can be built without running anything.
std::unique_ptr<CLI::App> build_app(int& exit_code);

// Parses the command line, runs the subcommand and returns the exit code (SPEC §6).
// Never throws.
int run(int argc, char** argv);

}  // namespace sessiontool::cli

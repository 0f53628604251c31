#pragma once

namespace sessiontool::cli {

// Parses the command line, runs the subcommand and returns the exit code (SPEC §6).
// Never throws.
int run(int argc, char** argv);

}  // namespace sessiontool::cli

// sessiontool man (hidden): the man page, rendered from the command line definition.

#include <memory>

#include <fmt/format.h>

#include "commands.hpp"
#include "exit_codes.hpp"
#include "man_page.hpp"

namespace sessiontool::cli {

void setup_man(CLI::App& app, int& exit_code) {
  CLI::App* command = app.add_subcommand("man", "Print the man page (roff)");
  command->group("");  // hidden: for packaging, not for users
  command->callback([&app, &exit_code] {
    fmt::print("{}", man_page(cli_model(app), SESSIONTOOL_VERSION));
    exit_code = kExitOk;
  });
}

}  // namespace sessiontool::cli

#pragma once
// The man page sessiontool.1, rendered from the command line model.

#include <string>
#include <string_view>

#include "cli_model.hpp"

namespace sessiontool::cli {

std::string man_page(const CliModel& model, std::string_view version);

}  // namespace sessiontool::cli

#pragma once

#include <stdexcept>

namespace sessiontool::cli {

// A problem with the command line or configuration file: exit 2 with this one-line message.
struct UsageError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

}  // namespace sessiontool::cli

#pragma once
// set's command line: KEY=VALUE assignments and paths, in any order, and the keys of --unset.

#include <filesystem>
#include <string>
#include <vector>

#include "edit/set_plan.hpp"

namespace sessiontool::cli {

struct SetRequest {
  std::vector<KeyPlan> keys;
  std::vector<std::filesystem::path> paths;
};

// Splits KEY=VALUE assignments from paths and looks every key up in the catalog (plan_key).
// Throws UsageError for an unknown key (naming the nearest known one), the F&O system parameter
// (it lives in the database) and a key given twice.
SetRequest parse_set_arguments(const std::vector<std::string>& arguments, const std::vector<std::string>& unset);

}  // namespace sessiontool::cli

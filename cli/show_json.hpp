#pragma once
// `show --format json`: the SPEC §4 contract. Fields may be added; none renamed.

#include <string>
#include <vector>

#include "resolve.hpp"

namespace sessiontool::cli {

std::string render_show_json(const std::vector<Deployment>& deployments);

}  // namespace sessiontool::cli

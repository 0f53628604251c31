#pragma once
// `show --format markdown`: one table row per deployment, for a CI summary (GitHub's step
// summary, Azure DevOps's summary tab), and the files that could not be read.

#include <string>
#include <vector>

#include "read/document.hpp"
#include "resolve/resolve.hpp"

namespace sessiontool::cli {

std::string render_show_markdown(const std::vector<Deployment>& deployments, const std::vector<ReadError>& errors);

}  // namespace sessiontool::cli

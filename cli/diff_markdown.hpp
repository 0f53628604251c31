#pragma once
// `diff --format markdown`: for a pull request's summary (GitHub's $GITHUB_STEP_SUMMARY, Azure
// DevOps's ##vso[task.uploadsummary]): a heading with the counts, then per deployment whose
// behaviour changes a table of before and after, the settings behind it, findings and actions;
// the added and removed deployments in one table each. CommonMark with GitHub's tables.

#include <string>

#include "diff/behaviour_diff.hpp"

namespace sessiontool::cli {

std::string render_diff_markdown(const BehaviourDiff& diff, bool all);

}  // namespace sessiontool::cli

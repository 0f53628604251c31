#pragma once
// `diff` for people: per deployment whose behaviour changes, each effective value before and
// after, the settings behind it with their origins on both sides, the findings that appear and
// disappear, and the actions a rollout takes; then a count of the rest.

#include <string>

#include "diff/behaviour_diff.hpp"
#include "style.hpp"

namespace sessiontool::cli {

// `all`: unchanged deployments are listed too (else counted).
std::string render_diff_text(const BehaviourDiff& diff, bool all, const Style& style);

// One deployment's block (`set` prints these for the deployments its edits touch).
std::string render_deployment_diff_text(const DeploymentDiff& d, const Style& style);

}  // namespace sessiontool::cli

#pragma once
// `diff --format json` (schemas/diff-output.schema.json): the summary, every deployment whose
// behaviour changes, is added or removed (all of them with --all), and the actions, each
// instance once. `set --format json` reuses the pieces.

#include <string>

#include <nlohmann/json.hpp>

#include "diff/behaviour_diff.hpp"

namespace sessiontool::cli {

std::string render_diff_json(const BehaviourDiff& diff, bool all);

nlohmann::ordered_json deployment_diff_json(const DeploymentDiff& d);
nlohmann::ordered_json action_json(const Action& action);
nlohmann::ordered_json diff_summary_json(const BehaviourDiff& diff);

}  // namespace sessiontool::cli

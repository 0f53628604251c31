#pragma once
// A deployment's effective values, settings, findings and actions as short phrases, shared by
// `diff` (text and Markdown) and `set`'s summary, so each says the same thing the same way.

#include <string>

#include "diff/behaviour_diff.hpp"

namespace sessiontool::cli {

// The phrase for an aspect on one side: "20m", "SessionTimeout", "2m, countdown from 18m".
std::string aspect_text(Aspect aspect, const DeploymentState& d);
std::string aspect_label(Aspect aspect);  // "inactivity timeout", "bound by", ...
// "00:20:00 (20m)", "MaxValue (never)", "(not set)".
std::string setting_value_text(const SettingState& s);
// "default", "path:line:col", "default (taken out by <remove> at path:line:col)", "system parameter".
std::string setting_origin_text(const SettingState& s);
// "warning ST103 at path:line:col: message"
std::string finding_text(const FindingState& f);
// "1 deployment changes behaviour, 1 added, 1 removed; 3 unchanged (1 with setting changes that have no effect on sessions)"
std::string summary_text(const BehaviourDiff& diff);

}  // namespace sessiontool::cli

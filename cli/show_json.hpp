#pragma once
// `show --format json`: the SPEC §4 contract. Fields may be added; none renamed.

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "resolve/resolve.hpp"

namespace sessiontool::cli {

std::string render_show_json(const std::vector<Deployment>& deployments);

// Seconds as a number (whole seconds as integers), null when unbounded.
nlohmann::ordered_json seconds_json(Duration d);
// The contract's "effective" object (SPEC §4); `diff` reports each side with it.
nlohmann::ordered_json effective_json(const InactivityTimeout& inactivity, const std::optional<ReconnectWindow>& reconnect,
                                      const std::optional<WarningLead>& warning);

}  // namespace sessiontool::cli

#pragma once
// Edit distance for "did you mean" suggestions: near-miss setting keys (ST005) and rule ids.

#include <cstddef>
#include <string_view>

namespace sessiontool {

// Levenshtein distance between a and b, compared case-insensitively (ASCII), or limit + 1
// as soon as it is known to exceed `limit` (cheap for the usual far-apart pair).
std::size_t edit_distance(std::string_view a, std::string_view b, std::size_t limit);

}  // namespace sessiontool

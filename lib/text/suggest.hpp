#pragma once
// "Did you mean": the known name nearest to a mistyped one, by edit distance, and the one phrase
// that offers it. Setting keys (ST005, set), rule ids (explain, --disable, --severity, the config
// file), config fields.

#include <algorithm>
#include <concepts>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>

namespace sessiontool {

// Levenshtein distance between a and b, compared case-insensitively (ASCII), or limit + 1
// as soon as it is known to exceed `limit` (cheap for the usual far-apart pair).
std::size_t edit_distance(std::string_view a, std::string_view b, std::size_t limit);

// The name among `candidates` (each read through `name_of`) nearest to `name`, the first of
// equals; empty if none is near. `limit` is how many edits a candidate may be away: a number, or
// a function of the candidate's name (lint allows longer keys more typos).
template <typename Candidates, typename Limit, typename NameOf = std::identity>
std::string_view nearest_name(std::string_view name, Candidates&& candidates, Limit limit, NameOf name_of = {}) {
  const auto limit_for = [&](std::string_view known) -> std::size_t {
    if constexpr (std::integral<Limit>) return static_cast<std::size_t>(limit);
    else return limit(known);
  };
  std::string_view best;
  std::size_t best_distance = SIZE_MAX;
  for (const auto& candidate : candidates) {
    const std::string_view known = std::invoke(name_of, candidate);
    const std::size_t allowed = std::min(limit_for(known), best_distance - 1);
    const std::size_t distance = edit_distance(name, known, allowed);
    if (distance <= allowed) {
      best = known;
      best_distance = distance;
      if (distance == 0) break;
    }
  }
  return best;
}

// " (did you mean 'ST103'?)" for the nearest name within `limit` edits, or "": what a usage
// error appends to "unknown ... 'X'".
std::string did_you_mean(std::string_view near);
template <typename Candidates, typename NameOf = std::identity>
std::string suggest(std::string_view name, const Candidates& candidates, std::size_t limit, NameOf name_of = {}) {
  return did_you_mean(nearest_name(name, candidates, limit, name_of));
}

}  // namespace sessiontool

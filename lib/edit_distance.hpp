#pragma once
// Edit distance for "did you mean" suggestions: setting keys (ST005, set), rule ids, config fields.

#include <cstddef>
#include <functional>
#include <string_view>

namespace sessiontool {

// Levenshtein distance between a and b, compared case-insensitively (ASCII), or limit + 1
// as soon as it is known to exceed `limit` (cheap for the usual far-apart pair).
std::size_t edit_distance(std::string_view a, std::string_view b, std::size_t limit);

// What "did you mean" suggests: the name among `candidates` (each read through `name_of`)
// nearest to `name`, at most `limit` edits away, the first of equals; empty if none is near.
template <typename Candidates, typename NameOf = std::identity>
std::string_view nearest_name(std::string_view name, const Candidates& candidates, std::size_t limit,
                              NameOf name_of = {}) {
  std::string_view best;
  std::size_t best_distance = limit + 1;
  for (const auto& candidate : candidates) {
    const std::string_view known = std::invoke(name_of, candidate);
    const std::size_t distance = edit_distance(name, known, best_distance - 1);
    if (distance < best_distance) {
      best = known;
      best_distance = distance;
      if (distance == 0) break;
    }
  }
  return best;
}

}  // namespace sessiontool

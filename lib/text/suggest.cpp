#include "text/suggest.hpp"

#include <algorithm>
#include <array>
#include <vector>

#include <fmt/format.h>

#include "text/ascii_case.hpp"

namespace sessiontool {

std::size_t edit_distance(std::string_view a, std::string_view b, std::size_t limit) {
  const std::size_t too_far = limit + 1;
  if ((a.size() > b.size() ? a.size() - b.size() : b.size() - a.size()) > limit) return too_far;
  // One row of the dynamic programme; a row whose minimum exceeds the limit ends it early. Lint
  // measures every unknown key against the known ones, so a key-sized row lives on the stack.
  std::array<std::size_t, 128> small;
  std::vector<std::size_t> large;
  std::size_t* row = small.data();
  if (b.size() + 1 > small.size()) {
    large.resize(b.size() + 1);
    row = large.data();
  }
  for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diagonal = row[0];
    row[0] = i;
    std::size_t row_min = row[0];
    const char ca = ascii_lower(a[i - 1]);
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t above = row[j];
      row[j] = std::min({above + 1, row[j - 1] + 1, diagonal + (ca == ascii_lower(b[j - 1]) ? 0 : 1)});
      diagonal = above;
      row_min = std::min(row_min, row[j]);
    }
    if (row_min > limit) return too_far;
  }
  return std::min(row[b.size()], too_far);
}

std::string did_you_mean(std::string_view near) {
  return near.empty() ? std::string() : fmt::format(" (did you mean '{}'?)", near);
}

}  // namespace sessiontool

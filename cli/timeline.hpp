#pragma once
// A session's life drawn in the terminal, like the seed's two figures:
//   ├──────── active ────────┼─ countdown ─┤ closed
//   0                        28m           30m

#include <span>
#include <string>
#include <vector>

#include "duration.hpp"
#include "style.hpp"

namespace sessiontool::cli {

struct Phase {
  std::string label;
  Duration length;  // unbounded: the phase never ends
};

// Two lines: the bar, with each phase's width in proportion to its length (at least wide
// enough for its label), and the elapsed time under each boundary. `end_label` follows the bar.
std::vector<std::string> render_timeline(std::span<const Phase> phases, std::string_view end_label,
                                         int width, const Style& style);

}  // namespace sessiontool::cli

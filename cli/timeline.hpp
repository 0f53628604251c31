#pragma once
// A session's life drawn in the terminal, like the seed's two figures:
//   ├──────── active ────────┼─ countdown ─┤
//   0 last activity          28m warning   30m closed

#include <span>
#include <string>
#include <vector>

#include "text/duration.hpp"
#include "style.hpp"

namespace sessiontool::cli {

struct Phase {
  std::string label;
  Duration length;        // unbounded: the phase never ends
  std::string end_event;  // what happens when it ends ("closed")
};

// Two lines: the bar, each phase as wide as its share of the time (at least wide enough for
// its label), and under each boundary the elapsed time and its event.
std::vector<std::string> render_timeline(std::span<const Phase> phases, std::string_view start_event,
                                         int width, const Style& style);

}  // namespace sessiontool::cli

#include "timeline.hpp"

#include <algorithm>

namespace sessiontool::cli {

static std::string repeat(std::string_view piece, int count) {
  std::string out;
  for (int i = 0; i < count; ++i) out += piece;
  return out;
}

std::vector<std::string> render_timeline(std::span<const Phase> phases, std::string_view start_event,
                                         int width, const Style& style) {
  double total = 0;
  for (const Phase& phase : phases)
    if (!phase.length.is_unbounded()) total += phase.length.total_seconds();

  std::string bar = "├";
  std::string marks = "0 " + std::string(start_event);
  int marks_width = static_cast<int>(marks.size());
  int column = 1;  // display column after the bar so far
  Duration elapsed{0};
  for (std::size_t i = 0; i < phases.size(); ++i) {
    const Phase& phase = phases[i];
    const int label_width = static_cast<int>(phase.label.size()) + 2;
    int share = width / static_cast<int>(phases.size());
    if (phase.length.is_unbounded()) share = width;
    else if (total > 0) share = static_cast<int>(width * phase.length.total_seconds() / total + 0.5);
    const int dashes = std::max(4, share - label_width);
    bar += repeat("─", dashes / 2) + " " + style.bold(phase.label) + " " + repeat("─", dashes - dashes / 2);
    column += dashes + label_width;
    if (phase.length.is_unbounded()) {
      bar += "▶ " + phase.end_event;
      break;
    }
    bar += i + 1 == phases.size() ? "┤" : "┼";
    elapsed = saturating_sum(elapsed, phase.length);
    const std::string mark = format_human(elapsed) + " " + phase.end_event;
    const int pad = std::max(1, column - marks_width);
    marks += std::string(static_cast<std::size_t>(pad), ' ') + mark;
    marks_width += pad + static_cast<int>(mark.size());
    ++column;
  }
  return {bar, marks};
}

}  // namespace sessiontool::cli

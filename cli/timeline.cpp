#include "timeline.hpp"

#include <algorithm>

namespace sessiontool::cli {

static std::string repeat(std::string_view piece, int count) {
  std::string out;
  for (int i = 0; i < count; ++i) out += piece;
  return out;
}

std::vector<std::string> render_timeline(std::span<const Phase> phases, std::string_view end_label,
                                         int width, const Style& style) {
  // Column widths: proportional to the bounded lengths, never narrower than the label.
  double total = 0;
  for (const Phase& phase : phases)
    if (!phase.length.is_unbounded()) total += phase.length.total_seconds();
  std::vector<int> widths;
  for (const Phase& phase : phases) {
    const int minimum = static_cast<int>(phase.label.size()) + 4;
    int proportional = width / static_cast<int>(phases.size());
    if (phase.length.is_unbounded()) proportional = width;
    else if (total > 0) proportional = static_cast<int>(width * phase.length.total_seconds() / total + 0.5);
    widths.push_back(std::max(minimum, proportional));
  }

  std::string bar = "├";
  std::string marks = "0";
  int marks_width = 1;
  int column = 1;
  Duration elapsed{0};
  for (std::size_t i = 0; i < phases.size(); ++i) {
    const Phase& phase = phases[i];
    const int dashes = widths[i] - static_cast<int>(phase.label.size()) - 2;
    const int left = dashes / 2;
    bar += repeat("─", left) + " " + style.bold(phase.label) + " " + repeat("─", dashes - left);
    column += widths[i];
    const bool last = i + 1 == phases.size();
    if (phase.length.is_unbounded()) {
      bar += "▶";
      break;
    }
    bar += last ? "┤" : "┼";
    elapsed.ticks += phase.length.ticks;
    const std::string mark = format_human(elapsed);
    const int pad = std::max(1, column - marks_width);
    marks += std::string(static_cast<std::size_t>(pad), ' ') + mark;
    marks_width += pad + static_cast<int>(mark.size());
    ++column;
  }
  bar += " " + std::string(end_label);
  return {bar, marks};
}

}  // namespace sessiontool::cli

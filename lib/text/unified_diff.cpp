// Myers' O(ND) difference algorithm over lines, keeping only the diagonals each step reached
// (O(D^2) memory), then hunks grouped the way GNU diff groups them.

#include "text/unified_diff.hpp"

#include <algorithm>
#include <vector>

#include <fmt/format.h>

namespace sessiontool {
namespace {

// Each line with its "\n" (the last one may have none).
std::vector<std::string_view> split_lines(std::string_view text) {
  std::vector<std::string_view> lines;
  while (!text.empty()) {
    const std::size_t lf = text.find('\n');
    const std::size_t length = lf == std::string_view::npos ? text.size() : lf + 1;
    lines.push_back(text.substr(0, length));
    text.remove_prefix(length);
  }
  return lines;
}

enum class Op { equal, remove, insert };

struct Step {
  Op op;
  std::size_t a = 0;  // line index in the old text (equal, remove)
  std::size_t b = 0;  // line index in the new text (equal, insert)
};

std::vector<Step> diff_lines(const std::vector<std::string_view>& a, const std::vector<std::string_view>& b) {
  const auto n = static_cast<long>(a.size());
  const auto m = static_cast<long>(b.size());
  const long max = n + m;
  std::vector<long> v(static_cast<std::size_t>(2 * max + 2), 0);
  auto at = [&](long k) -> long& { return v[static_cast<std::size_t>(k + max + 1)]; };
  std::vector<std::vector<long>> trace;  // trace[d][k + d]: furthest x on diagonal k after step d
  for (long d = 0; d <= max; ++d) {
    bool done = false;
    for (long k = -d; k <= d; k += 2) {
      long x = (k == -d || (k != d && at(k - 1) < at(k + 1))) ? at(k + 1) : at(k - 1) + 1;
      long y = x - k;
      while (x < n && y < m && a[static_cast<std::size_t>(x)] == b[static_cast<std::size_t>(y)]) ++x, ++y;
      at(k) = x;
      if (x >= n && y >= m) done = true;
    }
    trace.emplace_back(v.begin() + (max + 1 - d), v.begin() + (max + 1 + d + 1));
    if (done) break;
  }

  std::vector<Step> steps;
  long x = n, y = m;
  for (auto d = static_cast<long>(trace.size()) - 1; d > 0; --d) {
    const std::vector<long>& prev = trace[static_cast<std::size_t>(d - 1)];
    auto prev_at = [&](long k) { return prev[static_cast<std::size_t>(k + d - 1)]; };
    const long k = x - y;
    const bool down = k == -d || (k != d && prev_at(k - 1) < prev_at(k + 1));
    const long prev_k = down ? k + 1 : k - 1;
    const long prev_x = prev_at(prev_k);
    const long prev_y = prev_x - prev_k;
    while (x > prev_x && y > prev_y) {
      --x, --y;
      steps.push_back({Op::equal, static_cast<std::size_t>(x), static_cast<std::size_t>(y)});
    }
    if (down)
      steps.push_back({Op::insert, static_cast<std::size_t>(x), static_cast<std::size_t>(--y)});
    else
      steps.push_back({Op::remove, static_cast<std::size_t>(--x), static_cast<std::size_t>(y)});
  }
  while (x > 0 && y > 0) {
    --x, --y;
    steps.push_back({Op::equal, static_cast<std::size_t>(x), static_cast<std::size_t>(y)});
  }
  std::ranges::reverse(steps);
  return steps;
}

void append_line(std::string& out, char mark, std::string_view line) {
  const bool has_break = line.ends_with('\n');
  if (has_break) line.remove_suffix(1);
  if (line.ends_with('\r') && has_break) line.remove_suffix(1);
  out += mark;
  out += line;
  out += has_break ? "\n" : "\n\\ No newline at end of file\n";
}

// "start,count" as GNU diff writes it: an empty range names the line before it, and a count
// of one is left out.
std::string range(std::size_t first, std::size_t count) {
  if (count == 1) return fmt::format("{}", first + 1);
  return fmt::format("{},{}", count == 0 ? first : first + 1, count);
}

}  // namespace

std::string unified_diff(std::string_view old_text, std::string_view new_text, std::string_view old_label,
                         std::string_view new_label, int context) {
  if (old_text == new_text) return {};
  const auto a = split_lines(old_text);
  const auto b = split_lines(new_text);
  const std::vector<Step> steps = diff_lines(a, b);
  const auto ctx = static_cast<std::size_t>(std::max(context, 0));

  std::string out = fmt::format("--- {}\n+++ {}\n", old_label, new_label);
  std::size_t i = 0;
  while (i < steps.size()) {
    while (i < steps.size() && steps[i].op == Op::equal) ++i;
    if (i == steps.size()) break;
    // The hunk: from `context` lines before the first change to `context` lines after the last
    // change that is no more than 2 * context unchanged lines from the next.
    const std::size_t begin = i - std::min(i, ctx);
    std::size_t end = i;
    for (;;) {
      while (end < steps.size() && steps[end].op != Op::equal) ++end;
      std::size_t run = end;
      while (run < steps.size() && steps[run].op == Op::equal) ++run;
      if (run < steps.size() && run - end <= 2 * ctx) {
        end = run;
        continue;
      }
      end = std::min(run, end + ctx);
      break;
    }
    std::size_t old_count = 0, new_count = 0;
    for (std::size_t s = begin; s < end; ++s) {
      old_count += steps[s].op != Op::insert;
      new_count += steps[s].op != Op::remove;
    }
    out += fmt::format("@@ -{} +{} @@\n", range(steps[begin].a, old_count), range(steps[begin].b, new_count));
    for (std::size_t s = begin; s < end; ++s) {
      switch (steps[s].op) {
        case Op::equal: append_line(out, ' ', a[steps[s].a]); break;
        case Op::remove: append_line(out, '-', a[steps[s].a]); break;
        case Op::insert: append_line(out, '+', b[steps[s].b]); break;
      }
    }
    i = end;
  }
  return out;
}

}  // namespace sessiontool

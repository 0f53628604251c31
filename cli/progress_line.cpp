#include "progress_line.hpp"

#include <cstdio>

#include <fmt/format.h>

#include "platform/platform.hpp"

namespace sessiontool::cli {
namespace {

// CI services give their jobs a terminal now and then; their logs keep every redraw.
bool in_ci() {
  return !platform::env("CI").empty() || !platform::env("GITHUB_ACTIONS").empty() ||
         !platform::env("TF_BUILD").empty();
}

}  // namespace

ProgressLine::ProgressLine(std::string verb)
    : verb_(std::move(verb)), enabled_(platform::is_terminal(stderr) && !in_ci()), start_(Clock::now()) {}

void ProgressLine::update(std::size_t done, std::size_t total) {
  if (!enabled_) return;
  const Clock::time_point now = Clock::now();
  if (now - start_ < std::chrono::seconds(1)) return;
  if (shown_ && now - last_ < std::chrono::milliseconds(100)) return;
  const std::string line = fmt::format("{} {}/{} files", verb_, done, total);
  // '\r' and spaces rather than an escape sequence: every console understands them.
  fmt::print(stderr, "\r{:<{}}", line, width_);
  std::fflush(stderr);
  width_ = std::max(width_, line.size());
  shown_ = true;
  last_ = now;
}

void ProgressLine::finish() {
  if (!shown_) return;
  fmt::print(stderr, "\r{:{}}\r", "", width_);
  std::fflush(stderr);
  shown_ = false;
}

}  // namespace sessiontool::cli

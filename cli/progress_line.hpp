#pragma once
// "checking 1200/4200 files" on standard error while a command works through a large tree:
// only on a terminal, never in a pipe or a CI log, and only once the work has taken a second.

#include <chrono>
#include <cstddef>
#include <string>

namespace sessiontool::cli {

class ProgressLine {
 public:
  explicit ProgressLine(std::string verb);  // "checking", "writing"
  ~ProgressLine() { finish(); }
  ProgressLine(const ProgressLine&) = delete;
  ProgressLine& operator=(const ProgressLine&) = delete;

  // Called by one thread; redraws at most ten times a second.
  void update(std::size_t done, std::size_t total);
  // Clears the line, if one was shown, so the report starts on a clean line.
  void finish();

 private:
  using Clock = std::chrono::steady_clock;
  std::string verb_;
  bool enabled_ = false;
  bool shown_ = false;
  Clock::time_point start_;
  Clock::time_point last_;
  std::size_t width_ = 0;  // of the line drawn last
};

}  // namespace sessiontool::cli

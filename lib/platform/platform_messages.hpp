#pragma once
// Messages platform_posix.cpp and platform_windows.cpp give alike.

#include <cstdint>
#include <string>

#include <fmt/format.h>

namespace sessiontool::platform {

// "it is 50.0 MB: ...": sizes in MB with one decimal, as a file manager shows them.
inline std::string too_large(std::uintmax_t size, std::uintmax_t max_size) {
  const auto mb = [](std::uintmax_t n) { return fmt::format("{:.1f} MB", static_cast<double>(n) / (1024 * 1024)); };
  return fmt::format("it is {}: sessiontool reads configuration files of up to {}", mb(size), mb(max_size));
}

}  // namespace sessiontool::platform

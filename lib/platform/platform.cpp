// What every operating system shares; the rest is in platform_posix.cpp and platform_windows.cpp.

#include "platform/platform.hpp"

#include <system_error>

#include <fmt/format.h>

#ifdef _WIN32
#include <fcntl.h>
#include <io.h>
#endif

namespace sessiontool::platform {

std::expected<std::string, std::string> read_standard_input(std::uintmax_t max_size) {
  std::string bytes;
#ifdef _WIN32
  _setmode(_fileno(stdin), _O_BINARY);  // CRLF as it is, and a BOM's bytes
#endif
  char buffer[65536];
  for (;;) {
    const std::size_t got = std::fread(buffer, 1, sizeof buffer, stdin);
    bytes.append(buffer, got);
    if (bytes.size() > max_size) return std::unexpected(fmt::format("standard input holds more than {} bytes", max_size));
    if (got < sizeof buffer) break;
  }
  if (std::ferror(stdin)) return std::unexpected(std::string("standard input could not be read"));
  return bytes;
}

std::expected<std::filesystem::path, std::string> resolve_symlinks(const std::filesystem::path& path) {
  namespace fs = std::filesystem;
  fs::path current = path;
  // A loop of links ends here rather than in the operating system's own limit.
  for (int hops = 0; hops < 40; ++hops) {
    std::error_code ec;
    if (!fs::is_symlink(current, ec)) return current;
    const fs::path target = fs::read_symlink(current, ec);
    if (ec) return std::unexpected("cannot follow the symbolic link: " + ec.message());
    current = target.is_absolute() ? target : current.parent_path() / target;
  }
  return std::unexpected("too many levels of symbolic links");
}

}  // namespace sessiontool::platform

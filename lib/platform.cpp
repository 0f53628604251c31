#include "platform.hpp"

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <fstream>

#ifdef _WIN32
#include <io.h>
#else
#include <unistd.h>
#endif

namespace sessiontool::platform {

std::expected<std::string, std::string> read_file(const std::filesystem::path& path) {
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec)) return std::unexpected("is a directory");
  errno = 0;
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::unexpected(errno ? std::strerror(errno) : "cannot open file");
  std::string bytes;
  const auto size = std::filesystem::file_size(path, ec);
  if (!ec) bytes.reserve(static_cast<std::size_t>(size));
  bytes.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  if (in.bad()) return std::unexpected(errno ? std::strerror(errno) : "read error");
  return bytes;
}

bool is_terminal(std::FILE* stream) {
#ifdef _WIN32
  return _isatty(_fileno(stream)) != 0;
#else
  return isatty(fileno(stream)) != 0;
#endif
}

std::string env(const char* name) {
  const char* value = std::getenv(name);
  return value ? value : "";
}

}  // namespace sessiontool::platform

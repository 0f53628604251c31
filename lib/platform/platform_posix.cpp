// POSIX (Linux, macOS): file descriptors. The Windows build compiles platform_windows.cpp
// instead; what both share is in platform.cpp.
#ifndef _WIN32

#include "platform/platform.hpp"

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <system_error>

#include <fmt/format.h>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#ifdef __GLIBC__
#include <malloc.h>  // mallopt
#endif

#include "platform/platform_messages.hpp"

namespace sessiontool::platform {

bool is_terminal(std::FILE* stream) { return isatty(fileno(stream)) != 0; }

std::string env(const char* name) {
  const char* value = std::getenv(name);
  return value ? value : "";
}

std::vector<std::string> utf8_arguments(int argc, char** argv) { return {argv, argv + argc}; }

void prepare_console() {}

std::vector<std::filesystem::path> drive_roots() { return {}; }

void keep_freed_memory() {
#ifdef __GLIBC__
  // Left alone, glibc returns a freed file's buffers to the system at once (they sit at the top
  // of the heap, past the 128 KB trim threshold, or were mmapped) and the next file faults in
  // fresh pages: 24,000 page faults for 2,000 deployments, a fifth of lint's time. Files are at
  // most kMaxFileSize, so buffers of up to twice that come from the heap and stay for the next.
  mallopt(M_MMAP_THRESHOLD, static_cast<int>(2 * kMaxFileSize));
  mallopt(M_TRIM_THRESHOLD, static_cast<int>(4 * kMaxFileSize));
#endif
}

static std::string errno_text(int error) { return std::generic_category().message(error); }

// What a path that is not a regular file is, for the message.
static std::string not_regular(mode_t mode) {
  if (S_ISDIR(mode)) return "it is a directory";
  if (S_ISFIFO(mode)) return "it is a named pipe (FIFO), not a regular file";
  if (S_ISCHR(mode) || S_ISBLK(mode)) return "it is a device, not a regular file";
  if (S_ISSOCK(mode)) return "it is a socket, not a regular file";
  return "it is not a regular file";
}

std::expected<std::string, std::string> read_file(const std::filesystem::path& path, std::uintmax_t max_size) {
  // O_NONBLOCK: opening a FIFO must not wait for a writer. The type is checked on the opened
  // descriptor, so a path swapped meanwhile cannot slip a device past the check.
  const int fd = ::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
  if (fd < 0) return std::unexpected(errno_text(errno));
  std::string bytes;
  std::string error;
  struct stat st {};
  if (::fstat(fd, &st) != 0)
    error = errno_text(errno);
  else if (!S_ISREG(st.st_mode))
    error = not_regular(st.st_mode);
  else if (static_cast<std::uintmax_t>(st.st_size) > max_size)
    error = too_large(static_cast<std::uintmax_t>(st.st_size), max_size);
  // Straight into the string, one read for the usual file: lint reads thousands of them. One
  // byte more than the size asks for, so a file that grew meanwhile is read whole; a short read
  // of a regular file is its end (POSIX).
  std::size_t capacity = error.empty() ? static_cast<std::size_t>(st.st_size) + 1 : 0;
  while (error.empty()) {
    const std::size_t had = bytes.size();
    ssize_t got = 0;
    bytes.resize_and_overwrite(capacity, [&](char* data, std::size_t size) {
      got = ::read(fd, data + had, size - had);
      return had + static_cast<std::size_t>(std::max<ssize_t>(got, 0));
    });
    if (got < 0 && errno == EINTR) continue;
    if (got < 0) error = errno_text(errno);
    if (bytes.size() > max_size) error = too_large(bytes.size(), max_size);  // it grew meanwhile
    if (got <= 0 || bytes.size() < capacity) break;
    capacity = std::min<std::size_t>(2 * capacity, max_size + 1);
  }
  ::close(fd);
  if (!error.empty()) return std::unexpected(error);
  return bytes;
}

std::expected<void, std::string> write_new_file(const std::filesystem::path& path, std::string_view bytes,
                                                const std::filesystem::path& like,
                                                const std::function<std::optional<std::string>()>& before_flush) {
  const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (fd < 0) return std::unexpected(errno_text(errno));
  int error = 0;
  while (!bytes.empty() && error == 0) {
    const ssize_t written = ::write(fd, bytes.data(), bytes.size());
    if (written < 0 && errno != EINTR) error = errno;
    if (written > 0) bytes.remove_prefix(static_cast<std::size_t>(written));
  }
  struct stat original {};
  if (error == 0 && ::stat(like.c_str(), &original) == 0) {
    // The owner only where the system lets us (root, or a group we are in); the mode always.
    // A plain user cannot give a file away: then it stays ours, with the original's mode.
    [[maybe_unused]] const bool owner_kept = ::fchown(fd, original.st_uid, original.st_gid) == 0 ||
                                             ::fchown(fd, static_cast<uid_t>(-1), original.st_gid) == 0;
    if (::fchmod(fd, original.st_mode & 07777) != 0) error = errno;
  }
  std::optional<std::string> injected;
  if (error == 0 && before_flush) injected = before_flush();
  if (error == 0 && !injected && ::fsync(fd) != 0) error = errno;
  if (::close(fd) != 0 && error == 0) error = errno;
  if (error == 0 && !injected) return {};
  ::unlink(path.c_str());
  return std::unexpected(injected ? *injected : errno_text(error));
}

std::expected<void, std::string> replace_file(const std::filesystem::path& from, const std::filesystem::path& to) {
  if (::rename(from.c_str(), to.c_str()) != 0) return std::unexpected(errno_text(errno));
  // The rename is in the directory: flush it too (best effort; some file systems refuse).
  const std::filesystem::path dir = to.parent_path().empty() ? "." : to.parent_path();
  const int dir_fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (dir_fd >= 0) {
    ::fsync(dir_fd);
    ::close(dir_fd);
  }
  return {};
}

}  // namespace sessiontool::platform

#endif  // !_WIN32

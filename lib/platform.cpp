#include "platform.hpp"

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <system_error>

#include <fmt/format.h>

#ifdef _WIN32
#define WIN32_LEAN_AND_MEAN
#ifndef NOMINMAX  // mingw-w64's libstdc++ defines it already
#define NOMINMAX
#endif
#include <fcntl.h>
#include <io.h>
#include <windows.h>

#include <shellapi.h>  // CommandLineToArgvW; needs windows.h first
#else
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#ifdef __GLIBC__
#include <malloc.h>  // mallopt
#endif
#endif

namespace sessiontool::platform {

bool is_terminal(std::FILE* stream) {
#ifdef _WIN32
  return _isatty(_fileno(stream)) != 0;
#else
  return isatty(fileno(stream)) != 0;
#endif
}

#ifdef _WIN32

static std::string utf8_from_wide(std::wstring_view wide) {
  if (wide.empty()) return {};
  const int size = WideCharToMultiByte(CP_UTF8, 0, wide.data(), static_cast<int>(wide.size()), nullptr, 0,
                                       nullptr, nullptr);
  std::string text(static_cast<std::size_t>(size), '\0');
  WideCharToMultiByte(CP_UTF8, 0, wide.data(), static_cast<int>(wide.size()), text.data(), size, nullptr, nullptr);
  return text;
}

std::wstring wide_from_utf8(std::string_view text) {
  if (text.empty()) return {};
  const int size = MultiByteToWideChar(CP_UTF8, 0, text.data(), static_cast<int>(text.size()), nullptr, 0);
  std::wstring wide(static_cast<std::size_t>(size), L'\0');
  MultiByteToWideChar(CP_UTF8, 0, text.data(), static_cast<int>(text.size()), wide.data(), size);
  return wide;
}

std::string env(const char* name) {
  const wchar_t* value = _wgetenv(wide_from_utf8(name).c_str());
  return value ? utf8_from_wide(value) : "";
}

std::vector<std::string> utf8_arguments(int argc, char** argv) {
  int count = 0;
  wchar_t** wide = CommandLineToArgvW(GetCommandLineW(), &count);
  if (!wide) return {argv, argv + argc};
  std::vector<std::string> arguments;
  for (int i = 0; i < count; ++i) arguments.push_back(utf8_from_wide(wide[i]));
  LocalFree(wide);
  return arguments;
}

std::vector<std::filesystem::path> drive_roots() {
  std::vector<std::filesystem::path> roots;
  const DWORD drives = GetLogicalDrives();
  for (int i = 0; i < 26; ++i)
    if (drives & (DWORD{1} << i)) roots.push_back(std::wstring{static_cast<wchar_t>(L'A' + i), L':', L'\\'});
  return roots;
}

void prepare_console() {
  static const UINT original_code_page = GetConsoleOutputCP();
  if (original_code_page != 0 && original_code_page != CP_UTF8 && SetConsoleOutputCP(CP_UTF8))
    std::atexit([] { SetConsoleOutputCP(original_code_page); });
  for (DWORD id : {STD_OUTPUT_HANDLE, STD_ERROR_HANDLE}) {
    HANDLE handle = GetStdHandle(id);
    DWORD mode = 0;
    if (handle != INVALID_HANDLE_VALUE && GetConsoleMode(handle, &mode))
      SetConsoleMode(handle, mode | ENABLE_VIRTUAL_TERMINAL_PROCESSING);
  }
}
#else

std::string env(const char* name) {
  const char* value = std::getenv(name);
  return value ? value : "";
}

std::vector<std::string> utf8_arguments(int argc, char** argv) { return {argv, argv + argc}; }

void prepare_console() {}

std::vector<std::filesystem::path> drive_roots() { return {}; }


#endif

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

// "it is 50.0 MB: ...": sizes in MB with one decimal, as a file manager shows them.
static std::string too_large(std::uintmax_t size, std::uintmax_t max_size) {
  const auto mb = [](std::uintmax_t n) { return fmt::format("{:.1f} MB", static_cast<double>(n) / (1024 * 1024)); };
  return fmt::format("it is {}: sessiontool reads configuration files of up to {}", mb(size), mb(max_size));
}

#ifdef _WIN32

// The reason for the last failure. A missing file or a refused access reads as on POSIX ("No
// such file or directory", "Permission denied"), so messages and scripts that match them are
// the same everywhere; other errors keep Windows' own words.
static std::string last_error() {
  const int error = static_cast<int>(GetLastError());
  const std::error_condition condition = std::system_category().default_error_condition(error);
  if (condition == std::errc::no_such_file_or_directory || condition == std::errc::permission_denied)
    return condition.message();
  // Windows ends its reasons with a line break, which the library drops only after an ASCII full
  // stop ("Sharing violation.", not "共有違反です。"): a finding stays one line.
  std::string message = std::system_category().message(error);
  while (!message.empty() && (message.back() == '\n' || message.back() == '\r' || message.back() == ' ')) message.pop_back();
  return message;
}

std::expected<std::string, std::string> read_file(const std::filesystem::path& path, std::uintmax_t max_size) {
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec)) return std::unexpected("it is a directory");
  HANDLE file = CreateFileW(path.c_str(), GENERIC_READ, FILE_SHARE_READ | FILE_SHARE_WRITE | FILE_SHARE_DELETE,
                            nullptr, OPEN_EXISTING, FILE_ATTRIBUTE_NORMAL, nullptr);
  if (file == INVALID_HANDLE_VALUE) return std::unexpected(last_error());
  std::string bytes;
  std::string error;
  LARGE_INTEGER size{};
  // A pipe or a console (CON) would block or never end: only disk files are read.
  if (GetFileType(file) != FILE_TYPE_DISK)
    error = "it is a device or a pipe, not a regular file";
  else if (!GetFileSizeEx(file, &size))
    error = last_error();
  else if (static_cast<std::uintmax_t>(size.QuadPart) > max_size)
    error = too_large(static_cast<std::uintmax_t>(size.QuadPart), max_size);
  else
    bytes.reserve(static_cast<std::size_t>(size.QuadPart));
  char chunk[64 * 1024];
  while (error.empty()) {
    DWORD got = 0;
    if (!ReadFile(file, chunk, sizeof chunk, &got, nullptr)) error = last_error();
    if (got == 0) break;
    bytes.append(chunk, got);
    if (bytes.size() > max_size) error = too_large(bytes.size(), max_size);  // it grew meanwhile
  }
  CloseHandle(file);
  if (!error.empty()) return std::unexpected(error);
  return bytes;
}

std::expected<void, std::string> write_new_file(const std::filesystem::path& path, std::string_view bytes,
                                                const std::filesystem::path&,
                                                const std::function<std::optional<std::string>()>& before_flush) {
  HANDLE file = CreateFileW(path.c_str(), GENERIC_WRITE, 0, nullptr, CREATE_NEW, FILE_ATTRIBUTE_NORMAL, nullptr);
  if (file == INVALID_HANDLE_VALUE) return std::unexpected(last_error());
  std::string error;
  while (!bytes.empty() && error.empty()) {
    const DWORD chunk = static_cast<DWORD>(std::min<std::size_t>(bytes.size(), 1u << 30));
    DWORD written = 0;
    if (!WriteFile(file, bytes.data(), chunk, &written, nullptr)) error = last_error();
    bytes.remove_prefix(written);
  }
  if (error.empty() && before_flush)
    if (auto failure = before_flush()) error = *failure;
  if (error.empty() && !FlushFileBuffers(file)) error = last_error();
  if (!CloseHandle(file) && error.empty()) error = last_error();
  if (error.empty()) return {};
  DeleteFileW(path.c_str());
  return std::unexpected(error);
}

std::expected<void, std::string> replace_file(const std::filesystem::path& from, const std::filesystem::path& to) {
  // ReplaceFileW keeps the replaced file's ACL, attributes and creation time; it needs `to` to
  // exist, so a first backup falls back to a plain move.
  if (ReplaceFileW(to.c_str(), from.c_str(), nullptr, REPLACEFILE_IGNORE_MERGE_ERRORS, nullptr, nullptr)) return {};
  if (MoveFileExW(from.c_str(), to.c_str(), MOVEFILE_REPLACE_EXISTING | MOVEFILE_WRITE_THROUGH)) return {};
  return std::unexpected(last_error());
}

#else

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

#endif

}  // namespace sessiontool::platform

// Windows: the wide (UTF-16) functions and HANDLEs. The POSIX build compiles platform_posix.cpp
// instead; what both share is in platform.cpp.
#ifdef _WIN32

#include "platform/platform.hpp"

#include <algorithm>
#include <cstdlib>
#include <system_error>

#include <fmt/format.h>

#define WIN32_LEAN_AND_MEAN
#ifndef NOMINMAX  // mingw-w64's libstdc++ defines it already
#define NOMINMAX
#endif
#include <io.h>
#include <windows.h>

#include <shellapi.h>  // CommandLineToArgvW; needs windows.h first

#include "platform/platform_messages.hpp"

namespace sessiontool::platform {

bool is_terminal(std::FILE* stream) { return _isatty(_fileno(stream)) != 0; }

static std::string utf8_from_wide(std::wstring_view wide) {
  if (wide.empty()) return {};
  const int size = WideCharToMultiByte(CP_UTF8, 0, wide.data(), static_cast<int>(wide.size()), nullptr, 0,
                                       nullptr, nullptr);
  std::string text(static_cast<std::size_t>(size), '\0');
  WideCharToMultiByte(CP_UTF8, 0, wide.data(), static_cast<int>(wide.size()), text.data(), size, nullptr, nullptr);
  return text;
}

static std::wstring wide_from_utf8(std::string_view text) {
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

void keep_freed_memory() {}

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

}  // namespace sessiontool::platform

#endif  // _WIN32

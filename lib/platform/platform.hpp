#pragma once
// The one place for operating-system specifics (POSIX or Windows).

#include <cstdint>
#include <cstdio>
#include <expected>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace sessiontool::platform {

// Larger files are refused unread. Configuration files are tens of kilobytes; a runaway file
// (a log renamed by mistake) must not exhaust memory, and lint's output grows with a file's
// entries (4 MB of misspelt keys: 80,000 findings, over 100 MB of SARIF).
inline constexpr std::uintmax_t kMaxFileSize = 4 * 1024 * 1024;

// The whole file, or why it cannot be read: the operating system's reason, or that it is not a
// regular file (a directory, a FIFO, a device, a socket: refused without reading or waiting on
// it), or that it holds more than `max_size` bytes.
std::expected<std::string, std::string> read_file(const std::filesystem::path& path,
                                                  std::uintmax_t max_size = kMaxFileSize);

// Everything on standard input (`sessiontool show -`), as bytes (binary on Windows), up to
// `max_size`.
std::expected<std::string, std::string> read_standard_input(std::uintmax_t max_size = kMaxFileSize);

// The roots of the drives there are ("C:\\", "K:\\"): Windows' logical drives; none elsewhere.
std::vector<std::filesystem::path> drive_roots();

// Whether the stream is an interactive terminal (colour, progress lines).
bool is_terminal(std::FILE* stream);

// An environment variable, or empty when unset. UTF-8 on Windows too (read as UTF-16).
std::string env(const char* name);

// The command line as UTF-8, argv[0] first. Windows hands `argv` over in the ANSI code page,
// which cannot hold every folder's name: there the arguments are read as UTF-16 instead.
std::vector<std::string> utf8_arguments(int argc, char** argv);

// On Windows, makes the console show what sessiontool prints: UTF-8 (paths, the timelines'
// box-drawing characters) and ANSI colour sequences (Windows 10 and later); the console's code
// page is restored at exit. Elsewhere it does nothing. Call once, before any output.
void prepare_console();

// For a run that reads many files one after another (lint over a fleet): memory freed after a
// file is kept for the next one rather than handed back to the system and faulted in again.
// Peak memory stays what the largest file needs. Call once, before reading.
void keep_freed_memory();

// For `set`'s atomic writes (atomic_write.cpp).

// The file a path finally names, following a chain of symbolic links (a relative target is
// taken from its link's directory); the path itself when it is not a link.
std::expected<std::filesystem::path, std::string> resolve_symlinks(const std::filesystem::path& path);

// Creates `path`, which must not exist yet, holding `bytes` flushed to the disk (fsync,
// FlushFileBuffers). On POSIX it gets the mode, and where allowed the owner, of `like`; on
// Windows replace_file keeps the replaced file's ACL instead. Nothing is left behind on failure.
// `before_flush` runs between writing and flushing (atomic_write asks write_step_failure
// there); an error it returns fails the write there.
std::expected<void, std::string> write_new_file(
    const std::filesystem::path& path, std::string_view bytes, const std::filesystem::path& like,
    const std::function<std::optional<std::string>()>& before_flush = {});

// Renames `from` over `to` in one step (both in one directory), then flushes the directory so
// the rename survives a crash. Readers see the old file or the new one, never a mix.
std::expected<void, std::string> replace_file(const std::filesystem::path& from, const std::filesystem::path& to);

}  // namespace sessiontool::platform

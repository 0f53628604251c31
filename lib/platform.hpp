#pragma once
// The one place for operating-system specifics (POSIX or Windows).

#include <cstdio>
#include <expected>
#include <filesystem>
#include <string>

namespace sessiontool::platform {

// The whole file, or the operating system's reason it cannot be read.
std::expected<std::string, std::string> read_file(const std::filesystem::path& path);

// Whether the stream is an interactive terminal (colour, progress lines).
bool is_terminal(std::FILE* stream);

// An environment variable, or empty when unset.
std::string env(const char* name);

}  // namespace sessiontool::platform

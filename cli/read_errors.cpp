#include "read_errors.hpp"

#include <cstdio>

#include <fmt/format.h>

#include "text/path_text.hpp"

namespace sessiontool::cli {

namespace {

std::string format_error(const std::filesystem::path& path, const Position& pos, std::string_view message,
                         const Style& style) {
  std::string where = utf8_text(path);
  if (pos.line > 0) where += fmt::format(":{}:{}", pos.line, pos.column);
  return fmt::format("{}: {} {}", style.bold(where), style.red("error:"), message);
}

}  // namespace

std::string format_read_error(const ReadError& error, const Style& style) {
  return format_error(error.path, error.pos, error.message, style);
}

std::string format_read_error(const Diagnostic& error, const Style& style) {
  return format_error(error.path, error.start, error.message, style);
}

void print_read_errors(const std::vector<ReadError>& errors, const Style& style) {
  for (const ReadError& error : errors) fmt::print(stderr, "{}\n", format_read_error(error, style));
}

}  // namespace sessiontool::cli

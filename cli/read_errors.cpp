#include "read_errors.hpp"

#include <cstdio>

#include <fmt/format.h>

#include "path_text.hpp"

namespace sessiontool::cli {

std::string format_read_error(const ReadError& error, const Style& style) {
  std::string where = utf8_text(error.path);
  if (error.pos.line > 0) where += fmt::format(":{}:{}", error.pos.line, error.pos.column);
  return fmt::format("{}: {} {}", style.bold(where), style.red("error:"), error.message);
}

void print_read_errors(const std::vector<ReadError>& errors, const Style& style) {
  for (const ReadError& error : errors) fmt::print(stderr, "{}\n", format_read_error(error, style));
}

}  // namespace sessiontool::cli

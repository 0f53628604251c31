#pragma once

#include <string>
#include <vector>

#include "lint/diagnostic.hpp"
#include "read/document.hpp"
#include "style.hpp"

namespace sessiontool::cli {

// "path:line:col: error: message" (no line and column when the file has none to give).
std::string format_read_error(const ReadError& error, const Style& style);
// The same for a read error as lint reports it (ST001/ST002, as `diff` gathers them).
std::string format_read_error(const Diagnostic& error, const Style& style);

// Writes each error on its own line to standard error.
void print_read_errors(const std::vector<ReadError>& errors, const Style& style);

}  // namespace sessiontool::cli

#pragma once
// Unified diffs (as `diff -u` writes them) of a file before and after an edit, for
// `set --dry-run` and `set --check`.

#include <string>
#include <string_view>

namespace sessiontool {

// `--- old_label`, `+++ new_label` and an `@@` hunk per group of changed lines with `context`
// unchanged lines around it; empty when the texts are equal. Lines are compared with their
// line endings, but a carriage return before a line feed is not shown: the diff reads the
// same for a CRLF file on any terminal, and on Windows stdout adds its own. A last line
// without a line break is followed by `\ No newline at end of file`.
std::string unified_diff(std::string_view old_text, std::string_view new_text, std::string_view old_label,
                         std::string_view new_label, int context = 3);

}  // namespace sessiontool

#pragma once
// Markdown for CI summaries (GitHub's step summary, Azure DevOps's summary tab): CommonMark with
// GitHub's table extension, which both render. One place escapes text, so every format that
// writes Markdown (lint, show, diff) is safe with any setting name, value or path.

#include <string>
#include <string_view>
#include <vector>

namespace sessiontool::cli::markdown {

// Text shown as written: every ASCII punctuation character that could start Markdown syntax
// there is backslash-escaped (also what makes GitHub autolink a URL, `www.` or an address), and
// line breaks become spaces (a summary line or table cell is one line).
std::string text(std::string_view raw);

// An inline code span holding `raw` exactly (values, paths, keys): the fence is one backtick
// longer than the longest run inside.
std::string code(std::string_view raw);

// One table: a header row, the delimiter row and the rows. Cells are Markdown already (from
// text() or code()); a `|` inside a cell is escaped here, as GitHub's tables require even inside
// code spans. (A `\|` inside a code span cannot be shown in a GitHub table; no setting has one.)
std::string table(const std::vector<std::string>& header, const std::vector<std::vector<std::string>>& rows);

}  // namespace sessiontool::cli::markdown

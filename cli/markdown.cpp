#include "markdown.hpp"

#include <algorithm>

#include "text/ascii_case.hpp"

namespace sessiontool::cli::markdown {

namespace {

bool is_ascii_letter(char c) { return (c | 0x20) >= 'a' && (c | 0x20) <= 'z'; }
bool is_digit(char c) { return c >= '0' && c <= '9'; }

// Whether the character at `i` of `line` could start Markdown syntax there. Inline syntax anywhere
// (CommonMark: code spans, emphasis, links, raw HTML, entities; GitHub: strikethrough and math);
// block syntax (headings, lists, quotes, rules) only at the line's start; and GitHub's extended
// autolinks (`https://…`, `www.…`, `a@b.c`; GFM spec 6.9), which its parser finds within one run
// of text: an escaped `:`, `.` or `@` splits the run. GitHub also links some of them, and finds
// emoji shortcodes and @mentions, after rendering, where no escape reaches (micromark's
// gfm-autolink-literal readme describes the two passes); a value in a code span is safe from all.
bool needs_escape(std::string_view line, std::size_t i) {
  static constexpr std::string_view kInline = "\\`*_[]<>~&$@";
  static constexpr std::string_view kBlockStart = "#+-=>|";
  const char c = line[i];
  if (kInline.find(c) != std::string_view::npos) return true;
  if (i == 0 && kBlockStart.find(c) != std::string_view::npos) return true;
  // `#` also ends a heading's text when it closes the line, and Azure DevOps reads `#123` as a
  // work item unless it is escaped (azure-devops-docs, project/wiki/markdown-guidance.md, Links).
  if (c == '#') return true;
  // "1." or "1)" at the start is an ordered list.
  if ((c == '.' || c == ')') && i > 0 && std::all_of(line.begin(), line.begin() + i, is_digit)) return true;
  // "http://" (any scheme: GitHub links http, https and ftp).
  if (c == ':' && i + 1 < line.size() && line[i + 1] == '/') return true;
  // "www." at a word's start.
  if (c == '.' && i >= 3 && (i == 3 || !is_ascii_letter(line[i - 4]))) {
    if (equals_ignoring_case(line.substr(i - 3, 3), "www")) return true;
  }
  return false;
}

std::string one_line(std::string_view raw) {
  std::string out(raw);
  std::replace_if(out.begin(), out.end(), [](char c) { return c == '\n' || c == '\r' || c == '\t'; }, ' ');
  return out;
}

// GitHub splits a row at every `|` not escaped by a backslash, in code spans too (GFM spec 4.10):
// one that text() escaped already stays as it is; `\\|` would split, so it gets a third.
std::string cell(std::string_view markdown) {
  std::string out;
  out.reserve(markdown.size());
  std::size_t backslashes = 0;
  for (char c : markdown) {
    if (c == '|' && backslashes % 2 == 0) out += '\\';
    backslashes = c == '\\' ? backslashes + 1 : 0;
    out += c;
  }
  return out;
}

std::string row(const std::vector<std::string>& cells) {
  std::string out = "|";
  for (const std::string& c : cells) {
    out += ' ';
    out += cell(c);
    out += " |";
  }
  out += '\n';
  return out;
}

}  // namespace

std::string text(std::string_view raw) {
  const std::string line = one_line(raw);
  std::string out;
  out.reserve(line.size() + line.size() / 8);
  for (std::size_t i = 0; i < line.size(); ++i) {
    if (needs_escape(line, i)) out += '\\';
    out += line[i];
  }
  return out;
}

std::string code(std::string_view raw) {
  const std::string body = one_line(raw);
  if (body.find_first_not_of(' ') == std::string::npos) return "` `";  // nothing to show but space
  size_t longest = 0;
  size_t run = 0;
  for (char c : body) {
    run = c == '`' ? run + 1 : 0;
    longest = std::max(longest, run);
  }
  const std::string fence(longest + 1, '`');
  // CommonMark strips one space from each side of a span that starts and ends with one, so
  // such a body, and one that starts or ends with a backtick, gets a space inside each fence.
  const bool pad = body.front() == '`' || body.back() == '`' || (body.front() == ' ' && body.back() == ' ');
  return fence + (pad ? " " : "") + body + (pad ? " " : "") + fence;
}

std::string table(const std::vector<std::string>& header, const std::vector<std::vector<std::string>>& rows) {
  std::string out = row(header);
  out += '|';
  for (size_t i = 0; i < header.size(); ++i) out += " --- |";
  out += '\n';
  for (const auto& r : rows) out += row(r);
  return out;
}

}  // namespace sessiontool::cli::markdown

#include "markdown.hpp"

#include <algorithm>

namespace sessiontool::cli::markdown {

namespace {

// Inline syntax anywhere; block syntax (headings, lists, quotes, rules) only at a line's start.
bool needs_escape(char c, bool at_start) {
  static constexpr std::string_view kInline = "\\`*_[]<>~&";
  static constexpr std::string_view kBlockStart = "#+-=>|";
  return kInline.find(c) != std::string_view::npos || (at_start && kBlockStart.find(c) != std::string_view::npos);
}

std::string one_line(std::string_view raw) {
  std::string out(raw);
  std::replace_if(out.begin(), out.end(), [](char c) { return c == '\n' || c == '\r' || c == '\t'; }, ' ');
  return out;
}

std::string cell(std::string_view markdown) {
  std::string out;
  out.reserve(markdown.size());
  for (char c : markdown) {
    if (c == '|') out += '\\';
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
  std::string out;
  out.reserve(raw.size() + raw.size() / 8);
  for (char c : one_line(raw)) {
    if (needs_escape(c, out.empty())) out += '\\';
    out += c;
  }
  return out;
}

std::string code(std::string_view raw) {
  const std::string body = one_line(raw);
  size_t longest = 0;
  size_t run = 0;
  for (char c : body) {
    run = c == '`' ? run + 1 : 0;
    longest = std::max(longest, run);
  }
  const std::string fence(longest + 1, '`');
  // A span that starts or ends with a backtick (or is only spaces) needs a space inside its
  // fences; CommonMark strips one from each side.
  const bool pad = !body.empty() && (body.front() == '`' || body.back() == '`' ||
                                     body.find_first_not_of(' ') == std::string::npos);
  if (body.empty()) return "` `";
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

// GitHub Actions workflow commands: each finding becomes an annotation on the file and line.

#include <fmt/format.h>

#include "lint_formatters.hpp"

namespace sessiontool::cli {
namespace {

// GitHub's escaping (@actions/core): data escapes % CR LF; property values also ':' and ','.
std::string escape(std::string_view text, bool property) {
  std::string out;
  for (char c : text) {
    switch (c) {
      case '%': out += "%25"; break;
      case '\r': out += "%0D"; break;
      case '\n': out += "%0A"; break;
      case ':': out += property ? "%3A" : ":"; break;
      case ',': out += property ? "%2C" : ","; break;
      default: out += c;
    }
  }
  return out;
}

const char* command(Severity severity) {
  switch (severity) {
    case Severity::error: return "error";
    case Severity::warning: return "warning";
    case Severity::info: return "notice";
  }
  return "notice";
}

}  // namespace

void write_lint_github(const LintReport& report, const std::filesystem::path& base, Output& out) {
  for (const Diagnostic& d : report.diagnostics) {
    std::string properties = "file=" + escape(ci_path(d.path, base), true);
    if (d.has_position()) {
      properties += fmt::format(",line={},col={},endLine={}", d.start.line, d.start.column, d.end.line);
      // Annotations support a column range only within one line.
      if (d.end.line == d.start.line) properties += fmt::format(",endColumn={}", d.end.column);
    }
    const Rule* rule = find_rule(d.rule);
    properties += ",title=" + escape(fmt::format("{} {}", d.rule, rule ? rule->title : ""), true);
    out.write(fmt::format("::{} {}::{}\n", command(d.severity), properties, escape(d.message, false)));
  }
}

}  // namespace sessiontool::cli

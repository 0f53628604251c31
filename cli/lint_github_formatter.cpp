// GitHub Actions workflow commands: each finding becomes an annotation on the file and line.

#include <fmt/format.h>

#include "lint_formatters.hpp"

namespace sessiontool::cli {
namespace {

// GitHub's escaping (@actions/core): data escapes % CR LF; property values also ':' and ','.
std::string escape(std::string_view text, bool property) { return escape_command(text, "%25", property ? ":," : ""); }

const char* command(Severity severity) {
  switch (severity) {
    case Severity::error: return "error";
    case Severity::warning: return "warning";
    case Severity::info: return "notice";
  }
  return "notice";
}

// `::warning file=…,line=…::message`.
std::string annotation(const Diagnostic& d, const std::filesystem::path& base) {
  std::string properties = "file=" + escape(ci_path(d.path, base), true);
  if (d.has_position()) {
    properties += fmt::format(",line={},col={},endLine={}", d.start.line, d.start.column, d.end.line);
    // Annotations support a column range only within one line.
    if (d.end.line == d.start.line) properties += fmt::format(",endColumn={}", d.end.column);
  }
  const Rule* rule = find_rule(d.rule);
  properties += ",title=" + escape(fmt::format("{} {}", d.rule, rule ? rule->title : ""), true);
  return fmt::format("::{} {}::{}\n", command(d.severity), properties, escape(d.message, false));
}

}  // namespace

std::unique_ptr<LintWriter> lint_github_writer(const std::filesystem::path& base, Output& out) {
  return lint_line_writer(annotation, base, out);
}

}  // namespace sessiontool::cli

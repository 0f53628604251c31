// Azure DevOps logging commands: errors and warnings become issues on the run. Azure has no
// "info" issue type, and a warning would overstate it, so infos are plain log lines.

#include <fmt/format.h>

#include "lint_formatters.hpp"

namespace sessiontool::cli {
namespace {

// The agent's escaping: % CR LF in the message; also ';' and ']' in property values.
std::string escape(std::string_view text, bool property) {
  std::string out;
  for (char c : text) {
    switch (c) {
      case '%': out += "%AZP25"; break;
      case '\r': out += "%0D"; break;
      case '\n': out += "%0A"; break;
      case ';': out += property ? "%3B" : ";"; break;
      case ']': out += property ? "%5D" : "]"; break;
      default: out += c;
    }
  }
  return out;
}

}  // namespace

void write_lint_azure(const LintReport& report, const std::filesystem::path& base, Output& out) {
  for (const Diagnostic& d : report.diagnostics) {
    const std::string path = ci_path(d.path, base);
    if (d.severity == Severity::info) {
      const std::string where = d.has_position() ? fmt::format("{}:{}:{}", path, d.start.line, d.start.column) : path;
      out.write(fmt::format("{}: info: {} [{}]\n", where, d.message, d.rule));
      continue;
    }
    std::string properties = fmt::format("type={};sourcepath={}", to_string(d.severity), escape(path, true));
    if (d.has_position())
      properties += fmt::format(";linenumber={};columnnumber={}", d.start.line, d.start.column);
    properties += ";code=" + std::string(d.rule);
    out.write(fmt::format("##vso[task.logissue {}]{}\n", properties, escape(d.message, false)));
  }
}

}  // namespace sessiontool::cli

// Azure DevOps logging commands: errors and warnings become issues on the run. Azure has no
// "info" issue type, and a warning would overstate it, so infos are plain log lines.

#include <fmt/format.h>

#include "lint_formatters.hpp"

namespace sessiontool::cli {
namespace {

// The agent's escaping: % CR LF in the message; also ';' and ']' in property values.
std::string escape(std::string_view text, bool property) {
  return escape_command(text, "%AZP25", property ? ";]" : "");
}

// `##vso[task.logissue type=…;sourcepath=…]message`, or a plain line for an info.
std::string logging_command(const Diagnostic& d, const std::filesystem::path& base) {
  const std::string path = ci_path(d.path, base);
  if (d.severity == Severity::info) {
    const std::string where = d.has_position() ? fmt::format("{}:{}:{}", path, d.start.line, d.start.column) : path;
    return fmt::format("{}: info: {} [{}]\n", where, d.message, d.rule);
  }
  std::string properties = fmt::format("type={};sourcepath={}", to_string(d.severity), escape(path, true));
  if (d.has_position()) properties += fmt::format(";linenumber={};columnnumber={}", d.start.line, d.start.column);
  properties += ";code=" + std::string(d.rule);
  return fmt::format("##vso[task.logissue {}]{}\n", properties, escape(d.message, false));
}

}  // namespace

std::unique_ptr<LintWriter> lint_azure_writer(const std::filesystem::path& base, Output& out) {
  return lint_line_writer(logging_command, base, out);
}

}  // namespace sessiontool::cli

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

class AzureWriter final : public LintWriter {
 public:
  AzureWriter(const std::filesystem::path& base, Output& out) : base_(base), out_(out) {}

  void finding(const Diagnostic& d) override {
    const std::string path = ci_path(d.path, base_);
    if (d.severity == Severity::info) {
      const std::string where = d.has_position() ? fmt::format("{}:{}:{}", path, d.start.line, d.start.column) : path;
      out_.write(fmt::format("{}: info: {} [{}]\n", where, d.message, d.rule));
      return;
    }
    std::string properties = fmt::format("type={};sourcepath={}", to_string(d.severity), escape(path, true));
    if (d.has_position())
      properties += fmt::format(";linenumber={};columnnumber={}", d.start.line, d.start.column);
    properties += ";code=" + std::string(d.rule);
    out_.write(fmt::format("##vso[task.logissue {}]{}\n", properties, escape(d.message, false)));
  }

  void finish(const LintTotals&) override {}

 private:
  std::filesystem::path base_;
  Output& out_;
};

}  // namespace

std::unique_ptr<LintWriter> lint_azure_writer(const std::filesystem::path& base, Output& out) {
  return std::make_unique<AzureWriter>(base, out);
}

}  // namespace sessiontool::cli

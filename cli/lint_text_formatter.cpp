#include <fmt/format.h>

#include "lint_formatters.hpp"

namespace sessiontool::cli {
namespace {

std::string counted(std::size_t n, std::string_view noun) {
  return fmt::format("{} {}{}", n, noun, n == 1 ? "" : "s");
}

std::string severity_word(Severity severity, const Style& style) {
  const std::string word = std::string(to_string(severity)) + ":";
  switch (severity) {
    case Severity::error: return style.red(word);
    case Severity::warning: return style.yellow(word);
    case Severity::info: return style.cyan(word);
  }
  return word;
}

}  // namespace

void write_lint_text(const LintReport& report, const Style& style, Output& out) {
  std::size_t counts[3] = {};
  const std::filesystem::path* previous = nullptr;
  for (const Diagnostic& d : report.diagnostics) {
    if (previous && *previous != d.path) out.write("\n");
    previous = &d.path;
    ++counts[static_cast<int>(d.severity)];
    std::string where = d.path.string();
    if (d.has_position()) where += fmt::format(":{}:{}", d.start.line, d.start.column);
    out.write(fmt::format("{}: {} {} {}\n", style.bold(where), severity_word(d.severity, style), d.message,
                          style.dim(fmt::format("[{}]", d.rule))));
  }
  if (!report.diagnostics.empty()) out.write("\n");
  const std::string scope = fmt::format("{} ({})", counted(report.files, "file"), counted(report.deployments, "deployment"));
  if (report.diagnostics.empty()) {
    out.write(fmt::format("No findings in {}.\n", scope));
    return;
  }
  out.write(fmt::format("{}, {}, {} in {}.\n", counted(counts[2], "error"), counted(counts[1], "warning"),
                        counted(counts[0], "info"), scope));
}

}  // namespace sessiontool::cli

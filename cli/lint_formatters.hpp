#pragma once
// The lint output formats (SPEC §6 `--format`): one file each.

#include <array>
#include <filesystem>
#include <memory>
#include <string>

#include "lint/lint_files.hpp"
#include "output.hpp"
#include "lint/rules.hpp"
#include "style.hpp"

namespace sessiontool::cli {

// A format is a writer: lint hands it each finding in output order as it comes, then the
// run's totals, so a fleet's report is never held whole.
class LintWriter {
 public:
  virtual ~LintWriter() = default;
  virtual void finding(const Diagnostic& d) = 0;
  virtual void finish(const LintTotals& totals) = 0;
};

// Compiler style for people: `file:line:col: severity: message [ST103]`, a blank line between
// files, and a summary line.
std::unique_ptr<LintWriter> lint_text_writer(const Style& style, Output& out);

// Findings by severity: info, warning, error (Severity's order).
using SeverityCounts = std::array<std::size_t, 3>;
// The summary line of the text format, also the markdown's: "2 errors, 11 warnings, 3 infos in
// 9 files (5 deployments).", or "No findings in 3 files (2 deployments)."
std::string lint_summary(const SeverityCounts& counts, const LintTotals& totals);

// {"diagnostics": [...], "summary": {...}} for scripts.
std::unique_ptr<LintWriter> lint_json_writer(Output& out);

// SARIF 2.1.0 for GitHub code scanning and other viewers; paths relative to `base`.
std::unique_ptr<LintWriter> lint_sarif_writer(const std::filesystem::path& base, Output& out);

// GitHub Actions workflow commands (`::error file=…::message`); paths relative to `base`.
std::unique_ptr<LintWriter> lint_github_writer(const std::filesystem::path& base, Output& out);

// Azure DevOps logging commands (`##vso[task.logissue …]message`); paths relative to `base`.
std::unique_ptr<LintWriter> lint_azure_writer(const std::filesystem::path& base, Output& out);

// Markdown for a CI summary (GitHub's step summary, Azure DevOps's summary tab): the summary
// line, a table of findings per deployment, and the explanation of each rule used. Paths
// relative to `base`. It holds the findings until the end, to group them.
std::unique_ptr<LintWriter> lint_markdown_writer(const std::filesystem::path& base, Output& out);

// A format of one line per finding and nothing around them (the CI annotations): `line` makes
// a finding's line, paths relative to `base`.
using FindingLine = std::string (*)(const Diagnostic& d, const std::filesystem::path& base);
std::unique_ptr<LintWriter> lint_line_writer(FindingLine line, const std::filesystem::path& base, Output& out);

// A whole report through a writer.
inline void write_lint(LintWriter& writer, const LintReport& report) {
  for (const Diagnostic& d : report.diagnostics) writer.finding(d);
  writer.finish({.files = report.files, .deployments = report.deployments});
}

// The text a format gives a report, gathered into a string.
template <typename MakeWriter>
std::string rendered(const LintReport& report, MakeWriter make_writer) {
  std::string text;
  Output out(text);
  write_lint(*make_writer(out), report);
  return text;
}
inline std::string render_lint_text(const LintReport& report, const Style& style) {
  return rendered(report, [&](Output& out) { return lint_text_writer(style, out); });
}
inline std::string render_lint_json(const LintReport& report) {
  return rendered(report, [](Output& out) { return lint_json_writer(out); });
}
inline std::string render_lint_sarif(const LintReport& report, const std::filesystem::path& base) {
  return rendered(report, [&](Output& out) { return lint_sarif_writer(base, out); });
}
inline std::string render_lint_github(const LintReport& report, const std::filesystem::path& base) {
  return rendered(report, [&](Output& out) { return lint_github_writer(base, out); });
}
inline std::string render_lint_markdown(const LintReport& report, const std::filesystem::path& base) {
  return rendered(report, [&](Output& out) { return lint_markdown_writer(base, out); });
}
inline std::string render_lint_azure(const LintReport& report, const std::filesystem::path& base) {
  return rendered(report, [&](Output& out) { return lint_azure_writer(base, out); });
}

// A path as CI tools want it: relative to `base` with forward slashes when it lies under it,
// else absolute (forward slashes too).
std::string ci_path(const std::filesystem::path& path, const std::filesystem::path& base);

// A CI service's escaping in a logging command: '%' as `percent`, CR, LF and the
// `property_chars` (given for a property value, empty for the message) as %XX.
std::string escape_command(std::string_view text, std::string_view percent, std::string_view property_chars);

}  // namespace sessiontool::cli

#pragma once
// The lint output formats (SPEC §6 `--format`): one file each.

#include <filesystem>
#include <string>

#include "output.hpp"
#include "rules.hpp"
#include "style.hpp"

namespace sessiontool::cli {

// Each format is written to an Output a finding at a time; render_lint_* gathers it into a
// string.

// Compiler style for people: `file:line:col: severity: message [ST103]`, a blank line between
// files, and a summary line.
void write_lint_text(const LintReport& report, const Style& style, Output& out);

// {"diagnostics": [...], "summary": {...}} for scripts.
void write_lint_json(const LintReport& report, Output& out);

// SARIF 2.1.0 for GitHub code scanning and other viewers; paths relative to `base`.
void write_lint_sarif(const LintReport& report, const std::filesystem::path& base, Output& out);

// GitHub Actions workflow commands (`::error file=…::message`); paths relative to `base`.
void write_lint_github(const LintReport& report, const std::filesystem::path& base, Output& out);

// Azure DevOps logging commands (`##vso[task.logissue …]message`); paths relative to `base`.
void write_lint_azure(const LintReport& report, const std::filesystem::path& base, Output& out);

// The text a write_lint_* call writes.
template <typename Write>
std::string rendered(Write write) {
  std::string text;
  Output out(text);
  write(out);
  return text;
}
inline std::string render_lint_text(const LintReport& report, const Style& style) {
  return rendered([&](Output& out) { write_lint_text(report, style, out); });
}
inline std::string render_lint_json(const LintReport& report) {
  return rendered([&](Output& out) { write_lint_json(report, out); });
}
inline std::string render_lint_sarif(const LintReport& report, const std::filesystem::path& base) {
  return rendered([&](Output& out) { write_lint_sarif(report, base, out); });
}
inline std::string render_lint_github(const LintReport& report, const std::filesystem::path& base) {
  return rendered([&](Output& out) { write_lint_github(report, base, out); });
}
inline std::string render_lint_azure(const LintReport& report, const std::filesystem::path& base) {
  return rendered([&](Output& out) { write_lint_azure(report, base, out); });
}

// A path as CI tools want it: relative to `base` with forward slashes when it lies under it,
// else absolute (forward slashes too).
std::string ci_path(const std::filesystem::path& path, const std::filesystem::path& base);

}  // namespace sessiontool::cli

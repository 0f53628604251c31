#pragma once
// The lint output formats (SPEC §6 `--format`): one file each.

#include <filesystem>
#include <string>

#include "rules.hpp"
#include "style.hpp"

namespace sessiontool::cli {

// Compiler style for people: `file:line:col: severity: message [ST103]`, a blank line between
// files, and a summary line.
std::string render_lint_text(const LintReport& report, const Style& style);

// {"diagnostics": [...], "summary": {...}} for scripts.
std::string render_lint_json(const LintReport& report);

// SARIF 2.1.0 for GitHub code scanning and other viewers; paths relative to `base`.
std::string render_lint_sarif(const LintReport& report, const std::filesystem::path& base);

// GitHub Actions workflow commands (`::error file=…::message`); paths relative to `base`.
std::string render_lint_github(const LintReport& report, const std::filesystem::path& base);

// Azure DevOps logging commands (`##vso[task.logissue …]message`); paths relative to `base`.
std::string render_lint_azure(const LintReport& report, const std::filesystem::path& base);

// A path as CI tools want it: relative to `base` with forward slashes when it lies under it,
// else absolute (forward slashes too).
std::string ci_path(const std::filesystem::path& path, const std::filesystem::path& base);

}  // namespace sessiontool::cli

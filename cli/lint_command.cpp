// sessiontool lint: the rules over every deployment, in a format for people or for CI.

#include <charconv>
#include <memory>

#include <fmt/format.h>

#include "commands.hpp"
#include "common_options.hpp"
#include "exit_codes.hpp"
#include "lint/lint_files.hpp"
#include "lint_formatters.hpp"
#include "text/path_text.hpp"
#include "platform/platform.hpp"
#include "progress_line.hpp"
#include "usage_error.hpp"

namespace sessiontool::cli {
namespace {

struct LintCommandOptions {
  CommonOptions common;
  std::string format;  // empty: text, plus annotations when run by a CI service
  std::string fail_on = "warning";
  std::vector<std::string> disable;
  std::vector<std::string> severity;  // ID=level
};

const Rule& rule_option(std::string_view option, std::string_view id) {
  auto rule = configurable_rule(id);
  if (!rule) throw UsageError(fmt::format("{} {}: {}", option, id, rule.error()));
  return **rule;
}

// Configuration file first, then the command line over it.
LintOptions lint_options(const LintCommandOptions& options) {
  const ConfigFile& config = config_file(options.common);
  LintOptions result{.resolve = resolve_options(options.common),
                     .fo_inactivity_source = fo_inactivity_source(options.common),
                     .lb_idle_timeout = lb_idle_timeout(options.common),
                     .policy = config.policy,
                     .disabled = config.disable,
                     .severity = config.severity};
  for (const std::string& id : options.disable) result.disabled.emplace_back(rule_option("--disable", id).id);
  for (const std::string& text : options.severity) {
    const auto eq = text.find('=');
    const auto level = eq == std::string::npos ? std::nullopt : severity_from_string(text.substr(eq + 1));
    if (!level) throw UsageError(fmt::format("--severity {}: expected ID=error|warning|info, e.g. ST202=error", text));
    result.severity.emplace_back(rule_option("--severity", text.substr(0, eq)).id, *level);
  }
  return result;
}

// Paths for CI tools are relative to the checkout: GitHub's workspace when lint runs inside a
// workflow (a step may `cd` into a subfolder), else the working directory.
std::filesystem::path ci_base() {
  const std::string workspace = platform::env("GITHUB_WORKSPACE");
  if (platform::env("GITHUB_ACTIONS") == "true" && !workspace.empty()) return path_from_utf8(workspace);
  return std::filesystem::current_path();
}

// The writers for --format. In a CI job with no --format, people read the log and the service
// shows the annotations: text goes out as it comes, the annotations after it (gathered).
struct Writers {
  std::unique_ptr<LintWriter> main;
  std::string annotations_text;
  Output annotations_out{annotations_text};
  std::vector<std::unique_ptr<LintWriter>> annotations;
};

void make_writers(const LintCommandOptions& options, Output& out, Writers& writers) {
  const std::filesystem::path base = ci_base();
  const std::string& format = options.format;
  if (format == "json") writers.main = lint_json_writer(out);
  else if (format == "sarif") writers.main = lint_sarif_writer(base, out);
  else if (format == "github") writers.main = lint_github_writer(base, out);
  else if (format == "azure") writers.main = lint_azure_writer(base, out);
  else if (format == "markdown") writers.main = lint_markdown_writer(base, out);
  else writers.main = lint_text_writer(style_for(options.common, stdout), out);
  if (!format.empty()) return;
  if (platform::env("GITHUB_ACTIONS") == "true") writers.annotations.push_back(lint_github_writer(base, writers.annotations_out));
  if (!platform::env("TF_BUILD").empty()) writers.annotations.push_back(lint_azure_writer(base, writers.annotations_out));
}

// SESSIONTOOL_JOBS=N: how many threads read and check files (default: one per core). Lint's
// output is the same for any N; the tests compare one worker with several.
unsigned jobs_from_environment() {
  const std::string text = platform::env("SESSIONTOOL_JOBS");
  if (text.empty()) return 0;
  unsigned jobs = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), jobs);
  if (ec != std::errc{} || end != text.data() + text.size() || jobs == 0 || jobs > 256)
    throw UsageError(fmt::format("SESSIONTOOL_JOBS={}: expected a number of threads from 1 to 256", text));
  return jobs;
}

int run_lint(const LintCommandOptions& options) {
  const LintOptions lint_opts = lint_options(options);
  platform::keep_freed_memory();
  // Exit 1 when a finding reaches the threshold ("none": never).
  const std::optional<Severity> threshold = severity_from_string(options.fail_on);
  ProgressLine progress("checking");
  const LintFilesOptions run{.jobs = jobs_from_environment(),
                             .progress = [&](std::size_t done, std::size_t total) { progress.update(done, total); }};
  Output out(stdout);
  Writers writers;  // in place: its annotation Output points at its own string
  make_writers(options, out, writers);
  bool failed = false;
  bool finding_shown = false;
  const auto emit = [&](const Diagnostic& d) {
    if (!finding_shown) progress.finish();  // the findings come once every file is read
    finding_shown = true;
    failed = failed || (threshold && d.severity >= *threshold);
    writers.main->finding(d);
    for (const auto& writer : writers.annotations) writer->finding(d);
  };
  LintTotals totals;
  if (const std::optional<ContainerSource> source = forced_container(options.common))
    totals = lint_inputs(load_container_inputs(input_paths(options.common), *source), lint_opts, run, emit);
  else
    totals = lint_files(input_paths(options.common), forced_kind(options.common), lint_opts, run, emit);
  progress.finish();
  writers.main->finish(totals);
  for (const auto& writer : writers.annotations) writer->finish(totals);
  out.write(writers.annotations_text);
  std::fflush(stdout);
  if (totals.read_errors) return kExitBadInput;  // reported as ST001/ST002 above
  return failed ? kExitFindings : kExitOk;
}

}  // namespace

void setup_lint(CLI::App& app, int& exit_code) {
  auto options = std::make_shared<LintCommandOptions>();
  CLI::App* lint = app.add_subcommand("lint", "Check deployments against the rules (sessiontool rules lists them)");
  lint->add_option("paths", options->common.paths,
                   "Files or directories (default: current directory); '-' reads docker inspect, docker compose "
                   "config --format json or an env file from standard input");
  lint->add_option("--format", options->format,
                   "Output format (default text; in GitHub Actions or Azure Pipelines text plus annotations; markdown for a CI summary)")
      ->check(CLI::IsMember({"text", "json", "sarif", "github", "azure", "markdown"}));
  lint->add_option("--fail-on", options->fail_on, "Exit 1 when a finding is at least this severe (default warning)")
      ->check(CLI::IsMember({"error", "warning", "info", "none"}));
  lint->add_option("--disable", options->disable, "Rules to skip, e.g. ST102,ST203")
      ->delimiter(',')
      ->allow_extra_args(false);  // `--disable ST102 dir/`: dir/ is a path, not a rule
  lint->add_option("--severity", options->severity, "Change a rule's severity: ID=error|warning|info (repeatable)")
      ->allow_extra_args(false);
  add_common_options(*lint, options->common);
  lint->footer(
      "Examples:\n"
      "  sessiontool lint                                   # every deployment under the current directory\n"
      "  sessiontool lint deploy/ --format sarif > sessiontool.sarif\n"
      "  sessiontool lint --fail-on error --disable ST102\n"
      "  sessiontool lint deploy/ --format markdown >> \"$GITHUB_STEP_SUMMARY\"\n"
      "  docker compose config --format json | sessiontool lint -   # the containers' settings (ST401-ST404)\n"
      "  sessiontool explain ST103                          # why a rule exists and how to fix it\n"
      "Exit codes: 0 nothing at or above --fail-on, 1 findings, 2 usage or config error, 3 unreadable input.");
  lint->callback([options, &exit_code] { exit_code = run_lint(*options); });
}

}  // namespace sessiontool::cli

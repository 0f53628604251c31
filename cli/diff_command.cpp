// sessiontool diff OLD NEW: what changes for sessions between two trees (or two files) of
// deployments, in a form for people, scripts or a pull request's summary.

#include <memory>

#include <fmt/format.h>

#include "diff/behaviour_diff.hpp"
#include "commands.hpp"
#include "common_options.hpp"
#include "diff_json.hpp"
#include "diff_markdown.hpp"
#include "diff_text.hpp"
#include "exit_codes.hpp"
#include "text/path_text.hpp"
#include "platform/platform.hpp"
#include "progress_line.hpp"
#include "read_errors.hpp"

namespace sessiontool::cli {
namespace {

struct DiffOptions {
  CommonOptions common;
  std::string old_path;
  std::string new_path;
  std::string format = "text";
  bool all = false;
  bool quiet = false;
};

// The new tree reuses what was kept of the old one's files where they are the same (file_memo.hpp).
Behaviour read_side(const std::filesystem::path& path, std::string_view verb, const DiffOptions& options,
                    const LintOptions& lint_options, FileMemo& memo, bool reuse) {
  ProgressLine progress{std::string(verb)};
  memo.set_root(path);
  const LintFilesOptions run{.progress = [&](std::size_t done, std::size_t total) { progress.update(done, total); },
                             .memo = &memo,
                             .memo_reuse = reuse};
  Behaviour side = behaviour_of_paths({path}, forced_kind(options.common), lint_options, run);
  progress.finish();
  return side;
}

int run_diff(const DiffOptions& options) {
  const LintOptions lint_options = configured_lint_options(options.common);
  platform::keep_freed_memory();
  const std::filesystem::path old_root = path_from_utf8(options.old_path);
  const std::filesystem::path new_root = path_from_utf8(options.new_path);
  FileMemo memo;
  const Behaviour before = read_side(old_root, "reading old", options, lint_options, memo, false);
  const Behaviour after = read_side(new_root, "reading new", options, lint_options, memo, true);
  if (!before.read_errors.empty() || !after.read_errors.empty()) {
    const Style style = style_for(options.common, stderr);
    for (const Behaviour* side : {&before, &after})
      for (const Diagnostic& d : side->read_errors) fmt::print(stderr, "{}\n", format_read_error(d, style));
    return kExitBadInput;
  }
  // A container's settings live in its description, not in files a tree compares: refused rather
  // than counted as "no change".
  for (const auto& [side, root] : {std::pair{&before, &options.old_path}, std::pair{&after, &options.new_path}})
    if (side->containers != 0) {
      fmt::print(stderr,
                 "sessiontool: error: {} holds container descriptions ({} Business Central container{}): diff "
                 "compares configuration files; compare containers with 'sessiontool show' on each description\n",
                 *root, side->containers, side->containers == 1 ? "" : "s");
      return kExitUsage;
    }
  const BehaviourDiff diff = diff_behaviour(before, after, old_root, new_root);
  if (!options.quiet) {
    if (options.format == "json") fmt::print("{}", render_diff_json(diff, options.all));
    else if (options.format == "markdown") fmt::print("{}", render_diff_markdown(diff, options.all));
    else fmt::print("{}", render_diff_text(diff, options.all, style_for(options.common, stdout)));
  }
  std::fflush(stdout);
  return diff.any_change() ? kExitFindings : kExitOk;
}

}  // namespace

void setup_diff(CLI::App& app, int& exit_code) {
  auto options = std::make_shared<DiffOptions>();
  CLI::App* diff = app.add_subcommand("diff", "Show what changes for sessions between two trees or files of deployments");
  diff->add_option("old", options->old_path, "The deployments before: a directory or a file")->required()->type_name("PATH");
  diff->add_option("new", options->new_path, "The deployments after: a directory or a file")->required()->type_name("PATH");
  diff->add_option("--format", options->format, "Output format")->check(CLI::IsMember({"text", "json", "markdown"}));
  diff->add_flag("--all", options->all, "Also list the deployments whose behaviour does not change");
  diff->add_flag("--quiet", options->quiet, "Print nothing; only the exit code tells");
  add_common_options(*diff, options->common);
  diff->footer(
      "Deployments are matched by product and name (ServerInstance; for F&O the folder of the web.config).\n"
      "Exit codes, as git diff gives them with its exit-code option, and diff(1): 0 no deployment changes\n"
      "behaviour; 1 a change (an effective value, a finding that appears or goes, a deployment added or\n"
      "removed), not a failure; 2 usage or config error; 3 an input unreadable or malformed.\n"
      "A CI step that only reports: sessiontool diff ... || [ $? -eq 1 ]\n"
      "Examples:\n"
      "  git worktree add base origin/main && sessiontool diff base/deploy deploy\n"
      "  sessiontool diff base/deploy deploy --format markdown >> \"$GITHUB_STEP_SUMMARY\"\n"
      "  sessiontool diff old/CustomSettings.config new/CustomSettings.config --format json");
  diff->callback([options, &exit_code] { exit_code = run_diff(*options); });
}

}  // namespace sessiontool::cli

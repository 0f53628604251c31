// sessiontool set: rewrite values in configuration files, byte-exact and atomically, across
// every file of the key's kind under the paths (a fleet rollout). Everything is checked for
// every file before any file is written.

#include <algorithm>
#include <memory>
#include <optional>
#include <set>

#include <fmt/format.h>

#include "platform/atomic_write.hpp"
#include "read/catalog.hpp"
#include "commands.hpp"
#include "common_options.hpp"
#include "edit/editor.hpp"
#include "exit_codes.hpp"
#include "text/path_text.hpp"
#include "progress_line.hpp"
#include "read_errors.hpp"
#include "read/reader.hpp"
#include "set_arguments.hpp"
#include "set_effect.hpp"
#include "set_json.hpp"
#include "edit/set_plan.hpp"
#include "text/unified_diff.hpp"
#include "usage_error.hpp"

namespace sessiontool::cli {
namespace {

struct SetOptions {
  CommonOptions common;
  std::vector<std::string> arguments;  // KEY=VALUE assignments and paths, in any order
  std::vector<std::string> unset;
  bool dry_run = false;
  bool check = false;
  bool backup = false;
  bool force = false;
  std::string format = "text";
};

// A file to edit, and what the edit makes of it.
struct Target {
  Document doc;
  std::vector<Edit> edits;
  EditResult result;
};

void warn(const std::string& message) { fmt::print(stderr, "sessiontool: warning: {}\n", message); }

// "SessionTimeout 00:20:00 (20m) -> 00:45:00 (45m)", "K (not set) -> V", "K V -> (removed)".
std::string describe(const Document& doc, const Change& change) {
  const SettingInfo* info = find_setting(change.key, doc.kind);
  auto value = [&](const std::optional<std::string>& v, std::string_view none) {
    return v ? display_value(info, *v) : std::string(none);
  };
  // The entry keeps its own spelling: say it when it is not Microsoft's.
  const std::string key = !change.spelling.empty() && change.spelling != change.key
                              ? fmt::format("{} (spelt {})", change.key, change.spelling)
                              : change.key;
  const std::string not_set =
      change.taken_out ? fmt::format("(taken out by <{}> on line {})", change.taken_out->clear ? "clear/" : "remove",
                                     change.taken_out->pos.line)
                       : "(not set)";
  if (change.kind == ChangeKind::unchanged) {
    return change.new_value ? fmt::format("{} is already {}", key, value(change.new_value, ""))
                            : fmt::format("{} is {}", key, change.taken_out ? not_set : "not set");
  }
  return fmt::format("{} {} -> {}", key, value(change.old_value, not_set), value(change.new_value, "(removed)"));
}

// What a changed file says once written (or, with --dry-run/--check, would say).
void report(const Target& target, std::FILE* stream, std::string_view verb) {
  const std::string path = utf8_text(target.doc.path);
  const bool modified = target.result.modified();
  std::vector<std::string> parts;
  for (const Change& change : target.result.changes) parts.push_back(describe(target.doc, change));
  fmt::print(stream, "{} {}: {}\n", modified ? verb : "unchanged", path, fmt::join(parts, "; "));
}

// A duplicated key is changed where it takes effect; the earlier lines still show the old
// value, so say so (lint reports them as ST004).
void warn_duplicates(const Target& target) {
  const bool json = target.doc.format == FileFormat::json;
  for (const Change& change : target.result.changes) {
    if (change.occurrences < 2 || change.kind != ChangeKind::changed) continue;
    warn(fmt::format("{}:{}:{}: {} is set {} times (in any letter case); changed the last one, {}",
                     utf8_text(target.doc.path), change.where.line, change.where.column, change.key,
                     change.occurrences,
                     json ? "but the web server does not start until the others are deleted"
                          : "which is the one in effect (remove the others: they no longer match)"));
  }
  // What else makes the product refuse the file: set changes values only, and says so.
  if (target.result.modified()) {
    ReadResult after = parse_document(target.doc.path, target.result.bytes, target.doc.kind);
    if (!after.document) return;
    std::size_t refused = 0;
    for (const Refusal& refusal : after.document->refusals) {
      if (refusal.kind == Refusal::Kind::duplicate_key) continue;
      warn(fmt::format("{}:{}:{}: {}", utf8_text(target.doc.path), refusal.start.line, refusal.start.column,
                       refusal.message));
      ++refused;
    }
    if (refused != 0)
      warn(fmt::format("{}: set changes only the values asked for; until the line{} above {} fixed, this file is "
                       "refused when it is loaded (ST012)",
                       utf8_text(target.doc.path), refused == 1 ? "" : "s", refused == 1 ? "is" : "are"));
  }
  for (const Change& change : target.result.changes)
    if (change.kind == ChangeKind::removed && change.key == keys::kFoLegacyTimeout)
      fmt::print(stderr, "sessiontool: note: {}: without {} the F&O system parameter \"Session inactivity timeout\" "
                         "takes effect again\n",
                 utf8_text(target.doc.path), change.key);
}

// Removing the last F&O key from a web.config, say, would leave a file that sessiontool (and
// the next fleet run) no longer recognises by its content.
void warn_if_unrecognised(const Target& target) {
  if (!target.result.modified()) return;
  auto kind_of = [&](const std::string& bytes) -> std::optional<FileKind> {
    ReadResult result = parse_document(target.doc.path, bytes);
    return result.document ? std::optional(result.document->kind) : std::nullopt;
  };
  if (kind_of(target.doc.source.bytes()) != target.doc.kind) return;  // read with --as anyway
  if (kind_of(target.result.bytes) == target.doc.kind) return;
  warn(fmt::format("{}: after this change the file is no longer recognised as {} file by its content; "
                   "later commands need --as {} for it",
                   utf8_text(target.doc.path), kind_phrase(target.doc.kind), to_string(target.doc.kind)));
}

// Splices every target in memory; any file that cannot take its edits stops the command
// before anything is written.
int edit_all(std::vector<Target>& targets) {
  int code = kExitOk;
  for (Target& target : targets) {
    auto result = apply_edits(target.doc, target.edits);
    if (result) {
      target.result = std::move(*result);
      warn_if_unrecognised(target);
      continue;
    }
    const bool internal = result.error().kind == EditErrorKind::internal;
    fmt::print(stderr, "sessiontool: {}: {}: {}\n", internal ? "internal error" : "error", utf8_text(target.doc.path),
               result.error().message);
    code = std::max(code, internal ? kExitInternal : kExitBadInput);
  }
  if (code != kExitOk) fmt::print(stderr, "sessiontool: nothing was written\n");
  return code;
}

// What the edits do to sessions, computed once every target is spliced (the same as `diff`).
struct Effect {
  std::vector<EditedFile> files;
  std::unique_ptr<SetEffect> sessions;
};

Effect effect_of(const std::vector<Target>& targets, const SetOptions& options,
                 const std::vector<std::filesystem::path>& paths) {
  Effect effect;
  for (const Target& target : targets) effect.files.push_back({&target.doc, &target.result});
  effect.sessions =
      set_effect(paths, forced_kind(options.common), configured_lint_options(options.common), effect.files);
  return effect;
}

// --dry-run and --check: the diffs on stdout (a patch), the summary and what it does to sessions
// on stderr; with --format json, one JSON document on stdout holding the patches.
int preview(const std::vector<Target>& targets, const SetOptions& options, const Effect& effect) {
  const bool any = std::ranges::any_of(targets, [](const Target& target) { return target.result.modified(); });
  if (options.format == "json") {
    fmt::print("{}", render_set_json(effect.files, *effect.sessions, false));
  } else {
    for (const Target& target : targets) {
      const std::string path = utf8_text(target.doc.path);
      fmt::print("{}", unified_diff(target.doc.source.bytes(), target.result.bytes, path, path));
    }
    std::fflush(stdout);
    for (const Target& target : targets) report(target, stderr, "would update");
    fmt::print(stderr, "{}", render_set_effect_text(*effect.sessions, style_for(options.common, stderr)));
  }
  if (!options.check) return kExitOk;
  return any ? kExitFindings : kExitOk;
}

// Every changed file is first written beside itself, and only when all of them are ready
// are they renamed into place.
int write_all(const std::vector<Target>& targets, const SetOptions& options, const Effect& effect) {
  const bool backup = options.backup;
  std::vector<std::pair<const Target*, PendingWrite>> pending;
  ProgressLine progress("writing");
  const auto changed = static_cast<std::size_t>(
      std::ranges::count_if(targets, [](const Target& target) { return target.result.modified(); }));
  for (const Target& target : targets) {
    if (!target.result.modified()) continue;
    progress.update(pending.size(), changed);
    auto prepared = PendingWrite::prepare(
        target.doc.path, target.result.bytes, {.backup = backup, .expected_old = target.doc.source.bytes()});
    if (!prepared) {
      fmt::print(stderr, "sessiontool: error: {}: {}\nsessiontool: nothing was written\n", utf8_text(target.doc.path),
                 prepared.error());
      return kExitBadInput;
    }
    pending.emplace_back(&target, std::move(*prepared));
  }
  progress.finish();
  std::vector<std::string> done;
  for (auto& [target, write] : pending) {
    if (auto committed = write.commit(); !committed) {
      fmt::print(stderr, "sessiontool: error: {}: {}\n", utf8_text(target->doc.path), committed.error());
      fmt::print(stderr, "sessiontool: {}\n",
                 done.empty() ? std::string("nothing was written")
                              : fmt::format("already updated: {}", fmt::join(done, ", ")));
      return kExitBadInput;
    }
    done.push_back(utf8_text(target->doc.path));
  }
  if (options.format == "json") {
    fmt::print("{}", render_set_json(effect.files, *effect.sessions, true));
    return kExitOk;
  }
  for (const Target& target : targets) report(target, stdout, "updated");
  fmt::print("{}", render_set_effect_text(*effect.sessions, style_for(options.common, stdout)));
  return kExitOk;
}

int run_set(const SetOptions& options) {
  if (options.dry_run && options.check) throw UsageError("--dry-run and --check cannot be combined");
  SetRequest request = parse_set_arguments(options.arguments, options.unset);
  if (request.keys.empty())
    throw UsageError("nothing to set: give KEY=VALUE (e.g. SessionTimeout=45m) or --unset KEY");

  // Values first: a refused value needs no file.
  const int platform = resolve_options(options.common).platform.value_or(0);  // flag, else config file
  std::vector<std::string> refusals;
  for (KeyPlan& plan : request.keys)
    prepare_values(plan, options.force, platform, refusals, warn);
  if (!refusals.empty()) {
    for (const std::string& message : refusals) fmt::print(stderr, "sessiontool: refused: {}\n", message);
    fmt::print(stderr, "sessiontool: nothing was written{}\n",
               options.force ? "" : " (--force writes a value anyway)");
    return kExitRefused;
  }

  if (std::ranges::find(request.paths, kStandardInput) != request.paths.end())
    throw UsageError("set edits files in place: standard input ('-') cannot be written; give the file's path");
  const std::vector<std::filesystem::path> installed = installed_files(options.common);
  std::vector<std::filesystem::path> paths =
      request.paths.empty() && installed.empty() ? std::vector<std::filesystem::path>{"."} : request.paths;
  ProgressLine reading("reading");
  auto found = find_targets(paths, request.keys, forced_kind(options.common),
                            [&](std::size_t done, std::size_t total) { reading.update(done, total); }, installed);
  if (!found) throw UsageError(found.error());
  TargetFiles& files = *found;
  if (!installed.empty()) paths.emplace_back("--installed");  // for the message of a kind with no file
  reading.finish();
  if (!files.errors.empty()) {
    print_read_errors(files.errors, style_for(options.common, stderr));
    fmt::print(stderr, "sessiontool: nothing was written\n");
    return kExitBadInput;
  }
  if (auto missing = key_without_file(request.keys, files.documents, paths)) throw UsageError(*missing);

  std::vector<Target> targets;
  for (Document& doc : files.documents) {
    Target target{std::move(doc), {}, {}};
    target.edits = edits_for(request.keys, target.doc.kind);
    targets.push_back(std::move(target));
  }
  if (int code = edit_all(targets); code != kExitOk) return code;
  for (const Target& target : targets) warn_duplicates(target);
  const Effect effect = effect_of(targets, options, paths);
  if (options.dry_run || options.check) return preview(targets, options, effect);
  return write_all(targets, options, effect);
}

}  // namespace

void setup_set(CLI::App& app, int& exit_code) {
  auto options = std::make_shared<SetOptions>();
  CLI::App* set = app.add_subcommand("set", "Rewrite values in configuration files, byte-exact and atomically");
  set->add_option("arguments", options->arguments,
                  "KEY=VALUE assignments, then files or directories (default: current directory)")
      ->type_name("KEY=VALUE|PATH");
  // One key per --unset, so that the paths after it stay paths.
  set->add_option("--unset", options->unset, "Remove every entry of KEY (repeatable)")
      ->type_name("KEY")
      ->allow_extra_args(false)
      ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
  set->add_flag("--dry-run", options->dry_run, "Print a unified diff of each file; write nothing");
  set->add_flag("--check", options->check, "Like --dry-run, and exit 1 when any file would change");
  set->add_flag("--backup", options->backup, "Keep the original of each changed file as FILE.bak");
  set->add_flag("--force", options->force, "Write a value even when it is refused as an error");
  set->add_option("--format", options->format,
                  "Output format: text, or json (files, keys with old and new values, deployments affected, actions)")
      ->check(CLI::IsMember({"text", "json"}));
  add_common_options(*set, options->common);
  set->footer(
      "Values: the native form (00:45:00, MaxValue, 1800), or a duration such as 45m, 1h30m, 90s, never.\n"
      "The key decides which files are written: server keys go to CustomSettings.config, web keys to\n"
      "navsettings.json or a NAV web.config, WebClientStatefulSessionTimeoutInSeconds to the F&O web.config.\n"
      "Examples:\n"
      "  sessiontool set SessionTimeout=45m C:\\BC                 # every web instance under C:\\BC\n"
      "  sessiontool set ClientServicesIdleClientTimeout=01:00:00 --backup Service\\CustomSettings.config\n"
      "  sessiontool set --unset WebClientStatefulSessionTimeoutInSeconds AOSService\\webroot\\web.config\n"
      "  sessiontool set --check SessionTimeout=45m instances/    # CI: exit 1 when a file differs");
  set->callback([options, &exit_code] { exit_code = run_set(*options); });
}

}  // namespace sessiontool::cli

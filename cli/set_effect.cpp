#include "set_effect.hpp"

#include <algorithm>
#include <map>
#include <memory>
#include <unordered_map>

#include "diff_text.hpp"
#include "text/path_text.hpp"

namespace sessiontool::cli {
namespace {

// The files that change, by their path as a deployment's state holds it (UTF-8).
using ChangedFiles = std::unordered_map<std::string, const EditedFile*>;

const EditedFile* edited_file(const ChangedFiles& changed, const std::string& path) {
  const auto it = changed.find(path);
  return it == changed.end() ? nullptr : it->second;
}

// The actions come from the edits themselves: every key `set` writes, session key or not.
std::vector<Action> actions_of_edits(const DeploymentState& d, const ChangedFiles& changed) {
  std::vector<Action> actions;
  for (const DeploymentState::File& f : d.files) {
    const EditedFile* file = edited_file(changed, f.path);
    if (!file) continue;
    std::vector<KeyChange> changes;
    for (const Change& change : file->result->changes)
      if (change.kind != ChangeKind::unchanged) changes.push_back({change.key, change.new_value});
    if (auto action = action_for(f.kind, d.name, f.path, changes)) actions.push_back(std::move(*action));
  }
  return actions;
}

}  // namespace

std::unique_ptr<SetEffect> set_effect(const std::vector<std::filesystem::path>& paths, std::optional<FileKind> forced,
                                      const LintOptions& options, const std::vector<EditedFile>& edited) {
  auto effect = std::make_unique<SetEffect>();
  // Read as lint reads a fleet (every core, nothing held whole); the second pass parses only the
  // edited files, from their new bytes, and takes every other file from the first.
  std::map<std::filesystem::path::string_type, const std::string*> new_bytes;
  ChangedFiles changed;
  for (const EditedFile& file : edited) {
    if (!file.result->modified()) continue;
    new_bytes.emplace(file.doc->path.native(), &file.result->bytes);
    changed.emplace(utf8_text(file.doc->path), &file);
  }
  FileMemo memo;
  effect->before = behaviour_of_paths(paths, forced, options, {.memo = &memo});
  const auto replaced = [&](const std::filesystem::path& path) -> const std::string* {
    const auto it = new_bytes.find(std::filesystem::path(path).make_preferred().native());
    return it == new_bytes.end() ? nullptr : it->second;
  };
  effect->after = behaviour_of_paths(paths, forced, options, {.memo = &memo, .memo_reuse = true, .replaced = replaced});
  effect->diff = diff_behaviour(effect->before, effect->after, {}, {});
  effect->diff.actions.clear();
  for (DeploymentDiff& d : effect->diff.deployments) {
    if (!d.after) continue;
    const bool touched = std::ranges::any_of(
        d.after->files, [&](const DeploymentState::File& f) { return edited_file(changed, f.path) != nullptr; });
    if (!touched) continue;
    d.actions = actions_of_edits(*d.after, changed);
    for (const Action& action : d.actions)
      if (std::ranges::none_of(effect->diff.actions, [&](const Action& known) {
            return known.kind == action.kind && known.instance == action.instance && known.path == action.path;
          }))
        effect->diff.actions.push_back(action);
    effect->affected.push_back(&d);
  }
  return effect;
}

std::string render_set_effect_text(const SetEffect& effect, const Style& style) {
  if (effect.affected.empty()) return {};
  std::string out = "\nWhat this does to sessions:\n";
  for (const DeploymentDiff* d : effect.affected) out += "\n" + render_deployment_diff_text(*d, style);
  return out;
}

}  // namespace sessiontool::cli

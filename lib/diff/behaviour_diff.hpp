#pragma once
// What changes for sessions between two sets of deployments (two trees, or the files before and
// after `set`): deployments matched by product and name, and for each the effective values, the
// settings behind them (origins on both sides), the findings that appear and disappear, and the
// actions the changed keys ask for. Computed, never printed: the formatters are in cli/.

#include <filesystem>
#include <string>
#include <vector>

#include "diff/change_effect.hpp"
#include "diff/deployment_state.hpp"

namespace sessiontool {

// What a user notices, one name each (the JSON's "changed" list).
enum class Aspect { inactivity_timeout, bound_by, reconnect_window, warning_lead, platform, findings };
const char* to_string(Aspect aspect);  // "inactivity_timeout", "bound_by", ...

// A session setting whose value or origin differs (a value that only moved to another line is
// the same value).
struct SettingChange {
  const SettingState* before = nullptr;
  const SettingState* after = nullptr;
  const SettingState& either() const { return after ? *after : *before; }
};

struct DeploymentDiff {
  enum class Status { changed, unchanged, added, removed };
  Status status = Status::unchanged;
  const DeploymentState* before = nullptr;  // null: added
  const DeploymentState* after = nullptr;   // null: removed
  std::vector<Aspect> aspects;              // empty unless changed
  std::vector<SettingChange> settings;      // may be non-empty for an unchanged deployment: no effect
  std::vector<const FindingState*> appeared, disappeared;
  std::vector<Action> actions;  // what the changed keys ask for, per file
  std::string note;             // why a deployment could not be matched, when it is not simply new or gone

  const DeploymentState& current() const { return after ? *after : *before; }
  bool renamed() const { return before && after && before->name != after->name; }
};
const char* to_string(DeploymentDiff::Status status);  // "changed", "unchanged", "added", "removed"

struct BehaviourDiff {
  // The new side's deployments in their order, then those only the old side has.
  std::vector<DeploymentDiff> deployments;
  std::vector<Action> actions;  // every deployment's, each instance and file once
  std::size_t changed = 0, unchanged = 0, added = 0, removed = 0;
  std::size_t no_effect = 0;  // unchanged, though a session setting changed

  bool any_change() const { return changed + added + removed != 0; }
};

// Matches deployments by product and name (case-insensitively, as the products compare instance
// names). Names that several deployments of one side share are matched by their first file's
// path under its root; a deployment left over on both sides at the same relative path is the same
// one renamed. `old_root`/`new_root` are the paths the sides were read from (a file or a
// directory; empty: paths compare as they are).
BehaviourDiff diff_behaviour(const Behaviour& before, const Behaviour& after, const std::filesystem::path& old_root,
                             const std::filesystem::path& new_root);

// The actions the changed settings of one deployment ask for: one per changed file.
std::vector<Action> actions_for(const DeploymentDiff& diff);

}  // namespace sessiontool

#pragma once
// What `set` does to sessions: the deployments under its paths resolved from the files as they
// are and as `set` writes them (the computation `diff` makes), the deployments its edits touch,
// and the actions the edited keys ask for, per instance.

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "diff/behaviour_diff.hpp"
#include "edit/editor.hpp"
#include "style.hpp"

namespace sessiontool::cli {

// A file `set` edits, and what the edits make of it.
struct EditedFile {
  const Document* doc;
  const EditResult* result;
};

struct SetEffect {
  Behaviour before;
  Behaviour after;
  BehaviourDiff diff;  // points into before and after
  std::vector<const DeploymentDiff*> affected;  // those with a file that changes, in diff order
};

// Reads every configuration file under `paths` (the other half of a pair matters too), once as
// it is and once with the edited files' new bytes. A file that cannot be read is left out (set
// has reported those it edits).
std::unique_ptr<SetEffect> set_effect(const std::vector<std::filesystem::path>& paths, std::optional<FileKind> forced,
                                      const LintOptions& options, const std::vector<EditedFile>& edited);

// "What this does to sessions:" and a block per affected deployment; empty when no file changes.
std::string render_set_effect_text(const SetEffect& effect, const Style& style);

}  // namespace sessiontool::cli

#pragma once
// `set --format json` (schemas/set-output.schema.json): every file `set` read for the keys, each
// key with its old and new value, the deployments the changes touch (as `diff` reports them) and
// the actions they ask for, each instance once.

#include <string>

#include "set_effect.hpp"

namespace sessiontool::cli {

// `written`: the files were written (false for --dry-run and --check, which add each file's patch).
std::string render_set_json(const std::vector<EditedFile>& files, const SetEffect& effect, bool written);

}  // namespace sessiontool::cli

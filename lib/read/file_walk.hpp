#pragma once
// Every file under some paths, in the order lint reports them in, handled on several threads:
// the files are found one at a time in that order, so nothing waits but a listing per level of
// the tree, and each comes with its place in the order whichever thread handles it.

#include <cstddef>
#include <filesystem>
#include <functional>
#include <optional>
#include <vector>

#include "read/document.hpp"

namespace sessiontool {

struct FoundFile {
  std::filesystem::path path;
  std::size_t input = 0;           // the index of the path it was given as or found under
  std::optional<FileKind> forced;  // a file named explicitly, with `as`
  bool in_directory = false;       // found in a directory: content that is not ours is skipped
};

// Hands every file to `handle` on `jobs` threads (0: one per core), the calling one among them,
// with its place in the order of paths (path_before): 0, 1, 2, ... A path that is a directory is
// searched as find_config_files does (the same files, in another order), any other is a file; a
// file named by two paths comes twice, side by side. `progress(done, found)` is called on the
// calling thread after each file it handles; `found` grows while directories are being listed.
// An exception from `handle` stops the walk and is rethrown here. show (load_inputs), lint and
// diff (lint_files) and set find their files with it.
void walk_files(const std::vector<std::filesystem::path>& paths, std::optional<FileKind> as, unsigned jobs,
                const std::function<void(FoundFile&&, std::size_t place)>& handle,
                const std::function<void(std::size_t done, std::size_t found)>& progress);

}  // namespace sessiontool

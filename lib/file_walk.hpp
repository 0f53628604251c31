#pragma once
// Every file under some paths, found and handled on several threads: one stack of work holds
// directories to list and files to handle, so listing a large tree overlaps with reading it.

#include <cstddef>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "document.hpp"

namespace sessiontool {

struct FoundFile {
  std::filesystem::path path;
  std::size_t input = 0;           // the index of the path it was given as or found under
  std::optional<FileKind> forced;  // a file named explicitly, with `as`
  bool in_directory = false;       // found in a directory: content that is not ours is skipped
};

// Hands every file to `handle` on `jobs` threads, the calling one among them: a path that is a
// directory is searched as find_config_files does, any other is a file. Files come in no
// particular order (sort with walk_order_before). `progress(done, found)` is called on the calling
// thread after each file it handles; `found` grows while directories are being listed. An
// exception from `handle` stops the walk and is rethrown here.
void walk_files(const std::vector<std::filesystem::path>& paths, std::optional<FileKind> as, unsigned jobs,
                const std::function<void(FoundFile&&)>& handle,
                const std::function<void(std::size_t done, std::size_t found)>& progress);

// The order find_config_files sorts the files of one directory in (std::filesystem::path's,
// component by component), on the paths' text: separators before any other character.
bool walk_order_before(const std::filesystem::path::string_type& a, const std::filesystem::path::string_type& b);

}  // namespace sessiontool

#pragma once
// The files a command works on: explicit files and directories searched recursively.

#include <filesystem>
#include <optional>
#include <vector>

#include "document.hpp"

namespace sessiontool {

struct Inputs {
  std::vector<Document> documents;  // in the order the paths were given, then sorted within a directory
  std::vector<ReadError> errors;    // unreadable or malformed files; the others are still read
};

// An explicit file must be readable and recognised (forced to `as` when given). A directory
// is searched recursively; files found there that are not configuration files are skipped.
Inputs load_inputs(const std::vector<std::filesystem::path>& paths, std::optional<FileKind> as);

}  // namespace sessiontool

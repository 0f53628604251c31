#pragma once
// The files a command works on: explicit files and directories searched recursively.

#include <filesystem>
#include <memory>
#include <optional>
#include <vector>

#include "read/containers.hpp"
#include "read/document.hpp"

namespace sessiontool {

struct Inputs {
  std::vector<Document> documents;  // in the order the paths were given, then sorted within a directory
  std::vector<ReadError> errors;    // unreadable or malformed files; the others are still read
  // Container descriptions (docker inspect, compose, env files): each Business Central container
  // is a deployment of its own (container_settings.hpp).
  std::vector<std::shared_ptr<ContainerFile>> containers;
};

// An explicit file must be readable and recognised (forced to `as` when given). A directory
// is searched recursively; files found there that are not configuration files are skipped.
// The files are found and read by walk_files (file_walk.hpp) on `jobs` threads (0: one per core).
Inputs load_inputs(const std::vector<std::filesystem::path>& paths, std::optional<FileKind> as, unsigned jobs = 0);

// Every path read as a container description of this kind (--as docker-inspect, compose or
// env-file), '-' from standard input.
Inputs load_container_inputs(const std::vector<std::filesystem::path>& paths, ContainerSource source);

}  // namespace sessiontool

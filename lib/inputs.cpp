#include "inputs.hpp"

#include "reader.hpp"

namespace sessiontool {

static void take(Inputs& inputs, ReadResult result, bool skip_unrecognized) {
  if (result.document) {
    inputs.documents.push_back(std::move(*result.document));
  } else if (result.containers) {
    inputs.containers.push_back(std::move(result.containers));
  } else if (result.error && !(skip_unrecognized && result.error->kind == ReadErrorKind::unrecognized)) {
    inputs.errors.push_back(std::move(*result.error));
  }
}

Inputs load_inputs(const std::vector<std::filesystem::path>& paths, std::optional<FileKind> as) {
  Inputs inputs;
  for (const auto& path : paths) {
    std::error_code ec;
    if (std::filesystem::is_directory(path, ec)) {
      for (const auto& file : find_config_files(path)) take(inputs, read_document(file), true);
    } else {
      take(inputs, read_document(path, as), false);
    }
  }
  return inputs;
}

}  // namespace sessiontool

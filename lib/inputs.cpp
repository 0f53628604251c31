#include "inputs.hpp"

#include "platform.hpp"
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

Inputs load_container_inputs(const std::vector<std::filesystem::path>& paths, ContainerSource source) {
  Inputs inputs;
  for (const auto& given : paths) {
    const bool stdin_path = given == kStandardInput;
    const std::filesystem::path path = stdin_path ? kStandardInputName : given;
    auto bytes = stdin_path ? platform::read_standard_input() : platform::read_file(path);
    if (!bytes) {
      inputs.errors.push_back({ReadErrorKind::unreadable, path, {}, "cannot read: " + bytes.error()});
      continue;
    }
    if (auto error = check_encoding(path, *bytes)) {
      inputs.errors.push_back(std::move(*error));
      continue;
    }
    ContainerRead read = read_containers(path, std::move(*bytes), source);
    if (read.file)
      inputs.containers.push_back(std::make_shared<ContainerFile>(std::move(*read.file)));
    else
      inputs.errors.push_back(std::move(*read.error));
  }
  return inputs;
}

}  // namespace sessiontool

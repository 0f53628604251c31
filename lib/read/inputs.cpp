#include "read/inputs.hpp"

#include <algorithm>
#include <mutex>
#include <tuple>

#include "read/file_walk.hpp"
#include "platform/platform.hpp"
#include "read/reader.hpp"

namespace sessiontool {

Inputs load_inputs(const std::vector<std::filesystem::path>& paths, std::optional<FileKind> as, unsigned jobs) {
  struct Read {
    std::size_t input = 0;
    std::filesystem::path path;
    ReadResult result;
  };
  std::vector<Read> read;
  std::mutex mutex;
  walk_files(paths, as, jobs, [&](FoundFile&& file, std::size_t place) {
    ReadResult result = read_document(file.path, file.forced);
    if (file.in_directory && result.error && result.error->kind == ReadErrorKind::unrecognized) return;
    const std::scoped_lock lock(mutex);
    if (read.size() <= place) read.resize(place + 1);
    read[place] = {file.input, std::move(file.path), std::move(result)};
  }, nullptr);
  // In the order the paths were given, and a directory's files as find_config_files sorts them.
  std::ranges::sort(read, {}, [](const Read& r) { return std::tie(r.input, r.path); });
  Inputs inputs;
  for (Read& file : read) {
    ReadResult& result = file.result;
    if (result.document) inputs.documents.push_back(std::move(*result.document));
    else if (result.containers) inputs.containers.push_back(std::move(result.containers));
    else if (result.error) inputs.errors.push_back(std::move(*result.error));
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

// Detection of the file kind, reading files from disk and the search of directories. The
// format readers are xml_reader.cpp and navsettings_reader.cpp.

#include "read/reader.hpp"

#include <algorithm>
#include <array>
#include <system_error>

#include "read/catalog.hpp"
#include "read/containers.hpp"
#include "platform/platform.hpp"

namespace sessiontool {
namespace {

namespace fs = std::filesystem;

// Directories a search never enters: version control, IDE state and build output, where
// copies of config files (obj/ holds transformed web.configs) would pose as deployments.
constexpr std::array<std::string_view, 7> kSkippedDirectories = {".git", ".hg",  ".svn",         ".vs",
                                                                 "bin",  "obj", "node_modules"};

// ASCII case-insensitive comparison of a native path string (wide on Windows) with a name.
template <typename String>
bool equals_ignoring_case(const String& native, std::string_view name) {
  if (native.size() != name.size()) return false;
  for (std::size_t i = 0; i < name.size(); ++i) {
    auto c = static_cast<unsigned long>(native[i]);
    if (c >= 'A' && c <= 'Z') c += 'a' - 'A';
    if (c != static_cast<unsigned char>(name[i])) return false;
  }
  return true;
}

bool names_match(const fs::path& path, std::string_view lower_name) {
  return equals_ignoring_case(path.filename().native(), lower_name);
}

// A navsettings.json under another name starts with '{', or a comment (after a BOM and blanks).
bool looks_like_json(std::string_view bytes) {
  if (bytes.starts_with("\xEF\xBB\xBF")) bytes.remove_prefix(3);
  const std::size_t first = bytes.find_first_not_of(" \t\r\n");
  return first != std::string_view::npos && (bytes[first] == '{' || bytes[first] == '[' || bytes.substr(first, 2) == "//" ||
                                              bytes.substr(first, 2) == "/*");
}

ReadResult unreadable(const fs::path& path, const std::string& reason) {
  return {std::nullopt, ReadError{ReadErrorKind::unreadable, path, {}, "cannot read: " + reason}};
}

bool is_skipped_directory(const fs::path& dir) {
  return std::ranges::any_of(kSkippedDirectories, [&](std::string_view name) { return names_match(dir, name); });
}

bool is_config_file(const fs::path& file) { return kind_from_name(file) || names_match(file, "web.config"); }

// On Windows "deploy/BC1" as typed and "BC1\Service\..." as found would mix in one path:
// every path a document keeps (and shows) uses the system's separator. A no-op on POSIX.
fs::path native_separators(fs::path path) { return path.make_preferred(); }

ReadResult as_result(ContainerRead read) {
  return ReadResult{.error = std::move(read.error),
                    .containers = read.file ? std::make_shared<ContainerFile>(std::move(*read.file)) : nullptr};
}

// A JSON file's kind, or an env file, by its content: container descriptions are read here;
// nullopt for a navsettings.json (and for malformed JSON, which its reader reports as before)
// or XML. JSON of any other kind is no configuration file.
std::optional<ReadResult> read_by_content(const fs::path& path, std::string& bytes) {
  if (!looks_like_json(bytes)) {
    if (!looks_like_env_file(bytes)) return std::nullopt;
    return as_result(read_containers(path, std::move(bytes), ContainerSource::env_file));
  }
  const JsonContent content = json_content(bytes);
  if (content == JsonContent::navsettings) return std::nullopt;
  if (content == JsonContent::docker_inspect || content == JsonContent::compose || content == JsonContent::malformed_array) {
    return as_result(read_containers(
        path, std::move(bytes), content == JsonContent::compose ? ContainerSource::compose : ContainerSource::docker_inspect));
  }
  if (content == JsonContent::malformed) return std::nullopt;
  const SourceText text(std::move(bytes));
  const Position at = text.position(text.bytes().find_first_not_of(" \t\r\n", text.bom_length()));
  std::string message =
      names_match(path, ".sessiontool.json")
          ? "not a configuration file: this is sessiontool's own configuration file; give it with --config"
          : "not a configuration file: JSON that is neither a navsettings.json (no \"NAVWebSettings\" and no web "
            "client key), nor the output of `docker inspect` or `docker compose config --format json`; a web "
            "instance's file under another name is read with --as web";
  return ReadResult{.error = ReadError{ReadErrorKind::unrecognized, path, at, std::move(message)}};
}

}  // namespace

std::optional<FileKind> kind_from_name(const fs::path& path) {
  if (names_match(path, "customsettings.config")) return FileKind::server;
  if (names_match(path, "navsettings.json")) return FileKind::web;
  return std::nullopt;
}

std::optional<ReadError> check_encoding(const fs::path& path, std::string_view bytes) {
  const char* encoding = nullptr;
  if (bytes.starts_with(std::string_view("\xFF\xFE\0\0", 4)) || bytes.starts_with(std::string_view("\0\0\xFE\xFF", 4)))
    encoding = "UTF-32";
  else if (bytes.starts_with("\xFF\xFE") || bytes.starts_with("\xFE\xFF"))
    encoding = "UTF-16";
  else if (bytes.substr(0, 4).find('\0') != std::string_view::npos)  // no BOM, but '<' or '{' is 2 or 4 bytes wide
    encoding = "UTF-16 or UTF-32";
  if (!encoding) return std::nullopt;
  return ReadError{ReadErrorKind::unreadable, path, {},
                   std::string("the file is ") + encoding +
                       " encoded (PowerShell 5's Out-File writes UTF-16); sessiontool reads UTF-8 only: "
                       "save it as UTF-8"};
}

ReadResult parse_document(const fs::path& path, std::string bytes, std::optional<FileKind> forced) {
  if (auto error = check_encoding(path, bytes)) return {std::nullopt, std::move(error)};
  const std::optional<FileKind> kind = forced ? forced : kind_from_name(path);
  if (!kind) {
    if (std::optional<ReadResult> read = read_by_content(path, bytes)) return std::move(*read);
  }
  // The name decides the format when it is a known one; a forced `web` may be either format.
  bool json = false;
  if (!kind || (forced && *kind == FileKind::web))
    json = looks_like_json(bytes);
  else
    json = *kind == FileKind::web;
  // Text that is neither XML nor JSON but holds KEY=VALUE lines is most likely an env file that
  // content detection could not take (a line that is no variable): say how to read it.
  const bool env_like = !kind && !json && bytes.find('=') != std::string::npos &&
                        bytes.find_first_not_of(" \t\r\n\xEF\xBB\xBF") != std::string::npos &&
                        bytes[bytes.find_first_not_of(" \t\r\n\xEF\xBB\xBF")] != '<';
  ReadResult result = json ? read_navsettings(path, std::move(bytes)) : read_xml(path, std::move(bytes), kind);
  if (env_like && result.error && result.error->kind == ReadErrorKind::malformed)
    result.error->message += "; if this is an env file of a container, read it with --as env-file";
  if (Document* doc = result.document ? &*result.document : nullptr) {
    for (Entry& entry : doc->entries)
      if (entry.applies) entry.setting = find_setting(entry.name(), doc->kind);
    if (doc->kind != FileKind::aos) doc->platform = platform_evidence(*doc);
  }
  return result;
}

// platform::read_file refuses what is not a regular file (a FIFO or a device is never waited
// on) and files over its size limit, so a hostile path costs neither a hang nor the memory.
ReadResult read_document(const fs::path& given, std::optional<FileKind> forced) {
  if (given == kStandardInput) {
    auto bytes = platform::read_standard_input();
    if (!bytes) return unreadable(kStandardInputName, bytes.error());
    return parse_document(kStandardInputName, std::move(*bytes), forced);
  }
  const fs::path path = native_separators(given);
  auto bytes = platform::read_file(path);
  if (!bytes) return unreadable(path, bytes.error());
  return parse_document(path, std::move(*bytes), forced);
}

// An explicit stack of directories and the error_code overloads: a directory that cannot be
// listed is skipped, and no filesystem_error escapes. Directory symlinks are not followed
// (they can loop); file symlinks are.
void list_config_directory(const fs::path& dir, const std::function<void(const fs::path&, bool)>& found) {
  std::error_code ec;
  fs::directory_iterator it(dir, fs::directory_options::skip_permission_denied, ec);
  for (; !ec && it != fs::directory_iterator(); it.increment(ec)) {
    const fs::directory_entry& entry = *it;
    std::error_code entry_ec;
    const bool symlink = entry.is_symlink(entry_ec);
    if (!symlink && entry.is_directory(entry_ec)) {
      if (!is_skipped_directory(entry.path())) found(entry.path(), true);
    } else if (entry.is_regular_file(entry_ec) && is_config_file(entry.path())) {
      found(entry.path(), false);
    }
  }
}

std::vector<fs::path> find_config_files(const fs::path& dir) {
  std::vector<fs::path> found;
  std::vector<fs::path> pending{native_separators(dir)};
  while (!pending.empty()) {
    const fs::path current = std::move(pending.back());
    pending.pop_back();
    list_config_directory(current, [&](const fs::path& path, bool directory) {
      (directory ? pending : found).push_back(path);
    });
  }
  std::ranges::sort(found);
  return found;
}

}  // namespace sessiontool

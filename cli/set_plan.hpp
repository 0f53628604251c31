#pragma once
// What `set` was asked to do: the keys with the native text each file kind gets, and the files
// they go to. Everything here is decided before any file is touched.

#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "catalog.hpp"
#include "document.hpp"
#include "editor.hpp"

namespace sessiontool::cli {

// One key of the command line.
struct KeyPlan {
  std::string key;
  std::optional<std::string> argument;       // what was typed after '='; nullopt for --unset
  std::vector<const SettingInfo*> settings;  // a row per file kind that has the key
  std::vector<std::string> native;           // per row: the text to write (filled by prepare_values)
};

struct SetRequest {
  std::vector<KeyPlan> keys;
  std::vector<std::filesystem::path> paths;
};

// Splits KEY=VALUE assignments from paths and looks every key up in the catalog. Throws
// UsageError for an unknown key (naming the nearest known one), the F&O system parameter
// (it lives in the database) and a key given twice.
SetRequest parse_set_arguments(const std::vector<std::string>& arguments, const std::vector<std::string>& unset);

// Turns the typed value into each file kind's native text and checks it as lint would. An
// error is a refusal (appended to `refusals`) unless `force`; warnings go to `warn`.
void prepare_values(KeyPlan& plan, bool force, int platform, std::vector<std::string>& refusals,
                    const std::function<void(const std::string&)>& warn);

// "a server", "a web", "an F&O AOS": a kind in a sentence.
const char* kind_phrase(FileKind kind);

// "00:45:00 (45m)" for a duration, the value itself otherwise, "" for an empty one.
std::string display_value(const SettingInfo* info, std::string_view value);

struct TargetFiles {
  std::vector<Document> documents;  // files of the keys' kinds, each real file once
  std::vector<ReadError> errors;    // unreadable or malformed candidates
};

// The files under `paths` that some key belongs in. An explicit file must be readable,
// recognised and of a key's kind (UsageError otherwise); in a directory, files of other
// kinds and unrecognised files are skipped. A file reached twice (named twice, or through a
// symlink) is edited once. `installed` (--installed) are files found as a directory's are.
TargetFiles find_targets(const std::vector<std::filesystem::path>& paths, const std::vector<KeyPlan>& keys,
                         std::optional<FileKind> forced,
                         const std::function<void(std::size_t done, std::size_t total)>& progress = {},
                         const std::vector<std::filesystem::path>& installed = {});

// Throws UsageError when a key's kind has no file among the targets.
void check_every_key_has_a_file(const std::vector<KeyPlan>& keys, const std::vector<Document>& documents,
                                const std::vector<std::filesystem::path>& paths);

// The edits for one file kind, in command-line order.
std::vector<Edit> edits_for(const std::vector<KeyPlan>& keys, FileKind kind);

}  // namespace sessiontool::cli

#pragma once
// What `set` is asked to do, decided before any file is touched: each key's catalog rows and the
// native text each file kind gets, the files they go to, and the edits for each file. A problem
// with the request comes back as the one-line message the command line reports (exit 2).

#include <cstddef>
#include <expected>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "read/catalog.hpp"
#include "read/document.hpp"
#include "edit/editor.hpp"

namespace sessiontool {

// One key of the command line.
struct KeyPlan {
  std::string key;
  std::optional<std::string> argument;       // what was typed after '='; nullopt for --unset
  std::vector<const SettingInfo*> settings;  // a row per file kind that has the key
  std::vector<std::string> native;           // per row: the text to write (filled by prepare_values)
};

// Looks `key` up in the catalog in any letter case (a new entry gets Microsoft's spelling). An
// unknown key (naming the nearest known one) and the F&O system parameter (it lives in the
// database) are refused with the message to report.
std::expected<KeyPlan, std::string> plan_key(std::string_view key, std::optional<std::string> argument);

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

// The files under `paths` that some key belongs in, found by walk_files (the walk lint makes)
// on a thread per core, in the order of `paths` and, in a directory, sorted as
// std::filesystem::path compares. An explicit file must be readable, recognised and of a key's
// kind (the message to report otherwise); in a directory, files of other kinds and unrecognised
// files are skipped. A file reached twice (named twice, or through a symlink) is edited once.
// `installed` (--installed) are files found as a directory's are.
std::expected<TargetFiles, std::string> find_targets(
    const std::vector<std::filesystem::path>& paths, const std::vector<KeyPlan>& keys,
    std::optional<FileKind> forced,
    const std::function<void(std::size_t done, std::size_t found)>& progress = {},
    const std::vector<std::filesystem::path>& installed = {});

// The message to report when a key's kind has no file among the targets; nullopt when each has one.
std::optional<std::string> key_without_file(const std::vector<KeyPlan>& keys, const std::vector<Document>& documents,
                                            const std::vector<std::filesystem::path>& paths);

// The edits for one file kind, in command-line order.
std::vector<Edit> edits_for(const std::vector<KeyPlan>& keys, FileKind kind);

}  // namespace sessiontool

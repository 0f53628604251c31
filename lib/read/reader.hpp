#pragma once
// Reading configuration files: detection of the file kind, the readers for each format, and
// the recursive search of directories.

#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "read/document.hpp"

namespace sessiontool {

// The path that names standard input (`sessiontool show -`), and the name its documents and
// findings carry.
inline const std::filesystem::path kStandardInput = "-";
inline const std::filesystem::path kStandardInputName = "<stdin>";

// The kind a file name implies, case-insensitively: CustomSettings.config -> server,
// navsettings.json -> web. A web.config needs its content (NAV web client or F&O AOS), so
// it and any other name give nullopt.
std::optional<FileKind> kind_from_name(const std::filesystem::path& path);

// Parses bytes already in memory. The kind is `forced` when given, else taken from the name
// and then the content. Never throws for bad input: the error says what and where.
ReadResult parse_document(const std::filesystem::path& path, std::string bytes,
                          std::optional<FileKind> forced = std::nullopt);

// Reads one file from disk and parses it.
ReadResult read_document(const std::filesystem::path& path,
                         std::optional<FileKind> forced = std::nullopt);

// XML readers (CustomSettings.config, NAV web.config, F&O web.config). The kind comes from
// `forced`, else from the content: root <appSettings> -> server; <DynamicsNAVSettings> -> web;
// a <configuration><appSettings> with F&O keys -> aos. Unrecognised content is an
// `unrecognized` error.
ReadResult read_xml(const std::filesystem::path& path, std::string bytes,
                    std::optional<FileKind> forced);

// UTF-16 and UTF-32 files (PowerShell 5's Out-File writes UTF-16) are refused with an
// `unreadable` error that says how to fix them; nullopt for anything else. parse_document and
// read_xml call it, so read_navsettings need not.
std::optional<ReadError> check_encoding(const std::filesystem::path& path, std::string_view bytes);

// navsettings.json reader. Each top-level member whose value is an object is a Section;
// its scalar members are entries (including "//" help keys, which the catalog ignores).
ReadResult read_navsettings(const std::filesystem::path& path, std::string bytes);

// Files worth reading under a directory, recursively, in a stable sorted order: names
// kind_from_name recognises, and every web.config (its content decides). Unreadable
// subdirectories are skipped.
std::vector<std::filesystem::path> find_config_files(const std::filesystem::path& dir);

// One step of that search: each of the directory's subdirectories worth entering and files
// worth reading, as `found(path, is_directory)`, unsorted.
void list_config_directory(const std::filesystem::path& dir,
                           const std::function<void(const std::filesystem::path&, bool directory)>& found);

namespace detail {
// The raw span of attribute `name`'s value in the start tag whose '<' is at `tag_begin`, found
// by scanning the bytes: read_xml's fallback when pugixml's pointers are not into the text.
std::optional<Span> scan_attribute_value(std::string_view text, std::size_t tag_begin,
                                         std::string_view name);
}  // namespace detail

}  // namespace sessiontool

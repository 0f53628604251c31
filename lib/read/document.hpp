#pragma once
// The document model: what a reader makes of one configuration file. Every key and value
// remembers where its bytes are in the original text, so show can name origins, lint can
// point at them and set can splice them without re-serialising anything.

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "read/bc_platform.hpp"
#include "text/source_text.hpp"

namespace sessiontool {

struct SettingInfo;

// What a file is for. A NAV-era web.config and a navsettings.json are both `web`.
enum class FileKind { server, web, aos };

// How the file is written.
enum class FileFormat { xml, json };

const char* to_string(FileKind kind);  // "server", "web", "aos"
std::optional<FileKind> file_kind_from_string(std::string_view text);

// One key/value occurrence. Keys and values are decoded (XML entities, JSON escapes);
// the spans cover the raw bytes between the quotes (for a JSON number/bool/null value,
// the bare token).
struct Entry {
  std::string key;
  // As the product reads it: JSON true, false and null are "True", "False" and "" (.NET's
  // JsonElement.ToString()); a number is its text.
  std::string value;
  Span key_span;
  Span value_span;
  // The whole entry: `<add key=".." value=".."/>` or `"Key":  "value"` (no comma).
  Span entry_span;
  Position key_pos;
  Position value_pos;
  Position value_end_pos;  // just past the value's last character (a finding's end)
  std::size_t section = 0;    // index into Document::sections
  bool value_is_string = true;  // JSON only: false for numbers, booleans and null
  // XML only: false for `<add key="K"/>` with no value attribute. The value reads as "" (as in
  // .NET); value_span is then empty, just past the key's closing quote, and an editor must
  // insert ` value="..."` there rather than splice.
  bool has_value = true;
  // The product reads the entry as a setting of the file: every XML <add> of a section; a JSON
  // member whose configuration path is NAVWebSettings:<name> in any letter case. Other JSON
  // members (top level, another section, nested deeper) have no effect on the web server.
  bool applies = true;
  // Where the setting's name starts in `key`: 0, but for a JSON member that names its section
  // too ("NAVWebSettings:SessionTimeout" at the top level, which .NET reads as the same path).
  std::size_t name_offset = 0;
  // JSON only: the member's configuration path as written, sections joined by ':'
  // ("ApplicationIdSettings:SessionTimeout").
  std::string path;
  // The catalog's row for the name in this file's kind, when the entry applies and the catalog
  // knows it (looked up once, by the reader; every check reads it here).
  const SettingInfo* setting = nullptr;

  // The name the product looks the entry up by (compared case-insensitively).
  std::string_view name() const { return std::string_view(key).substr(name_offset); }
};

// An XML `<remove key="K"/>` or `<clear/>` (appSettings semantics, .NET's
// KeyValueConfigurationCollection): it takes out the entries before it, of key K or all.
struct Removal {
  std::string key;     // decoded; empty for <clear/>
  bool clear = false;
  Span element;        // the whole element
  Position pos;        // its '<'
  std::size_t section = 0;
  std::size_t before = 0;  // how many entries come before it: it removes among entries [0, before)
};

// Something that makes the product refuse the file when it loads it (a .NET exception: the
// server or web server does not start). The values are still read, so that what would apply
// once it is fixed can be shown.
struct Refusal {
  enum class Kind {
    duplicate_key,  // navsettings.json: a configuration path twice, in any letter case
    structure,      // appSettings XML: what System.Configuration throws ConfigurationErrorsException for
  };
  Kind kind = Kind::structure;
  Position start;
  Position end;
  std::string message;
};

// A container of entries: `<appSettings>`, `<DynamicsNAVSettings>`, or a JSON object such as
// "NAVWebSettings". The editor inserts new entries into it.
struct Section {
  std::string name;
  // Offset just past the opening tag's `>` or the object's `{`.
  std::size_t body_begin = 0;
  // Offset of the closing tag's `<` or the object's `}`.
  std::size_t body_end = 0;
  // For a self-closing `<appSettings/>` the editor must expand the tag; this span covers it.
  std::optional<Span> self_closing_tag;
};

struct Document {
  std::filesystem::path path;  // as given or found (relative paths stay relative)
  FileKind kind = FileKind::server;
  FileFormat format = FileFormat::xml;
  SourceText source;           // the original bytes, untouched
  std::vector<Section> sections;
  std::vector<Entry> entries;      // in document order
  std::vector<Removal> removals;   // XML only, in document order
  std::vector<Refusal> refusals;   // in document order; empty when the product loads the file
  // XML: the section's entries are encrypted (ASP.NET protected configuration:
  // configProtectionProvider="..." and <EncryptedData>), so nothing in it can be read.
  struct Encryption {
    Position pos;          // the section's start tag
    std::string provider;  // the configProtectionProvider attribute
  };
  std::optional<Encryption> encrypted;
  // What the file tells of its Business Central platform (server and web files).
  BcPlatform platform;
  // Where a finding about the file as a whole points: the first non-blank character of the
  // line that opens the first section.
  Position anchor{1, 1};

  // What the product makes of a setting name: the entry in force, or what removed it.
  struct Lookup {
    const Entry* entry = nullptr;      // in force; null when none is
    const Removal* removed = nullptr;  // set when a <remove> or <clear/> took the last entry out
    const Entry* removed_entry = nullptr;  // ...and that entry
  };
  // Names match case-insensitively; the last applying entry wins unless a later <remove> of
  // its name or <clear/> takes it out (an <add> after those counts again).
  Lookup lookup(std::string_view name) const;
  const Entry* in_force(std::string_view name) const { return lookup(name).entry; }
  // How many applying entries have this name, in any letter case.
  std::size_t count(std::string_view name) const;
};

// Document::anchor for these sections of this text (readers call it once they have the sections).
Position anchor_of(const SourceText& source, const std::vector<Section>& sections);

// A problem with a file as a whole: it could not be read, is malformed, or is not a
// configuration file sessiontool knows.
enum class ReadErrorKind { unreadable, malformed, unrecognized };

struct ReadError {
  ReadErrorKind kind = ReadErrorKind::malformed;
  std::filesystem::path path;
  Position pos;  // line 0 when the problem has no position (unreadable file)
  std::string message;
};

struct ContainerFile;  // containers.hpp

// Either a document, a container description (docker inspect or compose JSON, an env file), or
// the error that stopped it.
struct ReadResult {
  std::optional<Document> document;
  std::optional<ReadError> error;
  std::shared_ptr<ContainerFile> containers;
};

}  // namespace sessiontool

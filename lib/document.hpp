#pragma once
// The document model: what a reader makes of one configuration file. Every key and value
// remembers where its bytes are in the original text, so show can name origins, lint can
// point at them and set can splice them without re-serialising anything.

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "source_text.hpp"

namespace sessiontool {

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
  std::vector<Entry> entries;  // in document order
  // Where a finding about the file as a whole points: the first non-blank character of the
  // line that opens the first section.
  Position anchor{1, 1};

  // The last entry with this exact key (last wins, as in .NET), or nullptr.
  const Entry* find_last(std::string_view key) const;
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

// Either a document or the error that stopped it.
struct ReadResult {
  std::optional<Document> document;
  std::optional<ReadError> error;
};

}  // namespace sessiontool

// Reads navsettings.json, the BC web server's configuration, into a Document.
//
// Layout the editor can rely on: JSON has no comments, so the bytes between an entry_span's
// end and the next member (or the section's '}') are only whitespace and at most one ','; the
// bytes between a key's closing quote and its value are the separator (`:  ` in the docs).
// Nested objects and arrays inside a section are members too but are not entries.

#include <utility>

#include "json_scanner.hpp"
#include "reader.hpp"

namespace sessiontool {

ReadResult read_navsettings(const std::filesystem::path& path, std::string bytes) {
  Document doc;
  doc.path = path;
  doc.kind = FileKind::web;
  doc.format = FileFormat::json;
  doc.source = SourceText(std::move(bytes));
  const SourceText& source = doc.source;

  auto members = scan_json_object(source.bytes());
  if (!members) {
    return {std::nullopt, ReadError{ReadErrorKind::malformed, path, source.position(members.error().offset),
                                    std::move(members.error().message)}};
  }

  // A section's members follow it (parents come first), so the latest section is the only
  // candidate; `container` rules out members of objects nested deeper inside it.
  std::optional<std::size_t> open_brace;  // of the latest section
  PositionCursor cursor(source);           // members come in document order
  for (JsonMember& member : *members) {
    if (member.depth == 1) {
      open_brace.reset();
      if (member.kind != JsonKind::object) continue;  // top-level scalars and arrays are not settings
      open_brace = member.value_span.offset;
      doc.sections.push_back(Section{std::move(member.key), member.value_span.offset + 1,
                                     member.value_span.end() - 1, std::nullopt});
      continue;
    }
    if (member.container != open_brace || member.kind == JsonKind::object || member.kind == JsonKind::array)
      continue;

    Entry entry;
    entry.value_is_string = member.kind == JsonKind::string;
    const std::size_t entry_begin = member.key_span.offset - 1;  // the key's opening quote
    const std::size_t entry_end = member.value_span.end() + (entry.value_is_string ? 1 : 0);
    entry.key = std::move(member.key);
    entry.value = std::move(member.value);
    entry.key_span = member.key_span;
    entry.value_span = member.value_span;
    entry.entry_span = Span{entry_begin, entry_end - entry_begin};
    entry.key_pos = cursor.at(member.key_span.offset);
    entry.value_pos = cursor.at(member.value_span.offset);
    entry.value_end_pos = cursor.at(member.value_span.end());
    entry.section = doc.sections.size() - 1;
    doc.entries.push_back(std::move(entry));
  }
  doc.anchor = anchor_of(source, doc.sections);
  return {std::move(doc), std::nullopt};
}

}  // namespace sessiontool

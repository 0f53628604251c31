#include "read/document.hpp"

#include <algorithm>

#include "text/ascii_case.hpp"

namespace sessiontool {

const char* to_string(FileKind kind) {
  switch (kind) {
    case FileKind::server: return "server";
    case FileKind::web: return "web";
    case FileKind::aos: return "aos";
  }
  return "server";
}

// Case-insensitive: `--as Server` from a Windows prompt means the same as `--as server`.
std::optional<FileKind> file_kind_from_string(std::string_view text) {
  for (FileKind kind : {FileKind::server, FileKind::web, FileKind::aos}) {
    const std::string_view name = to_string(kind);
    if (equals_ignoring_case(text, name)) return kind;
  }
  return std::nullopt;
}

Document::Lookup Document::lookup(std::string_view name) const {
  const auto named = [&](const Entry& e) { return e.applies && equals_ignoring_case(e.name(), name); };
  const auto last = std::ranges::find_if(entries.rbegin(), entries.rend(), named);
  if (last == entries.rend()) return {};
  const auto index = static_cast<std::size_t>(entries.rend() - last - 1);
  // The first <remove> of the name or <clear/> after it takes it out; later ones find nothing.
  for (const Removal& removal : removals)
    if (removal.before > index && (removal.clear || equals_ignoring_case(removal.key, name)))
      return {.removed = &removal, .removed_entry = &*last};
  return {.entry = &*last};
}

std::size_t Document::count(std::string_view name) const {
  return static_cast<std::size_t>(std::ranges::count_if(
      entries, [&](const Entry& e) { return e.applies && equals_ignoring_case(e.name(), name); }));
}

Position anchor_of(const SourceText& source, const std::vector<Section>& sections) {
  if (sections.empty()) return {1, 1};
  // The line holding the section's opening tag or brace: the byte before the body.
  const std::string& bytes = source.bytes();
  const std::size_t body = sections.front().body_begin;
  std::size_t offset = source.line_start(body == 0 ? 0 : body - 1);
  while (offset < bytes.size() && (bytes[offset] == ' ' || bytes[offset] == '\t')) ++offset;
  return source.position(offset);
}

}  // namespace sessiontool

#include "document.hpp"

#include <algorithm>
#include <cctype>

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
    if (std::ranges::equal(text, name, [](char a, char b) {
          return std::tolower(static_cast<unsigned char>(a)) == b;
        }))
      return kind;
  }
  return std::nullopt;
}

const Entry* Document::find_last(std::string_view key) const {
  const auto it = std::ranges::find(entries.rbegin(), entries.rend(), key, &Entry::key);
  return it == entries.rend() ? nullptr : &*it;
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

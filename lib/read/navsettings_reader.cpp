// Reads navsettings.json, the BC web server's configuration, into a Document, the way the web
// server does: Microsoft.Extensions.Configuration.Json (dotnet/runtime,
// JsonConfigurationFileParser.cs) flattens the document into configuration paths, sections
// joined by ':' (ConfigurationPath.KeyDelimiter), compared case-insensitively
// (StringComparer.OrdinalIgnoreCase). A scalar at a path met before, in any letter case, is a
// FormatException ("A duplicate key '...' was found."): the web server does not start. The web
// server's settings are the paths NAVWebSettings:<name>.
//
// Layout the editor can rely on: the bytes between an entry_span's end and the next member (or
// the section's '}') are white space, comments and at most one ','; the bytes between a key's
// closing quote and its value are the separator (`:  ` in the docs), comments allowed after the
// colon only.

#include <optional>
#include <string>
#include <unordered_map>
#include <utility>

#include <fmt/format.h>

#include "text/ascii_case.hpp"
#include "read/json_scanner.hpp"
#include "read/reader.hpp"

namespace sessiontool {
namespace {

constexpr std::string_view kWebSettingsPrefix = "navwebsettings:";  // folded
constexpr std::size_t kNoSection = static_cast<std::size_t>(-1);

bool is_scalar(JsonKind kind) { return kind != JsonKind::object && kind != JsonKind::array; }

// A literal as .NET's JsonElement.ToString() gives it: "True", "False", and "" for null.
std::string literal_text(std::string_view token) {
  if (token == "true") return "True";
  if (token == "false") return "False";
  return {};
}

}  // namespace

ReadResult read_navsettings(const std::filesystem::path& path, std::string bytes) {
  Document doc;
  doc.path = path;
  doc.kind = FileKind::web;
  doc.format = FileFormat::json;
  doc.source = SourceText(std::move(bytes));
  const SourceText& source = doc.source;

  auto scanned = scan_json_object(source.bytes(), kConfigurationJson);
  if (!scanned) {
    return {std::nullopt, ReadError{ReadErrorKind::malformed, path, source.position(scanned.error().offset),
                                    std::move(scanned.error().message)}};
  }
  std::vector<JsonMember>& members = *scanned;
  const std::size_t n = members.size();

  // Each member's configuration path (as written), its top-level section, and whether it is an
  // object with no members (which .NET records as a null value at its path).
  std::vector<std::string> paths(n);
  std::vector<std::size_t> section_of(n, kNoSection);
  std::vector<bool> has_children(n, false);
  for (std::size_t i = 0; i < n; ++i) {
    const JsonMember& m = members[i];
    const std::string part = m.element ? std::to_string(m.index) : m.key;
    if (m.parent == JsonMember::kNoParent) {
      paths[i] = part;
      if (m.kind == JsonKind::object) {
        section_of[i] = doc.sections.size();
        doc.sections.push_back(Section{m.key, m.value_span.offset + 1, m.value_span.end() - 1, std::nullopt});
      }
    } else {
      paths[i] = paths[m.parent] + ":" + part;
      section_of[i] = section_of[m.parent];
      has_children[m.parent] = true;
    }
  }

  // Paths already set, by their hash folded to lower case (a multimap: equal hashes are compared).
  std::unordered_multimap<std::size_t, std::size_t> seen;  // hash -> the member that set the path
  const auto set_before = [&](std::size_t hash, std::size_t i) -> std::optional<std::size_t> {
    const auto [from, to] = seen.equal_range(hash);
    for (auto it = from; it != to; ++it)
      if (equals_ignoring_case(paths[it->second], paths[i])) return it->second;
    return std::nullopt;
  };
  PositionCursor cursor(source);  // members come in document order
  for (std::size_t i = 0; i < n; ++i) {
    JsonMember& member = members[i];
    const std::size_t hash = folded_hash(paths[i]);
    if (member.kind == JsonKind::object && !has_children[i]) {
      if (!set_before(hash, i)) seen.emplace(hash, i);  // _data[path] = null: no duplicate check
      continue;
    }
    if (!is_scalar(member.kind)) continue;

    const Position start = cursor.at(member.element ? member.value_span.offset : member.key_span.offset);
    if (const std::optional<std::size_t> first_index = set_before(hash, i)) {
      const JsonMember& first = members[*first_index];
      const Position first_pos = source.position(first.element || first.kind == JsonKind::object
                                                     ? first.value_span.offset
                                                     : first.key_span.offset);
      doc.refusals.push_back(
          {Refusal::Kind::duplicate_key, start, source.position(member.value_span.end()),
           fmt::format("{} is set twice (also on line {}; keys match in any letter case): the web server's "
                       "configuration reader stops with \"A duplicate key '{}' was found.\"",
                       paths[i], first_pos.line, paths[i])});
    } else {
      seen.emplace(hash, i);
    }
    if (member.element) continue;  // an array's element has no key of its own

    Entry entry;
    entry.value_is_string = member.kind == JsonKind::string;
    const std::size_t entry_begin = member.key_span.offset - 1;  // the key's opening quote
    const std::size_t entry_end = member.value_span.end() + (entry.value_is_string ? 1 : 0);
    // The web server's settings: NAVWebSettings:<name>, whether written nested or as one key.
    const std::string_view path = paths[i];
    const std::string_view rest = path.substr(std::min(path.size(), kWebSettingsPrefix.size()));
    entry.applies = path.size() > kWebSettingsPrefix.size() &&
                    equals_ignoring_case(path.substr(0, kWebSettingsPrefix.size()), kWebSettingsPrefix) &&
                    rest.find(':') == std::string_view::npos;
    entry.name_offset = entry.applies ? member.key.size() - rest.size() : 0;
    entry.key = std::move(member.key);
    entry.value = member.kind == JsonKind::literal ? literal_text(member.value) : std::move(member.value);
    entry.path = paths[i];  // a copy: later members are compared with it
    entry.key_span = member.key_span;
    entry.value_span = member.value_span;
    entry.entry_span = Span{entry_begin, entry_end - entry_begin};
    entry.key_pos = start;
    entry.value_pos = cursor.at(member.value_span.offset);
    entry.value_end_pos = cursor.at(member.value_span.end());
    entry.section = section_of[i];
    doc.entries.push_back(std::move(entry));
  }
  doc.anchor = anchor_of(source, doc.sections);
  return {std::move(doc), std::nullopt};
}

}  // namespace sessiontool

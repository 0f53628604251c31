// The editor behind `set`: splice a value into any document the readers accept, read the
// result again, and check the round trip. Only the edited entry's bytes may change, the new
// text must read back with the value, and putting the old value back (or unsetting an added
// key) must give the original bytes when the original was written the way the editor writes.
//
// Input: the document, then kSeparator and the value to write (default 00:45:00); the last
// byte picks the key (an existing entry's or a catalog key) and set or unset.

#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

#include "text/ascii_case.hpp"
#include "read/catalog.hpp"
#include "edit/editor.hpp"
#include "edit/editor_escape.hpp"
#include "edit/editor_layout.hpp"
#include "fuzz_check.hpp"
#include "read/reader.hpp"
#include "text/utf8.hpp"

using namespace sessiontool;
using namespace sessiontool::fuzz;

namespace {

constexpr std::string_view kSeparator = "\n=====\n";

// What `set` can be asked to write: UTF-8 text without control characters (set_plan refuses
// anything else before the editor sees it).
bool is_settable(std::string_view value) {
  for (char c : value)
    if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) return false;
  return is_valid_utf8(value);
}

std::size_t common_prefix(std::string_view a, std::string_view b) {
  return static_cast<std::size_t>(std::ranges::mismatch(a, b).in1 - a.begin());
}

std::size_t common_suffix(std::string_view a, std::string_view b) {
  std::size_t n = 0;
  while (n < a.size() && n < b.size() && a[a.size() - 1 - n] == b[b.size() - 1 - n]) ++n;
  return n;
}

// Only the bytes a change may touch differ: the value's span for a changed entry; for an added
// or removed one, the new text is the old with one run of bytes inserted or taken out.
void check_bytes_kept(const Document& doc, const Change& change, std::string_view after) {
  const std::string_view before = doc.source.bytes();
  const std::size_t prefix = common_prefix(before, after);
  const std::size_t suffix = common_suffix(before, after);
  if (change.kind == ChangeKind::changed) {
    const Span value = doc.in_force(change.key)->value_span;
    FUZZ_CHECK(std::min(prefix, value.offset) + std::min(suffix, before.size() - value.end()) +
                   value.length >= before.size(), "bytes outside the value changed");
  } else if (change.kind == ChangeKind::added) {
    // Only a blank body (`<appSettings> </appSettings>`, `{ }`) gives way to the new lines, and
    // a self-closing `<appSettings/>` to its expanded form; other bytes stay, in order (a JSON
    // comma goes in before a comment that closes the last member's line, the member after it).
    const std::size_t kept = std::min(prefix + suffix, before.size());
    const std::string_view replaced = before.substr(prefix, before.size() - kept);
    const std::string_view inserted = after.substr(prefix, after.size() - std::min(prefix + suffix, after.size()));
    bool in_tag = false;
    for (const Section& s : doc.sections)
      if (s.self_closing_tag)
        in_tag = in_tag || (s.self_closing_tag->offset <= prefix && prefix + replaced.size() <= s.self_closing_tag->end());
    std::size_t found = 0;  // of `replaced`'s bytes, in order, in `inserted`
    for (char c : inserted)
      if (found < replaced.size() && c == replaced[found]) ++found;
    FUZZ_CHECK(in_tag || found == replaced.size() || replaced.find_first_not_of(" \t\r\n") == std::string_view::npos,
               "an insertion changed other bytes");
  } else if (change.kind == ChangeKind::removed && change.occurrences == 1) {
    FUZZ_CHECK(prefix + suffix >= after.size(), "a removal changed other bytes");
  }
}

// Whether unsetting an added key must give the original bytes back: when the entry it was
// placed after (the section's last) has its line to itself, as in the files people keep. On a
// shared line, after a bare CR, or into an empty section the new entry's layout is a choice
// that removing it cannot undo exactly; the other checks still hold there.
bool insertion_is_reversible(const Document& doc, std::string_view key) {
  const std::string_view text = doc.source.bytes();
  for (std::size_t i = text.find('\r'); i != std::string_view::npos; i = text.find('\r', i + 1))
    if (i + 1 == text.size() || text[i + 1] != '\n') return false;
  const std::string_view name = target_section_name(doc);
  std::size_t section = doc.sections.size();
  while (section-- > 0 && !equals_ignoring_case(doc.sections[section].name, name)) {}
  if (section >= doc.sections.size()) return false;
  // As the editor places it: after the section's last own entry, or a later <remove> of the key
  // or <clear/>.
  const auto last = std::ranges::find_if(doc.entries.rbegin(), doc.entries.rend(), [&](const Entry& e) {
    return e.section == section && (doc.format == FileFormat::xml || e.applies);
  });
  if (last == doc.entries.rend()) return false;
  Span anchor = last->entry_span;
  for (const Removal& r : doc.removals)
    if (r.section == section && (r.clear || equals_ignoring_case(r.key, key)) && r.element.offset > anchor.offset)
      anchor = r.element;
  const std::size_t begin = doc.source.line_start(anchor.offset);
  const std::string_view before = text.substr(begin, anchor.offset - begin);
  const std::size_t end = anchor.end();
  const std::string_view after = text.substr(end, doc.source.line_end(end) - end);
  const std::string_view allowed = doc.format == FileFormat::json ? " \t," : " \t";
  return before.find_first_not_of(allowed) == std::string_view::npos &&
         after.find_first_not_of(allowed) == std::string_view::npos &&
         std::ranges::count(before, ',') + std::ranges::count(after, ',') <= 1;
}

Document reread(const Document& original, const std::string& bytes) {
  ReadResult result = parse_document(original.path, bytes, original.kind);
  FUZZ_CHECK(result.document, result.error ? result.error->message : "");
  check_document(*result.document);
  return std::move(*result.document);
}

std::string edit_or_die(const Document& doc, const Edit& edit) {
  auto result = apply_edits(doc, std::span(&edit, 1));
  FUZZ_CHECK(result, result ? "" : result.error().message);
  return result->bytes;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const unsigned char* data, std::size_t size) {
  if (size == 0) return 0;
  const unsigned op = data[size - 1];
  std::string_view input(reinterpret_cast<const char*>(data), size - 1);
  std::string value = "00:45:00";
  if (const std::size_t sep = input.rfind(kSeparator); sep != std::string_view::npos) {
    value = input.substr(sep + kSeparator.size());
    input = input.substr(0, sep);
  }
  if (!is_settable(value)) return 0;

  const char* names[] = {"CustomSettings.config", "navsettings.json", "web.config", "settings.txt"};
  ReadResult read = parse_document(names[op % 4], std::string(input));
  if (!read.document) return 0;
  const Document& doc = *read.document;

  Edit edit;
  if ((op & 0x80) && !doc.entries.empty()) {
    edit.key = doc.entries[(op >> 2) % doc.entries.size()].name();
    // ':' separates sections in a JSON configuration path: no key can hold one.
    if (doc.format == FileFormat::json && edit.key.find(':') != std::string::npos) return 0;
  } else {
    const auto settings = catalog();
    edit.key = std::string(settings[(op >> 2) % settings.size()].key);
  }
  if (!(op & 0x40)) edit.value = value;

  auto result = apply_edits(doc, std::span(&edit, 1));
  if (!result) {
    // No section to insert into is the user's problem; anything else is a bug in the editor.
    FUZZ_CHECK(result.error().kind == EditErrorKind::unsupported, result.error().message);
    return 0;
  }
  const Change& change = result->changes.front();
  if (!result->modified()) {
    FUZZ_CHECK(result->bytes == doc.source.bytes());
    return 0;
  }

  const Document after = reread(doc, result->bytes);
  const Entry* entry = after.in_force(edit.key);
  if (edit.value) {
    FUZZ_CHECK(entry && entry->value == *edit.value, edit.key);
  } else {
    FUZZ_CHECK(entry == nullptr, edit.key);
  }
  check_bytes_kept(doc, change, result->bytes);

  // Back again: the old value in place of the new, or the added entry removed.
  const Entry* before = doc.in_force(edit.key);
  if (change.kind == ChangeKind::changed && before->has_value) {
    const char quote = doc.format == FileFormat::xml ? doc.source.bytes()[before->value_span.offset - 1] : '"';
    const std::string canonical = doc.format == FileFormat::xml ? escape_xml_attribute(before->value, quote)
                                                                : escape_json_string(before->value);
    if (before->value_is_string && doc.source.view(before->value_span) == canonical) {
      const std::string restored = edit_or_die(after, Edit{edit.key, before->value});
      FUZZ_CHECK(restored == doc.source.bytes(), "setting the old value back does not restore the file");
    }
  } else if (change.kind == ChangeKind::added && change.occurrences == 0 && insertion_is_reversible(doc, edit.key)) {
    // (With other spellings taken out by a <remove> or <clear/>, unset removes those too.)
    const std::string restored = edit_or_die(after, Edit{edit.key, std::nullopt});
    FUZZ_CHECK(restored == doc.source.bytes(), "unsetting an added key does not restore the file");
  }
  return 0;
}

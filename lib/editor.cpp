// The editor: each edit becomes one splice of the original text at a reader's span, the text
// is read again before the next edit, and the result is checked against what was asked for.
// Where a new entry goes and how a removed one leaves are in editor_layout.cpp.

#include "editor.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "catalog.hpp"
#include "editor_layout.hpp"
#include "reader.hpp"

namespace sessiontool {
namespace {

std::unexpected<EditError> internal_error(std::string message) {
  return std::unexpected(EditError{EditErrorKind::internal, std::move(message)});
}

// A JSON number as a setting's integer may be written bare: -?[0-9]+ without leading zeros.
bool is_json_integer(std::string_view text) {
  std::string_view digits = text.starts_with('-') ? text.substr(1) : text;
  if (digits.empty() || (digits.size() > 1 && digits.front() == '0')) return false;
  return std::ranges::all_of(digits, [](char c) { return c >= '0' && c <= '9'; });
}

// An integer setting whose value is a bare JSON number keeps it bare; everything else is a
// string (a TimeSpan in a number, such as "SessionTimeout": 20, becomes "00:45:00").
bool keep_bare_number(const Document& doc, const Entry& entry, std::string_view value) {
  if (entry.value_is_string) return false;
  const SettingInfo* info = find_setting(entry.key, doc.kind);
  const bool integer_type = info && (info->type == ValueType::integer || info->type == ValueType::seconds);
  return integer_type && is_json_integer(value);
}

// The splice that gives an existing entry a new value.
Splice value_splice(const Document& doc, const Entry& entry, std::string_view value) {
  const std::string& text = doc.source.bytes();
  if (doc.format == FileFormat::json) {
    if (entry.value_is_string) return {entry.value_span, escape_json_string(value)};
    if (keep_bare_number(doc, entry, value)) return {entry.value_span, std::string(value)};
    return {entry.value_span, "\"" + escape_json_string(value) + "\""};
  }
  if (!entry.has_value) {
    // `<add key="K"/>`: add the attribute after the key, quoted like the key.
    const char quote = text[entry.key_span.end()];
    return {entry.value_span, fmt::format(" value={0}{1}{0}", quote, escape_xml_attribute(value, quote))};
  }
  const char quote = entry.value_span.offset > 0 ? text[entry.value_span.offset - 1] : '"';
  return {entry.value_span, escape_xml_attribute(value, quote)};
}

std::size_t count_key(const Document& doc, std::string_view key) {
  return static_cast<std::size_t>(std::ranges::count(doc.entries, key, &Entry::key));
}

// Reads the spliced text again; the kind stays the one the original was read as, so that
// removing the last F&O key does not make the file unrecognisable to this check.
std::expected<Document, EditError> reparse(const Document& doc, std::string bytes) {
  ReadResult result = parse_document(doc.path, std::move(bytes), doc.kind);
  if (!result.document) {
    return internal_error(fmt::format("the edited text no longer reads as a {} file: {}", to_string(doc.kind),
                                      result.error ? result.error->message : "unknown error"));
  }
  return std::move(*result.document);
}

std::expected<Document, EditError> apply(const Document& doc, const Splice& splice) {
  std::string bytes = doc.source.bytes();
  bytes.replace(splice.span.offset, splice.span.length, splice.text);
  return reparse(doc, std::move(bytes));
}

// One edit against the current text: the new document (unchanged when nothing was to do).
std::expected<Document, EditError> apply_one(Document current, const Edit& edit, Change& change) {
  change.key = edit.key;
  change.occurrences = count_key(current, edit.key);
  const Entry* last = current.find_last(edit.key);
  if (last) {
    change.old_value = last->value;
    change.where = last->value_pos;
  }
  if (!edit.value) {
    if (!last) return current;
    change.kind = ChangeKind::removed;
    // The last occurrence first, then the text is read again for the next: removing a JSON
    // member moves the commas its neighbours need.
    while (const Entry* entry = current.find_last(edit.key)) {
      auto next = apply(current, removal_splice(current, *entry));
      if (!next) return std::unexpected(next.error());
      current = std::move(*next);
    }
    return current;
  }
  change.new_value = *edit.value;
  if (last && last->value == *edit.value) return current;
  if (last) {
    change.kind = ChangeKind::changed;
    return apply(current, value_splice(current, *last, *edit.value));
  }
  change.kind = ChangeKind::added;
  auto splice = insertion_splice(current, edit.key, *edit.value);
  if (!splice) return std::unexpected(EditError{EditErrorKind::unsupported, splice.error()});
  return apply(current, *splice);
}

bool is_edited(std::span<const Edit> edits, std::string_view key) {
  return std::ranges::any_of(edits, [&](const Edit& e) { return e.key == key; });
}

// The final text must say what was asked and nothing else: every other entry, in order,
// with the same key, value and section; the sections themselves unchanged.
std::expected<void, EditError> verify(const Document& before, const Document& after, std::span<const Edit> edits,
                                      std::span<const Change> changes) {
  auto others = [&](const Document& doc) {
    std::vector<std::tuple<std::string, std::string, std::string>> out;
    for (const Entry& e : doc.entries)
      if (!is_edited(edits, e.key)) out.emplace_back(e.key, e.value, doc.sections.at(e.section).name);
    return out;
  };
  if (others(before) != others(after))
    return internal_error("the edited text changed entries other than the ones asked for");
  auto names = [](const Document& doc) {
    std::vector<std::string> out;
    for (const Section& s : doc.sections) out.push_back(s.name);
    return out;
  };
  if (names(before) != names(after)) return internal_error("the edited text has different sections");
  for (std::size_t i = 0; i < edits.size(); ++i) {
    const Edit& edit = edits[i];
    const Entry* entry = after.find_last(edit.key);
    if (!edit.value) {
      if (entry) return internal_error(fmt::format("{} is still set after removing it", edit.key));
      continue;
    }
    if (!entry || entry->value != *edit.value)
      return internal_error(fmt::format("{} reads back as \"{}\", not \"{}\"", edit.key,
                                        entry ? entry->value : "(missing)", *edit.value));
    const std::size_t expected = changes[i].kind == ChangeKind::added ? 1 : changes[i].occurrences;
    if (count_key(after, edit.key) != expected)
      return internal_error(fmt::format("{} appears {} times after the edit, expected {}", edit.key,
                                        count_key(after, edit.key), expected));
  }
  return {};
}

}  // namespace

bool EditResult::modified() const {
  return std::ranges::any_of(changes, [](const Change& c) { return c.kind != ChangeKind::unchanged; });
}

std::expected<EditResult, EditError> apply_edits(const Document& doc, std::span<const Edit> edits) {
  for (std::size_t i = 0; i < edits.size(); ++i)
    for (std::size_t j = i + 1; j < edits.size(); ++j)
      if (edits[i].key == edits[j].key)
        return internal_error(fmt::format("{} is edited twice in one command", edits[i].key));

  EditResult result;
  Document current = doc;
  for (const Edit& edit : edits) {
    Change change;
    auto next = apply_one(std::move(current), edit, change);
    if (!next) return std::unexpected(next.error());
    current = std::move(*next);
    result.changes.push_back(std::move(change));
  }
  if (auto checked = verify(doc, current, edits, result.changes); !checked)
    return std::unexpected(checked.error());
  result.bytes = current.source.bytes();
  return result;
}

std::string escape_xml_attribute(std::string_view text, char quote) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      // Raw white space in an attribute reads back as a space: keep it as a character reference.
      case '\t': out += "&#9;"; break;
      case '\n': out += "&#10;"; break;
      case '\r': out += "&#13;"; break;
      default:
        if (c == quote)
          out += quote == '\'' ? "&apos;" : "&quot;";
        else
          out += c;
    }
  }
  return out;
}

std::string escape_json_string(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\b': out += "\\b"; break;
      case '\f': out += "\\f"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      default:
        if (static_cast<unsigned char>(c) < 0x20)
          out += fmt::format("\\u{:04x}", static_cast<unsigned>(c));
        else
          out += c;  // UTF-8 passes through as it is
    }
  }
  return out;
}

std::string_view target_section_name(const Document& doc) {
  if (doc.format == FileFormat::json) return "NAVWebSettings";
  return doc.kind == FileKind::web ? "DynamicsNAVSettings" : "appSettings";
}

}  // namespace sessiontool

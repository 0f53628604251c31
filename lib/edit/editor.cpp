// The editor: each edit becomes one splice of the original text at a reader's span, the text
// is read again before the next edit, and the result is checked against what was asked for.
// Where a new entry goes and how a removed one leaves are in editor_layout.cpp.

#include "edit/editor.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "text/ascii_case.hpp"
#include "read/catalog.hpp"
#include "edit/editor_escape.hpp"
#include "edit/editor_layout.hpp"
#include "read/reader.hpp"

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
bool keep_bare_number(const Entry& entry, std::string_view value) {
  if (entry.value_is_string) return false;
  const SettingInfo* info = entry.setting;
  const bool integer_type = info && (info->type == ValueType::integer || info->type == ValueType::seconds);
  return integer_type && is_json_integer(value);
}

// The splice that gives an existing entry a new value.
Splice value_splice(const Document& doc, const Entry& entry, std::string_view value) {
  const std::string& text = doc.source.bytes();
  if (doc.format == FileFormat::json) {
    if (entry.value_is_string) return {entry.value_span, escape_json_string(value)};
    if (keep_bare_number(entry, value)) return {entry.value_span, std::string(value)};
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

// The last entry the product reads by this name, in force or not (a <remove> may follow it).
const Entry* last_named(const Document& doc, std::string_view key) {
  const auto it = std::ranges::find_if(doc.entries.rbegin(), doc.entries.rend(), [&](const Entry& e) {
    return e.applies && equals_ignoring_case(e.name(), key);
  });
  return it == doc.entries.rend() ? nullptr : &*it;
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

// One edit against the current text: the new document (unchanged when nothing was to do). The
// key is the one the product reads, in whatever letter case the file spells it: an entry in
// force is changed where it stands, never given a second spelling.
std::expected<Document, EditError> apply_one(Document current, const Edit& edit, Change& change) {
  change.key = edit.key;
  change.occurrences = current.count(edit.key);
  const Document::Lookup found = current.lookup(edit.key);
  const Entry* last = found.entry;
  if (found.removed) change.taken_out = *found.removed;
  if (last) {
    change.old_value = last->value;
    change.where = last->value_pos;
    change.spelling = last->key;
  }
  if (!edit.value) {
    if (change.occurrences == 0) return current;
    change.kind = ChangeKind::removed;
    // Every spelling, in force or taken out by a <remove>, the last first; the text is read
    // again for the next: removing a JSON member moves the commas its neighbours need.
    while (const Entry* entry = last_named(current, edit.key)) {
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

bool is_edited(std::span<const Edit> edits, const Entry& entry) {
  return entry.applies &&
         std::ranges::any_of(edits, [&](const Edit& e) { return equals_ignoring_case(e.key, entry.name()); });
}

// The final text must say what was asked and nothing else: every other entry, in order,
// with the same key, value and section; the sections themselves unchanged.
std::expected<void, EditError> verify(const Document& before, const Document& after, std::span<const Edit> edits,
                                      std::span<const Change> changes) {
  auto others = [&](const Document& doc) {
    std::vector<std::tuple<std::string, std::string, std::string>> out;
    for (const Entry& e : doc.entries)
      if (!is_edited(edits, e))
        out.emplace_back(e.key, e.value, e.section < doc.sections.size() ? doc.sections[e.section].name : e.path);
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
    const Entry* entry = after.in_force(edit.key);
    if (!edit.value) {
      if (after.count(edit.key) != 0) return internal_error(fmt::format("{} is still set after removing it", edit.key));
      continue;
    }
    if (!entry || entry->value != *edit.value)
      return internal_error(fmt::format("{} reads back as \"{}\", not \"{}\"", edit.key,
                                        entry ? entry->value : "(missing)", *edit.value));
    const std::size_t expected = changes[i].occurrences + (changes[i].kind == ChangeKind::added ? 1 : 0);
    if (after.count(edit.key) != expected)
      return internal_error(fmt::format("{} appears {} times after the edit, expected {}", edit.key,
                                        after.count(edit.key), expected));
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
      if (equals_ignoring_case(edits[i].key, edits[j].key))
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

}  // namespace sessiontool

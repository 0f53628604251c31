// Where a new entry goes and what it looks like, and which bytes a removed entry takes with
// it. A new entry copies the nearest sibling: its line's indentation and line break, for XML
// its attribute quoting and `" />` spacing, for JSON the spacing after the colon and the comma
// placement. So an entry inserted and removed again leaves the original bytes.

#include "edit/editor_layout.hpp"

#include <algorithm>
#include <optional>

#include <fmt/format.h>

#include "text/ascii_case.hpp"
#include "read/catalog.hpp"
#include "edit/editor_escape.hpp"

namespace sessiontool {
namespace {

constexpr std::string_view kBlanks = " \t";

bool is_blank(std::string_view s) { return s.find_first_not_of(kBlanks) == std::string_view::npos; }
bool is_space(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

// Where the line holding `offset` starts, past a BOM on the first line.
std::size_t content_start(const SourceText& src, std::size_t offset) {
  const std::size_t start = src.line_start(offset);
  return start == 0 ? std::min(src.bom_length(), offset) : start;
}

// The bytes from the line's start to `offset`: an indentation when blank.
std::string_view line_prefix(const SourceText& src, std::size_t offset) {
  const std::size_t start = content_start(src, offset);
  return std::string_view(src.bytes()).substr(start, offset - start);
}

// The spaces and tabs that open the line holding `offset`.
std::string leading_blanks(const SourceText& src, std::size_t offset) {
  const std::string_view line = std::string_view(src.bytes()).substr(content_start(src, offset));
  return std::string(line.substr(0, std::min(line.find_first_not_of(kBlanks), line.size())));
}

// The file's first line break, for a line that has none of its own to copy.
std::string dominant_break(std::string_view text) {
  const std::size_t lf = text.find('\n');
  return lf != std::string_view::npos && lf > 0 && text[lf - 1] == '\r' ? "\r\n" : "\n";
}

std::string break_at(const SourceText& src, std::size_t offset) {
  const std::string_view brk = src.line_break_at(offset);
  return brk.empty() ? dominant_break(src.bytes()) : std::string(brk);
}

// One level of indentation: the first indented line that starts an element or a member (in
// these files, a child of the root), else two spaces.
std::string indent_unit(const SourceText& src) {
  const std::string& text = src.bytes();
  for (std::size_t lf = text.find('\n'); lf != std::string::npos; lf = text.find('\n', lf + 1)) {
    const std::size_t begin = lf + 1;
    const std::size_t end = text.find_first_not_of(kBlanks, begin);
    if (end == std::string::npos) break;
    if (end > begin && std::string_view("<\"{}").find(text[end]) != std::string_view::npos)
      return text.substr(begin, end - begin);
  }
  return "  ";
}

// Nothing but blanks and complete comments: what may follow an entry on its line and stay
// with it when a new entry goes after it.
bool is_xml_trivia(std::string_view s) {
  std::size_t i = 0;
  while (i < s.size()) {
    if (is_space(s[i])) {
      ++i;
    } else if (s.substr(i).starts_with("<!--")) {
      const std::size_t close = s.find("-->", i + 4);
      if (close == std::string_view::npos) return false;
      i = close + 3;
    } else {
      return false;
    }
  }
  return true;
}

// Nothing but blanks and complete JSON comments (the rest of a line).
bool is_json_trivia(std::string_view s) {
  std::size_t i = 0;
  while (i < s.size()) {
    if (is_space(s[i])) {
      ++i;
    } else if (s.substr(i).starts_with("//")) {
      return true;  // to the end of the line
    } else if (s.substr(i).starts_with("/*")) {
      const std::size_t close = s.find("*/", i + 2);
      if (close == std::string_view::npos) return false;
      i = close + 2;
    } else {
      return false;
    }
  }
  return true;
}

// Past white space and comments (.NET's JSON configuration reader allows both kinds).
std::size_t skip_json_space(std::string_view text, std::size_t i) {
  while (i < text.size()) {
    if (is_space(text[i])) {
      ++i;
    } else if (text.substr(i).starts_with("//")) {
      i = std::min(text.find('\n', i), text.size());
    } else if (text.substr(i).starts_with("/*")) {
      const std::size_t close = text.find("*/", i + 2);
      i = close == std::string_view::npos ? text.size() : close + 2;
    } else {
      break;
    }
  }
  return i;
}

// ---- what a new entry looks like ----

std::string trim(std::string_view s) {
  const std::size_t b = s.find_first_not_of(" \t\r\n");
  if (b == std::string_view::npos) return {};
  return std::string(s.substr(b, s.find_last_not_of(" \t\r\n") - b + 1));
}

// An existing `<add key=".." value=".."/>` cut around its key and value, to be refilled.
struct XmlShape {
  std::string open, middle, close;  // before the first attribute value, between, after
  char key_quote = '"';
  char value_quote = '"';
  bool value_first = false;
};

std::optional<XmlShape> xml_shape(std::string_view text, const Entry& e) {
  if (!e.has_value || e.key_span.offset == 0 || e.value_span.offset == 0) return std::nullopt;
  XmlShape shape;
  shape.value_first = e.value_span.offset < e.key_span.offset;
  const Span first = shape.value_first ? e.value_span : e.key_span;
  const Span second = shape.value_first ? e.key_span : e.value_span;
  shape.open = text.substr(e.entry_span.offset, first.offset - e.entry_span.offset);
  shape.middle = text.substr(first.end(), second.offset - first.end());
  shape.close = text.substr(second.end(), e.entry_span.end() - second.end());
  shape.key_quote = text[e.key_span.offset - 1];
  shape.value_quote = text[e.value_span.offset - 1];
  // Only a plain key/value element is a pattern: other attributes or content stay behind.
  auto equals_signs = [](std::string_view s) { return std::ranges::count(s, '='); };
  const std::string after = trim(std::string_view(shape.close).substr(1));
  const bool plain_close = after == "/>" || (after.starts_with('>') && trim(after.substr(1)) == "</add>");
  if (!shape.open.starts_with("<add") || equals_signs(shape.open) != 1 || equals_signs(shape.middle) != 1 ||
      !plain_close)
    return std::nullopt;
  return shape;
}

std::string xml_element(const Document& doc, std::size_t section, std::string_view key, std::string_view value) {
  const std::string& text = doc.source.bytes();
  std::optional<XmlShape> shape;
  // The section's own entries first, the last one nearest; then any in the file.
  for (int pass = 0; pass < 2 && !shape; ++pass)
    for (auto it = doc.entries.rbegin(); it != doc.entries.rend() && !shape; ++it)
      if (pass == 1 || it->section == section) shape = xml_shape(text, *it);
  if (!shape) shape = XmlShape{"<add key=\"", "\" value=\"", "\" />"};
  const std::string k = escape_xml_attribute(key, shape->key_quote);
  const std::string v = escape_xml_attribute(value, shape->value_quote);
  return shape->open + (shape->value_first ? v : k) + shape->middle + (shape->value_first ? k : v) + shape->close;
}

// The bytes between a member's key and value, when they are a colon and blanks: `:  `.
std::optional<std::string> json_separator(std::string_view text, const Entry& e) {
  const std::size_t begin = e.key_span.end() + 1;
  const std::size_t end = e.value_span.offset - (e.value_is_string ? 1 : 0);
  if (end <= begin || end > text.size()) return std::nullopt;
  const std::string_view sep = text.substr(begin, end - begin);
  if (trim(sep) != ":") return std::nullopt;
  return std::string(sep);
}

// The spacing after the colon as the file writes it: a setting of the section (not a "//"
// help key, which BC's own files write differently), else any member, else the section's own
// `"NAVWebSettings": {`.
std::string json_member(const Document& doc, const Section& target, std::size_t section, std::string_view key,
                        std::string_view value) {
  const std::string& text = doc.source.bytes();
  std::optional<std::string> sep;
  for (int pass = 0; pass < 3 && !sep; ++pass)
    for (auto it = doc.entries.rbegin(); it != doc.entries.rend() && !sep; ++it)
      if ((pass == 2 || it->section == section) && (pass == 1 || !it->key.starts_with("//")))
        sep = json_separator(text, *it);
  if (!sep && target.body_begin >= 2) {
    const std::size_t brace = target.body_begin - 1;
    const std::size_t quote = text.find_last_not_of(" \t\r\n:", brace - 1);
    if (quote != std::string::npos && text[quote] == '"' && trim(text.substr(quote + 1, brace - quote - 1)) == ":")
      sep = text.substr(quote + 1, brace - quote - 1);
  }
  const SettingInfo* info = find_setting(key, doc.kind);
  const bool integer = info && (info->type == ValueType::integer || info->type == ValueType::seconds);
  const bool bare = integer && !value.empty() && value.find_first_not_of("0123456789") == std::string_view::npos &&
                    (value.size() == 1 || value.front() != '0');
  const std::string repr = bare ? std::string(value) : "\"" + escape_json_string(value) + "\"";
  return "\"" + escape_json_string(key) + "\"" + sep.value_or(": ") + repr;
}

// ---- where it goes ----

// After `anchor`: the last entry of the section, or an XML <remove>/<clear/> that would take the
// new entry out were it placed before.
Splice after_anchor(const Document& doc, Span anchor, const std::string& entry) {
  const SourceText& src = doc.source;
  const std::string& text = src.bytes();
  const std::size_t begin = anchor.offset;
  const std::size_t end = anchor.end();
  const std::string_view prefix = line_prefix(src, begin);
  const std::string brk = break_at(src, end);
  // Blanks before the anchor on its line, for entries that share a line.
  std::size_t blanks = begin;
  while (blanks > content_start(src, begin) && (text[blanks - 1] == ' ' || text[blanks - 1] == '\t')) --blanks;
  const std::string same_line_gap = text.substr(blanks, begin - blanks);

  if (doc.format == FileFormat::xml) {
    if (!is_blank(prefix)) return {{end, 0}, same_line_gap + entry};
    // After a comment that closes the anchor's line, which belongs with the anchor.
    const std::size_t line_end = src.line_end(end);
    const std::size_t at = is_xml_trivia(std::string_view(text).substr(end, line_end - end)) ? line_end : end;
    return {{at, 0}, brk + std::string(prefix) + entry};
  }
  if (is_json_trivia(prefix)) {
    // The anchor starts its line (after blanks, or a comment about it): the new member gets a line
    // of its own with the line's indentation.
    const std::string indent = leading_blanks(src, begin);
    const std::size_t line_end = src.line_end(end);
    const std::string_view rest = std::string_view(text).substr(end, line_end - end);
    // Comments may stand between the value and its comma ("00:20:00" /* ticket */,).
    const std::size_t comma = skip_json_space(rest, 0);
    // The anchor's own comma closes its line (blanks and comments may follow): the new member goes
    // on a line after it with a comma of its own, and the anchor's line stays as it was.
    if (comma < rest.size() && rest[comma] == ',' && line_end < text.size() &&
        is_json_trivia(rest.substr(comma + 1)))
      return {{line_end, 0}, brk + indent + entry + ","};
    // A comment closes the anchor's line: the comma goes before it, the member on the next line.
    if (!is_blank(rest) && line_end < text.size() && is_json_trivia(rest))
      return {{end, rest.size()}, "," + std::string(rest) + brk + indent + entry};
    return {{end, 0}, "," + brk + indent + entry};
  }
  if (trim(prefix) == ",") return {{end, 0}, brk + std::string(prefix) + entry};  // comma-first style
  const bool after_comma = blanks > 0 && text[blanks - 1] == ',';
  return {{end, 0}, "," + (after_comma ? same_line_gap : std::string(" ")) + entry};
}

Splice into_empty(const Document& doc, const Section& section, const std::string& entry) {
  const SourceText& src = doc.source;
  const std::string& text = src.bytes();
  const std::string unit = indent_unit(src);
  if (section.self_closing_tag) {
    // <appSettings/> becomes <appSettings>, the entry, </appSettings>.
    const Span tag = *section.self_closing_tag;
    std::string open = text.substr(tag.offset, tag.length - 2);
    open.erase(open.find_last_not_of(" \t\r\n") + 1);
    const std::string outer = leading_blanks(src, tag.offset);
    const std::string brk = break_at(src, tag.offset);
    return {tag, open + ">" + brk + outer + unit + entry + brk + outer + "</" + section.name + ">"};
  }
  const std::size_t first = skip_json_space(text, section.body_begin);
  if (doc.format == FileFormat::json && first < section.body_end) {
    // Members that are not settings (nested objects): the entry goes first, comma after.
    const bool own_line = src.line_start(first) > section.body_begin;
    const std::string indent = own_line ? leading_blanks(src, first) : leading_blanks(src, section.body_begin) + unit;
    return {{section.body_begin, 0}, break_at(src, section.body_begin) + indent + entry + ","};
  }
  const std::size_t close_line = src.line_start(section.body_end);
  const std::string_view close_prefix = line_prefix(src, section.body_end);
  if (is_blank(close_prefix) && close_line > section.body_begin) {
    // The closing tag or brace has a line of its own: the entry goes on a new line above it.
    return {{close_line, 0}, std::string(close_prefix) + unit + entry + break_at(src, close_line - 1)};
  }
  const std::string outer = leading_blanks(src, section.body_begin > 0 ? section.body_begin - 1 : 0);
  const std::string brk = break_at(src, section.body_end);
  // `{ }` or `<appSettings> </appSettings>`: the blanks give way to the new lines.
  const Span blank_body{section.body_begin, section.body_end - section.body_begin};
  const Span at = is_blank(src.view(blank_body)) ? blank_body : Span{section.body_end, 0};
  return {at, brk + outer + unit + entry + brk + outer};
}

// The last section of the target name (in any letter case: .NET reads "navWebSettings" as
// NAVWebSettings).
const Section* target_section(const Document& doc) {
  const std::string_view name = target_section_name(doc);
  for (auto it = doc.sections.rbegin(); it != doc.sections.rend(); ++it)
    if (equals_ignoring_case(it->name, name)) return &*it;
  return nullptr;
}

}  // namespace

std::string_view target_section_name(const Document& doc) {
  if (doc.format == FileFormat::json) return "NAVWebSettings";
  return doc.kind == FileKind::web ? "DynamicsNAVSettings" : "appSettings";
}

std::expected<Splice, std::string> insertion_splice(const Document& doc, std::string_view key,
                                                    std::string_view value) {
  const Section* section = target_section(doc);
  if (!section) {
    return std::unexpected(fmt::format("{} is not set in the file and there is no \"{}\" section to add it to",
                                       key, target_section_name(doc)));
  }
  const auto index = static_cast<std::size_t>(section - doc.sections.data());
  const std::string entry = doc.format == FileFormat::json ? json_member(doc, *section, index, key, value)
                                                           : xml_element(doc, index, key, value);
  // The section's last own entry (in JSON, not a member of an object nested in it).
  std::optional<Span> anchor;
  const auto last = std::ranges::find_if(doc.entries.rbegin(), doc.entries.rend(), [&](const Entry& e) {
    return e.section == index && (doc.format == FileFormat::xml || e.applies);
  });
  if (last != doc.entries.rend()) anchor = last->entry_span;
  // A <remove> of the key or a <clear/> after the last entry: the new entry goes after it, where
  // it takes effect.
  for (const Removal& removal : doc.removals)
    if (removal.section == index && (removal.clear || equals_ignoring_case(removal.key, key)) &&
        (!anchor || removal.element.offset > anchor->offset))
      anchor = removal.element;
  if (anchor) return after_anchor(doc, *anchor, entry);
  return into_empty(doc, *section, entry);
}

Splice removal_splice(const Document& doc, const Entry& entry) {
  const SourceText& src = doc.source;
  const std::string& text = src.bytes();
  std::size_t begin = entry.entry_span.offset;
  std::size_t end = entry.entry_span.end();
  bool took_comma_after = false;
  if (doc.format == FileFormat::json) {
    // One comma goes with the member: the one after it on the same line (comma-last style),
    // else the one before it (the last member), else the one after it on a later line.
    const std::size_t after = skip_json_space(text, end);
    const bool comma_after = after < text.size() && text[after] == ',';
    std::size_t before = begin;
    while (before > 0 && is_space(text[before - 1])) --before;
    const bool comma_before = before > 0 && text[before - 1] == ',';
    const bool after_on_same_line = comma_after && text.find('\n', end) >= after;
    if (comma_after && (after_on_same_line || !comma_before))
      end = after + 1, took_comma_after = true;
    else if (comma_before)
      begin = before - 1;
  }
  const std::size_t line_begin = content_start(src, begin);
  const std::size_t line_end = src.line_end(end);
  const std::string_view after_text = std::string_view(text).substr(end, line_end - end);
  const bool rest_goes = doc.format == FileFormat::xml ? is_xml_trivia(after_text) : is_json_trivia(after_text);
  if (is_blank(line_prefix(src, begin)) && rest_goes) {
    // The entry has its lines to itself: they go, indentation through line break, with a
    // comment that closes the line (it is about this entry).
    return {{line_begin, line_end + src.line_break_at(end).size() - line_begin}, ""};
  }
  const std::size_t next = std::min(text.find_first_not_of(kBlanks, end), text.size());
  if (doc.format == FileFormat::xml && is_blank(line_prefix(src, begin)) && line_begin > 0 &&
      next == doc.sections.at(entry.section).body_end) {
    // `  <add .../></appSettings>`: the closing tag moves back up, undoing an insertion there.
    const std::size_t previous_break = line_begin - 1 - (line_begin >= 2 && text[line_begin - 2] == '\r');
    return {{previous_break, end - previous_break}, ""};
  }
  // Entries sharing a line: the blanks that separated this one go with it.
  if (took_comma_after || is_blank(line_prefix(src, begin))) {
    while (end < line_end && (text[end] == ' ' || text[end] == '\t')) ++end;
  } else {
    while (begin > line_begin && (text[begin - 1] == ' ' || text[begin - 1] == '\t')) --begin;
  }
  return {{begin, end - begin}, ""};
}

}  // namespace sessiontool

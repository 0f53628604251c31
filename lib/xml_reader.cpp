// Reads CustomSettings.config, NAV web.config and F&O web.config. pugixml checks the XML and
// decodes values; parsing in place on a copy of the bytes leaves its string pointers inside
// that copy, so each pointer minus the copy's start is an offset into the original text.

#include <algorithm>
#include <array>
#include <cstring>
#include <functional>
#include <string_view>

#include <pugixml.hpp>

#include "reader.hpp"
#include "xml_tags.hpp"

namespace sessiontool {
namespace {

using namespace xml_tags;

constexpr std::string_view kServerSection = "appSettings";
constexpr std::string_view kNavWebSection = "DynamicsNAVSettings";
constexpr std::string_view kConfigurationRoot = "configuration";

// What tells an F&O AOS web.config from any other web.config with an <appSettings>.
constexpr std::array<std::string_view, 1> kAosKeys = {"WebClientStatefulSessionTimeoutInSeconds"};
constexpr std::array<std::string_view, 4> kAosKeyPrefixes = {"Aos.", "DataAccess.", "Infrastructure.",
                                                             "Microsoft.Dynamics."};

bool is_aos_key(std::string_view key) {
  for (std::string_view k : kAosKeys)
    if (key == k) return true;
  for (std::string_view prefix : kAosKeyPrefixes)
    if (key.starts_with(prefix)) return true;
  return false;
}

// One parse: the original text, pugixml's copy of it, and what we make of both.
class XmlRead {
 public:
  XmlRead(const std::filesystem::path& path, std::string bytes)
      : path_(path), text_(std::move(bytes)), buffer_(text_.bytes()), cursor_(text_) {}

  ReadResult run(std::optional<FileKind> forced);

 private:
  std::string_view text() const { return text_.bytes(); }
  ReadResult fail(ReadErrorKind kind, std::size_t offset, std::string message) const;
  ReadResult fail_parse(const pugi::xml_parse_result& result) const;
  std::optional<std::size_t> offset_of(const char* p) const;
  std::optional<std::size_t> element_offset(const pugi::xml_node& node) const;
  std::optional<Span> value_span(const pugi::xml_attribute& attr, std::size_t lt) const;
  std::optional<ScannedTag> start_tag(const pugi::xml_node& node, std::size_t lt,
                                      const Span* last_value = nullptr) const;
  std::optional<ReadResult> check_top_level(const pugi::xml_document& doc) const;
  std::optional<ReadResult> add_section(Document& doc, const pugi::xml_node& node);
  std::optional<ReadResult> add_entry(Document& doc, const pugi::xml_node& node);

  std::filesystem::path path_;
  SourceText text_;
  std::string buffer_;  // pugixml parses and decodes this copy in place
  PositionCursor cursor_;  // entries come in document order
};

ReadResult XmlRead::fail(ReadErrorKind kind, std::size_t offset, std::string message) const {
  ReadError error{kind, path_, text_.position(offset), std::move(message)};
  return {std::nullopt, std::move(error)};
}

// pugixml's offset of a pointer into buffer_, when it is one.
std::optional<std::size_t> XmlRead::offset_of(const char* p) const {
  const std::less_equal<const char*> le;
  const char* begin = buffer_.data();
  if (p == nullptr || !le(begin, p) || !le(p, begin + buffer_.size())) return std::nullopt;
  return static_cast<std::size_t>(p - begin);
}

// Offset of the element's '<' in the original text, checked against the bytes there.
std::optional<std::size_t> XmlRead::element_offset(const pugi::xml_node& node) const {
  const auto name_offset = offset_of(node.name());
  if (!name_offset || *name_offset == 0) return std::nullopt;
  const std::size_t lt = *name_offset - 1;
  if (text()[lt] != '<' || text().substr(*name_offset).substr(0, std::strlen(node.name())) != node.name())
    return std::nullopt;
  return lt;
}

// The raw bytes between the attribute's quotes: from pugixml's pointer to the next quote of
// the kind that opened it (a value cannot contain that quote raw). When the pointer is not
// into the buffer, scanning the tag whose '<' is at `lt` says where the value is.
std::optional<Span> XmlRead::value_span(const pugi::xml_attribute& attr, std::size_t lt) const {
  if (const auto begin = offset_of(attr.value()); begin && *begin > 0) {
    const char quote = text()[*begin - 1];
    if (quote == '"' || quote == '\'') {
      const std::size_t end = text().find(quote, *begin);
      if (end != std::string_view::npos) return Span{*begin, end - *begin};
    }
  }
  std::vector<ScannedAttribute> attributes;
  if (scan_start_tag(text(), lt, &attributes))
    for (const ScannedAttribute& scanned : attributes)
      if (scanned.name == attr.name()) return scanned.value;
  return std::nullopt;
}

// The start tag of `node`, whose '<' is at `lt`: it ends just after its last attribute's value,
// which pugixml has already found, so only a tag without attributes is walked byte by byte.
// `last_value`, when given, is the last attribute's value span (the caller has it already).
std::optional<ScannedTag> XmlRead::start_tag(const pugi::xml_node& node, std::size_t lt,
                                             const Span* last_value) const {
  if (const pugi::xml_attribute last = node.last_attribute()) {
    if (const auto value = last_value ? std::optional<Span>(*last_value) : value_span(last, lt)) {
      std::size_t i = value->end() + 1;  // past the closing quote
      while (i < text().size() && is_xml_space(text()[i])) ++i;
      if (text().substr(i, 2) == "/>") return ScannedTag{i + 2, true};
      if (text().substr(i, 1) == ">") return ScannedTag{i + 1, false};
    }
  }
  return scan_start_tag(text(), lt);
}

// pugixml's error in the words of someone editing the file by hand.
ReadResult XmlRead::fail_parse(const pugi::xml_parse_result& result) const {
  std::size_t offset = result.offset > 0 ? static_cast<std::size_t>(result.offset) : 0;
  offset = std::min(offset, text().size());
  std::string what;
  switch (result.status) {
    case pugi::status_unrecognized_tag: what = "'<' does not start a valid tag"; break;
    case pugi::status_bad_pi: what = "bad <?...?> declaration"; break;
    case pugi::status_bad_comment: what = "comment is not closed by -->"; break;
    case pugi::status_bad_cdata: what = "CDATA section is not closed by ]]>"; break;
    case pugi::status_bad_doctype: what = "bad <!DOCTYPE> declaration"; break;
    case pugi::status_bad_pcdata: what = "bad text between tags"; break;
    case pugi::status_bad_start_element: what = "tag is not closed by '>' or '/>'"; break;
    case pugi::status_bad_attribute:
      what = "attribute is not written name=\"value\" (look for a missing quote, '=' or space)";
      break;
    case pugi::status_bad_end_element: what = "end tag is not closed by '>'"; break;
    case pugi::status_end_element_mismatch:
      // pugixml points at an end tag's name, or at the last byte when the file ends first.
      if (offset >= 2 && text().substr(offset - 2, 2) == "</") {
        const std::size_t name_end = text().find_first_of(" \t\r\n>", offset);
        what = "end tag </" + std::string(text().substr(offset, name_end - offset)) +
               "> does not match the open element (is an element above it missing its '/'?)";
        offset -= 2;  // the user looks for the '<'
      } else {
        what = "the file ends before every element is closed";
        offset = text().size();
      }
      break;
    case pugi::status_no_document_element:
      what = "no root element: the file holds only comments or declarations";
      break;
    default: what = result.description(); break;
  }
  return fail(ReadErrorKind::malformed, offset, "malformed XML: " + what);
}

// pugixml accepts several root elements; .NET refuses to load such a file.
std::optional<ReadResult> XmlRead::check_top_level(const pugi::xml_document& doc) const {
  int roots = 0;
  for (const pugi::xml_node& node : doc.children()) {
    if (node.type() != pugi::node_element || ++roots < 2) continue;
    return fail(ReadErrorKind::malformed, element_offset(node).value_or(0),
                std::string("malformed XML: a second root element <") + node.name() +
                    "> after the first one has closed");
  }
  return std::nullopt;
}

std::optional<ReadResult> XmlRead::add_section(Document& doc, const pugi::xml_node& node) {
  const auto lt = element_offset(node);
  const auto tag = lt ? scan_start_tag(text(), *lt) : std::nullopt;
  if (!tag) return fail(ReadErrorKind::malformed, 0, std::string("cannot locate <") + node.name() + "> in the text");
  Section section;
  section.name = node.name();
  if (tag->self_closing) {
    // Nothing to insert into: body_begin and body_end sit before the "/>", so an editor that
    // forgets to expand the tag produces XML the re-read refuses rather than a misplaced entry.
    section.body_begin = section.body_end = tag->end - 2;
    section.self_closing_tag = Span{*lt, tag->end - *lt};
  } else {
    // The end tag is the first one after the last child element (only text, comments and CDATA
    // can follow it): scanning from there, not from the start, keeps this one pass over the file.
    std::size_t from = tag->end;
    pugi::xml_node last = node.last_child();
    while (last && last.type() != pugi::node_element) last = last.previous_sibling();
    if (last) {
      const auto last_lt = element_offset(last);
      const auto last_tag = last_lt ? start_tag(last, *last_lt) : std::nullopt;
      const auto last_end = last_tag ? element_end(text(), *last_tag) : std::nullopt;
      if (!last_end) return fail(ReadErrorKind::malformed, *lt, std::string("cannot find the end tag of <") + node.name() + ">");
      from = *last_end;
    }
    const auto close = scan_end_tag(text(), from);
    if (!close) return fail(ReadErrorKind::malformed, *lt, std::string("cannot find the end tag of <") + node.name() + ">");
    section.body_begin = tag->end;
    section.body_end = *close;
  }
  doc.sections.push_back(std::move(section));
  for (const pugi::xml_node& child : node.children("add"))
    if (auto error = add_entry(doc, child)) return error;
  return std::nullopt;
}

// One <add key=".." value=".."/>. An <add> without a key is not a setting and is skipped;
// one without a value reads as "" (as .NET does) with has_value false.
std::optional<ReadResult> XmlRead::add_entry(Document& doc, const pugi::xml_node& node) {
  const pugi::xml_attribute key = node.attribute("key");
  if (!key) return std::nullopt;
  const pugi::xml_attribute value = node.attribute("value");
  const auto lt = element_offset(node);
  const auto key_span = lt ? value_span(key, *lt) : std::nullopt;
  const auto value_at = lt && value ? value_span(value, *lt) : std::nullopt;
  // Usually `value` (else `key`) is the last attribute, whose end is where the tag's end is sought.
  const pugi::xml_attribute last = node.last_attribute();
  const Span* last_value = last == value && value_at ? &*value_at : last == key && key_span ? &*key_span : nullptr;
  const auto tag = lt ? start_tag(node, *lt, last_value) : std::nullopt;
  const auto end = tag ? element_end(text(), *tag) : std::nullopt;
  if (!end || !key_span) return fail(ReadErrorKind::malformed, lt.value_or(0), "cannot locate <add> in the text");

  Entry entry;
  entry.key = key.value();
  entry.key_span = *key_span;
  entry.entry_span = Span{*lt, *end - *lt};
  entry.section = doc.sections.size() - 1;
  if (value) {
    if (!value_at) return fail(ReadErrorKind::malformed, *lt, "cannot locate the value of <add> in the text");
    entry.value = value.value();
    entry.value_span = *value_at;
  } else {
    entry.has_value = false;
    entry.value_span = Span{key_span->end() + 1, 0};  // just past the key's closing quote
  }
  entry.key_pos = cursor_.at(entry.key_span.offset);
  entry.value_pos = cursor_.at(entry.value_span.offset);
  entry.value_end_pos = cursor_.at(entry.value_span.end());
  doc.entries.push_back(std::move(entry));
  return std::nullopt;
}

// The elements holding a kind's entries: the root itself, or children of <configuration>.
std::vector<pugi::xml_node> section_nodes(const pugi::xml_node& root, FileKind kind) {
  const std::string_view name = kind == FileKind::web ? kNavWebSection : kServerSection;
  if (root.name() == name) return {root};
  std::vector<pugi::xml_node> nodes;
  if (root.name() == kConfigurationRoot)
    for (const pugi::xml_node& child : root.children())
      if (child.type() == pugi::node_element && child.name() == name) nodes.push_back(child);
  return nodes;
}

bool has_aos_keys(const std::vector<pugi::xml_node>& sections) {
  for (const pugi::xml_node& section : sections)
    for (const pugi::xml_node& add : section.children("add"))
      if (is_aos_key(add.attribute("key").value())) return true;
  return false;
}

std::optional<FileKind> detect_kind(const pugi::xml_node& root) {
  if (root.name() == kServerSection) return FileKind::server;
  if (root.name() != kConfigurationRoot) return std::nullopt;
  if (!section_nodes(root, FileKind::web).empty()) return FileKind::web;
  if (has_aos_keys(section_nodes(root, FileKind::aos))) return FileKind::aos;
  return std::nullopt;
}

ReadResult XmlRead::run(std::optional<FileKind> forced) {
  if (auto error = check_encoding(path_, text_.bytes())) return {std::nullopt, std::move(error)};
  // pugixml skips text before the root, so "not XML at all" needs saying before it parses.
  const std::size_t first = text().find_first_not_of(" \t\r\n", text_.bom_length());
  if (first == std::string_view::npos)
    return fail(ReadErrorKind::malformed, text().size(), "malformed XML: the file is empty");
  if (text()[first] != '<') {
    return fail(ReadErrorKind::malformed, first,
                std::string("malformed XML: the file starts with '") + text()[first] + "' where '<' is expected");
  }

  pugi::xml_document xml;
  // UTF-8 whatever the declaration says: a conversion would move the text out of buffer_.
  const pugi::xml_parse_result parsed =
      xml.load_buffer_inplace(buffer_.data(), buffer_.size(), pugi::parse_default, pugi::encoding_utf8);
  if (!parsed) return fail_parse(parsed);
  if (auto error = check_top_level(xml)) return std::move(*error);

  const pugi::xml_node root = xml.document_element();
  const std::optional<FileKind> kind = forced ? forced : detect_kind(root);
  const std::size_t root_offset = element_offset(root).value_or(first);
  if (!kind && root.name() != kConfigurationRoot) {
    return fail(ReadErrorKind::unrecognized, root_offset,
                std::string("not a configuration file sessiontool knows: the root element <") + root.name() +
                    "> is neither <appSettings> nor <configuration>");
  }
  if (!kind) {
    return fail(ReadErrorKind::unrecognized, root_offset,
                "not a configuration file sessiontool knows: a web.config without <DynamicsNAVSettings> "
                "and without F&O AOS keys in <appSettings>");
  }
  const std::vector<pugi::xml_node> nodes = section_nodes(root, *kind);
  if (nodes.empty()) {
    const std::string_view wanted = *kind == FileKind::web ? kNavWebSection : kServerSection;
    return fail(ReadErrorKind::unrecognized, root_offset,
                "not a " + std::string(to_string(*kind)) + " configuration file: it has no <" +
                    std::string(wanted) + "> element");
  }

  Document doc;
  doc.path = path_;
  doc.kind = *kind;
  doc.format = FileFormat::xml;
  // An <add> line with its comment runs to about 300 bytes: room for them all, moved once.
  doc.entries.reserve(text().size() / 256);
  for (const pugi::xml_node& node : nodes)
    if (auto error = add_section(doc, node)) return std::move(*error);
  doc.anchor = anchor_of(text_, doc.sections);
  doc.source = std::move(text_);
  return {std::move(doc), std::nullopt};
}

}  // namespace

ReadResult read_xml(const std::filesystem::path& path, std::string bytes, std::optional<FileKind> forced) {
  return XmlRead(path, std::move(bytes)).run(forced);
}

}  // namespace sessiontool

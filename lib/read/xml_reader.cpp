// Reads CustomSettings.config, NAV web.config and F&O web.config. pugixml checks the XML and
// decodes values; parsing in place on a copy of the bytes leaves its string pointers inside
// that copy, so each pointer minus the copy's start is an offset into the original text.

#include <algorithm>
#include <array>
#include <cstring>
#include <expected>
#include <functional>
#include <string_view>

#include <fmt/format.h>
#include <pugixml.hpp>

#include "text/ascii_case.hpp"
#include "text/path_text.hpp"
#include "read/reader.hpp"
#include "read/xml_tags.hpp"

namespace sessiontool {
namespace {

using namespace xml_tags;

constexpr std::string_view kServerSection = "appSettings";
constexpr std::string_view kNavWebSection = "DynamicsNAVSettings";
constexpr std::string_view kConfigurationRoot = "configuration";

// pugixml's defaults but for attribute white space: .NET's configuration reader (XmlTextReader,
// Normalization off) keeps a raw tab or line break in an attribute value, where pugixml's
// parse_wconv_attribute would make it a space.
constexpr unsigned kParseOptions = pugi::parse_default & ~pugi::parse_wconv_attribute;

// A reference in attribute text at `at` (an '&'): a character reference or one of the five
// predefined entities, another entity's name, or nothing a reference can be.
enum class Reference { valid, other_entity, none };

Reference reference_at(std::string_view text, std::size_t at, std::string_view* name_out) {
  const std::size_t semicolon = text.find(';', at);
  if (semicolon == std::string_view::npos) return Reference::none;
  const std::string_view name = text.substr(at + 1, semicolon - at - 1);
  for (std::string_view known : {"amp", "lt", "gt", "quot", "apos"})
    if (name == known) return Reference::valid;
  const auto digits = [](std::string_view d, bool hex) {
    return !d.empty() && std::ranges::all_of(d, [hex](char c) {
      return (c >= '0' && c <= '9') || (hex && ((c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F')));
    });
  };
  if (name.starts_with("#x") && digits(name.substr(2), true)) return Reference::valid;
  if (name.starts_with('#') && digits(name.substr(1), false)) return Reference::valid;
  const auto name_char = [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-' ||
           c == '.' || c == ':' || static_cast<unsigned char>(c) >= 0x80;
  };
  if (name.empty() || !std::ranges::all_of(name, name_char) || (name[0] >= '0' && name[0] <= '9')) return Reference::none;
  *name_out = name;
  return Reference::other_entity;
}

// What tells an F&O AOS web.config from any other web.config with an <appSettings>.
constexpr std::array<std::string_view, 1> kAosKeys = {"WebClientStatefulSessionTimeoutInSeconds"};
constexpr std::array<std::string_view, 4> kAosKeyPrefixes = {"Aos.", "DataAccess.", "Infrastructure.",
                                                             "Microsoft.Dynamics."};

bool is_aos_key(std::string_view key) {
  for (std::string_view k : kAosKeys)
    if (equals_ignoring_case(key, k)) return true;
  for (std::string_view prefix : kAosKeyPrefixes)
    if (key.size() >= prefix.size() && equals_ignoring_case(key.substr(0, prefix.size()), prefix)) return true;
  return false;
}

// What System.Configuration accepts on <add>, <remove> and <clear/> besides their own
// attributes (ConfigurationElement's lock attributes).
constexpr std::array<std::string_view, 5> kLockAttributes = {"lockAttributes", "lockAllAttributesExcept", "lockElements",
                                                             "lockAllElementsExcept", "lockItem"};

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
  std::optional<ReadResult> check_attributes_well_formed(const pugi::xml_document& doc,
                                                         const std::vector<pugi::xml_node>& sections) const;
  std::optional<ReadResult> check_element_attributes(const pugi::xml_node& node) const;
  std::optional<ReadResult> check_attribute(const pugi::xml_node& node, const pugi::xml_attribute& attr) const;
  void refuse_text(Document& doc, const pugi::xml_node& holder, const pugi::xml_node& text_node);
  std::optional<ReadResult> check_attribute_text(Span raw) const;
  std::optional<ReadResult> add_section(Document& doc, const pugi::xml_node& node);
  std::optional<ReadResult> add_entry(Document& doc, const pugi::xml_node& node);
  std::optional<ReadResult> add_removal(Document& doc, const pugi::xml_node& node);
  void refuse(Document& doc, std::size_t offset, std::string message);
  void check_no_content(Document& doc, const pugi::xml_node& node);
  std::expected<bool, ReadResult> check_attributes(Document& doc, const pugi::xml_node& node,
                                                   std::initializer_list<std::string_view> own);
  void check_external_root(Document& doc, const pugi::xml_node& root);

  std::filesystem::path path_;
  SourceText text_;
  std::string buffer_;  // pugixml parses and decodes this copy in place
  PositionCursor cursor_;  // entries come in document order
  bool has_doctype_ = false;
  const char* product_ = "the product";  // who refuses the file: "the server", "the web client", "the AOS"
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

// What pugixml lets through and .NET's XML reader refuses, in every element's attributes: a name
// twice, a raw '<', an '&' that starts no known reference.
// Every element outside the sections (add_section checks their children as it reads them).
std::optional<ReadResult> XmlRead::check_attributes_well_formed(const pugi::xml_document& doc,
                                                                const std::vector<pugi::xml_node>& sections) const {
  std::vector<pugi::xml_node> pending{doc.document_element()};
  while (!pending.empty()) {
    const pugi::xml_node node = pending.back();
    pending.pop_back();
    if (auto error = check_element_attributes(node)) return error;
    if (std::ranges::find(sections, node) != sections.end()) continue;
    for (pugi::xml_node child = node.last_child(); child; child = child.previous_sibling())
      if (child.type() == pugi::node_element) pending.push_back(child);
  }
  return std::nullopt;
}

// What pugixml lets through and .NET's XML reader refuses in an element's attributes: a name
// twice, a raw '<', an '&' that starts no known reference.
std::optional<ReadResult> XmlRead::check_element_attributes(const pugi::xml_node& node) const {
  for (pugi::xml_attribute attr = node.first_attribute(); attr; attr = attr.next_attribute())
    if (auto error = check_attribute(node, attr)) return error;
  return std::nullopt;
}

// One attribute of `node`, against those before it and for its raw text.
std::optional<ReadResult> XmlRead::check_attribute(const pugi::xml_node& node, const pugi::xml_attribute& attr) const {
  for (pugi::xml_attribute earlier = node.first_attribute(); earlier != attr; earlier = earlier.next_attribute())
    if (std::strcmp(earlier.name(), attr.name()) == 0)
      return fail(ReadErrorKind::malformed, offset_of(attr.name()).value_or(0),
                  fmt::format("malformed XML: attribute {} appears twice in <{}>", attr.name(), node.name()));
  // The decoded value holds a '&' or '<' whenever the raw one has a reference or a '<': only then
  // are the raw bytes read (most values have neither).
  if (std::strpbrk(attr.value(), "&<") == nullptr) return std::nullopt;
  const auto lt = element_offset(node);
  const auto raw = lt ? value_span(attr, *lt) : std::nullopt;
  if (!raw) return std::nullopt;  // where pugixml's pointers are not into the text, nothing can be placed
  return check_attribute_text(*raw);
}

// A raw '<', or an '&' that is no reference .NET reads without a DTD.
std::optional<ReadResult> XmlRead::check_attribute_text(Span raw) const {
  const std::string_view value = text_.view(raw);
  for (std::size_t i = 0; i < value.size(); ++i) {
    if (value[i] == '<')
      return fail(ReadErrorKind::malformed, raw.offset + i, "malformed XML: '<' in an attribute value: write it as &lt;");
    if (value[i] != '&') continue;
    std::string_view entity;
    switch (reference_at(value, i, &entity)) {
      case Reference::valid: break;
      case Reference::none:
        return fail(ReadErrorKind::malformed, raw.offset + i,
                    "malformed XML: '&' that starts no reference (&amp; &lt; &gt; &quot; &apos; &#N;): write it as "
                    "&amp;");
      case Reference::other_entity:
        return fail(ReadErrorKind::malformed, raw.offset + i,
                    has_doctype_ ? fmt::format("entity reference &{};: sessiontool expands no entity a DTD declares (an "
                                               "entity bomb would exhaust memory); write the text itself",
                                               entity)
                                 : fmt::format("malformed XML: reference to undeclared entity &{}; (only &amp; &lt; &gt; "
                                               "&quot; &apos; and &#N; need no DTD): write the character itself",
                                               entity));
    }
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

  // ASP.NET protected configuration: the entries are inside <EncryptedData>, unreadable here.
  if (const pugi::xml_attribute provider = node.attribute("configProtectionProvider")) {
    doc.encrypted = Document::Encryption{cursor_.at(*lt), provider.value()};
    return std::nullopt;
  }
  // What System.Configuration's appSettings reader (ConfigurationElementCollection,
  // AddRemoveClearMap) does with each child, in order; what it throws for, the product refuses.
  for (const pugi::xml_node& child : node.children()) {
    if (child.type() == pugi::node_pcdata || child.type() == pugi::node_cdata) {
      refuse_text(doc, node, child);
      continue;
    }
    if (child.type() != pugi::node_element) continue;
    const std::string_view name = child.name();
    std::optional<ReadResult> error;
    if (name == "add" || name == "remove" || name == "clear") {
      check_no_content(doc, child);
      error = name == "add" ? add_entry(doc, child) : add_removal(doc, child);
    } else {
      error = check_element_attributes(child);
      if (!error)
        refuse(doc, element_offset(child).value_or(*lt),
               fmt::format("<{}> inside <{}>: {} stops with \"Unrecognized element '{}'.\" (only <add>, "
                           "<remove> and <clear/> are allowed, in lower case)",
                           name, node.name(), product_, name));
    }
    if (error) return error;
  }
  return std::nullopt;
}

// <add>, <remove> and <clear/> hold nothing: an element inside is unrecognised, text is refused.
void XmlRead::check_no_content(Document& doc, const pugi::xml_node& node) {
  for (const pugi::xml_node& inner : node.children()) {
    if (inner.type() == pugi::node_element) {
      refuse(doc, element_offset(inner).value_or(element_offset(node).value_or(0)),
             fmt::format("<{}> inside <{}>: {} stops with \"Unrecognized element '{}'.\"", inner.name(),
                         node.name(), product_, inner.name()));
    } else if (inner.type() == pugi::node_pcdata || inner.type() == pugi::node_cdata) {
      refuse_text(doc, node, inner);
    }
  }
}

// Text (or CDATA) in `holder`, unless blank: "The configuration section cannot contain a CDATA or
// text element."
void XmlRead::refuse_text(Document& doc, const pugi::xml_node& holder, const pugi::xml_node& text_node) {
  if (std::string_view(text_node.value()).find_first_not_of(" \t\r\n") == std::string_view::npos) return;
  // At its first character: the raw bytes, since pugixml has made "\r\n" one byte in place.
  std::size_t at = offset_of(text_node.value()).value_or(element_offset(holder).value_or(0));
  while (at < text().size() && is_xml_space(text()[at])) ++at;
  refuse(doc, at, fmt::format("text inside <{}>: {} stops with \"The configuration section cannot contain a CDATA "
                              "or text element.\"; delete it or make it a comment",
                              holder.name(), product_));
}

void XmlRead::refuse(Document& doc, std::size_t offset, std::string message) {
  const Position pos = text_.position(offset);
  doc.refusals.push_back({Refusal::Kind::structure, pos, pos, std::move(message)});
}

// The attributes of <add>, <remove> and <clear/>, in one pass: a malformed one stops the read
// (check_attribute_text); one that is neither the element's own nor a lock attribute is refused
// ("Unrecognized attribute 'x'. Note that attribute names are case-sensitive."). False when one was.
std::expected<bool, ReadResult> XmlRead::check_attributes(Document& doc, const pugi::xml_node& node,
                                                          std::initializer_list<std::string_view> own) {
  bool ok = true;
  for (pugi::xml_attribute attr = node.first_attribute(); attr; attr = attr.next_attribute()) {
    if (auto error = check_attribute(node, attr)) return std::unexpected(std::move(*error));
    const char* name = attr.name();
    const auto is = [name](std::string_view known) {
      return std::strncmp(name, known.data(), known.size()) == 0 && name[known.size()] == '\0';
    };
    if (std::ranges::any_of(own, is) || std::ranges::any_of(kLockAttributes, is)) continue;
    const std::size_t at = offset_of(name).value_or(element_offset(node).value_or(0));
    refuse(doc, at, fmt::format("attribute {} on <{}>: {} stops with \"Unrecognized attribute '{}'. Note "
                                "that attribute names are case-sensitive.\"",
                                name, node.name(), product_, name));
    ok = false;
  }
  return ok;
}

// <remove key="K"/> or <clear/>.
std::optional<ReadResult> XmlRead::add_removal(Document& doc, const pugi::xml_node& node) {
  const bool clear = std::string_view(node.name()) == "clear";
  const auto lt = element_offset(node);
  const auto tag = lt ? start_tag(node, *lt) : std::nullopt;
  const auto end = tag ? element_end(text(), *tag) : std::nullopt;
  if (!end) return fail(ReadErrorKind::malformed, lt.value_or(0), fmt::format("cannot locate <{}> in the text", node.name()));
  const auto attributes_ok =
      check_attributes(doc, node, clear ? std::initializer_list<std::string_view>{} : std::initializer_list<std::string_view>{"key"});
  if (!attributes_ok) return std::move(attributes_ok.error());
  if (!*attributes_ok) return std::nullopt;
  const pugi::xml_attribute key = node.attribute("key");
  if (!clear && !key) {
    refuse(doc, *lt, fmt::format("<remove> without a key attribute: {} stops with \"Required attribute 'key' not "
                                 "found.\"",
                                 product_));
    return std::nullopt;
  }
  doc.removals.push_back(Removal{.key = clear ? "" : key.value(), .clear = clear, .element = Span{*lt, *end - *lt},
                                 .pos = cursor_.at(*lt), .section = doc.sections.size() - 1,
                                 .before = doc.entries.size()});
  return std::nullopt;
}

// A CustomSettings.config is the external file of the server's <appSettings file="...">, which
// AppSettingsSection.DeserializeElement reads more strictly than a section in place: its root
// may have no attributes, and only comments may follow it.
void XmlRead::check_external_root(Document& doc, const pugi::xml_node& root) {
  if (const pugi::xml_attribute attr = root.first_attribute()) {
    refuse(doc, offset_of(attr.name()).value_or(0),
           fmt::format("attribute {} on the root <{}>: the server reads this file as the external file of its "
                       "<appSettings file=\"...\">, whose root may have no attributes, and stops with "
                       "\"Unrecognized attribute '{}'.\"; delete the attribute",
                       attr.name(), root.name(), attr.name()));
  }
  // The root is the file's one section, whose end add_section has found: past `/>`, or past the
  // '>' of the end tag that starts at body_end.
  if (doc.sections.size() != 1) return;
  const Section& section = doc.sections.front();
  std::size_t end = section.self_closing_tag ? section.self_closing_tag->end() : text().find('>', section.body_end);
  if (end == std::string_view::npos) return;
  if (!section.self_closing_tag) ++end;
  for (std::size_t i = end; i < text().size();) {
    if (is_xml_space(text()[i])) {
      ++i;
    } else if (text().substr(i).starts_with("<!--")) {
      const std::size_t close = text().find("-->", i + 4);
      i = close == std::string_view::npos ? text().size() : close + 3;
    } else {
      refuse(doc, i, fmt::format("content after </{}>: the server reads this file as the external file of its "
                                 "<appSettings file=\"...\">, after whose root only comments may follow; delete it",
                                 root.name()));
      return;
    }
  }
}

// One <add key=".." value=".."/>. An <add> without a key is refused by the product and is no
// entry; one without a value reads as "" (as .NET does) with has_value false.
std::optional<ReadResult> XmlRead::add_entry(Document& doc, const pugi::xml_node& node) {
  const pugi::xml_attribute key = node.attribute("key");
  const auto attributes_ok = check_attributes(doc, node, {"key", "value"});
  if (!attributes_ok) return std::move(attributes_ok.error());
  if (!key) {
    if (*attributes_ok)
      refuse(doc, element_offset(node).value_or(0),
             fmt::format("<add> without a key attribute: {} stops with \"Required attribute 'key' not found.\"",
                         product_));
    return std::nullopt;
  }
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

// An F&O web.config whose appSettings are encrypted shows none of its keys: it is known by
// where it lives (AOSService\webroot) or by naming the AX framework elsewhere in the file.
bool is_encrypted_aos(const std::vector<pugi::xml_node>& sections, const std::filesystem::path& path,
                      std::string_view text) {
  const bool encrypted = std::ranges::any_of(
      sections, [](const pugi::xml_node& s) { return static_cast<bool>(s.attribute("configProtectionProvider")); });
  if (!encrypted) return false;
  for (const auto& part : std::filesystem::absolute(path))
    if (equals_ignoring_case(utf8_text(part), "AOSService")) return true;
  return text.find("Microsoft.Dynamics.AX") != std::string_view::npos;
}

std::optional<FileKind> detect_kind(const pugi::xml_node& root, const std::filesystem::path& path,
                                    std::string_view text) {
  if (root.name() == kServerSection) return FileKind::server;
  if (root.name() != kConfigurationRoot) return std::nullopt;
  if (!section_nodes(root, FileKind::web).empty()) return FileKind::web;
  const auto app_settings = section_nodes(root, FileKind::aos);
  if (has_aos_keys(app_settings) || is_encrypted_aos(app_settings, path, text)) return FileKind::aos;
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
      xml.load_buffer_inplace(buffer_.data(), buffer_.size(), kParseOptions, pugi::encoding_utf8);
  if (!parsed) return fail_parse(parsed);
  if (auto error = check_top_level(xml)) return std::move(*error);
  has_doctype_ = text().find("<!DOCTYPE") < element_offset(xml.document_element()).value_or(text().size());

  const pugi::xml_node root = xml.document_element();
  const std::optional<FileKind> kind = forced ? forced : detect_kind(root, path_, text());
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
  if (auto error = check_attributes_well_formed(xml, nodes)) return std::move(*error);
  if (nodes.empty()) {
    const std::string_view wanted = *kind == FileKind::web ? kNavWebSection : kServerSection;
    return fail(ReadErrorKind::unrecognized, root_offset,
                "not a " + std::string(to_string(*kind)) + " configuration file: it has no <" +
                    std::string(wanted) + "> element");
  }

  product_ = *kind == FileKind::server ? "the server" : *kind == FileKind::web ? "the web client" : "the AOS";
  Document doc;
  doc.path = path_;
  doc.kind = *kind;
  doc.format = FileFormat::xml;
  // An <add> line with its comment runs to about 300 bytes: room for them all, moved once.
  doc.entries.reserve(text().size() / 256);
  for (const pugi::xml_node& node : nodes)
    if (auto error = add_section(doc, node)) return std::move(*error);
  if (root.name() == kServerSection) {
    check_external_root(doc, root);
  } else if (*kind == FileKind::server) {
    refuse(doc, root_offset,
           fmt::format("the root is <{}>: the server reads CustomSettings.config as the external file of its "
                       "<appSettings file=\"...\">, whose root must be <appSettings>",
                       root.name()));
  }
  std::ranges::stable_sort(doc.refusals, {}, [](const Refusal& r) { return std::pair(r.start.line, r.start.column); });
  doc.anchor = anchor_of(text_, doc.sections);
  doc.source = std::move(text_);
  return {std::move(doc), std::nullopt};
}

}  // namespace

ReadResult read_xml(const std::filesystem::path& path, std::string bytes, std::optional<FileKind> forced) {
  return XmlRead(path, std::move(bytes)).run(forced);
}

}  // namespace sessiontool

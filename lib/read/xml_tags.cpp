#include "read/xml_tags.hpp"

#include "read/reader.hpp"

namespace sessiontool {
namespace xml_tags {

namespace {

bool is_name_char(char c) {
  return !is_xml_space(c) && c != '=' && c != '/' && c != '>' && c != '<' && c != '"' && c != '\'';
}

}  // namespace

bool is_xml_space(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

std::optional<ScannedTag> scan_start_tag(std::string_view text, std::size_t lt,
                                         std::vector<ScannedAttribute>* attributes) {
  const std::size_t n = text.size();
  if (lt >= n || text[lt] != '<') return std::nullopt;
  std::size_t i = lt + 1;
  while (i < n && is_name_char(text[i])) ++i;
  if (i == lt + 1) return std::nullopt;
  ScannedTag tag;
  for (;;) {
    while (i < n && is_xml_space(text[i])) ++i;
    if (i >= n) return std::nullopt;
    if (text[i] == '>') {
      tag.end = i + 1;
      return tag;
    }
    if (text[i] == '/') {
      if (i + 1 >= n || text[i + 1] != '>') return std::nullopt;
      tag.end = i + 2;
      tag.self_closing = true;
      return tag;
    }
    const std::size_t name_begin = i;
    while (i < n && is_name_char(text[i])) ++i;
    if (i == name_begin) return std::nullopt;
    const std::string_view name = text.substr(name_begin, i - name_begin);
    while (i < n && is_xml_space(text[i])) ++i;
    if (i >= n || text[i] != '=') return std::nullopt;
    ++i;
    while (i < n && is_xml_space(text[i])) ++i;
    if (i >= n || (text[i] != '"' && text[i] != '\'')) return std::nullopt;
    const std::size_t close = text.find(text[i], i + 1);
    if (close == std::string_view::npos) return std::nullopt;
    if (attributes) attributes->push_back({name, {i + 1, close - i - 1}});
    i = close + 1;
  }
}

std::optional<std::size_t> scan_end_tag(std::string_view text, std::size_t from) {
  int depth = 0;
  std::size_t i = text.find('<', from);
  while (i != std::string_view::npos) {
    const std::string_view rest = text.substr(i);
    std::size_t next = std::string_view::npos;
    if (rest.starts_with("<!--")) {
      next = text.find("-->", i + 4);
      if (next != std::string_view::npos) next += 3;
    } else if (rest.starts_with("<![CDATA[")) {
      next = text.find("]]>", i + 9);
      if (next != std::string_view::npos) next += 3;
    } else if (rest.starts_with("<?")) {
      next = text.find("?>", i + 2);
      if (next != std::string_view::npos) next += 2;
    } else if (rest.starts_with("</")) {
      if (depth == 0) return i;
      --depth;
      next = text.find('>', i);
      if (next != std::string_view::npos) next += 1;
    } else if (auto tag = scan_start_tag(text, i)) {
      if (!tag->self_closing) ++depth;
      next = tag->end;
    }
    if (next == std::string_view::npos) return std::nullopt;
    i = text.find('<', next);
  }
  return std::nullopt;
}

std::optional<std::size_t> element_end(std::string_view text, const ScannedTag& tag) {
  if (tag.self_closing) return tag.end;
  const auto close = scan_end_tag(text, tag.end);
  if (!close) return std::nullopt;
  const std::size_t gt = text.find('>', *close);
  if (gt == std::string_view::npos) return std::nullopt;
  return gt + 1;
}

}  // namespace xml_tags

namespace detail {

using namespace xml_tags;

std::optional<Span> scan_attribute_value(std::string_view text, std::size_t tag_begin, std::string_view name) {
  std::vector<ScannedAttribute> attributes;
  if (scan_start_tag(text, tag_begin, &attributes))
    for (const ScannedAttribute& attribute : attributes)
      if (attribute.name == name) return attribute.value;
  return std::nullopt;
}

}  // namespace detail

}  // namespace sessiontool

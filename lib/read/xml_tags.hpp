#pragma once
// Walking start and end tags in the raw bytes of XML that pugixml has accepted: pugixml's tree
// says where names and values are, not where an element or a section ends, nor how a tag was
// written; the XML reader finds that here. Every walk stays in bounds whatever the bytes are.

#include <cstddef>
#include <optional>
#include <string_view>
#include <vector>

#include "text/source_text.hpp"

namespace sessiontool::xml_tags {

bool is_xml_space(char c);

struct ScannedAttribute {
  std::string_view name;
  Span value;  // raw bytes between the quotes
};

struct ScannedTag {
  std::size_t end = 0;  // just past '>' or '/>'
  bool self_closing = false;
};

// The start tag whose '<' is at `lt`, collecting its attributes when asked (only a fallback
// needs them: the common path allocates nothing per tag); nullopt when the bytes there are not
// a start tag.
std::optional<ScannedTag> scan_start_tag(std::string_view text, std::size_t lt,
                                         std::vector<ScannedAttribute>* attributes = nullptr);

// Offset of the '<' of the end tag closing the element whose start tag ends at `from`,
// stepping over comments, CDATA, processing instructions and nested elements.
std::optional<std::size_t> scan_end_tag(std::string_view text, std::size_t from);

// Where an element ends: past its '/>' or its end tag's '>'.
std::optional<std::size_t> element_end(std::string_view text, const ScannedTag& tag);

}  // namespace sessiontool::xml_tags

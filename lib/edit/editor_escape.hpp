#pragma once
// Escaping for a value written between quotes, as the editor writes entries: XML attribute text
// for the given quote character, and JSON string contents.

#include <string>
#include <string_view>

namespace sessiontool {

std::string escape_xml_attribute(std::string_view text, char quote);
std::string escape_json_string(std::string_view text);

}  // namespace sessiontool

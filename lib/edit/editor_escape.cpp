#include "edit/editor_escape.hpp"

#include <fmt/format.h>

namespace sessiontool {

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

}  // namespace sessiontool

#pragma once
// JSON parsed with the byte offset of every member and array item, so an error about a value
// can name its line (nlohmann/json keeps no positions in its DOM).

#include <cstddef>
#include <expected>
#include <map>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

namespace sessiontool {

struct LocatedJson {
  nlohmann::json value;
  // JSON pointer ("/policy/max_inactivity", "/disable/0") -> offset of its key, or of the item
  // itself in an array. The root is "".
  std::map<std::string, std::size_t> offsets;
};

struct JsonSyntaxError {
  std::size_t offset = 0;  // where the parser stopped
  std::string message;     // "syntax error while parsing object - unexpected '}'"
};

// Strict JSON (no comments). A repeated key in one object is an error: the file would say two
// things.
std::expected<LocatedJson, JsonSyntaxError> parse_located_json(std::string_view text);

}  // namespace sessiontool

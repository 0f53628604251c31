#pragma once
// A strict RFC 8259 JSON scanner that remembers where every object member's bytes are.
// nlohmann/json gives no byte offsets, and `set` splices at them, so navsettings.json is read
// with this instead. It validates the whole text and keeps only what the readers need.

#include <cstddef>
#include <expected>
#include <string>
#include <string_view>
#include <vector>

#include "source_text.hpp"

namespace sessiontool {

enum class JsonKind { object, array, string, number, literal };

// One `"key": value` member of an object, or one element of an array, anywhere in the document.
struct JsonMember {
  std::string key;          // decoded
  Span key_span;            // raw bytes between the key's quotes
  JsonKind kind = JsonKind::literal;
  std::string value;        // scalars: the decoded string, or the token text; empty otherwise
  // string: raw bytes between the quotes; number/true/false/null: the token;
  // object/array: from '{' or '[' to '}' or ']' inclusive.
  Span value_span;
  std::size_t container = 0;  // offset of the '{' (or '[') that holds the member
  std::size_t depth = 1;      // 1 for members of the root object
  // An array's element: it has no key (key_span is empty, where the element begins) and is the
  // index-th of its array.
  bool element = false;
  std::size_t index = 0;
};

struct JsonError {
  std::size_t offset = 0;  // the offending byte (text.size() for an early end)
  std::string message;
};

// Deeper nesting is refused: the scanner recurses once per level.
inline constexpr std::size_t k_json_max_depth = 256;

// Scans a whole document whose root must be an object (a UTF-8 BOM is skipped). Members and
// elements come in document order, each one before the members of its own value.
std::expected<std::vector<JsonMember>, JsonError> scan_json_object(std::string_view text);

}  // namespace sessiontool

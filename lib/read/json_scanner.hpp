#pragma once
// A JSON scanner that remembers where every object member's bytes are. nlohmann/json gives no
// byte offsets, and `set` splices at them, so navsettings.json is read with this instead. It
// validates the whole text and keeps only what the readers need. Strict RFC 8259 by default;
// kConfigurationJson is the dialect .NET's JSON configuration reader accepts.

#include <cstddef>
#include <expected>
#include <string>
#include <string_view>
#include <vector>

#include "text/source_text.hpp"

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
  // The member whose value holds this one (an index into the scan's result), kNoParent for the
  // root object's members.
  std::size_t parent = kNoParent;
  static constexpr std::size_t kNoParent = static_cast<std::size_t>(-1);
};

struct JsonError {
  std::size_t offset = 0;  // the offending byte (text.size() for an early end)
  std::string message;
};

// Deeper nesting is refused: the scanner recurses once per level.
inline constexpr std::size_t k_json_max_depth = 256;

// What a JSON text may hold beyond RFC 8259.
struct JsonDialect {
  bool comments = false;         // `//` to the end of the line and `/* */`
  bool trailing_commas = false;  // one ',' before '}' or ']'
  std::size_t max_depth = k_json_max_depth;  // objects and arrays nested, the root included
};

// What Microsoft.Extensions.Configuration.Json reads navsettings.json with (dotnet/runtime
// JsonConfigurationFileParser.cs: JsonDocumentOptions{CommentHandling = Skip,
// AllowTrailingCommas = true}, and MaxDepth's default of 64 from JsonReaderOptions). As in
// System.Text.Json's Utf8JsonReader: a comment may stand wherever white space may, except
// between a member's name and its ':'; a `//` comment ends at '\n' or '\r' and may not hold
// U+2028 or U+2029; a `/*` comment must be closed.
inline constexpr JsonDialect kConfigurationJson{.comments = true, .trailing_commas = true, .max_depth = 64};

// Scans a whole document whose root must be an object (a UTF-8 BOM is skipped). Members and
// elements come in document order, each one before the members of its own value.
std::expected<std::vector<JsonMember>, JsonError> scan_json_object(std::string_view text, JsonDialect dialect = {});
// The same for a root that may also be an array (`docker inspect` prints one): its elements are
// members with no parent, at depth 1.
std::expected<std::vector<JsonMember>, JsonError> scan_json(std::string_view text, JsonDialect dialect = {});

}  // namespace sessiontool

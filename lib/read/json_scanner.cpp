#include "read/json_scanner.hpp"

#include <cstdint>
#include <optional>
#include <utility>

#include "text/utf8.hpp"

namespace sessiontool {
namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_word_char(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || is_digit(c) || c == '_'; }

std::optional<std::uint32_t> hex4(std::string_view text, std::size_t at) {
  if (at + 4 > text.size()) return std::nullopt;
  std::uint32_t value = 0;
  for (char c : text.substr(at, 4)) {
    value <<= 4;
    if (is_digit(c)) value |= static_cast<std::uint32_t>(c - '0');
    else if (c >= 'a' && c <= 'f') value |= static_cast<std::uint32_t>(c - 'a' + 10);
    else if (c >= 'A' && c <= 'F') value |= static_cast<std::uint32_t>(c - 'A' + 10);
    else return std::nullopt;
  }
  return value;
}

void append_utf8(std::string& out, std::uint32_t cp) {
  if (cp < 0x80) {
    out.push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out.push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

struct Value {
  JsonKind kind = JsonKind::literal;
  Span span;
  std::string text;
};

class Scanner {
 public:
  Scanner(std::string_view text, JsonDialect dialect) : text_(text), dialect_(dialect) {}

  // `root_array`: the root may be an array too (its elements are members with no parent).
  std::expected<std::vector<JsonMember>, JsonError> run(bool root_array = false) {
    if (text_.starts_with("\xEF\xBB\xBF")) pos_ = 3;
    if (!skip_trivia()) return std::unexpected(std::move(*error_));
    if (at_end()) return std::unexpected(JsonError{pos_, "the file is empty: expected a JSON object '{'"});
    const bool array_root = root_array && peek() == '[';
    if (peek() != '{' && !array_root) {
      unexpected(root_array ? "'{' or '[': the root must be a JSON object or array" : "'{': the root must be a JSON object");
      return std::unexpected(std::move(*error_));
    }
    if (!(array_root ? array(1, JsonMember::kNoParent) : object(1, JsonMember::kNoParent)) || !skip_trivia())
      return std::unexpected(std::move(*error_));
    if (!at_end()) return std::unexpected(JsonError{
          pos_, array_root ? "unexpected text after the end of the root array" : "unexpected text after the end of the root object"});
    return std::move(members_);
  }

 private:
  bool at_end() const { return pos_ >= text_.size(); }
  char peek() const { return at_end() ? '\0' : text_[pos_]; }

  void skip_whitespace() {
    while (!at_end() && (peek() == ' ' || peek() == '\t' || peek() == '\n' || peek() == '\r')) ++pos_;
  }

  // White space, and comments where the dialect allows them. False (error_ set) for a comment
  // the runtime refuses.
  bool skip_trivia() {
    for (;;) {
      skip_whitespace();
      if (!dialect_.comments || peek() != '/' || pos_ + 1 >= text_.size()) return true;
      const char kind = text_[pos_ + 1];
      if (kind == '/') {
        pos_ += 2;
        while (!at_end() && peek() != '\n' && peek() != '\r') {
          // U+2028 and U+2029 (E2 80 A8/A9): Utf8JsonReader's ThrowOnDangerousLineSeparator.
          if (text_.substr(pos_, 3) == "\xE2\x80\xA8" || text_.substr(pos_, 3) == "\xE2\x80\xA9")
            return fail(pos_, "a // comment holds a U+2028 or U+2029 line separator, which .NET's JSON reader "
                              "refuses: delete the character");
          ++pos_;
        }
      } else if (kind == '*') {
        const std::size_t close = text_.find("*/", pos_ + 2);
        if (close == std::string_view::npos) return fail(pos_, "comment is not closed by */");
        pos_ = close + 2;
      } else {
        return true;
      }
    }
  }

  bool fail(std::size_t offset, std::string message) {
    error_ = JsonError{offset, std::move(message)};
    return false;
  }

  // Fails at pos_ saying what was expected, and naming the usual hand-editing slips.
  bool unexpected(std::string_view expected) {
    if (at_end()) return fail(pos_, "unexpected end of file: expected " + std::string(expected));
    if (peek() == '/' && !dialect_.comments) return fail(pos_, "comments are not allowed in JSON");
    if (peek() == '/') return fail(pos_, "'/' does not start a comment (// or /*): expected " + std::string(expected));
    if (peek() == '\'') return fail(pos_, "strings need double quotes, not single quotes");
    return fail(pos_, "expected " + std::string(expected));
  }

  // pos_ is at '{'. Records each member before scanning its value, so parents come first.
  bool object(std::size_t depth, std::size_t parent) {
    const std::size_t open = pos_;
    if (depth > dialect_.max_depth) return fail(open, depth_message());
    ++pos_;
    if (!skip_trivia()) return false;
    if (peek() == '}') return ++pos_, true;
    if (peek() != '"') return unexpected("a member name in double quotes, or '}'");
    for (;;) {
      const std::size_t index = members_.size();
      members_.emplace_back();
      std::string key;
      const std::size_t key_begin = pos_ + 1;
      if (!string(key)) return false;
      const Span key_span{key_begin, pos_ - 1 - key_begin};
      skip_whitespace();
      if (peek() == '/' && dialect_.comments)
        return fail(pos_, "a comment cannot stand between a member's name and its ':' (.NET's JSON reader refuses "
                          "it): move it after the value");
      if (peek() != ':') return unexpected("':' after member name");
      ++pos_;
      if (!skip_trivia()) return false;
      Value value;
      if (!scan_value(depth + 1, index, value)) return false;
      members_[index] = JsonMember{std::move(key), key_span, value.kind, std::move(value.text), value.span, open, depth};
      members_[index].parent = parent;
      if (!skip_trivia()) return false;
      if (peek() == '}') return ++pos_, true;
      if (peek() == '"') return fail(pos_, "missing ',' before this member");
      if (peek() != ',') return unexpected("',' or '}' after member");
      const std::size_t comma = pos_++;
      if (!skip_trivia()) return false;
      if (peek() == '}') {
        if (dialect_.trailing_commas) return ++pos_, true;
        return fail(comma, "trailing comma before '}'");
      }
      if (peek() != '"') return unexpected("a member name in double quotes");
    }
  }

  // pos_ is at '['.
  bool array(std::size_t depth, std::size_t parent) {
    if (depth > dialect_.max_depth) return fail(pos_, depth_message());
    const std::size_t open = pos_;
    ++pos_;
    if (!skip_trivia()) return false;
    if (peek() == ']') return ++pos_, true;
    for (std::size_t n = 0;; ++n) {
      const std::size_t index = members_.size();
      members_.emplace_back();
      const std::size_t begin = pos_;
      Value element;
      if (!scan_value(depth + 1, index, element)) return false;
      members_[index] = JsonMember{.key_span = {begin, 0}, .kind = element.kind, .value = std::move(element.text),
                                   .value_span = element.span, .container = open, .depth = depth,
                                   .element = true, .index = n, .parent = parent};
      if (!skip_trivia()) return false;
      if (peek() == ']') return ++pos_, true;
      if (peek() != ',' && !at_end() && peek() != '}' && peek() != '/')
        return fail(pos_, "missing ',' before this array element");
      if (peek() != ',') return unexpected("',' or ']' after array element");
      const std::size_t comma = pos_++;
      if (!skip_trivia()) return false;
      if (peek() == ']') {
        if (dialect_.trailing_commas) return ++pos_, true;
        return fail(comma, "trailing comma before ']'");
      }
    }
  }

  std::string depth_message() const {
    return "nesting deeper than " + std::to_string(dialect_.max_depth) + " levels" +
           (dialect_.max_depth < k_json_max_depth ? " (.NET's JSON reader refuses it)" : "");
  }

  // `depth` is the level a container opened here would have.
  // `self` is the member whose value this is.
  bool scan_value(std::size_t depth, std::size_t self, Value& out) {
    const std::size_t begin = pos_;
    const char c = peek();
    if (!at_end() && c == '{') {
      out.kind = JsonKind::object;
      if (!object(depth, self)) return false;
      out.span = {begin, pos_ - begin};
    } else if (!at_end() && c == '[') {
      out.kind = JsonKind::array;
      if (!array(depth, self)) return false;
      out.span = {begin, pos_ - begin};
    } else if (!at_end() && c == '"') {
      out.kind = JsonKind::string;
      if (!string(out.text)) return false;
      out.span = {begin + 1, pos_ - begin - 2};
    } else if (c == '-' || is_digit(c)) {
      out.kind = JsonKind::number;
      if (!number()) return false;
      out.span = {begin, pos_ - begin};
      out.text = text_.substr(begin, pos_ - begin);
    } else if (is_word_char(c)) {
      out.kind = JsonKind::literal;
      while (is_word_char(peek())) ++pos_;
      const std::string_view word = text_.substr(begin, pos_ - begin);
      if (word != "true" && word != "false" && word != "null") {
        const std::string shown(word.substr(0, 40));
        return fail(begin, "invalid value '" + shown + (word.size() > 40 ? "...'" : "'") +
                               ": text must be a string in double quotes (true, false and null are lower case)");
      }
      out.span = {begin, pos_ - begin};
      out.text = word;
    } else {
      return unexpected("a value");
    }
    return true;
  }

  // RFC 8259 number grammar; the caller checks what follows.
  bool number() {
    if (peek() == '-') ++pos_;
    if (peek() == '0') {
      ++pos_;
      if (is_digit(peek())) return fail(pos_, "invalid number: leading zeros are not allowed");
    } else if (is_digit(peek())) {
      while (is_digit(peek())) ++pos_;
    } else {
      return fail(pos_, "invalid number: expected a digit");
    }
    if (peek() == '.') {
      ++pos_;
      if (!is_digit(peek())) return fail(pos_, "invalid number: expected a digit after '.'");
      while (is_digit(peek())) ++pos_;
    }
    if (peek() == 'e' || peek() == 'E') {
      ++pos_;
      if (peek() == '+' || peek() == '-') ++pos_;
      if (!is_digit(peek())) return fail(pos_, "invalid number: expected a digit in the exponent");
      while (is_digit(peek())) ++pos_;
    }
    return true;
  }

  // pos_ is at the opening quote; leaves pos_ just past the closing one.
  bool string(std::string& out) {
    const std::size_t open = pos_++;
    for (;;) {
      // Plain ASCII runs are copied whole: most strings are nothing else.
      const std::size_t run = pos_;
      while (pos_ < text_.size()) {
        const auto c = static_cast<unsigned char>(text_[pos_]);
        if (c < 0x20 || c >= 0x80 || c == '"' || c == '\\') break;
        ++pos_;
      }
      out.append(text_.substr(run, pos_ - run));
      if (at_end()) return fail(open, "unterminated string");
      const auto c = static_cast<unsigned char>(text_[pos_]);
      if (c == '"') return ++pos_, true;
      if (c == '\\') {
        if (!escape(open, out)) return false;
      } else if (c == '\n' || c == '\r') {
        // Pointing at the line's end shows where the closing quote is missing.
        return fail(pos_, "unterminated string: line break before the closing quote");
      } else if (c < 0x20) {
        return fail(pos_, "control character in string: write it as an escape such as \\t");
      } else if (c < 0x80) {
        out.push_back(static_cast<char>(c));
        ++pos_;
      } else {
        const std::size_t length = utf8_sequence_length(text_, pos_);
        if (length == 0) return fail(pos_, "invalid UTF-8 in string: save the file as UTF-8");
        out.append(text_.substr(pos_, length));
        pos_ += length;
      }
    }
  }

  // pos_ is at a backslash inside the string opened at `open`.
  bool escape(std::size_t open, std::string& out) {
    const std::size_t at = pos_;
    if (at + 1 >= text_.size()) return fail(open, "unterminated string");
    const char c = text_[at + 1];
    pos_ += 2;
    switch (c) {
      case '"': out.push_back('"'); return true;
      case '\\': out.push_back('\\'); return true;
      case '/': out.push_back('/'); return true;
      case 'b': out.push_back('\b'); return true;
      case 'f': out.push_back('\f'); return true;
      case 'n': out.push_back('\n'); return true;
      case 'r': out.push_back('\r'); return true;
      case 't': out.push_back('\t'); return true;
      case 'u': break;
      default:
        if (c > 0x20 && c < 0x7F) return fail(at, std::string("invalid escape '\\") + c + "' in string");
        return fail(at, "invalid escape in string");
    }
    const std::optional<std::uint32_t> unit = hex4(text_, pos_);
    if (!unit) return fail(at, "invalid \\u escape: expected four hex digits");
    pos_ += 4;
    std::uint32_t cp = *unit;
    // Characters past U+FFFF arrive as a surrogate pair: \uD83D\uDE00.
    if (cp >= 0xDC00 && cp <= 0xDFFF) return fail(at, "unpaired surrogate in \\u escape");
    if (cp >= 0xD800 && cp <= 0xDBFF) {
      const std::optional<std::uint32_t> low = text_.substr(pos_, 2) == "\\u" ? hex4(text_, pos_ + 2) : std::nullopt;
      if (!low || *low < 0xDC00 || *low > 0xDFFF) return fail(at, "unpaired surrogate in \\u escape");
      cp = 0x10000 + ((cp - 0xD800) << 10) + (*low - 0xDC00);
      pos_ += 6;
    }
    append_utf8(out, cp);
    return true;
  }

  std::string_view text_;
  JsonDialect dialect_;
  std::size_t pos_ = 0;
  std::vector<JsonMember> members_;
  std::optional<JsonError> error_;
};

}  // namespace

std::expected<std::vector<JsonMember>, JsonError> scan_json_object(std::string_view text, JsonDialect dialect) {
  return Scanner(text, dialect).run();
}

std::expected<std::vector<JsonMember>, JsonError> scan_json(std::string_view text, JsonDialect dialect) {
  return Scanner(text, dialect).run(true);
}

}  // namespace sessiontool

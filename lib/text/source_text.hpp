#pragma once
// The original bytes of a file and the map from byte offsets to lines and columns.

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace sessiontool {

// Bytes [offset, offset + length) of the original text.
struct Span {
  std::size_t offset = 0;
  std::size_t length = 0;
  std::size_t end() const { return offset + length; }
  friend bool operator==(const Span&, const Span&) = default;
};

// 1-based line and column. Columns count characters (UTF-8 code points), not bytes; a
// UTF-8 BOM is not a character. Line 0 means "no position".
struct Position {
  std::uint32_t line = 0;
  std::uint32_t column = 0;
  friend bool operator==(const Position&, const Position&) = default;
};

class SourceText {
 public:
  SourceText() = default;
  explicit SourceText(std::string bytes);

  const std::string& bytes() const { return bytes_; }
  std::string_view view(Span span) const { return std::string_view(bytes_).substr(span.offset, span.length); }
  bool has_bom() const { return bytes_.starts_with("\xEF\xBB\xBF"); }
  std::size_t bom_length() const { return has_bom() ? 3 : 0; }

  // Line and column of a byte offset (offset == size() is allowed: the end of the text).
  Position position(std::size_t offset) const;

  // Offset where the line holding `offset` starts, and where it ends (before its line break).
  std::size_t line_start(std::size_t offset) const;
  std::size_t line_end(std::size_t offset) const;
  // "\r\n", "\n" or "" (last line without a break) for the line holding `offset`.
  std::string_view line_break_at(std::size_t offset) const;

 private:
  friend class PositionCursor;
  std::string bytes_;
  std::vector<std::size_t> line_starts_;  // offset of each line's first byte
};

// SourceText::position for offsets taken in increasing order, as a reader meets its entries:
// each costs a step along the line index and a count of the characters since the last one,
// rather than a binary search and a count from the line's start. An offset before the last
// one is answered by SourceText::position. With position() alone, lint over the 100-deployment
// bench fleet ran 8.7M more instructions (19.4M in position() instead of 10.8M here, 4% of the
// run; callgrind, SESSIONTOOL_JOBS=1 lint --format json --fail-on none).
class PositionCursor {
 public:
  explicit PositionCursor(const SourceText& text) : text_(text), bom_length_(text.bom_length()) {}
  Position at(std::size_t offset);

 private:
  const SourceText& text_;
  std::size_t bom_length_;
  std::size_t line_ = 0;    // index into line_starts_
  std::size_t offset_ = 0;  // of the last answer
  std::uint32_t column_ = 0;  // of the last answer; 0 before the first
};

}  // namespace sessiontool

#include "text/source_text.hpp"

#include <algorithm>
#include <cstring>

namespace sessiontool {

SourceText::SourceText(std::string bytes) : bytes_(std::move(bytes)) {
  line_starts_.reserve(bytes_.size() / 32 + 1);  // configuration files run to about 50 bytes a line
  line_starts_.push_back(0);
  for (std::size_t i = bytes_.find('\n'); i != std::string::npos; i = bytes_.find('\n', i + 1))
    line_starts_.push_back(i + 1);
}

// Characters (UTF-8 code points: bytes that are not continuation bytes) in [begin, end), eight
// bytes at a time while they are ASCII.
static std::uint32_t characters(const char* begin, const char* end) {
  std::uint32_t count = 0;
  while (end - begin >= 8) {
    std::uint64_t word;
    std::memcpy(&word, begin, 8);
    if ((word & 0x8080808080808080u) != 0) break;
    count += 8;
    begin += 8;
  }
  for (; begin < end; ++begin)
    if ((static_cast<unsigned char>(*begin) & 0xC0) != 0x80) ++count;
  return count;
}

static std::size_t line_index(const std::vector<std::size_t>& starts, std::size_t offset) {
  auto it = std::upper_bound(starts.begin(), starts.end(), offset);
  return static_cast<std::size_t>(it - starts.begin()) - 1;
}

Position SourceText::position(std::size_t offset) const {
  offset = std::min(offset, bytes_.size());
  const std::size_t line = line_index(line_starts_, offset);
  std::size_t begin = line_starts_[line];
  if (line == 0) begin = std::min(bom_length(), offset);
  const std::uint32_t column = 1 + characters(bytes_.data() + begin, bytes_.data() + offset);
  return {static_cast<std::uint32_t>(line + 1), column};
}

Position PositionCursor::at(std::size_t offset) {
  const std::string& bytes = text_.bytes_;
  const std::vector<std::size_t>& starts = text_.line_starts_;
  offset = std::min(offset, bytes.size());
  // Back, first, or still inside a BOM (which is no character): the plain way.
  if (offset < offset_ || column_ == 0 || offset_ < bom_length_) {
    const Position position = text_.position(offset);
    line_ = position.line - 1;
    offset_ = offset;
    column_ = position.column;
    return position;
  }
  std::size_t from = offset_;
  std::uint32_t column = column_;
  if (line_ + 1 < starts.size() && starts[line_ + 1] <= offset) {
    while (line_ + 1 < starts.size() && starts[line_ + 1] <= offset) ++line_;
    from = starts[line_];  // a later line (never the first, so no BOM to skip)
    column = 1;
  }
  column_ = column + characters(bytes.data() + from, bytes.data() + offset);
  offset_ = offset;
  return {static_cast<std::uint32_t>(line_ + 1), column_};
}

std::size_t SourceText::line_start(std::size_t offset) const {
  return line_starts_[line_index(line_starts_, std::min(offset, bytes_.size()))];
}

std::size_t SourceText::line_end(std::size_t offset) const {
  std::size_t end = bytes_.find('\n', std::min(offset, bytes_.size()));
  if (end == std::string::npos) return bytes_.size();
  if (end > 0 && bytes_[end - 1] == '\r') --end;
  return end;
}

std::string_view SourceText::line_break_at(std::size_t offset) const {
  const std::size_t end = line_end(offset);
  if (end == bytes_.size()) return {};
  return bytes_[end] == '\r' ? std::string_view("\r\n") : std::string_view("\n");
}

}  // namespace sessiontool

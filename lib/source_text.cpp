#include "source_text.hpp"

#include <algorithm>

namespace sessiontool {

SourceText::SourceText(std::string bytes) : bytes_(std::move(bytes)) {
  line_starts_.push_back(0);
  for (std::size_t i = bytes_.find('\n'); i != std::string::npos; i = bytes_.find('\n', i + 1))
    line_starts_.push_back(i + 1);
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
  std::uint32_t column = 1;
  for (std::size_t i = begin; i < offset; ++i)
    if ((static_cast<unsigned char>(bytes_[i]) & 0xC0) != 0x80) ++column;  // skip continuation bytes
  return {static_cast<std::uint32_t>(line + 1), column};
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

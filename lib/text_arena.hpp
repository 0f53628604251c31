#pragma once
// Texts kept for the length of a run without an allocation each: copied into large blocks,
// and never moved, so the views handed out stay valid until the arena goes.

#include <algorithm>
#include <cstddef>
#include <memory>
#include <string_view>
#include <vector>

namespace sessiontool {

template <typename Char>
class TextArena {
 public:
  std::basic_string_view<Char> add(std::basic_string_view<Char> text) {
    if (text.empty()) return {};  // before the first block too
    if (text.size() > capacity_ - used_) {
      capacity_ = std::max(kBlock, text.size());
      blocks_.push_back(std::make_unique_for_overwrite<Char[]>(capacity_));
      used_ = 0;
    }
    Char* at = blocks_.back().get() + used_;
    std::ranges::copy(text, at);
    used_ += text.size();
    return {at, text.size()};
  }

 private:
  static constexpr std::size_t kBlock = 16 * 1024;  // characters
  std::vector<std::unique_ptr<Char[]>> blocks_;
  std::size_t used_ = 0;
  std::size_t capacity_ = 0;  // of the last block
};

}  // namespace sessiontool

#include "record_store.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "path_text.hpp"

namespace sessiontool {
namespace {

// The scratch file is written and read in blocks of this size: a fleet's records are a few
// hundred bytes each, and read back in nearly the order they were written.
constexpr std::size_t kBlock = 64 * 1024;

}  // namespace

RecordStore::Ref RecordStore::append(std::string_view record) {
  const Ref ref{.offset = memory_.size() + file_size_ + pending_.size(),
                .size = static_cast<std::uint32_t>(record.size())};
  if (!file_ && memory_.size() + record.size() <= memory_limit_) {
    if (memory_.empty()) memory_.reserve(memory_limit_);  // no copy as it grows: the limit is all it takes
    memory_ += record;
    return ref;
  }
  if (!file_) {
    auto created = platform::ScratchFile::create();
    if (!created) throw ScratchError(created.error());
    file_.emplace(std::move(*created));
  }
  pending_ += record;
  if (pending_.size() >= kBlock) flush();
  return ref;
}

void RecordStore::flush() {
  if (pending_.empty()) return;
  if (auto written = file_->write_at(file_size_, pending_); !written)
    throw ScratchError(fmt::format("cannot write to a file in {}: {}", utf8_text(file_->directory()), written.error()));
  file_size_ += pending_.size();
  pending_.clear();
}

std::string_view RecordStore::read(Ref ref) {
  if (ref.offset < memory_.size()) return std::string_view(memory_).substr(ref.offset, ref.size);
  const std::uint64_t at = ref.offset - memory_.size();  // in the file, or in pending_ past its end
  if (at >= file_size_) return std::string_view(pending_).substr(at - file_size_, ref.size);
  if (at < window_offset_ || at + ref.size > window_offset_ + window_.size()) {
    // Records are whole in the file or whole in pending_: this one ends by file_size_.
    const std::uint64_t wanted = std::max<std::size_t>(kBlock, ref.size);
    const auto size = static_cast<std::size_t>(std::min(wanted, file_size_ - at));
    window_.resize(size);
    window_offset_ = at;
    if (auto got = file_->read_at(at, window_); !got) {
      window_.clear();
      throw ScratchError(fmt::format("cannot read back a file in {}: {}", utf8_text(file_->directory()), got.error()));
    }
  }
  return std::string_view(window_).substr(at - window_offset_, ref.size);
}

}  // namespace sessiontool

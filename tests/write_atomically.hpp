#pragma once
// One file written as `set` writes each of its files: PendingWrite::prepare, then commit.

#include <expected>
#include <filesystem>
#include <string>
#include <string_view>

#include "platform/atomic_write.hpp"

namespace sessiontool::test {

inline std::expected<void, std::string> write_file_atomically(const std::filesystem::path& path,
                                                              std::string_view bytes, WriteOptions options = {}) {
  auto pending = PendingWrite::prepare(path, bytes, std::move(options));
  if (!pending) return std::unexpected(pending.error());
  return pending->commit();
}

}  // namespace sessiontool::test

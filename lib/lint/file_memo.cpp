#include "lint/file_memo.hpp"

#include "read/bc_platform.hpp"
#include "text/path_text.hpp"
#include "platform/platform.hpp"

namespace sessiontool {
namespace {

bool same_platform_evidence(const std::filesystem::path& a, const std::filesystem::path& b) {
  const BcPlatform pa = platform_from_path(a), pb = platform_from_path(b);
  return pa.major == pb.major && pa.at_least == pb.at_least;
}

}  // namespace

void FileMemo::set_root(std::filesystem::path root) {
  std::error_code ec;
  root_is_directory_ = std::filesystem::is_directory(root, ec);
  root_ = root.lexically_normal();
}

std::string FileMemo::place(const std::filesystem::path& path) const {
  const std::filesystem::path normal = path.lexically_normal();
  if (root_.empty()) return generic_utf8_text(normal);  // one tree read twice (`set`): the path itself
  return generic_utf8_text(root_is_directory_ ? normal.lexically_relative(root_) : normal.filename());
}

void FileMemo::record(const std::filesystem::path& path, std::size_t size, std::optional<FileKind> forced,
                      const FileRecord& record) {
  Kept kept{.path = path, .size = size, .forced = forced, .record = record};
  std::string key = place(path);
  const std::scoped_lock lock(mutex_);
  kept_.insert_or_assign(std::move(key), std::move(kept));
}

std::optional<FileRecord> FileMemo::reuse(const std::filesystem::path& path, std::optional<FileKind> forced) const {
  const Kept* kept = nullptr;
  {
    const std::scoped_lock lock(mutex_);
    const auto it = kept_.find(place(path));
    if (it == kept_.end()) return std::nullopt;
    kept = &it->second;  // entries are not changed while a tree reuses them
  }
  if (kept->forced != forced || !same_platform_evidence(kept->path, path)) return std::nullopt;
  const auto bytes = platform::read_file(path);
  if (!bytes || bytes->size() != kept->size) return std::nullopt;
  const auto old_bytes = platform::read_file(kept->path);
  if (!old_bytes || *old_bytes != *bytes) return std::nullopt;
  FileRecord record = kept->record;
  record.path = std::filesystem::path(path).make_preferred().native();  // as read_document keeps it
  return record;
}

}  // namespace sessiontool

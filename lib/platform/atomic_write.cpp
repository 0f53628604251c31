#include "platform/atomic_write.hpp"

#include <fstream>
#include <random>
#include <utility>

#include <fmt/format.h>

#include "text/path_text.hpp"
#include "platform/platform.hpp"
#include "platform/write_step.hpp"

namespace sessiontool {
namespace {

namespace fs = std::filesystem;

// `.CustomSettings.config.sessiontool-1a2b3c4d.tmp`: hidden, and a name no reader mistakes
// for a configuration file if a crash leaves it behind.
fs::path temp_name(const fs::path& target) {
  static std::mt19937 random{std::random_device{}()};
  const std::string name =
      fmt::format(".{}.sessiontool-{:08x}.tmp", utf8_text(target.filename()), static_cast<unsigned>(random()));
  return target.parent_path() / path_from_utf8(name);
}

// A new file beside `target` with `bytes`, under a fresh temporary name.
std::expected<fs::path, std::string> write_temp(const fs::path& target, std::string_view bytes) {
  std::string error;
  for (int attempt = 0; attempt < 8; ++attempt) {
    fs::path temp = temp_name(target);
    std::error_code ec;
    if (fs::exists(temp, ec)) continue;
    if (auto failure = write_step_failure(WriteStep::create_temp)) {
      error = *failure;
      break;
    }
    auto written = platform::write_new_file(temp, bytes, target,
                                            [] { return write_step_failure(WriteStep::flush_temp); });
    if (written) return temp;
    error = written.error();
    // Only a name taken meanwhile is worth another name; a full disk or a refused directory
    // would fail the same way eight times.
    if (!fs::exists(temp, ec)) break;
  }
  return std::unexpected(fmt::format("cannot create a temporary file in {}: {}",
                                     target.parent_path().empty() ? "." : utf8_text(target.parent_path()), error));
}

// Opening for update writes nothing, but fails as a write would: a read-only file (or, on
// Windows, one held open without write sharing) is refused rather than replaced by the rename.
bool is_writable(const fs::path& path) {
  std::fstream probe(path, std::ios::in | std::ios::out | std::ios::binary);
  return probe.is_open();
}

}  // namespace

std::expected<PendingWrite, std::string> PendingWrite::prepare(const fs::path& path, std::string_view bytes,
                                                               WriteOptions options) {
  auto target = platform::resolve_symlinks(path);
  if (!target) return std::unexpected(target.error());
  std::error_code ec;
  if (!fs::is_regular_file(*target, ec)) return std::unexpected("not a regular file");
  auto current = platform::read_file(*target);
  if (!current) return std::unexpected("cannot read: " + current.error());
  if (options.expected_old && *current != *options.expected_old)
    return std::unexpected("the file changed since it was read; run the command again");
  if (!is_writable(*target)) return std::unexpected("cannot write: the file is read-only or locked by another program");

  PendingWrite pending;
  pending.target_ = *target;
  pending.expected_old_ = std::move(*current);
  if (options.backup) {
    auto backup = write_temp(*target, *pending.expected_old_);
    if (!backup) return std::unexpected(backup.error());
    pending.backup_temp_ = std::move(*backup);
  }
  auto temp = write_temp(*target, bytes);
  if (!temp) return std::unexpected(temp.error());  // `pending` removes the backup's temp file
  pending.temp_ = std::move(*temp);
  return pending;
}

PendingWrite::PendingWrite(PendingWrite&& other) noexcept
    : target_(std::move(other.target_)),
      temp_(std::exchange(other.temp_, {})),
      backup_temp_(std::exchange(other.backup_temp_, {})),
      expected_old_(std::move(other.expected_old_)) {}

PendingWrite& PendingWrite::operator=(PendingWrite&& other) noexcept {
  if (this != &other) {
    discard();
    target_ = std::move(other.target_);
    temp_ = std::exchange(other.temp_, {});
    backup_temp_ = std::exchange(other.backup_temp_, {});
    expected_old_ = std::move(other.expected_old_);
  }
  return *this;
}

PendingWrite::~PendingWrite() { discard(); }

void PendingWrite::discard() noexcept {
  std::error_code ec;
  if (!temp_.empty()) fs::remove(temp_, ec);
  if (!backup_temp_.empty()) fs::remove(backup_temp_, ec);
  temp_.clear();
  backup_temp_.clear();
}

fs::path PendingWrite::backup_path() const {
  fs::path backup = target_;
  backup += ".bak";
  return backup;
}

std::expected<void, std::string> PendingWrite::commit() {
  if (temp_.empty()) return std::unexpected("nothing to commit");
  // The last moment to notice someone else's edit: ours would silently undo it.
  auto current = platform::read_file(target_);
  if (!current) return std::unexpected("cannot read: " + current.error());
  if (expected_old_ && *current != *expected_old_)
    return std::unexpected("the file changed while sessiontool was working; run the command again");
  if (!backup_temp_.empty()) {
    if (auto failure = write_step_failure(WriteStep::rename_backup))
      return std::unexpected(fmt::format("cannot write the backup {}: {}", utf8_text(backup_path()), *failure));
    if (auto moved = platform::replace_file(backup_temp_, backup_path()); !moved)
      return std::unexpected(fmt::format("cannot write the backup {}: {}", utf8_text(backup_path()), moved.error()));
    backup_temp_.clear();
  }
  if (auto failure = write_step_failure(WriteStep::rename_target))
    return std::unexpected("cannot replace the file: " + *failure);
  if (auto moved = platform::replace_file(temp_, target_); !moved)
    return std::unexpected("cannot replace the file: " + moved.error());
  temp_.clear();
  return {};
}

}  // namespace sessiontool

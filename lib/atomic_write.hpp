#pragma once
// Replacing a file's contents so that no reader, crash or full disk ever sees a partial file:
// a temporary file in the same directory, flushed, then renamed over the original (SPEC §7).

#include <expected>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

namespace sessiontool {

struct WriteOptions {
  bool backup = false;  // keep the replaced contents as FILE.bak beside the file
  // The contents the new bytes were computed from: when the file no longer holds them (someone
  // edited it meanwhile), nothing is written.
  std::optional<std::string> expected_old;
};

// A new version of a file, written and flushed to a temporary file beside it, waiting to
// replace it. Preparing every file of a command before committing any keeps a full disk or a
// read-only directory from leaving a fleet half-updated. Destroying a PendingWrite that was
// not committed removes its temporary files.
class PendingWrite {
 public:
  // A symlink is followed: its target is rewritten and the link is left alone.
  static std::expected<PendingWrite, std::string> prepare(const std::filesystem::path& path, std::string_view bytes,
                                                          WriteOptions options = {});

  PendingWrite(PendingWrite&& other) noexcept;
  PendingWrite& operator=(PendingWrite&& other) noexcept;
  PendingWrite(const PendingWrite&) = delete;
  PendingWrite& operator=(const PendingWrite&) = delete;
  ~PendingWrite();

  // Checks the file still holds what was expected, writes the backup, renames the new contents
  // over the file. On failure the file is unchanged.
  std::expected<void, std::string> commit();

  const std::filesystem::path& target() const { return target_; }  // the file rewritten
  std::filesystem::path backup_path() const;                       // target + ".bak"

 private:
  PendingWrite() = default;
  void discard() noexcept;

  std::filesystem::path target_;
  std::filesystem::path temp_;
  std::filesystem::path backup_temp_;  // empty without --backup
  std::optional<std::string> expected_old_;
};

// prepare() and commit() in one step.
std::expected<void, std::string> write_file_atomically(const std::filesystem::path& path, std::string_view bytes,
                                                       WriteOptions options = {});

namespace detail {

// Test seam for interrupted writes. The hook runs before each step of every write; an error it
// returns fails that step as the system would (a full disk, a refused rename), and a hook that
// does not return is a crash at that point. Empty by default; tests only, not thread-safe.
enum class WriteStep {
  create_temp,    // a temporary file is about to be created (the new contents, or the backup)
  flush_temp,     // its bytes are written, not yet flushed to the disk
  rename_backup,  // the backup's temporary file is about to become FILE.bak
  rename_target,  // the new contents are about to replace the file
};
using WriteHook = std::function<std::optional<std::string>(WriteStep)>;
void set_write_hook(WriteHook hook);

}  // namespace detail

}  // namespace sessiontool

#pragma once
// Replacing a file's contents so that no reader, crash or full disk ever sees a partial file:
// a temporary file in the same directory, flushed, then renamed over the original (SPEC §7).

#include <expected>
#include <filesystem>
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

 private:
  PendingWrite() = default;
  std::filesystem::path backup_path() const;  // target + ".bak"
  void discard() noexcept;

  std::filesystem::path target_;
  std::filesystem::path temp_;
  std::filesystem::path backup_temp_;  // empty without --backup
  std::optional<std::string> expected_old_;
};

}  // namespace sessiontool

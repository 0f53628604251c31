#pragma once
// Records written once and read back later, in memory up to a limit and past it in a scratch
// file: what lint keeps of every file of a fleet until the last one is read costs the same
// memory for 500 deployments as for 50,000.

#include <cstddef>
#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>

#include "platform.hpp"

namespace sessiontool {

// The scratch file could not be created, written or read back: the temporary directory is
// missing, read-only or full. The message names the directory and the system's reason.
class ScratchError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

class RecordStore {
 public:
  // Where a record is: pass it back to read.
  struct Ref {
    std::uint64_t offset = 0;
    std::uint32_t size = 0;
  };

  explicit RecordStore(std::size_t memory_limit) : memory_limit_(memory_limit) {}

  // Throws ScratchError.
  Ref append(std::string_view record);
  // The record's bytes, valid until the next call. Throws ScratchError.
  std::string_view read(Ref ref);

 private:
  void flush();

  std::size_t memory_limit_;
  std::string memory_;  // the first records, up to the limit: offsets [0, memory_.size())
  std::optional<platform::ScratchFile> file_;  // the rest, from offset memory_.size() on
  std::uint64_t file_size_ = 0;   // bytes written to the file
  std::string pending_;           // whole records for the file, written a block at a time
  std::string window_;            // a block read back from the file, for the records beside
  std::uint64_t window_offset_ = 0;  // in the file
};

}  // namespace sessiontool

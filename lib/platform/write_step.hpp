#pragma once
// The steps of an atomic write (atomic_write.cpp) at which the system can fail it, and the one
// place that asks whether a step fails. The library's definition (write_step.cpp) says no,
// always. A program that defines write_step_failure itself gets its own definition linked
// instead of the library's (a link seam: the linker takes write_step.cpp's object from the
// static library only when nothing defined the function before): the interrupted-write tests
// (tests/interrupted_write_test.cpp) fail or crash a write at each step that way.

#include <optional>
#include <string>

namespace sessiontool {

enum class WriteStep {
  create_temp,    // a temporary file is about to be created (the new contents, or the backup)
  flush_temp,     // its bytes are written, not yet flushed to the disk
  rename_backup,  // the backup's temporary file is about to become FILE.bak
  rename_target,  // the new contents are about to replace the file
};

// The error the system gives at `step` (a full disk, a refused rename), or nullopt to go on.
std::optional<std::string> write_step_failure(WriteStep step);

}  // namespace sessiontool

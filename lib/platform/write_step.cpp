// Alone in its file, so that a test program's own write_step_failure replaces it (write_step.hpp).

#include "platform/write_step.hpp"

namespace sessiontool {

std::optional<std::string> write_step_failure(WriteStep) { return std::nullopt; }

}  // namespace sessiontool

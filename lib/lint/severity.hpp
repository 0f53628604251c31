#pragma once

#include <optional>
#include <string_view>

namespace sessiontool {

// Ordered: a threshold compares with <.
enum class Severity { info, warning, error };

const char* to_string(Severity severity);  // "info", "warning", "error"
std::optional<Severity> severity_from_string(std::string_view text);

}  // namespace sessiontool

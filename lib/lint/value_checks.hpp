#pragma once
// Checks of one value against its setting's type and range: the findings lint reports for a
// value in a file (ST003, ST006–ST009, ST201, ST202), and what `set` refuses before writing.

#include <string>
#include <string_view>
#include <vector>

#include "read/catalog.hpp"
#include "lint/severity.hpp"

namespace sessiontool {

struct ValueProblem {
  std::string_view rule;  // "ST006"
  Severity severity;      // the rule's default severity for this case
  std::string message;    // names the setting, the value and the fix
};

// Every problem with `text` as the value of `info`, in rule order; empty when the value is
// good.
std::vector<ValueProblem> check_value(const SettingInfo& info, std::string_view text);

}  // namespace sessiontool

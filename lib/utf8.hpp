#pragma once
// UTF-8 well-formedness (RFC 3629), for text that arrives from outside the files: command-line
// values that `set` would write into a file the readers must read back.

#include <string_view>

namespace sessiontool {

// No stray continuation bytes, no overlong forms, no surrogates, nothing past U+10FFFF.
bool is_valid_utf8(std::string_view text);

}  // namespace sessiontool

#pragma once
// UTF-8 well-formedness (RFC 3629): for text that arrives from outside the files (command-line
// values that `set` would write into a file the readers must read back) and for the strings of
// the JSON scanner.

#include <cstddef>
#include <string_view>

namespace sessiontool {

// The length of the well-formed sequence that starts at `at` (no stray continuation byte, no
// overlong form, no surrogate, nothing past U+10FFFF), or 0: 1 for ASCII.
std::size_t utf8_sequence_length(std::string_view text, std::size_t at);

// Every sequence of the text well-formed.
bool is_valid_utf8(std::string_view text);

}  // namespace sessiontool

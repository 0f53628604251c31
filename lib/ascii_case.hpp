#pragma once
// Letter case as the products compare keys: .NET's StringComparer.OrdinalIgnoreCase, for the
// ASCII letters setting names are written in.

#include <algorithm>
#include <string>
#include <string_view>

namespace sessiontool {

constexpr char ascii_lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

constexpr bool equals_ignoring_case(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::ranges::equal(a, b, {}, ascii_lower, ascii_lower);
}

inline std::string ascii_lowered(std::string_view text) {
  std::string out(text);
  std::ranges::transform(out, out.begin(), ascii_lower);
  return out;
}

}  // namespace sessiontool

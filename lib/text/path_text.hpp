#pragma once
// Paths to and from text, always as UTF-8. Windows' narrow path conversions (path(std::string),
// path.string()) go through the ANSI code page, which cannot hold a folder named Zürich-東京;
// the char8_t forms are UTF-8 everywhere, and on POSIX the path's own bytes, unchanged.

#include <algorithm>
#include <filesystem>
#include <string>
#include <string_view>
#include <type_traits>

namespace sessiontool {

inline std::string utf8_text(const std::filesystem::path& path) {
  const std::u8string text = path.u8string();
  return {reinterpret_cast<const char*>(text.data()), text.size()};
}

// With '/' as separator on every system (the machine formats).
inline std::string generic_utf8_text(const std::filesystem::path& path) {
  const std::u8string text = path.generic_u8string();
  return {reinterpret_cast<const char*>(text.data()), text.size()};
}

// A path named by UTF-8 text: the command line (UTF-8 on Windows too, platform.hpp), the
// environment, configuration files.
inline std::filesystem::path path_from_utf8(std::string_view text) {
  return std::u8string_view(reinterpret_cast<const char8_t*>(text.data()), text.size());
}

// A path's native text, or a view of it.
using PathText = std::basic_string_view<std::filesystem::path::value_type>;

// Two paths' texts in the order std::basic_string compares them (characters as unsigned values),
// each character read through `map` first, without converting either path: the orders files and
// findings are sorted in differ only in what `map` makes of the separators.
template <typename Map>
bool path_text_before(PathText a, PathText b, Map map) {
  using Unsigned = std::make_unsigned_t<std::filesystem::path::value_type>;
  const auto key = [&](std::filesystem::path::value_type c) { return static_cast<Unsigned>(map(c)); };
  return std::ranges::lexicographical_compare(a, b, {}, key, key);
}

// In the order of their components, as std::filesystem::path compares paths: separators before
// any other character. The order find_config_files sorts a directory's files in; and the order
// in which the directories sharing most components with one sit next to where it would go.
inline bool components_before(PathText a, PathText b) {
  return path_text_before(a, b, [](std::filesystem::path::value_type c) {
    return c == '/' || c == std::filesystem::path::preferred_separator ? std::filesystem::path::value_type{0} : c;
  });
}

// The order of paths in output: by their generic text ('/' for every separator).
inline bool path_before(PathText a, PathText b) {
  return path_text_before(a, b, [](std::filesystem::path::value_type c) {
    return c == std::filesystem::path::preferred_separator ? std::filesystem::path::value_type{'/'} : c;
  });
}

}  // namespace sessiontool

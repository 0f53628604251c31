#pragma once
// Colour for people: only on a terminal, never with NO_COLOR set, unless --color always.

#include <cstdio>
#include <string>
#include <string_view>

namespace sessiontool::cli {

class Style {
 public:
  static Style choose(std::string_view color_option, std::FILE* stream);
  static Style plain() { return Style(false); }

  bool enabled() const { return enabled_; }
  std::string bold(std::string_view text) const { return wrap("1", text); }
  std::string dim(std::string_view text) const { return wrap("2", text); }
  std::string red(std::string_view text) const { return wrap("1;31", text); }
  std::string green(std::string_view text) const { return wrap("1;32", text); }
  std::string yellow(std::string_view text) const { return wrap("1;33", text); }
  std::string cyan(std::string_view text) const { return wrap("36", text); }

 private:
  explicit Style(bool enabled) : enabled_(enabled) {}
  std::string wrap(std::string_view code, std::string_view text) const;
  bool enabled_;
};

}  // namespace sessiontool::cli

#include "style.hpp"

#include "platform/platform.hpp"

namespace sessiontool::cli {

Style Style::choose(std::string_view color_option, std::FILE* stream) {
  if (color_option == "always") return Style(true);
  if (color_option == "never" || !platform::env("NO_COLOR").empty()) return Style(false);
  return Style(platform::is_terminal(stream) && platform::env("TERM") != "dumb");
}

std::string Style::wrap(std::string_view code, std::string_view text) const {
  if (!enabled_ || text.empty()) return std::string(text);
  std::string out = "\x1b[";
  out += code;
  out += 'm';
  out += text;
  out += "\x1b[0m";
  return out;
}

}  // namespace sessiontool::cli

#include <fmt/format.h>

#include "lint_formatters.hpp"
#include "path_text.hpp"

namespace sessiontool::cli {

std::string ci_path(const std::filesystem::path& path, const std::filesystem::path& base) {
  std::error_code ec;
  const std::filesystem::path absolute = std::filesystem::absolute(path, ec).lexically_normal();
  const std::filesystem::path relative = absolute.lexically_relative(std::filesystem::absolute(base, ec));
  if (!relative.empty() && *relative.begin() != "..") return generic_utf8_text(relative);
  return generic_utf8_text(absolute);
}

std::string escape_command(std::string_view text, std::string_view percent, std::string_view property_chars) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    if (c == '%')
      out += percent;
    else if (c == '\r' || c == '\n' || property_chars.find(c) != std::string_view::npos)
      out += fmt::format("%{:02X}", static_cast<unsigned char>(c));
    else
      out += c;
  }
  return out;
}

}  // namespace sessiontool::cli

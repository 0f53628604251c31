#include "lint_formatters.hpp"

namespace sessiontool::cli {

std::string ci_path(const std::filesystem::path& path, const std::filesystem::path& base) {
  std::error_code ec;
  const std::filesystem::path absolute = std::filesystem::absolute(path, ec).lexically_normal();
  const std::filesystem::path relative = absolute.lexically_relative(std::filesystem::absolute(base, ec));
  if (!relative.empty() && *relative.begin() != "..") return relative.generic_string();
  return absolute.generic_string();
}

}  // namespace sessiontool::cli

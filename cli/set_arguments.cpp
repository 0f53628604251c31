#include "set_arguments.hpp"

#include <algorithm>
#include <set>

#include <fmt/format.h>

#include "text/path_text.hpp"
#include "usage_error.hpp"

namespace sessiontool::cli {
namespace {

namespace fs = std::filesystem;

bool looks_like_key(std::string_view text) {
  return !text.empty() && std::ranges::all_of(text, [](char c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '.';
  });
}

}  // namespace

SetRequest parse_set_arguments(const std::vector<std::string>& arguments, const std::vector<std::string>& unset) {
  SetRequest request;
  std::set<std::string> seen;
  auto add = [&](const std::string& key, std::optional<std::string> value) {
    auto plan = plan_key(key, std::move(value));
    if (!plan) throw UsageError(plan.error());
    if (!seen.insert(plan->key).second) throw UsageError(fmt::format("{} is given more than once", plan->key));
    request.keys.push_back(std::move(*plan));
  };
  for (const std::string& argument : arguments) {
    const std::size_t eq = argument.find('=');
    std::error_code ec;
    if (eq != std::string::npos && looks_like_key(argument.substr(0, eq)) && !fs::exists(argument, ec))
      add(argument.substr(0, eq), argument.substr(eq + 1));
    else if (eq == 0)
      throw UsageError(fmt::format("'{}': expected KEY=VALUE, e.g. SessionTimeout=45m", argument));
    else
      request.paths.push_back(path_from_utf8(argument));
  }
  for (const std::string& key : unset) add(key, std::nullopt);
  return request;
}

}  // namespace sessiontool::cli

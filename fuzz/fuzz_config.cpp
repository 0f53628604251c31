// .sessiontool.json, which lint reads from the repository it checks (a pull request can change
// it): any bytes give a configuration or one error with a place in the file, never a crash; an
// accepted file is JSON nlohmann/json accepts too, and holds only what lint can apply.

#include <algorithm>
#include <string>

#include <nlohmann/json.hpp>

#include "lint/config_file.hpp"
#include "fuzz_check.hpp"
#include "lint/rules.hpp"

using namespace sessiontool;
using namespace sessiontool::fuzz;

extern "C" int LLVMFuzzerTestOneInput(const unsigned char* data, std::size_t size) {
  const std::string bytes(reinterpret_cast<const char*>(data), size);
  const auto config = parse_config(".sessiontool.json", bytes);
  if (!config) {
    const ConfigError& error = config.error();
    FUZZ_CHECK(!error.message.empty());
    FUZZ_CHECK(error.path == ".sessiontool.json");
    const auto lines = static_cast<std::size_t>(std::ranges::count(bytes, '\n')) + 1;
    FUZZ_CHECK(error.pos.line >= 1 && error.pos.line <= lines && error.pos.column >= 1, error.message);
    return 0;
  }
  // Accepted: JSON nlohmann/json accepts too (but for numbers beyond a double, which JSON allows).
  bool overflow = false;
  try {
    FUZZ_CHECK(nlohmann::json::parse(bytes).is_object());
  } catch (const nlohmann::json::exception& e) {
    overflow = e.id == 406;
    FUZZ_CHECK(overflow, e.what());
  }
  for (const std::string& id : config->disable) FUZZ_CHECK(find_rule(id) != nullptr, id);
  for (const auto& [id, level] : config->severity) FUZZ_CHECK(find_rule(id) != nullptr, id);
  if (config->platform) FUZZ_CHECK(*config->platform >= 1 && *config->platform <= 99);
  return 0;
}

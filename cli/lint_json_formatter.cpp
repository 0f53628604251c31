#include <nlohmann/json.hpp>

#include "lint_formatters.hpp"

namespace sessiontool::cli {

std::string render_lint_json(const LintReport& report) {
  using nlohmann::ordered_json;
  ordered_json diagnostics = ordered_json::array();
  std::size_t counts[3] = {};
  for (const Diagnostic& d : report.diagnostics) {
    ++counts[static_cast<int>(d.severity)];
    // No position (an unreadable file): null rather than a made-up line.
    const auto number = [&](std::uint32_t n) { return d.has_position() ? ordered_json(n) : ordered_json(nullptr); };
    diagnostics.push_back({{"rule", d.rule},
                           {"severity", to_string(d.severity)},
                           {"file", d.path.generic_string()},
                           {"line", number(d.start.line)},
                           {"column", number(d.start.column)},
                           {"end_line", number(d.end.line)},
                           {"end_column", number(d.end.column)},
                           {"setting", d.setting.empty() ? ordered_json(nullptr) : ordered_json(d.setting)},
                           {"message", d.message}});
  }
  const ordered_json summary = {{"errors", counts[2]},
                                {"warnings", counts[1]},
                                {"infos", counts[0]},
                                {"files", report.files},
                                {"deployments", report.deployments}};
  const ordered_json out = {{"diagnostics", diagnostics}, {"summary", summary}};
  // A file that is not valid UTF-8 (pugixml does not check) must not make dump() throw: its
  // bad bytes come out as U+FFFD.
  return out.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}

}  // namespace sessiontool::cli

#include <nlohmann/json.hpp>

#include <fmt/format.h>

#include "lint_formatters.hpp"

namespace sessiontool::cli {
namespace {

// A JSON string literal. A file that is not valid UTF-8 (pugixml does not check) must not make
// dump() throw: its bad bytes come out as U+FFFD.
std::string json_text(std::string_view text) {
  return nlohmann::json(text).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace

// Written a finding at a time, in the layout nlohmann::ordered_json::dump(2) gives the whole
// document, so a fleet's report is never built as one tree.
void write_lint_json(const LintReport& report, Output& out) {
  std::size_t counts[3] = {};
  out.write("{\n  \"diagnostics\": [");
  bool first = true;
  for (const Diagnostic& d : report.diagnostics) {
    ++counts[static_cast<int>(d.severity)];
    // No position (an unreadable file): null rather than a made-up line.
    const auto number = [&](std::uint32_t n) { return d.has_position() ? fmt::to_string(n) : std::string("null"); };
    out.write(first ? "\n" : ",\n");
    first = false;
    out.write(fmt::format("    {{\n"
                          "      \"rule\": {},\n"
                          "      \"severity\": {},\n"
                          "      \"file\": {},\n"
                          "      \"line\": {},\n"
                          "      \"column\": {},\n"
                          "      \"end_line\": {},\n"
                          "      \"end_column\": {},\n"
                          "      \"setting\": {},\n"
                          "      \"message\": {}\n"
                          "    }}",
                          json_text(d.rule), json_text(to_string(d.severity)), json_text(d.path.generic_string()),
                          number(d.start.line), number(d.start.column), number(d.end.line), number(d.end.column),
                          d.setting.empty() ? std::string("null") : json_text(d.setting), json_text(d.message)));
  }
  out.write(first ? "],\n" : "\n  ],\n");
  out.write(fmt::format("  \"summary\": {{\n"
                        "    \"errors\": {},\n"
                        "    \"warnings\": {},\n"
                        "    \"infos\": {},\n"
                        "    \"files\": {},\n"
                        "    \"deployments\": {}\n"
                        "  }}\n"
                        "}}\n",
                        counts[2], counts[1], counts[0], report.files, report.deployments));
}

}  // namespace sessiontool::cli

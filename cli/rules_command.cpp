// sessiontool rules: every lint rule with its id, default severity and title.

#include <memory>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "commands.hpp"
#include "exit_codes.hpp"
#include "lint/rules.hpp"

namespace sessiontool::cli {
namespace {

std::string render_rules_json() {
  nlohmann::ordered_json list = nlohmann::ordered_json::array();
  for (const Rule& rule : rules())
    list.push_back({{"id", rule.id},
                    {"severity", to_string(rule.severity)},
                    {"name", rule.name},
                    {"title", rule.title},
                    {"explanation", rule.explanation}});
  return nlohmann::ordered_json{{"rules", list}}.dump(2) + "\n";
}

std::string render_rules_text() {
  std::string out;
  for (const Rule& rule : rules()) out += fmt::format("{}  {:<8} {}\n", rule.id, to_string(rule.severity), rule.title);
  return out + "\n'sessiontool explain ID' tells why a rule exists and how to fix a finding.\n";
}

}  // namespace

void setup_rules(CLI::App& app, int& exit_code) {
  auto format = std::make_shared<std::string>("text");
  CLI::App* command = app.add_subcommand("rules", "List the lint rules with their id, severity and title");
  command->add_option("--format", *format, "Output format")->check(CLI::IsMember({"text", "json"}));
  command->footer(
      "Examples:\n"
      "  sessiontool rules\n"
      "  sessiontool rules --format json | jq -r '.rules[] | select(.severity == \"error\") | .id'\n"
      "  sessiontool explain ST103        # the full text of one rule");
  command->callback([format, &exit_code] {
    fmt::print("{}", *format == "json" ? render_rules_json() : render_rules_text());
    exit_code = kExitOk;
  });
}

}  // namespace sessiontool::cli

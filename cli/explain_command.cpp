// sessiontool explain ID: a rule's full text.

#include <memory>

#include <fmt/format.h>

#include "commands.hpp"
#include "exit_codes.hpp"
#include "lint/rules.hpp"
#include "usage_error.hpp"

namespace sessiontool::cli {

void setup_explain(CLI::App& app, int& exit_code) {
  auto id = std::make_shared<std::string>();
  CLI::App* explain = app.add_subcommand("explain", "Explain a lint rule: why it exists and how to fix a finding");
  explain->add_option("id", *id, "Rule id, e.g. ST103")->required();
  explain->footer(
      "Examples:\n"
      "  sessiontool explain ST103        # keep-alive and the load balancer's idle timeout\n"
      "  sessiontool explain st202        # ids are case-insensitive\n"
      "  sessiontool rules                # every rule with its id, severity and title");
  explain->callback([id, &exit_code] {
    const Rule* rule = find_rule(*id);
    if (!rule) throw UsageError(unknown_rule_message(*id));
    fmt::print("{} ({}): {}\n\n{}\n", rule->id, to_string(rule->severity), rule->title, rule->explanation);
    exit_code = kExitOk;
  });
}

}  // namespace sessiontool::cli

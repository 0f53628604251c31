#include "lint/rules.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "text/ascii_case.hpp"
#include "text/suggest.hpp"

namespace sessiontool {
namespace {

using enum Severity;

// Found by the driver for every file that could not be read (read_error_diagnostic).
constexpr Rule kReadErrorRules[] = {
    {.id = "ST001", .severity = error, .name = "UnreadableFile", .title = "file cannot be read",
     .explanation = R"(The file could not be read: it does not exist, permissions forbid it, it is a directory, it is
encoded as UTF-16 (PowerShell 5's Out-File writes that), or it was given explicitly but is not a
configuration file sessiontool knows.

Nothing in the file was checked, so lint exits with code 3 whatever else it finds.

Fix: check the path and permissions; save the file as UTF-8; use --as server|web|aos for a file
with another name.)"},
    {.id = "ST002", .severity = error, .name = "MalformedFile", .title = "malformed XML or JSON",
     .explanation = R"(The XML or JSON is malformed at the line and column given. Business Central and Finance &
Operations refuse to start a service whose configuration file does not parse, and no other
check could run on it.

Fix: correct the syntax at the position shown (an unclosed quote or tag, a missing comma, a
stray character), then lint again.)"},
};

bool contains(const std::vector<std::string>& ids, std::string_view id) {
  return std::ranges::find(ids, id) != ids.end();
}

// Every row, in id order (ninja's kTools: a rule is data plus the check that finds it).
std::vector<Rule> gather_rules() {
  std::vector<Rule> all(std::begin(kReadErrorRules), std::end(kReadErrorRules));
  for (const std::span<const Rule> part : {value_rules(), document_rules(), deployment_rules(), container_rules()})
    all.insert(all.end(), part.begin(), part.end());
  std::ranges::sort(all, {}, &Rule::id);
  return all;
}

}  // namespace

std::span<const Rule> rules() {
  static const std::vector<Rule> all = gather_rules();
  return all;
}

const Rule* find_rule(std::string_view id) {
  for (const Rule& rule : rules())
    if (equals_ignoring_case(rule.id, id)) return &rule;
  return nullptr;
}

std::string unknown_rule_message(std::string_view id) {
  return fmt::format("unknown rule '{}'{}; 'sessiontool rules' lists them", id, suggest(id, rules(), 2, &Rule::id));
}

std::expected<const Rule*, std::string> configurable_rule(std::string_view id) {
  const Rule* rule = find_rule(id);
  if (!rule) return std::unexpected(unknown_rule_message(id));
  // An input that cannot be read always fails lint (exit 3): hiding it would hide why.
  if (rule->id == "ST001" || rule->id == "ST002")
    return std::unexpected(fmt::format("{} cannot be disabled or changed: an input that cannot be read is always an error",
                                       rule->id));
  return rule;
}

CheckPlan plan_checks(const LintOptions& options) {
  CheckPlan plan;
  const auto add = [](auto& list, auto check) {
    if (check && std::ranges::find(list, check) == list.end()) list.push_back(check);
  };
  for (const Rule& rule : rules()) {
    if (contains(options.disabled, rule.id)) continue;
    add(plan.document, rule.document_check);
    add(plan.deployment, rule.deployment_check);
  }
  return plan;
}

std::string deployment_label(const Deployment& deployment) {
  return fmt::format("{} ({})", deployment.name, product_title(deployment.product));
}

void assign_deployment(std::span<Diagnostic> found, std::uint32_t number, const std::string& label) {
  for (Diagnostic& d : found) {
    d.deployment = number;
    d.deployment_name = label;
  }
}

Diagnostic read_error_diagnostic(const ReadError& error) {
  const bool malformed = error.kind == ReadErrorKind::malformed;
  std::string message = error.message;
  if (malformed) message += "; fix the syntax: nothing else in this file was checked";
  return {.rule = malformed ? "ST002" : "ST001",
          .severity = Severity::error,
          .path = error.path,
          .start = error.pos,
          .end = error.pos,
          .message = std::move(message)};
}

std::vector<Diagnostic> finish_diagnostics(std::vector<Diagnostic> found, const LintOptions& options) {
  std::erase_if(found, [&](const Diagnostic& d) { return contains(options.disabled, d.rule); });
  for (Diagnostic& diagnostic : found)
    for (const auto& [id, severity] : options.severity)
      if (id == diagnostic.rule) diagnostic.severity = severity;
  sort_diagnostics(found);
  // A server file shared by several web instances is checked once per deployment: keep one.
  const auto same = [](const Diagnostic& a, const Diagnostic& b) {
    return a.rule == b.rule && a.path == b.path && a.start == b.start && a.message == b.message;
  };
  const auto tail = std::ranges::unique(found, same);
  found.erase(tail.begin(), tail.end());
  return found;
}

}  // namespace sessiontool

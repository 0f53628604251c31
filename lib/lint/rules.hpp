#pragma once
// Lint rules: one table of every rule (id, severity, title, explanation, check), and what the
// driver (lint_files.hpp) runs of them over the read files and the resolved deployments (SPEC §5).

#include <cstddef>
#include <expected>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "lint/diagnostic.hpp"
#include "text/duration.hpp"
#include "resolve/resolve.hpp"
#include "lint/severity.hpp"

namespace sessiontool {

// An organisation's limits on effective values (the config file's `policy`): ST301–ST303.
struct Policy {
  std::optional<Duration> max_inactivity;
  std::optional<Duration> min_inactivity;
  std::optional<Duration> max_reconnect_window;
};

struct LintOptions {
  ResolveOptions resolve;  // platform and the F&O system parameter, as `show` uses them
  // Where the F&O system parameter came from, for messages ("--fo-inactivity-timeout").
  std::string fo_inactivity_source;
  std::optional<Duration> lb_idle_timeout = Duration::minutes(4);  // nullopt: no load balancer
  Policy policy;
  std::vector<std::string> disabled;                      // rule ids, as in the table
  std::vector<std::pair<std::string, Severity>> severity;  // per-rule overrides
};

// A run's findings gathered (the driver is lint_files, lint_files.hpp).
struct LintReport {
  std::vector<Diagnostic> diagnostics;  // in output order (diagnostic_before), no duplicates
  std::size_t files = 0;                // inputs read, and those that could not be
  std::size_t deployments = 0;
};

// The checks behind the rules. A document check sees one file at a time, so files can be
// checked as they are read; a deployment check sees every resolved deployment. Checks add
// findings for their rules; the driver filters and sorts.
using DocumentCheck = void (*)(const Document&, const LintOptions&, std::vector<Diagnostic>&);
struct LintInput {
  const std::vector<Deployment>& deployments;
  const LintOptions& options;
};
using DeploymentCheck = void (*)(const LintInput&, std::vector<Diagnostic>&);

// A rule is one row: what `rules`, `explain` and SARIF show, and the check that finds it. Each
// row sits beside its check (value_checks.cpp, document_rules.cpp, deployment_rules.cpp,
// container_rules.cpp; ST001 and ST002 in rules.cpp); rules() gathers them in id order.
struct Rule {
  std::string_view id;  // "ST103"
  Severity severity;    // default
  std::string_view name;         // PascalCase name (SARIF reportingDescriptor.name)
  std::string_view title;        // one line
  std::string_view explanation;  // the seed's reasoning and the fix (explain, SARIF help)
  // The checks that find it. One check may find several rules (values finds ST003, ST006–ST009,
  // ST201 and ST202); the driver runs each check once. ST001 and ST002 have none: the driver
  // reports every file that could not be read (read_error_diagnostic); nor have ST401–ST404:
  // reading a container's variables finds them (container_settings.cpp).
  DocumentCheck document_check = nullptr;
  DeploymentCheck deployment_check = nullptr;
};

// The rows of each file that holds checks, in id order.
std::span<const Rule> value_rules();       // value_checks.cpp
std::span<const Rule> document_rules();    // document_rules.cpp
std::span<const Rule> deployment_rules();  // deployment_rules.cpp
std::span<const Rule> container_rules();   // container_rules.cpp

// The checks one run needs: each check once, if any rule it finds is enabled.
struct CheckPlan {
  std::vector<DocumentCheck> document;
  std::vector<DeploymentCheck> deployment;
};
CheckPlan plan_checks(const LintOptions& options);

// How findings name their deployment: "BCPROD (Business Central)".
std::string deployment_label(const Deployment& deployment);
// Marks findings as a deployment's, numbered `number` (from 1) in the run's deployment order.
void assign_deployment(std::span<Diagnostic> found, std::uint32_t number, const std::string& label);
// Every Business Central container of a container description, checked: the container rules
// (ST401-ST404), the planned checks of its settings as files, and of its deployment. Returns how
// many deployments it holds. Each container's findings carry its number in the file (from 1).
std::size_t lint_containers(const ContainerFile& file, const LintOptions& options, const CheckPlan& plan,
                            std::vector<Diagnostic>& out);

// ST001 or ST002 for a file that could not be read or parsed.
Diagnostic read_error_diagnostic(const ReadError& error);

// The findings of a run as they are reported: disabled rules dropped, severity overrides
// applied, in output order (diagnostic_before), without duplicates.
std::vector<Diagnostic> finish_diagnostics(std::vector<Diagnostic> found, const LintOptions& options);

std::span<const Rule> rules();
// The rule with this id, case-insensitively ("st103"), or nullptr.
const Rule* find_rule(std::string_view id);
// A rule a user may disable or re-level (config file, --disable, --severity), or why not: an
// unknown id (with the nearest one), or ST001/ST002, which always fail lint.
std::expected<const Rule*, std::string> configurable_rule(std::string_view id);
// "unknown rule 'ST13' (did you mean 'ST103'?); 'sessiontool rules' lists them"
std::string unknown_rule_message(std::string_view id);

}  // namespace sessiontool

#include "rules.hpp"

#include <algorithm>
#include <cctype>

#include <fmt/format.h>

#include "edit_distance.hpp"
#include "rule_checks.hpp"
#include "rule_texts.hpp"

namespace sessiontool {
namespace {

using enum Severity;
namespace t = rule_texts;

// The rules, in id order. A rule is data plus the check(s) that find it (ninja's kTools).
constexpr Rule kRules[] = {
    {"ST001", error, "UnreadableFile", "file cannot be read", t::kST001, nullptr},
    {"ST002", error, "MalformedFile", "malformed XML or JSON", t::kST002, nullptr},
    {"ST003", error, "InvalidValue", "value is not valid for the setting's type", t::kST003, checks::values},
    {"ST004", warning, "DuplicateKey",
     "key set more than once, in any letter case (XML: the last one wins; navsettings.json: the web server does not "
     "start)",
     t::kST004, checks::duplicates},
    {"ST005", warning, "UnknownKeyNearKnown", "unknown key that looks like a known one", t::kST005,
     checks::unknown_keys},
    {"ST006", warning, "BareNumberIsDays", "TimeSpan is a bare number, read as days", t::kST006, checks::values},
    {"ST007", warning, "HoursOver23AreDays", "first TimeSpan field over 23, read as days", t::kST007,
     checks::values},
    {"ST008", info, "FractionalSeconds", "fractional seconds are culture-dependent", t::kST008, checks::values},
    {"ST009", error, "NonPositiveDuration", "zero or negative where a positive duration is required", t::kST009,
     checks::values},
    {"ST010", info, "KeyLetterCase", "known key spelt in another letter case (the product reads it)", t::kST010,
     checks::letter_case},
    {"ST011", warning, "KeyHasNoEffect", "known key where the web server does not read it (outside NAVWebSettings)",
     t::kST011, checks::no_effect},
    {"ST012", error, "FileRefusedByProduct", "the product refuses the file when it loads it", t::kST012,
     checks::refusals},
    {"ST101", warning, "SessionsNeverClose", "sessions never close for inactivity (both limits unbounded)",
     t::kST101, nullptr, {checks::unbounded}},
    {"ST102", info, "SessionTimeoutShadowed", "SessionTimeout has no effect: a shorter server idle timeout binds",
     t::kST102, nullptr, {checks::shadowed_session_timeout}},
    {"ST103", warning, "KeepAliveOverHalfLoadBalancerIdle",
     "keep-alive longer than half the load balancer idle timeout", t::kST103, nullptr, {checks::keep_alive}},
    {"ST105", warning, "WebInstanceUnmatched", "web instance matches no server instance", t::kST105,
     nullptr, {checks::pairing}},
    {"ST106", warning, "WebInstanceAmbiguous", "web instance matches several server instances equally", t::kST106,
     nullptr, {checks::pairing}},
    {"ST107", warning, "SettingNotOnPlatform", "setting does not exist on the given platform version", t::kST107,
     checks::platform_keys},
    {"ST201", error, "FoTimeoutOutOfRange", "F&O inactivity timeout outside 5-60 minutes", t::kST201,
     checks::values, nullptr, {checks::fo_system_parameter}},
    {"ST202", warning, "FoTimeoutOver30Minutes", "F&O inactivity timeout over 30 minutes: extra load", t::kST202,
     checks::values, nullptr, {checks::fo_system_parameter}},
    {"ST203", info, "FoLegacyOverride", "legacy web.config override shadows the system parameter", t::kST203,
     nullptr, {checks::fo_system_parameter}},
    {"ST204", warning, "FoEncryptedAppSettings", "F&O appSettings are encrypted: the legacy override cannot be read",
     t::kST204, checks::encrypted},
    {"ST301", error, "PolicyMaxInactivity", "effective inactivity timeout above the policy maximum", t::kST301,
     nullptr, {checks::policy}},
    {"ST302", error, "PolicyMinInactivity", "effective inactivity timeout below the policy minimum", t::kST302,
     nullptr, {checks::policy}},
    {"ST303", error, "PolicyMaxReconnectWindow", "reconnect window above the policy maximum", t::kST303,
     nullptr, {checks::policy}},
    {"ST401", warning, "ContainerValueCutShort",
     "container setting cut short at a ',' or '=' by the image's start-up script", t::kST401, nullptr},
    {"ST402", warning, "ContainerKeyTwice", "key given twice in customNavSettings or customWebSettings", t::kST402,
     nullptr},
    {"ST403", warning, "ContainerKeyInWrongVariable",
     "web client key in customNavSettings, or server key in customWebSettings", t::kST403, nullptr},
    {"ST404", info, "ContainerSettingsAtFirstStart", "container settings apply at the container's first start only",
     t::kST404, nullptr},
};

bool iequals(std::string_view a, std::string_view b) {
  return std::ranges::equal(a, b, [](unsigned char x, unsigned char y) { return std::toupper(x) == std::toupper(y); });
}

bool contains(const std::vector<std::string>& ids, std::string_view id) {
  return std::ranges::find(ids, id) != ids.end();
}

}  // namespace

std::span<const Rule> rules() { return kRules; }

const Rule* find_rule(std::string_view id) {
  for (const Rule& rule : kRules)
    if (iequals(rule.id, id)) return &rule;
  return nullptr;
}

std::string_view nearest_rule_id(std::string_view id) { return nearest_name(id, kRules, 2, &Rule::id); }

std::string unknown_rule_message(std::string_view id) {
  const std::string_view near = nearest_rule_id(id);
  return fmt::format("unknown rule '{}'{}; 'sessiontool rules' lists them", id,
                     near.empty() ? "" : fmt::format(" (did you mean {}?)", near));
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
  for (const Rule& rule : kRules) {
    if (contains(options.disabled, rule.id)) continue;
    add(plan.document, rule.document_check);
    for (DeploymentCheck check : rule.deployment_checks) add(plan.deployment, check);
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

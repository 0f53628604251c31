#include "state_text.hpp"

#include <fmt/format.h>

namespace sessiontool::cli {
namespace {

std::string platform_phrase(const BcPlatform& p) {
  if (p.major != 0) return fmt::format("{}", p.major);
  if (p.at_least != 0) return fmt::format("{} or later", p.at_least);
  return "unknown";
}

std::string reconnect_phrase(const std::optional<ReconnectWindow>& w) {
  if (!w) return "-";
  if (w->removed_on_platform) return "none (platform 21+: a session ends with its connection)";
  const std::string parts = fmt::format("2 x keep-alive {} + reconnect period {}", format_human(w->initial_inactivity),
                                        format_human(w->reconnect_period));
  if (w->depends_on_platform) return fmt::format("{} on platform 20 and earlier ({}), none on 21+", format_human(w->total), parts);
  return fmt::format("{} ({})", format_human(w->total), parts);
}

std::string plural(std::size_t n, std::string_view one, std::string_view many) {
  return fmt::format("{} {}", n, n == 1 ? one : many);
}

}  // namespace

std::string aspect_label(Aspect aspect) {
  switch (aspect) {
    case Aspect::inactivity_timeout: return "inactivity timeout";
    case Aspect::bound_by: return "bound by";
    case Aspect::reconnect_window: return "reconnect window";
    case Aspect::warning_lead: return "warning lead";
    case Aspect::platform: return "platform";
    case Aspect::findings: return "findings";
  }
  return "";
}

std::string aspect_text(Aspect aspect, const DeploymentState& d) {
  switch (aspect) {
    case Aspect::inactivity_timeout: return format_human(d.inactivity.value);
    case Aspect::bound_by: return fmt::format("{}", fmt::join(d.inactivity.bound_by, " and "));
    case Aspect::reconnect_window: return reconnect_phrase(d.reconnect);
    case Aspect::warning_lead:
      if (!d.warning) return "-";
      return fmt::format("{}, countdown from {}", format_human(d.warning->lead), format_human(d.warning->countdown_starts_at));
    case Aspect::platform: return d.product == Product::business_central ? platform_phrase(d.platform) : "-";
    case Aspect::findings: return plural(d.findings.size(), "finding", "findings");
  }
  return "";
}

std::string setting_value_text(const SettingState& s) {
  if (s.value.empty()) return "(not set)";
  if (s.duration) return fmt::format("{} ({})", s.value, format_human(*s.duration));
  return s.value;
}

std::string setting_origin_text(const SettingState& s) {
  switch (s.origin) {
    case Origin::file: return fmt::format("{}:{}:{}", s.path, s.pos.line, s.pos.column);
    case Origin::system_parameter: return "system parameter";
    case Origin::assumed: return "assumed";
    case Origin::default_value:
      if (s.removed) return fmt::format("default (taken out at {}:{}:{})", s.path, s.pos.line, s.pos.column);
      return "default";
  }
  return "";
}

std::string finding_text(const FindingState& f) {
  const std::string where = f.pos.line > 0 ? fmt::format("{}:{}:{}", f.path, f.pos.line, f.pos.column) : f.path;
  return fmt::format("{} {} at {}: {}", to_string(f.severity), f.rule, where, f.message);
}

std::string summary_text(const BehaviourDiff& diff) {
  std::string out = diff.changed == 1 ? "1 deployment changes behaviour"
                                      : fmt::format("{} deployments change behaviour", diff.changed);
  out += fmt::format(", {} added, {} removed; {} unchanged", diff.added, diff.removed, diff.unchanged);
  if (diff.no_effect != 0)
    out += fmt::format(" ({} with setting changes that have no effect on sessions)", diff.no_effect);
  return out;
}

}  // namespace sessiontool::cli

// Checks of one resolved deployment at a time: effective timeouts, load balancer, pairing,
// the F&O system parameter and the organisation's policy.

#include <fmt/format.h>

#include "catalog.hpp"
#include "path_text.hpp"
#include "rule_checks.hpp"
#include "value_checks.hpp"

namespace sessiontool::checks {
namespace {

bool is_bc(const Deployment& d) { return d.product == Product::business_central; }

const Document* document_for(const Deployment& d, FileKind kind) {
  switch (kind) {
    case FileKind::server: return d.server;
    case FileKind::web: return d.web;
    case FileKind::aos: return d.aos;
  }
  return nullptr;
}

// "00:30:00 (30m)": the value as written and in human form.
std::string shown(const Setting& setting) {
  if (setting.effective && !setting.effective->is_unbounded() && setting.value != "MaxValue")
    return fmt::format("{} ({})", setting.value, format_human(*setting.effective));
  return setting.value;
}

// Where a value came from: "line 22" in the file the finding points at, "path:22" in another
// file, else "default" or "system-parameter".
std::string origin_of(const Setting& setting, const Setting& pointed_at) {
  if (!setting.entry || !setting.document) return to_string(setting.origin);
  if (setting.document == pointed_at.document) return fmt::format("line {}", setting.entry->value_pos.line);
  return fmt::format("{}:{}", generic_utf8_text(setting.document->path), setting.entry->value_pos.line);
}

// At the setting's value when a file gives it; else at the file that would hold it (or the
// deployment's first file), naming the setting.
Diagnostic at_setting(std::string_view rule, Severity severity, const Deployment& d, const Setting& setting,
                      std::string message) {
  if (setting.entry && setting.document)
    return at_value(rule, severity, *setting.document, *setting.entry, std::move(message));
  const Document* doc = document_for(d, setting.info->kind);
  if (!doc) doc = d.files().front();
  return at_file(rule, severity, *doc, std::move(message), setting.info->key);
}

// The setting that binds the effective inactivity timeout, preferring one a file gives.
const Setting& binding_setting(const Deployment& d) {
  const Setting* chosen = nullptr;
  for (const std::string& key : d.inactivity.bound_by) {
    const Setting* setting = d.find(key);
    if (setting && (!chosen || (setting->entry && !chosen->entry))) chosen = setting;
  }
  return *chosen;
}

std::string human(Duration d) { return d.is_unbounded() ? "unbounded" : format_human(d); }

}  // namespace

void unbounded(const LintInput& input, std::vector<Diagnostic>& out) {
  for (const Deployment& d : input.deployments) {
    if (!is_bc(d) || !d.inactivity.value.is_unbounded()) continue;
    const Setting& idle = *d.find(keys::kIdleClientTimeout);
    const Setting& session = *d.find(keys::kSessionTimeout);
    const Setting& here = session.entry ? session : idle;
    out.push_back(at_setting(
        "ST101", Severity::warning, d, here,
        fmt::format("sessions of {} never close for inactivity: {} = {} ({}) and {} = {} ({}) are both unbounded, "
                    "so idle sessions hold server memory and licences until the service restarts; set {} to "
                    "00:20:00 (the default) or another limit",
                    d.name, keys::kSessionTimeout, session.value, origin_of(session, here), keys::kIdleClientTimeout,
                    idle.value, origin_of(idle, here), keys::kSessionTimeout)));
  }
}

void shadowed_session_timeout(const LintInput& input, std::vector<Diagnostic>& out) {
  for (const Deployment& d : input.deployments) {
    if (!is_bc(d)) continue;
    const Setting& idle = *d.find(keys::kIdleClientTimeout);
    const Setting& session = *d.find(keys::kSessionTimeout);
    // Only a SessionTimeout someone wrote: a default that does not bind is no finding.
    if (!session.entry || !idle.effective || !session.effective || !(*idle.effective < *session.effective))
      continue;
    out.push_back(at_setting(
        "ST102", Severity::info, d, session,
        fmt::format("{} = {} has no effect: the server's {} = {} ({}) closes idle sessions first; lower {} to "
                    "{} or less, or raise {} if web sessions should last {}",
                    keys::kSessionTimeout, shown(session), keys::kIdleClientTimeout, shown(idle), origin_of(idle, session),
                    keys::kSessionTimeout, idle.value, keys::kIdleClientTimeout, human(*session.effective))));
  }
}

void keep_alive(const LintInput& input, std::vector<Diagnostic>& out) {
  const std::optional<Duration> lb = input.options.lb_idle_timeout;
  if (!lb || lb->is_unbounded()) return;
  const Duration half{lb->ticks / 2};
  for (const Deployment& d : input.deployments) {
    // With no server file there is nothing to change; on platform 21+ there is no keep-alive.
    if (!is_bc(d) || !d.server || d.platform.no_reconnect()) continue;
    const Setting& keep = *d.find(keys::kKeepAliveInterval);
    if (!keep.effective || !(*keep.effective > half)) continue;
    const std::int64_t max_seconds = half.ticks / Duration::kTicksPerSecond;
    out.push_back(at_setting(
        "ST103", Severity::warning, d, keep,
        fmt::format("{} = {} ({}) is longer than half the load balancer's idle timeout ({} / 2 = {}): the load "
                    "balancer can drop or redirect an idle connection before the next keep-alive reaches it; set "
                    "it to {} or less, or give the real idle timeout with --lb-idle-timeout (none if there is no "
                    "load balancer)",
                    keys::kKeepAliveInterval, keep.value, format_human(*keep.effective), format_human(*lb),
                    format_human(half),
                    max_seconds)));
  }
}

void pairing(const LintInput& input, std::vector<Diagnostic>& out) {
  for (const Deployment& d : input.deployments) {
    if (!is_bc(d) || !d.web || (!d.web_unmatched && d.ambiguous_servers.empty())) continue;
    const Setting& instance = *d.find(keys::kServerInstance);
    const Setting& port = *d.find(keys::kClientServicesPort);
    const std::string target = port.entry ? fmt::format("server instance '{}' on port {}", instance.value, port.value)
                                          : fmt::format("server instance '{}'", instance.value);
    if (d.web_unmatched) {
      out.push_back(at_setting(
          "ST105", Severity::warning, d, instance,
          fmt::format("this web instance talks to {}, but no CustomSettings.config among the linted files has that "
                      "ServerInstance{}: its timeouts are resolved against server defaults; lint the server's "
                      "file with it (their common folder), or correct ServerInstance or ClientServicesPort",
                      target, port.entry ? " and ClientServicesPort" : "")));
      continue;
    }
    // In output order, whichever order the files were read in.
    std::vector<const Document*> servers = d.ambiguous_servers;
    std::ranges::stable_sort(servers, path_before, [](const Document* server) { return PathText(server->path.native()); });
    std::string candidates;
    for (const Document* server : servers) {
      if (!candidates.empty()) candidates += ", ";
      const Entry* name = server->in_force(keys::kServerInstance);
      candidates += name ? fmt::format("{}:{}", generic_utf8_text(server->path), name->value_pos.line)
                         : generic_utf8_text(server->path);
    }
    out.push_back(at_setting(
        "ST106", Severity::warning, d, instance,
        fmt::format("this web instance talks to {}, which {} server instances match equally ({}): none is chosen "
                    "and its timeouts are resolved against server defaults; give each server instance its own "
                    "ServerInstance or ClientServicesPort, or lint each deployment's folder on its own",
                    target, d.ambiguous_servers.size(), candidates)));
  }
}

void fo_system_parameter(const LintInput& input, std::vector<Diagnostic>& out) {
  for (const Deployment& d : input.deployments) {
    if (d.product != Product::finance_operations) continue;
    const Setting& legacy = *d.find(keys::kFoLegacyTimeout);
    const Setting& parameter = *d.find(keys::kFoSystemParameter);
    if (parameter.origin == Origin::system_parameter) {
      // The value lives in the database: the finding sits at the deployment's web.config.
      const std::string source = input.options.fo_inactivity_source.empty() ? "--fo-inactivity-timeout"
                                                                            : input.options.fo_inactivity_source;
      for (ValueProblem& problem : check_value(*parameter.info, parameter.value))
        out.push_back(at_file(problem.rule, problem.severity, *d.aos,
                              fmt::format("{} (the system parameter \"Session inactivity timeout in minutes\", "
                                          "given by {}; shown at this AOS's web.config because it is stored in "
                                          "the database)",
                                          problem.message, source),
                              parameter.info->key));
    }
    if (legacy.entry && legacy.effective) {
      out.push_back(at_setting(
          "ST203", Severity::info, d, legacy,
          fmt::format("{} = {} overrides the system parameter \"Session inactivity timeout in minutes\" ({}, {}): "
                      "the legacy web.config value is still honoured, so the System parameters page has no effect "
                      "on {}; delete the key to let the system parameter decide (set the parameter first)",
                      keys::kFoLegacyTimeout, shown(legacy), parameter.effective ? human(*parameter.effective) : "?",
                      to_string(parameter.origin), d.name)));
    }
  }
}

void policy(const LintInput& input, std::vector<Diagnostic>& out) {
  const Policy& policy = input.options.policy;
  for (const Deployment& d : input.deployments) {
    // ST301 and ST302: the effective inactivity timeout against one limit, at the setting that binds.
    const auto inactivity_limit = [&](std::string_view rule, Duration limit, bool maximum) {
      const Setting& bound = binding_setting(d);
      out.push_back(at_setting(
          rule, Severity::error, d, bound,
          fmt::format("the effective inactivity timeout of {} is {} (bound by {} = {}, {}), {} the policy's {} of "
                      "{}; {} {} to {} or {}",
                      d.name, human(d.inactivity.value), bound.info->key, bound.value, origin_of(bound, bound),
                      maximum ? "above" : "below", maximum ? "max_inactivity" : "min_inactivity", human(limit),
                      maximum ? "lower" : "raise", bound.info->key,
                      native_value(*bound.info, limit).value_or(human(limit)), maximum ? "less" : "more")));
    };
    if (policy.max_inactivity && d.inactivity.value > *policy.max_inactivity)
      inactivity_limit("ST301", *policy.max_inactivity, true);
    if (policy.min_inactivity && d.inactivity.value < *policy.min_inactivity)
      inactivity_limit("ST302", *policy.min_inactivity, false);

    if (policy.max_reconnect_window && d.reconnect && !d.reconnect->removed_on_platform &&
        d.reconnect->total > *policy.max_reconnect_window) {
      const Setting& period = *d.find(keys::kReconnectPeriod);
      const Setting& keep = *d.find(keys::kKeepAliveInterval);
      out.push_back(at_setting(
          "ST303", Severity::error, d, period,
          fmt::format("the reconnect window of {} is {} (2 x {} = {} ({}), then {} = {} ({})), above the policy's "
                      "max_reconnect_window of {}; shorten {} (or the keep-alive interval)",
                      d.name, human(d.reconnect->total), keys::kKeepAliveInterval, keep.value,
                      origin_of(keep, period), keys::kReconnectPeriod, period.value, origin_of(period, period),
                      human(*policy.max_reconnect_window), keys::kReconnectPeriod)));
    }
  }
}

}  // namespace sessiontool::checks

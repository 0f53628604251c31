// Checks of one resolved deployment at a time: effective timeouts, load balancer, pairing,
// the F&O legacy override and the organisation's policy; and their rules' rows.

#include <fmt/format.h>

#include "read/catalog.hpp"
#include "text/path_text.hpp"
#include "lint/rules.hpp"

namespace sessiontool {
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

// Lint says "unbounded" where show says "never" (format_human).
std::string human_or_unbounded(Duration d) { return d.is_unbounded() ? "unbounded" : format_human(d); }

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
                    keys::kSessionTimeout, idle.value, keys::kIdleClientTimeout, human_or_unbounded(*session.effective))));
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

// A legacy web.config value that shadows the system parameter (ST203); the parameter's own
// range is value_checks.cpp's (ST201, ST202).
void fo_legacy_override(const LintInput& input, std::vector<Diagnostic>& out) {
  for (const Deployment& d : input.deployments) {
    if (d.product != Product::finance_operations) continue;
    const Setting& legacy = *d.find(keys::kFoLegacyTimeout);
    const Setting& parameter = *d.find(keys::kFoSystemParameter);
    if (legacy.entry && legacy.effective) {
      out.push_back(at_setting(
          "ST203", Severity::info, d, legacy,
          fmt::format("{} = {} overrides the system parameter \"Session inactivity timeout in minutes\" ({}, {}): "
                      "the legacy web.config value is still honoured, so the System parameters page has no effect "
                      "on {}; delete the key to let the system parameter decide (set the parameter first)",
                      keys::kFoLegacyTimeout, shown(legacy), parameter.effective ? human_or_unbounded(*parameter.effective) : "?",
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
                      d.name, human_or_unbounded(d.inactivity.value), bound.info->key, bound.value, origin_of(bound, bound),
                      maximum ? "above" : "below", maximum ? "max_inactivity" : "min_inactivity", human_or_unbounded(limit),
                      maximum ? "lower" : "raise", bound.info->key,
                      native_value(*bound.info, limit).value_or(human_or_unbounded(limit)), maximum ? "less" : "more")));
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
                      d.name, human_or_unbounded(d.reconnect->total), keys::kKeepAliveInterval, keep.value,
                      origin_of(keep, period), keys::kReconnectPeriod, period.value, origin_of(period, period),
                      human_or_unbounded(*policy.max_reconnect_window), keys::kReconnectPeriod)));
    }
  }
}

using enum Severity;

constexpr Rule kRules[] = {
    {.id = "ST101", .severity = warning, .name = "SessionsNeverClose",
     .title = "sessions never close for inactivity (both limits unbounded)",
     .explanation = R"(Sessions never close for inactivity. A web client session closes according to the shorter of
the server's ClientServicesIdleClientTimeout (default MaxValue, no limit) and the web server's
SessionTimeout (default 00:20:00). When both are MaxValue, an inactive session stays open
indefinitely, holding server memory and a user licence until the service restarts.

Fix: set SessionTimeout (navsettings.json) to 00:20:00, the default, or another limit; or
bound ClientServicesIdleClientTimeout on the server.)",
     .deployment_check = unbounded},
    {.id = "ST102", .severity = info, .name = "SessionTimeoutShadowed",
     .title = "SessionTimeout has no effect: a shorter server idle timeout binds",
     .explanation = R"(SessionTimeout has no effect: the server's ClientServicesIdleClientTimeout is shorter. "The
session closes according to the setting that has the shortest time period", so an idle web
session closes when the server's limit runs out, and the longer SessionTimeout never binds.
Anyone who raises SessionTimeout to keep sessions longer will see no change.

Fix: lower SessionTimeout to the server's idle timeout or less so the file says what happens,
or raise ClientServicesIdleClientTimeout if web sessions should last longer.)",
     .deployment_check = shadowed_session_timeout},
    {.id = "ST103", .severity = warning, .name = "KeepAliveOverHalfLoadBalancerIdle",
     .title = "keep-alive longer than half the load balancer idle timeout",
     .explanation = R"(ClientServicesKeepAliveInterval is longer than half the load balancer's idle timeout. "If there
is no activity on the client connection for duration of the load balancer's idle timeout
setting, then the load balancer might redirect the client connection to another server. To
avoid this condition, we recommend that you set the ClientServicesKeepAliveInterval to half the
value of the load balancer's idle timeout setting." Azure's idle timeout is about 4 minutes, so
the default of 120 seconds is just enough.

The load balancer's idle timeout comes from --lb-idle-timeout or lb_idle_timeout in
.sessiontool.json (default 4m; none when there is no load balancer). Platform 21 and later have no
keep-alive setting, and the rule is quiet there.

Fix: set ClientServicesKeepAliveInterval to half the load balancer's idle timeout or less (120
for Azure), or give the real idle timeout.)",
     .deployment_check = keep_alive},
    {.id = "ST105", .severity = warning, .name = "WebInstanceUnmatched",
     .title = "web instance matches no server instance",
     .explanation = R"(A web server instance (navsettings.json, or a NAV web.config) names a server instance by
ServerInstance and ClientServicesPort, and no CustomSettings.config among the linted files
matches. Its effective timeouts are then computed against server defaults
(ClientServicesIdleClientTimeout MaxValue, ClientServicesReconnectPeriod 00:10:00), which may not
be what the real server has.

Fix: lint the web and server files together (their common folder), or correct ServerInstance or
ClientServicesPort in the web instance.)",
     .deployment_check = pairing},
    {.id = "ST106", .severity = warning, .name = "WebInstanceAmbiguous",
     .title = "web instance matches several server instances equally",
     .explanation = R"(A web server instance matches several server instances equally well: the same ServerInstance
(and port, where given) in folders equally near to it. sessiontool does not guess which one it
talks to, so its timeouts are computed against server defaults.

Fix: give each server instance its own ServerInstance or ClientServicesPort, or lint each
deployment's folder on its own.)",
     .deployment_check = pairing},
    {.id = "ST203", .severity = info, .name = "FoLegacyOverride",
     .title = "legacy web.config override shadows the system parameter",
     .explanation = R"(The AOS web.config sets the legacy WebClientStatefulSessionTimeoutInSeconds. "If you previously
set a session inactivity timeout in the web.config ... through a support request, then that
old value will still be honored": it shadows the system parameter "Session inactivity timeout in
minutes", so changing the parameter on the System parameters page has no effect.

Fix: set the system parameter to the value you want, then delete the key from web.config.)",
     .deployment_check = fo_legacy_override},
    {.id = "ST301", .severity = error, .name = "PolicyMaxInactivity",
     .title = "effective inactivity timeout above the policy maximum",
     .explanation = R"(Organisation policy: the effective inactivity timeout (the shorter of ClientServicesIdleClientTimeout
and SessionTimeout for Business Central; the legacy web.config key or the system parameter for
F&O) is above policy.max_inactivity in .sessiontool.json. Unbounded ("never") is above any
maximum.

Fix: lower the setting that binds, named in the message.)",
     .deployment_check = policy},
    {.id = "ST302", .severity = error, .name = "PolicyMinInactivity",
     .title = "effective inactivity timeout below the policy minimum",
     .explanation = R"(Organisation policy: the effective inactivity timeout is below policy.min_inactivity in
.sessiontool.json, so users lose their sessions sooner than the organisation allows.

Fix: raise the setting that binds, named in the message (for Business Central both
ClientServicesIdleClientTimeout and SessionTimeout must reach the minimum).)",
     .deployment_check = policy},
    {.id = "ST303", .severity = error, .name = "PolicyMaxReconnectWindow",
     .title = "reconnect window above the policy maximum",
     .explanation = R"(Organisation policy: the Business Central reconnect window is above
policy.max_reconnect_window in .sessiontool.json. After a connection is lost, the session waits
an initial inactivity period of 2 x ClientServicesKeepAliveInterval (4 minutes by default)
until the channel is faulted, then ClientServicesReconnectPeriod (10 minutes by default) for
the client to reconnect: about 14 minutes by default. Platform 21 and later have no reconnect
window, and the rule is quiet there.

Fix: shorten ClientServicesReconnectPeriod (or the keep-alive interval).)",
     .deployment_check = policy},
};

}  // namespace

std::span<const Rule> deployment_rules() { return kRules; }

}  // namespace sessiontool

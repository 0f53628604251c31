#include "resolve/resolve.hpp"

#include <algorithm>

#include "resolve/pairing.hpp"
#include "text/path_text.hpp"

namespace sessiontool {
namespace {

// The setting as the document gives it (as the product reads it), or the catalog default.
Setting setting_from(const SettingInfo& info, const Document* doc) {
  Setting setting{.info = &info};
  const Document::Lookup found = doc ? doc->lookup(info.key) : Document::Lookup{};
  if (found.entry) {
    setting.value = found.entry->value;
    setting.origin = Origin::file;
    setting.document = doc;
    setting.entry = found.entry;
  } else {
    setting.value = std::string(info.default_value);
    if (found.removed) {
      setting.document = doc;
      setting.removed = found.removed;
    }
  }
  return setting;
}

// Fills in the interpretation and the duration resolution may use.
void interpret(Setting& setting, const BcPlatform& platform) {
  const SettingInfo& info = *setting.info;
  if (setting.value.empty() && info.default_value.empty()) return;  // unset, no default
  setting.interpretation = interpret_value(info, setting.value);
  setting.ignored_on_platform = platform.excludes(info.since_platform, info.until_platform);
  if (!info.is_duration() || setting.ignored_on_platform) return;
  if (setting.interpretation.ok()) {
    setting.effective = setting.interpretation.duration;
  } else if (!info.default_value.empty()) {
    setting.effective = interpret_value(info, info.default_value).duration;
  }
}

void apply_assumptions(std::vector<Setting>& settings, const ResolveOptions& options) {
  for (const auto& [key, value] : options.assume) {
    for (Setting& setting : settings) {
      if (setting.info->key != key) continue;
      setting.value = value;
      setting.origin = Origin::assumed;
      setting.document = nullptr;
      setting.entry = nullptr;
      setting.removed = nullptr;
    }
  }
}

Duration effective_or_zero(const Setting* setting) {
  return setting && setting->effective ? *setting->effective : Duration{0};
}

}  // namespace

Deployment resolve_pair(Deployment d, const ResolveOptions& options) {
  d.product = Product::business_central;
  for (const SettingInfo& info : catalog()) {
    if (info.kind == FileKind::server) {
      // A lone web instance names the server instance and port itself.
      if (!d.server && find_setting(info.key, FileKind::web)) continue;
      d.settings.push_back(setting_from(info, d.server));
    } else if (info.kind == FileKind::web) {
      if (d.server && find_setting(info.key, FileKind::server)) continue;
      d.settings.push_back(setting_from(info, d.web));
    }
  }
  apply_assumptions(d.settings, options);
  d.platform = platform_for(options, d.server, d.web);
  for (Setting& setting : d.settings) interpret(setting, d.platform);
  d.name = d.find(keys::kServerInstance)->value;

  // Inactivity: the shorter of the server's idle timeout and the web client's session timeout.
  const Setting* idle = d.find(keys::kIdleClientTimeout);
  const Setting* session = d.find(keys::kSessionTimeout);
  const Duration idle_value = idle->effective.value_or(Duration::unbounded());
  const Duration session_value = session->effective.value_or(Duration::unbounded());
  d.inactivity.value = std::min(idle_value, session_value);
  if (idle_value == d.inactivity.value) d.inactivity.bound_by.emplace_back(keys::kIdleClientTimeout);
  if (session_value == d.inactivity.value) d.inactivity.bound_by.emplace_back(keys::kSessionTimeout);

  // Reconnect: 2 x keep-alive (lost -> faulted), then the reconnect period (faulted -> closed).
  ReconnectWindow window;
  if (d.platform.no_reconnect()) {
    window.removed_on_platform = true;
  } else {
    window.initial_inactivity = {effective_or_zero(d.find(keys::kKeepAliveInterval)).ticks * 2};
    window.reconnect_period = effective_or_zero(d.find(keys::kReconnectPeriod));
    window.total = saturating_sum(window.initial_inactivity, window.reconnect_period);
    window.depends_on_platform = !d.platform.known();
  }
  d.reconnect = window;
  return d;
}

Deployment resolve_aos(const Document& aos, const ResolveOptions& options) {
  Deployment d{.product = Product::finance_operations, .aos = &aos};
  d.name = utf8_text(std::filesystem::absolute(aos.path).lexically_normal().parent_path().filename());
  for (const SettingInfo& info : catalog()) {
    if (info.kind != FileKind::aos) continue;
    Setting setting = setting_from(info, info.system_parameter ? nullptr : &aos);
    if (info.system_parameter && options.fo_inactivity_timeout) {
      setting.value = format_timespan(*options.fo_inactivity_timeout);
      setting.origin = Origin::system_parameter;
    }
    d.settings.push_back(std::move(setting));
  }
  apply_assumptions(d.settings, options);
  for (Setting& setting : d.settings) interpret(setting, BcPlatform{});

  // The legacy web.config override is still honoured and shadows the system parameter.
  const Setting* legacy = d.find(keys::kFoLegacyTimeout);
  const Setting* parameter = d.find(keys::kFoSystemParameter);
  const bool legacy_set = legacy->origin != Origin::default_value && legacy->effective;
  d.inactivity.value = legacy_set ? *legacy->effective : *parameter->effective;
  d.inactivity.bound_by.emplace_back(legacy_set ? keys::kFoLegacyTimeout : keys::kFoSystemParameter);
  d.warning = warning_lead_for(d.inactivity.value);
  return d;
}

const char* to_string(Origin origin) {
  switch (origin) {
    case Origin::default_value: return "default";
    case Origin::file: return "file";
    case Origin::system_parameter: return "system-parameter";
    case Origin::assumed: return "assumed";
  }
  return "?";
}

const char* to_string(Product product) {
  return product == Product::business_central ? "business-central" : "finance-operations";
}

const char* product_title(Product product) {
  return product == Product::business_central ? "Business Central" : "Finance & Operations";
}

std::vector<const Document*> Deployment::files() const {
  std::vector<const Document*> result;
  for (const Document* doc : {server, web, aos})
    if (doc) result.push_back(doc);
  return result;
}

const Setting* Deployment::find(std::string_view key) const {
  for (const Setting& setting : settings)
    if (setting.info->key == key) return &setting;
  return nullptr;
}

BcPlatform platform_for(const ResolveOptions& options, const Document* server, const Document* web) {
  if (options.platform) return stated_platform(*options.platform, options.platform_source, options.platform_stated_by);
  BcPlatform best;
  for (const Document* doc : {server, web}) {
    if (!doc || !doc->platform.known()) continue;
    const BcPlatform& told = doc->platform;
    const bool exact = told.major != 0, best_exact = best.major != 0;
    if (!best.known() || (exact && !best_exact) || (exact == best_exact && !exact && told.at_least > best.at_least))
      best = told;
  }
  return best;
}

WarningLead warning_lead_for(Duration timeout) {
  // Seed: over 30 minutes -> 5 minutes; 10 to 30 minutes -> 2 minutes; under 10 -> 30 seconds.
  Duration lead = timeout > Duration::minutes(30)   ? Duration::minutes(5)
                  : timeout >= Duration::minutes(10) ? Duration::minutes(2)
                                                     : Duration::seconds(30);
  if (timeout.is_unbounded()) return {lead, timeout};
  return {lead, {std::max<std::int64_t>(timeout.ticks - lead.ticks, 0)}};
}

std::vector<Deployment> resolve(const std::vector<Document>& documents, const ResolveOptions& options) {
  std::vector<std::pair<std::size_t, Deployment>> ordered;
  for (Deployment& pair : pair_instances(documents)) {
    const Document* first = pair.server && pair.web ? std::min(pair.server, pair.web)
                                                    : (pair.server ? pair.server : pair.web);
    ordered.emplace_back(static_cast<std::size_t>(first - documents.data()), resolve_pair(std::move(pair), options));
  }
  for (const Document& doc : documents)
    if (doc.kind == FileKind::aos)
      ordered.emplace_back(static_cast<std::size_t>(&doc - documents.data()), resolve_aos(doc, options));
  std::ranges::stable_sort(ordered, {}, &std::pair<std::size_t, Deployment>::first);
  std::vector<Deployment> deployments;
  deployments.reserve(ordered.size());
  for (auto& [index, deployment] : ordered) deployments.push_back(std::move(deployment));
  return deployments;
}

}  // namespace sessiontool

#include "show_text.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "read/containers.hpp"
#include "text/path_text.hpp"
#include "timeline.hpp"

namespace sessiontool::cli {
namespace {

constexpr int kTimelineWidth = 44;

// The settings worth a line: the session keys, or all of them with --all.
std::vector<const Setting*> shown_settings(const Deployment& d, bool all) {
  std::vector<const Setting*> shown;
  for (const Setting& setting : d.settings) {
    if (!all && !setting.info->session_key) continue;
    if (setting.value.empty() && setting.origin == Origin::default_value) continue;  // unset, no default
    shown.push_back(&setting);
  }
  return shown;
}

std::string inactivity_reason(const Deployment& d) {
  const InactivityTimeout& in = d.inactivity;
  if (d.product == Product::finance_operations) {
    const Setting* parameter = d.find(keys::kFoSystemParameter);
    if (in.bound_by.front() == keys::kFoLegacyTimeout)
      return fmt::format("the legacy {} in web.config shadows the system parameter ({})", keys::kFoLegacyTimeout,
                         format_human(parameter->effective.value_or(Duration{0})));
    if (d.aos && d.aos->encrypted)
      return fmt::format("the system parameter {} ({}), unless the encrypted web.config sets the legacy {}",
                         keys::kFoSystemParameter, to_string(parameter->origin), keys::kFoLegacyTimeout);
    return fmt::format("the system parameter {} ({})", keys::kFoSystemParameter, to_string(parameter->origin));
  }
  if (in.value.is_unbounded()) return "never: both ClientServicesIdleClientTimeout and SessionTimeout are unbounded";
  if (in.bound_by.size() == 2) return "ClientServicesIdleClientTimeout and SessionTimeout are equal";
  const bool web_binds = in.bound_by.front() == keys::kSessionTimeout;
  const Setting* other = d.find(web_binds ? keys::kIdleClientTimeout : keys::kSessionTimeout);
  return fmt::format("bound by {}, shorter than {} ({})", in.bound_by.front(), other->info->key,
                     format_human(other->effective.value_or(Duration::unbounded())));
}

void render_settings(std::string& out, const Deployment& d, bool all, const Style& style) {
  auto shown = shown_settings(d, all);
  std::size_t key_width = 0, value_width = 0;
  for (const Setting* s : shown) {
    key_width = std::max(key_width, s->info->key.size());
    value_width = std::max(value_width, value_with_human(*s).size());
  }
  for (const Setting* s : shown) {
    std::string value = value_with_human(*s);
    std::string padded_value = fmt::format("{:<{}}", value, value_width);
    std::string origin = origin_text(*s);
    if (!s->interpretation.ok()) origin += style.red(fmt::format("  invalid: {}", s->interpretation.error));
    if (s->ignored_on_platform) origin += style.yellow("  ignored: not on this platform");
    out += fmt::format("  {}  {}  {}\n", style.bold(fmt::format("{:<{}}", s->info->key, key_width)),
                       s->origin == Origin::default_value ? padded_value : style.cyan(padded_value),
                       style.dim(origin));
  }
}

// "  inactivity timeout  20m     why": the value padded before it is coloured.
std::string effective_line(std::string_view label, Duration value, std::string_view why, const Style& style) {
  return fmt::format("  {:<20}{}{}\n", label, style.green(fmt::format("{:<8}", format_human(value))), why);
}

void render_effective(std::string& out, const Deployment& d, const Style& style) {
  out += effective_line("inactivity timeout", d.inactivity.value, inactivity_reason(d), style);
  if (d.reconnect) {
    const ReconnectWindow& w = *d.reconnect;
    const std::string old_model = fmt::format("2 x ClientServicesKeepAliveInterval ({}) + ClientServicesReconnectPeriod ({})",
                                              format_human(w.initial_inactivity), format_human(w.reconnect_period));
    if (w.removed_on_platform) {
      out += fmt::format("  {:<20}{}{}\n", "reconnect window", style.green(fmt::format("{:<8}", "none")),
                         "platform 21+: the session ends when its connection is lost");
    } else if (w.depends_on_platform) {
      // Nothing tells the platform: both outcomes, and how to settle it.
      out += effective_line("reconnect window", w.total, "on platform 20 and earlier: " + old_model, style);
      out += fmt::format("  {:<20}{}{}\n", "", style.green(fmt::format("{:<8}", "none")),
                         "on platform 21 and later: the session ends when its connection is lost");
    } else {
      out += effective_line("reconnect window", w.total, old_model, style);
    }
  }
  if (d.warning)
    out += effective_line("warning lead", d.warning->lead,
                          fmt::format("countdown from {} (over 30m: 5m; 10m-30m: 2m; under 10m: 30s)",
                                      format_human(d.warning->countdown_starts_at)),
                          style);
}

void render_timelines(std::string& out, const Deployment& d, const Style& style) {
  auto emit = [&](std::string_view caption, const std::vector<Phase>& phases, std::string_view start) {
    auto lines = render_timeline(phases, start, kTimelineWidth, style);
    out += fmt::format("  {:<18}{}\n  {:<18}{}\n", caption, lines[0], "", style.dim(lines[1]));
  };
  if (d.product == Product::finance_operations) {
    emit("inactive user",
         {{"active", d.warning->countdown_starts_at, "countdown"}, {"countdown", d.warning->lead, "closed"}},
         "last activity");
    return;
  }
  emit("inactive user",
       {{"active", d.inactivity.value, d.inactivity.value.is_unbounded() ? "never closed" : "closed"}},
       "last activity");
  if (d.reconnect && !d.reconnect->removed_on_platform)
    emit(d.reconnect->depends_on_platform ? "lost (up to 20)" : "connection lost",
         {{"initial inactivity", d.reconnect->initial_inactivity, "faulted"},
          {"orphaned, may reconnect", d.reconnect->reconnect_period, "closed"}},
         "lost");
}

}  // namespace

std::string value_with_human(const Setting& setting) {
  if (!setting.info->is_duration() || !setting.interpretation.ok() || !setting.interpretation.duration)
    return setting.value;
  return fmt::format("{} ({})", setting.value, format_human(*setting.interpretation.duration));
}

std::string origin_text(const Setting& setting) {
  switch (setting.origin) {
    case Origin::file: {
      std::string where = fmt::format("{}:{}:{}", utf8_text(setting.document->path), setting.entry->value_pos.line,
                                      setting.entry->value_pos.column);
      if (setting.entry->name() != setting.info->key) where += fmt::format(" (spelt {})", setting.entry->name());
      return where;
    }
    case Origin::system_parameter: return "system parameter (--fo-inactivity-timeout)";
    case Origin::assumed: return "assumed (--assume)";
    case Origin::default_value:
      if (setting.removed)
        return fmt::format("default (taken out by <{}> at {}:{}:{})", setting.removed->clear ? "clear/" : "remove",
                           utf8_text(setting.document->path), setting.removed->pos.line, setting.removed->pos.column);
      return "default";
  }
  return "";
}

std::string platform_text(const BcPlatform& platform) {
  using enum BcPlatform::Source;
  switch (platform.source) {
    case unknown:
      return "unknown (nothing in the files tells): the reconnect window depends on it; --platform N settles it";
    case option: return fmt::format("{} (--platform)", platform.major);
    case config_file: return fmt::format("{} ({})", platform.major, platform.evidence);
    case install_folder: return fmt::format("{} (from the {})", platform.major, platform.evidence);
    case content: return fmt::format("{} or later ({})", platform.at_least, platform.evidence);
    case container: return fmt::format("{} (from the {})", platform.major, platform.evidence);
  }
  return "";
}

// A container's description, and where its settings come from.
std::string container_lines(const Deployment& d) {
  const Container& c = *d.container;
  const char* source = d.container_file->source == ContainerSource::docker_inspect ? "docker inspect"
                       : d.container_file->source == ContainerSource::compose        ? "docker compose config"
                                                                                     : "env file";
  std::string out = fmt::format("  {:<9}{}:{}:{} ({}{})\n", "source", utf8_text(d.container_file->path), c.pos.line,
                                c.pos.column, source, c.image.empty() ? "" : ", image " + c.image);
  out += fmt::format("  {:<9}customNavSettings (server), customWebSettings (web), applied at its first start\n", "settings");
  return out;
}

std::vector<Notice> deployment_notices(const Deployment& d) {
  std::vector<Notice> notices;
  const auto add = [&](bool refusal, std::string text) -> Notice& {
    Notice& notice = notices.emplace_back();
    notice.refusal = refusal;
    notice.text = std::move(text);
    return notice;
  };
  for (const Document* doc : d.files()) {
    const char* who = doc->kind == FileKind::server ? "the server instance" : doc->kind == FileKind::web ? "the web server" : "the AOS";
    for (const Refusal& refusal : doc->refusals)
      add(true, fmt::format("{} will not start: {} ({}:{}:{})", who, refusal.message, utf8_text(doc->path),
                            refusal.start.line, refusal.start.column));
    if (doc->encrypted)
      add(false, fmt::format("<appSettings> are encrypted ({}): whether they set {} cannot be read; decrypt a copy with "
                             "Microsoft.Dynamics.AX.Framework.ConfigEncryptor.exe -decrypt (ST204)",
                             doc->encrypted->provider, keys::kFoLegacyTimeout));
  }
  if (d.web_unmatched) add(false, "no server instance matches this web instance: server defaults assumed");
  if (!d.ambiguous_servers.empty())
    add(false, "several server instances match equally: server defaults assumed").files = d.ambiguous_servers;
  return notices;
}

std::string render_show_text(const std::vector<Deployment>& deployments, const ShowTextOptions& options,
                             const Style& style) {
  std::string out;
  for (const Deployment& d : deployments) {
    if (!out.empty()) out += "\n";
    out += fmt::format("{} {}\n", style.bold(d.name), style.dim(fmt::format("({})", product_title(d.product))));
    if (d.container)
      out += container_lines(d);
    else
      for (const Document* doc : d.files()) out += fmt::format("  {:<9}{}\n", to_string(doc->kind), utf8_text(doc->path));
    if (d.product == Product::business_central) {
      const std::string text = platform_text(d.platform);
      out += fmt::format("  {:<9}{}\n", "platform", d.platform.known() ? text : style.yellow(text));
    }
    for (const Notice& notice : deployment_notices(d)) {
      out += notice.refusal ? style.red("  " + notice.text + "\n") : style.yellow("  " + notice.text + "\n");
      for (const Document* doc : notice.files) out += fmt::format("    {}\n", utf8_text(doc->path));
    }
    out += "\n";
    render_settings(out, d, options.all, style);
    out += "\n";
    render_effective(out, d, style);
    out += "\n";
    render_timelines(out, d, style);
  }
  if (deployments.empty()) out += "no deployments found\n";
  return out;
}

}  // namespace sessiontool::cli

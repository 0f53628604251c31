#include "show_json.hpp"

#include <nlohmann/json.hpp>

#include "read/containers.hpp"
#include "text/path_text.hpp"

namespace sessiontool::cli {
namespace {

using nlohmann::ordered_json;

ordered_json seconds(Duration d) { return seconds_json(d); }

ordered_json setting_json(const Setting& s) {
  ordered_json j;
  j["value"] = s.value;
  if (s.info->is_duration() && s.interpretation.duration) {
    j["seconds"] = seconds(*s.interpretation.duration);
    j["human"] = format_human(*s.interpretation.duration);
  } else if (s.interpretation.integer) {
    j["number"] = *s.interpretation.integer;
  }
  j["origin"] = to_string(s.origin);
  if (s.origin == Origin::file) {
    j["path"] = utf8_text(s.document->path);
    j["line"] = s.entry->value_pos.line;
    j["column"] = s.entry->value_pos.column;
    if (s.entry->name() != s.info->key) j["spelling"] = s.entry->name();
  }
  if (s.removed)
    j["removed"] = {{"by", s.removed->clear ? "clear" : "remove"},
                    {"path", utf8_text(s.document->path)},
                    {"line", s.removed->pos.line},
                    {"column", s.removed->pos.column}};
  j["type"] = to_string(s.info->type);
  if (!s.interpretation.ok()) j["error"] = s.interpretation.error;
  if (s.ignored_on_platform) j["ignored_on_platform"] = true;
  return j;
}

ordered_json platform_json(const BcPlatform& p) {
  ordered_json j;
  j["major"] = p.major != 0 ? ordered_json(p.major) : ordered_json(nullptr);
  j["at_least"] = p.at_least != 0 ? ordered_json(p.at_least) : ordered_json(nullptr);
  j["source"] = to_string(p.source);
  if (!p.evidence.empty()) j["evidence"] = p.evidence;
  return j;
}

// A container's description: where it is, and what it runs.
ordered_json container_json(const Deployment& d) {
  const Container& c = *d.container;
  ordered_json j;
  j["name"] = c.name;
  j["image"] = c.image;
  j["source"] = to_string(d.container_file->source);
  j["path"] = utf8_text(d.container_file->path);
  j["line"] = c.pos.line;
  j["column"] = c.pos.column;
  return j;
}

ordered_json deployment_json(const Deployment& d) {
  ordered_json j;
  j["product"] = to_string(d.product);
  j["name"] = d.name;
  j["files"] = ordered_json::array();
  for (const Document* doc : d.files()) j["files"].push_back({{"kind", to_string(doc->kind)}, {"path", utf8_text(doc->path)}});
  if (d.container) j["container"] = container_json(d);
  if (d.product == Product::business_central) j["platform"] = platform_json(d.platform);
  // What makes the product refuse a file: the server, web server or AOS does not start.
  ordered_json refused = ordered_json::array();
  for (const Document* doc : d.files())
    for (const Refusal& r : doc->refusals)
      refused.push_back({{"kind", to_string(doc->kind)},
                         {"path", utf8_text(doc->path)},
                         {"line", r.start.line},
                         {"column", r.start.column},
                         {"message", r.message}});
  if (!refused.empty()) j["refused"] = refused;
  if (d.aos && d.aos->encrypted) j["encrypted_app_settings"] = true;
  j["settings"] = ordered_json::object();
  for (const Setting& s : d.settings)
    if (!(s.value.empty() && s.origin == Origin::default_value)) j["settings"][std::string(s.info->key)] = setting_json(s);

  j["effective"] = effective_json(d.inactivity, d.reconnect, d.warning);
  if (d.web_unmatched) j["pairing"] = {{"web_unmatched", true}};
  if (!d.ambiguous_servers.empty()) {
    ordered_json candidates = ordered_json::array();
    for (const Document* doc : d.ambiguous_servers) candidates.push_back(utf8_text(doc->path));
    j["pairing"] = {{"ambiguous_servers", candidates}};
  }
  return j;
}

}  // namespace

ordered_json seconds_json(Duration d) {
  if (d.is_unbounded()) return nullptr;
  if (d.whole_seconds()) return d.ticks / Duration::kTicksPerSecond;
  return d.total_seconds();
}

ordered_json effective_json(const InactivityTimeout& inactivity, const std::optional<ReconnectWindow>& reconnect,
                            const std::optional<WarningLead>& warning) {
  ordered_json effective;
  effective["inactivity_timeout"] = {{"seconds", seconds(inactivity.value)}, {"bound_by", inactivity.bound_by}};
  if (reconnect)
    effective["reconnect_window"] = {{"seconds", seconds(reconnect->total)},
                                     {"initial_inactivity_seconds", seconds(reconnect->initial_inactivity)},
                                     {"reconnect_period_seconds", seconds(reconnect->reconnect_period)},
                                     {"removed_on_platform", reconnect->removed_on_platform},
                                     {"depends_on_platform", reconnect->depends_on_platform}};
  if (warning)
    effective["warning_lead"] = {{"seconds", seconds(warning->lead)},
                                 {"countdown_starts_at_seconds", seconds(warning->countdown_starts_at)}};
  return effective;
}

std::string render_show_json(const std::vector<Deployment>& deployments) {
  ordered_json root;
  root["deployments"] = ordered_json::array();
  for (const Deployment& d : deployments) root["deployments"].push_back(deployment_json(d));
  // A file that is not valid UTF-8 (pugixml does not check) must not make dump() throw: its
  // bad bytes come out as U+FFFD.
  return root.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}

}  // namespace sessiontool::cli

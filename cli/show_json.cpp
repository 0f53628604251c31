#include "show_json.hpp"

#include <nlohmann/json.hpp>

#include "path_text.hpp"

namespace sessiontool::cli {
namespace {

using nlohmann::ordered_json;

// Seconds as a number (whole seconds as integers), null when unbounded.
ordered_json seconds(Duration d) {
  if (d.is_unbounded()) return nullptr;
  if (d.whole_seconds()) return d.ticks / Duration::kTicksPerSecond;
  return d.total_seconds();
}

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
  }
  j["type"] = to_string(s.info->type);
  if (!s.interpretation.ok()) j["error"] = s.interpretation.error;
  if (s.ignored_on_platform) j["ignored_on_platform"] = true;
  return j;
}

ordered_json deployment_json(const Deployment& d) {
  ordered_json j;
  j["product"] = to_string(d.product);
  j["name"] = d.name;
  j["files"] = ordered_json::array();
  for (const Document* doc : d.files()) j["files"].push_back({{"kind", to_string(doc->kind)}, {"path", utf8_text(doc->path)}});
  j["settings"] = ordered_json::object();
  for (const Setting& s : d.settings)
    if (!(s.value.empty() && s.origin == Origin::default_value)) j["settings"][std::string(s.info->key)] = setting_json(s);

  ordered_json& effective = j["effective"];
  effective["inactivity_timeout"] = {{"seconds", seconds(d.inactivity.value)}, {"bound_by", d.inactivity.bound_by}};
  if (d.reconnect)
    effective["reconnect_window"] = {{"seconds", seconds(d.reconnect->total)},
                                     {"initial_inactivity_seconds", seconds(d.reconnect->initial_inactivity)},
                                     {"reconnect_period_seconds", seconds(d.reconnect->reconnect_period)},
                                     {"removed_on_platform", d.reconnect->removed_on_platform}};
  if (d.warning)
    effective["warning_lead"] = {{"seconds", seconds(d.warning->lead)},
                                 {"countdown_starts_at_seconds", seconds(d.warning->countdown_starts_at)}};
  if (d.web_unmatched) j["pairing"] = {{"web_unmatched", true}};
  if (!d.ambiguous_servers.empty()) {
    ordered_json candidates = ordered_json::array();
    for (const Document* doc : d.ambiguous_servers) candidates.push_back(utf8_text(doc->path));
    j["pairing"] = {{"ambiguous_servers", candidates}};
  }
  return j;
}

}  // namespace

std::string render_show_json(const std::vector<Deployment>& deployments) {
  ordered_json root;
  root["deployments"] = ordered_json::array();
  for (const Deployment& d : deployments) root["deployments"].push_back(deployment_json(d));
  // A file that is not valid UTF-8 (pugixml does not check) must not make dump() throw: its
  // bad bytes come out as U+FFFD.
  return root.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}

}  // namespace sessiontool::cli

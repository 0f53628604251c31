#include "diff_json.hpp"

#include "show_json.hpp"

namespace sessiontool::cli {
namespace {

using nlohmann::ordered_json;

ordered_json seconds(Duration d) { return seconds_json(d); }

// A side's effective values (show's "effective" object), platform, files and count of findings.
ordered_json state_json(const DeploymentState& d) {
  ordered_json j = effective_json(d.inactivity, d.reconnect, d.warning);
  if (d.product == Product::business_central)
    j["platform"] = {{"major", d.platform.major != 0 ? ordered_json(d.platform.major) : ordered_json(nullptr)},
                     {"at_least", d.platform.at_least != 0 ? ordered_json(d.platform.at_least) : ordered_json(nullptr)},
                     {"source", to_string(d.platform.source)}};
  j["files"] = ordered_json::array();
  for (const DeploymentState::File& f : d.files) j["files"].push_back({{"kind", to_string(f.kind)}, {"path", f.path}});
  j["findings"] = d.findings.size();
  return j;
}

ordered_json setting_json(const SettingState* s) {
  if (!s) return nullptr;
  ordered_json j;
  j["value"] = s->value;
  if (s->duration) j["seconds"] = seconds(*s->duration);
  j["origin"] = to_string(s->origin);
  if (!s->path.empty()) {
    j["path"] = s->path;
    j["line"] = s->pos.line;
    j["column"] = s->pos.column;
  }
  if (s->removed) j["removed"] = true;
  return j;
}

ordered_json finding_json(const FindingState& f) {
  return {{"rule", f.rule},
          {"severity", to_string(f.severity)},
          {"file", f.path},
          {"line", f.pos.line > 0 ? ordered_json(f.pos.line) : ordered_json(nullptr)},
          {"column", f.pos.line > 0 ? ordered_json(f.pos.column) : ordered_json(nullptr)},
          {"setting", f.setting.empty() ? ordered_json(nullptr) : ordered_json(f.setting)},
          {"message", f.message}};
}

std::string dump(const ordered_json& j) {
  return j.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}

}  // namespace

ordered_json action_json(const Action& action) {
  return {{"kind", to_string(action.kind)},
          {"instance", action.instance},
          {"file", action.path},
          {"keys", action.keys},
          {"automatic", action.automatic()},
          {"commands", action.commands},
          {"consequence", action.consequence},
          {"source", action.source}};
}

ordered_json deployment_diff_json(const DeploymentDiff& d) {
  const DeploymentState& current = d.current();
  ordered_json j;
  j["product"] = to_string(current.product);
  j["name"] = current.name;
  j["status"] = to_string(d.status);
  if (d.renamed()) j["renamed_from"] = d.before->name;
  if (!d.note.empty()) j["note"] = d.note;
  j["changed"] = ordered_json::array();
  for (Aspect aspect : d.aspects) j["changed"].push_back(to_string(aspect));
  j["before"] = d.before ? state_json(*d.before) : ordered_json(nullptr);
  j["after"] = d.after ? state_json(*d.after) : ordered_json(nullptr);
  j["settings"] = ordered_json::array();
  for (const SettingChange& change : d.settings)
    j["settings"].push_back({{"key", change.either().key},
                             {"kind", to_string(change.either().kind)},
                             {"before", setting_json(change.before)},
                             {"after", setting_json(change.after)}});
  ordered_json appeared = ordered_json::array(), disappeared = ordered_json::array();
  for (const FindingState* f : d.appeared) appeared.push_back(finding_json(*f));
  for (const FindingState* f : d.disappeared) disappeared.push_back(finding_json(*f));
  j["findings"] = {{"appeared", appeared}, {"disappeared", disappeared}};
  j["actions"] = ordered_json::array();
  for (const Action& action : d.actions) j["actions"].push_back(action_json(action));
  return j;
}

ordered_json diff_summary_json(const BehaviourDiff& diff) {
  return {{"changed", diff.changed},
          {"added", diff.added},
          {"removed", diff.removed},
          {"unchanged", diff.unchanged},
          {"no_effect", diff.no_effect}};
}

std::string render_diff_json(const BehaviourDiff& diff, bool all) {
  ordered_json root;
  root["summary"] = diff_summary_json(diff);
  root["deployments"] = ordered_json::array();
  for (const DeploymentDiff& d : diff.deployments)
    if (all || d.status != DeploymentDiff::Status::unchanged) root["deployments"].push_back(deployment_diff_json(d));
  root["actions"] = ordered_json::array();
  for (const Action& action : diff.actions) root["actions"].push_back(action_json(action));
  return dump(root);
}

}  // namespace sessiontool::cli

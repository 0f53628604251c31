#include "diff_schema.hpp"

#include "diff/behaviour_diff.hpp"
#include "lint/rules.hpp"

namespace sessiontool::cli {
namespace {

using nlohmann::ordered_json;

constexpr const char* kDraft07 = "http://json-schema.org/draft-07/schema#";

ordered_json names(std::initializer_list<const char*> list) { return ordered_json(list); }

// The pieces `diff --format json` and `set --format json` share (cli/diff_json.cpp).
ordered_json diff_definitions() {
  ordered_json products = ordered_json::array(), kinds = ordered_json::array(), origins = ordered_json::array(),
               aspects = ordered_json::array(), statuses = ordered_json::array(), actions = ordered_json::array(),
               severities = ordered_json::array(), ids = ordered_json::array(), keys = ordered_json::array();
  for (Product p : {Product::business_central, Product::finance_operations}) products.push_back(to_string(p));
  for (FileKind k : {FileKind::server, FileKind::web, FileKind::aos}) kinds.push_back(to_string(k));
  for (Origin o : {Origin::default_value, Origin::file, Origin::system_parameter, Origin::assumed})
    origins.push_back(to_string(o));
  for (Aspect a : {Aspect::inactivity_timeout, Aspect::bound_by, Aspect::reconnect_window, Aspect::warning_lead,
                   Aspect::platform, Aspect::findings})
    aspects.push_back(to_string(a));
  for (DeploymentDiff::Status st : {DeploymentDiff::Status::changed, DeploymentDiff::Status::unchanged,
                                    DeploymentDiff::Status::added, DeploymentDiff::Status::removed})
    statuses.push_back(to_string(st));
  for (Action::Kind k : {Action::Kind::restart_server_instance, Action::Kind::apply_in_memory, Action::Kind::web_recycle,
                         Action::Kind::aos_recycle})
    actions.push_back(to_string(k));
  for (Severity sev : {Severity::error, Severity::warning, Severity::info}) severities.push_back(to_string(sev));
  for (const Rule& rule : rules()) ids.push_back(rule.id);
  for (const SettingInfo& info : catalog()) keys.push_back(info.key);
  const ordered_json seconds = {{"type", {"number", "null"}}, {"minimum", 0}, {"description", "null: unbounded."}};
  const ordered_json count = {{"type", "integer"}, {"minimum", 0}};
  const ordered_json position = {{"type", {"integer", "null"}}, {"minimum", 1}};
  const ordered_json state = {
      {"type", "object"},
      {"description", "A deployment's effective values on one side."},
      {"required", names({"inactivity_timeout", "files", "findings"})},
      {"properties",
       {{"inactivity_timeout", {{"type", "object"},
                                {"required", names({"seconds", "bound_by"})},
                                {"properties", {{"seconds", seconds}, {"bound_by", {{"type", "array"}, {"items", {{"enum", keys}}}}}}}}},
        {"reconnect_window", {{"type", "object"},
                              {"required", names({"seconds", "initial_inactivity_seconds", "reconnect_period_seconds",
                                                  "removed_on_platform", "depends_on_platform"})},
                              {"properties", {{"seconds", seconds},
                                              {"initial_inactivity_seconds", seconds},
                                              {"reconnect_period_seconds", seconds},
                                              {"removed_on_platform", {{"type", "boolean"}}},
                                              {"depends_on_platform", {{"type", "boolean"}}}}}}},
        {"warning_lead", {{"type", "object"},
                          {"required", names({"seconds", "countdown_starts_at_seconds"})},
                          {"properties", {{"seconds", seconds}, {"countdown_starts_at_seconds", seconds}}}}},
        {"platform", {{"type", "object"},
                      {"required", names({"major", "at_least", "source"})},
                      {"properties", {{"major", {{"type", {"integer", "null"}}}},
                                      {"at_least", {{"type", {"integer", "null"}}}},
                                      {"source", {{"enum", names({"unknown", "option", "config", "install-folder", "content"})}}}}}}},
        {"files", {{"type", "array"},
                   {"items", {{"type", "object"},
                              {"required", names({"kind", "path"})},
                              {"properties", {{"kind", {{"enum", kinds}}}, {"path", {{"type", "string"}}}}}}}}},
        {"findings", count}}}};
  const ordered_json setting_side = {
      {"type", {"object", "null"}},
      {"description", "The setting in force on one side, with its origin; null: the deployment has no such setting there."},
      {"required", names({"value", "origin"})},
      {"properties", {{"value", {{"type", "string"}}},
                      {"seconds", seconds},
                      {"origin", {{"enum", origins}}},
                      {"path", {{"type", "string"}}},
                      {"line", {{"type", "integer"}, {"minimum", 1}}},
                      {"column", {{"type", "integer"}, {"minimum", 1}}},
                      {"removed", {{"type", "boolean"}, {"description", "Taken out by <remove> or <clear/>: the default applies."}}}}}};
  const ordered_json finding = {
      {"type", "object"},
      {"required", names({"rule", "severity", "file", "line", "column", "setting", "message"})},
      {"properties", {{"rule", {{"enum", ids}}},
                      {"severity", {{"enum", severities}}},
                      {"file", {{"type", "string"}}},
                      {"line", position},
                      {"column", position},
                      {"setting", {{"type", {"string", "null"}}}},
                      {"message", {{"type", "string"}, {"minLength", 1}}}}}};
  const ordered_json action = {
      {"type", "object"},
      {"description", "What rolling the change out asks for, per instance: run `commands` (PowerShell), or nothing when "
                      "IIS recycles by itself (`automatic`); `consequence` is what users notice."},
      {"required", names({"kind", "instance", "file", "keys", "automatic", "commands", "consequence", "source"})},
      {"properties", {{"kind", {{"enum", actions}}},
                      {"instance", {{"type", "string"}}},
                      {"file", {{"type", "string"}}},
                      {"keys", {{"type", "array"}, {"items", {{"type", "string"}}}}},
                      {"automatic", {{"type", "boolean"}}},
                      {"commands", {{"type", "array"}, {"items", {{"type", "string"}}}}},
                      {"consequence", {{"type", "string"}}},
                      {"source", {{"type", "string"}, {"description", "Where Microsoft documents it."}}}}}};
  const ordered_json deployment = {
      {"type", "object"},
      {"required", names({"product", "name", "status", "changed", "before", "after", "settings", "findings", "actions"})},
      {"properties",
       {{"product", {{"enum", products}}},
        {"name", {{"type", "string"}}},
        {"status", {{"enum", statuses}}},
        {"renamed_from", {{"type", "string"}}},
        {"note", {{"type", "string"}}},
        {"changed", {{"type", "array"}, {"items", {{"enum", aspects}}}}},
        {"before", {{"oneOf", {{{"$ref", "#/definitions/state"}}, {{"type", "null"}}}}}},
        {"after", {{"oneOf", {{{"$ref", "#/definitions/state"}}, {{"type", "null"}}}}}},
        {"settings", {{"type", "array"},
                      {"items", {{"type", "object"},
                                 {"required", names({"key", "kind", "before", "after"})},
                                 {"properties", {{"key", {{"enum", keys}}},
                                                 {"kind", {{"enum", kinds}}},
                                                 {"before", {{"$ref", "#/definitions/setting_side"}}},
                                                 {"after", {{"$ref", "#/definitions/setting_side"}}}}}}}}},
        {"findings", {{"type", "object"},
                      {"required", names({"appeared", "disappeared"})},
                      {"properties", {{"appeared", {{"type", "array"}, {"items", {{"$ref", "#/definitions/finding"}}}}},
                                      {"disappeared", {{"type", "array"}, {"items", {{"$ref", "#/definitions/finding"}}}}}}}}},
        {"actions", {{"type", "array"}, {"items", {{"$ref", "#/definitions/action"}}}}}}}};
  return {{"state", state}, {"setting_side", setting_side}, {"finding", finding}, {"action", action},
          {"deployment", deployment}};
}

}  // namespace

ordered_json diff_output_schema() {
  const ordered_json count = {{"type", "integer"}, {"minimum", 0}};
  return {{"$schema", kDraft07},
          {"$id", "diff-output.schema.json"},
          {"title", "sessiontool diff --format json"},
          {"description",
           "What changes for sessions between two trees of deployments: the deployments whose behaviour changes, "
           "are added or removed (with --all also the unchanged ones), and the actions a rollout takes, each "
           "instance and file once. Fields may be added; none is renamed. Generated by `sessiontool schema diff`."},
          {"type", "object"},
          {"required", names({"summary", "deployments", "actions"})},
          {"properties",
           {{"summary", {{"type", "object"},
                         {"required", names({"changed", "added", "removed", "unchanged", "no_effect"})},
                         {"properties", {{"changed", count}, {"added", count}, {"removed", count}, {"unchanged", count},
                                         {"no_effect", {{"type", "integer"}, {"minimum", 0},
                                                        {"description", "Unchanged deployments whose settings changed without effect on sessions."}}}}}}},
            {"deployments", {{"type", "array"}, {"items", {{"$ref", "#/definitions/deployment"}}}}},
            {"actions", {{"type", "array"}, {"items", {{"$ref", "#/definitions/action"}}}}}}},
          {"definitions", diff_definitions()}};
}

ordered_json set_output_schema() {
  const ordered_json text_or_null = {{"type", {"string", "null"}}};
  const ordered_json file = {
      {"type", "object"},
      {"required", names({"path", "kind", "modified", "changes"})},
      {"properties",
       {{"path", {{"type", "string"}}},
        {"kind", {{"enum", names({"server", "web", "aos"})}}},
        {"modified", {{"type", "boolean"}}},
        {"changes", {{"type", "array"},
                     {"items", {{"type", "object"},
                                {"required", names({"key", "change", "old", "new"})},
                                {"properties", {{"key", {{"type", "string"}}},
                                                {"change", {{"enum", names({"unchanged", "changed", "added", "removed"})}}},
                                                {"old", text_or_null},
                                                {"new", text_or_null},
                                                {"spelling", {{"type", "string"}}}}}}}}},
        {"patch", {{"type", "string"}, {"description", "--dry-run and --check: the unified diff of the file."}}}}}};
  return {{"$schema", kDraft07},
          {"$id", "set-output.schema.json"},
          {"title", "sessiontool set --format json"},
          {"description",
           "Every file `set` edits, each key with its old and new value, the deployments the changes touch (as "
           "`diff` reports them) and the actions they ask for. Generated by `sessiontool schema set`."},
          {"type", "object"},
          {"required", names({"written", "files", "deployments", "actions"})},
          {"properties",
           {{"written", {{"type", "boolean"}, {"description", "false for --dry-run and --check."}}},
            {"files", {{"type", "array"}, {"items", file}}},
            {"deployments", {{"type", "array"}, {"items", {{"$ref", "#/definitions/deployment"}}}}},
            {"actions", {{"type", "array"}, {"items", {{"$ref", "#/definitions/action"}}}}}}},
          {"definitions", diff_definitions()}};
}


}  // namespace sessiontool::cli

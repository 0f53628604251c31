#include "json_schemas.hpp"

#include <stdexcept>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "catalog.hpp"
#include "diff_schema.hpp"
#include "resolve.hpp"
#include "rules.hpp"

namespace sessiontool::cli {
namespace {

using nlohmann::ordered_json;

constexpr const char* kDraft07 = "http://json-schema.org/draft-07/schema#";

// A .NET TimeSpan as sessiontool lint accepts it without a warning: [d.]hh:mm[:ss[.fffffff]]
// or d:hh:mm:ss[.fffffff] with hours 0-23 (a bare number, or hours over 23, is read as days:
// ST006, ST007). Zero and negative values are excluded where the setting must be positive
// (ST009): a value made of zeros, dots and colons only is zero.
std::string timespan_pattern(const SettingInfo& info) {
  const std::string h = "([01]?[0-9]|2[0-3])", m = "[0-5]?[0-9]", f = "(\\.[0-9]{1,7})?";
  const std::string body = fmt::format("([0-9]{{1,8}}\\.)?{0}:{1}(:{1}{2})?|[0-9]{{1,8}}:{0}:{1}:{1}{2}", h, m, f);
  const bool positive = info.min.ticks > 0 && !info.zero_means_off;
  const std::string timespan = positive ? fmt::format("(?![0.:]*$)({})", body) : fmt::format("-?({})", body);
  if (info.type == ValueType::timespan_or_max) return fmt::format("^(MaxValue|{})$", timespan);
  return fmt::format("^({})$", timespan);
}

std::string described(const SettingInfo& info) {
  std::string text(info.description);
  if (!info.default_value.empty()) text += fmt::format(" Default: {}.", info.default_value);
  if (info.until_platform) text += fmt::format(" Removed after platform {}.", info.until_platform);
  if (info.since_platform) text += fmt::format(" Since platform {}.", info.since_platform);
  return text;
}

// The schema of one setting's value as navsettings.json holds it.
ordered_json value_schema(const SettingInfo& info) {
  ordered_json s;
  s["description"] = described(info);
  switch (info.type) {
    case ValueType::timespan:
    case ValueType::timespan_or_max:
      s["type"] = "string";
      s["pattern"] = timespan_pattern(info);
      if (!info.default_value.empty()) s["default"] = info.default_value;
      break;
    case ValueType::seconds:
    case ValueType::integer: {
      // A JSON number, or digits in a string (both read the same); the range applies to numbers.
      s["type"] = {"integer", "string"};
      const bool seconds = info.type == ValueType::seconds;
      s["minimum"] = seconds ? info.min.ticks / Duration::kTicksPerSecond : info.min_int;
      s["maximum"] = seconds ? info.max.ticks / Duration::kTicksPerSecond : info.max_int;
      s["pattern"] = "^[0-9]+$";
      if (!info.default_value.empty()) s["default"] = std::stoll(std::string(info.default_value));
      break;
    }
    case ValueType::string:
      s["type"] = "string";
      if (!info.default_value.empty()) s["default"] = info.default_value;
      break;
  }
  return s;
}

// A pattern matching `name` in any letter case ("SessionTimeout" -> "^[Ss][Ee]...$"): JSON Schema
// has no case-insensitive property names, and the web server reads keys in any case.
std::string any_case_pattern(std::string_view name) {
  std::string pattern = "^";
  for (char c : name) {
    const char lower = c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
    const char upper = c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c;
    if (lower != upper) pattern += fmt::format("[{}{}]", upper, lower);
    else if (std::string_view(".^$*+?()[]{}|\\/").find(c) != std::string_view::npos) pattern += fmt::format("\\{}", c);
    else pattern += c;
  }
  return pattern + "$";
}

ordered_json navsettings_schema() {
  ordered_json settings = ordered_json::object();
  ordered_json any_case = {{"^//", {{"type", "string"}, {"description", "Help text, kept as it is."}}}};
  for (const SettingInfo& info : catalog()) {
    if (info.kind != FileKind::web || info.system_parameter) continue;
    settings[std::string(info.key)] = value_schema(info);
    any_case[any_case_pattern(info.key)] = value_schema(info);
  }
  const ordered_json section = {
      {"type", "object"},
      {"description",
       "The web server instance's settings. Keys sessiontool does not know are allowed; known keys match in any "
       "letter case, as the web server reads them."},
      {"properties", settings},
      {"patternProperties", any_case}};
  return {{"$schema", kDraft07},
          {"$id", "navsettings.schema.json"},
          {"title", "Business Central web server instance (navsettings.json)"},
          {"description",
           "The settings sessiontool knows, from its catalog, with the forms .NET reads without surprises. Keys and "
           "section names match in any letter case (patternProperties), as in the web server. Beyond JSON Schema: "
           "the web server also accepts // and /* */ comments and trailing commas (validate the file as JSON with "
           "comments), and refuses to start when a key occurs twice in any letter case, which no schema can say; "
           "`sessiontool lint` checks both. Generated by `sessiontool schema navsettings`."},
          {"type", "object"},
          {"properties",
           {{"$schema", {{"type", "string"}}},
            {"NAVWebSettings", section},
            {"ApplicationIdSettings", {{"type", "object"}}}}},
          {"patternProperties", {{any_case_pattern("NAVWebSettings"), section}}}};
}

ordered_json names(std::initializer_list<const char*> list) { return ordered_json(list); }

ordered_json show_schema() {
  ordered_json origins = ordered_json::array(), products = ordered_json::array(), kinds = ordered_json::array(),
               types = ordered_json::array(), keys = ordered_json::array();
  for (Origin o : {Origin::default_value, Origin::file, Origin::system_parameter, Origin::assumed})
    origins.push_back(to_string(o));
  for (Product p : {Product::business_central, Product::finance_operations}) products.push_back(to_string(p));
  for (FileKind k : {FileKind::server, FileKind::web, FileKind::aos}) kinds.push_back(to_string(k));
  for (ValueType t :
       {ValueType::timespan, ValueType::timespan_or_max, ValueType::seconds, ValueType::integer, ValueType::string})
    types.push_back(to_string(t));
  ordered_json settings_properties;
  for (const SettingInfo& info : catalog()) {
    keys.push_back(info.key);
    settings_properties[std::string(info.key)] = {
        {"allOf", {{{"$ref", "#/definitions/setting"}}}},
        {"properties", {{"type", {{"const", to_string(info.type)}}}}}};
  }
  const ordered_json seconds = {{"type", {"number", "null"}}, {"minimum", 0}};
  const ordered_json setting = {
      {"type", "object"},
      {"required", names({"value", "origin", "type"})},
      {"properties",
       {{"value", {{"type", "string"}, {"description", "The text in force (native form)."}}},
        {"seconds", {{"$ref", "#/definitions/seconds"}}},
        {"human", {{"type", "string"}}},
        {"number", {{"type", "integer"}}},
        {"origin", {{"enum", origins}}},
        {"path", {{"type", "string"}}},
        {"line", {{"type", "integer"}, {"minimum", 1}}},
        {"column", {{"type", "integer"}, {"minimum", 1}}},
        {"type", {{"enum", types}}},
        {"error", {{"type", "string"}}},
        {"ignored_on_platform", {{"type", "boolean"}}},
        {"spelling",
         {{"type", "string"}, {"description", "The key as the file spells it, when not in Microsoft's letter case."}}},
        {"removed",
         {{"type", "object"},
          {"description", "The file's <remove> or <clear/> that took the key out: the default applies."},
          {"required", names({"by", "path", "line", "column"})},
          {"properties", {{"by", {{"enum", names({"remove", "clear"})}}},
                          {"path", {{"type", "string"}}},
                          {"line", {{"type", "integer"}, {"minimum", 1}}},
                          {"column", {{"type", "integer"}, {"minimum", 1}}}}}}}}},
      {"if", {{"properties", {{"origin", {{"const", "file"}}}}}}},
      {"then", {{"required", names({"path", "line", "column"})}}}};
  const ordered_json effective = {
      {"type", "object"},
      {"required", names({"inactivity_timeout"})},
      {"properties",
       {{"inactivity_timeout",
         {{"type", "object"},
          {"required", names({"seconds", "bound_by"})},
          {"properties", {{"seconds", {{"$ref", "#/definitions/seconds"}}},
                          {"bound_by", {{"type", "array"}, {"items", {{"enum", keys}}}}}}}}},
        {"reconnect_window",
         {{"type", "object"},
          {"required", names({"seconds", "initial_inactivity_seconds", "reconnect_period_seconds"})},
          {"properties", {{"seconds", {{"$ref", "#/definitions/seconds"}}},
                          {"initial_inactivity_seconds", {{"$ref", "#/definitions/seconds"}}},
                          {"reconnect_period_seconds", {{"$ref", "#/definitions/seconds"}}},
                          {"removed_on_platform", {{"type", "boolean"}}},
                          {"depends_on_platform",
                           {{"type", "boolean"},
                            {"description", "The platform is unknown: `seconds` holds on 20 and earlier; on 21 and "
                                            "later there is no reconnect window."}}}}}}},
        {"warning_lead",
         {{"type", "object"},
          {"required", names({"seconds", "countdown_starts_at_seconds"})},
          {"properties", {{"seconds", {{"$ref", "#/definitions/seconds"}}},
                          {"countdown_starts_at_seconds", {{"$ref", "#/definitions/seconds"}}}}}}}}}};
  const ordered_json deployment = {
      {"type", "object"},
      {"required", names({"product", "name", "files", "settings", "effective"})},
      {"properties",
       {{"product", {{"enum", products}}},
        {"name", {{"type", "string"}}},
        {"files", {{"type", "array"},
                   {"items", {{"type", "object"},
                              {"required", names({"kind", "path"})},
                              {"properties", {{"kind", {{"enum", kinds}}}, {"path", {{"type", "string"}}}}}}}}},
        {"settings", {{"type", "object"}, {"propertyNames", {{"enum", keys}}}, {"properties", settings_properties}}},
        {"effective", effective},
        {"container",
         {{"type", "object"},
          {"description", "A Business Central container: its settings come from customNavSettings and "
                          "customWebSettings in this description (docker inspect, docker compose config, an env file)."},
          {"required", names({"name", "image", "source", "path", "line", "column"})},
          {"properties", {{"name", {{"type", "string"}}},
                          {"image", {{"type", "string"}}},
                          {"source", {{"enum", names({"docker-inspect", "compose", "env-file"})}}},
                          {"path", {{"type", "string"}}},
                          {"line", {{"type", "integer"}}},
                          {"column", {{"type", "integer"}}}}}}},
        {"platform",
         {{"type", "object"},
          {"description", "Business Central: the platform major version and what told it."},
          {"required", names({"major", "at_least", "source"})},
          {"properties", {{"major", {{"type", {"integer", "null"}}}},
                          {"at_least", {{"type", {"integer", "null"}}, {"description", "A lower bound when only that is known."}}},
                          {"source", {{"enum", names({"unknown", "option", "config", "install-folder", "content", "container"})}}},
                          {"evidence", {{"type", "string"}}}}}}},
        {"refused",
         {{"type", "array"},
          {"description", "What makes the product refuse a file: the server, web server or AOS does not start."},
          {"items", {{"type", "object"},
                     {"required", names({"kind", "path", "line", "column", "message"})},
                     {"properties", {{"kind", {{"enum", kinds}}},
                                     {"path", {{"type", "string"}}},
                                     {"line", {{"type", "integer"}}},
                                     {"column", {{"type", "integer"}}},
                                     {"message", {{"type", "string"}}}}}}}}},
        {"encrypted_app_settings",
         {{"type", "boolean"},
          {"description", "F&O: the web.config appSettings are encrypted; the legacy override cannot be read."}}},
        {"pairing", {{"type", "object"},
                     {"properties", {{"web_unmatched", {{"type", "boolean"}}},
                                     {"ambiguous_servers", {{"type", "array"}, {"items", {{"type", "string"}}}}}}}}}}},
      // Business Central deployments have a reconnect window, F&O ones a warning lead.
      {"if", {{"properties", {{"product", {{"const", "business-central"}}}}}}},
      {"then", {{"properties", {{"effective", {{"required", names({"reconnect_window"})}}}}}}},
      {"else", {{"properties", {{"effective", {{"required", names({"warning_lead"})}}}}}}}};
  return {{"$schema", kDraft07},
          {"$id", "show-output.schema.json"},
          {"title", "sessiontool show --format json"},
          {"description",
           "Effective session timeouts per deployment, every setting with its origin. Fields may be added; none "
           "is renamed. Generated by `sessiontool schema show`."},
          {"type", "object"},
          {"required", names({"deployments"})},
          {"properties", {{"deployments", {{"type", "array"}, {"items", {{"$ref", "#/definitions/deployment"}}}}}}},
          {"definitions", {{"seconds", seconds}, {"setting", setting}, {"deployment", deployment}}}};
}

ordered_json lint_schema() {
  ordered_json ids = ordered_json::array(), severities = ordered_json::array();
  for (const Rule& rule : rules()) ids.push_back(rule.id);
  for (Severity s : {Severity::error, Severity::warning, Severity::info}) severities.push_back(to_string(s));
  const ordered_json position = {{"type", {"integer", "null"}}, {"minimum", 1}};
  const ordered_json count = {{"type", "integer"}, {"minimum", 0}};
  const ordered_json diagnostic = {
      {"type", "object"},
      {"required",
       names({"rule", "severity", "file", "line", "column", "end_line", "end_column", "setting", "message"})},
      {"properties",
       {{"rule", {{"enum", ids}, {"description", "`sessiontool explain ID` tells why the rule exists."}}},
        {"severity", {{"enum", severities}}},
        {"file", {{"type", "string"}, {"description", "With forward slashes."}}},
        {"line", position},
        {"column", position},
        {"end_line", position},
        {"end_column", position},
        {"setting", {{"type", {"string", "null"}}}},
        {"message", {{"type", "string"}, {"minLength", 1}}}}}};
  return {{"$schema", kDraft07},
          {"$id", "lint-output.schema.json"},
          {"title", "sessiontool lint --format json"},
          {"description", "Findings in output order, and their counts. Generated by `sessiontool schema lint`."},
          {"type", "object"},
          {"required", names({"diagnostics", "summary"})},
          {"properties",
           {{"diagnostics", {{"type", "array"}, {"items", diagnostic}}},
            {"summary", {{"type", "object"},
                         {"required", names({"errors", "warnings", "infos", "files", "deployments"})},
                         {"properties", {{"errors", count}, {"warnings", count}, {"infos", count},
                                         {"files", count}, {"deployments", count}}}}}}}};
}

}  // namespace

std::vector<SchemaFile> schema_files() {
  return {{"navsettings", "navsettings.schema.json"},
          {"show", "show-output.schema.json"},
          {"lint", "lint-output.schema.json"},
          {"diff", "diff-output.schema.json"},
          {"set", "set-output.schema.json"}};
}

std::string json_schema(std::string_view name) {
  if (name == "navsettings") return navsettings_schema().dump(2) + "\n";
  if (name == "show") return show_schema().dump(2) + "\n";
  if (name == "lint") return lint_schema().dump(2) + "\n";
  if (name == "diff") return diff_output_schema().dump(2) + "\n";
  if (name == "set") return set_output_schema().dump(2) + "\n";
  throw std::logic_error(fmt::format("no schema called '{}'", name));
}

}  // namespace sessiontool::cli

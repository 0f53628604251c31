#include "cli_model.hpp"

#include <algorithm>
#include <stdexcept>
#include <string_view>

#include <CLI/CLI.hpp>

#include "read/catalog.hpp"
#include "lint/rules.hpp"
#include "lint/severity.hpp"

namespace sessiontool::cli {
namespace {

// What CLI11 cannot tell: the values of options that are not IsMember choices. "*" matches
// every subcommand. An option that takes a value must be listed here or have choices.
struct ValueHint {
  std::string_view command;
  std::string_view option;
  ValueKind kind;
};

constexpr ValueHint kValueHints[] = {
    {"*", "paths", ValueKind::path},
    {"*", "--config", ValueKind::file},
    {"*", "--platform", ValueKind::free},
    {"*", "--lb-idle-timeout", ValueKind::free},
    {"*", "--fo-inactivity-timeout", ValueKind::free},
    {"show", "--assume", ValueKind::assignment},
    {"lint", "--disable", ValueKind::rule_list},
    {"lint", "--severity", ValueKind::rule_severity},
    {"explain", "id", ValueKind::rule},
    {"set", "arguments", ValueKind::set_argument},
    {"set", "--unset", ValueKind::setting},
    {"diff", "old", ValueKind::path},
    {"diff", "new", ValueKind::path},
};

// "TEXT:{text,json}" -> {"text", "json"}: CLI::IsMember describes itself as "{a,b,c}".
std::vector<std::string> choices_of(const std::string& type_name) {
  std::vector<std::string> choices;
  const auto open = type_name.find(":{");
  if (open == std::string::npos) return choices;
  const auto close = type_name.find('}', open);
  std::string_view list(type_name.data() + open + 2, close - open - 2);
  while (!list.empty()) {
    const auto comma = list.find(',');
    choices.emplace_back(list.substr(0, comma));
    list = comma == std::string_view::npos ? std::string_view{} : list.substr(comma + 1);
  }
  return choices;
}

ValueKind hinted_kind(std::string_view command, std::string_view option) {
  for (const ValueHint& hint : kValueHints)
    if ((hint.command == "*" || hint.command == command) && hint.option == option) return hint.kind;
  throw std::logic_error("no completion value kind for " + std::string(command) + " " + std::string(option) +
                         " (add it to kValueHints in cli/cli_model.cpp)");
}

OptionModel option_model(std::string_view command, const CLI::Option& option) {
  OptionModel model;
  model.positional = !option.nonpositional();
  model.description = option.get_description();
  model.group = option.get_group();
  model.required = option.get_required();
  model.many = option.get_items_expected_max() > 1 ||
               option.get_multi_option_policy() == CLI::MultiOptionPolicy::TakeAll;
  if (model.positional) {
    model.names.push_back(option.get_single_name());
  } else {
    for (const std::string& name : option.get_lnames()) model.names.push_back("--" + name);
    for (const std::string& name : option.get_snames()) model.names.push_back("-" + name);
  }
  if (option.get_expected_max() == 0) return model;  // a flag

  const std::string type_name = option.get_type_name();
  model.choices = choices_of(type_name);
  model.value_name = type_name.substr(0, type_name.find(':'));
  if (!model.choices.empty()) {
    model.value = ValueKind::choice;
  } else {
    model.value = hinted_kind(command, model.names.front());
  }
  return model;
}

std::vector<std::string> sorted_unique(std::vector<std::string> list) {
  std::ranges::sort(list);
  list.erase(std::unique(list.begin(), list.end()), list.end());
  return list;
}

}  // namespace

std::string metavar(const OptionModel& option) {
  switch (option.value) {
    case ValueKind::none: return {};
    case ValueKind::free: return option.value_name;
    case ValueKind::choice: {
      std::string out;
      for (const std::string& choice : option.choices) out += (out.empty() ? "" : "|") + choice;
      return out;
    }
    case ValueKind::path: return "PATH";
    case ValueKind::file: return "FILE";
    case ValueKind::rule: return "ID";
    case ValueKind::rule_list: return "ID[,ID...]";
    case ValueKind::rule_severity: return "ID=LEVEL";
    case ValueKind::setting: return "KEY";
    case ValueKind::assignment: return "KEY=VALUE";
    case ValueKind::set_argument: return "KEY=VALUE|PATH";
  }
  return option.value_name;
}

CliModel cli_model(const CLI::App& app) {
  CliModel model;
  model.name = app.get_name();
  model.description = app.get_description();
  for (const CLI::Option* option : app.get_options()) model.options.push_back(option_model("", *option));

  const auto visible = [](const CLI::App* sub) { return !sub->get_group().empty(); };
  for (const CLI::App* sub : app.get_subcommands(visible)) {
    CommandModel command{.name = sub->get_name(), .description = sub->get_description(), .footer = sub->get_footer()};
    for (const CLI::Option* option : sub->get_options()) {
      OptionModel o = option_model(command.name, *option);
      (o.positional ? command.positionals : command.options).push_back(std::move(o));
    }
    model.commands.push_back(std::move(command));
  }

  for (const SettingInfo& info : catalog()) {
    model.known_keys.emplace_back(info.key);
    if (!info.system_parameter) model.set_keys.emplace_back(info.key);
  }
  model.known_keys = sorted_unique(std::move(model.known_keys));
  model.set_keys = sorted_unique(std::move(model.set_keys));
  for (const Rule& rule : rules()) {
    model.rule_ids.emplace_back(rule.id);
    if (configurable_rule(rule.id)) model.configurable_rule_ids.emplace_back(rule.id);
  }
  for (Severity s : {Severity::error, Severity::warning, Severity::info}) model.severities.emplace_back(to_string(s));
  return model;
}

}  // namespace sessiontool::cli

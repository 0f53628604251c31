#pragma once
// The command line as data, read from the CLI11 definition (build_app) plus what CLI11 cannot
// say: which values an option takes (setting keys from the catalog, rule ids from the rule
// table). The shell completions and the man page are rendered from it, so none of them can
// name an option the binary does not have.

#include <string>
#include <vector>

// Declared only: the renderers that include this need no CLI11 (a costly header to compile).
namespace CLI {
class App;
}

namespace sessiontool::cli {

// What an option's (or positional's) value is, for completing and documenting it.
enum class ValueKind {
  none,           // a flag
  free,           // a number or a duration: nothing to offer
  choice,         // one of `choices` (CLI::IsMember)
  path,           // a file or directory
  file,           // a file
  rule,           // a rule id (explain)
  rule_list,      // rule ids, comma-separated (--disable)
  rule_severity,  // ID=error|warning|info (--severity)
  setting,        // a setting key `set` can write (--unset)
  assignment,     // KEY=VALUE over every known setting (--assume)
  set_argument,   // KEY=VALUE for a key `set` can write, or a path
};

struct OptionModel {
  std::vector<std::string> names;  // "--format", "-h"; a positional's name ("paths")
  std::string value_name;          // "TEXT", "KEY=VALUE|PATH"; empty for a flag
  std::string description;
  std::string group;  // CLI11's option group: "Options", "Common options"
  ValueKind value = ValueKind::none;
  std::vector<std::string> choices;
  bool positional = false;
  bool required = false;
  bool many = false;  // takes several values or may be repeated
};

struct CommandModel {
  std::string name;
  std::string description;
  std::string footer;  // the examples of --help
  std::vector<OptionModel> options;      // --help first, in definition order
  std::vector<OptionModel> positionals;  // in definition order
};

struct CliModel {
  std::string name;  // "sessiontool"
  std::string description;
  std::vector<OptionModel> options;    // --help, --version
  std::vector<CommandModel> commands;  // visible subcommands, in definition order
  std::vector<std::string> set_keys;     // keys `set` can write (file keys), sorted, unique
  std::vector<std::string> known_keys;   // every catalogued key (--assume), sorted, unique
  std::vector<std::string> rule_ids;     // every rule (explain)
  std::vector<std::string> configurable_rule_ids;  // --disable, --severity
  std::vector<std::string> severities;   // error, warning, info
};

// How the man page names an option's value: "text|json", "KEY=VALUE", "DURATION".
std::string metavar(const OptionModel& option);

// Throws std::logic_error for an option whose value kind nobody decided (a new option needs a
// line in cli_model.cpp), so the completions never silently miss one.
CliModel cli_model(const CLI::App& app);

}  // namespace sessiontool::cli

// sessiontool schema NAME (hidden): the JSON Schemas that derive from the catalog and the
// rule table; schemas/ keeps their output, and a test fails when the two differ.

#include <memory>

#include <fmt/format.h>

#include "commands.hpp"
#include "exit_codes.hpp"
#include "json_schemas.hpp"

namespace sessiontool::cli {

void setup_schema(CLI::App& app, int& exit_code) {
  auto name = std::make_shared<std::string>();
  CLI::App* command = app.add_subcommand("schema", "Print a JSON Schema derived from the settings catalog");
  command->group("");  // hidden: for the repository's schemas/, not for users
  std::vector<std::string> names;
  for (const SchemaFile& schema : schema_files()) names.emplace_back(schema.name);
  command->add_option("name", *name, "Which schema")->required()->check(CLI::IsMember(names));
  command->callback([name, &exit_code] {
    fmt::print("{}", json_schema(*name));
    exit_code = kExitOk;
  });
}

}  // namespace sessiontool::cli

#pragma once
// JSON Schemas (draft-07) built from the catalog and the rule table, so that schemas/ cannot
// fall behind them: the settings of navsettings.json, and the JSON that `show`, `lint`, `diff` and
// `set` print (the last two in diff_schema.cpp).

#include <string>
#include <string_view>
#include <vector>

namespace sessiontool::cli {

// The schemas `sessiontool schema NAME` prints, with the file each is kept in under schemas/.
struct SchemaFile {
  std::string_view name;  // "navsettings"
  std::string_view file;  // "navsettings.schema.json"
};
std::vector<SchemaFile> schema_files();

// The schema called `name` (one of schema_files()), as indented JSON with a final newline.
std::string json_schema(std::string_view name);

}  // namespace sessiontool::cli

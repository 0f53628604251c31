#pragma once
// The JSON Schemas of `diff --format json` and `set --format json` (json_schemas.hpp lists them;
// `sessiontool schema diff|set` prints them), from the enums and tables the outputs use.

#include <nlohmann/json.hpp>

namespace sessiontool::cli {

nlohmann::ordered_json diff_output_schema();
nlohmann::ordered_json set_output_schema();

}  // namespace sessiontool::cli

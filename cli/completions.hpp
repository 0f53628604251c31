#pragma once
// Shell completion scripts rendered from the command line model (one file per shell).

#include <string>
#include <string_view>
#include <vector>

#include "cli_model.hpp"

namespace sessiontool::cli {

std::string bash_completion(const CliModel& model);
std::string zsh_completion(const CliModel& model);
std::string fish_completion(const CliModel& model);
std::string powershell_completion(const CliModel& model);

// "a b c": words for a shell word list (the words need no quoting: keys, ids, option names).
std::string join_words(const std::vector<std::string>& words, std::string_view separator = " ");
// The names of a kind ("choice", "rule-list"), as the generated scripts spell them.
const char* value_kind_name(ValueKind kind);

}  // namespace sessiontool::cli

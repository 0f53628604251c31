// sessiontool completions SHELL: the completion script for a shell, from this binary's own
// command line (so a script never offers an option the binary lacks).

#include <memory>

#include <fmt/format.h>

#include "commands.hpp"
#include "completions.hpp"
#include "exit_codes.hpp"

namespace sessiontool::cli {

std::string join_words(const std::vector<std::string>& words, std::string_view separator) {
  return fmt::format("{}", fmt::join(words, separator));
}

const char* value_kind_name(ValueKind kind) {
  switch (kind) {
    case ValueKind::none: return "none";
    case ValueKind::free: return "free";
    case ValueKind::choice: return "choice";
    case ValueKind::path: return "path";
    case ValueKind::file: return "file";
    case ValueKind::rule: return "rule";
    case ValueKind::rule_list: return "rule-list";
    case ValueKind::rule_severity: return "rule-severity";
    case ValueKind::setting: return "setting";
    case ValueKind::assignment: return "assignment";
    case ValueKind::set_argument: return "set-argument";
  }
  return "free";
}

void setup_completions(CLI::App& app, int& exit_code) {
  auto shell = std::make_shared<std::string>();
  CLI::App* command =
      app.add_subcommand("completions", "Print the shell completion script for bash, zsh, fish or PowerShell");
  command->add_option("shell", *shell, "The shell")
      ->required()
      ->check(CLI::IsMember({"bash", "zsh", "fish", "powershell"}));
  command->footer(
      "Examples (the packages install these scripts already; this is by hand):\n"
      "  sessiontool completions bash > ~/.local/share/bash-completion/completions/sessiontool\n"
      "  sessiontool completions zsh > ~/.zfunc/_sessiontool      # with fpath+=(~/.zfunc) before compinit\n"
      "  sessiontool completions fish > ~/.config/fish/completions/sessiontool.fish\n"
      "  sessiontool completions powershell >> $PROFILE           # PowerShell 5.1 or 7");
  command->callback([&app, shell, &exit_code] {
    const CliModel model = cli_model(app);
    if (*shell == "bash") fmt::print("{}", bash_completion(model));
    if (*shell == "zsh") fmt::print("{}", zsh_completion(model));
    if (*shell == "fish") fmt::print("{}", fish_completion(model));
    if (*shell == "powershell") fmt::print("{}", powershell_completion(model));
    exit_code = kExitOk;
  });
}

}  // namespace sessiontool::cli

#include "man_page.hpp"

#include <fmt/format.h>

#include "common_options.hpp"

namespace sessiontool::cli {
namespace {

// Text for roff: backslashes, and a line that would start with a control character.
std::string roff(std::string_view text) {
  std::string out;
  bool line_start = true;
  for (char c : text) {
    if (line_start && (c == '.' || c == '\'')) out += "\\&";
    if (c == '\\') out += "\\e";
    else if (c == '-') out += "\\-";
    else out += c;
    line_start = c == '\n';
  }
  return out;
}

std::string option_item(const OptionModel& option) {
  std::string names;
  for (const std::string& name : option.names)
    names += (names.empty() ? "" : ", ") + fmt::format("\\fB{}\\fR", roff(name));
  const std::string value = metavar(option);
  if (!value.empty()) names += fmt::format(" \\fI{}\\fR", roff(value));
  return fmt::format(".TP\n{}\n{}\n", names, roff(option.description));
}

std::string usage(const CliModel& model, const CommandModel& command) {
  std::string out = fmt::format(".B {} {}\n[\\fIoptions\\fR]", model.name, command.name);
  for (const OptionModel& positional : command.positionals) {
    const std::string name = fmt::format("\\fI{}\\fR{}", roff(metavar(positional)), positional.many ? "..." : "");
    out += positional.required ? " " + name : " [" + name + "]";
  }
  return out + "\n";
}

// A footer holds the examples of --help: kept as they are, in a no-fill block.
std::string footer(std::string_view text) {
  if (text.empty()) return {};
  return fmt::format(".PP\n.nf\n{}\n.fi\n", roff(text));
}

bool is_common(const OptionModel& option) { return option.group == kCommonOptionsGroup; }

constexpr const char* kDescription = R"(.SH DESCRIPTION
.B sessiontool
tells administrators of Microsoft Dynamics 365 Business Central (and NAV) and Dynamics 365
Finance & Operations when their users' sessions really close, and why.
It reads the Business Central server's
.IR CustomSettings.config ,
the web server's
.I navsettings.json
(or a NAV\-era
.IR web.config )
and the F&O AOS
.IR web.config ,
resolves the effective inactivity timeout, reconnect window and warning lead time, and names
the origin of every value: a default, a file with its line and column, an option, or a what\-if.
.PP
A directory is searched recursively; files are recognised by name (case\-insensitively) or by
content. A server instance and the web instances that name it (same
.B ServerInstance
and port) form one deployment.
)";

constexpr const char* kReference = R"(.SH DURATIONS
Options and
.B set
take a .NET TimeSpan as Business Central writes it
.RB ( 00:20:00 ,
.BR 1.02:00:00 ),
.B MaxValue
or
.B never
for no limit, or a duration such as
.BR 90s ,
.BR 30m ,
.B 1h30m
or
.BR 2d .
A bare number is days to .NET
.RB ( 10
is ten days), so
.B set
refuses it for a TimeSpan setting.
.SH HOW FILES ARE READ
As the products read them. In
.I CustomSettings.config
and a
.I web.config
section, keys match in any letter case, a later
.B <add>
replaces an earlier one,
.B <remove>
and
.B <clear/>
take entries out, and what System.Configuration refuses (another element, an unknown attribute,
anything after the root of
.IR CustomSettings.config )
stops the server (rule ST012). In
.IR navsettings.json ,
comments and trailing commas are allowed, keys and sections match in any letter case, a key
twice in any case stops the web server (ST004), numbers and booleans are read as their text,
and only
.B NAVWebSettings
counts. A key spelt in another case is used (ST010).
.SH PLATFORM
On platform 21 and later a session ends when its connection is lost: there is no reconnect
window. The platform comes from
.BR \-\-platform ,
else
.B platform
in the configuration file, else the files: the version folder of a standard install path
.RI ( .../Microsoft\ Dynamics\ 365\ Business\ Central/230/Service/
is 23), or a key that exists only from some version on. When nothing tells,
.B show
gives both outcomes.
.SH CONFIGURATION FILE
.I .sessiontool.json
is found from the working directory upward, or given with
.BR \-\-config .
It may hold
.B disable
(rule ids),
.B severity
(rule id to error, warning or info),
.BR lb_idle_timeout ,
.BR fo_inactivity_timeout ,
.B platform
and
.B policy
.RB ( max_inactivity ,
.BR min_inactivity ,
.BR max_reconnect_window ).
Options on the command line override it. Its JSON Schema is installed as
.IR sessiontool\-config.schema.json .
.SH EXIT STATUS
.TP
.B 0
Success.
.TP
.B 1
.B lint
found something at or above
.BR \-\-fail\-on ;
.B set \-\-check
found a file that would change;
.B diff
found a change: a deployment whose behaviour changes (an effective value, a finding that
appears or goes) or one added or removed. As with \fBgit diff\fR \fB\-\-exit\-code\fR and
.BR diff (1),
1 means a difference, not a failure: a CI step that only reports writes
.BR "sessiontool diff ... || [ $? \-eq 1 ]" .
.TP
.B 2
A bad command line or configuration file.
.TP
.B 3
An input file could not be read or parsed (the others are still reported); for
.BR set ,
also a file that cannot be written.
.TP
.B 4
.B set
refused a value; nothing was written.
.TP
.B 70
An internal error (a bug: please report it).
.SH ENVIRONMENT
.TP
.B NO_COLOR
When set, no colour, whatever
.B \-\-color
says.
.TP
.BR GITHUB_ACTIONS ", " GITHUB_WORKSPACE
In a GitHub Actions job,
.B lint
with no
.B \-\-format
also prints workflow annotations, with paths relative to the workspace.
.TP
.B TF_BUILD
In an Azure Pipelines job,
.B lint
with no
.B \-\-format
also prints
.B ##vso[task.logissue]
commands.
.SH FILES
.TP
.I CustomSettings.config
Business Central server instance settings.
.TP
.I navsettings.json
Business Central web server instance settings (NAV 2013\-2017:
.I web.config
with a
.B DynamicsNAVSettings
section).
.TP
.I web.config
Finance & Operations AOS settings
.RB ( WebClientStatefulSessionTimeoutInSeconds ).
.SH SEE ALSO
.B sessiontool rules
lists the lint rules and
.B sessiontool explain
.I ID
tells why each exists.
)";

}  // namespace

std::string man_page(const CliModel& model, std::string_view version) {
  std::string out = fmt::format(
      ".\\\" Generated by `{0} man` from its command-line definition; do not edit.\n"
      ".TH {1} 1 \"\" \"{0} {2}\" \"User Commands\"\n.SH NAME\n{0} \\- {3}\n.SH SYNOPSIS\n",
      model.name, "SESSIONTOOL", version, "when Business Central and Finance & Operations sessions really close");
  for (const CommandModel& command : model.commands) out += usage(model, command) + ".br\n";
  out += fmt::format(".B {} \\-\\-version\n", model.name);
  out += kDescription;

  out += ".SH COMMANDS\n";
  const CommandModel* common_command = nullptr;  // the first that has them: lists them once
  for (const CommandModel& command : model.commands) {
    out += fmt::format(".SS {}\n{}\n", command.name, usage(model, command));
    out += fmt::format(".PP\n{}.\n", roff(command.description));
    bool has_common = false;
    for (const OptionModel& option : command.options) {
      if (is_common(option)) {
        has_common = true;
        continue;
      }
      if (option.names.front() != "--help") out += option_item(option);
    }
    if (has_common) {
      if (!common_command) common_command = &command;
      out += ".PP\nAnd the common options below.\n";
    }
    out += footer(command.footer);
  }
  if (common_command) {
    out += ".SH COMMON OPTIONS\n";
    for (const OptionModel& option : common_command->options)
      if (is_common(option)) out += option_item(option);
  }
  out += ".SH OPTIONS\n";
  for (const OptionModel& option : model.options) out += option_item(option);
  out += ".PP\nEvery command also takes\n.BR \\-h \", \" \\-\\-help .\n";
  out += kReference;
  return out;
}

}  // namespace sessiontool::cli

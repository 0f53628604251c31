#include "lint/value_checks.hpp"

#include <fmt/format.h>

#include "lint/rules.hpp"

namespace sessiontool {
namespace {

// The F&O rules: the allowed 5-60 minutes, and the seed's warning above 30 minutes.
void check_fo_range(const SettingInfo& info, std::string_view text, Duration d, std::vector<ValueProblem>& out) {
  const bool legacy = !info.system_parameter;
  if (d < info.min || d > info.max) {
    out.push_back({"ST201", legacy ? Severity::warning : Severity::error,
                   fmt::format("{} = {} ({}) is outside the allowed 5 to 60 minutes{}; use a value from {} to {}",
                               info.key, text, format_human(d),
                               legacy ? " (the legacy override is honoured anyway)" : "",
                               native_value(info, info.min).value_or(""), native_value(info, info.max).value_or(""))});
  }
  if (d > Duration::minutes(30)) {
    out.push_back({"ST202", Severity::warning,
                   fmt::format("{} = {} ({}) is over 30 minutes: \"Increasing the inactivity session timeout can "
                               "cause extra load on your system, which can lead to a decrease in performance.\" "
                               "Keep it at 30 minutes or less unless users need more",
                               info.key, text, format_human(d))});
  }
}

}  // namespace

std::vector<ValueProblem> check_value(const SettingInfo& info, std::string_view text) {
  std::vector<ValueProblem> out;
  const Interpretation value = interpret_value(info, text);
  if (!value.ok()) {
    out.push_back({"ST003", Severity::error,
                   fmt::format("{} = \"{}\" is not a valid {}: {}", info.key, text, to_string(info.type), value.error)});
    return out;
  }
  if (value.integer && info.type == ValueType::integer && info.max_int > info.min_int &&
      (*value.integer < info.min_int || *value.integer > info.max_int)) {
    out.push_back({"ST003", Severity::error,
                   fmt::format("{} = {} is outside the valid range {} to {}", info.key, text, info.min_int, info.max_int)});
    return out;
  }
  if (!value.duration) return out;
  const Duration d = *value.duration;
  const ParsedTimeSpan& ts = value.timespan;
  if (ts.bare_number_days) {
    // "10" in a TimeSpan is ten days; the writer almost always meant minutes or seconds.
    const auto days = d.ticks / (Duration::kTicksPerSecond * 86400);
    std::string minutes_hint = days >= 0 && days < 60 ? fmt::format("00:{:02}:00 for {} minutes, or ", days, days) : "";
    out.push_back({"ST006", Severity::warning,
                   fmt::format("{} = {} is read as {} days ({}); write {}{} if days are meant", info.key, text,
                               days, format_timespan(d), minutes_hint, format_timespan(d))});
  }
  if (ts.first_field_days)
    out.push_back({"ST007", Severity::warning,
                   fmt::format("{} = {} is read as {} ({}): a first field over 23 is days in .NET; write {} to "
                               "make it explicit, or use hours below 24",
                               info.key, text, format_timespan(d), format_human(d), format_timespan(d))});
  if (ts.has_fraction)
    out.push_back({"ST008", Severity::info,
                   fmt::format("{} = {} has fractional seconds, which .NET reads according to the server's culture; "
                               "use whole seconds",
                               info.key, text)});
  if (d.ticks <= 0 && !info.zero_means_off)
    out.push_back({"ST009", Severity::error,
                   fmt::format("{} = {} is {} but must be a positive duration; set it to {} (the default) or "
                               "another positive value",
                               info.key, text, d.ticks == 0 ? "zero" : "negative",
                               info.default_value.empty() ? "a value" : info.default_value)});
  else if (info.kind == FileKind::aos)
    check_fo_range(info, text, d, out);
  return out;
}

namespace {

// Each value a file gives, against its setting's type and range.
void values(const Document& doc, const LintOptions& options, std::vector<Diagnostic>& out) {
  const BcPlatform platform = platform_for(options.resolve, &doc, nullptr);
  for (const Entry& entry : doc.entries) {
    const SettingInfo* info = entry.setting;  // none when the entry does not apply (ST011)
    if (!info || info->system_parameter) continue;
    if (platform.excludes(info->since_platform, info->until_platform)) continue;  // ST107: the value does not matter
    for (ValueProblem& problem : check_value(*info, entry.value))
      out.push_back(at_value(problem.rule, problem.severity, doc, entry, std::move(problem.message)));
  }
}

// The F&O system parameter given on the command line or in the config file (ST201, ST202).
void system_parameter_values(const LintInput& input, std::vector<Diagnostic>& out) {
  for (const Deployment& d : input.deployments) {
    if (d.product != Product::finance_operations) continue;
    const Setting& parameter = *d.find(keys::kFoSystemParameter);
    if (parameter.origin != Origin::system_parameter) continue;
    // The value lives in the database: the finding sits at the deployment's web.config.
    const std::string source = input.options.fo_inactivity_source.empty() ? "--fo-inactivity-timeout"
                                                                          : input.options.fo_inactivity_source;
    for (ValueProblem& problem : check_value(*parameter.info, parameter.value))
      out.push_back(at_file(problem.rule, problem.severity, *d.aos,
                            fmt::format("{} (the system parameter \"Session inactivity timeout in minutes\", "
                                        "given by {}; shown at this AOS's web.config because it is stored in "
                                        "the database)",
                                        problem.message, source),
                            parameter.info->key));
  }
}

using enum Severity;

constexpr Rule kRules[] = {
    {.id = "ST003", .severity = error, .name = "InvalidValue", .title = "value is not valid for the setting's type",
     .explanation = R"(The value is not valid for the setting's type. Durations in CustomSettings.config and
navsettings.json are .NET TimeSpan strings ([d.]hh:mm[:ss[.fffffff]], or MaxValue where the
setting allows it); ClientServicesKeepAliveInterval and WebClientStatefulSessionTimeoutInSeconds
are whole seconds; ports are whole numbers. A value the server cannot parse makes it fall back
to its default, or refuse to start.

Fix: write the value in the setting's format, e.g. 00:20:00 for 20 minutes.)",
     .document_check = values},
    {.id = "ST006", .severity = warning, .name = "BareNumberIsDays", .title = "TimeSpan is a bare number, read as days",
     .explanation = R"(A TimeSpan written as a bare number is read as days: .NET's TimeSpan.Parse reads "10" as ten
days, not ten minutes or seconds. A SessionTimeout of "20" keeps idle sessions for twenty days.

Fix: write the full form, e.g. 00:20:00 for 20 minutes, or 10.00:00:00 if days are really meant.)",
     .document_check = values},
    {.id = "ST007", .severity = warning, .name = "HoursOver23AreDays",
     .title = "first TimeSpan field over 23, read as days",
     .explanation = R"(The first field of a TimeSpan is over 23, so .NET reads it as days: "24:00:00" is 24 days and
"48:00:00" is 48 days, not 24 or 48 hours.

Fix: write days explicitly (1.00:00:00 for one day), or keep hours between 0 and 23.)",
     .document_check = values},
    {.id = "ST008", .severity = info, .name = "FractionalSeconds", .title = "fractional seconds are culture-dependent",
     .explanation = R"(The TimeSpan has fractional seconds. How .NET reads the fraction separator depends on the
server's culture settings, so the same file can mean different durations on different servers.

Fix: use whole seconds.)",
     .document_check = values},
    {.id = "ST009", .severity = error, .name = "NonPositiveDuration",
     .title = "zero or negative where a positive duration is required",
     .explanation = R"(The duration is zero or negative where the setting needs a positive one (00:00:00 means "off"
only for the few settings whose catalog entry says so). A zero timeout closes sessions at once
or is rejected by the server.

Fix: set a positive duration, or delete the line to get the default.)",
     .document_check = values},
    {.id = "ST201", .severity = error, .name = "FoTimeoutOutOfRange",
     .title = "F&O inactivity timeout outside 5-60 minutes",
     .explanation = R"(The F&O session inactivity timeout is outside the allowed 5 to 60 minutes ("You can set the
values from 5 minutes to 60 minutes"). For the system parameter "Session inactivity timeout in
minutes" this is an error. For the legacy web.config key WebClientStatefulSessionTimeoutInSeconds
it is a warning: a value set there through a support request "will still be honored", even
outside the range the System parameters page allows.

The system parameter is stored in the database: give its value with --fo-inactivity-timeout or
fo_inactivity_timeout in .sessiontool.json; its findings point at the AOS web.config.

Fix: use a value from 5 to 60 minutes (300 to 3600 seconds for the legacy key).)",
     .document_check = values, .deployment_check = system_parameter_values},
    {.id = "ST202", .severity = warning, .name = "FoTimeoutOver30Minutes",
     .title = "F&O inactivity timeout over 30 minutes: extra load",
     .explanation = R"(The F&O session inactivity timeout is over 30 minutes, the default. The System parameters page
asks for confirmation above 30: "Increasing the inactivity session timeout can cause extra load
on your system, which can lead to a decrease in performance. Are you sure you want to
continue?" The higher the value, the higher the load.

Fix: keep the timeout at 30 minutes or less unless users really need longer sessions; then
disable this rule for that deployment's folder in .sessiontool.json.)",
     .document_check = values, .deployment_check = system_parameter_values},
};

}  // namespace

std::span<const Rule> value_rules() { return kRules; }

}  // namespace sessiontool

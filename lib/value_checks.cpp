#include "value_checks.hpp"

#include <fmt/format.h>

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

}  // namespace sessiontool

// Human durations, as people type them on the command line and read them in reports: "45m",
// "1h30m", "never"; and the command line's duration arguments, human or TimeSpan.

#include <array>
#include <cstdint>
#include <limits>
#include <string>
#include <string_view>

#include <fmt/format.h>

#include "text/ascii_case.hpp"
#include "text/duration.hpp"
#include "text/timespan.hpp"

namespace sessiontool {
namespace {

constexpr std::string_view kAcceptedForms =
    "use 90s, 30m, 1h30m, 2d, 1d12h, 500ms, never, MaxValue, or a TimeSpan [d.]hh:mm[:ss[.fffffff]] "
    "such as 00:20:00";

// Human durations: [-] then number+unit pairs from largest unit to smallest, each unit once,
// e.g. "1d12h", "1h 30m", "1.5s". Units d h m s ms, any case. A fraction may have as many
// digits as still give whole ticks (7, or 4 for ms), so the value is exact.
std::expected<Duration, std::string> parse_human(std::string_view s) {
  struct Unit {
    std::string_view name;
    std::int64_t ticks;
    int max_fraction_digits;
  };
  constexpr std::array<Unit, 5> kUnits = {{{"d", kTicksPerDay, 7},
                                           {"h", kTicksPerHour, 7},
                                           {"m", kTicksPerMinute, 7},
                                           {"s", Duration::kTicksPerSecond, 7},
                                           {"ms", kTicksPerMillisecond, 4}}};
  const std::string original(s);
  auto fail = [&](std::string_view why) {
    return std::unexpected(fmt::format("\"{}\" is not a duration ({}): {}", original, why, kAcceptedForms));
  };
  bool negative = false;
  if (s.starts_with('-')) { negative = true; s.remove_prefix(1); }
  // Magnitudes up to TimeSpan.MinValue's (one tick past MaxValue's), so format_human(MinValue)
  // reads back.
  const std::uint64_t limit = static_cast<std::uint64_t>(Duration::kMaxTicks) + (negative ? 1 : 0);
  std::uint64_t total = 0;
  std::size_t next_unit = 0;  // units must come in kUnits order
  bool any = false;
  while (true) {
    s = dotnet_trim(s);
    if (s.empty()) break;
    if (!is_digit(s.front())) return fail("expected a number");
    std::uint64_t whole = 0;
    std::size_t i = 0;
    for (; i < s.size() && is_digit(s[i]); ++i) {
      // Past 10^17 every unit is out of range; stopping here keeps the arithmetic exact.
      if (whole > 100'000'000'000'000'000ULL) return std::unexpected(std::string(kTooManyDays));
      whole = whole * 10 + static_cast<unsigned>(s[i] - '0');
    }
    std::uint64_t fraction = 0, fraction_scale = 1;
    int fraction_digits = 0;
    if (i < s.size() && s[i] == '.') {
      for (++i; i < s.size() && is_digit(s[i]); ++i, ++fraction_digits) {
        if (fraction_digits < 18) { fraction = fraction * 10 + static_cast<unsigned>(s[i] - '0'); fraction_scale *= 10; }
      }
      if (fraction_digits == 0) return fail("expected digits after the decimal point");
    }
    std::size_t unit_end = i;
    while (unit_end < s.size() && ((s[unit_end] | 0x20) >= 'a' && (s[unit_end] | 0x20) <= 'z')) ++unit_end;
    const std::string_view unit_text = s.substr(i, unit_end - i);
    if (unit_text.empty()) return fail(fmt::format("no unit after {}", s.substr(0, i)));
    std::size_t u = 0;
    while (u < kUnits.size() && !equals_ignoring_case(unit_text, kUnits[u].name)) ++u;
    if (u == kUnits.size()) return fail(fmt::format("unknown unit \"{}\"", unit_text));
    if (u < next_unit) return fail("units must go from largest to smallest, each once");
    if (fraction_digits > kUnits[u].max_fraction_digits) return fail("more decimals than 100 ns ticks can hold");
    const std::int64_t unit_ticks = kUnits[u].ticks;
    if (whole > limit / static_cast<std::uint64_t>(unit_ticks)) return std::unexpected(std::string(kTooManyDays));
    const std::uint64_t part = whole * static_cast<std::uint64_t>(unit_ticks) +
                               fraction * static_cast<std::uint64_t>(unit_ticks) / fraction_scale;
    if (part > limit - total) return std::unexpected(std::string(kTooManyDays));
    total += part;
    next_unit = u + 1;
    any = true;
    s.remove_prefix(unit_end);
  }
  if (!any) return fail("expected a number and a unit");
  if (!negative) return Duration{static_cast<std::int64_t>(total)};
  return Duration{total == limit ? std::numeric_limits<std::int64_t>::min() : -static_cast<std::int64_t>(total)};
}

}  // namespace

std::string format_human(Duration d) {
  if (d.is_unbounded()) return "never";
  if (d.ticks == 0) return "0s";
  const std::uint64_t mag = tick_magnitude(d.ticks);
  const std::uint64_t fraction = mag % Duration::kTicksPerSecond;
  const std::uint64_t seconds = mag / Duration::kTicksPerSecond;
  std::string out = d.ticks < 0 ? "-" : "";
  if (seconds / 86400 != 0) out += fmt::format("{}d", seconds / 86400);
  if (seconds / 3600 % 24 != 0) out += fmt::format("{}h", seconds / 3600 % 24);
  if (seconds / 60 % 60 != 0) out += fmt::format("{}m", seconds / 60 % 60);
  if (seconds % 60 != 0 || fraction != 0) {
    out += fmt::format("{}", seconds % 60);
    if (fraction != 0) {
      std::string digits = fmt::format("{:07}", fraction);
      digits.erase(digits.find_last_not_of('0') + 1);
      out += "." + digits;
    }
    out += "s";
  }
  return out;
}

std::expected<ParsedTimeSpan, std::string> parse_duration_argument_detailed(std::string_view text) {
  const std::string_view s = dotnet_trim(text);
  if (equals_ignoring_case(s, "never")) return ParsedTimeSpan{Duration::unbounded(), false, false, false, false};
  bool has_letter = false;
  for (char c : s) has_letter = has_letter || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z');
  if (has_letter && !equals_ignoring_case(s, "MaxValue")) {
    auto human = parse_human(s);
    if (!human) return std::unexpected(human.error());
    return ParsedTimeSpan{*human, false, false, false, false};
  }
  // Everything else is a TimeSpan exactly as the config file would hold it. That includes a
  // bare number, which .NET reads as days ("10" is 10 days): the flag lets the caller warn.
  auto parsed = parse_timespan_detailed(s);
  if (!parsed) {
    if (parsed.error().kind == TimeSpanErrorKind::format)
      return std::unexpected(fmt::format("\"{}\" is not a duration: {}", std::string(s), kAcceptedForms));
    return std::unexpected(fmt::format("\"{}\": {}", std::string(s), parsed.error().message));
  }
  return *parsed;
}

std::expected<Duration, std::string> parse_duration_argument(std::string_view text) {
  auto parsed = parse_duration_argument_detailed(text);
  if (!parsed) return std::unexpected(parsed.error());
  return parsed->value;
}

}  // namespace sessiontool

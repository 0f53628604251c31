#pragma once
// Durations: .NET TimeSpan strings exactly as TimeSpan.Parse (invariant culture) reads them,
// and the human forms people type on the command line (90s, 30m, 1h30m, 2d, never).

#include <cstdint>
#include <expected>
#include <limits>
#include <string>
#include <string_view>

namespace sessiontool {

// A length of time in .NET ticks (100 ns). TimeSpan.MaxValue (BC's "MaxValue") is unbounded.
struct Duration {
  static constexpr std::int64_t kTicksPerSecond = 10'000'000;
  static constexpr std::int64_t kMaxTicks = std::numeric_limits<std::int64_t>::max();

  std::int64_t ticks = 0;

  static constexpr Duration unbounded() { return {kMaxTicks}; }
  static constexpr Duration seconds(std::int64_t s) { return {s * kTicksPerSecond}; }
  static constexpr Duration minutes(std::int64_t m) { return seconds(m * 60); }

  constexpr bool is_unbounded() const { return ticks == kMaxTicks; }
  // Seconds as a number (fractions kept); only meaningful when bounded.
  constexpr double total_seconds() const { return static_cast<double>(ticks) / kTicksPerSecond; }
  // Whole seconds when the value has no fraction of a second.
  constexpr bool whole_seconds() const { return ticks % kTicksPerSecond == 0; }

  friend constexpr auto operator<=>(const Duration&, const Duration&) = default;
};

// a + b for the non-negative durations of a timeline: unbounded when either is, or when the sum
// passes what a TimeSpan holds (TimeSpan.MaxValue as a reconnect period, plus the keep-alives).
constexpr Duration saturating_sum(Duration a, Duration b) {
  if (a.is_unbounded() || b.is_unbounded() || (b.ticks > 0 && a.ticks > Duration::kMaxTicks - b.ticks))
    return Duration::unbounded();
  return {a.ticks + b.ticks};
}

// What TimeSpan.Parse accepted, and the traps in how it was written.
struct ParsedTimeSpan {
  Duration value;
  bool max_value_keyword = false;   // written "MaxValue"
  bool bare_number_days = false;    // "10": a bare number is days (ST006)
  bool first_field_days = false;    // "24:00:00": a first field over 23 is days (ST007)
  bool has_fraction = false;        // ".5" seconds: culture-dependent in .NET (ST008)
};

// Parses like .NET TimeSpan.Parse with the invariant culture, plus BC's "MaxValue" keyword.
// The error says what is wrong in a few words ("minutes must be 0-59").
std::expected<ParsedTimeSpan, std::string> parse_timespan(std::string_view text);

// The .NET "c" format: [-][d.]hh:mm:ss[.fffffff]; "MaxValue" for an unbounded duration.
std::string format_timespan(Duration d);

// A short human form: "20m", "1h30m", "2d", "90s" -> "1m30s", "0s", "never" when unbounded,
// fractions of a second as "1.5s".
std::string format_human(Duration d);

// What a person may type on the command line: a human duration ("90s", "30m", "1h30m",
// "2d", "1d12h", "never"), "MaxValue", or any TimeSpan string.
std::expected<Duration, std::string> parse_duration_argument(std::string_view text);

// The same, keeping the TimeSpan trap flags, so a caller can warn that "10" meant 10 days.
std::expected<ParsedTimeSpan, std::string> parse_duration_argument_detailed(std::string_view text);

}  // namespace sessiontool

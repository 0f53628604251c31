#pragma once
// What the human durations (human_duration.cpp) share with the .NET TimeSpan reader
// (timespan.cpp): tick units, the whitespace .NET trims, and a parse that tells a text of the
// wrong form from a number out of range.

#include <cstdint>
#include <expected>
#include <string>
#include <string_view>

#include "text/duration.hpp"

namespace sessiontool {

inline constexpr std::int64_t kTicksPerMillisecond = 10'000;
inline constexpr std::int64_t kTicksPerMinute = 60 * Duration::kTicksPerSecond;
inline constexpr std::int64_t kTicksPerHour = 60 * kTicksPerMinute;
inline constexpr std::int64_t kTicksPerDay = 24 * kTicksPerHour;

inline constexpr std::string_view kTooManyDays = "out of range: more than 10675199 days";

constexpr bool is_digit(char c) { return c >= '0' && c <= '9'; }

// Magnitude of a tick count; works for TimeSpan.MinValue too.
constexpr std::uint64_t tick_magnitude(std::int64_t ticks) {
  return ticks < 0 ? static_cast<std::uint64_t>(-(ticks + 1)) + 1 : static_cast<std::uint64_t>(ticks);
}

// The text without the characters .NET's char.IsWhiteSpace accepts at either end (Parse trims them first).
std::string_view dotnet_trim(std::string_view s);

enum class TimeSpanErrorKind { format, range };
struct TimeSpanError {
  TimeSpanErrorKind kind;
  std::string message;
};

// parse_timespan, saying whether the text has the wrong form or a number out of range.
std::expected<ParsedTimeSpan, TimeSpanError> parse_timespan_detailed(std::string_view text);

}  // namespace sessiontool

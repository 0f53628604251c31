// TimeSpan parsing follows .NET's TimeSpanParse.TryParseTimeSpan (dotnet/runtime,
// System.Private.CoreLib/src/System/Globalization/TimeSpanParse.cs) token for token: the same
// tokenizer, the same literal patterns tried in the same order, the same range checks. Where
// the result looks odd ("24:00:00" is 24 days), that is what BC's server reads too.

#include "text/timespan.hpp"

#include <array>
#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

#include <fmt/format.h>

#include "text/ascii_case.hpp"

namespace sessiontool {
namespace {

constexpr std::int64_t kMaxMilliseconds = Duration::kMaxTicks / kTicksPerMillisecond;
constexpr std::uint64_t kMinValueMagnitude = std::uint64_t{1} << 63;  // |TimeSpan.MinValue.Ticks|
constexpr int kMaxDays = 10'675'199;
constexpr int kMaxFraction = 9'999'999;
constexpr int kMaxFractionDigits = 7;

constexpr std::string_view kNotATimeSpan = "not a TimeSpan: expected [d.]hh:mm[:ss[.fffffff]]";
constexpr std::string_view kAboveMaxValue = "out of range: more than 10675199.02:48:05.4775807 (MaxValue)";

// UTF-8 forms of the characters .NET's char.IsWhiteSpace accepts; Parse trims them first.
constexpr std::string_view kWhitespace[] = {
    "\t", "\n", "\v", "\f", "\r", " ", "\xC2\x85", "\xC2\xA0", "\xE1\x9A\x80",
    "\xE2\x80\x80", "\xE2\x80\x81", "\xE2\x80\x82", "\xE2\x80\x83", "\xE2\x80\x84", "\xE2\x80\x85",
    "\xE2\x80\x86", "\xE2\x80\x87", "\xE2\x80\x88", "\xE2\x80\x89", "\xE2\x80\x8A",
    "\xE2\x80\xA8", "\xE2\x80\xA9", "\xE2\x80\xAF", "\xE2\x81\x9F", "\xE3\x80\x80"};

}  // namespace

std::string_view dotnet_trim(std::string_view s) {
  // Every value lint reads goes through here: most start and end with a printable ASCII byte.
  const auto plain = [](char c) { return c > ' ' && c < 0x7F; };
  if (s.empty() || (plain(s.front()) && plain(s.back()))) return s;
  for (bool again = true; again;) {
    again = false;
    for (std::string_view ws : kWhitespace) {
      if (s.starts_with(ws)) { s.remove_prefix(ws.size()); again = true; }
      if (s.ends_with(ws)) { s.remove_suffix(ws.size()); again = true; }
    }
  }
  return s;
}

namespace {

// A number token: its value without leading zeros, and how many leading zeros it had
// (the fraction needs them: ".05" is 500,000 ticks, ".5" is 5,000,000).
struct Number {
  int value = 0;
  int zeroes = 0;
};

// The numbers and the literals around them, as .NET's TimeSpanRawInfo collects them.
struct RawTimeSpan {
  std::array<Number, 5> numbers{};
  std::array<std::string_view, 6> literals{};
  int num_count = 0;
  int sep_count = 0;
};

std::optional<TimeSpanError> tokenize(std::string_view s, RawTimeSpan& raw) {
  const TimeSpanError bad{TimeSpanErrorKind::format, std::string(kNotATimeSpan)};
  auto add_sep = [&](std::string_view sep) {
    if (raw.sep_count >= 6 || raw.sep_count + raw.num_count >= 11) return false;
    raw.literals[raw.sep_count++] = sep;
    return true;
  };
  bool last_was_number = false;
  std::size_t pos = 0;
  while (pos < s.size()) {
    if (is_digit(s[pos])) {
      Number n;
      while (pos < s.size() && s[pos] == '0') { ++n.zeroes; ++pos; }
      std::uint32_t value = 0;  // unsigned: 268435455 * 10 + 9 must not overflow before the check
      for (; pos < s.size() && is_digit(s[pos]); ++pos) {
        value = value * 10 + static_cast<std::uint32_t>(s[pos] - '0');
        // .NET's tokenizer gives up past 0x0FFFFFFF (268435455): an overflow, not a format error.
        if (value & 0xF000'0000) return TimeSpanError{TimeSpanErrorKind::range, "out of range: a number has too many digits"};
      }
      n.value = static_cast<int>(value);
      if (raw.num_count == 0 && raw.sep_count == 0 && !add_sep({})) return bad;
      if (raw.num_count >= 5 || raw.sep_count + raw.num_count >= 11) return bad;
      raw.numbers[raw.num_count++] = n;
      last_was_number = true;
    } else {
      std::size_t start = pos;
      while (pos < s.size() && !is_digit(s[pos])) ++pos;
      if (!add_sep(s.substr(start, pos - start))) return bad;
      last_was_number = false;
    }
  }
  if (last_was_number && !add_sep({})) return bad;
  return std::nullopt;
}

// The separators of one culture's pattern. Invariant culture gives two: the "c" pattern
// (d.hh:mm:ss.fffffff) and its "g" pattern (d:h:mm:ss.FFFFFFF), each with and without "-".
struct Literals {
  std::string_view start, day_hour, hour_minute, minute_second, second_fraction, end;
  std::string_view app_compat() const { return ":."; }  // minute_second + second_fraction in both
  bool localized;                                        // the "g" pattern: days end with ':'
};
constexpr std::array<Literals, 4> kPatterns = {{
    {"", ".", ":", ":", ".", "", false},
    {"-", ".", ":", ":", ".", "", false},
    {"", ":", ":", ":", ".", "", true},
    {"-", ":", ":", ":", ".", "", true},
}};

enum Field { kDays, kHours, kMinutes, kSeconds, kFraction };
enum Lit { kStart, kDayHour, kHourMinute, kMinuteSecond, kSecondFraction, kEnd, kAppCompat };

// One way to read N numbers: the literal each separator must be, the field each number fills.
struct Shape {
  int numbers;
  std::array<Lit, 6> lits;
  std::array<Field, 5> fields;
};
// In .NET's order: h:m:s before d.h:m is why "24:00:00" is only days once hours fail.
constexpr std::array<Shape, 9> kShapes = {{
    {1, {kStart, kEnd}, {kDays}},
    {2, {kStart, kHourMinute, kEnd}, {kHours, kMinutes}},
    {3, {kStart, kHourMinute, kMinuteSecond, kEnd}, {kHours, kMinutes, kSeconds}},
    {3, {kStart, kDayHour, kHourMinute, kEnd}, {kDays, kHours, kMinutes}},
    {3, {kStart, kHourMinute, kAppCompat, kEnd}, {kHours, kMinutes, kFraction}},  // "1:30:.5"
    {4, {kStart, kHourMinute, kMinuteSecond, kSecondFraction, kEnd}, {kHours, kMinutes, kSeconds, kFraction}},
    {4, {kStart, kDayHour, kHourMinute, kMinuteSecond, kEnd}, {kDays, kHours, kMinutes, kSeconds}},
    {4, {kStart, kDayHour, kHourMinute, kAppCompat, kEnd}, {kDays, kHours, kMinutes, kFraction}},
    {5, {kStart, kDayHour, kHourMinute, kMinuteSecond, kSecondFraction, kEnd},
     {kDays, kHours, kMinutes, kSeconds, kFraction}},
}};

std::string_view literal(const Literals& p, Lit lit) {
  switch (lit) {
    case kStart: return p.start;
    case kDayHour: return p.day_hour;
    case kHourMinute: return p.hour_minute;
    case kMinuteSecond: return p.minute_second;
    case kSecondFraction: return p.second_fraction;
    case kEnd: return p.end;
    case kAppCompat: return p.app_compat();
  }
  return {};
}

bool matches(const RawTimeSpan& raw, const Shape& shape, const Literals& p) {
  if (raw.num_count != shape.numbers || raw.sep_count != shape.numbers + 1) return false;
  for (int i = 0; i < raw.sep_count; ++i)
    if (raw.literals[i] != literal(p, shape.lits[i])) return false;
  return true;
}

int count_digits(int v) {
  int n = 1;
  while (v >= 10) { v /= 10; ++n; }
  return n;
}

// .NET Core 3.0+ (NormalizeAndValidateFraction): up to 7 digits scale to ticks; more digits
// are rounded half away from zero, but only when the fraction starts with a zero.
bool normalize_fraction(Number& f) {
  if (f.value == 0) return true;
  if (f.zeroes == 0 && f.value > kMaxFraction) return false;
  const int total = count_digits(f.value) + f.zeroes;
  std::int64_t scale = 1;
  if (total <= kMaxFractionDigits) {
    for (int i = total; i < kMaxFractionDigits; ++i) scale *= 10;
    f.value = static_cast<int>(f.value * scale);
    return true;
  }
  if (total - kMaxFractionDigits >= 10) { f.value = 0; return true; }  // value < 10^9: rounds to 0
  for (int i = kMaxFractionDigits; i < total; ++i) scale *= 10;
  f.value = static_cast<int>((f.value + scale / 2) / scale);
  return true;
}

// TryTimeToTicks: the range checks, then the total, then the sign. TimeSpan.MinValue is
// reachable only when negative, as in .NET.
std::expected<std::int64_t, std::string> to_ticks(bool negative, std::array<Number, 5> f) {
  if (f[kDays].value > kMaxDays) return std::unexpected(std::string(kTooManyDays));
  if (f[kHours].value > 23) return std::unexpected("hours must be 0-23");
  if (f[kMinutes].value > 59) return std::unexpected("minutes must be 0-59");
  if (f[kSeconds].value > 59) return std::unexpected("seconds must be 0-59");
  if (!normalize_fraction(f[kFraction]))
    return std::unexpected("fraction of a second has more than 7 digits");
  const std::int64_t ms = ((std::int64_t{f[kDays].value} * 24 + f[kHours].value) * 3600 +
                           std::int64_t{f[kMinutes].value} * 60 + f[kSeconds].value) * 1000;
  if (ms > kMaxMilliseconds) return std::unexpected(std::string(kAboveMaxValue));
  const std::uint64_t magnitude =
      static_cast<std::uint64_t>(ms) * kTicksPerMillisecond + static_cast<std::uint64_t>(f[kFraction].value);
  if (!negative) {
    if (magnitude > static_cast<std::uint64_t>(Duration::kMaxTicks))
      return std::unexpected(std::string(kAboveMaxValue));
    return static_cast<std::int64_t>(magnitude);
  }
  if (magnitude > kMinValueMagnitude) return std::unexpected("out of range: less than -10675199.02:48:05.4775808 (MinValue)");
  if (magnitude == kMinValueMagnitude) return std::numeric_limits<std::int64_t>::min();
  return -static_cast<std::int64_t>(magnitude);
}

}  // namespace

std::expected<ParsedTimeSpan, TimeSpanError> parse_timespan_detailed(std::string_view text) {
  const std::string_view s = dotnet_trim(text);
  if (s.empty()) return std::unexpected(TimeSpanError{TimeSpanErrorKind::format, "empty: expected [d.]hh:mm[:ss[.fffffff]] or MaxValue"});
  // BC's own spelling for an unbounded value; TimeSpan.Parse itself would reject it.
  if (equals_ignoring_case(s, "MaxValue")) return ParsedTimeSpan{Duration::unbounded(), true, false, false, false};

  RawTimeSpan raw;
  if (auto error = tokenize(s, raw)) return std::unexpected(*error);

  // Every reading is tried in .NET's order; the first one whose numbers fit wins. If some
  // reading matched but none fit, the first reading's complaint is the one to show.
  std::optional<std::string> range_error;
  for (const Literals& p : kPatterns) {
    for (const Shape& shape : kShapes) {
      if (!matches(raw, shape, p)) continue;
      std::array<Number, 5> fields{};
      bool has_fraction = false;
      for (int i = 0; i < shape.numbers; ++i) {
        fields[shape.fields[i]] = raw.numbers[i];
        has_fraction = has_fraction || shape.fields[i] == kFraction;
      }
      auto ticks = to_ticks(!p.start.empty(), fields);
      if (!ticks) {
        if (!range_error) range_error = ticks.error();
        continue;
      }
      ParsedTimeSpan result;
      result.value = Duration{*ticks};
      result.bare_number_days = shape.numbers == 1;
      result.first_field_days = shape.numbers == 3 && shape.fields[0] == kDays && p.localized;
      result.has_fraction = has_fraction;
      return result;
    }
  }
  if (range_error) return std::unexpected(TimeSpanError{TimeSpanErrorKind::range, *range_error});
  return std::unexpected(TimeSpanError{TimeSpanErrorKind::format, std::string(kNotATimeSpan)});
}

std::expected<ParsedTimeSpan, std::string> parse_timespan(std::string_view text) {
  auto parsed = parse_timespan_detailed(text);
  if (!parsed) return std::unexpected(std::move(parsed.error().message));
  return *parsed;
}

std::string format_timespan(Duration d) {
  if (d.is_unbounded()) return "MaxValue";
  const std::uint64_t mag = tick_magnitude(d.ticks);
  const std::uint64_t fraction = mag % Duration::kTicksPerSecond;
  const std::uint64_t seconds = mag / Duration::kTicksPerSecond;
  const std::uint64_t days = seconds / 86400;
  std::string out = d.ticks < 0 ? "-" : "";
  if (days != 0) out += fmt::format("{}.", days);
  out += fmt::format("{:02}:{:02}:{:02}", seconds / 3600 % 24, seconds / 60 % 60, seconds % 60);
  if (fraction != 0) out += fmt::format(".{:07}", fraction);
  return out;
}

}  // namespace sessiontool

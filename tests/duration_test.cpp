#include "text/duration.hpp"

#include <cstdint>
#include <limits>
#include <string>
#include <string_view>

#include <doctest/doctest.h>

using namespace sessiontool;

namespace {

constexpr std::int64_t kSecond = Duration::kTicksPerSecond;
constexpr std::int64_t kMinute = 60 * kSecond;
constexpr std::int64_t kHour = 60 * kMinute;
constexpr std::int64_t kDay = 24 * kHour;
constexpr std::int64_t kMinTicks = std::numeric_limits<std::int64_t>::min();

ParsedTimeSpan parsed(std::string_view text) {
  auto result = parse_timespan(text);
  INFO("parse_timespan(\"", std::string(text), "\")");
  REQUIRE_MESSAGE(result.has_value(), (result ? std::string() : result.error()));
  return *result;
}

std::int64_t ticks(std::string_view text) { return parsed(text).value.ticks; }

std::string error(std::string_view text) {
  auto result = parse_timespan(text);
  INFO("parse_timespan(\"", std::string(text), "\")");
  REQUIRE_MESSAGE(!result.has_value(), "accepted as ", result ? result->value.ticks : 0, " ticks");
  return result.error();
}

std::int64_t argument(std::string_view text) {
  auto result = parse_duration_argument(text);
  INFO("parse_duration_argument(\"", std::string(text), "\")");
  REQUIRE_MESSAGE(result.has_value(), (result ? std::string() : result.error()));
  return result->ticks;
}

std::string argument_error(std::string_view text) {
  auto result = parse_duration_argument(text);
  INFO("parse_duration_argument(\"", std::string(text), "\")");
  REQUIRE_MESSAGE(!result.has_value(), "accepted as ", result ? result->ticks : 0, " ticks");
  return result.error();
}

bool no_traps(const ParsedTimeSpan& p) {
  return !p.max_value_keyword && !p.bare_number_days && !p.first_field_days && !p.has_fraction;
}

constexpr std::string_view kNotATimeSpan = "not a TimeSpan: expected [d.]hh:mm[:ss[.fffffff]]";

}  // namespace

TEST_SUITE("duration") {
  // ---- parse_timespan: the everyday forms

  TEST_CASE("00:20:00 is 20 minutes with no traps") {
    auto p = parsed("00:20:00");
    CHECK(p.value.ticks == 20 * kMinute);
    CHECK(no_traps(p));
  }

  TEST_CASE("00:10:00 is the reconnect period default of 10 minutes") { CHECK(ticks("00:10:00") == 10 * kMinute); }

  TEST_CASE("1:30 is 1 hour 30 minutes") {
    auto p = parsed("1:30");
    CHECK(p.value.ticks == kHour + 30 * kMinute);
    CHECK(no_traps(p));
  }

  TEST_CASE("single-digit fields are accepted: 1:2:3 is 1h 2m 3s") {
    CHECK(ticks("1:2:3") == kHour + 2 * kMinute + 3 * kSecond);
  }

  TEST_CASE("00:00:00 is zero") { CHECK(ticks("00:00:00") == 0); }

  // ---- the bare-number trap (ST006)

  TEST_CASE("bare number 10 is 10 days and flagged") {
    auto p = parsed("10");
    CHECK(p.value.ticks == 10 * kDay);
    CHECK(p.bare_number_days);
    CHECK_FALSE(p.first_field_days);
  }

  TEST_CASE("bare number 120 meant as seconds is 120 days") {
    auto p = parsed("120");
    CHECK(p.value.ticks == 120 * kDay);
    CHECK(p.bare_number_days);
  }

  TEST_CASE("bare number 0 is zero and still flagged") {
    auto p = parsed("0");
    CHECK(p.value.ticks == 0);
    CHECK(p.bare_number_days);
  }

  TEST_CASE("negative bare number -10 is minus 10 days and flagged") {
    auto p = parsed("-10");
    CHECK(p.value.ticks == -10 * kDay);
    CHECK(p.bare_number_days);
  }

  TEST_CASE("bare number with a trailing dot is not a TimeSpan") { CHECK(error("10.") == kNotATimeSpan); }

  // ---- the first-field-over-23 trap (ST007)

  TEST_CASE("24:00:00 is 24 days") {
    auto p = parsed("24:00:00");
    CHECK(p.value.ticks == 24 * kDay);
    CHECK(p.first_field_days);
    CHECK_FALSE(p.bare_number_days);
  }

  TEST_CASE("48:00:00 is 48 days") {
    auto p = parsed("48:00:00");
    CHECK(p.value.ticks == 48 * kDay);
    CHECK(p.first_field_days);
  }

  TEST_CASE("25:10:00 is 25 days 10 hours") {
    auto p = parsed("25:10:00");
    CHECK(p.value.ticks == 25 * kDay + 10 * kHour);
    CHECK(p.first_field_days);
  }

  TEST_CASE("72:05:30 is 72 days 5 hours 30 minutes not seconds") {
    CHECK(ticks("72:05:30") == 72 * kDay + 5 * kHour + 30 * kMinute);
  }

  TEST_CASE("23:59:59 is hours minutes seconds and not flagged") {
    auto p = parsed("23:59:59");
    CHECK(p.value.ticks == 23 * kHour + 59 * kMinute + 59 * kSecond);
    CHECK(no_traps(p));
  }

  TEST_CASE("-24:00:00 is minus 24 days and flagged") {
    auto p = parsed("-24:00:00");
    CHECK(p.value.ticks == -24 * kDay);
    CHECK(p.first_field_days);
  }

  TEST_CASE("24:30:00 is an error because 30 is too many hours when read as days") {
    CHECK(error("24:30:00") == "hours must be 0-23");
  }

  TEST_CASE("24:00:60 is an error in both readings") { CHECK(error("24:00:60") == "hours must be 0-23"); }

  TEST_CASE("25:00:00.5 with a fraction is an error and not read as days") {
    CHECK(error("25:00:00.5") == "hours must be 0-23");
  }

  TEST_CASE("1.02:03 with a dot is days hours minutes and not flagged") {
    auto p = parsed("1.02:03");
    CHECK(p.value.ticks == kDay + 2 * kHour + 3 * kMinute);
    CHECK(no_traps(p));
  }

  // ---- hours, minutes, seconds boundaries

  TEST_CASE("24:00 with two fields is an error and not 24 hours") { CHECK(error("24:00") == "hours must be 0-23"); }

  TEST_CASE("23:59 is the largest two-field value") { CHECK(ticks("23:59") == 23 * kHour + 59 * kMinute); }

  TEST_CASE("00:59:59 is accepted") { CHECK(ticks("00:59:59") == 59 * kMinute + 59 * kSecond); }

  TEST_CASE("00:60:00 is an error: minutes must be 0-59") { CHECK(error("00:60:00") == "minutes must be 0-59"); }

  TEST_CASE("1:60 is an error: minutes must be 0-59") { CHECK(error("1:60") == "minutes must be 0-59"); }

  TEST_CASE("00:00:60 is an error: seconds must be 0-59") { CHECK(error("00:00:60") == "seconds must be 0-59"); }

  TEST_CASE("1.24:00:00 is an error: hours after days must be 0-23") {
    CHECK(error("1.24:00:00") == "hours must be 0-23");
  }

  TEST_CASE("1.23:59:59 is the largest time within a day") {
    CHECK(ticks("1.23:59:59") == kDay + 23 * kHour + 59 * kMinute + 59 * kSecond);
  }

  // ---- the other grammar branches

  TEST_CASE("d.hh:mm:ss is days and time") {
    auto p = parsed("1.02:03:04");
    CHECK(p.value.ticks == kDay + 2 * kHour + 3 * kMinute + 4 * kSecond);
    CHECK(no_traps(p));
  }

  TEST_CASE("d.hh:mm:ss.fffffff is the full c format") {
    auto p = parsed("1.02:03:04.5000000");
    CHECK(p.value.ticks == kDay + 2 * kHour + 3 * kMinute + 4 * kSecond + kSecond / 2);
    CHECK(p.has_fraction);
  }

  TEST_CASE("d:hh:mm:ss with four colon fields is days and not flagged") {
    auto p = parsed("1:02:03:04");
    CHECK(p.value.ticks == kDay + 2 * kHour + 3 * kMinute + 4 * kSecond);
    CHECK(no_traps(p));
  }

  TEST_CASE("24:00:00:00 with four colon fields is 24 days written as such") {
    auto p = parsed("24:00:00:00");
    CHECK(p.value.ticks == 24 * kDay);
    CHECK_FALSE(p.first_field_days);
  }

  TEST_CASE("d:hh:mm:ss.f with five fields is accepted") {
    CHECK(ticks("1:02:03:04.5") == kDay + 2 * kHour + 3 * kMinute + 4 * kSecond + kSecond / 2);
  }

  TEST_CASE("hh:mm:ss.f has a fraction of a second") {
    auto p = parsed("00:00:01.5");
    CHECK(p.value.ticks == kSecond + kSecond / 2);
    CHECK(p.has_fraction);
    CHECK_FALSE(p.first_field_days);
  }

  TEST_CASE("hh:mm:.f without seconds is accepted as .NET does for compatibility") {
    auto p = parsed("1:30:.5");
    CHECK(p.value.ticks == kHour + 30 * kMinute + kSecond / 2);
    CHECK(p.has_fraction);
  }

  TEST_CASE("d.hh:mm:.f without seconds is accepted as .NET does for compatibility") {
    CHECK(ticks("1.02:03:.5") == kDay + 2 * kHour + 3 * kMinute + kSecond / 2);
  }

  TEST_CASE("a dot between two numbers is not a TimeSpan: 1.5 and 0.0000001") {
    CHECK(error("1.5") == kNotATimeSpan);
    CHECK(error("0.0000001") == kNotATimeSpan);
  }

  TEST_CASE("separators must be exactly as the patterns have them") {
    for (std::string_view bad : {"1::30", "1:30:", ":1:30", "1,5:00", "1-30", "1.02.03", "00:20:00 min", "0x10",
                                 "1:2:3:4:5:6", "1.2.3.4.5.6"})
      CHECK_MESSAGE(error(bad) == kNotATimeSpan, bad);
  }

  TEST_CASE("units and words are not TimeSpans") {
    for (std::string_view bad : {"20m", "1h30m", "never", "unbounded", "Max Value", "abc"})
      CHECK_MESSAGE(error(bad) == kNotATimeSpan, bad);
  }

  TEST_CASE("leading zeros in fields are accepted without limit") {
    CHECK(ticks("0000000001:30") == kHour + 30 * kMinute);
    CHECK(ticks("00000000000000000000010") == 10 * kDay);
    CHECK(ticks("00:00:0000000000059") == 59 * kSecond);
  }

  // ---- fractions

  TEST_CASE("one fraction digit .1 is a tenth of a second") { CHECK(ticks("00:00:00.1") == kSecond / 10); }

  TEST_CASE("seven fraction digits .0000001 is one tick") {
    auto p = parsed("00:00:00.0000001");
    CHECK(p.value.ticks == 1);
    CHECK(p.has_fraction);
  }

  TEST_CASE("seven fraction digits .9999999 is the largest fraction") {
    CHECK(ticks("00:00:00.9999999") == 9'999'999);
  }

  TEST_CASE("leading zeros in the fraction count as places: .05 is 50 ms") {
    CHECK(ticks("00:00:00.05") == kSecond / 20);
    CHECK(ticks("00:00:00.5") == kSecond / 2);
  }

  TEST_CASE("a zero fraction .0 is zero but still flagged") {
    auto p = parsed("00:00:00.0");
    CHECK(p.value.ticks == 0);
    CHECK(p.has_fraction);
  }

  TEST_CASE("eight fraction digits without a leading zero are an error") {
    CHECK(error("00:00:00.12345678") == "fraction of a second has more than 7 digits");
    CHECK(error("00:00:00.50000000") == "fraction of a second has more than 7 digits");
  }

  TEST_CASE("eight fraction digits with a leading zero round to the nearest tick") {
    CHECK(ticks("00:00:00.01234567") == 123457);
    CHECK(ticks("00:00:00.00000005") == 1);  // half a tick rounds away from zero
    CHECK(ticks("00:00:00.00000004") == 0);
    CHECK(ticks("00:00:00.09999999") == 1'000'000);
  }

  TEST_CASE("a fraction of many zeros then a digit rounds to zero") {
    CHECK(ticks("00:00:00.0000000000001") == 0);
  }

  TEST_CASE("a fraction too long for the tokenizer is out of range") {
    CHECK(error("00:00:00.5000000000").starts_with("out of range"));
  }

  // ---- sign, whitespace, empty

  TEST_CASE("negative TimeSpans are accepted") {
    CHECK(ticks("-00:20:00") == -20 * kMinute);
    CHECK(ticks("-1.02:03:04") == -(kDay + 2 * kHour + 3 * kMinute + 4 * kSecond));
    CHECK(ticks("-1:02:03:04.5") == -(kDay + 2 * kHour + 3 * kMinute + 4 * kSecond + kSecond / 2));
  }

  TEST_CASE("-0:0:0 is zero") { CHECK(ticks("-0:0:0") == 0); }

  TEST_CASE("a sign other than a leading minus is not a TimeSpan") {
    for (std::string_view bad : {"+00:20:00", "00:-20:00", "--00:20:00", "- 00:20:00", "00:20:00-"})
      CHECK_MESSAGE(error(bad) == kNotATimeSpan, bad);
  }

  TEST_CASE("surrounding whitespace is ignored") {
    CHECK(ticks(" 00:20:00 ") == 20 * kMinute);
    CHECK(ticks("\t00:20:00\r\n") == 20 * kMinute);
    CHECK(ticks("  -10  ") == -10 * kDay);
  }

  TEST_CASE("Unicode whitespace such as no-break space is trimmed as .NET does") {
    CHECK(ticks("\xC2\xA0" "00:20:00" "\xE3\x80\x80") == 20 * kMinute);
  }

  TEST_CASE("whitespace inside a TimeSpan is not accepted") {
    CHECK(error("00: 20:00") == kNotATimeSpan);
    CHECK(error("1 :30") == kNotATimeSpan);
  }

  TEST_CASE("empty and blank values are errors") {
    CHECK(error("").starts_with("empty"));
    CHECK(error("   ").starts_with("empty"));
  }

  // ---- limits

  TEST_CASE("10675199 days is the largest bare number") { CHECK(ticks("10675199") == 10'675'199 * kDay); }

  TEST_CASE("10675200 days is out of range") { CHECK(error("10675200") == "out of range: more than 10675199 days"); }

  TEST_CASE("10675199.02:48:05.4775807 is exactly MaxValue") {
    auto p = parsed("10675199.02:48:05.4775807");
    CHECK(p.value.ticks == std::numeric_limits<std::int64_t>::max());
    CHECK(p.value.is_unbounded());
    CHECK_FALSE(p.max_value_keyword);
  }

  TEST_CASE("one tick past MaxValue is out of range") {
    CHECK(error("10675199.02:48:05.4775808").starts_with("out of range"));
    CHECK(error("10675199.02:48:06").starts_with("out of range"));
    CHECK(error("10675199.23:59:59").starts_with("out of range"));
  }

  TEST_CASE("10675199.02:48:05 is just below MaxValue") {
    auto p = parsed("10675199.02:48:05");
    CHECK(p.value.ticks == std::numeric_limits<std::int64_t>::max() - 4'775'807);
    CHECK_FALSE(p.value.is_unbounded());
  }

  TEST_CASE("-10675199.02:48:05.4775808 is exactly MinValue") {
    CHECK(ticks("-10675199.02:48:05.4775808") == kMinTicks);
    CHECK(error("-10675199.02:48:05.4775809").starts_with("out of range"));
  }

  TEST_CASE("numbers past the tokenizer limit are out of range") {
    CHECK(error("268435455") == "out of range: more than 10675199 days");  // largest number it reads
    CHECK(error("268435456").starts_with("out of range"));
    CHECK(error("99999999999:00").starts_with("out of range"));
  }

  // ---- MaxValue keyword

  TEST_CASE("MaxValue is unbounded and flagged") {
    auto p = parsed("MaxValue");
    CHECK(p.value.is_unbounded());
    CHECK(p.max_value_keyword);
    CHECK_FALSE(p.bare_number_days);
  }

  TEST_CASE("MaxValue is accepted in any case and with whitespace") {
    CHECK(parsed("maxvalue").max_value_keyword);
    CHECK(parsed("MAXVALUE").max_value_keyword);
    CHECK(parsed(" MaxValue\r\n").max_value_keyword);
  }

  // ---- format_timespan

  TEST_CASE("format_timespan writes the c format") {
    CHECK(format_timespan(Duration{0}) == "00:00:00");
    CHECK(format_timespan(Duration::minutes(20)) == "00:20:00");
    CHECK(format_timespan(Duration{kDay}) == "1.00:00:00");
    CHECK(format_timespan(Duration{24 * kDay}) == "24.00:00:00");
    CHECK(format_timespan(Duration{kDay + 2 * kHour + 3 * kMinute + 4 * kSecond}) == "1.02:03:04");
  }

  TEST_CASE("format_timespan writes a fraction as 7 digits only when there is one") {
    CHECK(format_timespan(Duration{kSecond + kSecond / 2}) == "00:00:01.5000000");
    CHECK(format_timespan(Duration{1}) == "00:00:00.0000001");
    CHECK(format_timespan(Duration::seconds(1)) == "00:00:01");
  }

  TEST_CASE("format_timespan puts a minus in front of negative values") {
    CHECK(format_timespan(Duration::minutes(-20)) == "-00:20:00");
    CHECK(format_timespan(Duration{-(kDay + kSecond / 2)}) == "-1.00:00:00.5000000");
    CHECK(format_timespan(Duration{kMinTicks}) == "-10675199.02:48:05.4775808");
  }

  TEST_CASE("format_timespan writes MaxValue for unbounded") {
    CHECK(format_timespan(Duration::unbounded()) == "MaxValue");
  }

  TEST_CASE("format_timespan of parse is the canonical c form") {
    for (std::string_view text : {"00:00:00", "00:20:00", "01:30:00", "23:59:59", "1.00:00:00", "1.02:03:04",
                                  "10.00:00:00", "24.00:00:00", "00:00:00.0000001", "00:00:01.5000000",
                                  "-00:20:00", "-1.02:03:04.0000001", "10675199.00:00:00", "10675199.02:48:05",
                                  "-10675199.02:48:05.4775808", "MaxValue"})
      CHECK(format_timespan(parsed(text).value) == text);
  }

  TEST_CASE("format_timespan shows what loose TimeSpans really mean") {
    CHECK(format_timespan(parsed("1:30").value) == "01:30:00");
    CHECK(format_timespan(parsed("10").value) == "10.00:00:00");
    CHECK(format_timespan(parsed("24:00:00").value) == "24.00:00:00");
    CHECK(format_timespan(parsed("25:10:00").value) == "25.10:00:00");
    CHECK(format_timespan(parsed("1:02:03:04").value) == "1.02:03:04");
    CHECK(format_timespan(parsed(" -0:0:0 ").value) == "00:00:00");
    CHECK(format_timespan(parsed("00:00:00.5").value) == "00:00:00.5000000");
    CHECK(format_timespan(parsed("10675199.02:48:05.4775807").value) == "MaxValue");
  }

  // ---- format_human

  TEST_CASE("format_human writes short forms") {
    CHECK(format_human(Duration::minutes(20)) == "20m");
    CHECK(format_human(Duration::minutes(90)) == "1h30m");
    CHECK(format_human(Duration{2 * kDay}) == "2d");
    CHECK(format_human(Duration{kDay + 12 * kHour}) == "1d12h");
    CHECK(format_human(Duration::seconds(90)) == "1m30s");
    CHECK(format_human(Duration::seconds(120)) == "2m");
  }

  TEST_CASE("format_human skips zero units in the middle") {
    CHECK(format_human(Duration{kDay + 30 * kMinute}) == "1d30m");
    CHECK(format_human(Duration{kHour + 5 * kSecond}) == "1h5s");
  }

  TEST_CASE("format_human of zero is 0s") { CHECK(format_human(Duration{0}) == "0s"); }

  TEST_CASE("format_human writes fractions of a second without trailing zeros") {
    CHECK(format_human(Duration{kSecond + kSecond / 2}) == "1.5s");
    CHECK(format_human(Duration{kSecond / 2}) == "0.5s");
    CHECK(format_human(Duration{1}) == "0.0000001s");
    CHECK(format_human(Duration{kMinute + kSecond / 4}) == "1m0.25s");
  }

  TEST_CASE("format_human of unbounded is never") { CHECK(format_human(Duration::unbounded()) == "never"); }

  TEST_CASE("format_human puts a minus in front of negative values") {
    CHECK(format_human(Duration::minutes(-20)) == "-20m");
    CHECK(format_human(Duration{-(kSecond + kSecond / 2)}) == "-1.5s");
    CHECK(format_human(Duration{kMinTicks}) == "-10675199d2h48m5.4775808s");
  }

  TEST_CASE("format_human shows the trap values as days") {
    CHECK(format_human(parsed("24:00:00").value) == "24d");
    CHECK(format_human(parsed("10").value) == "10d");
  }

  // ---- parse_duration_argument

  TEST_CASE("human durations on the command line") {
    CHECK(argument("90s") == 90 * kSecond);
    CHECK(argument("30m") == 30 * kMinute);
    CHECK(argument("1h30m") == 90 * kMinute);
    CHECK(argument("2d") == 2 * kDay);
    CHECK(argument("1d12h") == kDay + 12 * kHour);
    CHECK(argument("500ms") == kSecond / 2);
    CHECK(argument("1h30m15s250ms") == 90 * kMinute + 15 * kSecond + kSecond / 4);
  }

  TEST_CASE("human duration units are case-insensitive: 30M is 30 minutes") {
    CHECK(argument("30M") == 30 * kMinute);
    CHECK(argument("1H30M") == 90 * kMinute);
    CHECK(argument("500MS") == kSecond / 2);
  }

  TEST_CASE("human durations may have spaces between parts and around") {
    CHECK(argument("1h 30m") == 90 * kMinute);
    CHECK(argument(" 20m ") == 20 * kMinute);
  }

  TEST_CASE("human durations may have a decimal fraction") {
    CHECK(argument("1.5h") == 90 * kMinute);
    CHECK(argument("1.5s") == kSecond + kSecond / 2);
    CHECK(argument("0.0000001s") == 1);
    CHECK(argument("1.2345ms") == 12'345);
  }

  TEST_CASE("a human fraction finer than a tick is an error") {
    CHECK(argument_error("1.00000001s").find("is not a duration") != std::string::npos);
    CHECK(argument_error("1.23456ms").find("is not a duration") != std::string::npos);
  }

  TEST_CASE("negative human durations are accepted") { CHECK(argument("-30m") == -30 * kMinute); }

  TEST_CASE("never and MaxValue on the command line are unbounded") {
    for (std::string_view text : {"never", "NEVER", "Never", "MaxValue", "maxvalue", " never "})
      CHECK_MESSAGE(argument(text) == Duration::kMaxTicks, text);
  }

  TEST_CASE("TimeSpan strings on the command line read as in the file") {
    CHECK(argument("00:20:00") == 20 * kMinute);
    CHECK(argument("1:30") == 90 * kMinute);
    CHECK(argument("1.00:00:00") == kDay);
    CHECK(argument("00:00:01.5") == kSecond + kSecond / 2);
  }

  TEST_CASE("a bare number on the command line is days as in .NET") {
    CHECK(argument("10") == 10 * kDay);
    auto detailed = parse_duration_argument_detailed("10");
    REQUIRE(detailed);
    CHECK(detailed->bare_number_days);
  }

  TEST_CASE("24:00:00 on the command line is 24 days and flagged") {
    CHECK(argument("24:00:00") == 24 * kDay);
    auto detailed = parse_duration_argument_detailed("24:00:00");
    REQUIRE(detailed);
    CHECK(detailed->first_field_days);
  }

  TEST_CASE("human durations carry no TimeSpan trap flags") {
    auto detailed = parse_duration_argument_detailed("10m");
    REQUIRE(detailed);
    CHECK(no_traps(*detailed));
    CHECK(detailed->value.ticks == 10 * kMinute);
  }

  TEST_CASE("garbage on the command line shows the accepted forms") {
    for (std::string_view bad : {"abc", "30min", "1.5", "", "   ", "m30", "30mm", "1h30", "1h1h", "30m1h", "1w",
                                 "twenty", "1.s", "-", "1:30m"}) {
      const std::string message = argument_error(bad);
      CHECK_MESSAGE(message.find("is not a duration") != std::string::npos, message);
      CHECK_MESSAGE(message.find("1h30m") != std::string::npos, message);
      CHECK_MESSAGE(message.find("never") != std::string::npos, message);
      CHECK_MESSAGE(message.find("00:20:00") != std::string::npos, message);
    }
  }

  TEST_CASE("a command-line error names what was typed") {
    CHECK(argument_error("30min").find("\"30min\"") != std::string::npos);
    CHECK(argument_error("30min").find("min") != std::string::npos);
  }

  TEST_CASE("a TimeSpan out of range on the command line says which field") {
    CHECK(argument_error("24:00") == "\"24:00\": hours must be 0-23");
    CHECK(argument_error("00:61:00") == "\"00:61:00\": minutes must be 0-59");
  }

  TEST_CASE("human durations past MaxValue are out of range") {
    CHECK(argument_error("10675200d").find("out of range") != std::string::npos);
    CHECK(argument_error("99999999999999999999999s").find("out of range") != std::string::npos);
    CHECK(argument("10675199d") == 10'675'199 * kDay);
  }

  TEST_CASE("format_human round-trips through parse_duration_argument") {
    for (std::int64_t t : {std::int64_t{0}, 1 * kSecond, 90 * kSecond, 20 * kMinute, 90 * kMinute, 2 * kDay,
                           kDay + 12 * kHour, kDay + 30 * kMinute, kSecond / 2, std::int64_t{1}, -20 * kMinute,
                           10'675'199 * kDay + 2 * kHour + 48 * kMinute + 5 * kSecond + 4'775'806,
                           Duration::kMaxTicks}) {
      const std::string human = format_human(Duration{t});
      CHECK_MESSAGE(argument(human) == t, human);
    }
  }

  TEST_CASE("format_timespan round-trips through parse_duration_argument") {
    for (std::int64_t t : {std::int64_t{0}, 20 * kMinute, 24 * kDay, kDay + kSecond / 2, -kHour, std::int64_t{1},
                           Duration::kMaxTicks, kMinTicks}) {
      const std::string native = format_timespan(Duration{t});
      CHECK_MESSAGE(argument(native) == t, native);
    }
  }
}

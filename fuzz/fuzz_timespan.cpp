// TimeSpan and command-line durations: whatever the text, parsing returns a value or an error,
// and every value survives its own formats: the "c" form parses back to the same ticks, and so
// does the human form as a command-line argument.

#include <string>
#include <string_view>

#include "text/duration.hpp"
#include "fuzz_check.hpp"

using namespace sessiontool;
using namespace sessiontool::fuzz;

namespace {

void check_round_trip(Duration d) {
  const std::string native = format_timespan(d);
  auto again = parse_timespan(native);
  FUZZ_CHECK(again, native);
  FUZZ_CHECK(again->value == d, native);
  FUZZ_CHECK(!again->bare_number_days && !again->first_field_days, native);

  const std::string human = format_human(d);
  auto from_human = parse_duration_argument(human);
  FUZZ_CHECK(from_human, human);
  FUZZ_CHECK(*from_human == d, human);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const unsigned char* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  if (auto parsed = parse_timespan(text)) {
    check_round_trip(parsed->value);
    // What a file holds, a user may type: the argument parser reads it the same way.
    auto argument = parse_duration_argument(text);
    FUZZ_CHECK(argument && *argument == parsed->value, text);
  }
  if (auto argument = parse_duration_argument(text)) check_round_trip(*argument);
  return 0;
}

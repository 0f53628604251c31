#include <array>

#include <doctest/doctest.h>

#include "text/suggest.hpp"

using namespace sessiontool;

TEST_SUITE("edit distance") {
  TEST_CASE("counts insertions, deletions and substitutions, ignoring case") {
    CHECK(edit_distance("SessionTimeout", "SessionTimeout", 2) == 0);
    CHECK(edit_distance("SessionTimout", "SessionTimeout", 2) == 1);
    CHECK(edit_distance("sessiontimeout", "SessionTimeout", 2) == 0);
    CHECK(edit_distance("SesionTimeut", "SessionTimeout", 2) == 2);
  }

  TEST_CASE("stops at the limit") {
    CHECK(edit_distance("DatabaseInstance", "ServerInstance", 2) == 3);
    CHECK(edit_distance("a", "abcdef", 2) == 3);
    CHECK(edit_distance("", "", 0) == 0);
  }
}

TEST_SUITE("suggest") {
  TEST_CASE("offers the nearest name, the first of equals, in one phrase") {
    constexpr std::array<std::string_view, 3> kNames = {"disable", "severity", "policy"};
    CHECK(suggest("disabled", kNames, 2) == " (did you mean 'disable'?)");
    CHECK(suggest("SEVERITY", kNames, 2) == " (did you mean 'severity'?)");
    CHECK(suggest("platform", kNames, 2).empty());
    constexpr std::array<std::string_view, 2> kEquals = {"ST103", "ST102"};
    CHECK(suggest("ST10", kEquals, 2) == " (did you mean 'ST103'?)");
  }

  TEST_CASE("a limit may depend on the candidate: lint allows long keys two typos, short ones one") {
    const auto limit = [](std::string_view known) -> std::size_t { return known.size() >= 10 ? 2 : 1; };
    constexpr std::array<std::string_view, 2> kKeys = {"Port", "SessionTimeout"};
    CHECK(nearest_name("Prt", kKeys, limit) == "Port");
    CHECK(nearest_name("Pr", kKeys, limit).empty());  // two edits from a short key
    CHECK(nearest_name("SesionTimeut", kKeys, limit) == "SessionTimeout");
    // A nearer candidate wins over an earlier one; a farther one does not replace it.
    constexpr std::array<std::string_view, 3> kNear = {"SessionTimeouts", "SessionTimeout", "SessionTimeou"};
    CHECK(nearest_name("SessionTimeout1", kNear, limit) == "SessionTimeouts");
    CHECK(nearest_name("SessionTimeou", kNear, limit) == "SessionTimeou");
  }
}

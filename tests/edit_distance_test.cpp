#include <doctest/doctest.h>

#include "edit_distance.hpp"

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

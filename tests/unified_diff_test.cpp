#include "text/unified_diff.hpp"

#include <string>

#include <doctest/doctest.h>

using namespace sessiontool;

namespace {

// "1\n2\n...\nn\n", with line `changed` (1-based) replaced by "X" when given.
std::string numbered(int n, int changed = 0, std::string_view eol = "\n") {
  std::string text;
  for (int i = 1; i <= n; ++i) text += (i == changed ? std::string("X") : std::to_string(i)) + std::string(eol);
  return text;
}

}  // namespace

TEST_SUITE("unified_diff") {
  TEST_CASE("equal texts give no diff") { CHECK(unified_diff("a\nb\n", "a\nb\n", "f", "f").empty()); }

  TEST_CASE("one changed line with three lines of context each side") {
    CHECK(unified_diff(numbered(20), numbered(20, 10), "web/navsettings.json", "web/navsettings.json") ==
          "--- web/navsettings.json\n+++ web/navsettings.json\n"
          "@@ -7,7 +7,7 @@\n 7\n 8\n 9\n-10\n+X\n 11\n 12\n 13\n");
  }

  TEST_CASE("changes close together share a hunk, far apart ones do not") {
    std::string close = numbered(20, 5);
    close.replace(close.find("\n11\n") + 1, 2, "Y");
    CHECK(unified_diff(numbered(20), close, "a", "b") ==
          "--- a\n+++ b\n@@ -2,13 +2,13 @@\n 2\n 3\n 4\n-5\n+X\n 6\n 7\n 8\n 9\n 10\n-11\n+Y\n 12\n 13\n 14\n");
    std::string far = numbered(30, 5);
    far.replace(far.find("\n25\n") + 1, 2, "Y");
    const std::string diff = unified_diff(numbered(30), far, "a", "b");
    CHECK(diff.find("@@ -2,7 +2,7 @@\n") != std::string::npos);
    CHECK(diff.find("@@ -22,7 +22,7 @@\n") != std::string::npos);
  }

  TEST_CASE("an inserted and a removed line: counts, and an empty range names the line before") {
    CHECK(unified_diff("a\nb\n", "a\nb\nc\n", "f", "f") == "--- f\n+++ f\n@@ -1,2 +1,3 @@\n a\n b\n+c\n");
    CHECK(unified_diff("a\n", "", "f", "f") == "--- f\n+++ f\n@@ -1 +0,0 @@\n-a\n");
    CHECK(unified_diff("", "a\n", "f", "f") == "--- f\n+++ f\n@@ -0,0 +1 @@\n+a\n");
  }

  TEST_CASE("CRLF lines are shown without the carriage return") {
    const std::string diff = unified_diff(numbered(3, 0, "\r\n"), numbered(3, 2, "\r\n"), "f", "f");
    CHECK(diff == "--- f\n+++ f\n@@ -1,3 +1,3 @@\n 1\n-2\n+X\n 3\n");
    CHECK(diff.find('\r') == std::string::npos);
  }

  TEST_CASE("a last line without a line break is marked") {
    CHECK(unified_diff("a\nb", "a\nc", "f", "f") ==
          "--- f\n+++ f\n@@ -1,2 +1,2 @@\n a\n-b\n\\ No newline at end of file\n+c\n\\ No newline at end of file\n");
  }

  TEST_CASE("a bare carriage return inside a line is kept") {
    CHECK(unified_diff("a\rb\n", "a\rc\n", "f", "f") == "--- f\n+++ f\n@@ -1 +1 @@\n-a\rb\n+a\rc\n");
  }
}

#include "text/utf8.hpp"

#include <doctest/doctest.h>

#include <string>

using namespace sessiontool;

TEST_SUITE("utf8") {
  TEST_CASE("ASCII, accents, CJK and emoji are UTF-8") {
    CHECK(is_valid_utf8(""));
    CHECK(is_valid_utf8("BC230"));
    CHECK(is_valid_utf8("\xC3\xA9t\xC3\xA9"));        // été
    CHECK(is_valid_utf8("\xE6\x97\xA5\xE6\x9C\xAC"));  // 日本
    CHECK(is_valid_utf8("\xF0\x9F\x98\x80"));          // U+1F600
    CHECK(is_valid_utf8("\xF4\x8F\xBF\xBF"));          // U+10FFFF, the last code point
  }

  TEST_CASE("Latin-1 bytes, cut sequences, overlongs, surrogates and past U+10FFFF are not") {
    CHECK_FALSE(is_valid_utf8("\xE9t\xE9"));            // été in Windows-1252
    CHECK_FALSE(is_valid_utf8("\xFF"));
    CHECK_FALSE(is_valid_utf8("\x80"));                // a continuation byte alone
    CHECK_FALSE(is_valid_utf8("\xC3"));                // cut at the end
    CHECK_FALSE(is_valid_utf8("\xE6\x97"));
    CHECK_FALSE(is_valid_utf8("\xC0\xAF"));            // overlong '/'
    CHECK_FALSE(is_valid_utf8("\xE0\x80\xAF"));
    CHECK_FALSE(is_valid_utf8("\xED\xA0\x80"));        // U+D800, a surrogate
    CHECK_FALSE(is_valid_utf8("\xF4\x90\x80\x80"));    // U+110000
    CHECK_FALSE(is_valid_utf8("\xC3\x28"));            // a lead byte without its continuation
  }
}

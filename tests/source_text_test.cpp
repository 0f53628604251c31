#include <doctest/doctest.h>

#include "text/source_text.hpp"

using namespace sessiontool;

TEST_SUITE("source_text") {
  TEST_CASE("positions are 1-based lines and columns") {
    const SourceText text("ab\ncd\n");
    CHECK(text.position(0) == Position{1, 1});
    CHECK(text.position(1) == Position{1, 2});
    CHECK(text.position(2) == Position{1, 3});  // the line break itself
    CHECK(text.position(3) == Position{2, 1});
    CHECK(text.position(6) == Position{3, 1});  // the end of the text
    CHECK(text.position(100) == Position{3, 1});  // past the end is clamped
  }

  TEST_CASE("a UTF-8 BOM is not a character of line 1") {
    const SourceText text("\xEF\xBB\xBF<a>\n<b>");
    CHECK(text.has_bom());
    CHECK(text.bom_length() == 3);
    CHECK(text.position(0) == Position{1, 1});
    CHECK(text.position(3) == Position{1, 1});  // '<'
    CHECK(text.position(4) == Position{1, 2});
    CHECK(text.position(7) == Position{2, 1});  // line 2 is untouched by the BOM
    CHECK_FALSE(SourceText("<a>").has_bom());
  }

  TEST_CASE("columns count characters, not bytes") {
    const SourceText text("\"Größe\": 1");  // ö and ß are two bytes each
    CHECK(text.position(8) == Position{1, 7});
    CHECK(text.position(9) == Position{1, 8});
  }

  TEST_CASE("CRLF: the CR belongs to its line, the next line starts after the LF") {
    const SourceText text("one\r\ntwo\r\nthree");
    CHECK(text.position(3) == Position{1, 4});  // '\r'
    CHECK(text.position(5) == Position{2, 1});
    CHECK(text.line_start(6) == 5);
    CHECK(text.line_end(6) == 8);  // before "\r\n"
    CHECK(text.line_break_at(6) == "\r\n");
    CHECK(text.line_break_at(10) == "");  // the last line has no break
    CHECK(text.line_end(10) == 15);
  }

  TEST_CASE("mixed line endings are told apart line by line") {
    const SourceText text("a\r\nb\nc\r\n");
    CHECK(text.line_break_at(0) == "\r\n");
    CHECK(text.line_break_at(3) == "\n");
    CHECK(text.line_break_at(5) == "\r\n");
    CHECK(text.position(5) == Position{3, 1});
    CHECK(text.line_start(4) == 3);
  }

  TEST_CASE("view returns the bytes of a span") {
    const SourceText text("<add key=\"k\"/>");
    CHECK(text.view(Span{10, 1}) == "k");
    CHECK(text.view(Span{10, 0}).empty());
    CHECK(Span{10, 1}.end() == 11);
  }

  TEST_CASE("an empty text has one empty line") {
    const SourceText text("");
    CHECK(text.position(0) == Position{1, 1});
    CHECK(text.line_start(0) == 0);
    CHECK(text.line_end(0) == 0);
    CHECK(text.line_break_at(0) == "");
  }
  TEST_CASE("a position cursor answers as position() does, forwards, backwards and across lines") {
    // A BOM, CRLF and LF lines, multi-byte characters, a long ASCII run and an empty last line.
    const std::string bytes = "\xEF\xBB\xBF<a b=\"\xC3\xA9t\xC3\xA9\">\r\n  <add key=\"0123456789abcdefghij\" "
                              "value=\"\xE2\x82\xAC 5\"/>\n\n\t<x/>\n";
    const SourceText text(bytes);
    PositionCursor forwards(text);
    for (std::size_t offset = 0; offset <= bytes.size(); ++offset)
      CHECK_MESSAGE(forwards.at(offset) == text.position(offset), "offset " << offset);
    PositionCursor skipping(text);
    for (std::size_t offset : {40, 7, 8, 60, 61, 2, 3, 0, 200})
      CHECK_MESSAGE(skipping.at(offset) == text.position(offset), "offset " << offset);
  }
}

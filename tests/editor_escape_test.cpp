// Escaping for the values the editor writes between quotes: what reads back as the text typed.

#include "edit/editor_escape.hpp"

#include <doctest/doctest.h>

using namespace sessiontool;

TEST_SUITE("editor_escape") {
  TEST_CASE("XML attribute text escapes the attribute's own quote, markup and raw white space") {
    CHECK(escape_xml_attribute("a'\"b", '\'') == "a&apos;\"b");
    CHECK(escape_xml_attribute("a'\"b", '"') == "a'&quot;b");
    CHECK(escape_xml_attribute("R&D <x>", '"') == "R&amp;D &lt;x&gt;");
    CHECK(escape_xml_attribute("a\tb\nc\rd", '"') == "a&#9;b&#10;c&#13;d");
    CHECK(escape_xml_attribute("Zürich", '"') == "Zürich");
  }

  TEST_CASE("JSON string contents escape quotes, backslashes and control characters, UTF-8 passes") {
    CHECK(escape_json_string("\x01\n") == "\\u0001\\n");
    CHECK(escape_json_string("a\"b\\c") == "a\\\"b\\\\c");
    CHECK(escape_json_string("\b\f\r\t") == "\\b\\f\\r\\t");
    CHECK(escape_json_string("\x1f") == "\\u001f");
    CHECK(escape_json_string("Zürich") == "Zürich");
  }
}

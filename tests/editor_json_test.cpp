// The editor on navsettings.json: the spacing after the colon, the commas and the "//" help
// keys stay as the file has them.

#include <optional>
#include <string>
#include <vector>

#include <doctest/doctest.h>

#include "edit/editor.hpp"
#include "read/reader.hpp"

using namespace sessiontool;

namespace {

Document parse_json(const std::string& text) {
  ReadResult result = parse_document("navsettings.json", text);
  if (result.error) FAIL("read error: " << result.error->message);
  REQUIRE(result.document);
  return std::move(*result.document);
}

std::string edited(const std::string& text, std::vector<Edit> edits) {
  auto result = apply_edits(parse_json(text), edits);
  if (!result) FAIL("edit failed: " << result.error().message);
  return result->bytes;
}

Edit set(std::string key, std::string value) { return {std::move(key), std::move(value)}; }
Edit unset(std::string key) { return {std::move(key), std::nullopt}; }

// Shaped like the file BC's web server setup writes.
constexpr std::string_view kNavSettings = R"({
  "NAVWebSettings": {
    "//Server": "Specifies the name of the computer that is running the Business Central Server.",
    "Server":  "BCSRV01",
    "ClientServicesPort":  7085,
    "//SessionTimeout": "Specifies how long a session stays open with no activity.",
    "SessionTimeout":  "00:20:00",
    "DnsIdentity":  ""
  },
  "ApplicationIdSettings": {
    "ApplicationIdentifier":  ""
  }
}
)";

std::string replaced(std::string text, std::string_view from, std::string_view to) {
  const std::size_t at = text.find(from);
  REQUIRE(at != std::string::npos);
  return text.replace(at, from.size(), to);
}

}  // namespace

TEST_SUITE("editor json") {
  TEST_CASE("a string value changes between its quotes") {
    const std::string text(kNavSettings);
    CHECK(edited(text, {set("SessionTimeout", "00:45:00")}) ==
          replaced(text, "\"SessionTimeout\":  \"00:20:00\"", "\"SessionTimeout\":  \"00:45:00\""));
  }

  TEST_CASE("an integer written as a number stays a number, a TimeSpan in a number becomes a string") {
    const std::string text(kNavSettings);
    CHECK(edited(text, {set("ClientServicesPort", "7086")}) ==
          replaced(text, "\"ClientServicesPort\":  7085", "\"ClientServicesPort\":  7086"));
    const std::string number_timeout = replaced(text, "\"00:20:00\"", "20");
    CHECK(edited(number_timeout, {set("SessionTimeout", "00:45:00")}) == text.substr(0, text.find("\"00:20:00\"")) +
                                                                            "\"00:45:00\"" +
                                                                            text.substr(text.find("\"00:20:00\"") + 10));
  }

  TEST_CASE("values are JSON-escaped") {
    const std::string out = edited(std::string(kNavSettings), {set("Server", "a\"b\\c")});
    CHECK(out.find(R"("Server":  "a\"b\\c")") != std::string::npos);
    CHECK(parse_json(out).in_force("Server")->value == "a\"b\\c");
  }

  TEST_CASE("a new key follows the last member with the settings' two-space separator, not the help keys' one") {
    const std::string text(kNavSettings);
    const std::string out = edited(text, {set("ServerInstance", "BC230")});
    CHECK(out == replaced(text, "    \"DnsIdentity\":  \"\"\n",
                          "    \"DnsIdentity\":  \"\",\n    \"ServerInstance\":  \"BC230\"\n"));
    CHECK(edited(out, {unset("ServerInstance")}) == text);
  }

  TEST_CASE("a new integer key is written as a number, as BC writes ports") {
    const std::string text = "{\n  \"NAVWebSettings\": {\n    \"Server\": \"x\"\n  }\n}\n";
    CHECK(edited(text, {set("ClientServicesPort", "7046")}) ==
          "{\n  \"NAVWebSettings\": {\n    \"Server\": \"x\",\n    \"ClientServicesPort\": 7046\n  }\n}\n");
  }

  TEST_CASE("CRLF and a BOM are kept, and the new line ends like its neighbour") {
    std::string text = "\xEF\xBB\xBF{\r\n  \"NAVWebSettings\": {\r\n    \"Server\":  \"x\"\r\n  }\r\n}\r\n";
    const std::string out = edited(text, {set("SessionTimeout", "00:30:00")});
    CHECK(out == "\xEF\xBB\xBF{\r\n  \"NAVWebSettings\": {\r\n    \"Server\":  \"x\",\r\n"
                 "    \"SessionTimeout\":  \"00:30:00\"\r\n  }\r\n}\r\n");
    CHECK(edited(out, {unset("SessionTimeout")}) == text);
  }

  TEST_CASE("unset removes the member's line and the comma it needs") {
    const std::string text(kNavSettings);
    // The last member: the comma before it goes.
    CHECK(edited(text, {unset("DnsIdentity")}) ==
          replaced(text, "\"SessionTimeout\":  \"00:20:00\",\n    \"DnsIdentity\":  \"\"\n",
                   "\"SessionTimeout\":  \"00:20:00\"\n"));
    // A member in the middle: its own line, comma included.
    CHECK(edited(text, {unset("ClientServicesPort")}) == replaced(text, "    \"ClientServicesPort\":  7085,\n", ""));
    // The last two: the result is still valid JSON and keeps the help key.
    const std::string out = edited(text, {unset("SessionTimeout"), unset("DnsIdentity")});
    CHECK(out.find("\"//SessionTimeout\": \"Specifies how long a session stays open with no activity.\"\n  },") !=
          std::string::npos);
  }

  TEST_CASE("the only member of an object, and inserting into an empty one") {
    const std::string text = "{\n  \"NAVWebSettings\": {\n    \"Server\":  \"x\"\n  }\n}\n";
    const std::string empty = edited(text, {unset("Server")});
    CHECK(empty == "{\n  \"NAVWebSettings\": {\n  }\n}\n");
    CHECK(edited(empty, {set("Server", "x")}) == "{\n  \"NAVWebSettings\": {\n    \"Server\": \"x\"\n  }\n}\n");
    CHECK(edited("{\"NAVWebSettings\": {}}", {set("Server", "y")}) ==
          "{\"NAVWebSettings\": {\n  \"Server\": \"y\"\n}}");
    CHECK(edited("{ \"NAVWebSettings\": { } }\n", {set("Server", "y")}) ==
          "{ \"NAVWebSettings\": {\n  \"Server\": \"y\"\n} }\n");
  }

  TEST_CASE("an object holding only a nested object gets the new key first") {
    const std::string text = "{\n  \"NAVWebSettings\": {\n    \"Nested\": {\"a\": 1}\n  }\n}\n";
    CHECK(edited(text, {set("Server", "x")}) ==
          "{\n  \"NAVWebSettings\": {\n    \"Server\": \"x\",\n    \"Nested\": {\"a\": 1}\n  }\n}\n");
  }

  TEST_CASE("a member followed by a nested object keeps both commas right") {
    const std::string text = "{\n  \"NAVWebSettings\": {\n    \"Server\":  \"x\",\n    \"Nested\": {}\n  }\n}\n";
    const std::string out = edited(text, {set("SessionTimeout", "00:30:00")});
    CHECK(out == "{\n  \"NAVWebSettings\": {\n    \"Server\":  \"x\",\n    \"SessionTimeout\":  \"00:30:00\",\n"
                 "    \"Nested\": {}\n  }\n}\n");
    CHECK(edited(out, {unset("SessionTimeout")}) == text);
  }

  TEST_CASE("blanks after the last member's comma stay on its line, and unset gives back the original") {
    // Found by fuzz_editor: the new member went before the comma, taking the blanks to its own
    // line, which unset then removed with it.
    const std::string text = "{\n  \"NAVWebSettings\": {\n    \"Server\":  \"x\",  \n    \"Nested\": []\n  }\n}\n";
    const std::string out = edited(text, {set("SessionTimeout", "00:30:00")});
    CHECK(out == "{\n  \"NAVWebSettings\": {\n    \"Server\":  \"x\",  \n    \"SessionTimeout\":  \"00:30:00\",\n"
                 "    \"Nested\": []\n  }\n}\n");
    CHECK(edited(out, {unset("SessionTimeout")}) == text);
  }

  TEST_CASE("one-line objects") {
    const std::string text = R"({"NAVWebSettings": {"Server": "x", "SessionTimeout": "00:20:00"}})";
    CHECK(edited(text, {unset("Server")}) == R"({"NAVWebSettings": {"SessionTimeout": "00:20:00"}})");
    CHECK(edited(text, {unset("SessionTimeout")}) == R"({"NAVWebSettings": {"Server": "x"}})");
    CHECK(edited(text, {set("ServerInstance", "BC")}) ==
          R"({"NAVWebSettings": {"Server": "x", "SessionTimeout": "00:20:00", "ServerInstance": "BC"}})");
  }

  TEST_CASE("comma-first style") {
    const std::string text = "{ \"NAVWebSettings\":\n  { \"Server\": \"x\"\n  , \"SessionTimeout\": \"00:20:00\"\n  }\n}\n";
    const std::string out = edited(text, {set("ServerInstance", "BC")});
    CHECK(out == "{ \"NAVWebSettings\":\n  { \"Server\": \"x\"\n  , \"SessionTimeout\": \"00:20:00\"\n"
                 "  , \"ServerInstance\": \"BC\"\n  }\n}\n");
    CHECK(edited(out, {unset("ServerInstance")}) == text);
    CHECK(edited(text, {unset("SessionTimeout")}) == "{ \"NAVWebSettings\":\n  { \"Server\": \"x\"\n  }\n}\n");
  }

  TEST_CASE("comments and trailing commas stay byte for byte, a new key goes where the web server reads it") {
    const std::string text =
        "// the web server's settings\n"
        "{\n"
        "  \"NAVWebSettings\": {\n"
        "    \"Server\":  \"BCSRV01\", // the SQL box, not this one\n"
        "    /* night shift */ \"SessionTimeout\":  \"00:20:00\" /* ticket 4711 */,\n"
        "  },\n"
        "}\n";
    CHECK(edited(text, {set("SessionTimeout", "00:45:00")}) ==
          "// the web server's settings\n"
          "{\n"
          "  \"NAVWebSettings\": {\n"
          "    \"Server\":  \"BCSRV01\", // the SQL box, not this one\n"
          "    /* night shift */ \"SessionTimeout\":  \"00:45:00\" /* ticket 4711 */,\n"
          "  },\n"
          "}\n");
    // The last member's comma closes its line (a trailing comma): the new member keeps that style.
    const std::string added = edited(text, {set("ClientServicesPort", "7085")});
    CHECK(added ==
          "// the web server's settings\n"
          "{\n"
          "  \"NAVWebSettings\": {\n"
          "    \"Server\":  \"BCSRV01\", // the SQL box, not this one\n"
          "    /* night shift */ \"SessionTimeout\":  \"00:20:00\" /* ticket 4711 */,\n"
          "    \"ClientServicesPort\":  7085,\n"
          "  },\n"
          "}\n");
    CHECK(edited(added, {unset("ClientServicesPort")}) == text);
  }

  TEST_CASE("a comment closing the last member's line stays there, the comma goes before it") {
    const std::string text = "{\n  \"NAVWebSettings\": {\n    \"Server\":  \"BCSRV01\" // the SQL box\n  }\n}\n";
    CHECK(edited(text, {set("SessionTimeout", "00:45:00")}) ==
          "{\n  \"NAVWebSettings\": {\n    \"Server\":  \"BCSRV01\", // the SQL box\n    \"SessionTimeout\":  "
          "\"00:45:00\"\n  }\n}\n");
  }

  TEST_CASE("keys and the section in another letter case: changed in place, never added in a second spelling") {
    const std::string text = "{\n  \"navWebSettings\": {\n    \"sessionTimeout\":  \"00:20:00\"\n  }\n}\n";
    CHECK(edited(text, {set("SessionTimeout", "00:45:00")}) ==
          "{\n  \"navWebSettings\": {\n    \"sessionTimeout\":  \"00:45:00\"\n  }\n}\n");
    // A new key goes into the section however it is spelt.
    CHECK(edited(text, {set("Server", "BCSRV01")}) ==
          "{\n  \"navWebSettings\": {\n    \"sessionTimeout\":  \"00:20:00\",\n    \"Server\":  \"BCSRV01\"\n  "
          "}\n}\n");
    CHECK(edited(text, {unset("SESSIONTIMEOUT")}) == "{\n  \"navWebSettings\": {\n  }\n}\n");
  }

  TEST_CASE("a top-level NAVWebSettings:Key is the setting: edited there, the same key elsewhere is left alone") {
    const std::string text =
        "{\n  \"NAVWebSettings:SessionTimeout\": \"00:20:00\",\n  \"ApplicationIdSettings\": {\"SessionTimeout\": "
        "\"01:00:00\"},\n  \"NAVWebSettings\": {}\n}\n";
    CHECK(edited(text, {set("SessionTimeout", "00:45:00")}) ==
          "{\n  \"NAVWebSettings:SessionTimeout\": \"00:45:00\",\n  \"ApplicationIdSettings\": {\"SessionTimeout\": "
          "\"01:00:00\"},\n  \"NAVWebSettings\": {}\n}\n");
  }

  TEST_CASE("no NAVWebSettings object: nothing to add the key to") {
    const std::string text = "{\n  \"ApplicationIdSettings\": {\n    \"ApplicationIdentifier\": \"\"\n  }\n}\n";
    auto result = apply_edits(parse_json(text), std::vector<Edit>{set("SessionTimeout", "00:30:00")});
    REQUIRE_FALSE(result);
    CHECK(result.error().kind == EditErrorKind::unsupported);
    CHECK(result.error().message.find("NAVWebSettings") != std::string::npos);
  }
}

#include <doctest/doctest.h>

#include <string>
#include <string_view>

#include "reader.hpp"

using namespace sessiontool;

namespace {

// Shaped like the file BC's web server setup writes: "//" help keys and two-space separators.
constexpr std::string_view kNavSettings = R"json({
  "NAVWebSettings": {
    "//Server": "Specifies the name of the computer that is running the Business Central Server instance.",
    "Server":  "localhost",
    "//ServerInstance": "Specifies the name of the Business Central Server instance.",
    "ServerInstance":  "BC230",
    "//ClientServicesPort": "Specifies the TCP port that the Business Central Server instance listens on.",
    "ClientServicesPort":  7085,
    "//SessionTimeout": "Specifies how long a session stays open when there is no activity. Format: [dd.]hh:mm:ss[.ff]",
    "SessionTimeout":  "00:20:00",
    "ClientServicesCredentialType":  "Windows",
    "DnsIdentity":  "",
    "ShowPageSearchInRoleCenter":  true
  },
  "ApplicationIdSettings": {
    "//ApplicationId": "The application ID of the product.",
    "ApplicationId":  "FIN"
  }
}
)json";

std::string with_crlf(std::string_view text) {
  std::string out;
  for (char c : text) {
    if (c == '\n') out += '\r';
    out += c;
  }
  return out;
}

Document read_ok(std::string_view text) {
  ReadResult result = read_navsettings("navsettings.json", std::string(text));
  REQUIRE_MESSAGE(result.document.has_value(), (result.error ? result.error->message : std::string("no error")));
  CHECK_FALSE(result.error.has_value());
  return std::move(*result.document);
}

ReadError read_fails(std::string_view text) {
  ReadResult result = read_navsettings("navsettings.json", std::string(text));
  REQUIRE_FALSE(result.document.has_value());
  REQUIRE(result.error.has_value());
  CHECK(result.error->kind == ReadErrorKind::malformed);
  CHECK(result.error->path == "navsettings.json");
  return *result.error;
}

const Entry& entry(const Document& doc, std::string_view key) {
  const Entry* found = doc.in_force(key);
  REQUIRE_MESSAGE(found != nullptr, "no entry " << key);
  return *found;
}

std::string_view raw(const Document& doc, Span span) { return doc.source.view(span); }

// The realistic file's facts, read the same with LF and CRLF line breaks.
void check_realistic(const Document& doc) {
  REQUIRE(doc.sections.size() == 2);
  CHECK(doc.sections[0].name == "NAVWebSettings");
  CHECK(doc.sections[1].name == "ApplicationIdSettings");
  REQUIRE(doc.entries.size() == 13);
  CHECK(doc.entries[0].key == "//Server");
  CHECK(doc.entries[0].value.starts_with("Specifies the name of the computer"));
  CHECK(doc.entries[0].key_pos == Position{3, 6});
  CHECK(doc.entries[12].section == 1);

  const Entry& timeout = entry(doc, "SessionTimeout");
  CHECK(timeout.value == "00:20:00");
  CHECK(timeout.value_is_string);
  CHECK(timeout.section == 0);
  CHECK(timeout.key_pos == Position{10, 6});
  CHECK(timeout.value_pos == Position{10, 25});
  CHECK(raw(doc, timeout.key_span) == "SessionTimeout");
  CHECK(raw(doc, timeout.value_span) == "00:20:00");
  CHECK(raw(doc, timeout.entry_span) == R"("SessionTimeout":  "00:20:00")");

  CHECK(entry(doc, "Server").value_pos == Position{4, 17});
  CHECK(entry(doc, "ServerInstance").value == "BC230");
  CHECK(entry(doc, "ApplicationId").value == "FIN");
  CHECK(entry(doc, "ApplicationId").value_pos == Position{17, 24});

  const Entry& empty = entry(doc, "DnsIdentity");
  CHECK(empty.value.empty());
  CHECK(empty.value_span.length == 0);
  CHECK(raw(doc, empty.entry_span) == R"("DnsIdentity":  "")");

  // Section bodies sit just inside the braces.
  for (const Section& section : doc.sections) {
    CHECK(doc.source.bytes()[section.body_begin - 1] == '{');
    CHECK(doc.source.bytes()[section.body_end] == '}');
    CHECK_FALSE(section.self_closing_tag.has_value());
  }
  CHECK(doc.source.position(doc.sections[0].body_end) == Position{14, 3});
  CHECK(doc.source.position(doc.sections[1].body_end) == Position{18, 3});

  for (const Entry& e : doc.entries) {
    CAPTURE(e.key);
    CHECK(doc.source.position(e.key_span.offset) == e.key_pos);
    CHECK(doc.source.position(e.value_span.offset) == e.value_pos);
    CHECK(raw(doc, e.entry_span).starts_with("\"" + std::string(raw(doc, e.key_span)) + "\":"));
  }
}

}  // namespace

TEST_SUITE("navsettings_reader") {
  TEST_CASE("a navsettings.json as BC writes it: help keys kept, values and places exact") {
    const Document doc = read_ok(kNavSettings);
    CHECK(doc.kind == FileKind::web);
    CHECK(doc.format == FileFormat::json);
    CHECK(doc.path == "navsettings.json");
    CHECK(doc.source.bytes() == kNavSettings);
    check_realistic(doc);
  }

  TEST_CASE("CRLF files read the same, with no '\\r' in any value") {
    const Document doc = read_ok(with_crlf(kNavSettings));
    check_realistic(doc);
    for (const Entry& e : doc.entries) CHECK(raw(doc, e.entry_span).find('\r') == std::string_view::npos);
  }

  TEST_CASE("a UTF-8 BOM is allowed and is not a column") {
    const Document doc = read_ok("\xEF\xBB\xBF{\"NAVWebSettings\": {\"SessionTimeout\":  \"00:30:00\"}}");
    const Entry& timeout = entry(doc, "SessionTimeout");
    CHECK(timeout.value == "00:30:00");
    CHECK(timeout.key_pos == Position{1, 22});
    CHECK(timeout.value_pos == Position{1, 41});
    CHECK(timeout.key_span.offset == 24);  // offsets are into the bytes, BOM included
    CHECK(raw(doc, timeout.value_span) == "00:30:00");
  }

  TEST_CASE("escapes: spans keep the raw bytes, values are decoded") {
    const Document doc = read_ok(R"json({"NAVWebSettings": {
  "HelpServer":  "C:\\inetpub\\wwwroot\\BC230",
  "Quote":  "say \"hi\"\/\tdone\n",
  "Accent":  "caf\u00e9 \u20AC",
  "Emoji":  "\ud83d\ude00",
  "Nul":  "a\u0000b",
  "Esc\u0061ped":  "key"
}}
)json");
    const Entry& help = entry(doc, "HelpServer");
    CHECK(help.value == R"(C:\inetpub\wwwroot\BC230)");
    CHECK(raw(doc, help.value_span) == R"(C:\\inetpub\\wwwroot\\BC230)");
    CHECK(entry(doc, "Quote").value == "say \"hi\"/\tdone\n");
    CHECK(entry(doc, "Accent").value == "caf\xC3\xA9 \xE2\x82\xAC");
    CHECK(entry(doc, "Emoji").value == "\xF0\x9F\x98\x80");
    CHECK(raw(doc, entry(doc, "Emoji").value_span) == R"(\ud83d\ude00)");
    CHECK(entry(doc, "Nul").value == std::string("a\0b", 3));
    const Entry& key = entry(doc, "Escaped");
    CHECK(raw(doc, key.key_span) == R"(Esc\u0061ped)");
    CHECK(key.value_pos == Position{7, 21});
  }

  TEST_CASE("columns count characters, not bytes") {
    const Document doc = read_ok("{\"S\": {\"//Caf\xC3\xA9\": \"\xE2\x82\xAC\", \"K\": \"v\"}}");
    CHECK(entry(doc, "//Caf\xC3\xA9").value == "\xE2\x82\xAC");
    CHECK(entry(doc, "K").value_pos == Position{1, 29});
  }

  TEST_CASE("numbers, booleans and null are bare tokens") {
    const Document doc = read_ok(R"json({"NAVWebSettings": {
  "ClientServicesPort": 7085,
  "Ratio":  -1.5e+3,
  "ShowPageSearchInRoleCenter": false,
  "DnsIdentity": null
}}
)json");
    const Entry& port = entry(doc, "ClientServicesPort");
    CHECK(port.value == "7085");
    CHECK_FALSE(port.value_is_string);
    CHECK(raw(doc, port.value_span) == "7085");
    CHECK(raw(doc, port.entry_span) == R"("ClientServicesPort": 7085)");
    CHECK(port.value_pos == Position{2, 25});
    CHECK(entry(doc, "Ratio").value == "-1.5e+3");
    CHECK(entry(doc, "ShowPageSearchInRoleCenter").value == "false");
    const Entry& dns = entry(doc, "DnsIdentity");
    CHECK(dns.value == "null");
    CHECK_FALSE(dns.value_is_string);
    CHECK(raw(doc, dns.entry_span) == R"("DnsIdentity": null)");
  }

  TEST_CASE("a key set twice is kept twice, in order; the last one is found") {
    const Document doc = read_ok(R"json({"NAVWebSettings": {
  "SessionTimeout":  "00:20:00",
  "SessionTimeout":  "01:00:00"
}}
)json");
    REQUIRE(doc.entries.size() == 2);
    CHECK(doc.entries[0].value == "00:20:00");
    CHECK(doc.entries[1].value == "01:00:00");
    CHECK(entry(doc, "SessionTimeout").value_pos == Position{3, 23});
  }

  TEST_CASE("empty sections are sections with no entries") {
    const Document doc = read_ok("{\"NAVWebSettings\": {}, \"ApplicationIdSettings\": {\n  }}");
    REQUIRE(doc.sections.size() == 2);
    CHECK(doc.entries.empty());
    CHECK(doc.sections[0].body_begin == doc.sections[0].body_end);
    CHECK(doc.source.view({doc.sections[1].body_begin, doc.sections[1].body_end - doc.sections[1].body_begin}) ==
          "\n  ");
    CHECK(read_ok("{}").sections.empty());
  }

  TEST_CASE("nested values are checked but are not entries; top-level scalars are not settings") {
    const Document doc = read_ok(R"json({
  "Version": 2,
  "NAVWebSettings": {
    "Server":  "localhost",
    "Endpoints": {"Inner": "not an entry", "List": [1, {"Deep": "no"}]},
    "Tags": ["a", "b"],
    "SessionTimeout":  "00:20:00"
  },
  "Flags": [{"Flag": true}]
}
)json");
    REQUIRE(doc.sections.size() == 1);
    REQUIRE(doc.entries.size() == 2);
    CHECK(doc.entries[0].key == "Server");
    CHECK(doc.entries[1].key == "SessionTimeout");
    CHECK(doc.entries[1].section == 0);
    CHECK(doc.in_force("Version") == nullptr);
    CHECK(doc.in_force("Inner") == nullptr);
    CHECK(doc.in_force("Flag") == nullptr);
  }

  TEST_CASE("malformed files name the line and column of the fault") {
    struct Case {
      const char* text;
      Position pos;
      const char* message;
    };
    const Case cases[] = {
        {"{\n  \"NAVWebSettings\": {\n    \"Server\":  \"localhost\",\n  }\n}", {3, 27}, "trailing comma before '}'"},
        {"{\n  \"NAVWebSettings\": {\n    \"Server\":  \"localhost\"\n    \"ServerInstance\":  \"BC230\"\n  }\n}",
         {4, 5}, "missing ',' before this member"},
        {"{\n  // the web server\n  \"NAVWebSettings\": {}\n}", {2, 3}, "comments are not allowed in JSON"},
        {"{\"S\": {\"K\": 1 /* c */}}", {1, 15}, "comments are not allowed in JSON"},
        {"{\n  \"NAVWebSettings\": {\n    \"Server\":  \"localhost\n  }\n}", {3, 26},
         "unterminated string: line break before the closing quote"},
        {"{\"NAVWebSettings\": {\"Server\": \"localh", {1, 31}, "unterminated string"},
        {"{\"S\": {\"K\": \"a\\", {1, 13}, "unterminated string"},
        {"{\"S\": {\"K\": \"a\tb\"}}", {1, 15}, "control character in string: write it as an escape such as \\t"},
        {"{\"S\": {\"K\": \"C:\\Temp\"}}", {1, 16}, "invalid escape '\\T' in string"},
        {"{\"S\": {\"K\": \"\\u12G4\"}}", {1, 14}, "invalid \\u escape: expected four hex digits"},
        {"{\"S\": {\"K\": \"\\u12\"}}", {1, 14}, "invalid \\u escape: expected four hex digits"},
        {"{\"S\": {\"K\": \"x\\ud83d\"}}", {1, 15}, "unpaired surrogate in \\u escape"},
        {"{\"S\": {\"K\": \"\\ud83d\\u0041\"}}", {1, 14}, "unpaired surrogate in \\u escape"},
        {"{\"S\": {\"K\": \"\\ude00\"}}", {1, 14}, "unpaired surrogate in \\u escape"},
        {"{\"S\": {\"K\": \"Caf\xE9\"}}", {1, 17}, "invalid UTF-8 in string: save the file as UTF-8"},
        {"{\"S\": {\"K\": \"\xED\xA0\x80\"}}", {1, 14}, "invalid UTF-8 in string: save the file as UTF-8"},
        {"{'NAVWebSettings': {}}", {1, 2}, "strings need double quotes, not single quotes"},
        {"{NAVWebSettings: {}}", {1, 2}, "expected a member name in double quotes, or '}'"},
        {"{\"S\": {\"Server\": localhost}}", {1, 18},
         "invalid value 'localhost': text must be a string in double quotes (true, false and null are lower case)"},
        {"{\"S\": {\"Flag\": True}}", {1, 16},
         "invalid value 'True': text must be a string in double quotes (true, false and null are lower case)"},
        {"{\"S\": {\"Port\": 07085}}", {1, 17}, "invalid number: leading zeros are not allowed"},
        {"{\"S\": {\"N\": -}}", {1, 14}, "invalid number: expected a digit"},
        {"{\"S\": {\"N\": 1.}}", {1, 15}, "invalid number: expected a digit after '.'"},
        {"{\"S\": {\"N\": 1e+}}", {1, 16}, "invalid number: expected a digit in the exponent"},
        {"{\"S\": {\"N\": 12px}}", {1, 15}, "expected ',' or '}' after member"},
        {"{\"S\": {\"K\": }}", {1, 13}, "expected a value"},
        {"{\"S\" {}}", {1, 6}, "expected ':' after member name"},
        {"{\"S\": {\"L\": [1, 2,]}}", {1, 18}, "trailing comma before ']'"},
        {"{\"S\": {\"L\": [1 2]}}", {1, 16}, "missing ',' before this array element"},
        {"{\"S\": {},}", {1, 9}, "trailing comma before '}'"},
        {"{\"S\": {}, 3}", {1, 11}, "expected a member name in double quotes"},
        {"{\"NAVWebSettings\": {\"Server\": \"x\",", {1, 35},
         "unexpected end of file: expected a member name in double quotes"},
        {"{\"S\": ", {1, 7}, "unexpected end of file: expected a value"},
        {"{\n  \"S\": {}\n", {3, 1}, "unexpected end of file: expected ',' or '}' after member"},
        {"{}\n}", {2, 1}, "unexpected text after the end of the root object"},
        {"{\"A\": {}}\n{\"B\": {}}", {2, 1}, "unexpected text after the end of the root object"},
        {"[{\"NAVWebSettings\": {}}]", {1, 1}, "expected '{': the root must be a JSON object"},
        {"\xEF\xBB\xBF  \"NAVWebSettings\"", {1, 3}, "expected '{': the root must be a JSON object"},
        {"", {1, 1}, "the file is empty: expected a JSON object '{'"},
        {"\xEF\xBB\xBF\r\n \r\n", {3, 1}, "the file is empty: expected a JSON object '{'"},
    };
    for (const Case& c : cases) {
      CAPTURE(c.text);
      const ReadError error = read_fails(c.text);
      CHECK(error.pos == c.pos);
      CHECK(error.message == c.message);
    }
  }

  TEST_CASE("a NUL byte is malformed, not the end of the text") {
    const ReadError error = read_fails(std::string("{\"S\": {}\0}", 10));
    CHECK(error.pos == Position{1, 9});
  }

  TEST_CASE("nesting is limited to 256 levels, without a crash") {
    // The root object is level 1, so "S" holds 255 more levels here.
    const std::string ok = "{\"S\": " + std::string(255, '[') + std::string(255, ']') + "}";
    CHECK(read_ok(ok).entries.empty());

    const std::string deep = "{\"S\": " + std::string(256, '[') + std::string(256, ']') + "}";
    const ReadError error = read_fails(deep);
    CHECK(error.message == "nesting deeper than 256 levels");
    CHECK(error.pos == Position{1, 262});  // the 256th '['

    std::string hostile;
    for (int i = 0; i < 1'000'000; ++i) hostile += "{\"a\":";
    CHECK(read_fails(hostile).message == "nesting deeper than 256 levels");
  }

  TEST_CASE("a file cut off anywhere is reported as malformed, never crashes") {
    const std::string text = with_crlf(kNavSettings);
    const std::size_t last_brace = text.rfind('}');
    for (std::size_t length = 0; length <= last_brace; ++length) {
      CAPTURE(length);
      const ReadResult result = read_navsettings("navsettings.json", text.substr(0, length));
      REQUIRE(result.error.has_value());
      CHECK(result.error->pos.line >= 1);
    }
  }
}

#include <doctest/doctest.h>

#include <string>
#include <string_view>

#include "read/reader.hpp"

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

// The last entry with exactly this key, wherever it stands (in force or not).
const Entry& entry(const Document& doc, std::string_view key) {
  const Entry* found = nullptr;
  for (const Entry& e : doc.entries)
    if (e.key == key) found = &e;
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

  TEST_CASE("numbers, booleans and null are bare tokens, read as .NET's JsonElement.ToString() gives them") {
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
    CHECK(entry(doc, "ShowPageSearchInRoleCenter").value == "False");
    const Entry& dns = entry(doc, "DnsIdentity");
    CHECK(dns.value == "");
    CHECK_FALSE(dns.value_is_string);
    CHECK(raw(doc, dns.entry_span) == R"("DnsIdentity": null)");
  }

  TEST_CASE("a key set twice, in any letter case, is kept twice and makes the web server refuse the file") {
    const Document doc = read_ok(R"json({"NAVWebSettings": {
  "SessionTimeout":  "00:20:00",
  "sessiontimeout":  "01:00:00"
}}
)json");
    REQUIRE(doc.entries.size() == 2);
    CHECK(doc.entries[0].value == "00:20:00");
    CHECK(doc.entries[1].value == "01:00:00");
    CHECK(doc.in_force("SessionTimeout")->value_pos == Position{3, 23});
    REQUIRE(doc.refusals.size() == 1);
    CHECK(doc.refusals[0].kind == Refusal::Kind::duplicate_key);
    CHECK(doc.refusals[0].start == Position{3, 4});
    CHECK(doc.refusals[0].message ==
          "NAVWebSettings:sessiontimeout is set twice (also on line 2; keys match in any letter case): the web "
          "server's configuration reader stops with \"A duplicate key 'NAVWebSettings:sessiontimeout' was found.\"");
  }

  TEST_CASE("duplicates are configuration paths: across sections spelt apart, a path written as one key, arrays") {
    struct Case {
      const char* text;
      std::size_t refusals;
    };
    const Case cases[] = {
        // Two objects of one name in two spellings merge; their keys collide.
        {R"({"NAVWebSettings": {"Server": "a"}, "navwebsettings": {"SERVER": "b"}})", 1},
        // ...and different keys do not.
        {R"({"NAVWebSettings": {"Server": "a"}, "navwebsettings": {"ServerInstance": "b"}})", 0},
        // "A:B" at the top level is the path A:B.
        {R"({"NAVWebSettings:SessionTimeout": "1", "NAVWebSettings": {"SessionTimeout": "2"}})", 1},
        // Arrays are paths with indexes.
        {R"({"S": {"L": ["a", "b"], "l:0": "c"}})", 1},
        // An empty object is a null at its path: a value after it collides, one before it is replaced.
        {R"({"S": {"K": {}, "k": "v"}})", 1},
        {R"({"S": {"K": "v", "k": {}}})", 0},
        // The same key in two sections is two paths.
        {R"({"NAVWebSettings": {"SessionTimeout": "1"}, "ApplicationIdSettings": {"SessionTimeout": "2"}})", 0},
        // Anywhere in the file, not only NAVWebSettings: the web server reads the whole file.
        {R"({"ApplicationIdSettings": {"ApplicationId": "FIN", "applicationid": "FIN"}})", 1},
    };
    for (const Case& c : cases) {
      CAPTURE(c.text);
      CHECK(read_ok(c.text).refusals.size() == c.refusals);
    }
  }

  TEST_CASE("keys and section names match in any letter case, NAVWebSettings:<key> is the setting however written") {
    const Document doc = read_ok(R"json({
  "navWebSettings": { "sessionTimeout": "00:45:00" },
  "NAVWebSettings:ClientServicesPort": 7185,
  "ApplicationIdSettings": { "Server": "elsewhere" },
  "ServerInstance": "top level",
  "NAVWebSettings": { "Old": { "ServerInstance": "nested" } }
}
)json");
    const Entry& timeout = *doc.in_force("SessionTimeout");
    CHECK(timeout.key == "sessionTimeout");
    CHECK(timeout.name() == "sessionTimeout");
    CHECK(timeout.path == "navWebSettings:sessionTimeout");
    const Entry& port = *doc.in_force("clientservicesport");
    CHECK(port.key == "NAVWebSettings:ClientServicesPort");
    CHECK(port.name() == "ClientServicesPort");
    CHECK(port.value == "7185");
    CHECK(port.section >= doc.sections.size());  // a top-level member: in no section
    // Known keys where the web server does not read them: entries that do not apply.
    CHECK(doc.in_force("Server") == nullptr);
    CHECK(doc.in_force("ServerInstance") == nullptr);
    std::size_t elsewhere = 0;
    for (const Entry& e : doc.entries) elsewhere += e.applies ? 0 : 1;
    CHECK(elsewhere == 3);
    CHECK(doc.refusals.empty());
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

  TEST_CASE("nested values and top-level scalars are entries that do not apply, only NAVWebSettings' own do") {
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
    std::vector<std::string> applying, paths;
    for (const Entry& e : doc.entries) {
      if (e.applies) applying.push_back(e.key);
      paths.push_back(e.path);
    }
    CHECK(applying == std::vector<std::string>{"Server", "SessionTimeout"});
    CHECK(paths == std::vector<std::string>{"Version", "NAVWebSettings:Server", "NAVWebSettings:Endpoints:Inner",
                                            "NAVWebSettings:Endpoints:List:1:Deep", "NAVWebSettings:SessionTimeout",
                                            "Flags:0:Flag"});
    CHECK(entry(doc, "SessionTimeout").section == 0);
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
        {"{\n  \"NAVWebSettings\": {\n    \"Server\":  \"localhost\",,\n  }\n}", {3, 28},
         "expected a member name in double quotes"},
        {"{\n  \"NAVWebSettings\": {\n    \"Server\":  \"localhost\"\n    \"ServerInstance\":  \"BC230\"\n  }\n}",
         {4, 5}, "missing ',' before this member"},
        {"{\n  \"NAVWebSettings\" // the web server\n  : {}\n}", {2, 20},
         "a comment cannot stand between a member's name and its ':' (.NET's JSON reader refuses it): move it after "
         "the value"},
        {"{\"S\": {\"K\": 1 /* c }}", {1, 15}, "comment is not closed by */"},
        {"{\"S\": {\"K\": 1 / 2}}", {1, 15}, "'/' does not start a comment (// or /*): expected ',' or '}' after member"},
        {"{\"S\": {}} // ends \xE2\x80\xA8 here", {1, 19},
         "a // comment holds a U+2028 or U+2029 line separator, which .NET's JSON reader refuses: delete the character"},
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
        {"{\"S\": {\"L\": [1, 2,,]}}", {1, 19}, "expected a value"},
        {"{\"S\": {\"L\": [,]}}", {1, 14}, "expected a value"},
        {"{,}", {1, 2}, "expected a member name in double quotes, or '}'"},
        {"{\"S\": {\"L\": [1 2]}}", {1, 16}, "missing ',' before this array element"},
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

  TEST_CASE("nesting is limited to 64 levels as in .NET's reader (MaxDepth 64), without a crash") {
    // The root object is level 1, so "S" holds 63 more levels here.
    const std::string ok = "{\"S\": " + std::string(63, '[') + std::string(63, ']') + "}";
    CHECK(read_ok(ok).entries.empty());

    const std::string deep = "{\"S\": " + std::string(64, '[') + std::string(64, ']') + "}";
    const ReadError error = read_fails(deep);
    CHECK(error.message == "nesting deeper than 64 levels (.NET's JSON reader refuses it)");
    CHECK(error.pos == Position{1, 70});  // the 64th '['

    std::string hostile;
    for (int i = 0; i < 1'000'000; ++i) hostile += "{\"a\":";
    CHECK(read_fails(hostile).message == "nesting deeper than 64 levels (.NET's JSON reader refuses it)");
  }

  TEST_CASE("comments and trailing commas wherever .NET's configuration reader takes them, spans stay exact") {
    const std::string text =
        "\xEF\xBB\xBF// before the root\r\n"
        "/* block\n   before */ {\n"
        "  // a line comment\n"
        "  \"NAVWebSettings\": /* after a colon */ {\n"
        "    \"Server\":  \"BCSRV01\", // after a comma\n"
        "    /* before a member */ \"ServerInstance\":  \"BC240\" /* before a comma */,\n"
        "    \"L\": [ 1, /* in an array */ 2, ],\n"
        "    \"SessionTimeout\":  \"00:45:00\",\n"
        "  },\n"
        "  \"ApplicationIdSettings\": {},\n"
        "} // after the root, no line break at the end";
    const Document doc = read_ok(text);
    CHECK(doc.refusals.empty());
    REQUIRE(doc.sections.size() == 2);
    const Entry& timeout = entry(doc, "SessionTimeout");
    CHECK(timeout.value == "00:45:00");
    CHECK(timeout.key_pos == Position{9, 6});
    CHECK(timeout.value_pos == Position{9, 25});
    CHECK(raw(doc, timeout.entry_span) == R"("SessionTimeout":  "00:45:00")");
    const Entry& instance = entry(doc, "ServerInstance");
    CHECK(instance.key_pos == Position{7, 28});
    CHECK(raw(doc, instance.value_span) == "BC240");
    CHECK(entry(doc, "Server").value_pos == Position{6, 17});
    for (const Entry& e : doc.entries) {
      CAPTURE(e.key);
      CHECK(doc.source.position(e.key_span.offset) == e.key_pos);
      CHECK(doc.source.position(e.value_span.offset) == e.value_pos);
    }
    // A // comment ends at a carriage return too, and may close the file.
    CHECK(read_ok("{\"S\": {\"K\": \"v\", // c\r\"L\": 1}}").entries.size() == 2);
    CHECK(read_ok("{} //").sections.empty());
    // U+2028 is refused in a // comment only.
    CHECK(read_ok("{\"S\": {\"K\": \"a\xE2\x80\xA8" "b\"}} /* \xE2\x80\xA9 */").entries.size() == 1);
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

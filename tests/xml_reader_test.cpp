#include <doctest/doctest.h>

#include <fstream>
#include <iterator>
#include <string>

#include "corpus.hpp"
#include "read/reader.hpp"

using namespace sessiontool;

namespace {

using sessiontool::test::corpus_or_skip;
using sessiontool::test::large_fixture;

std::string file_bytes(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  REQUIRE_MESSAGE(in.good(), "missing: " << path.string());
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

Document read_ok(std::string text, std::optional<FileKind> forced = std::nullopt) {
  ReadResult result = read_xml("test.config", std::move(text), forced);
  REQUIRE_MESSAGE(result.document.has_value(), (result.error ? result.error->message : std::string("no error")));
  CHECK_FALSE(result.error.has_value());
  return std::move(*result.document);
}

ReadError read_fails(std::string text, std::optional<FileKind> forced = std::nullopt) {
  ReadResult result = read_xml("test.config", std::move(text), forced);
  REQUIRE_FALSE(result.document.has_value());
  REQUIRE(result.error.has_value());
  return *result.error;
}

const Entry& entry(const Document& doc, std::string_view key) {
  const Entry* found = doc.in_force(key);
  REQUIRE_MESSAGE(found != nullptr, "no entry " << key);
  return *found;
}

std::string_view raw(const Document& doc, Span span) { return doc.source.view(span); }

// A real-sized CustomSettings.config: what a separate XML parser counts in it, and lines and
// columns from `grep -n` and counting by hand.
struct LargeCase {
  const char* file;
  std::size_t entries;
  const char* server_instance;
  const char* port;
  std::uint32_t server_instance_line;
  std::uint32_t idle_timeout_line;
  const char* server_instance_element;
  const char* printers;  // ProhibitedReportServerPrinters as read, then as written
  const char* printers_raw;
};

// The project's own (testdata/large/generate.py), in the three shapes of the real files.
constexpr LargeCase kFixtures[] = {
    {"lf", 240, "BusinessCentral250", "7085", 43, 172, R"(<add key="ServerInstance" value="BusinessCentral250"/>)",
     R"(["Printer to PDF","Printer to XPS"])", "[&quot;Printer to PDF&quot;,&quot;Printer to XPS&quot;]"},
    {"bom", 240, "BC", "7046", 37, 151, R"(<add key="ServerInstance" value="BC" />)",
     R"(["Printer to PDF","Printer to XPS"])", "[&quot;Printer to PDF&quot;,&quot;Printer to XPS&quot;]"},
    {"bom-mixed", 240, "BC", "7046", 37, 151, R"(<add key="ServerInstance" value="BC" />)",
     R"(["Printer to PDF","Printer to XPS"])", "[&quot;Printer to PDF&quot;,&quot;Printer to XPS&quot;]"},
};

// The real files of SESSIONTOOL_CORPUS (tests/corpus.hpp).
constexpr LargeCase kCorpus[] = {
    {"bc4ubuntu-CustomSettings.config", 237, "BusinessCentral220", "7085", 48, 1051,
     R"(<add key="ServerInstance" value="BusinessCentral220"/>)",
     R"(["Microsoft Print to PDF","Microsoft XPS Document Writer"])",
     "[&quot;Microsoft Print to PDF&quot;,&quot;Microsoft XPS Document Writer&quot;]"},
    {"bcdevonlinux-config-CustomSettings.config", 245, "BC", "7046", 48, 947, R"(<add key="ServerInstance" value="BC" />)",
     R"(["Microsoft Print to PDF","Microsoft XPS Document Writer"])",
     "[&quot;Microsoft Print to PDF&quot;,&quot;Microsoft XPS Document Writer&quot;]"},
    {"bcdevonlinux-vm-CustomSettings.config", 245, "BC", "7046", 48, 947, R"(<add key="ServerInstance" value="BC" />)",
     R"(["Microsoft Print to PDF","Microsoft XPS Document Writer"])",
     "[&quot;Microsoft Print to PDF&quot;,&quot;Microsoft XPS Document Writer&quot;]"},
};

// Offset of the raw value of `key` found with a plain search: the oracle for value_span.
std::size_t raw_value_offset(const std::string& bytes, const std::string& key) {
  const std::string needle = "key=\"" + key + "\" value=\"";
  const std::size_t at = bytes.find(needle);
  REQUIRE(at != std::string::npos);
  return at + needle.size();
}

void check_entries_values_and_places(const LargeCase& c, const std::string& bytes) {
  const Document doc = read_ok(bytes);
  CHECK(doc.kind == FileKind::server);
  CHECK(doc.format == FileFormat::xml);
  CHECK(doc.source.bytes() == bytes);  // the original bytes, untouched
  CHECK(doc.entries.size() == c.entries);
  REQUIRE(doc.sections.size() == 1);
  CHECK(doc.sections[0].name == "appSettings");
  CHECK(doc.entries.front().key == "NetworkProtocol");

  const Entry& instance = entry(doc, "ServerInstance");
  CHECK(instance.value == c.server_instance);
  CHECK(raw(doc, instance.value_span) == c.server_instance);
  CHECK(instance.value_span.offset == raw_value_offset(bytes, "ServerInstance"));
  CHECK(raw(doc, instance.key_span) == "ServerInstance");
  CHECK(raw(doc, instance.entry_span) == c.server_instance_element);
  CHECK(instance.key_pos == Position{c.server_instance_line, 13});
  CHECK(instance.value_pos == Position{c.server_instance_line, 36});

  const Entry& idle = entry(doc, "ClientServicesIdleClientTimeout");
  CHECK(idle.value == "MaxValue");
  CHECK(raw(doc, idle.value_span) == "MaxValue");
  CHECK(idle.value_pos == Position{c.idle_timeout_line, 53});

  CHECK(entry(doc, "ClientServicesPort").value == c.port);
  // Present only inside a comment: not a setting.
  CHECK(doc.in_force("AzureKeyVaultClientId") == nullptr);

  const Entry& printers = entry(doc, "ProhibitedReportServerPrinters");
  CHECK(printers.value == c.printers);
  CHECK(raw(doc, printers.value_span) == c.printers_raw);

  const Entry& empty = entry(doc, "DatabaseInstance");
  CHECK(empty.value.empty());
  CHECK(empty.has_value);
  CHECK(empty.value_span.length == 0);
  CHECK(empty.value_span.offset == raw_value_offset(bytes, "DatabaseInstance"));
}

void check_every_span(const std::string& bytes) {
  const Document doc = read_ok(bytes);
  const std::string& text = doc.source.bytes();
  for (const Entry& e : doc.entries) {
    CAPTURE(e.key);
    const char quote = text[e.value_span.offset - 1];
    CHECK((quote == '"' || quote == '\''));
    CHECK(text[e.value_span.end()] == quote);
    CHECK(raw(doc, e.key_span) == e.key);  // no entities in these keys
    CHECK(raw(doc, e.entry_span).starts_with("<add "));
    CHECK(raw(doc, e.entry_span).ends_with("/>"));
    CHECK(doc.source.position(e.value_span.offset) == e.value_pos);
    // The scanning fallback agrees with pugixml's pointers.
    CHECK(detail::scan_attribute_value(text, e.entry_span.offset, "value") == e.value_span);
    CHECK(detail::scan_attribute_value(text, e.entry_span.offset, "key") == e.key_span);
  }
}

// A file that ends in "</appSettings>" with no line break after it, and its last entry.
void check_no_final_line_break(const std::string& bytes, std::string_view last_key) {
  const Document doc = read_ok(bytes);
  CHECK(doc.source.bytes().ends_with("</appSettings>"));
  CHECK(doc.entries.back().key == last_key);
  CHECK(raw(doc, Span{doc.sections[0].body_end, 14}) == "</appSettings>");
}

}  // namespace

TEST_SUITE("xml_reader") {
  TEST_CASE("large CustomSettings.config files read with the right entries, values and places") {
    for (const LargeCase& c : kFixtures) {
      CAPTURE(c.file);
      check_entries_values_and_places(c, file_bytes(large_fixture(c.file)));
    }
  }

  TEST_CASE("real CustomSettings.config files read with the right entries, values and places") {
    const auto corpus = corpus_or_skip();
    if (!corpus) return;
    for (const LargeCase& c : kCorpus) {
      CAPTURE(c.file);
      check_entries_values_and_places(c, file_bytes(*corpus / c.file));
    }
  }

  TEST_CASE("every span of the large fixtures holds exactly the raw bytes between the quotes") {
    for (const LargeCase& c : kFixtures) {
      CAPTURE(c.file);
      check_every_span(file_bytes(large_fixture(c.file)));
    }
  }

  TEST_CASE("every corpus span holds exactly the raw bytes between the quotes") {
    const auto corpus = corpus_or_skip();
    if (!corpus) return;
    for (const LargeCase& c : kCorpus) {
      CAPTURE(c.file);
      check_every_span(file_bytes(*corpus / c.file));
    }
  }

  TEST_CASE("three-space indent and the last line without a line break") {
    const Document lf = read_ok(file_bytes(large_fixture("lf")));
    const Entry& e = entry(lf, "BackgroundSessionsMaxConcurrent");
    CHECK(e.value == "10");
    CHECK(e.key_pos == Position{830, 14});
    CHECK(e.value_pos == Position{830, 54});
    check_no_final_line_break(file_bytes(large_fixture("bom-mixed")), "EnableFixtureExtensionInstall");
  }

  TEST_CASE("corpus: three-space indent and the last line without a line break") {
    const auto corpus = corpus_or_skip();
    if (!corpus) return;
    const Document ubuntu = read_ok(file_bytes(*corpus / "bc4ubuntu-CustomSettings.config"));
    const Entry& e = entry(ubuntu, "BackgroundSessionsMaxConcurrent");
    CHECK(e.value == "10");
    CHECK(e.key_pos == Position{1012, 14});
    CHECK(e.value_pos == Position{1012, 54});
    check_no_final_line_break(file_bytes(*corpus / "bcdevonlinux-vm-CustomSettings.config"), "EnableSaasExtensionInstall");
  }

  TEST_CASE("the column on line 1 does not count the BOM") {
    const Document doc = read_ok("\xEF\xBB\xBF<appSettings><add key=\"a\" value=\"b\"/></appSettings>");
    REQUIRE(doc.entries.size() == 1);
    // <appSettings> is 13 characters, `<add key="` 10: the key is at column 24.
    CHECK(doc.entries[0].key_pos == Position{1, 24});
    CHECK(doc.entries[0].value_pos == Position{1, 34});
    CHECK(doc.entries[0].key_span.offset == 3 + 23);
  }

  TEST_CASE("CRLF and mixed line endings give the right lines, spans never hold the CR") {
    const std::string text =
        "<appSettings>\r\n"
        "  <!-- one\n"
        "       two -->\r\n"
        "  <add key=\"a\" value=\"1\"/>\r\n"
        "\n"
        "  <add key=\"b\" value=\"2\" />\n"
        "</appSettings>\r\n";
    const Document doc = read_ok(text);
    REQUIRE(doc.entries.size() == 2);
    CHECK(doc.entries[0].value_pos == Position{4, 23});
    CHECK(doc.entries[1].value_pos == Position{6, 23});
    CHECK(raw(doc, doc.entries[0].entry_span) == R"(<add key="a" value="1"/>)");
    CHECK(raw(doc, doc.entries[1].entry_span) == R"(<add key="b" value="2" />)");
    CHECK(doc.source.line_break_at(doc.entries[0].value_span.offset) == "\r\n");
  }

  TEST_CASE("entities are decoded in values and keys, spans keep the raw bytes") {
    const Document doc = read_ok(
        "<appSettings>\n"
        "  <add key=\"Conn&amp;Str\" value=\"a &amp; b &lt;c&gt; &#x41;&#66; &quot;q&quot; &apos;\"/>\n"
        "</appSettings>\n");
    REQUIRE(doc.entries.size() == 1);
    const Entry& e = doc.entries[0];
    CHECK(e.key == "Conn&Str");
    CHECK(raw(doc, e.key_span) == "Conn&amp;Str");
    CHECK(e.value == "a & b <c> AB \"q\" '");
    CHECK(raw(doc, e.value_span) == "a &amp; b &lt;c&gt; &#x41;&#66; &quot;q&quot; &apos;");
    CHECK(doc.in_force("Conn&Str") == &e);
  }

  TEST_CASE("single quotes, attributes in either order, extra attributes, multi-line tags") {
    const Document doc = read_ok(
        "<appSettings>\n"
        "  <add value='say \"hi\"' key='Greeting'/>\n"
        "  <add lockItem=\"true\" key=\"Port\" lockAttributes=\"value\" value=\"7046\"/>\n"
        "  <add\n"
        "     key=\"Multi\"\n"
        "     value=\"line\"\n"
        "  ></add>\n"
        "</appSettings>\n");
    REQUIRE(doc.entries.size() == 3);
    CHECK(doc.entries[0].value == "say \"hi\"");
    CHECK(raw(doc, doc.entries[0].value_span) == "say \"hi\"");
    CHECK(raw(doc, doc.entries[0].key_span) == "Greeting");
    CHECK(doc.entries[0].value_pos == Position{2, 15});
    CHECK(doc.entries[0].key_pos == Position{2, 30});
    CHECK(doc.entries[1].value == "7046");
    CHECK(raw(doc, doc.entries[1].value_span) == "7046");
    CHECK(doc.entries[2].key_pos == Position{5, 11});
    CHECK(doc.entries[2].value_pos == Position{6, 13});
    CHECK(raw(doc, doc.entries[2].entry_span) == "<add\n     key=\"Multi\"\n     value=\"line\"\n  ></add>");
  }

  TEST_CASE("columns count characters, not bytes") {
    const Document doc = read_ok("<appSettings>\n<add key=\"Größe\" value=\"ü\"/>\n</appSettings>");
    REQUIRE(doc.entries.size() == 1);
    CHECK(doc.entries[0].value == "ü");
    CHECK(doc.entries[0].value_pos == Position{2, 25});  // `<add key="Größe" value="` is 24 characters
  }

  TEST_CASE("an <add> without value reads as empty, and the editor can insert one at value_span") {
    const std::string text = "<appSettings>\n  <add key=\"SessionTimeout\" />\n</appSettings>\n";
    const Document doc = read_ok(text);
    REQUIRE(doc.entries.size() == 1);
    const Entry& e = doc.entries[0];
    CHECK_FALSE(e.has_value);
    CHECK(e.value.empty());
    CHECK(e.value_span.length == 0);
    CHECK(text[e.value_span.offset - 1] == '"');  // just past the key's closing quote
    std::string edited = text;
    edited.insert(e.value_span.offset, " value=\"00:30:00\"");
    CHECK(read_ok(edited).entries[0].value == "00:30:00");
  }

  TEST_CASE("<remove> and <clear/> take earlier entries out, in any letter case, an <add> after them counts") {
    const Document doc = read_ok(
        "<appSettings>\n"
        "  <add key=\"ServerInstance\" value=\"BC1\"/>\n"
        "  <add key=\"ClientServicesIdleClientTimeout\" value=\"00:10:00\"/>\n"
        "  <add key=\"SqlCommandTimeout\" value=\"01:00:00\"/>\n"
        "  <remove key=\"clientservicesidleclienttimeout\"/>\n"
        "  <add key=\"ReportTimeout\" value=\"02:00:00\"/>\n"
        "  <clear/>\n"
        "  <add key=\"serverinstance\" value=\"BC2\"/>\n"
        "  <remove key=\"NeverSet\"/>\n"
        "</appSettings>\n");
    REQUIRE(doc.entries.size() == 5);
    REQUIRE(doc.removals.size() == 3);
    CHECK(doc.removals[0].key == "clientservicesidleclienttimeout");
    CHECK(doc.removals[0].before == 3);
    CHECK(doc.removals[0].pos == Position{5, 3});
    CHECK(raw(doc, doc.removals[0].element) == "<remove key=\"clientservicesidleclienttimeout\"/>");
    CHECK(doc.removals[1].clear);
    CHECK(doc.removals[1].before == 4);

    const Document::Lookup idle = doc.lookup("ClientServicesIdleClientTimeout");
    CHECK(idle.entry == nullptr);
    REQUIRE(idle.removed == &doc.removals[0]);  // the first that took it out
    CHECK(idle.removed_entry->value == "00:10:00");
    const Document::Lookup report = doc.lookup("ReportTimeout");
    CHECK(report.entry == nullptr);
    CHECK(report.removed == &doc.removals[1]);
    CHECK(doc.lookup("SqlCommandTimeout").removed == &doc.removals[1]);
    const Entry* instance = doc.in_force("ServerInstance");
    REQUIRE(instance != nullptr);
    CHECK(instance->value == "BC2");
    CHECK(instance->key == "serverinstance");
    CHECK(doc.lookup("NeverSet").removed == nullptr);
    CHECK(doc.refusals.empty());
  }

  TEST_CASE("what System.Configuration refuses is a refusal, and the values around it are still read") {
    const Document doc = read_ok(
        "<appSettings file=\"Other.config\">\n"
        "  <add key=\"ServerInstance\" value=\"BC1\"/>\n"
        "  <Add key=\"ClientServicesPort\" value=\"7085\"/>\n"
        "  <add key=\"SessionTimeout\" value=\"00:30:00\" Value=\"00:10:00\"/>\n"
        "  <add value=\"orphan\"/>\n"
        "  <remove/>\n"
        "  <clear note=\"all\"/>\n"
        "  stray text\n"
        "</appSettings>\n"
        "<!-- a comment after the root is fine -->\n"
        "<?xml-stylesheet href=\"x.xsl\"?>\n");
    std::vector<std::pair<Position, std::string>> refused;
    for (const Refusal& r : doc.refusals) {
      CHECK(r.kind == Refusal::Kind::structure);
      refused.emplace_back(r.start, r.message.substr(0, r.message.find(':')));
    }
    const std::vector<std::pair<Position, std::string>> expected = {
        {{1, 14}, "attribute file on the root <appSettings>"},
        {{3, 3}, "<Add> inside <appSettings>"},
        {{4, 46}, "attribute Value on <add>"},
        {{5, 3}, "<add> without a key attribute"},
        {{6, 3}, "<remove> without a key attribute"},
        {{7, 10}, "attribute note on <clear>"},
        {{8, 3}, "text inside <appSettings>"},
        {{11, 1}, "content after </appSettings>"},
    };
    CHECK(refused == expected);
    CHECK(entry(doc, "ServerInstance").value == "BC1");
    CHECK(entry(doc, "SessionTimeout").value == "00:30:00");
    CHECK(doc.in_force("ClientServicesPort") == nullptr);  // <Add> is no <add>
  }

  TEST_CASE("a web.config's appSettings follow the same rules, but for the external file's root") {
    const Document doc = read_ok(
        "<configuration>\n"
        "  <appSettings file=\"more.config\">\n"
        "    <add key=\"Aos.AppRoot\" value=\"C:\\AOSService\\webroot\"/>\n"
        "    <add key=\"webclientstatefulsessiontimeoutinseconds\" value=\"3600\"/>\n"
        "    <section name=\"x\"/>\n"
        "  </appSettings>\n"
        "</configuration>\n");
    CHECK(doc.kind == FileKind::aos);
    REQUIRE(doc.refusals.size() == 1);
    CHECK(doc.refusals[0].start == Position{5, 5});
    CHECK(entry(doc, "WebClientStatefulSessionTimeoutInSeconds").value == "3600");
  }

  TEST_CASE("malformed XML .NET refuses and pugixml would take: an attribute twice, a raw '<', a bare '&'") {
    struct Case {
      const char* text;
      Position pos;
      const char* message;
    };
    const Case cases[] = {
        {"<appSettings>\n  <add key=\"a\" key=\"b\" value=\"1\"/>\n</appSettings>", {2, 16},
         "malformed XML: attribute key appears twice in <add>"},
        {"<appSettings>\n  <add key=\"a\" value=\"x < y\"/>\n</appSettings>", {2, 25},
         "malformed XML: '<' in an attribute value: write it as &lt;"},
        {"<appSettings>\n  <add key=\"a\" value=\"R&D\"/>\n</appSettings>", {2, 24},
         "malformed XML: '&' that starts no reference (&amp; &lt; &gt; &quot; &apos; &#N;): write it as &amp;"},
        {"<appSettings>\n  <add key=\"a\" value=\"&nbsp;\"/>\n</appSettings>", {2, 23},
         "malformed XML: reference to undeclared entity &nbsp; (only &amp; &lt; &gt; &quot; &apos; and &#N; need no "
         "DTD): write the character itself"},
    };
    for (const Case& c : cases) {
      CAPTURE(c.text);
      const ReadError error = read_fails(c.text);
      CHECK(error.kind == ReadErrorKind::malformed);
      CHECK(error.pos == c.pos);
      CHECK(error.message == c.message);
    }
  }

  TEST_CASE("a raw tab or line break in an attribute value is kept, as .NET's configuration reader keeps it") {
    const Document doc = read_ok("<appSettings>\n  <add key=\"a\" value=\"B\tC\"/>\n</appSettings>");
    CHECK(entry(doc, "a").value == "B\tC");
  }

  TEST_CASE("duplicates are kept in document order and the last one wins, in any letter case") {
    const Document doc = read_ok(
        "<appSettings>\n"
        "  <add key=\"ClientServicesIdleClientTimeout\" value=\"00:10:00\"/>\n"
        "  <add key=\"ClientServicesIdleClientTimeout\" value=\"00:30:00\"/>\n"
        "  <add key=\"clientservicesidleclienttimeout\" value=\"01:00:00\"/>\n"
        "</appSettings>\n");
    REQUIRE(doc.entries.size() == 3);
    CHECK(doc.entries[0].value == "00:10:00");
    CHECK(doc.entries[1].value == "00:30:00");
    const Entry* last = doc.in_force("ClientServicesIdleClientTimeout");
    REQUIRE(last != nullptr);
    CHECK(last->value == "01:00:00");  // keys match in any case (KeyValueConfigurationCollection)
    CHECK(last->value_pos.line == 4);
    CHECK(doc.count("CLIENTSERVICESIDLECLIENTTIMEOUT") == 3);
  }

  TEST_CASE("the section body lies between the opening tag's '>' and the closing '</'") {
    const std::string text = "<?xml version=\"1.0\"?>\n<appSettings>\n  <add key=\"a\" value=\"1\"/>\n</appSettings>\n";
    const Document doc = read_ok(text);
    REQUIRE(doc.sections.size() == 1);
    const Section& s = doc.sections[0];
    CHECK(text.substr(s.body_begin, s.body_end - s.body_begin) == "\n  <add key=\"a\" value=\"1\"/>\n");
    CHECK_FALSE(s.self_closing_tag.has_value());
    CHECK(doc.entries[0].section == 0);
  }

  TEST_CASE("a self-closing <appSettings/> has no entries and a span for the editor to expand") {
    const std::string text = "<configuration>\n  <appSettings />\n</configuration>\n";
    const Document doc = read_ok(text, FileKind::aos);
    CHECK(doc.kind == FileKind::aos);
    CHECK(doc.entries.empty());
    REQUIRE(doc.sections.size() == 1);
    REQUIRE(doc.sections[0].self_closing_tag.has_value());
    CHECK(raw(doc, *doc.sections[0].self_closing_tag) == "<appSettings />");
    CHECK(doc.sections[0].body_begin == doc.sections[0].body_end);
  }

  TEST_CASE("a NAV 2013-2017 web.config is a web file, only <DynamicsNAVSettings> counts") {
    const Document doc = read_ok(
        "<?xml version=\"1.0\" encoding=\"utf-8\"?>\r\n"
        "<configuration>\r\n"
        "  <configSections>\r\n"
        "    <section name=\"DynamicsNAVSettings\" type=\"System.Configuration.NameValueSectionHandler\"/>\r\n"
        "  </configSections>\r\n"
        "  <appSettings>\r\n"
        "    <add key=\"webpages:Version\" value=\"2.0.0.0\"/>\r\n"
        "  </appSettings>\r\n"
        "  <DynamicsNAVSettings>\r\n"
        "    <add key=\"Server\" value=\"localhost\"/>\r\n"
        "    <add key=\"ServerInstance\" value=\"DynamicsNAV100\"/>\r\n"
        "    <add key=\"SessionTimeout\" value=\"00:20:00\"/>\r\n"
        "  </DynamicsNAVSettings>\r\n"
        "  <system.web>\r\n"
        "    <httpModules><add name=\"x\" type=\"y\"/></httpModules>\r\n"
        "  </system.web>\r\n"
        "</configuration>\r\n");
    CHECK(doc.kind == FileKind::web);
    REQUIRE(doc.sections.size() == 1);
    CHECK(doc.sections[0].name == "DynamicsNAVSettings");
    REQUIRE(doc.entries.size() == 3);
    CHECK(doc.in_force("webpages:Version") == nullptr);
    const Entry& timeout = entry(doc, "SessionTimeout");
    CHECK(timeout.value == "00:20:00");
    CHECK(timeout.value_pos == Position{12, 38});
  }

  TEST_CASE("an F&O web.config is recognised by its AOS keys") {
    const Document legacy = read_ok(
        "<configuration>\n"
        "  <appSettings>\n"
        "    <add key=\"Aos.AppRoot\" value=\"K:\\AosService\\WebRoot\"/>\n"
        "    <add key=\"WebClientStatefulSessionTimeoutInSeconds\" value=\"3600\"/>\n"
        "  </appSettings>\n"
        "</configuration>\n");
    CHECK(legacy.kind == FileKind::aos);
    CHECK(entry(legacy, "WebClientStatefulSessionTimeoutInSeconds").value == "3600");
    CHECK(entry(legacy, "Aos.AppRoot").value == "K:\\AosService\\WebRoot");

    // Without the legacy override, the other AOS keys still tell.
    const Document plain = read_ok(
        "<configuration><appSettings><add key=\"DataAccess.Database\" value=\"AxDB\"/></appSettings></configuration>");
    CHECK(plain.kind == FileKind::aos);
  }

  TEST_CASE("an unrecognised web.config is an `unrecognized` error, unless the kind is forced") {
    const std::string bc_web_server =
        "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
        "<configuration>\n"
        "  <appSettings><add key=\"ClientValidationEnabled\" value=\"true\"/></appSettings>\n"
        "  <system.webServer>\n"
        "    <handlers><add name=\"aspNetCore\" path=\"*\" verb=\"*\" modules=\"AspNetCoreModuleV2\"/></handlers>\n"
        "  </system.webServer>\n"
        "</configuration>\n";
    const ReadError error = read_fails(bc_web_server);
    CHECK(error.kind == ReadErrorKind::unrecognized);
    CHECK(error.message.find("DynamicsNAVSettings") != std::string::npos);

    const Document forced = read_ok(bc_web_server, FileKind::aos);
    CHECK(forced.kind == FileKind::aos);
    CHECK(entry(forced, "ClientValidationEnabled").value == "true");

    const ReadError no_section = read_fails(bc_web_server, FileKind::web);
    CHECK(no_section.kind == ReadErrorKind::unrecognized);
    CHECK(no_section.message.find("<DynamicsNAVSettings>") != std::string::npos);

    CHECK(error.pos == Position{2, 1});  // at the root element

    const ReadError other_root = read_fails("<root><add key=\"a\" value=\"b\"/></root>");
    CHECK(other_root.kind == ReadErrorKind::unrecognized);
    CHECK(other_root.message.find("<root>") != std::string::npos);
  }

  TEST_CASE("forcing server on a CustomSettings.config-shaped file keeps it server") {
    const Document doc = read_ok("<appSettings><add key=\"Aos.X\" value=\"1\"/></appSettings>", FileKind::server);
    CHECK(doc.kind == FileKind::server);
  }

  TEST_CASE("malformed XML is reported at the fault's line and column") {
    SUBCASE("value without its closing quote") {
      const ReadError e = read_fails("<appSettings>\n  <add key=\"a\" value=\"1/>\n</appSettings>\n");
      CHECK(e.kind == ReadErrorKind::malformed);
      CHECK(e.pos == Position{2, 23});
      CHECK(e.message.starts_with("malformed XML: "));
    }
    SUBCASE("no space between attributes") {
      const ReadError e = read_fails("<appSettings>\n  <add key=\"a\"value=\"1\"/>\n</appSettings>\n");
      CHECK(e.pos == Position{2, 15});
    }
    SUBCASE("an <add> not closed: the mismatch is shown at the end tag's '<'") {
      const ReadError e = read_fails("<appSettings>\n  <add key=\"a\" value=\"1\">\n</appSettings>\n");
      CHECK(e.pos == Position{3, 1});
      CHECK(e.message.find("</appSettings>") != std::string::npos);
    }
    SUBCASE("the file ends inside the root element") {
      const ReadError e = read_fails("<appSettings>\n  <add key=\"a\" value=\"1\"/>\n");
      CHECK(e.pos == Position{3, 1});
      CHECK(e.message.find("ends before") != std::string::npos);
    }
    SUBCASE("the file ends just after a start tag") {
      const ReadError e = read_fails("<appSettings><add key=\"a\" value=\"1\">");
      CHECK(e.pos == Position{1, 37});  // just past the 36 characters
      CHECK(e.message.find("ends before") != std::string::npos);
    }
    SUBCASE("'/ >' with BOM and CRLF") {
      const ReadError e =
          read_fails("\xEF\xBB\xBF<appSettings>\r\n  <add key=\"a\" value=\"1\" / >\r\n</appSettings>\r\n");
      CHECK(e.pos == Position{2, 27});
    }
    SUBCASE("a second root element") {
      const ReadError e = read_fails("<appSettings/>\n<appSettings/>\n");
      CHECK(e.kind == ReadErrorKind::malformed);
      CHECK(e.pos == Position{2, 1});
    }
    SUBCASE("an empty file") {
      const ReadError e = read_fails("\xEF\xBB\xBF\r\n");
      CHECK(e.kind == ReadErrorKind::malformed);
      CHECK(e.pos == Position{2, 1});
      CHECK(e.message.find("empty") != std::string::npos);
    }
    SUBCASE("only a declaration and a comment") {
      const ReadError e = read_fails("<?xml version=\"1.0\"?>\n<!-- nothing -->\n");
      CHECK(e.kind == ReadErrorKind::malformed);
      CHECK(e.message.find("no root element") != std::string::npos);
    }
    SUBCASE("not XML at all") {
      const ReadError e = read_fails("\n  {\"NAVWebSettings\": {}}");
      CHECK(e.pos == Position{2, 3});
      CHECK(e.message.find("'{'") != std::string::npos);
    }
  }

  TEST_CASE("UTF-16 files are refused with a message that says how to fix them") {
    const std::string utf16le("\xFF\xFE<\0a\0/\0>\0", 10);
    const ReadError e = read_fails(utf16le);
    CHECK(e.kind == ReadErrorKind::unreadable);
    CHECK(e.message.find("UTF-16") != std::string::npos);
    CHECK(e.message.find("UTF-8") != std::string::npos);
    CHECK(read_fails(std::string("<\0a\0/\0>\0", 8)).kind == ReadErrorKind::unreadable);  // no BOM
  }

  TEST_CASE("a non-UTF-8 encoding declaration converts nothing: spans stay on the raw bytes") {
    const std::string text =
        "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>\n<appSettings><add key=\"Name\" value=\"caf\xE9\"/></appSettings>";
    const Document doc = read_ok(text);
    REQUIRE(doc.entries.size() == 1);
    CHECK(raw(doc, doc.entries[0].value_span) == "caf\xE9");
    CHECK(text.substr(doc.entries[0].value_span.end(), 1) == "\"");
  }

  TEST_CASE("the attribute scanner finds values pugixml's pointers would give") {
    const std::string text = "<add  value = 'x\"y'\n key=\"k\"/>";
    CHECK(detail::scan_attribute_value(text, 0, "value") == Span{15, 3});
    CHECK(detail::scan_attribute_value(text, 0, "key") == Span{26, 1});
    CHECK_FALSE(detail::scan_attribute_value(text, 0, "missing").has_value());
    CHECK_FALSE(detail::scan_attribute_value(text, 1, "key").has_value());          // not at a '<'
    CHECK_FALSE(detail::scan_attribute_value("<add key=\"open", 0, "key").has_value());  // stays in bounds
    CHECK(detail::scan_attribute_value("<add value=\"\"/>", 0, "value") == Span{12, 0});
  }
}

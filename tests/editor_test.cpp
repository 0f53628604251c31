// The editor on XML files (CustomSettings.config, NAV and F&O web.config) and on large files:
// only the value's bytes change, new entries look like their neighbours, and an entry
// inserted and removed again leaves the original bytes.

#include "edit/editor.hpp"

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include <doctest/doctest.h>

#include "corpus.hpp"
#include "platform/platform.hpp"
#include "read/reader.hpp"

using namespace sessiontool;

namespace {

Document parse(const std::string& text, const std::string& name = "CustomSettings.config",
               std::optional<FileKind> forced = std::nullopt) {
  ReadResult result = parse_document(name, text, forced);
  if (result.error) FAIL("read error: " << result.error->message);
  REQUIRE(result.document);
  return std::move(*result.document);
}

EditResult edit(const Document& doc, std::vector<Edit> edits) {
  auto result = apply_edits(doc, edits);
  if (!result) FAIL("edit failed: " << result.error().message);
  return std::move(*result);
}

std::string edited(const std::string& text, std::vector<Edit> edits, const std::string& name = "CustomSettings.config") {
  return edit(parse(text, name), std::move(edits)).bytes;
}

Edit set(std::string key, std::string value) { return {std::move(key), std::move(value)}; }
Edit unset(std::string key) { return {std::move(key), std::nullopt}; }

std::string crlf(std::string_view text) {
  std::string out;
  for (char c : text) {
    if (c == '\n') out += '\r';
    out += c;
  }
  return out;
}

constexpr std::string_view kServer = R"(<?xml version="1.0" encoding="utf-8"?>
<appSettings>
  <!--
    Specifies the name of this Business Central Server instance.
  -->
  <add key="ServerInstance" value="BC230" />
  <add key="ClientServicesIdleClientTimeout" value="MaxValue" />
  <add key="SqlCommandTimeout" value="00:30:00" /> <!-- raised for the nightly jobs -->
</appSettings>
)";

}  // namespace

TEST_SUITE("editor") {
  TEST_CASE("changing a value changes only the value's bytes") {
    const std::string text(kServer);
    const std::string out = edited(text, {set("ClientServicesIdleClientTimeout", "00:45:00")});
    std::string want = text;
    want.replace(want.find("MaxValue"), 8, "00:45:00");
    CHECK(out == want);
  }

  TEST_CASE("a missing key goes after the last entry, after the comment that ends its line") {
    const std::string out = edited(std::string(kServer), {set("ClientServicesReconnectPeriod", "00:10:00")});
    CHECK(out.ends_with("  <add key=\"SqlCommandTimeout\" value=\"00:30:00\" /> <!-- raised for the nightly jobs -->\n"
                        "  <add key=\"ClientServicesReconnectPeriod\" value=\"00:10:00\" />\n"
                        "</appSettings>\n"));
  }

  TEST_CASE("unset removes the entry's whole line and keeps the comments") {
    const std::string text(kServer);
    const std::string out = edited(text, {unset("ServerInstance")});
    std::string want = text;
    want.erase(want.find("  <add key=\"ServerInstance\""), std::string_view("  <add key=\"ServerInstance\" value=\"BC230\" />\n").size());
    CHECK(out == want);
    CHECK(out.find("Specifies the name of this Business Central Server instance.") != std::string::npos);
  }

  TEST_CASE("an inserted key removed again gives back the original, CRLF and BOM included") {
    const std::string text = "\xEF\xBB\xBF" + crlf(kServer);
    const std::string inserted = edited(text, {set("ClientServicesKeepAliveInterval", "60")});
    CHECK(inserted.find("  <add key=\"ClientServicesKeepAliveInterval\" value=\"60\" />\r\n</appSettings>") !=
          std::string::npos);
    CHECK(inserted.starts_with("\xEF\xBB\xBF<?xml"));
    CHECK(edited(inserted, {unset("ClientServicesKeepAliveInterval")}) == text);
  }

  TEST_CASE("a new entry copies its neighbour's quoting, attribute order and \"/> spacing") {
    const std::string text = "<appSettings>\n\t<add value='1' key='A'/>\n</appSettings>\n";
    CHECK(edited(text, {set("ServerInstance", "it's")}) ==
          "<appSettings>\n\t<add value='1' key='A'/>\n\t<add value='it&apos;s' key='ServerInstance'/>\n</appSettings>\n");
  }

  TEST_CASE("values are XML-escaped for the attribute's quote") {
    const std::string text = "<appSettings>\n  <add key=\"ServerInstance\" value=\"BC\" />\n</appSettings>\n";
    const std::string out = edited(text, {set("ServerInstance", "R&D <\"test\"> 'x'")});
    CHECK(out.find("value=\"R&amp;D &lt;&quot;test&quot;&gt; 'x'\"") != std::string::npos);
    CHECK(parse(out).in_force("ServerInstance")->value == "R&D <\"test\"> 'x'");
  }

  TEST_CASE("an entry without a value attribute gets one after its key") {
    const std::string out = edited("<appSettings>\n  <add key='ServerInstance'/>\n</appSettings>\n",
                                   {set("ServerInstance", "BC")});
    CHECK(out == "<appSettings>\n  <add key='ServerInstance' value='BC'/>\n</appSettings>\n");
  }

  TEST_CASE("a self-closing section is expanded") {
    CHECK(edited("<?xml version=\"1.0\"?>\n<appSettings />\n", {set("ServerInstance", "BC")}) ==
          "<?xml version=\"1.0\"?>\n<appSettings>\n  <add key=\"ServerInstance\" value=\"BC\" />\n</appSettings>\n");
    const std::string aos =
        "<configuration>\r\n    <appSettings/>\r\n    <system.web />\r\n</configuration>\r\n";
    const Document doc = parse(aos, "web.config", FileKind::aos);
    CHECK(edit(doc, {set("WebClientStatefulSessionTimeoutInSeconds", "1800")}).bytes ==
          "<configuration>\r\n    <appSettings>\r\n"
          "        <add key=\"WebClientStatefulSessionTimeoutInSeconds\" value=\"1800\" />\r\n"
          "    </appSettings>\r\n    <system.web />\r\n</configuration>\r\n");
  }

  TEST_CASE("an empty section takes the closing tag's indentation plus one level") {
    const std::string text = "<configuration>\n  <DynamicsNAVSettings>\n  </DynamicsNAVSettings>\n</configuration>\n";
    CHECK(edited(text, {set("SessionTimeout", "00:20:00")}, "web.config") ==
          "<configuration>\n  <DynamicsNAVSettings>\n    <add key=\"SessionTimeout\" value=\"00:20:00\" />\n"
          "  </DynamicsNAVSettings>\n</configuration>\n");
    CHECK(edited("<appSettings></appSettings>", {set("ServerInstance", "BC")}) ==
          "<appSettings>\n  <add key=\"ServerInstance\" value=\"BC\" />\n</appSettings>");
  }

  TEST_CASE("a key set twice: set changes the last one, unset removes both") {
    const std::string text =
        "<appSettings>\n  <add key=\"SqlCommandTimeout\" value=\"00:10:00\" />\n  <add key=\"ServerInstance\" "
        "value=\"BC\" />\n  <add key=\"SqlCommandTimeout\" value=\"00:20:00\" />\n</appSettings>\n";
    const EditResult result = edit(parse(text), {set("SqlCommandTimeout", "00:30:00")});
    REQUIRE(result.changes.size() == 1);
    CHECK(result.changes[0].kind == ChangeKind::changed);
    CHECK(result.changes[0].occurrences == 2);
    CHECK(result.changes[0].old_value == "00:20:00");
    CHECK(result.changes[0].where.line == 4);
    CHECK(result.bytes.find("\"00:10:00\"") != std::string::npos);
    CHECK(result.bytes.find("\"00:30:00\"") != std::string::npos);
    CHECK(edited(text, {unset("SqlCommandTimeout")}) ==
          "<appSettings>\n  <add key=\"ServerInstance\" value=\"BC\" />\n</appSettings>\n");
  }

  TEST_CASE("a key spelt in another case is changed where it stands, never given a second spelling") {
    const std::string text =
        "<appSettings>\n  <add key=\"clientservicesidleclienttimeout\" value=\"00:10:00\" />\n</appSettings>\n";
    const EditResult result = edit(parse(text), {set("ClientServicesIdleClientTimeout", "00:30:00")});
    CHECK(result.changes[0].kind == ChangeKind::changed);
    CHECK(result.changes[0].spelling == "clientservicesidleclienttimeout");
    CHECK(result.bytes ==
          "<appSettings>\n  <add key=\"clientservicesidleclienttimeout\" value=\"00:30:00\" />\n</appSettings>\n");
    CHECK(parse(result.bytes).count("ClientServicesIdleClientTimeout") == 1);
  }

  TEST_CASE("set changes the spelling in force, unset removes every spelling, in force or taken out") {
    const std::string text =
        "<appSettings>\n"
        "  <add key=\"SqlCommandTimeout\" value=\"00:10:00\" />\n"
        "  <add key=\"SQLCOMMANDTIMEOUT\" value=\"00:20:00\" />\n"
        "  <add key=\"ServerInstance\" value=\"BC\" />\n"
        "</appSettings>\n";
    const EditResult changed = edit(parse(text), {set("SqlCommandTimeout", "00:30:00")});
    CHECK(changed.changes[0].occurrences == 2);
    CHECK(changed.bytes.find("key=\"SQLCOMMANDTIMEOUT\" value=\"00:30:00\"") != std::string::npos);
    CHECK(changed.bytes.find("key=\"SqlCommandTimeout\" value=\"00:10:00\"") != std::string::npos);
    CHECK(edited(text, {unset("sqlcommandtimeout")}) ==
          "<appSettings>\n  <add key=\"ServerInstance\" value=\"BC\" />\n</appSettings>\n");
    // Taken out by a <clear/>: not in force, but the entries go, and the <clear/> stays.
    const std::string cleared =
        "<appSettings>\n  <add key=\"SqlCommandTimeout\" value=\"00:10:00\" />\n  <clear />\n</appSettings>\n";
    const EditResult unset_cleared = edit(parse(cleared), {unset("SqlCommandTimeout")});
    CHECK(unset_cleared.changes[0].kind == ChangeKind::removed);
    REQUIRE(unset_cleared.changes[0].taken_out.has_value());
    CHECK(unset_cleared.changes[0].taken_out->clear);
    CHECK(unset_cleared.bytes == "<appSettings>\n  <clear />\n</appSettings>\n");
  }

  TEST_CASE("a new key lands after the <remove> or <clear/> that would take it out, where it takes effect") {
    const std::string text =
        "<appSettings>\n"
        "  <add key=\"ServerInstance\" value=\"BC\" />\n"
        "  <add key=\"SqlCommandTimeout\" value=\"00:10:00\" />\n"
        "  <remove key=\"sqlcommandtimeout\" />\n"
        "</appSettings>\n";
    const EditResult result = edit(parse(text), {set("SqlCommandTimeout", "00:30:00")});
    CHECK(result.changes[0].kind == ChangeKind::added);
    REQUIRE(result.changes[0].taken_out.has_value());
    CHECK(result.changes[0].taken_out->pos == Position{4, 3});
    CHECK(result.bytes ==
          "<appSettings>\n"
          "  <add key=\"ServerInstance\" value=\"BC\" />\n"
          "  <add key=\"SqlCommandTimeout\" value=\"00:10:00\" />\n"
          "  <remove key=\"sqlcommandtimeout\" />\n"
          "  <add key=\"SqlCommandTimeout\" value=\"00:30:00\" />\n"
          "</appSettings>\n");
    CHECK(parse(result.bytes).in_force("SqlCommandTimeout")->value == "00:30:00");
    // A <clear/> after everything: the new key goes after it; a <remove> of another key does not move it.
    const std::string cleared =
        "<appSettings>\n  <add key=\"ServerInstance\" value=\"BC\" />\n  <clear />\n  <remove key=\"Other\" "
        "/>\n</appSettings>\n";
    const std::string out = edited(cleared, {set("ServerInstance", "BC2")});
    CHECK(out ==
          "<appSettings>\n  <add key=\"ServerInstance\" value=\"BC\" />\n  <clear />\n  <add "
          "key=\"ServerInstance\" value=\"BC2\" />\n  <remove key=\"Other\" />\n</appSettings>\n");
  }

  TEST_CASE("a value already there and an unset of a missing key change nothing") {
    const std::string text(kServer);
    const EditResult same = edit(parse(text), {set("ServerInstance", "BC230"), unset("SessionTimeout")});
    CHECK_FALSE(same.modified());
    CHECK(same.bytes == text);
    CHECK(same.changes[0].kind == ChangeKind::unchanged);
    CHECK(same.changes[1].kind == ChangeKind::unchanged);
  }

  TEST_CASE("unset takes a comment that closes the entry's line with it") {
    const std::string out = edited(std::string(kServer), {unset("SqlCommandTimeout")});
    CHECK(out.find("nightly") == std::string::npos);
    CHECK(out.ends_with("value=\"MaxValue\" />\n</appSettings>\n"));
  }

  TEST_CASE("several edits in one file, including the insertion anchor's removal") {
    const std::string text(kServer);
    const std::string out =
        edited(text, {unset("SqlCommandTimeout"), set("SearchTimeout", "00:00:20"), set("ServerInstance", "BC240")});
    CHECK(out.find("SqlCommandTimeout") == std::string::npos);
    CHECK(out.find("<add key=\"ClientServicesIdleClientTimeout\" value=\"MaxValue\" />\n"
                   "  <add key=\"SearchTimeout\" value=\"00:00:20\" />\n</appSettings>") != std::string::npos);
    CHECK(out.find("value=\"BC240\"") != std::string::npos);
  }

  TEST_CASE("entries sharing a line") {
    const std::string text = "<appSettings><add key=\"A\" value=\"1\"/><add key=\"B\" value=\"2\"/></appSettings>";
    CHECK(edited(text, {unset("A")}) == "<appSettings><add key=\"B\" value=\"2\"/></appSettings>");
    CHECK(edited(text, {set("ServerInstance", "X")}) ==
          "<appSettings><add key=\"A\" value=\"1\"/><add key=\"B\" value=\"2\"/><add key=\"ServerInstance\" "
          "value=\"X\"/></appSettings>");
  }

  TEST_CASE("the closing tag on the last entry's line: insert and unset give back the original") {
    const std::string text = "<appSettings>\r\n\t<add key=\"A\" value=\"1\"/></appSettings>";
    const std::string out = edited(text, {set("ServerInstance", "X")});
    CHECK(out == "<appSettings>\r\n\t<add key=\"A\" value=\"1\"/>\r\n\t<add key=\"ServerInstance\" value=\"X\"/></appSettings>");
    CHECK(edited(out, {unset("ServerInstance")}) == text);
  }

  TEST_CASE("a blank one-line body gives way to the new entry") {
    CHECK(edited("<appSettings> </appSettings>\n", {set("ServerInstance", "BC")}) ==
          "<appSettings>\n  <add key=\"ServerInstance\" value=\"BC\" />\n</appSettings>\n");
  }

  TEST_CASE("mixed line endings: the new line copies its neighbour's") {
    const std::string text = "<appSettings>\r\n  <!-- a\n  comment -->\n  <add key=\"A\" value=\"1\" />\r\n</appSettings>\n";
    const std::string out = edited(text, {set("ServerInstance", "X")});
    CHECK(out == "<appSettings>\r\n  <!-- a\n  comment -->\n  <add key=\"A\" value=\"1\" />\r\n"
                 "  <add key=\"ServerInstance\" value=\"X\" />\r\n</appSettings>\n");
    CHECK(edited(out, {unset("ServerInstance")}) == text);
  }

  TEST_CASE("F&O web.config: the legacy override is removed and the file stays an AOS file") {
    const std::string text =
        "<configuration>\n  <appSettings>\n    <add key=\"Aos.AppRoot\" value=\"C:\\AOS\" />\n"
        "    <add key=\"WebClientStatefulSessionTimeoutInSeconds\" value=\"3600\" />\n  </appSettings>\n</configuration>\n";
    const Document doc = parse(text, "web.config");
    REQUIRE(doc.kind == FileKind::aos);
    const std::string out = edit(doc, {unset("WebClientStatefulSessionTimeoutInSeconds")}).bytes;
    CHECK(out == "<configuration>\n  <appSettings>\n    <add key=\"Aos.AppRoot\" value=\"C:\\AOS\" />\n"
                 "  </appSettings>\n</configuration>\n");
    CHECK(edit(parse(out, "web.config"), {set("WebClientStatefulSessionTimeoutInSeconds", "3600")}).bytes == text);
  }

  TEST_CASE("NAV web.config: a new key goes into DynamicsNAVSettings, not appSettings") {
    const std::string text =
        "<configuration>\n  <appSettings>\n    <add key=\"x\" value=\"y\" />\n  </appSettings>\n"
        "  <DynamicsNAVSettings>\n    <add key=\"Server\" value=\"NAV\" />\n  </DynamicsNAVSettings>\n</configuration>\n";
    const std::string out = edited(text, {set("SessionTimeout", "00:30:00")}, "web.config");
    CHECK(out.find("    <add key=\"Server\" value=\"NAV\" />\n    <add key=\"SessionTimeout\" value=\"00:30:00\" />\n"
                   "  </DynamicsNAVSettings>") != std::string::npos);
  }

  TEST_CASE("the same key twice among the edits is refused") {
    auto result = apply_edits(parse(std::string(kServer)), std::vector<Edit>{set("A", "1"), unset("A")});
    REQUIRE_FALSE(result);
    CHECK(result.error().kind == EditErrorKind::internal);
  }
}

// Large files: a changed value differs from the original only inside the value's bytes; an
// insert followed by an unset gives the original back byte for byte. The project's fixtures
// (testdata/large) always, the real files (SESSIONTOOL_CORPUS) where they are.
namespace {

void check_only_value_bytes_change(const std::string& bytes) {
  const Document doc = parse(bytes, "CustomSettings.config");
  const Entry* entry = doc.in_force("ClientServicesIdleClientTimeout");
  REQUIRE(entry);
  REQUIRE(entry->value == "MaxValue");
  const std::string out = edit(doc, {set("ClientServicesIdleClientTimeout", "00:45:00")}).bytes;
  REQUIRE(out.size() == bytes.size());
  std::vector<std::size_t> differing;
  for (std::size_t i = 0; i < out.size(); ++i)
    if (out[i] != bytes[i]) differing.push_back(i);
  REQUIRE_FALSE(differing.empty());
  CHECK(differing.front() >= entry->value_span.offset);
  CHECK(differing.back() < entry->value_span.end());
  CHECK(out.substr(entry->value_span.offset, 8) == "00:45:00");
}

void check_insert_then_unset(const std::string& bytes) {
  const Document doc = parse(bytes, "CustomSettings.config");
  const std::string inserted = edit(doc, {set("ClientServicesReconnectPeriod", "00:10:00")}).bytes;
  const Entry& last = doc.entries.back();
  const std::string last_line(doc.source.bytes().substr(doc.source.line_start(last.entry_span.offset),
                                                        doc.source.line_end(last.entry_span.offset) -
                                                            doc.source.line_start(last.entry_span.offset)));
  std::string expected_line = last_line;
  expected_line.replace(expected_line.find(last.key), last.key.size(), "ClientServicesReconnectPeriod");
  expected_line.replace(expected_line.rfind(last.value), last.value.size(), "00:10:00");
  CHECK(inserted.find(last_line + std::string(doc.source.line_break_at(last.entry_span.offset)) + expected_line +
                      std::string(doc.source.line_break_at(last.entry_span.offset))) != std::string::npos);
  CHECK(edit(parse(inserted, "CustomSettings.config"), {unset("ClientServicesReconnectPeriod")}).bytes == bytes);
}

void check_unset_removes_one_line(const std::string& bytes) {
  const Document doc = parse(bytes, "CustomSettings.config");
  const Entry* entry = doc.in_force("SqlCommandTimeout");
  REQUIRE(entry);
  const std::size_t begin = doc.source.line_start(entry->entry_span.offset);
  const std::size_t end =
      doc.source.line_end(entry->entry_span.offset) + doc.source.line_break_at(entry->entry_span.offset).size();
  std::string want = bytes;
  want.erase(begin, end - begin);
  CHECK(edit(doc, {unset("SqlCommandTimeout")}).bytes == want);
}

// Each large file's bytes: the fixtures, or the corpus when `real` (none where it is absent).
std::vector<std::pair<std::string, std::string>> large_files(bool real) {
  std::vector<std::pair<std::string, std::string>> files;
  std::vector<std::filesystem::path> paths;
  if (!real) {
    for (const char* folder : {"lf", "bom", "bom-mixed"}) paths.push_back(test::large_fixture(folder));
  } else if (const auto corpus = test::corpus_or_skip()) {
    for (const std::string& name : test::corpus_files()) paths.push_back(*corpus / name);
  }
  for (const auto& path : paths) {
    auto bytes = platform::read_file(path);
    REQUIRE_MESSAGE(bytes, path.string());
    files.emplace_back(path.string(), std::move(*bytes));
  }
  return files;
}

}  // namespace

TEST_SUITE("editor large files") {
  TEST_CASE("large fixtures: only the value's bytes change") {
    for (const auto& [name, bytes] : large_files(false)) {
      CAPTURE(name);
      check_only_value_bytes_change(bytes);
    }
  }

  TEST_CASE("large fixtures: insert then unset is the identity, and the new line matches its neighbours") {
    for (const auto& [name, bytes] : large_files(false)) {
      CAPTURE(name);
      check_insert_then_unset(bytes);
    }
  }

  TEST_CASE("large fixtures: unset removes exactly one line") {
    for (const auto& [name, bytes] : large_files(false)) {
      CAPTURE(name);
      check_unset_removes_one_line(bytes);
    }
  }
}

TEST_SUITE("editor corpus") {
  TEST_CASE("corpus files: only the value's bytes change") {
    for (const auto& [name, bytes] : large_files(true)) {
      CAPTURE(name);
      check_only_value_bytes_change(bytes);
    }
  }

  TEST_CASE("corpus files: insert then unset is the identity, and the new line matches its neighbours") {
    for (const auto& [name, bytes] : large_files(true)) {
      CAPTURE(name);
      check_insert_then_unset(bytes);
    }
  }

  TEST_CASE("corpus files: unset removes exactly one line") {
    for (const auto& [name, bytes] : large_files(true)) {
      CAPTURE(name);
      check_unset_removes_one_line(bytes);
    }
  }
}

// Hostile inputs (issue 6): files and paths made to crash, hang or exhaust sessiontool. Each is
// answered with a one-line error (exit 3 when the file cannot be read or parsed) or read as
// the harmless text it is, never a crash, a hang, a fetch or an expansion.

#include <doctest/doctest.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <random>
#include <string>
#include <vector>

#ifndef _WIN32
#include <sys/stat.h>
#endif

#include "platform/platform.hpp"
#include "read/reader.hpp"
#include "set_harness.hpp"

using namespace sessiontool;
using sessiontool::test::RunResult;
using sessiontool::test::SetSandbox;
using sessiontool::test::write_bytes;
namespace fs = std::filesystem;

namespace {

constexpr int kExitBadInput = 3;

int line_count(const std::string& text) { return static_cast<int>(std::count(text.begin(), text.end(), '\n')); }

// One line on stderr, naming the file, and exit 3. (lint reports on stdout, as ST001/ST002;
// set adds "nothing was written".)
void check_one_line_error(const RunResult& result, const std::string& file, const std::string& words) {
  CAPTURE(result.out);
  CAPTURE(result.err);
  CHECK(result.code == kExitBadInput);
  const bool lint = result.out.find("[ST00") != std::string::npos;
  const std::string& text = lint ? result.out : result.err;
  const std::string first_line = text.substr(0, text.find('\n'));
  CHECK(first_line.find(file) != std::string::npos);
  CHECK(first_line.find(words) != std::string::npos);
  if (!lint) CHECK((line_count(text) == 1 || text.ends_with("\nsessiontool: nothing was written\n")));
}

const char* const kServer = R"(<?xml version="1.0" encoding="utf-8"?>
<appSettings>
  <add key="ServerInstance" value="BC" />
  <add key="ClientServicesIdleClientTimeout" value="VALUE" />
</appSettings>
)";

std::string server_with(const std::string& value) {
  std::string text = kServer;
  text.replace(text.find("VALUE"), 5, value);
  return text;
}

}  // namespace

TEST_SUITE("hostile input") {
  TEST_CASE("an empty file is malformed, as XML and as JSON") {
    SetSandbox box;
    write_bytes(box.root() / "a" / "CustomSettings.config", "");
    write_bytes(box.root() / "b" / "navsettings.json", "");
    check_one_line_error(box.run({"show", "a/CustomSettings.config"}), "CustomSettings.config", "empty");
    check_one_line_error(box.run({"show", "b/navsettings.json"}), "navsettings.json", "empty");
    check_one_line_error(box.run({"lint", "a/CustomSettings.config"}), "CustomSettings.config", "empty");
  }

  TEST_CASE("binary garbage is refused in one line, whatever the name") {
    std::mt19937 random(6);  // fixed: the same bytes every run
    std::string garbage(4096, '\0');
    for (char& c : garbage) c = static_cast<char>(random());
    garbage[0] = '<';  // past the "must start with '<'" check, into the parser
    for (const char* name : {"CustomSettings.config", "navsettings.json", "web.config"}) {
      SetSandbox box;
      write_bytes(box.root() / name, garbage);
      const RunResult result = box.run({"show", name});
      CAPTURE(name);
      CHECK(result.code == kExitBadInput);
      CHECK(line_count(result.err) == 1);
    }
  }

  TEST_CASE("UTF-16 with a BOM is refused with the fix, never read as garbage") {
    const std::string text = server_with("00:20:00");
    std::string le = "\xFF\xFE", be = "\xFE\xFF";
    for (char c : text) {
      le += c, le += '\0';
      be += '\0', be += c;
    }
    SetSandbox box;
    write_bytes(box.root() / "le" / "CustomSettings.config", le);
    write_bytes(box.root() / "be" / "navsettings.json", be);
    check_one_line_error(box.run({"show", "le/CustomSettings.config"}), "CustomSettings.config", "save it as UTF-8");
    check_one_line_error(box.run({"show", "be/navsettings.json"}), "navsettings.json", "UTF-16");
  }

  TEST_CASE("20,000 nested elements read without blowing the stack") {
    std::string deep = "<appSettings>";
    for (int i = 0; i < 20'000; ++i) deep += "<a>";
    for (int i = 0; i < 20'000; ++i) deep += "</a>";
    deep += "<add key=\"ServerInstance\" value=\"Deep\"/></appSettings>";
    const ReadResult read = parse_document("CustomSettings.config", deep);
    REQUIRE(read.document);
    REQUIRE(read.document->entries.size() == 1);
    CHECK(read.document->entries[0].value == "Deep");

    // Never closed: malformed, at the end.
    std::string open = "<appSettings>";
    for (int i = 0; i < 20'000; ++i) open += "<a>";
    const ReadResult unclosed = parse_document("CustomSettings.config", open);
    REQUIRE(unclosed.error);
    CHECK(unclosed.error->message.find("ends before every element is closed") != std::string::npos);

    // And in JSON, refused past 64 levels, as .NET's reader refuses it.
    std::string json = "{\"NAVWebSettings\": ";
    for (int i = 0; i < 20'000; ++i) json += "[";
    const ReadResult deep_json = parse_document("navsettings.json", json);
    REQUIRE(deep_json.error);
    CHECK(deep_json.error->message == "nesting deeper than 64 levels (.NET's JSON reader refuses it)");

    SetSandbox box;
    write_bytes(box.root() / "CustomSettings.config", deep);
    write_bytes(box.root() / "web" / "navsettings.json", json);
    const RunResult result = box.run({"show", "CustomSettings.config"});
    CHECK(result.code == 0);
    CHECK(result.out.find("Deep") != std::string::npos);
    check_one_line_error(box.run({"lint", "web/navsettings.json"}), "navsettings.json", "nesting deeper");
  }

  TEST_CASE("a 100 KB value is read whole, shown, linted and replaced") {
    const std::string huge(100 * 1024, '7');
    const ReadResult read = parse_document("CustomSettings.config", server_with(huge));
    REQUIRE(read.document);
    CHECK(read.document->in_force("ClientServicesIdleClientTimeout")->value == huge);

    SetSandbox box;
    write_bytes(box.root() / "CustomSettings.config", server_with(huge));
    const RunResult lint = box.run({"lint", "--format", "json", "CustomSettings.config"});
    CHECK(lint.code == 1);  // ST003: a 102,400-digit TimeSpan is out of range
    CHECK(lint.out.find("ST003") != std::string::npos);
    CHECK(box.run({"show", "--format", "json", "CustomSettings.config"}).code == 0);
    const RunResult set = box.run({"set", "ClientServicesIdleClientTimeout=30m", "CustomSettings.config"});
    CHECK(set.code == 0);
    CHECK(test::read_bytes(box.root() / "CustomSettings.config") == server_with("00:30:00"));
  }

  TEST_CASE("an entity expansion bomb is not expanded") {
    std::string bomb = "<?xml version=\"1.0\"?>\n<!DOCTYPE appSettings [\n  <!ENTITY lol \"lol\">\n";
    for (int level = 1; level <= 9; ++level) {
      bomb += "  <!ENTITY lol" + std::to_string(level) + " \"";
      for (int i = 0; i < 10; ++i) bomb += "&lol" + (level == 1 ? std::string() : std::to_string(level - 1)) + ";";
      bomb += "\">\n";
    }
    bomb += "]>\n<appSettings>\n  <add key=\"ServerInstance\" value=\"&lol9;\" />\n</appSettings>\n";
    const ReadResult read = parse_document("CustomSettings.config", bomb);
    // No entity a DTD declares is expanded: the file is refused at the reference, in one line.
    REQUIRE(read.error);
    CHECK(read.error->pos == Position{15, 36});
    CHECK(read.error->message ==
          "entity reference &lol9;: sessiontool expands no entity a DTD declares (an entity bomb would exhaust "
          "memory); write the text itself");

    SetSandbox box;
    write_bytes(box.root() / "CustomSettings.config", bomb);
    const RunResult result = box.run({"show", "--format", "json", "CustomSettings.config"});
    CHECK(result.code == 3);
    CHECK(result.out.size() < 10'000);
  }

  TEST_CASE("external entities and DTDs are never fetched or read") {
    SetSandbox box;
    write_bytes(box.root() / "secret.txt", "TOP-SECRET-MARKER");
    const fs::path secret = box.root() / "secret.txt";
    const std::string doc = "<?xml version=\"1.0\"?>\n<!DOCTYPE appSettings SYSTEM \"" + secret.string() +
                            "\" [\n  <!ENTITY xxe SYSTEM \"file://" + secret.string() +
                            "\">\n  <!ENTITY remote SYSTEM \"http://192.0.2.1/x\">\n]>\n<appSettings>\n"
                            "  <add key=\"ServerInstance\" value=\"&xxe;\" />\n"
                            "  <add key=\"ClientServicesIdleClientTimeout\" value=\"&remote;\" />\n"
                            "</appSettings>\n";
    // Refused at the first reference, never resolved.
    const ReadResult read = parse_document("CustomSettings.config", doc);
    REQUIRE(read.error);
    CHECK(read.error->message.starts_with("entity reference &xxe;: sessiontool expands no entity a DTD declares"));

    write_bytes(box.root() / "CustomSettings.config", doc);
    for (const char* command : {"show", "lint"}) {
      const RunResult result = box.run({command, "--format", "json", "CustomSettings.config"});
      CHECK(result.out.find("TOP-SECRET-MARKER") == std::string::npos);
      CHECK(result.err.find("TOP-SECRET-MARKER") == std::string::npos);
    }
#ifndef _WIN32
    // A DTD or entity that is a FIFO would block a reader that opened it: the run must end.
    const fs::path fifo = box.root() / "dtd.fifo";
    REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
    std::string blocking = doc;
    blocking.replace(blocking.find(secret.string()), secret.string().size(), fifo.string());
    write_bytes(box.root() / "CustomSettings.config", blocking);
    CHECK(box.run({"show", "CustomSettings.config"}).code == 3);
#endif
  }

  TEST_CASE("a TimeSpan that overflows is an invalid value, not a crash") {
    for (const char* value : {"10675200.00:00:00", "99999999999999999999", "-10675199.02:48:05.4775809",
                              "10675199.02:48:05.47758071", "2147483648:00:00"}) {
      CAPTURE(value);
      SetSandbox box;
      write_bytes(box.root() / "CustomSettings.config", server_with(value));
      const RunResult lint = box.run({"lint", "CustomSettings.config"});
      CHECK(lint.code == 1);
      CHECK(lint.out.find("ST003") != std::string::npos);
      CHECK(box.run({"show", "CustomSettings.config"}).code == 0);
    }
    SetSandbox box;
    write_bytes(box.root() / "CustomSettings.config", server_with("00:20:00"));
    for (const char* value : {"99999999999d", "10675200d", "999999999999999999999999s"}) {
      const RunResult set = box.run({"set", std::string("ClientServicesIdleClientTimeout=") + value, "CustomSettings.config"});
      CAPTURE(value);
      CHECK(set.code == 4);
      CHECK(line_count(set.err) >= 1);
    }
    CHECK(test::read_bytes(box.root() / "CustomSettings.config") == server_with("00:20:00"));
  }

  TEST_CASE("a configuration file nested 100,000 deep is refused at once, in bounded memory") {
    // Refused at the scanner's depth limit, before any value is built.
    SetSandbox box;
    write_bytes(box.root() / "deep.json", "{\"disable\": " + std::string(100'000, '[') + std::string(100'000, ']') + "}");
    write_bytes(box.root() / "CustomSettings.config", server_with("00:20:00"));
    const RunResult result = box.run({"lint", "--config", "deep.json", "CustomSettings.config"});
    CAPTURE(result.err);
    CHECK(result.code == 2);
    CHECK(result.err.find("deep.json:1:") != std::string::npos);
    CHECK(result.err.find("nesting deeper than 256 levels") != std::string::npos);
  }

  TEST_CASE("a value that is not UTF-8 is refused by set, not written as a file no reader reads back") {
    SetSandbox box;
    write_bytes(box.root() / "web" / "navsettings.json", "{\n  \"NAVWebSettings\": {\n    \"Server\": \"bc\"\n  }\n}\n");
    write_bytes(box.root() / "CustomSettings.config", server_with("00:20:00"));
    for (const char* file : {"web/navsettings.json", "CustomSettings.config"}) {
      CAPTURE(file);
      const std::string before = test::read_bytes(box.root() / file);
#ifdef _WIN32
      // Windows hands arguments over as UTF-16 (platform::utf8_arguments): a typed é arrives as
      // UTF-8 and is written so. Only POSIX passes bytes that are not UTF-8 (a Latin-1 shell).
      const RunResult result = box.run({"set", "ServerInstance=B\xC3\xA9" "C", file});
      CAPTURE(result.err);
      CHECK(result.code == 0);
      CHECK(test::read_bytes(box.root() / file).find("B\xC3\xA9" "C") != std::string::npos);
#else
      const RunResult result = box.run({"set", "ServerInstance=B\xE9" "C", file});  // Windows-1252 é
      CAPTURE(result.err);
      CHECK(result.code == 4);
      CHECK(result.err.find("ServerInstance: the value is not valid UTF-8 text") != std::string::npos);
      CHECK(test::read_bytes(box.root() / file) == before);
#endif
    }
  }

  TEST_CASE("a file over the size limit is refused unread") {
    SetSandbox box;
    const fs::path big = box.root() / "CustomSettings.config";
    write_bytes(big, server_with("00:20:00"));
    fs::resize_file(big, 50 * 1024 * 1024);  // sparse where the file system allows
    const RunResult result = box.run({"show", "CustomSettings.config"});
    check_one_line_error(result, "CustomSettings.config", "it is 50.0 MB: sessiontool reads configuration files of up to 4.0 MB");
    check_one_line_error(box.run({"set", "ClientServicesIdleClientTimeout=30m", "CustomSettings.config"}),
                         "CustomSettings.config", "4.0 MB");
    CHECK(fs::file_size(big) == 50 * 1024 * 1024);
  }

  TEST_CASE("read_file: the limit is inclusive") {
    SetSandbox box;
    const fs::path file = box.root() / "f";
    write_bytes(file, std::string(1000, 'x'));
    CHECK(platform::read_file(file, 1000).value_or("") == std::string(1000, 'x'));
    const auto refused = platform::read_file(file, 999);
    REQUIRE_FALSE(refused);
    CHECK(refused.error().find("up to") != std::string::npos);
  }

  TEST_CASE("a directory cycle through symbolic links ends, and each file is found once") {
    SetSandbox box;
    write_bytes(box.root() / "fleet" / "BC1" / "CustomSettings.config", server_with("00:20:00"));
    std::error_code ec;
    fs::create_directory_symlink("..", box.root() / "fleet" / "BC1" / "up", ec);
    if (ec) return;  // Windows without the privilege to create links
    fs::create_directory_symlink(box.root() / "fleet", box.root() / "fleet" / "BC1" / "again", ec);
    fs::create_directory_symlink("loop", box.root() / "fleet" / "loop", ec);  // a link to itself
    const auto found = find_config_files(box.root() / "fleet");
    REQUIRE(found.size() == 1);
    CHECK(found[0] == box.root() / "fleet" / "BC1" / "CustomSettings.config");
    CHECK(box.run({"show", "fleet"}).code == 0);
    CHECK(box.run({"lint", "--fail-on", "none", "fleet"}).code == 0);  // lint walks directories its own way
    CHECK(box.run({"set", "ServerInstance=Cycle", "fleet"}).code == 0);
    check_one_line_error(box.run({"show", "fleet/loop"}), "loop", "cannot read");
  }

  TEST_CASE("a tree hundreds of folders deep is walked, and the file at its bottom found and reported") {
#ifdef _WIN32
    constexpr int kDepth = 50;  // within MAX_PATH
#else
    constexpr int kDepth = 400;
#endif
    SetSandbox box;
    fs::path deep = "deep";
    for (int i = 0; i < kDepth; ++i) deep /= "d";
    write_bytes(box.root() / deep / "CustomSettings.config", server_with("ten minutes"));
    const RunResult run = box.run({"lint", "--format", "github", "deep"});
    CHECK(run.code == 1);
    CHECK(run.out.find("CustomSettings.config,line=") != std::string::npos);
    CHECK(run.out.find("ST003") != std::string::npos);
  }

#ifndef _WIN32
  TEST_CASE("a FIFO is reported, not waited on, found in a search it is skipped") {
    SetSandbox box;
    const fs::path fifo = box.root() / "fleet" / "CustomSettings.config";
    fs::create_directories(fifo.parent_path());
    REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
    const auto read = read_document(fifo);
    REQUIRE(read.error);
    CHECK(read.error->message == "cannot read: it is a named pipe (FIFO), not a regular file");
    check_one_line_error(box.run({"show", "fleet/CustomSettings.config"}), "CustomSettings.config", "named pipe");
    check_one_line_error(box.run({"set", "ServerInstance=BC", "fleet/CustomSettings.config"}),
                         "CustomSettings.config", "regular file");
    CHECK(find_config_files(box.root() / "fleet").empty());
    CHECK(box.run({"show", "fleet"}).code == 0);
    CHECK(box.run({"lint", "--fail-on", "none", "fleet"}).code == 0);
    CHECK(box.run({"lint", "--config", "fleet/CustomSettings.config", "fleet"}).code == 2);
  }

  TEST_CASE("a device is reported, not read: /dev/zero does not hang or fill memory") {
    SetSandbox box;
    for (const char* device : {"/dev/zero", "/dev/null", "/dev/urandom"}) {
      if (!fs::exists(device)) continue;
      const auto read = read_document(device, FileKind::server);
      REQUIRE(read.error);
      CHECK(read.error->message == "cannot read: it is a device, not a regular file");
      check_one_line_error(box.run({"show", device}), device, "device");
    }
    std::error_code ec;
    fs::create_directories(box.root() / "fleet" / "BC1");
    fs::create_symlink("/dev/zero", box.root() / "fleet" / "BC1" / "CustomSettings.config", ec);
    if (!ec) {
      CHECK(find_config_files(box.root() / "fleet").empty());  // a link to a device is not a file
      CHECK(box.run({"lint", "--fail-on", "none", "fleet"}).code == 0);
      check_one_line_error(box.run({"show", "fleet/BC1/CustomSettings.config"}), "CustomSettings.config", "device");
    }
  }
#endif
}

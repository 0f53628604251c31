#include <doctest/doctest.h>

#include <algorithm>
#include <cctype>
#include <chrono>
#include <fstream>
#include <random>
#include <string>
#include <vector>

#include "corpus.hpp"
#include "read/reader.hpp"

using namespace sessiontool;
namespace fs = std::filesystem;

namespace {

// A fresh directory under the system temp directory, removed with everything in it.
struct TempDir {
  fs::path path;
  TempDir() {
    // CTest may run cases in parallel processes: the name must not collide.
    const auto stamp = std::chrono::steady_clock::now().time_since_epoch().count();
    path = fs::temp_directory_path() /
           ("sessiontool_reader_test_" + std::to_string(stamp) + "_" + std::to_string(std::random_device()()));
    fs::create_directories(path);
  }
  ~TempDir() {
    std::error_code ec;
    fs::remove_all(path, ec);
  }
  fs::path write(const fs::path& relative, const std::string& bytes) const {
    const fs::path file = path / relative;
    fs::create_directories(file.parent_path());
    std::ofstream(file, std::ios::binary) << bytes;
    return file;
  }
};

std::string lower(std::string text) {
  std::ranges::transform(text, text.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return text;
}

constexpr const char* kServerXml = "<appSettings>\r\n  <add key=\"ServerInstance\" value=\"BC230\"/>\r\n</appSettings>\r\n";
constexpr const char* kNavWebXml =
    "<configuration><DynamicsNAVSettings><add key=\"SessionTimeout\" value=\"00:20:00\"/>"
    "</DynamicsNAVSettings></configuration>";
constexpr const char* kAosXml =
    "<configuration><appSettings><add key=\"WebClientStatefulSessionTimeoutInSeconds\" value=\"3600\"/>"
    "</appSettings></configuration>";
constexpr const char* kNavSettingsJson = "{\n  \"NAVWebSettings\": {\n    \"SessionTimeout\":  \"00:20:00\"\n  }\n}\n";

}  // namespace

TEST_SUITE("reader") {
  TEST_CASE("file names are recognised case-insensitively, as on Windows") {
    CHECK(kind_from_name("CustomSettings.config") == FileKind::server);
    CHECK(kind_from_name("C:/NAV/Service/Instances/BC230/CUSTOMSETTINGS.CONFIG") == FileKind::server);
    CHECK(kind_from_name("customsettings.config") == FileKind::server);
    CHECK(kind_from_name("navsettings.json") == FileKind::web);
    CHECK(kind_from_name("wwwroot/BC230/NavSettings.JSON") == FileKind::web);
    // A web.config needs its content; copies under other names are not picked up by name.
    CHECK_FALSE(kind_from_name("web.config").has_value());
    CHECK_FALSE(kind_from_name("bc4ubuntu-CustomSettings.config").has_value());
    CHECK_FALSE(kind_from_name("CustomSettings.config.bak").has_value());
    CHECK_FALSE(kind_from_name("CustomSettings.config/").has_value());
  }

  TEST_CASE("parse_document: the name decides when it is known") {
    const ReadResult server = parse_document("Instances/BC230/CustomSettings.config", kServerXml);
    REQUIRE(server.document.has_value());
    CHECK(server.document->kind == FileKind::server);
    CHECK(server.document->format == FileFormat::xml);
    CHECK(server.document->path == fs::path("Instances/BC230/CustomSettings.config"));
    CHECK(server.document->in_force("ServerInstance")->value == "BC230");

    // F&O keys in a file named CustomSettings.config: the name wins.
    const ReadResult named = parse_document("CustomSettings.config", kAosXml);
    REQUIRE(named.document.has_value());
    CHECK(named.document->kind == FileKind::server);

    const ReadResult json = parse_document("NAVSETTINGS.JSON", kNavSettingsJson);
    REQUIRE(json.document.has_value());
    CHECK(json.document->format == FileFormat::json);
    CHECK(json.document->kind == FileKind::web);
  }

  TEST_CASE("parse_document: web.config and unknown names are detected by content") {
    const ReadResult nav = parse_document("web.config", kNavWebXml);
    REQUIRE(nav.document.has_value());
    CHECK(nav.document->kind == FileKind::web);
    CHECK(nav.document->format == FileFormat::xml);

    const ReadResult aos = parse_document("Web.Config", kAosXml);
    REQUIRE(aos.document.has_value());
    CHECK(aos.document->kind == FileKind::aos);

    const ReadResult server = parse_document("bc4ubuntu-CustomSettings.config", kServerXml);
    REQUIRE(server.document.has_value());
    CHECK(server.document->kind == FileKind::server);

    // JSON by its first character, after a BOM and blank lines.
    // Appended, not `std::string(...) + ...`: GCC 12 warns falsely on that (-Warray-bounds) at -O1 and for mingw.
    std::string with_bom = "\xEF\xBB\xBF \r\n";
    with_bom += kNavSettingsJson;
    const ReadResult json = parse_document("settings-prod.txt", with_bom);
    REQUIRE(json.document.has_value());
    CHECK(json.document->format == FileFormat::json);

    const ReadResult other = parse_document("web.config", "<configuration><system.web/></configuration>");
    REQUIRE(other.error.has_value());
    CHECK(other.error->kind == ReadErrorKind::unrecognized);
    CHECK(other.error->path == fs::path("web.config"));
  }

  TEST_CASE("parse_document: a forced kind overrides name and content") {
    const ReadResult web_json = parse_document("settings.txt", kNavSettingsJson, FileKind::web);
    REQUIRE(web_json.document.has_value());
    CHECK(web_json.document->format == FileFormat::json);

    const ReadResult web_xml = parse_document("old.config", kNavWebXml, FileKind::web);
    REQUIRE(web_xml.document.has_value());
    CHECK(web_xml.document->format == FileFormat::xml);
    CHECK(web_xml.document->kind == FileKind::web);

    const ReadResult aos = parse_document("CustomSettings.config", kAosXml, FileKind::aos);
    REQUIRE(aos.document.has_value());
    CHECK(aos.document->kind == FileKind::aos);

    // A server file must be XML: JSON content is malformed, not silently read as web.
    const ReadResult wrong = parse_document("x.json", kNavSettingsJson, FileKind::server);
    REQUIRE(wrong.error.has_value());
    CHECK(wrong.error->kind == ReadErrorKind::malformed);
    CHECK(wrong.error->pos == Position{1, 1});
  }

  TEST_CASE("parse_document refuses UTF-16 before choosing a reader") {
    const std::string utf16_json("\xFF\xFE{\0}\0", 6);
    const ReadResult result = parse_document("navsettings.json", utf16_json);
    CHECK_FALSE(result.document.has_value());
    REQUIRE(result.error.has_value());
    CHECK(result.error->kind == ReadErrorKind::unreadable);
    CHECK(result.error->message.find("UTF-16") != std::string::npos);
    CHECK(check_encoding("a", "\xEF\xBB\xBF<a/>") == std::nullopt);
    CHECK(check_encoding("a", std::string("\xFE\xFF\0<", 4)).has_value());
    CHECK(check_encoding("a", std::string("\xFF\xFE\0\0", 4))->message.find("UTF-32") != std::string::npos);
    CHECK(check_encoding("a", "") == std::nullopt);
  }

  TEST_CASE("read_document reads a large file from disk, byte for byte") {
    const fs::path file = test::large_fixture("bom-mixed");
    const ReadResult result = read_document(file);
    REQUIRE(result.document.has_value());
    CHECK(result.document->kind == FileKind::server);
    CHECK(result.document->entries.size() == 240);
    CHECK(result.document->source.has_bom());
    CHECK(result.document->source.bytes().size() == fs::file_size(file));
    CHECK(result.document->path == file);
  }

  TEST_CASE("read_document reads a real file from disk, byte for byte") {
    const auto corpus = test::corpus_or_skip();
    if (!corpus) return;
    const fs::path file = *corpus / "bcdevonlinux-vm-CustomSettings.config";
    const ReadResult result = read_document(file);
    REQUIRE(result.document.has_value());
    CHECK(result.document->kind == FileKind::server);
    CHECK(result.document->entries.size() == 245);
    CHECK(result.document->source.has_bom());
    CHECK(result.document->source.bytes().size() == fs::file_size(file));
    CHECK(result.document->path == file);
  }

  TEST_CASE("read_document: a missing file is unreadable, with the system's reason") {
    const ReadResult result = read_document("no/such/dir/CustomSettings.config");
    CHECK_FALSE(result.document.has_value());
    REQUIRE(result.error.has_value());
    CHECK(result.error->kind == ReadErrorKind::unreadable);
    CHECK(result.error->pos.line == 0);
    CHECK(result.error->path == fs::path("no/such/dir/CustomSettings.config"));
    CHECK(lower(result.error->message).find("no such file or directory") != std::string::npos);
  }

  TEST_CASE("read_document: a directory is unreadable, and forced kinds pass through") {
    TempDir dir;
    const ReadResult directory = read_document(dir.path);
    REQUIRE(directory.error.has_value());
    CHECK(directory.error->kind == ReadErrorKind::unreadable);
    CHECK(directory.error->message.find("directory") != std::string::npos);

    const fs::path file = dir.write("prod.config", kAosXml);
    const ReadResult forced = read_document(file, FileKind::server);
    REQUIRE(forced.document.has_value());
    CHECK(forced.document->kind == FileKind::server);

    const fs::path empty = dir.write("CustomSettings.config", "");
    const ReadResult nothing = read_document(empty);
    REQUIRE(nothing.error.has_value());
    CHECK(nothing.error->kind == ReadErrorKind::malformed);
  }

  TEST_CASE("find_config_files finds known names and every web.config, sorted, skipping build output") {
    TempDir dir;
    dir.write("wwwroot/NAV/Web.Config", kNavWebXml);
    dir.write("wwwroot/BC230/web.config", "<configuration/>");
    dir.write("wwwroot/BC230/navsettings.json", kNavSettingsJson);
    dir.write("Service/CUSTOMSETTINGS.CONFIG", kServerXml);
    dir.write("Instances/BC230/CustomSettings.config", kServerXml);
    dir.write("notes/other.config", kServerXml);
    dir.write("notes/CustomSettings.config.bak", kServerXml);
    dir.write(".git/CustomSettings.config", kServerXml);
    dir.write("bin/web.config", kAosXml);
    dir.write("Obj/Release/web.config", kAosXml);
    fs::create_directories(dir.path / "empty");
    std::error_code ec;
    fs::create_directory_symlink(dir.path, dir.path / "loop", ec);  // may be refused on Windows

    const std::vector<fs::path> expected = {
        dir.path / "Instances/BC230/CustomSettings.config",
        dir.path / "Service/CUSTOMSETTINGS.CONFIG",
        dir.path / "wwwroot/BC230/navsettings.json",
        dir.path / "wwwroot/BC230/web.config",
        dir.path / "wwwroot/NAV/Web.Config",
    };
    std::vector<fs::path> found;
    CHECK_NOTHROW(found = find_config_files(dir.path));
    REQUIRE(found.size() == expected.size());
    for (std::size_t i = 0; i < expected.size(); ++i) CHECK(found[i].lexically_normal() == expected[i].lexically_normal());
  }

  TEST_CASE("documents keep their paths with the system's separator, as typed or as found") {
    TempDir dir;
    dir.write("BC1/Service/CustomSettings.config", kServerXml);
    const std::string typed = dir.path.string() + "/BC1";  // "/" as a user may type it on Windows too
    const std::vector<fs::path> found = find_config_files(typed);
    REQUIRE(found.size() == 1);
    const auto from_search = read_document(found.front()).document;
    const auto given = read_document(typed + "/Service/CustomSettings.config").document;
    REQUIRE(from_search);
    REQUIRE(given);
    const std::string shown = from_search->path.string();
#ifdef _WIN32
    CHECK(shown.find('/') == std::string::npos);  // C:\...\BC1\Service\CustomSettings.config, not mixed
#else
    CHECK(shown == typed + "/Service/CustomSettings.config");
#endif
    CHECK(given->path.string() == shown);
  }

  TEST_CASE("find_config_files skips what it cannot list and never throws") {
    CHECK(find_config_files("no/such/directory").empty());
    CHECK(find_config_files(fs::path(SESSIONTOOL_SOURCE_DIR) / "testdata" / "large" / "generate.py").empty());

    TempDir dir;
    dir.write("open/CustomSettings.config", kServerXml);
    dir.write("locked/CustomSettings.config", kServerXml);
    std::error_code ec;
    fs::permissions(dir.path / "locked", fs::perms::none, ec);
    // Whether a locked directory can still be listed depends on privileges (root can).
    fs::directory_iterator probe(dir.path / "locked", ec);
    const bool locked_is_listable = !ec;

    std::vector<fs::path> found;
    CHECK_NOTHROW(found = find_config_files(dir.path));
    CHECK(found.size() == (locked_is_listable ? 2u : 1u));
    CHECK(std::ranges::count(found, dir.path / "open/CustomSettings.config") == 1);
    fs::permissions(dir.path / "locked", fs::perms::owner_all, ec);
  }
}

TEST_SUITE("document") {
  TEST_CASE("file kinds print and parse as the --as option spells them") {
    for (FileKind kind : {FileKind::server, FileKind::web, FileKind::aos})
      CHECK(file_kind_from_string(to_string(kind)) == kind);
    CHECK(std::string(to_string(FileKind::aos)) == "aos");
    CHECK(file_kind_from_string("Server") == FileKind::server);  // typed at a Windows prompt
    CHECK(file_kind_from_string("WEB") == FileKind::web);
    CHECK_FALSE(file_kind_from_string("iis").has_value());
    CHECK_FALSE(file_kind_from_string("").has_value());
    CHECK_FALSE(file_kind_from_string("servers").has_value());
  }

  TEST_CASE("in_force returns the last entry of that key in any letter case, as .NET's collections match") {
    Document doc;
    CHECK(doc.in_force("SessionTimeout") == nullptr);
    for (const auto& [key, value] : {std::pair{"SessionTimeout", "00:10:00"}, std::pair{"sessiontimeout", "00:15:00"},
                                     std::pair{"SessionTimeout", "00:20:00"}, std::pair{"Other", "x"}}) {
      Entry entry;
      entry.key = key;
      entry.value = value;
      doc.entries.push_back(entry);
    }
    REQUIRE(doc.in_force("SessionTimeout") != nullptr);
    CHECK(doc.in_force("SessionTimeout") == &doc.entries[2]);
    CHECK(doc.in_force("SESSIONTIMEOUT") == &doc.entries[2]);
    CHECK(doc.count("sessionTimeout") == 3);
    CHECK(doc.in_force("SessionTimeou") == nullptr);
    // An entry that does not apply (a JSON member outside NAVWebSettings) is never in force.
    doc.entries[2].applies = false;
    CHECK(doc.in_force("SessionTimeout") == &doc.entries[1]);
    CHECK(doc.count("SessionTimeout") == 2);
  }
}

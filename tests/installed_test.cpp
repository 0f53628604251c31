#include <doctest/doctest.h>

#include <fstream>
#include <map>
#include <random>
#include <string>

#include "fixtures.hpp"
#include "read/installed.hpp"
#include "text/path_text.hpp"

using namespace sessiontool;
using namespace sessiontool::test;
namespace fs = std::filesystem;

namespace {

void write(const fs::path& path, const std::string& text) {
  fs::create_directories(path.parent_path());
  std::ofstream(path, std::ios::binary) << text;
}

// A machine's drive C: in a temporary folder, laid out as the installers lay it out.
struct FakeMachine {
  // A folder of its own: ctest runs the cases in parallel, each in a process of its own.
  fs::path root = fs::temp_directory_path() / fs::path("sessiontool-installed-" + std::to_string(std::random_device{}()));
  fs::path c = root / "drive_c";
  FakeMachine() {
    fs::remove_all(root);
    const fs::path bc = c / "Program Files" / "Microsoft Dynamics 365 Business Central" / "230" / "Service";
    write(bc / "CustomSettings.config", server_config_text({{"ServerInstance", "BC230"}}));
    write(bc / "Instances" / "Second" / "CustomSettings.config",
          server_config_text({{"ServerInstance", "Second"}, {"ClientServicesPort", "7185"}}));
    write(bc / "Instances" / "Empty" / "readme.txt", "not an instance");
    write(c / "Program Files" / "Microsoft Dynamics NAV" / "110" / "Service" / "CustomSettings.config",
          server_config_text({{"ServerInstance", "NAV110"}}));
    write(c / "inetpub" / "wwwroot" / "BC230" / "navsettings.json", navsettings_text({{"ServerInstance", "BC230"}}));
    // The web folder's own web.config is ASP.NET Core's: no configuration file of ours.
    write(c / "inetpub" / "wwwroot" / "BC230" / "web.config",
          "<configuration><system.webServer><aspNetCore processPath=\"dotnet\"/></system.webServer></configuration>\n");
    write(root / "sites" / "Second" / "navsettings.json",
          navsettings_text({{"ServerInstance", "Second"}, {"ClientServicesPort", "7185"}}));
  }
  ~FakeMachine() { fs::remove_all(root); }

  std::map<std::string, std::string> variables() const {
    return {{"SystemDrive", utf8_text(c)}, {"SITES", utf8_text(root / "sites")}};
  }
  InstallPlaces places() const {
    InstallPlaces p;
    p.program_files = c / "Program Files";
    p.windows = c / "windows";
    p.system_drive = c;
    p.env = [vars = variables()](std::string_view name) {
      const auto it = vars.find(std::string(name));
      return it == vars.end() ? std::string() : it->second;
    };
    return p;
  }
  void application_host(const std::string& sites) const {
    write(c / "windows" / "System32" / "inetsrv" / "config" / "applicationHost.config",
          "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<configuration>\n  <system.applicationHost>\n    <sites>\n" + sites +
              "    </sites>\n  </system.applicationHost>\n</configuration>\n");
  }
};

std::vector<std::string> relative(const InstalledSearch& search, const fs::path& root) {
  std::vector<std::string> out;
  for (const fs::path& file : search.files) out.push_back(fs::relative(file, root).generic_string());
  return out;
}

}  // namespace

TEST_SUITE("installed") {
  TEST_CASE("%VARIABLES% expand as ExpandEnvironmentStrings does: an unset one stays as written") {
    const auto env = [](std::string_view name) { return name == "SystemDrive" ? std::string("C:") : std::string(); };
    CHECK(expand_environment("%SystemDrive%\\inetpub\\wwwroot", env) == "C:\\inetpub\\wwwroot");
    CHECK(expand_environment("%NOPE%\\x", env) == "%NOPE%\\x");
    CHECK(expand_environment("100%", env) == "100%");
    CHECK(expand_environment("%NOPE%SystemDrive%", env) == "%NOPEC:");
  }

  TEST_CASE("every application's root virtual directory of every site, in document order") {
    const auto env = [](std::string_view name) { return name == "SystemDrive" ? std::string("C:") : std::string(); };
    const auto paths = iis_application_paths(
        "<configuration><system.applicationHost><sites>"
        "<site name=\"Default Web Site\" id=\"1\"><application path=\"/\">"
        "<virtualDirectory path=\"/\" physicalPath=\"%SystemDrive%\\inetpub\\wwwroot\" /></application>"
        "<application path=\"/BC230\"><virtualDirectory path=\"/images\" physicalPath=\"D:\\img\" />"
        "<virtualDirectory path=\"/\" physicalPath=\"C:\\inetpub\\wwwroot\\BC230\" /></application></site>"
        "<site name=\"BC Web\" id=\"2\"><application path=\"/\">"
        "<virtualDirectory path=\"/\" physicalPath=\"D:\\sites\\bcweb\" /></application></site>"
        "<siteDefaults/></sites></system.applicationHost></configuration>",
        env);
    CHECK(paths == std::vector<std::string>{"C:\\inetpub\\wwwroot", "C:\\inetpub\\wwwroot\\BC230", "D:\\sites\\bcweb"});
    CHECK(iis_application_paths("not xml", env).empty());
  }

  TEST_CASE("server instances under Program Files, web instances from IIS's sites, one outside inetpub") {
    const FakeMachine machine;
    machine.application_host(
        "      <site name=\"Default Web Site\" id=\"1\">\n"
        "        <application path=\"/\"><virtualDirectory path=\"/\" physicalPath=\"%SystemDrive%\\inetpub\\wwwroot\" /></application>\n"
        "        <application path=\"/BC230\"><virtualDirectory path=\"/\" physicalPath=\"%SystemDrive%\\inetpub\\wwwroot\\BC230\" /></application>\n"
        "      </site>\n"
        "      <site name=\"Second Web\" id=\"2\">\n"
        "        <application path=\"/\"><virtualDirectory path=\"/\" physicalPath=\"%SITES%\\Second\" /></application>\n"
        "      </site>\n");
    const InstalledSearch search = find_installed(machine.places());
    CHECK(search.from_iis);
    CHECK(relative(search, machine.root) ==
          std::vector<std::string>{
              "drive_c/Program Files/Microsoft Dynamics 365 Business Central/230/Service/CustomSettings.config",
              "drive_c/Program Files/Microsoft Dynamics 365 Business Central/230/Service/Instances/Second/"
              "CustomSettings.config",
              "drive_c/Program Files/Microsoft Dynamics NAV/110/Service/CustomSettings.config",
              "drive_c/inetpub/wwwroot/BC230/navsettings.json",
              "sites/Second/navsettings.json"});
  }

  TEST_CASE("without applicationHost.config, the folders of inetpub/wwwroot") {
    const FakeMachine machine;
    const InstalledSearch search = find_installed(machine.places());
    CHECK_FALSE(search.from_iis);
    const auto found = relative(search, machine.root);
    REQUIRE(found.size() == 4);
    CHECK(found[3] == "drive_c/inetpub/wwwroot/BC230/navsettings.json");  // not sites/Second: IIS alone names it
  }

  TEST_CASE("the F&O AOS's web.config under AosService/WebRoot of a drive") {
    const FakeMachine machine;
    const fs::path k = machine.root / "drive_k";
    write(k / "AosService" / "WebRoot" / "web.config", aos_config_text({{"WebClientStatefulSessionTimeoutInSeconds", "1800"}}));
    InstallPlaces places = machine.places();
    places.drive_roots = {machine.c, k};
    const auto found = relative(find_installed(places), machine.root);
    REQUIRE_FALSE(found.empty());
    CHECK(found.back() == "drive_k/AosService/WebRoot/web.config");
  }

  TEST_CASE("nothing installed: nothing found, and where it looked") {
    const FakeMachine machine;
    InstallPlaces places;
    places.program_files = machine.root / "nowhere";
    places.env = [](std::string_view) { return std::string(); };
    const InstalledSearch search = find_installed(places);
    CHECK(search.files.empty());
    CHECK(search.looked_in.size() == 2);
  }
}

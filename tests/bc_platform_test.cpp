// The platform a file tells, and which one a deployment takes: the option, the configuration
// file, an install folder, a key's lower bound, or nothing.

#include "read/bc_platform.hpp"

#include <doctest/doctest.h>

#include "fixtures.hpp"
#include "resolve/resolve.hpp"

using namespace sessiontool;
using namespace sessiontool::test;

TEST_SUITE("bc_platform") {
  TEST_CASE("the version folder of a standard install path gives the major version, under either product name") {
    struct Case {
      const char* path;
      int major;
    };
    const Case cases[] = {
        {"C:/Program Files/Microsoft Dynamics 365 Business Central/230/Service/CustomSettings.config", 23},
        {"/srv/Microsoft Dynamics 365 Business Central/260/Service/Instances/BC260-2/CustomSettings.config", 26},
        {"x/microsoft dynamics nav/110/Service/CustomSettings.config", 11},
        {"x/Microsoft Dynamics NAV/71/Service/CustomSettings.config", 7},
        {"x/Microsoft Dynamics NAV/140/Service/CustomSettings.config", 14},  // BC 14 in the DVD layout
        {"x/Microsoft Dynamics 365 Business Central/BC230/Service/CustomSettings.config", 0},
        {"x/Microsoft Dynamics 365 Business Central/Service/230/CustomSettings.config", 0},
        {"x/BC230/Service/CustomSettings.config", 0},
        {"x/Microsoft Dynamics NAV/2300/Service/CustomSettings.config", 0},
    };
    for (const Case& c : cases) {
      CAPTURE(c.path);
      const BcPlatform p = platform_from_path(c.path);
      CHECK(p.major == c.major);
      CHECK(p.at_least == c.major);
      CHECK(p.source == (c.major ? BcPlatform::Source::install_folder : BcPlatform::Source::unknown));
    }
    CHECK(platform_from_path("a/Microsoft Dynamics 365 Business Central/230/Service/CustomSettings.config").evidence ==
          "install folder " +
              std::filesystem::path("Microsoft Dynamics 365 Business Central/230").make_preferred().string());
  }

  TEST_CASE("a key that exists only from some version on gives a lower bound, the newest wins") {
    const Document doc = server("s/CustomSettings.config", {{"ManagementApiServicesPort", "7086"},
                                                            {"ServerInstance", "BC"},
                                                            {"adopenidmetadatalocation", ""}});
    const BcPlatform& p = doc.platform;
    CHECK(p.major == 0);
    CHECK(p.at_least == 22);
    CHECK(p.source == BcPlatform::Source::content);
    CHECK(p.pos == Position{5, 13});
    CHECK(p.evidence == "adopenidmetadatalocation at s/CustomSettings.config:5, a setting since platform 22");
    CHECK(p.no_reconnect());
    CHECK(p.excludes(0, 20));     // the reconnect keys
    CHECK_FALSE(p.excludes(22, 0));
    CHECK_FALSE(p.excludes(0, 0));
    // Absence tells nothing; the reconnect keys' presence neither.
    CHECK_FALSE(server("s/CustomSettings.config", {{"ClientServicesReconnectPeriod", "00:10:00"}}).platform.known());
  }

  TEST_CASE("a deployment takes the option, else its files: an install folder before a key's bound") {
    Document in_folder = server("Microsoft Dynamics 365 Business Central/200/Service/CustomSettings.config",
                                {{"ServerInstance", "BC"}});
    Document with_key = web("Web/navsettings.json", {{"ServerInstance", "BC"}});
    with_key.platform = {.at_least = 22, .source = BcPlatform::Source::content, .evidence = "a key"};

    CHECK(platform_for({}, &in_folder, &with_key).major == 20);
    CHECK(platform_for({}, nullptr, &with_key).at_least == 22);
    CHECK_FALSE(platform_for({}, nullptr, nullptr).known());

    ResolveOptions stated;
    stated.platform = 24;
    stated.platform_source = BcPlatform::Source::config_file;
    stated.platform_stated_by = "platform in .sessiontool.json";
    const BcPlatform p = platform_for(stated, &in_folder, &with_key);
    CHECK(p.major == 24);
    CHECK(p.source == BcPlatform::Source::config_file);
    CHECK(p.evidence == "platform in .sessiontool.json");
  }

  TEST_CASE("the reconnect window: none from 21, the old model up to 20, both when unknown") {
    const auto window = [](std::optional<int> platform, const std::string& path) {
      std::vector<Document> docs;
      docs.push_back(server(path, {{"ServerInstance", "BC"}, {"ClientServicesReconnectPeriod", "00:05:00"}}));
      ResolveOptions options;
      options.platform = platform;
      return *resolve(docs, options).front().reconnect;
    };
    const ReconnectWindow unknown = window(std::nullopt, "s/CustomSettings.config");
    CHECK(unknown.depends_on_platform);
    CHECK_FALSE(unknown.removed_on_platform);
    CHECK(unknown.total == Duration::minutes(9));
    const ReconnectWindow from_folder = window(std::nullopt, "Microsoft Dynamics NAV/110/Service/CustomSettings.config");
    CHECK_FALSE(from_folder.depends_on_platform);
    CHECK(from_folder.total == Duration::minutes(9));
    const ReconnectWindow new_folder =
        window(std::nullopt, "Microsoft Dynamics 365 Business Central/220/Service/CustomSettings.config");
    CHECK(new_folder.removed_on_platform);
    CHECK(window(20, "Microsoft Dynamics 365 Business Central/220/Service/CustomSettings.config").total ==
          Duration::minutes(9));  // the option wins over the folder
  }
}

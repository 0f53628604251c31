// What lint keeps of a file (summarize) gives back what resolution reads of it (rebuild).

#include <doctest/doctest.h>

#include "lint/file_record.hpp"
#include "fixtures.hpp"

using namespace sessiontool;
using namespace sessiontool::test;

TEST_SUITE("file_record") {
  TEST_CASE("rebuild gives back the session values in force, where they are, and the platform evidence with its path") {
    const Pairs entries{{"ServerInstance", "BC"}, {"ClientServicesIdleClientTimeout", "00:20:00"},
                        {"ADOpenIdMetadataLocation", "https://login.example/metadata"}};
    Document original = server("fleet/Contoso/Service/CustomSettings.config", entries);
    REQUIRE(original.platform.source == BcPlatform::Source::content);
    REQUIRE(original.platform.evidence.find("fleet") != std::string::npos);  // it names the file
    const Document copy = original;
    const Summary summary = summarize(std::move(original));
    const Document rebuilt = rebuild(summary, copy.path);
    CHECK(rebuilt.platform.evidence == copy.platform.evidence);
    CHECK(rebuilt.platform.at_least == copy.platform.at_least);
    for (const char* key : {"ServerInstance", "ClientServicesIdleClientTimeout"}) {
      const Entry* was = copy.in_force(key);
      const Entry* is = rebuilt.in_force(key);
      REQUIRE(was);
      REQUIRE(is);
      CHECK(is->value == was->value);
      CHECK(is->value_pos == was->value_pos);
      CHECK(is->value_end_pos == was->value_end_pos);
    }
  }

  TEST_CASE("files that say the same keep the text once") {
    const Summary a = summarize(server("a/CustomSettings.config", {{"ClientServicesIdleClientTimeout", "00:20:00"}}));
    const Summary b = summarize(server("b/CustomSettings.config", {{"ClientServicesIdleClientTimeout", "00:20:00"}}));
    const std::string* in_a = a.find("ClientServicesIdleClientTimeout");
    REQUIRE(in_a);
    CHECK(*in_a == "00:20:00");
    CHECK(in_a == b.find("ClientServicesIdleClientTimeout"));
  }
}

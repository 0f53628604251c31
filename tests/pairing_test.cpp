#include <algorithm>
#include <doctest/doctest.h>

#include "fixtures.hpp"
#include "resolve/pairing.hpp"

using namespace sessiontool;
using namespace sessiontool::test;

TEST_SUITE("pairing") {
  TEST_CASE("a web instance pairs with the server of the same instance name, case-insensitively") {
    std::vector<Document> docs;
    docs.push_back(server("a/CustomSettings.config", {{"ServerInstance", "BC230"}}));
    docs.push_back(server("b/CustomSettings.config", {{"ServerInstance", "BC220"}}));
    docs.push_back(web("w/navsettings.json", {{"ServerInstance", "bc220"}}));
    auto pairs = pair_instances(docs);
    REQUIRE(pairs.size() == 2);
    CHECK(pairs[0].server == &docs[0]);
    CHECK(pairs[0].web == nullptr);
    CHECK(pairs[1].server == &docs[1]);
    CHECK(pairs[1].web == &docs[2]);
  }

  TEST_CASE("ports must match where both files give one") {
    std::vector<Document> docs;
    docs.push_back(server("a/CustomSettings.config", {{"ServerInstance", "BC"}, {"ClientServicesPort", "7085"}}));
    docs.push_back(server("b/CustomSettings.config", {{"ServerInstance", "BC"}, {"ClientServicesPort", "7185"}}));
    docs.push_back(web("w/navsettings.json", {{"ServerInstance", "BC"}, {"ClientServicesPort", "7185"}}));
    auto pairs = pair_instances(docs);
    REQUIRE(pairs.size() == 2);
    CHECK(pairs[1].server == &docs[1]);
    CHECK(pairs[1].web == &docs[2]);
  }

  TEST_CASE("the server in the nearest directory wins") {
    std::vector<Document> docs;
    docs.push_back(server("fleet/cust1/Service/CustomSettings.config", {{"ServerInstance", "BC"}}));
    docs.push_back(server("fleet/cust2/Service/CustomSettings.config", {{"ServerInstance", "BC"}}));
    docs.push_back(web("fleet/cust2/Web/navsettings.json", {{"ServerInstance", "BC"}}));
    auto pairs = pair_instances(docs);
    REQUIRE(pairs.size() == 2);
    CHECK(pairs[0].server == &docs[0]);
    CHECK(pairs[0].web == nullptr);
    CHECK(pairs[1].server == &docs[1]);
    CHECK(pairs[1].web == &docs[2]);
    CHECK(pairs[1].ambiguous_servers.empty());
  }

  TEST_CASE("equally near servers are ambiguous and none is chosen") {
    std::vector<Document> docs;
    docs.push_back(server("x/a/CustomSettings.config", {{"ServerInstance", "BC"}}));
    docs.push_back(server("x/b/CustomSettings.config", {{"ServerInstance", "BC"}}));
    docs.push_back(web("x/c/navsettings.json", {{"ServerInstance", "BC"}}));
    auto pairs = pair_instances(docs);
    const auto it = std::ranges::find_if(pairs, [&](const Deployment& p) { return p.web == &docs[2]; });
    REQUIRE(it != pairs.end());
    CHECK(it->server == nullptr);
    CHECK(it->ambiguous_servers.size() == 2);
  }

  TEST_CASE("a web instance with no matching server is unmatched") {
    std::vector<Document> docs;
    docs.push_back(server("a/CustomSettings.config", {{"ServerInstance", "BC230"}}));
    docs.push_back(web("w/navsettings.json", {{"ServerInstance", "NAV"}}));
    auto pairs = pair_instances(docs);
    REQUIRE(pairs.size() == 2);
    CHECK(pairs[1].web_unmatched);
    CHECK(pairs[1].server == nullptr);
  }

  TEST_CASE("one server used by two web instances forms two pairs") {
    std::vector<Document> docs;
    docs.push_back(server("s/CustomSettings.config", {{"ServerInstance", "BC"}}));
    docs.push_back(web("w1/navsettings.json", {{"ServerInstance", "BC"}}));
    docs.push_back(web("w2/navsettings.json", {{"ServerInstance", "BC"}}));
    auto pairs = pair_instances(docs);
    REQUIRE(pairs.size() == 2);
    CHECK(pairs[0].server == &docs[0]);
    CHECK(pairs[1].server == &docs[0]);
  }
  TEST_CASE("a fleet whose instances all have one name: each web instance finds its own server") {
    std::vector<Document> docs;
    for (int i = 0; i < 30; ++i) {
      const std::string dir = "fleet/cust" + std::to_string(i);
      docs.push_back(server(dir + "/Service/CustomSettings.config", {{"ServerInstance", "BC"}}));
      docs.push_back(web(dir + "/Web/navsettings.json", {{"ServerInstance", "BC"}}));
    }
    docs.push_back(web("fleet/Web/navsettings.json", {{"ServerInstance", "BC"}}));  // as near to all of them
    const auto pairs = pair_instances(docs);
    REQUIRE(pairs.size() == 31);
    for (int i = 0; i < 30; ++i) {
      CHECK(pairs[i].server == &docs[2 * i]);
      CHECK(pairs[i].web == &docs[2 * i + 1]);
    }
    CHECK(pairs[30].server == nullptr);
    REQUIRE(pairs[30].ambiguous_servers.size() == 30);
    for (int i = 0; i < 30; ++i) CHECK(pairs[30].ambiguous_servers[i] == &docs[2 * i]);  // in document order
  }

  TEST_CASE("hundreds of instance names, spelt in another case by their web instances, each find their own") {
    std::vector<Document> docs;
    constexpr int kCount = 700;  // the name table grows several times
    for (int i = 0; i < kCount; ++i)
      docs.push_back(server("s" + std::to_string(i) + "/CustomSettings.config",
                            {{"ServerInstance", "Inst" + std::to_string(i)}, {"ClientServicesPort", std::to_string(7000 + i % 5)}}));
    for (int i = kCount; i-- > 0;)  // the other way round
      docs.push_back(web("w" + std::to_string(i) + "/navsettings.json",
                         {{"ServerInstance", "INST" + std::to_string(i)}, {"ClientServicesPort", std::to_string(7000 + i % 5)}}));
    const auto pairs = pair_instances(docs);
    REQUIRE(pairs.size() == kCount);
    for (const Deployment& pair : pairs) {
      REQUIRE(pair.server != nullptr);
      REQUIRE(pair.web != nullptr);
      const std::string n = pair.server->path.parent_path().string().substr(1);
      CHECK(pair.web->path.parent_path().string() == "w" + n);
    }
  }

  TEST_CASE("an empty instance name, the first one seen, is a name like any other") {
    std::vector<Document> docs;
    docs.push_back(server("a/CustomSettings.config", {{"ServerInstance", ""}}));
    docs.push_back(server("b/CustomSettings.config", {{"ServerInstance", "BC"}}));
    docs.push_back(web("a/navsettings.json", {{"ServerInstance", ""}}));
    const auto pairs = pair_instances(docs);
    REQUIRE(pairs.size() == 2);
    CHECK(pairs[0].server == &docs[0]);
    CHECK(pairs[0].web == &docs[2]);
    CHECK(pairs[1].server == &docs[1]);
    CHECK(pairs[1].web == nullptr);
  }
}

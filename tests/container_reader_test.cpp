#include <doctest/doctest.h>

#include "read/containers.hpp"
#include "read/reader.hpp"

using namespace sessiontool;

namespace {

ContainerFile read(std::string text, ContainerSource source) {
  ContainerRead result = read_containers("c.json", std::move(text), source);
  REQUIRE(result.file);
  return std::move(*result.file);
}

}  // namespace

TEST_SUITE("container_reader") {
  TEST_CASE("each JSON kind by its content") {
    CHECK(json_content(R"({"NAVWebSettings": {}})") == JsonContent::navsettings);
    CHECK(json_content(R"({"navwebsettings": {"SessionTimeout": "00:20:00"}})") == JsonContent::navsettings);
    CHECK(json_content(R"({"NAVWebSettings:SessionTimeout": "00:20:00"})") == JsonContent::navsettings);
    CHECK(json_content(R"({"SessionTimeout": "00:20:00"})") == JsonContent::navsettings);
    CHECK(json_content(R"([{"Id": "abc", "Config": {}}])") == JsonContent::docker_inspect);
    CHECK(json_content(R"({"name": "x", "services": {}})") == JsonContent::compose);
    CHECK(json_content(R"({"name": "my-tool", "version": "1.0.0"})") == JsonContent::other);
    CHECK(json_content("{}") == JsonContent::other);
    CHECK(json_content("[1, 2]") == JsonContent::other);
    CHECK(json_content("[{\"Id\": ") == JsonContent::malformed_array);
    CHECK(json_content("{\"a\": ") == JsonContent::malformed);
  }

  TEST_CASE("explicit JSON of another kind is refused as no configuration file, at its first character") {
    const ReadResult result = parse_document("package.json", "\n  {\"name\": \"my-tool\"}\n");
    REQUIRE(result.error);
    CHECK(result.error->kind == ReadErrorKind::unrecognized);
    CHECK(result.error->pos == Position{2, 3});
    CHECK(result.error->message.starts_with("not a configuration file"));
  }

  TEST_CASE("a file named navsettings.json is read as one whatever it holds (an empty object: defaults)") {
    const ReadResult result = parse_document("navsettings.json", "{}");
    REQUIRE(result.document);
    CHECK(result.document->kind == FileKind::web);
  }

  TEST_CASE("docker inspect: name without '/', image, labels, variables with their place in the file") {
    const ContainerFile file = read(
        "[\n  {\"Id\": \"abc\", \"Name\": \"/bc1\",\n   \"Config\": {\"Image\": \"bc:23\",\n"
        "     \"Env\": [\"customNavSettings=A=\\u00e91,B=2\", \"PATH\"],\n     \"Labels\": {\"platform\": \"23.0.1.0\"}}}\n]\n",
        ContainerSource::docker_inspect);
    REQUIRE(file.containers.size() == 1);
    const Container& c = file.containers[0];
    CHECK(c.name == "bc1");
    CHECK(c.image == "bc:23");
    REQUIRE(c.label("platform"));
    CHECK(*c.label("platform") == "23.0.1.0");
    REQUIRE(c.env.size() == 1);  // "PATH" alone takes the host's value: unknown here
    const ContainerVariable& v = c.env[0];
    CHECK(v.name == "customNavSettings");
    CHECK(v.value == "A=\xC3\xA9" "1,B=2");
    CHECK(v.pos == Position{4, 15});
    // The value's bytes in the file: 'A' right after "customNavSettings=", "é" (two bytes) at the
    // escape's backslash, and '1' six bytes further on.
    REQUIRE(v.offsets.size() == v.value.size() + 1);
    CHECK(file.text.position(v.offsets[0]) == Position{4, 33});
    CHECK(file.text.position(v.offsets[2]) == Position{4, 35});
    CHECK(file.text.position(v.offsets[3]) == Position{4, 35});
    CHECK(file.text.position(v.offsets[4]) == Position{4, 41});
    CHECK(c.is_business_central());
  }

  TEST_CASE("compose: environment and labels as a map or a list: container_name before the service's") {
    const ContainerFile file = read(
        R"({"services": {"bc": {"container_name": "bc-1", "environment": {"artifactUrl": "u", "N": null, "P": 5}},
                         "sql": {"environment": ["ACCEPT_EULA=Y"], "labels": ["maintainer=Dynamics SMB"]}}})",
        ContainerSource::compose);
    REQUIRE(file.containers.size() == 2);
    CHECK(file.containers[0].name == "bc-1");
    REQUIRE(file.containers[0].env.size() == 2);  // null: unset
    CHECK(file.containers[0].env[1].value == "5");
    CHECK(file.containers[1].name == "sql");
    CHECK(file.containers[1].env[0].name == "ACCEPT_EULA");
    CHECK(file.containers[1].is_business_central());  // the maintainer label
  }

  TEST_CASE("env files: NAME=VALUE lines, CRLF, comments: the value as written") {
    CHECK(looks_like_env_file("A=1\r\n# c\r\n\r\nB_2=x=y\n"));
    CHECK_FALSE(looks_like_env_file("<appSettings/>"));
    CHECK_FALSE(looks_like_env_file("# only a comment\n"));
    CHECK_FALSE(looks_like_env_file("1A=x\n"));
    const ContainerFile file = read("accept_eula=Y\r\ncustomWebSettings=\"SessionTimeout=00:30:00\"\r\n", ContainerSource::env_file);
    REQUIRE(file.containers.size() == 1);
    const ContainerVariable* v = file.containers[0].variable("CUSTOMWEBSETTINGS");
    REQUIRE(v);
    CHECK(v->value == "\"SessionTimeout=00:30:00\"");  // docker's --env-file keeps quotes
    CHECK(file.text.position(v->offsets[0]) == Position{2, 19});
  }

  TEST_CASE("a description with no Business Central container is no configuration file") {
    const ContainerRead result =
        read_containers("x.json", R"([{"Id": "1", "Name": "/sql", "Config": {"Env": ["A=1"]}}])", ContainerSource::docker_inspect);
    REQUIRE(result.error);
    CHECK(result.error->kind == ReadErrorKind::unrecognized);
  }

  TEST_CASE("malformed docker inspect JSON is reported where it breaks") {
    const ReadResult result = parse_document("x.json", "[{\"Id\": \"1\",\n  \"Name\" \"/bc\"}]");
    REQUIRE(result.error);
    CHECK(result.error->kind == ReadErrorKind::malformed);
    CHECK(result.error->pos == Position{2, 10});
  }
}

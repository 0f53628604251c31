#pragma once
// Business Central containers described by `docker inspect CONTAINER...`, by
// `docker compose config --format json`, or by an env file (`KEY=VALUE` lines, docker's
// --env-file). Microsoft's nav-docker images take their settings from the environment variables
// customNavSettings and customWebSettings, which the image's start-up scripts write into the
// server's CustomSettings.config and the web client's navsettings.json (README "Containers").

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "read/document.hpp"
#include "text/source_text.hpp"

namespace sessiontool {

enum class ContainerSource { docker_inspect, compose, env_file };
const char* to_string(ContainerSource source);  // "docker-inspect", "compose", "env-file"

// One environment variable, its value decoded, with where each of the value's bytes is in the
// file (a JSON string's escapes take several bytes there).
struct ContainerVariable {
  std::string name;
  std::string value;
  std::vector<std::uint32_t> offsets;  // the file offset of each byte of `value`, and one past its end
  Position pos;                        // the variable's string (or line) in the file
};

struct Container {
  std::string name;   // the container's (docker inspect's Name without '/'), or the service's
  std::string image;
  std::vector<std::pair<std::string, std::string>> labels;
  std::vector<ContainerVariable> env;
  Position pos;  // where its description begins

  const std::string* label(std::string_view name) const;
  // The variable in force: Windows containers read names in any letter case; the last one wins.
  const ContainerVariable* variable(std::string_view name) const;
  // A nav-docker container: the image's maintainer label "Dynamics SMB" (as BcContainerHelper's
  // New-BcContainer checks it), or one of customNavSettings, customWebSettings, artifactUrl.
  bool is_business_central() const;
};

struct ContainerFile {
  std::filesystem::path path;
  ContainerSource source = ContainerSource::docker_inspect;
  SourceText text;
  std::vector<Container> containers;  // every one described, Business Central or not
};

// What a JSON text is, by its content: a navsettings.json (an object with NAVWebSettings in any
// letter case, or a known web key at its top level), `docker inspect` output (an array of objects
// with Id, Name or Config), `docker compose config` output (an object with "services"), or none.
// malformed: not JSON (an array root: malformed_array, which its container reader reports).
enum class JsonContent { navsettings, docker_inspect, compose, other, malformed, malformed_array };
JsonContent json_content(std::string_view text);

// Whether the text is an env file: every line blank, a '#' comment, or NAME=VALUE (NAME a
// variable name), and at least one NAME=VALUE.
bool looks_like_env_file(std::string_view text);

// Reads a file json_content called docker_inspect or compose, or an env file. A malformed one is
// a `malformed` error; one that describes no Business Central container is `unrecognized`.
struct ContainerRead {
  std::optional<ContainerFile> file;
  std::optional<ReadError> error;
};
ContainerRead read_containers(const std::filesystem::path& path, std::string bytes, ContainerSource source);

}  // namespace sessiontool

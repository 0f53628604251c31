#pragma once
// A Business Central container as a deployment: the settings its start-up scripts write from
// customNavSettings into CustomSettings.config and from customWebSettings into navsettings.json,
// over the platform's defaults, each pointing into the container description, and the findings
// that only a container has (ST401-ST404).

#include <string>
#include <string_view>
#include <vector>

#include "read/containers.hpp"
#include "lint/diagnostic.hpp"
#include "resolve/resolve.hpp"

namespace sessiontool {

// One part of a customNavSettings or customWebSettings value as nav-docker's Set-ConfigSetting
// takes it (generic/Run/HelperFunctions.ps1): the value is split on every ',', each part on every
// '=', and only the first two pieces are kept (key, value). Offsets are into the value.
struct ConfigPart {
  std::string key;
  std::string value;
  std::size_t key_begin = 0;
  std::size_t value_begin = 0;  // where the value starts (the part's end when it has no '=')
  std::size_t value_end = 0;    // where the kept value ends
  std::size_t part_end = 0;     // where the part ends (before its ',')
  std::size_t pieces = 1;       // how many pieces '=' split it into: over 2, the value was cut short
};
std::vector<ConfigPart> split_config_setting(std::string_view value);

struct ContainerDeployment {
  const ContainerFile* file = nullptr;
  const Container* container = nullptr;
  Document server;  // customNavSettings, as CustomSettings.config entries
  Document web;     // customWebSettings, as NAVWebSettings entries
  std::vector<Diagnostic> findings;  // ST401-ST404
};

// Every Business Central container of the file, in its order.
std::vector<ContainerDeployment> container_deployments(const ContainerFile& file);

// The deployment as show and lint see it: the pair resolved, named after the container.
Deployment resolve_container(const ContainerDeployment& container, const ResolveOptions& options);

// The major version in an artifact URL (".../sandbox/23.1.13431.13878/us"), or 0.
int artifact_url_major(std::string_view url);

}  // namespace sessiontool

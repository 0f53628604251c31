#pragma once
// Pairing of Business Central web instances with server instances (SPEC §4).

#include <cstddef>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "document.hpp"

namespace sessiontool {

struct InstancePair {
  const Document* server = nullptr;  // null: a web instance with no (single) server
  const Document* web = nullptr;     // null: a server instance no web instance uses
  bool web_unmatched = false;        // the web instance matches no server instance
  std::vector<const Document*> ambiguous_servers;  // equally near matches; none chosen
};

// Every server and web document appears in at least one pair. A server instance used by
// several web instances appears once per web instance. Pairs come in the order of their
// earliest document.
std::vector<InstancePair> pair_instances(const std::vector<Document>& documents);

// What pairing reads of a server or web file: the instance it is or talks to.
struct Endpoint {
  FileKind kind = FileKind::server;
  std::string instance;             // ServerInstance, or its default
  std::optional<std::string> port;  // ClientServicesPort, only when the file gives one
};
Endpoint endpoint_of(const Document& doc);
// The same from the values of the file's ServerInstance and ClientServicesPort (null: absent).
Endpoint endpoint_of(FileKind kind, const std::string* instance, const std::string* port);

// pair_instances over files known by number, for a caller that keeps only what pairing reads
// of each (lint over a fleet): endpoints[i] is file i's, nullopt for a file that takes no part
// (an F&O web.config); path_of(i) is asked only when servers compete for a web instance.
struct FilePair {
  std::optional<std::size_t> server;
  std::optional<std::size_t> web;
  bool web_unmatched = false;
  std::vector<std::size_t> ambiguous_servers;
  std::size_t first = 0;  // the earliest of its files: pairs come in this order
};
std::vector<FilePair> pair_files(const std::vector<std::optional<Endpoint>>& endpoints,
                                 const std::function<std::filesystem::path(std::size_t)>& path_of);

}  // namespace sessiontool

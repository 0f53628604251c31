#pragma once
// Pairing of Business Central web instances with server instances (SPEC §4).

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "read/document.hpp"
#include "resolve/resolve.hpp"

namespace sessiontool {

// The Business Central deployments of some documents, each naming its files (server: null for a
// web instance with no single server; web: null for a server instance no web instance uses;
// web_unmatched: the web instance matches no server instance; ambiguous_servers: equally near
// matches, none chosen), not yet resolved (resolve_pair). Every server and web document appears
// in at least one. A server instance used by several web instances appears once per web
// instance. They come in the order of their earliest document.
std::vector<Deployment> pair_instances(const std::vector<Document>& documents);

// What pairing reads of a server or web file, as numbers an EndpointNames gives: files that
// name the same instance (in any case) have the same `instance`, the same port text the same
// `port`.
struct Endpoint {
  FileKind kind = FileKind::server;
  std::uint32_t instance = 0;  // ServerInstance, or its default
  std::uint32_t port = 0;      // ClientServicesPort, 0 when the file gives none
};

// Numbers names, keeping each distinct one once: a fleet of thousands of servers named "BC"
// keeps one name.
class EndpointNames {
 public:
  EndpointNames();
  ~EndpointNames();
  EndpointNames(const EndpointNames&) = delete;
  EndpointNames& operator=(const EndpointNames&) = delete;

  Endpoint endpoint_of(const Document& doc);
  // The same from the values of the file's ServerInstance and ClientServicesPort (null: absent).
  Endpoint endpoint_of(FileKind kind, const std::string* instance, const std::string* port);

 private:
  struct Tables;
  std::unique_ptr<Tables> tables_;
};

// pair_instances over files known by number, for a caller that keeps only what pairing reads
// of each (lint over a fleet): endpoint_of(i) is file i's, nullopt for a file that takes no
// part (an F&O web.config); path_of(i) is asked only when servers compete for a web instance.
// A FilePair is a Deployment's files by number (the documents are made only when it is resolved).
struct FilePair {
  std::optional<std::uint32_t> server;
  std::optional<std::uint32_t> web;
  bool web_unmatched = false;
  std::uint32_t first = 0;  // the earliest of its files: pairs come in this order
  std::vector<std::uint32_t> ambiguous_servers;
};
std::vector<FilePair> pair_files(std::size_t count, const std::function<std::optional<Endpoint>(std::size_t)>& endpoint_of,
                                 const std::function<std::filesystem::path(std::size_t)>& path_of);

}  // namespace sessiontool

#pragma once
// Pairing of Business Central web instances with server instances (SPEC §4).

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

}  // namespace sessiontool

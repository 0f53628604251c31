#include "pairing.hpp"

#include <algorithm>
#include <optional>
#include <string>

#include "catalog.hpp"

namespace sessiontool {
namespace {

bool iequals(std::string_view a, std::string_view b) {
  return std::ranges::equal(a, b, [](unsigned char x, unsigned char y) {
    return std::tolower(x) == std::tolower(y);
  });
}

struct Endpoint {
  std::string instance;
  std::optional<std::string> port;  // only when the file gives one
};

Endpoint endpoint_of(const Document& doc) {
  Endpoint endpoint;
  const Entry* instance = doc.find_last(keys::kServerInstance);
  endpoint.instance = instance ? instance->value
                               : std::string(find_setting(keys::kServerInstance, doc.kind)->default_value);
  if (const Entry* port = doc.find_last(keys::kClientServicesPort)) endpoint.port = port->value;
  return endpoint;
}

bool matches(const Endpoint& web, const Endpoint& server) {
  if (!iequals(web.instance, server.instance)) return false;
  return !web.port || !server.port || *web.port == *server.port;
}

// How many leading path components two files' directories share: the nearer the directory,
// the likelier the server file belongs to that web instance.
std::size_t shared_components(const std::filesystem::path& a, const std::filesystem::path& b) {
  std::error_code ec;
  auto da = std::filesystem::absolute(a, ec).lexically_normal().parent_path();
  auto db = std::filesystem::absolute(b, ec).lexically_normal().parent_path();
  std::size_t count = 0;
  for (auto ia = da.begin(), ib = db.begin(); ia != da.end() && ib != db.end() && *ia == *ib; ++ia, ++ib)
    ++count;
  return count;
}

}  // namespace

std::vector<InstancePair> pair_instances(const std::vector<Document>& documents) {
  std::vector<const Document*> servers;
  for (const Document& doc : documents)
    if (doc.kind == FileKind::server) servers.push_back(&doc);

  std::vector<std::pair<std::size_t, InstancePair>> ordered;  // (earliest index, pair)
  std::vector<bool> server_used(documents.size(), false);
  auto index_of = [&](const Document* doc) { return static_cast<std::size_t>(doc - documents.data()); };

  for (const Document& web : documents) {
    if (web.kind != FileKind::web) continue;
    const Endpoint want = endpoint_of(web);
    std::vector<const Document*> nearest;
    std::size_t best = 0;
    for (const Document* server : servers) {
      if (!matches(want, endpoint_of(*server))) continue;
      const std::size_t shared = shared_components(web.path, server->path);
      if (nearest.empty() || shared > best) {
        nearest.assign(1, server);
        best = shared;
      } else if (shared == best) {
        nearest.push_back(server);
      }
    }
    InstancePair pair{.web = &web};
    if (nearest.empty()) {
      pair.web_unmatched = true;
    } else if (nearest.size() == 1) {
      pair.server = nearest.front();
    } else {
      pair.ambiguous_servers = nearest;
    }
    for (const Document* server : nearest) server_used[index_of(server)] = true;
    std::size_t first = index_of(&web);
    if (pair.server) first = std::min(first, index_of(pair.server));
    ordered.emplace_back(first, std::move(pair));
  }
  for (const Document* server : servers)
    if (!server_used[index_of(server)]) ordered.emplace_back(index_of(server), InstancePair{.server = server});

  std::ranges::stable_sort(ordered, {}, &std::pair<std::size_t, InstancePair>::first);
  std::vector<InstancePair> pairs;
  pairs.reserve(ordered.size());
  for (auto& [index, pair] : ordered) pairs.push_back(std::move(pair));
  return pairs;
}

}  // namespace sessiontool

#include "pairing.hpp"

#include <algorithm>
#include <optional>
#include <string>
#include <unordered_map>

#include "catalog.hpp"

namespace sessiontool {
namespace {

char folded_char(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

std::string folded(std::string_view text) {
  std::string out(text);
  for (char& c : out) c = folded_char(c);
  return out;
}

// Case-insensitive (ASCII) hashing and equality, for instance names.
struct FoldedHash {
  std::size_t operator()(std::string_view text) const {
    std::size_t hash = 14695981039346656037ull;  // FNV-1a over the folded bytes
    for (char c : text) hash = (hash ^ static_cast<unsigned char>(folded_char(c))) * 1099511628211ull;
    return hash;
  }
};
struct FoldedEqual {
  bool operator()(std::string_view a, std::string_view b) const {
    return std::ranges::equal(a, b, {}, folded_char, folded_char);
  }
};

bool ports_match(const Endpoint& web, const Endpoint& server) {
  return !web.port || !server.port || *web.port == *server.port;
}

// A file's directory as absolute path components, to measure how near two files are: the more
// leading components two directories share, the likelier the server belongs to that web instance.
using Place = std::vector<std::filesystem::path>;

Place place_of(const std::filesystem::path& path) {
  std::error_code ec;
  Place place;
  for (const auto& component : std::filesystem::absolute(path, ec).lexically_normal().parent_path())
    place.push_back(component);
  return place;
}

std::size_t shared_components(const Place& a, const Place& b) {
  const auto [ia, ib] = std::ranges::mismatch(a, b);
  return static_cast<std::size_t>(ia - a.begin());
}

// The servers of one instance name (and port) nearest to a web instance. A whole fleet may
// name every instance "BC"; sorted by place, the nearest servers sit next to where the web
// instance's place would go, so a web instance costs a binary search, not a pass over them all.
class NearestServers {
 public:
  explicit NearestServers(const std::function<std::filesystem::path(std::size_t)>& path_of) : path_of_(path_of) {}

  // `candidates` (in document order) are the servers matching the web instance's endpoint, which
  // `endpoint_key` names; the answer is in document order too.
  std::vector<std::size_t> find(std::size_t web, const std::string& endpoint_key,
                                const std::vector<std::size_t>& candidates) {
    auto [cached, added] = sorted_.try_emplace(endpoint_key);
    std::vector<std::size_t>& sorted = cached->second;
    if (added) {
      sorted = candidates;
      std::ranges::stable_sort(sorted, [&](std::size_t a, std::size_t b) { return place(a) < place(b); });
    }
    const Place& here = place(web);
    const auto at = std::ranges::lower_bound(sorted, here, {}, [&](std::size_t s) -> const Place& { return place(s); });
    const auto pos = static_cast<std::size_t>(at - sorted.begin());
    // Shared components rise towards `pos` and fall after it: the nearest servers are around it.
    std::size_t best = 0;
    if (pos > 0) best = shared_components(here, place(sorted[pos - 1]));
    if (pos < sorted.size()) best = std::max(best, shared_components(here, place(sorted[pos])));
    std::size_t first = pos, last = pos;
    while (first > 0 && shared_components(here, place(sorted[first - 1])) == best) --first;
    while (last < sorted.size() && shared_components(here, place(sorted[last])) == best) ++last;
    std::vector<std::size_t> nearest(sorted.begin() + static_cast<std::ptrdiff_t>(first),
                                     sorted.begin() + static_cast<std::ptrdiff_t>(last));
    std::ranges::sort(nearest);
    return nearest;
  }

 private:
  const Place& place(std::size_t index) {
    auto [it, added] = places_.try_emplace(index);
    if (added) it->second = place_of(path_of_(index));
    return it->second;
  }

  const std::function<std::filesystem::path(std::size_t)>& path_of_;
  std::unordered_map<std::size_t, Place> places_;  // only for documents with rivals
  std::unordered_map<std::string, std::vector<std::size_t>> sorted_;  // candidates by place, per endpoint
};

}  // namespace

Endpoint endpoint_of(FileKind kind, const std::string* instance, const std::string* port) {
  Endpoint endpoint{.kind = kind};
  endpoint.instance = instance ? *instance : std::string(find_setting(keys::kServerInstance, kind)->default_value);
  if (port) endpoint.port = *port;
  return endpoint;
}

Endpoint endpoint_of(const Document& doc) {
  const Entry* instance = doc.find_last(keys::kServerInstance);
  const Entry* port = doc.find_last(keys::kClientServicesPort);
  return endpoint_of(doc.kind, instance ? &instance->value : nullptr, port ? &port->value : nullptr);
}

std::vector<FilePair> pair_files(const std::vector<std::optional<Endpoint>>& endpoints,
                                 const std::function<std::filesystem::path(std::size_t)>& path_of) {
  // Servers by instance name (names match case-insensitively), in file order; the map's keys are
  // the endpoints' own text, not folded copies.
  std::unordered_map<std::string_view, std::vector<std::size_t>, FoldedHash, FoldedEqual> servers_named;
  std::vector<std::size_t> servers;
  for (std::size_t i = 0; i < endpoints.size(); ++i) {
    if (!endpoints[i] || endpoints[i]->kind != FileKind::server) continue;
    servers.push_back(i);
    servers_named[endpoints[i]->instance].push_back(i);
  }

  std::vector<FilePair> pairs;
  std::vector<bool> server_used(endpoints.size(), false);
  NearestServers nearest_servers(path_of);
  std::vector<std::size_t> candidates;
  for (std::size_t w = 0; w < endpoints.size(); ++w) {
    if (!endpoints[w] || endpoints[w]->kind != FileKind::web) continue;
    const Endpoint& want = *endpoints[w];
    candidates.clear();
    if (const auto named = servers_named.find(want.instance); named != servers_named.end())
      for (std::size_t s : named->second)
        if (ports_match(want, *endpoints[s])) candidates.push_back(s);
    const std::vector<std::size_t> nearest =
        candidates.size() <= 1
            ? candidates
            : nearest_servers.find(w, folded(want.instance) + (want.port ? "\n" + *want.port : ""), candidates);

    FilePair pair{.web = w, .first = w};
    if (nearest.empty()) {
      pair.web_unmatched = true;
    } else if (nearest.size() == 1) {
      pair.server = nearest.front();
      pair.first = std::min(w, *pair.server);
    } else {
      pair.ambiguous_servers = nearest;
    }
    for (std::size_t s : nearest) server_used[s] = true;
    pairs.push_back(std::move(pair));
  }
  for (std::size_t s : servers)
    if (!server_used[s]) pairs.push_back(FilePair{.server = s, .first = s});
  std::ranges::stable_sort(pairs, {}, &FilePair::first);
  return pairs;
}

std::vector<InstancePair> pair_instances(const std::vector<Document>& documents) {
  std::vector<std::optional<Endpoint>> endpoints(documents.size());
  for (std::size_t i = 0; i < documents.size(); ++i)
    if (documents[i].kind != FileKind::aos) endpoints[i] = endpoint_of(documents[i]);
  const auto path_of = [&](std::size_t i) { return documents[i].path; };
  std::vector<InstancePair> pairs;
  for (const FilePair& pair : pair_files(endpoints, path_of)) {
    InstancePair instance_pair{.web_unmatched = pair.web_unmatched};
    if (pair.server) instance_pair.server = &documents[*pair.server];
    if (pair.web) instance_pair.web = &documents[*pair.web];
    for (std::size_t s : pair.ambiguous_servers) instance_pair.ambiguous_servers.push_back(&documents[s]);
    pairs.push_back(std::move(instance_pair));
  }
  return pairs;
}

}  // namespace sessiontool

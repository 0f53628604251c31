#include "resolve/pairing.hpp"

#include <algorithm>
#include <optional>
#include <string>
#include <unordered_map>

#include "read/catalog.hpp"
#include "text/ascii_case.hpp"
#include "text/path_text.hpp"

namespace sessiontool {
namespace {

// Case-insensitive (ASCII) hashing and equality, for instance names.
struct FoldedHash {
  using is_transparent = void;
  std::size_t operator()(std::string_view text) const { return folded_hash(text); }
};
struct FoldedEqual {
  using is_transparent = void;
  bool operator()(std::string_view a, std::string_view b) const { return equals_ignoring_case(a, b); }
};
struct ExactHash {
  using is_transparent = void;
  std::size_t operator()(std::string_view text) const { return std::hash<std::string_view>{}(text); }
};

// Numbers for texts, 1 for the first distinct one.
template <typename Hash, typename Equal>
using Numbering = std::unordered_map<std::string, std::uint32_t, Hash, Equal>;

template <typename Hash, typename Equal>
std::uint32_t number_of(Numbering<Hash, Equal>& numbers, std::string_view text) {
  auto it = numbers.find(text);
  if (it == numbers.end()) it = numbers.emplace(text, static_cast<std::uint32_t>(numbers.size() + 1)).first;
  return it->second;
}

// Ports as EndpointNames numbers them; 0: the file gives none, which matches any.
bool ports_match(std::uint32_t web, std::uint32_t server) { return web == 0 || server == 0 || web == server; }

// How near two directories are: the leading components they share. The more, the likelier the
// server belongs to that web instance.
std::size_t shared_components(PathText a, PathText b) {
  const std::filesystem::path pa(a), pb(b);
  const auto [ia, ib] = std::mismatch(pa.begin(), pa.end(), pb.begin(), pb.end());
  return static_cast<std::size_t>(std::distance(pa.begin(), ia));
}

// The servers of one instance name (and port) nearest to a web instance. A whole fleet may
// name every instance "BC"; sorted by place, the nearest servers sit next to where the web
// instance's place would go, so a web instance costs a binary search, not a pass over them all.
class NearestServers {
 public:
  explicit NearestServers(const std::function<std::filesystem::path(std::size_t)>& path_of) : path_of_(path_of) {}

  // The servers matching an endpoint sorted by place, when more than one does (and a web
  // instance with that endpoint came before), else null.
  const std::vector<std::size_t>* rivals(const Endpoint& want) const {
    const auto it = sorted_.find(key(want));
    return it == sorted_.end() ? nullptr : &it->second;
  }
  // Remembers the servers (in document order) matching an endpoint, sorted by place.
  const std::vector<std::size_t>& add_rivals(const Endpoint& want, const std::vector<std::size_t>& candidates) {
    std::vector<std::size_t>& sorted = sorted_[key(want)];
    sorted = candidates;
    std::ranges::stable_sort(sorted, components_before, [&](std::size_t s) { return place(s); });
    return sorted;
  }

  // The rivals nearest to a web instance, in document order.
  std::vector<std::size_t> find(std::size_t web, const std::vector<std::size_t>& sorted) {
    const PathText here = place(web);
    const auto at = std::ranges::lower_bound(sorted, here, components_before, [&](std::size_t s) { return place(s); });
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
  // A file's directory as an absolute path, so that two spellings of one directory are one place.
  PathText place(std::size_t index) {
    auto [it, added] = places_.try_emplace(index);
    if (added) {
      std::error_code ec;
      it->second = std::filesystem::absolute(path_of_(index), ec).lexically_normal().parent_path().native();
    }
    return it->second;
  }

  static std::uint64_t key(const Endpoint& want) { return std::uint64_t{want.instance} << 32 | want.port; }

  const std::function<std::filesystem::path(std::size_t)>& path_of_;
  // Only for documents with rivals; a map's elements stay where they are as it grows.
  std::unordered_map<std::size_t, std::filesystem::path::string_type> places_;
  std::unordered_map<std::uint64_t, std::vector<std::size_t>> sorted_;  // candidates by place, per endpoint
};

}  // namespace

struct EndpointNames::Tables {
  Numbering<FoldedHash, FoldedEqual> instances;  // names match case-insensitively
  Numbering<ExactHash, std::equal_to<>> ports;
};

EndpointNames::EndpointNames() : tables_(std::make_unique<Tables>()) {}
EndpointNames::~EndpointNames() = default;

Endpoint EndpointNames::endpoint_of(FileKind kind, const std::string* instance, const std::string* port) {
  const std::string_view name =
      instance ? std::string_view(*instance) : find_setting(keys::kServerInstance, kind)->default_value;
  return Endpoint{.kind = kind,
                  .instance = number_of(tables_->instances, name),
                  .port = port ? number_of(tables_->ports, *port) : 0};
}

Endpoint EndpointNames::endpoint_of(const Document& doc) {
  const Entry* instance = doc.in_force(keys::kServerInstance);
  const Entry* port = doc.in_force(keys::kClientServicesPort);
  return endpoint_of(doc.kind, instance ? &instance->value : nullptr, port ? &port->value : nullptr);
}

std::vector<FilePair> pair_files(std::size_t count, const std::function<std::optional<Endpoint>(std::size_t)>& endpoint_of,
                                 const std::function<std::filesystem::path(std::size_t)>& path_of) {
  // The servers by instance name, then in file order: one name's servers side by side.
  struct Server {
    std::uint32_t instance, port, file;
  };
  std::vector<Server> servers;
  std::size_t webs = 0;
  for (std::size_t i = 0; i < count; ++i) {
    const std::optional<Endpoint> endpoint = endpoint_of(i);
    if (endpoint && endpoint->kind == FileKind::server)
      servers.push_back({endpoint->instance, endpoint->port, static_cast<std::uint32_t>(i)});
    webs += endpoint && endpoint->kind == FileKind::web;
  }
  std::ranges::sort(servers, {}, [](const Server& s) { return std::pair(s.instance, s.file); });

  std::vector<FilePair> pairs;
  pairs.reserve(webs + servers.size());
  std::vector<bool> server_used(count, false);
  NearestServers nearest_servers(path_of);
  std::vector<std::size_t> candidates;
  for (std::size_t w = 0; w < count; ++w) {
    const std::optional<Endpoint> want = endpoint_of(w);
    if (!want || want->kind != FileKind::web) continue;
    const std::vector<std::size_t>* rivals = nearest_servers.rivals(*want);  // known from another web instance
    if (!rivals) {
      candidates.clear();
      const auto named = std::ranges::equal_range(servers, want->instance, {}, &Server::instance);
      for (const Server& s : named)
        if (ports_match(want->port, s.port)) candidates.push_back(s.file);
      if (candidates.size() > 1) rivals = &nearest_servers.add_rivals(*want, candidates);
    }
    const std::vector<std::size_t> nearest = rivals ? nearest_servers.find(w, *rivals) : candidates;

    FilePair pair{.web = static_cast<std::uint32_t>(w), .first = static_cast<std::uint32_t>(w)};
    if (nearest.empty()) {
      pair.web_unmatched = true;
    } else if (nearest.size() == 1) {
      pair.server = static_cast<std::uint32_t>(nearest.front());
      pair.first = std::min(*pair.web, *pair.server);
    } else {
      pair.ambiguous_servers.assign(nearest.begin(), nearest.end());
    }
    for (std::size_t s : nearest) server_used[s] = true;
    pairs.push_back(std::move(pair));
  }
  for (const Server& s : servers)
    if (!server_used[s.file]) pairs.push_back(FilePair{.server = s.file, .first = s.file});
  // By first file; pairs that share a server (their first) by web instance, as they were made.
  // No two have the same key, so sorting in place keeps that order without a stable sort's copy.
  std::ranges::sort(pairs, {}, [](const FilePair& p) { return std::pair(p.first, p.web.value_or(UINT32_MAX)); });
  return pairs;
}

std::vector<Deployment> pair_instances(const std::vector<Document>& documents) {
  EndpointNames names;
  std::vector<std::optional<Endpoint>> endpoints(documents.size());
  for (std::size_t i = 0; i < documents.size(); ++i)
    if (documents[i].kind != FileKind::aos) endpoints[i] = names.endpoint_of(documents[i]);
  const auto path_of = [&](std::size_t i) { return documents[i].path; };
  std::vector<Deployment> pairs;
  for (const FilePair& pair : pair_files(documents.size(), [&](std::size_t i) { return endpoints[i]; }, path_of)) {
    Deployment& files = pairs.emplace_back(Deployment{.web_unmatched = pair.web_unmatched});
    if (pair.server) files.server = &documents[*pair.server];
    if (pair.web) files.web = &documents[*pair.web];
    for (std::uint32_t s : pair.ambiguous_servers) files.ambiguous_servers.push_back(&documents[s]);
  }
  return pairs;
}

}  // namespace sessiontool

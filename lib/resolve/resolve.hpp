#pragma once
// Resolution: from documents to deployments with effective timeouts. Every setting keeps
// where its value came from.

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "read/catalog.hpp"
#include "read/document.hpp"
#include "text/duration.hpp"

namespace sessiontool {

enum class Origin { default_value, file, system_parameter, assumed };
const char* to_string(Origin origin);  // "default", "file", "system-parameter", "assumed"

enum class Product { business_central, finance_operations };
const char* to_string(Product product);  // "business-central", "finance-operations"
const char* product_title(Product product);  // "Business Central", "Finance & Operations"

// One setting as it applies to a deployment.
struct Setting {
  const SettingInfo* info = nullptr;
  std::string value;  // the text in force (native form)
  Interpretation interpretation;
  Origin origin = Origin::default_value;
  const Document* document = nullptr;  // origin file (also for a value taken out by `removed`)
  const Entry* entry = nullptr;        // origin entry (the last one when duplicated)
  // The file's <remove> or <clear/> that took the key out: the default applies (origin default).
  const Removal* removed = nullptr;
  // The duration in force for resolution: the value's, or the catalog default when the
  // value is not valid (lint reports it) or the key does not exist on the platform.
  std::optional<Duration> effective;
  // The key does not exist on the --platform given: whatever the file says is ignored.
  bool ignored_on_platform = false;
};

struct InactivityTimeout {
  Duration value;                     // unbounded when nothing closes idle sessions
  std::vector<std::string> bound_by;  // setting key(s) reaching the minimum
};

struct ReconnectWindow {
  Duration total;               // on platform 20 and earlier (the seed's model)
  Duration initial_inactivity;  // 2 x keep-alive interval: connection lost -> channel faulted
  Duration reconnect_period;    // channel faulted (session orphaned) -> session closed
  bool removed_on_platform = false;  // platform 21+: the session ends with its connection
  // Nothing tells the platform: `total` holds on 20 and earlier, none on 21 and later.
  bool depends_on_platform = false;
};

struct WarningLead {
  Duration lead;                 // countdown length before the session closes
  Duration countdown_starts_at;  // timeout - lead
};

struct Container;
struct ContainerFile;

// A deployment: the files it is made of (pairing names a Business Central deployment's, as
// pair_instances over documents, or pair_files by index over a fleet's), and what they resolve to.
struct Deployment {
  Product product = Product::business_central;
  std::string name;
  const Document* server = nullptr;
  const Document* web = nullptr;
  const Document* aos = nullptr;
  std::vector<Setting> settings;  // catalog order, only the keys of this deployment's kinds
  BcPlatform platform;            // Business Central: stated, or what the files tell

  InactivityTimeout inactivity;
  std::optional<ReconnectWindow> reconnect;  // Business Central only
  std::optional<WarningLead> warning;        // Finance & Operations only

  // Pairing facts (Business Central): a web instance that matched no server instance, or
  // several equally near ones (listed; none is chosen).
  bool web_unmatched = false;
  std::vector<const Document*> ambiguous_servers;

  // A Business Central container (containers.hpp): its settings come from its variables, and
  // `server` and `web` point into its description.
  const Container* container = nullptr;
  const ContainerFile* container_file = nullptr;

  std::vector<const Document*> files() const;
  const Setting* find(std::string_view key) const;
};

struct ResolveOptions {
  // The BC major version stated by the user (else the files' evidence decides), and how.
  std::optional<int> platform;
  BcPlatform::Source platform_source = BcPlatform::Source::option;
  std::string platform_stated_by = "--platform";
  std::optional<Duration> fo_inactivity_timeout;  // F&O system parameter
  // What-if values: key -> native text. Change no file.
  std::vector<std::pair<std::string, std::string>> assume;
};

// Pairs web instances with server instances (SPEC §4) and resolves every deployment.
// Deployments come in the order of their first file in `documents`.
std::vector<Deployment> resolve(const std::vector<Document>& documents, const ResolveOptions& options);

// One deployment: a Business Central server and web instance as paired (`files` names them:
// server, web, web_unmatched and ambiguous_servers as pair_instances gives them; resolution
// fills in the rest), or an F&O AOS. resolve() makes every deployment of its documents with these.
Deployment resolve_pair(Deployment files, const ResolveOptions& options);
Deployment resolve_aos(const Document& aos, const ResolveOptions& options);

// The platform a BC deployment runs: stated in the options, else what its files tell (an install
// folder before a key's lower bound; the server's evidence before the web instance's).
BcPlatform platform_for(const ResolveOptions& options, const Document* server, const Document* web);

// The F&O countdown before an inactive session closes (the seed's boundaries).
WarningLead warning_lead_for(Duration timeout);

}  // namespace sessiontool

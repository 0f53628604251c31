// What nav-docker's start-up scripts make of customNavSettings and customWebSettings
// (microsoft/nav-docker):
// - generic/Run/HelperFunctions.ps1, Set-ConfigSetting: `$customSettings -split ","`, then each
//   `-split "="`, key = [0], value = [1]: a ',' or '=' inside a value silently cuts it. The key is
//   looked up with the XPath `//appSettings/add[@key='KEY']`, which compares exactly: a key in
//   another letter case is appended as a second <add>, which appSettings then reads last.
// - generic/Run/SetupConfiguration.ps1: `if ($customNavSettings -ne "") { Set-ConfigSetting ... }`.
// - generic/Run/*/SetupWebClient.ps1: the same split for customWebSettings, set as
//   `$config.NAVWebSettings.$key` (PowerShell's member names match in any letter case).
// - generic/Run/navstart.ps1: `$restartingInstance = Test-Path $publicDnsNameFile`; a restart
//   skips the set-up, so the variables apply at the container's first start only.

#include "lint/container_settings.hpp"

#include <algorithm>
#include <charconv>

#include <fmt/format.h>

#include "text/ascii_case.hpp"
#include "read/catalog.hpp"
#include "lint/rules.hpp"

namespace sessiontool {
namespace {

constexpr std::string_view kNavVariable = "customNavSettings";
constexpr std::string_view kWebVariable = "customWebSettings";

int leading_major(std::string_view text) {
  int major = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), major);
  if (ec != std::errc{} || end == text.data() + text.size() || *end != '.') return 0;
  return major;
}

BcPlatform container_platform(const Container& c) {
  BcPlatform platform;
  int major = 0;
  std::string evidence;
  if (const std::string* label = c.label("platform"); label && (major = leading_major(*label))) {
    evidence = fmt::format("image label platform={}", *label);
  } else if (const ContainerVariable* url = c.variable("artifactUrl"); url && (major = artifact_url_major(url->value))) {
    evidence = fmt::format("artifactUrl {}", url->value);
  } else if (const std::string* version = c.label("version"); version && (major = leading_major(*version))) {
    evidence = fmt::format("image label version={}", *version);
  }
  if (major == 0) return platform;
  return BcPlatform{.major = major, .at_least = major, .source = BcPlatform::Source::container, .evidence = evidence};
}

class Builder {
 public:
  Builder(const ContainerFile& file, const Container& c, ContainerDeployment& out) : file_(file), c_(c), out_(out) {}

  // A byte of the value in the file (its end past the last; offsets are never empty).
  Position at(const ContainerVariable& v, std::size_t index) const {
    return file_.text.position(v.offsets[std::min(index, v.offsets.size() - 1)]);
  }

  void add(Document& doc, FileKind kind, std::string_view variable_name) {
    const ContainerVariable* v = c_.variable(variable_name);
    if (!v || v->value.empty()) return;
    const std::vector<ConfigPart> parts = split_config_setting(v->value);
    for (std::size_t i = 0; i < parts.size(); ++i) {
      const ConfigPart& part = parts[i];
      if (part.key.empty() && part.value.empty() && part.pieces == 1) continue;  // ",," or a trailing ','
      Entry entry{.key = part.key, .value = part.value};
      entry.key_pos = at(*v, part.key_begin);
      entry.value_pos = at(*v, part.value_begin);
      entry.value_end_pos = at(*v, part.value_end);
      entry.setting = find_setting(part.key, kind);
      const std::size_t index = doc.entries.size();
      doc.entries.push_back(std::move(entry));
      check_part(doc, kind, variable_name, *v, parts, i, index);
    }
  }

 private:
  void finding(std::string_view rule, Severity severity, const Document& doc, std::size_t entry, std::string message) {
    Diagnostic d = at_value(rule, severity, doc, doc.entries[entry], std::move(message));
    d.setting = doc.entries[entry].setting ? std::string(doc.entries[entry].setting->key) : doc.entries[entry].key;
    out_.findings.push_back(std::move(d));
  }

  void check_part(const Document& doc, FileKind kind, std::string_view variable, const ContainerVariable& v,
                  const std::vector<ConfigPart>& parts, std::size_t i, std::size_t entry_index) {
    const ConfigPart& part = parts[i];
    const Entry& entry = doc.entries[entry_index];
    const std::string_view whole = std::string_view(v.value).substr(part.key_begin, part.part_end - part.key_begin);
    if (part.pieces > 2) {
      finding("ST401", Severity::warning, doc, entry_index,
              fmt::format("{} in {} is cut at its second '=': the start-up script splits the value on every '=' and "
                          "keeps \"{}\" of \"{}\"; a value with '=' cannot be set through {}: set it in the "
                          "container's file after it starts",
                          part.key, variable, part.value, whole.substr(part.value_begin - part.key_begin), variable));
    } else if (part.pieces == 1 && i > 0) {
      const ConfigPart& before = parts[i - 1];
      finding("ST401", Severity::warning, doc, entry_index,
              fmt::format("\"{}\" in {} has no '=': the start-up script splits the value on every ',', so a ',' "
                          "inside {}'s value cut it to \"{}\" and made \"{}\" a key of its own (added with an empty "
                          "value); a value with ',' cannot be set through {}",
                          whole, variable, before.key, before.value, whole, variable));
    }
    // The same key earlier in this variable.
    for (std::size_t k = 0; k < entry_index; ++k) {
      const Entry& earlier = doc.entries[k];
      if (!equals_ignoring_case(earlier.key, entry.key)) continue;
      const bool second_entry = kind == FileKind::server && earlier.key != entry.key;
      finding("ST402", Severity::warning, doc, entry_index,
              fmt::format("{} is given twice in {} (also at column {}){}: \"{}\" is the value that applies; delete the "
                          "other",
                          entry.key, variable, earlier.key_pos.column,
                          second_entry ? fmt::format(" in another letter case, which the start-up script's exact "
                                                     "XPath match does not find, so CustomSettings.config gets a "
                                                     "second <add> for it ({} and {})",
                                                     earlier.key, entry.key)
                                       : "",
                          entry.value));
      break;
    }
    const FileKind other = kind == FileKind::server ? FileKind::web : FileKind::server;
    if (!entry.setting && find_setting(entry.key, other)) {
      const std::string_view right = kind == FileKind::server ? kWebVariable : kNavVariable;
      finding("ST403", Severity::warning, doc, entry_index,
              fmt::format("{} is a {} setting: in {} it is written into {}, where {} does not read it, so \"{}\" has "
                          "no effect; move it to {}",
                          entry.key, other == FileKind::web ? "web client (navsettings.json)" : "server (CustomSettings.config)",
                          variable, kind == FileKind::server ? "CustomSettings.config" : "navsettings.json",
                          kind == FileKind::server ? "the server" : "the web client", entry.value, right));
    }
  }

  const ContainerFile& file_;
  const Container& c_;
  ContainerDeployment& out_;
};

void first_start_finding(ContainerDeployment& d) {
  const Container& c = *d.container;
  const Document& doc = d.server.entries.empty() ? d.web : d.server;
  if (doc.entries.empty()) return;
  Diagnostic finding = at_value("ST404", Severity::info, doc, doc.entries.front(),
                                fmt::format("container {}: customNavSettings and customWebSettings are applied at the "
                                            "container's first start only (a restart skips the set-up); to change "
                                            "them, create the container again",
                                            c.name));
  d.findings.push_back(std::move(finding));
}

}  // namespace

std::vector<ConfigPart> split_config_setting(std::string_view value) {
  std::vector<ConfigPart> parts;
  std::size_t begin = 0;
  for (;;) {
    std::size_t end = value.find(',', begin);
    if (end == std::string_view::npos) end = value.size();
    const std::string_view part = value.substr(begin, end - begin);
    ConfigPart p{.key_begin = begin, .part_end = end};
    const std::size_t eq = part.find('=');
    p.key = std::string(part.substr(0, eq));
    if (eq == std::string_view::npos) {
      p.value_begin = p.value_end = end;
    } else {
      p.value_begin = begin + eq + 1;
      const std::size_t next = part.find('=', eq + 1);
      p.value_end = next == std::string_view::npos ? end : begin + next;
      p.value = std::string(value.substr(p.value_begin, p.value_end - p.value_begin));
      p.pieces = 2 + static_cast<std::size_t>(std::ranges::count(part.substr(eq + 1), '='));
    }
    parts.push_back(std::move(p));
    if (end == value.size()) break;
    begin = end + 1;
  }
  return parts;
}

int artifact_url_major(std::string_view url) {
  // The path's segments: .../{type}/{version}/{country}; the version is the one that starts N.N.
  for (std::size_t start = 0; start < url.size();) {
    std::size_t end = url.find_first_of("/?", start);
    if (end == std::string_view::npos) end = url.size();
    const std::string_view segment = url.substr(start, end - start);
    if (const int major = leading_major(segment); major > 0 && segment.find(':') == std::string_view::npos) return major;
    start = end + 1;
  }
  return 0;
}

std::vector<ContainerDeployment> container_deployments(const ContainerFile& file) {
  std::vector<ContainerDeployment> out;
  for (const Container& c : file.containers) {
    if (!c.is_business_central()) continue;
    ContainerDeployment& d = out.emplace_back();
    d.file = &file;
    d.container = &c;
    for (Document* doc : {&d.server, &d.web}) {
      doc->path = file.path;
      doc->format = FileFormat::xml;  // entries as appSettings: case-insensitive, the last one wins
      doc->platform = container_platform(c);
      doc->anchor = c.pos;
      doc->sections.push_back(Section{});
    }
    d.server.kind = FileKind::server;
    d.web.kind = FileKind::web;
    Builder build(file, c, d);
    build.add(d.server, FileKind::server, kNavVariable);
    build.add(d.web, FileKind::web, kWebVariable);
    first_start_finding(d);
  }
  return out;
}

Deployment resolve_container(const ContainerDeployment& container, const ResolveOptions& options) {
  Deployment d = resolve_pair(Deployment{.server = &container.server, .web = &container.web}, options);
  d.name = container.container->name;
  d.container = container.container;
  d.container_file = container.file;
  return d;
}

}  // namespace sessiontool

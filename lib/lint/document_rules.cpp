// Checks of one file at a time (duplicates, unknown keys, letter case, keys without effect, refusals,
// platform keys, encryption) and their rules' rows. Values are value_checks.cpp's.

#include <array>
#include <cstddef>
#include <functional>
#include <memory_resource>
#include <ranges>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include <fmt/format.h>

#include "text/ascii_case.hpp"
#include "read/catalog.hpp"
#include "lint/rules.hpp"
#include "text/suggest.hpp"

namespace sessiontool {
namespace {

// navsettings.json keeps help text in keys that start with "//"; they are not settings.
bool is_help_key(std::string_view key) { return key.starts_with("//"); }

const char* file_description(FileKind kind) {
  switch (kind) {
    case FileKind::server: return "a server CustomSettings.config";
    case FileKind::web: return "a web server navsettings.json or web.config";
    case FileKind::aos: return "an F&O web.config";
  }
  return "this file";
}

// How far a misspelling may be from the known key: one edit for short keys, two for longer
// ones. The nearest real BC key to a catalogued one (BackgroundSessionsDefaultWaitTimeout) is
// four edits away, so this stays quiet on genuine settings.
std::size_t typo_limit(std::string_view known) { return known.size() >= 10 ? 2 : 1; }

// What an unknown key is: a key of another kind of file (or the F&O system parameter), a
// misspelling of a known key of this kind, or none of these (no finding). A known key in another
// letter case is no unknown key: the product reads it (find_setting matches it).
struct Verdict {
  enum class What { nothing, elsewhere, misspelt } what = What::nothing;
  const SettingInfo* info = nullptr;
};

Verdict judge(std::string_view key, FileKind kind) {
  using enum Verdict::What;
  // In the wrong file a key is misplaced rather than misspelt.
  if (const SettingInfo* other = find_setting(key)) return {elsewhere, other};
  const auto same_kind = [kind](const SettingInfo& info) { return info.kind == kind && !info.system_parameter; };
  const std::string_view near = nearest_name(key, catalog() | std::views::filter(same_kind), typo_limit,
                                             &SettingInfo::key);
  if (!near.empty()) return {misspelt, find_setting(near, kind)};
  return {};
}

// The same unknown keys recur in every file of a fleet, so each thread remembers its verdicts (up
// to a bound, against a file of random keys): without this, lint over the 100-deployment bench
// fleet ran 497M instructions instead of 238M, 235M of them edit distances (callgrind; SESSIONTOOL_JOBS=1
// sessiontool lint --format json --fail-on none on `bench/generate_fleet.py 100` with the bc4ubuntu corpus).
Verdict remembered_verdict(std::string_view key, FileKind kind) {
  struct Hash {
    using is_transparent = void;
    std::size_t operator()(std::string_view text) const { return std::hash<std::string_view>{}(text); }
  };
  thread_local std::unordered_map<std::string, Verdict, Hash, std::equal_to<>> verdicts[3];
  auto& known = verdicts[static_cast<int>(kind)];
  if (const auto it = known.find(key); it != known.end()) return it->second;
  const Verdict answer = judge(key, kind);
  if (known.size() < 4096) known.emplace(key, answer);
  return answer;
}

std::string unknown_key_message(const Document& doc, const Entry& entry) {
  using enum Verdict::What;
  const auto [what, info] = remembered_verdict(entry.name(), doc.kind);
  switch (what) {
    case nothing: return {};
    case elsewhere:
      if (info->system_parameter)
        return fmt::format("{} is not a file setting: \"Session inactivity timeout in minutes\" is an F&O system "
                           "parameter stored in the database; set it under System administration > Setup > "
                           "System parameters and delete this line",
                           entry.key);
      return fmt::format("{} is a setting of {}, not of {}: here its value \"{}\" has no effect; move it to the "
                         "right file",
                         entry.key, file_description(info->kind), file_description(doc.kind), entry.value);
    case misspelt: break;
  }
  return fmt::format("{} is not a known key; did you mean {}? As written, the value \"{}\" is ignored and {} "
                     "keeps its {}; rename the key",
                     entry.key, info->key, entry.value, info->key,
                     doc.in_force(info->key) ? "value from elsewhere in the file"
                                              : fmt::format("default ({})", info->default_value.empty()
                                                                                ? "unset"
                                                                                : info->default_value));
}

// Per (section, name in any letter case): the entry that wins (the last) and how often the name
// occurs.
struct KeyCount {
  std::size_t winner = 0;
  std::size_t times = 0;
};
using SectionKey = std::pair<std::size_t, std::string_view>;
struct SectionKeyHash {
  std::size_t operator()(const SectionKey& key) const { return folded_hash(key.second) ^ key.first; }
};
struct SectionKeyEqual {
  bool operator()(const SectionKey& a, const SectionKey& b) const {
    return a.first == b.first && equals_ignoring_case(a.second, b.second);
  }
};
using KeyCounts = std::pmr::unordered_map<SectionKey, KeyCount, SectionKeyHash, SectionKeyEqual>;

// "platform 23", "platform 22 or later".
std::string platform_version(const BcPlatform& platform) {
  return platform.major != 0 ? fmt::format("platform {}", platform.major)
                             : fmt::format("platform {} or later", platform.at_least);
}

void duplicates(const Document& doc, const LintOptions&, std::vector<Diagnostic>& out) {
  if (doc.format == FileFormat::json) {
    // A configuration path twice, in any letter case: the web server does not start.
    for (const Refusal& refusal : doc.refusals) {
      if (refusal.kind != Refusal::Kind::duplicate_key) continue;
      out.push_back({.rule = "ST004", .severity = Severity::error, .path = doc.path, .start = refusal.start,
                     .end = refusal.end,
                     .message = refusal.message + ", so the web server does not start; delete one of them"});
    }
    return;
  }
  // Within its section only: in appSettings the last <add> wins, in any letter case.
  // Its nodes in a buffer on the stack (the heap past that): a CustomSettings.config has hundreds
  // of entries, and lint checks every file of a fleet.
  std::array<std::byte, 32 * 1024> buffer;
  std::pmr::monotonic_buffer_resource arena(buffer.data(), buffer.size());
  KeyCounts counts(2 * doc.entries.size(), SectionKeyHash{}, SectionKeyEqual{}, &arena);
  bool repeated = false;
  for (std::size_t i = 0; i < doc.entries.size(); ++i) {
    KeyCount& count = counts[{doc.entries[i].section, doc.entries[i].name()}];
    count.winner = i;
    if (++count.times > 1) repeated = true;
  }
  if (!repeated) return;
  for (const Entry& entry : doc.entries) {
    const KeyCount& count = counts.at({entry.section, entry.name()});
    const Entry& winner = doc.entries[count.winner];
    if (&winner == &entry) continue;
    const Document::Lookup in_force = doc.lookup(entry.name());
    const std::string outcome =
        in_force.removed ? fmt::format(" and a <{}> on line {} then takes it out, so the default applies",
                                       in_force.removed->clear ? "clear/" : "remove", in_force.removed->pos.line)
                         : fmt::format(" and the last one wins: this value \"{}\" is overridden by \"{}\" on line {}",
                                       entry.value, winner.value, winner.value_pos.line);
    const std::string spellings =
        entry.key == winner.key ? "" : fmt::format(" (spelt {} there: keys match in any letter case),", winner.key);
    out.push_back(at_value("ST004", Severity::warning, doc, entry,
                           fmt::format("{} is set {} times in this file{}{}; delete the lines that do not count",
                                       entry.key, count.times, spellings, outcome)));
  }
}

void unknown_keys(const Document& doc, const LintOptions&, std::vector<Diagnostic>& out) {
  for (const Entry& entry : doc.entries) {
    if (!entry.applies || is_help_key(entry.key)) continue;
    const SettingInfo* info = entry.setting;
    if (info && !info->system_parameter) continue;
    std::string message = unknown_key_message(doc, entry);
    if (!message.empty()) out.push_back(at_value("ST005", Severity::warning, doc, entry, std::move(message)));
  }
}

void letter_case(const Document& doc, const LintOptions&, std::vector<Diagnostic>& out) {
  for (const Entry& entry : doc.entries) {
    const SettingInfo* info = entry.setting;
    if (!info || info->system_parameter || entry.name() == info->key) continue;
    out.push_back(at_value("ST010", Severity::info, doc, entry,
                           fmt::format("{} is spelt {} here: the {} reads keys in any letter case, so this value "
                                       "\"{}\" is used; Microsoft's spelling reads better in reviews",
                                       info->key, entry.name(), doc.kind == FileKind::web ? "web server" : "server",
                                       entry.value)));
  }
}

void no_effect(const Document& doc, const LintOptions&, std::vector<Diagnostic>& out) {
  if (doc.format != FileFormat::json) return;
  for (const Entry& entry : doc.entries) {
    if (entry.applies || is_help_key(entry.key)) continue;
    const SettingInfo* info = find_setting(entry.key, FileKind::web);
    if (!info) continue;
    out.push_back(at_value(
        "ST011", Severity::warning, doc, entry,
        fmt::format("{} = \"{}\" has no effect here: the web server reads its settings from \"NAVWebSettings\", "
                    "and this one is at {}; move it into \"NAVWebSettings\"",
                    info->key, entry.value, entry.path)));
  }
}

void refusals(const Document& doc, const LintOptions&, std::vector<Diagnostic>& out) {
  for (const Refusal& refusal : doc.refusals) {
    if (refusal.kind != Refusal::Kind::structure) continue;
    out.push_back({.rule = "ST012", .severity = Severity::error, .path = doc.path, .start = refusal.start,
                   .end = refusal.end, .message = refusal.message});
  }
}

void encrypted(const Document& doc, const LintOptions&, std::vector<Diagnostic>& out) {
  if (!doc.encrypted || doc.kind != FileKind::aos) return;
  out.push_back({.rule = "ST204", .severity = Severity::warning, .path = doc.path, .start = doc.encrypted->pos,
                 .end = doc.encrypted->pos,
                 .message = fmt::format(
                     "<appSettings> is encrypted (configProtectionProvider=\"{}\"), so whether it sets the legacy "
                     "{} cannot be read, and the effective inactivity timeout is not known; decrypt a copy with "
                     "AOSService\\webroot\\bin\\Microsoft.Dynamics.AX.Framework.ConfigEncryptor.exe -decrypt "
                     "<copy of web.config> and lint that",
                     doc.encrypted->provider, keys::kFoLegacyTimeout),
                 .setting = std::string(keys::kFoLegacyTimeout)});
}

void platform_keys(const Document& doc, const LintOptions& options, std::vector<Diagnostic>& out) {
  // The platform stated, else what the file tells.
  const BcPlatform platform = platform_for(options.resolve, &doc, nullptr);
  if (!platform.known()) return;
  for (const Entry& entry : doc.entries) {
    const SettingInfo* info = entry.setting;
    if (!info || !platform.excludes(info->since_platform, info->until_platform)) continue;
    std::string span = info->until_platform && platform.at_least > info->until_platform
                           ? fmt::format("it was removed after platform {}", info->until_platform)
                           : fmt::format("it exists from platform {}", info->since_platform);
    if (platform.source != BcPlatform::Source::option) span += fmt::format("; the platform is from {}", platform.evidence);
    const std::string consequence =
        info->key == keys::kReconnectPeriod || info->key == keys::kKeepAliveInterval
            ? ", and a session now ends when its connection is lost"
            : "";
    out.push_back(at_value("ST107", Severity::warning, doc, entry,
                           fmt::format("{} = {} does not exist on {} ({}): the server ignores it{}; "
                                       "delete the line, or lint with the server's real --platform",
                                       entry.key, entry.value, platform_version(platform), span, consequence)));
  }
}

using enum Severity;

constexpr Rule kRules[] = {
    {.id = "ST004", .severity = warning, .name = "DuplicateKey",
     .title = "key set more than once, in any letter case (XML: the last one wins; navsettings.json: the web server "
              "does not start)",
     .explanation = R"(The same key is set more than once in one file, in the same or another letter case: both
products compare keys case-insensitively (.NET's OrdinalIgnoreCase), so SessionTimeout and
sessiontimeout are one key.

In CustomSettings.config and the appSettings of a web.config (a warning), .NET reads the
entries in order and the last <add> wins (KeyValueConfigurationCollection), so every earlier
value is silently ignored, and whoever edits the first occurrence changes nothing.

In navsettings.json (an error), Microsoft.Extensions.Configuration.Json stops with a
FormatException ("A duplicate key '...' was found."): the web server does not start at all.

Fix: delete the occurrences that do not count, keeping the value you want in one place.)",
     .document_check = duplicates},
    {.id = "ST005", .severity = warning, .name = "UnknownKeyNearKnown", .title = "unknown key that looks like a known one",
     .explanation = R"(An unknown key that looks like a known setting: a near misspelling (one or two edits), a key
of another kind of file (SessionTimeout is a web server setting, not a CustomSettings.config
one), or the F&O system parameter, which lives in the database. The setting it was meant to
change keeps its default. A known key in another letter case is no unknown key: the products
read it (ST010). Keys far from every known setting are other product settings and are not
reported.

Fix: rename the key to the suggested one, or move it to the file it belongs to.)",
     .document_check = unknown_keys},
    {.id = "ST010", .severity = info, .name = "KeyLetterCase",
     .title = "known key spelt in another letter case (the product reads it)",
     .explanation = R"(A known key is spelt in another letter case than Microsoft's (sessiontimeout for
SessionTimeout). It is not ignored: the server reads CustomSettings.config into a
case-insensitive collection (System.Configuration's KeyValueConfigurationCollection) and the web
server reads navsettings.json with case-insensitive keys and sections
(Microsoft.Extensions.Configuration, OrdinalIgnoreCase), so the value is used. sessiontool
resolves it as that key, and `set` changes it where it stands, in its own spelling.

Fix: none needed; Microsoft's spelling reads better in reviews and searches.)",
     .document_check = letter_case},
    {.id = "ST011", .severity = warning, .name = "KeyHasNoEffect",
     .title = "known key where the web server does not read it (outside NAVWebSettings)",
     .explanation = R"(A key the web server knows stands where it does not read it. The web server reads its
settings from the "NAVWebSettings" object of navsettings.json (section names in any letter
case; a top-level "NAVWebSettings:SessionTimeout" is the same path); the same key at the top
level, in "ApplicationIdSettings" or in a nested object has no effect, and the setting keeps its
value from NAVWebSettings, or its default.

Fix: move the key into "NAVWebSettings" (or delete it).)",
     .document_check = no_effect},
    {.id = "ST012", .severity = error, .name = "FileRefusedByProduct",
     .title = "the product refuses the file when it loads it",
     .explanation = R"(The product refuses the file when it loads it, so the server instance (or web client, or AOS)
does not start. System.Configuration reads these XML sections strictly
(ConfigurationElement, AppSettingsSection.DeserializeElement in dotnet/runtime):
- only <add>, <remove> and <clear/> may stand in <appSettings> (element names are
  case-sensitive), and no text;
- <add> needs a key attribute and takes no attributes but key and value (attribute names are
  case-sensitive: Key= is refused); <remove> needs a key; <clear/> takes no attributes;
- CustomSettings.config is the external file of the server's <appSettings file="...">: its root
  <appSettings> may have no attributes, and only comments may follow it.

The values the file holds are still shown and checked, as they would apply once it loads.

Fix: correct the element or attribute named in the message.)",
     .document_check = refusals},
    {.id = "ST107", .severity = warning, .name = "SettingNotOnPlatform",
     .title = "setting does not exist on the given platform version",
     .explanation = R"(The setting does not exist on the deployment's platform version, so the server ignores it.
The platform comes from --platform, else platform in .sessiontool.json, else the file itself: the
version folder of a standard install path (...\Microsoft Dynamics 365 Business Central\230\...
is 23), or a key that exists only from some version on (ADOpenIdMetadataLocation: 22 or later). Since platform 21 Business Central has no
ClientServicesReconnectPeriod or ClientServicesKeepAliveInterval: a session ends when its
connection is lost, and there is no reconnect window to configure.

Fix: delete the line, or lint with the platform version the server really runs.)",
     .document_check = platform_keys},
    {.id = "ST204", .severity = warning, .name = "FoEncryptedAppSettings",
     .title = "F&O appSettings are encrypted: the legacy override cannot be read",
     .explanation = R"(The <appSettings> of the AOS web.config are encrypted (ASP.NET protected configuration:
configProtectionProvider="..." and <EncryptedData>). Whether they set the legacy
WebClientStatefulSessionTimeoutInSeconds, which shadows the system parameter "Session
inactivity timeout in minutes", cannot be read, so the effective timeout shown is the system
parameter's only if the key is absent.

Fix: decrypt a copy on the AOS with
AOSService\webroot\bin\Microsoft.Dynamics.AX.Framework.ConfigEncryptor.exe -decrypt <copy of
web.config> (it needs the AOS's certificate), then lint the copy; delete it afterwards, it holds
secrets.)",
     .document_check = encrypted},
};

}  // namespace

std::span<const Rule> document_rules() { return kRules; }

}  // namespace sessiontool

// Checks of one file at a time: read errors, values, duplicates, unknown keys, platform keys.

#include <algorithm>
#include <bit>
#include <cstdint>
#include <functional>
#include <string>
#include <unordered_map>
#include <vector>

#include <fmt/format.h>

#include "ascii_case.hpp"
#include "catalog.hpp"
#include "edit_distance.hpp"
#include "rule_checks.hpp"
#include "value_checks.hpp"

namespace sessiontool::checks {
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

// Which letters (folded, in 64 buckets) a key holds. One edit changes at most two buckets, so
// keys whose sets differ in more than 2 x limit buckets cannot be within `limit` edits.
std::uint64_t letter_set(std::string_view key) {
  std::uint64_t set = 0;
  for (char c : key) set |= std::uint64_t{1} << (static_cast<unsigned char>(ascii_lower(c)) % 64);
  return set;
}

// How far a misspelling may be from the known key: one edit for short keys, two for longer
// ones. The nearest real BC key to a catalogued one (BackgroundSessionsDefaultWaitTimeout) is
// four edits away, so this stays quiet on genuine settings.
std::size_t typo_limit(std::string_view known) { return known.size() >= 10 ? 2 : 1; }

// The known keys of each file kind, built once, with what rules most of them out cheaply: a
// CustomSettings.config has hundreds of keys the catalog does not hold, and each is measured
// against these. Keys of other kinds (and the F&O system parameter, which is no file key) are
// found with find_setting: in the wrong file they are misplaced rather than misspelt.
struct KeyIndex {
  struct Known {
    const SettingInfo* info;
    std::uint64_t letters;
    std::size_t limit;
  };
  FileKind kind;
  std::vector<Known> keys;  // same kind, not the system parameter

  explicit KeyIndex(FileKind kind) : kind(kind) {
    for (const SettingInfo& info : catalog())
      if (info.kind == kind && !info.system_parameter) keys.push_back({&info, letter_set(info.key), typo_limit(info.key)});
  }

  static const KeyIndex& of(FileKind kind) {
    static const KeyIndex server(FileKind::server), web(FileKind::web), aos(FileKind::aos);
    return kind == FileKind::server ? server : kind == FileKind::web ? web : aos;
  }

  // What an unknown key is: a key of another kind of file (or the F&O system parameter), a
  // misspelling of a known one, or none of these (no finding). A known key in another letter
  // case is no unknown key: the product reads it (find_setting matches it).
  struct Verdict {
    enum class What { nothing, elsewhere, misspelt } what = What::nothing;
    const SettingInfo* info = nullptr;
  };

  // The same unknown keys recur in every file of a fleet, so each thread remembers its
  // verdicts (up to a bound, against a file of random keys).
  Verdict verdict(std::string_view key) const {
    struct Hash {
      using is_transparent = void;
      std::size_t operator()(std::string_view text) const { return std::hash<std::string_view>{}(text); }
    };
    thread_local std::unordered_map<std::string, Verdict, Hash, std::equal_to<>> verdicts[3];
    auto& known = verdicts[static_cast<int>(kind)];
    if (const auto it = known.find(key); it != known.end()) return it->second;
    const Verdict answer = judge(key);
    if (known.size() < 4096) known.emplace(key, answer);
    return answer;
  }

  Verdict judge(std::string_view key) const {
    using enum Verdict::What;
    if (const SettingInfo* other = find_setting(key)) return {elsewhere, other};
    if (const SettingInfo* near = nearest(key)) return {misspelt, near};
    return {};
  }

  // The nearest known key within its typo limit (the first of equals), or nullptr.
  const SettingInfo* nearest(std::string_view key) const {
    const std::uint64_t letters = letter_set(key);
    const SettingInfo* best = nullptr;
    std::size_t best_distance = 0;
    for (const Known& known : keys) {
      const std::size_t length = known.info->key.size();
      if ((length > key.size() ? length - key.size() : key.size() - length) > known.limit) continue;
      if (static_cast<std::size_t>(std::popcount(letters ^ known.letters)) > 2 * known.limit) continue;
      const std::size_t distance = edit_distance(key, known.info->key, known.limit);
      if (distance <= known.limit && (!best || distance < best_distance)) {
        best = known.info;
        best_distance = distance;
      }
    }
    return best;
  }
};

std::string unknown_key_message(const Document& doc, const Entry& entry) {
  using enum KeyIndex::Verdict::What;
  const auto [what, info] = KeyIndex::of(doc.kind).verdict(entry.name());
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

// Per (section, name in any letter case), the entry that wins (the last) and how often the name
// occurs: an open-addressing table over entry indices, kept per thread so checking a file
// allocates nothing once the first few files have sized it.
class KeyCounts {
 public:
  // Fills the table for `doc`; false when no name occurs twice in a section (nothing to report).
  bool fill(const Document& doc) {
    const std::size_t n = doc.entries.size();
    std::size_t size = 16;
    while (size < 2 * n) size *= 2;
    slots_.assign(size, kEmpty);
    winner_.resize(n);
    count_.resize(n);
    slot_of_.resize(n);
    bool repeated = false;
    for (std::size_t i = 0; i < n; ++i) {
      const Entry& entry = doc.entries[i];
      std::size_t slot = (folded_hash(entry.name()) ^ (entry.section * 0x9E3779B97F4A7C15u)) & (size - 1);
      while (slots_[slot] != kEmpty) {
        const Entry& first = doc.entries[slots_[slot]];
        if (first.section == entry.section && equals_ignoring_case(first.name(), entry.name())) break;
        slot = (slot + 1) & (size - 1);
      }
      if (slots_[slot] == kEmpty) {
        slots_[slot] = static_cast<std::uint32_t>(i);
        count_[i] = 0;
      } else {
        repeated = true;
      }
      const std::uint32_t head = slots_[slot];
      winner_[head] = static_cast<std::uint32_t>(i);
      ++count_[head];
      slot_of_[i] = head;
    }
    return repeated;
  }
  // The entry that wins for entry i's key, and how many times the key is set.
  std::uint32_t winner(std::size_t i) const { return winner_[slot_of_[i]]; }
  std::uint32_t count(std::size_t i) const { return count_[slot_of_[i]]; }

 private:
  static constexpr std::uint32_t kEmpty = UINT32_MAX;
  std::vector<std::uint32_t> slots_;    // entry index of the key's first occurrence
  std::vector<std::uint32_t> winner_;   // by first occurrence
  std::vector<std::uint32_t> count_;    // by first occurrence
  std::vector<std::uint32_t> slot_of_;  // each entry's first occurrence
};

// The platform a file's checks assume: the one stated, else what the file tells.
BcPlatform platform_of(const Document& doc, const LintOptions& options) {
  return platform_for(options.resolve, &doc, nullptr);
}

// "platform 23", "platform 22 or later".
std::string platform_version(const BcPlatform& platform) {
  return platform.major != 0 ? fmt::format("platform {}", platform.major)
                             : fmt::format("platform {} or later", platform.at_least);
}

}  // namespace

void values(const Document& doc, const LintOptions& options, std::vector<Diagnostic>& out) {
  const BcPlatform platform = platform_of(doc, options);
  for (const Entry& entry : doc.entries) {
    const SettingInfo* info = entry.setting;  // none when the entry does not apply (ST011)
    if (!info || info->system_parameter) continue;
    if (platform.excludes(info->since_platform, info->until_platform)) continue;  // ST107: the value does not matter
    for (ValueProblem& problem : check_value(*info, entry.value))
      out.push_back(at_value(problem.rule, problem.severity, doc, entry, std::move(problem.message)));
  }
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
  thread_local KeyCounts counts;
  if (!counts.fill(doc)) return;
  for (std::size_t i = 0; i < doc.entries.size(); ++i) {
    const Entry& entry = doc.entries[i];
    if (counts.winner(i) == i) continue;
    const Entry& winner = doc.entries[counts.winner(i)];
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
                                       entry.key, counts.count(i), spellings, outcome)));
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
  const BcPlatform platform = platform_of(doc, options);
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

}  // namespace sessiontool::checks

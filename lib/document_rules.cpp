// Checks of one file at a time: read errors, values, duplicates, unknown keys, platform keys.

#include <algorithm>
#include <bit>
#include <cstdint>
#include <functional>
#include <string>
#include <unordered_map>
#include <vector>

#include <fmt/format.h>

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

char fold(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

bool equals_ignoring_case(std::string_view a, std::string_view b) {
  return std::ranges::equal(a, b, [](char x, char y) { return fold(x) == fold(y); });
}

// Which letters (folded, in 64 buckets) a key holds. One edit changes at most two buckets, so
// keys whose sets differ in more than 2 x limit buckets cannot be within `limit` edits.
std::uint64_t letter_set(std::string_view key) {
  std::uint64_t set = 0;
  for (char c : key) set |= std::uint64_t{1} << (static_cast<unsigned char>(fold(c)) % 64);
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

  const SettingInfo* same_but_case(std::string_view key) const {
    for (const Known& known : keys)
      if (known.info->key.size() == key.size() && equals_ignoring_case(known.info->key, key)) return known.info;
    return nullptr;
  }

  // What an unknown key is: a known one in other letter case, a key of another kind of file
  // (or the F&O system parameter), a misspelling of a known one, or none of these (no finding).
  struct Verdict {
    enum class What { nothing, letter_case, elsewhere, misspelt } what = What::nothing;
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
    if (const SettingInfo* same = same_but_case(key)) return {letter_case, same};
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
  const auto [what, info] = KeyIndex::of(doc.kind).verdict(entry.key);
  switch (what) {
    case nothing: return {};
    case letter_case:
      return fmt::format("{} is not a known key: it differs from {} only in letter case, and keys are matched "
                         "exactly, so the value \"{}\" may be ignored; rename it to {}",
                         entry.key, info->key, entry.value, info->key);
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
                     doc.find_last(info->key) ? "value from elsewhere in the file"
                                              : fmt::format("default ({})", info->default_value.empty()
                                                                                ? "unset"
                                                                                : info->default_value));
}

// Per (section, key), the entry that wins (the last) and how often the key occurs: an
// open-addressing table over entry indices, kept per thread so checking a file allocates
// nothing once the first few files have sized it.
class KeyCounts {
 public:
  // Fills the table for `doc`; false when no key occurs twice in a section (nothing to report).
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
      std::size_t slot = (std::hash<std::string_view>{}(entry.key) ^ (entry.section * 0x9E3779B97F4A7C15u)) & (size - 1);
      while (slots_[slot] != kEmpty) {
        const Entry& first = doc.entries[slots_[slot]];
        if (first.section == entry.section && first.key == entry.key) break;
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

}  // namespace

void values(const Document& doc, const LintOptions& options, std::vector<Diagnostic>& out) {
  const std::optional<int> platform = options.resolve.platform;
  for (const Entry& entry : doc.entries) {
    const SettingInfo* info = find_setting(entry.key, doc.kind);
    if (!info || info->system_parameter) continue;
    if (platform && !info->exists_on(*platform)) continue;  // ST107: the value does not matter
    for (ValueProblem& problem : check_value(*info, entry.value))
      out.push_back(at_value(problem.rule, problem.severity, doc, entry, std::move(problem.message)));
  }
}

void duplicates(const Document& doc, const LintOptions&, std::vector<Diagnostic>& out) {
  // Within its section only: a JSON key may repeat in another object without being a duplicate.
  thread_local KeyCounts counts;
  if (!counts.fill(doc)) return;
  for (std::size_t i = 0; i < doc.entries.size(); ++i) {
    const Entry& entry = doc.entries[i];
    if (is_help_key(entry.key) || counts.winner(i) == i) continue;
    const Entry& winner = doc.entries[counts.winner(i)];
    out.push_back(at_value(
        "ST004", Severity::warning, doc, entry,
        fmt::format("{} is set {} times in this file and the last one wins: this value \"{}\" is overridden by "
                    "\"{}\" on line {}; delete the lines that do not count",
                    entry.key, counts.count(i), entry.value, winner.value, winner.value_pos.line)));
  }
}

void unknown_keys(const Document& doc, const LintOptions&, std::vector<Diagnostic>& out) {
  for (const Entry& entry : doc.entries) {
    if (is_help_key(entry.key)) continue;
    const SettingInfo* info = find_setting(entry.key, doc.kind);
    if (info && !info->system_parameter) continue;
    std::string message = unknown_key_message(doc, entry);
    if (!message.empty()) out.push_back(at_value("ST005", Severity::warning, doc, entry, std::move(message)));
  }
}

void platform_keys(const Document& doc, const LintOptions& options, std::vector<Diagnostic>& out) {
  const std::optional<int> platform = options.resolve.platform;
  if (!platform) return;
  for (const Entry& entry : doc.entries) {
    const SettingInfo* info = find_setting(entry.key, doc.kind);
    if (!info || info->exists_on(*platform)) continue;
    const std::string span = info->until_platform && *platform > info->until_platform
                                 ? fmt::format("it was removed after platform {}", info->until_platform)
                                 : fmt::format("it exists from platform {}", info->since_platform);
    const std::string consequence =
        info->key == keys::kReconnectPeriod || info->key == keys::kKeepAliveInterval
            ? ", and a session now ends when its connection is lost"
            : "";
    out.push_back(at_value("ST107", Severity::warning, doc, entry,
                           fmt::format("{} = {} does not exist on platform {} ({}): the server ignores it{}; "
                                       "delete the line, or lint with the server's real --platform",
                                       entry.key, entry.value, *platform, span, consequence)));
  }
}

}  // namespace sessiontool::checks

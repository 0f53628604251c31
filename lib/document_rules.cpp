// Checks of one file at a time: read errors, values, duplicates, unknown keys, platform keys.

#include <algorithm>
#include <cctype>
#include <map>
#include <string>
#include <unordered_map>

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

std::string lowercase(std::string_view text) {
  std::string out(text);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

// The known keys of each file kind, built once: exact and case-folded lookups, and the list
// an unknown key is measured against. Keys of other kinds (and the F&O system parameter, which
// is no file key) are kept apart: in the wrong file they are misplaced rather than misspelt.
struct KeyIndex {
  std::unordered_map<std::string, const SettingInfo*> folded;        // same kind, lower case
  std::unordered_map<std::string_view, const SettingInfo*> elsewhere;  // exact key, other kinds
  std::vector<const SettingInfo*> keys;                              // same kind

  explicit KeyIndex(FileKind kind) {
    for (const SettingInfo& info : catalog()) {
      if (info.kind == kind && !info.system_parameter) {
        folded.emplace(lowercase(info.key), &info);
        keys.push_back(&info);
      } else if (info.system_parameter || !find_setting(info.key, kind)) {
        elsewhere.emplace(info.key, &info);
      }
    }
  }

  static const KeyIndex& of(FileKind kind) {
    static const KeyIndex server(FileKind::server), web(FileKind::web), aos(FileKind::aos);
    return kind == FileKind::server ? server : kind == FileKind::web ? web : aos;
  }
};

// How far a misspelling may be from the known key: one edit for short keys, two for longer
// ones. The nearest real BC key to a catalogued one (BackgroundSessionsDefaultWaitTimeout) is
// four edits away, so this stays quiet on genuine settings.
std::size_t typo_limit(std::string_view known) { return known.size() >= 10 ? 2 : 1; }

std::string unknown_key_message(const Document& doc, const Entry& entry) {
  const KeyIndex& index = KeyIndex::of(doc.kind);
  if (auto it = index.folded.find(lowercase(entry.key)); it != index.folded.end())
    return fmt::format("{} is not a known key: it differs from {} only in letter case, and keys are matched "
                       "exactly, so the value \"{}\" may be ignored; rename it to {}",
                       entry.key, it->second->key, entry.value, it->second->key);
  if (auto it = index.elsewhere.find(entry.key); it != index.elsewhere.end()) {
    const SettingInfo& info = *it->second;
    if (info.system_parameter)
      return fmt::format("{} is not a file setting: \"Session inactivity timeout in minutes\" is an F&O system "
                         "parameter stored in the database; set it under System administration > Setup > "
                         "System parameters and delete this line",
                         entry.key);
    return fmt::format("{} is a setting of {}, not of {}: here its value \"{}\" has no effect; move it to the "
                       "right file",
                       entry.key, file_description(info.kind), file_description(doc.kind), entry.value);
  }
  const SettingInfo* nearest = nullptr;
  std::size_t best = 0;
  for (const SettingInfo* info : index.keys) {
    const std::size_t limit = typo_limit(info->key);
    const std::size_t distance = edit_distance(entry.key, info->key, limit);
    if (distance <= limit && (!nearest || distance < best)) {
      nearest = info;
      best = distance;
    }
  }
  if (!nearest) return {};
  return fmt::format("{} is not a known key; did you mean {}? As written, the value \"{}\" is ignored and {} "
                     "keeps its {}; rename the key",
                     entry.key, nearest->key, entry.value, nearest->key,
                     doc.find_last(nearest->key) ? "value from elsewhere in the file"
                                                 : fmt::format("default ({})", nearest->default_value.empty()
                                                                                   ? "unset"
                                                                                   : nearest->default_value));
}

}  // namespace

void read_errors(const LintInput& input, std::vector<Diagnostic>& out) {
  for (const ReadError& error : input.inputs.errors) {
    const bool malformed = error.kind == ReadErrorKind::malformed;
    std::string message = error.message;
    if (malformed) message += "; fix the syntax: nothing else in this file was checked";
    out.push_back({.rule = malformed ? "ST002" : "ST001",
                   .severity = Severity::error,
                   .path = error.path,
                   .start = error.pos,
                   .end = error.pos,
                   .message = std::move(message)});
  }
}

void values(const LintInput& input, std::vector<Diagnostic>& out) {
  const std::optional<int> platform = input.options.resolve.platform;
  for (const Document& doc : input.inputs.documents) {
    for (const Entry& entry : doc.entries) {
      const SettingInfo* info = find_setting(entry.key, doc.kind);
      if (!info || info->system_parameter) continue;
      if (platform && !info->exists_on(*platform)) continue;  // ST107: the value does not matter
      for (ValueProblem& problem : check_value(*info, entry.value))
        out.push_back(at_value(problem.rule, problem.severity, doc, entry, std::move(problem.message)));
    }
  }
}

void duplicates(const LintInput& input, std::vector<Diagnostic>& out) {
  for (const Document& doc : input.inputs.documents) {
    // Last occurrence and count of each key within its section (a JSON key may repeat in
    // another object without being a duplicate).
    std::map<std::pair<std::size_t, std::string_view>, std::pair<const Entry*, std::size_t>> last;
    for (const Entry& entry : doc.entries) {
      auto& [winner, count] = last[{entry.section, entry.key}];
      winner = &entry;
      ++count;
    }
    for (const Entry& entry : doc.entries) {
      if (is_help_key(entry.key)) continue;
      const auto& [winner, count] = last.at({entry.section, entry.key});
      if (winner == &entry) continue;
      out.push_back(at_value(
          "ST004", Severity::warning, doc, entry,
          fmt::format("{} is set {} times in this file and the last one wins: this value \"{}\" is overridden by "
                      "\"{}\" on line {}; delete the lines that do not count",
                      entry.key, count, entry.value, winner->value, winner->value_pos.line)));
    }
  }
}

void unknown_keys(const LintInput& input, std::vector<Diagnostic>& out) {
  for (const Document& doc : input.inputs.documents) {
    for (const Entry& entry : doc.entries) {
      if (is_help_key(entry.key)) continue;
      const SettingInfo* info = find_setting(entry.key, doc.kind);
      if (info && !info->system_parameter) continue;
      std::string message = unknown_key_message(doc, entry);
      if (!message.empty()) out.push_back(at_value("ST005", Severity::warning, doc, entry, std::move(message)));
    }
  }
}

void platform_keys(const LintInput& input, std::vector<Diagnostic>& out) {
  const std::optional<int> platform = input.options.resolve.platform;
  if (!platform) return;
  for (const Document& doc : input.inputs.documents) {
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
}

}  // namespace sessiontool::checks

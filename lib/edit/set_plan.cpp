#include "edit/set_plan.hpp"

#include <algorithm>
#include <mutex>
#include <set>
#include <thread>

#include <fmt/format.h>

#include "text/ascii_case.hpp"
#include "read/file_walk.hpp"
#include "text/suggest.hpp"
#include "text/path_text.hpp"
#include "platform/platform.hpp"
#include "read/reader.hpp"
#include "text/utf8.hpp"
#include "lint/value_checks.hpp"

namespace sessiontool {
namespace {

namespace fs = std::filesystem;

const char* kind_files(FileKind kind) {
  switch (kind) {
    case FileKind::server: return "CustomSettings.config";
    case FileKind::web: return "navsettings.json or a NAV web.config";
    case FileKind::aos: return "web.config";
  }
  return "";
}

// "unknown setting 'SessionTimout' (did you mean 'SessionTimeout'?); ...": the nearest catalog key,
// compared case-insensitively, within a few edits.
std::string unknown_key_message(std::string_view key) {
  return fmt::format("unknown setting '{}'{}; 'sessiontool show --all' lists the settings sessiontool knows", key,
                     suggest(key, catalog(), 3, &SettingInfo::key));
}

bool has_control_characters(std::string_view text) {
  return std::ranges::any_of(text, [](char c) { return static_cast<unsigned char>(c) < 0x20 || c == 0x7f; });
}

// The TimeSpan traps (ST006, ST007) typed on a command line: "SessionTimeout=10" is ten days
// to .NET, and a deployment script almost certainly meant minutes. The file would get an
// unambiguous 10.00:00:00 that no lint rule flags, so the doubt is raised here.
std::string ambiguous_duration(const SettingInfo& info, std::string_view typed) {
  if (info.type != ValueType::timespan && info.type != ValueType::timespan_or_max) return {};
  const auto parsed = parse_duration_argument_detailed(typed);
  if (!parsed || !(parsed->bare_number_days || parsed->first_field_days)) return {};
  const std::size_t digits = typed.find_first_of("0123456789");
  const std::string_view number = typed.substr(digits, typed.find_first_not_of("0123456789", digits) - digits);
  return fmt::format("{}={} would be {} ({}) as a .NET TimeSpan{}; write {}m, {}h or {}d to say which is meant",
                     info.key, typed, format_human(parsed->value), format_timespan(parsed->value),
                     parsed->bare_number_days ? "" : ", which reads a first field over 23 as days", number, number,
                     number);
}

fs::path identity(const fs::path& path) {
  std::error_code ec;
  const fs::path resolved = platform::resolve_symlinks(path).value_or(path);
  fs::path canonical = fs::weakly_canonical(resolved, ec);
  return ec ? fs::absolute(resolved, ec) : canonical;
}

bool key_belongs(const KeyPlan& plan, FileKind kind) {
  return std::ranges::any_of(plan.settings, [&](const SettingInfo* s) { return s->kind == kind; });
}

bool any_key_belongs(const std::vector<KeyPlan>& keys, FileKind kind) {
  return std::ranges::any_of(keys, [&](const KeyPlan& plan) { return key_belongs(plan, kind); });
}

// "a web setting (navsettings.json or a NAV web.config)"
std::string kinds_of(const KeyPlan& plan) {
  std::vector<std::string> names;
  for (const SettingInfo* s : plan.settings) {
    names.push_back(fmt::format("{} setting ({})", kind_phrase(s->kind), kind_files(s->kind)));
  }
  return fmt::format("{}", fmt::join(names, " and "));
}

// set's answer to a container description named as a path.
std::string container_not_editable(const fs::path& path) {
  return fmt::format(
      "{} describes containers (docker inspect, docker compose config or an env file): set does not edit them. A "
      "container's settings are its customNavSettings and customWebSettings, applied at its first start: create it "
      "again with the new values (docker run -e, the compose file's environment, New-BcContainer "
      "-additionalParameters), then sessiontool show on its docker inspect reports them",
      utf8_text(path));
}

// A file the walk found, and what reading it gave (nothing when its name rules it out).
struct Candidate {
  FoundFile file;
  std::optional<ReadResult> read;
};

}  // namespace

std::expected<KeyPlan, std::string> plan_key(std::string_view key, std::optional<std::string> argument) {
  KeyPlan plan{std::string(key), std::move(argument), {}, {}};
  for (const SettingInfo& info : catalog()) {
    if (!equals_ignoring_case(info.key, key)) continue;
    plan.key = info.key;
    if (info.system_parameter) {
      return std::unexpected(fmt::format(
          "{} is the F&O system parameter \"Session inactivity timeout in minutes\": it lives in the database, "
          "not in a file. Change it in System administration > Setup > System parameters; 'sessiontool show "
          "--fo-inactivity-timeout D' shows its effect. The file key is {} (a legacy override in seconds).",
          key, keys::kFoLegacyTimeout));
    }
    plan.settings.push_back(&info);
  }
  if (plan.settings.empty()) return std::unexpected(unknown_key_message(key));
  return plan;
}

const char* kind_phrase(FileKind kind) {
  switch (kind) {
    case FileKind::server: return "a server";
    case FileKind::web: return "a web";
    case FileKind::aos: return "an F&O AOS";
  }
  return "";
}

void prepare_values(KeyPlan& plan, bool force, int platform, std::vector<std::string>& refusals,
                    const std::function<void(const std::string&)>& warn) {
  plan.native.assign(plan.settings.size(), "");
  for (std::size_t i = 0; i < plan.settings.size(); ++i) {
    const SettingInfo& info = *plan.settings[i];
    if (platform != 0 && !info.exists_on(platform))
      warn(fmt::format("{} does not exist on platform {}: Business Central ignores it (ST107)", info.key, platform));
    if (!plan.argument) continue;
    const std::string& typed = *plan.argument;
    if (has_control_characters(typed)) {
      refusals.push_back(fmt::format("{}: a value cannot hold line breaks, tabs or other control characters", info.key));
      return;
    }
    // The files are UTF-8 (JSON must be): bytes in another encoding would not read back.
    if (!is_valid_utf8(typed)) {
      refusals.push_back(fmt::format("{}: the value is not valid UTF-8 text", info.key));
      return;
    }
    if (auto trap = ambiguous_duration(info, typed); !trap.empty()) {
      if (!force) {
        refusals.push_back(trap);
        return;
      }
      warn(trap);
    }
    auto native = native_from_argument(info, typed);
    if (!native && !force) {
      refusals.push_back(fmt::format("{}={}: {}", info.key, typed, native.error()));
      return;
    }
    plan.native[i] = native.value_or(typed);
    for (const ValueProblem& problem : check_value(info, plan.native[i])) {
      if (problem.severity == Severity::error && !force)
        refusals.push_back(fmt::format("{} ({})", problem.message, problem.rule));
      else
        warn(fmt::format("{} ({})", problem.message, problem.rule));
    }
  }
}

std::string display_value(const SettingInfo* info, std::string_view value) {
  if (value.empty()) return "\"\"";
  if (info && info->is_duration()) {
    const Interpretation interpreted = interpret_value(*info, value);
    if (interpreted.duration) return fmt::format("{} ({})", value, format_human(*interpreted.duration));
  }
  if (value.find(' ') != std::string_view::npos) return fmt::format("\"{}\"", value);
  return std::string(value);
}

std::expected<TargetFiles, std::string> find_targets(const std::vector<fs::path>& paths,
                                                     const std::vector<KeyPlan>& keys, std::optional<FileKind> forced,
                                                     const std::function<void(std::size_t, std::size_t)>& progress,
                                                     const std::vector<fs::path>& installed) {
  // The installed files come after the paths, each an input of its own, read as a directory's.
  std::vector<fs::path> inputs = paths;
  inputs.insert(inputs.end(), installed.begin(), installed.end());
  const auto as_found_in_directory = [&](const FoundFile& file) {
    return file.in_directory || file.input >= paths.size();
  };
  // A file of a directory that no key belongs in is not kept: not even read when its name gives
  // its kind, and dropped once read when its content does (or it is not a configuration file).
  const auto worth_keeping = [&](const ReadResult& result) {
    return (result.document && any_key_belongs(keys, result.document->kind)) ||
           (result.error && result.error->kind != ReadErrorKind::unrecognized);
  };
  // Read on the walk's threads, every core.
  std::vector<Candidate> candidates;
  std::mutex mutex;
  const auto handle = [&](FoundFile&& file, std::size_t place) {
    std::optional<ReadResult> read;
    if (!as_found_in_directory(file)) {
      read = read_document(file.path, forced);
    } else if (const auto kind = kind_from_name(file.path); !kind || any_key_belongs(keys, *kind)) {
      read = read_document(file.path);
      if (!worth_keeping(*read)) read.reset();
    }
    const std::scoped_lock lock(mutex);
    if (candidates.size() <= place) candidates.resize(place + 1);
    candidates[place] = {std::move(file), std::move(read)};
  };
  walk_files(inputs, forced, std::max(1u, std::thread::hardware_concurrency()), handle, progress);
  // Then taken one by one in the order the paths were given, so that the first problem is the
  // one reported and the first of two names of a file is the one edited.
  std::ranges::stable_sort(candidates, [](const Candidate& a, const Candidate& b) {
    return a.file.input != b.file.input ? a.file.input < b.file.input : a.file.path < b.file.path;
  });
  TargetFiles files;
  std::set<fs::path> seen;
  auto take = [&](Document doc) {
    if (seen.insert(identity(doc.path)).second) files.documents.push_back(std::move(doc));
  };
  for (Candidate& candidate : candidates) {
    if (!candidate.read) continue;
    ReadResult& result = *candidate.read;
    if (as_found_in_directory(candidate.file)) {
      if (result.document)
        take(std::move(*result.document));
      else
        files.errors.push_back(std::move(*result.error));
      continue;
    }
    const fs::path& path = candidate.file.path;
    if (result.containers) return std::unexpected(container_not_editable(path));
    if (result.error) {
      files.errors.push_back(std::move(*result.error));
    } else if (!any_key_belongs(keys, result.document->kind)) {
      std::vector<std::string> owners;
      for (const KeyPlan& plan : keys) owners.push_back(fmt::format("{} is {}", plan.key, kinds_of(plan)));
      return std::unexpected(fmt::format("{} is {} configuration file, and none of the settings given belongs in it: {}",
                                         utf8_text(path), kind_phrase(result.document->kind), fmt::join(owners, "; ")));
    } else {
      take(std::move(*result.document));
    }
  }
  return files;
}

std::optional<std::string> key_without_file(const std::vector<KeyPlan>& keys, const std::vector<Document>& documents,
                                            const std::vector<fs::path>& paths) {
  for (const KeyPlan& plan : keys) {
    if (std::ranges::any_of(documents, [&](const Document& doc) { return key_belongs(plan, doc.kind); })) continue;
    std::vector<std::string> names;
    for (const fs::path& path : paths) names.push_back(utf8_text(path));
    return fmt::format("{} is {}, and there is no such file in {}", plan.key, kinds_of(plan), fmt::join(names, ", "));
  }
  return std::nullopt;
}

std::vector<Edit> edits_for(const std::vector<KeyPlan>& keys, FileKind kind) {
  std::vector<Edit> edits;
  for (const KeyPlan& plan : keys) {
    for (std::size_t i = 0; i < plan.settings.size(); ++i) {
      if (plan.settings[i]->kind != kind) continue;
      if (plan.argument)
        edits.push_back({plan.key, plan.native[i]});
      else
        edits.push_back({plan.key, std::nullopt});
    }
  }
  return edits;
}

}  // namespace sessiontool

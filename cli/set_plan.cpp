#include "set_plan.hpp"

#include <algorithm>
#include <set>

#include <fmt/format.h>

#include "ascii_case.hpp"
#include "suggest.hpp"
#include "path_text.hpp"
#include "platform.hpp"
#include "reader.hpp"
#include "usage_error.hpp"
#include "utf8.hpp"
#include "value_checks.hpp"

namespace sessiontool::cli {
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

// "SessionTimout" -> "did you mean 'SessionTimeout'?": the nearest catalog key, compared
// case-insensitively, within a few edits.
std::string unknown_key_message(std::string_view key) {
  const std::string_view best = nearest_name(key, catalog(), 3, &SettingInfo::key);
  if (!best.empty()) return fmt::format("unknown setting '{}'; did you mean '{}'?", key, best);
  return fmt::format("unknown setting '{}'; 'sessiontool show --all' lists the settings sessiontool knows", key);
}

bool looks_like_key(std::string_view text) {
  return !text.empty() && std::ranges::all_of(text, [](char c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '.';
  });
}

// The products read keys in any letter case: "sessiontimeout" is SessionTimeout, and a new entry
// gets Microsoft's spelling.
KeyPlan plan_for(const std::string& key, std::optional<std::string> argument) {
  KeyPlan plan{key, std::move(argument), {}, {}};
  for (const SettingInfo& info : catalog()) {
    if (!equals_ignoring_case(info.key, key)) continue;
    plan.key = info.key;
    if (info.system_parameter) {
      throw UsageError(fmt::format(
          "{} is the F&O system parameter \"Session inactivity timeout in minutes\": it lives in the database, "
          "not in a file. Change it in System administration > Setup > System parameters; 'sessiontool show "
          "--fo-inactivity-timeout D' shows its effect. The file key is {} (a legacy override in seconds).",
          key, keys::kFoLegacyTimeout));
    }
    plan.settings.push_back(&info);
  }
  if (plan.settings.empty()) throw UsageError(unknown_key_message(key));
  return plan;
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

}  // namespace

const char* kind_phrase(FileKind kind) {
  switch (kind) {
    case FileKind::server: return "a server";
    case FileKind::web: return "a web";
    case FileKind::aos: return "an F&O AOS";
  }
  return "";
}

SetRequest parse_set_arguments(const std::vector<std::string>& arguments, const std::vector<std::string>& unset) {
  SetRequest request;
  std::set<std::string> seen;
  auto add = [&](const std::string& key, std::optional<std::string> value) {
    KeyPlan plan = plan_for(key, std::move(value));
    if (!seen.insert(plan.key).second) throw UsageError(fmt::format("{} is given more than once", plan.key));
    request.keys.push_back(std::move(plan));
  };
  for (const std::string& argument : arguments) {
    const std::size_t eq = argument.find('=');
    std::error_code ec;
    if (eq != std::string::npos && looks_like_key(argument.substr(0, eq)) && !fs::exists(argument, ec))
      add(argument.substr(0, eq), argument.substr(eq + 1));
    else if (eq == 0)
      throw UsageError(fmt::format("'{}': expected KEY=VALUE, e.g. SessionTimeout=45m", argument));
    else
      request.paths.push_back(path_from_utf8(argument));
  }
  for (const std::string& key : unset) add(key, std::nullopt);
  return request;
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

TargetFiles find_targets(const std::vector<fs::path>& paths, const std::vector<KeyPlan>& keys,
                         std::optional<FileKind> forced,
                         const std::function<void(std::size_t done, std::size_t total)>& progress,
                         const std::vector<fs::path>& installed) {
  TargetFiles files;
  std::set<fs::path> seen;
  auto take = [&](Document doc) {
    if (seen.insert(identity(doc.path)).second) files.documents.push_back(std::move(doc));
  };
  // Every directory is listed first, so that progress knows the total.
  std::vector<std::optional<std::vector<fs::path>>> listed(paths.size());
  std::size_t total = 0, done = 0;
  for (std::size_t i = 0; i < paths.size(); ++i) {
    std::error_code ec;
    if (fs::is_directory(paths[i], ec)) listed[i] = find_config_files(paths[i]);
    total += listed[i] ? listed[i]->size() : 1;
  }
  if (!installed.empty()) {
    listed.emplace_back(installed);
    total += installed.size();
  }
  const auto step = [&] {
    if (progress) progress(++done, total);
  };
  for (std::size_t i = 0; i < listed.size(); ++i) {
    if (!listed[i]) {
      const fs::path& path = paths[i];
      step();
      ReadResult result = read_document(path, forced);
      if (result.containers) throw UsageError(container_not_editable(path));
      if (result.error) {
        files.errors.push_back(std::move(*result.error));
      } else if (!any_key_belongs(keys, result.document->kind)) {
        std::vector<std::string> owners;
        for (const KeyPlan& plan : keys) owners.push_back(fmt::format("{} is {}", plan.key, kinds_of(plan)));
        throw UsageError(fmt::format("{} is {} configuration file, and none of the settings given belongs in it: {}",
                                     utf8_text(path), kind_phrase(result.document->kind), fmt::join(owners, "; ")));
      } else {
        take(std::move(*result.document));
      }
      continue;
    }
    for (const fs::path& file : *listed[i]) {
      step();
      // A file whose name gives a kind no key belongs in is not read at all.
      if (const auto kind = kind_from_name(file); kind && !any_key_belongs(keys, *kind)) continue;
      ReadResult result = read_document(file);
      if (result.document && any_key_belongs(keys, result.document->kind))
        take(std::move(*result.document));
      else if (result.error && result.error->kind != ReadErrorKind::unrecognized)
        files.errors.push_back(std::move(*result.error));
    }
  }
  return files;
}

void check_every_key_has_a_file(const std::vector<KeyPlan>& keys, const std::vector<Document>& documents,
                                const std::vector<fs::path>& paths) {
  for (const KeyPlan& plan : keys) {
    if (std::ranges::any_of(documents, [&](const Document& doc) { return key_belongs(plan, doc.kind); })) continue;
    std::vector<std::string> names;
    for (const fs::path& path : paths) names.push_back(utf8_text(path));
    throw UsageError(fmt::format("{} is {}, and there is no such file in {}", plan.key, kinds_of(plan),
                                 fmt::join(names, ", ")));
  }
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

}  // namespace sessiontool::cli

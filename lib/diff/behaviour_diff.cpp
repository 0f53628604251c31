#include "diff/behaviour_diff.hpp"

#include <algorithm>
#include <map>
#include <tuple>

#include "text/ascii_case.hpp"
#include "text/path_text.hpp"

namespace sessiontool {
namespace {

namespace fs = std::filesystem;

// A deployment's first file relative to the root its side was read from.
std::vector<std::string> relative_places(const Behaviour& side, const fs::path& root) {
  std::error_code ec;
  const bool directory = fs::is_directory(root, ec);
  const fs::path base = root.lexically_normal();
  std::vector<std::string> places;
  for (const DeploymentState& d : side.deployments) {
    if (d.files.empty()) {
      places.emplace_back();
      continue;
    }
    const fs::path file = path_from_utf8(d.files.front().path).lexically_normal();
    places.push_back(root.empty() ? generic_utf8_text(file)
                     : directory  ? generic_utf8_text(file.lexically_relative(base))
                                  : generic_utf8_text(file.filename()));
  }
  return places;
}

std::string match_key(const DeploymentState& d) {
  std::string key = to_string(d.product);
  key += '\n';
  for (char c : d.name) key += ascii_lower(c);
  return key;
}

using FindingId = std::tuple<std::string, Severity, FileKind, std::string>;
FindingId finding_id(const FindingState& f) { return {f.rule, f.severity, f.kind, f.setting}; }

// Findings of `a` with no counterpart in `b` (as a multiset: a finding twice in `a`, once in `b`, is one).
std::vector<const FindingState*> only_in(const DeploymentState& a, const DeploymentState& b) {
  std::map<FindingId, int> counts;
  for (const FindingState& f : b.findings) ++counts[finding_id(f)];
  std::vector<const FindingState*> result;
  for (const FindingState& f : a.findings)
    if (--counts[finding_id(f)] < 0) result.push_back(&f);
  return result;
}

bool same_reconnect(const std::optional<ReconnectWindow>& a, const std::optional<ReconnectWindow>& b) {
  if (a.has_value() != b.has_value()) return false;
  if (!a) return true;
  return a->total == b->total && a->initial_inactivity == b->initial_inactivity &&
         a->reconnect_period == b->reconnect_period && a->removed_on_platform == b->removed_on_platform &&
         a->depends_on_platform == b->depends_on_platform;
}

bool same_warning(const std::optional<WarningLead>& a, const std::optional<WarningLead>& b) {
  if (a.has_value() != b.has_value()) return false;
  return !a || (a->lead == b->lead && a->countdown_starts_at == b->countdown_starts_at);
}

DeploymentDiff compare(const DeploymentState& before, const DeploymentState& after) {
  DeploymentDiff diff{.before = &before, .after = &after};
  if (before.inactivity.value != after.inactivity.value) diff.aspects.push_back(Aspect::inactivity_timeout);
  if (before.inactivity.bound_by != after.inactivity.bound_by) diff.aspects.push_back(Aspect::bound_by);
  if (!same_reconnect(before.reconnect, after.reconnect)) diff.aspects.push_back(Aspect::reconnect_window);
  if (!same_warning(before.warning, after.warning)) diff.aspects.push_back(Aspect::warning_lead);
  if (before.platform.major != after.platform.major || before.platform.at_least != after.platform.at_least)
    diff.aspects.push_back(Aspect::platform);
  diff.appeared = only_in(after, before);
  diff.disappeared = only_in(before, after);
  if (!diff.appeared.empty() || !diff.disappeared.empty()) diff.aspects.push_back(Aspect::findings);

  for (const SettingState& a : after.settings) {
    const SettingState* b = before.find(a.key);
    if (!b || !b->same_as(a)) diff.settings.push_back({b, &a});
  }
  for (const SettingState& b : before.settings)
    if (!after.find(b.key)) diff.settings.push_back({&b, nullptr});
  diff.status = diff.aspects.empty() ? DeploymentDiff::Status::unchanged : DeploymentDiff::Status::changed;
  diff.actions = actions_for(diff);
  return diff;
}

bool same_action(const Action& a, const Action& b) {
  return a.kind == b.kind && a.instance == b.instance && a.path == b.path && a.commands == b.commands;
}

}  // namespace

const char* to_string(Aspect aspect) {
  switch (aspect) {
    case Aspect::inactivity_timeout: return "inactivity_timeout";
    case Aspect::bound_by: return "bound_by";
    case Aspect::reconnect_window: return "reconnect_window";
    case Aspect::warning_lead: return "warning_lead";
    case Aspect::platform: return "platform";
    case Aspect::findings: return "findings";
  }
  return "?";
}

const char* to_string(DeploymentDiff::Status status) {
  switch (status) {
    case DeploymentDiff::Status::changed: return "changed";
    case DeploymentDiff::Status::unchanged: return "unchanged";
    case DeploymentDiff::Status::added: return "added";
    case DeploymentDiff::Status::removed: return "removed";
  }
  return "?";
}

std::vector<Action> actions_for(const DeploymentDiff& diff) {
  std::vector<Action> actions;
  if (!diff.before || !diff.after) return actions;
  for (FileKind kind : {FileKind::server, FileKind::web, FileKind::aos}) {
    std::vector<KeyChange> changes;
    for (const SettingChange& change : diff.settings) {
      const SettingState& s = change.either();
      const SettingInfo* info = find_setting(s.key, kind);
      if (s.kind != kind || !info || info->system_parameter) continue;
      const bool in_file_before = change.before && change.before->origin == Origin::file;
      const bool in_file_after = change.after && change.after->origin == Origin::file;
      if (!in_file_before && !in_file_after) continue;  // defaults, assumptions: no file changed
      changes.push_back({s.key, in_file_after ? std::optional(change.after->value) : std::nullopt});
    }
    const DeploymentState::File* file = diff.after->file(kind);
    if (!file) file = diff.before->file(kind);
    if (!file) continue;
    if (auto action = action_for(kind, diff.after->name, file->path, changes)) actions.push_back(std::move(*action));
  }
  return actions;
}

BehaviourDiff diff_behaviour(const Behaviour& before, const Behaviour& after, const fs::path& old_root,
                             const fs::path& new_root) {
  const std::size_t none = static_cast<std::size_t>(-1);
  std::vector<std::size_t> match_of_after(after.deployments.size(), none);
  std::vector<bool> before_taken(before.deployments.size(), false);
  std::vector<std::string> note_before(before.deployments.size()), note_after(after.deployments.size());
  const std::vector<std::string> old_places = relative_places(before, old_root);
  const std::vector<std::string> new_places = relative_places(after, new_root);

  std::map<std::string, std::pair<std::vector<std::size_t>, std::vector<std::size_t>>> by_name;
  for (std::size_t i = 0; i < before.deployments.size(); ++i) by_name[match_key(before.deployments[i])].first.push_back(i);
  for (std::size_t i = 0; i < after.deployments.size(); ++i) by_name[match_key(after.deployments[i])].second.push_back(i);
  const auto take = [&](std::size_t b, std::size_t a) {
    match_of_after[a] = b;
    before_taken[b] = true;
  };
  for (auto& [key, sides] : by_name) {
    auto& [olds, news] = sides;
    if (olds.size() == 1 && news.size() == 1) {
      take(olds.front(), news.front());
      continue;
    }
    // A name shared: the same place under each root.
    for (std::size_t a : news)
      for (std::size_t b : olds)
        if (!before_taken[b] && match_of_after[a] == none && old_places[b] == new_places[a])
          take(b, a);
    std::vector<std::size_t> left_old, left_new;
    for (std::size_t b : olds)
      if (!before_taken[b]) left_old.push_back(b);
    for (std::size_t a : news)
      if (match_of_after[a] == none) left_new.push_back(a);
    if (left_old.size() == 1 && left_new.size() == 1) {
      take(left_old.front(), left_new.front());
    } else if (!left_old.empty() && !left_new.empty()) {
      const std::string note = "the name is shared by several deployments on each side, in other folders: not matched";
      for (std::size_t b : left_old) note_before[b] = note;
      for (std::size_t a : left_new) note_after[a] = note;
    }
  }
  // Renamed in place: the same first file on each side.
  std::map<std::pair<Product, std::string>, std::size_t> left_by_place;
  for (std::size_t b = 0; b < before.deployments.size(); ++b)
    if (!before_taken[b] && note_before[b].empty())
      left_by_place.emplace(std::pair(before.deployments[b].product, old_places[b]), b);
  for (std::size_t a = 0; a < after.deployments.size(); ++a) {
    if (match_of_after[a] != none || !note_after[a].empty()) continue;
    const auto it = left_by_place.find({after.deployments[a].product, new_places[a]});
    if (it == left_by_place.end() || before_taken[it->second]) continue;
    take(it->second, a);
  }

  BehaviourDiff result;
  for (std::size_t a = 0; a < after.deployments.size(); ++a) {
    if (match_of_after[a] == none) {
      result.deployments.push_back(
          {.status = DeploymentDiff::Status::added, .after = &after.deployments[a], .note = note_after[a]});
      continue;
    }
    result.deployments.push_back(compare(before.deployments[match_of_after[a]], after.deployments[a]));
  }
  for (std::size_t b = 0; b < before.deployments.size(); ++b)
    if (!before_taken[b])
      result.deployments.push_back(
          {.status = DeploymentDiff::Status::removed, .before = &before.deployments[b], .note = note_before[b]});

  for (const DeploymentDiff& d : result.deployments) {
    switch (d.status) {
      case DeploymentDiff::Status::changed: ++result.changed; break;
      case DeploymentDiff::Status::unchanged:
        ++result.unchanged;
        if (!d.settings.empty()) ++result.no_effect;
        break;
      case DeploymentDiff::Status::added: ++result.added; break;
      case DeploymentDiff::Status::removed: ++result.removed; break;
    }
    for (const Action& action : d.actions)
      if (std::ranges::none_of(result.actions, [&](const Action& known) { return same_action(known, action); }))
        result.actions.push_back(action);
  }
  return result;
}

}  // namespace sessiontool

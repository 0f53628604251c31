#include "diff/deployment_state.hpp"

#include <functional>
#include <unordered_map>

#include "text/path_text.hpp"

namespace sessiontool {
namespace {

SettingState setting_state(const Setting& s) {
  SettingState state{.key = std::string(s.info->key), .kind = s.info->kind, .value = s.value, .origin = s.origin};
  if (s.origin == Origin::file) {
    state.path = utf8_text(s.document->path);
    state.pos = s.entry->value_pos;
  } else if (s.removed) {
    state.path = utf8_text(s.document->path);
    state.pos = s.removed->pos;
    state.removed = true;
  }
  if (s.interpretation.ok()) state.duration = s.interpretation.duration;
  return state;
}

bool is_read_error(const Diagnostic& d) { return d.rule == "ST001" || d.rule == "ST002"; }

}  // namespace

const SettingState* DeploymentState::find(std::string_view key) const {
  for (const SettingState& s : settings)
    if (s.key == key) return &s;
  return nullptr;
}

const DeploymentState::File* DeploymentState::file(FileKind kind) const {
  for (const File& f : files)
    if (f.kind == kind) return &f;
  return nullptr;
}

DeploymentState deployment_state(const Deployment& d) {
  DeploymentState state{.product = d.product, .name = d.name, .platform = d.platform, .inactivity = d.inactivity,
                        .reconnect = d.reconnect, .warning = d.warning};
  for (const Document* doc : d.files()) state.files.push_back({doc->kind, utf8_text(doc->path)});
  for (const Setting& s : d.settings)
    if (s.info->session_key) state.settings.push_back(setting_state(s));
  return state;
}

void attach_findings(std::vector<DeploymentState>& deployments, const std::vector<Diagnostic>& findings) {
  std::unordered_map<std::string, std::vector<std::pair<std::size_t, FileKind>>> by_path;
  for (std::size_t i = 0; i < deployments.size(); ++i)
    for (const DeploymentState::File& f : deployments[i].files) by_path[f.path].emplace_back(i, f.kind);
  for (const Diagnostic& d : findings) {
    const auto it = by_path.find(utf8_text(d.path));
    if (it == by_path.end()) continue;
    for (const auto& [index, kind] : it->second)
      deployments[index].findings.push_back({.rule = std::string(d.rule), .severity = d.severity, .kind = kind,
                                             .setting = d.setting, .message = d.message, .path = it->first,
                                             .pos = d.start});
  }
}

namespace {

// What the lint driver reports of every deployment, `lint` running it with these options and an
// emit function.
Behaviour behaviour_from(const LintFilesOptions& run,
                         const std::function<LintTotals(const LintFilesOptions&,
                                                        const std::function<void(const Diagnostic&)>&)>& lint) {
  Behaviour result;
  LintFilesOptions with_states = run;
  with_states.deployment = [&](const Deployment& d) { result.deployments.push_back(deployment_state(d)); };
  std::vector<Diagnostic> findings;
  const LintTotals totals = lint(with_states, [&](const Diagnostic& d) {
    if (is_read_error(d)) result.read_errors.push_back(d);
    else findings.push_back(d);
  });
  result.files = totals.files;
  result.containers = totals.deployments - result.deployments.size();
  attach_findings(result.deployments, findings);
  return result;
}

}  // namespace

Behaviour behaviour_of_paths(const std::vector<std::filesystem::path>& paths, std::optional<FileKind> as,
                             const LintOptions& options, const LintFilesOptions& run) {
  return behaviour_from(run, [&](const LintFilesOptions& with_states, const auto& emit) {
    return lint_files(paths, as, options, with_states, emit);
  });
}

Behaviour behaviour_of(Inputs inputs, const LintOptions& options) {
  return behaviour_from({}, [&](const LintFilesOptions& with_states, const auto& emit) {
    return lint_inputs(std::move(inputs), options, with_states, emit);
  });
}

}  // namespace sessiontool

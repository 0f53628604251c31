#include "diff_markdown.hpp"

#include <fmt/format.h>

#include "markdown.hpp"
#include "resolve/resolve.hpp"
#include "state_text.hpp"

namespace sessiontool::cli {
namespace {

using markdown::code;
using markdown::text;

constexpr Aspect kShownAspects[] = {Aspect::inactivity_timeout, Aspect::bound_by, Aspect::reconnect_window,
                                    Aspect::warning_lead, Aspect::platform};

std::string setting_cell(const SettingState* s) {
  if (!s) return text("(none)");
  const std::string origin = s->origin == Origin::file
                                 ? code(fmt::format("{}:{}", s->path, s->pos.line))
                                 : text(setting_origin_text(*s));
  return fmt::format("{} {}, {}", code(s->value.empty() ? std::string("(not set)") : s->value),
                     s->duration ? text("(" + format_human(*s->duration) + ")") : std::string(), origin);
}

// "**warning** `ST103` at `path:12`: message"
std::string finding_item(const FindingState& f) {
  const std::string where = f.pos.line > 0 ? fmt::format("{}:{}", f.path, f.pos.line) : f.path;
  return fmt::format("**{}** {} at {}: {}", to_string(f.severity), code(f.rule), code(where), text(f.message));
}

std::string deployment_title(const DeploymentDiff& d) {
  const DeploymentState& current = d.current();
  std::string out = fmt::format("#### {} · {}", code(current.name), text(product_title(current.product)));
  if (d.renamed()) out += fmt::format(" (renamed from {})", code(d.before->name));
  return out + "\n\n";
}

std::string changed_block(const DeploymentDiff& d) {
  std::string out = deployment_title(d);
  std::vector<std::vector<std::string>> rows;
  for (Aspect aspect : d.aspects) {
    if (aspect == Aspect::findings) continue;
    rows.push_back({text(aspect_label(aspect)), text(aspect_text(aspect, *d.before)),
                    "**" + text(aspect_text(aspect, *d.after)) + "**"});
  }
  if (!rows.empty()) out += markdown::table({"", "Before", "After"}, rows) + "\n";
  if (!d.settings.empty()) {
    std::vector<std::vector<std::string>> settings;
    for (const SettingChange& change : d.settings)
      settings.push_back({code(change.either().key), setting_cell(change.before), setting_cell(change.after)});
    out += markdown::table({"Setting", "Before", "After"}, settings) + "\n";
  }
  std::string findings;
  for (const FindingState* f : d.appeared) findings += "- appears: " + finding_item(*f) + "\n";
  for (const FindingState* f : d.disappeared) findings += "- goes: " + finding_item(*f) + "\n";
  if (!findings.empty()) out += "Findings:\n\n" + findings + "\n";
  std::string actions;
  for (const Action& action : d.actions) {
    if (action.automatic()) {
      actions += fmt::format("- {} ({})\n", text(action.consequence), code(action.path));
      continue;
    }
    for (const std::string& command : action.commands) actions += fmt::format("- {}: ", code(command));
    actions += text(action.consequence) + "\n";
  }
  if (!actions.empty()) out += "Rollout:\n\n" + actions + "\n";
  return out;
}

std::string state_table(const std::vector<const DeploymentDiff*>& list, bool after) {
  std::vector<std::vector<std::string>> rows;
  for (const DeploymentDiff* d : list) {
    const DeploymentState& s = after ? *d->after : *d->before;
    std::vector<std::string> row = {code(s.name), text(product_title(s.product))};
    for (Aspect aspect : kShownAspects) {
      const bool applies = (aspect != Aspect::reconnect_window || s.reconnect) &&
                           (aspect != Aspect::warning_lead || s.warning) &&
                           (aspect != Aspect::platform || s.product == Product::business_central);
      row.push_back(applies ? text(aspect_text(aspect, s)) : text("-"));
    }
    rows.push_back(std::move(row));
  }
  return markdown::table({"Deployment", "Product", "Inactivity timeout", "Bound by", "Reconnect window",
                          "Warning lead", "Platform"},
                         rows);
}

}  // namespace

std::string render_diff_markdown(const BehaviourDiff& diff, bool all) {
  std::string out = fmt::format("### sessiontool diff: {}\n\n", text(summary_text(diff)));
  std::vector<const DeploymentDiff*> added, removed, unchanged;
  for (const DeploymentDiff& d : diff.deployments) {
    switch (d.status) {
      case DeploymentDiff::Status::changed: out += changed_block(d); break;
      case DeploymentDiff::Status::added: added.push_back(&d); break;
      case DeploymentDiff::Status::removed: removed.push_back(&d); break;
      case DeploymentDiff::Status::unchanged: unchanged.push_back(&d); break;
    }
  }
  if (!added.empty()) out += "#### Added\n\n" + state_table(added, true) + "\n";
  if (!removed.empty()) out += "#### Removed\n\n" + state_table(removed, false) + "\n";
  if (all && !unchanged.empty()) out += "#### Unchanged\n\n" + state_table(unchanged, true) + "\n";
  if (!diff.any_change()) out += text("No deployment changes behaviour.") + "\n";
  return out;
}

}  // namespace sessiontool::cli

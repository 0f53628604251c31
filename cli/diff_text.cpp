#include "diff_text.hpp"

#include <fmt/format.h>

#include "resolve/resolve.hpp"
#include "state_text.hpp"

namespace sessiontool::cli {
namespace {

constexpr Aspect kShownAspects[] = {Aspect::inactivity_timeout, Aspect::bound_by, Aspect::reconnect_window,
                                    Aspect::warning_lead, Aspect::platform};

std::string line(std::string_view label, std::string_view text) { return fmt::format("  {:<20}{}\n", label, text); }

std::string header(const DeploymentDiff& d, std::string_view status, const Style& style) {
  const DeploymentState& current = d.current();
  std::string out = fmt::format("{} {}", style.bold(current.name), style.dim(fmt::format("({})", product_title(current.product))));
  if (d.renamed()) out += fmt::format(", renamed from {}", d.before->name);
  return out + ": " + std::string(status) + "\n";
}

// The effective values of a deployment on one side (added or removed).
std::string state_lines(const DeploymentState& s) {
  std::string out;
  for (Aspect aspect : kShownAspects) {
    if (aspect == Aspect::reconnect_window && !s.reconnect) continue;
    if (aspect == Aspect::warning_lead && !s.warning) continue;
    if (aspect == Aspect::platform && s.product != Product::business_central) continue;
    out += line(aspect_label(aspect), aspect_text(aspect, s));
  }
  for (const DeploymentState::File& f : s.files) out += line(to_string(f.kind), f.path);
  return out;
}

std::string setting_side(const SettingState* s) {
  if (!s) return "(none)";
  return fmt::format("{} ({})", setting_value_text(*s), setting_origin_text(*s));
}

std::string settings_lines(const DeploymentDiff& d, std::string_view title, const Style& style) {
  if (d.settings.empty()) return {};
  std::string out = fmt::format("  {}\n", title);
  for (const SettingChange& change : d.settings)
    out += fmt::format("    {}  {} -> {}\n", style.bold(change.either().key), style.red(setting_side(change.before)),
                       style.green(setting_side(change.after)));
  return out;
}

std::string actions_lines(const DeploymentDiff& d, const Style& style) {
  std::string out;
  for (const Action& action : d.actions) {
    if (action.automatic()) {
      out += line("then", fmt::format("{} ({})", action.consequence, action.path));
      continue;
    }
    for (const std::string& command : action.commands) out += line("run", style.cyan(command));
    out += line("", style.dim(action.consequence));
  }
  return out;
}

}  // namespace

std::string render_deployment_diff_text(const DeploymentDiff& d, const Style& style) {
  std::string out;
  switch (d.status) {
    case DeploymentDiff::Status::changed: {
      out += header(d, style.yellow("behaviour changes"), style);
      for (Aspect aspect : d.aspects) {
        if (aspect == Aspect::findings) continue;
        out += line(aspect_label(aspect), fmt::format("{} -> {}", style.red(aspect_text(aspect, *d.before)),
                                                      style.green(aspect_text(aspect, *d.after))));
      }
      out += settings_lines(d, "because of", style);
      for (const FindingState* f : d.appeared) out += line("finding appears", finding_text(*f));
      for (const FindingState* f : d.disappeared) out += line("finding goes", finding_text(*f));
      out += actions_lines(d, style);
      break;
    }
    case DeploymentDiff::Status::unchanged:
      out += header(d, "no change in behaviour", style);
      out += settings_lines(d, "settings that change without effect on sessions", style);
      out += actions_lines(d, style);
      break;
    case DeploymentDiff::Status::added:
      out += header(d, style.green("added"), style);
      out += state_lines(*d.after);
      break;
    case DeploymentDiff::Status::removed:
      out += header(d, style.red("removed"), style);
      out += state_lines(*d.before);
      break;
  }
  if (!d.note.empty()) out += line("", d.note);
  return out;
}

std::string render_diff_text(const BehaviourDiff& diff, bool all, const Style& style) {
  std::string out;
  for (const DeploymentDiff& d : diff.deployments) {
    if (d.status == DeploymentDiff::Status::unchanged && !all) continue;
    out += render_deployment_diff_text(d, style) + "\n";
  }
  return out + summary_text(diff) + "\n";
}

}  // namespace sessiontool::cli

#include "show_markdown.hpp"

#include <fmt/format.h>

#include "read/containers.hpp"
#include "markdown.hpp"
#include "text/path_text.hpp"
#include "show_text.hpp"

namespace sessiontool::cli {
namespace {

constexpr std::string_view kNotApplicable = "n/a";

std::string files_cell(const Deployment& d) {
  if (d.container) {  // both settings documents are made from its description
    const Container& c = *d.container;
    return fmt::format("{} {}{}", to_string(d.container_file->source),
                       markdown::code(fmt::format("{}:{}:{}", utf8_text(d.container_file->path), c.pos.line, c.pos.column)),
                       c.image.empty() ? "" : ", image " + markdown::code(c.image));
  }
  std::string out;
  for (const Document* doc : d.files())
    out += fmt::format("{}{} {}", out.empty() ? "" : ", ", to_string(doc->kind), markdown::code(utf8_text(doc->path)));
  return out;
}

// The setting(s) that bind and where each comes from: `SessionTimeout` `path:10:25`.
std::string bound_by_cell(const Deployment& d) {
  if (d.product == Product::business_central && d.inactivity.value.is_unbounded())
    return "nothing: ClientServicesIdleClientTimeout and SessionTimeout are both unbounded";
  std::string out;
  for (const std::string& key : d.inactivity.bound_by) {
    const Setting* setting = d.find(key);
    if (!out.empty()) out += " and ";
    out += markdown::code(key);
    if (!setting) continue;
    const std::string origin = origin_text(*setting);
    out += " " + (setting->origin == Origin::file ? markdown::code(origin) : markdown::text(origin));
  }
  // F&O: the legacy web.config key wins over the system parameter, whatever the parameter says.
  if (const Setting* parameter = d.find(keys::kFoSystemParameter);
      parameter && d.inactivity.bound_by.front() == keys::kFoLegacyTimeout)
    out += markdown::text(fmt::format(", which shadows the system parameter {} ({})", keys::kFoSystemParameter,
                                      format_human(parameter->effective.value_or(Duration{0}))));
  return out;
}

std::string reconnect_cell(const Deployment& d) {
  if (!d.reconnect) return std::string(kNotApplicable);
  const ReconnectWindow& w = *d.reconnect;
  if (w.removed_on_platform) return "none (platform 21 and later: the session ends with its connection)";
  const std::string total = fmt::format("{} ({} initial inactivity + {} orphaned, may reconnect)", format_human(w.total),
                                        format_human(w.initial_inactivity), format_human(w.reconnect_period));
  if (w.depends_on_platform) return total + " on platform 20 and earlier; none on 21 and later";
  return total;
}

std::string warning_cell(const Deployment& d) {
  if (!d.warning) return std::string(kNotApplicable);
  return fmt::format("{}, countdown from {}", format_human(d.warning->lead), format_human(d.warning->countdown_starts_at));
}

// Refusals and the other notices of `show`, then each session value the product cannot read
// (the default stands in for it).
std::string notices_cell(const Deployment& d) {
  std::string out;
  const auto separate = [&] { out += out.empty() ? "" : "; "; };
  for (const Notice& notice : deployment_notices(d)) {
    separate();
    out += (notice.refusal ? "refused: " : "") + markdown::text(notice.text);
    for (const Document* doc : notice.files) out += " " + markdown::code(utf8_text(doc->path));
  }
  for (const Setting& setting : d.settings) {
    if (!setting.info->session_key || setting.interpretation.ok()) continue;
    separate();
    out += fmt::format("{} = {} at {} is not valid ({}): the default applies", markdown::code(setting.info->key),
                       markdown::code(setting.value), markdown::code(origin_text(setting)),
                       markdown::text(setting.interpretation.error));
  }
  return out;
}

std::vector<std::string> row(const Deployment& d) {
  const bool bc = d.product == Product::business_central;
  return {markdown::text(fmt::format("{} ({})", d.name, product_title(d.product))),
          format_human(d.inactivity.value),
          bound_by_cell(d),
          reconnect_cell(d),
          warning_cell(d),
          bc ? markdown::text(platform_text(d.platform)) : std::string(kNotApplicable),
          notices_cell(d),
          files_cell(d)};
}

}  // namespace

std::string render_show_markdown(const std::vector<Deployment>& deployments, const std::vector<ReadError>& errors) {
  std::string out = "## sessiontool show\n\n";
  if (deployments.empty()) {
    out += "No deployments found.\n";
  } else {
    std::vector<std::vector<std::string>> rows;
    for (const Deployment& d : deployments) rows.push_back(row(d));
    out += markdown::table({"Deployment", "Inactivity timeout", "Bound by", "Reconnect window", "Warning lead",
                            "Platform", "Attention", "Files"},
                           rows);
  }
  if (errors.empty()) return out;
  std::vector<std::vector<std::string>> rows;
  for (const ReadError& e : errors) {
    std::string where = utf8_text(e.path);
    if (e.pos.line > 0) where += fmt::format(":{}:{}", e.pos.line, e.pos.column);
    rows.push_back({markdown::code(where), markdown::text(e.message)});
  }
  out += "\n### Files not read\n\n" + markdown::table({"File", "Problem"}, rows);
  return out;
}

}  // namespace sessiontool::cli

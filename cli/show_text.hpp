#pragma once
// `show` for people: per deployment, its files, each relevant setting with its value in
// native and human form and its origin, the effective values with why, and a timeline.

#include <optional>
#include <string>
#include <vector>

#include "resolve/resolve.hpp"
#include "style.hpp"

namespace sessiontool::cli {

struct ShowTextOptions {
  bool all = false;  // also the other catalogued timeouts
  std::optional<Duration> lb_idle_timeout;
};

std::string render_show_text(const std::vector<Deployment>& deployments, const ShowTextOptions& options,
                             const Style& style);

// "00:20:00 (20m)", "MaxValue (never)", "120 (2m)", or the text itself for strings.
std::string value_with_human(const Setting& setting);
// "default", "path:line:col", "system parameter", "assumed".
std::string origin_text(const Setting& setting);

// "23 (from the install folder …)", "unknown (nothing in the files tells): …".
std::string platform_text(const BcPlatform& platform);

// What an administrator must see about a deployment besides its values: a file the product
// refuses to start with (a refusal), encrypted settings, a web instance paired with no server or
// with several (`files`).
struct Notice {
  bool refusal = false;
  std::string text;
  std::vector<const Document*> files;
};
std::vector<Notice> deployment_notices(const Deployment& d);

}  // namespace sessiontool::cli

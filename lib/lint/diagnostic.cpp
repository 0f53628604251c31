#include "lint/diagnostic.hpp"

#include <algorithm>
#include <tuple>

#include "text/path_text.hpp"

namespace sessiontool {

Diagnostic at_value(std::string_view rule, Severity severity, const Document& doc, const Entry& entry,
                    std::string message) {
  return {.rule = rule,
          .severity = severity,
          .path = doc.path,
          .start = entry.value_pos,
          .end = entry.value_end_pos,
          .message = std::move(message),
          .setting = entry.key};
}

Diagnostic at_file(std::string_view rule, Severity severity, const Document& doc, std::string message,
                   std::string_view setting) {
  return {.rule = rule,
          .severity = severity,
          .path = doc.path,
          .start = doc.anchor,
          .end = doc.anchor,
          .message = std::move(message),
          .setting = std::string(setting)};
}

bool diagnostic_before(const Diagnostic& a, const Diagnostic& b) {
  if (path_before(a.path.native(), b.path.native())) return true;
  if (path_before(b.path.native(), a.path.native())) return false;
  // A server shared by several deployments: its finding is kept once, for the first of them.
  return std::tie(a.start.line, a.start.column, a.rule, a.message, a.deployment) <
         std::tie(b.start.line, b.start.column, b.rule, b.message, b.deployment);
}

void sort_diagnostics(std::vector<Diagnostic>& diagnostics) { std::ranges::sort(diagnostics, diagnostic_before); }

}  // namespace sessiontool

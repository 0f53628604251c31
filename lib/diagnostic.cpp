#include "diagnostic.hpp"

#include <algorithm>
#include <numeric>
#include <tuple>

#include "path_text.hpp"

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
  const std::string pa = generic_utf8_text(a.path);
  const std::string pb = generic_utf8_text(b.path);
  return std::tie(pa, a.start.line, a.start.column, a.rule, a.message) <
         std::tie(pb, b.start.line, b.start.column, b.rule, b.message);
}

void sort_diagnostics(std::vector<Diagnostic>& diagnostics) {
  std::vector<std::string> paths;
  paths.reserve(diagnostics.size());
  for (const Diagnostic& d : diagnostics) paths.push_back(generic_utf8_text(d.path));
  std::vector<std::size_t> order(diagnostics.size());
  std::iota(order.begin(), order.end(), std::size_t{0});
  std::ranges::sort(order, [&](std::size_t i, std::size_t j) {
    const Diagnostic& a = diagnostics[i];
    const Diagnostic& b = diagnostics[j];
    return std::tie(paths[i], a.start.line, a.start.column, a.rule, a.message) <
           std::tie(paths[j], b.start.line, b.start.column, b.rule, b.message);
  });
  std::vector<Diagnostic> sorted;
  sorted.reserve(diagnostics.size());
  for (std::size_t i : order) sorted.push_back(std::move(diagnostics[i]));
  diagnostics = std::move(sorted);
}

}  // namespace sessiontool

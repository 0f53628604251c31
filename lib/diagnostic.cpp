#include "diagnostic.hpp"

#include <tuple>

namespace sessiontool {

Diagnostic at_value(std::string_view rule, Severity severity, const Document& doc, const Entry& entry,
                    std::string message) {
  return {.rule = rule,
          .severity = severity,
          .path = doc.path,
          .start = entry.value_pos,
          .end = doc.source.position(entry.value_span.end()),
          .message = std::move(message),
          .setting = entry.key};
}

Diagnostic at_file(std::string_view rule, Severity severity, const Document& doc, std::string message,
                   std::string_view setting) {
  Position where{1, 1};
  if (!doc.sections.empty()) {
    // The first non-blank character of the line holding the section's opening tag or brace.
    const std::string& bytes = doc.source.bytes();
    std::size_t offset = doc.source.line_start(doc.sections.front().body_begin == 0
                                                   ? 0
                                                   : doc.sections.front().body_begin - 1);
    while (offset < bytes.size() && (bytes[offset] == ' ' || bytes[offset] == '\t')) ++offset;
    where = doc.source.position(offset);
  }
  return {.rule = rule,
          .severity = severity,
          .path = doc.path,
          .start = where,
          .end = where,
          .message = std::move(message),
          .setting = std::string(setting)};
}

bool diagnostic_before(const Diagnostic& a, const Diagnostic& b) {
  const std::string pa = a.path.generic_string();
  const std::string pb = b.path.generic_string();
  return std::tie(pa, a.start.line, a.start.column, a.rule, a.message) <
         std::tie(pb, b.start.line, b.start.column, b.rule, b.message);
}

}  // namespace sessiontool

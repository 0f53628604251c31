#pragma once
// What the fuzz targets share: a check that stops the fuzzer with a message (assert() would
// vanish under NDEBUG), and the invariants every Document must keep whatever its bytes.

#include <cstdio>
#include <cstdlib>
#include <string_view>

#include "read/document.hpp"

namespace sessiontool::fuzz {

[[noreturn]] inline void fail(const char* what, std::string_view detail = {}) {
  std::fprintf(stderr, "fuzz check failed: %s %.*s\n", what, static_cast<int>(detail.size()), detail.data());
  std::abort();
}

#define FUZZ_CHECK(condition, ...) \
  do {                             \
    if (!(condition)) ::sessiontool::fuzz::fail(#condition __VA_OPT__(, ) __VA_ARGS__); \
  } while (false)

inline bool within(Span span, std::size_t size) { return span.offset <= size && span.length <= size - span.offset; }

// Every span inside the text and inside its entry, sections ordered, positions on real lines:
// show, lint and set index the original bytes with these.
inline void check_document(const Document& doc) {
  const std::size_t size = doc.source.bytes().size();
  for (const Section& s : doc.sections) {
    FUZZ_CHECK(s.body_begin <= s.body_end && s.body_end <= size);
    if (s.self_closing_tag) FUZZ_CHECK(within(*s.self_closing_tag, size));
  }
  for (const Entry& e : doc.entries) {
    // A JSON member at the top level belongs to no section.
    FUZZ_CHECK(e.section < doc.sections.size() || doc.format == FileFormat::json);
    FUZZ_CHECK(within(e.entry_span, size) && within(e.key_span, size) && within(e.value_span, size));
    FUZZ_CHECK(e.entry_span.offset <= e.key_span.offset && e.key_span.end() <= e.entry_span.end());
    FUZZ_CHECK(e.entry_span.offset <= e.value_span.offset && e.value_span.end() <= e.entry_span.end());
    FUZZ_CHECK(e.name_offset <= e.key.size());
    if (e.section < doc.sections.size()) {
      const Section& s = doc.sections[e.section];
      FUZZ_CHECK(s.body_begin <= e.entry_span.offset && e.entry_span.end() <= s.body_end);
    }
    FUZZ_CHECK(e.key_pos.line >= 1 && e.value_pos.line >= 1);
    FUZZ_CHECK(e.key_pos == doc.source.position(e.key_span.offset));
    FUZZ_CHECK(e.value_pos == doc.source.position(e.value_span.offset));
  }
  for (const Removal& r : doc.removals) {
    FUZZ_CHECK(r.section < doc.sections.size() && r.before <= doc.entries.size() && within(r.element, size));
    FUZZ_CHECK(r.pos == doc.source.position(r.element.offset));
  }
  for (const Refusal& r : doc.refusals) FUZZ_CHECK(r.start.line >= 1);
}

}  // namespace sessiontool::fuzz

#pragma once
// Layout for the editor: where a new entry goes and what it looks like (copied from its
// siblings), and which bytes leave with a removed entry.

#include <expected>
#include <string>
#include <string_view>

#include "read/document.hpp"
#include "text/source_text.hpp"

namespace sessiontool {

// Replace the bytes of `span` in the original text by `text` (an empty span inserts).
struct Splice {
  Span span;
  std::string text;
};

// Inserts `key` with `value` (native text, not yet escaped) after the last entry of the
// document's target section, in the style of its neighbours; the error says why the file
// has no place for it.
std::expected<Splice, std::string> insertion_splice(const Document& doc, std::string_view key,
                                                    std::string_view value);

// The section a new key of this document's kind goes into: "appSettings" (server, aos),
// "DynamicsNAVSettings" (NAV web.config) or "NAVWebSettings" (navsettings.json).
std::string_view target_section_name(const Document& doc);

// Removes one entry: its whole line when nothing else is on it, and for JSON one comma, so
// the object stays valid.
Splice removal_splice(const Document& doc, const Entry& entry);

}  // namespace sessiontool

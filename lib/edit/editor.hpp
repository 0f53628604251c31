#pragma once
// The editor behind `set`: new bytes for a document, made by splicing the readers' byte spans,
// so every byte but the edited values stays as it was (SPEC §7). It never touches the disk.

#include <cstddef>
#include <expected>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "read/document.hpp"
#include "text/source_text.hpp"

namespace sessiontool {

// One change to make: a key gets a value (native text, e.g. "00:45:00"), or is removed.
struct Edit {
  std::string key;
  std::optional<std::string> value;  // nullopt: unset
};

// What an edit did to the file.
enum class ChangeKind {
  unchanged,  // the value was already there, or an unset key was not set
  changed,    // an existing entry got a new value
  added,      // a new entry was inserted
  removed,    // every entry with the key was removed
};

struct Change {
  std::string key;
  ChangeKind kind = ChangeKind::unchanged;
  std::optional<std::string> old_value;  // the value in force before (the last occurrence)
  std::optional<std::string> new_value;  // the value in force after
  Position where;                        // the edited entry in the original file (line 0 for added)
  // The key as the file spells it, when an entry was in force (it may differ from `key` in
  // letter case: the entry is changed where it stands, not renamed).
  std::string spelling;
  // No entry was in force because this <remove> or <clear/> took the key out (XML).
  std::optional<Removal> taken_out;
  // How many times the key appeared in the file, in any letter case. A duplicated key is changed
  // at its last occurrence only, the one that takes effect (as in .NET); unset removes them all.
  std::size_t occurrences = 0;
};

struct EditResult {
  std::string bytes;  // the new text; equal to the original when nothing changed
  std::vector<Change> changes;  // one per edit, in edit order
  bool modified() const;
};

enum class EditErrorKind {
  unsupported,  // the file has no place for the key (no section of the right name)
  internal,     // the spliced text did not read back as intended: a bug, nothing to write
};

struct EditError {
  EditErrorKind kind = EditErrorKind::internal;
  std::string message;
};

// Applies the edits in order to the document's text, keys matched as the product matches them
// (case-insensitively; <remove> and <clear/> honoured). Each key may appear once among the
// edits. Every edit is spliced at the readers' spans and the result is read again; the final
// text must resolve each edited key to its new value (or to nothing, for an unset) and keep
// every other entry as it was, else the result is an internal error.
std::expected<EditResult, EditError> apply_edits(const Document& doc, std::span<const Edit> edits);

}  // namespace sessiontool

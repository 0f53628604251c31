#pragma once
// What lint keeps of a checked file until every file of a fleet has been read: the session
// values resolution and pairing read, with where they are, and the file's own findings. A few
// hundred bytes where the file was tens of kilobytes.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "read/catalog.hpp"
#include "lint/diagnostic.hpp"
#include "read/document.hpp"

namespace sessiontool {

// The texts of a fleet's files, each kept once for the whole run (kept_once): a fleet made from
// one template repeats its values and its platform evidence thousands of times.
const std::string* kept_once(std::string text);

struct Summary {
  struct Value {
    const SettingInfo* setting;  // the key, a session key of the file's kind
    const std::string* value;    // kept_once
    Position value_pos;
    Position value_end_pos;
  };
  FileKind kind = FileKind::server;
  FileFormat format = FileFormat::xml;
  // Where the file's own path goes back into the evidence, which names it ("KEY at PATH:LINE,
  // ..."): a fleet's paths are kept once, in FileRecord::path. kNoPath: it names none.
  static constexpr std::uint16_t kNoPath = UINT16_MAX;
  std::uint16_t evidence_path_at = kNoPath;
  Position anchor;
  BcPlatform platform;        // what the file tells of its platform, but its evidence:
  const std::string* evidence = nullptr;  // kept_once, without the path
  std::vector<Value> values;  // the entry in force of each session key, in catalog order

  const std::string* find(std::string_view key) const;
};

// The document's summary; it takes the values' text.
Summary summarize(Document&& document);
// The part of the Document resolution and the deployment checks read.
Document rebuild(const Summary& summary, const std::filesystem::path& path);

struct FileRecord {
  std::filesystem::path::string_type path;  // as the reader keeps it
  std::optional<Summary> summary;    // none for a file that could not be read
  std::vector<Diagnostic> findings;  // of the document checks, or its read error; paths left empty
  // A container description: its Business Central deployments, already checked (no summary; each
  // finding carries its container's number in the file).
  std::uint32_t containers = 0;
};

}  // namespace sessiontool

#include "lint/file_record.hpp"

#include <mutex>
#include <unordered_set>
#include <utility>

#include "text/path_text.hpp"

namespace sessiontool {

const std::string* kept_once(std::string text) {
  static std::mutex mutex;
  static std::unordered_set<std::string> texts;  // its elements stay where they are as it grows
  const std::scoped_lock lock(mutex);
  return &*texts.insert(std::move(text)).first;
}

const std::string* Summary::find(std::string_view key) const {
  for (const Value& value : values)
    if (value.setting->key == key) return value.value;
  return nullptr;
}

Summary summarize(Document&& document) {
  Summary summary{.kind = document.kind, .format = document.format, .anchor = document.anchor,
                  .platform = std::move(document.platform)};
  // Document::in_force's answers, in catalog order.
  for (const SettingInfo& setting : catalog()) {
    if (setting.kind != document.kind || !setting.session_key || setting.system_parameter) continue;
    if (const Entry* entry = document.in_force(setting.key))
      summary.values.push_back({&setting, kept_once(entry->value), entry->value_pos, entry->value_end_pos});
  }
  summary.values.shrink_to_fit();  // kept for every file of a fleet
  std::string evidence = std::exchange(summary.platform.evidence, {});
  const std::string path = utf8_text(document.path);
  if (const std::size_t at = evidence.find(" at " + path + ":"); at != std::string::npos && at + 4 < Summary::kNoPath) {
    summary.evidence_path_at = static_cast<std::uint16_t>(at + 4);
    evidence.erase(at + 4, path.size());
  }
  summary.evidence = kept_once(std::move(evidence));
  return summary;
}

Document rebuild(const Summary& summary, const std::filesystem::path& path) {
  Document doc;
  doc.path = path;
  doc.kind = summary.kind;
  doc.format = summary.format;
  doc.anchor = summary.anchor;
  doc.platform = summary.platform;
  doc.platform.evidence = *summary.evidence;
  if (summary.evidence_path_at != Summary::kNoPath)
    doc.platform.evidence.insert(summary.evidence_path_at, utf8_text(path));
  doc.entries.reserve(summary.values.size());
  for (const Summary::Value& value : summary.values)
    doc.entries.push_back({.key = std::string(value.setting->key), .value = *value.value,
                           .value_pos = value.value_pos, .value_end_pos = value.value_end_pos,
                           .setting = value.setting});
  return doc;
}

}  // namespace sessiontool

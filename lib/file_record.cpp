#include "file_record.hpp"

namespace sessiontool {

const std::string* Summary::find(std::string_view key) const {
  for (const Value& value : values)
    if (value.setting->key == key) return &value.value;
  return nullptr;
}

Summary summarize(Document&& document) {
  Summary summary{.kind = document.kind, .format = document.format, .anchor = document.anchor,
                  .platform = std::move(document.platform)};
  // Document::in_force's answers, in catalog order.
  for (const SettingInfo& setting : catalog()) {
    if (setting.kind != document.kind || !setting.session_key || setting.system_parameter) continue;
    if (const Entry* entry = document.in_force(setting.key))
      summary.values.push_back({&setting, entry->value, entry->value_pos, entry->value_end_pos});
  }
  return summary;
}

Document rebuild(const Summary& summary, const std::filesystem::path& path) {
  Document doc;
  doc.path = path;
  doc.kind = summary.kind;
  doc.format = summary.format;
  doc.anchor = summary.anchor;
  doc.platform = summary.platform;
  doc.entries.reserve(summary.values.size());
  for (const Summary::Value& value : summary.values)
    doc.entries.push_back({.key = std::string(value.setting->key), .value = value.value,
                           .value_pos = value.value_pos, .value_end_pos = value.value_end_pos,
                           .setting = value.setting});
  return doc;
}

}  // namespace sessiontool

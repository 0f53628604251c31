#include "file_record.hpp"

#include <algorithm>
#include <cstdint>
#include <cstring>

#include "path_text.hpp"
#include "rules.hpp"

namespace sessiontool {
namespace {

// Fixed-size fields as their bytes (both ends are this process), strings after their length.
class Writer {
 public:
  template <typename T>
  void put(const T& value) {
    static_assert(std::is_trivially_copyable_v<T>);
    bytes_.append(reinterpret_cast<const char*>(&value), sizeof value);
  }
  template <typename Char>
  void put_text(std::basic_string_view<Char> text) {
    put(static_cast<std::uint32_t>(text.size()));
    bytes_.append(reinterpret_cast<const char*>(text.data()), text.size() * sizeof(Char));
  }
  std::string take() { return std::move(bytes_); }

 private:
  std::string bytes_;
};

class Reader {
 public:
  explicit Reader(std::string_view bytes) : bytes_(bytes) {}
  template <typename T>
  T get() {
    T value;
    std::memcpy(&value, take(sizeof value).data(), sizeof value);
    return value;
  }
  std::string_view get_text() { return take(get<std::uint32_t>()); }
  std::filesystem::path::string_type get_path() {
    using Char = std::filesystem::path::value_type;
    const std::string_view bytes = take(get<std::uint32_t>() * sizeof(Char));
    std::filesystem::path::string_type path(bytes.size() / sizeof(Char), Char{});
    std::memcpy(path.data(), bytes.data(), bytes.size());
    return path;
  }

 private:
  std::string_view take(std::size_t size) {
    const std::string_view part = bytes_.substr(0, size);
    bytes_.remove_prefix(size);
    return part;
  }
  std::string_view bytes_;
};

}  // namespace

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

std::string encode(const FileRecord& record) {
  Writer out;
  out.put_text(PathText(record.path));
  out.put(record.containers);
  out.put(record.summary.has_value());
  if (const auto& summary = record.summary) {
    out.put(summary->kind);
    out.put(summary->format);
    out.put(summary->anchor);
    out.put(summary->platform.major);
    out.put(summary->platform.at_least);
    out.put(summary->platform.source);
    out.put_text(std::string_view(summary->platform.evidence));
    out.put(summary->platform.pos);
    out.put(static_cast<std::uint32_t>(summary->values.size()));
    for (const Summary::Value& value : summary->values) {
      out.put(static_cast<std::uint32_t>(value.setting - catalog().data()));
      out.put_text(std::string_view(value.value));
      out.put(value.value_pos);
      out.put(value.value_end_pos);
    }
  }
  out.put(static_cast<std::uint32_t>(record.findings.size()));
  for (const Diagnostic& d : record.findings) {
    out.put_text(d.rule);
    out.put(d.severity);
    out.put(d.start);
    out.put(d.end);
    out.put_text(std::string_view(d.message));
    out.put_text(std::string_view(d.setting));
    out.put(d.deployment);  // a container's findings know theirs already
    out.put_text(std::string_view(d.deployment_name));
  }
  return out.take();
}

FileRecord decode(std::string_view bytes) {
  Reader in(bytes);
  FileRecord record{.path = in.get_path()};
  record.containers = in.get<std::uint32_t>();
  if (in.get<bool>()) {
    Summary& summary = record.summary.emplace();
    summary.kind = in.get<FileKind>();
    summary.format = in.get<FileFormat>();
    summary.anchor = in.get<Position>();
    summary.platform.major = in.get<int>();
    summary.platform.at_least = in.get<int>();
    summary.platform.source = in.get<BcPlatform::Source>();
    summary.platform.evidence = in.get_text();
    summary.platform.pos = in.get<Position>();
    summary.values.resize(in.get<std::uint32_t>());
    for (Summary::Value& value : summary.values) {
      value.setting = &catalog()[in.get<std::uint32_t>()];
      value.value = in.get_text();
      value.value_pos = in.get<Position>();
      value.value_end_pos = in.get<Position>();
    }
  }
  record.findings.resize(in.get<std::uint32_t>());
  for (Diagnostic& d : record.findings) {
    d.rule = find_rule(in.get_text())->id;  // the rule table's own text
    d.severity = in.get<Severity>();
    d.start = in.get<Position>();
    d.end = in.get<Position>();
    d.message = in.get_text();
    d.setting = in.get_text();
    d.deployment = in.get<std::uint32_t>();
    d.deployment_name = in.get_text();
  }
  return record;
}

std::filesystem::path::string_type decode_path(std::string_view bytes) { return Reader(bytes).get_path(); }

}  // namespace sessiontool

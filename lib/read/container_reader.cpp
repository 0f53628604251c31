// Reads container descriptions: `docker inspect` JSON (an array of objects: "Name": "/bc1",
// "Config": {"Image", "Env": ["KEY=VALUE", ...], "Labels": {...}}), `docker compose config
// --format json` (an object: "services": {"<name>": {"image", "container_name", "environment",
// "labels"}}, environment and labels as a map or a list of "KEY=VALUE"), and env files.

#include <algorithm>
#include <cctype>

#include <fmt/format.h>

#include "text/ascii_case.hpp"
#include "read/catalog.hpp"
#include "read/containers.hpp"
#include "read/json_scanner.hpp"
#include "text/path_text.hpp"

namespace sessiontool {
namespace {

constexpr std::string_view kBcVariables[] = {"customNavSettings", "customWebSettings", "artifactUrl"};

bool is_name_char(char c, bool first) {
  return c == '_' || std::isalpha(static_cast<unsigned char>(c)) || (!first && std::isdigit(static_cast<unsigned char>(c)));
}

std::size_t hex_value(std::string_view four) {
  std::size_t value = 0;
  for (char c : four) value = value * 16 + (std::isdigit(static_cast<unsigned char>(c)) ? c - '0' : (c | 0x20) - 'a' + 10);
  return value;
}

// The file offset of each byte of a JSON string's decoded value, and one past its end: every byte
// an escape decodes to is placed at the escape's backslash. The scanner has validated the text.
std::vector<std::uint32_t> decoded_offsets(std::string_view raw, std::size_t base) {
  std::vector<std::uint32_t> offsets;
  for (std::size_t i = 0; i < raw.size();) {
    const auto at = static_cast<std::uint32_t>(base + i);
    if (raw[i] != '\\') {
      offsets.push_back(at);
      ++i;
      continue;
    }
    if (raw[i + 1] != 'u') {
      offsets.push_back(at);
      i += 2;
      continue;
    }
    std::size_t cp = hex_value(raw.substr(i + 2, 4));
    i += 6;
    if (cp >= 0xD800 && cp <= 0xDBFF && raw.substr(i, 2) == "\\u") {
      cp = 0x10000;  // a surrogate pair: four bytes
      i += 6;
    }
    const std::size_t bytes = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
    offsets.insert(offsets.end(), bytes, at);
  }
  offsets.push_back(static_cast<std::uint32_t>(base + raw.size()));
  return offsets;
}

// The scanned members, with each one's children.
class Tree {
 public:
  explicit Tree(std::vector<JsonMember> members) : members_(std::move(members)), children_(members_.size()) {
    for (std::size_t i = 0; i < members_.size(); ++i)
      (members_[i].parent == JsonMember::kNoParent ? roots_ : children_[members_[i].parent]).push_back(i);
  }
  const JsonMember& operator[](std::size_t i) const { return members_[i]; }
  const std::vector<std::size_t>& roots() const { return roots_; }
  const std::vector<std::size_t>& children(std::size_t i) const { return children_[i]; }
  // The member `key` of object member `i` (exactly as docker writes it), or nullopt.
  std::optional<std::size_t> child(std::size_t i, std::string_view key) const {
    for (std::size_t c : children_[i])
      if (!members_[c].element && members_[c].key == key) return c;
    return std::nullopt;
  }
  std::optional<std::size_t> root(std::string_view key) const {
    for (std::size_t c : roots_)
      if (!members_[c].element && members_[c].key == key) return c;
    return std::nullopt;
  }
  std::string text(std::optional<std::size_t> i) const {
    return i && members_[*i].kind == JsonKind::string ? members_[*i].value : std::string();
  }

 private:
  std::vector<JsonMember> members_;
  std::vector<std::vector<std::size_t>> children_;
  std::vector<std::size_t> roots_;
};

class Builder {
 public:
  Builder(const SourceText& text, const Tree& tree) : text_(text), tree_(tree) {}

  // A JSON string member as a variable: `name` given (a map's key), or split from "KEY=VALUE".
  std::optional<ContainerVariable> variable(std::size_t i, bool from_map) const {
    const JsonMember& m = tree_[i];
    if (m.kind != JsonKind::string && m.kind != JsonKind::number) return std::nullopt;  // null: unset
    ContainerVariable v;
    std::vector<std::uint32_t> offsets = m.kind == JsonKind::string
                                             ? decoded_offsets(text_.view(m.value_span), m.value_span.offset)
                                             : decoded_offsets(m.value, m.value_span.offset);
    if (from_map) {
      v.name = m.key;
      v.value = m.value;
      v.offsets = std::move(offsets);
    } else {
      const std::size_t eq = m.value.find('=');
      if (eq == std::string::npos) return std::nullopt;  // "KEY" alone: taken from the host, unknown here
      v.name = m.value.substr(0, eq);
      v.value = m.value.substr(eq + 1);
      v.offsets.assign(offsets.begin() + static_cast<std::ptrdiff_t>(std::min(eq + 1, offsets.size() - 1)), offsets.end());
    }
    v.pos = text_.position(m.element ? m.value_span.offset : m.key_span.offset);
    return v;
  }

  // A map or a list of "KEY=VALUE".
  std::vector<ContainerVariable> variables(std::optional<std::size_t> i) const {
    std::vector<ContainerVariable> out;
    if (!i) return out;
    const bool map = tree_[*i].kind == JsonKind::object;
    for (std::size_t c : tree_.children(*i))
      if (auto v = variable(c, map)) out.push_back(std::move(*v));
    return out;
  }

  std::vector<std::pair<std::string, std::string>> labels(std::optional<std::size_t> i) const {
    std::vector<std::pair<std::string, std::string>> out;
    for (ContainerVariable& v : variables(i)) out.emplace_back(std::move(v.name), std::move(v.value));
    return out;
  }

  Position position(std::size_t i) const {
    const JsonMember& m = tree_[i];
    return text_.position(m.element ? m.value_span.offset : m.key_span.offset);
  }

 private:
  const SourceText& text_;
  const Tree& tree_;
};

std::vector<Container> inspect_containers(const Tree& tree, const Builder& build) {
  std::vector<Container> out;
  for (std::size_t i : tree.roots()) {
    Container c;
    c.name = tree.text(tree.child(i, "Name"));
    if (c.name.starts_with('/')) c.name.erase(0, 1);
    if (c.name.empty()) c.name = tree.text(tree.child(i, "Id")).substr(0, 12);
    if (const auto config = tree.child(i, "Config")) {
      c.image = tree.text(tree.child(*config, "Image"));
      c.env = build.variables(tree.child(*config, "Env"));
      c.labels = build.labels(tree.child(*config, "Labels"));
    }
    c.pos = build.position(i);
    out.push_back(std::move(c));
  }
  return out;
}

std::vector<Container> compose_containers(const Tree& tree, const Builder& build) {
  std::vector<Container> out;
  const auto services = tree.root("services");
  if (!services) return out;
  for (std::size_t i : tree.children(*services)) {
    Container c;
    c.name = tree.text(tree.child(i, "container_name"));
    if (c.name.empty()) c.name = tree[i].key;
    c.image = tree.text(tree.child(i, "image"));
    c.env = build.variables(tree.child(i, "environment"));
    c.labels = build.labels(tree.child(i, "labels"));
    c.pos = build.position(i);
    out.push_back(std::move(c));
  }
  return out;
}

// docker's --env-file: NAME=VALUE a line, the value as written (no quotes removed), '#' lines
// and blank lines skipped.
Container env_file_container(const std::filesystem::path& path, const SourceText& text) {
  Container c;
  c.name = utf8_text(path.stem());
  c.pos = {1, 1};
  const std::string& bytes = text.bytes();
  for (std::size_t start = text.bom_length(); start < bytes.size();) {
    std::size_t end = bytes.find('\n', start);
    if (end == std::string::npos) end = bytes.size();
    std::size_t line_end = end;
    if (line_end > start && bytes[line_end - 1] == '\r') --line_end;
    const std::string_view line(bytes.data() + start, line_end - start);
    const std::size_t eq = line.find('=');
    if (!line.empty() && line.front() != '#' && eq != std::string_view::npos) {
      ContainerVariable v{.name = std::string(line.substr(0, eq)), .value = std::string(line.substr(eq + 1))};
      for (std::size_t k = start + eq + 1; k <= line_end; ++k) v.offsets.push_back(static_cast<std::uint32_t>(k));
      v.pos = text.position(start);
      c.env.push_back(std::move(v));
    }
    start = end + 1;
  }
  return c;
}

ReadError error_at(ReadErrorKind kind, const std::filesystem::path& path, Position pos, std::string message) {
  return ReadError{kind, path, pos, std::move(message)};
}

}  // namespace

const char* to_string(ContainerSource source) {
  switch (source) {
    case ContainerSource::docker_inspect: return "docker-inspect";
    case ContainerSource::compose: return "compose";
    case ContainerSource::env_file: return "env-file";
  }
  return "docker-inspect";
}

const std::string* Container::label(std::string_view name) const {
  for (const auto& [key, value] : labels)
    if (key == name) return &value;
  return nullptr;
}

const ContainerVariable* Container::variable(std::string_view name) const {
  const ContainerVariable* found = nullptr;
  for (const ContainerVariable& v : env)
    if (equals_ignoring_case(v.name, name)) found = &v;
  return found;
}

bool Container::is_business_central() const {
  const std::string* maintainer = label("maintainer");
  if (maintainer && *maintainer == "Dynamics SMB") return true;
  return std::ranges::any_of(kBcVariables, [&](std::string_view name) { return variable(name) != nullptr; });
}

JsonContent json_content(std::string_view text) {
  auto scanned = scan_json(text, kConfigurationJson);
  if (!scanned) {
    if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);
    const std::size_t first = text.find_first_not_of(" \t\r\n");
    return first != std::string_view::npos && text[first] == '[' ? JsonContent::malformed_array : JsonContent::malformed;
  }
  const std::vector<JsonMember>& members = *scanned;
  bool inspect = true;
  for (std::size_t i = 0; i < members.size(); ++i) {
    const JsonMember& m = members[i];
    if (m.parent == JsonMember::kNoParent) {
      if (m.element && m.kind != JsonKind::object) inspect = false;
      if (m.element) continue;
      if (equals_ignoring_case(m.key, "NAVWebSettings") || equals_ignoring_case(m.key.substr(0, 15), "NAVWebSettings:") ||
          find_setting(m.key, FileKind::web))
        return JsonContent::navsettings;
      if (m.key == "services" && m.kind == JsonKind::object) return JsonContent::compose;
    } else if (m.parent < members.size() && members[m.parent].parent == JsonMember::kNoParent &&
               members[m.parent].element && (m.key == "Id" || m.key == "Config" || m.key == "Name") && inspect) {
      return JsonContent::docker_inspect;
    }
  }
  return JsonContent::other;
}

bool looks_like_env_file(std::string_view text) {
  if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);
  bool any = false;
  while (!text.empty()) {
    std::size_t end = text.find('\n');
    std::string_view line = text.substr(0, end);
    text.remove_prefix(end == std::string_view::npos ? text.size() : end + 1);
    if (line.ends_with('\r')) line.remove_suffix(1);
    if (line.empty() || line.front() == '#') continue;
    const std::size_t eq = line.find('=');
    if (eq == 0 || eq == std::string_view::npos) return false;
    for (std::size_t i = 0; i < eq; ++i)
      if (!is_name_char(line[i], i == 0)) return false;
    any = true;
  }
  return any;
}

ContainerRead read_containers(const std::filesystem::path& path, std::string bytes, ContainerSource source) {
  ContainerFile file{.path = path, .source = source, .text = SourceText(std::move(bytes))};
  if (source == ContainerSource::env_file) {
    file.containers.push_back(env_file_container(path, file.text));
  } else {
    auto scanned = scan_json(file.text.bytes(), kConfigurationJson);
    if (!scanned)
      return {std::nullopt, error_at(ReadErrorKind::malformed, path, file.text.position(scanned.error().offset),
                                     std::move(scanned.error().message))};
    const Tree tree(std::move(*scanned));
    const Builder build(file.text, tree);
    file.containers = source == ContainerSource::compose ? compose_containers(tree, build) : inspect_containers(tree, build);
  }
  if (std::ranges::none_of(file.containers, &Container::is_business_central)) {
    const char* what = source == ContainerSource::env_file ? "an env file"
                       : source == ContainerSource::compose ? "docker compose config output"
                                                            : "docker inspect output";
    return {std::nullopt,
            error_at(ReadErrorKind::unrecognized, path, file.text.position(file.text.bom_length()),
                     fmt::format("{} with no Business Central container: none has the image label maintainer=Dynamics "
                                 "SMB or a variable customNavSettings, customWebSettings or artifactUrl",
                                 what))};
  }
  return {std::move(file), std::nullopt};
}

}  // namespace sessiontool

#include "set_json.hpp"

#include "diff_json.hpp"
#include "text/path_text.hpp"
#include "text/unified_diff.hpp"

namespace sessiontool::cli {
namespace {

using nlohmann::ordered_json;

const char* change_name(ChangeKind kind) {
  switch (kind) {
    case ChangeKind::unchanged: return "unchanged";
    case ChangeKind::changed: return "changed";
    case ChangeKind::added: return "added";
    case ChangeKind::removed: return "removed";
  }
  return "?";
}

ordered_json optional_text(const std::optional<std::string>& text) {
  return text ? ordered_json(*text) : ordered_json(nullptr);
}

}  // namespace

std::string render_set_json(const std::vector<EditedFile>& files, const SetEffect& effect, bool written) {
  ordered_json root;
  root["written"] = written;
  root["files"] = ordered_json::array();
  for (const EditedFile& file : files) {
    const std::string path = utf8_text(file.doc->path);
    ordered_json f = {{"path", path}, {"kind", to_string(file.doc->kind)}, {"modified", file.result->modified()}};
    f["changes"] = ordered_json::array();
    for (const Change& change : file.result->changes) {
      ordered_json c = {{"key", change.key},
                        {"change", change_name(change.kind)},
                        {"old", optional_text(change.old_value)},
                        {"new", optional_text(change.new_value)}};
      if (!change.spelling.empty() && change.spelling != change.key) c["spelling"] = change.spelling;
      f["changes"].push_back(c);
    }
    if (!written && file.result->modified())
      f["patch"] = unified_diff(file.doc->source.bytes(), file.result->bytes, path, path);
    root["files"].push_back(f);
  }
  root["deployments"] = ordered_json::array();
  for (const DeploymentDiff* d : effect.affected) root["deployments"].push_back(deployment_diff_json(*d));
  root["actions"] = ordered_json::array();
  for (const Action& action : effect.diff.actions) root["actions"].push_back(action_json(action));
  return root.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}

}  // namespace sessiontool::cli

#include "lint_files.hpp"

#include <algorithm>
#include <mutex>
#include <thread>
#include <tuple>

#include "catalog.hpp"
#include "file_walk.hpp"
#include "pairing.hpp"
#include "reader.hpp"
#include "rule_checks.hpp"

namespace sessiontool {
namespace {

namespace fs = std::filesystem;

// What lint keeps of a checked file until every file has been read: the session values
// resolution and pairing read, with where they are. A few hundred bytes where the file was tens
// of kilobytes.
struct Summary {
  struct Value {
    const SettingInfo* setting;  // the key, a session key of the file's kind
    std::string value;
    Position value_pos;
    Position value_end_pos;
  };
  FileKind kind = FileKind::server;
  FileFormat format = FileFormat::xml;
  Position anchor;
  std::vector<Value> values;  // the last entry of each session key, in document order

  const std::string* find(std::string_view key) const {
    for (const Value& value : values)
      if (value.setting->key == key) return &value.value;
    return nullptr;
  }
};

// What a worker leaves of one file: everything lint reports later comes from here.
struct Checked {
  std::filesystem::path::string_type path;
  std::size_t input = 0;             // which of the paths it came from
  std::optional<Summary> summary;
  std::vector<Diagnostic> findings;  // of the document checks, or its read error
  bool counted = false;              // a file of the report: read, or not readable
  bool read_error = false;
};

Summary summarize(Document&& document) {
  Summary summary{.kind = document.kind, .format = document.format, .anchor = document.anchor};
  // Document::find_last's answers, in document order.
  for (auto it = document.entries.rbegin(); it != document.entries.rend(); ++it) {
    const SettingInfo* setting = find_setting(it->key, document.kind);
    if (!setting || !setting->session_key || summary.find(it->key)) continue;
    summary.values.push_back({setting, std::move(it->value), it->value_pos, it->value_end_pos});
  }
  std::ranges::reverse(summary.values);
  summary.values.shrink_to_fit();
  return summary;
}

// The part of the Document resolution and the deployment checks read.
Document rebuild(const Checked& checked) {
  const Summary& summary = *checked.summary;
  Document doc;
  doc.path = checked.path;
  doc.kind = summary.kind;
  doc.format = summary.format;
  doc.anchor = summary.anchor;
  doc.entries.reserve(summary.values.size());
  for (const Summary::Value& value : summary.values)
    doc.entries.push_back(
        {.key = std::string(value.setting->key), .value = value.value, .value_pos = value.value_pos, .value_end_pos = value.value_end_pos});
  return doc;
}

Checked check_file(FoundFile&& file, const LintOptions& options, const CheckPlan& plan) {
  Checked checked{.input = file.input};
  ReadResult result = read_document(file.path, file.forced);
  // The path as the reader keeps it, as plain text: a fraction of a std::filesystem::path.
  checked.path = (result.document ? result.document->path : result.error ? result.error->path : file.path).native();
  if (!result.document) {
    if (!result.error || (file.in_directory && result.error->kind == ReadErrorKind::unrecognized)) return checked;
    checked.counted = checked.read_error = true;
    checked.findings.push_back(read_error_diagnostic(*result.error));
    return checked;
  }
  checked.counted = true;
  for (DocumentCheck check : plan.document) check(*result.document, options, checked.findings);
  checked.summary = summarize(std::move(*result.document));
  return checked;
}

// Pairs the files, then resolves and checks one deployment at a time: only the files of the
// deployment at hand are ever rebuilt as documents.
std::size_t check_deployments(const std::vector<Checked>& files, const LintOptions& options, const CheckPlan& plan,
                              std::vector<Diagnostic>& found) {
  std::size_t count = 0;
  const auto check = [&](Deployment deployment) {
    std::vector<Deployment> one;
    one.push_back(std::move(deployment));
    const LintInput input{one, options};
    for (DeploymentCheck deployment_check : plan.deployment) deployment_check(input, found);
    ++count;
  };
  std::vector<std::optional<Endpoint>> endpoints(files.size());
  for (std::size_t i = 0; i < files.size(); ++i)
    if (const auto& summary = files[i].summary; summary && summary->kind != FileKind::aos)
      endpoints[i] = endpoint_of(summary->kind, summary->find(keys::kServerInstance),
                                 summary->find(keys::kClientServicesPort));
  const auto path_of = [&](std::size_t i) { return fs::path(files[i].path); };
  for (const FilePair& pair : pair_files(endpoints, path_of)) {
    std::vector<Document> docs;  // the pair's files, then the ambiguous servers
    docs.reserve(2 + pair.ambiguous_servers.size());
    InstancePair instances{.web_unmatched = pair.web_unmatched};
    if (pair.server) instances.server = &docs.emplace_back(rebuild(files[*pair.server]));
    if (pair.web) instances.web = &docs.emplace_back(rebuild(files[*pair.web]));
    for (std::size_t s : pair.ambiguous_servers) instances.ambiguous_servers.push_back(&docs.emplace_back(rebuild(files[s])));
    check(resolve_pair(instances, options.resolve));
  }
  for (const Checked& file : files)
    if (file.summary && file.summary->kind == FileKind::aos) check(resolve_aos(rebuild(file), options.resolve));
  return count;
}

unsigned worker_count(unsigned requested) {
  return requested != 0 ? requested : std::max(1u, std::thread::hardware_concurrency());
}

}  // namespace

LintFilesResult lint_files(const std::vector<fs::path>& paths, std::optional<FileKind> as, const LintOptions& options,
                           const LintFilesOptions& run) {
  const CheckPlan plan = plan_checks(options);
  std::mutex mutex;
  std::vector<Checked> files;
  const auto handle = [&](FoundFile&& file) {
    Checked checked = check_file(std::move(file), options, plan);
    const std::scoped_lock lock(mutex);
    files.push_back(std::move(checked));
  };
  walk_files(paths, as, worker_count(run.jobs), handle, run.progress);
  // The order load_inputs reads files in, whichever thread took which file.
  std::vector<Checked> ordered;
  {
    std::vector<std::pair<fs::path::string_type, std::size_t>> keys;
    keys.reserve(files.size());
    for (std::size_t i = 0; i < files.size(); ++i) keys.emplace_back(walk_order_key(files[i].path), i);
    std::ranges::sort(keys, [&](const auto& a, const auto& b) {
      return std::tie(files[a.second].input, a.first) < std::tie(files[b.second].input, b.first);
    });
    ordered.reserve(files.size());
    for (const auto& key : keys) ordered.push_back(std::move(files[key.second]));
  }
  std::vector<Checked>().swap(files);  // `files = {}` would keep the capacity

  LintFilesResult result;
  std::vector<Diagnostic> found;
  for (Checked& checked : ordered) {
    if (checked.counted) ++result.report.files;
    result.read_errors = result.read_errors || checked.read_error;
    std::ranges::move(checked.findings, std::back_inserter(found));
    std::vector<Diagnostic>().swap(checked.findings);
  }
  result.report.deployments = check_deployments(ordered, options, plan, found);
  result.report.diagnostics = finish_diagnostics(std::move(found), options);
  return result;
}

}  // namespace sessiontool

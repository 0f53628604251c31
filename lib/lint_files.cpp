#include "lint_files.hpp"

#include <algorithm>
#include <deque>
#include <map>
#include <mutex>
#include <numeric>
#include <thread>

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
  std::vector<Diagnostic> findings;  // of the document checks, or its read error; paths left empty
  bool counted = false;              // a file of the report: read, or not readable
  bool read_error = false;
};

// Every file checked, in blocks: no reallocation as a fleet's files come in, and no spare half.
using Files = std::deque<Checked>;

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
    checked.findings.back().path = fs::path();
    return checked;
  }
  checked.counted = true;
  for (DocumentCheck check : plan.document) check(*result.document, options, checked.findings);
  // A document check's findings are at its document: the path is the file's, kept once.
  for (Diagnostic& d : checked.findings) d.path = fs::path();
  checked.summary = summarize(std::move(*result.document));
  return checked;
}

// The order load_inputs reads files in: by the path they were given as, then as
// find_config_files sorts them.
bool walk_before(const Checked& a, const Checked& b) {
  if (a.input != b.input) return a.input < b.input;
  return walk_order_before(a.path, b.path);
}

// A deployment to resolve and check, once, when the first of its files comes up in output order.
struct Unit {
  std::size_t first = 0;  // the earliest rank of its files
  std::size_t index = 0;  // a Business Central pair's, or the F&O file's
  bool aos = false;
};

struct Deployments {
  std::vector<FilePair> pairs;
  std::vector<Unit> units;  // in the order of their first files
};

Deployments deployment_units(const Files& files, const std::vector<std::size_t>& rank) {
  std::vector<std::optional<Endpoint>> endpoints(files.size());
  for (std::size_t i = 0; i < files.size(); ++i)
    if (const auto& summary = files[i].summary; summary && summary->kind != FileKind::aos)
      endpoints[i] = endpoint_of(summary->kind, summary->find(keys::kServerInstance),
                                 summary->find(keys::kClientServicesPort));
  const auto path_of = [&](std::size_t i) { return fs::path(files[i].path); };
  Deployments result{.pairs = pair_files(endpoints, path_of)};
  std::vector<std::optional<Endpoint>>().swap(endpoints);
  std::vector<Unit>& units = result.units;
  units.reserve(result.pairs.size());
  for (std::size_t p = 0; p < result.pairs.size(); ++p) {
    const FilePair& pair = result.pairs[p];
    std::size_t first = files.size();
    for (std::optional<std::size_t> i : {pair.server, pair.web})
      if (i) first = std::min(first, rank[*i]);
    for (std::size_t i : pair.ambiguous_servers) first = std::min(first, rank[i]);
    units.push_back({.first = first, .index = p});
  }
  for (std::size_t i = 0; i < files.size(); ++i)
    if (files[i].summary && files[i].summary->kind == FileKind::aos)
      units.push_back({.first = rank[i], .index = i, .aos = true});
  std::ranges::stable_sort(units, {}, &Unit::first);
  return result;
}

// Resolves one deployment, rebuilding only its own files as documents, and runs the checks.
void check_deployment(const Unit& unit, const Deployments& deployments, const Files& files,
                      const LintOptions& options, const CheckPlan& plan, std::vector<Diagnostic>& found) {
  std::vector<Document> docs;  // the pair's files, then the ambiguous servers: the deployment points into them
  std::vector<Deployment> one;
  if (!unit.aos) {
    const FilePair& pair = deployments.pairs[unit.index];
    docs.reserve(2 + pair.ambiguous_servers.size());
    InstancePair instances{.web_unmatched = pair.web_unmatched};
    if (pair.server) instances.server = &docs.emplace_back(rebuild(files[*pair.server]));
    if (pair.web) instances.web = &docs.emplace_back(rebuild(files[*pair.web]));
    for (std::size_t s : pair.ambiguous_servers) instances.ambiguous_servers.push_back(&docs.emplace_back(rebuild(files[s])));
    one.push_back(resolve_pair(instances, options.resolve));
  } else {
    one.push_back(resolve_aos(docs.emplace_back(rebuild(files[unit.index])), options.resolve));
  }
  const LintInput input{one, options};
  for (DeploymentCheck deployment_check : plan.deployment) deployment_check(input, found);
}

unsigned worker_count(unsigned requested) {
  return requested != 0 ? requested : std::max(1u, std::thread::hardware_concurrency());
}

}  // namespace

LintTotals lint_files(const std::vector<fs::path>& paths, std::optional<FileKind> as, const LintOptions& options,
                      const LintFilesOptions& run, const std::function<void(const Diagnostic&)>& emit) {
  const CheckPlan plan = plan_checks(options);
  std::mutex mutex;
  Files files;
  const auto handle = [&](FoundFile&& file) {
    Checked checked = check_file(std::move(file), options, plan);
    const std::scoped_lock lock(mutex);
    files.push_back(std::move(checked));
  };
  walk_files(paths, as, worker_count(run.jobs), handle, run.progress);
  // Pairing sees the files in the order load_inputs reads them, whichever thread took which.
  std::ranges::sort(files, walk_before);

  LintTotals totals;
  for (const Checked& checked : files) {
    if (checked.counted) ++totals.files;
    totals.read_errors = totals.read_errors || checked.read_error;
  }
  // Output order, and each file's place in it.
  std::vector<std::size_t> by_path(files.size());
  std::iota(by_path.begin(), by_path.end(), std::size_t{0});
  std::ranges::stable_sort(by_path, [&](std::size_t a, std::size_t b) { return path_before(files[a].path, files[b].path); });
  std::vector<std::size_t> rank(files.size());
  for (std::size_t r = 0; r < by_path.size(); ++r) rank[by_path[r]] = r;
  const Deployments deployments = deployment_units(files, rank);
  const std::vector<Unit>& units = deployments.units;
  totals.deployments = units.size();

  // A file at a time in output order: its own findings, and those of the deployments it is the
  // first file of; findings those deployments have on later files wait for them (in a fleet,
  // the next file or two: a deployment's files sit side by side).
  // By path, so a file takes its own in one step however many wait (servers and web instances
  // kept in two trees: every web instance's findings wait until its tree comes up).
  std::multimap<fs::path::string_type, Diagnostic, decltype(&path_before)> waiting(&path_before);
  std::size_t next_unit = 0;
  const auto emit_all = [&](std::vector<Diagnostic> found) {
    for (const Diagnostic& d : finish_diagnostics(std::move(found), options)) emit(d);
  };
  for (std::size_t r = 0; r < by_path.size();) {
    const fs::path::string_type& path = files[by_path[r]].path;
    std::size_t end = r + 1;  // the same file named twice is one file in the output
    while (end < by_path.size() && files[by_path[end]].path == path) ++end;
    std::vector<Diagnostic> found;
    std::vector<Diagnostic> later;
    for (; next_unit < units.size() && units[next_unit].first < end; ++next_unit)
      check_deployment(units[next_unit], deployments, files, options, plan, later);
    for (Diagnostic& d : later) {
      fs::path::string_type at = d.path.native();
      waiting.emplace(std::move(at), std::move(d));
    }
    const auto mine = waiting.upper_bound(path);  // this file's, and any before it (none)
    for (auto it = waiting.begin(); it != mine; ++it) found.push_back(std::move(it->second));
    waiting.erase(waiting.begin(), mine);
    for (std::size_t i = r; i < end; ++i) {
      Checked& checked = files[by_path[i]];
      for (Diagnostic& d : checked.findings) {
        d.path = checked.path;
        found.push_back(std::move(d));
      }
      checked.findings = {};
    }
    emit_all(std::move(found));
    r = end;
  }
  // At files that are not inputs: none, unless a check points elsewhere.
  std::vector<Diagnostic> rest;
  for (auto& [at, d] : waiting) rest.push_back(std::move(d));
  emit_all(std::move(rest));
  return totals;
}

LintFilesResult lint_files(const std::vector<fs::path>& paths, std::optional<FileKind> as, const LintOptions& options,
                           const LintFilesOptions& run) {
  LintFilesResult result;
  const LintTotals totals =
      lint_files(paths, as, options, run, [&](const Diagnostic& d) { result.report.diagnostics.push_back(d); });
  result.report.files = totals.files;
  result.report.deployments = totals.deployments;
  result.read_errors = totals.read_errors;
  return result;
}

}  // namespace sessiontool

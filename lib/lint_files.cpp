#include "lint_files.hpp"

#include <algorithm>
#include <deque>
#include <map>
#include <mutex>
#include <thread>

#include "catalog.hpp"
#include "file_record.hpp"
#include "file_walk.hpp"
#include "pairing.hpp"
#include "reader.hpp"
#include "record_store.hpp"
#include "rules.hpp"

namespace sessiontool {
namespace {

namespace fs = std::filesystem;

// What lint keeps in memory of a file until every file has been read: where its record is, and
// what pairing reads. Some thirty bytes.
struct Slot {
  RecordStore::Ref record;
  Endpoint endpoint;        // a server's or web instance's
  bool present = false;     // a file of the report, read or not readable; else skipped
  bool pairs = false;       // a server or web file: `endpoint` is its
  bool aos = false;         // an F&O file: a deployment of its own
  bool read_error = false;
  std::uint32_t containers = 0;  // a container description's deployments
};

// Every file found, at its place in output order, and what is kept of it. Filled by the workers.
class Files {
 public:
  explicit Files(std::size_t records_in_memory) : records_(records_in_memory) {}

  void add(std::size_t place, const FileRecord& record) {
    const std::string bytes = encode(record);
    const std::optional<Summary>& summary = record.summary;
    const std::scoped_lock lock(mutex_);
    if (slots_.size() <= place) slots_.resize(place + 1);
    Slot& slot = slots_[place];
    slot.present = true;
    slot.record = records_.append(bytes);
    slot.containers = record.containers;
    slot.read_error = !summary && record.containers == 0;
    slot.aos = summary && summary->kind == FileKind::aos;
    slot.pairs = summary && !slot.aos;
    if (slot.pairs)
      slot.endpoint = names_.endpoint_of(summary->kind, summary->find(keys::kServerInstance),
                                         summary->find(keys::kClientServicesPort));
  }

  // Once every file is in.
  const std::deque<Slot>& slots() const { return slots_; }
  FileRecord record(std::size_t place) { return decode(records_.read(slots_[place].record)); }
  fs::path path(std::size_t place) { return decode_path(records_.read(slots_[place].record)); }

 private:
  std::mutex mutex_;
  std::deque<Slot> slots_;  // in blocks: no reallocation as a fleet's files come in
  RecordStore records_;
  EndpointNames names_;
};

// Reads and checks a file; nullopt for one that is skipped (found in a directory, and no
// configuration file).
std::optional<FileRecord> check_file(FoundFile&& file, const LintOptions& options, const CheckPlan& plan,
                                     const LintFilesOptions& run) {
  const std::string* replacement = run.replaced ? run.replaced(file.path) : nullptr;
  if (run.memo && run.memo_reuse && !replacement)
    if (std::optional<FileRecord> same = run.memo->reuse(file.path, file.forced)) return same;
  ReadResult result = replacement ? parse_document(fs::path(file.path).make_preferred(), *replacement, file.forced)
                                  : read_document(file.path, file.forced);
  if (result.containers) {
    FileRecord record{.path = result.containers->path.native()};
    std::vector<Diagnostic> found;
    record.containers = static_cast<std::uint32_t>(lint_containers(*result.containers, options, plan, found));
    for (Diagnostic& d : found) d.path = fs::path();
    record.findings = std::move(found);
    return record;
  }
  if (!result.document && (!result.error || (file.in_directory && result.error->kind == ReadErrorKind::unrecognized)))
    return std::nullopt;
  FileRecord record;
  std::optional<std::size_t> size;  // of a file the memo keeps
  if (!result.document) {
    record.path = result.error->path.native();
    record.findings.push_back(read_error_diagnostic(*result.error));
  } else {
    record.path = result.document->path.native();
    for (DocumentCheck check : plan.document) check(*result.document, options, record.findings);
    if (run.memo && !run.memo_reuse) size = result.document->source.bytes().size();
    record.summary = summarize(std::move(*result.document));
  }
  // A finding is at its document: the path is the file's, kept once.
  for (Diagnostic& d : record.findings) d.path = fs::path();
  if (size) run.memo->record(file.path, *size, file.forced, record);
  return record;
}

// The Business Central deployments, in the order of their first files (output order): each is
// resolved and checked once, when its first file comes up. An F&O file is a deployment of its own.
std::vector<FilePair> bc_deployments(Files& files) {
  const std::deque<Slot>& slots = files.slots();
  const auto endpoint_of = [&](std::size_t i) { return slots[i].pairs ? std::optional(slots[i].endpoint) : std::nullopt; };
  const auto path_of = [&](std::size_t i) { return files.path(i); };
  std::vector<FilePair> pairs = pair_files(slots.size(), endpoint_of, path_of);
  // Servers that tie for a web instance are among its files too.
  bool moved = false;
  for (FilePair& pair : pairs)
    for (std::uint32_t s : pair.ambiguous_servers) {
      moved = moved || s < pair.first;
      pair.first = std::min(pair.first, s);
    }
  if (moved) std::ranges::stable_sort(pairs, {}, &FilePair::first);
  return pairs;
}

// The deployments checked so far, for findings grouped by deployment: the number of the first one
// each file belongs to (0: none yet), and the name each number was given.
struct Owners {
  std::vector<std::uint32_t> of_file;  // by place
  std::vector<std::string> names;      // by number - 1

  void own(std::size_t place, std::uint32_t number) {
    if (of_file[place] == 0) of_file[place] = number;
  }
};

// Resolves one deployment, rebuilding only its own files as documents, and runs the checks:
// a Business Central pair, or the F&O file at `aos`. It takes the next number in `owners`.
void check_deployment(const FilePair* pair, std::size_t aos, Files& files, const LintOptions& options,
                      const CheckPlan& plan, const LintFilesOptions& run, Owners& owners,
                      std::vector<Diagnostic>& found) {
  const std::size_t first = found.size();
  const auto number = static_cast<std::uint32_t>(owners.names.size() + 1);
  const auto rebuilt = [&](std::size_t i) {
    const FileRecord record = files.record(i);
    return rebuild(*record.summary, fs::path(record.path));
  };
  std::vector<Document> docs;  // the pair's files, then the ambiguous servers: the deployment points into them
  std::vector<Deployment> one;
  if (pair) {
    docs.reserve(2 + pair->ambiguous_servers.size());
    InstancePair instances{.web_unmatched = pair->web_unmatched};
    if (pair->server) instances.server = &docs.emplace_back(rebuilt(*pair->server));
    if (pair->web) instances.web = &docs.emplace_back(rebuilt(*pair->web));
    for (std::uint32_t s : pair->ambiguous_servers) instances.ambiguous_servers.push_back(&docs.emplace_back(rebuilt(s)));
    one.push_back(resolve_pair(instances, options.resolve));
    for (const auto& place : {pair->server, pair->web})
      if (place) owners.own(*place, number);
  } else {
    one.push_back(resolve_aos(docs.emplace_back(rebuilt(aos)), options.resolve));
    owners.own(aos, number);
  }
  const LintInput input{one, options};
  for (DeploymentCheck deployment_check : plan.deployment) deployment_check(input, found);
  owners.names.push_back(deployment_label(one.front()));
  assign_deployment(std::span(found).subspan(first), number, owners.names.back());
  if (run.deployment) run.deployment(one.front());
}

unsigned worker_count(unsigned requested) {
  return requested != 0 ? requested : std::max(1u, std::thread::hardware_concurrency());
}

}  // namespace

LintTotals lint_files(const std::vector<fs::path>& paths, std::optional<FileKind> as, const LintOptions& options,
                      const LintFilesOptions& run, const std::function<void(const Diagnostic&)>& emit) {
  const CheckPlan plan = plan_checks(options);
  Files files(run.records_in_memory);
  const auto handle = [&](FoundFile&& file, std::size_t place) {
    if (std::optional<FileRecord> record = check_file(std::move(file), options, plan, run)) files.add(place, *record);
  };
  walk_files(paths, as, worker_count(run.jobs), handle, run.progress);
  const std::deque<Slot>& slots = files.slots();

  LintTotals totals;
  for (const Slot& slot : slots) {
    totals.files += slot.present ? 1 : 0;
    totals.read_errors = totals.read_errors || slot.read_error;
  }
  const std::vector<FilePair> pairs = bc_deployments(files);
  totals.deployments = pairs.size();
  for (const Slot& slot : slots) totals.deployments += (slot.aos ? 1 : 0) + slot.containers;

  // A file at a time in output order: its own findings, and those of the deployments it is the
  // first file of; findings those deployments have on later files wait for them (in a fleet,
  // the next file or two: a deployment's files sit side by side).
  // By path, so a file takes its own in one step however many wait (servers and web instances
  // kept in two trees: every web instance's findings wait until its tree comes up).
  std::multimap<fs::path::string_type, Diagnostic, decltype(&path_before)> waiting(&path_before);
  std::size_t next_pair = 0, next_aos = 0;  // the deployments not yet checked
  Owners owners{.of_file = std::vector<std::uint32_t>(slots.size())};
  const auto emit_all = [&](std::vector<Diagnostic> found) {
    for (const Diagnostic& d : finish_diagnostics(std::move(found), options)) emit(d);
  };
  std::vector<Diagnostic> found;
  std::vector<std::size_t> found_at;  // the place of each file's own finding in `found`
  fs::path::string_type path;  // of the file whose findings are in `found`
  // The findings of the files up to `end` (a place), and those waiting for them.
  const auto flush = [&](std::size_t end) {
    std::vector<Diagnostic> later;
    for (; next_pair < pairs.size() && pairs[next_pair].first < end; ++next_pair)
      check_deployment(&pairs[next_pair], 0, files, options, plan, run, owners, later);
    for (; next_aos < end; ++next_aos)
      if (slots[next_aos].aos) check_deployment(nullptr, next_aos, files, options, plan, run, owners, later);
    // A file's own findings are those of the first deployment it belongs to, now checked.
    for (std::size_t i = 0; i < found_at.size(); ++i)
      if (const std::uint32_t number = owners.of_file[found_at[i]])
        assign_deployment(std::span(found).subspan(i, 1), number, owners.names[number - 1]);
    found_at.clear();
    for (Diagnostic& d : later) {
      fs::path::string_type at = d.path.native();
      waiting.emplace(std::move(at), std::move(d));
    }
    const auto mine = waiting.upper_bound(path);  // this file's, and any before it (none)
    for (auto it = waiting.begin(); it != mine; ++it) found.push_back(std::move(it->second));
    waiting.erase(waiting.begin(), mine);
    emit_all(std::exchange(found, {}));
  };
  std::size_t last = 0;  // one past the last file taken into `found`
  for (std::size_t place = 0; place < slots.size(); ++place) {
    if (!slots[place].present) continue;
    FileRecord record = files.record(place);
    // The same file named twice is one file in the output: its places are side by side.
    if (last != 0 && record.path != path) flush(last);
    path = std::move(record.path);
    // A container description's deployments are numbered on from those before it (all checked:
    // a description is no deployment's file), each its findings' local number.
    const auto base = static_cast<std::uint32_t>(owners.names.size());
    for (std::uint32_t n = 1; n <= record.containers; ++n) {
      const auto its = std::ranges::find(record.findings, n, &Diagnostic::deployment);
      owners.names.push_back(its != record.findings.end() ? its->deployment_name : std::string());
    }
    for (Diagnostic& d : record.findings) {
      if (record.containers != 0) d.deployment += base;
      d.path = fs::path(path);
      found.push_back(std::move(d));
      found_at.push_back(place);
    }
    last = place + 1;
  }
  if (last != 0) flush(last);
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

#include "lint/lint_files.hpp"

#include <algorithm>
#include <deque>
#include <map>
#include <mutex>

#include "read/catalog.hpp"
#include "lint/file_record.hpp"
#include "read/file_walk.hpp"
#include "resolve/pairing.hpp"
#include "text/path_text.hpp"
#include "read/reader.hpp"
#include "lint/rules.hpp"

namespace sessiontool {
namespace {

namespace fs = std::filesystem;

// A file as lint keeps it until every file has been read: what is kept of it, and what pairing
// reads.
struct Slot {
  FileRecord record;
  Endpoint endpoint;        // a server's or web instance's
  bool present = false;     // a file of the report, read or not readable; else skipped
  bool pairs = false;       // a server or web file: `endpoint` is its
  bool aos = false;         // an F&O file: a deployment of its own
  bool read_error = false;
};

// Every file found, at its place in output order, and what is kept of it. Filled by the workers.
class Files {
 public:
  void add(std::size_t place, FileRecord&& record) {
    const std::scoped_lock lock(mutex_);
    if (slots_.size() <= place) slots_.resize(place + 1);
    Slot& slot = slots_[place];
    const std::optional<Summary>& summary = record.summary;
    slot.present = true;
    slot.read_error = !summary && record.containers == 0;
    slot.aos = summary && summary->kind == FileKind::aos;
    slot.pairs = summary && !slot.aos;
    if (slot.pairs)
      slot.endpoint = names_.endpoint_of(summary->kind, summary->find(keys::kServerInstance),
                                         summary->find(keys::kClientServicesPort));
    slot.record = std::move(record);
  }

  // Once every file is in.
  std::deque<Slot>& slots() { return slots_; }
  const FileRecord& record(std::size_t place) const { return slots_[place].record; }

 private:
  std::mutex mutex_;
  std::deque<Slot> slots_;  // in blocks: no reallocation as a fleet's files come in
  EndpointNames names_;
};

// What is kept of a file read; nullopt for one that is skipped (found in a directory, and no
// configuration file). `size` is set to the length of a document's bytes.
std::optional<FileRecord> record_of(ReadResult&& result, bool in_directory, const LintOptions& options,
                                    const CheckPlan& plan, std::size_t& size) {
  if (result.containers) {
    FileRecord record{.path = result.containers->path.native()};
    std::vector<Diagnostic> found;
    record.containers = static_cast<std::uint32_t>(lint_containers(*result.containers, options, plan, found));
    for (Diagnostic& d : found) d.path = fs::path();
    record.findings = std::move(found);
    return record;
  }
  if (!result.document && (!result.error || (in_directory && result.error->kind == ReadErrorKind::unrecognized)))
    return std::nullopt;
  FileRecord record;
  if (!result.document) {
    record.path = result.error->path.native();
    record.findings.push_back(read_error_diagnostic(*result.error));
  } else {
    record.path = result.document->path.native();
    for (DocumentCheck check : plan.document) check(*result.document, options, record.findings);
    size = result.document->source.bytes().size();
    record.summary = summarize(std::move(*result.document));
  }
  // A finding is at its document: the path is the file's, kept once.
  for (Diagnostic& d : record.findings) d.path = fs::path();
  record.findings.shrink_to_fit();  // kept for every file of a fleet until it is reported
  return record;
}

// Reads and checks a file found on disk (or its replacement, or the memo's record of it).
std::optional<FileRecord> check_file(FoundFile&& file, const LintOptions& options, const CheckPlan& plan,
                                     const LintFilesOptions& run) {
  const std::string* replacement = run.replaced ? run.replaced(file.path) : nullptr;
  if (run.memo && run.memo_reuse && !replacement)
    if (std::optional<FileRecord> same = run.memo->reuse(file.path, file.forced)) return same;
  ReadResult result = replacement ? parse_document(fs::path(file.path).make_preferred(), *replacement, file.forced)
                                  : read_document(file.path, file.forced);
  const bool document = result.document.has_value();
  std::size_t size = 0;
  std::optional<FileRecord> record = record_of(std::move(result), file.in_directory, options, plan, size);
  if (document && run.memo && !run.memo_reuse) run.memo->record(file.path, size, file.forced, *record);
  return record;
}

// The Business Central deployments, in the order of their first files (output order): each is
// resolved and checked once, when its first file comes up. An F&O file is a deployment of its own.
std::vector<FilePair> bc_deployments(Files& files) {
  const std::deque<Slot>& slots = files.slots();
  const auto endpoint_of = [&](std::size_t i) { return slots[i].pairs ? std::optional(slots[i].endpoint) : std::nullopt; };
  const auto path_of = [&](std::size_t i) { return fs::path(files.record(i).path); };
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
    const FileRecord& record = files.record(i);
    return rebuild(*record.summary, fs::path(record.path));
  };
  std::vector<Document> docs;  // the pair's files, then the ambiguous servers: the deployment points into them
  std::vector<Deployment> one;
  if (pair) {
    docs.reserve(2 + pair->ambiguous_servers.size());
    Deployment its{.web_unmatched = pair->web_unmatched};  // its files
    if (pair->server) its.server = &docs.emplace_back(rebuilt(*pair->server));
    if (pair->web) its.web = &docs.emplace_back(rebuilt(*pair->web));
    for (std::uint32_t s : pair->ambiguous_servers) its.ambiguous_servers.push_back(&docs.emplace_back(rebuilt(s)));
    one.push_back(resolve_pair(std::move(its), options.resolve));
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

// Every file is in: the deployments resolved and checked, and every finding emitted.
LintTotals report(Files& files, const LintOptions& options, const CheckPlan& plan, const LintFilesOptions& run,
                  const std::function<void(const Diagnostic&)>& emit) {
  std::deque<Slot>& slots = files.slots();

  LintTotals totals;
  for (const Slot& slot : slots) {
    totals.files += slot.present ? 1 : 0;
    totals.read_errors = totals.read_errors || slot.read_error;
  }
  const std::vector<FilePair> pairs = bc_deployments(files);
  totals.deployments = pairs.size();
  for (const Slot& slot : slots) totals.deployments += (slot.aos ? 1 : 0) + slot.record.containers;

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
    // Its findings go out now; its summary stays for the deployments still to check.
    FileRecord& record = slots[place].record;
    // The same file named twice is one file in the output: its places are side by side.
    if (last != 0 && record.path != path) flush(last);
    path = record.path;
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
    record.findings = {};
    last = place + 1;
  }
  if (last != 0) flush(last);
  // At files that are not inputs: none, unless a check points elsewhere.
  std::vector<Diagnostic> rest;
  for (auto& [at, d] : waiting) rest.push_back(std::move(d));
  emit_all(std::move(rest));
  return totals;
}

// The path a file read in memory goes by in the order of paths.
const fs::path& path_of(const ReadResult& result) {
  if (result.document) return result.document->path;
  if (result.containers) return result.containers->path;
  return result.error->path;
}

}  // namespace

LintTotals lint_files(const std::vector<fs::path>& paths, std::optional<FileKind> as, const LintOptions& options,
                      const LintFilesOptions& run, const std::function<void(const Diagnostic&)>& emit) {
  const CheckPlan plan = plan_checks(options);
  Files files;
  const auto handle = [&](FoundFile&& file, std::size_t place) {
    if (std::optional<FileRecord> record = check_file(std::move(file), options, plan, run))
      files.add(place, std::move(*record));
  };
  walk_files(paths, as, run.jobs, handle, run.progress);
  return report(files, options, plan, run, emit);
}

LintTotals lint_inputs(Inputs inputs, const LintOptions& options, const LintFilesOptions& run,
                       const std::function<void(const Diagnostic&)>& emit) {
  std::vector<ReadResult> read;
  read.reserve(inputs.documents.size() + inputs.errors.size() + inputs.containers.size());
  for (Document& doc : inputs.documents) read.push_back({.document = std::move(doc)});
  for (ReadError& error : inputs.errors) read.push_back({.error = std::move(error)});
  for (auto& file : inputs.containers) read.push_back({.containers = std::move(file)});
  // In the order walk_files finds files in: by path, a file given twice side by side.
  std::ranges::stable_sort(read, [](const ReadResult& a, const ReadResult& b) {
    return path_before(path_of(a).native(), path_of(b).native());
  });
  const CheckPlan plan = plan_checks(options);
  Files files;
  for (std::size_t place = 0; place < read.size(); ++place) {
    std::size_t size = 0;
    if (std::optional<FileRecord> record = record_of(std::move(read[place]), false, options, plan, size))
      files.add(place, std::move(*record));
    if (run.progress) run.progress(place + 1, read.size());
  }
  if (run.progress && read.empty()) run.progress(0, 0);
  return report(files, options, plan, run, emit);
}

namespace {

LintFilesResult gathered(const std::function<LintTotals(const std::function<void(const Diagnostic&)>&)>& lint) {
  LintFilesResult result;
  const LintTotals totals = lint([&](const Diagnostic& d) { result.report.diagnostics.push_back(d); });
  result.report.files = totals.files;
  result.report.deployments = totals.deployments;
  result.read_errors = totals.read_errors;
  return result;
}

}  // namespace

LintFilesResult lint_files(const std::vector<fs::path>& paths, std::optional<FileKind> as, const LintOptions& options,
                           const LintFilesOptions& run) {
  return gathered([&](const auto& emit) { return lint_files(paths, as, options, run, emit); });
}

LintFilesResult lint_inputs(Inputs inputs, const LintOptions& options, const LintFilesOptions& run) {
  return gathered([&](const auto& emit) { return lint_inputs(std::move(inputs), options, run, emit); });
}

}  // namespace sessiontool

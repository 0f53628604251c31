#pragma once
// The lint driver: files are read and checked on every core, each is kept afterwards only as
// the little resolution needs (its session values and its own findings, file_record.hpp), and
// the findings stream out in the order of paths whatever the number of workers. The same driver
// takes documents already in memory (tests, the pipeline fuzz target), so every caller runs the
// path the binary ships.

#include <cstddef>
#include <filesystem>
#include <functional>
#include <optional>
#include <vector>

#include "read/document.hpp"
#include "lint/file_memo.hpp"
#include "read/inputs.hpp"
#include "resolve/resolve.hpp"
#include "lint/rules.hpp"

namespace sessiontool {

struct LintFilesOptions {
  unsigned jobs = 0;  // worker threads; 0: one per core
  // Called on the calling thread after each file it checks, and once more when all are done
  // (done == total), for a progress line.
  std::function<void(std::size_t done, std::size_t total)> progress;
  // Called on the calling thread with each deployment as it is resolved and checked (`diff` keeps
  // what it does to sessions); the documents it points into live only during the call.
  std::function<void(const Deployment&)> deployment;
  // `diff`'s two trees: the first run records what it keeps of each file here, the second reuses
  // it for a file that is the same in both (file_memo.hpp). Null: every file is read and checked.
  FileMemo* memo = nullptr;
  bool memo_reuse = false;  // false: record
  // Bytes to read a file as instead of what is on disk (`set`: the files as it would write them);
  // null, or a null answer: the file on disk. Called from the worker threads.
  std::function<const std::string*(const std::filesystem::path&)> replaced;
};

// What a run reports besides its findings.
struct LintTotals {
  std::size_t files = 0;        // read, and not readable
  std::size_t deployments = 0;
  bool read_errors = false;     // an input could not be read or parsed (reported as ST001/ST002)
};

// Resolves the files under `paths` and runs every enabled rule (disabled rules report nothing;
// severity overrides are applied). An explicit file must be readable and recognised (forced to
// `as` when given); directories are searched recursively and what they hold that is no
// configuration file is skipped. The findings are handed to `emit` a file at a time, in output
// order (diagnostic_before), once every file has been read (pairing needs them all); what is kept
// until then is a summary of each file (file_record.hpp), never a document or the fleet's report.
// Deployments are numbered in the order of their first files, container descriptions' among them.
LintTotals lint_files(const std::vector<std::filesystem::path>& paths, std::optional<FileKind> as,
                      const LintOptions& options, const LintFilesOptions& run,
                      const std::function<void(const Diagnostic&)>& emit);

// The same over files already read (load_inputs, load_container_inputs, or documents built in
// memory): each is taken at its place in the order of paths, as if found on disk.
LintTotals lint_inputs(Inputs inputs, const LintOptions& options, const LintFilesOptions& run,
                       const std::function<void(const Diagnostic&)>& emit);

// Either, gathered into one report.
struct LintFilesResult {
  LintReport report;
  bool read_errors = false;
};
LintFilesResult lint_files(const std::vector<std::filesystem::path>& paths, std::optional<FileKind> as,
                           const LintOptions& options, const LintFilesOptions& run = {});
LintFilesResult lint_inputs(Inputs inputs, const LintOptions& options, const LintFilesOptions& run = {});

}  // namespace sessiontool

#pragma once
// What a deployment does to sessions, as plain values that outlive the documents it was resolved
// from: its effective timeouts, the session settings with their origins, and its lint findings.
// `diff` compares two sets of them (two trees); `set` the files before and after its edits.

#include <cstddef>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "read/inputs.hpp"
#include "lint/lint_files.hpp"
#include "resolve/resolve.hpp"
#include "lint/rules.hpp"

namespace sessiontool {

struct SettingState {
  std::string key;  // Microsoft's spelling
  FileKind kind = FileKind::server;
  std::string value;  // the text in force; empty when unset with no default
  Origin origin = Origin::default_value;
  std::string path;  // the origin file (also for a <remove>/<clear/> that took the key out)
  Position pos;      // of the value (origin file), or of the <remove>/<clear/>
  bool removed = false;  // taken out by <remove> or <clear/>: the default applies
  std::optional<Duration> duration;  // the value read as its type

  // Same value from the same place, whatever line it moved to.
  bool same_as(const SettingState& other) const {
    return value == other.value && origin == other.origin && removed == other.removed;
  }
};

struct FindingState {
  std::string rule;
  Severity severity = Severity::warning;
  FileKind kind = FileKind::server;  // of the file it points at
  std::string setting;
  std::string message;
  std::string path;
  Position pos;
};

struct DeploymentState {
  Product product = Product::business_central;
  std::string name;
  struct File {
    FileKind kind;
    std::string path;  // as given or found, UTF-8
  };
  std::vector<File> files;
  BcPlatform platform;
  InactivityTimeout inactivity;
  std::optional<ReconnectWindow> reconnect;
  std::optional<WarningLead> warning;
  std::vector<SettingState> settings;  // the session keys, catalog order
  std::vector<FindingState> findings;  // at the deployment's files, in output order

  const SettingState* find(std::string_view key) const;
  const File* file(FileKind kind) const;
};

struct Behaviour {
  std::vector<DeploymentState> deployments;  // in the order of their first files
  std::vector<Diagnostic> read_errors;       // ST001/ST002: inputs that could not be read
  std::size_t files = 0;
  std::size_t containers = 0;  // deployments of container descriptions: read and checked, not compared
};

// A deployment's state without findings (attach_findings adds them).
DeploymentState deployment_state(const Deployment& deployment);

// Gives every deployment the findings at its files (a server two web instances share: both).
void attach_findings(std::vector<DeploymentState>& deployments, const std::vector<Diagnostic>& findings);

// From files on disk at fleet scale, through lint_files (every file read once, on every core; with
// run.memo, a file the memo's first tree had is not parsed again).
Behaviour behaviour_of_paths(const std::vector<std::filesystem::path>& paths, std::optional<FileKind> as,
                             const LintOptions& options, const LintFilesOptions& run = {});

// From files already read, through the same driver (lint_inputs).
Behaviour behaviour_of(Inputs inputs, const LintOptions& options);

}  // namespace sessiontool

#pragma once
// Lint over documents built in memory (fixtures.hpp) or read from disk.

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "corpus.hpp"
#include "fixtures.hpp"
#include "lint/lint_files.hpp"
#include "lint/rules.hpp"

namespace sessiontool::test {

inline LintReport lint_docs(std::vector<Document> documents, const LintOptions& options = {},
                            std::vector<ReadError> errors = {}) {
  return lint_inputs(Inputs{std::move(documents), std::move(errors)}, options).report;
}

// The rule ids found, in output order.
inline std::vector<std::string> rule_ids(const LintReport& report) {
  std::vector<std::string> ids;
  for (const Diagnostic& d : report.diagnostics) ids.emplace_back(d.rule);
  return ids;
}

inline std::vector<std::string> ids(std::vector<std::string> list) { return list; }

// A copy: callers often pass a temporary report.
inline Diagnostic only_finding(const LintReport& report, std::string_view rule) {
  const Diagnostic* found = nullptr;
  for (const Diagnostic& d : report.diagnostics) {
    if (d.rule != rule) continue;
    REQUIRE_MESSAGE(!found, "more than one " << rule);
    found = &d;
  }
  REQUIRE_MESSAGE(found, "no " << rule << " among " << report.diagnostics.size() << " findings");
  return *found;
}

// A Business Central deployment on defaults: a server and a web instance that name each other.
inline std::vector<Document> default_bc() {
  std::vector<Document> docs;
  docs.push_back(server("bc/Service/CustomSettings.config", {{"ServerInstance", "BC"}}));
  docs.push_back(web("bc/Web/navsettings.json", {{"ServerInstance", "BC"}}));
  return docs;
}

// Large CustomSettings.config files read from disk (BC 21+): the project's own fixtures, or the
// real files of SESSIONTOOL_CORPUS.
inline std::vector<Document> read_servers(const std::vector<std::filesystem::path>& paths) {
  std::vector<Document> docs;
  for (const auto& path : paths) {
    ReadResult result = read_document(path, FileKind::server);
    REQUIRE_MESSAGE(result.document, path.string());
    docs.push_back(std::move(*result.document));
  }
  return docs;
}

inline std::vector<Document> large_fixture_documents() {
  return read_servers({large_fixture("lf"), large_fixture("bom"), large_fixture("bom-mixed")});
}

inline std::vector<Document> corpus_documents(const std::filesystem::path& corpus) {
  std::vector<std::filesystem::path> paths;
  for (const std::string& name : corpus_files()) paths.push_back(corpus / name);
  return read_servers(paths);
}

}  // namespace sessiontool::test

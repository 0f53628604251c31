#pragma once
// Lint over documents built in memory (fixtures.hpp) or read from the corpus.

#include <string>
#include <string_view>
#include <vector>

#include "fixtures.hpp"
#include "rules.hpp"

namespace sessiontool::test {

inline LintReport lint_docs(std::vector<Document> documents, const LintOptions& options = {},
                            std::vector<ReadError> errors = {}) {
  const Inputs inputs{std::move(documents), std::move(errors)};
  return lint(inputs, options);
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

// The three real CustomSettings.config files in shared/corpus (BC 21+).
inline std::vector<Document> corpus_documents() {
  std::vector<Document> docs;
  for (const char* name : {"bc4ubuntu-CustomSettings.config", "bcdevonlinux-config-CustomSettings.config",
                           "bcdevonlinux-vm-CustomSettings.config"}) {
    ReadResult result = read_document(std::string(SESSIONTOOL_CORPUS_DIR) + "/" + name, FileKind::server);
    REQUIRE_MESSAGE(result.document, name);
    docs.push_back(std::move(*result.document));
  }
  return docs;
}

}  // namespace sessiontool::test

#pragma once
// A lint finding and where it points: the value's bytes in a file, as the readers recorded them.

#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "read/document.hpp"
#include "text/path_text.hpp"
#include "lint/severity.hpp"

namespace sessiontool {

struct Diagnostic {
  std::string_view rule;  // "ST103"; points into the rule table
  Severity severity = Severity::warning;
  std::filesystem::path path;
  Position start;  // line 0: the finding has no position in the file (an unreadable file)
  Position end;    // just past the last character (SARIF's convention); equal to start for a point
  std::string message;  // names the setting, the value and the fix
  std::string setting;  // the setting's key, when the finding is about one
  // The deployment the finding belongs to, for reports grouped by deployment (lint --format
  // markdown): its number in the run's deployment order from 1 (0: a file in none, e.g. one that
  // could not be read) and its name and product ("BCPROD (Business Central)").
  std::uint32_t deployment = 0;
  std::string deployment_name;

  bool has_position() const { return start.line > 0; }
};

// At an entry's value: the span between the quotes (empty for `<add key="K"/>`).
Diagnostic at_value(std::string_view rule, Severity severity, const Document& doc, const Entry& entry,
                    std::string message);

// At a file as a whole, for a finding with no value of its own in it (a default, a system
// parameter): the line that opens the file's first section, else line 1.
Diagnostic at_file(std::string_view rule, Severity severity, const Document& doc, std::string message,
                   std::string_view setting = {});

// Output order: by path, then line, column and rule (and message and deployment, so equal places
// stay stable).
bool diagnostic_before(const Diagnostic& a, const Diagnostic& b);
// Sorts into that order.
void sort_diagnostics(std::vector<Diagnostic>& diagnostics);

}  // namespace sessiontool

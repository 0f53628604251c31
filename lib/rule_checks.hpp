#pragma once
// The checks behind the rule table (rules.cpp). Each adds findings for the rules it knows;
// the driver drops disabled rules, applies severity overrides and sorts.

#include <vector>

#include "rules.hpp"

namespace sessiontool::checks {

// document_rules.cpp: one file at a time.
void values(const Document& doc, const LintOptions& options, std::vector<Diagnostic>& out);         // ST003, ST006–ST009, ST201, ST202
void duplicates(const Document& doc, const LintOptions& options, std::vector<Diagnostic>& out);     // ST004
void unknown_keys(const Document& doc, const LintOptions& options, std::vector<Diagnostic>& out);   // ST005
void platform_keys(const Document& doc, const LintOptions& options, std::vector<Diagnostic>& out);  // ST107
void letter_case(const Document& doc, const LintOptions& options, std::vector<Diagnostic>& out);    // ST010
void no_effect(const Document& doc, const LintOptions& options, std::vector<Diagnostic>& out);      // ST011
void refusals(const Document& doc, const LintOptions& options, std::vector<Diagnostic>& out);       // ST012
void encrypted(const Document& doc, const LintOptions& options, std::vector<Diagnostic>& out);      // ST204

// deployment_rules.cpp: one resolved deployment at a time. They read only session keys
// (SettingInfo::session_key): lint_files keeps no other entries of a file once it is checked.
void unbounded(const LintInput& input, std::vector<Diagnostic>& out);               // ST101
void shadowed_session_timeout(const LintInput& input, std::vector<Diagnostic>& out);  // ST102
void keep_alive(const LintInput& input, std::vector<Diagnostic>& out);              // ST103
void pairing(const LintInput& input, std::vector<Diagnostic>& out);                 // ST105, ST106
void fo_system_parameter(const LintInput& input, std::vector<Diagnostic>& out);     // ST201–ST203
void policy(const LintInput& input, std::vector<Diagnostic>& out);                  // ST301–ST303

}  // namespace sessiontool::checks

// SARIF 2.1.0, as GitHub code scanning accepts it: a full rules[] from the rule table and one
// result per finding, with the region of the value.

#include <nlohmann/json.hpp>

#include <fmt/format.h>

#include "lint_formatters.hpp"

namespace sessiontool::cli {
namespace {

using nlohmann::ordered_json;

const char* sarif_level(Severity severity) {
  switch (severity) {
    case Severity::error: return "error";
    case Severity::warning: return "warning";
    case Severity::info: return "note";
  }
  return "none";
}

// An RFC 3986 URI reference: unreserved characters and '/' stay, the rest is percent-encoded.
// A path outside the working directory is an absolute file URI: file:///srv/bc/..., and on
// Windows file:///C:/BC/... (the drive's colon kept, as viewers expect it).
std::string uri_reference(const std::string& path) {
  const bool drive = path.size() >= 3 && std::isalpha(static_cast<unsigned char>(path[0])) && path[1] == ':' &&
                     path[2] == '/';
  std::string out;
  for (std::size_t i = 0; i < path.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(path[i]);
    if (std::isalnum(c) || c == '-' || c == '.' || c == '_' || c == '~' || c == '/' || (drive && i == 1))
      out += static_cast<char>(c);
    else
      out += fmt::format("%{:02X}", c);
  }
  if (drive) return "file:///" + out;
  if (!path.empty() && path.front() == '/') return "file://" + out;
  return out;
}

// The explanations are wrapped for a terminal; viewers wrap text themselves, so join each
// paragraph's lines and keep only the paragraph breaks.
std::string unwrapped(std::string_view text) {
  std::string out(text);
  for (std::size_t i = 0; i < out.size(); ++i)
    if (out[i] == '\n' && (i == 0 || out[i - 1] != '\n') && (i + 1 == out.size() || out[i + 1] != '\n')) out[i] = ' ';
  return out;
}

// The explanation's first paragraph.
std::string first_paragraph(std::string_view text) { return unwrapped(text.substr(0, text.find("\n\n"))); }

ordered_json rule_descriptor(const Rule& rule) {
  return {{"id", rule.id},
          {"name", rule.name},
          {"shortDescription", {{"text", rule.title}}},
          {"fullDescription", {{"text", first_paragraph(rule.explanation)}}},
          {"help", {{"text", unwrapped(rule.explanation)}}},
          {"defaultConfiguration", {{"level", sarif_level(rule.severity)}}}};
}

}  // namespace

// The JSON text of a value nested `depth` levels deep, as dump(2) of the whole log lays it out.
std::string nested(const ordered_json& value, std::size_t depth) {
  std::string text = value.dump(2, ' ', false, nlohmann::json::error_handler_t::replace);
  const std::string indent(2 * depth, ' ');
  std::string out;
  out.reserve(text.size() + text.size() / 8);
  for (char c : text) {
    out += c;
    if (c == '\n') out += indent;
  }
  return out;
}

namespace {

class SarifWriter final : public LintWriter {
 public:
  SarifWriter(const std::filesystem::path& base, Output& out) : base_(base), out_(out) {}

  void finding(const Diagnostic& d) override {
    begin();
    ordered_json location = {{"artifactLocation", {{"uri", uri_reference(ci_path(d.path, base_))}}}};
    if (d.has_position())
      location["region"] = {{"startLine", d.start.line},
                            {"startColumn", d.start.column},
                            {"endLine", d.end.line},
                            {"endColumn", d.end.column}};
    const Rule* rule = find_rule(d.rule);
    const ordered_json result = {{"ruleId", d.rule},
                                 {"ruleIndex", rule - rules().data()},
                                 {"level", sarif_level(d.severity)},
                                 {"message", {{"text", d.message}}},
                                 {"locations", ordered_json::array({{{"physicalLocation", location}}})}};
    out_.write(any_ ? ",\n        " : "\n        ");
    any_ = true;
    out_.write(nested(result, 4));
  }

  void finish(const LintTotals&) override {
    begin();
    out_.write(any_ ? "\n      ]\n    }\n  ]\n}\n" : "]\n    }\n  ]\n}\n");
  }

 private:
  // The log opens with the first thing lint reports: a run that fails first leaves no half a
  // log.
  void begin() {
    if (begun_) return;
    begun_ = true;
    ordered_json descriptors = ordered_json::array();
    for (const Rule& rule : rules()) descriptors.push_back(rule_descriptor(rule));
    const ordered_json driver = {{"name", "sessiontool"},
                                 {"version", SESSIONTOOL_VERSION},
                                 {"semanticVersion", SESSIONTOOL_VERSION},
                                 {"rules", descriptors}};
    // The log around the results, then the results a finding at a time: a fleet's findings are
    // never built as one tree.
    out_.write("{\n  \"$schema\": \"https://json.schemastore.org/sarif-2.1.0.json\",\n  \"version\": \"2.1.0\",\n"
               "  \"runs\": [\n    {\n      \"tool\": ");
    out_.write(nested({{"driver", driver}}, 3));
    out_.write(",\n      \"columnKind\": \"unicodeCodePoints\",\n      \"results\": [");
  }

  std::filesystem::path base_;
  Output& out_;
  bool begun_ = false;
  bool any_ = false;
};

}  // namespace

std::unique_ptr<LintWriter> lint_sarif_writer(const std::filesystem::path& base, Output& out) {
  return std::make_unique<SarifWriter>(base, out);
}

}  // namespace sessiontool::cli

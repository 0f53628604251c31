// Markdown for a CI summary: GitHub's step summary ("GitHub flavored Markdown") and Azure
// DevOps's summary tab render CommonMark with GitHub's tables. No HTML and no <details>: the
// Extensions tab's "Markdown rendering ... is different from Azure DevOps wiki rendering"
// (azure-devops-docs, pipelines/scripts/logging-commands.md, UploadSummary), and runs no script.

#include <map>

#include <fmt/format.h>

#include "text/ascii_case.hpp"
#include "lint_formatters.hpp"
#include "markdown.hpp"

namespace sessiontool::cli {
namespace {

// The rule's explanation, where the findings' rule ids link to: `#st103`, the id GitHub and Azure
// DevOps give a heading that says only "ST103" ("The ID is the heading text, with the spaces
// replaced by dashes (-) and all lower case": azure-devops-docs, markdown-guidance.md). A renderer that gives headings no ids (GitHub's
// check-run summaries, dorny/test-reporter#18) still shows the explanations below the findings,
// under their ids; an HTML anchor instead would not survive Azure's renderer.
std::string rule_anchor(std::string_view id) {
  std::string anchor = "#";
  for (char c : id) anchor += ascii_lower(c);
  return anchor;
}

std::string rule_section(const Rule& rule) {
  std::string out = fmt::format("#### {}\n\n{} ({} by default)\n", rule.id, markdown::text(rule.title),
                                to_string(rule.severity));
  // Paragraphs as `explain` prints them; a paragraph's lines joined (the text wraps them).
  std::string_view rest = rule.explanation;
  while (!rest.empty()) {
    const std::size_t end = rest.find("\n\n");
    out += "\n" + markdown::text(rest.substr(0, end)) + "\n";
    rest = end == std::string_view::npos ? std::string_view() : rest.substr(end + 2);
  }
  return out;
}

class MarkdownWriter final : public LintWriter {
 public:
  MarkdownWriter(const std::filesystem::path& base, Output& out) : base_(base), out_(out) {}

  void finding(const Diagnostic& d) override {
    ++counts_[static_cast<int>(d.severity)];
    std::string where = ci_path(d.path, base_);
    if (d.has_position()) where += fmt::format(":{}:{}", d.start.line, d.start.column);
    Group& group = groups_[d.deployment];
    group.name = d.deployment_name;
    group.rows.push_back({std::string(to_string(d.severity)), markdown::code(where),
                          fmt::format("[{}]({})", d.rule, rule_anchor(d.rule)), markdown::text(d.message)});
    rules_[d.rule] = find_rule(d.rule);
  }

  void finish(const LintTotals& totals) override {
    out_.write(fmt::format("## sessiontool lint\n\n{}\n", markdown::text(lint_summary(counts_, totals))));
    const auto write_group = [&](const Group& group, std::string_view heading) {
      out_.write(fmt::format("\n### {}\n\n", heading));
      out_.write(markdown::table({"Severity", "Where", "Rule", "Finding"}, group.rows));
    };
    // Deployments in output order, then the files that belong to none (those not readable).
    for (const auto& [number, group] : groups_)
      if (number != 0) write_group(group, markdown::text(group.name));
    if (const auto none = groups_.find(0); none != groups_.end()) write_group(none->second, "Files in no deployment");
    if (rules_.empty()) return;
    out_.write("\n### Rules\n");
    for (const auto& [id, rule] : rules_)
      if (rule) out_.write("\n" + rule_section(*rule));
  }

 private:
  struct Group {
    std::string name;
    std::vector<std::vector<std::string>> rows;
  };
  std::filesystem::path base_;
  Output& out_;
  SeverityCounts counts_ = {};
  std::map<std::uint32_t, Group> groups_;  // by deployment number; 0: in no deployment
  std::map<std::string_view, const Rule*> rules_;  // the rules used, by id
};

}  // namespace

std::unique_ptr<LintWriter> lint_markdown_writer(const std::filesystem::path& base, Output& out) {
  return std::make_unique<MarkdownWriter>(base, out);
}

}  // namespace sessiontool::cli

#include <fmt/format.h>

#include "lint_formatters.hpp"
#include "text/path_text.hpp"

namespace sessiontool::cli {
namespace {

std::string counted(std::size_t n, std::string_view noun) {
  return fmt::format("{} {}{}", n, noun, n == 1 ? "" : "s");
}

std::string severity_word(Severity severity, const Style& style) {
  const std::string word = std::string(to_string(severity)) + ":";
  switch (severity) {
    case Severity::error: return style.red(word);
    case Severity::warning: return style.yellow(word);
    case Severity::info: return style.cyan(word);
  }
  return word;
}

class TextWriter final : public LintWriter {
 public:
  TextWriter(const Style& style, Output& out) : style_(style), out_(out) {}

  void finding(const Diagnostic& d) override {
    if (any_ && previous_ != d.path) out_.write("\n");
    previous_ = d.path;
    any_ = true;
    ++counts_[static_cast<int>(d.severity)];
    std::string where = utf8_text(d.path);
    if (d.has_position()) where += fmt::format(":{}:{}", d.start.line, d.start.column);
    out_.write(fmt::format("{}: {} {} {}\n", style_.bold(where), severity_word(d.severity, style_), d.message,
                           style_.dim(fmt::format("[{}]", d.rule))));
  }

  void finish(const LintTotals& totals) override {
    const std::string line = lint_summary(counts_, totals);
    out_.write(any_ ? "\n" + line + "\n" : line + "\n");
  }

 private:
  Style style_;
  Output& out_;
  std::filesystem::path previous_;
  bool any_ = false;
  SeverityCounts counts_ = {};
};

}  // namespace

std::string lint_summary(const SeverityCounts& counts, const LintTotals& totals) {
  const std::string scope =
      fmt::format("{} ({})", counted(totals.files, "file"), counted(totals.deployments, "deployment"));
  if (counts[0] + counts[1] + counts[2] == 0) return fmt::format("No findings in {}.", scope);
  return fmt::format("{}, {}, {} in {}.", counted(counts[2], "error"), counted(counts[1], "warning"),
                     counted(counts[0], "info"), scope);
}

std::unique_ptr<LintWriter> lint_text_writer(const Style& style, Output& out) {
  return std::make_unique<TextWriter>(style, out);
}

}  // namespace sessiontool::cli

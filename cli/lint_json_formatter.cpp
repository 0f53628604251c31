#include <nlohmann/json.hpp>

#include <fmt/format.h>

#include "lint_formatters.hpp"
#include "text/path_text.hpp"

namespace sessiontool::cli {
namespace {

// A JSON string literal. A file that is not valid UTF-8 (pugixml does not check) must not make
// dump() throw: its bad bytes come out as U+FFFD.
std::string json_text(std::string_view text) {
  return nlohmann::json(text).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

// Written a finding at a time, in the layout nlohmann::ordered_json::dump(2) gives the whole
// document, so a fleet's report is never built as one tree.
class JsonWriter final : public LintWriter {
 public:
  explicit JsonWriter(Output& out) : out_(out) {}

  void finding(const Diagnostic& d) override {
    begin();
    ++counts_[static_cast<int>(d.severity)];
    // No position (an unreadable file): null rather than a made-up line.
    const auto number = [&](std::uint32_t n) { return d.has_position() ? fmt::to_string(n) : std::string("null"); };
    out_.write(any_ ? ",\n" : "\n");
    any_ = true;
    out_.write(fmt::format("    {{\n"
                           "      \"rule\": {},\n"
                           "      \"severity\": {},\n"
                           "      \"file\": {},\n"
                           "      \"line\": {},\n"
                           "      \"column\": {},\n"
                           "      \"end_line\": {},\n"
                           "      \"end_column\": {},\n"
                           "      \"setting\": {},\n"
                           "      \"message\": {}\n"
                           "    }}",
                           json_text(d.rule), json_text(to_string(d.severity)), json_text(generic_utf8_text(d.path)),
                           number(d.start.line), number(d.start.column), number(d.end.line), number(d.end.column),
                           d.setting.empty() ? std::string("null") : json_text(d.setting), json_text(d.message)));
  }

  void finish(const LintTotals& totals) override {
    begin();
    out_.write(any_ ? "\n  ],\n" : "],\n");
    out_.write(fmt::format("  \"summary\": {{\n"
                           "    \"errors\": {},\n"
                           "    \"warnings\": {},\n"
                           "    \"infos\": {},\n"
                           "    \"files\": {},\n"
                           "    \"deployments\": {}\n"
                           "  }}\n"
                           "}}\n",
                           counts_[2], counts_[1], counts_[0], totals.files, totals.deployments));
  }

 private:
  // The document opens with the first thing lint reports: a run that fails first leaves no
  // half a document.
  void begin() {
    if (!begun_) out_.write("{\n  \"diagnostics\": [");
    begun_ = true;
  }

  Output& out_;
  bool begun_ = false;
  bool any_ = false;
  std::size_t counts_[3] = {};
};

}  // namespace

std::unique_ptr<LintWriter> lint_json_writer(Output& out) { return std::make_unique<JsonWriter>(out); }

}  // namespace sessiontool::cli

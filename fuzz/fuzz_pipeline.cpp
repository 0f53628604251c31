// The whole read path: bytes -> documents -> deployments -> `show` (text and JSON) and `lint`
// (every format). The input holds up to four files separated by kSeparator, so pairing sees
// server and web instances side by side; its last byte picks the platform and the options.

#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "fuzz_check.hpp"
#include "read/inputs.hpp"
#include "lint/lint_files.hpp"
#include "lint_formatters.hpp"
#include "read/reader.hpp"
#include "lint/rules.hpp"
#include "show_json.hpp"
#include "show_markdown.hpp"
#include "show_text.hpp"

using namespace sessiontool;
using namespace sessiontool::fuzz;

namespace {

constexpr std::string_view kSeparator = "\n=====\n";

// JSON goes in navsettings.json, XML in web.config (its content decides the kind), each file
// in a folder of its own, two of them sharing a parent so nearness decides pairing.
std::filesystem::path name_for(std::size_t index, std::string_view bytes) {
  const std::size_t first = bytes.find_first_not_of(" \t\r\n\xEF\xBB\xBF");
  const bool json = first != std::string_view::npos && bytes[first] == '{';
  const char* dirs[] = {"BC/Service", "BC/Web", "Other/Web", "FO"};
  return std::filesystem::path(dirs[index % 4]) / (json ? "navsettings.json" : "web.config");
}

void check_json(const std::string& text) {
  const nlohmann::json parsed = nlohmann::json::parse(text, nullptr, false);
  FUZZ_CHECK(!parsed.is_discarded(), text);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const unsigned char* data, std::size_t size) {
  if (size == 0) return 0;
  const unsigned options_byte = data[size - 1];
  const std::string_view input(reinterpret_cast<const char*>(data), size - 1);

  Inputs inputs;
  std::size_t begin = 0;
  for (std::size_t index = 0; index < 4 && begin <= input.size(); ++index) {
    std::size_t end = input.find(kSeparator, begin);
    if (end == std::string_view::npos || index == 3) end = input.size();
    const std::string_view bytes = input.substr(begin, end - begin);
    ReadResult result = parse_document(name_for(index, bytes), std::string(bytes));
    if (result.document) {
      check_document(*result.document);
      inputs.documents.push_back(std::move(*result.document));
    } else if (result.containers) {  // a web.config that is an env file, or docker inspect JSON
      inputs.containers.push_back(std::move(result.containers));
    } else {
      inputs.errors.push_back(std::move(*result.error));
    }
    begin = end + kSeparator.size();
  }

  ResolveOptions resolve_options;
  const int platforms[] = {0, 14, 20, 21, 22, 25};
  if (int platform = platforms[options_byte % 6]; platform != 0) resolve_options.platform = platform;
  if (options_byte & 0x08) resolve_options.fo_inactivity_timeout = Duration::minutes(options_byte & 0x10 ? 90 : 3);
  if (options_byte & 0x20) resolve_options.assume.emplace_back("SessionTimeout", "MaxValue");

  const std::vector<Deployment> deployments = resolve(inputs.documents, resolve_options);
  check_json(cli::render_show_json(deployments));
  FUZZ_CHECK(!cli::render_show_markdown(deployments, inputs.errors).empty());
  const cli::ShowTextOptions text_options{.all = (options_byte & 0x40) != 0,
                                          .lb_idle_timeout = Duration::minutes(4)};
  FUZZ_CHECK(!cli::render_show_text(deployments, text_options, cli::Style::plain()).empty() || deployments.empty());

  LintOptions lint_options{.resolve = resolve_options, .fo_inactivity_source = "--fo-inactivity-timeout"};
  if (options_byte & 0x80) {
    lint_options.lb_idle_timeout.reset();
    lint_options.policy = Policy{Duration::minutes(60), Duration::minutes(5), Duration::minutes(10)};
  }
  // The driver the binary ships, over the documents read here.
  const LintReport report = lint_inputs(std::move(inputs), lint_options).report;
  for (const Diagnostic& d : report.diagnostics) FUZZ_CHECK(!d.message.empty());
  check_json(cli::render_lint_json(report));
  // SARIF carries every rule's full text: half the time of a run, so one input in four.
  if ((options_byte & 0x03) == 0) check_json(cli::render_lint_sarif(report, "."));
  cli::render_lint_text(report, cli::Style::plain());
  cli::render_lint_github(report, ".");
  cli::render_lint_azure(report, ".");
  cli::render_lint_markdown(report, ".");
  return 0;
}

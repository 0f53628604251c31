// What the CI formats share: paths relative to the checkout, the logging commands' escaping, and
// the writer of one line per finding.

#include <fmt/format.h>

#include "lint_formatters.hpp"
#include "text/path_text.hpp"

namespace sessiontool::cli {

std::string ci_path(const std::filesystem::path& path, const std::filesystem::path& base) {
  std::error_code ec;
  const std::filesystem::path absolute = std::filesystem::absolute(path, ec).lexically_normal();
  const std::filesystem::path relative = absolute.lexically_relative(std::filesystem::absolute(base, ec));
  if (!relative.empty() && *relative.begin() != "..") return generic_utf8_text(relative);
  return generic_utf8_text(absolute);
}

namespace {

class LineWriter final : public LintWriter {
 public:
  LineWriter(FindingLine line, const std::filesystem::path& base, Output& out) : line_(line), base_(base), out_(out) {}
  void finding(const Diagnostic& d) override { out_.write(line_(d, base_)); }
  void finish(const LintTotals&) override {}

 private:
  FindingLine line_;
  std::filesystem::path base_;
  Output& out_;
};

}  // namespace

std::unique_ptr<LintWriter> lint_line_writer(FindingLine line, const std::filesystem::path& base, Output& out) {
  return std::make_unique<LineWriter>(line, base, out);
}

std::string escape_command(std::string_view text, std::string_view percent, std::string_view property_chars) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    if (c == '%')
      out += percent;
    else if (c == '\r' || c == '\n' || property_chars.find(c) != std::string_view::npos)
      out += fmt::format("%{:02X}", static_cast<unsigned char>(c));
    else
      out += c;
  }
  return out;
}

}  // namespace sessiontool::cli

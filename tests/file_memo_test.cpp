#include <doctest/doctest.h>

#include <fstream>
#include <random>

#include "lint/file_memo.hpp"
#include "lint/lint_files.hpp"
#include "text/path_text.hpp"

using namespace sessiontool;
namespace fs = std::filesystem;

namespace {

struct TempTree {
  fs::path root = fs::temp_directory_path() / ("sessiontool-memo-" + std::to_string(std::random_device{}()));
  ~TempTree() {
    std::error_code ec;
    fs::remove_all(root, ec);
  }
  void write(const std::string& relative, const std::string& text) const {
    fs::create_directories((root / relative).parent_path());
    std::ofstream(root / relative, std::ios::binary) << text;
  }
};

const std::string kServer =
    "<appSettings>\n  <add key=\"ServerInstance\" value=\"BC\" />\n  <add key=\"SearchTimeout\" value=\"10\" />\n"
    "  <add key=\"ClientServicesIdleClientTimeout\" value=\"00:30:00\" />\n</appSettings>\n";

// lint_files over `tree` with the memo, recording or reusing; the findings in order.
std::vector<std::string> lint_with(FileMemo& memo, const fs::path& tree, bool reuse) {
  memo.set_root(tree);
  std::vector<std::string> found;
  lint_files({tree}, std::nullopt, LintOptions{}, {.memo = &memo, .memo_reuse = reuse}, [&](const Diagnostic& d) {
    found.push_back(generic_utf8_text(d.path.filename()) + ":" + std::to_string(d.start.line) + " " + std::string(d.rule));
  });
  return found;
}

}  // namespace

TEST_SUITE("file_memo") {
  TEST_CASE("a file the same in both trees is reused, with the second tree's path, its findings stay") {
    TempTree a, b;
    a.write("x/Service/CustomSettings.config", kServer);
    b.write("x/Service/CustomSettings.config", kServer);
    FileMemo memo;
    const auto first = lint_with(memo, a.root, false);
    memo.set_root(b.root);
    const auto reused = memo.reuse(b.root / "x/Service/CustomSettings.config", std::nullopt);
    REQUIRE(reused);
    CHECK(fs::path(reused->path) == fs::path(b.root / "x/Service/CustomSettings.config").make_preferred());
    REQUIRE(reused->summary);
    CHECK(lint_with(memo, b.root, true) == first);  // ST006 for the bare "10" both times
    CHECK(std::ranges::find(first, "CustomSettings.config:3 ST006") != first.end());
  }

  TEST_CASE("the same length and place but other bytes: read and checked again") {
    TempTree a, b;
    a.write("x/CustomSettings.config", kServer);
    std::string changed = kServer;
    changed.replace(changed.find("00:30:00"), 8, "00:15:00");  // same length
    b.write("x/CustomSettings.config", changed);
    FileMemo memo;
    lint_with(memo, a.root, false);
    memo.set_root(b.root);
    CHECK_FALSE(memo.reuse(b.root / "x/CustomSettings.config", std::nullopt));
    CHECK_FALSE(memo.reuse(b.root / "y/CustomSettings.config", std::nullopt));  // no such place in the first tree
  }

  TEST_CASE("the same bytes under another install folder (another platform) are read again") {
    TempTree a, b;
    const std::string at200 = "Microsoft Dynamics 365 Business Central/200/Service/CustomSettings.config";
    const std::string at230 = "Microsoft Dynamics 365 Business Central/230/Service/CustomSettings.config";
    a.write("C/" + at200, kServer);
    b.write("C/" + at200, kServer);
    FileMemo memo;
    memo.set_root(a.root / "C/Microsoft Dynamics 365 Business Central/200");
    lint_files({a.root / "C/Microsoft Dynamics 365 Business Central/200"}, std::nullopt, LintOptions{}, {.memo = &memo},
               [](const Diagnostic&) {});
    // The second tree is rooted one folder lower: the same place under its root, another platform.
    TempTree c;
    c.write("C/" + at230, kServer);
    memo.set_root(c.root / "C/Microsoft Dynamics 365 Business Central/230");
    CHECK_FALSE(memo.reuse(c.root / "C" / at230, std::nullopt));
  }
}

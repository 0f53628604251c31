#include "read/bc_platform.hpp"

#include <array>
#include <charconv>

#include <fmt/format.h>

#include "text/ascii_case.hpp"
#include "read/document.hpp"
#include "text/path_text.hpp"

namespace sessiontool {
namespace {

// The product folders of the standard install paths. BC 13 and 14 appear under both names: the
// MSI installs under Business Central, the DVD layout and the containers under NAV.
constexpr std::array<std::string_view, 2> kProductFolders = {"Microsoft Dynamics 365 Business Central",
                                                             "Microsoft Dynamics NAV"};

// Keys that exist only from a platform on (Microsoft Learn, "Business Central Server instance
// settings" and its archived page for earlier versions: "Introduced in version 21/22"). Their
// presence gives a lower bound; their absence tells nothing (files are pruned and carried over).
struct SinceKey {
  std::string_view key;
  int since;
};
constexpr std::array<SinceKey, 12> kSinceKeys = {{
    {"ADOpenIdMetadataLocation", 22},
    {"MaxTaskSchedulerSessionTimeout", 22},
    {"ClientServicesSSLEnabled", 21},
    {"ODataMaxBodySize", 21},
    {"ManagementApiServicesEnabled", 21},
    {"ManagementApiServicesPort", 21},
    {"ManagementApiServicesSSLEnabled", 21},
    {"GlobalSymbolReferenceCacheSize", 21},
    {"GlobalSymbolReferenceCacheTTLInHours", 21},
    {"PTESymbolReferenceCacheSize", 21},
    {"PTESymbolReferenceCacheTTLInHours", 21},
    {"DegreeOfParallelismForUpgrade", 22},
}};

// "230" -> 23, "110" -> 11, "71" -> 7: two or three digits, the last the minor release.
int major_from_folder(std::string_view name) {
  if (name.size() < 2 || name.size() > 3) return 0;
  int number = 0;
  const auto [end, ec] = std::from_chars(name.data(), name.data() + name.size(), number);
  if (ec != std::errc() || end != name.data() + name.size()) return 0;
  return number / 10;
}

}  // namespace

const char* to_string(BcPlatform::Source source) {
  switch (source) {
    case BcPlatform::Source::unknown: return "unknown";
    case BcPlatform::Source::option: return "option";
    case BcPlatform::Source::config_file: return "config";
    case BcPlatform::Source::install_folder: return "install-folder";
    case BcPlatform::Source::content: return "content";
    case BcPlatform::Source::container: return "container";
  }
  return "unknown";
}

BcPlatform stated_platform(int major, BcPlatform::Source source, std::string evidence) {
  return {.major = major, .at_least = major, .source = source, .evidence = std::move(evidence)};
}

BcPlatform platform_from_path(const std::filesystem::path& path) {
  std::error_code ec;
  const std::filesystem::path absolute = std::filesystem::absolute(path, ec);
  const std::filesystem::path& full = ec ? path : absolute;
  // Most paths name no product folder: one look at the whole text before the parts are walked.
  const std::string text = ascii_lowered(generic_utf8_text(full));
  if (text.find("microsoft dynamics") == std::string::npos) return {};
  std::filesystem::path product;  // the product folder just passed, if any
  for (const std::filesystem::path& part : full) {
    const std::string name = utf8_text(part);
    if (!product.empty()) {
      if (const int major = major_from_folder(name); major != 0)
        return stated_platform(major, BcPlatform::Source::install_folder,
                               fmt::format("install folder {}", utf8_text((product / part).make_preferred())));
    }
    const bool is_product =
        std::ranges::any_of(kProductFolders, [&](std::string_view f) { return equals_ignoring_case(name, f); });
    product = is_product ? part : std::filesystem::path();
  }
  return {};
}

BcPlatform platform_evidence(const Document& doc) {
  if (BcPlatform from_path = platform_from_path(doc.path); from_path.known()) return from_path;
  BcPlatform best;
  for (const SinceKey& since : kSinceKeys) {
    if (since.since <= best.at_least) continue;
    if (const Entry* entry = doc.in_force(since.key)) {
      best = {.at_least = since.since, .source = BcPlatform::Source::content,
              .evidence = fmt::format("{} at {}:{}, a setting since platform {}", entry->key, utf8_text(doc.path),
                                      entry->key_pos.line, since.since),
              .pos = entry->key_pos};
    }
  }
  return best;
}

}  // namespace sessiontool

#pragma once
// The Business Central platform (major version) a file belongs to, and what tells it. It
// decides whether the reconnect keys exist (20 and earlier) or a session ends with its
// connection (21 and later). Research and sources: README "Platform".

#include <filesystem>
#include <string>

#include "text/source_text.hpp"

namespace sessiontool {

struct Document;

struct BcPlatform {
  enum class Source {
    unknown,         // nothing tells
    option,          // --platform
    config_file,     // "platform" in .sessiontool.json
    install_folder,  // …\Microsoft Dynamics 365 Business Central\230\… (or Microsoft Dynamics NAV\110\…)
    content,         // a key that exists only from some version on: a lower bound
    container,       // a container's image label platform=23.0.12034.0, or its artifactUrl's version
  };
  int major = 0;     // the exact major version; 0 when only a lower bound (or nothing) is known
  int at_least = 0;  // the lower bound (equal to major when exact); 0 when nothing is known
  Source source = Source::unknown;
  // What told, in words: "--platform", "platform in .sessiontool.json", the install folder, or the
  // key ("ADOpenIdMetadataLocation, a setting since platform 22").
  std::string evidence;
  Position pos;  // content: where the key is (line 0 otherwise)

  bool known() const { return at_least != 0; }
  // Sessions end with their connection: the reconnect keys no longer exist.
  bool no_reconnect() const { return at_least >= 21; }
  // A setting that exists from `since` to `until` (0: no limit) certainly does not exist here.
  bool excludes(int since, int until) const {
    if (major != 0) return (since != 0 && major < since) || (until != 0 && major > until);
    return until != 0 && at_least > until;
  }
};

const char* to_string(BcPlatform::Source source);  // "unknown", "option", "config", "install-folder", "content",
                                                   // "container"

// The platform stated by an option or the configuration file.
BcPlatform stated_platform(int major, BcPlatform::Source source, std::string evidence);

// What a Business Central file tells of its platform: the version folder of a standard install
// path (the stronger evidence), else the newest key it sets that exists only from some version on.
BcPlatform platform_evidence(const Document& doc);

// The version folder of a standard install path (`…/Microsoft Dynamics 365 Business Central/230/…`
// or `…/Microsoft Dynamics NAV/110/…`, any letter case): 230 -> 23, 110 -> 11.
BcPlatform platform_from_path(const std::filesystem::path& path);

}  // namespace sessiontool

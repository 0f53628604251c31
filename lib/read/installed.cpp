#include "read/installed.hpp"

#include <algorithm>
#include <set>
#include <system_error>

#include <pugixml.hpp>

#include "text/ascii_case.hpp"
#include "text/path_text.hpp"
#include "platform/platform.hpp"
#include "read/reader.hpp"

namespace sessiontool {
namespace {

namespace fs = std::filesystem;

// The folders under which the installers put a version folder each (Microsoft Learn, "Business
// Central Server installation": %ProgramFiles%\Microsoft Dynamics 365 Business Central\<version>;
// NAV 2013-2018 and BC 14 images: Microsoft Dynamics NAV\<version>).
constexpr std::string_view kProductFolders[] = {"Microsoft Dynamics 365 Business Central", "Microsoft Dynamics NAV"};

std::vector<fs::path> subdirectories(const fs::path& dir) {
  std::vector<fs::path> found;
  std::error_code ec;
  for (fs::directory_iterator it(dir, fs::directory_options::skip_permission_denied, ec), end; !ec && it != end;
       it.increment(ec)) {
    std::error_code entry_ec;
    if (it->is_directory(entry_ec)) found.push_back(it->path());
  }
  std::ranges::sort(found);
  return found;
}

bool is_file(const fs::path& path) {
  std::error_code ec;
  return fs::is_regular_file(path, ec);
}

// A path written for Windows (applicationHost.config's), as this system's path: on POSIX (a
// test's fake root) its backslashes are separators too.
fs::path windows_path(std::string text) {
#ifndef _WIN32
  std::ranges::replace(text, '\\', '/');
#endif
  return path_from_utf8(text);
}

// One place holds a file once, however often it is reached (a site's root and an application
// pointing at one folder; the fallback after applicationHost.config).
class Found {
 public:
  explicit Found(InstalledSearch& search) : search_(search) {}
  void add(const fs::path& file) {
    std::string key = utf8_text(fs::absolute(file).lexically_normal());
    for (char& c : key) c = ascii_lower(c);
    if (seen_.insert(std::move(key)).second) search_.files.push_back(file);
  }

 private:
  InstalledSearch& search_;
  std::set<std::string> seen_;
};

// A web instance's folder: its navsettings.json, or a web.config that is a NAV web client's or an
// AOS's (a BC web folder's own web.config is ASP.NET Core's, and other sites have theirs).
void add_web_folder(const fs::path& dir, Found& found) {
  std::error_code ec;
  for (fs::directory_iterator it(dir, fs::directory_options::skip_permission_denied, ec), end; !ec && it != end;
       it.increment(ec)) {
    const fs::path& file = it->path();
    std::error_code entry_ec;
    if (!it->is_regular_file(entry_ec)) continue;
    if (kind_from_name(file)) {
      found.add(file);
    } else if (equals_ignoring_case(utf8_text(file.filename()), "web.config")) {
      const ReadResult result = read_document(file);
      if (result.document || (result.error && result.error->kind != ReadErrorKind::unrecognized)) found.add(file);
    }
  }
}

}  // namespace

std::string expand_environment(std::string_view text, const std::function<std::string(std::string_view)>& env) {
  std::string out;
  while (!text.empty()) {
    const std::size_t open = text.find('%');
    const std::size_t close = open == std::string_view::npos ? open : text.find('%', open + 1);
    if (close == std::string_view::npos) break;
    out += text.substr(0, open);
    const std::string_view name = text.substr(open + 1, close - open - 1);
    const std::string value = name.empty() ? std::string() : env(name);
    if (value.empty()) {
      out += text.substr(open, close - open);  // kept as written; the closing '%' may open the next
      text.remove_prefix(close);
      continue;
    }
    out += value;
    text.remove_prefix(close + 1);
  }
  out += text;
  return out;
}

// The schema (Microsoft Learn, "Introduction to ApplicationHost.config", and the IIS configuration
// reference <site>, <application>, <virtualDirectory>):
//   <configuration><system.applicationHost><sites><site name=".." id="1">
//     <application path="/" applicationPool=".."><virtualDirectory path="/" physicalPath="%SystemDrive%\inetpub\wwwroot"/>
//     <application path="/BC230"><virtualDirectory path="/" physicalPath="C:\inetpub\wwwroot\BC230"/>
// An application's content is its root virtual directory's physical path.
std::vector<std::string> iis_application_paths(std::string_view application_host,
                                               const std::function<std::string(std::string_view)>& env) {
  std::vector<std::string> paths;
  pugi::xml_document xml;
  if (!xml.load_buffer(application_host.data(), application_host.size(), pugi::parse_default, pugi::encoding_utf8))
    return paths;
  const pugi::xml_node sites = xml.child("configuration").child("system.applicationHost").child("sites");
  for (const pugi::xml_node site : sites.children("site"))
    for (const pugi::xml_node application : site.children("application"))
      for (const pugi::xml_node directory : application.children("virtualDirectory")) {
        if (std::string_view(directory.attribute("path").value()) != "/") continue;
        const std::string_view physical = directory.attribute("physicalPath").value();
        if (!physical.empty()) paths.push_back(expand_environment(physical, env));
      }
  return paths;
}

InstalledSearch find_installed(const InstallPlaces& places) {
  InstalledSearch search;
  Found found(search);

  if (!places.program_files.empty()) {
    for (std::string_view product : kProductFolders) {
      const fs::path root = places.program_files / path_from_utf8(product);
      search.looked_in.push_back(root);
      for (const fs::path& version : subdirectories(root)) {
        const fs::path service = version / "Service";
        if (is_file(service / "CustomSettings.config")) found.add(service / "CustomSettings.config");
        for (const fs::path& instance : subdirectories(service / "Instances"))
          if (is_file(instance / "CustomSettings.config")) found.add(instance / "CustomSettings.config");
      }
    }
  }

  if (!places.windows.empty()) {
    const fs::path host = places.windows / "System32" / "inetsrv" / "config" / "applicationHost.config";
    search.looked_in.push_back(host);
    if (auto bytes = platform::read_file(host)) {
      const std::vector<std::string> applications = iis_application_paths(*bytes, places.env);
      search.from_iis = !applications.empty();
      for (const std::string& application : applications) add_web_folder(windows_path(application), found);
    }
  }
  if (!search.from_iis && !places.system_drive.empty()) {
    const fs::path wwwroot = places.system_drive / "inetpub" / "wwwroot";
    search.looked_in.push_back(wwwroot);
    add_web_folder(wwwroot, found);
    for (const fs::path& dir : subdirectories(wwwroot)) add_web_folder(dir, found);
  }

  // F&O: K:\AosService\WebRoot on a development VM's service volume, C:\AOSService\webroot on
  // newer ones (d365fo.tools' Get-D365DecryptedWebConfig and Backup-D365WebConfig look there).
  for (const fs::path& drive : places.drive_roots) {
    const fs::path web_config = drive / "AosService" / "WebRoot" / "web.config";
    search.looked_in.push_back(web_config);
    if (is_file(web_config)) found.add(web_config);
  }
  return search;
}

InstallPlaces installed_places_of_this_machine() {
  InstallPlaces places;
  places.env = [](std::string_view name) { return platform::env(std::string(name).c_str()); };
  const auto folder = [&](const char* name) {
    const std::string value = platform::env(name);
    return value.empty() ? fs::path() : path_from_utf8(value);
  };
  places.program_files = folder("ProgramFiles");
  places.windows = folder("windir");
  if (places.windows.empty()) places.windows = folder("SystemRoot");
  const std::string drive = platform::env("SystemDrive");
  if (!drive.empty()) places.system_drive = path_from_utf8(drive + "\\");
  places.drive_roots = platform::drive_roots();
  return places;
}

}  // namespace sessiontool

#pragma once
// The deployments installed on a machine, found where the products put them, without walking a
// drive (README "Installed deployments" cites the locations):
// - Business Central and NAV server instances: %ProgramFiles%\Microsoft Dynamics 365 Business
//   Central\<version>\Service\CustomSettings.config (and ...\Microsoft Dynamics NAV\...), each
//   extra instance in ...\Service\Instances\<name>\CustomSettings.config;
// - web instances: the physical path of every IIS application in
//   %windir%\System32\inetsrv\config\applicationHost.config, else every folder of
//   %SystemDrive%\inetpub\wwwroot;
// - the F&O AOS: <drive>\AosService\WebRoot\web.config.
// A pure function over the places and the environment, so a test can lay out a fake root.

#include <filesystem>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace sessiontool {

struct InstallPlaces {
  std::filesystem::path program_files;  // %ProgramFiles%; empty: none
  std::filesystem::path windows;        // %windir%
  std::filesystem::path system_drive;   // %SystemDrive% as a root ("C:\")
  std::vector<std::filesystem::path> drive_roots;  // where an AosService folder may be
  // Expands %NAME% in applicationHost.config's paths; empty for an unset name.
  std::function<std::string(std::string_view)> env;
};

// The places as the platform gives them (environment variables, the drives).
InstallPlaces installed_places_of_this_machine();

struct InstalledSearch {
  std::vector<std::filesystem::path> files;  // configuration files, in the order found
  std::vector<std::filesystem::path> looked_in;  // the places searched, for a message when none is found
  bool from_iis = false;  // the web instances came from applicationHost.config
};

InstalledSearch find_installed(const InstallPlaces& places);

// The physical paths of every application of every site in an applicationHost.config, in
// document order: the physicalPath of the application's root virtual directory ("/"), with
// %VARIABLES% expanded by `env`. Empty when the text is not one.
std::vector<std::string> iis_application_paths(std::string_view application_host,
                                               const std::function<std::string(std::string_view)>& env);

// %NAME% expanded as Windows' ExpandEnvironmentStrings does: an unset name stays as written.
std::string expand_environment(std::string_view text, const std::function<std::string(std::string_view)>& env);

}  // namespace sessiontool

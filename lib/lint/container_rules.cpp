// lint over container descriptions: the findings only a container has (container_settings.cpp
// makes them as it reads the variables), the checks of files over the settings the variables
// write, and the checks of the resolved deployment; and the rows of the container rules.

#include <algorithm>

#include "read/catalog.hpp"
#include "lint/container_settings.hpp"
#include "lint/rules.hpp"

namespace sessiontool {

std::size_t lint_containers(const ContainerFile& file, const LintOptions& options, const CheckPlan& plan,
                            std::vector<Diagnostic>& out) {
  // The file checks that mean the same for a variable's settings as for a file's (values, keys
  // not on the platform, misspelt keys); the others (duplicates, letter case, refusals) have
  // container rules of their own or do not apply.
  const DocumentCheck kSettingChecks[] = {find_rule("ST003")->document_check, find_rule("ST107")->document_check,
                                          find_rule("ST005")->document_check};
  const std::vector<ContainerDeployment> containers = container_deployments(file);
  for (std::uint32_t number = 1; const ContainerDeployment& container : containers) {
    const std::size_t first = out.size();
    out.insert(out.end(), container.findings.begin(), container.findings.end());
    for (const Document* doc : {&container.server, &container.web}) {
      std::vector<Diagnostic> found;
      for (DocumentCheck check : plan.document)
        if (std::ranges::find(kSettingChecks, check) != std::end(kSettingChecks)) check(*doc, options, found);
      // A key of the other variable is ST403's, not a misspelling.
      std::erase_if(found, [&](const Diagnostic& d) {
        return d.rule == "ST005" && std::ranges::any_of(doc->entries, [&](const Entry& e) {
                 return e.value_pos == d.start && find_setting(e.key) != nullptr;
               });
      });
      out.insert(out.end(), found.begin(), found.end());
    }
    const std::vector<Deployment> one{resolve_container(container, options.resolve)};
    const LintInput input{one, options};
    for (DeploymentCheck check : plan.deployment) check(input, out);
    assign_deployment(std::span(out).subspan(first), number++, deployment_label(one.front()));
  }
  return containers.size();
}

namespace {

using enum Severity;

// Found as container_settings.cpp reads the variables, as the image's start-up script applies them.
constexpr Rule kRules[] = {
    {.id = "ST401", .severity = warning, .name = "ContainerValueCutShort",
     .title = "container setting cut short at a ',' or '=' by the image's start-up script",
     .explanation = R"(A value in a container's customNavSettings or customWebSettings is cut short. The image's start-up
script (nav-docker generic/Run/HelperFunctions.ps1, Set-ConfigSetting) splits the variable on
every ',' and each part on every '=', and keeps only the first two pieces as key and value. So a
value holding '=' keeps what comes before its second '=', and a value holding ',' ends at the ','
while the rest becomes a key of its own with an empty value. Nothing says so when the container
starts.

Fix: a value with ',' or '=' cannot be passed through these variables; set it in the container's
CustomSettings.config or navsettings.json once it runs (Set-NAVServerConfiguration,
Set-NAVWebServerInstanceConfiguration inside the container).)"},
    {.id = "ST402", .severity = warning, .name = "ContainerKeyTwice",
     .title = "key given twice in customNavSettings or customWebSettings",
     .explanation = R"(A key is given twice in one of a container's customNavSettings or customWebSettings. The start-up
script applies the parts in order, so the later value wins. In customNavSettings a key in another
letter case is worse: the script finds existing entries with an exact XPath match
(//appSettings/add[@key='KEY']), so it appends a second <add> to CustomSettings.config, which the
server then reads last (appSettings match keys in any letter case).

Fix: give each key once, in Microsoft's spelling.)"},
    {.id = "ST403", .severity = warning, .name = "ContainerKeyInWrongVariable",
     .title = "web client key in customNavSettings, or server key in customWebSettings",
     .explanation = R"(A web client key (such as SessionTimeout) is in customNavSettings, or a server key (such as
ClientServicesIdleClientTimeout) is in customWebSettings. customNavSettings is written into the
server instance's CustomSettings.config, customWebSettings into the web client's navsettings.json;
each product reads only its own keys, so the value has no effect and the default applies.

Fix: move the key to the other variable.)"},
    {.id = "ST404", .severity = info, .name = "ContainerSettingsAtFirstStart",
     .title = "container settings apply at the container's first start only",
     .explanation = R"(customNavSettings and customWebSettings are applied when a nav-docker container starts for the first
time: the start-up script (generic/Run/navstart.ps1) sees a restarted container
($restartingInstance) and skips the set-up. Changing the variables of an existing container (or
restarting it) changes nothing; docker inspect then shows values the container does not use.

Fix: create the container again with the new values (docker run -e, the compose file's
environment, BcContainerHelper's New-BcContainer -additionalParameters @('--env
customNavSettings=...')); sessiontool show on its docker inspect then reports them.)"},
};

}  // namespace

std::span<const Rule> container_rules() { return kRules; }

}  // namespace sessiontool

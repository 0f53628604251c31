// lint over container descriptions: the findings only a container has (container_settings.cpp
// makes them as it reads the variables), the checks of files over the settings the variables
// write, and the checks of the resolved deployment.

#include <algorithm>

#include "catalog.hpp"
#include "container_settings.hpp"
#include "rule_checks.hpp"
#include "rules.hpp"

namespace sessiontool {

std::size_t lint_containers(const ContainerFile& file, const LintOptions& options, const CheckPlan& plan,
                            std::vector<Diagnostic>& out) {
  // The file checks that mean the same for a variable's settings as for a file's; the others
  // (duplicates, letter case, refusals) have container rules of their own or do not apply.
  constexpr DocumentCheck kSettingChecks[] = {checks::values, checks::platform_keys, checks::unknown_keys};
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

}  // namespace sessiontool

#!/usr/bin/env python3
"""A CI user's run: `sessiontool lint DIR` with no --format inside GitHub Actions or Azure
Pipelines prints the text report plus the service's annotations, and fails the step (exit 1).

usage: ci_annotations.py BINARY DIR   (run from the repository root)
"""
import os
import subprocess
import sys


def lint(binary, directory, cwd=None, **env):
    environment = {k: v for k, v in os.environ.items() if k not in ("GITHUB_ACTIONS", "GITHUB_WORKSPACE", "TF_BUILD")}
    environment.update(env)
    return subprocess.run([binary, "lint", directory], capture_output=True, text=True, env=environment, cwd=cwd)


def main():
    binary, directory = sys.argv[1:]
    failures = []
    github = lint(binary, directory, GITHUB_ACTIONS="true")
    if github.returncode != 1:
        failures.append(f"GitHub Actions: exit {github.returncode}, expected 1")
    lines = github.stdout.splitlines()
    if not any(line.startswith(f"{directory}/") and ": warning: " in line for line in lines):
        failures.append("GitHub Actions: no text report")
    annotations = [line for line in lines if line.startswith(("::error file=", "::warning file=", "::notice file="))]
    if not annotations or not all(",line=" in a and ",title=ST" in a for a in annotations):
        failures.append(f"GitHub Actions: annotations missing or without line and title: {annotations[:2]}")

    # A step that runs in a subfolder still annotates paths from the checkout's root.
    binary_path = os.path.abspath(binary)
    nested = lint(binary_path, ".", cwd=directory, GITHUB_ACTIONS="true", GITHUB_WORKSPACE=os.getcwd())
    if not any(line.startswith(f"::warning file={directory}/") for line in nested.stdout.splitlines()):
        failures.append("GitHub Actions: paths not relative to GITHUB_WORKSPACE when run in a subfolder")

    azure = lint(binary, directory, TF_BUILD="True")
    issues = [line for line in azure.stdout.splitlines() if line.startswith("##vso[task.logissue type=")]
    if azure.returncode != 1 or not issues or not all(";code=ST" in i and ";linenumber=" in i for i in issues):
        failures.append(f"Azure Pipelines: exit {azure.returncode}, issues {issues[:2]}")
    if any(line.startswith(("::", "##vso[")) for line in lint(binary, directory).stdout.splitlines()):
        failures.append("outside CI: annotations printed")
    for failure in failures:
        print(failure)
    if failures:
        sys.exit(1)
    print(f"GitHub: {len(annotations)} annotations; Azure: {len(issues)} issues; exit 1 in both")


if __name__ == "__main__":
    main()

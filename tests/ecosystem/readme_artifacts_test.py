#!/usr/bin/env python3
"""The README's CI recipes install the artifacts scripts/release writes: every artifact they name
carries the version the binary reports (--version, from CMakeLists.txt), and scripts/release
writes artifacts of those names. So a new version or a renamed artifact cannot leave the recipes
people copy pointing at files that do not exist.

usage: readme_artifacts_test.py BINARY   (run from the repository root)
"""
import re
import subprocess
import sys

ARTIFACT = re.compile(r"sessiontool[-_](\d+\.\d+\.\d+)[-_](linux-x86_64|amd64\.deb|windows-x86_64\.zip)")


def main():
    version = subprocess.run([sys.argv[1], "--version"], capture_output=True, text=True, check=True).stdout.split()[1]
    with open("README.md", encoding="utf-8") as f:
        readme = f.read()
    with open("scripts/release", encoding="utf-8") as f:
        release = f.read()
    failures = []
    named = ARTIFACT.findall(readme.split("## CI and deployment recipes", 1)[1].split("\n## ", 1)[0])
    kinds = {kind for _, kind in named}
    if kinds != {"linux-x86_64", "amd64.deb", "windows-x86_64.zip"}:
        failures.append(f"the recipes name {sorted(kinds)}, not the three artifacts")
    failures += [f"the recipes name version {v} ({kind}); the binary is {version}" for v, kind in named if v != version]
    for pattern in ("sessiontool-$version-linux-x86_64", "sessiontool_${version}_amd64.deb",
                    "name=sessiontool-$version-windows-x86_64"):
        if pattern not in release:
            failures.append(f"scripts/release does not write {pattern}")
    for failure in failures:
        print("FAILED:", failure)
    if not failures:
        print(f"README recipes: {len(named)} artifact names, all of version {version}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())

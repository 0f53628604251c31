#!/usr/bin/env python3
"""Runs the README's deployment script (the sh block under "### Deployment script") on a copy of
testdata/set/fleet, with the built binary first on PATH: the first run rolls the values out, the
second finds nothing to do. So the recipe people copy keeps working.

usage: readme_recipe_test.py BINARY   (run from the repository root)
"""
import os
import re
import shutil
import subprocess
import sys
import tempfile


def main():
    binary = os.path.abspath(sys.argv[1])
    with open("README.md", encoding="utf-8") as f:
        readme = f.read()
    section = readme.split("### Deployment script", 1)[1]
    script = re.search(r"```sh\n(.*?)```", section, re.DOTALL).group(1)
    with tempfile.TemporaryDirectory() as tmp:
        target = os.path.join(tmp, "fleet")
        shutil.copytree("testdata/set/fleet", target)
        script = re.sub(r"^target=.*$", f"target='{target}'", script, count=1, flags=re.MULTILINE)
        bin_dir = os.path.join(tmp, "bin")
        os.mkdir(bin_dir)
        os.symlink(binary, os.path.join(bin_dir, "sessiontool"))
        env = {**os.environ, "PATH": bin_dir + os.pathsep + os.environ["PATH"], "NO_COLOR": "1"}
        runs = [subprocess.run(["sh", "-c", script], capture_output=True, text=True, env=env) for _ in range(2)]
        failures = []
        first, second = runs
        if first.returncode != 0 or "updated " not in first.stdout:
            failures.append(f"first run: exit {first.returncode}\n{first.stdout}{first.stderr}")
        if second.returncode != 0 or "already rolled out" not in second.stdout:
            failures.append(f"second run: exit {second.returncode}\n{second.stdout}{second.stderr}")
        with open(os.path.join(target, "BC1", "WebClient", "navsettings.json"), encoding="utf-8-sig") as f:
            if '"00:45:00"' not in f.read():
                failures.append("BC1's navsettings.json does not hold 00:45:00")
        if not os.path.exists(os.path.join(target, "BC1", "WebClient", "navsettings.json.bak")):
            failures.append("--backup left no navsettings.json.bak")
    for failure in failures:
        print(failure)
    if failures:
        sys.exit("the README's deployment script does not work as written")
    print("the README's deployment script rolls out, then finds nothing to do")


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Writes the fleet a pull request would make of a bench fleet (generate_fleet.py), for timing
`sessiontool diff OLD NEW` (bench/run): a copy of OLD in which every 10th deployment's web
SessionTimeout becomes 01:30:00, every 25th server's ClientServicesIdleClientTimeout 00:25:00,
every 50th a comment changes only (no effect), every 100th deployment is gone and one new
deployment is added per 200. Every other file is byte-identical, as in a real pull request.

usage: change_fleet.py OLD NEW
"""

import os
import re
import shutil
import sys


def edit(path, pattern, replacement):
    with open(path, encoding="utf-8", newline="") as f:
        text = f.read()
    new, count = re.subn(pattern, replacement, text, count=1)
    if count != 1:
        sys.exit(f"change_fleet: {path}: no match for {pattern}")
    with open(path, "w", encoding="utf-8", newline="") as f:
        f.write(new)


def main():
    old, new = sys.argv[1], sys.argv[2]
    if os.path.exists(new):
        shutil.rmtree(new)
    shutil.copytree(old, new)
    names = sorted(os.listdir(new))
    for i, name in enumerate(names):
        root = os.path.join(new, name)
        server = os.path.join(root, "Service", "CustomSettings.config")
        web = os.path.join(root, "WebClient", "navsettings.json")
        if i % 100 == 99:
            shutil.rmtree(root)
            continue
        if i % 10 == 0:
            edit(web, r'("SessionTimeout":\s*")[^"]*(")', r"\g<1>01:30:00\g<2>")
        if i % 25 == 0:
            edit(server, r'(<add key="ClientServicesIdleClientTimeout" value=")[^"]*(")', r"\g<1>00:25:00\g<2>")
        if i % 50 == 7:
            edit(server, r"<!--", "<!-- reviewed;")
        if i % 200 == 0:
            added = os.path.join(new, name + "-new")
            shutil.copytree(root, added)
            instance = "BC" + (name + "new").replace("-", "")
            edit(os.path.join(added, "Service", "CustomSettings.config"),
                 r'(<add key="ServerInstance" value=")[^"]*(")', rf"\g<1>{instance}\g<2>")
            edit(os.path.join(added, "WebClient", "navsettings.json"), r'("ServerInstance":\s*")[^"]*(")',
                 rf"\g<1>{instance}\g<2>")


if __name__ == "__main__":
    main()

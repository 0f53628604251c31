#!/usr/bin/env python3
"""Checks man/sessiontool.1 against the binary's --help: every subcommand has a section, every
option of every subcommand appears, and every --help shows examples. Where man(1) is
installed, the page must also format without warnings.

usage: check_man_page.py BINARY   (run from the repository root)
"""
import re
import shutil
import subprocess
import sys


def help_text(binary, *command):
    return subprocess.run([binary, *command, "--help"], capture_output=True, text=True, check=True).stdout


def main():
    binary = sys.argv[1]
    with open("man/sessiontool.1", encoding="utf-8") as f:
        page = f.read()
    top = help_text(binary)
    commands = re.findall(r"^  (\w+) {2,}", top.split("Subcommands:")[1], re.MULTILINE)
    failures, checked = [], 0
    for option in re.findall(r"(--[a-z][a-z-]*)", top.split("Subcommands:")[0]):
        checked += 1
        if option.replace("-", "\\-") not in page:
            failures.append(f"{option} is not in the man page")
    for command in commands:
        if f".SS {command}\n" not in page:
            failures.append(f"no section for `sessiontool {command}`")
        text = help_text(binary, command)
        if "Examples" not in text:
            failures.append(f"`sessiontool {command} --help` shows no examples")
        for option in set(re.findall(r"(?<![\w-])(--[a-z][a-z-]*)", text.split("Examples")[0])):
            checked += 1
            if f"\\fB{option.replace('-', chr(92) + '-')}\\fR" not in page:
                failures.append(f"`sessiontool {command} {option}` is not in the man page")
    if shutil.which("man"):
        result = subprocess.run(["man", "--warnings", "-l", "man/sessiontool.1"], capture_output=True, text=True,
                                env={"MANWIDTH": "80", "PATH": "/usr/bin:/bin", "LANG": "C.UTF-8"})
        if result.returncode != 0 or result.stderr.strip():
            failures.append(f"man --warnings: {result.stderr.strip()}")
    for failure in failures:
        print(failure)
    if failures or not commands:
        sys.exit("man page and --help disagree")
    print(f"{len(commands)} subcommands and {checked} options are in the man page")


if __name__ == "__main__":
    main()

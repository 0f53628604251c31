#!/usr/bin/env python3
"""Drives the completion scripts in completions/ the way the shells do and checks the candidates.

bash: source the script, set COMP_WORDS/COMP_CWORD, call _sessiontool, read COMPREPLY (both with
"=" in COMP_WORDBREAKS, bash's default, and without). fish: `complete -C LINE`. zsh: an
interactive zsh in a pseudo-terminal presses TAB (zsh_complete.zsh). For bash and fish, every
option that `sessiontool CMD --help` lists must be offered after "--".

usage: completion_test.py BINARY bash|fish|zsh   (run from the repository root; exit 77: shell missing)
"""
import os
import re
import shutil
import subprocess
import sys
import tempfile
from concurrent.futures import ThreadPoolExecutor

ROOT = os.getcwd()
COMMANDS = ["show", "lint", "explain", "rules", "set", "diff", "completions"]

# (words as COMP_WORDS holds them, the candidates bash must offer, exactly)
BASH_CASES = [
    (["sessiontool", ""], COMMANDS),
    (["sessiontool", "l"], ["lint"]),
    (["sessiontool", "--"], ["--help", "--version"]),
    (["sessiontool", "lint", "--format", ""], ["text", "json", "sarif", "github", "azure", "markdown"]),
    (["sessiontool", "lint", "--format", "=", "s"], ["sarif"]),  # bash split "--format=s" at "="
    (["sessiontool", "lint", "--format=s"], ["--format=sarif"]),  # COMP_WORDBREAKS without "="
    (["sessiontool", "lint", "--fail-on", ""], ["error", "warning", "info", "none"]),
    (["sessiontool", "show", "--as", ""], ["server", "web", "aos", "docker-inspect", "compose", "env-file"]),
    (["sessiontool", "set", "--color", ""], ["auto", "always", "never"]),
    (["sessiontool", "rules", "--format", ""], ["text", "json"]),
    (["sessiontool", "diff", "--format", ""], ["text", "json", "markdown"]),
    (["sessiontool", "diff", "da"], ["dash.config", "data"]),  # OLD and NEW are paths
    (["sessiontool", "completions", ""], ["bash", "zsh", "fish", "powershell"]),
    (["sessiontool", "set", "SessionT"], ["SessionTimeout="]),
    (["sessiontool", "set", "WebClient"], ["WebClientStatefulSessionTimeoutInSeconds="]),
    (["sessiontool", "set", "SessionInactivity"], []),  # the F&O system parameter lives in the database
    (["sessiontool", "set", "SessionTimeout", "=", ""], []),  # the value is the user's own
    (["sessiontool", "set", "--unset", "WebC"], ["WebClientStatefulSessionTimeoutInSeconds"]),
    (["sessiontool", "show", "--assume", "SessionI"], ["SessionInactivityTimeout="]),
    (["sessiontool", "explain", "ST10"], ["ST101", "ST102", "ST103", "ST105", "ST106", "ST107"]),
    (["sessiontool", "lint", "--disable", "ST00"], ["ST003", "ST004", "ST005", "ST006", "ST007", "ST008", "ST009"]),
    (["sessiontool", "lint", "--disable", "ST101,ST20"], ["ST101,ST201", "ST101,ST202", "ST101,ST203", "ST101,ST204"]),
    (["sessiontool", "lint", "--severity", "ST20"], ["ST201=", "ST202=", "ST203=", "ST204="]),
    (["sessiontool", "lint", "--severity", "ST202", "=", "w"], ["warning"]),
    (["sessiontool", "lint", "--severity=ST202=e"], ["--severity=ST202=error"]),
    (["sessiontool", "show", "--platform", ""], []),
    (["sessiontool", "show", "--all", "da"], ["dash.config", "data"]),  # files after a flag
    (["sessiontool", "lint", "--config", "da"], ["dash.config", "data"]),
    (["sessiontool", "set", "da"], ["dash.config", "data"]),
]


def help_options(binary, command):
    out = subprocess.run([binary, command, "--help"], capture_output=True, text=True, check=True).stdout
    return set(re.findall(r"(?<![\w-])(--[a-z][a-z-]*)", out.split("Examples:")[0]))


def bash_complete(script, words, cwd):
    program = 'source "$1"; shift; COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1)); _sessiontool; printf "%s\\n" "${COMPREPLY[@]}"'
    out = subprocess.run(["bash", "--norc", "--noprofile", "-c", program, "_", script, *words],
                         capture_output=True, text=True, cwd=cwd, check=True).stdout
    return sorted(line for line in out.split("\n") if line)


def fish_complete(script, line, cwd):
    out = subprocess.run(["fish", "--no-config", "-c", f'source "{script}"; complete -C "{line}"'],
                         capture_output=True, text=True, cwd=cwd, check=True).stdout
    return sorted(entry.split("\t")[0] for entry in out.split("\n") if entry)


def zsh_complete(line, cwd):
    program = os.path.join(ROOT, "tests", "ecosystem", "zsh_complete.zsh")
    out = subprocess.run(["zsh", "-f", program, os.path.join(ROOT, "completions"), line],
                         capture_output=True, text=True, cwd=cwd, timeout=60).stdout
    return sorted(entry for entry in out.split("\n") if entry)


def check(failures, what, got, want):
    if sorted(got) != sorted(want):
        failures.append(f"{what}: got {sorted(got)}, want {sorted(want)}")


def main():
    binary, shell = os.path.abspath(sys.argv[1]), sys.argv[2]
    if shutil.which(shell) is None:
        print(f"{shell} is not installed: skipped")
        sys.exit(77)
    failures = []
    with tempfile.TemporaryDirectory() as cwd:
        os.mkdir(os.path.join(cwd, "data"))
        open(os.path.join(cwd, "dash.config"), "w").close()
        if shell == "bash":
            script = os.path.join(ROOT, "completions", "sessiontool.bash")
            for words, want in BASH_CASES:
                check(failures, " ".join(words) + "<TAB>", bash_complete(script, words, cwd), want)
            for command in COMMANDS:
                offered = set(bash_complete(script, ["sessiontool", command, "--"], cwd))
                missing = help_options(binary, command) - offered
                if missing:
                    failures.append(f"sessiontool {command} --<TAB> lacks {sorted(missing)}")
            count = len(BASH_CASES) + len(COMMANDS)
        elif shell == "fish":
            script = os.path.join(ROOT, "completions", "sessiontool.fish")
            cases = [
                ("sessiontool ", COMMANDS),
                ("sessiontool lint --format ", ["text", "json", "sarif", "github", "azure", "markdown"]),
                ("sessiontool lint --format=s", ["--format=sarif"]),
                ("sessiontool show --as ", ["server", "web", "aos", "docker-inspect", "compose", "env-file"]),
                ("sessiontool set SessionT", ["SessionTimeout="]),
                ("sessiontool set --unset WebC", ["WebClientStatefulSessionTimeoutInSeconds"]),
                ("sessiontool explain ST10", ["ST101", "ST102", "ST103", "ST105", "ST106", "ST107"]),
                ("sessiontool lint --disable ST101,ST20", ["ST101,ST201", "ST101,ST202", "ST101,ST203", "ST101,ST204"]),
                ("sessiontool lint --severity ST202=w", ["ST202=warning"]),
                ("sessiontool show da", ["dash.config", "data/"]),
                ("sessiontool completions ", ["bash", "zsh", "fish", "powershell"]),
            ]
            for line, want in cases:
                check(failures, line + "<TAB>", fish_complete(script, line, cwd), want)
            for command in COMMANDS:
                offered = set(fish_complete(script, f"sessiontool {command} --", cwd))
                missing = help_options(binary, command) - offered
                if missing:
                    failures.append(f"sessiontool {command} --<TAB> lacks {sorted(missing)}")
            count = len(cases) + len(COMMANDS)
        else:
            result = subprocess.run(["zsh", "-n", os.path.join(ROOT, "completions", "_sessiontool")],
                                    capture_output=True, text=True)
            if result.returncode != 0:
                failures.append(f"zsh -n: {result.stderr.strip()}")
            # Candidates as compadd gets them: without the "=" suffix that -S adds.
            cases = [
                ("sessiontool ", COMMANDS),
                ("sessiontool lint --format ", ["text", "json", "sarif", "github", "azure", "markdown"]),
                ("sessiontool lint --f", ["--fail-on", "--fo-inactivity-timeout", "--format"]),
                ("sessiontool show --as ", ["server", "web", "aos", "docker-inspect", "compose", "env-file"]),
                ("sessiontool set SessionT", ["SessionTimeout"]),
                ("sessiontool set --unset WebC", ["WebClientStatefulSessionTimeoutInSeconds"]),
                ("sessiontool show --assume SessionI", ["SessionInactivityTimeout"]),
                ("sessiontool explain ST10", ["ST101", "ST102", "ST103", "ST105", "ST106", "ST107"]),
                ("sessiontool lint --disable ST101,ST10", ["ST102", "ST103", "ST105", "ST106", "ST107"]),
                ("sessiontool lint --severity ST202=", ["error", "warning", "info"]),
                ("sessiontool completions ", ["bash", "zsh", "fish", "powershell"]),
            ]
            with ThreadPoolExecutor(max_workers=4) as pool:
                got = list(pool.map(lambda case: zsh_complete(case[0], cwd), cases))
            for (line, want), candidates in zip(cases, got):
                check(failures, line + "<TAB>", candidates, want)
            count = 1 + len(cases)
    for failure in failures:
        print(failure)
    if failures:
        sys.exit(f"{len(failures)} of {count} {shell} completion checks failed")
    print(f"{count} {shell} completion checks passed")


if __name__ == "__main__":
    main()

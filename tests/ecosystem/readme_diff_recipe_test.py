#!/usr/bin/env python3
"""Runs the README's pull-request recipes for `diff` as far as they go without GitHub or Azure
DevOps: the step under "### GitHub Actions: what a pull request does to sessions" with bash as
GitHub runs it (-eo pipefail), and the script under "### Azure DevOps: the same in the run's summary
tab" as Azure runs it, in a Git repository made here (a base branch on a remote, and a pull
request's commit), with the variables the services set and the built binary first on PATH.
Checked: the exit codes (a change in behaviour does not fail the step; an unreadable file does: diff's 3),
the Markdown written to $GITHUB_STEP_SUMMARY, and Azure's ##vso[task.uploadsummary] line and file.

usage: readme_diff_recipe_test.py BINARY   (run from the repository root)
"""
import os
import re
import shutil
import subprocess
import sys
import tempfile


def block_after(readme, heading, lang):
    section = readme.split(heading, 1)[1]
    return re.search(rf"```{lang}\n(.*?)```", section, re.DOTALL).group(1)


def literal_after(yaml_text, marker):
    """The lines of the `|` block that follows the line holding `marker`, dedented."""
    lines = yaml_text.splitlines()
    start = next(i for i, line in enumerate(lines) if marker in line)
    run = next(i for i in range(start, len(lines)) if lines[i].rstrip().endswith("|"))
    indent = len(lines[run]) - len(lines[run].lstrip(" -"))  # of the key, also in a "- script: |" item
    body = []
    for line in lines[run + 1:]:
        if line.strip() and len(line) - len(line.lstrip()) <= indent:
            break
        body.append(line)
    width = min(len(l) - len(l.lstrip()) for l in body if l.strip())
    return "\n".join(l[width:] for l in body) + "\n"


def git(cwd, *args):
    subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True,
                   env={**os.environ, "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.com",
                        "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.com"})


def main():
    binary = os.path.abspath(sys.argv[1])
    if not shutil.which("git"):
        print("git is not installed: skipped")
        sys.exit(77)
    root = os.getcwd()
    with open("README.md", encoding="utf-8") as f:
        readme = f.read()
    github = literal_after(block_after(readme, "### GitHub Actions: what a pull request does to sessions", "yaml"),
                           "name: What this pull request does to sessions")
    azure = literal_after(block_after(readme, "### Azure DevOps: the same in the run's summary tab", "yaml"),
                          "- script: |")
    failures = []
    with tempfile.TemporaryDirectory() as tmp:
        origin, work = os.path.join(tmp, "origin.git"), os.path.join(tmp, "work")
        seed = os.path.join(tmp, "seed")
        shutil.copytree(os.path.join(root, "testdata/diff/binding/old"), os.path.join(seed, "deploy"))
        git(tmp, "init", "-q", "-b", "main", seed)
        git(seed, "add", "-A")
        git(seed, "commit", "-q", "-m", "base")
        git(tmp, "clone", "-q", "--bare", seed, origin)
        git(tmp, "clone", "-q", origin, work)
        git(work, "checkout", "-q", "-b", "pull-request")
        bin_dir = os.path.join(tmp, "bin")
        os.mkdir(bin_dir)
        os.symlink(binary, os.path.join(bin_dir, "sessiontool"))
        path = bin_dir + os.pathsep + os.environ["PATH"]

        def pull_request(tree, message):
            shutil.rmtree(os.path.join(work, "deploy"))
            shutil.copytree(tree, os.path.join(work, "deploy"))
            git(work, "add", "-A")
            git(work, "commit", "-q", "--allow-empty", "-m", message)

        def run_github():
            summary = os.path.join(tmp, "step_summary.md")
            open(summary, "w").close()
            env = {**os.environ, "PATH": path, "GITHUB_BASE_REF": "main", "GITHUB_STEP_SUMMARY": summary,
                   "GITHUB_ACTIONS": "true", "NO_COLOR": "1"}
            result = subprocess.run(["bash", "--noprofile", "--norc", "-eo", "pipefail", "-c", github], cwd=work,
                                    env=env, capture_output=True, text=True)
            git(work, "worktree", "remove", "--force", "base")
            with open(summary, encoding="utf-8") as f:
                return result, f.read()

        def run_azure():
            temp = os.path.join(tmp, "agent_temp")
            os.makedirs(temp, exist_ok=True)
            env = {**os.environ, "PATH": path, "SYSTEM_PULLREQUEST_TARGETBRANCH": "refs/heads/main",
                   "AGENT_TEMPDIRECTORY": temp, "TF_BUILD": "True", "NO_COLOR": "1"}
            result = subprocess.run(["bash", "--noprofile", "--norc", "-c", azure], cwd=work, env=env,
                                    capture_output=True, text=True)
            git(work, "worktree", "remove", "--force", "base")
            return result, temp

        # 1. The pull request moves what binds BC230's inactivity timeout.
        pull_request(os.path.join(root, "testdata/diff/binding/new"), "server idle timeout 15m")
        result, summary = run_github()
        if result.returncode != 0:
            failures.append(f"GitHub step on a change: exit {result.returncode}\n{result.stderr}")
        for want in ["### sessiontool diff: 1 deployment changes behaviour", "#### `BC230`",
                     "| inactivity timeout | 20m | **15m** |", "Set-NAVServerConfiguration BC230"]:
            if want not in summary:
                failures.append(f"GitHub summary lacks {want!r}:\n{summary}")
        result, temp = run_azure()
        line = f"##vso[task.uploadsummary]{temp}/sessions.md"
        if result.returncode != 0 or line not in result.stdout.splitlines():
            failures.append(f"Azure script on a change: exit {result.returncode}, stdout {result.stdout!r}\n{result.stderr}")
        elif "#### `BC230`" not in open(os.path.join(temp, "sessions.md"), encoding="utf-8").read():
            failures.append("Azure's uploaded summary does not name BC230")

        # 2. No change in behaviour: the summary says so, and the step passes.
        pull_request(os.path.join(root, "testdata/diff/binding/old"), "back to the base")
        result, summary = run_github()
        if result.returncode != 0 or "No deployment changes behaviour." not in summary:
            failures.append(f"GitHub step with no change: exit {result.returncode}, summary {summary!r}")

        # 3. A file the web server cannot read fails the step, in both services.
        broken = os.path.join(tmp, "broken")
        shutil.copytree(os.path.join(root, "testdata/diff/binding/new"), broken)
        with open(os.path.join(broken, "BC230/WebClient/navsettings.json"), "w", encoding="utf-8") as f:
            f.write('{ "NAVWebSettings": { "SessionTimeout": "00:20:00", } ')
        pull_request(broken, "a truncated navsettings.json")
        result, _ = run_github()
        if result.returncode == 0 or "navsettings.json:1:55: error" not in result.stderr:
            failures.append(f"GitHub step on an unreadable file: exit {result.returncode}, want a failure\n{result.stderr}")
        result, _ = run_azure()
        if result.returncode == 0 or "##vso[task.uploadsummary]" in result.stdout:
            failures.append(f"Azure script on an unreadable file: exit {result.returncode}, want a failure, "
                            f"stdout {result.stdout!r}")
    for failure in failures:
        print(failure)
    if failures:
        sys.exit("the README's diff recipes do not work as written")
    print("the README's diff recipes write the summary, pass on a change and fail on an unreadable file")


if __name__ == "__main__":
    main()

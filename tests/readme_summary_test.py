#!/usr/bin/env python3
"""Runs the README's CI summary snippets (the yaml blocks under "### CI summaries") as far as they
go without the services: each script body in a shell, on a copy of testdata/lint/fleet as
deploy/, with the built binary first on PATH and the variables GitHub Actions and Azure Pipelines
set. Checks their exit codes, the summary file each writes (the show and lint markdown, read by
the CommonMark checks of markdown_commonmark.py), Azure's `##vso[task.uploadsummary]` line naming
that file by its full path, and that the source and the rendered table the README shows are
today's output.

usage: readme_summary_test.py BINARY   (run from the repository root; exit 77, skipped, without
python3-markdown-it)
"""
import os
import pathlib
import re
import shutil
import subprocess
import sys
import tempfile

sys.path.insert(0, str(pathlib.Path(__file__).parent))
import markdown_commonmark  # noqa: E402  (exits 77 without python3-markdown-it)


def script_body(block, key):
    """The `key: |` literal block of a yaml snippet, dedented."""
    lines = block.split("\n")
    start = next(i for i, line in enumerate(lines) if line.strip() == f"{key}: |" or line.strip() == f"- {key}: |")
    indent = None
    body = []
    for line in lines[start + 1 :]:
        if line.strip() and indent is None:
            indent = len(line) - len(line.lstrip())
        if line.strip() and len(line) - len(line.lstrip()) < indent:
            break
        body.append(line[indent:] if line.strip() else "")
    return "\n".join(body) + "\n"


def section_text(readme, heading):
    """From the heading to the next heading of its level or above, outside code blocks."""
    lines = readme.split(heading, 1)[1].split("\n")
    fenced = False
    for i, line in enumerate(lines):
        fenced = fenced != line.startswith("```")
        if not fenced and re.match(r"#{1,3} ", line):
            return "\n".join(lines[:i])
    return "\n".join(lines)


def main():
    binary = os.path.abspath(sys.argv[1])
    readme = pathlib.Path("README.md").read_text("utf-8")
    section = section_text(readme, "### CI summaries")
    blocks = re.findall(r"```yaml\n(.*?)```", section, re.DOTALL)
    github = next(b for b in blocks if "GITHUB_STEP_SUMMARY" in b)
    azure = next(b for b in blocks if "task.uploadsummary" in b)
    failures = []

    shown = subprocess.run([binary, "show", "testdata/sample", "--format", "markdown"], capture_output=True, text=True)
    table = shown.stdout.split("\n", 2)[2].strip("\n")
    if f"```markdown\n{shown.stdout}```" not in section:
        failures.append("the source the README shows is not what `show testdata/sample --format markdown` prints")
    if section.count(table) < 2:
        failures.append("the README does not show the table of `show testdata/sample --format markdown` as it renders")

    with tempfile.TemporaryDirectory() as tmp:
        tmp = pathlib.Path(tmp)
        shutil.copytree("testdata/lint/fleet", tmp / "deploy")
        bin_dir = tmp / "bin"
        bin_dir.mkdir()
        os.symlink(binary, bin_dir / "sessiontool")
        env = {**os.environ, "PATH": f"{bin_dir}{os.pathsep}{os.environ['PATH']}", "NO_COLOR": "1"}
        for variable in ("GITHUB_ACTIONS", "TF_BUILD"):
            env.pop(variable, None)

        def sessiontool(*arguments):
            return subprocess.run([binary, *arguments], cwd=tmp, capture_output=True, text=True, env=env).stdout

        want = sessiontool("show", "deploy/", "--format", "markdown") + sessiontool("lint", "deploy/", "--format", "markdown")

        summary = tmp / "step_summary.md"
        summary.write_text("")
        run = subprocess.run(["bash", "-e", "-c", script_body(github, "run")], cwd=tmp, capture_output=True, text=True,
                             env={**env, "GITHUB_STEP_SUMMARY": str(summary)})
        if run.returncode != 0:
            failures.append(f"GitHub Actions step: exit {run.returncode}\n{run.stderr}")
        if summary.read_text("utf-8") != want:
            failures.append("GitHub Actions step: $GITHUB_STEP_SUMMARY does not hold the show and lint markdown")

        agent = tmp / "agent"
        agent.mkdir()
        run = subprocess.run(["bash", "-e", "-c", script_body(azure, "script")], cwd=tmp, capture_output=True, text=True,
                             env={**env, "AGENT_TEMPDIRECTORY": str(agent)})
        if run.returncode != 0:
            failures.append(f"Azure Pipelines step: exit {run.returncode}\n{run.stderr}")
        uploads = [line for line in run.stdout.splitlines() if line.startswith("##vso[task.uploadsummary]")]
        if uploads != [f"##vso[task.uploadsummary]{agent}/sessiontool.md"]:
            failures.append(f"Azure Pipelines step: expected one uploadsummary of {agent}/sessiontool.md, got {uploads}")
        elif pathlib.Path(uploads[0].split("]", 1)[1]).read_text("utf-8") != want:
            failures.append("Azure Pipelines step: the uploaded summary does not hold the show and lint markdown")

        problems = []
        markdown_commonmark.check("the summary", want, problems)
        failures += problems
    for failure in failures:
        print(failure)
    if failures:
        sys.exit("the README's CI summary snippets do not work as written")
    print("the README's CI summary snippets write the show and lint markdown where each service reads it")


if __name__ == "__main__":
    main()

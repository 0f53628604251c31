#!/usr/bin/env python3
"""Reads every golden case whose `args` contain `markdown` as GitHub's step summary and Azure
DevOps's summary tab would: CommonMark with GitHub's tables (markdown-it-py, Debian's
python3-markdown-it), and checks what a reader would notice.

- Every table renders as a table, and each row of it has as many cells as its header (a `|`
  from a value that splits a cell would shift every column after it; markdown-it drops the
  extra cells silently, so the rows are counted in the source as GitHub splits them).
- Nothing renders as raw HTML (`<script>` from a value), a quote, a rule, a code block, an
  ordered list or a setext heading; no link points anywhere but a heading of the same summary,
  and each such heading exists.
- No text outside code spans holds what GitHub's extended autolinks turn into a link
  (`https://…`, `www.…`, `name@host`) unescaped.
- Each line of the case's optional `markdown_contains` file appears verbatim in the rendered
  text of one heading, paragraph or cell: a hostile value or name shown as written, with no
  `*`, `_` or backtick eaten by emphasis or a code span.

- With BINARY: every name in HOSTILE, as a deployment's name and folder, rendered as written by
  `show` and `lint` (the escaper of cli/markdown.cpp over each character it has to escape).

usage: markdown_commonmark.py GOLDEN_DIR [BINARY]   (exit 77, skipped, without python3-markdown-it)
"""
import pathlib
import re
import sys

try:
    from markdown_it import MarkdownIt
except ImportError:
    print("SKIPPED: python3-markdown-it is not installed (scripts/setup installs it)")
    sys.exit(77)

FORBIDDEN = {
    "html_block": "a raw HTML block",
    "html_inline": "raw HTML",
    "blockquote_open": "a block quote",
    "hr": "a thematic break",
    "code_block": "an indented code block",
    "fence": "a fenced code block",
    "ordered_list_open": "an ordered list",
    "s_open": "strikethrough",
}

# GitHub's extended autolinks (GFM spec 6.9), as they appear in the source outside code spans:
# cmark-gfm finds them within one run of text, so a backslash escape inside one breaks it.
AUTOLINK = [
    (re.compile(r"[A-Za-z]://"), "a URL (scheme://)"),
    (re.compile(r"(?<![\w\\])www\."), "a www. link"),
    (re.compile(r"(?<!\\)\w@\w"), "an e-mail address"),
]
CODE_SPAN = re.compile(r"(`+)(?!`).*?(?<!`)\1(?!`)")


def cells_in_source(line):
    """The cells of a table row as GitHub splits them: at each `|` not escaped by a backslash."""
    body = line.strip()
    cells, current, i = [], "", 0
    while i < len(body):
        c = body[i]
        if c == "\\" and i + 1 < len(body):
            current += body[i : i + 2]
            i += 2
            continue
        if c == "|":
            cells.append(current)
            current = ""
        else:
            current += c
        i += 1
    cells.append(current)
    if body.startswith("|"):
        cells = cells[1:]
    if body.endswith("|") and not body.endswith("\\|"):
        cells = cells[:-1]
    return cells


def slug(text):
    """The anchor GitHub gives a heading: lower case, punctuation dropped, spaces as hyphens."""
    return "#" + re.sub(r"[^\w\- ]", "", text.strip().lower()).replace(" ", "-")


def inline_text(token):
    return "".join(c.content for c in token.children or [] if c.type in ("text", "code_inline", "softbreak"))


def check(case, source, problems):
    lines = source.split("\n")
    tokens = MarkdownIt("commonmark").enable("table").enable("strikethrough").parse(source)
    headings, links, texts = set(), [], []
    columns = None
    for i, t in enumerate(tokens):
        where = f"{case}:{t.map[0] + 1 if t.map else '?'}"
        if t.type in FORBIDDEN:
            problems.append(f"{where}: renders as {FORBIDDEN[t.type]}")
        if t.type == "heading_open" and t.markup not in ("#", "##", "###", "####", "#####", "######"):
            problems.append(f"{where}: a setext heading (a line of = or - under text)")
        if t.type == "heading_open":
            headings.add(slug(inline_text(tokens[i + 1])))
        if t.type == "thead_open":
            columns = None
        if t.type == "tr_open":
            cells = cells_in_source(lines[t.map[0]])
            if columns is None:
                columns = len(cells)
            elif len(cells) != columns:
                problems.append(f"{where}: a row of {len(cells)} cells in a table of {columns} columns: {lines[t.map[0]]}")
        if t.type == "inline":
            texts.append(inline_text(t))
            for c in t.children or []:
                if c.type in FORBIDDEN:
                    problems.append(f"{where}: renders as {FORBIDDEN[c.type]}: {c.content}")
                if c.type == "link_open":
                    links.append((where, c.attrGet("href")))
    for where, href in links:
        if not href.startswith("#") or href not in headings:
            problems.append(f"{where}: a link to {href}, which is no heading of this summary")
    for number, line in enumerate(lines, 1):
        outside = CODE_SPAN.sub("", line)
        for pattern, what in AUTOLINK:
            if pattern.search(outside):
                problems.append(f"{case}:{number}: GitHub would render {what}: {line}")
    return texts


# Names a deployment can have (a ServerInstance, an F&O folder), each made of what starts Markdown
# syntax somewhere: every ASCII punctuation character around and between letters, and the line
# starts, entities, HTML, links and autolinks a value may hold.
HOSTILE = [f"{c}a{c}b{c}" for c in "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~"] + [
    "1. a", "1) a", "+ a", "> a", "# a", "---", "===", "a  b", "``a``", "` a `", "a\\|b", "\\", "&amp;", "&#35;",
    "<b>x</b>", "<!-- x -->", "![i](x)", "[a]: http://x", "[a][b]", "www.x.example", "http://x.example", "a@b.example",
    "*a **b** c*", "_a_b", "~~a~~", "$a$", "a\\", "|", "||", "x | y | z"]


def xml_attribute(text):
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")


def hostile_names(binary, problems):
    """Each hostile name as a Business Central deployment (server and web instance, both
    unbounded: one ST101 each) and as an F&O deployment's folder; then the show table's first
    cell, the lint headings and the Files cells must render each name and path as written."""
    import json
    import subprocess
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        root = pathlib.Path(tmp)
        for i, name in enumerate(HOSTILE):
            (root / f"bc{i:02}" / "Service").mkdir(parents=True)
            (root / f"bc{i:02}" / "WebClient").mkdir()
            (root / f"bc{i:02}" / "Service" / "CustomSettings.config").write_text(
                f'<appSettings>\n  <add key="ServerInstance" value="{xml_attribute(name)}" />\n'
                f'  <add key="ClientServicesPort" value="{7000 + i}" />\n'
                '  <add key="ClientServicesIdleClientTimeout" value="MaxValue" />\n</appSettings>\n', "utf-8")
            (root / f"bc{i:02}" / "WebClient" / "navsettings.json").write_text(json.dumps({"NAVWebSettings": {
                "ServerInstance": name, "ClientServicesPort": 7000 + i, "SessionTimeout": "MaxValue"}}), "utf-8")
            if "/" not in name:
                (root / "fo" / name).mkdir(parents=True)
                (root / "fo" / name / "web.config").write_text(
                    '<configuration><appSettings><add key="Aos.AppRoot" value="x" /></appSettings></configuration>\n')
        run = lambda *args: subprocess.run([binary, *args, str(root), "--format", "markdown"], capture_output=True,
                                           text=True, env={"NO_COLOR": "1"}).stdout
        show, lint = run("show"), run("lint", "--fail-on", "none")
    shown = check("hostile names: show", show, problems)
    linted = check("hostile names: lint", lint, problems)
    for name in HOSTILE:
        if f"{name} (Business Central)" not in shown:
            problems.append(f"hostile names: show: no cell shows the deployment name {name!r} as written")
        if f"{name} (Business Central)" not in linted:
            problems.append(f"hostile names: lint: no heading shows the deployment name {name!r} as written")
        if f"sessions of {name} never close" not in "\n".join(linted):
            problems.append(f"hostile names: lint: no finding shows the deployment name {name!r} as written")
        if "/" not in name and "\\|" not in name and f"aos {root}/fo/{name}/web.config" not in shown:
            problems.append(f"hostile names: show: no Files cell shows the folder {name!r} as written")


def main():
    golden = pathlib.Path(sys.argv[1])
    cases = [d for d in sorted(golden.iterdir()) if (d / "args").is_file() and any(
        a == "markdown" or a.endswith("=markdown") for a in (d / "args").read_text("utf-8").splitlines())]
    if not cases:
        sys.exit("no golden case has `markdown` among its args")
    problems = []
    for case in cases:
        texts = check(case.name, (case / "expected").read_text("utf-8"), problems)
        contains = case / "markdown_contains"
        if contains.is_file():
            for want in contains.read_text("utf-8").splitlines():
                if want and not any(want in text for text in texts):
                    problems.append(f"{case.name}: no heading, paragraph or cell shows {want!r} as written")
    if len(sys.argv) > 2:
        hostile_names(sys.argv[2], problems)
    for problem in problems:
        print(problem)
    print(f"{len(cases)} markdown cases and {len(HOSTILE)} hostile names, {len(problems)} problems")
    sys.exit(1 if problems else 0)


if __name__ == "__main__":
    main()

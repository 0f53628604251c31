#!/usr/bin/env python3
"""Runs `sessiontool lint --format sarif` and checks the log against the SARIF 2.1.0 schema and
what GitHub code scanning needs: a located result per finding, repository-relative URIs, and
rule indexes that point at the right rules.

usage: validate_sarif.py BINARY SCHEMA [lint arguments...]   (run from the repository root)
"""
import json
import subprocess
import sys

import jsonschema


def main():
    binary, schema_path, *arguments = sys.argv[1:]
    run = subprocess.run([binary, "lint", "--format", "sarif", *arguments], capture_output=True, text=True)
    if run.returncode not in (0, 1, 3):  # 3: an input could not be read; still a full log
        sys.exit(f"sessiontool exited {run.returncode}: {run.stderr}")
    log = json.loads(run.stdout)
    with open(schema_path, encoding="utf-8") as f:
        schema = json.load(f)
    validator = jsonschema.Draft7Validator(schema, format_checker=jsonschema.FormatChecker())
    errors = sorted(validator.iter_errors(log), key=lambda e: list(e.path))
    for error in errors:
        print(f"{'/'.join(map(str, error.path))}: {error.message}")
    if errors:
        sys.exit(f"{len(errors)} schema errors")

    run0 = log["runs"][0]
    rules = run0["tool"]["driver"]["rules"]
    ids = [rule["id"] for rule in rules]
    problems = []
    if len(set(ids)) != len(ids):
        problems.append("rule ids are not unique")
    for rule in rules:
        for field in ("name", "shortDescription", "fullDescription", "help", "defaultConfiguration"):
            if field not in rule:
                problems.append(f"{rule['id']}: no {field}")
    for i, result in enumerate(run0["results"]):
        where = f"results[{i}] {result.get('ruleId')}"
        if ids[result["ruleIndex"]] != result["ruleId"]:
            problems.append(f"{where}: ruleIndex points at {ids[result['ruleIndex']]}")
        locations = result.get("locations", [])
        if len(locations) != 1:
            problems.append(f"{where}: {len(locations)} locations")
            continue
        uri = locations[0]["physicalLocation"]["artifactLocation"]["uri"]
        if uri.startswith(("/", "file:", "..")) or "\\" in uri:
            problems.append(f"{where}: uri {uri!r} is not relative to the working directory")
        region = locations[0]["physicalLocation"].get("region")
        if region and (region["endLine"], region["endColumn"]) < (region["startLine"], region["startColumn"]):
            problems.append(f"{where}: region ends before it starts")
    for problem in problems:
        print(problem)
    if problems:
        sys.exit(f"{len(problems)} problems")
    print(f"valid SARIF 2.1.0: {len(rules)} rules, {len(run0['results'])} results")


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Checks the example configuration files against schemas/sessiontool-config.schema.json, and
that sessiontool itself agrees: what the schema accepts, `sessiontool show --config` accepts
(exit 0); what it rejects, sessiontool rejects (exit 2).

usage: validate_config_schema.py BINARY   (run from the repository root)
"""
import glob
import json
import subprocess
import sys

import jsonschema

# Examples that are meant to be wrong (the golden tests show sessiontool's message for each).
INVALID = {"bad-field.json", "bad-syntax.json"}


def main():
    binary = sys.argv[1]
    with open("schemas/sessiontool-config.schema.json", encoding="utf-8") as f:
        schema = json.load(f)
    jsonschema.Draft7Validator.check_schema(schema)
    validator = jsonschema.Draft7Validator(schema)
    examples = sorted(glob.glob("testdata/lint/configs/*.json"))
    failures = []
    for path in examples:
        name = path.rsplit("/", 1)[-1]
        try:
            with open(path, encoding="utf-8") as f:
                errors = list(validator.iter_errors(json.load(f)))
        except json.JSONDecodeError as e:
            errors = [e]
        tool = subprocess.run([binary, "show", "--config", path, "testdata/lint/clean"], capture_output=True, text=True)
        want_valid = name not in INVALID
        if bool(not errors) != want_valid:
            failures.append(f"{path}: schema says {'valid' if not errors else errors[0]}, expected {'valid' if want_valid else 'invalid'}")
        if (tool.returncode == 0) != want_valid:
            failures.append(f"{path}: sessiontool exited {tool.returncode}: {tool.stderr.strip()}")
    for failure in failures:
        print(failure)
    if failures or not examples:
        sys.exit("configuration examples and schema disagree")
    print(f"{len(examples)} examples: schema and sessiontool agree")


if __name__ == "__main__":
    main()

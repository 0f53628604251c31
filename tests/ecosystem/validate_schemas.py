#!/usr/bin/env python3
"""Validates real sessiontool output and real files against the schemas in schemas/.

- show --format json and lint --format json on the test data, against their schemas, and
  outputs the schemas must reject (a renamed field, a BC deployment without its reconnect window);
- every navsettings.json in testdata/ and the corpus against navsettings.schema.json, and, for a
  set of SessionTimeout and ClientServicesPort values, that the schema rejects a value exactly
  when `sessiontool lint` reports it (ST003/ST006/ST007/ST009);
- the rule ids of sessiontool-config.schema.json are the rules a configuration may name.

usage: validate_schemas.py BINARY   (run from the repository root)
"""
import copy
import glob
import json
import os
import subprocess
import sys
import tempfile

import jsonschema

# Findings that mean "this value is not what you think": the navsettings schema rejects them.
VALUE_RULES = {"ST003", "ST006", "ST007", "ST009"}

SESSION_TIMEOUTS = ["00:20:00", "MaxValue", "1.00:00:00", "00:45", "1:02:03:04", "00:20:00.5", "10", "24:00:00",
                    "00:60:00", "00:00:00", "-00:10:00", "abc", "", "0.00:00:00", "23:59:59.1234567"]
PORTS = [7085, "7085", 0, 70000, "x"]


def load(name):
    with open(os.path.join("schemas", name), encoding="utf-8") as f:
        schema = json.load(f)
    jsonschema.Draft7Validator.check_schema(schema)
    return jsonschema.Draft7Validator(schema)


def run_json(binary, args, expect_codes):
    result = subprocess.run([binary, *args], capture_output=True, text=True, env={**os.environ, "NO_COLOR": "1"})
    if result.returncode not in expect_codes:
        raise SystemExit(f"sessiontool {' '.join(args)} exited {result.returncode}: {result.stderr}")
    return json.loads(result.stdout)


def errors(validator, instance):
    return [f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in validator.iter_errors(instance)]


def check_outputs(binary, failures):
    show, lint = load("show-output.schema.json"), load("lint-output.schema.json")
    show_runs = [["testdata/sample"], ["--all", "testdata/lint/fleet"], ["testdata/show"], ["--platform", "22", "testdata/sample"],
                 ["--assume", "SessionTimeout=MaxValue", "--fo-inactivity-timeout", "45m", "testdata/sample"],
                 ["testdata/set"]]
    deployments = 0
    for args in show_runs:
        out = run_json(binary, ["show", "--format", "json", *args], {0, 3})
        deployments += len(out["deployments"])
        failures += [f"show {' '.join(args)}: {e}" for e in errors(show, out)]
    sample = run_json(binary, ["show", "--format", "json", "testdata/sample"], {0})
    broken = copy.deepcopy(sample)
    broken["deployments"][0]["effective"]["inactivity"] = broken["deployments"][0]["effective"].pop("inactivity_timeout")
    no_window = copy.deepcopy(sample)
    del next(d for d in no_window["deployments"] if d["product"] == "business-central")["effective"]["reconnect_window"]
    for what, instance in [("a renamed field", broken), ("BC without reconnect_window", no_window)]:
        if not errors(show, instance):
            failures.append(f"show schema accepts {what}")

    findings = 0
    for args in [["testdata/lint/fleet"], ["testdata/lint/malformed", "testdata/lint/no-such-file.config"],
                 ["testdata/sample"], ["--config", "testdata/lint/configs/policy.json", "testdata/lint/fleet"]]:
        out = run_json(binary, ["lint", "--format", "json", *args], {0, 1, 3})
        findings += len(out["diagnostics"])
        failures += [f"lint {' '.join(args)}: {e}" for e in errors(lint, out)]
    unknown_rule = run_json(binary, ["lint", "--format", "json", "testdata/lint/fleet"], {1})
    unknown_rule["diagnostics"][0]["rule"] = "ST999"
    if not errors(lint, unknown_rule):
        failures.append("lint schema accepts an unknown rule id")
    return deployments, findings


def lint_value_rules(binary, path):
    out = run_json(binary, ["lint", "--format", "json", "--fail-on", "none", path], {0, 3})
    return {d["rule"] for d in out["diagnostics"]} & VALUE_RULES


def check_navsettings(binary, failures):
    schema = load("navsettings.schema.json")
    files = sorted(glob.glob("testdata/**/navsettings.json", recursive=True))
    # The real files, where there are any (SESSIONTOOL_CORPUS, or ../shared/corpus beside the checkout).
    corpus = os.environ.get("SESSIONTOOL_CORPUS") or "../shared/corpus"
    files += sorted(glob.glob(os.path.join(glob.escape(corpus), "**", "*navsettings*.json"), recursive=True))
    checked = 0
    for path in files:
        try:
            with open(path, encoding="utf-8-sig") as f:
                document = json.load(f)
        except json.JSONDecodeError:
            continue  # a malformed fixture: ST002, not the schema's business
        checked += 1
        problems = errors(schema, document)
        reported = lint_value_rules(binary, path)
        # A file lint finds nothing wrong with must pass the schema, and the other way round.
        if bool(problems) != bool(reported):
            failures.append(f"{path}: schema says {problems or 'valid'}, lint reports {sorted(reported) or 'nothing'}")
    values = [("SessionTimeout", v) for v in SESSION_TIMEOUTS] + [("ClientServicesPort", v) for v in PORTS]
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "navsettings.json")
        for key, value in values:
            document = {"NAVWebSettings": {"//SessionTimeout": "help text", "ServerInstance": "BC", key: value}}
            with open(path, "w", encoding="utf-8") as f:
                json.dump(document, f)
            rejected = bool(errors(schema, document))
            reported = lint_value_rules(binary, path)
            if rejected != bool(reported):
                failures.append(f"{key} = {value!r}: schema {'rejects' if rejected else 'accepts'} it, "
                                f"lint reports {sorted(reported) or 'nothing'}")
    return checked, len(values)


def check_diff_outputs(binary, failures):
    """diff --format json on every pair in testdata/diff (and --all), set --format json with --dry-run and --check,
    against their schemas; and outputs the schemas must reject."""
    diff, set_schema = load("diff-output.schema.json"), load("set-output.schema.json")
    outputs = 0
    for case in sorted(os.listdir("testdata/diff")):
        for extra in [[], ["--all"]]:
            args = ["diff", f"testdata/diff/{case}/old", f"testdata/diff/{case}/new", "--format", "json", *extra]
            out = run_json(binary, args, {0, 1})
            outputs += 1
            failures += [f"{' '.join(args)}: {e}" for e in errors(diff, out)]
    binding = run_json(binary, ["diff", "testdata/diff/binding/old", "testdata/diff/binding/new", "--format", "json"], {1})
    renamed = copy.deepcopy(binding)
    renamed["deployments"][0]["status"] = "modified"
    no_command = copy.deepcopy(binding)
    del no_command["actions"][0]["commands"]
    for what, instance in [("an unknown status", renamed), ("an action without commands", no_command)]:
        if not errors(diff, instance):
            failures.append(f"diff schema accepts {what}")
    for args in [["set", "--dry-run", "--format", "json", "SessionTimeout=45m", "testdata/set/fleet"],
                 ["set", "--check", "--format", "json", "ClientServicesReconnectPeriod=5m", "--platform", "20",
                  "testdata/set/fleet"]]:
        out = run_json(binary, args, {0, 1})
        outputs += 1
        failures += [f"{' '.join(args)}: {e}" for e in errors(set_schema, out)]
    return outputs


def check_config_rules(binary, failures):
    with open("schemas/sessiontool-config.schema.json", encoding="utf-8") as f:
        enum = set(json.load(f)["definitions"]["configurableRule"]["enum"])
    rules = run_json(binary, ["rules", "--format", "json"], {0})["rules"]
    configurable = set()
    for rule in rules:
        result = subprocess.run([binary, "lint", "--disable", rule["id"], "testdata/lint/clean"], capture_output=True)
        if result.returncode != 2:
            configurable.add(rule["id"])
    if enum != configurable:
        failures.append(f"sessiontool-config.schema.json rule ids {sorted(enum ^ configurable)} disagree with "
                        "the rules `sessiontool lint --disable` accepts")


def main():
    binary = sys.argv[1]
    failures = []
    deployments, findings = check_outputs(binary, failures)
    files, values = check_navsettings(binary, failures)
    check_config_rules(binary, failures)
    diffs = check_diff_outputs(binary, failures)
    for failure in failures:
        print(failure)
    if failures:
        sys.exit(f"{len(failures)} schema checks failed")
    print(f"schemas agree with {deployments} deployments, {findings} findings, {files} navsettings.json files "
          f"and {values} values; diff and set outputs: {diffs}")


if __name__ == "__main__":
    main()

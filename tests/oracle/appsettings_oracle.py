#!/usr/bin/env python3
"""oracle.appsettings: sessiontool reads CustomSettings.config as System.Configuration does.

Usage: appsettings_oracle.py SESSIONTOOL ORACLE_SOURCE CATALOG_SOURCE WORK_DIR

Each generated file (appsettings_cases.py) is read by System.Configuration under Mono
(appsettings_oracle.cs: the file as <appSettings file="CustomSettings.config"/> of an exe.config,
as the BC server reads it) and by sessiontool (`show --format json --all --as server`, and
`lint --as server --format json`). For every catalogued server key: a key .NET leaves unset is
`origin: default` in sessiontool; a key .NET sets has sessiontool's `value`, with `origin: file`.
A file .NET refuses (ConfigurationErrorsException: the server does not start) must be refused by
sessiontool too: exit 3, or an error-severity finding about the file (any rule but the value
rules ST003 and ST009). A file .NET accepts must not be. Where Mono is not .NET, the difference
is named below with its sources and the .NET answer is the one expected. Exit 77 without Mono.
"""

import concurrent.futures
import json
import os
import re
import shutil
import subprocess
import sys
import time

sys.dont_write_bytecode = True  # nothing written into the source tree
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import appsettings_cases as cases_module  # noqa: E402
import mono_runner  # noqa: E402

TEST = "oracle.appsettings"
SHOW = int(os.environ.get("ORACLE_SHOW", "25"))
VALUE_RULES = {"ST003", "ST009"}  # findings about one value, not about the file

MONO_IGNORES_FILE_ERRORS = "mono-ignores-errors-in-the-external-file"
MONO_KEYS_CASE_SENSITIVE = "mono-remove-is-case-sensitive"
DIFFERENCES = {
    MONO_IGNORES_FILE_ERRORS: (
        "Mono's AppSettingsSection.DeserializeElement reads the file= file inside "
        "`catch { // nada, we just ignore a missing/unreadble file }` (mono/mono mcs/class/"
        "System.Configuration/System.Configuration/AppSettingsSection.cs), keeping what it read "
        "before the fault and checking nothing about the root; .NET throws "
        "ConfigurationErrorsException (dotnet/runtime src/libraries/System.Configuration."
        "ConfigurationManager/src/System/Configuration/AppSettingsSection.cs, DeserializeElement). "
        "So Mono's verdict is taken from the file's root element read as an inline section (its "
        "unrecognized elements and attributes, malformed XML), and the rules below, which Mono's "
        "inline reading does not apply, from .NET's sources; a file that breaks any of them is "
        "expected to be refused."),
    MONO_KEYS_CASE_SENSITIVE: (
        "Mono's KeyValueConfigurationCollection passes no comparer to ConfigurationElementCollection"
        " (mono/mono .../KeyValueConfigurationCollection.cs), so its entries are case-sensitive: "
        "<remove key=\"k\"/> does not remove an earlier <add key=\"K\"/>; .NET's passes "
        "StringComparer.OrdinalIgnoreCase (dotnet/runtime .../KeyValueConfigurationCollection.cs). "
        "For a file that spells a key in more than one way, the expected values are Mono's for the "
        "same file with every spelling made the first one, which .NET reads exactly as the "
        "original."),
}
FAULTS = {
    cases_module.FAULT_ROOT_ATTRIBUTE: (
        "an attribute on the root element (AppSettingsSection.DeserializeElement: "
        "Config_base_unrecognized_attribute)"),
    cases_module.FAULT_ROOT_NAME: (
        "a root element other than <appSettings> (AppSettingsSection.DeserializeElement: "
        "Config_name_value_file_section_file_invalid_root)"),
    cases_module.FAULT_AFTER_ROOT: (
        "anything but comments after the root element (AppSettingsSection.DeserializeElement: "
        "Config_source_file_format)"),
    cases_module.FAULT_TEXT_CONTENT: (
        "text or CDATA inside the section or an entry (ConfigurationElement.DeserializeElement: "
        "Config_base_section_invalid_content; Mono's ConfigurationElement ignores it)"),
    cases_module.FAULT_MISSING_KEY: (
        "an <add> without key (KeyValueConfigurationElement: key is IsRequired, "
        "Config_base_required_attribute_missing; Mono's is not required)"),
    cases_module.FAULT_UNDECLARED_ENTITY: (
        "a reference to an entity no DTD declares, such as &nbsp; (dotnet/runtime "
        "System.Private.Xml XmlTextReaderImpl.HandleGeneralEntityReference: Xml_UndeclaredEntity, "
        "\"Reference to undeclared entity\", unless DisableUndeclaredEntityCheck, which only "
        "XmlDocument fragment parsing sets; Mono's XmlTextReader lets it through)"),
}


def unescape(text):
    out, i = [], 0
    while i < len(text):
        if text[i] != "\\":
            out.append(text[i])
            i += 1
        elif text[i + 1] == "\\":
            out.append("\\")
            i += 2
        else:
            out.append(chr(int(text[i + 2:i + 6], 16)))
            i += 6
    return "".join(out)


def parse_oracle(output):
    """Mono's answers: folder -> {"values": {key: value or None} or None, "error", "inline"}."""
    answers, current = {}, None
    for line in output.split("\n"):
        if line.startswith("case "):
            current = answers.setdefault(line[5:], {"values": {}, "error": None, "inline": None})
        elif line.startswith("value "):
            _, key, value = line.split(" ", 2)
            current["values"][key] = unescape(value)
        elif line.startswith("null "):
            current["values"][line[5:]] = None
        elif line.startswith("error "):
            current["error"] = line[6:]
        elif line == "inline ok":
            current["inline"] = None
        elif line.startswith("inline error "):
            current["inline"] = line[13:]
    return answers


def catalogue(sessiontool, catalog_source, work_dir):
    """The catalogued server keys (lib/read/catalog.cpp, the one table of settings) and their types
    (from sessiontool's own report of an empty server file, which must list every one)."""
    with open(catalog_source, encoding="utf-8") as f:
        keys = re.findall(r'\.key\s*=\s*"(\w+)",\s*\.kind\s*=\s*server\b', f.read())
    empty = os.path.join(work_dir, "catalogue.config")
    with open(empty, "w") as f:
        f.write("<appSettings>\n</appSettings>\n")
    out = subprocess.run([sessiontool, "show", "--format", "json", "--all", "--as", "server", empty],
                         stdout=subprocess.PIPE, check=True).stdout
    settings = json.loads(out)["deployments"][0]["settings"]
    missing = [k for k in keys if k not in settings]
    if len(keys) < 20 or missing:
        sys.exit(f"{TEST}: {len(keys)} server keys found in {catalog_source}, not in show --all: {missing}")
    return keys, {k: settings[k].get("type", "string") for k in keys}


def run_sessiontool(sessiontool, path):
    show = subprocess.run([sessiontool, "show", "--format", "json", "--all", "--as", "server", path],
                          stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    lint = subprocess.run([sessiontool, "lint", path, "--as", "server", "--format", "json",
                           "--fail-on", "none"], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    settings = None
    if show.returncode == 0:
        deployments = json.loads(show.stdout)["deployments"]
        settings = deployments[0]["settings"] if deployments else {}
    findings = []
    if lint.stdout.strip():
        findings = json.loads(lint.stdout).get("diagnostics", [])
    file_errors = [f"{d['rule']} {d['message']}" for d in findings
                   if d["severity"] == "error" and d["rule"] not in VALUE_RULES]
    refused = lint.returncode == 3 or bool(file_errors)
    why = f"lint exit {lint.returncode}" + (f", {file_errors[0]}" if file_errors else "")
    return {"settings": settings, "show_exit": show.returncode, "show_stderr": show.stderr.decode(errors="replace"),
            "refused": refused, "why": why}


def main():
    sessiontool, oracle_source, catalog_source, work_dir = map(os.path.abspath, sys.argv[1:5])
    mono, mcs = mono_runner.require_mono(TEST)
    started = time.monotonic()
    files_dir = os.path.join(work_dir, "files")
    shutil.rmtree(files_dir, ignore_errors=True)
    os.makedirs(files_dir)
    oracle = os.path.join(work_dir, "appsettings_oracle.exe")
    mono_runner.compile_program(mcs, oracle_source, oracle, references=["System.Configuration.dll"])

    keys, kinds = catalogue(sessiontool, catalog_source, work_dir)
    cases = cases_module.generate(keys, kinds)
    folders = []  # (case, folder of the file, folder of its normalized spelling or None)
    for index, case in enumerate(cases):
        folder = os.path.join(files_dir, f"{index:03}-{case.name}")
        os.makedirs(folder)
        with open(os.path.join(folder, "CustomSettings.config"), "wb") as f:
            f.write(case.data())
        normalized = case.normalized()
        normalized_folder = None
        if normalized is not None:
            normalized_folder = os.path.join(folder, "normalized")
            os.makedirs(normalized_folder)
            with open(os.path.join(normalized_folder, "CustomSettings.config"), "wb") as f:
                f.write(normalized)
        folders.append((case, folder, normalized_folder))

    keys_file = os.path.join(work_dir, "appsettings-keys.txt")
    with open(keys_file, "w") as f:
        f.write("\n".join(keys) + "\n")
    cases_file = os.path.join(work_dir, "appsettings-cases.txt")
    with open(cases_file, "w") as f:
        for _, folder, normalized_folder in folders:
            f.write(folder + "\n" + (normalized_folder + "\n" if normalized_folder else ""))
    answers = parse_oracle(mono_runner.run_mono(mono, oracle, [keys_file, cases_file]).decode())

    with concurrent.futures.ThreadPoolExecutor(max_workers=os.cpu_count() or 2) as pool:
        ours = list(pool.map(lambda f: run_sessiontool(sessiontool, os.path.join(f[1], "CustomSettings.config")),
                             folders))

    failures = []
    refused_count = compared_files = compared_keys = respelled = respelled_differs = 0
    fault_counts = {name: 0 for name in FAULTS}
    for (case, folder, normalized_folder), our in zip(folders, ours):
        mono_answer = answers[folder]
        label = os.path.basename(folder)
        if mono_answer["error"]:
            failures.append(f"{label}: Mono could not read the exe.config around it: {mono_answer['error']}")
            continue
        reasons = []
        if mono_answer["inline"]:
            reasons.append(f"Mono, inline: {mono_answer['inline']}")
        for fault in sorted(case.faults):
            fault_counts[fault] += 1
            reasons.append(f".NET: {FAULTS[fault]}")
        if reasons:
            refused_count += 1
            if not our["refused"]:
                failures.append(f"{label}: .NET refuses this file ({reasons[0]}); sessiontool does not "
                                f"({our['why']})")
            continue
        if our["refused"]:
            failures.append(f"{label}: .NET reads this file; sessiontool refuses it ({our['why']})")
            continue
        if our["settings"] is None:
            failures.append(f"{label}: sessiontool show exit {our['show_exit']}: {our['show_stderr'].strip()}")
            continue
        expected = mono_answer["values"]
        if normalized_folder:
            respelled += 1
            expected = answers[normalized_folder]["values"]
            respelled_differs += expected != mono_answer["values"]
        compared_files += 1
        for key in keys:
            compared_keys += 1
            setting = our["settings"].get(key, {"origin": "default"})
            want = expected[key]
            if want is None and setting["origin"] != "default":
                failures.append(f"{label}: {key}: .NET leaves it unset (default); sessiontool has "
                                f"{json.dumps(setting.get('value'))} from {setting['origin']}")
            elif want is not None and (setting["origin"] != "file" or setting.get("value") != want):
                failures.append(f"{label}: {key}: .NET reads {json.dumps(want)}; sessiontool has "
                                f"{json.dumps(setting.get('value'))} from {setting['origin']}")
    elapsed = time.monotonic() - started

    print(f"{TEST}: {len(cases)} files: {compared_files} read by both, {compared_keys} key values "
          f"compared ({len(keys)} catalogued server keys a file), {refused_count} refused by .NET; "
          f"{elapsed:.1f} s")
    print(f"  known difference {MONO_IGNORES_FILE_ERRORS}: {DIFFERENCES[MONO_IGNORES_FILE_ERRORS]}")
    for fault, text in FAULTS.items():
        print(f"    {fault}: {fault_counts[fault]} files: {text}")
    print(f"  known difference {MONO_KEYS_CASE_SENSITIVE}: {respelled} files spell a key in more than "
          f"one way, {respelled_differs} of them read differently by Mono as written. "
          f"{DIFFERENCES[MONO_KEYS_CASE_SENSITIVE]}")
    if failures:
        by_file = {}
        for failure in failures:
            by_file.setdefault(failure.split(":", 1)[0], []).append(failure)
        print(f"{TEST}: FAILED: {len(failures)} disagreements in {len(by_file)} files; the first "
              f"{SHOW} files:")
        for problems in list(by_file.values())[:SHOW]:
            print("  " + problems[0])
            if len(problems) > 1:
                print(f"    (and {len(problems) - 1} more in this file)")
        print(f"  (the files are in {files_dir})")
        return 1
    print(f"{TEST}: all agree")
    return 0


if __name__ == "__main__":
    sys.exit(main())

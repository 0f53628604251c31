#!/usr/bin/env python3
"""oracle.timespan: sessiontool's TimeSpan parser against .NET's own, on 100,000+ strings.

Usage: timespan_oracle.py DRIVER ORACLE_SOURCE WORK_DIR

DRIVER is timespan_driver (parse_timespan from sessiontool_lib); ORACLE_SOURCE is
timespan_oracle.cs, compiled with mcs into WORK_DIR and run under Mono, whose corlib parses with
System.Globalization.TimeSpanParse from Microsoft's reference source (.NET Framework 4.x). Every
string (timespan_cases.py) goes to both; each answer is the ticks or "error", and they must be
equal, but for the named cases below, where the expected answer is stated otherwise. Exit 77
(skipped) without Mono.
"""

import os
import subprocess
import sys
import time

sys.dont_write_bytecode = True  # nothing written into the source tree
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import mono_runner  # noqa: E402
import timespan_cases  # noqa: E402

TEST = "oracle.timespan"
MIN_CASES = 100_000
SHOW = 20

# Where sessiontool is meant to answer otherwise than Mono, each with the source that shows it.
KEYWORD = "bc-maxvalue-keyword"
LONG_FRACTION = "fraction-of-8+-digits-starting-with-0"
DIFFERENCES = {
    KEYWORD: (
        "BC's own spelling \"MaxValue\" (any case, trimmed): TimeSpan.Parse rejects it and "
        "sessiontool reads it as unbounded, the BC server's meaning (lib/text/duration.hpp, "
        "parse_timespan). Expected: sessiontool \"maxvalue\", Mono \"error\"."),
    LONG_FRACTION: (
        "A fraction of more than 7 digits that starts with 0: .NET Core 3.0 and later round it to "
        "7 digits (dotnet/runtime src/libraries/System.Private.CoreLib/src/System/Globalization/"
        "TimeSpanParse.cs, TimeSpanToken.NormalizeAndValidateFraction; dotnet/coreclr#21968 "
        "\"Fix TimeSpan parsing\"), while .NET Framework and Mono (mono/mono mcs/class/"
        "referencesource/mscorlib/system/globalization/timespanparse.cs, TimeSpanToken."
        "IsInvalidNumber and TryTimeToTicks) reject some and misread others: \"0:0:0.00000001\" "
        "is 1 tick there, 0 in .NET; \"0:00:00.01234567\" is 1234567 ticks there, 123457 in "
        ".NET; \"0:00:00.00000099\" is an error there, 10 ticks in .NET. Expected: Mono's answer "
        "for the same string with that fraction written as the 7 digits .NET rounds it to, or "
        "\"error\" when its digits after the zeros pass 268435455 (.NET's tokenizer limit, "
        "TTT.NumOverflow)."),
}

NUMBER_LIMIT = 0x0FFFFFFF  # TimeSpanTokenizer.GetNextToken: a larger number is NumOverflow


def trimmed_bounds(text):
    start, end = 0, len(text)
    while start < end and text[start] in timespan_cases.DOTNET_WHITESPACE:
        start += 1
    while end > start and text[end - 1] in timespan_cases.DOTNET_WHITESPACE:
        end -= 1
    return start, end


def is_keyword(text):
    start, end = trimmed_bounds(text)
    return text[start:end].lower() == "maxvalue"


def dotnet_fraction(text):
    """For a string whose last token is a fraction of 8+ digits starting with 0 (the only place
    .NET Core and the reference source differ), the same string with the fraction as .NET Core
    reads it (7 digits), or None when .NET Core's tokenizer overflows. Otherwise False."""
    start, end = trimmed_bounds(text)
    digits_start = end
    while digits_start > start and "0" <= text[digits_start - 1] <= "9":
        digits_start -= 1
    run = text[digits_start:end]
    if len(run) < 8 or run[0] != "0" or digits_start == start or text[digits_start - 1] != ".":
        return False
    significant = run.lstrip("0")
    if significant and int(significant) > NUMBER_LIMIT:
        return None
    value = int(significant or "0")
    excess = len(run) - 7
    rounded = (value + 10 ** excess // 2) // 10 ** excess  # half away from zero
    return text[:digits_start] + f"{rounded:07d}" + text[end:]


def main():
    driver, oracle_source, work_dir = map(os.path.abspath, sys.argv[1:4])
    mono, mcs = mono_runner.require_mono(TEST)
    os.makedirs(work_dir, exist_ok=True)
    oracle = os.path.join(work_dir, "timespan_oracle.exe")
    mono_runner.compile_program(mcs, oracle_source, oracle)

    started = time.monotonic()
    cases = timespan_cases.generate()
    if len(cases) < MIN_CASES:
        print(f"{TEST}: only {len(cases)} distinct strings generated, want {MIN_CASES}")
        return 1

    # The strings Mono answers: every case, then the .NET Core rewrites of the long fractions.
    rewrites = {}
    for text in cases:
        rewritten = dotnet_fraction(text)
        if rewritten is not False:
            rewrites[text] = rewritten
    known = set(cases)
    extra = sorted({r for r in rewrites.values() if r is not None and r not in known})
    mono_inputs = cases + extra
    case_lines = "".join(timespan_cases.escape(t) + "\n" for t in cases).encode("ascii")
    lines = case_lines + "".join(timespan_cases.escape(t) + "\n" for t in extra).encode("ascii")
    with open(os.path.join(work_dir, "timespan_inputs.txt"), "wb") as f:
        f.write(lines)

    mono_answers = mono_runner.run_mono(mono, oracle, input_bytes=lines).decode().splitlines()
    ours = subprocess.run([driver], input=case_lines, stdout=subprocess.PIPE,
                          check=True).stdout.decode().splitlines()
    if len(mono_answers) != len(mono_inputs) or len(ours) != len(cases):
        print(f"{TEST}: answer counts differ: {len(mono_inputs)} strings to Mono, "
              f"{len(mono_answers)} answers; {len(cases)} to sessiontool, {len(ours)} answers")
        return 1
    mono_by_text = dict(zip(mono_inputs, mono_answers))

    mismatches = []
    counts = {KEYWORD: 0, LONG_FRACTION: 0}
    changed = 0  # long fractions where Mono's own answer is not .NET's
    values = 0
    for text, mono_answer, our_answer in zip(cases, mono_answers, ours):
        expected, why = mono_answer, "Mono"
        if is_keyword(text):
            counts[KEYWORD] += 1
            if mono_answer != "error":
                mismatches.append((text, mono_answer, our_answer, "error from Mono", KEYWORD))
                continue
            expected, why = "maxvalue", KEYWORD
        elif text in rewrites:
            counts[LONG_FRACTION] += 1
            rewritten = rewrites[text]
            expected = "error" if rewritten is None else mono_by_text[rewritten]
            why = LONG_FRACTION
            changed += expected != mono_answer
        values += expected not in ("error", "maxvalue")
        if our_answer != expected:
            mismatches.append((text, mono_answer, our_answer, expected, why))
    elapsed = time.monotonic() - started

    print(f"{TEST}: {len(cases)} strings, {values} parsed to a value and "
          f"{len(cases) - values} errors by the expected answer; {len(extra)} .NET Core rewrites "
          f"also parsed by Mono; {elapsed:.1f} s")
    for name, text in DIFFERENCES.items():
        print(f"  known difference {name}: {counts[name]} strings. {text}")
    print(f"  ({changed} of the {counts[LONG_FRACTION]} long fractions are answered differently by "
          f"Mono itself)")
    if mismatches:
        print(f"{TEST}: FAILED: {len(mismatches)} strings answered differently; the first {SHOW}:")
        for text, mono_answer, our_answer, expected, why in mismatches[:SHOW]:
            print(f"  \"{timespan_cases.escape(text)}\": Mono {mono_answer}, sessiontool "
                  f"{our_answer}, expected {expected} ({why})")
        return 1
    print(f"{TEST}: all {len(cases)} equal")
    return 0


if __name__ == "__main__":
    sys.exit(main())

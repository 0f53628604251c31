"""Runs .NET code under Mono for the oracle tests: finds mono and mcs, compiles a C# program into
the build folder, and turns an absent Mono into a skip (exit 77, which CTest reports as skipped
by the test's name) rather than a pass."""

import os
import shutil
import subprocess
import sys

SKIP = 77


def require_mono(test_name):
    """Paths of mono and mcs, or exit as skipped."""
    mono, mcs = shutil.which("mono"), shutil.which("mcs")
    if not mono or not mcs:
        print(f"{test_name}: skipped: mono not installed "
              "(SESSIONTOOL_ORACLE=1 scripts/setup installs mono-mcs and mono-runtime)")
        sys.exit(SKIP)
    return mono, mcs


def compile_program(mcs, source, output, references=()):
    """mcs SOURCE -> OUTPUT (an .exe in the build folder), unless OUTPUT is newer than SOURCE."""
    if os.path.exists(output) and os.path.getmtime(output) >= os.path.getmtime(source):
        return
    command = [mcs, "-nologo", "-optimize+", f"-out:{output}", source]
    command += [f"-r:{r}" for r in references]
    subprocess.run(command, check=True)


def mono_environment():
    """The C locale: nothing of the machine's culture reaches .NET's parsers."""
    env = dict(os.environ)
    env.update(LC_ALL="C", LANG="C", LANGUAGE="C")
    env.pop("MONO_ENV_OPTIONS", None)
    return env


def run_mono(mono, program, args=(), input_bytes=None):
    result = subprocess.run([mono, program, *args], input=input_bytes, stdout=subprocess.PIPE,
                            env=mono_environment(), check=True)
    return result.stdout

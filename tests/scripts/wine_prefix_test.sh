#!/usr/bin/env bash
# The Windows stage's wine on a machine that has never run it: scripts/wine.bash starts wine in
# a prefix folder that does not exist yet (where `wineserver -p` alone exits 1 with no word),
# runs the program there, and starts again while that prefix's server is still up (where it
# exits 2), and again on a machine with no locale set, where wine could not open a folder whose
# name is not ASCII. Skipped (77) without wine.
#   wine_prefix_test.sh ROOT SESSIONTOOL_EXE
root=$1
exe=$2
if ! command -v wine >/dev/null || ! command -v wineserver >/dev/null; then
  echo "wine is not installed: skipped"
  exit 77
fi
source "$root/scripts/stage.bash"
source "$root/scripts/wine.bash"
work=$(mktemp -d)
trap 'wine_stop; rm -rf "$work"; stage_cleanup' EXIT
export WINEPREFIX=$work/never-used/prefix

stage "a prefix that does not exist"
wine_start
version=$(wine "$exe" --version </dev/null | tr -d '\r')
[[ $version =~ ^sessiontool\ [0-9]+\.[0-9]+\.[0-9]+$ ]] || fail "sessiontool.exe --version printed '$version'"

stage "again, with the prefix's server still up"
wine_start
version=$(wine "$exe" --version </dev/null | tr -d '\r')
[[ $version =~ ^sessiontool\ [0-9]+\.[0-9]+\.[0-9]+$ ]] || fail "sessiontool.exe --version printed '$version'"

stage "on a machine with no locale set (C: ASCII file names), in a folder named Zürich-東京"
wine_stop
unset LANG LANGUAGE LC_ALL LC_CTYPE LC_MESSAGES
[ "$(locale charmap 2>/dev/null)" != UTF-8 ] || fail "the C locale's character set is UTF-8 here: this proves nothing"
wine_start
mkdir -p "$work/Zürich-東京"
cp -r "$root/testdata/sample/." "$work/Zürich-東京/"
shown=$(cd "$work/Zürich-東京" && wine "$exe" show . </dev/null | tr -d '\r')
[[ $shown == *"FO-Prod (Finance & Operations)"* ]] || fail "sessiontool.exe show . in $work/Zürich-東京 printed: $shown"
stage_summary

#!/usr/bin/env bash
# scripts/stage.bash: a script that fails says in its last lines which stage failed and why,
# also when the failure is in a script it runs (scripts/test runs scripts/setup).
#   stage_report_test.sh ROOT
set -uo pipefail
root=$1
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/scripts"
failures=0
check() {  # check NAME OUTPUT PATTERN: the last lines of OUTPUT match the extended regex PATTERN
  if ! tail -n 3 <<<"$2" | grep -Eq -- "$3"; then
    echo "FAILED: $1: the last lines do not match /$3/:"
    tail -n 5 <<<"$2" | sed 's/^/  | /'
    failures=$((failures + 1))
  fi
}

cat >"$work/scripts/inner" <<SCRIPT
#!/usr/bin/env bash
source "$root/scripts/stage.bash"
stage "first"
true
stage "wine prefix"
stage_hint "remove the prefix to have it made anew"
false
echo "not reached"
SCRIPT
cat >"$work/scripts/refuses" <<SCRIPT
#!/usr/bin/env bash
source "$root/scripts/stage.bash"
stage "packages"
fail "apt-get is missing"
SCRIPT
cat >"$work/scripts/outer" <<SCRIPT
#!/usr/bin/env bash
source "$root/scripts/stage.bash"
stage "native tests"
"$work/scripts/\$1"
SCRIPT
cat >"$work/scripts/passes" <<SCRIPT
#!/usr/bin/env bash
source "$root/scripts/stage.bash"
stage "build"
stage "tests"
stage_summary
SCRIPT
chmod +x "$work/scripts/"*

out=$("$work/scripts/inner" 2>&1); status=$?
[ "$status" = 1 ] || { echo "FAILED: inner exited $status, not 1"; failures=$((failures + 1)); }
check "a failing command" "$out" "^scripts/inner: FAILED in stage 'wine prefix' after [0-9]+ s: \`false\` exited with status 1$"
check "its hint" "$out" "^scripts/inner: remove the prefix to have it made anew$"
grep -q "not reached" <<<"$out" && { echo "FAILED: the script went on after the failure"; failures=$((failures + 1)); }

out=$("$work/scripts/refuses" 2>&1); status=$?
[ "$status" = 1 ] || { echo "FAILED: refuses exited $status, not 1"; failures=$((failures + 1)); }
check "fail with a reason" "$out" "^scripts/refuses: FAILED in stage 'packages' after [0-9]+ s: apt-get is missing$"

out=$("$work/scripts/outer" inner 2>&1)
check "a failing inner script, named by the outer one" "$out" \
  "^scripts/outer: FAILED in stage 'native tests' after [0-9]+ s: .*exited with status 1$"
check "and the inner reason last" "$out" \
  "^scripts/outer: because scripts/inner: FAILED in stage 'wine prefix' .*\`false\` exited with status 1 \(remove the prefix to have it made anew\)$"
out=$("$work/scripts/outer" refuses 2>&1)
check "the inner fail reason" "$out" "^scripts/outer: because scripts/refuses: FAILED in stage 'packages' .*: apt-get is missing$"

out=$("$work/scripts/passes" 2>&1); status=$?
[ "$status" = 0 ] || { echo "FAILED: passes exited $status"; failures=$((failures + 1)); }
check "a passing script's summary" "$out" "^== scripts/passes: passed \(build [0-9]+ s, tests [0-9]+ s, all [0-9]+ s\)$"

[ "$failures" = 0 ] && echo "stage reports: all checks passed"
exit $((failures > 0))

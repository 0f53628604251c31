# Sourced by the scripts in scripts/: a script runs in named stages, and whatever fails, its
# last lines say which stage failed and why, never a bare exit status.
#
#   stage "native build"      a stage begins (the one before it ends, and its time is noted)
#   stage_hint "text"         what the failure report adds if the current stage fails
#   fail "why"                stops the script with that reason
#   stage_summary             one line with every stage's time, at the end of a script
#
# A script run by another (scripts/test runs scripts/setup) writes its reason into the file
# SESSIONTOOL_FAILURE_FILE names, and the outer script's report repeats it last.

set -Eeuo pipefail

stage_script="scripts/${0##*/}"
stage_pid=$BASHPID  # a subshell ( ... ) leaves the report to the script
stage_name="start"
stage_hint_text=""
stage_started=$SECONDS
stage_times=()
if [ -z "${SESSIONTOOL_FAILURE_FILE:-}" ]; then
  SESSIONTOOL_FAILURE_FILE=$(mktemp "${TMPDIR:-/tmp}/sessiontool-failure.XXXXXX")
  export SESSIONTOOL_FAILURE_FILE
  stage_owns_failure_file=1
else
  stage_owns_failure_file=0
fi
: >"$SESSIONTOOL_FAILURE_FILE"

stage_end() {
  [ "$stage_name" = start ] || stage_times+=("$stage_name $((SECONDS - stage_started)) s")
}

stage() {
  stage_end
  stage_name=$1
  stage_hint_text=""
  stage_started=$SECONDS
  echo "== $stage_script: $stage_name"
}

stage_hint() { stage_hint_text=$1; }

stage_summary() {
  stage_end
  stage_name=start
  local joined
  joined=$(printf '%s, ' "${stage_times[@]}")
  echo "== $stage_script: passed (${joined}all $SECONDS s)"
}

stage_report() {
  local inner=""
  [ -s "$SESSIONTOOL_FAILURE_FILE" ] && inner=$(tail -n 1 "$SESSIONTOOL_FAILURE_FILE")
  local line="$stage_script: FAILED in stage '$stage_name' after $((SECONDS - stage_started)) s: $1"
  {
    echo
    echo "$line"
    [ -z "$stage_hint_text" ] || echo "$stage_script: $stage_hint_text"
    [ -z "$inner" ] || echo "$stage_script: because $inner"
  } >&2
  if [ -z "$inner" ]; then
    echo "$line${stage_hint_text:+ ($stage_hint_text)}" >>"$SESSIONTOOL_FAILURE_FILE"
  fi
}

fail() {
  trap - ERR
  stage_report "$1"
  exit 1
}

stage_on_error() {
  local status=$? command=$BASH_COMMAND
  [ "$BASHPID" = "$stage_pid" ] || exit "$status"
  trap - ERR
  stage_report "\`$command\` exited with status $status"
  exit "$status"
}
trap stage_on_error ERR

stage_cleanup() {
  [ "$stage_owns_failure_file" = 0 ] || [ "$BASHPID" != "$stage_pid" ] || rm -f "$SESSIONTOOL_FAILURE_FILE"
}
trap stage_cleanup EXIT

# sudo when not root, for apt-get; a clear stop when neither is possible.
stage_sudo() {
  if [ "$(id -u)" -eq 0 ]; then
    "$@"
  elif command -v sudo >/dev/null; then
    sudo "$@"
  else
    fail "installing packages needs root or sudo, and this user has neither: run \`$*\` as root"
  fi
}

# Installs the Debian packages among "$@" that are missing; options first go to apt-get install
# (--no-install-recommends).
install_missing() {
  local missing=() options=() p
  while [ $# -gt 0 ] && [[ $1 == --* ]]; do
    options+=("$1")
    shift
  done
  for p in "$@"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
  done
  [ ${#missing[@]} -gt 0 ] || return 0
  command -v apt-get >/dev/null || fail "packages missing (${missing[*]}) and no apt-get to install them: this needs Debian or a derivative"
  echo "Installing ${missing[*]}"
  stage_hint "apt-get could not install ${missing[*]}: check the network and Debian's package sources (apt-get's message is above)"
  stage_sudo apt-get update -qq
  stage_sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${options[@]}" "${missing[@]}" >/dev/null
  stage_hint ""
}

# Sourced by scripts/test-windows and scripts/release (after stage.bash): wine's server for the
# prefix WINEPREFIX, kept up while the script runs. Started by the build (test discovery runs the
# .exe) or by a test instead, it would hold that step's output pipe open, and make or ctest
# would wait for it.
#
#   wine_start    creates the prefix if it is new (about 10 s), then starts the server
#   wine_stop     stops it (for an EXIT trap)

wine_start() {
  [ -n "${WINEPREFIX:-}" ] || fail "WINEPREFIX is not set"
  export WINEPREFIX
  WINEPREFIX=$(realpath -m "$WINEPREFIX")
  export WINEDEBUG=${WINEDEBUG:--all}
  # Wine names Unix files in the Unix locale's character set. Under C or POSIX (ASCII: a container
  # or CI agent with no LANG) it can neither make nor open a file or folder whose name is not
  # ASCII ("could not open working directory"), and the Unicode tests fail for wine's sake, not
  # sessiontool's. Any UTF-8 locale serves; C.UTF-8 is part of every Debian 12.
  if [ "$(locale charmap 2>/dev/null)" != UTF-8 ]; then
    export LC_ALL=C.UTF-8
  fi
  stage_hint "wine could not start in the prefix $WINEPREFIX: remove that folder to have it made anew"
  mkdir -p "$WINEPREFIX"
  # A server this prefix still has (a run interrupted, or one lingering after its last program)
  # would refuse a second one: it is stopped first. `wineserver -p` alone exits 1 with no word
  # when the prefix folder is missing, and 2 when a server is up.
  wineserver -k 2>/dev/null || true
  wineserver -w
  wineserver -p
  if [ ! -d "$WINEPREFIX/drive_c/windows" ]; then
    echo "Creating the wine prefix $WINEPREFIX"
  fi
  wine cmd /c exit </dev/null >/dev/null 2>&1
  [ -d "$WINEPREFIX/drive_c/windows" ] || fail "wine ran but left no prefix in $WINEPREFIX"
  stage_hint ""
}

wine_stop() {
  wineserver -k 2>/dev/null || true
}

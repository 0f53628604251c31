#!/usr/bin/env bash
# The Windows build's Unicode tests under wine in a Greek, a Polish and a Japanese Windows: ANSI
# code pages 1253, 1250 and 932, none of which holds the other two scripts' letters. Paths in
# all three go through arguments, --config, the working directory, GITHUB_WORKSPACE and the
# system's messages (tests/path_text_test.cpp). The locales are compiled into a folder of the
# test's own (localedef, LOCPATH): nothing of the system's is changed. Skipped (77) without
# wine or Debian's locale sources (package locales).
#   wine_unicode_test.sh ROOT UNIT_TESTS_EXE
root=$1
unit_tests=$2
if ! command -v wine >/dev/null || ! command -v localedef >/dev/null || [ ! -f /usr/share/i18n/locales/ja_JP ]; then
  echo "wine or the locale sources (package locales) are not installed: skipped"
  exit 77
fi
source "$root/scripts/stage.bash"
source "$root/scripts/wine.bash"
work=$(mktemp -d)
trap 'wine_stop; rm -rf "$work"; stage_cleanup' EXIT
export WINEPREFIX=$work/prefix
export LOCPATH=$work/locales
mkdir -p "$LOCPATH"
failed=()

for locale in el_GR:1253 pl_PL:1250 ja_JP:932; do
  name=${locale%%:*}.UTF-8
  code_page=${locale##*:}
  stage "$name (ANSI code page $code_page)"
  localedef -i "${locale%%:*}" -f UTF-8 "$LOCPATH/$name"
  export LANG=$name LC_ALL=$name
  wine_start  # a new session: wine takes its locale when its server starts
  # Else this would prove nothing: the session's code page is the locale's.
  acp=$(wine reg query 'HKLM\System\CurrentControlSet\Control\Nls\CodePage' /v ACP </dev/null 2>/dev/null |
    tr -d '\r' | awk '$1 == "ACP" {print $NF}')
  [ "$acp" = "$code_page" ] || fail "wine's ANSI code page is '$acp' under $name, not $code_page"
  wine "$unit_tests" '--test-case=Greek*,a file another program holds open*' </dev/null || failed+=("$name")
done
[ ${#failed[@]} -eq 0 ] || fail "the Unicode tests failed under ${failed[*]} (their output is above)"
stage_summary

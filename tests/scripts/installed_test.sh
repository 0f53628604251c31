#!/usr/bin/env bash
# `sessiontool show --installed` on a machine laid out the standard way: a Business Central 23
# server with a second instance under Program Files, its web instance under inetpub\wwwroot, and
# IIS's applicationHost.config written from its documented schema; then with a second site whose
# folder is outside inetpub. The deployments must pair as they do on the server.
#   installed_test.sh ROOT SESSIONTOOL [wine]
# Natively the Windows variables (ProgramFiles, windir, SystemDrive) point into a folder; under
# wine (skipped, 77, without it) the prefix's own drive_c is laid out.
root=$1
exe=$2
mode=${3:-native}
source "$root/scripts/stage.bash"
work=$(mktemp -d)
if [ "$mode" = wine ]; then
  if ! command -v wine >/dev/null || ! command -v wineserver >/dev/null; then
    echo "wine is not installed: skipped"
    exit 77
  fi
  source "$root/scripts/wine.bash"
  trap 'wine_stop; rm -rf "$work"; stage_cleanup' EXIT
  export WINEPREFIX=$work/prefix
  wine_start
  c=$WINEPREFIX/drive_c
  system32=$c/windows/system32  # wine's own folder, found in any letter case
  run() { wine "$exe" "$@" </dev/null | tr -d '\r'; }
else
  trap 'rm -rf "$work"; stage_cleanup' EXIT
  c=$work/drive_c
  system32=$c/windows/System32
  export ProgramFiles="$c/Program Files" windir="$c/windows" SystemDrive="$c"
  run() { "$exe" "$@"; }
fi
command -v python3 >/dev/null || { echo "python3 is not installed: skipped"; exit 77; }

server() {  # FILE INSTANCE PORT IDLE
  mkdir -p "$(dirname "$1")"
  printf '<?xml version="1.0" encoding="utf-8"?>\r\n<appSettings>\r\n  <add key="ServerInstance" value="%s" />\r\n  <add key="ClientServicesPort" value="%s" />\r\n  <add key="ClientServicesIdleClientTimeout" value="%s" />\r\n</appSettings>\r\n' "$2" "$3" "$4" >"$1"
}
web() {  # FILE INSTANCE PORT SESSIONTIMEOUT
  mkdir -p "$(dirname "$1")"
  printf '{\r\n  "NAVWebSettings": {\r\n    "ServerInstance":  "%s",\r\n    "ClientServicesPort":  "%s",\r\n    "SessionTimeout":  "%s"\r\n  }\r\n}\r\n' "$2" "$3" "$4" >"$1"
}
sites() {  # the <site> elements
  mkdir -p "$system32/inetsrv/config"
  printf '<?xml version="1.0" encoding="UTF-8"?>\r\n<configuration>\r\n  <system.applicationHost>\r\n    <sites>\r\n%s    </sites>\r\n  </system.applicationHost>\r\n</configuration>\r\n' "$1" >"$system32/inetsrv/config/applicationHost.config"
}
# What show --format json pairs: "name: server-path | web-path | inactivity seconds", one a line.
pairs() {
  run show --installed --format json | python3 -c '
import json, re, sys
for d in json.load(sys.stdin)["deployments"]:
    files = {f["kind"]: re.sub(r"^.*drive_c/|^[A-Za-z]:/", "", f["path"].replace("\\", "/")) for f in d["files"]}
    print("%s: %s | %s | %s" % (d["name"], files.get("server", "-"), files.get("web", "-"), d["effective"]["inactivity_timeout"]["seconds"]))'
}
expect() {  # WANT GOT
  [ "$1" = "$2" ] || fail "show --installed paired
$2
where the server pairs
$1"
}

bc="$c/Program Files/Microsoft Dynamics 365 Business Central/230/Service"
server "$bc/CustomSettings.config" BC230 7085 01:00:00
server "$bc/Instances/Second/CustomSettings.config" Second 7185 00:15:00
web "$c/inetpub/wwwroot/BC230/navsettings.json" BC230 7085 00:45:00
printf '<configuration><system.webServer><aspNetCore processPath="dotnet" /></system.webServer></configuration>\r\n' >"$c/inetpub/wwwroot/BC230/web.config"
web "$c/sites/Second Web/navsettings.json" Second 7185 00:20:00

stage "the standard layout: one site, its application BC230 in inetpub"
sites '      <site name="Default Web Site" id="1">
        <application path="/"><virtualDirectory path="/" physicalPath="%SystemDrive%\inetpub\wwwroot" /></application>
        <application path="/BC230"><virtualDirectory path="/" physicalPath="%SystemDrive%\inetpub\wwwroot\BC230" /></application>
      </site>
'
expect "BC230: Program Files/Microsoft Dynamics 365 Business Central/230/Service/CustomSettings.config | inetpub/wwwroot/BC230/navsettings.json | 2700
Second: Program Files/Microsoft Dynamics 365 Business Central/230/Service/Instances/Second/CustomSettings.config | - | 900" "$(pairs)"

stage "a second site whose folder is outside inetpub"
sites '      <site name="Default Web Site" id="1">
        <application path="/"><virtualDirectory path="/" physicalPath="%SystemDrive%\inetpub\wwwroot" /></application>
        <application path="/BC230"><virtualDirectory path="/" physicalPath="%SystemDrive%\inetpub\wwwroot\BC230" /></application>
      </site>
      <site name="Second Web" id="2">
        <application path="/" applicationPool="Second"><virtualDirectory path="/" physicalPath="%SystemDrive%\sites\Second Web" /></application>
        <bindings><binding protocol="http" bindingInformation="*:8080:" /></bindings>
      </site>
'
expect "BC230: Program Files/Microsoft Dynamics 365 Business Central/230/Service/CustomSettings.config | inetpub/wwwroot/BC230/navsettings.json | 2700
Second: Program Files/Microsoft Dynamics 365 Business Central/230/Service/Instances/Second/CustomSettings.config | sites/Second Web/navsettings.json | 900" "$(pairs)"

stage "the platform from the version folder"
shown=$(run show --installed)
[[ $shown == *"platform 23 (from the"* ]] || fail "show --installed did not take platform 23 from the version folder: $shown"

stage "lint --installed checks the same deployments"
linted=$(run lint --installed --fail-on none)
[[ $linted == *"in 4 files (2 deployments)."* ]] || fail "lint --installed did not check the 2 deployments' 4 files: $linted"

stage "set --installed rolls a web setting out to the installed web instances only"
diff=$(run set SessionTimeout=50m --installed --dry-run)
[[ $diff == *wwwroot*BC230*navsettings.json* && $diff == *"Second Web"*navsettings.json* ]] ||
  fail "set --installed --dry-run did not change both web instances: $diff"
[[ $diff != *CustomSettings.config* ]] || fail "set --installed --dry-run touched a server file: $diff"

stage "show with no path in a folder with no configuration file suggests --installed"
mkdir -p "$c/empty"
said=$(cd "$c/empty" && run show 2>&1)
[[ $said == *"sessiontool show --installed"* ]] || fail "show in an empty folder said: $said"
stage_summary

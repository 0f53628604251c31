#pragma once
// The long explanations of the lint rules: what `sessiontool explain` prints and SARIF's
// help text. The reasoning comes from the two seed documents (BC session timeouts; F&O session
// inactivity timeout). Kept apart from the table so rules.cpp stays readable.

#include <string_view>

namespace sessiontool::rule_texts {

inline constexpr std::string_view kST001 =
    R"(The file could not be read: it does not exist, permissions forbid it, it is a directory, it is
encoded as UTF-16 (PowerShell 5's Out-File writes that), or it was given explicitly but is not a
configuration file sessiontool knows.

Nothing in the file was checked, so lint exits with code 3 whatever else it finds.

Fix: check the path and permissions; save the file as UTF-8; use --as server|web|aos for a file
with another name.)";

inline constexpr std::string_view kST002 =
    R"(The XML or JSON is malformed at the line and column given. Business Central and Finance &
Operations refuse to start a service whose configuration file does not parse, and no other
check could run on it.

Fix: correct the syntax at the position shown (an unclosed quote or tag, a missing comma, a
stray character), then lint again.)";

inline constexpr std::string_view kST003 =
    R"(The value is not valid for the setting's type. Durations in CustomSettings.config and
navsettings.json are .NET TimeSpan strings ([d.]hh:mm[:ss[.fffffff]], or MaxValue where the
setting allows it); ClientServicesKeepAliveInterval and WebClientStatefulSessionTimeoutInSeconds
are whole seconds; ports are whole numbers. A value the server cannot parse makes it fall back
to its default, or refuse to start.

Fix: write the value in the setting's format, e.g. 00:20:00 for 20 minutes.)";

inline constexpr std::string_view kST004 =
    R"(The same key is set more than once in one file, in the same or another letter case: both
products compare keys case-insensitively (.NET's OrdinalIgnoreCase), so SessionTimeout and
sessiontimeout are one key.

In CustomSettings.config and the appSettings of a web.config (a warning), .NET reads the
entries in order and the last <add> wins (KeyValueConfigurationCollection), so every earlier
value is silently ignored, and whoever edits the first occurrence changes nothing.

In navsettings.json (an error), Microsoft.Extensions.Configuration.Json stops with a
FormatException ("A duplicate key '...' was found."): the web server does not start at all.

Fix: delete the occurrences that do not count, keeping the value you want in one place.)";

inline constexpr std::string_view kST005 =
    R"(An unknown key that looks like a known setting: a near misspelling (one or two edits), a key
of another kind of file (SessionTimeout is a web server setting, not a CustomSettings.config
one), or the F&O system parameter, which lives in the database. The setting it was meant to
change keeps its default. A known key in another letter case is no unknown key: the products
read it (ST010). Keys far from every known setting are other product settings and are not
reported.

Fix: rename the key to the suggested one, or move it to the file it belongs to.)";

inline constexpr std::string_view kST006 =
    R"(A TimeSpan written as a bare number is read as days: .NET's TimeSpan.Parse reads "10" as ten
days, not ten minutes or seconds. A SessionTimeout of "20" keeps idle sessions for twenty days.

Fix: write the full form, e.g. 00:20:00 for 20 minutes, or 10.00:00:00 if days are really meant.)";

inline constexpr std::string_view kST007 =
    R"(The first field of a TimeSpan is over 23, so .NET reads it as days: "24:00:00" is 24 days and
"48:00:00" is 48 days, not 24 or 48 hours.

Fix: write days explicitly (1.00:00:00 for one day), or keep hours between 0 and 23.)";

inline constexpr std::string_view kST008 =
    R"(The TimeSpan has fractional seconds. How .NET reads the fraction separator depends on the
server's culture settings, so the same file can mean different durations on different servers.

Fix: use whole seconds.)";

inline constexpr std::string_view kST009 =
    R"(The duration is zero or negative where the setting needs a positive one (00:00:00 means "off"
only for the few settings whose catalog entry says so). A zero timeout closes sessions at once
or is rejected by the server.

Fix: set a positive duration, or delete the line to get the default.)";

inline constexpr std::string_view kST010 =
    R"(A known key is spelt in another letter case than Microsoft's (sessiontimeout for
SessionTimeout). It is not ignored: the server reads CustomSettings.config into a
case-insensitive collection (System.Configuration's KeyValueConfigurationCollection) and the web
server reads navsettings.json with case-insensitive keys and sections
(Microsoft.Extensions.Configuration, OrdinalIgnoreCase), so the value is used. sessiontool
resolves it as that key, and `set` changes it where it stands, in its own spelling.

Fix: none needed; Microsoft's spelling reads better in reviews and searches.)";

inline constexpr std::string_view kST011 =
    R"(A key the web server knows stands where it does not read it. The web server reads its
settings from the "NAVWebSettings" object of navsettings.json (section names in any letter
case; a top-level "NAVWebSettings:SessionTimeout" is the same path); the same key at the top
level, in "ApplicationIdSettings" or in a nested object has no effect, and the setting keeps its
value from NAVWebSettings, or its default.

Fix: move the key into "NAVWebSettings" (or delete it).)";

inline constexpr std::string_view kST012 =
    R"(The product refuses the file when it loads it, so the server instance (or web client, or AOS)
does not start. System.Configuration reads these XML sections strictly
(ConfigurationElement, AppSettingsSection.DeserializeElement in dotnet/runtime):
- only <add>, <remove> and <clear/> may stand in <appSettings> (element names are
  case-sensitive), and no text;
- <add> needs a key attribute and takes no attributes but key and value (attribute names are
  case-sensitive: Key= is refused); <remove> needs a key; <clear/> takes no attributes;
- CustomSettings.config is the external file of the server's <appSettings file="...">: its root
  <appSettings> may have no attributes, and only comments may follow it.

The values the file holds are still shown and checked, as they would apply once it loads.

Fix: correct the element or attribute named in the message.)";

inline constexpr std::string_view kST101 =
    R"(Sessions never close for inactivity. A web client session closes according to the shorter of
the server's ClientServicesIdleClientTimeout (default MaxValue, no limit) and the web server's
SessionTimeout (default 00:20:00). When both are MaxValue, an inactive session stays open
indefinitely, holding server memory and a user licence until the service restarts.

Fix: set SessionTimeout (navsettings.json) to 00:20:00, the default, or another limit; or
bound ClientServicesIdleClientTimeout on the server.)";

inline constexpr std::string_view kST102 =
    R"(SessionTimeout has no effect: the server's ClientServicesIdleClientTimeout is shorter. "The
session closes according to the setting that has the shortest time period", so an idle web
session closes when the server's limit runs out, and the longer SessionTimeout never binds.
Anyone who raises SessionTimeout to keep sessions longer will see no change.

Fix: lower SessionTimeout to the server's idle timeout or less so the file says what happens,
or raise ClientServicesIdleClientTimeout if web sessions should last longer.)";

inline constexpr std::string_view kST103 =
    R"(ClientServicesKeepAliveInterval is longer than half the load balancer's idle timeout. "If there
is no activity on the client connection for duration of the load balancer's idle timeout
setting, then the load balancer might redirect the client connection to another server. To
avoid this condition, we recommend that you set the ClientServicesKeepAliveInterval to half the
value of the load balancer's idle timeout setting." Azure's idle timeout is about 4 minutes, so
the default of 120 seconds is just enough.

The load balancer's idle timeout comes from --lb-idle-timeout or lb_idle_timeout in
.sessiontool.json (default 4m; none when there is no load balancer). Platform 21 and later have no
keep-alive setting, and the rule is quiet there.

Fix: set ClientServicesKeepAliveInterval to half the load balancer's idle timeout or less (120
for Azure), or give the real idle timeout.)";

inline constexpr std::string_view kST105 =
    R"(A web server instance (navsettings.json, or a NAV web.config) names a server instance by
ServerInstance and ClientServicesPort, and no CustomSettings.config among the linted files
matches. Its effective timeouts are then computed against server defaults
(ClientServicesIdleClientTimeout MaxValue, ClientServicesReconnectPeriod 00:10:00), which may not
be what the real server has.

Fix: lint the web and server files together (their common folder), or correct ServerInstance or
ClientServicesPort in the web instance.)";

inline constexpr std::string_view kST106 =
    R"(A web server instance matches several server instances equally well: the same ServerInstance
(and port, where given) in folders equally near to it. sessiontool does not guess which one it
talks to, so its timeouts are computed against server defaults.

Fix: give each server instance its own ServerInstance or ClientServicesPort, or lint each
deployment's folder on its own.)";

inline constexpr std::string_view kST107 =
    R"(The setting does not exist on the deployment's platform version, so the server ignores it.
The platform comes from --platform, else platform in .sessiontool.json, else the file itself: the
version folder of a standard install path (...\Microsoft Dynamics 365 Business Central\230\...
is 23), or a key that exists only from some version on (ADOpenIdMetadataLocation: 22 or later). Since platform 21 Business Central has no
ClientServicesReconnectPeriod or ClientServicesKeepAliveInterval: a session ends when its
connection is lost, and there is no reconnect window to configure.

Fix: delete the line, or lint with the platform version the server really runs.)";

inline constexpr std::string_view kST201 =
    R"(The F&O session inactivity timeout is outside the allowed 5 to 60 minutes ("You can set the
values from 5 minutes to 60 minutes"). For the system parameter "Session inactivity timeout in
minutes" this is an error. For the legacy web.config key WebClientStatefulSessionTimeoutInSeconds
it is a warning: a value set there through a support request "will still be honored", even
outside the range the System parameters page allows.

The system parameter is stored in the database: give its value with --fo-inactivity-timeout or
fo_inactivity_timeout in .sessiontool.json; its findings point at the AOS web.config.

Fix: use a value from 5 to 60 minutes (300 to 3600 seconds for the legacy key).)";

inline constexpr std::string_view kST202 =
    R"(The F&O session inactivity timeout is over 30 minutes, the default. The System parameters page
asks for confirmation above 30: "Increasing the inactivity session timeout can cause extra load
on your system, which can lead to a decrease in performance. Are you sure you want to
continue?" The higher the value, the higher the load.

Fix: keep the timeout at 30 minutes or less unless users really need longer sessions; then
disable this rule for that deployment's folder in .sessiontool.json.)";

inline constexpr std::string_view kST203 =
    R"(The AOS web.config sets the legacy WebClientStatefulSessionTimeoutInSeconds. "If you previously
set a session inactivity timeout in the web.config ... through a support request, then that
old value will still be honored": it shadows the system parameter "Session inactivity timeout in
minutes", so changing the parameter on the System parameters page has no effect.

Fix: set the system parameter to the value you want, then delete the key from web.config.)";

inline constexpr std::string_view kST204 =
    R"(The <appSettings> of the AOS web.config are encrypted (ASP.NET protected configuration:
configProtectionProvider="..." and <EncryptedData>). Whether they set the legacy
WebClientStatefulSessionTimeoutInSeconds, which shadows the system parameter "Session
inactivity timeout in minutes", cannot be read, so the effective timeout shown is the system
parameter's only if the key is absent.

Fix: decrypt a copy on the AOS with
AOSService\webroot\bin\Microsoft.Dynamics.AX.Framework.ConfigEncryptor.exe -decrypt <copy of
web.config> (it needs the AOS's certificate), then lint the copy; delete it afterwards, it holds
secrets.)";

inline constexpr std::string_view kST401 =
    R"(A value in a container's customNavSettings or customWebSettings is cut short. The image's start-up
script (nav-docker generic/Run/HelperFunctions.ps1, Set-ConfigSetting) splits the variable on
every ',' and each part on every '=', and keeps only the first two pieces as key and value. So a
value holding '=' keeps what comes before its second '=', and a value holding ',' ends at the ','
while the rest becomes a key of its own with an empty value. Nothing says so when the container
starts.

Fix: a value with ',' or '=' cannot be passed through these variables; set it in the container's
CustomSettings.config or navsettings.json once it runs (Set-NAVServerConfiguration,
Set-NAVWebServerInstanceConfiguration inside the container).)";

inline constexpr std::string_view kST402 =
    R"(A key is given twice in one of a container's customNavSettings or customWebSettings. The start-up
script applies the parts in order, so the later value wins. In customNavSettings a key in another
letter case is worse: the script finds existing entries with an exact XPath match
(//appSettings/add[@key='KEY']), so it appends a second <add> to CustomSettings.config, which the
server then reads last (appSettings match keys in any letter case).

Fix: give each key once, in Microsoft's spelling.)";

inline constexpr std::string_view kST403 =
    R"(A web client key (such as SessionTimeout) is in customNavSettings, or a server key (such as
ClientServicesIdleClientTimeout) is in customWebSettings. customNavSettings is written into the
server instance's CustomSettings.config, customWebSettings into the web client's navsettings.json;
each product reads only its own keys, so the value has no effect and the default applies.

Fix: move the key to the other variable.)";

inline constexpr std::string_view kST404 =
    R"(customNavSettings and customWebSettings are applied when a nav-docker container starts for the first
time: the start-up script (generic/Run/navstart.ps1) sees a restarted container
($restartingInstance) and skips the set-up. Changing the variables of an existing container (or
restarting it) changes nothing; docker inspect then shows values the container does not use.

Fix: create the container again with the new values (docker run -e, the compose file's
environment, BcContainerHelper's New-BcContainer -additionalParameters @('--env
customNavSettings=...')); sessiontool show on its docker inspect then reports them.)";

inline constexpr std::string_view kST301 =
    R"(Organisation policy: the effective inactivity timeout (the shorter of ClientServicesIdleClientTimeout
and SessionTimeout for Business Central; the legacy web.config key or the system parameter for
F&O) is above policy.max_inactivity in .sessiontool.json. Unbounded ("never") is above any
maximum.

Fix: lower the setting that binds, named in the message.)";

inline constexpr std::string_view kST302 =
    R"(Organisation policy: the effective inactivity timeout is below policy.min_inactivity in
.sessiontool.json, so users lose their sessions sooner than the organisation allows.

Fix: raise the setting that binds, named in the message (for Business Central both
ClientServicesIdleClientTimeout and SessionTimeout must reach the minimum).)";

inline constexpr std::string_view kST303 =
    R"(Organisation policy: the Business Central reconnect window is above
policy.max_reconnect_window in .sessiontool.json. After a connection is lost, the session waits
an initial inactivity period of 2 x ClientServicesKeepAliveInterval (4 minutes by default)
until the channel is faulted, then ClientServicesReconnectPeriod (10 minutes by default) for
the client to reconnect: about 14 minutes by default. Platform 21 and later have no reconnect
window, and the rule is quiet there.

Fix: shorten ClientServicesReconnectPeriod (or the keep-alive interval).)";

}  // namespace sessiontool::rule_texts

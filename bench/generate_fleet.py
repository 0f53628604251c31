#!/usr/bin/env python3
"""Writes a fleet of N Business Central deployments for the benchmark (bench/run).

Each deployment DIR/<name>/ holds Service/CustomSettings.config (a real file, or the project's
testdata/large/lf one where there is none, read at generation time, with this deployment's instance name and timeouts spliced in),
WebClient/navsettings.json, and for every tenth deployment an F&O AOS/webroot/web.config.
Some deployments carry the mistakes lint exists for (a misspelt key, a bare-number TimeSpan,
a duplicate, a web instance that matches no server, ...), so the bench measures lint with
findings to report, not a clean fleet. The output is deterministic for a given N.

usage: generate_fleet.py N DIR [--corpus FILE]
"""

import argparse
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
# A real file where there is one (SESSIONTOOL_CORPUS, or ../shared/corpus beside the checkout),
# else the project's own of the same size and shape.
CORPUS_DIR = os.environ.get("SESSIONTOOL_CORPUS") or os.path.join(HERE, "..", "..", "shared", "corpus")
DEFAULT_CORPUS = os.path.join(CORPUS_DIR, "bc4ubuntu-CustomSettings.config")
if not os.path.isfile(DEFAULT_CORPUS):
    DEFAULT_CORPUS = os.path.join(HERE, "..", "testdata", "large", "lf", "CustomSettings.config")

CUSTOMERS = ["Contoso", "Fabrikam", "Northwind", "Tailspin", "Litware", "Adatum", "Woodgrove", "Proseware"]
STAGES = ["Prod", "Test", "Dev", "UAT"]
IDLE_TIMEOUTS = ["MaxValue", "00:20:00", "01:00:00", "02:00:00", "00:45:00", "08:00:00", "1.00:00:00"]
SESSION_TIMEOUTS = ["00:20:00", "01:00:00", "00:30:00", "08:00:00", "00:10:00", "12:00:00"]
AOS_TIMEOUTS = [None, None, "1800", "7200", None, "120"]  # WebClientStatefulSessionTimeoutInSeconds


def set_value(text, key, value):
    """The corpus text with KEY's value replaced (the key must be there exactly once)."""
    pattern = re.compile(r'(<add key="' + re.escape(key) + r'" value=")[^"]*(")')
    new, count = pattern.subn(lambda m: m.group(1) + value + m.group(2), text)
    if count != 1:
        sys.exit(f"generate_fleet: the corpus file has {count} entries for {key}, expected 1")
    return new


def add_before_end(text, line):
    """One more <add> just before </appSettings>, indented like the corpus."""
    end = text.rindex("</appSettings>")
    return text[:end] + "  " + line + "\n" + text[end:]


def custom_settings(corpus, i, instance):
    text = set_value(corpus, "ServerInstance", instance)
    text = set_value(text, "ClientServicesPort", str(7085 + i % 3))
    text = set_value(text, "ClientServicesIdleClientTimeout", IDLE_TIMEOUTS[i % len(IDLE_TIMEOUTS)])
    text = set_value(text, "SqlCommandTimeout", f"00:{10 + i % 50:02}:00")
    if i % 7 == 3:  # ST005: a misspelt key whose value is silently ignored
        text = add_before_end(text, '<add key="ClientServicesIdleClientTimout" value="00:30:00"/>')
    if i % 13 == 7:  # ST004: set twice, the last one wins
        text = add_before_end(text, '<add key="ClientServicesIdleClientTimeout" value="00:15:00"/>')
    if i % 23 == 4:  # ST003: not a TimeSpan
        text = set_value(text, "SearchTimeout", "ten seconds")
    if i % 29 == 11:  # ST007: 30 hours is read as 30 days
        text = set_value(text, "ReportTimeout", "30:00:00")
    if i % 5 == 2:  # Windows line endings on some servers
        text = text.replace("\n", "\r\n")
    return text


NAV_SETTINGS = [
    ("Server", "Specifies the name of the computer that is running the Business Central Server.", None),
    ("ServerInstance", "Specifies the name of the Business Central Server instance to connect to.", None),
    ("ClientServicesPort", "Specifies the TCP port that the Business Central Server uses for client services.", None),
    ("ManagementServicesPort", "Specifies the port for management services.", 7045),
    ("ClientServicesCredentialType", "Specifies how users are authenticated: Windows, UserName, NavUserPassword, "
     "AccessControlService.", "Windows"),
    ("DnsIdentity", "Specifies the DNS identity of the server certificate when the credential type needs one.", ""),
    ("SessionTimeout", "Specifies how long a session stays open with no activity, as [dd.]hh:mm:ss.", None),
    ("RequireSecureConnection", "Specifies whether the web client requires a secure (HTTPS) connection.", True),
    ("HelpServer", "Specifies the name of the server that hosts the Help content.", ""),
    ("HelpServerPort", "Specifies the port of the Help server.", 49000),
    ("ProductName", "Specifies the product name shown in the browser title.", ""),
    ("Designer", "Specifies whether the in-client designer is enabled.", False),
    ("AadApplicationId", "Specifies the Microsoft Entra application ID used for single sign-on.", ""),
    ("AadAuthorityUri", "Specifies the Microsoft Entra authority used for single sign-on.", ""),
    ("UnknownSpnHint", "Specifies the service principal name hint for Kerberos when it cannot be found.",
     "(net.tcp://BCSERVER:7085/BC/Service)=NoSpn"),
    ("ClientServicesChunkSize", "Specifies the chunk size, in kilobytes, for large messages.", 28),
    ("ClientServicesCompressionThreshold", "Specifies the threshold, in kilobytes, above which replies are "
     "compressed.", 64),
    ("ClientServicesProtectionLevel", "Specifies the security services for protecting the data stream.",
     "EncryptAndSign"),
    ("MaxNumberOfOrphanedConnections", "Specifies how many orphaned connections the web server keeps.", 20),
    ("PersonalizationEnabled", "Specifies whether users can personalize pages.", True),
    ("ShowPageSearch", "Specifies whether Tell Me search is shown.", True),
    ("WebSocketMaxMessageSize", "Specifies the largest WebSocket message, in bytes.", 1048576),
    ("ExcelAddinEnabled", "Specifies whether the Excel add-in is offered.", True),
    ("UseSystemWebProxy", "Specifies whether the web server uses the system proxy.", False),
    ("EnableDiagnostics", "Specifies whether diagnostic logging of the web server is on.", False),
    ("LoadBalancerAffinityCookieName", "Specifies the cookie name a load balancer uses for affinity.", ""),
]


def json_string(value):
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


def json_value(value):
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    return json_string(value)


def navsettings(i, instance):
    values = {"Server": f"BCSRV{i % 97:02}", "ServerInstance": instance, "ClientServicesPort": 7085 + i % 3,
              "SessionTimeout": SESSION_TIMEOUTS[i % len(SESSION_TIMEOUTS)]}
    if i % 11 == 5:  # ST006: "20" is twenty days to .NET
        values["SessionTimeout"] = "20"
    if i % 19 == 2:  # ST101: nothing closes idle sessions (the server's idle timeout is MaxValue too)
        values["SessionTimeout"] = "MaxValue"
    if i % 17 == 9:  # ST105: talks to a server instance no CustomSettings.config names
        values["ServerInstance"] = instance + "-OLD"
    lines = []
    for key, help_text, default in NAV_SETTINGS:
        value = values.get(key, default)
        lines.append(f'    "//{key}": {json_string(help_text)}')
        lines.append(f'    "{key}":  {json_value(value)}')
    body = ",\n".join(lines)
    return '{\n  "NAVWebSettings": {\n' + body + '\n  },\n  "ApplicationIdSettings": {\n' \
        '    "//ApplicationId": "Specifies the application identity of the web client.",\n' \
        '    "ApplicationId":  "FIN"\n  }\n}\n'


AOS_GROUPS = {
    "Aos": ["AppRoot", "MetadataDirectory", "PackageDirectory", "BinDir", "Deploy", "AosServerName",
            "EncryptionEngine", "ClusterName", "Batch.MaxThreads", "Batch.PollingInterval"],
    "DataAccess": ["Database", "DbServer", "SqlUser", "SqlPwd", "AxAdminSqlUser", "AxAdminSqlPwd",
                   "DbSchemaVersion", "CommandTimeout", "ConnectionPoolSize", "ReadOnlySecondary"],
    "Infrastructure": ["AzureStorage", "CertificateThumbprint", "StartStorageEmulator", "SessionProvider",
                       "HostName", "HostUrl", "SoapServicesUrl", "TrustedCertificates", "ClusterTenantId",
                       "InternalServiceCertificateThumbprints"],
    "Microsoft.Dynamics": ["AX.AosConfig.AzureConfig.AzureStorageAccount", "AX.Telemetry.Enabled",
                           "Client.WebSocketsEnabled", "Reporting.ServiceUrl", "DocumentRouting.Enabled",
                           "Cache.SizeLimitMb", "BatchService.Enabled", "Retail.Enabled",
                           "Integration.ServiceBus", "Security.AllowedOrigins"],
}


def aos_web_config(i):
    lines = ['<?xml version="1.0" encoding="utf-8"?>', "<configuration>", "  <configSections>"]
    for n in range(12):
        lines.append(f'    <section name="section{n}" type="Microsoft.Dynamics.AX.Configuration.Section{n}, '
                     f'Microsoft.Dynamics.AX.Configuration, Version=7.0.0.0, Culture=neutral" />')
    lines += ["  </configSections>", "  <appSettings>"]
    for group, names in AOS_GROUPS.items():
        lines.append(f"    <!-- {group} settings, written by the deployment service. -->")
        for round_ in range(4):  # real AOS files list several hundred keys
            for name in names:
                suffix = "" if round_ == 0 else f".Node{round_}"
                lines.append(f'    <add key="{group}.{name}{suffix}" value="C:\\AOSService\\webroot\\{group.lower()}'
                             f'\\{name.lower()}{suffix}\\{i:05}" />')
    legacy = AOS_TIMEOUTS[(i // 10) % len(AOS_TIMEOUTS)]
    if legacy:  # ST203 (and ST201/ST202 for values outside 5-30 minutes)
        lines.append("    <!-- Set through a support request. -->")
        lines.append(f'    <add key="WebClientStatefulSessionTimeoutInSeconds" value="{legacy}" />')
    lines += ["  </appSettings>", "  <system.web>", '    <compilation debug="false" targetFramework="4.7.2" />',
              '    <httpRuntime targetFramework="4.7.2" maxRequestLength="1048576" executionTimeout="3600" />',
              "  </system.web>", "  <system.webServer>", "    <modules>"]
    for n in range(40):
        lines.append(f'      <add name="Module{n}" type="Microsoft.Dynamics.AX.Web.Module{n}, '
                     f'Microsoft.Dynamics.AX.Web" preCondition="managedHandler" />')
    lines += ["    </modules>", "  </system.webServer>", "</configuration>", ""]
    return "\r\n".join(lines)


def write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8", newline="") as f:
        f.write(text)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("n", type=int, help="number of deployments")
    parser.add_argument("dir", help="output directory (created; must not hold an older fleet)")
    parser.add_argument("--corpus", default=DEFAULT_CORPUS, help="the CustomSettings.config to build from")
    args = parser.parse_args()
    with open(args.corpus, encoding="utf-8", newline="") as f:
        corpus = f.read()
    for i in range(args.n):
        name = f"{CUSTOMERS[i % len(CUSTOMERS)]}-{STAGES[(i // len(CUSTOMERS)) % len(STAGES)]}-{i:05}"
        instance = f"BC{name.replace('-', '')}"
        root = os.path.join(args.dir, name)
        write(os.path.join(root, "Service", "CustomSettings.config"), custom_settings(corpus, i, instance))
        write(os.path.join(root, "WebClient", "navsettings.json"), navsettings(i, instance))
        if i % 10 == 0:
            write(os.path.join(root, "AOS", "webroot", "web.config"), aos_web_config(i))


if __name__ == "__main__":
    main()

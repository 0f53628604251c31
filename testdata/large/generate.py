#!/usr/bin/env python3
"""Writes the large CustomSettings.config fixtures in this folder (run it from anywhere).

Three files of about 70 KB in the shapes real Business Central servers have, written by this
project so that the tests need nothing from outside the repository:

  lf/CustomSettings.config          no BOM, LF, `"/>` with no space, a blank line between
                                    entries, some entries indented by three spaces
  bom/CustomSettings.config         UTF-8 BOM, LF, `" />`
  bom-mixed/CustomSettings.config   UTF-8 BOM, CRLF after elements and LF inside comments,
                                    no line break after `</appSettings>`

Each holds 240 entries, every one after a comment that describes it, and comments holding
entries that are commented out (`<!-- <add key=... /> -->`). The values the tests look at
are in the table below; the rest are filler whose names no catalogued key is near. The
output depends on nothing but this file: run it again after a change and commit the result.
"""

import os

HERE = os.path.dirname(os.path.abspath(__file__))

# (key, value, description): the entries the tests read, in file order among the filler.
NAMED = {
    0: ("NetworkProtocol", "Default", "The protocol clients use to reach the database server: Default, Sockets or NamedPipes."),
    3: ("DatabaseServer", "localhost", "The computer that runs SQL Server."),
    4: ("DatabaseInstance", "", "The SQL Server instance; empty for the default instance."),
    5: ("DatabaseName", "Fixture", "The database this server instance opens."),
    6: ("ServerInstance", "{instance}", "This server instance's name, which web servers and tools use to reach it."),
    20: ("ClientServicesPort", "{port}", "The TCP port web servers connect to."),
    21: ("ClientServicesIdleClientTimeout", "MaxValue",
         "How long a client may stay idle before the server closes its session. A .NET TimeSpan\n"
         "(days.hours:minutes:seconds); MaxValue keeps idle sessions open."),
    22: ("ClientServicesOperationTimeout", "MaxValue", "The longest a single client operation may run."),
    40: ("SqlCommandTimeout", "00:30:00", "How long a SQL command may run before it is cancelled."),
    41: ("SqlConnectionTimeout", "00:01:30", "How long opening a connection to SQL Server may take."),
    60: ("SearchTimeout", "00:00:10", "The longest a search in the client may take."),
    80: ("ProhibitedReportServerPrinters", '["Printer to PDF","Printer to XPS"]',
         "A JSON array of printer names reports may not print to; its quotes are written as\n"
         "entities in the file."),
    100: ("BackgroundSessionsMaxConcurrent", "10", "How many background sessions may run at once."),
    120: ("ReportDefaultTimeout", "00:20:00", "How long a report may run when the report itself sets no limit."),
    121: ("ReportTimeout", "12:00:00", "The longest any report may run."),
    239: ("EnableFixtureExtensionInstall", "false", "The last entry of the file."),
}
# Keys that only appear commented out, in the comment after these entries.
COMMENTED_OUT = {
    7: ("AzureKeyVaultClientId", ""),
    8: ("AzureKeyVaultClientCertificateStoreLocation", "LocalMachine"),
    50: ("ClientServicesReconnectPeriod", "00:10:00"),
    51: ("ClientServicesKeepAliveInterval", "120"),
}
ENTRIES = 240

AREAS = ["Archive", "Barcode", "Calendar", "Certificate", "Chart", "Company", "Currency", "Document",
         "Email", "Encryption", "Export", "Feature", "Graph", "Import", "Invoice", "Ledger",
         "License", "Locale", "Mailbox", "Metadata", "Navigation", "Notification", "Payment", "Picture",
         "Printer", "Profile", "Retention", "Routing", "Storage", "Telemetry", "Upgrade", "Warehouse"]
ASPECTS = ["BatchSize", "CacheEntries", "Enabled", "Folder", "LogLevel", "MaxItems", "RetryCount",
           "Threshold"]
FILLER_VALUES = {"BatchSize": "500", "CacheEntries": "2048", "Enabled": "true", "Folder": r"C:\Fixture\Data",
                 "LogLevel": "Warning", "MaxItems": "1000", "RetryCount": "3", "Threshold": "75"}
SENTENCES = [
    "Read once when the server instance starts; a change needs a restart.",
    "The administration tools show this value in the server's settings.",
    "Leave it as it is unless the documentation of your version says otherwise.",
    "A value out of range stops the server instance from starting.",
]


def entries(instance, port):
    """(key, value, description) for every entry, in file order."""
    rows = []
    filler = ((area, aspect) for aspect in ASPECTS for area in AREAS)
    for i in range(ENTRIES):
        if i in NAMED:
            key, value, text = NAMED[i]
            rows.append((key, value.format(instance=instance, port=port), text))
            continue
        area, aspect = next(filler)
        text = (f"{aspect} of the {area.lower()} service.\n{SENTENCES[i % len(SENTENCES)]}\n"
                f"{SENTENCES[(i + 1) % len(SENTENCES)]}\nDefault: {FILLER_VALUES[aspect]}.")
        if i % 2 == 0:
            text += f"\nThe {area.lower()} section of the administration guide has examples."
        rows.append((f"{area}{aspect}", FILLER_VALUES[aspect], text))
    return rows


def escape(value):
    return value.replace("&", "&amp;").replace('"', "&quot;").replace("<", "&lt;")


def document(instance, port, *, close, blank_lines, three_space_every, element_break, comment_break, final_break):
    """The file's text. `element_break` ends the lines holding elements and the comments' last
    lines, `comment_break` the lines inside comments."""
    out = ['<?xml version="1.0" encoding="utf-8"?>', element_break, "<appSettings>", element_break]
    for i, (key, value, text) in enumerate(entries(instance, port)):
        if blank_lines and i:
            out.append(element_break)
        lines = text.split("\n")
        out += ["  <!--", comment_break]
        for line in lines:
            out += [f"       {line}", comment_break]
        out += ["  -->", element_break]
        indent = "   " if three_space_every and i % three_space_every == 2 else "  "
        if i == 100 and three_space_every:
            indent = "   "
        out += [f'{indent}<add key="{key}" value="{escape(value)}"{close}>', element_break]
        if i in COMMENTED_OUT:
            old_key, old_value = COMMENTED_OUT[i]
            out += ["  <!--", comment_break, "       Not read by this version; kept for older ones:", comment_break,
                    f'       <add key="{old_key}" value="{old_value}"{close}>', comment_break, "  -->", element_break]
    out.append("</appSettings>")
    if final_break:
        out.append(element_break)
    return "".join(out)


FILES = {
    "lf": dict(bom=False, instance="BusinessCentral250", port="7085", close="/", blank_lines=True,
               three_space_every=9, element_break="\n", comment_break="\n", final_break=True),
    "bom": dict(bom=True, instance="BC", port="7046", close=" /", blank_lines=False,
                three_space_every=0, element_break="\n", comment_break="\n", final_break=True),
    "bom-mixed": dict(bom=True, instance="BC", port="7046", close=" /", blank_lines=False,
                      three_space_every=0, element_break="\r\n", comment_break="\n", final_break=False),
}


def main():
    for folder, spec in FILES.items():
        spec = dict(spec)
        bom = spec.pop("bom")
        text = document(**spec)
        os.makedirs(os.path.join(HERE, folder), exist_ok=True)
        with open(os.path.join(HERE, folder, "CustomSettings.config"), "wb") as f:
            f.write((b"\xef\xbb\xbf" if bom else b"") + text.encode("utf-8"))


if __name__ == "__main__":
    main()

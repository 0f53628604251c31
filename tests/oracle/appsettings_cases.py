"""The CustomSettings.config files oracle.appsettings gives to System.Configuration and sessiontool.

Each case is built from entries (add, remove, clear, comments, and the faults a hand-edited file
gets) and rendered to bytes: named cases for each rule, then random combinations from one seed.
A case also carries:
- `faults`: the rules by which .NET refuses the file although Mono reads it (appsettings_oracle.py
  lists them with their sources), as far as the case put them there;
- `normalized`: the same file with every key spelled as its first spelling (when a key appears in
  several spellings), which .NET reads exactly as the original (its keys are OrdinalIgnoreCase)
  and Mono, whose collection is case-sensitive, reads as .NET does.
"""

import random
import re

SEED = 12

FAULT_ROOT_ATTRIBUTE = "root-attribute"
FAULT_ROOT_NAME = "root-name"
FAULT_AFTER_ROOT = "after-root"
FAULT_TEXT_CONTENT = "text-content"
FAULT_MISSING_KEY = "missing-key"
FAULT_UNDECLARED_ENTITY = "undeclared-entity"

TIMESPANS = ["00:10:00", "00:20:00", "MaxValue", "maxvalue", "1.00:00:00", "10", "24:00:00",
             "00:00:00", "-00:05:00", "00:00:30.5", "1:30", "10675199.02:48:05.4775807", "abc", "",
             " 00:05:00 ", "\t00:15:00", "00:15:00&#10;", "&#32;00:01:00", "0&#x30;:02:00",
             "00:60:00", "99999999", "00:00:00.00000001"]
INTEGERS = ["120", "60", "0", "-5", "7046", " 7085 ", "1e3", "abc", "", "86400", "86401",
            "2147483648", "&#x35;0"]
STRINGS = ["BC", "BC230", "BC&amp;Prod", "BC &lt;test&gt;", "BC&#10;2", "&#x41;BC", "B&quot;C",
           "B&apos;C", "  BC  ", "", "BC\u00e9", "\u65e5\u672c"]
OTHER_KEYS = ["DatabaseServer", "DatabaseName", "EnableTaskScheduler", "ClientServicesIdleTimeout",
              "Foo", "ServerInstanceX", "ClientServices.Port"]


def case_variants(key, rng):
    return [key, key.lower(), key.upper(),
            "".join(c.upper() if rng.random() < 0.5 else c.lower() for c in key)]


def value_for(key, kinds, rng):
    kind = kinds.get(key, "string")
    pool = {"string": STRINGS, "integer": INTEGERS, "seconds": INTEGERS}.get(kind, TIMESPANS)
    return rng.choice(pool)


class Case:
    def __init__(self, name, entries, *, root="appSettings", root_attrs="", before="", after="",
                 decl=True, bom=False, newline="\n", indent="  ", faults=(), raw=None):
        self.name = name
        self.entries = entries
        self.root, self.root_attrs = root, root_attrs
        self.before, self.after = before, after
        self.decl, self.bom, self.newline, self.indent = decl, bom, newline, indent
        self.faults = set(faults)
        self.raw = raw  # bytes written as they are, for files no entry list can describe

    def text(self, keys=None):
        nl = self.newline
        parts = []
        if self.decl:
            parts.append('<?xml version="1.0" encoding="utf-8"?>' + nl)
        parts.append(self.before)
        parts.append(f"<{self.root}{self.root_attrs}>" + nl)
        for entry in self.entries:
            parts.append(self.indent + render(entry, keys) + nl)
        parts.append(f"</{self.root}>" + nl)
        parts.append(self.after)
        return "".join(parts)

    def data(self, keys=None):
        if self.raw is not None:
            return self.raw
        body = self.text(keys).encode("utf-8")
        return (b"\xef\xbb\xbf" if self.bom else b"") + body

    def normalized(self):
        """Bytes with each key in its first spelling, or None when every key has one spelling."""
        if self.raw is not None:
            return None
        first = {}
        respelled = False
        for entry in self.entries:
            if entry[0] in ("add", "remove") and entry[1] is not None:
                key = decode(entry[1])
                spelling = first.setdefault(key.lower(), key)
                respelled = respelled or spelling != key
        if not respelled:
            return None
        return self.data(first)


def decode(attribute_text):
    """An attribute's value as XML reads it (only the entities these cases use)."""
    def entity(m):
        name = m.group(1)
        if name.startswith("#x"):
            return chr(int(name[2:], 16))
        if name.startswith("#"):
            return chr(int(name[1:]))
        return {"amp": "&", "lt": "<", "gt": ">", "quot": '"', "apos": "'"}[name]
    return re.sub(r"&(#x[0-9a-fA-F]+|#[0-9]+|amp|lt|gt|quot|apos);", entity, attribute_text)


def attr(name, value, quote):
    return f" {name}={quote}{value}{quote}"


def render(entry, keys=None):
    kind = entry[0]
    if kind == "add":
        _, key, value, quote, extra = entry
        key_text = key if keys is None or key is None else keys[decode(key).lower()]
        text = "<add" + (attr("key", key_text, quote) if key is not None else "")
        text += attr("value", value, quote) if value is not None else ""
        return text + extra + " />"
    if kind == "remove":
        _, key, quote = entry
        key_text = key if keys is None else keys[decode(key).lower()]
        return "<remove" + attr("key", key_text, quote) + " />"
    if kind == "clear":
        return "<clear />"
    if kind == "comment":
        return f"<!--{entry[1]}-->"
    if kind == "raw":
        return entry[1]
    raise ValueError(kind)


def add(key, value, quote='"', extra=""):
    return ("add", key, value, quote, extra)


def remove(key, quote='"'):
    return ("remove", key, quote)


CLEAR = ("clear",)


def comment(text):
    return ("comment", text)


def raw(text):
    return ("raw", text)


def named_cases(keys, kinds):
    """One case per rule, named after it."""
    idle = "ClientServicesIdleClientTimeout"
    port = "ClientServicesPort"
    instance = "ServerInstance"
    rng = random.Random(SEED)
    all_keys = [add(k, value_for(k, kinds, rng)) for k in keys]
    cases = [
        Case("microsoft-case-every-key", all_keys),
        Case("lower-case-every-key", [add(k.lower(), v) for (_, k, v, _, _) in all_keys]),
        Case("upper-case-every-key", [add(k.upper(), v) for (_, k, v, _, _) in all_keys]),
        Case("mixed-case-every-key", [add(case_variants(k, rng)[3], v) for (_, k, v, _, _) in all_keys]),
        Case("no-entries", []),
        Case("duplicate-same-case", [add(idle, "00:10:00"), add(port, "7046"), add(idle, "00:30:00")]),
        Case("duplicate-other-case", [add(idle, "00:10:00"), add(idle.lower(), "00:30:00")]),
        Case("duplicate-three-spellings", [add(idle.upper(), "00:01:00"), add(idle, "00:02:00"),
                                           add(idle.lower(), "00:03:00")]),
        Case("remove-after-add", [add(idle, "00:10:00"), add(port, "7046"), remove(idle)]),
        Case("remove-before-add", [remove(idle), add(idle, "00:10:00")]),
        Case("remove-other-case-after-add", [add(idle, "00:10:00"), remove(idle.lower())]),
        Case("remove-then-other-case-add", [add(idle, "00:10:00"), remove(idle), add(idle.upper(), "00:20:00")]),
        Case("remove-one-of-two-spellings", [add(idle.lower(), "00:10:00"), add(idle, "00:20:00"),
                                             remove(idle)]),
        Case("remove-absent-key", [add(port, "7046"), remove(idle)]),
        Case("clear-in-the-middle", [add(idle, "00:10:00"), add(port, "7046"), CLEAR, add(instance, "BC2")]),
        Case("clear-at-the-end", [add(idle, "00:10:00"), add(port, "7046"), CLEAR]),
        Case("clear-first", [CLEAR, add(port, "7046")]),
        Case("clear-with-end-tag", [add(port, "7046"), raw("<clear></clear>"), add(idle, "00:05:00")]),
        Case("comments-between-entries", [comment(" session "), add(idle, "00:10:00"), comment("x"),
                                          add(port, "7046"), comment("")]),
        Case("commented-out-entry", [add(idle, "00:10:00"),
                                     comment(f' <add key="{idle}" value="00:45:00" /> '),
                                     comment(f'<add key="{port}" value="9999"/>')]),
        Case("entity-amp-lt-gt", [add(instance, "BC&amp;Prod&lt;1&gt;")]),
        Case("entity-newline-decimal", [add(instance, "BC&#10;2"), add(idle, "00:10:00&#10;")]),
        Case("entity-hex", [add(instance, "&#x41;&#x42;C"), add(port, "&#x37;046")]),
        Case("entity-quotes", [add(instance, "B&quot;C&apos;D")]),
        Case("entity-in-key", [add("Client&#83;ervicesPort", "7046"), add("Server&#x49;nstance", "BC9")]),
        Case("single-quoted-attributes", [add(idle, "00:10:00", "'"), add(instance, 'B"C', "'")]),
        Case("mixed-quotes", [raw(f"<add key='{port}' value=\"7046\" />")]),
        Case("value-surrounding-spaces", [add(idle, " 00:10:00 "), add(instance, "  BC  "), add(port, " 7046 ")]),
        Case("value-tab-and-newline-literal", [raw(f'<add key="{idle}" value="\t00:10:00\n" />'),
                                               raw(f'<add key="{instance}" value="B\tC" />')]),
        Case("value-space-entities", [add(idle, "&#32;00:10:00&#9;"), add(instance, "&#13;BC")]),
        Case("add-without-value", [add(instance, None), add(idle, None)]),
        Case("add-empty-value", [add(instance, ""), add(idle, "")]),
        Case("key-surrounding-spaces", [add(f" {port} ", "7046"), add(f"{idle} ", "00:10:00")]),
        Case("add-with-end-tag", [raw(f'<add key="{port}" value="7046"></add>'),
                                  raw(f'<add key="{idle}" value="00:10:00">  </add>')]),
        Case("attributes-reversed", [raw(f'<add value="7046" key="{port}" />')]),
        Case("non-ascii-value", [add(instance, "BC\u00e9\u65e5")]),
        Case("unknown-keys-only", [add("DatabaseServer", "sql1"), add("Foo", "bar")]),
        Case("similar-unknown-key", [add("ClientServicesIdleTimeout", "00:10:00")]),
        Case("bom-crlf", all_keys[:5], bom=True, newline="\r\n"),
        Case("bom-lf-no-declaration", all_keys[:5], bom=True, decl=False),
        Case("crlf-no-bom", all_keys[:5], newline="\r\n"),
        Case("cr-only-line-ends", all_keys[:5], newline="\r"),
        Case("mixed-line-ends", all_keys[:3], newline="\r\n", after="\n"),
        Case("no-indentation-one-line", all_keys[:4], newline="", indent=""),
        Case("tabs", all_keys[:4], indent="\t"),
        Case("comment-before-root", [add(port, "7046")], before="<!-- BC server -->\n"),
        Case("comment-after-root", [add(port, "7046")], after="<!-- end -->\n"),
        Case("comments-and-spaces-after-root", [add(port, "7046")], after="\n  <!-- a -->\n\n<!--b-->  \n"),
        # Refused by .NET, read by Mono (the faults).
        Case("attribute-on-root", [add(port, "7046")], root_attrs=' xmlns:x="urn:x" x:y="1"',
             faults=[FAULT_ROOT_ATTRIBUTE]),
        Case("file-attribute-on-root", [add(port, "7046")], root_attrs=' file="Other.config"',
             faults=[FAULT_ROOT_ATTRIBUTE]),
        Case("text-after-root", [add(port, "7046")], after="junk\n", faults=[FAULT_AFTER_ROOT]),
        Case("processing-instruction-after-root", [add(port, "7046")], after="<?x y?>\n",
             faults=[FAULT_AFTER_ROOT]),
        Case("element-after-root", [add(port, "7046")], after="<appSettings/>\n", faults=[FAULT_AFTER_ROOT]),
        Case("cdata-after-root", [add(port, "7046")], after="<![CDATA[x]]>\n", faults=[FAULT_AFTER_ROOT]),
        Case("wrong-root-name", [add(port, "7046")], root="settings", faults=[FAULT_ROOT_NAME]),
        Case("root-name-other-case", [add(port, "7046")], root="AppSettings", faults=[FAULT_ROOT_NAME]),
        Case("whole-exe-config-as-file", [raw(f'<appSettings><add key="{port}" value="7046" /></appSettings>')],
             root="configuration", faults=[FAULT_ROOT_NAME]),
        Case("text-inside-root", [add(port, "7046"), raw("stray text")], faults=[FAULT_TEXT_CONTENT]),
        Case("cdata-inside-root", [add(port, "7046"), raw("<![CDATA[x]]>")], faults=[FAULT_TEXT_CONTENT]),
        Case("text-inside-add", [raw(f'<add key="{port}" value="7046">text</add>')], faults=[FAULT_TEXT_CONTENT]),
        Case("add-without-key", [add(port, "7046"), add(None, "00:10:00")], faults=[FAULT_MISSING_KEY]),
        # Refused by Mono too (its inline reading says why).
        Case("unknown-element", [add(port, "7046"), raw('<set key="ServerInstance" value="X" />')]),
        Case("add-element-other-case", [raw(f'<Add key="{port}" value="7046" />')]),
        Case("key-attribute-other-case", [raw(f'<add Key="{port}" value="7046" />')]),
        Case("unknown-attribute-on-add", [add(port, "7046", extra=' comment="x"')]),
        Case("attribute-on-clear", [raw('<clear all="true" />'), add(port, "7046")]),
        Case("element-inside-add", [raw(f'<add key="{port}" value="7046"><x /></add>')]),
        Case("duplicate-attribute", [raw(f'<add key="{port}" value="1" value="2" />')]),
        Case("unclosed-add", [raw(f'<add key="{port}" value="7046">')]),
        Case("unknown-entity", [add(instance, "BC&nbsp;1")], faults=[FAULT_UNDECLARED_ENTITY]),
        Case("bare-ampersand", [add(instance, "BC&1")]),
        Case("less-than-in-value", [add(instance, "B<C")]),
        Case("unquoted-attribute", [raw(f"<add key={port} value=7046 />")]),
        Case("empty-file", [], raw=b""),
        Case("declaration-only", [], raw=b'<?xml version="1.0" encoding="utf-8"?>\r\n'),
        Case("bom-only", [], raw=b"\xef\xbb\xbf"),
        Case("truncated", [], raw=b'<?xml version="1.0"?>\n<appSettings>\n  <add key="ClientServicesPort" value="70'),
    ]
    return cases


def random_case(index, keys, kinds, rng):
    entries = []
    for _ in range(rng.randint(1, 12)):
        roll = rng.random()
        key = rng.choice(keys) if rng.random() < 0.85 else rng.choice(OTHER_KEYS)
        spelled = rng.choice(case_variants(key, rng)) if rng.random() < 0.5 else key
        quote = "'" if rng.random() < 0.15 else '"'
        if roll < 0.62:
            entries.append(add(spelled, value_for(key, kinds, rng), quote))
        elif roll < 0.80:
            entries.append(remove(spelled, quote))
        elif roll < 0.86:
            entries.append(CLEAR)
        elif roll < 0.95:
            entries.append(comment(rng.choice([" x ", f' <add key="{key}" value="1"/> ', ""])))
        else:
            entries.append(add(spelled, None, quote))
    options = dict(bom=rng.random() < 0.3, decl=rng.random() < 0.8,
                   newline=rng.choice(["\n", "\r\n", "\r\n", "\r"]), indent=rng.choice(["  ", "\t", ""]))
    faults = []
    fault = rng.random()
    if fault < 0.03:
        options["root_attrs"] = ' id="1"'
        faults.append(FAULT_ROOT_ATTRIBUTE)
    elif fault < 0.06:
        options["after"] = rng.choice(["x", "<a/>", "<?p?>"])
        faults.append(FAULT_AFTER_ROOT)
    elif fault < 0.08:
        entries.insert(rng.randrange(len(entries) + 1), raw("text"))
        faults.append(FAULT_TEXT_CONTENT)
    elif fault < 0.10:
        entries.insert(rng.randrange(len(entries) + 1), add(None, "1"))
        faults.append(FAULT_MISSING_KEY)
    elif fault < 0.12:
        entries.insert(rng.randrange(len(entries) + 1), raw('<add key="A" value="1" x="2" />'))
    elif fault < 0.14:
        options["after"] = rng.choice(["<!-- c -->", "\n\n"])
    return Case(f"random-{index:03}", entries, faults=faults, **options)


def generate(keys, kinds, random_count=300):
    """Named cases, then RANDOM_COUNT seeded combinations. KEYS: the catalogued server keys;
    KINDS: key -> its type in the catalog (to pick plausible values)."""
    rng = random.Random(SEED)
    cases = named_cases(keys, kinds)
    cases += [random_case(i, keys, kinds, rng) for i in range(random_count)]
    return cases

"""The strings oracle.timespan feeds to .NET's TimeSpan.Parse and to sessiontool's parse_timespan.

Deterministic (one seeded generator): the grammar's forms
[ws][-]{ d | [d.]hh:mm[:ss[.fffffff]] | d:hh:mm:ss[.fffffff] }[ws] (and the "app compat" forms
hh:mm:.f and d.hh:mm:.f that .NET also accepts) with boundary values, the Int64 tick limits,
mutations of valid strings, white space of every kind .NET trims and some it does not, signs,
random token sequences, and every short string over a small alphabet.
"""

import itertools
import random

SEED = 12

# char.IsWhiteSpace: what TimeSpan.Parse trims (String.Trim / MemoryExtensions.Trim). Mono's set
# and .NET's are the same 25 characters (checked with Mono over the whole BMP).
DOTNET_WHITESPACE = (
    "\t\n\v\f\r \x85\xa0\u1680"
    + "".join(chr(c) for c in range(0x2000, 0x200B))
    + "\u2028\u2029\u202f\u205f\u3000"
)
# Look like space, are not trimmed: U+180E (white space before Unicode 6.3), U+200B and U+FEFF
# (trimmed by .NET Framework 3.5's String.Trim, not since 4.0), U+2060, NUL, and U+001C-U+001F
# (white space to Python's str.isspace, not to .NET).
NOT_WHITESPACE = "\u180e\u200b\ufeff\u2060\x00\x1c\x1d\x1e\x1f"

SIGNS = ["-", "--", "+", "\u2212", "\u2010", "\ufe63", "\uff0d", "- ", "-\t", "-+", "+-"]

# Characters a typing slip or a bad template puts into a value.
MUTATION_CHARS = list("0123456789:.-+ ,/;_eEaZ\t") + [
    "\xa0", "\u2212", "\u0660", "\uff10", "\uff1a", "\u2024", "\u00b7", "::", "..", ":.", ".:"]

DAYS = [0, 1, 2, 9, 10, 24, 99, 100, 365, 1000, 99999, 1067519, 10675198, 10675199, 10675200,
        10675201, 99999999, 268435455, 268435456, 999999999, 2147483647, 2147483648, 4294967296]
HOURS = list(range(0, 26)) + [48, 59, 60, 99, 100, 999, 268435455, 268435456]
MINUTES = list(range(0, 62)) + [99, 100, 268435456]
FRACTIONS = [
    "0", "00", "0000000", "00000000", "000000000000", "1", "5", "9", "05", "50", "123", "1234567",
    "9999999", "99999999", "12345678", "10000000", "4775807", "4775808", "4775806", "477580",
    "4775", "4776", "0000001", "00000001", "00000004", "00000005", "00000015", "000000049",
    "000000050", "000000051", "0999999", "09999999", "099999999", "0999999999", "0268435455",
    "0268435456", "00268435455", "0000000000000000000001", "0123456", "01234567", "012345678",
    "0012345", "00123456", "001234567", "0000009", "00000098", "00000099", "00000095"]


def render(value, rng):
    """A number as people and programs write it: plain, two digits, or with extra leading zeros."""
    text = str(value)
    style = rng.random()
    if style < 0.45:
        return text
    if style < 0.85:
        return text.zfill(2)
    if style < 0.97:
        return "0" * rng.randint(1, 3) + text
    return "0" * rng.randint(8, 25) + text


def fraction(rng):
    if rng.random() < 0.6:
        return rng.choice(FRACTIONS)
    digits = rng.randint(1, 10)
    zeros = rng.choice([0, 0, 0, 1, 2, 6, 7, 8])
    return "0" * zeros + "".join(rng.choice("0123456789") for _ in range(digits))


def pick(pool, rng, low, high):
    return rng.choice(pool) if rng.random() < 0.7 else rng.randint(low, high)


# name -> template. "L" forms use the invariant culture's "g" pattern (days end with ':').
FORMS = {
    "d": "{d}",
    "hh:mm": "{h}:{m}",
    "hh:mm:ss": "{h}:{m}:{s}",
    "hh:mm:ss.f": "{h}:{m}:{s}.{f}",
    "d.hh:mm": "{d}.{h}:{m}",
    "d.hh:mm:ss": "{d}.{h}:{m}:{s}",
    "d.hh:mm:ss.f": "{d}.{h}:{m}:{s}.{f}",
    "d:hh:mm:ss": "{d}:{h}:{m}:{s}",
    "d:hh:mm:ss.f": "{d}:{h}:{m}:{s}.{f}",
    "hh:mm:.f": "{h}:{m}:.{f}",
    "d.hh:mm:.f": "{d}.{h}:{m}:.{f}",
    "d:hh:mm:.f": "{d}:{h}:{m}:.{f}",
}


def valid_looking(rng, form=None):
    template = FORMS[form or rng.choice(list(FORMS))]
    return template.format(
        d=render(pick(DAYS, rng, 0, 20_000_000), rng),
        h=render(pick(HOURS, rng, 0, 30), rng),
        m=render(pick(MINUTES, rng, 0, 70), rng),
        s=render(pick(MINUTES, rng, 0, 70), rng),
        f=fraction(rng))


def wrap(text, rng):
    """Signs and trimmed white space around a string, as often as not."""
    if rng.random() < 0.2:
        text = "-" + text
    if rng.random() < 0.15:
        text = "".join(rng.choice(DOTNET_WHITESPACE) for _ in range(rng.randint(1, 3))) + text
    if rng.random() < 0.15:
        text += "".join(rng.choice(DOTNET_WHITESPACE) for _ in range(rng.randint(1, 3)))
    return text


def forms(rng, count):
    for i in range(count):
        yield wrap(valid_looking(rng, list(FORMS)[i % len(FORMS)]), rng)


def tick_limits():
    """Every combination around TimeSpan.MaxValue (10675199.02:48:05.4775807) and MinValue."""
    for sign, days, hours, minutes, seconds, frac in itertools.product(
            ["", "-"], [10675198, 10675199, 10675200], [1, 2, 3, 23], [47, 48, 49], [4, 5, 6],
            ["4775807", "4775808", "4775806", "477580", "4775809", "4776", "4775", "9999999", "0",
             "47758075", "047758075"]):
        yield f"{sign}{days}.{hours:02}:{minutes:02}:{seconds:02}.{frac}"
        yield f"{sign}{days}:{hours}:{minutes:02}:{seconds:02}.{frac}"
    for sign, days, hours, minutes, seconds in itertools.product(
            ["", "-"], [10675198, 10675199, 10675200], [1, 2, 3], [47, 48, 49], [4, 5, 6]):
        yield f"{sign}{days}.{hours:02}:{minutes:02}:{seconds:02}"
        yield f"{sign}{days}:{hours:02}:{minutes:02}:{seconds:02}"
        yield f"{sign}{days}.{hours:02}:{minutes:02}"
        yield f"{sign}{days}:{hours:02}:{minutes:02}"
    for sign, days in itertools.product(["", "-"], DAYS):
        yield f"{sign}{days}"
        yield f"{sign}{days}:00:00"
        yield f"{sign}{days}.00:00"
    for hours, minutes, seconds in itertools.product(range(0, 26), [0, 59, 60], [0, 59, 60]):
        yield f"{hours:02}:{minutes:02}:{seconds:02}"
        yield f"{hours}:{minutes:02}"


def mutate(text, rng):
    chars = list(text)
    for _ in range(rng.randint(1, 3)):
        op = rng.randrange(6)
        at = rng.randrange(len(chars) + 1)
        if op == 0 and chars:  # drop
            del chars[min(at, len(chars) - 1)]
        elif op == 1 and chars:  # duplicate
            at = min(at, len(chars) - 1)
            chars.insert(at, chars[at])
        elif op == 2 and len(chars) > 1:  # swap neighbours
            at = min(at, len(chars) - 2)
            chars[at], chars[at + 1] = chars[at + 1], chars[at]
        elif op == 3:  # insert
            chars.insert(at, rng.choice(MUTATION_CHARS))
        elif op == 4 and chars:  # replace
            chars[min(at, len(chars) - 1)] = rng.choice(MUTATION_CHARS)
        else:  # an extra separator next to an existing one
            seps = [i for i, c in enumerate(chars) if c in ":."]
            if seps:
                i = rng.choice(seps)
                chars.insert(i, rng.choice(":."))
    return "".join(chars)


def mutations(rng, count):
    for _ in range(count):
        yield mutate(wrap(valid_looking(rng), rng), rng)


def white_space(rng, count):
    for i in range(count):
        text = valid_looking(rng)
        kind = i % 5
        if kind == 0:  # trimmed kinds on both sides
            yield rng.choice(DOTNET_WHITESPACE) + text + rng.choice(DOTNET_WHITESPACE)
        elif kind == 1:  # several, mixed
            yield "".join(rng.choices(DOTNET_WHITESPACE, k=rng.randint(2, 6))) + text + \
                "".join(rng.choices(DOTNET_WHITESPACE, k=rng.randint(0, 4)))
        elif kind == 2:  # not white space to .NET
            ch = rng.choice(NOT_WHITESPACE)
            yield rng.choice([ch + text, text + ch, " " + ch + text])
        elif kind == 3:  # inside the value
            at = rng.randrange(len(text) + 1)
            yield text[:at] + rng.choice(DOTNET_WHITESPACE) + text[at:]
        else:  # around a sign
            ws = rng.choice(DOTNET_WHITESPACE)
            yield rng.choice([ws + "-" + text, "-" + ws + text, ws + "-" + text + ws])


def signs(rng, count):
    for i in range(count):
        text = valid_looking(rng)
        sign = SIGNS[i % len(SIGNS)]
        where = rng.randrange(4)
        if where == 0:
            yield sign + text
        elif where == 1:
            yield text + sign
        elif where == 2:  # before a later field
            at = [j for j, c in enumerate(text) if c in ":."]
            yield text[:at[0] + 1] + sign + text[at[0] + 1:] if at else sign + text
        else:
            yield " " + sign + text + " "


def token_soup(rng, count):
    separators = [":", ".", "::", ":.", ".:", "..", "-", " ", ",", "/", ":-", ".-"]
    for _ in range(count):
        parts = []
        if rng.random() < 0.3:
            parts.append(rng.choice(["-", "+", ":", "."]))
        for j in range(rng.randint(1, 7)):
            if j:
                parts.append(rng.choice(separators) if rng.random() < 0.8 else rng.choice([":", "."]))
            digits = rng.choice([1, 1, 2, 2, 2, 3, 7, 8, 9, 10, 12])
            parts.append("".join(rng.choice("0123456789") for _ in range(digits)))
        if rng.random() < 0.2:
            parts.append(rng.choice(separators))
        yield "".join(parts)


def every_short_string():
    """Every string of length 1 to 5 over digits, separators, sign and space."""
    alphabet = "019:.- "
    for length in range(1, 6):
        for chars in itertools.product(alphabet, repeat=length):
            yield "".join(chars)


def specials():
    yield from ["", " ", "\t", "MaxValue", "maxvalue", "MAXVALUE", " MaxValue ", "\tMaxValue\u3000",
                "Max Value", "MaxValue1", "-MaxValue", "TimeSpan.MaxValue", "MaxValue:00",
                "\x0012:34:56", "1\x002:34:56", "12\x00:34:56", "12:34:56\x00", "00:00::00",
                "00:00:00:", "00:00:00:00:00:00:00:00", "1:1:1.99999999", "2147483647", "2147483648",
                "10675199:02:48:05.4776", "-10675199:02:48:05.4776", "24:00", "00:60:00", "00:00:60",
                "12/12/12", "garbage", "-", "00:", "00:00:-01", "6:12:14:45,348", "1:1:1.00000001",
                "1:1:.00000001", "0:00:00.00123456", "0:00:00.00000098", "0:00:00.00000099",
                "0:0:0.00000001", "0:00:00.01000000", "1:1:1.000000001"]


def generate():
    """The cases in a fixed order, without repeats."""
    rng = random.Random(SEED)
    seen = set()
    cases = []
    for source in (specials(), tick_limits(), every_short_string(), forms(rng, 36_000),
                   mutations(rng, 26_000), white_space(rng, 9_000), signs(rng, 4_000),
                   token_soup(rng, 9_000)):
        for text in source:
            if text not in seen:
                seen.add(text)
                cases.append(text)
    return cases


def escape(text):
    """The line format both readers take: ASCII, with \\\\ and \\uXXXX escapes."""
    out = []
    for ch in text:
        if ch == "\\":
            out.append("\\\\")
        elif " " <= ch <= "~":
            out.append(ch)
        else:
            out.append(f"\\u{ord(ch):04x}")
    return "".join(out)

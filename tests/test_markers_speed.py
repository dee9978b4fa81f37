"""The built-in timestamp pieces, sped up, match exactly what they matched before.

The reference patterns below are the text of ``DATE``, ``clock()``, ``zone()`` and
``TIMESTAMP`` before lookahead guards were added to them; the pieces that did not
change are imported. Both versions must agree on every string: whether they match,
the span and every named group of the reference, for ``match`` and for ``fullmatch``
(which backtracks into the piece and so also checks the order in which its matches are
tried).
"""

from __future__ import annotations

import re

import attrs
import pytest
import regex
from hypothesis import example, given, settings
from hypothesis import strategies as st

from liveblog.markers import builtin, dialect
from liveblog.markers.builtin import (
    _AMPM,
    _DAY,
    _HHMM_ZONE,
    _KNOWN_ZONES,
    _LABELS,
    _SEP,
    _YEAR,
    _ZONE_WORD_STARTS,
    _ZONE_WORDS,
    SP,
    zone,
)
from liveblog.markers.dialect import MARKER_BLANKS, PatternDialect

OLD_WEEKDAY = (
    r"(?P<weekday>monday|tuesday|wednesday|thursday|friday|saturday|sunday"
    r"|mon|tues|tue|wed|thurs|thur|thu|fri|sat|sun)\.?"
)
OLD_MONTH_NAME = (
    r"(?P<month>january|february|march|april|may|june|july|august|september|october"
    r"|november|december|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)\b\.?"
)
OLD_DATE = rf"""
(?:{OLD_WEEKDAY},?{SP}++)?
(?: {_DAY}{SP}++(?:of{SP}++)?{OLD_MONTH_NAME}(?:,?{SP}++{_YEAR})?      # 16 Jan 2024, 22 January
  | {OLD_MONTH_NAME}{SP}++{_DAY}(?:,?{SP}++{_YEAR})?                   # Jan 16, 2024; April 4th
  | (?P<day>[0-3]?\d)\.(?P<month>[01]?\d)\.(?P<year>(?:19|20)?\d\d)\b   # 12.9.2024, 22.01.24
  | (?P<sl1>[0-3]?\d)/(?P<sl2>[0-3]?\d)/(?P<year>(?:19|20)?\d\d)\b      # 6/4/2021, 24/02/2021
  | (?P<year>(?:19|20)\d\d)-(?P<month>[01]\d)-(?P<day>[0-3]\d)\b       # 2024-01-16
)
"""


def old_clock(s: str = "") -> str:
    """``clock()`` as it was."""
    ampm = _AMPM.format(s=s, sp=SP)
    return rf"""
(?: (?P<hour{s}>[0-2]?\d)(?:[:.](?P<minute{s}>\d\d?)(?::(?P<second{s}>\d\d))?)?(?:{SP}|\?)?{ampm}
                                                         # 9:45am, 9.45 a.m., 10am, 11:04:12 PM
  | (?P<hour{s}>[0-2]?\d)[:.](?P<minute{s}>\d\d)(?:[:.](?P<second{s}>\d\d)(?:\.\d{{3,6}}(?!\d))?)?
    (?:{SP}*+h(?:rs|ours)?\b    # shapes read since (not the guards' doing): 14:32 hrs, 18.22 h,
      | \b(?:{SP}++(?:(?P<noon{s}>noon)|uhr|uur)\b)?)  # 14.32 uur, 14:32:05.123
  | (?P<hour{s}>[0-2]?\d){SP}?h{SP}?(?P<minute{s}>\d\d)\b # 14h35, 9 h 05
  | (?P<noon{s}>noon|midday|midnight)\b                  # Noon ET
)
"""


def old_zone(s: str = "") -> str:
    """``zone()`` as it was."""
    return rf"""
(?: (?-i:(?P<zone{s}>(?:GMT|UTC)(?:{SP}?[+\-−]{SP}?\d{{1,2}}(?::?\d\d)?)?\b
                   |(?:{_KNOWN_ZONES})\b
                   |(?!(?:AM|PM|NOON|{_LABELS})\b)[A-Z]{{2,4}}[TZ]\b
                    (?={SP}*+(?:[:),/\r\n]|\Z))))                    # GMT, BST, XYZ:
  | (?P<zone{s}>{_ZONE_WORDS})\b                                  # British Summer Time
)
"""


OLD_SECOND_CLOCK = (
    rf"(?:{SP}*+[,/]{SP}*+(?:{old_clock('2')}|(?P<hhmm2>\d{{4}})(?!\d))"
    rf"{SP}*+{old_zone('2')})?"
)
OLD_TIMESTAMP = rf"""
(?> (?:{OLD_DATE}{_SEP}|{OLD_WEEKDAY},?{SP}++)?                 # Saturday 4.15pm
    (?:{_HHMM_ZONE}|{old_clock()})
    (?:(?:{SP}|\?)*+(?:{old_zone()}|\({SP}*+{old_zone()}{SP}*+\)))?  # 04:17 (UTC+03:00), 3.40pm?BST
    {OLD_SECOND_CLOCK}
    (?:{_SEP}{OLD_DATE})?
  | (?P<iso>(?:19|20)\d\d-[01]\d-[0-3]\dT[0-2]\d:[0-5]\d(?::[0-5]\d(?:\.\d+)?)?
            (?:Z|[+\-][0-2]\d:?[0-5]\d)?)                 # 2024-01-22T15:48:00Z
)
"""

_FLAGS = regex.IGNORECASE | regex.VERBOSE | regex.VERSION0


def _pair(old: str, new: str) -> tuple[regex.Pattern[str], regex.Pattern[str]]:
    return regex.compile(f"(?:{old})", _FLAGS), regex.compile(f"(?:{new})", _FLAGS)


PAIRS = {
    "date": _pair(OLD_DATE, builtin.DATE),
    "clock": _pair(old_clock(), builtin.clock()),
    "clock2": _pair(old_clock("2"), builtin.clock("2")),
    "zone": _pair(old_zone(), builtin.zone()),
    "timestamp": _pair(OLD_TIMESTAMP, builtin.TIMESTAMP),
}

# Pieces of timestamps and of the text around them, with characters that fold to the
# letters the guards test (long s, Kelvin sign) and the blanks a marker may hold.
TOKENS = [
    *"0123456789",
    *"0123456789",
    ":",
    ".",
    ",",
    "/",
    "-",
    "–",
    "?",
    "(",
    ")",
    "+",
    " ",
    " ",
    "\u00a0",
    "\u200b",
    "\t",
    "am",
    "pm",
    "a.m.",
    "P.M",
    "a..m.",
    "AM",
    "PMThe",
    "h",
    "T",
    "Z",
    "st",
    "th",
    "of",
    "GMT",
    "UTC",
    "BST",
    "CEST",
    "EST",
    "ET",
    "BSW",
    "XYZ",
    "NOON",
    "British Summer Time",
    "Kyiv time",
    "Eastern",
    "local",
    "New York time",
    "noon",
    "Midday",
    "midnight",
    "Monday",
    "Tues",
    "sat",
    "Jan",
    "January",
    "may",
    "Sept",
    "2024",
    "1999",
    "The",
    "Police",
    "said",
    " Uhr",
    "GOAL",
    "HT",
    "UN",
    "IDF",
    " / 0005",
    "ſ",
    "\u212a",
    "\u0130",
    "x",
    "\n",
]

timestamp_like = st.lists(st.sampled_from(TOKENS), max_size=14).map("".join)


def _seen(m: regex.Match[str] | None, names: list[str]) -> object:
    if m is None:
        return None
    return m.span(), [(n, m.group(n), m.span(n)) for n in names]


def _agree(name: str, text: str) -> None:
    old, new = PAIRS[name]
    # the reference's groups: the new timestamp has one more, ``zopen`` (a bracket
    # before its one zone pattern, where the reference wrote the zone twice)
    names = sorted(old.groupindex)
    for start in range(len(text) + 1):
        found, expected = new.match(text, start), old.match(text, start)
        assert _seen(found, names) == _seen(expected, names), (name, start)
    assert _seen(new.fullmatch(text), names) == _seen(old.fullmatch(text), names), name


@pytest.mark.parametrize("name", sorted(PAIRS))
@settings(max_examples=300)
@given(text=timestamp_like)
@example(text="0:00h")  # a shape read since the reference was written: "18.22 h"
def test_guarded_pieces_match_as_before(name: str, text: str) -> None:
    _agree(name, text)


def test_guarded_pieces_on_known_markers() -> None:
    for text in [
        "14:32 BST",
        "9.45am - Police said",
        "Monday 22 January 2024 14:32",
        "16 Jan 2024 - 08:31 GMT",
        "2024-01-22T15:48:00Z",
        "11:04:12 PMThe crowd",
        "12:00 noon",
        "9 h 05",
        "04:17 (UTC+03:00)",
        "9:42am EST, 5:42pm EAT",
        "6/4/2021 7:19 pm",
        "22.01.24 10:00 Kyiv time",
    ]:
        for name in PAIRS:
            _agree(name, text)


def test_zone_word_guard_admits_every_zone_word() -> None:
    """The first-letter guard of the spelled-out zones lets each of them through."""
    words = ["British Summer Time", "Greenwich Mean Time", "Central European Summer Time",
             "Eastern European Time", "Eastern", "Pacific Standard Time", "Mountain Time",
             "local time", "local", "UK time", "Kyiv time", "New York time", "Washington time",
             "Jerusalem time", "Delhi time", "Seoul time", "Beijing time"]  # fmt: skip
    pattern = regex.compile(zone(), regex.IGNORECASE | regex.VERBOSE | regex.VERSION0)
    for word in words:
        m = pattern.match(word)
        assert m is not None, word
        assert m.group("zone") == word
    assert _ZONE_WORD_STARTS.isalpha()


# The French and German day-header date behind its guard (a word not ending in "day",
# a day, a month's first letter) matches as the bare pattern does, in the whole
# DAY_HEADER pattern and in its ``re`` twin on ASCII lines.
FOREIGN_TOKENS = [
    *"0123456789",
    " ",
    " ",
    "\t",
    "\u00a0",
    ",",
    ".",
    ":",
    "er",
    "Lundi",
    "lundi",
    "Montag",
    "Sonnabend",
    "mardi",
    "Monday",
    "Sunday",
    "Markets",
    "day",
    "Day 3 - ",
    "janvier",
    "Januar",
    "January",
    "mai",
    "min",
    "März",
    "aout",
    "déc",
    "dez",
    "1er",
    "22.",
    "2024",
    "GMT",
    "ſ",
    "\u212a",
    "(Tag 2)",
    "\n",
]
foreign_like = st.lists(st.sampled_from(FOREIGN_TOKENS), max_size=10).map("".join)


def _day_header(foreign: str) -> PatternDialect:
    source = builtin.DAY_HEADER.pattern
    assert isinstance(source, str)
    assert builtin._FOREIGN_DATE in source
    return attrs.evolve(builtin.DAY_HEADER, pattern=source.replace(builtin._FOREIGN_DATE, foreign))


BARE_DAY_HEADER = _day_header(builtin._FOREIGN_DATE_BODY)


def _foreign_agree(text: str) -> None:
    pairs = [(builtin.DAY_HEADER._line_pattern(), BARE_DAY_HEADER._line_pattern())]
    bare = regex.compile(f"(?:{builtin._FOREIGN_DATE_BODY})", _FLAGS)
    pairs.append((regex.compile(f"(?:{builtin._FOREIGN_DATE})", _FLAGS), bare))
    if text.isascii():
        twin, bare_twin = builtin.DAY_HEADER._line_twin(), BARE_DAY_HEADER._line_twin()
        assert twin is not None
        assert bare_twin is not None
        pairs.append((twin, bare_twin))  # type: ignore[arg-type]
    for new, old in pairs:
        names = sorted(old.groupindex)
        for start in range(len(text) + 1):
            for end in {len(text), text.find("\n", start) % (len(text) + 1)}:
                if end < start:
                    continue
                found, expected = new.match(text, start, end), old.match(text, start, end)
                assert _seen(found, names) == _seen(expected, names), (text, start, end)


@settings(max_examples=400)
@given(text=foreign_like)
def test_guarded_foreign_date_matches_as_before(text: str) -> None:
    _foreign_agree(text)


def test_guarded_foreign_date_on_known_lines() -> None:
    for text in [
        "Lundi 22 janvier 2024",
        "Montag, 22. Januar 2024",
        "Sonnabend, 1. März",
        "1er mai",
        "Day 3 - Mardi 23 janvier 2024 (Tag 2)",
        "Monday 22 January 2024 15.48 GMT",
        "1 min ago",
        "22 dez",
    ]:
        _foreign_agree(text)
    assert BARE_DAY_HEADER.pattern != builtin.DAY_HEADER.pattern
    assert builtin.DAY_HEADER._line_pattern().match("Lundi 22 janvier 2024") is not None


@given(
    chars=st.text(
        alphabet=st.characters(min_codepoint=1, max_codepoint=0x2100, exclude_characters="\\]^-["),
        min_size=1,
        max_size=12,
    ),
    probe=st.characters(min_codepoint=1, max_codepoint=0x2100),
)
# blanks written as themselves stay members in a verbose class
@example(chars="\u00a0\u1680\u2000\u2001\u2028\x85 \t\u3000", probe="x")
def test_a_class_written_with_ranges_is_its_characters(chars: str, probe: str) -> None:
    """``_class_of`` (SP's class, consecutive code points as ranges) matches what the
    class of its characters listed one by one matches, case-insensitive and verbose as
    the dialects compile it, at the code points beside each and at a space."""
    pattern = regex.compile(builtin._class_of(chars), regex.I | regex.X | regex.V0)
    listed = regex.compile("[" + regex.escape(chars, special_only=False) + "]", regex.I)
    for c in (probe, *chars, " ", *(chr(ord(c) + d) for c in chars for d in (-1, 1))):
        assert (pattern.fullmatch(c) is None) == (listed.fullmatch(c) is None), (chars, c)


def test_sp_is_the_marker_blanks() -> None:
    """SP, the marker blanks' class in the dialects' patterns, matches each of
    ``MARKER_BLANKS`` and nothing beside them, as both engines compile it."""
    blanks = set(MARKER_BLANKS)
    for pattern in (regex.compile(SP, regex.I | regex.X | regex.V0), re.compile(SP, re.I | re.X)):
        assert {c for c in map(chr, range(0x10000)) if pattern.fullmatch(c)} == blanks


def test_line_blanks_class_is_its_characters() -> None:
    """The line-start blanks' class (written with ranges) matches each of the characters
    listed for it and nothing beside them, as both engines compile it."""
    blanks = set(dialect._LINE_BLANKS)
    for pattern in (
        regex.compile(dialect._BLANKS[:-1], regex.I | regex.X | regex.V0),
        re.compile(dialect._BLANKS[:-1], re.I | re.X),
    ):
        assert {c for c in map(chr, range(0x10000)) if pattern.fullmatch(c)} == blanks

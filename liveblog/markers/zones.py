"""The zone table: abbreviations, offsets and place phrases, and wall clock to instant.

A zone is named by a *key*, the string an :class:`~liveblog.Entry` shows in ``zone``:
an IANA name (``Europe/London``), ``UTC``, or a fixed offset (``UTC+02:00``).
Abbreviations map to an IANA region read *by date*, so ``10am EST`` written in July
(a common slip for Eastern time) still gives New York's wall clock; the abbreviation's
own standard/daylight flag is kept so that the parser can warn about the mismatch.
``GMT`` and ``UTC`` are fixed: agencies write GMT all year to mean UTC.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
import zoneinfo
from collections.abc import Callable, Iterator

import attrs
import regex

from liveblog.markers.widths import read_int


def _lazy(pattern: str, flags: int = 0) -> Callable[[], regex.Pattern[str]]:
    """A pattern compiled on first use: importing liveblog should not pay for it."""

    @functools.cache
    def compiled() -> regex.Pattern[str]:
        return regex.compile(pattern, flags)

    return compiled


__all__ = [
    "AMBIGUOUS_READINGS",
    "ZONE_ABBREVIATIONS",
    "ZONE_PLACES",
    "ZoneSpec",
    "find_page_zone",
    "find_stamp_zone",
    "get_tzinfo",
    "localize",
    "lookup_zone",
    "offset_key",
]


@attrs.frozen
class ZoneSpec:
    """What a zone abbreviation or phrase means.

    >>> lookup_zone("EDT")
    ZoneSpec(key='America/New_York', daylight=True, ambiguous=False)
    """

    key: str
    """IANA name, ``UTC`` or ``UTC±hh:mm``."""
    daylight: bool | None = None
    """True for a daylight-saving abbreviation (EDT), False for a standard one (EST)."""
    ambiguous: bool = False
    """True when the abbreviation names several zones (IST, CST); ``key`` is the default."""


def _z(key: str, daylight: bool | None = None, *, ambiguous: bool = False) -> ZoneSpec:
    return ZoneSpec(key, daylight, ambiguous)


# Abbreviation -> zone. Ambiguous ones name their documented default (the first reading
# below) and are overridden by the caller's ``tz`` when it has the same offset family.
ZONE_ABBREVIATIONS: dict[str, ZoneSpec] = {
    "GMT": _z("UTC"),
    "UTC": _z("UTC"),
    "UT": _z("UTC"),
    "Z": _z("UTC"),
    "ZULU": _z("UTC"),
    "BST": _z("Europe/London", True),  # British Summer Time (not Bangladesh)
    "WET": _z("Europe/Lisbon", False),
    "WEST": _z("Europe/Lisbon", True),
    "CET": _z("Europe/Paris", False),
    "CEST": _z("Europe/Paris", True),
    "MEZ": _z("Europe/Berlin", False),  # German: CET, CEST, EET, EEST, WET, WEST
    "MESZ": _z("Europe/Berlin", True),
    "OEZ": _z("Europe/Kyiv", False),
    "OESZ": _z("Europe/Kyiv", True),
    "WEZ": _z("Europe/Lisbon", False),
    "WESZ": _z("Europe/Lisbon", True),
    "EET": _z("Europe/Kyiv", False),
    "EEST": _z("Europe/Kyiv", True),
    "MSK": _z("Europe/Moscow"),
    "TRT": _z("Europe/Istanbul"),
    "EAT": _z("Africa/Nairobi"),
    "CAT": _z("Africa/Maputo"),
    "WAT": _z("Africa/Lagos"),
    "SAST": _z("Africa/Johannesburg"),
    "GST": _z("Asia/Dubai"),
    "IRST": _z("Asia/Tehran"),
    "PKT": _z("Asia/Karachi"),
    "IST": _z("Asia/Kolkata", ambiguous=True),  # India; also Irish and Israel Standard Time
    "IDT": _z("Asia/Jerusalem", True),
    "ICT": _z("Asia/Bangkok"),
    "WIB": _z("Asia/Jakarta"),
    "SGT": _z("Asia/Singapore"),
    "HKT": _z("Asia/Hong_Kong"),
    "PHT": _z("Asia/Manila"),
    "JST": _z("Asia/Tokyo"),
    "KST": _z("Asia/Seoul"),
    "AWST": _z("Australia/Perth"),
    "ACST": _z("Australia/Adelaide", False),
    "ACDT": _z("Australia/Adelaide", True),
    "AEST": _z("Australia/Sydney", False),
    "AEDT": _z("Australia/Sydney", True),
    "NZST": _z("Pacific/Auckland", False),
    "NZDT": _z("Pacific/Auckland", True),
    "HST": _z("Pacific/Honolulu"),
    "AKST": _z("America/Anchorage", False),
    "AKDT": _z("America/Anchorage", True),
    "PT": _z("America/Los_Angeles"),
    "PST": _z("America/Los_Angeles", False),
    "PDT": _z("America/Los_Angeles", True),
    "MT": _z("America/Denver"),
    "MST": _z("America/Denver", False),
    "MDT": _z("America/Denver", True),
    "CT": _z("America/Chicago"),
    "CST": _z("America/Chicago", False, ambiguous=True),  # US Central; also China
    "CDT": _z("America/Chicago", True),
    "ET": _z("America/New_York"),
    "EST": _z("America/New_York", False),
    "EDT": _z("America/New_York", True),
    "AST": _z("America/Halifax", False, ambiguous=True),  # Atlantic; also Arabia
    "ADT": _z("America/Halifax", True),
    "BRT": _z("America/Sao_Paulo"),
    "ART": _z("America/Argentina/Buenos_Aires"),
}

# The readings of each ambiguous abbreviation, by its default's key (the default first).
AMBIGUOUS_READINGS: dict[str, tuple[str, ...]] = {
    "Asia/Kolkata": ("Asia/Kolkata", "Europe/Dublin", "Asia/Jerusalem"),  # IST
    "America/Chicago": ("America/Chicago", "Asia/Shanghai"),  # CST
    "America/Halifax": ("America/Halifax", "Asia/Riyadh"),  # AST
}

# Spelled-out zone names ("Eastern", "British Summer Time") and place phrases
# ("Paris time", "local time in Ukraine"): lower-case place or name -> IANA region.
ZONE_PLACES: dict[str, str] = {
    "greenwich mean time": "UTC",
    "universal time": "UTC",
    "coordinated universal time": "UTC",
    "british summer time": "Europe/London",
    "british time": "Europe/London",
    "uk": "Europe/London",
    "uk time": "Europe/London",
    "britain": "Europe/London",
    "london": "Europe/London",
    "ireland": "Europe/Dublin",
    "dublin": "Europe/Dublin",
    "central european time": "Europe/Paris",
    "central european summer time": "Europe/Paris",
    "paris": "Europe/Paris",
    "france": "Europe/Paris",
    "brussels": "Europe/Brussels",
    "berlin": "Europe/Berlin",
    "germany": "Europe/Berlin",
    "madrid": "Europe/Madrid",
    "rome": "Europe/Rome",
    "warsaw": "Europe/Warsaw",
    "poland": "Europe/Warsaw",
    "eastern european time": "Europe/Kyiv",
    "kyiv": "Europe/Kyiv",
    "kiev": "Europe/Kyiv",
    "ukraine": "Europe/Kyiv",
    "moscow": "Europe/Moscow",
    "russia": "Europe/Moscow",
    "istanbul": "Europe/Istanbul",
    "turkey": "Europe/Istanbul",
    "israel": "Asia/Jerusalem",
    "jerusalem": "Asia/Jerusalem",
    "gaza": "Asia/Gaza",
    "beirut": "Asia/Beirut",
    "lebanon": "Asia/Beirut",
    "tehran": "Asia/Tehran",
    "iran": "Asia/Tehran",
    "dubai": "Asia/Dubai",
    "india": "Asia/Kolkata",
    "delhi": "Asia/Kolkata",
    "beijing": "Asia/Shanghai",
    "china": "Asia/Shanghai",
    "hong kong": "Asia/Hong_Kong",
    "tokyo": "Asia/Tokyo",
    "japan": "Asia/Tokyo",
    "seoul": "Asia/Seoul",
    "korea": "Asia/Seoul",
    "sydney": "Australia/Sydney",
    "nairobi": "Africa/Nairobi",
    "kenya": "Africa/Nairobi",
    "eastern": "America/New_York",
    "eastern time": "America/New_York",
    "new york": "America/New_York",
    "washington": "America/New_York",
    "central": "America/Chicago",
    "central time": "America/Chicago",
    "mountain": "America/Denver",
    "pacific": "America/Los_Angeles",
    "pacific time": "America/Los_Angeles",
    "los angeles": "America/Los_Angeles",
}

# "GMT+2", "UTC+03:00", "UTC -5", "GMT+0530"
_OFFSET = _lazy(r"(?:GMT|UTC)\s?(?P<sign>[+\-−–])\s?(?P<h>\d{1,2})(?::?(?P<m>\d{2}))?", regex.I)


def offset_key(minutes: int) -> str:
    """Key of a fixed offset given in minutes east of UTC.

    >>> offset_key(-330), offset_key(0)
    ('UTC-05:30', 'UTC')
    """
    if minutes == 0:
        return "UTC"
    sign = "+" if minutes > 0 else "-"
    h, m = divmod(abs(minutes), 60)
    return f"UTC{sign}{h:02d}:{m:02d}"


# cached: a page writes the same few zones on every marker (a ZoneSpec is frozen)
@functools.lru_cache(maxsize=256)
def lookup_zone(text: str) -> ZoneSpec | None:
    """Read a zone written in a marker or a page: abbreviation, offset or place.

    >>> lookup_zone("gmt+2").key, lookup_zone("Kyiv time").key, lookup_zone("XYZ")
    ('UTC+02:00', 'Europe/Kyiv', None)
    """
    word = " ".join(text.replace(".", "").split())
    spec = ZONE_ABBREVIATIONS.get(word.upper())
    if spec is not None:
        return spec
    m = _OFFSET().fullmatch(word)
    if m is not None:
        hours, mins = read_int(m["h"]), read_int(m["m"] or "0")
        if hours > 14 or mins >= 60:
            return None
        total = hours * 60 + mins
        return ZoneSpec(offset_key(-total if m["sign"] != "+" else total))
    low = word.lower()
    for prefix in ("local time in ", "time in "):
        if low.startswith(prefix):
            low = low[len(prefix) :]
    if low.endswith(" time") and low not in ZONE_PLACES:
        low = low[: -len(" time")]
    low = low.removeprefix("the ")
    key = ZONE_PLACES.get(low)
    return None if key is None else ZoneSpec(key)


@functools.cache
def get_tzinfo(key: str) -> dt.tzinfo:
    """The tzinfo for a zone key; IANA names come from the system or dateutil's copy.

    Only zone names and ``UTC±HH:MM`` are keys: not the machine's own zone (``""``,
    ``localtime``, a file's path), which would make a parse depend on where it runs,
    nor a POSIX TZ string (``GMT+3``, three hours *west* of Greenwich), which dateutil
    would read, nor the zone directory's files that are no place's zone
    (:data:`_NOT_ZONES`). The tz database's old names (``US/Eastern``, ``GB``,
    ``EST5EDT``, ``Etc/GMT+3``) are zones.

    >>> get_tzinfo("UTC+02:00").utcoffset(None)
    datetime.timedelta(seconds=7200)
    >>> get_tzinfo("GMT+3")
    Traceback (most recent call last):
    ...
    ValueError: unknown time zone 'GMT+3'
    """
    if key == "UTC":
        return dt.UTC
    if key.startswith("UTC") and len(key) == 9 and _OFFSET_KEY.fullmatch(key):
        sign = 1 if key[3] == "+" else -1
        return dt.timezone(sign * dt.timedelta(hours=int(key[4:6]), minutes=int(key[7:9])))
    msg = f"unknown time zone {key!r}"
    if (
        not _ZONE_NAME.fullmatch(key)
        or key.lower() in _NOT_ZONES
        or key.split("/", 1)[0].lower() in _NOT_ZONE_FOLDERS
    ):
        raise ValueError(msg)
    try:
        return zoneinfo.ZoneInfo(key)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError, OSError):
        # dateutil carries its own copy of the zone database: the fallback where the
        # system has none (imported here, as most runs never need it)
        from dateutil import tz as dateutil_tz  # noqa: PLC0415

        try:
            found = dateutil_tz.gettz(key)
        except (ValueError, OSError, Warning):
            # a key too long for a file name, or reaching outside the zone directory
            # (dateutil's DeprecatedTzKeyWarning, an error by default)
            found = None
        # a name no zone file has is read as a POSIX TZ string ("XYZ+3"): no zone
        if found is None or isinstance(found, dateutil_tz.tzstr | dateutil_tz.tzlocal):
            raise ValueError(msg) from None
        return found


# UTC+02:00, UTC-05:30: the keys of fixed offsets (offset_key)
_OFFSET_KEY = re.compile(r"UTC[+-](?:[01][0-9]|2[0-3]):[0-5][0-9]")
# the shape of an IANA zone name (Europe/London, America/Port-au-Prince, Etc/GMT+3):
# no path, no leading colon, no blank
_ZONE_NAME = re.compile(r"[A-Za-z][A-Za-z0-9_+-]*(?:/[A-Za-z0-9_+-]+)*")
# Files of a zone directory that read as zones but are no place's zone (lower case: a
# case-blind file system finds them whatever the case):
_NOT_ZONES = frozenset(
    {
        # the machine's own zone: a parse would depend on where it runs
        "localtime",
        # the rules zic gives a POSIX TZ string without any (America/New_York's, on
        # most systems): an alias file that few systems still install
        "posixrules",
        # offset 0 named "-00", "local time unknown": UTC without saying so
        "factory",
    }
)
# Folders of a zone directory whose zones users do not mean: posix/ (a copy of every
# zone under another name, on some systems only: Europe/London is the name), right/
# (zones counting leap seconds, so every change falls 27 s off in Python, which counts
# none) and SystemV/ (fixed-rule zones removed from the database in 2020, left on old
# systems only)
_NOT_ZONE_FOLDERS = frozenset({"posix", "right", "systemv"})


@functools.lru_cache(maxsize=4096)
def localize(day: dt.date, clock: dt.time, key: str, *, fold: int = 0) -> dt.datetime:
    """The instant of wall-clock ``clock`` on ``day`` in zone ``key``, as a fixed offset.

    Wall times that a DST change skips or repeats take the offset in force before the
    change, unless ``fold=1`` asks for the one after it (the second pass through a
    repeated hour).

    >>> localize(dt.date(2024, 7, 1), dt.time(10, 0), "America/New_York").isoformat()
    '2024-07-01T10:00:00-04:00'
    >>> localize(dt.date(2024, 10, 27), dt.time(1, 30), "Europe/London", fold=1).isoformat()
    '2024-10-27T01:30:00+00:00'
    """
    local = dt.datetime.combine(day, clock, tzinfo=get_tzinfo(key)).replace(fold=fold)
    offset = local.utcoffset()
    assert offset is not None  # every tzinfo from get_tzinfo answers for any datetime
    return dt.datetime.combine(day, clock, tzinfo=_fixed_zone(offset))


@functools.cache
def _fixed_zone(offset: dt.timedelta) -> dt.timezone:
    """One shared ``timezone`` per UTC offset (``UTC`` itself for zero)."""
    return dt.timezone(offset) if offset else dt.UTC


def is_repeated(day: dt.date, clock: dt.time, key: str) -> bool:
    """True when zone ``key`` shows wall-clock ``clock`` twice on ``day``: the clocks
    went back over it.

    >>> is_repeated(dt.date(2024, 10, 27), dt.time(1, 30), "Europe/London")
    True
    >>> is_repeated(dt.date(2024, 3, 31), dt.time(1, 30), "Europe/London")  # skipped
    False
    """
    if not _falls_back(day, key):
        return False  # most days: the zone's clocks do not go back that day
    local = dt.datetime.combine(day, clock, tzinfo=get_tzinfo(key))
    first, second = local.utcoffset(), local.replace(fold=1).utcoffset()
    assert first is not None  # every tzinfo from get_tzinfo answers for any datetime
    assert second is not None
    return second < first


@functools.lru_cache(maxsize=4096)
def _falls_back(day: dt.date, key: str) -> bool:
    """Whether zone ``key`` is further behind UTC at the end of ``day`` than at its start
    (its clocks go back that day), reading midnight at either end on the side that
    shows it: an hour repeated across either midnight counts."""
    if day == dt.date.max:
        return False  # no next midnight to read (a calendar's end: no zone rule reaches it)
    tzinfo = get_tzinfo(key)
    start = dt.datetime.combine(day, dt.time(), tzinfo=tzinfo)
    end = start + dt.timedelta(days=1)  # wall-clock arithmetic: the next midnight
    first, last = start.utcoffset(), end.replace(fold=1).utcoffset()
    assert first is not None  # as in is_repeated
    assert last is not None
    return last < first


def is_daylight(day: dt.date, clock: dt.time, key: str) -> bool:
    """True when zone ``key`` observes daylight saving time at that wall-clock time."""
    local = dt.datetime.combine(day, clock, tzinfo=get_tzinfo(key))
    return bool(local.dst())


# "All times are Paris time (GMT+1)." | "Times are local time in Kyiv" | "All times GMT"
# | "Time stamps refer to local time in Ukraine" | "All times stated are UK"
# | "Alle Zeiten MEZ." | "Alle Zeitangaben in MESZ" | "(Uhrzeiten in MEZ)"
# | "Toutes les heures sont données en heure de Paris." | "(heure de Paris)"
# | "Les horaires sont indiqués à l'heure de Paris."
_STATEMENT_STARTS = "\r\n([.:;!?"
"""The characters after which a page's statement of its zone can start (or the text's start)."""


def _char_class(chars: str) -> str:
    r"""A character class of ``chars``, each written as an escape (verbose-mode safe).

    >>> _char_class("\n(.")
    '[\\n\\(\\.]'
    """
    return "[" + "".join({"\r": r"\r", "\n": r"\n"}.get(c, "\\" + c) for c in chars) + "]"


_PAGE_ZONE = _lazy(
    rf"""
    (?:^|(?<={_char_class(_STATEMENT_STARTS)}))[^\S\r\n]*\(?
    (?: (?:all\s+)?(?:time\s?stamps?|timestamps?|times?)
        (?:\s+(?:are|is|shown|given|stated|listed|quoted|displayed|refer\s+to|in|as))*
      | (?:alle\s+)?(?:uhrzeiten|zeitangaben|zeiten)(?:\s+(?:sind|in))*    # German
      | (?:toutes\s+)?(?:les\s+)?(?:heures?|horaires)                      # French
        (?:\s+(?:sont|(?:donn|indiqu|exprim|affich)ée?s|en))*
        (?:\s+(?:à\s+l['’]\s?)?heure)?(?:\s+de)?
    )\s+
    (?P<phrase>[^.;:!?\r\n()]{{1,60}}(?:\([^()\r\n]{{1,20}}\))?)
    """,
    regex.IGNORECASE | regex.VERBOSE | regex.MULTILINE,
)
# "(GMT+2)" on its own in the preamble, maybe after the zone's names: "(NPT, GMT+5:45)"
_BARE_OFFSET = _lazy(
    r"\((?:[^()\r\n\d]{0,30}[\s,;:/])?(?P<phrase>(?:GMT|UTC)\s?[+\-−]\s?\d{1,2}(?::?\d\d)?)\)"
)
_LOCAL = _lazy(r"local(?:\s+time)?\s*(?:$|\()", regex.IGNORECASE)


def _read_phrase(phrase: str) -> str | None:
    """Try the phrase's leading words, longest first, then an offset in brackets."""
    inside = regex.search(r"\(([^()]*)\)", phrase)
    words = phrase.split("(", maxsplit=1)[0].split()
    for n in range(min(len(words), 6), 0, -1):
        spec = lookup_zone(" ".join(words[:n]))
        if spec is not None:
            return spec.key
    if inside is not None:
        spec = lookup_zone(inside.group(1))
        if spec is not None:
            return spec.key
    return None


# what may stand between a statement's start and its "time", "zeit" or "heure" word
# (besides blanks): "(", "all", "alle", "Uhr" (in "Uhrzeiten"), "toutes les"
_BEFORE_TIME_WORD = frozenset("(alALeEuUhHrRtToOsS")


_TIME_WORDS = (b"time", b"zeit", b"heure", b"horaire")


class _TimeWords:
    """The places of the "time" words (English, German, French) in a lowered text, in
    order: each word's next place is looked for again only once it is passed, so that
    the words cost one C-speed scan of the text each, however many there are."""

    __slots__ = ("_low", "_next")

    def __init__(self, low: bytes) -> None:
        self._low = low
        self._next = [low.find(word) for word in _TIME_WORDS]

    def after(self, start: int) -> int:
        """The place of the first "time" word at or after ``start``; -1 if none."""
        best = -1
        for i, seen in enumerate(self._next):
            at = seen
            if 0 <= at < start:
                at = self._next[i] = self._low.find(_TIME_WORDS[i], start)
            if at >= 0 and (best < 0 or at < best):
                best = at
        return best


# U+0130 (İ), the one character that str.lower() lengthens (to "i" and a combining dot)
_LENGTHENS = "\u0130"


def _ascii_lowered(text: str) -> bytes:
    """``text.lower()``'s ASCII letters, one byte a character, at the same places, and
    ``?`` for every other character: no character but U+0130, which the caller rules
    out, and the Kelvin sign (lowered to ``k``) lowers to an ASCII letter, and on
    ``str.lower`` a text of curly quotes or accents takes the slow path of a lower-case
    look-up for each character.

    >>> _ascii_lowered("All Times ‘GMT’")
    b'all times ?gmt?'
    """
    return text.encode("ascii", "replace").lower()


def _page_zone_statements(text: str) -> Iterator[regex.Match[str]]:
    """The matches of the page-zone pattern, as ``finditer`` gives them, found faster.

    Every statement holds a "time" word (in German "zeit", in French "heure" or
    "horaire"); the pattern is tried only at the few places where a statement holding
    the next such word can start (after a line break or punctuation, with blanks, "(", "all", "alle"
    or "toutes les" before the word, or "Uhr" glued to it), instead of at every
    character of the text.
    """
    if _LENGTHENS in text:  # a letter that lengthens when lowered: offsets would move
        yield from _PAGE_ZONE().finditer(text)
        return
    pattern = _PAGE_ZONE()
    done = 0  # matches never overlap: the next starts where the last ended
    words = _TimeWords(_ascii_lowered(text))
    word = words.after(0)
    while word >= 0:
        start = word
        while start > done and (text[start - 1] in _BEFORE_TIME_WORD or text[start - 1].isspace()):
            start -= 1
        found = None
        for s in range(start, word + 1):
            if s == 0 or text[s - 1] in _STATEMENT_STARTS:
                found = pattern.match(text, s)
                if found is not None:
                    break
        if found is not None:
            yield found
            done = found.end()
        word = words.after(max(word + 1, done))


def find_page_zone(
    text: str, *, preamble_end: int | None = None
) -> tuple[str | None, tuple[int, int] | None]:
    """Find a zone the page states once for all its times; return (key, span).

    >>> find_page_zone("Live updates. All times are Paris time (GMT+1).\\n\\n14:32 ...")[0]
    'Europe/Paris'
    >>> find_page_zone("Times are local time in Kyiv (GMT+3)")[0]
    'Europe/Kyiv'
    >>> find_page_zone("Latest news (GMT+2)\\n\\n14:32 x", preamble_end=19)[0]
    'UTC+02:00'
    >>> find_page_zone("(all times local) (NPT, GMT+5:45)\\n\\n09:40 NPT: x", preamble_end=33)[0]
    'UTC+05:45'
    """
    for m in _page_zone_statements(text):
        phrase = m["phrase"].strip()
        if _LOCAL().match(phrase) and "(" not in phrase:
            continue  # "(all times local)": the caller's tz applies
        key = _read_phrase(phrase)
        if key is not None:
            return key, m.span("phrase")
    head = text if preamble_end is None else text[:preamble_end]
    bare = _BARE_OFFSET().search(head)
    if bare is not None:
        spec = lookup_zone(bare["phrase"])
        if spec is not None:
            return spec.key, bare.span("phrase")
    return None, None


# A page's own stamp: a clock and a zone abbreviation ("Sat 1 Jun 2024 22.14 BST") on a
# short line that writes a year or opens with "Updated" / "Last modified on" / "Published".
_STAMP_CLOCK = _lazy(
    r"(?<![\d.:])[0-2]?\d[:.][0-5]\d(?:[ \t]?[ap]\.?[ \t]?m\b\.?)?[ \t]*"
    r"(?-i:(?P<zone>[A-Z]{2,5}))\b",
    regex.IGNORECASE,
)
_STAMP_WORDS = _lazy(
    r"(?:last\s+)?(?:updated|modified|published|posted)\b|.*\b(?:19|20)\d\d\b", regex.I
)
_STAMP_LINE_MAX = 100
_STAMP_REACH = 1500  # the stamp stands near the top of the page


def find_stamp_zone(text: str, start: int, end: int) -> str | None:
    """The zone the page's own stamp states in ``text[start:end]`` (its preamble): a
    short line with a clock, an unambiguous zone abbreviation, and a year or an opening
    ``Updated`` / ``Last modified`` / ``Published``; None when there is none.

    >>> find_stamp_zone("Final – live\\nSat 1 Jun 2024 22.14 BST\\n", 0, 37)
    'Europe/London'
    >>> find_stamp_zone("Kick-off is at 20:00 BST at Wembley.", 0, 36) is None
    True
    """
    for written in text[start : min(end, start + _STAMP_REACH)].splitlines():
        line = written.strip()
        if len(line) > _STAMP_LINE_MAX or not _STAMP_WORDS().match(line):
            continue
        m = _STAMP_CLOCK().search(line)
        spec = None if m is None else lookup_zone(m["zone"])
        if spec is not None and not spec.ambiguous:
            return spec.key
    return None

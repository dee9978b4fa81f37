"""The Dialect contract, the Marker it yields, and reading a time from a match.

A *dialect* is one way a blog writes its entry markers (``UPDATE 1548 GMT:``,
``9:45am:``...). It is a small object with a ``name`` and a ``scan(text)`` method that
yields :class:`Marker` candidates; it must not mutate anything, do I/O or read the
clock. Most dialects are a :class:`PatternDialect`: one compiled ``regex`` whose named
groups say where the parts of the time are, read by :func:`read_match`.

Named groups a pattern may use (all optional):

========================  ==========================================================
``marker``                the marker as written (default: the match minus separators)
``hour`` ``minute``       clock time; ``second``; ``hhmm`` for ``1548``
``ampm``                  ``am``/``pm``/``a.m.``; ``noon`` for the words noon/midnight
``zone``                  abbreviation, offset or place phrase (``GMT``, ``GMT+2``)
``hour2`` ``minute2``     a second clock of the same instant, with ``ampm2`` ``zone2``
``day`` ``month``         date parts (month as a number or a name); ``year``
``iso``                   an ISO 8601 date-time (``2024-01-22T15:48:00Z``)
``age`` ``unit``          a relative age (``2h ago``: age=2, unit=h); ``age2``
                          ``unit2``, its second part (``1 hr 5 min ago``)
``headline``              the entry's headline when the marker line carries it
========================  ==========================================================
"""

from __future__ import annotations

import datetime as dt
import functools
import operator
import re
from collections.abc import Callable, Iterator, Sequence
from itertools import compress
from typing import Final, Literal, Protocol, TypeAlias, TypeVar, runtime_checkable

import attrs
import regex

from liveblog.markers.twin import ascii_twin, group_copies
from liveblog.markers.widths import read_int
from liveblog.markers.zones import ZoneSpec, lookup_zone
from liveblog.model import Span, unchecked_span

__all__ = [
    "MARKER_SEPARATORS",
    "NEVER_IN_NAMES",
    "NOT_NAMES_ALONE",
    "Dialect",
    "LineScan",
    "Marker",
    "MarkerKind",
    "PatternDialect",
    "age_length",
    "checked_markers",
    "line_start",
    "needle_found",
    "read_match",
    "writes_day_first",
]

MarkerKind: TypeAlias = Literal["entry", "opening", "closing", "day-header"]
AnyMatch: TypeAlias = "regex.Match[str] | re.Match[str]"  # a pattern's, or its twin's
HeadlinePlace: TypeAlias = Literal["none", "next-line"]

# Start of a line (after LF, CRLF or a lone CR) and the blanks that may precede a marker:
# white space, and the zero-width characters (a stray byte-order mark) pasted pages keep.
# (one class: what ``[^\S\r\n]`` matches, U+200B-U+200F, U+2060, U+2066-U+2069 and
# U+FEFF: the directional marks and isolates of a copy of a right-to-left page too)
_BLANKS = (
    r"[\t\x0b-\x0c\x20\x85\xa0\u1680\u2000-\u200f\u2028-\u2029\u202f\u205f\u2060"
    r"\u2066-\u2069\u3000\ufeff]*"
)
LINE_START = r"(?<![^\r\n])" + _BLANKS
MARKER_BLANKS: Final = (
    " \t\u00a0\u202f\u2007\u200b\u200c\u200d\u200e\u200f\u2060\u2066\u2067\u2068\u2069\ufeff"
)
"""Blanks inside a marker: space, tab, no-break and narrow no-break spaces, figure space,
the zero-width characters pages leave between words, and the directional marks (U+200E,
U+200F) and isolates (U+2066-U+2069: LRI, RLI, FSI, PDI) a copy of a right-to-left page
keeps around a time. The built-in patterns' ``SP`` is their class; the candidate lines
and the choice strip them."""
_LEADING_BLANKS = re.compile(_BLANKS)
# the characters of _BLANKS
_LINE_BLANKS = (
    "\t\x0b\x0c\x20\x85\xa0\u1680"
    + "".join(map(chr, range(0x2000, 0x2010)))
    + ("\u2028\u2029\u202f\u205f\u2060\u2066\u2067\u2068\u2069\u3000\ufeff")
)


@functools.cache
def _both_cases(chars: str) -> frozenset[str]:
    """The lower-case characters ``chars`` and their upper case."""
    return frozenset(chars + chars.upper())


def _first_char(text: str, start: int, end: int) -> str:
    """The first character of ``text[start:end]`` after the blanks a line pattern skips
    (``""`` when there is none).

    >>> _first_char("\\u3000 (9:05 GMT)", 0, 9), _first_char("  ", 0, 2)
    ('(', '')
    """
    found = _LEADING_BLANKS.match(text, start, end)
    assert found is not None  # the blanks may be none
    return text[found.end() : found.end() + 1] if found.end() < end else ""


MONTHS: dict[str, int] = {
    name: number
    for number, names in enumerate(
        [
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ],
        start=1,
    )
    for name in names
}

_WEEKDAYS: dict[str, int] = {
    name: number for number, name in enumerate(("mon", "tue", "wed", "thu", "fri", "sat", "sun"))
}

# French and German month and weekday names (and Dutch, Swedish, Norwegian and Danish
# ones), read only in day headers (``Lundi 22 janvier 2024``, ``Montag, 22. Januar``,
# ``maandag 22 januari 2024``) and in the foreign-dated dialect's stamps (``Montag, 22.
# Januar 2024, 18:05 Uhr``): "mars" or "Mai" in English prose is no month.
FOREIGN_MONTHS: dict[str, int] = {
    name: number
    for number, names in enumerate(
        [
            ("janvier", "janv", "januar", "jänner", "januari"),
            ("février", "fevrier", "févr", "fevr", "februar", "febr", "februari"),
            ("mars", "märz", "maerz", "mrz", "mär", "maart", "mrt", "marts"),
            ("avril", "avr"),
            ("mai", "mei", "maj"),
            ("juin", "juni"),
            ("juillet", "juil", "juli"),
            ("août", "aout", "aug", "augustus", "augusti"),
            ("septembre", "sept", "sep"),
            ("octobre", "oktober", "okt"),
            ("novembre", "nov"),
            ("décembre", "decembre", "déc", "dezember", "dez", "desember"),
        ],
        start=1,
    )
    for name in names
}

# Spanish, Italian and Portuguese month and weekday names, read only in day headers
# (``Lunes, 22 de enero de 2024``, ``Lunedì 22 gennaio 2024``, ``Segunda-feira, 22 de
# janeiro de 2024``): "mayo" or "marzo" in English prose is no month.
ROMANCE_MONTHS: dict[str, int] = {
    name: number
    for number, names in enumerate(
        [
            ("enero", "gennaio", "janeiro"),
            ("febrero", "febbraio", "fevereiro"),
            ("marzo", "março", "marco"),
            ("abril", "aprile"),
            ("mayo", "maggio", "maio"),
            ("junio", "giugno", "junho"),
            ("julio", "luglio", "julho"),
            ("agosto",),
            ("septiembre", "setiembre", "settembre", "setembro"),
            ("octubre", "ottobre", "outubro"),
            ("noviembre", "novembre", "novembro"),
            ("diciembre", "dicembre", "dezembro"),
        ],
        start=1,
    )
    for name in names
}

# (Portuguese weekdays with and without their "-feira": Segunda-feira | Segunda)
ROMANCE_WEEKDAYS: dict[str, int] = {
    name: number
    for number, names in enumerate(
        [
            ("lunes", "lunedì", "lunedi", "segunda", "segunda-feira"),
            ("martes", "martedì", "martedi", "terça", "terca", "terça-feira", "terca-feira"),
            ("miércoles", "miercoles", "mercoledì", "mercoledi", "quarta", "quarta-feira"),
            ("jueves", "giovedì", "giovedi", "quinta", "quinta-feira"),
            ("viernes", "venerdì", "venerdi", "sexta", "sexta-feira"),
            ("sábado", "sabado", "sabato"),
            ("domingo", "domenica"),
        ]
    )
    for name in names
}

# Polish month (genitive, as dates write them) and weekday names, with and without their
# diacritics (a copy may lose them), read only in day headers: ``poniedziałek, 22
# stycznia 2024``
POLISH_MONTHS: dict[str, int] = {
    name: number
    for number, names in enumerate(
        [
            ("stycznia",),
            ("lutego",),
            ("marca",),
            ("kwietnia",),
            ("maja",),
            ("czerwca",),
            ("lipca",),
            ("sierpnia",),
            ("września", "wrzesnia"),
            ("października", "pazdziernika"),
            ("listopada",),
            ("grudnia",),
        ],
        start=1,
    )
    for name in names
}
POLISH_WEEKDAYS: dict[str, int] = {
    name: number
    for number, names in enumerate(
        [
            ("poniedziałek", "poniedzialek"),
            ("wtorek",),
            ("środa", "sroda"),
            ("czwartek",),
            ("piątek", "piatek"),
            ("sobota",),
            ("niedziela",),
        ]
    )
    for name in names
}

# Words that are never a word of a byline's author, however capitalised: weekdays' names
# as dates read them (English, French, German, Dutch and Nordic; French and German
# abbreviations only with their dot: "Sam." is samedi, "Sam" a name; "Sun" is a
# surname too), update
# keywords, days relative to the page and the byline's own "by"
# ("Monday 22 January 2024 13.51 GMT" is a stamp, not Monday's byline).
WEEKDAY_NAMES = (
    *("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"),
    *("mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat"),
)
# Dutch, Swedish, Norwegian and Danish weekdays' names, Monday first (day headers:
# maandag 22 januari 2024 | måndag 22 januari | mandag 22. januar 2024)
NORDIC_WEEKDAYS = (
    ("maandag", "måndag", "mandag"),
    ("dinsdag", "tisdag", "tirsdag"),
    ("woensdag", "onsdag"),
    ("donderdag", "torsdag"),
    ("vrijdag", "fredag"),
    ("zaterdag", "lördag", "lørdag"),
    ("zondag", "söndag", "søndag"),
)
NEVER_IN_NAMES = (
    *WEEKDAY_NAMES,
    *("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche", "montag"),
    *("dienstag", "mittwoch", "donnerstag", "freitag", "samstag", "sonnabend", "sonntag"),
    *(name for names in NORDIC_WEEKDAYS for name in names),
    *("lun.", "mer.", "jeu.", "ven.", "sam.", "dim.", "mo.", "di.", "mi.", "do.", "fr."),
    *("sa.", "so."),
    *("update", "updated", "correction", "aktualisierung", "erstmeldung", "mise", "posted"),
    *("edited", "added", "published", "last"),
    *("today", "yesterday", "tomorrow", "tonight", "noon", "midday", "midnight", "earlier"),
    "by",
)
# Words that are no author's name alone, nor with only the words above: months' names,
# English, French, German, Spanish, Italian, Portuguese and Polish (May, June, April,
# Marco and Maja are names too: "Theresa May", "June Sarpong", "Marco Rossi", "Maja
# Nowak"), Spanish, Italian, Portuguese and Polish weekdays' names (Domingo is a name
# too: "Plácido Domingo", "Domingo Pérez"), parts of the day ("Evening Standard"),
# "now", "maj" (Maj. Gen.) and "sun"
NOT_NAMES_ALONE = (
    *MONTHS,
    *FOREIGN_MONTHS,
    *ROMANCE_MONTHS,
    *ROMANCE_WEEKDAYS,
    *POLISH_MONTHS,
    *POLISH_WEEKDAYS,
    *("sun", "morning", "afternoon", "evening", "night", "now", "maj"),
)


def _spellings(words: tuple[str, ...]) -> frozenset[str]:
    """Each word as an author's word may write it, lower case: a word listed without its
    dot may take one ("Sat." is Saturday's)."""
    return frozenset(w for word in words for w in (word, f"{word}.") if not w.endswith(".."))


_NEVER_NAME_WORDS = _spellings(NEVER_IN_NAMES)
_NO_NAME_WORDS = _NEVER_NAME_WORDS | _spellings(NOT_NAMES_ALONE)


def names_nobody(author: str) -> bool:
    """Whether an author's words name nobody: one of them is never in a name
    (:data:`NEVER_IN_NAMES`), or all of them are months, parts of the day or such
    (:data:`NOT_NAMES_ALONE`): the patterns' test, in Python.

    >>> names_nobody("Jane Today"), names_nobody("May June"), names_nobody("June Sarpong")
    (True, True, False)
    """
    words = author.lower().split()
    return not _NEVER_NAME_WORDS.isdisjoint(words) or _NO_NAME_WORDS.issuperset(words)


_FOREIGN_WEEKDAYS: dict[str, int] = (
    {
        name: number
        for number, names in enumerate(
            [
                ("lundi", "montag", "lun", "mo", *NORDIC_WEEKDAYS[0]),
                ("mardi", "dienstag", "mar", "di", *NORDIC_WEEKDAYS[1]),
                ("mercredi", "mittwoch", "mer", "mi", *NORDIC_WEEKDAYS[2]),
                ("jeudi", "donnerstag", "jeu", "do", *NORDIC_WEEKDAYS[3]),
                ("vendredi", "freitag", "ven", "fr", *NORDIC_WEEKDAYS[4]),
                ("samedi", "samstag", "sonnabend", "sam", "sa", *NORDIC_WEEKDAYS[5]),
                ("dimanche", "sonntag", "dim", "so", *NORDIC_WEEKDAYS[6]),
            ]
        )
        for name in names
    }
    | ROMANCE_WEEKDAYS
    | POLISH_WEEKDAYS
)


def _weekday_number(text: str) -> int | None:
    """The weekday (Monday 0) a weekday name gives, English, French, German, Spanish,
    Italian or Portuguese.

    >>> _weekday_number("Tues"), _weekday_number("Sonnabend"), _weekday_number("Lundi")
    (1, 5, 0)
    """
    lower = text.lower().rstrip(".")
    return _WEEKDAYS.get(lower[:3], _FOREIGN_WEEKDAYS.get(lower))


_AGE_UNITS: dict[str, dt.timedelta] = {
    "s": dt.timedelta(seconds=1),
    "sec": dt.timedelta(seconds=1),
    "second": dt.timedelta(seconds=1),
    "m": dt.timedelta(minutes=1),
    "min": dt.timedelta(minutes=1),
    "mins": dt.timedelta(minutes=1),
    "minute": dt.timedelta(minutes=1),
    "h": dt.timedelta(hours=1),
    "hr": dt.timedelta(hours=1),
    "hrs": dt.timedelta(hours=1),
    "hour": dt.timedelta(hours=1),
    "d": dt.timedelta(days=1),
    "day": dt.timedelta(days=1),
    "w": dt.timedelta(weeks=1),
    "week": dt.timedelta(weeks=1),
}

# What may stand between a marker and its text: blanks and punctuation.
MARKER_SEPARATORS = " \t\u00a0\u202f:-–—.,|"


@attrs.frozen
class Marker:
    """A place in the text that opens an entry (or sets the day), and what it states."""

    span: Span
    """The marker as written (what :attr:`Entry.marker` shows)."""
    match: Span
    """The whole match, separators included: removed from the entry's body."""
    dialect: str
    """Name of the dialect that found it."""
    kind: MarkerKind = "entry"
    """``entry`` opens an entry; ``opening`` opens the first, untimed one; ``closing``
    ends its entry (a byline after the text); ``day-header`` only sets the day of the
    entries below it."""
    clock: dt.time | None = None
    """The wall-clock time stated."""
    day: dt.date | None = None
    """The full date stated, when it has a year."""
    month_day: tuple[int, int] | None = None
    """(month, day) stated without a year."""
    zone: ZoneSpec | None = None
    """The zone stated, when known."""
    zone_text: str = ""
    """The zone as written (kept to name an unknown abbreviation)."""
    age: dt.timedelta | None = None
    """A relative age (``2h ago``) to subtract from the page's ``now``."""
    headline: str | None = None
    """The headline the marker line carries."""
    author: str | None = None
    """The author the marker names (``7:25 Jane Doe:``)."""
    shape: str = ""
    """How the marker is written (digits, separator, am/pm, zone, date), to spot
    candidates that do not look like the page's other markers."""
    headline_next: bool = False
    """True when the line after the marker is the entry's headline."""
    problem: str | None = None
    """Why the marker cannot be read (``invalid clock time '2561'``), else None."""
    weekday: int | None = None
    """The weekday stated (Monday is 0), to check or advance the day."""
    has_ampm: bool = False
    """True when the clock states am/pm (or noon/midnight)."""
    bare12: bool = False
    """True for a clock that could be 12-hour but states no am/pm (``4:12``)."""
    alt_clock: dt.time | None = None
    """A second clock for the same instant (``9:42am EST, 5:42pm EAT``)."""
    alt_zone: ZoneSpec | None = None
    """The zone of ``alt_clock``."""
    start: int = -1
    """Where the entry begins (before ``match`` when a headline stands above it)."""
    pinned: bool = False
    """True when the page pins the entry above the others (``Pinned`` above it): it
    stands out of their order."""
    number: int | None = None
    """The post's number on a page of numbered posts (``Post 14``), which gives the
    order when no time does."""
    days_back: int | None = None
    """Days before the page's ``now`` the marker's day is (``Today 09:15``: 0,
    ``Yesterday 18:05``: 1), in the page's zone."""
    label: Span | None = None
    """A post's label apart from the marker, cut from the body as the marker is (``Key
    event`` over the headline above the time), when one opens the entry."""

    def __attrs_post_init__(self) -> None:
        if self.start < 0:
            object.__setattr__(self, "start", self.match.start)

    @property
    def is_timed(self) -> bool:
        """True when the marker states a clock time or an age."""
        return self.clock is not None or self.age is not None

    @property
    def is_strong(self) -> bool:
        """True when the marker states more than a bare clock (a zone, a date, an age)."""
        return bool(self.zone_text) or self.day is not None or self.month_day is not None


_new_tuple = tuple.__new__  # a Span without NamedTuple's __new__, a Python call
_new_object = object.__new__
# each field's slot setter, in the fields' order: a new field of Marker must be named here
# (the unpacking fails at import otherwise) and set in _new_marker
(
    _set_span,
    _set_match,
    _set_dialect,
    _set_kind,
    _set_clock,
    _set_day,
    _set_month_day,
    _set_zone,
    _set_zone_text,
    _set_age,
    _set_headline,
    _set_author,
    _set_shape,
    _set_headline_next,
    _set_problem,
    _set_weekday,
    _set_has_ampm,
    _set_bare12,
    _set_alt_clock,
    _set_alt_zone,
    _set_start,
    _set_pinned,
    _set_number,
    _set_days_back,
    _set_label,
) = (vars(Marker)[field.name].__set__ for field in attrs.fields(Marker))


def _new_marker(  # noqa: PLR0917 - positional: keywords cost more than the rest
    span: Span,
    match: Span,
    dialect: str,
    kind: MarkerKind,
    clock: dt.time | None,
    day: dt.date | None,
    month_day: tuple[int, int] | None,
    zone: ZoneSpec | None,
    zone_text: str,
    age: dt.timedelta | None,
    headline: str | None,
    author: str | None,
    shape: str,
    headline_next: bool,
    problem: str | None,
    weekday: int | None,
    has_ampm: bool,
    bare12: bool,
    alt_clock: dt.time | None,
    alt_zone: ZoneSpec | None,
    start: int,
    days_back: int | None = None,
    /,
) -> Marker:
    """A :class:`Marker` of every field in order (``start`` already defaulted to the
    match's), its slots set directly. ``Marker(...)`` with keywords sets each field by
    name through ``object.__setattr__`` after building a dict of the keywords, which cost
    more than the rest of reading a marker.

    >>> mk = _new_marker(Span(0, 4), Span(0, 5), "d", "entry", None, None, None, None,
    ...                  "", None, None, None, "", False, None, None, False, False, None,
    ...                  None, 0)
    >>> mk == Marker(Span(0, 4), Span(0, 5), "d")
    True
    """
    marker: Marker = _new_object(Marker)
    _set_span(marker, span)
    _set_match(marker, match)
    _set_dialect(marker, dialect)
    _set_kind(marker, kind)
    _set_clock(marker, clock)
    _set_day(marker, day)
    _set_month_day(marker, month_day)
    _set_zone(marker, zone)
    _set_zone_text(marker, zone_text)
    _set_age(marker, age)
    _set_headline(marker, headline)
    _set_author(marker, author)
    _set_shape(marker, shape)
    _set_headline_next(marker, headline_next)
    _set_problem(marker, problem)
    _set_weekday(marker, weekday)
    _set_has_ampm(marker, has_ampm)
    _set_bare12(marker, bare12)
    _set_alt_clock(marker, alt_clock)
    _set_alt_zone(marker, alt_zone)
    _set_start(marker, start)
    _set_pinned(marker, False)  # a post is pinned by what stands above it, never by its marker
    _set_number(marker, None)  # set where a run of post numbers is found (markers.choice)
    _set_days_back(marker, days_back)
    _set_label(marker, None)  # set where a label above opens the entry (markers.choice)
    return marker


@runtime_checkable
class Dialect(Protocol):
    """One way of writing entry markers: a name and a scanner.

    ``scan`` receives the whole text and yields candidate markers in text order. It
    must not mutate its input, do I/O or read the clock; the parser decides per
    document which dialects' candidates become entries. Each marker's offsets stand in
    order within the text (the parse checks those of a dialect that is not a
    :class:`PatternDialect`: :func:`checked_markers`).
    """

    @property
    def name(self) -> str:
        """Unique name, shown in ``Timeline.dialect``."""
        ...

    def scan(self, text: str) -> Iterator[Marker]:
        """Yield candidate markers found in ``text``, in order."""
        ...


class LineScan:
    """The lines of a text that line-start dialects scan, read once for all of them:
    where each ends, the lines each set of opening characters and line needle picks,
    and each shared ``head``'s matches by line (see :meth:`PatternDialect.scan_lines`).

    >>> lines = LineScan("14:32\\nPolice\\n  9am", (0, 6, 13), (0, 6, 13))
    >>> lines.ends, lines.picked("0123456789", None), lines.picked(None, "am")
    ([5, 12, 18], [0, 2], [2])
    """

    __slots__ = ("_firsts", "_picked", "ends", "heads", "origins", "starts", "text")

    def __init__(self, text: str, starts: Sequence[int], origins: Sequence[int]) -> None:
        self.text = text
        self.starts = starts
        self.origins = origins
        self.ends: list[int] = [*(s - 1 for s in starts[1:]), len(text)] if starts else []
        """Where each line ends (before the line break)."""
        self.heads: dict[str, dict[int, AnyMatch | None]] = {}
        """The matches of each ``head`` (or of its twin, at a line of ASCII text), by
        line number."""
        self._firsts: list[str] | None = None  # each line's first character after blanks
        self._picked: dict[tuple[str | None, str | None], list[int]] = {}

    def picked(self, chars: str | None, needle: str | None) -> list[int]:
        """The numbers of the lines, in order, whose first character after blanks is one
        of the lower-case ``chars`` or its upper case (None: any) and that hold a match
        of ``needle`` (a :func:`needle_pattern`; None: any)."""
        key = (chars, needle)
        picked = self._picked.get(key)
        if picked is not None:
            return picked
        if needle is not None:
            search = needle_pattern(needle).search
            text, starts, ends = self.text, self.starts, self.ends
            picked = [k for k in self.picked(chars, None) if search(text, starts[k], ends[k])]
        elif chars is not None:
            if self._firsts is None:
                text = self.text
                # a line opening with more than a dozen blanks opens with none
                self._firsts = [text[s : s + 12].lstrip(MARKER_BLANKS)[:1] for s in self.starts]
            first = _both_cases(chars)
            picked = [k for k, c in enumerate(self._firsts) if c in first]
        else:
            picked = list(range(len(self.starts)))
        self._picked[key] = picked
        return picked


_FLAGS = regex.IGNORECASE | regex.VERBOSE | regex.VERSION0  # of string patterns


def _source(
    pattern: str | regex.Pattern[str], line_start: bool, *, blanks: bool = False
) -> tuple[str, int]:
    """The source and flags :func:`_compile` compiles."""
    prefix = LINE_START if line_start else _BLANKS if blanks else ""
    if isinstance(pattern, regex.Pattern):
        return (
            prefix + "(?:" + pattern.pattern + ")" if prefix else pattern.pattern
        ), pattern.flags
    return prefix + "(?:" + pattern + ")", _FLAGS


def _compile(
    pattern: str | regex.Pattern[str], line_start: bool, *, blanks: bool = False
) -> regex.Pattern[str]:
    if isinstance(pattern, regex.Pattern) and not (line_start or blanks):
        return pattern
    return regex.compile(*_source(pattern, line_start, blanks=blanks))


@attrs.frozen
class PatternDialect:
    """A dialect made of one regular expression with named groups.

    Args:
        name: unique name.
        pattern: a ``regex`` pattern (string patterns are compiled case-insensitive and
            verbose) using the named groups listed in the module docstring.
        kind: what the marker opens (``entry``, ``opening``, ``day-header``).
        line_start: True when the marker must start a line (after optional blanks).
        headline: ``next-line`` when the line after a bare marker is the headline.
        min_count: fewest valid candidates for the dialect to be chosen on a page.
        min_count_strong: the same when a candidate is strong (states a zone or date).
        glued: the marker sits at the end of its entry's headline line
            (``Talks resumepublished at 10:05``): the entry starts at the line start.
        candidate_lines: every marker lies in the first 160 characters of a line that
            starts with a digit, ``(``, ``[``, ``+``, or a keyword, weekday or month word, or of
            a short line ending like a byline; the parser then scans only those lines
            (see :mod:`liveblog.markers.lines`). Leave False for patterns of your own.
        needle: a regular expression (``re`` syntax, see :func:`needle_pattern`) that must
            occur in the text for the dialect to match anything; a fast check that skips
            the scan. Or a tuple of them, one of which must occur (see
            :func:`needle_found`): ``re`` searches a pattern that opens with one
            character far faster than one that opens with a class.
        starts: the lower-case characters a marker can begin with (after blanks), so that
            candidate lines starting otherwise are skipped; None: any.
        words: with ``candidate_lines``, the lower-case words one of which every marker
            begins with (after blanks): candidate lines of ASCII text opening otherwise
            are skipped before the pattern is tried, or compiled.
        line_needle: with ``candidate_lines``, a regular expression (like ``needle``) that
            every line holding a marker contains (a digit, for a marker that always
            states a date), so that candidate lines without it are skipped.
        regex_needle: with ``candidate_lines``, a regular expression (like ``needle``) that
            every line holding a marker contains, searched only where the dialect's
            ``regex`` patterns would be tried (where twins stand for them, at lines of
            other characters than ASCII): a line without it is skipped, so that they
            are not compiled, or tried, to reject it.
        locator: with ``line_start=False``, a regular expression (like ``needle``) whose
            matches end at every place where ``pattern`` can match: the scan tries the
            pattern only there, each try bounded by its line (so the pattern must not
            span lines), and two matches of the locator must not overlap where the
            pattern could start. For a pattern that opens with a lookbehind, which
            otherwise costs a try at every position of the text.
        head, tail: with ``candidate_lines``, ``pattern`` is ``(?P<marker>head)tail`` with
            ``head`` atomic (``(?>...)``, as the built-in timestamp is): a line holds a
            marker when ``head`` matches at its first non-blank character and ``tail``
            right after it. Dialects with the same ``head`` try it once per line and
            share its match. For the built-in dialects, whose patterns try the same
            timestamp at the same lines.
        branches: with ``head`` and ``tail``, ``pattern`` has other alternatives before
            ``(?P<marker>head)tail``, which never match where ``head`` does and begin
            (after blanks) with one of these lower-case characters: the whole pattern is
            tried at the lines where ``head`` does not match and that begin so. It is
            compiled at the first such line (a large pattern costs a tenth of a second).
        line_filter: with ``candidate_lines``, a regular expression (``re`` syntax, not
            opening with ``(?i)``) that matches at the start of every line of ASCII text
            where the whole pattern does (it may match more, never less): the pattern is
            tried only at the lines it matches and at lines holding other characters. A
            cheap ``re`` call that skips most lines saves the dearer ``regex`` one.
        line_filter_all: the ``line_filter`` holds at every line, not only at those of
            ASCII text (it reads every blank and letter the pattern does): lines of
            other characters are skipped by it too.
        head_shortcuts: with ``head``, ``tail`` and ``twin``, ``re`` patterns for the
            commonest shapes of ``head`` (a bare clock alone on its line): each matches
            at a line of ASCII text, where it matches at all, exactly as the head's twin
            does (the same span; every group it names at the same place; every other
            group of the head unset), and is tried in order before it. A shape's few
            groups cost a small part of the twin's try and of its read (the built-in
            timestamp's twin has 66 groups). Hold them to the head with a property test.
        line_shortcuts: with ``candidate_lines`` and no ``head``, ``re`` patterns for the
            commonest shapes of the whole pattern's matches at a line's start (``UPDATE
            1548 GMT:``), tried in order before it at every line the dialect scans: each
            matches ASCII characters only, and where it matches it matches exactly as the
            pattern does (the same span; every group it names at the same place; every
            other group the pattern has that :func:`read_match` reads unset), the
            pattern reading no character after the match on its way to it. A shape's few
            groups cost a small part of a large pattern's try and read, and a page whose
            markers all take a shortcut never compiles the pattern. Hold them to the
            pattern with a property test.
        twin: with ``candidate_lines``, lines of ASCII text are matched by the
            pattern's twin for ``re`` alone (:func:`liveblog.markers.twin.ascii_twin`,
            which matches there exactly as the pattern does), and their markers read
            from the twin's matches; with ``head`` and ``tail``, by the head's and
            tail's twins (the other ``branches`` are tried with the pattern itself). The
            pattern must not look behind its line's start (the twin is exact on ASCII
            text, and only the line is checked). An ``re`` try costs about half a
            ``regex`` one on the built-in patterns, but compiling a twin is pure Python
            (about 15 M instructions for a date pattern, 70 M for the timestamp): for
            patterns tried at many lines.
        numbered: the dialect reads post numbers (``Post 14``, ``#12``): it is scanned
            only on a page that no other entry dialect fits, and its candidates open
            entries only where their numbers count by one down or up the page (see
            :mod:`liveblog.markers.choice`), so it costs other pages nothing.
        fallback: the dialect is scanned only on a page that no other entry dialect
            fits, as ``numbered`` ones are, before them (posts closed by their time at
            the end of their last line: ``... helping. — 14:32``), so that its search
            costs other pages nothing.
        reads_decoration: the pattern matches the decoration that opens its lines
            itself (markers written ``- 0945``, ``> 0945``, ``# 0945``, ``**0945**``):
            it scans the text as written, where the other dialects read it without
            that decoration (see :mod:`liveblog.markers.decoration`), and its markers
            are then placed among theirs. Like theirs, ``Entry.marker`` is the marker
            inside the decoration (``0945``), which the entry's span still covers.

    >>> mine = PatternDialect("arrow", r">>\\s(?P<hour>\\d\\d)(?P<minute>\\d\\d)")
    >>> [m.clock for m in mine.scan("intro\\n>> 0945 Talks begin")]
    [datetime.time(9, 45)]
    """

    name: str
    pattern: str | regex.Pattern[str] = attrs.field(repr=False)
    kind: MarkerKind = attrs.field(default="entry", kw_only=True)
    line_start: bool = attrs.field(default=True, kw_only=True)
    headline: HeadlinePlace = attrs.field(default="none", kw_only=True)
    min_count: int = attrs.field(default=1, kw_only=True)
    min_count_strong: int = attrs.field(default=1, kw_only=True)
    glued: bool = attrs.field(default=False, kw_only=True)
    candidate_lines: bool = attrs.field(default=False, kw_only=True)
    needle: str | tuple[str, ...] | None = attrs.field(default=None, kw_only=True)
    starts: str | None = attrs.field(default=None, kw_only=True)
    words: tuple[str, ...] | None = attrs.field(default=None, kw_only=True)
    line_needle: str | None = attrs.field(default=None, kw_only=True)
    regex_needle: str | None = attrs.field(default=None, kw_only=True)
    locator: str | None = attrs.field(default=None, kw_only=True)
    head: str | None = attrs.field(default=None, kw_only=True)
    tail: str | None = attrs.field(default=None, kw_only=True)
    branches: str | None = attrs.field(default=None, kw_only=True)
    line_filter: str | None = attrs.field(default=None, kw_only=True)
    line_filter_all: bool = attrs.field(default=False, kw_only=True)
    head_shortcuts: tuple[str, ...] | None = attrs.field(default=None, kw_only=True)
    line_shortcuts: tuple[str, ...] | None = attrs.field(default=None, kw_only=True)
    twin: bool = attrs.field(default=False, kw_only=True)
    numbered: bool = attrs.field(default=False, kw_only=True)
    fallback: bool = attrs.field(default=False, kw_only=True)
    reads_decoration: bool = attrs.field(default=False, kw_only=True)
    # Compiled on first use: building the built-in patterns takes about a second, which
    # importing liveblog must not pay.
    _compiled: regex.Pattern[str] | None = attrs.field(
        init=False, default=None, repr=False, eq=False
    )
    _at_line: regex.Pattern[str] | None = attrs.field(
        init=False, default=None, repr=False, eq=False
    )
    # (the line pattern's twin, or None when it has none), once looked up
    _at_line_twin: tuple[re.Pattern[str] | None] | None = attrs.field(
        init=False, default=None, repr=False, eq=False
    )

    def _search_pattern(self) -> regex.Pattern[str]:
        if self._compiled is None:
            object.__setattr__(self, "_compiled", _compile(self.pattern, self.line_start))
        assert self._compiled is not None
        return self._compiled

    def _line_pattern(self) -> regex.Pattern[str]:
        if self._at_line is None:
            object.__setattr__(self, "_at_line", _compile(self.pattern, False, blanks=True))
        assert self._at_line is not None
        return self._at_line

    def _line_twin(self) -> re.Pattern[str] | None:
        if self._at_line_twin is None:
            twin = ascii_twin(*_source(self.pattern, False, blanks=True))
            object.__setattr__(self, "_at_line_twin", (twin,))
        assert self._at_line_twin is not None
        return self._at_line_twin[0]

    def scan(self, text: str) -> Iterator[Marker]:
        """Yield a :class:`Marker` for every match of the pattern."""
        if self.locator is None or self.line_start:
            for m in self._search_pattern().finditer(text):
                yield self._marker(m, text)
            return
        match = self._search_pattern().match
        resume = 0  # like finditer: a match starts where the last one ended, or later
        for hit in needle_pattern(self.locator).finditer(text):
            at = hit.end()
            if at < resume:
                continue
            # endpos bounds the try to the line (see scan_lines)
            end = _line_end(text, at)
            found = match(text, at, end)
            if found is not None:
                resume = found.end()
                yield self._marker(found, text)

    def scan_lines(
        self,
        text: str,
        starts: Sequence[int],
        origins: Sequence[int],
        shared: LineScan | None = None,
    ) -> Iterator[Marker]:
        """Yield markers that start the lines of ``text`` beginning at ``starts``.

        Offsets come out moved to where each line came from (``origins``), for texts
        made of excerpts (see :mod:`liveblog.markers.lines`). ``shared``, the
        :class:`LineScan` of the same lines, keeps what the other dialects that scan
        them read too (the lines' first characters, each ``head``'s matches).
        """
        if shared is None:
            shared = LineScan(text, starts, origins)
        if not starts:
            return
        shares = self.head is not None and self.tail is not None
        # the whole pattern, compiled at the first line that needs it: a dialect made of
        # head and tail alone never does, nor one whose other branches no line opens
        matcher: Callable[[str, int, int], regex.Match[str] | None] | None = None
        heads: dict[int, AnyMatch | None] = {}
        all_ascii = text.isascii()  # (a flag of the string: no pass over it)
        # the head's and tail's ``regex`` patterns, where twins stand for them at lines of
        # ASCII text compiled at the first line of other characters (a page may have none),
        # and the tail's match at lines of ASCII text looked up at the first head found
        # there (its twin, or its pattern where it has none: each match is read alone)
        head_match: Callable[[str, int, int], AnyMatch | None] | None = None
        tail_match: Callable[[str, int, int], AnyMatch | None] | None = None
        tail_ascii: Callable[[str, int, int], AnyMatch | None] | None = None
        # the head's match at lines of ASCII text: its twin, looked up (translated in
        # Python and compiled, about 10 ms for the timestamp's) at the first such line
        # that holds the ``regex_needle`` (a page may have none), or its pattern
        head_ascii: Callable[[str, int, int], AnyMatch | None] | None = None
        head = tail = ""
        if shares:
            assert self.head is not None
            assert self.tail is not None
            head, tail = self.head, self.tail
            if not self.twin:
                head_ascii = head_match = _head_pattern(head).match
                tail_ascii = tail_match = _tail_pattern(tail).match
            heads = shared.heads.setdefault(head, {})
        opens = None if self.branches is None else _both_cases(self.branches)
        words = self.words
        longest = max(map(len, words)) if words else 0
        passes = None if self.line_filter is None else needle_pattern(self.line_filter).match
        filter_all = self.line_filter_all
        needed = None if self.regex_needle is None else needle_pattern(self.regex_needle).search
        shortcuts = self.line_shortcuts  # compiled at the first line they are tried at
        shortcut: Callable[[str, int, int], AnyMatch | None] | None = None
        twin: Callable[[str, int, int], re.Match[str] | None] | None = None
        # until the whole pattern's twin is looked up at the first line that needs it
        # (a head's other branches are tried with the pattern itself)
        twins = self.twin and not shares
        ends = shared.ends
        for k in shared.picked(self.starts, self.line_needle):
            start, end = starts[k], ends[k]
            if words is not None:
                # ASCII letters match a word case-insensitively as their lower case does
                opening = text[start:end].lstrip(_LINE_BLANKS)[:longest]
                if opening.isascii() and not opening.lower().startswith(words):
                    continue
            if shares:
                ascii_line = all_ascii or text[start:end].isascii()
                if k in heads:
                    found = heads[k]
                elif ascii_line:
                    if head_ascii is None:
                        # (the needle is searched only until then, as the twin rejects a
                        # line about as fast)
                        if needed is not None and needed(text, start, end) is None:
                            continue
                        head_twin = _head_twin(head)
                        if head_twin is None:
                            head_ascii = head_match = _head_pattern(head).match
                            tail_ascii = tail_match = _tail_pattern(tail).match
                        else:
                            # at lines of ASCII text, the twin matches as the head does
                            head_ascii = head_twin.match
                            if self.head_shortcuts is not None:
                                head_ascii = _shortcut_match(self.head_shortcuts, head_ascii)
                    found = heads[k] = head_ascii(text, start, end)
                else:
                    if needed is not None and needed(text, start, end) is None:
                        continue
                    if head_match is None:
                        head_match = _head_pattern(head).match
                    found = heads[k] = head_match(text, start, end)
                if found is not None:
                    if ascii_line:
                        if tail_ascii is None:
                            tail_twin = _tail_twin(tail)
                            tail_ascii = (
                                _tail_pattern(tail) if tail_twin is None else tail_twin
                            ).match
                        after = tail_ascii(text, found.end(), end)
                    else:
                        if tail_match is None:
                            tail_match = _tail_pattern(tail).match
                        after = tail_match(text, found.end(), end)
                    if after is not None:
                        yield self._marker(found, text, origins[k] - start, after)
                    continue
                if opens is None or _first_char(text, start, end) not in opens:
                    continue
            # a line of other characters is tried whatever the filter says
            if (
                passes is not None
                and passes(text, start, end) is None
                and (filter_all or text[start:end].isascii())
            ):
                continue
            if shortcuts is not None:
                if shortcut is None:
                    shortcut = _shortcut_match(shortcuts)
                # (a shortcut reads ASCII characters only, and the pattern none after them)
                short_found = shortcut(text, start, end)
                if short_found is not None:
                    yield self._marker(short_found, text, origins[k] - start)
                    continue
            if twins and (all_ascii or text[start:end].isascii()):
                if twin is None:
                    found_twin = self._line_twin()
                    twins = found_twin is not None
                    twin = None if found_twin is None else found_twin.match
                if twin is not None:
                    # the twin matches as the pattern does: its match is read instead
                    twin_found = twin(text, start, end)
                    if twin_found is not None:
                        yield self._marker(twin_found, text, origins[k] - start)
                    continue
            if needed is not None and needed(text, start, end) is None:
                continue
            if matcher is None:
                matcher = self._line_pattern().match
            # endpos bounds the match to its line: ``regex`` looks for a pattern's
            # required literals up to endpos before matching, which would otherwise
            # make every call cost the rest of the text
            m = matcher(text, start, end)
            if m is not None:
                yield self._marker(m, text, origins[k] - start)

    def match_at(self, text: str, position: int) -> Marker | None:
        """The marker that starts exactly at ``position``, whether or not a line starts
        there (a marker glued to the sentence before it), read as :meth:`scan_lines`
        reads one at a line start; None when there is none."""
        end = _line_end(text, position)
        if self.head is not None and self.tail is not None:
            found = _head_pattern(self.head).match(text, position, end)
            if found is not None:
                after = _tail_pattern(self.tail).match(text, found.end(), end)
                return None if after is None else self._marker(found, text, 0, after)
            branches = self.branches
            if branches is None or _first_char(text, position, end) not in _both_cases(branches):
                return None  # as scan_lines: no other branch opens so
        m = self._line_pattern().match(text, position, end)
        return None if m is None else self._marker(m, text)

    def tail_end(self, text: str, position: int) -> int | None:
        """Where this dialect's ``tail`` ends when its ``head`` ends at ``position``;
        None when the tail does not follow there (or the dialect has no head and tail).

        >>> from liveblog.markers.builtin import CLOCK_SPACE
        >>> CLOCK_SPACE.tail_end("09:40 RMT: the union", 5), CLOCK_SPACE.tail_end("09:40: x", 5)
        (6, None)
        """
        if self.head is None or self.tail is None:
            return None
        found = _tail_pattern(self.tail).match(text, position, _line_end(text, position))
        return None if found is None else found.end()

    def _marker(
        self, m: AnyMatch, text: str, shift: int = 0, tail: AnyMatch | None = None
    ) -> Marker:
        start = -1
        if self.glued:
            start = line_start(text, m.start()) + shift
        return read_match(
            m,
            self.name,
            self.kind,
            shift=shift,
            start=start,
            headline_next=self.headline == "next-line",
            tail=tail,
        )


def _head_source(head: str) -> tuple[str, int]:
    """A dialect's ``head`` as the ``marker`` group at a line start: source and flags."""
    return _source("(?P<marker>" + head + "\n)", False, blanks=True)


@functools.cache
def _head_pattern(head: str) -> regex.Pattern[str]:
    """A dialect's ``head`` as the ``marker`` group at a line start, compiled once."""
    return regex.compile(*_head_source(head))


@functools.cache
def _head_twin(head: str) -> re.Pattern[str] | None:
    """:func:`_head_pattern`'s twin for ``re`` (see :func:`ascii_twin`), compiled once."""
    return ascii_twin(*_head_source(head))


def _no_match(_text: str, _start: int, _end: int) -> None:
    return None


def _shortcut_match(
    shortcuts: tuple[str, ...], twin: Callable[[str, int, int], AnyMatch | None] = _no_match
) -> Callable[[str, int, int], AnyMatch | None]:
    """A head's match at a line of ASCII text: the first of its ``shortcuts`` that
    matches (see :class:`PatternDialect`), else ``twin``'s (a line's shortcuts: none).
    Each shortcut is compiled at the first line the ones before it miss, so a page of
    the first shape compiles no other."""
    tries: list[Callable[[str, int, int], re.Match[str] | None]] = []

    def match(text: str, start: int, end: int) -> AnyMatch | None:
        for short in tries:
            found = short(text, start, end)
            if found is not None:
                return found
        while len(tries) < len(shortcuts):
            short = _shortcut_pattern(shortcuts[len(tries)]).match
            tries.append(short)
            found = short(text, start, end)
            if found is not None:
                return found
        return twin(text, start, end)

    return match


@functools.cache
def _shortcut_pattern(shortcut: str) -> re.Pattern[str]:
    """A shortcut (see :func:`_shortcut_match`), compiled once."""
    return re.compile(shortcut)


@functools.cache
def _tail_pattern(tail: str) -> regex.Pattern[str]:
    """A dialect's ``tail``, compiled once."""
    return regex.compile(tail, _FLAGS)


@functools.cache
def _tail_twin(tail: str) -> re.Pattern[str] | None:
    """:func:`_tail_pattern`'s twin for ``re`` (see :func:`ascii_twin`), compiled once."""
    return ascii_twin(tail, _FLAGS)


# The groups read_match reads, in the order _Reader.values gives them.
_READ_GROUPS = (
    *("hhmm", "hour", "minute", "second", "ampm", "noon"),  # [0:6]: the clock
    *("hhmm2", "hour2", "minute2", "second2", "ampm2", "noon2"),  # [6:12]: the second clock
    *("day", "month", "year", "sl1", "sl2"),  # [12:17]: the date
    *("zone", "zone2", "iso", "age", "unit", "headline", "author", "weekday", "marker"),
    *("age2", "unit2"),  # [26:28]: an age's second part ("1 hr 5 min ago")
    "relday",  # [28]: a day relative to the page's save ("Today 09:15")
)


@attrs.frozen
class _Reader:
    """How to read one pattern's matches: its group numbers by name (a twin's copies
    under one name, the last first: see :func:`group_copies`), and a function that picks
    the values of :data:`_READ_GROUPS` (None for a group the pattern lacks) out of
    ``match.groups() + (None,)`` (``groupdict()``, or a dict of all groups, costs
    several times a whole marker read on the built-in patterns)."""

    index: dict[str, tuple[int, ...]]
    values: Callable[[tuple[str | None, ...]], tuple[str | None, ...]]
    own: tuple[int, ...]
    """The places in :data:`_READ_GROUPS` of the groups the pattern has."""

    def over(self, values: Sequence[str | None], match: AnyMatch) -> tuple[str | None, ...]:
        """``values`` with the groups that ``match`` (of this pattern) sets put over them:
        a tail's few groups over its head's."""
        more = self.values(match.groups() + _ABSENT)
        merged = list(values)
        for k in self.own:
            if more[k] is not None:
                merged[k] = more[k]
        return tuple(merged)


_ABSENT = (None,)  # appended to match.groups(): what a group the pattern lacks reads

# by the pattern's id (an ``re`` pattern hashes and compares its compiled code: about
# 100 K instructions for the timestamp's twin), with the pattern, which keeps the id its own
_READERS: dict[int, tuple[regex.Pattern[str] | re.Pattern[str], _Reader]] = {}


def _reader(pattern: regex.Pattern[str] | re.Pattern[str]) -> _Reader:
    """The :class:`_Reader` of ``pattern``, built once."""
    known = _READERS.get(id(pattern))
    if known is not None:
        return known[1]
    index: dict[str, tuple[int, ...]] = (
        group_copies(pattern)  # a twin: its copies under their name
        if isinstance(pattern, re.Pattern)
        else {name: (number,) for name, number in pattern.groupindex.items()}
    )
    own = tuple(k for k, n in enumerate(_READ_GROUPS) if n in index)
    if all(len(numbers) == 1 for numbers in index.values()):
        # group k is item k - 1 of groups(); a missing group reads the None appended
        getter = operator.itemgetter(*(index.get(n, (0,))[0] - 1 for n in _READ_GROUPS))
        reader = _Reader(index, getter, own)
    else:
        reader = _Reader(index, _copies_reader(pattern.groups, index), own)
    _READERS[id(pattern)] = (pattern, reader)
    return reader


def _copies_reader(
    groups: int, index: dict[str, tuple[int, ...]]
) -> Callable[[tuple[str | None, ...]], tuple[str | None, ...]]:
    """The values of :data:`_READ_GROUPS` out of ``match.groups() + (None,)`` for a
    pattern of ``groups`` groups whose names have several (``index``, as
    :func:`group_copies` gives it: a twin): each name's last group that captured, as
    ``regex`` reports it. The groups that captured pick a getter, made once for each
    such set (few: the pattern's paths). No group of the built-in patterns captures an
    empty string, which would read as None here."""
    names = [""] * (groups + 1)  # each group's name, by its place in groups()
    for name, numbers in index.items():
        for number in numbers:
            names[number - 1] = name
    absent = groups  # the None appended to groups()
    places = range(groups + 1)
    getters: dict[tuple[int, ...], Callable[[tuple[str | None, ...]], tuple[str | None, ...]]]
    getters = {}

    def values(groups: tuple[str | None, ...]) -> tuple[str | None, ...]:
        captured = tuple(compress(places, groups))
        getter = getters.get(captured)
        if getter is None:
            last = {names[k]: k for k in captured}  # a later copy over an earlier
            getter = operator.itemgetter(*(last.get(n, absent) for n in _READ_GROUPS))
            if len(getters) < _MAX_GETTERS:
                getters[captured] = getter
        return getter(groups)

    return values


_MAX_GETTERS = 4096  # sets of captured groups kept per twin


class _Found:
    """A match and its group numbers by name, to read a group or its span by name
    (``regex`` raises for unknown names; here they read as absent)."""

    __slots__ = ("index", "match", "string")

    def __init__(self, match: AnyMatch, index: dict[str, tuple[int, ...]]) -> None:
        self.match = match
        self.index = index
        self.string: str = match.string

    def group(self, name: str) -> str | None:
        start, end = self.span(name)
        return None if start < 0 else self.string[start:end]

    def span(self, name: str) -> tuple[int, int]:
        for number in self.index.get(name, ()):  # the last copy that captured
            span = self.match.span(number)
            if span[0] >= 0:
                return span
        return (-1, -1)

    def start(self, name: str) -> int:
        return self.span(name)[0]

    def end(self, name: str) -> int:
        return self.span(name)[1]


@functools.cache
def needle_pattern(pattern: str) -> re.Pattern[str] | regex.Pattern[str]:
    """A dialect's ``needle``, ``line_needle`` or ``locator``, compiled once: with
    ``regex`` when it opens case-insensitive (``(?i)``) or ``re`` cannot compile it (a
    look-behind of variable width), else with ``re``.

    On the 300 KB blogs corpus (callgrind), ``regex`` searches ``(?i)published\\s+at``
    in a twenty-fifth of ``re``'s instructions, and ``re`` the case-sensitive needles in
    about two thirds of ``regex``'s (``clock-run``'s, which every parse searches through
    the whole text, 33 M against 21 M).

    >>> needle_pattern(r"\\+\\+\\+").search("a +++ b").start()
    2
    """
    if pattern.startswith("(?i)"):
        return regex.compile(pattern)
    try:
        return re.compile(pattern)
    except re.error:
        return regex.compile(pattern)


def needle_found(needle: str | tuple[str, ...], text: str) -> bool:
    """True when ``needle`` (a dialect's: a :func:`needle_pattern` or a tuple of them)
    occurs in ``text``: the pattern, or one of the tuple's.

    On a text with no match, ``re`` tests each character against a pattern's opening
    class (clock-run's ``[.!?"”’)]``: about 67 instructions a character on the
    generated blogs, and every parse searches the whole text), but both ``re`` and
    ``regex`` look for an opening character far faster: a needle that opens with a
    class is faster written as one pattern for each character of a rarer class further
    in, each opening with its character and looking behind it for what stands before.

    >>> needle_found((r":\\d", r"\\.\\d"), "at 9.45"), needle_found(r"\\+\\+\\+", "a ++ b")
    (True, False)
    """
    if isinstance(needle, str):
        opening = _opening_character(needle)
        if opening and opening not in text:
            return False  # (a character's ``in`` test costs a tenth of ``re``'s search)
        return needle_pattern(needle).search(text) is not None
    return any(needle_pattern(pattern).search(text) is not None for pattern in needle)


@functools.cache
def _opening_character(needle: str) -> str:
    """The character every match of ``needle`` opens with, when it opens with an
    escaped punctuation character (``\\(``, ``\\+``) not repeated or made optional by
    what follows it; else ``""``.

    >>> _opening_character(r"\\([ \\t]*\\d"), _opening_character(r"\\+\\+\\+")
    ('(', '+')
    >>> _opening_character(r"\\(?x"), _opening_character(r"(?i)published")
    ('', '')
    >>> _opening_character(r"\\(a|b"), _opening_character(r"\\((?:a|b)")
    ('', '(')
    """
    if len(needle) < 2 or needle[0] != "\\" or needle[1].isalnum() or needle[1] == "\\":
        return ""
    if needle[2:3] in ("?", "*", "{"):
        return ""
    depth, k, in_class = 0, 0, False
    while k < len(needle):  # an alternative at the top, "\\(a|b", may open otherwise
        char = needle[k]
        if char == "\\":
            k += 1
        elif in_class:
            in_class = char != "]"
        elif char == "[":
            in_class = True
        elif char in "()":
            depth += 1 if char == "(" else -1
        elif char == "|" and depth == 0:
            return ""
        k += 1
    return needle[1]


def _line_end(text: str, position: int) -> int:
    """Offset of the first line break (CR or LF) at or after ``position``, or the end.

    >>> _line_end("ab\\r\\ncd", 0), _line_end("ab\\rcd", 3), _line_end("ab", 1)
    (2, 5, 2)
    """
    end = text.find("\n", position)
    if end < 0:
        end = len(text)
    # only look for a CR before the LF: an unbounded find costs the whole text
    cr = text.find("\r", position, end)
    return end if cr < 0 else cr


def line_start(text: str, position: int) -> int:
    """Offset where the line holding ``position`` begins (after LF, CRLF or a lone CR).

    >>> line_start("ab\\r\\ncd", 5), line_start("ab\\rcd", 4)
    (4, 3)
    """
    newline = text.rfind("\n", 0, position)
    # only look for a CR after the last LF: an unbounded rfind costs the whole text
    return max(newline, text.rfind("\r", newline + 1, position)) + 1


def _month_number(text: str) -> int | None:
    if text.isdigit():
        return int(text)
    lower = text.lower().rstrip(".")
    named = (
        MONTHS.get(lower)
        or FOREIGN_MONTHS.get(lower)
        or ROMANCE_MONTHS.get(lower)
        or POLISH_MONTHS.get(lower)
    )
    if named is None:
        try:
            return read_int(text)  # digits newer than Python's tables
        except ValueError:
            return None
    return named


# the halves of the day a Japanese, Chinese or Korean 12-hour clock opens with, each
# True after noon (午後2時32分, 下午2时32分, 오후 2시 32분): hour 0 is theirs too (午後0時,
# noon; 午前0時, midnight)
_CJK_HALVES: Final = {
    **dict.fromkeys(("午前", "上午", "오전"), False),
    **dict.fromkeys(("午後", "午后", "下午", "오후"), True),
}


def _read_clock(
    m: _Found, suffix: str, groups: Sequence[str | None]
) -> tuple[dt.time | None, str | None]:
    """Read (time, problem) from the values of the clock groups with ``suffix``:
    ``groups`` holds hhmm, hour, minute, second, ampm and noon."""
    hhmm, hour_text, minute_text, second_text, ampm, noon = groups
    if noon is not None and hour_text not in (None, "12") and noon.lower() == "noon":
        return None, "invalid clock time with noon"
    if hhmm is not None:
        if len(hhmm) < 3:  # a custom pattern's hhmm may be short: no minutes
            return None, f"invalid clock time '{_written_clock(m, suffix)}'"
        hour, minute, second = read_int(hhmm[:2]), read_int(hhmm[2:]), 0
    elif hour_text is not None:
        hour = read_int(hour_text)
        minute = 0 if minute_text is None else read_int(minute_text)
        second = 0 if second_text is None else read_int(second_text)
    elif noon is not None:
        clock = dt.time(0, 0) if noon.lower() == "midnight" else dt.time(12, 0)
        return clock, None
    else:
        return None, None
    if ampm is not None:
        half = _CJK_HALVES.get(ampm)
        if not 1 <= hour <= 12 and (half is None or hour):
            return None, f"invalid 12-hour clock time '{_written_clock(m, suffix)} {ampm}'"
        is_pm = ampm.lower().lstrip(" .").startswith("p") if half is None else half
        hour = hour % 12 + (12 if is_pm else 0)
    if hour > 23 or minute > 59 or second > 59:
        return None, f"invalid clock time '{_written_clock(m, suffix)}'"
    return dt.time(hour, minute, second), None


def _written_clock(m: _Found, suffix: str) -> str:
    """The clock digits as written (read only to report a problem)."""
    if m.group("hhmm" + suffix) is not None:
        start, end = m.span("hhmm" + suffix)
    else:
        last = (
            "second"
            if m.group("second" + suffix) is not None
            else "minute"
            if m.group("minute" + suffix)
            else "hour"
        )
        start, end = m.start("hour" + suffix), m.end(last + suffix)
    return m.string[start:end]


def _read_date(
    m: _Found, groups: Sequence[str | None], ampm: str | None
) -> tuple[dt.date | None, tuple[int, int] | None, str | None]:
    """Read (full date, (month, day) without year, problem) from the date groups'
    values: ``groups`` holds day, month, year, and the two numbers of a slashed date."""
    day_text, month_text, year_text, first, second = groups
    parts = ("day", "month", "year")  # the groups written, to report an invalid date
    if first is not None and second is not None:
        # 6/4/2021: month first (US style) when the first number can be a month and the
        # second cannot, or when the page writes am/pm; else day first.
        a, b = read_int(first), read_int(second)
        us = a <= 12 and (b > 12 or ampm is not None)
        month_text, day_text = (first, second) if us else (second, first)
        parts = ("sl1", "sl2", "year")
    if month_text is None or day_text is None:
        return None, None, None
    month = _month_number(month_text)
    day = read_int(day_text)

    def invalid() -> tuple[None, None, str]:
        present = [p for p in parts if m.group(p) is not None]
        written = m.string[min(m.start(p) for p in present) : max(m.end(p) for p in present)]
        return None, None, f"invalid date '{written}'"

    if month is None or not 1 <= month <= 12:
        return invalid()
    if year_text is None:
        try:
            dt.date(2024, month, day)  # a leap year admits every month-day that exists
        except (ValueError, OverflowError):  # OverflowError: a day past C's integers
            return invalid()
        return None, (month, day), None
    year = read_int(year_text)
    if year < 100:
        year += 2000
    try:
        return dt.date(year, month, day), None, None
    except (ValueError, OverflowError):
        return invalid()


# A clock only a 24-hour page writes (00-09 with its zero, 13-23), and am/pm after a clock
_CLOCK_24 = regex.compile(r"(?<!\d)(?:0\d|1[3-9]|2[0-3])[:.h]?[0-5]\d(?!\d)")
_AMPM = regex.compile(r"\d\s?[ap]\.?m\b", regex.IGNORECASE)


def writes_day_first(text: str, markers: Sequence[Span]) -> bool:
    """Whether a page writes its dates day first (``06/02/2023``: 6 February): its
    markers at ``markers`` in ``text`` write the 24-hour clock (``23:40``,
    ``UPDATE 0940 GMT``) and never am/pm.

    >>> text = "23:40 Talks.\\n09:40 More."
    >>> writes_day_first(text, [Span(0, 5), Span(13, 18)]), writes_day_first(text, [])
    (True, False)
    >>> writes_day_first("9:40am Talks.\\n23:40 More.", [Span(0, 6), Span(14, 19)])
    False
    """
    written = "|".join(text[start:end] for start, end in markers)
    return _CLOCK_24.search(written) is not None and _AMPM.search(written) is None


_NO_BLANKS = dict.fromkeys(map(ord, MARKER_BLANKS))


def _read_iso(text: str) -> tuple[dt.datetime | None, str | None]:
    """An ISO 8601 date-time, its T maybe a blank and a blank before its offset
    (``2024-01-22 14:32:05 +0100``, a log's).

    >>> _read_iso("2024-01-22 14:32:05 +0100")[0].isoformat()
    '2024-01-22T14:32:05+01:00'
    """
    written = text.translate(_NO_BLANKS)  # the blank for the T, and before the offset
    if written[10:11] != "T":
        written = f"{written[:10]}T{written[10:]}"
    try:
        value = dt.datetime.fromisoformat(written.replace("z", "Z"))
    except ValueError:
        return None, f"invalid date-time '{text}'"
    return value, None


def _span_of(match: AnyMatch, numbers: tuple[int, ...]) -> tuple[int, int]:
    """The span of the last of a name's groups ``numbers`` (the last first, as
    :attr:`_Reader.index` holds them) that captured in ``match``; (-1, -1) for none."""
    for number in numbers:
        span = match.span(number)
        if span[0] >= 0:
            return span
    return (-1, -1)


def _marker_text(match: AnyMatch, numbers: tuple[int, ...], written: str | None) -> Span:
    """Where the marker is written: its ``marker`` group (``written`` is its value, and
    ``numbers`` its group numbers), else the match without surrounding blanks and
    separators."""
    if written is not None:
        return _new_tuple(Span, _span_of(match, numbers))
    start, end = match.span()
    text = match.string
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1] in MARKER_SEPARATORS:
        end -= 1
    return unchecked_span(start, end)


def _shape(  # noqa: PLR0917 - positional: one call per marker read
    text: str,
    hour_end: int,
    marker_end: int,
    end: int,
    hour: str | None,
    four_digits: bool,
    minutes: bool,
    has_ampm: bool,
    zone: bool,
    dated: bool,
) -> str:
    """How a marker is written (see :attr:`Marker.shape`); ``hour_end``, where its
    ``hour`` group ends in ``text`` (read only when ``minutes``)."""
    if four_digits:
        digits, separator = "4", ""
    elif hour is not None:
        digits = "a" if has_ampm else str(len(hour))
        separator = ""
        if minutes:
            separator = text[hour_end : hour_end + 1]
    else:
        digits, separator = "-", ""
    after = text[marker_end:end].strip(" \t\u00a0\u202f")[:1]
    after = "-" if after in "–—" and after else after
    return f"{digits}{separator}{'z' if zone else ''}{'d' if dated else ''}{after}"


def age_length(count: str, unit: str | None) -> dt.timedelta:
    """``count`` (``1,204``; empty for ``Just now``) of ``unit`` (``d``, ``mins``,
    ``s``; minutes when None), as a relative age writes them.

    >>> age_length("30", "s"), age_length("2", "hrs"), age_length("1,204", "d").days
    (datetime.timedelta(seconds=30), datetime.timedelta(seconds=7200), 1204)
    """
    unit = (unit or "m").lower()
    step = (
        _AGE_UNITS.get(unit)  # s, mins, hrs ("s" is seconds, not a plural's ending)
        or _AGE_UNITS.get(unit.rstrip("s"))  # secs, minutes, hours, days, weeks
        or _AGE_UNITS.get(unit[:1], dt.timedelta(minutes=1))
    )
    return read_int(count.replace(",", "") or "0") * step


# Clocks and dates read from a marker's groups, by the groups' values (and for a date,
# whether no am/pm was written): a page writes the same few hundred. Only values read
# without a problem are kept; the tables are emptied when full.
_CLOCKS: dict[tuple[str | None, ...], tuple[dt.time | None]] = {}
_DATES: dict[
    tuple[tuple[str | None, ...], bool], tuple[dt.date | None, tuple[int, int] | None]
] = {}
# zones by the text written: the text the marker keeps and the zone read
_ZONES: dict[str, tuple[str, ZoneSpec | None]] = {}
_TABLE_MAX = 4096
_K = TypeVar("_K")
_V = TypeVar("_V")


def _remember(table: dict[_K, _V], key: _K, value: _V) -> None:
    """Keep ``value`` under ``key`` in one of the tables above."""
    if len(table) >= _TABLE_MAX:
        table.clear()
    table[key] = value


def _read_zone(written: str) -> tuple[str, ZoneSpec | None]:
    """The zone text a marker keeps for its ``zone`` group's ``written`` text, and the
    zone it names: "local time" means the page's zone (``tz`` or a stated one), none.

    >>> _read_zone("GMT")[1].key, _read_zone("Local  Time")
    ('UTC', ('', None))
    """
    if " ".join(written.lower().split()) in {"local", "local time"}:
        return "", None
    return written, lookup_zone(written)


def read_match(
    match: AnyMatch,
    dialect: str,
    kind: MarkerKind = "entry",
    *,
    shift: int = 0,
    start: int = -1,
    headline_next: bool = False,
    tail: AnyMatch | None = None,
) -> Marker:
    """Turn a match of a dialect pattern into a :class:`Marker`.

    >>> import regex
    >>> pat = regex.compile(r"UPDATE (?P<hhmm>\\d{4}) (?P<zone>[A-Z]+):")
    >>> mk = read_match(pat.match("UPDATE 2561 GMT:"), "update")
    >>> mk.problem, mk.clock
    ("invalid clock time '2561'", None)

    ``shift`` is added to every offset (for matches found in an excerpt of the text);
    ``start`` is where the entry begins when not at the match (already shifted);
    ``tail``, the match of a dialect's ``tail`` right after ``match`` of its ``head``.
    """
    known_reader = _READERS.get(id(match.re))  # (_reader's look-up, without its call)
    reader = _reader(match.re) if known_reader is None else known_reader[1]
    index = reader.index
    values: tuple[str | None, ...] = reader.values(match.groups() + _ABSENT)
    end = match.end()
    if tail is not None:
        end = tail.end()
        if tail.re.groups:
            values = _reader(tail.re).over(values, tail)
    clock_values = values[:6]
    hhmm, hour_text, minute_text, second_text, ampm, noon = clock_values
    (zone_group, zone2, iso, age_text, unit, headline, author, weekday_text, written) = values[
        17:26
    ]
    problems: list[str] = []
    # a clock or date read before (pages repeat them) is looked up; one that cannot be
    # read is read again, for its problem, which quotes the match
    known_clock = _CLOCKS.get(clock_values)
    if known_clock is None:
        clock, problem = _read_clock(_Found(match, index), "", clock_values)
        if problem:
            problems.append(problem)
        else:
            _remember(_CLOCKS, clock_values, (clock,))
    else:
        (clock,) = known_clock
    day: dt.date | None = None
    month_day: tuple[int, int] | None = None
    # day and month, or the two numbers of a slashed date: else there is no date to read
    if (values[12] is not None and values[13] is not None) or (
        values[15] is not None and values[16] is not None
    ):
        date_key = (values[12:17], ampm is None)
        known = _DATES.get(date_key)
        if known is None:
            day, month_day, date_problem = _read_date(_Found(match, index), values[12:17], ampm)
            if date_problem:
                problems.append(date_problem)
            else:
                _remember(_DATES, date_key, (day, month_day))
        else:
            day, month_day = known
    zone_text = zone_group or ""
    zone: ZoneSpec | None = None
    if zone_text:
        known_zone = _ZONES.get(zone_text)
        if known_zone is None:
            known_zone = _read_zone(zone_text)
            _remember(_ZONES, zone_text, known_zone)
        zone_text, zone = known_zone
    if iso is not None:
        value, iso_problem = _read_iso(iso)
        if iso_problem:
            problems.append(iso_problem)
        elif value is not None:
            day, clock = value.date(), value.time().replace(tzinfo=None)
            if value.tzinfo is not None and not zone_text:
                offset = value.utcoffset()
                assert offset is not None
                zone_text = iso[len(iso.rstrip("Zz+-:0123456789")) :] or "Z"
                zone = lookup_zone("UTC" + _offset_text(offset))
    age: dt.timedelta | None = None
    if age_text is not None:
        try:
            age = age_length(age_text, unit)
            if values[26] is not None:
                age += age_length(values[26], values[27])
        except OverflowError:
            # longer than a timedelta holds: the stamping finds it reaches before year 1
            age = dt.timedelta.max
    alt_clock = None
    if values[6] is not None or values[7] is not None or values[11] is not None:
        # hhmm2, hour2 or noon2: a second clock (without them _read_clock reads none)
        alt_clock, _ = _read_clock(_Found(match, index), "2", values[6:12])
    alt_zone = lookup_zone(zone2 or "") if alt_clock else None
    has_ampm = ampm is not None or noon is not None
    marker = _marker_text(match, index.get("marker", ()), written)
    span_start = match.start() + shift
    if author is not None and names_nobody(author):
        # an author whose later words name nobody (the patterns test the first word
        # only, "14:32 | Jane Today"): the words stay in the text, after the marker or,
        # before it ("Jane Today · 5 min ago"), opening the entry
        cut = match.string.rfind(author, marker.end, end)
        if cut >= 0:
            author, end = None, cut
        elif match.start() < marker.start:
            author = None
            start = span_start if start < 0 else start
            span_start = marker.start + shift
    return _new_marker(
        _shifted(marker, shift),
        _new_tuple(Span, (span_start, end + shift)),
        dialect,
        kind,
        clock,
        day,
        month_day,
        zone,
        zone_text,
        age,
        headline.strip() if headline else None,
        author,
        _shape(
            match.string,
            _span_of(match, index.get("hour", ()))[1] if minute_text is not None else -1,
            marker.end,
            end,
            hour_text,
            hhmm is not None,
            minute_text is not None,
            has_ampm,
            bool(zone_text),
            bool(day or month_day),
        ),
        headline_next,
        "; ".join(problems) or None,
        None if weekday_text is None else _weekday_number(weekday_text),
        has_ampm,
        (
            clock is not None
            and not has_ampm
            and hour_text is not None
            and not hour_text.startswith("0")
            and 1 <= read_int(hour_text) <= 12
            and second_text is None
        ),
        alt_clock,
        alt_zone,
        span_start if start < 0 else start,
        None if values[28] is None else (0 if values[28][0] in "tT" else 1),
    )


def _shifted(span: Span, shift: int) -> Span:
    return _new_tuple(Span, (span.start + shift, span.end + shift)) if shift else span


def _offset_text(offset: dt.timedelta) -> str:
    minutes = int(offset.total_seconds() // 60)
    sign = "+" if minutes >= 0 else "-"
    h, mm = divmod(abs(minutes), 60)
    return f"{sign}{h:02d}:{mm:02d}"


def checked_markers(dialect: Dialect, markers: list[Marker], text: str) -> list[Marker]:
    """``markers``, which ``dialect`` yielded for ``text``; when it is a user's (not a
    :class:`PatternDialect`, whose markers are right by construction, nor a wrapper
    whose ``CHECKS_MARKERS`` says it checks what it wraps), each checked to be a
    :class:`Marker` whose offsets stand in order within the text: ``0 <= start <=
    match.start <= span.start <= span.end <= match.end <= len(text)``. A
    :class:`~liveblog.model.Span` checks only itself (one built unchecked not even
    that), never against the text or the marker's other offsets; the parse checks a
    user's markers here, and only those, so that a wrong one fails at once, naming the
    dialect.

    Raises:
        TypeError: an item that is not a Marker, or a marker whose span or match is
            not a Span.
        ValueError: offsets out of order or past the text's end.
    """
    if type(dialect) is PatternDialect or getattr(dialect, "CHECKS_MARKERS", False):
        return markers
    size = len(text)
    for marker in markers:
        if not isinstance(marker, Marker):
            msg = f"dialect {dialect.name!r} yielded {marker!r}, not a Marker"
            raise TypeError(msg)
        span, match, start = marker.span, marker.match, marker.start
        if type(span) is not Span or type(match) is not Span:
            msg = (
                f"dialect {dialect.name!r} yielded a marker whose span is {span!r} and "
                f"match {match!r}: both must be Span"
            )
            raise TypeError(msg)
        if not 0 <= start <= match[0] <= span[0] <= span[1] <= match[1] <= size:
            msg = (
                f"dialect {dialect.name!r} yielded a marker with span {tuple(span)}, match "
                f"{tuple(match)}, start {start}, in a text of {size} characters: need 0 <= "
                f"start <= match.start <= span.start <= span.end <= match.end <= {size}"
            )
            raise ValueError(msg)
    return markers

"""Anchor + recognised expression -> TIMEX3 value, interval and granularity.

:func:`find_mentions` composes the stages: :func:`~.patterns.find_triggers` finds the
words every temporal expression contains; at the trigger and the few words before it
that may open an expression ("the", "last", "three"), the recogniser of just the
families that can start with that word is matched; context checks drop look-alikes
("Theresa May", "1548 soldiers"); and each match is resolved against the anchor (the
entry's day or instant, and the sentence's tense where the year or direction depends
on it) by its family's handler below. Resolutions are cached per expression and day
of the anchor (per time too for the few that read it), and so are the checked
:class:`~liveblog.model.Mention` values they give, which later mentions of the same
expression copy (see :func:`_mention`). The scan (:func:`_scan`) lowers the text once,
reads the words before a trigger backwards with one pattern, at a number tries only
the families the punctuation after it leaves, and at a prefix word only those that can
start with it and the next word (:func:`_narrowed`); :func:`_scan_windowed` is the plain
reference it is tested against.
"""

from __future__ import annotations

import bisect
import datetime as dt
import functools
import itertools
import re
from collections.abc import Callable, Iterator, Sequence
from operator import is_not as _is_not
from typing import Any, Final, Generic, Literal, NamedTuple, TypeAlias, TypeVar, cast

import attrs
from dateutil.easter import easter
from dateutil.relativedelta import FR, MO, TH, TU, relativedelta, weekday

from liveblog.markers.widths import FULL_WIDTH_DIGITS, half_width
from liveblog.markers.zones import get_tzinfo, lookup_zone
from liveblog.model import (
    MENTION_SPAN,
    MENTION_TEXT,
    PACKED_SPAN_END,
    Mention,
    MentionType,
    SourceText,
    Span,
)
from liveblog.temporal.lexicon import (
    APPROXIMATORS,
    CENTURY_ORDINALS,
    DAY_PARTS,
    DECADE_WORDS,
    DIRECTIONS,
    MODIFIERS,
    MONTHS,
    NOT_PLURALS,
    NUMBER_WORDS,
    ORDINALS,
    REFERENCE_WORDS,
    SEASONS,
    SETS,
    UNITS,
    VAGUE_NUMBERS,
    WEEKDAYS,
    YEAR_CUES,
)
from liveblog.temporal.patterns import (
    CLOCK_ZONE_AFTER,
    FAMILIES,
    IRREGULAR_PAST,
    PREFIX_WORDS,
    Recogniser,
    _words,
    chain_pattern,
    could_start,
    could_start_after_anything,
    families_for,
    find_triggers,
    fold,
    mention_pattern,
    mention_stops,
    patterns_for,
    tense_pattern,
    trigger_words,
    views,
)
from liveblog.temporal.patterns import recogniser as compile_recogniser

__all__ = ["Anchor", "Resolved", "find_mentions", "resolve_text", "spelled_year"]

# "done": a period that ended on the date ("the year ended Jan. 31") lies wholly in the past
Tense: TypeAlias = Literal["past", "future", "unknown", "done"]

_UTC = dt.UTC
_WEEK = dt.timedelta(7)
_DAY = dt.timedelta(1)
_MINUTE = dt.timedelta(0, 60)
_SECOND = dt.timedelta(0, 1)
_MIDNIGHT = dt.time()
# Parts of the day as [start hour, end hour) of the anchor's day (night runs past 24).
_PART_HOURS = {"MO": (5, 12), "MI": (11, 14), "AF": (12, 18), "EV": (18, 24), "NI": (21, 30)}
_SEASON_MONTHS = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}
# How much farther the past occurrence may be and still win in the past tense.
_TIE_DAYS = 120
_TIE_MONTHS = 4

# Weekdays are read as future when a future cue stands this close to them.
_WEEKDAY_FUTURE_REACH = 40
_POSSESSIVE = frozenset({"'s", "’s"})
# "the vote is on Thursday", "the deadline is Friday": with no other cue, a weekday after
# a present "is" or "are" is the coming one
_PRESENT_COPULA = re.compile(
    r"(?<![\w'’])(?:is|are)\s+(?:(?:due|set|scheduled|open)\s+)?(?:(?:on|for)\s+)?\Z"
)
# ... and so after a present verb of a scheduled event ("the strike starts on Saturday",
# "talks resume Saturday"), but not after its noun ("the start on Saturday")
_SCHEDULED_VERBS = frozenset(
    form
    for verb in (
        *("start", "begin", "open", "reopen", "close", "end", "resume", "restart", "meet"),
        *("convene", "reconvene", "leave", "arrive", "return", "depart", "expire", "launch"),
        *("play", "face", "host", "visit", "travel", "finish", "conclude", "go"),
    )
    for form in (verb, verb + ("es" if verb == "go" else "s"))
)
_PHRASAL_VERBS = {"off": {"kick", "kicks"}, "place": {"take", "takes"}}
_NOUN_BEFORE = frozenset({"the", "a", "an"})
_WORDS_BEFORE = re.compile(r"(?:(\S+)[ \t]+)?([A-Za-z]+)\s+(?:(?:on|at|from)\s+)?\Z")
_COPULA_REACH = 40  # how far back it is looked for: "are scheduled for" and blanks
# Families whose year or direction depends on the sentence's tense.
_TENSED = frozenset(
    {
        "mdy",
        "dmy",
        "mon",
        "seas",
        "wd",
        "ordday",
        "qtr",
        "dur",
        "clock",
        "wkend",
        "holiday",
        "feast",
        "weekof",
        "yearend",
        "dpart",
    }
)


class Anchor(NamedTuple):
    """What a mention is resolved against: a day (or None), an optional clock time, a
    zone, and whether the text writes its slashed dates day first."""

    day: dt.date | None
    time: dt.time | None
    tz: dt.tzinfo
    day_first: bool = False

    @classmethod
    def from_reference(
        cls,
        reference: dt.date | dt.datetime | None,
        *,
        day_first: bool = False,
        tz: dt.tzinfo | None = None,
    ) -> Anchor:
        """Build the anchor (with ``tuple.__new__``: the NamedTuple's own ``__new__`` is a
        Python call, made for every piece of text scanned); naive datetimes are rejected.
        ``tz`` is the zone of a date's day (UTC by default); a datetime brings its own.

        >>> Anchor.from_reference(dt.date(2024, 1, 22)).day
        datetime.date(2024, 1, 22)
        """
        if reference is None:
            return _new_tuple(cls, (None, None, _UTC if tz is None else tz, day_first))
        if isinstance(reference, dt.datetime):
            tz = reference.tzinfo
            # a fixed offset (the parser's stamps) is never None: its utcoffset is not
            # called, which goes through a look-up of the method by name
            if tz is None or (tz.__class__ is not dt.timezone and reference.utcoffset() is None):
                msg = f"reference must be timezone-aware, got {reference!r}"
                raise ValueError(msg)
            day, time = reference.date(), reference.time()
            return _new_tuple(cls, (day, time, tz, day_first))
        if isinstance(reference, dt.date):
            return _new_tuple(cls, (reference, None, _UTC if tz is None else tz, day_first))
        msg = f"reference must be a date, an aware datetime or None, got {reference!r}"
        raise TypeError(msg)


class Resolved(NamedTuple):
    """A resolved expression, without its place in the text.

    >>> Resolved("DURATION", "P5D").granularity is None
    True
    """

    type: MentionType
    value: str
    start: dt.datetime | None = None
    end: dt.datetime | None = None
    granularity: str | None = None
    mod: str | None = None


# --------------------------------------------------------------------------- calendar


def _at(day: dt.date, tz: dt.tzinfo, hour: int = 0, minute: int = 0) -> dt.datetime:
    # datetime and timedelta read keyword arguments slowly: positional ones, same values
    base = dt.datetime.combine(day, _MIDNIGHT, tz)
    if not hour and not minute:
        return base  # what adding nothing would give: the same fields, zone and fold
    return base + dt.timedelta(0, hour * 3600 + minute * 60)


def _day(d: dt.date, tz: dt.tzinfo, mod: str | None = None) -> Resolved:
    try:
        end: dt.datetime | None = _at(d + _DAY, tz)
    except OverflowError:  # 9999-12-31: its end is past the calendar's, unknown
        end = None
    return Resolved("DATE", d.isoformat(), _at(d, tz), end, "day", mod)


def _week(d: dt.date, tz: dt.tzinfo, mod: str | None = None) -> Resolved:
    year, week, weekday = d.isocalendar()
    monday = d - dt.timedelta(weekday - 1)
    value = f"{year:04d}-W{week:02d}"
    return Resolved("DATE", value, _at(monday, tz), _at(monday + _WEEK, tz), "week", mod)


def _weekend(d: dt.date, tz: dt.tzinfo) -> Resolved:
    year, week, weekday = d.isocalendar()
    saturday = d + dt.timedelta(6 - weekday)
    value = f"{year:04d}-W{week:02d}-WE"
    start = _at(saturday, tz)
    return Resolved("DATE", value, start, start + 2 * _DAY, "weekend")


def _first_after(first: dt.date, months: int) -> dt.date:
    """The first of the month ``months`` after ``first`` (a first of a month): what
    adding ``relativedelta(months=months)`` gives, a ValueError past year 9999 too,
    without its cost.

    >>> _first_after(dt.date(2023, 11, 1), 3)
    datetime.date(2024, 2, 1)
    """
    years, month = divmod(first.month - 1 + months, 12)
    return dt.date(first.year + years, month + 1, 1)


def _end_after(first: dt.date, months: int, tz: dt.tzinfo) -> dt.datetime | None:
    """The midnight opening the month ``months`` after ``first`` (a first of a month):
    the end of a span of months from ``first``, unknown (None) past year 9999.

    >>> _end_after(dt.date(9999, 10, 1), 3, dt.UTC) is None
    True
    """
    try:
        return _at(_first_after(first, months), tz)
    except ValueError:
        return None


def _month(year: int, month: int, tz: dt.tzinfo, mod: str | None = None) -> Resolved:
    first = dt.date(year, month, 1)
    value = f"{year:04d}-{month:02d}"
    return Resolved("DATE", value, _at(first, tz), _end_after(first, 1, tz), "month", mod)


def _season(year: int, code: str, tz: dt.tzinfo, mod: str | None = None) -> Resolved:
    first = dt.date(year, _SEASON_MONTHS[code], 1)
    value = f"{year:04d}-{code}"
    return Resolved("DATE", value, _at(first, tz), _end_after(first, 3, tz), "season", mod)


def _quarter(year: int, q: int, tz: dt.tzinfo, mod: str | None = None) -> Resolved:
    first = dt.date(year, 3 * q - 2, 1)
    value = f"{year:04d}-Q{q}"
    return Resolved("DATE", value, _at(first, tz), _end_after(first, 3, tz), "quarter", mod)


def _new_year(year: int, tz: dt.tzinfo) -> dt.datetime | None:
    """The midnight opening ``year``: the end of a span of years, unknown (None) past
    year 9999 (as the end of 9999 itself, or of the 9990s, is).

    >>> _new_year(10000, dt.UTC) is None
    True
    """
    return None if year > dt.MAXYEAR else _at(dt.date(year, 1, 1), tz)


def _year(year: int, tz: dt.tzinfo, mod: str | None = None) -> Resolved | None:
    """The year ``year``; None outside the calendar (before year 1, after 9999)."""
    if not 1 <= year <= dt.MAXYEAR:
        return None
    start = _at(dt.date(year, 1, 1), tz)
    return Resolved("DATE", f"{year:04d}", start, _new_year(year + 1, tz), "year", mod)


def _decade(first_year: int, tz: dt.tzinfo, mod: str | None = None) -> Resolved:
    start = _at(dt.date(first_year, 1, 1), tz)
    end = _new_year(first_year + 10, tz)
    return Resolved("DATE", f"{first_year // 10:03d}", start, end, "decade", mod)


def _century(first_year: int, tz: dt.tzinfo, mod: str | None = None) -> Resolved:
    start = _at(dt.date(max(first_year, 1), 1, 1), tz)
    end = _new_year(first_year + 100, tz)
    return Resolved("DATE", f"{first_year // 100:02d}", start, end, "century", mod)


def _clock(d: dt.date | None, hour: int, minute: int, tz: dt.tzinfo) -> Resolved:
    """The minute ``hour:minute`` of ``d``; hour 24 is the midnight that ends ``d``
    (ISO 8601's ``T24:00``, the first minute of the next day)."""
    prefix = "XXXX-XX-XX" if d is None else d.isoformat()
    value = f"{prefix}T{hour:02d}:{minute:02d}"
    if d is None:
        return Resolved("TIME", value, None, None, "minute")
    start = _at(d + _DAY, tz) if hour == 24 else _at(d, tz, hour, minute)
    try:
        end: dt.datetime | None = start + _MINUTE
    except OverflowError:  # 9999-12-31T23:59: its end is past the calendar's, unknown
        end = None
    return Resolved("TIME", value, start, end, "minute")


def _part(d: dt.date | None, code: str, tz: dt.tzinfo, mod: str | None = None) -> Resolved:
    if d is None:
        return Resolved("TIME", f"XXXX-XX-XXT{code}", None, None, "daypart", mod)
    lo, hi = _PART_HOURS[code]
    value = f"{d.isoformat()}T{code}"
    try:
        end: dt.datetime | None = _at(d, tz, hi)
    except OverflowError:  # tonight on 9999-12-31 ends past the calendar: unknown
        end = None
    return Resolved("TIME", value, _at(d, tz, lo), end, "daypart", mod)


def _unknown(value: str, granularity: str, mod: str | None = None) -> Resolved:
    return Resolved("DATE", value, None, None, granularity, mod)


def _season_of(d: dt.date) -> tuple[int, str]:
    """The season (year, code) a day falls in; winter belongs to its December's year."""
    if d.month == 12:
        return d.year, "WI"
    if d.month <= 2:
        return d.year - 1, "WI"
    return d.year, ("SP", "SU", "FA")[(d.month - 3) // 3]


def _quarter_of(d: dt.date) -> tuple[int, int]:
    return d.year, (d.month - 1) // 3 + 1


def _shift_quarter(year: int, q: int, n: int) -> tuple[int, int]:
    index = year * 4 + q - 1 + n
    return index // 4, index % 4 + 1


def _safe_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


@functools.lru_cache(maxsize=4096)
def _pick_month_day(month: int, day: int, anchor: dt.date, tense: Tense) -> dt.date | None:
    """The year of a bare month-day: the next occurrence in the future tense, the
    previous one after "ended", else the nearest one (the past one even when up to 120
    days farther, in the past tense)."""
    candidates = [
        d
        for y in (anchor.year - 1, anchor.year, anchor.year + 1)
        if (d := _safe_date(y, month, day)) is not None
    ]
    if not candidates:
        return None
    before = max((d for d in candidates if d <= anchor), default=None)
    after = min((d for d in candidates if d >= anchor), default=None)
    if before is None or after is None:
        return before or after
    if tense == "done":
        return before
    back, ahead = (anchor - before).days, (after - anchor).days
    if tense == "future":
        return after
    return before if back <= ahead + _TIE_DAYS * (tense == "past") else after


def _pick_month(month: int, anchor: dt.date, tense: Tense) -> int:
    """The year of a bare month name, chosen like :func:`_pick_month_day`'s (this
    month is this month in any tense)."""
    if month == anchor.month:
        return anchor.year
    back = (anchor.month - month) % 12
    ahead = 12 - back
    before = anchor.year - int(month > anchor.month)
    if tense == "future":
        return before + 1
    if tense == "done":
        return before
    return before if back <= ahead + _TIE_MONTHS * (tense == "past") else before + 1


def _pick_season(code: str, anchor: dt.date, tense: Tense, direction: int | None) -> int:
    cur_year, cur_code = _season_of(anchor)
    order = ("SP", "SU", "FA", "WI")
    cur = cur_year * 4 + order.index(cur_code)
    target = order.index(code)
    # index of the occurrence of ``code`` at or after the current season
    nxt = cur + (target - cur % 4) % 4
    prev = nxt - 4 if nxt > cur else nxt
    if nxt == cur:
        prev = cur - 4
    if direction == -1:
        chosen = prev
    elif direction == 1:
        chosen = nxt if nxt > cur else nxt + 4
    elif direction == 0:
        # "this summer": the one of the anchor's year, past or to come
        return anchor.year - int(code == "WI" and anchor.month <= 2)
    elif tense == "past":
        chosen = cur if nxt == cur else prev
    else:
        chosen = nxt
    return chosen // 4


def _weekday_date(anchor: dt.date, wday: int, direction: int | None, tense: Tense) -> dt.date:
    delta = wday - anchor.isoweekday()
    if direction == 0:
        return anchor + dt.timedelta(delta)
    if direction == -1:
        return anchor - dt.timedelta((-delta) % 7 or 7)
    if direction == 1:
        return anchor + dt.timedelta(delta % 7 or 7)
    if tense == "future":
        return anchor + dt.timedelta(delta % 7)
    if tense == "unknown" and delta % 7 and delta % 7 < (-delta) % 7:
        return anchor + dt.timedelta(delta % 7)
    return anchor - dt.timedelta((-delta) % 7)


# --------------------------------------------------------------------------- readers


def spelled_year(words: str) -> int:
    """A year read aloud, as :data:`~.patterns.YEAR_WORDS` and "two thousand and five"
    match it.

    >>> spelled_year("nineteen ninety-six"), spelled_year("two thousand and five")
    (1996, 2005)
    >>> spelled_year("nineteen oh five"), spelled_year("nineteen eighty")
    (1905, 1980)
    """
    parts = [w for w in words.lower().replace("-", " ").split() if w not in {"and", "oh", "o"}]
    if parts[:2] == ["two", "thousand"]:
        return 2000 + sum(NUMBER_WORDS.get(w, 0) for w in parts[2:])
    return 1900 + sum(NUMBER_WORDS.get(w, 0) for w in parts[1:])


def _num(word: str | None) -> float | None:
    """A count as written: digits, number words, ``twenty-five``; None when vague."""
    if word is None:
        return 1.0
    w = " ".join(word.lower().replace("-", " ").split())
    if w in VAGUE_NUMBERS:
        return None
    if w.endswith(" and a half"):
        # "two and a half", "2 and a half"
        count = _num(w[: -len(" and a half")])
        return None if count is None else count + 0.5
    if w in {"a half", "half a", "half an"}:
        return 0.5
    if w[0].isdigit():
        whole, _, frac = w.partition(" ")
        return float(whole.replace(",", "")) + (0.5 if frac == "1/2" else 0.0)
    if w.startswith("half"):
        return 0.5
    if w in NUMBER_WORDS:
        return float(NUMBER_WORDS[w])
    parts = w.split()
    if len(parts) == 2 and parts[1] in {"hundred", "thousand"}:
        # "a hundred", "two thousand"; "several hundred" is vague
        head = _num(parts[0])
        return None if head is None else head * NUMBER_WORDS[parts[1]]
    if len(parts) == 2 and parts[0] in NUMBER_WORDS and parts[1] in NUMBER_WORDS:
        return float(NUMBER_WORDS[parts[0]] + NUMBER_WORDS[parts[1]])
    return None


def _unit(word: str) -> str:
    w = word.lower()
    return "century" if w.startswith("centur") else w


def _month_no(word: str) -> int:
    return MONTHS[word.lower().rstrip(".")]


def _mod(word: str | None) -> str | None:
    if word is None:
        return None
    w = " ".join(word.lower().split())
    return MODIFIERS.get(w, MODIFIERS.get(w.rstrip("-")))


# an approximator's mod on a point counted back ("ago", sign -1) or ahead ("from now",
# +1): "more than two years ago" is before the point two years back, "nearly" after it
_POINT_MODS = {
    -1: {
        "LESS_THAN": "AFTER",
        "MORE_THAN": "BEFORE",
        "EQUAL_OR_LESS": "ON_OR_AFTER",
        "EQUAL_OR_MORE": "ON_OR_BEFORE",
    },
    1: {
        "LESS_THAN": "BEFORE",
        "MORE_THAN": "AFTER",
        "EQUAL_OR_LESS": "ON_OR_BEFORE",
        "EQUAL_OR_MORE": "ON_OR_AFTER",
    },
}


def _approx(g: dict[str, str | None], sign: int = 0) -> str | None:
    """The ``mod`` of an approximator before a count ("nearly two years" is
    ``LESS_THAN``) or of "or so" after it (``APPROX``); ``sign`` is -1 or 1 for a point
    counted back or ahead, 0 for a length."""
    word = g.get("approx")
    if word is None:
        return "APPROX" if g.get("orso") else None
    mod = APPROXIMATORS[" ".join(word.lower().split())]
    return _POINT_MODS[sign].get(mod, mod) if sign else mod


def _with_mod(r: Resolved | None, mod: str | None) -> Resolved | None:
    return r if r is None or mod is None else r._replace(mod=mod)


def _duration(n: float | None, unit: str) -> str:
    """ISO 8601 duration: ``P23M``, ``PT2H``, ``PXD``, ``P20Y`` for two decades."""
    letter = UNITS[unit]
    if n is None:
        count = "X"
    else:
        if letter in {"DE", "CE", "F", "Q"}:
            # decades and centuries count in years, fortnights in weeks, quarters in
            # months (TimeML has no unit for them)
            n *= {"DE": 10, "CE": 100, "F": 2, "Q": 3}[letter]
            letter = {"F": "W", "Q": "M"}.get(letter, "Y")
        if n != int(n):
            return _half_duration(n, letter, unit)
        count = str(int(n))
    if count == "X" and letter in {"DE", "CE", "F", "Q"}:
        # "decades" is some years, as "two decades" is P20Y; "quarters" some months
        letter = {"F": "W", "Q": "M"}.get(letter, "Y")
    timed = unit in {"hour", "minute", "second"}
    return f"PT{count}{letter}" if timed else f"P{count}{letter}"


# unit -> (its letter, smaller units per unit, the smaller unit's letter); "T" marks a
# letter of the time part
_SPLIT_UNITS = {
    "year": ("Y", 12, "M"),
    "month": ("M", 30, "D"),
    "day": ("D", 24, "TH"),
    "hour": ("TH", 60, "TM"),
    "minute": ("TM", 60, "TS"),
}


def _half_duration(n: float, letter: str, unit: str) -> str:
    """``half an hour`` is PT30M, ``2 1/2 years`` P2Y6M, ``5 1/2 hours`` PT5H30M,
    ``1.5 days`` P1DT12H: the whole units, then the rest in the next smaller unit."""
    if unit == "week":
        return f"P{round(n * 7)}D"
    if unit not in _SPLIT_UNITS:
        return f"P{n:g}{letter}"
    big, factor, small = _SPLIT_UNITS[unit]
    whole = int(n)
    parts = [(whole, big)] if whole else []
    parts.append((round((n - whole) * factor), small))
    date = "".join(f"{k}{u}" for k, u in parts if not u.startswith("T"))
    time = "".join(f"{k}{u[1:]}" for k, u in parts if u.startswith("T"))
    return f"P{date}" + (f"T{time}" if time else "")


def _shifted(anchor: Anchor, unit: str, n: int, mod: str | None = None) -> Resolved | None:
    """The ``unit``-sized period ``n`` units away from the anchor's (``last month``)."""
    d = anchor.day
    tz = anchor.tz
    if d is None:
        masks = {"day": "XXXX-XX-XX", "week": "XXXX-WXX", "weekend": "XXXX-WXX-WE"}
        masks |= {"month": "XXXX-XX", "quarter": "XXXX-QX", "year": "XXXX"}
        masks |= {"decade": "XXX", "century": "XX"}
        return _unknown(masks.get(unit, "XXXX"), unit, mod)
    if unit == "day":
        return _day(d + dt.timedelta(n), tz, mod)
    if unit == "week":
        return _week(d + n * _WEEK, tz, mod)
    if unit == "weekend":
        return _weekend(d + n * _WEEK, tz)
    if unit == "month":
        m = d + relativedelta(months=n)
        return _month(m.year, m.month, tz, mod)
    if unit == "quarter":
        return _quarter(*_shift_quarter(*_quarter_of(d), n), tz, mod)
    if unit == "year":
        # a year outside the calendar ("next year" in 9999): as against an unknown day
        return _year(d.year + n, tz, mod) or _unknown("XXXX", unit, mod)
    if unit == "decade":
        return _decade((d.year // 10 + n) * 10, tz, mod)
    if unit == "century":
        return _century((d.year // 100 + n) * 100, tz, mod)
    return None


def _ago(anchor: Anchor, n: float, unit: str, sign: int) -> Resolved | None:
    """``three years ago``: the period of that size ``n`` units from the anchor."""
    if n != int(n):
        return _ago_part(anchor, n, unit, sign)
    k = int(n) * sign
    if unit in {"hour", "minute", "second"}:
        if anchor.day is None or anchor.time is None:
            return Resolved("TIME", "PAST_REF" if sign < 0 else "FUTURE_REF")
        when = dt.datetime.combine(anchor.day, anchor.time, anchor.tz)
        when += dt.timedelta(**{f"{unit}s": k})
        return _clock(when.date(), when.hour, when.minute, anchor.tz)
    if unit == "night":
        unit = "day"
    if unit == "fortnight":
        unit, k = "week", 2 * k
    return _shifted(anchor, unit, k)


# a unit counted with a fraction -> the smaller unit the point is given in, and how many
# of those the unit holds: "a year and a half ago" is a month, "half a century ago" a year
_PART_UNITS = {
    "century": ("year", 100),
    "decade": ("year", 10),
    "year": ("month", 12),
    "month": ("day", 30),
    "week": ("day", 7),
    "day": ("hour", 24),
    "hour": ("minute", 60),
}


def _ago_part(anchor: Anchor, n: float, unit: str, sign: int) -> Resolved | None:
    """``two and a half years ago``: the point ``n`` units away in the next smaller unit
    (``2021-07``); days counted from a month or a week give that month or week, as the
    count is no more precise, and a day and a half from a day alone the nearest day."""
    if unit not in _PART_UNITS:
        return None
    smaller, per = _PART_UNITS[unit]
    if unit == "day" and anchor.time is None:
        smaller, per = "day", 1  # no hour to count from: the nearest day
    count = int(n * per + 0.5)
    if unit in {"month", "week"}:
        if anchor.day is None:
            return _shifted(anchor, unit, 0)
        d = anchor.day + dt.timedelta(sign * count)
        return _shifted(anchor._replace(day=d, time=None), unit, 0)
    return _ago(anchor, count, smaller, sign)


# --------------------------------------------------------------------------- handlers


def _h_iso(g: dict[str, str | None], a: Anchor, _t: Tense) -> Resolved | None:
    d = _safe_date(int(g["year"] or 0), int(g["monthn"] or 0), int(g["day"] or 0))
    if d is None:
        return None
    if g["hour"] is None:
        return _day(d, a.tz)
    # the offset or zone written makes the instant exact; the value keeps the clock
    # as written, as TIMEX3's does ("2024-01-22 14:32:05 +0100": 2024-01-22T14:32:05)
    tz = _iso_offset(g["offset"]) or _stated_zone(g["zone"]) or a.tz
    hour, minute = int(g["hour"]), int(g["minute"] or 0)
    if g["second"] is None:
        return _clock(d, hour, minute, tz)
    start = _at(d, tz, hour, minute).replace(second=int(g["second"]))
    value = f"{d.isoformat()}T{hour:02d}:{minute:02d}:{g['second']}"
    return Resolved("TIME", value, start, start + _SECOND, "second")


def _iso_offset(written: str | None) -> dt.tzinfo | None:
    """The zone of an ISO 8601 offset ("Z", "+0100", "-05:00", "+01"), or None."""
    if written is None:
        return None
    if written.lower() == "z":
        return _UTC
    digits = written[1:].replace(":", "")
    shift = dt.timedelta(hours=int(digits[:2]), minutes=int(digits[2:] or 0))
    return dt.timezone(-shift if written[0] == "-" else shift)


def _h_numdate(g: dict[str, str | None], a: Anchor, _t: Tense) -> Resolved | None:
    first, second = int(g["na"] or 0), int(g["nb"] or 0)
    # 22/01/2024 and 22.01.2024 read day first, 1/22/2024 month first; a slashed date
    # that reads both ways, as the text's convention says (US, month first, by default)
    day_first = g["sep"] == "." or first > 12 or (a.day_first and second <= 12)
    month, day = (second, first) if day_first else (first, second)
    d = _safe_date(int(g["year"] or 0), month, day)
    return None if d is None else _day(d, a.tz)


def _date_of(g: dict[str, str | None], a: Anchor, tense: Tense) -> dt.date | str | None:
    """The day named by ``month``/``day``/``year`` groups; an X-value when unknown."""
    month, day = _month_no(g["month"] or ""), int(g["day"] or 0)
    if g["year"] is not None:
        return _safe_date(int(g["year"]), month, day)
    if _safe_date(2024, month, day) is None:
        return None
    if a.day is None:
        return f"XXXX-{month:02d}-{day:02d}"
    return _pick_month_day(month, day, a.day, tense)


def _h_mdy(g: dict[str, str | None], a: Anchor, tense: Tense) -> Resolved | None:
    d = _date_of(g, a, tense)
    mod = _approx(g)
    if isinstance(d, str):
        return _unknown(d, "day", mod)
    return None if d is None else _day(d, a.tz, mod)


def _h_my(g: dict[str, str | None], a: Anchor, _t: Tense) -> Resolved | None:
    month = _month_no(g["month"] or "")
    if g["ydir"] is not None:
        # June last year | March this year | May next year
        if a.day is None:
            return _unknown(f"XXXX-{month:02d}", "month", _mod(g["mod"]))
        year = a.day.year + DIRECTIONS[g["ydir"].lower()]
        return _month(year, month, a.tz, _mod(g["mod"]))
    return _month(int(g["year"] or 0), month, a.tz, _mod(g["mod"]))


def _h_clock(g: dict[str, str | None], a: Anchor, tense: Tense) -> Resolved | None:
    noon = (g["noon"] or "").lower()
    if noon:
        hour, minute = (0, 0) if noon == "midnight" else (12, 0)
    else:
        hour, minute = int(g["hour"] or 0), int(g["minute"] or 0)
        ampm = (g["ampm"] or "").lower()
        if ampm.startswith("p") and hour < 12:
            hour += 12
        elif ampm.startswith("a") and hour == 12:
            hour = 0
    d: dt.date | None = a.day
    small_hour = False
    part = (g["part"] or "").lower()
    if not (noon or g["ampm"]) and (part or g["cdeic"] is not None):
        # "9:15 last night", "4:30 this afternoon": the part sets the half of the day,
        # and a small hour of a night ("12:15 last night") is on the next calendar day;
        # a 24-hour clock's evening ("23:59 tonight") is that already
        if part in {"afternoon", "evening"} and hour < 12:
            hour += 12
        elif part == "night" or (g["cdeic"] or "").lower() in {"tonight", "last"}:
            small_hour = hour < 6 or hour == 12
            if small_hour:
                hour %= 12
            elif hour < 12:
                hour += 12
    if g["cdeic"] is not None:
        shift = {"yesterday": -1, "tomorrow": 1, "last": -1}.get(g["cdeic"].lower(), 0)
        d = None if a.day is None else a.day + dt.timedelta(shift)
    elif g["wday"] is not None:
        wday = WEEKDAYS[g["wday"].lower()]
        d = None if a.day is None else _weekday_date(a.day, wday, None, tense)
    elif g["month"] is not None:
        found = _date_of(g, a, tense)
        d = found if isinstance(found, dt.date) else None
    if small_hour and d is not None:
        d += _DAY
    tz = a.tz
    zone = _stated_zone(g["zone"])
    if zone is not None:
        # "1900 GMT": an instant in that zone, on the day the reference is on there
        if d is not None and d == a.day and (when := a.time) is not None:
            d = dt.datetime.combine(d, when, a.tz).astimezone(zone).date()
        tz = zone
    if noon == "midnight" and (
        (g["cdeic"] or g["wday"] or g["month"]) is not None or tense == "future"
    ):
        # "midnight Friday", "midnight tonight": the midnight of a named day ends it; a
        # midnight to come ("the truce will start at midnight") ends the reference's day
        hour = 24
    return _with_mod(_clock(d, hour, minute, tz), _approx(g))


def _stated_zone(written: str | None) -> dt.tzinfo | None:
    """The zone a clock time states ("GMT", "EST"), or None ("local time" is the
    reference's zone)."""
    if written is None:
        return None
    spec = lookup_zone(written)
    return None if spec is None else get_tzinfo(spec.key)


def _h_hourpart(g: dict[str, str | None], a: Anchor, _t: Tense) -> Resolved | None:
    word = (g["hour"] or "").lower()
    hour = int(word) if word.isdigit() else int(NUMBER_WORDS.get(word, 0))
    part = (g["part"] or "").lower()
    if part in {"afternoon", "evening"} and hour < 12:
        hour += 12
    return _clock(a.day, hour % 24, 0, a.tz)


def _h_wdays(g: dict[str, str | None], _a: Anchor, _t: Tense) -> Resolved | None:
    value = f"XXXX-WXX-{WEEKDAYS[(g['wday'] or '').lower()]}"
    code = DAY_PARTS.get((g["part"] or "").lower())
    if code:
        # Tuesday nights: every Tuesday night
        return Resolved("SET", f"{value}T{code}", granularity="daypart")
    return Resolved("SET", value, granularity="day")


def _h_wdpair(g: dict[str, str | None], a: Anchor, t: Tense) -> Resolved | None:
    # "Monday (and Tuesday nights)": the set the plural after the second day makes,
    # its part of the day passed in the context's slot (see _joined_plural)
    return _h_wdays({"wday": g["wday"], "part": g["quarter"] or None}, a, t)


def _h_weekof(g: dict[str, str | None], a: Anchor, tense: Tense) -> Resolved | None:
    # the week of March 6: the ISO week that holds the day
    if g["wnth"] is not None:
        return _nth_week(g, a, tense)
    d = _date_of(g, a, tense)
    if isinstance(d, str):
        return _unknown("XXXX-WXX", "week")
    return None if d is None else _week(d, a.tz)


_WEEK_ORDINALS: Final = {"first": 1, "second": 2, "third": 3, "fourth": 4}


def _nth_week(g: dict[str, str | None], a: Anchor, tense: Tense) -> Resolved:
    """The first (second, third, fourth, last) week of a month: its days 1 to 7 (8 to
    14...) or its last seven, as the ISO week that holds most of them, the one holding
    the fourth of those days (as ISO 8601's first week of a year holds January 4)."""
    month = _month_no(g["month"] or "")
    if g["year"] is not None:
        year = int(g["year"])
    elif a.day is None:
        return _unknown("XXXX-WXX", "week")
    else:
        year = _pick_month(month, a.day, tense)
    nth = _WEEK_ORDINALS.get((g["wnth"] or "").lower())
    if nth is None:
        # the last or final week: the month's last seven days
        after = dt.date(year + month // 12, month % 12 + 1, 1)
        return _week(after - dt.timedelta(4), a.tz)
    return _week(dt.date(year, month, 7 * nth - 3), a.tz)


def _h_wd(g: dict[str, str | None], a: Anchor, tense: Tense) -> Resolved | None:
    wday = WEEKDAYS[(g["wday"] or "").lower()]
    if g["month"] is not None:
        d = _date_of(g, a, tense)
        if isinstance(d, dt.date) and a.day and g["year"] is None and d.isoweekday() != wday:
            # "Saturday 13 July" with no year: the year, of the reference's and the
            # two beside it, whose 13 July is a Saturday
            picked = d.toordinal()
            fits = [
                c
                for y in (a.day.year - 1, a.day.year, a.day.year + 1)
                if (c := _safe_date(y, d.month, d.day)) is not None and c.isoweekday() == wday
            ]
            if fits:
                return _day(min(fits, key=lambda c: abs(c.toordinal() - picked)), a.tz)
        return _h_mdy(g, a, tense)
    direction = DIRECTIONS.get(_dir(g))
    code = DAY_PARTS.get((g["part"] or "").lower())
    mod = _mod(g["mod"])
    if a.day is None:
        value = f"XXXX-WXX-{wday}"
        if code:
            return Resolved("TIME", f"{value}T{code}", granularity="daypart")
        return _unknown(value, "day")
    d = _weekday_date(a.day, wday, direction, tense)
    if code:
        return _part(d, code, a.tz, mod)
    return _day(d, a.tz, mod)


def _h_ago(g: dict[str, str | None], a: Anchor, _t: Tense) -> Resolved | None:
    n = _num(g["num"])
    direction = (g["dir"] or "").lower()
    sign = -1 if direction in {"ago", "earlier", "before"} else 1
    mod = _approx(g, sign)
    if n is None:
        return Resolved("DATE", "PAST_REF" if sign < 0 else "FUTURE_REF", mod=mod)
    unit = _unit(g["unit"] or "")
    if g.get("qof"):
        unit, n = _quarters_of(g, n)
    if g["quarter"] is not None and n == 1 and unit == "year" and a.day:
        # "profit rose in the third quarter from a year ago": the same quarter a year back
        year, q = _quarter_of(a.day - dt.timedelta(45))
        return _quarter(year + sign, int(g["quarter"]) or q, a.tz, mod)
    if g.get("andhalf") is not None:
        n += 0.5  # "a year and a half ago"
    return _with_mod(_ago(a, n, unit, sign), mod)


def _h_vagueago(_g: dict[str, str | None], _a: Anchor, _t: Tense) -> Resolved | None:
    # "years ago", "months earlier"
    return Resolved("DATE", "PAST_REF")


def _h_set(g: dict[str, str | None], _a: Anchor, _t: Tense) -> Resolved | None:
    if g["adverb"] is not None:
        return Resolved("SET", SETS[g["adverb"].lower()])
    if g["wday"] is not None:
        return Resolved("SET", f"XXXX-WXX-{WEEKDAYS[g['wday'].lower()]}", granularity="day")
    if g["month"] is not None:
        return Resolved("SET", f"XXXX-{_month_no(g['month']):02d}", granularity="month")
    if g["part"] is not None:
        return Resolved("SET", f"XXXX-XX-XXT{DAY_PARTS[g['part'].lower()]}", granularity="daypart")
    if g["season"] is not None:
        return Resolved("SET", f"XXXX-{SEASONS[g['season'].lower()]}", granularity="season")
    unit = _unit(g["unit"] or "")
    if unit not in UNITS:
        return None
    n = 2.0 if g["other"] else (_num(g["num"]) if g["num"] else 1.0)
    if g["times"] is not None:
        n = 1.0
    return Resolved("SET", _duration(n, unit), granularity=unit)


def _h_qtr(g: dict[str, str | None], a: Anchor, tense: Tense) -> Resolved | None:
    qword = (g["qnum"] or "").lower()
    direction = " ".join((g["dir"] or "").lower().split())
    if not qword and not direction and not g["the"] and not g["year"]:
        return None
    q = _quarter_number(qword)
    if g["year"] is not None:
        if not q:
            return None
        return _quarter(int(g["year"]), q, a.tz)
    if a.day is None:
        return _unknown(f"XXXX-Q{q or 'X'}", "quarter")
    year, cur = _quarter_of(a.day)
    if g["qyeardir"] is not None:
        year += DIRECTIONS[g["qyeardir"].lower()]
    if direction in {"year-earlier", "year-ago"}:
        year, cur = _quarter_of(a.day - dt.timedelta(45))
        return _quarter(year - 1, q or cur, a.tz)
    if not q:
        if direction in {"last", "previous", "prior", "past"}:
            return _quarter(*_shift_quarter(year, cur, -1), a.tz)
        if direction in {"next", "coming"}:
            return _quarter(*_shift_quarter(year, cur, 1), a.tz)
        if direction in {"this", "current"}:
            return _quarter(year, cur, a.tz)
        # "the quarter", "the latest quarter": the one being reported, 45 days back
        return _quarter(*_quarter_of(a.day - dt.timedelta(45)), a.tz)
    if direction in {"last", "previous", "prior", "past"}:
        return _quarter(year - 1, q, a.tz)
    if direction in {"next", "coming"}:
        return _quarter(year + 1, q, a.tz)
    if q > cur and tense == "past" and g["qyeardir"] is None:
        year -= 1
    return _quarter(year, q, a.tz)


def _quarter_number(qword: str) -> int:
    """The quarter a lowered ordinal names ("third", "3rd", "final"), 0 for none."""
    return ORDINALS.get(qword) or (int(qword) if qword.isdigit() else 0)


def _quarters_of(g: dict[str, str | None], n: float) -> tuple[str, float]:
    """``a quarter-century`` is 25 years, ``three quarters of an hour`` 45 minutes."""
    return ("year", n * 25) if (g["qof"] or "").lower() == "century" else ("minute", n * 15)


def _h_dur(g: dict[str, str | None], a: Anchor, tense: Tense) -> Resolved | None:
    if g["old"] is not None and g["old"].lower() == "-old":
        return None
    unit = _unit(g["unit"] or "")
    n = _num(g["num"])
    if n is not None and g.get("andhalf"):
        n += 0.5  # "a minute and a half"
    if n is not None and g.get("qof"):
        unit, n = _quarters_of(g, n)
    if g["in"] and g["pre"] is None and n is not None and tense == "future":
        shifted = _ago(a, n, unit, 1)
        if shifted is not None:
            return _with_mod(shifted, _approx(g, 1))
    return Resolved("DURATION", _duration(n, unit), granularity=unit, mod=_approx(g))


def _h_longadj(g: dict[str, str | None], _a: Anchor, _t: Tense) -> Resolved | None:
    # "a day-long meeting" is P1D, "a decades-long battle" PXY
    unit = _unit(g["unit"] or "")
    return Resolved("DURATION", _duration(None if g["many"] else 1, unit), granularity=unit)


def _h_nthday(_g: dict[str, str | None], a: Anchor, _t: Tense) -> Resolved | None:
    # "it is the second day of the offensive": the day counted is the reference's
    return _unknown("XXXX-XX-XX", "day") if a.day is None else _day(a.day, a.tz)


def _h_awhile(_g: dict[str, str | None], _a: Anchor, _t: Tense) -> Resolved | None:
    # "for a while", "for some time": a length in no known unit
    return Resolved("DURATION", "PXX")


def _h_vague(g: dict[str, str | None], _a: Anchor, _t: Tense) -> Resolved | None:
    unit = _unit(g["unit"] or "")
    if (g.get("num") or "").lower() in {"recent", "past"} and unit in {"year", "decade"}:
        # "in recent years", "in past years": a vague stretch of the past, not a length
        return Resolved("DATE", "PAST_REF")
    return Resolved("DURATION", _duration(None, unit))


def _dir(g: dict[str, str | None]) -> str:
    """The direction word, lower-cased, its blanks single ("this  past"); "preceding"
    is "previous"."""
    word = " ".join((g["dir"] or "").lower().split())
    return "previous" if word == "preceding" else word


def _h_rel(g: dict[str, str | None], a: Anchor, tense: Tense) -> Resolved | None:
    direction = DIRECTIONS[_dir(g)]
    mod = _mod(g["mod"]) or _approx(g)
    if g["season"] is not None:
        code = SEASONS[g["season"].lower()]
        if a.day is None:
            return _unknown(f"XXXX-{code}", "season", mod)
        return _season(_pick_season(code, a.day, tense, direction), code, a.tz, mod)
    if g["month"] is not None:
        month = _month_no(g["month"])
        if a.day is None:
            return _unknown(f"XXXX-{month:02d}", "month", mod)
        year = a.day.year
        if direction < 0:
            year -= int(month >= a.day.month)
        elif direction > 0:
            year += int(month <= a.day.month)
        return _month(year, month, a.tz, mod)
    unit = (g["unit"] or "").lower()
    word = _dir(g)
    if g["the"] and word in {"past", "last"} and unit in {"decade", "century"}:
        # "the past decade": TimeML reads it as the ten years up to now
        return Resolved("DURATION", _duration(1, unit), granularity=unit, mod=mod)
    if g["the"] and word in _SPAN_UNITS.get(unit, ()):
        # "the past hour", "the next hour", "the past day": a length up to (or from) now
        return Resolved("DURATION", _duration(1, unit), granularity=unit, mod=mod)
    if unit in {"hour", "minute"} or (
        unit == "day" and word not in {"previous", "prior", "next", "following", "same"}
    ):
        # "the last minute" is an idiom, "the last day" the final one: no time
        return None
    if g["the"] and word in {"past", "last"} and unit == "week" and a.day is not None:
        # "the past week" is the seven days up to the reference, not the calendar week
        # before it ("last week"): the ISO week that holds most of them, their middle day's
        return _week(a.day - dt.timedelta(3), a.tz, mod)
    return _shifted(a, unit, direction, mod)


# The units that "the past", "the last" or "the next" make a length of, and the words
_SPAN_UNITS = {
    "hour": frozenset({"past", "last", "next", "coming"}),
    "minute": frozenset({"past", "next"}),
    "day": frozenset({"past"}),
}


def _h_theunit(g: dict[str, str | None], a: Anchor, _t: Tense) -> Resolved | None:
    return _shifted(a, (g["unit"] or "").lower(), 0, _mod(g["mod"]))


def _h_yearend(_g: dict[str, str | None], a: Anchor, tense: Tense) -> Resolved | None:
    # "by year-end" is this year's end; "since year-end", in the past tense, the last one's
    return _shifted(a, "year", -int(tense == "past"), "END")


def _h_wkend(_g: dict[str, str | None], a: Anchor, tense: Tense) -> Resolved | None:
    if a.day is None:
        return _unknown("XXXX-WXX-WE", "weekend")
    weekday = a.day.isoweekday()
    # Saturday and Sunday are in their own weekend; on weekdays the past tense means the
    # one just past, the future tense the coming one, and no tense the nearer one
    # (Monday to Wednesday the last, Thursday and Friday the next)
    if weekday < 6 and (tense in {"past", "done"} or (tense == "unknown" and weekday <= 3)):
        return _weekend(a.day - _WEEK, a.tz)
    return _weekend(a.day, a.tz)


def _h_offset(g: dict[str, str | None], a: Anchor, _t: Tense) -> Resolved | None:
    sign = -1 if (g["dir"] or "").lower() in {"before", "earlier"} else 1
    return _shifted(a, (g["unit"] or "").lower(), sign)


def _reported_quarter(day: dt.date) -> tuple[int, int]:
    """The quarter a company reports on at ``day``: the one ended about 45 days before."""
    return _quarter_of(day - dt.timedelta(45))


def _h_half(g: dict[str, str | None], a: Anchor, _t: Tense) -> Resolved | None:
    # "the first half of 1990" is 1990-H1, "the last half of this year" its H2
    h = 1 if (g["hnum"] or "").lower() in {"first", "1"} else 2
    if g["year"] is not None:
        year = int(g["year"])
    elif a.day is not None:
        year = a.day.year + DIRECTIONS[(g["ydir"] or "this").lower()]
    else:
        return _unknown(f"XXXX-H{h}", "half")
    first = dt.date(year, 6 * h - 5, 1)
    end = _end_after(first, 6, a.tz)
    return Resolved("DATE", f"{year:04d}-H{h}", _at(first, a.tz), end, "half")


def _h_qtrof(g: dict[str, str | None], a: Anchor, t: Tense) -> Resolved | None:
    if g["yback"] is not None:
        # "the corresponding period last year", "the quarter a year ago"
        return _h_yearago(g, a, t)
    q = ORDINALS.get((g["qnum"] or "").lower(), 0)
    if g["year"] is not None:
        year = int(g["year"])
        if not q:
            # "the 1988 period": the quarter compared (see _h_yearago), else the
            # reported quarter of that year; after a longer period ("for the nine
            # months"), the year
            compared = g.get("quarter")
            if compared == _NO_QUARTER:
                return _year(year, a.tz)
            q = int(compared or 0)
            if not q:
                if a.day is None:
                    return _unknown(f"{year:04d}-QX", "quarter")
                q = _reported_quarter(a.day)[1]
        return _quarter(year, q, a.tz)
    if a.day is None:
        return _unknown(f"XXXX-Q{q or 'X'}", "quarter")
    year, reported = _reported_quarter(a.day)
    if g["qyeardir"] is not None:
        # "this year's third quarter", "last year's quarter"
        year = a.day.year + DIRECTIONS[g["qyeardir"].lower()]
    return _quarter(year, q or reported, a.tz)


def _h_rate(g: dict[str, str | None], _a: Anchor, _t: Tense) -> Resolved | None:
    # "$1.76 a year": a rate is a SET of periods
    unit = _unit(g["unit"] or "")
    return Resolved("SET", _duration(1, unit), granularity=unit)


def _h_someday(_g: dict[str, str | None], _a: Anchor, _t: Tense) -> Resolved | None:
    # "Islam will one day be ...": some time to come
    return Resolved("DATE", "FUTURE_REF")


def _h_yearended(_g: dict[str, str | None], _a: Anchor, _t: Tense) -> Resolved | None:
    # "the year ended Sept. 30": TimeML reads a year-long period, its end dated apart
    return Resolved("DURATION", "P1Y", granularity="year")


def _h_fiscalyear(g: dict[str, str | None], a: Anchor, _t: Tense) -> Resolved | None:
    word = (g["dir"] or "current").lower()
    shift = -1 if word in {"latest", "last", "previous", "past"} else DIRECTIONS.get(word, 0)
    return _shifted(a, "year", shift)


def _h_fy(g: dict[str, str | None], a: Anchor, _t: Tense) -> Resolved | None:
    # FY2024, the 2023-24 financial year: the year it ends in names a fiscal year (FY24
    # runs from April 2023 where the year starts in April); its months are the keeper's
    first = g["fyear"] or ""
    year = int(first)
    if len(first) == 2:
        # two digits: the century that puts the year nearest the reference (or 2000)
        pivot = 2000 if a.day is None else a.day.year
        options = [(pivot // 100 + k) * 100 + year for k in (-1, 0, 1)]
        year = min(options, key=lambda y: abs(y - pivot))
    end = g["fyend"]
    if end is not None:
        if int(end) % 10 ** len(end) != (year + 1) % 10 ** len(end):
            return None  # "2023-25": two years apart, no fiscal year
        year += 1
    return _year(year, a.tz)


def _h_yearago(g: dict[str, str | None], a: Anchor, _t: Tense) -> Resolved | None:
    if g.get("num") is not None:
        # "the year-earlier nine months": TimeML marks the length
        return Resolved("DURATION", _duration(_num(g["num"]), "month"), granularity="month")
    if a.day is None:
        return _unknown("XXXX-QX", "quarter")
    year, q = _quarter_of(a.day - dt.timedelta(45))
    compared = g.get("quarter")
    if compared == _NO_QUARTER:
        # "for the nine months ... year-earlier net": a year back, as "a year earlier"
        return _year(a.day.year - 1, a.tz) or _unknown("XXXX", "year")
    return _quarter(year - 1, int(compared or 0) or q, a.tz)


def _h_dpart(g: dict[str, str | None], a: Anchor, t: Tense) -> Resolved | None:
    part = (g["part"] or "").lower()
    anchor_word = (g["anchor"] or "").lower()
    code = DAY_PARTS[part]
    shift = 0
    if (
        (part == "overnight" and t != "future")
        or anchor_word in {"yesterday", "last"}
        or anchor_word.endswith(("previous", "preceding"))
    ):
        # "overnight" is the night just gone, but the coming one in the future tense
        # ("will stay closed overnight"), as "tonight"; "the previous night" is the one
        # before the day of the narrative, as "the night before"
        shift = -1
    elif anchor_word == "tomorrow" or anchor_word.startswith("the "):
        shift = 1  # tomorrow, the next morning, the following night
    elif (side := g.get("side")) is not None:
        shift = -1 if side.lower() == "before" else 1  # the night before, the morning after
    if anchor_word == "last" and part != "night":
        return None
    if shift == 0 and code in _SMALL_HOURS_PARTS and anchor_word in {"", "this"}:
        # in the small hours the night in progress began the day before: "tonight",
        # "earlier this evening" (not "later this evening") are the day before's
        when = a.time
        if (
            when is not None
            and when.hour < _SMALL_HOURS_END
            and (code == "NI" or (g["mod"] or "").lower() not in {"later", "late"})
        ):
            shift = -1
    d = None if a.day is None else a.day + dt.timedelta(shift)
    return _part(d, code, a.tz, _mod(g["mod"]))


# The parts of the day that, said in the small hours (before 05:00), are the day before's
_SMALL_HOURS_PARTS = frozenset({"EV", "NI"})
_SMALL_HOURS_END = _PART_HOURS["MO"][0]  # when the morning begins


def _h_that(g: dict[str, str | None], a: Anchor, _t: Tense) -> Resolved | None:
    # "that year", "later that day": the period of the last date named (see
    # :func:`_narrative`), else the anchor's own
    return _shifted(a, (g["unit"] or "").lower(), 0)


def _h_deictic(g: dict[str, str | None], a: Anchor, _t: Tense) -> Resolved | None:
    word = " ".join((g["word"] or "").lower().split())
    shift = {"yesterday": -1, "tomorrow": 1, "the day before yesterday": -2}
    n = shift.get(word, 2 if word.endswith("tomorrow") else 0)
    if a.day is None:
        return _unknown("XXXX-XX-XX", "day")
    return _day(a.day + dt.timedelta(n), a.tz)


def _h_ref(g: dict[str, str | None], _a: Anchor, _t: Tense) -> Resolved | None:
    word = " ".join((g["word"] or "").lower().split())
    if word not in REFERENCE_WORDS:
        word = word.replace("near ", "").replace("distant ", "")
    return Resolved("DATE", REFERENCE_WORDS.get(word, "PRESENT_REF"))


def _h_centord(g: dict[str, str | None], a: Anchor, _t: Tense) -> Resolved | None:
    word = (g["cword"] or "").lower().replace("’", "'")
    n = int(g["cnum"]) if g["cnum"] else CENTURY_ORDINALS[" ".join(word.split())]
    # the 20th century is 1900-1999: TIMEX3 writes its first two digits, "19"
    return _century((n - 1) * 100, a.tz, _mod(g["mod"]))


def _h_decade(g: dict[str, str | None], a: Anchor, _t: Tense) -> Resolved | None:
    mod = _mod(g["mod"])
    if g["cent"] is not None:
        return _decade(int(g["cent"]) * 100 + int(g["dec"] or 0) * 10, a.tz, mod)
    if g["decword"] is not None:
        return _decade(1900 + DECADE_WORDS[g["decword"].lower()] * 10, a.tz, mod)
    digit = int(g["dec2"] or 0)
    ref_year = 2000 if a.day is None else a.day.year
    first = ref_year // 100 * 100 + digit * 10
    if first > ref_year:
        first -= 100
    return _decade(first, a.tz, mod)


def _h_mon(g: dict[str, str | None], a: Anchor, tense: Tense) -> Resolved | None:
    month = _month_no(g["month"] or "")
    mod = _mod(g["mod"])
    if a.day is None:
        return _unknown(f"XXXX-{month:02d}", "month", mod)
    year = _pick_month(month, a.day, tense)
    return _month(year, month, a.tz, mod)


def _h_seas(g: dict[str, str | None], a: Anchor, tense: Tense) -> Resolved | None:
    code = SEASONS[(g["season"] or "").lower()]
    mod = _mod(g["mod"])
    if g["year"] is not None:
        return _season(int(g["year"]), code, a.tz, mod)
    if a.day is None:
        return _unknown(f"XXXX-{code}", "season", mod)
    return _season(_pick_season(code, a.day, tense, None), code, a.tz, mod)


def _thanksgiving(year: int) -> dt.date:
    return dt.date(year, 11, 1) + relativedelta(weekday=TH(4))


def _easter_monday(year: int) -> dt.date:
    return easter(year) + relativedelta(weekday=MO(1))


def _good_friday(year: int) -> dt.date:
    return easter(year) + relativedelta(weekday=FR(-1))


def _from_easter(days: int) -> Callable[[int], dt.date]:
    """The rule of a feast ``days`` after Easter Sunday (before it when negative)."""

    def rule(year: int) -> dt.date:
        return easter(year) + dt.timedelta(days=days)

    return rule


def _nth_weekday(month: int, day: int, nth: weekday) -> Callable[[int], dt.date]:
    """The rule of a holiday on a weekday counted from a day of its month."""

    def rule(year: int) -> dt.date:
        return dt.date(year, month, day) + relativedelta(weekday=nth)

    return rule


# holiday -> (month, day) or the rule that gives its day in a year
_HOLIDAYS: dict[str, tuple[int, int] | Callable[[int], dt.date]] = {
    "christmas": (12, 25),
    "christmas day": (12, 25),
    "christmas eve": (12, 24),
    "boxing day": (12, 26),
    "new year's day": (1, 1),
    "new year's eve": (12, 31),
    "halloween": (10, 31),
    "valentine's day": (2, 14),
    "independence day": (7, 4),
    "thanksgiving": _thanksgiving,
    "thanksgiving day": _thanksgiving,
    "easter": easter,
    "easter sunday": easter,
    "easter monday": _easter_monday,
    "good friday": _good_friday,
    # the moveable feasts of the western churches, counted from Easter Sunday
    "shrove tuesday": _from_easter(-47),
    "mardi gras": _from_easter(-47),
    "ash wednesday": _from_easter(-46),
    "palm sunday": _from_easter(-7),
    "maundy thursday": _from_easter(-3),
    "holy saturday": _from_easter(-1),
    "ascension day": _from_easter(39),
    "pentecost": _from_easter(49),
    "pentecost sunday": _from_easter(49),
    "whit sunday": _from_easter(49),
    "whitsunday": _from_easter(49),
    "whit monday": _from_easter(50),
    # holidays whose name gives one date wherever it is written ("Labour Day" and
    # "Mother's Day" fall on other days in other countries, and are left out)
    "labor day": _nth_weekday(9, 1, MO(1)),  # the first Monday of September
    "memorial day": _nth_weekday(5, 31, MO(-1)),  # the last Monday of May
    "martin luther king day": _nth_weekday(1, 15, MO(1)),  # the third Monday of January
    "martin luther king jr day": _nth_weekday(1, 15, MO(1)),
    "presidents day": _nth_weekday(2, 15, MO(1)),  # the third Monday of February
    "presidents' day": _nth_weekday(2, 15, MO(1)),
    "columbus day": _nth_weekday(10, 8, MO(1)),  # the second Monday of October
    # the United States' general elections, the Tuesday after the first Monday of
    # November; capitalised as a name ("Election Day"), as "election day" is any
    # election's day, in any country
    "election day": _nth_weekday(11, 2, TU(1)),
    "veterans day": (11, 11),
    "veterans' day": (11, 11),
    "remembrance day": (11, 11),
    "armistice day": (11, 11),
    "bastille day": (7, 14),
    "st patrick's day": (3, 17),
    "saint patrick's day": (3, 17),
    "fourth of july": (7, 4),
    "juneteenth": (6, 19),
    "hogmanay": (12, 31),
    "anzac day": (4, 25),
}


def _holiday_in(
    rule: tuple[int, int] | Callable[[int], dt.date], day: dt.date, direction: int
) -> dt.date | None:
    """The holiday's day before ``day`` (direction -1), after it (1) or in its year (0)."""
    years = (day.year - 1, day.year, day.year + 1)
    if isinstance(rule, tuple):
        days = [d for y in years if (d := _safe_date(y, *rule)) is not None]
    else:
        days = [rule(y) for y in years]
    if direction < 0:
        return max((d for d in days if d < day), default=None)
    if direction > 0:
        return min((d for d in days if d > day), default=None)
    return next((d for d in days if d.year == day.year), None)


def _h_holiday(g: dict[str, str | None], a: Anchor, tense: Tense) -> Resolved | None:
    # "the fourth of July" is a date as much as a name: its "fourth" need not be capitalised
    written = g["hname"] or g.get("hjuly") or ""
    name = " ".join(written.lower().replace("’", "'").replace(".", "").split())
    rule = _HOLIDAYS[name]
    week = g.get("hweek") is not None  # "Easter week": the week that holds the day
    if (written_year := g.get("year")) is not None:
        # "Christmas 2024", "Election Day 1998": the holiday in the year written
        year = int(written_year)
        found = _safe_date(year, *rule) if isinstance(rule, tuple) else rule(year)
        if found is None:
            return None
        return _week(found, a.tz, _approx(g)) if week else _day(found, a.tz, _approx(g))
    if a.day is None:
        if week:
            return _unknown("XXXX-WXX", "week", _approx(g))
        if isinstance(rule, tuple):
            return _unknown(f"XXXX-{rule[0]:02d}-{rule[1]:02d}", "day", _approx(g))
        return _unknown("XXXX-XX-XX", "day", _approx(g))
    direction = DIRECTIONS.get(_dir(g)) if "dir" in g else None
    if direction is not None:
        # "last Thanksgiving", "next Easter", "this Christmas": counted from the day
        found = _holiday_in(rule, a.day, direction)
    elif isinstance(rule, tuple):
        found = _pick_month_day(*rule, a.day, tense)
    else:
        days = [rule(y) for y in (a.day.year - 1, a.day.year, a.day.year + 1)]
        before = max(d for d in days if d <= a.day)
        after = min(d for d in days if d >= a.day)
        back, ahead = (a.day - before).days, (after - a.day).days
        future = tense == "future" or back > ahead + _TIE_DAYS * (tense == "past")
        found = after if future else before
    if found is None:
        return None
    mod = _approx(g)
    return _week(found, a.tz, mod) if week else _day(found, a.tz, mod)


# "1994 or later", "1990 and beyond", "1975 or earlier"
_OR_LATER = {"later": "ON_OR_AFTER", "beyond": "ON_OR_AFTER", "earlier": "ON_OR_BEFORE"}


def _h_yr(g: dict[str, str | None], a: Anchor, _t: Tense) -> Resolved | None:
    mod = _mod(g.get("mod"))
    if g.get("orlater"):
        mod = _OR_LATER[(g["orlater"] or "").split()[-1].lower()]
    return _year(int(g["year"] or 0), a.tz, mod)


def _h_ordday(g: dict[str, str | None], a: Anchor, tense: Tense) -> Resolved | None:
    day = int(g["day"] or 0)
    if a.day is None:
        return _unknown(f"XXXX-XX-{day:02d}", "day")
    first = a.day.replace(day=1)
    options = [first + relativedelta(months=k) for k in (-1, 0, 1)]
    days = [d for m in options if (d := _safe_date(m.year, m.month, day)) is not None]
    if tense == "future":
        chosen = [d for d in days if d >= a.day][:1]
    else:
        chosen = [d for d in days if d <= a.day][-1:]
        ahead = [d for d in days if d > a.day][:1]
        if (
            tense == "unknown"
            and ahead
            and (not chosen or (ahead[0] - a.day) < (a.day - chosen[0]))
        ):
            # no tense: the nearer one ("voting ends on the 25th" on the 22nd)
            chosen = ahead
    return _day(chosen[0], a.tz) if chosen else None


_Handler: TypeAlias = Callable[[dict[str, str | None], Anchor, Tense], Resolved | None]
_HANDLERS: dict[str, _Handler] = {
    "iso": _h_iso,
    "numdate": _h_numdate,
    "clock": _h_clock,
    "hourpart": _h_hourpart,
    "dmy": _h_mdy,
    "wdays": _h_wdays,
    "wdpair": _h_wdpair,
    "weekof": _h_weekof,
    "wd": _h_wd,
    "mdy": _h_mdy,
    "my": _h_my,
    "ago": _h_ago,
    "vagueago": _h_vagueago,
    "set": _h_set,
    "qtr": _h_qtr,
    "dur": _h_dur,
    "vague": _h_vague,
    "rel": _h_rel,
    "wkend": _h_wkend,
    "offset": _h_offset,
    "yearago": _h_yearago,
    "that": _h_that,
    "dpart": _h_dpart,
    "dpart2": _h_dpart,
    "deictic": _h_deictic,
    "ref": _h_ref,
    "decade": _h_decade,
    "centord": _h_centord,
    "mon": _h_mon,
    "seas": _h_seas,
    "yr": _h_yr,
    "holiday": _h_holiday,
    "feast": _h_holiday,
    "theunit": _h_theunit,
    "rate": _h_rate,
    "someday": _h_someday,
    "qtrof": _h_qtrof,
    "half": _h_half,
    "yrthousand": _h_yr,
    "yearended": _h_yearended,
    "fiscalyear": _h_fiscalyear,
    "fy": _h_fy,
    "plural": _h_vague,
    "longadj": _h_longadj,
    "yearend": _h_yearend,
    "ordday": _h_ordday,
    "awhile": _h_awhile,
    "nthday": _h_nthday,
}


class _Hit(NamedTuple):
    """One recognised expression: its family, the match (on lower-cased text), where
    the matched window starts in the source, and the recogniser that matched."""

    family: str
    match: re.Match[str]
    offset: int
    recogniser: Recogniser

    def group(self, name: str) -> str | None:
        """The family's group ``name`` (the first of its renamed copies that matched)."""
        family, match, _offset, recogniser = self  # fields by name are slow reads
        for unique in recogniser.groups[family].get(name, ()):
            value = match.group(unique)
            if value is not None:
                return value
        return None

    def groupdict(self) -> dict[str, str | None]:
        """Every group of the family by its plain name; a year read aloud ("nineteen
        ninety-six") is given in digits."""
        blank, names, uniques = _group_plan(self.recogniser, self.family)
        values = self.match.group(*uniques)
        groups = blank.copy()
        # the plan lists the copies last to first: the first copy that matched is
        # written last (in C, where a loop over the names ran in Python)
        groups.update(_compress(zip(names, values, strict=True), map(_is_not, values, _NONES)))
        year = groups.get("year")
        if year is not None and not year[:1].isdigit():
            groups["year"] = str(spelled_year(year))
        return groups

    @property
    def span(self) -> tuple[int, int]:
        """Offsets in the source."""
        _family, match, offset, _recogniser = self
        return offset + match.start(), offset + match.end()

    def start(self, name: str) -> int:
        """Source offset of group ``name``, -1 if it did not match."""
        for unique in self.recogniser.groups[self.family].get(name, ()):
            k = self.match.start(unique)
            if k >= 0:
                return self.offset + k
        return -1


_GroupPlan: TypeAlias = tuple[dict[str, str | None], tuple[str, ...], tuple[str, ...]]
_GROUP_PLANS: dict[tuple[int, str], _GroupPlan] = {}
_NONES: Final = itertools.repeat(None)  # map stops at the values' end
_compress: Final = itertools.compress


def _group_plan(recogniser: Recogniser, family: str) -> _GroupPlan:
    """The plain names of ``family``'s groups in ``recogniser``, each None (the
    groups of a hit where none matched), then the plain name of each renamed group
    and the renamed groups, in the same order, from the last to the first (with an
    entry for the family itself, so that ``Match.group`` always gives a tuple)."""
    key = (id(recogniser.pattern), family)
    try:
        return _GROUP_PLANS[key]
    except KeyError:
        pass
    pairs = [(family, family)]
    pairs += [(name, u) for name, us in recogniser.groups[family].items() for u in us]
    names = tuple(n for n, _ in pairs)
    uniques = tuple(u for _, u in pairs)
    blank: dict[str, str | None] = dict.fromkeys(names)
    plan = _GROUP_PLANS[key] = (blank, names[::-1], uniques[::-1])
    return plan


def _lower(window: str) -> str:
    """Lower-case without changing any offset (a few letters lengthen when lowered)."""
    low = window.lower()
    if len(low) == len(window):
        return low
    return "".join(c.lower() if c.isascii() else c for c in window)


_WINDOW = 120


def _window_end(s: int, hi: int, blanks: Sequence[int]) -> int:
    """Where a mention starting at ``s`` ends at the latest: ``_WINDOW`` on, at ``hi``,
    or at the first of the stops ``blanks`` after ``s`` (:func:`~.patterns.mention_stops`:
    "May 3\\n\\nJanuary" is two mentions).

    >>> text = "May 3\\n\\nJanuary 16, 2024"
    >>> _window_end(0, len(text), mention_stops(text, 0, len(text))), _window_end(7, 23, [5])
    (5, 23)
    """
    stop = s + _WINDOW if s + _WINDOW < hi else hi
    if blanks:
        k = bisect.bisect_left(blanks, s)
        if k < len(blanks) and blanks[k] < stop:
            return blanks[k]
    return stop


_RECOGNISERS: dict[str, Recogniser | None] = {}


def _match_at(text: str, s: int, stop: int, recogniser: Recogniser) -> _Hit | None:
    """Match ``recogniser``'s families at ``s`` against ``text[s:stop]``.

    Only a window of the text is lower-cased, which costs less than lowering the
    whole text once (non-ASCII text lowers slowly).
    """
    left = s - 1 if s > 0 else 0
    raw = text[left:stop]
    window = raw.lower()
    if len(window) != len(raw):
        window = _lower(raw)
    m = recogniser.pattern.match(window, s - left)
    return None if m is None else _checked_hit(m, text, left, recogniser)


def _checked_hit(
    m: re.Match[str],
    text: str,
    offset: int,
    recogniser: Recogniser,
    broad: tuple[str, ...] | None = None,
) -> _Hit | None:
    """The :class:`_Hit` of match ``m`` (on lower-cased text from ``offset`` of ``text``),
    or None when a month or weekday name it needs capitalised is not ("may" is a verb);
    a match that only goes on to such a name is tried again up to it ("on Tuesday 3 may
    be freed" keeps "Tuesday"), with the recogniser of families ``broad`` when ``m`` is a
    match of a recogniser narrowed by the words at the start (:func:`_narrowed`): the
    shorter text need not start with them."""
    family = m.lastgroup
    if family is None:  # pragma: no cover - every family is a named group
        return None
    for unique in recogniser.capitalised[family]:
        k = m.start(unique)
        if k >= 0 and not text[offset + k].isupper():
            if k <= m.start():
                return None
            if broad is None or broad == recogniser.families:
                shorter = m.re.match(m.string, m.start(), k)
                return None if shorter is None else _checked_hit(shorter, text, offset, recogniser)
            wide = compile_recogniser(broad)
            shorter = wide.pattern.match(m.string, m.start(), k)
            return None if shorter is None else _checked_hit(shorter, text, offset, wide)
    return _new_tuple(_Hit, (family, m, offset, recogniser))


_BY_WORD: dict[bytes, Recogniser | None] = {}


def _recogniser_at(text: str, folded: bytes, base: int, s: int) -> Recogniser | None:
    """The recogniser for a mention starting at ``text[s]``, by the word there (cached
    per word: the word decides which families can start with it). ``folded`` is
    :func:`~.patterns.fold` of the text from ``base`` on."""
    i = s - base
    if folded[i] == 32:  # an apostrophe: '90s
        return _recogniser_for(text[s])
    j = folded.find(b" ", i)
    word = folded[i:j] if j >= 0 else folded[i:]
    try:
        return _BY_WORD[word]
    except KeyError:
        pass
    token = _TOKEN.match(word.decode("ascii"))
    found = None if token is None else _recogniser_for(token.group())
    if len(_BY_WORD) >= _CACHE_LIMIT:
        _BY_WORD.clear()
    _BY_WORD[word] = found
    return found


def _recogniser_for(key: str) -> Recogniser | None:
    try:
        return _RECOGNISERS[key]
    except KeyError:
        found = _RECOGNISERS[key] = patterns_for(key)
        return found


def resolve_text(
    text: str, anchor: Anchor, tense: Tense = "unknown", *, after_in: bool = False
) -> Resolved | None:
    """Resolve one expression as written (the whole of ``text``) against ``anchor``.

    >>> a = Anchor.from_reference(dt.date(2024, 1, 22))
    >>> resolve_text("last summer", a).value
    '2023-SU'
    >>> resolve_text("five-day", a).value
    'P5D'
    """
    stop = _window_end(0, len(text), mention_stops(text, 0, len(text)))
    hit = _match_at(text, 0, stop, mention_pattern())
    if hit is None or hit.span != (0, len(text)):
        return None
    groups = hit.groupdict()
    groups["in"] = "in" if after_in else None
    groups["quarter"] = None
    return _handle(hit.family, groups, anchor, tense)


def _handle(
    family: str, groups: dict[str, str | None], anchor: Anchor, tense: Tense
) -> Resolved | None:
    """Family ``family``'s handler on ``groups``. What would fall outside the calendar
    (before year 1 or after 9999: "next month" on 9999-12-31) is resolved as against an
    unknown day, its unknown parts left ``X``; an interval that only ends past it
    ("December" then) keeps its value, its end unknown.

    >>> late = Anchor.from_reference(dt.date.max)
    >>> december = resolve_text("December", late)
    >>> resolve_text("next month", late).value, december.value, december.end
    ('XXXX-XX', '9999-12', None)
    """
    try:
        return _HANDLERS[family](groups, anchor, tense)
    except (ValueError, OverflowError):
        if anchor.day is None:
            return None
        return _handle(family, groups, anchor._replace(day=None, time=None), tense)


_NEXT_DAY_FAMILIES: Final = frozenset({"wd", "mdy", "holiday", "feast"})
# what ends "the day before " or "the day after " (checked first: it is cheap)
_BEFORE_OR_AFTER: Final = ("before ", "after ")
_THE_DAY_BEFORE = re.compile(r"(?<![A-Za-z])[Tt]he[ \t]+day[ \t]+(before|after)[ \t]+\Z")


def _day_next_to(
    template: Mention, text: str, start: int, end: int, floor: int
) -> tuple[int, Mention]:
    """``template`` found at ``text[start:end]``, or, after "the day before" or "the
    day after" ("the day before last Tuesday", "the day after Christmas"), the day next
    to it as one expression from ``the``, and where it starts."""
    m = _THE_DAY_BEFORE.search(text, max(floor, start - 16), start)
    if m is None or template.granularity not in {"day", "daypart"}:
        return start, template
    moved = _next_to(
        Resolved(
            template.type,
            template.value,
            template.start,
            template.end,
            template.granularity,
            template.mod,
        ),
        -1 if m.group(1) == "before" else 1,
    )
    return m.start(), _checked(moved, text[m.start() : end], m.start(), end)


def _next_to(resolved: Resolved, days: int) -> Resolved:
    """``resolved``, a day or a part of one, moved by ``days``; with no calendar date,
    or past the calendar's ends, an unknown day."""
    if resolved.start is None or resolved.value[4:5] != "-":
        return _unknown("XXXX-XX-XX", "day")
    shift = dt.timedelta(days=days)
    try:
        moved = dt.date.fromisoformat(resolved.value[:10]) + shift
        start = resolved.start + shift
    except OverflowError:
        return _unknown("XXXX-XX-XX", "day")
    try:
        end = None if resolved.end is None else resolved.end + shift
    except OverflowError:  # the day after 9999-12-30 ends past the calendar: unknown
        end = None
    return resolved._replace(value=moved.isoformat() + resolved.value[10:], start=start, end=end)


# --------------------------------------------------------------------------- scanning

_SENTENCE_STOPS = ("\n", "! ", "? ", ". ")
_CONTEXT = 100
# how far back the sentence's start is looked for: its verb usually opens it, and a
# news sentence runs to 200 characters or more before the date it ends with
_CONTEXT_BEFORE = 400


class _Cues(NamedTuple):
    """The tense cues nearest an expression in its sentence: the last one before it and
    the first one after it, each with its distance in characters (None, 0 when absent)."""

    before: Tense | None
    back: int
    after: Tense | None
    ahead: int

    @property
    def tense(self) -> Tense:
        """The sentence's tense: the cue before the expression, else the one after."""
        return self.before or self.after or "unknown"

    def within(self, reach: int) -> Tense:
        """The tense from the cues no farther than ``reach`` characters."""
        if self.before is not None and self.back <= reach:
            return self.before
        if self.after is not None and self.ahead <= reach:
            return self.after
        return "unknown"


def _cues(
    text: str,
    start: int,
    end: int,
    lo: int,
    hi: int,
    *,
    low: str | None = None,
    reach: int = _CONTEXT,
    ahead: int = _CONTEXT,
) -> _Cues:
    """The cue words nearest ``text[start:end]`` in its sentence, within
    :data:`_CONTEXT_BEFORE` characters before it and ``ahead`` after it; the one
    after it is looked for only when none stands before it within ``reach``. ``low``,
    when given, is the lowered ``text[lo - 1 : hi]`` (``text[:hi]`` when ``lo`` is 0)."""
    # where the sentence starts: after the last of _SENTENCE_STOPS, each looked for in
    # turn after the one before (written out: this runs for most expressions)
    left = start - _CONTEXT_BEFORE if start - _CONTEXT_BEFORE > lo else lo
    k = text.rfind("\n", left, start)
    if k >= 0:
        left = k + 1
    k = text.rfind("! ", left, start)
    if k >= 0:
        left = k + 1
    k = text.rfind("? ", left, start)
    if k >= 0:
        left = k + 1
    k = text.rfind(". ", left, start)
    while k >= 0 and _goes_on(text, k + 2, start):
        k = text.rfind(". ", left, k)
    if k >= 0:
        left = k + 1
    # the cues are matched with the character before each (see tense_pattern): the
    # window opens with a blank, so that window[i + 1] is text[left + i]
    right = end + ahead if end + ahead < hi else hi
    if low is None:
        right = _sentence_end(text, end, right)
        window = " " + _lower(text[left:right])
    else:
        base = lo - 1 if lo > 0 else 0
        window = " " + low[left - base : right - base]
    cues = tense_pattern().finditer
    # the last cue before the expression (the verb usually precedes it: "said on
    # Monday", "will meet on Thursday"), else the first one after it; a cue inside the
    # expression itself ("next month") and a passive participle ("be held") do not count,
    # nor does "until" opening the sentence before it, whose clause's verb comes after
    # ("Until Thursday, they had not called him a suspect")
    before: Tense | None = None
    back = 0
    for m in reversed(list(cues(window, 0, start - left + 1))):
        group = m.lastgroup
        if (
            group == "future"
            and window.startswith("until", m.start() + 1)
            and _opens_sentence(text, start, lo)
        ):
            continue
        if group != "neutral" and not _is_name(text, left + m.start(), lo):
            before = "future" if group == "future" else "past"
            back = start - left - m.start()
            if back <= reach:
                # tuple.__new__: the NamedTuple's own __new__ is a Python call
                return _new_tuple(_Cues, (before, back, None, 0))
            break
    if low is not None:
        right = _sentence_end(text, end, right)
    for m in cues(window, end - left, right - left + 1):
        group = m.lastgroup
        if group != "neutral" and not _is_name(text, left + m.start(), lo):
            after: Tense = "future" if group == "future" else "past"
            return _new_tuple(_Cues, (before, back, after, left + m.end() - 1 - end))
    return _new_tuple(_Cues, (before, back, None, 0))


_AND_OR: Final = (" and ", " or ")


@functools.cache
def _joined_plural_pattern() -> re.Pattern[str]:
    """A plural weekday after "and" or "or" (compiled on first use, as the recognisers)."""
    days = "|".join(WEEKDAYS)
    return re.compile(
        rf"\s+(?:and|or)\s+(?:{days})(?:s|\s+(morning|afternoon|evening|night)s)(?![\w])",
        re.IGNORECASE,
    )


def _joined_plural(text: str, end: int) -> str | None:
    """The part of the day ("night", or "" for none) of a plural weekday joined to the
    weekday that ends at ``text[end]`` ("Monday and Tuesday nights", "Saturday or
    Sundays"), else None.

    >>> _joined_plural("on Monday and Tuesday nights", 9), _joined_plural("Monday and Tuesday", 6)
    ('night', None)
    """
    m = _joined_plural_pattern().match(text, end)
    return None if m is None else (m.group(1) or "").lower()


def _sentence_end(text: str, end: int, right: int) -> int:
    """Where the sentence that goes on at ``text[end]`` ends, at ``right`` at the latest."""
    for stop in _SENTENCE_STOPS:
        k = text.find(stop, end, right)
        while k >= 0 and stop == ". " and _goes_on(text, k + 2, right):
            k = text.find(stop, k + 2, right)
        if k >= 0:
            right = k
    return right


# abbreviations that stand before a name and never end a sentence: titles and "vs."
_TITLES: Final = frozenset(
    {
        *("mr", "mrs", "ms", "messrs", "dr", "prof", "gen", "lt", "col", "maj", "sgt"),
        *("capt", "cmdr", "adm", "sen", "sens", "rep", "reps", "gov", "rev", "vs"),
    }
)


def _goes_on(text: str, k: int, hi: int) -> bool:
    """Whether the sentence goes on at ``text[k]``, after a full stop and a blank: a
    lower-case word or a number follows an abbreviation ("the U.S. firm", "Sept. 14"),
    or an aside that opens with one ("10:35 a.m. (0735 GMT) Friday"); any word follows
    a title or "vs." ("Mr. Smith", "Roe vs. Wade")."""
    j = k - 2  # the full stop
    if k < hi and text[k] == "(":
        k += 1
    if k >= hi:
        return False
    if text[k].islower() or text[k].isdigit():
        return True
    i = j
    first = j - 7 if j > 7 else 0  # a title is short: look no farther back
    while i > first and text[i - 1].isalpha():
        i -= 1
    return 0 < j - i <= 6 and (i == 0 or not text[i - 1].isalnum()) and text[i:j].lower() in _TITLES


_SENTENCE_OPENERS = frozenset(".!?:;\n\"“‘'(")


def _is_name(text: str, k: int, lo: int) -> bool:
    """Whether the word at ``text[k]`` is capitalised inside its sentence: a name, not a
    verb ("the United States", "Manchester United", "the Associated Press"). A word
    in capitals ("Talks RESUMED on Thursday") is no name."""
    if not (text[k].isupper() and text[k + 1 : k + 2].islower()):
        return False
    j = k - 1
    while j >= lo and text[j] in " \t":
        j -= 1
    return j >= lo and text[j] not in _SENTENCE_OPENERS


def _after_a_name(text: str, start: int, lo: int) -> bool:
    """Whether the word before ``text[start]`` is a name (see `_is_name`), not one of
    the small words a headline in title case capitalises ("Voters Head To The Polls On
    Election Day")."""
    j = start - 1
    while j >= lo and text[j] in " \t":
        j -= 1
    k = j
    while k > lo and text[k - 1].isalpha():
        k -= 1
    return lo <= k <= j and text[k : j + 1].lower() not in _TITLE_SMALL and _is_name(text, k, lo)


# the prepositions, articles, conjunctions, pronouns and auxiliaries a headline in title
# case capitalises: no name
_TITLE_SMALL = frozenset(
    (
        *("a", "about", "after", "ahead", "an", "and", "are", "as", "at", "before", "by"),
        *("during", "for", "from", "his", "her", "how", "in", "into", "is", "it", "its"),
        *("of", "on", "or", "our", "over", "since", "than", "that", "the", "their", "this"),
        *("till", "to", "until", "upon", "was", "were", "what", "when", "where", "why"),
        *("will", "with", "your"),
    )
)


def _tense(text: str, start: int, end: int, lo: int, hi: int, *, low: str | None = None) -> Tense:
    """The tense of the sentence around ``text[start:end]``, from cheap cue words (see
    :func:`_cues`)."""
    before, _back, after, _ahead = _cues(text, start, end, lo, hi, low=low)
    return before or after or "unknown"


def _plural_noun_follows(text: str, end: int, hi: int) -> bool:
    """``2000 soldiers``: a number that counts something is not a year."""
    m = _NEXT_WORD.match(text, end, hi)
    if m is None:
        return False
    word = m.group(1)
    if word in _PLURALS_WITHOUT_S:
        return True
    return word.endswith("s") and len(word) > 3 and word not in NOT_PLURALS


_PLURALS_WITHOUT_S = frozenset({"people", "men", "women", "children", "police"})
_NEXT_WORD = re.compile(r"[ \t]+([a-z]+)\b")
_FULL_MONTH_NAMES = frozenset(w for w in MONTHS if len(w) > 4 or w in {"may", "june", "july"})
_DIGIT_GROUP_AFTER = re.compile(r"[ -][0-9]{3}")
_DIGIT_GROUP_BEFORE = re.compile(r"[0-9][ -]$")
_SURNAME_BEFORE = re.compile(r"(?:([A-Z][a-z]+)|[A-Z]\.)[ \t]+$")
# capitalised words before a month that are no first names (a sentence's first word)
_NO_FIRST_NAMES = _words(
    """
    in on at by since until till from during before after through throughout for of to
    the this that last next early late mid and but or between around about into each every
    """
)
# "the" ending the text before a bare March, and a noun after it (no preposition: "the
# March on Washington", "the March for Life" are marches)
_THE_BEFORE = re.compile(r"(?<![a-z])the$")
_NOUN_AFTER = re.compile(
    r"[ \t]+(?!(?:on|for|of|to|against|from|through|across|in|at|into)(?![a-z]))[a-z]"
)


_UNIT_TO_UNIT = ("-to-", "-on-", "-over-", "-by-")
_COUNT_AFTER = re.compile(
    r"[ \t\n]+(?:[0-9]|(?:"
    + "|".join(w for w in NUMBER_WORDS if w[:1] != "a")
    + r"|several|few|many|couple)(?![A-Za-z]))",
    re.IGNORECASE,
)
_NIGHT_HOURS = re.compile(r"(?<![a-z])(?:early|small|wee)[ \t]+\Z")
# "Fed minutes", "the minutes of the January meeting", "the minutes showed": the record of
# a meeting, no length ("in the minutes after the blast", "the meeting minutes before the
# vote", "the final minutes of the game" keep it)
_RECORD_BY = re.compile(
    r"(?:(?<![\w'’-])(?:Fed|FOMC|ECB|BoE|BOE|BoJ|BOJ|RBA|MPC|Reserve)|(?<![\w'’-])(?i:meeting"
    r"|board|committee|council|cabinet|policy))[ \t]+\Z"
)
_RECORD_THE = re.compile(r"(?<![\w'’-])[Tt]he[ \t]+\Z")
_RECORD_AFTER = re.compile(
    r"[ \t]+(?:of[ \t]+(?:[\w'’.-]+[ \t]+){0,4}?(?i:meeting|session|committee|board|hearing"
    r"|council|cabinet|sitting|FOMC)s?|(?:show|shows|showed|shown|reveal|reveals|revealed"
    r"|suggest|suggests|suggested|indicate|indicates|indicated|released|published))(?![\w'’-])"
)
_TIME_AFTER = re.compile(
    r"[ \t]+(?:later|earlier|before|after|ago|apart|into|away|long|late|early|to)(?![\w'’-])",
    re.IGNORECASE,
)


def _is_record(text: str, start: int, end: int, lo: int) -> bool:
    """Whether "minutes" at ``text[start:end]`` is the record of a meeting
    (:data:`_RECORD_BY`, :data:`_RECORD_THE`, :data:`_RECORD_AFTER`), no length."""
    if _RECORD_BY.search(text, max(lo, start - 10), start) is not None:
        return _TIME_AFTER.match(text, end) is None
    return (
        _RECORD_THE.search(text, max(lo, start - 5), start) is not None
        and _RECORD_AFTER.match(text, end) is not None
    )


def _is_false_positive(hit: _Hit, text: str, lo: int, hi: int) -> bool:
    """Context checks a pattern cannot make cheaply: surnames, verbs, counted nouns."""
    family = hit.family
    start, end = hit.span
    written = text[start:end]
    if family == "mon":
        k = hit.start("month")
        word = text[k : k + len(hit.group("month") or "")]
        if word.lower() not in _FULL_MONTH_NAMES and not word.endswith("."):
            return True  # "Jan" is a name; "Jan." is January
        if word in {"May", "March"} and written == word:
            # "Theresa May", "March on Washington": a bare May needs a preposition; March
            # after "the" and before a noun is the month ("the March accession")
            before = text[max(lo, start - 12) : start].rstrip().lower()
            if before.endswith(("in", "of", "since", "until", "by", "from")):
                return False
            return not (
                word == "March"
                and _THE_BEFORE.search(before) is not None
                and _NOUN_AFTER.match(text, end) is not None
            )
        if written == word and word in {"June", "April", "August"}:
            # "Jenny April", "J. June": a name before; "In June", "The June report": none
            name = _SURNAME_BEFORE.search(text, max(lo, start - 20), start)
            return name is not None and (name.group(1) or "").lower() not in _NO_FIRST_NAMES
    if (
        family == "seas"
        and hit.group("the") is None
        and hit.group("year") is None
        and (hit.group("season") or "") in {"spring", "fall"}
    ):
        before = text[max(lo, start - 8) : start].lower()
        return not before.endswith(("in ", "this ", "last ", "next "))
    later = hit.group("orlater") if family == "yr" and written[-1:].isalpha() else None
    if later is not None:
        # "1994 or later": the year's checks are the bare year's
        end -= len(later)
        written = written[: -len(later)]
    if family == "yr" and hit.group("fiscal") is None and written.lower() == hit.group("year"):
        words = text[max(lo, start - 8) : start].lower().split()
        if not written.isdigit():
            # "nineteen eighty-four people" counts them
            return _plural_noun_follows(text, end, hi)
        if int(written) < 1800 and (not words or words[-1] not in YEAR_CUES):
            return True
        # phone numbers and other digit groups: "1800 123 456", "020 2034 5678"
        if _DIGIT_GROUP_AFTER.match(text, end, hi) or _DIGIT_GROUP_BEFORE.search(
            text, max(lo, start - 4), start
        ):
            return True
        if words and words[-1] in {"the", "its", "their"} and 1900 <= int(written) <= 2099:
            return False  # "the 1992 protests", "the 2016 elections" are years
        return _plural_noun_follows(text, end, hi)
    if family == "dur":
        return _is_false_count(hit, text, end)
    if family == "qtr":
        if text.startswith(_UNIT_TO_UNIT, end):
            return True  # "quarter-to-quarter": a comparison, no time
        # "a quarter of the population" is not a calendar quarter
        return not any(hit.group(n) for n in ("qnum", "dir", "the", "year"))
    if family == "plural" and text.startswith(_A_AFTER, end) and _all_the_time(text, start, end):
        return True  # the "hours" of "24 hours a day"
    if family == "plural" and hit.group("unit") == "minute":
        return _is_record(text, start, end, lo)
    if family == "plural" and hit.group("unit") == "hour":
        # "in the early hours", "the small hours": a time of the night, no length
        return _NIGHT_HOURS.search(_lower(text[max(lo, start - 10) : start])) is not None
    if family == "ref" and written[-8:].lower() == "recently":
        # "most recently last October", "as recently as 2019": the date is the time
        return _DATE_AFTER_RECENTLY.match(text, end, hi) is not None
    if family == "ref" and written[-6:].lower() == "future":
        return _is_prospects(text, start, end, lo)
    if family == "ref" and written[-4:] == "past":
        # "the past two elections", "the past few games": "past" counts what is no time
        return _COUNT_AFTER.match(text, end, hi) is not None
    if family == "nthday":
        # "it is the second day of ...": only the present makes it the reference's day
        return _IT_IS_BEFORE.search(text, max(lo, start - 16), start) is None
    if family == "awhile":
        # a length only after "for": "once in a while", "at some time" are no lengths
        return _FOR_BEFORE.search(text, max(lo, start - 5), start) is None
    if (
        family == "ref"
        and written == "Now"
        and text.startswith((",", " on ", " for "), end)
        and not text.startswith(" for the first", end)
    ):
        # "Now, he says, ...", "Now on to ...", "Now for the weather": a discourse marker
        # at the head of a sentence, no time ("Now for the first time ..." is the present)
        before = text[max(lo, start - 3) : start].rstrip(" \t\"'“‘`")
        return not before or before.endswith((".", "!", "?", "\n"))
    if family == "set" and hit.group("adverb") is not None:
        # "sales rise 8.5% annually": a rate of change
        return _is_change_rate(text, start, lo)
    if family == "dpart" and written[:4].lower() == "the ":
        # "tapes from the night the flight went down": the night of the event the clause
        # names, no night counted from the reference or the last date
        return _EVENT_CLAUSE_AFTER.match(text, end) is not None and (
            _RECALLED_BEFORE.search(text, max(lo, start - 14), start) is not None
        )
    if family == "deictic" and written.lower().endswith(("today", "tomorrow")):
        return _is_era(text, start, end, lo)
    if family == "clock" and written[:4].lower() == "noon":
        # "high noon comes today": the hour of a showdown, an idiom, no time of day
        return _HIGH_BEFORE.search(text, max(lo, start - 6), start) is not None
    return False


# a percentage right before a frequency or "a year": a rate of change ("revenue grows 20%
# annually", "costs rise 3% a year"), which TimeML leaves unmarked as it leaves a speed
# ("120 kilometres per hour"); no time recurs
_PERCENT_BEFORE = re.compile(r"[0-9](?:[ \t]?%|[ \t]+per[ \t]?cent)[ \t]+\Z", re.IGNORECASE)


def _is_change_rate(text: str, start: int, lo: int) -> bool:
    """Whether the frequency or rate at ``start`` follows a percentage, a rate of change
    (:data:`_PERCENT_BEFORE`)."""
    return _PERCENT_BEFORE.search(text, max(lo, start - 16), start) is not None


# the date right after "recently" ("most recently last October", "as recently as 2019",
# "recently on Monday"), which TimeML marks alone: "recently" only points at it
_DATE_AFTER_RECENTLY = re.compile(
    r"[ \t]+(?:as[ \t]+)?(?:(?:on|in|during|last|this|past)[ \t]+)?(?:"
    + "|".join(sorted((*MONTHS, *WEEKDAYS), key=len, reverse=True))
    + r"|yesterday|today|tonight|(?:1[89]|20)[0-9]{2}|week|month|year|spring|summer|fall"
    r"|autumn|winter)(?![\w'’-])",
    re.IGNORECASE,
)


# "the future" as the prospects of something, no time: before "of" ("the future of our
# peoples"), or opening a clause before a verb of seeming ("and the future looks bleak")
_PROSPECTS_AFTER = re.compile(
    r" of (?!course\b)|[ \t]+(?:looks?|looked|seems?|seemed|appears?|appeared|remains?"
    r"|remained|is|was)(?![\w'’-])"
)
_CLAUSE_OPENS = re.compile(r"(?:\A|[.,;:!?\"'“‘`(]|(?<![A-Za-z])(?:and|but))[ \t\n]*\Z")


def _is_prospects(text: str, start: int, end: int, lo: int) -> bool:
    """Whether "the future" at ``text[start:end]`` is the prospects of something
    (:data:`_PROSPECTS_AFTER`): "in the future", "the future that awaits him", "in the
    near future of course", "what matters in the future is cost" keep the time."""
    after = _PROSPECTS_AFTER.match(text, end)
    if after is None:
        return False
    if after.group()[:4] == " of ":
        return True
    return _CLAUSE_OPENS.search(text[max(lo, start - 8) : start]) is not None


# a part of the day named by a clause after it ("the night the plane went down", "the
# morning he left"), after a word that recalls or bounds it ("from", "since", "about",
# "remember") inside a clause, so that the clause after it is a relative one: "during
# the night the rebels attacked" and "Since the morning the army has shelled the town"
# are a night and a morning before their main clause
_EVENT_CLAUSE_AFTER = re.compile(
    r"[ \t]+(?:the|a|an|his|her|their|its|my|our|your|he|she|they|we|I|you|it)[ \t]+[A-Za-z]"
)
_RECALLED_BEFORE = re.compile(
    r"[A-Za-z0-9'’\"”)][ \t]+(?i:from|since|until|till|about|remember(?:s|ed)?|recall(?:s|ed)?)"
    r"[ \t]+\Z"
)


# "today's youth", "by today's standards", "tomorrow's world", "the people of tomorrow":
# the present or the future as an era, no day; the noun ends its phrase (a closed-class
# word or punctuation follows: "today's youth team" and "today's World Cup qualifier" are
# today's). TimeML leaves them unmarked, and a reader would not look them up as a day.
_ERA_NOUN = (
    r"(?:world|youth|society|generations?|people|young[ \t]+people|kids|children|teenagers"
    r"|standards|technology|culture)"
)
_PHRASE_ENDS = (
    r"(?=[ \t]*(?:[^A-Za-z0-9 \t'’-]|\Z)|[ \t]+(?:is|are|was|were|has|have|had|can|could|will"
    r"|would|may|might|must|should|do|does|did|and|or|but|in|of|to|for|with|from|at|on|by"
    r"|as|than|that|who|whom|which|where|what|when|how|because|if|like)(?![\w'’-]))"
)
_ERA_AFTER = re.compile(r"['’]s[ \t]+(?:[a-z]+(?:-[a-z]+)*[ \t]+)?" + _ERA_NOUN + _PHRASE_ENDS)
_ERA_BEFORE = re.compile(r"(?<![\w'’-])" + _ERA_NOUN + r"[ \t]+of[ \t]+\Z")


def _is_era(text: str, start: int, end: int, lo: int) -> bool:
    """Whether "today" or "tomorrow" at ``text[start:end]`` is an era (:data:`_ERA_AFTER`,
    :data:`_ERA_BEFORE`), not a day."""
    if _ERA_AFTER.match(text, end) is not None:
        return True
    if text.startswith(("'s", "’s"), end):
        return False
    return _ERA_BEFORE.search(text, max(lo, start - 24), start) is not None


_HIGH_BEFORE = re.compile(r"(?<![A-Za-z])[Hh](?:igh|IGH)[ \t]+\Z")


_IT_IS_BEFORE = re.compile(
    r"(?<![A-Za-z])(?:[Ii]t|[Tt]oday|[Tt]his)(?:[ \t]+is|['’]s)[ \t]+the[ \t]+\Z"
)
_THE_BEFORE_ORDINAL = re.compile(r"the[ \t]+\Z")
_FOR_BEFORE = re.compile(r"(?<![A-Za-z])[Ff]or[ \t\n]+\Z")
_RATE_BEFORE = re.compile(
    r"(?:[0-9][0-9,.%]*|million|billion|thousand|hundred|percent|cents|dollars|pence"
    r"|two|three|four|five|six|seven|eight|nine|ten|dozen)"
    r"(?:[ \t]+[a-z]+s)?[ \t]+\Z"
)


def _is_rate(hit: _Hit, text: str, lo: int) -> bool:
    """Whether ``a year`` follows an amount ("$1.76 a year", "700 seats a week"), which
    makes it a rate: a SET, as TimeML reads "per year". Not before "after", "later" ...
    ("rose $2 a week after the merger" counts from the merger; a percentage, "20% a
    year", is a rate of change and no mention, :func:`_is_false_count`)."""
    if (hit.group("num") or "").lower() not in _A_AN:
        return False
    if _COUNTED_AFTER.match(text, hit.offset + hit.match.end()) is not None:
        return False
    start = hit.offset + hit.match.start()
    return _RATE_BEFORE.search(_lower(text[max(lo, start - 40) : start])) is not None


_MODAL_BEFORE = re.compile(r"(?:will|would|could|can|may|might|should|shall|must)(?:\s+not)?\s+$")


_COUNTED_AFTER = re.compile(r"\s+(?:later|earlier|before|after)\b", re.IGNORECASE)


# "will last 18 months", "expected to last several weeks": "last" is the verb
_VERB_LAST_BEFORE = re.compile(
    r"(?:(?<![a-z])(?:to|will|would|could|can|may|might|should|shall|must|did|does|do)"
    r"(?:\s+not)?|n['’]t|['’]ll)\s+$"
)
_COUNTS = frozenset({"dur", "vague"})


def _is_verb_last(hit: _Hit, text: str, start: int, lo: int) -> bool:
    """Whether the count ``hit`` opens with "last" used as a verb (after a modal verb or
    "to"): the count alone, after it, is the expression."""
    return hit.match.group()[:4] == "last" and (
        _VERB_LAST_BEFORE.search(_lower(text[max(lo, start - 12) : start])) is not None
    )


def _opens_sentence(text: str, start: int, lo: int) -> bool:
    """Whether ``text[start:]`` opens its sentence, after at most one capitalised word
    ("In January, the company brought in ...", "By March, ..."): a time fronted so
    that the verb after it is its own, where a past verb puts it in the past (a
    month's past verb before it may be another clause's: "said it would ... in
    January"; one after it inside the sentence another's: "a rate cut in September,
    up from 70% yesterday")."""
    j = start - 1
    while j >= lo and text[j] in " \t":
        j -= 1
    k = j
    while k >= lo and text[k].isalpha():
        k -= 1
    if k < j and text[k + 1].isupper():
        j = k
        while j >= lo and text[j] in " \t":
            j -= 1
    return j < lo or text[j] in _SENTENCE_OPENERS


# Where a clause ends, for the verb that governs a date: sentence punctuation, a comma,
# semicolon or colon, a conjunction or relative word that opens a new clause, "and"
# before a subject, and "to" opening an infinitive ("invited them to a ceremony on March
# 12", "asked it to respond by Oct. 31": the date is the infinitive's, not the past
# verb's); "to" before an article stays a preposition ("changed to a calendar year")
@functools.cache
def _clause_break() -> re.Pattern[str]:
    """The bounds of a clause (compiled on first use, as the recognisers). Each word
    takes the character before it, as :func:`tense_pattern`'s cues do: a pattern
    whose every branch opens with a class of characters skips letters quickly."""
    return re.compile(
        r"[.!?](?=\s)|[,;:\n]|[^a-z](?:but|while|whereas|which|that|when|who|whom|whose"
        r"|where|because|although|though|if|unless|to(?!\s+(?:a|an|the)\s)"
        r"|and(?=\s+(?:it|he|she|they|we|the)\s))(?![a-z])"
    )


# the finite verbs that tell a clause's tense: a modal of the future; a present
# auxiliary; a simple past (irregular, or in -ed; not a participle after a form of "be"
# or "get", nor an adjective after "the": "is heard", "the increased dividend")
@functools.cache
def _clause_verb() -> re.Pattern[str]:
    """A finite verb that tells its clause's tense, with the character before it
    (compiled on first use)."""
    return re.compile(
        r"[^a-z](?:(?P<future>will|won['’]t|shall|['’]ll|(?:would|should|must)(?!\s+have))"
        r"|(?P<present>is|are|am|do|does)"
        r"|(?P<past>(?<!be )(?<!been )(?<!being )(?<!is )(?<!are )(?<!was )(?<!were )"
        rf"(?<!get )(?<!got )(?<!the )(?:{IRREGULAR_PAST}|[a-z]{{2,}}ed)|was|were|did|had"
        r"|said))(?![a-z])"
    )


# how far the clause is looked for on each side of the date
_CLAUSE_REACH = 200


def _clause_bounds(
    text: str, start: int, end: int, lo: int, hi: int, *, low: str | None = None
) -> tuple[int, int]:
    """Where the clause holding ``text[start:end]`` starts and ends (see
    :func:`_clause_break`; a full stop before a lower-case word or a number is an
    abbreviation's), within :data:`_CLAUSE_REACH` characters on each side. ``low`` is
    as :func:`_cues` takes it."""
    left = max(lo, start - _CLAUSE_REACH)
    # the last break before the date ends the clause: a line break, or a full stop
    # before a blank that is no abbreviation's, found in C, is one, so the pattern is
    # matched from there (a match holds such a character at its start only)
    a = text.rfind("\n", left, start)
    k = text.rfind(". ", a if a > left else left, start)
    while k >= 0 and _goes_on(text, k + 2, hi):
        k = text.rfind(". ", a if a > left else left, k)
    a = max(a, k, left)
    cut = left
    # each window opens with a blank, so that window[i + 1] is the text's i-th character
    for m in _clause_break().finditer(_low_window(text, a, start, lo, low)):
        if m.group()[:1] != "." or not _goes_on(text, a + m.end(), hi):
            cut = a + m.end() - 1
    right = min(hi, end + _CLAUSE_REACH)
    for m in _clause_break().finditer(_low_window(text, end, right, lo, low)):
        if m.group()[:1] != "." or not _goes_on(text, end + m.end(), hi):
            return cut, end + max(m.start() - 1, 0)
    return cut, right


def _low_window(text: str, a: int, b: int, lo: int, low: str | None) -> str:
    """A blank and ``text[a:b]`` lowered (:func:`_lower`): sliced from ``low``, the
    lowered ``text[lo - 1 : hi]`` (``text[:hi]`` when ``lo`` is 0) when given. A slice of
    it matches the clause's patterns as the window lowered alone does: they read ASCII
    letters and punctuation only, and a character lowers as itself alone but for a
    capital sigma, which lowers to one of two Greek letters by what is around it."""
    if low is None:
        return " " + _lower(text[a:b])
    base = lo - 1 if lo > 0 else 0
    return " " + low[a - base : b - base]


def _clause_tense(
    text: str, start: int, end: int, lo: int, hi: int, *, low: str | None = None
) -> Tense:
    """The tense of the verb that governs ``text[start:end]``: a modal of the future
    in its clause, else the finite verb nearest it, before or after, in its clause;
    "unknown" for a present verb or none ("the company changed its rules in December"
    is past; "said the board will vote in December", "will buy the shares tendered
    through Nov. 17" and "the March vote will be close" future; "said it is calling for
    a vote on Dec. 7" none). ``low`` is as :func:`_cues` takes it."""
    left, right = _clause_bounds(text, start, end, lo, hi, low=low)
    tense: Tense = "unknown"
    far = right - end
    for m in _verbs_in(text, left, start, lo, low):
        group = m.lastgroup
        if group == "future":
            return "future"  # an -ed after a modal is a participle
        tense = "past" if group == "past" else "unknown"
        far = start - left - m.end() + 1
    for m in _verbs_in(text, end, right, lo, low):
        group = m.lastgroup
        if group == "future":
            return "future"
        if m.start() < far:
            tense = "past" if group == "past" else "unknown"
            far = 0
    return tense


# past verbs that set a date ahead of themselves: "planned a rally on Saturday",
# "postponed the vote until Tuesday", "has scheduled a news conference Thursday"
_SETS_AHEAD = frozenset(
    {"planned", "scheduled", "rescheduled", "postponed", "delayed", "deferred", "adjourned"}
    | {"extended", "slated", "set"}
)
# what each of them holds, in either case, to skip the clause when none is near
_SETS_AHEAD_STEMS = (
    "plann",
    "schedul",
    "postpon",
    "delay",
    "defer",
    "adjourn",
    "extend",
    "slat",
    "set",
)


def _sets_ahead(
    text: str, start: int, end: int, lo: int, hi: int, *, low: str | None = None
) -> bool:
    """Whether the verb that governs ``text[start:end]``, the finite verb nearest it in
    its clause, stands before it and sets a date ahead of itself (:data:`_SETS_AHEAD`;
    not in "as planned", "as previously scheduled": the date is the plan's). ``low`` is
    as :func:`_cues` takes it."""
    window = _low_window(text, max(lo, start - _CLAUSE_REACH), start, lo, low)
    if not any(stem in window for stem in _SETS_AHEAD_STEMS):
        return False  # the common case, found without bounding the clause
    left, right = _clause_bounds(text, start, end, lo, hi, low=low)
    if left - 2 >= lo and _lower(text[left - 2 : start]).rstrip() == "to":
        # "delayed its ruling to Thursday": "to" before the date is a preposition
        left = _clause_bounds(text, left - 2, end, lo, hi, low=low)[0]
    verbs = list(_verbs_in(text, left, start, lo, low))
    verb = verbs[-1] if verbs else None
    if verb is None or verb.group()[1:] not in _SETS_AHEAD:
        return False
    words = text[max(lo, left + verb.start() - 24) : left + verb.start()].lower().split()
    if words[-1:] == ["as"] or (words[-2:-1] == ["as"] and words[-1].endswith("ly")):
        return False
    # a verb after the date that is nearer governs it ("a service planned for Saturday
    # was canceled"), unless "and" opens a second predicate ("planned a march on
    # Saturday and were planning ...")
    far = start - left - verb.end() + 1
    return not any(
        m.start() < far and " and " not in m.string[: m.start() + 1]
        for m in _verbs_in(text, end, right, lo, low)
    )


def _verbs_in(
    text: str, a: int, b: int, lo: int, low: str | None = None
) -> Iterator[re.Match[str]]:
    """The verbs of a clause (:func:`_clause_verb`) in ``text[a:b]``, in order, each
    that is no name's word: matched in the lowered window opening with a blank (its
    ``string``), so a match's word is ``string[m.start() + 1 : m.end()]``, at
    ``text[a + m.start():]`` (``low`` as :func:`_low_window` takes it)."""
    for m in _clause_verb().finditer(_low_window(text, a, b, lo, low)):
        if not _is_name(text, a + m.start(), lo):
            yield m


def _after_a_present(text: str, start: int, lo: int) -> bool:
    """Whether a present "is" or "are", or a present verb of a scheduled event, stands
    right before ``text[start:]`` ("the vote is on Saturday", "the deadline is midnight
    on Friday", "the strike starts on Saturday")."""
    left = max(lo, start - _COPULA_REACH)
    if _PRESENT_COPULA.search(text, left, start) is not None:
        return True
    m = _WORDS_BEFORE.search(text, left, start)
    if m is None:
        return False
    before, word = m.group(1, 2)
    before = (before or "").lower()
    word = word.lower()
    if word in _PHRASAL_VERBS:
        return before in _PHRASAL_VERBS[word]
    return word in _SCHEDULED_VERBS and not (
        before in _NOUN_BEFORE or before.endswith(("'s", "’s"))
    )


def _is_someday(hit: _Hit, text: str, start: int, lo: int) -> bool:
    """``will one day be``, ``could one day lead``: "one day" after a modal verb is some
    day to come (TimeML's ``FUTURE_REF``), not a length."""
    if hit.match.group() != "one day" or _COUNTED_AFTER.match(text, start + 7):
        return False
    return _MODAL_BEFORE.search(_lower(text[max(lo, start - 16) : start])) is not None


def _mention_starts(text: str, folded: bytes, base: int, p: int, floor: int) -> list[int]:
    """Word starts from which a mention containing the trigger at ``p`` may begin.

    The trigger itself, and up to four words before it as long as each is a word
    that can open a temporal expression (``the``, ``last``, ``three``, ``early``...),
    separated from the next by blanks or hyphens holding at most one line feed, as
    :func:`~.patterns.chain_pattern` reads them. ``folded`` is :func:`~.patterns.fold`
    of the text from ``base`` on.
    """
    if p <= floor or text[p - 1] not in _BEFORE_START:
        return [p]
    starts = [p]
    if text[p - 1] in "'’":
        starts.append(p - 1)
    pos = p
    for _ in range(4):
        # blanks or hyphens, with one line feed at most (a blank line ends the expression)
        gap = pos
        while gap > floor and text[gap - 1] in " \t\r\n-":
            gap -= 1
        if gap == pos or text.count("\n", gap, pos) > 1:
            break
        if gap <= floor or folded[gap - 1 - base] == 32:
            break
        # the word is the whole run of letters or digits before the gap
        k = folded.rfind(b" ", 0, gap - base) + 1 + base
        word = folded[k - base : gap - base]
        if k < max(floor, pos - 24) or not (
            (len(word) <= 20 and word.isalpha()) or (len(word) <= 3 and word.isdigit())
        ):
            break
        if word not in _PREFIX_KEYS:
            break
        pos = k
        starts.append(pos)
    starts.reverse()
    return starts


_PREFIX_KEYS = frozenset(w.encode("ascii") for w in PREFIX_WORDS)
_BEFORE_START = frozenset(" \t\n-'’")
_TOKEN = re.compile(r"[A-Za-z]+[0-9]?|[0-9]+|['’]")
_Key: TypeAlias = tuple[str, str, Tense, bool, str | None]
# (day, zone, day first) of the anchor -> (family, expression, tense, after "in", quarter in
# context) -> template; resolutions that read the anchor's time are kept by time too
_CACHE: dict[tuple[dt.date | None, dt.tzinfo, bool], dict[Any, Any]] = {}
# A parse resolves its entries oldest first, so their days come in order: the caches
# of a few days serve it, and a bound of 16 days of 1,024 expressions keeps the memory
# they hold to a few megabytes whatever the input (512 days of 4,096 could hold a
# gigabyte). The bound is on the days' caches together: with k days kept, each holds
# up to 1/k of them, so that text read against one day (news against its date) keeps
# up to 16,384 expressions, where 1,024 were cleared every 1,024 new ones and a MB of
# generated prose (1,343 expressions) resolved 802 of them again on every pass.
_CACHE_LIMIT = 1 << 10
_ANCHOR_LIMIT = 1 << 4
_TEMPLATE_LIMIT = _ANCHOR_LIMIT * _CACHE_LIMIT
# (zone, day first) -> key -> template, for the resolutions that read neither the
# anchor's day nor its time ("January 16, 2024", "three hours"): the same against every
# day, so a day's cache takes them from here instead of resolving them again (a text
# dated first against no day, then per entry, and blogs of many days, meet them often)
_DAYLESS: dict[tuple[dt.tzinfo, bool], dict[_Key, Any]] = {}


# the periods a report compares with "a year ago", by their last word: a quarter, with
# or without its ordinal ("third quarter"), or a span of months ("nine months", "first
# half"), with the words that stand before that last word
_PERIODS: Final = {
    "quarter": ("first", "second", "third", "fourth"),
    "months": ("nine", "six", "three"),
    "half": ("first", "second"),
}
_QUARTER_REACH = 2000
# what makes "quarter" a fourth of something else than a year: "a quarter-century",
# "a quarter of an hour" (25 years, 15 minutes)
_NOT_A_QUARTER = re.compile(r"(?:[- \t\n]+|\s+of\s+an?\s+)(?:century|hour)")
# the context of a comparison that names no quarter before it ("for the nine months")
_NO_QUARTER: Final = "-"


def _quarter_context(text: str, start: int, lo: int) -> str | None:
    """The quarter a comparison with ``a year ago`` is about, from the last period
    the text before it names: ``"3"`` for "third quarter", ``"0"`` for a quarter not
    named, None for none or for a longer period ("for the nine months").

    The text is read backwards from the last of the periods' last words (a sentence
    that names no period has no match to find, and the reach is long); a period's
    words before its last one are separated from it by blanks or hyphens.

    >>> _quarter_context("Third-quarter sales rose from a year ago", 32, 0)
    '3'
    >>> _quarter_context("first quarter; the six months to June", 37, 0) is None
    True
    """
    window = _lower(text[max(lo, start - _QUARTER_REACH) : start])
    end = len(window)
    while True:
        k, last = max((window.rfind(word, 0, end), word) for word in _PERIODS)
        if k < 0:
            return None
        if last == "quarter" and (
            (k and window[k - 1].isalpha()) or _NOT_A_QUARTER.match(window, k + 7)
        ):
            # "headquarters", "a quarter-century low": no quarter of a year
            end = k
            continue
        j = k
        while j and (window[j - 1].isspace() or window[j - 1] == "-"):
            j -= 1
        before = next((w for w in _PERIODS[last] if j < k and window.endswith(w, 0, j)), None)
        if last == "quarter":
            return str(ORDINALS[before]) if before else "0"
        if before is not None:
            return None
        end = k


def _resolve_hit(
    hit: _Hit,
    anchor: Anchor,
    context: tuple[Tense, bool, str | None],
    family: str,
    cache: dict[Any, Any] | None = None,
) -> Mention | None:
    """The mention ``hit`` resolves to, as a checked template (its text and span are
    those of the first occurrence), or None; cached per expression and context.

    ``context`` is the sentence's tense, whether "in" precedes the expression, and the
    quarter a comparison is about; ``family`` names the handler (a "dur" match that
    follows an amount is handled as a "rate"); ``cache``, the cache of ``anchor`` when
    the caller has it.
    """
    tense, after_in, quarter = context
    if cache is None:
        cache = _anchor_cache(anchor)
    key = (family, _cache_text(hit), tense, after_in, quarter)
    found = cache.get(key, _ONCE)
    if found is _TIMED:
        found = cache.get((key, anchor.time), _ONCE)
    if found is not _ONCE:
        cached: Mention | None = found  # typing.cast would be a call for every hit
        return cached
    dayless = _dayless_cache(anchor)
    template = dayless.get(key, _ONCE)
    if template is _ONCE:
        groups = _groups_of(hit, key[1])
        groups["in"] = "in" if after_in else None
        groups["quarter"] = quarter
        # tuple.__new__: the NamedTuple's own __new__ is a Python call
        watched = _new_tuple(_Watched, anchor)
        r = _handle(family, groups, watched, tense)
        template = None
        if r is not None:
            start, end = hit.span
            template = _checked(r, hit.match.group(), start, end)
        read = watched.__dict__
        if "time" in read:
            if _day_cache_full(cache):
                cache.clear()
            cache[key] = _TIMED
            cache[(key, anchor.time)] = template
            return cast("Mention | None", template)
        if "day" not in read:
            if len(dayless) >= _CACHE_LIMIT:
                dayless.clear()
            dayless[key] = template
    if _day_cache_full(cache):
        cache.clear()
    cache[key] = template
    return cast("Mention | None", template)


# (a hit's family, its text as the caches key it) -> its groups, against every day
_GROUPS: dict[tuple[str, str], dict[str, str | None]] = {}


def _groups_of(hit: _Hit, written: str) -> dict[str, str | None]:
    """A copy of ``hit``'s :meth:`_Hit.groupdict`, cached by its family and ``written``
    (:func:`_cache_text`), which decide its groups as they decide the resolutions' cache
    keys: a text read against many days (news against each document's date, a blog's
    entries on their days) reads an expression's groups once, not once a day."""
    key = (hit.family, written)
    groups = _GROUPS.get(key)
    if groups is None:
        groups = hit.groupdict()
        if len(_GROUPS) >= _CACHE_LIMIT:
            _GROUPS.clear()
        _GROUPS[key] = groups
    return groups.copy()  # the resolution's context is added to the copy


_T = TypeVar("_T")


class _Noted(Generic[_T]):
    """A field of a :class:`_Watched` anchor, noted when read: the first read keeps
    its value in the anchor's ``__dict__`` under the field's name, where later reads
    find it without a call (a descriptor with no ``__set__`` yields to the instance's
    dictionary)."""

    def __init__(self, index: int) -> None:
        self.index = index
        self.name = ""

    def __set_name__(self, owner: type, name: str) -> None:
        self.name = name

    def __get__(self, anchor: Anchor, owner: type | None = None) -> _T:
        value = cast("_T", tuple.__getitem__(anchor, self.index))
        anchor.__dict__[self.name] = value
        return value


class _Watched(Anchor):
    """An anchor that notes whether a handler reads its day and its time (as keys of
    its ``__dict__``): a resolution that reads no time is the same for every time of
    that day, and is cached for the day; one that reads neither, the same for every
    day (of that zone and reading of slashed dates), and is cached for all of them.
    (Handlers read the anchor by its fields' names only, never as a tuple: the tests
    of ``_DAYLESS`` compare.)"""

    day = _Noted[dt.date | None](0)
    time = _Noted[dt.time | None](1)


# cached for a (key, time) of the anchor's day: the resolution depends on the time
_TIMED: Final = object()
# not cached yet
_ONCE: Final = object()


def _anchor_cache(anchor: Anchor) -> dict[Any, Any]:
    """The cache of resolutions against the day (and zone) of ``anchor``: templates by
    :data:`_Key`, or :data:`_TIMED` and templates by (key, the anchor's time). A new
    day's cache takes its share of :data:`_TEMPLATE_LIMIT`: the caches of the other
    days that hold more are cleared."""
    where = (anchor.day, anchor.tz, anchor.day_first)
    cache = _CACHE.get(where)
    if cache is None:
        kept = len(_CACHE) if len(_CACHE) < _ANCHOR_LIMIT else 0  # else _cache_in drops all
        share = _TEMPLATE_LIMIT // (kept + 1)
        for other in _CACHE.values():
            if len(other) > share:
                other.clear()
        cache = _cache_in(_CACHE, where)
    return cache


def _day_cache_full(cache: dict[Any, Any]) -> bool:
    """Whether a day's ``cache`` holds its share of :data:`_TEMPLATE_LIMIT` (all of it
    when it is the only day's, 1/k of it among k days' caches)."""
    return len(cache) >= _TEMPLATE_LIMIT // (len(_CACHE) or 1)


def _dayless_cache(anchor: Anchor) -> dict[_Key, Any]:
    """The cache of resolutions that read neither the day nor the time of an anchor
    in ``anchor``'s zone that reads slashed dates as it does."""
    return _cache_in(_DAYLESS, (anchor.tz, anchor.day_first))


def _cache_in(caches: dict[Any, dict[Any, Any]], where: Any) -> dict[Any, Any]:
    """The cache kept in ``caches`` for ``where``, made empty when there is none; all
    are dropped when ``_ANCHOR_LIMIT`` of them are kept."""
    cache = caches.get(where)
    if cache is None:
        if len(caches) >= _ANCHOR_LIMIT:
            caches.clear()
        cache = caches[where] = {}
    return cache


_new = object.__new__
_new_tuple = tuple.__new__
# Mention is a frozen class with slots: its slots' own setters fill a new instance
(_set_type, _set_value, _set_start, _set_end, _set_granularity, _set_mod) = (
    vars(Mention)[name].__set__ for name in ("type", "value", "start", "end", "granularity", "mod")
)
# the text slot stores a str, or the SourceText the mention is a slice of
_set_text = MENTION_TEXT.raw_set
# what the span slot stores, as :func:`~liveblog.model.pack_span` packs it: ``start << 32
# | end`` up to PACKED_SPAN_END, the Span itself past it
_set_packed = MENTION_SPAN.raw_set
_span_bounds = MENTION_SPAN.bounds
_get_packed = MENTION_SPAN.raw_get


# the fields of Mention whose checks a resolved value could fail, with them (the others'
# are type checks: a resolution's text, value, granularity and mod are str by its type)
_VALIDATED: Final = tuple(
    field for field in attrs.fields(Mention) if field.name in {"type", "start", "end"}
)


def _checked(r: Resolved, text: str, start: int, end: int) -> Mention:
    """A :class:`Mention` of ``r`` at ``text``, ``(start, end)``, checked by the model's
    own validators (without going through ``__init__``, whose converter and checks by
    name cost more)."""
    m: Mention = _new(Mention)
    _set_text(m, text)
    # packed as the span's setter packs it (pack_span), without its two Python calls
    _set_packed(m, start << 32 | end if end <= PACKED_SPAN_END else _new_tuple(Span, (start, end)))
    _set_type(m, r.type)
    _set_value(m, _shared(r.value))
    _set_start(m, _shared_time(r.start))
    _set_end(m, _shared_time(r.end))
    _set_granularity(m, r.granularity)
    _set_mod(m, r.mod)
    for field in _VALIDATED:
        field.validator(m, field, getattr(m, field.name))  # type: ignore[misc]
    return m


# Templates of different days (or contexts) often resolve to the same values and
# instants ("2024-01-16" from every day of its week): one object serves them all, which
# takes a sixth of the memory of a parsed timeline's mentions.
_SHARED: dict[Any, Any] = {}
_SHARED_LIMIT = 1 << 13


def _share(key: object, value: Any) -> Any:
    """The value the templates share under ``key``: ``value`` itself the first time."""
    if len(_SHARED) >= _SHARED_LIMIT:
        _SHARED.clear()
    return _SHARED.setdefault(key, value)


def _shared(value: str) -> str:
    """The one string equal to ``value`` that the templates share."""
    return cast("str", _share(value, value))


def _shared_time(value: dt.datetime | None) -> dt.datetime | None:
    """The one datetime the templates share for ``value``'s wall time, zone and fold
    (aware datetimes in different zones compare equal when they are the same instant,
    and in the same zone ignore the fold, so both are in the key)."""
    if value is None:
        return None
    return cast("dt.datetime", _share((value, value.tzinfo, value.fold), value))


def _mention(template: Mention, source: SourceText, start: int, end: int) -> Mention:
    """A copy of ``template`` at ``source.text[start:end]``, which its text refers to.

    The template went through :class:`~liveblog.model.Mention`'s validators when it
    was cached, and ``0 <= start <= end`` holds for any match, so the copy is built
    without running them again (they cost more than the rest of the scan): the
    instance is made without ``__init__`` and its slots are filled directly.
    """
    m: Mention = _new(Mention)
    _set_text(m, source)
    _set_packed(m, start << 32 | end if end <= PACKED_SPAN_END else _new_tuple(Span, (start, end)))
    _set_type(m, template.type)
    _set_value(m, template.value)
    _set_start(m, template.start)
    _set_end(m, template.end)
    _set_granularity(m, template.granularity)
    _set_mod(m, template.mod)
    return m


def _cache_text(hit: _Hit) -> str:
    """The text that decides ``hit``'s groups, which keys the caches of tenses needed and
    of resolutions: its lowered match, and for a clock time the weekday after an aside
    that its look-ahead reads too ("10:35 a.m. (0735 GMT) Friday" is on Friday, "10:35
    a.m." alone on the anchor's day)."""
    match = hit.match
    written = match.group()
    if hit.family == "clock":
        end = match.end()
        for unique in hit.recogniser.groups["clock"].get("wday", ()):
            if match.end(unique) > end:
                return match.string[match.start() : match.end(unique)]
    return written


def _needs_tense(hit: _Hit, after_in: bool, day: dt.date | None) -> bool:
    """Whether the resolution against an anchor of day ``day`` depends on the
    sentence's tense (a missing year or direction); the tense is only looked for then.
    A bare weekday on its own day, a bare month in its own month and a quarter of the
    year up to the current one need none (their handlers give the same in every
    tense), nor do they against no day."""
    family = hit.family
    if family not in _TENSED:
        return False
    if family == "dur":
        return after_in
    if family in {"mdy", "dmy", "seas", "weekof"}:
        return hit.group("year") is None
    if family == "wd":
        # most are a bare weekday, the whole match (lowered): no other group to read
        wday = WEEKDAYS.get(hit.match.group())
        if wday is None:
            if hit.group("dir") is not None or hit.group("year") is not None:
                return False
            if hit.group("month") is not None:
                return True
            wday = WEEKDAYS[(hit.group("wday") or "").lower()]
        return day is not None and wday != day.isoweekday()
    if family == "qtr":
        qword = hit.group("qnum")
        if hit.group("year") is not None or qword is None:
            return False
        return day is not None and _quarter_number(qword) > _quarter_of(day)[1]
    if family == "mon":
        return day is not None and _month_no(hit.group("month") or "") != day.month
    if family == "clock":
        return (
            hit.group("wday") is not None
            or hit.group("month") is not None
            or "midnight" in hit.match.group()
        )
    if family == "dpart":
        return hit.match.group() == "overnight"  # lowered, as the weekday's
    return True


# (family, lowered match, after "in", the anchor's day) -> whether the tense is needed
_NEEDS_TENSE: dict[tuple[str, str, bool, dt.date | None], bool] = {}


def _tense_needed(hit: _Hit, written: str, after_in: bool, day: dt.date | None) -> bool:
    """:func:`_needs_tense`, cached by the hit's family, its lowered match ``written``,
    ``after_in`` and ``day``: it reads nothing else (the groups it reads are the
    match's, which its text decides, as for the cache of resolutions)."""
    needed = _needs_tense(hit, after_in, day)
    if len(_NEEDS_TENSE) >= _CACHE_LIMIT:
        _NEEDS_TENSE.clear()
    _NEEDS_TENSE[hit.family, written, after_in, day] = needed
    return needed


# Families whose year a period that "ended" on them settles.
_DATED = frozenset({"mdy", "dmy", "mon"})


# "ended" as a word ("extended Jan. 31" may well be a date to come)
_ENDED = re.compile(r"(?<![A-Za-z])[Ee]nded[ \t]+(?:(?:on|in)[ \t]+)?$")


def _ended_before(text: str, start: int, lo: int) -> bool:
    """``the quarter ended Sept. 30``, ``the year ended on Jan. 31``: the period is over."""
    return _ENDED.search(text, max(lo, start - 10), start) is not None


# Families whose date can qualify a noun after "the" ("the Aug. 7 bombings").
_EVENT_DATED = frozenset({"mdy", "dmy"})
_LOWER_WORD = re.compile(r" [a-z]{2,}")


def _names_an_event(text: str, start: int, end: int, lo: int, hi: int) -> bool:
    """``the Aug. 7 bombings``, ``the Jan. 14 deadline``: a month-day naming a known
    event or deadline is its nearest occurrence (the past one by the usual margin),
    whatever the tense of the sentence around it."""
    if text[max(lo, start - 4) : start].lower() != "the " or (
        start - 5 >= lo and text[start - 5].isalpha()
    ):
        return False
    return _LOWER_WORD.match(text, end, hi) is not None


# Families whose words are lower-case in running text: capitalised, they name something.
_NAMEABLE = frozenset(
    {"rel", "dur", "plural", "clock", "ref", "deictic", "dpart", "dpart2", "theunit"}
)
_TITLE = r"(?:[A-Z][a-z]*|[0-9]+)"
_TITLE_RUN = re.compile(rf"{_TITLE}(?:[ \t]+{_TITLE})*")
_TITLE_BEFORE = re.compile(rf"(?:{_TITLE}[ \t]+)*$")
_TITLE_AFTER = re.compile(rf"(?:[ \t]+{_TITLE})*[,.]?(?:[\"”’]|'')")
_OPENING_QUOTE = re.compile(r"(?:[\"“‘]|''|``)$")
_ACRONYM_BEFORE = re.compile(r"(?<![\w.&-])([A-Z]{2,5})[ \t]+\Z")
_CLOCK_WORDS = frozenset({"AM", "PM"})
# "Player of the Year", "Person of the Year", "Goal of the Month" inside a sentence (a
# lower-case word or a stop after it): an award's name, no time; "the Rest of the Year",
# "the End of the Week" name parts of one
_AWARD_BEFORE = re.compile(
    r"(?<![\w'’-])(?!(?:End|Start|Beginning|Middle|Rest|Remainder|Half|Part|Turn|Close|Day"
    r"|Week|Month|Year|Night|Morning|Evening|Afternoon|Time|Quarter|Season|Weekend)\b)"
    r"[A-Z][a-z]+[ \t]+of[ \t]+\Z"
)
_AWARD_TIME = re.compile(r"[Tt]he[ \t]+(?:Year|Month|Week|Day|Decade|Century)")
_AWARD_AFTER = re.compile(r"[.,;:!?)\"”']|’(?!s)|[ \t]+[a-z]")
_OPENERS = frozenset(".!?:;\n")


def _in_a_title(text: str, start: int, end: int, lo: int) -> bool:
    """``ABC's "This Week,"``, ``CBS's ''60 Minutes''``, ``the film "High Noon"``:
    words that are lower-case in running text, in title case between quotes inside a
    sentence, name a programme or a work, not a time; so do they after an acronym
    ("USA Today", "VOA Today")."""
    last = text.rfind(" ", start, end)
    if not text[last + 1 if last >= 0 else start].isupper():
        return False  # the last word (most often the only one) is not capitalised
    if (
        _AWARD_TIME.fullmatch(text, start, end) is not None
        and _AWARD_BEFORE.search(text, max(lo, start - 16), start) is not None
        and _AWARD_AFTER.match(text, end) is not None
    ):
        return True  # "named Player of the Year on Monday": an award's name
    if _TITLE_RUN.fullmatch(text, start, end) is None:
        return False
    acronym = _ACRONYM_BEFORE.search(text, max(lo, start - 12), start)
    if (
        acronym is not None
        and acronym.group(1) not in _CLOCK_WORDS
        and lookup_zone(acronym.group(1)) is None
    ):
        # "USA Today", "VOA Today": a title after an acronym names a paper; one after a
        # zone or "PM" is the time ("at 9 GMT Today")
        return True
    after = _TITLE_AFTER.match(text, end, end + 80)
    if after is None:
        return False
    left = max(lo, start - 80)
    before = _TITLE_BEFORE.search(text, left, start)
    k = before.start() if before is not None else start
    quote = _OPENING_QUOTE.search(text, max(lo, k - 2), k)
    if quote is None or len(text[k : after.end()].split()) < 2:
        return False  # a quoted word alone ("Tonight.") is as often said as a title
    k = quote.start() - 1
    while k >= lo and text[k] in " \t":
        k -= 1
    return k >= lo and text[k] not in _OPENERS


def _adjectival_the(hit: _Hit) -> bool:
    """``the 23-month invasion``, ``the third-quarter loss``, ``the two day summit``: "the"
    belongs to the noun (a count above one before a singular unit is a compound)."""
    if hit.family == "dur":
        return hit.group("pre") == "the" and _adjectival_count(hit)
    if hit.family == "qtr":
        return hit.group("the") is not None and "-quarter" in hit.match.group()
    return False


def _adjectival_count(hit: _Hit) -> bool:
    """:func:`_adjectival_the` of a count (a "dur" hit) that opens with "the"."""
    written = hit.match.group()
    if "-" in written:
        return True
    if written.endswith("s") or hit.group("andhalf") is not None:
        return False  # a plural unit, or a count with a half
    n = _num(hit.group("num"))
    return n is not None and n > 1


def _is_false_count(hit: _Hit, text: str, end: int) -> bool:
    """:func:`_is_false_positive` of a count (a "dur" hit) that ends at ``end``."""
    if text.startswith(_UNIT_TO_UNIT, end):
        return True  # "year-on-year": a comparison, no time
    unit = hit.group("unit")
    if unit == "second":
        return hit.group("num") in {"a", "an"}  # "a second term" is an ordinal
    if unit == "quarter":
        # "a quarter of the population", "three quarters of them": fractions
        return text.startswith(" of ", end)
    num = hit.group("num")
    if unit == "minute":
        # "a minute amount", "a minute trace": the adjective (tiny), no length
        return num in _ONE and _TINY_AFTER.match(text, end) is not None
    if unit not in _WHOLE_PARTS:
        return False
    start = hit.offset + hit.match.start()
    if unit == "day" and num in _ONE and _CALL_IT_BEFORE.search(text, max(0, start - 16), start):
        return True  # "decided to call it a day": to stop, no length
    if (num in _ONE or text.startswith(_A_AFTER, end)) and _all_the_time(text, start, end):
        return True
    # "20% a year": a rate of change, unlike a rate of an amount ("$1.76 a year") or a
    # length ("rose 3% a year after the merger")
    return (
        num in _A_AN and _COUNTED_AFTER.match(text, end) is None and _is_change_rate(text, start, 0)
    )


# "24 hours a day", "seven days a week", "365 days a year": every part of each period, an
# idiom for "all the time", neither a length nor a rate
_ALL_THE_TIME = re.compile(
    r"(?<![\w.,])(?:(?:24|twenty[- ]four)[ \t]+hours[ \t]+a[ \t]+day"
    r"|(?:7|seven)[ \t]+days[ \t]+a[ \t]+week|365[ \t]+days[ \t]+a[ \t]+year"
    r"|(?:52|fifty[- ]two)[ \t]+weeks[ \t]+a[ \t]+year"
    r"|(?:12|twelve)[ \t]+months[ \t]+a[ \t]+year)(?![\w-])",
    re.IGNORECASE,
)
_WHOLE_PARTS = frozenset({"hour", "day", "week", "month", "year"})
_TINY_AFTER = re.compile(
    r"[ \t]+(?:amounts?|quantit(?:y|ies)|traces?|fractions?|details?|portions?|particles?"
    r"|percentages?|proportions?|differences?|changes?|cracks?|specks?|doses?|fragments?"
    r"|droplets?|variations?|deviations?)(?![\w'’-])"
)
_CALL_IT_BEFORE = re.compile(r"(?<![\w'’-])(?i:call(?:s|ed|ing)?)[ \t]+it[ \t]+\Z")
_ONE = frozenset({"a", "A"})
_A_AN = frozenset({"a", "an"})
_A_AFTER = (" a ", " A ")


def _all_the_time(text: str, start: int, end: int) -> bool:
    """Whether the count at ``text[start:end]`` is part of "24 hours a day", "seven days
    a week" or the like (see :data:`_ALL_THE_TIME`)."""
    return any(
        m.start() <= start and end <= m.end()
        for m in _ALL_THE_TIME.finditer(text, max(0, start - 24), end + 12)
    )


# families with context checks, with a "the" that may belong to a noun, or with a
# resolution that depends on the tense
_CHECKED = frozenset(
    {
        "mon",
        "seas",
        "yr",
        "dur",
        "qtr",
        "ref",
        "plural",
        "awhile",
        "nthday",
        "clock",
        "set",
        "deictic",
        "dpart",
    }
)
_ADJECTIVAL = frozenset({"dur", "qtr"})


_BREAK: Final = object()
"""What :func:`_accept` returns when the trigger yields nothing (no later start is tried)."""


class _Scan(NamedTuple):
    """What a scan of ``text[lo:hi]`` against ``anchor`` knows: ``low`` is the lowered
    ``text[lo - 1 : hi]`` (``text[:hi]`` when ``lo`` is 0) when it has it, ``cache`` the
    cache of the anchor's resolutions; ``source`` holds ``text`` for the mentions."""

    text: str
    lo: int
    hi: int
    anchor: Anchor
    low: str | None
    cache: dict[Any, Any]
    source: SourceText
    # days joined to a month-day ("April 24 and 25"), found beside the scan
    joined: list[Mention]


def _accept(hit: _Hit, p: int, scan: _Scan, floor: int) -> Mention | object | None:
    """The mention ``hit`` gives for the trigger at ``p``: a :class:`Mention`; None
    when the next start of the trigger is to be tried (the match ends before the
    trigger, or its "the" belongs to a noun); :data:`_BREAK` when the trigger yields
    nothing (a look-alike, or no value). ``floor`` is where the last mention ended: words
    taken in before the match ("the day before", "the") start no earlier."""
    text, lo, hi, anchor, low, cache, source, joined = scan
    # unpacked: a NamedTuple's fields are read by a descriptor the interpreter does not
    # specialise
    family, match, offset, _recogniser = hit
    start = offset + match.start()
    end = offset + match.end()
    if end <= p:
        return None
    after_in = False
    if family == "dur":
        # a count's checks in the same order as the other families', each of its
        # groups read once
        pre = hit.group("pre")
        if pre == "the" and _adjectival_count(hit):
            return None
        if _is_verb_last(hit, text, start, lo):
            return None
        if _is_false_count(hit, text, end):
            return _BREAK
        if _in_a_title(text, start, end, lo):
            return _BREAK
        after_in = text[max(lo, start - 3) : start] == "in " and (
            start - 3 <= lo or not text[start - 4].isalpha()  # not "within"
        )
        if pre is None:
            if _is_rate(hit, text, lo):
                family = "rate"
            elif _is_someday(hit, text, start, lo):
                family = "someday"
    else:
        if family in _ADJECTIVAL and _adjectival_the(hit):
            return None
        if family in _COUNTS and _is_verb_last(hit, text, start, lo):
            return None
        if family in _CHECKED and _is_false_positive(hit, text, lo, hi):
            return _BREAK
        if family in _NAMEABLE and _in_a_title(text, start, end, lo):
            return _BREAK
    quarter = None
    if family == "wd" and text.startswith(_AND_OR, end) and match.group() == hit.group("wday"):
        # "Monday and Tuesday nights": the plural is both days', each a set
        part = _joined_plural(text, end)
        if part is not None:
            family, quarter = "wdpair", part
    tense: Tense = "unknown"
    written = match.group() if family != "clock" else _cache_text(hit)
    # _tense_needed's look-up, inlined: most hits find their answer
    needed = family in _TENSED and _NEEDS_TENSE.get((family, written, after_in, anchor.day))
    if needed is None:
        needed = _tense_needed(hit, written, after_in, anchor.day)
    if not needed:
        pass
    elif family == "wd":
        # a future cue close by, else a past one in the sentence; an event of the day
        # ("Wednesday's ruling") is past, after "would" too, the future of a past
        # saying ("said they would appeal Wednesday's ruling"); a present "is" or verb
        # of a scheduled event right before it ("talks resume Thursday") looks ahead;
        # else the nearer day
        cues = _cues(text, start, end, lo, hi, low=low, reach=_WEEKDAY_FUTURE_REACH)
        tense = cues.within(_WEEKDAY_FUTURE_REACH)
        possessive = text[end : end + 2] in _POSSESSIVE
        if tense == "unknown" and (possessive or cues.tense == "past"):
            tense = "past"
        elif tense == "unknown" and _after_a_present(text, start, lo):
            tense = "future"
        elif (
            possessive
            and cues.before == "future"
            and _lower(text[start - cues.back : start - cues.back + 5]) == "would"
        ):
            tense = "past"
        if tense != "future" and not possessive and _sets_ahead(text, start, end, lo, hi, low=low):
            # "protesters planned a march on Saturday": the coming Saturday
            tense = "future"
    elif family == "dpart" or (
        family == "clock" and hit.group("wday") is None and hit.group("month") is None
    ):
        # a bare midnight or "overnight": only the future tense ("will resume flights
        # from midnight", "will stay closed overnight") tells which one
        tense = "future" if _tense(text, start, end, lo, hi, low=low) == "future" else "unknown"
    elif family in _DATED and _ended_before(text, start, lo):
        tense = "done"
    elif family in _EVENT_DATED and _names_an_event(text, start, end, lo, hi):
        tense = "past"
    else:
        tense = _tense(text, start, end, lo, hi, low=low)
        if tense == "unknown" and family in _DATED and _opens_sentence(text, start, lo):
            # a fronted date's verb may come after a long adverbial ("In January, a
            # week after the anniversary of ..., a bombing killed"): the sentence's
            tense = _cues(text, start, end, lo, hi, low=low, ahead=_CONTEXT_BEFORE).tense
        if tense == "past" and family in _DATED and _opens_sentence(text, start, lo):
            # "In January, the company brought in ...": the previous January
            tense = "done"
        elif family in _DATED and tense != "future":
            own = _clause_tense(text, start, end, lo, hi, low=low)
            # the verb that governs the date, in its own clause: "changed its rules in
            # December" is the previous December (a month not yet begun cannot be
            # past), "will vote in December" the next; a month-day keeps the margin of
            # the past tense ("polls closed on January 2", written on December 31, is
            # the coming one: the reference is as often a day or two behind)
            if own == "past" and tense == "past" and family == "mon":
                tense = "done"
            elif own == "future":
                tense = "future"
        elif tense == "unknown" and family == "clock" and _after_a_present(text, start, lo):
            # "the deadline is midnight on Friday": the coming Friday, as for a weekday
            tense = "future"
    if family == "ago" and hit.group("unit") == "year":
        quarter = _quarter_context(text, start, lo)
    elif family == "yearago" and hit.group("num") is None and "quarter" not in written:
        # "year-earlier net", "the year-ago period" compare what "a year ago" would
        quarter = _quarter_context(text, start, lo) or _NO_QUARTER
    elif family == "qtrof" and written.endswith(" period") and hit.group("year") is not None:
        # "the 1988 period" is the period the year-ago one would be, in that year
        quarter = _quarter_context(text, start, lo) or _NO_QUARTER
    # _resolve_hit's look-up of the day's cache, inlined: most hits find their template
    template = cache.get((family, written, tense, after_in, quarter), _ONCE)
    if template is _ONCE or template is _TIMED:
        template = _resolve_hit(hit, anchor, (tense, after_in, quarter), family, cache)
    if template is None:
        return _BREAK
    if family in _HOLIDAY_FAMILIES:
        if family == "feast" and written[:8] == "election" and _after_a_name(text, start, lo):
            # "the UK General Election Day", "Indian Election Day": a name before it
            # inside its sentence makes a longer name, a particular election's, not the
            # United States' day ("On Election Day", "US Election Day" stay)
            return _BREAK
        if text.startswith(_BLANKS, end):
            template, end = _holiday_of_year(hit, template, end, scan, tense)
    if family in _NEXT_DAY_FAMILIES and text.endswith(_BEFORE_OR_AFTER, start - 7, start):
        start, template = _day_next_to(template, text, start, end, max(lo, floor))
    elif family == "nthday":
        # "it is the second day": the "the" before it is the mention's
        the = _THE_BEFORE_ORDINAL.search(text, max(lo, floor, start - 8), start)
        start = start if the is None else the.start()
    if family in _DAY_PAIRED and template.granularity == "day" and template.start is not None:
        other = _joined_day(template, start, end, scan)
        if other is not None:
            joined.append(other)
    if family in _ELLIPTIC_FAMILIES and text.startswith(_ELLIPTIC_JOINS, end):
        other = _elliptic_sibling(written, end, scan)
        if other is not None:
            joined.append(other)
    elif family == "dur" and text[start - 1 : start] in _JOIN_CHARS and start > lo:
        other = _range_start(hit, written, start, scan)
        if other is not None:
            joined.append(other)
    return _mention(template, source, start, end)


def _scan_windowed(source: SourceText, anchor: Anchor, lo: int, hi: int) -> list[Mention]:
    """All mentions in ``source.text[lo:hi]``, each candidate matched in a window lowered
    on its own: the reference :func:`_scan` agrees with, and its path for text that
    lengthens when lowered ("İ")."""
    text = source.text
    found: list[Mention] = []
    floor = lo
    base = lo - 1 if lo > 0 else 0
    folded = fold(text[base:hi])
    scan = _Scan(text, lo, hi, anchor, None, _anchor_cache(anchor), source, [])
    blanks = mention_stops(text, lo, hi)
    for p in find_triggers(text, folded, base):
        if p < floor:
            continue
        for s in _mention_starts(text, folded, base, p, floor):
            recogniser = _recogniser_at(text, folded, base, s)
            if recogniser is None:
                continue
            hit = _match_at(text, s, _window_end(s, hi, blanks), recogniser)
            if hit is None:
                continue
            got = _accept(hit, p, scan, floor)
            if got is None:
                continue
            if isinstance(got, Mention):
                found.append(got)
                floor = got.span.end
            break
    return _with_joined(found, scan.joined) if scan.joined else found


# Expressions counted from the last date the text names ("On May 22, 1995, he was
# promoted, and the following year..."), not from the anchor; "the next year" is left
# out, as it is as often the coming twelve months.
_NARRATIVE = re.compile(
    r"(?:the\s+(?:following|previous|preceding|prior)|(?:(?:later|earlier)\s+)?that(?:\s+same)?"
    r"|the\s+same)\s+(?:day|morning|afternoon|evening|night|week|month|year|quarter"
    r"|monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
    r"|the(?:\s+next)?\s+(?:morning|afternoon|evening|night)|the\s+next\s+day"
    r"|the\s+(?:morning|afternoon|evening|night)\s+(?:before|after)"
    r"|the\s+(?:day|week|month|year)\s+(?:before|after)"
)


@functools.lru_cache(maxsize=1024)
def _counts_from_last(written: str) -> bool:
    """Whether the expression ``written`` is one of :data:`_NARRATIVE` (whatever its
    letter case and blanks); cached, as the texts of mentions recur."""
    return _NARRATIVE.fullmatch(" ".join(written.lower().split())) is not None


# the periods a named date may be: a mention counts from one of the same size or smaller
_GRAIN_RANK: dict[str | None, int] = {
    "second": 0,
    "minute": 0,
    "daypart": 1,
    "day": 1,
    "weekend": 2,
    "week": 2,
    "month": 3,
    "season": 4,
    "quarter": 4,
    "half": 5,
    "year": 5,
}
# a clock time that names no day and no zone, and what may stand between a day and it
_BARE_CLOCK = re.compile(
    r"[0-9]{1,2}(?:[:.][0-9]{2})?(?:[ \t]?[ap]\.?[ \t]?m\.?)?|noon|midnight", re.IGNORECASE
)
_DAY_THEN_CLOCK = re.compile(r",?[ \t]+(?:at[ \t]+)?")
# what stands between a quarter and the date that ends it: "the quarter ended July 31",
# "the latest quarter, ended Aug. 31", "the quarter that ended in September"
_QUARTER_THEN_END = re.compile(
    r",?[ \t]+(?:(?:that|which)[ \t]+)?(?:ended|ending|ends)[ \t]+(?:(?:on|in)[ \t]+)?"
)
# a quarter that names none and is the one the text reports on: the last one named
_THE_QUARTER = re.compile(r"(?:the|that)(?:\s+(?:latest|same))?\s+(?:quarter|period)", re.I)
# a quarter that names its number ("the second quarter", "the fiscal-first quarter")
_QUARTER_ORDINAL = re.compile(
    r"(?<![a-z])(?:first|second|third|fourth|final|[1-4](?:st|nd|rd|th))", re.IGNORECASE
)
# the most that stands between a quarter and its end, or a clock time and its aside
_ENDED_REACH = 24
_ASIDE_REACH = 4
# what joins the two ends of a range of days: "Monday through Friday", "from March 20
# until Monday", "Friday – Friday"; "and" only after "between"
_RANGE_JOIN = re.compile(r"[ \t]+(?:to|through|thru|until|till)[ \t]+|[ \t]*[–—][ \t]*")
_BETWEEN = re.compile(r"(?<![A-Za-z])between[ \t]+\Z", re.IGNORECASE)
_AND = re.compile(r"[ \t]+and[ \t]+")
_BETWEEN_REACH = 16  # "between" and its blanks
_JOIN_REACH = 12  # " through " and a few more blanks


def _range_end(
    text: str, first: Mention, mention: Mention, span: tuple[int, int], anchor: Anchor
) -> Mention | None:
    """``mention``, a bare weekday at ``span`` that ends a range whose first end is
    ``first``, a day, when it would fall before that end: the first such weekday after
    it ("Monday through Friday" on a Friday is the coming Monday and the Friday after
    it, not the reference's; "from Sept. 14 to Thursday" keeps its Thursday); None when
    it ends no range or needs no moving. The caller has checked that at most
    ``_JOIN_REACH`` characters stand between the two."""
    first_start, first_end = _span_bounds(first)
    gap = (first_end, span[0])
    wday = WEEKDAYS.get(text[span[0] : span[1]].lower())
    if (
        wday is None
        or first.start is None
        or first.end is None
        or mention.start is None
        or mention.start >= first.end
    ):
        return None
    if not (
        _RANGE_JOIN.fullmatch(text, *gap)
        or (
            _AND.fullmatch(text, *gap)
            and _BETWEEN.search(text, max(0, first_start - _BETWEEN_REACH), first_start)
        )
    ):
        return None
    day: dt.date | None
    try:
        day = first.start.date() + dt.timedelta((wday - first.start.isoweekday()) % 7 or 7)
    except OverflowError:  # past the calendar's last day: as against an unknown day
        day = None
    r = resolve_text(mention.text, anchor._replace(day=day, time=None))
    if r is None:
        return None
    return attrs.evolve(mention, value=r.value, start=r.start, end=r.end)


# "that day" after a month or a year: a day of it, which the text does not give
_THAT_DAY = re.compile(r"(?:(?:later|earlier)\s+)?that(?:\s+same)?\s+day|the\s+same\s+day")
_DAY_UNKNOWN = {"month": "-XX", "year": "-XX-XX"}
_CALENDAR = re.compile(r"[0-9]{4}(?:-[0-9]{2})?")
# a clock time or a part of the day names no day to count from ("overnight ... in the
# morning" is the morning after the night, not of the day it began)
_TOO_FINE = frozenset({"second", "minute", "daypart"})


# "April 24 and 25", "March 5 to 7": the other day of the month a month-day is joined to
_DAY_JOIN = r"(?:[ \t]*[-–][ \t]*|[ \t]+(?:and|or|to|through|until|till)[ \t]+)"
_DAY_NUMBER = r"(?P<day>(?P<n>3[01]|[12][0-9]|0?[1-9])(?:st|nd|rd|th)?)"
_DAY_AFTER = re.compile(
    rf"{_DAY_JOIN}{_DAY_NUMBER}(?![\w%:/]|[.,][0-9]|[ \t]*[ap]\.?m\b)", re.IGNORECASE
)
# "24 and 25 February": the day before a day-month
_DAY_BEFORE = re.compile(rf"(?<![\w$€£.,:/-]){_DAY_NUMBER}{_DAY_JOIN}\Z", re.IGNORECASE)
_MONTH_DAY = re.compile(r"[A-Za-z]{3,9}\.?[ \t]+[0-9]{1,2}(?:st|nd|rd|th)?")
# what stands between a month-day and the day joined to it, next to the month-day
_JOIN_CHARS = frozenset(" \t-–")
_DAY_PAIRED = frozenset({"mdy", "dmy"})
_DAY_MONTH = re.compile(r"[0-9]{1,2}(?:st|nd|rd|th)?[ \t]+[A-Za-z]{3,9}\.?(?:,?[ \t]+[0-9]{4})?")


def _joined_day(template: Mention, start: int, end: int, scan: _Scan) -> Mention | None:
    """The day joined to the month-day ``template`` at ``text[start:end]``: the later
    one after it ("April 24 and 25", "March 5 to 7") or the earlier one before it ("24
    and 25 February"), a day of the same month, as a range is given by its two ends;
    None when there is none (a count, a clock time, a day the month lacks)."""
    text, lo, hi, source = scan.text, scan.lo, scan.hi, scan.source
    written = text[start:end]
    first = cast("dt.datetime", template.start)
    if written[:1].isdigit():
        if text[start - 1 : start] not in _JOIN_CHARS or not _DAY_MONTH.fullmatch(written):
            return None
        m = _DAY_BEFORE.search(text, max(lo, start - 16), start)
        if m is None or int(m.group("n")) >= first.day:
            return None
    else:
        if text[end : end + 1] not in _JOIN_CHARS or not _MONTH_DAY.fullmatch(written):
            return None
        m = _DAY_AFTER.match(text, end, hi)
        if m is None or int(m.group("n")) <= first.day or _plural_noun_follows(text, m.end(), hi):
            return None
    d = _safe_date(first.year, first.month, int(m.group("n")))
    if d is None:
        return None
    a, b = m.span("day")
    return _mention(_checked(_day(d, first.tzinfo or _UTC), text[a:b], a, b), source, a, b)


# "this year as last", "this season and next": "last" or "next" alone, ending its
# clause after "this" and a unit or season, is that unit's last or next one
_ELLIPTIC_JOINS = (" and ", " or ", " as ", " than ")
# the families of "this year", "this quarter": those whose unit a bare "last" repeats
_ELLIPTIC_FAMILIES = frozenset({"rel", "qtr"})
_ELLIPTIC_AFTER = re.compile(
    r"[ \t]+(?:and|or|as|than)[ \t]+(last|next)(?=[ \t]*(?:[.,;:!?)\"”’]|\Z))", re.IGNORECASE
)


def _elliptic_sibling(written: str, end: int, scan: _Scan) -> Mention | None:
    """The mention of a bare "last" or "next" that the unit of ``written`` ("this year",
    "this quarter", ending at ``end``) stands for ("twice as high this year as last",
    "this season and next.", "this quarter and last"): the last or next year as "last
    year" would be; None when there is none."""
    if written[:5].lower() != "this ":
        return None
    m = _ELLIPTIC_AFTER.match(scan.text, end, scan.hi)
    if m is None:
        return None
    phrase = f"{m.group(1).lower()} {written[5:].lower()}"
    found = _scan(SourceText(phrase), scan.anchor, 0, len(phrase))
    if len(found) != 1 or found[0].span != (0, len(phrase)):
        return None
    a, b = m.span(1)
    return _mention(found[0], scan.source, a, b)


_HOLIDAY_FAMILIES = frozenset({"holiday", "feast"})
_BLANKS = (" ", "\t")
# a year after a holiday's name ("Christmas 2019"), not a clock's four digits before a
# zone ("Christmas 1548 GMT"); New Year's Eve (and Hogmanay) is named by either year:
# "New Year's Eve 2024" is as often 31 December 2023
_YEAR_AFTER_HOLIDAY = re.compile(r"[ \t]+(1[0-9]{3}|20[0-9]{2})(?![\w-])")
_ZONE_AFTER = re.compile(CLOCK_ZONE_AFTER)
_NAMED_BY_EITHER_YEAR = ("eve", "hogmanay")


def _holiday_of_year(
    hit: _Hit, template: Mention, end: int, scan: _Scan, tense: Tense
) -> tuple[Mention, int]:
    """The holiday ``template`` of ``hit``, ending at ``end``, with the year written
    after it ("Christmas 2019" is that year's Christmas), and where it then ends; as it
    was when no year follows."""
    text = scan.text
    start = hit.span[0]
    m = _YEAR_AFTER_HOLIDAY.match(text, end, scan.hi)
    if m is None or text[start:end].lower().endswith(_NAMED_BY_EITHER_YEAR):
        return template, end
    if _ZONE_AFTER.match(text[m.end() : m.end() + 40].lower()):
        return template, end
    groups = hit.groupdict()
    groups["year"] = m.group(1)
    r = _h_holiday(groups, scan.anchor, tense)
    if r is None:
        return template, end
    return _checked(r, text[start : m.end()], start, m.end()), m.end()


# "two to three weeks", "12 to 18 months": the count that opens a range of lengths,
# before the "to" or dash that joins it to the count of the length found
_COUNT_BEFORE = re.compile(
    r"(?<![\w$€£.,:/-])(?P<n>[0-9]{1,3}|[a-z]{3,9})(?:[ \t]+to[ \t]+|[ \t]*[-–][ \t]*)\Z",
    re.IGNORECASE,
)


def _range_start(hit: _Hit, written: str, start: int, scan: _Scan) -> Mention | None:
    """The length that opens a range of lengths ending with the count ``written`` at
    ``start`` ("two" of "two to three weeks" is two weeks, as "April 24" of "April 24
    to 25" is a day): its count alone is the mention, with the unit of the length after
    it; None when no smaller count stands there ("3 to 2 minutes" is a score)."""
    num = hit.group("num")
    if num is None or not written.startswith(num):
        return None
    m = _COUNT_BEFORE.search(scan.text, max(scan.lo, start - 16), start)
    if m is None:
        return None
    first, last = _num(m.group("n").lower()), _num(num.lower())
    if first is None or last is None or not first < last or m.group("n").lower() in {"a", "an"}:
        return None
    phrase = f"{m.group('n')}{written[len(num) :]}"
    found = _scan(SourceText(phrase), scan.anchor, 0, len(phrase))
    if len(found) != 1 or found[0].span != (0, len(phrase)) or found[0].type != "DURATION":
        return None
    a, b = m.span("n")
    return _mention(found[0], scan.source, a, b)


def _with_joined(found: list[Mention], joined: list[Mention]) -> list[Mention]:
    """``found`` with the ``joined`` days that overlap none of its mentions, in order."""
    starts = [m.span[0] for m in found]
    for mention in joined:
        a, b = mention.span
        k = bisect.bisect_left(starts, a)
        if (k == 0 or found[k - 1].span[1] <= a) and (k == len(found) or b <= starts[k]):
            found.insert(k, mention)
            starts.insert(k, a)
    return found


def _quarter_ended(quarter: Mention, end: Mention) -> Mention:
    """``quarter`` ("the quarter", "the second quarter") as the text dates it by ``end``,
    the day or month it ended on: a quarter that names its number (a fiscal one) keeps it
    and takes the year it ends in; one that names none is the calendar quarter holding
    most of its three months (the one 45 days before its end, as for a report)."""
    if quarter.start is None or end.end is None:
        return quarter
    try:
        last = end.end.date() - dt.timedelta(days=1)
        reported = last - dt.timedelta(days=45)
    except OverflowError:  # the calendar's first days
        return quarter
    if _QUARTER_ORDINAL.search(quarter.text) and quarter.value[-1:].isdigit():
        year, q = last.year, int(quarter.value[-1])
    else:
        year, q = _quarter_of(reported)
    r = _quarter(year, q, quarter.start.tzinfo or _UTC)
    return attrs.evolve(quarter, value=r.value, start=r.start, end=r.end)


_ASIDE_OPENS = re.compile(r"[ \t]*\([ \t]*")


def _restates(text: str, clock: Mention, aside: Mention) -> bool:
    """Whether ``aside``, a clock time with its day right after ``clock`` in brackets,
    restates it: the same hour and minute on another day ("4 in the morning (4 a.m. EDT
    Thursday)"). A conversion to another zone ("11 p.m. (0300 GMT Thursday)") is none."""
    return (
        _GRAIN_RANK.get(clock.granularity or "") == 0
        and clock.start is not None
        and aside.start is not None
        and (clock.start.hour, clock.start.minute) == (aside.start.hour, aside.start.minute)
        and clock.start.date() != aside.start.date()
        and _ASIDE_OPENS.fullmatch(text, clock.span[1], aside.span[0]) is not None
    )


def _reported(text: str, quarter: tuple[int, int], end: Mention, day: dt.date) -> bool:
    """Whether the quarter at ``text[quarter[0]:quarter[1]]`` names its number and is
    over at ``day`` by ``end``, the mention that dates its end (itself, or "July 31" in
    "the second quarter ended July 31"), or its results are reported: the quarter a
    report is about. One still to come ("a fourth-quarter charge") is not."""
    return (
        end.end is not None
        and (end.end.date() <= day or _results_reported(text, quarter[0]))
        and _QUARTER_ORDINAL.search(text, *quarter) is not None
    )


# a past verb of reporting results shortly before a quarter, in its clause: no other
# verb of its own or conjunction between them ("reported strong sales and expects a
# fourth-quarter charge" is a quarter to come)
_RESULTS_REPORTED = re.compile(
    r"\b(?:reported|posted)\b"
    r"(?:(?!\b(?:and|but|expects?|expected|will|would|sees?|forecasts?|predicts?)\b)[^.;])*$",
    re.IGNORECASE,
)
_RESULTS_REACH = 60


def _results_reported(text: str, start: int) -> bool:
    """Whether a past verb of reporting results comes shortly before ``text[start]``:
    "Ralston reported a 47% decline in fourth-quarter earnings", written in November, is
    about a (fiscal) quarter that is over, whatever the calendar says."""
    return _RESULTS_REPORTED.search(text, max(0, start - _RESULTS_REACH), start) is not None


def _narrative(text: str, found: list[Mention], anchor: Anchor) -> list[Mention]:
    """``found`` (mentions in ``text``) with each expression counted from the last date
    named before it ("the following year", "that day", "the previous Friday") resolved
    against that date's day instead of the anchor's, when that date is as precise as it
    needs, and a bare clock time right after a day ("on Wednesday at 8pm") on that day."""
    if anchor.day is None:
        return found
    last: Mention | None = None
    numbered: Mention | None = None  # the last quarter reported, named by its number
    numbered_end = 0
    after = -1  # where the mention before ends
    for k, mention in enumerate(found):
        # the span, read from the slot (the span's and the text's getters are Python calls)
        packed = _get_packed(mention)
        start, end = (packed >> 32, packed & PACKED_SPAN_END) if packed.__class__ is int else packed
        gap, after = start - after, end
        kind = mention.granularity
        rank = _GRAIN_RANK.get(kind)
        if rank is None or mention.start is None:
            continue  # durations, sets and references name no date
        # each rule reads the mentions of one or two ranks: tested by rank first
        if rank in {1, 3}:
            if (
                gap <= _ENDED_REACH  # first: most mentions stand farther from the one before
                and k
                and found[k - 1].granularity == "quarter"
                and _QUARTER_THEN_END.fullmatch(text, start - gap, start)
            ):
                # "the quarter ended July 31": dated by its end
                quarter = found[k - 1] = _quarter_ended(found[k - 1], mention)
                if _reported(text, quarter.span, mention, anchor.day):
                    numbered, numbered_end = quarter, start - gap
            if rank == 1 and gap <= _JOIN_REACH and k and kind == found[k - 1].granularity == "day":
                later = _range_end(text, found[k - 1], mention, (start, end), anchor)
                if later is not None:
                    found[k] = later
                    last = later
                    continue
        elif rank == 4 and kind == "quarter":
            if _reported(text, (start, end), mention, anchor.day):
                numbered, numbered_end = mention, end
            elif (
                numbered is not None
                and start - numbered_end <= _QUARTER_REACH
                and _THE_QUARTER.fullmatch(text, start, end)
            ):
                # "the fiscal first quarter ... in the quarter": the one named
                found[k] = last = attrs.evolve(
                    mention, value=numbered.value, start=numbered.start, end=numbered.end
                )
                continue
        elif rank == 0 and k:
            if gap <= _ASIDE_REACH and _restates(text, found[k - 1], mention):
                # "4 in the morning (4 a.m. EDT Thursday)": the aside's day is the clock's
                r = resolve_text(
                    found[k - 1].text, anchor._replace(day=mention.start.date(), time=None)
                )
                if r is not None and r.start is not None:
                    found[k - 1] = attrs.evolve(
                        found[k - 1], value=r.value, start=r.start, end=r.end
                    )
            if found[k - 1].granularity == "day":
                day = found[k - 1]
                if (
                    day.start is not None
                    and _DAY_THEN_CLOCK.fullmatch(text, day.span[1], mention.span[0])
                    and _BARE_CLOCK.fullmatch(mention.text)
                ):
                    r = resolve_text(mention.text, anchor._replace(day=day.start.date(), time=None))
                    if r is not None:
                        found[k] = attrs.evolve(mention, value=r.value, start=r.start, end=r.end)
                    continue
        # the mention opens with one of these letters (read from the text, not sliced)
        if last is not None and text[start : start + 1 if start < end else start] in "TtLlEe":
            written = text[start:end]
            grain = last.granularity or ""
            if kind == "day" and grain in _DAY_UNKNOWN:
                low = written.lower()
                if (
                    ("that" in low or "same" in low)
                    and _THAT_DAY.fullmatch(" ".join(low.split()))
                    and _CALENDAR.fullmatch(last.value)
                ):
                    # "in October ... that same day": a day of that month, not known
                    found[k] = attrs.evolve(
                        mention, value=last.value + _DAY_UNKNOWN[grain], start=None, end=None
                    )
                    continue
            elif (
                _GRAIN_RANK[grain] <= rank and last.start is not None and _counts_from_last(written)
            ):
                r = resolve_text(written, anchor._replace(day=last.start.date(), time=None))
                if r is not None:
                    found[k] = attrs.evolve(
                        mention, value=r.value, start=r.start, end=r.end, granularity=r.granularity
                    )
        if kind not in _TOO_FINE:
            last = found[k]
    return found


# The blanks and punctuation after a number, up to three (where the text ends, or a
# word character, follows).
_AFTER: Final = re.compile(r"[^\w]{1,3}")


def _digit_samples(size: int) -> tuple[str, ...]:
    """Digit strings standing for every run of ``size`` digits: the families read a run
    of digits by its length and by ranges of values (hours, days, counts, decades,
    years), which these cover; longer runs open no family."""
    samples = {
        1: "0 1 2 5 9",
        2: "00 01 05 09 10 12 13 19 20 23 24 29 30 31 32 59 60 99",
        3: "000 001 100 123 199 200 999",
        4: "0000 1000 1099 1899 1900 1990 1999 2000 2024 2099 2100 2999 3000 9999",
    }
    if size in samples:
        return tuple(samples[size].split())
    return ("1" + "0" * (size - 1), "9" * size)


@functools.cache
def _samples_of(name: str, size: int) -> tuple[str, ...]:
    """The digit samples of ``size`` digits that family ``name`` can start with."""
    return tuple(d for d in _digit_samples(size) if could_start(name, d))


@functools.lru_cache(maxsize=1024)
def _after_number(size: int, after: str) -> Recogniser | None:
    """The recogniser to try at a number of ``size`` digits followed by the blanks or
    punctuation ``after``: of the families that can match text so starting, found by
    partial matching (``after`` ends with no word character, so the end of the probe
    reads as no word boundary, as in the text). There are few such kinds; after most,
    no family can go on ("300 people.", "3-2,", "12,” he said"). The families a number
    opens are read without compiling their recogniser, which few numbers need."""
    kept = tuple(
        name
        for name in families_for("0")
        if any(could_start(name, d + after) for d in _samples_of(name, size))
    )
    return compile_recogniser(kept) if kept else None


@functools.lru_cache(maxsize=1024)
def _after_number_then(size: int, after: str, then: str) -> Recogniser | None:
    """:func:`_after_number`, or None when none of its families can match text that
    goes on with the two characters ``then`` after ``after`` ("370 people" opens
    nothing, "370 days" a duration). The recogniser is not narrowed further: each new
    set of families would be compiled."""
    broad = _after_number(size, after)
    if broad is None:
        return None
    probe = after + then
    for name in broad.families:
        if any(could_start(name, d + probe) for d in _samples_of(name, size)):
            return broad
    return None


def _number_recogniser(size: int, follows: str) -> Recogniser | None:
    """The recogniser to try at a number of ``size`` digits followed by ``follows``, the
    next five characters of the lowered text (fewer where the piece scanned ends), which
    decide it: the blanks and punctuation right after the number narrow the families
    (:func:`_after_number`), and the two characters after those rule them all out when
    none can go on with them (:func:`_after_number_then`; only where a mention starting
    at the number reaches them: no line break, as a blank line ends a mention's window).
    Cached by both arguments.

    >>> _number_recogniser(3, " peop") is None, _number_recogniser(3, " days") is not None
    (True, True)
    """
    after = _AFTER.match(follows)
    recogniser: Recogniser | None
    if after is None:
        recogniser = _digit_recogniser()
    else:
        gap = after.group()
        then = follows[after.end() : after.end() + 2]
        if (
            len(then) == 2
            and size + len(gap) + 2 <= _WINDOW
            and "\n" not in gap + then
            and "\r" not in gap + then
        ):
            recogniser = _after_number_then(size, gap, then)
        else:
            recogniser = _after_number(size, gap)
    if len(_BY_NUMBER) >= _CACHE_LIMIT:
        _BY_NUMBER.clear()
    _BY_NUMBER[size, follows] = recogniser
    return recogniser


# (the number's size, the five characters after it) -> the recogniser to try there
_BY_NUMBER: dict[tuple[int, str], Recogniser | None] = {}


def _scan(source: SourceText, anchor: Anchor, lo: int, hi: int) -> list[Mention]:
    """All mentions in ``source.text[lo:hi]``; see :func:`find_mentions`.

    The recognisers match lower-cased text: the piece scanned is lowered once and
    every candidate is matched in place, unless a character lengthens when lowered,
    when :func:`_scan_windowed` lowers a window per candidate instead. The words before
    a trigger that may open an expression are read backwards with one match of
    :func:`~.patterns.chain_pattern`. Only the numbers a mention may hold are
    triggers (``dated``: a year's four digits, or a number with a unit, a month, a
    clock's or a date's punctuation after it), found in the same C-level pass as the
    other numbers; at each, the five characters that follow it decide the families
    tried, with one look-up (:func:`_number_recogniser`).
    """
    text = source.text
    base = lo - 1 if lo > 0 else 0
    piece = text[base:hi]
    low = piece.lower()
    if len(low) != len(piece):
        return _scan_windowed(source, anchor, lo, hi)
    folded, backwards, zeros = views(text, base, hi)
    triggers = trigger_words(text, folded, base, zeros=zeros, dated=True)
    if not triggers:
        return []  # the rest of the set-up is for the triggers (many pieces have none)
    size = len(piece)
    chain = chain_pattern().match
    cache = _anchor_cache(anchor)
    joined: list[Mention] = []
    # tuple.__new__: the NamedTuple's own __new__ is a Python call, one per piece scanned
    scan = _new_tuple(_Scan, (text, lo, hi, anchor, low, cache, source, joined))
    blanks = mention_stops(text, lo, hi)
    bisect_left = bisect.bisect_left
    found: list[Mention] = []
    floor = lo
    for p, word in triggers:
        if p < floor:
            continue
        j = p - base
        # the recogniser to try at the trigger
        recogniser: Recogniser | None
        if word[0] <= 57:  # a number: what can start there depends on what follows
            e = j + len(word)
            follows = (len(word), low[e : e + 5])
            try:
                recogniser = _BY_NUMBER[follows]
            except KeyError:
                recogniser = _number_recogniser(*follows)
        else:
            try:
                recogniser = _BY_TRIGGER[word]
            except KeyError:
                recogniser = _word_recogniser(word)
        # and before it, at the words that may open an expression: earliest first
        starts: list[tuple[int, Recogniser | None, tuple[str, ...] | None]]
        c = None
        if p > floor and text[p - 1] in _GAPS:
            c = chain(backwards, size - j)
        if c is not None:
            # the prefix words' starts, earliest first, by the text from the farthest
            # one to the trigger's end (a number's start): see _chained
            far = size - c.end() + base
            words = low[far - base : j + len(word) if word[0] > 57 else j]
            try:
                chained = _BY_CHAIN[words]
            except KeyError:
                chained = _chained(c, low, words)
            starts = [(far + at, r, broad) for at, r, broad in chained if far + at >= floor]
            starts.append((p, recogniser, None))
        elif p > floor and text[p - 1] in "'’":
            apostrophe = _recogniser_for(text[p - 1])
            starts = [(p - 1, apostrophe, None), (p, recogniser, None)]
        elif recogniser is None:
            continue
        else:
            starts = [(p, recogniser, None)]
        for s, r, broad in starts:
            if r is None:
                continue
            # _window_end(s, hi, blanks), inlined: this loop runs at every candidate
            stop = s + _WINDOW if s + _WINDOW < hi else hi
            if blanks:
                k = bisect_left(blanks, s)
                if k < len(blanks) and blanks[k] < stop:
                    stop = blanks[k]
            m = r.pattern.match(low, s - base, stop - base)
            if m is None:
                continue
            family: str = m.lastgroup  # type: ignore[assignment]  # every family is a named group
            # the hit: checked by _checked_hit where the family has names that must be
            # capitalised; else the one it would return, built only where it is used
            hit: _Hit | None = None
            capitalised = r.capitalised[family]
            if capitalised:
                # _checked_hit's test, inlined: it is called only where a name is not
                # capitalised (it then tries the match up to that name)
                for unique in capitalised:
                    at = m.start(unique)
                    if at >= 0 and not text[base + at].isupper():
                        hit = _checked_hit(m, text, base, r, broad)
                        if hit is None:
                            break
                        family = hit.family
                        break
                else:
                    hit = _new_tuple(_Hit, (family, m, base, r))
                if hit is None:
                    break  # a name that must be capitalised is not: the trigger gives nothing
            if family in _PLAIN:
                # no check applies, and the value depends on the words alone
                end = base + m.end()
                if end <= p:
                    continue
                if family in _NAMEABLE and _in_a_title(text, base + m.start(), end, lo):
                    break
                key = (family, m.group(), "unknown", False, None)
                template = cache.get(key, _ONCE)
                if template is _ONCE or template is _TIMED:
                    if hit is None:
                        hit = _new_tuple(_Hit, (family, m, base, r))
                    template = _resolve_hit(hit, anchor, _NO_CONTEXT, family, cache)
                if template is not None:
                    found.append(_mention(template, source, base + m.start(), end))
                    floor = end
                    if family in _ELLIPTIC_FAMILIES and text.startswith(_ELLIPTIC_JOINS, end):
                        other = _elliptic_sibling(m.group(), end, scan)
                        if other is not None:
                            joined.append(other)
                break
            if hit is None:
                hit = _new_tuple(_Hit, (family, m, base, r))
            got = _accept(hit, p, scan, floor)
            if got is None:
                continue
            if isinstance(got, Mention):
                found.append(got)
                # got.span.end, read from the slot: the span's getter is a Python call
                packed = _get_packed(got)
                floor = packed & PACKED_SPAN_END if packed.__class__ is int else packed[1]
            break
    return _with_joined(found, joined) if joined else found


_GAPS: Final = frozenset(" \t\r\n-")
_NO_CONTEXT: Final[tuple[Tense, bool, None]] = ("unknown", False, None)
# families :func:`_accept` checks nothing of, and resolves with no context
_PLAIN: Final = frozenset(
    name
    for name, _source in FAMILIES
    if name not in _ADJECTIVAL | _CHECKED | _TENSED | {"ago", "dur", "qtrof", "rate", "yearago"}
)


# a trigger's or prefix word's folded word -> the recogniser of the families it opens
_BY_TRIGGER: dict[bytes, Recogniser | None] = {}
# the lowered text from the farthest prefix word before a trigger to the trigger's end (to
# its start, for a number) -> each prefix word's start in it, recogniser and the families
# of its broad one (None where the recogniser is not narrowed)
_BY_CHAIN: dict[str, tuple[tuple[int, Recogniser | None, tuple[str, ...] | None], ...]] = {}
# a folded prefix word -> the families that can start with it
_BY_PREFIX: dict[bytes, tuple[str, ...]] = {}


def _chained(
    c: re.Match[bytes], low: str, key: str
) -> tuple[tuple[int, Recogniser | None, tuple[str, ...] | None], ...]:
    """The starts :func:`_scan` tries at the prefix words ``c`` found before a trigger
    (:func:`~.patterns.chain_pattern`, matched in the reversed view of ``low``):
    each word's offset in ``key`` (the lowered text from the farthest word to the
    trigger's end, or to its start for a number), the recogniser to try there and, where
    it is narrowed, the families of the prefix word's own; earliest first. A word's
    recogniser is narrowed by the word after it (:func:`_narrowed`), unless that is a
    number. The prefix word's own recogniser is compiled only where it is tried: most
    are only narrowed, and compiling them was most of a first call's compiling. Cached
    by ``key``: the words, their gaps and the trigger are all in it, and the chain's
    match stops where it does for the same reasons whatever comes before it (the
    farthest word was checked against the character before it, outside the key, and
    passed)."""
    size = len(low)
    far = size - c.end()
    # where the word after each prefix word ends: the trigger's, when a word (a number's
    # key ends with the gap before it)
    after = -1 if key[-1] in _GAPS else len(key)
    found: list[tuple[int, Recogniser | None, tuple[str, ...] | None]] = []
    for g in (1, 2, 3, 4):
        k = c.end(g)
        if k < 0:
            break
        s = size - k - far
        prefix = c.group(g)[::-1]
        try:
            broad = _BY_PREFIX[prefix]
        except KeyError:
            broad = _prefix_families(prefix)
        if not broad:
            found.append((s, None, None))
        elif after < 0:
            found.append((s, compile_recogniser(broad), None))
        else:
            # the families that can start with the prefix word and the next
            probe = key[s:after]
            try:
                found.append((s, _BY_PROBE[probe], broad))
            except KeyError:
                found.append((s, _narrowed(broad, probe), broad))
        after = size - c.start(g) - far
    found.reverse()
    chained = tuple(found)
    if len(_BY_CHAIN) >= _CACHE_LIMIT:
        _BY_CHAIN.clear()
    _BY_CHAIN[key] = chained
    return chained


# a prefix word and the word after it, lowered, as written -> the recogniser to try there
_BY_PROBE: dict[str, Recogniser | None] = {}


def _narrowed(broad: tuple[str, ...], probe: str) -> Recogniser | None:
    """The recogniser to try where the text starts with ``probe``, a prefix word, the
    blanks or hyphens after it and the next word (lowered): of the families ``broad``
    (those of the prefix word), the ones some text starting with ``probe`` could match,
    found by partial matching, in the same order, so that the first family to match is
    the same. "the" opens 27 families, "the weekend" one. A probe with two line breaks
    may hold a blank line, which ends the window a match may take before the probe
    does: all of ``broad`` is tried there. Cached by ``probe`` (which names the prefix
    word, and so ``broad``).

    >>> broad = _prefix_families(b"the")
    >>> len(broad), _narrowed(broad, "the weekend").families
    (27, ('wkend',))
    """
    kept = broad
    if probe.count("\n") < 2:
        kept = tuple(name for name in broad if could_start_after_anything(name, probe))
    found = compile_recogniser(kept) if kept else None
    if len(_BY_PROBE) >= _CACHE_LIMIT:
        _BY_PROBE.clear()
    _BY_PROBE[probe] = found
    return found


@functools.cache
def _digit_recogniser() -> Recogniser | None:
    """The recogniser of the families a number can open."""
    return patterns_for("0")


def _prefix_families(word: bytes) -> tuple[str, ...]:
    """The families that can start with the folded prefix ``word`` (cached)."""
    token = _TOKEN.match(word.decode("ascii"))
    found = () if token is None else families_for(token.group())
    if len(_BY_PREFIX) >= _CACHE_LIMIT:
        _BY_PREFIX.clear()
    _BY_PREFIX[word] = found
    return found


def _word_recogniser(word: bytes) -> Recogniser | None:
    """The recogniser for the folded ``word`` a mention starts with (cached)."""
    token = _TOKEN.match(word.decode("ascii"))
    found = None if token is None else _recogniser_for(token.group())
    if len(_BY_TRIGGER) >= _CACHE_LIMIT:
        _BY_TRIGGER.clear()
    _BY_TRIGGER[word] = found
    return found


def find_mentions(
    text: str,
    reference: dt.date | dt.datetime | None,
    *,
    start: int = 0,
    end: int | None = None,
    day_first: bool = False,
    tz: dt.tzinfo | None = None,
) -> tuple[Mention, ...]:
    """Find the temporal expressions in ``text[start:end]`` and resolve them.

    Args:
        text: the text to scan (spans are offsets into it, even with ``start``).
        reference: the anchor: an aware datetime (the entry's instant), a date (its
            day, intervals in UTC) or None (unknown parts stay ``X``).
        start: where to start scanning.
        end: where to stop scanning (default: the end of ``text``).
        day_first: read a slashed date that reads both ways as day, month, year
            (``06/02/2023``: 6 February); by default month first, as in the US. A
            date that reads one way only (``22/01/2024``) or with dots is read so
            either way. :func:`liveblog.parse` sets it from the blog's markers.
        tz: the zone of a date ``reference``'s day and of the intervals resolved
            against it (default UTC); an aware datetime brings its own.

    Returns:
        The mentions, sorted by span and never overlapping.

    Raises:
        ValueError: for a naive datetime, a ``tz`` without a UTC offset or offsets
            outside the text.
        TypeError: for a ``text`` that is no ``str`` (bytes must be decoded first), or
            another argument of the wrong type.

    >>> import datetime as dt
    >>> [(m.text, m.value) for m in find_mentions("On Sunday, last week.", dt.date(2024, 1, 22))]
    [('Sunday', '2024-01-21'), ('last week', '2024-W03')]
    >>> [m.value for m in find_mentions("Filed 06/02/2023.", None, day_first=True)]
    ['2023-02-06']
    """
    if not isinstance(text, str):
        msg = f"text must be a str, got {type(text).__name__}"
        raise TypeError(msg)
    if not all(isinstance(offset, int) for offset in (start, 0 if end is None else end)):
        msg = f"start and end must be int offsets, got {start!r}, {end!r}"
        raise TypeError(msg)
    if tz is not None:
        if not isinstance(tz, dt.tzinfo):
            msg = f"tz must be a tzinfo such as zoneinfo.ZoneInfo('Europe/London'), got {tz!r}"
            raise TypeError(msg)
        if tz.utcoffset(_ANY_DAY) is None:
            msg = f"tz must state a UTC offset, got {tz!r}"
            raise ValueError(msg)
    return mentions_in(
        SourceText(text), reference, start=start, end=end, day_first=day_first, tz=tz
    )


_ANY_DAY = dt.datetime(2000, 1, 1)  # noqa: DTZ001 - naive, as a zone's utcoffset is asked


def mentions_in(
    source: SourceText,
    reference: dt.date | dt.datetime | None,
    *,
    start: int = 0,
    end: int | None = None,
    day_first: bool = False,
    tz: dt.tzinfo | None = None,
) -> tuple[Mention, ...]:
    """:func:`find_mentions` in ``source.text``: the parser shares one
    :class:`~liveblog.model.SourceText` among all the entries of a text, and the
    mentions' texts refer to it instead of each holding a copy.
    """
    text = source.text
    hi = len(text) if end is None else end
    if not 0 <= start <= hi <= len(text):
        msg = f"start and end must satisfy 0 <= start <= end <= {len(text)}, got {start!r}, {end!r}"
        raise ValueError(msg)
    return piece_mentions(source, reference, start, hi, day_first, tz)


def piece_mentions(  # noqa: PLR0917 - the parser calls it by position, once per piece
    source: SourceText,
    reference: dt.date | dt.datetime | None,
    lo: int,
    hi: int,
    day_first: bool,
    tz: dt.tzinfo | None = None,
) -> tuple[Mention, ...]:
    """:func:`mentions_in` from ``lo`` to ``hi``, which the caller has checked (``0 <= lo
    <= hi <= len(source.text)``): the parser's call for each piece of an entry's body,
    with its arguments by position (binding keywords and checking the bounds again cost
    about as much as the anchor); ``tz``, the zone of a date ``reference``'s day."""
    anchor = Anchor.from_reference(reference, day_first=day_first, tz=tz)
    read = source
    if not source.text.isascii() and (half := _half_width_source(source)) is not None:
        read = half  # full-width digits and colons ("１４：３２") as ASCII, same length
    found = _scan(read, anchor, lo, hi)
    # _narrative reads each mention against the ones before it: one alone it leaves as is
    if len(found) > 1:
        found = _narrative(read.text, found, anchor)
    if read is not source:
        for mention in found:
            _set_text(mention, source)  # the mentions' texts are the source's, as written
    return tuple(found)


def _half_width_source(source: SourceText) -> SourceText | None:
    """``source`` with its full-width forms read as ASCII, one character for one
    (:func:`~liveblog.markers.widths.half_width`), or None when it holds none: made once
    per source, as the parser reads its pieces one after another."""
    copy = getattr(source, "half_width", source)  # unset until the first call
    if copy is source:
        half = half_width(source.text, FULL_WIDTH_DIGITS)  # a mention needs a digit
        copy = source.half_width = None if half is None else SourceText(half)
    return copy

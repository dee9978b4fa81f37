"""Inferring the blog's own date from the evidence in its text.

The parser calls :func:`infer_date` when no ``date`` was given and no marker or day
header states one. Explicit full dates (``January 16, 2024``) bound the search; each
candidate opening day near them is scored by the evidence it satisfies:

* ``full-date``: the blog is written on or after the dates it states (weight 1, and
  among equal scores the candidate closest after them wins);
* ``weekday``: an entry says what day it is (``earlier on Monday``, ``later on
  Tuesday``, ``today, Monday``), so its own day has that weekday (weight 2);
* ``coverage``: the preamble links the previous day's coverage (``Sunday's Coverage``),
  so the opening day is the day after (weight 2);
* ``relative``: ``last week`` in a blog that states a full date puts the blog in the
  week after that date's week (weight 3).

Only the paragraphs that can hold a full date or ``last week`` are read for mentions:
with no reference, a day is fully known only when its words name its year (four
digits, or words such as "nineteen ninety-six").
"""

from __future__ import annotations

import bisect
import datetime as dt
import functools
from collections.abc import Callable, Sequence
from typing import Any, NamedTuple

import regex

from liveblog.model import DateEvidence, Span
from liveblog.temporal.lexicon import WEEKDAYS
from liveblog.temporal.patterns import blank_lines
from liveblog.temporal.resolve import find_mentions

__all__ = ["infer_date"]

_WEEKDAY = "(?P<wday>" + "|".join(w.title() for w in WEEKDAYS) + ")"


@functools.cache
def _same_day() -> Any:
    """Compiled on first use, so that importing the package does not pay for it."""
    # earlier on Monday | later on Tuesday | late on Friday | today, Monday | this Monday morning
    return regex.compile(
        rf"(?<![\w])(?:(?:earlier|later|late|early)\s+(?:on\s+)?|(?:today|tonight),?\s+|"
        rf"(?:this\s+))(?-i:{_WEEKDAY})(?!['’]s)(?![\w])",
        regex.IGNORECASE,
    )


@functools.cache
def _coverage() -> Any:
    """Compiled on first use."""
    # Sunday's Coverage | Saturday’s live blog | Friday's updates
    return regex.compile(
        rf"(?<![\w])(?-i:{_WEEKDAY})['’]s\s+(?:coverage|live\s*blog|updates|blog)(?![\w])",
        regex.IGNORECASE,
    )


_WINDOW_BEFORE = 7
_WINDOW_AFTER = 45


class _OnOrAfter(NamedTuple):
    """Holds for the days on or after a stated date."""

    stated: dt.date

    def holds(self, day: dt.date) -> bool:
        return day >= self.stated


class _Weekday(NamedTuple):
    """Holds for the days with one ISO weekday (1 is Monday)."""

    isoweekday: int

    def holds(self, day: dt.date) -> bool:
        return day.isoweekday() == self.isoweekday


class _WeekAfter(NamedTuple):
    """Holds for the days in the week after one of the given ISO (year, week) pairs."""

    weeks: frozenset[tuple[int, int]]

    def holds(self, day: dt.date) -> bool:
        return (day - dt.timedelta(days=7)).isocalendar()[:2] in self.weeks


_Condition = _OnOrAfter | _Weekday | _WeekAfter


class _Clue(NamedTuple):
    kind: str
    text: str
    span: Span
    weight: int
    condition: _Condition


def _entry_offsets(entries: Sequence[tuple[Span, int]]) -> Callable[[int], int]:
    """A look-up of the day offset of the entry holding a position (0 outside every entry).

    >>> at = _entry_offsets([(Span(10, 20), 1), (Span(0, 10), 0)])
    >>> at(3), at(15), at(25)
    (0, 1, 0)
    """
    spans = sorted(entries)
    starts = [span[0] for span, _ in spans]

    def offset_at(pos: int) -> int:
        i = bisect.bisect_right(starts, pos) - 1
        if i >= 0 and pos < spans[i][0][1]:
            return spans[i][1]
        return 0

    return offset_at


def _weekday_clue(kind: str, m: Any, shift: int, weight: int) -> _Clue:
    """``m`` names the weekday of the day ``shift`` days after the opening day."""
    wday = WEEKDAYS[m.group("wday").lower()]
    return _Clue(kind, m.group(), Span(*m.span()), weight, _Weekday((wday - 1 - shift) % 7 + 1))


@functools.cache
def _year_or_last_week() -> Any:
    """Compiled on first use: where a year can be written, or "last week"."""
    return regex.compile(
        r"(?<!\d)\d{4}(?!\d)|\b(?:nineteen|two\s+thousand)\b|\blast\s+week\b",
        regex.IGNORECASE,
    )


def _paragraphs_with_clues(text: str) -> list[Span]:
    """The paragraphs (between blank lines) that name a year or say "last week".

    >>> text = "Intro.\\n\\nTalks on Monday.\\n\\nIn May 2022, and last week.\\nMore."
    >>> [text[slice(*p)] for p in _paragraphs_with_clues(text)]
    ['In May 2022, and last week.\\nMore.']
    """
    blanks = blank_lines(text)
    starts = [0, *(m.end() for m in blanks)]
    ends = [*(m.start() for m in blanks), len(text)]
    found: list[Span] = []
    done = 0  # the end of the last paragraph found
    while (hit := _year_or_last_week().search(text, done)) is not None:
        k = bisect.bisect_right(starts, hit.start()) - 1
        found.append(Span(starts[k], ends[k]))
        done = ends[k]
    return found


def _clues(
    text: str, preamble: Span, entries: Sequence[tuple[Span, int]]
) -> tuple[list[dt.date], list[_Clue]]:
    mentions = [
        m
        for p in _paragraphs_with_clues(text)
        for m in find_mentions(text, None, start=p.start, end=p.end)
    ]
    # with no reference, a day is fully known only when its own words name the year
    full = [m for m in mentions if m.granularity == "day" and m.start is not None]
    dates = [dt.date.fromisoformat(m.value[:10]) for m in full]
    clues: list[_Clue] = []
    for m, d in zip(full, dates, strict=True):
        clues.append(_Clue("full-date", m.text, m.span, 1, _OnOrAfter(d)))
    offset_at = _entry_offsets(entries)
    for m in _same_day().finditer(text):
        clues.append(_weekday_clue("weekday", m, offset_at(m.start()), 2))
    for m in _coverage().finditer(text, preamble[0], preamble[1]):
        clues.append(_weekday_clue("coverage", m, -1, 2))
    if dates:
        # "last week": the week after a stated date's week
        after = _WeekAfter(frozenset(d.isocalendar()[:2] for d in dates))
        for m in mentions:
            if " ".join(m.text.lower().split()) == "last week":
                clues.append(_Clue("relative", m.text, m.span, 3, after))
    return dates, clues


def infer_date(
    text: str, *, preamble: Span, entries: Sequence[tuple[Span, int]]
) -> tuple[dt.date | None, tuple[DateEvidence, ...]]:
    """Infer the blog's opening day from the dates, weekdays and relative words it uses.

    Args:
        text: the whole source text.
        preamble: the preamble's span.
        entries: each entry's span and its day offset from the opening day, oldest first.

    Returns:
        The opening day and the evidence that supports it, or ``(None, ())`` when the
        text states no full date to anchor the evidence to.

    >>> text = "Photo, March 5, 2024.\\n\\nUPDATE 1200: Talks went on earlier on Thursday."
    >>> day, why = infer_date(text, preamble=Span(0, 21), entries=[(Span(23, 71), 0)])
    >>> day, [e.kind for e in why]
    (datetime.date(2024, 3, 7), ['full-date', 'weekday'])
    """
    dates, clues = _clues(text, preamble, entries)
    if not dates:
        return None, ()
    # candidates: the days around each stated date (a bounded set however far apart)
    candidates = sorted(
        {d + dt.timedelta(days=k) for d in dates for k in range(-_WINDOW_BEFORE, _WINDOW_AFTER + 1)}
    )
    stated = sorted(dates)
    # clues that share a condition are weighed together: a handful of distinct
    # conditions, however many clues the text holds
    weights: dict[_Condition, int] = {}
    for c in clues:
        if c.kind != "full-date":
            weights[c.condition] = weights.get(c.condition, 0) + c.weight
    best: tuple[int, int, dt.date] | None = None
    for day in candidates:
        # one point per stated date on or before the day, then the other clues
        n_before = bisect.bisect_right(stated, day)
        score = n_before + sum(w for cond, w in weights.items() if cond.holds(day))
        # closeness: days after the latest stated date that is not after ``day``
        gap = (day - stated[n_before - 1]).days if n_before else 10_000
        if best is None or (score, -gap) > best[:2]:
            best = (score, -gap, day)
    assert best is not None  # there is at least one stated date
    chosen = best[2]
    evidence = tuple(
        DateEvidence(kind=c.kind, text=c.text, span=c.span, date=chosen)
        for c in sorted(clues, key=lambda c: c.span)
        if c.condition.holds(chosen)
    )
    return chosen, evidence

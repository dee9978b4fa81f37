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


class _Clue(NamedTuple):
    kind: str
    text: str
    span: Span
    weight: int
    holds: Callable[[dt.date], bool]


def _offset_at(pos: int, entries: Sequence[tuple[Span, int]]) -> int:
    for span, offset in entries:
        if span[0] <= pos < span[1]:
            return offset
    return 0


def _on_or_after(stated: dt.date) -> Callable[[dt.date], bool]:
    def holds(day: dt.date) -> bool:
        return day >= stated

    return holds


def _weekday_clue(kind: str, m: Any, shift: int, weight: int) -> _Clue:
    wday = WEEKDAYS[m.group("wday").lower()]

    def holds(day: dt.date) -> bool:
        return (day + dt.timedelta(days=shift)).isoweekday() == wday

    return _Clue(kind, m.group(), Span(*m.span()), weight, holds)


def _clues(
    text: str, preamble: Span, entries: Sequence[tuple[Span, int]]
) -> tuple[list[dt.date], list[_Clue]]:
    mentions = find_mentions(text, None)
    full = [m for m in mentions if m.granularity == "day" and m.start is not None]
    dates = [dt.date.fromisoformat(m.value[:10]) for m in full]
    clues: list[_Clue] = []
    for m, d in zip(full, dates, strict=True):
        clues.append(_Clue("full-date", m.text, m.span, 1, _on_or_after(d)))
    for m in _same_day().finditer(text):
        clues.append(_weekday_clue("weekday", m, _offset_at(m.start(), entries), 2))
    for m in _coverage().finditer(text, preamble[0], preamble[1]):
        clues.append(_weekday_clue("coverage", m, -1, 2))
    last_weeks = [m for m in mentions if " ".join(m.text.lower().split()) == "last week"]
    weeks = sorted({d.isocalendar()[:2] for d in dates})
    for m in last_weeks:
        for week in weeks:

            def holds(day: dt.date, week: tuple[int, int] = week) -> bool:
                return (day - dt.timedelta(days=7)).isocalendar()[:2] == week

            clues.append(_Clue("relative", m.text, m.span, 3, holds))
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
    others = [c for c in clues if c.kind != "full-date"]
    best: tuple[int, int, dt.date] | None = None
    for day in candidates:
        # one point per stated date on or before the day, then the other clues
        n_before = bisect.bisect_right(stated, day)
        score = n_before + sum(c.weight for c in others if c.holds(day))
        # closeness: days after the latest stated date that is not after ``day``
        gap = (day - stated[n_before - 1]).days if n_before else 10_000
        if best is None or (score, -gap) > best[:2]:
            best = (score, -gap, day)
    assert best is not None  # there is at least one stated date
    chosen = best[2]
    evidence = tuple(
        DateEvidence(kind=c.kind, text=c.text, span=c.span, date=chosen)
        for c in sorted(clues, key=lambda c: c.span)
        if c.holds(chosen)
    )
    return chosen, evidence

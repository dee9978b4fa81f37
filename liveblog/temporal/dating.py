"""Inferring the blog's own date from the evidence in its text.

The parser calls :func:`infer_date` when no ``date`` was given and no marker or day
header states one. Explicit full dates (``January 16, 2024``) bound the search; each
candidate opening day near them is scored by the evidence it satisfies:

* ``full-date``: the blog is written on or after the dates it states (weight 1, and
  among equal scores the candidate closest after them wins), each entry's own day on
  or after the dates it states. Dates ahead ("will be on Aug. 23, 2044") and the dates
  of cards of other articles ("Published on 23 Feb 2022 – ...") bound nothing;
* ``last-updated``: a preamble line that stamps the page's last update ("Updated
  1:52 a.m. ET, November 6, 2024", "Last updated 23:55 24/02/2022", "Stand:
  15.07.2021") gives the newest entry's day (weight 3);
* ``weekday``: an entry says what day it is (``earlier on Monday``, ``later on
  Tuesday``, ``today, Monday``), so its own day has that weekday (weight 2);
* ``print-header``: the browser's print header opening the text ("1/22/24, 6:04 PM
  Live updates: ... | CNN"), or its footer alone on a line, gives the newest entry's
  day (weight 3);
* ``coverage``: the preamble links the previous day's coverage (``Sunday's Coverage``),
  so the opening day is the day after (weight 2);
* ``relative``: ``last week`` in a blog that states a full date puts the blog in the
  week after that date's week (weight 3).

A slashed date that reads both ways (``06/02/2023``) is read day first on a page whose
markers write the 24-hour clock and never am/pm, as a marker's own date is read.

With no full date, a day written with its weekday but no year (``Saturday 13 July``)
and a year the preamble names (``Wimbledon 2024``) can still date the blog
(``title-year``, see :func:`infer_date`), or failing that the latest year the posts name
that fits the weekday (``text-year``); a day written without its weekday (``23
January``) only by the one year the preamble names (``Davos 2024``), unless the weekday
a post gives its own day (``earlier on Monday``) rules that year out ("Budget 2025",
held in 2024): then by the year next to it that fits, if one alone does.

Only the paragraphs that can hold a full date or ``last week`` are read for mentions:
with no reference, a day is fully known only when its words name its year (four
digits after its day or opening an ISO date, dashed or slashed, or words such as
"nineteen ninety-six"); a paragraph that says ``last week`` but can hold no full date
is read only when the text states a date.
"""

from __future__ import annotations

import bisect
import datetime as dt
import functools
import operator
import re
from collections.abc import Callable, Iterator, Sequence
from itertools import accumulate
from typing import Any, NamedTuple

import attrs
import regex

from liveblog.chronology import WrittenDay
from liveblog.markers.dialect import writes_day_first
from liveblog.model import DateEvidence, Span, unchecked_span
from liveblog.temporal.lexicon import WEEKDAYS
from liveblog.temporal.patterns import CLOCK_ZONE_AFTER, HOLIDAY_LAST_WORDS, blank_lines
from liveblog.temporal.resolve import find_mentions

__all__ = ["WrittenDay", "infer_date"]

_WEEKDAY = "(?P<wday>" + "|".join(w.title() for w in WEEKDAYS) + ")"


_SAME_DAY_WORDS = (
    r"(?:(?:earlier|later|late|early)\s+(?:on\s+)?|(?:today|tonight),?\s+|(?:this\s+))"
)
_NAMED_WEEKDAY = rf"(?-i:{_WEEKDAY})(?!['’]s)(?![\w])"


@functools.cache
def _same_day() -> tuple[Any, Any, Any]:
    """Compiled on first use, so that importing the package does not pay for it: the
    pattern of a weekday said to be the entry's own day, the weekday it ends with, and
    the words before that weekday, matched backwards from it."""
    # earlier on Monday | later on Tuesday | late on Friday | today, Monday | this Monday morning
    whole = regex.compile(rf"(?<![\w]){_SAME_DAY_WORDS}{_NAMED_WEEKDAY}", regex.IGNORECASE)
    weekday = regex.compile(_NAMED_WEEKDAY, regex.IGNORECASE)
    before = regex.compile(rf"(?r)(?<![\w]){_SAME_DAY_WORDS}", regex.IGNORECASE)
    return whole, weekday, before


# What each weekday name (as the patterns write it, with a capital) holds before the
# "day" it ends with
_WEEKDAY_HEADS = tuple(name.title()[:-3] for name in WEEKDAYS)
# Each head by its last three letters (which tell them apart: "Mon", "ues", "nes"...)
_HEAD_BY_END = {head[-3:]: head for head in _WEEKDAY_HEADS}


def _weekday_names(text: str, weekday: Any) -> Iterator[Any]:
    """The matches of ``weekday`` (a weekday name, see :func:`_same_day`) in ``text``, as
    its ``finditer`` gives them. Every name ends in "day", which ``str.find`` finds at C
    speed: the pattern is tried only where a name ends there, instead of at every
    character; the three letters before it tell the one head a name there can have.
    (Two names never overlap: each holds "day" only at its end.)

    >>> [m.span() for m in _weekday_names("Monday, today, Wednesdays", _same_day()[1])]
    [(0, 6)]
    """
    head_by_end = _HEAD_BY_END.get
    at = text.find("day")
    while at >= 0:
        head = head_by_end(text[at - 3 : at]) if at >= 3 else None
        if head is not None and (start := at - len(head)) >= 0 and text.startswith(head, start):
            found = weekday.match(text, start)
            if found is not None:
                yield found
        at = text.find("day", at + 3)


def _same_day_matches(text: str) -> Iterator[Any]:
    """The matches of the same-day pattern in ``text``, as its ``finditer`` gives them.

    Weekday names written with a capital are rare: each is found first, and the words
    before it are then matched backwards, ending where it begins. A scan for the whole
    pattern tries its alternatives at every character, ten times slower. (Two matches
    never overlap: each ends at its own weekday, and the words before one hold none.)

    >>> [m.group() for m in _same_day_matches("Talks earlier on Monday; on Tuesday, this  Friday")]
    ['earlier on Monday', 'this  Friday']
    """
    whole, weekday, before = _same_day()
    for day in _weekday_names(text, weekday):
        words = before.match(text, 0, day.start())
        found = None if words is None else whole.match(text, words.start())
        if found is not None:
            yield found


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
# the calendar's last day, as an ordinal: no candidate opening day lies past it (nor
# before ordinal 1), however near the calendar's ends the stated dates fall
_LAST_DAY = dt.date.max.toordinal()


class _Tables(NamedTuple):
    """The weights of the conditions that hold on a day, in three tables (see
    :func:`_best_day`): ``by_weekday``, by an ordinal's remainder modulo 7 (ordinal 1 is
    a Monday); ``by_day``, by ordinal; ``from_day``, on that day and every day after."""

    by_weekday: list[int]
    by_day: dict[int, int]
    from_day: dict[int, int]


@attrs.frozen
class _OnOrAfter:
    """Holds for the days on or after a stated day (days are proleptic ordinals)."""

    stated: int

    def holds_on(self, days: Sequence[int]) -> list[bool]:
        return [o >= self.stated for o in days]

    def tally(self, weight: int, tables: _Tables) -> None:
        """Adds ``weight`` from the day on (see :meth:`_On.tally`)."""
        tables.from_day[self.stated] = tables.from_day.get(self.stated, 0) + weight


@attrs.frozen
class _Weekday:
    """Holds for the days with one ISO weekday (1 is Monday, as is ordinal 1)."""

    isoweekday: int

    def holds_on(self, days: Sequence[int]) -> list[bool]:
        return [(o - 1) % 7 + 1 == self.isoweekday for o in days]

    def tally(self, weight: int, tables: _Tables) -> None:
        """Adds ``weight`` by the weekday (see :meth:`_On.tally`)."""
        tables.by_weekday[self.isoweekday % 7] += weight


@attrs.frozen
class _WeekAfter:
    """Holds for the days in the week after one of the given ISO (year, week) pairs."""

    weeks: frozenset[tuple[int, int]]
    days: frozenset[int] = attrs.field(init=False, eq=False, repr=False)

    def __attrs_post_init__(self) -> None:
        mondays = [dt.date.fromisocalendar(y, w, 1).toordinal() + 7 for y, w in self.weeks]
        object.__setattr__(self, "days", frozenset(m + k for m in mondays for k in range(7)))

    def holds_on(self, days: Sequence[int]) -> list[bool]:
        return [o in self.days for o in days]

    def tally(self, weight: int, tables: _Tables) -> None:
        """Adds ``weight`` on each day of the weeks (see :meth:`_On.tally`)."""
        by_day = tables.by_day
        for o in self.days:
            by_day[o] = by_day.get(o, 0) + weight


@attrs.frozen
class _On:
    """Holds on one day."""

    day: int

    def holds_on(self, days: Sequence[int]) -> list[bool]:
        return [o == self.day for o in days]

    def tally(self, weight: int, tables: _Tables) -> None:
        """Adds ``weight`` to the ``tables`` (see :class:`_Tables`) of the days it holds
        on: one rule gives them all, without a look at each candidate day."""
        tables.by_day[self.day] = tables.by_day.get(self.day, 0) + weight


_Condition = _OnOrAfter | _Weekday | _WeekAfter | _On

# The granularities of a mention that can state a whole day (with its year)
_DAY_OR_CLOCK = frozenset({"day", "minute", "second"})

# The start of a line that stamps when the page was last updated: its date is the day of
# the newest entry. "Updated 1:52 a.m. ET, November 6, 2024" | "Last updated 23:55
# 24/02/2022" | "Stand: 15.07.2021 06:12 Uhr" | "Aktualisiert am 15.07.2021"
_UPDATED = re.compile(r"(?:last\s+)?updated\b|stand:|aktualisiert\b", re.IGNORECASE)
# A browser's print header opening the text, or its footer alone on a line (US style, a
# two-digit year): the day the page was printed, the newest entry's day.
# "1/22/24, 6:04 PM Live updates: ... | CNN" | "1/22/24, 6:04 PM" (alone)
_PRINT_STAMP = (
    r"(?P<stamp>(?P<month>[01]?\d)/(?P<day>[0-3]?\d)/(?P<year>\d\d),[ \t]\d\d?:\d\d[ \t]?[AP]M)"
)
_PRINT_HEADER = re.compile(rf"\s*{_PRINT_STAMP}[ \t]+\S")
# (a line of LF, CRLF or lone CR ends)
_PRINT_FOOTER = re.compile(rf"(?:(?<=[\r\n])|\A)[ \t]*{_PRINT_STAMP}[ \t]*(?=[\r\n]|\Z)")
# The start of a card of another article: "Published on 23 Feb 2022 – Putin recognises"
_CARD = re.compile(r"(?:read\s+more:\s*)?published\s+on\b", re.IGNORECASE)
# Words before a date in its sentence that put it ahead: "will be on Aug. 23, 2044"
_AHEAD = re.compile(r"\b(?:will|next|due|scheduled|expected)\b", re.IGNORECASE)


class _Clue(NamedTuple):
    kind: str
    text: str
    span: Span
    weight: int
    condition: _Condition


_clue_span = operator.attrgetter("span")
_mention_start = operator.attrgetter("span.start")


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
    return _Clue(
        kind, m.group(), unchecked_span(*m.span()), weight, _Weekday((wday - 1 - shift) % 7 + 1)
    )


@functools.cache
def _clue_finders() -> tuple[Any, Any, Any]:
    """Compiled on first use: where a year is written in digits, and (in lower-cased
    text, or in any case) the words that open a year read aloud or "last week".

    Separate scans: one pattern of all three tries every alternative at every
    character, several times slower.
    """
    words = r"[ntl](?:ineteen|wo\s+thousand|ast\s+week)"
    return regex.compile(r"(?<!\d)\d{4}(?!\d)"), re.compile(words), re.compile(words, re.I)


# The clue words' (above) last words, each with what stands before it in a match: the
# letters, after a run of blanks (``\s+``) or not, and then one of "ntl"
_CLUE_WORD_ENDS = ((b"ineteen", b"", False), (b"thousand", b"wo", True), (b"week", b"ast", True))
# Bytes of ``str.encode("ascii", "replace")``, folded for both scans: ASCII letters in
# lower case (no character that is not ASCII, a "?", lowers to an ASCII letter but the
# Kelvin sign, "\u212a"), a digit or a "?" (which may be a digit that is not ASCII,
# "٢") as "0", anything else a blank
_FOLDED = bytes(
    c + 32 if 65 <= c <= 90 else c if 97 <= c <= 122 else 48 if 48 <= c <= 57 or c == 63 else 32
    for c in range(256)
)


def _word_starts(text: str, folded: bytes, words: re.Pattern[str]) -> list[int]:
    """The starts of the matches of ``words`` (the clue words, see :func:`_clue_finders`)
    in ``text.lower()``, as its ``finditer`` gives them, for a ``text`` that keeps its
    length when lowered. ``folded`` is ``text.lower()`` with one byte a character, ASCII
    letters as themselves (see :data:`_FOLDED`). Each match ends with one of three words, which
    ``bytes.find`` finds at C speed (they are rare): the pattern is tried only where
    one of them can end a match, on that match's piece, instead of at every character.

    >>> text = "in Nineteen, last  week, two\\nthousand; nineteenineteen"
    >>> _word_starts(text, text.lower().encode(), _clue_finders()[1])
    [3, 13, 25, 39]
    """
    tries: list[tuple[int, int]] = []
    for word, before, blanks in _CLUE_WORD_ENDS:
        at = folded.find(word)
        while at >= 0:
            k = at
            if blanks:  # (lowering keeps a character a blank or not)
                while k > 0 and text[k - 1].isspace():
                    k -= 1
            start = k - len(before) - 1
            if start >= 0 and (k < at or not blanks) and folded.startswith(before, k - len(before)):
                # the one match that can start there ends with this word
                tries.append((start, at + len(word)))
            at = folded.find(word, at + 1)
    starts: list[int] = []
    resume = 0  # as finditer: a match starts where the last one ended, or later
    for start, end in sorted(tries):
        if start >= resume and words.fullmatch(text[start:end].lower()) is not None:
            starts.append(start)
            resume = end
    return starts


def _year_starts(text: str, encoded: bytes, folded: bytes, digits: Any) -> list[int]:
    """The starts of the matches of ``digits`` (four digits, see :func:`_clue_finders`)
    in ``text``, as its ``finditer`` gives them; ``encoded`` is ``text.encode("ascii",
    "replace")``, ``folded`` the same with :data:`_FOLDED`. A match lies in a run of
    digits or "?" (zeros in ``folded``), found by ``bytes.find`` at C speed: a run of
    four ASCII digits is one, and the pattern is tried only in the other runs of four
    or more (which hold a "?", or five digits).

    >>> text = "In 2024, 12345 or ٢٠٢٤?"
    >>> encoded = text.encode("ascii", "replace")
    >>> _year_starts(text, encoded, encoded.translate(_FOLDED), _clue_finders()[0])
    [3, 18]
    """
    starts: list[int] = []
    at = folded.find(b"0000")
    while at >= 0:
        end = at + 4
        while folded.startswith(b"0", end):
            end += 1
        if end - at == 4 and encoded[at:end].isdigit():
            starts.append(at)
        else:  # the characters either side are no digits: the run alone decides
            starts.extend(m.start() for m in digits.finditer(text, at, end))
        at = folded.find(b"0000", end)
    return starts


def _clue_starts(text: str, markers: Sequence[Span] = ()) -> tuple[list[int], list[int], list[int]]:
    """Where the years outside ``markers``, all the years, and the clue words start in
    ``text`` (see :func:`_clue_paragraphs`). The text is encoded once for both scans,
    which cost less on its bytes than on the text (lowered, for the words).

    >>> _clue_starts("UPDATE 1548 GMT: Talks in 2022, last week.", [Span(0, 15)])
    ([26], [7, 26], [32])
    """
    digits, words, any_case = _clue_finders()
    encoded = text.encode("ascii", "replace")
    if "\u0130" in text:  # the one character that lengthens when lowered ("İ")
        found = [m.start() for m in any_case.finditer(text)]
        folded = encoded.translate(_FOLDED)
    else:
        kelvin = "\u212a" in text  # the one that lowers to an ASCII letter
        folded = (text.lower().encode("ascii", "replace") if kelvin else encoded).translate(_FOLDED)
        found = _word_starts(text, folded, words)
    every = hits = _year_starts(text, encoded, folded, digits)
    if markers and hits:
        marker_ends = [m.end for m in markers]
        hits = [
            h
            for h in hits
            if (k := bisect.bisect_right(marker_ends, h)) == len(markers) or h < markers[k].start
        ]
    return hits, every, found


# What stands before a year (four digits) that a mention of a whole day holds, lower
# case: its day ("January 16, 2024", "16/01/2024", "6, 2024" in "1:52 a.m. ET, November
# 6, 2024"), or its day and month ("16 January 2024", "the 16th of Jan. 2024"), then
# blanks or punctuation. A superset of what the patterns allow there (``DAY``, ``MONTH``
# and ``YEAR`` in :mod:`~liveblog.temporal.patterns`, in the families that read a day
# with its year: "mdy", "dmy", "wd", "clock", "numdate"): at the end of the text before
# the year, ``[0-9](?:st|nd|rd|th)?(?:\W+of)?(?:\W+[a-z]+)?\W+\Z``. Written reversed
# and matched at the start of the reversed text: one try, where a search for it tries
# it at every character (a test holds the two to agree). An ISO date ("2024-01-16",
# "2024/01/16") opens with its year.
_DAY_BEFORE_YEAR_REVERSED = re.compile(r"\W+(?:[a-z]+\W+)?(?:fo\W+)?(?:ts|dn|dr|ht)?[0-9]")
# The same for a holiday's day before its year ("Christmas 2024", "Palm Sunday 2024"):
# blanks, then the last word of a holiday's name, reversed (a superset of the names)
_HOLIDAY_ENDS_REVERSED = "|".join(sorted(w[::-1] for w in (*HOLIDAY_LAST_WORDS, *WEEKDAYS)))
_HOLIDAY_BEFORE_YEAR_REVERSED = re.compile(rf"\s+(?:{_HOLIDAY_ENDS_REVERSED})(?![a-z])")
# What follows the year that opens an ISO date: "2024-01-16", "2024/01/16"
_ISO_SEPARATORS = ("-", "/")
# How far before its year a mention's day can be: a match ends at most this far from
# where it starts (``_WINDOW`` in :mod:`~liveblog.temporal.resolve`)
_REACH = 120


def _clue_paragraphs(text: str, markers: Sequence[Span] = ()) -> tuple[list[Span], list[Span]]:
    """The paragraphs (between blank lines) that name a year or say "last week", in two
    lists: those that may hold a whole day with its year, and those that may only say
    "last week", which count only when a day is stated.

    The digits of ``markers`` (spans in source order) are not years: they are clock
    times, as in ``UPDATE 1548 GMT``. (A marker that stated a full date would have fixed
    the opening day, and the date is never inferred then.) With no reference, a day is
    fully known only when its words name its year: four digits after its day
    (:data:`_DAY_BEFORE_YEAR_REVERSED`; a marker's too, "January 16,\\n1548 GMT") or after a
    holiday's name ("Christmas 2024"), or opening an ISO date ("2024-01-16", "2024/01/16"),
    or a year read aloud. A paragraph that names a
    year none of whose digits can be a day's ("since 2017", "in June 2018") and says no
    "last week" is left out: its mentions date nothing. (A test draws texts from every
    pattern family and checks that no day they state in full is left out.)

    >>> text = "Intro.\\n\\nTalks on Monday.\\n\\nOn May 3, 2022, and LAST week.\\n\\nIn 2021."
    >>> [[text[slice(*p)] for p in found] for found in _clue_paragraphs(text)]
    [['On May 3, 2022, and LAST week.'], []]
    >>> text = "UPDATE 1548 GMT: Talks.\\n\\nUPDATE 1210 GMT: Talks on 3/5/2022, last week."
    >>> [[text[slice(*p)] for p in found] for found in _clue_paragraphs(text, [Span(0, 15)])]
    [['UPDATE 1210 GMT: Talks on 3/5/2022, last week.'], []]
    >>> text = "Since 2017, last week.\\n\\nIn June 2018."
    >>> [[text[slice(*p)] for p in found] for found in _clue_paragraphs(text)]
    [[], ['Since 2017, last week.']]
    """
    years, every_year, words = _clue_starts(text, markers)
    blanks = blank_lines(text)
    starts = [0, *(m.end() for m in blanks)]
    ends = [*(m.start() for m in blanks), len(text)]
    bisect_right = bisect.bisect_right
    held = {bisect_right(starts, h) - 1 for h in years}
    # "last week" opens with "l"; the other words read a year aloud
    said = {bisect_right(starts, h) - 1 for h in words if text[h] in "lL"}
    dated = {bisect_right(starts, h) - 1 for h in words if text[h] not in "lL"}
    held |= said | dated
    for h in every_year:
        k = bisect_right(starts, h) - 1
        if k in held and k not in dated:
            before = text[max(starts[k], h - _REACH) : h].lower()[::-1]
            if (
                text.startswith(_ISO_SEPARATORS, h + 4)
                or _DAY_BEFORE_YEAR_REVERSED.match(before)
                or _HOLIDAY_BEFORE_YEAR_REVERSED.match(before)
            ):
                dated.add(k)
    return (
        [unchecked_span(starts[k], ends[k]) for k in sorted(dated)],
        [unchecked_span(starts[k], ends[k]) for k in sorted(said - dated)],
    )


def _clues(
    text: str,
    preamble: Span,
    entries: Sequence[tuple[Span, int]],
    markers: Sequence[Span] = (),
    day_first: bool | None = None,
) -> tuple[list[dt.date], list[_Clue]]:
    if day_first is None:
        # a page of 24-hour markers writes 06/02/2023 for 6 February
        day_first = writes_day_first(text, markers)
    dated, said = _clue_paragraphs(text, markers)
    mentions = [
        m
        for p in dated
        for m in find_mentions(text, None, start=p.start, end=p.end, day_first=day_first)
    ]
    # with no reference, a day is fully known only when its own words name the year (a
    # clock time's too: "1:52 a.m. ET, November 6, 2024")
    full = [m for m in mentions if m.granularity in _DAY_OR_CLOCK and m.start is not None]
    offset_at = _entry_offsets(entries)
    newest = max((offset for _, offset in entries), default=0)
    dates: list[dt.date] = []
    events: list[dt.date] = []  # the dates stated, as written
    clues: list[_Clue] = []
    for m in full:
        # the opening day on or after which the date puts the blog
        line = text[text.rfind("\n", 0, m.span.start) + 1 : m.span.start].lstrip()
        sentence = line[max(line.rfind(". "), line.rfind("? "), line.rfind("! ")) + 1 :]
        in_preamble = preamble[0] <= m.span.start < preamble[1]
        if _CARD.match(line) or _AHEAD.search(sentence):
            continue  # another article's date, or a date ahead: no bound on the blog's
        stamp = in_preamble and _UPDATED.match(line) is not None
        shift = newest if stamp else offset_at(m.span.start)
        stated = dt.date.fromisoformat(m.value[:10])
        day = stated.toordinal() - shift
        if day < 1:
            continue
        dates.append(dt.date.fromordinal(day))
        if stamp:
            # the page's last update: the newest entry's day
            clues.append(_Clue("last-updated", m.text, m.span, 3, _On(day)))
        else:
            clues.append(_Clue("full-date", m.text, m.span, 1, _OnOrAfter(day)))
            events.append(stated)
    printed = _print_header(text)
    if printed is not None and (day := printed[0].toordinal() - newest) >= 1:
        dates.append(dt.date.fromordinal(day))
        clues.append(_Clue("print-header", printed[1], printed[2], 3, _On(day)))
    for m in _same_day_matches(text):
        clues.append(_weekday_clue("weekday", m, offset_at(m.start()), 2))
    for m in _coverage().finditer(text, preamble[0], preamble[1]):
        clues.append(_weekday_clue("coverage", m, -1, 2))
    if events:
        # "last week": the week after a stated date's week (in the paragraphs read for
        # dates and those that say only that, in the order of the text)
        after = _WeekAfter(frozenset(d.isocalendar()[:2] for d in events))
        if said:
            mentions += [
                m
                for p in said
                for m in find_mentions(text, None, start=p.start, end=p.end, day_first=day_first)
            ]
            mentions.sort(key=_mention_start)
        for m in mentions:
            if " ".join(m.text.lower().split()) == "last week":
                clues.append(_Clue("relative", m.text, m.span, 3, after))
    return dates, clues


def _print_header(text: str) -> tuple[dt.date, str, Span] | None:
    """The day of the browser's print header opening ``text`` (or of its first print
    footer, the stamp alone on a line), the stamp and its span; None when there is none.

    >>> _print_header("1/22/24, 6:04 PM Live updates: Winter storm | CNN\\n\\n5:52 p.m. ET")
    (datetime.date(2024, 1, 22), '1/22/24, 6:04 PM', Span(start=0, end=16))
    >>> _print_header("Live\\n\\n1 of 2\\n1/22/24, 6:04 PM\\n")[0]
    datetime.date(2024, 1, 22)
    >>> _print_header("13/1/24, 6:04 PM Live"), _print_header("Live\\n1/22/24, 6:04 PM Live")
    (None, None)
    """
    found = _PRINT_HEADER.match(text)
    if found is None and "/" in text:
        found = _PRINT_FOOTER.search(text)
    if found is None:
        return None
    try:
        day = dt.date(2000 + int(found["year"]), int(found["month"]), int(found["day"]))
    except ValueError:
        return None
    return day, found["stamp"], unchecked_span(*found.span("stamp"))


# A year named in the preamble: "Wimbledon 2024", "Eurovision 2023 grand final"; not four
# digits with a common zone after them, an agency's clock ("Last updated 2015 GMT", "at
# 1930 local time"), as in the mentions (CLOCK_ZONE_AFTER)
_YEAR = re.compile(rf"(?<![\w.,:/-])(?:19|20)[0-9]{{2}}(?![\w.,:/-]?[0-9]|(?i:{CLOCK_ZONE_AFTER}))")


def _from_preamble_year(
    text: str, preamble: Span, written: WrittenDay | None, weekdays: Sequence[_Clue] = ()
) -> tuple[dt.date | None, tuple[DateEvidence, ...]]:
    """The opening day from a year the preamble names and a day written without one.

    The day's weekday must fall on it in exactly one of the years named or the years
    next to them ("New Year's Eve 2024" is held on December 31, 2023), else None; a day
    written without its weekday (``23 January``) takes the year when the preamble names
    that one year alone ("Davos 2024"), unless the weekdays the posts give their own
    days (``weekdays``: ``earlier on Monday``) rule it out: a title may name the year an
    event is for ("Budget 2025", held on 1 October 2024), and then the day takes the
    year next to it that they allow, when exactly one does.

    >>> text = "Wimbledon 2024: day 13"
    >>> day, why = _from_preamble_year(text, Span(0, 22), WrittenDay(1, 7, 13, 5))
    >>> day, [(e.kind, e.text) for e in why]
    (datetime.date(2024, 7, 12), [('title-year', '2024')])
    >>> _from_preamble_year(text, Span(0, 22), WrittenDay(0, 7, 13, None))[0]
    datetime.date(2024, 7, 13)
    """
    if written is None:
        return None, ()
    fits: dict[dt.date, Any] = {}
    for m in _YEAR.finditer(text, preamble[0], preamble[1]):
        named = int(m.group())
        # without a weekday to confirm it, the year named alone
        years = (named,) if written.weekday is None else (named - 1, named, named + 1)
        for year in years:
            day = _written_in(year, written)
            if day is not None:
                fits.setdefault(day, m)
    if len(fits) != 1:
        return None, ()
    ((day, m),) = fits.items()
    if written.weekday is not None or not weekdays or _weekdays_hold(day, written, weekdays):
        return _opening_from_year("title-year", day, m, written)
    # the posts' weekdays rule the title's year out: the year before or after it
    near = [
        d
        for year in (day.year - 1, day.year + 1)
        if (d := _written_in(year, written)) is not None and _weekdays_hold(d, written, weekdays)
    ]
    if len(near) != 1:
        return None, ()
    opening, why = _opening_from_year("title-year", near[0], m, written)
    said = tuple(DateEvidence(c.kind, c.text, c.span, opening) for c in weekdays)
    return opening, why + said


def _weekdays_hold(day: dt.date, written: WrittenDay, weekdays: Sequence[_Clue]) -> bool:
    """Whether every weekday clue holds when ``written`` is ``day``."""
    opening = [day.toordinal() - written.offset]
    return all(c.condition.holds_on(opening)[0] for c in weekdays)


def _written_in(year: int, written: WrittenDay) -> dt.date | None:
    """``written``'s month and day in ``year``, when it falls on its weekday there (or
    has none)."""
    try:
        day = dt.date(year, written.month, written.day)
    except ValueError:
        return None  # February 29 in a common year
    return day if written.weekday in {None, day.weekday()} else None


def _opening_from_year(
    kind: str, day: dt.date, year: Any, written: WrittenDay
) -> tuple[dt.date, tuple[DateEvidence, ...]]:
    """The opening day when ``written`` is ``day``, and the evidence: the ``year``
    match that gave its year."""
    opening = day - dt.timedelta(days=written.offset)
    return opening, (DateEvidence(kind, year.group(), unchecked_span(*year.span()), opening),)


def _from_text_year(
    text: str, preamble: Span, markers: Sequence[Span], written: WrittenDay
) -> tuple[dt.date | None, tuple[DateEvidence, ...]]:
    """The opening day from the latest of the years the text after the preamble names
    (outside ``markers``) in which the day written without a year falls on its weekday
    (a December day also in the year before a year named, a January day in the year
    after: posts look across the turn of the year); None when there is none.

    >>> text = "Live\\n\\n10:05 GMT: Kiribati is the first to see in 2024."
    >>> day, why = _from_text_year(text, Span(0, 4), [Span(6, 15)], WrittenDay(0, 12, 31, 6))
    >>> day, [(e.kind, e.text) for e in why]
    (datetime.date(2023, 12, 31), [('text-year', '2024')])
    """
    ends = [s.end for s in markers]
    best: tuple[dt.date, Any] | None = None
    for m in _YEAR.finditer(text, preamble[1]):
        k = bisect.bisect_right(ends, m.start())
        if k < len(markers) and markers[k].start <= m.start():
            continue  # a marker's digits: a clock, not a year
        named = int(m.group())
        # a year's own days, and at the turn of the year the year a December day's posts
        # look ahead to ("to see in 2024") or a January day's look back on
        turn = {12: named - 1, 1: named + 1}.get(written.month, named)
        for year in {named, turn}:
            day = _written_in(year, written)
            if day is not None and (best is None or day > best[0]):
                best = (day, m)
    if best is None:
        return None, ()
    return _opening_from_year("text-year", *best, written)


def _best_day(stated: list[int], weights: dict[_Condition, int]) -> int:
    """The candidate opening day (an ordinal) that scores best: of the days from
    ``_WINDOW_BEFORE`` days before to ``_WINDOW_AFTER`` after each of the ``stated``
    dates (sorted ordinals), the one with the most stated dates on or before it plus the
    weights of the conditions it meets; among equals, the one closest after the latest
    stated date not after it (none: as if 10,000 days), then the earliest.

    The days are not scored one by one: the weights are tallied by weekday, by day and
    from a day on (:class:`_Tables`), and the candidates are cut into runs of days
    between the stated dates and the days from which a condition holds. In a run, the
    dates counted, the latest one and the weights from a day are the same for every
    day, and a later day is farther from that date: the run's best is among its first
    seven days (one of each weekday) and the days weighed by day.

    >>> o = dt.date(2024, 1, 16).toordinal()  # a Tuesday
    >>> best = _best_day([o], {_Weekday(4): 2})
    >>> dt.date.fromordinal(best)
    datetime.date(2024, 1, 18)
    >>> dt.date.fromordinal(_best_day([o, o + 3], {_On(o + 20): 3}))
    datetime.date(2024, 2, 5)
    """
    tables = _Tables([0] * 7, {}, {})
    for condition, weight in weights.items():
        condition.tally(weight, tables)
    by_weekday, by_day, from_day = tables
    at = by_day.get
    weighed = sorted(by_day)
    steps = sorted(from_day)
    step_sums = list(accumulate(from_day[o] for o in steps))
    distinct = sorted(set(stated))
    cuts = sorted({*distinct, *steps})
    bisect_right = bisect.bisect_right
    best: tuple[int, int, int] = (-1, 0, 0)  # the best day's score, its gap and day negated
    # the candidate days, in runs of consecutive days
    runs: list[list[int]] = []
    for u in distinct:
        first, last = max(u - _WINDOW_BEFORE, 1), min(u + _WINDOW_AFTER, _LAST_DAY)
        if runs and first <= runs[-1][1] + 1:
            runs[-1][1] = max(runs[-1][1], last)
        else:
            runs.append([first, last])
    for first, last in runs:
        inside = cuts[bisect_right(cuts, first) : bisect_right(cuts, last)]
        for a, b in zip([first, *inside], [*(c - 1 for c in inside), last], strict=True):
            counted = bisect_right(stated, a)
            k = bisect_right(steps, a)
            score = counted + (step_sums[k - 1] if k else 0)
            latest = stated[counted - 1] if counted else None
            # the run's best: the most weight by weekday and by day, the earliest first
            top, pick = -1, a
            for o in range(a, min(a + 7, b + 1)):
                if (weight := by_weekday[o % 7] + at(o, 0)) > top:
                    top, pick = weight, o
            for o in weighed[bisect.bisect_left(weighed, a) : bisect_right(weighed, b)]:
                if (weight := by_weekday[o % 7] + at(o, 0)) > top or (weight == top and o < pick):
                    top, pick = weight, o
            key = (score + top, -10_000 if latest is None else latest - pick, -pick)
            best = max(best, key)
    return -best[2]


def infer_date(
    text: str,
    *,
    preamble: Span,
    entries: Sequence[tuple[Span, int]],
    markers: Sequence[Span] = (),
    written: WrittenDay | None = None,
    day_first: bool | None = None,
    saved: dt.date | None = None,
) -> tuple[dt.date | None, tuple[DateEvidence, ...]]:
    """Infer the blog's opening day from the dates, weekdays and relative words it uses.

    Args:
        text: the whole source text.
        preamble: the preamble's span.
        entries: each entry's span and its day offset from the opening day, oldest first.
        markers: the spans of the entries' markers, in source order, none of which
            states a full date: their numbers are clock times, not years.
        written: a day a marker or day header writes with its weekday but without a
            year (``Saturday 13 July``): with no full date in the text, a year the
            preamble names (``Wimbledon 2024``), or the one before or after it, in
            which that day falls on that weekday gives the date (``title-year``); with
            no such year, the latest of the years the posts name (outside the
            markers) in which it does, a December day also in the year before one
            named and a January day in the year after (``text-year``). A day written
            without its weekday (``23 January``) takes the year only when the
            preamble names that one year alone.
        day_first: whether the blog writes its slashed dates day first; None decides
            it from the markers (:func:`~liveblog.markers.dialect.writes_day_first`).
        saved: the day the page was saved, when the caller knows it: a better source
            of the year than the years the posts name (``text-year`` is left out), and
            a limit on a preamble's year, which names the year an event is for
            ("Budget 2025") when it puts the posts more than a day after it (a day's
            slack for a zone east of the saving one's).

    Returns:
        The opening day and the evidence that supports it, or ``(None, ())`` when the
        text states no full date to anchor the evidence to, nor a year that fits the
        day written.

    >>> text = "Photo, March 5, 2024.\\n\\nUPDATE 1200: Talks went on earlier on Thursday."
    >>> day, why = infer_date(text, preamble=Span(0, 21), entries=[(Span(23, 71), 0)])
    >>> day, [e.kind for e in why]
    (datetime.date(2024, 3, 7), ['full-date', 'weekday'])
    """
    dates, clues = _clues(text, preamble, entries, markers, day_first)
    if not dates:
        weekdays = [c for c in clues if isinstance(c.condition, _Weekday)]
        found = _from_preamble_year(text, preamble, written, weekdays)
        if saved is not None:
            last = max((offset for _, offset in entries), default=0)
            if found[0] is not None and (found[0] - saved).days + last > 1:
                return None, ()  # the title's year puts posts after the page was saved
            return found
        # the years the posts name, only for a day whose weekday confirms one of them
        if found[0] is None and written is not None and written.weekday is not None:
            found = _from_text_year(text, preamble, markers, written)
        return found
    # one point per stated date on or before the day, then the other clues; clues that
    # share a condition are weighed together: a handful of distinct conditions, however
    # many clues the text holds
    weights: dict[_Condition, int] = {}
    for c in clues:
        if c.kind != "full-date":
            weights[c.condition] = weights.get(c.condition, 0) + c.weight
    best = _best_day(sorted(d.toordinal() for d in dates), weights)
    chosen = dt.date.fromordinal(best)
    on_chosen = [best]
    evidence = tuple(
        DateEvidence(kind=c.kind, text=c.text, span=c.span, date=chosen)
        for c in sorted(clues, key=_clue_span)
        if c.condition.holds_on(on_chosen)[0]
    )
    return chosen, evidence

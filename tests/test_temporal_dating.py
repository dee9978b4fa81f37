"""infer_date: the blog's own date from full dates, weekdays and relative words."""

from __future__ import annotations

import bisect
import datetime as dt
import itertools
import re
from collections.abc import Sequence
from pathlib import Path
from unittest import mock

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

import liveblog
from liveblog.model import Span
from liveblog.temporal import dating, find_mentions, infer_date, resolve
from liveblog.temporal.dating import (
    WrittenDay,
    _clue_finders,
    _clues,
    _same_day,
    _same_day_matches,
    _weekday_names,
    _word_starts,
)
from liveblog.temporal.patterns import FAMILIES, blank_lines, recogniser

SEED = Path(__file__).resolve().parent.parent / "seeds" / "eaworldview-2024-01-22.txt"


def seed_layout(text: str) -> tuple[Span, list[tuple[Span, int]]]:
    """The seed's preamble and its entries, oldest first, all on the opening day."""
    map_line = "Map: Institute for the Study of War"
    preamble = Span(0, text.index(map_line) + len(map_line))
    starts = [text.index(m) for m in ("UPDATE 1548", "UPDATE 0831", "UPDATE 0720")]
    original = text.index("ORIGINAL ENTRY")
    bounds = [*starts, original]
    entries = [(Span(original, len(text)), 0)]
    entries += [(Span(a, b), 0) for a, b in reversed(list(itertools.pairwise(bounds)))]
    return preamble, entries


def test_seed_date_is_inferred() -> None:
    """Seed 000 dates itself 2024-01-22 from its caption, 'last week' and weekdays."""
    text = SEED.read_text(encoding="utf-8")
    preamble, entries = seed_layout(text)
    day, evidence = infer_date(text, preamble=preamble, entries=entries)
    assert day == dt.date(2024, 1, 22)
    assert [(e.kind, e.text) for e in evidence] == [
        ("full-date", "January 16, 2024"),
        ("coverage", "Sunday’s Coverage"),
        ("weekday", "earlier on Monday"),
        ("relative", "last week"),
    ]
    for e in evidence:
        assert e.span is not None
        assert text[slice(*e.span)] == e.text
        assert e.date == day


def test_no_evidence_gives_no_date() -> None:
    """Text without a full date gives (None, ())."""
    text = "Intro.\n\nUPDATE 0900 GMT: talks went on earlier on Monday."
    assert infer_date(text, preamble=Span(0, 6), entries=[(Span(8, len(text)), 0)]) == (None, ())


def test_last_week_moves_to_the_following_week() -> None:
    """'last week' with a stated date puts the blog in the week after that date's week."""
    text = "Photo, March 5, 2024.\n\nUPDATE 0900: The envoy visited last week."
    day, evidence = infer_date(text, preamble=Span(0, 21), entries=[(Span(23, len(text)), 0)])
    assert day == dt.date(2024, 3, 11)
    assert [e.kind for e in evidence] == ["full-date", "relative"]


def test_day_offset_of_later_entries_counts() -> None:
    """An entry on the second day saying 'earlier on Wednesday' makes the first a Tuesday."""
    text = (
        "Photo, March 4, 2024.\n\nUPDATE 2300: Quiet.\n\n"
        "UPDATE 0100: Shelling earlier on Wednesday."
    )
    first = text.index("UPDATE 2300")
    second = text.index("UPDATE 0100")
    entries = [(Span(first, second), 0), (Span(second, len(text)), 1)]
    day, evidence = infer_date(text, preamble=Span(0, 21), entries=entries)
    assert day == dt.date(2024, 3, 5)
    assert [e.kind for e in evidence] == ["full-date", "weekday"]


def _two_days(
    preamble: str, second: str = "Counting goes on."
) -> tuple[str, Span, list[tuple[Span, int]]]:
    """A page: ``preamble``, one entry before midnight, one after it (day offset 1)."""
    text = f"{preamble}\n\nUPDATE 2300: Polls close.\n\nUPDATE 0110: {second}"
    first, later = text.index("UPDATE 2300"), text.index("UPDATE 0110")
    entries = [(Span(first, later), 0), (Span(later, len(text)), 1)]
    return text, Span(0, len(preamble)), entries


def test_last_updated_stamp_dates_the_newest_entry() -> None:
    """ "Updated 1:52 a.m. ET, November 6, 2024" above a blog that crossed midnight is
    the newest entry's day: the blog opened on November 5."""
    for stamp in ("Updated 1:52 a.m. ET, November 6, 2024", "Last updated 01:52 6 Nov 2024"):
        text, preamble, entries = _two_days(f"Election night live\n{stamp}")
        day, evidence = infer_date(text, preamble=preamble, entries=entries)
        assert day == dt.date(2024, 11, 5), stamp
        assert [e.kind for e in evidence] == ["last-updated"]


_QUAKE = """Earthquake in Turkey and Syria: live
Last updated {stamp}

{first}
Death toll passes 5,000

{middle}
Rescue teams from 45 countries

{second}
Magnitude 7.8 quake strikes near Gaziantep
"""


@pytest.mark.parametrize(
    ("stamp", "first", "second", "opening"),
    [
        # a page that writes 24-hour clocks writes its dates day first
        ("23:55 06/02/2023", "23:40", "09:40", dt.date(2023, 2, 6)),
        ("06/02/2023 23:55", "UPDATE 2340 GMT:", "UPDATE 0940 GMT:", dt.date(2023, 2, 6)),
        # one that writes am/pm, month first
        ("11:55 p.m. 02/06/2023", "11:40 p.m.", "9:40 a.m.", dt.date(2023, 2, 6)),
        # a day past 12 reads one way only
        ("23:55 16/02/2023", "23:40", "09:40", dt.date(2023, 2, 16)),
    ],
)
def test_a_slashed_date_is_read_the_way_the_page_writes_times(
    stamp: str, first: str, second: str, opening: dt.date
) -> None:
    """ "Last updated 23:55 06/02/2023" above posts at 23:40 ... 09:40 dates the blog
    February 6, not June 2: a page whose markers write the 24-hour clock writes its
    dates day first (as a marker's own "06/02/2023" is read)."""
    middle = "5:05 p.m." if "m." in first else "UPDATE 1705 GMT:" if "UP" in first else "17:05"
    text = _QUAKE.format(stamp=stamp, first=first, middle=middle, second=second)
    tl = liveblog.parse(text, tz="UTC")
    assert tl.date == opening


def test_a_full_date_in_a_later_entry_bounds_that_entry_day() -> None:
    """A date stated in the entry after midnight bounds that entry's day, not the
    opening day: "on November 6, 2024" said after midnight allows November 5."""
    text, preamble, entries = _two_days(
        "Election night live. Monday's coverage.", "It is now November 6, 2024."
    )
    day, _ = infer_date(text, preamble=preamble, entries=entries)
    assert day == dt.date(2024, 11, 5)  # a Tuesday: after Monday's coverage


def test_dates_of_other_articles_and_dates_ahead_bound_nothing() -> None:
    """A "Published on ..." card of another article and a date said to come ("will be
    on Aug. 23, 2044") are no evidence of the blog's date."""
    text, preamble, entries = _two_days(
        "Eclipse live\nRead more: Published on 14 Feb 2021 – How cold is it in Texas?",
        "The next one will be on Aug. 23, 2044.",
    )
    assert infer_date(text, preamble=preamble, entries=entries) == (None, ())


@pytest.mark.parametrize(
    ("preamble", "written", "expected"),
    [
        # Saturday 13 July, on the second day: 2024 (Thursday in 2023, Sunday in 2025)
        ("Wimbledon 2024: final weekend", WrittenDay(1, 7, 13, 5), dt.date(2024, 7, 12)),
        # "New Year's Eve 2024" is held on Sunday 31 December 2023
        ("New Year's Eve 2024: live", WrittenDay(0, 12, 31, 6), dt.date(2023, 12, 31)),
        # no year named, or none in which July 13 is a Monday
        ("Wimbledon: final weekend", WrittenDay(0, 7, 13, 5), None),
        ("Wimbledon 2024: final weekend", WrittenDay(0, 7, 13, 0), None),
        # two years named that both fit: no choice
        ("Wimbledon 2024, as in 2013", WrittenDay(0, 7, 13, 5), None),
        # numbers that are no year: a score, a clock, a count
        ("Final: 2024-2019 | 20:24 | 2,024 fans", WrittenDay(0, 7, 13, 5), None),
        # four digits before a common zone are an agency's clock (July 13, 2013 is a
        # Saturday too): the year named is the title's, or none
        ("Wimbledon 2024 | Updated 2013 GMT", WrittenDay(0, 7, 13, 5), dt.date(2024, 7, 13)),
        ("Wimbledon 2024 (updated 2013 local time)", WrittenDay(0, 7, 13, 5), dt.date(2024, 7, 13)),
        ("Wimbledon: last updated 2013 BST", WrittenDay(0, 7, 13, 5), None),
    ],
)
def test_a_year_the_preamble_names_dates_a_day_written_without_one(
    preamble: str, written: WrittenDay, expected: dt.date | None
) -> None:
    """Without a full date, a day written with its weekday but no year takes the year
    the preamble names, or the one next to it, where the weekday fits, when just one
    such year exists."""
    text = f"{preamble}\n\nUPDATE 0900: Play resumes."
    entries = [(Span(len(preamble) + 2, len(text)), 0)]
    day, evidence = infer_date(
        text, preamble=Span(0, len(preamble)), entries=entries, written=written
    )
    assert day == expected
    if expected is not None:
        assert [(e.kind, e.text) for e in evidence] == [("title-year", "2024")]


WEEKDAY_NAMES = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


def expected_day(
    stated: list[dt.date],
    weekdays: list[tuple[int, int]],
    coverage: list[int],
    last_weeks: int,
) -> dt.date:
    """The rule of the module docstring, spelled out clue by clue for every candidate.

    ``weekdays`` holds (ISO weekday named, the naming entry's day offset); ``coverage``
    the ISO weekdays of the preamble's "X's Coverage" links.
    """
    weeks = {d.isocalendar()[:2] for d in stated}
    candidates = {d + dt.timedelta(days=k) for d in stated for k in range(-7, 46)}

    def rank(day: dt.date) -> tuple[int, int]:
        score = sum(d <= day for d in stated)
        named = [(day + dt.timedelta(days=shift)).isoweekday() for _, shift in weekdays]
        score += sum(2 for (w, _), n in zip(weekdays, named, strict=True) if n == w)
        score += sum(2 for w in coverage if (day - dt.timedelta(days=1)).isoweekday() == w)
        if (day - dt.timedelta(days=7)).isocalendar()[:2] in weeks:
            score += 3 * last_weeks
        before = [d for d in stated if d <= day]
        return score, -((day - max(before)).days if before else 10_000)

    return max(sorted(candidates), key=rank)  # max keeps the first (earliest) of equals


@settings(max_examples=300)
@given(
    st.lists(st.dates(dt.date(2023, 12, 1), dt.date(2024, 3, 31)), min_size=1, max_size=4),
    st.lists(st.tuples(st.integers(1, 7), st.integers(0, 3)), max_size=6),
    st.lists(st.integers(1, 7), max_size=2),
    st.integers(0, 3),
)
def test_inferred_day_follows_the_scoring_rule(
    stated: list[dt.date],
    weekdays: list[tuple[int, int]],
    coverage: list[int],
    last_weeks: int,
) -> None:
    """However many clues of each kind, the day chosen is the best-scoring candidate."""
    preamble = "Photos: " + "; ".join(f"{d:%B} {d.day}, {d.year}" for d in stated) + "."
    preamble += "".join(f" {WEEKDAY_NAMES[w - 1]}'s Coverage." for w in coverage)
    text = preamble
    entries: list[tuple[Span, int]] = []
    lines = [f"Talks resumed earlier on {WEEKDAY_NAMES[w - 1]}." for w, _ in weekdays]
    lines += ["The envoy left last week."] * last_weeks
    shifts = [shift for _, shift in weekdays] + [0] * last_weeks
    for line, shift in zip(lines, shifts, strict=True):
        start = len(text) + 2
        text += f"\n\nUPDATE 0900: {line}"
        entries.append((Span(start, len(text)), shift))
    day, evidence = infer_date(text, preamble=Span(0, len(preamble)), entries=entries)
    assert day == expected_day(stated, weekdays, coverage, last_weeks)
    for e in evidence:
        assert e.span is not None
        assert text[slice(*e.span)] == e.text


_CLUE_PIECES = st.sampled_from(
    [
        "January 16, 2024",
        "16/1/2024",
        "2024-01-16",
        "March 5, nineteen ninety-six",
        "the year two thousand",
        "Feb. 29, 2000",
        "last week",
        "Last\nweek",
        "May 3",
        "Monday",
        "the following day",
        "1548",
        "12345",
        "talks",
        ". ",
        " ",
        ", ",
        "\n",
        "\n\n",
        " \n \n",
        "\r\n\r\n",
        "\r\r",
    ]
)


@given(st.lists(st.lists(_CLUE_PIECES, max_size=6).map("".join), max_size=6).map("\n\n".join))
def test_clues_come_from_the_paragraphs_that_can_hold_them(text: str) -> None:
    """Reading only the paragraphs with a year or "last week" misses no date or clue."""
    whole = find_mentions(text, None)
    dates, clues = _clues(text, Span(0, 0), [])
    assert dates == [
        dt.date.fromisoformat(m.value[:10])
        for m in whole
        if m.granularity == "day" and m.start is not None
    ]
    assert [c.span for c in clues if c.kind == "relative"] == [
        m.span for m in whole if dates and " ".join(m.text.lower().split()) == "last week"
    ]


_MARKER = "UPDATE 1548 GMT: "


@given(
    st.lists(st.tuples(st.booleans(), st.lists(_CLUE_PIECES, max_size=6).map("".join)), max_size=6)
)
def test_the_digits_of_markers_are_not_read_as_years(paragraphs: list[tuple[bool, str]]) -> None:
    """Skipping the paragraphs whose only year-like number is a marker's clock (1548)
    loses no date or clue: the clues are those read from every candidate paragraph."""
    text, markers = "", []
    for marked, body in paragraphs:
        if text:
            text += "\n\n"
        if marked:
            markers.append(Span(len(text), len(text) + len(_MARKER) - 2))
            text += _MARKER
        text += body
    assert _clues(text, Span(0, 0), [], markers) == _clues(text, Span(0, 0), [])


_SAME_DAY_PHRASES = st.tuples(
    st.sampled_from(["", "x", "2", "_", "-", "(", "today", "said "]),
    st.sampled_from(["earlier", "later", "late", "early", "today", "tonight", "this", "on"])
    | st.sampled_from(["Earlier", "LATE", "This", "Tonight", "earliest", "soon"]),
    st.sampled_from(["", " ", "  ", "\n", "\t", ",", ", ", " on ", " on", "\non\n", " x "]),
    st.sampled_from(["Monday", "Mon", "MONDAY", "monday", "Tues", "Friday", "Sundays", "Fri"]),
    st.sampled_from(["", ".", " ", "'s", "’s", "'S", "x", "2", " morning"]),
).map("".join)


@given(st.lists(_SAME_DAY_PHRASES, max_size=5).map(" ".join))
def test_same_day_weekdays_are_found_as_a_whole_text_scan_finds_them(text: str) -> None:
    """Finding the weekdays first and reading the words before them backwards gives
    exactly the matches of the whole pattern's scan."""
    whole = _same_day()[0]
    assert [m.span() for m in _same_day_matches(text)] == [m.span() for m in whole.finditer(text)]


@pytest.mark.parametrize(
    ("body", "written", "expected", "year"),
    [
        # "Sunday 31 December" on a page that names 2024 in a post: 2023
        ("Kiribati is the first to see in 2024.", WrittenDay(0, 12, 31, 6), (2023, 12, 31), "2024"),
        # several years fit: the latest (July 13 is a Saturday in 2013 and 2024)
        ("As in 2013, and again in 2024.", WrittenDay(0, 7, 13, 5), (2024, 7, 13), "2024"),
        ("Not since 2013 has it rained so.", WrittenDay(1, 7, 13, 5), (2013, 7, 12), "2013"),
        # no year in the posts, none that fits the weekday, or a clock's digits
        ("Rain stops play.", WrittenDay(0, 7, 13, 5), None, None),
        ("The roof was built in 2022.", WrittenDay(0, 7, 13, 5), None, None),
        # four digits before a common zone, in any case, or "local time": a clock
        ("Play resumes at 2013 BST.", WrittenDay(0, 7, 13, 5), None, None),
        (
            "The roof closed at 2013 utc, as in 2024.",
            WrittenDay(0, 7, 13, 5),
            (2024, 7, 13),
            "2024",
        ),
        ("Rain stopped play at 2013 local time.", WrittenDay(0, 7, 13, 5), None, None),
        # a year's neighbours count only across the turn of the year: July 13, 2019
        # is a Saturday, but a post naming 2020 in July names no 2019 day
        ("Biden won it in 2020.", WrittenDay(0, 7, 13, 5), None, None),
    ],
)
def test_a_year_the_posts_name_dates_a_day_written_without_one(
    body: str, written: WrittenDay, expected: tuple[int, int, int] | None, year: str | None
) -> None:
    """With no full date and no year in the preamble, a day written with its weekday but
    no year takes the latest of the years the posts name in which it falls on that
    weekday (a December day also the year before one named: ``text-year``); the
    markers' digits are no years."""
    preamble = "Live: the final weekend"
    text = f"{preamble}\n\nUPDATE 2024 GMT: {body}"
    entries = [(Span(len(preamble) + 2, len(text)), 0)]
    marker = Span(len(preamble) + 2, len(preamble) + 17)
    day, evidence = infer_date(
        text, preamble=Span(0, len(preamble)), entries=entries, markers=[marker], written=written
    )
    assert day == (None if expected is None else dt.date(*expected))
    assert [(e.kind, e.text) for e in evidence] == ([] if year is None else [("text-year", year)])


_CLUE_WORD_PIECES = st.sampled_from(
    [
        *("nineteen", "ineteen", "tineteen", "lineteen", "NINETEEN", "nineteenineteen"),
        *("two thousand", "two\nthousand", "two  \t thousand", "twothousand", "nwo thousand"),
        *("last week", "LAST\u00a0WEEK", "tast week", "lastweek", "last\x1cweek", "last"),
        *("week", "thousand", "wo thousand", "ast week", " ", "\n\n", "x", "t", "n", "l", "2024"),
    ]
)


@given(st.lists(_CLUE_WORD_PIECES, max_size=8).map("".join))
def test_clue_words_are_found_as_a_whole_text_scan_finds_them(text: str) -> None:
    """Finding the clue words' last words first and trying the pattern where they can
    end a match gives exactly the starts of the whole pattern's scan."""
    words = _clue_finders()[1]
    low = text.lower()
    assert _word_starts(text, low.encode("ascii", "replace"), words) == [
        m.start() for m in words.finditer(low)
    ]


def _clues_scanned_whole(text: str, markers: list[Span]) -> tuple[list[int], list[int], list[int]]:
    """The starts of the years outside ``markers``, of all the years and of the clue
    words, as the patterns' scans of the whole (lowered) text find them: what
    :func:`dating._clue_starts` must agree with."""
    digits, words, any_case = _clue_finders()
    low = text.lower()
    found = words.finditer(low) if len(low) == len(text) else any_case.finditer(text)
    years = [m.start() for m in digits.finditer(text)]
    hits = [h for h in years if not any(s.start <= h < s.end for s in markers)]
    return hits, years, [m.start() for m in found]


_YEAR_PIECES = st.sampled_from(
    [
        *("2024", "1548", "12345", "123", "٢٠٢٤", "２０２４", "20٢4", "?", "2024?", "?2024"),
        *("\u212a", "wee\u212a", "LAST WEE\u212a", "\u0130", "\u0130n 2024", "la\u017ft week", "é"),
        *("“", "\u2009", "\u00a0", ": ", "x", "UPDATE 1548 GMT"),
    ]
)


@given(st.lists(_YEAR_PIECES | _CLUE_WORD_PIECES, max_size=10).map("".join), st.data())
def test_clues_are_found_as_the_whole_text_scans_find_them(text: str, data: st.DataObject) -> None:
    """Finding years and clue words on the encoded text (and the pattern only where
    they can be) gives the starts that the patterns' scans of the whole text give,
    whatever the characters that are not ASCII (digits, "İ", "ſ", the Kelvin sign)."""
    cuts = sorted(data.draw(st.lists(st.integers(0, len(text)), max_size=4, unique=True)))
    markers = [Span(a, b) for a, b in zip(cuts[::2], cuts[1::2], strict=False)]
    assert dating._clue_starts(text, markers) == _clues_scanned_whole(text, markers)


@given(st.lists(_SAME_DAY_PHRASES | _CLUE_WORD_PIECES, max_size=6).map("".join))
def test_weekday_names_are_found_as_a_whole_text_scan_finds_them(text: str) -> None:
    """Finding the weekday names from the "day" each ends with gives exactly the
    matches of the weekday pattern's scan."""
    weekday = _same_day()[1]
    assert [m.span() for m in _weekday_names(text, weekday)] == [
        m.span() for m in weekday.finditer(text)
    ]


def test_a_days_year_is_looked_for_as_far_back_as_a_mention_reaches() -> None:
    """The text before a year read for its day is at least as long as the window a
    mention is matched in (its day and its year both lie in it)."""
    assert dating._REACH >= resolve._WINDOW


def test_weekday_heads_are_told_apart_by_their_last_three_letters() -> None:
    """Each weekday name's letters before its "day" are three or more, and their last
    three differ from every other name's (:func:`_weekday_names` looks them up so)."""
    assert sorted(dating._HEAD_BY_END.values()) == sorted(dating._WEEKDAY_HEADS)
    assert all(len(head) >= 3 for head in dating._WEEKDAY_HEADS)


_ORDINALS = st.integers(738_000, 738_040)  # six weeks of 2021: conditions meet
# the calendar's first and last six weeks (0001-01-01 is ordinal 1)
_LAST_DAY = dt.date.max.toordinal()
_ORDINALS_AT_ENDS = st.integers(1, 40) | st.integers(_LAST_DAY - 40, _LAST_DAY)


def _conditions(ordinals: st.SearchStrategy[int]) -> st.SearchStrategy[dating._Condition]:
    """Conditions of every kind, on the days ``ordinals`` draws."""
    return st.one_of(
        st.builds(dating._Weekday, st.integers(1, 7)),
        st.builds(dating._On, ordinals),
        st.builds(dating._OnOrAfter, ordinals),
        st.builds(
            dating._WeekAfter,
            st.frozensets(
                ordinals.map(lambda o: tuple(dt.date.fromordinal(o).isocalendar()[:2])),
                min_size=1,
                max_size=3,
            ),
        ),
    )


_CONDITIONS = _conditions(_ORDINALS)


def _best_day_weighed_day_by_day(stated: list[int], weights: dict[dating._Condition, int]) -> int:
    """The best candidate day as :func:`dating.infer_date` found it before
    :func:`dating._best_day`: every day around the stated dates scored one by one."""
    window = range(-dating._WINDOW_BEFORE, dating._WINDOW_AFTER + 1)
    # the calendar's days only
    days = sorted({o + k for o in stated for k in window if 1 <= o + k <= _LAST_DAY})
    scores = [bisect.bisect_right(stated, o) for o in days]
    for condition, weight in weights.items():
        held = condition.holds_on(days)
        scores = [s + weight if h else s for s, h in zip(scores, held, strict=True)]
    counted = [bisect.bisect_right(stated, o) for o in days]
    gaps = [o - stated[n - 1] if n else 10_000 for o, n in zip(days, counted, strict=True)]
    top = max(scores)
    closest = min(g for s, g in zip(scores, gaps, strict=True) if s == top)
    return days[list(zip(scores, gaps, strict=True)).index((top, closest))]


@given(
    st.lists(_ORDINALS | st.integers(730_000, 746_000), min_size=1, max_size=12).map(sorted),
    st.dictionaries(_CONDITIONS, st.integers(1, 3), max_size=8),
)
@example([738_000, 738_000, 738_060], {dating._OnOrAfter(738_030): 2})  # a step in a run
@example([738_000, 748_000], {})  # a gap above 10,000 days
@example([738_010], {dating._On(738_005): 1})  # a day before every date ties with one after
def test_the_best_day_is_the_best_of_every_day_scored_one_by_one(
    stated: list[int], weights: dict[dating._Condition, int]
) -> None:
    """Scoring runs of days by their first seven days and the days weighed one by one
    picks the day that scoring every candidate day picks (score, then closeness, then
    the earliest), whatever the stated dates (repeated, near, years apart) and the
    conditions (steps from a day included)."""
    assert dating._best_day(stated, weights) == _best_day_weighed_day_by_day(stated, weights)


@given(
    st.lists(_ORDINALS_AT_ENDS, min_size=1, max_size=6).map(sorted),
    st.dictionaries(_conditions(_ORDINALS_AT_ENDS), st.integers(1, 3), max_size=8),
)
@example([_LAST_DAY], {dating._Weekday(1): 2})  # the Monday after 9999-12-31 (a Friday)
@example([_LAST_DAY - 3], {dating._WeekAfter(frozenset({(9999, 52)})): 3})  # "last week"
def test_the_best_day_at_the_calendars_ends_is_on_the_calendar(
    stated: list[int], weights: dict[dating._Condition, int]
) -> None:
    """Stated dates and conditions in the calendar's first or last weeks: the best day
    is the best of the calendar's days around them, never one past 9999-12-31 or before
    0001-01-01 (whose date infer_date could not build: ValueError, year 10000 is out of
    range, where a weekday or "last week" pointed past the last day)."""
    best = dating._best_day(stated, weights)
    assert 1 <= best <= _LAST_DAY
    assert best == _best_day_weighed_day_by_day(stated, weights)


# Pieces of pages: days with their years in every shape the patterns read (and a year
# on the next line, in a marker), years that date no day, "last week", fillers
_DATED_PAGE_PIECES = st.sampled_from(
    [
        *("January 16, 2024", "16 January 2024", "the 16th of Jan. 2024", "16/01/2024"),
        *("2024-01-16", "2024-01-16T10:00", "Tuesday, January 16, 2024", "16.01.2024"),
        *("1:52 a.m. ET, November 6, 2024", "on 16 January, 2024", "Jan 16 2024"),
        *("January 16, nineteen ninety-six", "Sept. 3rd, 2023", "3 of March 2023"),
        *("January 16,\n", "1548 GMT: ", "Updated 23:55 24/02/2022", "Published on 2 May 2022"),
        *("since 2017", "in June 2018", "Christmas 2023", "Q1 2024", "the year 2000", "2024"),
        *("two thousand", "nineteen", "last week", "LAST  week", "earlier on Monday"),
        *(
            " Talks went on",
            " will be on",
            ". ",
            ", ",
            " ",
            "\n",
            "\n\n",
            "922 flights",
            "at 3.02am",
        ),
    ]
)


@settings(max_examples=300)
@given(st.lists(_DATED_PAGE_PIECES, max_size=16).map("".join))
@example("since 2017 January 16,\n1548 GMT: talks")  # a day's year in a marker
@example("January 16, 2024\n\nSince 2017, last week")  # "last week" with no day near
@example("Talks on 2024-01-16")
def test_clues_read_from_the_paragraphs_that_can_date_are_those_of_every_paragraph(
    text: str,
) -> None:
    """Leaving out the paragraphs whose years cannot be a day's (and, with no date
    stated, those that only say "last week") gives the dates and clues that reading
    every paragraph with a year or a clue word gives."""
    markers = [Span(m.start(), m.end() - 2) for m in re.finditer("1548 GMT: ", text)]
    preamble = Span(0, min(len(text), 30))
    entries = [(Span(preamble.end, len(text)), 1)]
    chosen = dating._clue_paragraphs

    def every_paragraph(text: str, markers: Sequence[Span] = ()) -> tuple[list[Span], list[Span]]:
        dated, said = chosen(text, markers)
        years, _, words = dating._clue_starts(text, markers)
        blanks = blank_lines(text)
        starts = [0, *(m.end() for m in blanks)]
        ends = [*(m.start() for m in blanks), len(text)]
        held = sorted({bisect.bisect_right(starts, h) - 1 for h in years + words})
        every = [Span(starts[k], ends[k]) for k in held]
        assert set(dated) | set(said) <= set(every)
        return every, []

    found = _clues(text, preamble, entries, markers, day_first=False)
    with mock.patch.object(dating, "_clue_paragraphs", every_paragraph):
        expected = _clues(text, preamble, entries, markers, day_first=False)
    assert found == expected


def _written(family: str, text: str) -> str | None:
    """``text`` (holding a match of ``family``'s pattern, which reads lower case) as a
    page writes it: its blanks as single spaces, and the names the family wants
    capitalised (months, weekdays, holidays, "FY") capitalised; None when it no longer
    holds a match."""
    found = recogniser((family,))
    text = re.sub(r"\s+", " ", text)
    match = found.pattern.search(text)
    if match is None:
        return None
    chars = list(text)
    for group in found.capitalised.get(family, ()):
        if match.start(group) >= 0:
            chars[match.start(group)] = chars[match.start(group)].upper()
    return "".join(chars)


def _family_texts(family: str) -> st.SearchStrategy[str]:
    """Texts that hold a match of ``family``'s own pattern, as a page writes them: the
    match alone, or with any characters around it (a family whose pattern looks ahead
    past its match has only these)."""
    pattern = recogniser((family,)).pattern
    return (
        st.one_of(st.from_regex(pattern, fullmatch=True), st.from_regex(pattern))
        .map(lambda text: _written(family, text))
        .filter(lambda text: text is not None)
        .map(str)
    )


_AROUND_A_MENTION = st.sampled_from(["", "Talks on ", "UPDATE 1548 GMT: On ", "It was "])
_AFTER_A_MENTION = st.sampled_from(["", ".", ", officials said.", " at 3pm.", "\n2024"])


@pytest.mark.parametrize("family", [name for name, _ in FAMILIES])
@settings(
    # a few a family in a run (44 families), more in the long fuzz run
    max_examples=max(8, settings().max_examples // 20),
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
)
@given(data=st.data())
def test_no_family_dates_a_day_in_a_paragraph_the_clue_filter_leaves_out(
    family: str, data: st.DataObject
) -> None:
    """Every pattern family, in texts its own pattern matches (a new family too): a
    day the mentions of a paragraph state in full with no reference (the ``full-date``
    and ``last-updated`` clues) lies in a paragraph :func:`dating._clue_paragraphs`
    reads for dates, and a "last week" in one it reads for dates or for "last week"."""
    text = "Live.\n\n" + data.draw(_AROUND_A_MENTION) + data.draw(_family_texts(family))
    text += data.draw(_AFTER_A_MENTION) + "\n\nMore talks."
    markers = [Span(m.start(), m.end() - 2) for m in re.finditer("1548 GMT: ", text)]
    dated, said = dating._clue_paragraphs(text, markers)
    for day_first in (False, True):
        for m in find_mentions(text, None, day_first=day_first):
            at = m.span.start
            if m.granularity in dating._DAY_OR_CLOCK and m.start is not None:
                assert any(p.start <= at < p.end for p in dated), (m.text, text)
            if " ".join(m.text.lower().split()) == "last week":
                assert any(p.start <= at < p.end for p in dated + said), (m.text, text)


def test_a_slashed_iso_date_dates_the_page() -> None:
    """A page whose one date is written year first with slashes ("2024/01/16", an ISO
    family's form) is dated by it: its paragraph is read for dates (it was left out)."""
    text = (
        "Live.\n\nUPDATE 1200 GMT: Talks began on 2024/01/16, officials said.\n\n"
        "UPDATE 1300 GMT: More."
    )
    tl = liveblog.parse(text)
    assert tl.date == dt.date(2024, 1, 16)
    assert [(e.kind, e.text) for e in tl.date_evidence] == [("full-date", "2024/01/16")]


_DIGIT_RUN_PIECES = st.sampled_from(
    ["0", "1", "2024", "9", "?", "٢", "２", "\u212a", "\u0130", "x", " ", "é", "\n", "12345"]
)


@given(st.lists(_DIGIT_RUN_PIECES, max_size=12).map("".join))
@example("2024 ٢٠٢٤ 2024? ?2024 12345 1234٢")
def test_year_starts_are_found_as_a_whole_text_scan_finds_them(text: str) -> None:
    """The runs of exactly four ASCII digits read as years without the pattern, and the
    pattern tried in the other runs only, give exactly the starts of its whole scan."""
    digits = _clue_finders()[0]
    encoded = text.encode("ascii", "replace")
    found = dating._year_starts(text, encoded, encoded.translate(dating._FOLDED), digits)
    assert found == [m.start() for m in digits.finditer(text)]


_BEFORE_YEAR_PIECES = st.sampled_from(
    [
        *("1", "16", "16th", "3rd", "2nd", "1st", "th", "st", " of", "of", " ", ", ", ".", "\n"),
        *("january", "jan", "x", "-", "/", "\u00a0", "é", "_", "of ", "2024", "a.m. et, "),
    ]
)


# what the library's reversed pattern reads, written forwards: a day (and month) at the
# end of the text before a year
_DAY_BEFORE_YEAR = re.compile(r"[0-9](?:st|nd|rd|th)?(?:\W+of)?(?:\W+[a-z]+)?\W+\Z")


@given(st.lists(_BEFORE_YEAR_PIECES, max_size=10).map("".join))
@example("16th of january ")
@example("6, ")
@example("16_ ")
def test_day_before_year_reversed_agrees_with_the_search(before: str) -> None:
    """Matching the reversed pattern at the start of the reversed text finds a day
    before the year exactly where a search for the pattern ending at the text's end
    does."""
    found = _DAY_BEFORE_YEAR.search(before) is not None
    assert (dating._DAY_BEFORE_YEAR_REVERSED.match(before[::-1]) is not None) == found

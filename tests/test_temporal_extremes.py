"""find_mentions and parse at the calendar's ends, and with arguments of the wrong type
(found by fuzzing): a value that would fall before year 1 or after 9999 is left
unresolved, as against an unknown day, instead of raising."""

from __future__ import annotations

import datetime as dt
import itertools

import pytest
from hypothesis import given
from hypothesis import strategies as st

import liveblog
from tests.helpers import assert_tiles
from tests.test_temporal_scan import soups

END = dt.datetime.max.replace(tzinfo=dt.UTC)
START = dt.datetime.min.replace(tzinfo=dt.UTC)
LATE = dt.datetime(9999, 12, 31, 20, tzinfo=dt.timezone(dt.timedelta(hours=-5)))
EARLY = dt.datetime(1, 1, 1, 2, tzinfo=dt.timezone(dt.timedelta(hours=5)))


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("January", dt.date.max),
        ("next month", dt.date.max),
        ("winter", dt.date.max),
        ("last month", dt.date.min),
        ("winter", dt.date.min),
    ],
)
def test_parse_at_the_calendar_ends_is_total(text: str, day: dt.date) -> None:
    """parse(date=9999-12-31 or 0001-01-01) of a text naming a month or season gives a
    timeline, the mention left unresolved."""
    assert_tiles(text, liveblog.parse(text, date=day))


@pytest.mark.parametrize(
    ("text", "reference"),
    [
        ("next month", dt.date.max),
        ("December", dt.date.max),
        ("next week", dt.date.max),
        ("tomorrow", dt.date.max),
        ("Dec 31", dt.date.max),
        ("next quarter", dt.date.max),
        ("last month", dt.date.min),
        ("yesterday", dt.date.min),
        ("last decade", dt.date.min),
        ("two and a half years ago", dt.date.min),
        ("the weekend", dt.date.min),
        ("Easter", dt.date.max),
        ("Easter", dt.date.min),
        ("Thanksgiving", dt.date.min),
        ("New Year's Eve", dt.date.max),
        ("the fourth quarter", dt.date.max),
        ("tomorrow", END),
        ("today", END),
        ("next month", END),
        ("yesterday", START),
        ("an hour ago", START),
        ("last month", START),
        ("tonight", LATE),
        ("today", LATE),
        ("yesterday", EARLY),
        ("last week", EARLY),
    ],
)
def test_find_mentions_at_the_calendar_ends_is_total(
    text: str, reference: dt.date | dt.datetime
) -> None:
    """find_mentions against a reference at the calendar's ends (a date, or an aware
    datetime whose local day is 9999-12-31 or 0001-01-01) finds the mention and leaves
    what falls outside the calendar unresolved instead of raising."""
    found = liveblog.find_mentions(text, reference)
    assert [m.text for m in found] == [text]


@pytest.mark.parametrize("text", [b"last week", bytearray(b"x"), ["a"]])
def test_find_mentions_of_a_non_str_is_a_type_error(text: object) -> None:
    """find_mentions of bytes or a list raises TypeError, as the other functions do for
    an argument of the wrong type."""
    with pytest.raises(TypeError, match="text must be a str"):
        liveblog.find_mentions(text, None)  # type: ignore[arg-type]


@given(
    soups,
    st.sampled_from([dt.date.max, dt.date.min, END, START, LATE, EARLY])
    | st.dates(min_value=dt.date(9999, 11, 1))
    | st.dates(max_value=dt.date(1, 2, 28)),
)
def test_mentions_at_the_calendar_ends_are_total(text: str, reference: dt.date) -> None:
    """Any text, against any reference near the calendar's ends: mentions come out
    (sorted, disjoint, each slicing its text), and every interval they give is ordered."""
    found = liveblog.find_mentions(text, reference)
    assert all(a.span.end <= b.span.start for a, b in itertools.pairwise(found))
    for m in found:
        assert text[slice(*m.span)] == m.text
        if m.start is not None and m.end is not None:
            assert m.start <= m.end


@pytest.mark.parametrize(
    ("text", "reference", "expected"),
    [
        # a quarter dated by its end, 45 days of which fall before the calendar
        ("For the quarter ended Jan. 31, sales rose.", dt.date(1, 2, 15),
         [("the quarter", "0001-Q1"), ("Jan. 31", "0001-01-31")]),
        ("the quarter ended in January", dt.date(1, 3, 1),
         [("the quarter", "0001-Q1"), ("January", "0001-01")]),
        # "year-earlier" a year before year 1
        ("For the nine months, compared with year-earlier net", dt.date(1, 3, 1),
         [("the nine months", "P9M"), ("year-earlier", "XXXX")]),
        ("For the nine months, compared with year-earlier net", dt.date(9999, 12, 1),
         [("the nine months", "P9M"), ("year-earlier", "9998")]),
    ],
)  # fmt: skip
def test_quarters_and_comparisons_at_the_calendar_start_are_total(
    text: str, reference: dt.date, expected: list[tuple[str, str]]
) -> None:
    """A quarter dated by an end near 0001-01-01, and "year-earlier" in year 1, keep
    what is known instead of raising or losing the mention."""
    assert [(m.text, m.value) for m in liveblog.find_mentions(text, reference)] == expected

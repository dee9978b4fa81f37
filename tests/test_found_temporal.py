"""Bugs found in liveblog.temporal by fuzzing, pinned as strict xfails until it is fixed.

liveblog.temporal is being edited elsewhere; each test here fails today and should pass
once the bug is fixed (then drop its xfail mark).
"""

from __future__ import annotations

import datetime as dt

import pytest

import liveblog
from tests.helpers import assert_tiles

CALENDAR_END = "a mention reaching past year 9999 or before year 1 raises ValueError/OverflowError"
END = dt.datetime.max.replace(tzinfo=dt.UTC)
START = dt.datetime.min.replace(tzinfo=dt.UTC)
LATE = dt.datetime(9999, 12, 31, 20, tzinfo=dt.timezone(dt.timedelta(hours=-5)))
EARLY = dt.datetime(1, 1, 1, 2, tzinfo=dt.timezone(dt.timedelta(hours=5)))


@pytest.mark.xfail(strict=True, raises=(ValueError, OverflowError), reason=CALENDAR_END)
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
    timeline, the mention left unresolved (today ValueError: year 10000/0 out of range)."""
    assert_tiles(text, liveblog.parse(text, date=day))


@pytest.mark.xfail(strict=True, raises=(ValueError, OverflowError), reason=CALENDAR_END)
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
    assert all(isinstance(m, liveblog.Mention) for m in found)


@pytest.mark.xfail(strict=True, raises=AttributeError, reason="text is not type-checked")
@pytest.mark.parametrize("text", [b"last week", bytearray(b"x"), ["a"]])
def test_find_mentions_of_a_non_str_is_a_type_error(text: object) -> None:
    """find_mentions(b"last week", ...) raises AttributeError ('bytes' object has no
    attribute 'encode'), a list AttributeError too; a TypeError naming the parameter is
    what the other functions give for a wrong argument type."""
    with pytest.raises(TypeError):
        liveblog.find_mentions(text, None)  # type: ignore[arg-type]

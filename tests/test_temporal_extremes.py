"""find_mentions and parse at the calendar's ends, and with arguments of the wrong type
(found by fuzzing): a value that would fall before year 1 or after 9999 is left
unresolved, as against an unknown day, instead of raising."""

from __future__ import annotations

import datetime as dt
import itertools

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

import liveblog
from tests.helpers import assert_tiles
from tests.test_temporal_scan import _cold, rows, soups

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


_MONTHS = [dt.date(2024, k, 1).strftime("%B") for k in range(1, 13)]


@given(
    st.dates(min_value=dt.date(9999, 10, 1))
    | st.dates(min_value=dt.date(2100, 1, 1), max_value=dt.date(2100, 3, 1)),
    st.sampled_from(["on {day} {month} {year} it", "by {month} {day} {year}."]),
    st.sampled_from([dt.date.max, dt.date(9999, 12, 1), END, LATE]),
)
@example(dt.date.max, "on {day} {month} {year} it", dt.date.max)
@example(dt.date(9999, 12, 30), "by {month} {day} {year}.", LATE)
def test_a_date_near_the_calendars_end_is_read_whole(
    day: dt.date, form: str, reference: dt.date | dt.datetime
) -> None:
    """A day written with its year near 9999-12-31 (and 9999-12-31 itself) is one
    mention of that day, its span whole, its interval from its midnight to the next one,
    unknown (None) only where that is past the calendar's end."""
    written = form.format(day=day.day, month=_MONTHS[day.month - 1], year=day.year)
    text = written.split(" ", 1)[1].rstrip(" it.")
    [m] = liveblog.find_mentions(written, reference)
    assert (m.text, written[slice(*m.span)], m.value) == (text, text, day.isoformat())
    assert m.start is not None
    assert m.start.date() == day
    assert m.end is None if day == dt.date.max else m.end == m.start + dt.timedelta(1)


@given(
    st.dates(min_value=dt.date(9999, 12, 25)) | st.dates(max_value=dt.date(1, 1, 7)),
    st.integers(0, 23),
    st.integers(0, 59),
)
@example(dt.date.max, 23, 59)
@example(dt.date.min, 0, 0)
def test_a_clock_on_a_day_at_the_calendars_ends(day: dt.date, hour: int, minute: int) -> None:
    """A clock on a named day at either end of the calendar, against a reference of
    that day, is that minute of that day; the minute's end is unknown only after
    9999-12-31T23:59."""
    written = f"at {hour:02d}:{minute:02d} on {_MONTHS[day.month - 1]} {day.day}"
    [m] = liveblog.find_mentions(written, day)
    assert (m.text, m.value) == (written[3:], f"{day.isoformat()}T{hour:02d}:{minute:02d}")
    assert m.start == dt.datetime.combine(day, dt.time(hour, minute), dt.UTC)
    last = day == dt.date.max and (hour, minute) == (23, 59)
    assert m.end is None if last else m.end == m.start + dt.timedelta(minutes=1)


@pytest.mark.parametrize(
    ("text", "reference", "expected"),
    [
        ("on 31 December 9999 it", dt.date(9999, 12, 30), ("31 December 9999", "9999-12-31")),
        ("in December 9999", dt.date(9999, 1, 1), ("December 9999", "9999-12")),
        ("the fourth quarter", dt.date.max, ("the fourth quarter", "9999-Q4")),
        ("tonight", dt.date.max, ("tonight", "9999-12-31TNI")),
        ("the day after Dec 30", LATE, ("the day after Dec 30", "9999-12-31")),
        ("on 1 January", dt.date(1, 1, 1), ("1 January", "0001-01-01")),
        # years, decades and centuries that end with the calendar (dropped before)
        ("this year", dt.date.max, ("this year", "9999")),
        ("next year", dt.date(9998, 6, 1), ("next year", "9999")),
        ("this decade", dt.date.max, ("this decade", "999")),
        ("this century", dt.date(9999, 1, 1), ("this century", "99")),
    ],
)
def test_an_interval_ending_past_the_calendar_keeps_its_value(
    text: str, reference: dt.date | dt.datetime, expected: tuple[str, str]
) -> None:
    """An interval that closes with the calendar (its end would be in year 10000) keeps
    its value and start, its end unknown, where it was dropped or left unresolved."""
    [m] = liveblog.find_mentions(text, reference)
    assert (m.text, m.value) == expected
    assert m.start is not None
    assert m.end is None or m.end > m.start


@pytest.mark.parametrize(
    ("text", "reference", "expected"),
    [
        ("next year", dt.date.max, "XXXX"),
        ("the following year", END, "XXXX"),
        ("last year", dt.date.min, "XXXX"),
        ("two years ago", dt.date(1, 6, 1), "XXXX"),
        ("a year ago", START, "XXXX"),
    ],
)
def test_a_year_counted_past_the_calendar_is_an_unknown_year(
    text: str, reference: dt.date | dt.datetime, expected: str
) -> None:
    """A year counted from the reference that falls outside the calendar ("next year"
    in 9999, "last year" in year 1) is an unknown year, as "next month" is an unknown
    month there, where the mention was dropped."""
    [m] = liveblog.find_mentions(text, reference)
    assert (m.text, m.value, m.start, m.end) == (text, expected, None, None)


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


# any zone: IANA zones (folds and gaps included) and fixed offsets to the second
_ANY_TZINFO = st.timezones() | st.timedeltas(
    -dt.timedelta(hours=23, minutes=59, seconds=59),
    dt.timedelta(hours=23, minutes=59, seconds=59),
).map(dt.timezone)
_ANY_REFERENCE = st.none() | st.dates() | st.datetimes(timezones=_ANY_TZINFO, allow_imaginary=True)


@given(soups, _ANY_REFERENCE, st.none() | _ANY_TZINFO, st.booleans())
def test_mentions_in_any_zone_are_total(
    text: str, reference: dt.date | None, tz: dt.tzinfo | None, day_first: bool
) -> None:
    """Any text, against any reference (any day, any instant in any zone, a fold or a
    gap) with any tz: the mentions slice their text and their intervals are ordered."""
    for m in liveblog.find_mentions(text, reference, tz=tz, day_first=day_first):
        assert text[slice(*m.span)] == m.text
        if m.start is not None and m.end is not None:
            assert m.start <= m.end


@pytest.mark.fuzz
@settings(max_examples=30_000, deadline=None)
@given(soups, _ANY_REFERENCE, st.none() | _ANY_TZINFO, st.booleans())
def test_mentions_in_any_zone_fuzz(
    text: str, reference: dt.date | None, tz: dt.tzinfo | None, day_first: bool
) -> None:
    """The long run (LIVEBLOG_FUZZ=1) of the check above: 30,000 examples (about 4 min)."""
    test_mentions_in_any_zone_are_total.hypothesis.inner_test(  # type: ignore[attr-defined]
        text, reference, tz, day_first
    )


@pytest.mark.parametrize(
    ("text", "opening"),
    [
        # "last week": the week after the stated date's, past the calendar
        ("31 December 9999, last week.\n\nUPDATE 1548 GMT: x", dt.date.max),
        # a weekday of the posts (9999-12-31 is a Friday): the Monday before it
        ("31 December 9999.\n\nUPDATE 1548 GMT: Talks earlier on Monday", dt.date(9999, 12, 27)),
        ("Saturday's live blog\n\n31 December 9999\n\nUPDATE 1548 GMT: x", dt.date(9999, 12, 26)),
    ],
)
def test_a_blog_dated_by_its_text_at_the_calendars_end(text: str, opening: dt.date) -> None:
    """A blog that states 31 December 9999, with clues to an opening day after it (a
    weekday, "last week"), is dated on the calendar's days: an opening day past the last
    one raised ValueError ('year 10000 is out of range', once in the long fuzz run)."""
    tl = liveblog.parse(text)
    assert tl.date == opening
    assert_tiles(text, tl)


@pytest.mark.parametrize(
    ("text", "reference", "expected"),
    [
        # the Monday after Thursday 9999-12-30 is past the calendar: a Monday, unknown
        ("He said Thursday through Monday.", dt.date(9999, 12, 30), "XXXX-WXX-1"),
        ("He said Thursday through Monday.", END, "XXXX-WXX-1"),
        ("He said Thursday through Monday.", dt.date(9999, 12, 23), "9999-12-27"),
    ],
)
def test_a_range_of_weekdays_ending_past_the_calendar(
    text: str, reference: dt.date | dt.datetime, expected: str
) -> None:
    """A range of weekdays whose end falls after the calendar's last day leaves that
    end an unknown day of its weekday (OverflowError before)."""
    *_, last = liveblog.find_mentions(text, reference)
    assert (last.text, last.value) == ("Monday", expected)


# Expressions counted from the reference or from a date the text names, at the ends
_COUNTED = (
    "Next year, tomorrow, next week, in 3 days, December 25, next month, Monday, week 52, "
    "week 53, Q1, this winter, the weekend, the day after tomorrow, Thursday through Monday, "
    "the fourth quarter, next Christmas, the next decade, at 23:59, tonight, a year ago."
)
_NAMED_ENDS = (
    "Talks ended on 31 December 9999. The following year, a week later, the next day, "
    "that Monday. On 1 January 0001 it began; the year before, the previous week."
)
_EAST = dt.timezone(dt.timedelta(hours=14))
_WEST = dt.timezone(dt.timedelta(hours=-12))


@pytest.mark.parametrize("text", [_COUNTED, _NAMED_ENDS])
@pytest.mark.parametrize(
    "reference",
    [
        dt.date.max,
        dt.date(9999, 12, 25),
        dt.date.min,
        END,
        START,
        dt.datetime(9999, 12, 31, 23, 59, tzinfo=_EAST),  # 09:59 UTC
        dt.datetime(9999, 12, 31, 23, 59, tzinfo=_WEST),  # past the calendar in UTC
        dt.datetime(1, 1, 1, 0, 1, tzinfo=_EAST),  # before the calendar in UTC
        None,
    ],
)
def test_mentions_at_the_calendar_ends_are_those_found_cold(
    text: str, reference: dt.date | dt.datetime | None
) -> None:
    """Against a reference at either end of the calendar (a day, or a minute of it in a
    zone east or west of UTC whose instant in UTC lies past it), the mentions found after
    the caches were warmed against other days (2024, the same zones) are those found
    with nothing cached, and none raises."""
    expected = _cold(text, reference)
    for other in (dt.date(2024, 1, 22), dt.datetime(2024, 12, 31, 23, 59, tzinfo=_EAST), None):
        liveblog.find_mentions(text, other)
    assert rows(liveblog.find_mentions(text, reference)) == expected
    assert len(expected) >= 7


_BLOG_AT_THE_END = (
    "Live: the last day\n\nUPDATE 23:59 UTC+14: Next year, tomorrow.\n\n"
    "UPDATE 10:05 UTC-12: Talks on Monday, a week later.\n\nUPDATE 09:15 GMT: December 25."
)


@pytest.mark.parametrize(
    ("day", "tz"),
    [(dt.date.max, None), (dt.date.max, "Pacific/Kiritimati"), (dt.date.min, "Etc/GMT+12")],
)
def test_a_blog_at_the_calendar_ends_merges_and_writes_its_feeds(
    day: dt.date, tz: str | None
) -> None:
    """A blog dated on the calendar's last (or first) day, its markers in zones either
    side of UTC: parsed, merged with itself and written as every feed, without raising."""
    tl = liveblog.parse(_BLOG_AT_THE_END, date=day, tz=tz)
    assert_tiles(_BLOG_AT_THE_END, tl)
    assert len(tl) == 3
    assert len(liveblog.merge(tl, tl)) == 3
    assert liveblog.Timeline.from_json_feed(tl.to_json_feed()) == tl
    tl.to_atom()
    tl.to_json_ld()

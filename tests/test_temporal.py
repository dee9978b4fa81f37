"""find_mentions: every expression family, resolved against anchors on awkward days."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
import time
from pathlib import Path
from zoneinfo import ZoneInfo

import attrs
import pytest

from liveblog.model import Mention, Span
from liveblog.temporal import find_mentions

MON = dt.date(2024, 1, 22)  # a Monday, the seed blog's day
NEW_YEAR = dt.date(2024, 1, 1)  # a Monday, ISO week 2024-W01
YEAR_END = dt.date(2023, 12, 31)  # a Sunday, ISO week 2023-W52
FEB_28 = dt.date(2024, 2, 28)  # a Wednesday before a leap day
LEAP = dt.date(2024, 2, 29)  # a Thursday
OCT = dt.date(2024, 10, 15)  # a Tuesday, in the fourth quarter

SEED = Path(__file__).resolve().parent.parent / "seeds" / "eaworldview-2024-01-22.txt"


def only(text: str, reference: dt.date | dt.datetime | None) -> Mention:
    """The single mention ``text`` holds."""
    found = find_mentions(text, reference)
    assert len(found) == 1, found
    return found[0]


def summary(text: str, reference: dt.date | dt.datetime | None) -> list[tuple[str, str, str]]:
    """(text, type, value) of every mention."""
    return [(m.text, m.type, m.value) for m in find_mentions(text, reference)]


WEEKDAYS = [
    ("On Monday, talks began.", MON, "Monday", "2024-01-22"),
    ("He said earlier on Monday that aid was vital.", MON, "Monday", "2024-01-22"),
    ("On Sunday, the ministry said.", MON, "Sunday", "2024-01-21"),
    ("Sunday’s Coverage: aid expected", MON, "Sunday", "2024-01-21"),
    ("Friday's vote was close.", MON, "Friday", "2024-01-19"),
    ("The deal was signed last Friday.", MON, "last Friday", "2024-01-19"),
    ("They meet this coming Friday.", MON, "this coming Friday", "2024-01-26"),
    ("The deal was signed this past Friday.", MON, "this past Friday", "2024-01-19"),
    ("They meet next Monday.", MON, "next Monday", "2024-01-29"),
    ("They meet this Wednesday.", MON, "this Wednesday", "2024-01-24"),
    ("The summit will open on Thursday.", MON, "Thursday", "2024-01-25"),
    ("On Thursday, officials met.", LEAP, "Thursday", "2024-02-29"),
    ("On Friday, officials met.", LEAP, "Friday", "2024-02-23"),
    ("On Saturday the vote took place.", NEW_YEAR, "Saturday", "2023-12-30"),
    ("Late Sunday the drones came.", NEW_YEAR, "Late Sunday", "2023-12-31"),
    ("last Monday", NEW_YEAR, "last Monday", "2023-12-25"),
    # a weekday before the day and month names one day; with no year, the year (the
    # reference's or one beside it) in which that day falls on that weekday
    ("The museum reopens on Wednesday 20 March.", LEAP, "Wednesday 20 March", "2024-03-20"),
    ("The final is on Saturday 13 July.", YEAR_END, "Saturday 13 July", "2024-07-13"),
    ("He died on Sunday, the 3rd of March.", MON, "Sunday, the 3rd of March", "2024-03-03"),
    ("They met on Thursday, March 16.", MON, "Thursday, March 16", "2023-03-16"),
    ("It opened on Friday 20 October 2023.", NEW_YEAR, "Friday 20 October 2023", "2023-10-20"),
    # "may" and "march" in lower case are no months: the weekday stands alone (with no
    # tense, the nearer one)
    ("On Tuesday 3 may be freed.", MON, "Tuesday", "2024-01-23"),
    ("On Friday 2 march to the capital.", LEAP, "Friday", "2024-03-01"),
    # no tense: the nearer one
    ("Talks Thursday.", MON, "Thursday", "2024-01-25"),
    ("Talks Saturday.", MON, "Saturday", "2024-01-20"),
    # a weekday's event with no tense is past
    ("The favourite for Saturday's race.", dt.date(2024, 5, 3), "Saturday", "2024-04-27"),
    ("We go again on Wednesday at the stadium.", MON, "Wednesday", "2024-01-24"),
    # ... and so is one after "would", the future of a past saying, where "will" keeps
    # it to come
    ("They said they would appeal Friday's ruling.", MON, "Friday", "2024-01-19"),
    ("Critics would overturn Saturday's vote.", LEAP, "Saturday", "2024-02-24"),
    ("Ministers will attend Friday's summit.", MON, "Friday", "2024-01-26"),
    ("They said they would appeal on Friday.", MON, "Friday", "2024-01-26"),
    # a past cue farther off than a future cue may be still sets the past
    (
        "The outage began with a cloud provider's issue in the US state on Thursday.",
        MON,
        "Thursday",
        "2024-01-18",
    ),
    ("Talks resumed Thursday.", MON, "Thursday", "2024-01-18"),
    # a present "is"/"are" right before the weekday: the coming one
    ("The vote is on Saturday.", MON, "Saturday", "2024-01-27"),
    ("The deadline is Friday.", MON, "Friday", "2024-01-26"),
    ("Talks are set for Saturday.", MON, "Saturday", "2024-01-27"),
    ("The attack is the worst since Saturday.", MON, "Saturday", "2024-01-20"),
    # a present verb of a scheduled event right before it: the coming one too
    ("The strike starts on Saturday.", MON, "Saturday", "2024-01-27"),
    ("The strike starts on Saturday.", YEAR_END, "Saturday", "2024-01-06"),
    ("Voting begins Sunday.", FEB_28, "Sunday", "2024-03-03"),
    ("The court meets on Monday.", LEAP, "Monday", "2024-03-04"),
    ("The talks resume on Saturday.", NEW_YEAR, "Saturday", "2024-01-06"),
    ("Talks resume Saturday.", MON, "Saturday", "2024-01-27"),
    ("Parliament reconvenes on Saturday.", NEW_YEAR, "Saturday", "2024-01-06"),
    ("The ceasefire expires on Friday.", dt.date(2024, 3, 31), "Friday", "2024-04-05"),
    ("The team plays on Saturday.", MON, "Saturday", "2024-01-27"),
    ("The museum is open on Saturday.", MON, "Saturday", "2024-01-27"),
    # ... but not in the past tense, and not the noun ("the start on Saturday")
    ("The strike started on Saturday.", MON, "Saturday", "2024-01-20"),
    ("The strike starts, as it began on Saturday.", MON, "Saturday", "2024-01-20"),
    ("The start on Saturday.", MON, "Saturday", "2024-01-20"),
    ("Clashes on Saturday left three dead.", MON, "Saturday", "2024-01-20"),
]


@pytest.mark.parametrize(
    ("text", "written", "value"),
    [
        ("The deadline is midnight on Friday.", "midnight on Friday", "2024-01-26T24:00"),
        ("The vote is 10pm Thursday.", "10pm Thursday", "2024-01-25T22:00"),
        ("The deadline was midnight on Friday.", "midnight on Friday", "2024-01-19T24:00"),
        ("It happened at 10pm Saturday.", "10pm Saturday", "2024-01-20T22:00"),
        ("Voting starts at 7am on Saturday.", "7am on Saturday", "2024-01-27T07:00"),
        ("The curfew begins at midnight on Saturday.", "midnight on Saturday", "2024-01-27T24:00"),
    ],
)
def test_a_clock_on_a_weekday_after_a_present_is_the_coming_one(
    text: str, written: str, value: str
) -> None:
    """A clock time on a weekday right after a present "is" is the coming one, as a
    weekday is; the past tense, or none (the nearer day), decide as before."""
    m = only(text, MON)
    assert (m.text, m.value) == (written, value)


@pytest.mark.parametrize(("text", "ref", "written", "value"), WEEKDAYS)
def test_weekdays(text: str, ref: dt.date, written: str, value: str) -> None:
    """Weekdays resolve to the latest such day in the past tense, the next one in the
    future tense, and the nearer one when the sentence has no tense."""
    m = only(text, ref)
    assert (m.text, m.type, m.value, m.granularity) == (written, "DATE", value, "day")


DEICTIC = [
    ("today", LEAP, "DATE", "2024-02-29"),
    ("yesterday", NEW_YEAR, "DATE", "2023-12-31"),
    ("tomorrow", FEB_28, "DATE", "2024-02-29"),
    ("tomorrow", YEAR_END, "DATE", "2024-01-01"),
    ("tonight", MON, "TIME", "2024-01-22TNI"),
    ("overnight", MON, "TIME", "2024-01-21TNI"),
    ("this morning", MON, "TIME", "2024-01-22TMO"),
    ("this afternoon", LEAP, "TIME", "2024-02-29TAF"),
    ("this evening", YEAR_END, "TIME", "2023-12-31TEV"),
    ("last night", NEW_YEAR, "TIME", "2023-12-31TNI"),
    ("Tuesday night", FEB_28, "TIME", "2024-02-27TNI"),
    ("now", MON, "DATE", "PRESENT_REF"),
    ("recently", MON, "DATE", "PAST_REF"),
    ("the future", MON, "DATE", "FUTURE_REF"),
]


@pytest.mark.parametrize(("text", "ref", "type_", "value"), DEICTIC)
def test_deictic_words(text: str, ref: dt.date, type_: str, value: str) -> None:
    """today, tonight, overnight, this morning, now... resolve against the anchor's day."""
    m = only(f"It happened {text}.", ref)
    assert (m.text, m.type, m.value) == (text, type_, value)


def _at(hour: int, minute: int) -> dt.datetime:
    """An instant on Tuesday 2024-11-05 in New York (election night)."""
    return dt.datetime(2024, 11, 5, hour, minute, tzinfo=ZoneInfo("America/New_York"))


# In the small hours the night in progress began the day before: a live-blog entry at
# 00:10 that says "tonight" or "earlier this evening" means the day before's
SMALL_HOURS = [
    ("Earlier this evening, rain fell.", _at(0, 10), "2024-11-04TEV"),
    ("This evening's vote was calm.", _at(3, 59), "2024-11-04TEV"),
    ("Tonight the candidates will speak.", _at(0, 10), "2024-11-04TNI"),
    ("Later tonight the count resumes.", _at(1, 30), "2024-11-04TNI"),
    ("Later this evening the count resumes.", _at(0, 10), "2024-11-05TEV"),
    ("Tonight the candidates will speak.", _at(5, 0), "2024-11-05TNI"),
    ("Earlier this evening, rain fell.", _at(22, 0), "2024-11-05TEV"),
    ("This morning the polls open.", _at(0, 10), "2024-11-05TMO"),
]


@pytest.mark.parametrize(("text", "ref", "value"), SMALL_HOURS)
def test_tonight_in_the_small_hours_is_the_night_in_progress(
    text: str, ref: dt.datetime, value: str
) -> None:
    """Regression: at 00:10, "earlier this evening" was the evening ahead (the same
    date), and "tonight" the next night rather than the one in progress."""
    assert only(text, ref).value == value


# "the past hour", "the next hour", "the past day": a length up to or from the moment
SPANS = [
    ("Three rockets hit in the past hour.", "the past hour", "PT1H"),
    ("Two more landed in the last hour.", "the last hour", "PT1H"),
    ("Results are due in the next hour.", "the next hour", "PT1H"),
    ("Nothing moved in the past minute.", "the past minute", "PT1M"),
    ("Rain fell in the past day.", "the past day", "P1D"),
]


@pytest.mark.parametrize(("text", "written", "value"), SPANS)
def test_the_past_hour_is_a_length(text: str, written: str, value: str) -> None:
    """Regression: "the past hour" was "the past" (PAST_REF) and the hour lost."""
    m = only(text, MON)
    assert (m.text, m.type, m.value) == (written, "DURATION", value)


@pytest.mark.parametrize("text", ["It began hours ago.", "Minutes ago, the PM spoke."])
def test_hours_ago_is_the_past(text: str) -> None:
    """Regression: "hours ago" was the length "hours" (PTXH), "ago" left out, where
    "days ago" and "a few minutes ago" are the past (PAST_REF)."""
    m = only(text, MON)
    assert (m.text.lower().split()[1], m.type, m.value) == ("ago", "DATE", "PAST_REF")


@pytest.mark.parametrize(
    "text", ["He changed his mind at the last minute.", "The last day of talks."]
)
def test_the_last_minute_is_no_length(text: str) -> None:
    """An idiom and an ordinal day: no time."""
    assert find_mentions(text, MON) == ()


def _utc(day: int, hour: int, minute: int) -> dt.datetime:
    return dt.datetime(2024, 11, day, hour, minute, tzinfo=dt.UTC)


# A clock time with a zone (agency style "1900 GMT" too) is an instant in that zone, on
# the day the reference is on there
ZONED_CLOCKS = [
    ("The curfew starts at 1900 GMT.", _at(12, 0), "1900 GMT", "2024-11-05T19:00", _utc(5, 19, 0)),
    (
        "The curfew starts at 19:00 GMT.",
        _at(12, 0),
        "19:00 GMT",
        "2024-11-05T19:00",
        _utc(5, 19, 0),
    ),
    (
        "It ended at 0800 local time.",
        _at(12, 0),
        "0800 local time",
        "2024-11-05T08:00",
        _utc(5, 13, 0),
    ),
    ("The count resumes at 3pm EST.", _at(12, 0), "3pm EST", "2024-11-05T15:00", _utc(5, 20, 0)),
    # 23:00 in New York is 04:00 the next day in London: "0100 GMT" is that day's
    ("Polls closed at 0100 GMT.", _at(23, 0), "0100 GMT", "2024-11-06T01:00", _utc(6, 1, 0)),
    ("A blast at 1548 GMT.", dt.date(2024, 11, 5), "1548 GMT", "2024-11-05T15:48", _utc(5, 15, 48)),
    # the zones markers know: US "ET"/"PT", "Eastern", a place's time, other abbreviations
    (
        "Biden speaks at 9:45 a.m. PT.",
        _at(8, 0),
        "9:45 a.m. PT",
        "2024-11-05T09:45",
        _utc(5, 17, 45),
    ),
    ("Polls close at 7pm ET.", dt.date(2024, 11, 5), "7pm ET", "2024-11-05T19:00", _utc(6, 0, 0)),
    (
        "It starts at 3pm Eastern.",
        dt.date(2024, 11, 5),
        "3pm Eastern",
        "2024-11-05T15:00",
        _utc(5, 20, 0),
    ),
    (
        "Sirens at 5pm Kyiv time.",
        dt.date(2024, 11, 5),
        "5pm Kyiv time",
        "2024-11-05T17:00",
        _utc(5, 15, 0),
    ),
    (
        "The final is at 19:30 AEDT.",
        dt.date(2024, 11, 5),
        "19:30 AEDT",
        "2024-11-05T19:30",
        _utc(5, 8, 30),
    ),
]


def test_a_conversion_in_parentheses_is_no_second_mention() -> None:
    """Agency copy converts a local clock time in parentheses ("10:35 a.m. (0735 GMT)"):
    the same instant again, which TimeML annotators leave out; a reference to another
    update's time ("(See 1705 GMT)") is a mention."""
    day = dt.date(1998, 8, 7)
    found = summary("The blast occurred at about 10:35 a.m. (0735 GMT) Friday.", day)
    assert [text for text, _, _ in found] == ["about 10:35 a.m.", "Friday"]
    assert summary("(See 1705 GMT)", day) == [("1705 GMT", "TIME", "1998-08-07T17:05")]


@pytest.mark.parametrize(
    "text", ["We meet at 5 pm. Eat first.", "At 3pm central London was quiet.", "at 9am Art"]
)
def test_words_after_a_clock_that_are_no_zone(text: str) -> None:
    """Zone abbreviations that are words ("eat", "art") and "central" alone are not read
    as the zone of the clock time before them."""
    (m,) = find_mentions(text, MON)
    assert m.text.split()[-1].lower() in {"pm", "3pm", "9am"}


@pytest.mark.parametrize(("text", "ref", "written", "value", "start"), ZONED_CLOCKS)
def test_a_clock_with_a_zone_is_an_instant_there(
    text: str, ref: dt.date | dt.datetime, written: str, value: str, start: dt.datetime
) -> None:
    """Regression: "1900 GMT" in text was no mention, and "19:00 GMT" said in a New York
    entry started at 19:00 New York time (the zone was read and dropped)."""
    m = only(text, ref)
    assert (m.text, m.type, m.value) == (written, "TIME", value)
    assert (m.start, m.end) == (start, start + dt.timedelta(minutes=1))


RELATIVE = [
    ("last week", MON, "2024-W03", "week"),
    ("last week", NEW_YEAR, "2023-W52", "week"),
    ("this week", YEAR_END, "2023-W52", "week"),
    ("next week", YEAR_END, "2024-W01", "week"),
    ("earlier this week", MON, "2024-W04", "week"),
    ("the coming week", MON, "2024-W05", "week"),
    ("last month", MON, "2023-12", "month"),
    ("last month", dt.date(2024, 3, 31), "2024-02", "month"),
    ("next month", YEAR_END, "2024-01", "month"),
    ("earlier this month", MON, "2024-01", "month"),
    ("later this month", LEAP, "2024-02", "month"),
    ("last year", NEW_YEAR, "2023", "year"),
    ("this year", YEAR_END, "2023", "year"),
    ("next year", LEAP, "2025", "year"),
    ("earlier this year", LEAP, "2024", "year"),
    ("last weekend", MON, "2024-W03-WE", "weekend"),
    ("this weekend", FEB_28, "2024-W09-WE", "weekend"),
    ("last summer", MON, "2023-SU", "season"),
    ("this summer", MON, "2024-SU", "season"),
    ("last winter", MON, "2022-WI", "season"),
    ("this winter", MON, "2023-WI", "season"),
    ("next winter", MON, "2024-WI", "season"),
    ("next spring", MON, "2024-SP", "season"),
    ("last autumn", MON, "2023-FA", "season"),
    ("last fall", MON, "2023-FA", "season"),
    ("last quarter", MON, "2023-Q4", "quarter"),
    ("last December", MON, "2023-12", "month"),
    # "this past", "this coming": the last one, the next one
    ("this past spring", dt.date(1989, 10, 26), "1989-SP", "season"),
    ("this coming month", MON, "2024-02", "month"),
]


@pytest.mark.parametrize(("text", "ref", "value", "granularity"), RELATIVE)
def test_relative_periods(text: str, ref: dt.date, value: str, granularity: str) -> None:
    """last/this/next/coming week, month, year, weekend, season, quarter."""
    m = only(f"That was {text}, officials said.", ref)
    assert (m.text, m.type, m.value, m.granularity) == (text, "DATE", value, granularity)


# "the weekend": the sentence's tense picks the one just past or the coming one; with no
# tense, the nearer one (Monday to Wednesday the last, Thursday and Friday the next, on
# Saturday and Sunday their own)
THE_WEEKEND = [
    ("Rain is forecast for the weekend.", dt.date(2024, 1, 19), "2024-W03-WE"),  # Friday
    ("Plans for the weekend are set.", LEAP, "2024-W09-WE"),  # Thursday
    ("The weekend is over.", MON, "2024-W03-WE"),
    ("Talks continue over the weekend.", FEB_28, "2024-W08-WE"),  # Wednesday
    ("The weekend saw heavy rain.", dt.date(2024, 1, 19), "2024-W02-WE"),  # past tense
    ("Talks will go on over the weekend.", MON, "2024-W04-WE"),  # future tense
    ("Crowds are out for the weekend.", YEAR_END, "2023-W52-WE"),  # Sunday
    ("Crowds are out for the weekend.", dt.date(2024, 1, 20), "2024-W03-WE"),  # Saturday
]


@pytest.mark.parametrize(("text", "ref", "value"), THE_WEEKEND)
def test_the_weekend_is_the_nearer_one_unless_the_tense_says(
    text: str, ref: dt.date, value: str
) -> None:
    """Regression: with no tense, "the weekend" was always the one just past, so a
    Friday's "forecast for the weekend" went to the weekend six days before."""
    m = only(text, ref)
    assert (m.text.lower(), m.type, m.value, m.granularity) == (
        "the weekend",
        "DATE",
        value,
        "weekend",
    )


OFFSETS = [
    ("three days ago", NEW_YEAR, "three days ago", "2023-12-29"),
    ("two weeks ago", MON, "two weeks ago", "2024-W02"),
    ("six months ago", LEAP, "six months ago", "2023-08"),
    ("three years ago", MON, "three years ago", "2021"),
    ("a year ago", LEAP, "a year ago", "2023"),
    ("a week earlier", MON, "a week earlier", "2024-W03"),
    ("the previous day", NEW_YEAR, "the previous day", "2023-12-31"),
    ("the day before", NEW_YEAR, "the day before", "2023-12-31"),
    ("the next day", FEB_28, "the next day", "2024-02-29"),
    ("10 days from now", YEAR_END, "10 days from now", "2024-01-10"),
    # a count with a half: the period of the next smaller unit it reaches back to
    ("a year and a half ago", MON, "a year and a half ago", "2022-07"),
    ("two and a half years ago", MON, "two and a half years ago", "2021-07"),
    ("2 1/2 years ago", LEAP, "2 1/2 years ago", "2021-08"),
    ("half a century ago", MON, "half a century ago", "1974"),
    ("a half-century ago", MON, "a half-century ago", "1974"),
    ("a decade and a half ago", NEW_YEAR, "a decade and a half ago", "2009"),
    ("a month and a half ago", MON, "a month and a half ago", "2023-12"),
    ("a week and a half ago", YEAR_END, "a week and a half ago", "2023-W51"),
    ("a day and a half ago", MON, "a day and a half ago", "2024-01-20"),
]


@pytest.mark.parametrize(("text", "ref", "written", "value"), OFFSETS)
def test_offsets(text: str, ref: dt.date, written: str, value: str) -> None:
    """N units ago / earlier / from now, the previous day, the day before."""
    m = only(f"It was {text}.", ref)
    assert (m.text, m.type, m.value) == (written, "DATE", value)


def test_the_year_is_the_anchor_year() -> None:
    """'the year' and 'the month' in news prose are the anchor's own."""
    assert summary("Sales rose 5% in the year, and 2% in the month.", LEAP) == [
        ("the year", "DATE", "2024"),
        ("the month", "DATE", "2024-02"),
    ]


def test_current_is_the_present() -> None:
    """'current' and 'currently' refer to the present (TimeML PRESENT_REF)."""
    assert summary("The current talks are currently stalled.", MON) == [
        ("current", "DATE", "PRESENT_REF"),
        ("currently", "DATE", "PRESENT_REF"),
    ]


def test_in_n_days_is_a_future_date() -> None:
    """'in three days' in the future tense is a date; 'in' stays outside the span."""
    m = only("The team will return in three days.", LEAP)
    assert (m.text, m.type, m.value) == ("three days", "DATE", "2024-03-03")


def test_within_n_days_is_a_length() -> None:
    """'within a year' is a length even in the future tense: "within" is no "in"."""
    m = only("It will finish its work within a year.", LEAP)
    assert (m.text, m.type, m.value) == ("a year", "DURATION", "P1Y")


MONTH_DAYS = [
    ("On December 25, the cabinet submitted a draft.", MON, "December 25", "2023-12-25"),
    ("It was sent back on January 11.", MON, "January 11", "2024-01-11"),
    ("The talks will resume on December 25.", MON, "December 25", "2024-12-25"),
    ("Crowds gathered on 25 December.", MON, "25 December", "2023-12-25"),
    ("Crowds gathered on Dec. 25.", MON, "Dec. 25", "2023-12-25"),
    ("Crowds gathered on the 25th of December.", MON, "the 25th of December", "2023-12-25"),
    ("The vote was held on February 29.", dt.date(2024, 3, 10), "February 29", "2024-02-29"),
    ("The vote will be held on March 1.", LEAP, "March 1", "2024-03-01"),
    ("Polls opened on December 28.", NEW_YEAR, "December 28", "2023-12-28"),
    ("Polls opened on July 20.", MON, "July 20", "2023-07-20"),
    ("Polls open on July 20.", MON, "July 20", "2024-07-20"),
    ("Polls closed on January 2.", YEAR_END, "January 2", "2024-01-02"),
    ("Polls will open on January 2.", YEAR_END, "January 2", "2024-01-02"),
    ("It ended on the 20th.", LEAP, "the 20th", "2024-02-20"),
    # no tense: the nearer 25th (it was always the one before)
    ("Voting ends on the 25th.", MON, "the 25th", "2024-01-25"),
    ("Voting ends on the 25th.", dt.date(2024, 1, 5), "the 25th", "2023-12-25"),
    # "last" before a month-day is a cue of the past, not a month of its own
    ("He was shot last Oct. 23 at home.", dt.date(1999, 4, 19), "Oct. 23", "1998-10-23"),
]


@pytest.mark.parametrize(("text", "ref", "written", "value"), MONTH_DAYS)
def test_month_day_without_year(text: str, ref: dt.date, written: str, value: str) -> None:
    """A bare month-day is the nearest occurrence; the future tense takes the next one,
    the past tense the previous one when that is at most 120 days farther."""
    m = only(text, ref)
    assert (m.text, m.type, m.value, m.granularity) == (written, "DATE", value, "day")


PERIODS = [
    ("They met in September.", MON, "September", "2023-09"),
    ("They will meet in March.", MON, "March", "2024-03"),
    ("It happened in January.", MON, "January", "2024-01"),
    ("It happened in late November.", MON, "late November", "2023-11"),
    ("It began in summer 2023.", MON, "summer 2023", "2023-SU"),
    ("It began in the summer of 2022.", MON, "the summer of 2022", "2022-SU"),
    ("It began in 2022.", MON, "2022", "2022"),
    ("It has lasted since 2014.", MON, "2014", "2014"),
    ("It began in mid-1996.", MON, "mid-1996", "1996"),
    ("It ended by the end of 1990.", MON, "the end of 1990", "1990"),
    ("Prices rose in fiscal 2023.", MON, "fiscal 2023", "2023"),
    ("Prices rose in the 1990s.", MON, "1990s", "199"),
    ("Prices rose in the '80s.", MON, "'80s", "198"),
    ("Prices rose in the nineties.", MON, "the nineties", "199"),
    ("Profit rose in the third quarter.", OCT, "the third quarter", "2024-Q3"),
    ("Profit rose in Q2 2023.", MON, "Q2 2023", "2023-Q2"),
    ("Profit rose in the first quarter of 2023.", MON, "the first quarter of 2023", "2023-Q1"),
]


@pytest.mark.parametrize(("text", "ref", "written", "value"), PERIODS)
def test_months_seasons_years_quarters(text: str, ref: dt.date, written: str, value: str) -> None:
    """Month alone, seasons, years, decades, fiscal years and quarters."""
    m = only(text, ref)
    assert (m.text, m.type, m.value) == (written, "DATE", value)


WSJ_DAY = dt.date(1989, 11, 2)  # a Thursday; companies report on the third quarter
LATER_PERIODS = [
    # years read aloud
    ("In nineteen ninety-six, a bomb went off.", MON, "nineteen ninety-six", "1996"),
    ("January nineteen ninety-seven. Atlanta again.", MON, "January nineteen ninety-seven",
     "1997-01"),
    ("the winter of nineteen ninety-four", MON, "the winter of nineteen ninety-four",
     "1994-WI"),
    ("by the year two thousand", MON, "the year two thousand", "2000"),
    ("until the year two thousand and five", MON, "the year two thousand and five", "2005"),
    ("It was built in nineteen oh five.", MON, "nineteen oh five", "1905"),
    # a month of a year named by its direction
    ("In June last year, the leaders split.", MON, "June last year", "2023-06"),
    ("It opens in March next year.", MON, "March next year", "2025-03"),
    ("It began in February this year.", OCT, "February this year", "2024-02"),
    # quarters and periods named by their year
    ("Sales in this year's third quarter fell.", OCT, "this year's third quarter", "2024-Q3"),
    ("as early as next year's first quarter", WSJ_DAY, "next year's first quarter",
     "1990-Q1"),
    ("up from last year's quarter", WSJ_DAY, "last year's quarter", "1988-Q3"),
    ("a charge in the 1988 second quarter", WSJ_DAY, "the 1988 second quarter", "1988-Q2"),
    # (with no period named before it, "the 1988 period" is the year: THE_YEAR_PERIOD)
    ("compared with the 1988 quarter", WSJ_DAY, "the 1988 quarter", "1988-Q3"),
    ("Profit rose in 2012's fourth quarter.", MON, "2012's fourth quarter", "2012-Q4"),
    ("Profit fell in fiscal 1988's second quarter.", WSJ_DAY, "fiscal 1988's second quarter",
     "1988-Q2"),
    ("up from 1988’s quarter", WSJ_DAY, "1988’s quarter", "1988-Q3"),
    # a fiscal quarter joined to "fiscal" by a hyphen, or after the fiscal year it is of
    ("net rose in the fiscal-first quarter", WSJ_DAY, "the fiscal-first quarter", "1989-Q1"),
    ("a loss in the fiscal 1990 first quarter", WSJ_DAY, "the fiscal 1990 first quarter",
     "1990-Q1"),
    ("Sales in the latest period rose.", WSJ_DAY, "the latest period", "1989-Q3"),
    # fiscal, full and current years
    ("sales in the current fiscal year", WSJ_DAY, "the current fiscal year", "1989"),
    ("sales in the latest fiscal year", WSJ_DAY, "the latest fiscal year", "1988"),
    ("Sales for the full year rose.", WSJ_DAY, "the full year", "1989"),
    ("lower earnings for the fiscal year", WSJ_DAY, "the fiscal year", "1989"),
    ("sales in the calendar year", WSJ_DAY, "the calendar year", "1989"),
    # a month in the past tense: the previous one even when four months farther
    ("He stepped down in March.", WSJ_DAY, "March", "1989-03"),
    ("KKR acquired RJR in February for $25 billion.", dt.date(1989, 10, 30), "February",
     "1989-02"),
]  # fmt: skip


FISCAL_YEARS = [
    # "FY" glued to its year, or apart; two digits are the century nearest the reference
    ("Revenue rose 8% in FY2024.", MON, "FY2024", "2024"),
    ("Revenue rose 8% in FY24.", MON, "FY24", "2024"),
    ("guidance for FY 2025 was cut", MON, "FY 2025", "2025"),
    ("as in FY99, sales fell", MON, "FY99", "1999"),
    ("the FY1998 budget", dt.date(1998, 3, 1), "FY1998", "1998"),
    # a fiscal year over two calendar years is named by the year it ends in (FY24 is
    # April 2023 to March 2024 where the year starts in April)
    ("the FY2024/25 budget", MON, "FY2024/25", "2025"),
    ("spending in FY2023-24 rose", MON, "FY2023-24", "2024"),
    ("spending in FY23/24 rose", MON, "FY23/24", "2024"),
    ("Profit rose in fiscal 2023-24.", MON, "fiscal 2023-24", "2024"),
    ("Profit rose in fiscal year 1999/2000.", MON, "fiscal year 1999/2000", "2000"),
    ("Tax paid in the 2023-24 financial year rose.", MON, "the 2023-24 financial year", "2024"),
    ("during the 2022/23 fiscal year", MON, "the 2022/23 fiscal year", "2023"),
    ("in the financial year 2023-24", MON, "the financial year 2023-24", "2024"),
    ("2019-20 financial year results", MON, "2019-20 financial year", "2020"),
    # on a page with no date the century of two digits is the one up to 2000's
    ("In FY24 the plan changed.", None, "FY24", "2024"),
]  # fmt: skip


@pytest.mark.parametrize(("text", "ref", "written", "value"), FISCAL_YEARS)
def test_fiscal_years(text: str, ref: dt.date | None, written: str, value: str) -> None:
    """'FY2024', 'FY24', 'FY2024/25', 'fiscal 2023-24', 'the 2023-24 financial year'."""
    assert summary(text, ref) == [(written, "DATE", value)]


NOT_FISCAL_YEARS = [
    # "fy" in lower case, a year range that is no fiscal year, a word ending in "FY"
    ("the fy2024 draft", MON, []),
    ("the 2023-25 financial plan", MON, [("2023", "DATE", "2023")]),
    ("Shares of SCFY2024 rose", MON, []),
    ("FY2024A flight", MON, []),
]  # fmt: skip


@pytest.mark.parametrize(("text", "ref", "expected"), NOT_FISCAL_YEARS)
def test_not_fiscal_years(text: str, ref: dt.date, expected: list[tuple[str, str, str]]) -> None:
    """'fy' in lower case and glued forms are no fiscal year."""
    assert summary(text, ref) == expected


@pytest.mark.parametrize(("text", "ref", "written", "value"), LATER_PERIODS)
def test_spelled_years_named_years_and_reported_periods(
    text: str, ref: dt.date, written: str, value: str
) -> None:
    """Years read aloud, 'June last year', 'this year's third quarter', fiscal years."""
    assert summary(text, ref) == [(written, "DATE", value)]


FRONTED_MONTHS = [
    # a month opening its sentence, with a past verb after it: the verb is the month's
    # own, so the previous one, however much farther than the next (four months, as
    # in the past tense elsewhere)
    ("In January, the board hired a new chief.", OCT, [("January", "DATE", "2024-01")]),
    ("In December, the mayor resigned.", OCT, [("December", "DATE", "2023-12")]),
    ("By February, the firm had repaid the loan.", dt.date(2024, 11, 20),
     [("February", "DATE", "2024-02")]),
    ("In late March, the talks collapsed.", dt.date(2024, 12, 2),
     [("late March", "DATE", "2024-03")]),
    ("January was the wettest month on record.", OCT, [("January", "DATE", "2024-01")]),
    ("“In January, we lost the vote,” she said.", OCT, [("January", "DATE", "2024-01")]),
    # a month-day likewise, however near the next one is
    ("On Oct. 30, the board met.", OCT, [("Oct. 30", "DATE", "2023-10-30")]),
    ("On 24 January, police said the road was shut.", dt.date(2024, 1, 6),
     [("24 January", "DATE", "2023-01-24")]),
    # not opening it, in another tense or with no cue: as before
    ("Traders price a rate cut in September, up from 70% yesterday.", dt.date(2024, 7, 11),
     [("September", "DATE", "2024-09"), ("yesterday", "DATE", "2024-07-10")]),
    ("The company said it would open a plant in January.", OCT,
     [("January", "DATE", "2025-01")]),
    ("In January, the company will open a plant.", OCT, [("January", "DATE", "2025-01")]),
    ("In January, prices rise.", OCT, [("January", "DATE", "2025-01")]),
    ("On Oct. 30, the board will meet.", OCT, [("Oct. 30", "DATE", "2024-10-30")]),
]  # fmt: skip


@pytest.mark.parametrize(("text", "ref", "expected"), FRONTED_MONTHS)
def test_a_month_opening_a_past_sentence_is_the_previous_one(
    text: str, ref: dt.date, expected: list[tuple[str, str, str]]
) -> None:
    """A month opening a past sentence ("In January, the board hired ...") is the previous one."""
    assert summary(text, ref) == expected


NOT_YEARS_ALOUD = [
    "nineteen people died",
    "twenty years",
    "two thousand protesters marched",
]


@pytest.mark.parametrize("text", NOT_YEARS_ALOUD)
def test_counts_read_aloud_are_no_years(text: str) -> None:
    """Number words that count people or years are no year."""
    assert all(m.type != "DATE" for m in find_mentions(text, MON))


PERIOD_KINDS = [
    ("For the year ended Sept. 30, it earned more.", WSJ_DAY,
     [("the year", "DURATION", "P1Y"), ("Sept. 30", "DATE", "1989-09-30")]),
    ("a loss for the fiscal year ending June 30", WSJ_DAY,
     [("the fiscal year", "DURATION", "P1Y"), ("June 30", "DATE", "1989-06-30")]),
    ("for the financial year ending in March", WSJ_DAY,
     [("the financial year", "DURATION", "P1Y"), ("March", "DATE", "1990-03")]),
    ("for the quarter ended Sept. 30", WSJ_DAY,
     [("the quarter", "DATE", "1989-Q3"), ("Sept. 30", "DATE", "1989-09-30")]),
    ("Its stake grew in recent years.", MON, [("recent years", "DATE", "PAST_REF")]),
    ("Its stake grew in recent months.", MON, [("recent months", "DURATION", "PXM")]),
    ("There were sell programs in past years, too.", MON, [("past years", "DATE", "PAST_REF")]),
    ("It hurts market makers more these days.", MON, [("these days", "DATE", "PRESENT_REF")]),
    ("an offering in the near future", MON, [("the near future", "DATE", "FUTURE_REF")]),
    # "the near term", "the short term", "the long term": times to come, as "the near future"
    ("We see no relief in the near term.", MON, [("the near term", "DATE", "FUTURE_REF")]),
    ("Cuts will help in the short term.", OCT, [("the short term", "DATE", "FUTURE_REF")]),
    ("Over the long term, shares outperform.", YEAR_END,
     [("the long term", "DATE", "FUTURE_REF")]),
    # a loan's term, or a term as an adjective, is no time
    ("The long term of the loan is a risk.", MON, []),
    ("It cut short-term debt and long-term costs.", MON, []),
    ("He served a short term in office.", MON, []),
    ("It is the only outlet now that a noose has tightened.", MON,
     [("now", "DATE", "PRESENT_REF")]),
    ("They indicated in the past that they could deploy.", MON, [("the past", "DATE", "PAST_REF")]),
    ("In the past a man could vote.", MON, [("the past", "DATE", "PAST_REF")]),
    ("In the past, two men ran it.", LEAP, [("the past", "DATE", "PAST_REF")]),
    ("They won in the past two years.", YEAR_END,
     [("the past two years", "DURATION", "P2Y")]),
    ("a dividend rate of $1.76 a year", MON, [("a year", "SET", "P1Y")]),
    ("It will add 700 seats a week.", MON, [("a week", "SET", "P1W")]),
    ("four flights a week", MON, [("a week", "SET", "P1W")]),
    # a percentage's rate is a rate of change, no rate of an amount (seventeenth round)
    ("profits rose 20% a year", MON, []),
    ("It took a year.", MON, [("a year", "DURATION", "P1Y")]),
    ("They stayed a week.", MON, [("a week", "DURATION", "P1W")]),
]  # fmt: skip


CENTURIES_AND_FRACTIONS = [
    ("She is a 20th century democrat.", [("20th century", "DATE", "19")]),
    ("the fabled 11th century temple", [("11th century", "DATE", "10")]),
    ("events of the 20th century.", [("the 20th century", "DATE", "19")]),
    ("in the early nineteenth century", [("the early nineteenth century", "DATE", "18")]),
    ("in the twenty-first century", [("the twenty-first century", "DATE", "20")]),
    ("camps for 2 1/2 years.", [("2 1/2 years", "DURATION", "P2Y6M")]),
    ("about 5 1/2 hours in Nairobi", [("about 5 1/2 hours", "DURATION", "PT5H30M")]),
    ("for 1.5 days", [("1.5 days", "DURATION", "P1DT12H")]),
    ("for 1.5 years", [("1.5 years", "DURATION", "P1Y6M")]),
    ("for 2.5 minutes", [("2.5 minutes", "DURATION", "PT2M30S")]),
    ("for 1.5 weeks", [("1.5 weeks", "DURATION", "P10D")]),
    ("for half a day", [("half a day", "DURATION", "PT12H")]),
    # an uncounted number of decades is some years, as two decades are P20Y
    ("the decades-long embargo", [("decades-long", "DURATION", "PXY")]),
    ("for several decades", [("several decades", "DURATION", "PXY")]),
]


@pytest.mark.parametrize(("text", "expected"), CENTURIES_AND_FRACTIONS)
def test_ordinal_centuries_and_fractional_durations(
    text: str, expected: list[tuple[str, str, str]]
) -> None:
    """'the 20th century' is 19; '2 1/2 years' is P2Y6M, whole units then the rest."""
    assert summary(text, MON) == expected


APPROXIMATORS = [
    # an approximator before a count is inside the extent, as TimeML's mod
    ("The war lasted nearly forty years.", MON,
     [("nearly forty years", "DURATION", "P40Y", "LESS_THAN")]),
    ("He can be held for up to 180 days.", MON,
     [("up to 180 days", "DURATION", "P180D", "EQUAL_OR_LESS")]),
    ("It stood for almost a hundred years.", MON,
     [("almost a hundred years", "DURATION", "P100Y", "LESS_THAN")]),
    ("for more than two thousand years", MON,
     [("more than two thousand years", "DURATION", "P2000Y", "MORE_THAN")]),
    ("It took less than one hour.", MON, [("less than one hour", "DURATION", "PT1H", "LESS_THAN")]),
    ("It took fewer than ten days.", MON,
     [("fewer than ten days", "DURATION", "P10D", "LESS_THAN")]),
    ("a stay of no more than sixty days", MON,
     [("no more than sixty days", "DURATION", "P60D", "EQUAL_OR_LESS")]),
    ("a wait of at least 30 days", MON,
     [("at least 30 days", "DURATION", "P30D", "EQUAL_OR_MORE")]),
    ("at least 20 more years", MON,
     [("at least 20 more years", "DURATION", "P20Y", "EQUAL_OR_MORE")]),
    ("spent about five hours there", MON, [("about five hours", "DURATION", "PT5H", "APPROX")]),
    ("for roughly two weeks", MON, [("roughly two weeks", "DURATION", "P2W", "APPROX")]),
    ("over the next two years or so", MON,
     [("the next two years or so", "DURATION", "P2Y", "APPROX")]),
    ("for a week or so", MON, [("a week or so", "DURATION", "P1W", "APPROX")]),
    # a point counted back: "more than" is before it, "nearly" after it
    ("It began about two years ago.", MON, [("about two years ago", "DATE", "2022", "APPROX")]),
    ("It began nearly four years ago.", MON, [("nearly four years ago", "DATE", "2020", "AFTER")]),
    ("It began more than four decades ago.", MON,
     [("more than four decades ago", "DATE", "198", "BEFORE")]),
    ("It began at least a week ago.", MON,
     [("at least a week ago", "DATE", "2024-W03", "ON_OR_BEFORE")]),
    ("It will end more than a year from now.", MON,
     [("more than a year from now", "DATE", "2025", "AFTER")]),
    ("a week or so ago", MON, [("a week or so ago", "DATE", "2024-W03", "APPROX")]),
    ("They will return in about three days.", MON,
     [("about three days", "DATE", "2024-01-25", "APPROX")]),
    ("The plant closes over the next year or so.", WSJ_DAY,
     [("the next year or so", "DATE", "1990", "APPROX")]),
    # a clock time is about, or around, a time
    ("It exploded around 7:15 p.m.", MON,
     [("around 7:15 p.m.", "TIME", "2024-01-22T19:15", "APPROX")]),
    # "around" a date or a holiday is about it ("the year-end" keeps its END)
    ("The offer closes around Nov. 1.", WSJ_DAY,
     [("around Nov. 1", "DATE", "1989-11-01", "APPROX")]),
    ("They fly home around Christmas.", WSJ_DAY,
     [("around Christmas", "DATE", "1989-12-25", "APPROX")]),
    ("The deal is expected to close around year end.", WSJ_DAY,
     [("around year end", "DATE", "1989", "END")]),
    # "or later", "and beyond", "or earlier" after a year: on or after it, on or before it
    ("It won't be profitable until 1994 or later.", WSJ_DAY,
     [("1994 or later", "DATE", "1994", "ON_OR_AFTER")]),
    ("earnings for 1990 and beyond", WSJ_DAY, [("1990 and beyond", "DATE", "1990", "ON_OR_AFTER")]),
    ("built in 1975 or earlier", WSJ_DAY, [("1975 or earlier", "DATE", "1975", "ON_OR_BEFORE")]),
    ("in 1990 or later years", WSJ_DAY,
     [("1990", "DATE", "1990", None), ("years", "DURATION", "PXY", None)]),
    # "about", "around" as prepositions, and "over" (as often "during"), stay outside
    ("They worried about the future.", MON, [("the future", "DATE", "FUTURE_REF", None)]),
    ("They talked about today.", MON, [("today", "DATE", "2024-01-22", None)]),
    ("ways to get around Wednesday's ruling", MON, [("Wednesday", "DATE", "2024-01-17", None)]),
    ("He died just over an hour later.", MON, [("an hour", "DURATION", "PT1H", None)]),
    ("to be spread over three years", MON, [("three years", "DURATION", "P3Y", None)]),
    ("a crowd of about 300 people", MON, []),
]  # fmt: skip


@pytest.mark.parametrize(("text", "ref", "expected"), APPROXIMATORS)
def test_approximators_are_inside_with_a_mod(
    text: str, ref: dt.date, expected: list[tuple[str, str, str, str | None]]
) -> None:
    """'nearly', 'about', 'more than', 'at least', 'up to' and 'or so' around a count
    (and 'about' or 'around' before a clock time) belong to the expression, as its mod."""
    assert [(m.text, m.type, m.value, m.mod) for m in find_mentions(text, ref)] == expected


def test_the_end_of_a_period_carries_mod_end() -> None:
    """'year-end' and 'the end of the month' are the period with mod END."""
    assert [m.mod for m in find_mentions("by year-end and the end of the month", MON)] == [
        "END",
        "END",
    ]


DECADE_AND_CENTURY_ENDS = [
    # the reference's own decade or century, with the part of it named
    ("The plant closes by the end of the decade.", "the end of the decade", "201", "END"),
    ("Seas will rise by the end of the century.", "the end of the century", "20", "END"),
    ("It began at the start of the century.", "the start of the century", "20", "START"),
    ("Seas will rise by the end of this century.", "the end of this century", "20", "END"),
    ("Temperatures peak late this century.", "late this century", "20", "END"),
]


@pytest.mark.parametrize(("text", "written", "value", "mod"), DECADE_AND_CENTURY_ENDS)
def test_decade_and_century_ends(text: str, written: str, value: str, mod: str) -> None:
    """'the end of the decade' is the reference's decade, 'late this century' its century,
    each with its mod (the century's was lost)."""
    m = only(text, dt.date(2013, 3, 22))
    assert (m.text, m.value, m.mod) == (written, value, mod)


def test_the_decade_after_an_event_is_none() -> None:
    """'the decade after the war' is no decade of the reference's."""
    assert summary("in the decade after the war", dt.date(2013, 3, 22)) == []


def test_century_carries_its_modifier_and_interval() -> None:
    """'the late 19th century' is 18 with mod END, from 1800 to 1900."""
    m = only("in the late 19th century,", MON)
    assert (m.value, m.mod, m.granularity) == ("18", "END", "century")
    assert (m.start, m.end) == (
        dt.datetime(1800, 1, 1, tzinfo=dt.UTC),
        dt.datetime(1900, 1, 1, tzinfo=dt.UTC),
    )


WEEK_FORMS = [
    ("He visits on Mondays.", [("Mondays", "SET", "XXXX-WXX-1")]),
    ("Flights leave on Tuesday nights.", [("Tuesday nights", "SET", "XXXX-WXX-2TNI")]),
    # a plural part of the day after two joined weekdays is both days': each is a set
    (
        "Flights leave on Monday and Tuesday nights.",
        [("Monday", "SET", "XXXX-WXX-1TNI"), ("Tuesday nights", "SET", "XXXX-WXX-2TNI")],
    ),
    (
        "Classes meet on Monday or Friday evenings.",
        [("Monday", "SET", "XXXX-WXX-1TEV"), ("Friday evenings", "SET", "XXXX-WXX-5TEV")],
    ),
    (
        "The shop opens Saturday and Sundays.",
        [("Saturday", "SET", "XXXX-WXX-6"), ("Sundays", "SET", "XXXX-WXX-7")],
    ),
    (
        "They met on Monday and Tuesday night.",
        [("Monday", "DATE", "2024-02-26"), ("Tuesday night", "TIME", "2024-02-27TNI")],
    ),
    ("a hearing the week of March 6, he said", [("the week of March 6", "DATE", "2024-W10")]),
    ("the week of Oct. 23, 1998", [("the week of Oct. 23, 1998", "DATE", "1998-W43")]),
    # the nth or last week of a month: its days 1 to 7, 8 to 14... or its last seven,
    # the ISO week that holds most of them (the one holding the fourth of those days)
    ("in the first week of April", [("the first week of April", "DATE", "2024-W14")]),
    ("in the last week of March", [("the last week of March", "DATE", "2024-W13")]),
    ("the second week of January 2025", [("the second week of January 2025", "DATE", "2025-W02")]),
    ("the final week of December 2023", [("the final week of December 2023", "DATE", "2023-W52")]),
]


@pytest.mark.parametrize(("text", "expected"), WEEK_FORMS)
def test_plural_weekdays_and_the_week_of(text: str, expected: list[tuple[str, str, str]]) -> None:
    """'Mondays' and 'Tuesday nights' are sets; 'the week of March 6' is that ISO week."""
    assert summary(text, LEAP) == expected


def test_week_of_a_month_without_a_reference() -> None:
    """'the first week of April' with no reference is some week: 'XXXX-WXX'."""
    assert summary("the first week of April", None) == [
        ("the first week of April", "DATE", "XXXX-WXX")
    ]


def test_plural_weekday_raised_key_error() -> None:
    """Regression: 'Mondays' raised a KeyError out of find_mentions."""
    assert [m.value for m in find_mentions("Mondays and Fridays", None)] == [
        "XXXX-WXX-1",
        "XXXX-WXX-5",
    ]


@pytest.mark.parametrize(("text", "ref", "expected"), PERIOD_KINDS)
def test_periods_rates_and_vague_pasts(
    text: str, ref: dt.date, expected: list[tuple[str, str, str]]
) -> None:
    """'the year ended' is a year-long period, 'recent years' the past, '$1 a year' a rate."""
    assert summary(text, ref) == expected


# words with no date, to put a clue out of reach of a narrow look-back (about 400 characters)
_FILLER = " The company also cited interest costs and other charges as factors." * 6 + " "

# TimeML conventions of news annotation, one row per rule (text, reference, mentions)
CONVENTIONS = [
    # "N units later" counts from a time the story names: the length is marked
    ("Three days later, the index fell.", WSJ_DAY, [("Three days", "DURATION", "P3D")]),
    ("A few days later, it sold.", WSJ_DAY, [("A few days", "DURATION", "PXD")]),
    ("He died just over an hour later.", MON, [("an hour", "DURATION", "PT1H")]),
    ("But a minute and a half later, a pilot called.", MON,
     [("a minute and a half", "DURATION", "PT1M30S")]),
    ("for an hour and a half", MON, [("an hour and a half", "DURATION", "PT1H30M")]),
    # the reported quarter a year back, named in one expression
    ("$1.8 million for the corresponding period last year.", WSJ_DAY,
     [("the corresponding period last year", "DATE", "1988-Q3")]),
    ("For the quarter a year ago, it earned more.", WSJ_DAY,
     [("the quarter a year ago", "DATE", "1988-Q3")]),
    ("In the comparable year-ago quarter, it lost.", WSJ_DAY,
     [("the comparable year-ago quarter", "DATE", "1988-Q3")]),
    ("Net for the year-earlier nine months included a gain.", WSJ_DAY,
     [("the year-earlier nine months", "DURATION", "P9M")]),
    # "a year ago" in a report compares the last period the text names before it, however
    # far back: a quarter (the reported one when not named), not a longer span
    ("It had a third-quarter loss." + _FILLER + "A year earlier, it earned $2 million.",
     WSJ_DAY, [("third-quarter", "DATE", "1989-Q3"), ("A year earlier", "DATE", "1988-Q3")]),
    ("Sales fell in the quarter." + _FILLER + "Costs were higher than a year ago.", MON,
     [("the quarter", "DATE", "2023-Q4"), ("a year ago", "DATE", "2022-Q4")]),
    ("Profit rose in the third quarter. For the nine months, net was $9 million, up from $5"
     " million a year earlier.", WSJ_DAY,
     [("the third quarter", "DATE", "1989-Q3"), ("the nine months", "DURATION", "P9M"),
      ("a year earlier", "DATE", "1988")]),
    ("Profit rose in the fourth quarter. In the first half, net rose from a year ago.", NEW_YEAR,
     [("the fourth quarter", "DATE", "2023-Q4"), ("a year ago", "DATE", "2023")]),
    # a year that qualifies a plural noun after "the" is a year, not a count
    ("leaders who led the 1992 protests", MON, [("1992", "DATE", "1992")]),
    ("ahead of the 2016 elections", MON, [("2016", "DATE", "2016")]),
    # a holiday's week is the ISO week that holds it
    ("Protesters prayed as Easter week began.", dt.date(2000, 4, 17),
     [("Easter week", "DATE", "2000-W16")]),
    # a clock time's day named after an aside
    ("The blast came at about 10:35 a.m. (0735 GMT) Friday.", dt.date(1998, 8, 8),
     [("about 10:35 a.m.", "TIME", "1998-08-07T10:35"), ("Friday", "DATE", "1998-08-07")]),
    # halves of a year
    ("lower earnings for the last half of 1989", WSJ_DAY,
     [("the last half of 1989", "DATE", "1989-H2")]),
    ("through at least the first two quarters of 1990", WSJ_DAY,
     [("the first two quarters of 1990", "DATE", "1990-H1")]),
    ("Sales should rise in the second half of next year.", WSJ_DAY,
     [("the second half of next year", "DATE", "1990-H2")]),
    ("Sales rose in the first half of the year.", NEW_YEAR,
     [("the first half of the year", "DATE", "2024-H1")]),
    ("The stock rose in the latter half of the year.", YEAR_END,
     [("the latter half of the year", "DATE", "2023-H2")]),
    ("Costs fell in the latter half of 1989.", WSJ_DAY,
     [("the latter half of 1989", "DATE", "1989-H2")]),
    ("The first half of the year was weak.", None,
     [("The first half of the year", "DATE", "XXXX-H1")]),
    # a half written as in earnings reports; "H1" alone or in a name is no half
    ("Sales rose in H1 2024 and fell in H2 2023.", NEW_YEAR,
     [("H1 2024", "DATE", "2024-H1"), ("H2 2023", "DATE", "2023-H2")]),
    ("Sales rose in H1 and the H1 2 protein.", NEW_YEAR, []),
    # the end of a period: its value, with mod END
    ("The deal should close by year-end.", WSJ_DAY, [("year-end", "DATE", "1989")]),
    ("The index has risen 5% since year-end.", WSJ_DAY, [("year-end", "DATE", "1988")]),
    ("in place by year's end", WSJ_DAY, [("year's end", "DATE", "1989")]),
    ("a $500 million cut by the end of the year", WSJ_DAY,
     [("the end of the year", "DATE", "1989")]),
    ("mailing begins at the end of this week", WSJ_DAY,
     [("the end of this week", "DATE", "1989-W44")]),
    # counted from the last date the text names, when it is precise enough
    ("On May 22, 1995, he was promoted, and the following year he left.", MON,
     [("May 22, 1995", "DATE", "1995-05-22"), ("the following year", "DATE", "1996")]),
    ("He fled in June 1998 and returned later that year.", MON,
     [("June 1998", "DATE", "1998-06"), ("later that year", "DATE", "1998")]),
    # "that day" after a month or a year is a day of it the text does not give
    ("He was killed last October. It was crossed out that same day.", dt.date(1999, 2, 6),
     [("last October", "DATE", "1998-10"), ("that same day", "DATE", "1998-10-XX")]),
    ("They met in December. Later that day a deal was signed.", NEW_YEAR,
     [("December", "DATE", "2023-12"), ("Later that day", "DATE", "2023-12-XX")]),
    ("He left in 2023. Earlier that day, the border closed.", LEAP,
     [("2023", "DATE", "2023"), ("Earlier that day", "DATE", "2023-XX-XX")]),
    ("In July he voted, and the same day he resigned.", OCT,
     [("July", "DATE", "2024-07"), ("the same day", "DATE", "2024-07-XX")]),
    ("It was sold in March. The following month, it closed.", WSJ_DAY,
     [("March", "DATE", "1989-03"), ("The following month", "DATE", "1989-04")]),
    ("Shares fell Friday, down from the previous Friday.", WSJ_DAY,
     [("Friday", "DATE", "1989-10-27"), ("the previous Friday", "DATE", "1989-10-20")]),
    # "following" without "the" is a preposition: "following Tuesday's vote" is last Tuesday's
    ("Following Tuesday's election, the party split.", WSJ_DAY,
     [("Tuesday", "DATE", "1989-10-31")]),
    ("Prices fell Friday. Buyers came in the morning.", WSJ_DAY,
     [("Friday", "DATE", "1989-10-27"), ("the morning", "TIME", "1989-10-27TMO")]),
    ("Missiles struck overnight. In the morning, sirens sounded.", MON,
     [("overnight", "TIME", "2024-01-21TNI"), ("the morning", "TIME", "2024-01-22TMO")]),
    ("In 1995 it grew, and the following month it shrank.", MON,
     [("1995", "DATE", "1995"), ("the following month", "DATE", "2024-02")]),
    ("Watch imports rose that year.", WSJ_DAY, [("that year", "DATE", "1989")]),
    ("They met the next morning.", MON, [("the next morning", "TIME", "2024-01-23TMO")]),
    # "the night before", "the morning after" ending a clause: that part of the day
    # before or after, as "the day before" is the day
    ("It had rained the night before.", MON, [("the night before", "TIME", "2024-01-21TNI")]),
    # "the previous night", "the preceding evening": that part of the day before, as
    # "the next morning" is the day after's
    ("It had rained the previous night.", MON, [("the previous night", "TIME", "2024-01-21TNI")]),
    ("The vote was on Jan. 10. The preceding evening, crowds gathered.", MON,
     [("Jan. 10", "DATE", "2024-01-10"), ("The preceding evening", "TIME", "2024-01-09TEV")]),
    ("Talks had stalled the previous afternoon.", MON,
     [("the previous afternoon", "TIME", "2024-01-21TAF")]),
    # "the summer months" are the season, no count of months; "fall months later" is none
    ("Sales slow during the winter months.", MON, [("the winter months", "DATE", "2023-WI")]),
    ("It was dry in the summer months of 2022.", MON,
     [("the summer months of 2022", "DATE", "2022-SU")]),
    ("Prices fall months later.", MON, [("months", "DURATION", "PXM")]),
    # "preceding" after "the" is "previous": a month, week, weekday or count of units
    # before the last date named (else the reference's)
    ("Sales fell 3% from the preceding month.", WSJ_DAY,
     [("the preceding month", "DATE", "1989-10")]),
    ("It opened on Jan. 10. The preceding week had been calm.", MON,
     [("Jan. 10", "DATE", "2024-01-10"), ("The preceding week", "DATE", "2024-W01")]),
    ("Shares fell Friday, down from the preceding Friday.", WSJ_DAY,
     [("Friday", "DATE", "1989-10-27"), ("the preceding Friday", "DATE", "1989-10-20")]),
    ("Sales fell over the preceding three months.", MON,
     [("the preceding three months", "DURATION", "P3M")]),
    ("The vote was on Jan. 10. The morning after, crowds gathered.", MON,
     [("Jan. 10", "DATE", "2024-01-10"), ("The morning after", "TIME", "2024-01-11TMO")]),
    ("Shelling resumed mid-afternoon yesterday.", MON,
     [("mid-afternoon yesterday", "TIME", "2024-01-21TAF")]),
    # "overnight Saturday" is the night of that Saturday, one expression
    ("The storm struck overnight Saturday.", MON,
     [("overnight Saturday", "TIME", "2024-01-20TNI")]),
    ("Rebels attacked overnight Sunday, officials said.", NEW_YEAR,
     [("overnight Sunday", "TIME", "2023-12-31TNI")]),
    ("Shelling went on overnight. Saturday was calm.", MON,
     [("overnight", "TIME", "2024-01-21TNI"), ("Saturday", "DATE", "2024-01-20")]),
    ("He was held in the early hours of Sunday.", MON, [("Sunday", "DATE", "2024-01-21")]),
    ("They waited for hours.", MON, [("hours", "DURATION", "PTXH")]),
    ("Moscow ruled it for centuries.", MON, [("centuries", "DURATION", "PXY")]),
    # a count above one before a singular unit is a compound: "the" is the noun's
    ("during the two day summit", MON, [("two day", "DURATION", "P2D")]),
    ("the three year plan", MON, [("three year", "DURATION", "P3Y")]),
    ("in the two days since", MON, [("the two days", "DURATION", "P2D")]),
    # two vague counts joined are one vague length, in the first unit
    ("He died within weeks or months of his capture.", MON,
     [("weeks or months", "DURATION", "PXW")]),
    ("Funds in recent weeks and months sold bonds.", MON,
     [("recent weeks and months", "DURATION", "PXW")]),
    # "the week's": the possessive of the anchor's week ("the year's end" is its end)
    ("It was the week's most active session.", WSJ_DAY, [("the week", "DATE", "1989-W44")]),
    ("the year’s best film", WSJ_DAY, [("the year", "DATE", "1989")]),
    ("in place by the year's end", WSJ_DAY, [("the year's end", "DATE", "1989")]),
    # "that day" alone is as often no date ("trades made that day"); a date owns its night
    ("Trades made that day lost money.", MON, []),
    # "the day before" an event the sentence names is that event's eve, not the reference's
    ("It rained the day before yesterday.", MON,
     [("the day before yesterday", "DATE", "2024-01-20")]),
    ("We fly the day after tomorrow.", YEAR_END,
     [("the day after tomorrow", "DATE", "2024-01-02")]),
    ("He was last seen Oct. 3, the day before police issued a warrant.", WSJ_DAY,
     [("Oct. 3", "DATE", "1989-10-03")]),
    ("She toured the port later in the day before flying home.", LEAP, []),
    ("Prices fell the day before and rose today.", NEW_YEAR,
     [("the day before", "DATE", "2023-12-31"), ("today", "DATE", "2024-01-01")]),
    ("Prices rose the day after.", FEB_28, [("the day after", "DATE", "2024-02-29")]),
    ("Sales had risen the year before.", MON, [("the year before", "DATE", "2023")]),
    ("It had fallen the week before; now it rose.", NEW_YEAR,
     [("the week before", "DATE", "2023-W52"), ("now", "DATE", "PRESENT_REF")]),
    # a dated weekday with no reference keeps the day and month
    ("Thursday 14 March", None, [("Thursday 14 March", "DATE", "XXXX-03-14")]),
    ("at 10pm on 7 may be late", MON, [("10pm", "TIME", "2024-01-22T22:00")]),
    # "prior" is "previous": the one before the reference, or before the date named last
    ("Profit fell from the prior year.", NEW_YEAR, [("the prior year", "DATE", "2023")]),
    ("Sales rose 5% from the prior quarter.", MON, [("the prior quarter", "DATE", "2023-Q4")]),
    ("He had met her the prior day.", NEW_YEAR, [("the prior day", "DATE", "2023-12-31")]),
    ("On May 22, 1995, he was promoted; the prior year he had left.", MON,
     [("May 22, 1995", "DATE", "1995-05-22"), ("the prior year", "DATE", "1994")]),
    ("Prior to the vote, he left.", MON, []),
    # "last" after a modal verb or "to" is the verb: the length alone is the expression
    ("The mission will last 18 months.", MON, [("18 months", "DURATION", "P18M")]),
    ("The trial is expected to last several weeks.", LEAP,
     [("several weeks", "DURATION", "PXW")]),
    ("It won't last two days.", NEW_YEAR, [("two days", "DURATION", "P2D")]),
    ("Prices rose in the last two years.", MON, [("the last two years", "DURATION", "P2Y")]),
    ("Prices rose over last three years.", MON, [("last three years", "DURATION", "P3Y")]),
    # "one day" after a modal verb is some day to come; elsewhere a length
    ("Islam will one day be the second faith.", MON, [("one day", "DATE", "FUTURE_REF")]),
    ("He had been in the job one day.", MON, [("one day", "DURATION", "P1D")]),
    ("They will one day later return.", MON, [("one day", "DURATION", "P1D")]),
    # the same words opening a sentence or a heading are times
    ('He said: "This Week will tell."', MON, [("This Week", "DATE", "2024-W04")]),
    ("Today, talks resume.", MON, [("Today", "DATE", "2024-01-22")]),
    ("Russian Strikes Hit Kyiv Overnight", MON, [("Overnight", "TIME", "2024-01-21TNI")]),
    ('He said, "Tonight we move."', MON, [("Tonight", "TIME", "2024-01-22TNI")]),
    ('He said "Tonight." and left.', MON, [("Tonight", "TIME", "2024-01-22TNI")]),
    ("He was shot on the night of Oct. 23.", WSJ_DAY, [("Oct. 23", "DATE", "1989-10-23")]),
]  # fmt: skip


@pytest.mark.parametrize(("text", "ref", "expected"), CONVENTIONS)
def test_timeml_conventions(text: str, ref: dt.date, expected: list[tuple[str, str, str]]) -> None:
    """Forms whose TIMEX3 value follows an annotation convention rather than the anchor."""
    assert summary(text, ref) == expected


TENSE_CUES = [
    # a future cue: "as soon as", "as early as", "planning to", "planned to"
    ("The father could arrive as soon as Tuesday.", MON, "Tuesday", "2024-01-23"),
    ("He could come as early as Tuesday.", MON, "Tuesday", "2024-01-23"),
    ("They were planning to march on Thursday.", MON, "Thursday", "2024-01-25"),
    ("The team planned to leave on Thursday.", MON, "Thursday", "2024-01-25"),
    # "due on", "due by" and "must" look ahead too; "was due on", "must have" do not
    ("A decision is due on Thursday.", MON, "Thursday", "2024-01-25"),
    ("Results are due by Thursday.", MON, "Thursday", "2024-01-25"),
    ("The deal must be signed by Friday.", MON, "Friday", "2024-01-26"),
    ("The report was due on Thursday.", MON, "Thursday", "2024-01-18"),
    ("It must have happened on Thursday.", MON, "Thursday", "2024-01-18"),
    # "due to" before a verb looks ahead, unless it was due ("been", "was", "were")
    ("The vote is due to take place on Friday.", LEAP, "Friday", "2024-03-01"),
    ("Talks are due to resume in March.", OCT, "March", "2025-03"),
    ("It had been due to expire Friday.", NEW_YEAR, "Friday", "2023-12-29"),
    ("The delay was due to a storm on Friday.", MON, "Friday", "2024-01-19"),
    # a passive participle tells no tense ("could be located" is no future); "could
    # not" is a past cue
    ("His parents could not be located on Thursday.", MON, "Thursday", "2024-01-18"),
    ("The pilot couldn't land on Thursday.", MON, "Thursday", "2024-01-18"),
    # an irregular verb in the simple past is a past cue, as one in -ed
    ("Its shares fell to $29 in March.", dt.date(1989, 10, 26), "March", "1989-03"),
    ("Bugs made it hard to meet demand well into the summer.", dt.date(1989, 10, 26),
     "the summer", "1989-SU"),
    ("Shares trade at $29 in March.", dt.date(1989, 10, 26), "March", "1990-03"),
    # a participle after "been" or "being" is no cue either: "had" decides
    ("The offer had been scheduled to expire Friday.", MON, "Friday", "2024-01-19"),
    # and after "be" it is a passive participle, no cue: "will" decides
    ("The vote will be held in March.", dt.date(1989, 10, 26), "March", "1990-03"),
    ("It will soon be sold, in March.", dt.date(1989, 10, 26), "March", "1990-03"),
    # after "stay" or "remain" a participle is an adjective, no cue: "will" decides
    ("The museum will remain closed on Thursday.", MON, "Thursday", "2024-01-25"),
    ("The border will stay shut until Friday.", LEAP, "Friday", "2024-03-01"),
    ("The road remains blocked until March.", OCT, "March", "2025-03"),
    ("Schools will stay closed in March.", dt.date(1989, 10, 26), "March", "1990-03"),
    # "remained" is itself a past verb
    ("The road remained blocked on Thursday.", MON, "Thursday", "2024-01-18"),
    # "should" looks ahead as "must" does; "should have" does not
    ("Officials said the rules, which were drafted in haste, should be in force by March.",
     OCT, "March", "2025-03"),
    ("Prices should fall on Thursday, a trader said.", MON, "Thursday", "2024-01-25"),
    ("The rules should have been in force by March, officials said.", OCT, "March",
     "2024-03"),
    # the verb of a long sentence is read however far before the date it ends with
    ("The company's shares rose sharply on rumours of a takeover bid by a rival group of"
     " investors from abroad, to a high of $42 a share from $29.75 in March.", OCT,
     "March", "2024-03"),
    ("Ministers from both sides of the border met in the capital for a long round of talks"
     " about trade, fishing rights and the power-sharing deal on Thursday.", MON,
     "Thursday", "2024-01-18"),
    # the verb before the expression wins over a participle after it
    ("Flights will double by August in the search for markets untouched by it.",
     dt.date(1998, 2, 13), "August", "1998-08"),
    # "since" looks back: the previous Oct. 23, though the next one is nearer
    ("Police have been searching for him since the Oct. 23 shooting.",
     dt.date(1999, 5, 6), "Oct. 23", "1998-10-23"),
    # a period that "ended" on a date is over: the previous occurrence, however far
    ("In its fiscal period ended Jan. 31, sales rose.", WSJ_DAY, "Jan. 31", "1989-01-31"),
    ("The strike ended on Nov. 30.", WSJ_DAY, "Nov. 30", "1988-11-30"),
    ("The offer ended in December.", WSJ_DAY, "December", "1988-12"),
    ("The deadline was extended Nov. 30.", WSJ_DAY, "Nov. 30", "1989-11-30"),
    # a month-day naming an event after "the" is the nearest one, whatever the tense
    ("Aid would flow after the Aug. 7 bombings.", dt.date(1998, 8, 18), "Aug. 7", "1998-08-07"),
    ("They will miss the Jan. 14 deadline.", dt.date(2000, 1, 6), "Jan. 14", "2000-01-14"),
    ("Aid would flow after Aug. 7.", dt.date(1998, 8, 18), "Aug. 7", "1999-08-07"),
    # a capitalised word inside a sentence is a name, no verb: "the United States",
    # "Manchester United", "the Associated Press", "Mohammed"; the first word of a
    # sentence still counts
    ("The minister will fly to the United States on Thursday.", MON, "Thursday", "2024-01-25"),
    ("Manchester United face Arsenal in March.", OCT, "March", "2025-03"),
    ("In March, Mohammed Salah is back.", OCT, "March", "2025-03"),
    ("The Associated Press reports talks on Thursday.", MON, "Thursday", "2024-01-25"),
    ("Signed on Thursday, the deal takes effect.", MON, "Thursday", "2024-01-18"),
    ("Talks held on Thursday.", MON, "Thursday", "2024-01-18"),
    ('"Injured on Thursday," he wrote.', MON, "Thursday", "2024-01-18"),
    ("TALKS RESUMED ON THURSDAY.", MON, "THURSDAY", "2024-01-18"),
    ("BREAKING: Talks ENDED on Thursday.", MON, "Thursday", "2024-01-18"),
    # an abbreviation's full stop before a lower-case word or a number ends no sentence
    ("Sales rose 5% in the U.S. in March.", OCT, "March", "2024-03"),
    ("The unit was sold to a U.S. firm on Thursday.", MON, "Thursday", "2024-01-18"),
    ("Talks ended. On Thursday, they meet.", MON, "Thursday", "2024-01-25"),
]  # fmt: skip


@pytest.mark.parametrize(("text", "ref", "written", "value"), TENSE_CUES)
def test_tense_cues(text: str, ref: dt.date, written: str, value: str) -> None:
    """The cue words that choose between the previous and the next occurrence."""
    m = only(text, ref)
    assert (m.text, m.value) == (written, value)


# The verb that governs a bare month in its own clause (bounded by punctuation, a
# conjunction or relative word, "and" before a subject, "to" before a verb) decides:
# a past one the previous month, however far (a month not yet begun cannot be past); a
# modal of the future the next, whatever the verb of the sentence before it
CLAUSE_TENSES = [
    ("The company changed its rules in December.", "December", "1988-12"),
    ("The museum said that the exhibition closed in December, and that it would reopen.",
     "December", "1988-12"),
    ("The mayor met the union leaders in December, but the strike goes on.", "December",
     "1988-12"),
    ("The firm switched to a new supplier in December.", "December", "1988-12"),
    ("Shares fell, and the board met in December.", "December", "1988-12"),
    ("The council sold the land in December after a long fight.", "December", "1988-12"),
    ("The board was told in December that it would be closed.", "December", "1988-12"),
    ("Officials said that talks in July will decide the matter.", "July", "1990-07"),
    ("Officials said talks on Aug. 3 will decide the matter.", "Aug. 3", "1990-08-03"),
    # another clause's past verb does not reach the month: the nearest one, as before
    ("Officials said the new rules, which take effect in December, were approved.",
     "December", "1989-12"),
    ("The firm asked the court to rule in December.", "December", "1989-12"),
    ("The dividend, payable in December, was declared.", "December", "1989-12"),
    ("The ministry said it would publish the report in December.", "December", "1989-12"),
    ("The increased dividend is payable in December.", "December", "1989-12"),
    ("The rules should have been in force by December, officials said.", "December",
     "1989-12"),
    # a month-day keeps the margin of the past tense: the reference may lag the event
    ("The index closed at a record on Dec. 3.", "Dec. 3", "1989-12-03"),
]  # fmt: skip


@pytest.mark.parametrize(("text", "written", "value"), CLAUSE_TENSES)
def test_the_verb_of_the_dates_own_clause(text: str, written: str, value: str) -> None:
    """A bare month takes the tense of the verb that governs it in its own clause."""
    m = only(text, WSJ_DAY)
    assert (m.text, m.value) == (written, value)


# A past verb that sets a date ahead of itself, the verb nearest a bare weekday in its
# clause, takes the coming weekday (MON is a Monday: the past Thursday is the 18th)
SETS_AHEAD = [
    ("Protesters planned a march on Thursday.", "2024-01-25"),
    ("Organisers rescheduled the final for Thursday.", "2024-01-25"),
    ("The court delayed its ruling to Thursday.", "2024-01-25"),
    ("The minister deferred the decision to Thursday.", "2024-01-25"),
    ("Police said the group had planned a rally on Thursday.", "2024-01-25"),
    ("The union called off the strike and planned talks on Thursday.", "2024-01-25"),
    # not "as planned", nor when a verb after the date is nearer, nor other past verbs
    ("The march went ahead as planned on Thursday.", "2024-01-18"),
    ("The rally planned by students on Thursday drew thousands.", "2024-01-18"),
    ("Protesters marched on Thursday.", "2024-01-18"),
    ("The firm moved to Thursday.", "2024-01-18"),
]


@pytest.mark.parametrize(("text", "value"), SETS_AHEAD)
def test_a_verb_that_sets_a_weekday_ahead(text: str, value: str) -> None:
    """A verb such as "planned" or "delayed" puts the weekday it governs ahead."""
    m = only(text, MON)
    assert (m.text, m.value) == ("Thursday", value)


HOLIDAYS = [
    ("Shops closed on Christmas Day.", MON, "Christmas Day", "2023-12-25"),
    ("They met at Thanksgiving.", MON, "Thanksgiving", "2023-11-23"),
    ("Services will be held on Easter Sunday.", MON, "Easter Sunday", "2024-03-31"),
    ("Talks resume after Good Friday, officials expect.", LEAP, "Good Friday", "2024-03-29"),
    ("Fireworks lit up New Year's Eve.", NEW_YEAR, "New Year's Eve", "2023-12-31"),
    ("Shops will close on Labor Day.", MON, "Labor Day", "2024-09-02"),
    ("Parades were held on Memorial Day.", OCT, "Memorial Day", "2024-05-27"),
    ("Veterans Day passed quietly.", dt.date(2024, 11, 20), "Veterans Day", "2024-11-11"),
    ("Crowds watched the parade on Bastille Day.", OCT, "Bastille Day", "2024-07-14"),
    # a direction counts from the reference, whatever the tense
    ("Sales fell after last Thanksgiving.", dt.date(2000, 2, 10), "last Thanksgiving",
     "1999-11-25"),
    ("We meet again next Christmas.", MON, "next Christmas", "2024-12-25"),
    ("It rained last Christmas.", YEAR_END, "last Christmas", "2023-12-25"),
    ("It rained last Christmas.", dt.date(2023, 12, 25), "last Christmas", "2022-12-25"),
    ("They will fast this Easter.", MON, "this Easter", "2024-03-31"),
    # the moveable feasts, counted from Easter Sunday (31 March 2024)
    ("Lent begins on Ash Wednesday.", MON, "Ash Wednesday", "2024-02-14"),
    ("Crowds gathered on Palm Sunday.", dt.date(2024, 4, 2), "Palm Sunday", "2024-03-24"),
    ("The Mardi Gras parade passed.", dt.date(2024, 2, 20), "Mardi Gras", "2024-02-13"),
    ("Pilgrims came on Maundy Thursday.", dt.date(2024, 3, 27), "Maundy Thursday", "2024-03-28"),
    ("Churches will mark Pentecost.", MON, "Pentecost", "2024-05-19"),
    ("Shops reopen after Whit Monday.", MON, "Whit Monday", "2024-05-20"),
    # fixed days, and days a rule gives in each year
    ("Pubs will be busy on St. Patrick's Day.", MON, "St. Patrick's Day", "2024-03-17"),
    ("Fireworks are planned for the Fourth of July.", MON, "Fourth of July", "2024-07-04"),
    ("It was the fourth of July in Ohio.", dt.date(2024, 7, 10), "fourth of July",
     "2024-07-04"),
    ("Juneteenth became a holiday.", dt.date(2024, 6, 25), "Juneteenth", "2024-06-19"),
    ("Crowds marked Anzac Day.", dt.date(2024, 4, 26), "Anzac Day", "2024-04-25"),
    ("Veterans met on Armistice Day.", dt.date(2024, 11, 12), "Armistice Day", "2024-11-11"),
    ("Edinburgh prepares for Hogmanay.", dt.date(2024, 12, 30), "Hogmanay", "2024-12-31"),
    ("Offices closed on Martin Luther King Jr. Day.", MON, "Martin Luther King Jr. Day",
     "2024-01-15"),
    ("Sales peak on Presidents' Day.", MON, "Presidents' Day", "2024-02-19"),
    ("Banks closed on Columbus Day.", dt.date(2024, 10, 20), "Columbus Day", "2024-10-14"),
    # the United States' Election Day: the Tuesday after the first Monday of November
    ("Voters will go to the polls on Election Day.", MON, "Election Day", "2024-11-05"),
    ("Turnout fell on Election Day.", dt.date(1998, 11, 20), "Election Day", "1998-11-03"),
    ("On Election Day, turnout rose.", dt.date(2024, 11, 20), "Election Day", "2024-11-05"),
    ("US Election Day: live", dt.date(2024, 10, 1), "Election Day", "2024-11-05"),
    # a headline in title case capitalises its small words: no name before the day
    ("What To Watch On Election Day", dt.date(2024, 10, 1), "Election Day", "2024-11-05"),
    ("Voters Head To The Polls On Election Day", dt.date(2024, 11, 4), "Election Day",
     "2024-11-05"),
    ("It Is Election Day In America", dt.date(2024, 11, 5), "Election Day", "2024-11-05"),
    # a year after the name is the holiday's
    ("Sales rose at Christmas 2019.", MON, "Christmas 2019", "2019-12-25"),
    ("Easter 2025 falls late.", MON, "Easter 2025", "2025-04-20"),
    ("He won on Election Day 2020.", MON, "Election Day 2020", "2020-11-03"),
    ("She arrived on Thanksgiving Day 1999.", MON, "Thanksgiving Day 1999", "1999-11-25"),
    ("New Year's Day 2024 was cold.", MON, "New Year's Day 2024", "2024-01-01"),
    ("The boat sank on Good Friday 1998.", MON, "Good Friday 1998", "1998-04-10"),
    ("They met the day after Christmas 2019.", MON, "the day after Christmas 2019",
     "2019-12-26"),
]  # fmt: skip


@pytest.mark.parametrize(("text", "ref", "written", "value"), HOLIDAYS)
def test_holidays(text: str, ref: dt.date, written: str, value: str) -> None:
    """Fixed and movable holidays are the nearest occurrence, like a bare month-day, or
    the one of the year written after the name."""
    m = only(text, ref)
    assert (m.text, m.type, m.value) == (written, "DATE", value)


NO_HOLIDAY = [
    # any election's day, in any country: no name
    ("Polling stations open early on election day.", MON, []),
    ("Election day live: polls close at 10pm", MON, [("10pm", "2024-01-22T22:00")]),
    # a name before it inside its sentence makes a longer name, another election's
    ("Polls opened for the UK General Election Day.", MON, []),
    ("Voters queued on Indian Election Day.", MON, []),
    # New Year's Eve is named by either year: the year stays apart
    ("New Year's Eve 2024: live", YEAR_END, [("New Year's Eve", "2023-12-31"), ("2024", "2024")]),
    # four digits before a zone are a clock
    (
        "Shops shut on Christmas 1548 GMT",
        MON,
        [("Christmas", "2023-12-25"), ("1548 GMT", "2024-01-22T15:48")],
    ),
    # names that open like a holiday's
    ("Flights from St Louis to Palm Beach resumed.", MON, []),
    ("Canada and Martin Luther King III spoke.", MON, []),
    ("Fourth quarter profit fell.", MON, [("Fourth quarter", "2023-Q4")]),
]


@pytest.mark.parametrize(("text", "ref", "expected"), NO_HOLIDAY)
def test_words_that_name_no_holiday(
    text: str, ref: dt.date, expected: list[tuple[str, str]]
) -> None:
    """Lower-case "election day" or a longer name ending in "Election Day", a year
    after New Year's Eve and names that open like a holiday's stay as they were."""
    assert [(m.text, m.value) for m in find_mentions(text, ref)] == expected


FULL_DATES = [
    "January 16, 2024",
    "16 January 2024",
    "Jan. 16, 2024",
    "January 16th, 2024",
    "2024-01-16",
    "2024/01/16",
    "2024/1/16",
    "1/16/2024",
    "16/01/2024",
    "16.01.2024",
]


@pytest.mark.parametrize("written", FULL_DATES)
@pytest.mark.parametrize("ref", [MON, None])
def test_full_dates(written: str, ref: dt.date | None) -> None:
    """Full dates in common formats give their day whatever the reference."""
    m = only(f"Photo taken {written} in Moscow.", ref)
    assert (m.text, m.value) == (written, "2024-01-16")
    assert m.start == dt.datetime(2024, 1, 16, tzinfo=dt.UTC)
    assert m.end == dt.datetime(2024, 1, 17, tzinfo=dt.UTC)


SLASHED = [
    # (written, day_first, value): a slashed date that reads both ways follows the hint;
    # one that reads only one way, or a dotted one, ignores it
    ("06/02/2023", False, "2023-06-02"),
    ("06/02/2023", True, "2023-02-06"),
    ("6/2/2023", True, "2023-02-06"),
    ("1/22/2024", True, "2024-01-22"),
    ("22/01/2024", False, "2024-01-22"),
    ("06.02.2023", False, "2023-02-06"),
    ("06.02.2023", True, "2023-02-06"),
]


@pytest.mark.parametrize(("written", "day_first", "value"), SLASHED)
@pytest.mark.parametrize("ref", [MON, None])
def test_slashed_dates_follow_the_day_first_hint(
    written: str, day_first: bool, value: str, ref: dt.date | None
) -> None:
    """``day_first`` reads a slashed date that reads both ways as day, month, year (the
    page's convention, which :func:`liveblog.parse` takes from its markers)."""
    (m,) = find_mentions(f"The report dated {written} said so.", ref, day_first=day_first)
    assert (m.text, m.value) == (written, value)


@pytest.mark.parametrize("written", ["2024-01-22T15:48", "2024-01-22t15:48"])
def test_iso_date_with_a_clock_time(written: str) -> None:
    """'2024-01-22T15:48' is that minute (it was read as the year 2024 alone)."""
    assert summary(f"Posted {written} by staff", MON) == [(written, "TIME", "2024-01-22T15:48")]


def test_weekday_with_full_date_is_one_mention() -> None:
    """'Monday, January 22, 2024' is one mention valued by its date."""
    assert summary("Monday, January 22, 2024: talks", None) == [
        ("Monday, January 22, 2024", "DATE", "2024-01-22")
    ]


CLOCKS = [
    ("at 3pm local time", "3pm local time", "2024-01-22T15:00"),
    ("at 10:35 a.m. there", "10:35 a.m.", "2024-01-22T10:35"),
    ("at 15:48 GMT", "15:48 GMT", "2024-01-22T15:48"),
    ("at noon", "noon", "2024-01-22T12:00"),
    ("at 10 p.m. Sunday", "10 p.m. Sunday", "2024-01-21T22:00"),
    # a part of the day after the time sets its half of the day and belongs to it
    ("at 9:15 last night", "9:15 last night", "2024-01-21T21:15"),
    ("at 11:30 last night", "11:30 last night", "2024-01-21T23:30"),
    ("at 6:45 this morning", "6:45 this morning", "2024-01-22T06:45"),
    ("at 4:30 this afternoon", "4:30 this afternoon", "2024-01-22T16:30"),
    ("at 8:00 tonight", "8:00 tonight", "2024-01-22T20:00"),
    ("at 2:00 in the afternoon", "2:00 in the afternoon", "2024-01-22T14:00"),
    ("at 5:30 Sunday morning", "5:30 Sunday morning", "2024-01-21T05:30"),
    ("at 7:10 Saturday evening", "7:10 Saturday evening", "2024-01-20T19:10"),
    ("at 10 p.m. yesterday evening", "10 p.m. yesterday evening", "2024-01-21T22:00"),
    # a small hour of a night is on the calendar day that follows
    ("at 12:15 last night", "12:15 last night", "2024-01-22T00:15"),
    ("at 00:30 tonight", "00:30 tonight", "2024-01-23T00:30"),
    # a 24-hour clock's evening is that evening (it was read as the next morning's hour)
    ("at 23:59 tonight", "23:59 tonight", "2024-01-22T23:59"),
    ("at 21:30 last night", "21:30 last night", "2024-01-21T21:30"),
    ("at 18:00 tonight", "18:00 tonight", "2024-01-22T18:00"),
    # a day and month after the time (the day first after "on")
    ("at 10pm on 7 May", "10pm on 7 May", "2024-05-07T22:00"),
    ("at 06:38 on 12 August 2020", "06:38 on 12 August 2020", "2020-08-12T06:38"),
    ("at 10pm on May 7", "10pm on May 7", "2024-05-07T22:00"),
]


MIDNIGHTS = [
    # the midnight of a named day is the one that ends it (ISO 8601's T24:00), on
    # weekdays, month ends and year ends alike
    ("The offer expired at midnight Friday.", dt.date(1989, 10, 30), "midnight Friday",
     "1989-10-27T24:00", dt.datetime(1989, 10, 28, tzinfo=dt.UTC)),
    ("The curfew starts at midnight on Thursday.", LEAP, "midnight on Thursday",
     "2024-02-29T24:00", dt.datetime(2024, 3, 1, tzinfo=dt.UTC)),
    ("The truce ends at midnight tonight.", YEAR_END, "midnight tonight",
     "2023-12-31T24:00", dt.datetime(2024, 1, 1, tzinfo=dt.UTC)),
    ("The polls closed at midnight last night.", NEW_YEAR, "midnight last night",
     "2023-12-31T24:00", dt.datetime(2024, 1, 1, tzinfo=dt.UTC)),
    ("It runs until midnight tomorrow.", FEB_28, "midnight tomorrow",
     "2024-02-29T24:00", dt.datetime(2024, 3, 1, tzinfo=dt.UTC)),
    ("The deadline is midnight on December 31.", OCT, "midnight on December 31",
     "2024-12-31T24:00", dt.datetime(2025, 1, 1, tzinfo=dt.UTC)),
    # a midnight to come is the one that ends the reference's day
    ("The curfew will begin at midnight.", MON, "midnight",
     "2024-01-22T24:00", dt.datetime(2024, 1, 23, tzinfo=dt.UTC)),
    ("The ceasefire is due to start at midnight.", YEAR_END, "midnight",
     "2023-12-31T24:00", dt.datetime(2024, 1, 1, tzinfo=dt.UTC)),
    ("Emirates says it will resume check-in for passengers departing Dubai from midnight.",
     FEB_28, "midnight", "2024-02-28T24:00", dt.datetime(2024, 2, 29, tzinfo=dt.UTC)),
    # else a midnight of no named day is the one that starts the reference's day
    ("The ban took effect at midnight.", MON, "midnight",
     "2024-01-22T00:00", dt.datetime(2024, 1, 22, tzinfo=dt.UTC)),
    ("Sirens sounded at midnight.", LEAP, "midnight",
     "2024-02-29T00:00", dt.datetime(2024, 2, 29, tzinfo=dt.UTC)),
]  # fmt: skip


@pytest.mark.parametrize(("text", "ref", "written", "value", "start"), MIDNIGHTS)
def test_midnight_of_a_day_ends_it(
    text: str, ref: dt.date, written: str, value: str, start: dt.datetime
) -> None:
    """'midnight Friday' is Friday's T24:00, the first minute of Saturday."""
    m = only(text, ref)
    assert (m.text, m.type, m.value, m.start) == (written, "TIME", value, start)
    assert m.end == start + dt.timedelta(minutes=1)


OVERNIGHTS = [
    # a night to come is the reference's own ("tonight"), at a year's end and before a
    # leap day alike
    ("The lines will stay closed overnight.", MON, "2024-01-22TNI"),
    ("Crews are expected to work overnight to restore power.", YEAR_END, "2023-12-31TNI"),
    ("Snow is due to fall overnight.", FEB_28, "2024-02-28TNI"),
    ("The curfew will run overnight and end at dawn.", NEW_YEAR, "2024-01-01TNI"),
    # said in the small hours, the night in progress, as "tonight"
    ("The lines will stay closed overnight.", dt.datetime(2024, 1, 22, 2, tzinfo=dt.UTC),
     "2024-01-21TNI"),
    # else the night just gone, which ended on the reference's day
    ("Drones were downed overnight.", MON, "2024-01-21TNI"),
    ("Russia launched 20 drones overnight, the governor says.", LEAP, "2024-02-28TNI"),
    ("Temperatures fell overnight.", NEW_YEAR, "2023-12-31TNI"),
]  # fmt: skip


@pytest.mark.parametrize(("text", "ref", "value"), OVERNIGHTS)
def test_overnight_takes_the_tense(text: str, ref: dt.date, value: str) -> None:
    """'overnight' in the future tense is the coming night, else the one just gone."""
    m = only(text, ref)
    assert (m.text, m.type, m.value) == ("overnight", "TIME", value)


def test_midnight_of_an_unknown_day() -> None:
    """With no reference the named day's midnight keeps its hour 24."""
    found = summary("at midnight Friday", None)
    assert found == [("midnight Friday", "TIME", "XXXX-XX-XXT24:00")]


@pytest.mark.parametrize(("text", "written", "value"), CLOCKS)
def test_clock_times(text: str, written: str, value: str) -> None:
    """Clock times are TIME values on the anchor's day (or the day they name)."""
    m = only(f"It happened {text}.", MON)
    assert (m.text, m.type, m.value, m.granularity) == (written, "TIME", value, "minute")


DAY_THEN_CLOCK = [
    # a bare clock time right after a day (", at" or "at" between) is on that day: two
    # mentions, as TimeML's "on" and "at" stay outside them
    (
        "We go again on Wednesday at 8pm.",
        [("Wednesday", "2024-01-24"), ("8pm", "2024-01-24T20:00")],
    ),
    (
        "On Sunday at 10:30 p.m. the ministry said so.",
        [("Sunday", "2024-01-21"), ("10:30 p.m.", "2024-01-21T22:30")],
    ),
    ("Polls open on Thursday, 7am.", [("Thursday", "2024-01-25"), ("7am", "2024-01-25T07:00")]),
    (
        "The vote is on 25 January at 15:00.",
        [("25 January", "2024-01-25"), ("15:00", "2024-01-25T15:00")],
    ),
    (
        "It opened on March 3, 2023 at noon.",
        [("March 3, 2023", "2023-03-03"), ("noon", "2023-03-03T12:00")],
    ),
    # not right after the day, or a clock with a day of its own: as before
    (
        "On Sunday the ministry said that at 8pm it would speak.",
        [("Sunday", "2024-01-21"), ("8pm", "2024-01-22T20:00")],
    ),
    (
        "On Sunday at 10pm Monday time.",
        [("Sunday", "2024-01-21"), ("10pm Monday", "2024-01-22T22:00")],
    ),
    ("Yesterday at 8pm.", [("Yesterday", "2024-01-21"), ("8pm", "2024-01-21T20:00")]),
    ("Last week at 8pm.", [("Last week", "2024-W03"), ("8pm", "2024-01-22T20:00")]),
]


@pytest.mark.parametrize(("text", "expected"), DAY_THEN_CLOCK)
def test_a_clock_right_after_a_day_is_on_that_day(
    text: str, expected: list[tuple[str, str]]
) -> None:
    """A clock time right after a day ("on Wednesday at 8pm") is on that day."""
    assert [(m.text, m.value) for m in find_mentions(text, MON)] == expected


def test_aware_reference_keeps_its_zone() -> None:
    """An aware datetime reference gives intervals in its own zone."""
    kyiv = ZoneInfo("Europe/Kyiv")
    m = only("Talks began at 3pm.", dt.datetime(2024, 1, 22, 9, 0, tzinfo=kyiv))
    assert m.start == dt.datetime(2024, 1, 22, 15, 0, tzinfo=kyiv)
    assert m.end == dt.datetime(2024, 1, 22, 15, 1, tzinfo=kyiv)


def test_hours_ago_needs_the_anchor_instant() -> None:
    """'two hours ago' resolves to a minute when the anchor is an instant."""
    ref = dt.datetime(2024, 1, 22, 1, 30, tzinfo=dt.UTC)
    assert summary("It began two hours ago.", ref) == [
        ("two hours ago", "TIME", "2024-01-21T23:30")
    ]


DAY_RANGES = [
    # a day joined to a month-day is a day of that month, a mention of its own
    ("The summit is on April 24 and 25.", dt.date(1999, 2, 10),
     [("April 24", "1999-04-24"), ("25", "1999-04-25")]),
    ("Talks run from March 5 to 7.", MON, [("March 5", "2024-03-05"), ("7", "2024-03-07")]),
    ("Voting on Dec. 30-31 was calm.", YEAR_END,
     [("Dec. 30", "2023-12-30"), ("31", "2023-12-31")]),
    ("Leave from Feb. 28 through 29.", LEAP, [("Feb. 28", "2024-02-28"), ("29", "2024-02-29")]),
    ("Rallies on Jan. 3rd and 5th.", NEW_YEAR, [("Jan. 3rd", "2024-01-03"), ("5th", "2024-01-05")]),
    ("Strikes on 24 and 25 February.", FEB_28,
     [("24", "2024-02-24"), ("25 February", "2024-02-25")]),
    ("Held on 30 or 31 December 2023.", OCT,
     [("30", "2023-12-30"), ("31 December 2023", "2023-12-31")]),
    ("The 24th and 25th October were quiet.", OCT,
     [("24th", "2024-10-24"), ("25th October", "2024-10-25")]),
    # no day of the month: a count, a clock time, an earlier number, a day it lacks
    # (a past event on a date opening its sentence: the March 5 before the reference)
    ("On March 5 and 6 people died.", MON, [("March 5", "2023-03-05")]),
    ("It runs on March 5 to 7 p.m.", MON,
     [("March 5", "2024-03-05"), ("7 p.m.", "2024-01-22T19:00")]),
    ("Polls on March 5 and 2 others.", MON, [("March 5", "2024-03-05")]),
    ("Due on Feb. 28 or 30.", OCT, [("Feb. 28", "2025-02-28")]),
    ("It cost $3 and 25 February was late.", MON, [("25 February", "2024-02-25")]),
]  # fmt: skip


COUNT_RANGES = [
    # the count that opens a range of lengths is a length of the same unit
    ("Shipments resume within two to three weeks.", MON,
     [("two", "P2W"), ("three weeks", "P3W")]),
    ("A transplant takes between four to nine days.", MON, [("four", "P4D"), ("nine days", "P9D")]),
    ("Buyers will wait 12 to 18 months.", MON, [("12", "P12M"), ("18 months", "P18M")]),
    ("They face one to five years in prison.", MON, [("one", "P1Y"), ("five years", "P5Y")]),
    ("The flight lasts six–seven hours.", MON, [("six", "PT6H"), ("seven hours", "PT7H")]),
    # no range of counts: a score, a larger first number, an article
    ("They led 3 to 2 minutes later.", MON, [("2 minutes", "PT2M")]),
    ("The term fell from nine to six months.", MON, [("six months", "P6M")]),
    ("It went from a to two days.", MON, [("two days", "P2D")]),
]  # fmt: skip


@pytest.mark.parametrize(("text", "ref", "expected"), [*DAY_RANGES, *COUNT_RANGES])
def test_each_end_of_a_range_is_a_mention(
    text: str, ref: dt.date, expected: list[tuple[str, str]]
) -> None:
    """'April 24 and 25' gives April 25, and 'two to three weeks' two weeks, as mentions
    of their own: a range is given by its two ends."""
    found = find_mentions(text, ref)
    assert [(m.text, m.value) for m in found] == expected
    for m in found:
        if m.value.startswith("P"):
            assert m.type == "DURATION"
        elif "T" not in m.value:
            assert (m.type, m.granularity) == ("DATE", "day")


def test_joined_day_inside_the_scanned_part_only() -> None:
    """A day before the part of the text scanned is not reported."""
    text = "On 24 and 25 February."
    found = find_mentions(text, FEB_28, start=5)
    assert [(m.text, m.value) for m in found] == [("25 February", "2024-02-25")]


def test_ranges_give_two_mentions() -> None:
    """'between September and November' is reported as two mentions."""
    assert summary("Ships loaded between September and November.", MON) == [
        ("September", "DATE", "2023-09"),
        ("November", "DATE", "2023-11"),
    ]


FRI = dt.date(2013, 3, 22)  # a Friday
WEEKDAY_RANGES = [
    # the second end of a range, when it would fall before the first end, is the first
    # such weekday after it; after it, it stays
    ("Offices are open Monday through Friday.", FRI,
     [("Monday", "DATE", "2013-03-25"), ("Friday", "DATE", "2013-03-29")]),
    ("Talks run between Monday and Wednesday.", FRI,
     [("Monday", "DATE", "2013-03-25"), ("Wednesday", "DATE", "2013-03-27")]),
    ("The fair ran from Sunday to Tuesday.", FRI,
     [("Sunday", "DATE", "2013-03-17"), ("Tuesday", "DATE", "2013-03-19")]),
    ("Roads were shut from March 20 until Monday.", FRI,
     [("March 20", "DATE", "2013-03-20"), ("Monday", "DATE", "2013-03-25")]),
    ("Roads are shut Friday – Friday.", FRI,
     [("Friday", "DATE", "2013-03-22"), ("Friday", "DATE", "2013-03-29")]),
    ("Shares were bought from Sept. 14 to Thursday.", FRI,
     [("Sept. 14", "DATE", "2012-09-14"), ("Thursday", "DATE", "2013-03-21")]),
    # no range: each day on its own
    ("Statements were made Friday and Thursday.", FRI,
     [("Friday", "DATE", "2013-03-22"), ("Thursday", "DATE", "2013-03-21")]),
    ("They met Monday, to Wednesday's surprise.", FRI,
     [("Monday", "DATE", "2013-03-18"), ("Wednesday", "DATE", "2013-03-20")]),
]  # fmt: skip


@pytest.mark.parametrize(("text", "ref", "expected"), WEEKDAY_RANGES)
def test_weekday_ranges(text: str, ref: dt.date, expected: list[tuple[str, str, str]]) -> None:
    """'Monday through Friday', 'between Monday and Wednesday': the second weekday is the
    first on or after the first end, not resolved on its own."""
    assert summary(text, ref) == expected


DURATIONS = [
    ("the 23-month invasion", "23-month", "P23M"),
    ("a five-day trip", "five-day", "P5D"),
    ("for three years", "three years", "P3Y"),
    ("in the past two months", "the past two months", "P2M"),
    ("for half an hour", "half an hour", "PT30M"),
    ("for 90 minutes", "90 minutes", "PT90M"),
    ("for several weeks", "several weeks", "PXW"),
    ("for years", "years", "PXY"),
    ("for two decades", "two decades", "P20Y"),
    ("for the next three quarters", "the next three quarters", "P9M"),
    ("their third day-long meeting", "day-long", "P1D"),
    ("a weeks-long standoff", "weeks-long", "PXW"),
    ("two and a half years", "two and a half years", "P2Y6M"),
    ("a half-century", "a half-century", "P50Y"),
    ("three and a half hours", "three and a half hours", "PT3H30M"),
    ("twenty-five and a half years", "twenty-five and a half years", "P25Y6M"),
]


@pytest.mark.parametrize(("text", "written", "value"), DURATIONS)
def test_durations(text: str, written: str, value: str) -> None:
    """Durations are ISO 8601 values with no interval."""
    m = only(f"It took {text}.", MON)
    assert (m.text, m.type, m.value, m.start, m.end) == (written, "DURATION", value, None, None)


LARGE_COUNTS = [
    ("the war's 1,000 days", "1,000 days", "DURATION", "P1000D"),
    ("for 40,000 years", "40,000 years", "DURATION", "P40000Y"),
    ("for 1,000,000 years", "1,000,000 years", "DURATION", "P1000000Y"),
    ("built 1,200 years ago", "1,200 years ago", "DATE", "0824"),
    ("some 2,500 days ago", "2,500 days ago", "DATE", "2017-03-19"),
    ("a 1,000-year history", "1,000-year", "DURATION", "P1000Y"),
    ("in the past 1,000 days", "the past 1,000 days", "DURATION", "P1000D"),
    ("for 1,000 more days", "1,000 more days", "DURATION", "P1000D"),
    ("after 2,500 Days of war", "2,500 Days", "DURATION", "P2500D"),
    # after a character that is not ASCII (checked on the text itself)
    ("“1,000 days” of war", "1,000 days", "DURATION", "P1000D"),
    ("built—1,200 years ago", "1,200 years ago", "DATE", "0824"),
]


@pytest.mark.parametrize(("text", "written", "kind", "value"), LARGE_COUNTS)
def test_counts_of_a_thousand_and_more(text: str, written: str, kind: str, value: str) -> None:
    """Regression: a count took at most three digits, so "1,000 days" was the vague
    "days" (PXD) and "1,200 years ago" the vague "years ago" (PAST_REF), with the number
    outside the span. Counts written with thousands separators are read."""
    m = only(text, MON)
    assert (m.text, m.type, m.value) == (written, kind, value)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1,548 soldiers were killed.", []),
        ("Turnout was 7,764 votes.", []),
        ("Power is back in 543,624 homes.", []),
        ("543,624 hours of video and 1,000 dayshifts", [("543,624 hours", "PT543624H")]),
        ("the 2024 year-end results", [("2024", "2024"), ("year-end", "2024")]),
        ("$1,000 days out", [("days", "PXD")]),
    ],
)
def test_large_numbers_without_a_unit_are_no_counts(
    text: str, expected: list[tuple[str, str]]
) -> None:
    """A large number is a count only before a unit of time ("543,624 homes" is none); a
    year before "year-end" is no count of years, nor is an amount of money."""
    assert [(m.text, m.value) for m in find_mentions(text, MON)] == expected


SETS = [
    ("every Monday", "XXXX-WXX-1"),
    ("daily", "P1D"),
    ("twice a week", "P1W"),
    ("every month", "P1M"),
    ("every spring", "XXXX-SP"),
    ("each summer", "XXXX-SU"),
    ("every winter", "XXXX-WI"),
]


@pytest.mark.parametrize(("written", "value"), SETS)
def test_sets(written: str, value: str) -> None:
    """Frequencies are SET values."""
    m = only(f"They meet {written}.", MON)
    assert (m.text, m.type, m.value) == (written, "SET", value)


MONTHS_AFTER_CAPITALS = [
    # a month after a capitalised preposition or determiner opening a sentence is the
    # month, not a surname ("Jenny April"): the names check took any capital before
    ("In June, prices rose.", "June", "1998-06"),
    ("By August, prices had risen.", "August", "1998-08"),
    ("Since August the rate fell.", "August", "1998-08"),
    ("The June report was late.", "June", "1998-06"),
    ("During August the rate fell.", "August", "1998-08"),
    # "March" after "the" and before a noun is the month ("the March on Washington",
    # "the March for Life" are marches)
    ("The March accession will let them join.", "March", "1999-03"),
    ("He said the March vote will be close.", "March", "1999-03"),
]  # fmt: skip


@pytest.mark.parametrize(("text", "written", "value"), MONTHS_AFTER_CAPITALS)
def test_months_after_capitalised_words(text: str, written: str, value: str) -> None:
    """Regression: "In June," opening a sentence gave no mention ("In" was read as a
    first name); "The March accession" gave none either."""
    assert [(m.text, m.value) for m in find_mentions(text, dt.date(1999, 2, 10))] == [
        (written, value)
    ]


NOT_DATES = [
    "There are people who have been at war since Day 1.",
    "The mobilization of 500,000 men and women.",
    "Russia lost 1548 soldiers there.",
    "Foreign Minister Choe Son Hui arrived.",
    "Theresa May said so.",
    "Jenny April said so.",
    "Dr. J. June spoke.",
    "They joined the March on Washington.",
    "He backed the March for Life.",
    "They may agree to it.",
    "Call +44 20 7946 0958 for details.",
    "Shakhtar won 3-1 and the score at half time was 2:1.",
    "A quarter of the population left.",
    "Jan Kowalski spoke.",
    "She is a 45-year-old teacher.",
    "He is 52 years old.",
    "He won a second term in New York.",
    "It was ready. Now, he says, it is not.",
    "Profits rose 20% and 1,548 shares changed hands.",
    "Nineteen eighty-four people marched.",
    "The quarter-to-quarter comparison was hurt.",
    "a year-on-year rise",
    # lower-case time words in title case inside a sentence name a programme or a work
    'Baker, speaking on ABC\'s "This Week," said so.',
    "Gonzalez said on CBS's ''60 Minutes.''",
    "It showed a picture from the film ``High Noon.''",
    # "the early hours" of a night is a time of it, no length of hours
    "Troops moved in the early hours.",
    "They talked into the small hours.",
    "He wrote it in the wee hours.",
    # "past" counting what is no time unit is an adjective, no PAST_REF
    "He won the past two elections.",
    "Crowds filled the square for the past three summers.",
    "It was the fourth strike in the past 12 games.",
    "Turnout fell in the past several votes.",
]


@pytest.mark.parametrize("text", NOT_DATES)
def test_not_dates(text: str) -> None:
    """Numbers, names and verbs that only look temporal give no mention."""
    assert find_mentions(text, MON) == ()


def test_marker_time_is_no_year() -> None:
    """A marker such as 'UPDATE 1930 GMT' is not the year 1930: it is a clock time (and
    ``parse`` looks for mentions in the entries' text, not in their markers)."""
    assert summary("UPDATE 1930 GMT: talks", MON) == [("1930 GMT", "TIME", "2024-01-22T19:30")]


UNKNOWN = [
    ("On December 25, it began.", "December 25", "XXXX-12-25"),
    ("On Monday, it began.", "Monday", "XXXX-WXX-1"),
    ("It began last week.", "last week", "XXXX-WXX"),
    ("It began yesterday.", "yesterday", "XXXX-XX-XX"),
    ("It began in September.", "September", "XXXX-09"),
    ("It began last summer.", "last summer", "XXXX-SU"),
]


@pytest.mark.parametrize(("text", "written", "value"), UNKNOWN)
def test_unknown_reference_keeps_unknown_parts(text: str, written: str, value: str) -> None:
    """Without a reference, what is unknown stays X and there is no interval."""
    m = only(text, None)
    assert (m.text, m.value, m.start, m.end) == (written, value, None, None)


def test_naive_datetime_is_rejected() -> None:
    """A naive datetime reference raises ValueError naming the value."""
    with pytest.raises(ValueError, match=r"^reference must be timezone-aware, got ") as err:
        find_mentions("today", dt.datetime(2024, 1, 22, 9, 0))  # noqa: DTZ001
    assert str(err.value) == (
        "reference must be timezone-aware, got datetime.datetime(2024, 1, 22, 9, 0)"
    )


class _NoOffset(dt.tzinfo):
    """A zone that states no offset: a datetime in it is naive."""

    def utcoffset(self, _when: dt.datetime | None) -> dt.timedelta | None:
        return None

    def dst(self, _when: dt.datetime | None) -> dt.timedelta | None:
        return None

    def tzname(self, _when: dt.datetime | None) -> str | None:
        return None


def test_datetime_whose_zone_states_no_offset_is_rejected() -> None:
    """A reference with a tzinfo but no offset is naive too (only a fixed offset, which
    always has one, skips the utcoffset call), and a fixed offset is taken as it is."""
    naive = dt.datetime(2024, 1, 22, 9, 0, tzinfo=_NoOffset())
    with pytest.raises(ValueError, match=r"^reference must be timezone-aware, got "):
        find_mentions("today", naive)
    plus_one = dt.timezone(dt.timedelta(hours=1))
    (m,) = find_mentions("today", dt.datetime(2024, 1, 22, 0, 30, tzinfo=plus_one))
    assert (m.value, m.start) == ("2024-01-22", dt.datetime(2024, 1, 22, tzinfo=plus_one))


def test_reference_of_the_wrong_type_is_rejected() -> None:
    """A reference that is no date, datetime or None raises TypeError naming it."""
    with pytest.raises(TypeError) as err:
        find_mentions("today", "2024-01-22")  # type: ignore[arg-type]
    assert str(err.value) == (
        "reference must be a date, an aware datetime or None, got '2024-01-22'"
    )


def test_bad_offsets_are_rejected() -> None:
    """start and end must lie within the text, start first."""
    with pytest.raises(ValueError, match="start and end") as err:
        find_mentions("today", MON, start=4, end=2)
    assert str(err.value) == "start and end must satisfy 0 <= start <= end <= 5, got 4, 2"


def test_start_and_end_limit_the_scan_and_spans_stay_global() -> None:
    """Only text[start:end] is scanned; spans are offsets into the whole text."""
    text = "Monday. Then on Sunday and last week."
    found = find_mentions(text, MON, start=8, end=22)
    assert [(m.text, m.span) for m in found] == [("Sunday", Span(16, 22))]


def test_intervals() -> None:
    """start/end are the denoted interval, half-open, in UTC for a date reference."""
    utc = dt.UTC
    week = only("last week", MON)
    assert (week.start, week.end) == (
        dt.datetime(2024, 1, 15, tzinfo=utc),
        dt.datetime(2024, 1, 22, tzinfo=utc),
    )
    summer = only("last summer", MON)
    assert (summer.start, summer.end) == (
        dt.datetime(2023, 6, 1, tzinfo=utc),
        dt.datetime(2023, 9, 1, tzinfo=utc),
    )
    february = only("in February", LEAP)
    assert february.end == dt.datetime(2024, 3, 1, tzinfo=utc)


SEED_EXPECTED = [
    ("January 16, 2024", "2024-01-16"),
    ("Sunday", "2024-01-21"),
    ("last month", "2023-12"),
    ("Monday", "2024-01-22"),
    ("December 25", "2023-12-25"),
    ("January 11", "2024-01-11"),
    ("23-month", "P23M"),
    ("last summer", "2023-SU"),
    ("September", "2023-09"),
    ("last week", "2024-W03"),
    ("five-day", "P5D"),
    ("Sunday", "2024-01-21"),
    ("earlier this month", "2024-01"),
    ("next month", "2024-02"),
    ("2022", "2022"),
    ("2014", "2014"),
    ("December", "2023-12"),
    ("January", "2024-01"),
]


def test_seed_mentions() -> None:
    """The seed blog gives every mention the issue lists, in order, and no false ones."""
    text = SEED.read_text(encoding="utf-8")
    found = [(m.text, m.value) for m in find_mentions(text, MON)]
    positions = [found.index(pair) for pair in dict.fromkeys(SEED_EXPECTED)]
    assert positions == sorted(positions)
    for pair in SEED_EXPECTED:
        assert found.count(pair) >= SEED_EXPECTED.count(pair), pair
    texts = {t for t, _ in found}
    assert not texts & {"1548", "Day 1", "500,000", "Hui", "Day"}


def test_adversarial_input_is_linear() -> None:
    """Long runs of digits, blanks and month names are scanned in linear time."""
    for text in ("9" * 200_000, "the " + " " * 200_000 + "week", "May " * 50_000):
        started = time.perf_counter()
        find_mentions(text, MON)
        assert time.perf_counter() - started < 10


def test_repeated_expressions_give_checked_equal_mentions() -> None:
    """A cached resolution is copied to each occurrence: checked, equal, at its own span."""
    text = "last week, then LAST week, then last week again"
    first, second = find_mentions(text, MON)[::2]
    for m in (first, second):
        attrs.validate(m)
        assert Mention.from_dict(m.to_dict()) == m
        assert text[slice(*m.span)] == m.text
    assert (first.span, second.span) == (Span(0, 9), Span(32, 41))
    assert first.value == second.value == "2024-W03"


TRIGGER_CASES = [
    ("Talks resumed on Monday.", ["Monday"]),
    ("Talks resumed on MONDAY.", ["MONDAY"]),
    ("Talks resumed on mONDAY.", []),
    ("The weekly vote, last week's vote and last-week plans.", ["weekly", "last week"]),
    ("Prices fell 1,548 points or $2024 in 2024.", ["2024"]),
    ("Sales in Q3 2024 rose.", ["Q3 2024"]),
    ("It rose in the ’90s.", ["’90s"]),
]


@pytest.mark.parametrize(("text", "written"), TRIGGER_CASES)
def test_trigger_words_are_whole_words_as_written(text: str, written: list[str]) -> None:
    """Trigger words count in lower, title or upper case, and only as whole words."""
    assert [m.text for m in find_mentions(text, MON)] == written


def test_start_inside_a_word_finds_no_mention_there() -> None:
    """A scan that starts inside a word does not read the word's tail as a mention."""
    assert find_mentions("xlast week", MON, start=1) == ()
    assert [m.text for m in find_mentions("so last week", MON, start=2)] == ["last week"]


def test_importing_compiles_no_recogniser() -> None:
    """The recognisers are compiled on first use, not when the package is imported."""
    code = (
        "import liveblog.temporal.patterns as p, liveblog.temporal.dating as d;"
        "print(p.mention_pattern.cache_info().currsize, p.tense_pattern.cache_info().currsize,"
        " d._same_day.cache_info().currsize)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["0", "0", "0"]


BOUNDED_YEARS_AND_THEN = [
    # "then current" after a determiner is the current of a time the story names: the past
    ("at 50% of the then current market price", WSJ_DAY, [("then current", "DATE", "PAST_REF")]),
    ("the then-current chairman resigned", MON, [("then-current", "DATE", "PAST_REF")]),
    ("its then current owner", NEW_YEAR, [("then current", "DATE", "PAST_REF")]),
    # "then" as "next" before "current" is no part of the expression
    ("Sales rose, then current orders fell.", MON, [("current", "DATE", "PRESENT_REF")]),
    ("at the current market price", YEAR_END, [("current", "DATE", "PRESENT_REF")]),
    # a year or a decade after "pre-" or "post-" is that year, with the side as its mod
    ("but the post-1959 politics split families", dt.date(2000, 2, 24),
     [("post-1959", "DATE", "1959")]),
    ("Output is back to pre-2019 levels.", LEAP, [("pre-2019", "DATE", "2019")]),
    ("Pre-1990 rules applied.", None, [("Pre-1990", "DATE", "1990")]),
    ("the post-1990s boom", OCT, [("post-1990s", "DATE", "199")]),
    ("pre-2024 contracts", YEAR_END, [("pre-2024", "DATE", "2024")]),
    # other words before a hyphen keep the number from being a year
    ("Form X-2019 was filed.", MON, []),
    ("a score of 3-2019", MON, []),
    ("Covid-19 spread.", MON, []),
]  # fmt: skip


@pytest.mark.parametrize(("text", "ref", "expected"), BOUNDED_YEARS_AND_THEN)
def test_then_current_and_years_after_pre_or_post(
    text: str, ref: dt.date | None, expected: list[tuple[str, str, str]]
) -> None:
    """A determiner's "then current" is the past; "pre-1990" and "post-1959" are years."""
    assert summary(text, ref) == expected


@pytest.mark.parametrize(
    ("text", "mod"),
    [("the post-1959 politics", "AFTER"), ("pre-2019 levels", "BEFORE"), ("in 2019", None)],
)
def test_pre_and_post_give_the_side_of_the_year_as_mod(text: str, mod: str | None) -> None:
    """The year's interval is the year; "pre-" and "post-" say on which side the time lies."""
    m = only(text, MON)
    assert (m.mod, m.start, m.end) == (
        mod,
        dt.datetime(int(m.value[:4]), 1, 1, tzinfo=dt.UTC),
        dt.datetime(int(m.value[:4]) + 1, 1, 1, tzinfo=dt.UTC),
    )


NOW_BEFORE_ON = [
    ("the people who are now on the board", MON, [("now", "DATE", "PRESENT_REF")]),
    ("He is now on leave.", LEAP, [("now", "DATE", "PRESENT_REF")]),
    ("Troops are right now on the ground.", YEAR_END, [("right now", "DATE", "PRESENT_REF")]),
    ("From now on, flights are banned.", NEW_YEAR, [("now", "DATE", "PRESENT_REF")]),
    # "Now on to ..." opening a sentence is a discourse marker, as "Now, ..." is
    ("Now on to the sports news.", MON, []),
    ("Goals. Now on to the weather.", MON, []),
    # and "Now for ...", but for "Now for the first time", the present
    ("Now for the weather.", MON, []),
    ("Goals. \"Now for the hard part,\" he said.", LEAP, []),
    ("Now for the first time, women can vote.", MON, [("Now", "DATE", "PRESENT_REF")]),
    ("It is now for the courts to decide.", MON, [("now", "DATE", "PRESENT_REF")]),
    ("They bet the future on it.", MON, []),
]  # fmt: skip


@pytest.mark.parametrize(("text", "ref", "expected"), NOW_BEFORE_ON)
def test_now_before_on_is_the_present(
    text: str, ref: dt.date, expected: list[tuple[str, str, str]]
) -> None:
    """Regression: "now" before "on" ("who are now on the board") was no mention."""
    assert summary(text, ref) == expected


A_WHILE = [
    ("They will live without power for a while.", MON, [("a while", "DURATION", "PXX")]),
    ("Forces could be in the gulf for some time.", LEAP, [("some time", "DURATION", "PXX")]),
    ("It has been closed for some time, officials said.", NEW_YEAR,
     [("some time", "DURATION", "PXX")]),
    # only a length after "for": "once in a while" is a frequency, "at some time" a point
    ("It happens once in a while.", MON, []),
    ("It will be done at some time.", MON, []),
    ("He waited a while; it was time for some time-outs.", MON, []),
    ("while the talks went on", MON, []),
    ("the first time in years", MON, [("years", "DURATION", "PXY")]),
]  # fmt: skip


@pytest.mark.parametrize(("text", "ref", "expected"), A_WHILE)
def test_for_a_while_is_a_length_of_no_known_unit(
    text: str, ref: dt.date, expected: list[tuple[str, str, str]]
) -> None:
    """The lengths "for a while" and "for some time" have no known unit (PXX)."""
    assert summary(text, ref) == expected


NTH_DAY_TODAY = [
    ("In Riyadh, today is the eighth day of Desert Shield.", MON,
     [("today", "DATE", "2024-01-22"), ("the eighth day", "DATE", "2024-01-22")]),
    ("It's the second day of an offensive.", LEAP, [("the second day", "DATE", "2024-02-29")]),
    ("It is the 3rd day of the summit.", YEAR_END, [("the 3rd day", "DATE", "2023-12-31")]),
    ("This is the fifth straight day of protests.", NEW_YEAR,
     [("the fifth straight day", "DATE", "2024-01-01")]),
    ("It’s the twenty-first day of the strike.", FEB_28,
     [("the twenty-first day", "DATE", "2024-02-28")]),
    ("It's the second day of talks.", None, [("the second day", "DATE", "XXXX-XX-XX")]),
    ("It is the 100th day of the war.", OCT, [("the 100th day", "DATE", "2024-10-15")]),
    # only the present "is" makes it the reference's day
    ("Tuesday was the second day of talks.", MON, [("Tuesday", "DATE", "2024-01-16")]),
    ("on the first day of the war", MON, []),
    ("It is the first time in years.", MON, [("years", "DURATION", "PXY")]),
    ("It is the first trading day.", MON, []),
]  # fmt: skip


@pytest.mark.parametrize(("text", "ref", "expected"), NTH_DAY_TODAY)
def test_it_is_the_nth_day_is_the_reference_day(
    text: str, ref: dt.date | None, expected: list[tuple[str, str, str]]
) -> None:
    """In "it's the second day of the offensive" the day counted is the reference's."""
    assert summary(text, ref) == expected


DAY_BEFORE_A_DAY = [
    ("The day before last Tuesday's hearing, he went home.", dt.date(2000, 2, 24),
     [("The day before last Tuesday", "DATE", "2000-02-21")]),
    ("They met the day after Christmas.", NEW_YEAR,
     [("the day after Christmas", "DATE", "2023-12-26")]),
    ("Polls open the day after March 1.", LEAP, [("the day after March 1", "DATE", "2024-03-02")]),
    ("He left the day before Monday's vote.", MON,
     [("the day before Monday", "DATE", "2024-01-21")]),
    ("the day after New Year's Eve", YEAR_END,
     [("the day after New Year's Eve", "DATE", "2024-01-01")]),
    ("The day before March 1, 2024 was a leap day.", MON,
     [("The day before March 1, 2024", "DATE", "2024-02-29")]),
    ("the day after Christmas", None, [("the day after Christmas", "DATE", "XXXX-XX-XX")]),
    # past the calendar's end, the day is unknown
    ("the day after New Year's Eve", dt.date.max,
     [("the day after New Year's Eve", "DATE", "XXXX-XX-XX")]),
    # another event's day, or a day already one expression, stay as they were
    ("the day before the vote", MON, []),
    ("the day before yesterday", MON, [("the day before yesterday", "DATE", "2024-01-20")]),
    ("He left the day before. On Tuesday he came back.", MON,
     [("the day before", "DATE", "2024-01-21"), ("Tuesday", "DATE", "2024-01-16")]),
]  # fmt: skip


@pytest.mark.parametrize(("text", "ref", "expected"), DAY_BEFORE_A_DAY)
def test_the_day_before_a_named_day_is_one_expression(
    text: str, ref: dt.date | None, expected: list[tuple[str, str, str]]
) -> None:
    """The day before a named day is one expression: "the day before last Tuesday"."""
    assert summary(text, ref) == expected


def test_the_day_after_a_day_shifts_its_interval() -> None:
    """The interval of "the day after Christmas" is Boxing Day's."""
    m = only("the day after Christmas", NEW_YEAR)
    assert (m.start, m.end, m.granularity) == (
        dt.datetime(2023, 12, 26, tzinfo=dt.UTC),
        dt.datetime(2023, 12, 27, tzinfo=dt.UTC),
        "day",
    )


# ISO 8601 date-times in prose: one TIME mention, its value the clock as written (to the
# second when seconds are written), its interval exact in the offset or zone written
ISO_DATE_TIMES = [
    (
        "at 2024-01-22 14:32:05 +0100 the",
        "2024-01-22 14:32:05 +0100",
        "2024-01-22T14:32:05",
        "2024-01-22T14:32:05+01:00",
        dt.timedelta(seconds=1),
    ),
    (
        "at 2024-01-22T14:32:05Z.",
        "2024-01-22T14:32:05Z",
        "2024-01-22T14:32:05",
        "2024-01-22T14:32:05+00:00",
        dt.timedelta(seconds=1),
    ),
    (
        "at 2024-01-22 14:32 UTC the",
        "2024-01-22 14:32 UTC",
        "2024-01-22T14:32",
        "2024-01-22T14:32:00+00:00",
        dt.timedelta(minutes=1),
    ),
    (
        "at 2024-01-22T14:32 the",
        "2024-01-22T14:32",
        "2024-01-22T14:32",
        "2024-01-22T14:32:00+09:00",
        dt.timedelta(minutes=1),
    ),
    (
        "logged 2024-01-16T15:48:05.250-05:00 by",
        "2024-01-16T15:48:05.250-05:00",
        "2024-01-16T15:48:05",
        "2024-01-16T15:48:05-05:00",
        dt.timedelta(seconds=1),
    ),
    (
        "at 2024-01-22 14:32+01:00 the",
        "2024-01-22 14:32+01:00",
        "2024-01-22T14:32",
        "2024-01-22T14:32:00+01:00",
        dt.timedelta(minutes=1),
    ),
    (
        "at 2024-01-22 14:32 Kyiv time",
        "2024-01-22 14:32 Kyiv time",
        "2024-01-22T14:32",
        "2024-01-22T14:32:00+02:00",
        dt.timedelta(minutes=1),
    ),
]


@pytest.mark.parametrize(("text", "written", "value", "start", "length"), ISO_DATE_TIMES)
def test_iso_date_times_are_one_exact_time(
    text: str, written: str, value: str, start: str, length: dt.timedelta
) -> None:
    # the reference's zone (Tokyo) is the clock's only where none is written
    m = only(text, dt.datetime(2024, 1, 22, 9, tzinfo=ZoneInfo("Asia/Tokyo")))
    assert (m.text, m.type, m.value) == (written, "TIME", value)
    assert m.start is not None
    assert m.end is not None
    assert (m.start.isoformat(), m.end - m.start) == (start, length)
    assert m.granularity == ("second" if length.seconds == 1 else "minute")


@pytest.mark.parametrize(
    ("text", "clock"),
    [
        # "14:32-15:00" is a range: a "-" offset is read only after seconds
        ("2024-01-22 14:32-15:00", ("14:32", "TIME", "2024-01-22T14:32")),
        # a.m. and p.m. are the clock's, which reads them
        ("2024-01-22 10:35 p.m.", ("10:35 p.m.", "TIME", "2024-01-22T22:35")),
        ("2024-01-22 10:35 pm", ("10:35 pm", "TIME", "2024-01-22T22:35")),
    ],
)
def test_an_iso_day_then_what_is_no_iso_clock(text: str, clock: tuple[str, str, str]) -> None:
    assert summary(text, MON) == [("2024-01-22", "DATE", "2024-01-22"), clock]


# A year of any century after a day and month or a month with no comma between; after
# a comma, only a year of 1000-2099 (else a count: "March 3, 2500 people")
WIDE_YEARS = [
    ("by 8 November 2100", [("8 November 2100", "DATE", "2100-11-08")]),
    ("in March 2150", [("March 2150", "DATE", "2150-03")]),
    ("March 2150 will", [("March 2150", "DATE", "2150-03")]),
    ("on November 8 2100", [("November 8 2100", "DATE", "2100-11-08")]),
    ("Wednesday 20 March 2100", [("Wednesday 20 March 2100", "DATE", "2100-03-20")]),
    ("10pm on 7 May 2100", [("10pm on 7 May 2100", "TIME", "2100-05-07T22:00")]),
    ("in early March 9999", [("early March 9999", "DATE", "9999-03")]),
    ("On March 3, 2500 people marched", [("March 3", "DATE", "2023-03-03")]),  # a past event
    ("by 8 November, 2100 troops", [("8 November", "DATE", "2023-11-08")]),
    ("in March, 2150 more", [("March", "DATE", "2024-03")]),
    # four digits with a zone after them are an agency's clock
    (
        "on 8 November 2130 GMT",
        [("8 November", "DATE", "2023-11-08"), ("2130 GMT", "TIME", "2024-01-22T21:30")],
    ),
    # and so are they where they would be a year of 1000-2099
    (
        "on Saturday 8 November 1548 GMT",
        [("Saturday 8 November", "DATE", "2025-11-08"), ("1548 GMT", "TIME", "2024-01-22T15:48")],
    ),
    (
        "November 8, 1548 local time",
        [("November 8", "DATE", "2023-11-08"), ("1548 local time", "TIME", "2024-01-22T15:48")],
    ),
    ("by 8 November 1548", [("8 November 1548", "DATE", "1548-11-08")]),
]


@pytest.mark.parametrize(("text", "expected"), WIDE_YEARS)
def test_years_from_2100_after_a_day_and_month(
    text: str, expected: list[tuple[str, str, str]]
) -> None:
    assert summary(text, MON) == expected


# Four digits with a common zone after them are an agency's clock wherever a year may
# stand: after a season, a quarter, a half, alone; without the zone they stay a year
YEAR_OR_CLOCK = [
    (
        "in summer 1548 GMT",
        [("summer", "DATE", "2024-SU"), ("1548 GMT", "TIME", "2024-01-22T15:48")],
    ),
    ("in summer 1548", [("summer 1548", "DATE", "1548-SU")]),
    (
        "in the summer of 1548 local time",
        [("the summer", "DATE", "2024-SU"), ("1548 local time", "TIME", "2024-01-22T15:48")],
    ),
    ("sales in Q3 2017 GMT", [("Q3", "DATE", "2024-Q3"), ("2017 GMT", "TIME", "2024-01-22T20:17")]),
    ("sales in Q3 2017", [("Q3 2017", "DATE", "2017-Q3")]),
    (
        "in the third quarter 2017 UTC",
        [("the third quarter", "DATE", "2024-Q3"), ("2017 UTC", "TIME", "2024-01-22T20:17")],
    ),
    (
        "in the third quarter 2130 GMT",
        [("the third quarter", "DATE", "2024-Q3"), ("2130 GMT", "TIME", "2024-01-22T21:30")],
    ),
    (
        "in the third quarter of 1548 GMT",
        [("the third quarter", "DATE", "2024-Q3"), ("1548 GMT", "TIME", "2024-01-22T15:48")],
    ),
    ("H1 2017 EST", [("2017 EST", "TIME", "2024-01-22T20:17")]),
    ("the first half of 1548 GMT", [("1548 GMT", "TIME", "2024-01-22T15:48")]),
    ("it ended in 1548 GMT", [("1548 GMT", "TIME", "2024-01-22T15:48")]),
    ("it ended in 1548 local time", [("1548 local time", "TIME", "2024-01-22T15:48")]),
    ("it ended in 1548", [("1548", "DATE", "1548")]),
    # after "pre-" no clock starts, and no year is read
    ("pre-1548 GMT", []),
    # a year joined to a word or another year is no clock's digits
    ("FY2024 GMT", [("FY2024", "DATE", "2024")]),
    ("fiscal 2023-2024 GMT", [("fiscal 2023-2024", "DATE", "2024")]),
]


@pytest.mark.parametrize(("text", "expected"), YEAR_OR_CLOCK)
def test_four_digits_before_a_zone_are_a_clock_wherever_a_year_may_stand(
    text: str, expected: list[tuple[str, str, str]]
) -> None:
    assert summary(text, MON) == expected


# Full-width digits, colons and dashes (a Japanese or Chinese page's) read as ASCII,
# the mentions' texts and spans as written
FULL_WIDTH = [
    ("午後 １４：３２ GMT に", [("１４：３２ GMT", (3, 12), "2024-01-22T14:32")]),
    ("on ８ November ２０２４.", [("８ November ２０２４", (3, 18), "2024-11-08")]),
    ("（２０２４－０１－２２）", [("２０２４－０１－２２", (1, 11), "2024-01-22")]),
    ("“Quote” at 14:32 GMT", [("14:32 GMT", (11, 20), "2024-01-22T14:32")]),
]


@pytest.mark.parametrize(("text", "expected"), FULL_WIDTH)
def test_full_width_digits_are_read_as_ascii(
    text: str, expected: list[tuple[str, tuple[int, int], str]]
) -> None:
    found = find_mentions(text, MON)
    assert [(m.text, tuple(m.span), m.value) for m in found] == expected
    assert all(m.text == text[slice(*m.span)] for m in found)


def test_a_day_the_wide_year_lacks_keeps_the_year() -> None:
    # 2100 is no leap year: the month of that year, never a 29 February of another
    assert summary("on 29 February 2100 we", MON) == [("February 2100", "DATE", "2100-02")]


QUARTER_ENDED = [
    # a quarter named by its end is the calendar quarter holding most of its three
    # months, in that end's year
    ("In the quarter ended July 31, sales fell.", OCT,
     [("the quarter", "DATE", "2024-Q2"), ("July 31", "DATE", "2024-07-31")]),
    ("For the quarter ended Dec. 31, profit rose.", LEAP,
     [("the quarter", "DATE", "2023-Q4"), ("Dec. 31", "DATE", "2023-12-31")]),
    ("For the quarter ended Dec. 31, profit rose.", NEW_YEAR,
     [("the quarter", "DATE", "2023-Q4"), ("Dec. 31", "DATE", "2023-12-31")]),
    ("In the latest quarter, ended Aug. 31, sales rose.", YEAR_END,
     [("the latest quarter", "DATE", "2023-Q3"), ("Aug. 31", "DATE", "2023-08-31")]),
    ("For the quarter that ended in November, sales rose.", MON,
     [("the quarter", "DATE", "2023-Q4"), ("November", "DATE", "2023-11")]),
    ("For the quarter ending March 31, profit will rise.", FEB_28,
     [("the quarter", "DATE", "2024-Q1"), ("March 31", "DATE", "2024-03-31")]),
    # a numbered (fiscal) quarter keeps its number and takes the year it ends in
    ("In the second quarter ended Oct. 31, it lost money.", dt.date(2024, 10, 25),
     [("the second quarter", "DATE", "2023-Q2"), ("Oct. 31", "DATE", "2023-10-31")]),
    ("In the fourth quarter ended Jan. 31, it earned $5.", dt.date(2024, 3, 1),
     [("the fourth quarter", "DATE", "2024-Q4"), ("Jan. 31", "DATE", "2024-01-31")]),
    ("In the fiscal third quarter ended Nov. 30, 2023, it earned $5.", MON,
     [("the fiscal third quarter", "DATE", "2023-Q3"), ("Nov. 30, 2023", "DATE", "2023-11-30")]),
    # no end: a sentence between, or no reference
    ("The quarter ended. July 31 is next.", OCT,
     [("The quarter", "DATE", "2024-Q3"), ("July 31", "DATE", "2025-07-31")]),
    ("In the quarter ended July 31, sales fell.", None,
     [("the quarter", "DATE", "XXXX-QX"), ("July 31", "DATE", "XXXX-07-31")]),
]  # fmt: skip


@pytest.mark.parametrize(("text", "ref", "expected"), QUARTER_ENDED)
def test_a_quarter_ended_on_a_date_is_the_quarter_of_that_end(
    text: str, ref: dt.date | None, expected: list[tuple[str, str, str]]
) -> None:
    """A quarter "ended July 31" is the second quarter, whatever the reference's."""
    assert summary(text, ref) == expected


QUARTER_NAMED_BEFORE = [
    # "the quarter", "the latest period", "that quarter": the last quarter the text
    # named by its number and that is over (a report's fiscal quarter)
    ("Acme reported on its fiscal first quarter. In the quarter, sales fell.", OCT,
     [("fiscal first quarter", "DATE", "2024-Q1"), ("the quarter", "DATE", "2024-Q1")]),
    ("Profit fell in the third quarter. Sales in the latest period rose.", MON,
     [("the third quarter", "DATE", "2023-Q3"), ("the latest period", "DATE", "2023-Q3")]),
    ("In the second quarter ended Oct. 31, it lost money. Results for that quarter fell.",
     dt.date(2024, 10, 25),
     [("the second quarter", "DATE", "2023-Q2"), ("Oct. 31", "DATE", "2023-10-31"),
      ("that quarter", "DATE", "2023-Q2")]),
    ("Its second quarter ended Jan. 31. In the quarter, sales rose.", LEAP,
     [("second quarter", "DATE", "2024-Q2"), ("Jan. 31", "DATE", "2024-01-31"),
      ("the quarter", "DATE", "2024-Q2")]),
    ("The fourth quarter was weak. In the quarter, sales fell.", NEW_YEAR,
     [("The fourth quarter", "DATE", "2023-Q4"), ("the quarter", "DATE", "2023-Q4")]),
    # a quarter still to come is not the one reported; one named long before is out of reach
    ("It expects a fourth-quarter charge. In the latest quarter, sales rose.", OCT,
     [("fourth-quarter", "DATE", "2024-Q4"), ("the latest quarter", "DATE", "2024-Q3")]),
    ("The first quarter was weak. " + "Words. " * 300 + "In the quarter, sales fell.", OCT,
     [("The first quarter", "DATE", "2024-Q1"), ("the quarter", "DATE", "2024-Q3")]),
    ("Its second quarter ended Jan. 31. In the quarter, sales rose.", None,
     [("second quarter", "DATE", "XXXX-Q2"), ("Jan. 31", "DATE", "XXXX-01-31"),
      ("the quarter", "DATE", "XXXX-QX")]),
]  # fmt: skip


@pytest.mark.parametrize(("text", "ref", "expected"), QUARTER_NAMED_BEFORE)
def test_the_quarter_is_the_last_quarter_reported(
    text: str, ref: dt.date | None, expected: list[tuple[str, str, str]]
) -> None:
    """After "the fiscal first quarter", "the quarter" is that quarter."""
    assert summary(text, ref) == expected


CLOCK_ASIDES = [
    # an aside that restates the clock time with its day gives the clock that day
    ("He will leave at 4 in the morning (4 a.m. EDT Thursday), he said.", dt.date(2000, 4, 5),
     [("4 in the morning", "TIME", "2000-04-06T04:00"),
      ("4 a.m. EDT Thursday", "TIME", "2000-04-06T04:00")]),
    ("They left at 9:15 (9:15 a.m. Sunday).", MON,
     [("9:15", "TIME", "2024-01-21T09:15"), ("9:15 a.m. Sunday", "TIME", "2024-01-21T09:15")]),
    ("Polls close at 8 p.m. (8 p.m. ET Monday).", YEAR_END,
     [("8 p.m.", "TIME", "2024-01-01T20:00"), ("8 p.m. ET Monday", "TIME", "2024-01-01T20:00")]),
    # a conversion to another zone is no restatement
    ("They leave at 11 p.m. (0300 GMT Thursday).", dt.date(2000, 4, 5),
     [("11 p.m.", "TIME", "2000-04-05T23:00"), ("Thursday", "DATE", "2000-04-06")]),
    # the full stop of "a.m." before an aside ends no sentence: "came" is the tense of both
    ("The blast came at 10:35 a.m. (0735 GMT) Friday.", dt.date(2000, 4, 5),
     [("10:35 a.m.", "TIME", "2000-03-31T10:35"), ("Friday", "DATE", "2000-03-31")]),
    ("The blast came at 10:35 a.m. (0735 GMT) Friday.", LEAP,
     [("10:35 a.m.", "TIME", "2024-02-23T10:35"), ("Friday", "DATE", "2024-02-23")]),
]  # fmt: skip


@pytest.mark.parametrize(("text", "ref", "expected"), CLOCK_ASIDES)
def test_an_aside_restating_a_clock_time_gives_its_day(
    text: str, ref: dt.date | None, expected: list[tuple[str, str, str]]
) -> None:
    """An aside "(4 a.m. EDT Thursday)" after "4 in the morning" gives it Thursday."""
    assert summary(text, ref) == expected


YEAR_EARLIER_ADJECTIVES = [
    # "year-earlier", "the year-ago period" compare what "a year earlier" would: the last
    # quarter named, else the year (after a longer period, or none named)
    ("For the nine months, net was $5, compared with year-earlier net of $4.", OCT,
     [("the nine months", "DURATION", "P9M"), ("year-earlier", "DATE", "2023")]),
    ("In the fiscal first quarter net rose; the year-ago results were restated.", OCT,
     [("the fiscal first quarter", "DATE", "2024-Q1"), ("the year-ago", "DATE", "2023-Q1")]),
    ("Sales for the six months fell from the year-ago period.", NEW_YEAR,
     [("the six months", "DURATION", "P6M"), ("the year-ago period", "DATE", "2023")]),
    ("Net fell from year-earlier levels.", LEAP, [("year-earlier", "DATE", "2023")]),
    # as before: after a quarter, that quarter; one that names itself a quarter stays one
    ("In the third quarter net rose. The year-ago results were restated.", dt.date(2024, 11, 2),
     [("the third quarter", "DATE", "2024-Q3"), ("The year-ago", "DATE", "2023-Q3")]),
    ("For the nine months, net rose; in the year-ago quarter it fell.", OCT,
     [("the nine months", "DURATION", "P9M"), ("the year-ago quarter", "DATE", "2023-Q3")]),
    ("For the nine months, net was $5, compared with year-earlier net of $4.", None,
     [("the nine months", "DURATION", "P9M"), ("year-earlier", "DATE", "XXXX-QX")]),
]  # fmt: skip


@pytest.mark.parametrize(("text", "ref", "expected"), YEAR_EARLIER_ADJECTIVES)
def test_year_earlier_compares_what_a_year_earlier_would(
    text: str, ref: dt.date | None, expected: list[tuple[str, str, str]]
) -> None:
    """After "for the nine months", "year-earlier net" is the year before's."""
    assert summary(text, ref) == expected


NO_QUARTER_OF_A_YEAR = [
    # "headquarters", "a quarter-century", "a quarter of an hour" name no quarter of a
    # year: "a year earlier" after them compares the year, as after no quarter at all
    ("Unemployment held near a quarter-century low, and pay was 3.8% higher than a year earlier.",
     OCT, [("a quarter-century", "DURATION", "P25Y"), ("a year earlier", "DATE", "2023")]),
    ("Jobless claims hit a quarter century low; pay rose 4% from a year ago.", LEAP,
     [("a quarter century", "DURATION", "P25Y"), ("a year ago", "DATE", "2023")]),
    ("The company moved its headquarters to Ohio. Sales rose 5% from a year ago.", OCT,
     [("a year ago", "DATE", "2023")]),
    ("The wait fell to a quarter of an hour, from an hour a year earlier.", NEW_YEAR,
     [("a quarter of an hour", "DURATION", "PT15M"), ("an hour", "DURATION", "PT1H"),
      ("a year earlier", "DATE", "2023")]),
    # a quarter named before them is still the one compared
    ("In the third quarter net rose. The headquarters staff was cut. Net was $5 a year earlier.",
     OCT, [("the third quarter", "DATE", "2024-Q3"), ("a year earlier", "DATE", "2023-Q3")]),
    ("Third-quarter sales rose 5% from a year ago.", OCT,
     [("Third-quarter", "DATE", "2024-Q3"), ("a year ago", "DATE", "2023-Q3")]),
]  # fmt: skip


@pytest.mark.parametrize(("text", "ref", "expected"), NO_QUARTER_OF_A_YEAR)
def test_a_quarter_of_something_else_is_no_quarter_compared(
    text: str, ref: dt.date | None, expected: list[tuple[str, str, str]]
) -> None:
    """After "a quarter-century low", "higher than a year earlier" is the year before's."""
    assert summary(text, ref) == expected


QUARTERS_OF_OTHER_UNITS = [
    # a quarter of a century or of an hour is a length of 25 years or 15 minutes, one
    # expression (it was "a quarter", three months, or "an hour")
    ("The rivalry lasted a quarter century.", OCT, [("a quarter century", "DURATION", "P25Y")]),
    ("He waited a quarter of an hour.", MON, [("a quarter of an hour", "DURATION", "PT15M")]),
    ("It took three quarters of an hour.", LEAP,
     [("three quarters of an hour", "DURATION", "PT45M")]),
    ("Prices held for over a quarter of a century.", YEAR_END,
     [("a quarter of a century", "DURATION", "P25Y")]),
    ("The show ran for two quarter-hours.", OCT, [("two quarter-hours", "DURATION", "PT30M")]),
    ("It will leave in a quarter of an hour.", dt.datetime(2024, 10, 15, 9, 0, tzinfo=dt.UTC),
     [("a quarter of an hour", "TIME", "2024-10-15T09:15")]),
    # ... and counted back from the reference as any such length
    ("It was a quarter-century ago.", OCT, [("a quarter-century ago", "DATE", "1999")]),
    ("They left three quarters of an hour ago.", dt.datetime(2024, 10, 15, 9, 0, tzinfo=dt.UTC),
     [("three quarters of an hour ago", "TIME", "2024-10-15T08:15")]),
    # a quarter alone is still three months
    ("Net rose in a quarter when sales fell.", OCT, [("a quarter", "DURATION", "P3M")]),
    ("That was a quarter ago.", OCT, [("a quarter ago", "DATE", "2024-Q3")]),
]  # fmt: skip


@pytest.mark.parametrize(("text", "ref", "expected"), QUARTERS_OF_OTHER_UNITS)
def test_a_quarter_of_a_century_or_an_hour_is_its_length(
    text: str, ref: dt.date | dt.datetime | None, expected: list[tuple[str, str, str]]
) -> None:
    """A quarter of an hour is 15 minutes, a quarter century 25 years."""
    assert summary(text, ref) == expected


THE_UNIT_BEFORE_AN_AMOUNT = [
    # "of" before an amount is the noun's ("a high of $42"), not the period's
    ("The stock rose to a high for the year of $42.875 in June.", OCT,
     [("the year", "DATE", "2024"), ("June", "DATE", "2024-06")]),
    ("Shares hit a low for the week of £3.10.", MON, [("the week", "DATE", "2024-W04")]),
    ("It paid a dividend for the month of €1.20.", YEAR_END, [("the month", "DATE", "2023-12")]),
    # "the year of" anything else names another year
    ("It was the year of the dragon.", OCT, []),
    ("a high for the year of 42 cents", OCT, []),
]  # fmt: skip


@pytest.mark.parametrize(("text", "ref", "expected"), THE_UNIT_BEFORE_AN_AMOUNT)
def test_the_year_before_an_amount_is_the_reference_year(
    text: str, ref: dt.date | None, expected: list[tuple[str, str, str]]
) -> None:
    """In "a high for the year of $42", "the year" is the reference's."""
    assert summary(text, ref) == expected


_TZ_TYPE = "tz must be a tzinfo such as zoneinfo.ZoneInfo('Europe/London')"


@pytest.mark.parametrize("reference", [None, MON, dt.datetime(2024, 1, 22, 9, tzinfo=dt.UTC)])
@pytest.mark.parametrize(
    ("tz", "kind", "message"),
    [
        ("UTC", TypeError, f"{_TZ_TYPE}, got 'UTC'"),
        (5, TypeError, f"{_TZ_TYPE}, got 5"),
        (_NoOffset(), ValueError, "tz must state a UTC offset, got <tests.test_temporal._NoOffset"),
    ],
    ids=["name", "number", "no-offset"],
)
def test_bad_zones_are_rejected(
    tz: object, kind: type[Exception], message: str, reference: dt.date | None
) -> None:
    """Regression: a tz that is no tzinfo raised datetime's own TypeError, which names
    no parameter (or was ignored beside a datetime reference), and a tzinfo without an
    offset said 'start must be timezone-aware, got datetime.datetime(2020, 1, 1...)'."""
    with pytest.raises(kind) as err:
        find_mentions("on Monday, 2 January 2024", reference, tz=tz)  # type: ignore[arg-type]
    assert str(err.value).startswith(message)


@pytest.mark.parametrize(("start", "end"), [(None, None), (1.5, None), (0, "3")])
def test_offsets_of_the_wrong_type_are_rejected(start: object, end: object) -> None:
    """Regression: start=None raised "'<=' not supported between instances of 'int' and
    'NoneType'", and a float start "slice indices must be integers": both name no
    parameter."""
    with pytest.raises(TypeError) as err:
        find_mentions("today", MON, start=start, end=end)  # type: ignore[arg-type]
    assert str(err.value) == f"start and end must be int offsets, got {start!r}, {end!r}"


ELLIPTIC_LAST_AND_NEXT = [
    # "last" or "next" alone, ending its clause after "this" and a unit, is that unit's
    ("The dividend will be twice as high this year as last.", OCT,
     [("this year", "DATE", "2024"), ("last", "DATE", "2023")]),
    ("Sales this year and last, the firm said, were flat.", NEW_YEAR,
     [("this year", "DATE", "2024"), ("last", "DATE", "2023")]),
    ("More rain fell this month than last.", LEAP,
     [("this month", "DATE", "2024-02"), ("last", "DATE", "2024-01")]),
    ("The bridge shuts this week or next;", YEAR_END,
     [("this week", "DATE", "2023-W52"), ("next", "DATE", "2024-W01")]),
    # a quarter too: "this quarter and last" is the quarter before it
    ("Margins narrowed this quarter and last.", OCT,
     [("this quarter", "DATE", "2024-Q4"), ("last", "DATE", "2024-Q3")]),
    ("Sales will rise this quarter or next, it said.", NEW_YEAR,
     [("this quarter", "DATE", "2024-Q1"), ("next", "DATE", "2024-Q2")]),
    ("Net fell this quarter as last resort.", OCT, [("this quarter", "DATE", "2024-Q4")]),
    # "last" before a noun is no ellipsis, and a unit after it is a mention of its own
    ("He did it this year as last resort.", MON, [("this year", "DATE", "2024")]),
    ("It cost this year and next to nothing.", MON, [("this year", "DATE", "2024")]),
    ("this year and last year", MON,
     [("this year", "DATE", "2024"), ("last year", "DATE", "2023")]),
    # only after "this" and a unit: "this past week" names no unit to repeat
    ("He spoke this past week and last.", MON, [("this past week", "DATE", "2024-W03")]),
    ("We won then and lost last.", MON, []),
]  # fmt: skip


@pytest.mark.parametrize(("text", "ref", "expected"), ELLIPTIC_LAST_AND_NEXT)
def test_last_or_next_alone_after_this_year_repeats_its_unit(
    text: str, ref: dt.date, expected: list[tuple[str, str, str]]
) -> None:
    """Regression: "as high this year as last" left "last" (last year) unmarked, and
    "this quarter and last" still did."""
    assert summary(text, ref) == expected


HIGH_NOON = [
    # "high noon" is the hour of a showdown, an idiom, no time of day
    ("For the strikers, high noon will come on Friday.", MON, [("Friday", "DATE", "2024-01-26")]),
    ("It is high noon for the government.", LEAP, []),
    ("High noon at the treasury.", OCT, []),
    # noon itself, and a word that ends in "high", keep the hour
    ("The sun stood high at noon.", MON, [("noon", "TIME", "2024-01-22T12:00")]),
    ("Talks resume at noon Thursday.", LEAP, [("noon Thursday", "TIME", "2024-02-29T12:00")]),
    ("Thigh noon", MON, [("noon", "TIME", "2024-01-22T12:00")]),
]  # fmt: skip


@pytest.mark.parametrize(("text", "ref", "expected"), HIGH_NOON)
def test_high_noon_is_no_time_of_day(
    text: str, ref: dt.date, expected: list[tuple[str, str, str]]
) -> None:
    """Regression: "high noon comes today" gave the reference's 12:00."""
    assert summary(text, ref) == expected


ALL_THE_TIME = [
    # "24 hours a day", "seven days a week": every part of each period, "all the time",
    # neither a length nor a rate
    ("Officers will guard the clinic 24 hours a day, the mayor said.", MON, []),
    ("The shop is open seven days a week.", LEAP, []),
    ("Pumps run 24 hours a day, 7 days a week, 365 days a year.", OCT, []),
    ("Nurses worked twenty-four hours a day in 2020.", MON, [("2020", "DATE", "2020")]),
    ("The mine works 52 weeks a year and twelve months a year.", MON, []),
    # other counts are lengths or rates, as before
    ("They flew 12 hours a day.", MON,
     [("12 hours", "DURATION", "PT12H"), ("a day", "SET", "P1D")]),
    ("The strike lasted 24 hours.", MON, [("24 hours", "DURATION", "PT24H")]),
    ("It rained for hours a day later.", MON,
     [("hours", "DURATION", "PTXH"), ("a day", "DURATION", "P1D")]),
]  # fmt: skip


@pytest.mark.parametrize(("text", "ref", "expected"), ALL_THE_TIME)
def test_24_hours_a_day_is_no_length_and_no_rate(
    text: str, ref: dt.date, expected: list[tuple[str, str, str]]
) -> None:
    """Regression: "24 hours a day" was a length (PT24H) and a rate (a day, P1D)."""
    assert summary(text, ref) == expected


RATES_OF_CHANGE = [
    # a frequency or "a year" after a percentage is a rate of change, which TimeML leaves
    # unmarked as it leaves a speed: no time recurs
    ("Analysts expect revenue to grow 12% annually.", LEAP, []),
    ("Sales should rise 4.5 percent a year until 2030.", OCT, [("2030", "DATE", "2030")]),
    ("Costs climbed 3 per cent a month and 2 % yearly.", MON, []),
    ("Emissions must fall by 7% a year, every year.", MON, [("every year", "SET", "P1Y")]),
    # a frequency of an event, an amount per period, a per-period average and a length
    # keep their readings
    ("The ferry sails daily.", MON, [("daily", "SET", "P1D")]),
    ("The average daily turnover was 90 million shares.", MON, [("daily", "SET", "P1D")]),
    ("The bonds pay $1.76 a year.", OCT, [("a year", "SET", "P1Y")]),
    ("Profit rose 40% a year earlier.", OCT, [("a year earlier", "DATE", "2023")]),
    # a count before "after" or "later" is a length counted from another time, no rate
    ("Shares fell 9% a week after the merger.", MON, [("a week", "DURATION", "P1W")]),
    ("Rents rose by $40 a month later.", MON, [("a month", "DURATION", "P1M")]),
]  # fmt: skip


@pytest.mark.parametrize(("text", "ref", "expected"), RATES_OF_CHANGE)
def test_a_frequency_after_a_percentage_is_a_rate_of_change(
    text: str, ref: dt.date, expected: list[tuple[str, str, str]]
) -> None:
    """Regression: "to rise 8.5% annually" and "7% a year" were sets, and so was "a week"
    of "fell 9% a week after the merger"."""
    assert summary(text, ref) == expected


FUTURE_OF = [
    # "the future of" something, and "the future" opening a clause before a verb of
    # seeming, are prospects, no time
    ("Sales fell, and the future looks bleak.", MON, []),
    ("The future is uncertain.", LEAP, []),
    ("\"The near future remains unclear,\" he said.", OCT, []),
    ("Leaders met on Monday to discuss the future of the alliance.", LEAP,
     [("Monday", "DATE", "2024-02-26")]),
    ("The Future of Work conference opens.", MON, []),
    ("Fans fear for the future of the club.", OCT, []),
    # a time to come keeps its reading
    ("In the future, of course, prices will rise.", MON, [("the future", "DATE", "FUTURE_REF")]),
    ("We will meet in the near future of course.", MON,
     [("the near future", "DATE", "FUTURE_REF")]),
    ("The future that awaits him is bright.", OCT, [("The future", "DATE", "FUTURE_REF")]),
    ("Talks will resume in the future.", LEAP, [("the future", "DATE", "FUTURE_REF")]),
    ("What matters in the future is cost.", MON, [("the future", "DATE", "FUTURE_REF")]),
]  # fmt: skip


@pytest.mark.parametrize(("text", "ref", "expected"), FUTURE_OF)
def test_the_future_of_something_or_as_a_subject_is_prospects(
    text: str, ref: dt.date, expected: list[tuple[str, str, str]]
) -> None:
    """Regression: "important to the future of our peoples" and "the future looks
    anything but encouraging" were `FUTURE_REF`."""
    assert summary(text, ref) == expected


RECENTLY_BEFORE_A_DATE = [
    # "recently" right before a date points at it: the date alone is the time
    ("Three doctors were shot, most recently last October.", MON,
     [("last October", "DATE", "2023-10")]),
    ("Rates stood at 9% as recently as 2019.", LEAP, [("2019", "DATE", "2019")]),
    ("He was seen more recently on Friday.", OCT, [("Friday", "DATE", "2024-10-11")]),
    # "recently" alone, or before another word, keeps its reading
    ("She recently moved to Leeds.", MON, [("recently", "DATE", "PAST_REF")]),
    ("Until recently, the plant was closed.", LEAP, [("recently", "DATE", "PAST_REF")]),
    ("He recently in marketing said so.", MON, [("recently", "DATE", "PAST_REF")]),
    ("They met recently, in 2019.", OCT,
     [("recently", "DATE", "PAST_REF"), ("2019", "DATE", "2019")]),
]  # fmt: skip


@pytest.mark.parametrize(("text", "ref", "expected"), RECENTLY_BEFORE_A_DATE)
def test_recently_before_a_date_is_no_mention_of_its_own(
    text: str, ref: dt.date, expected: list[tuple[str, str, str]]
) -> None:
    """Regression: "most recently last October" gave "recently" (`PAST_REF`) as well."""
    assert summary(text, ref) == expected


TODAY_AS_AN_ERA = [
    # "today's" or "tomorrow's" before a noun of an era that ends its phrase, and "the
    # youth of today", are the present or the future as an era, no day
    ("Today's youth have never known life without phones.", MON, []),
    ("By today's standards, the car was slow.", LEAP, []),
    ("The case matters to today's young people, she said.", OCT, []),
    ("Tomorrow's world will need more engineers.", MON, []),
    ("He said it in today's fast-changing world _ where nothing lasts.", MON, []),
    ("They are training the people of tomorrow.", OCT, []),
    ("The youth of today, he said, read less.", LEAP, []),
    # a day's event, a noun that goes on, and "today" after such a noun keep the day
    ("Today's match was postponed.", MON, [("Today", "DATE", "2024-01-22")]),
    ("Tomorrow's vote has wide implications.", OCT, [("Tomorrow", "DATE", "2024-10-16")]),
    ("Today's youth team game was called off.", MON, [("Today", "DATE", "2024-01-22")]),
    ("Today's World Cup qualifier is sold out.", LEAP, [("Today", "DATE", "2024-02-29")]),
    ("The events of today shocked the town.", MON, [("today", "DATE", "2024-01-22")]),
    ("I will see the children tomorrow.", MON, [("tomorrow", "DATE", "2024-01-23")]),
]  # fmt: skip


@pytest.mark.parametrize(("text", "ref", "expected"), TODAY_AS_AN_ERA)
def test_today_as_an_era_is_no_day(
    text: str, ref: dt.date, expected: list[tuple[str, str, str]]
) -> None:
    """Regression: "for today's youth", "in today's world" and "the people of tomorrow"
    were the reference's day and the next."""
    assert summary(text, ref) == expected


MINUTES_OF_A_MEETING = [
    # the record of a meeting: after a central bank or a meeting noun, or "the minutes"
    # before "of ... meeting" or a verb of showing
    ("Fed minutes show officials see cuts.", MON, []),
    ("The minutes of the January meeting showed concern.", OCT, [("January", "DATE", "2024-01")]),
    ("The minutes showed that officials were divided.", MON, []),
    ("Meeting minutes will be published on Friday.", LEAP, [("Friday", "DATE", "2024-03-01")]),
    ("The FOMC minutes, released at 2pm, were dovish.", MON, [("2pm", "TIME", "2024-01-22T14:00")]),
    # minutes of time keep their length
    ("In the first minutes of trading, stocks fell.", MON, [("minutes", "DURATION", "PTXM")]),
    ("He left the meeting minutes before the vote.", OCT, [("minutes", "DURATION", "PTXM")]),
    ("In the minutes after the blast, people ran.", MON, [("minutes", "DURATION", "PTXM")]),
    ("The board minutes later approved the plan.", LEAP, [("minutes", "DURATION", "PTXM")]),
    ("The minutes of play were tense.", MON, [("minutes", "DURATION", "PTXM")]),
]  # fmt: skip


@pytest.mark.parametrize(("text", "ref", "expected"), MINUTES_OF_A_MEETING)
def test_the_minutes_of_a_meeting_are_no_length(
    text: str, ref: dt.date, expected: list[tuple[str, str, str]]
) -> None:
    """Regression: "Fed minutes show officials see rate cuts" gave "minutes" (`PTXM`)."""
    assert summary(text, ref) == expected


THE_NIGHT_OF_A_CLAUSE = [
    # a part of the day that a clause after it names, inside a clause: the event's, no
    # day counted from the reference
    ("The agency released tapes from the night the ferry sank.", MON, []),
    ("She still remembers the morning he left.", OCT, []),
    ("Nobody has slept since the night the dam broke.", LEAP, []),
    ("They talked about the evening a friend came by.", MON, []),
    # a part of the day before a main clause, or with no clause after it, keeps its day
    ("During the night the rebels attacked.", MON, [("the night", "TIME", "2024-01-22TNI")]),
    ("Since the morning the army has shelled the town.", OCT,
     [("the morning", "TIME", "2024-10-15TMO")]),
    ("I worked from the morning until night.", LEAP, [("the morning", "TIME", "2024-02-29TMO")]),
]  # fmt: skip


@pytest.mark.parametrize(("text", "ref", "expected"), THE_NIGHT_OF_A_CLAUSE)
def test_the_night_a_clause_names_is_no_night_of_the_reference(
    text: str, ref: dt.date, expected: list[tuple[str, str, str]]
) -> None:
    """Regression: "tapes from the night the flight went down" was the reference's night."""
    assert summary(text, ref) == expected


NO_TIME_IN_AN_IDIOM_OR_AN_AWARD = [
    # "call it a day" is to stop, "a minute amount" is tiny, and "Player of the Year"
    # inside a sentence names an award: no time
    ("The rebels called it a day on Friday.", MON, [("Friday", "DATE", "2024-01-19")]),
    ("Let us call it a day.", OCT, []),
    ("Only a minute trace of the toxin remained.", LEAP, []),
    ("A minute amount was found.", MON, []),
    ("He was named Player of the Year on Monday.", OCT, [("Monday", "DATE", "2024-10-14")]),
    ("Time named her Person of the Year.", LEAP, []),
    ("Goal of the Month: a volley from Smith.", MON, []),
    # a length of a minute or a day, and a headline's part of a year, keep their times
    ("A minute later, he left.", MON, [("A minute", "DURATION", "PT1M")]),
    ("We spent a day in Paris.", OCT, [("a day", "DURATION", "P1D")]),
    ("Protests Continue for Rest of the Year.", MON, [("the Year", "DATE", "2024")]),
    ("Shops Expect Rush at End of the Year, says survey.", LEAP, [("the Year", "DATE", "2024")]),
]  # fmt: skip


@pytest.mark.parametrize(("text", "ref", "expected"), NO_TIME_IN_AN_IDIOM_OR_AN_AWARD)
def test_no_time_in_an_idiom_or_an_award(
    text: str, ref: dt.date, expected: list[tuple[str, str, str]]
) -> None:
    """Regression: "call it a day" was `P1D`, "a minute trace" `PT1M` and "Player of the
    Year" this year."""
    assert summary(text, ref) == expected


NAMES_AFTER_AN_ACRONYM = [
    # a title-case time word after an acronym names a paper or a programme
    ("This is VOA Today.", MON, []),
    ("USA Today reported the figures on Monday.", LEAP, [("Monday", "DATE", "2024-02-26")]),
    ("The figures, USA Today said, were wrong.", OCT, []),
    ("He told BBC Tonight that it was over.", MON, []),
    # lower case, or after a word that is no acronym, it is the time
    ("The PM today said no.", MON, [("today", "DATE", "2024-01-22")]),
    ("NEWS: Today the UN met.", MON, [("Today", "DATE", "2024-01-22")]),
    ("The U.S. Today moved troops.", MON, [("Today", "DATE", "2024-01-22")]),
    ("At 9 AM Today, the bridge reopened.", MON, [("9 AM Today", "TIME", "2024-01-22T09:00")]),
    ("Results Due At 9 GMT Today", MON, [("Today", "DATE", "2024-01-22")]),
]  # fmt: skip


@pytest.mark.parametrize(("text", "ref", "expected"), NAMES_AFTER_AN_ACRONYM)
def test_today_after_an_acronym_is_a_name(
    text: str, ref: dt.date, expected: list[tuple[str, str, str]]
) -> None:
    """Regression: "This is VOA Today." gave the reference's day."""
    assert summary(text, ref) == expected


TITLES_GO_ON = [
    # a title or "vs." before a capitalised name ends no sentence: the verb after it
    # is still the sentence's ("ended" puts Thursday in the past)
    ("Talks on Thursday with Mr. Brown ended badly.", MON, [("Thursday", "DATE", "2024-01-18")]),
    ("Talks on Thursday with Dr. Lee and Gov. Hart ended.", MON,
     [("Thursday", "DATE", "2024-01-18")]),
    ("The ruling on Thursday in Roe vs. Wade was overturned.", MON,
     [("Thursday", "DATE", "2024-01-18")]),
    # a full stop after any other word still ends the sentence
    ("Talks on Thursday went to Mr. Brown. Nobody ended it.", MON,
     [("Thursday", "DATE", "2024-01-18")]),
    ("Talks on Thursday with Brown. Gray resigned.", MON, [("Thursday", "DATE", "2024-01-25")]),
    ("Talks on Thursday are with Rev. Gray.", MON, [("Thursday", "DATE", "2024-01-25")]),
]  # fmt: skip


@pytest.mark.parametrize(("text", "ref", "expected"), TITLES_GO_ON)
def test_a_title_before_a_name_ends_no_sentence(
    text: str, ref: dt.date, expected: list[tuple[str, str, str]]
) -> None:
    """Regression: "Mr. Brown ended" was a sentence of its own, its verb no cue."""
    assert summary(text, ref) == expected


FRONTED_DATES = [
    # a date opening its sentence takes the tense of the sentence's verb, however far
    # after it a long adverbial puts it
    ("In January, a week after the anniversary of the treaty of Rome and amid the worst "
     "storms of the season in the north, a bombing in the capital killed six people.", OCT,
     [("January", "DATE", "2024-01"), ("a week", "DURATION", "P1W")]),
    ("On Dec. 2, in the middle of the worst storms of the season in the north of the "
     "country and the west, the opposition leader will address parliament.", MON,
     [("Dec. 2", "DATE", "2024-12-02")]),
    ("Until Thursday, the police had not named a suspect.", MON,
     [("Thursday", "DATE", "2024-01-18")]),
    ("Until Dec. 2, the bridge stayed shut.", OCT, [("Dec. 2", "DATE", "2023-12-02")]),
    # a date inside its sentence keeps the cues near it; a fronted "until" with no verb
    # after it, or a future one, looks ahead
    ("Storms lashed the north, and in January, a week after the anniversary of the "
     "treaty of Rome and amid the worst storms of the season, a bombing killed six.", OCT,
     [("January", "DATE", "2025-01"), ("a week", "DURATION", "P1W")]),
    ("The offer stands until Thursday.", MON, [("Thursday", "DATE", "2024-01-25")]),
    ("Until Thursday, the bridge will stay shut.", MON, [("Thursday", "DATE", "2024-01-25")]),
    ("They had not named a suspect until Thursday.", MON,
     [("Thursday", "DATE", "2024-01-25")]),
]  # fmt: skip


@pytest.mark.parametrize(("text", "ref", "expected"), FRONTED_DATES)
def test_a_fronted_date_takes_its_sentences_verb(
    text: str, ref: dt.date, expected: list[tuple[str, str, str]]
) -> None:
    """Regression: "In January, <a long aside>, a bombing killed" was the coming January;
    "Until Thursday, they had not ..." the coming Thursday."""
    assert summary(text, ref) == expected


THE_YEAR_PERIOD = [
    # "the 2023 period" is the period a comparison is about, in that year: the last
    # quarter named, the year after a longer period, and the year with none named
    ("In the first nine months, net was $306 million, against $195 million in the 2023 "
     "period.", OCT,
     [("the first nine months", "DURATION", "P9M"), ("the 2023 period", "DATE", "2023")]),
    ("Second-quarter net rose to $5 million from $4 million in the 2023 period.", OCT,
     [("Second-quarter", "DATE", "2024-Q2"), ("the 2023 period", "DATE", "2023-Q2")]),
    ("For the six months, sales rose from the 2023 period.", MON,
     [("the six months", "DURATION", "P6M"), ("the 2023 period", "DATE", "2023")]),
    ("Sales were flat against the 2023 period.", OCT, [("the 2023 period", "DATE", "2023")]),
    # a quarter unnamed is the reported one, as is "the 2023 quarter" after any period
    ("Net for the quarter rose from the 2023 period.", OCT,
     [("the quarter", "DATE", "2024-Q3"), ("the 2023 period", "DATE", "2023-Q3")]),
    ("In the nine months, net rose from the 2023 quarter.", OCT,
     [("the nine months", "DURATION", "P9M"), ("the 2023 quarter", "DATE", "2023-Q3")]),
    ("In the nine months, net rose from the 2023 period.", None,
     [("the nine months", "DURATION", "P9M"), ("the 2023 period", "DATE", "2023")]),
]  # fmt: skip


@pytest.mark.parametrize(("text", "ref", "expected"), THE_YEAR_PERIOD)
def test_the_year_period_is_the_period_compared(
    text: str, ref: dt.date | None, expected: list[tuple[str, str, str]]
) -> None:
    """Regression: "the 1988 period" after "the first nine months" was the reported
    quarter of 1988."""
    assert summary(text, ref) == expected


THE_PAST_WEEK = [
    # "the past week" is the seven days up to the reference: the ISO week that holds
    # most of them, the reference's own from Thursday on, the one before up to Wednesday
    ("He has been in Geneva for the past week.", FRI, [("the past week", "DATE", "2013-W12")]),
    ("Over the last week, prices rose.", LEAP, [("the last week", "DATE", "2024-W09")]),
    ("Over the past week, prices rose.", MON, [("the past week", "DATE", "2024-W03")]),
    ("In the last week prices rose.", OCT, [("the last week", "DATE", "2024-W41")]),
    # "last week" is the calendar week before the reference's, whatever the day
    ("Prices rose last week.", FRI, [("last week", "DATE", "2013-W11")]),
    ("Prices rose last week.", LEAP, [("last week", "DATE", "2024-W08")]),
    ("He has been here for the past week.", None, [("the past week", "DATE", "XXXX-WXX")]),
]  # fmt: skip


@pytest.mark.parametrize(("text", "ref", "expected"), THE_PAST_WEEK)
def test_the_past_week_is_the_seven_days_up_to_the_reference(
    text: str, ref: dt.date | None, expected: list[tuple[str, str, str]]
) -> None:
    """Regression: "for the past week", written on a Friday, was the calendar week before
    the reference's, as "last week" is."""
    assert summary(text, ref) == expected


REPORTED_QUARTER = [
    # a quarter whose results a past verb reports is over, whatever the calendar says (a
    # fiscal quarter): "the latest period" and "the quarter" after it are that one
    ("Acme reported a 47% decline in fourth-quarter earnings. Sales in the latest period "
     "were $1.7 billion.", OCT,
     [("fourth-quarter", "DATE", "2024-Q4"), ("the latest period", "DATE", "2024-Q4")]),
    ("Acme posted a fourth-quarter loss. Revenue in the quarter fell 5%.", OCT,
     [("fourth-quarter", "DATE", "2024-Q4"), ("the quarter", "DATE", "2024-Q4")]),
    # a quarter still to come is not reported on: the latest period is the one before
    ("Acme expects a fourth-quarter charge. Sales in the latest period were $1.7 "
     "billion.", OCT,
     [("fourth-quarter", "DATE", "2024-Q4"), ("the latest period", "DATE", "2024-Q3")]),
    ("Acme reported strong sales and expects a fourth-quarter charge. Sales in the "
     "latest period were $1.7 billion.", OCT,
     [("fourth-quarter", "DATE", "2024-Q4"), ("the latest period", "DATE", "2024-Q3")]),
]  # fmt: skip


@pytest.mark.parametrize(("text", "ref", "expected"), REPORTED_QUARTER)
def test_a_quarter_whose_results_are_reported_is_over(
    text: str, ref: dt.date | None, expected: list[tuple[str, str, str]]
) -> None:
    """Regression: "reported a decline in fourth-quarter earnings", written in the
    fourth quarter, made "the latest period" after it the third quarter."""
    assert summary(text, ref) == expected

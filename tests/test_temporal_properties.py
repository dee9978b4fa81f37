"""Properties of find_mentions: round trips, tiling of spans, weekday and week arithmetic."""

from __future__ import annotations

import datetime as dt
import zoneinfo

from hypothesis import given
from hypothesis import strategies as st

from liveblog.temporal import find_mentions

MONTH_NAMES = [dt.date(2024, k, 1).strftime("%B") for k in range(1, 13)]
WEEKDAY_NAMES = [dt.date(2024, 1, k).strftime("%A") for k in range(1, 8)]


def render(day: dt.date, style: int) -> str:
    """``day`` written in one of the supported full-date formats."""
    month = MONTH_NAMES[day.month - 1]
    abbr = month[:3] + "." if len(month) > 4 else month
    forms = (
        f"{month} {day.day}, {day.year}",
        f"{day.day} {month} {day.year}",
        f"{abbr} {day.day}, {day.year}",
        f"{month} {day.day}th, {day.year}" if day.day in {4, 5, 6, 7, 8, 9} else day.isoformat(),
        day.isoformat(),
        f"the {day.day}th of {month} {day.year}" if day.day > 3 else day.isoformat(),
        f"{day.year}/{day.month:02d}/{day.day:02d}",
        f"{day.month}/{day.day}/{day.year}",  # slashes: month first, unless the first
        f"{day.day}/{day.month}/{day.year}"  # number exceeds 12
        if day.day > 12
        else f"{day.month:02d}/{day.day:02d}/{day.year}",
        f"{day.day:02d}.{day.month:02d}.{day.year}",  # dots: day first
        f"{day.day}.{day.month}.{day.year}",
    )
    return forms[style % len(forms)]


# Words without vowels cannot spell a temporal word; punctuation as in prose.
fillers = st.lists(
    st.text(alphabet="bcdfghjklmnpqrstvwxz", min_size=1, max_size=8), min_size=0, max_size=6
).map(" ".join)
# every year a full date can be written with (patterns.YEAR: 1000 to 2099)
dates = st.dates(min_value=dt.date(1000, 1, 1), max_value=dt.date(2099, 12, 31))
# and references at the calendar's ends, where "next week" or "the 31st" would leave it
references = st.one_of(
    st.none(),
    dates,
    st.sampled_from([dt.date.min, dt.date(1, 1, 7), dt.date(9999, 12, 25), dt.date.max]),
)


contexts = st.tuples(fillers, st.sampled_from(["", ",", ".", ";"]), fillers)


@given(dates, st.integers(0, 10), contexts, references)
def test_rendered_date_resolves_to_itself(
    day: dt.date, style: int, context: tuple[str, str, str], ref: dt.date | None
) -> None:
    """A date in any supported format, in random surrounding text, gives back its day."""
    written = render(day, style)
    before, punct, after = context
    text = f"{before} {written}{punct} {after}".strip()
    found = find_mentions(text, ref)
    assert [(m.text, m.value) for m in found] == [(written, day.isoformat())]
    assert found[0].start == dt.datetime(day.year, day.month, day.day, tzinfo=dt.UTC)


@given(dates, contexts, references)
def test_day_first_numeric_date_resolves_to_itself(
    day: dt.date, context: tuple[str, str, str], ref: dt.date | None
) -> None:
    """With ``day_first`` (a blog of 24-hour markers), "d/m/yyyy" is that day, whether
    or not it also reads month first."""
    written = f"{day.day}/{day.month}/{day.year}"
    before, punct, after = context
    text = f"{before} {written}{punct} {after}".strip()
    found = find_mentions(text, ref, day_first=True)
    assert [(m.text, m.value) for m in found] == [(written, day.isoformat())]


def render_fiscal(end_year: int, style: int) -> str:
    """The fiscal year that ends in ``end_year`` in one of the supported forms."""
    first = end_year - 1
    forms = (
        f"FY{end_year}",
        f"FY {end_year}",
        f"FY{end_year % 100:02d}",
        f"FY{first}/{end_year % 100:02d}",
        f"FY{first % 100:02d}-{end_year % 100:02d}",
        f"fiscal {first}-{end_year % 100:02d}",
        f"fiscal year {first}/{end_year}",
        f"the {first}-{end_year % 100:02d} financial year",
        f"the financial year {first}/{end_year % 100:02d}",
    )
    return forms[style % len(forms)]


@given(st.integers(1001, 2099), st.integers(0, 8), st.integers(-45, 45), contexts, st.booleans())
def test_rendered_fiscal_year_resolves_to_the_year_it_ends_in(
    end_year: int, style: int, shift: int, context: tuple[str, str, str], known: bool
) -> None:
    """A fiscal year in any supported form, in random text, is the year it ends in; two
    digits are read in the century nearest the reference (2000 without one)."""
    written = render_fiscal(end_year, style)
    before, punct, after = context
    text = f"{before} {written}{punct} {after}".strip()
    two_digits = style % 9 in {2, 4}
    pivot = min(max(end_year + shift, 1), 9999)
    ref = dt.date(pivot, 6, 1) if known or not two_digits else None
    if two_digits and ref is None and abs(end_year - 2000) > 45:
        ref = dt.date(pivot, 6, 1)
    found = find_mentions(text, ref)
    assert [(m.text, m.type, m.value) for m in found] == [(written, "DATE", str(end_year))]


TOKENS = [
    "on", "Monday", "last", "week", "the", "3", "2024", "December", "25", ",", ".", "-",
    "ago", "two", "days", "in", "summer", "'", "s", "earlier", "this", "month", "pm",
    "10:30", "a.m.", "quarter", "third", "fiscal", "May", "may", "1990s", " ", "\n",
    "FY", "FY24", "FY2023", "/", "23", "financial", "year", "fy2024",
]  # fmt: skip
soups = st.lists(st.sampled_from(TOKENS), max_size=40).map(" ".join)


@given(st.one_of(st.text(), soups), references)
def test_mentions_are_sorted_disjoint_and_slice_their_text(text: str, ref: dt.date | None) -> None:
    """Mentions never overlap, come in order, and each span slices exactly its text."""
    found = find_mentions(text, ref)
    ends = 0
    for m in found:
        assert ends <= m.span.start < m.span.end <= len(text)
        assert text[slice(*m.span)] == m.text
        ends = m.span.end


@given(st.sampled_from(WEEKDAY_NAMES), dates)
def test_on_weekday_is_within_the_week_before(name: str, ref: dt.date) -> None:
    """'on Monday' in the past tense is a Monday in the 7 days up to the anchor."""
    (m,) = find_mentions(f"The talks ended on {name}.", ref)
    day = dt.date.fromisoformat(m.value)
    assert day.strftime("%A") == name
    assert 0 <= (ref - day).days < 7


@given(st.integers(1, 12), st.integers(1, 28), st.booleans(), dates)
def test_a_date_opening_a_past_sentence_is_within_the_year_before(
    month: int, day: int, with_day: bool, ref: dt.date
) -> None:
    """'On March 5, the board met.' and 'In March, the board met.' are the last such day
    or month up to the anchor, however near the next one is."""
    name = MONTH_NAMES[month - 1]
    written = f"On {name} {day}" if with_day else f"In {name}"
    (m,) = find_mentions(f"{written}, the board met.", ref)
    assert m.start is not None
    start = m.start.date()
    assert (start.month, start.day) == (month, day if with_day else 1)
    first = ref.replace(day=1) if not with_day else ref
    assert 0 <= (first - start).days < 366


TITLES = ["Mr.", "Mrs.", "Ms.", "Dr.", "Gen.", "Sen.", "Rep.", "Gov.", "Rev.", "Capt.", "vs."]


@given(st.sampled_from(WEEKDAY_NAMES), st.sampled_from(TITLES), st.booleans(), dates)
def test_a_title_before_a_name_leaves_the_sentence_whole(
    name: str, title: str, lower: bool, ref: dt.date
) -> None:
    """'Talks on Monday with Mr. Brown ended.' is the Monday in the 7 days up to the
    anchor, as 'Talks on Monday with Brown ended.' is: the title ends no sentence."""
    title = title.lower() if lower else title
    (m,) = find_mentions(f"Talks on {name} with {title} Brown ended badly.", ref)
    (plain,) = find_mentions(f"Talks on {name} with Brown ended badly.", ref)
    assert m.value == plain.value
    day = dt.date.fromisoformat(m.value)
    assert 0 <= (ref - day).days < 7


@given(st.integers(1, 12), st.booleans(), dates)
def test_a_month_takes_the_tense_of_its_own_clause(month: int, future: bool, ref: dt.date) -> None:
    """'The company changed its rules in March.' is the last March up to the anchor's
    month, however near the next one is; 'Officials said the board will vote in March.'
    the next March from it."""
    name = MONTH_NAMES[month - 1]
    text = (
        f"Officials said the board will vote in {name}."
        if future
        else f"The company changed its rules in {name}."
    )
    (m,) = find_mentions(text, ref)
    assert m.start is not None
    start = m.start.date()
    assert (start.month, start.day) == (month, 1)
    months = (start.year - ref.year) * 12 + start.month - ref.month
    assert 0 <= months < 12 if future else -12 < months <= 0


@given(dates)
def test_last_week_is_the_previous_week(ref: dt.date) -> None:
    """'last week' covers the ISO week before the anchor's."""
    (m,) = find_mentions("It happened last week.", ref)
    assert m.start is not None
    assert m.end is not None
    monday = ref - dt.timedelta(days=ref.weekday())
    assert m.end.date() == monday
    assert m.start.date() == monday - dt.timedelta(days=7)


BREAKS = ["\n\n", "\n \n", "\r\n\r\n", "\r\r", "\n\t\n"]


@given(st.lists(soups, min_size=2, max_size=4), st.sampled_from(BREAKS), references)
def test_no_mention_spans_a_blank_line(
    paragraphs: list[str], blank: str, ref: dt.date | None
) -> None:
    """A blank line ends every mention: "May 3" above one and "2024" below are two."""
    text = blank.join(paragraphs)
    for m in find_mentions(text, ref):
        assert "\n\n" not in m.text.replace("\r\n", "\n").replace("\r", "\n").replace(" ", "")
        assert "\n\t\n" not in m.text


def test_a_date_split_by_a_blank_line_is_two_mentions() -> None:
    """The month above a blank line and the day or year below it are read apart."""
    found = find_mentions("Talks ended on May 3\n\nJanuary 16, 2024 was quiet.", None)
    assert [(m.text, m.value) for m in found] == [
        ("May 3", "XXXX-05-03"),
        ("January 16, 2024", "2024-01-16"),
    ]
    found = find_mentions("It began in May\r\n\r\n2024 was quiet.", None)
    assert [m.text for m in found] == ["May", "2024"]


def test_one_crlf_line_break_is_no_blank_line() -> None:
    """CRLF is one line break: a date run over one CRLF stays one mention."""
    found = find_mentions("On Monday, January\r\n22, 2024 talks ended.", None)
    assert [(m.text, m.value) for m in found] == [("Monday, January\r\n22, 2024", "2024-01-22")]


# Lines that open with a word a count, a day or a year runs on to in a mention
CAPITALISED_LINES = [
    "Second.", "Seconds later it rained", "May brings rain", "May 2024 was wet", "Minutes ago",
    "Weeks ago, talks", "PM", "P.m. Wednesday", "2024 was quiet", "Hours", "Days and weeks",
    "January", "Of May", "Years ago", "GMT", "Or so", "And beyond", "Century", "Quarter",
]  # fmt: skip
NUMBERS = ["2", "5", "12", "31", "2024", "5th", "1,000", "3.5", "10:30", "the 3rd"]
LINE_ENDS = ["\n", " \n", "\r\n", "\r", "\n  ", "\t\r\n "]


@given(
    fillers,
    st.sampled_from(NUMBERS),
    st.sampled_from(LINE_ENDS),
    st.sampled_from(CAPITALISED_LINES),
    references,
)
def test_a_number_ending_a_line_joins_no_line_that_opens_capitalised(
    head: str, number: str, line_end: str, line: str, ref: dt.date | None
) -> None:
    """A number at a line's end above a line that opens with no lower-case letter is a
    heading's, a list item's or a score's ("Post 2" above "Second."): no mention runs
    from it across the line break."""
    above = f"{head} {number}".lstrip()
    text = f"{above}{line_end}{line}"
    for m in find_mentions(text, ref):
        assert not m.span.start < len(above) < m.span.end, m


def test_a_heading_s_number_is_no_count_or_day_of_the_line_below() -> None:
    """The audit's cases: "2\\nSecond" was PT2S, "5\\nMay" the 5th of May."""
    assert find_mentions("Post 2\nSecond.", None) == ()
    assert find_mentions("Item 5\nMay brings rain", None) == ()
    found = find_mentions("Talks on January 5\n2024 people marched", None)
    assert [(m.text, m.value) for m in found] == [("January 5", "XXXX-01-05")]
    # wrapped prose goes on in lower case
    found = find_mentions("They met at 10\npm and again 3\nweeks later.", None)
    assert [m.text for m in found] == ["10\npm", "3\nweeks"]


@given(
    st.sampled_from(["3", "2", "10", "12", "1,000", "two", "a few"]),
    st.sampled_from(["weeks ago", "days earlier", "hours from now", "years", "days or so"]),
    st.sampled_from(["\n", " \n", "\n  ", "\r\n", " \r\n"])
    | st.tuples(
        st.text(" \t", max_size=6), st.sampled_from(["", "\n", "\r\n"]), st.text(" \t", max_size=6)
    )
    .map("".join)
    .filter(bool),
    references,
)
def test_wrapped_prose_keeps_a_number_with_the_words_below_it(
    number: str, words: str, line_end: str, ref: dt.date | None
) -> None:
    """Prose wrapped after a number goes on in lower case, at an LF or a CRLF, and
    blanks as wide as a justified line's: the mention is the one the line break's place
    would give with a blank ("it began 3\\nweeks ago", "two\\r\\nweeks ago", "two
    \\r\\n     weeks ago", "5    days ago")."""
    text = f"It began {number} {words} in the north."
    wrapped = text.replace(f"{number} ", f"{number}{line_end}", 1)
    shift = len(line_end) - 1
    expected = [
        ((m.span.start, m.span.end + (shift if m.span.start < 9 + len(number) else 0)), m.value)
        for m in find_mentions(text, ref)
    ]
    assert [(tuple(m.span), m.value) for m in find_mentions(wrapped, ref)] == expected


def test_a_count_with_thousands_groups_wrapped_at_a_crlf_keeps_its_unit() -> None:
    """The scan's triggers read the blanks between a count and its unit as the
    recognisers do: a CRLF too ("1,000\\r\\nweeks ago" lost its count)."""
    found = find_mentions("It began 1,000\r\nweeks ago.", None)
    assert [(m.text, m.value) for m in found] == [("1,000\r\nweeks ago", "XXXX-WXX")]


@given(
    dates,
    st.sampled_from(["Europe/Kyiv", "America/Chicago", "Asia/Kolkata", "UTC"]),
    st.sampled_from(["on Monday", "last week", "yesterday", "in March", "May 3, 2022"]),
)
def test_a_day_in_a_zone_bounds_its_mentions_there(ref: dt.date, zone: str, phrase: str) -> None:
    """With ``tz``, a date reference is that zone's day: the intervals are the same
    wall-clock days as in UTC, in that zone."""
    tz = zoneinfo.ZoneInfo(zone)
    text = f"Talks ended {phrase}."
    in_utc = find_mentions(text, ref)
    assert in_utc
    zoned = find_mentions(text, ref, tz=tz)
    assert [(m.span, m.value) for m in zoned] == [(m.span, m.value) for m in in_utc]
    for a, b in zip(zoned, in_utc, strict=True):
        assert a.start is not None
        assert b.start is not None
        assert a.start.tzinfo is tz
        assert a.start.replace(tzinfo=None) == b.start.replace(tzinfo=None)


def _ordinal_suffix(n: int) -> str:
    """ "st", "nd", "rd" or "th", as English writes ``n``'s ordinal."""
    return "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")


def render_no_comma(day: dt.date, style: int) -> tuple[str, str]:
    """``day`` written with its year after the day and month, or the month, with no comma
    between (the shapes that read a year of any century), and the value it gives."""
    month = MONTH_NAMES[day.month - 1]
    abbr = month[:3] + "." if len(month) > 4 else month
    forms = (
        (f"{day.day} {month} {day.year}", day.isoformat()),
        (f"{month} {day.day} {day.year}", day.isoformat()),
        (f"{abbr} {day.day} {day.year}", day.isoformat()),
        (f"the {day.day}{_ordinal_suffix(day.day)} of {month} {day.year}", day.isoformat()),
        (f"{month} {day.year}", f"{day.year:04d}-{day.month:02d}"),
    )
    return forms[style % len(forms)]


@given(
    st.dates(min_value=dt.date(1000, 1, 1), max_value=dt.date(9999, 12, 30)),
    st.integers(0, 4),
    contexts,
    references,
)
def test_a_year_after_a_day_and_month_is_read_in_any_century(
    day: dt.date, style: int, context: tuple[str, str, str], ref: dt.date | None
) -> None:
    """Four digits directly after a day and month or a month are its year, 1000 to 9999
    (never the reference's: "by 8 November 2100")."""
    written, value = render_no_comma(day, style)
    before, punct, after = context
    text = f"{before} in {written}{punct} {after}".strip()
    found = find_mentions(text, ref)
    assert [(m.text, m.value) for m in found] == [(written, value)]


_AGENCY_ZONES = [
    "GMT",
    "UTC",
    "BST",
    "CET",
    "CEST",
    "EET",
    "EEST",
    "MSK",
    "EST",
    "EDT",
    "CST",
    "CDT",
    "PST",
    "PDT",
    "IST",
    "JST",
]


@given(
    st.dates(min_value=dt.date(2000, 1, 1), max_value=dt.date(2030, 12, 31)),
    st.integers(0, 23),
    st.integers(0, 59),
    st.sampled_from([*_AGENCY_ZONES, "local time"]),
    st.sampled_from(
        [
            "{wd} {d} {m} {clock} {zone}",
            "{d} {m} {clock} {zone}",
            "{m} {d}, {clock} {zone}",
            "{m} {d} {clock} {zone}",
            "{m} {clock} {zone}",
        ]
    ),
)
def test_four_digits_with_a_zone_after_a_date_are_a_clock(
    day: dt.date, hour: int, minute: int, zone: str, form: str
) -> None:
    """Four digits after a day and month (or a month) with a common zone after them
    are an agency's clock (``Saturday 8 November 1548 GMT``), never the date's year,
    whatever the century the digits would name."""
    clock = f"{hour:02d}{minute:02d}"
    text = (
        "It said on "
        + form.format(
            wd=WEEKDAY_NAMES[day.weekday()],
            d=day.day,
            m=MONTH_NAMES[day.month - 1],
            clock=clock,
            zone=zone,
        )
        + " that talks ended."
    )
    reference = dt.date(2031, 1, 1)
    found = find_mentions(text, reference)
    assert f"{clock} {zone}" in [m.text for m in found]
    timed = next(m for m in found if m.text == f"{clock} {zone}")
    assert timed.value.endswith(f"T{hour:02d}:{minute:02d}")
    assert not any(clock in m.text for m in found if m is not timed)


# Every place a year may stand, before the four digits ("{clock}")
_YEAR_POSITIONS = [
    "in {clock}",
    "fiscal {clock}",
    "the year {clock}",
    "{season} {clock}",
    "early {season} {clock}",
    "the {season} of {clock}",
    "Q{q} {clock}",
    "the {nth} quarter {clock}",
    "the {nth} quarter, {clock}",
    "the {nth} quarter of {clock}",
    "the {nth} quarter of fiscal {clock}",
    "H{h} {clock}",
    "the {nth_half} half of {clock}",
    "{d} {m} {clock}",
    "{m} {d}, {clock}",
    "{m} of {clock}",
    "the week of {m} {d} {clock}",
]


@given(
    st.tuples(st.integers(0, 23), st.integers(0, 59)),
    st.sampled_from(
        [*_AGENCY_ZONES, "WET", "WEST", "MST", "MDT", "gmt", "Local Time", "local  time"]
    ),
    st.sampled_from(_YEAR_POSITIONS),
    st.tuples(
        st.sampled_from(["spring", "summer", "autumn", "fall", "winter"]),
        st.integers(1, 4),
        st.integers(1, 28),
        st.sampled_from(MONTH_NAMES),
    ),
)
def test_four_digits_with_a_zone_are_a_clock_wherever_a_year_may_stand(
    hour_minute: tuple[int, int], zone: str, form: str, words: tuple[str, int, int, str]
) -> None:
    """Four digits with a common zone after them are an agency's clock, never a year,
    wherever a year may stand (``summer 1548 GMT``, ``Q3 2017 GMT``, ``in 1548 local
    time``): one mention is the clock at that hour, and no other holds its digits."""
    hour, minute = hour_minute
    season, q, d, m = words
    clock = f"{hour:02d}{minute:02d}"
    nth = ["first", "second", "third", "fourth"][q - 1]
    phrase = form.format(
        clock=clock,
        season=season,
        q=q,
        nth=nth,
        h=1 + q % 2,
        nth_half=["first", "second"][q % 2],
        d=d,
        m=m,
    )
    text = f"It said {phrase} {zone} that talks ended."
    found = find_mentions(text, dt.date(2031, 1, 1))
    timed = [x for x in found if x.text == f"{clock} {zone}"]
    assert len(timed) == 1
    assert timed[0].value.endswith(f"T{hour:02d}:{minute:02d}")
    assert not any(clock in x.text for x in found if x is not timed[0])


# holidays that a rule gives, with their weekday and the days of the month they may fall on
# (None: any, as for the feasts counted from Easter)
RULED_HOLIDAYS = [
    ("Shrove Tuesday", 1, None),
    ("Mardi Gras", 1, None),
    ("Ash Wednesday", 2, None),
    ("Palm Sunday", 6, None),
    ("Maundy Thursday", 3, None),
    ("Good Friday", 4, None),
    ("Holy Saturday", 5, None),
    ("Easter", 6, None),
    ("Easter Monday", 0, None),
    ("Ascension Day", 3, None),
    ("Pentecost", 6, None),
    ("Whit Monday", 0, None),
    ("Martin Luther King Jr. Day", 0, (1, range(15, 22))),
    ("Presidents' Day", 0, (2, range(15, 22))),
    ("Memorial Day", 0, (5, range(25, 32))),
    ("Labor Day", 0, (9, range(1, 8))),
    ("Columbus Day", 0, (10, range(8, 15))),
    ("Election Day", 1, (11, range(2, 9))),
    ("Thanksgiving", 3, (11, range(22, 29))),
]


@given(st.sampled_from(RULED_HOLIDAYS), st.integers(1600, 2099), fillers, references)
def test_holiday_of_a_written_year_falls_on_its_weekday(
    holiday: tuple[str, int, tuple[int, range] | None],
    year: int,
    before: str,
    ref: dt.date | None,
) -> None:
    """A holiday's name before a year is one day of that year, on the holiday's weekday
    (and in its window of days, for those counted within a month), whatever the reference."""
    name, weekday, window = holiday
    text = f"{before} on {name} {year}.".strip()
    found = find_mentions(text, ref)
    assert [m.text for m in found] == [f"{name} {year}"]
    day = dt.date.fromisoformat(found[0].value)
    assert (day.year, day.weekday()) == (year, weekday)
    if window is not None:
        assert day.month == window[0]
        assert day.day in window[1]
    else:  # the feasts counted from Easter Sunday fall between February and June
        assert 2 <= day.month <= 6

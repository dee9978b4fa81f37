"""Robustness: any input gets a timeline or a LiveblogError, loses nothing, and is stable."""

from __future__ import annotations

import datetime as dt
import json
import os
import random
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

import liveblog
from tests.helpers import assert_mentions_slice, assert_tiles
from tests.strategies import marker_noise, parse_options

DAY = dt.date(2024, 1, 22)


@given(marker_noise(), parse_options())
@example("29 Feb 9:45am: x\n\n1 Mar 10:00am: y", {"date": dt.date(2022, 6, 1), "strict": False})
@example("9:45am: a\n\n29 Feb 9:45am: x", {"date": dt.date.max, "strict": False})
def test_marker_noise_is_total(text: str, options: dict[str, Any]) -> None:
    """Marker-shaped noise gives a Timeline or a LiveblogError, never anything else;
    the timeline's mentions slice their text, and its dict reads back equal."""
    try:
        tl = liveblog.parse(text, **options)
    except liveblog.LiveblogError:
        assert options["strict"]
        return
    if not options["strict"]:
        assert_tiles(text, tl)
    assert_mentions_slice(text, tl)
    assert liveblog.Timeline.from_dict(json.loads(json.dumps(tl.to_dict()))) == tl


@pytest.mark.fuzz
@settings(max_examples=20_000, deadline=None)
@given(marker_noise(), parse_options())
def test_marker_noise_fuzz(text: str, options: dict[str, Any]) -> None:
    """The long fuzz run (LIVEBLOG_FUZZ=1) of the checks above on 20,000 inputs."""
    test_marker_noise_is_total.hypothesis.inner_test(text, options)  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    ("text", "code", "line", "column", "snippet"),
    [
        ("14:32\nA\n\n25:00\nB\n\n14:20\nC", "impossible-marker", 4, 1, "25:00"),
        ("14:32\nA\n\n14:60\nB\n\n14:20\nC", "impossible-marker", 4, 1, "14:60"),
        ("UPDATE 1548 GMT: a\n\nUPDATE 2561 GMT: b", "impossible-marker", 3, 1, "UPDATE 2561 GMT"),
        (
            "31 February 2024 - 14:32 GMT\nA\n\n29 February 2024 - 14:20 GMT\nB\n\n"
            "29 February 2024 - 14:10 GMT\nC",
            "impossible-marker",
            1,
            1,
            "31 February 2024 - 14:32 GMT",
        ),
    ],
)
def test_impossible_timestamps_warn_and_keep_text(
    text: str, code: str, line: int, column: int, snippet: str
) -> None:
    """25:00, 14:60, 2561 and 31 February are not markers: a warning, and no text lost."""
    tl = liveblog.parse(text, date=DAY, tz="UTC")
    warning = next(w for w in tl.warnings if w.code == code)
    assert (warning.line, warning.column, warning.snippet) == (line, column, snippet)
    assert_tiles(text, tl)
    with pytest.raises(liveblog.MarkerError) as info:
        liveblog.parse(text, date=DAY, tz="UTC", strict=True)
    assert (info.value.lineno, info.value.colno, info.value.snippet) == (line, column, snippet)


def test_unknown_zone_names_the_abbreviation() -> None:
    """An unknown zone abbreviation is named in the warning, and strict mode raises."""
    text = "UPDATE 1548 XYZ: a\n\nUPDATE 1420 XYZ: b"
    tl = liveblog.parse(text, date=DAY)
    assert {w.message for w in tl.warnings} == {"unknown zone abbreviation 'XYZ'; no instant given"}
    assert all(e.published is None for e in tl.entries)
    with pytest.raises(liveblog.ZoneError, match="'XYZ'"):
        liveblog.parse(text, date=DAY, strict=True)


@pytest.mark.parametrize(
    "marker",
    [
        "UPDATE\u00a01548\u00a0GMT:",
        "UPDATE\u200b 1548 GMT:",
        "UPDATE\t1548\tGMT:",
        "\u00a0\u00a0UPDATE 1548 GMT:",
        "UPDATE 1548\u202fGMT:",
    ],
)
def test_blanks_inside_markers(marker: str) -> None:
    """No-break, narrow, zero-width spaces and tabs inside markers are blanks."""
    tl = liveblog.parse(f"{marker} a\n\nUPDATE 1420 GMT: b", date=DAY)
    assert [e.published for e in tl.entries] == [
        dt.datetime(2024, 1, 22, 14, 20, tzinfo=dt.UTC),
        dt.datetime(2024, 1, 22, 15, 48, tzinfo=dt.UTC),
    ]


@pytest.mark.parametrize("blank", ["\u200b", "\ufeff", "\u2060", "\u200d", " \u200b"])
@pytest.mark.parametrize(
    ("first", "second"),
    [("21:40\nPolice move in", "20:15\nCrowd grows"), ("UPDATE 2140 GMT: a", "UPDATE 2015 GMT: b")],
)
def test_zero_width_characters_before_markers(blank: str, first: str, second: str) -> None:
    """A zero-width space or a stray byte-order mark left at a line's start (pasted from
    a page) does not hide the marker after it."""
    text = f"Live\n\n{blank}{first}\n\n{blank}{second}\n\n19:02\nRally called"
    tl = liveblog.parse(text, date=DAY, tz="UTC")
    assert [e.time for e in tl.source_order][:2] == [dt.time(21, 40), dt.time(20, 15)]
    assert tl.preamble.text == "Live"
    assert_tiles(text, tl)


@pytest.mark.parametrize("mark", ["\u200f", "\u200e", "\u200f\u200e"])
@pytest.mark.parametrize(
    "posts",
    [
        ("21:40\nהמשטרה נכנסת", "20:15\nהקהל גדל", "19:02\nהפגנה"),
        ("21:40 الشرطة تدخل", "20:15 الحشود تكبر", "19:02 دعوة إلى مظاهرة"),
        ("UPDATE 2140 GMT: a", "UPDATE 2015 GMT: b", "UPDATE 1902 GMT: c"),
    ],
)
def test_directional_marks_before_markers(mark: str, posts: tuple[str, ...]) -> None:
    """The right-to-left or left-to-right mark a copy of a right-to-left page keeps
    before a time (U+200F, U+200E) hides the marker after it no more than a zero-width
    space does, and stays in the text."""
    text = "Live\n\n" + "\n\n".join(mark + post for post in posts)
    tl = liveblog.parse(text, date=DAY, tz="UTC")
    assert [e.time for e in tl.source_order] == [
        dt.time(21, 40),
        dt.time(20, 15),
        dt.time(19, 2),
    ]
    assert_tiles(text, tl)


# LRI, RLI, FSI and PDI (U+2066-U+2069): a copy of a right-to-left page isolates each
# time, opening the isolate before it and closing it after it
_ISOLATES = [("\u2066", "\u2069"), ("\u2067", "\u2069"), ("\u2068", "\u2069"), ("\u2067", "")]


@pytest.mark.parametrize(("opener", "closer"), _ISOLATES)
@pytest.mark.parametrize(
    "posts",
    [
        ("21:40{c}\nהמשטרה נכנסת", "20:15{c}\nהקהל גדל", "19:02{c}\nהפגנה"),
        ("21:40{c} الشرطة تدخل", "20:15{c} الحشود تكبر", "19:02{c} دعوة إلى مظاهرة"),
        ("21:40{c}: a", "20:15{c}: b", "19:02{c}: c"),
        ("UPDATE 2140 GMT{c}: a", "UPDATE 2015 GMT{c}: b", "UPDATE 1902 GMT{c}: c"),
        ("UPDATE {o}2140 GMT{c}: a", "UPDATE {o}2015 GMT{c}: b", "UPDATE {o}1902 GMT{c}: c"),
    ],
)
def test_bidi_isolates_around_markers(opener: str, closer: str, posts: tuple[str, ...]) -> None:
    """The bidi isolates a copy of a right-to-left page keeps around a time (U+2066 to
    U+2069: ``\u2066 14:32 \u2069``) hide the marker no more than the directional marks do;
    the marker neither opens nor ends with them (inside it, they are blanks as written),
    and they stay in the text."""
    text = "Live\n\n" + "\n\n".join(
        (opener if not post.startswith("UPDATE {o}") else "") + post.format(o=opener, c=closer)
        for post in posts
    )
    tl = liveblog.parse(text, date=DAY, tz="UTC")
    assert [e.time for e in tl.source_order] == [
        dt.time(21, 40),
        dt.time(20, 15),
        dt.time(19, 2),
    ]
    assert all(e.marker == e.marker.strip(opener + closer) for e in tl.entries)
    assert_tiles(text, tl)


def test_nul_bytes_are_kept_as_text() -> None:
    """NUL characters neither crash the parser nor disappear."""
    text = "UPDATE 1548 GMT: a\x00b\n\n\x00\nUPDATE 1420 GMT: c\x00"
    tl = liveblog.parse(text, date=DAY)
    assert [e.body for e in tl.entries] == ["c\x00", "a\x00b\n\n\x00"]
    assert_tiles(text, tl)


def test_extremely_long_lines() -> None:
    """A line of a million characters parses, and its text stays in its entry."""
    long_line = "word " * 200_000
    text = f"UPDATE 1548 GMT: {long_line}\n\nUPDATE 1420 GMT: b {long_line}"
    tl = liveblog.parse(text, date=DAY)
    assert len(tl) == 2
    assert tl.entries[1].body == long_line.strip()


@pytest.mark.parametrize(
    "text",
    [
        "1" * 100_000,
        "UPDATE " * 20_000,
        ":" * 100_000,
        "January " * 20_000,
        " " * 100_000 + "x",
        "12:30 " * 20_000,
        "9 a.m. " * 20_000,
        '"' * 50_000 + "x" + '"' * 50_000,
        "UPDATE 1548 GMT:\n" * 5_000,
    ],
    ids=["digits", "update", "colons", "months", "spaces", "clocks", "ampm", "quotes", "markers"],
)
def test_adversarial_inputs_complete(text: str) -> None:
    """Adversarial runs parse to the end (benchmarks/adversarial.py reports the timings)."""
    tl = liveblog.parse(text, date=DAY)
    assert_tiles(text, tl)


@pytest.mark.parametrize(
    ("markup", "words"),
    [
        ("<p>x" * 20_000, 20_000),  # sibling paragraphs (each looked past its neighbours)
        ("<div>" * 20_000 + "UPDATE 1548 GMT: Talks end." + "</div>" * 20_000, 5),
        ("<ul><li>" * 10_000 + "Talks end.", 2),
    ],
    ids=["siblings", "nested-divs", "nested-lists"],
)
def test_adversarial_pages_complete(markup: str, words: int) -> None:
    """Adversarial web pages parse to the end and keep every visible word
    (benchmarks/adversarial.py reports the timings)."""
    tl = liveblog.parse_html(markup, date=DAY)
    kept = " ".join([tl.preamble.text, *(e.marker + " " + e.body for e in tl.entries)])
    assert len(kept.split()) == words


def _parse_in_subprocess(text: str, seed: str) -> Any:
    code = (
        "import sys, json, datetime as dt, liveblog\n"
        "tl = liveblog.parse(sys.stdin.read(), date=dt.date(2024, 1, 22))\n"
        "print(json.dumps(tl.to_dict(include_text=False), sort_keys=True))\n"
    )
    env = {**os.environ, "PYTHONHASHSEED": seed}
    done = subprocess.run(
        [sys.executable, "-c", code],
        input=text,
        capture_output=True,
        text=True,
        env=env,
        check=True,
    )
    return json.loads(done.stdout)


def test_same_timeline_and_ids_whatever_the_hash_seed() -> None:
    """Parsing is deterministic across processes with different hash seeds."""
    text = (Path(__file__).parent.parent / "seeds" / "eaworldview-2024-01-22.txt").read_text(
        encoding="utf-8"
    )
    first = _parse_in_subprocess(text, "1")
    assert _parse_in_subprocess(text, "2") == first
    assert _parse_in_subprocess(text, "random") == first
    here = liveblog.parse(text, date=DAY).to_dict(include_text=False)
    assert json.loads(json.dumps(here, sort_keys=True)) == first


def test_relative_age_before_year_one_is_a_warning() -> None:
    """An age reaching before year 1 gives no instant and a warning, not an OverflowError."""
    now = dt.datetime(2000, 1, 1, tzinfo=dt.UTC)
    tl = liveblog.parse("999,999,999d ago\nx\n\n2h ago\ny", now=now)
    assert [w.code for w in tl.warnings] == ["impossible-marker"]
    assert [e.published for e in tl.entries] == [None, dt.datetime(1999, 12, 31, 22, tzinfo=dt.UTC)]


@pytest.mark.parametrize("now", [None, dt.datetime(2000, 1, 1, tzinfo=dt.UTC)])
def test_relative_age_too_large_for_a_timedelta_is_a_warning(now: dt.datetime | None) -> None:
    """Regression: '999,999,999,999d ago' (more days than a timedelta holds) raised
    OverflowError while the marker was read, with or without now=."""
    text = "999,999,999,999d ago\nx\n\n2h ago\ny"
    tl = liveblog.parse(text, now=now)
    codes = ["no-now", "no-now"] if now is None else ["impossible-marker"]
    assert [w.code for w in tl.warnings] == codes
    assert [(e.body, e.published is None) for e in tl] == [("x", True), ("y", now is None)]
    assert_tiles(text, tl)


@pytest.mark.parametrize("day", [dt.date.min, dt.date.max])
def test_calendar_ends_leave_days_and_mentions_unresolved(day: dt.date) -> None:
    """At year 1 and 9999, days past the calendar's ends stay unknown; nothing raises."""
    text = "Intro tomorrow\n\nUPDATE 0040 GMT: tomorrow, next year\n\nUPDATE 2355 GMT: b"
    tl = liveblog.parse(text, date=day)
    assert len(tl) == 2
    assert tl.entries[0].day == day
    assert_tiles(text, tl)


_CALENDAR_END_NOWS = {
    "max": dt.datetime.max.replace(tzinfo=dt.UTC),
    "min": dt.datetime.min.replace(tzinfo=dt.UTC),
}


@pytest.mark.parametrize("tz", [None, "Pacific/Kiritimati", "Etc/GMT+12"])
@pytest.mark.parametrize("now", ["max", "min"])
@pytest.mark.parametrize(
    ("text", "at_max"),
    [
        ("Today 09:15\nx\n\nYesterday 18:05\ny", ["9999-12-30T18:05", "9999-12-31T09:15"]),
        ("09:15 · 2d ago\nx\n\n08:10 · 3d ago\ny", ["9999-12-28T08:10", "9999-12-29T09:15"]),
        ("14:32\nx\n\n12:10\ny", ["9999-12-31T12:10", "9999-12-31T14:32"]),
    ],
    ids=["relative-days", "ages-beside-clocks", "bare-clocks"],
)
def test_now_at_the_calendar_ends_leaves_days_unknown(
    text: str, at_max: list[str], now: str, tz: str | None
) -> None:
    """Regression: now= on 31 December 9999 or 1 January 0001 raised OverflowError for
    Today/Yesterday, ages beside clocks and bare clocks (now moved into a zone, or ten
    minutes on, past the calendar's ends). Days past the ends stay unknown; the others
    are read (in UTC at year 9999's end, as stated)."""
    tl = liveblog.parse(text, now=_CALENDAR_END_NOWS[now], tz=tz)
    assert_tiles(text, tl)
    published = [e.published.isoformat()[:16] if e.published else None for e in tl]
    if now == "max" and tz is None:
        assert published == at_max
    if now == "min" and tz is not None:
        assert published == [None, None]  # 1 January 0001 is not yet, or gone, there


# The first digit of each run of ten decimal digits that the regex engine's Unicode
# tables hold and Python 3.11's do not (Kawi, Nag Mundari, Garay, Ol Onal, Outlined...)
_NEWER_ZEROS = (0x10D40, 0x116D0, 0x116DA, 0x11BF0, 0x11F50, 0x16130, 0x16D70, 0x1CCF0, 0x1E4F0)


@pytest.mark.parametrize("zero", _NEWER_ZEROS)
def test_read_int_reads_digits_newer_than_python(zero: int) -> None:
    from liveblog.markers.widths import read_int

    with pytest.raises(ValueError, match="invalid literal"):
        int(chr(zero + 1))  # the premise: Python cannot read them
    assert read_int("".join(chr(zero + d) for d in (1, 5, 4, 8))) == 1548
    assert read_int(f"2{chr(zero + 9)}") == 29
    with pytest.raises(ValueError, match="invalid literal"):
        read_int("1a")
    # a month written in them alone is its number too, as "01" is
    from liveblog.markers.dialect import _month_number

    assert _month_number(chr(zero) + chr(zero + 1)) == 1
    assert _month_number("Jan.") == 1
    assert _month_number("Janvier") == 1
    assert _month_number("Blah") is None


@given(
    st.sampled_from(
        [
            "UPDATE 1548 GMT: Talks resume.\n\nUPDATE 0720 GMT: Sirens.",
            "14.32 BST\nTalks resume.\n\n09.05 BST\nSirens.",
            "22 Jan 2024 14:32\nTalks resume.\n\n21 Jan 2024 09:05\nSirens.",
            "Updated 3 hours ago\nTalks resume.\n\nUpdated 5 hours ago\nSirens.",
            "14:32 (UTC+05:30) Talks resume.\n\n09:05 (UTC+05:30) Sirens.",
        ]
    ),
    st.sampled_from(_NEWER_ZEROS),
    st.randoms(use_true_random=False),
)
def test_digits_newer_than_python_never_crash(page: str, zero: int, rng: random.Random) -> None:
    """Markers whose digits (some or all) are of a newer Unicode version than Python's
    parse without a bare ValueError from ``int``, and keep every character."""
    newer = "".join(
        chr(zero + int(ch)) if ch.isascii() and ch.isdigit() and rng.random() < 0.5 else ch
        for ch in page
    )
    tl = liveblog.parse(
        newer, date=dt.date(2024, 1, 22), now=dt.datetime(2024, 1, 22, 18, tzinfo=dt.UTC)
    )
    assert_tiles(newer, tl)


@pytest.mark.parametrize(
    ("page", "expected"),
    [
        ("UPDATE 1{5}48 GMT: Talks.\n\nUPDATE 0720 GMT: Sirens.", "15:48"),
        ("UPDATE {1}{5}{4}{8} GMT: Talks.\n\nUPDATE 0720 GMT: Sirens.", "15:48"),
        ("22 Jan 2024 1{4}:32\nTalks.\n\n21 Jan 2024 09:05\nSirens.", "14:32"),
        ("14:32 (UTC+0{5}:30) Talks.\n\n09:05 (UTC+05:30) Sirens.", "14:32"),
        ("22/0{1}/2024 14:32\nTalks.\n\n22/01/2024 09:05\nSirens.", "14:32"),
    ],
)
@pytest.mark.parametrize("zero", _NEWER_ZEROS[:3])
def test_digits_newer_than_python_read_as_their_values(page: str, expected: str, zero: int) -> None:
    newer = page.format(*(chr(zero + d) for d in range(10)))
    tl = liveblog.parse(newer, date=dt.date(2024, 1, 22))
    newest = tl.entries[-1]
    assert newest.time is not None
    assert newest.time.strftime("%H:%M") == expected


_ARABIC_INDIC_ZERO = 0x660  # digits of a script Python's tables hold (U+0660-U+0669)


@pytest.mark.parametrize(
    "page",
    [
        "UPDATE 1548 GMT: Talks.\n\nUPDATE 1210 GMT: More.",
        "15:48: Talks.\n\n12:10: More.",
        "3.48pm: Talks.\n\n12.10pm: More.",
        "14h35 : Talks.\n\n12h10 : More.",
        "[15:48] Talks.\n\n[12:10] More.",
        "3:48 p.m. ET\nTalks.\n\n12:10 p.m. ET\nMore.",
        "22 January 2024, 15:48\nTalks.\n\n22 January 2024, 12:10\nMore.",
        "2h ago\nTalks.\n\n5h ago\nMore.",
    ],
)
@pytest.mark.parametrize("zero", _NEWER_ZEROS[:3])
def test_markers_wholly_in_newer_digits_read_as_other_scripts_digits(page: str, zero: int) -> None:
    """A page whose markers are written wholly in digits newer than Python's tables
    reads as the same page in Arabic-Indic digits, which Python knows: the dialects that
    read any script's digits (the agency stamp) read both, the others, which read ASCII
    and full-width digits, neither (docs/dialects.md says why no more is read)."""
    now = dt.datetime(2024, 1, 22, 18, tzinfo=dt.UTC)

    def times(zero: int) -> list[dt.time | None]:
        written = "".join(chr(zero + int(c)) if c.isdigit() else c for c in page)
        tl = liveblog.parse(written, date=dt.date(2024, 1, 22), now=now)
        assert_tiles(written, tl)
        return [e.time for e in tl]

    assert times(zero) == times(_ARABIC_INDIC_ZERO)


@pytest.mark.parametrize(
    "day",
    [dt.date(2022, 6, 1), dt.date(1, 1, 1), dt.date(1, 12, 31), dt.date(9999, 1, 1), dt.date.max],
)
@pytest.mark.parametrize(
    "text",
    ["29 Feb 9:45am: x\n\n1 Mar 10:00am: y", "9:45am: a\n\n29 Feb 9:45am: x"],
    ids=["opening", "later"],
)
def test_february_29_far_from_a_leap_year(text: str, day: dt.date) -> None:
    """Regression: '29 Feb' without a year, read against a date= with no leap year
    within a year of it (2022; years 1-2 and 9998-9999, where the calendar ends), failed
    an assertion in chronology._nearest_year. It is the nearest leap year's February 29."""
    tl = liveblog.parse(text, date=day)
    assert_tiles(text, tl)
    leap = next(e for e in tl if "29 Feb" in (e.marker or ""))
    assert leap.day is not None
    assert (leap.day.month, leap.day.day) == (2, 29)
    assert abs(leap.day.year - day.year) < 8

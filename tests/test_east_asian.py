"""Japanese, Chinese and Korean live pages: clocks written with their units (``14時32分``,
``14时32分``, ``14시 32분``), day headers (``2024年1月22日（月）``, ``2024년 1월 22일``) and
full-width digits and punctuation (``１４：３２``)."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

import liveblog
from tests.helpers import assert_tiles

TOKYO = dt.timezone(dt.timedelta(hours=9))
_POSTS = (
    ("余震が続く", "気象庁によると震度4を観測した。"),
    ("停電が発生", "約1万戸で停電している。"),
    ("地震発生", "震度5弱を観測した。"),
)
_FULL_WIDTH = str.maketrans("0123456789:()", "０１２３４５６７８９：（）")


def _page(clocks: tuple[str, str, str], headers: tuple[str, str] | None = None) -> str:
    """A newest-first page of three posts, a clock alone on its line over the headline;
    with ``headers``, the first post under the second day's header, the others under the
    first day's."""
    posts = [
        f"{clock}\n{title}\n{text}" for clock, (title, text) in zip(clocks, _POSTS, strict=True)
    ]
    if headers is not None:
        posts[0] = f"{headers[1]}\n\n{posts[0]}"
        posts[1] = f"{headers[0]}\n\n{posts[1]}"
    return "地震ライブ：最新情報\n\n" + "\n\n".join(posts) + "\n"


@pytest.mark.parametrize(
    "clocks",
    [
        ("1時10分", "23時40分", "22時15分"),  # Japanese (and traditional Chinese)
        ("1时10分", "23时40分", "22时15分"),  # simplified Chinese
        ("1시 10분", "23시 40분", "22시 15분"),  # Korean
        ("01:10", "23:40", "22:15"),
        ("０１：１０", "２３：４０", "２２：１５"),  # full-width digits and colon
        ("１時１０分", "２３時４０分", "２２時１５分"),
        # 12-hour clocks, the half of the day first (the minutes maybe left out)
        ("午前1時10分", "午後11時40分", "午後10時15分"),
        ("上午1时10分", "下午11时40分", "下午10点15分"),
        ("오전 1시 10분", "오후 11시 40분", "오후 10시 15분"),
        ("午前１時１０分", "午後１１時４０分", "午後１０時１５分"),
    ],
)
@pytest.mark.parametrize(
    "headers",
    [
        ("2024年1月22日", "2024年1月23日"),
        ("2024年1月22日（月）", "2024年1月23日（火）"),
        ("2024年1月22日(月)", "2024年1月23日(火)"),
        ("2024年1月22日 月曜日", "2024年1月23日 火曜日"),
        ("２０２４年１月２２日（月）", "２０２４年１月２３日（火）"),
        ("2024年1月22日 星期一", "2024年1月23日 星期二"),
        ("2024년 1월 22일 (월)", "2024년 1월 23일 (화)"),
    ],
)
def test_east_asian_clocks_under_day_headers(
    clocks: tuple[str, str, str], headers: tuple[str, str]
) -> None:
    """Each clock opens its post at its time, written as on the page; the day headers
    give the days (the post after midnight on the second day), their words the posts'
    ``day_header``; nothing is lost."""
    text = _page(clocks, headers)
    tl = liveblog.parse(text, tz="Asia/Tokyo")
    assert tl.order == "newest-first"
    assert [e.marker for e in tl.source_order] == list(clocks)
    assert [e.published for e in tl.source_order] == [
        dt.datetime(2024, 1, 23, 1, 10, tzinfo=TOKYO),
        dt.datetime(2024, 1, 22, 23, 40, tzinfo=TOKYO),
        dt.datetime(2024, 1, 22, 22, 15, tzinfo=TOKYO),
    ]
    assert [e.day_header for e in tl.source_order][:2] == [headers[1], headers[0]]
    assert [e.headline for e in tl.source_order] == [title for title, _ in _POSTS]
    assert not tl.warnings
    assert_tiles(text, tl)


@pytest.mark.parametrize(
    "clocks",
    [("14時32分", "13時05分", "9時5分"), ("１４：３２", "１３：０５", "０９：０５")],
)
def test_east_asian_clocks_without_headers(clocks: tuple[str, str, str]) -> None:
    """Without day headers the clocks are read on ``date`` (a one-digit minute, ``9時5分``,
    is 09:05); a clock inside a post's sentence opens nothing."""
    text = _page(clocks).replace("震度5弱", "14時50分ごろ震度5弱")
    tl = liveblog.parse(text, date=dt.date(2024, 1, 22), tz="Asia/Tokyo")
    assert [e.published for e in tl.source_order] == [
        dt.datetime(2024, 1, 22, 14, 32, tzinfo=TOKYO),
        dt.datetime(2024, 1, 22, 13, 5, tzinfo=TOKYO),
        dt.datetime(2024, 1, 22, 9, 5, tzinfo=TOKYO),
    ]
    assert "14時50分ごろ" in tl.source_order[2].body
    assert_tiles(text, tl)


@given(
    st.lists(
        st.tuples(st.integers(0, 23), st.integers(0, 59)), min_size=3, max_size=6, unique=True
    ).map(sorted),
    st.sampled_from(["{h:02d}:{m:02d}", "{h}時{m:02d}分", "{h}时{m}分", "{h}시 {m}분"]),
    st.booleans(),
)
def test_full_width_digits_read_as_ascii(
    times: list[tuple[int, int]], form: str, full_width: bool
) -> None:
    """A page written with full-width digits and colons reads as the same page with
    ASCII ones: the same instants, each marker as written (full-width), no text lost."""
    clocks = [form.format(h=h, m=m) for h, m in reversed(times)]
    ascii_page = "速報\n\n" + "".join(
        f"{c}\n見出し{i}\n本文{i}。\n\n" for i, c in enumerate(clocks)
    )
    text = ascii_page.translate(_FULL_WIDTH) if full_width else ascii_page
    tl = liveblog.parse(text, date=dt.date(2024, 1, 22), tz="Asia/Tokyo")
    plain = liveblog.parse(ascii_page, date=dt.date(2024, 1, 22), tz="Asia/Tokyo")
    assert [e.published for e in tl.entries] == [e.published for e in plain.entries]
    assert [e.marker for e in tl.source_order] == [
        e.marker.translate(_FULL_WIDTH) if full_width else e.marker for e in plain.source_order
    ]
    assert_tiles(text, tl)


def test_full_width_mentions_in_a_parsed_body_keep_the_text_as_written() -> None:
    # the body's full-width clock and day are read as ASCII, spans into the source
    text = (
        "１４：３２\nTalks resume at １６：００ GMT on ２３ January.\n\n"
        "１３：１０\nOfficials met this morning.\n"
    )
    timeline = liveblog.parse(text, date=dt.date(2024, 1, 22))
    newest = max(timeline.entries, key=lambda e: e.time or dt.time())
    assert [(m.text, m.value) for m in newest.mentions] == [
        ("１６：００ GMT on ２３ January", "2024-01-23T16:00")
    ]
    assert all(m.text == text[slice(*m.span)] for e in timeline.entries for m in e.mentions)


_HALVES = {"ja": ("午前", "午後"), "zh": ("上午", "下午"), "ko": ("오전 ", "오후 ")}
_UNITS = {"ja": ("時", "分"), "zh": ("点", "分"), "ko": ("시", "분")}


@given(
    st.lists(
        st.tuples(st.integers(0, 23), st.integers(0, 59)), min_size=3, max_size=6, unique=True
    ).map(sorted),
    st.sampled_from(sorted(_HALVES)),
    st.booleans(),
    st.booleans(),
)
@example([(0, 0), (12, 1), (12, 2), (12, 3)], "ja", False, False)
def test_twelve_hour_clocks_read_as_their_24_hour_clocks(
    times: list[tuple[int, int]], language: str, noon_as_zero: bool, full_width: bool
) -> None:
    """A page whose clocks are written on a 12-hour clock with the half of the day first
    (``午後2時32分``, ``下午2点32分``, ``오후 2시 32분``; noon and midnight as hour 12, or as
    hour 0 as Japanese writes them, ``午後0時``; a whole hour without its minutes,
    ``午前9時``) reads as the same page with its clocks in English (``2:32 pm``): the same
    instants, each marker as written, no text lost."""
    morning, afternoon = _HALVES[language]
    hour_unit, minute_unit = _UNITS[language]

    def twelve(h: int, m: int) -> str:
        half = afternoon if h >= 12 else morning
        shown = h % 12 if noon_as_zero else (h - 1) % 12 + 1
        minutes = f"{m}{minute_unit}" if m else ""
        return f"{half}{shown}{hour_unit}{minutes}"

    def english(h: int, m: int) -> str:
        half = "pm" if h >= 12 else "am"
        return f"{(h - 1) % 12 + 1}:{m:02d} {half}" if m else f"{(h - 1) % 12 + 1} {half}"

    def page(clocks: list[str]) -> str:
        return "速報\n\n" + "".join(f"{c}\n見出し{i}\n本文{i}。\n\n" for i, c in enumerate(clocks))

    text = page([twelve(h, m) for h, m in reversed(times)])
    text = text.translate(_FULL_WIDTH) if full_width else text
    tl = liveblog.parse(text, date=dt.date(2024, 1, 22), tz="Asia/Tokyo")
    # the same page with its clocks in English (9 am, 9:05 am: as the CJK ones, a whole
    # hour written otherwise than one with its minutes)
    same = liveblog.parse(
        page([english(h, m) for h, m in reversed(times)]),
        date=dt.date(2024, 1, 22),
        tz="Asia/Tokyo",
    )
    assert [e.published for e in tl.entries] == [e.published for e in same.entries]
    # as many entries as the English page: not always one a clock, as a whole hour
    # twelve hours from its neighbour (12:01 pm above 12 am) is no marker in either
    assert len(tl.entries) == len(same.entries) >= len(times) - 1
    spans = [e.marker_span for e in tl.source_order]
    assert [None if s is None else text[s.start : s.end] for s in spans] == [
        e.marker for e in tl.source_order
    ]
    assert_tiles(text, tl)


@pytest.mark.parametrize(
    "stamps",
    [
        ("2024年1月23日 1時10分", "2024年1月22日 23時40分", "2024年1月22日 22時15分"),
        ("2024年1月23日（火） 1:10", "2024年1月22日（月） 23:40", "2024年1月22日（月） 22:15"),
        ("2024年1月23日 午前1時10分", "2024年1月22日 午後11時40分", "2024年1月22日 午後10時15分"),
        (
            "２０２４年１月２３日 １時１０分",
            "２０２４年１月２２日 ２３時４０分",
            "２０２４年１月２２日 ２２時１５分",
        ),
        ("2024年1月23日 上午1点10分", "2024年1月22日 下午11点40分", "2024年1月22日 下午10点15分"),
        (
            "2024년 1월 23일 오전 1시 10분",
            "2024년 1월 22일 23시 40분",
            "2024년 1월 22일 오후 10시 15분",
        ),
    ],
)
def test_a_day_and_clock_on_one_line_is_one_stamp(stamps: tuple[str, str, str]) -> None:
    """A CJK date and a clock on one line (``2024年1月22日 14時32分``) are one marker
    holding both, its day the date's, with no ``date`` given; nothing is lost."""
    text = _page(stamps)
    tl = liveblog.parse(text, tz="Asia/Tokyo")
    assert [e.marker for e in tl.source_order] == list(stamps)
    assert [e.published for e in tl.source_order] == [
        dt.datetime(2024, 1, 23, 1, 10, tzinfo=TOKYO),
        dt.datetime(2024, 1, 22, 23, 40, tzinfo=TOKYO),
        dt.datetime(2024, 1, 22, 22, 15, tzinfo=TOKYO),
    ]
    assert [e.headline for e in tl.source_order] == [title for title, _ in _POSTS]
    assert not tl.warnings
    assert_tiles(text, tl)


def test_a_twelve_hour_clock_inside_a_sentence_opens_nothing() -> None:
    """``午後4時10分ごろ`` inside a post's sentence stays text, as ``16時10分ごろ`` does."""
    text = _page(("午後2時32分", "午後1時05分", "午前9時5分")).replace(
        "震度5弱", "午後4時10分ごろ震度5弱"
    )
    tl = liveblog.parse(text, date=dt.date(2024, 1, 22), tz="Asia/Tokyo")
    assert [e.marker for e in tl.source_order] == ["午後2時32分", "午後1時05分", "午前9時5分"]
    assert "午後4時10分ごろ" in tl.source_order[2].body
    assert_tiles(text, tl)

"""Unit tests of parse(): markers, splitting, order, days, zones, warnings, errors."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import liveblog
from liveblog.markers import dialect
from liveblog.markers.builtin import RELATIVE_AGE
from liveblog.markers.dialect import Marker
from liveblog.model import Span
from liveblog.parse import Segment, _new_segment, with_mentions
from tests.helpers import assert_keeps_words, assert_tiles

SEEDS = Path(__file__).parent.parent / "seeds"
SEED_BLOG = (SEEDS / "eaworldview-2024-01-22.txt").read_text(encoding="utf-8")
SEED_ARTICLE = (SEEDS / "article-no-markers.txt").read_text(encoding="utf-8")
DAY = dt.date(2024, 1, 22)
UTC = dt.UTC


def at(hour: int, minute: int, day: dt.date = DAY) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(hour, minute), tzinfo=UTC)


def test_seed_blog_entries() -> None:
    """Seed 000 gives exactly the four entries the core issue names, oldest first."""
    tl = liveblog.parse(SEED_BLOG, date=DAY)
    assert [e.marker for e in tl.entries] == [
        "ORIGINAL ENTRY",
        "UPDATE 0720 GMT",
        "UPDATE 0831 GMT",
        "UPDATE 1548 GMT",
    ]
    assert [e.published for e in tl.entries] == [None, at(7, 20), at(8, 31), at(15, 48)]
    assert [e.day for e in tl.entries] == [DAY] * 4
    assert tl.entries[0].body.startswith("The UK has sent satellite photographs")
    assert tl.order == "newest-first"
    assert tl.warnings == ()


def test_seed_blog_preamble() -> None:
    """The preamble holds the caption, the Sunday's Coverage line and the map credit."""
    tl = liveblog.parse(SEED_BLOG, date=DAY)
    pre = tl.preamble.text
    assert pre.startswith("Vladimir Putin hosts North Korean Foreign Minister")
    assert "Sunday’s Coverage: Zelenskiy" in pre
    assert pre.endswith("Map: Institute for the Study of War")
    assert SEED_BLOG[slice(*tl.preamble.span)] == pre


def test_seed_blog_headings_stay_in_entries() -> None:
    """A heading, a quote intro and a credit line are not markers."""
    tl = liveblog.parse(SEED_BLOG, date=DAY)
    original = tl.entries[0].body
    assert "A UN diplomat summarized:" in original
    assert "\n\nThe Evidence\n\n" in original
    assert_tiles(SEED_BLOG, tl)


def test_no_markers_gives_one_entry_and_a_warning() -> None:
    """Seed 003 has no markers: one untimed entry with the whole text, and a warning."""
    tl = liveblog.parse(SEED_ARTICLE)
    assert len(tl) == 1
    (entry,) = tl.entries
    assert entry.published is None
    assert entry.body == SEED_ARTICLE.strip()
    assert entry.span == (0, len(SEED_ARTICLE.rstrip()))
    assert [w.code for w in tl.warnings] == ["no-markers"]
    assert tl.warnings[0].message == "no entry markers found; the whole text is one entry"


def test_no_markers_strict_raises() -> None:
    """In strict mode a text without markers raises NoMarkersError at line 1."""
    with pytest.raises(liveblog.NoMarkersError) as info:
        liveblog.parse(SEED_ARTICLE, strict=True)
    assert (info.value.lineno, info.value.colno) == (1, 1)
    assert info.value.snippet.startswith("Ukraine’s President")
    # the error says the problem; the warning's "; the whole text is one entry" is
    # what a parse that went on would do
    assert str(info.value) == "no entry markers found: line 1, column 1"


@pytest.mark.parametrize(
    ("line", "marker", "clock"),
    [
        ("UPDATE 1548 GMT: x", "UPDATE 1548 GMT", dt.time(15, 48)),
        ("UPDATE 15:48 GMT: x", "UPDATE 15:48 GMT", dt.time(15, 48)),
        ("update 0720 gmt x", None, None),
        ("Update 0720 GMT x", "Update 0720 GMT", dt.time(7, 20)),
        ("UPDATE 0720 UTC x", "UPDATE 0720 UTC", dt.time(7, 20)),
        ("UPDATE 0720: x", "UPDATE 0720", dt.time(7, 20)),
        ("  UPDATE 0720 GMT: x", "UPDATE 0720 GMT", dt.time(7, 20)),
        ("UPDATE\u00a00720\u00a0GMT: x", "UPDATE\u00a00720\u00a0GMT", dt.time(7, 20)),
    ],
)
def test_update_marker_shapes(line: str, marker: str | None, clock: dt.time | None) -> None:
    """UPDATE markers: case-insensitive keyword, hhmm or hh:mm, optional zone and colon."""
    tl = liveblog.parse(line, date=DAY, tz="UTC")
    got = tl.entries[0]
    if marker is None:
        # a lower-case zone is not read as a zone: the word stays in the body
        assert got.marker == "update 0720"
        assert got.body == "gmt x"
        return
    assert (got.marker, got.time) == (marker, clock)


def test_marker_must_start_a_line() -> None:
    """A marker in the middle of a line is body text."""
    text = "UPDATE 0900 GMT: The minister said UPDATE 1000 GMT: nothing new."
    tl = liveblog.parse(text, date=DAY)
    assert len(tl) == 1
    assert tl.entries[0].body == "The minister said UPDATE 1000 GMT: nothing new."


def test_original_entry_body_on_same_line() -> None:
    """ORIGINAL ENTRY carries its body on its own line and has a day but no instant."""
    text = "UPDATE 0900 GMT: Later.\n\nORIGINAL ENTRY: First words.\n\nMore."
    tl = liveblog.parse(text, date=DAY)
    first = tl.entries[0]
    assert (first.marker, first.body, first.published, first.day, first.time) == (
        "ORIGINAL ENTRY",
        "First words.\n\nMore.",
        None,
        DAY,
        None,
    )


_STORY = (
    "Ferry strike spreads to the islands\nBy Ana Costa\n\n"
    "LISBON, May 2 (Reuters) - Ferry crews walked out on Thursday over pay, stranding "
    "thousands of travellers on the islands before the long weekend.\n\n"
    "The union said the strike would last until the company returned to the table."
)


# a story's first paragraph and one more, below a paper's dateline
_LEDE = (
    "Voters in three states chose their nominees on Tuesday in primaries that tested the "
    "hold of party leaders over their own candidates.\n\nTurnout was low."
)


@pytest.mark.parametrize(
    ("text", "oldest"),
    [
        # the story below the oldest update, with its headline and byline: an entry
        (
            f"UPDATE 1500 GMT: Talks resume.\n\nUPDATE 1200 GMT: Crews gather.\n\n{_STORY}",
            "Crews gather.",
        ),
        # the dateline alone, under a longer post
        (
            "UPDATE 1500 GMT: Talks resume.\n\nUPDATE 1200 GMT: Crews gather at the port.\n\n"
            "The company has not commented.\n\n" + _STORY.split("\n\n", 1)[1],
            "Crews gather at the port.\n\nThe company has not commented.",
        ),
        # "WASHINGTON (AP) —", a long dash and no day
        (
            "10:05 p.m.: Votes are counted.\n\n9:40 p.m.: Polls close.\n\nWASHINGTON (AP) — "
            "Voters in three states chose nominees on Tuesday.\n\nTurnout was low.",
            "Polls close.",
        ),
        # a place in title case before a news agency's name
        (
            "10:05 p.m.: Votes are counted.\n\n9:40 p.m.: Polls close.\n\nKyiv (AFP) - "
            "Voters in three regions chose mayors on Sunday.\n\nTurnout was low.",
            "Polls close.",
        ),
        # a place in title case with lower-case words between
        (
            "10:05 p.m.: Votes are counted.\n\n9:40 p.m.: Polls close.\n\nRio de Janeiro (AFP) - "
            "Voters in three states chose mayors on Sunday.\n\nTurnout was low.",
            "Polls close.",
        ),
        (
            "10:05 p.m.: Votes are counted.\n\n9:40 p.m.: Polls close.\n\nDar es Salaam (AFP) - "
            "Voters in three regions chose mayors on Sunday.\n\nTurnout was low.",
            "Polls close.",
        ),
        # a paper's dateline: no agency, a long dash, the story's headline and byline above
        (
            "10:05 p.m.: Votes are counted.\n\n9:40 p.m.: Polls close.\n\n"
            "Three states pick nominees\nBy Tom Hale\n\nLONDON — " + _LEDE,
            "Polls close.",
        ),
        # a country after the place's comma; " -- " for the dash
        (
            "10:05 p.m.: Votes are counted.\n\n9:40 p.m.: Polls close.\n\nKYIV, Ukraine — " + _LEDE,
            "Polls close.",
        ),
        (
            "10:05 p.m.: Votes are counted.\n\n9:40 p.m.: Polls close.\n\nNEW YORK -- " + _LEDE,
            "Polls close.",
        ),
        (
            "10:05 p.m.: Votes are counted.\n\n9:40 p.m.: Polls close.\n\n"
            "SÃO PAULO, March 14 — " + _LEDE,
            "Polls close.",
        ),
        (
            "10:05 p.m.: Votes are counted.\n\n9:40 p.m.: Polls close.\n\n"
            "PORT-AU-PRINCE, Haiti — " + _LEDE,
            "Polls close.",
        ),
        # a place in title case without an agency: one datelines name
        *(
            (
                f"10:05 p.m.: Votes are counted.\n\n9:40 p.m.: Polls close.\n\n{place} — {_LEDE}",
                "Polls close.",
            )
            for place in ("Kyiv", "Washington", "São Paulo", "Sao Paulo", "Kyiv, Ukraine")
        ),
        (
            "10:05 p.m.: Votes are counted.\n\n9:40 p.m.: Polls close.\n\n"
            "St. Petersburg, Russia -- " + _LEDE,
            "Polls close.",
        ),
        # a place not standing alone in datelines, with its state after a comma
        *(
            (
                f"10:05 p.m.: Votes are counted.\n\n9:40 p.m.: Polls close.\n\n{head}{_LEDE}",
                "Polls close.",
            )
            for head in (
                "SPRINGFIELD, Ill. — ",
                # no-break spaces around the dash or after the comma, a hyphen for the dash
                "LONDON\u00a0— ",
                "Kyiv —\u00a0",
                "LISBON (Reuters)\u00a0- ",
                "KYIV,\u00a0Ukraine — ",
                "PARIS - ",
                # in Markdown's emphasis
                "**LONDON —** ",
                "**LONDON** — ",
                "_Kyiv —_ ",
                "**LISBON (Reuters)** - ",
                # an agency's dateline without a place
                "(Reuters) - ",
                "(Bloomberg) -- ",
                "(AP) — ",
                # blanks a copy lost shown as "?"
                "LISBON (Reuters)?-?",
                "KYIV,?Ukraine — ",
                "LONDON?— ",
                "PARIS?-?",
            )
        ),
        # the oldest post under a day header of its own
        (
            "Thursday, March 14\n\n09:05: Votes are counted.\n\n07:40: Polls close.\n\n"
            "Wednesday, March 13\n\n22:15: Polls open.\n\nLONDON — " + _LEDE,
            "Polls open.",
        ),
    ],
)
def test_an_agency_story_below_the_oldest_update_is_an_entry(text: str, oldest: str) -> None:
    """On a newest-first page, an agency's story below the oldest update, told by its
    dateline and without an ORIGINAL STORY label, is an untimed entry of its own, the
    first: its headline and byline go with it."""
    tl = liveblog.parse(text, date=DAY)
    first, second = tl.entries[:2]
    assert (first.marker, first.published) == ("", None)
    assert first.body.split("\n\n")[-1] == text.rsplit("\n\n", maxsplit=1)[-1]
    assert not re.search(r"\(Reuters\)|\(AP\)", second.body)
    assert second.body == oldest
    assert_tiles(text, tl)


@pytest.mark.parametrize(
    "text",
    [
        # oldest first: the story below is the newest post's
        f"UPDATE 1200 GMT: Crews gather.\n\nUPDATE 1500 GMT: Talks resume.\n\n{_STORY}",
        # the dateline opens the post: the post is the story
        "UPDATE 1500 GMT: Talks resume.\n\nUPDATE 1200 GMT: " + _STORY.split("\n\n", 1)[1],
        # one paragraph of a wire story quoted in a post
        "UPDATE 1500 GMT: Talks resume.\n\nUPDATE 1200 GMT: The agency reported:\n\n"
        "LISBON (Reuters) - Ferry crews walked out on Thursday.",
        # a name in title case before no agency's: a speaker, not a dateline
        "UPDATE 1500 GMT: Talks resume.\n\nUPDATE 1200 GMT: Who said what.\n\n"
        "Jane Smith (Labour) - We will not back the bill.\n\nTom Reid (Green) - Nor will we.",
        # shorter than the post above it
        "UPDATE 1500 GMT: Talks resume.\n\nUPDATE 1200 GMT: "
        + "Crews gather. " * 30
        + "\n\nLISBON (Reuters) - Crews walked out.\n\nThey want more pay.",
        # capitals before a dash that label or shout, not a place
        "UPDATE 1500 GMT: Talks resume.\n\nUPDATE 1200 GMT: Crews gather.\n\nBREAKING — " + _LEDE,
        "UPDATE 1500 GMT: Talks resume.\n\nUPDATE 1200 GMT: Crews gather.\n\nUPDATE — " + _LEDE,
        "UPDATE 1500 GMT: Talks resume.\n\nUPDATE 1200 GMT: Crews gather.\n\n"
        "EDITOR'S NOTE — " + _LEDE,
        "UPDATE 1500 GMT: Talks resume.\n\nUPDATE 1200 GMT: Crews gather.\n\nHMM — " + _LEDE,
        # a bracket without a place naming no news agency; a question in capitals
        "UPDATE 1500 GMT: Talks resume.\n\nUPDATE 1200 GMT: Crews gather.\n\n(Labour) - " + _LEDE,
        "UPDATE 1500 GMT: Talks resume.\n\nUPDATE 1200 GMT: Crews gather.\n\n(Updated) - " + _LEDE,
        "UPDATE 1500 GMT: Talks resume.\n\nUPDATE 1200 GMT: Crews gather.\n\nWHY?— " + _LEDE,
        # a dateline mid-line, or before a lower-case word: a quote, not a story
        "UPDATE 1500 GMT: Talks resume.\n\nUPDATE 1200 GMT: Crews gather.\n\nHe wrote: "
        "LONDON — " + _LEDE,
        "UPDATE 1500 GMT: Talks resume.\n\nUPDATE 1200 GMT: Crews gather.\n\n"
        "WASHINGTON — said to be " + _LEDE,
        # no agency and no prose after it: a short paragraph is a post's own
        "UPDATE 1500 GMT: Talks resume.\n\nUPDATE 1200 GMT: Crews gather.\n\n"
        "LONDON — Crews walk out.\n\nThey want more pay.",
        # a round-up of places, each under its dateline
        "UPDATE 1500 GMT: Talks resume.\n\nUPDATE 1200 GMT: Reaction comes in.\n\n"
        "MOSCOW — " + _LEDE + "\n\nBEIJING — " + _LEDE,
        # posts that open with datelines: a later one in the oldest post is its own
        "UPDATE 1500 GMT: PARIS — Talks resume.\n\nUPDATE 1200 GMT: Crews gather.\n\n"
        "LONDON — " + _LEDE,
        "UPDATE 1500 GMT: Talks resume.\n\nUPDATE 1200 GMT: PARIS — Crews gather.\n\n"
        "LONDON — " + _LEDE,
        "UPDATE 1500 GMT: Paris — Talks resume.\n\nUPDATE 1200 GMT: Crews gather.\n\n"
        "London — " + _LEDE,
        # title case before a dash naming no place datelines name: a label, a speaker
        "UPDATE 1500 GMT: Talks resume.\n\nUPDATE 1200 GMT: Crews gather.\n\nMeanwhile — " + _LEDE,
        "UPDATE 1500 GMT: Talks resume.\n\nUPDATE 1200 GMT: Crews gather.\n\nJane Smith — " + _LEDE,
        "UPDATE 1500 GMT: Talks resume.\n\nUPDATE 1200 GMT: Crews gather.\n\nUpdate — " + _LEDE,
        # capitals that name no place standing alone: a label, a place without its state
        "UPDATE 1500 GMT: Talks resume.\n\nUPDATE 1200 GMT: Crews gather.\n\nKICK-OFF — " + _LEDE,
        "UPDATE 1500 GMT: Talks resume.\n\nUPDATE 1200 GMT: Crews gather.\n\nFULL TIME - " + _LEDE,
        "UPDATE 1500 GMT: Talks resume.\n\nUPDATE 1200 GMT: Crews gather.\n\n"
        "SPRINGFIELD — " + _LEDE,
        # a place in title case before a lower-case word: prose ("Kyiv — a city ...")
        "UPDATE 1500 GMT: Talks resume.\n\nUPDATE 1200 GMT: Crews gather.\n\n"
        "Kyiv — a city under fire — " + _LEDE,
        # title-case places opening paragraphs one after another: a round-up
        "UPDATE 1500 GMT: Talks resume.\n\nUPDATE 1200 GMT: Reaction comes in.\n\n"
        "Moscow — " + _LEDE + "\n\nBeijing — " + _LEDE,
    ],
)
def test_a_dateline_elsewhere_opens_no_entry(text: str) -> None:
    """No entry for a dateline in a newest post, opening a post, quoted in one
    paragraph or in a story shorter than the post above it."""
    tl = liveblog.parse(text, date=DAY)
    assert all(e.marker for e in tl.entries)
    assert len(tl) == 2


_UPDATES = "UPDATE 1500 GMT: Talks resume.\n\nUPDATE 1200 GMT: Crews gather.\n\n"


@pytest.mark.parametrize(
    "story",
    [
        # its headline and byline in one paragraph, people's names joined by "and"
        "Grain talks open in Ankara\nBy Lena Mirova and Tomas Kerr\n\n" + _LEDE,
        # the byline a paragraph of its own, the agency after a comma
        "Grain talks open in Ankara\n\nBy Ana de Souza, Reuters\n\n" + _LEDE,
        # ORIGINAL STORY alone on its line in capitals: the label is its marker
        # the agency's name or a stamp on the line below the byline
        "Grain talks open in Ankara\nBy Lena Mirova\nReuters\n\n" + _LEDE,
        "Grain talks open in Ankara\nBy LENA MIROVA\nAssociated Press\n\n" + _LEDE,
        "Grain talks open\nBy Lena Mirova\nPublished 9:12 AM GMT, March 14, 2024\n\n" + _LEDE,
        # in Markdown's emphasis
        "**Grain talks open in Ankara**\n*By Lena Mirova and Tomas Kerr*\n\n" + _LEDE,
        "Grain talks open in Ankara\n_By Ana Costa, Reuters_\n\n" + _LEDE,
        "ORIGINAL STORY\n" + _LEDE,
    ],
)
def test_a_story_without_a_dateline_below_the_oldest_update_is_an_entry(story: str) -> None:
    """On a newest-first page, a story below the oldest update without a dateline is an
    untimed entry of its own when a headline and a byline naming people stand over its
    prose, or when ORIGINAL STORY stands alone above it in capitals."""
    text = _UPDATES + story
    tl = liveblog.parse(text, date=DAY)
    first, second, _ = tl.entries
    label = "ORIGINAL STORY" if story.startswith("ORIGINAL STORY") else ""
    assert (first.marker, first.published) == (label, None)
    assert first.body == story.removeprefix(label).strip()
    assert second.body == "Crews gather."
    assert_tiles(text, tl)


@pytest.mark.parametrize(
    "story",
    [
        # a byline without a headline over it
        "By Lena Mirova\n\n" + _LEDE,
        # "By" before no person: a route, a day
        "Getting there\nBy Rail And Road\n\n" + _LEDE,
        "Getting there\nBy Road and Rail\n\n" + _LEDE,
        "Getting there\nBy Rail\n\n" + _LEDE,
        "Getting there\n*By Rail*\n\n" + _LEDE,
        "Grain talks open\nBy Monday Evening\n\n" + _LEDE,
        # no prose below the byline
        "Grain talks open\nBy Lena Mirova\n\nTalks.\n\nMore talks.",
        # the label in other cases: a link's text ("Original article") as often
        "Original story\n" + _LEDE,
    ],
)
def test_a_byline_or_label_elsewhere_opens_no_entry(story: str) -> None:
    """No entry for a byline without a headline, one naming nobody, one over no prose, or
    a label alone on its line not in capitals."""
    tl = liveblog.parse(_UPDATES + story, date=DAY)
    assert [e.marker for e in tl.entries] == ["UPDATE 1200 GMT", "UPDATE 1500 GMT"]


@pytest.mark.parametrize(
    ("title", "story", "split"),
    [
        # the page's title repeated alone on its line, without its live label
        ("Primaries test party leaders - live", "Primaries test party leaders\n\n" + _LEDE, True),
        (
            "Live updates: Primaries test party leaders",
            "Primaries test party leaders\n" + _LEDE,
            True,
        ),
        (
            "Primaries test party leaders – as it happened",
            "Primaries test party leaders\n\n" + _LEDE,
            True,
        ),
        ("Primaries test party leaders", "Primaries test party leaders\n\n" + _LEDE, True),
        # the title's words inside a line: a sentence, a link's text
        (
            "Primaries test party leaders",
            "Primaries test party leaders, polls say.\n\n" + _LEDE,
            False,
        ),
        (
            "Primaries test party leaders",
            "Read more: Primaries test party leaders\n\n" + _LEDE,
            False,
        ),
        # a title of fewer than three words, once its label is left out
        ("Primaries - live", "Primaries\n\n" + _LEDE, False),
        # no prose below it
        ("Primaries test party leaders", "Primaries test party leaders\n\nTalks.\n\nMore.", False),
    ],
)
def test_a_story_under_the_pages_title_repeated_is_an_entry(
    title: str, story: str, split: bool
) -> None:
    """On a newest-first page, the page's title repeated alone on a line of the oldest
    post, over prose, is the headline of the story below it: an untimed entry."""
    text = f"{title}\n\n{_UPDATES}{story}"
    tl = liveblog.parse(text, date=DAY)
    markers = ["UPDATE 1200 GMT", "UPDATE 1500 GMT"]
    assert [e.marker for e in tl.entries] == ([""] if split else []) + markers
    if split:
        assert tl.entries[0].body == story
        assert tl.entries[1].body == "Crews gather."
    assert_tiles(text, tl)


def test_a_byline_under_the_oldest_update_is_the_posts_where_posts_have_bylines() -> None:
    """On a page whose posts carry bylines, a headline and byline in the oldest post are
    its own."""
    text = (
        "UPDATE 1500 GMT: Talks resume.\nBy Tom Hale\n\nUPDATE 1200 GMT: Crews gather.\n\n"
        "Grain talks open in Ankara\nBy Lena Mirova\n\n" + _LEDE
    )
    tl = liveblog.parse(text, date=DAY)
    assert [e.marker for e in tl.entries] == ["UPDATE 1200 GMT", "UPDATE 1500 GMT"]


def test_oldest_first_order() -> None:
    """A blog whose times increase down the page is oldest-first."""
    text = "UPDATE 0800 GMT: a\n\nUPDATE 0900 GMT: b\n\nUPDATE 1000 GMT: c"
    tl = liveblog.parse(text, date=DAY)
    assert tl.order == "oldest-first"
    assert [e.body for e in tl.entries] == ["a", "b", "c"]
    assert [e.ordinal for e in tl.entries] == [0, 1, 2]


def test_newest_first_midnight_crossing() -> None:
    """00:40 above 23:55 in a newest-first blog: 23:55 is the opening day, 00:40 the next."""
    text = "UPDATE 0040 GMT: late\n\nUPDATE 2355 GMT: early"
    tl = liveblog.parse(text, date=DAY)
    assert [e.published for e in tl.entries] == [at(23, 55), at(0, 40, DAY + dt.timedelta(1))]
    assert [e.day for e in tl.entries] == [DAY, DAY + dt.timedelta(1)]


@pytest.mark.parametrize("newest_first", [False, True])
def test_twelve_hour_clock_without_am_pm_passes_noon_not_midnight(newest_first: bool) -> None:
    """A page that writes every time 1-12 without am/pm ('10.45:', '11.30:', '1.15:'):
    '1.15' after '11.30' is the same afternoon, 1h45 later, not 1.15am the next day."""
    blocks = ["10.45: Talks start.", "11.30: Break.", "1.15: Talks resume.", "2.05: Deal."]
    text = "\n\n".join(reversed(blocks) if newest_first else blocks)
    tl = liveblog.parse(text, date=DAY)
    assert [e.published for e in tl.entries] == [at(10, 45), at(11, 30), at(13, 15), at(14, 5)]


@pytest.mark.parametrize(
    ("title", "clocks", "expected"),
    [
        # by day: 1 to 6 in the afternoon, "at three"
        ("Council meeting live", ["1.05", "2.30", "3.15"], [(13, 5), (14, 30), (15, 15)]),
        ("Council meeting live", ["4.40", "5.10", "6.20"], [(16, 40), (17, 10), (18, 20)]),
        ("Council meeting live", ["7.10", "8.30", "9.15"], [(7, 10), (8, 30), (9, 15)]),
        ("Council meeting live", ["11.40", "12.10", "1.05"], [(11, 40), (12, 10), (13, 5)]),
        # a title naming the night: the evening, midnight, the small hours
        ("Election night live", ["11.30", "12.10", "1.05"], [(23, 30), (0, 10), (1, 5)]),
        ("Tonight's debate – live", ["8.05", "9.10", "10.20"], [(20, 5), (21, 10), (22, 20)]),
        ("Overnight: storm live", ["1.20", "2.45", "4.10"], [(1, 20), (2, 45), (4, 10)]),
        ("OVERNIGHT: storm live", ["10.50", "11.40", "12.30"], [(22, 50), (23, 40), (0, 30)]),
        # the night named below the title is no title's
        ("Storm live\nAnother night of gales", ["1.05", "2.30"], [(13, 5), (14, 30)]),
        ("Knightsbridge fire live", ["1.05", "2.30"], [(13, 5), (14, 30)]),
    ],
)
def test_twelve_hour_clock_without_am_pm_read_as_said(
    title: str, clocks: list[str], expected: list[tuple[int, int]]
) -> None:
    """A page whose clocks never state am/pm reads its latest hour as one says it
    without them (1 to 6 in the afternoon, 7 to 11 in the morning, 12 at noon), or at
    night when its title names the night (6 to 11 in the evening, 12 at midnight)."""
    text = title + "\n\n" + "\n\n".join(f"{c}: Post at {c}." for c in reversed(clocks))
    tl = liveblog.parse(text, date=DAY)
    got = [(e.published.hour, e.published.minute) for e in tl.entries if e.published]
    assert got == expected


def test_oldest_first_midnight_crossing() -> None:
    """23:10 then 01:05 down an oldest-first blog crosses midnight."""
    text = "UPDATE 2200 GMT: a\n\nUPDATE 2310 GMT: b\n\nUPDATE 0105 GMT: c"
    tl = liveblog.parse(text, date=DAY)
    assert tl.entries[-1].published == at(1, 5, DAY + dt.timedelta(1))


def test_out_of_order_entry_kept_in_place_with_warning() -> None:
    """A late correction inserted out of sequence stays where it is, with a warning."""
    text = "\n".join(
        f"UPDATE {t} GMT: {b}"
        for t, b in [("1200", "d"), ("1100", "c"), ("0930", "late"), ("1000", "b"), ("0900", "a")]
    )
    tl = liveblog.parse(text, date=DAY)
    assert [e.body for e in tl.entries] == ["a", "b", "late", "c", "d"]
    assert tl.entries[2].published == at(9, 30)
    assert [w.code for w in tl.warnings] == ["out-of-order"]
    assert tl.warnings[0].line == 3
    with pytest.raises(liveblog.OrderError):
        liveblog.parse(text, date=DAY, strict=True)


_OUT_OF_ORDER = re.compile(
    r"entry at (\d\d:\d\d) stands (above|below) the one at (\d\d:\d\d) on line (\d+), "
    r"in a blog whose later entries stand \2; kept in place"
)


def test_an_out_of_order_warning_names_the_entry_above_or_below_it() -> None:
    """Regression: "entry at 10:00 stands after one at 11:00" was said of line 1, above
    the 11:00 post on line 3 of a newest-first page."""
    text = "UPDATE 1000 GMT: a\nUPDATE 0900 GMT: b\nUPDATE 1100 GMT: c\nUPDATE 0800 GMT: d\n"
    tl = liveblog.parse(text, date=DAY)
    assert [(w.line, w.column, w.message) for w in tl.warnings] == [
        (line, 1, f"entry at {clock} stands above the one at 11:00 on line 3, in a blog "
         "whose later entries stand above; kept in place")
        for line, clock in [(2, "09:00"), (1, "10:00")]
    ]  # fmt: skip


@given(
    st.lists(st.integers(0, 11), min_size=3, max_size=8, unique=True),
    st.booleans(),
    st.booleans(),
)
def test_an_out_of_order_warning_is_true_to_the_page(
    tens: list[int], dated: bool, blank_lines: bool
) -> None:
    """Every out-of-order warning stands on the line of the entry at its clock, and the
    entry it names stands on the line it says, above or below it as it says, with the
    later clock on the side the blog puts later entries."""
    clocks = [f"{9 + k // 6:02d}:{k % 6 * 10:02d}" for k in tens]
    lines = [f"UPDATE {c.replace(':', '')} GMT: post {n}" for n, c in enumerate(clocks)]
    tl = liveblog.parse(("\n\n" if blank_lines else "\n").join(lines), date=DAY if dated else None)
    page = tl.text.splitlines() if tl.text else []
    for w in (w for w in tl.warnings if w.code == "out-of-order"):
        m = _OUT_OF_ORDER.fullmatch(w.message)
        assert m is not None, w.message
        clock, side, other, other_line = m[1], m[2], m[3], int(m[4])
        assert clock.replace(":", "") in page[w.line - 1]
        assert other.replace(":", "") in page[other_line - 1]
        assert (w.line < other_line) == (side == "above")
        assert side == ("above" if tl.order == "newest-first" else "below")
        assert clock < other  # the later clock stands where earlier entries should


@pytest.mark.parametrize("now", [None, dt.datetime(2024, 1, 22, 13, 0, tzinfo=dt.UTC)])
def test_an_entry_out_of_order_on_a_page_without_a_date(now: dt.datetime | None) -> None:
    """A step back met before the day is known is judged once it is (or is not): the
    late correction still warns, and raises in strict mode."""
    text = "\n".join(
        f"UPDATE {t} GMT: {b}"
        for t, b in [("1200", "d"), ("1100", "c"), ("0930", "late"), ("1000", "b"), ("0900", "a")]
    )
    tl = liveblog.parse(text, now=now)
    assert [w.code for w in tl.warnings if w.code == "out-of-order"] == ["out-of-order"]
    assert tl.warnings[0].line == 3
    assert (tl.date is None) == (now is None)
    with pytest.raises(liveblog.OrderError):
        liveblog.parse(text, now=now, strict=True)


# the last post is in the second pass, though its clock is later than any of the first
_FALL_BACK = [("23:50", "a"), ("01:30", "b"), ("01:45", "c"), ("01:10", "d"), ("01:40", "e")]
_FALL_BACK += [("01:50", "f")]
_FALL_BACK_UTC = ["22:50", "00:30", "00:45", "01:10", "01:40", "01:50"]  # Europe/London, 2024-10-27


# the night London's clocks go back, dated by date=, or only after the steps are met: by
# now= or by a date in the text
_FALL_BACK_DATINGS = pytest.mark.parametrize(
    "dating",
    [
        {"date": dt.date(2024, 10, 26)},
        {"now": dt.datetime(2024, 10, 27, 2, 0, tzinfo=UTC)},
        {"text": "Coverage of the storm from Saturday October 26, 2024."},
    ],
    ids=["date", "now", "text"],
)


@_FALL_BACK_DATINGS
@pytest.mark.parametrize("newest_first", [True, False])
@pytest.mark.parametrize("zone", [{"tz": "Europe/London"}, {"page": "All times UK."}])
def test_the_hour_a_dst_change_repeats_is_read_twice(
    newest_first: bool, zone: dict[str, str], dating: dict[str, Any]
) -> None:
    """When the clocks go back, the wall times of the hour they repeat come twice: a
    step back into that hour is the second pass through it (the later offset), not an
    entry out of order; also when the day comes from ``now`` or the text, which are
    read after the steps (regression: those steps were out of order, an hour off)."""
    posts = _FALL_BACK[::-1] if newest_first else _FALL_BACK
    text = zone.get("page", "Clocks go back tonight") + " " + dating.get("text", "") + "\n\n"
    text += "\n\n".join(f"{t}: Post {b}." for t, b in posts)
    date, now = dating.get("date"), dating.get("now")
    tl = liveblog.parse(text, date=date, now=now, tz=zone.get("tz"), strict=True)
    published = [e.published for e in tl if e.published is not None]
    assert [p.astimezone(UTC).strftime("%H:%M") for p in published] == _FALL_BACK_UTC
    assert [p.isoformat()[-6:] for p in published] == ["+01:00"] * 3 + ["+00:00"] * 3
    assert tl.warnings == ()


def test_a_step_back_in_another_zone_that_is_later_is_in_order() -> None:
    """``0145 BST`` then ``0110 GMT`` (the clocks went back, and the page says so) is a
    later instant: no out-of-order warning, and the next clock is read from it."""
    posts = [("2355 BST", "a"), ("0130 BST", "b"), ("0145 BST", "c"), ("0110 GMT", "d")]
    posts += [("0140 GMT", "e")]
    text = "\n\n".join(f"{t}: Post {b}." for t, b in reversed(posts))
    tl = liveblog.parse(text, date=dt.date(2024, 10, 26))
    published = [e.published for e in tl if e.published is not None]
    utc = [p.astimezone(UTC).strftime("%H:%M") for p in published]
    assert utc == ["22:55", "00:30", "00:45", "01:10", "01:40"]
    assert tl.warnings == ()
    # a step back to an earlier instant in another zone is still out of order
    posts = [("0900 EST", "a"), ("1000 EST", "b"), ("1120 EST", "c"), ("1010 CST", "d")]
    text = "\n\n".join(f"UPDATE {t}: Post {b}." for t, b in reversed(posts))
    tl = liveblog.parse(text, date=dt.date(2024, 11, 5), tz="America/Chicago")
    assert [w.code for w in tl.warnings] == ["out-of-order"]


@_FALL_BACK_DATINGS
def test_clocks_after_a_later_instant_in_another_zone_are_read_from_it(
    dating: dict[str, Any],
) -> None:
    """After ``0145 BST`` then ``0110 GMT`` (in order: a later instant), ``0105 GMT`` is
    out of order against ``0110 GMT`` and ``0130 GMT`` is not, whether the day is known
    before the steps or after them (regression: with the day from ``now`` or the text,
    every clock was read against ``0145 BST`` and ``0105 GMT`` passed)."""
    posts = [("2355 BST", "a"), ("0130 BST", "b"), ("0145 BST", "c"), ("0110 GMT", "d")]
    posts += [("0105 GMT", "late"), ("0130 GMT", "e")]
    text = dating.get("text", "Storm live") + "\n\n"
    text += "\n\n".join(f"UPDATE {t}: Post {b}." for t, b in reversed(posts))
    tl = liveblog.parse(text, date=dating.get("date"), now=dating.get("now"))
    published = [e.published for e in tl if e.published is not None]
    utc = [p.astimezone(UTC).strftime("%H:%M") for p in published]
    assert utc == ["22:55", "00:30", "00:45", "01:10", "01:05", "01:30"]
    (late,) = (e for e in tl if e.marker.startswith("UPDATE 0105"))
    line = text.count("\n", 0, late.span[0]) + 1
    assert [(w.code, w.line) for w in tl.warnings] == [("out-of-order", line)]


@pytest.mark.parametrize(
    "dating",
    [{"date": dt.date(2024, 10, 27)}, {"now": dt.datetime(2024, 10, 27, 5, tzinfo=UTC)}],
    ids=["date", "now"],
)
def test_a_bare_clock_after_one_in_utc_is_in_the_second_pass(dating: dict[str, Any]) -> None:
    """``0110 GMT`` on the night London's clocks go back is the second 01:10 there, so
    ``01:20`` after it on a London page is the second 01:20 (01:20 UTC), in order
    (regression: the first 01:20, 00:20 UTC, earlier than the post before, silently)."""
    posts = ["00:20", "01:40", "01:10 GMT", "01:20", "01:30"]
    text = "Storm live\n\n" + "\n\n".join(f"{t}: Post." for t in reversed(posts))
    tl = liveblog.parse(text, tz="Europe/London", **dating)
    utc = [e.published.astimezone(UTC).strftime("%H:%M") for e in tl if e.published]
    assert utc == ["23:20", "00:40", "01:10", "01:20", "01:30"]
    assert tl.warnings == ()


def test_a_step_back_outside_the_repeated_hour_is_out_of_order() -> None:
    """A small step back stays an entry out of order on the night the clocks go back
    when either time is outside the hour repeated, and on any other night."""
    posts = [("23:50", "a"), ("00:40", "b"), ("01:45", "c"), ("00:55", "d")]
    text = "\n\n".join(f"{t}: Post {b}." for t, b in posts)
    tl = liveblog.parse(text, date=dt.date(2024, 10, 26), tz="Europe/London")
    assert [w.code for w in tl.warnings] == ["out-of-order"]
    posts = [("23:50", "a"), ("01:30", "b"), ("01:45", "c"), ("01:10", "d")]
    text = "\n\n".join(f"{t}: Post {b}." for t, b in posts)
    tl = liveblog.parse(text, date=dt.date(2024, 10, 19), tz="Europe/London")
    assert [w.code for w in tl.warnings] == ["out-of-order"]
    # the clocks go back once a night: a step back in the second pass is out of order
    posts = [("23:50", "a"), ("01:30", "b"), ("01:45", "c"), ("01:10", "d"), ("01:05", "e")]
    text = "\n\n".join(f"{t}: Post {b}." for t, b in posts)
    for dating in (
        {"date": dt.date(2024, 10, 26)},
        {"now": dt.datetime(2024, 10, 27, 3, tzinfo=UTC)},
    ):
        tl = liveblog.parse(text, tz="Europe/London", **dating)
        assert [(w.code, w.message[:14]) for w in tl.warnings] == [
            ("out-of-order", "entry at 01:05")
        ]


def test_duplicated_markers_keep_both_entries_with_distinct_ids() -> None:
    """The same time twice gives two entries with different ids."""
    text = "UPDATE 1000 GMT: second\n\nUPDATE 1000 GMT: first\n\nUPDATE 0900 GMT: zero"
    tl = liveblog.parse(text, date=DAY)
    assert len(tl) == 3
    assert len({e.id for e in tl.entries}) == 3


@pytest.mark.parametrize(
    "text",
    [
        SEED_BLOG,
        SEED_ARTICLE,
        "Intro\n\n7:25 Jane Doe: Talks begin.\n\n8:40 John Roe: Talks end.",
        "Talks resumed.\nHelen Pidd14 May 2015 18:02\n\nCrowds.\nHelen Pidd14 May 2015 17:40\n",
    ],
)
def test_parsed_entries_are_what_init_builds(text: str) -> None:
    """The parser fills entries' slots directly: every field is set, and valid, as
    ``Entry.__init__`` (which ``attrs.evolve`` goes through) builds it."""
    fields = attrs.fields_dict(liveblog.Entry).keys()
    for source in ("blog", None):
        for entry in liveblog.parse(text, date=DAY, source=source).entries:
            assert attrs.evolve(entry) == entry
            assert attrs.asdict(entry, recurse=False).keys() == fields


def test_tz_applies_to_markers_without_zone() -> None:
    """tz is the zone of bare times; a marker's own zone wins."""
    text = "UPDATE 1000: local\n\nUPDATE 0900 GMT: utc"
    tl = liveblog.parse(text, date=dt.date(2024, 7, 1), tz="Europe/Paris")
    by_body = {e.body: e for e in tl.entries}
    assert by_body["local"].published == dt.datetime(2024, 7, 1, 8, 0, tzinfo=UTC)
    assert by_body["local"].zone == "Europe/Paris"
    assert by_body["utc"].published == dt.datetime(2024, 7, 1, 9, 0, tzinfo=UTC)
    assert by_body["utc"].zone == "UTC"


KYIV_PAGE = (
    "Kyiv, on Monday.\n\nUPDATE 1548:\nTalks on Monday.\n\n"
    "ORIGINAL ENTRY: Photos last week, on Monday."
)


@pytest.mark.parametrize(("zone", "offset"), [("Europe/Kyiv", 2), ("America/Chicago", -6)])
def test_an_untimed_entry_s_mentions_are_days_in_the_timeline_s_zone(
    zone: str, offset: int
) -> None:
    """An entry with a day and no time, and the preamble, resolve their mentions in the
    timeline's zone, as the timed entries do (they were read in UTC)."""
    tl = liveblog.parse(KYIV_PAGE, date=DAY, tz=zone)
    untimed, timed = tl.entries
    assert untimed.time is None
    assert timed.time is not None
    shift = dt.timedelta(hours=offset)
    for m in (*tl.preamble_mentions, *untimed.mentions, *timed.mentions):
        assert m.start is not None
        assert m.end is not None
        assert (m.start.utcoffset(), m.end.utcoffset()) == (shift, shift), m
    starts = {m.text: m.start.isoformat()[:19] for m in untimed.mentions if m.start}
    assert starts == {"last week": "2024-01-15T00:00:00", "Monday": "2024-01-22T00:00:00"}
    # with_mentions gives what parse gives
    bare = liveblog.parse(KYIV_PAGE, date=DAY, tz=zone, mentions=False)
    again = with_mentions(bare)
    assert again.preamble_mentions == tl.preamble_mentions
    assert [e.mentions for e in again.entries] == [e.mentions for e in tl.entries]


def test_without_a_zone_an_untimed_entry_s_mentions_stay_in_utc() -> None:
    tl = liveblog.parse(KYIV_PAGE.replace("UPDATE 1548:", "UPDATE 1548 GMT:"), date=DAY)
    assert tl.tz in {None, "UTC"}
    assert {m.start.utcoffset() for e in tl.entries for m in e.mentions if m.start} == {
        dt.timedelta(0)
    }


def test_zone_table_reads_by_date() -> None:
    """ET in winter and summer follows New York's rules on that date."""
    winter = liveblog.parse("UPDATE 1000 ET: x", date=dt.date(2024, 1, 22))
    summer = liveblog.parse("UPDATE 1000 ET: x", date=dt.date(2024, 7, 1))
    assert winter.entries[0].published == dt.datetime(2024, 1, 22, 15, tzinfo=UTC)
    assert summer.entries[0].published == dt.datetime(2024, 7, 1, 14, tzinfo=UTC)
    assert winter.entries[0].zone == "America/New_York"


@pytest.mark.parametrize(
    ("zone", "utc_hour"),
    [("BST", 9), ("CET", 9), ("CEST", 8), ("EET", 8), ("MSK", 7), ("UTC", 10), ("GMT", 10)],
)
def test_zone_abbreviations(zone: str, utc_hour: int) -> None:
    """Common abbreviations convert to UTC through the one zone table."""
    day = dt.date(2024, 1, 22) if zone in {"CET", "EET"} else dt.date(2024, 7, 1)
    tl = liveblog.parse(f"UPDATE 1000 {zone}: x", date=day)
    assert tl.entries[0].published == dt.datetime.combine(day, dt.time(utc_hour), tzinfo=UTC)


def test_est_in_summer_warns_and_reads_eastern_time() -> None:
    """EST written in July is read as New York local time, with a warning."""
    tl = liveblog.parse("UPDATE 1000 EST: x", date=dt.date(2024, 7, 1))
    assert tl.entries[0].published == dt.datetime(2024, 7, 1, 14, tzinfo=UTC)
    assert [w.code for w in tl.warnings] == ["zone-mismatch"]


def test_unknown_zone_warns_and_gives_no_instant() -> None:
    """An unknown abbreviation gives no instant (never a silent wrong time) and a warning."""
    tl = liveblog.parse("UPDATE 1000 XYZ: x", date=DAY)
    assert tl.entries[0].published is None
    assert tl.entries[0].time == dt.time(10)
    assert tl.warnings[0].code == "unknown-zone"
    assert "'XYZ'" in tl.warnings[0].message
    with pytest.raises(liveblog.ZoneError):
        liveblog.parse("UPDATE 1000 XYZ: x", date=DAY, strict=True)


def test_ambiguous_zone_resolved_by_tz() -> None:
    """IST is India by default (with a warning) and Irish time when tz says so."""
    default = liveblog.parse("UPDATE 1000 IST: x", date=dt.date(2024, 7, 1))
    assert default.entries[0].published == dt.datetime(2024, 7, 1, 4, 30, tzinfo=UTC)
    assert [w.code for w in default.warnings] == ["ambiguous-zone"]
    irish = liveblog.parse("UPDATE 1000 IST: x", date=dt.date(2024, 7, 1), tz="Europe/Dublin")
    assert irish.entries[0].published == dt.datetime(2024, 7, 1, 9, tzinfo=UTC)
    assert irish.warnings == ()


def test_no_zone_and_no_tz_reads_utc_with_warning() -> None:
    """Bare times without tz are read as UTC and say so once."""
    tl = liveblog.parse("UPDATE 1000: a\n\nUPDATE 0900: b", date=DAY)
    assert tl.entries[0].published == at(9, 0)
    assert [w.code for w in tl.warnings] == ["no-zone"]


def test_bare_times_take_the_zone_the_other_markers_state() -> None:
    """A page that writes its zone on some markers (``10:30 p.m. ET``) and leaves it off
    others (``11:45 p.m.``) means that zone for all of them: no UTC, no warning."""
    text = (
        "Times Square live\n\n10:30 p.m. ET\nCrowds\nx\n\n11:45 p.m.\nNearly\nx\n\n"
        "12:20 a.m. ET\nConfetti\nx\n\n1:05 a.m.\nBye\nx"
    )
    tl = liveblog.parse(text, date=dt.date(2024, 12, 31))
    assert [e.zone for e in tl] == ["America/New_York"] * 4
    assert [e.published.astimezone(UTC).hour for e in tl if e.published] == [3, 4, 5, 6]
    assert tl.warnings == ()
    # zones that differ leave the bare times to tz (or UTC): no zone is the page's
    mixed = liveblog.parse(text.replace("12:20 a.m. ET", "12:20 a.m. PT"), date=DAY)
    assert [w.code for w in mixed.warnings] == ["no-zone"]


_TWO_DESKS = "Summit live\n\n" + "\n\n".join(
    f"{m}: Post {k}."
    for k, m in enumerate(["{a}", "14:40", "14:32 BST", "{b}", "08:10", "08:02 ET"])
)


@pytest.mark.parametrize(
    ("a", "b", "zones", "warned"),
    [
        # a bare time between markers of one zone is in it, at the page's edge too
        (
            "15:10",
            "08:20 ET",
            ["London", "London", "London", "New_York", "New_York", "New_York"],
            False,
        ),
        (
            "15:10 BST",
            "08:20 ET",
            ["London", "London", "London", "New_York", "New_York", "New_York"],
            False,
        ),
        # between markers of two zones nothing says which: UTC, and the warning
        ("15:10 BST", "08:20", ["London", "London", "London", "UTC", "UTC", "New_York"], True),
    ],
)
def test_a_bare_time_takes_the_zone_of_the_markers_around_it(
    a: str, b: str, zones: list[str], warned: bool
) -> None:
    """A page written in two zones (a London desk's ``14:32 BST``, a Washington desk's
    ``08:02 ET``) reads a bare time in the zone of the zoned markers on either side of
    it when they agree (or of the one beside it at the page's edge), not as UTC with a
    ``no-zone`` warning; with a zone on neither side that agrees, it stays UTC and
    warns."""
    text = _TWO_DESKS.format(a=a, b=b)
    tl = liveblog.parse(text, date=dt.date(2024, 6, 12))
    assert [str(e.zone).rsplit("/", 1)[-1] for e in tl.source_order] == zones
    assert ("no-zone" in {w.code for w in tl.warnings}) is warned
    instants = [e.published for e in tl.source_order]
    assert warned or instants == sorted(instants, reverse=True)  # type: ignore[type-var]


@pytest.mark.parametrize("newest_first", [True, False])
def test_midnight_crossed_under_one_day_header(newest_first: bool) -> None:
    """Posts under one day header ("Tuesday, November 5") whose clocks run past midnight
    (``7:00 p.m.``, ``11:50 p.m.``, ``1:12 a.m.``) keep the page's order: the last is on
    the next day, with no out-of-order warning."""
    posts = ["7:00 p.m.\nPolls close\nx", "11:50 p.m.\nSlow count\nx", "1:12 a.m.\nCalled\nx"]
    if newest_first:
        posts.reverse()
    text = "Election night\n\nTuesday, November 5\n\n" + "\n\n".join(posts)
    tl = liveblog.parse(text, date=dt.date(2024, 11, 5), tz="America/New_York")
    assert tl.order == ("newest-first" if newest_first else "oldest-first")
    assert [e.day for e in tl] == [dt.date(2024, 11, 5)] * 2 + [dt.date(2024, 11, 6)]
    assert tl.warnings == ()


def test_without_date_times_are_known_but_not_instants() -> None:
    """Without a date (and nothing to infer it from) entries have time but no instant."""
    tl = liveblog.parse("UPDATE 1000 GMT: a\n\nUPDATE 0900 GMT: b")
    assert [e.time for e in tl.entries] == [dt.time(9), dt.time(10)]
    assert [e.published for e in tl.entries] == [None, None]
    assert tl.date is None
    assert [w.code for w in tl.warnings] == ["no-date"]


def test_impossible_marker_stays_in_neighbour_with_warning() -> None:
    """UPDATE 2561 GMT is not a marker: its text stays in the entry above, with a warning."""
    text = "UPDATE 1000 GMT: a\n\nUPDATE 2561 GMT: b\n\nUPDATE 0900 GMT: c"
    tl = liveblog.parse(text, date=DAY)
    assert [e.marker for e in tl.entries] == ["UPDATE 0900 GMT", "UPDATE 1000 GMT"]
    assert tl.entries[1].body == "a\n\nUPDATE 2561 GMT: b"
    (warning,) = tl.warnings
    assert (warning.code, warning.line, warning.column, warning.snippet) == (
        "impossible-marker",
        3,
        1,
        "UPDATE 2561 GMT",
    )
    assert warning.message == "invalid clock time '2561'; text kept in the neighbouring entry"


def test_impossible_marker_strict_raises_with_position() -> None:
    """strict=True raises MarkerError with line, column and the marker text."""
    with pytest.raises(liveblog.MarkerError) as info:
        liveblog.parse("intro\nUPDATE 2561 GMT: b", date=DAY, strict=True)
    err = info.value
    assert (err.lineno, err.colno, err.snippet) == (2, 1, "UPDATE 2561 GMT")
    assert str(err) == "invalid clock time '2561': line 2, column 1"


@pytest.mark.parametrize("top", ["2400 hours", "2400 hrs", "2400hrs"])
def test_military_midnight_2400_stays_text_with_warning(top: str) -> None:
    """``2400 hours:`` (a forces log's end of day) is no clock the parser reads: its line
    stays in the text beside it, at a warning that quotes it; nothing is lost."""
    text = f"Incident log\n\n{top}: Road reopened.\n\n2330 hours: Officers attend.\n\n"
    text += "2215 hours: Call received."
    tl = liveblog.parse(text, date=DAY, tz="Europe/London")
    assert [e.marker for e in tl] == ["2215 hours", "2330 hours"]
    assert f"{top}: Road reopened." in tl.preamble.text
    (warning,) = tl.warnings
    assert (warning.code, warning.line, warning.snippet) == ("impossible-marker", 3, top)
    assert warning.message == "invalid clock time '2400'; text kept in the neighbouring entry"
    assert_tiles(text, tl)


@pytest.mark.parametrize(
    ("typo", "clock"),
    [("1:5pm", dt.time(13, 5)), ("1.5 p.m.", dt.time(13, 5)), ("11:0am", dt.time(11))],
)
def test_one_digit_minute_opens_its_post_with_a_warning(typo: str, clock: dt.time) -> None:
    """A 12-hour clock with a one-digit minute (``1:5pm``, a typo the field guide lists)
    still opens its post, read as if the minute had a leading zero, with an ``odd-clock``
    warning at it (the writer may have meant 1:50); strict mode raises."""
    text = f"Live\n\n2:10pm: Third.\n\n{typo}: Second.\n\n10:40am: First."
    tl = liveblog.parse(text, date=DAY)
    assert [e.marker for e in tl] == ["10:40am", typo, "2:10pm"]
    assert tl.entries[1].time == clock
    assert tl.entries[1].body == "Second."
    odd = [w for w in tl.warnings if w.code == "odd-clock"]
    assert [(w.line, w.snippet) for w in odd] == [(5, typo)]
    assert odd[0].message == f"minute written with one digit in {typo!r}; read as {clock:%H:%M}"
    with pytest.raises(liveblog.MarkerError):
        liveblog.parse(text, date=DAY, strict=True, tz="UTC")


def test_two_digit_minutes_and_dates_are_no_odd_clocks() -> None:
    """Dotted dates and two-digit minutes never warn ``odd-clock``."""
    text = "Live\n\n08:12 3.9.2019\nThird.\n\n1:05pm 3.9.2019\nSecond.\n\n9.5.2019 11:40am\nFirst."
    tl = liveblog.parse(text, tz="UTC")
    assert len(tl.entries) == 3
    assert "odd-clock" not in [w.code for w in tl.warnings]


def test_crlf_and_cr_line_ends() -> None:
    """CRLF and lone CR end lines like LF does."""
    for newline in ("\r\n", "\r"):
        text = newline.join(["Intro", "UPDATE 1000 GMT: b", "UPDATE 0900 GMT: a"])
        tl = liveblog.parse(text, date=DAY)
        assert [e.body for e in tl.entries] == ["a", "b"]
        assert tl.preamble.text == "Intro"


@pytest.mark.parametrize("text", ["", "   \n\t\r\n  "])
def test_empty_and_blank_input_give_empty_timeline(text: str) -> None:
    """Empty and whitespace-only input is an empty timeline, not an error."""
    tl = liveblog.parse(text, strict=True)
    assert len(tl) == 0
    assert tl.warnings == ()


@pytest.mark.parametrize("tz", ["../../etc/passwd", "Europe/" + "x" * 300, "\x00"])
def test_zone_names_that_are_no_zone_files_are_value_errors(tz: str) -> None:
    """Regression: a tz reaching outside the zone directory raised dateutil's
    DeprecatedTzKeyWarning (an error by default), a too long one OSError."""
    with pytest.raises(ValueError, match=r"^tz must be a known zone name"):
        liveblog.parse("x", tz=tz)


def test_bad_arguments_raise_type_and_value_errors() -> None:
    """Bad arguments are rejected at the call, naming the parameter."""
    with pytest.raises(TypeError, match=r"^date must be a datetime.date"):
        liveblog.parse("x", date=dt.datetime(2024, 1, 1))  # noqa: DTZ001
    with pytest.raises(ValueError, match=r"^tz must be a known zone name"):
        liveblog.parse("x", tz="Mars/Olympus")
    with pytest.raises(ValueError, match=r"^now must be a timezone-aware datetime"):
        liveblog.parse("x", now=dt.datetime(2024, 1, 1))  # noqa: DTZ001
    with pytest.raises(ValueError, match=r"^dialects must have distinct names"):
        liveblog.parse("x", dialects=(*liveblog.DEFAULT_DIALECTS, liveblog.DEFAULT_DIALECTS[0]))
    with pytest.raises(TypeError, match=r"^dialects must provide name and scan\(text\), got 42"):
        liveblog.parse("x", dialects=[42])  # type: ignore[list-item]
    with pytest.raises(TypeError, match=r"^source must be a name"):
        liveblog.parse("x", source=3)  # type: ignore[arg-type]


def test_a_dialect_given_by_name_is_named_in_the_error() -> None:
    """Regression: ``dialect="update"`` (a dialect's name, where the dialect itself is
    wanted) was blamed on ``dialects``, a parameter the call did not give; the message
    now names ``dialect`` and says where the built-in dialects are."""
    with pytest.raises(TypeError) as info:
        liveblog.parse("x", dialect="update")  # type: ignore[arg-type]
    assert str(info.value) == (
        "dialect must provide name and scan(text), got 'update' (a name: the built-in "
        "dialects are in liveblog.DEFAULT_DIALECTS)"
    )
    with pytest.raises(TypeError, match=r"^dialects must provide .*, got 'update' \(a name"):
        liveblog.parse("x", dialects=["update"])  # type: ignore[list-item]


_ZONE_HINT = (
    "tz must be a known zone name such as 'Europe/London' (or an offset such as 'UTC+02:00'), got "
)


@pytest.mark.parametrize(
    ("kwargs", "error", "message"),
    [
        (
            {"date": "2024-01-22"},
            TypeError,
            "date must be a datetime.date (not a datetime), got '2024-01-22'",
        ),
        (
            {"date": dt.datetime(2024, 1, 22, tzinfo=dt.UTC)},
            TypeError,
            "date must be a datetime.date (not a datetime), got "
            "datetime.datetime(2024, 1, 22, 0, 0, tzinfo=datetime.timezone.utc)",
        ),
        (
            {"now": dt.datetime(2024, 1, 22, 10)},  # noqa: DTZ001 - the point
            ValueError,
            "now must be a timezone-aware datetime, got datetime.datetime(2024, 1, 22, 10, 0)",
        ),
        (
            {"now": "2024-01-22T10:00Z"},
            TypeError,
            "now must be a timezone-aware datetime, got '2024-01-22T10:00Z'",
        ),
        ({"tz": 0}, TypeError, "tz must be a zone name such as 'Europe/London', got 0"),
        ({"tz": "Mars/Olympus"}, ValueError, _ZONE_HINT + "'Mars/Olympus'"),
        # the machine's own zone: a parse would depend on where it runs
        ({"tz": ""}, ValueError, _ZONE_HINT + "''"),
        ({"tz": "localtime"}, ValueError, _ZONE_HINT + "'localtime'"),
        ({"tz": "/etc/localtime"}, ValueError, _ZONE_HINT + "'/etc/localtime'"),
        ({"tz": ":Europe/London"}, ValueError, _ZONE_HINT + "':Europe/London'"),
        # files of the zone directory that are no place's zone
        ({"tz": "posixrules"}, ValueError, _ZONE_HINT + "'posixrules'"),
        ({"tz": "Factory"}, ValueError, _ZONE_HINT + "'Factory'"),
        ({"tz": "posix/Europe/London"}, ValueError, _ZONE_HINT + "'posix/Europe/London'"),
        ({"tz": "right/Europe/London"}, ValueError, _ZONE_HINT + "'right/Europe/London'"),
        ({"tz": "SystemV/EST5EDT"}, ValueError, _ZONE_HINT + "'SystemV/EST5EDT'"),
        # POSIX TZ strings: dateutil reads GMT+3 as three hours west of Greenwich
        ({"tz": "GMT+3"}, ValueError, _ZONE_HINT + "'GMT+3'"),
        ({"tz": "UTC+3"}, ValueError, _ZONE_HINT + "'UTC+3'"),
        ({"tz": "UTC 01:30"}, ValueError, _ZONE_HINT + "'UTC 01:30'"),  # was UTC-01:30
        ({"tz": "UTC+24:00"}, ValueError, _ZONE_HINT + "'UTC+24:00'"),
        ({"tz": "Europe/" + "x" * 300}, ValueError, _ZONE_HINT + "'Europe/xxxxx...xxxxxxxxxxxxx'"),
    ],
)
def test_bad_time_arguments_name_the_argument(
    kwargs: dict[str, Any], error: type[Exception], message: str
) -> None:
    """Regression: tz="" (the machine's zone), "localtime", a path, a POSIX TZ string
    such as "GMT+3" (read as UTC-03:00), "UTC 01:30" (read as UTC-01:30) and the zone
    directory's files that are no place's zone ("posixrules", "Factory", "posix/...",
    "right/...", "SystemV/...") were taken as zones. Wrong date, now and tz arguments
    raise TypeError or ValueError naming the argument and showing the value
    (shortened), in parse and parse_html alike."""
    for read in (liveblog.parse, liveblog.parse_html):
        with pytest.raises(error) as info:
            read("UPDATE 1548 GMT: x", **kwargs)
        assert str(info.value) == message


@pytest.mark.parametrize(
    "tz",
    [
        *("UTC+02:00", "UTC-05:30", "Etc/GMT+3", "America/Port-au-Prince"),
        *("US/Eastern", "GB", "EST5EDT", "GMT+0", "Etc/UTC"),  # the database's old names
    ],
)
def test_offsets_and_zone_names_are_zones(tz: str) -> None:
    """UTC±HH:MM keys and IANA names with digits, signs and hyphens are zones, and so
    are the tz database's old names (its "backward" links)."""
    tl = liveblog.parse("14:32\nTalks.\n\n15:00\nMore.", date=DAY, tz=tz)
    assert [(e.marker, e.zone) for e in tl] == [("14:32", tz), ("15:00", tz)]


def test_source_recorded_on_timeline_and_entries() -> None:
    """source= names the timeline and every entry's provenance."""
    tl = liveblog.parse("UPDATE 1000 GMT: a", date=DAY, source="ea")
    assert tl.source == liveblog.Source(name="ea")
    assert tl.entries[0].sources == (liveblog.Provenance(liveblog.Source("ea"), tl.entries[0].id),)


def test_custom_dialect_added_and_forced() -> None:
    """Users add a dialect by composition, or force one."""
    arrow = liveblog.PatternDialect("arrow", r">>\s(?P<hour>\d\d)(?P<minute>\d\d)")
    text = "Intro\n>> 0945 Talks\n>> 1030 More"
    tl = liveblog.parse(text, date=DAY, tz="UTC", dialects=(*liveblog.DEFAULT_DIALECTS, arrow))
    assert [e.time for e in tl.entries] == [dt.time(9, 45), dt.time(10, 30)]
    assert tl.dialect.names == ("arrow",)
    forced = liveblog.parse("UPDATE 0900 GMT: a\n>> 0945 b", date=DAY, dialect=arrow)
    assert [e.marker for e in forced.entries] == [">> 0945"]


_BYLINE = liveblog.PatternDialect(
    "byline", r"(?P<hour>\d\d):(?P<minute>\d\d) \s by \s (?P<author>\w+) :"
)
_HEADLINED = liveblog.PatternDialect(
    "headlined", r"(?P<hour>\d\d):(?P<minute>\d\d) \s \| \s (?P<headline>[^|\n]+?) \s \| \s"
)


@pytest.mark.parametrize("at", [0, 5, len(liveblog.DEFAULT_DIALECTS)])
@pytest.mark.parametrize(
    ("mine", "text", "read"),
    [
        (  # the guide's example: clock-inline reads the same lines as 09:45, by Jane in the body
            _BYLINE,
            "09:45 by Jane: Talks begin\n\n10:30 by John: Talks end",
            [
                ("09:45 by Jane", None, "Jane", "Talks begin"),
                ("10:30 by John", None, "John", "Talks end"),
            ],
        ),
        (
            _HEADLINED,
            "09:45 | Talks begin | Leaders arrive.\n\n10:30 | Talks end | A deal is near.",
            [
                ("09:45 | Talks begin", "Talks begin", None, "Leaders arrive."),
                ("10:30 | Talks end", "Talks end", None, "A deal is near."),
            ],
        ),
    ],
)
def test_a_user_dialect_wins_a_tie_with_a_built_in_one(
    mine: liveblog.PatternDialect,
    text: str,
    read: list[tuple[str, str | None, str | None, str]],
    at: int,
) -> None:
    """A dialect of one's own that reads the same markers as a built-in one (equal
    evidence) is chosen wherever it stands among the built-in dialects, so its groups
    (author, headline) are read."""
    dialects = list(liveblog.DEFAULT_DIALECTS)
    dialects.insert(at, mine)
    tl = liveblog.parse(text, date=DAY, tz="UTC", dialects=dialects)
    assert tl.dialect.names == (mine.name,)
    assert [(e.marker, e.headline, e.author, e.body) for e in tl] == read
    assert tl.dialect.evidence[0].name == mine.name
    assert_tiles(text, tl)


_UPDATE_BY = liveblog.PatternDialect(
    "update-by", r"(?:UPDATE \s)? (?P<hhmm>\d{4}) \s (?P<zone>GMT) \s by \s (?P<author>\w+):"
)


@pytest.mark.parametrize("at", [0, len(liveblog.DEFAULT_DIALECTS)])
@pytest.mark.parametrize(
    "text",
    [
        (  # as many markers as update: yours is chosen, update joins for 1400 and 1500
            "Intro\n\n1000 GMT by Ann: Talks begin\n\n1100 GMT by Bob: Talks go on\n\n"
            "UPDATE 1200 GMT by Cy: Lunch\n\nUPDATE 1300 GMT by Di: Talks resume\n\n"
            "UPDATE 1400 GMT: Talks stall\n\nUPDATE 1500 GMT: Talks end"
        ),
        (  # fewer than update: update is chosen, yours joins for 1400 and 1500
            "Intro\n\nUPDATE 1000 GMT: Doors open\n\nUPDATE 1100 GMT: Guests arrive\n\n"
            "UPDATE 1200 GMT by Cy: Lunch\n\nUPDATE 1300 GMT by Di: Talks resume\n\n"
            "UPDATE 1330 GMT: Coffee\n\n1400 GMT by Ann: Talks stall\n\n1500 GMT by Bob: Talks end"
        ),
    ],
)
def test_a_user_dialect_reads_the_places_it_shares_with_a_built_in_one(text: str, at: int) -> None:
    """Where a dialect of one's own and a built-in one are both chosen and read the same
    marker (``UPDATE 1200 GMT by Cy:``), yours reads it (its author), wherever it stands
    among the built-in dialects; the built-in one reads the markers yours does not."""
    dialects = list(liveblog.DEFAULT_DIALECTS)
    dialects.insert(at, _UPDATE_BY)
    tl = liveblog.parse(text, date=DAY, dialects=dialects)
    assert set(tl.dialect.names) == {"update-by", "update"}
    authors = {e.marker: e.author for e in tl}
    assert authors["UPDATE 1200 GMT by Cy"] == "Cy"
    assert authors["UPDATE 1300 GMT by Di"] == "Di"
    assert [e.published.hour for e in tl if e.published] == sorted(
        int(h[:2]) for h in re.findall(r"\b\d{4}(?= GMT)", text)
    )
    assert_tiles(text, tl)


@pytest.mark.parametrize("at", [0, len(liveblog.DEFAULT_DIALECTS)])
def test_a_user_dialect_with_fewer_markers_loses(at: int) -> None:
    """A dialect of one's own that reads fewer of the page's markers than a built-in one
    loses, even placed first: the built-in one reads every post (the bylines stay text)."""
    text = "09:45 by Jane: Talks begin\n\n10:30: Talks pause\n\n11:15 by John: Talks end"
    dialects = list(liveblog.DEFAULT_DIALECTS)
    dialects.insert(at, _BYLINE)
    tl = liveblog.parse(text, date=DAY, tz="UTC", dialects=dialects)
    assert tl.dialect.names == ("clock-inline",)
    assert [(e.marker, e.author, e.body) for e in tl] == [
        ("09:45", None, "by Jane: Talks begin"),
        ("10:30", None, "Talks pause"),
        ("11:15", None, "by John: Talks end"),
    ]


# twenty posts of a byline dialect of one's own, which clock-inline reads as well
_BYLINED = [f"{9 + k // 6:02d}:{k % 6 * 10:02d} by Jane: Post {k} text." for k in range(20)]


@pytest.mark.parametrize("at", [0, len(liveblog.DEFAULT_DIALECTS)])
@pytest.mark.parametrize(
    ("posts", "names", "timed"),
    [
        (  # a time opening a line inside a post's paragraph, in the page's order
            [*_BYLINED[:10], _BYLINED[10] + "\n10:45: The minister said so.", *_BYLINED[11:]],
            ("byline",),
            20,
        ),
        (  # a line inside a paragraph between posts, against the order
            [*_BYLINED[:10], "Talks went on.\n14:00: the minister said.", *_BYLINED[10:]],
            ("byline",),
            20,
        ),
        (  # a paragraph of its own, against the order (10:45 between 10:30 and 10:40)
            [*_BYLINED[:10], "10:45: The minister said so.", *_BYLINED[10:]],
            ("byline",),
            20,
        ),
        (  # two of them, in two posts
            [
                *_BYLINED[:5],
                _BYLINED[5] + "\n10:05: The minister said so.",
                *_BYLINED[6:10],
                _BYLINED[10] + "\n10:45: The minister said so.",
                *_BYLINED[11:],
            ],
            ("byline",),
            20,
        ),
        (  # a post without a byline, in order: clock-inline joins for it alone
            [*_BYLINED[:10], "10:35: A post without a byline.", *_BYLINED[10:]],
            ("byline", "clock-inline"),
            21,
        ),
        (  # the last post without one
            [*_BYLINED, "13:45: The last post."],
            ("byline", "clock-inline"),
            21,
        ),
        (  # a post without one, and a line of a post's paragraph in order: no post
            [
                *_BYLINED[:10],
                "10:35: A post without a byline.",
                _BYLINED[10] + "\n10:45: The minister said so.",
                *_BYLINED[11:],
            ],
            ("byline", "clock-inline"),
            21,
        ),
        (  # the newest post without one, at the top of a newest-first page
            ["13:45: The newest post.", *reversed(_BYLINED)],
            ("byline", "clock-inline"),
            21,
        ),
        (  # the first post without one, at the top of an oldest-first page
            ["08:45: Welcome to our live coverage.", *_BYLINED],
            ("byline", "clock-inline"),
            21,
        ),
        (  # the newest post without one and a time against the order inside a post
            [
                "13:45: The newest post.",
                *reversed(_BYLINED[10:]),
                _BYLINED[9] + "\n07:15: the minister said.",
                *reversed(_BYLINED[:9]),
            ],
            ("byline", "clock-inline"),
            21,
        ),
    ],
)
def test_a_user_dialect_wins_over_a_built_in_one_with_strays(
    posts: list[str], names: tuple[str, ...], timed: int, at: int
) -> None:
    """A dialect of one's own is chosen over a built-in one that reads every place it
    reads and a few more, when those are times in posts' text (inside a paragraph, or
    against the page's order), or few posts it joins for (between the posts, below
    them, or above them all, the page's first post, continuing their order): the
    bylines are read, and no post is lost."""
    text = "\n\n".join(posts)
    dialects = list(liveblog.DEFAULT_DIALECTS)
    dialects.insert(at, _BYLINE)
    tl = liveblog.parse(text, date=DAY, tz="UTC", dialects=dialects)
    assert tl.dialect.names == names
    assert len(tl.entries) == timed
    assert [e.author for e in tl if e.author] == ["Jane"] * 20
    assert sorted(e.published for e in tl if e.published) == [e.published for e in tl]
    assert_tiles(text, tl)


@pytest.mark.parametrize(
    "text",
    [
        # a post without a byline among two with one: a third of the page
        "09:45 by Jane: Talks begin\n\n10:30: Talks pause\n\n11:15 by John: Talks end",
        # the newest of six posts without one, at the top of a newest-first page: a
        # sixth of the page, no longer few
        "\n\n".join(["10:05: The newest post.", *reversed(_BYLINED[:5])]),
        # the top post and three more of ten without one: the bylines are no style
        "\n\n".join(
            [
                "10:35: The newest post.",
                *(
                    p.replace(" by Jane", "") if k % 3 == 0 else p
                    for k, p in enumerate(reversed(_BYLINED[:9]))
                ),
            ]
        ),
    ],
)
def test_a_built_in_dialect_reading_posts_a_user_dialect_misses_wins(text: str) -> None:
    """A built-in dialect whose markers beyond a dialect of one's own are posts, more
    than a few, is chosen."""
    tl = liveblog.parse(text, date=DAY, tz="UTC", dialects=[_BYLINE, *liveblog.DEFAULT_DIALECTS])
    assert tl.dialect.names == ("clock-inline",)
    assert len(tl.entries) == text.count("\n\n") + 1


_BARE_CLOCK = liveblog.PatternDialect("bare", r"(?m)^(?P<hour>\d\d?):(?P<minute>\d\d)\b")


@pytest.mark.parametrize(
    ("mine", "text", "names"),
    [
        (  # the same places, read without am/pm: 1:05 above 12:40 runs against the order
            _BARE_CLOCK,
            "1:05 p.m.\nTalks end\nA deal.\n\n12:40 p.m.\nLunch\nA pause.\n\n"
            "11:15 a.m.\nTalks go on\nSlowly.\n\n9:30 a.m.\nTalks begin\nAt last.",
            ("clock-line",),
        ),
        (  # bylined posts with two more times each on their lines: no few strays
            _BYLINE,
            "\n\n".join(
                f"{h}:00 by Jane: Post {h}\n{h}:20: more.\n{h}:40: more." for h in range(10, 17)
            ),
            ("clock-inline",),
        ),
    ],
)
def test_a_built_in_dialect_reading_the_page_better_wins(
    mine: liveblog.PatternDialect, text: str, names: tuple[str, ...]
) -> None:
    """A built-in dialect that reads the places a dialect of one's own reads in a more
    regular order, or many more places, is chosen."""
    tl = liveblog.parse(text, date=DAY, tz="UTC", dialects=[mine, *liveblog.DEFAULT_DIALECTS])
    assert tl.dialect.names == names


@pytest.mark.parametrize(
    "top",
    [
        "Storm live\n\nUpdated 13:45 GMT\n\nWelcome to our coverage of the storm.",
        "Storm live\n\n13:45\nLatest",
    ],
)
def test_a_page_stamp_above_a_user_dialects_posts_opens_no_entry(top: str) -> None:
    """Above the newest post of a dialect of one's own, a time that a dialect reading
    none of its posts reads (the page's ``Updated 13:45 GMT``) stays in the preamble:
    only a dialect that reads every post of yours joins for one above them all."""
    text = top + "\n\n" + "\n\n".join(reversed(_BYLINED))
    tl = liveblog.parse(text, date=DAY, tz="UTC", dialects=[_BYLINE, *liveblog.DEFAULT_DIALECTS])
    assert tl.dialect.names == ("byline",)
    assert [e.author for e in tl] == ["Jane"] * 20
    assert tl.preamble.text == top
    assert_tiles(text, tl)


_STAMP_BY = liveblog.PatternDialect("stamp-by", r"(?P<hour>\d\d):(?P<minute>\d\d) \s by")


@pytest.mark.parametrize(
    "text",
    [
        # the same six lines read by both
        "\n\n".join(f"{h}:00 by Jane: Post {h}" for h in range(10, 16)),
        # and one line each beside a built-in dialect's posts, where both join it
        "08:00 Polls open.\n\n08:01 Queues form.\n\n08:02 by Jane: Turnout is high.\n\n"
        "08:03 Polls close.",
    ],
)
def test_of_ones_own_dialects_reading_the_same_places_the_longer_reads_them(text: str) -> None:
    """Two dialects of one's own reading the same places (``10:00 by Jane:`` and
    ``10:00 by``) give the same entries in either order: the one that reads more of
    each place (its author) reads it, as a dialect of one's own goes before a built-in
    one."""
    read = []
    for mine in ([_BYLINE, _STAMP_BY], [_STAMP_BY, _BYLINE]):
        tl = liveblog.parse(text, date=DAY, tz="UTC", dialects=[*mine, *liveblog.DEFAULT_DIALECTS])
        read.append([(e.marker, e.author) for e in tl])
    assert read[0] == read[1]
    assert ("10:00 by Jane", "Jane") in read[0] or ("08:02 by Jane", "Jane") in read[0]


def test_dialect_evidence_exposed() -> None:
    """tl.dialect names the chosen dialects and scores every candidate."""
    tl = liveblog.parse(SEED_BLOG, date=DAY)
    assert tl.dialect.names == ("update", "opening")
    update = tl.dialect.evidence[0]
    assert (update.name, update.candidates, update.accepted, update.monotonic) == (
        "update",
        3,
        3,
        1.0,
    )


def test_entry_repr_is_readable() -> None:
    """Entry reprs shorten long bodies."""
    tl = liveblog.parse(SEED_BLOG, date=DAY)
    text = repr(tl.entries[-1])
    assert text.startswith("Entry(id='")
    assert "body='Ukraine President Volodymyr Zelenskiy s…'" in text


def test_inputs_bytes_paths_and_files(tmp_path: Path) -> None:
    """str, bytes, paths and open files all parse; bytes report their encoding."""
    path = tmp_path / "blog.txt"
    path.write_bytes(SEED_BLOG.encode("utf-8"))
    expected = liveblog.parse(SEED_BLOG, date=DAY)
    from_path = liveblog.parse(path, date=DAY)
    named = liveblog.parse(SEED_BLOG, date=DAY, source=str(path))  # a path names it
    assert (from_path.entries, from_path.encoding) == (named.entries, "utf-8")
    with path.open("rb") as binary:
        assert liveblog.parse(binary, date=DAY).entries == expected.entries
    with path.open(encoding="utf-8") as handle:
        assert liveblog.parse(handle, date=DAY) == expected
    assert liveblog.parse(SEED_BLOG.encode("utf-16"), date=DAY).encoding == "utf-16"


SLASHED_BLOGS = [
    # (markers, value of "06/02/2023" in an entry): a page of 24-hour markers writes
    # dates day first, a page of am/pm markers (or none that says) month first
    (("14:32 GMT", "09:05 GMT"), "2023-02-06"),
    (("UPDATE 1432 GMT:", "UPDATE 0905 GMT:"), "2023-02-06"),
    (("2:32pm:", "9:05am:"), "2023-06-02"),
    (("9:32:", "10:05:"), "2023-06-02"),
]


@pytest.mark.parametrize(("markers", "value"), SLASHED_BLOGS)
def test_entries_read_slashed_dates_as_their_blog_writes_them(
    markers: tuple[str, str], value: str
) -> None:
    """An entry's ``06/02/2023`` is 6 February on a blog of 24-hour markers, as the
    markers' own dates are read, and 2 June on one of am/pm markers; the preamble and
    :func:`~liveblog.parse.with_mentions` (timelines read from HTML) read it the same way."""
    later, earlier = markers
    text = (
        "Quake live: report of 06/02/2023.\n\n"
        f"{later} The report dated 06/02/2023 was revised.\n\n"
        f"{earlier} Rescue teams arrived.\n"
    )
    tl = liveblog.parse(text, date=dt.date(2023, 2, 7))
    (revised,) = [e for e in tl.entries if "revised" in e.body]
    (mention,) = revised.mentions
    assert (mention.text, mention.value) == ("06/02/2023", value)
    assert [m.value for m in tl.preamble_mentions] == [value]
    bare = liveblog.parse(text, date=dt.date(2023, 2, 7), mentions=False)
    again = with_mentions(bare)
    assert again.entries == tl.entries
    assert again.preamble_mentions == tl.preamble_mentions


@pytest.mark.parametrize(
    ("text", "tag"),
    [
        (
            "<p><strong>14:32 BST</strong> Talks resume.</p>\n<p><strong>14:05 BST</strong> x</p>",
            "<p>",
        ),
        ("\n\n<div class='post'>UPDATE 1548 GMT: Talks end.</div>", "<div class='post'>"),
        ("<!DOCTYPE html>\n<html><body><p>14:32: x</p></body></html>", "<!DOCTYPE html>"),
        (b"<article>\n<p>14:32 BST Talks resume.</p>\n</article>", "<article>"),
        # line breaks left as tags by a copy of the page's source
        ("Storm live<br>\n<br>\n15:42 GMT<br>\nPower cuts.<br>\n<br>\n15:10 GMT<br>\nx", "<br>"),
    ],
)
def test_html_markup_passed_to_parse_warns(text: str | bytes, tag: str) -> None:
    """Markup given to ``parse`` (whose tags hide the markers) is parsed as text, so that
    spans stay offsets into it, with a warning at its first tag naming the HTML reader;
    strict mode raises. ``parse_html`` reads the same markup."""
    tl = liveblog.parse(text, date=DAY)
    assert [w.code for w in tl.warnings][:1] == ["html-markup"]
    warning = tl.warnings[0]
    assert warning.snippet == tag
    assert "liveblog.parse_html" in warning.message
    assert tl.text is not None
    assert tl.text[slice(*warning.span)] == tag
    assert_tiles(tl.text, tl)
    with pytest.raises(liveblog.ParseError) as info:
        liveblog.parse(text, date=DAY, strict=True)
    assert (info.value.lineno, info.value.snippet) == (warning.line, tag)
    assert "html-markup" not in {w.code for w in liveblog.parse_html(text, date=DAY).warnings}


@pytest.mark.parametrize(
    "text",
    [
        "14:32 BST: a <b>bold</b> claim\n\n14:05 BST: x < y and y > z",
        "14:32 BST: a <p> tag mentioned\n\n14:05 BST: <pre> too",
        "Talks resume. <3\n\n14:05 BST: x",
    ],
)
def test_text_with_a_few_angle_brackets_is_no_markup(text: str) -> None:
    """Inline tags or angle brackets in a text blog's posts give no ``html-markup``."""
    assert "html-markup" not in {w.code for w in liveblog.parse(text, date=DAY).warnings}


def test_a_tag_written_out_in_a_pages_text_is_no_markup() -> None:
    """A page whose visible text shows a tag (``&lt;div&gt;``) is read without the
    ``html-markup`` warning, even in strict mode."""
    page = "<p>&lt;div&gt; is a tag</p><p>UPDATE 1548 GMT: a</p><p>UPDATE 1420 GMT: b</p>"
    tl = liveblog.parse_html(page, date=DAY, strict=True)
    assert [e.body for e in tl] == ["b", "a"]
    assert tl.warnings == ()


_NOV4 = "Nov 4, 2023 {} IST"


@pytest.mark.parametrize(
    ("markers", "late"),
    [
        ([_NOV4.format(t) for t in ("07:19 AM", "09:42 AM", "08:55 AM", "07:19 AM")], 0),
        ([_NOV4.format(t) for t in ("09:42 AM", "07:19 AM", "08:55 AM", "06:10 AM")], 1),
        (["09:42 4 November", "07:19 4 November", "08:55 4 November", "06:10 4 November"], 1),
        ([_NOV4.format(t) for t in ("09:42 AM", "08:55 AM", "07:19 AM", "06:10 AM")], None),
        (["Nov 5, 2023 12:10 AM IST", *(_NOV4.format(t) for t in ("11:55 PM", "10:19 PM"))], None),
        (["Sunday 11.05am", "Sunday 9.10am", "Saturday 9.40pm", "Saturday 4.15pm"], None),
    ],
)
def test_a_dated_marker_out_of_order_within_its_day_warns(
    markers: list[str], late: int | None
) -> None:
    """Markers that each write the same day are in the page's order by their clocks:
    a time that steps back against it warns (it did only for undated markers), in
    place; a page in order, or across midnight by its dates, gives no such warning."""
    text = "Quake: live\n\n" + "\n\n".join(f"{m}\nPost {i}." for i, m in enumerate(markers))
    tl = liveblog.parse(text, date=dt.date(2023, 11, 4), tz="Asia/Kolkata")
    late_ones = [w for w in tl.warnings if w.code == "out-of-order"]
    assert [w.snippet for w in late_ones] == ([] if late is None else [markers[late]])
    assert len(tl.entries) == len(markers)


@pytest.mark.parametrize(
    ("text", "warned"),
    [
        ("blogs/2024-01-22.txt", True),
        ("  live.HTML\n", True),
        ("C:\\archive\\kyiv live.json", True),
        ("Talks end.", False),
        ("see file.txt for the rest", False),
        ("blogs/a.txt\nblogs/b.txt", False),
    ],
)
def test_a_text_that_is_a_file_name_is_flagged(text: str, warned: bool) -> None:
    """A str is the blog's text, never a file name; a user who passed a file's name
    (``glob.glob`` gives str) got a one-entry blog holding the name and only a "no entry
    markers" warning. A one-line text shaped like a file name now says to pass a path."""
    tl = liveblog.parse(text)
    codes = [w.code for w in tl.warnings]
    assert codes == (["file-name-text", "no-markers"] if warned else ["no-markers"])
    if warned:
        assert "pathlib.Path" in tl.warnings[0].message
        with pytest.raises(liveblog.ParseError, match="file name"):
            liveblog.parse(text, strict=True)


_FEED = liveblog.parse("UPDATE 1548 GMT: Talks end.", date=dt.date(2024, 1, 22)).to_json_feed()


@pytest.mark.parametrize(
    ("text", "warned"),
    [
        (json.dumps(_FEED, indent=2), True),
        (json.dumps([liveblog.Timeline([]).to_dict()]), True),
        ("  {}\n", True),
        ("[Updated 14:32] Talks end.", False),
        ("{Talks} end.", False),
        ('"Talks end."', False),
    ],
)
def test_a_json_document_is_flagged(text: str, warned: bool) -> None:
    """A JSON Feed, or the JSON ``parse --format json`` writes, is not a blog: it read as
    one entry of JSON with only a "no entry markers" warning. It now says how to read it."""
    tl = liveblog.parse(text)
    codes = [w.code for w in tl.warnings]
    assert codes == (["json-document", "no-markers"] if warned else ["no-markers"])
    if warned:
        assert tl.warnings[0].message == (
            "the text is a JSON document, not a live blog: read a JSON Feed with "
            "Timeline.from_json_feed and a timeline's to_dict() with Timeline.from_dict "
            "(the command liveblog merge reads both)"
        )
        document = text.strip()
        assert tl.warnings[0].snippet == (document if len(document) <= 80 else document[:79] + "…")
        with pytest.raises(liveblog.ParseError, match="JSON document"):
            liveblog.parse(text, strict=True)


def test_the_name_of_an_existing_file_is_flagged(tmp_path: Path) -> None:
    """Any existing file's name is flagged, whatever its extension."""
    blog = tmp_path / "blog"
    blog.write_text("UPDATE 1548 GMT: Talks end.", encoding="utf-8")
    assert liveblog.parse(str(blog)).warnings[0].code == "file-name-text"
    assert len(liveblog.parse(blog)) == 1  # a path is read


_STAMPED = "Quake live: rescue teams reach the coast\n{stamp}\n{gap}{posts}"
_POSTS = "{m1}\nRescuers reach Noto.\n\n{m2}\nA tsunami warning is lifted.\n\n{m3}\nA quake hits."


@pytest.mark.parametrize(
    ("stamp", "gap", "times", "entries"),
    [
        # the page's stamp, written as its entries are, right under the title: chrome
        ("Nov 4, 2023 09:50 AM IST", "\n", ("09:48 AM", "09:21 AM", "08:55 AM"), 3),
        ("14:32 GMT", "\n", ("14:30 GMT", "14:05 GMT", "13:31 GMT"), 3),
        ("Updated 14:32 GMT", "\n", ("14:30 GMT", "14:05 GMT", "13:31 GMT"), 3),
        ("14:32 GMT\nBy Live Desk", "\n", ("14:30 GMT", "14:05 GMT", "13:31 GMT"), 3),
        # with a sentence below it, it is the newest post
        ("14:32 GMT\nThe coast is clear.", "\n", ("14:30 GMT", "14:05 GMT", "13:31 GMT"), 4),
        # after a blank line it is a post whose text was lost: an empty entry
        ("", "Nov 4, 2023 09:50 AM IST\n\n", ("09:48 AM", "09:21 AM", "08:55 AM"), 4),
    ],
)
def test_a_pages_stamp_under_its_title_is_no_entry(
    stamp: str, gap: str, times: tuple[str, ...], entries: int
) -> None:
    """A time written as the entries' markers are, right under the title with nothing
    but a byline below it before the first entry, is when the page was published: it stays in the
    preamble instead of opening an empty entry. The same line standing apart after a
    blank line is a post whose text was lost, and stays an entry."""
    dated = "Nov 4, 2023 {} IST" if stamp.startswith("Nov") or gap.startswith("Nov") else "{}"
    marks = {f"m{i + 1}": dated.format(t) for i, t in enumerate(times)}
    text = _STAMPED.format(stamp=stamp, gap=gap, posts=_POSTS.format(**marks))
    tl = liveblog.parse(text, date=dt.date(2023, 11, 4), tz="Asia/Kolkata")
    assert len(tl.entries) == entries
    assert all(e.body for e in tl.entries[: entries - 1])
    if entries == 3:
        assert stamp in tl.preamble.text
    assert_tiles(text, tl)


_GUARDIAN = (
    "Final – live\nJacob Steinberg\n{stamp}\n\n22:14 Champions!\n\n21:58 GOAL!\n\n20:01 Kick-off."
)


@pytest.mark.parametrize(
    ("stamp", "tz", "zone"),
    [
        # the page's own stamp states the zone its bare times are written in
        ("Sat 1 Jun 2024 22.14 BST", None, "Europe/London"),
        ("Last modified on Sat 1 Jun 2024 22.14 BST", None, "Europe/London"),
        ("Updated 6:14 p.m. ET, June 1, 2024", None, "America/New_York"),
        ("Updated 22:14 CEST", None, "Europe/Paris"),
        # a given tz, or a time in a sentence, is not overruled
        ("Sat 1 Jun 2024 22.14 BST", "Europe/Paris", "Europe/Paris"),
        ("Kick-off is at 20:00 BST at Wembley.", None, "UTC"),
        ("Sat 1 Jun 2024 22.14", None, "UTC"),
    ],
)
def test_the_pages_stamp_gives_the_zone_of_bare_times(
    stamp: str, tz: str | None, zone: str
) -> None:
    """Bare times under a page stamp that states a zone (``Sat 1 Jun 2024 22.14 BST``
    under the title) are in that zone when no ``tz`` is given and the page states none
    otherwise; a time in a sentence of the preamble says nothing of the kind."""
    tl = liveblog.parse(_GUARDIAN.format(stamp=stamp), date=dt.date(2024, 6, 1), tz=tz)
    assert [e.zone for e in tl.source_order] == [zone] * 3
    assert ("no-zone" in {w.code for w in tl.warnings}) == (zone == "UTC")


@pytest.mark.parametrize(
    "statement",
    [
        "All times NPT (GMT+5:45)",
        "All times are NPT (UTC+05:45)",
        "Times: NPT (GMT+5:45).",
        # the offset in a bracket of its own, after "(all times local)" or a title
        "Plane crash live\n(all times local) (NPT, GMT+5:45)",
        "Plane crash live (NPT, GMT+5:45)",
        "Plane crash live\n(Nepal time, NPT: UTC+05:45)",
    ],
)
def test_an_unknown_abbreviation_the_page_defines_is_its_zone(statement: str) -> None:
    """``09:40 NPT:`` on a page that says "All times NPT (GMT+5:45)" is at +05:45: the
    page's statement defines the abbreviation its markers write, which the zone table
    lacks; without the statement it stays unknown (no instant, a warning)."""
    posts = "\n\n09:40 NPT: Rescuers arrive.\n\n08:15 NPT: Toll rises.\n\n06:02 NPT: A quake."
    tl = liveblog.parse(statement + posts, date=dt.date(2023, 11, 4))
    offsets = {e.published.utcoffset() for e in tl if e.published is not None}
    assert len(tl.entries) == 3
    assert offsets == {dt.timedelta(hours=5, minutes=45)}
    assert "unknown-zone" not in {w.code for w in tl.warnings}
    bare = liveblog.parse("Quake" + posts, date=dt.date(2023, 11, 4))
    assert [e.published for e in bare] == [None] * 3
    assert "unknown-zone" in {w.code for w in bare.warnings}


_CLOSING_POSTS = (
    "Coldplay close the Pyramid Stage.\nHelen Pidd30 Jun 2024 23:41\n\n"
    "Dua Lipa plays to the biggest crowd.\nHelen Pidd29 Jun 2024 23:02\n\n"
    "Gates open at 8am.\nLaura Snapes26 Jun 2024 08:15"
)


@pytest.mark.parametrize(
    ("head", "preamble"),
    [
        ("Glastonbury 2024 – live\n\n", "Glastonbury 2024 – live"),
        ("Glastonbury 2024 – live\nOur music desk\n\n", "Glastonbury 2024 – live\nOur music desk"),
        # a post's headline right above its text is the post's
        ("Pyramid Stage finale\n", ""),
        # a sentence above a blank line is the first post's first paragraph
        ("The last night was the best.\n\n", ""),
    ],
)
def test_a_title_above_posts_closed_by_bylines_is_the_preamble(head: str, preamble: str) -> None:
    """On a page whose posts end with their bylines (``Helen Pidd30 Jun 2024 23:41``), a
    title block above a blank line before the first post is the preamble, not the start
    of the first post; a headline right above the text, or a sentence, is the post's."""
    text = head + _CLOSING_POSTS
    tl = liveblog.parse(text, tz="Europe/London")
    assert tl.preamble.text == preamble
    assert len(tl.entries) == 3
    assert tl.source_order[0].body.startswith(head.strip() if not preamble else "Coldplay")
    assert_tiles(text, tl)


_STORM = "Storm live\n\n{m3}\n{b3}\n\n{m2}\nThe warning is amber.\n\n{m1}\nWinds hit 85mph."


@pytest.mark.parametrize(
    ("m3", "b3", "entries", "headline"),
    [
        # the page prints a post's stamp twice (a sticky header, a share card): one entry
        ("14:32 GMT\n14:32 GMT", "Trains halted\nNetwork Rail says so.", 3, "Trains halted"),
        ("14:32 GMT\n\n14:32 GMT", "Trains halted\nNetwork Rail says so.", 3, "Trains halted"),
        ("14:32\n14:32", "Trains halted\nNetwork Rail says so.", 3, "Trains halted"),
        # with a share widget's line between the copies
        ("14:32 GMT\nShare\n14:32 GMT", "Trains halted\nNetwork Rail says so.", 3, "Trains halted"),
        ("14:32 GMT\nShare\n\n14:32 GMT", "Network Rail says so.", 3, None),
        ("14:32 GMT\n14:32 GMT\n14:32 GMT", "Network Rail says so.", 3, None),
        ("2.32pm GMT\n2.32pm GMT", "Network Rail says so.", 3, None),
        # a post with no text under a later one at another time (its embed was lost) stays
        ("14:40 GMT\n\n14:32 GMT", "Network Rail says so.", 4, None),
        # the same time with text between is two posts
        ("14:32 GMT\nA tweet.\n\n14:32 GMT", "Network Rail says so.", 4, None),
    ],
)
def test_a_stamp_printed_twice_opens_one_entry(
    m3: str, b3: str, entries: int, headline: str | None
) -> None:
    """A marker line copied right below itself (nothing but blanks or a share widget's
    line between) is one post's stamp printed twice: one entry, whose body keeps the
    copy (no text is lost) and whose headline is the line under the copy; the copy made
    an empty entry."""
    minutes = ("14:05", "13:41") if ":" in m3 else ("2.05pm", "1.41pm")
    zone = " GMT" if "GMT" in m3 else ""
    text = _STORM.format(m3=m3, b3=b3, m2=minutes[0] + zone, m1=minutes[1] + zone)
    tl = liveblog.parse(text, date=dt.date(2023, 11, 2))
    assert len(tl.entries) == entries
    newest = tl.source_order[0]
    assert newest.headline == headline
    if entries == 3:
        assert all(e.body.strip(" \n0123456789:.apmGT") for e in tl.entries)
        assert newest.body.endswith(b3)
    assert_tiles(text, tl)
    assert_keeps_words(text, tl)


_ELECTION = (
    "Election night live\n\n{a}22:58\n{b}Exit poll puts the opposition ahead.\n\n"
    "{a}22:40\n{b}Polls close soon.\n\n{a}22:15\n{b}Queues in Sunderland."
)


@pytest.mark.parametrize(
    ("above", "below", "headline"),
    [
        # a share widget's line above every post is chrome: no headline, kept as text
        ("Share\n", "", None),
        ("Copy link\n", "", None),
        ("Facebook Twitter\n", "", None),
        ("Share this post | Copy link\n", "", None),
        ("Facebook · X · WhatsApp · Email\n", "", None),
        # a comment widget's line: a count of comments, or its buttons
        ("12 comments\n", "", None),
        ("Share · 1 comment\n", "", None),
        ("Like · Reply\n", "", None),
        ("Comments (12)\n", "", None),
        ("12 Comments\n", "", None),
        ("View comments\n", "", None),
        # below the time it is chrome too: the headline is the line under it
        ("", "Share\n", None),
        ("", "Comments (12)\n", None),
        ("", "12 Comments\nResults night\n", "Results night"),
        ("", "View comments\nResults night\n", "Results night"),
        ("", "Comments 12\nResults night\n", "Results night"),
        ("", "Copy link\nResults night\n", "Results night"),
        # a real headline above the time still opens its post
        ("Results night\n", "", "Results night"),
        ("Share prices fall\n", "", "Share prices fall"),
        ("Comment is free\n", "", "Comment is free"),
        ("Comments 2024 review\n", "", "Comments 2024 review"),
        ("Like father, like son\n", "", "Like father, like son"),
    ],
)
def test_a_ui_line_by_every_post_is_no_headline(
    above: str, below: str, headline: str | None
) -> None:
    """A widget's line above (or below) every post's time ("Share", "Copy link",
    "Facebook Twitter") is page chrome: it stays in the text but is no post's headline;
    it was taken as every post's headline."""
    text = _ELECTION.format(a=above, b=below)
    tl = liveblog.parse(text, date=dt.date(2024, 7, 4), tz="Europe/London")
    assert len(tl.entries) == 3
    assert [e.headline for e in tl.source_order] == [headline] * 3
    assert_tiles(text, tl)
    assert_keeps_words(text, tl)


_QUAKE = (
    "Taiwan quake: live\n\n{a}\nRescuers reach Hualien.\n\n{b}\nAftershocks go on.\n\n"
    "{c}\nA 7.4 quake hits."
)
_SAVED = dt.datetime(2024, 4, 3, 9, 0, tzinfo=dt.UTC)


@pytest.mark.parametrize(
    ("ages", "minutes"),
    [
        # ages without "ago", alone on their lines, as some platforms print them
        (("2 mins", "34 mins", "51 mins"), (2, 34, 51)),
        (("2m", "34m", "1h"), (2, 34, 60)),
        (("12 min", "3 hrs", "1 day"), (12, 180, 1440)),
        (("12m ago", "34m ago", "51m ago"), (12, 34, 51)),
        # an age in hours and minutes, as some platforms print it
        (("3 min ago", "1 hr 5 min ago", "2 hr 30 min ago"), (3, 65, 150)),
        (("3m ago", "1h 5m ago", "2h 30m ago"), (3, 65, 150)),
        (("3 mins", "1 hr 5 mins", "1 day 2 hrs"), (3, 65, 1560)),
        # one age that lost its "ago" among ages that keep it, in the page's order
        (("12m ago", "34m", "51m ago"), (12, 34, 51)),
        (("12m", "34m ago", "2h ago"), (12, 34, 120)),
        (("12m ago", "1 hr ago", "2h"), (12, 60, 120)),
    ],
)
def test_ages_alone_on_their_lines_open_entries(
    ages: tuple[str, str, str], minutes: tuple[int, int, int]
) -> None:
    """A relative age alone on its line ("34m", "2 mins") opens an entry as "34m ago"
    does, resolved against ``now``; such pages were one entry (or lost the posts
    marked so into their neighbours). An age in two units (``1 hr 5 min ago``) is read
    whole: it was no marker, and its post ran into the one above."""
    text = _QUAKE.format(a=ages[0], b=ages[1], c=ages[2])
    tl = liveblog.parse(text, now=_SAVED)
    assert [e.marker for e in tl.source_order] == list(ages)
    assert [e.published for e in tl.source_order] == [
        _SAVED - dt.timedelta(minutes=m) for m in minutes
    ]
    assert_tiles(text, tl)


@pytest.mark.parametrize("separator", [" \u00b7", " |", " \u2022"])
def test_a_posts_age_and_its_author_after_a_separator(separator: str) -> None:
    """``2 hours ago · Jane Smith`` (a post's age and its author's name alone on the
    line) opens the post at that age, the name its author and not its text."""
    text = (
        f"Storm live\n\n5 min ago{separator} Jane Smith\nRoads closed\nThe A38 is shut.\n\n"
        f"2 hours ago{separator} Tom Reed\nGusts recorded\n80mph at the Needles.\n"
    )
    tl = liveblog.parse(text, now=_SAVED)
    assert [(e.marker, e.author, e.body) for e in tl.source_order] == [
        ("5 min ago", "Jane Smith", "Roads closed\nThe A38 is shut."),
        ("2 hours ago", "Tom Reed", "Gusts recorded\n80mph at the Needles."),
    ]
    assert_tiles(text, tl)


@pytest.mark.parametrize(
    "month", sorted({*dialect.MONTHS, *dialect.FOREIGN_MONTHS, *dialect.ROMANCE_MONTHS})
)
def test_a_month_alone_beside_a_posts_age_names_nobody(month: str) -> None:
    """A month's name in any language the dates read (``Marzo · 5 min ago``, ``5 min
    ago · Gennaio``) is no author alone, as ``May`` is not; with a surname it may be
    (``Marco Rossi``, ``June Sarpong``)."""
    name = month[:1].upper() + month[1:]
    assert dialect.names_nobody(name)
    assert not dialect.names_nobody(f"{name} Rossi")
    for line in (f"{name} \u00b7 5 min ago", f"5 min ago \u00b7 {name}"):
        assert [m.author for m in RELATIVE_AGE.scan(line)] in ([], [None])
    assert [m.author for m in RELATIVE_AGE.scan(f"5 min ago \u00b7 {name} Rossi")] == [
        f"{name} Rossi"
    ]


@pytest.mark.parametrize("weekday", sorted(dialect.ROMANCE_WEEKDAYS))
def test_a_romance_weekday_alone_names_nobody(weekday: str) -> None:
    """A Spanish, Italian or Portuguese weekday's name (``Lunes``, ``Sabato``,
    ``Segunda-feira``) is no author alone, beside a post's age or before a clock's
    colon, as a month's is not; with a surname it names someone (``Domingo Pérez``)."""
    name = weekday[:1].upper() + weekday[1:]
    assert dialect.names_nobody(name)
    for line in (f"{name} \u00b7 5 min ago", f"5 min ago \u00b7 {name}"):
        assert [m.author for m in RELATIVE_AGE.scan(line)] in ([], [None])
    for named in (f"{name} Pérez", f"Ana {name}"):
        assert not dialect.names_nobody(named)
        assert [m.author for m in RELATIVE_AGE.scan(f"5 min ago \u00b7 {named}")] == [named]
    text = (
        f"Live\n\n14:32 {name}: Talks end.\n\n14:10 {name} Pérez: Votes counted.\n\n"
        "13:55 Ana Ruiz: Polls close.\n"
    )
    tl = liveblog.parse(text, date=dt.date(2024, 1, 22))
    assert [(e.author, e.body) for e in tl.source_order] == [
        (None, f"{name}: Talks end."),
        (f"{name} Pérez", "Votes counted."),
        ("Ana Ruiz", "Polls close."),
    ]
    assert_tiles(text, tl)


@pytest.mark.parametrize("weekday", [n for names in dialect.NORDIC_WEEKDAYS for n in names])
def test_a_dutch_or_nordic_weekday_is_never_in_a_name(weekday: str) -> None:
    """A Dutch, Swedish, Norwegian or Danish weekday's name (``Maandag``, ``Söndag``) is
    never a word of an author's name, as French and German ones are not; Dutch and
    Nordic months alone (``Mei``, ``Maj``) name nobody, with a surname they may."""
    name = weekday[:1].upper() + weekday[1:]
    assert dialect.names_nobody(name)
    assert dialect.names_nobody(f"Anna {name}")
    for month in ("Mei", "Maj", "Maart", "Augusti"):
        assert dialect.names_nobody(month)
        assert not dialect.names_nobody(f"{month} Jansen")


def test_domingo_names_someone_with_a_surname() -> None:
    """``Plácido Domingo`` and ``Domingo Pérez`` are names, in a post header before an
    age and after a clock; ``Domingo`` alone is not."""
    text = (
        "Gala live\n\nPlácido Domingo \u00b7 5 min ago\nEncore\nHe sang again.\n\n"
        "Domingo Pérez \u00b7 38 min ago\nDoors\nThe hall is full.\n\n"
        "Domingo \u00b7 2 hours ago\nTickets\nSold out.\n"
    )
    tl = liveblog.parse(text, now=_SAVED)
    assert [(e.marker, e.author) for e in tl.source_order] == [
        ("5 min ago", "Plácido Domingo"),
        ("38 min ago", "Domingo Pérez"),
        ("2 hours ago", None),
    ]
    assert tl.source_order[2].body.startswith("Domingo")
    assert_tiles(text, tl)


@pytest.mark.parametrize("separator", [" \u00b7", " |", " \u2022"])
def test_ages_with_ago_before_an_author_are_no_bare_ages(separator: str) -> None:
    """An age written with "ago" and followed by its author (``70 min ago · Jane
    Smith``) is no age without "ago" (``70 min`` alone, a match clock): the age's span,
    not the line's match, ends at "ago", so a lone such post and an hour written in
    minutes stand."""
    posts = [(5, "Hannah Price"), (38, "Jane Smith"), (70, "Hannah Price")]
    text = "Match live\n\n" + "".join(
        f"{m} min ago{separator} {name}\nPost {m}\nText {m}.\n\n" for m, name in posts
    )
    for page in (text, text[: text.index("38 min")]):
        tl = liveblog.parse(page, now=_SAVED)
        kept = posts[: len(tl.source_order)]
        assert [(e.marker, e.author, e.published) for e in tl.source_order] == [
            (f"{m} min ago", name, _SAVED - dt.timedelta(minutes=m)) for m, name in kept
        ]
        assert len(tl.source_order) == page.count(" min ago")
        assert_tiles(page, tl)


@pytest.mark.parametrize("separator", [" \u00b7", " |", " \u2022"])
def test_an_author_before_a_posts_age(separator: str) -> None:
    """``Jane Smith · 5 min ago`` (the author's name, then the post's age, alone on the
    line) opens the post at that age, at the name, which is its author and not its text;
    a name holding a calendar word (``Jane Today``) or a stamp's keyword names nobody,
    and opens no post."""
    text = (
        f"Storm live\n\nJane Smith{separator} 5 min ago\nRoads closed\nThe A38 is shut.\n\n"
        f"Ana de Souza{separator} 38 min ago\nFerries\nAll sailings cancelled.\n\n"
        f"Tom Reed{separator} 2 hours ago\nGusts recorded\n80mph at the Needles.\n"
    )
    tl = liveblog.parse(text, now=_SAVED)
    assert tl.dialect.names == ("relative-age",)
    assert [(e.marker, e.author, e.body) for e in tl.source_order] == [
        ("5 min ago", "Jane Smith", "Roads closed\nThe A38 is shut."),
        ("38 min ago", "Ana de Souza", "Ferries\nAll sailings cancelled."),
        ("2 hours ago", "Tom Reed", "Gusts recorded\n80mph at the Needles."),
    ]
    assert [e.published for e in tl.source_order] == [
        _SAVED - dt.timedelta(minutes=m) for m in (5, 38, 120)
    ]
    assert [text[e.span.start : e.span.start + 4] for e in tl.source_order] == [
        "Jane",
        "Ana ",
        "Tom ",
    ]
    assert_tiles(text, tl)
    for name in ("Jane Today", "Monday Evening", "Updated", "Breaking News", "May June"):
        line = f"{name}{separator} 5 min ago"
        assert [m.author for m in RELATIVE_AGE.scan(line)] in ([], [None])
    nobody = text.replace("Jane Smith", "Jane Today")
    tl = liveblog.parse(nobody, now=_SAVED)
    first = tl.source_order[0]
    assert (first.marker, first.author) == ("5 min ago", None)
    assert first.body.startswith(f"Jane Today{separator}\nRoads closed")
    assert_tiles(nobody, tl)


@pytest.mark.parametrize("keyword", ["Updated", "Posted", "Published", "UPDATED"])
def test_a_posts_age_after_a_keyword_opens_it(keyword: str) -> None:
    """``Updated 2 hours ago`` (a post's stamp as a page renders it, the keyword before
    the age) opens the post as ``2 hours ago`` does, resolved against ``now``; an author
    after it (``Posted 2h ago by Jane Smith``) is the entry's, not its text; the page's
    own ``Updated 5 minutes ago`` under the title and the words inside a sentence open
    none."""
    text = (
        f"Storm live\nUpdated 1 min ago\n\n{keyword} 5 minutes ago\nRoads closed\n"
        f"The A38 is shut.\n\n{keyword} 1 hour ago by Jane Smith\nGusts recorded\n"
        f"80mph at the Needles.\n\n{keyword} 3 hours ago\nWarning issued\n"
        "It was updated 4 hours ago by forecasters.\n"
    )
    tl = liveblog.parse(text, now=_SAVED)
    assert tl.preamble.text == "Storm live\nUpdated 1 min ago"
    assert [(e.marker, e.author, e.headline) for e in tl.source_order] == [
        (f"{keyword} 5 minutes ago", None, "Roads closed"),
        (f"{keyword} 1 hour ago", "Jane Smith", "Gusts recorded"),
        (f"{keyword} 3 hours ago", None, "Warning issued"),
    ]
    assert [e.published for e in tl.source_order] == [
        _SAVED - dt.timedelta(minutes=m) for m in (5, 60, 180)
    ]
    assert_tiles(text, tl)


@pytest.mark.parametrize(
    "text",
    [
        # an age without "ago" inside a sentence, or with text after it, is no marker
        "Quake\n\nRescuers worked for 34 mins.\nThe budget is\n34m\nfor now.",
        "Quake\n\n2 mins of silence were held.\n\n3 hrs later the aftershock came.",
        # the minutes of a match report: a platform writes an hour as "1 hr", and its
        # ages grow down the page
        "Match\n\n90 min\nFull time.\n\n67 min\nA change.\n\n34 min\nWide.\n\n14 min\nGoal!",
        "Match\n\n14 min\nGoal!\n\n34 min\nWide.\n\n67 min\nA change.\n\n90 min\nFull time.",
        "Match\n\n40 min\nWide.\n\n25 mins\nA save.\n\n14 min\nGoal!",
    ],
)
def test_ages_without_ago_in_prose_are_text(text: str) -> None:
    """Without "ago", only an age alone on its line is a marker, only with others, and
    not the minutes of a match report (60 minutes or more, or growing up the page)."""
    tl = liveblog.parse(text, now=_SAVED)
    assert len(tl.entries) == 1
    assert tl.entries[0].marker == ""


@pytest.mark.parametrize(
    "text",
    [
        "Match\n\n12m ago\nA.\n\n67 min\nB.\n\n51m ago\nC.",
        "Match\n\n2h ago\nA.\n\n10 mins\nB.\n\n3h ago\nC.",
        "Match\n\n2h ago\nA.\n\n3h ago\nC.\n\n10 mins\nB.",
        "Match\n\n3h ago\nC.\n\n2h ago\nA.\n\n10 mins\nB.\n\n1h ago\nD.",
    ],
)
def test_a_lone_age_out_of_the_pages_order_is_text(text: str) -> None:
    """A lone age without "ago" among ages with it that breaks their order (a match
    clock, a caption) stays in the text."""
    tl = liveblog.parse(text, now=_SAVED)
    ages = [line for line in text.split("\n") if line.endswith(" ago")]
    assert [e.marker for e in tl.source_order if e.marker] == ages


_DAVOS = (
    "{title}\n\n{h2}\n\n09:15 CET: Von der Leyen speaks.\n\n{h1}\n\n"
    "17:40 CET: Milei speaks.\n\n11:02 CET: Blinken arrives."
)


@pytest.mark.parametrize(
    ("title", "h1", "h2", "saved", "days"),
    [
        # no year anywhere: the page was saved at now, so its days are not after it
        (
            "Davos live",
            "Monday 22 January",
            "Tuesday, Jan. 23",
            "2024-01-24",
            ("2024-01-22", "2024-01-23"),
        ),
        ("Davos live", "22 January", "23 January", "2026-03-01", ("2026-01-22", "2026-01-23")),
        # a weekday written picks the latest year before now in which it falls so
        (
            "Davos live",
            "Monday 22 January",
            "Tuesday, Jan. 23",
            "2028-06-01",
            ("2024-01-22", "2024-01-23"),
        ),
        # across the new year
        (
            "Davos live",
            "Sunday 31 December",
            "Monday 1 January",
            "2024-01-02",
            ("2023-12-31", "2024-01-01"),
        ),
        # a year in the text still gives it
        (
            "Davos 2018 live",
            "Monday 22 January",
            "Tuesday, Jan. 23",
            "2030-01-01",
            ("2018-01-22", "2018-01-23"),
        ),
        # without now the days stay unknown
        ("Davos live", "Monday 22 January", "Tuesday, Jan. 23", None, (None, None)),
    ],
)
def test_day_headers_without_a_year_take_it_from_now(
    title: str, h1: str, h2: str, saved: str | None, days: tuple[str | None, str | None]
) -> None:
    """Day headers that write no year, on a page that writes none either, take the
    latest year in which they fall on or before ``now`` (the moment the page was saved;
    with the weekday they write, when they write one); they gave no day at all."""
    now = None if saved is None else dt.datetime.fromisoformat(saved + "T12:00:00+00:00")
    tl = liveblog.parse(_DAVOS.format(title=title, h1=h1, h2=h2), now=now)
    got = [None if e.day is None else e.day.isoformat() for e in tl]
    assert got == [days[0], days[0], days[1]]
    assert all((e.published is None) == (days[0] is None) for e in tl)
    assert "weekday-mismatch" not in {w.code for w in tl.warnings}


_PINNED = "Olympics live\n\n{label}{pinned}\nWhat to watch today.\n\n{posts}"


@pytest.mark.parametrize(
    ("label", "pinned", "order", "clocks", "pinned_day"),
    [
        # a pinned summary above a newest-first page, written before the posts under it
        ("Pinned\n", "09:02", "newest-first", ("16:48", "16:21", "15:40"), 5),
        ("Pinned post\n", "09:02", "newest-first", ("16:48", "16:21", "15:40"), 5),
        ("📌 Pinned\n", "9.02am", "newest-first", ("4.48pm", "4.21pm", "3.40pm"), 5),
        # written after them, in the page's order anyway
        ("Pinned post\n", "17:30", "newest-first", ("16:48", "16:21", "15:40"), 5),
        # above an oldest-first page, written at the day's end
        ("Pinned\n", "18:30", "oldest-first", ("09:10", "10:21", "11:40"), 5),
        # without the label the same time is past midnight
        ("", "09:02", "newest-first", ("16:48", "16:21", "15:40"), 6),
    ],
)
def test_a_pinned_post_keeps_the_day_of_its_neighbour(
    label: str, pinned: str, order: str, clocks: tuple[str, ...], pinned_day: int
) -> None:
    """A post the page pins above the others ("Pinned", "Pinned post") stands out of
    their order: it is on the day of the post next to it, and the clocks of the others
    run on as if it were not there; it was read as past midnight (the next day), and
    above an oldest-first page it moved every post below it to the next day."""
    posts = "\n\n".join(f"{c}\nPost at {c}." for c in clocks)
    text = _PINNED.format(label=label, pinned=pinned, posts=posts)
    tl = liveblog.parse(text, date=dt.date(2024, 8, 5), tz="Europe/Paris")
    assert tl.order == order
    days = [e.day for e in tl.source_order]
    assert days == [dt.date(2024, 8, pinned_day)] + [dt.date(2024, 8, 5)] * 3
    assert_tiles(text, tl)


@pytest.mark.parametrize("label", ["Pinned", "Pinned post", "📌 PINNED"])
def test_an_untimed_pinned_post_is_an_entry_without_a_time(label: str) -> None:
    """A pinned post that states no time (``Pinned`` over a summary, above the page's
    timed posts) is an entry of its own, the label its marker, with no time: it is the
    page's post, not its preamble, and its text is not the preamble's. It stands out of
    the others' order, which it does not change."""
    text = (
        f"Storm live\n\n{label}\nWhat we know so far\nWinds of 90mph hit the coast.\n\n"
        "23:50\nRoads closed\nAcross the county.\n\n23:40\nGusts\nAt the coast.\n\n"
        "23:30\nWarning upgraded\nBy the Met Office.\n"
    )
    tl = liveblog.parse(text, date=DAY, tz="Europe/London")
    assert tl.order == "newest-first"
    assert tl.preamble.text == "Storm live"
    pinned = tl.source_order[0]
    assert (pinned.marker, pinned.headline, pinned.published) == (
        label,
        "What we know so far",
        None,
    )
    assert pinned.body == "What we know so far\nWinds of 90mph hit the coast."
    assert [e.marker for e in tl.source_order[1:]] == ["23:50", "23:40", "23:30"]
    assert all(e.published is not None for e in tl.source_order[1:])
    assert_tiles(text, tl)
    # a label with nothing of its own under it, or the word inside a sentence, is none
    for other in (f"{label}\n\n23:55\nShut.", "Pinned to the wall, a notice said so."):
        kept = text.replace(f"{label}\nWhat we know so far\nWinds of 90mph hit the coast.", other)
        markers = [e.marker for e in liveblog.parse(kept, date=DAY)]
        assert markers[0] == "23:30"
        assert label not in markers


@pytest.mark.parametrize(
    ("age", "headline"),
    [
        # an age alone on its line, like a bare time: the line under it is the headline
        ("45 mins ago", "Harris to speak"),
        ("1 hr 5 min ago", "Harris to speak"),
        # with the text on its line there is none
        ("45 mins ago: Harris to speak", None),
    ],
)
def test_an_age_alone_on_its_line_has_the_headline_below(age: str, headline: str | None) -> None:
    """A relative age alone on its line reads the line below as the headline, as a bare
    time does."""
    text = (
        f"Election live\n\n{age}\nHarris to speak\nShe will address supporters.\n\n"
        "2 hrs ago\nTrump claims victory\nHe spoke in Florida.\n\n"
        "3 hrs ago\nPolls close\nCalifornia is called."
    )
    tl = liveblog.parse(text, now=_SAVED)
    headlines = [headline, "Trump claims victory", "Polls close"]
    assert [e.headline for e in tl.source_order] == headlines


_STRIKE = (
    "Strikes live\n\n14:32 BST{a1}\nTalks fail\nThe union says so.\n\n"
    "13:05 BST{a2}\nPickets\nDoctors gather.\n\n11:48 BST{a3}\nDelays\nFigures at 5pm."
)


@pytest.mark.parametrize(
    "ages",
    [
        # the page prints each time's age beside it
        (" · 2h ago", " · 3h ago", " · 4h ago"),
        (" | 2h ago", " | 3h ago", " | 4h ago"),
        ("  2 hours ago", "  3 hours ago", "  4 hours ago"),
        # and the same page without them
        ("", "", ""),
    ],
)
def test_a_time_with_its_age_beside_it_is_a_bare_time(ages: tuple[str, str, str]) -> None:
    """``14:32 BST · 2h ago`` alone on its line is a bare time (its clock gives the
    instant; the age stays in the body, no headline): the page was one entry."""
    text = _STRIKE.format(a1=ages[0], a2=ages[1], a3=ages[2])
    tl = liveblog.parse(text, date=dt.date(2024, 6, 27))
    assert [e.marker for e in tl.source_order] == ["14:32 BST", "13:05 BST", "11:48 BST"]
    assert [e.headline for e in tl.source_order] == ["Talks fail", "Pickets", "Delays"]
    assert [e.time for e in tl.source_order] == [dt.time(14, 32), dt.time(13, 5), dt.time(11, 48)]
    assert_tiles(text, tl)
    assert_keeps_words(text, tl)


@pytest.mark.parametrize(
    ("ages", "last"),
    [
        # ages in days: the clock's day is the one the age says, not now's
        ((" · 1h ago", " · 21h ago", " · 2d ago"), ("09:15", dt.date(2024, 1, 22))),
        ((" (1 hour ago)", " (21 hours ago)", " (2 days ago)"), ("09:15", dt.date(2024, 1, 22))),
        # a clock later in the day than now's, two days back: the day before that
        ((" · 1h ago", " · 21h ago", " · 2d ago"), ("19:45", dt.date(2024, 1, 21))),
        # an age before the time, or glued to it
        (("1h ago · ", "21h ago | ", "2d ago"), ("09:15", dt.date(2024, 1, 22))),
        ((" · 1h ago", " · 21h ago", " · 1,204d ago"), ("09:15", dt.date(2020, 10, 7))),
    ],
)
def test_an_age_beside_a_time_gives_its_day(
    ages: tuple[str, ...], last: tuple[str, dt.date]
) -> None:
    """``09:15 · 2d ago`` (a post's clock and its age, with ``now``): the day is the one
    on which the clock falls in the age's span before now, in the clock's zone."""
    now = dt.datetime(2024, 1, 24, 18, 0, tzinfo=dt.UTC)
    clocks = ("16:40", "20:30", last[0])
    lines = [
        f"{c}{a}" if a.startswith((" ", "(")) else f"{a}{c}"
        for c, a in zip(clocks, ages, strict=True)
    ]
    text = "Strikes live\n\n" + "\n\n".join(f"{line}\nHead\nText." for line in lines)
    tl = liveblog.parse(text, now=now, tz="Europe/London")
    assert [e.time.strftime("%H:%M") if e.time else None for e in tl.source_order] == list(clocks)
    days = [e.day for e in tl.source_order]
    assert days == [dt.date(2024, 1, 24), dt.date(2024, 1, 23), last[1]]
    assert_tiles(text, tl)


@pytest.mark.parametrize(
    ("text", "markers", "published", "first"),
    [
        (
            "Storm live\n\n15:42&nbsp;GMT\nPower cuts.\n\n15:10&nbsp;GMT\nWinds rise.",
            ["15:10&nbsp;GMT", "15:42&nbsp;GMT"],
            [at(15, 10), at(15, 42)],
            (3, 6, "&nbsp;"),
        ),
        (
            "UPDATE&nbsp;1548 GMT: Talks end.\n\nUPDATE&nbsp;1420 GMT: Talks begin.",
            ["UPDATE&nbsp;1420 GMT", "UPDATE&nbsp;1548 GMT"],
            [at(14, 20), at(15, 48)],
            (1, 7, "&nbsp;"),
        ),
        (
            "14:32&#160;GMT: Talks.\n\n14:05&#xA0;GMT: Earlier.\n\n13:50&#32;GMT: First.",
            ["13:50&#32;GMT", "14:05&#xA0;GMT", "14:32&#160;GMT"],
            [at(13, 50), at(14, 5), at(14, 32)],
            (1, 6, "&#160;"),
        ),
        (
            "Bank live\n\n9:45&nbsp;am: Rates held.\n\n10:15&nbsp;a.m.: R&amp;D cut.",
            ["9:45&nbsp;am", "10:15&nbsp;a.m."],
            [at(9, 45), at(10, 15)],
            (3, 5, "&nbsp;"),
        ),
        # other entities change no marker: the warning alone
        (
            "R&amp;D &lsquo;live&rsquo;\n\n14:32 GMT: a\n\n14:05 GMT: b",
            ["14:05 GMT", "14:32 GMT"],
            [at(14, 5), at(14, 32)],
            (1, 2, "&amp;"),
        ),
    ],
)
def test_html_entities_written_out_warn_and_blanks_hold_markers(
    text: str,
    markers: list[str],
    published: list[dt.datetime],
    first: tuple[int, int, str],
) -> None:
    """Entities written out in the text (copied from a page's source) are kept as
    written: markers are read across a written-out blank (``&nbsp;``, ``&#160;``) as
    across the blank itself, and ``parse`` warns ``html-entities`` at the first entity;
    strict mode raises there."""
    tl = liveblog.parse(text, date=DAY)
    assert [e.marker for e in tl.entries] == markers
    assert [e.published for e in tl.entries] == published
    assert_tiles(text, tl)
    assert tl.text == text
    found = [w for w in tl.warnings if w.code == "html-entities"]
    assert [(w.line, w.column, w.snippet) for w in found] == [first]
    assert "html.unescape" in found[0].message
    with pytest.raises(liveblog.ParseError) as info:
        liveblog.parse(text, date=DAY, strict=True)
    assert (info.value.lineno, info.value.snippet) == first[::2]


@pytest.mark.parametrize(
    "text",
    [
        "AT&T; fish & chips\n\n14:32 GMT: a\n\n14:05 GMT: b",
        "Q&A: 14:32 GMT: a &amp b\n\n14:05 GMT: &#0; &#9999999; &bogus;",
    ],
)
def test_ampersands_that_are_no_entities_do_not_warn(text: str) -> None:
    """An ampersand that opens no entity HTML defines gives no ``html-entities``."""
    assert "html-entities" not in {w.code for w in liveblog.parse(text, date=DAY).warnings}


_PINNED_TWICE = (
    "Strike live\n\nPinned\n16:05 GMT\nTalks have failed\nThe union says no new offer was made.\n\n"
    "16:40 GMT\nPicket lines grow\nHundreds outside St Thomas'.\n\n"
    "16:05 GMT\nTalks have failed\nThe union says no new offer was made.\n\n"
    "15:30 GMT\nTalks begin\nBoth sides arrive."
)


@pytest.mark.parametrize(
    ("text", "entries", "repeats"),
    [
        # a pinned post printed again in the stream
        (_PINNED_TWICE, 4, [(12, 1, "16:05 GMT")]),
        # a post re-published under the same stamp, and a third copy
        (
            "UPDATE 1548 GMT: Talks end.\n\nUPDATE 1548 GMT: Talks end.\n\n"
            "UPDATE 1420 GMT: Talks begin.\n\nUPDATE 1548 GMT: Talks  end.",
            4,
            [(3, 1, "UPDATE 1548 GMT"), (7, 1, "UPDATE 1548 GMT")],
        ),
        # the same stamp over different posts, the same text under different stamps
        ("14:32 BST\nTalks fail.\n\n14:32 BST\nTalks resume.\n\n14:05 BST\nTalks resume.", 3, []),
        # the same post at the same time on the next day (a blog of several days)
        (
            "Monday 22 January\n\n09:00 GMT: No change.\n\n"
            "Tuesday 23 January\n\n09:00 GMT: No change.",
            2,
            [],
        ),
        # stamps with no text under them are no repeated post
        ("16:48 BST:\n\n16:30 BST: A post.\n\n16:48 BST:\n\n16:10 BST: x", 4, []),
    ],
)
def test_a_post_printed_twice_is_kept_and_warns(
    text: str, entries: int, repeats: list[tuple[int, int, str]]
) -> None:
    """A post printed again with the same marker and the same text on the same day (a
    pinned or re-published post) keeps both copies (no text is lost) and warns
    ``repeated-entry`` at each later copy's marker."""
    tl = liveblog.parse(text, date=DAY, tz="Europe/London")
    assert len(tl.entries) == entries
    assert_tiles(text, tl)
    found = [w for w in tl.warnings if w.code == "repeated-entry"]
    assert [(w.line, w.column, w.snippet) for w in found] == repeats
    assert all("both copies are kept" in w.message for w in found)


def test_a_repeated_post_among_many_is_found_exactly() -> None:
    """The cheap first pass (the markers' texts and days counted by hash, in a table
    that many markers share) lets exactly the repeats through: on a blog of 1,441 posts,
    a minute apart over a day, each written once, and one printed again beside it, one
    warning, at the copy."""
    posts = [f"{h:02d}:{m:02d} GMT: Post {h * 60 + m}." for h in range(24) for m in range(60)]
    once = "\n\n".join(reversed(posts))
    assert not liveblog.parse(once, date=DAY).warnings
    text = "\n\n".join(reversed([*posts[:701], posts[700], *posts[701:]]))
    tl = liveblog.parse(text, date=DAY)
    assert len(tl.entries) == 1441
    found = [w for w in tl.warnings if w.code == "repeated-entry"]
    assert [(w.line, w.snippet) for w in found] == [(2 * (1440 - 700) + 1, "11:40 GMT")]


_UTC = dt.UTC
_PINNED_LATER = "Pinned post\n18:40 BST\nKey events.\n\n10:05 BST\nTalks.\n\n09:32 BST\nStrike."
_TIMES_ONLY = "Strikes live\n\n16:05 BST\nHospitals declare incidents.\n\n14:32 BST\nTalks failed."


@pytest.mark.parametrize(
    ("text", "now", "day", "newest"),
    [
        # saved after the newest post: that post is on the day the page was saved
        (_TIMES_ONLY, dt.datetime(2024, 4, 23, 15, 37, tzinfo=_UTC), dt.date(2024, 4, 23), "16:05"),
        # saved at 02:00 BST, before 16:05: the posts are the day before's
        (_TIMES_ONLY, dt.datetime(2024, 4, 23, 1, 0, tzinfo=_UTC), dt.date(2024, 4, 22), "16:05"),
        # a page clock a few minutes ahead of the save is the same day
        (_TIMES_ONLY, dt.datetime(2024, 4, 23, 15, 0, tzinfo=_UTC), dt.date(2024, 4, 23), "16:05"),
        # the day in the entries' zone, not in UTC: 23:30 UTC is 08:30 the next day in Tokyo
        (
            "08:10 JST: Quake felt.\n\n07:55 JST: Warning issued.",
            dt.datetime(2024, 1, 21, 23, 30, tzinfo=_UTC),
            dt.date(2024, 1, 22),
            "08:10",
        ),
        # past midnight: the newest post is the next day's, the blog opened the day before
        (
            "00:10 GMT: Count goes on.\n\n23:50 GMT: Polls close.",
            dt.datetime(2024, 7, 5, 0, 30, tzinfo=_UTC),
            dt.date(2024, 7, 4),
            "00:10",
        ),
        # a pinned summary's later clock is not the newest post's (it was 18:40 the
        # day before, not today: the page was saved at 10:15 BST)
        (
            _PINNED_LATER,
            dt.datetime(2024, 4, 23, 9, 15, tzinfo=_UTC),
            dt.date(2024, 4, 23),
            "10:05",
        ),
        # ages over the times: the times win, and the page's save gives their day
        (
            "Live\n\n32m ago\n16:05 BST\nHospitals.\n\n2h ago\n14:32 BST\nTalks.",
            dt.datetime(2024, 4, 23, 15, 37, tzinfo=_UTC),
            dt.date(2024, 4, 23),
            "16:05",
        ),
    ],
)
def test_times_without_a_day_take_it_from_now(
    text: str, now: dt.datetime, day: dt.date, newest: str
) -> None:
    """Regression: a page that writes times but no day, parsed with ``now`` (when it was
    saved, as ``liveblog feed --now`` passes), had no instants and a ``no-date`` warning.
    Its newest post is on the day the page was saved, in that post's zone, or on the day
    before when its time is later than the save's (``now`` evidence)."""
    tl = liveblog.parse(text, now=now)
    assert tl.date == day
    assert [e.kind for e in tl.date_evidence] == ["now"]
    assert not [w for w in tl.warnings if w.code == "no-date"]
    latest = max(tl.entries, key=lambda e: e.published or now)
    assert latest.marker.startswith(newest)
    assert latest.published is not None
    assert latest.published <= now + dt.timedelta(hours=1)
    assert all(e.published is not None for e in tl.entries if e.time is not None)


@pytest.mark.parametrize("date", [None, dt.date(2024, 4, 23)])
@pytest.mark.parametrize(
    ("saved", "pinned_day"), [("09:15", dt.date(2024, 4, 22)), ("19:15", dt.date(2024, 4, 23))]
)
def test_a_pinned_post_is_not_after_now(
    date: dt.date | None, saved: str, pinned_day: dt.date
) -> None:
    """A pinned post that states no day takes its neighbour's, unless that would put it
    after ``now`` (the page was saved then): then it is the day before's."""
    text = _PINNED_LATER
    now = dt.datetime.fromisoformat(f"2024-04-23T{saved}:00+00:00")
    tl = liveblog.parse(text, date=date, now=now)
    pinned = next(e for e in tl.entries if e.marker == "18:40 BST")
    assert pinned.day == pinned_day
    assert pinned.published is not None
    assert pinned.published <= now
    assert [e.day for e in tl.entries if e is not pinned] == [dt.date(2024, 4, 23)] * 2


def test_a_date_in_the_text_wins_over_now() -> None:
    """``now`` dates a page only when the text gives no day: a dated marker, a day
    header or a date inferred from the text keep their evidence."""
    now = dt.datetime(2024, 4, 23, 15, 37, tzinfo=_UTC)
    header = "Monday 22 January 2024\n\n16:05 GMT: Talks.\n\n14:32 GMT: More talks."
    tl = liveblog.parse(header, now=now)
    assert tl.date == dt.date(2024, 1, 22)
    assert [e.kind for e in tl.date_evidence] == ["day-header"]
    assert liveblog.parse(_TIMES_ONLY).date is None  # and without now, no date


DAVOS = """Davos 2024 live

Tuesday 23 January (Day Three)

16:40
Milei speaks
Argentina's president attacked "socialism".

09:15
Good morning
Welcome to day three.

Monday 22 January (Day Two)
The forum opened with a plenary.

18:05
Zelensky arrives
The Ukrainian president is in Davos.
"""


def test_a_day_header_above_a_marker_is_kept_as_written() -> None:
    """A day header right above a marker is inside that entry's span, outside its body
    and headline, and its words (``(Day Three)`` too) are the entry's ``day_header``,
    which every feed format carries; a header with text under it before the next
    marker stays in the body above (its day still counts), and no entry has it."""
    tl = liveblog.parse(DAVOS, tz="Europe/Zurich")
    assert [(e.marker, e.day_header, e.headline) for e in tl.source_order] == [
        ("16:40", "Tuesday 23 January (Day Three)", "Milei speaks"),
        ("09:15", None, "Good morning"),
        ("18:05", None, "Zelensky arrives"),
    ]
    assert tl.source_order[1].body.endswith(
        "Monday 22 January (Day Two)\nThe forum opened with a plenary."
    )
    assert [str(e.day) for e in tl.source_order] == ["2024-01-23", "2024-01-23", "2024-01-22"]
    item = tl.to_json_feed()["items"][0]
    assert item["_liveblog"]["day_header"] == "Tuesday 23 January (Day Three)"
    assert "<lb:day-header>Tuesday 23 January (Day Three)</lb:day-header>" in tl.to_atom()
    update = tl.to_json_ld()["liveBlogUpdate"][0]
    assert update["articleSection"] == "Tuesday 23 January (Day Three)"
    assert liveblog.Timeline.from_json_feed(tl.to_json_feed()) == tl


# a blog copied from a PDF or a print view: each paragraph broken into short lines
_WRAPPED = """Ukraine war live

16:42
Air defence
Zelensky says Ukraine will need more air defence systems before the winter.

16:05
Russian shelling of Kherson has killed two people, the
regional governor said. The shelling began at dawn.

15:31
The EU has agreed a new package of sanc-
tions against Russia's shadow fleet.

15:02
Power restored
iPhone owners in Kyiv report that mobile data is back.
"""


def test_a_paragraph_broken_into_lines_has_no_headline() -> None:
    """The first line of a paragraph a copy broke into lines is no headline: the line
    after it goes on with a lower-case word, or it ends with a hyphen that breaks a
    word (``sanc-`` / ``tions``); a headline above text that opens with a word like
    ``iPhone`` stays one."""
    tl = liveblog.parse(_WRAPPED, date=dt.date(2024, 1, 22), tz="Europe/Kyiv")
    assert [e.headline for e in tl.source_order] == ["Air defence", None, None, "Power restored"]
    assert_tiles(_WRAPPED, tl)


@pytest.mark.parametrize(
    ("line", "joins"),
    [
        # a clock with a zone in a post's schedule: on the wall clock it is out of order
        ("09:00 GMT: Arrival of leaders", False),
        # an update keyword says it opens a post: 15:48 GMT is 17:48 in Kyiv, in order
        ("UPDATE 1548 GMT: Zelensky arrives", True),
    ],
)
def test_a_zoned_line_among_bare_times_joins_only_with_its_keyword(line: str, joins: bool) -> None:
    """Among bare times of a page in another zone, a line that writes its zone is judged
    at the offset between the two wall clocks only when an update keyword opens it; a
    zoned clock without one (a schedule inside a post) would fit at some offset
    anywhere, and is read on the wall clock."""
    text = (
        "Summit live\n\n17:52\nLeaders gather\nThe schedule has been published:\n\n"
        f"{line}\n\n17:20\nAlert lifted\nThe alert is over.\n\n16:05\nDebris\nNobody was hurt."
    )
    tl = liveblog.parse(text, date=dt.date(2024, 1, 22), tz="Europe/Kyiv")
    second = line.split(":", maxsplit=1)[0] if joins else "17:20"
    assert [e.marker for e in tl.source_order][1] == second
    assert {e.day for e in tl} == {dt.date(2024, 1, 22)}
    assert_tiles(text, tl)


@pytest.mark.parametrize("end", ["\n", "\r\n", "\r"])
def test_headlines_under_bare_times_with_any_line_end(end: str) -> None:
    """The line under a bare time is its headline whatever ends the page's lines: LF,
    CRLF or a lone CR (a lone CR once gave no headline at all)."""
    text = "Live\n\n14:32\nTalks end\nThe text.\n\n13:05\nTalks begin\nMore text.".replace(
        "\n", end
    )
    tl = liveblog.parse(text, date=dt.date(2024, 1, 22), tz="Europe/London")
    assert [e.headline for e in tl.source_order] == ["Talks end", "Talks begin"]


@pytest.mark.parametrize(
    "dating",
    [{"date": dt.date(2024, 7, 2)}, {"now": dt.datetime(2024, 7, 2, 18, 0, tzinfo=UTC)}],
    ids=["date", "now"],
)
def test_a_clock_in_another_zone_is_compared_on_the_page_s_day(dating: dict[str, Any]) -> None:
    """On a summer page in London time, ``13:50 GMT`` (14:50 there) then ``14:10`` steps
    back an hour: out of order whether the day is given or found from ``now``
    (regression: without the day, the GMT clock was moved to London time on a winter
    day, where the two zones agree, and ``14:10`` passed as later)."""
    posts = [("12:00", "a"), ("13:50 GMT", "b"), ("14:10", "late"), ("15:30", "c")]
    text = "All times UK.\n\n" + "\n\n".join(f"{t}: Post {b}." for t, b in reversed(posts))
    tl = liveblog.parse(text, **dating)
    assert tl.date == dt.date(2024, 7, 2)
    assert [w.code for w in tl.warnings] == ["out-of-order"]
    assert "14:10" in tl.warnings[0].message


@pytest.mark.parametrize(
    ("posts", "utc", "late"),
    [
        # EDT names the first pass through 01:00-02:00, EST the second; a bare clock
        # after EST is in the second pass too
        (["00:20 EDT", "01:30 EDT", "01:30 EST", "01:45", "02:10 EST"],
         ["04:20", "05:30", "06:30", "06:45", "07:10"], None),
        # the first pass after the second began: out of order, whether its clock is
        # later on the wall or earlier
        (["00:20 EDT", "01:10 EST", "01:40 EDT", "01:50 EST"],
         ["04:20", "06:10", "05:40", "06:50"], "01:40"),
        (["00:20 EDT", "01:50 EST", "01:40 EDT", "01:55 EST"],
         ["04:20", "06:50", "05:40", "06:55"], "01:40"),
    ],
)  # fmt: skip
def test_a_zone_abbreviation_names_its_pass_through_the_repeated_hour(
    posts: list[str], utc: list[str], late: str | None
) -> None:
    """On the night New York's clocks go back, ``01:30 EST`` is the second 01:30 (06:30
    UTC), not the first with a false ``zone-mismatch`` (regression: read as EDT, an
    hour early, warned that EST was not observed)."""
    text = "Election night\n\n" + "\n\n".join(f"UPDATE {t}: Post." for t in reversed(posts))
    tl = liveblog.parse(text, date=dt.date(2024, 11, 3), tz="America/New_York")
    assert [e.published.astimezone(UTC).strftime("%H:%M") for e in tl if e.published] == utc
    expected = [] if late is None else [("out-of-order", f"entry at {late}")]
    assert [(w.code, w.message[:14]) for w in tl.warnings] == expected


def test_bst_in_the_repeated_hour_is_the_first_pass() -> None:
    """``01:30 BST`` after London's step back into the hour (``01:50``, ``01:10``) is the
    first 01:30, an earlier instant: +01:00 and out of order (regression: +00:00)."""
    posts = ["00:20", "01:50", "01:10", "01:30 BST", "01:40 GMT"]
    text = "Storm live\n\n" + "\n\n".join(f"UPDATE {t}: Post." for t in reversed(posts))
    tl = liveblog.parse(text, date=dt.date(2024, 10, 27), tz="Europe/London")
    got = [e.published.isoformat()[11:] for e in tl if e.published]
    assert got == ["00:20:00+01:00", "01:50:00+01:00", "01:10:00+00:00", "01:30:00+01:00",
                   "01:40:00+00:00"]  # fmt: skip
    assert [w.code for w in tl.warnings] == ["out-of-order"]


_DAY_AHEAD = (
    "Election day live\n\n08:30\nGood morning\nHere is the day ahead:\n{items}\n\n"
    "09:05\nQueues\nLong lines in Leeds.\n\n09:40\nTurnout\nBusy, say officials.\n\n"
    "10:15\nWeather\nRain in the west.\n\n10:50\nLeaders\nThe prime minister votes."
)


@pytest.mark.parametrize(
    "items",
    [
        "09:00 – Polls open\n12:00 – Leaders vote\n22:00 – Polls close",
        "- 09:00 Polls open\n- 12:00 Leaders vote\n- 22:00 Polls close",
        "9am: Polls open\n12pm: Leaders vote\n10pm: Polls close",
    ],
)
def test_a_list_of_times_ahead_in_an_oldest_first_post_is_text(items: str) -> None:
    """A post's list of the day's times (consecutive lines) that runs the page's way but
    past the next post would put the rest of the page on the next day: it is text, and
    its am/pm gives none to the posts (``10:15`` stays morning)."""
    text = _DAY_AHEAD.format(items=items)
    tl = liveblog.parse(text, date=dt.date(2024, 7, 4), tz="Europe/London")
    assert [e.marker for e in tl] == ["08:30", "09:05", "09:40", "10:15", "10:50"]
    assert {e.day for e in tl} == {dt.date(2024, 7, 4)}
    assert tl.entries[3].time == dt.time(10, 15)
    assert items in tl.entries[0].body
    assert not [w for w in tl.warnings if w.code == "out-of-order"]
    assert_tiles(text, tl)


def test_posts_on_consecutive_lines_across_midnight_stay_posts() -> None:
    """Posts written on consecutive lines that cross midnight in the page's order add no
    turn of the clock: they stay posts."""
    text = (
        "New year live\n\n21:30: Thousands gather.\n\n22:00: Bands play.\n\n"
        "22:30: Queues at the bridge.\n23:15: The bridge is closed.\n\n"
        "00:10: A record display.\n\n00:40: Streets reopen."
    )
    tl = liveblog.parse(text, date=dt.date(2023, 12, 31), tz="Europe/London")
    assert [e.marker for e in tl] == ["21:30", "22:00", "22:30", "23:15", "00:10", "00:40"]
    assert [e.day for e in tl][-2:] == [dt.date(2024, 1, 1)] * 2
    assert_tiles(text, tl)


@pytest.mark.parametrize(
    ("lines", "markers", "zone"),
    [
        # French typography's no-break space before the colon, lost
        (("14h35?: Le préfet parle.", "13h50?: Alerte."), ["13h50", "14h35"], "Europe/Paris"),
        # inside a date, and before am/pm
        (
            ("4?Jun 2024, 07:19?am\nHead\nText.", "4?Jun 2024, 06:40?am\nHead\nText."),
            ["4?Jun 2024, 06:40?am", "4?Jun 2024, 07:19?am"],
            "Asia/Kolkata",
        ),
        (
            ("Jun?4, 2024 07:19?AM\nHead\nText.", "Jun?4, 2024 06:40?AM\nHead\nText."),
            ["Jun?4, 2024 06:40?AM", "Jun?4, 2024 07:19?AM"],
            "Asia/Kolkata",
        ),
    ],
)
def test_a_lost_no_break_space_shown_as_a_question_mark_is_a_blank(
    lines: tuple[str, str], markers: list[str], zone: str
) -> None:
    """A copy that lost its no-break spaces shows each as ``?``: between a number and a
    word or a colon (``14h35?:``, ``4?Jun``, ``07:19?am``) it reads as a blank; the
    marker is shown as written."""
    text = "Live\n\n" + "\n\n".join(lines)
    tl = liveblog.parse(text, date=dt.date(2024, 6, 4), tz=zone)
    assert [e.marker for e in tl] == markers
    assert all(e.time is not None and e.day == dt.date(2024, 6, 4) for e in tl)
    assert not any(e.body.startswith("?") for e in tl)
    assert_tiles(text, tl)


def test_question_marks_in_prose_stay_as_written() -> None:
    """A question mark ending a sentence changes no marker and no text."""
    text = "Live\n\n14:32\nWho won in 2019?The count\nIs it 14:05?\n\n13:10\nStart\nReady?"
    tl = liveblog.parse(text, date=dt.date(2024, 6, 4))
    assert [e.marker for e in tl] == ["13:10", "14:32"]
    assert tl.entries[1].body == "Who won in 2019?The count\nIs it 14:05?"


def test_new_segment_sets_every_field_in_order() -> None:
    """``_new_segment`` (the slots set directly) builds the segment ``Segment(...)``
    builds from the same values, each field its own."""
    marker = Marker(Span(0, 5), Span(0, 6), "update", clock=dt.time(15, 48))
    section = Marker(Span(9, 12), Span(9, 13), "day-header", kind="day-header")
    values = (marker, Span(0, 30), "Talks.", section, "Headline", (Span(0, 6),), "Monday")
    built = _new_segment(*values)
    assert built == Segment(*values)
    assert attrs.astuple(built, recurse=False) == values


@pytest.mark.parametrize(
    ("blog", "code", "argument"),
    [
        ("UPDATE 1602 GMT: y\n\nUPDATE 1548 GMT: x", "no-date", "date="),
        ("14:32: Talks.\n\n14:05: Start.", "no-zone", "tz="),
    ],
)
def test_warnings_name_the_argument_to_pass(blog: str, code: str, argument: str) -> None:
    """A warning that asks for the date or the zone names parse's argument for it."""
    [message] = [
        w.message
        for w in liveblog.parse(blog, date=None if code == "no-date" else DAY).warnings
        if w.code == code
    ]
    assert argument in message

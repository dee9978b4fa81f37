"""Bylines written above their post's marker (``By Jane Doe`` over ``6:00 p.m. ET``):
each entry's author, inside its span (see ``markers.choice``)."""

from __future__ import annotations

import datetime as dt
import itertools

import pytest
from hypothesis import given
from hypothesis import strategies as st

import liveblog

DAY = dt.date(2024, 11, 5)

_BRIEF = (
    "Live\n\nBy Jane Doe\nNov. 5, 2024, 7:00 p.m. ET\nPolls close in Georgia.\n\n"
    "By John Roe\n6:00 p.m. ET\nIndiana polls close."
)


def _tiles(text: str, tl: liveblog.Timeline) -> bool:
    """Whether the preamble and the entries' spans cover every non-blank character
    exactly once, in page order."""
    spans = [s for s in (tl.preamble.span, *(e.span for e in tl.source_order)) if s.end > s.start]
    if any(a.end > b.start for a, b in itertools.pairwise(spans)):
        return False
    covered = "".join(text[s.start : s.end] for s in spans)
    return "".join(covered.split()) == "".join(text.split())


def test_the_briefs_page_gives_each_post_its_author() -> None:
    """The example page: each byline is its post's author, inside the post's span, and
    no post's text ends with the next post's byline."""
    tl = liveblog.parse(_BRIEF, date=DAY)
    page = tl.source_order
    assert [e.author for e in page] == ["Jane Doe", "John Roe"]
    assert [e.marker for e in page] == ["Nov. 5, 2024, 7:00 p.m. ET", "6:00 p.m. ET"]
    assert [_BRIEF[e.span.start : e.span.end].splitlines()[0] for e in page] == [
        "By Jane Doe",
        "By John Roe",
    ]
    assert [e.body for e in page] == ["Polls close in Georgia.", "Indiana polls close."]
    assert tl.preamble.text == "Live"
    assert _tiles(_BRIEF, tl)


@pytest.mark.parametrize(
    "text",
    [
        # no blank line between posts: the byline ends the text above today
        "Election night\nBy Jane Doe\n9:00 p.m. ET\nPolls close in Texas.\nBy John Roe\n"
        "8:00 p.m. ET\nPolls close in Ohio.\nBy Ann Lee\n7:00 p.m. ET\nPolls close in Georgia.",
        # text on the marker's line
        "Election night\n\nBy Jane Doe\n9:00 p.m. ET: Polls close in Texas.\n\n"
        "By John Roe\n8:00 p.m. ET: Polls close in Ohio.\n\n"
        "By Ann Lee\n7:00 p.m. ET: Polls close in Georgia.",
        # a byline with a colon and an outlet, headlines below bare times
        "Election night\n\nBy: Jane Doe, Reuters\n21:00\nTexas\nPolls close in Texas.\n\n"
        "By: John Roe, Reuters\n20:00\nOhio\nPolls close in Ohio.\n\n"
        "By: Ann Lee, Reuters\n19:00\nGeorgia\nPolls close in Georgia.",
    ],
    ids=["dense", "inline", "colon-outlet"],
)
def test_bylines_open_their_posts(text: str) -> None:
    """A page whose markers have a byline right above them: the byline opens the post,
    whatever the marker's layout, and becomes its author."""
    tl = liveblog.parse(text, date=DAY, tz="America/New_York")
    page = tl.source_order
    assert len(page) == 3
    assert [e.author for e in page] == ["Jane Doe", "John Roe", "Ann Lee"]
    assert all(text[e.span.start : e.span.end].startswith("By") for e in page)
    assert all("By" not in e.body for e in page)
    assert tl.preamble.text == "Election night"
    assert _tiles(text, tl)


def test_a_byline_above_the_first_marker_is_evidence_enough() -> None:
    """The line right above the first marker is a byline: bylines open the posts, and
    a post without one has no author."""
    text = (
        "Live\n\nBy Jane Doe\n9:00 p.m. ET\nPolls close in Texas.\n\n8:00 p.m. ET\n"
        "Polls close in Ohio.\n\nBy Ann Lee\n7:00 p.m. ET\nPolls close in Georgia."
    )
    tl = liveblog.parse(text, date=DAY)
    assert [e.author for e in tl.source_order] == ["Jane Doe", None, "Ann Lee"]
    assert _tiles(text, tl)


@pytest.mark.parametrize(
    "text",
    [
        # bylines close the posts: the last post ends with one
        "Live\n\n9:00 p.m. ET\nPolls close in Texas.\nBy Jane Doe\n\n8:00 p.m. ET\n"
        "Polls close in Ohio.\nBy John Roe\n\n7:00 p.m. ET\nPolls close in Georgia.\nBy Ann Lee",
        "Live\n\n9:00 p.m. ET\nPolls close in Texas.\nReporting by Jane Doe\n8:00 p.m. ET\n"
        "Polls close in Ohio.\nReporting by John Roe\n7:00 p.m. ET\nPolls close in Georgia.\n"
        "Reporting by Ann Lee",
    ],
    ids=["by-closing", "reporting-by"],
)
def test_bylines_that_close_posts_stay_there(text: str) -> None:
    """A page whose posts end with their byline (the last one too) keeps each byline
    at the end of its post."""
    tl = liveblog.parse(text, date=DAY)
    page = tl.source_order
    assert len(page) == 3
    assert [e.body.splitlines()[-1].split()[-1] for e in page] == ["Doe", "Roe", "Lee"]
    assert _tiles(text, tl)


def test_a_sentence_starting_with_by_is_no_byline() -> None:
    """A line of text that starts with "By" is a sentence, not a byline."""
    text = (
        "Live\n\nBy noon the polls were busy.\n9:00 p.m. ET\nPolls close in Texas.\n\n"
        "By then the count had begun.\n8:00 p.m. ET\nPolls close in Ohio."
    )
    tl = liveblog.parse(text, date=DAY)
    assert [e.author for e in tl] == [None, None]


def test_parse_html_reads_bylines_above_times() -> None:
    """The HTML path: a post card with its byline first gives the author."""
    posts = [
        ("Jane Doe", "7:00 p.m. ET", "Polls close in Georgia."),
        ("John Roe", "6:00 p.m. ET", "Indiana polls close."),
        ("Ann Lee", "5:00 p.m. ET", "Voting continues."),
    ]
    cards = "".join(
        f'<div class="post"><div class="byline">By {a}</div><div class="ts">{t}</div>'
        f"<p>{b}</p></div>"
        for a, t, b in posts
    )
    html = f"<html><body><h1>Election live</h1>{cards}</body></html>"
    tl = liveblog.parse_html(html, date=DAY)
    assert [e.author for e in tl.source_order] == ["Jane Doe", "John Roe", "Ann Lee"]
    assert [e.body for e in tl.source_order] == [b for _, _, b in posts]


_NAMES = st.sampled_from(["Jane Doe", "John Roe", "Ann Lee", "Sam de Souza", "Li Wei"])


@given(
    authors=st.lists(st.one_of(st.none(), _NAMES), min_size=2, max_size=6),
    blank=st.booleans(),
)
def test_spans_tile_with_bylines_above(authors: list[str | None], blank: bool) -> None:
    """Whichever posts carry a byline above their time, the spans tile the text and an
    author is given only where the byline stands; with the first post's byline, every
    byline is its post's author."""
    gap = "\n\n" if blank else "\n"
    hours = range(len(authors) + 8, 8, -1)
    posts = [
        (f"By {a}\n" if a else "") + f"{h}:00 GMT\nUpdate number {h}."
        for a, h in zip(authors, hours, strict=False)
    ]
    text = "Live coverage" + "\n\n" + gap.join(posts)
    tl = liveblog.parse(text, date=DAY)
    assert _tiles(text, tl)
    assert len(tl) == len(authors)
    if authors[0] is not None:
        assert [e.author for e in tl.source_order] == authors


def test_a_dated_newest_post_under_a_byline_stays_a_post() -> None:
    """On a page of four posts under bylines, the newest one's date (``Nov. 5, 2024,
    9:00 p.m. ET`` above undated times) is its own stamp, not the page's: it stays an
    entry, as it would without the bylines' evidence only on shorter pages."""
    posts = [
        ("Jane Doe", "Nov. 5, 2024, 9:00 p.m. ET"),
        ("John Roe", "8:00 p.m. ET"),
        ("Ann Lee", "7:00 p.m. ET"),
        ("Li Wei", "6:00 p.m. ET"),
    ]
    text = "Election night\n\n" + "\n\n".join(
        f"By {a}\n{t}\nPolls close in state {k}." for k, (a, t) in enumerate(posts)
    )
    tl = liveblog.parse(text, date=DAY)
    assert [e.marker for e in tl.source_order] == [t for _, t in posts]
    assert [e.author for e in tl.source_order] == [a for a, _ in posts]


@pytest.mark.parametrize(
    ("authors", "expected"),
    [
        ([None, "John Roe", "Ann Lee"], [None, "John Roe", "Ann Lee"]),  # a pinned summary
        ([None, None, "Ann Lee"], [None, None, None]),  # no evidence at the top
    ],
    ids=["second", "third-only"],
)
def test_the_evidence_is_the_first_or_second_post(
    authors: list[str | None], expected: list[str | None]
) -> None:
    """A byline above the first or the second post says the page's bylines open posts;
    one further down alone does not (and stays text at the end of the post above)."""
    posts = [
        (f"By {a}\n" if a else "") + f"{h}:00 p.m. ET\nPolls close in state {h}."
        for a, h in zip(authors, (9, 8, 7), strict=True)
    ]
    text = "Live\n\n" + "\n\n".join(posts)
    tl = liveblog.parse(text, date=DAY)
    assert [e.author for e in tl.source_order] == expected
    assert _tiles(text, tl)


# ---------------------------------------------------------------- bylines below a time


def _below(authors: list[str | None], blank: str, line_end: str = "\n") -> str:
    """A newest-first page of bare times, each with its byline (None: none) on the line
    below, or below ``blank`` (a blank line) under it, then the post's text."""
    posts = []
    for k, author in enumerate(authors):
        byline = "" if author is None else f"By {author}\n{blank}"
        posts.append(f"{14 - k}:05\n{blank}{byline}Post {k} text here.\nMore of post {k}.")
    return ("Storm live\n\n" + "\n\n".join(posts) + "\n").replace("\n", line_end)


@pytest.mark.parametrize("blank", ["\n", ""])
@pytest.mark.parametrize("line_end", ["\n", "\r\n", "\r"])
def test_a_byline_under_a_time_is_its_posts_author(blank: str, line_end: str) -> None:
    """``14:32`` over ``By Jane Smith`` (maybe after a blank line), the post's text
    below: the byline is the post's author, inside its span and out of its body and
    headline, on a page where most posts have one."""
    authors = ["Jane Smith", "Tom Hale", None, "Ana de Souza"]
    text = _below(authors, blank, line_end)
    tl = liveblog.parse(text, date=DAY)
    page = tl.source_order
    assert [e.marker for e in page] == ["14:05", "13:05", "12:05", "11:05"]
    assert [e.author for e in page] == authors
    assert [e.body.splitlines()[0] for e in page] == [f"Post {k} text here." for k in range(4)]
    assert all("By " not in e.body and "By " not in (e.headline or "") for e in page)
    assert _tiles(text, tl)


def test_bylines_under_few_times_stay_text() -> None:
    """One byline under a time among three without stays in its post's text: a page
    says bylines stand under its times when more than half of them have one."""
    text = _below(["Jane Smith", None, None], "\n")
    tl = liveblog.parse(text, date=DAY)
    assert [e.author for e in tl.source_order] == [None, None, None]
    assert tl.source_order[0].body.startswith("By Jane Smith")


def test_bylines_under_times_need_one_under_the_first_or_second() -> None:
    """Bylines under the third and later times of a page whose first two have none stay
    text: the page's first or second post tells whether bylines stand under its times
    (a test every parse pays, so two looks decide)."""
    text = _below([None, None, "Jane Smith", "Tom Hale", "Ana de Souza"], "\n")
    tl = liveblog.parse(text, date=DAY)
    assert [e.author for e in tl.source_order] == [None] * 5
    assert _tiles(text, tl)


def test_a_byline_that_ends_its_post_under_a_time_stays_text() -> None:
    """A byline with nothing of its post below it (``14:32`` / ``By Jane Smith``, then
    the next post's time) names no author there: it may be the post's closing line."""
    text = "Live\n\n14:05\n\nBy Jane Smith\n\n13:05\n\nBy Tom Hale\n\n12:05\n\nText.\n"
    tl = liveblog.parse(text, date=DAY)
    assert [e.author for e in tl.source_order] == [None, None, None]
    assert _tiles(text, tl)


@given(
    st.lists(st.sampled_from(["Jane Smith", "Tom Hale", None]), min_size=2, max_size=6),
    st.sampled_from(["\n", ""]),
)
def test_spans_tile_with_bylines_below(authors: list[str | None], blank: str) -> None:
    """Whatever bylines stand under the times, the spans tile the page, each post keeps
    its text, and a post's author is its byline or none."""
    text = _below(authors, blank)
    tl = liveblog.parse(text, date=DAY)
    assert _tiles(text, tl)
    page = tl.source_order
    assert len(page) == len(authors)
    for k, (entry, author) in enumerate(zip(page, authors, strict=True)):
        assert f"Post {k} text here." in entry.body
        assert entry.author in {author, None}

"""Tests for liveblog.html.parse_html: inputs, options, time elements, JSON-LD timelines."""

from __future__ import annotations

import datetime as dt
import io
import json
from pathlib import Path

import pytest

from liveblog import DEFAULT_DIALECTS
from liveblog.errors import NoMarkersError, ParseError
from liveblog.html import parse_html
from liveblog.html.extract import extract
from liveblog.model import Source, Span
from liveblog.parse import parse

DAY = dt.date(2024, 1, 16)
UTC = dt.UTC
VISIBLE = "<p>UPDATE 0900 GMT: Second.</p><p>UPDATE 0800 GMT: First.</p>"


def _json_ld(*updates: tuple[str, str], **blog: object) -> str:
    doc = {
        "@context": "https://schema.org",
        "@type": "LiveBlogPosting",
        **blog,
        "liveBlogUpdate": [
            {"@type": "BlogPosting", "datePublished": when, "articleBody": body}
            for when, body in updates
        ],
    }
    return f'<script type="application/ld+json">{json.dumps(doc)}</script>'


LD = _json_ld(("2024-01-16T09:00:00Z", "Second."), ("2024-01-16T08:00:00Z", "First."))


def test_visible_page_is_parsed_as_text() -> None:
    """Without JSON-LD, the extracted text is parsed: origin html, spans into tl.text."""
    tl = parse_html(VISIBLE, date=DAY)
    assert tl.origin == "html"
    assert tl.text == "UPDATE 0900 GMT: Second.\n\nUPDATE 0800 GMT: First."
    assert [(e.marker, e.body) for e in tl] == [
        ("UPDATE 0800 GMT", "First."),
        ("UPDATE 0900 GMT", "Second."),
    ]
    assert tl.text[slice(*tl.entries[0].span)] == "UPDATE 0800 GMT: First."
    assert tl.entries[0].html == "<p>UPDATE 0800 GMT: First.</p>"


def test_sane_json_ld_is_used() -> None:
    """Sane JSON-LD gives the entries, oldest first, with origin json-ld and no warning."""
    tl = parse_html(LD + VISIBLE, date=DAY)
    assert tl.origin == "json-ld"
    assert tl.warnings == ()
    assert [(e.body, e.published) for e in tl] == [
        ("First.", dt.datetime(2024, 1, 16, 8, tzinfo=UTC)),
        ("Second.", dt.datetime(2024, 1, 16, 9, tzinfo=UTC)),
    ]
    assert tl.order == "newest-first"
    assert [e.ordinal for e in tl] == [1, 0]


def test_json_ld_entries_point_into_the_rendered_text() -> None:
    """JSON-LD entries are rendered as "headline, body" blocks whose spans tile tl.text."""
    page = _json_ld(("2024-01-16T08:00:00Z", "Para one.\n\nPara two."), description="Intro")
    page = page.replace('"articleBody"', '"headline": "Head", "articleBody"')
    tl = parse_html(page, date=DAY)
    assert tl.text == "Intro\n\n\nHead\n\nPara one.\n\nPara two."
    assert tl.preamble.text == "Intro"
    (entry,) = tl.entries
    assert entry.span == Span(8, len(tl.text))
    assert (entry.headline, entry.body) == ("Head", "Para one.\n\nPara two.")
    assert entry.html == "<p>Para one.</p><p>Para two.</p>"


def test_json_ld_entry_html_comes_from_the_matching_visible_entry() -> None:
    """A JSON-LD update takes the HTML of the visible entry with the same instant."""
    page = LD + (
        '<article><time datetime="2024-01-16T09:00:00Z">UPDATE 0900 GMT</time>'
        "<p><b>Second.</b></p></article>"
        '<article><time datetime="2024-01-16T08:00:00Z">UPDATE 0800 GMT</time>'
        "<p>First.</p></article>"
    )
    tl = parse_html(page, date=DAY)
    assert tl.origin == "json-ld"
    assert tl.entries[1].html is not None
    assert "<b>Second.</b>" in tl.entries[1].html


def test_json_ld_ids_are_stable_and_distinct() -> None:
    """Ids come from the datePublished string; equal stamps get distinct ids."""
    page = _json_ld(
        ("2024-01-16T09:00:00Z", "b"), ("2024-01-16T09:00:00Z", "a"), ("2024-01-16T08:00Z", "c")
    )
    first, second = parse_html(page, date=DAY), parse_html(page, date=DAY)
    ids = [e.id for e in first]
    assert ids == [e.id for e in second]
    assert len(set(ids)) == 3


def test_rejected_json_ld_leaves_a_warning() -> None:
    """Truncated JSON-LD falls back to the visible page with a json-ld-rejected warning."""
    ld = _json_ld(("2024-01-16T09:00:00Z", "Second."))
    visible = "".join(f"<p>UPDATE 0{h}00 GMT: {h}.</p>" for h in (9, 8, 7))
    tl = parse_html(ld + visible, date=DAY)
    assert tl.origin == "html"
    (warning,) = tl.warnings
    assert warning.code == "json-ld-rejected"
    assert warning.message == (
        "json-ld lists 1 updates but the visible page shows 3 entries (truncated); "
        "the visible page was used"
    )


def test_prefer_visible_ignores_json_ld() -> None:
    """prefer="visible" parses the page's text even when JSON-LD is sane, silently."""
    tl = parse_html(LD + VISIBLE, date=DAY, prefer="visible")
    assert (tl.origin, tl.warnings) == ("html", ())


def test_prefer_json_ld_skips_the_count_check() -> None:
    """prefer="json-ld" trusts self-consistent JSON-LD however many entries are visible."""
    ld = _json_ld(("2024-01-16T09:00:00Z", "Second."))
    visible = "".join(f"<p>UPDATE 0{h}00 GMT: {h}.</p>" for h in (9, 8, 7))
    assert parse_html(ld + visible, date=DAY, prefer="json-ld").origin == "json-ld"


def test_prefer_json_ld_without_json_ld_warns() -> None:
    """Asking for JSON-LD on a page without it says so."""
    tl = parse_html(VISIBLE, date=DAY, prefer="json-ld")
    assert [w.message for w in tl.warnings] == [
        "the page has no LiveBlogPosting json-ld; the visible page was used"
    ]


def test_bad_prefer_is_rejected() -> None:
    """An unknown prefer value is a ValueError naming it."""
    with pytest.raises(ValueError, match="prefer must be one of") as info:
        parse_html(VISIBLE, prefer="best")  # type: ignore[arg-type]
    assert str(info.value) == "prefer must be one of 'auto', 'json-ld', 'visible', got 'best'"


def test_bad_input_type_is_rejected() -> None:
    """Something that is not markup, a path or a file is a TypeError."""
    with pytest.raises(TypeError, match="html must be str, bytes, a path or an open file"):
        parse_html(42)  # type: ignore[arg-type]


def test_bad_dialect_is_rejected() -> None:
    """Something that is not a dialect is a TypeError naming it."""
    with pytest.raises(TypeError) as info:
        parse_html(VISIBLE, dialects=[42])  # type: ignore[list-item]
    assert str(info.value) == "dialects must provide name and scan(text), got 42"


@pytest.mark.parametrize("year", ["0001-01-01T00:30:00+01:00", "9999-12-31T23:30:00-01:00"])
def test_extreme_years_do_not_overflow(year: str) -> None:
    """Time elements and JSON-LD dated at the ends of the calendar are ignored, not fatal."""
    page = _json_ld((year, "a"), ("2024-01-16T08:00Z", "b"))
    page += f'<p><time datetime="{year}">UPDATE 0800 GMT</time>: x</p>'
    tl = parse_html(page, date=DAY)
    assert tl.origin == "html"
    assert tl.entries[0].published == dt.datetime(2024, 1, 16, 8, tzinfo=UTC)


def test_paths_and_files_are_read(tmp_path: Path) -> None:
    """A path, a binary file and a text file give the same entries as the string."""
    path = tmp_path / "page.html"
    path.write_bytes(VISIBLE.encode("utf-16"))
    expected = [e.body for e in parse_html(VISIBLE, date=DAY)]
    assert [e.body for e in parse_html(path, date=DAY)] == expected
    assert parse_html(path, date=DAY).encoding == "utf-16"
    assert [e.body for e in parse_html(io.BytesIO(VISIBLE.encode()), date=DAY)] == expected
    assert [e.body for e in parse_html(io.StringIO(VISIBLE), date=DAY)] == expected
    assert parse_html(io.StringIO(VISIBLE), date=DAY).encoding is None


def test_source_is_recorded() -> None:
    """A source name is kept on the timeline and as each entry's provenance."""
    for page in (VISIBLE, LD):
        tl = parse_html(page, date=DAY, source=Source("wire"))
        assert tl.source == Source("wire")
        assert all(e.sources[0].source == Source("wire") for e in tl)


def test_strict_raises_about_the_visible_text() -> None:
    """strict=True raises for a visible page without markers."""
    with pytest.raises(NoMarkersError):
        parse_html("<p>Just an article.</p>", strict=True)


def test_strict_does_not_raise_when_json_ld_is_used() -> None:
    """strict=True is about the visible text; sane JSON-LD needs no markers there."""
    assert parse_html(LD + "<p>No markers.</p>", strict=True).origin == "json-ld"


@pytest.mark.parametrize(
    "name", sorted(p.name for p in (Path(__file__).parent / "html").glob("*.html"))
)
def test_strict_raises_only_what_lenient_warns_of(name: str) -> None:
    """strict=True gives the lenient timeline when the visible text draws no warning.
    Regression: without date=, the blog's date that <time> elements give was looked for
    only after a strict parse of the text had already raised "the blog's date is unknown"
    (07-time-elements-no-date)."""
    page = (Path(__file__).parent / "html" / name).read_bytes()
    lenient = parse_html(page)
    if any(w.code != "json-ld-rejected" for w in lenient.warnings):
        with pytest.raises(ParseError):
            parse_html(page, strict=True)
    else:
        assert parse_html(page, strict=True) == lenient


def test_time_element_gives_the_exact_instant() -> None:
    """A <time datetime> on the marker's line replaces the minute-precision time."""
    page = '<p><time datetime="2024-01-16T08:31:27+00:00">UPDATE 0831 GMT</time>: x</p>'
    (entry,) = parse_html(page, date=DAY)
    assert entry.published == dt.datetime(2024, 1, 16, 8, 31, 27, tzinfo=UTC)
    assert (entry.day, entry.time, entry.zone) == (DAY, dt.time(8, 31, 27), "UTC")


def test_time_element_keeps_a_zone_that_agrees() -> None:
    """The entry's own zone stays when it has the datetime's offset at that instant."""
    page = '<p><time datetime="2024-07-01T09:31:00+01:00">UPDATE 0931 BST</time>: x</p>'
    (entry,) = parse_html(page, date=dt.date(2024, 7, 1))
    assert entry.zone == "Europe/London"
    assert entry.published == dt.datetime(2024, 7, 1, 8, 31, tzinfo=UTC)


def test_time_element_offset_names_the_zone_when_it_disagrees() -> None:
    """A datetime that contradicts the marker's clock gives day and time in its offset."""
    page = '<p><time datetime="2024-01-16T23:41:00-05:00">UPDATE 0440 GMT</time>: x</p>'
    (entry,) = parse_html(page, date=dt.date(2024, 1, 17))
    assert (entry.day, entry.time, entry.zone) == (DAY, dt.time(23, 41), "UTC-05:00")
    assert entry.published == dt.datetime(2024, 1, 17, 4, 41, tzinfo=UTC)


NOV5, NOV6 = dt.date(2024, 11, 5), dt.date(2024, 11, 6)
EVENING, NIGHT = dt.time(23, 40), dt.time(4, 40)
NEW_YORK = "America/New_York"


@pytest.mark.parametrize(
    ("shown", "datetime", "tz", "expected"),
    [
        # US pages: the marker in Eastern time, the datetime in UTC (CNN, NYT, AP)
        ("11:40 p.m. ET, Nov 5, 2024", "2024-11-06T04:40:00.000Z", None, (NOV5, EVENING, NEW_YORK)),
        ("UPDATE 2340 EST", "2024-11-06T04:40:00Z", None, (NOV5, EVENING, NEW_YORK)),
        # a marker in GMT, the datetime in the reporter's offset
        ("UPDATE 0440 GMT", "2024-11-05T23:40:00-05:00", None, (NOV6, NIGHT, "UTC")),
        # a bare time read in the zone the caller gave
        ("23:40", "2024-11-06T04:40:00Z", NEW_YORK, (NOV5, EVENING, NEW_YORK)),
        # a bare time and no zone known: the offset that makes the two agree
        ("23:40", "2024-11-06T04:40:00Z", None, (NOV5, EVENING, "UTC-05:00")),
    ],
)  # fmt: skip
def test_time_element_keeps_the_clock_the_marker_shows(
    shown: str, datetime: str, tz: str | None, expected: tuple[dt.date, dt.time, str]
) -> None:
    """A datetime written in another offset keeps the marker's wall clock, day and zone."""
    page = (
        f'<article><p><time datetime="{datetime}">{shown}</time></p><p>Polls close.</p></article>'
        '<article><p><time datetime="2024-11-05T23:58:00Z">22:00 GMT</time></p><p>x</p></article>'
    )
    entry = parse_html(page, tz=tz, date=NOV5).entries[-1]
    assert entry.published == dt.datetime(2024, 11, 6, 4, 40, tzinfo=UTC)
    assert (entry.day, entry.time, entry.zone) == expected


@pytest.mark.parametrize("value", ["2024-01-16", "2024-01-16T08:31:27", "soon"])
def test_time_element_without_offset_is_not_used(value: str) -> None:
    """Only a full date-time with an offset replaces the marker's time."""
    page = f'<p><time datetime="{value}">UPDATE 0831 GMT</time>: x</p>'
    (entry,) = parse_html(page, date=DAY)
    assert entry.published == dt.datetime(2024, 1, 16, 8, 31, tzinfo=UTC)


def test_time_element_in_the_body_is_not_used() -> None:
    """A <time> in a later paragraph of the entry does not give the entry its time."""
    page = (
        "<article><p>UPDATE 0831 GMT: talks</p>"
        '<p>Next round on <time datetime="2024-01-20T10:00:00Z">Saturday</time>.</p></article>'
    )
    (entry,) = parse_html(page, date=DAY)
    assert entry.published == dt.datetime(2024, 1, 16, 8, 31, tzinfo=UTC)


def test_time_elements_give_the_date_when_none_is_passed() -> None:
    """Without date=, the oldest entry's time element dates the blog, with evidence."""
    page = (
        "<p>UPDATE 0900 GMT: b</p>"
        '<p><time datetime="2024-01-16T08:00:00Z">UPDATE 0800 GMT</time>: a</p>'
    )
    tl = parse_html(page)
    assert tl.date == DAY
    assert tl.entries[1].published == dt.datetime(2024, 1, 16, 9, tzinfo=UTC)
    (evidence,) = tl.date_evidence
    assert (evidence.kind, evidence.text, evidence.date) == (
        "html-time",
        "2024-01-16T08:00:00Z",
        DAY,
    )
    assert tl.text is not None
    assert tl.text[slice(*evidence.span or (0, 0))] == "UPDATE 0800 GMT"


def test_heading_opening_an_entry_is_its_headline() -> None:
    """An entry whose first block is a heading gets that heading as headline."""
    page = "<article><p>UPDATE 0831 GMT</p><h2>Talks end</h2><p>Body</p></article>"
    (entry,) = parse_html(page, date=DAY)
    assert entry.headline == "Talks end"


def test_heading_above_the_time_opens_the_entry() -> None:
    """In "headline, time, body" layouts the heading belongs to the entry below it."""
    page = "".join(
        f"<article><header><h3>{title}</h3><time>{clock}</time></header><p>{body}</p></article>"
        for title, clock, body in (("Late", "10:12", "second"), ("Early", "09:40", "first"))
    )
    tl = parse_html(page, date=DAY, tz="Europe/London")
    assert [(e.headline, e.time) for e in tl] == [
        ("Early", dt.time(9, 40)),
        ("Late", dt.time(10, 12)),
    ]
    assert tl.text is not None
    assert tl.text[slice(*tl.entries[0].span)].startswith("Early")


def test_page_heading_above_the_first_entry_stays_in_the_preamble() -> None:
    """A page title above a container of entries is not the newest entry's headline."""
    page = "<main><h1>Live</h1><div><p>UPDATE 0900 GMT: b</p><p>UPDATE 0800 GMT: a</p></div></main>"
    tl = parse_html(page, date=DAY)
    assert tl.preamble.text == "Live"
    assert [e.headline for e in tl] == [None, None]


def test_empty_page_gives_an_empty_timeline() -> None:
    """A page with no visible text has no entries."""
    tl = parse_html(b"<html><head><title>x</title></head><body></body></html>")
    assert (len(tl), tl.origin, tl.encoding) == (0, "html", "utf-8")


def test_character_references_in_json_ld_text_are_decoded() -> None:
    """Regression: CMSes (WordPress among them) write JSON-LD strings HTML-escaped; the
    headline, plain-text articleBody, description and author kept "It&#39;s",
    "&quot;" and "&amp;" as written, in the entries and in feeds made from them."""
    doc = {
        "@type": "LiveBlogPosting",
        "description": "Storm Ciar&aacute;n &ndash; follow the latest &amp; more",
        "liveBlogUpdate": [
            {
                "headline": "Gatwick &amp; Heathrow flights cancelled",
                "datePublished": "2023-11-02T09:47:00Z",
                "articleBody": "It&#39;s &quot;chaos&quot;, said one.\n\nAT&T and R&D &not; x",
                "author": {"name": "Ana&#239;s O&#x27;Brien"},
            },
            {
                "headline": "Hackers",
                "datePublished": "2023-11-02T09:00:00Z",
                "articleBody": "They injected &lt;script&gt; tags into the site.",
            },
        ],
    }
    page = f'<script type="application/ld+json">{json.dumps(doc)}</script>'
    tl = parse_html(page, prefer="json-ld")
    assert tl.origin == "json-ld"
    hackers, gatwick = tl.entries
    assert gatwick.headline == "Gatwick & Heathrow flights cancelled"
    assert gatwick.body == 'It\'s "chaos", said one.\n\nAT&T and R&D ¬ x'
    assert gatwick.author == "Anaïs O'Brien"
    assert tl.preamble.text == "Storm Ciarán – follow the latest & more"
    # escaped markup in a plain-text body is text: decoded, never read as tags
    assert hackers.body == "They injected <script> tags into the site."
    assert hackers.html == "<p>They injected &lt;script&gt; tags into the site.</p>"
    assert tl.text is not None
    for entry in tl.entries:
        assert entry.body in tl.text[slice(*entry.span)]


def test_pinned_post_repeated_in_the_stream_is_one_entry() -> None:
    """Regression: a post pinned above the stream and shown again in its place gave two
    identical entries, the copy out of order at the top (and two items in feeds)."""

    def post(block: str, when: str, title: str, body: str, extra: str = "") -> str:
        return (
            f"<article id='{block}' class='block{extra}'><header><time datetime='{when}'>"
            f"{when[11:16]}</time></header><h2>{title}</h2><p>{body}</p></article>"
        )

    schools = ("block-3", "2023-11-02T08:12:00Z", "Schools shut", "All schools will close today.")
    page = (
        "<main><h1>Storm Ciarán live</h1>"
        f"<div id='pinned-post'><p>Pinned post</p>{post(*schools, ' pinned')}"
        "<button>Show more</button></div><div id='liveblog-body'>"
        + post("block-4", "2023-11-02T09:47:00Z", "Flights", "Around 40 flights cancelled.")
        + post(*schools)
        + post("block-2", "2023-11-02T07:30:00Z", "Gusts", "Gusts of 104mph were recorded.")
        + "</div></main>"
    )
    tl = parse_html(page, tz="Europe/London")
    assert [(e.time, e.headline) for e in tl] == [
        (dt.time(7, 30), "Gusts"),
        (dt.time(8, 12), "Schools shut"),
        (dt.time(9, 47), "Flights"),
    ]
    assert tl.warnings == ()
    assert tl.preamble.text == "Storm Ciarán live"


def _ages_page(*posts: tuple[str, str | None, str]) -> str:
    """A page that shows relative ages, its <time> elements holding the instants (NYT)."""
    parts = []
    for age, when, title in posts:
        stamp = f"<time datetime='{when}'><span>{age}</span></time>" if when else age
        parts.append(
            f"<div data-testid='live-blog-post'><div>{stamp}</div>"
            f"<h2>{title}</h2><p>{title} text.</p></div>"
        )
    return "<main><h1>Live Updates: Hurricane Milton</h1>" + "".join(parts) + "</main>"


def test_relative_ages_with_time_elements_need_no_now() -> None:
    """Regression: a page that shows "12m ago" above each post and gives the instant in
    its <time datetime> warned, for every post, that the relative time needs now=, and
    strict mode raised, although every entry had its exact instant from the page."""
    page = _ages_page(
        ("12m ago", "2024-10-10T02:48:00.000Z", "Milton weakens"),
        ("1h ago", "2024-10-10T01:30:00.000Z", "Power out"),
        ("2h ago", "2024-10-10T00:30:00.000Z", "Landfall"),
    )
    tl = parse_html(page)
    assert [e.published for e in tl] == [
        dt.datetime(2024, 10, 10, h, m, tzinfo=UTC) for h, m in ((0, 30), (1, 30), (2, 48))
    ]
    assert tl.warnings == ()
    assert parse_html(page, strict=True) == tl


def test_relative_age_without_a_time_element_still_needs_now() -> None:
    """A post whose age has no <time> instant is still reported, and strict raises."""
    page = _ages_page(
        ("12m ago", None, "Milton weakens"),
        ("1h ago", "2024-10-10T01:30:00.000Z", "Power out"),
        ("2h ago", "2024-10-10T00:30:00.000Z", "Landfall"),
    )
    tl = parse_html(page)
    assert [w.snippet for w in tl.warnings if w.code == "no-now"] == ["12m ago"]
    with pytest.raises(ParseError, match="needs now="):
        parse_html(page, strict=True)


def test_bare_times_with_time_elements_do_not_warn_of_utc() -> None:
    """Bare clocks whose entries all take their instants from <time> elements were
    read as UTC for nothing: no "no zone stated" warning then."""
    page = "".join(
        f"<article><time datetime='2024-07-02T{t}:00+01:00'>{t}</time><p>{b}</p></article>"
        for t, b in (("09:12", "Second post."), ("08:00", "First post."))
    )
    tl = parse_html(page)
    assert [(e.time, e.zone) for e in tl] == [
        (dt.time(8), "UTC+01:00"),
        (dt.time(9, 12), "UTC+01:00"),
    ]
    assert tl.warnings == ()
    partly = page.replace("<time datetime='2024-07-02T08:00:00+01:00'>08:00</time>", "08:00")
    assert [w.code for w in parse_html(partly).warnings] == ["no-zone"]


def test_entries_whose_time_is_in_a_header_outside_articles() -> None:
    """Regression: entries of <div>s whose <header> holds the time (WordPress live-blog
    plugins) lost their times with the header, dropped as page chrome: one entry."""
    posts = "".join(
        f"<div class='lb-entry'><header class='lb-entry__meta'><time datetime='{iso}'>"
        f"{iso[11:16]} GMT</time></header><div class='lb-entry__text'><p>{text}</p></div></div>"
        for iso, text in (
            ("2024-03-06T12:52:00Z", "The chancellor has sat down."),
            ("2024-03-06T12:31:00Z", "National insurance is cut by 2p."),
        )
    )
    page = (
        "<body><header class='site-header'>The Daily <a href='/'>Home</a></header>"
        f"<div id='content'><h1>Budget live</h1><div class='lb-feed'>{posts}</div></div>"
        "<footer class='site-footer'>© 2024 The Daily</footer></body>"
    )
    tl = parse_html(page)
    assert [(e.published, e.body) for e in tl] == [
        (dt.datetime(2024, 3, 6, 12, 31, tzinfo=UTC), "National insurance is cut by 2p."),
        (dt.datetime(2024, 3, 6, 12, 52, tzinfo=UTC), "The chancellor has sat down."),
    ]
    assert tl.preamble.text == "Budget live"


_LINKED = (
    "<article><p><time datetime='2024-01-16T09:00:00Z'>UPDATE 0900 GMT</time>: Flooding in"
    " <a href='/world/derby'>Derby</a>, see <a href='#block-2'>earlier</a>"
    " and <a href='https://other.example/x'>this</a>.</p>"
    "<figure><img src='../img/flood.jpg' alt='Flood'><figcaption>Flooded streets."
    "</figcaption></figure></article>"
)


@pytest.mark.parametrize(
    "head",
    [
        "<link rel='canonical' href='https://news.example/live/storm'>",
        "<base href='https://news.example/live/storm'>",
        "<meta property='og:url' content='https://news.example/live/storm'>",
    ],
)
def test_entry_html_links_are_absolute(head: str) -> None:
    """Regression: Entry.html kept the page's relative links and image sources
    (/world/derby, ../img/flood.jpg), which a feed reader resolves against the feed's
    address, not the page's: broken links and images in content_html. They are made
    absolute against the page's own address (<base>, canonical link, og:url)."""
    (entry,) = parse_html(f"<html><head>{head}</head><body>{_LINKED}</body></html>", date=DAY)
    assert entry.html is not None
    assert 'href="https://news.example/world/derby"' in entry.html
    assert 'href="https://news.example/live/storm#block-2"' in entry.html
    assert 'href="https://other.example/x"' in entry.html
    assert 'src="https://news.example/img/flood.jpg"' in entry.html


def test_entry_html_links_use_the_source_url_when_the_page_has_none() -> None:
    """Without an address in the page, the source's URL is the base; without either
    the links stay as written."""
    source = Source(name="storm", url="https://news.example/live/storm")
    (entry,) = parse_html(_LINKED, date=DAY, source=source)
    assert 'src="https://news.example/img/flood.jpg"' in (entry.html or "")
    (entry,) = parse_html(_LINKED, date=DAY)
    assert 'src="../img/flood.jpg"' in (entry.html or "")


# a page whose marker problem sits on line 6 of the markup, column 5, but on line 3 of
# the extracted text
_BAD_MARKER_PAGE = (
    "<!doctype html>\n"
    "<html><body>\n"
    "<main>\n"
    "<p>UPDATE 0940 GMT: Talks &amp; sirens.</p>\n"
    "<p>\n"
    "    UPDATE 2561 GMT: Bad.</p>\n"
    "</main></body></html>\n"
)


def test_warnings_of_a_page_give_the_line_and_column_in_its_markup() -> None:
    """A problem in a page's text is located in the markup the user has (line, column),
    while its span and snippet stay those of the extracted text, as entries' spans do."""
    tl = parse_html(_BAD_MARKER_PAGE, date=dt.date(2024, 1, 16))
    (w,) = [w for w in tl.warnings if w.code == "impossible-marker"]
    assert (w.line, w.column) == (6, 5)
    assert tl.text is not None
    assert tl.text[slice(*w.span)].startswith("UPDATE 2561 GMT")
    assert w.snippet.startswith("UPDATE 2561 GMT")


def test_strict_errors_of_a_page_give_the_line_and_column_in_its_markup() -> None:
    with pytest.raises(ParseError) as caught:
        parse_html(_BAD_MARKER_PAGE, date=dt.date(2024, 1, 16), strict=True)
    assert (caught.value.lineno, caught.value.colno) == (6, 5)
    assert caught.value.snippet.startswith("UPDATE 2561 GMT")
    assert "line 6, column 5" in str(caught.value)


@pytest.mark.parametrize(
    ("markup", "target", "expected"),
    [
        # the first character of a run, after blanks and a line break
        ("<p>\n   Hello world</p>", "Hello", (2, 4)),
        # inside a run: blanks collapsed, a line break inside it
        ("<div>one   two\n  three</div>", "three", (2, 3)),
        ("<div>one   two\n  three</div>", "two", (1, 12)),
        # a second run after an inline tag
        ("<p>a <b>bold</b> tail</p>", "tail", (1, 18)),
        ("<p>a <b>bold</b> tail</p>", "bold", (1, 9)),
    ],
)
def test_markup_position_of_an_offset_of_the_text(
    markup: str, target: str, expected: tuple[int, int]
) -> None:
    x = extract(markup)
    assert x.markup_position(x.text.index(target)) == expected


TEXT_BLOG = "UPDATE 0900 GMT: Talks end, turnout <40%.\n\nUPDATE 0800 GMT: Talks begin."


@pytest.mark.parametrize("given", [TEXT_BLOG, TEXT_BLOG.encode("utf-8")], ids=["str", "bytes"])
def test_text_without_a_tag_is_read_as_text(given: str | bytes) -> None:
    """Regression: parse_html given plain text (no tag at all) read it as HTML, which runs
    its lines together: the two updates became one entry, the second marker inside the
    first's body. It is read as text, as parse reads it, with a not-html warning."""
    tl = parse_html(given, date=DAY)
    plain = parse(TEXT_BLOG, date=DAY)
    assert tl.entries == plain.entries
    assert len(tl) == 2
    assert tl.origin == "text"
    assert [w.code for w in tl.warnings] == ["not-html", *[w.code for w in plain.warnings]]
    assert tl.encoding == (None if isinstance(given, str) else "utf-8")
    with pytest.raises(ParseError, match="no HTML tag"):
        parse_html(given, date=DAY, strict=True)


def test_one_tag_makes_it_html() -> None:
    """A fragment with a single tag is HTML: no not-html warning."""
    tl = parse_html("<p>" + TEXT_BLOG.replace("\n\n", "</p><p>") + "</p>", date=DAY)
    assert tl.origin == "html"
    assert len(tl) == 2
    assert "not-html" not in [w.code for w in tl.warnings]


def test_a_time_element_with_local_time_written_as_utc_is_not_used() -> None:
    """``4:40 p.m. ET`` with ``datetime="...T16:40:00Z"`` (local time written as UTC):
    the marker's reading stands, with a warning, and the datetime's day still dates a
    page without date=; a datetime the zone confirms is used as before."""
    page = (
        '<article><p><time datetime="2024-11-05T16:40:00Z">4:40 p.m. ET</time></p>'
        "<p>Polls close.</p></article>"
        '<article><p><time datetime="2024-11-05T20:05:13Z">3:05 p.m. ET</time></p>'
        "<p>Turnout is high.</p></article>"
    )
    tl = parse_html(page)
    assert tl.date == dt.date(2024, 11, 5)
    assert [e.published for e in tl.source_order] == [
        dt.datetime(2024, 11, 5, 21, 40, tzinfo=UTC),
        dt.datetime(2024, 11, 5, 20, 5, 13, tzinfo=UTC),
    ]
    assert [w.code for w in tl.warnings] == ["zones-disagree"]


_ATOM = parse("UPDATE 0900 GMT: Talks end.", date=DAY).to_atom(title="Kyiv")


@pytest.mark.parametrize(
    ("markup", "noted"),
    [
        (_ATOM, True),
        ('\ufeff<?xml version="1.0"?>\n<!-- x -->\n<rss version="2.0"><channel/></rss>', True),
        ("<feed>UPDATE 0900 GMT: x</feed>", True),
        ("<p>UPDATE 0900 GMT: the feed</p>", False),
        ("<html><body><feed>UPDATE 0900 GMT: x</feed></body></html>", False),
    ],
)
def test_an_xml_feed_is_flagged(markup: str, noted: bool) -> None:
    """An Atom or RSS feed (liveblog feed --format atom writes one) read as a web page
    with at most a "no entry markers" warning; it now says what it is."""
    tl = parse_html(markup, date=DAY)
    codes = [w.code for w in tl.warnings]
    assert ("xml-feed" in codes) == noted
    if noted:
        assert codes[0] == "xml-feed"
        assert tl.warnings[0].message == (
            "the input is an Atom or RSS feed, not a web page: its text was read as a "
            "page's; liveblog reads feeds as JSON Feed (Timeline.from_json_feed)"
        )
        with pytest.raises(ParseError, match="Atom or RSS feed"):
            parse_html(markup, date=DAY, strict=True)


@pytest.mark.parametrize("dialects", [None, 42, "iterator"])
def test_dialects_that_are_no_sequence_are_rejected(dialects: object) -> None:
    """Regression: dialects=None raised "'NoneType' object is not iterable", which
    names no parameter, from parse and parse_html alike; an iterator of dialects was
    spent by the argument checks, and the text then read with none (no entries)."""
    for read in (parse, parse_html):
        given = iter(DEFAULT_DIALECTS) if dialects == "iterator" else dialects
        with pytest.raises(TypeError) as info:
            read(VISIBLE, dialects=given)  # type: ignore[arg-type]
        assert str(info.value) == f"dialects must be a sequence of dialects, got {given!r}"

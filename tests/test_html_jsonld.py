"""Tests for liveblog.html.jsonld: reading LiveBlogPosting data and its date-times."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from liveblog.html.jsonld import parse_instant, read_live_blogs

UTC = dt.UTC


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2024-01-16T08:31:00Z", dt.datetime(2024, 1, 16, 8, 31, tzinfo=UTC)),
        ("2024-01-16T08:31:00.000Z", dt.datetime(2024, 1, 16, 8, 31, tzinfo=UTC)),
        ("2024-01-16T08:31+0200", dt.datetime(2024, 1, 16, 6, 31, tzinfo=UTC)),
        ("2024-01-16 08:31:05-05:00", dt.datetime(2024, 1, 16, 13, 31, 5, tzinfo=UTC)),
        (" 2024-01-16T08:31:00+01 ", dt.datetime(2024, 1, 16, 7, 31, tzinfo=UTC)),
    ],
)
def test_parse_instant_reads_iso_date_times(text: str, expected: dt.datetime) -> None:
    """Offsets written as Z, +hhmm, +hh:mm and +hh are read; fractions are kept."""
    assert parse_instant(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "2024-01-16", "2024-01-16T08:31", "yesterday", "2024-13-01T00:00Z", "", None, 5,
        "0001-01-01T00:00:00+01:00", "9999-12-31T23:59:59-01:00",
    ],
)  # fmt: skip
def test_parse_instant_refuses_dates_and_naive_times(text: object) -> None:
    """A date alone, no offset, junk, non-strings and the extreme years give None."""
    assert parse_instant(text) is None


def test_parse_instant_reads_naive_times_in_tz() -> None:
    """With tz, a date-time without offset is that zone's wall clock."""
    got = parse_instant("2024-07-01T10:00:00", tz="America/New_York")
    assert got is not None
    assert got.isoformat() == "2024-07-01T10:00:00-04:00"


def _doc(**blog: object) -> str:
    return json.dumps({"@context": "https://schema.org", "@type": "LiveBlogPosting", **blog})


def test_updates_are_read_in_page_order() -> None:
    """Headline, body, date, author and url of each update are read as listed."""
    doc = _doc(
        liveBlogUpdate=[
            {
                "@type": "BlogPosting",
                "headline": " Second ",
                "datePublished": "2024-01-16T09:00:00Z",
                "articleBody": "b",
                "author": {"@type": "Person", "name": "Ann"},
                "url": "https://example.org/#2",
            },
            {"@type": "BlogPosting", "name": "First", "datePublished": "2024-01-16T08:00:00Z",
             "text": "a", "author": ["Bo", {"name": "Cy"}, "Bo"]},
        ]
    )  # fmt: skip
    (blog,) = read_live_blogs([doc])
    first, second = blog.updates
    assert (first.headline, first.body, first.author, first.url) == (
        "Second", "b", "Ann", "https://example.org/#2",
    )  # fmt: skip
    assert (second.headline, second.body, second.author) == ("First", "a", "Bo, Cy")
    assert second.published == dt.datetime(2024, 1, 16, 8, tzinfo=UTC)


def test_graph_lists_and_type_lists_are_searched() -> None:
    """A LiveBlogPosting inside @graph, inside a list, with @type as a list, is found."""
    doc = json.dumps(
        [
            {"@type": "BreadcrumbList"},
            {"@graph": [{"@type": ["NewsArticle", "schema:LiveBlogPosting"],
                         "liveBlogUpdate": {"datePublished": "2024-01-16T08:00:00Z"}}]},
        ]
    )  # fmt: skip
    (blog,) = read_live_blogs([doc])
    assert len(blog.updates) == 1


def test_any_object_with_updates_is_a_live_blog() -> None:
    """A NewsArticle that lists liveBlogUpdate items is read as a live blog."""
    doc = json.dumps(
        {"@type": "NewsArticle", "liveBlogUpdate": [{"datePublished": "2024-01-16T08:00Z"}]}
    )
    (blog,) = read_live_blogs([doc])
    assert len(blog.updates) == 1


def test_coverage_start_headline_and_description_are_read() -> None:
    """The blog's own fields are kept, coverageStartTime both as written and read."""
    doc = _doc(headline="Kyiv", description="War.", coverageStartTime="2024-01-16T07:00Z")
    (blog,) = read_live_blogs([doc])
    assert (blog.headline, blog.description, blog.coverage_start_text) == (
        "Kyiv", "War.", "2024-01-16T07:00Z",
    )  # fmt: skip
    assert blog.coverage_start == dt.datetime(2024, 1, 16, 7, tzinfo=UTC)
    assert blog.updates == ()


def test_html_comment_and_cdata_wrappers_are_removed() -> None:
    """Scripts wrapped in <!-- --> or //<![CDATA[ ]]> are still read."""
    doc = "<!--\n" + _doc(headline="x") + "\n-->"
    cdata = "//<![CDATA[\n" + _doc(headline="y") + "\n//]]>"
    assert [b.headline for b in read_live_blogs([doc, cdata])] == ["x", "y"]


def test_invalid_json_about_a_live_blog_is_reported() -> None:
    """Broken JSON that mentions LiveBlogPosting gives a blog with the problem stated."""
    (blog,) = read_live_blogs(['{"@type": "LiveBlogPosting", }'])
    assert blog.problem == "json-ld is not valid JSON (JSONDecodeError)"


def test_other_invalid_json_is_ignored() -> None:
    """Broken JSON about something else is not a live blog."""
    assert read_live_blogs(['{"@type": "Organization", }']) == ()


def test_loose_blog_postings_make_a_live_blog() -> None:
    """Two or more dated BlogPosting objects without a LiveBlogPosting are read as one."""
    posts = [
        {"@type": "BlogPosting", "datePublished": f"2024-01-16T0{h}:00Z", "articleBody": str(h)}
        for h in (9, 8)
    ]
    (blog,) = read_live_blogs([json.dumps(posts)])
    assert [u.body for u in blog.updates] == ["9", "8"]


def test_a_single_news_article_is_not_a_live_blog() -> None:
    """An ordinary article's JSON-LD gives nothing."""
    doc = json.dumps({"@type": "NewsArticle", "datePublished": "2024-01-16T08:00Z"})
    assert read_live_blogs([doc]) == ()


def test_deeply_nested_json_does_not_overflow() -> None:
    """Deep nesting is cut off instead of exhausting the stack."""
    deep = "[" * 5000 + "]" * 5000
    assert read_live_blogs([deep]) == ()

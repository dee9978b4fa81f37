"""Tests for liveblog.feeds.jsonld: schema.org LiveBlogPosting data."""

from __future__ import annotations

import datetime as dt
import json

import attrs
import pytest
from hypothesis import given

from liveblog import Entry, Source, Span, Timeline
from liveblog.feeds import to_json_ld
from liveblog.feeds._markup import plain_text
from tests.test_feeds_strategies import seed_timeline, timelines


def test_seed_live_blog_posting() -> None:
    """The seed becomes a LiveBlogPosting whose updates are BlogPostings, newest first."""
    doc = to_json_ld(seed_timeline(), title="Ukraine War", url="https://ea.example/live")
    assert {k: v for k, v in doc.items() if k != "liveBlogUpdate"} == {
        "@context": "https://schema.org",
        "@type": "LiveBlogPosting",
        "@id": "https://ea.example/live",
        "url": "https://ea.example/live",
        "headline": "Ukraine War",
        "description": "Map: Institute for the Study of War",
        "coverageStartTime": "2024-01-22T07:20:00+00:00",
        "datePublished": "2024-01-22T07:20:00+00:00",
        "dateModified": "2024-01-22T15:48:00+00:00",
    }
    updates = doc["liveBlogUpdate"]
    assert [u["headline"] for u in updates] == [
        "UPDATE 1548 GMT",
        "UPDATE 0831 GMT",
        "UPDATE 0720 GMT",
        "ORIGINAL ENTRY",
    ]
    assert updates[0] == {
        "@type": "BlogPosting",
        "identifier": "7c4c361103020b96",
        "headline": "UPDATE 1548 GMT",
        "datePublished": "2024-01-22T15:48:00+00:00",
        "articleBody": "Zelenskiy: “very productive talks”.",
    }
    assert "datePublished" not in updates[3]


def test_coverage_end_only_when_ended() -> None:
    """coverageEndTime is the newest update's time, written only when the blog has ended."""
    assert "coverageEndTime" not in to_json_ld(seed_timeline())
    doc = to_json_ld(seed_timeline(), ended=True)
    assert doc["coverageEndTime"] == "2024-01-22T15:48:00+00:00"


def test_now_stands_in_when_no_entry_has_a_time() -> None:
    """Without timed entries, now gives dateModified and (if ended) coverageEndTime."""
    tl = Timeline([Entry(id="a", marker="", body="Text.", span=Span(0, 5))])
    assert "dateModified" not in to_json_ld(tl, ended=True)
    now = dt.datetime(2024, 1, 22, 20, tzinfo=dt.UTC)
    doc = to_json_ld(tl, now=now, ended=True)
    assert (doc["dateModified"], doc["coverageEndTime"]) == ("2024-01-22T20:00:00+00:00",) * 2
    assert "coverageStartTime" not in doc
    assert to_json_ld(seed_timeline(), now=now)["dateModified"] == "2024-01-22T15:48:00+00:00"


@pytest.mark.parametrize("now", ["2024-01-22T15:48:00Z", dt.date(2024, 1, 22)])
def test_now_that_is_no_datetime_is_a_type_error(now: object) -> None:
    """Regression: a str or a date for now raised AttributeError (no utcoffset)."""
    with pytest.raises(TypeError, match=r"^now must be a timezone-aware datetime, got"):
        to_json_ld(seed_timeline(), now=now)  # type: ignore[arg-type]


def test_naive_now_is_rejected() -> None:
    """A naive now raises ValueError naming the parameter."""
    with pytest.raises(ValueError, match=r"^now must be timezone-aware, got datetime"):
        to_json_ld(Timeline([]), now=dt.datetime(2024, 1, 22))  # noqa: DTZ001


def test_update_headlines_and_authors() -> None:
    """Headline falls back from headline to marker to the start of the text to the id."""
    long_body = "word " * 40
    tl = Timeline(
        [
            Entry(
                id="a", marker="UPDATE", body="x", span=Span(0, 1), headline="Talks", author="Lu"
            ),
            Entry(id="b", marker="", body=long_body, span=Span(0, 1)),
            Entry(id="c", marker="  ", body="", span=Span(0, 1)),
        ],
        source=Source(name="ea", url="https://s.example/"),
    )
    doc = to_json_ld(tl)
    assert doc["url"] == "https://s.example/"
    assert doc["headline"] == "ea"
    headlines = {u["identifier"]: u["headline"] for u in doc["liveBlogUpdate"]}
    assert headlines["a"] == "Talks"
    assert headlines["b"] == ("word " * 16).strip()[:79] + "…"
    assert len(headlines["b"]) == 80
    assert headlines["c"] == "Update c"
    first = doc["liveBlogUpdate"][-1]
    assert first["author"] == {"@type": "Person", "name": "Lu"}


def test_timeline_to_json_ld_delegates() -> None:
    """Timeline.to_json_ld is liveblog.feeds.to_json_ld."""
    tl = seed_timeline()
    assert tl.to_json_ld(title="T", ended=True) == to_json_ld(tl, title="T", ended=True)


@given(timelines())
def test_json_ld_invariants(tl: Timeline) -> None:
    """Every entry is one update with headline and body (without markup); times are
    the entries' own."""
    doc = to_json_ld(tl, ended=True)
    assert json.loads(json.dumps(doc)) == doc
    updates = doc["liveBlogUpdate"]
    assert [u["identifier"] for u in updates] == [e.id for e in reversed(tl.entries)]
    for update, entry in zip(updates, reversed(tl.entries), strict=True):
        assert update["headline"]
        assert update["articleBody"] == plain_text(entry.body)
        if entry.published is not None:
            assert dt.datetime.fromisoformat(update["datePublished"]) == entry.published
    times = [e.published for e in tl if e.published is not None]
    if times:
        assert dt.datetime.fromisoformat(doc["coverageStartTime"]) == min(times)
        assert dt.datetime.fromisoformat(doc["coverageEndTime"]) == max(times)


def test_untimed_blog_has_no_coverage_times() -> None:
    """A blog without any time has neither coverage time, ended or not."""
    tl = attrs.evolve(seed_timeline(), entries=seed_timeline().entries[:1])
    doc = to_json_ld(tl, ended=True)
    assert not {"coverageStartTime", "coverageEndTime", "dateModified"} & doc.keys()


def test_identifiers_are_unique_and_language_is_in_language() -> None:
    """Updates that share an entry id get distinct identifiers; the language is
    ``inLanguage``."""
    when = dt.datetime(2024, 1, 22, 9, 0, tzinfo=dt.UTC)
    tl = Timeline(
        [
            Entry(id="a", marker="", body="Older.", span=Span(0, 1), published=when),
            Entry(id="a", marker="", body="Newer.", span=Span(1, 2), published=when),
        ]
    )
    doc = to_json_ld(tl, language="uk")
    assert [u["identifier"] for u in doc["liveBlogUpdate"]] == ["a~2", "a"]
    assert doc["inLanguage"] == "uk"
    assert "inLanguage" not in to_json_ld(tl)

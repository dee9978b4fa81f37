"""Tests for liveblog.feeds.jsonfeed: JSON Feed 1.1 out, any JSON Feed back in."""

from __future__ import annotations

import datetime as dt
import inspect
import json
import pickle
import re
from pathlib import Path
from typing import Any

import attrs
import jsonfeed  # type: ignore[import-untyped]
import jsonschema  # type: ignore[import-untyped]
import pytest
from hypothesis import example, given
from hypothesis import strategies as st

import liveblog.feeds
from liveblog import Entry, FeedError, Mention, Provenance, Source, Span, Timeline
from liveblog.feeds import dumps_json_feed, from_json_feed, to_atom, to_json_feed
from tests.test_feeds_strategies import seed_timeline, timelines

SCHEMA = json.loads((Path(__file__).parent / "jsonfeed-1.1.schema.json").read_text("utf-8"))
VALIDATOR = jsonschema.Draft202012Validator(SCHEMA)
V11 = "https://jsonfeed.org/version/1.1"


def _json(feed: dict[str, Any]) -> dict[str, Any]:
    """The feed as a consumer sees it: after JSON text and back."""
    loaded: dict[str, Any] = json.loads(json.dumps(feed))
    return loaded


def _entry(entry_id: str = "e1", **changes: Any) -> Entry:
    fields: dict[str, Any] = {"marker": "UPDATE 0900 GMT", "body": "Body.", "span": Span(0, 20)}
    return Entry(id=entry_id, **{**fields, **changes})


# --- writing -------------------------------------------------------------------------


def test_seed_feed_lists_items_newest_first() -> None:
    """Items run newest first with RFC 3339 dates and the entries' ids and text."""
    feed = to_json_feed(seed_timeline())
    assert feed["version"] == V11
    assert feed["title"] == "Live blog"
    assert [(i["id"], i.get("date_published")) for i in feed["items"]] == [
        ("7c4c361103020b96", "2024-01-22T15:48:00+00:00"),
        ("8dc0a0cde8c5e98b", "2024-01-22T08:31:00+00:00"),
        ("19083d3747e5508b", "2024-01-22T07:20:00+00:00"),
        ("06f292e9a4acbf58", None),
    ]
    assert feed["items"][1]["content_text"] == "Air defenses downed all 8 drones."


def test_untimed_entry_has_no_date_and_keeps_its_place() -> None:
    """An entry without a time gets no date_published and stays between its neighbours."""
    tl = seed_timeline()
    middle = attrs.evolve(tl.entries[2], published=None)
    tl = attrs.evolve(tl, entries=(tl.entries[0], tl.entries[1], middle, tl.entries[3]))
    items = to_json_feed(tl)["items"]
    assert [i["id"] for i in items] == [e.id for e in reversed(tl.entries)]
    assert "date_published" not in items[1]
    assert from_json_feed(_json(to_json_feed(tl))) == tl


@pytest.mark.parametrize(
    ("source", "title", "expected"),
    [
        (None, None, "Live blog"),
        (Source(name="eaworldview"), None, "eaworldview"),
        (Source(name="eaworldview", title="EA WorldView"), None, "EA WorldView"),
        (Source(name="eaworldview", title="EA WorldView"), "Ukraine", "Ukraine"),
    ],
)
def test_feed_title_defaults(source: Source | None, title: str | None, expected: str) -> None:
    """The title is the caller's, else the source's title, else its name, else 'Live blog'."""
    tl = Timeline([], source=source)
    assert to_json_feed(tl, title=title)["title"] == expected


def test_urls_come_from_arguments_then_source() -> None:
    """home_page_url defaults to the source's URL; feed_url is written only when given."""
    tl = Timeline([], source=Source(name="ea", url="https://example.org/live"))
    feed = to_json_feed(tl)
    assert feed["home_page_url"] == "https://example.org/live"
    assert "feed_url" not in feed
    feed = to_json_feed(tl, home_page_url="https://a.example/", feed_url="https://a.example/f")
    assert (feed["home_page_url"], feed["feed_url"]) == (
        "https://a.example/",
        "https://a.example/f",
    )


def test_headline_and_author_use_standard_keys() -> None:
    """A headline becomes the item title and an author the item's authors list."""
    tl = Timeline([_entry(headline="Talks end", author="Scott Lucas")])
    item = to_json_feed(tl)["items"][0]
    assert item["title"] == "Talks end"
    assert item["authors"] == [{"name": "Scott Lucas"}]
    assert "headline" not in item["_liveblog"]
    assert "author" not in item["_liveblog"]
    assert "title" not in to_json_feed(Timeline([_entry()]))["items"][0]


def test_content_html_only_when_asked() -> None:
    """content_html is written on request: the entry's HTML, else escaped paragraphs."""
    tl = Timeline([_entry("a", body="A < B\n\nC & D"), _entry("b", html="<p>own</p>")])
    assert all("content_html" not in i for i in to_json_feed(tl)["items"])
    items = {i["id"]: i for i in to_json_feed(tl, content_html=True)["items"]}
    assert items["a"]["content_html"] == "<p>A &lt; B</p>\n<p>C &amp; D</p>"
    assert items["b"]["content_html"] == "<p>own</p>"
    assert from_json_feed(_json(to_json_feed(tl, content_html=True))) == tl


def test_extension_objects_carry_marker_span_and_mentions() -> None:
    """liveblog's data sits in _liveblog objects: marker, span and resolved mentions."""
    start = dt.datetime(2024, 1, 15, tzinfo=dt.UTC)
    mention = Mention(
        text="last week",
        span=Span(30, 39),
        type="DATE",
        value="2024-W03",
        start=start,
        end=start + dt.timedelta(days=7),
        granularity="week",
    )
    feed = to_json_feed(Timeline([_entry(mentions=(mention,))], date=dt.date(2024, 1, 22)))
    assert feed["_liveblog"]["date"] == "2024-01-22"
    extension = feed["items"][0]["_liveblog"]
    assert (extension["marker"], extension["span"]) == ("UPDATE 0900 GMT", [0, 20])
    assert extension["mentions"][0]["value"] == "2024-W03"
    assert extension["mentions"][0]["start"] == "2024-01-15T00:00:00+00:00"


def test_offsets_are_kept_and_second_offsets_become_utc() -> None:
    """date_published keeps the entry's offset; an offset with seconds is written in UTC."""
    paris = dt.datetime(2024, 1, 22, 16, 48, tzinfo=dt.timezone(dt.timedelta(hours=1)))
    odd = dt.datetime(2024, 1, 22, 16, 48, tzinfo=dt.timezone(dt.timedelta(seconds=3630)))
    tl = Timeline([_entry("a", published=paris), _entry("b", published=odd)])
    dates = {i["id"]: i["date_published"] for i in to_json_feed(tl)["items"]}
    assert dates == {"a": "2024-01-22T16:48:00+01:00", "b": "2024-01-22T15:47:30+00:00"}


@given(
    st.datetimes(
        timezones=st.timedeltas(-dt.timedelta(hours=23, minutes=59), dt.timedelta(hours=23)).map(
            dt.timezone
        )
    )
)
@example(dt.datetime(1, 1, 1, 3, tzinfo=dt.timezone(dt.timedelta(hours=5, minutes=41, seconds=16))))
def test_any_instant_is_written_as_rfc3339(when: dt.datetime) -> None:
    """Any aware datetime, offsets with seconds and the calendar's ends included, is
    written as an RFC 3339 date_published that reads back as the same instant.
    Regression: 0001-01-01T03:00+05:41:16 (Kathmandu's local mean time, as parse gives
    for date=0001-01-01, tz='Asia/Kathmandu') is in year 0 in UTC: OverflowError."""
    tl = Timeline([_entry("a", published=when)])
    feed = _json(to_json_feed(tl))
    VALIDATOR.validate(feed)
    assert dt.datetime.fromisoformat(feed["items"][0]["date_published"]) == when
    assert from_json_feed(feed) == tl


def test_dumps_json_feed_keeps_text_readable() -> None:
    """dumps_json_feed writes non-ASCII text as is and loads back to the same feed."""
    feed = to_json_feed(seed_timeline())
    text = dumps_json_feed(feed)
    assert "“very productive talks”" in text
    assert text.endswith("}\n")
    assert json.loads(text) == feed


def test_timeline_methods_delegate() -> None:
    """Timeline.to_json_feed and Timeline.from_json_feed are the feeds functions."""
    tl = seed_timeline()
    feed = tl.to_json_feed(title="T", home_page_url="https://h.example/", content_html=True)
    assert feed == to_json_feed(
        tl, title="T", home_page_url="https://h.example/", content_html=True
    )
    assert Timeline.from_json_feed(feed) == tl


@pytest.mark.parametrize("name", ["to_json_feed", "to_atom", "to_json_ld"])
def test_timeline_methods_take_the_writers_keywords(name: str) -> None:
    """Each ``Timeline.to_*`` method takes exactly the keywords of the feeds function it
    calls, with the same defaults: a keyword added to a writer cannot be left out of
    the method."""
    method = inspect.signature(getattr(Timeline, name)).parameters
    function = inspect.signature(getattr(liveblog.feeds, name)).parameters
    assert [(p.name, p.default) for p in list(method.values())[1:]] == [
        (p.name, p.default) for p in list(function.values())[1:]
    ]


def test_timeline_to_atom_takes_modified() -> None:
    """``Timeline.to_atom(modified=...)`` marks a corrected entry updated, as
    :func:`liveblog.feeds.to_atom` does."""
    tl = seed_timeline()
    first = next(e for e in tl.entries if e.published is not None)
    assert first.published is not None
    later = {first.id: first.published + dt.timedelta(days=1)}
    document = tl.to_atom(modified=later)
    assert document == to_atom(tl, modified=later)
    assert document != tl.to_atom()


# --- real consumers ------------------------------------------------------------------


def test_seed_feed_matches_strict_schema() -> None:
    """The seed feed, with and without HTML, validates against the strict 1.1 schema."""
    for content_html in (False, True):
        VALIDATOR.validate(_json(to_json_feed(seed_timeline(), content_html=content_html)))


@pytest.mark.parametrize(
    ("change", "where"),
    [
        (lambda f: f.update(colour="red"), "additional"),
        (lambda f: f["items"][0].update(body="x"), "additional"),
        (lambda f: f["items"][0].update(_1bad={}), "additional"),
        (lambda f: f["items"][0].update(_liveblog="flat"), "object"),
        (lambda f: f["items"][0].update(date_published="2024-01-22 15:48"), "match"),
        (lambda f: f["items"][0].pop("content_text"), "valid"),
        (lambda f: f.update(version="https://jsonfeed.org/version/1"), "was expected"),
    ],
)
def test_schema_rejects_what_the_spec_forbids(change: Any, where: str) -> None:
    """The strict schema rejects unknown keys, bad extension names and bad dates."""
    feed = _json(to_json_feed(seed_timeline()))
    change(feed)
    with pytest.raises(jsonschema.ValidationError, match=where):
        VALIDATOR.validate(feed)


def test_jsonfeed_util_reads_the_seed_feed() -> None:
    """jsonfeed-util reads title, item count, ids, dates and text of the seed feed."""
    tl = seed_timeline()
    parsed = jsonfeed.Feed.parse_string(dumps_json_feed(to_json_feed(tl, title="EA")))
    assert parsed.title == "EA"
    assert len(parsed.items) == 4
    newest = list(reversed(tl.entries))
    assert [i.id for i in parsed.items] == [e.id for e in newest]
    assert [i.content_text for i in parsed.items] == [e.body for e in newest]
    assert [i.date_published for i in parsed.items] == [
        "2024-01-22T15:48:00+00:00",
        "2024-01-22T08:31:00+00:00",
        "2024-01-22T07:20:00+00:00",
        None,
    ]


@given(timelines(), st.booleans())
def test_round_trip_gives_an_equal_timeline(tl: Timeline, content_html: bool) -> None:
    """from_json_feed(to_json_feed(tl)) equals tl, through JSON text."""
    text = dumps_json_feed(to_json_feed(tl, content_html=content_html))
    assert from_json_feed(json.loads(text)) == tl


@given(timelines())
def test_export_invariants(tl: Timeline) -> None:
    """Ids are unique, dates parse back to the entries' instants, and consumers accept it."""
    feed = to_json_feed(tl)
    assert _json(feed) == feed
    VALIDATOR.validate(feed)
    ids = [item["id"] for item in feed["items"]]
    assert len(set(ids)) == len(ids) == len(tl)
    by_id = {e.id: e for e in tl}
    for item in feed["items"]:
        published = by_id[item["id"]].published
        if published is None:
            assert "date_published" not in item
        else:
            assert dt.datetime.fromisoformat(item["date_published"]) == published
    parsed = jsonfeed.Feed.parse(feed)
    assert [i.id for i in parsed.items] == ids


# --- reading foreign feeds -----------------------------------------------------------

FOREIGN = {
    "version": "https://jsonfeed.org/version/1",
    "title": "Kyiv live",
    "home_page_url": "https://news.example/kyiv",
    "icon": "https://news.example/icon.png",
    "_other": {"about": "https://other.example/"},
    "items": [
        {
            "id": 3,
            "content_html": "<p>Air raid <b>alert</b> over.</p><p>All clear &amp; calm.</p>",
            "date_published": "2024-01-22T09:00:00Z",
            "author": {"name": "Olena"},
            "tags": ["ukraine"],
        },
        {"id": "2", "summary": "Talks begin.", "date_published": "2024-01-22T10:00:00+02:00"},
        {"id": "1", "title": "Overnight", "content_text": "Drones downed."},
    ],
}


def test_foreign_feed_is_read_oldest_first() -> None:
    """A feed liveblog did not write is read: ids coerced, text from HTML, timed order."""
    tl = from_json_feed(FOREIGN)
    assert tl.origin == "json-feed"
    assert tl.source == Source(name="Kyiv live", url="https://news.example/kyiv", title="Kyiv live")
    assert [(e.id, e.body) for e in tl] == [
        ("1", "Drones downed."),
        ("2", "Talks begin."),
        ("3", "Air raid alert over.\n\nAll clear & calm."),
    ]
    first, second, third = tl.entries
    assert (first.published, first.headline) == (None, "Overnight")
    assert second.published == dt.datetime(2024, 1, 22, 8, 0, tzinfo=dt.UTC)
    assert (second.zone, third.zone) == ("UTC+02:00", "UTC")
    assert third.author == "Olena"
    assert third.html == FOREIGN["items"][0]["content_html"]  # type: ignore[index]
    assert tl.warnings == ()


def test_foreign_timed_items_are_sorted_untimed_stay() -> None:
    """Timed items of a foreign feed are put in time order; untimed ones keep their slot."""
    feed = {
        "version": V11,
        "title": "t",
        "items": [
            {"id": "a", "content_text": "a", "date_published": "2024-01-22T08:00:00Z"},
            {"id": "u", "content_text": "u"},
            {"id": "b", "content_text": "b", "date_published": "2024-01-22T09:00:00Z"},
        ],
    }
    assert [e.id for e in from_json_feed(feed)] == ["a", "u", "b"]


def test_wrong_types_are_dropped_with_warnings() -> None:
    """Fields of the wrong type are ignored and reported as warnings, not raised."""
    feed = {
        "version": V11,
        "title": 5,
        "items": [
            {"id": None, "content_text": ["x"], "date_published": "yesterday", "authors": "me"},
            {"id": True, "content_text": "ok", "date_published": "2024-01-22T09:00:00"},
        ],
    }
    tl = from_json_feed(feed)
    assert [e.body for e in tl] == ["ok", ""]
    assert [w.message for w in tl.warnings] == [
        "ignored title that is not a string at /title",
        "made up an id for an item without a usable one at /items/0/id",
        "ignored content_text that is not a string at /items/0/content_text",
        "ignored date_published that is not RFC 3339 at /items/0/date_published",
        "ignored authors that is not an array at /items/0/authors",
        "made up an id for an item without a usable one at /items/1/id",
        "ignored date_published that is not RFC 3339 at /items/1/date_published",
    ]
    assert [w.snippet for w in tl.warnings][:3] == ["5", "None", "['x']"]
    assert len({e.id for e in tl}) == 2


JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=10),
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3)
    ),
    max_leaves=8,
)
ITEM_KEYS = st.sampled_from(
    [
        "id",
        "title",
        "content_text",
        "content_html",
        "summary",
        "date_published",
        "authors",
        "author",
        "_liveblog",
        "url",
        "tags",
    ]
)


@given(
    st.lists(st.dictionaries(ITEM_KEYS, JSON_VALUES, max_size=6), max_size=4),
    st.dictionaries(st.sampled_from(["title", "home_page_url", "_liveblog"]), JSON_VALUES),
)
def test_reading_any_json_feed_is_total(items: list[dict[str, Any]], extra: dict[str, Any]) -> None:
    """Any shape of items gives a Timeline or a FeedError, never another exception."""
    result: Timeline | FeedError
    try:
        result = from_json_feed({"version": V11, "items": items, **extra})
    except FeedError as err:
        result = err
    if isinstance(result, FeedError):
        assert result.path.startswith(("/items/", "/_liveblog"))
    else:
        assert all(isinstance(e, Entry) for e in result)


# --- errors --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("data", "message", "path"),
    [
        ([], "not a JSON Feed: expected an object, got list", ""),
        ({"title": "t", "items": []}, "not a JSON Feed: missing version", "/version"),
        ({"version": "2", "items": []}, "not a JSON Feed: unknown version '2'", "/version"),
        ({"version": V11, "title": "t"}, "not a JSON Feed: missing items", "/items"),
        ({"version": V11, "items": {}}, "items must be an array, got dict", "/items"),
        (
            {"version": V11, "items": [{"id": "1"}, 7]},
            "item must be an object, got int",
            "/items/1",
        ),
    ],
)
def test_not_a_json_feed(data: Any, message: str, path: str) -> None:
    """Data that is not a JSON Feed raises FeedError with the message and the path."""
    with pytest.raises(FeedError) as info:
        from_json_feed(data)
    assert (info.value.msg, info.value.path) == (message, path)
    assert str(info.value) == (f"{message} at {path}" if path else message)


def test_damaged_extension_names_its_path() -> None:
    """A damaged _liveblog object raises FeedError pointing at it, and the error pickles."""
    feed = _json(to_json_feed(seed_timeline()))
    del feed["items"][2]["_liveblog"]["marker"]
    with pytest.raises(FeedError) as info:
        from_json_feed(feed)
    assert str(info.value) == (
        "invalid _liveblog extension: missing key 'marker' at /items/2/_liveblog/marker"
    )
    copy = pickle.loads(pickle.dumps(info.value))
    assert (copy.msg, copy.path) == (info.value.msg, info.value.path)
    feed = _json(to_json_feed(seed_timeline()))
    feed["_liveblog"]["order"] = "sideways"
    with pytest.raises(FeedError, match=r"must be one of .* at /_liveblog/order$"):
        from_json_feed(feed)


MENTION = {"text": "Monday", "span": [0, 6], "type": "DATE", "value": "2024-01-22"}
SCORE = {"name": "update", "candidates": 3, "accepted": 3, "monotonic": 1.0, "score": 3.0}


@pytest.mark.parametrize(
    ("change", "path"),
    [
        (lambda f: f["items"][0]["_liveblog"].update(marker=5), "/items/0/_liveblog/marker"),
        (
            lambda f: f["items"][1]["_liveblog"].update(dialect=["update"]),
            "/items/1/_liveblog/dialect",
        ),
        (lambda f: f["items"][0]["_liveblog"].update(zone={}), "/items/0/_liveblog/zone"),
        (lambda f: f["items"][0]["_liveblog"].update(ordinal="0"), "/items/0/_liveblog/ordinal"),
        (
            lambda f: f["items"][0]["_liveblog"].update(mentions=[{**MENTION, "text": 1}]),
            "/items/0/_liveblog/mentions/0/text",
        ),
        (
            lambda f: f["items"][2]["_liveblog"]["sources"][0].update(id=[]),
            "/items/2/_liveblog/sources/0/id",
        ),
        (
            lambda f: f["_liveblog"]["dialect"].update(names=[["update"]]),
            "/_liveblog/dialect/names/0",
        ),
        (
            lambda f: f["_liveblog"]["dialect"].update(evidence=[{**SCORE, "score": "1"}]),
            "/_liveblog/dialect/evidence/0/score",
        ),
        (lambda f: f["_liveblog"]["source"].update(name=1), "/_liveblog/source/name"),
        (lambda f: f["_liveblog"]["preamble"].update(text=None), "/_liveblog/preamble/text"),
        (lambda f: f["_liveblog"].update(tz=0), "/_liveblog/tz"),
    ],
)
def test_extension_values_of_the_wrong_type_are_feed_errors(change: Any, path: str) -> None:
    """Regression: the extension's texts and numbers were taken whatever their JSON type,
    and the timeline failed later (merge: unhashable list, to_atom: TypeError). The
    error's path names the value itself."""
    tl = seed_timeline()
    feed = _json(
        to_json_feed(
            attrs.evolve(
                tl,
                source=Source("ea"),
                entries=[attrs.evolve(e, sources=(Provenance(Source("ea"), e.id),)) for e in tl],
            )
        )
    )
    from_json_feed(feed)
    change(feed)
    with pytest.raises(FeedError, match=r"^invalid _liveblog extension: ") as info:
        from_json_feed(feed)
    assert info.value.path == path


def test_feeds_namespace_is_pinned() -> None:
    """liveblog.feeds exports exactly the documented names."""
    import liveblog.feeds

    assert liveblog.feeds.__all__ == [
        "FeedChanges",
        "SnapshotChanges",
        "changes",
        "dumps_json_feed",
        "dumps_json_ld",
        "from_json_feed",
        "to_atom",
        "to_json_feed",
        "to_json_ld",
        "update_feed",
    ]


def test_infinite_span_in_extension_is_a_feed_error() -> None:
    """Regression: a span of 1e400 (json reads it as inf) raises FeedError, not OverflowError."""
    text = dumps_json_feed(to_json_feed(seed_timeline())).replace("[\n          0,", "[1e400,", 1)
    feed = json.loads(text)
    with pytest.raises(
        FeedError, match=r"^invalid _liveblog extension: .* at /items/0/_liveblog/span/0$"
    ):
        from_json_feed(feed)


def test_a_repeated_item_id_is_renamed_with_a_warning() -> None:
    """Two items of one feed with one id (a feed that published an update twice) stay two
    entries; the later one gets a fresh id that no item has, so ids stay unique and the
    feed written back is valid."""
    feed = {
        "version": V11,
        "title": "t",
        "items": [
            {"id": "a", "content_text": "newer", "date_published": "2024-01-22T09:00:00Z"},
            {"id": "a", "content_text": "older", "date_published": "2024-01-22T08:00:00Z"},
            {"id": "a~2", "content_text": "taken", "date_published": "2024-01-22T07:00:00Z"},
        ],
    }
    tl = from_json_feed(feed)
    assert [(e.id, e.body) for e in tl] == [("a~2", "taken"), ("a~3", "older"), ("a", "newer")]
    assert [(w.code, w.message, w.snippet) for w in tl.warnings] == [
        (
            "feed-item-id",
            "renamed the id of an item that repeats an earlier one's to 'a~3' at /items/1/id",
            "'a'",
        )
    ]
    again = tl.to_json_feed()
    assert len({item["id"] for item in again["items"]}) == 3
    assert [e.id for e in from_json_feed(again)] == ["a~2", "a~3", "a"]


# --- the spec, audited ---------------------------------------------------------------


def _twice() -> Timeline:
    """A timeline built by hand whose two entries share an id."""
    when = dt.datetime(2024, 1, 22, 9, 0, tzinfo=dt.UTC)
    return Timeline(
        [
            _entry("a", body="Older.", published=when),
            _entry("a", body="Newer.", published=when + dt.timedelta(hours=1)),
        ]
    )


def test_repeated_entry_ids_are_made_unique() -> None:
    """Item ids must be unique: the newer entry's repeat becomes ``a~2``."""
    feed = to_json_feed(_twice())
    assert [(i["id"], i["content_text"]) for i in feed["items"]] == [
        ("a~2", "Newer."),
        ("a", "Older."),
    ]
    VALIDATOR.validate(_json(feed))
    assert [e.id for e in from_json_feed(_json(feed))] == ["a", "a~2"]


def test_dumps_json_feed_escapes_lone_surrogates() -> None:
    """A lone surrogate (no UTF-8) is written as a JSON escape and reads back."""
    tl = Timeline([_entry(body="Bad byte \udc80 here.")])
    text = dumps_json_feed(to_json_feed(tl))
    assert "\\udc80" in text
    text.encode("utf-8")  # raised UnicodeEncodeError before
    assert from_json_feed(json.loads(text)) == tl


def test_language_is_written_when_given() -> None:
    """JSON Feed 1.1's ``language`` carries the caller's language tag."""
    feed = to_json_feed(Timeline([_entry()]), language="fr-CA")
    assert feed["language"] == "fr-CA"
    VALIDATOR.validate(_json(feed))
    assert "language" not in to_json_feed(Timeline([_entry()]))


_NO_TAG = "language must be a language tag such as 'en' or 'fr-CA'"


@pytest.mark.parametrize(
    ("language", "error", "message"),
    [
        (
            "fr_CA",
            ValueError,
            "language must be a language tag such as 'en' or 'fr-CA', got 'fr_CA'",
        ),
        ("", ValueError, "language must be a language tag such as 'en' or 'fr-CA', got ''"),
        (5, TypeError, "language must be a string, got 5"),
    ],
)
def test_bad_language_is_rejected(language: Any, error: type[Exception], message: str) -> None:
    """A language that is no language tag is refused, naming what was given."""
    with pytest.raises(error) as raised:
        to_json_feed(Timeline([]), language=language)
    assert str(raised.value) == message


def test_timeline_methods_take_the_language() -> None:
    """``Timeline.to_json_feed``, ``to_atom`` and ``to_json_ld`` pass ``language`` to the
    writers, which check it as for the functions."""
    tl = Timeline([_entry()])
    assert tl.to_json_feed(language="fr-CA") == to_json_feed(tl, language="fr-CA")
    assert tl.to_atom(language="fr-CA") == to_atom(tl, language="fr-CA")
    assert 'xml:lang="fr-CA"' in tl.to_atom(language="fr-CA")
    assert tl.to_json_ld(language="fr-CA")["inLanguage"] == "fr-CA"
    for write in (tl.to_json_feed, tl.to_atom, tl.to_json_ld):
        with pytest.raises(ValueError, match=re.escape(_NO_TAG)) as raised:
            write(language="fr_CA")
        assert str(raised.value) == f"{_NO_TAG}, got 'fr_CA'"


@pytest.mark.parametrize("title", ["", "  ", "\n"])
def test_blank_title_falls_back(title: str) -> None:
    """A blank title (the caller's or the source's) says nothing: the next one is used."""
    assert to_json_feed(Timeline([]), title=title)["title"] == "Live blog"
    tl = Timeline([], source=Source(name="kyiv", title=title))
    assert to_json_feed(tl)["title"] == "kyiv"


@pytest.mark.parametrize(
    ("write", "argument"),
    [
        (to_json_feed, "title"),
        (to_json_feed, "home_page_url"),
        (to_json_feed, "feed_url"),
        (to_atom, "title"),
        (to_atom, "home_page_url"),
        (to_atom, "feed_url"),
        (liveblog.feeds.to_json_ld, "title"),
        (liveblog.feeds.to_json_ld, "url"),
    ],
)
def test_feed_texts_of_the_wrong_type_are_rejected(write: Any, argument: str) -> None:
    """Regression: title=5 raised AttributeError ('int' object has no attribute 'strip'),
    and feed_url=5 went into the feed as a number; a TypeError now names the argument."""
    tl = Timeline([_entry()])
    with pytest.raises(TypeError) as raised:
        write(tl, **{argument: 5})
    assert str(raised.value) == f"{argument} must be a str or None, got 5"


@pytest.mark.parametrize("write", [to_json_feed, to_atom, liveblog.feeds.to_json_ld])
def test_feed_of_no_timeline_is_rejected(write: Any) -> None:
    """Regression: a feed writer given a timeline's dict (tl.to_dict()) raised
    AttributeError ('dict' object has no attribute 'source')."""
    with pytest.raises(TypeError) as raised:
        write(Timeline([_entry()]).to_dict())
    assert str(raised.value) == "tl must be a Timeline, got dict (Timeline.from_dict reads one)"

"""Tests for liveblog.feeds.atom: Atom 1.0 documents that feedparser reads."""

from __future__ import annotations

import calendar
import datetime as dt
import json
import xml.etree.ElementTree as ET
from typing import Any

import attrs
import feedparser  # type: ignore[import-untyped]
import pytest
from hypothesis import given

from liveblog import Entry, Source, Span, Timeline, parse
from liveblog.feeds import dumps_json_feed, from_json_feed, to_atom, to_json_feed
from liveblog.feeds.atom import ATOM_NAMESPACE, LIVEBLOG_NAMESPACE, atom_id
from tests.test_feeds_strategies import seed_timeline, timelines

A = f"{{{ATOM_NAMESPACE}}}"
LB = f"{{{LIVEBLOG_NAMESPACE}}}"


def _read(xml: str) -> Any:
    parsed = feedparser.parse(xml)
    assert not parsed.bozo, parsed.get("bozo_exception")
    return parsed


def _instant(struct: Any) -> dt.datetime:
    return dt.datetime.fromtimestamp(calendar.timegm(struct), tz=dt.UTC)


def test_feedparser_reads_the_seed_feed() -> None:
    """feedparser reads title, entry count, ids, dates and text of the seed feed."""
    tl = seed_timeline()
    parsed = _read(to_atom(tl, title="EA WorldView", home_page_url="https://ea.example/live"))
    assert parsed.version == "atom10"
    assert parsed.feed.title == "EA WorldView"
    assert parsed.feed.link == "https://ea.example/live"
    newest = list(reversed(tl.entries))
    assert len(parsed.entries) == 4
    assert [e.id for e in parsed.entries] == [
        atom_id("https://ea.example/live", e.id) for e in newest
    ]
    assert [e.lb_id for e in parsed.entries] == [e.id for e in newest]
    assert [e.title for e in parsed.entries] == [e.marker for e in newest]
    assert [e.content[0].value for e in parsed.entries] == [e.body for e in newest]
    assert _instant(parsed.feed.updated_parsed) == dt.datetime(2024, 1, 22, 15, 48, tzinfo=dt.UTC)
    assert [e.updated for e in parsed.entries] == [
        "2024-01-22T15:48:00+00:00",
        "2024-01-22T08:31:00+00:00",
        "2024-01-22T07:20:00+00:00",
        "2024-01-22T07:20:00+00:00",
    ]


def test_required_elements_are_present() -> None:
    """RFC 4287: the feed has id, title, updated and author; each entry id, title, updated."""
    root = ET.fromstring(to_atom(seed_timeline()))
    assert root.tag == f"{A}feed"
    for tag in ("id", "title", "updated", "author"):
        assert len(root.findall(f"{A}{tag}")) == 1
    assert root.findtext(f"{A}author/{A}name") == "Live blog"
    for entry in root.findall(f"{A}entry"):
        for tag in ("id", "title", "updated", "content"):
            assert len(entry.findall(f"{A}{tag}")) == 1
        assert (entry.findtext(f"{A}id") or "").startswith("urn:uuid:")


def test_untimed_entry_borrows_a_neighbours_time() -> None:
    """An untimed entry takes the nearest earlier timed entry's time and says so."""
    tl = seed_timeline()
    middle = attrs.evolve(tl.entries[2], published=None)
    tl = attrs.evolve(tl, entries=(tl.entries[0], tl.entries[1], middle, tl.entries[3]))
    entries = ET.fromstring(to_atom(tl)).findall(f"{A}entry")
    found = [
        (e.findtext(f"{A}updated"), e.findtext(f"{A}published"), e.findtext(f"{LB}updated-from"))
        for e in entries
    ]
    assert found == [
        ("2024-01-22T15:48:00+00:00", "2024-01-22T15:48:00+00:00", None),
        ("2024-01-22T07:20:00+00:00", None, "previous-entry"),
        ("2024-01-22T07:20:00+00:00", "2024-01-22T07:20:00+00:00", None),
        ("2024-01-22T07:20:00+00:00", None, "next-entry"),
    ]


@pytest.mark.parametrize(
    ("tl", "updated", "expected"),
    [
        (Timeline([]), None, ("1970-01-01T00:00:00+00:00", "unknown")),
        (Timeline([], date=dt.date(2024, 1, 22)), None, ("2024-01-22T00:00:00+00:00", "date")),
        (
            Timeline([]),
            dt.datetime(2024, 1, 22, 18, 0, tzinfo=dt.timezone(dt.timedelta(hours=2))),
            ("2024-01-22T18:00:00+02:00", "parameter"),
        ),
    ],
)
def test_feed_updated_fallbacks(
    tl: Timeline, updated: dt.datetime | None, expected: tuple[str, str]
) -> None:
    """Feed updated: the parameter, else the newest entry, else the date, else the epoch."""
    root = ET.fromstring(to_atom(tl, updated=updated))
    assert (root.findtext(f"{A}updated"), root.findtext(f"{LB}updated-from")) == expected


_NOW = dt.datetime(2024, 1, 23, 18, 30, tzinfo=dt.timezone(dt.timedelta(hours=2)))
_UNTIMED = Entry(id="a", marker="", body="x", span=Span(0, 1))


@pytest.mark.parametrize(
    ("tl", "expected"),
    [
        # no time and no date: the export's instant, on the feed and its entries
        (Timeline([_UNTIMED]), ("2024-01-23T18:30:00+02:00", "now")),
        (Timeline([]), ("2024-01-23T18:30:00+02:00", "now")),
        # the date (the same on every run) and an entry's time come first
        (Timeline([_UNTIMED], date=dt.date(2024, 1, 22)), ("2024-01-22T00:00:00+00:00", "date")),
        (
            Timeline(
                [attrs.evolve(_UNTIMED, published=dt.datetime(2024, 1, 22, 9, tzinfo=dt.UTC))]
            ),
            ("2024-01-22T09:00:00+00:00", "newest-entry"),
        ),
    ],
)
def test_now_dates_a_feed_nothing_else_dates(tl: Timeline, expected: tuple[str, str]) -> None:
    """``now`` is the feed's updated, and so its untimed entries', when no entry has a
    time and the blog no date (regression: the Unix epoch even with ``now``)."""
    for xml in (to_atom(tl, now=_NOW), tl.to_atom(now=_NOW)):
        root = ET.fromstring(xml)
        assert (root.findtext(f"{A}updated"), root.findtext(f"{LB}updated-from")) == expected
        for entry in root.findall(f"{A}entry"):
            assert entry.findtext(f"{A}updated") == expected[0]
        parsed = _read(xml)
        assert _instant(parsed.feed.updated_parsed) == dt.datetime.fromisoformat(expected[0])
    later = dt.datetime(2024, 1, 24, tzinfo=dt.UTC)
    root = ET.fromstring(to_atom(tl, now=_NOW, updated=later))
    assert root.findtext(f"{LB}updated-from") == "parameter"


def test_naive_now_is_rejected() -> None:
    """A naive now raises ValueError naming the parameter."""
    with pytest.raises(ValueError, match=r"^now must be timezone-aware, got datetime"):
        to_atom(Timeline([]), now=dt.datetime(2024, 1, 22))  # noqa: DTZ001


def test_untimed_only_entries_use_the_feed_updated() -> None:
    """With no timed entry at all, entries take the feed's updated."""
    tl = Timeline([Entry(id="a", marker="", body="x", span=Span(0, 1))])
    when = dt.datetime(2024, 1, 22, 12, tzinfo=dt.UTC)
    entry = ET.fromstring(to_atom(tl, updated=when)).find(f"{A}entry")
    assert entry is not None
    assert entry.findtext(f"{A}updated") == "2024-01-22T12:00:00+00:00"
    assert entry.findtext(f"{LB}updated-from") == "feed"
    assert entry.findtext(f"{A}title") == "x"


def test_naive_updated_is_rejected() -> None:
    """A naive updated raises ValueError naming the parameter."""
    with pytest.raises(ValueError, match=r"^updated must be timezone-aware, got datetime"):
        to_atom(Timeline([]), updated=dt.datetime(2024, 1, 22))  # noqa: DTZ001


@pytest.mark.parametrize("updated", ["2024-01-22T15:48:00Z", dt.date(2024, 1, 22)])
def test_updated_that_is_no_datetime_is_a_type_error(updated: object) -> None:
    """Regression: a str or a date for updated raised AttributeError (no utcoffset)."""
    with pytest.raises(TypeError, match=r"^updated must be a timezone-aware datetime, got"):
        to_atom(Timeline([]), updated=updated)  # type: ignore[arg-type]


def test_text_is_escaped_by_elementtree() -> None:
    """Markup characters and forbidden control characters come out well formed (``<x>``
    is no HTML tag, so it is text)."""
    nasty = 'A <x>bold</x> & "quoted" claim\x00\x1b ]]> end'
    tl = Timeline(
        [
            Entry(id="a", marker="", body=nasty, span=Span(0, 1), headline="<Breaking> & more"),
            Entry(id="b", marker="", body="x", span=Span(0, 1), html="<p>5 &lt; 6</p>"),
        ]
    )
    parsed = _read(to_atom(tl, title="Q&A <live>"))
    assert parsed.feed.title == "Q&A <live>"
    by_id = {e.lb_id: e for e in parsed.entries}
    assert by_id["a"].title == "<Breaking> & more"
    assert by_id["a"].content[0].value == 'A <x>bold</x> & "quoted" claim\ufffd\ufffd ]]> end'
    assert by_id["b"].content[0].type == "text/html"
    assert by_id["b"].content[0].value == "<p>5 &lt; 6</p>"


def test_lone_surrogates_in_ids_and_source_name() -> None:
    """Regression: entry ids and a source name may hold lone surrogates (a JSON Feed's
    escapes); uuid5 raised UnicodeEncodeError deriving the Atom ids from them."""
    tl = Timeline(
        [
            Entry(id="\ud800", marker="", body="x", span=Span(0, 1)),
            Entry(id="\udfff", marker="", body="y", span=Span(0, 1)),
        ],
        source=Source(name="bbc\ud800"),
    )
    root = ET.fromstring(to_atom(tl))
    ids = [root.findtext(f"{A}id"), *(e.findtext(f"{A}id") for e in root.findall(f"{A}entry"))]
    assert len(set(ids)) == 3
    assert atom_id("source:bbc\ud800") == ids[0] != atom_id("source:bbc\\ud800")


def test_ids_are_stable_as_the_blog_grows() -> None:
    """Adding an update changes neither the feed id nor the existing entries' ids."""
    tl = seed_timeline()
    newer = Entry(
        id="ffff000011112222",
        marker="UPDATE 1700 GMT",
        body="New.",
        span=Span(0, 5),
        published=dt.datetime(2024, 1, 22, 17, tzinfo=dt.UTC),
    )
    before = _read(to_atom(tl))
    after = _read(to_atom(attrs.evolve(tl, entries=(*tl.entries, newer))))
    assert before.feed.id == after.feed.id
    assert [e.id for e in after.entries][1:] == [e.id for e in before.entries]


@pytest.mark.parametrize(
    ("kwargs", "source", "key"),
    [
        ({"feed_url": "https://f.example/atom"}, None, "https://f.example/atom"),
        ({"home_page_url": "https://h.example/"}, None, "https://h.example/"),
        ({}, Source(name="ea", url="https://s.example/"), "https://s.example/"),
        ({}, Source(name="ea"), "source:ea"),
        ({}, None, "blog:2024-01-22:06f292e9a4acbf58"),
    ],
)
def test_feed_id_key(kwargs: dict[str, Any], source: Source | None, key: str) -> None:
    """The feed id derives from feed URL, home page, source URL, source name, or content."""
    tl = attrs.evolve(seed_timeline(), source=source)
    assert _read(to_atom(tl, **kwargs)).feed.id == atom_id(key)


def test_timeline_to_atom_delegates() -> None:
    """Timeline.to_atom is liveblog.feeds.to_atom."""
    tl = seed_timeline()
    assert tl.to_atom(title="T", feed_url="https://f.example/") == to_atom(
        tl, title="T", feed_url="https://f.example/"
    )


@given(timelines())
def test_atom_export_invariants(tl: Timeline) -> None:
    """Any timeline gives well-formed Atom with unique ids and the entries' instants."""
    xml = to_atom(tl)
    root = ET.fromstring(xml)
    entries = root.findall(f"{A}entry")
    assert [e.findtext(f"{LB}id") for e in entries] == [e.id for e in reversed(tl.entries)]
    ids = [e.findtext(f"{A}id") for e in entries]
    assert len(set(ids)) == len(ids)
    for node, entry in zip(entries, reversed(tl.entries), strict=True):
        published = node.findtext(f"{A}published")
        if entry.published is None:
            assert published is None
        else:
            assert published is not None
            assert dt.datetime.fromisoformat(published) == entry.published
    parsed = _read(xml)
    assert len(parsed.entries) == len(tl)


def test_modified_entries_are_updated_later() -> None:
    """An entry corrected after publication has its modification time as ``updated``,
    and the feed's ``updated`` is at least that; other entries keep their own."""
    tl = seed_timeline()
    later = dt.datetime(2024, 1, 22, 18, 5, tzinfo=dt.UTC)
    corrected = tl.entries[1]
    doc = feedparser.parse(to_atom(tl, modified={corrected.id: later, "gone": later}))
    assert doc.feed.updated == "2024-01-22T18:05:00+00:00"
    updated = {e.lb_id: e.updated for e in doc.entries}
    assert updated[corrected.id] == "2024-01-22T18:05:00+00:00"
    assert updated[tl.entries[-1].id] == "2024-01-22T15:48:00+00:00"
    with pytest.raises(ValueError, match="modified"):
        to_atom(tl, modified={corrected.id: later.replace(tzinfo=None)})


def test_a_corrected_untimed_entry_says_its_updated_is_the_correction() -> None:
    """Regression: an entry without a time that was corrected later than the time it
    borrows had the correction's time as ``updated`` but ``lb:updated-from`` still
    named the entry it borrows from (``next-entry``); it says ``modified`` now, as the
    feed's says ``modified-entry``. A correction older than the borrowed time changes
    neither."""
    tl = seed_timeline()
    original = tl.entries[0]
    assert original.published is None
    for when, expected in ((18, ("2024-01-22T18:05:00+00:00", "modified")), (6, None)):
        later = dt.datetime(2024, 1, 22, when, 5, tzinfo=dt.UTC)
        root = ET.fromstring(to_atom(tl, modified={original.id: later}))
        [node] = [n for n in root.iter(f"{A}entry") if n.findtext(f"{LB}id") == original.id]
        found = (node.findtext(f"{A}updated"), node.findtext(f"{LB}updated-from"))
        assert found == (expected or ("2024-01-22T07:20:00+00:00", "next-entry"))


# --- the spec, audited ---------------------------------------------------------------


def test_repeated_entry_ids_give_distinct_atom_ids() -> None:
    """Entries that share an id would be one entry to a reader (RFC 4287, 4.2.6):
    the newer one's id becomes ``a~2``, as in the JSON Feed."""
    when = dt.datetime(2024, 1, 22, 9, 0, tzinfo=dt.UTC)
    tl = Timeline(
        [
            Entry(id="a", marker="", body="Older.", span=Span(0, 1), published=when),
            Entry(id="a", marker="", body="Newer.", span=Span(1, 2), published=when),
        ]
    )
    root = ET.fromstring(to_atom(tl, modified={"a~2": when + dt.timedelta(hours=1)}))
    entries = root.findall(f"{A}entry")
    assert [e.findtext(f"{LB}id") for e in entries] == ["a~2", "a"]
    assert len({e.findtext(f"{A}id") for e in entries}) == 2
    assert [e.findtext(f"{A}updated") for e in entries] == [
        "2024-01-22T10:00:00+00:00",
        "2024-01-22T09:00:00+00:00",
    ]


def test_language_is_xml_lang() -> None:
    """The caller's language tag is the feed's ``xml:lang``, which feedparser reads."""
    xml = to_atom(seed_timeline(), language="en-GB")
    root = ET.fromstring(xml)
    assert root.get("{http://www.w3.org/XML/1998/namespace}lang") == "en-GB"
    assert _read(xml).feed.language == "en-GB"
    assert "xml:lang" not in to_atom(seed_timeline())
    with pytest.raises(ValueError, match="language must be a language tag"):
        to_atom(seed_timeline(), language="en GB")


def test_blank_title_falls_back_to_the_default() -> None:
    """An Atom title must say something: a blank one gives way to ``Live blog``."""
    root = ET.fromstring(to_atom(Timeline([]), title="  "))
    assert root.findtext(f"{A}title") == "Live blog"


def test_a_blog_with_controls_and_lone_surrogates_gives_well_formed_feeds() -> None:
    """A parsed blog holding C0 controls and a lone surrogate (a byte read with
    surrogateescape) gives Atom that parses and a JSON Feed that encodes as UTF-8."""
    text = "UPDATE 0900 GMT:\nA\x00b \udc80 c\x1b.\n\nUPDATE 1000 GMT:\nTalks\x0b end.\n"
    tl = parse(text, date=dt.date(2024, 1, 22))
    assert len(tl) == 2
    root = ET.fromstring(to_atom(tl).encode("utf-8"))
    contents = [e.findtext(f"{A}content") for e in root.findall(f"{A}entry")]
    assert contents == ["Talks\ufffd end.", "A\ufffdb \ufffd c\ufffd."]
    written = dumps_json_feed(to_json_feed(tl)).encode("utf-8")
    assert from_json_feed(json.loads(written)) == attrs.evolve(tl, text=None)


def test_carriage_returns_survive_the_xml_parser() -> None:
    """Regression: a carriage return in an entry's text (a blog saved on Windows, read
    as bytes) was written as it is, and XML parsers read it as a line feed (XML 1.0,
    2.11): the text came back changed. It is written as ``&#13;`` and reads back."""
    when = dt.datetime(2024, 1, 22, 9, 0, tzinfo=dt.UTC)
    entry = Entry(
        id="0" * 16, marker="09:00\r", body="Talks\r\nend.\r", span=Span(0, 9), published=when
    )
    root = ET.fromstring(to_atom(Timeline([entry])))
    node = root.find(f"{A}entry")
    assert node is not None
    assert node.findtext(f"{A}content") == "Talks\r\nend.\r"
    assert node.findtext(f"{A}title") == "09:00"
    assert node.findtext(f"{LB}marker") == "09:00\r"


@pytest.mark.parametrize(
    ("url", "href"),
    [
        ("https://example.org/live?x=1#top", "https://example.org/live?x=1#top"),
        ("https://example.org/café/%20", "https://example.org/café/%20"),
        ("https://example.org/a b|c", "https://example.org/a%20b%7Cc"),
        ("https://example.org/50%", "https://example.org/50%25"),
        ('https://example.org/<"x">', "https://example.org/%3C%22x%22%3E"),
        ("https://example.org/\x00\ud800", "https://example.org/%00%ED%A0%80"),
    ],
)
def test_link_hrefs_are_iri_references(url: str, href: str) -> None:
    """Regression: a link's href must be an IRI reference (RFC 4287, 4.2.7.1), and a
    source's URL with a space, a bare ``%`` or a control was written as it was (the
    control as U+FFFD). Characters an IRI may not hold are percent-encoded; a valid
    IRI is written unchanged."""
    root = ET.fromstring(to_atom(Timeline([]), home_page_url=url, feed_url=url))
    assert [link.get("href") for link in root.findall(f"{A}link")] == [href, href]

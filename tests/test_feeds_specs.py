"""The exports against the MUSTs of their specifications (RFC 4287 Atom, JSON Feed 1.1,
schema.org LiveBlogPosting, the incremental feed), over timelines of hostile text and
extreme dates, each read back by a plain parser (xml.etree, json)."""

from __future__ import annotations

import datetime as dt
import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import attrs
import jsonschema  # type: ignore[import-untyped]
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from liveblog import Entry, Span, Timeline
from liveblog.feeds import (
    dumps_json_feed,
    dumps_json_ld,
    to_atom,
    to_json_feed,
    to_json_ld,
    update_feed,
)
from liveblog.feeds._common import newest_first
from liveblog.feeds._markup import plain_text

A = "{http://www.w3.org/2005/Atom}"
SCHEMA = json.loads((Path(__file__).parent / "jsonfeed-1.1.schema.json").read_text("utf-8"))
# RFC 3339 section 5.6, date-time: full-date "T" full-time, the offset Z or +hh:mm
RFC3339 = re.compile(
    r"\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])T([01]\d|2[0-3]):[0-5]\d:([0-5]\d|60)"
    r"(\.\d+)?(Z|[+-]([01]\d|2[0-3]):[0-5]\d)\Z"
)
# XML 1.0's Char production: what a document may hold
XML_CHAR = re.compile("[\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
# an absolute IRI: a scheme, a colon, then no space (RFC 3987's shape, loosely)
ABSOLUTE_IRI = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*:[^\s<>\"{}|\\^`]+\Z")

# an IRI reference: none of the characters RFC 3987 leaves out, % only in an escape
IRI_REFERENCE = re.compile(
    '(?:[^\\x00-\\x20\\x7f-\\x9f"<>\\\\^`{|}%\\ud800-\\udfff\\ufffe\\uffff]|%[0-9A-Fa-f]{2})*\\Z'
)

# Text that breaks careless writers: markup, comment and CDATA ends, controls, lone
# surrogates, noncharacters, carriage returns
PIECES: tuple[str, ...] = (
    "]]>",
    "--",
    "<!--",
    "-->",
    "<b>",
    "&amp;",
    "&",
    "\x00",
    "\x0b",
    "\x1b",
    "\r\n",
    "\r",
)
PIECES += ("\ud800", "\udfff", "\ufffe", "\uffff", "\U0010ffff", "😀", "\u2028", " ", "x", "%")
HOSTILE = st.lists(
    st.sampled_from(PIECES) | st.text(st.characters(exclude_categories=()), max_size=5),
    max_size=8,
).map("".join)
ZONES = (
    dt.UTC,
    dt.timezone(dt.timedelta(hours=14)),
    dt.timezone(dt.timedelta(hours=-12)),
    dt.timezone(dt.timedelta(hours=5, minutes=45)),
    dt.timezone(dt.timedelta(minutes=-75, seconds=-39)),  # a local mean time
    dt.timezone(dt.timedelta(hours=23, minutes=59)),
)
INSTANTS = st.datetimes(
    min_value=dt.datetime(1, 1, 1),  # noqa: DTZ001 (hypothesis attaches the zones)
    max_value=dt.datetime(9999, 12, 31, 23, 59, 59),  # noqa: DTZ001
    timezones=st.sampled_from(ZONES),
)


@st.composite
def hostile_timelines(draw: st.DrawFn) -> Timeline:
    """Timelines of hostile text, instants at the calendar's ends or none, and pinned
    posts (untimed, out of the others' order, marked ``Pinned``)."""
    count = draw(st.integers(0, 5))
    entries = []
    for n in range(count):
        pinned = draw(st.booleans())
        entries.append(
            Entry(
                id=f"{n:016x}",
                marker="Pinned" if pinned else draw(HOSTILE),
                body=draw(HOSTILE),
                span=Span(n * 10, n * 10 + 5),
                published=None if pinned else draw(st.none() | INSTANTS),
                ordinal=n,
                headline=draw(st.none() | HOSTILE),
                author=draw(st.none() | HOSTILE),
                day_header=draw(st.none() | HOSTILE),
                html=draw(st.none() | HOSTILE),
            )
        )
    return Timeline(entries, date=draw(st.none() | st.dates()))


def _instant(text: str | None) -> dt.datetime:
    """An RFC 3339 date-time as an aware datetime, after checking its shape."""
    assert text is not None
    assert RFC3339.match(text), text
    return dt.datetime.fromisoformat(text)


def _xml_text(text: str) -> str:
    """``text`` as an XML 1.0 document can hold it: characters it may not hold become
    U+FFFD."""
    return "".join(c if XML_CHAR.match(c) else "\ufffd" for c in text)


def _paired(text: str) -> str:
    """``text`` as JSON reads it back: a high surrogate followed by a low one (two
    characters to Python) is one character, as their escapes are in JSON (RFC 8259)."""
    return text.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "surrogatepass")


def _one(node: ET.Element, tag: str) -> ET.Element:
    """The only ``tag`` child of ``node`` (RFC 4287: exactly one)."""
    found = node.findall(f"{A}{tag}")
    assert len(found) == 1, (tag, len(found))
    return found[0]


@given(hostile_timelines(), st.sampled_from([None, "en", "fr-CA"]), HOSTILE)
def test_atom_meets_rfc_4287(tl: Timeline, language: str | None, path: str) -> None:
    """RFC 4287 over any timeline: the document is well-formed XML 1.0; the feed holds
    exactly one id, title and updated and an author (entries need none then); each
    entry exactly one id, title, updated and content and at most one published; ids
    are absolute IRIs and unique; dates are RFC 3339 and the entries' own instants;
    ``xml:lang`` is the language given; links' ``href`` are IRI references, whatever
    the URL given; the text is the entries' (characters XML 1.0 cannot hold replaced,
    carriage returns kept)."""
    xml = to_atom(tl, language=language, home_page_url=f"https://example.org/{path}")
    root = ET.fromstring(xml)
    for link in root.findall(f"{A}link"):
        assert IRI_REFERENCE.match(link.get("href", "")), link.get("href")
    assert root.tag == f"{A}feed"
    assert root.get("{http://www.w3.org/XML/1998/namespace}lang") == language
    ids = [_one(root, "id").text]
    assert _one(root, "title").text
    feed_updated = _instant(_one(root, "updated").text)
    assert [a.findtext(f"{A}name") for a in root.findall(f"{A}author")] != []
    assert all(a.findtext(f"{A}name") for a in root.findall(f"{A}author"))
    nodes = root.findall(f"{A}entry")
    assert len(nodes) == len(tl)
    for node, entry in zip(nodes, reversed(tl.entries), strict=True):
        ids.append(_one(node, "id").text)
        assert _one(node, "title").text
        updated = _instant(_one(node, "updated").text)
        assert updated <= feed_updated or entry.published is not None
        published = node.findall(f"{A}published")
        assert len(published) == (entry.published is not None)
        if entry.published is not None:
            assert _instant(published[0].text) == entry.published
        content = _one(node, "content")
        if entry.html is None:
            assert content.get("type") == "text"
            assert (content.text or "") == _xml_text(plain_text(entry.body))
        else:
            assert content.get("type") == "html"
    assert all(i is not None and ABSOLUTE_IRI.match(i) for i in ids)
    assert len(set(ids)) == len(ids)


def _check_json_feed(feed: dict[str, Any], tl: Timeline) -> None:
    """JSON Feed 1.1's MUSTs: version, title and items; each item a string id (unique)
    and content_text or content_html; dates RFC 3339 (the entries' own)."""
    jsonschema.validate(feed, SCHEMA)
    assert feed["version"] == "https://jsonfeed.org/version/1.1"
    assert isinstance(feed["title"], str)
    assert feed["title"]
    items = feed["items"]
    ids = [item["id"] for item in items]
    assert all(isinstance(i, str) for i in ids)
    assert len(set(ids)) == len(ids)
    by_id = {e.id: e for e in tl}
    for item in items:
        assert isinstance(item.get("content_text", item.get("content_html")), str)
        for key in ("date_published", "date_modified"):
            if key in item:
                _instant(item[key])
        entry = by_id[item["id"]]
        assert ("date_published" in item) == (entry.published is not None)
        if entry.published is not None:
            assert _instant(item["date_published"]) == entry.published
        assert item["content_text"] == _paired(plain_text(entry.body))


@given(hostile_timelines(), st.booleans())
def test_json_feed_meets_json_feed_1_1(tl: Timeline, html: bool) -> None:
    """JSON Feed 1.1 over any timeline, written by dumps_json_feed (which must give
    text UTF-8 can hold) and read back by json."""
    text = dumps_json_feed(to_json_feed(tl, content_html=html))
    text.encode("utf-8")  # a lone surrogate unescaped cannot be saved
    feed = json.loads(text)
    _check_json_feed(feed, tl)
    assert len(feed["items"]) == len(tl)


@given(hostile_timelines(), hostile_timelines())
def test_incremental_feed_meets_json_feed_1_1(old: Timeline, new: Timeline) -> None:
    """An incremental run's feed is a JSON Feed 1.1 too (``date_modified`` RFC 3339),
    and keeps every item of both runs: the current entries, in their order, under the
    ids the run gave them (a previous item's, matched by id or text, or their own), and
    the previous items it did not find."""
    previous = json.loads(dumps_json_feed(to_json_feed(old)))
    current = json.loads(dumps_json_feed(to_json_feed(new)))
    now = dt.datetime(2024, 1, 22, 18, 0, tzinfo=dt.UTC)
    merged, changes = update_feed(previous, current, now=now)
    feed = json.loads(dumps_json_feed(merged))
    removed = set(changes.removed)
    found = [item["id"] for item in feed["items"] if item["id"] not in removed]
    entries = [
        *(attrs.evolve(e, id=i) for (e, _), i in zip(newest_first(new), found, strict=True)),
        *(attrs.evolve(e, id=i) for e, i in newest_first(old) if i in removed),
    ]
    _check_json_feed(feed, Timeline(sorted(entries, key=lambda e: e.ordinal)))
    assert {item["id"] for item in previous["items"]} <= {item["id"] for item in feed["items"]}


@given(hostile_timelines(), st.booleans())
def test_json_ld_meets_live_blog_posting(tl: Timeline, ended: bool) -> None:
    """schema.org LiveBlogPosting over any timeline: ``coverageStartTime`` and
    ``datePublished`` the oldest instant, ``coverageEndTime`` the newest (when ended),
    every entry a BlogPosting in ``liveBlogUpdate`` with a headline, its text and, when
    timed, its ``datePublished``; all dates RFC 3339 (ISO 8601); the text
    ``dumps_json_ld`` writes encodes as UTF-8, can stand in a ``<script>`` element
    (no ``<``, ``>`` or ``&``: no post ends it or opens a comment in it) and reads back
    as the data."""
    doc = to_json_ld(tl, ended=ended)
    text = dumps_json_ld(doc)
    text.encode("utf-8")
    assert not set("<>&") & set(text)
    back = json.loads(text)
    assert back == json.loads(json.dumps(doc))
    assert back["@context"] == "https://schema.org"
    assert back["@type"] == "LiveBlogPosting"
    assert back["headline"]
    times = [e.published for e in tl if e.published is not None]
    if times:
        assert _instant(back["coverageStartTime"]) == min(times)
        assert _instant(back["datePublished"]) == min(times)
        assert _instant(back["dateModified"]) == max(times)
        if ended:
            assert _instant(back["coverageEndTime"]) == max(times)
    else:
        assert "coverageStartTime" not in back
    updates = back["liveBlogUpdate"]
    assert len(updates) == len(tl)
    identifiers = [u["identifier"] for u in updates]
    assert len(set(identifiers)) == len(identifiers)
    for update, entry in zip(updates, reversed(tl.entries), strict=True):
        assert update["@type"] == "BlogPosting"
        assert update["headline"]
        assert update["articleBody"] == _paired(plain_text(entry.body))
        assert ("datePublished" in update) == (entry.published is not None)
        if entry.published is not None:
            assert _instant(update["datePublished"]) == entry.published


@pytest.mark.fuzz
@settings(max_examples=1_000, deadline=None)
@given(
    hostile_timelines(),
    hostile_timelines(),
    st.booleans(),
    st.sampled_from([None, "en", "fr-CA"]),
    HOSTILE,
)
def test_exports_meet_their_specifications_fuzz(
    old: Timeline, tl: Timeline, flag: bool, language: str | None, path: str
) -> None:
    """The long run of the four checks above (LIVEBLOG_FUZZ=1), on one budget: each
    example's timelines go through all four exports."""
    test_atom_meets_rfc_4287.hypothesis.inner_test(tl, language, path)  # type: ignore[attr-defined]
    test_json_feed_meets_json_feed_1_1.hypothesis.inner_test(tl, flag)  # type: ignore[attr-defined]
    test_incremental_feed_meets_json_feed_1_1.hypothesis.inner_test(old, tl)  # type: ignore[attr-defined]
    test_json_ld_meets_live_blog_posting.hypothesis.inner_test(tl, flag)  # type: ignore[attr-defined]

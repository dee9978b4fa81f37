"""Atom 1.0 (RFC 4287): write a timeline as an Atom feed with ElementTree."""

from __future__ import annotations

import datetime as dt
import hashlib
import re
import uuid
import xml.etree.ElementTree as ET
from collections.abc import Mapping, Sequence
from urllib.parse import quote

from liveblog.feeds._common import (
    check_aware,
    check_feed_arguments,
    entry_title,
    feed_title,
    home_page,
    newest_first,
    rfc3339,
    timed,
)
from liveblog.feeds._markup import clean_html, plain_text
from liveblog.model import Entry, Timeline

__all__ = ["ATOM_NAMESPACE", "LIVEBLOG_NAMESPACE", "atom_id", "to_atom"]

ATOM_NAMESPACE = "http://www.w3.org/2005/Atom"
"""The Atom namespace (RFC 4287, section 2)."""

LIVEBLOG_NAMESPACE = "urn:uuid:c6c4cb0e-bc20-44cb-86c7-b912e52d507b"
"""Namespace of liveblog's extension elements (prefix ``lb``); also seeds the ids."""

_NAMESPACE_UUID = uuid.UUID(LIVEBLOG_NAMESPACE.removeprefix("urn:uuid:"))
_EPOCH = dt.datetime(1970, 1, 1, tzinfo=dt.UTC)
# XML 1.0 forbids most C0 controls, lone surrogates and U+FFFE/U+FFFF
_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def to_atom(
    tl: Timeline,
    *,
    title: str | None = None,
    feed_url: str | None = None,
    home_page_url: str | None = None,
    updated: dt.datetime | None = None,
    modified: Mapping[str, dt.datetime] | None = None,
    language: str | None = None,
    now: dt.datetime | None = None,
) -> str:
    """Write a timeline as an Atom 1.0 feed document, newest entry first.

    Ids are ``urn:uuid:`` URNs (UUID version 5) derived from the feed's key and,
    for entries, the entry's stable id, so they survive re-runs. The key is the
    first of ``feed_url``, ``home_page_url``, the source's URL, the source's name,
    and finally the blog's date plus its oldest entry's id. Each entry also
    carries its liveblog id as ``lb:id``, its marker as ``lb:marker`` and the day
    header it opens under as ``lb:day-header``. An id an older entry already has
    (only a timeline built by hand can hold one) is renamed ``id~2``, as
    :func:`~liveblog.feeds.from_json_feed` would, so that no two entries share an id.

    The feed's ``updated`` is ``updated`` when given, else the newest entry's
    time, else midnight UTC of the blog's date, else ``now``, else the Unix epoch;
    ``lb:updated-from`` says which (``parameter``, ``newest-entry``, ``date``, ``now``,
    ``unknown``). RFC 4287 requires an ``updated`` on the feed and on every entry, so a
    feed nothing dates gets the epoch, standing for "unknown": the same on every run and
    older than any real time, it never makes a feed look fresh. An entry
    without a time of its own takes the time of the nearest earlier timed entry,
    else of the nearest later one, else the feed's, and says so in
    ``lb:updated-from`` (``previous-entry``, ``next-entry``, ``feed``, or ``modified``
    when a correction, below, is later); only timed entries get ``published``. An
    entry in ``modified`` (as an incremental run's ``date_modified`` says) has that
    time as ``updated`` when it is later, and the feed's ``updated`` is then at least
    the latest such time.

    Args:
        tl: the timeline.
        title: feed title; defaults to the source's title or name, else ``Live blog``.
        feed_url: the feed's own address (``link rel="self"``).
        home_page_url: the blog's address (``link rel="alternate"``); defaults to
            the source's URL.
        updated: the feed's ``updated`` instant (timezone-aware).
        modified: entry id to when the entry was last changed (timezone-aware), for
            entries corrected after they were published.
        language: the feed's language tag (``en``, ``fr-CA``), written as ``xml:lang``.
        now: the instant of the export (timezone-aware, as ``parse``'s ``now=``, when
            the page was saved), used only when no entry has a time and the blog no
            date; never read from the clock.

    Returns:
        The XML document as text, with an XML declaration.

    Raises:
        ValueError: ``updated``, ``now`` or a ``modified`` time is naive, or ``language``
            is not shaped like a language tag.
        TypeError: ``tl`` is no Timeline, or a title or URL no str.

    >>> import datetime as dt
    >>> from liveblog import Entry, Span, Timeline
    >>> when = dt.datetime(2024, 1, 22, 15, 48, tzinfo=dt.timezone.utc)
    >>> tl = Timeline([Entry(id="7c4c361103020b96", marker="UPDATE 1548 GMT",
    ...                      body="Talks <end>.", span=Span(0, 27), published=when)])
    >>> xml = to_atom(tl, title="Ukraine")
    >>> "<updated>2024-01-22T15:48:00+00:00</updated>" in xml
    True
    >>> '<content type="text">Talks &lt;end&gt;.</content>' in xml
    True
    """
    check_aware("updated", updated)
    check_aware("now", now)
    check_feed_arguments(tl, language, title=title, feed_url=feed_url, home_page_url=home_page_url)
    changes = dict(modified or {})
    for entry_id, when in changes.items():
        check_aware(f"modified[{entry_id!r}]", when)
    home = home_page(tl, home_page_url)
    key = _feed_key(tl, feed_url=feed_url, home_page_url=home)
    name = feed_title(tl, title)
    stamp, stamp_from = _feed_updated(tl, updated, now)
    rows = newest_first(tl)
    present = {entry_id for _, entry_id in rows}
    latest_change = max((t for i, t in changes.items() if i in present), default=None)
    if updated is None and latest_change is not None and latest_change > stamp:
        stamp, stamp_from = latest_change, "modified-entry"

    root = ET.Element("feed", {"xmlns": ATOM_NAMESPACE, "xmlns:lb": LIVEBLOG_NAMESPACE})
    if language is not None:
        root.set("xml:lang", language)
    _add(root, "id", atom_id(key))
    _add(root, "title", name, type="text")
    _add(root, "updated", rfc3339(stamp))
    _add(root, "lb:updated-from", stamp_from)
    author = ET.SubElement(root, "author")
    _add(author, "name", tl.source.name if tl.source and tl.source.name else name)
    if home:
        ET.SubElement(root, "link", {"rel": "alternate", "href": _iri(home)})
    if feed_url:
        ET.SubElement(root, "link", {"rel": "self", "href": _iri(feed_url)})
    _add(root, "generator", "liveblog")

    stamps = _entry_updated(tl.entries, stamp)
    for (entry, entry_id), borrowed in zip(rows, reversed(stamps), strict=True):
        node = ET.SubElement(root, "entry")
        _add(node, "id", atom_id(key, entry_id))
        _add(node, "title", entry_title(entry), type="text")
        change = changes.get(entry_id)
        entry_stamp, entry_from = (
            borrowed if change is None or change <= borrowed[0] else (change, "modified")
        )
        _add(node, "updated", rfc3339(entry_stamp))
        if entry.published is not None:
            _add(node, "published", rfc3339(entry.published))
        else:
            _add(node, "lb:updated-from", entry_from)
        if entry.author:
            _add(ET.SubElement(node, "author"), "name", entry.author)
        if entry.html is not None:
            _add(node, "content", clean_html(entry.html), type="html")
        else:
            _add(node, "content", plain_text(entry.body), type="text")
        _add(node, "lb:id", entry_id)
        if entry.marker:
            _add(node, "lb:marker", entry.marker)
        if entry.day_header:
            _add(node, "lb:day-header", entry.day_header)
    ET.indent(root)
    xml = ET.tostring(root, encoding="unicode", xml_declaration=True) + "\n"
    # a parser reads a carriage return in text as a line feed (XML 1.0, 2.11): written
    # as a reference it stays (ElementTree writes those of attributes so itself)
    return xml.replace("\r", "&#13;")


def atom_id(key: str, entry_id: str | None = None) -> str:
    """The Atom id of a feed (``entry_id`` None) or of one of its entries.

    >>> atom_id("https://example.org/blog", "7c4c361103020b96")
    'urn:uuid:d08ffe13-9188-51f4-a79e-bdd18068612b'
    """
    name = f"feed {key}" if entry_id is None else f"entry {key} {entry_id}"
    # uuid5 itself, but for names holding lone surrogates (ids or a source name read
    # from a JSON Feed), which its strict UTF-8 cannot encode; version 5 is SHA-1
    digest = hashlib.sha1(
        _NAMESPACE_UUID.bytes + name.encode("utf-8", "surrogatepass"), usedforsecurity=False
    ).digest()
    return f"urn:uuid:{uuid.UUID(bytes=digest[:16], version=5)}"


def _feed_key(tl: Timeline, *, feed_url: str | None, home_page_url: str | None) -> str:
    if feed_url:
        return feed_url
    if home_page_url:
        return home_page_url
    if tl.source is not None:
        return f"source:{tl.source.name}"
    # the oldest entry stays put as a blog gains updates at the top
    anchor = tl.entries[0].id if tl.entries else tl.preamble.text
    return f"blog:{tl.date.isoformat() if tl.date else ''}:{anchor}"


def _feed_updated(
    tl: Timeline, updated: dt.datetime | None, now: dt.datetime | None
) -> tuple[dt.datetime, str]:
    if updated is not None:
        return updated, "parameter"
    times = timed(tl.entries)
    if times:
        return max(times), "newest-entry"
    if tl.date is not None:  # the same on every run, where `now` moves on with each
        return dt.datetime.combine(tl.date, dt.time(), tzinfo=dt.UTC), "date"
    if now is not None:
        return now, "now"
    return _EPOCH, "unknown"


def _entry_updated(
    entries: Sequence[Entry], fallback: dt.datetime
) -> list[tuple[dt.datetime, str]]:
    """Each entry's ``updated`` and where it came from, in timeline order."""
    earlier: list[dt.datetime | None] = []  # the latest time at or before each index
    latest: dt.datetime | None = None
    for entry in entries:
        latest = entry.published or latest
        earlier.append(latest)
    later: list[dt.datetime | None] = []  # the first time at or after each index
    first: dt.datetime | None = None
    for entry in reversed(entries):
        first = entry.published or first
        later.append(first)
    later.reverse()
    result: list[tuple[dt.datetime, str]] = []
    for index, entry in enumerate(entries):
        before, after = earlier[index], later[index]
        if entry.published is not None:
            found = (entry.published, "entry")
        elif before is not None:
            found = (before, "previous-entry")
        elif after is not None:
            found = (after, "next-entry")
        else:
            found = (fallback, "feed")
        result.append(found)
    return result


def _clean(text: str) -> str:
    return _NOT_XML.sub("\ufffd", text)


def _iri(text: str) -> str:
    """``text`` as an IRI reference, as ``href`` must be (RFC 4287, 4.2.7.1): the
    characters an IRI may not hold (RFC 3987: spaces, controls, ``<>"{}|\\^``` and a
    ``%`` that starts no escape) percent-encoded in UTF-8 (a lone surrogate as its
    three bytes, as ``surrogatepass`` writes it); a valid IRI stays as it is.

    >>> _iri("https://example.org/a b|c%zz%20")
    'https://example.org/a%20b%7Cc%25zz%20'
    """
    return _NOT_IRI.sub(lambda m: quote(m[0].encode("utf-8", "surrogatepass"), safe=""), text)


# what an IRI reference may not hold: controls (C0, DEL, C1), the space, the ASCII
# characters RFC 3987 leaves out, surrogates, noncharacters, a % without two hex digits
_NOT_IRI = re.compile(
    '[\x00-\x20\x7f-\x9f"<>\\\\^`{|}\ud800-\udfff\ufdd0-\ufdef\ufffe\uffff]|%(?![0-9A-Fa-f]{2})'
)


def _add(parent: ET.Element, tag: str, text: str, **attributes: str) -> ET.Element:
    node = ET.SubElement(parent, tag, attributes)
    node.text = _clean(text)
    return node

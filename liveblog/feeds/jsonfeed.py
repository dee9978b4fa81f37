"""JSON Feed 1.1: write a timeline as a feed and read any JSON Feed back."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping, Sequence
from html.parser import HTMLParser
from typing import Any, TypeVar

import attrs

from liveblog.errors import FeedError
from liveblog.feeds._common import (
    body_html,
    check_feed_arguments,
    dumps_json,
    feed_title,
    home_page,
    newest_first,
    rfc3339,
)
from liveblog.feeds._markup import clean_html, plain_text
from liveblog.model import Diagnostic, Entry, Source, Timeline, make_entry_id, unchecked_span

T = TypeVar("T")

__all__ = ["EXTENSION", "VERSION", "dumps_json_feed", "from_json_feed", "to_json_feed"]

VERSION = "https://jsonfeed.org/version/1.1"
"""The ``version`` URL every feed liveblog writes carries."""

EXTENSION = "_liveblog"
"""Key of liveblog's custom objects, feed-level and per item (spec: Extensions)."""

_VERSION_PREFIXES = ("https://jsonfeed.org/version/", "http://jsonfeed.org/version/")
# Entry fields that standard item keys carry; the rest goes to the item extension.
_ITEM_FIELDS = frozenset({"id", "body", "published"})


def to_json_feed(
    tl: Timeline,
    *,
    title: str | None = None,
    home_page_url: str | None = None,
    feed_url: str | None = None,
    content_html: bool = False,
    language: str | None = None,
) -> dict[str, Any]:
    """Write a timeline as a JSON Feed 1.1 document (plain JSON-compatible data).

    Items run newest first. Each item's ``id`` is the entry's stable id (an id an
    older entry already has, which only a timeline built by hand can hold, is
    renamed ``id~2`` as :func:`from_json_feed` would: the spec wants unique ids),
    ``content_text`` its body without markup (inline HTML tags, character references
    and Markdown emphasis; every other character is kept), ``date_published`` its
    instant in RFC 3339 (absent when the entry has no time), ``title`` its headline
    (without markup) and ``authors`` its author when known. Everything else a
    :class:`~liveblog.Timeline` holds is kept under ``_liveblog`` custom objects
    (the body and headline as written too, when markup was dropped from them), so
    :func:`from_json_feed` gives back an equal timeline.

    Args:
        tl: the timeline.
        title: feed title; defaults to the source's title or name, else ``Live blog``.
        home_page_url: the blog's address; defaults to the source's URL.
        feed_url: where the feed itself is published.
        content_html: also write ``content_html`` (the entry's own HTML when it
            has one, else its text as paragraphs, with emphasis, line breaks and
            ``http``/``https``/``mailto`` links rendered and the rest escaped).
        language: the feed's ``language``, a language tag (``en``, ``fr-CA``).

    Returns:
        The feed as a dict, ready for :func:`dumps_json_feed`.

    Raises:
        ValueError: ``language`` is not shaped like a language tag.
        TypeError: ``tl`` is no Timeline, or a title or URL no str.

    >>> import datetime as dt
    >>> from liveblog import Entry, Span, Timeline
    >>> when = dt.datetime(2024, 1, 22, 15, 48, tzinfo=dt.timezone.utc)
    >>> tl = Timeline([Entry(id="7c4c361103020b96", marker="UPDATE 1548 GMT",
    ...                      body="Talks end.", span=Span(0, 27), published=when)])
    >>> feed = to_json_feed(tl, title="Ukraine")
    >>> feed["version"], feed["title"]
    ('https://jsonfeed.org/version/1.1', 'Ukraine')
    >>> item = feed["items"][0]
    >>> item["id"], item["date_published"], item["content_text"]
    ('7c4c361103020b96', '2024-01-22T15:48:00+00:00', 'Talks end.')
    """
    check_feed_arguments(tl, language, title=title, home_page_url=home_page_url, feed_url=feed_url)
    feed: dict[str, Any] = {"version": VERSION, "title": feed_title(tl, title)}
    home = home_page(tl, home_page_url)
    if home:
        feed["home_page_url"] = home
    if feed_url:
        feed["feed_url"] = feed_url
    if language is not None:
        feed["language"] = language
    feed["items"] = [
        _item(e, item_id, content_html=content_html) for e, item_id in newest_first(tl)
    ]
    data = tl.to_dict(include_text=False)
    del data["entries"]
    feed[EXTENSION] = _without_none(data)
    return feed


def _item(entry: Entry, item_id: str, *, content_html: bool) -> dict[str, Any]:
    item: dict[str, Any] = {"id": item_id}
    extension = {k: v for k, v in entry.to_dict().items() if k not in _ITEM_FIELDS}
    if entry.headline:
        title = plain_text(entry.headline)
        if title.strip():  # a blank headline, or one of markup alone, gives no title
            item["title"] = title
        if item.get("title") == entry.headline:
            del extension["headline"]  # else the extension keeps it as written
    item["content_text"] = plain_text(entry.body)
    if item["content_text"] != entry.body:
        extension["body"] = entry.body  # the text as written, markup and all
    if content_html:
        item["content_html"] = (
            body_html(entry.body) if entry.html is None else clean_html(entry.html)
        )
    if entry.published is not None:
        item["date_published"] = rfc3339(entry.published)
    if entry.author:
        item["authors"] = [{"name": entry.author}]
        del extension["author"]
    item[EXTENSION] = _without_none(extension)
    return item


def _without_none(data: Mapping[str, Any]) -> dict[str, Any]:
    # every field whose value may be None also defaults to None in from_dict
    return {k: v for k, v in data.items() if v is not None}


def dumps_json_feed(feed: Mapping[str, Any]) -> str:
    """Serialise a feed as JSON text (non-ASCII kept as is), indented, newline-ended.

    A lone surrogate (a blog read with ``surrogateescape``, a JSON Feed that escaped
    one) has no UTF-8, so it is written as a JSON escape (``\\udc80``), which reads
    back as the same character: the text can always be saved as UTF-8.

    >>> print(dumps_json_feed({"title": "Kyiv – live", "items": []}), end="")
    {
      "title": "Kyiv – live",
      "items": []
    }
    """
    return dumps_json(feed)


def from_json_feed(data: Mapping[str, Any]) -> Timeline:
    """Read a JSON Feed (1.0 or 1.1) back into a timeline.

    A feed liveblog wrote comes back equal to the timeline it was written from
    (``Timeline.text`` aside). Any other JSON Feed is read too: unknown keys are
    ignored, item ids that are numbers are coerced to strings as the spec says,
    and fields of the wrong type are dropped with a warning on the timeline.
    Foreign items come back oldest first (the feed's order reversed), timed
    items sorted by time while untimed items keep their place.

    Args:
        data: the parsed JSON document.

    Returns:
        The timeline, with ``origin="json-feed"`` for foreign feeds.

    Raises:
        FeedError: the data is not a JSON Feed at all (no version URL, no items
            array, an item that is not an object), or liveblog's own extension
            data is damaged. The error's ``path`` points at the culprit.

    >>> feed = {"version": "https://jsonfeed.org/version/1.1", "title": "Kyiv",
    ...         "items": [{"id": 2, "content_text": "Second.",
    ...                    "date_published": "2024-01-22T09:00:00Z"},
    ...                   {"id": "1", "content_text": "First."}]}
    >>> tl = from_json_feed(feed)
    >>> [(e.id, e.body) for e in tl], tl.source.title
    ([('1', 'First.'), ('2', 'Second.')], 'Kyiv')
    >>> from_json_feed({"title": "Kyiv", "items": []})
    Traceback (most recent call last):
    ...
    liveblog.errors.FeedError: not a JSON Feed: missing version at /version
    """
    items = check_feed(data)
    extension = data.get(EXTENSION)
    if isinstance(extension, Mapping):
        return _read_own(data, items, extension)
    return _read_foreign(data, items)


def check_feed(data: object) -> Sequence[Mapping[str, Any]]:
    """Check the shape every JSON Feed has and return its items; else FeedError."""
    if not isinstance(data, Mapping):
        msg = f"not a JSON Feed: expected an object, got {type(data).__name__}"
        raise FeedError(msg)
    if "version" not in data:
        msg = "not a JSON Feed: missing version"
        raise FeedError(msg, path="/version")
    version = data["version"]
    if not isinstance(version, str) or not version.startswith(_VERSION_PREFIXES):
        msg = f"not a JSON Feed: unknown version {version!r}"
        raise FeedError(msg, path="/version")
    if "items" not in data:
        msg = "not a JSON Feed: missing items"
        raise FeedError(msg, path="/items")
    items = data["items"]
    if not isinstance(items, list):
        msg = f"items must be an array, got {type(items).__name__}"
        raise FeedError(msg, path="/items")
    for index, item in enumerate(items):
        if not isinstance(item, Mapping):
            msg = f"item must be an object, got {type(item).__name__}"
            raise FeedError(msg, path=f"/items/{index}")
    return items


def _read_own(
    data: Mapping[str, Any],
    items: Sequence[Mapping[str, Any]],
    extension: Mapping[str, Any],
) -> Timeline:
    warnings: list[Diagnostic] = []
    # read in document order (so warnings are too), then turn oldest first
    entries = _read_items(items, warnings)[::-1]
    tl = _own(Timeline.from_dict, {**extension, "entries": ()}, f"/{EXTENSION}")
    return attrs.evolve(tl, entries=entries, warnings=(*tl.warnings, *warnings))


def _read_items(items: Sequence[Mapping[str, Any]], warnings: list[Diagnostic]) -> list[Entry]:
    """The items as entries, in document order, their ids made unique.

    An id that an earlier item already has (a feed that published an update twice)
    keeps both items; the later one is renamed ``id~2`` (or ``~3``... where that is
    taken) with a warning, so that the timeline, and any feed written from it, gives
    each entry its own id.
    """
    entries = [_read_item(item, index, warnings) for index, item in enumerate(items)]
    taken = {e.id for e in entries}
    if len(taken) == len(entries):
        return entries
    seen: set[str] = set()
    for index, entry in enumerate(entries):
        if entry.id in seen:
            n = 2
            while f"{entry.id}~{n}" in taken:
                n += 1
            fresh = f"{entry.id}~{n}"
            taken.add(fresh)
            message = (
                f"renamed the id of an item that repeats an earlier one's to {fresh!r} "
                f"at /items/{index}/id"
            )
            _warn(warnings, "feed-item-id", message, entry.id)
            entries[index] = attrs.evolve(entry, id=fresh)
        seen.add(entries[index].id)
    return entries


def _read_item(item: Mapping[str, Any], index: int, warnings: list[Diagnostic]) -> Entry:
    """One item: liveblog's own (with its extension) or a foreign one."""
    path = f"/items/{index}"
    extension = item.get(EXTENSION)
    if not isinstance(extension, Mapping):
        return _read_foreign_item(item, index, warnings)
    item_id = item.get("id")
    if not isinstance(item_id, str):
        msg = f"item id must be a string, got {item_id!r}"
        raise FeedError(msg, path=f"{path}/id")
    fields: dict[str, Any] = {**extension, "id": item_id}
    if "body" not in extension:  # else the extension has the text as written
        fields["body"] = _string(item, "content_text", path, warnings) or ""
    title = _string(item, "title", path, warnings)
    if title is not None and "headline" not in extension:
        fields["headline"] = title
    author = _author(item, path, warnings)
    if author is not None:
        fields["author"] = author
    entry = _own(Entry.from_dict, fields, f"{path}/{EXTENSION}")
    published = _published(item, path, warnings)
    return attrs.evolve(entry, published=published) if published is not None else entry


def _own(read: Callable[[Mapping[str, Any]], T], data: Mapping[str, Any], path: str) -> T:
    """``read(data)``, a ``from_dict``, for liveblog's own extension data at ``path``."""
    try:
        return read(data)
    except FeedError as err:
        msg = f"invalid {EXTENSION} extension: {err.msg}"
        raise FeedError(msg, path=f"{path}{err.path}") from err


def _read_foreign(data: Mapping[str, Any], items: Sequence[Mapping[str, Any]]) -> Timeline:
    warnings: list[Diagnostic] = []
    title = _string(data, "title", "", warnings)
    home = _string(data, "home_page_url", "", warnings)
    entries = _read_items(items, warnings)[::-1]
    source = Source(name=title or home or "json-feed", url=home, title=title)
    return Timeline(_sort_timed(entries), warnings=warnings, source=source, origin="json-feed")


def _sort_timed(entries: Sequence[Entry]) -> list[Entry]:
    """Sort the timed entries by time, leaving untimed entries where they stand."""
    slots = [i for i, e in enumerate(entries) if e.published is not None]
    ordered = sorted(
        (entries[i] for i in slots),
        key=lambda e: e.published or dt.datetime.min.replace(tzinfo=dt.UTC),
    )
    result = list(entries)
    for slot, entry in zip(slots, ordered, strict=True):
        result[slot] = entry
    return result


def _read_foreign_item(item: Mapping[str, Any], index: int, warnings: list[Diagnostic]) -> Entry:
    path = f"/items/{index}"
    raw_id = item.get("id")
    if isinstance(raw_id, int | float) and not isinstance(raw_id, bool):
        raw_id = str(raw_id)  # the spec: readers coerce non-string ids to strings
    if not isinstance(raw_id, str):
        message = f"made up an id for an item without a usable one at {path}/id"
        _warn(warnings, "feed-item-id", message, raw_id)
    html = _string(item, "content_html", path, warnings)
    text = _string(item, "content_text", path, warnings)
    if text is None:
        text = _html_text(html) if html is not None else _string(item, "summary", path, warnings)
    body = (text or "").strip()
    published = _published(item, path, warnings)
    day = None if published is None else published.date()
    time = None if published is None else published.time()
    if not isinstance(raw_id, str):
        raw_id = make_entry_id(day=day, time=time, marker="", occurrence=index, body=body)
    return Entry(
        id=raw_id,
        marker="",
        body=body,
        span=unchecked_span(0, 0),
        published=published,
        day=day,
        time=time,
        zone=None if published is None else _offset_zone(published),
        ordinal=index,
        headline=_string(item, "title", path, warnings),
        author=_author(item, path, warnings),
        html=html,
    )


def _string(data: Mapping[str, Any], key: str, path: str, warnings: list[Diagnostic]) -> str | None:
    value = data.get(key)
    if value is None or isinstance(value, str):
        return value
    _warn(
        warnings,
        "feed-field-type",
        f"ignored {key} that is not a string at {path}/{key}",
        value,
    )
    return None


def _author(item: Mapping[str, Any], path: str, warnings: list[Diagnostic]) -> str | None:
    """Names from ``authors`` (1.1) or ``author`` (1.0), joined with commas."""
    authors = item.get("authors")
    if authors is None and "author" in item:
        authors = [item["author"]]
    if authors is None:
        return None
    if not isinstance(authors, list):
        _warn(
            warnings,
            "feed-field-type",
            f"ignored authors that is not an array at {path}/authors",
            authors,
        )
        return None
    names = [
        a["name"] for a in authors if isinstance(a, Mapping) and isinstance(a.get("name"), str)
    ]
    return ", ".join(names) if names else None


def _published(
    item: Mapping[str, Any], path: str, warnings: list[Diagnostic]
) -> dt.datetime | None:
    value = _string(item, "date_published", path, warnings)
    if value is None:
        return None
    try:
        when = dt.datetime.fromisoformat(value)
    except ValueError:
        when = None
    if when is None or when.utcoffset() is None:
        _warn(
            warnings,
            "feed-date",
            f"ignored date_published that is not RFC 3339 at {path}/date_published",
            value,
        )
        return None
    return when


def _offset_zone(when: dt.datetime) -> str:
    offset = when.utcoffset() or dt.timedelta(0)
    if not offset:
        return "UTC"
    sign = "-" if offset < dt.timedelta(0) else "+"
    minutes = abs(offset) // dt.timedelta(minutes=1)
    return f"UTC{sign}{minutes // 60:02d}:{minutes % 60:02d}"


def _warn(warnings: list[Diagnostic], code: str, message: str, value: object) -> None:
    snippet = repr(value)
    if len(snippet) > 80:
        snippet = snippet[:79] + "…"
    warnings.append(
        Diagnostic(
            code=code,
            message=message,
            span=unchecked_span(0, 0),
            line=1,
            column=1,
            snippet=snippet,
        )
    )


class _TextExtractor(HTMLParser):
    """Collect the text of an HTML fragment, with blank lines between blocks."""

    _BLOCKS = frozenset({"p", "div", "br", "li", "blockquote", "h1", "h2", "h3", "h4", "h5", "h6"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in self._BLOCKS:
            self.parts.append("\n\n" if tag != "br" else "\n")

    def handle_data(self, data: str) -> None:
        self.parts.append(data)


def _html_text(fragment: str) -> str:
    parser = _TextExtractor()
    parser.feed(fragment)
    parser.close()
    lines = "".join(parser.parts).split("\n")
    text = "\n".join(" ".join(line.split()) for line in lines)
    while "\n\n\n" in text:
        text = text.replace("\n\n\n", "\n\n")
    return text.strip()

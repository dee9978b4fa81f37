"""Reading schema.org ``LiveBlogPosting`` JSON-LD: updates, their times, bodies and authors."""

from __future__ import annotations

import datetime as dt
import html
import json
import re
from collections.abc import Iterator, Sequence
from typing import Any

import attrs

from liveblog.markers.zones import get_tzinfo

__all__ = ["LiveBlogData", "Update", "parse_instant", "read_live_blogs", "unescape_refs"]

# "2024-01-16T08:31:00Z", "2024-01-16T08:31:00.000+00:00", "2024-01-16 08:31+0100"
_INSTANT = re.compile(
    r"""\s*(?P<date>\d{4}-\d{2}-\d{2})[Tt\ ]
    (?P<time>\d{2}:\d{2}(?::\d{2}(?:[.,]\d{1,9})?)?)
    \s*(?P<offset>[Zz]|[+\-−]\d{2}(?::?\d{2})?)?\s*""",
    re.VERBOSE,
)
# Instants outside these years cannot always be converted between offsets.
_MIN_YEAR, _MAX_YEAR = 2, 9998
_LIVE_TYPES = frozenset({"liveblogposting"})
# A complete character reference: "&amp;", "&#39;", "&#x27;".
_CHAR_REF = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
# Wrappers some CMSes leave around the JSON: "<!--", "//<![CDATA[", "]]>", "-->".
_WRAPPER = re.compile(r"^\s*(?:<!--|//\s*<!\[CDATA\[|<!\[CDATA\[)|(?:-->|//\s*\]\]>|\]\]>)\s*$")


def parse_instant(value: object, *, tz: str | None = None) -> dt.datetime | None:
    """Read an ISO 8601 date-time; naive values take ``tz``, else give None.

    Years before 2 and after 9998 give None.

    >>> parse_instant("2024-01-16T08:31:00.5Z").isoformat()
    '2024-01-16T08:31:00.500000+00:00'
    >>> parse_instant("2024-01-16T08:31") is None
    True
    >>> parse_instant("2024-01-16T08:31", tz="Europe/Kyiv").isoformat()
    '2024-01-16T08:31:00+02:00'
    """
    if not isinstance(value, str):
        return None
    m = _INSTANT.fullmatch(value)
    if m is None:
        return None
    clock = m["time"].replace(",", ".")
    if "." in clock:
        whole, fraction = clock.split(".")
        clock = f"{whole}.{(fraction + '000000')[:6]}"
    offset = m["offset"]
    if offset in {"Z", "z"}:
        offset = "+00:00"
    elif offset is not None:
        offset = offset.replace("−", "-")
        if len(offset) == 3:
            offset += ":00"
        elif ":" not in offset:
            offset = f"{offset[:3]}:{offset[3:]}"
    try:
        value_dt = dt.datetime.fromisoformat(f"{m['date']}T{clock}{offset or ''}")
    except ValueError:
        return None
    if not _MIN_YEAR <= value_dt.year <= _MAX_YEAR:
        return None  # year 1 or 9999 cannot be moved to another offset
    if value_dt.utcoffset() is not None:
        return value_dt
    if tz is None:
        return None
    return value_dt.replace(tzinfo=get_tzinfo(tz))


@attrs.frozen
class Update:
    """One ``liveBlogUpdate`` item as the page states it."""

    headline: str | None
    """``headline`` (or ``name``), stripped, character references decoded; None when
    missing or empty."""
    body: str
    """``articleBody`` (or ``text``/``description``) as written; may hold HTML."""
    published_text: str | None
    """``datePublished`` as written."""
    published: dt.datetime | None
    """``datePublished`` read as an aware instant; None when unreadable."""
    author: str | None
    """Author names (character references decoded) joined with ``, ``."""
    url: str | None
    """``url`` or ``@id``."""


@attrs.frozen
class LiveBlogData:
    """A live blog's structured data: its updates in the order the page lists them."""

    updates: tuple[Update, ...]
    """The ``liveBlogUpdate`` items, as listed (usually newest first)."""
    headline: str | None = None
    """The blog's ``headline``."""
    description: str | None = None
    """The blog's ``description``."""
    coverage_start: dt.datetime | None = None
    """``coverageStartTime`` read as an instant."""
    coverage_start_text: str | None = None
    """``coverageStartTime`` as written."""
    problem: str | None = None
    """Why the data could not be read (invalid JSON), else None."""


def _types(node: dict[str, Any]) -> set[str]:
    raw = node.get("@type")
    values = raw if isinstance(raw, list) else [raw]
    out: set[str] = set()
    for value in values:
        if isinstance(value, str):
            out.add(value.rsplit("/", 1)[-1].rsplit(":", 1)[-1].lower())
    return out


def _walk(node: object, depth: int = 0) -> Iterator[dict[str, Any]]:
    """Every JSON object in the document, outermost first (``@graph`` and lists included)."""
    if depth > 50:
        return
    if isinstance(node, dict):
        yield node
        for value in node.values():
            if isinstance(value, dict | list):
                yield from _walk(value, depth + 1)
    elif isinstance(node, list):
        for item in node:
            yield from _walk(item, depth + 1)


def _raw_text(value: object) -> str | None:
    if isinstance(value, list):
        value = next((v for v in value if isinstance(v, str)), None)
    if isinstance(value, str) and value.strip():
        return value.strip()
    return None


def _text(value: object) -> str | None:
    """A plain-text field, its character references decoded (see :func:`unescape_refs`)."""
    raw = _raw_text(value)
    return None if raw is None else unescape_refs(raw).strip() or None


def unescape_refs(text: str) -> str:
    """Decode the HTML character references in plain text, as many CMSes write JSON-LD.

    Only complete references (ending in ``;``) are decoded, so that ``AT&T`` and
    ``R&D`` stay as written (``html.unescape`` would read ``&not`` in "this&nothing").

    >>> print(unescape_refs("It&#39;s &quot;chaos&quot; at AT&T &amp; R&D"))
    It's "chaos" at AT&T & R&D
    """
    if "&" not in text:
        return text
    return _CHAR_REF.sub(lambda m: html.unescape(m.group()), text)


def _author(value: object) -> str | None:
    items = value if isinstance(value, list) else [value]
    names: list[str] = []
    for item in items:
        name = _text(item.get("name")) if isinstance(item, dict) else _text(item)
        if name and name not in names:
            names.append(name)
    return ", ".join(names) or None


def _update(node: dict[str, Any], tz: str | None) -> Update:
    written = node.get("datePublished")
    body = _raw_text(node.get("articleBody")) or _raw_text(node.get("text"))
    headline = _text(node.get("headline")) or _text(node.get("name"))
    if body is None:
        body = _raw_text(node.get("description")) or ""
    url = _text(node.get("url")) or _text(node.get("@id"))
    return Update(
        headline=headline,
        body=body,
        published_text=written if isinstance(written, str) else None,
        published=parse_instant(written, tz=tz),
        author=_author(node.get("author")),
        url=url,
    )


def _load(script: str) -> object:
    lines = script.strip().splitlines()
    while lines and _WRAPPER.fullmatch(lines[0]):
        lines.pop(0)
    while lines and _WRAPPER.fullmatch(lines[-1]):
        lines.pop()
    cleaned = "\n".join(lines)
    return json.loads(cleaned, strict=False)


def read_live_blogs(scripts: Sequence[str], *, tz: str | None = None) -> tuple[LiveBlogData, ...]:
    """Find the live blogs described by a page's JSON-LD scripts.

    Every ``LiveBlogPosting`` anywhere in the data (top level, ``@graph``, lists,
    nested values), and any object with ``liveBlogUpdate``, gives one
    :class:`LiveBlogData`. A page without one but with two or
    more ``BlogPosting`` objects that carry ``datePublished`` is read as one live blog
    of those posts. A script that is not valid JSON gives a :class:`LiveBlogData`
    without updates whose ``problem`` says why, when it mentions ``LiveBlogPosting``.

    Args:
        scripts: the texts of the ``application/ld+json`` scripts.
        tz: the zone for date-times written without an offset.

    >>> doc = '''{"@context": "https://schema.org", "@graph": [{"@type": "WebPage"},
    ...   {"@type": "LiveBlogPosting", "headline": "Kyiv",
    ...    "liveBlogUpdate": {"@type": "BlogPosting", "headline": "Talks",
    ...      "datePublished": "2024-01-16T08:31:00Z", "articleBody": "They met.",
    ...      "author": [{"name": "A. Writer"}]}}]}'''
    >>> blog, = read_live_blogs([doc])
    >>> blog.headline, blog.updates[0].headline, blog.updates[0].author
    ('Kyiv', 'Talks', 'A. Writer')
    """
    blogs: list[LiveBlogData] = []
    loose_posts: list[Update] = []
    for script in scripts:
        try:
            data = _load(script)
        except (ValueError, RecursionError) as err:
            if "liveblogposting" in script.lower():
                problem = f"json-ld is not valid JSON ({type(err).__name__})"
                blogs.append(LiveBlogData(updates=(), problem=problem))
            continue
        inside_live: set[int] = set()
        for node in _walk(data):
            types = _types(node)
            # Some CMSes type the blog as NewsArticle but still list its updates.
            if types & _LIVE_TYPES or "liveBlogUpdate" in node:
                raw = node.get("liveBlogUpdate")
                items = raw if isinstance(raw, list) else ([] if raw is None else [raw])
                posts = [i for i in items if isinstance(i, dict)]
                inside_live.update(id(p) for p in posts)
                start_text = node.get("coverageStartTime")
                blogs.append(
                    LiveBlogData(
                        updates=tuple(_update(p, tz) for p in posts),
                        headline=_text(node.get("headline")),
                        description=_text(node.get("description")),
                        coverage_start=parse_instant(start_text, tz=tz),
                        coverage_start_text=start_text if isinstance(start_text, str) else None,
                    )
                )
            elif (
                "blogposting" in types
                and id(node) not in inside_live
                and node.get("datePublished") is not None
            ):
                loose_posts.append(_update(node, tz))
    if not blogs and len(loose_posts) >= 2:
        blogs.append(LiveBlogData(updates=tuple(loose_posts)))
    return tuple(blogs)

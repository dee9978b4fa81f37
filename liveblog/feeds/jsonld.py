"""schema.org ``LiveBlogPosting`` JSON-LD for a timeline, as search engines read it."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from liveblog.feeds._common import (
    check_aware,
    check_feed_arguments,
    dumps_json,
    entry_title,
    feed_title,
    home_page,
    newest_first,
    rfc3339,
    timed,
)
from liveblog.feeds._markup import plain_text
from liveblog.model import Entry, Timeline

__all__ = ["dumps_json_ld", "to_json_ld"]


def to_json_ld(
    tl: Timeline,
    *,
    title: str | None = None,
    url: str | None = None,
    now: dt.datetime | None = None,
    ended: bool = False,
    language: str | None = None,
) -> dict[str, Any]:
    """Describe a timeline as a schema.org ``LiveBlogPosting`` (JSON-LD data).

    ``coverageStartTime`` and ``datePublished`` are the oldest entry's time and
    ``dateModified`` the newest's. A text cannot tell whether coverage is over, so
    the caller says so: ``coverageEndTime`` is written only when ``ended`` is true,
    and is then the newest entry's time. ``now``, the instant of the export, stands
    in for ``dateModified`` and ``coverageEndTime`` when no entry has a time; it
    is never read from the clock. Each entry becomes a ``BlogPosting`` in
    ``liveBlogUpdate`` (newest first) with ``headline`` (the headline, else the
    marker, else the start of the text), ``datePublished`` (omitted for entries
    without a time), ``articleBody``, ``identifier`` (the stable entry id) and
    ``author`` when known, and ``articleSection``, the day header the entry opens
    under (``Tuesday 23 January (Day Three)``), when it has one. The preamble, when
    there is one, is the ``description``. Identifiers are unique: an id an older
    entry already has (only a timeline built by hand can hold one) becomes ``id~2``.

    Args:
        tl: the timeline.
        title: the ``headline``; defaults to the source's title or name, else
            ``Live blog``.
        url: the live blog's address (``url`` and ``@id``); defaults to the
            source's URL.
        now: the instant of the export (timezone-aware), used only as a fallback.
        ended: whether the coverage is over (writes ``coverageEndTime``).
        language: the language tag of the text (``en``, ``fr-CA``), as ``inLanguage``.

    Returns:
        JSON-LD data; :func:`dumps_json_ld` writes it for a
        ``<script type="application/ld+json">`` element.

    Raises:
        ValueError: ``now`` is naive, or ``language`` is not shaped like a language tag.
        TypeError: ``tl`` is no Timeline, or the title or URL no str.

    >>> import datetime as dt
    >>> from liveblog import Entry, Span, Timeline
    >>> when = dt.datetime(2024, 1, 22, 15, 48, tzinfo=dt.timezone.utc)
    >>> tl = Timeline([Entry(id="7c4c361103020b96", marker="UPDATE 1548 GMT",
    ...                      body="Talks end.", span=Span(0, 27), published=when)])
    >>> doc = to_json_ld(tl, title="Ukraine", ended=True)
    >>> doc["@type"], doc["coverageStartTime"], doc["coverageEndTime"]
    ('LiveBlogPosting', '2024-01-22T15:48:00+00:00', '2024-01-22T15:48:00+00:00')
    >>> doc["liveBlogUpdate"][0]["headline"]
    'UPDATE 1548 GMT'
    """
    check_aware("now", now)
    check_feed_arguments(tl, language, title=title, url=url)
    doc: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "LiveBlogPosting",
        "headline": feed_title(tl, title),
    }
    address = home_page(tl, url)
    if address:
        doc["@id"] = address
        doc["url"] = address
    if language is not None:
        doc["inLanguage"] = language
    if tl.preamble.text:
        doc["description"] = plain_text(tl.preamble.text)
    times = timed(tl.entries)
    start = min(times) if times else None
    last = max(times) if times else now
    if start is not None:
        doc["coverageStartTime"] = rfc3339(start)
        doc["datePublished"] = rfc3339(start)
    if last is not None:
        doc["dateModified"] = rfc3339(last)
        if ended:
            doc["coverageEndTime"] = rfc3339(last)
    doc["liveBlogUpdate"] = [_update(e, update_id) for e, update_id in newest_first(tl)]
    return doc


def dumps_json_ld(doc: Mapping[str, Any]) -> str:
    """Serialise JSON-LD data as JSON text to stand in an HTML ``<script>`` element:
    indented, non-ASCII kept as is, and ``<``, ``>``, ``&`` and lone surrogates
    written as JSON escapes, so no post's text (``</script>``, ``<!--``) can end the
    element or open a comment in it; ``json.loads`` reads back the same data.

    >>> print(dumps_json_ld({"articleBody": "Use </script> & <!-- here"}), end="")
    {
      "articleBody": "Use \\u003c/script\\u003e \\u0026 \\u003c!-- here"
    }
    """
    return dumps_json(doc, script_safe=True)


def _update(entry: Entry, update_id: str) -> dict[str, Any]:
    update: dict[str, Any] = {
        "@type": "BlogPosting",
        "identifier": update_id,
        "headline": entry_title(entry),
    }
    if entry.published is not None:
        update["datePublished"] = rfc3339(entry.published)
    update["articleBody"] = plain_text(entry.body)
    if entry.author:
        update["author"] = {"@type": "Person", "name": entry.author}
    if entry.day_header:
        update["articleSection"] = entry.day_header  # the page's section of that day
    return update

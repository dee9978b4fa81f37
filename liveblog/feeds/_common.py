"""Helpers the feed writers share: RFC 3339 times, titles, feed-level defaults."""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Mapping, Sequence
from typing import Any

from liveblog.feeds._markup import plain_text, safe_html
from liveblog.model import Entry, Timeline

DEFAULT_TITLE = "Live blog"
"""Feed title used when neither the caller nor the timeline's source gives one."""

_TITLE_LIMIT = 80
_SURROGATE = re.compile("[\ud800-\udfff]")
# what may end a <script> element's text or open a comment or a tag in it: as JSON
# escapes these read back the same
_SCRIPT_SAFE = {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026"}
_NOT_SCRIPT_SAFE = re.compile("[\ud800-\udfff<>&]")
# a language tag as Atom's xml:lang takes it (RFC 4287's atomLanguageTag, BCP 47's shape)
_LANGUAGE_TAG = re.compile(r"[A-Za-z]{1,8}(?:-[A-Za-z0-9]{1,8})*\Z")


def rfc3339(value: dt.datetime) -> str:
    """Format an aware datetime as RFC 3339, keeping its own UTC offset.

    RFC 3339 offsets are whole minutes, so an instant whose offset has seconds
    is written in UTC instead (the instant is what matters).

    >>> rfc3339(dt.datetime(2024, 1, 22, 15, 48, tzinfo=dt.timezone.utc))
    '2024-01-22T15:48:00+00:00'
    """
    offset = value.utcoffset()
    if offset is None:
        msg = f"datetime must be timezone-aware, got {value!r}"
        raise ValueError(msg)
    if offset.seconds % 60 or offset.microseconds:
        try:
            value = value.astimezone(dt.UTC)
        except OverflowError:
            value = _whole_minute_offset(value, offset)
    return value.isoformat(timespec="microseconds" if value.microsecond else "seconds")


def _whole_minute_offset(value: dt.datetime, offset: dt.timedelta) -> dt.datetime:
    """The same instant as ``value`` at an offset of whole minutes next to ``offset``,
    for an instant that is outside years 1-9999 in UTC (a local mean time with seconds
    at the calendar's ends); ``value`` itself if neither neighbour fits the calendar."""
    floor = offset // dt.timedelta(minutes=1)
    for minutes in (floor, floor + 1):
        whole = dt.timedelta(minutes=minutes)
        try:
            local = value.replace(tzinfo=None) + (whole - offset)
            return local.replace(tzinfo=dt.timezone(whole))
        except (OverflowError, ValueError):
            continue
    return value


def check_aware(name: str, value: dt.datetime | None) -> None:
    """Raise ``ValueError`` naming ``name`` when ``value`` is a naive datetime
    (``TypeError`` when it is no datetime at all)."""
    if value is not None and not isinstance(value, dt.datetime):
        msg = f"{name} must be a timezone-aware datetime, got {value!r}"
        raise TypeError(msg)
    if value is not None and value.utcoffset() is None:
        msg = f"{name} must be timezone-aware, got {value!r}"
        raise ValueError(msg)


def check_feed_arguments(tl: Timeline, language: str | None, **texts: str | None) -> None:
    """Raise ``TypeError`` unless ``tl`` is a Timeline and each of ``texts`` (a title, a
    URL, by the writer's parameter name) a str or None; check ``language`` (see
    :func:`check_language`).

    >>> check_feed_arguments(Timeline([]), None, title=5)  # type: ignore[arg-type]
    Traceback (most recent call last):
    ...
    TypeError: title must be a str or None, got 5
    """
    if not isinstance(tl, Timeline):
        msg = f"tl must be a Timeline, got {type(tl).__name__}"
        if isinstance(tl, Mapping):
            msg += " (Timeline.from_dict reads one)"
        raise TypeError(msg)
    for name, value in texts.items():
        if value is not None and not isinstance(value, str):
            msg = f"{name} must be a str or None, got {value!r}"
            raise TypeError(msg)
    check_language(language)


def check_language(language: str | None) -> None:
    """Raise ``ValueError`` unless ``language`` is None or shaped like a language tag
    (``en``, ``fr-CA``, ``zh-Hant-TW``); ``TypeError`` when it is no string."""
    if language is None:
        return
    if not isinstance(language, str):
        msg = f"language must be a string, got {language!r}"
        raise TypeError(msg)
    if not _LANGUAGE_TAG.match(language):
        msg = f"language must be a language tag such as 'en' or 'fr-CA', got {language!r}"
        raise ValueError(msg)


def feed_title(tl: Timeline, title: str | None) -> str:
    """The caller's title, else the source's title or name, else ``Live blog``; a
    blank one counts as none (a feed's title must say something)."""
    source = tl.source
    for candidate in (title, source and source.title, source and source.name):
        if candidate and candidate.strip():
            return candidate
    return DEFAULT_TITLE


def unique_ids(ids: Sequence[str]) -> list[str]:
    """``ids`` with each repeat renamed ``id~2`` (or the next number that is free),
    the first keeping its id, as :func:`~liveblog.feeds.from_json_feed` renames a
    feed's repeated ids: a feed's ids must be unique.

    >>> unique_ids(["a", "b", "a", "a~2"])
    ['a', 'b', 'a~3', 'a~2']
    """
    taken = set(ids)
    if len(taken) == len(ids):
        return list(ids)
    seen: set[str] = set()
    result: list[str] = []
    for item_id in ids:
        fresh = item_id
        if item_id in seen:
            n = 2
            while f"{item_id}~{n}" in taken:
                n += 1
            fresh = f"{item_id}~{n}"
            taken.add(fresh)
        seen.add(fresh)
        result.append(fresh)
    return result


def home_page(tl: Timeline, home_page_url: str | None) -> str | None:
    """The caller's home page URL, else the source's URL."""
    if home_page_url:
        return home_page_url
    return None if tl.source is None else tl.source.url


def entry_title(entry: Entry) -> str:
    """A title for formats that require one: headline, marker, start of body, id;
    without markup (see :func:`plain_text`)."""
    for candidate in (entry.headline, entry.marker):
        text = plain_text(candidate).strip() if candidate else ""
        if text:
            break
    else:
        text = " ".join(plain_text(entry.body).split())
    if not text:
        return f"Update {entry.id}"
    return text if len(text) <= _TITLE_LIMIT else text[: _TITLE_LIMIT - 1] + "…"


def newest_first(tl: Timeline) -> list[tuple[Entry, str]]:
    """The timeline's entries in feed order, the newest at the top, each with its id in
    the feed (:func:`unique_ids`)."""
    ids = unique_ids([e.id for e in tl.entries])
    return list(zip(reversed(tl.entries), reversed(ids), strict=True))


def timed(entries: Sequence[Entry]) -> list[dt.datetime]:
    """The ``published`` instants of the entries that have one."""
    return [e.published for e in entries if e.published is not None]


def body_html(body: str) -> str:
    """Render an entry's text as HTML paragraphs (blank lines split them), with its
    emphasis, line breaks and links rendered and everything else escaped (see
    :func:`safe_html`).

    >>> body_html("Talks <end>.\\n\\n**More** & more.</p>")
    '<p>Talks &lt;end&gt;.</p>\\n<p><strong>More</strong> &amp; more.</p>'
    """
    return safe_html(body)


def dumps_json(data: Mapping[str, Any], *, script_safe: bool = False) -> str:
    """``data`` as JSON text (non-ASCII kept as is), indented, newline-ended; a lone
    surrogate, which has no UTF-8, written as its JSON escape (``\\udc80``); with
    ``script_safe``, ``<``, ``>`` and ``&`` written as escapes too, so the text can
    stand in an HTML ``<script>`` element (``</script>`` in a post cannot end it).
    Only strings hold such characters, so the document reads back the same.

    >>> print(dumps_json({"text": "a</script>b"}, script_safe=True), end="")
    {
      "text": "a\\u003c/script\\u003eb"
    }
    """
    text = json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    pattern = _NOT_SCRIPT_SAFE if script_safe else _SURROGATE
    return pattern.sub(lambda m: _SCRIPT_SAFE.get(m[0]) or f"\\u{ord(m[0]):04x}", text)

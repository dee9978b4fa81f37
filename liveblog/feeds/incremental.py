"""Incremental feed runs: keep the ids of an earlier feed and report what changed."""

from __future__ import annotations

import datetime as dt
import difflib
import json
import re
from collections import deque
from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from typing import Any

import attrs

from liveblog.errors import FeedError
from liveblog.feeds._common import check_aware, newest_first, rfc3339, unique_ids
from liveblog.feeds.jsonfeed import EXTENSION, check_feed, to_json_feed
from liveblog.model import Entry, Timeline

__all__ = ["FeedChanges", "SnapshotChanges", "changes", "update_feed"]

# Keys that say nothing a reader sees: the id itself and the modification stamp.
_NOT_CONTENT = frozenset({"id", "date_modified"})


def _ids(values: Sequence[str]) -> tuple[str, ...]:
    return tuple(values)


def _pairs(values: Sequence[tuple[str, str]]) -> tuple[tuple[str, str], ...]:
    return tuple((a, b) for a, b in values)


@attrs.frozen
class FeedChanges:
    """What an incremental run changed, as item ids in the new feed's order.

    >>> changes = FeedChanges(new=("b1",), unchanged=("a0",))
    >>> print(changes)
    1 new, 0 changed, 1 unchanged, 0 removed
    new: b1
    >>> changes.has_changes
    True
    """

    new: tuple[str, ...] = attrs.field(default=(), converter=_ids)
    """Items the previous feed did not have."""
    changed: tuple[str, ...] = attrs.field(default=(), converter=_ids)
    """Items whose reader-visible content (title, text, date, authors...) changed."""
    unchanged: tuple[str, ...] = attrs.field(default=(), converter=_ids)
    """Items the run found again as they were."""
    removed: tuple[str, ...] = attrs.field(default=(), converter=_ids)
    """Items of the previous feed the run did not find; kept in the feed as they were."""
    reidentified: tuple[tuple[str, str], ...] = attrs.field(default=(), converter=_pairs)
    """``(previous id, computed id)`` for items matched by content whose computed id
    differs; the feed keeps the previous id."""

    @property
    def has_changes(self) -> bool:
        """True when the feed gained or changed an item."""
        return bool(self.new or self.changed)

    def __str__(self) -> str:
        lines = [
            f"{len(self.new)} new, {len(self.changed)} changed, "
            f"{len(self.unchanged)} unchanged, {len(self.removed)} removed"
        ]
        for label, ids in (("new", self.new), ("changed", self.changed)):
            if ids:
                lines.append(f"{label}: {' '.join(ids)}")
        if self.removed:
            lines.append(f"removed (kept): {' '.join(self.removed)}")
        lines.extend(f"kept id {old} for {new}" for old, new in self.reidentified)
        return "\n".join(lines)

    def to_dict(self) -> dict[str, Any]:
        """Plain data, for a machine-readable report."""
        return {
            "new": list(self.new),
            "changed": list(self.changed),
            "unchanged": list(self.unchanged),
            "removed": list(self.removed),
            "reidentified": [list(pair) for pair in self.reidentified],
        }


def update_feed(
    previous: Mapping[str, Any] | None,
    current: Mapping[str, Any],
    *,
    now: dt.datetime | None = None,
) -> tuple[dict[str, Any], FeedChanges]:
    """Fold a freshly written feed into the feed an earlier run published.

    Entry ids are stable, so most items match by id. An item is the previous item
    with its id and text, else a previous item with its text that no other item
    matched (deleting the older of two posts with one marker hands its id to the
    newer: the text tells them apart), else the previous item with its id and time,
    else one with its ``date_published`` and marker, else one with its marker and
    clock time on any day, else an article read before the page had markers whose
    words it holds; it then keeps the previous id, so readers do not see it twice
    (see :func:`_match` and docs/feeds.md). An item is *changed* when any
    standard JSON Feed key other than ``id`` and ``date_modified`` differs (the
    ``_liveblog`` offsets move whenever the blog grows and do not count). An id
    that a feed repeats is renamed ``id~2`` (as
    :func:`~liveblog.feeds.from_json_feed` does), in both feeds alike, so no item is
    dropped.
    Previous items the run did not find are kept, verbatim, next to the items
    they stood beside, so a feed never loses items. Feed-level keys come from
    ``current``.

    Args:
        previous: the feed the last run published (parsed JSON); None on the first
            run, when every item is new.
        current: the feed just written by :func:`to_json_feed`.
        now: when given (timezone-aware), changed items get it as
            ``date_modified``; unchanged items (and changed ones when ``now`` is
            None) keep the previous ``date_modified``.

    Returns:
        The feed to publish and the report of what changed.

    Raises:
        FeedError: either document is not a JSON Feed, or an item has no id.
        ValueError: ``now`` is naive.

    >>> old = {"version": "https://jsonfeed.org/version/1.1", "title": "Kyiv",
    ...        "items": [{"id": "a0", "content_text": "First."}]}
    >>> new = {**old, "items": [{"id": "b1", "content_text": "Second."},
    ...                         {"id": "a0", "content_text": "First!"}]}
    >>> feed, changes = update_feed(old, new)
    >>> [item["id"] for item in feed["items"]], changes.new, changes.changed
    (['b1', 'a0'], ('b1',), ('a0',))
    """
    check_aware("now", now)
    old_items = [] if previous is None else _identified(previous, "previous")
    new_items = _identified(current, "current")
    old_by_id = dict(old_items)
    published = _match(old_items, new_items)

    items: list[tuple[str, dict[str, Any]]] = []
    new: list[str] = []
    changed: list[str] = []
    unchanged: list[str] = []
    for computed, item in new_items:
        item_id = published.get(computed, computed)
        fresh = {**item, "id": item_id}
        fresh.pop("date_modified", None)
        before = old_by_id.get(item_id)
        if before is None:
            new.append(item_id)
        elif _content(before) != _content(fresh):
            changed.append(item_id)
            if now is not None:
                fresh["date_modified"] = rfc3339(now)
            elif "date_modified" in before:  # no new stamp: the last one still holds
                fresh["date_modified"] = before["date_modified"]
        else:
            unchanged.append(item_id)
            if "date_modified" in before:
                fresh["date_modified"] = before["date_modified"]
        items.append((item_id, fresh))

    present = {item_id for item_id, _ in items}
    removed = [item_id for item_id, _ in old_items if item_id not in present]
    _insert_kept(items, old_items, set(removed))
    order = [item_id for item_id, _ in items]
    changes = FeedChanges(
        new=new,
        changed=changed,
        unchanged=unchanged,
        removed=sorted(removed, key=order.index),
        reidentified=[
            (published[computed], computed)
            for computed, _ in new_items
            if published.get(computed, computed) != computed and published[computed] in old_by_id
        ],
    )
    return {**current, "items": [item for _, item in items]}, changes


def _entries(values: Iterable[Entry]) -> tuple[Entry, ...]:
    return tuple(values)


def _entry_pairs(values: Iterable[tuple[Entry, Entry]]) -> tuple[tuple[Entry, Entry], ...]:
    return tuple((a, b) for a, b in values)


@attrs.frozen
class SnapshotChanges:
    """What differs between two snapshots of one blog, entry by entry, oldest first.

    A pair is ``(old, new)``: the entry of the earlier snapshot and the one of the
    later snapshot that :func:`changes` found to be the same post (the ids of the
    two differ when the post's time or marker was corrected: ``old.id`` is the one a
    feed keeps).
    """

    added: tuple[Entry, ...] = attrs.field(default=(), converter=_entries)
    """Entries of the later snapshot that the earlier one did not have."""
    removed: tuple[Entry, ...] = attrs.field(default=(), converter=_entries)
    """Entries of the earlier snapshot that the later one no longer has."""
    changed: tuple[tuple[Entry, Entry], ...] = attrs.field(default=(), converter=_entry_pairs)
    """Posts whose marker, time, headline, author or text (as written) changed."""
    unchanged: tuple[tuple[Entry, Entry], ...] = attrs.field(default=(), converter=_entry_pairs)
    """Posts found again as they were (their offsets in the page may have moved)."""

    @property
    def has_changes(self) -> bool:
        """True when an entry was added, removed or changed."""
        return bool(self.added or self.removed or self.changed)

    def __str__(self) -> str:
        lines = [
            f"{len(self.added)} added, {len(self.changed)} changed, "
            f"{len(self.unchanged)} unchanged, {len(self.removed)} removed"
        ]
        if self.added:
            lines.append(f"added: {' '.join(e.id for e in self.added)}")
        if self.changed:
            lines.append(f"changed: {' '.join(_pair_ids(pair) for pair in self.changed)}")
        if self.removed:
            lines.append(f"removed: {' '.join(e.id for e in self.removed)}")
        return "\n".join(lines)

    def to_dict(self) -> dict[str, Any]:
        """Plain data: the entries as :meth:`Entry.to_dict` gives them, pairs as
        ``{"old": ..., "new": ...}``."""
        return {
            "added": [e.to_dict() for e in self.added],
            "removed": [e.to_dict() for e in self.removed],
            "changed": [{"old": a.to_dict(), "new": b.to_dict()} for a, b in self.changed],
            "unchanged": [{"old": a.to_dict(), "new": b.to_dict()} for a, b in self.unchanged],
        }


def _pair_ids(pair: tuple[Entry, Entry]) -> str:
    old, new = pair
    return old.id if old.id == new.id else f"{old.id} (now {new.id})"


_AS_WRITTEN = ("marker", "published", "headline", "author", "body")
"""The fields of an entry that :func:`changes` compares: what the page says."""


def changes(old: Timeline, new: Timeline) -> SnapshotChanges:
    """Compare two snapshots of one blog: which entries were added, removed or changed.

    The entries are matched as :func:`update_feed` matches a feed's items (by id and
    text, then text, id and time, time and marker, marker and clock time, and an
    article read before the page had markers by its words: see docs/feeds.md), so a
    post whose time, marker or text was corrected is one changed post, not one
    removed and one added. A matched post is *changed* when its marker, time
    (``published``), headline, author or text as written differs; its offsets in
    the page, which move whenever the blog grows, do not count. (``update_feed``
    counts what a feed reader sees, so a change in markup alone is a change here and
    not there.)

    >>> import datetime as dt, liveblog
    >>> day = dt.date(2024, 1, 22)
    >>> before = liveblog.parse(
    ...     "UPDATE 0831 GMT: Seven drones.\\n\\nUPDATE 0720 GMT: Sirens.", date=day
    ... )
    >>> after = liveblog.parse(
    ...     "UPDATE 0945 GMT: Talks.\\n\\nUPDATE 0831 GMT: Eight drones.", date=day
    ... )
    >>> diff = changes(before, after)
    >>> [e.body for e in diff.added], [e.body for e in diff.removed]
    (['Talks.'], ['Sirens.'])
    >>> [(a.body, b.body) for a, b in diff.changed]
    [('Seven drones.', 'Eight drones.')]

    Args:
        old: the earlier snapshot, parsed.
        new: the later snapshot, parsed.

    Returns:
        The entries added, removed, changed and unchanged, each oldest first.

    Raises:
        TypeError: ``old`` or ``new`` is not a :class:`~liveblog.Timeline`.
    """
    for name, value in (("old", old), ("new", new)):
        if not isinstance(value, Timeline):
            msg = f"{name} must be a Timeline, got {type(value).__name__}"
            raise TypeError(msg)
    old_pairs, new_pairs = newest_first(old), newest_first(new)
    old_items = list(zip((i for _, i in old_pairs), to_json_feed(old)["items"], strict=True))
    new_items = list(zip((i for _, i in new_pairs), to_json_feed(new)["items"], strict=True))
    published = _match(old_items, new_items)
    old_entry = {item_id: entry for entry, item_id in old_pairs}
    found: set[str] = set()
    added: list[Entry] = []
    changed: list[tuple[Entry, Entry]] = []
    unchanged: list[tuple[Entry, Entry]] = []
    for entry, computed in reversed(new_pairs):
        before = old_entry.get(published.get(computed, computed))
        if before is None:
            added.append(entry)
            continue
        found.add(published.get(computed, computed))
        same = all(getattr(before, f) == getattr(entry, f) for f in _AS_WRITTEN)
        (unchanged if same else changed).append((before, entry))
    removed = [entry for entry, item_id in reversed(old_pairs) if item_id not in found]
    return SnapshotChanges(added=added, removed=removed, changed=changed, unchanged=unchanged)


def _identified(feed: Mapping[str, Any], name: str) -> list[tuple[str, dict[str, Any]]]:
    try:
        items = check_feed(feed)
    except FeedError as err:
        msg = f"{name} feed: {err.msg}"
        raise FeedError(msg, path=err.path) from err
    raw_ids: list[str] = []
    for index, item in enumerate(items):
        raw = item.get("id")
        if isinstance(raw, int | float) and not isinstance(raw, bool):
            raw = str(raw)  # the spec: readers coerce non-string ids to strings
        if not isinstance(raw, str) or not raw:
            msg = f"{name} feed: item has no id"
            raise FeedError(msg, path=f"/items/{index}/id")
        raw_ids.append(raw)
    # a repeated id (a feed that published an update twice) is renamed as
    # from_json_feed renames it, in both feeds alike: the feed keeps every item
    ids = unique_ids(raw_ids)
    return [
        (item_id, dict(item) if item_id == raw else {**item, "id": item_id})
        for item_id, raw, item in zip(ids, raw_ids, items, strict=True)
    ]


_Key = tuple[str, ...] | None
"""What :func:`_match` compares items by beside their ids: their text, or their time and
marker (None when the item has none)."""


def _match(
    old_items: Sequence[tuple[str, dict[str, Any]]],
    new_items: Sequence[tuple[str, dict[str, Any]]],
) -> dict[str, str]:
    """Map each current item's computed id to the id it is published under.

    A current item is the previous item that has its id and its text, else the first
    unclaimed previous item with its text (an entry's id moves when an older post
    with the same marker is deleted, and a corrected time or marker moves it too),
    else the previous item with its id and time, else an unclaimed one with its
    ``date_published`` and marker, else one with its marker and clock time (or none)
    on any day, else an unclaimed previous article that it holds (see
    :func:`_by_article_words`). Where several unclaimed items share a time and
    marker, the id (which counts them oldest first, by the page's order) does not
    decide, and items that share a key pair up by their words (:func:`_by_closest`).
    An item matched by none is new; it keeps its computed id unless another item took
    that previous id, and is then ``id~2`` (or the next number that is free).
    """
    old_text = {old_id: _text_key(item) for old_id, item in old_items}
    new_text = {new_id: _text_key(item) for new_id, item in new_items}
    published: dict[str, str] = {}  # computed id -> previous id
    claimed: set[str] = set()

    def claim(new_id: str, old_id: str) -> None:
        published[new_id] = old_id
        claimed.add(old_id)

    def by_key(old_keys: Mapping[str, _Key], new_keys: Mapping[str, _Key]) -> None:
        pool: dict[tuple[str, ...], deque[str]] = {}
        for old_id, key in old_keys.items():
            if key is not None and old_id not in claimed:
                pool.setdefault(key, deque()).append(old_id)
        for new_id, key in new_keys.items():
            free = None if new_id in published or key is None else pool.get(key)
            while free and free[0] in claimed:
                free.popleft()
            if free:
                claim(new_id, free.popleft())

    for new_id, text in new_text.items():
        if text is not None and old_text.get(new_id) == text:
            claim(new_id, new_id)
    by_key(old_text, new_text)
    # an id counts the posts at one time oldest first, which the page's order says
    # only when it is known: among posts at one time, the id is weak evidence; and a
    # previous item keeps its id when its time is corrected, so a post at its old time
    # can compute that id: it is the same post only at the same time
    crowded = _crowded(old_items, claimed) | _crowded(new_items, published)
    old_by_id = dict(old_items)
    for new_id, item in new_items:
        if (
            new_id not in published
            and new_id in old_by_id
            and new_id not in claimed
            and _time_key(item) not in crowded
            and _time_key(item) == _time_key(old_by_id[new_id])
        ):
            claim(new_id, new_id)
    _by_closest(old_items, new_items, _time_key, published=published, claim=claim)
    _by_closest(old_items, new_items, _marker_key, published=published, claim=claim)
    _by_article_words(old_items, new_items, published, claimed, claim)
    taken = claimed | set(old_text) | {new_id for new_id, _ in new_items}
    for new_id, _ in new_items:
        if new_id not in published and new_id in old_by_id:  # the id is another's
            number = 2
            while f"{new_id}~{number}" in taken:
                number += 1
            published[new_id] = f"{new_id}~{number}"
            taken.add(published[new_id])
    return published


_WORD = re.compile(r"\w+")


def _words(item: Mapping[str, Any]) -> list[str]:
    """The words of the item's plain text, case-folded."""
    text = item.get("content_text")
    return _WORD.findall(text.casefold()) if isinstance(text, str) else []


def _run(old_words: Sequence[str], new_words: Sequence[str]) -> int:
    """The length of the longest run of words the two lists share."""
    matcher = difflib.SequenceMatcher(None, old_words, new_words, autojunk=False)
    return matcher.find_longest_match().size


def _alike(old_words: Sequence[str], new_words: Sequence[str]) -> float:
    """How alike two lists of words are: twice the words they share in order over the
    words of both (difflib's ratio)."""
    return difflib.SequenceMatcher(None, old_words, new_words, autojunk=False).ratio()


def _crowded(items: Sequence[tuple[str, dict[str, Any]]], taken: Collection[str]) -> set[_Key]:
    """The time keys that more than one of the items not yet ``taken`` have."""
    seen: set[_Key] = set()
    crowded: set[_Key] = set()
    for item_id, item in items:
        key = None if item_id in taken else _time_key(item)
        if key is not None:
            (crowded if key in seen else seen).add(key)
    return crowded


_MOST_PAIRS = 10_000
"""The most pairs of items :func:`_by_closest` compares for one key (a crowd of
corrected posts at one time and marker); beyond, they pair oldest first."""


def _by_closest(
    old_items: Sequence[tuple[str, dict[str, Any]]],
    new_items: Sequence[tuple[str, dict[str, Any]]],
    key_of: Callable[[Mapping[str, Any]], _Key],
    *,
    published: Mapping[str, str],
    claim: Callable[[str, str], None],
) -> None:
    """Pair up the unclaimed items that share a key, closest words first.

    Of the unclaimed previous and current items with one key, the pair whose words
    are most alike (:func:`_alike`) goes first, of equals the oldest of each (ids
    count the posts at one time oldest first), and so on while both have items left;
    more than :data:`_MOST_PAIRS` pairs pair oldest first.
    """
    claimed = set(published.values())
    old_pool: dict[tuple[str, ...], list[tuple[str, Mapping[str, Any]]]] = {}
    for old_id, item in reversed(old_items):
        key = None if old_id in claimed else key_of(item)
        if key is not None:
            old_pool.setdefault(key, []).append((old_id, item))
    new_pool: dict[tuple[str, ...], list[tuple[str, Mapping[str, Any]]]] = {}
    for new_id, item in reversed(new_items):
        key = None if new_id in published else key_of(item)
        if key is not None and key in old_pool:
            new_pool.setdefault(key, []).append((new_id, item))
    for key, news in new_pool.items():
        olds = old_pool[key]
        if len(olds) == len(news) == 1 or len(olds) * len(news) > _MOST_PAIRS:
            for (new_id, _), (old_id, _) in zip(news, olds, strict=False):
                claim(new_id, old_id)  # one pair, or too many to compare: oldest first
            continue
        old_words = [_words(item) for _, item in olds]
        new_words = [_words(item) for _, item in news]
        ranked = sorted(
            (-_alike(old_words[i], new_words[j]), i, j)
            for j in range(len(news))
            for i in range(len(olds))
        )
        done_old: set[int] = set()
        done_new: set[int] = set()
        for _, i, j in ranked:
            if i not in done_old and j not in done_new:
                done_old.add(i)
                done_new.add(j)
                claim(news[j][0], olds[i][0])


def _by_article_words(
    old_items: Sequence[tuple[str, dict[str, Any]]],
    new_items: Sequence[tuple[str, dict[str, Any]]],
    published: Mapping[str, str],
    claimed: Collection[str],
    claim: Callable[[str, str], None],
) -> None:
    """Match each unclaimed previous article to the current item that holds its words.

    A page read before it had markers is one item without a time or marker. When the
    page becomes a live blog, the article stands under a marker or a label
    (``ORIGINAL ENTRY:``), or below the updates, in the body of the oldest, and the
    page's heading or byline, part of the article's text until then, may move to the
    preamble: the same words, with others around them, or without a few. Such an
    unclaimed previous item takes the unclaimed current item that holds the longest
    run of its words, when that run is at least half of them (a shorter one would
    leave most of its text only in the kept item); of equals, the one closest in
    length, then the oldest.
    """
    unmatched = [
        (new_id, words)
        for new_id, item in reversed(new_items)
        if new_id not in published and (words := _words(item))
    ]
    for old_id, item in old_items:
        extension = item.get(EXTENSION)
        marker = extension.get("marker") if isinstance(extension, Mapping) else None
        article = _words(item)
        if old_id in published.values() or marker != "" or "date_published" in item:
            continue
        best: tuple[int, int, int] | None = None  # (run, -length difference, -index)
        for at, (_, words) in enumerate(unmatched):
            if 2 * len(words) < len(article):
                continue
            run = _run(article, words)
            rank = (run, -abs(len(words) - len(article)), -at)
            if 2 * run >= len(article) > 0 and (best is None or rank > best):
                best = rank
        if best is not None:
            new_id, _ = unmatched.pop(-best[2])
            claim(new_id, old_id)


def _text_key(item: Mapping[str, Any]) -> tuple[str, ...] | None:
    # the text as written, which the extension keeps when content_text dropped markup
    # (and which content_text was, before feeds dropped it)
    extension = item.get(EXTENSION)
    text = extension.get("body") if isinstance(extension, Mapping) else None
    if not isinstance(text, str):
        text = item.get("content_text")
    if not isinstance(text, str) or not text.strip():
        return None
    return ("text", " ".join(text.split()))


def _time_key(item: Mapping[str, Any]) -> tuple[str, ...] | None:
    published = item.get("date_published")
    extension = item.get(EXTENSION)
    marker = extension.get("marker") if isinstance(extension, Mapping) else None
    if not isinstance(published, str) or not isinstance(marker, str):
        return None
    return ("time", published, " ".join(marker.casefold().split()))


def _marker_key(item: Mapping[str, Any]) -> tuple[str, ...] | None:
    # the marker and the clock time as written, without the day: an item's id holds
    # its day, which moves (with its date_published) when the page's date does, or,
    # when the page has no date and the marker no time, the start of its text
    extension = item.get(EXTENSION)
    if not isinstance(extension, Mapping):
        return None
    marker, clock = extension.get("marker"), extension.get("time", "")
    if not isinstance(marker, str) or not marker.strip() or not isinstance(clock, str):
        return None
    return ("marker", " ".join(marker.casefold().split()), clock)


def _content(item: Mapping[str, Any]) -> str:
    """The reader-visible part of an item, as canonical JSON."""
    visible = {k: v for k, v in item.items() if k not in _NOT_CONTENT and not k.startswith("_")}
    return json.dumps(visible, sort_keys=True, ensure_ascii=False)


def _insert_kept(
    items: list[tuple[str, dict[str, Any]]],
    old_items: Sequence[tuple[str, dict[str, Any]]],
    removed: set[str],
) -> None:
    """Put each vanished previous item back beside its previous neighbour."""
    old_order = [item_id for item_id, _ in old_items]
    # the ids of ``items`` in order, and as a set, kept in step with it (rebuilding the
    # list and searching it for each item made this cubic in the feed's length)
    placed = [i for i, _ in items]
    placed_set = set(placed)
    for index, (item_id, item) in enumerate(old_items):
        if item_id not in removed:
            continue
        above = next((q for q in reversed(old_order[:index]) if q in placed_set), None)
        if above is not None:
            at = placed.index(above) + 1
        else:
            below = next(
                (q for q in old_order[index + 1 :] if q in placed_set and q not in removed), None
            )
            at = len(items) if below is None else placed.index(below)
        items.insert(at, (item_id, item))
        placed.insert(at, item_id)
        placed_set.add(item_id)

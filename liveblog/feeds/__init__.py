"""Feeds: a timeline as JSON Feed 1.1, Atom 1.0 or schema.org JSON-LD, and back.

The writers are pure functions of the timeline and their keyword arguments: none
reads the clock, so the same timeline always gives the same document.

>>> import datetime as dt
>>> from liveblog import Entry, Span, Timeline
>>> when = dt.datetime(2024, 1, 22, 7, 20, tzinfo=dt.timezone.utc)
>>> tl = Timeline([Entry(id="e0", marker="UPDATE 0720 GMT", body="Drones downed.",
...                      span=Span(0, 31), published=when)])
>>> from_json_feed(to_json_feed(tl)) == tl
True
"""

from __future__ import annotations

from liveblog.feeds.atom import to_atom
from liveblog.feeds.incremental import FeedChanges, SnapshotChanges, changes, update_feed
from liveblog.feeds.jsonfeed import dumps_json_feed, from_json_feed, to_json_feed
from liveblog.feeds.jsonld import dumps_json_ld, to_json_ld

__all__ = [
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

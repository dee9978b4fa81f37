"""liveblog: turn live-blog coverage into typed, timezone-aware timelines.

>>> import datetime as dt, liveblog
>>> tl = liveblog.parse("UPDATE 0831 GMT: Drones downed.", date=dt.date(2024, 1, 22))
>>> tl.entries[0].published.isoformat()
'2024-01-22T08:31:00+00:00'
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from liveblog._version import __version__
from liveblog.errors import (
    DecodeError,
    FeedError,
    LiveblogError,
    MarkerError,
    NoMarkersError,
    OrderError,
    ParseError,
    ZoneError,
)
from liveblog.markers.builtin import DEFAULT_DIALECTS
from liveblog.markers.dialect import Dialect, Marker, PatternDialect
from liveblog.model import (
    Block,
    DateEvidence,
    Diagnostic,
    DialectChoice,
    DialectScore,
    Entry,
    Mention,
    Provenance,
    Source,
    Span,
    Timeline,
)
from liveblog.parse import parse

if TYPE_CHECKING:
    from liveblog.feeds import changes
    from liveblog.html import looks_like_html, parse_html
    from liveblog.many import Result, parse_many
    from liveblog.merging import merge
    from liveblog.temporal import find_mentions


# Public names whose modules load on first use: most programs parse text and never need
# the HTML reader, the merger or the process pool, and the mention tables load with the
# first parse, so `import liveblog` does not pay for them.
_LAZY = {
    "find_mentions": "liveblog.temporal",
    "looks_like_html": "liveblog.html",
    "parse_html": "liveblog.html",
    "Result": "liveblog.many",
    "parse_many": "liveblog.many",
    "merge": "liveblog.merging",
    "changes": "liveblog.feeds",
}


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        msg = f"module 'liveblog' has no attribute {name!r}"
        raise AttributeError(msg)
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


__all__ = [
    "DEFAULT_DIALECTS",
    "Block",
    "DateEvidence",
    "DecodeError",
    "Diagnostic",
    "Dialect",
    "DialectChoice",
    "DialectScore",
    "Entry",
    "FeedError",
    "LiveblogError",
    "Marker",
    "MarkerError",
    "Mention",
    "NoMarkersError",
    "OrderError",
    "ParseError",
    "PatternDialect",
    "Provenance",
    "Result",
    "Source",
    "Span",
    "Timeline",
    "ZoneError",
    "__version__",
    "changes",
    "find_mentions",
    "looks_like_html",
    "merge",
    "parse",
    "parse_html",
    "parse_many",
]

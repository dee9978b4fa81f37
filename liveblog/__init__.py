"""liveblog: turn live-blog coverage into typed, timezone-aware timelines.

>>> import datetime as dt, liveblog
>>> tl = liveblog.parse("UPDATE 0831 GMT: Drones downed.", date=dt.date(2024, 1, 22))
>>> tl.entries[0].published.isoformat()
'2024-01-22T08:31:00+00:00'
"""

from __future__ import annotations

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
from liveblog.html import looks_like_html, parse_html
from liveblog.many import Result, parse_many
from liveblog.markers.builtin import DEFAULT_DIALECTS
from liveblog.markers.dialect import Dialect, Marker, PatternDialect
from liveblog.merge import merge
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
from liveblog.temporal import find_mentions

__version__ = "0.1.0"

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
    "find_mentions",
    "looks_like_html",
    "merge",
    "parse",
    "parse_html",
    "parse_many",
]

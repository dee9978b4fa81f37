"""Pins the public namespace: additions and removals are deliberate."""

from __future__ import annotations

import liveblog


def test_all_is_pinned() -> None:
    """liveblog.__all__ lists exactly the public names, once each (ruff keeps it sorted)."""
    assert len(liveblog.__all__) == len(set(liveblog.__all__))
    assert set(liveblog.__all__) == {
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
    }


def test_every_public_name_resolves() -> None:
    """Every name in __all__ is importable from liveblog."""
    for name in liveblog.__all__:
        assert getattr(liveblog, name) is not None

"""The built-in marker dialects, one small object each, with sample inputs.

Every pattern is compiled case-insensitive and verbose, anchored at the start of a
line (see :class:`~liveblog.markers.dialect.PatternDialect`). Zone abbreviations are
matched upper-case only (``(?-i:...)``) so that a following word is not read as a zone.
"""

from __future__ import annotations

from liveblog.markers.dialect import PatternDialect

__all__ = ["DEFAULT_DIALECTS", "ORIGINAL_ENTRY", "UPDATE_GMT"]

# Blanks inside a marker: spaces, tabs, no-break and narrow no-break spaces.
_SP = r"[ \t\u00a0\u202f]"
# A zone written after a time: GMT, BST, UTC+2, GMT+03:00, ET.
_ZONE = r"(?-i:(?P<zone>(?:GMT|UTC)[+\-−]\d{1,2}(?::?\d{2})?|[A-Z]{2,5}))\b"

UPDATE_GMT = PatternDialect(
    "update",
    rf"""
    (?P<marker>
      UPDATE{_SP}+
      (?: (?P<hhmm>\d{{4}})                       # UPDATE 1548 GMT:
        | (?P<hour>\d{{1,2}})[:.](?P<minute>\d{{2}}) # UPDATE 15:48 GMT:
      )
      (?:{_SP}*{_ZONE})?
    )
    {_SP}*:?
    """,
)

ORIGINAL_ENTRY = PatternDialect(
    "original-entry",
    rf"""
    (?P<marker>ORIGINAL{_SP}+ENTRY)   # ORIGINAL ENTRY: The UK has sent ...
    {_SP}*:?
    """,
    kind="opening",
)

DEFAULT_DIALECTS: tuple[PatternDialect, ...] = (UPDATE_GMT, ORIGINAL_ENTRY)
"""The dialects :func:`liveblog.parse` tries when none are given."""

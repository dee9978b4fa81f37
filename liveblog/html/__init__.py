"""Reading live-blog pages saved from the web: JSON-LD first, else the visible text.

>>> import datetime as dt
>>> tl = parse_html("<p>UPDATE 1548 GMT: Talks end.</p>", date=dt.date(2024, 1, 22))
>>> tl.origin, tl.entries[0].published.isoformat(), tl.text
('html', '2024-01-22T15:48:00+00:00', 'UPDATE 1548 GMT: Talks end.')
"""

from __future__ import annotations

from typing import Any

from liveblog.html.encoding import looks_like_html
from liveblog.html.page import parse_html
from liveblog.io import decompress
from liveblog.model import Timeline
from liveblog.parse import parse

__all__ = ["looks_like_html", "parse_document", "parse_html"]


def parse_document(data: str | bytes, **options: Any) -> Timeline:
    """A text live blog or a saved HTML page, told apart by content (compressed bytes
    by what they hold).

    >>> parse_document(b"<p>UPDATE 1548 GMT: x</p>").origin
    'html'
    >>> parse_document("UPDATE 1548 GMT: x").origin
    'text'
    """
    if isinstance(data, bytes):
        data = decompress(data)
    reader = parse_html if looks_like_html(data) else parse
    return reader(data, **options)

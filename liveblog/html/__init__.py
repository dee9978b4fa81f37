"""Reading live-blog pages saved from the web: JSON-LD first, else the visible text.

>>> import datetime as dt
>>> tl = parse_html("<p>UPDATE 1548 GMT: Talks end.</p>", date=dt.date(2024, 1, 22))
>>> tl.origin, tl.entries[0].published.isoformat(), tl.text
('html', '2024-01-22T15:48:00+00:00', 'UPDATE 1548 GMT: Talks end.')
"""

from __future__ import annotations

from liveblog.html.encoding import looks_like_html
from liveblog.html.page import parse_html

__all__ = ["looks_like_html", "parse_html"]

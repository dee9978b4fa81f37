"""The exceptions liveblog raises, all rooted at :class:`LiveblogError`.

The tree::

    LiveblogError                      anything liveblog raises on purpose
     ├── ParseError (ValueError)       text shaped like something valid but not valid
     │    ├── MarkerError              a marker with an impossible time or date
     │    ├── ZoneError                a zone abbreviation or name that is not known
     │    ├── NoMarkersError           strict mode: the text has no entry markers
     │    └── OrderError               strict mode: an entry out of the blog's order
     ├── DecodeError (UnicodeError)    bytes that no supported encoding reads
     └── FeedError (ValueError)        a feed, or from_dict data, liveblog cannot read

Every :class:`ParseError` carries the message, the offending text (``snippet``),
its character offsets and its 1-based line and column, and survives pickling.

>>> err = MarkerError.at("invalid clock time '2561'", "intro\\nUPDATE 2561 GMT:", 6, 22)
>>> str(err)
"invalid clock time '2561': line 2, column 1"
>>> (err.lineno, err.colno, err.snippet)
(2, 1, 'UPDATE 2561 GMT:')
"""

from __future__ import annotations

import bisect
import itertools
import operator
import re
from typing import Self

__all__ = [
    "DecodeError",
    "FeedError",
    "LineIndex",
    "LiveblogError",
    "MarkerError",
    "NoMarkersError",
    "OrderError",
    "ParseError",
    "ZoneError",
    "line_col",
    "snippet",
]

_SNIPPET_LIMIT = 80


_BREAK = re.compile(r"\r\n?|\n")


class LineIndex:
    """Maps character offsets of one text to 1-based (line, column), built lazily.

    CRLF, CR and LF each end a line. Building costs one C-speed scan of the text, done
    on the first look-up only, so texts without problems never pay for it.

    >>> LineIndex("ab\\r\\ncd\\ref").line_col(7)
    (3, 1)
    """

    __slots__ = ("_starts", "_text")

    def __init__(self, text: str) -> None:
        self._text = text
        self._starts: list[int] | None = None

    def line_col(self, offset: int) -> tuple[int, int]:
        """Return the 1-based (line, column) of ``offset``."""
        if self._starts is None:
            self._starts = _line_starts(self._text)
        line = bisect.bisect_right(self._starts, offset) - 1
        return line + 1, offset - self._starts[line] + 1


def _line_starts(text: str) -> list[int]:
    """Where each line of ``text`` starts (CRLF, CR and LF end a line).

    >>> _line_starts("ab\\ncd\\n"), _line_starts("ab\\r\\ncd\\ref")
    ([0, 3, 6], [0, 4, 7])
    """
    if "\r" in text:
        return [0, *(m.end() for m in _BREAK.finditer(text))]
    # each line starts its length and LF after the one before: the lines' lengths summed
    # at C speed, a third of what a match a line costs (the last sum, past the text's
    # end, dropped)
    lengths = map(operator.add, map(len, text.split("\n")), itertools.repeat(1))
    return list(itertools.accumulate(lengths, initial=0))[:-1]


def line_col(text: str, offset: int) -> tuple[int, int]:
    """Return the 1-based (line, column) of character ``offset`` in ``text``.

    >>> line_col("ab\\ncd", 4)
    (2, 2)
    """
    return LineIndex(text).line_col(offset)


def snippet(text: str, start: int, end: int) -> str:
    """``text[start:end]``, shortened with an ellipsis past 80 characters."""
    piece = text[start:end]
    if len(piece) > _SNIPPET_LIMIT:
        piece = piece[: _SNIPPET_LIMIT - 1] + "…"
    return piece


class LiveblogError(Exception):
    """Root of every exception liveblog raises on purpose."""


class ParseError(LiveblogError, ValueError):
    """Text that looks like something liveblog reads but is not valid.

    Args:
        msg: what is wrong, a lower-case fragment without a trailing period.
        snippet: the offending text as written.
        start: offset of the snippet in the source text.
        end: offset just past the snippet.
        lineno: 1-based line of ``start``.
        colno: 1-based column of ``start``.
    """

    def __init__(
        self, msg: str, *, snippet: str, start: int, end: int, lineno: int, colno: int
    ) -> None:
        super().__init__(f"{msg}: line {lineno}, column {colno}")
        self.msg = msg
        self.snippet = snippet
        self.start = start
        self.end = end
        self.lineno = lineno
        self.colno = colno

    @classmethod
    def at(
        cls,
        msg: str,
        text: str,
        start: int,
        end: int,
        *,
        index: LineIndex | None = None,
    ) -> Self:
        """Build the error for ``text[start:end]``, computing line and column."""
        lineno, colno = (index or LineIndex(text)).line_col(start)
        return cls(
            msg,
            snippet=snippet(text, start, end),
            start=start,
            end=end,
            lineno=lineno,
            colno=colno,
        )

    def __reduce__(self) -> tuple[object, ...]:
        kwargs = {
            "snippet": self.snippet,
            "start": self.start,
            "end": self.end,
            "lineno": self.lineno,
            "colno": self.colno,
        }
        return (_rebuild, (type(self), self.msg, kwargs))


def _rebuild(cls: type[ParseError], msg: str, kwargs: dict[str, int | str]) -> ParseError:
    return cls(msg, **kwargs)  # type: ignore[arg-type]


class MarkerError(ParseError):
    """A marker whose time or date is impossible (``UPDATE 2561 GMT``, ``31 February``)."""


class ZoneError(ParseError):
    """A zone abbreviation or name that liveblog does not know (strict mode)."""


class NoMarkersError(ParseError):
    """Strict mode: the text holds no entry markers at all."""


class OrderError(ParseError):
    """Strict mode: an entry stands out of the order the rest of the blog follows."""


class DecodeError(LiveblogError, UnicodeError):
    """Bytes that none of the supported encodings can read.

    Args:
        msg: what went wrong.
        offset: the byte offset of the first byte that could not be read.
        line: the 1-based line of that byte, when the text before it reads (else None).
        column: its 1-based column in characters, likewise.

    >>> str(DecodeError("invalid utf-16-le data (truncated data)", offset=9, line=2, column=3))
    'invalid utf-16-le data (truncated data): byte offset 9 (line 2, column 3)'
    """

    def __init__(
        self, msg: str, *, offset: int, line: int | None = None, column: int | None = None
    ) -> None:
        where = "" if line is None else f" (line {line}, column {column})"
        super().__init__(f"{msg}: byte offset {offset}{where}")
        self.msg = msg
        self.offset = offset
        self.line = line
        self.column = column

    def __reduce__(self) -> tuple[object, ...]:
        return (_rebuild_decode, (self.msg, self.offset, self.line, self.column))


def _rebuild_decode(
    msg: str, offset: int, line: int | None = None, column: int | None = None
) -> DecodeError:
    return DecodeError(msg, offset=offset, line=line, column=column)


class FeedError(LiveblogError, ValueError):
    """A feed document (JSON Feed, ...) or a value's ``from_dict`` data that liveblog
    cannot read.

    Args:
        msg: what is wrong.
        path: where in the document, as a JSON-pointer-like string (``/items/3/id``).
    """

    def __init__(self, msg: str, *, path: str = "") -> None:
        super().__init__(f"{msg} at {path}" if path else msg)
        self.msg = msg
        self.path = path

    def __reduce__(self) -> tuple[object, ...]:
        return (_rebuild_feed, (self.msg, self.path))


def _rebuild_feed(msg: str, path: str) -> FeedError:
    return FeedError(msg, path=path)

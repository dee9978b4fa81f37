"""Collecting warnings during one parse, or raising them in strict mode."""

from __future__ import annotations

from liveblog.errors import LineIndex, ParseError, snippet
from liveblog.model import Diagnostic, unchecked_span

__all__ = ["Reporter"]


class Reporter:
    """Turns problems found at offsets of one text into warnings or, if strict, errors.

    >>> r = Reporter("a\\nUPDATE 2561 GMT", strict=False)
    >>> r.warn("impossible-time", "invalid clock time '2561'", 2, 17)
    >>> str(r.warnings[0])
    "line 2, column 1: warning: invalid clock time '2561' [impossible-time]"
    >>> strict = Reporter("a\\nUPDATE 2561 GMT", strict=True)
    >>> strict.warn("impossible-time", "invalid clock time '2561'", 2, 17, outcome="; kept")
    Traceback (most recent call last):
    liveblog.errors.ParseError: invalid clock time '2561': line 2, column 1
    """

    __slots__ = ("_index", "_seen", "strict", "text", "warnings")

    def __init__(self, text: str, *, strict: bool) -> None:
        self.text = text
        self.strict = strict
        self.warnings: list[Diagnostic] = []
        self._index = LineIndex(text)
        self._seen: set[tuple[str, int, int]] = set()

    def line_of(self, position: int) -> int:
        """The line (from 1) that holds ``position``."""
        return self._index.line_col(position)[0]

    def warn(
        self,
        code: str,
        problem: str,
        start: int,
        end: int,
        error: type[ParseError] = ParseError,
        *,
        outcome: str = "",
        advice: str = "",
    ) -> None:
        """Record a warning at ``text[start:end]``; in strict mode raise ``error``.

        The warning's message is ``problem + outcome + advice``: ``outcome``, with its
        leading punctuation (``"; kept in place"``), says what the parse did about the
        problem and ``advice`` what the caller can do. A strict error stops the parse,
        so nothing was done: its message is ``problem + advice``.
        """
        if self.strict:
            raise error.at(problem + advice, self.text, start, end, index=self._index)
        key = (code, start, end)
        if key in self._seen:
            return
        self._seen.add(key)
        line, column = self._index.line_col(start)
        self.warnings.append(
            Diagnostic(
                code=code,
                message=problem + outcome + advice,
                span=unchecked_span(start, end),
                line=line,
                column=column,
                snippet=snippet(self.text, start, end),
            )
        )

"""HTML entities written out in a text blog (``15:42&nbsp;GMT``, ``R&amp;D``).

Text copied from a page's source, or from a feed that escaped its HTML twice, keeps
entities as written. The text itself is never changed (every span is an offset into
it); markers are read on a copy where each written-out blank (``&nbsp;``, ``&#160;``)
is the one character it stands for, and the markers' offsets are mapped back.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence

import attrs

from liveblog.markers.dialect import Marker
from liveblog.model import Span, unchecked_span

__all__ = ["BlankEntities", "blank_entities", "find_entities"]

# an entity as HTML writes it: a name, or a decimal or hexadecimal character number
_ENTITY = re.compile(r"&(?:[A-Za-z][A-Za-z0-9]{1,31}|#[0-9]{1,7}|#[xX][0-9A-Fa-f]{1,6});")
# the blanks a marker may hold (builtin.SP) that an entity can name
_BLANKS = frozenset(" \t\u00a0\u202f\u2007")
_NAMED_BLANKS = {"nbsp": "\u00a0", "NonBreakingSpace": "\u00a0", "numsp": "\u2007"}


def _character(entity: str) -> str | None:
    """The character an entity names, when it is one; None for a name HTML does not
    define (``AT&T;``) or a number beyond Unicode."""
    body = entity[1:-1]
    if body[0] == "#":
        code = int(body[2:], 16) if body[1] in "xX" else int(body[1:])
        return chr(code) if 0 < code <= 0x10FFFF else None
    if body in _NAMED_BLANKS:
        return _NAMED_BLANKS[body]
    from html.entities import html5  # noqa: PLC0415 - only for texts with an "&...;"

    return html5.get(body + ";")


def find_entities(text: str) -> list[tuple[int, int, str]]:
    """Every HTML entity written out in ``text``: ``(start, end, character)``.

    >>> find_entities("R&amp;D at 15:42&#160;GMT, AT&T;")
    [(1, 6, '&'), (16, 22, '\\xa0')]
    """
    if "&" not in text:
        return []
    found = []
    for m in _ENTITY.finditer(text):
        character = _character(m.group())
        if character is not None:
            found.append((m.start(), m.end(), character))
    return found


@attrs.frozen
class BlankEntities:
    """A copy of a text with its written-out blanks as characters, and the way back."""

    text: str
    """The copy markers are read on."""
    starts: Sequence[int]
    """Where each blank stands in the copy, in order."""
    shifts: Sequence[int]
    """How many characters the copy lost up to and including each blank."""

    def offset(self, position: int) -> int:
        """The offset in the original text of ``position`` in the copy.

        >>> copy = blank_entities("9:05&nbsp;GMT x", find_entities("9:05&nbsp;GMT x"))
        >>> copy is not None and (copy.offset(4), copy.offset(5), copy.offset(8))
        (4, 10, 13)
        """
        k = bisect.bisect_left(self.starts, position)
        return position + (self.shifts[k - 1] if k else 0)

    def span(self, span: Span) -> Span:
        """``span`` of the copy, as an offset into the original text."""
        return unchecked_span(self.offset(span.start), self.offset(span.end))

    def marker(self, marker: Marker) -> Marker:
        """``marker``, read on the copy, with the original text's offsets."""
        return attrs.evolve(
            marker,
            span=self.span(marker.span),
            match=self.span(marker.match),
            start=self.offset(marker.start),
        )


def blank_entities(text: str, entities: Sequence[tuple[int, int, str]]) -> BlankEntities | None:
    """``text`` with the entities among ``entities`` that name a blank a marker may hold
    (``&nbsp;``, ``&#160;``, ``&#xA0;``, ``&#32;``) written as that blank; None when there
    are none.

    >>> copy = blank_entities("UPDATE&nbsp;1548 GMT:", find_entities("UPDATE&nbsp;1548 GMT:"))
    >>> copy is not None and copy.text
    'UPDATE\\xa01548 GMT:'
    """
    pieces: list[str] = []
    starts: list[int] = []
    shifts: list[int] = []
    done = shift = 0
    for start, end, character in entities:
        if character not in _BLANKS:
            continue
        pieces += (text[done:start], character)
        starts.append(start - shift)
        shift += end - start - 1
        shifts.append(shift)
        done = end
    if not starts:
        return None
    pieces.append(text[done:])
    return BlankEntities("".join(pieces), starts, shifts)

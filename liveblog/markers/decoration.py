"""Markdown and inline HTML decorating the start of a text's lines.

Text converted from a web page (html2text, trafilatura, pandoc, a Notion or Obsidian
export, a copy from a CMS editor) decorates the opening of each post's line:
``**23:40** Flood warning``, ``- 22:30 Evacuation ordered``, ``> 22:15 Police say``,
``### 22:00 Storm upgraded``, ``<strong>23:40</strong> text`` in a text file; a post's
label flattened onto its stamp's line reads likewise (``BREAKING 15:42 text``). The text
itself is never changed (every span is an offset into it): markers are read on a copy
without the decoration at each line's start (list bullets, block quotes, headings,
emphasis, inline tags) and without the closing emphasis or tag that pairs with it on
the same line (``**``, ``</strong>``), so that the copy reads as the undecorated text
would; the markers' offsets are then mapped back, the marker itself (``Entry.marker``)
as written inside the decoration and its match (cut from the body) widened over it.
"""

from __future__ import annotations

import bisect
import functools
import itertools
import re

import attrs

from liveblog.markers.builtin import UPDATE, UPDATED_AT
from liveblog.markers.choice import POST_LABEL_WORDS, POST_LABELS
from liveblog.markers.dialect import Marker
from liveblog.model import Span, unchecked_span

__all__ = ["Undecorated", "undecorate"]

# a line that may open with decoration: a bullet (- * + •, or an en or em dash before a
# clock), a block quote, a heading, an ordered list's number before a clock, emphasis, a
# tag, or a post's label or number before a clock (at the text's start, too).
# The cheap test every text pays: one search for a line break followed by these. Its
# lookahead fails most lines at one class, before the branches; the labels' words
# (POST_LABEL_WORDS' first ones) are spelled as classes, which re tries faster than a
# case-insensitive group.
_LABEL_FIRST_WORDS = sorted({label.split()[0] for label in POST_LABELS})
_MAYBE_AFTER = (
    r"[ \t]*(?=[-*+\u2022>#_<\u2013\u2014\d"
    + "".join(sorted({c for w in _LABEL_FIRST_WORDS for c in (w[0], w[0].upper())}))
    + r"PpEe])(?:[-*+\u2022>#_<\u2013\u2014]|\d{1,3}[.)][ \t]|[pP][oO][sS][tT][ \t]"
    + r"|[eE][nN][tT][rR][yY][ \t]"
    + "".join(
        "|" + "".join(f"[{c}{c.upper()}]" for c in word) + r"[ \t:]" for word in _LABEL_FIRST_WORDS
    )
    + ")"
)
_MAYBE = re.compile("\n" + _MAYBE_AFTER)  # a literal first: re's fast scan for it
_MAYBE_CR = re.compile("\r" + _MAYBE_AFTER)  # lines ended by lone CRs
_LINE_END = re.compile(r"[\r\n]")
_MAYBE_FIRST = re.compile(_MAYBE_AFTER)

# a clock after a list's number, maybe emphasised: 9:00, 14.32, 9am, 9.45 p.m.
_CLOCK_AHEAD = (
    r"(?=(?:\*{1,3}|_{1,3}|<[A-Za-z][^<>\r\n]*>)*\d{1,2}(?:[:.h]\d\d(?!\d)|[ \t]?[ap]\.?m\b))"
)
# what a dash bullet stands before: a clock, or a date before one: – 22:30
# | – 22 Jan 2024, 14:32 | – Monday 22 January 2024 at 9am | – Dimanche 30 juin à 20h05
# | – 22.01.2024 14:32 | – Jan 22, 2024 7:19 PM (or a timed update keyword: see
# _KEYWORD_DIALECTS)
_EMPHASIS_AHEAD = r"(?:\*{1,3}|_{1,3}|<[A-Za-z][^<>\r\n]*>)*"
_CLOCK_AT = r"\d{1,2}(?:[:.h]\d\d(?!\d)|[ \t]?[ap]\.?m\b)"
_DATE_AT = (
    r"(?:[^\W\d_]{2,10}\.?,?[ \t]+)?"  # a weekday: Monday | Dimanche | Do.,
    r"(?:\d{1,2}(?:st|nd|rd|th|er)?\.?[ \t]+(?:of[ \t]+)?[^\W\d_]{3,10}\.?"  # 22 Jan
    r"|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?[ \t]+\d{1,2}"  # Jan 22
    r"(?:st|nd|rd|th)?|\d{1,2}[./]\d{1,2}[./]\d{2,4}|\d{4}-\d\d-\d\d)"  # 22.01.2024
    r"(?:,?[ \t]+\d{4})?[ \t]*[,\u2013\u2014|-]?[ \t]*(?:(?:at|à|um)[ \t]+)?"  # , 2024,
)
_STAMP_AHEAD = (
    "(?="
    + _EMPHASIS_AHEAD
    + "(?:"
    + _DATE_AT
    + "|(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\\.?,?[ \\t]+)?"  # – Saturday 4.15pm
    + _CLOCK_AT
    + ")"
)
# a dash bullet before a timed update keyword, read by the keyword dialects themselves
# (so that a keyword they learn works after a bullet too): – UPDATE 14:32
# | — Update 2, 6:45 p.m. | – Actualización 18:22 | – **Published 18:35**
_KEYWORD_DASH = re.compile(r"[\u2013\u2014][ \t]+(" + _EMPHASIS_AHEAD + ")")
_KEYWORD_DIALECTS = (UPDATE, UPDATED_AT)
_TAGS = "p|div|li|b|strong|em|i|u|span|mark|blockquote|h[1-6]"
# one piece of decoration at a line's start (after blanks and earlier pieces); compiled
# at its first use (3 ms: a text without decoration never needs it)
_OPENER_PATTERN = (
    r"""
    (?P<block>
        (?:[-*+\u2022]|>|\#{1,6})[ \t]+    # - 22:30 / > 22:15 / ### 22:00 (then a blank)
      | \d{1,3}[.)][ \t]+"""
    + _CLOCK_AHEAD
    + r"""  # 1. 22:30 (only before a clock: "3. Headline" is a post's number)
      | (?:(?:post|entry)[ \t]*(?:no\.[ \t]*|\#[ \t]*)?|\#)\d{1,4}
        (?:[ \t]*[:|,\u00b7\u2022\u2013\u2014-])?[ \t]+"""
    + _STAMP_AHEAD
    + r"""  # #14 · 14:32 | Post 14 – 22 Jan, 14:32 (a post's number, only before a stamp)
      | [\u2013\u2014][ \t]+"""
    + _STAMP_AHEAD
    + r"""  # – 22:30 (html2text, pandoc: only before a stamp, "— Met Office (@metoffice)")
      | """
    + POST_LABEL_WORDS
    + r"""(?:[ \t]*:)?(?P<label_closer>\*{1,3}|_{1,3}|</(?:"""
    + _TAGS
    + r""")>)?(?:[ \t]*[:|\u00b7\u2013\u2014-])?[ \t]+"""
    + _STAMP_AHEAD
    + r"""  # BREAKING 15:42 | Key event: 15.42 GMT (a post's label, only before a stamp)
            # | **Key event** 15:42 (closing the emphasis opened before it)
    )
  | (?P<emphasis>\*{1,3}|_{1,3})(?=[^\s*_])  # **23:40** / *22:45* / __23:10__
  | <(?P<tag>"""
    + _TAGS
    + r""")(?:[ \t][^<>\r\n]*)?>             # <strong>23:40</strong> / <p class="x">
    """
)


@functools.cache
def _opener() -> re.Pattern[str]:
    return re.compile(_OPENER_PATTERN, re.VERBOSE | re.IGNORECASE)


# emphasis or a tag opening a run of text after a decorated marker: **Breaking:** text
_RUN_OPENER = re.compile(
    r"(?P<emphasis>\*{1,3}|_{1,3})(?=[^\s*_])|<(?P<tag>" + _TAGS + r")(?:[ \t][^<>\r\n]*)?>",
    re.IGNORECASE,
)
_BLANKS = re.compile(r"[ \t]*")
# a stamp's figure, inside the opening run's emphasis or tags: a second run after its
# closers is decoration too (``**23:45** **Breaking:**``), after words it is text
# (``**Note:** **this** matters``)
_STAMP_DIGIT = re.compile(r"\d")
_RUN_FIRST = frozenset("*_<")
_CLOSER_LOOK = 200
"""How far into a line the closing emphasis or tag of its opening one is looked for."""


@attrs.frozen
class Undecorated:
    """A copy of a text without its lines' decoration, and the way back."""

    text: str
    """The copy markers are read on."""
    positions: tuple[int, ...]
    """Where each removed piece stood in the copy, in order."""
    removed: tuple[int, ...]
    """How many characters the copy lost before each piece (the running total)."""
    sizes: tuple[int, ...]
    """Each piece's length."""
    openers: tuple[bool, ...]
    """For each piece, whether it opens its line (else it closes an opener's emphasis
    or tag)."""
    originals: tuple[int, ...]
    """Where each piece stood in the original text."""

    def offset(self, position: int, *, openers: bool, closers: bool) -> int:
        """The offset in the original text of ``position`` in the copy: past the pieces
        removed at that position of the kinds asked for, before the others.

        >>> copy = undecorate("**23:40** Flood")
        >>> copy is not None and [copy.offset(p, openers=o, closers=not o)
        ...                       for p, o in ((0, True), (0, False), (5, True), (5, False))]
        [2, 0, 7, 9]
        """
        k = bisect.bisect_left(self.positions, position)
        original = position + (self.removed[k - 1] + self.sizes[k - 1] if k else 0)
        while k < len(self.positions) and self.positions[k] == position:
            if not (openers if self.openers[k] else closers):
                break
            original += self.sizes[k]
            k += 1
        return original

    def inward(self, position: int) -> int:
        """The position in the copy of the original text's ``position``: where a removed
        piece stood for a position inside it.

        >>> copy = undecorate("- **23:40** Flood")
        >>> copy is not None and [copy.inward(p) for p in (0, 3, 4, 9, 12)]
        [0, 0, 0, 5, 6]
        """
        k = bisect.bisect_right(self.originals, position) - 1
        if k < 0:
            return position
        if position < self.originals[k] + self.sizes[k]:
            return self.positions[k]
        return position - self.removed[k] - self.sizes[k]

    def marker_inward(self, marker: Marker) -> Marker:
        """``marker``, read on the original text, with the copy's offsets (a dialect that
        reads the decoration itself, placed among the others' markers)."""
        return attrs.evolve(
            marker,
            span=unchecked_span(self.inward(marker.span.start), self.inward(marker.span.end)),
            match=unchecked_span(self.inward(marker.match.start), self.inward(marker.match.end)),
            start=marker.start if marker.start < 0 else self.inward(marker.start),
        )

    def marker(self, marker: Marker) -> Marker:
        """``marker``, read on the copy, with the original text's offsets: its span as
        written inside the decoration, its match and start widened over it."""
        span, match = marker.span, marker.match
        return attrs.evolve(
            marker,
            span=unchecked_span(
                self.offset(span.start, openers=True, closers=True),
                max(
                    self.offset(span.start, openers=True, closers=True),
                    self.offset(span.end, openers=False, closers=False),
                ),
            ),
            match=unchecked_span(
                self.offset(match.start, openers=False, closers=False),
                self.offset(match.end, openers=False, closers=True),
            ),
            start=self.offset(marker.start, openers=False, closers=False),
        )


def _line_pieces(text: str, at: int, end: int) -> list[tuple[int, int, bool]]:
    """The decoration of the line ``text[at:end]``, each piece flagged whether it opens
    the line's text: the opening run (one piece, blanks after it included), the closers
    paired with its emphasis and tags, and after a decorated stamp a second run of
    emphasis or tags with its closers (``**23:45** **Breaking:** text`` reads as
    ``23:45 Breaking: text``; the body keeps ``**Breaking:** text`` as written)."""
    position = at
    closers: list[str] = []
    tags = False  # a tag's closer is found in any case: </STRONG>
    opener = _opener().match
    while True:
        found = opener(text, position, end)
        if found is None:
            dash = _keyword_dash(text, position, end)
            if dash < 0:
                break
            position = dash  # – UPDATE 14:32: the blanks after the dash included
            continue
        label_closer = found["label_closer"]
        if label_closer:
            # **Key event** 15:42: the label closes the innermost opener, or is no label
            if not closers or closers[-1].lower() != label_closer.lower():
                break
            closers.pop()
        elif found["emphasis"]:
            closers.append(found["emphasis"])
        elif found["tag"]:
            closers.append(f"</{found['tag']}>")
            tags = True
        position = _BLANKS.match(text, found.end(), end).end()  # type: ignore[union-attr]
    if position == at:
        return []
    pieces = [(at, position, True)]
    if not closers:
        return pieces  # - 22:30, > 22:15, ### 22:00: nothing to close
    look = min(end, position + _CLOSER_LOOK)
    lower = text[position:look].lower() if tags else text[position:look]
    done = 0
    inside = after = -1  # where the stamp ends, and where its closers right after it end
    # the innermost opener closes first: **<b>9:45</b>**
    for n, closer in enumerate(reversed(closers)):
        k = lower.find(closer.lower() if tags else closer, done)
        if k < 0:
            continue
        if n == 0:
            inside = after = position + k
        if after == position + k:  # not a </p> at the line's end: **<b>9:45</b>** x</p>
            after += len(closer)
        pieces.append((position + k, position + k + len(closer), False))
        done = k + len(closer)
    if inside >= 0:
        run = _BLANKS.match(text, after, end).end()  # type: ignore[union-attr]
        if (
            run > after  # a blank between: **23:45****Breaking** is no second run
            and text[run : run + 1] in _RUN_FIRST
            and _STAMP_DIGIT.search(text, position, inside)
        ):
            pieces += _second_run(text, run, end)
    pieces.sort()
    return pieces


def _keyword_dash(text: str, at: int, end: int) -> int:
    """Where the blanks after a dash bullet at ``at`` end, when a timed update keyword
    follows it (maybe emphasised) that a keyword dialect reads as its marker; -1 if none.

    >>> line = "\u2013 Aggiornamento ore 18.22 Arriva"
    >>> _keyword_dash(line, 0, len(line)), _keyword_dash("\u2013 Aggiornamento", 0, 15)
    (2, -1)
    """
    found = _KEYWORD_DASH.match(text, at, end)
    if found is None:
        return -1
    stamp = found.end()
    line, offset = text, 0
    if "_" in found.group(1):
        # "– __Update, 01:01__ text": the closing underscores are word characters, where
        # the keyword's clock must end a word; the line is read with them as blanks
        line, offset = text[at:end].replace("_", " "), at
    for dialect in _KEYWORD_DIALECTS:
        words = dialect.words  # what its every marker opens with, on ASCII text
        if words is not None:
            opening = text[stamp : stamp + max(map(len, words))]
            if opening.isascii() and not opening.lower().startswith(words):
                continue  # "— Met Office (@metoffice)": not tried, nor compiled
        if dialect.match_at(line, stamp - offset) is not None:
            return found.start(1)
    return -1


def _closers(text: str, position: int, end: int, openers: list[str], tags: bool) -> list[int]:
    """Where the closers of ``openers`` (innermost first) stand in ``text[position:end]``
    (looked for within ``_CLOSER_LOOK``), -1 for one not found."""
    look = min(end, position + _CLOSER_LOOK)
    lower = text[position:look].lower() if tags else text[position:look]
    done = 0
    found: list[int] = []
    # the innermost opener closes first: **<b>9:45</b>**
    for closer in reversed(openers):
        k = lower.find(closer.lower() if tags else closer, done)
        found.append(-1 if k < 0 else position + k)
        if k >= 0:
            done = k + len(closer)
    return found


def _second_run(text: str, at: int, end: int) -> list[tuple[int, int, bool]]:
    """The emphasis or tags opening ``text[at:end]``, after a decorated stamp's closers,
    and their closers on the line, when every one is closed after some text there;
    none otherwise (``**23:45** *not closed``, ``**23:45** text``)."""
    position = at
    closers: list[str] = []
    tags = False
    while (found := _RUN_OPENER.match(text, position, end)) is not None:
        if found["emphasis"]:
            closers.append(found["emphasis"])
        else:
            closers.append(f"</{found['tag']}>")
            tags = True
        position = found.end()
    if not closers:
        return []
    places = _closers(text, position, end, closers, tags)
    if min(places) <= position:
        return []  # an opener not closed, or closed at once: ``**23:45** ****``
    pieces = [(k, k + len(c), False) for k, c in zip(places, reversed(closers), strict=True)]
    return [(at, position, True), *pieces]


_DASHES = ("\u2013", "\u2014")


def _opens_item(text: str, start: int) -> bool:
    """Whether the line starting at ``start`` may open a list item with a dash: it
    follows the text's start, a blank line or a line opening with a dash.

    >>> _opens_item("a\\n\\n\u2014 9:00", 3), _opens_item("Storm hit\\n\u2014 9:00", 10)
    (True, False)
    """
    k = start - 1  # the line break ending the line above
    if k < 0:
        return True
    if text[k] == "\n" and k and text[k - 1] == "\r":
        k -= 1
    j = k
    while j and text[j - 1] in " \t":
        j -= 1
    if not j or text[j - 1] in "\r\n":
        return True  # a blank line above
    low = max(0, k - _CLOSER_LOOK)
    above = max(text.rfind("\n", low, k), text.rfind("\r", low, k))
    if above < 0 and low:
        return False  # a long line above: no list item of times
    return text[above + 1 : k].lstrip(" \t")[:1] in _DASHES


def undecorate(text: str) -> Undecorated | None:
    """``text`` without the decoration at its lines' starts and the closers paired with
    it; None when no line is decorated (the usual case, told by one search).

    >>> undecorate("# Storm\\n\\n**23:40** Flood\\n- 22:30 Evacuation").text
    'Storm\\n\\n23:40 Flood\\n22:30 Evacuation'
    >>> undecorate("3. Headline\\n14:32 text") is None
    True
    """
    first = _MAYBE_FIRST.match(text) is not None
    lone_cr = "\r" in text and _MAYBE_CR.search(text) is not None
    if not first and not lone_cr and _MAYBE.search(text) is None:
        return None
    pieces: list[tuple[int, int, bool]] = []
    starts = [m.start() + 1 for m in _MAYBE.finditer(text)]
    if lone_cr:
        starts = sorted(starts + [m.start() + 1 for m in _MAYBE_CR.finditer(text)])
    for start in itertools.chain((0,) if first else (), starts):
        at = _BLANKS.match(text, start).end()  # type: ignore[union-attr]
        if text[at : at + 1] in _DASHES and not _opens_item(text, start):
            continue  # a sentence's dash wrapped onto the line: "... and then\n— 14:32 ..."
        found_end = _LINE_END.search(text, at)
        end = len(text) if found_end is None else found_end.start()
        pieces.extend(_line_pieces(text, at, end))
    if not pieces:
        return None
    out: list[str] = []
    positions: list[int] = []
    removed: list[int] = []
    sizes: list[int] = []
    done = lost = 0
    for start, end, _ in pieces:
        out.append(text[done:start])
        positions.append(start - lost)
        removed.append(lost)
        sizes.append(end - start)
        lost += end - start
        done = end
    out.append(text[done:])
    return Undecorated(
        "".join(out),
        tuple(positions),
        tuple(removed),
        tuple(sizes),
        tuple(opener for _, _, opener in pieces),
        tuple(start for start, _, _ in pieces),
    )


_LINE_TAG = re.compile(
    r"(?:^|\n)[ \t]*(?:(?:[-*+\u2022>]|\#{1,6})[ \t]+|\*{1,3}|_{1,3})*(<(?:"
    + _TAGS
    + r")(?:[ \t][^<>\r\n]*)?>)",
    re.IGNORECASE,
)


def line_tag(text: str, end: int) -> Span | None:
    """Where the first inline HTML tag opening a line of ``text[:end]`` stands
    (``<strong>23:40</strong> text``), if any.

    >>> line_tag("Storm\\n- <b>23:40</b> Flood", 100)
    Span(start=8, end=11)
    """
    found = _LINE_TAG.search(text, 0, end)
    return None if found is None else unchecked_span(*found.span(1))


_DECORATION_FIRST = frozenset("-*+\u2022\u2013\u2014>#_<0123456789")


def plain_line(line: str) -> str:
    """``line`` (a headline, a day header: derived text, not the source) without the
    decoration at its start and the closers paired with it.

    >>> plain_line("**Monday 22 January**"), plain_line("Talks resume")
    ('Monday 22 January', 'Talks resume')
    """
    if not line or line[0] not in _DECORATION_FIRST:
        return line
    pieces = _line_pieces(line, 0, len(line))
    if not pieces:
        return line
    kept: list[str] = []
    done = 0
    for start, end, _ in pieces:
        kept.append(line[done:start])
        done = end
    kept.append(line[done:])
    return "".join(kept).strip()

"""The clause reads of :mod:`liveblog.temporal.resolve` with the piece's lowered text.

A mention's clause (its bounds, its governing verb's tense, a verb that sets a date
ahead) is read from windows sliced from the piece lowered once, where each read lowered
its own window before; the left bound is matched from the last line break or sentence
stop, found in C, where it was matched through the whole reach before.
"""

from __future__ import annotations

import re

from hypothesis import example, given
from hypothesis import strategies as st

from liveblog.temporal.resolve import (
    _CLAUSE_REACH,
    _clause_bounds,
    _clause_break,
    _clause_tense,
    _goes_on,
    _lower,
    _sets_ahead,
)

# words the clause patterns read (breaks, verbs of each tense, the look-behinds'
# words, verbs that set a date ahead), names, abbreviations, and characters that lower
# to other lengths (İ), to ASCII (the Kelvin sign) or by their context (capital sigma)
_WORDS = """
    but while which that when to and it the a an will would won't ’ll is are was were
    be been get said made planned scheduled postponed set delayed as previously
    Monday March 12 Sept. 14 U.S. firm United States Talks RESUMED
"""
_GAPS = (". ", ".\n", "\n", ", ", "; ", ": ", "! ", "? ", " ", "  ", "\t", "(", ")")
_ODD = ("Σ", "ΣA", "AΣ", "ς", "İ", "K", "ß", "é", "\u2019", "\u00a0")
_texts = st.lists(st.sampled_from((*_WORDS.split(), *_GAPS, *_ODD)), max_size=60).map(" ".join)


def _plain_bounds(text: str, start: int, end: int, lo: int, hi: int) -> tuple[int, int]:
    """:func:`_clause_bounds` as defined: the whole reach before the date matched, each
    window lowered alone."""
    left = max(lo, start - _CLAUSE_REACH)
    cut = left
    for m in _clause_break().finditer(" " + _lower(text[left:start])):
        if m.group()[:1] != "." or not _goes_on(text, left + m.end(), hi):
            cut = left + m.end() - 1
    right = min(hi, end + _CLAUSE_REACH)
    for m in _clause_break().finditer(" " + _lower(text[end:right])):
        if m.group()[:1] != "." or not _goes_on(text, end + m.end(), hi):
            return cut, end + max(m.start() - 1, 0)
    return cut, right


@given(st.text())
@example("İ")
@example("AΣ Σ")
def test_lower_keeps_every_offset(text: str) -> None:
    low = _lower(text)
    assert len(low) == len(text)
    assert all(low[i] == text[i].lower() for i in range(len(text)) if text[i].isascii())


@given(_texts, st.data())
@example("said\nbut it was Monday", None)
@example("it was. but said. to Monday", None)
@example("the vote, planned. \nto Monday", None)
@example("it was, said Sept. 14 it was Monday", None)
@example("İİ, it was Monday", None)
def test_clause_reads_from_the_lowered_piece_are_the_windows_reads(
    text: str, data: st.DataObject | None
) -> None:
    """Every offset of a mention, each piece's bounds; ``low`` is the piece lowered as
    the scan lowers it, given only where its length is the text's (as the scan does)."""
    n = len(text)
    if data is None:
        lo, hi = 0, n
        spans = [(m.start(), m.end()) for m in re.finditer(r"Monday", text)]
    else:
        lo = data.draw(st.integers(0, n))
        hi = data.draw(st.integers(lo, n))
        start = data.draw(st.integers(lo, hi))
        spans = [(start, data.draw(st.integers(start, hi)))]
    base = lo - 1 if lo > 0 else 0
    lowered = text[base:hi].lower()
    low = lowered if len(lowered) == hi - base else None
    for start, end in spans:
        plain = _plain_bounds(text, start, end, lo, hi)
        assert _clause_bounds(text, start, end, lo, hi) == plain
        assert _clause_bounds(text, start, end, lo, hi, low=low) == plain
        tense = _clause_tense(text, start, end, lo, hi)
        assert _clause_tense(text, start, end, lo, hi, low=low) == tense
        ahead = _sets_ahead(text, start, end, lo, hi)
        assert _sets_ahead(text, start, end, lo, hi, low=low) == ahead

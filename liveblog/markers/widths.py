"""Full-width digits and punctuation read as ASCII, one character for one.

A Japanese, Chinese or Korean page writes its clocks and dates in full-width forms
(``１４：３２``, ``2024年1月22日（月）``). Markers and mentions are read on a copy where
each such form is the ASCII character it stands for; the copy has the text's length,
so every offset found in it is the text's.
"""

from __future__ import annotations

import functools
from typing import Final

import regex

__all__ = ["FULL_WIDTH_DIGITS", "FULL_WIDTH_STAMP", "HALF_WIDTH", "half_width", "read_int"]

# (one of them opens every stamp's and every mention's reading: a test of each is a
# memchr on a text of wide characters, and none at all on a text of Latin-1, where a
# class's search of the whole text cost a dated parse 2%)
FULL_WIDTH_STAMP: Final = tuple("０１２３４５６７８９：（")
"""The full-width characters one of which any reading of a wide stamp holds."""

FULL_WIDTH_DIGITS: Final = FULL_WIDTH_STAMP[:10]
"""The full-width digits, one of which any wide date or time a mention reads holds."""

HALF_WIDTH: Final = {
    code: code - 0xFEE0
    for code in (
        *range(0xFF08, 0xFF0A),  # （）
        *range(0xFF0C, 0xFF1B),  # ，－．／０-９：
        *range(0xFF21, 0xFF3B),  # Ａ-Ｚ
        *range(0xFF41, 0xFF5B),  # ａ-ｚ
    )
} | {0x3000: 0x20}
"""A :meth:`str.translate` table: the full-width forms of the ASCII letters, digits and
punctuation a stamp holds, and the ideographic space, as the ASCII they stand for (other
full-width punctuation, ！ and ？ among it, ends the sentences around them)."""


def half_width(text: str, openers: tuple[str, ...] = FULL_WIDTH_STAMP) -> str | None:
    """``text`` with its full-width forms as ASCII (:data:`HALF_WIDTH`), or None when
    it holds none of ``openers`` (an ASCII text is told at once).

    >>> half_width("午後１４：３２（月）"), half_width("14:32")
    ('午後14:32(月)', None)
    """
    # one search per character, each a memchr (map: no Python frame per search)
    if text.isascii() or not any(map(text.__contains__, openers)):
        return None
    return text.translate(HALF_WIDTH)


def read_int(text: str) -> int:
    """The number that digits a ``regex`` pattern matched as ``\\d`` write.

    ``int`` reads every decimal digit of the Unicode version Python's own tables hold;
    ``regex`` holds a newer one, whose new digits (Garay's 𐵀-𐵉, U+10D40, and about a
    hundred more) ``int`` refuses. Unicode assigns decimal digits only in runs of ten,
    zero to nine, so such a digit is read as its place in its run. Text that is no
    number still raises ``ValueError``, as ``int`` does.

    >>> read_int("14"), read_int("1\U00010d44")
    (14, 14)
    """
    try:
        return int(text)
    except ValueError:
        return int("".join(map(_newer_digit, text)))


@functools.cache
def _newer_digit(char: str) -> str:
    """``char`` as an ASCII digit when it is a decimal digit ``int`` does not know."""
    if char.isdecimal() or not _regex_digit(char):
        return char
    start = ord(char)
    while start > 0 and _regex_digit(chr(start - 1)):
        start -= 1  # back to the first digit of the runs of ten this one stands in
    return str((ord(char) - start) % 10)


def _regex_digit(char: str) -> bool:
    """Whether ``regex`` matches ``char`` as ``\\d`` (its pattern compiled at the first
    such digit, from regex's own cache: ``import liveblog`` does not pay for it)."""
    return regex.match(r"\d", char) is not None

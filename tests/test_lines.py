"""The pre-selection of candidate lines keeps exactly the lines that start like a marker
or are short and end like a byline (:func:`_is_candidate`, applied to every line)."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from liveblog.markers.lines import (
    _BLANKS,
    _BYLINE_ENDS,
    _BYLINE_MAX,
    _PREFIXES,
    HEAD,
    Heads,
    candidate_heads,
)


def _is_candidate(head: str, tail: str | None) -> bool:
    """The definition: a ``head`` that starts like a marker, or a short line (``tail``
    given) that ends like a byline."""
    start = head.lstrip(_BLANKS)
    if not start:
        return False
    first = start[0]
    if first.isdigit() or first in "([+" or start[:3].lower() in _PREFIXES:
        return True
    if re.search(r"\d ?(?:AM|PM)(?=[^\W\d_])", head):
        return True  # a byline glued to its text: "4:48:02 PMRain has stopped"
    if tail is None:
        return False
    tail = tail.rstrip(_BLANKS).lower()
    return tail[-1:].isdigit() or tail.endswith(_BYLINE_ENDS)


def _walk(text: str) -> Heads:
    """Every line, one by one, through :func:`_is_candidate`: the definition."""
    pieces: list[str] = []
    starts: list[int] = []
    origins: list[int] = []
    size = position = 0
    while position <= len(text):
        newline = text.find("\n", position)
        newline = len(text) if newline < 0 else newline
        end = newline - 1 if newline > position and text[newline - 1] == "\r" else newline
        head = text[position : min(end, position + HEAD)]
        tail = text[max(position, end - 12) : end] if end - position <= _BYLINE_MAX else None
        if _is_candidate(head, tail):
            piece = head if end - position <= HEAD else head + "x"
            starts.append(size)
            origins.append(position)
            pieces.append(piece)
            size += len(piece) + 1
        position = newline + 1
    return Heads("\n".join(pieces), tuple(starts), tuple(origins))


_PIECES = st.sampled_from(
    ["\n", "\r\n", " ", "\t", "\u00a0", "\u200b", "\ufeff", "a", "Z", "é", "٣", "²", "7",
     "(", "+", "Update ", "posted", "MON", "Mar", "noon", "The ", "said ", "pm", "a.m.",
     "14:32", "x" * 90, "y" * 150, "5 PM", "2 AMThe", "Rain", "PMé"]
)  # fmt: skip


@settings(max_examples=400)
@given(st.lists(_PIECES, max_size=40).map("".join))
def test_scan_keeps_exactly_the_lines_a_walk_keeps(text: str) -> None:
    assert candidate_heads(text) == _walk(text)


def test_heads_of_a_small_page() -> None:
    text = "Intro " * 50 + "\n14:32 GMT\nHeadline\n\nPosted by Sam 6/4/2021 7:19 pm\r\n" + "b" * 300
    heads = candidate_heads(text)
    assert heads == _walk(text)
    assert heads is not None
    assert heads.text.split("\n") == ["14:32 GMT", "Posted by Sam 6/4/2021 7:19 pm"]

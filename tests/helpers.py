"""Checks shared by several test modules."""

from __future__ import annotations

from liveblog import Timeline


def assert_tiles(text: str, tl: Timeline) -> None:
    """Preamble and entry spans cover every non-whitespace character exactly once."""
    owner = [0] * len(text)
    spans = [tl.preamble.span, *(e.span for e in tl.entries)]
    for start, end in spans:
        for i in range(start, end):
            owner[i] += 1
    for i, ch in enumerate(text):
        if not ch.isspace():
            assert owner[i] == 1, f"character {i} ({ch!r}) is covered {owner[i]} times"
    if len(tl.entries) > 0:
        assert tl.preamble.text == text[slice(*tl.preamble.span)]

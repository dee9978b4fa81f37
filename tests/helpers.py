"""Checks shared by several test modules."""

from __future__ import annotations

from liveblog import Mention, Span, Timeline


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


def assert_keeps_words(text: str, tl: Timeline) -> None:
    """Every word of ``text`` is in the preamble or an entry's marker, headline, author
    or body, as often as in the text: no text is lost."""
    import re
    from collections import Counter

    kept = [tl.preamble.text]
    for e in tl.entries:
        kept.extend([e.marker, e.headline or "", e.author or "", e.body])
    words = Counter(re.findall(r"\w+", text))
    missing = words - Counter(re.findall(r"\w+", " ".join(kept)))
    assert not missing, f"words lost: {sorted(missing)}"


def assert_mentions_slice(text: str, tl: Timeline) -> None:
    """Each entry's mentions lie in its span, outside its marker, in order and apart,
    and each slices exactly its text out of ``text``; the preamble's, in the preamble."""
    pieces: list[tuple[Span, Span | None, tuple[Mention, ...]]]
    pieces = [(tl.preamble.span, None, tl.preamble_mentions)]
    pieces += [(e.span, e.marker_span, e.mentions) for e in tl.entries]
    for (start, end), marker, mentions in pieces:
        ends = start
        for m in mentions:
            assert ends <= m.span.start < m.span.end <= end, (m, (start, end))
            assert text[slice(*m.span)] == m.text, m
            if marker is not None:
                assert m.span.end <= marker.start or marker.end <= m.span.start, (m, marker)
            ends = m.span.end

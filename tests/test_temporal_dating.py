"""infer_date: the blog's own date from full dates, weekdays and relative words."""

from __future__ import annotations

import datetime as dt
import itertools
from pathlib import Path

from liveblog.model import Span
from liveblog.temporal import infer_date

SEED = Path(__file__).resolve().parent.parent / "seeds" / "eaworldview-2024-01-22.txt"


def seed_layout(text: str) -> tuple[Span, list[tuple[Span, int]]]:
    """The seed's preamble and its entries, oldest first, all on the opening day."""
    map_line = "Map: Institute for the Study of War"
    preamble = Span(0, text.index(map_line) + len(map_line))
    starts = [text.index(m) for m in ("UPDATE 1548", "UPDATE 0831", "UPDATE 0720")]
    original = text.index("ORIGINAL ENTRY")
    bounds = [*starts, original]
    entries = [(Span(original, len(text)), 0)]
    entries += [(Span(a, b), 0) for a, b in reversed(list(itertools.pairwise(bounds)))]
    return preamble, entries


def test_seed_date_is_inferred() -> None:
    """Seed 000 dates itself 2024-01-22 from its caption, 'last week' and weekdays."""
    text = SEED.read_text(encoding="utf-8")
    preamble, entries = seed_layout(text)
    day, evidence = infer_date(text, preamble=preamble, entries=entries)
    assert day == dt.date(2024, 1, 22)
    assert [(e.kind, e.text) for e in evidence] == [
        ("full-date", "January 16, 2024"),
        ("coverage", "Sunday’s Coverage"),
        ("weekday", "earlier on Monday"),
        ("relative", "last week"),
    ]
    for e in evidence:
        assert e.span is not None
        assert text[slice(*e.span)] == e.text
        assert e.date == day


def test_no_evidence_gives_no_date() -> None:
    """Text without a full date gives (None, ())."""
    text = "Intro.\n\nUPDATE 0900 GMT: talks went on earlier on Monday."
    assert infer_date(text, preamble=Span(0, 6), entries=[(Span(8, len(text)), 0)]) == (None, ())


def test_last_week_moves_to_the_following_week() -> None:
    """'last week' with a stated date puts the blog in the week after that date's week."""
    text = "Photo, March 5, 2024.\n\nUPDATE 0900: The envoy visited last week."
    day, evidence = infer_date(text, preamble=Span(0, 21), entries=[(Span(23, len(text)), 0)])
    assert day == dt.date(2024, 3, 11)
    assert [e.kind for e in evidence] == ["full-date", "relative"]


def test_day_offset_of_later_entries_counts() -> None:
    """An entry on the second day saying 'earlier on Wednesday' makes the first a Tuesday."""
    text = (
        "Photo, March 4, 2024.\n\nUPDATE 2300: Quiet.\n\n"
        "UPDATE 0100: Shelling earlier on Wednesday."
    )
    first = text.index("UPDATE 2300")
    second = text.index("UPDATE 0100")
    entries = [(Span(first, second), 0), (Span(second, len(text)), 1)]
    day, evidence = infer_date(text, preamble=Span(0, 21), entries=entries)
    assert day == dt.date(2024, 3, 5)
    assert [e.kind for e in evidence] == ["full-date", "weekday"]

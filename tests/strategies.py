"""Hypothesis strategies: clock times, generated blogs, and their rendering as text.

``blogs()`` draws the truth (entries with known times and bodies); ``render()`` writes
it as a live blog, so the parser can be checked against data whose answer is known.
"""

from __future__ import annotations

import datetime as dt

import attrs
from hypothesis import strategies as st

# Lines that look a little like markers or dates but must stay body text.
TRICKY_LINES = (
    "The Evidence",
    "A UN diplomat summarized:",
    "Map: Institute for the Study of War",
    "At 10:30 the ministers met again.",
    "The vote was 2-1 in favour.",
    "2024",
    "1548 soldiers were moved to the front.",
    "He said the update would come at 1600 GMT.",
    "Updated figures: 500,000 people.",
    "John 3:16 was quoted on a banner.",
    "1. First point of the plan",
    "Photo: Reuters / 22 January 2024",
    "Original entries were removed.",
)
WORDS = ("talks", "the", "ministry", "said", "drones", "were", "downed", "Kyiv", "aid", "on")


@st.composite
def sentences(draw: st.DrawFn) -> str:
    """A plain sentence of vocabulary words."""
    words = draw(st.lists(st.sampled_from(WORDS), min_size=1, max_size=12))
    return " ".join(words).capitalize() + "."


@st.composite
def bodies(draw: st.DrawFn) -> str:
    """An entry body: paragraphs of sentences and tricky lines, blank lines between."""
    paragraphs = draw(
        st.lists(st.one_of(sentences(), st.sampled_from(TRICKY_LINES)), min_size=1, max_size=5)
    )
    return "\n\n".join(paragraphs)


@attrs.frozen
class GenEntry:
    """One generated update: minutes since the opening day's midnight, and its body."""

    minutes: int
    body: str


@attrs.frozen
class GenBlog:
    """A generated blog: the truth that ``render`` turns into text."""

    date: dt.date
    entries: tuple[GenEntry, ...]
    """Oldest first."""
    newest_first: bool
    original: str | None
    """Body of an ``ORIGINAL ENTRY`` (the oldest entry, untimed), if any."""
    preamble: str
    crlf: bool
    colon: bool
    """Render ``hh:mm`` instead of ``hhmm``."""

    def expected(self) -> list[tuple[dt.datetime | None, str]]:
        """(published, body) for each entry, oldest first."""
        out: list[tuple[dt.datetime | None, str]] = []
        if self.original is not None:
            out.append((None, self.original))
        midnight = dt.datetime.combine(self.date, dt.time(0), tzinfo=dt.UTC)
        out.extend((midnight + dt.timedelta(minutes=e.minutes), e.body) for e in self.entries)
        return out


def clock_text(minutes: int, *, colon: bool) -> str:
    """``hhmm`` or ``hh:mm`` for minutes since midnight (any day)."""
    h, m = divmod(minutes % 1440, 60)
    return f"{h:02d}:{m:02d}" if colon else f"{h:02d}{m:02d}"


@st.composite
def blogs(draw: st.DrawFn, *, max_entries: int = 8) -> GenBlog:
    """A blog whose consecutive updates are less than 12 hours apart (so that the
    direction and the midnight roll-over are well defined), possibly crossing midnight."""
    n = draw(st.integers(1, max_entries))
    start = draw(st.integers(0, 1439))
    gaps = draw(st.lists(st.integers(0, 719), min_size=n - 1, max_size=n - 1))
    if n > 1 and not any(gaps):
        gaps[0] = 1
    minutes = [start]
    for gap in gaps:
        minutes.append(minutes[-1] + gap)
    entries = tuple(GenEntry(m, draw(bodies())) for m in minutes)
    has_original = draw(st.booleans())
    return GenBlog(
        date=draw(st.dates(dt.date(2000, 1, 1), dt.date(2035, 12, 31))),
        entries=entries,
        newest_first=draw(st.booleans()),
        original=draw(bodies()) if has_original else None,
        preamble=draw(st.sampled_from(("", "Live: the war in Ukraine", "Photo: AP\n\nMap: ISW"))),
        crlf=draw(st.booleans()),
        colon=draw(st.booleans()),
    )


def render(blog: GenBlog, extra_top: tuple[GenEntry, ...] = ()) -> str:
    """Write ``blog`` as live-blog text in the ``UPDATE hhmm GMT:`` style.

    ``extra_top`` adds newer updates (for newest-first blogs, at the top)."""
    blocks: list[str] = []
    if blog.original is not None:
        blocks.append(f"ORIGINAL ENTRY: {blog.original}")
    for entry in (*blog.entries, *extra_top):
        blocks.append(f"UPDATE {clock_text(entry.minutes, colon=blog.colon)} GMT:\n\n{entry.body}")
    if blog.newest_first:
        blocks.reverse()
    if blog.preamble:
        blocks.insert(0, blog.preamble)
    text = "\n\n\n".join(blocks)
    return text.replace("\n", "\r\n") if blog.crlf else text

"""Hypothesis strategies and sample timelines shared by the feed tests."""

from __future__ import annotations

import datetime as dt

from hypothesis import given
from hypothesis import strategies as st

from liveblog.model import (
    Block,
    DateEvidence,
    Diagnostic,
    DialectChoice,
    DialectScore,
    Entry,
    Mention,
    Provenance,
    Source,
    Span,
    Timeline,
)

# Fixed offsets only: an aware datetime in a zone whose wall clock repeats an hour
# compares unequal to the same instant in another zone, and a feed carries offsets.
ZONES = (
    dt.UTC,
    dt.timezone(dt.timedelta(hours=5, minutes=30)),
    dt.timezone(dt.timedelta(hours=-8)),
    dt.timezone(dt.timedelta(hours=1)),
)
HOURS = dt.timedelta(hours=1)


def spans() -> st.SearchStrategy[Span]:
    """Valid half-open spans."""
    return st.tuples(st.integers(0, 5000), st.integers(0, 500)).map(
        lambda p: Span(p[0], p[0] + p[1])
    )


def instants() -> st.SearchStrategy[dt.datetime]:
    """Aware datetimes with fixed offsets, seconds and sometimes microseconds."""
    return st.datetimes(
        # hypothesis takes naive bounds and attaches the zones itself
        min_value=dt.datetime(1990, 1, 1),  # noqa: DTZ001
        max_value=dt.datetime(2060, 1, 1),  # noqa: DTZ001
        timezones=st.sampled_from(ZONES),
    )


def texts() -> st.SearchStrategy[str]:
    """Short arbitrary text (any code point JSON can carry)."""
    return st.text(max_size=40)


def mentions() -> st.SearchStrategy[Mention]:
    """Resolved and unresolved temporal mentions."""
    return st.builds(
        Mention,
        text=texts(),
        span=spans(),
        type=st.sampled_from(["DATE", "TIME", "DURATION", "SET"]),
        value=st.sampled_from(["2024-01-22", "2024-W03", "P23M", "PAST_REF"]),
        start=st.none() | instants(),
        end=st.none() | instants(),
        granularity=st.none() | st.sampled_from(["day", "week"]),
        mod=st.none() | st.just("APPROX"),
    )


def sources() -> st.SearchStrategy[Source]:
    """Sources with and without URL and title."""
    return st.builds(
        Source,
        name=texts(),
        url=st.none() | st.just("https://example.org/live"),
        title=st.none() | texts(),
    )


def entries(entry_id: str, ordinal: int) -> st.SearchStrategy[Entry]:
    """One entry with every field drawn, and the given id and ordinal."""
    return st.builds(
        Entry,
        id=st.just(entry_id),
        marker=texts(),
        body=st.text(max_size=200),
        span=spans(),
        published=st.none() | instants(),
        day=st.none() | st.dates(dt.date(1990, 1, 1), dt.date(2060, 1, 1)),
        time=st.none() | st.times(),
        zone=st.none() | st.sampled_from(["UTC", "Europe/London", "UTC+05:30"]),
        ordinal=st.just(ordinal),
        marker_span=st.none() | spans(),
        headline=st.none() | texts(),
        author=st.none() | texts(),
        day_header=st.none() | texts(),
        dialect=st.sampled_from(["", "update", "clock"]),
        mentions=st.lists(mentions(), max_size=2).map(tuple),
        sources=st.lists(st.builds(Provenance, source=sources(), id=texts()), max_size=2).map(
            tuple
        ),
        html=st.none() | texts(),
    )


@st.composite
def timelines(draw: st.DrawFn, *, max_entries: int = 6) -> Timeline:
    """Timelines with unique hex ids and every field drawn."""
    ids = draw(
        st.lists(
            st.text("0123456789abcdef", min_size=16, max_size=16),
            max_size=max_entries,
            unique=True,
        )
    )
    drawn = [draw(entries(entry_id, n)) for n, entry_id in enumerate(ids)]
    score = st.builds(
        DialectScore,
        name=texts(),
        candidates=st.integers(0, 99),
        accepted=st.integers(0, 99),
        monotonic=st.floats(0, 1),
        score=st.floats(-10, 10),
    )
    diagnostic = st.builds(
        Diagnostic,
        code=st.sampled_from(["no-markers", "out-of-order"]),
        message=texts(),
        span=spans(),
        line=st.integers(1, 99),
        column=st.integers(1, 99),
        snippet=texts(),
    )
    evidence = st.builds(
        DateEvidence,
        kind=st.sampled_from(["given", "weekday"]),
        text=texts(),
        span=st.none() | spans(),
        date=st.dates(),
    )
    return Timeline(
        drawn,
        preamble=draw(st.builds(Block, text=texts(), span=spans())),
        date=draw(st.none() | st.dates()),
        tz=draw(st.none() | st.sampled_from(["Europe/London", "UTC"])),
        order=draw(st.sampled_from(["newest-first", "oldest-first", "unknown"])),
        warnings=draw(st.lists(diagnostic, max_size=2)),
        dialect=DialectChoice(
            names=tuple(draw(st.lists(texts(), max_size=2))),
            evidence=tuple(draw(st.lists(score, max_size=2))),
        ),
        date_evidence=draw(st.lists(evidence, max_size=2)),
        preamble_mentions=draw(st.lists(mentions(), max_size=2)),
        source=draw(st.none() | sources()),
        encoding=draw(st.none() | st.just("utf-8")),
        origin=draw(st.sampled_from(["text", "html", "merge"])),
    )


def seed_timeline() -> Timeline:
    """The seed blog (eaworldview, 2024-01-22) as the parser reads it, built by hand."""
    day = dt.date(2024, 1, 22)

    def update(entry_id: str, hhmm: str, ordinal: int, body: str) -> Entry:
        clock = dt.time(int(hhmm[:2]), int(hhmm[2:]))
        return Entry(
            id=entry_id,
            marker=f"UPDATE {hhmm} GMT",
            body=body,
            span=Span(100 * ordinal, 100 * ordinal + 90),
            published=dt.datetime.combine(day, clock, tzinfo=dt.UTC),
            day=day,
            time=clock,
            zone="UTC",
            ordinal=ordinal,
            marker_span=Span(100 * ordinal, 100 * ordinal + 15),
            dialect="update",
        )

    original = Entry(
        id="06f292e9a4acbf58",
        marker="ORIGINAL ENTRY",
        body="The UK has sent satellite photographs of North Korean weapons shipments.",
        span=Span(300, 390),
        day=day,
        ordinal=3,
        marker_span=Span(300, 314),
        dialect="original-entry",
    )
    return Timeline(
        [
            original,
            update("19083d3747e5508b", "0720", 2, "Zelenskiy turns down 500,000 call-up."),
            update("8dc0a0cde8c5e98b", "0831", 1, "Air defenses downed all 8 drones."),
            update("7c4c361103020b96", "1548", 0, "Zelenskiy: “very productive talks”."),
        ],
        preamble=Block("Map: Institute for the Study of War", Span(0, 36)),
        date=day,
        order="newest-first",
    )


@given(timelines())
def test_generated_timelines_survive_to_dict(tl: Timeline) -> None:
    """Generated timelines are valid model values that round-trip through to_dict."""
    assert Timeline.from_dict(tl.to_dict()) == tl
    assert len({e.id for e in tl}) == len(tl)


def test_seed_timeline_is_oldest_first() -> None:
    """The hand-built seed has the untimed original entry first, then 07:20, 08:31, 15:48."""
    tl = seed_timeline()
    assert [e.marker for e in tl] == [
        "ORIGINAL ENTRY",
        "UPDATE 0720 GMT",
        "UPDATE 0831 GMT",
        "UPDATE 1548 GMT",
    ]

"""Tests of the value types: validation, equality, reprs and dict round trips."""

from __future__ import annotations

import datetime as dt
import pickle
from typing import Any

import attrs
import pytest

import liveblog
from liveblog.model import make_entry_id


def _entry(**changes: Any) -> liveblog.Entry:
    base = liveblog.Entry(id="x", marker="UPDATE 1548 GMT", body="b", span=liveblog.Span(0, 10))
    return attrs.evolve(base, **changes)


def test_values_are_frozen() -> None:
    """Entries cannot be mutated; evolve makes new ones."""
    entry = _entry()
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        entry.body = "c"  # type: ignore[misc]
    assert attrs.evolve(entry, body="c").body == "c"


def test_naive_datetimes_rejected() -> None:
    """published must be timezone-aware."""
    with pytest.raises(ValueError, match=r"^published must be timezone-aware"):
        _entry(published=dt.datetime(2024, 1, 1))  # noqa: DTZ001


def test_spans_validated() -> None:
    """Spans must satisfy 0 <= start <= end."""
    with pytest.raises(ValueError, match=r"^span must satisfy 0 <= start <= end, got \(5, 2\)"):
        _entry(span=(5, 2))
    assert _entry(span=[1, 3]).span == (1, 3)


def test_mention_type_checked() -> None:
    """Mention.type must be a TIMEX3 type."""
    with pytest.raises(ValueError, match=r"^type must be one of DATE, TIME, DURATION, SET"):
        liveblog.Mention("x", (0, 1), "WHEN", "2024", None, None)  # type: ignore[arg-type]


def test_timeline_order_checked() -> None:
    """Timeline.order takes one of three values."""
    with pytest.raises(ValueError, match=r"^order must be one of"):
        liveblog.Timeline(entries=(), order="sideways")  # type: ignore[arg-type]


def test_timeline_sequence_protocol() -> None:
    """Timelines have len(), iteration, indexing and source order."""
    a, b = _entry(id="a", ordinal=1), _entry(id="b", ordinal=0)
    tl = liveblog.Timeline(entries=[a, b])
    assert (len(tl), list(tl), tl[1]) == (2, [a, b], b)
    assert tl.source_order == (b, a)


def test_text_does_not_take_part_in_equality() -> None:
    """Two timelines that differ only in the kept source text are equal."""
    assert liveblog.Timeline(entries=(), text="a") == liveblog.Timeline(entries=(), text="b")


def test_full_entry_round_trips_and_pickles() -> None:
    """An entry with every field set survives to_dict/from_dict and pickle."""
    when = dt.datetime(2024, 1, 22, 15, 48, tzinfo=dt.timezone(dt.timedelta(hours=2)))
    mention = liveblog.Mention(
        "last week", (3, 12), "DATE", "2024-W03", when, when, granularity="week", mod="END"
    )
    source = liveblog.Source("ea", url="https://example.org", title="EA")
    entry = _entry(
        published=when,
        day=when.date(),
        time=dt.time(15, 48),
        zone="UTC+02:00",
        ordinal=3,
        marker_span=(0, 15),
        headline="Talks",
        author="Jane Doe",
        dialect="update",
        mentions=(mention,),
        sources=(liveblog.Provenance(source, "x"),),
        html="<p>b</p>",
    )
    assert liveblog.Entry.from_dict(entry.to_dict()) == entry
    assert pickle.loads(pickle.dumps(entry)) == entry


def test_entry_id_formula() -> None:
    """Ids depend on day, time, normalised marker and occurrence, not on the body."""
    day, time = dt.date(2024, 1, 22), dt.time(15, 48)
    one = make_entry_id(day=day, time=time, marker="UPDATE 1548 GMT", occurrence=0, body="a")
    assert one == make_entry_id(day=day, time=time, marker="update  1548 gmt", occurrence=0)
    assert one != make_entry_id(day=day, time=time, marker="UPDATE 1548 GMT", occurrence=1)
    untimed = make_entry_id(day=None, time=None, marker="", occurrence=0, body="An article")
    assert untimed != make_entry_id(day=None, time=None, marker="", occurrence=0, body="Another")

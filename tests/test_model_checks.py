"""Every public model class checks its fields' types when a user builds it: a wrong one is
a TypeError (ValueError for a value out of range) naming the field and the value given,
rather than a failure later, far away, in the feed writers, ``merge`` or ``to_dict``."""

from __future__ import annotations

import datetime as dt
import json
import pickle
from collections.abc import Callable, Iterable
from typing import Any, TypeAlias

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import liveblog
from liveblog import (
    Block,
    DateEvidence,
    Diagnostic,
    DialectChoice,
    DialectScore,
    Entry,
    Mention,
    Provenance,
    Source,
    Timeline,
)
from liveblog.model import Span, unchecked_span

AWARE = dt.datetime(2024, 1, 22, 15, 48, tzinfo=dt.UTC)
SOURCE = Source("bbc")
MENTION = Mention(text="Monday", span=(0, 6), type="DATE", value="2024-01-22", start=None, end=None)
PROVENANCE = Provenance(SOURCE, "a")
SCORE = DialectScore(name="update", candidates=2, accepted=1, monotonic=1.0, score=2.5)

Check: TypeAlias = Callable[[object], bool]


def _of(*kinds: type) -> Check:
    return lambda value: (
        isinstance(value, kinds) and not (isinstance(value, bool) and bool not in kinds)
    )


def _optional(check: Check) -> Check:
    return lambda value: value is None or check(value)


def _int(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _number(value: object) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def _span(value: object) -> bool:
    if not isinstance(value, tuple | list) or len(value) != 2 or not all(map(_int, value)):
        return False
    return bool(0 <= value[0] <= value[1])


def _aware(value: object) -> bool:
    return isinstance(value, dt.datetime) and value.utcoffset() is not None


def _day(value: object) -> bool:
    return isinstance(value, dt.date) and not isinstance(value, dt.datetime)


def _one_of(*values: str) -> Check:
    return lambda value: isinstance(value, str) and value in values


def _tuple_of(kind: type) -> Check:
    def check(value: object) -> bool:
        if isinstance(value, str | bytes) or not isinstance(value, Iterable):
            return False
        return all(isinstance(item, kind) for item in value)

    return check


_str, _text = _of(str), _optional(_of(str))

# each class: its fields, each with a right value and what the field accepts
FIELDS: dict[type, dict[str, tuple[object, Check]]] = {
    Source: {"name": ("bbc", _str), "url": ("https://x.org", _text), "title": (None, _text)},
    Provenance: {"source": (SOURCE, _of(Source)), "id": ("a", _str)},
    Diagnostic: {
        "code": ("no-markers", _str),
        "message": ("no entry markers found", _str),
        "span": ((0, 0), _span),
        "line": (1, _int),
        "column": (1, _int),
        "snippet": ("", _str),
    },
    Mention: {
        "text": ("Monday", _str),
        "span": ((0, 6), _span),
        "type": ("DATE", _one_of("DATE", "TIME", "DURATION", "SET")),
        "value": ("2024-01-22", _str),
        "start": (AWARE, _optional(_aware)),
        "end": (None, _optional(_aware)),
        "granularity": ("day", _text),
        "mod": (None, _text),
    },
    Block: {"text": ("Intro.", _str), "span": ((0, 6), _span)},
    Entry: {
        "id": ("a", _str),
        "marker": ("UPDATE 1548 GMT", _str),
        "body": ("Talks end.", _str),
        "span": ((0, 27), _span),
        "published": (AWARE, _optional(_aware)),
        "day": (AWARE.date(), _optional(_day)),
        "time": (AWARE.time(), _optional(_of(dt.time))),
        "zone": ("UTC", _text),
        "ordinal": (0, _int),
        "marker_span": ((0, 15), _optional(_span)),
        "headline": (None, _text),
        "author": ("A. Reporter", _text),
        "day_header": (None, _text),
        "dialect": ("update", _str),
        "mentions": ((MENTION,), _tuple_of(Mention)),
        "sources": ((PROVENANCE,), _tuple_of(Provenance)),
        "html": (None, _text),
    },
    DialectScore: {
        "name": ("update", _str),
        "candidates": (2, _int),
        "accepted": (1, _int),
        "monotonic": (1.0, _number),
        "score": (2, _number),
    },
    DialectChoice: {
        "names": (("update",), _tuple_of(str)),
        "evidence": ((SCORE,), _tuple_of(DialectScore)),
    },
    DateEvidence: {
        "kind": ("given", _str),
        "text": ("", _str),
        "span": (None, _optional(_span)),
        "date": (AWARE.date(), _day),
    },
    Timeline: {
        "entries": ((), _tuple_of(Entry)),
        "preamble": (Block("", (0, 0)), _of(Block)),
        "date": (None, _optional(_day)),
        "tz": ("UTC", _text),
        "order": ("unknown", _one_of("newest-first", "oldest-first", "unknown")),
        "warnings": ((), _tuple_of(Diagnostic)),
        "dialect": (DialectChoice(), _of(DialectChoice)),
        "date_evidence": ((), _tuple_of(DateEvidence)),
        "preamble_mentions": ((), _tuple_of(Mention)),
        "source": (None, _optional(_of(Source))),
        "encoding": (None, _text),
        "origin": ("text", _str),
        "text": (None, _text),
    },
}

# values of many types: for each field, those it does not accept are wrong
VALUES: list[object] = [
    5,
    2.5,
    True,
    "text",
    b"ab",
    None,
    object(),
    [object()],
    [1],
    {"a": 1},
    (1, 2, 3),
    (2, 1),
    ("a", "b"),
    (-1, 2),
    (1.0, 2.0),
    AWARE,
    AWARE.replace(tzinfo=None),
    AWARE.date(),
    AWARE.time(),
    SOURCE,
    MENTION,
    PROVENANCE,
    SCORE,
]


def _build(kind: type, field: str, value: object) -> Any:
    arguments = {name: right for name, (right, _) in FIELDS[kind].items()}
    arguments[field] = value
    return kind(**arguments)


def _check(kind: type, field: str, value: object) -> None:
    """``kind`` built with ``value`` for ``field``: it holds it if the field accepts it,
    else the error names the field and what was given."""
    if FIELDS[kind][field][1](value):
        built = _build(kind, field, value)
        held = getattr(built, field)
        assert held == (tuple(value) if isinstance(value, list | dict) else value)
        return
    with pytest.raises((TypeError, ValueError)) as info:
        _build(kind, field, value)
    message = str(info.value)
    assert message.startswith((f"{field} ", f"{field}[")), message
    assert "got" in message


def test_the_table_covers_every_public_model_class_and_field() -> None:
    public = {
        getattr(liveblog, name)
        for name in liveblog.__all__
        if attrs.has(getattr(liveblog, name))
        and getattr(liveblog, name).__module__ == "liveblog.model"
    }
    assert public == set(FIELDS)
    for kind, fields in FIELDS.items():
        assert list(fields) == [field.name for field in attrs.fields(kind)]


@pytest.mark.parametrize("kind", list(FIELDS), ids=lambda kind: kind.__name__)
def test_right_values_build(kind: type) -> None:
    built = kind(**{name: right for name, (right, _) in FIELDS[kind].items()})
    for field, (right, _) in FIELDS[kind].items():
        assert getattr(built, field) == right


@pytest.mark.parametrize(
    ("kind", "field"),
    [(kind, field) for kind, fields in FIELDS.items() for field in fields],
    ids=lambda x: x if isinstance(x, str) else x.__name__,
)
def test_a_wrong_value_names_its_field(kind: type, field: str) -> None:
    for value in VALUES:
        _check(kind, field, value)


@pytest.mark.parametrize(
    ("kind", "field", "value", "error", "message"),
    [
        (Entry, "headline", 5, TypeError, "headline must be str or None, got int 5"),
        (
            Entry,
            "sources",
            "abc",
            TypeError,
            "sources must be an iterable of Provenance, got 'abc'",
        ),
        (Entry, "mentions", [1], TypeError, "mentions[0] must be a Mention, got int 1"),
        (Entry, "body", 5, TypeError, "body must be str, got int 5"),
        (
            Entry,
            "span",
            (1, 2, 3),
            TypeError,
            "span must be a pair of ints (start, end), got tuple",
        ),
        (Entry, "span", ("0", 1), TypeError, "span must be a pair of ints (start, end), got tuple"),
        (Entry, "span", (0.0, 1), TypeError, "span must be a pair of ints (start, end), got tuple"),
        (Entry, "marker_span", (2, 1), ValueError, "marker_span must satisfy 0 <= start <= end"),
        (Entry, "ordinal", True, TypeError, "ordinal must be int, got bool True"),
        (Entry, "time", AWARE, TypeError, "time must be a datetime.time or None, got datetime"),
        (Mention, "type", ["DATE"], TypeError, "type must be str, got list ['DATE']"),
        (Mention, "type", "date", ValueError, "type must be one of DATE, TIME, DURATION, SET"),
        (Timeline, "order", ["unknown"], TypeError, "order must be str, got list"),
        (DateEvidence, "date", AWARE, TypeError, "date must be a datetime.date (not a datetime)"),
        (DialectScore, "monotonic", "1", TypeError, "monotonic must be float, got str '1'"),
        (DialectChoice, "names", "update", TypeError, "names must be an iterable of str, got"),
        (Provenance, "source", "bbc", TypeError, "source must be a Source, got str 'bbc'"),
        (Diagnostic, "line", "1", TypeError, "line must be int, got str '1'"),
    ],
)
def test_wrong_values_say_what_was_given(
    kind: type, field: str, value: object, error: type[Exception], message: str
) -> None:
    with pytest.raises(error) as info:
        _build(kind, field, value)
    assert str(info.value).startswith(message)


@pytest.mark.parametrize(
    ("kind", "data", "message", "path"),
    [
        (Entry, {"ordinal": "3"}, "ordinal must be int, got '3'", "/ordinal"),
        (Entry, {"ordinal": True}, "ordinal must be int, got True", "/ordinal"),
        (Entry, {"headline": 5}, "headline must be str | None, got 5", "/headline"),
        (
            Entry,
            {"marker_span": [3, 1]},
            "invalid value [3, 1]: marker_span must satisfy",
            "/marker_span",
        ),
        (Timeline, {"dialect": {"names": [5]}}, "names[0] must be a str", "/dialect/names/0"),
        (
            Timeline,
            {"dialect": {"evidence": [{**attrs.asdict(SCORE), "monotonic": "x"}]}},
            "monotonic must be float, got 'x'",
            "/dialect/evidence/0/monotonic",
        ),
        (
            Timeline,
            {"warnings": [{**Diagnostic("c", "m", (0, 0), 1, 1, "").to_dict(), "line": 1.5}]},
            "line must be int, got 1.5",
            "/warnings/0/line",
        ),
    ],
)
def test_from_dict_still_says_where(
    kind: type[Entry | Timeline], data: dict[str, Any], message: str, path: str
) -> None:
    good = (
        Entry(id="a", marker="", body="", span=(0, 0)).to_dict()
        if kind is Entry
        else Timeline([]).to_dict()
    )
    with pytest.raises(liveblog.FeedError) as info:
        kind.from_dict({**good, **data})
    assert info.value.msg.startswith(message), info.value.msg
    assert info.value.path == path


_FIELD = st.sampled_from([(kind, field) for kind, fields in FIELDS.items() for field in fields])
_ANY = st.one_of(
    st.sampled_from(VALUES),
    st.integers(),
    st.floats(),
    st.text(max_size=5),
    st.binary(max_size=3),
    st.lists(st.integers(min_value=-2, max_value=5), max_size=3),
    st.tuples(st.integers(min_value=-2, max_value=5), st.integers(min_value=-2, max_value=5)),
    st.dates(),
    st.times(),
    st.datetimes(timezones=st.sampled_from([dt.UTC, None])),
)


@given(_FIELD, _ANY)
def test_any_value_is_held_or_refused_naming_its_field(
    where: tuple[type, str], value: object
) -> None:
    """A random field given a random value: held when its type is right, else a
    TypeError (ValueError when out of range) naming the field."""
    _check(*where, value)


@pytest.mark.parametrize(
    ("start", "end", "error", "message"),
    [
        ("a", 3, TypeError, "start must be int, got str 'a'"),
        (0, "3", TypeError, "end must be int, got str '3'"),
        (True, 3, TypeError, "start must be int, got bool True"),
        (0, 2.0, TypeError, "end must be int, got float 2.0"),
        (None, None, TypeError, "start must be int, got NoneType None"),
        (5, 2, ValueError, "end must be >= start (5), got 2"),
        (-1, 2, ValueError, "start must be >= 0, got -1"),
        (-3, -5, ValueError, "start must be >= 0, got -3"),
    ],
)
def test_a_span_checks_its_fields(
    start: object, end: object, error: type[Exception], message: str
) -> None:
    """``Span(start, end)`` built by hand refuses what no text has: no ints, a negative
    start, an end before the start; so do ``_make`` and ``_replace``."""
    with pytest.raises(error) as info:
        Span(start, end)  # type: ignore[arg-type]
    assert str(info.value) == message
    with pytest.raises(error) as info:
        Span._make([start, end])
    assert str(info.value) == message
    with pytest.raises(error) as info:
        Span(0, 0)._replace(start=start, end=end)
    assert str(info.value) == message


@given(st.one_of(st.integers(-3, 9), st.booleans(), st.floats(0, 9), st.text(max_size=2)), _ANY)
def test_a_span_is_built_or_refused_naming_its_field(start: object, end: object) -> None:
    """Any pair of values: a span when both are ints with ``0 <= start <= end``, else a
    TypeError or ValueError naming the field and saying what was given."""
    for first, second in ((start, end), (end, start)):
        if _span((first, second)):
            assert Span(first, second) == (first, second)  # type: ignore[arg-type]
            continue
        with pytest.raises((TypeError, ValueError)) as info:
            Span(first, second)  # type: ignore[arg-type]
        assert str(info.value).startswith(("start must be", "end must be")), info.value
        assert "got" in str(info.value)


def test_a_span_stays_a_named_tuple() -> None:
    """A checked span is the tuple it was: unpacking, slicing, equality with a tuple,
    JSON, pickling and ``_replace`` work as before; ``unchecked_span`` builds the same
    value."""
    span = Span(3, 9)
    start, end = span
    assert (start, end, span.size, span._fields) == (3, 9, 6, ("start", "end"))
    assert span == (3, 9) == unchecked_span(3, 9)
    assert type(unchecked_span(3, 9)) is Span
    assert "0123456789"[slice(*span)] == "345678"
    assert json.dumps(span) == "[3, 9]"
    for protocol in range(pickle.HIGHEST_PROTOCOL + 1):
        copy = pickle.loads(pickle.dumps(span, protocol))
        assert (type(copy), copy) == (Span, span)
    assert span._replace(end=12) == Span(3, 12)
    assert repr(span) == "Span(start=3, end=9)"
    assert isinstance(span, tuple)

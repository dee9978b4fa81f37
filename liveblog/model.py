"""The values liveblog produces: spans, sources, mentions, entries and timelines.

Every type is a frozen, slotted ``attrs`` class (``Span`` is a checked ``NamedTuple`` so
that ``text[slice(*span)]`` and ``span == (3, 9)`` work). Derive new values with
``attrs.evolve``. ``to_dict``/``from_dict`` round-trip every type exactly through plain
JSON-compatible data.

Equality: spans take part in ``==`` everywhere (two entries at different places of a
document are different entries); ``Timeline.text`` does not (a timeline read back from a
feed, which does not carry the source text, equals the one it was written from).
"""

from __future__ import annotations

import bisect
import datetime as dt
import hashlib
import itertools
import operator
import reprlib
import unicodedata
from collections.abc import Callable, Iterable, Iterator, Mapping
from typing import Any, Final, Literal, NamedTuple, Self, TypeAlias, TypeVar, cast, overload

import attrs

from liveblog._checked import read_checked, with_path
from liveblog.errors import LiveblogError
from liveblog.gcpause import pausing_gc

__all__ = [
    "Block",
    "DateEvidence",
    "Diagnostic",
    "DialectChoice",
    "DialectScore",
    "Entry",
    "EntryIds",
    "Mention",
    "MentionType",
    "Order",
    "Provenance",
    "Source",
    "Span",
    "Timeline",
    "make_entry_id",
    "to_span",
    "unchecked_span",
]

MentionType: TypeAlias = Literal["DATE", "TIME", "DURATION", "SET"]
Order: TypeAlias = Literal["newest-first", "oldest-first", "unknown"]
JSON: TypeAlias = dict[str, Any]

_MENTION_TYPES = frozenset({"DATE", "TIME", "DURATION", "SET"})
_ORDERS = frozenset({"newest-first", "oldest-first", "unknown"})


class _SpanFields(NamedTuple):
    start: int
    """Offset of the first character."""
    end: int
    """Offset just past the last character."""


class Span(_SpanFields):
    """Half-open character offsets ``[start, end)`` into a source text: a ``NamedTuple``
    (``start, end = span``, ``text[slice(*span)]``, ``span == (3, 9)``, a JSON list).

    Built by hand, its fields are checked: ints (not bools), ``0 <= start <= end``
    (a TypeError or ValueError naming the field and its value). The parser builds
    spans of offsets it knows with :func:`unchecked_span`.

    >>> text = "UPDATE 1548 GMT: talks"
    >>> text[slice(*Span(0, 15))]
    'UPDATE 1548 GMT'
    >>> Span(5, 2)
    Traceback (most recent call last):
    ...
    ValueError: end must be >= start (5), got 2
    """

    __slots__ = ()

    def __new__(cls, start: int, end: int) -> Self:
        """A span of ``start`` and ``end``, checked."""
        if start.__class__ is not int or end.__class__ is not int:
            _check_span_ints(start, end)
        if not 0 <= start <= end:
            msg = (
                f"start must be >= 0, got {start!r}"
                if start < 0
                else (f"end must be >= start ({start!r}), got {end!r}")
            )
            raise ValueError(msg)
        return _new_tuple(cls, (start, end))

    @classmethod
    def _make(cls, iterable: Iterable[Any]) -> Self:  # type: ignore[override]
        # (mypy types NamedTuple's _make on the class it generates, not on subclasses)
        return cls(*iterable)

    def _replace(self, **changes: Any) -> Self:
        fields = self._asdict()
        fields.update(changes)
        return self.__class__(**fields)

    @property
    def size(self) -> int:
        """Number of characters covered."""
        return self.end - self.start


def _check_span_ints(start: object, end: object) -> None:
    """Raise the TypeError of a span's ``start`` or ``end`` that is no int (a bool is
    none, as JSON tells them apart)."""
    for name, value in (("start", start), ("end", end)):
        if not isinstance(value, int) or isinstance(value, bool):
            msg = f"{name} must be int, got {_shown(value)}"
            raise TypeError(msg)


def unchecked_span(start: int, end: int, /) -> Span:
    """A :class:`Span` of offsets known to be ints with ``0 <= start <= end``, built
    without its checks (the parser builds its spans so).

    >>> unchecked_span(3, 9) == Span(3, 9)
    True
    """
    return _new_tuple(Span, (start, end))


def to_span(value: Iterable[int], name: str = "span") -> Span:
    """Check and convert a pair of offsets to a :class:`Span`: a pair that is no two
    ints is a TypeError, one out of order a ValueError, each naming the field ``name``.

    >>> to_span([3, 9])
    Span(start=3, end=9)
    >>> to_span((1, 2, 3), "marker_span")
    Traceback (most recent call last):
    ...
    TypeError: marker_span must be a pair of ints (start, end), got tuple (1, 2, 3)
    """
    try:
        if isinstance(value, str | bytes | bytearray):
            raise TypeError  # reported below, as any other wrong pair
        start, end = map(operator.index, value)
    except (TypeError, ValueError):
        msg = f"{name} must be a pair of ints (start, end), got {_shown(value)}"
        raise TypeError(msg) from None
    if not 0 <= start <= end:
        msg = f"{name} must satisfy 0 <= start <= end, got {(start, end)!r}"
        raise ValueError(msg)
    return _new_tuple(Span, (start, end))


def _span(value: Iterable[int]) -> Span:
    """The converter of a ``span`` field."""
    return to_span(value, "span")


def _optional_span(value: Iterable[int] | None) -> Span | None:
    """The converter of a ``span`` field that may be None."""
    return None if value is None else to_span(value, "span")


def _marker_span(value: Iterable[int] | None) -> Span | None:
    """The converter of ``Entry.marker_span``."""
    return None if value is None else to_span(value, "marker_span")


def _check_aware(_inst: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """An instant field: an aware datetime (else ValueError) or None (else TypeError)."""
    if isinstance(value, dt.datetime):
        if value.utcoffset() is None:
            msg = f"{attribute.name} must be timezone-aware, got {value!r}"
            raise ValueError(msg)
    elif value is not None:
        msg = f"{attribute.name} must be a timezone-aware datetime or None, got {value!r}"
        raise TypeError(msg)


def _is(
    kinds: type | tuple[type, ...], noun: str
) -> Callable[[object, attrs.Attribute[Any], object], None]:
    """An attrs validator: the value must be one of ``kinds`` (``noun`` names them), else
    a TypeError naming the field and the value, raised where the value is built rather
    than later, far from the cause. ``from_dict`` reports the field's JSON path
    (``_checked._locate``)."""

    def check(_inst: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if not isinstance(value, kinds):
            msg = f"{attribute.name} must be {noun}, got {_shown(value)}"
            raise TypeError(msg)

    return check


def _one_of(
    values: frozenset[str], listing: str
) -> Callable[[object, attrs.Attribute[Any], object], None]:
    """An attrs validator: the value must be one of ``values`` (``listing`` names them),
    else a ValueError, or a TypeError for no ``str`` (the common case is tested first:
    the mention finder checks each new resolution's type)."""

    def check(_inst: object, attribute: attrs.Attribute[Any], value: object) -> None:
        try:
            if value in values:
                return
        except TypeError:  # unhashable
            pass
        if not isinstance(value, str):
            msg = f"{attribute.name} must be str, got {_shown(value)}"
            raise TypeError(msg)
        msg = f"{attribute.name} must be one of {listing}, got {value!r}"
        raise ValueError(msg)

    return check


def _check_day(_inst: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """A day: a ``datetime.date`` that is not a ``datetime``, or None."""
    if value is not None and not _is_day(value):
        raise TypeError(_not_a_day(attribute, value, " or None"))


def _check_date(_inst: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """A day: a ``datetime.date`` that is not a ``datetime``."""
    if not _is_day(value):
        raise TypeError(_not_a_day(attribute, value, ""))


def _is_day(value: object) -> bool:
    return isinstance(value, dt.date) and not isinstance(value, dt.datetime)


def _not_a_day(attribute: attrs.Attribute[Any], value: object, alternative: str) -> str:
    what = f"a datetime.date (not a datetime){alternative}"
    return f"{attribute.name} must be {what}, got {_shown(value)}"


def _check_int(_inst: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """An int, not a bool (as JSON tells them apart)."""
    if value.__class__ is not int and (not isinstance(value, int) or isinstance(value, bool)):
        msg = f"{attribute.name} must be int, got {_shown(value)}"
        raise TypeError(msg)


def _check_number(_inst: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """A float or an int, not a bool."""
    if not isinstance(value, float | int) or isinstance(value, bool):
        msg = f"{attribute.name} must be float, got {_shown(value)}"
        raise TypeError(msg)


def _shown(value: object) -> str:
    """``value``'s type and repr, shortened (an error message's ``got ...``)."""
    return f"{type(value).__name__} {_REPR.repr(value)}"


_REPR = reprlib.Repr()
_REPR.maxother = 60  # a datetime's whole repr
_NONE = type(None)
_text = _is(str, "str")
_optional_text = _is((str, _NONE), "str or None")
_optional_time = _is((dt.time, _NONE), "a datetime.time or None")


_Item = TypeVar("_Item")


def _tuple_of(
    values: Iterable[_Item], kind: type[_Item], name: str, noun: str
) -> tuple[_Item, ...]:
    """``values`` as a tuple, each checked to be a ``kind`` (``noun`` names one): a wrong
    item fails here, not later with an AttributeError far from the cause."""
    if isinstance(values, str | bytes) or not isinstance(values, Iterable):
        msg = f"{name} must be an iterable of {kind.__name__}, got {reprlib.repr(values)}"
        raise TypeError(msg)
    items = tuple(values)
    if all(map(kind.__instancecheck__, items)):  # half the cost of a loop of isinstance
        return items
    for index, item in enumerate(items):
        if not isinstance(item, kind):
            got = f"{type(item).__name__} {reprlib.repr(item)}"
            msg = f"{name}[{index}] must be {noun}, got {got}"
            raise with_path(TypeError(msg), f"/{name}/{index}")
    return items


# the converters of the fields that hold tuples (named functions: mypy's attrs plugin
# takes its __init__'s argument types from them)
def _entries(values: Iterable[Entry]) -> tuple[Entry, ...]:
    return _tuple_of(values, Entry, "entries", "an Entry")


def _warnings(values: Iterable[Diagnostic]) -> tuple[Diagnostic, ...]:
    return _tuple_of(values, Diagnostic, "warnings", "a Diagnostic")


def _mentions(values: Iterable[Mention]) -> tuple[Mention, ...]:
    return _tuple_of(values, Mention, "preamble_mentions", "a Mention")


def _evidence(values: Iterable[DateEvidence]) -> tuple[DateEvidence, ...]:
    return _tuple_of(values, DateEvidence, "date_evidence", "a DateEvidence")


def _entry_mentions(values: Iterable[Mention]) -> tuple[Mention, ...]:
    return _tuple_of(values, Mention, "mentions", "a Mention")


def _sources(values: Iterable[Provenance]) -> tuple[Provenance, ...]:
    return _tuple_of(values, Provenance, "sources", "a Provenance")


def _names(values: Iterable[str]) -> tuple[str, ...]:
    return _tuple_of(values, str, "names", "a str")


def _scores(values: Iterable[DialectScore]) -> tuple[DialectScore, ...]:
    return _tuple_of(values, DialectScore, "evidence", "a DialectScore")


def _short(text: str) -> str:
    return repr(text if len(text) <= 40 else text[:39] + "…")


def _iso(value: dt.date | dt.time | None) -> str | None:
    return None if value is None else value.isoformat()


def _date(value: str | None) -> dt.date | None:
    return None if value is None else dt.date.fromisoformat(value)


def _datetime(value: str | None) -> dt.datetime | None:
    return None if value is None else dt.datetime.fromisoformat(value)


def _time(value: str | None) -> dt.time | None:
    return None if value is None else dt.time.fromisoformat(value)


class _FromDict:
    """``from_dict``: reading :meth:`to_dict`'s data back, checked (each class reads its
    own data in ``_from_data``)."""

    __slots__ = ()

    @classmethod
    def _from_data(cls, data: Mapping[str, Any]) -> Self:
        raise NotImplementedError

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Self:
        """Inverse of ``to_dict``. Data it cannot read (a missing key, a value of the
        wrong type or out of range, malformed JSON of any kind) raises
        :class:`~liveblog.errors.FeedError`, whose ``path`` (a JSON pointer) says where.

        >>> Source.from_dict({"name": "bbc", "url": 3})
        Traceback (most recent call last):
        ...
        liveblog.errors.FeedError: url must be str | None, got 3 at /url
        """
        return read_checked(cls._from_data, data)


@attrs.frozen
class Source(_FromDict):
    """Where a timeline came from: an outlet's blog, a file, a feed.

    >>> Source(name="eaworldview", url="https://example.org/blog")
    Source(name='eaworldview', url='https://example.org/blog', title=None)
    """

    name: str = attrs.field(validator=_text)
    """Short name, unique among the sources of a merge."""
    url: str | None = attrs.field(default=None, validator=_optional_text)
    """The blog's address, when known."""
    title: str | None = attrs.field(default=None, validator=_optional_text)
    """The blog's title, when known."""

    def to_dict(self) -> JSON:
        """Plain data: ``{"name": ..., "url": ..., "title": ...}``."""
        return {"name": self.name, "url": self.url, "title": self.title}

    @classmethod
    def _from_data(cls, data: Mapping[str, Any]) -> Source:
        """Read :meth:`to_dict`'s data, unchecked: :meth:`from_dict` checks it."""
        return cls(name=data["name"], url=data.get("url"), title=data.get("title"))


@attrs.frozen
class Provenance(_FromDict):
    """One source an entry came from, and the entry's id in that source."""

    source: Source = attrs.field(validator=_is(Source, "a Source"))
    """The source timeline's :class:`Source`."""
    id: str = attrs.field(validator=_text)
    """The entry's id within that source."""

    def to_dict(self) -> JSON:
        """Plain data."""
        return {"source": self.source.to_dict(), "id": self.id}

    @classmethod
    def _from_data(cls, data: Mapping[str, Any]) -> Provenance:
        """Read :meth:`to_dict`'s data, unchecked: :meth:`from_dict` checks it."""
        return cls(source=Source._from_data(data["source"]), id=data["id"])


@attrs.frozen
class Diagnostic(_FromDict):
    """A warning about the input: where it is, what it says, and a stable code.

    >>> d = Diagnostic(code="no-markers", message="no entry markers found",
    ...                span=Span(0, 0), line=1, column=1, snippet="")
    >>> str(d)
    'line 1, column 1: warning: no entry markers found [no-markers]'
    """

    code: str = attrs.field(validator=_text)
    """Stable identifier, e.g. ``impossible-time``, ``unknown-zone``, ``out-of-order``."""
    message: str = attrs.field(validator=_text)
    """Lower-case description without a trailing period."""
    span: Span = attrs.field(converter=_span)
    """Where in the timeline's text (for an HTML page, the text extracted from it)."""
    line: int = attrs.field(validator=_check_int)
    """1-based line of ``span.start`` in the input: for an HTML page, in its markup."""
    column: int = attrs.field(validator=_check_int)
    """1-based column of ``span.start`` in the input: for an HTML page, in its markup."""
    snippet: str = attrs.field(validator=_text)
    """The offending text as written (shortened when long)."""

    def __str__(self) -> str:
        return f"line {self.line}, column {self.column}: warning: {self.message} [{self.code}]"

    def to_dict(self) -> JSON:
        """Plain data."""
        return {
            "code": self.code,
            "message": self.message,
            "span": list(self.span),
            "line": self.line,
            "column": self.column,
            "snippet": self.snippet,
        }

    @classmethod
    def _from_data(cls, data: Mapping[str, Any]) -> Diagnostic:
        """Read :meth:`to_dict`'s data, unchecked: :meth:`from_dict` checks it."""
        return cls(
            code=data["code"],
            message=data["message"],
            span=to_span(data["span"]),
            line=data["line"],
            column=data["column"],
            snippet=data["snippet"],
        )


_check_mention_type = _one_of(_MENTION_TYPES, "DATE, TIME, DURATION, SET")


@attrs.frozen
class Mention(_FromDict):
    """A temporal expression found in text, with its TIMEX3 value.

    >>> m = Mention(text="last week", span=Span(10, 19), type="DATE", value="2024-W03",
    ...             start=None, end=None, granularity="week")
    >>> m.value
    '2024-W03'
    """

    text: str = attrs.field(validator=_text)
    """The expression as written (``text == source[slice(*span)]``)."""
    span: Span = attrs.field(converter=_span)
    """Offsets into the text it was found in (for entries: into the whole source)."""
    type: MentionType = attrs.field(validator=_check_mention_type)
    """TIMEX3 type: ``DATE``, ``TIME``, ``DURATION`` or ``SET``."""
    value: str = attrs.field(validator=_text)
    """TIMEX3 value: ``2024-01-22``, ``2024-W03``, ``P23M``, ``XXXX-12-25``, ``PAST_REF``..."""
    start: dt.datetime | None = attrs.field(validator=_check_aware)
    """Start of the denoted interval (aware), or None when unknown or a duration."""
    end: dt.datetime | None = attrs.field(validator=_check_aware)
    """End (exclusive) of the denoted interval (aware), or None."""
    granularity: str | None = attrs.field(default=None, validator=_optional_text)
    """``minute``, ``hour``, ``day``, ``week``, ``month``, ``season``, ``quarter``, ``year``..."""
    mod: str | None = attrs.field(default=None, validator=_optional_text)
    """TIMEX3 ``mod`` (``START``, ``END``, ``APPROX``...) when the expression carries one."""

    def to_dict(self) -> JSON:
        """Plain data."""
        return {
            "text": self.text,
            "span": list(self.span),
            "type": self.type,
            "value": self.value,
            "start": _iso(self.start),
            "end": _iso(self.end),
            "granularity": self.granularity,
            "mod": self.mod,
        }

    @classmethod
    def _from_data(cls, data: Mapping[str, Any]) -> Mention:
        """Read :meth:`to_dict`'s data, unchecked: :meth:`from_dict` checks it."""
        return cls(
            text=data["text"],
            span=to_span(data["span"]),
            type=data["type"],
            value=data["value"],
            start=_datetime(data.get("start")),
            end=_datetime(data.get("end")),
            granularity=data.get("granularity"),
            mod=data.get("mod"),
        )


@attrs.frozen
class Block(_FromDict):
    """A run of source text that is not an entry (the preamble), with its span."""

    text: str = attrs.field(repr=_short, validator=_text)
    """The text, stripped of surrounding whitespace."""
    span: Span = attrs.field(converter=_span)
    """Offsets of ``text`` in the source (empty at 0 when there is no preamble)."""

    def to_dict(self) -> JSON:
        """Plain data."""
        return {"text": self.text, "span": list(self.span)}

    @classmethod
    def _from_data(cls, data: Mapping[str, Any]) -> Block:
        """Read :meth:`to_dict`'s data, unchecked: :meth:`from_dict` checks it."""
        return cls(text=data["text"], span=to_span(data["span"]))


def _normalise_key(text: str) -> str:
    if text.isascii():  # (NFKC leaves ASCII as it is, and casefold lowers it)
        return " ".join(text.lower().split())
    return " ".join(unicodedata.normalize("NFKC", text).casefold().split())


def make_entry_id(
    *,
    day: dt.date | None,
    time: dt.time | None,
    marker: str,
    occurrence: int,
    body: str | SourceSlice = "",
) -> str:
    """Compute an entry's stable id.

    The id is the first 16 hex digits of BLAKE2b over ``day|time|marker|n``, where
    ``marker`` is NFKC-normalised, case-folded and whitespace-collapsed and ``n`` counts
    earlier entries (oldest first) that share the same key, so duplicated markers get
    distinct ids and adding updates at the top of a blog changes no existing id
    (deleting the older of two entries with one key hands its id to the newer:
    :func:`liveblog.feeds.update_feed` tells them apart by their text). An
    entry with neither a day nor a time (no marker states one and no ``date`` was
    given) adds the first 64 normalised characters of its body, so that unmarked
    articles parsed without a date do not all share one id; with a date, untimed
    entries without a marker are told apart by ``n`` alone, like repeated markers.
    Editing an entry's body therefore keeps its id whenever it has a day or a time.
    The body is read only then: a :class:`SourceSlice` is not copied out otherwise.

    >>> make_entry_id(day=dt.date(2024, 1, 22), time=dt.time(15, 48),
    ...               marker="UPDATE 1548 GMT", occurrence=0)
    '7c4c361103020b96'
    """
    head, tail = _key_around("" if day is None else day.isoformat(), time, marker, body)
    return _digest(f"{head}{occurrence}{tail}")


def _key_around(
    day_text: str, time: dt.time | None, marker: str, body: str | SourceSlice
) -> tuple[str, str]:
    """What an entry's key (``day|time|marker|n``, see :func:`make_entry_id`) holds
    before its occurrence ``n`` and after it (``day_text``: the day's isoformat, "" for
    none): the body's first normalised characters only for an entry with neither a day
    nor a time. The parts are written out without a list and a call a part (the parser
    computes an id an entry)."""
    head = f"{day_text}|{'' if time is None else time.isoformat()}|{_normalise_key(marker)}|"
    tail = f"|{_normalise_key(str(body))[:64]}" if not day_text and time is None else ""
    return head, tail


def _digest(key: str) -> str:
    """An entry's id: the first 16 hex digits of BLAKE2b over its ``key``."""
    # surrogatepass: a str may hold lone surrogates (from JSON, surrogateescape)
    return hashlib.blake2b(key.encode("utf-8", "surrogatepass"), digest_size=8).hexdigest()


class EntryIds:
    """Hands out :func:`make_entry_id` ids, counting repeated keys (feed entries oldest first).

    >>> ids = EntryIds()
    >>> day, time = dt.date(2024, 1, 22), dt.time(15, 48)
    >>> a = ids.next(day=day, time=time, marker="UPDATE 1548 GMT")
    >>> b = ids.next(day=day, time=time, marker="UPDATE 1548 GMT")
    >>> a == make_entry_id(day=day, time=time, marker="UPDATE 1548 GMT", occurrence=0), a != b
    (True, True)
    """

    __slots__ = ("_days", "_seen")

    def __init__(self) -> None:
        # occurrences so far by the key's text at occurrence 0 (what make_entry_id
        # hashes for the first entry of the key)
        self._seen: dict[str, int] = {}
        self._days: dict[dt.date, str] = {}  # isoformat by day: entries share a few days

    def next(
        self,
        *,
        day: dt.date | None,
        time: dt.time | None,
        marker: str,
        body: str | SourceSlice = "",
    ) -> str:
        """The id of the next entry with this key: its occurrence is counted here.

        The key is written as :func:`make_entry_id` writes it, once for a key's first
        entry, and hashed once (the parser asks an id an entry)."""
        days = self._days
        day_text = "" if day is None else days.get(day) or days.setdefault(day, day.isoformat())
        head, tail = _key_around(day_text, time, marker, body)
        text = f"{head}0{tail}"
        seen = self._seen
        occurrence = seen.get(text, 0)
        seen[text] = occurrence + 1
        if occurrence:
            text = f"{head}{occurrence}{tail}"
        return _digest(text)


@attrs.frozen
class Entry(_FromDict):
    """One update of a live blog.

    >>> import liveblog, datetime as dt
    >>> tl = liveblog.parse("UPDATE 1548 GMT: Talks end.", date=dt.date(2024, 1, 22))
    >>> e = tl.entries[0]
    >>> (e.marker, e.body, e.published.isoformat())
    ('UPDATE 1548 GMT', 'Talks end.', '2024-01-22T15:48:00+00:00')
    """

    id: str = attrs.field(validator=_text)
    """Stable id (see :func:`make_entry_id`)."""
    marker: str = attrs.field(validator=_text)
    """The marker exactly as written (``UPDATE 1548 GMT``); ``""`` when there is none."""
    body: str = attrs.field(repr=_short, validator=_text)
    """The entry's text without its marker, stripped."""
    span: Span = attrs.field(converter=_span)
    """Offsets of the whole entry (marker, headline and body) in the source text."""
    published: dt.datetime | None = attrs.field(default=None, validator=_check_aware)
    """The instant of the update, timezone-aware; None when it has no time of its own."""
    day: dt.date | None = attrs.field(default=None, validator=_check_day)
    """The calendar day of the update in its zone, known even when the time is not."""
    time: dt.time | None = attrs.field(default=None, validator=_optional_time)
    """The wall-clock time the marker states, known even when the day is not."""
    zone: str | None = attrs.field(default=None, validator=_optional_text)
    """The zone of ``time``: an IANA name (``Europe/London``), ``UTC`` or ``UTC+02:00``."""
    ordinal: int = attrs.field(default=0, validator=_check_int)
    """Position of the entry in the source text, 0 for the first entry from the top."""
    marker_span: Span | None = attrs.field(default=None, converter=_marker_span)
    """Offsets of the marker in the source text, None when there is no marker."""
    headline: str | None = attrs.field(default=None, validator=_optional_text)
    """The entry's headline when the page gives it one."""
    author: str | None = attrs.field(default=None, validator=_optional_text)
    """The entry's author when the page names one."""
    day_header: str | None = attrs.field(default=None, validator=_optional_text)
    """The day header the entry opens under, as written (``Tuesday 23 January (Day
    Three)``), when it stands right above the entry's marker, inside its span: the day
    itself is ``day``, and the header's words are kept here, outside the body (a feed
    keeps them); None otherwise."""
    dialect: str = attrs.field(default="", validator=_text)
    """Name of the marker dialect that recognised the marker."""
    mentions: tuple[Mention, ...] = attrs.field(default=(), converter=_entry_mentions)
    """Temporal expressions in the entry, resolved against the entry's own time."""
    sources: tuple[Provenance, ...] = attrs.field(default=(), converter=_sources)
    """Where the entry came from (filled when the timeline has a source or was merged)."""
    html: str | None = attrs.field(default=None, repr=False, validator=_optional_text)
    """The entry's own HTML fragment when parsed from HTML (sanitised), else None."""

    @property
    def is_timed(self) -> bool:
        """True when the entry has an exact instant."""
        return self.published is not None

    def to_dict(self) -> JSON:
        """Plain data; :meth:`from_dict` gives back an equal entry."""
        return {
            "id": self.id,
            "marker": self.marker,
            "body": self.body,
            "span": list(self.span),
            "published": _iso(self.published),
            "day": _iso(self.day),
            "time": _iso(self.time),
            "zone": self.zone,
            "ordinal": self.ordinal,
            "marker_span": None if self.marker_span is None else list(self.marker_span),
            "headline": self.headline,
            "author": self.author,
            "day_header": self.day_header,
            "dialect": self.dialect,
            "mentions": [m.to_dict() for m in self.mentions],
            "sources": [s.to_dict() for s in self.sources],
            "html": self.html,
        }

    @classmethod
    def _from_data(cls, data: Mapping[str, Any]) -> Entry:
        """Read :meth:`to_dict`'s data, unchecked: :meth:`from_dict` checks it."""
        marker_span = data.get("marker_span")
        return cls(
            id=data["id"],
            marker=data["marker"],
            body=data["body"],
            span=to_span(data["span"]),
            published=_datetime(data.get("published")),
            day=_date(data.get("day")),
            time=_time(data.get("time")),
            zone=data.get("zone"),
            ordinal=data.get("ordinal", 0),
            marker_span=None if marker_span is None else to_span(marker_span, "marker_span"),
            headline=data.get("headline"),
            author=data.get("author"),
            day_header=data.get("day_header"),
            dialect=data.get("dialect", ""),
            mentions=tuple(Mention._from_data(m) for m in data.get("mentions", ())),
            sources=tuple(Provenance._from_data(s) for s in data.get("sources", ())),
            html=data.get("html"),
        )


# Slices of the source, kept as references --------------------------------------------
#
# A parsed timeline keeps its source text (``Timeline.text``), and an entry's body, an
# entry's marker and a mention's text are slices of it. Copied out, they doubled the
# memory a timeline needs (issue 7), so the parser stores references into the source
# instead, and the attributes turn them into ``str`` when they are read. Everything
# that reads an attribute (``==``, ``hash``, ``repr``, ``attrs.evolve``, ``asdict``,
# pickling) therefore sees plain strings, and a pickled entry carries its own text, not
# the source. Values built from a ``str`` (by users, from JSON) store that ``str``.
# Spans of entries and mentions are stored packed in one int each, for the same reason.


class SourceText:
    """A source text, shared by everything the parser found in it.

    A slot that holds it stands for the slice of the source at the span its object
    gives (a mention's ``span``, an entry's ``marker_span``). ``half_width`` is the
    mention finder's copy of a text with full-width digits read as ASCII, made once per
    source on first use (unset until then, so that no source refers to itself: a
    cycle would leave the collector work; None when the text has none).
    """

    __slots__ = ("half_width", "text")
    half_width: SourceText | None

    def __init__(self, text: str) -> None:
        self.text = text


class SourceSlice:
    """``source[start:end]``, kept as a reference until it is read (an entry's body).

    >>> str(SourceSlice("UPDATE 1548 GMT: Talks end.", 17, 27))
    'Talks end.'
    """

    __slots__ = ("end", "source", "start")

    def __init__(self, source: str, start: int, end: int) -> None:
        self.source = source
        self.start = start
        self.end = end

    def __str__(self) -> str:
        return self.source[self.start : self.end]


class _Slot:
    """A data descriptor in place of a slot of a frozen attrs class: ``raw_get`` and
    ``raw_set`` read and write what the slot stores; subclasses say how it reads."""

    __slots__ = ("raw_get", "raw_set")

    def __init__(self, slot: Any) -> None:
        self.raw_get: Any = slot.__get__
        self.raw_set: Any = slot.__set__

    def __set__(self, obj: object, value: Any) -> None:
        self.raw_set(obj, value)


class _SliceSlot(_Slot):
    """A slot that stores a ``str`` or a :class:`SourceSlice` and reads as ``str``."""

    __slots__ = ()

    def __get__(self, obj: object, owner: type | None = None) -> Any:
        if obj is None:
            return self
        value = self.raw_get(obj)
        return str(value) if value.__class__ is SourceSlice else value


class _PackedSpan(_Slot):
    """A span slot that stores ``start << 32 | end``: one int instead of a tuple of two
    (40 bytes instead of 136), read back as a :class:`Span`. ``None``, and spans past
    offset 2**32, are stored as they are."""

    __slots__ = ()

    def __get__(self, obj: object, owner: type | None = None) -> Any:
        if obj is None:
            return self
        value = self.raw_get(obj)
        if value.__class__ is int:
            return _new_tuple(Span, (value >> 32, value & PACKED_SPAN_END))
        return value

    def __set__(self, obj: object, value: tuple[int, int] | None) -> None:
        self.raw_set(obj, pack_span(value))

    def bounds(self, obj: object) -> tuple[int, int]:
        """``(start, end)`` of the span stored in ``obj`` (not None)."""
        value = self.raw_get(obj)
        if value.__class__ is int:
            return value >> 32, value & PACKED_SPAN_END
        return cast("tuple[int, int]", value)


# the last end a packed span slot stores as an int; a span that ends past it is stored as it is
PACKED_SPAN_END: Final = (1 << 32) - 1
_new_tuple = tuple.__new__


@overload
def pack_span(span: tuple[int, int]) -> int | Span: ...
@overload
def pack_span(span: None) -> None: ...
def pack_span(span: tuple[int, int] | None) -> int | Span | None:
    """What a packed span slot stores for ``span``: ``start << 32 | end`` (the span
    itself past offset 2**32, and None as None).

    >>> pack_span(Span(3, 9)) == 3 << 32 | 9, pack_span(None)
    (True, None)
    """
    if span is None:
        return None
    if span[1] <= PACKED_SPAN_END:
        return span[0] << 32 | span[1]
    return _new_tuple(Span, span)


class _SpanText(_Slot):
    """A slot that stores a ``str`` or a :class:`SourceText` and reads as ``str``: the
    source's slice at the span of the same object."""

    __slots__ = ("span",)

    def __init__(self, slot: Any, span: _PackedSpan) -> None:
        super().__init__(slot)
        self.span = span

    def __get__(self, obj: object, owner: type | None = None) -> Any:
        if obj is None:
            return self
        value = self.raw_get(obj)
        if value.__class__ is not SourceText:
            return value  # a str as given (a subclass too)
        start, end = self.span.bounds(obj)
        return value.text[start:end]


def _replace_slot(cls: type, name: str, make: Any) -> Any:
    """Put ``make(member descriptor)`` in place of the slot ``name`` of ``cls``."""
    slot = make(vars(cls)[name])
    setattr(cls, name, slot)
    return slot


MENTION_SPAN: Final[_PackedSpan] = _replace_slot(Mention, "span", _PackedSpan)
"""``Mention.span``, packed: ``MENTION_SPAN.raw_set(m, start << 32 | end)``."""
MENTION_TEXT: Final[_SpanText] = _replace_slot(
    Mention, "text", lambda slot: _SpanText(slot, MENTION_SPAN)
)
"""``Mention.text``: ``MENTION_TEXT.raw_set(m, SourceText(source))`` refers to the source."""
ENTRY_SPAN: Final[_PackedSpan] = _replace_slot(Entry, "span", _PackedSpan)
"""``Entry.span``, packed."""
ENTRY_MARKER_SPAN: Final[_PackedSpan] = _replace_slot(Entry, "marker_span", _PackedSpan)
"""``Entry.marker_span``, packed."""
ENTRY_MARKER: Final[_SpanText] = _replace_slot(
    Entry, "marker", lambda slot: _SpanText(slot, ENTRY_MARKER_SPAN)
)
"""``Entry.marker``: a :class:`SourceText` stands for the source at ``marker_span``."""
ENTRY_BODY: Final[_SliceSlot] = _replace_slot(Entry, "body", _SliceSlot)
"""``Entry.body``: ``ENTRY_BODY.raw_get(e)`` is the stored ``str`` or :class:`SourceSlice`."""


_ENTRY_PLAIN_FIELDS = (
    "id",
    "published",
    "day",
    "time",
    "zone",
    "ordinal",
    "headline",
    "author",
    "day_header",
    "dialect",
    "sources",
    "html",
)
"""The entry's fields whose slots store what they read, in the packed order (the others:
span, marker_span, marker, body, mentions)."""

_new_object = object.__new__
(
    _set_id,
    _set_published,
    _set_day,
    _set_time,
    _set_zone,
    _set_ordinal,
    _set_headline,
    _set_author,
    _set_day_header,
    _set_dialect,
    _set_sources,
    _set_html,
) = (vars(Entry)[name].__set__ for name in _ENTRY_PLAIN_FIELDS)
_set_mentions = vars(Entry)["mentions"].__set__
_set_marker, _set_body = ENTRY_MARKER.raw_set, ENTRY_BODY.raw_set
_set_span, _set_marker_span = ENTRY_SPAN.raw_set, ENTRY_MARKER_SPAN.raw_set


def unchecked_entry(  # noqa: PLR0917 - positional: keywords cost as much as __init__ saves
    id: str,
    marker: str | SourceText,
    body: str | SourceSlice,
    span: int | Span,
    published: dt.datetime | None,
    day: dt.date | None,
    time: dt.time | None,
    zone: str | None,
    ordinal: int,
    marker_span: int | Span | None,
    headline: str | None,
    author: str | None,
    day_header: str | None,
    dialect: str,
    mentions: tuple[Mention, ...],
    sources: tuple[Provenance, ...],
    html: str | None,
    /,
) -> Entry:
    """An :class:`Entry` of values already checked, built without ``__init__``.

    Only for values known to be valid: nothing is converted or checked (spans must
    satisfy ``0 <= start <= end``, ``published`` must be aware). The arguments are the
    fields in their order, each as its slot stores it: ``marker`` a ``str`` or a
    :class:`SourceText` (the source at ``marker_span``), ``body`` a ``str`` or a
    :class:`SourceSlice`, the spans as :func:`pack_span` gives them. ``Entry(...)`` sets
    each field by name through ``object.__setattr__``, with the spans' converters and
    ``published``'s validator, which costs more than the rest of building an entry in
    the parser; this sets the slots directly. The parser, the merge and unpickling build
    their entries with it.

    >>> e = unchecked_entry("a", "", "Talks end.", pack_span(Span(0, 10)), None, None,
    ...                     None, None, 0, None, None, None, None, "", (), (), None)
    >>> e == Entry(id="a", marker="", body="Talks end.", span=(0, 10))
    True
    """
    entry: Entry = _new_object(Entry)
    _set_id(entry, id)
    _set_marker(entry, marker)
    _set_body(entry, body)
    _set_span(entry, span)
    _set_published(entry, published)
    _set_day(entry, day)
    _set_time(entry, time)
    _set_zone(entry, zone)
    _set_ordinal(entry, ordinal)
    _set_marker_span(entry, marker_span)
    _set_headline(entry, headline)
    _set_author(entry, author)
    _set_day_header(entry, day_header)
    _set_dialect(entry, dialect)
    _set_mentions(entry, mentions)
    _set_sources(entry, sources)
    _set_html(entry, html)
    return entry


_set_provenance_source, _set_provenance_id = (
    vars(Provenance)[name].__set__ for name in ("source", "id")
)


def unchecked_provenance(source: Source, id: str, /) -> Provenance:
    """A :class:`Provenance` of a checked ``source`` and an ``id`` known to be a ``str``
    (an entry's), built without ``__init__`` and its checks (the parser makes one an
    entry when given a source, the merge one an entry without).

    >>> unchecked_provenance(Source("bbc"), "a") == Provenance(Source("bbc"), "a")
    True
    """
    provenance: Provenance = _new_object(Provenance)
    _set_provenance_source(provenance, source)
    _set_provenance_id(provenance, id)
    return provenance


@attrs.frozen
class DialectScore(_FromDict):
    """How well one dialect fits a document: the evidence behind the choice."""

    name: str = attrs.field(validator=_text)
    """The dialect's name."""
    candidates: int = attrs.field(validator=_check_int)
    """Lines (or places) the dialect's pattern matched."""
    accepted: int = attrs.field(validator=_check_int)
    """Candidates kept as markers after the document-level checks."""
    monotonic: float = attrs.field(validator=_check_number)
    """Share of consecutive timed markers that run in the document's direction (0..1)."""
    score: float = attrs.field(validator=_check_number)
    """The combined score the choice was made on."""

    def to_dict(self) -> JSON:
        """Plain data."""
        return attrs.asdict(self)

    @classmethod
    def _from_data(cls, data: Mapping[str, Any]) -> DialectScore:
        """Read :meth:`to_dict`'s data, unchecked: :meth:`from_dict` checks it."""
        return cls(
            name=data["name"],
            candidates=data["candidates"],
            accepted=data["accepted"],
            monotonic=data["monotonic"],
            score=data["score"],
        )


@attrs.frozen
class DialectChoice(_FromDict):
    """The marker dialects chosen for a document, and the evidence for all candidates."""

    names: tuple[str, ...] = attrs.field(default=(), converter=_names)
    """Chosen dialects, most used first; empty when no markers were found."""
    evidence: tuple[DialectScore, ...] = attrs.field(default=(), converter=_scores)
    """Scores of every dialect that matched anything, best first."""

    def to_dict(self) -> JSON:
        """Plain data."""
        return {
            "names": list(self.names),
            "evidence": [e.to_dict() for e in self.evidence],
        }

    @classmethod
    def _from_data(cls, data: Mapping[str, Any]) -> DialectChoice:
        """Read :meth:`to_dict`'s data, unchecked: :meth:`from_dict` checks it."""
        return cls(
            names=tuple(data.get("names", ())),
            evidence=tuple(DialectScore._from_data(e) for e in data.get("evidence", ())),
        )


@attrs.frozen
class DateEvidence(_FromDict):
    """One reason for the blog's date: a text span and the opening day it implies."""

    kind: str = attrs.field(validator=_text)
    """``given``, ``dated-marker``, ``day-header``, ``full-date``, ``weekday``, ``relative``,
    ``now`` (the page's save, for a page of times alone)..."""
    text: str = attrs.field(validator=_text)
    """The evidence as written (empty for ``given``)."""
    span: Span | None = attrs.field(converter=_optional_span)
    """Where the evidence is in the source, None for ``given``."""
    date: dt.date = attrs.field(validator=_check_date)
    """The opening day this evidence supports."""

    def to_dict(self) -> JSON:
        """Plain data."""
        return {
            "kind": self.kind,
            "text": self.text,
            "span": None if self.span is None else list(self.span),
            "date": self.date.isoformat(),
        }

    @classmethod
    def _from_data(cls, data: Mapping[str, Any]) -> DateEvidence:
        """Read :meth:`to_dict`'s data, unchecked: :meth:`from_dict` checks it."""
        span = data.get("span")
        return cls(
            kind=data["kind"],
            text=data["text"],
            span=None if span is None else to_span(span),
            date=dt.date.fromisoformat(data["date"]),
        )


_check_order = _one_of(_ORDERS, str(sorted(_ORDERS)))


@attrs.frozen
class Timeline(_FromDict):
    """A parsed live blog: its entries, oldest first, and what is known about it.

    >>> import liveblog, datetime as dt
    >>> text = "Intro.\\n\\nUPDATE 0900 GMT: Second.\\n\\nUPDATE 0800 GMT: First."
    >>> tl = liveblog.parse(text, date=dt.date(2024, 1, 22))
    >>> [e.marker for e in tl], tl.order, len(tl)
    (['UPDATE 0800 GMT', 'UPDATE 0900 GMT'], 'newest-first', 2)
    >>> tl.preamble.text
    'Intro.'
    """

    entries: tuple[Entry, ...] = attrs.field(converter=_entries)
    """The entries, oldest first (the document's own order, reversed if newest-first)."""
    preamble: Block = attrs.field(default=Block("", Span(0, 0)), validator=_is(Block, "a Block"))
    """Text before the first entry (captions, standfirst, links)."""
    date: dt.date | None = attrs.field(default=None, validator=_check_day)
    """The day the blog's coverage opened (given, or inferred), in the blog's zone."""
    tz: str | None = attrs.field(default=None, validator=_optional_text)
    """The zone bare times were read in, as given or stated by the page."""
    order: Order = attrs.field(default="unknown", validator=_check_order)
    """Whether the source lists entries ``newest-first`` or ``oldest-first``."""
    warnings: tuple[Diagnostic, ...] = attrs.field(default=(), converter=_warnings)
    """Problems found in the input, each with line and column."""
    dialect: DialectChoice = attrs.field(
        default=DialectChoice(), validator=_is(DialectChoice, "a DialectChoice")
    )
    """The marker dialects chosen for this document and why."""
    date_evidence: tuple[DateEvidence, ...] = attrs.field(default=(), converter=_evidence)
    """Why ``date`` has its value."""
    preamble_mentions: tuple[Mention, ...] = attrs.field(default=(), converter=_mentions)
    """Temporal expressions in the preamble, resolved against ``date``."""
    source: Source | None = attrs.field(
        default=None, validator=_is((Source, _NONE), "a Source or None")
    )
    """Where the timeline came from, when known."""
    encoding: str | None = attrs.field(default=None, validator=_optional_text)
    """The encoding the input bytes were decoded from; None when text was given."""
    origin: str = attrs.field(default="text", validator=_text)
    """What the entries were read from: ``text``, ``html``, ``json-ld``, ``json-feed``,
    ``merge``."""
    text: str | None = attrs.field(default=None, eq=False, repr=False, validator=_optional_text)
    """The source text the spans point into (the extracted text for HTML), if kept."""

    def __attrs_post_init__(self) -> None:
        if self.text is not None:
            _check_tiling(self.entries, self.preamble.span, len(self.text))

    def __reduce__(self) -> tuple[Any, ...]:
        # entries as tuples of their stored values, texts that refer to ``text`` as
        # offsets (see _pack_timeline)
        return _unpickle_timeline, (_pack_timeline(self),)

    def __len__(self) -> int:
        return len(self.entries)

    def __iter__(self) -> Iterator[Entry]:
        return iter(self.entries)

    def __getitem__(self, index: int) -> Entry:
        return self.entries[index]

    @property
    def source_order(self) -> tuple[Entry, ...]:
        """The entries in the order they stand in the source text."""
        return tuple(sorted(self.entries, key=lambda e: e.ordinal))

    def to_dict(self, *, include_text: bool = True) -> JSON:
        """Plain JSON-compatible data; :meth:`from_dict` gives back an equal timeline."""
        data: JSON = {
            "entries": [e.to_dict() for e in self.entries],
            "preamble": self.preamble.to_dict(),
            "date": _iso(self.date),
            "tz": self.tz,
            "order": self.order,
            "warnings": [w.to_dict() for w in self.warnings],
            "dialect": self.dialect.to_dict(),
            "date_evidence": [d.to_dict() for d in self.date_evidence],
            "preamble_mentions": [m.to_dict() for m in self.preamble_mentions],
            "source": None if self.source is None else self.source.to_dict(),
            "encoding": self.encoding,
            "origin": self.origin,
        }
        if include_text:
            data["text"] = self.text
        return data

    @classmethod
    def _from_data(cls, data: Mapping[str, Any]) -> Timeline:
        """Read :meth:`to_dict`'s data, unchecked: :meth:`from_dict` checks it."""
        source = data.get("source")
        # the collections are read here, not by the converters inside __init__: an error
        # in one item is then told from a check across this timeline's fields (_checked)
        return cls(
            entries=tuple(Entry._from_data(e) for e in data["entries"]),
            preamble=Block._from_data(data.get("preamble") or {"text": "", "span": [0, 0]}),
            date=_date(data.get("date")),
            tz=data.get("tz"),
            order=data.get("order", "unknown"),
            warnings=tuple(Diagnostic._from_data(w) for w in data.get("warnings", ())),
            dialect=DialectChoice._from_data(data.get("dialect") or {}),
            date_evidence=tuple(DateEvidence._from_data(d) for d in data.get("date_evidence", ())),
            preamble_mentions=tuple(
                Mention._from_data(m) for m in data.get("preamble_mentions", ())
            ),
            source=None if source is None else Source._from_data(source),
            encoding=data.get("encoding"),
            origin=data.get("origin", "text"),
            text=data.get("text"),
        )

    def to_json_feed(
        self,
        *,
        title: str | None = None,
        home_page_url: str | None = None,
        feed_url: str | None = None,
        content_html: bool = False,
        language: str | None = None,
    ) -> dict[str, Any]:
        """This timeline as a JSON Feed 1.1 document; see :func:`liveblog.feeds.to_json_feed`.

        >>> feed = Timeline([]).to_json_feed(title="Kyiv", language="uk")
        >>> feed["title"], feed["language"]
        ('Kyiv', 'uk')
        """
        from liveblog.feeds import to_json_feed  # noqa: PLC0415  (feeds imports model)

        return to_json_feed(
            self,
            title=title,
            home_page_url=home_page_url,
            feed_url=feed_url,
            content_html=content_html,
            language=language,
        )

    @classmethod
    def from_json_feed(cls, data: Mapping[str, Any]) -> Timeline:
        """Read a JSON Feed back; see :func:`liveblog.feeds.from_json_feed`.

        >>> Timeline.from_json_feed(Timeline([]).to_json_feed()) == Timeline([])
        True
        """
        from liveblog.feeds import from_json_feed  # noqa: PLC0415  (feeds imports model)

        return from_json_feed(data)

    def to_atom(
        self,
        *,
        title: str | None = None,
        feed_url: str | None = None,
        home_page_url: str | None = None,
        updated: dt.datetime | None = None,
        modified: Mapping[str, dt.datetime] | None = None,
        language: str | None = None,
        now: dt.datetime | None = None,
    ) -> str:
        """This timeline as an Atom 1.0 document; see :func:`liveblog.feeds.to_atom`.

        >>> Timeline([]).to_atom(title="Kyiv").startswith("<?xml")
        True
        """
        from liveblog.feeds import to_atom  # noqa: PLC0415  (feeds imports model)

        return to_atom(
            self,
            title=title,
            feed_url=feed_url,
            home_page_url=home_page_url,
            updated=updated,
            modified=modified,
            language=language,
            now=now,
        )

    def to_json_ld(
        self,
        *,
        title: str | None = None,
        url: str | None = None,
        now: dt.datetime | None = None,
        ended: bool = False,
        language: str | None = None,
    ) -> dict[str, Any]:
        """This timeline as schema.org LiveBlogPosting data; see :func:`liveblog.feeds.to_json_ld`.

        >>> Timeline([]).to_json_ld(title="Kyiv")["@type"]
        'LiveBlogPosting'
        """
        from liveblog.feeds import to_json_ld  # noqa: PLC0415  (feeds imports model)

        return to_json_ld(self, title=title, url=url, now=now, ended=ended, language=language)


def _check_tiling(entries: tuple[Entry, ...], preamble: Span, size: int) -> None:
    """Raise ValueError unless the entries' spans, and the preamble's, lie within a
    text of ``size`` characters without overlapping one another: one sort of the spans
    as their slots store them, ``start << 32 | end`` (which sort as the spans do), and
    one pass."""
    shift, mask = 32, PACKED_SPAN_END
    try:
        packed = sorted(map(_ENTRY_SPAN_STORED, entries))
        wide = bool(packed) and packed[0].__class__ is not int
    except TypeError:  # ints and Spans
        wide = True
    if wide:  # a span past offset 2**32 is stored as a Span: pack them all wider
        shift, mask = 64, (1 << 64) - 1
        packed = sorted(start << 64 | end for start, end in map(_ENTRY_BOUNDS, entries))
    end = 0
    for span in packed:
        if span >> shift < end:
            break
        end = span & mask
    else:
        if end <= size and preamble.end <= size:
            if preamble.start == preamble.end:
                return
            # the last entry starting before the preamble ends has the largest end
            before = bisect.bisect_left(packed, preamble.end << shift)
            if before == 0 or packed[before - 1] & mask <= preamble.start:
                return
    raise _tiling_error(entries, preamble, size)


_ENTRY_SPAN_STORED = ENTRY_SPAN.raw_get
_ENTRY_BOUNDS = ENTRY_SPAN.bounds


def _tiling_error(entries: tuple[Entry, ...], preamble: Span, size: int) -> ValueError:
    """What :func:`_check_tiling` found wrong, naming the entry (or the preamble)."""
    spans = [tuple(_ENTRY_BOUNDS(e)) for e in entries]  # a Span past 2**32: its pair
    past = f"runs past the end of the text (length {size})"
    for index, (start, end) in enumerate(spans):
        if end > size:
            msg = f"entries[{index}].span {(start, end)} {past}"
            return with_path(ValueError(msg), f"/entries/{index}/span")
    if preamble.end > size:
        msg = f"preamble.span {tuple(preamble)} {past}"
        return with_path(ValueError(msg), "/preamble/span")
    order = sorted(range(len(spans)), key=spans.__getitem__)
    for first, then in itertools.pairwise(order):
        if spans[then][0] < spans[first][1]:
            msg = f"entries[{then}].span {spans[then]} overlaps entries[{first}].span"
            return with_path(ValueError(f"{msg} {spans[first]}"), f"/entries/{then}/span")
    for index, (start, end) in enumerate(spans):
        if start < preamble.end and preamble.start < end:
            msg = f"preamble.span {tuple(preamble)} overlaps entries[{index}].span {(start, end)}"
            return with_path(ValueError(msg), "/preamble/span")
    msg = "the spans do not tile the text"  # not reached: _check_tiling found a fault
    raise AssertionError(msg)


def evolve_entry(entry: Entry, **changes: Any) -> Entry:
    """``attrs.evolve(entry, **changes)``, keeping the body and marker as they are stored:
    references into the source stay references (``attrs.evolve`` reads them out as copies).

    >>> import liveblog, datetime as dt
    >>> e = liveblog.parse("UPDATE 1548 GMT: Talks.", date=dt.date(2024, 1, 22))[0]
    >>> type(ENTRY_BODY.raw_get(evolve_entry(e, headline="Talks"))).__name__
    'SourceSlice'
    """
    evolved = attrs.evolve(entry, **changes)
    if "body" not in changes:
        ENTRY_BODY.raw_set(evolved, ENTRY_BODY.raw_get(entry))
    if "marker" not in changes and "marker_span" not in changes:
        ENTRY_MARKER.raw_set(evolved, ENTRY_MARKER.raw_get(entry))
    return evolved


# Pickling a timeline -------------------------------------------------------------------
#
# ``parse_many`` sends every timeline back from a worker process, so pickling one is work
# the parent and the workers do on top of the parse (issue 7). A timeline pickles its
# entries as one flat list of the values their slots store, ``_ENTRY_STRIDE`` values an
# entry, and the mentions of all its entries as another, ``_MENTION_STRIDE`` values a
# mention: pickle writes and reads lists of plain values (strings, ints, datetimes) in
# its C code, with no tuple or object of liveblog's per entry or mention, and nothing in
# the lists (but an entry's ``sources``) is an object the cyclic collector tracks.
# Bodies, markers and mention texts that refer to the timeline's own text are written
# as offsets into it (the text is written once); texts that refer to another source (a
# merge has no text of its own) are written out. An entry or mention pickled on its own
# still carries its own text (attrs' ``__getstate__`` reads the attributes).

_ENTRY_PLAIN = operator.attrgetter(*_ENTRY_PLAIN_FIELDS)
_MENTION_PLAIN_FIELDS = ("type", "value", "start", "end", "granularity", "mod")
"""The same for a mention (the others: span, text)."""
_MENTION_PLAIN = operator.attrgetter(*_MENTION_PLAIN_FIELDS)
_ENTRY_STRIDE: Final = 18
"""Values per entry: the twelve above, span, marker span, marker, body start (or the
body), body end (or None), how many mentions."""
_MENTION_STRIDE: Final = 8
"""Values per mention: the six above, span, text (None: the source's slice at span)."""
_TIMELINE_FIELDS = tuple(field.name for field in attrs.fields(Timeline) if field.name != "entries")
_raw_span, _raw_marker_span = ENTRY_SPAN.raw_get, ENTRY_MARKER_SPAN.raw_get
_raw_marker, _raw_body = ENTRY_MARKER.raw_get, ENTRY_BODY.raw_get
_raw_mention_span, _raw_mention_text = MENTION_SPAN.raw_get, MENTION_TEXT.raw_get
(
    _set_mention_type,
    _set_mention_value,
    _set_mention_start,
    _set_mention_end,
    _set_mention_granularity,
    _set_mention_mod,
) = (vars(Mention)[name].__set__ for name in _MENTION_PLAIN_FIELDS)
_set_mention_span, _set_mention_text = MENTION_SPAN.raw_set, MENTION_TEXT.raw_set

_PackedEntries: TypeAlias = tuple[str, tuple[Any, ...], list[Any], list[Any]]
_PICKLE_FORMAT: Final = "liveblog-timeline/2"
"""Names the layout :func:`_pack_timeline` writes; a pickle of another layout is refused."""


def _pack_timeline(tl: Timeline) -> _PackedEntries:
    """The timeline's other fields, its entries' values and its mentions' values."""
    text = tl.text
    fields = tuple(getattr(tl, name) for name in _TIMELINE_FIELDS)
    packed: list[Any] = []
    mentions: list[Any] = []
    put, put_mention = packed.extend, mentions.extend
    for entry in tl.entries:
        put(_ENTRY_PLAIN(entry))
        marker = _raw_marker(entry)
        if marker.__class__ is SourceText:
            marker = None if marker.text is text else entry.marker
        body: Any = _raw_body(entry)
        body_end = None
        if body.__class__ is SourceSlice:
            if body.source is text:
                body, body_end = body.start, body.end
            else:
                body = entry.body
        found = entry.mentions
        put((_raw_span(entry), _raw_marker_span(entry), marker, body, body_end, len(found)))
        for mention in found:
            put_mention(_MENTION_PLAIN(mention))
            said = _raw_mention_text(mention)
            if said.__class__ is SourceText:
                said = None if said.text is text else mention.text
            put_mention((_raw_mention_span(mention), said))
    return _PICKLE_FORMAT, fields, packed, mentions


@pausing_gc  # every entry and mention is a new object the collector would count
def _unpickle_timeline(state: tuple[Any, ...]) -> Timeline:
    """The timeline :func:`_pack_timeline` wrote ``state`` from (another layout: refused)."""
    if len(state) != 4 or state[0] != _PICKLE_FORMAT:
        msg = (
            "this Timeline was pickled by another version of liveblog, in a layout this "
            "version does not read; pickles carry timelines between processes of one "
            "version: keep them across versions as JSON (to_dict / from_dict)"
        )
        raise LiveblogError(msg)
    _, fields, packed, mentions = state
    tl: Timeline = object.__new__(Timeline)
    for name, value in zip(_TIMELINE_FIELDS, fields, strict=True):
        object.__setattr__(tl, name, value)
    text: Any = tl.text
    source: Any = None if text is None else SourceText(text)
    made: list[Mention] = []
    add = made.append
    # zip of one iterator n times: the values n at a time, grouped in C
    for kind, value, start, end, granularity, mod, mention_span, said in zip(
        *[iter(mentions)] * _MENTION_STRIDE, strict=True
    ):
        mention: Mention = _new_object(Mention)
        _set_mention_text(mention, source if said is None else said)
        _set_mention_span(mention, mention_span)
        _set_mention_type(mention, kind)
        _set_mention_value(mention, value)
        _set_mention_start(mention, start)
        _set_mention_end(mention, end)
        _set_mention_granularity(mention, granularity)
        _set_mention_mod(mention, mod)
        add(mention)
    entries: list[Entry] = []
    at = 0
    for (
        id_,
        published,
        day,
        time,
        zone,
        ordinal,
        headline,
        author,
        day_header,
        dialect,
        sources,
        html,
        span,
        marker_span,
        marker,
        body_start,
        body_end,
        count,
    ) in zip(*[iter(packed)] * _ENTRY_STRIDE, strict=True):
        found: tuple[Mention, ...] = ()
        if count:
            found = tuple(made[at : at + count])
            at += count
        body = body_start if body_end is None else SourceSlice(text, body_start, body_end)
        entries.append(
            unchecked_entry(
                id_,
                source if marker is None else marker,
                body,
                span,
                published,
                day,
                time,
                zone,
                ordinal,
                marker_span,
                headline,
                author,
                day_header,
                dialect,
                found,
                sources,
                html,
            )
        )
    object.__setattr__(tl, "entries", tuple(entries))
    return tl

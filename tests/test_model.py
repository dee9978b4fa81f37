"""Tests of the value types: validation, equality, reprs and dict round trips."""

from __future__ import annotations

import datetime as dt
import hashlib
import inspect
import pickle
import unicodedata
from typing import Any

import attrs
import pytest
from hypothesis import example, given
from hypothesis import strategies as st

import liveblog
from liveblog.model import (
    ENTRY_BODY,
    ENTRY_MARKER,
    MENTION_TEXT,
    EntryIds,
    SourceSlice,
    SourceText,
    evolve_entry,
    make_entry_id,
    pack_span,
    unchecked_entry,
)
from liveblog.parse import with_mentions


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


@pytest.mark.parametrize("published", ["2024-01-22T08:31:00+00:00", dt.date(2024, 1, 22), 0])
def test_instants_that_are_no_datetime_are_rejected(published: object) -> None:
    """Regression: Entry(published='2024-...') or a date was accepted, and the timeline
    failed later, far from the cause (to_dict: 'str' object has no attribute 'isoformat';
    merge: unsupported operand type(s) for -); a Mention's start and end likewise."""
    message = f"published must be a timezone-aware datetime or None, got {published!r}"
    with pytest.raises(TypeError) as raised:
        _entry(published=published)
    assert str(raised.value) == message
    with pytest.raises(TypeError, match=r"^start must be a timezone-aware datetime or None"):
        liveblog.Mention("today", liveblog.Span(0, 5), "DATE", "2024-01-22", published, None)  # type: ignore[arg-type]


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


def _full_entry() -> liveblog.Entry:
    """An entry with no field at its default."""
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
        day_header="Monday 22 January (Day Two)",
        dialect="update",
        mentions=(mention,),
        sources=(liveblog.Provenance(source, "x"),),
        html="<p>b</p>",
    )
    for field in attrs.fields(liveblog.Entry):
        assert getattr(entry, field.name) != field.default, field.name
    return entry


def test_full_entry_round_trips_and_pickles() -> None:
    """An entry with every field set survives to_dict/from_dict and pickle."""
    entry = _full_entry()
    assert liveblog.Entry.from_dict(entry.to_dict()) == entry
    assert pickle.loads(pickle.dumps(entry)) == entry


def test_unchecked_entry_sets_every_field() -> None:
    """unchecked_entry takes the fields of Entry in their order and sets each one: a
    field added to Entry but not to it fails here."""
    names = [field.name for field in attrs.fields(liveblog.Entry)]
    assert list(inspect.signature(unchecked_entry).parameters) == names
    entry = _full_entry()
    stored = {name: getattr(entry, name) for name in names}
    stored["span"], stored["marker_span"] = pack_span(entry.span), pack_span(entry.marker_span)
    built = unchecked_entry(*stored.values())
    assert all(getattr(built, name) == getattr(entry, name) for name in names)
    assert built == entry
    assert unchecked_entry(*stored.values()) is not built


def test_entry_id_formula() -> None:
    """Ids depend on day, time, normalised marker and occurrence, not on the body."""
    day, time = dt.date(2024, 1, 22), dt.time(15, 48)
    one = make_entry_id(day=day, time=time, marker="UPDATE 1548 GMT", occurrence=0, body="a")
    assert one == make_entry_id(day=day, time=time, marker="update  1548 gmt", occurrence=0)
    assert one != make_entry_id(day=day, time=time, marker="UPDATE 1548 GMT", occurrence=1)
    untimed = make_entry_id(day=None, time=None, marker="", occurrence=0, body="An article")
    assert untimed != make_entry_id(day=None, time=None, marker="", occurrence=0, body="Another")


def _id_by_parts(
    day: dt.date | None, time: dt.time | None, marker: str, occurrence: int, body: str
) -> str:
    """``make_entry_id`` as documented: BLAKE2b of the parts joined by "|"."""
    parts = [
        "" if day is None else day.isoformat(),
        "" if time is None else time.isoformat(),
        " ".join(unicodedata.normalize("NFKC", marker).casefold().split()),
        str(occurrence),
    ]
    if day is None and time is None:
        parts.append(" ".join(unicodedata.normalize("NFKC", body).casefold().split())[:64])
    key = "|".join(parts).encode("utf-8", "surrogatepass")
    return hashlib.blake2b(key, digest_size=8).hexdigest()


@given(
    st.none() | st.dates(),
    st.none() | st.times(),
    st.text(max_size=20),
    st.integers(0, 12),
    st.text(max_size=90),
)
@example(None, None, "", 0, "An article of seventy letters and more, past the sixty-four read.")
def test_entry_id_is_the_digest_of_its_parts(
    day: dt.date | None, time: dt.time | None, marker: str, occurrence: int, body: str
) -> None:
    """An id is the digest of its day, time, normalised marker and occurrence joined by
    "|" (and the body's first 64 normalised characters when there is no day or time)."""
    made = make_entry_id(day=day, time=time, marker=marker, occurrence=occurrence, body=body)
    assert made == _id_by_parts(day, time, marker, occurrence, body)


_ID_DAYS = (None, dt.date(2024, 1, 22), dt.date(2024, 1, 23))
_ID_TIMES = (None, dt.time(15, 48), dt.time(8, 31))
_ID_MARKERS = ("UPDATE 1548 GMT", "update  1548 gmt", "", "Mise \u00e0 jour \ufb01n", "a|0|b")
_ID_FOLDED = ("\u212a", "k")  # (the Kelvin sign folds to k)
_ID_BODIES = ("", "An article", "an  ARTICLE", "x|1", "A body" * 20)


@given(
    st.lists(
        st.tuples(
            st.sampled_from(_ID_DAYS),
            st.sampled_from(_ID_TIMES),
            st.sampled_from(_ID_MARKERS + _ID_FOLDED),
            st.sampled_from(_ID_BODIES),
        ),
        max_size=30,
    )
)
def test_entry_ids_count_occurrences_of_each_key(
    keys: list[tuple[dt.date | None, dt.time | None, str, str]],
) -> None:
    """``EntryIds`` gives each entry ``make_entry_id`` with the number of earlier entries
    whose key (what the id of occurrence 0 digests) is the same: normalised markers
    alike, the body counting only without a day and a time."""
    ids = EntryIds()
    seen: dict[str, int] = {}
    for day, time, marker, body in keys:
        first = make_entry_id(day=day, time=time, marker=marker, occurrence=0, body=body)
        occurrence = seen.get(first, 0)
        seen[first] = occurrence + 1
        expected = make_entry_id(
            day=day, time=time, marker=marker, occurrence=occurrence, body=body
        )
        assert ids.next(day=day, time=time, marker=marker, body=body) == expected


class _Unread(SourceSlice):
    def __str__(self) -> str:
        msg = "the body of a timed entry was read"
        raise AssertionError(msg)


def test_entry_ids_read_a_body_only_without_day_and_time() -> None:
    """A body given as a slice of the source is read only for an id it counts in."""
    ids = EntryIds()
    day, time = dt.date(2024, 1, 22), dt.time(15, 48)
    assert ids.next(day=day, time=None, marker="Monday", body=_Unread("", 0, 0))
    assert ids.next(day=None, time=time, marker="1548", body=_Unread("", 0, 0))
    text = "UPDATE: An article"
    untimed = make_entry_id(day=None, time=None, marker="", occurrence=0, body="An article")
    assert ids.next(day=None, time=None, marker="", body=SourceSlice(text, 8, 18)) == untimed


# Bodies, markers and mention texts stored as references into the source -------------

_BLOG = (
    "Live: talks in Kyiv\n\n"
    "UPDATE 1548 GMT: Zelenskiy met Tusk on Monday.\n\n"
    "UPDATE 0831 GMT: Drones downed overnight, last week's count doubled.\n\n"
    "ORIGINAL ENTRY: Talks open.\nA second paragraph, December 25."
)


def _parsed() -> liveblog.Timeline:
    return liveblog.parse(_BLOG, date=dt.date(2024, 1, 22), source="kyiv")


def test_parsed_texts_are_references_into_the_source() -> None:
    """A parse keeps no copy of a body, marker or mention text: each refers to the
    source, and reads as the same ``str`` the source holds at its span."""
    tl = _parsed()
    assert tl.text is _BLOG
    for entry in tl:
        body = ENTRY_BODY.raw_get(entry)
        assert isinstance(body, SourceSlice)
        assert body.source is _BLOG
        assert entry.body == _BLOG[body.start : body.end] == _BLOG[body.start : body.end].strip()
        assert type(entry.body) is str
        if entry.marker_span is not None:
            assert isinstance(ENTRY_MARKER.raw_get(entry), SourceText)
            assert entry.marker == _BLOG[slice(*entry.marker_span)]
        for m in entry.mentions:
            assert MENTION_TEXT.raw_get(m).text is _BLOG
            assert type(m.text) is str
            assert m.text == _BLOG[slice(*m.span)]
    assert [m.text for e in tl for m in e.mentions] == [
        "December 25",
        "overnight",
        "last week",
        "Monday",
    ]


def test_references_compare_hash_and_print_as_their_text() -> None:
    """An entry read back from plain data stores plain strings and equals the parsed one:
    ==, hash and repr see the text, never how it is stored."""
    for entry in _parsed():
        again = liveblog.Entry.from_dict(entry.to_dict())
        assert type(ENTRY_BODY.raw_get(again)) is str
        assert again == entry
        assert hash(again) == hash(entry)
        assert repr(again) == repr(entry)
        assert attrs.asdict(again) == attrs.asdict(entry)
        for m, n in zip(entry.mentions, again.mentions, strict=True):
            assert (m, hash(m), repr(m)) == (n, hash(n), repr(n))


def test_an_entry_pickles_without_the_source() -> None:
    """Pickling one entry writes its own text, not the whole source it refers to."""
    big = "x" * 100_000 + "\n\n" + _BLOG
    tl = liveblog.parse(big, date=dt.date(2024, 1, 22))
    entry = tl[0]
    data = pickle.dumps(entry)
    assert len(data) < 2_000
    back = pickle.loads(data)
    assert back == entry
    assert type(ENTRY_BODY.raw_get(back)) is str
    assert all(type(MENTION_TEXT.raw_get(m)) is str for m in back.mentions)


def test_evolve_and_merge_keep_the_text() -> None:
    """attrs.evolve gives an entry with the same text (as a str); a merge keeps the
    references of the entries it re-derives."""
    tl = _parsed()
    entry = tl[0]
    evolved = attrs.evolve(entry, id="other")
    assert (evolved.body, evolved.marker) == (entry.body, entry.marker)
    merged = liveblog.merge(tl, tl)
    assert [e.body for e in merged] == [e.body for e in tl]
    assert all(isinstance(ENTRY_BODY.raw_get(e), SourceSlice) for e in merged)


def test_slices_and_strings_are_interchangeable_in_a_slot() -> None:
    """Either form may be stored in an entry's body; it always reads as the text."""
    entry = _entry(body="Talks end.")
    ENTRY_BODY.raw_set(entry, SourceSlice("UPDATE: Talks end.", 8, 18))
    assert entry.body == "Talks end."
    assert entry == _entry(body="Talks end.")
    assert str(SourceSlice("abc", 1, 2)) == "b"


@given(
    start=st.integers(min_value=0, max_value=1 << 40),
    size=st.integers(min_value=0, max_value=1 << 40),
)
def test_packed_spans_read_back_as_given(start: int, size: int) -> None:
    """Entry and mention spans are stored packed (one int) below offset 2**32 and as a
    Span beyond it; either way they read back as the Span given, and compare equal."""
    span = (start, start + size)
    entry = _entry(span=span, marker_span=span)
    assert entry.span == span == entry.marker_span
    assert type(entry.span) is liveblog.Span
    assert entry.span.size == size
    mention = liveblog.Mention(text="x", span=span, type="DATE", value="2024", start=None, end=None)
    assert mention.span == span
    assert type(mention.span) is liveblog.Span
    assert pickle.loads(pickle.dumps(entry)) == entry
    assert attrs.evolve(entry, id="y").span == span


def test_no_marker_span_stays_none() -> None:
    """An entry without a marker has no marker span, however spans are stored."""
    assert _entry().marker_span is None
    assert _entry(marker_span=(1, 2)).marker_span == (1, 2)


def test_a_parsed_timeline_pickles_its_texts_as_offsets() -> None:
    """A parsed timeline pickles its text once: bodies, markers and mention texts are
    written as offsets into it and come back as references into the unpickled text."""
    text = "\n\n".join(
        f"UPDATE {h:02d}00 GMT: Update number {h} of the day, posted on Monday as promised."
        for h in range(23, 0, -1)
    )
    tl = liveblog.parse(text, date=dt.date(2024, 1, 22))
    data = pickle.dumps(tl)
    copied = pickle.dumps(liveblog.Timeline.from_dict(tl.to_dict()))  # texts stored as str
    assert len(data) <= len(copied) - sum(len(e.body) + len(e.marker) for e in tl)
    back = pickle.loads(data)
    assert back == tl
    for entry in back:
        assert ENTRY_BODY.raw_get(entry).source is back.text
        assert ENTRY_MARKER.raw_get(entry).text is back.text
        assert all(MENTION_TEXT.raw_get(m).text is back.text for m in entry.mentions)
    merged = liveblog.merge(tl)
    assert merged.text is None
    again = pickle.loads(pickle.dumps(merged))
    assert again == merged
    assert all(type(ENTRY_BODY.raw_get(e)) is str for e in again)


def test_mentions_added_later_keep_the_references() -> None:
    """with_mentions gives the entries of a parse without mentions the same mentions as a
    parse with them, and keeps their texts as references into the source."""
    bare = liveblog.parse(_BLOG, date=dt.date(2024, 1, 22), source="kyiv", mentions=False)
    assert all(not e.mentions for e in bare)
    found = with_mentions(bare)
    assert found == _parsed()
    for entry in found:
        assert isinstance(ENTRY_BODY.raw_get(entry), SourceSlice)
        assert isinstance(ENTRY_MARKER.raw_get(entry), SourceText)


def test_pages_keep_references_into_their_text() -> None:
    """Entries read from HTML refer to the page's extracted text as parsed ones do."""
    html = (
        "<html><body><h1>Live</h1><p>UPDATE 1548 GMT: Talks end on Monday.</p>"
        "<p>UPDATE 0831 GMT: Drones downed.</p></body></html>"
    )
    tl = liveblog.parse_html(html, date=dt.date(2024, 1, 22))
    assert [e.body for e in tl] == ["Drones downed.", "Talks end on Monday."]
    for entry in tl:
        assert ENTRY_BODY.raw_get(entry).source is tl.text
        assert ENTRY_MARKER.raw_get(entry).text is tl.text


def test_evolve_entry_keeps_references_unless_the_text_changes() -> None:
    """evolve_entry keeps what the body and marker slots store; a new body or marker
    span is stored as given."""
    entry = _parsed()[0]
    assert isinstance(ENTRY_BODY.raw_get(evolve_entry(entry, headline="x")), SourceSlice)
    changed = evolve_entry(entry, body="New text.", marker_span=(0, 4))
    assert changed.body == "New text."
    assert type(ENTRY_BODY.raw_get(changed)) is str
    assert changed.marker == entry.marker
    assert type(ENTRY_MARKER.raw_get(changed)) is str


def test_str_subclasses_read_back_as_given() -> None:
    """Texts given as a str subclass (numpy.str_, markup strings) are stored and read
    back as given: only the parser's references are turned into slices."""

    class Text(str):
        __slots__ = ()

    entry = _entry(marker=Text("UPDATE"), body=Text("b"), marker_span=(0, 6))
    assert (entry.marker, entry.body) == ("UPDATE", "b")
    assert type(entry.marker) is Text
    assert type(entry.body) is Text
    mention = liveblog.Mention(
        text=Text("May"), span=(0, 3), type="DATE", value="2024-05", start=None, end=None
    )
    assert mention.text == "May"
    assert type(mention.text) is Text


GOOD_ENTRY = {"id": "a", "marker": "UPDATE", "body": "b", "span": [0, 8]}


@pytest.mark.parametrize(
    ("data", "message", "path"),
    [
        ([GOOD_ENTRY], "expected an object, got array", ""),
        ({}, "missing key 'entries'", "/entries"),
        ({"entries": 3}, "unexpected number 3", "/entries"),
        ({"entries": [GOOD_ENTRY, 1]}, "expected an object, got number", "/entries/1"),
        ({"entries": [{**GOOD_ENTRY, "marker": None}]}, "marker must be str", "/entries/0/marker"),
        ({"entries": [{"id": "a", "body": ""}]}, "missing key 'marker'", "/entries/0/marker"),
        ({"entries": [], "date": "2024-13-01"}, "invalid value '2024-13-01'", "/date"),
        ({"entries": [], "order": "sideways"}, "order must be one of", "/order"),
        (
            {"entries": [{**GOOD_ENTRY, "span": [5, 2]}]},
            "invalid value [5, 2]: span must",
            "/entries/0/span",
        ),
        (
            {"entries": [{**GOOD_ENTRY, "span": [0, "x"]}]},
            "unexpected string 'x'",
            "/entries/0/span/1",
        ),
        (
            {"entries": [{**GOOD_ENTRY, "published": "2024-01-22T15:48"}]},
            "published must be timezone-aware",
            "/entries/0/published",
        ),
        (
            {"entries": [{**GOOD_ENTRY, "mentions": [{"text": "x", "span": [0, 1], "type": "X"}]}]},
            "missing key 'value'",
            "/entries/0/mentions/0/value",
        ),
        (
            {
                "entries": [
                    {
                        **GOOD_ENTRY,
                        "mentions": [{"text": "x", "span": [0, 1], "type": "X", "value": "v"}],
                    }
                ]
            },
            "type must be one of DATE, TIME, DURATION, SET, got 'X'",
            "/entries/0/mentions/0/type",
        ),
        (
            {"entries": [], "dialect": {"evidence": [{"name": "update"}]}},
            "missing key 'candidates'",
            "/dialect/evidence/0/candidates",
        ),
        (
            {"entries": [], "warnings": [{"code": "x"}]},
            "missing key 'message'",
            "/warnings/0/message",
        ),
        ({"entries": [], "source": {"name": True}}, "name must be str", "/source/name"),
        ({"entries": [], "tz": 5}, "tz must be str | None, got 5", "/tz"),
        ({"entries": [], "origin": None}, "origin must be str, got None", "/origin"),
        ({"entries": [], "encoding": []}, "encoding must be str | None, got []", "/encoding"),
        (
            {
                "entries": [
                    {**GOOD_ENTRY, "sources": [{"source": {"name": "a", "url": 1}, "id": "x"}]}
                ]
            },
            "url must be str | None, got 1",
            "/entries/0/sources/0/source/url",
        ),
    ],
)
def test_from_dict_says_what_is_wrong_and_where(data: Any, message: str, path: str) -> None:
    """Regression: Timeline.from_dict raised KeyError, AttributeError or TypeError on
    damaged data, or took a value of the wrong JSON type that failed later. It raises
    FeedError with a JSON pointer to the culprit (the value's own, or its object's when
    a check across fields refused it)."""
    with pytest.raises(liveblog.FeedError) as info:
        liveblog.Timeline.from_dict(data)
    assert info.value.msg.startswith(message)
    assert info.value.path == path


def _pointers(data: Any, path: str = "") -> list[str]:
    """Every JSON pointer in ``data`` but the root."""
    items = data.items() if isinstance(data, dict) else enumerate(data)
    found = []
    for key, value in items:
        found.append(f"{path}/{key}")
        if isinstance(value, dict | list):
            found.extend(_pointers(value, f"{path}/{key}"))
    return found


def _resolve(data: Any, path: str) -> Any:
    for key in path.split("/")[1:]:
        data = data[int(key)] if isinstance(data, list) else data[key]
    return data


JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=5),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=3), inner),
    max_leaves=5,
)


@given(st.data())
def test_damaged_timeline_data_reads_or_names_its_culprit(data: st.DataObject) -> None:
    """Any one damage (a key removed, a value replaced by any JSON value) to a full
    timeline's data either still reads (and then round-trips) or raises FeedError whose
    path leads into the damaged data, never another exception."""
    entry = _full_entry()
    tl = liveblog.Timeline([entry], date=dt.date(2024, 1, 22), source=entry.sources[0].source)
    document = tl.to_dict()
    pointer = data.draw(st.sampled_from(_pointers(document)))
    parent_path, _, key = pointer.rpartition("/")
    parent = _resolve(document, parent_path)
    if isinstance(parent, dict) and data.draw(st.booleans()):
        del parent[key]
    else:
        parent[int(key) if isinstance(parent, list) else key] = data.draw(JSON_VALUES)
    try:
        read = liveblog.Timeline.from_dict(document)
    except liveblog.FeedError as err:
        head, _, last = err.path.rpartition("/")
        container = _resolve(document, head)  # every step but the last exists
        assert not last or isinstance(container, dict | list)
    else:
        assert liveblog.Timeline.from_dict(read.to_dict()) == read


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        (
            {"entries": ["UPDATE 1548 GMT: x"]},
            "entries[0] must be an Entry, got str 'UPDATE 1548 GMT: x'",
        ),
        ({"entries": "abc"}, "entries must be an iterable of Entry, got 'abc'"),
        (
            {"entries": [], "warnings": [None]},
            "warnings[0] must be a Diagnostic, got NoneType None",
        ),
        (
            {"entries": [], "date_evidence": [1]},
            "date_evidence[0] must be a DateEvidence, got int 1",
        ),
        (
            {"entries": [], "preamble_mentions": ["x"]},
            "preamble_mentions[0] must be a Mention, got str 'x'",
        ),
    ],
)
def test_timeline_checks_its_collections(fields: dict[str, Any], message: str) -> None:
    """A timeline of strings was built, and failed later with an AttributeError far
    from the cause (``to_dict``, ``merge``, feeds); each collection's items are checked."""
    with pytest.raises(TypeError) as caught:
        liveblog.Timeline(**fields)
    assert str(caught.value) == message


@pytest.mark.parametrize(
    ("kind", "fields", "message"),
    [
        (liveblog.Source, {"name": 3}, "name must be str, got int 3"),
        (liveblog.Source, {"name": "bbc", "url": b"x"}, "url must be str or None, got bytes b'x'"),
        (
            liveblog.Source,
            {"name": "bbc", "title": 1.5},
            "title must be str or None, got float 1.5",
        ),
        (
            liveblog.Timeline,
            {"entries": (), "date": "2024-01-22"},
            "date must be a datetime.date (not a datetime) or None, got str '2024-01-22'",
        ),
        (
            liveblog.Timeline,
            {"entries": (), "date": dt.datetime(2024, 1, 22, 9, 30)},  # noqa: DTZ001
            "date must be a datetime.date (not a datetime) or None, got datetime "
            "datetime.datetime(2024, 1, 22, 9, 30)",
        ),
        (
            liveblog.Timeline,
            {"entries": (), "tz": dt.UTC},
            "tz must be str or None, got timezone datetime.timezone.utc",
        ),
        (
            liveblog.Timeline,
            {"entries": (), "source": "bbc"},
            "source must be a Source or None, got str 'bbc'",
        ),
        (
            liveblog.Timeline,
            {"entries": (), "preamble": "Intro."},
            "preamble must be a Block, got str 'Intro.'",
        ),
        (
            liveblog.Timeline,
            {"entries": (), "dialect": "update"},
            "dialect must be a DialectChoice, got str 'update'",
        ),
        (
            liveblog.Timeline,
            {"entries": (), "encoding": b"utf-8"},
            "encoding must be str or None, got bytes b'utf-8'",
        ),
        (
            liveblog.Timeline,
            {"entries": (), "origin": None},
            "origin must be str, got NoneType None",
        ),
        (
            liveblog.Timeline,
            {"entries": (), "text": b"UPDATE"},
            "text must be str or None, got bytes b'UPDATE'",
        ),
    ],
)
def test_values_check_their_fields_types(kind: type, fields: dict[str, Any], message: str) -> None:
    """``Source(3)`` and ``Timeline(date="2024-01-22")`` were built, and failed later far
    from the cause (a feed, a merge, ``to_dict``); each field's type is checked when the
    value is built, and the error names the field and the value."""
    with pytest.raises(TypeError) as caught:
        kind(**fields)
    assert str(caught.value) == message


def test_evolve_checks_field_types() -> None:
    """``attrs.evolve`` builds through ``__init__``, so it checks the types too."""
    tl = liveblog.Timeline([], date=dt.date(2024, 1, 22), tz="Europe/Kyiv")
    with pytest.raises(TypeError, match=r"^date must be a datetime\.date"):
        attrs.evolve(tl, date=dt.datetime(2024, 1, 22, tzinfo=dt.UTC))
    assert attrs.evolve(tl, source=liveblog.Source("a", url="u", title="t")).source is not None


def test_from_dict_reports_a_type_check_as_before() -> None:
    """A field's type check inside ``__init__`` raises before ``from_dict``'s own walk;
    the error is still the walk's, with the field's JSON path."""
    with pytest.raises(liveblog.FeedError) as caught:
        liveblog.Source.from_dict({"name": 5})
    assert (str(caught.value), caught.value.path) == ("name must be str, got 5 at /name", "/name")


def _at(name: str, start: int, end: int) -> liveblog.Entry:
    return liveblog.Entry(id=name, marker="", body=name, span=(start, end))


TEN = "0123456789"


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        (
            {"entries": [_at("a", 0, 5), _at("b", 5, 12)]},
            "entries[1].span (5, 12) runs past the end of the text (length 10)",
        ),
        (
            {"entries": [_at("a", 0, 5), _at("b", 3, 8)]},
            "entries[1].span (3, 8) overlaps entries[0].span (0, 5)",
        ),
        (  # oldest first: a newest-first page's entries stand in reverse
            {"entries": [_at("b", 6, 9), _at("a", 0, 7)]},
            "entries[0].span (6, 9) overlaps entries[1].span (0, 7)",
        ),
        (  # an empty span inside another entry
            {"entries": [_at("a", 0, 8), _at("b", 4, 4)]},
            "entries[1].span (4, 4) overlaps entries[0].span (0, 8)",
        ),
        (
            {"entries": [_at("a", 4, 9)], "preamble": liveblog.Block("p", (0, 11))},
            "preamble.span (0, 11) runs past the end of the text (length 10)",
        ),
        (
            {"entries": [_at("a", 4, 9)], "preamble": liveblog.Block("p", (0, 5))},
            "preamble.span (0, 5) overlaps entries[0].span (4, 9)",
        ),
    ],
)
def test_timeline_spans_tile_its_text(fields: dict[str, Any], message: str) -> None:
    """Regression: a timeline whose entries' or preamble's spans ran past its text, or
    overlapped, was accepted when built by hand (and by from_dict). With a text, the
    spans must lie in it without overlapping; the ValueError names the entry (or the
    preamble) and the offsets. Without a text (a merge, a feed) nothing is checked."""
    with pytest.raises(ValueError, match=r"runs past|overlaps") as info:
        liveblog.Timeline(**fields, text=TEN)
    assert (str(info.value), type(info.value)) == (message, ValueError)
    assert str(pickle.loads(pickle.dumps(info.value))) == message
    assert len(liveblog.Timeline(**fields)) == len(fields["entries"])  # no text: unchecked
    with pytest.raises(ValueError, match=r"runs past|overlaps"):
        attrs.evolve(liveblog.Timeline(**fields), text=TEN)


def test_spans_that_touch_tile() -> None:
    """Spans that meet (an entry ending where the next starts, the preamble before the
    first entry), empty ones at their edges, and a span ending at the text's end are
    fine."""
    entries = [_at("b", 6, 10), _at("a", 2, 6), _at("c", 6, 6)]
    tl = liveblog.Timeline(entries, preamble=liveblog.Block("p", (0, 2)), text=TEN)
    assert liveblog.Timeline.from_dict(tl.to_dict()) == tl
    assert len(liveblog.Timeline([_at("a", 10, 10)], text=TEN)) == 1


@pytest.mark.parametrize(
    ("change", "message", "path"),
    [
        (
            {"text": "short"},
            "entries[0].span (27, 45) runs past the end of the text (length 5)",
            "/entries/0/span",
        ),
        (
            {"entries": {1: {"span": [20, 30]}}},
            "entries[0].span (27, 45) overlaps entries[1].span (20, 30)",
            "/entries/0/span",
        ),
        (
            {"preamble": {"text": "Intro", "span": [0, 9]}},
            "preamble.span (0, 9) overlaps entries[1].span (7, 25)",
            "/preamble/span",
        ),
    ],
)
def test_from_dict_names_spans_that_do_not_tile(
    change: dict[str, Any], message: str, path: str
) -> None:
    """from_dict reports spans past the text or overlapping with the JSON path of the
    entry (or the preamble) that does not fit."""
    text = "Intro\n\nUPDATE 0900 GMT: b\n\nUPDATE 0800 GMT: a"
    data = liveblog.parse(text, date=dt.date(2024, 1, 22)).to_dict()
    for key, value in change.items():
        if key == "entries":
            for index, fields in value.items():
                data["entries"][index].update(fields)
        else:
            data[key] = value
    with pytest.raises(liveblog.FeedError) as info:
        liveblog.Timeline.from_dict(data)
    assert (info.value.msg, info.value.path) == (message, path)


@given(
    st.lists(st.tuples(st.integers(0, 12), st.integers(0, 4)), max_size=5),
    st.tuples(st.integers(0, 12), st.integers(0, 4)),
    st.integers(0, 14),
)
def test_tiling_check_agrees_with_pairwise_comparison(
    spans: list[tuple[int, int]], preamble: tuple[int, int], size: int
) -> None:
    """A timeline with a text is accepted exactly when every span ends within it, no
    two entries' spans overlap (an empty span inside another counts) and a non-empty
    preamble overlaps no entry: compared pair by pair."""
    bounds = [(start, start + length) for start, length in spans]
    block = (preamble[0], preamble[0] + preamble[1])

    def overlap(a: tuple[int, int], b: tuple[int, int]) -> bool:
        first, then = sorted((a, b))
        return then[0] < first[1]

    fits = (
        all(end <= size for _, end in [*bounds, block])
        and not any(overlap(a, b) for i, a in enumerate(bounds) for b in bounds[:i])
        and (block[0] == block[1] or not any(overlap(block, b) for b in bounds))
    )
    entries = [_at(str(k), *span) for k, span in enumerate(bounds)]
    fields: dict[str, Any] = {"preamble": liveblog.Block("p", block), "text": "x" * size}
    if fits:
        assert len(liveblog.Timeline(entries, **fields)) == len(entries)
    else:
        with pytest.raises(ValueError, match=r"runs past|overlaps"):
            liveblog.Timeline(entries, **fields)


def test_spans_past_offset_2_32_are_checked_too() -> None:
    """Spans past offset 2**32, which a slot stores as a Span rather than a packed int,
    are checked as the others (alone, or mixed with packed ones)."""
    far = 1 << 32
    for entries in ([_at("a", far, far + 4)], [_at("a", 0, 4), _at("b", far, far + 4)]):
        with pytest.raises(ValueError, match=r"^entries\[\d\]\.span \(4294967296, 4294967300\)"):
            liveblog.Timeline(entries, text=TEN)

    class Huge(str):  # a text of 4 GB, as far as the check sees
        __slots__ = ()

        def __len__(self) -> int:
            return far + 5

    with pytest.raises(ValueError, match=r"^entries\[1\]\.span \(3, 4294967300\) overlaps"):
        liveblog.Timeline([_at("a", 0, 4), _at("b", 3, far + 4)], text=Huge())
    assert len(liveblog.Timeline([_at("a", 0, 4), _at("b", 4, far + 4)], text=Huge())) == 2

"""Properties of what crosses parse_many's process boundary: pickled timelines, and the
command line's ``parse --jobs 2`` against ``--jobs 1`` on folders of odd files."""

from __future__ import annotations

import contextlib
import datetime as dt
import gzip
import html
import io
import pickle
import tempfile
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import liveblog
from liveblog.cli import main
from liveblog.model import (
    _ENTRY_STRIDE,
    _MENTION_STRIDE,
    ENTRY_BODY,
    ENTRY_MARKER,
    MENTION_TEXT,
    Entry,
    Mention,
    SourceSlice,
    SourceText,
    _pack_timeline,
)
from tests import strategies

DAY = dt.date(2024, 1, 22)
_ODD_LINES = (
    *strategies.TRICKY_LINES,
    "",
    "\ufeffUPDATE 0900 GMT:",
    "last week, on Monday at 10am, two hours later",
    "１２:３０ 全角",
    "\x00\x0b\x0c\x1c\u2028\u0085",
    "Posted at 25:61 on 31 February",
)


@st.composite
def _odd_texts(draw: st.DrawFn) -> str:
    """A generated blog with odd lines, characters and line breaks mixed in, or noise."""
    if draw(st.integers(0, 4)) == 0:
        return draw(strategies.marker_noise())
    lines = draw(strategies.styled_blogs()).render().splitlines()
    for _ in range(draw(st.integers(0, 4))):
        odd = draw(st.sampled_from(_ODD_LINES) | st.text(max_size=30))
        lines.insert(draw(st.integers(0, len(lines))), odd)
    return draw(st.sampled_from(("\n", "\r\n", "\r"))).join(lines)


@st.composite
def _timelines(draw: st.DrawFn) -> liveblog.Timeline:
    """A parsed timeline (of text or HTML, with or without mentions), or a merge of two
    (whose texts are not the timeline's own)."""
    options: dict[str, Any] = draw(strategies.parse_options())
    options["strict"] = False
    options["mentions"] = draw(st.booleans())
    text = draw(_odd_texts())
    if draw(st.integers(0, 5)) == 0:
        page = f"<html><body><article><p>{text}</p></article></body></html>"
        return liveblog.parse_html(page, **options)
    timeline = liveblog.parse(text, **options)
    if draw(st.integers(0, 5)) == 0:
        return liveblog.merge(timeline, liveblog.parse(draw(_odd_texts()), **options))
    return timeline


def _stored(entry: Entry) -> tuple[object, object]:
    return ENTRY_BODY.raw_get(entry), ENTRY_MARKER.raw_get(entry)


def _text_of(stored: object) -> str | None:
    """The source text a stored body, marker or mention text refers to, if any."""
    if isinstance(stored, SourceSlice):
        return stored.source
    return stored.text if isinstance(stored, SourceText) else None


def test_the_packed_fields_are_every_field() -> None:
    """Pickling writes every field of Entry and Mention (a field added to either must be
    added to the packing)."""
    from liveblog import model

    packed = {*model._ENTRY_PLAIN_FIELDS, "span", "marker_span", "marker", "body", "mentions"}
    assert sorted(packed) == sorted(f.name for f in attrs.fields(Entry))
    packed = {*model._MENTION_PLAIN_FIELDS, "span", "text"}
    assert sorted(packed) == sorted(f.name for f in attrs.fields(Mention))


def _check_pickling(timeline: liveblog.Timeline) -> None:
    """See the test below."""
    data = pickle.dumps(timeline, protocol=pickle.HIGHEST_PROTOCOL)
    back = pickle.loads(data)
    assert back == timeline
    assert back.text == timeline.text
    for old, new in zip(timeline.entries, back.entries, strict=True):
        assert (new.body, new.marker, new.span, new.marker_span) == (
            old.body,
            old.marker,
            old.span,
            old.marker_span,
        )
        assert [(m.text, m.span, m.value, m.start, m.end) for m in new.mentions] == [
            (m.text, m.span, m.value, m.start, m.end) for m in old.mentions
        ]
        stored = [*_stored(old), *map(MENTION_TEXT.raw_get, old.mentions)]
        again = [*_stored(new), *map(MENTION_TEXT.raw_get, new.mentions)]
        for was, now in zip(stored, again, strict=True):
            if _text_of(was) is timeline.text is not None:
                assert type(now) is type(was)
                assert _text_of(now) is back.text
            else:  # a str, or a slice of another text (a merge's): written out
                assert type(now) is str
    # what is written for the texts: offsets (and None) for those of the timeline's text;
    # an entry's marker and body are its 15th and 16th values, a mention's text its 8th
    _, _, packed, mentions = _pack_timeline(timeline)
    bodies, markers = packed[15::_ENTRY_STRIDE], packed[14::_ENTRY_STRIDE]
    said = mentions[7::_MENTION_STRIDE]
    own = [_text_of(b) is timeline.text is not None for b, _ in map(_stored, timeline.entries)]
    assert [type(b) is int for b in bodies] == own
    for written, entry in zip(markers, timeline.entries, strict=True):
        marker = ENTRY_MARKER.raw_get(entry)
        assert (written is None) == (_text_of(marker) is timeline.text is not None)
    texts = [MENTION_TEXT.raw_get(m) for e in timeline.entries for m in e.mentions]
    assert [w is None for w in said] == [_text_of(t) is timeline.text is not None for t in texts]


@settings(suppress_health_check=[HealthCheck.too_slow])
@given(_timelines())
def test_a_timeline_survives_pickling_with_its_text_once(timeline: liveblog.Timeline) -> None:
    """A pickled timeline comes back equal, with every entry's text, marker, spans and
    mentions; texts that referred to its own text refer to the copy's and are written
    as offsets (the text is written once), the others are written out."""
    _check_pickling(timeline)


@pytest.mark.fuzz
@settings(max_examples=3_000, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_timelines())
def test_a_timeline_survives_pickling_fuzz(timeline: liveblog.Timeline) -> None:
    """The long run of the check above (LIVEBLOG_FUZZ=1)."""
    _check_pickling(timeline)


# --- the command line: parse --jobs 2 against --jobs 1 --------------------------------

_GOOD = (
    "Live: talks\n\nUPDATE 0900 GMT: Talks end on Monday.\n\nUPDATE 0800 GMT: Talks begin.",
    "Intro last week\n\n12.10\nDrones downed\nAt 10am the ministry said.\n\n11.48\nAid",
)


@st.composite
def _files(draw: st.DrawFn) -> bytes | None:
    """One file: a blog (generated or fixed, as UTF-8, UTF-16, gzip or an HTML page),
    nothing, junk, bad UTF-8, or a damaged gzip; None: a file that is not there."""
    kind = draw(
        st.sampled_from(
            ["blog", "blog", "html", "empty", "junk", "bad-utf8", "gzip", "bad-gzip", "missing"]
        )
    )
    if kind == "missing":
        return None
    if kind == "empty":
        return b""
    if kind == "junk":
        return draw(st.binary(max_size=200))
    text = draw(st.sampled_from(_GOOD) | _odd_texts())
    if kind == "html":
        paragraphs = "".join(f"<p>{html.escape(block)}</p>" for block in text.split("\n\n"))
        page = f"<!DOCTYPE html><html><body><article>{paragraphs}</article></body></html>"
        return page.encode("utf-8", "surrogatepass")
    if kind == "bad-utf8":
        data = text.encode("utf-8")
        at = draw(st.integers(0, len(data)))
        return data[:at] + draw(st.sampled_from([b"\xff", b"\xc3", b"\xed\xa0\x80"])) + data[at:]
    encoding = draw(st.sampled_from(["utf-8", "utf-16"]))
    data = text.encode(encoding, "surrogatepass")
    if kind == "blog":
        return data
    packed = gzip.compress(data, mtime=0)
    return packed if kind == "gzip" else packed[: draw(st.integers(0, len(packed) - 1))]


def _run(argv: list[str]) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        status = main(argv)
    return status, out.getvalue(), err.getvalue()


def _check_jobs(files: list[bytes | None], form: str, options: list[str], *, folder: bool) -> None:
    """``parse`` of the files (or of their folder) with --jobs 2 against --jobs 1."""
    with tempfile.TemporaryDirectory() as where:
        names = []
        for i, data in enumerate(files):
            path = Path(where) / f"blog-{i:02d}.txt"
            if data is not None:
                path.write_bytes(data)
            names.append(str(path))
        argv = ["parse", *([where] if folder else names), "--format", form, *options]
        serial = _run([*argv, "--jobs", "1"])
        assert _run([*argv, "--jobs", "2"]) == serial


_FORMS = st.sampled_from(["text", "json", "jsonfeed"])
_OPTIONS = st.sampled_from([[], ["-q"], ["--date", "2024-01-22"], ["--strict"], ["--tz", "UTC"]])


@settings(max_examples=8, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_files(), min_size=1, max_size=9), _FORMS, _OPTIONS, st.booleans())
def test_parse_jobs_2_prints_what_jobs_1_prints(
    files: list[bytes | None], form: str, options: list[str], folder: bool
) -> None:
    """``liveblog parse --jobs 2`` over a folder of odd files (blogs, empty files, junk,
    bad UTF-8, gzip whole and cut, HTML pages, files not there; or the folder given)
    prints the same output and messages, and exits with the same status, as ``--jobs 1``
    (each example starts two worker processes)."""
    _check_jobs(files, form, options, folder=folder)


@pytest.mark.fuzz
@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_files(), min_size=1, max_size=20), _FORMS, _OPTIONS, st.booleans())
def test_parse_jobs_2_prints_what_jobs_1_prints_fuzz(
    files: list[bytes | None], form: str, options: list[str], folder: bool
) -> None:
    """The long run of the check above (LIVEBLOG_FUZZ=1)."""
    _check_jobs(files, form, options, folder=folder)


def test_a_pickle_of_another_layout_is_refused_by_name() -> None:
    timeline = liveblog.parse("UPDATE 1548 GMT: Talks end.", date=dt.date(2024, 1, 22))
    rebuild, (state,) = timeline.__reduce__()
    assert rebuild(state) == timeline
    # the layout before the format tag (fields, entries, mentions), and a later tag
    for other in (state[1:], ("liveblog-timeline/3", *state[1:])):
        with pytest.raises(liveblog.LiveblogError, match="another version of liveblog"):
            rebuild(other)

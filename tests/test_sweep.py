"""The input sweep: odd input through the public API and the command line gives a
result or a clear error (a LiveblogError; on the command line one line and exit
status 2), never a traceback. The long runs are marked ``fuzz`` (LIVEBLOG_FUZZ=1)."""

from __future__ import annotations

import bz2
import contextlib
import copy
import datetime as dt
import gzip
import io
import json
import lzma
import os
import socket
import subprocess
import sys
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

import liveblog
from liveblog.cli import main
from liveblog.feeds import dumps_json_feed
from liveblog.html import parse_document
from tests.helpers import assert_mentions_slice, assert_tiles

# --- the pieces of odd input ---------------------------------------------------------

# marker-like text, dates and ages at the calendar's ends, markup and blanks
_TOKENS = (
    *("UPDATE 1548 GMT: x", "UPDATE 2400 GMT:", "14:32", "23:59 UTC+14", "Posted at 9:42 p.m. ET"),
    *("Today 09:15", "Yesterday at 6.05pm", "2h ago", "999,999d ago", "Just now", "Day 3"),
    *("31 December 9999", "1 January 0001", "December 31, 9999 11:59 PM", "Lundi 1 janvier 0001"),
    *("tomorrow", "next year", "in 10,000 years", "last week", "on Monday", "Monday"),
    *("\n", "\r\n", "\r", "\n\n", " ", "\t", "\x00", "\ufeff", "\u200b", "\x1b[1m", "x" * 3000),
    *("<html><p>", "</p>", '<script type="application/ld+json">', "</script>", "{", "}"),
    *('"@type": "LiveBlogPosting", ', '"datePublished": "9999-12-31T23:59:59-14:00", '),
    '"datePublished": "0001-01-01T00:00:00+14:00", ',
)
_TEXTS = st.lists(st.sampled_from(_TOKENS), max_size=12).map("".join)
# how the text reaches the library: itself, or as bytes in an encoding, cut or not
_ENCODINGS = ("utf-8", "utf-16", "utf-16-le", "utf-32-be", "cp1252")


# how archives pack it: gzip, bzip2, xz (read by their first bytes)
_PACKERS: tuple[Callable[[bytes], bytes], ...] = (gzip.compress, bz2.compress, lzma.compress)


@st.composite
def _sources(draw: st.DrawFn) -> str | bytes:
    """Odd text, or odd bytes: encoded text (perhaps cut mid-character), random bytes,
    compressed text (whole, cut, or with a byte changed)."""
    text = draw(_TEXTS)
    kind = draw(st.sampled_from(["text", "encoded", "cut", "random", "packed"]))
    if kind == "text":
        return text
    if kind == "random":
        return draw(st.binary(max_size=400))
    data = text.encode(draw(st.sampled_from(_ENCODINGS)), errors="replace")
    if kind == "packed":
        data = draw(st.sampled_from(_PACKERS))(data)
        at = draw(st.integers(0, len(data) - 1))
        damage = draw(st.sampled_from(["none", "cut", "byte"]))
        if damage == "byte":
            return data[:at] + bytes([draw(st.integers(0, 255))]) + data[at + 1 :]
        return data[:at] if damage == "cut" else data
    return data[: draw(st.integers(0, len(data)))] if kind == "cut" else data


_EXTREME_NOWS = (
    dt.datetime.max.replace(tzinfo=dt.UTC),
    dt.datetime.min.replace(tzinfo=dt.UTC),
    dt.datetime(1, 1, 1, 23, 59, tzinfo=dt.timezone(dt.timedelta(hours=23, minutes=59))),
    dt.datetime(9999, 12, 31, 0, 1, tzinfo=dt.timezone(-dt.timedelta(hours=23, minutes=59))),
    dt.datetime(2024, 1, 22, 12, tzinfo=dt.timezone(dt.timedelta(hours=14))),
)
_ODD_ZONES = ("UTC+23:59", "UTC-23:59", "Pacific/Kiritimati", "Etc/GMT+12", "Asia/Kathmandu")
_ODD_DATES = (dt.date.min, dt.date.max, dt.date(1, 1, 2), dt.date(9999, 12, 30))


@st.composite
def _options(draw: st.DrawFn) -> dict[str, Any]:
    """parse's options at the calendar's ends and in zones of odd offsets."""
    return {
        "date": draw(st.sampled_from((None, *_ODD_DATES))),
        "tz": draw(st.sampled_from((None, *_ODD_ZONES))),
        "now": draw(st.sampled_from((None, *_EXTREME_NOWS))),
        "strict": draw(st.booleans()),
    }


def _check_library(source: str | bytes, options: dict[str, Any]) -> None:
    """parse and parse_html give a timeline or a LiveblogError; parse_many gives what
    parse_document (the reader it and the command line pick by content) gives, errors
    included; the timeline's dict and JSON Feed read back equal through JSON text, and
    its other exports and merge give their result or a LiveblogError."""
    expected: liveblog.Result
    try:
        expected = liveblog.Result(0, timeline=parse_document(source, **options))
    except liveblog.LiveblogError as error:
        expected = liveblog.Result(0, error=error)
    assert list(liveblog.parse_many([source], **options)) == [expected]
    for read in (liveblog.parse, liveblog.parse_html):
        try:
            tl = read(source, **options)
        except liveblog.LiveblogError:
            continue
        if read is liveblog.parse and isinstance(source, str):
            assert_tiles(source, tl)
            assert_mentions_slice(source, tl)
        assert liveblog.Timeline.from_dict(json.loads(json.dumps(tl.to_dict()))) == tl
        feed = json.loads(dumps_json_feed(tl.to_json_feed()))
        assert liveblog.Timeline.from_json_feed(feed) == tl
        tl.to_atom()
        tl.to_json_ld()
        liveblog.merge(tl, tl)
        for entry in tl.entries:
            liveblog.find_mentions(entry.body, entry.published or entry.day)


@settings(max_examples=150)
@given(_sources(), _options())
@example(  # gzip with a byte of its deflate data changed: zlib.error before
    bytes.fromhex("1f8b080072d1046b02ff0b0d70710c7155300035b15070f70db152a800006c6722cb12000000"),
    {"date": None, "tz": None, "now": None, "strict": False},
)
@example(  # a step back onto the calendar's last day: its next midnight overflowed
    "23:59 UTC+14\nToday 09:15",
    {"date": dt.date(9999, 12, 30), "tz": "UTC+23:59", "now": None, "strict": False},
)
@example(  # a date stated on the calendar's last day, "last week" a week past it
    "31 December 9999\nlast week\n\nUPDATE 1548 GMT: x",
    {"date": None, "tz": None, "now": None, "strict": False},
)
def test_odd_input_gives_a_timeline_or_a_liveblog_error(
    source: str | bytes, options: dict[str, Any]
) -> None:
    """Odd text and bytes (NULs, lone CRs, cut encodings, random bytes, markup), with
    dates, now and zones at the calendar's ends, give a timeline whose exports work, or
    a LiveblogError: never another exception."""
    _check_library(source, options)


@pytest.mark.fuzz
@settings(max_examples=5_000, deadline=None)
@given(_sources(), _options())
def test_odd_input_fuzz(source: str | bytes, options: dict[str, Any]) -> None:
    """The long run of the sweep above (LIVEBLOG_FUZZ=1)."""
    _check_library(source, options)


@pytest.mark.fuzz
@settings(max_examples=150, deadline=None)
@given(st.lists(_sources(), max_size=12), _options(), st.integers(1, 4))
def test_odd_input_on_worker_processes_fuzz(
    sources: list[str | bytes], options: dict[str, Any], chunksize: int
) -> None:
    """parse_many with --jobs 2 gives what it gives in one process, errors included, in
    input order (LIVEBLOG_FUZZ=1: each example starts two worker processes)."""
    serial = list(liveblog.parse_many(sources, **options))
    parallel = list(liveblog.parse_many(sources, jobs=2, chunksize=chunksize, **options))
    assert parallel == serial


# --- JSON that is valid but no timeline -----------------------------------------------

_TIMELINE = liveblog.parse(
    "Intro last week\n\nUPDATE 1548 GMT: Talks on Monday\n\nUPDATE 1420 GMT: b",
    date=dt.date(2024, 1, 22),
    source=liveblog.Source("ea", url="https://example.com/live"),
)
_DOCUMENTS = {
    "from_dict": json.loads(json.dumps(_TIMELINE.to_dict())),
    "from_json_feed": json.loads(json.dumps(_TIMELINE.to_json_feed(title="Live"))),
}
_SCALARS = (
    st.none() | st.booleans() | st.integers(-(2**70), 2**70) | st.floats() | st.text(max_size=20)
)
_ODD_VALUES = _SCALARS | st.sampled_from(
    [
        *("9999-12-31T23:59:59-14:00", "0001-01-01T00:00:00+14:00", "10000-01-01T00:00:00Z"),
        *("2024-02-30T00:00:00Z", "UTC+99:00", "posixrules", "", "1e400"),
    ]
)
_JSON = st.recursive(
    _ODD_VALUES,
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3)
    ),
    max_leaves=8,
)


def _places(doc: Any, path: tuple[str | int, ...] = ()) -> Iterator[tuple[str | int, ...]]:
    """The path of every value in a JSON document, the document's own first."""
    yield path
    if isinstance(doc, dict):
        for key, value in doc.items():
            yield from _places(value, (*path, key))
    elif isinstance(doc, list):
        for k, value in enumerate(doc):
            yield from _places(value, (*path, k))


def _replaced(doc: Any, path: tuple[str | int, ...], value: Any, *, drop: bool) -> Any:
    """``doc`` with the value at ``path`` replaced by ``value`` (or a key dropped)."""
    if not path:
        return value
    doc = copy.deepcopy(doc)
    parent = doc
    for step in path[:-1]:
        parent = parent[step]
    if drop and isinstance(parent, dict):
        del parent[path[-1]]
    else:
        parent[path[-1]] = value
    return doc


@st.composite
def _odd_documents(draw: st.DrawFn) -> tuple[str, Any]:
    """A reader's name and a document: a timeline's or feed's with one value replaced
    by odd JSON (or dropped)."""
    reader = draw(st.sampled_from(sorted(_DOCUMENTS)))
    doc = _DOCUMENTS[reader]
    path = draw(st.sampled_from(list(_places(doc))))
    return reader, _replaced(doc, path, draw(_JSON), drop=draw(st.booleans()))


@settings(suppress_health_check=[HealthCheck.too_slow])
@given(_odd_documents())
def test_json_that_is_no_timeline_is_a_feed_error(document: tuple[str, Any]) -> None:
    """Timeline.from_dict and Timeline.from_json_feed of valid JSON that is not what
    they read (any value replaced by odd JSON, or dropped) give a timeline whose
    exports work, or a FeedError."""
    reader, doc = document
    try:
        tl = getattr(liveblog.Timeline, reader)(doc)
    except liveblog.FeedError:
        return
    tl.to_dict()
    tl.to_json_feed()
    tl.to_atom()
    liveblog.merge(tl, _TIMELINE)


# --- the command line ------------------------------------------------------------------

_FEED = {
    "version": "https://jsonfeed.org/version/1.1",
    "title": "t",
    "items": [{"id": "1", "content_text": "x", "date_published": "9999-12-31T23:59:59-14:00"}],
}
_ODD_FILES = {
    "empty": b"",
    "nuls": b"\x00" * 100,
    "nul-in-text": b"UPDATE 1548 GMT: a\x00b\n\nUPDATE 1420 GMT: c",
    "invalid-utf8": b"UPDATE 1548 GMT: \xff\xfe\x81 caf\xc3",
    "mixed-line-ends": b"UPDATE 1548 GMT: a\r\nb\rUPDATE 1420 GMT: c\n\rd",
    "huge-line": b"UPDATE 1548 GMT: " + b"word " * 400_000,
    "bom-only": b"\xef\xbb\xbf",
    "utf16-cut": "UPDATE 1548 GMT: é".encode("utf-16")[:-1],
    "gzip-cut": b"\x1f\x8b\x08\x00garbage",
    "json-object": b"{}",
    "json-list": b"[1, 2]",
    "json-null": b"null",
    "json-wrong-entries": b'{"entries": 5}',
    "json-deep": b"[" * 100_000,
    "feed-items-not-a-list": json.dumps({**_FEED, "items": 5}).encode(),
    "feed-year-9999": json.dumps(_FEED).encode(),
    "feed-year-10000": json.dumps(
        {**_FEED, "items": [{"id": "1", "date_published": "10000-01-01T00:00:00Z"}]}
    ).encode(),
    "year-ends": b"31 December 9999\n\n23:59 GMT+14\nx\n\n1 January 0001 00:00\ny",
    "html-year-9999": b'<script type="application/ld+json">{"@type": "LiveBlogPosting", '
    b'"liveBlogUpdate": [{"datePublished": "9999-12-31T23:59:59-14:00", '
    b'"articleBody": "x"}]}</script><p>x',
}
_COMMANDS = (
    ["parse"],
    ["parse", "--format", "json"],
    ["parse", "--format", "jsonfeed"],
    ["feed"],
    ["feed", "--format", "atom"],
    ["feed", "--format", "jsonld"],
    ["merge"],
    ["merge", "--format", "atom"],
)
_CLI_OPTIONS = (
    ["--date", "0001-01-01"],
    ["--date", "9999-12-31"],
    ["--tz", "UTC+23:59"],
    ["--tz", "UTC-23:59"],
    ["--now", "9999-12-31T23:59:59+00:00"],
    ["--now", "0001-01-01T00:00:00-23:59"],
    ["--strict"],
)


# up to two options, one after the other
_CLI_OPTION_LISTS = st.lists(st.sampled_from(_CLI_OPTIONS), max_size=2).map(
    lambda opts: [word for opt in opts for word in opt]
)


def _run(argv: list[str]) -> tuple[int, str]:
    """``main(argv)`` in this process: its exit status and what it wrote on stderr."""
    err = io.StringIO()
    with contextlib.redirect_stderr(err), contextlib.redirect_stdout(io.StringIO()):
        code = main(argv)
    return code, err.getvalue()


def _assert_clear(code: int, err: str) -> None:
    """Success, or bad input told in lines of ``name: error: ...``: no internal error,
    no traceback."""
    assert code in {0, 2}, err
    assert "Traceback" not in err
    assert "internal error" not in err
    if code == 2:
        assert ": error: " in err


def _check_cli(command: list[str], files: list[tuple[str, bytes]], options: list[str]) -> None:
    with tempfile.TemporaryDirectory() as folder:
        paths = []
        for k, (name, data) in enumerate(files):
            path = Path(folder, f"{k}-{name}")
            path.write_bytes(data)
            paths.append(str(path))
        if command[0] == "feed":
            paths = paths[:1]
        _assert_clear(*_run([*command, *paths, *options]))


_CLI_FILES = st.lists(
    st.tuples(
        st.sampled_from(["blog.txt", "blog.json", "page.html", "noext"]),
        st.sampled_from(sorted(_ODD_FILES.values())) | _TEXTS.map(str.encode) | st.binary(),
    ),
    min_size=1,
    max_size=2,
)


@settings(max_examples=20, deadline=None)
@given(
    st.sampled_from(_COMMANDS),
    _CLI_FILES,
    _CLI_OPTION_LISTS,
)
def test_odd_files_on_the_command_line_are_clear(
    command: list[str], files: list[tuple[str, bytes]], options: list[str]
) -> None:
    """Every command, given odd files (named .txt, .json, .html or nothing) and dates
    and zones at the ends, succeeds or reports bad input (exit status 2) in one line per
    problem: never an internal error or a traceback."""
    _check_cli(command, files, options)


@pytest.mark.fuzz
@settings(max_examples=2_000, deadline=None)
@given(
    st.sampled_from(_COMMANDS),
    _CLI_FILES,
    _CLI_OPTION_LISTS,
)
def test_odd_files_on_the_command_line_fuzz(
    command: list[str], files: list[tuple[str, bytes]], options: list[str]
) -> None:
    """The long run of the sweep above (LIVEBLOG_FUZZ=1)."""
    _check_cli(command, files, options)


@pytest.mark.parametrize("command", [c[0] for c in _COMMANDS[::3]])
@pytest.mark.parametrize("name", sorted(_ODD_FILES))
def test_each_odd_file_is_read_or_bad_input(name: str, command: str, tmp_path: Path) -> None:
    """Each odd file alone, for each command: a result or bad input, never a traceback."""
    path = tmp_path / (f"{name}.json" if name.startswith(("json", "feed")) else f"{name}.txt")
    path.write_bytes(_ODD_FILES[name])
    _assert_clear(*_run([command, str(path), "--date", "2024-01-22"]))


def _odd_paths(folder: Path) -> dict[str, tuple[str, str]]:
    """Paths that are no readable file, and the error each is reported with."""
    (folder / "blog.txt").write_text("UPDATE 1548 GMT: x")
    (folder / "dir.txt").mkdir()
    (folder / "broken.txt").symlink_to(folder / "nowhere")
    listener = socket.socket(socket.AF_UNIX)
    listener.bind(str(folder / "sock.txt"))
    listener.close()
    return {
        "missing": (str(folder / "missing.txt"), "No such file or directory"),
        "broken-link": (str(folder / "broken.txt"), "No such file or directory"),
        "through-a-file": (str(folder / "blog.txt" / "x"), "Not a directory"),
        "socket": (str(folder / "sock.txt"), "No such device or address"),
    }


@pytest.mark.skipif(not hasattr(socket, "AF_UNIX"), reason="needs Unix sockets")
@pytest.mark.parametrize("command", ["parse", "feed", "merge"])
def test_paths_that_are_no_file_are_bad_input(command: str, tmp_path: Path) -> None:
    """A missing file, a broken link, a path through a file and a socket are bad input
    named in one line (``name: error: reason``), through ``python -m liveblog``."""
    for path, reason in _odd_paths(tmp_path).values():
        done = subprocess.run(
            [sys.executable, "-m", "liveblog", command, path],
            capture_output=True,
            text=True,
            check=False,
            stdin=subprocess.DEVNULL,
            env={**os.environ, "PYTHONPATH": str(Path(__file__).parent.parent)},
        )
        assert (done.returncode, done.stderr) == (2, f"{path}: error: {reason}\n")


@pytest.mark.parametrize("command", ["parse", "merge"])
def test_a_folder_of_odd_files_is_read_file_by_file(command: str, tmp_path: Path) -> None:
    """A folder of odd files and paths: each is read or reported, and the run ends
    with exit status 2, never a traceback."""
    for name, data in _ODD_FILES.items():
        (tmp_path / f"{name}.txt").write_bytes(data)
    _odd_paths(tmp_path)
    code, err = _run([command, str(tmp_path), "-q"])
    _assert_clear(code, err)
    assert code == 2
    assert f"{tmp_path / 'broken.txt'}: error: No such file or directory" in err


@pytest.mark.skipif(
    not hasattr(os, "geteuid") or os.geteuid() == 0, reason="needs a file it cannot read"
)
def test_unreadable_file_is_bad_input(tmp_path: Path) -> None:
    """A file that cannot be read is bad input, named with its reason."""
    locked = tmp_path / "locked.txt"
    locked.write_text("UPDATE 1548 GMT: x")
    locked.chmod(0)
    try:
        assert _run(["parse", str(locked)]) == (2, f"{locked}: error: Permission denied\n")
    finally:
        locked.chmod(0o600)


@pytest.mark.skipif(not Path("/proc/self/mem").exists(), reason="needs Linux's /proc")
@pytest.mark.parametrize(
    "argv",
    [
        ["parse", "/proc/self/mem"],
        ["feed", "/proc/self/mem"],
        ["merge", "/proc/self/mem"],
        ["feed", "-", "--previous", "/proc/self/mem"],
    ],
)
def test_a_file_that_fails_to_read_is_bad_input(argv: list[str]) -> None:
    """A file that opens but cannot be read (reading /proc/self/mem at its start fails,
    even for root, for whom no permission stops a read) is bad input named with its
    reason."""
    done = subprocess.run(
        [sys.executable, "-m", "liveblog", *argv, "-q"],
        capture_output=True,
        text=True,
        check=False,
        input="UPDATE 1548 GMT: x",
        env={**os.environ, "PYTHONPATH": str(Path(__file__).parent.parent)},
    )
    assert (done.returncode, done.stderr) == (2, "/proc/self/mem: error: Input/output error\n")

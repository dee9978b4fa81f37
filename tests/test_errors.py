"""Tests of the exception tree: positions, messages and pickling."""

from __future__ import annotations

import pickle

import pytest
from hypothesis import given
from hypothesis import strategies as st

import liveblog
from liveblog.errors import LineIndex, line_col


@pytest.mark.parametrize(
    "cls",
    [
        liveblog.ParseError,
        liveblog.MarkerError,
        liveblog.ZoneError,
        liveblog.NoMarkersError,
        liveblog.OrderError,
    ],
)
def test_parse_errors_carry_position_and_pickle(cls: type[liveblog.ParseError]) -> None:
    """lineno/colno point at the snippet, and the error survives a pickle round trip."""
    text = "first line\n  UPDATE 2561 GMT: x"
    err = cls.at("invalid clock time '2561'", text, 13, 28)
    assert (err.lineno, err.colno, err.snippet) == (2, 3, "UPDATE 2561 GMT")
    assert str(err) == "invalid clock time '2561': line 2, column 3"
    back = pickle.loads(pickle.dumps(err))
    assert type(back) is cls
    assert (back.msg, back.lineno, back.colno, back.snippet, back.start, back.end) == (
        err.msg,
        2,
        3,
        "UPDATE 2561 GMT",
        13,
        28,
    )
    assert isinstance(err, liveblog.LiveblogError)
    assert isinstance(err, ValueError)


def test_long_snippets_are_shortened() -> None:
    """Snippets longer than 80 characters end with an ellipsis."""
    err = liveblog.ParseError.at("x", "a" * 200, 0, 200)
    assert len(err.snippet) == 80
    assert err.snippet.endswith("…")


def test_decode_and_feed_errors_pickle() -> None:
    """DecodeError names the byte offset; FeedError the path; both pickle."""
    decode = liveblog.DecodeError("invalid utf-8", offset=7)
    assert str(decode) == "invalid utf-8: byte offset 7"
    assert pickle.loads(pickle.dumps(decode)).offset == 7
    feed = liveblog.FeedError("missing id", path="/items/3")
    assert str(feed) == "missing id at /items/3"
    assert pickle.loads(pickle.dumps(feed)).path == "/items/3"


@pytest.mark.parametrize(
    ("text", "offset", "expected"),
    [("abc", 0, (1, 1)), ("a\nb", 2, (2, 1)), ("a\r\nb", 3, (2, 1)), ("a\rb\rc", 4, (3, 1))],
)
def test_line_col_counts_every_line_end(text: str, offset: int, expected: tuple[int, int]) -> None:
    """LF, CRLF and lone CR all end a line."""
    assert line_col(text, offset) == expected
    assert LineIndex(text).line_col(offset) == expected


@given(st.text("ab\r\n", max_size=30), st.integers(0, 30))
def test_line_col_walks_the_line_ends_before_the_offset(text: str, offset: int) -> None:
    """The line and column of ``offset`` are those a walk over the characters before it
    counts (an LF, or a CR not followed by an LF, ends a line)."""
    offset = min(offset, len(text))
    line, start = 1, 0
    for i, char in enumerate(text[:offset]):
        if char == "\n" or (char == "\r" and text[i + 1 : i + 2] != "\n"):
            line, start = line + 1, i + 1
    assert LineIndex(text).line_col(offset) == (line, offset - start + 1)

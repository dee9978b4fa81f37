"""The fast paths of ``liveblog.markers.choice`` agree with the slow forms they replace."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

import liveblog
from liveblog.markers.choice import one_break
from liveblog.markers.dialect import line_start

# line breaks of every kind, blanks and letters, with the range drawn inside the text
_BREAKY = st.lists(st.sampled_from(["a", " ", "\n", "\r", "\r\n", "\n\n", "é"]), max_size=40)


def _counted_breaks(text: str, start: int, end: int) -> int:
    """Line breaks in ``text[start:end]`` as the choice counted them (CRLF once)."""
    piece = text[start:end]
    return piece.count("\n") + piece.count("\r") - piece.count("\r\n")


@given(_BREAKY.map("".join), st.data())
def test_one_break_is_one_counted_break(text: str, data: st.DataObject) -> None:
    """``one_break`` says True exactly where the line breaks counted in the range (CRLF,
    CR and LF each one) are one."""
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    assert one_break(text, start, end) == (_counted_breaks(text, start, end) == 1)


def test_one_break_on_known_ranges() -> None:
    """A marker's line end then the next marker's line, LF or CRLF, is one break; a blank
    line between, or a CR-only pair, is two."""
    assert one_break("14:32 x\n14:40 y", 7, 8)
    assert one_break("14:32 x\r\n14:40 y", 7, 9)
    assert not one_break("14:32 x\n\n14:40 y", 7, 9)
    assert not one_break("14:32 x\r\r14:40 y", 7, 9)
    assert not one_break("14:32 x 14:40 y", 7, 8)


@given(_BREAKY.map("".join), st.data())
def test_line_start_is_the_last_break_before(text: str, data: st.DataObject) -> None:
    """``line_start`` is just after the last CR or LF before the position (0 without
    one), so a position at the text's start or right after a break is its own line's
    start, which ``_keyword_above``, ``_opens_line`` and ``_line_before`` read without
    calling it."""
    position = data.draw(st.integers(0, len(text)))
    walked = max(text.rfind("\n", 0, position), text.rfind("\r", 0, position)) + 1
    assert line_start(text, position) == walked
    if position == 0 or text[position - 1] in "\r\n":
        assert line_start(text, position) == position


def test_a_marker_line_above_a_time_is_no_headline() -> None:
    """A time's line right above another time is a marker, not that post's headline: it
    does not count toward the headlines-above layout (two of four is too few here), so
    the lines above the other times stay in the posts before them."""
    text = (
        "14:40\n14:30\nThe vote is close.\n\nTurnout rises\n14:20\nQueues at noon.\n\n"
        "Polls open\n14:10\nDoors open early.\n"
    )
    entries = {str(e.marker): e for e in liveblog.parse(text).entries}
    assert set(entries) == {"14:40", "14:30", "14:20", "14:10"}
    assert entries["14:30"].headline == "The vote is close."
    assert entries["14:20"].headline == "Queues at noon."
    assert str(entries["14:10"].body) == "Doors open early."

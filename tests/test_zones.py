"""Page-wide zone statements: the fast finder gives exactly the pattern's own matches."""

from __future__ import annotations

from collections.abc import Iterable

import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from liveblog.markers.zones import _PAGE_ZONE, _page_zone_statements, find_page_zone

_PIECES = st.sampled_from(
    [
        " ",
        "  ",
        "\n",
        "\r\n",
        "\t",
        "\u00a0",
        "\u3000",
        "(",
        ")",
        ".",
        ":",
        ";",
        "!",
        "?",
        "[",
        "all",
        "All ",
        "ALL",
        "ball",
        "time",
        "Times",
        "TIMES",
        "timestamps",
        "time stamps",
        "sometimes",
        " are ",
        " is ",
        " in ",
        " refer to ",
        "GMT",
        "GMT+2",
        "(GMT+1)",
        "Paris time",
        "UK",
        "local",
        "local time",
        "Kyiv",
        "x",
        "İ",
        "ß",
        "words and more words",
    ]
)


def _spans(matches: Iterable[regex.Match[str]]) -> list[tuple[tuple[int, int], tuple[int, int]]]:
    return [(m.span(), m.span("phrase")) for m in matches]


@settings(max_examples=500)
@given(st.lists(_PIECES, max_size=30).map("".join))
def test_fast_statements_are_the_patterns_matches(text: str) -> None:
    assert _spans(_page_zone_statements(text)) == _spans(_PAGE_ZONE().finditer(text))


def test_statements_in_prose() -> None:
    text = "Sometimes it rains.\nAll times are Paris time (GMT+1). At the time, times in UK."
    assert _spans(_page_zone_statements(text)) == _spans(_PAGE_ZONE().finditer(text))
    assert find_page_zone(text)[0] == "Europe/Paris"

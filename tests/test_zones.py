"""Page-wide zone statements: the fast finder gives exactly the pattern's own matches."""

from __future__ import annotations

from collections.abc import Iterable

import pytest
import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from liveblog.markers.zones import (
    _PAGE_ZONE,
    _ascii_lowered,
    _page_zone_statements,
    find_page_zone,
)

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
        "\u212a",  # the Kelvin sign, lowered to an ASCII k
        "’",
        "é",
        "TİME",
        "words and more words",
        "Alle ",
        "alle",
        "Zeiten",
        "zeitangaben",
        "Uhrzeiten",
        "Uhr",
        "e",
        " sind ",
        "MEZ",
        "(MESZ)",
        "Toutes les ",
        "heures",
        "Heure",
        " de Paris",
        "en heure de ",
    ]
)


def _spans(matches: Iterable[regex.Match[str]]) -> list[tuple[tuple[int, int], tuple[int, int]]]:
    return [(m.span(), m.span("phrase")) for m in matches]


@settings(max_examples=500)
@given(st.lists(_PIECES, max_size=30).map("".join))
def test_fast_statements_are_the_patterns_matches(text: str) -> None:
    assert _spans(_page_zone_statements(text)) == _spans(_PAGE_ZONE().finditer(text))


@given(st.text().filter(lambda t: "\u0130" not in t))
def test_ascii_lowered_keeps_the_lowered_texts_ascii_letters(text: str) -> None:
    """Where ``text.lower()`` has an ASCII letter (but for the Kelvin sign's k, which no
    "time" word holds), ``_ascii_lowered`` has it at the same place, and ``?`` for every
    other non-ASCII character."""
    low, fast = text.lower(), _ascii_lowered(text)
    assert len(low) == len(fast) == len(text)
    for c, lowered, byte in zip(text, low, fast, strict=True):
        expected = lowered if c.isascii() else "?"
        assert chr(byte) == expected


def test_only_two_characters_lower_to_ascii_letters() -> None:
    """The premise of ``_ascii_lowered``: of the characters beyond ASCII only U+0130 (which
    lengthens, and sends the search to the pattern's own scan) and the Kelvin sign lower
    to a string holding an ASCII character."""
    found = [
        c
        for c in map(chr, range(0x80, 0x110000))
        if not 0xD800 <= ord(c) <= 0xDFFF and any(x.isascii() for x in c.lower())
    ]
    assert found == ["\u0130", "\u212a"]


def test_statements_in_prose() -> None:
    text = "Sometimes it rains.\nAll times are Paris time (GMT+1). At the time, times in UK."
    assert _spans(_page_zone_statements(text)) == _spans(_PAGE_ZONE().finditer(text))
    assert find_page_zone(text)[0] == "Europe/Paris"


@pytest.mark.parametrize(
    ("statement", "key"),
    [
        ("All times BST", "Europe/London"),
        ("(All times GMT)", "UTC"),
        ("All times are CET.", "Europe/Paris"),
        ("Alle Zeiten MEZ.", "Europe/Berlin"),
        ("Alle Zeitangaben in MEZ", "Europe/Berlin"),
        ("(Alle Zeiten in MESZ)", "Europe/Berlin"),
        ("Alle Uhrzeiten MESZ", "Europe/Berlin"),
        ("Zeitangaben sind in MEZ.", "Europe/Berlin"),
        ("Alle Zeiten OESZ", "Europe/Kyiv"),
        ("Toutes les heures sont données en heure de Paris.", "Europe/Paris"),
        ("Les heures sont indiquées en heure de Paris.", "Europe/Paris"),
        ("(heure de Paris)", "Europe/Paris"),
        ("Les heures sont indiquées à l'heure de Paris.", "Europe/Paris"),
        ("Toutes les heures sont à l’heure de Paris.", "Europe/Paris"),
        ("Les horaires sont indiqués à l'heure de Paris.", "Europe/Paris"),
        ("(Horaires en heure de Paris)", "Europe/Paris"),
        ("Les horaires de la SNCF sont perturbés.", None),
        ("À l'heure où nous écrivons, rien.", None),
        ("Zeitenwende in der Politik", None),
        ("Die Zeiten sind hart.", None),
    ],
)
def test_page_zone_statements_in_english_german_french(statement: str, key: str | None) -> None:
    """A page's zone statement in English ("All times BST"), German ("Alle Zeiten MEZ",
    "Alle Zeitangaben in MESZ") or French ("Toutes les heures sont données en heure de
    Paris") names the zone of its bare times."""
    text = f"Live\n{statement}\n\n14:32 Text\n"
    assert find_page_zone(text)[0] == key
    assert _spans(_page_zone_statements(text)) == _spans(_PAGE_ZONE().finditer(text))

"""Table-driven tests of the built-in dialects: what each marker shape reads as."""

# ruff: noqa: E501  (the table keeps one marker shape per line, however long)

from __future__ import annotations

import ast
import datetime as dt
import pathlib
import re
from collections.abc import Iterator
from zoneinfo import ZoneInfo

import attrs
import pytest
import regex
from hypothesis import example, given, settings
from hypothesis import strategies as st

import liveblog
from liveblog.markers import dialect as dialect_module
from liveblog.markers.builtin import (
    _FOREIGN_OPENING,
    _LINE_OPENING_BLANKS,
    AUTHOR_TIME,
    BYLINE_AFTER,
    CLOCK_INLINE,
    CLOCK_LINE,
    CLOCK_RUN,
    CLOCK_RUN_NEEDLE,
    CLOCK_SPACE,
    DAY_HEADER,
    DEFAULT_DIALECTS,
    FOREIGN_DATED,
    MATCH_LABEL,
    RELATIVE_AGE,
    UPDATE,
    UPDATED_AT,
    WEEKDAY_ONLY,
)
from liveblog.markers.choice import POST_LABELS, choose_markers
from liveblog.markers.dialect import (
    _READ_GROUPS,
    LineScan,
    Marker,
    PatternDialect,
    _head_pattern,
    _head_twin,
    _read_zone,
    _reader,
    _tail_pattern,
    _tail_twin,
    names_nobody,
    needle_found,
    needle_pattern,
    read_match,
)
from liveblog.markers.lines import all_lines
from liveblog.markers.twin import ascii_twin, group_copies
from liveblog.markers.zones import ZONE_ABBREVIATIONS, lookup_zone
from liveblog.model import unchecked_span
from tests.helpers import assert_keeps_words, assert_tiles
from tests.strategies import MONTH_NAMES, marker_noise

DAY = dt.date(2024, 1, 22)

# (marker line, dialect, marker text, clock, date or (month, day), zone key)
SHAPES = [
    ("UPDATE 1548 GMT:", "update", "UPDATE 1548 GMT", dt.time(15, 48), None, "UTC"),
    ("Update, 15:48 GMT", "update", "Update, 15:48 GMT", dt.time(15, 48), None, "UTC"),
    ("Correction 1502 GMT: text", "update", "Correction 1502 GMT", dt.time(15, 2), None, "UTC"),
    ("CORRECTION, 4.15pm: text", "update", "CORRECTION, 4.15pm", dt.time(16, 15), None, None),
    ("UPDATE 2105 GMT / 0005 TRT: x", "update", "UPDATE 2105 GMT / 0005 TRT", dt.time(21, 5), None, "UTC"),
    ("Updated at 14.32 GMT", "updated-at", "Updated at 14.32 GMT", dt.time(14, 32), None, "UTC"),
    ("Posted at 14:32", "updated-at", "Posted at 14:32", dt.time(14, 32), None, None),
    ("14:32", "clock-line", "14:32", dt.time(14, 32), None, None),
    ("14.32", "clock-line", "14.32", dt.time(14, 32), None, None),
    ("14:32:05", "clock-line", "14:32:05", dt.time(14, 32, 5), None, None),
    ("14:32 BST", "clock-line", "14:32 BST", dt.time(14, 32), None, "Europe/London"),
    ("9:45am: Talks", "clock-inline", "9:45am", dt.time(9, 45), None, None),
    ("9.45am", "clock-line", "9.45am", dt.time(9, 45), None, None),
    ("10:15 p.m. ET", "clock-line", "10:15 p.m. ET", dt.time(22, 15), None, "America/New_York"),
    ("10am EST", "clock-line", "10am EST", dt.time(10), None, "America/New_York"),
    ("Noon ET", "clock-line", "Noon ET", dt.time(12), None, "America/New_York"),
    ("midnight", "clock-line", "midnight", dt.time(0), None, None),
    ("9 a.m.", "clock-line", "9 a.m.", dt.time(9), None, None),
    ("22:15 – 10 Mar 2022", "clock-line", "22:15 – 10 Mar 2022", dt.time(22, 15), dt.date(2022, 3, 10), None),
    ("16:28 12.9.2024", "clock-line", "16:28 12.9.2024", dt.time(16, 28), dt.date(2024, 9, 12), None),
    ("Jan 16, 2024, 8:31 a.m. ET", "clock-line", "Jan 16, 2024, 8:31 a.m. ET", dt.time(8, 31), dt.date(2024, 1, 16), "America/New_York"),
    ("16 Jan 2024 - 08:31 GMT", "clock-line", "16 Jan 2024 - 08:31 GMT", dt.time(8, 31), dt.date(2024, 1, 16), "UTC"),
    ("2024-01-16 6.46pm GMT", "clock-line", "2024-01-16 6.46pm GMT", dt.time(18, 46), dt.date(2024, 1, 16), "UTC"),
    ("Monday 22 January 2024 15.48 GMT", "clock-line", "Monday 22 January 2024 15.48 GMT", dt.time(15, 48), dt.date(2024, 1, 22), "UTC"),
    ("2024-01-22T15:48:00Z", "clock-line", "2024-01-22T15:48:00Z", dt.time(15, 48), dt.date(2024, 1, 22), "UTC"),
    ("2024-01-22 14:32:05+01:00", "clock-line", "2024-01-22 14:32:05+01:00", dt.time(14, 32, 5), dt.date(2024, 1, 22), "UTC+01:00"),
    ("2024-01-22 14:32:05 -0500: Deploy", "clock-inline", "2024-01-22 14:32:05 -0500", dt.time(14, 32, 5), dt.date(2024, 1, 22), "UTC-05:00"),
    ("2024-01-22 14:32Z", "clock-line", "2024-01-22 14:32Z", dt.time(14, 32), dt.date(2024, 1, 22), "UTC"),
    ("14時32分", "clock-line", "14時32分", dt.time(14, 32), None, None),
    ("kl. 14.32", "clock-line", "kl. 14.32", dt.time(14, 32), None, None),
    ("Kl. 14.32: Regeringen avgår", "clock-inline", "Kl. 14.32", dt.time(14, 32), None, None),
    ("klockan 14.32", "clock-line", "klockan 14.32", dt.time(14, 32), None, None),
    ("klo 9.05", "clock-line", "klo 9.05", dt.time(9, 5), None, None),
    ("godz. 14:32", "clock-line", "godz. 14:32", dt.time(14, 32), None, None),
    ("Godz. 14:32 - Premier", "clock-inline", "Godz. 14:32", dt.time(14, 32), None, None),
    ("22.01.2024 kl. 14.32", "clock-line", "22.01.2024 kl. 14.32", dt.time(14, 32), dt.date(2024, 1, 22), None),
    ("9时5分", "clock-line", "9时5分", dt.time(9, 5), None, None),
    ("14시 32분", "clock-line", "14시 32분", dt.time(14, 32), None, None),
    ("午後2時32分", "clock-line", "午後2時32分", dt.time(14, 32), None, None),
    ("午前9時5分", "clock-line", "午前9時5分", dt.time(9, 5), None, None),
    ("午後0時", "clock-line", "午後0時", dt.time(12), None, None),
    ("午前12時30分", "clock-line", "午前12時30分", dt.time(0, 30), None, None),
    ("下午2时32分", "clock-line", "下午2时32分", dt.time(14, 32), None, None),
    ("上午9点", "clock-line", "上午9点", dt.time(9), None, None),
    ("14点32分", "clock-line", "14点32分", dt.time(14, 32), None, None),
    ("오후 2시 32분", "clock-line", "오후 2시 32분", dt.time(14, 32), None, None),
    ("2024年1月22日 14時32分", "clock-line", "2024年1月22日 14時32分", dt.time(14, 32), dt.date(2024, 1, 22), None),
    ("2024年1月22日(月) 午後2時32分", "clock-line", "2024年1月22日(月) 午後2時32分", dt.time(14, 32), dt.date(2024, 1, 22), None),
    ("2024년 1월 22일 오후 2시 32분", "clock-line", "2024년 1월 22일 오후 2시 32분", dt.time(14, 32), dt.date(2024, 1, 22), None),
    ("2024年1月22日 月曜日", "day-header", "2024年1月22日 月曜日", None, dt.date(2024, 1, 22), None),
    ("2024년 1월 22일", "day-header", "2024년 1월 22일", None, dt.date(2024, 1, 22), None),
    ("poniedziałek, 22 stycznia 2024", "day-header", "poniedziałek, 22 stycznia 2024", None, dt.date(2024, 1, 22), None),
    ("Środa, 30 października 2024 r.", "day-header", "Środa, 30 października 2024 r.", None, dt.date(2024, 10, 30), None),
    ("9:42am EST, 5:42pm EAT", "clock-line", "9:42am EST, 5:42pm EAT", dt.time(9, 42), None, "America/New_York"),
    ("6/4/2021 7:19 pm", "clock-line", "6/4/2021 7:19 pm", dt.time(19, 19), dt.date(2021, 6, 4), None),
    ("24/02/2021 23:55", "clock-line", "24/02/2021 23:55", dt.time(23, 55), dt.date(2021, 2, 24), None),
    ("07:55 12 June", "clock-line", "07:55 12 June", dt.time(7, 55), (6, 12), None),
    ("04:17 (UTC+03:00)", "clock-line", "04:17 (UTC+03:00)", dt.time(4, 17), None, "UTC+03:00"),
    ("17:05 GMT: The ministry said", "clock-inline", "17:05 GMT", dt.time(17, 5), None, "UTC"),
    ("0415 GMT: text", "clock-inline", "0415 GMT", dt.time(4, 15), None, "UTC"),
    ("0415?GMT: text", "clock-inline", "0415?GMT", dt.time(4, 15), None, "UTC"),
    ("UPDATE 1548?GMT: text", "update", "UPDATE 1548?GMT", dt.time(15, 48), None, "UTC"),
    ("1548 GMT / 1848 EAT: text", "clock-inline", "1548 GMT / 1848 EAT", dt.time(15, 48), None, "UTC"),
    ("14h35 : text", "clock-inline", "14h35", dt.time(14, 35), None, None),
    ("14.32 Uhr: Pegel steigt", "clock-inline", "14.32 Uhr", dt.time(14, 32), None, None),
    ("1432hrs: Police attend", "clock-inline", "1432hrs", dt.time(14, 32), None, None),
    ("1432 hrs: Police attend", "clock-inline", "1432 hrs", dt.time(14, 32), None, None),
    ("0905 HRS - Road closed", "clock-inline", "0905 HRS", dt.time(9, 5), None, None),
    ("14:32hrs", "clock-line", "14:32hrs", dt.time(14, 32), None, None),
    ("14:32 hours: Police attend", "clock-inline", "14:32 hours", dt.time(14, 32), None, None),
    ("2215 hours", "clock-line", "2215 hours", dt.time(22, 15), None, None),
    ("UPDATE 1432hrs: Police attend", "update", "UPDATE 1432hrs", dt.time(14, 32), None, None),
    ("Mise à jour 18:22 : Les pompiers", "update", "Mise à jour 18:22", dt.time(18, 22), None, None),
    ("MISE À JOUR, 18h22 : Les pompiers", "update", "MISE À JOUR, 18h22", dt.time(18, 22), None, None),
    ("Mise a jour 18h22 - Les pompiers", "update", "Mise a jour 18h22", dt.time(18, 22), None, None),
    ("Mise à jour de 18h22 : Les pompiers", "update", "Mise à jour de 18h22", dt.time(18, 22), None, None),
    ("Mise à jour à 18h22 : Les pompiers", "update", "Mise à jour à 18h22", dt.time(18, 22), None, None),
    ("MAJ 18h22 : Les pompiers", "update", "MAJ 18h22", dt.time(18, 22), None, None),
    ("MAJ à 18h22 : Les pompiers", "update", "MAJ à 18h22", dt.time(18, 22), None, None),
    ("Aktualisierung, 18.22 Uhr: Pegel", "update", "Aktualisierung, 18.22 Uhr", dt.time(18, 22), None, None),
    ("Update vom 22. Januar, 18.22 Uhr: Pegel", "update", "Update vom 22. Januar, 18.22 Uhr", dt.time(18, 22), (1, 22), None),
    ("Update vom 22. Januar 2024, 18.22 Uhr: Pegel", "update", "Update vom 22. Januar 2024, 18.22 Uhr", dt.time(18, 22), dt.date(2024, 1, 22), None),
    ("Actualización 18:22", "update", "Actualización 18:22", dt.time(18, 22), None, None),
    ("ACTUALIZACIÓN, 18.22 h: Renfe", "update", "ACTUALIZACIÓN, 18.22 h", dt.time(18, 22), None, None),
    ("Actualización de las 18:22: Renfe", "update", "Actualización de las 18:22", dt.time(18, 22), None, None),
    ("Aggiornamento ore 18.22 - La Protezione", "update", "Aggiornamento ore 18.22", dt.time(18, 22), None, None),
    ("Aggiornamento delle 18:22: La Protezione", "update", "Aggiornamento delle 18:22", dt.time(18, 22), None, None),
    ("Atualização às 18h22", "update", "Atualização às 18h22", dt.time(18, 22), None, None),
    ("Atualizacao as 18h22: A Defesa", "update", "Atualizacao as 18h22", dt.time(18, 22), None, None),
    ("Update 18.22 uur: Het KNMI", "update", "Update 18.22 uur", dt.time(18, 22), None, None),
    ("22.41 uur", "clock-line", "22.41 uur", dt.time(22, 41), None, None),
    ("14:32:05.123", "clock-line", "14:32:05.123", dt.time(14, 32, 5), None, None),
    ("14:32:05.123456 GMT: text", "clock-inline", "14:32:05.123456 GMT", dt.time(14, 32, 5), None, "UTC"),
    ("20:10 A 90mph gust", "clock-space", "20:10", dt.time(20, 10), None, None),
    ("22:05 I can confirm", "clock-space", "22:05", dt.time(22, 5), None, None),
    ("Published 18:35", "updated-at", "Published 18:35", dt.time(18, 35), None, None),
    ("Actualizado a las 21:40", "updated-at", "Actualizado a las 21:40", dt.time(21, 40), None, None),
    ("Atualizado às 21h40", "updated-at", "Atualizado às 21h40", dt.time(21, 40), None, None),
    ("Aggiornato alle 18.22: text", "updated-at", "Aggiornato alle 18.22", dt.time(18, 22), None, None),
    ("Ore 23.40", "updated-at", "Ore 23.40", dt.time(23, 40), None, None),
    ("9:05 Uhr - Start", "clock-inline", "9:05 Uhr", dt.time(9, 5), None, None),
    ("18.05 Uhr", "clock-line", "18.05 Uhr", dt.time(18, 5), None, None),
    ("(11:26 GMT)Police said", "clock-inline", "11:26 GMT", dt.time(11, 26), None, "UTC"),
    ("11:30. Carol wins", "clock-inline", "11:30", dt.time(11, 30), None, None),
    ("[14:32] Police said", "clock-inline", "14:32", dt.time(14, 32), None, None),
    ("[ 14:32 GMT ]: text", "clock-inline", "14:32 GMT", dt.time(14, 32), None, "UTC"),
    ("[9.45am] text", "clock-inline", "9.45am", dt.time(9, 45), None, None),
    ("12:00 noon EDT: text", "clock-inline", "12:00 noon EDT", dt.time(12), None, "America/New_York"),
    ("Saturday 4.15pm: text", "clock-inline", "Saturday 4.15pm", dt.time(16, 15), None, None),
    ("21:00 Polls close.", "clock-space", "21:00", dt.time(21), None, None),
    ("18:29 GOAL: Stones equalises", "clock-space", "18:29", dt.time(18, 29), None, None),
    ("17:23 HT: City 1-2 Arsenal", "clock-space", "17:23", dt.time(17, 23), None, None),
    ("21:58 GOAL! Vinicius scores", "clock-space", "21:58", dt.time(21, 58), None, None),
    ("22:05 FULL TIME: Madrid win", "clock-space", "22:05", dt.time(22, 5), None, None),
    ("16:30 KICK-OFF: Under way", "clock-space", "16:30", dt.time(16, 30), None, None),
    ("12:58 UN: aid trucks held", "clock-space", "12:58", dt.time(12, 58), None, None),
    ("14:05 IDF says it struck", "clock-space", "14:05", dt.time(14, 5), None, None),
    ("14:05 IDF: It struck 40 targets", "clock-space", "14:05", dt.time(14, 5), None, None),
    ("13:41 NATO: Allies meet", "clock-space", "13:41", dt.time(13, 41), None, None),
    ("13:20 UNHCR: Numbers rise", "clock-space", "13:20", dt.time(13, 20), None, None),
    ("14:05 BST: text", "clock-inline", "14:05 BST", dt.time(14, 5), None, "Europe/London"),
    ("14:05 CEST: text", "clock-inline", "14:05 CEST", dt.time(14, 5), None, "Europe/Paris"),
    ("9:45 EDT: text", "clock-inline", "9:45 EDT", dt.time(9, 45), None, "America/New_York"),
    ("+++ 18:22 Headline +++", "ticker", "18:22", dt.time(18, 22), None, None),
    ("+++ 23:41 Uhr: Merz spricht +++", "ticker", "23:41 Uhr", dt.time(23, 41), None, None),
    ("Talks resumepublished at 10:05 British Summer Time 14 May 2022", "published-at",
     "published at 10:05 British Summer Time 14 May 2022", dt.time(10, 5), dt.date(2022, 5, 14), "Europe/London"),
    ("Helen Pidd14 May 2015 18:02", "byline-after", "14 May 2015 18:02", dt.time(18, 2), dt.date(2015, 5, 14), None),
    ("Tuesday, January 23, 2024", "day-header", "Tuesday, January 23, 2024", None, dt.date(2024, 1, 23), None),
    ("22.01.2024", "day-header", "22.01.2024", None, dt.date(2024, 1, 22), None),
    ("Friday 15 May 2015 (Day Three)", "day-header", "Friday 15 May 2015", None, dt.date(2015, 5, 15), None),
    ("Jeudi 10 oct. 2024", "day-header", "Jeudi 10 oct. 2024", None, dt.date(2024, 10, 10), None),
    ("Montag, 8. Jan. 2024", "day-header", "Montag, 8. Jan. 2024", None, dt.date(2024, 1, 8), None),
    ("Freitag, 2. Febr. 2024", "day-header", "Freitag, 2. Febr. 2024", None, dt.date(2024, 2, 2), None),
    ("Mer. 9 oct. 2024", "day-header", "Mer. 9 oct. 2024", None, dt.date(2024, 10, 9), None),
    ("Do., 1. Febr. 2024", "day-header", "Do., 1. Febr. 2024", None, dt.date(2024, 2, 1), None),
    ("9:30 p .m.: text", "clock-inline", "9:30 p .m.", dt.time(21, 30), None, None),
    ("9:30 p. m.: text", "clock-inline", "9:30 p. m.", dt.time(21, 30), None, None),
    ("ORIGINAL ENTRY: x", "opening", "ORIGINAL ENTRY", None, None, None),
    ("Earlier: x", "opening", "Earlier", None, None, None),
    ("ORIGINAL STORY\nx", "opening", "ORIGINAL STORY", None, None, None),
    ("ORIGINAL POST \nx", "opening", "ORIGINAL POST", None, None, None),
]  # fmt: skip


@pytest.mark.parametrize(
    ("line", "dialect", "marker", "clock", "date", "zone"), SHAPES, ids=[s[0] for s in SHAPES]
)
def test_marker_shapes(  # noqa: PLR0917 - one parameter per table column
    line: str,
    dialect: str,
    marker: str,
    clock: dt.time | None,
    date: dt.date | tuple[int, int] | None,
    zone: str | None,
) -> None:
    """Each marker shape is read by its dialect with the right clock, date and zone."""
    (found,) = [m for d in DEFAULT_DIALECTS if d.name == dialect for m in d.scan(line)]
    assert line[slice(*found.span)] == marker
    assert found.clock == clock
    assert (found.day if isinstance(date, dt.date) or date is None else found.month_day) == date
    assert (found.zone.key if found.zone else None) == zone
    assert found.problem is None


def test_french_updates_open_posts() -> None:
    """``Mise à jour 18:22 :`` and ``MISE À JOUR, 18h22 :`` open posts as ``UPDATE 1822:``
    does, through the candidate lines' first words."""
    text = "Direct\n\nMISE À JOUR, 18h50 : Les pompiers arrivent.\n\nMise à jour 18:22 : Alerte."
    tl = liveblog.parse(text, date=dt.date(2024, 1, 22))
    assert [(e.marker, e.body) for e in tl] == [
        ("Mise à jour 18:22", "Alerte."),
        ("MISE À JOUR, 18h50", "Les pompiers arrivent."),
    ]
    assert tl.dialect.names == ("update",)


@pytest.mark.parametrize(
    "markers",
    [
        ("Mise à jour de 18h50", "Mise à jour de 18h22"),
        ("MAJ à 18h50", "MAJ 18h22"),
        ("Aktualisierung, 18.50 Uhr", "Aktualisierung 18:22 Uhr"),
        ("Update vom 22. Januar, 18.50 Uhr", "Update vom 22. Januar, 18.22 Uhr"),
        ("Update vom 22. Januar, 18.50 Uhr", "Erstmeldung vom 22. Januar, 18.22 Uhr"),
    ],
)
def test_french_and_german_update_keywords_open_posts(markers: tuple[str, str]) -> None:
    """French ``Mise à jour de 18h22`` / ``MAJ à 18h22`` and German ``Aktualisierung,
    18.22 Uhr`` / ``Update vom 22. Januar, 18.22 Uhr`` (the first post ``Erstmeldung vom
    ...``) open posts as ``UPDATE 1822:``."""
    newer, older = markers
    text = f"Direct\n\n{newer} : Les pompiers arrivent.\n\n{older} : Alerte."
    tl = liveblog.parse(text, date=dt.date(2024, 1, 22), tz="Europe/Paris")
    assert [(e.marker, e.body) for e in tl] == [
        (older, "Alerte."),
        (newer, "Les pompiers arrivent."),
    ]
    assert [e.published.astimezone(dt.UTC).hour if e.published else None for e in tl] == [17, 17]
    assert tl.dialect.names == ("update",)


@pytest.mark.parametrize(
    ("newer", "older", "tz"),
    [
        ("Actualización 18:50", "Actualización 18:22", "Europe/Madrid"),
        ("Actualización, 18.50 h:", "ACTUALIZACIÓN, 18.22 h:", "Europe/Madrid"),
        ("Aggiornamento ore 18.50 -", "Aggiornamento ore 18.22 -", "Europe/Rome"),
        ("Atualização às 18h50", "Atualização às 18h22", "Europe/Lisbon"),
        ("Update 18.50 uur:", "Update 18.22 uur:", "Europe/Amsterdam"),
    ],
)
def test_spanish_italian_portuguese_and_dutch_updates_open_posts(
    newer: str, older: str, tz: str
) -> None:
    """Spanish ``Actualización 18:22`` (``18.22 h``), Italian ``Aggiornamento ore
    18.22``, Portuguese ``Atualização às 18h22`` and Dutch ``Update 18.22 uur`` open
    posts as ``UPDATE 1822:`` does, alone on their lines or with the text after them;
    ``h`` and ``uur`` belong to the marker, not to the text."""
    text = f"Directo\n\n{newer}\nLos bomberos llegan.\n\n{older} Alerta roja."
    tl = liveblog.parse(text, date=dt.date(2024, 1, 22), tz=tz)
    assert [(e.marker, e.body) for e in tl] == [
        (older.rstrip(" :-"), "Alerta roja."),
        (newer.rstrip(" :-"), "Los bomberos llegan."),
    ]
    wall = [e.published.astimezone(ZoneInfo(tz)).strftime("%H:%M") for e in tl if e.published]
    assert wall == ["18:22", "18:50"]
    assert tl.dialect.names == ("update",)


def test_a_clock_with_milliseconds_opens_its_post() -> None:
    """A machine export's stamps with seconds and milliseconds (``14:32:05.123``) alone
    on their lines open posts at the second; in square brackets they stay a timecode."""
    stamps = ("14:32:05.123", "14:35:41.870", "14:49:12.004")
    text = "Incident\n" + "".join(f"\n{s}\nStep {k}.\n" for k, s in enumerate(stamps))
    tl = liveblog.parse(text, date=DAY, tz="UTC")
    assert [(e.marker, e.body, e.published) for e in tl] == [
        (s, f"Step {k}.", dt.datetime.combine(DAY, dt.time.fromisoformat(s[:8]), dt.UTC))
        for k, s in enumerate(stamps)
    ]
    bracketed = "Incident\n" + "".join(f"\n[{s}] Step {k}." for k, s in enumerate(stamps))
    assert len(liveblog.parse(bracketed, date=DAY, tz="UTC")) == 1


@pytest.mark.parametrize(
    ("line", "clock"),
    [
        ("14:32 \u00b7 22 Jan 2024", dt.time(14, 32)),
        ("22 Jan 2024 \u00b7 14:32", dt.time(14, 32)),
        ("Jan 22, 2024 \u2022 2:32 PM EST", dt.time(14, 32)),
        ("Monday 22 January 2024\u00b79.05am", dt.time(9, 5)),
    ],
)
def test_a_middle_dot_between_a_date_and_a_time(line: str, clock: dt.time) -> None:
    """A card's stamp joins its date and time with a middle dot or a bullet (``14:32 ·
    22 Jan 2024``, ``22 Jan 2024 · 14:32``) as with a comma or a dash: one marker of
    both."""
    found = list(CLOCK_LINE.scan(f"Live\n\n{line}\nHeadline\nText.\n"))
    assert [(m.clock, m.day) for m in found] == [(clock, DAY)]
    assert found[0].span.end - found[0].span.start == len(line)


def test_a_post_opening_with_a_one_letter_word_keeps_its_time() -> None:
    """``20:10 A 90mph gust`` and ``22:05 I can confirm`` open posts among ``21:40
    Network Rail says`` ones: the one-letter words ``A`` and ``I`` are capitalised
    words; a lower-case ``a`` and a letter glued to a digit are not."""
    posts = ("22:05 I can confirm.", "21:40 Network Rail says.", "20:10 A 90mph gust.")
    text = "Storm live\n\n" + "\nShare  Copy link  4 comments\n\n".join(posts)
    tl = liveblog.parse(text, date=DAY, tz="Europe/London")
    assert [e.marker for e in tl] == ["20:10", "21:40", "22:05"]
    assert [e.body.splitlines()[0] for e in tl] == [
        "A 90mph gust.",
        "Network Rail says.",
        "I can confirm.",
    ]
    assert not list(CLOCK_SPACE.scan("20:10 a gust"))
    assert not list(CLOCK_SPACE.scan("20:10 A4 road"))


@pytest.mark.parametrize(
    ("posts", "tz"),
    [
        (
            ("22:05 الشرطة تغلق الطريق", "21:40 الرياح تشتد", "20:10 تحذير من الأرصاد"),
            "Asia/Riyadh",
        ),
        (("22:05 המשטרה סוגרת את הכביש", "21:40 הרוחות מתחזקות", "20:10 אזהרה"), "Asia/Jerusalem"),
        (("22:05 警方封锁道路", "21:40 风力增强", "20:10 气象局发布警告"), "Asia/Shanghai"),
    ],
)
def test_a_post_in_a_script_without_capitals_keeps_its_time(
    posts: tuple[str, ...], tz: str
) -> None:
    """A clock, a space and a post's text in a script without letter case (Arabic,
    Hebrew, Chinese) opens a post as a capital after the clock does: the script has no
    capitals for the rule to wait for. Latin lower case still opens none."""
    text = "Live\n\n" + "\nDetails.\n\n".join(posts) + "\nDetails.\n"
    tl = liveblog.parse(text, date=DAY, tz=tz)
    assert tl.dialect.names == ("clock-space",)
    assert [(e.marker, e.body.splitlines()[0]) for e in tl.source_order] == [
        (post[:5], post[6:]) for post in posts
    ]
    assert_tiles(text, tl)
    assert not list(CLOCK_SPACE.scan("20:10 a gust"))


@pytest.mark.parametrize(
    ("stamps", "instants"),
    [
        (("(14:32)", "(13:05)", "(11:40)"), ((14, 32), (13, 5), (11, 40))),
        (("(2:32 p.m.)", "(1:05 p.m.)", "(11:40 a.m.)"), ((14, 32), (13, 5), (11, 40))),
        (("(14:32 GMT)", " (13:05 GMT)", "(11:40 GMT)"), ((14, 32), (13, 5), (11, 40))),
    ],
)
def test_a_time_in_brackets_after_a_headline_opens_its_post(
    stamps: tuple[str, ...], instants: tuple[tuple[int, int], ...]
) -> None:
    """``Biden lands in Kyiv (14:32)``: a time in brackets ending a headline's line (a
    news ticker's list) opens the post at the headline, which stays its text; a time in
    brackets ending a sentence of a post's text (``... the vote (12:15).``) or opening
    a line is no such stamp."""
    heads = ("Roads closed across Devon", "Ferries cancelled", "Amber warning issued")
    bodies = ("The A38 is shut (since 12:15).", "All sailings off.", "Gusts of 80mph.")
    text = "Storm live\n\n" + "\n\n".join(
        f"{head} {stamp}\n{body}" for head, stamp, body in zip(heads, stamps, bodies, strict=True)
    )
    tl = liveblog.parse(text, date=DAY, tz="Europe/London")
    assert [
        (e.marker.strip(), e.body, (e.published.hour, e.published.minute) if e.published else None)
        for e in tl.source_order
    ] == [
        (stamp.strip()[1:-1], f"{head}\n{body}", instant)
        for head, stamp, body, instant in zip(heads, stamps, bodies, instants, strict=True)
    ]
    assert [text[e.span.start : e.span.start + 5] for e in tl.source_order] == [
        h[:5] for h in heads
    ]
    assert_tiles(text, tl)
    prose = "Storm live\n\nRoads closed (14:32).\nText.\n\nFerries off at noon (13:05)!\nText."
    assert liveblog.parse(prose, date=DAY).dialect.names == ()


@pytest.mark.parametrize(
    ("today", "yesterday", "tz"),
    [
        ("Lunes, 22 de enero de 2024", "Domingo, 21 de enero de 2024", "Europe/Madrid"),
        ("lunes 22 de enero", "domingo 21 de enero", "Europe/Madrid"),
        ("Lunedì 22 gennaio 2024", "Domenica 21 gennaio 2024", "Europe/Rome"),
        ("22 gennaio 2024", "21 gennaio 2024", "Europe/Rome"),
        ("Segunda-feira, 22 de janeiro de 2024", "Domingo, 21 de janeiro de 2024", "Europe/Lisbon"),
        ("Terça-feira, 23 de janeiro de 2024", "Segunda-feira, 22 de janeiro de 2024", "UTC"),
    ],
)
def test_spanish_italian_and_portuguese_day_headers(today: str, yesterday: str, tz: str) -> None:
    """A Spanish, Italian or Portuguese live page's day headers (``Lunes, 22 de enero de
    2024``, ``Lunedì 22 gennaio 2024``, ``Segunda-feira, 22 de janeiro de 2024``) give
    the day of the posts below them, as French and German ones do; the header's words
    are the first post's ``day_header``."""
    text = f"En directo\n\n{today}\n\n14:32\nA.\n\n13:05\nB.\n\n{yesterday}\n\n23:40\nC.\n"
    tl = liveblog.parse(text, date=dt.date(2024, 3, 1), tz=tz)
    assert "day-header" in tl.dialect.names
    days = [e.published.astimezone(ZoneInfo(tz)).date() for e in tl.source_order if e.published]
    first = dt.date(2024, 1, 23) if today.startswith("Ter") else dt.date(2024, 1, 22)
    assert days == [first, first, first - dt.timedelta(days=1)]
    assert tl.source_order[0].day_header == today
    assert_tiles(text, tl)


@pytest.mark.parametrize(
    ("today", "yesterday", "first"),
    [
        ("poniedziałek, 22 stycznia 2024", "niedziela, 21 stycznia 2024", (1, 22)),
        ("Poniedziałek, 22 stycznia 2024 r.", "Niedziela, 21 stycznia 2024 r.", (1, 22)),
        ("poniedzialek, 22 stycznia", "niedziela, 21 stycznia", (1, 22)),
        ("Środa, 30 października 2024", "Wtorek, 29 października 2024", (10, 30)),
        ("piątek, 13 września 2024", "czwartek, 12 września 2024", (9, 13)),
        ("16 września 2024", "15 września 2024", (9, 16)),
    ],
)
def test_polish_day_headers_over_godz_clocks(
    today: str, yesterday: str, first: tuple[int, int]
) -> None:
    """A Polish live page's day headers (``poniedziałek, 22 stycznia 2024``, the month in
    the genitive, maybe with ``r.`` after the year or without the diacritics) give the
    day of the ``godz. 14:32`` posts below them; the header's words are the first post's
    ``day_header``."""
    text = (
        f"Relacja na żywo\n\n{today}\n\ngodz. 14:32\nA.\n\ngodz. 9:05\nB.\n\n"
        f"{yesterday}\n\ngodz. 23:40\nC.\n"
    )
    tz = "Europe/Warsaw"
    tl = liveblog.parse(text, date=dt.date(2024, first[0], 1), tz=tz)
    assert tl.dialect.names == ("clock-line", "day-header")
    days = [e.published.astimezone(ZoneInfo(tz)).date() for e in tl.source_order if e.published]
    day = dt.date(2024, *first)
    assert days == [day, day, day - dt.timedelta(days=1)]
    assert [e.day_header for e in tl.source_order] == [today, None, yesterday]
    assert_tiles(text, tl)


@pytest.mark.parametrize(
    ("today", "yesterday", "tz", "first"),
    [
        ("maandag 22 januari 2024", "zondag 21 januari 2024", "Europe/Amsterdam", (1, 22)),
        ("Maandag 22 januari", "Zondag 21 januari", "Europe/Brussels", (1, 22)),
        ("woensdag 6 november 2024", "dinsdag 5 november 2024", "Europe/Amsterdam", (11, 6)),
        ("måndag 22 januari 2024", "söndag 21 januari 2024", "Europe/Stockholm", (1, 22)),
        ("Mandag 22. januar 2024", "Søndag 21. januar 2024", "Europe/Oslo", (1, 22)),
        ("mandag 22. januar", "søndag 21. januar", "Europe/Copenhagen", (1, 22)),
        ("22 mei 2024", "21 mei 2024", "Europe/Amsterdam", (5, 22)),
        # German and French months written as English writes them, after a weekday
        ("Montag, 22. April 2024", "Sonntag, 21. April 2024", "Europe/Berlin", (4, 22)),
        ("Mittwoch, 6. November", "Dienstag, 5. November", "Europe/Berlin", (11, 6)),
    ],
)
def test_dutch_and_nordic_day_headers(
    today: str, yesterday: str, tz: str, first: tuple[int, int]
) -> None:
    """A Dutch, Swedish, Norwegian or Danish live page's day headers (``maandag 22
    januari 2024``, ``måndag 22 januari``, ``mandag 22. januar 2024``) give the day of the
    posts below them, as French and German ones do (``Montag, 22. April 2024`` too, a
    month English writes alike); the header's words are the first post's ``day_header``."""
    text = f"Liveblog\n\n{today}\n\n14.32\nA.\n\n13.05\nB.\n\n{yesterday}\n\n23.40\nC.\n"
    tl = liveblog.parse(text, date=dt.date(2024, first[0], 1), tz=tz)
    assert "day-header" in tl.dialect.names
    days = [e.published.astimezone(ZoneInfo(tz)).date() for e in tl.source_order if e.published]
    day = dt.date(2024, *first)
    assert days == [day, day, day - dt.timedelta(days=1)]
    assert tl.source_order[0].day_header == today
    assert_tiles(text, tl)


def test_german_stamps_with_months_english_writes_alike() -> None:
    """``Montag, 22. April 2024, 18:05 Uhr`` (a German stamp whose month English writes
    alike) is read by the foreign-dated dialect as ``Montag, 22. Januar 2024, 18:05 Uhr``
    is."""
    text = (
        "Liveticker\n\nMontag, 22. April 2024, 18:05 Uhr\nStreik beendet\nText.\n\n"
        "Montag, 22. April 2024, 14:32 Uhr\nStreik beginnt\nText.\n"
    )
    tl = liveblog.parse(text, tz="Europe/Berlin")
    assert tl.dialect.names == ("foreign-dated",)
    assert [e.published for e in tl.source_order] == [
        dt.datetime(2024, 4, 22, 18, 5, tzinfo=ZoneInfo("Europe/Berlin")),
        dt.datetime(2024, 4, 22, 14, 32, tzinfo=ZoneInfo("Europe/Berlin")),
    ]


def test_a_post_label_above_its_stamp_is_neither_headline_nor_text() -> None:
    """``Key event`` or ``Breaking`` on the line right above a post's stamp opens that
    post, out of its body and headline, and never ends the post above it."""
    text = (
        "Budget live\n\nBreaking\n15.42 GMT\nNI cut confirmed\n\nWorth £450 a year.\n\n"
        "15.10 GMT\nNon-doms scrapped\n\nA residence test instead.\n\n"
        "KEY EVENT:\n14.58 GMT\nOBR forecast\n\nGrowth revised up.\n\n"
        "14.20 GMT\nHunt on his feet\n\nThe statement begins."
    )
    tl = liveblog.parse(text, date=DAY)
    assert [(e.headline, e.body.splitlines()[-1]) for e in tl] == [
        ("Hunt on his feet", "The statement begins."),
        ("OBR forecast", "Growth revised up."),
        ("Non-doms scrapped", "A residence test instead."),
        ("NI cut confirmed", "Worth £450 a year."),
    ]
    assert [text[slice(*e.span)].split("\n", 1)[0] for e in tl] == [
        "14.20 GMT",
        "KEY EVENT:",
        "15.10 GMT",
        "Breaking",
    ]
    assert_tiles(text, tl)


def test_a_post_label_over_the_headline_above_its_stamp_opens_the_post() -> None:
    """On a page that writes headlines above the times, a post's label over the
    headline (``Key event`` / ``Reeves sits down`` / ``15:42``) opens that post: the
    headline is still its headline (and opens the body, as above an unlabelled time),
    and the label is neither the headline, nor body text, nor the end of the post
    above."""
    text = (
        "Budget live\n\nKey event\nReeves sits down\n15:42\nAfter 80 minutes.\n\n"
        "Fuel duty frozen\n15:30\nThe freeze is confirmed.\n\n"
        "BREAKING:\nBorrowing rules changed\n15:10\nA new debt rule.\n\n"
        "Chancellor rises\n14:58\nThe speech starts.\n"
    )
    tl = liveblog.parse(text, date=DAY)
    assert [(e.marker, e.headline, e.body) for e in tl] == [
        ("14:58", "Chancellor rises", "Chancellor rises\nThe speech starts."),
        ("15:10", "Borrowing rules changed", "Borrowing rules changed\nA new debt rule."),
        ("15:30", "Fuel duty frozen", "Fuel duty frozen\nThe freeze is confirmed."),
        ("15:42", "Reeves sits down", "Reeves sits down\nAfter 80 minutes."),
    ]
    assert [text[slice(*e.span)].split("\n", 1)[0] for e in tl] == [
        "Chancellor rises",
        "BREAKING:",
        "Fuel duty frozen",
        "Key event",
    ]
    assert tl.preamble.text == "Budget live"
    assert_tiles(text, tl)


@pytest.mark.parametrize("label", POST_LABELS)
def test_every_post_label_before_its_stamp_opens_the_post(label: str) -> None:
    """Each of ``POST_LABELS``, in any case, before a stamp on its line opens the post
    at the label, out of the body: a label added to the list needs nothing else (the
    decoration reader's quick search is built from the list)."""
    written = label.title()
    text = (
        f"Live\n\n{written} 15:42 Barriers fail\n\n{label.upper()} 15:10 Roads shut\n\n"
        f"{label} 14:55 Rain starts\n"
    )
    tl = liveblog.parse(text, date=DAY)
    assert [(e.marker, e.body) for e in tl] == [
        ("14:55", "Rain starts"),
        ("15:10", "Roads shut"),
        ("15:42", "Barriers fail"),
    ]
    assert [text[e.span.start : e.marker_span.start] for e in tl if e.marker_span] == [
        f"{label} ",
        f"{label.upper()} ",
        f"{written} ",
    ]


def test_a_post_label_before_its_stamp_on_its_line_is_neither_marker_nor_text() -> None:
    """``BREAKING 15:42 Flood barriers fail`` or ``Key event: 14.58 GMT`` (the label a
    page prints by a post's stamp, flattened onto its line) opens the post at the label,
    out of its marker and body, as a label on the line above does."""
    text = (
        "Budget live\n\nBREAKING 15:42 Flood barriers fail\n\nWorth £450 a year.\n\n"
        "15:10 Non-doms scrapped\n\nKey event: 14:58 OBR forecast\n\n"
        "- Breaking news 14:30 Hunt rises\n\nKey event 14:20 The statement begins.\n"
    )
    tl = liveblog.parse(text, date=DAY)
    assert [(e.marker, e.body.splitlines()[0]) for e in tl] == [
        ("14:20", "The statement begins."),
        ("14:30", "Hunt rises"),
        ("14:58", "OBR forecast"),
        ("15:10", "Non-doms scrapped"),
        ("15:42", "Flood barriers fail"),
    ]
    assert [text[e.span.start : e.marker_span.start] for e in tl if e.marker_span] == [
        "Key event ",
        "- Breaking news ",
        "Key event: ",
        "",
        "BREAKING ",
    ]
    assert_tiles(text, tl)
    lines = "Live\n\nKey event 15.42 GMT\nNI cut\n\nKey event 15.10 GMT\nNon-doms\n"
    assert [(e.marker, e.body) for e in liveblog.parse(lines, date=DAY)] == [
        ("15.10 GMT", "Non-doms"),
        ("15.42 GMT", "NI cut"),
    ]


@pytest.mark.parametrize(
    ("opened", "closed"),
    [("**", "**"), ("__", "__"), ("*", ":*"), ("<strong>", "</strong>"), ("<b>", ":</b>")],
)
def test_an_emphasised_post_label_before_its_stamp_opens_the_post(opened: str, closed: str) -> None:
    """``**Key event** 15.42 GMT`` (the label emphasised, then the stamp, as a Markdown
    copy writes a post's badge) opens the post at the label, as ``Key event 15.42 GMT``
    does; the emphasis is cut with the label, and a closer the label does not pair with
    (``Key event** 15:42``) leaves the line text."""
    text = (
        f"Budget live\n\n{opened}Key event{closed} 15.42 GMT\nNI cut confirmed\n\n"
        "Worth £450 a year.\n\n15.10 GMT\nNon-doms scrapped\n\nA residence test.\n\n"
        f"{opened}Breaking{closed} 14.58 GMT\nOBR forecast\n\nGrowth revised up.\n"
    )
    tl = liveblog.parse(text, date=DAY)
    assert [(e.marker, e.headline) for e in tl] == [
        ("14.58 GMT", "OBR forecast"),
        ("15.10 GMT", "Non-doms scrapped"),
        ("15.42 GMT", "NI cut confirmed"),
    ]
    assert [text[e.span.start : e.marker_span.start] for e in tl if e.marker_span] == [
        f"{opened}Breaking{closed} ",
        "",
        f"{opened}Key event{closed} ",
    ]
    assert_tiles(text, tl)
    unpaired = text.replace(f"{opened}Key event{closed}", "Key event**")
    assert [e.marker for e in liveblog.parse(unpaired, date=DAY)][-1] == "15.10 GMT"


@pytest.mark.parametrize(
    "line",
    ["Breaking the rules 15:42 Police", "Key events 15:42 Police", "Breaking 10 people hurt"],
)
def test_a_label_word_not_before_a_stamp_opens_no_post(line: str) -> None:
    """A label's word opening a line that goes on otherwise than with a stamp is text."""
    text = f"Live\n\n{line}\n\n{line}\n\n{line}\n"
    assert not liveblog.parse(text, date=DAY).entries[0].marker


def test_italian_ore_needs_an_italian_stamps_shape() -> None:
    """``Ore 18.22`` (Italian "at") is a stamp before the line's end, a colon, a dash or
    a capitalised word; an English commodities blog's ``Ore 12.50 per tonne`` lines
    (iron ore's price) are text, not a blog of updated-at posts."""
    iron = (
        "Metals live: iron ore slides\n\nIron\nOre 12.50 per tonne on the spot market.\n\n"
        "Copper is flat.\n\nOre 12.40 per tonne by midday.\n\nOre 12.35 USD a tonne.\n\n"
        "Ore 12.20-12.30 at the close.\n"
    )
    tl = liveblog.parse(iron, date=DAY)
    assert [e.marker for e in tl.entries] == [""]
    assert "updated-at" not in tl.dialect.names
    italian = (
        "Diretta\n\nOre 18.22\nIl premier parla.\n\nOre 17.40 - Arriva il voto.\n\n"
        "Ore 17.05: la seduta.\n\nOre 16.30 Il Senato vota.\n\nOre 16.10 \u00c8 iniziata.\n"
    )
    tl = liveblog.parse(italian, date=DAY, tz="Europe/Rome")
    assert [e.marker for e in tl] == [
        "Ore 16.10",
        "Ore 16.30",
        "Ore 17.05",
        "Ore 17.40",
        "Ore 18.22",
    ]
    assert_tiles(italian, tl)


@pytest.mark.parametrize(
    ("stamps", "tz"),
    [
        (("Published 18:35", "Published 16:20"), "Europe/London"),
        (("Actualizado a las 18:35", "Actualizado a las 16:20"), "Europe/Madrid"),
        (("Atualizado às 18h35", "Atualizado às 16h20"), "America/Sao_Paulo"),
        (("Aggiornato alle 18.35", "Ore 16.20"), "Europe/Rome"),
    ],
)
def test_published_and_foreign_updated_stamps_open_posts(stamps: tuple[str, str], tz: str) -> None:
    """``Published 18:35`` and the Spanish, Portuguese and Italian ``updated at`` stamps
    (``Actualizado a las``, ``Atualizado às``, ``Aggiornato alle``, ``Ore``) alone on
    their lines open posts, two or more on a page, as ``Posted at 18:35`` does."""
    newer, older = stamps
    text = f"Live\n\n{newer}\nTalks end.\n\n{older}\nPickets out."
    tl = liveblog.parse(text, date=DAY, tz=tz)
    assert [(e.marker, e.body) for e in tl] == [(older, "Pickets out."), (newer, "Talks end.")]
    wall = [e.published.astimezone(ZoneInfo(tz)).strftime("%H:%M") for e in tl if e.published]
    assert wall == ["16:20", "18:35"]


@pytest.mark.parametrize(
    "dateline",
    [
        "Published 10:05 GMT\nUpdated 14:32 GMT",
        "Posted 21 March 2024, 12:05 GMT\r\nUpdated 21 March 2024, 14:32 GMT",
        "Actualizado a las 10:05\nActualizado a las 14:32",
    ],
)
def test_stamps_on_consecutive_lines_are_an_articles_dateline(dateline: str) -> None:
    """An article's ``Published`` / ``Updated`` stamps on consecutive lines, with no text
    between them, are its dateline: the article stays one entry."""
    text = f"Rates held\n\n{dateline}\n\nThe Bank held rates.\n\nCuts are in play.\n"
    tl = liveblog.parse(text, date=dt.date(2024, 3, 21))
    assert [e.marker for e in tl] == [""]
    assert tl.dialect.names == ()


def test_a_stamp_whose_post_lost_its_text_is_no_dateline() -> None:
    """Below the page's first post, two ``Posted at`` stamps on consecutive lines are a
    post whose text was lost and the next post: both stay markers."""
    text = (
        "Court live\n\nPosted at 10:05\nThe judge enters.\n\nPosted at 10:20\n"
        "Posted at 10:31\nThe jury is out.\n\nPosted at 11:02\nVerdict soon."
    )
    tl = liveblog.parse(text, date=DAY)
    assert [(e.marker, e.body) for e in tl] == [
        ("Posted at 10:05", "The judge enters."),
        ("Posted at 10:20", ""),
        ("Posted at 10:31", "The jury is out."),
        ("Posted at 11:02", "Verdict soon."),
    ]


@pytest.mark.parametrize("newest", ["Just now", "now", "JUST NOW"])
def test_just_now_is_the_newest_posts_age(newest: str) -> None:
    """``Just now`` (or ``now``) alone on its line above a page's ``3 min ago`` posts is
    the newest post's age, nothing before ``now``; alone, or out of the ages' order, it
    stays text."""
    now = dt.datetime(2024, 3, 12, 18, 0, tzinfo=dt.UTC)
    text = f"Strike live\n\n{newest}\nLast train.\n\n3 min ago\nPickets.\n\n1 hr ago\nTalks fail."
    tl = liveblog.parse(text, date=now.date(), now=now)
    assert [(e.marker, e.body, e.published) for e in tl] == [
        ("1 hr ago", "Talks fail.", now - dt.timedelta(hours=1)),
        ("3 min ago", "Pickets.", now - dt.timedelta(minutes=3)),
        (newest, "Last train.", now),
    ]
    below = f"Strike live\n\n3 min ago\nPickets.\n\n1 hr ago\nTalks fail.\n\n{newest}\nLast train."
    assert [e.marker for e in liveblog.parse(below, date=now.date(), now=now)] == [
        "1 hr ago",
        "3 min ago",
    ]
    assert len(liveblog.parse(f"Poem\n\n{newest}\nand then\n", date=now.date(), now=now)) == 1


@pytest.mark.parametrize("suffix", ["hrs", " hrs", " HRS", " hours"])
def test_military_clocks_open_posts(suffix: str) -> None:
    """A police or forces blog's ``1432hrs:`` / ``1432 HRS:`` clocks (``hrs`` or
    ``hours`` after the four digits) open posts, the suffix in the marker, not the body."""
    text = "".join(
        f"\n\n{hhmm}{suffix}: Officers attend, update {k}."
        for k, hhmm in enumerate(("1450", "1432", "0905"))
    )
    tl = liveblog.parse("Incident log" + text, date=dt.date(2024, 1, 22))
    assert [(e.marker, e.body) for e in tl] == [
        (f"{hhmm}{suffix}", f"Officers attend, update {k}.")
        for k, hhmm in ((2, "0905"), (1, "1432"), (0, "1450"))
    ]
    assert [e.published.strftime("%H:%M") if e.published else None for e in tl] == [
        "09:05",
        "14:32",
        "14:50",
    ]


@pytest.mark.parametrize(
    "line",
    [
        "At 10:30 the talks resumed.",
        "2024",
        "The score was 2-1.",
        "John 3:16 was quoted on a banner",
        "1. 2024 race",
        "67 min: goal",
        "Photo: Reuters / 22 January 2024",
        "+++ 20:15 BSW wins",
        "[00:12:31] HOST: Welcome back",
    ],
)
def test_non_markers_are_not_read(line: str) -> None:
    """Lines that look a little like markers are not (or not with a zone); a match
    clock (``67 min:``) is at most an untimed label, which never stands alone (see
    ``test_match_clocks_alone_make_no_blog``), and a list's number (``1.``) at most a
    candidate post number, which opens nothing without a run of them (see
    ``tests/test_numbered_posts.py``)."""
    found = [
        m
        for d in DEFAULT_DIALECTS
        if d.kind != "day-header" and not d.numbered
        for m in d.scan(line)
        if m.zone_text or d.name not in {"ticker"}
        if m.is_timed or d.name != "match-label"
    ]
    assert found == []


@pytest.mark.parametrize(
    ("line", "zone_text"),
    [
        ("14:05 IDF: text", ""),
        ("14:05 NATO: text", ""),
        ("14:05 UNHCR: text", ""),
        ("14:05 ICRC: text", ""),
        ("14:05 XYZ: text", "XYZ"),
        ("14:05 AZOT: text", "AZOT"),
        ("14:05 NPT: text", "NPT"),
        ("UPDATE 1405 XYZ: text", "XYZ"),
    ],
)
def test_an_unknown_zone_ends_in_t_or_z(line: str, zone_text: str) -> None:
    """An all-caps word after a time that is no known zone is read as an unknown zone
    only when it ends as zone abbreviations do, in T (time) or Z (German Zeit):
    ``14:05 IDF:`` is an acronym opening the text, ``14:05 AZOT:`` a zone to warn about."""
    found = [m for d in DEFAULT_DIALECTS for m in d.scan(line) if d.kind == "entry"]
    assert found
    assert found[0].zone_text == zone_text
    if not zone_text:
        text = f"14:25: Last text\n\n{line}\n\n13:58: Earlier text\n\n13:20: First text"
        tl = liveblog.parse(text, date=DAY)
        assert [e.time for e in tl] == [
            dt.time(13, 20),
            dt.time(13, 58),
            dt.time(14, 5),
            dt.time(14, 25),
        ]
        assert tl.entries[2].body.startswith(line.split()[1])
        assert [w.code for w in tl.warnings] == ["no-zone"]


@pytest.mark.parametrize(
    ("posts", "zones"),
    [
        # an acronym opening one post among zoneless ones: a speaker, not a zone
        (
            ["09:40 RMT: the union says", "09:12 Network Rail says", "08:30 Trains are few"],
            ["", "", ""],
        ),
        (
            ["09:40: Trains are few", "09:12 RMT: picket lines", "08:30: Stations shut"],
            ["", "", ""],
        ),
        (
            [
                "09:40 Trains are few",
                "09:12 ASLEF: drivers out",
                "08:57 RMT: all out",
                "08:30 Stations shut",
            ],
            ["", "", "", ""],
        ),
        # the same word on every marker, or most of them, is the page's zone
        (["09:40 AZOT: a", "09:12 AZOT: b", "08:30 AZOT: c"], ["AZOT", "AZOT", "AZOT"]),
        (["09:40 AZOT: a", "09:12: b", "08:30 AZOT: c"], ["AZOT", "", "AZOT"]),
        # alone on its line it is no speaker: the zone stands (and is warned about)
        (["09:40 AZOT\nThe union", "09:12\nNetwork Rail", "08:30\nTrains"], ["AZOT", "", ""]),
    ],
)
def test_a_lone_acronym_before_a_colon_is_text(posts: list[str], zones: list[str]) -> None:
    """``09:40 RMT: the union says`` among zoneless markers opens its post with the
    acronym: an all-caps word that is no known zone, written at one place with a colon
    and text after it, is a speaker; on half the markers or more it is the page's zone."""
    text = "Rail strike – live\n\n" + "\n\n".join(posts)
    tl = liveblog.parse(text, date=DAY, tz="Europe/London")
    clocks = [p[:5] for p in posts]
    assert [e.marker[:5] for e in tl.source_order] == clocks
    assert [e.marker[6:].strip() for e in tl.source_order] == zones
    for entry, post in zip(tl.source_order, posts, strict=True):
        rest = post[5:].lstrip(":").strip()
        if not entry.marker[6:]:
            assert entry.body.startswith(rest.split("\n")[0])


@pytest.mark.parametrize(
    "shape",
    ["[{t}] {b}", "[{t}]\n{b}", "[{t}]: {b}", "[ {t} ] – {b}", "({t}) {b}", "({t}): {b}"],
)
def test_a_time_in_brackets_opens_its_entry(shape: str) -> None:
    """``[14:32] Text`` and ``(14:32): Text`` at line starts are markers; the brackets and
    any colon or dash after them are not part of the body."""
    posts = [("14:32", "Talks resume."), ("14:05", "Aid crosses."), ("13:41", "Ministers meet.")]
    text = "Live\n\n" + "\n\n".join(shape.format(t=t, b=b) for t, b in posts)
    tl = liveblog.parse(text, date=DAY, tz="UTC")
    assert [(e.marker, e.body) for e in tl.source_order] == posts
    assert tl.warnings == ()


def test_a_transcripts_timecodes_in_brackets_are_no_markers() -> None:
    """A transcript's ``[00:04] HOST:`` timecodes (minutes and seconds from the start of a
    recording) are no live blog: one entry, whatever the clocks read as."""
    turns = ["[00:04] HOST: Welcome.", "[00:12] GUEST: Thanks.", "[01:47] HOST: So?"]
    tl = liveblog.parse("Transcript\n\n" + "\n\n".join(turns), date=DAY)
    assert [e.marker for e in tl] == [""]
    assert [w.code for w in tl.warnings] == ["no-markers"]


def test_german_uhr_is_part_of_the_time() -> None:
    """``14.32 Uhr:`` (German for o'clock) is the marker, not a time by an author "Uhr"."""
    text = "Liveticker\n\n14.32 Uhr: Pegel steigt\nText.\n\n9.15 Uhr: Evakuierung\nText."
    tl = liveblog.parse(text, date=DAY, tz="Europe/Berlin")
    assert [(e.marker, e.author, e.time) for e in tl.source_order] == [
        ("14.32 Uhr", None, dt.time(14, 32)),
        ("9.15 Uhr", None, dt.time(9, 15)),
    ]


def test_a_second_clock_in_four_digits_is_read() -> None:
    """``UPDATE 2105 GMT / 0005 TRT:`` states one instant in two zones (the second on the
    next day there): the whole is the marker, and no warning."""
    text = "UPDATE 2105 GMT / 0005 TRT: Aftershock\n\nUPDATE 1830 GMT / 2130 TRT: Rescue"
    tl = liveblog.parse(text, date=DAY)
    assert [e.body for e in tl] == ["Rescue", "Aftershock"]
    assert tl.warnings == ()
    wrong = liveblog.parse(text.replace("0005", "0105"), date=DAY)
    assert [w.code for w in wrong.warnings] == ["zones-disagree"]


def test_two_zones_that_disagree_warn() -> None:
    """A marker whose second clock names another instant warns; the first clock wins."""
    text = "9:42am EST, 5:42pm EAT\nA\n\n10:15am EST, 7:15pm EAT\nB"
    tl = liveblog.parse(text, date=DAY)
    assert [e.published for e in tl.entries] == [
        dt.datetime(2024, 1, 22, 14, 42, tzinfo=dt.UTC),
        dt.datetime(2024, 1, 22, 15, 15, tzinfo=dt.UTC),
    ]
    assert [w.code for w in tl.warnings] == ["zones-disagree"]


@pytest.mark.parametrize(
    ("first", "second", "utc"),
    [
        # the unambiguous clock picks the ambiguous zone's reading that agrees with it
        ("14:10 GMT", "22:10 CST", "14:10"),
        ("22:10 CST", "14:10 GMT", "14:10"),
        ("19:40 IST", "14:10 GMT", "14:10"),
        ("16:10 IST", "14:10 GMT", "14:10"),
        ("17:10 AST", "14:10 GMT", "14:10"),
        ("8:10am CST", "14:10 GMT", "14:10"),
    ],
)
def test_an_ambiguous_zone_reads_as_the_other_clock_says(first: str, second: str, utc: str) -> None:
    """``22:10 CST / 14:10 GMT:`` is China's CST, not the US default: of an ambiguous
    abbreviation's readings (CST: US Central or China; IST: India, Ireland or Israel;
    AST: Atlantic or Arabia), the marker's other clock picks the one that states the
    same instant, with no warning."""
    text = f"Floods – live\n\n{first} / {second}: Rain.\n\n{first} / {second}: More rain."
    tl = liveblog.parse(text, date=DAY)
    assert {e.published.astimezone(dt.UTC).strftime("%H:%M") for e in tl if e.published} == {utc}
    assert len(tl.entries) == 2
    assert tl.warnings == ()


@pytest.mark.parametrize(
    ("day", "first", "second", "utc"),
    [
        # EST written in August: the other clock says it means UTC-5, as written
        (dt.date(2022, 8, 9), "11am EST", "7pm EAT", "16:00"),
        (dt.date(2022, 8, 9), "7pm EAT", "11am EST", "16:00"),
        # CDT and BST written in January
        (dt.date(2025, 1, 10), "09:10 CDT", "14:10 GMT", "14:10"),
        (dt.date(2025, 1, 10), "14:10 GMT", "09:10 CDT", "14:10"),
        (dt.date(2025, 1, 10), "11:10 BST", "10:10 GMT", "10:10"),
    ],
)
def test_an_out_of_season_zone_reads_as_the_other_clock_says(
    day: dt.date, first: str, second: str, utc: str
) -> None:
    """``11am EST, 7pm EAT`` in August states one instant: EST is UTC-5 as written, not
    New York's summer time, when the marker's other clock says so; no warning."""
    text = f"Vote – live\n\n{first}, {second}: Counting.\n\n{first}, {second}: Results."
    tl = liveblog.parse(text, date=day)
    assert [e.published.astimezone(dt.UTC).strftime("%H:%M") for e in tl if e.published] == [
        utc,
        utc,
    ]
    assert tl.warnings == ()


def test_an_out_of_season_zone_the_other_clock_does_not_confirm_is_local_time() -> None:
    """``11am EST, 5pm EAT`` in August agrees neither way: the first clock is New York's
    local time, with both warnings."""
    text = "Vote – live\n\n11am EST, 5pm EAT: Counting."
    tl = liveblog.parse(text, date=dt.date(2022, 8, 9))
    assert [e.published for e in tl] == [dt.datetime(2022, 8, 9, 15, tzinfo=dt.UTC)]
    assert [w.code for w in tl.warnings] == ["zone-mismatch", "zones-disagree"]


@pytest.mark.parametrize(
    ("line", "age"),
    [
        ("30s ago", dt.timedelta(seconds=30)),
        ("30 secs ago", dt.timedelta(seconds=30)),
        ("45 seconds ago", dt.timedelta(seconds=45)),
        ("2 mins ago", dt.timedelta(minutes=2)),
        ("3 hours ago", dt.timedelta(hours=3)),
        ("2d ago", dt.timedelta(days=2)),
        ("1 hr 5 min ago", dt.timedelta(hours=1, minutes=5)),
    ],
)
def test_a_relative_ages_unit_is_read_as_written(line: str, age: dt.timedelta) -> None:
    """``30s ago`` is thirty seconds (``s`` is the unit, not a plural's ending)."""
    assert [m.age for m in RELATIVE_AGE.scan(line + "\n")] == [age]


def test_relative_ages_without_now_warn() -> None:
    """2h ago without now= gives no instant and a warning."""
    tl = liveblog.parse("2h ago\nA\n\n35 min ago\nB")
    assert [e.published for e in tl.entries] == [None, None]
    assert {w.code for w in tl.warnings} == {"no-now"}


def test_relative_ages_with_now() -> None:
    """Ages count back from now=, in tz when given."""
    now = dt.datetime(2024, 1, 22, 12, tzinfo=dt.UTC)
    tl = liveblog.parse("2h ago\nA\n\n35 min ago\nB", now=now)
    assert [e.published for e in tl.entries] == [
        dt.datetime(2024, 1, 22, 10, tzinfo=dt.UTC),
        dt.datetime(2024, 1, 22, 11, 25, tzinfo=dt.UTC),
    ]


def test_relative_days_without_now_warn_and_keep_their_clocks() -> None:
    """``Today 09:15`` without now= warns as an age does; its clock still counts, on
    the days date= and the clocks give (newest first, past midnight)."""
    text = "Today 09:15\nB\n\nYesterday at 6.05pm\nA"
    tl = liveblog.parse(text, date=dt.date(2024, 3, 4), tz="UTC")
    assert [w.code for w in tl.warnings] == ["no-now", "no-now"]
    assert tl.order == "newest-first"
    assert [e.published for e in tl.entries] == [
        dt.datetime(2024, 3, 4, 18, 5, tzinfo=dt.UTC),
        dt.datetime(2024, 3, 5, 9, 15, tzinfo=dt.UTC),
    ]


def test_relative_days_count_back_from_now_in_the_pages_zone() -> None:
    """Today is now's date in the page's zone (Tokyo's 23 January at 20:00 UTC on the
    22nd), Yesterday the day before; oldest first."""
    now = dt.datetime(2024, 1, 22, 20, tzinfo=dt.UTC)
    text = "Yesterday 23:10\nA\n\nToday, 04:30\nB\n\nToday 04:50\nC"
    tl = liveblog.parse(text, tz="Asia/Tokyo", now=now)
    assert tl.warnings == ()
    assert tl.order == "oldest-first"
    assert [e.published for e in tl.entries] == [
        dt.datetime(2024, 1, 22, 14, 10, tzinfo=dt.UTC),
        dt.datetime(2024, 1, 22, 19, 30, tzinfo=dt.UTC),
        dt.datetime(2024, 1, 22, 19, 50, tzinfo=dt.UTC),
    ]


@settings(max_examples=60, deadline=None)
@given(
    now=st.datetimes(
        # hypothesis takes naive bounds and attaches the zone itself
        dt.datetime(1990, 1, 2),  # noqa: DTZ001
        dt.datetime(2090, 1, 1),  # noqa: DTZ001
        timezones=st.just(dt.UTC),
    ),
    zone=st.sampled_from(["UTC", "Asia/Tokyo", "Asia/Kolkata", "Asia/Dubai"]),
    clocks=st.lists(st.times(), min_size=2, max_size=2, unique_by=lambda t: t.strftime("%H:%M")),
)
def test_relative_days_fall_on_nows_date_and_the_day_before(
    now: dt.datetime, zone: str, clocks: list[dt.time]
) -> None:
    """Whatever now= and the clocks, a ``Today`` post is on now's date in the page's zone
    and a ``Yesterday`` post on the day before, at its clock (zones without DST)."""
    today, yesterday = (f"{c:%H:%M}" for c in clocks)
    text = f"Today {today}\nB\n\nYesterday {yesterday}\nA"
    tl = liveblog.parse(text, tz=zone, now=now)
    local = now.astimezone(ZoneInfo(zone)).date()
    got = [
        (
            e.published.astimezone(ZoneInfo(zone)).date(),
            f"{e.published.astimezone(ZoneInfo(zone)):%H:%M}",
        )
        for e in tl.entries
        if e.published is not None
    ]
    assert got == [(local - dt.timedelta(days=1), yesterday), (local, today)]


@pytest.mark.parametrize(
    ("text", "dialect"),
    [
        ("Updated today at 09:15\nB\n\nUpdated yesterday at 6.05pm\nA", "updated-at"),
        ("Posted today at 9:15am: B\n\nPosted yesterday at 6.05pm: A", "updated-at"),
        ("UPDATE, today 09:15: B\n\nUPDATE yesterday at 6.05pm: A", "update"),
        (
            "B\nPosted by Sam Reid | Today 9:15 am\n\nA\nPosted by Sam Reid | Yesterday 6.05pm",
            "byline-after",
        ),
    ],
)
def test_relative_days_in_the_keyword_and_byline_dialects(text: str, dialect: str) -> None:
    """``Updated today at``, ``Posted yesterday at``, ``UPDATE, today`` and a closing
    byline's ``| Today 9:15 am`` are read as the clock dialects read ``Today 09:15``:
    without now= they warn and keep their clocks; with it they fall on now's date and
    the day before."""
    tl = liveblog.parse(text, date=dt.date(2024, 3, 4), tz="UTC")
    assert tl.dialect.names == (dialect,)
    assert [w.code for w in tl.warnings] == ["no-now", "no-now"]
    assert [e.published for e in tl.entries] == [
        dt.datetime(2024, 3, 4, 18, 5, tzinfo=dt.UTC),
        dt.datetime(2024, 3, 5, 9, 15, tzinfo=dt.UTC),
    ]
    now = dt.datetime(2024, 6, 2, 20, tzinfo=dt.UTC)
    tl = liveblog.parse(text, tz="UTC", now=now)
    assert tl.warnings == ()
    assert [e.published for e in tl.entries] == [
        dt.datetime(2024, 6, 1, 18, 5, tzinfo=dt.UTC),
        dt.datetime(2024, 6, 2, 9, 15, tzinfo=dt.UTC),
    ]
    assert [e.body.strip() for e in tl.entries] == ["A", "B"]


@pytest.mark.parametrize("comma", ["", ","])
@pytest.mark.parametrize("zone", ["", " GMT"])
def test_a_relative_day_after_the_clock(comma: str, zone: str) -> None:
    """``14:32 Today`` and ``21:40 Yesterday`` (an app's stamp, the day after the clock)
    are read as ``Today 14:32`` and ``Yesterday 21:40`` are: with now= on now's date and
    the day before, without it with a warning, on the days date= and the clocks give.
    The day is part of the marker, not of the post's text."""
    posts = (
        ("14:32", "Today", "A tree fell."),
        ("13:05", "Today", "Winds rise."),
        ("21:40", "Yesterday", "Warning issued."),
    )
    after = "Storm live\n\n" + "\n\n".join(
        f"{clock}{zone}{comma} {day}\n{body}" for clock, day, body in posts
    )
    before = "Storm live\n\n" + "\n\n".join(
        f"{day}{comma} {clock}{zone}\n{body}" for clock, day, body in posts
    )
    now = dt.datetime(2024, 1, 22, 20, tzinfo=dt.UTC)
    for kwargs in ({"now": now}, {"date": DAY}):
        tl_after = liveblog.parse(after, tz="Europe/London", **kwargs)
        tl_before = liveblog.parse(before, tz="Europe/London", **kwargs)
        assert tl_after.dialect.names == tl_before.dialect.names == ("clock-line",)
        assert [e.published for e in tl_after] == [e.published for e in tl_before]
        assert [w.code for w in tl_after.warnings] == [w.code for w in tl_before.warnings]
        assert [(e.marker, e.body) for e in tl_after.source_order] == [
            (f"{clock}{zone}{comma} {day}", body) for clock, day, body in posts
        ]
        assert_tiles(after, tl_after)
    tl = liveblog.parse(after, tz="Europe/London", now=now)
    assert [e.published for e in tl.source_order] == [
        dt.datetime(2024, 1, 22, 14, 32, tzinfo=dt.UTC),
        dt.datetime(2024, 1, 22, 13, 5, tzinfo=dt.UTC),
        dt.datetime(2024, 1, 21, 21, 40, tzinfo=dt.UTC),
    ]


@pytest.mark.parametrize(
    "line",
    ["14:32 Today the minister said", "14:32 Today, police said", "14:32 Today: the plan"],
)
def test_a_relative_day_opening_a_posts_text_is_text(line: str) -> None:
    """A day word after the clock is the stamp's only alone at the line's end: ``14:32
    Today the minister said`` opens a post at 14:32 whose text opens with ``Today``."""
    for scanned in (CLOCK_INLINE, CLOCK_SPACE):
        for m in scanned.scan(line):
            assert line[m.span.start : m.span.end] == "14:32"
            assert m.days_back is None


def test_by_is_no_part_of_a_bylines_name() -> None:
    """``By Jane Smith, today at 12:52`` over each post's text: the author is Jane Smith."""
    text = "Snow: live\n\nBy Jane Smith, today at 12:52\nB\n\nBy Tom Brown, yesterday at 20:45\nA\n"
    tl = liveblog.parse(text, tz="UTC", now=dt.datetime(2024, 1, 17, 15, tzinfo=dt.UTC))
    assert [(e.author, e.body.strip()) for e in tl.entries] == [
        ("Tom Brown", "A"),
        ("Jane Smith", "B"),
    ]
    assert [e.published for e in tl.entries] == [
        dt.datetime(2024, 1, 16, 20, 45, tzinfo=dt.UTC),
        dt.datetime(2024, 1, 17, 12, 52, tzinfo=dt.UTC),
    ]


def test_a_stamps_keyword_is_no_bylines_name() -> None:
    """``Updated today at 14:32`` lines are posts' stamps (``updated-at``), never a
    byline of an author named Updated closing the post above."""
    text = "Updated today at 14:32\nB\n\nUpdated today at 11:05\nA"
    tl = liveblog.parse(text, tz="UTC", now=dt.datetime(2024, 6, 2, 20, tzinfo=dt.UTC))
    assert [d.name for d in tl.dialect.evidence] == ["updated-at"]


@pytest.mark.parametrize(
    ("line", "author"),
    [
        ("Monday 22 January 2024 13.51 GMT", None),  # a Guardian stamp: no byline
        ("MONDAY, 22 January 2024 13.51 GMT", None),
        ("Tuesday January 23, 2024 10:05 am", None),
        ("Sept. 22 Jan 2024 14:05", None),
        ("January | 22 Jan 2024 14:05", None),
        ("Update 22 Jan 2024 10:05", None),
        ("Correction, 22 Jan 2024 10:05", None),
        ("Aktualisierung 22 Jan 2024 10:05", None),
        ("Today 22 Jan 2024 10:05", None),
        ("Yesterday | 6/4/2021 7:19 pm", None),
        ("Noon 22 Jan 2024 10:05", None),
        ("Tonight 22 Jan 2024 10:05", None),
        ("Montag 22 Jan 2024 14:05", None),
        ("Lundi, 22 Jan 2024 14:05", None),
        ("Sam. 22 Jan 2024 14:05", None),  # samedi
        ("Januar 22 Jan 2024 14:05", None),
        ("F\u00e9vrier 22 Jan 2024 14:05", None),
        ("\u00a0M\u00e4rz 22 Jan 2024 14:05", None),
        ("Update Monday 22 January 2024 13.51 GMT", None),
        ("Monday Update 22 Jan 2024 10:02", None),
        ("Evening 22 Jan 2024 10:02", None),
        ("By Monday 22 January 2024 13.51 GMT", None),
        # a real name before a weekday: the weekday is the date's
        ("Dana Whitfield Monday 22 January 2024 13.51 GMT", "Dana Whitfield"),
        ("By Jo Roe Update 22 Jan 2024 10:02", None),
        # names holding a month's name, or a word that is one only with its dot
        ("By Theresa May 22 Jan 2024 10:02", "Theresa May"),
        ("June Sarpong | 22 Jan 2024 10:02", "June Sarpong"),
        ("April Roach, Tuesday 23 January 2024 9:05", "April Roach"),
        ("May-Li Chen 22 Jan 2024 10:02", "May-Li Chen"),
        ("Posted by Sam | Today 7:19 pm", "Sam"),
        ("Li Sun 22 Jan 2024 10:02", "Li Sun"),
        ("Evening Standard 22 Jan 2024 10:02", "Evening Standard"),
        ("\u00a0Jos\u00e9 Mar\u00eda \u00b7 22 Jan 2024 10:02", "Jos\u00e9 Mar\u00eda"),
    ],
)
def test_a_calendar_word_is_no_bylines_author(line: str, author: str | None) -> None:
    """A weekday's or month's name (English, French, German), an update keyword or a
    time word is no author's name: ``Monday 22 January 2024 13.51 GMT`` is a stamp,
    never Monday's byline. Names holding a month's name (Theresa May, June Sarpong)
    stay names, and a weekday after a name is the date's."""
    found = list(BYLINE_AFTER.scan(line))
    assert [m.author for m in found] == ([] if author is None else [author])


@pytest.mark.parametrize(
    ("line", "author"),
    [
        ("Saturday Night 10:05 pm", None),
        ("Last Updated 10:05 am", None),
        ("Monday Morning 10:05 am", None),
        ("Update Two 10:05", None),
        ("Jane Doe Today 10:05", None),
        ("Theresa May 10:05", "Theresa May"),
        ("April Roach 12:52 pm", "April Roach"),
    ],
)
def test_a_calendar_word_is_no_author_before_a_time(line: str, author: str | None) -> None:
    """``author-time`` reads the same names: ``Saturday Night 10:05 pm`` names nobody."""
    found = list(AUTHOR_TIME.scan(line))
    assert [m.author for m in found] == ([] if author is None else [author])


@pytest.mark.parametrize("separator", [" \u00b7", ",", " |", " \u2013", " -"])
def test_an_author_and_a_time_with_a_separator_head_a_post(separator: str) -> None:
    """A live-blog plugin's post header names the author and the time apart, either way
    round, alone on its line (``Jane Smith · 14:32``, ``14:32 · Jane Smith``, ``14:32 |
    Jane Smith``): the name is the entry's author, neither its text nor its headline; a
    label or a calendar word after the time names nobody."""
    posts = (("Jane Smith", "14:32", "Team news is in."), ("Tom Reed", "14:05", "Buses."))
    before = "Match live\n\n" + "\n\n".join(
        f"{name}{separator} {clock}\n{text}" for name, clock, text in posts
    )
    after = "Match live\n\n" + "\n\n".join(
        f"{clock}{separator} {name}\n{text}" for name, clock, text in posts
    )
    # (a name after a clock and a dash is a headline's place: 14:32 – Biden Visits Kyiv)
    for text in (before, after) if separator.strip() in ",|\u00b7" else (before,):
        tl = liveblog.parse(text, date=DAY)
        assert [(e.marker, e.author, e.body) for e in tl] == [
            ("14:05", "Tom Reed", "Buses."),
            ("14:32", "Jane Smith", "Team news is in."),
        ]
        assert_tiles(text, tl)
    if separator != ",":  # (a comma before a name is a closing byline's: 18:02 , Jo Ward)
        words = ["Breaking News", "Monday Evening"]
        if separator.strip() not in "|\u00b7":
            words.append("Biden Visits Kyiv")  # a title-case headline after a dash
        for line in words:
            found = list(CLOCK_INLINE.scan(f"14:32{separator} {line}"))
            assert [m.author for m in found] in ([], [None])


@pytest.mark.parametrize("separator", [" \u00b7", " |", " \u2022"])
@pytest.mark.parametrize("words", ["Breaking News", "Monday Evening", "Jane Today"])
def test_words_naming_nobody_after_a_clocks_separator_stay_in_the_text(
    separator: str, words: str
) -> None:
    """``14:32 · Breaking News`` (a headline, not a name, after the middle dot or bar)
    opens a post at 14:32 with the words in its text, as after a dash, among posts
    whose separators name their authors (``13:05 · Jane Smith``) and on a page of
    such headlines alone."""
    named = f"Storm live\n\n14:32{separator} {words}\nA tree fell.\n\n"
    named += f"13:05{separator} Jane Smith\nWinds rise.\n\n12:00{separator} Tom Reid\nWarning.\n"
    tl = liveblog.parse(named, date=DAY)
    assert [(e.marker, e.author, e.body) for e in tl.source_order] == [
        ("14:32", None, f"{words}\nA tree fell."),
        ("13:05", "Jane Smith", "Winds rise."),
        ("12:00", "Tom Reid", "Warning."),
    ]
    assert_tiles(named, tl)
    alone = f"Storm live\n\n14:32{separator} {words}\nA tree fell.\n\n"
    alone += f"13:05{separator} Latest News\nWinds rise.\n"
    tl = liveblog.parse(alone, date=DAY)
    assert [(e.marker, e.author) for e in tl.source_order] == [("14:32", None), ("13:05", None)]
    assert_tiles(alone, tl)


@pytest.mark.parametrize("line", ["14:32 \u00b7 2h ago", "14:32 \u2022 2 hours ago"])
def test_an_age_after_a_clocks_middle_dot_is_no_posts_text(line: str) -> None:
    """``14:32 · 2h ago`` is a stamp with its age beside it (``clock-line``), never a
    clock whose post's text opens with the age."""
    assert list(CLOCK_INLINE.scan(line)) == []
    assert len(list(CLOCK_LINE.scan(line))) == 1


@pytest.mark.parametrize("separator", [" \u00b7", " |", " \u2022"])
@pytest.mark.parametrize(
    ("name", "author"),
    [
        # lower-case particles between a name's words (an author, on main a body's line)
        ("Ana de Souza", "Ana de Souza"),
        ("Jan van der Berg", "Jan van der Berg"),
        ("Maria dos Santos", "Maria dos Santos"),
        ("Ibn al Haytham", "Ibn al Haytham"),
        ("Jane Smith", "Jane Smith"),
        ("June Sarpong", "June Sarpong"),
        # a later word never in a name, or only months' and the day's words: nobody
        # (on main "Jane Today" was the author: only the first word was tested)
        ("Jane Today", None),
        ("Jane Smith Yesterday", None),
        ("Ana de Noon", None),
        ("Sam Updated", None),
        ("May June", None),
        ("June Evening", None),
    ],
)
def test_a_name_after_a_clock_and_a_separator(
    separator: str, name: str, author: str | None
) -> None:
    """``14:32 · Ana de Souza``: a name with lower-case particles is the post's author;
    a name with a calendar word or a stamp's keyword (``14:32 | Jane Today``) names
    nobody, and its words stay in the post's text."""
    posts = (("14:32", "Team news is in."), ("14:05", "Buses."))
    text = "Match live\n\n" + "\n\n".join(
        f"{clock}{separator} {name}\n{body}" for clock, body in posts
    )
    tl = liveblog.parse(text, date=DAY)
    expected = [(clock, author, body if author else f"{name}\n{body}") for clock, body in posts]
    assert [(e.marker, e.author, e.body) for e in tl] == expected[::-1]
    assert_tiles(text, tl)


_NAME_WORDS = st.sampled_from(
    [
        *("Jane", "Smith", "Ana", "de", "dos", "van", "der", "Today", "Yesterday", "Monday"),
        *("May", "June", "Evening", "Sat.", "Noon", "Updated", "By", "Mise", "Olivia", "la"),
    ]
)


@settings(max_examples=300)
@given(st.lists(_NAME_WORDS, min_size=1, max_size=5).map(" ".join), st.sampled_from("·|•"))
def test_no_author_after_a_separator_names_nobody(name: str, separator: str) -> None:
    """Whatever words follow a clock's or an age's separator, an author read from them
    has no word that is never in a name and is not made only of months' and the day's
    words; the words are the author's or stay in the text (none is lost)."""
    for line in (f"14:32 {separator} {name}", f"2h ago {separator} {name}"):
        for dialect in (CLOCK_INLINE, RELATIVE_AGE):
            for m in dialect.scan(line):
                if m.author is not None:
                    assert not names_nobody(m.author)
                    assert line.endswith(m.author)
                else:
                    assert line[m.span.end :].endswith(name)


@pytest.mark.parametrize(
    ("line", "author", "marker"),
    [
        ("14:32 Update: Talks resumed", None, "14:32"),
        ("13:05 Monday: Polls opened", None, "13:05"),
        ("12:10 Today: More rain", None, "12:10"),
        ("22:40 Tonight: Curfew", None, "22:40"),
        ("09:15 May: Figures out", None, "09:15"),
        ("14:32 Breaking: Dam fails", None, "14:32"),
        ("14:32 BREAKING: Dam fails", None, "14:32"),
        ("9.45am Analysis: What it means", None, "9.45am"),
        ("14:32 Watch: The moment it fell", None, "14:32"),
        ("14:32 Update Two: Talks resumed", None, "14:32"),
        ("14:32 GMT Correction: Talks resumed", None, "14:32 GMT"),
        # names stay authors, months' names among them
        ("7:25 Jane Doe: Talks begin", "Jane Doe", "7:25"),
        ("7:25 June Sarpong: Talks begin", "June Sarpong", "7:25"),
        ("7:25 Sam: Talks begin", "Sam", "7:25"),
    ],
)
def test_a_label_before_the_colon_is_no_inline_author(
    line: str, author: str | None, marker: str
) -> None:
    """``clock-inline`` reads ``7:25 Jane Doe: text`` as Jane Doe's post, but an update
    keyword, a weekday, a time word or a post's label before the colon (``14:32
    Update:``, ``13:05 Monday:``, ``14:32 Breaking:``) is no author: the marker is the
    clock alone, and the label stays at the start of the body."""
    found = list(attrs.evolve(CLOCK_INLINE).scan(line))
    assert [(m.author, line[m.match.start : m.match.end].strip()) for m in found] == [
        (author, marker if author is None else f"{marker} {author}:")
    ]


def test_labelled_inline_posts_keep_their_labels_in_the_body() -> None:
    """A page of ``14:32 Breaking: ...`` posts: no entry has an author, and each body
    opens with its label as written (entries oldest first)."""
    text = (
        "Storm live\n\n14:32 Breaking: Dam fails.\n\n13:05 Update: Roads shut.\n\n"
        "12:10 Monday: Warnings issued.\n"
    )
    tl = liveblog.parse(text, date=dt.date(2024, 1, 22), tz="UTC")
    assert [(e.author, e.marker, e.body) for e in tl.entries] == [
        (None, "12:10", "Monday: Warnings issued."),
        (None, "13:05", "Update: Roads shut."),
        (None, "14:32", "Breaking: Dam fails."),
    ]


def test_guardian_stamps_are_no_bylines() -> None:
    """A page of Guardian stamps (``Monday 22 January 2024 13.51 GMT`` over each post,
    a curly quote in one) is read by ``clock-line`` alone: ``byline-after`` reads no
    candidate there, and no entry has an author."""
    text = (
        "Storm live\n\nMonday 22 January 2024 13.51 GMT\n\u201cWinds rose,\u201d they said.\n\n"
        "Monday 22 January 2024 12.40 GMT\nRoads shut.\n\n"
        "Monday 22 January 2024 11.05 GMT\nA warning was issued.\n"
    )
    tl = liveblog.parse(text)
    assert tl.dialect.names == ("clock-line",)
    assert [d.name for d in tl.dialect.evidence] == ["clock-line"]
    assert [e.author for e in tl.entries] == [None, None, None]


def test_bylines_filter_lines_of_other_characters_without_the_pattern() -> None:
    """``byline-after``'s line filter holds at lines of any characters: a post's line
    with a curly quote or a pound sign is rejected by it, and the pattern is not even
    compiled; a byline in other characters still passes."""
    dialect = attrs.evolve(BYLINE_AFTER)
    text = "UPDATE 1435 GMT: \u201cA \u00a3468m aid package,\u201d they said\n\u00a0Monday 22 January 2024 13.51 GMT\n"
    lines = all_lines(text)
    assert not list(dialect.scan_lines(lines.text, lines.starts, lines.origins))
    assert dialect._at_line is None
    lines = all_lines("Jos\u00e9 Mar\u00eda \u00b7 22 Jan 2024 10:02\n")
    assert [m.author for m in dialect.scan_lines(lines.text, lines.starts, lines.origins)] == [
        "Jos\u00e9 Mar\u00eda"
    ]


@pytest.mark.parametrize(
    ("text", "clocks"),
    [
        (
            "Montag, 22. Januar 2024, 18:05 Uhr\nB\n\nMontag, 22. Januar 2024, 16:40 Uhr\nA",
            [dt.time(16, 40), dt.time(18, 5)],
        ),
        (
            "Mittwoch, 24. Januar 2024 um 10:15 Uhr\nB\n\n24. Januar 2024 um 8:40 Uhr\nA",
            [dt.time(8, 40), dt.time(10, 15)],
        ),
        (
            "Dimanche 30 juin 2024 à 12h00 : A\n\nDimanche 30 juin 2024 à 19h40 : B",
            [dt.time(12), dt.time(19, 40)],
        ),
    ],
)
def test_french_and_german_dates_before_the_time_open_posts(
    text: str, clocks: list[dt.time]
) -> None:
    """A post stamped with its French or German date and time (``Montag, 22. Januar 2024,
    18:05 Uhr``, ``à 14h35 :``) is read by ``foreign-dated``, its date the entry's day."""
    tl = liveblog.parse(text, tz="Europe/Berlin")
    assert tl.dialect.names == ("foreign-dated",)
    assert [e.time for e in tl.entries] == clocks
    assert [e.body.strip() for e in tl.entries] == ["A", "B"]
    assert len({e.day for e in tl.entries}) == 1
    assert tl.entries[0].day is not None


def test_one_foreign_date_line_is_an_articles_stamp() -> None:
    """One ``Montag, 22. Januar 2024, 18:05 Uhr`` line under a headline is an article's
    date line, not a blog of one post."""
    text = "Die Bahn und die GDL verhandeln wieder\n\nMontag, 22. Januar 2024, 18:05 Uhr\n\nText."
    tl = liveblog.parse(text, tz="Europe/Berlin")
    assert [e.marker for e in tl.entries] == [""]


@pytest.mark.parametrize(
    ("minutes", "order"),
    [
        (["90+4'", "67'", "45+2'", "12'"], "newest-first"),
        (["1'", "45+1’", "46'", "90'"], "oldest-first"),  # stoppage time before the minute after
        (["12'", "67'", "30'"], None),  # not one way: no run
        (["12'", "67'"], None),  # too few
    ],
)
def test_match_minutes_alone_on_their_lines_open_posts(
    minutes: list[str], order: str | None
) -> None:
    """On a page without times, match minutes alone on their lines over the posts' text
    (``45+2'``) open untimed posts when three or more run one way; the minutes give the
    order."""
    text = "Arsenal v Liverpool – live\n\n" + "\n\n".join(
        f"{m}\nPost at {m} with its text." for m in minutes
    )
    tl = liveblog.parse(text)
    if order is None:
        assert [e.marker for e in tl.entries] == [""]
        return
    assert tl.order == order
    written = minutes[::-1] if order == "newest-first" else minutes
    assert [e.marker for e in tl.entries] == written
    assert [e.published for e in tl.entries] == [None] * len(minutes)


@pytest.mark.parametrize(
    ("phase", "opens"),
    [
        ("FULL TIME", True),
        ("HALF-TIME", True),
        ("KICK-OFF!", True),
        ("Full time", False),  # a phase in capitals only: "Kickoff" may be a headline
        ("HALF OFF", False),  # not a match's phase
        ("KICK TIME", False),
    ],
)
def test_a_match_phase_alone_on_its_line_opens_a_post(phase: str, opens: bool) -> None:
    """On a page of match minutes alone on their lines, a match's phase alone on its
    line in capitals, over text, opens an untimed post in the page's place."""
    minutes = ["90+4'", "67'", "45+2'", "12'"]
    posts = [f"{m}\nPost at {m}." for m in minutes]
    text = f"Arsenal v Liverpool – live\n\n{phase}\nText under it.\n\n" + "\n\n".join(posts)
    tl = liveblog.parse(text)
    markers = [e.marker for e in tl.entries]
    assert markers == ([*minutes[::-1], phase] if opens else minutes[::-1])
    assert "Text under it." in (tl.entries[-1].body if opens else tl.preamble.text)


def test_match_minutes_on_consecutive_lines_are_a_list() -> None:
    """A key-events box's minutes, one under another, or a report's minutes opening
    sentences, open no posts."""
    box = "Arsenal v Liverpool\n\nKey events\n90'\n67'\n45+2'\n12'\n\nThe match report."
    report = "Arsenal v Liverpool\n\n12' Saka scores.\n\n45' Salah levels.\n\n67' Saka again."
    for text in (box, report):
        assert [e.marker for e in liveblog.parse(text).entries] == [""]


@pytest.mark.parametrize(
    ("line", "marker"),
    [
        ("UPDATE 2 (6:45 p.m.): text", "UPDATE 2 (6:45 p.m.)"),
        ("Update #3, 4:05 p.m.: text", "Update #3, 4:05 p.m."),
        ("UPDATE 2 - 3:10 p.m.: text", "UPDATE 2 - 3:10 p.m."),
        ("UPDATE 1930 GMT: text", "UPDATE 1930 GMT"),
        ("UPDATE 12:05: text", "UPDATE 12:05"),
        ("Update 3 of the plan was approved at 5:00 p.m.", None),
        ("UPDATE 2 (6:45 p.m.: text", None),  # a bracket left open
    ],
)
def test_an_updates_number_before_its_time(line: str, marker: str | None) -> None:
    """An update's post number may stand between its keyword and its time, the time in
    brackets or after a comma or dash; a number in a sentence is no marker."""
    found = [m for m in UPDATE.scan(line) if m.problem is None]
    assert [line[slice(*m.span)] for m in found] == ([] if marker is None else [marker])


def test_a_date_then_at_then_the_time() -> None:
    """``Feb 11, 2024 at 9:58 PM EST`` is one timestamp: the date, ``at``, the clock."""
    (m,) = CLOCK_LINE.scan("Feb 11, 2024 at 9:58 PM EST\nChiefs win")
    assert (m.day, m.clock, m.zone_text) == (dt.date(2024, 2, 11), dt.time(21, 58), "EST")


def test_today_in_prose_stays_text() -> None:
    """``Today`` opening a sentence, with no clock after it, opens no entry."""
    text = "09:15\nA\nToday 12 people were hurt.\n\n10:20\nB\nYesterday was calm."
    tl = liveblog.parse(text, date=dt.date(2024, 3, 4), tz="UTC")
    assert [e.marker for e in tl.entries] == ["09:15", "10:20"]


def test_dated_marker_contradicting_date_argument_warns() -> None:
    """A date written in the text wins over date=, with a warning."""
    text = "16:00 – 10 Mar 2022\nB\n\n15:00 – 10 Mar 2022\nA"
    tl = liveblog.parse(text, date=dt.date(2022, 3, 9), tz="UTC")
    assert tl.date == dt.date(2022, 3, 10)
    assert [w.code for w in tl.warnings] == ["date-contradiction"]
    assert tl.date_evidence[0].kind == "dated-marker"


def test_page_zone_statement_applies_to_bare_times() -> None:
    """ "All times are Paris time" gives bare times Paris's zone (CEST in July)."""
    text = "Live\nAll times are Paris time.\n\n14:32\nA\n\n15:10\nB"
    tl = liveblog.parse(text, date=dt.date(2024, 7, 1))
    assert tl.tz == "Europe/Paris"
    assert tl.entries[0].published == dt.datetime(2024, 7, 1, 12, 32, tzinfo=dt.UTC)


def test_day_headers_set_the_day_below_them() -> None:
    """Day headers date the entries under them; they are not entries."""
    text = (
        "Monday 22 January 2024\n21:00 Polls close.\n23:30 Results.\n\n"
        "Tuesday 23 January 2024\n00:45 Counting.\n08:10 Final."
    )
    tl = liveblog.parse(text, tz="UTC")
    assert [(e.marker, e.day) for e in tl.entries][-2:] == [
        ("00:45", dt.date(2024, 1, 23)),
        ("08:10", dt.date(2024, 1, 23)),
    ]
    assert tl.date_evidence[0].kind == "day-header"


_NEW_YEAR = """New Year live

{newer}

00:05 Fireworks over the harbour.

{older}

23:40 Crowds gather.

22:10 Roads close.
"""


@pytest.mark.parametrize(
    ("newer", "older", "date"),
    [
        ("Monday 1 January", "Sunday 31 December", dt.date(2023, 12, 31)),
        ("Monday 1 January 2024", "Sunday 31 December", None),
        ("Monday 1 January", "Sunday 31 December 2023", None),
        ("Monday 1 January 2024", "Sunday 31 December 2023", None),
    ],
)
def test_day_headers_across_new_year(newer: str, older: str, date: dt.date | None) -> None:
    """Newest first across the new year: "Sunday 31 December" below "Monday 1 January"
    is the day before it, whichever header writes its year (neither, with date=). The
    order was read as unknown, or the December posts put on January 1."""
    tl = liveblog.parse(_NEW_YEAR.format(newer=newer, older=older), date=date, tz="UTC")
    assert tl.order == "newest-first"
    assert [str(e.day) for e in tl.source_order] == ["2024-01-01", "2023-12-31", "2023-12-31"]
    assert tl.warnings == ()


def test_yearless_day_headers_take_the_year_of_the_inferred_date() -> None:
    """No header writes its year and no date= is given: the headers still step the days
    (a clock that goes back under a new header is the next day, not an entry out of
    order), the date inferred from the text gives the year, and the headers the day."""
    text = (
        "Year-end live. Photo: fireworks rehearsal, December 28, 2023.\n\n"
        "Saturday 30 December\n\n10:00 Post one.\n\n"
        "Sunday 31 December\n\n09:00 Post two.\n\n"
        "Monday 1 January\n\n00:05 Post three.\n"
    )
    tl = liveblog.parse(text, tz="UTC")
    assert tl.date == dt.date(2023, 12, 30)
    assert [str(e.day) for e in tl] == ["2023-12-30", "2023-12-31", "2024-01-01"]
    assert [(e.kind, e.text, str(e.date)) for e in tl.date_evidence] == [
        ("day-header", "Saturday 30 December", "2023-12-30"),
        ("full-date", "December 28, 2023", "2023-12-30"),
    ]
    assert tl.warnings == ()


def test_a_title_year_dates_yearless_day_headers() -> None:
    """ "Wimbledon 2024" above "Sunday 14 July" / "Saturday 13 July" headers dates the
    blog without date=: July 13 is a Saturday in 2024 alone of 2023-2025."""
    text = (
        "Wimbledon 2024: finals weekend – live\n\n"
        "Sunday 14 July\n\n4.35pm BST\nAlcaraz wins!\nHe beats Djokovic.\n\n"
        "Saturday 13 July\n\n6.10pm BST\nKrejcikova wins\nShe beats Paolini.\n"
    )
    tl = liveblog.parse(text)
    assert [str(e.day) for e in tl] == ["2024-07-13", "2024-07-14"]
    assert [(e.kind, e.text) for e in tl.date_evidence] == [
        ("day-header", "Saturday 13 July"),
        ("title-year", "2024"),
    ]
    assert tl.warnings == ()


_BUDGET_2025 = (
    "Budget 2025 live\n\n1 October\n\n12:58\nChalmers begins\nThe speech has begun.\n\n"
    "30 September\n\n21:10\nGood evening\nThe Cabinet met {when}.\n"
)


_TITLE = ["day-header", "title-year"]


@pytest.mark.parametrize(
    ("when", "year", "kinds"),
    [
        # 30 September 2024 is a Monday (2025: a Tuesday, 2026: a Wednesday)
        ("earlier on Monday", 2024, [*_TITLE, "weekday"]),
        ("earlier on Tuesday", 2025, _TITLE),  # the title's year fits
        ("earlier on Wednesday", 2026, [*_TITLE, "weekday"]),  # only the year after
        ("earlier on Thursday", None, []),  # no year next to the title's fits: no date
        ("this afternoon", 2025, _TITLE),  # no weekday said: the title's year
    ],
)
def test_a_title_year_the_posts_weekdays_rule_out(
    when: str, year: int | None, kinds: list[str]
) -> None:
    """A title may name the year an event is for ("Budget 2025", held on 1 October
    2024): yearless headers without weekdays take the title's year unless the weekday
    a post gives its own day rules it out, and then the year next to it that fits."""
    tl = liveblog.parse(_BUDGET_2025.format(when=when), tz="Europe/Dublin")
    assert tl.date == (None if year is None else dt.date(year, 9, 30))
    assert [e.kind for e in tl.date_evidence] == kinds


@pytest.mark.parametrize(("now", "year"), [("2024-10-01T18:00", 2024), ("2025-10-02T09:00", 2025)])
def test_a_title_year_after_now_is_not_the_pages(now: str, year: int) -> None:
    """With now=, a title year that puts the posts after the page was saved is the year
    the event is for: the days take the year now gives (and the title's when it fits)."""
    saved = dt.datetime.fromisoformat(now).replace(tzinfo=dt.UTC)
    tl = liveblog.parse(_BUDGET_2025.format(when="today"), tz="Europe/Dublin", now=saved)
    assert [e.day for e in tl] == [dt.date(year, 9, 30), dt.date(year, 10, 1)]


@pytest.mark.parametrize(
    ("newer", "older"),
    [("Jan 1, 2024, 12:05am", "Dec 31, 11:40pm"), ("Jan 1, 12:05am", "Dec 31, 2023, 11:40pm")],
)
def test_markers_with_and_without_a_year_across_new_year(newer: str, older: str) -> None:
    """Markers that write their day, one with its year: the others take the year nearest
    their neighbour's ("Dec 31" below "Jan 1, 2024" is 2023), also a marker above the
    one with the year, and a bare time between them keeps its place in the chain."""
    text = f"New Year live\n\n{newer}: Fireworks.\n\n11:50pm: Countdown.\n\n{older}: Crowds."
    tl = liveblog.parse(text, tz="UTC")
    assert [str(e.day) for e in tl.source_order] == ["2024-01-01", "2023-12-31", "2023-12-31"]
    assert tl.warnings == ()


def test_day_headers_without_a_year_give_the_order() -> None:
    """With no year and no date= the days stay unknown, but the order is still read
    from the headers across the new year, with no warning but ``no-date``."""
    text = _NEW_YEAR.format(newer="Monday 1 January", older="Sunday 31 December")
    tl = liveblog.parse(text, tz="UTC")
    assert tl.order == "newest-first"
    assert [w.code for w in tl.warnings] == ["no-date"]


def test_colon_markers_open_entries_whatever_the_layout() -> None:
    """UPDATE 1548 GMT: right below text and above a blank line still opens its entry."""
    text = "Intro.\nUPDATE 1548 GMT:\n\nLater.\nUPDATE 1420 GMT:\n\nEarlier."
    tl = liveblog.parse(text, date=DAY)
    assert [(e.marker, e.body) for e in tl.entries] == [
        ("UPDATE 1420 GMT", "Earlier."),
        ("UPDATE 1548 GMT", "Later."),
    ]


def test_line_needle_skips_candidate_lines_without_it() -> None:
    """A line without the dialect's line needle is not tried at all."""
    note = liveblog.PatternDialect(
        "note", r"(?P<marker>Note)\b", candidate_lines=True, line_needle=r"\d"
    )
    text = "Note 1 said\nNote two said"
    starts = (0, 12)
    assert [m.span for m in note.scan_lines(text, starts, starts)] == [(0, 4)]
    plain = liveblog.PatternDialect("note", r"(?P<marker>Note)\b", candidate_lines=True)
    assert [m.span for m in plain.scan_lines(text, starts, starts)] == [(0, 4), (12, 16)]


def test_closing_bylines_still_found_with_their_line_needle() -> None:
    """Bylines always hold a date, so the digit needle never hides one."""
    text = (
        "Intro\n\nTalks resumed in the capital.\nHelen Pidd14 May 2015 18:02\n\n"
        "Crowds gathered at noon.\nHelen Pidd14 May 2015 17:40\n"
    )
    tl = liveblog.parse(text, tz="Europe/London")
    assert [e.author for e in tl.entries] == ["Helen Pidd", "Helen Pidd"]
    assert [e.time for e in tl.entries] == [dt.time(17, 40), dt.time(18, 2)]


_RUN_PIECES = st.one_of(
    st.sampled_from([".", "!", ")", "”", " ", "\u00a0", "\u200b", "\n", "\r", "Talks", "12", ":"]),
    # mostly whole candidates, each part sometimes missing or odd
    st.tuples(
        st.sampled_from([".", "?", '"', "’", ")", "x", ""]),
        st.sampled_from([" ", "  ", "   ", "    ", "\u00a0", " \u200b", ""]),
        st.sampled_from(["15:47", "4:10 p.m.", "9", "noon", "Midnight", "midday", "1548", "x"]),
        st.sampled_from([" GMT", " ET", " local time", "", " XYZW", "GMT"]),
        st.sampled_from([" - ", " – ", " —\u00a0", " -", "- ", "", ": ", " ", " T", " t"]),
    ).map("".join),
)


@settings(max_examples=300)
@given(st.lists(_RUN_PIECES, max_size=30).map("".join))
def test_located_scan_finds_what_a_whole_text_scan_finds(text: str) -> None:
    """A dialect with a locator finds exactly the markers its pattern finds everywhere."""
    whole = attrs.evolve(CLOCK_RUN, locator=None)
    assert [m.span for m in CLOCK_RUN.scan(text)] == [m.span for m in whole.scan(text)]


def _clock_after_end(separator: str) -> st.SearchStrategy[str]:
    """A sentence's end, blanks, a clock written with ``separator``, am/pm, blanks and
    a capital: a match of clock-run's needle or, a part missing or odd, nearly one."""
    return st.tuples(
        st.sampled_from([".", "”", "’", ")", "x"]),
        st.sampled_from(["", " ", "\u00a0", "  ", "\t\u202f", "   ", "\u202f \u00a0", "    "]),
        st.sampled_from(["9", "15", "115"]),
        st.just(separator),
        st.sampled_from(["47", "4"]),
        st.sampled_from(["", " p.m.", "am"]),
        st.sampled_from(["", " "]),
        st.sampled_from(["G", "t"]),
    ).map("".join)


@pytest.mark.parametrize("separator", [":", "."])
@settings(max_examples=1000)
@given(data=st.data())
def test_clock_run_needles_find_what_its_needle_finds(separator: str, data: st.DataObject) -> None:
    """The clock-run's needle, one pattern for each clock separator, occurs where the
    one pattern it stands for does (one near match in the text, so that no other one
    decides)."""
    around = st.lists(_RUN_PIECES, max_size=2).map("".join)
    text = data.draw(around) + data.draw(_clock_after_end(separator)) + data.draw(around)
    assert isinstance(CLOCK_RUN.needle, tuple)
    found = needle_found(CLOCK_RUN.needle, text)
    assert found is (re.search(CLOCK_RUN_NEEDLE, text) is not None)


_LINE_PIECES = st.sampled_from(
    ["12:00", "9.45am", "4:12", "(11:26 GMT)", "( 10:05 BST )", "GMT", " BST", "Police", "said",
     ",", ":", " - ", "–", ".", " ", "\u00a0", "Jane Doe:", "Monday", "22 January 2024", "3pm",
     "noon", "1548", "EST,", "5:42pm EAT", "/", '"Quote', "Roisin O'Connor", "(", ")", "14h35",
     "2024-01-22T15:48:00Z", "|", "?", "x", "\n", "\u3000", "\u2003(", "Update", "UPDATED",
     "Correction,", " posted at ", "Edited on", "added", "Posted", "Po\u017fted", "\x0c"]
)  # fmt: skip


@settings(max_examples=300)
@given(st.lists(_LINE_PIECES, max_size=30).map("".join))
def test_shared_head_scan_finds_what_the_whole_pattern_finds(text: str) -> None:
    """A dialect split into a shared timestamp head and a tail finds exactly the markers
    its whole pattern finds, also when another dialect matched the head first."""
    lines = all_lines(text)
    shared = LineScan(lines.text, lines.starts, lines.origins)
    for dialect in (CLOCK_LINE, CLOCK_INLINE, CLOCK_SPACE):
        assert dialect.head is not None
        whole = attrs.evolve(dialect, head=None, tail=None, branches=None)
        split = list(dialect.scan_lines(lines.text, lines.starts, lines.origins, shared))
        assert split == list(whole.scan_lines(lines.text, lines.starts, lines.origins))


def test_a_page_of_ascii_lines_compiles_no_regex_head_nor_tail() -> None:
    """Where twins stand for the shared head and tail, their ``regex`` patterns are
    compiled at the first line of other characters that holds the regex needle only: an
    ASCII page needs neither; the head's twin is compiled at the first line of ASCII
    text that holds the needle (``ORIGINAL ENTRY: ...`` opens as a month may, and holds
    no digit), the tail's twin at the first head found."""
    cached = (
        dialect_module._head_pattern,
        dialect_module._tail_pattern,
        dialect_module._tail_twin,
        dialect_module._head_twin,
    )

    def compiled() -> tuple[bool, ...]:
        return tuple(function.cache_info().currsize > 0 for function in cached)

    for function in cached:
        function.cache_clear()
    lines = all_lines("ORIGINAL ENTRY: Talks\nMonday talks resume\nSunday\u2019s Coverage\n")
    assert not list(CLOCK_LINE.scan_lines(lines.text, lines.starts, lines.origins))
    assert compiled() == (False, False, False, False)
    lines = all_lines("Monday talks resume at 3\nPolice said\nSunday\u2019s Coverage: Talks\n")
    assert not list(CLOCK_LINE.scan_lines(lines.text, lines.starts, lines.origins))
    assert compiled() == (False, False, False, True)  # (the last line holds no digit)
    lines = all_lines("10:05 GMT\nTalks resume\nPolice said\n10:40 GMT\nRain\n")
    found = list(CLOCK_LINE.scan_lines(lines.text, lines.starts, lines.origins))
    assert [m.clock for m in found] == [dt.time(10, 5), dt.time(10, 40)]
    assert compiled() == (False, False, True, True)
    lines = all_lines("10:05 GMT\nTalks resume\n10:40 GMT\u00a0\n\u201cRain\u201d\n")
    found = list(CLOCK_LINE.scan_lines(lines.text, lines.starts, lines.origins))
    assert [m.clock for m in found] == [dt.time(10, 5), dt.time(10, 40)]
    assert compiled() == (True, True, True, True)


@settings(max_examples=300)
@given(st.lists(_LINE_PIECES, max_size=30).map("".join))
def test_opening_words_of_the_update_dialects_hide_no_marker(text: str) -> None:
    """``update`` and ``updated-at`` find with their opening words what they find without."""
    lines = all_lines(text)
    for dialect in (UPDATE, UPDATED_AT):
        assert dialect.words is not None
        plain = attrs.evolve(dialect, words=None)
        found = list(dialect.scan_lines(lines.text, lines.starts, lines.origins))
        assert found == list(plain.scan_lines(lines.text, lines.starts, lines.origins))


@settings(max_examples=300)
@given(st.lists(_LINE_PIECES, max_size=30).map("".join))
@example("Noon ET\nTalks resume\n")
@example("Midday: Talks resume\nMIDNIGHT BST\nRain\n")
@example("(midnight GMT) Talks resume\n")
@example("Sunday\u2019s Coverage: Talks\n\u00a0Monday 1 January\nMonday 22 January\u00a0\n")
@example("2024\u5e741\u670822\u65e5 14\u664232\u5206\nx\n")
def test_regex_needles_of_the_clock_and_day_header_dialects_hide_no_marker(text: str) -> None:
    """The clock dialects (a digit or a clock's word) and ``day-header`` (a digit) find
    with their regex needles what they find without."""
    lines = all_lines(text)
    for dialect in (CLOCK_LINE, CLOCK_INLINE, CLOCK_SPACE, DAY_HEADER):
        assert dialect.regex_needle is not None
        plain = attrs.evolve(dialect, regex_needle=None)
        found = list(dialect.scan_lines(lines.text, lines.starts, lines.origins))
        assert found == list(plain.scan_lines(lines.text, lines.starts, lines.origins))


_FILTERED = [d for d in DEFAULT_DIALECTS if d.line_filter is not None]


@pytest.mark.parametrize(
    ("dialect", "line", "passes"),
    [
        (BYLINE_AFTER, "Posted by Sam Reid | 6/4/2021 7:19 pm", True),
        (BYLINE_AFTER, "Helen Pidd14 May 2015 18:02", True),
        (BYLINE_AFTER, "\tJean-Luc O'Neil, Tuesday 3 May 2022 9:05", True),
        (BYLINE_AFTER, "UPDATE 0837 GMT: The White House said 3 things", False),
        (BYLINE_AFTER, "Posted at 05:09", False),
        (BYLINE_AFTER, "14:32 Police said", False),
        (BYLINE_AFTER, "Monday 22 January 2024 13.51 GMT", False),
        (BYLINE_AFTER, "By Update | 22 Jan 2024 10:02", False),
        (BYLINE_AFTER, "UPDATE 1435 GMT: \u201cA \u00a3468m aid package\u201d", False),
        (BYLINE_AFTER, "Jos\u00e9 Mar\u00eda \u00b7 22 Jan 2024 10:02", True),
        (BYLINE_AFTER, "Dana Whitfield Monday 22 January 2024 13.51 GMT", True),
        (BYLINE_AFTER, "Fr\u0131day 22 Jan 2024 10:02", True),  # a dotless i: no Friday
        (MATCH_LABEL, "90+3 min: Chelsea", True),
        (MATCH_LABEL, "88' Corner", True),
        (MATCH_LABEL, "34th over: 4 runs", True),
        (MATCH_LABEL, "FT Real Madrid 2-0 Dortmund", True),
        (MATCH_LABEL, "Half-time: 1-1", True),
        (MATCH_LABEL, "14:32 Police said", False),
        (MATCH_LABEL, "1548 GMT: Talks", False),
        (MATCH_LABEL, "10.44am: Union leaders", False),
        (MATCH_LABEL, "Monday 22 January", False),
        (RELATIVE_AGE, "1,204d ago", True),
        (RELATIVE_AGE, " 35 min ago", True),
        (RELATIVE_AGE, "14:32 Police said", False),
        (RELATIVE_AGE, "Jane Smith \u00b7 5 min ago", True),
        (RELATIVE_AGE, "Jan van der Berg\u00a0| Just now", True),
        (RELATIVE_AGE, "UPDATE 1548 GMT: talks", False),
        (RELATIVE_AGE, "Police said roads to the north were shut \u00b7 5", False),
        (RELATIVE_AGE, "1548 GMT", False),
        (RELATIVE_AGE, "Updated 2 hours ago", True),
        (RELATIVE_AGE, "Posted 2h ago by Jane Smith", True),
        (RELATIVE_AGE, "Updated at 14:32", False),
        (AUTHOR_TIME, "Jane Smith 12:52 pm", True),
        (AUTHOR_TIME, " Mary-Jo Oneil St. Clair  NOON GMT", True),
        (AUTHOR_TIME, "Jane Smith midnight", True),
        (AUTHOR_TIME, "Monday 22 January 2024 15.48 GMT", False),
        (AUTHOR_TIME, "11.05 Police said", False),
        (AUTHOR_TIME, "JANE SMITH 12:52 pm", False),
        (AUTHOR_TIME, "Jane 12:52 pm", False),
        (AUTHOR_TIME, "Jane Smith \u00b7 14:32", True),
        (AUTHOR_TIME, "Jane Smith, 2:32 pm ET", True),
        (AUTHOR_TIME, "Jane Smith - 14:32", True),
        (BYLINE_AFTER, "Posted by Sam Reid | Yesterday 7:19 pm", True),
        (BYLINE_AFTER, "Helen Pidd Today, 18:02", True),
        (BYLINE_AFTER, "By Jane Smith, yesterday at 20:45", True),
        (FOREIGN_DATED, "Montag, 22. Januar 2024, 18:05 Uhr", True),
        (FOREIGN_DATED, "1ER MAI 2024 A 9H05 : text", True),
        (FOREIGN_DATED, "22 janvier 2024 a 14h35", True),
        (FOREIGN_DATED, "14:32 Police said", False),
        (FOREIGN_DATED, "Monday 22 January", False),
        (FOREIGN_DATED, "22 Dec 2024, 18:05", False),
        (FOREIGN_DATED, "22. Dez. 2024, 18:05", True),
        (FOREIGN_DATED, "\u00a022 f\u00e9vrier 2024 \u00e0 14h35", True),
        (FOREIGN_DATED, "\u00a014:32\u00a0BST", False),
        (FOREIGN_DATED, "Monday 22:15 GMT", False),
        (FOREIGN_DATED, "2h ago", False),
        (DAY_HEADER, "Monday 22 January", True),
        (DAY_HEADER, "Tuesday, January 23, 2024", True),
        (DAY_HEADER, "  22.01.24", True),
        (DAY_HEADER, "2024-01-16", True),
        (DAY_HEADER, "6/4/2021", True),
        (DAY_HEADER, "22nd of May", True),
        (DAY_HEADER, "Day 3 - Wednesday 22 May", True),
        (DAY_HEADER, "day three: Monday 22 January", True),
        (DAY_HEADER, "Lundi 22 janvier 2024", True),
        (DAY_HEADER, "Montag, 22. Januar", True),
        (DAY_HEADER, "Lunes, 22 de enero de 2024", True),
        (DAY_HEADER, "Segunda-feira, 22 de janeiro de 2024", True),
        (DAY_HEADER, "22 gennaio 2024", True),
        (DAY_HEADER, "Sabato 27 gennaio", True),
        (DAY_HEADER, "1ER MAI 2024", True),
        (DAY_HEADER, "Sept. 3", True),
        (DAY_HEADER, "Wednesday 22nd of January 2024, day fourteen", True),
        (DAY_HEADER, "Friday 15 May 2015 [Day 3]:", True),
        (DAY_HEADER, "Monday 22 January 2024 13.51 GMT", False),
        (DAY_HEADER, "The vote was close", False),
        (DAY_HEADER, "14:32", False),
        (DAY_HEADER, "9.45am: The vote", False),
        (DAY_HEADER, "1548 GMT: Talks", False),
        (DAY_HEADER, "Markets react: shares fall", False),
        (DAY_HEADER, "Yesterday, the", False),
        (FOREIGN_DATED, "14:32", False),
        (WEEKDAY_ONLY, "Saturday: Good morning", True),
        (WEEKDAY_ONLY, "Tues\u202f: text", True),
        (WEEKDAY_ONLY, "\u00a0ſun. :", True),
        (WEEKDAY_ONLY, "Monday 22 January 2024 13.51 GMT", False),
        (WEEKDAY_ONLY, "Markets react: x", False),
        (MATCH_LABEL, "1548", False),
        (MATCH_LABEL, "Full time", True),
        (MATCH_LABEL, "88\u2019 Corner", True),
        (MATCH_LABEL, "34th\u00a0over: 4 runs", True),
        (MATCH_LABEL, "\u00a090\u00a0+\u00a03\u00a0min: x", True),
        (MATCH_LABEL, "\u0661\u0662 min", True),  # Arabic-Indic digits
        (MATCH_LABEL, "\u017ftumps: India 93-1", True),
        (MATCH_LABEL, "10.44am: \u201cUnion leaders", False),
    ],
)
def test_line_filters_skip_lines_cheaply(dialect: PatternDialect, line: str, passes: bool) -> None:
    """A dialect's line filter rejects the common lines that cannot open its marker."""
    assert dialect.line_filter is not None
    assert (needle_pattern(dialect.line_filter).match(line) is not None) is passes


def _assert_filters_pass_matching_lines(text: str) -> None:
    """Every line of ``text`` where a filtered dialect's pattern matches passes its filter."""
    lines = all_lines(text)
    ends = LineScan(lines.text, lines.starts, lines.origins).ends
    for dialect in _FILTERED:
        assert dialect.line_filter is not None
        passes = needle_pattern(dialect.line_filter).match
        pattern = attrs.evolve(dialect, line_filter=None)._line_pattern()
        for start, end in zip(lines.starts, ends, strict=True):
            # a line of other characters is tried whatever the filter says, unless the
            # filter holds at every line
            checked = dialect.line_filter_all or lines.text[start:end].isascii()
            if checked and pattern.match(lines.text, start, end):
                assert passes(lines.text, start, end) is not None, (dialect.name, start)


_BYLINE_PIECES = st.one_of(
    st.sampled_from(
        ["Jane Doe", "Posted by ", "Émile", "|", "·", ",", " ", "\t", "\u00a0", "\x0b", "\u3000",
         "14 May 2015", "6/4/2021", "Sept. 3", "7:19 pm", "PMThe", "18:02", "noon", " GMT", "x",
         "\n", "\r\n", " (Day Three)", ":", ".", "Today ", "yesterday at ", "Montag, ",
         "22. Januar 2024", "1ER mai", "um ", " à ", " a ", "14h35", " Uhr", "MARS", "22 Dec",
         "3 fevrier", "sonntag ", "Dez", "\u00a0", "f\u00e9vrier", "ſamstag ", "\u212aw"]
    ),
    # mostly whole lines of a byline or a day header, each part sometimes missing or odd
    st.tuples(
        st.sampled_from(["\n", "\n ", "\n\t\x0c", "\n\u00a0", "x"]),
        st.sampled_from(["", "Posted by ", "posted  BY\t", "Posted at "]),
        st.lists(
            st.sampled_from(["Jane", "Doe", "Sam", "O'Neil-Reid", "St.", "Émile", "de", "UPDATE",
                             "Monday", "May", "Sam.", "Fr\u0131day", "MAI", "Today", "Jan.",
                             "By", "Sun", "Evening", "J\u00e4nner", "\u017fat."]),
            min_size=1,
            max_size=4,
        ).map(" ".join),
        st.sampled_from(["", " ", " | ", ", ", " · ", "\t,\t"]),
        st.sampled_from(["", "Tuesday, ", "WED. ", "sun ", "Monday", "Montag, ", "lundi "]),
        st.sampled_from(["14 May 2015", "6/4/2021", "22.01.24", "2024-01-16", "Jan 16, 2024",
                         "sept. 3", "1st of March", "3rd ", "1548", "14:32", "", "Today",
                         "Yesterday, ", "22. Januar 2024", "1er mai", "30 JUIN 2024"]),
        st.sampled_from(["", " ", " - ", ", ", " | ", " um ", " à ", " at "]),
        st.sampled_from(["7:19 pm", "6:41:55 PMThe", "18:02", "noon", "14h35", ""]),
        st.sampled_from(["", " GMT", " (Day Three)", ":", " text"]),
    ).map("".join),
    # match labels and cricket sessions
    st.tuples(
        st.sampled_from(["\n", "\n ", "\n\x0c", "x"]),
        st.sampled_from(["FT", "HT", "Ft", "Full time", "full-time", "Half – time", "Lunch",
                         "tea", "STUMPS", "Drinks", "Fulham", "Teams", "34th", "88’"]),
        st.sampled_from(["", ":", " :", " ", "\t"]),
        st.sampled_from(["", " Real Madrid 2-0 Dortmund", " India 93-1", " text", "2-1"]),
    ).map("".join),
    # ages (maybe after a post stamp's keyword) and match minutes
    st.tuples(
        st.sampled_from(["\n", "\n ", "\n\x0b", "x", "\n\u00a0"]),
        st.sampled_from(["", "", "Updated ", "posted\u00a0", "PUBLISHED\t", "Just\u00a0"]),
        st.sampled_from(["2", "35", "1,204", "1,20", "90", "90+3", "90 + 3", "34th", "1548", "14:32"]),
        st.sampled_from(["", " ", "\t"]),
        st.sampled_from(["h", "min", "Mins", "'", "hr 5 min", "days", "st over", "rd", "W", "x"]),
        st.sampled_from(["", " ago", ":", " ago:", " text", " +3", " over:", " ago \u00b7 Jo Ward"]),
    ).map("".join),
)  # fmt: skip


@settings(max_examples=500)
@given(st.one_of(marker_noise(), st.lists(_BYLINE_PIECES, max_size=10).map("".join)))
def test_line_filters_pass_every_line_their_pattern_matches(text: str) -> None:
    """A line filter may pass more lines than its pattern matches, never fewer: the scan
    finds with it what it finds without."""
    _assert_filters_pass_matching_lines(text)
    lines = all_lines(text)
    for dialect in _FILTERED:
        plain = attrs.evolve(dialect, line_filter=None)
        found = list(dialect.scan_lines(lines.text, lines.starts, lines.origins))
        assert found == list(plain.scan_lines(lines.text, lines.starts, lines.origins))


# The filters as first written, before their rewrites for speed (a guard that a digit
# opens no word, a number read once): each rewrite matches exactly where these do.
_PLAIN_FILTERS = {
    FOREIGN_DATED: _LINE_OPENING_BLANKS + "(?:" + _FOREIGN_OPENING + ")",
    MATCH_LABEL: (
        r"[\t\x0b\x0c ]*(?:(?i:ft|ht|full|half|kick|lunch|tea|stumps|drinks)"
        r"|\d{1,3}(?:[ \t]?\+[ \t]?\d{1,2})?[ \t]?(?:(?i:min)|')|\d{1,3}(?i:st|nd|rd|th)[ \t])"
    ),
}


@settings(max_examples=300)
@given(
    st.lists(_BYLINE_PIECES, max_size=6).map("".join),
    st.lists(
        st.sampled_from(["1", "22", "100", "4", "+", " ", "\t", "\u00a0", ".", ",", "'", "’", "min",
                         "MIN", "st", "RD", "er", "over", "ft", "Half", "ſtumps", "lundi", "Mo.",
                         "sonntag", "janv", "Mai", "f\u00e9v", "dez.", " à ", "2024", ":", "x"]),
        max_size=8,
    ).map("".join),
)  # fmt: skip
@example("", "100' x")
@example("", "123rd over")
@example("lundi 22 janvier", "")
@example("", "\u00a0Mo. 3")
def test_rewritten_line_filters_match_as_written_first(line: str, noise: str) -> None:
    """The foreign-dated and match-label filters match exactly the lines their plain
    first forms do (at every line, and match-label's at lines of ASCII text)."""
    for text in (line, noise, noise + line, line.lstrip("\n") + noise):
        for dialect, plain in _PLAIN_FILTERS.items():
            assert dialect.line_filter is not None
            if dialect is MATCH_LABEL and not text.isascii():
                continue  # its first form held at lines of ASCII text only
            fast = needle_pattern(dialect.line_filter).match(text)
            assert (fast is None) is (re.match(plain, text) is None), (dialect.name, text)


_TEST_FILES = sorted(
    [
        *pathlib.Path(__file__).parent.joinpath("corpus").glob("*.txt"),
        *pathlib.Path(__file__).parent.joinpath("data").glob("*"),
    ]
)


@pytest.mark.parametrize("path", _TEST_FILES, ids=lambda path: path.name)
def test_line_filters_pass_every_matching_line_of_the_test_texts(path: pathlib.Path) -> None:
    """Every line of the corpus and test data where a filtered pattern matches passes."""
    _assert_filters_pass_matching_lines(path.read_text(encoding="utf-8"))


def test_whole_patterns_are_compiled_only_for_lines_that_need_them() -> None:
    """Lines that only the shared timestamp could open, or without the words of an update
    marker, leave the whole patterns of ``clock-inline`` and ``updated-at`` uncompiled."""
    lines = all_lines("Monday 22 January\n10:05 GMT: Talks resume\nUPDATE 1548 GMT:\nPolice\n")
    inline, updated = attrs.evolve(CLOCK_INLINE), attrs.evolve(UPDATED_AT)
    assert [m.clock for m in inline.scan_lines(lines.text, lines.starts, lines.origins)] == [
        dt.time(10, 5)
    ]
    assert not list(updated.scan_lines(lines.text, lines.starts, lines.origins))
    assert inline._at_line is None
    assert updated._at_line is None
    lines = all_lines("\u00a0(11:26 GMT)Police said\n")
    assert [m.clock for m in inline.scan_lines(lines.text, lines.starts, lines.origins)] == [
        dt.time(11, 26)
    ]
    assert inline._at_line is not None


def test_located_scan_of_a_run_of_entries() -> None:
    """Entries run together after sentence ends are found through the locator."""
    text = "Talks resume. 15:47 GMT - Sirens sound. 4:10 p.m. ET - All clear.\nMore. noon GMT - x"
    assert CLOCK_RUN.locator is not None
    found = [text[slice(*m.span)] for m in CLOCK_RUN.scan(text)]
    assert found == ["15:47 GMT", "4:10 p.m. ET", "noon GMT"]


@pytest.mark.parametrize(
    ("separator", "entries"),
    [
        (" - ", 4),
        # a run without the dash: nothing but the space before a capital
        (" ", 4),
        # a lower-case word after the zone is a sentence going on ("15:10 GMT is the deadline")
        (" is ", 1),
    ],
)
def test_a_blog_run_together_in_one_paragraph_is_split(separator: str, entries: int) -> None:
    """A blog whose line breaks were all lost (every post after the sentence before it,
    ``... electricity. 15:10 GMT The A55 ...``) opens an entry at each time with a zone
    and a capital letter after it; without the `` - `` after the zone it was one entry
    (a colon after the zone is left to the glued-marker rule)."""
    posts = [
        ("15:42 GMT", "Western Power says 30,000 homes are without power."),
        ("15:10 GMT", "The A55 is closed at Llanfairfechan."),
        ("14:31 GMT", "An amber warning is in force until 21:00."),
        ("13:55 GMT", "Good afternoon."),
    ]
    text = "Storm live: Wales\n\n" + " ".join(f"{t}{separator}{b}" for t, b in posts)
    tl = liveblog.parse(text, date=DAY)
    assert len(tl.entries) == entries
    if entries == 4:
        assert [e.marker for e in tl.source_order] == [t for t, _ in posts]
        assert [e.body for e in tl.source_order] == [b for _, b in posts]
    assert_tiles(text, tl)


_POLLS = "21:00 Polls close across the country.\n\n21:30 The exit poll is out."


@pytest.mark.parametrize(
    ("text", "markers"),
    [
        # the third post run into the second after its sentence's blank, or glued to it
        (_POLLS + " 22:05 First result is declared.", ["21:00", "21:30", "22:05"]),
        (_POLLS + "22:05 First result is declared.", ["21:00", "21:30", "22:05"]),
        (_POLLS + "\n\nTurnout was high. 22:05 First result.", ["21:00", "21:30", "22:05"]),
        # newest first
        ("22:05 First result.\n\n21:30 The exit poll is out. 21:00 Polls close.", None),
        # a time in prose: after a word, or a sentence going on in lower case
        (_POLLS + "\n\nAt 22:05 the police said the count was safe.", []),
        (_POLLS + " 22:05 the police said the count was safe.", []),
        # against the page's order, or written unlike its markers
        (_POLLS + " 20:05 First result is declared.", []),
        (_POLLS + " 22.05 First result is declared.", []),
    ],
)
def test_one_post_run_into_the_one_above_counts_on_a_page_of_three(
    text: str, markers: list[str] | None
) -> None:
    """Two posts of times opening their lines and one run into the post above (a line
    break lost, after the sentence's end, with or without its blank) are three posts of
    a page; a time in prose (``At 22:05 the police said``, or a sentence going on in
    lower case) counts for none, nor one against the order or written otherwise: the
    page then has too few markers for ``clock-space`` (one untimed entry, its text
    whole)."""
    tl = liveblog.parse(text, date=DAY, tz="UTC")
    expected = sorted(re.findall(r"\d\d:\d\d", text)) if markers is None else markers
    assert [e.marker for e in tl if e.marker] == expected
    assert_tiles(text, tl)


_TWO_POSTS = "21:00: Polls close across the country.\n\n21:30: The exit poll is out."


@pytest.mark.parametrize(
    ("text", "markers"),
    [
        (
            "21:00: Polls close.\n\n21:30: The exit poll is out. 22:05: First result.",
            ["21:00", "21:30", "22:05"],
        ),
        (
            "UPDATE 2100 GMT: Polls close.\n\nUPDATE 2130 GMT: The poll is out.UPDATE 2205 "
            "GMT: First result.",
            ["UPDATE 2100 GMT", "UPDATE 2130 GMT", "UPDATE 2205 GMT"],
        ),
        (
            "22:05: First result.\n\n21:30: The exit poll is out. 21:00: Polls close.",
            ["22:05", "21:30", "21:00"],
        ),
        (
            "21:00 GMT: Polls close.\n\n21:30 GMT: The poll is out. 22:05 GMT: First result.",
            ["21:00 GMT", "21:30 GMT", "22:05 GMT"],
        ),
        # against the page's order: a time in the post's text
        (
            "21:00: Polls close.\n\n21:30: The exit poll is out. 20:05: Polls closed.",
            ["21:00", "21:30"],
        ),
        # a newest-first page: a schedule in the top post runs against it
        (
            "21:30: Tonight's plan. 22:00: The PM speaks.\n\n21:00: Polls close.",
            ["21:30", "21:00"],
        ),
        # a clock in prose, after a word or a number, not a sentence's end
        (_TWO_POSTS + " At 14:32 the police said the count was safe.", ["21:00", "21:30"]),
        (_TWO_POSTS + " at 14:32: the police said the count was safe.", ["21:00", "21:30"]),
        (_TWO_POSTS + ' The police said at 22:05: "The count is safe."', ["21:00", "21:30"]),
        (_TWO_POSTS + " The count stood at 4.22:05: the police said.", ["21:00", "21:30"]),
        (_TWO_POSTS + " It ended 2-1.22:05: First result.", ["21:00", "21:30"]),
        # written unlike the page's markers (no colon, another separator, no zone)
        (_TWO_POSTS + " 22:05 the police said.", ["21:00", "21:30"]),
        (_TWO_POSTS + " 22.05: First result is declared.", ["21:00", "21:30"]),
        (
            "21:00 GMT: Polls close.\n\n21:30 GMT: The poll is out. 22:05: First result.",
            ["21:00 GMT", "21:30 GMT"],
        ),
    ],
)
def test_one_post_glued_to_the_one_above_opens_an_entry_among_two(
    text: str, markers: list[str]
) -> None:
    """On a page of two posts whose markers open their lines, a third run into the
    second after its sentence's end, written as they are and in their order, opens an
    entry, as it does among three or more (``_GLUED_FEW``); a clock in prose (``at
    14:32 the police said``), one written otherwise or against the order stays text."""
    tl = liveblog.parse(text, date=DAY, tz="UTC")
    assert [e.marker for e in tl.source_order] == markers
    assert_tiles(text, tl)


def test_byline_glued_to_its_text_opens_an_entry() -> None:
    """``Tim Layden 5/2/2015 4:48:02 PMRain has stopped``: the byline runs into the text."""
    text = (
        "Derby live blog\n\n"
        "Jenny Vrentas 5/2/2015 7:05:30 PM\nAmerican Pharoah wins.\n\n"
        "Tim Layden 5/2/2015 4:48:02 PMRain has stopped at Churchill Downs.\n\n"
        "Jenny Vrentas 5/2/2015 3:15:40 PM\nGood afternoon from Louisville.\n"
    )
    tl = liveblog.parse(text, tz="America/New_York")
    assert [(e.author, e.time) for e in tl] == [
        ("Jenny Vrentas", dt.time(15, 15, 40)),
        ("Tim Layden", dt.time(16, 48, 2)),
        ("Jenny Vrentas", dt.time(19, 5, 30)),
    ]
    assert tl.entries[1].body.startswith("Rain has stopped")


_BUDGET = """Budget day live

7.52am: Good morning. The chancellor will deliver her budget at 12.30pm.

8.20am: The pound is flat against the dollar.

9.05am: The chancellor is pictured in Downing Street with the red box.

{line} The chancellor leaves No 11 for the Commons.

12.31pm: She stands up to deliver the budget.

1.05pm: Employers' national insurance rises.
"""


def _markers(text: str) -> list[str]:
    return [e.marker for e in liveblog.parse(text, date=dt.date(2024, 10, 30), tz="Europe/London")]


def test_one_marker_missing_its_colon_is_an_entry() -> None:
    """An update whose writer left out the colon ("11.40am The chancellor leaves") among
    "9.05am:" lines is an entry: one marker of another dialect, written like the others,
    opening a paragraph, at a time between its neighbours."""
    assert _markers(_BUDGET.format(line="11.40am")) == [
        "7.52am",
        "8.20am",
        "9.05am",
        "11.40am",
        "12.31pm",
        "1.05pm",
    ]


def test_a_timed_correction_is_an_entry() -> None:
    """A correction posted with its own time ("Correction 11.40am:") among "9.05am:"
    posts is an entry of its own, not text of the post before it."""
    assert _markers(_BUDGET.format(line="Correction 11.40am:")) == [
        "7.52am",
        "8.20am",
        "9.05am",
        "Correction 11.40am",
        "12.31pm",
        "1.05pm",
    ]


@pytest.mark.parametrize(
    "line",
    [
        "3.40pm",  # out of order between 9.05am and 12.31pm
        "11:40",  # written another way
    ],
)
def test_one_odd_marker_stays_text(line: str) -> None:
    """A lone candidate that breaks the order, or is written unlike the page's markers,
    stays in the text of the entry before it."""
    markers = _markers(_BUDGET.format(line=line))
    assert markers == ["7.52am", "8.20am", "9.05am", "12.31pm", "1.05pm"]


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        # the page's newest post, its order continued: an entry
        ("1.40pm", ["7.52am", "8.20am", "9.05am", "12.31pm", "1.05pm", "1.40pm"]),
        # before the last post's time: text of that post
        ("11.40am", ["7.52am", "8.20am", "9.05am", "12.31pm", "1.05pm"]),
        # written another way: text
        ("13:40", ["7.52am", "8.20am", "9.05am", "12.31pm", "1.05pm"]),
    ],
)
def test_one_marker_missing_its_colon_below_the_others(line: str, expected: list[str]) -> None:
    """Below every marker, a clock written like the page's but for its colon is an
    entry when its time continues the page's order (the oldest post of a newest-first
    page, the newest of an oldest-first one)."""
    text = _BUDGET.format(line="9.30am:") + f"\n{line} The chancellor sits down.\n"
    assert _markers(text) == [*expected[:3], "9.30am", *expected[3:]]


def test_one_marker_inside_a_paragraph_stays_text() -> None:
    """A clock opening a line in the middle of a paragraph (a schedule in a post) is no
    entry of its own, even at a time that would fit."""
    text = _BUDGET.format(line="Next up:\n11.40am")
    assert _markers(text) == ["7.52am", "8.20am", "9.05am", "12.31pm", "1.05pm"]


_WIRE = """Soldiers say they have ousted the president

0235 GMT: The African Union gives the junta 15 days.

0040 GMT: The president posts that gains will be safeguarded.

{label} Corrects the spelling of the spokesman's name in the 2350 GMT item.

2350 GMT: A colonel reads a statement on state television.

1705 GMT: Soldiers block access to the palace.
"""


def test_an_untimed_update_label_between_timed_items_is_an_entry() -> None:
    """A paragraph opened by "UPDATE:" among wire items is an untimed entry of its own,
    in its place; the items around it keep their times."""
    tl = liveblog.parse(_WIRE.format(label="UPDATE:"), date=dt.date(2023, 7, 26))
    assert [(e.marker, e.published is None) for e in tl.source_order] == [
        ("0235 GMT", False),
        ("0040 GMT", False),
        ("UPDATE", True),
        ("2350 GMT", False),
        ("1705 GMT", False),
    ]
    assert tl.source_order[2].body.startswith("Corrects the spelling")


def test_update_labels_split_a_page_without_times() -> None:
    """A page of "Update:" labels and no times is split at them; one label at the end
    of an article is the article's own note, and "Updated:" is page chrome."""
    page = "Storm hits the coast.\n\nUpdate: Power is out.\n\nUpdate: Power is back."
    tl = liveblog.parse(page)
    assert [(e.marker, e.body) for e in tl] == [
        ("Update", "Power is out."),
        ("Update", "Power is back."),
    ]
    assert tl.preamble.text == "Storm hits the coast."
    article = "Police closed the road.\n\nUpdate: This story now has the police statement."
    assert [e.marker for e in liveblog.parse(article)] == [""]
    chrome = "Updated: 4 hours ago\n\nPolice closed the road.\n\nUpdated: 2 hours ago"
    assert [e.marker for e in liveblog.parse(chrome)] == [""]


def test_an_update_label_inside_a_paragraph_stays_text() -> None:
    """ "UPDATE:" on a line in the middle of a paragraph opens no entry."""
    text = _WIRE.format(label="Editor's note follows.\nUPDATE:")
    markers = [e.marker for e in liveblog.parse(text, date=dt.date(2023, 7, 26)).source_order]
    assert markers == ["0235 GMT", "0040 GMT", "2350 GMT", "1705 GMT"]


def test_a_run_of_odd_times_inside_a_post_stays_text() -> None:
    """A list of stage times inside a post ("22:15 – Dua Lipa", "20:45 – LCD
    Soundsystem"), written unlike the page's markers, stays text even when each time
    follows the one before it in the page's order: each is judged against the nearest
    markers written the page's way."""
    text = (
        "Festival live\n\n"
        "22:30 , Ellie Muir\nThe headliner opens with fireworks.\n\n"
        "21:47 , Ellie Muir\nThe other stage wraps up.\n\n"
        "20:20 , Roisin O'Connor\nTonight's stage times\nPyramid Stage:\n22:15 – Dua Lipa\n"
        "Other Stage:\n20:45 – LCD Soundsystem\n\n"
        "19:35 , Ellie Muir\nA patient set at sunset.\n\n"
        "18:02 , Roisin O'Connor\nGood evening from the farm.\n\n"
        "17:10 , Ellie Muir\nThe gates are open.\n"
    )
    tl = liveblog.parse(text, date=dt.date(2024, 6, 28), tz="Europe/London")
    markers = [e.marker for e in tl.source_order]
    assert markers == ["22:30", "21:47", "20:20", "19:35", "18:02", "17:10"]
    assert "20:45 – LCD Soundsystem" in tl.source_order[2].body


def test_ticker_headline_is_the_text_up_to_the_plus_signs() -> None:
    """A ticker item's headline is what stands between its time and the next ``+++``
    (``+++ 18:22 Scholz rules out Taurus +++ The chancellor ...``); an item that runs on
    without closing plus signs has none."""
    text = (
        "Ukraine-Ticker\n\n"
        "+++ 18:22 Scholz rules out Taurus +++ The chancellor said no.\n\n"
        "+++ 17:40 Macron does not exclude troops +++\nHe spoke in Paris.\n\n"
        "+++ 16:05 Fifteen countries join the Czech plan for shells.\n"
    )
    tl = liveblog.parse(text, date=dt.date(2024, 2, 27), tz="Europe/Berlin")
    assert [e.headline for e in tl.source_order] == [
        "Scholz rules out Taurus",
        "Macron does not exclude troops",
        None,
    ]
    assert tl.source_order[0].body.startswith("Scholz rules out Taurus +++ The chancellor")


@pytest.mark.parametrize(
    ("pattern", "text"),
    [
        (
            r"(?P<day>\d+)\s(?P<month>\w+)\s(?P<year>\d+)",
            "1 May 99999999999999999999\nx\n\n2 May 2024\ny",
        ),
        (r"(?P<day>\d+)\s(?P<month>\w+)\s(?P<year>\d+)", "99999999999999999999 May 2024\nx"),
        (r"(?P<day>\d+)\s(?P<month>\w+)", "99999999999999999999 May\nx"),
        (r"UPDATE\s(?P<hhmm>\d+)", "UPDATE 15\nx\n\nUPDATE 1420\ny"),
    ],
)
def test_custom_dialect_numbers_out_of_range_are_impossible_markers(
    pattern: str, text: str
) -> None:
    """Regression: a PatternDialect (verbose) whose groups take any number of digits raised
    OverflowError for a year or day past C's integers, and ValueError for an hhmm of
    two digits; they are impossible markers whose text stays in the timeline."""
    custom = liveblog.PatternDialect("custom", pattern)
    tl = liveblog.parse(text, dialect=custom, date=dt.date(2024, 5, 1))
    assert "impossible-marker" in [w.code for w in tl.warnings]
    assert "".join(text.split()) == "".join(
        (
            tl.preamble.text + "".join(e.marker + e.body for e in sorted(tl, key=lambda e: e.span))
        ).split()
    )


_WEEKEND = """Storm coverage

{top}Saturday 4.15pm: Winds are easing across the coast.

Saturday 11.02am: Power cuts reported in 3,000 homes.

{middle}Friday 9.30pm: Rail services suspended.

{bottom}"""


@pytest.mark.parametrize(
    ("where", "line", "expected"),
    [
        # the oldest post of a newest-first page, a day before its neighbour
        ("bottom", "Thursday: The Met Office issues an amber warning.\n", "2024-01-18"),
        # the same day as its neighbour
        ("bottom", "Friday: Forecasters watch the storm build.\n", "2024-01-19"),
        # the newest post, the day after the one below it
        ("top", "Sunday: The clean-up begins.\n\n", "2024-01-21"),
        # between two days
        ("middle", "Saturday: Good morning from the coast.\n\n", "2024-01-20"),
    ],
)
def test_a_lone_day_only_marker_among_weekday_times_is_an_entry(
    where: str, line: str, expected: str
) -> None:
    """One ``Friday:`` paragraph on a page of ``Saturday 4.15pm:`` markers is an untimed
    entry on that day, like the day-only markers of a page with several of them."""
    parts = {"top": "", "middle": "", "bottom": ""} | {where: line}
    opening = min(dt.date.fromisoformat(expected), dt.date(2024, 1, 19))
    tl = liveblog.parse(_WEEKEND.format(**parts), date=opening)
    lone = [e for e in tl if e.published is None]
    marker, body = line.split(": ", 1)
    assert [(e.marker, str(e.day)) for e in lone] == [(marker, expected)]
    assert lone[0].body == body.strip()
    assert len(tl) == 4


@pytest.mark.parametrize(
    ("template", "line"),
    [
        # a day that does not follow its neighbour in the page's order
        (_WEEKEND, "Tuesday: The Met Office issues an amber warning.\n"),
        # a page whose markers state no weekday
        (_WEEKEND.replace("Saturday ", "").replace("Friday ", ""), "Friday: Warnings.\n"),
    ],
)
def test_a_lone_day_only_marker_that_does_not_fit_stays_text(template: str, line: str) -> None:
    """A ``Tuesday:`` paragraph below Friday's posts, or a ``Friday:`` one on a page whose
    markers write no weekday, is text of the entry above it."""
    tl = liveblog.parse(template.format(top="", middle="", bottom=line), date=dt.date(2024, 1, 19))
    assert len(tl) == 3
    assert line.strip() in tl.source_order[-1].body


_THURSDAY = "Thursday 9 November 2023\n\n"
_FRIDAY = "Friday 10 November 2023\n\n"
_OPENING = "{day}: The river is rising.\n\n"


@pytest.mark.parametrize("newest_first", [False, True])
@pytest.mark.parametrize("days", [1, 2])
def test_a_day_only_marker_opens_the_day_of_the_header_above_it(
    *, newest_first: bool, days: int
) -> None:
    """Under a day header that names its weekday, ``Thursday:`` opening the day's first
    post (the last in the page's order on a newest-first page) is an untimed entry on
    that day, though the posts' markers write no weekday; and the clocks of the day
    after it are that day's, not steps back from the last clock of the day before."""

    def day(header: str, name: str, clocks: list[str]) -> str:
        posts = [f"{c}: Post at {c}.\n\n" for c in clocks]
        opening = _OPENING.format(day=name)
        return header + "".join([*reversed(posts), opening] if newest_first else [opening, *posts])

    blocks = [day(_THURSDAY, "Thursday", ["9.15am", "2.05pm"])]
    if days == 2:
        blocks.append(day(_FRIDAY, "Friday", ["8.50am", "12.30pm"]))
    if newest_first:
        blocks.reverse()
    tl = liveblog.parse("Flooding: live updates\n\n" + "".join(blocks), tz="Europe/London")
    untimed = [(e.marker, str(e.day), e.body) for e in tl if e.published is None]
    expected = [("Thursday", "2023-11-09", "The river is rising.")]
    if days == 2:
        expected.append(("Friday", "2023-11-10", "The river is rising."))
    assert untimed == expected
    assert len(tl) == 3 * days
    assert [w.code for w in tl.warnings] == []


def test_a_day_only_marker_under_a_header_of_another_day_stays_text() -> None:
    """``Friday:`` under ``Thursday 9 November 2023``, above posts that write no weekday,
    is no marker: the opening text is the preamble's."""
    text = _THURSDAY + _OPENING.format(day="Friday") + "9.15am: Post.\n\n2.05pm: Post.\n"
    tl = liveblog.parse(text, tz="Europe/London")
    assert [e.marker for e in tl] == ["9.15am", "2.05pm"]
    assert "Friday: The river is rising." in tl.preamble.text


def test_a_given_date_a_day_off_the_opening_weekday() -> None:
    """``date=`` a day after the weekday the oldest post states: the text wins, and the
    day meant is the nearest one with that weekday, not the one a week later."""
    text = _WEEKEND.format(top="", middle="", bottom="Friday 6pm: The Met Office warns.\n")
    tl = liveblog.parse(text, date=dt.date(2024, 1, 20))
    assert [str(e.day) for e in tl] == ["2024-01-19", "2024-01-19", "2024-01-20", "2024-01-20"]
    assert [w.code for w in tl.warnings] == ["date-contradiction", "no-zone"]


def test_a_second_style_below_the_first_styles_entries_joins_them() -> None:
    """Ticker items (``+++ 16:40 Power cut +++``) below a page's ``18:22 –`` posts,
    continuing its order, are its oldest entries: they were folded into the entry above
    them, as a list before the entries (a "Key events" box) is folded into the preamble."""
    text = (
        "18:22 – Rescue teams have reached Schuld.\n\n"
        "17:50 – The Bundeswehr sends 200 soldiers.\n\n"
        "17:05 – The district declares a disaster.\n\n"
        "+++ 16:40 Power cut in Bad Neuenahr +++\nAbout 5,000 households have no power.\n\n"
        "+++ 16:12 Rail line closed +++\nThe Ahrtalbahn is closed."
    )
    tl = liveblog.parse(text, date=dt.date(2021, 7, 14), tz="Europe/Berlin")
    assert [(e.marker, e.headline) for e in tl.source_order] == [
        ("18:22", None),
        ("17:50", None),
        ("17:05", None),
        ("16:40", "Power cut in Bad Neuenahr"),
        ("16:12", "Rail line closed"),
    ]
    assert tl.warnings == ()


def test_author_then_time_on_its_own_line_opens_an_entry() -> None:
    """``Jane Smith 12:52 pm`` alone on a line (the header of a WordPress live-blog
    entry) is a marker: the time, with the name as the entry's author. Such pages gave
    no markers; a capitalised phrase of one word before a time is no author."""
    text = (
        "Budget live\n\nJane Smith 12:52 pm\n\nThe chancellor has sat down.\n\n"
        "Tom Jones 11:58 am\n\nThe chancellor is on his feet.\n"
    )
    tl = liveblog.parse(text, date=dt.date(2024, 10, 30), tz="Europe/London")
    assert [(e.marker, e.author, e.body) for e in tl.source_order] == [
        ("12:52 pm", "Jane Smith", "The chancellor has sat down."),
        ("11:58 am", "Tom Jones", "The chancellor is on his feet."),
    ]
    assert tl.preamble.text == "Budget live"
    assert tl.warnings == ()
    one_word = text.replace("Jane Smith", "Reporter").replace("Tom Jones", "Reporter")
    assert [e.marker for e in liveblog.parse(one_word, date=dt.date(2024, 10, 30))] == [""]


_GLUED_PAGE = (
    "Talks live\n\n17:40 CET: Delegations leave.\n\n16:55 CET: A briefing is due.\n\n"
    "16:20 CET: Officials confirmed the talks ended {glued}\n\n15:31 CET: The minister arrives."
)


@pytest.mark.parametrize(
    ("glued", "split"),
    [
        ("on Sunday.16:02 CET: The ministry said more.", True),
        ("on Sunday. 16:02 CET: The ministry said more.", True),
        ("on Sunday!16:02 CET: The ministry said more.", True),
        ('"for now."16:02 CET: The ministry said more.', True),
        ("at 4.16:02 CET: The ministry said more.", False),  # a time written 4.16
        ("2-1.16:02 CET: The ministry said more.", False),  # a score
        ("on Sunday.16:42 CET: The ministry said more.", False),  # out of the page's order
        ("on Sunday.16:02: The ministry said more.", False),  # not written as the others
        ("on Sunday.16:02 CET The ministry said more.", False),  # nor here
        ("on Sunday.  16:02 CET: The ministry said more.", False),  # two spaces: prose
    ],
)
def test_a_marker_glued_to_the_sentence_before_it_opens_an_entry(glued: str, split: bool) -> None:
    """A marker that lost the line break before it (``... ended on Sunday.16:02 CET: The
    ministry said``) opens its own entry when it is written as the page's other markers
    are, right after a sentence's end, with a time between its neighbours'; a time after
    a digit, or out of the page's order, or written otherwise, stays text."""
    text = _GLUED_PAGE.format(glued=glued)
    tl = liveblog.parse(text, date=DAY)
    markers = [e.marker for e in tl.source_order]
    assert ("16:02 CET" in markers) is split
    assert len(markers) == 4 + split
    assert_tiles(text, tl)
    if split:
        assert tl.source_order[2].body.endswith(glued.partition("16:02")[0].rstrip())
        assert tl.source_order[3].body == "The ministry said more."


@settings(max_examples=60, deadline=None)
@given(
    minutes=st.lists(st.integers(8 * 60, 19 * 60 + 59), min_size=4, max_size=8, unique=True),
    zone=st.sampled_from(["CET", "GMT", "EDT"]),
    joins=st.lists(st.sampled_from(["\n\n", "", " "]), min_size=8, max_size=8),
)
def test_lost_line_breaks_before_markers_change_no_instant(
    minutes: list[int], zone: str, joins: list[str]
) -> None:
    """A newest-first page whose marker lines lost the line break after a sentence (some
    glued to it, some after one space) reads the same markers and instants as the page
    written with its line breaks, as long as the first three markers start lines (the
    times, all within one day's twelve hours, give the page's order)."""
    clocks = [f"{m // 60:02}:{m % 60:02} {zone}" for m in sorted(minutes, reverse=True)]
    posts = [f"{c}: Officials said post {i} was filed." for i, c in enumerate(clocks)]
    whole = "Live\n\n" + "\n\n".join(posts)
    damaged = "Live\n\n" + "\n\n".join(posts[:3])
    for post, join in zip(posts[3:], joins, strict=False):
        damaged += join + post
    expected = liveblog.parse(whole, date=DAY)
    got = liveblog.parse(damaged, date=DAY)
    assert [(e.marker, e.published) for e in got] == [(e.marker, e.published) for e in expected]
    assert_tiles(damaged, got)


@pytest.mark.parametrize(
    ("text", "kinds"),
    [
        (
            "Final: live\n\nSet 3, 4-3 Alcaraz*\n17:52 Alcaraz holds to love. Djokovic must break.\n\n"
            "Set 3, 3-3 Djokovic*\n17:47 Djokovic saves two break points.\n\n"
            "Set 2, 6-2 Alcaraz\n16:41 Alcaraz takes the second set.",
            {"entry"},
        ),
        (
            "Live\n\nThe rain has stopped.\n07:15 , Claire Martin\n\n"
            "Fans queue at the gates.\n06:50 , Tom Hale\n\nGates open at nine.\n06:31 , Claire Martin",
            {"closing"},
        ),
    ],
)
def test_text_after_a_time_is_never_taken_for_a_byline(text: str, kinds: set[str]) -> None:
    """A time written below a line of text with a blank line after it closes its entry
    when the rest of its line is a byline (``07:15 , Claire Martin``); when it is a
    sentence (``17:52 Alcaraz holds to love.``, a score line above), the time opens its
    entry: that sentence was cut from the page as a too-long author."""
    tl = liveblog.parse(text, date=DAY, tz="UTC")
    assert {m.kind for m in choose_markers(text, DEFAULT_DIALECTS).markers} == kinds
    assert_keeps_words(text, tl)
    assert_tiles(text, tl)


@pytest.mark.parametrize("age", ["1h ago", "12m ago", "35 mins ago", "2 hours ago"])
def test_a_relative_age_above_a_bare_time_is_no_headline(age: str) -> None:
    """``1h ago`` above ``21:58`` (a page saved with its relative ages) is chrome, not the
    entry's headline: the headline-above layout does not take it."""
    posts = [
        ("21:58", "Sweden wins!"),
        ("21:41", "The jury votes are in."),
        ("20:14", "Opening act."),
    ]
    text = "Final\n\n" + "\n\n".join(f"{age}\n{t}\n{b}" for t, b in posts)
    tl = liveblog.parse(text, date=DAY, tz="UTC")
    assert [e.marker for e in tl.source_order] == [t for t, _ in posts]
    assert all(e.headline != age for e in tl)
    assert [e.body.splitlines()[0] for e in tl.source_order] == [b for _, b in posts]
    assert_keeps_words(text, tl)


@pytest.mark.parametrize(
    ("heads", "moved"),
    [
        # a score line above each time-plus-text post opens it
        (["Set 3, 4-3 Alcaraz*", "Set 3, 3-3 Djokovic*", "Set 2, 6-2 Alcaraz"], True),
        (["Arsenal 2-1 Chelsea", "Arsenal 2-1 Chelsea", "Arsenal 1-1 Chelsea"], True),
        # one line above one post of three is no layout: it stays where it is
        (["Arsenal 2-1 Chelsea", "", ""], False),
        # sentences above the times end the posts before them
        (["He scores.", "It is over.", "What a game!"], False),
    ],
)
def test_a_line_above_time_plus_text_posts_opens_them(heads: list[str], moved: bool) -> None:
    """On a page where most posts written ``16:42 Text`` have a short line right above
    them, below a blank line (a score, a set count), that line is the post's headline
    and the start of its body, as with headlines above bare times; not the end of the
    post above."""
    posts = [
        ("16:42", "Alcaraz holds to love."),
        ("16:38", "Djokovic saves two break points."),
        ("16:05", "Alcaraz takes the set."),
    ]
    blocks = [f"{h}\n{t} {b}" if h else f"{t} {b}" for h, (t, b) in zip(heads, posts, strict=True)]
    text = "Final – live\n\n" + "\n\n".join(blocks)
    tl = liveblog.parse(text, date=DAY, tz="UTC")
    assert [e.marker for e in tl.source_order] == [t for t, _ in posts]
    for entry, head, (_, body) in zip(tl.source_order, heads, posts, strict=True):
        if moved and head:
            assert entry.headline == head
            assert entry.body == f"{head}\n{body}"
        else:
            assert entry.body.startswith(body)
    assert_keeps_words(text, tl)
    assert_tiles(text, tl)


_MATCH = (
    "Arsenal v Chelsea – live\n\n{top}"
    "17:12 Saka curls one just wide.\n\n{middle}"
    "17:05 Palmer is booked.\n\n"
    "16:48 GOAL! Havertz heads in.\n\n"
    "16:30 Kick-off at the Emirates."
)


@pytest.mark.parametrize(
    ("top", "middle", "labels"),
    [
        ("FT: Arsenal 2-1 Chelsea.\n\n", "", ["FT"]),
        ("FT: Arsenal 2-1 Chelsea.\n\n90+3 min: Raya saves.\n\n", "", ["FT", "90+3 min"]),
        ("", "80 min: Chelsea make a change.\n\n", ["80 min"]),
        (
            "Full time: Arsenal 2-1 Chelsea.\n\n90 min +3: Raya saves.\n\n",
            "80 min: Chelsea make a change.\n\n",
            ["Full time", "90 min +3", "80 min"],
        ),
        # inside a paragraph, or below a title line, a minute is text
        ("Arsenal 2-1 Chelsea\nFT: it is over.\n\n", "", []),
        ("", "Chelsea press.\n80 min: Chelsea make a change.\n\n", []),
    ],
)
def test_untimed_match_posts_among_timed_ones_are_entries(
    top: str, middle: str, labels: list[str]
) -> None:
    """A paragraph opened by a match clock or result label (``FT:``, ``90+3 min:``,
    ``Full time:``) on a page of timed posts is an untimed post of its own, in its
    place: above the newest timed post, or between two; never inside a paragraph."""
    text = _MATCH.format(top=top, middle=middle)
    tl = liveblog.parse(text, date=DAY, tz="Europe/London")
    untimed = [e.marker for e in tl.source_order if e.published is None]
    assert untimed == labels
    timed = [e.marker for e in tl.source_order if e.published is not None]
    assert timed == ["17:12", "17:05", "16:48", "16:30"]
    assert_keeps_words(text, tl)
    assert_tiles(text, tl)


def test_match_clocks_alone_make_no_blog() -> None:
    """A match report whose paragraphs open with minutes (``67 min:``) and no times of
    day is one text, not a blog of untimed posts."""
    text = "Arsenal 3-1 Chelsea\n\n12 min: Saka scores.\n\n67 min: Havertz heads in.\n\nFT: 3-1."
    tl = liveblog.parse(text)
    assert [e.marker for e in tl] == [""]


@pytest.mark.parametrize(
    "run",
    [
        "16:03 GMT - Evacuation - A flight leaves. 15:47 GMT - Truce - It holds. "
        "14:12 GMT - Fighting - Gunfire is heard.",
        "4:10 p.m. ET - A flight leaves. 3:47 p.m. ET - It holds. 2:12 p.m. ET - Gunfire.",
    ],
)
def test_the_head_of_a_run_of_entries_in_one_paragraph_is_an_entry(run: str) -> None:
    """A page whose entries run together in one paragraph opens it with the newest
    entry's time at the line start (``16:03 GMT - Evacuation - ...``): that one is an
    entry too, not the page's preamble; a list of times above the run stays chrome."""
    text = "Sudan crisis: latest updates\n\n" + run
    tl = liveblog.parse(text, date=DAY)
    assert len(tl.entries) == 3
    assert tl.preamble.text == "Sudan crisis: latest updates"
    assert_keeps_words(text, tl)


def test_times_beat_the_relative_ages_above_them_and_in_a_key_events_box() -> None:
    """A page saved with a relative age above each time (``2h ago`` over ``10:18 ET``)
    and a "Key events" box of ages at the top has more ages than times, but its entries
    are the times: the ages are decoration, the box is chrome."""
    posts = [
        ("2h ago", "10:18 ET", "Discharge"),
        ("3h ago", "09:42 ET", "Video"),
        ("4h ago", "09:30 ET", "Start"),
    ]
    box = "Key events\n2h ago\nDischarge\n3h ago\nVideo\n\n"
    text = "Live: sentencing\n\n" + box + "\n\n".join(f"{a}\n{t}\n{b}" for a, t, b in posts)
    tl = liveblog.parse(text, date=DAY)
    assert [e.marker for e in tl.source_order] == [t for _, t, _ in posts]
    assert "Key events" in tl.preamble.text


_CLOSING_CLOCKS = ("07:15", "06:50", "06:31", "06:10", "05:55", "05:40", "05:21", "05:02")


@pytest.mark.parametrize(
    ("colons", "kinds"),
    [
        ((False, False), {"closing"}),
        ((False, True), {"entry"}),
        ((False, True, False), {"entry"}),  # two of three close: under three quarters
        ((False, True, False, False), {"closing"}),  # three of four: all but one
        ((True, False, False, False), {"closing"}),
        ((False, True, False, True, False), {"entry"}),
        ((False, True, False, False, False, False, False, False), {"closing"}),
        ((False, True, False, False, False, True, False, False), {"entry"}),  # two stand otherwise
    ],
)
def test_closing_layout_needs_all_markers_but_one(
    colons: tuple[bool, ...], kinds: set[str]
) -> None:
    """Times below their text with a blank line after them close their entries when at
    most one of them, and no more than a quarter, stands otherwise (here: a colon after
    the time, which introduces what follows); the count stops at the marker that
    decides it."""
    posts = [
        f"Post {i} text.\n{clock}{':' if colon else ' ,'} Claire Martin"
        for i, (clock, colon) in enumerate(zip(_CLOSING_CLOCKS, colons, strict=False))
    ]
    text = "Live\n\n" + "\n\n".join(posts)
    timed = [m for m in choose_markers(text, DEFAULT_DIALECTS).markers if m.clock is not None]
    assert len(timed) == len(colons)
    assert {m.kind for m in timed} == kinds


@pytest.mark.parametrize(
    ("above", "moved"),
    [
        ((True, True), True),
        ((True, False), False),
        ((True, True, True, False), True),  # three of four: the three quarters
        ((False, True, True, True), True),
        ((True, False, True, False), False),
        ((True, True, False), False),
    ],
)
def test_headlines_above_need_three_quarters_of_the_bare_times(
    above: tuple[bool, ...], moved: bool
) -> None:
    """Bare times take the line above them as their headline when at least three
    quarters of them have one; the count stops at the marker that decides it."""
    clocks = ("21:58", "21:41", "20:14", "19:30")
    posts = [
        (f"Headline {i}\n" if has else "") + f"{clock}\nBody text {i}."
        for i, (clock, has) in enumerate(zip(clocks, above, strict=False))
    ]
    text = "Live\n\n" + "\n\n".join(posts)
    bare = [m for m in choose_markers(text, DEFAULT_DIALECTS).markers if m.clock is not None]
    assert len(bare) == len(above)
    headlines = [m.headline for m in bare]
    if moved:
        assert headlines == [f"Headline {i}" if has else None for i, has in enumerate(above)]
    else:
        assert headlines == [None] * len(above)


_GLUED_POSTS = [
    ("32m ago", "16:05 BST", "Hospitals declare incidents"),
    ("2h ago", "14:32 BST", "BMA says talks failed"),
    ("3h ago", "13:05 BST", "Picket lines outside St Thomas'"),
    ("4h ago", "11:48 BST", "NHS England: 61,000 appointments postponed"),
]


@pytest.mark.parametrize(
    "glued",
    [
        {1},  # one age lost its line break: that post was lost in the one above
        {0, 1, 2, 3},  # every age did: the page had no markers
        {0, 2},
    ],
)
def test_an_age_glued_before_a_time_leaves_the_time_a_marker(glued: set[int]) -> None:
    """``2h ago14:32 BST`` (the line break between a post's age and its time lost in a
    copy) opens the post at the time; the age stays in the post, before its marker,
    and the headline is the line below as for the other posts."""
    text = "Strike: live\nLive Reporting\n\n" + "\n\n".join(
        f"{age}{'' if k in glued else chr(10)}{time}\n{head}\nThe details follow."
        for k, (age, time, head) in enumerate(_GLUED_POSTS)
    )
    tl = liveblog.parse(text, date=dt.date(2024, 6, 30))
    assert [e.marker for e in tl.source_order] == [t for _, t, _ in _GLUED_POSTS]
    assert [e.headline for e in tl.source_order] == [h for _, _, h in _GLUED_POSTS]
    posts = list(zip(tl.source_order, _GLUED_POSTS, strict=True))
    starts = [(text[e.span[0] :].startswith(a), e.body.startswith(a)) for e, (a, _, _) in posts]
    assert starts == [(k in glued,) * 2 for k in range(len(_GLUED_POSTS))]
    assert_tiles(text, tl)


@pytest.mark.parametrize(
    "text",
    [
        # an age run into a number that is no time, or not opening its line
        "Storm\n\n14:32 BST\nA\nWinds 2h ago12 trees fell.\n\n14:05 BST\nB\n3h ago2024 was worse.",
        "Storm\n\n14:32 BST\nA\nIt began 2h ago14:05 BST said the Met Office.\n\n14:05 BST\nB",
    ],
)
def test_an_age_before_digits_that_are_no_marker_stays_text(text: str) -> None:
    """An age glued to digits that are no marker of the page, or inside a sentence,
    opens nothing."""
    tl = liveblog.parse(text, date=dt.date(2024, 6, 30))
    assert [e.marker for e in tl.source_order] == ["14:32 BST", "14:05 BST"]


_YEAR_IN_A_POST = (
    "New Year live: fireworks around the world\n\n"
    "Monday 1 January\n\n00:05 GMT\nBig Ben strikes\nLondon's fireworks begin.\n\n"
    "Sunday 31 December\n\n11:15 GMT\nAuckland next\nNew Zealand's turn.\n\n"
    "10:05 GMT\nKiribati first\nKiribati is the first country to see in 2024.\n"
)


@pytest.mark.parametrize(
    ("now", "days"),
    [
        # no now: the year a post names, 2024, of which "Sunday 31 December" is the eve
        (None, ["2023-12-31", "2023-12-31", "2024-01-01"]),
        # a page saved at now: its days are not after it, whatever the posts name
        (dt.datetime(2019, 1, 2, tzinfo=dt.UTC), ["2017-12-31", "2017-12-31", "2018-01-01"]),
    ],
)
def test_a_year_a_post_names_dates_yearless_day_headers(
    now: dt.datetime | None, days: list[str]
) -> None:
    """Day headers without a year ("Sunday 31 December") on a page that names a year
    only in a post take the latest year named (for a December day, or the year before
    it) in which the header's day has its weekday; given ``now``, the page was saved
    then."""
    tl = liveblog.parse(_YEAR_IN_A_POST, now=now)
    assert [str(e.day) for e in tl] == days
    if now is None:
        assert [(e.kind, e.text) for e in tl.date_evidence] == [
            ("day-header", "Sunday 31 December"),
            ("text-year", "2024"),
        ]
    assert tl.warnings == ()


_RUN_TOGETHER = (
    "Arsenal 1-1 Chelsea: as it happened\nBy Tom Hale\n\n"
    "12:02 Kick-off at the Emirates. Arsenal start brightly in front of a full house."
    "12:10 Chelsea hit the post from a corner. The hosts had a chance at 12:05 too."
    "12:24 Chelsea score! Palmer finishes after a run from halfway, his first since the finals."
    "12:31 Arsenal equalise. Saka curls one in from 20 yards."
)


@pytest.mark.parametrize(
    ("text", "markers"),
    [
        (_RUN_TOGETHER, ["12:02", "12:10", "12:24", "12:31"]),
        # the first post lost its line break too
        (
            _RUN_TOGETHER.replace("Hale\n\n12:02", "Hale.12:02"),
            ["12:02", "12:10", "12:24", "12:31"],
        ),
        # times out of the page's order are no posts run together: one entry
        (_RUN_TOGETHER.replace("12:24 Chelsea", "11:24 Chelsea"), [""]),
        # a single clock glued to a sentence is no blog
        ("Match report\n\nThey met in the finals.12:24 Arsenal came out. It rained.", [""]),
        # clock times in prose open nothing
        (
            "Match report\n\nAt 12:02 Arsenal kicked off. By 12:10 Chelsea hit the post. "
            "At 12:24 Palmer scored. At 12:31 Saka equalised.",
            [""],
        ),
    ],
)
def test_a_blog_whose_posts_all_lost_their_line_breaks(text: str, markers: list[str]) -> None:
    """A blog copied without its line breaks (``...the finals.12:24 Arsenal equalise``)
    and without zones: the clocks glued to the sentence before them, with a capital
    after, open its posts when there are three or more in one direction; a clock in
    prose ("at 12:24") never does."""
    tl = liveblog.parse(text, date=dt.date(2024, 4, 23), tz="Europe/London")
    assert [e.marker for e in tl.source_order] == markers
    assert_tiles(text, tl)
    assert_keeps_words(text, tl)


# --- twins for re, exact on ASCII lines ---------------------------------------------------

_TWINNED = [d for d in DEFAULT_DIALECTS if d.twin]


def _twin_pairs() -> list[tuple[str, regex.Pattern[str], re.Pattern[str], bool]]:
    """(what, pattern, twin, is a tail) of every pattern a scan reads through its twin:
    the heads and tails of dialects with twins, and the whole patterns of the others."""
    pairs: dict[str, tuple[str, regex.Pattern[str], re.Pattern[str] | None, bool]] = {}
    for dialect in _TWINNED:
        if dialect.head is not None and dialect.tail is not None:
            pairs["head"] = ("head", _head_pattern(dialect.head), _head_twin(dialect.head), False)
            pairs[dialect.name] = (
                f"{dialect.name} tail",
                _tail_pattern(dialect.tail),
                _tail_twin(dialect.tail),
                True,
            )
        else:
            pairs[dialect.name] = (
                dialect.name,
                dialect._line_pattern(),
                dialect._line_twin(),
                False,
            )
    assert all(twin is not None for _, _, twin, _ in pairs.values())
    return [(what, p, twin, tail) for what, p, twin, tail in pairs.values() if twin is not None]


def _assert_same_match(
    what: str, found: regex.Match[str] | None, twin_found: re.Match[str] | None
) -> None:
    """``twin_found`` is ``found``: no match, or the same span and, for every group name,
    the same value at the same place (a twin's last copy that captured)."""
    assert (found is None) == (twin_found is None), (what, found, twin_found)
    if found is None or twin_found is None:
        return
    assert found.span() == twin_found.span(), what
    copies = group_copies(twin_found.re)
    assert set(copies) == set(found.re.groupindex), what
    for name, numbers in copies.items():
        captured = [twin_found.span(k) for k in numbers if twin_found.span(k)[0] >= 0]
        assert found.span(name) == (captured[0] if captured else (-1, -1)), (what, name)
        assert found.group(name) != "", (what, name)  # a twin's reader reads "" as None
    # what read_match reads of the twin's match: the pattern's values of the groups read
    read = _reader(twin_found.re).values((*twin_found.groups(), None))
    assert read == tuple(found.groupdict().get(name) for name in _READ_GROUPS), what


def _assert_twins_match_as_patterns(text: str) -> None:
    """At every line of ASCII text, each twin matches as its pattern does (a tail where
    the head ends, as the scan tries it)."""
    lines = all_lines(text)
    ends = LineScan(lines.text, lines.starts, lines.origins).ends
    pairs = _twin_pairs()
    head = _head_pattern(CLOCK_LINE.head or "")
    for start, end in zip(lines.starts, ends, strict=True):
        if not lines.text[start:end].isascii():
            continue
        head_found = head.match(lines.text, start, end)
        for what, pattern, twin, is_tail in pairs:
            at = start
            if is_tail:
                if head_found is None:
                    continue
                at = head_found.end()
            found = pattern.match(lines.text, at, end)
            _assert_same_match(what, found, twin.match(lines.text, at, end))


def _assert_twins_find_what_patterns_find(text: str) -> None:
    """Each dialect with twins finds the markers it finds without them."""
    lines = all_lines(text)
    for dialect in _TWINNED:
        plain = attrs.evolve(dialect, twin=False)
        found = list(dialect.scan_lines(lines.text, lines.starts, lines.origins))
        assert found == list(plain.scan_lines(lines.text, lines.starts, lines.origins))


def _ascii_only(text: str) -> str:
    return text.encode("ascii", "ignore").decode("ascii")


# update and updated-at lines (updated-at has a twin), each part sometimes missing or
# odd: a second clock in brackets (opened and not closed), a French "at" and its comma,
# a byline's author
_UPDATE_LINES = st.tuples(
    st.sampled_from(["\n", "\n ", "\n\t", "x"]),
    st.sampled_from(
        ["UPDATE ", "Update, ", "Correction ", "update:", "Posted at ", "Updated on ",
         "edited: ", "Posted by Sam Reid at ", "Posted by sam at ", "À ", "A ", "a\t", ""]
    ),
    st.sampled_from(["1930", "0415 GMT", "14:32", "9:42am EST", "14h35", "2561", "Jan 3, 1:15 p.m.", ""]),
    st.sampled_from(
        ["", ", 22:10 CST", " (22:10 CST)", " (2210 CST", " / 0005 TRT", "(22:10 CST) ", " | 5pm"]
    ),
    st.sampled_from(["", ":", " -", ". Text", ", ", ",", " deadline", ")"]),
).map("".join)  # fmt: skip

_TWIN_TEXTS = st.one_of(
    marker_noise(),
    marker_noise().map(_ascii_only),
    st.lists(_BYLINE_PIECES, max_size=10).map("".join).map(_ascii_only),
    st.lists(_UPDATE_LINES, max_size=6).map("".join),
)


@settings(max_examples=500)
@given(_TWIN_TEXTS)
def test_twins_match_as_their_patterns_on_ascii_lines(text: str) -> None:
    """On a line of ASCII text a twin matches where its pattern matches, with the same
    groups, and the scan finds with twins what it finds without."""
    _assert_twins_match_as_patterns(text)
    _assert_twins_find_what_patterns_find(text)


def _test_strings() -> str:
    """Every string written in the test modules, one after another: the marker lines
    and near misses the tests were written around."""
    strings: list[str] = []
    for path in sorted(pathlib.Path(__file__).parent.glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                strings.append(node.value)
    return "\n".join(strings)


def test_twins_match_as_their_patterns_on_the_test_modules_strings() -> None:
    """Every line of every string in the tests: twins match as their patterns."""
    text = _test_strings()
    _assert_twins_match_as_patterns(text)
    _assert_twins_find_what_patterns_find(text)


@pytest.mark.parametrize("path", _TEST_FILES, ids=lambda path: path.name)
def test_twins_match_as_their_patterns_on_the_test_texts(path: pathlib.Path) -> None:
    """Every line of the corpus and test data: twins match as their patterns."""
    text = path.read_text(encoding="utf-8")
    _assert_twins_match_as_patterns(text)
    _assert_twins_find_what_patterns_find(text)


# --- a head's shortcuts, exact where they match ---------------------------------------

_SHORTCUT_DIALECTS = [d for d in DEFAULT_DIALECTS if d.head_shortcuts is not None]

# The shortcuts' shapes, part by part: each part's own values and near misses
_S = st.sampled_from
_SHORT_HOUR = (
    st.integers(0, 23).map(str) | st.integers(0, 9).map("0{}".format),
    st.integers(24, 99).map(str) | _S(["123", "", "a"]),
)
_SHORT_SEP = (_S([".", ":"]), _S(["h", " h ", ". ", "", "..", ",", " "]))
_SHORT_MINUTE = (
    st.integers(0, 59).map("{:02d}".format),
    st.integers(60, 99).map(str) | _S(["5", "123", "", "1 ", "5a"]),
)
_SHORT_TAIL = (
    _S(["", ":", ".", " ", "\t:", ": ", " :", ":\t", " . ", ": Police said", ". Text", ":-"]),
    _S([":05", ".24", ".2024", ", 16:48 CET", " - 23 Jan", " hrs", " noon", " Uhr", ": 5",
        " (2 hours ago)", "?BST", " ET", " Update:", "\r", ", 22 January", " 22 January 2024",
        "/", " | Jane", "Z", "am", " pm", " GMT", ".5", " Police"]),
)  # fmt: skip
_SHORT_AMPM = (
    _S(["am", "pm", "AM", "PM", "a.m.", "p.m.", " pm", " a.m.", "Pm", " P.M."]),
    _S(["pm.", "amp", "m", "a.m", "pmx", "p. m.", "a..m.", " p .m.", "  pm", "pm .", "am?"]),
)  # fmt: skip
_SHORT_AMPM_TAIL = (
    _S(["", ": Text", ":", ":05", ": ", " ", "\t", " :"]),
    _S([" Text", ".", " GMT", ", 16:48 CET", " - 23 Jan", "?BST", " (UTC)", " 22 Jan", ". Text"]),
)  # fmt: skip
_SHORT_WEEKDAY = (
    _S(["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]),
    _S(["monday", "Mon", "Sunday,", "Today", "Mondays", "Tues", "MONDAY", "Sun."]),
)
_SHORT_BLANK = (st.just(" "), _S(["  ", "\t", "", ", ", " of ", " - "]))
_SHORT_DAY = (
    st.integers(0, 39).map(str) | _S(["09", "01"]),
    st.integers(40, 99).map(str) | _S(["1st", "22nd", "", "123", "a"]),
)
_SHORT_MONTH = (
    _S(MONTH_NAMES),
    _S(["Jan", "june", "Sept", "Mayday", "December,", "Sep.", "MAY", "Juneau"]),
)
_SHORT_YEAR = (
    st.integers(1900, 2099).map(str),
    st.integers(1000, 9999).map(str) | _S(["24", "", "2024 at", "2024,", "20245"]),
)
_SHORT_ZONE = (
    _S(["", *(f" {zone}" for zone in ZONE_ABBREVIATIONS)]),
    _S([" gmt", "  GMT", "GMT", " BSTX", " (GMT)", " GMT+1", " UTC+03:00", " Zulu", " ETA", " AM"]),
)  # fmt: skip
_SHORT_CLOCK_PARTS = (_SHORT_HOUR, _SHORT_SEP, _SHORT_MINUTE)
_SHORT_SHAPES = (
    (*_SHORT_CLOCK_PARTS, _SHORT_ZONE, _SHORT_TAIL),
    (*_SHORT_CLOCK_PARTS, _SHORT_AMPM, _SHORT_ZONE, _SHORT_AMPM_TAIL),
    (_SHORT_WEEKDAY, _SHORT_BLANK, _SHORT_DAY, _SHORT_BLANK, _SHORT_MONTH, _SHORT_BLANK,
     _SHORT_YEAR, _SHORT_BLANK, *_SHORT_CLOCK_PARTS, _SHORT_ZONE, _SHORT_TAIL),
)  # fmt: skip


@st.composite
def _shortcut_lines(draw: st.DrawFn) -> str:
    """A line of one of the shortcuts' shapes, after blanks, with up to two of its parts
    drawn among their near misses."""
    shape = draw(st.sampled_from(_SHORT_SHAPES))
    missed = draw(st.sets(st.integers(0, len(shape) - 1), max_size=2))
    parts = [draw(miss if k in missed else own) for k, (own, miss) in enumerate(shape)]
    return draw(_S(["", " ", "\t", "  \x0b", "\x0c"])) + "".join(parts)


def _assert_shortcuts_match_as_the_head(line: str) -> None:
    """At an ASCII ``line``, every shortcut that matches matches as the head does: the
    same span, each of its groups at the head's place, and the values read_match reads
    (the head's other groups unset), so that the markers read are the same."""
    for dialect in _SHORTCUT_DIALECTS:
        assert dialect.head is not None
        assert dialect.head_shortcuts is not None
        head = _head_pattern(dialect.head)
        for short in dialect.head_shortcuts:
            _assert_matches_as(re.compile(short), head, line)


def _assert_matches_as(
    short: re.Pattern[str], pattern: regex.Pattern[str], line: str
) -> re.Match[str] | None:
    """Where ``short`` matches ``line``, ``pattern`` matches with the same span, each of
    the shortcut's groups at the pattern's place and the values read_match reads (the
    pattern's other groups unset), so that the markers read are the same."""
    short_found = short.match(line)
    if short_found is None:
        return None
    found = pattern.match(line)
    assert found is not None, (short, line)
    assert short_found.span() == found.span(), (short, line)
    for name in short.groupindex:
        assert short_found.span(name) == found.span(name), (name, line)
    read = _reader(short).values((*short_found.groups(), None))
    assert read == tuple(found.groupdict().get(name) for name in _READ_GROUPS), line
    assert read_match(short_found, "x") == read_match(found, "x")
    return short_found


@settings(max_examples=2000)
@given(_shortcut_lines())
@example("13.11")
@example("Monday 22 January 2024 13.51 GMT")
@example("1.21pm: The minister said")
@example("13.11.24")  # a date: the dotted date's shape, no shortcut's
@example("12.04pm.")  # the dot is am/pm's
@example("13:11:05")  # seconds
@example("20:40 GMT: Jordan says")
@example("1:37 a.m. ET")
@example("12:05 pm.")  # the dot is pm's
def test_shortcuts_match_as_their_head(line: str) -> None:
    """A head's shortcuts match as the head does wherever they match, and the scan
    finds with them what it finds without them."""
    _assert_shortcuts_match_as_the_head(line)
    _assert_scans_alike(
        line, [(d, attrs.evolve(d, head_shortcuts=None)) for d in _SHORTCUT_DIALECTS]
    )


def _assert_scans_alike(line: str, pairs: list[tuple[PatternDialect, PatternDialect]]) -> None:
    """Each dialect finds around ``line`` what its plain copy (without its shortcuts)
    finds."""
    text = f"Intro\n{line}\nText after\n{line}\n"
    lines = all_lines(text)
    for dialect, plain in pairs:
        assert list(dialect.scan_lines(lines.text, lines.starts, lines.origins)) == list(
            plain.scan_lines(lines.text, lines.starts, lines.origins)
        )


def test_shortcuts_take_the_commonest_shapes() -> None:
    """The shapes the shortcuts are for each match one (a test that the property test
    above tests something)."""
    lines = ["13.11", "  09:05:", "1.21pm: Text", "11.04am", "Monday 22 January 2024 13.51 GMT"]
    lines += ["20:40 GMT: Jordan says", "03.50 BST", "1:37 a.m. ET", "6.40pm BST"]
    (patterns,) = {d.head_shortcuts for d in _SHORTCUT_DIALECTS}
    assert patterns is not None
    for line in lines:
        assert any(re.match(short, line) for short in patterns), line
    for line in [
        "13.11.24",
        "13:11:05",
        "12.04pm.",
        "13.11 GMT, 14:11 CET",
        "Today 13.11",
        "12:05 pm.",
    ]:
        assert not any(re.match(short, line) for short in patterns), line


# --- a line's shortcuts (UPDATE 1548 GMT:), exact where they match ---------------------

_LINE_SHORTCUT_DIALECTS = [d for d in DEFAULT_DIALECTS if d.line_shortcuts is not None]
_UPDATE_SHAPE = (
    (_S(["", " ", "\t", "  \x0b", "\x0c"]), _S(["\u00a0", "\u2003", "\ufeff"])),
    (
        _S(["UPDATE", "Update", "update", "uPdAtE"]),
        _S(["Updated", "UPDATE,", "Update #3,", "Correction", "UPDATES", "Update:", "UPDATE 2"]),
    ),
    (st.just(" "), _S(["", "  ", "\t", "?", "\u00a0", " (", ", "])),
    (
        _S(["", "", "3-", "12-"]),
        _S(["123-", "3 -", "3\u2013", "#3-", "3:", "3,", "3 (", "3- ", "-", "3-\u00a0"]),
    ),
    (
        st.integers(0, 9999).map("{:04d}".format),
        _S(["154", "15:48", "15.48", "12345", "1548hrs", "2561", "\u0661\u0665\u0664\u0668"]),
    ),
    (st.just(" "), _S(["", "?", "  ", "\u00a0", "hrs "])),
    (
        _S(sorted(ZONE_ABBREVIATIONS)),
        _S(["gmt", "GMT+1", "GMT+01:00", "GMTX", "XYZ", "BSTX", "(GMT)", "Kyiv time", "GMT / 0005 TRT"]),
    ),
    (
        _S(["", "", " / 0005 TRT", " / 2130 GMT", " / 1548 ET", " / 0831 CEST"]),
        _S([" /0005 TRT", " / 005 TRT", " / 0005", " | 0005 TRT", " / 00:05 TRT", " (0005 TRT)",
            " / 0005 trt", ", 0005 TRT", " / 0005 TRTX", " / 0005 GMT+3", "/ 0005 TRT",
            " / 0005 ABCD", " / 0005 GMTX", " / 0005 ET5", " / 2130 CESTX"]),
    ),
    (
        _S([":", ": Text", ":05", ": \u201cQuoted\u201d", ":\u00a0Text", "::", ":-"]),
        _S(["", " :", " / 0005 TRT:", " (22:10 CST):", ".", " \u2013 Text", ", 22 Jan", "?"]),
    ),
)  # fmt: skip


_UPDATE_CLOCK_SHAPE = (
    _UPDATE_SHAPE[0],
    (_S(["Update,", "UPDATE", "update,", "UpDaTe"]), _S(["Update,,", "Updated,", "Update:", "Update ,", "Correction,"])),
    (st.just(" "), _S(["", "  ", "\t", "\u00a0", " today ", " May 3, "])),
    *_SHORT_CLOCK_PARTS,
    (_S(["", "", "am", "pm", " PM", "a.m.", " p.m.", "Pm"]), _SHORT_AMPM[1]),
    _SHORT_ZONE,
    (
        _S(["", ":", ": Text", ".", " :", ". Text", "  ", "\t:", " . "]),
        _S([" - Text", ":05", ".5", ", 22 Jan", " x", "\u00a0:", " / 0005 TRT:", "?", " (GMT):"]),
    ),
)  # fmt: skip


_POSTED_SHAPE = (
    _UPDATE_SHAPE[0],
    (_S(["Posted at", "posted at", "POSTED AT"]), _S(["Posted", "Posted on", "Posted  at", "Updated at"])),
    (st.just(" "), _S(["", "  ", "\t", "\u00a0", " today at "])),
    *_SHORT_CLOCK_PARTS,
    (_S(["", "am", "pm", "AM", " PM", "a.m.", " p.m.", "Pm"]), _SHORT_AMPM[1]),
    _SHORT_ZONE,
    (_S(["", " ", "\t", "  "]), _S([":", ": Text", ".", " - 22 Jan", ":05", "\u00a0", " x"])),
)  # fmt: skip


@st.composite
def _line_shortcut_lines(draw: st.DrawFn) -> str:
    """A line of a line shortcut's shape (UPDATE's, UPDATED_AT's), with up to two of its
    parts drawn among their near misses."""
    shape = draw(st.sampled_from([_UPDATE_SHAPE, _UPDATE_CLOCK_SHAPE, _POSTED_SHAPE]))
    missed = draw(st.sets(st.integers(0, len(shape) - 1), max_size=2))
    return "".join(draw(miss if k in missed else own) for k, (own, miss) in enumerate(shape))


@settings(max_examples=3000)
@given(_line_shortcut_lines())
@example("UPDATE 1548 GMT:")
@example("UPDATE 1548 GMT: Talks \u201cresume\u201d")
@example("UPDATE 2105 GMT / 0005 TRT: x")
@example("UPDATE 2105 GMT / 0005 TRT")  # no colon: the pattern's
@example("UPDATE 2105 GMT / 0005 TRTX: x")  # an unknown second zone: the pattern's
@example("UPDATE 3-1548 GMT: x")
@example("Update, 15:48 GMT")
@example("Update, 9:15 p.m. ET: x")
@example("Update, 15:48 GMT, 22 Jan")  # a date after the clock: the pattern's
@example("Update 15:48:05")  # seconds: the pattern's
@example("UPDATE 1548 GMT+1: x")
@example("UPDATE 1548 UT:")
@example("\tUpdate 0831 CEST:")
@example("Posted at 03:02")
@example("Posted at 9.15 p.m. BST ")
@example("Posted at 03:02:05")  # seconds: the pattern's
def test_line_shortcuts_match_as_their_pattern(line: str) -> None:
    """A line's shortcut that matches matches as the dialect's pattern does: the same
    span, each of its groups at the pattern's place, the values read_match reads (the
    pattern's other groups unset) and the marker read; and the scan finds with the
    shortcuts what it finds without them."""
    for dialect in _LINE_SHORTCUT_DIALECTS:
        assert dialect.line_shortcuts is not None
        pattern = attrs.evolve(dialect)._line_pattern()
        for short in dialect.line_shortcuts:
            short_found = _assert_matches_as(re.compile(short), pattern, line)
            assert short_found is None or short_found.group().isascii(), (short, line)
    _assert_scans_alike(
        line, [(d, attrs.evolve(d, line_shortcuts=None)) for d in _LINE_SHORTCUT_DIALECTS]
    )


@pytest.mark.parametrize(
    "written", ["GMT", "local", "Local  Time", "local time", "Kyiv time", "GMT+2", "XYZ", "BST"]
)
def test_zones_read_once_read_as_afresh(written: str) -> None:
    """A zone read from the table of zones already read is the one read afresh: the text
    the marker keeps ("local time", the page's zone, keeps none) and the zone."""
    local = " ".join(written.lower().split()) in {"local", "local time"}
    assert _read_zone(written) == (("", None) if local else (written, lookup_zone(written)))
    found = regex.compile(r"(?P<hour>\d\d):(?P<minute>\d\d) (?P<zone>.+)").match(f"14:32 {written}")
    assert found is not None
    dialect_module._ZONES.clear()
    first = read_match(found, "x")
    assert dialect_module._ZONES
    assert read_match(found, "x") == first
    assert first.zone_text == ("" if local else written)


def test_line_shortcuts_take_the_commonest_shapes() -> None:
    """EA WorldView's and the agencies' ``UPDATE 1548 GMT:``, ``UPDATE 3-1548 GMT:``,
    ``UPDATE 2105 GMT / 0005 TRT:`` and ``Update, 15:48 GMT`` take UPDATE's shortcuts, so
    that a page of them never compiles UPDATE's pattern (about 40 ms in a fresh
    process); a line of another shape compiles it. ``Posted at 03:02`` alone on its line
    takes UPDATED_AT's, which compiles neither its pattern nor its twin."""
    text = "Intro \u201cquoted\u201d\n\nUPDATE 1548 GMT:\n\nText.\n\nUpdate 0831 BST: More.\n"
    text += "UPDATE 3-1548 GMT: x\nUPDATE 2105 GMT / 0005 TRT: x\nUpdate, 9:15 p.m. ET\n"
    fresh = attrs.evolve(UPDATE)
    lines = all_lines(text)
    found = list(fresh.scan_lines(lines.text, lines.starts, lines.origins))
    assert [m.clock for m in found] == [
        dt.time(h, m) for h, m in [(15, 48), (8, 31), (15, 48), (21, 5), (21, 15)]
    ]
    assert fresh._at_line is None
    text += "\nUpdate, May 3, 1:15 p.m.: x\n"
    lines = all_lines(text)
    assert len(list(fresh.scan_lines(lines.text, lines.starts, lines.origins))) == 6
    assert fresh._at_line is not None
    posted = attrs.evolve(UPDATED_AT)
    lines = all_lines("Intro\nPosted at 03:02\nHeadline\n\nText.\n  Posted at 9.15pm BST \nMore")
    found = list(posted.scan_lines(lines.text, lines.starts, lines.origins))
    assert [m.clock for m in found] == [dt.time(3, 2), dt.time(21, 15)]
    assert posted._at_line is None
    assert posted._at_line_twin is None


def test_a_page_of_the_first_shape_compiles_no_other_shortcut() -> None:
    """A line's shortcuts are compiled in turn, each at the first line the ones before it
    miss: a page of ``UPDATE 1548 GMT:`` compiles UPDATE's first shortcut alone (the
    others hold the known zones again); ``Update, 15:48 GMT`` compiles the second."""
    assert UPDATE.line_shortcuts is not None
    first, second, *_ = UPDATE.line_shortcuts
    compiled = dialect_module._shortcut_pattern
    compiled.cache_clear()
    fresh = attrs.evolve(UPDATE)
    lines = all_lines("Intro\nUPDATE 1548 GMT: Talks\n\nText.\n\nUPDATE 1612 GMT: More.\n")
    assert len(list(fresh.scan_lines(lines.text, lines.starts, lines.origins))) == 2
    assert compiled.cache_info().currsize == 1
    assert compiled(first) is compiled(first)  # held, not compiled again
    lines = all_lines("Intro\nUPDATE 1548 GMT: Talks\n\nUpdate, 15:48 GMT\nMore.\n")
    assert len(list(fresh.scan_lines(lines.text, lines.starts, lines.origins))) == 2
    assert compiled.cache_info().currsize == 2
    assert compiled(second).pattern == second


@pytest.mark.parametrize(
    ("source", "flags", "twin"),
    [
        # classes keep their ASCII members; properties become ASCII letters
        (r"[ \t\u00a0\u2000-\u200d]+x", 0, r"[ \t]+x"),
        (r"(?-i:\p{Lu}\p{Ll})[\p{L}'’.\-]*", 0, r"(?-i:[A-Z][a-z])[A-Za-z'.\-]*"),
        (r"[^()\r\n\u3000]", 0, r"[^()\r\n]"),
        # a name's later groups are copies of their own; verbose comments go
        (
            "(?P<h>a)  # one\n|(?P<h>b)(?P<h>c)",
            regex.VERBOSE,
            "(?P<h>a)  \n|(?P<h__1>b)(?P<h__2>c)",
        ),
        ("a–b|−", 0, "a–b|−"),  # a non-ASCII character that is no letter stays (never matches)
        # a non-ASCII letter that folds to no ASCII one: out of a class, kept where it
        # stands (it never matches ASCII text)
        ("caf[eé]", regex.IGNORECASE, "caf[e]"),
        ("(?P<at>(?-i:À|A))x", regex.IGNORECASE, "(?P<at>(?-i:À|A))x"),
        # no twin: \s differs, a non-ASCII letter folds to an ASCII one (the long s, the
        # Kelvin sign, the dotted and dotless i), a condition on a copied name, a property
        # without ASCII letters, a class of others alone, a range across ASCII's end,
        # regex's own syntax, a variable look-behind
        (r"\s", 0, None),
        ("ba[sſ]", regex.IGNORECASE, None),
        ("\u212a", regex.IGNORECASE, None),
        ("[İa]", 0, None),
        ("ı", regex.IGNORECASE, None),
        (r"(?P<a>x)|(?P<a>y)(?(a)z)", 0, None),
        (r"\p{N}", 0, None),
        (r"[\u00a0]", 0, None),
        (r"[a-\u00ff]", 0, None),
        (r"(?|(a)|(b))", 0, None),
        (r"(?<=a+)b", 0, None),
        (r"x", regex.BESTMATCH, None),
    ],
)
def test_ascii_twin_translation(source: str, flags: int, twin: str | None) -> None:
    """What a twin keeps, changes and refuses."""
    found = ascii_twin(source, flags)
    assert (None if found is None else found.pattern) == twin


def test_a_twin_read_marker_is_the_patterns() -> None:
    """A marker read from a twin's match (with copies of a name) is the one read from
    the pattern's, its written parts included."""
    text = "Monday 22 January 2024 15.48 GMT, 16:48 CET - 23 Jan\n9.45am (UTC+03:00) Talks\n"
    lines = all_lines(text)
    for dialect in (CLOCK_LINE, CLOCK_INLINE, CLOCK_SPACE, DAY_HEADER):
        plain = attrs.evolve(dialect, twin=False)
        assert list(dialect.scan_lines(lines.text, lines.starts, lines.origins)) == list(
            plain.scan_lines(lines.text, lines.starts, lines.origins)
        )
    line = lines.text[: lines.text.index("\n")]
    head = CLOCK_LINE.head or ""
    twin = _head_twin(head)
    assert twin is not None
    twin_found, found = twin.match(line), _head_pattern(head).match(line)
    assert twin_found is not None
    assert found is not None
    assert twin_found.group("month") == "January"
    # the date after the clock: a copy (after the CJK stamp's date before the clock)
    assert twin_found.group("month__5") == "Jan"
    assert read_match(twin_found, "x") == read_match(found, "x")
    assert read_match(found, "x").day == dt.date(2024, 1, 23)


@pytest.mark.parametrize(
    "pattern",
    [
        r">>\s(?P<hour>\d\d)(?P<minute>\d\d)",  # \s: no twin, regex alone
        r">>[ \t](?P<hour>\d\d)(?P<minute>\d\d)",  # a twin
        regex.compile(r">>\s(?P<hour>\d\d)(?P<minute>\d\d)", regex.MULTILINE),  # flags: none
    ],
)
def test_a_dialect_of_ones_own_with_twin_finds_what_it_finds_without(
    pattern: str | regex.Pattern[str],
) -> None:
    """``twin=True`` on a pattern without a twin falls back to the pattern itself."""
    text = "intro\n>> 0945 Talks begin\n>>\t1010 More\n>> 10:15 no\n"
    lines = all_lines(text)
    mine = PatternDialect("arrow", pattern, candidate_lines=True, twin=True)
    found = list(mine.scan_lines(lines.text, lines.starts, lines.origins))
    plain = attrs.evolve(mine, twin=False)
    assert found == list(plain.scan_lines(lines.text, lines.starts, lines.origins))
    assert [m.clock for m in found][:1] == [dt.time(9, 45)]


class _Forgetful(dict[object, object]):
    """A table of read clocks or dates that keeps nothing: every marker read afresh."""

    def __setitem__(self, key: object, value: object) -> None:
        """Keep nothing."""


# clocks and dates that cannot be read, twice; a slashed date read month first after
# a clock with am/pm, day first after one without
_READ_AGAIN = (
    "25:61 GMT\n25:61 GMT\n31/02/2024 10:00 GMT\n31/02/2024 10:00 GMT\n"
    "Sam Reid | 6/4/2021 7:19 pm\nSam Reid | 6/4/2021 19:19\n"
)


@settings(max_examples=300)
@given(_TWIN_TEXTS.map(lambda text: _READ_AGAIN + text + "\n" + text))
def test_markers_read_with_the_tables_of_read_clocks_and_dates_are_read_afresh(
    text: str,
) -> None:
    """A marker whose clock or date was read before (looked up in the tables) is the
    marker read afresh, its problems included."""
    lines = all_lines(text)
    scan = (lines.text, lines.starts, lines.origins)
    kept = [list(d.scan_lines(*scan)) for d in DEFAULT_DIALECTS]
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(dialect_module, "_CLOCKS", _Forgetful())
        patch.setattr(dialect_module, "_DATES", _Forgetful())
        assert [list(d.scan_lines(*scan)) for d in DEFAULT_DIALECTS] == kept


@pytest.mark.parametrize("beside", ["(12 minutes ago)", "( 2h ago )", "· 12m ago"])
def test_an_age_beside_a_bare_time_is_chrome(beside: str) -> None:
    """A relative age beside a time alone on its line (``14:32 (12 minutes ago)``,
    ``14:32 · 12m ago``) leaves the time a marker; the age stays in the text and is no
    headline: the line below is."""
    posts = [("14:32", "Cameron returns"), ("13:05", "Braverman sacked")]
    text = "Reshuffle – live\n\n" + "\n\n".join(
        f"{t} {beside}\n{h}\nThe details follow." for t, h in posts
    )
    tl = liveblog.parse(text, date=DAY, tz="Europe/London")
    assert [(e.marker, e.headline) for e in tl.source_order] == posts
    assert all(e.body.startswith(beside) for e in tl)
    assert tl.warnings == ()


@pytest.mark.parametrize("between", [" · ", " | ", " "])
@pytest.mark.parametrize("now", [None, dt.datetime(2024, 6, 30, 15, 17, tzinfo=dt.UTC)])
def test_an_age_before_a_time_on_its_line_leaves_the_time_a_marker(
    between: str, now: dt.datetime | None
) -> None:
    """``12m ago · 16:05 BST`` opens a post at the time, with or without ``now=``: the
    entry starts at the age, which stays in its text, and the headline is the line
    below."""
    text = "Strike: live\nLive Reporting\n\n" + "\n\n".join(
        f"{age}{between}{time}\n{head}\nThe details follow." for age, time, head in _GLUED_POSTS
    )
    tl = liveblog.parse(text, date=dt.date(2024, 6, 30), now=now)
    posts = list(zip(tl.source_order, _GLUED_POSTS, strict=True))
    assert [(e.marker, e.headline) for e, _ in posts] == [(t, h) for _, t, h in _GLUED_POSTS]
    assert all(e.body.startswith(age) for e, (age, _, _) in posts)
    assert tl.warnings == ()
    assert_tiles(text, tl)


@pytest.mark.parametrize(
    ("marker", "utc", "codes"),
    [
        ("14:10 GMT (22:10 CST)", "14:10", []),
        ("9:42am EST (5:42pm EAT)", "14:42", []),
        ("UPDATE 2105 GMT (0005 TRT)", "21:05", []),
        ("14:10 GMT (23:10 CST)", "14:10", ["zones-disagree"]),
    ],
)
def test_a_second_clock_in_brackets_is_read(marker: str, utc: str, codes: list[str]) -> None:
    """``14:10 GMT (22:10 CST):`` states one instant in two zones as ``14:10 GMT / 22:10
    CST:`` does: the whole is the marker, the second clock checked against the first."""
    text = f"Talks – live\n\n{marker}: Lunch.\n\n{marker}: Lunch again."
    tl = liveblog.parse(text, date=DAY)
    assert [e.marker for e in tl] == [marker, marker]
    assert {e.published.astimezone(dt.UTC).strftime("%H:%M") for e in tl if e.published} == {utc}
    assert sorted({w.code for w in tl.warnings}) == codes


def test_financial_times_opening_a_paragraph_is_no_match_label() -> None:
    """``FT`` without a colon opens a post only before a score between capitalised names
    (``FT Real Madrid 2-0 Dortmund``): ``FT reports the vote was 5-4 in favour`` on a
    markets page stays in the post above."""
    text = (
        "Markets live\n\n14:05 BST: Shares rose.\n\n"
        "FT reports the board vote was 5-4 in favour of the deal.\n\n"
        "13:30 BST: Oil fell.\n\nFT Alphaville says rates of 4-5 percent are here.\n\n"
        "HT Arsenal 1-0 Chelsea, in the lunchtime kick-off.\n\n"
        "12:10 BST: Markets open.\n"
    )
    tl = liveblog.parse(text, date=dt.date(2024, 5, 1))
    assert [e.marker for e in tl.source_order] == ["14:05 BST", "13:30 BST", "HT", "12:10 BST"]
    assert "FT reports the board vote" in tl.source_order[0].body


def test_french_at_needs_its_comma() -> None:
    """``À 14h35, la direction ...`` opens a post; an English sentence opening with
    ``A 10:30 deadline`` between ``10:05 Text`` posts stays in the post above."""
    text = (
        "Strike talks live\n\n11:40 Talks have resumed at Acas.\n\n"
        "A 10:30 deadline was set by the unions, but it passed without a deal.\n\n"
        "10:05 Union leaders arrive.\n\nA 9:45 call between the two sides was cancelled.\n\n"
        "9:20 Good morning.\n"
    )
    tl = liveblog.parse(text, date=dt.date(2024, 3, 21), tz="Europe/London")
    assert [e.marker for e in tl.source_order] == ["11:40", "10:05", "9:20"]
    french = (
        "Grève\n\nÀ 14h35, accord partiel.\n\nÀ 13h10 : réunion.\n\nÀ 11h50, trafic perturbé.\n"
    )
    tl = liveblog.parse(french, date=dt.date(2024, 1, 22), tz="Europe/Paris")
    assert [e.marker for e in tl.source_order] == ["À 14h35", "À 13h10", "À 11h50"]
    assert tl.source_order[1].body == "réunion."


def test_posted_by_author_at_time_gives_the_author() -> None:
    """``Posted by Sam Reid at 9:42 p.m. ET`` opens a post whose author is Sam Reid and
    whose marker is the time; ``Posted at 14:32`` keeps its keyword in the marker."""
    text = (
        "Live\n\nPosted by Sam Reid at 9:42 p.m. ET\nA.\n\n"
        "Posted by Ana Li at 9:15 p.m. ET\nB.\n\nPosted at 8:30 p.m. ET\nC.\n"
    )
    tl = liveblog.parse(text, date=dt.date(2024, 2, 11))
    assert [(e.marker, e.author) for e in tl.source_order] == [
        ("9:42 p.m. ET", "Sam Reid"),
        ("9:15 p.m. ET", "Ana Li"),
        ("Posted at 8:30 p.m. ET", None),
    ]


class _Given:
    """A custom dialect (not a PatternDialect) that yields one marker as it is told."""

    name = "given"

    def __init__(self, marker: object) -> None:
        self.marker = marker

    def scan(self, text: str) -> Iterator[Marker]:
        yield self.marker  # type: ignore[misc]


_GIVEN_TEXT = "intro\n\n09:00 first\n\nmore text here"


def _given(span: tuple[int, int], match: tuple[int, int], start: int = -1) -> Marker:
    # built unchecked, as a dialect's own code might (a Span built by hand refuses
    # (12, 7)): the parse checks the marker's offsets against each other and the text
    return Marker(
        span=unchecked_span(*span),
        match=unchecked_span(*match),
        dialect="given",
        clock=dt.time(9),
        start=start,
    )


@pytest.mark.parametrize(
    ("marker", "message"),
    [
        (_given((12, 7), (12, 7)), "span (12, 7), match (12, 7), start 12"),
        (_given((7, 12), (13, 7)), "span (7, 12), match (13, 7), start 13"),
        (_given((7, 200), (7, 200)), "span (7, 200), match (7, 200), start 7"),
        (_given((30, 35), (20, 25)), "span (30, 35), match (20, 25), start 20"),
        (_given((7, 12), (7, 13), start=9), "span (7, 12), match (7, 13), start 9"),
    ],
)
def test_custom_dialect_markers_are_checked(marker: Marker, message: str) -> None:
    """Regression: a custom dialect's marker with offsets out of order or past the text
    failed deep inside the parse (``span must satisfy`` about a block it never gave)
    or was taken, giving an entry whose marker lies outside it. A span checks only
    itself (and one built unchecked not even that, see docs/api.md): the parse checks
    the markers of dialects that are not PatternDialects, for text and HTML."""
    expected = (
        f"dialect 'given' yielded a marker with {message}, in a text of 34 characters: "
        "need 0 <= start <= match.start <= span.start <= span.end <= match.end <= 34"
    )
    with pytest.raises(ValueError, match=r"^dialect 'given'") as caught:
        liveblog.parse(_GIVEN_TEXT, dialects=[_Given(marker)], date=dt.date(2024, 1, 22))
    assert str(caught.value) == expected
    with pytest.raises(ValueError, match=r"^dialect 'given'"):
        liveblog.parse_html(f"<p>{_GIVEN_TEXT}</p>", dialects=[_Given(marker)])


def test_custom_dialect_yields_markers() -> None:
    """What a custom dialect yields must be a Marker with Span offsets."""
    with pytest.raises(TypeError, match=r"^dialect 'given' yielded 'x', not a Marker"):
        liveblog.parse(_GIVEN_TEXT, dialects=[_Given("x")])
    plain = attrs.evolve(_given((7, 12), (7, 13)), span=(7, 12))  # type: ignore[arg-type]
    with pytest.raises(TypeError, match=r"^dialect 'given' yielded a marker whose span is"):
        liveblog.parse(_GIVEN_TEXT, dialects=[_Given(plain)])


def test_custom_dialect_good_markers_parse() -> None:
    """A custom dialect's good marker is read as before."""
    tl = liveblog.parse(
        _GIVEN_TEXT, dialects=[_Given(_given((7, 12), (7, 13)))], date=dt.date(2024, 1, 22)
    )
    assert [(e.marker, e.body) for e in tl] == [("09:00", "first\n\nmore text here")]


_NO_NAME_WORDS = sorted({*dialect_module.NEVER_IN_NAMES, *dialect_module.NOT_NAMES_ALONE})


@settings(max_examples=300)
@given(
    st.lists(
        st.sampled_from(_NO_NAME_WORDS).flatmap(lambda w: st.sampled_from([w, w.capitalize()]))
        | st.sampled_from(["Jane", "smith", "Breaking", "May1", " ", "\t", "  ", ":", ":5", "."]),
        max_size=7,
    ).map("".join)
)
def test_a_run_of_words_naming_nobody_reads_as_word_blank_runs(text: str) -> None:
    """The patterns' runs of words naming nobody (``May June``, ``Monday Evening:``),
    written as repeated word-and-blanks groups (each holds the alternation of every
    month's name once: compiling it costs every process), match where the runs spelled
    word, then blank and word, do (in lookarounds: where, not how far)."""
    from liveblog.markers import builtin as b

    no_name, sp, flags = b._NO_NAME, b.SP, regex.I | regex.X | regex.V0
    labels = rf"(?:{b._alternation(b._POST_LABELS)}){b._NAME_END}"
    spelled = {
        b._NO_AUTHOR: rf"{no_name}(?:{sp}++{no_name})*+(?!{sp}*+(?-i:\p{{Lu}}))",
        b._NO_INLINE_AUTHOR: rf"""
            (?: (?:{b._LABEL_WORD}{sp}++){{0,3}}(?:{b._NEVER_NAME}|{labels})
                (?:{sp}++{b._LABEL_WORD}){{0,3}}
              | {no_name}(?:{sp}++{no_name}){{0,3}}
            ){sp}*+:(?!\d)
        """,
    }
    for pattern, words in spelled.items():
        for at in range(len(text) + 1):
            ours = regex.match(pattern, text[at:], flags)
            theirs = regex.match(words, text[at:], flags)
            assert (ours is None) == (theirs is None), (pattern, text[at:])


_CLOSED = (
    ("The river has burst its banks in Carlisle.", "The army is helping."),
    ("Ferries between Dover and Calais are cancelled.", "P&O says it will update passengers."),
    ("The Met Office issued a red warning for wind.", "It runs until midnight."),
    ("Gusts of 90mph were recorded on the coast.", "Roads are closed."),
)


def _closed_page(stamps: list[str], two_lines: bool = True) -> str:
    """A newest-first page whose posts each end with their stamp on their last line."""
    posts = []
    for (first, second), stamp in zip(_CLOSED, stamps, strict=False):
        body = f"{first}\n{second}" if two_lines else f"{first} {second}"
        posts.append(f"{body}{stamp}")
    return "Storm live\n\n" + "\n\n".join(posts) + "\n"


@pytest.mark.parametrize(
    "stamps",
    [
        [" — 14:32", " — 13:05", " — 11:40", " — 09:15"],
        [" (14:32)", " (13:05)", " (11:40)", " (09:15)"],
        [" - 2:32pm", " - 1:05pm", " - 11:40am", " - 9:15am"],
        [" – 14:32 GMT", " – 13:05 GMT", " – 11:40 GMT", " – 09:15 GMT"],
    ],
)
@pytest.mark.parametrize("two_lines", [True, False])
@pytest.mark.parametrize("line_end", ["\n", "\r\n", "\r"])
def test_a_stamp_closing_each_post_is_its_time(
    stamps: list[str], two_lines: bool, line_end: str
) -> None:
    """``... helping. — 14:32`` or ``(14:32)`` ending the last line of every post (the
    page's last one too) gives the post its time: the stamp closes the post, which runs
    from the stamp above; the stamp leaves the body, the title stays the preamble (lines
    ended by LF, CRLF or a lone CR)."""
    text = _closed_page(stamps, two_lines).replace("\n", line_end)
    tl = liveblog.parse(text, date=DAY, tz="Europe/London")
    assert tl.dialect.names == ("closing-stamp",)
    assert [e.time for e in tl.source_order] == [
        dt.time(14, 32),
        dt.time(13, 5),
        dt.time(11, 40),
        dt.time(9, 15),
    ]
    sep = line_end if two_lines else " "
    assert [e.body for e in tl.source_order] == [f"{a}{sep}{b}" for a, b in _CLOSED]
    assert tl.preamble.text == "Storm live"
    assert_tiles(text, tl)


def test_closing_stamps_need_the_last_post_to_end_with_one() -> None:
    """When the page's last paragraph ends without a stamp, it could be an untimed post
    or a post whose stamp closed the paragraph above, and the stamps could close or open
    posts: none is read, and the page is one entry without a time (``no-markers``), its
    text whole."""
    text = _closed_page([" — 14:32", " — 13:05", " — 11:40", ""])
    tl = liveblog.parse(text, date=DAY, tz="Europe/London")
    assert [e.marker for e in tl] == [""]
    assert [w.code for w in tl.warnings] == ["no-markers"]
    assert_tiles(text, tl)


def test_a_time_in_brackets_ending_a_sentence_inside_a_post_is_text() -> None:
    """A paragraph whose last sentence ends with a bracketed time before its full stop
    (``... at the meeting (14:32).``) or that goes on below is no closing stamp."""
    text = (
        "Live\n\n14:40\nThe vote was called (14:32).\n\n13:50\nTalks resumed. (13:45)\nMore text.\n"
    )
    tl = liveblog.parse(text, date=DAY)
    assert [e.marker for e in tl.source_order] == ["14:40", "13:50"]
    assert "closing-stamp" not in tl.dialect.names


@given(
    st.lists(st.tuples(st.integers(0, 23), st.integers(0, 59)), min_size=3, max_size=4, unique=True)
    .map(sorted)
    .map(lambda times: times[::-1]),
    st.sampled_from([" — {}", " ({})", " - {}", " – {}"]),
    st.booleans(),
)
def test_closing_stamps_round_trip(
    times: list[tuple[int, int]], form: str, two_lines: bool
) -> None:
    """Posts each closed by their time, in any of the stamp's forms: each post gets its
    time and keeps its text, and the spans tile the page."""
    stamps = [form.format(f"{h:02d}:{m:02d}") for h, m in times]
    text = _closed_page(stamps, two_lines)
    tl = liveblog.parse(text, date=DAY, tz="Europe/London")
    assert [e.time for e in tl.source_order] == [dt.time(h, m) for h, m in times]
    sep = "\n" if two_lines else " "
    assert [e.body for e in tl.source_order] == [f"{a}{sep}{b}" for a, b in _CLOSED[: len(times)]]
    assert_tiles(text, tl)


_SHORT_PAGE_LIST = (
    "Summit live\n\n{p1}: Talks resume after lunch.\n\n"
    "{p2}: The afternoon's programme:\n{s1}: Press conference\n{s2}: Family photo\n"
    "{s3}: Dinner\n\n{p3}: Lunch break.\n\n{p4}: Leaders arrive."
)


@pytest.mark.parametrize(
    ("clocks", "markers"),
    [
        # newest first: the list rises inside the post at 2:15 p.m.
        (
            ["2:40 p.m.", "2:15 p.m.", "3 p.m.", "4 p.m.", "7 p.m.", "12:05 p.m.", "11:30 a.m."],
            ["11:30 a.m.", "12:05 p.m.", "2:15 p.m.", "2:40 p.m."],
        ),
        (
            ["14:40", "14:15", "15:00", "16:00", "19:00", "12:05", "11:30"],
            ["11:30", "12:05", "14:15", "14:40"],
        ),
        # oldest first: the list runs past the post below it
        (
            ["11:30", "12:05", "15:00", "16:00", "19:00", "14:15", "14:40"],
            ["11:30", "12:05", "14:15", "14:40"],
        ),
    ],
)
def test_a_list_inside_a_post_of_a_short_page(clocks: list[str], markers: list[str]) -> None:
    """On a page of four posts separated by blank lines, a three-line list in the posts'
    format inside one of them (its lines on consecutive lines) is text, even when its
    lines are as many as the page's blank gaps."""
    p1, p2, s1, s2, s3, p3, p4 = clocks
    text = _SHORT_PAGE_LIST.format(p1=p1, p2=p2, s1=s1, s2=s2, s3=s3, p3=p3, p4=p4)
    tl = liveblog.parse(text, date=dt.date(2024, 1, 22), tz="America/New_York")
    assert [e.marker for e in tl.entries] == markers


@pytest.mark.parametrize(
    "text",
    [
        # posts set out in pairs, one under another, a blank line between pairs
        "Storm live\n\n14:32: Gusts.\n14:10: Rain.\n\n13:55: Trains.\n13:40: Ferries.",
        "Storm live\n\n09:40: Gusts.\n09:55: Rain.\n\n10:10: Trains.\n10:25: Ferries.",
    ],
)
def test_posts_in_pairs_are_posts(text: str) -> None:
    """Posts set out in pairs on consecutive lines, as many pairs as blank gaps, are posts
    whatever the step inside each pair."""
    assert len(liveblog.parse(text).entries) == 4

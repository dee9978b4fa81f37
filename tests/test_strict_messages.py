"""A strict error says the problem, never what a warning says the parse did about it.

A warning's message is the problem, then its outcome (``; kept in place``, ``; bare
times read as UTC``), then any advice; in strict mode the parse stops at the problem,
so the error's message is the problem and the advice only.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Any, NamedTuple, cast

import pytest

import liveblog
from liveblog import MarkerError, NoMarkersError, OrderError, ParseError, ZoneError

DAY = dt.date(2024, 1, 22)
_OUT_OF_ORDER = "\n".join(
    f"UPDATE {t} GMT: {b}"
    for t, b in [("1200", "d"), ("1100", "c"), ("0930", "late"), ("1000", "b"), ("0900", "a")]
)
_XML_FEED = (
    '<?xml version="1.0"?>\n<feed xmlns="http://www.w3.org/2005/Atom"><title>Live</title>'
    "<entry><title>UPDATE 1548 GMT</title><content>Talks end.</content></entry></feed>"
)


class _Case(NamedTuple):
    reader: str
    text: str
    arguments: dict[str, Any]
    code: str
    error: type[ParseError]
    problem: str
    outcome: str
    advice: str


# (reader, text, arguments, code, error, problem, outcome, advice): the warning is
# problem + outcome + advice, the strict error problem + advice
CASES = [
    pytest.param(
        _Case(
            "parse",
            "Ukraine talks went on.\nMore text.\n",
            {},
            "no-markers",
            NoMarkersError,
            "no entry markers found",
            "; the whole text is one entry",
            "",
        ),
        id="no-markers",
    ),
    pytest.param(
        _Case(
            "parse",
            "UPDATE 1602 GMT: y\n\nUPDATE 2561 GMT: z\n\nUPDATE 1548 GMT: x",
            {"date": DAY},
            "impossible-marker",
            MarkerError,
            "invalid clock time '2561'",
            "; text kept in the neighbouring entry",
            "",
        ),
        id="impossible-marker",
    ),
    pytest.param(
        _Case(
            "parse",
            "999,999,999d ago\nx\n\n2h ago\ny",
            {"now": dt.datetime(2000, 1, 1, tzinfo=dt.UTC)},
            "impossible-marker",
            MarkerError,
            "relative time '999,999,999d ago' reaches before year 1",
            "; no instant given",
            "",
        ),
        id="impossible-marker-age",
    ),
    pytest.param(
        _Case(
            "parse",
            "Live\n\n2:10pm: Third.\n\n1:5pm: Second.\n\n10:40am: First.",
            {"date": DAY, "tz": "UTC"},
            "odd-clock",
            MarkerError,
            "minute written with one digit in '1:5pm'",
            "; read as 13:05",
            "",
        ),
        id="odd-clock",
    ),
    pytest.param(
        _Case(
            "parse",
            _OUT_OF_ORDER,
            {"date": DAY},
            "out-of-order",
            OrderError,
            (
                "entry at 09:30 stands above the one at 10:00 on line 4, in a blog whose "
                "later entries stand above"
            ),
            "; kept in place",
            "",
        ),
        id="out-of-order",
    ),
    pytest.param(
        _Case(
            "parse",
            (
                "Nov 4, 2023 10:19 AM IST\nA\n\nNov 4, 2023 09:42 AM IST\nB\n\n"
                "Nov 4, 2023 11:00 AM IST\nC"
            ),
            {"tz": "Asia/Kolkata"},
            "out-of-order",
            OrderError,
            (
                "entry at 09:42 on 2023-11-04 stands below the one at 10:19 on line 1, in a "
                "blog whose later entries stand below"
            ),
            "; kept in place",
            "",
        ),
        id="out-of-order-same-written-day",
    ),
    pytest.param(
        _Case(
            "parse",
            "16:00 – 10 Mar 2022\nB\n\n15:00 – 9 Mar 2022\nA\n\n14:00 – 11 Mar 2022\nC",
            {"tz": "UTC"},
            "out-of-order",
            OrderError,
            "marker states 2022-03-09, before the 2022-03-10 of the entry before it",
            "",
            "",
        ),
        id="out-of-order-day",
    ),
    pytest.param(
        _Case(
            "parse",
            "UPDATE 1000 XYZ: x",
            {"date": DAY},
            "unknown-zone",
            ZoneError,
            "unknown zone abbreviation 'XYZ'",
            "; no instant given",
            "",
        ),
        id="unknown-zone",
    ),
    pytest.param(
        _Case(
            "parse",
            "UPDATE 1000 IST: x",
            {"date": dt.date(2024, 7, 1)},
            "ambiguous-zone",
            ZoneError,
            "zone abbreviation 'IST' is ambiguous",
            "; read as Asia/Kolkata",
            " (pass tz= to choose)",
        ),
        id="ambiguous-zone",
    ),
    pytest.param(
        _Case(
            "parse",
            "UPDATE 1000 EST: x",
            {"date": dt.date(2024, 7, 1)},
            "zone-mismatch",
            MarkerError,
            "'EST' written on 2024-07-01, when America/New_York does not observe it",
            "; read as local time there",
            "",
        ),
        id="zone-mismatch",
    ),
    pytest.param(
        _Case(
            "parse",
            "UPDATE 2105 GMT / 0105 TRT: Aftershock\n\nUPDATE 1830 GMT / 2130 TRT: Rescue",
            {"date": DAY},
            "zones-disagree",
            MarkerError,
            "the marker's second time 01:05 Europe/Istanbul is not the same instant as the first",
            "; the first is used",
            "",
        ),
        id="zones-disagree",
    ),
    pytest.param(
        _Case(
            "parse",
            "UPDATE 1548 GMT: Talks end.\n\nUPDATE 1548 GMT: Talks end.\n\n"
            "UPDATE 1420 GMT: Talks begin.",
            {"date": DAY},
            "repeated-entry",
            ParseError,
            "the post under 'UPDATE 1548 GMT' is printed again (as at line 1)",
            "; both copies are kept",
            "",
        ),
        id="repeated-entry",
    ),
    pytest.param(
        _Case(
            "parse",
            "14:32: Talks.\n\n14:05: Start.",
            {"date": DAY},
            "no-zone",
            ZoneError,
            "no zone stated and no tz= or --tz given",
            "; bare times read as UTC",
            "",
        ),
        id="no-zone",
    ),
    pytest.param(
        _Case(
            "parse",
            "UPDATE 1602 GMT: y\n\nUPDATE 1548 GMT: x",
            {},
            "no-date",
            ParseError,
            "the blog's date is unknown (pass date= or --date)",
            "; entries have no instant",
            "",
        ),
        id="no-date",
    ),
    pytest.param(
        _Case(
            "parse",
            "16:00 – 10 Mar 2022\nB\n\n15:00 – 10 Mar 2022\nA",
            {"date": dt.date(2022, 3, 9), "tz": "UTC"},
            "date-contradiction",
            ParseError,
            "marker states 2022-03-10 but date= gives 2022-03-09",
            "; the text wins",
            "",
        ),
        id="date-contradiction",
    ),
    pytest.param(
        _Case(
            "parse",
            "Monday 23 January 2024\n\n09:00 GMT: x\n\n10:00 GMT: y",
            {},
            "weekday-mismatch",
            MarkerError,
            "2024-01-23 is a Tuesday, not the weekday written",
            "",
            "",
        ),
        id="weekday-mismatch",
    ),
    pytest.param(
        _Case(
            "parse",
            "2h ago\nA\n\n35 min ago\nB",
            {},
            "no-now",
            ParseError,
            "relative time '2h ago' needs now= (the moment the page was saved)",
            "",
            "",
        ),
        id="no-now",
    ),
    pytest.param(
        _Case(
            "parse",
            "Yesterday 14:00\nA\n\nYesterday 13:00\nB",
            {"tz": "UTC"},
            "no-now",
            ParseError,
            "relative day 'Yesterday 13:00' needs now= (the moment the page was saved)",
            "",
            "",
        ),
        id="no-now-day",
    ),
    pytest.param(
        _Case(
            "parse",
            "Storm live\n\n<strong>23:40</strong> Flood warning issued\n\n"
            "<strong>23:10</strong> Winds reach 80mph\n\n<strong>22:45</strong> Storm lands\n",
            {"date": DAY, "tz": "UTC"},
            "html-markup",
            ParseError,
            "the text holds HTML tags at its lines' starts, such as '<strong>'",
            ": markers are read across them, and the tags kept in the text",
            "; a page's HTML reads better with liveblog.parse_html",
        ),
        id="html-markup-tags",
    ),
    pytest.param(
        _Case(
            "parse",
            "<html><body><p>UPDATE 1548 GMT: x</p></body></html>",
            {"date": DAY},
            "html-markup",
            ParseError,
            "the text looks like HTML markup, whose tags can hide markers; read it with "
            "liveblog.parse_html (or liveblog.html.parse_document)",
            "",
            "",
        ),
        id="html-markup-page",
    ),
    pytest.param(
        _Case(
            "parse",
            "UPDATE 1602 GMT: Talks &amp; more.\n\nUPDATE 1548 GMT: x",
            {"date": DAY},
            "html-entities",
            ParseError,
            "the text holds an HTML entity written out, such as '&amp;'",
            ", kept as written (markers are read across &nbsp; and &#160;)",
            "; decode them with html.unescape, or read the page with liveblog.parse_html",
        ),
        id="html-entities",
    ),
    pytest.param(
        _Case(
            "parse",
            "blog.txt",
            {},
            "file-name-text",
            ParseError,
            "the text is a file name; parse reads a str as the blog itself: to read the file, "
            "pass pathlib.Path('blog.txt')",
            "",
            "",
        ),
        id="file-name-text",
    ),
    pytest.param(
        _Case(
            "parse",
            '{"version": "https://jsonfeed.org/version/1.1", "items": []}',
            {},
            "json-document",
            ParseError,
            "the text is a JSON document, not a live blog: read a JSON Feed with "
            "Timeline.from_json_feed and a timeline's to_dict() with Timeline.from_dict "
            "(the command liveblog merge reads both)",
            "",
            "",
        ),
        id="json-document",
    ),
    pytest.param(
        _Case(
            "parse_html",
            "UPDATE 1602 GMT: y\n\nUPDATE 1548 GMT: x",
            {"date": DAY},
            "not-html",
            ParseError,
            "the input holds no HTML tag",
            ", so it was read as plain text, as liveblog.parse reads it",
            "",
        ),
        id="not-html",
    ),
    pytest.param(
        _Case(
            "parse_html",
            _XML_FEED,
            {"date": DAY},
            "xml-feed",
            ParseError,
            "the input is an Atom or RSS feed, not a web page",
            ": its text was read as a page's",
            "; liveblog reads feeds as JSON Feed (Timeline.from_json_feed)",
        ),
        id="xml-feed",
    ),
]


@pytest.mark.parametrize("case", CASES)
def test_a_strict_error_says_the_problem_not_the_outcome(case: _Case) -> None:
    """The warning (the first the parse gives) is unchanged: problem, outcome, advice;
    the strict error raised for it, at the same place, is the problem and the advice."""
    reader, text, arguments, code, error, problem, outcome, advice = case
    read = getattr(liveblog, reader)
    warning = read(text, **arguments).warnings[0]
    assert (warning.code, warning.message) == (code, problem + outcome + advice)
    with pytest.raises(error) as raised:
        read(text, strict=True, **arguments)
    err = raised.value
    assert type(err) is error
    assert err.msg == problem + advice
    if outcome:
        assert outcome.lstrip(";:, ") not in err.msg
    if reader == "parse":  # (parse_html's warnings are about the text it extracted)
        assert (err.lineno, err.colno, err.snippet) == (
            warning.line,
            warning.column,
            warning.snippet,
        )


def test_the_table_covers_every_code_the_guide_lists() -> None:
    """Every warning code in the guide's table has a row above (a new code needs one)."""
    guide = Path(__file__).parent.parent / "docs" / "guide.md"
    listed = set(re.findall(r"^\| `([a-z-]+)` \|", guide.read_text("utf-8"), re.MULTILINE))
    assert listed == {cast("_Case", case.values[0]).code for case in CASES}

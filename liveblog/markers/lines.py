"""Cheap pre-selection of the lines that can hold a built-in marker.

Regular-expression engines pay for every position they try; a live blog of 10 MB has
10 million positions but only a few thousand lines that could start an entry. This
module splits the text into lines (C speed) and keeps the head of every line that
starts with a digit, a bracket, ``+``, or a keyword, weekday or month word, that is
short and ends like a byline (a clock, ``am``/``pm``, a zone after them), or whose head
holds a byline glued to its text by an AM or PM (``Tim Layden 5/2/2015 4:48:02
PMRain has stopped``). Built-in line-start dialects scan the joined heads instead of the
whole text, and their matches are mapped back.
"""

from __future__ import annotations

import re

import attrs

from liveblog.markers.builtin import SP, UPDATE, UPDATED_AT
from liveblog.markers.dialect import (
    MARKER_BLANKS,
    NORDIC_WEEKDAYS,
    POLISH_WEEKDAYS,
    ROMANCE_WEEKDAYS,
)

__all__ = ["BLANK_LINE", "HEAD", "LINE_BREAK", "Heads", "all_lines", "candidate_heads"]

HEAD = 160
"""Characters of a line that are kept: longer than any line-start marker."""

# First three letters (lower case) of the words a marker line can start with.
_PREFIXES = frozenset(
    [
        "upd",
        "cor",
        "pos",
        "edi",
        "add",
        "ori",
        "ear",
        "pub",
        "mon",
        "tue",
        "wed",
        "thu",
        "fri",
        "sat",
        "sun",
        "jan",
        "feb",
        "mar",
        "apr",
        "may",
        "jun",
        "jul",
        "aug",
        "sep",
        "oct",
        "nov",
        "dec",
        "noo",
        "mid",
        "day",  # a day header naming the event's day first: Day 3 – Wednesday 22 May
        "ft:",  # match labels: FT:, HT:, Full time:, Half-time:
        "ht:",
        "ft ",  # FT Real Madrid 2-0 Dortmund (a score on the line)
        "ht ",
        "ful",
        "hal",
        "kic",  # KICK-OFF alone on its line, above a match blog's minutes
        "kl.",  # the word before a clock: kl. 14.32 (Swedish, Norwegian, Danish)
        "kl ",
        "klo",  # klo 14.32 (Finnish), klockan 14.32
        # German weekdays abbreviated: Do., 1. Febr. 2024
        *(f"{w}." for w in ("mo", "di", "mi", "do", "fr", "sa", "so")),
        # the half of the day before a 12-hour CJK clock and its hour, maybe after a
        # blank, in ASCII or full-width digits: 午後2時32分 | 上午9点 | 오후 2시 | 午後１時
        *(
            half + after
            for half in ("午前", "午後", "午后", "上午", "下午", "오전", "오후")
            for after in " \u00a0\u30000123456789０１２３４５６７８９"
        ),
    ]
)
# The update keywords' openings (Update, MISE À JOUR, Aktualisierung, Actualización,
# Aggiornamento ore, Updated at, Actualizado a las, Ore 18.22...): the update dialects'
# own ``words``, which every one of their markers opens with, so a keyword added to a
# dialect keeps its lines here too. The rest of this module's tables differ on purpose:
# they hold the openings of the dialects that have no ``words`` (day headers, match and
# cricket labels, ages), whole words where three letters open too many other words.
_KEYWORDS = tuple(
    sorted(
        {word for dialect in (UPDATE, UPDATED_AT) for word in dialect.words or () if word.isalpha()}
    )
)
_KEYWORD_LONGEST = max(map(len, _KEYWORDS))
# Whole first words (lower case, without a trailing comma or colon) a marker line can
# start with, where their first three letters open many other words ("team", "free",
# "don't"): French and German weekdays opening a day header (Lundi 22 janvier 2024,
# Montag, 22. Januar: "mon" and "mar" are above), a cricket session's end (Lunch: India
# 93-1), a day relative to the page's save (Today 09:15, Yesterday at 6.05pm). (The
# update keywords are _KEYWORDS.)
_WORDS = frozenset(
    {
        "mercredi", "jeudi", "vendredi", "samedi", "dimanche", "lundi", "dienstag",
        "mittwoch", "donnerstag", "freitag", "samstag", "sonnabend", "sonntag",
        "lunch", "tea", "stumps", "drinks", "today", "yesterday",
        # Polish "hour" before a clock: godz. 14:32
        "godz",
        # the newest post's age on a page of ages (Just now, Now over 3 min ago)
        "just", "now",
        # French weekdays abbreviated (mer. 9 oct. 2024 à 18h05)
        "lun", "mer", "jeu", "ven", "sam", "dim",
        # Spanish, Italian and Portuguese weekdays opening a day header (Lunes, 22 de
        # enero de 2024 | Lunedì 22 gennaio | Segunda-feira, 22 de janeiro), and Dutch,
        # Swedish, Norwegian and Danish ones (maandag 22 januari | måndag 22 januari)
        *ROMANCE_WEEKDAYS,
        *(name for names in NORDIC_WEEKDAYS for name in names),
        # and Polish ones (poniedziałek, 22 stycznia 2024)
        *POLISH_WEEKDAYS,
    }
)  # fmt: skip
_WORD_HEADS = frozenset(w[:3] for w in _WORDS)
_KEYWORD_HEADS = frozenset(w[:3] for w in _KEYWORDS) - _PREFIXES
# French "at" and a blank, then an ASCII digit (pages write French times so) or more
# blanks: À 14h35 | A\u00a0\u00a014h35
_DIGITS = frozenset("0123456789")
_AT_HEADS = frozenset(
    f"{a}{blank}{after}"
    for a in "aà"
    for blank in MARKER_BLANKS
    for after in (*MARKER_BLANKS, *_DIGITS)
)
# the first three letters (lower case) of the lines _opens_like_a_marker reads
_OTHER_HEADS = _WORD_HEADS | _KEYWORD_HEADS | _AT_HEADS
_BYLINE_MAX = 200
# what may stand before a line's last full stop when the line ends like a byline: the m
# of am or pm (no other character's lower case ends with an m or a blank)
_M_OR_BLANK = frozenset("mM" + MARKER_BLANKS)
_BYLINE_ENDS = ("am", "pm", "a.m.", "p.m.", "a.m", "p.m")
# a post header's age after its author, after a blank: "Jane Smith · 5 min ago", "Jo Li |
# Just now"
_AGE_ENDS = frozenset({"ago", "now"})
# The last words (lower case) of a zone spelled out after a clock: the last words of
# builtin's zone words (British Summer Time, Eastern, Pacific Daylight, local), written
# out (compiling builtin's pattern here would cost every process); a test reads every
# zone builtin's pattern reads and checks that one of these ends it
_ZONE_LAST_WORDS = (
    *("time", "eastern", "central", "pacific", "mountain", "standard", "daylight", "local"),
)
# The end of a short line that ends like a byline in another way, read backwards from
# the line's end (one try, where a search from the front tries every position): a zone
# or none (an upper-case abbreviation, up to four words ending as a zone's do), before
# it a clock (a digit, am/pm however dotted, 14:30 hrs, 12:00 noon, 14.32 Uhr):
# "06:30 AM IST", "7.19 p.m .", "06:30 British Summer Time" (what byline-after ends
# with, or more)
_BYLINE_END_REVERSED = re.compile(
    rf"""{SP}*
    (?:(?:[A-Z]{{2,5}}|(?i:(?:{"|".join(w[::-1] for w in _ZONE_LAST_WORDS)})(?:{SP}+[a-z]+){{0,3}}))
       {SP}*)?
    (?i:(?:(?:sr|sruo)?h{SP}*|(?:noon|rhu|ruu){SP}+)?\d
      |(?:\.{SP}?)?m{SP}?(?:\.{{1,2}}{SP}?)?[ap]|noon|yaddim|thgindim)""",
    re.VERBOSE,
)
# how far back a byline's clock may stand from its line's end ("12:00 noon Central
# European Summer Time")
_BYLINE_END_SPAN = 48
# a clock's AM/PM run into the next word: a byline glued to the text after it
_GLUED_AMPM = re.compile(r"\d ?[AP]M(?=[^\W\d_])")


@attrs.frozen
class Heads:
    """The joined heads of candidate lines, and where each came from."""

    text: str
    """Candidate line heads joined by LF; a cut head ends with ``x`` so it never ends a line."""
    starts: tuple[int, ...]
    """Offset of each head in :attr:`text`."""
    origins: tuple[int, ...]
    """Offset of each head's line in the source text."""


LINE_BREAK = re.compile(r"\r\n|\r|\n")
"""A line break: CRLF, CR or LF."""
BLANK_LINE = re.compile(r"(?>\r\n|\r|\n)[^\S\r\n]*(?>\r\n|\r|\n)")
"""Two line breaks with only blanks between; atomic groups keep CRLF from counting as two."""


def all_lines(text: str) -> Heads:
    """Every line of the text itself, for texts whose lines end with lone CRs.

    >>> all_lines("a\\rb").starts
    (0, 2)
    """
    starts = (0, *(m.end() for m in LINE_BREAK.finditer(text)))
    return Heads(text, starts, starts)


def candidate_heads(text: str) -> Heads | None:
    """Select the lines that can hold a line-start marker; None when lines end with lone CRs.

    >>> heads = candidate_heads("Intro text\\n14:32\\nHeadline\\nUPDATE 1548 GMT: x")
    >>> heads.text.split("\\n"), heads.origins
    (['14:32', 'UPDATE 1548 GMT: x'], (11, 26))
    """
    crlf = "\r" in text
    if crlf and text.count("\r") != text.count("\r\n"):
        return None  # lone CRs end lines too: the caller scans the whole text
    pieces: list[str] = []
    starts: list[int] = []
    origins: list[int] = []
    size = 0
    position = 0
    # one split and a few tests of each line's own string, without a call per line:
    # this walk reads every line of the text
    for line in text.split("\n"):
        origin = position
        position += len(line) + 1
        if not line:
            continue
        if crlf and line[-1] == "\r":
            line = line[:-1]  # noqa: PLW2901 - the line without its CR
            if not line:
                continue
        head = line[:HEAD]
        first = line[0]
        opening = line
        if first in MARKER_BLANKS:
            opening = head.lstrip(MARKER_BLANKS)
            first = opening[:1]
        if not (
            (
                first
                and (
                    first.isdigit()
                    or first in "([+"
                    or (head3 := opening[:3].lower()) in _PREFIXES
                    # one look-up for most lines: no word of the tables opens them
                    or (head3 in _OTHER_HEADS and _opens_like_a_marker(opening, head3))
                )
            )
            or (
                len(line) <= _BYLINE_MAX
                # a line ending with a full stop after anything but an m or a blank
                # (half of all lines) ends no byline: _ends_like_byline's own test
                and (line[-1] != "." or line[-2:-1] in _M_OR_BLANK)
                and _ends_like_byline(line)
            )
            # a byline glued to its text needs an AM or PM (one character's search
            # first: a search of the whole text for both cost a quarter of this walk)
            or ("M" in head and ("PM" in head or "AM" in head) and _GLUED_AMPM.search(head))
        ):
            continue
        piece = head if len(line) <= HEAD else head + "x"
        starts.append(size)
        origins.append(origin)
        pieces.append(piece)
        size += len(piece) + 1
    return Heads("\n".join(pieces), tuple(starts), tuple(origins))


def _opens_like_a_marker(opening: str, head3: str) -> bool:
    """Whether a line whose first three letters (lower case) are ``head3``, one of
    :data:`_OTHER_HEADS`, opens with a word of :data:`_WORDS`, an update keyword
    (:data:`_KEYWORDS`, by prefix, as the dialects read them) or French "at" before a
    time (ASCII digits) after any blanks (``À 14h35, la ...``, as the updated-at
    dialect reads it).

    >>> _opens_like_a_marker("A\\t\\t14h35, la direction", "a\\t\\t")
    True
    >>> _opens_like_a_marker("Actualizacion14h35", "act"), _opens_like_a_marker("Tea: 93-1", "tea")
    (True, True)
    """
    if head3 in _AT_HEADS:
        return opening[1:32].lstrip(MARKER_BLANKS)[:1] in _DIGITS
    if head3 in _KEYWORD_HEADS and opening[:_KEYWORD_LONGEST].lower().startswith(_KEYWORDS):
        return True
    return head3 in _WORD_HEADS and _first_word(opening) in _WORDS


def _first_word(opening: str) -> str:
    """The first word of a line, lower case, without a trailing comma, colon or dot.

    >>> _first_word("Lunch: India 93-1"), _first_word("Montag, 22. Januar")
    ('lunch', 'montag')
    """
    return opening[:16].split(None, 1)[0].rstrip(",:.").lower()


def _ends_like_byline(line: str) -> bool:
    """True when a short line ends like a byline: a digit, am/pm, a clock and a zone
    (:data:`_BYLINE_END_REVERSED`), or a post header's age (``... · 5 min ago``).

    >>> _ends_like_byline("By PTI | Jun 4, 2024 06:30 AM IST"), _ends_like_byline("Text.")
    (True, False)
    """
    tail = line[-12:].rstrip(MARKER_BLANKS).lower()
    if tail[-1:].isdigit() or tail.endswith(_BYLINE_ENDS):
        return True
    # (after a dot, only am/pm's: half of all lines end with a dot)
    if tail[-1:] == "." and tail[:-1].rstrip(MARKER_BLANKS)[-1:] != "m":
        return False
    if tail[-3:] in _AGE_ENDS and tail[-4:-3] in MARKER_BLANKS and len(tail) > 3:
        return True
    return _BYLINE_END_REVERSED.match(line[: -_BYLINE_END_SPAN - 1 : -1]) is not None

"""The compiled recognisers for temporal expressions: one group per family.

Every family is one alternative, named after the form it matches, with a sample input
in a comment above it. The families share inner group names (``month``, ``day``,
``year``, ``wday``, ``dir``, ``mod``, ``num``, ``unit``...), renamed uniquely when
compiled (the stdlib ``re`` wants unique names); :mod:`liveblog.temporal.resolve` reads
them back by their plain names. At one position the first family that matches wins,
so longer forms come first. Patterns match lower-cased text.

The scan is two-stage: :func:`find_triggers` finds the words every expression
contains (month and weekday names, units, deictic words, digits), and at each trigger
:func:`patterns_for` gives the recogniser of just the families that can start with the
word at hand. Every pattern is linear: a match starts only where no word, digit or
number punctuation precedes it, and no quantifier is nested over overlapping classes.
Patterns are compiled on first use, so importing the package does not pay for them.

>>> m = mention_pattern().pattern.match("last week.")
>>> m.group(), m.lastgroup
('last week', 'rel')
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterable
from typing import Any, Final, NamedTuple

import regex

from liveblog.markers.lines import BLANK_LINE
from liveblog.markers.zones import ZONE_ABBREVIATIONS, ZONE_PLACES
from liveblog.temporal.lexicon import (
    APPROXIMATORS,
    CENTURY_ORDINALS,
    DECADE_WORDS,
    MONTHS,
    NUMBER_WORDS,
    SEASONS,
    SETS,
    UNITS,
    WEEKDAYS,
)

__all__ = [
    "CLOCK_ZONE_AFTER",
    "FAMILIES",
    "PREFIX_WORDS",
    "TRIGGER_WORDS",
    "Recogniser",
    "blank_lines",
    "chain_fold",
    "chain_pattern",
    "could_start",
    "families_for",
    "find_triggers",
    "fold",
    "mention_pattern",
    "mention_stops",
    "patterns_for",
    "recogniser",
    "tense_pattern",
    "trigger_words",
    "views",
]


# BLANK_LINE for text without CR, found several times faster (it opens with a literal)
_BLANK_LINE_LF = re.compile(r"\n[^\S\r\n]*\n")


def blank_lines(text: str, lo: int = 0, hi: int | None = None) -> list[re.Match[str]]:
    """The blank lines of ``text[lo:hi]`` (two line breaks with only blanks between),
    in order: they end paragraphs, and no mention spans one.

    >>> [m.span() for m in blank_lines("May 3\\n\\nJanuary 16\\r\\n \\r\\n2024\\r\\nx")]
    [(5, 7), (17, 22)]
    """
    end = len(text) if hi is None else hi
    if text.find("\r", lo, end) >= 0:
        blank = BLANK_LINE
    elif (k := text.find("\n", lo, end)) >= 0 and text.find("\n", k + 1, end) >= 0:
        blank = _BLANK_LINE_LF
    else:
        return []  # a blank line takes two line breaks: no search to start
    return list(blank.finditer(text, lo, end))


# A number at a line's end whose next line opens with no lower-case letter: a heading's,
# a list item's or a score's number ("Post 2\nSecond.", "Item 5\nMay brings rain"), no
# count, day or year of a phrase the next line opens. Wrapped prose goes on in lower case
# ("in\n2024\nand beyond"), so a number may end a line inside a mention there.
_NUMBER_LINE_END = re.compile(
    r"[0-9](?:st|nd|rd|th)?(?=[^\S\r\n]*(?:\r\n|\r(?!\n)|\n)(?![^\S\r\n]*[a-z]))"
)


def mention_stops(text: str, lo: int = 0, hi: int | None = None) -> list[int]:
    """Where a mention in ``text[lo:hi]`` ends at the latest, in order: the starts of
    the blank lines, and the ends of the numbers that end a line above one that opens
    with no lower-case letter.

    >>> mention_stops("Post 2\\nSecond.\\n\\nIn 3\\nweeks ago.\\nOn the 5th\\r\\nMay")
    [6, 14, 42]
    """
    end = len(text) if hi is None else hi
    if text.find("\r", lo, end) >= 0:
        blanks = list(map(_match_start, BLANK_LINE.finditer(text, lo, end)))
        numbers = list(map(_match_end, _NUMBER_LINE_END.finditer(text, lo, end)))
    else:
        # one search for the first line feed serves both kinds of stop (as in
        # blank_lines: a blank line takes two)
        first = text.find("\n", lo, end)
        if first < 0:
            return []
        if text.find("\n", first + 1, end) >= 0:
            blanks = list(map(_match_start, _BLANK_LINE_LF.finditer(text, first, end)))
        else:
            blanks = []
        numbers = _numbers_ending_lines(text, lo, end, first)
    if not numbers:
        return blanks
    return sorted(blanks + numbers) if blanks else numbers


def _numbers_ending_lines(text: str, lo: int, hi: int, first: int) -> list[int]:
    """:data:`_NUMBER_LINE_END`'s match ends in ``text[lo:hi]``, for text without CR
    whose first line feed is at ``first``: found from the line feeds after a digit, an
    ordinal or a blank (a search for one character) rather than from every digit. A
    number inside the piece ends before its line feed, so a line feed at ``lo`` ends
    none (a piece opening with the line feed after its marker's clock): the search
    starts after it."""
    found = []
    for m in _LF_ABOVE_NO_LOWER.finditer(text, first if first > lo else lo + 1, hi):
        k = m.start()
        while k > lo and text[k - 1] != "\n" and text[k - 1].isspace():  # CR: none here
            k -= 1
        if (k > lo and text[k - 1] in _DIGIT_CHARS) or (
            k - 2 > lo and text[k - 2 : k] in _ORDINALS and text[k - 3] in _DIGIT_CHARS
        ):
            found.append(k)
    return found


# a line feed after a digit, an ordinal's letters or a blank, above a line that opens
# with no lower-case letter (it opens with a literal: the engine looks for line feeds
# alone, and few of them are tried further)
_LF_ABOVE_NO_LOWER = re.compile(
    r"\n(?:(?<=[0-9]\n)|(?<=[0-9](?:st|nd|rd|th)\n)|(?<=[^\S\n]\n))(?![^\S\r\n]*[a-z])"
)
_DIGIT_CHARS = frozenset("0123456789")
_ORDINALS = frozenset(("st", "nd", "rd", "th"))


# a match's start or end, called from C by ``map``
_match_start: Callable[[re.Match[str]], int] = re.Match.start
_match_end: Callable[[re.Match[str]], int] = re.Match.end


def _words(text: str) -> frozenset[str]:
    """The blank-separated words of ``text``: vocabulary written as prose."""
    return frozenset(text.split())


def _trie(words: Iterable[str]) -> str:
    """A factored alternation (a trie) of ``words``: the engine decides letter by
    letter, and a longer word is tried before its prefix. A space matches any blank."""
    root: dict[str, Any] = {}
    for word in words:
        node = root
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}

    def build(node: dict[str, Any]) -> str:
        branches = [
            (r"\s+" if c == " " else re.escape(c)) + build(sub)
            for c, sub in sorted(node.items())
            if c
        ]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if "" in node else body

    return build(root)


def _alternation(words: Iterable[str]) -> str:
    return f"(?:{_trie(words)})"


_FULL_MONTHS = [w for w in MONTHS if len(w) > 3 and w != "sept"]
_ABBR_MONTHS = [w for w in MONTHS if w not in _FULL_MONTHS and w != "may"]
_FULL_MONTHS.append("may")
# Patterns run on lower-cased text; the scanner checks that month and weekday names
# were capitalised in the source, so "may" the verb is no month.
# january | jan. | sept
MONTH: Final = (
    rf"(?P<month>{_alternation(_FULL_MONTHS)}(?!\.\w)|"
    rf"{_alternation(_ABBR_MONTHS)}(?:\.|(?![\w.])))"
)
WEEKDAY: Final = rf"(?P<wday>{_alternation(WEEKDAYS)})"
DAY: Final = r"(?P<day>3[01]|[12][0-9]|0?[1-9])(?:st|nd|rd|th)?(?![\d])"
_TEENS = "ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen"
# nineteen ninety-six | nineteen eighty | nineteen oh five (a year read aloud)
YEAR_WORDS: Final = (
    r"nineteen[\s-]+(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)"
    rf"(?:[\s-](?:one|two|three|four|five|six|seven|eight|nine))?|{_TEENS}"
    r"|(?:oh|o)[\s-](?:one|two|three|four|five|six|seven|eight|nine))(?![\w-])"
)
# two thousand | two thousand and five (only where a year is expected: "the year ...")
_THOUSAND_YEAR = (
    r"two\s+thousand(?:(?:\s+and)?\s+(?:one|two|three|four|five|six|seven|eight|nine"
    rf"|{_TEENS}))?(?![\w-])"
)
YEAR: Final = rf"(?P<year>1[0-9]{{3}}(?![\d])|20[0-9]{{2}}(?![\d])|{YEAR_WORDS})"
_TENS = "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
_ONES = "one|two|three|four|five|six|seven|eight|nine"
_SMALL = _alternation(w for w in NUMBER_WORDS if w not in _TENS.split("|"))
NUM: Final = (
    # 3 | 1.5 | 2 1/2 | two and a half | a hundred | two thousand | 1,000 | 40,000
    # (up to three digits, then thousands groups or the number's end, read once; the
    # groups' repeat is entered only where one follows, as each entry allocates)
    r"(?P<num>[0-9]{1,3}(?:(?=,[0-9]{3})(?:,[0-9]{3})+(?![0-9,])|(?![0-9]))"
    r"(?:\.[0-9]{1,2}|[ \t]1/2(?![0-9])|\s+and\s+a\s+half(?![\w-]))?"
    rf"|(?:(?:{_TENS})(?:[\s-](?:{_ONES}))?|{_SMALL})\s+and\s+a\s+half(?![\w-])"
    rf"|(?:{_TENS})(?:[\s-](?:{_ONES}))?"
    rf"|half\s+an?|{_SMALL}"
    # tried after the small numbers, which most counts are
    rf"|(?:an?|{_ONES}|ten|several|a\s+few|few)\s+(?:hundred|thousand)"
    r"|several|a\s+few|few|many|some|numerous)"
)
UNIT: Final = (
    r"(?P<unit>second|minute|hour|day|night|week|fortnight|month|quarter|year|decade"
    r"|centur(?=y|ies))(?:s|y|ies)?"
)
# "a quarter century", "three quarters of an hour": the unit counted is the century or
# the hour, a fourth of it at a time
_QUARTER_OF: Final = (
    r"(?:(?:(?<=quarter)|(?<=quarters))[\s-]+(?:of\s+an?\s+)?(?P<qof>century|hours?)(?![\w'’-]))?"
)
# about | nearly | more than | at least | up to: an approximator of a count, inside the
# extent as TIMEX3 reads it (a ``mod``); "over" and "within" are as often prepositions
# (it opens with a look-ahead at its first letter, so that the engine leaves it at once
# where a count or a name starts)
APPROX: Final = (
    rf"(?=[{''.join(sorted({w[0] for w in APPROXIMATORS}))}])"
    rf"(?P<approx>{_alternation(APPROXIMATORS)})\s+"
)
# about 10:35 a.m. | around 7:15 p.m.
_APPROX_CLOCK = r"(?P<approx>about|around|approximately|roughly)\s+"
_OR_SO = r"(?:(?P<orso>\s+or\s+so(?![\w-]))|)"
# weeks or months | days and weeks: a second vague count, of the same length
_OR_UNITS = (
    r"(?:(?P<orunit>\s+(?:or|and)\s+(?:minute|hour|day|week|month|year|decade)s"
    r"(?![\w'’-]|\s+old\b))|)"
)
# around Nov. 1 | around Christmas | around year end
_AROUND = r"(?P<approx>around)\s+"
_SEASON = _alternation(SEASONS)
# The zones a clock time in text may name: the abbreviations and places markers know,
# places with "time" after them ("Kyiv time"), less the abbreviations that are words or
# too short to trust after a clock ("5 pm. Eat first"); "Eastern" and "Pacific" alone
# only at the end of a phrase ("3pm Eastern Ukraine" names a region)
_NOT_ZONES = frozenset({"art", "cat", "eat", "wat", "z", "zulu", "ut"})
_ZONE_ABBREVIATIONS = _alternation(
    a.lower() for a in ZONE_ABBREVIATIONS if a.lower() not in _NOT_ZONES
)
_ZONE_WORDS = (
    rf"(?:{_ZONE_ABBREVIATIONS}(?![\w])"
    rf"|{_alternation(p if p.endswith('time') else f'{p} time' for p in ZONE_PLACES)}(?![\w])"
    r"|local\s+time(?![\w])|(?:eastern|pacific)(?![\w]|\s+[a-z]))"
)
_ZONE = rf"(?P<zone>{_ZONE_WORDS})"
# A zone after a clock (its words are a fifth of the partial patterns' compiling)
_ZONE_AFTER = rf"\s+{_ZONE}"
# The zones four digits need after them to be a clock ("1900 GMT", "0800 local time")
_AGENCY_ZONE_WORDS = rf"(?:{_ZONE_ABBREVIATIONS}|local\s+time)(?![\w])"
# The zones after which four digits are an agency's clock, never a year ("8 November
# 1548 GMT", "summer 1548 GMT", "Q3 2017 GMT", "in 1548 local time", "2460 GMT"): a short
# list, as "2017 GST" may be a tax's year. Checked once, where a match ends (_NO_CLOCK_TRAIL),
# not at each place a year may stand: each copy of the list costs every family's
# compiling, and a year followed by a zone always ends its match.
_YEAR_NOT_ZONES = _alternation(
    _words("gmt utc bst cet cest eet eest wet west msk est edt cst cdt mst mdt pst pdt ist jst")
)
# A common zone after four digits, which makes them an agency's clock and no year ("1548
# GMT", "1930 local time"; lower case): the check after a mention's year (_NO_CLOCK_TRAIL)
# and after the years a page's date is inferred from (``_YEAR`` in
# :mod:`~liveblog.temporal.dating`)
CLOCK_ZONE_AFTER: Final = rf"\s+(?:{_YEAR_NOT_ZONES}|local\s+time)(?![\w])"
# After a day and month or a month with no comma between, four digits are a year
# whatever the century ("8 November 2100", "March 2150"), unless a common zone follows
# them (_NO_CLOCK_TRAIL); after a comma only YEAR's ("On March 3, 2500 people marched" counts
# people)
_WIDE_YEAR = r"(?P<year>2[1-9][0-9]{2}|[3-9][0-9]{3})(?![\d])"
_YEAR_AFTER: Final = rf"(?P<ycomma>,)?\s+(?:{YEAR}|(?(ycomma)(?!)|{_WIDE_YEAR}))"

# 3 more days | five straight years: words between a count and its unit
_COUNT_ADJECTIVES = "more|additional|straight|consecutive|full|trading|working|business"

# Optional tails that partial matching leaves out (see _without_tails): the year after a
# day, the words after a clock time (a day, a part of the day, an aside before a weekday)
# and after a weekday (a date, a part of the day)
_YEAR_TAIL = rf"(?:{_YEAR_AFTER})?"
_CLOCK_TAIL = rf"""(?:\s+in\s+the\s+(?P<part>morning|afternoon|evening)(?![\w])
        |,?\s+(?:on\s+)?(?:(?P<cdeic>today|yesterday|tomorrow|tonight|last(?=\s+night\b)
              |this(?=\s+(?:morning|afternoon|evening)\b))
            (?:\s+(?P<part>morning|afternoon|evening|night)(?![\w]))?
          |{WEEKDAY}(?:\s+(?P<part>morning|afternoon|evening|night)(?![\w]))?
          |(?:{MONTH}\s+{DAY}|(?<=on\s){DAY}\s+{MONTH}){_YEAR_TAIL})
        |(?=\s*\([^()\n]{{1,24}}\)\s*(?:on\s+)?{WEEKDAY}))?"""
_WD_TAIL = rf"""(?:,?\s+(?:{MONTH}\s+{DAY}|(?:the\s+)?{DAY}(?:\s+of)?\s+{MONTH}){_YEAR_TAIL}
        |\s+(?P<part>morning|afternoon|evening|night))?"""

_BODY: Final = rf"""
  # 2024-01-22 | 2024-01-22T15:48 | 2024/01/22 | 2024-01-22 14:32:05 +0100
  # 2024-01-22T14:32:05.250Z | 2024-01-22 14:32 UTC (an offset or a zone after the clock;
  # "-05:00" only after seconds: "14:32-15:00" is a range; "10:35 p.m." is the clock's)
  |(?P<iso>(?P<year>[12][0-9]{{3}})
      (?:-(?P<monthn>0[1-9]|1[0-2])-(?P<day>0[1-9]|[12][0-9]|3[01])
        (?:[t\x20](?P<hour>[01][0-9]|2[0-3]):(?P<minute>[0-5][0-9])
          (?::(?P<second>[0-5][0-9])(?:[.,][0-9]{{1,9}})?)?(?![\x20\t]?[ap]\.?m(?![a-z]))
          (?:\x20?(?P<offset>z|(?(second)[+-]|\+)(?:[01][0-9]|2[0-3])(?::?[0-5][0-9])?)(?![\w:+-])
            |{_ZONE_AFTER})?)?(?![\d-])
      |/(?P<monthn>0?[1-9]|1[0-2])/(?P<day>0?[1-9]|[12][0-9]|3[01])(?![\d/-])))
  # 1/22/2024 | 22/01/2024 | 22.01.2024
  |(?P<numdate>(?P<na>[0-9]{{1,2}})(?P<sep>[/.])(?P<nb>[0-9]{{1,2}})(?P=sep)(?P<year>[12][0-9]{{3}})(?![\d]))
  # 3pm | 10:35 a.m. | around 7:15 p.m. | 15:48 GMT | noon Thursday | 10 p.m. Wednesday
  # 1548 GMT (agency style; not "10:35 a.m. (0735 GMT)", a conversion of the clock before)
  # 10pm on 7 May ("on" before a day first: "Last updated 00:52 1 January 2024" stays two)
  # 9:15 last night | 6:45 this morning | 5:30 Sunday morning | 2:00 in the afternoon
  # 10:35 a.m. (0735 GMT) Friday (the day after the aside is the time's, named apart)
  |(?P<clock>(?:(?=[ar]){_APPROX_CLOCK}|)
      (?:(?P<hour>1[0-2]|0?[1-9])(?:[:.](?P<minute>[0-5][0-9]))?\s?(?P<ampm>[ap]\.m\.?|[ap]m(?![\w]))
        |(?P<hour>[01]?[0-9]|2[0-3]):(?P<minute>[0-5][0-9])(?![\d:])
        |(?<!\()(?P<hour>[01][0-9]|2[0-3])(?P<minute>[0-5][0-9])(?=\s+{_AGENCY_ZONE_WORDS})
        |(?P<noon>noon|midday|midnight))
      (?:{_ZONE_AFTER})?
      {_CLOCK_TAIL})
  # 4 in the morning
  |(?P<hourpart>(?P<hour>1[0-2]|0?[1-9]|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)
      \s+(?:o'clock\s+)?in\s+the\s+(?P<part>morning|afternoon|evening))
  # 25 December 2023 | the 25th of December
  |(?P<dmy>(?:(?=a){_AROUND}|)(?:the\s+)?{DAY}(?:\s+of)?\s+{MONTH}{_YEAR_TAIL})
  # Mondays | Tuesday nights
  |(?P<wdays>{WEEKDAY}(?:s|\s+(?P<part>morning|afternoon|evening|night)s)(?![\w]))
  # Monday, January 22, 2024 | Sunday's | last Friday | Wednesday night | the previous Friday
  # overnight Saturday (the night of that Saturday) | Wednesday 20 March
  |(?P<wd>(?:(?P<mod>early|late|earlier|later)\s+|(?P<part>overnight)\s+)?
      (?:(?:the\s+(?P<dir>previous|preceding|following)
        |(?P<dir>this\s+past|this\s+coming|last|next|this|coming|past|previous))\s+)?{WEEKDAY}
      {_WD_TAIL})
  # the week of March 6 | the week of Oct. 23, 1998 | the first (last) week of April (2024)
  # (one month alternation for both: "the week of" needs its day)
  |(?P<weekof>the\s+(?:(?P<wnth>first|second|third|fourth|last|final)\s+)?week\s+of\s+{MONTH}
      (?(wnth)|\s+{DAY}){_YEAR_TAIL})
  # December 25, 2023 | Dec. 25 | December 25th | around Nov. 1
  |(?P<mdy>(?:(?=a){_AROUND}|){MONTH}\s+{DAY}{_YEAR_TAIL})
  # January 2024 | Jan. 2024 | January of 2024
  |(?P<my>(?:(?P<mod>early|late|mid)[\s-]+)?{MONTH}(?:,?\s+(?:of\s+)?
      (?:{YEAR}|(?P<ydir>last|this|next)\s+year(?![-'’]))|\s+{_WIDE_YEAR}))
  # three years ago | a year earlier | about two weeks ago | 10 days from now
  # ("three days later" counts from a time the story names, not from now: TimeML marks
  # the length, "three days", which the duration family below reads)
  |(?P<ago>(?:{APPROX}|){NUM}[\s-]+{UNIT}{_QUARTER_OF}(?P<andhalf>\s+and\s+a\s+half)?(?:(?P<orso>\s+or\s+so)|)\s+(?P<dir>ago|earlier|from\s+now|hence|before(?=[.,;])|after(?=[.,;])))
  # years ago | months earlier ("months later" is a duration, as above)
  |(?P<vagueago>(?:(?P<num>several|many|a\s+few|few|some)\s+)?
      (?:(?P<unit>day|week|month|year|decade)s\s+(?P<dir>ago|earlier)|(?P<unit>hour|minute)s\s+(?P<dir>ago)))
  # every day | each Thursday | every other week | twice a week | once a year | each spring
  |(?P<set>(?P<every>every|each)\s+(?:(?P<other>other)\s+)?(?:{WEEKDAY}|{MONTH}|(?P<num>[0-9]{{1,3}}|two|three|four|five|six)\s+{UNIT}|{UNIT}|(?P<part>morning|afternoon|evening|night)|(?P<season>{_SEASON}))
      |(?P<times>once|twice|three\s+times|(?:[0-9]{{1,2}}|two|four|five|six)\s+times)\s+(?:a|an|per|each|every)\s+{UNIT}
      |(?P<adverb>{_alternation(SETS)}))
  # the first half of 1990 | the last half of this year | the first two quarters of 1990
  # the second half of the year | H1 2024
  |(?P<half>(?:the\s+)?(?P<hnum>first|second|last|latter)\s+(?:half|two\s+quarters)\s+of\s+
      (?:(?:fiscal\s+)?{YEAR}|(?:(?P<ydir>this|last|next)|the)\s+year)(?![\w'’-])
    |h(?P<hnum>[12])\s+{YEAR}(?![\w'’-]))
  # this year's third quarter | last year's quarter | the (fiscal) 1988 second quarter
  # 1988's fourth quarter | fiscal 1988's second quarter
  # the 1989 period | the latest period
  # the corresponding period last year | the quarter a year ago
  |(?P<qtrof>(?:(?P<qyeardir>this|last|next)\s+year|(?:fiscal\s+)?{YEAR})['’]s\s+
      (?:(?P<qnum>first|second|third|fourth|final|1st|2nd|3rd|4th)[\s-]+)?quarter(?![\w-])
    |the\s+(?:(?:fiscal\s+)?{YEAR}\s+(?:(?P<qnum>first|second|third|fourth|1st|2nd|3rd|4th)[\s-]+)?
        (?:quarter|period)|(?P<latest>latest)\s+period)(?![\w-])
    |(?P<yback>the\s+(?:(?:same|corresponding|comparable)\s+(?:period|quarter)\s+
        (?:last\s+year|a\s+year\s+(?:ago|earlier))|quarter,?\s+a\s+year\s+(?:ago|earlier)))(?![\w-]))
  # the third quarter | third-quarter | the year-earlier quarter | Q3 2024
  # the first quarter of 2024
  |(?P<qtr>(?:(?P<the>the)\s+)?
      (?:(?P<dir>last|this|next|current|latest|previous|prior|past|same|coming|most\s+recent
        |year-earlier|year-ago)\s+)?
      (?:(?P<fiscal>fiscal)[\s-]+)?
      (?:(?P<qnum>first|second|third|fourth|final|1st|2nd|3rd|4th)[\s-]+quarter|quarter)(?!s)
      (?:\s+of\s+(?:fiscal\s+)?(?:(?P<qyeardir>this|last|next)\s+year|{YEAR})|,?\s+{YEAR})?
    |q(?P<qnum>[1-4])(?:\s+{YEAR})?)
  # the past two months | 23-month | five-day | three years | the first nine months | half an hour
  # a minute and a half | nearly two years | at least 30 days | the next two years or so
  # a quarter-century | a quarter of an hour | three quarters of an hour
  |(?P<dur>(?:{APPROX}|)(?!(?:an?|half|an?\s+half)\s+(?:second|minute|hour|day|night|week|month|quarter|year|decade)s\b)
      (?:(?P<pre>the\s+(?:past|last|next|first|coming|previous|preceding|latest|final|remaining
        |following)|past|last|next|first|previous|final|the|another|each\s+of\s+the\s+past)\s+)?
      {NUM}[\s-]+(?:(?P<more>{_COUNT_ADJECTIVES})[\s-]+)?{UNIT}
      {_QUARTER_OF}
      (?!-(?:earlier|ago|end)|s?-quarters|\s+old\b)(?P<old>-old|-long)?
      (?P<andhalf>\s+and\s+a\s+half(?![\w-]))?{_OR_SO})
  # recent years | past years | the coming weeks | several days | the past few months
  # recent weeks and months
  |(?P<vague>(?:the\s+)?(?:(?:past|last|next|coming|recent|following)\s+)?(?:(?P<num>several|a\s+few|few|many|some|recent|coming|past)\s+)(?P<unit>minute|hour|day|night|week|month|year|decade|quarter)s{_OR_UNITS})
  # last summer | this month | earlier this week | early next year | the previous day
  # the end of this week | the next year or so
  |(?P<rel>(?:(?P<mod>early|late|mid|earlier|later|the\s+(?:end|beginning|start|middle)\s+of)[\s-]+)?
      (?:(?P<the>the)\s+)?
      (?P<dir>this\s+past|this\s+coming|last|this|next|coming|past|previous|preceding|prior|current
        |following|same)\s+
      (?:(?P<unit>week(?:end)?|month|year|quarter|decade|century|day|hour|minute){_OR_SO}|(?P<season>{_SEASON})
        |{MONTH}(?!\s*[0-9])))
  # the weekend (the one just past, or coming in the future tense)
  |(?P<wkend>the\s+weekend)
  # the day before | the week after | a week earlier is an "ago" above; "the day before
  # the vote", "the day before police arrived", "the day before yesterday" are no offset
  # from the reference: "before" and "after" end the clause or a conjunct
  |(?P<offset>the\s+(?P<unit>day|week|month|year)\s+
      (?:(?P<dir>earlier|later)(?!\s+(?:the|a|an|his|her|their|its)\b)
        |(?P<dir>before|after)(?!\s+(?!(?:and|but|or)\b)[a-z0-9])))
  # that year | later that day | that same week: the period of a date named before
  |(?P<that>(?:(?:(?:later|earlier)\s+that|that\s+same)\s+(?P<unit>day)
      |(?:(?:later|earlier)\s+)?that\s+(?:same\s+)?(?P<unit>week|month|year|quarter))(?![\w'’-]))
  # the year-earlier period | the year-ago quarter | year-earlier | the comparable year-ago quarter
  # the year-earlier nine months: the length of the period compared
  |(?P<yearago>(?:the\s+)?(?:(?:comparable|corresponding|same)\s+)?year-(?:earlier|ago)
      (?:\s+(?:period|quarter)|\s+{NUM}\s+months)?)
  # this morning | yesterday afternoon | last night | later this afternoon | tonight | overnight
  # the next morning | the previous night ("the night of Oct. 23" is the date's)
  # the night before | the morning after (ending a clause: the part of the day before or after)
  |(?P<dpart>(?:(?P<mod>early|late|later|earlier|mid)[\s-]+)?
      (?:(?P<anchor>the)\s+(?P<part>morning|afternoon|evening|night)\s+(?P<side>before|after)(?=[.,;]|\Z)
        |(?P<anchor>this|yesterday|tomorrow|last|the(?:\s+(?:next|following|previous|preceding))?|that)\s+
          (?P<part>morning|afternoon|evening|night)(?!\s+of\b)
        |(?P<part>tonight|overnight)))
  # mid-afternoon yesterday
  |(?P<dpart2>(?P<mod>early|late|mid)[\s-]+(?P<part>morning|afternoon|evening)(?:\s+(?P<anchor>yesterday|today|tomorrow))?)
  # today | yesterday | tomorrow | the day before yesterday
  |(?P<deictic>(?:(?P<mod>early|late|earlier|later)\s+)?(?P<word>today|yesterday|tomorrow|the\s+day\s+before\s+yesterday|the\s+day\s+after\s+tomorrow))
  # now | recently | the future | in the past | currently | these days | the near term
  # the then current price (after a determiner; "then current orders" is "next")
  # ("the future on" is no reference; "now on the board", "from now on" are now)
  |(?P<ref>(?P<word>right\s+now|now|currently|current|nowadays|at\s+present|recently|
      (?:(?<=the\s)|(?<=its\s)|(?<=his\s)|(?<=her\s)|(?<=their\s)|(?<=our\s)|(?<=a\s))
        then\s+current|then-current|
      the\s+(?:near\s+|distant\s+)?future|the\s+past|a\s+later\s+date|these\s+days
      |the\s+(?:near|short|long)\s+term(?![\w-]|\s+of\b))(?:(?<=now)|(?!\s+on\b)))
  # the 20th century | the early 19th century | the twenty-first century
  |(?P<centord>(?:the\s+)?(?:(?P<mod>early|late|mid)[\s-]+)?
      (?:(?P<cnum>[1-9]|1[0-9]|2[01])(?:st|nd|rd|th)|(?P<cword>{_alternation(CENTURY_ORDINALS)}))
      [\s-]+century(?![\w-]))
  # the 1990s | the '90s | the early 2000s | the nineties | post-1990s
  |(?P<decade>(?:(?P<mod>early|late|mid)[\s-]+|(?P<mod>pre|post)-)?
      (?:(?P<cent>1[0-9]|20)(?P<dec>[0-9])0|['’](?P<dec2>[0-9])0)s(?![\w])
    |the\s+(?:(?P<mod>early|late|mid)[\s-]+)?(?P<decword>{_alternation(DECADE_WORDS)}))
  # late November | in September | last December | the end of March | mid-December
  |(?P<mon>(?:(?P<mod>early|late|mid|the\s+end\s+of|the\s+beginning\s+of|the\s+start\s+of|the\s+middle\s+of)[\s-]+)?{MONTH})
  # summer 2023 | the summer of 2023 | the winter | spring | the summer months (the season)
  |(?P<seas>(?:(?P<mod>early|late|mid)[\s-]+)?
      (?:(?P<the>the)\s+(?P<season>{_SEASON})(?:\s+months(?![\w'’-]))?|(?P<season>{_SEASON}))
      (?:\s+(?:of\s+)?{YEAR})?)
  # the year two thousand
  |(?P<yrthousand>the\s+year\s+(?P<year>{_THOUSAND_YEAR}))
  # FY2024 | FY24 | FY 2024 | FY2024/25 | fiscal 2023-24 | the financial year 2023/24
  # the 2023-24 financial year: a fiscal year, named by the year it ends in
  |(?P<fy>(?:(?P<fyword>fy)\s?|(?:the\s+)?(?:fiscal|financial)(?:\s+year)?\s+(?=[0-9]{{2,4}}[/-][0-9]))
      (?P<fyear>1[0-9]{{3}}|20[0-9]{{2}}|[0-9]{{2}})(?![0-9])(?:[/-](?P<fyend>(?:1[0-9]|20)?[0-9]{{2}})(?![0-9]))?
    |(?:the\s+)?(?P<fyear>1[0-9]{{3}}|20[0-9]{{2}})[/-](?P<fyend>(?:1[0-9]|20)?[0-9]{{2}})\s+(?:fiscal|financial)\s+year)
  # fiscal 1989 | fiscal year 2024 | in 2022 | since 2014 | the year 2000
  # 1994 or later | 1990 and beyond | 1975 or earlier | pre-1990 | post-1959
  |(?P<yr>(?:(?P<fiscal>fiscal(?:\s+year)?)\s+|the\s+year\s+
      |(?P<mod>early|late|mid|the\s+(?:end|beginning|start|middle)\s+of)[\s-]+|(?P<mod>pre|post)-)?{YEAR}
      (?!\s*(?:%|hrs?\b|hours\b|h\b|[.,][0-9]))
      (?:(?P<orlater>\s+(?:or\s+(?:later|earlier)|and\s+beyond)(?![\w-]|\s+[a-z]))|))
  # Christmas | New Year's Day | Thanksgiving | Easter Sunday | Labor Day | Easter week
  # around Christmas | last Thanksgiving | next Easter
  |(?P<holiday>(?:(?=a){_AROUND}|)
    (?:(?P<dir>this\s+past|this\s+coming|last|next|this|coming|past)\s+|)(?P<hname>christmas(?:\s+(?:day|eve))?|new\s+year['’]s\s+(?:day|eve)|boxing\s+day
      |thanksgiving(?:\s+day)?|easter(?:\s+(?:sunday|monday))?|halloween|valentine['’]s\s+day
      |independence\s+day|good\s+friday|labor\s+day|memorial\s+day
      |veterans['’]?\s+day|remembrance\s+day|bastille\s+day)
    (?P<hweek>\s+week)?(?![\w-]))
  # Ash Wednesday | St. Patrick's Day | Fourth of July | Election Day: as a holiday, but
  # opened by their own words only (no direction before them), so that the recognisers
  # of "last", "this" or "the" stay as they were
  |(?P<feast>(?:(?P<hjuly>fourth\s+of\s+(?P<hcap>j)uly)
    |(?P<hname>ash\s+wednesday|palm\s+sunday|maundy\s+thursday|holy\s+saturday|shrove\s+tuesday
      |mardi\s+gras|ascension\s+day|pentecost(?:\s+sunday)?|whit\s+(?:sunday|monday)|whitsunday
      |(?:st\.?|saint)\s+patrick['’]s\s+day|juneteenth|hogmanay|anzac\s+day|armistice\s+day
      |martin\s+luther\s+king(?:\s+jr\.?)?\s+day|presidents['’]?\s+day|columbus\s+day
      |election\s+(?P<hcap>d)ay))(?![\w-]))
  # the year ended Sept. 30: a year-long period
  |(?P<yearended>the\s+(?:(?:fiscal|financial)\s+)?year(?=\s+end(?:ed|ing)\b))
  # the fiscal year | the full year | the current fiscal year | the latest fiscal year
  |(?P<fiscalyear>the\s+(?:(?P<dir>current|latest|last|previous|next|coming|past)\s+)?
      (?:(?:fiscal|financial|full|calendar)\s+)year(?![-'’]|\s+(?:ago|earlier|later|before|after)\b))
  # the year | the week | the month: the anchor's own (anaphoric in news prose)
  # the end of the month | the week's busiest session ("the year's end" is the year-end's)
  |(?P<theunit>(?:(?P<mod>the\s+(?:end|beginning|start|middle)\s+of)\s+)?
      the\s+(?P<unit>year|week|month)(?!\s+(?:before|after|earlier|later|of(?!\s+[$£€¥])|when|that|in|to|ahead|ending|ended)\b)
      (?!-|['’](?!s\b)|['’]s\s+end\b)
    # the end of the decade | the start of the century: the reference's
    |(?P<mod>the\s+(?:end|beginning|start|middle)\s+of)\s+the\s+(?P<unit>decade|century)(?![\w'’-]))
  # year-end | year end | the year's end: the end of this year, or the last one's in the past tense
  |(?P<yearend>(?:(?=a){_AROUND}|)(?:the\s+)?year(?:-|\s+|['’]s\s+)end(?![\w-]))
  # day-long | decades-long: a length as an adjective, one or an unknown number of units
  |(?P<longadj>(?P<unit>minute|hour|day|week|month|year|decade)(?P<many>s)?-long(?![\w-]))
  # weeks | months | years | centuries: an unknown number of them
  # weeks or months: one vague length, counted in the first unit
  |(?P<plural>(?:(?P<unit>minute|hour|day|week|month|year|decade)s|(?P<unit>centur)ies)(?![-'’]|\s+old\b){_OR_UNITS})
  # (it is the) second day | (today is the) eighth day | fifth straight day (the "the"
  # before it is taken in when the mention is made, as a family opening with "the" would
  # be tried at every "the" before a trigger)
  |(?P<nthday>(?:[1-9][0-9]{{0,2}}(?:st|nd|rd|th)|{_alternation(CENTURY_ORDINALS)})
      \s+(?:(?:straight|consecutive)\s+)?day(?![\w'’-]))
  # for a while | for some time: a length of no known unit ("once in a while" is no length)
  |(?P<awhile>(?:a\s+while|some\s+time)(?![\w-]))
  # the 25th (day of the current month)
  |(?P<ordday>the\s+(?P<day>3[01]|[12][0-9]|0?[1-9])(?:st|nd|rd|th)
      (?=\s*[.,;)]|\s+(?:at|of\s+(?:this|last|next|the)\s+month)\b))
"""
_FLAGS: Final = re.VERBOSE
# A mention starts where no word, number or number punctuation precedes it ("$2024",
# "1,548", "X-2014" are not mentions; "pre-2014" is, from "pre"), and ends at a word end
# or after a period.
_LEAD: Final = r"(?<![\w$£€#@/.,:-])"
_TRAIL: Final = r"(?:(?<=\.)|(?![\w]))"
# Nor does a mention of a family that reads a year end in four digits (a number alone
# or after "pre-") with a common zone after them: those are an agency's clock, wherever
# a year may stand ("summer 1548 GMT" is the season and the clock: the engine backs off
# to the match without the year, or none). Only the recognisers holding such a family
# compile the list; partial matching needs it nowhere, as a probe ends before any zone.
_NO_CLOCK_TRAIL: Final = (
    rf"{_TRAIL}(?!(?<=[0-9]{{4}})(?:(?<![^\s][0-9]{{4}})|(?<=[a-z]-[0-9]{{4}})){CLOCK_ZONE_AFTER})"
)

FAMILIES: Final = tuple(
    (m.group(1), chunk[1:])
    for chunk in (c.strip() for c in re.split(r"\n(?=  \|\(\?P<)", _BODY))
    if (m := re.match(r"\|\(\?P<(\w+)>", chunk)) is not None
)
"""(name, pattern source) of every family, in the order they are tried."""


class Recogniser(NamedTuple):
    """A compiled pattern of some families, and where each family's groups are.

    The stdlib ``re`` wants unique group names, so inner groups are renamed
    ``family__name__k``; ``groups[family][name]`` lists the renamed ones.
    """

    pattern: re.Pattern[str]
    families: tuple[str, ...]
    groups: dict[str, dict[str, tuple[str, ...]]]
    capitalised: dict[str, tuple[str, ...]]
    """Per family, the renamed month, weekday, holiday and "FY" groups (capitalised in the
    source)."""


def _rename(family: str, src: str) -> tuple[str, dict[str, tuple[str, ...]]]:
    names: dict[str, list[str]] = {}

    def rename(m: re.Match[str]) -> str:
        name = m.group(1)
        if name == family and not names:
            names[family] = [family]
            return m.group()
        unique = f"{family}__{name}__{sum(len(v) for v in names.values())}"
        names.setdefault(name, []).append(unique)
        return f"(?P<{unique}>"

    out = re.sub(r"\(\?P<(\w+)>", rename, src)
    out = re.sub(r"\(\?P=(\w+)\)", lambda m: f"(?P={names[m.group(1)][0]})", out)
    out = re.sub(r"\(\?\((\w+)\)", lambda m: f"(?({names[m.group(1)][0]})", out)
    return out, {k: tuple(v) for k, v in names.items()}


def _source(
    families: Iterable[tuple[str, str]], *, partial: bool = False
) -> tuple[str, dict[str, Any]]:
    """The source of one pattern for ``families``, and each family's renamed groups
    (for ``partial`` matching, without the zone check after a year)."""
    parts, groups, years = [], {}, False
    for family, src in families:
        renamed, groups[family] = _rename(family, src)
        parts.append(f"(?:{renamed}\n)")
        years = years or "(?P<year>" in src or "(?P<fyear>" in src
    trail = _NO_CLOCK_TRAIL if years and not partial else _TRAIL
    return f"{_LEAD}(?:{'|'.join(parts)}){trail}", groups


def _compile(families: Iterable[tuple[str, str]]) -> Recogniser:
    source, groups = _source(families)
    pattern = re.compile(source, _FLAGS)
    capitalised = {
        family: (
            *found.get("month", ()),
            *found.get("wday", ()),
            *found.get("hname", ()),
            *found.get("hcap", ()),
            *found.get("fyword", ()),
        )
        for family, found in groups.items()
    }
    return Recogniser(pattern, tuple(groups), groups, capitalised)


@functools.cache
def mention_pattern() -> Recogniser:
    """Every family of temporal expression in one recogniser (matches lower-cased text)."""
    return _compile(FAMILIES)


def _without_tails(body: str) -> str:
    """``body`` without its optional tails (the zone after a clock, the words after a
    clock or a weekday, the year after a day), for partial matching only: the answer
    stays the same for every probe. Each tail ends its family (or an optional group that
    does), and every way into it starts with a blank, a comma or a look-ahead for a
    bracket; so a probe that matches through a tail has such a character where the tail
    starts, the end's ``(?![\\w])`` (and the ISO date's ``(?![\\d-])``) holds there, and
    without the tail the part before it matches in full."""
    for tail in (f"|{_ZONE_AFTER})", f"(?:{_ZONE_AFTER})?", _CLOCK_TAIL, _WD_TAIL, _YEAR_TAIL):
        body = body.replace(tail, ")" if tail.startswith("|") else "")
    return body


@functools.cache
def _family_partial(name: str, *, anywhere: bool = False) -> Any:
    """One family's pattern, compiled by ``regex`` for partial matching only; with
    ``anywhere``, each look-behind (none holds a bracket) taken as met."""
    body = _without_tails(dict(FAMILIES)[name])
    if anywhere:
        body = re.sub(r"\(\?<=[^()]*\)", "", body)
    source, _groups = _source([(name, body)], partial=True)
    return regex.compile(source, regex.VERBOSE | regex.VERSION0)


def could_start_after_anything(name: str, probe: str) -> bool:
    r"""Whether some lower-cased text starting with ``probe``, after any text, could match
    family ``name``: :func:`could_start` with the family's look-behinds taken as met
    (``(?<=the\s)then current`` after "the"), which partial matching of ``probe`` alone
    cannot see.

    >>> could_start("ref", "then current"), could_start_after_anything("ref", "then current")
    (False, True)
    """
    if "(?<=" not in dict(FAMILIES)[name]:
        return could_start(name, probe)
    return _family_partial(name, anywhere=True).match(probe, partial=True) is not None


# A token made of digits may open a date, a clock time, a duration or a year.
_DIGIT_PROBES: Final = ("5", "12", "123", "1999", "2024", "12345")


def could_start(name: str, probe: str) -> bool:
    """Whether some lower-cased text starting with ``probe`` could match family ``name``.

    The stdlib has no partial matching; ``regex`` does, and reads the same syntax. Its
    callers cache the answers (per token in :func:`patterns_for`).

    >>> could_start("ago", "3 days "), could_start("ago", "3 people ")
    (True, False)
    """
    return _family_partial(name).match(probe, partial=True) is not None


@functools.lru_cache(maxsize=4096)
def families_for(token: str) -> tuple[str, ...]:
    """The families that can start with ``token`` (see :func:`patterns_for`), in the
    order they are tried, found by partial matching without compiling their recogniser.

    >>> families_for("the")[:3], families_for("banana")
    (('dmy', 'wd', 'weekof'), ())
    """
    if token[:1].isdigit():
        # every run of digits opens the same families: decided once
        return _families_of(_DIGIT_PROBES)
    # a token is a whole word: what follows it is never a letter
    return _families_of(tuple(token + c for c in " -.,'’9"))


@functools.cache
def _families_of(probes: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(name for name, _ in FAMILIES if any(could_start(name, p) for p in probes))


@functools.lru_cache(maxsize=4096)
def patterns_for(token: str) -> Recogniser | None:
    """The recogniser of just the families that can start with ``token``.

    ``token`` is the lower-cased word (or digit run, or apostrophe) a candidate
    mention starts with; trying only the families it can open keeps each attempt cheap.

    >>> patterns_for("the").families[:3]
    ('dmy', 'wd', 'weekof')
    >>> patterns_for("banana") is None
    True
    """
    chosen = families_for(token)
    return recogniser(chosen) if chosen else None


@functools.cache
def recogniser(names: tuple[str, ...]) -> Recogniser:
    """The recogniser of families ``names`` (tried in that order), compiled once per
    set: many words open the same families.

    >>> recogniser(("ago", "dur")).pattern.match("3 days ago").lastgroup
    'ago'
    """
    sources = dict(FAMILIES)
    return _compile((name, sources[name]) for name in names)


_LOWER_TRIGGERS = _words(
    # deictic words: today, overnight, now, recently, the future
    """
    today yesterday tomorrow tonight overnight now currently current nowadays present recently
    future past later term
    """
    # years read aloud, the reported period, halves: nineteen ninety-six, the latest period,
    # the first half of the year (five words before "year", one more than a chain reaches)
    " nineteen period half "
    # units, singular and plural: three years, last week, 23-month
    """
    second seconds minute minutes hour hours day days night nights week weeks weekend
    weekends fortnight fortnights month months quarter quarters year years decade decades
    century centuries
    """
    # seasons and parts of the day: last summer, this morning, noon
    "spring summer autumn fall winter morning afternoon evening noon midday midnight "
    # frequencies: daily
    "hourly daily nightly weekly monthly annually yearly "
    # lengths of no known unit: for a while, for some time
    "while time "
) | set(DECADE_WORDS)
# holidays: Christmas, New Year's Day, Good Friday, Labor Day
_HOLIDAY_WORDS = (
    "christmas new thanksgiving easter halloween valentine independence boxing good labor"
    " memorial veterans remembrance armistice bastille ash palm maundy holy shrove mardi"
    " ascension pentecost whit whitsunday st saint juneteenth hogmanay anzac martin presidents"
    " columbus election"
)
# the last words of the holidays' names that may stand before a year ("Christmas 2024",
# "Election Day 2024", "Easter week 2000"), besides the weekdays ("Palm Sunday 2024")
HOLIDAY_LAST_WORDS: Final = _words(
    "day eve christmas thanksgiving easter halloween gras pentecost whitsunday juneteenth july week"
)
_CASED_TRIGGERS = [*MONTHS, *WEEKDAYS, *(f"{w}s" for w in WEEKDAYS), *_HOLIDAY_WORDS.split()]
TRIGGER_WORDS: Final = frozenset(
    {
        *_LOWER_TRIGGERS,
        *(w.title() for w in _LOWER_TRIGGERS),
        *(w.title() for w in _CASED_TRIGGERS),
        *(w.upper() for w in _CASED_TRIGGERS),
        *(f"Q{q}" for q in "1234"),
        "H1",
        "H2",
        "FY",
    }
)
"""The words every temporal expression contains, as they may be written (``week``,
``Week``, ``Monday``, ``MONDAY``, ``Q3``, ``H1``, ``FY``, also glued to its digits:
``FY2024``); digits are triggers too."""

_TRIGGER_KEYS: Final = frozenset(w.lower().encode("ascii") for w in TRIGGER_WORDS)
# ASCII letters folded to lower case, digits kept, everything else a blank: a word of
# the folded text is a maximal run of ASCII letters and digits of the source.
_FOLD: Final = bytes(
    c + 32 if 65 <= c <= 90 else c if 97 <= c <= 122 or 48 <= c <= 57 else 32 for c in range(256)
)
# A run of digits not glued to a word, a number or a currency sign ("$2024", "1.5"); a
# percent opens no expression ("20%"), nor does a number with thousands groups unless a
# unit of time follows them, as only a count can go on ("1,000 days", "1,200-year"; not
# "1,548 soldiers", "543,624 homes": deciding that here, in C, keeps such numbers out of
# the scan). The look-behind comes after the first digit: a pattern that opens with a
# digit class lets the engine skip to the next digit instead of trying every position.
_COUNTED = (
    rf"[\s-]+(?:(?:{_COUNT_ADJECTIVES})[\s-]+)?"
    r"(?:second|minute|hour|day|night|week|fortnight|month|quarter|year|decade|centur)"
)
_DIGITS: Final = re.compile(
    rf"[0-9](?<![\w.,$£€#][0-9])[0-9]*(?![0-9]|,[0-9]{{3}}(?!(?:,[0-9]{{3}})*(?i:{_COUNTED}))|\s?%)"
)


# ASCII digits as "0", letters in lower case, anything else as is: runs of digits are
# then found by a search for one byte (fast), not for a class of bytes.
_ZEROS: Final = bytes(48 if 48 <= c <= 57 else c + 32 if 65 <= c <= 90 else c for c in range(256))
# _DIGITS on the text encoded in ASCII with "?" for anything else, digits as "0": a
# "?" before the run or before a "%" after it may stand for a word character, a
# currency sign or a blank, and is checked on the text itself.
_RUN_HEAD: Final = rb"0(?<![a-z0_.,$#]0)"
_RUN_TAIL: Final = rf"(?!0|,000(?!(?:,000)*(?i:{_COUNTED}))|[ \t\n\r\x0b\x0c\x1c-\x1f]?%)".encode(
    "ascii"
)
_ZERO_RUNS: Final = re.compile(_RUN_HEAD + rb"0*" + _RUN_TAIL)


def _stem(word: str) -> str:
    """The first letters of ``word`` that a superset pattern reads: six at most, and
    none from a "k" on (a Kelvin sign, not ASCII, lowers to "k")."""
    return word[:6].split("k", maxsplit=1)[0]


# A blank of the lowered text as it looks in the ``zeros`` view: an ASCII blank, or "?"
# (a character that is not ASCII may be a blank).
_ZBLANK = rb"[ \t\n\r\x0b\x0c\x1c-\x1f?]"
_ZGAP = rb"[- \t\n\r\x0b\x0c\x1c-\x1f?]"  # a blank or a hyphen
# What follows a run of one to three digits that a mention holds: a run of digits
# is a day, an hour, a minute or a count, and goes on with a clock's or a date's
# punctuation ("10:35", "1/16/2024", "16.01.2024"), a half ("2 1/2"), an ordinal or a
# decade's "s" ("25th", "'90s"), or, after a decimal part or none ("1.5 days", "10.35
# am"), "am" or "pm" ("3pm", "3 p.m.") or a word: a unit ("3 days", "23-month"), after
# a count's adjective ("3 more days"), a month ("25 December", "25 of December"), "in
# the" ("4 in the morning"), "o'clock", "and a half", "times" ("3 times a week"); or
# thousands groups and a unit of time (a count: "1,000 days").
# Words are read by their stems (:func:`_stem`), and "?" may be any character that is
# not ASCII: a superset, built from the families' words.
_DATED_WORDS: Final = (
    rf"(?:{_alternation(_stem(w) for w in _COUNT_ADJECTIVES.split('|'))}[a-z?]*{{gap}}+)?"
    rf"(?:{_alternation({_stem(w) for w in (*UNITS, *(m[:3] for m in MONTHS))})}"
    rf"|of{{blank}}++{_alternation({m[:3] for m in MONTHS})}|in{{blank}}++the|o'c"
    r"|and{blank}++a{blank}|times)"
)
# The first characters of its alternatives are looked for first, so that a run with
# anything else after it fails at once; the repeats of digits and blanks keep what they
# took (possessive), as what must follow them is never a digit or a blank. (A count's
# adjective may end with "?", which may also be its gap: that repeat gives back.)
_DATED_TAIL: Final = (
    rb"(?=[-:./snrtap, \t\n\r\x0b\x0c\x1c-\x1f?])"
    rb"(?:,000(?:,000)*+"
    + _COUNTED.encode("ascii")
    + rb"|:0|[./]00?[./]0|[ \t]0/0|st|nd|rd|th|s|(?:\.00?+)?(?:"
    + _ZBLANK
    + rb"?+[ap](?:\.m|m(?![a-z0_]))|"
    + _ZGAP
    + b"++"
    + _DATED_WORDS.format(blank=_ZBLANK.decode(), gap=_ZGAP.decode()).encode()
    + b"))"
)


@functools.cache
def _dated_runs() -> re.Pattern[bytes]:
    """The runs of digits a mention may hold, in the ``zeros`` view: four digits (a
    year, an agency clock "1548 GMT"), or one to three with :data:`_DATED_TAIL` after
    them; never five or more, and never after "@", "/" or ":" ("10:35" holds one run
    that opens a mention, "10"), where no mention starts and no words before it lead
    to it. Compiled on first use, as the recognisers are."""
    head = _RUN_HEAD.replace(rb"0_", rb"0_@/:")
    return re.compile(head + rb"(?:000|0{0,2}+(?=" + _DATED_TAIL + rb"))" + _RUN_TAIL)


def _numbers(
    text: str, folded: bytes, lo: int, zeros: bytes | None = None, *, dated: bool = False
) -> list[tuple[int, bytes]]:
    """The runs of digits of :func:`trigger_words` (``(offset, digits)``); with
    ``dated``, only those :func:`_dated_runs` finds."""
    start = lo - 1 if lo > 0 else 0  # the character before, for the look-behind
    if zeros is None:
        zeros = text[start : lo + len(folded)].encode("ascii", "replace").translate(_ZEROS)
    found: list[tuple[int, bytes]] = []
    if zeros.find(b"0", lo - start) < 0:
        return found  # no digit (only digits are "0" in the view): no search to start
    for m in (_dated_runs() if dated else _ZERO_RUNS).finditer(zeros, lo - start):
        k, end = m.span()
        unsure = (k > 0 and zeros[k - 1] == 63) or zeros[end : end + 2] == b"?%"
        if unsure and _DIGITS.match(text, start + k, lo + len(folded)) is None:
            continue
        found.append((start + k, folded[start + k - lo : start + end - lo]))
    return found


def views(text: str, lo: int, hi: int) -> tuple[bytes, bytes, bytes]:
    """:func:`fold` of ``text[lo:hi]``, its :func:`chain_fold`, and the ``zeros`` that
    :func:`trigger_words` takes, from one encoding of the text.

    >>> views("Last 3 weeks", 5, 12)
    (b'3 weeks', b'skeew 3', b' 0 weeks')
    """
    start = lo - 1 if lo > 0 else 0
    encoded = text[start:hi].encode("ascii", "replace")
    piece = encoded[lo - start :]
    return piece.translate(_FOLD), piece.translate(_CHAIN_FOLD)[::-1], encoded.translate(_ZEROS)


def fold(text: str) -> bytes:
    """``text`` with one byte per character: ASCII letters in lower case, digits,
    and a blank for anything else, so its offsets are the text's.

    >>> fold("Last week, £5 (Q3)")
    b'last week   5  q3 '
    """
    return text.encode("ascii", "replace").translate(_FOLD)


def find_triggers(text: str, folded: bytes, lo: int = 0) -> list[int]:
    """Offsets in ``text`` of the trigger words and digit runs of ``text[lo:]``.

    ``folded`` is :func:`fold` of ``text[lo:]``. The loops run in C: the digit runs
    are found in the text with every digit as "0" (a search for one byte), and the
    trigger words with one pattern that opens with the blank before a word, so that
    the engine skips to the blanks instead of trying every character.

    >>> text = "On Monday, $2024, 1,548 and 15% left; 3 weeks passed."
    >>> [text[k : k + 6] for k in find_triggers(text, fold(text))]
    ['Monday', '3 week', 'weeks ']
    """
    return [k for k, _word in trigger_words(text, folded, lo)]


def _from_second_letter(words: Iterable[str]) -> str:
    """An alternation of ``words`` (two characters or more) that reads the first by a
    class and branches from the second: each word's first letter is checked by a
    look-behind where it ends, and a longer word is tried before its prefix, as in
    :func:`_trie`.

    The engine tries a branch's alternatives one by one, and where one fails further in
    ("the" fails inside the branch of "thursday") it goes on to the next, so a blank the
    trigger scan stops at costs a walk of the whole first branch (about 15 instructions
    an alternative). The
    trigger words open with 22 letters but go on with 18 characters, and a blank,
    digit or other letter after the blank fails the class at once: 7% fewer
    instructions for the scan than :func:`_trie`'s (measured with other layouts, all
    dearer, in docs/performance.md).
    """
    root: dict[str, Any] = {}
    firsts: set[str] = set()
    for word in words:
        firsts.add(word[0])
        node = root
        for char in word[1:]:
            node = node.setdefault(char, {})
        node.setdefault("", set()).add(word[0])

    def build(node: dict[str, Any], rest: str) -> str:
        branches = [re.escape(c) + build(sub, rest + c) for c, sub in sorted(node.items()) if c]
        if "" in node:  # words end here: the ones that open with these letters
            branches.append(f"(?<=[{''.join(sorted(node['']))}]{re.escape(rest)})")
        return branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"

    return f"[{''.join(sorted(firsts))}]" + build(root, "")


@functools.cache
def _trigger_pattern() -> re.Pattern[bytes]:
    """A trigger word of folded text, whole, with the blank before it (a class of one
    byte to open with lets the engine skip to the blanks)."""
    keys = _from_second_letter(key.decode("ascii") for key in _TRIGGER_KEYS)
    # "fy" may be glued to its digits, which no digit run finds there ("FY2024"): one
    # key of the trie, as another branch beside it would cost at every blank
    return re.compile(f" ({keys})(?= |(?<=fy)[0-9])".encode("ascii"))


def trigger_words(
    text: str, folded: bytes, lo: int = 0, *, zeros: bytes | None = None, dated: bool = False
) -> list[tuple[int, bytes]]:
    """:func:`find_triggers` with each trigger's folded word (for a number, its run
    of digits): ``(offset, word)`` in order. ``zeros`` is the third of :func:`views`
    of the same piece, when the caller has it. With ``dated``, the runs of digits are
    only those a mention may hold (:func:`_dated_runs`): amounts, counts and scores are
    left out in the same pass that finds the runs.

    >>> text = "On Monday, 12 weeks passed, 300 people, 1,000 days in FY24."
    >>> [(k, w.decode()) for k, w in trigger_words(text, fold(text))]
    [(3, 'monday'), (11, '12'), (14, 'weeks'), (28, '300'), (40, '1'), (46, 'days'), (54, 'fy')]
    >>> [(k, w.decode()) for k, w in trigger_words(text, fold(text), dated=True)]
    [(3, 'monday'), (11, '12'), (14, 'weeks'), (40, '1'), (46, 'days'), (54, 'fy')]
    """
    found = _numbers(text, folded, lo, zeros, dated=dated)
    # the folded text between blanks: a match at k is the word at folded[k:]
    for m in _trigger_pattern().finditer(b" " + folded + b" "):
        k = m.start()
        key = m.group(1)
        # as written: "week", "Week" or "WEEK", never "wEEK"
        if text[lo + k : lo + k + len(key)] in TRIGGER_WORDS:
            found.append((lo + k, key))
    found.sort()
    return found


PREFIX_WORDS: Final = _words(
    """
    the a an last this next coming past previous preceding prior current following same early
    earlier late later mid about around approximately almost nearly roughly some just only over
    under more less than at least up to another each every other once twice times of
    first second third fourth final latest latter most recent remaining fiscal few several many
    numerous half couple dozen end beginning start middle right before after straight
    consecutive full trading working business additional year financial calendar
    corresponding comparable that these near distant short long and no fewer thousand
    then pre post
    """
) | {w for w in (*NUMBER_WORDS, *CENTURY_ORDINALS) if " " not in w and "-" not in w}
"""Words that may open an expression before its trigger: ``the past two months``."""

# ASCII letters folded to lower case, digits kept, the blanks, line breaks (CRLF too)
# and hyphen that may separate the words of an expression kept, anything else a "#".
_CHAIN_FOLD: Final = bytes(
    c + 32 if 65 <= c <= 90 else c if 97 <= c <= 122 or 48 <= c <= 57 or c in b" \t\r\n-" else 35
    for c in range(256)
)


def chain_fold(text: str) -> bytes:
    """``text`` with one byte per character, reversed, for :func:`chain_pattern`:
    ASCII letters in lower case, digits, blanks and hyphens kept, anything else ``#``.

    >>> chain_fold("The  last-£5")
    b'5#-tsal  eht'
    """
    return text.encode("ascii", "replace").translate(_CHAIN_FOLD)[::-1]


@functools.cache
def chain_pattern() -> re.Pattern[bytes]:
    """Up to four prefix words before a trigger, matched backwards on
    :func:`chain_fold` from just before the trigger: each word (group 1 to 4, nearest
    first) is a whole run of letters that is one of :data:`PREFIX_WORDS`, and is
    separated from the next by blanks or hyphens holding at most one line feed (``two
    \r\n     weeks``, as wide as a number's gap: never a blank line).

    >>> text = "in the past two weeks"
    >>> m = chain_pattern().match(chain_fold(text), len(text) - text.index("weeks"))
    >>> [m.group(k)[::-1] for k in (1, 2, 3)], m.group(4)
    ([b'two', b'past', b'the'], None)
    """
    word = _trie(sorted(w[::-1] for w in PREFIX_WORDS))
    unit = rf"(?:[ \t\r-]+(?:\n[ \t\r-]*)?|\n[ \t\r-]*)({word})(?![a-z0-9])"
    return re.compile(f"{unit}(?:{unit}(?:{unit}(?:{unit})?)?)?".encode("ascii"))


_FUTURE_CUES = (
    r"will|won['’]t|shall|['’]ll|going\s+to|expected\s+to|expects?\s+to|plans?\s+to"
    r"|planned\s+(?:for|to)|planning\s+to|scheduled|is\s+to|are\s+to|intends?\s+to"
    r"|set\s+to|upcoming|next|later\s+this|coming|until|ahead|tomorrow|would|must(?!\s+have)"
    r"|should(?!\s+have)"
    r"|due(?<!been\sdue)(?<!was\sdue)(?<!were\sdue)\s+(?:to(?=\s+(?!the\b))|on|by)"
    r"|as\s+(?:soon|early)\s+as"
)
# irregular verbs in the simple past ("made", "rose", "began"), as the regular ones end
# in -ed; words that are as often adjectives or presents ("left", "set", "cut") are left out
IRREGULAR_PAST = _alternation(
    _words(
        """
        made took began came went got found fell rose grew saw told gave led held won lost
        paid sold bought brought thought kept met ran spent sent built wrote spoke became
        struck fought fled knew stood broke chose drew drove flew threw caught taught
        sought felt heard meant sank shot stole swore woke wore hid rode forgot
        """
    )
)
_PAST_CUES = (
    rf"{IRREGULAR_PAST}|was|were|had|did|said|says|ago|last|earlier|yesterday|since|[a-z]{{2,}}ed"
    r"|could(?:\s+not|n['’]t)"
)
# "will be held", "could be located", "had been scheduled": a passive participle after
# "be", "been" or "being" tells no tense, nor does one after "stay" or "remain", which
# is an adjective ("will stay closed", "remains locked")
_NEUTRAL_CUES = rf"(?:be(?:en|ing)?|stays?|remains?)\s+(?:[a-z]{{2,}}(?:ed|en)|{IRREGULAR_PAST})"


@functools.cache
def tense_pattern() -> re.Pattern[str]:
    """Cue words (in lower-cased text) that put a sentence in the future or the past
    (group ``future`` or ``past``), or that hide a participle (group ``neutral``).

    Each match takes the character before its cue, which is no letter: a pattern that
    opens with a class of characters lets the engine skip letters quickly, where a
    look-behind would be tried at every position. A match's cue is
    ``text[m.start() + 1 : m.end()]``; text that opens with a cue needs a character
    put before it.

    >>> [(m.lastgroup, m.group()[1:]) for m in tense_pattern().finditer(" it will be held")]
    [('future', 'will'), ('neutral', 'be held')]
    """
    return re.compile(
        rf"[^a-z](?:(?P<neutral>{_NEUTRAL_CUES})|(?P<future>{_FUTURE_CUES})"
        rf"|(?P<past>{_PAST_CUES}))(?![a-z])"
    )

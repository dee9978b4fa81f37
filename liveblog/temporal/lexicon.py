"""The vocabulary of temporal expressions, as data tables."""

from __future__ import annotations

from types import MappingProxyType
from typing import Final

__all__ = [
    "APPROXIMATORS",
    "CENTURY_ORDINALS",
    "DAY_PARTS",
    "DECADE_WORDS",
    "DIRECTIONS",
    "MODIFIERS",
    "MONTHS",
    "NOT_PLURALS",
    "NUMBER_WORDS",
    "ORDINALS",
    "REFERENCE_WORDS",
    "SEASONS",
    "SETS",
    "UNITS",
    "VAGUE_NUMBERS",
    "WEEKDAYS",
    "YEAR_CUES",
    "words",
]


def words(text: str) -> frozenset[str]:
    """The blank-separated words of ``text``: vocabulary written as prose.

    >>> sorted(words("since  in"))
    ['in', 'since']
    """
    return frozenset(text.split())


MONTHS: Final = MappingProxyType(
    {
        "january": 1,
        "jan": 1,
        "february": 2,
        "feb": 2,
        "march": 3,
        "mar": 3,
        "april": 4,
        "apr": 4,
        "may": 5,
        "june": 6,
        "jun": 6,
        "july": 7,
        "jul": 7,
        "august": 8,
        "aug": 8,
        "september": 9,
        "sept": 9,
        "sep": 9,
        "october": 10,
        "oct": 10,
        "november": 11,
        "nov": 11,
        "december": 12,
        "dec": 12,
    }
)
"""Month names and abbreviations (lower case) -> month number."""

WEEKDAYS: Final = MappingProxyType(
    {
        "monday": 1,
        "tuesday": 2,
        "wednesday": 3,
        "thursday": 4,
        "friday": 5,
        "saturday": 6,
        "sunday": 7,
    }
)
"""Weekday names -> ISO weekday number (Monday is 1)."""

SEASONS: Final = MappingProxyType(
    {"spring": "SP", "summer": "SU", "autumn": "FA", "fall": "FA", "winter": "WI"}
)
"""Season names -> TIMEX3 season code."""

DAY_PARTS: Final = MappingProxyType(
    {
        "morning": "MO",
        "afternoon": "AF",
        "evening": "EV",
        "night": "NI",
        "tonight": "NI",
        "overnight": "NI",
        "midday": "MI",
    }
)
"""Parts of the day -> TIMEX3 time-of-day code."""

NUMBER_WORDS: Final = MappingProxyType(
    {
        "a": 1,
        "an": 1,
        "one": 1,
        "two": 2,
        "three": 3,
        "four": 4,
        "five": 5,
        "six": 6,
        "seven": 7,
        "eight": 8,
        "nine": 9,
        "ten": 10,
        "eleven": 11,
        "twelve": 12,
        "thirteen": 13,
        "fourteen": 14,
        "fifteen": 15,
        "sixteen": 16,
        "seventeen": 17,
        "eighteen": 18,
        "nineteen": 19,
        "twenty": 20,
        "thirty": 30,
        "forty": 40,
        "fifty": 50,
        "sixty": 60,
        "seventy": 70,
        "eighty": 80,
        "ninety": 90,
        "hundred": 100,
        "thousand": 1000,
        "half": 0,
        "a half": 0,
        "a dozen": 12,
        "dozen": 12,
        "a couple of": 2,
        "a couple": 2,
        "couple of": 2,
    }
)
"""Number words -> value (``half`` is handled by the resolver as 0.5 of a unit)."""

VAGUE_NUMBERS: Final = frozenset(
    {"several", "few", "a few", "many", "some", "the next few", "numerous"}
)
"""Quantities that give an unknown count: ``several days`` is ``PXD``."""

ORDINALS: Final = MappingProxyType(
    {
        "first": 1,
        "1st": 1,
        "second": 2,
        "2nd": 2,
        "third": 3,
        "3rd": 3,
        "fourth": 4,
        "4th": 4,
        "final": 4,
        "last": 4,
    }
)
"""Quarter ordinals -> quarter number."""

UNITS: Final = MappingProxyType(
    {
        "second": "S",
        "minute": "M",
        "hour": "H",
        "day": "D",
        "night": "D",
        "week": "W",
        "fortnight": "F",
        "month": "M",
        "quarter": "Q",
        "year": "Y",
        "decade": "DE",
        "century": "CE",
    }
)
"""Calendar units (singular) -> ISO 8601 duration letter (``F``: two weeks)."""

DIRECTIONS: Final = MappingProxyType(
    {
        "last": -1,
        "past": -1,
        "previous": -1,
        "prior": -1,
        "this": 0,
        "current": 0,
        "same": 0,
        "next": 1,
        "coming": 1,
        "following": 1,
        "this past": -1,
        "this coming": 1,
    }
)
"""Deictic directions before a unit: ``last week`` is -1 week from the anchor's week."""

MODIFIERS: Final = MappingProxyType(
    {
        "early": "START",
        "earlier": None,
        "late": "END",
        "later": None,
        "mid": "MID",
        "mid-": "MID",
        "the end of": "END",
        "the start of": "START",
        "the beginning of": "START",
        "the middle of": "MID",
        "pre": "BEFORE",
        "post": "AFTER",
    }
)
"""Modifiers before a period -> TIMEX3 ``mod`` (None: no mod, same value)."""

APPROXIMATORS: Final = MappingProxyType(
    {
        "about": "APPROX",
        "around": "APPROX",
        "approximately": "APPROX",
        "roughly": "APPROX",
        "nearly": "LESS_THAN",
        "almost": "LESS_THAN",
        "less than": "LESS_THAN",
        "fewer than": "LESS_THAN",
        "more than": "MORE_THAN",
        "no less than": "EQUAL_OR_MORE",
        "no fewer than": "EQUAL_OR_MORE",
        "at least": "EQUAL_OR_MORE",
        "no more than": "EQUAL_OR_LESS",
        "up to": "EQUAL_OR_LESS",
        "at most": "EQUAL_OR_LESS",
    }
)
"""Approximators before a count -> TIMEX3 ``mod`` of the length (``nearly two years``
is less than two years)."""

REFERENCE_WORDS: Final = MappingProxyType(
    {
        "now": "PRESENT_REF",
        "right now": "PRESENT_REF",
        "currently": "PRESENT_REF",
        "nowadays": "PRESENT_REF",
        "at present": "PRESENT_REF",
        "the present": "PRESENT_REF",
        "these days": "PRESENT_REF",
        "recently": "PAST_REF",
        "then current": "PAST_REF",
        "then-current": "PAST_REF",
        "the past": "PAST_REF",
        "in the past": "PAST_REF",
        "the future": "FUTURE_REF",
        "future": "FUTURE_REF",
        "a later date": "FUTURE_REF",
        "the near term": "FUTURE_REF",
        "the short term": "FUTURE_REF",
        "the long term": "FUTURE_REF",
    }
)
"""Words that refer to the past, present or future without a calendar value."""

CENTURY_ORDINALS: Final = MappingProxyType(
    {
        "first": 1,
        "second": 2,
        "third": 3,
        "fourth": 4,
        "fifth": 5,
        "sixth": 6,
        "seventh": 7,
        "eighth": 8,
        "ninth": 9,
        "tenth": 10,
        "eleventh": 11,
        "twelfth": 12,
        "thirteenth": 13,
        "fourteenth": 14,
        "fifteenth": 15,
        "sixteenth": 16,
        "seventeenth": 17,
        "eighteenth": 18,
        "nineteenth": 19,
        "twentieth": 20,
        "twenty-first": 21,
    }
)
"""Ordinals written out -> number, for centuries (``the nineteenth century`` is ``18``)."""

DECADE_WORDS: Final = MappingProxyType(
    {
        "twenties": 2,
        "thirties": 3,
        "forties": 4,
        "fifties": 5,
        "sixties": 6,
        "seventies": 7,
        "eighties": 8,
        "nineties": 9,
    }
)
"""Decade words of the 1900s -> decade digit (``the nineties`` is ``199``)."""

SETS: Final = MappingProxyType(
    {
        "hourly": "PT1H",
        "daily": "P1D",
        "nightly": "P1D",
        "weekly": "P1W",
        "monthly": "P1M",
        "annually": "P1Y",
        "yearly": "P1Y",
    }
)
"""Frequency adverbs -> TIMEX3 SET value."""


NOT_PLURALS: Final = words(
    """
    was has this thus across towards unless whereas plus versus perhaps always sometimes
    besides afterwards its his hers ours yours theirs process press access congress success
    business crisis
    """
)
"""Words ending in "s" that are no plural noun: ``in 2022 was`` keeps its year."""

YEAR_CUES: Final = words("in since of by until from year before after around circa")
"""Words that make a number before 1800 a year: ``in 1548``, not ``1548 soldiers``."""

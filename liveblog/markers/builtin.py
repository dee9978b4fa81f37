"""The built-in marker dialects, one small object each, with sample inputs.

Patterns are assembled from a few pieces (a clock, a date, a zone) so that every dialect
reads times the same way. String patterns are compiled case-insensitive and verbose;
zone abbreviations match upper-case only (``(?-i:...)``) so that a following word is not
read as a zone. No piece repeats a quantifier over a class that overlaps its neighbour's,
so every pattern runs in linear time on adversarial input (long runs of digits, spaces,
colons or month names).
"""

from __future__ import annotations

import re

from liveblog.markers.dialect import (
    MARKER_BLANKS,
    MONTHS,
    NEVER_IN_NAMES,
    NOT_NAMES_ALONE,
    WEEKDAY_NAMES,
    PatternDialect,
)
from liveblog.markers.zones import ZONE_ABBREVIATIONS

__all__ = [
    "AUTHOR_TIME",
    "BYLINE_AFTER",
    "CLOCK_INLINE",
    "CLOCK_LINE",
    "CLOCK_RUN",
    "CLOCK_SPACE",
    "CLOSING_STAMP",
    "DAY_HEADER",
    "DEFAULT_DIALECTS",
    "FOREIGN_DATED",
    "NEVER_IN_NAMES",
    "NOT_NAMES_ALONE",
    "NUMBERED_POST",
    "OPENING",
    "PUBLISHED_AT",
    "RELATIVE_AGE",
    "TICKER",
    "TIME_AFTER_HEADLINE",
    "UPDATE",
    "UPDATED_AT",
    "WEEKDAY_ONLY",
]


def _class_of(chars: str) -> str:
    """A class of ``chars`` written out (a space and characters beyond ASCII as
    themselves, other ASCII characters as escapes), each run of consecutive code points
    as one range: the same set, which ``regex`` compiles faster as ranges and literals
    than as escapes (SP stands some 200 times in the patterns compiled at a first parse,
    each copy compiled anew).

    >>> _class_of(" \\t\\u200b\\u200d\\u200c\\u2060") == "[\\\\u0009 \\u200b-\\u200d\\u2060]"
    True
    """
    codes = sorted(set(map(ord, chars)))
    runs: list[list[int]] = []
    for code in codes:
        if runs and runs[-1][1] == code - 1:
            runs[-1][1] = code
        else:
            runs.append([code, code])

    def one(code: int) -> str:
        return chr(code) if code == 0x20 or code > 0x7F else f"\\u{code:04x}"

    return "[" + "".join(one(a) if a == b else f"{one(a)}-{one(b)}" for a, b in runs) + "]"


# Blanks inside a marker (MARKER_BLANKS), as a class: " \t\u00a0..." written out
SP = _class_of(MARKER_BLANKS)
END_OF_LINE = rf"{SP}*+(?=[\r\n]|\Z)"

_WEEKDAY = (
    r"(?=[mtwfs])(?P<weekday>monday|tuesday|wednesday|thursday|friday|saturday|sunday"
    r"|mon|tues|tue|wed|thurs|thur|thu|fri|sat|sun)\.?"
)
_MONTH_NAME = (
    r"(?=[jfmasond])(?P<month>january|february|march|april|may|june|july|august|september|october"
    r"|november|december|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)\b\.?"
)
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?\b"
_YEAR = r"(?P<year>(?:19|20)\d\d)\b"

# A calendar date, optionally after a weekday. The lookaheads only test what the next
# alternative needs anyway, so that a line that is no date is rejected cheaply.
DATE = rf"""
(?:{_WEEKDAY},?{SP}++)?
(?: (?=\d)
    (?: (?=\d\d?(?:st|nd|rd|th)?{SP})
        {_DAY}{SP}++(?:of{SP}++)?{_MONTH_NAME}(?:,?{SP}++{_YEAR})?     # 16 Jan 2024, 22 January
      | (?=\d\d?\.)
        (?P<day>[0-3]?\d)\.(?P<month>[01]?\d)\.(?P<year>(?:19|20)?\d\d)\b   # 12.9.2024, 22.01.24
      | (?=\d\d?/)
        (?P<sl1>[0-3]?\d)/(?P<sl2>[0-3]?\d)/(?P<year>(?:19|20)?\d\d)\b      # 6/4/2021, 24/02/2021
      | (?=\d{{4}}-)
        (?P<year>(?:19|20)\d\d)-(?P<month>[01]\d)-(?P<day>[0-3]\d)\b       # 2024-01-16
    )
  | {_MONTH_NAME}{SP}++{_DAY}(?:,?{SP}++{_YEAR})?                   # Jan 16, 2024; April 4th
)
"""

# A date in Japanese, Chinese or Korean, maybe with its weekday after it (2024年1月22日
# | 1月22日 | 2024年1月22日 月曜日 | 2024年1月22日 星期一 | 2024년 1월 22일 월요일), read only
# in day headers (its weekday in brackets, 2024年1月22日（月）, is a header's bracket)
_CJK_DATE = rf"""
(?=\d{{1,4}}{SP}?(?:年|년|月|월))
(?:(?P<year>(?:19|20)\d\d){SP}?(?:年|년){SP}?)?
(?P<month>[01]?\d){SP}?(?:月|월){SP}?(?P<day>[0-3]?\d){SP}?(?:日|일)
(?:{SP}*+(?:(?:月|火|水|木|金|土|日)曜日?|(?:星期|周|週)(?:一|二|三|四|五|六|日|天)
  |(?:월|화|수|목|금|토|일)요일))?
"""

# the same before a clock in the clock dialects' stamps, without the weekday's names (a
# copy of them costs every pattern holding the stamp its compiling): 2024年1月22日 14時32分 |
# 2024年1月22日（月） 14:32 | 2024년 1월 22일 14시 32분
# (its blanks a short class and the ideographic space, where SP's class of every
# Unicode blank costs each copy's compiling about 0.1 ms)
_CJK_SP = r"(?:[ \t\u00a0]|\u3000)"
_CJK_STAMP_DATE = rf"""
(?=\d{{1,4}}{_CJK_SP}?(?:年|년|月|월))
(?:(?P<year>(?:19|20)\d\d){_CJK_SP}?(?:年|년){_CJK_SP}?)?
(?P<month>[01]?\d){_CJK_SP}?(?:月|월){_CJK_SP}?(?P<day>[0-3]?\d){_CJK_SP}?(?:日|일)
(?:{_CJK_SP}*+\((?:月|火|水|木|金|土|日|월|화|수|목|금|토|일)\))?{_CJK_SP}*+
"""

# an accented letter (févr, März, août) or its plain one, written without non-ASCII
# letters so that the pattern keeps its twin for ASCII lines (see markers.twin)
_ACCENT = r"(?:[aeu]|[^\x00-\x7f])"

# an å, ö or ø (måndag, lördag, søndag) or its plain letter, likewise
_NORDIC = r"(?:[ao]|[^\x00-\x7f])"

# A date in French, German, Dutch, Swedish, Norwegian or Danish (names: FOREIGN_MONTHS
# in markers.dialect), read only in day headers and in FOREIGN_DATED's stamps: "mars"
# or "Mai" in English prose is no month.
_FOREIGN_DATE_BODY = rf"""
(?:(?=[lmjvsdfwzto])(?P<weekday>lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|montag
    |dienstag|mittwoch|donnerstag|freitag|samstag|sonnabend|sonntag
    |maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag|zondag     # Dutch
    |m{_NORDIC}ndag|tisdag|tirsdag|onsdag|torsdag|fredag|l{_NORDIC}rdag|s{_NORDIC}ndag
    |(?:lun|mar|mer|jeu|ven|sam|dim|mo|di|mi|do|fr|sa|so)\.),?{SP}++)?   # mer. | Do.
(?P<day>[0-3]?\d)(?:er|\.)?{SP}++                      # 1er | 22. (German)
(?=[jfmasond])(?P<month>januari|februari|maart|mrt|augustus|augusti|marts|desember
    |april|august|september|november|december         # (English's, after a weekday)
    |janvier|janv|januar|jan|j{_ACCENT}nner|f{_ACCENT}vr(?:ier)?
    |februar|febr?|mars|m{_ACCENT}rz|maerz|mrz|m(?:a|[^\x00-\x7f])r|avril|avr|apr|mai|juin
    |juni|jun|juillet|juil|juli|jul|ao{_ACCENT}t|aug|septembre|sept|sep|octobre|oktober|okt
    |oct|novembre|nov|d{_ACCENT}c(?:embre)?|dezember|dez|mei|maj)\b\.?
(?:{SP}++{_YEAR})?             # Lundi 22 janvier 2024 | Montag, 22. Januar | 1er mai
"""
# A date in Spanish, Italian or Portuguese (names: ROMANCE_MONTHS in markers.dialect),
# or in Polish, its month in the genitive (POLISH_MONTHS), read only in day headers:
# Lunes, 22 de enero de 2024 | Lunedì 22 gennaio 2024 | Segunda-feira, 22 de janeiro de
# 2024 | poniedziałek, 22 stycznia 2024 (r.). Tried only where a day's number and a
# month's first letter (maybe after "de") stand, after a word or none.
_ROMANCE_DATE = rf"""
(?=(?:[^\W\d_]++(?:-feira)?,?{SP}++)?[0-3]?\d(?:º|°)?{SP}++(?:de{SP}++)?[efmajsondgltkcwp])
(?:(?=[lmjvsdgqtpwcn\u015b])(?P<weekday>lunes|martes|mi{_ACCENT}rcoles|jueves|viernes
    |s{_ACCENT}bado|domingo|luned{_ACCENT}|marted{_ACCENT}|mercoled{_ACCENT}|gioved{_ACCENT}
    |venerd{_ACCENT}|sabato|domenica|segunda|ter(?:c|[^\x00-\x7f])a|quarta|quinta|sexta
    |poniedzia(?:l|[^\x00-\x7f])ek|wtorek|(?:s|[^\x00-\x7f])roda|czwartek
    |pi(?:a|[^\x00-\x7f])tek|sobota|niedziela)(?:-feira)?,?{SP}++)?       # Polish
(?P<day>[0-3]?\d)(?:º|°)?{SP}++(?:de{SP}++)?
(?P<month>enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|setiembre|octubre
    |noviembre|diciembre|gennaio|febbraio|aprile|maggio|giugno|luglio|settembre|ottobre
    |novembre|dicembre|janeiro|fevereiro|mar(?:c|[^\x00-\x7f])o|maio|junho|julho|setembro
    |outubro|novembro|dezembro
    |stycznia|lutego|marca|kwietnia|maja|czerwca|lipca|sierpnia|wrze(?:s|[^\x00-\x7f])nia
    |pa(?:z|[^\x00-\x7f])dziernika|listopada|grudnia)\b                 # Polish
(?:{SP}++(?:de{SP}++)?{_YEAR}(?:{SP}*+r\.)?)?  # 22 de enero de 2024 | 22 stycznia 2024 r.
"""

# The same, tried only where its shape stands: a word of a weekday's first letter that
# does not end in "day" (as every English weekday does), then a day and a month's first
# letter. DATE's lines that it fails on (Monday 22 January 2024 15.48 GMT, 1 min ago)
# would otherwise try the names above one by one.
_FOREIGN_GUARD = (
    rf"(?=(?:[lmjvsdfwzto][^\W\d_]*+(?<!day)\.?,?{SP}++)?[0-3]?\d(?:er|\.)?{SP}++[jfmasond])"
)
_FOREIGN_DATE = _FOREIGN_GUARD + _FOREIGN_DATE_BODY

# Line filters (``re``, see PatternDialect.line_filter): on a line of ASCII text, where
# every blank above is a space or tab and every letter A-Z, what a match must open with.
# The blanks before a marker, then the opening of a DATE (a weekday, then a day number
# and what follows it in one of DATE's forms, or a whole month name):
_ASCII_BLANKS = r"[\t\x0b\x0c ]*"
# at lines of any characters: an upper-case letter's place (A-Z or any other character
# than ASCII), and a lower-case one's
_RE_UPPER = r"[^\x00-\x40\x5b-\x7f]"
_RE_LOWER = r"[^\x00-\x60\x7b-\x7f]"
# and a digit's (0-9 or any other character than ASCII); a blank's (space, tab or any
# other character than ASCII), and the blanks' a line opens with (those and \x0b, \x0c):
# supersets of SP and of the line's blanks that ``re`` compiles in about a fifth of the
# time (a class of characters beyond Latin-1 is built as a map, 0.2 ms)
_RE_DIGIT = r"[^\x00-\x2f\x3a-\x7f]"
_RE_BLANK = r"[^\x00-\x08\x0a-\x1f\x21-\x7f]"
_RE_OPENING = r"[^\x00-\x08\x0a\x0d-\x1f\x21-\x7f]"
# the blanks a line may open with (the line pattern's, markers.dialect)
_LINE_OPENING_BLANKS = (
    r"[\t\x0b\x0c\x20\x85\xa0\u1680\u2000-\u200f\u2028\u2029\u202f\u205f\u2060"
    r"\u2066-\u2069\u3000\ufeff]*"
)


# an English month's name or abbreviation (``re``)
_RE_MONTH = (
    r"(?i:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\b"
)
# A DATE's opening (``re`` syntax, at lines of any characters: its blanks SP, a
# weekday's letters any letters)
_RE_DATE_OPENING = (
    rf"(?:(?i:mon|tue|wed|thu|fri|sat|sun)[^\W\d_]*\.?,?{SP}+)?"
    rf"(?:\d\d?(?i:st|nd|rd|th)?{SP}|\d\d?\.\d\d?\.|\d\d?/\d\d?/|\d{{4}}-|{_RE_MONTH})"
)


def _alternation(words: tuple[str, ...], i: str = "i") -> str:
    """``words`` as one alternation, grouped by first letter, a word not written with
    its dot taking one (``Jan.``); ``i`` is how to write the letter i."""
    firsts: dict[str, list[str]] = {}
    for word in sorted(set(words), key=lambda w: (-len(w), w)):
        written = re.escape(word[1:]) if word.endswith(".") else re.escape(word[1:]) + r"\.?"
        firsts.setdefault(word[0], []).append(written.replace("i", i))
    return "|".join(
        f"{first.replace('i', i)}(?:{'|'.join(rests)})" for first, rests in sorted(firsts.items())
    )


# the end of an author's word
_NAME_END = r"(?![\p{L}'’.\-])"
# a word never in an author's name, and a run of such words or months alone (each word
# with the blanks after it: the alternation written once, as compiling every copy of its
# months' names costs each process)
_NEVER_NAME = rf"(?:{_alternation(NEVER_IN_NAMES)}){_NAME_END}"
_NO_NAME = rf"(?:{_alternation(NEVER_IN_NAMES + NOT_NAMES_ALONE)}){_NAME_END}"
_NO_AUTHOR = rf"(?:{_NO_NAME}{SP}*+)++(?!(?-i:\p{{Lu}}))"
# The same in ``re`` syntax, for a line filter at lines of any characters: it rejects
# only what the pattern does (``re`` reads a dotless i as i, ``regex`` does not; a
# letter or digit after a word, for ``re``, ends no word), with the common words alone
# (compiling all of them, twice, would cost each process about 5 ms): an English weekday
# or a stamp's keyword ("Update", "Posted", "By") opening the author, or an English
# month alone
_I = "(?-i:(?!\u0131))i"  # (a class holding U+0130 costs re's compile 0.3 ms)
_RE_WORD_END = r"(?![\w'’.\-])"
_RE_COMMON_NEVER = (
    *WEEKDAY_NAMES,
    *("update", "updated", "posted", "correction", "today", "yesterday", "earlier", "by"),
)
_RE_NO_AUTHOR = (
    rf"(?i:{_alternation(_RE_COMMON_NEVER, _I)}){_RE_WORD_END}"
    rf"|(?i:{_alternation(tuple(MONTHS), _I)}){_RE_WORD_END}(?!{SP}*+[^\W\d_])"
)


# am, a.m., a..m., p.m ., p .m. and PM glued to the next word ("PMThe crowd")
_AMPM = r"(?P<ampm{s}>[ap](?:{sp}?\.{{1,2}})?{sp}?m(?:\b|(?=(?-i:\p{{Lu}}\p{{Ll}})))(?:{sp}?\.)?)"


# 14時32分 (Japanese), 14时32分 | 14点32分 (Chinese), 14시 32분 (Korean); on a 12-hour
# clock, the half of the day first and the minutes maybe left out: 午後2時32分 | 午前9時
# (Japanese), 下午2时32分 | 上午9点 (Chinese), 오후 2시 32분 (Korean). (No classes: the
# twin drops a class's characters beyond ASCII.)
_UNITS_CLOCK = r"""
  | (?=\d\d?{sp}?(?:時|时|点|點|시))
    (?P<hour{s}>[0-2]?\d){sp}?(?:時|时|点|點|시){sp}?(?P<minute{s}>\d\d?){sp}?(?:分|분)
  | (?P<ampm{s}>午前|午後|午后|上午|下午|오전|오후){cjk_sp}?
    (?P<hour{s}>[01]?\d){cjk_sp}?(?:時|时|点|點|시)
    (?:{cjk_sp}?(?P<minute{s}>\d\d?){cjk_sp}?(?:分|분))?
"""
# the first characters of those halves, for the lines a clock dialect tries
_CJK_HALF_STARTS = "午上下오"


def clock(s: str = "", *, units: bool = False) -> str:
    """A wall-clock time; ``s`` suffixes the group names (for a marker's second clock);
    with ``units``, also a Japanese, Chinese or Korean clock with its units (``14時32分``:
    the clock dialects' first clock only, as each copy costs the pattern's compiling).

    Each alternative opens with a lookahead for what it needs (the am/pm one: a run of
    digits, colons and dots, then am/pm), so that "14:32 BST" is not taken apart digit
    by digit looking for an am/pm before the next alternative is tried.
    """
    ampm = _AMPM.format(s=s, sp=SP)
    units_clock = _UNITS_CLOCK.format(s=s, sp=SP, cjk_sp=_CJK_SP) if units else ""
    return rf"""
(?: (?=[\d:.]{{1,8}}+(?:{SP}|\?)?[ap])
    (?P<hour{s}>[0-2]?\d)(?:[:.](?P<minute{s}>\d\d?)(?::(?P<second{s}>\d\d))?)?(?:{SP}|\?)?{ampm}
                                                         # 9:45am, 9.45 a.m., 10am, 11:04:12 PM
  | (?=\d\d?[:.]\d)
    (?P<hour{s}>[0-2]?\d)[:.](?P<minute{s}>\d\d)(?:[:.](?P<second{s}>\d\d)(?:\.\d{{3,6}}(?!\d))?)?
                                        # 14:32:05.123 (a machine export's milliseconds)
    (?:{SP}*+h(?:rs|ours)?\b     # 14:30 hrs (IST), 14:32hrs, 14:32 hours, 18.22 h (Spanish)
      | \b(?:{SP}++(?:(?P<noon{s}>noon)|uhr|uur)\b)?)   # 14:32, 12:00 noon, 14.32 Uhr, 14.32 uur
  | (?=\d\d?{SP}?h)
    (?P<hour{s}>[0-2]?\d){SP}?h{SP}?(?P<minute{s}>\d\d)\b # 14h35, 9 h 05
    {units_clock}
  | (?=[nm])
    (?P<noon{s}>noon|midday|midnight)\b                  # Noon ET
)
"""


# Zone words spelled out after a time: "British Summer Time", "Kyiv time", "Eastern".
_ZONE_WORDS = (
    r"british{SP}++summer{SP}++time|greenwich{SP}++mean{SP}++time|central{SP}++european"
    r"(?:{SP}++summer)?{SP}++time|eastern{SP}++european{SP}++time|(?:eastern|central|pacific"
    r"|mountain)(?:{SP}++(?:standard|daylight))?(?:{SP}++time)?|local(?:{SP}++time)?"
    r"|(?:uk|paris|kyiv|kiev|moscow|london|berlin|brussels|jerusalem|beirut|gaza|tehran"
    r"|beijing|tokyo|seoul|sydney|delhi|new{SP}++york|washington){SP}++time"
).replace("{SP}", SP)


# First letters of the zone words, to reject other words before trying each of them:
# the first letter of every alternative, at any depth (a superset is harmless).
_ZONE_WORD_STARTS = "".join(sorted({p.removeprefix("(?:")[0] for p in _ZONE_WORDS.split("|")}))

# Known abbreviations, longest first so that "CEST" is not read as "CET".
_KNOWN_ZONES = "|".join(sorted(ZONE_ABBREVIATIONS, key=lambda z: (-len(z), z)))


# Upper-case labels that open a post ("18:29 GOAL: Stones scores", "17:23 HT: 1-2"),
# never unknown zones.
_LABELS = (
    "AET|ALERT|AUDIO|EDIT|FLASH|FT|GOAL|HT|KO|LIVE|NEW|NEWS|NOTE|OUT|PEN|PHOTO|POLL|QUOTE"
    "|READ|RED|SCORE|TRY|VAR|VIDEO|WATCH|WKT"
)


def zone(s: str = "") -> str:
    """A zone after a time: abbreviation, GMT/UTC offset, or spelled-out name.

    An upper-case word of three to five letters that is not a known abbreviation counts
    as a zone only where the marker ends (before a colon, a bracket, a comma or the end
    of the line), so that "+++ 20:15 BSW wins" keeps the party's name in the text, and
    only when it ends as zone abbreviations do, in T (time) or Z (German Zeit: ``OEZ``),
    so that a source's acronym opening a post (``14:05 IDF:``, ``NATO:``, ``UNHCR:``)
    stays text; never when it is a label that opens a post (``GOAL:``, ``FT:``) or has
    two letters (``UN:``, ``EU:``).
    """
    return rf"""
(?: (?-i:(?=[A-Z])(?P<zone{s}>(?:GMT|UTC)(?:{SP}?[+\-−]{SP}?\d{{1,2}}(?::?\d\d)?)?\b
                   |(?:{_KNOWN_ZONES})\b
                   |(?!(?:AM|PM|NOON|{_LABELS})\b)[A-Z]{{2,4}}[TZ]\b
                    (?={SP}*+(?:[:),/\r\n]|\Z))))                    # GMT, BST, AZOT:
  | (?=[{_ZONE_WORD_STARTS}])(?P<zone{s}>{_ZONE_WORDS})\b     # British Summer Time
)
"""


# hhmm without a separator counts only before a zone, "0415 GMT" (or "0415?GMT", a lost
# no-break space), or hrs or hours (UK police and forces: "1432hrs:", "1432 HRS"), never
# a bare "2024".
_HHMM_ZONE = rf"(?P<hhmm>\d{{4}})(?:{SP}?h(?:rs|ours)\b|(?=(?:{SP}|\?)*+(?-i:[A-Z]{{2,5}}\b)))"
# Lower-case first characters a timestamp can start with: a digit, a weekday or month
# name, noon/midnight, today/yesterday. Line-start dialects skip lines that start otherwise.
_TIMESTAMP_STARTS = "0123456789mtwfsjaondny"

# between a date and a clock: 22 Jan 2024, 14:32 | 14:32 – 22 Jan | 22 Jan 2024 · 14:32
_SEP = rf"(?>{SP}*+[,–—\-|/·•]?{SP}*+)"
# 9:42am EST, 5:42pm EAT | 2105 GMT / 0005 TRT | 14:10 GMT (22:10 CST) | 16:40 CET | 10:40 ET
_SECOND_CLOCK = (
    rf"(?:{SP}*+(?:[,/|]|(?P<sopen>\())"
    rf"{SP}*+(?:{clock('2')}|(?P<hhmm2>\d{{4}})(?!\d))"
    rf"{SP}*+{zone('2')}(?(sopen){SP}*+\)))?"
)

# A day relative to the moment the page was saved, as pages render it: Today 09:15 |
# Today, 9:15am | Yesterday at 6.05pm
_RELATIVE_DAY = rf"(?=[ty])(?P<relday>today|yesterday)(?:{SP}*+,|{SP}++at)?{SP}++"


# the same after the clock, the stamp's last words (an app's "14:32 Today", "21:40 ·
# Yesterday"): before a post's text, "14:32 Today the minister said", it is the text's
_RELATIVE_DAY_AFTER = rf"(?=[ty])(?P<relday>today|yesterday)\b(?={SP}*+[:.]?{END_OF_LINE})"


# the word before a clock in Swedish, Norwegian and Danish (kl. 14.32, klockan 14.32),
# Finnish (klo 14.32) and Polish (godz. 14:32), the clock dialects' only
_CLOCK_WORD = rf"(?:(?=[kg])(?:kl(?:ockan|o)?|godz)\.?{SP}++)?"


def _timestamp(relative_day: str = "", relative_day_after: str = "", clock_word: str = "") -> str:
    """A timestamp: a clock with an optional zone, a second clock and a date on either
    side; with ``relative_day``, also after it (``Today 09:15``), with
    ``relative_day_after``, that day in the date's place after the clock (``14:32
    Today``), and with ``clock_word``, that before the clock (``kl. 14.32``), a clock
    written with its units (``14時32分``) and a CJK date before a clock (``2024年1月22日
    14時32分``): the clock dialects' forms."""
    cjk_date = "|" + _CJK_STAMP_DATE if clock_word else ""
    return rf"""
(?> (?=\d{{4}}-)                  # 2024-01-22T15:48:00Z | 2024-01-22 14:32:05+01:00
    (?P<iso>(?:19|20)\d\d-[01]\d-[0-3]\d
      (?: T[0-2]\d:[0-5]\d(?::[0-5]\d(?:\.\d+)?)?(?:Z|[+\-][0-2]\d:?[0-5]\d)?
        | {SP}[0-2]\d:[0-5]\d(?::[0-5]\d(?:\.\d+)?)?{SP}?(?:Z|[+\-][0-2]\d:?[0-5]\d))\b)
                     # (with a blank for the T, only with its offset: else a date and a clock)
  | (?:{DATE}{_SEP}(?:at{SP}++)?|{_WEEKDAY},?{SP}++{relative_day}{cjk_date})?
                            # Saturday 4.15pm | Today 09:15 | Feb 11, 2024 at 9:58 PM EST
    {clock_word}(?:{_HHMM_ZONE}|{clock(units=bool(clock_word))})
    (?:(?:{SP}|\?)*+(?:(?P<zopen>\(){SP}*+)?{zone()}(?(zopen){SP}*+\)))?
                                          # 04:17 (UTC+03:00), 3.40pm?BST (one zone pattern)
    {_SECOND_CLOCK}
    (?:{_SEP}(?:{DATE}{relative_day_after}))?                # 14:32 · 22 Jan 2024 | 14:32 Today
)
"""


TIMESTAMP = _timestamp()
# the clock dialects' timestamp: also after a day relative to the page's save, which
# the other dialects' patterns, some searched through the whole text, leave out
CLOCK_TIMESTAMP = _timestamp("|" + _RELATIVE_DAY, "|" + _RELATIVE_DAY_AFTER, _CLOCK_WORD)

# CLOCK_TIMESTAMP's commonest shapes at a line of ASCII text, in ``re`` syntax (see
# PatternDialect.head_shortcuts: each matches there as the timestamp's twin does, a
# property test holds them to it): a clock alone on its line or before a colon, with a
# known zone or none (13.11 | 16:20: text | 20:40 GMT: text), the same with am or pm
# (1.21pm: text | 1:37 a.m. ET), a Guardian stamp (Monday 22 January 2024 13.51 GMT).
# What may follow is what ends the timestamp: no seconds, date, second clock or offset.
_SHORT_CLOCK = r"(?P<hour>[0-2]?\d)[:.](?P<minute>\d\d)"
_SHORT_ZONE = rf"(?: (?P<zone>{_KNOWN_ZONES}))?"
CLOCK_SHORTCUTS = (
    # (a dot after am or pm is am's or pm's: after them only a colon, or nothing)
    rf"{_ASCII_BLANKS}(?P<marker>{_SHORT_CLOCK}(?: ?(?P<ampm>[aApP](?:[mM]|\.[mM]\.)))?"
    rf"{_SHORT_ZONE})(?(ampm)(?=[ \t]*(?::|\Z))|(?=[ \t]*(?:[:.](?!\d)|\Z)))",
    rf"{_ASCII_BLANKS}(?P<marker>(?P<weekday>(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day)"
    r" (?P<day>[0-3]?\d) (?P<month>January|February|March|April|May|June|July|August"
    rf"|September|October|November|December) (?P<year>(?:19|20)\d\d) {_SHORT_CLOCK}"
    rf"{_SHORT_ZONE})(?=[ \t]*(?:[:.](?!\d)|\Z))",
)


# what every line holding a timestamp (CLOCK_TIMESTAMP) contains: a digit, or a clock
# spelled as a word (Noon ET). The clock dialects' regex needle: a line of other
# characters than ASCII without it (a headline, "Sunday’s Coverage: ...") is not tried,
# and compiles no ``regex`` pattern of the timestamp to be rejected (searched at every
# line, as a line needle, it cost more than the twins' tries it saved)
_CLOCK_NEEDLE = r"\d|(?i:noon|midday|midnight)"

# UPDATE's commonest shapes, in ``re`` syntax, of ASCII characters only (see
# PatternDialect.line_shortcuts: a property test holds them to the pattern); the pattern's
# 16,000 characters are compiled at the first update line of another shape.
# Each is compiled at the first update line the ones before it miss.
# - UPDATE 1548 GMT: | Update 0831 BST: | UPDATE 3-1548 GMT: four digits, after a post
#   number and a dash or none, then a known zone and a colon, which ends the pattern's
#   match whatever follows: its hhmm branch with the zone (without a dash, two digits
#   before a third fail the post number's look-ahead).
# - Update, 15:48 GMT | Update 9.15pm: the clock as CLOCK_SHORTCUTS writes it (of ASCII
#   digits), and what ends it there, then the blanks and the colon or dot the pattern's
#   match takes after its marker (a clock's digits fail the post number's look-ahead).
# - UPDATE 2105 GMT / 0005 TRT: the first shape with a second clock of four digits and
#   a known zone.
_UPDATE_WORD = "[Uu][Pp][Dd][Aa][Tt][Ee]"
_UPDATE_HHMM = (
    rf"{_ASCII_BLANKS}(?P<marker>{_UPDATE_WORD} (?:[0-9]{{1,2}}-)?(?P<hhmm>[0-9]{{4}})"
    rf" (?P<zone>{_KNOWN_ZONES})"
)
_ASCII_CLOCK = r"(?P<hour>[0-2]?[0-9])[:.](?P<minute>[0-9][0-9])"
UPDATE_SHORTCUTS = (
    rf"{_UPDATE_HHMM}):",
    rf"{_ASCII_BLANKS}(?P<marker>{_UPDATE_WORD},? {_ASCII_CLOCK}"
    rf"(?: ?(?P<ampm>[aApP](?:[mM]|\.[mM]\.)))?{_SHORT_ZONE})"
    r"(?(ampm)(?=[ \t]*(?::|\Z))|(?=[ \t]*(?:[:.](?!\d)|\Z)))[ \t]*[:.]?",
    rf"{_UPDATE_HHMM} / (?P<hhmm2>[0-9]{{4}}) (?P<zone2>{_KNOWN_ZONES})):",
)

UPDATE = PatternDialect(
    "update",
    rf"""
    (?P<marker>
      (?:update|correction|aktualisierung|erstmeldung
        |(?:mise{SP}++[aà]{SP}++jour|maj)(?:{SP}++(?:de|[aà])(?={SP}))?
        |actualizaci[oó]n(?:{SP}++(?:de{SP}++)?las(?={SP}))?
        |aggiornamento(?:{SP}++(?:ore|delle)(?={SP}))?
        |atualiza[cç][aã]o(?:{SP}++[aà]s(?={SP}))?)
      {SP}*+                  # UPDATE 1548 GMT: | Update, 15:48 | Correction 15:02
                              # MISE À JOUR, 18h22 : | Mise à jour de 18h22 | MAJ à 18h22
                              # Actualización 18:22 | Aggiornamento ore 18.22
                              # Atualização às 18h22 | Update 18.22 uur:
      # German: Update vom 22. Januar, 18.22 Uhr | Erstmeldung vom 22. Januar, 8.05 Uhr
      (?:vom{SP}++{_FOREIGN_DATE_BODY}{SP}*+,?{SP}*+(?:um{SP}++)?)?
      # the post's number, then its time: UPDATE 2 (6:45 p.m.): | Update #3, 4:05 p.m.:
      (?:\#?\d{{1,2}}(?![\d:.]){SP}*+(?:[,:\-–—|·•]|(?P<uopen>\()){SP}*+)?   # Update 14 · 14:32
      [,:]?{SP}*+
      (?:{_MONTH_NAME}{SP}++{_DAY},?{SP}++)?                # Update, May 3, 1:15 p.m.:
      (?: (?P<hhmm>\d{{4}})(?:{SP}?h(?:rs|ours))?\b(?:(?:{SP}|\?)*+{zone()}{_SECOND_CLOCK})?
                                                            # UPDATE 1930: | UPDATE 1930hrs:
        | {CLOCK_TIMESTAMP} )                                 # Update, today 14:32
      (?(uopen){SP}*+\))
    )
    {SP}*+[:.\-–—]?
    """,
    candidate_lines=True,
    line_shortcuts=UPDATE_SHORTCUTS,
    starts="ucmae",
    words=(
        *("update", "correction", "mise", "maj", "aktualisierung", "erstmeldung"),
        *("actualizaci", "aggiornamento", "atualiza"),
    ),
)

# UPDATED_AT's commonest shape, a line of its own (Posted at 03:02 | Posted at 9.15pm
# BST), in ``re`` syntax, of ASCII characters only (see PatternDialect.line_shortcuts): the
# clock as CLOCK_SHORTCUTS writes it, then blanks to the line's end, where the pattern's
# match ends too; a page of them compiles neither the pattern nor its twin.
UPDATED_AT_SHORTCUTS = (
    rf"{_ASCII_BLANKS}(?P<marker>[Pp][Oo][Ss][Tt][Ee][Dd] [Aa][Tt] {_ASCII_CLOCK}"
    rf"(?: ?(?P<ampm>[aApP](?:[mM]|\.[mM]\.)))?{_SHORT_ZONE})[ \t]*\Z",
)

UPDATED_AT = PatternDialect(
    "updated-at",
    rf"""
    # Posted by Sam Reid at 9:42 p.m. ET (the name is the entry's author, the time its marker)
    (?:posted{SP}++by{SP}++
       (?P<author>(?-i:\p{{Lu}})[\p{{L}}'’.\-]*(?:{SP}++(?-i:\p{{Lu}})[\p{{L}}'’.\-]*){{0,3}})
       {SP}++(?:at|on){SP}++)?
    (?P<marker>
      (?(author)|
        (?:(?:updated|posted|edited|added|published)(?:{SP}++(?:at|on))?[,:]?
                                                  # Updated at 14.32 GMT | Published 18:35
          # Actualizado a las 21:40 | Atualizado às 21h40 | Aggiornato alle 18.22 | Ore 18.22
          |(?:actualizado(?:{SP}++a{SP}++las)?|atualizado(?:{SP}++[aà]s)?
            |aggiornato(?:{SP}++alle)?|(?P<ore>ore))(?={SP})
          |(?P<at>(?-i:À|A))(?={SP})                        # À 14h35, la direction ...
        ){SP}*+)
      {CLOCK_TIMESTAMP}                          # Posted at 14:32 | Updated today at 14:32
    )
    # French "at" needs its comma or colon ("A 10:30 deadline was set" is English);
    # Italian "Ore" the end of its line, a colon, a dash or a capitalised word after the
    # time (Ore 18.22 - Il premier | Ore 18.22 È), never a lower-case word, an all-caps
    # one or a range (iron "Ore 12.50 per tonne", "Ore 12.50 USD", "Ore 12.50-13.00")
    (?(at){SP}*+[,:]
      |(?(ore)(?={SP}*+(?:[:.]|[\-–—](?!{SP}*+\d)|(?-i:\p{{Lu}}(?:\p{{Ll}}|{SP}))|[\r\n]|\Z)))
       {SP}*+[:.\-–—]?)
    """,
    # one "Updated 12:05 GMT" line is page chrome, not a blog
    min_count=2,
    min_count_strong=2,
    candidate_lines=True,
    line_shortcuts=UPDATED_AT_SHORTCUTS,
    starts="upeaào",
    words=(
        *("updated", "posted", "edited", "added", "published", "a ", "a\t"),
        *("actualizado", "atualizado", "aggiornato", "ore"),
    ),
    twin=True,
)

# The clock dialects below try the same timestamp at the same lines: each is written as
# the timestamp and a tail, so that the scan matches the timestamp once per line.
# a relative age's count and unit as pages print them: 2h | 35 min | 1,204d | 3 weeks
AGE_COUNT = r"\d{1,3}(?:,\d{3})*"
# (of a day at most: an age's second, smaller part is one of these)
_AGE_CLOCK_UNIT = r"s|secs?|seconds?|m|mins?|minutes?|h|hrs?|hours?"
AGE_UNIT = _AGE_CLOCK_UNIT + r"|d|days?|w|weeks?"
# a relative age printed beside a time, left in the entry's text: "14:32 BST · 2h ago",
# "14:32 (12 minutes ago)"
_AGE_BESIDE = rf"""
    (?: [·•|]?{SP}*+{AGE_COUNT}{SP}?(?:{AGE_UNIT}){SP}++ago
      | \({SP}*+{AGE_COUNT}{SP}?(?:{AGE_UNIT}){SP}++ago{SP}*+\)
    ){END_OF_LINE}
"""

_CLOCK_LINE_TAIL = rf"""
    {SP}*+(?:[:.]?{END_OF_LINE}       # 16:20:  16:20.  (nothing else on the line)
      | (?={_AGE_BESIDE}))            # 14:32 BST · 2h ago | 14:32 (2 hours ago)
"""

CLOCK_LINE = PatternDialect(
    "clock-line",
    rf"""
    (?P<marker>{CLOCK_TIMESTAMP})  # 14:32 | 14.32 | 14:32 BST | 4.18pm BST | 22:15 – 10 Mar 2022
    {_CLOCK_LINE_TAIL}
    """,
    headline="next-line",
    min_count=2,
    candidate_lines=True,
    starts=_TIMESTAMP_STARTS + "kg" + _CJK_HALF_STARTS,
    regex_needle=_CLOCK_NEEDLE,
    head=CLOCK_TIMESTAMP,
    head_shortcuts=CLOCK_SHORTCUTS,
    tail=_CLOCK_LINE_TAIL,
    twin=True,
)

# Words that label a post before a colon, never its author's name ("14:32 Breaking:
# Dam fails" is no post of an author named Breaking)
_POST_LABELS = (
    *("breaking", "latest", "analysis", "watch", "video", "listen", "recap", "summary"),
    *("explainer", "exclusive", "pictured", "alert", "reaction", "background", "context"),
)
# before the colon after a clock, what names no author: words (up to four) one of which
# is never in a name or labels a post, or only months' names and parts of the day
_LABEL_WORD = r"[\p{L}'’.\-]++"
_NO_INLINE_AUTHOR = rf"""
    (?: (?:{_LABEL_WORD}{SP}++){{0,3}}(?:{_NEVER_NAME}|(?:{_alternation(_POST_LABELS)}){_NAME_END})
        (?:{SP}++{_LABEL_WORD}){{0,3}}
      | (?:{_NO_NAME}{SP}*+){{1,4}}
    ){SP}*+:(?!\d)
"""

# a capitalised word of an author's name alone after a clock's or an age's middle dot or
# bar (14:32 · Jane Smith): not a post's label, a weekday or a day relative to the page
# ("14:32 | Breaking News", "13:05 · Monday Evening"). A short list: each word of a
# pattern's alternation costs its compilation, which every process pays once
_NOT_AFTER_SEPARATOR = (
    r"(?i:breaking|latest|live|update[ds]?|today|yesterday|tonight"
    r"|(?:mon|tues|wednes|thurs|fri|satur|sun)day)"
)
_CAPITALISED = r"(?-i:\p{Lu}\p{Ll}[\p{L}'’.\-]*)"
# (the first word only: "Breaking News", "Monday Evening"; read_match tests every word
# in Python: "Jane Today" names nobody)
_NAME_AFTER_SEPARATOR = rf"(?!{_NOT_AFTER_SEPARATOR}{_NAME_END}){_CAPITALISED}"
# a later word of such a name, after up to two lower-case particles: Ana de Souza, Jan
# van der Berg, Maria dos Santos
NAME_PARTICLE = r"(?-i:d[aeiou]s?|del|della|van|von|der|den|ter|ten|le|la|bin|ibn|al)"
_LATER_NAME_WORD = rf"{SP}(?:{NAME_PARTICLE}{SP}){{0,2}}{_CAPITALISED}"

_CLOCK_INLINE_TAIL = rf"""
        (?: {SP}*+,{SP}*+                                  # 18:02 , Roisin O'Connor
            (?P<author>(?-i:\p{{Lu}}[\p{{L}}'’.\-]+(?:{SP}\p{{Lu}}[\p{{L}}'’.\-]+){{0,3}})){END_OF_LINE}
          | {SP}*+[|·•]{SP}*+       # 14:32 · Jane Smith | 14:32 | Jane Smith | 14:32 · Ana de Souza
            (?P<author>{_NAME_AFTER_SEPARATOR}(?:{_LATER_NAME_WORD}){{1,2}}){END_OF_LINE}
                # (a name alone; after a dash, "14:32 – Biden Visits Kyiv" is a headline)
          | {SP}*+(?:[:|](?!\d)|[-–—](?!\d)|,(?={SP}*+(?-i:\p{{Lu}}))|\.(?={SP})
                    |(?:·|•)(?!{SP}*+\d))   # 14:32 · Breaking News (no name: the text's)
            {SP}*+                          # 17:05 GMT: text | 9.45am - text | 11:30. Carol
          | {SP}++(?={_NO_INLINE_AUTHOR})   # 14:32 Update: text | 13:05 Monday: | 14:32
                                            # Breaking: (no author: the body keeps the label)
          | {SP}++
            (?P<author>(?-i:\p{{Lu}}[\p{{Ll}}'’.\-]+(?:{SP}\p{{Lu}}[\p{{Ll}}'’.\-]+){{0,2}})):{SP}*+
                                                             # 7:25 Jane Doe: text
        )
"""

# A clock with seconds in square brackets is a recording's timecode ("[00:12:31] HOST:"
# in a transcript), not a time of day.
_TIMECODE = r"\d\d?[:.]\d\d[:.]\d\d"

CLOCK_INLINE = PatternDialect(
    "clock-inline",
    rf"""
    # (11:26 GMT)Police said | [14:32] Police said | [14:32 GMT]: text (one copy of the
    # timestamp for both brackets: compiling the pattern costs per copy)
    (?: (?:\(|\[(?!{SP}*+{_TIMECODE})){SP}*+(?P<marker>{CLOCK_TIMESTAMP}){SP}*+[)\]]
        {SP}*+(?:[:\-–—](?!\d){SP}*+)?
      | (?P<marker>{CLOCK_TIMESTAMP})
        {_CLOCK_INLINE_TAIL}
    )
    """,
    min_count=2,
    candidate_lines=True,
    starts=_TIMESTAMP_STARTS + "([kg" + _CJK_HALF_STARTS,
    regex_needle=_CLOCK_NEEDLE,
    head=CLOCK_TIMESTAMP,
    head_shortcuts=CLOCK_SHORTCUTS,
    tail=_CLOCK_INLINE_TAIL,
    twin=True,
    branches="([",
)

# (or a letter of a script without case: 22:05 الشرطة تغلق | 22:05 警方封锁道路)
_CLOCK_SPACE_CAPITAL = rf"(?-i:\p{{Lu}}(?:\p{{Ll}}|\p{{Lu}}++(?!\p{{L}})|(?<=[AI]){SP})|\p{{Lo}})"
# behind opening emphasis or a tag, the one-letter words may be closed before their
# blank: 23:45 **A** tree | <b>I</b> can
_CLOCK_SPACE_EMPHASISED = (
    rf"(?-i:\p{{Lu}}(?:\p{{Ll}}|\p{{Lu}}++(?!\p{{L}})"
    rf"|(?<=[AI])(?:\*{{1,3}}|_{{1,3}}|</(?:strong|b|em|i)>){{0,2}}{SP}))"
)
_CLOCK_SPACE_TAIL = rf"""
    {SP}++(?={_CLOCK_SPACE_CAPITAL}|["“‘']
      |(?=[*_<])(?:\*{{1,3}}|_{{1,3}}|<(?:strong|b|em|i)>){{1,2}}{_CLOCK_SPACE_EMPHASISED})
                                                # 23:45 **Breaking:** text | 23:45 **A** text
"""

CLOCK_SPACE = PatternDialect(
    "clock-space",
    rf"""
    # 21:00 Polls close. | 9.14am The PM (a capitalised word, not an all-caps zone)
    # 20:10 A 90mph gust | 22:05 I can confirm (the one-letter words A and I)
    # 18:29 GOAL! Stones scores | 16:30 KICK-OFF: Under way | 14:05 IDF says (all caps)
    (?P<marker>{CLOCK_TIMESTAMP}){_CLOCK_SPACE_TAIL}
    """,
    min_count=3,
    candidate_lines=True,
    starts=_TIMESTAMP_STARTS + "kg" + _CJK_HALF_STARTS,
    regex_needle=_CLOCK_NEEDLE,
    head=CLOCK_TIMESTAMP,
    head_shortcuts=CLOCK_SHORTCUTS,
    tail=_CLOCK_SPACE_TAIL,
    twin=True,
)

TICKER = PatternDialect(
    "ticker",
    rf"""
    \+\+\+{SP}*+(?P<marker>{TIMESTAMP})
    (?: {SP}*+\+\+\+(?:{END_OF_LINE}|{SP}++)   # +++ 18:22 +++ (the text on the lines below)
                                               # +++ 18:22 +++ Headline +++
      | (?:{SP}*+[:\-–—])?{SP}++              # +++ 18:22 Headline +++ text
    )                                          # +++ 23:41 Uhr: Headline +++
    (?:(?=(?P<headline>[^+\r\n]{{1,200}})\+\+\+))?   # the headline: up to the next +++
    """,
    line_start=False,
    min_count=2,
    needle=r"\+\+\+",
)

# What a page of clock-run markers holds: a clock in figures right after a sentence's
# end, then a capital ("... text. 15:47 GMT - "). Searched as one pattern for each clock
# separator, opening with it and the minutes and looking behind them for the rest (a
# look-behind of variable width: compiled with regex), so that the text is searched for one
# character (see needle_found). A marker in words (". noon GMT - ") does not meet it, so a
# page whose every such marker is in words is not scanned for the dialect: a run of them
# needs at least two, and no page of real posts writes its every clock as noon or midnight.
CLOCK_RUN_NEEDLE = (
    r"[.!?\"”’)][ \t\u00a0\u202f]{1,3}\d\d?[:.]\d\d"
    r"(?:[ \t]?[apAP]\.?[mM]\.?)?[ \t\u00a0]*[A-Z]"
)
_CLOCK_RUN_NEEDLES = tuple(
    rf"{sep}\d\d(?<=[.!?\"”’)][ \t\u00a0\u202f]{{1,3}}\d\d?{sep}\d\d)"
    r"(?:[ \t]?[apAP]\.?[mM]\.?)?[ \t\u00a0]*[A-Z]"
    for sep in (":", r"\.")
)

CLOCK_RUN = PatternDialect(
    "clock-run",
    rf"""
    (?<=[.!?"”’)]{SP}{{1,3}})                                # ... text. 15:47 GMT - text
    (?P<marker>{clock()}{SP}*+{zone()})                     # ... text. 4:10 p.m. ET - text
    (?:{SP}++[-–—]{SP}++|{SP}++(?=(?-i:\p{{Lu}})))         # ... text. 15:10 GMT The A55
    """,
    line_start=False,
    min_count=2,
    # a clock with a zone right after a sentence's end ("... text. 15:47 GMT - ")
    needle=_CLOCK_RUN_NEEDLES,
    # where the lookbehind holds and a clock can start: the pattern is tried only there
    locator=rf"(?i)[.!?\"”’)]{SP}{{1,3}}(?=\d|noon|midday|midnight)",
)

PUBLISHED_AT = PatternDialect(
    "published-at",
    rf"""
    # Talks resumepublished at 10:05 British Summer Time 14 May 2022
    (?P<marker>published{SP}++at{SP}++{TIMESTAMP})
    """,
    line_start=False,
    glued=True,
    # "the report we published at 9.30" in prose is no marker: one needs a zone or date
    min_count=2,
    needle=r"(?i)published\s+at",
)

TIME_AFTER_HEADLINE = PatternDialect(
    "time-after-headline",
    rf"""
    # Biden lands in Kyiv (14:32) | Ferries cancelled (1:05 p.m.): a time in brackets
    # ending a headline's line (a ticker's list); not after a sentence's end or before
    # one ("... the vote (12:15)." is a post's text)
    (?<=[\p{{L}}\p{{N}}"”’']){SP}++
    \({SP}*+(?P<marker>{TIMESTAMP}){SP}*+\){END_OF_LINE}
    """,
    line_start=False,
    glued=True,
    # a line or two of a post's text may end so: posts need three
    min_count=3,
    min_count_strong=3,
    needle=r"\([ \t]*\d\d?[:.]\d\d[^()\r\n]{0,40}\)[ \t]*(?:[\r\n]|\Z)",
)

# the end of a post's paragraph: the line's end (LF, CRLF or a lone CR), then a blank
# line or the text's end
_PARAGRAPH_END = rf"{SP}*+(?=(?:\r\n?|\n){SP}*+(?:[\r\n]|\Z)|\Z)"

CLOSING_STAMP = PatternDialect(
    "closing-stamp",
    rf"""
    # The army is helping. — 14:32 | Ferries are cancelled. (13:05): a post's time
    # ending its last line after a sentence's end, the post's paragraph ending there
    # (one copy of the clock and zone for both: each copy costs the pattern's compiling)
    (?<=[.!?"”’)]){SP}*+(?:[—–\-]|(?P<copen>\())
    {SP}*+(?P<marker>{clock()}(?:{SP}*+{zone()})?)(?(copen){SP}*+\))
    {_PARAGRAPH_END}
    """,
    kind="closing",
    line_start=False,
    # every post of a page ends so, the last one too, on a page no other dialect fits
    # (see markers.choice)
    min_count=3,
    min_count_strong=3,
    fallback=True,
    # (one pattern per opening character: re finds a character far faster than a class)
    # (and each ends a paragraph, as the pattern's stamps do: "— 14:32 text", a dash
    # bullet's, never sends a page to the pattern's search)
    needle=tuple(
        rf"{opening}[ \t]*\d\d?[:.]\d\d[^\r\n]{{0,16}}(?:(?:\r\n?|\n)[ \t]*(?:[\r\n]|\Z)|\Z)"
        for opening in ("—", "–", "-", r"\(")
    ),
)

AUTHOR_TIME = PatternDialect(
    "author-time",
    rf"""
    # Jane Smith 12:52 pm (an entry's header: its author, then its time, alone on a line;
    # "Saturday Night 10:05 pm" names nobody: see NEVER_IN_NAMES); a separator may stand
    # between them: Jane Smith · 14:32 | Jane Smith, 14:32 | Jane Smith | 14:32
    (?=(?-i:\p{{Lu}}\p{{Ll}}))(?!{_NO_AUTHOR})
    (?P<author>(?!{_NEVER_NAME})(?-i:\p{{Lu}}\p{{Ll}})[\p{{L}}'’.\-]*
      (?:{SP}++(?!{_NEVER_NAME})(?-i:\p{{Lu}}\p{{Ll}})[\p{{L}}'’.\-]*){{1,3}})
    (?:{SP}*+[·|,•–—]|{SP}-)?{SP}++(?P<marker>{clock()}(?:{SP}*+{zone()})?){END_OF_LINE}
    """,
    glued=True,
    min_count=2,
    candidate_lines=True,
    line_needle=r"\d",
    # two to four capitalised words, then a clock's first character (a digit, noon...)
    # (at lines of any characters: a post's line with a curly quote never reaches the
    # pattern; letters and blanks read as the pattern's, or more)
    line_filter=(
        _LINE_OPENING_BLANKS + rf"+{_RE_UPPER}{_RE_LOWER}[\w'’.\-]*"
        rf"(?:{SP}+{_RE_UPPER}{_RE_LOWER}[\w'’.\-]*){{1,3}}(?:{SP}*[·|,•–—]|{SP}-)?{SP}+[\dnmNM]"
    ),
    line_filter_all=True,
)

BYLINE_AFTER = PatternDialect(
    "byline-after",
    rf"""
    (?:(?:posted{SP}++)?by{SP}++)?               # Posted by Sam Reid | By Jane Doe, ...
    # (a calendar word or a stamp's keyword is no name: "Monday 22 January 2024 13.51
    # GMT" and "Updated today at 14:32" are stamps; see NEVER_IN_NAMES)
    (?=(?-i:\p{{Lu}}))(?!{_NO_AUTHOR})
    (?P<author>(?!{_NEVER_NAME})(?-i:\p{{Lu}})[\p{{L}}'’.\-]*
      (?:{SP}++(?!{_NEVER_NAME})(?-i:\p{{Lu}})[\p{{L}}'’.\-]*){{0,3}})
    (?:{SP}*+[|·•,]{SP}*+|{SP}*+)                 # Posted by Sam Reid | 6/4/2021 7:19 pm
    (?P<marker>(?:{DATE}{_SEP}|{_RELATIVE_DAY}){clock()}(?:{SP}*+{zone()})?)
                           # Helen Pidd14 May 2015 18:02 | Posted by Sam Reid | Today 7:19 pm
    # Tim Layden 5/2/2015 6:41:55 PMThe crowd (text glued after AM/PM, as pages write it
    # in capitals: the candidate lines keep a line for its capitals, markers.lines)
    (?:{END_OF_LINE}|(?<=(?-i:[AP]M))(?=(?-i:\p{{Lu}}\p{{Ll}})))
    """,
    kind="closing",
    min_count=2,
    min_count_strong=2,
    candidate_lines=True,
    line_needle=r"\d",  # every date has a number: lines without one are no bylines
    # at lines of any characters: an author, not a calendar word (looked up first: it
    # rejects the many "UPDATE 1548 GMT:" lines at once), as many words as the
    # pattern's, a separator, then a date's or a relative day's opening ("UPDATE 1435
    # GMT: “...”, with a curly quote, never reaches the pattern)
    line_filter=(
        _LINE_OPENING_BLANKS + rf"+(?:(?:(?i:posted){SP}++)?(?i:by){SP}++)?"
        rf"(?={_RE_UPPER})(?!{_RE_NO_AUTHOR})"
        rf"{_RE_UPPER}[\w'’.\-]*(?:{SP}+{_RE_UPPER}[\w'’.\-]*){{0,3}}{SP}*(?:[|·•,]{SP}*)?"
        rf"(?:{_RE_DATE_OPENING}|(?i:today|yesterday)[,{SP[1:]})"
    ),
    line_filter_all=True,
    twin=True,
)

# A French or German date before the time, the page's every post stamped so: its own
# dialect, so that the names are tried only at lines opening with such a date (in the
# timestamp every clock dialect shares, they cost every dated parse about 0.2%)
_FOREIGN_DATED_TAIL = rf"""
    (?: {SP}*+[:.]?{END_OF_LINE}                 # Montag, 22. Januar 2024, 18:05 Uhr
      | {SP}*+[:|\-–—](?!\d){SP}*+              # Lundi 22 janvier 2024, 14h35 : text
    )
"""

# French and German month names no English one begins as ({a}: an accented letter or
# its plain one); the others (sept, nov, dec...) are the English dates' too
_FOREIGN_ONLY_MONTHS = (
    rf"janv|januar\b|j{_ACCENT}nner|f{_ACCENT}v|februar\b|febr\b|mars\b|m{_ACCENT}rz|maerz|mrz|avr|mai\b"
    rf"|juin|juni\b|juil"
    rf"|juli\b|ao{_ACCENT}t|septembre|octobre|okt|novembre|d{_ACCENT}cembre|dez"
)
# What opens a line of such a stamp: a French or German weekday, a German day's full
# stop, a month no English one begins as (a date in English, "22 Dec 2024, 18:05", is
# the clock dialects'), or an abbreviated month English shares, then the French "à"
# (``12 oct. 2024 à 18h05``). In ``re`` syntax too: the dialect's line filter at every line.
_FOREIGN_OPENING_WORD = (
    r"(?i:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|montag|dienstag|mittwoch"
    r"|donnerstag|freitag|samstag|sonnabend|sonntag"
    rf"|(?:lun|mar|mer|jeu|ven|sam|dim|mo|di|mi|do|fr|sa|so)\.),?{SP}"
)
_FOREIGN_OPENING_DAY = (
    rf"[0-3]?\d(?:\.{SP}|(?i:er)?{SP}++(?i:{_FOREIGN_ONLY_MONTHS}"
    rf"|[^\W\d_]{{3,4}}\.{SP}++(?:\d{{4}}{SP}++)?(?:a|\u00e0){SP}))"
)
_FOREIGN_OPENING = f"{_FOREIGN_OPENING_WORD}|{_FOREIGN_OPENING_DAY}"

FOREIGN_DATED = PatternDialect(
    "foreign-dated",
    rf"""
    (?={_FOREIGN_OPENING})
    (?P<marker>{_FOREIGN_DATE}{_SEP}
      (?:(?:um|à|a){SP}++)?                     # 22. Januar 2024 um 18:05 Uhr | à 14h35
      {clock()}(?:{SP}*+{zone()})?)
    {_FOREIGN_DATED_TAIL}
    """,
    headline="next-line",
    # one such stamp is an article's date line: posts need two
    min_count=2,
    min_count_strong=2,
    candidate_lines=True,
    starts="0123456789lmjvsdf",
    # the pattern's opening, with ``re``, at every line: a line of English markers (the
    # page's every other line) never reaches the pattern (a digit opens no weekday: the
    # names are not tried one by one at the many lines of a clock)
    line_filter=_LINE_OPENING_BLANKS + rf"(?:(?!\d){_FOREIGN_OPENING_WORD}|{_FOREIGN_OPENING_DAY})",
    line_filter_all=True,
)

# the day of a multi-day event a day header may name: Day 3 | day three
_DAY_NUMBER = rf"""
    day{SP}++(?:\d{{1,2}}|one|two|three|four|five|six|seven|eight|nine|ten
      |eleven|twelve|thirteen|fourteen)\b
"""

# Portuguese weekdays' "-feira" (``re``, as classes: faster than a case-insensitive group)
_RE_FEIRA = "[fF][eE][iI][rR][aA]"

DAY_HEADER = PatternDialect(
    "day-header",
    rf"""
    (?:{_DAY_NUMBER}{SP}*+[:,–—\-]{SP}*+)?   # Day 3 – Wednesday 22 May
    (?P<marker>{DATE}|{_FOREIGN_DATE}|{_ROMANCE_DATE}|{_CJK_DATE})
                        # Monday 22 January | Tuesday, January 23, 2024 | Lunes, 22 de enero
    {SP}*+(?:\([^()\r\n]{{0,40}}\)         # Friday 15 May 2015 (Day Three)
      | \[[^\[\]\r\n]{{0,40}}\]                # Friday 15 May 2015 [Day 3]
      | [:,–—\-]{SP}*+{_DAY_NUMBER})?       # Monday 22 January: day two
    {SP}*+[:.]?{END_OF_LINE}
    """,
    kind="day-header",
    candidate_lines=True,
    regex_needle=r"\d",  # every date has a number: lines without one hold no header
    starts=_TIMESTAMP_STARTS + "lvdgqzpcś",
    # (on lines of ASCII text) a date's opening (a day's number and what follows it in
    # one of DATE's or the foreign date's forms, a year and its hyphen, "day", a word
    # before a number or a month, or a month), then, after the day's number a header may
    # open with, the date's five words at most (a weekday, the day, "of", the month, the
    # year; "-" and "," between them; Spanish and Portuguese "de" and "-feira" not
    # counted) and what may follow it to the line's end: a
    # clock's line ("14:32", "9.45am: text") or a stamp's ("Monday 22 January 2024
    # 13.51 GMT") never reaches the twin, which backtracks through the names there
    line_filter=(
        _ASCII_BLANKS
        + r"(?=\d\d?(?:(?i:st|nd|rd|th|er)?[ \t]|\.(?:[ \t]|\d\d?\.)|/\d)|\d{4}-"
        + rf"|(?i:day)[ \t]|[A-Za-z]++(?:-{_RE_FEIRA})?\.?,?[ \t]++(?:\d|{_RE_MONTH})|{_RE_MONTH})"
        + r"(?:(?i:day)[ \t]++[A-Za-z0-9]++[ \t]*+[:,\-][ \t]*+)?"
        + rf"[A-Za-z0-9./]++(?:[ \t,\-]++(?:(?:[dD][eE]|{_RE_FEIRA})[ \t,]++)?"
        + r"[A-Za-z0-9./]++){0,4}"
        + r"[ \t]*+(?:\([^()\r\n]{0,40}\)|\[[^\[\]\r\n]{0,40}\]"
        + r"|[:,\-][ \t]*+(?i:day)[ \t]++[A-Za-z0-9]++)?[ \t]*+[:.]?[ \t]*+(?=[\r\n]|\Z)"
    ),
    twin=True,
)

# an age: 2h | 35 min | 1 day | 1,204d | 1 hr 5 min (a second, smaller part)
_AGE = rf"""
    (?P<age>{AGE_COUNT}){SP}?
    (?P<unit>{AGE_UNIT})
    (?:{SP}++(?P<age2>\d{{1,2}}){SP}?(?P<unit2>{_AGE_CLOCK_UNIT})\b)?
"""

RELATIVE_AGE = PatternDialect(
    "relative-age",
    rf"""
    # Jane Smith · 5 min ago | Ana de Souza | Just now: the author's name before the age,
    # read as after it (a name that names nobody, "Jane Today", opens the post's text:
    # see read_match)
    (?:(?P<author>{_NAME_AFTER_SEPARATOR}(?:{_LATER_NAME_WORD}){{0,2}})
       {SP}*+[|·•]{SP}*+(?=\d|just|now))?
    (?P<marker>(?:(?P<keyword>updated|posted|published){SP}++)?  # Updated 2 hours ago
      {_AGE}
      (?:{SP}++ago\b                       # 2h ago | 35 min ago | 1 day ago | 1,204d ago
        |(?(keyword)(?!)|(?={END_OF_LINE})))  # 34m | 2 mins | 3 hrs, alone on its line
      | (?:just{SP}++)?now(?P<age>)(?={END_OF_LINE}))  # Just now | Now (an age of 0)
    (?:(?:{SP}++by{SP}++|{SP}*+[|·•]{SP}*+)  # Posted 2h ago by Jane Smith | 2h ago · Jane Smith
      (?P<author>{_NAME_AFTER_SEPARATOR}(?:{_LATER_NAME_WORD}){{0,2}}){END_OF_LINE})?
    {SP}*+[:.\-–—]?
    """,
    candidate_lines=True,
    # (a name may open the line: any character)
    # (at lines of any characters) a number, then a unit's first letter (a clock's colon
    # or a fourth digit: no age), or "now", or a post stamp's keyword before a number: a
    # line of other characters opening "Updated at" never reaches the pattern either; or
    # a capital, then a separator before a digit or "just" or "now" (an author's name)
    line_filter=(
        _RE_OPENING
        + r"*+(?:"
        + AGE_COUNT
        + _RE_BLANK
        + r"?(?i:[smhdw])|(?i:just)"
        + _RE_BLANK
        + r"+(?i:now)\b|(?i:now)\b|(?i:updated|posted|published)"
        + _RE_BLANK
        + r"+\d|"
        + _RE_UPPER
        + r"[\w'’.\-]*+(?:"
        + _RE_BLANK
        + r"[\w'’.\-]++){0,6}+"  # (the name's words: three, two particles before each later)
        + r"[^\x00-\x08\x0a-\x1f\x21-\x7f·•]*+[|·•]"  # (blanks, as _RE_BLANK's, but the dots)
        + _RE_BLANK
        + r"*+(?:"
        + _RE_DIGIT
        + r"|(?i:just|now)))"
    ),
    line_filter_all=True,
)

WEEKDAY_ONLY = PatternDialect(
    "weekday",
    rf"""
    (?P<marker>{_WEEKDAY}){SP}*+:          # Saturday: Good morning from Paris.
    """,
    min_count=2,
    candidate_lines=True,
    starts="mtwfs",
    # (at lines of any characters) a word, then a colon after blanks: a Guardian stamp's
    # line (Monday 22 January 2024 13.51 GMT) never reaches the twin. A weekday's letters
    # are letters for ``re`` too, whatever ``regex`` folds to them (ſ, the Kelvin sign),
    # and a weekday the pattern reads is never followed by one: the word is read whole
    line_filter=rf"{_RE_OPENING}*[^\W\d_]++\.?{_RE_BLANK}*+:",
    line_filter_all=True,
    twin=True,
)

OPENING = PatternDialect(
    "opening",
    rf"""
    (?: (?P<marker>original{SP}++(?:entry|post|story|article)|earlier)   # ORIGINAL ENTRY: ...
        {SP}*+:                                                          # Earlier: ...
      | (?P<marker>(?-i:ORIGINAL{SP}++(?:ENTRY|POST|STORY|ARTICLE))){END_OF_LINE}
    )              # ORIGINAL STORY alone in capitals, the text below ("Original article", a
                   # link's text over its address, is page chrome)
    """,
    kind="opening",
    candidate_lines=True,
    starts="oe",
)

UPDATE_LABEL = PatternDialect(
    "update-label",
    rf"""
    (?P<marker>update){SP}*+:(?!{SP}*+\d)     # UPDATE: Corrects the spelling of ... (no time)
    """,
    # an untimed label: it opens an entry among timed markers when it opens a paragraph
    # (see markers.choice), or on a page of labels alone
    min_count=2,
    candidate_lines=True,
    starts="u",
    twin=True,
)

MATCH_LABEL = PatternDialect(
    "match-label",
    rf"""
    (?P<marker>ft|ht|full{SP}?[-–]?{SP}?time|half{SP}?[-–]?{SP}?time     # FT: | Half-time:
      | (?=\d)\d{{1,3}}(?:{SP}?\+{SP}?\d{{1,2}})?{SP}?(?:min(?:ute)?s?|['’])  # 90+3 min: | 88':
        (?:{SP}?\+{SP}?\d{{1,2}})?                                          # 90 min +3:
      | (?=\d)\d{{1,3}}(?:st|nd|rd|th){SP}++over                             # 34th over:
      # FULL TIME | KICK-OFF alone on its line (the post below it), as 45+2' is, in
      # capitals (a headline, "Kickoff" under its post's time, is not)
      | (?-i:FULL|HALF|KICK)(?={SP}?[-–]?{SP}?(?-i:TIME|OFF){SP}*+!?{END_OF_LINE})
        {SP}?[-–]?{SP}?(?-i:TIME|OFF){SP}*+!?
      # Lunch: India 93-1 (a cricket session's end, before the score)
      | (?:lunch|tea|stumps|drinks)(?={SP}*+:{SP}*+[^\r\n:]{{0,40}}?\d{{1,3}}[-/]\d{{1,2}}\b)
    )(?:{SP}*+:
      | (?<=\d['’]){SP}++(?=\S)     # 90+4' Chelsea hit the bar: the apostrophe ends it
      | (?<=\d['’]|(?-i:TIME|OFF|!)){END_OF_LINE}  # 45+2' | FULL TIME alone on its line
      # FT Real Madrid 2-0 Dortmund: a label without its colon, upper-case (not "Ft"),
      # and a score between capitalised names (never "FT reports the vote was 5-4 in
      # favour", the Financial Times)
      | (?<=(?-i:FT|HT)|time){SP}++
        (?=(?-i:\p{{Lu}})[^\r\n:]{{0,60}}?\d{{1,2}}{SP}?[-–]{SP}?\d{{1,2}}
           (?:{SP}++(?-i:\p{{Lu}})|{SP}*+[.!]?{END_OF_LINE}))
    )
    """,
    # an untimed post of a match blog: it opens an entry among timed markers when it
    # opens a paragraph (see markers.choice), never on its own: a match report's
    # paragraphs open with minutes too
    min_count=1_000_000,
    min_count_strong=1_000_000,
    candidate_lines=True,
    starts="fhkltsd0123456789",
    # a label's word, or a minute's number then "min", an apostrophe, "+" or an over's
    # ordinal ("14:32 Police said", a clock, fails at its colon; a line of a digit tries
    # no word), at lines of any characters: a digit's or a blank's place is one on ASCII
    # text or any other character than ASCII (``regex``'s digits may not be ``re``'s),
    # and ``re``'s case folding matches a word wherever ``regex``'s does (ſ, Kelvin's K)
    line_filter=(
        rf"{_RE_OPENING}*(?:{_RE_DIGIT}{{1,3}}(?:(?:{_RE_BLANK}?\+{_RE_BLANK}?{_RE_DIGIT}{{1,2}})?"
        + rf"{_RE_BLANK}?(?:(?i:min)|['’])|(?i:st|nd|rd|th){_RE_BLANK})"
        + r"|(?!\d)(?i:ft|ht|full|half|kick|lunch|tea|stumps|drinks))"
    ),
    line_filter_all=True,
)

NUMBERED_POST = PatternDialect(
    "numbered-post",
    rf"""
    (?P<marker>
        (?:post|update|entry){SP}*+(?:no\.{SP}*+|\#{SP}*+)?\d{{1,3}}  # Post 14 | Update #12
      | \#\d{{1,3}}                                                # #12
      | \d{{1,3}}(?=[.)]{SP})                                      # 3. Headline | 3) Headline
    )
    (?: {SP}*+(?=[\r\n]|\Z)                  # Post 14 (alone on its line: the headline below)
      | {SP}*+[:.)|–—]{SP}*+(?=\S)            # Post 14: text | 3. Headline | Entry 4 – text
      | {SP}++-{SP}++(?=\S)                   # Update #12 - text (never UPDATE 3-Oil prices)
      | {SP}++(?=(?-i:\p{{Lu}}))               # #12 Arsenal get Bayern
    )
    """,
    # an untimed post: its number opens an entry only where the page's numbers count
    # by one (see markers.choice), on a page that no other entry dialect fits
    numbered=True,
    # never chosen by the count of its candidates (a wrapper that hid ``numbered``
    # would have it scanned with the others): only a run opens entries
    min_count=1_000_000,
    min_count_strong=1_000_000,
    headline="next-line",
    needle=r"(?i)(?:^|[\r\n])[ \t]*(?:post|update|entry|#|\d)",  # after LF, CRLF or a lone CR
)

DEFAULT_DIALECTS: tuple[PatternDialect, ...] = (
    UPDATE,
    UPDATED_AT,
    CLOCK_LINE,
    CLOCK_INLINE,
    CLOCK_SPACE,
    CLOCK_RUN,
    TICKER,
    PUBLISHED_AT,
    TIME_AFTER_HEADLINE,
    RELATIVE_AGE,
    BYLINE_AFTER,
    CLOSING_STAMP,
    AUTHOR_TIME,
    FOREIGN_DATED,
    WEEKDAY_ONLY,
    OPENING,
    UPDATE_LABEL,
    MATCH_LABEL,
    NUMBERED_POST,
    DAY_HEADER,
)
"""The dialects :func:`liveblog.parse` tries when none are given, in priority order."""

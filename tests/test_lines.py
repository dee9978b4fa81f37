"""The pre-selection of candidate lines keeps exactly the lines that start like a marker
or are short and end like a byline (:func:`_is_candidate`, applied to every line)."""

from __future__ import annotations

import itertools
import re

import regex
from hypothesis import example, given, settings
from hypothesis import strategies as st

from liveblog.markers import builtin
from liveblog.markers.builtin import SP
from liveblog.markers.dialect import MARKER_BLANKS as _BLANKS
from liveblog.markers.dialect import PatternDialect
from liveblog.markers.lines import (
    _AGE_ENDS,
    _BYLINE_END_SPAN,
    _BYLINE_ENDS,
    _BYLINE_MAX,
    _PREFIXES,
    _WORDS,
    _ZONE_LAST_WORDS,
    HEAD,
    Heads,
    _ends_like_byline,
    all_lines,
    candidate_heads,
)
from tests.corpus_score import CORPUS_DIR, load_corpus


def _is_candidate(head: str, tail: str | None) -> bool:
    """The definition: a ``head`` that starts like a marker, or a short line (``tail``,
    its last characters, given) that ends like a byline."""
    start = head.lstrip(_BLANKS)
    if not start:
        return False
    first = start[0]
    if first.isdigit() or first in "([+" or start[:3].lower() in _PREFIXES:
        return True
    if re.match(rf"(?i)[aà][{_BLANKS}]+[0-9]", start):
        return True  # French "at" before a time: À 14h35
    if re.search(r"\d ?(?:AM|PM)(?=[^\W\d_])", head):
        return True  # a byline glued to its text: "4:48:02 PMRain has stopped"
    return tail is not None and _ends_like_a_byline(tail)


# The definition's clock and zone at a line's end, read forwards (the implementation
# reads a reversed copy backwards)
_BYLINE_END = re.compile(
    rf"""(?i:\d(?:{SP}*h(?:rs|ours)?|{SP}+(?:noon|uhr|uur))?
      |[ap](?:{SP}?\.{{1,2}})?{SP}?m(?:{SP}?\.)?|noon|midday|midnight)
    (?:{SP}*(?:[A-Z]{{2,5}}|(?i:(?:[a-z]+{SP}+){{0,3}}(?:{"|".join(_ZONE_LAST_WORDS)}))))?
    {SP}*\Z""",
    re.VERBOSE,
)


def _ends_like_a_byline(tail: str) -> bool:
    """The definition's end of a short line (its last characters): a digit, am/pm, or
    the pattern of a clock and a zone."""
    end = tail[-12:].rstrip(_BLANKS).lower()
    return (
        end[-1:].isdigit()
        or end.endswith(_BYLINE_ENDS)
        or (end[-4:-3] in _BLANKS and end[-3:] in _AGE_ENDS and len(end) > 3)
        or _BYLINE_END.search(tail[-_BYLINE_END_SPAN:]) is not None
    )


def _walk(text: str) -> Heads:
    """Every line, one by one, through :func:`_is_candidate`: the definition."""
    pieces: list[str] = []
    starts: list[int] = []
    origins: list[int] = []
    size = position = 0
    while position <= len(text):
        newline = text.find("\n", position)
        newline = len(text) if newline < 0 else newline
        end = newline - 1 if newline > position and text[newline - 1] == "\r" else newline
        head = text[position : min(end, position + HEAD)]
        tail = text[max(position, end - 48) : end] if end - position <= _BYLINE_MAX else None
        if _is_candidate(head, tail):
            piece = head if end - position <= HEAD else head + "x"
            starts.append(size)
            origins.append(position)
            pieces.append(piece)
            size += len(piece) + 1
        position = newline + 1
    return Heads("\n".join(pieces), tuple(starts), tuple(origins))


_PIECES = st.sampled_from(
    ["\n", "\r\n", " ", "\t", "\u00a0", "\u200b", "\ufeff", "a", "Z", "é", "٣", "²", "7",
     "(", "+", "Update ", "posted", "MON", "Mar", "noon", "The ", "said ", "pm", "a.m.",
     "14:32", "x" * 90, "y" * 150, "5 PM", "2 AMThe", "Rain", "PMé", "À", ".", "M", "ago",
     "Chicago", " · "]
)  # fmt: skip


@settings(max_examples=400)
@given(st.lists(_PIECES, max_size=40).map("".join))
def test_scan_keeps_exactly_the_lines_a_walk_keeps(text: str) -> None:
    assert candidate_heads(text) == _walk(text)


def test_a_post_headers_age_after_its_author_is_a_candidate_line() -> None:
    """``Jane Smith · 5 min ago`` and ``Jo Li | Just now`` (the relative-age dialect's
    post headers naming the author first) are candidate lines; ``Chicago`` and a line
    that is the word alone are not."""
    text = "Jane Smith · 5 min ago\nx\nJo Li |\u00a0Just now\nChicago\nago"
    heads = candidate_heads(text)
    assert heads == _walk(text)
    assert heads is not None
    assert heads.text.split("\n") == ["Jane Smith · 5 min ago", "Jo Li |\u00a0Just now"]


def test_heads_of_a_small_page() -> None:
    text = "Intro " * 50 + "\n14:32 GMT\nHeadline\n\nPosted by Sam 6/4/2021 7:19 pm\r\n" + "b" * 300
    heads = candidate_heads(text)
    assert heads == _walk(text)
    assert heads is not None
    assert heads.text.split("\n") == ["14:32 GMT", "Posted by Sam 6/4/2021 7:19 pm"]


# The built-in dialects whose markers all open with one of their ``words``: the update
# keywords, which the candidate lines take from them
_WORDED = [
    d
    for d in vars(builtin).values()
    if isinstance(d, PatternDialect) and d.candidate_lines and d.words is not None
]
_OPENINGS = sorted(
    {*(w.strip() for d in _WORDED for w in d.words or ()), *_WORDS}
    | {"ACTUALIZACIÓN", "Atualizaçao", "Atualizacão", "Mise à jour", "À", "A"}
)
_KEYWORD_PIECES = st.sampled_from(
    [
        *_OPENINGS,
        *(w.capitalize() for w in _OPENINGS),
        *(w.upper() for w in _OPENINGS),
        *("\n", "\n\n", " ", "  ", "\t", "\u00a0", "\u202f", "\u200b", ",", ":", "à", "de"),
        *("14h35", "14:32", "18.22", "1548", " GMT", " Uhr", "today", " la direction"),
    ]
)


def _markers(text: str, lines: Heads) -> dict[str, list[tuple[int, int]]]:
    """Each keyword dialect's markers (where each starts and its match's end) scanning
    ``lines`` of ``text``."""
    return {
        d.name: [
            (m.start, m.match.end) for m in d.scan_lines(lines.text, lines.starts, lines.origins)
        ]
        for d in _WORDED
    }


@settings(max_examples=400)
@given(st.lists(_KEYWORD_PIECES, max_size=12).map("".join))
def test_candidate_lines_keep_every_keyword_marker(text: str) -> None:
    """Regression: 'A\\t14h35, ...', 'Actualizacion14h35' and 'Atualizaçao 18h22' were
    markers of the update dialects that the candidate lines dropped (their keywords
    were a list of whole words apart from the dialects' ``words``). The update
    dialects find the same markers in the candidate lines as in every line."""
    heads = candidate_heads(text)
    if heads is not None:
        assert _markers(text, heads) == _markers(text, all_lines(text))


def test_keyword_markers_found_in_the_candidate_lines() -> None:
    """The regression's examples, one by one, and the word lists they come from."""
    assert {d.name for d in _WORDED} == {"update", "updated-at"}
    for line in ("A\t14h35, la direction", "Actualizacion14h35 A", "Atualizaçao 18h22"):
        text = f"Live\n\n{line}\n\nx"
        found = _markers(text, all_lines(text))
        assert any(found.values())
        heads = candidate_heads(text)
        assert heads is not None
        assert _markers(text, heads) == found


def _byline_markers(lines: Heads) -> list[tuple[int, int]]:
    """The byline-after dialect's markers (start, match end) scanning ``lines``."""
    return [
        (m.start, m.match.end)
        for m in builtin.BYLINE_AFTER.scan_lines(lines.text, lines.starts, lines.origins)
    ]


def _byline_markers_agree(text: str) -> None:
    heads = candidate_heads(text)
    if heads is not None:
        assert _byline_markers(heads) == _byline_markers(all_lines(text))


def _slot(*choices: str) -> st.SearchStrategy[str]:
    return st.sampled_from(choices)


# a byline's parts in their order, each of which may be missing or odd
_CLOCKS = ("06:30", "7:19", "14.32", "14h35", "10", "12:00", "noon", "midnight", "2024")
_CLOCK_ENDS = ("", " AM", "pm", " p.m.", " p.m .", " a..m.", " a.m", "PM", " hrs", "hours", " h")
_ZONES = ("", " Uhr", " uur", " noon", " IST", " GMT", " BST", " CEST", " AZOT", " GMT+5:30")
_ZONE_NAMES = ("", " British Summer Time", " Eastern", " local time", " Kyiv time", " pacific")
_BYLINES = st.tuples(
    _slot("", "By ", "Posted by ", "by "),
    _slot("PTI", "Jane Smith", "Helen Pidd", "Monday", ""),
    _slot(" | ", " · ", ", ", " ", "", " -"),
    _slot("Jun 4, 2024 ", "4/6/2024 ", "14 May 2015 ", "Today ", "Yesterday at ", ""),
    _slot(*_CLOCKS),
    _slot(*_CLOCK_ENDS),
    _slot(*_ZONES),
    _slot(*_ZONE_NAMES),
    _slot("", " ", "\t", "\u00a0", ".", "x", "The crowd", ":", " said"),
).map("".join)
# (a long line ends at its long word: the heads are cut after HEAD characters, longer
# than a byline of names, not of a 150-letter word)
_BYLINE_TEXTS = st.lists(
    st.one_of(_BYLINES, _slot("\n", "\n\n", "\r\n", " ", "Text", "14:32", "x" * 150 + "\n")),
    max_size=8,
).map("".join)


@settings(max_examples=600)
@given(_BYLINE_TEXTS)
# am/pm in lower case glued to the text: the dialect read a byline there that the
# candidate lines (which look for capitals) dropped
@example("PTI | Jun 4, 2024 06:30pmThe crowd\nJane Smith | 4/6/2024 7:19 amThe\n")
def test_candidate_lines_keep_every_byline(text: str) -> None:
    """Regression: 'By PTI | Jun 4, 2024 06:30 AM IST' (corpus blog 112) was a byline
    the candidate lines dropped (they kept short lines ending in a digit or am/pm, not a
    zone or a clock's word after it). The byline-after dialect finds the same markers
    in the candidate lines as in every line, and a short line ends like a byline by the
    definition's test (without the implementation's pre-test of its last characters)."""
    _byline_markers_agree(text)
    for line in text.splitlines():
        assert _ends_like_byline(line) == _ends_like_a_byline(line[-_BYLINE_END_SPAN:])


def test_candidate_lines_keep_the_corpus_bylines() -> None:
    """The same over every corpus page, and blog 112's byline by itself."""
    text = "Intro\n\nBy PTI | Jun 4, 2024 06:30 AM IST\n\nText\n\nBy PTI | Jun 4, 2024 5 PM IST"
    assert len(_byline_markers(all_lines(text))) == 2
    _byline_markers_agree(text)
    for case in load_corpus(CORPUS_DIR):
        _byline_markers_agree(case.text)


def test_every_clock_and_zone_ends_like_a_byline_by_the_definition() -> None:
    """Each clock, its end and zone of the generated bylines, at a line's end, and with
    blanks or a letter after it: the backwards pattern agrees with the definition's."""
    for parts in itertools.product(_CLOCKS, _CLOCK_ENDS, _ZONES, _ZONE_NAMES, ("", " \t", "x")):
        line = "By PTI | Jun 4, 2024 " + "".join(parts)
        assert _ends_like_byline(line) == _ends_like_a_byline(line[-_BYLINE_END_SPAN:]), line
    assert _ends_like_byline("By PTI | Jun 4, 2024 06:30 AM IST")
    assert not _ends_like_byline("By PTI | Jun 4, 2024 06:30 AM ISTx")


def _zone_phrases() -> list[str]:
    """Every zone spelled out that builtin's zone words read (``British Summer Time``,
    ``Central Standard``...): phrases of their own words, grown a word at a time while
    the pattern can still match them (``regex``'s partial matching)."""
    words_pattern = regex.compile(builtin._ZONE_WORDS, regex.IGNORECASE)
    vocabulary = sorted(set(re.findall(r"[a-z]+", builtin._ZONE_WORDS.replace(SP, " "))))
    phrases: list[str] = []
    growing = [""]
    while growing:
        longer = []
        for start in growing:
            for word in vocabulary:
                phrase = f"{start} {word}".strip()
                if words_pattern.fullmatch(phrase):
                    phrases.append(phrase)
                if words_pattern.fullmatch(phrase + " ", partial=True):
                    longer.append(phrase)
        growing = longer
    return phrases


def test_the_zone_last_words_end_every_zone_builtin_reads() -> None:
    """The candidate lines' zone words, kept in step with builtin's by hand (compiling
    builtin's pattern there costs every process): every zone builtin reads ends with one,
    and a byline ending with it is a candidate line."""
    phrases = _zone_phrases()
    assert {"british summer time", "central european summer time", "pacific"} <= set(phrases)
    for phrase in phrases:
        assert phrase.rsplit(" ", 1)[-1] in _ZONE_LAST_WORDS, phrase
        assert _ends_like_byline(f"By PTI | Jun 4, 2024 06:30 {phrase.title()}"), phrase

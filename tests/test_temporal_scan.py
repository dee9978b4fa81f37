"""The fast mention scan agrees with the straightforward one, piece by piece.

``resolve._scan`` lowers the scanned piece once, reads the words before a trigger
backwards with one pattern, narrows the families tried at a number by the punctuation
after it, and caches resolutions per day; ``resolve._scan_windowed`` is the plain
reference (every candidate matched in its own lowered window with its word's
recogniser, every prefix word tried). Both must give exactly the same mentions.
"""

from __future__ import annotations

import datetime as dt
import re
import zoneinfo
from collections.abc import Sequence
from typing import Any
from unittest import mock

import pytest
import regex
from dateutil.relativedelta import relativedelta
from hypothesis import example, given
from hypothesis import strategies as st

from liveblog.markers.lines import BLANK_LINE
from liveblog.model import Mention, SourceText
from liveblog.temporal import find_mentions, patterns, resolve
from liveblog.temporal.lexicon import WEEKDAYS
from liveblog.temporal.patterns import FAMILIES, could_start, fold, views

# Words and marks that open, continue or break temporal expressions, numbers of every
# length and shape, look-alikes, and characters that fold or lower unusually.
TOKENS = [
    "on", "Monday", "Mondays", "last", "next", "week", "the", "The", "THE", "of", "end",
    "3", "12", "31", "300", "1990", "2024", "20245", "7,764", "1,000", "543,624", "2500",
    "3.5", "10:30", "1/16/2024", "2024-01-16", "16.01.2024", "December", "Dec.", "25", "25th",
    "ago", "two", "days", "homes", "more", "FY24", "FY2024", "fiscal", "financial",
    "in", "summer", "'", "’", "90s", "s", "earlier", "this", "month", "pm", "p.m.", "am",
    "a.m.", "quarter", "third", "third-quarter", "fiscal", "May", "may", "1990s", "year",
    "past", "people", "percent", "%", "£", "$", "#", "-", ",", ".", ";", ":", "  ", "\n",
    "\t", "\n\n", "said", "will", "was", "be", "held", "tonight", "yesterday", "noon",
    "every", "times", "twice", "a", "few", "several", "more", "than", "at", "about",
    "hours", "minutes", "half", "an", "hour", "century", "20th", "nineteen", "eighty",
    "Christmas", "New", "Year’s", "Eve", "Q3", "later", "current", "second", "old",
    "é", "İ", "\u212a", "ß", "Σ", "\u00a0", "_", "x", "Now", "now", "weekend", "period",
    "nearly", "around", "least", "up", "to", "no", "or", "so", "and", "beyond", "hundred",
    "thousand", "centuries", "'s",
]  # fmt: skip
soups = st.lists(st.sampled_from(TOKENS), max_size=50).map(
    lambda words: "".join(w if w in {",", ".", ";", ":"} else " " + w for w in words)
)
# A text said twice: a scan keeps what it learns (caches) for the next.
texts = st.one_of(soups, soups.map(lambda t: t + "\n" + t))
references = st.one_of(
    st.none(),
    st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2099, 12, 31)),
    st.datetimes(
        min_value=dt.datetime(1990, 1, 1),  # noqa: DTZ001 - hypothesis adds the zone
        max_value=dt.datetime(2030, 12, 31),  # noqa: DTZ001
        timezones=st.sampled_from(
            [dt.UTC, zoneinfo.ZoneInfo("America/New_York"), dt.timezone(dt.timedelta(hours=5))]
        ),
    ),
)


def rows(found: Sequence[Mention]) -> list[tuple[object, ...]]:
    """Every field of every mention."""
    return [
        (tuple(m.span), m.text, m.type, m.value, m.start, m.end, m.granularity, m.mod)
        for m in found
    ]


@given(texts, references, st.data())
def test_fast_scan_agrees_with_the_windowed_scan(
    text: str, ref: dt.date | dt.datetime | None, data: st.DataObject
) -> None:
    lo = data.draw(st.integers(0, len(text)))
    hi = data.draw(st.integers(lo, len(text)))
    anchor = resolve.Anchor.from_reference(ref)
    fast = resolve._scan(SourceText(text), anchor, lo, hi)
    reference = resolve._scan_windowed(SourceText(text), anchor, lo, hi)
    assert rows(fast) == rows(reference)
    # and again, with everything the first scan cached
    assert rows(resolve._scan(SourceText(text), anchor, lo, hi)) == rows(reference)


@given(soups)
@example(" 1/16/2024 10:30")  # a clock after a day: the pass puts it on that day
def test_the_whole_text_at_once_agrees_too(text: str) -> None:
    """find_mentions (the fast scan, then the pass that resolves words against the day
    named before them) agrees with the windowed scan followed by the same pass."""
    anchor = resolve.Anchor.from_reference(dt.date(2024, 1, 22))
    assert rows(find_mentions(text, dt.date(2024, 1, 22))) == rows(
        resolve._narrative(
            text, resolve._scan_windowed(SourceText(text), anchor, 0, len(text)), anchor
        )
    )


@given(texts, references, st.booleans(), st.integers(0, 2000), st.integers(0, 2000))
@example(" 1/16/2024 10:30", dt.date(2024, 1, 22), False, 0, 99)  # the narrative pass
@example(" 06/02/2023", None, True, 0, 99)  # read day first
def test_the_parser_s_call_per_piece_is_mentions_in_s(
    text: str, ref: dt.date | dt.datetime | None, day_first: bool, lo: int, hi: int
) -> None:
    """``piece_mentions`` (the parser's call, bounds unchecked, arguments by position)
    gives what ``mentions_in`` gives for the same piece, narrative pass included."""
    lo, hi = min(lo, hi, len(text)), min(max(lo, hi), len(text))
    source = SourceText(text)
    expected = resolve.mentions_in(source, ref, start=lo, end=hi, day_first=day_first)
    assert rows(resolve.piece_mentions(source, ref, lo, hi, day_first)) == rows(expected)


class _Forgetful(dict[Any, Any]):
    """A cache that keeps nothing: every look-up misses."""

    def __setitem__(self, key: Any, value: Any) -> None:
        pass


@given(texts, references, references)
@example(" It will resume on Monday", dt.date(2024, 1, 23), dt.date(2024, 1, 22))
@example(" 3 days. It will end in 3 days", dt.date(2024, 1, 22), None)  # "in" decides it
def test_whether_a_hit_needs_its_tense_is_cached_by_what_decides_it(
    text: str, ref: dt.date | dt.datetime | None, before: dt.date | dt.datetime | None
) -> None:
    """``_accept`` caches ``_needs_tense`` by the hit's family, its lowered text, whether
    "in" stands before it and the anchor's day, and keeps it across texts (as a parse
    does from entry to entry, here scanned against ``before`` first): the mentions are
    those found with every answer worked out afresh. (A Monday needs no tense on a
    Monday, and does on the next day; a count, after "in" only.)"""
    source = SourceText(text)
    resolve.piece_mentions(source, before, 0, len(text), False)
    cached = rows(resolve.piece_mentions(source, ref, 0, len(text), False))
    with mock.patch.object(resolve, "_NEEDS_TENSE", _Forgetful()):
        assert rows(resolve.piece_mentions(source, ref, 0, len(text), False)) == cached


@given(texts, references, references)
@example(" last week, last month", dt.date(2024, 1, 23), dt.date(2024, 1, 22))
@example(" It was 10:35 a.m. It came at 10:35 a.m. (0735 GMT) Friday", dt.date(2000, 4, 5), None)
def test_a_hit_s_groups_are_cached_by_its_family_and_text(
    text: str, ref: dt.date | dt.datetime | None, before: dt.date | dt.datetime | None
) -> None:
    """A resolution that misses the day's cache reads its hit's groups from a cache
    keyed by the hit's family and its text as the caches key it, kept across days (as a
    parse does from entry to entry, here scanned against ``before`` first): resolved
    afresh against ``ref``, the mentions are those found with every match's groups."""
    source = SourceText(text)
    resolve.piece_mentions(source, before, 0, len(text), False)
    with mock.patch.object(resolve, "_CACHE", {}), mock.patch.object(resolve, "_DAYLESS", {}):
        cached = rows(resolve.piece_mentions(source, ref, 0, len(text), False))
    with (
        mock.patch.object(resolve, "_CACHE", {}),
        mock.patch.object(resolve, "_DAYLESS", {}),
        mock.patch.object(resolve, "_GROUPS", _Forgetful()),
    ):
        assert rows(resolve.piece_mentions(source, ref, 0, len(text), False)) == cached


@pytest.mark.parametrize(
    ("first", "then"),
    [
        ("It was 10:35 a.m. then.", "The blast came at 10:35 a.m. (0735 GMT) Friday."),
        ("The blast came at 10:35 a.m. (0735 GMT) Friday.", "It was 10:35 a.m. then."),
        ("We met at 9 p.m. (0100 GMT) Sunday.", "We met at 9 p.m. (0100 GMT) Monday."),
    ],
)
def test_a_clock_s_weekday_after_an_aside_keys_its_caches(first: str, then: str) -> None:
    """A clock time reads the weekday after a bracketed aside ("10:35 a.m. (0735 GMT)
    Friday"), past its match: the caches of tenses needed and of resolutions key it by
    its text through that weekday, so a text resolves the same after another text of the
    same day as alone."""
    day = dt.date(2000, 4, 5)

    def fresh() -> Any:
        return (
            mock.patch.object(resolve, "_CACHE", {}),
            mock.patch.object(resolve, "_DAYLESS", {}),
            mock.patch.object(resolve, "_NEEDS_TENSE", {}),
        )

    a, b, c = fresh()
    with a, b, c:
        alone = rows(find_mentions(then, day))
    a, b, c = fresh()
    with a, b, c:
        find_mentions(first, day)
        assert rows(find_mentions(then, day)) == alone


@given(texts, references)
@example(" Monday 10:30", dt.date(2024, 1, 22))  # a clock after a day: moved when second
@example(" that same day", dt.date(2024, 1, 22))  # counted from a date named before
def test_the_narrative_pass_leaves_a_lone_mention_as_it_is(
    text: str, ref: dt.date | dt.datetime | None
) -> None:
    """``piece_mentions`` skips ``_narrative`` for a piece with one mention: the pass
    reads each mention against the ones before it, so one alone it leaves unchanged."""
    anchor = resolve.Anchor.from_reference(ref)
    for mention in resolve._scan_windowed(SourceText(text), anchor, 0, len(text)):
        assert rows(resolve._narrative(text, [mention], anchor)) == rows([mention])


@pytest.mark.parametrize(
    "text",
    [
        "Later the past two weeks went by. Two days later the past two weeks went by.",
        "The past 3 days and THE PAST 3 weeks; about 3 more days, the past 3 hours.",
        "In the first Q1 and the first Q1 of 2024, the last Q1 and the last few Q1 days.",
        "a year later two weeks, then a year later two weeks on, and later two weeks.",
        "Last year the past two weeks, and this year the past two weeks went by.",
        # a mention already found over the first prefix words: they are not tried again
        "next week until weeks earlier Monday that",
        "half second quarter than at next same second under",
    ],
)
def test_prefix_words_read_from_their_cache_give_the_windowed_scan_s(text: str) -> None:
    """The prefix words before a trigger are read once per lowered text from the farthest
    one to the trigger (``_BY_CHAIN``): met again, in other letter cases, before another
    number, or with a mention already found over the first of them (which leaves only
    the later ones to try), they give what the windowed scan gives."""
    anchor = resolve.Anchor.from_reference(dt.date(2024, 1, 22))
    resolve._BY_CHAIN.clear()
    source = SourceText(text)
    assert rows(resolve._scan(source, anchor, 0, len(text))) == rows(
        resolve._scan_windowed(source, anchor, 0, len(text))
    )
    assert resolve._BY_CHAIN


def test_text_that_lengthens_when_lowered_is_scanned_window_by_window() -> None:
    text = "İstanbul, last week: on Monday, December 25 and 3 days ago."
    found = find_mentions(text, dt.date(2024, 1, 22))
    assert [m.text for m in found] == ["last week", "Monday, December 25", "3 days ago"]
    plain = find_mentions(text.replace("İ", "I"), dt.date(2024, 1, 22))
    assert [(m.span, m.value) for m in found] == [(m.span, m.value) for m in plain]


@given(
    st.text(alphabet="0129 .,%$£€#aZ_é’\u00a0-/:?\n\u2009٣", max_size=30),
    st.data(),
)
def test_number_runs_are_the_digit_pattern_s(text: str, data: st.DataObject) -> None:
    lo = data.draw(st.integers(0, len(text)))
    hi = data.draw(st.integers(lo, len(text)))
    folded = fold(text[lo:hi])
    expected = [
        (m.start(), folded[m.start() - lo : m.end() - lo])
        for m in patterns._DIGITS.finditer(text, lo, hi)
    ]
    assert patterns._numbers(text, folded, lo) == expected
    assert patterns._numbers(text, folded, lo, views(text, lo, hi)[2]) == expected


# Numbers of every length, the words that may stand before them, and what may follow
# them: units, months, clock and date punctuation, ordinals, counts' adjectives,
# look-alikes of each, blanks that are not ASCII and the Kelvin sign (lowered to "k").
NUMBERS = [
    "3",
    "12",
    "25",
    "300",
    "1548",
    "2024",
    "0800",
    "2300",
    "12345",
    "1",
    "90",
    "1,000",
    "40,000,000",
]
BEFORE_NUMBERS = ["", "the ", "the past ", "every ", "about ", "’", "'", "£", "@", "mid-", "$"]
JOINS = ["", " ", "-", "\u00a0", "\n", "  "]
NUMBER_TAILS = [
    "35", ":35", ":35 pm", ".35am", ".35 a.m.", ".5 days", ".5%", "/16/2024", ".01.2024",
    "-01-16", "1/2 days", "s", "s.", "th", "th of May", "th, said", "rd quarter",
    "st century", "pm", "p.m.", "am", "a.m.", "amid", "days", "day", "year-old", "weeks ago",
    "wee\u212as", "months earlier", "hours", "decades", "centuries", "fortnight", "quarter",
    "more days", "straight years", "working days", "more people", "of December", "of them",
    "December", "Dec. 5", "May", "in the morning", "in the end", "o'clock in the morning",
    "o'clock", "and a half days", "and \ta half days", "and a half", "times a week", "times",
    "GMT", "local time", "people", "percent", "%", "or so days", "é days", "\u212a",
]  # fmt: skip


@pytest.mark.parametrize("before", BEFORE_NUMBERS)
def test_runs_of_digits_left_out_hold_no_mention(before: str) -> None:
    """The fast scan tries only the runs of digits with a date-like tail: it finds the
    same mentions as the windowed scan, which tries every run, after every number,
    join and tail (each phrase in a paragraph of its own)."""
    anchor = resolve.Anchor.from_reference(dt.date(2024, 1, 22))
    for number in NUMBERS:
        for join in JOINS:
            text = "\n\n".join(f"{before}{number}{join}{tail}" for tail in NUMBER_TAILS)
            source = SourceText(text)
            assert rows(resolve._scan(source, anchor, 0, len(text))) == rows(
                resolve._scan_windowed(source, anchor, 0, len(text))
            ), (before, number, join)


@pytest.mark.parametrize(
    ("text", "tried"),
    [
        ("500,000 people and 1548 soldiers", ["1548"]),
        ("1,000 days, 1,200-year, 2,000 more days and 543,624 homes", ["1", "1", "2"]),
        ("3 people, 3 days, 3-2 and 20%", ["3"]),
        ("a 3.5% rise over 1.5 days", ["1"]),
        ("at 10:35 am, 10.35am or 3 p.m.", ["10", "10", "3"]),
        ("£40m, $2024 and 12345 days", []),
        ("the 25th, the ’90s and 2 1/2 days", ["25", "90", "2"]),
        ("4 in the morning, 7 o'clock, 5 in all", ["4", "7"]),
        ("25 of December, 25 of them, 3 more days, 3 more people", ["25", "3"]),
        ("3\u00a0pm, 3 wee\u212as, 3 times a week", ["3", "3", "3"]),
        ("on 1/16/2024 and 16.01.2024, 3/8% up", ["1", "16"]),
    ],
)
def test_the_fast_scan_tries_only_runs_of_digits_with_a_date_like_tail(
    text: str, tried: list[str]
) -> None:
    """Amounts, counts and scores are left out in one pass of the text; years, and
    numbers that a unit, a month, a clock's or a date's punctuation follows, are tried
    (the test above checks that nothing a mention holds is left out)."""
    folded, _backwards, zeros = views(text, 0, len(text))
    found = patterns.trigger_words(text, folded, zeros=zeros, dated=True)
    assert [word.decode() for _k, word in found if word[:1].isdigit()] == tried
    every = patterns.trigger_words(text, folded, zeros=zeros)
    assert {k for k, _word in found} <= {k for k, _word in every}


# Trigger keys, and look-alikes: another first letter ("sonday", "xeek"), cut short or
# going on ("wee", "weekender", "q12"), glued to digits ("fy2024", "week1").
_KEYS = sorted(key.decode() for key in patterns._TRIGGER_KEYS)
_KEYLIKE = st.sampled_from(_KEYS).flatmap(
    lambda key: st.sampled_from(
        [
            key,
            "x" + key[1:],
            "s" + key[1:],
            key[:-1],
            key + "s",
            key + "er",
            key + "1",
            key + "2024",
        ]
    )
)
_FOLDED = st.lists(
    st.one_of(_KEYLIKE, st.from_regex(r"[a-z0-9]{1,6}", fullmatch=True)), max_size=30
).flatmap(
    lambda words: st.lists(
        st.sampled_from([" ", "  "]), min_size=len(words), max_size=len(words)
    ).map(lambda gaps: "".join(g + w for g, w in zip(gaps, words, strict=True)))
)


@given(_FOLDED)
@example(" sonday monday xay may day fy2024 fy q12 q1 weekender weekends")
def test_the_trigger_pattern_finds_what_a_plain_trie_finds(folded: str) -> None:
    """The trigger pattern, branched from the second letter with each word's first
    checked where it ends, finds the keys a trie of them finds, where it finds them."""
    plain = re.compile(f" ({patterns._trie(_KEYS)})(?= |(?<=fy)[0-9])".encode())
    text = (" " + folded + " ").encode()
    found = [(m.start(), m.group(1)) for m in patterns._trigger_pattern().finditer(text)]
    assert found == [(m.start(), m.group(1)) for m in plain.finditer(text)]


@given(texts, st.data())
def test_views_are_the_folds(text: str, data: st.DataObject) -> None:
    lo = data.draw(st.integers(0, len(text)))
    hi = data.draw(st.integers(lo, len(text)))
    folded, backwards, _zeros = views(text, lo, hi)
    assert folded == fold(text[lo:hi])
    assert backwards == patterns.chain_fold(text[lo:hi])


@given(texts)
def test_prefix_chains_read_backwards_are_the_mention_starts(text: str) -> None:
    folded = fold(text)
    backwards = patterns.chain_fold(text)
    for p in patterns.find_triggers(text, folded):
        if p == 0 or text[p - 1] not in " \t\n-":
            continue
        expected = resolve._mention_starts(text, folded, 0, p, 0)
        m = patterns.chain_pattern().match(backwards, len(text) - p)
        starts = [p]
        if m is not None:
            starts += [len(text) - m.end(g) for g in (1, 2, 3, 4) if m.end(g) >= 0]
        assert sorted(starts) == expected


def _chain_starts(text: str, p: int, word: bytes, floor: int) -> list[tuple[object, ...]]:
    """The starts the scan tries at the prefix words before the trigger ``word`` at
    ``p`` (earliest first, none before ``floor``), read word by word from the chain's
    match as the scan did before ``_BY_CHAIN``: the oracle of the cached reading."""
    low = text.lower()
    backwards = patterns.chain_fold(text)
    c = patterns.chain_pattern().match(backwards, len(text) - p)
    if c is None:
        return []
    starts: list[tuple[object, ...]] = []
    after = p + len(word) if word[0] > 57 else -1
    for g in (1, 2, 3, 4):
        k = c.end(g)
        s = len(text) - k
        if k < 0 or s < floor:
            break
        broad = resolve._word_recogniser(c.group(g)[::-1])
        if broad is None or after < 0:
            starts.append((s, broad, None))
        else:
            starts.append((s, resolve._narrowed(broad.families, low[s:after]), broad.families))
        after = len(text) - c.start(g)
    return starts[::-1]


_CHAIN_WORDS = ["the", "The", "THE", "last", "past", "two", "first", "a", "year", "later", "few"]


@given(
    st.sampled_from(["", "x", "said ", "(", "\u212a ", "é ", "3 ", "the", "-"]),
    st.lists(
        st.tuples(st.sampled_from(_CHAIN_WORDS), st.sampled_from([" ", "  ", "-", "\n", "    "])),
        max_size=5,
    ),
    st.sampled_from(["weeks", "Q1", "year", "Monday", "3", "2024", "past"]),
    st.data(),
)
def test_prefix_words_read_from_their_cache_are_read_word_by_word_s(
    before: str, chain: list[tuple[str, str]], trigger: str, data: st.DataObject
) -> None:
    """The starts the scan takes from ``_BY_CHAIN`` (the cache persists from one example
    to the next, so the same chain meets other text before it, other letter cases and
    other floors) are those read word by word from the chain's match."""
    text = before + "".join(w + gap for w, gap in chain) + trigger
    p = len(text) - len(trigger)
    if p == 0 or text[p - 1] not in " \t\n-":
        return  # no chain is read before a trigger glued to a word
    floor = data.draw(st.integers(0, p))
    word = fold(trigger)
    c = patterns.chain_pattern().match(patterns.chain_fold(text), len(text) - p)
    expected = _chain_starts(text, p, word, floor)
    if c is None:
        assert expected == []
        return
    low = text.lower()
    far = len(text) - c.end()
    words = low[far : p + len(word) if word[0] > 57 else p]
    chained = resolve._BY_CHAIN.get(words) or resolve._chained(c, low, words)
    assert [(far + at, r, b) for at, r, b in chained if far + at >= floor] == expected


# Families that can open with a run of digits, and what may follow a number.
NUMBER_FAMILIES = patterns.patterns_for("0").families  # type: ignore[union-attr]
TAILS = [
    " ", ". ", ",", ", ", "-", ":", "/", ".", " pm ", " p.m.", "am ", "pm,", "th ", "st ",
    "s ", " days ", " day,", " weeks ago", " more days ", " times a", " in the morning",
    " o'clock", " of december", " december ", " dec. ", " gmt ", " people ", " percent.",
    "-year-old ", "-month ", ":30 ", ".30am", "/16/2024", "-01-16", " 1/2 ", "%", " hours ",
    " century ", "0s ", " second quarter", " quarter ", " was ", " that ", " local time ",
]  # fmt: skip


@pytest.mark.parametrize("size", [1, 2])
def test_digit_samples_stand_for_every_number_of_their_length(size: int) -> None:
    """What narrows a start at a number reads the number by its length: every family
    that can continue some number of that length with a tail can continue a sample."""
    samples = resolve._digit_samples(size)
    for name in NUMBER_FAMILIES:
        for tail in TAILS:
            by_samples = any(could_start(name, d + tail) for d in samples)
            for n in range(10**size):
                if could_start(name, f"{n:0{size}d}" + tail):
                    assert by_samples, (name, f"{n:0{size}d}", tail)
                    break


@pytest.mark.parametrize("size", [3, 4, 5])
def test_digit_samples_of_longer_numbers(size: int) -> None:
    samples = resolve._digit_samples(size)
    numbers = [f"{n:0{size}d}" for n in range(0, 10**size, max(1, 10**size // 997))]
    numbers += [str(y) for y in range(1000, 2100)] if size == 4 else []
    for name in NUMBER_FAMILIES:
        for tail in TAILS:
            if any(could_start(name, n + tail) for n in numbers):
                assert any(could_start(name, d + tail) for d in samples), (name, tail)


def test_a_resolution_that_reads_the_time_is_kept_per_time() -> None:
    tz = zoneinfo.ZoneInfo("Europe/London")
    morning = dt.datetime(2024, 1, 22, 9, 15, tzinfo=tz)
    evening = dt.datetime(2024, 1, 22, 18, 40, tzinfo=tz)
    text = "Two hours ago, and yesterday."
    a, b = find_mentions(text, morning), find_mentions(text, evening)
    assert [m.value for m in a] == ["2024-01-22T07:15", "2024-01-21"]
    assert [m.value for m in b] == ["2024-01-22T16:40", "2024-01-21"]
    assert a[1].start == b[1].start == dt.datetime(2024, 1, 21, tzinfo=tz)


def test_families_checked_by_the_fast_path_are_the_plain_ones() -> None:
    """Families outside the sets that :func:`resolve._accept` checks resolve from the
    words alone, as the fast path assumes."""
    names = {name for name, _source in FAMILIES}
    assert names >= resolve._PLAIN
    assert not resolve._PLAIN & (resolve._CHECKED | resolve._TENSED | resolve._ADJECTIVAL)
    assert {"ago", "dur"}.isdisjoint(resolve._PLAIN)


def test_what_follows_a_number_ends_with_no_word_character() -> None:
    """A number's probe ends with the punctuation after it: partial matching reads the
    end of a probe as the end of the text, where no word boundary follows a non-word
    character, as in the text (a word character would read as one)."""
    for text, at, after in (
        ("5 people", 1, " "),
        ("3.5%", 1, "."),
        ("12,” he", 2, ",” "),
        ("7\n\nthe", 1, "\n\n"),
        ("40\u00a0%", 2, "\u00a0%"),
    ):
        m = resolve._AFTER.match(text, at)
        assert m is not None
        assert m.group() == after
    assert resolve._AFTER.match("3pm", 1) is None
    assert resolve._AFTER.match("3_a", 1) is None


@pytest.mark.parametrize("size", [1, 2, 3, 4])
def test_what_follows_a_number_rules_out_only_what_no_text_continues(size: int) -> None:
    """The two characters after a number's punctuation rule out its families only when
    no longer text could match either: partial matching reads the end of the probe
    as the end of the text, which must not turn a match away (checked one character on)."""
    chars = "abcdeghilmnoprstuwy0 .%-"
    for gap in (" ", ".", "-", ", "):
        broad = resolve._after_number(size, gap)
        if broad is None:
            continue
        for a in chars:
            for b in chars:
                if resolve._after_number_then(size, gap, a + b) is not None:
                    continue
                for c in "as0 .-":
                    probe = gap + a + b + c
                    assert not any(
                        could_start(name, d + probe)
                        for name in broad.families
                        for d in resolve._samples_of(name, size)
                    ), (size, probe)
    assert resolve._after_number_then(3, " ", "pe") is None  # 370 people
    assert resolve._after_number_then(3, " ", "da") is resolve._after_number(3, " ")


@pytest.mark.parametrize(
    ("text", "written", "value"),
    [
        ("The curfew starts at 1900 GMT today.", "1900 GMT", "2024-03-05T19:00"),
        ("Shelling resumed (See 1705 GMT) near the port.", "1705 GMT", "2024-03-05T17:05"),
        ("They left at 0800 local time.", "0800 local time", "2024-03-05T08:00"),
        ("Talks resume at 1430 UTC.", "1430 UTC", "2024-03-05T14:30"),
    ],
)
def test_agency_clocks_are_not_ruled_out_by_what_follows_the_number(
    text: str, written: str, value: str
) -> None:
    """The two characters after an agency clock's digits ("19" of "1900 GMT") keep the
    number's families: the zone word can continue a clock."""
    j = text.index(written)
    assert resolve._after_number_then(4, " ", text[j + 5 : j + 7].lower()) is not None
    (mention,) = [m for m in find_mentions(text, dt.date(2024, 3, 5)) if m.type == "TIME"]
    assert mention.text.startswith(written)
    assert mention.value == value


@pytest.mark.parametrize(
    "follows", [" peop", " days", ", the", ".", " ", "", "%", " \n\nda", "-year", " \r\nda", "?  2"]
)
@pytest.mark.parametrize("size", [1, 2, 4, 119])
def test_a_number_s_recogniser_is_read_from_the_five_characters_after_it(
    size: int, follows: str
) -> None:
    """The cached recogniser of a number is the one its punctuation and the two
    characters after it give, worked out step by step; two characters are read only
    when they are there, with no line break, inside a mention's window."""
    after = resolve._AFTER.match(follows)
    expected = resolve._digit_recogniser()
    if after is not None:
        gap, then = after.group(), follows[after.end() : after.end() + 2]
        near = size + len(gap) + 2 <= resolve._WINDOW
        if len(then) == 2 and near and not set(gap + then) & {"\n", "\r"}:
            expected = resolve._after_number_then(size, gap, then)
        else:
            expected = resolve._after_number(size, gap)
    resolve._BY_NUMBER.clear()
    assert resolve._number_recogniser(size, follows) is expected
    assert resolve._BY_NUMBER[size, follows] is expected


@given(texts)
def test_groupdict_reads_each_name_s_first_copy(text: str) -> None:
    """The groups a handler gets are those of :meth:`resolve._Hit.group`, name by name,
    in the order of the names' first copies (the family's own group first), as a loop
    over the copies in order gives them."""
    recogniser = patterns.mention_pattern()
    for p in patterns.find_triggers(text, fold(text)):
        hit = resolve._match_at(text, p, len(text), recogniser)
        if hit is None:
            continue
        groups = hit.groupdict()
        for name in recogniser.groups[hit.family]:
            expected = hit.group(name)
            if name == "year" and expected is not None and not expected[:1].isdigit():
                expected = str(resolve.spelled_year(expected))
            assert groups[name] == expected
        looped: dict[str, str | None] = {hit.family: hit.match.group(hit.family)}
        for name, copies in recogniser.groups[hit.family].items():
            for unique in copies:
                if looped.get(name) is None:
                    looped[name] = hit.match.group(unique)
        if looped.get("year") is not None:
            looped["year"] = groups["year"]
        assert list(groups.items()) == list(looped.items())


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("x y z", {"fam": "x y z", "a": "x", "b": "y", "c": None}),
        ("y z", {"fam": "y z", "a": "z", "b": "y", "c": None}),
        ("y", {"fam": "y", "a": None, "b": "y", "c": None}),
    ],
)
def test_groupdict_gives_the_first_copy_that_matched(
    text: str, expected: dict[str, str | None]
) -> None:
    """A name with two copies that both match gets the first one's value; one that
    matched nothing is None; the names keep their order."""
    recogniser = patterns._compile(
        [("fam", r"(?P<fam>(?:(?P<a>x)\s)?(?P<b>y)(?:\s(?P<a>z))?(?P<c>q)?)")]
    )
    m = recogniser.pattern.match(text)
    assert m is not None
    groups = resolve._Hit("fam", m, 0, recogniser).groupdict()
    assert list(groups.items()) == list(expected.items())


def test_shared_instants_keep_their_zone_and_fold(monkeypatch: pytest.MonkeyPatch) -> None:
    """Templates share equal datetimes, but not one of another zone or fold: aware
    datetimes compare equal across zones when they are the same instant."""
    monkeypatch.setattr(resolve, "_SHARED", {})
    utc = dt.datetime(2024, 1, 22, 0, 0, tzinfo=dt.UTC)
    paris = dt.datetime(2024, 1, 22, 1, 0, tzinfo=zoneinfo.ZoneInfo("Europe/Paris"))
    assert utc == paris
    assert resolve._shared_time(utc) is resolve._shared_time(
        dt.datetime(2024, 1, 22, tzinfo=dt.UTC)
    )
    assert resolve._shared_time(paris) is paris
    london = zoneinfo.ZoneInfo("Europe/London")
    first = dt.datetime(2024, 10, 27, 1, 30, tzinfo=london)
    second = first.replace(fold=1)
    assert resolve._shared_time(first) is first
    assert resolve._shared_time(second) is second
    assert resolve._shared_time(None) is None


# What may follow a prefix word and the word after it: the rest of an expression, or not.
_ENDINGS = [
    " ", "-", ",", ".", " of", " the", " year", " week", " 3", " 2024", " ago", " May",
    " may", " Monday", " month", " quarter", " half", "s", "ly", " and", "\n", " later",
]  # fmt: skip
AFTER_THE_WORDS = st.lists(st.sampled_from(_ENDINGS), max_size=5).map("".join)
_NEXT_WORDS = sorted(
    patterns.PREFIX_WORDS | {w.lower() for w in patterns.TRIGGER_WORDS if w.isalpha()}
)


def _same_match(a: re.Match[str] | None, b: re.Match[str] | None) -> bool:
    """Two matches of recognisers that share the families' renamed groups agree: span,
    family, and every group of that family."""
    if a is None or b is None:
        return a is b
    if a.span() != b.span() or a.lastgroup != b.lastgroup:
        return False
    names = [n for n in a.re.groupindex if n.startswith(f"{a.lastgroup}__")]
    return all(a.span(n) == b.span(n) for n in names)


# What may stand before a prefix word: some families look behind it ("the then current")
_BEFORE = ["", "the ", "its ", "a ", "on ", "said ", "in "]


@given(
    st.tuples(st.sampled_from(_BEFORE), st.sampled_from(sorted(patterns.PREFIX_WORDS))),
    st.sampled_from([" ", "  ", "-", " - ", "\t", "\n", " \n", "\n\n"]),
    st.sampled_from(_NEXT_WORDS),
    AFTER_THE_WORDS,
    st.data(),
)
@example(("", "the"), " ", "weekend", "", None)
@example(("", "the"), " ", "first", " quarter", None)
@example(("", "last"), " ", "year", " ago", None)
@example(("", "on"), " ", "monday", " 3 may", None)
@example(("the ", "then"), " ", "current", " price", None)
def test_a_narrowed_recogniser_matches_as_the_prefix_word_s(
    opening: tuple[str, str], gap: str, word: str, tail: str, data: st.DataObject | None
) -> None:
    """Where the text starts with a prefix word, a gap and the next word, the recogniser
    narrowed by them matches exactly as the prefix word's own (same span, family and
    groups), after whatever stands before it (regression: a family that looks behind,
    "the then current", was narrowed away), for every end the scan's window may have:
    never before the next word ends (no blank line can fall inside two line breaks' worth
    of gap, and a probe with two is not narrowed)."""
    before, prefix = opening
    broad = resolve._word_recogniser(prefix.encode("ascii"))
    if broad is None:
        return
    probe = prefix + gap + word
    narrowed = resolve._narrowed(broad.families, probe)
    if probe.count("\n") >= 2:
        assert narrowed is broad
    text = before + probe + tail
    start = len(before)
    ends = range(start + len(probe), len(text) + 1)
    if data is not None:
        ends = range(data.draw(st.sampled_from(ends), label="end"), len(text) + 1)
    for end in ends:
        expected = broad.pattern.match(text, start, end)
        got = None if narrowed is None else narrowed.pattern.match(text, start, end)
        assert _same_match(got, expected), (text, end)
    if narrowed is not None:
        assert set(narrowed.families) <= set(broad.families)
        order = [name for name in broad.families if name in narrowed.families]
        assert list(narrowed.families) == order


def test_the_scan_narrows_prefix_words_by_the_next_word() -> None:
    """The fast scan tries "the weekend" with the weekend's family alone, and "the first
    quarter" with the few that can start so; the windowed scan (the reference above)
    tries all of "the"'s."""
    text = "Over the weekend, the first quarter ended; the first came later."
    resolve._BY_PROBE.clear()
    find_mentions(text, dt.date(2024, 1, 22))
    assert resolve._BY_PROBE["the weekend"] is not None
    assert resolve._BY_PROBE["the weekend"].families == ("wkend",)
    first = resolve._BY_PROBE["the first"]
    assert first is not None
    assert "qtr" in first.families
    assert len(first.families) < len(resolve._word_recogniser(b"the").families)  # type: ignore[union-attr]


@pytest.mark.parametrize("token", ["the", "last", "0", "2024", "weekend", "q1", "mid", "banana"])
def test_a_token_s_families_are_its_recogniser_s(token: str) -> None:
    """The families read without compiling (what the scan narrows) are those of the
    token's recogniser, in the same order."""
    found = patterns.patterns_for(token)
    assert patterns.families_for(token) == (() if found is None else found.families)


_FIRST_USE = """
import datetime, sys
from liveblog.temporal import find_mentions, patterns
compiled = []
original = patterns._compile
def recording(families):
    families = tuple(families)
    compiled.append(tuple(name for name, _ in families))
    return original(families)
patterns._compile = recording
found = find_mentions(sys.argv[1], datetime.date(2024, 1, 22))
print(repr(([m.text for m in found], compiled)))
"""


@pytest.mark.parametrize(
    ("text", "mention", "unused"),
    [
        ("It rained over the weekend.", "the weekend", "the"),
        ("It rained 300 days.", "300 days", "0"),
    ],
)
def test_a_first_call_compiles_no_recogniser_it_only_narrows(
    text: str, mention: str, unused: str
) -> None:
    """In a fresh process, the recognisers of a prefix word narrowed by the next word
    ("the" by "weekend") and of a number narrowed by what follows it are not compiled:
    only their families are read (compiling them was most of a first call's cost)."""
    import ast
    import subprocess
    import sys

    done = subprocess.run(
        [sys.executable, "-c", _FIRST_USE, text], capture_output=True, text=True, check=True
    )
    texts, compiled = ast.literal_eval(done.stdout)
    assert texts == [mention]
    assert patterns.families_for(unused) not in compiled
    assert compiled


@pytest.mark.parametrize("months", [1, 3, 6])
def test_the_first_of_a_later_month_is_what_relativedelta_gives(months: int) -> None:
    """Every first of a month (of years across the calendar, and its last ones), ``months``
    on, as ``relativedelta`` adds them, up to the same error past year 9999."""
    for year in [*range(1, 10000, 37), 9998, 9999]:
        for month in range(1, 13):
            first = dt.date(year, month, 1)
            try:
                expected = first + relativedelta(months=months)
            except ValueError:
                with pytest.raises(ValueError, match="year"):
                    resolve._first_after(first, months)
                continue
            assert resolve._first_after(first, months) == expected


@given(
    st.dates(),
    st.sampled_from(
        [dt.UTC, zoneinfo.ZoneInfo("America/New_York"), dt.timezone(dt.timedelta(hours=-3))]
    ),
    st.integers(0, 30),
    st.integers(0, 59),
)
def test_an_instant_of_a_day_is_the_keyword_built_one(
    day: dt.date, tz: dt.tzinfo, hour: int, minute: int
) -> None:
    """``_at`` builds its instants with positional arguments: the same fields, zone and
    fold as the keyword-built ones (or the same overflow past the calendar)."""
    try:
        expected = dt.datetime(day.year, day.month, day.day, tzinfo=tz) + dt.timedelta(
            hours=hour, minutes=minute
        )
    except OverflowError:
        with pytest.raises(OverflowError):
            resolve._at(day, tz, hour, minute)
        return
    got = resolve._at(day, tz, hour, minute)
    assert (got, got.tzinfo, got.fold, got.utcoffset()) == (
        expected,
        expected.tzinfo,
        expected.fold,
        expected.utcoffset(),
    )
    assert got.replace(tzinfo=None) == expected.replace(tzinfo=None)


def _cold(text: str, ref: dt.date | dt.datetime | None) -> list[tuple[object, ...]]:
    """The mentions of ``text`` resolved with no resolution cached beforehand: nothing
    learned against another day is used."""
    resolve._CACHE.clear()
    resolve._DAYLESS.clear()
    return rows(find_mentions(text, ref))


# Expressions of every kind, some read against the day, some not
PHRASES = (
    "On January 16, 2024, three hours ago, last week, on Monday, in 2023, at 10:30 p.m., "
    "1/16/2024, for two days, this summer, Q3 2024, the 1990s, next month, Christmas Eve, "
    "16.01.2024 10:30, yesterday, FY2024, the weekend, every week, 2024-01-16T10:30, "
    "December 25, in May, late on Tuesday, 25th, two years ago, the third quarter."
)


@given(
    st.one_of(soups, st.just(PHRASES)),
    st.lists(references, min_size=1, max_size=3),
    references,
)
@example(PHRASES, [None, dt.date(2024, 1, 22)], dt.date(2019, 5, 3))
def test_resolutions_shared_among_days_are_those_of_each_day(
    text: str, before: list[dt.date | dt.datetime | None], ref: dt.date | dt.datetime | None
) -> None:
    """A resolution that reads neither the anchor's day nor its time is cached for every
    day (``resolve._DAYLESS``): the mentions found after scanning the text against other
    days are those found with nothing cached."""
    expected = _cold(text, ref)
    resolve._CACHE.clear()
    resolve._DAYLESS.clear()
    for other in before:
        find_mentions(text, other)
    assert rows(find_mentions(text, ref)) == expected


def test_the_days_caches_share_one_bound() -> None:
    """The caches of all days hold at most ``_TEMPLATE_LIMIT`` resolutions together,
    and a text read against one day only may fill all of it (here a bound of 64, and
    99 expressions a day)."""
    text = " ".join(f"{n} days ago." for n in range(1, 100))
    caches: dict[Any, dict[Any, Any]] = {}
    with (
        mock.patch.object(resolve, "_TEMPLATE_LIMIT", 64),
        mock.patch.object(resolve, "_CACHE", caches),
    ):
        find_mentions(text, dt.date(2024, 1, 22))
        assert [len(c) for c in caches.values()] == [99 - 64]  # cleared once, when full
        for day in range(1, 21):
            find_mentions(text, dt.date(2024, 2, day))
            assert sum(map(len, caches.values())) <= 64


def test_the_resolutions_cached_for_every_day_read_no_day() -> None:
    resolve._DAYLESS.clear()
    find_mentions(PHRASES, dt.date(2024, 1, 22))
    dayless = {key[1] for key in resolve._DAYLESS[resolve._UTC, False]}
    assert {"january 16, 2024", "1/16/2024", "two days", "2023"} <= dayless
    assert not dayless & {"last week", "monday", "next month", "three hours ago", "may"}
    # and a day's cache takes them: resolved against another day, the same objects
    found = {m.text: m for m in find_mentions(PHRASES, dt.date(2019, 5, 3))}
    again = {m.text: m for m in find_mentions(PHRASES, dt.date(2024, 1, 22))}
    assert found["January 16, 2024"].start is again["January 16, 2024"].start


@given(
    st.text(alphabet=" \t\n\r\x0bab", max_size=30),
    st.integers(0, 30),
    st.integers(0, 30),
)
@example("a\nb", 0, 3)
@example("a\n\n", 0, 3)
@example("\n \n", 1, 3)
def test_blank_lines_are_the_blank_line_pattern_s_matches(text: str, lo: int, hi: int) -> None:
    """``blank_lines`` finds what ``BLANK_LINE`` finds in ``text[lo:hi]`` (its shortcuts:
    the pattern for line feeds alone, and no search with fewer than two of them)."""
    lo, hi = min(lo, hi, len(text)), min(max(lo, hi), len(text))
    found = [m.span() for m in patterns.blank_lines(text, lo, hi)]
    assert found == [m.span() for m in BLANK_LINE.finditer(text, lo, hi)]


@given(
    st.text(alphabet="0123456789 \t\x0b\n\rabXY5sthndr\u00a0\u2028\x1c\x85", max_size=40),
    st.integers(0, 40),
    st.integers(0, 40),
)
@example("0\u00a0\n", 0, 3)
@example("5th \nMay", 0, 9)
@example("3\nweeks", 0, 7)
@example("05.00\nTalks 4\nMay", 5, 18)  # a piece opening with its clock's line feed
@example("2 \n\n3\nX", 0, 7)
def test_mention_stops_are_the_blank_lines_and_the_number_line_ends(
    text: str, lo: int, hi: int
) -> None:
    """``mention_stops`` gives the starts of ``BLANK_LINE``'s matches and the ends of
    the numbers ``_NUMBER_LINE_END`` finds in ``text[lo:hi]``, in order (its shortcut:
    for text without CR, the numbers found from the line feeds, from the first one and
    not at the piece's start)."""
    lo, hi = min(lo, hi, len(text)), min(max(lo, hi), len(text))
    expected = [m.start() for m in BLANK_LINE.finditer(text, lo, hi)]
    expected += [m.end() for m in patterns._NUMBER_LINE_END.finditer(text, lo, hi)]
    assert patterns.mention_stops(text, lo, hi) == sorted(expected)


# Expressions of the families whose need of a tense depends on the anchor's day
ANCHORED = (
    "Monday", "Sunday evening", "Friday 13 March", "Tuesday, July 4", "January", "March",
    "Sept.", "the first quarter", "the second quarter", "the 3rd quarter", "the final quarter",
    "the fourth quarter", "late December", "Wednesday night",
)  # fmt: skip
TENSES: tuple[resolve.Tense, ...] = ("unknown", "past", "future", "done")


@given(st.sampled_from(ANCHORED), st.one_of(st.none(), st.dates()))
@example("Monday", dt.date(2024, 1, 22))
@example("Wednesday night", dt.date(2024, 1, 24))
@example("Friday 13 March", dt.date(2024, 1, 5))  # a Friday: the year still needs it
@example("January", dt.date(2024, 1, 31))
@example("the first quarter", dt.date(2024, 3, 31))
@example("the second quarter", dt.date(2024, 9, 1))
@example("the final quarter", dt.date(2024, 12, 1))
def test_a_resolution_that_needs_no_tense_is_the_same_in_every_tense(
    words: str, day: dt.date | None
) -> None:
    """Where ``_needs_tense`` says the anchor's day settles an expression (a weekday on
    its own day, a month in its own month, a quarter up to the current one, any of them
    against no day), its handler gives the same in every tense, so the tense is not
    looked for."""
    anchor = resolve.Anchor.from_reference(day)
    hit = resolve._match_at(words, 0, len(words), patterns.mention_pattern())
    assert hit is not None
    assert hit.span == (0, len(words))
    if resolve._needs_tense(hit, False, anchor.day):
        return  # the tense is looked for
    found = {resolve.resolve_text(words, anchor, tense) for tense in TENSES}
    assert len(found) == 1, found


@given(
    st.sampled_from(
        (
            "Monday",
            "WEDNESDAY",
            "Sunday",
            "last Friday",
            "Friday 13 March",
            "Tuesday, July 4, 2023",
            "this coming Sunday",
            "Saturday night",
        )
    ),
    st.one_of(st.none(), st.dates()),
)
def test_a_weekday_needs_the_tense_as_its_groups_say(words: str, day: dt.date | None) -> None:
    """``_needs_tense`` reads a bare weekday from the whole match (its groups are not read):
    the same answer as the one its groups give (no direction, year or month; the
    weekday against the anchor's)."""
    hit = resolve._match_at(words, 0, len(words), patterns.mention_pattern())
    assert hit is not None
    assert hit.family == "wd"
    if hit.group("dir") is not None or hit.group("year") is not None:
        expected = False
    elif hit.group("month") is not None:
        expected = True
    else:
        wday = WEEKDAYS[(hit.group("wday") or "").lower()]
        expected = day is not None and wday != day.isoweekday()
    assert resolve._needs_tense(hit, False, day) is expected


_TAIL_PROBE_PARTS = (
    *"0129-:t.,/+z() \t\n",
    "2024-01-22",
    "2024-01-22t10:00",
    "2024-01-22 14:32:05",
    "10:00",
    "3pm",
    "10 p.m.",
    "1548",
    "noon",
    "utc",
    "gmt",
    "kyiv time",
    "local time",
    "eastern",
    "est",
    "in the morning",
    "night",
    "last",
    "today",
    "this",
    "monday",
    "friday",
    "the",
    "first",
    "week of",
    "on",
    "of",
    "january",
    "dec.",
    "22",
    "25th",
    "2024",
    "2150",
    "nineteen ninety-six",
    "x",
)


_TAIL_FAMILIES = ("iso", "clock", "dmy", "wd", "weekof", "mdy")
# mentions of the families with tails, cut anywhere in the probes
_TAIL_MENTIONS = (
    "2024-01-22 14:32 utc",
    "2024-01-22t14:32:05+01:00",
    "3pm gmt in the morning",
    "10:35 a.m. (0735 gmt) friday",
    "1548 gmt",
    "9:15 last night",
    "10pm on 7 may 2024",
    "noon thursday",
    "the 25th of december, 2023",
    "25 december 2150",
    "monday, january 22, 2024",
    "the previous friday night",
    "the first week of april 2024",
    "the week of oct. 23, 1998",
    "around nov. 1",
    "december 25, nineteen ninety-six",
)


def _whole_and_partial(name: str, anywhere: bool) -> tuple[Any, Any]:
    """A family's pattern for partial matching with nothing left out, and the one
    :func:`could_start` uses."""
    body = dict(FAMILIES)[name]
    # the family's tails were found, and none is left
    stripped = patterns._without_tails(body)
    assert len(stripped) < len(body)
    assert not any(
        tail in stripped for tail in (patterns._YEAR_TAIL, patterns._WD_TAIL, patterns._CLOCK_TAIL)
    )
    if anywhere:
        body = re.sub(r"\(\?<=[^()]*\)", "", body)
    source, _groups = patterns._source([(name, body)])
    whole = regex.compile(source, regex.VERBOSE | regex.VERSION0)
    return whole, patterns._family_partial(name, anywhere=anywhere)


def test_partial_patterns_without_tails_answer_as_with_them_on_cut_mentions() -> None:
    """Every prefix of the sample mentions, alone and with a blank, a word, a digit or
    punctuation after it, gets the same answer without the tails as with them."""
    for name in _TAIL_FAMILIES:
        for anywhere in (False, True):
            whole, partial = _whole_and_partial(name, anywhere)
            for mention in _TAIL_MENTIONS:
                for cut in range(len(mention) + 1):
                    for after in ("", " ", "x", " x", ", x", "(", "0", " 0", "-", "."):
                        probe = mention[:cut] + after
                        expected = whole.match(probe, partial=True) is not None
                        found = partial.match(probe, partial=True) is not None
                        assert found == expected, (name, anywhere, probe)


@given(
    st.sampled_from(_TAIL_FAMILIES),
    st.booleans(),
    st.builds(
        lambda mention, cut, rest: mention[:cut] + "".join(rest),
        st.sampled_from(_TAIL_MENTIONS),
        st.integers(0, 40),
        st.lists(st.sampled_from(_TAIL_PROBE_PARTS), max_size=6),
    ),
)
@example("iso", False, "2024-01-22 14:32 utc")
@example("clock", False, "3pm gmt in the morning")
@example("clock", True, "10:00 kyiv t")
@example("clock", False, "10:00 \t")
@example("clock", False, "10 p.m. (0735 gmt) friday")
@example("clock", True, "3pm on 22 january, 2024")
@example("wd", False, "monday, january 22, 2024")
@example("mdy", False, "january 22 2150")
@example("weekof", False, "the week of january 22 2024")
def test_partial_patterns_without_tails_answer_as_with_them(
    name: str, anywhere: bool, probe: str
) -> None:
    """The partial patterns leave out the families' optional tails (a zone after a
    clock, the words after a clock or a weekday, a year after a day): every probe gets
    the answer of the family's whole pattern."""
    whole, partial = _whole_and_partial(name, anywhere)
    expected = whole.match(probe, partial=True) is not None
    assert (partial.match(probe, partial=True) is not None) == expected

"""Hypothesis properties of liveblog.merging: algebra, order, provenance and ids."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections import Counter
from collections.abc import Sequence
from unittest import mock

import attrs
import pytest
from hypothesis import assume, example, given, settings
from hypothesis import strategies as st

import liveblog
from liveblog.merging import (
    _BOTH,
    _KEY_LENGTH,
    _SHORT,
    _T_DEN,
    _T_NUM,
    _TYPOGRAPHY,
    THRESHOLD,
    Shingle,
    _Bucket,
    _compared,
    _crowd_candidates,
    _crowd_prefix,
    _crowd_register,
    _indexed_share,
    _key_text,
    _keys,
    _needed,
    _plain_utf8,
    _words,
    merge,
    similarity,
)
from liveblog.model import (
    ENTRY_BODY,
    Entry,
    Provenance,
    Source,
    SourceSlice,
    Timeline,
    make_entry_id,
)
from tests.strategies import GenBlog, GenEntry, bodies, marker_noise, render, sentences

# ---------------------------------------------------------------------------------------
# Strategies. Story k is posted at minute 60*k plus up to 10 minutes, so all copies of a
# story are within the 30-minute window of each other and other stories are far away;
# every story's texts are alike (an exact copy in other case and punctuation, or a small
# edit) and unlike every other story's. Duplicate groups are then unambiguous, which is
# what the algebraic properties need: near-duplication is not transitive in general.
# Untimed entries carry texts unique to their source, so they never fold across sources.

DAY = dt.date(2024, 1, 22)
MIDNIGHT = dt.datetime.combine(DAY, dt.time(0), tzinfo=dt.UTC)
SOURCES = tuple(
    Source(name=name, url=f"https://{name}.example/live")
    for name in ("bbc", "eaworldview", "kyiv-independent", "reuters")
)
ZONES = tuple(dt.timezone(dt.timedelta(minutes=m)) for m in (0, 120, -300, 330))
STORIES = (
    (
        "The Ukraine Air Force says air defences downed all eight attack drones overnight.",
        "THE UKRAINE AIR FORCE SAYS AIR DEFENCES DOWNED ALL EIGHT ATTACK DRONES OVERNIGHT",
        "The Ukraine Air Force says air defenses downed all eight attack drones overnight.",
    ),
    (
        "Poland's prime minister Donald Tusk has arrived in Kyiv for talks with Zelenskiy.",
        "Poland’s prime minister Donald Tusk has arrived in Kyiv for talks with Zelenskiy!",
        "Poland's prime minister Donald Tusk arrived in Kyiv on Monday for talks with Zelenskiy.",
    ),
    (
        "Turkey's parliament has voted to ratify Sweden's application to join Nato.",
        "Turkey's parliament has voted to ratify Sweden's application to join Nato, "
        "Reuters reports.",
    ),
    (
        "Firefighters have contained the blaze at the chemical plant in Ludwigshafen.",
        "firefighters have contained the blaze at the chemical plant in ludwigshafen",
    ),
    (
        "The central bank raised its key interest rate by half a point to 4.5 percent.",
        "The central bank raised its key interest rate by half a point to 4.5 percent, "
        "the highest since 2008.",
    ),
    ("",),
    ("Rescue teams pulled three more survivors from the rubble of the apartment block.",),
)


def _published(minute: int, zone: dt.tzinfo) -> dt.datetime:
    return (MIDNIGHT + dt.timedelta(minutes=minute)).astimezone(zone)


@st.composite
def timelines(
    draw: st.DrawFn,
    *,
    source: Source | None = None,
    untimed: bool = True,
    distinct: bool = False,
    max_entries: int = 6,
) -> Timeline:
    """A timeline of one source: stories at their slots (oldest first), untimed captions.

    ``distinct`` draws each story at most once (no duplicates inside the timeline).
    """
    src = draw(st.sampled_from(SOURCES)) if source is None else source
    picks = st.integers(0, len(STORIES) - 1)
    stories = draw(
        st.lists(picks, max_size=max_entries, unique=distinct)
        if distinct
        else st.lists(picks, max_size=max_entries)
    )
    posts = sorted((60 * k + draw(st.integers(0, 10)), k) for k in stories)
    entries: list[Entry] = []
    seen: Counter[tuple[int, str]] = Counter()
    for minute, story in posts:
        published = _published(minute, draw(st.sampled_from(ZONES)))
        marker = f"UPDATE {minute // 60:02d}{minute % 60:02d} GMT"
        occurrence = seen[minute, marker]
        seen[minute, marker] += 1
        entry_id = make_entry_id(
            day=DAY, time=published.astimezone(dt.UTC).time(), marker=marker, occurrence=occurrence
        )
        entries.append(
            Entry(
                id=entry_id,
                marker=marker,
                body=draw(st.sampled_from(STORIES[story])),
                span=(0, 0),
                published=published,
                sources=(Provenance(src, entry_id),),
            )
        )
    if untimed:
        for number in range(draw(st.integers(0, 2))):
            at = draw(st.integers(0, len(entries)))
            body = f"{src.name}{number}x {src.name}{number}y {src.name}{number}z"
            entry_id = make_entry_id(day=None, time=None, marker="", occurrence=0, body=body)
            entry = Entry(
                id=entry_id, marker="", body=body, span=(0, 0), sources=(Provenance(src, entry_id),)
            )
            entries.insert(at, entry)
    entries = [attrs.evolve(e, ordinal=i, span=(10 * i, 10 * i + 5)) for i, e in enumerate(entries)]
    return Timeline(entries, source=src, order="oldest-first", date=DAY)


@st.composite
def distinct_sources(draw: st.DrawFn, count: int) -> tuple[Source, ...]:
    """``count`` different sources, in a drawn order."""
    return tuple(draw(st.permutations(SOURCES))[:count])


@st.composite
def three_timelines(draw: st.DrawFn, *, untimed: bool = True) -> tuple[Timeline, ...]:
    """Three timelines of three different sources."""
    return tuple(draw(timelines(source=s, untimed=untimed)) for s in draw(distinct_sources(3)))


# ---------------------------------------------------------------------------------------
# Helpers


def provenance_counts(*inputs: Timeline) -> Counter[tuple[str, str]]:
    """Every input entry's provenances as (source name, id), anonymous inputs by position."""
    counts: Counter[tuple[str, str]] = Counter()
    for number, timeline in enumerate(inputs, start=1):
        source = timeline.source or Source(name=f"#{number}")
        for entry in timeline:
            for p in entry.sources or (Provenance(source, entry.id),):
                counts[p.source.name, p.id] += 1
    return counts


def groups(timeline: Timeline) -> list[tuple[tuple[str, str], ...]]:
    """The merged entries as sorted provenance lists, sorted: order-free content."""
    return sorted(tuple(sorted((p.source.name, p.id) for p in e.sources)) for e in timeline)


def timed(timeline: Timeline) -> list[dt.datetime]:
    """The instants of the timed entries, in order."""
    return [e.published for e in timeline if e.published is not None]


# ---------------------------------------------------------------------------------------
# Properties


@given(three_timelines())
def test_merge_is_commutative_up_to_tie_order(inputs: tuple[Timeline, ...]) -> None:
    """Any argument order gives the same groups and the same sequence of instants."""
    a, b, c = inputs
    first, second = merge(a, b, c), merge(c, a, b)
    assert groups(first) == groups(second)
    assert timed(first) == timed(second)


@given(three_timelines(untimed=False))
def test_merge_is_associative_with_dedupe(inputs: tuple[Timeline, ...]) -> None:
    """Timed timelines: grouping the merge any way gives the very same timeline."""
    a, b, c = inputs
    flat = merge(a, b, c)
    assert merge(merge(a, b), c) == flat
    assert merge(a, merge(b, c)) == flat


@given(three_timelines())
def test_merge_is_associative_without_dedupe(inputs: tuple[Timeline, ...]) -> None:
    """With untimed entries and ``dedupe=False``, grouping the merge changes nothing."""
    a, b, c = inputs
    flat = merge(a, b, c, dedupe=False)
    assert merge(merge(a, b, dedupe=False), c, dedupe=False) == flat
    assert merge(a, merge(b, c, dedupe=False), dedupe=False) == flat


@given(timelines(distinct=True))
def test_merge_of_one_timeline_keeps_its_entries(t: Timeline) -> None:
    """``merge(t)`` has exactly ``t``'s entries when ``t`` has no duplicates inside."""
    assert merge(t).entries == t.entries


@given(timelines(distinct=True))
def test_merge_with_itself_doubles_sources(t: Timeline) -> None:
    """``merge(t, t)`` is ``t`` with every entry's sources listed twice."""
    assert merge(t, t).entries == tuple(attrs.evolve(e, sources=e.sources * 2) for e in t)


@given(three_timelines())
def test_merge_is_idempotent(inputs: tuple[Timeline, ...]) -> None:
    """Merging a merged timeline again gives it back unchanged."""
    merged = merge(*inputs)
    assert merge(merged) == merged


@given(timelines(), timelines(untimed=False))
def test_empty_timeline_is_the_identity(a: Timeline, b: Timeline) -> None:
    """Adding empty timelines anywhere changes nothing."""
    empty = Timeline(())
    assert merge(a, empty, b) == merge(a, b)
    assert merge(empty, a) == merge(a)


@given(st.lists(timelines(), max_size=4), st.lists(st.booleans(), min_size=4, max_size=4))
def test_no_provenance_is_lost(inputs: list[Timeline], anonymous: list[bool]) -> None:
    """Every input entry ends up, by itself or as a duplicate, in exactly one entry's sources."""
    inputs = [
        attrs.evolve(t, source=None) if anon else t
        for t, anon in zip(inputs, anonymous, strict=False)
    ]
    inputs = [
        attrs.evolve(t, entries=[attrs.evolve(e, sources=()) for e in t]) if t.source is None else t
        for t in inputs
    ]
    for dedupe in (True, False):
        merged = merge(*inputs, dedupe=dedupe)
        out: Counter[tuple[str, str]] = Counter(
            (p.source.name, p.id) for e in merged for p in e.sources
        )
        assert out == provenance_counts(*inputs)
    assert len(merge(*inputs, dedupe=False)) == sum(len(t) for t in inputs)


@given(st.lists(timelines(), max_size=4))
def test_result_is_sorted_and_ids_unique(inputs: list[Timeline]) -> None:
    """Timed entries come out in time order and no two entries share an id."""
    for dedupe in (True, False):
        merged = merge(*inputs, dedupe=dedupe)
        assert timed(merged) == sorted(timed(merged))
        assert len({e.id for e in merged}) == len(merged)


@given(three_timelines())
def test_each_blog_keeps_its_own_order(inputs: tuple[Timeline, ...]) -> None:
    """Without dedupe, each input's entries come out in their own order, untimed included."""
    merged = merge(*inputs, dedupe=False)
    for timeline in inputs:
        assert [e.sources[0].id for e in merged if e.sources[0].source == timeline.source] == [
            e.id for e in timeline
        ]


# ---------------------------------------------------------------------------------------
# The indexed sweep against a direct reading of the documented rule. Texts are drawn from
# a few stories over a tiny vocabulary (stop words, case, typography, non-ASCII), so that
# exact copies, near copies, ties and near misses crowd into one window.

WORDS: tuple[str, ...] = ("talks", "Kyiv", "KYIV", "drones", "Télé", "alert", "lifted", "the")
WORDS += ("of", "said", "9:30", "“air-raid”", "air raid", "Ⅻ", "—", "!", "")
_WORD = re.compile(r"[^\W_]+")


def _update(source: Source, position: int, body: str, minute: int, zone: dt.tzinfo) -> Entry:
    """An ``UPDATE`` entry of ``source``, ``minute`` minutes after midnight UTC, in ``zone``."""
    entry_id = f"{source.name}-{position}"
    return Entry(
        id=entry_id,
        marker="UPDATE",
        body=body,
        span=(0, 0),
        published=_published(minute, zone),
        sources=(Provenance(source, entry_id),),
    )


def _retold(
    draw: st.DrawFn, stories: list[list[str]], vocabulary: Sequence[str], *, edits: int
) -> list[str]:
    """One of ``stories`` retold: up to ``edits`` words of ``vocabulary`` put in, or in
    place of one of its words."""
    words = list(draw(st.sampled_from(stories)))
    for _ in range(draw(st.integers(0, edits))):
        at = draw(st.integers(0, len(words)))
        words[at : at + draw(st.integers(0, 1))] = [draw(st.sampled_from(vocabulary))]
    return words


@st.composite
def crowded_timelines(draw: st.DrawFn) -> list[Timeline]:
    """Up to four timelines whose entries retell a few stories within two hours."""
    stories = draw(st.lists(st.lists(st.sampled_from(WORDS), max_size=7), min_size=1, max_size=3))
    inputs: list[Timeline] = []
    for number in range(draw(st.integers(1, 4))):
        source = SOURCES[number]
        entries: list[Entry] = []
        for position in range(draw(st.integers(0, 6))):
            words = _retold(draw, stories, WORDS, edits=2)
            minute = draw(st.none() | st.integers(0, 120))
            entry_id = f"{source.name}-{position}"
            entries.append(
                Entry(
                    id=entry_id,
                    marker=draw(st.sampled_from(("", "UPDATE"))),
                    body=" ".join(words),
                    span=(0, 0),
                    published=None if minute is None else _published(minute, ZONES[number]),
                    headline=draw(st.none() | st.sampled_from(WORDS)),
                    sources=(Provenance(source, entry_id),),
                )
            )
        inputs.append(Timeline(entries, source=source))
    return inputs


def key_text(e: Entry) -> bytes:
    """The entry's normalised words joined without spaces, c, p and w written *, read directly."""
    text = e.body if e.headline is None else f"{e.headline}\n{e.body}"
    joined = "".join(_WORD.findall(unicodedata.normalize("NFKC", text).casefold()))
    return joined.replace("c", "*").replace("p", "*").replace("w", "*").encode()


def keys(key_text: bytes) -> set[bytes]:
    """A text's keys read directly from docs/merge.md: both ends, after each *."""
    k = _KEY_LENGTH
    after = {key_text[i + 1 : i + 1 + k] for i in range(len(key_text) - k) if key_text[i] == 42}
    return {key_text[:k], key_text[-k:], *after}


def reference_groups(inputs: list[Timeline], window: dt.timedelta) -> list[list[tuple[str, str]]]:
    """The merge's groups, each entry compared with every open group as docs/merge.md says."""
    start = dt.datetime.min.replace(tzinfo=dt.UTC)
    swept: list[tuple[dt.datetime, int, int, Entry]] = []
    for number, timeline in enumerate(inputs):
        instant = start
        for position, entry in enumerate(timeline):
            instant = entry.published or instant
            swept.append((instant, number, position, entry))
    swept.sort(key=lambda item: item[:3])
    groups: list[tuple[dt.datetime, Entry, list[tuple[int, int, Entry]]]] = []
    for instant, number, position, entry in swept:

        def text(e: Entry) -> str:
            return e.body if e.headline is None else f"{e.headline}\n{e.body}"

        def words(e: Entry) -> list[str]:
            return _WORD.findall(unicodedata.normalize("NFKC", text(e)).casefold())

        def compared(e: Entry, f: Entry) -> bool:
            return (len(key_text(e)) < _SHORT and len(key_text(f)) < _SHORT) or bool(
                keys(key_text(e)) & keys(key_text(f))
            )

        open_groups = [g for g in groups if instant - g[0] <= window]
        same = [g for g in open_groups if words(g[1]) == words(entry)]
        if not words(entry):
            same = [g for g in same if (g[0], g[1].marker) == (instant, entry.marker)]
        found = same[0] if same else None
        if found is None and words(entry):
            scored = [
                (similarity(text(g[1]), text(entry)) if compared(g[1], entry) else 0.0, -i)
                for i, g in enumerate(open_groups)
            ]
            best = max(scored, default=(0.0, 0))
            if best[0] >= THRESHOLD:
                found = open_groups[-best[1]]
        if found is None:
            groups.append((instant, entry, [(number, position, entry)]))
        else:
            found[2].append((number, position, entry))
    return [
        [(p.source.name, p.id) for *_, e in sorted(members, key=lambda m: m[0]) for p in e.sources]
        for _, _, members in groups
    ]


@given(crowded_timelines(), st.sampled_from([0, 1, 10, 30, 45]))
def test_merge_groups_as_the_documented_rule(inputs: list[Timeline], minutes: int) -> None:
    """The indexed sweep groups exactly as comparing with every open group would."""
    window = dt.timedelta(minutes=minutes)
    merged = merge(*inputs, window=window)
    assert [[(p.source.name, p.id) for p in e.sources] for e in merged] == reference_groups(
        inputs, window
    )


# ---------------------------------------------------------------------------------------
# The fast paths of the sweep, each against its direct reading.

VOCABULARY: tuple[str, ...] = ("the", "of", "in", "said", "Kyiv", "drones", "air", "raid")
VOCABULARY += ("alert", "lifted", "declared", "region", "Odesa", "talks", "Tusk", "Zelenskiy")
VOCABULARY += ("twelve", "downed", "overnight", "ministry’s", "spokesperson", "“officials”")
VOCABULARY += ("Télé", "—", "9:30", "Poland", "minister", "prime", "arrives", "ends")


@st.composite
def retold_timelines(draw: st.DrawFn) -> list[Timeline]:
    """Up to four timelines retelling a few stories of 6 to 24 words within two hours.

    Copies drop, replace, insert and move words, so that similarities spread around the
    threshold and groups index only part of their bigrams.
    """
    stories = draw(
        st.lists(
            st.lists(st.sampled_from(VOCABULARY), min_size=6, max_size=24), min_size=1, max_size=4
        )
    )
    inputs: list[Timeline] = []
    for number in range(draw(st.integers(1, 4))):
        source = SOURCES[number]
        entries: list[Entry] = []
        for position in range(draw(st.integers(0, 8))):
            words = list(draw(st.sampled_from(stories)))
            for _ in range(draw(st.integers(0, 4))):
                at = draw(st.integers(0, len(words) - 1))
                edit = draw(st.sampled_from(("drop", "replace", "insert", "move")))
                if edit == "drop" and len(words) > 1:
                    del words[at]
                elif edit == "replace":
                    words[at] = draw(st.sampled_from(VOCABULARY))
                elif edit == "insert":
                    words.insert(at, draw(st.sampled_from(VOCABULARY)))
                else:
                    words.append(words.pop(at))
            minute = draw(st.integers(0, 120))
            entries.append(_update(source, position, " ".join(words), minute, ZONES[number]))
        entries.sort(key=lambda e: e.published or MIDNIGHT)
        inputs.append(Timeline(entries, source=source))
    return inputs


def sliced(e: Entry) -> Entry:
    """The entry with its body stored as a parsed entry's is: a reference into a source."""
    source = f"UPDATE: {e.body}\n"
    evolved = attrs.evolve(e)
    ENTRY_BODY.raw_set(evolved, SourceSlice(source, 8, 8 + len(e.body)))
    return evolved


@given(crowded_timelines(), st.sampled_from([0, 30]))
def test_merge_reads_bodies_kept_as_references(inputs: list[Timeline], minutes: int) -> None:
    """The merge reads a body kept as a reference into the source (a parsed entry's) without
    the descriptor: it groups such entries exactly as the same entries holding strings."""
    window = dt.timedelta(minutes=minutes)
    referring = [Timeline([sliced(e) for e in t], source=t.source) for t in inputs]
    assert all(ENTRY_BODY.raw_get(e).__class__ is SourceSlice for t in referring for e in t)
    assert groups(merge(*referring, window=window)) == groups(merge(*inputs, window=window))


@given(retold_timelines(), st.sampled_from([0, 10, 30, 45]))
def test_merge_groups_longer_texts_as_the_documented_rule(
    inputs: list[Timeline], minutes: int
) -> None:
    """With longer texts, the bucket count and the partial candidate index miss nothing."""
    window = dt.timedelta(minutes=minutes)
    merged = merge(*inputs, window=window)
    assert [[(p.source.name, p.id) for p in e.sources] for e in merged] == reference_groups(
        inputs, window
    )


# Templated wire copy: long texts with the same opening and closing words (so the same
# first and last keys) and a few words from a small pool in between, retold with edits;
# some in a second frame that shares no key with the first, but can share the middle.
FRAMES = (
    ("Officials in the capital said on Monday that", "according to the ministry of emergencies."),
    ("Officials said on Monday that", "the ministry said."),
)
SLOTS: tuple[str, ...] = ("Kyiv", "Odesa", "Lviv", "12", "40", "300", "people", "villages")
SLOTS += ("roads", "drones", "evacuated", "closed", "overnight", "the", "in")


@st.composite
def templated_timelines(draw: st.DrawFn) -> list[Timeline]:
    """Up to four timelines of up to 16 templated texts within two hours.

    The texts of a frame share their first and last keys, so a key has many groups
    (more than ``_CROWD`` when the test lowers it), and their similarities spread around
    the threshold: the middles differ in a word or two, or in many, and in length. A
    text in the other frame with a long middle can be at the threshold without a key in
    common.
    """
    stories = draw(
        st.lists(st.lists(st.sampled_from(SLOTS), min_size=1, max_size=9), min_size=1, max_size=8)
    )
    inputs: list[Timeline] = []
    for number in range(draw(st.integers(1, 4))):
        source = SOURCES[number]
        entries: list[Entry] = []
        for position in range(draw(st.integers(0, 16))):
            middle = _retold(draw, stories, SLOTS, edits=3)
            minute = draw(st.integers(0, 120))
            opening, closing = FRAMES[draw(st.sampled_from((0, 0, 0, 1)))]
            body = f"{opening} {' '.join(middle)}, {closing}"
            entries.append(_update(source, position, body, minute, ZONES[number]))
        entries.sort(key=lambda e: e.published or MIDNIGHT)
        inputs.append(Timeline(entries, source=source))
    return inputs


@given(templated_timelines(), st.sampled_from([10, 30, 45]), st.sampled_from([1, 2, 3, 16]))
def test_merge_groups_texts_sharing_their_keys_as_the_documented_rule(
    inputs: list[Timeline], minutes: int, crowd: int
) -> None:
    """When many groups share a key, the crowd index (its prefixes, its order and the
    bound on the place of the first common bigram) misses no group at the threshold: the
    merge groups as comparing every open group that shares a key would. ``_CROWD`` is
    lowered so that small inputs crowd their keys."""
    window = dt.timedelta(minutes=minutes)
    with mock.patch("liveblog.merging._CROWD", crowd):
        merged = merge(*inputs, window=window)
    assert [[(p.source.name, p.id) for p in e.sources] for e in merged] == reference_groups(
        inputs, window
    )


@st.composite
def crowded_bigrams(draw: st.DrawFn) -> list[tuple[set[Shingle], set[bytes]]]:
    """Bigram sets and keys of texts in a bucket, in time order: each is new or another
    one with some bigrams dropped and added, so that many are near the threshold."""
    texts: list[tuple[set[Shingle], set[bytes]]] = []
    for _ in range(draw(st.integers(1, 30))):
        keys = draw(st.sets(st.sampled_from((b"head", b"tail", b"anchor")), min_size=1))
        retold = draw(st.booleans())
        if texts and retold:
            bigrams = set(draw(st.sampled_from(texts))[0])
            bigrams -= draw(st.sets(st.sampled_from(sorted(bigrams)), max_size=len(bigrams) - 1))
        else:
            bigrams = set()
        added = draw(st.sets(st.integers(0, 40), min_size=0 if bigrams else 1, max_size=12))
        bigrams |= {(b"%d" % w,) for w in added}
        texts.append((bigrams, keys))
    return texts


def _bigrams(*numbers: int) -> set[Shingle]:
    return {(b"%d" % n,) for n in numbers}


# At the bounds: the third text, of 16 bigrams, shares 11 with the second, of 15 (Jaccard
# 11/20, the threshold), and their first common bigram is the second's fifth (it has four
# newer) and the third's sixth (five newer): they share at most 11 from there, and need
# 11 (31 * 11 >= 11 * (16 + 15), with equality).
EXACT = [
    (_bigrams(*range(11)), {b"head"}),
    (_bigrams(*range(15)), {b"head"}),
    (_bigrams(*range(11), *range(20, 25)), {b"head"}),
]


@given(crowded_bigrams())
@example(EXACT)
def test_crowd_index_finds_every_group_at_the_threshold(
    texts: list[tuple[set[Shingle], set[bytes]]],
) -> None:
    """Each text, looked up in a bucket's crowd index before it is indexed itself (as the
    sweep does), finds exactly the earlier texts that share a key with it and are at or
    above the threshold: the prefixes, the one order and the bound on the place of the
    first common bigram miss none."""
    bucket = _Bucket(0)
    for number, (bigrams, keys) in enumerate(texts):
        expected = {
            earlier
            for earlier, (other, other_keys) in enumerate(texts[:number])
            if keys & other_keys and _T_DEN * len(bigrams & other) >= _T_NUM * len(bigrams | other)
        }
        assert _crowd_candidates(keys, bigrams, bucket) == expected
        bucket.sets[number] = bigrams
        _crowd_register(number, bigrams, sorted(keys), bucket)


def test_crowd_prefixes_meet_at_the_threshold() -> None:
    """Every pair of sizes and overlap at the threshold: the larger set's first
    _indexed_share and the smaller's first _crowd_prefix hold enough of the overlap to
    meet (the prefix lemma needs ``|x| - o + 1`` of ``x``), and one less of the smaller's
    is not always enough; the overlap reaches the bound the crowd index checks."""
    tight = set()
    for small in range(1, 80):
        prefix = _crowd_prefix(small)
        for large in range(small, 2 * small + 1):
            for common in range(small + 1):
                if common * _T_DEN < _T_NUM * (small + large - common):
                    continue
                assert large - common + 1 <= _indexed_share(large)
                assert small - common + 1 <= prefix
                assert _BOTH * common >= _T_NUM * (small + large)
                if small - common + 1 == prefix:
                    tight.add(small)
    assert tight == set(range(1, 80))


@st.composite
def text_and_group(draw: st.DrawFn) -> tuple[set[int], set[int]]:
    """Bigram sets of a group and of a text made from it by dropping and adding some."""
    group = draw(st.sets(st.integers(0, 10**6), min_size=1, max_size=12))
    kept = draw(st.sets(st.sampled_from(sorted(group))))
    added = draw(st.sets(st.integers(-12, -1), max_size=6))
    return kept | added or {-1}, group


@given(text_and_group())
def test_any_indexed_share_meets_every_text_at_the_threshold(
    sets: tuple[set[int], set[int]],
) -> None:
    """A text at or above the threshold shares a bigram with any _indexed_share of a group.

    So indexing that many of a group's bigrams, whichever, finds every candidate: even the
    worst choice, the group's other bigrams first. And the text shares at least _needed
    of its own bigrams with the group, so a bucket that has fewer of them holds none.
    """
    text, group = sets
    if len(text & group) * _T_DEN < _T_NUM * len(text | group):
        return  # below the threshold: nothing to find
    worst = [*(group - text), *(group & text)][: _indexed_share(len(group))]
    assert text.intersection(worst)
    assert len(text & group) >= _needed(len(text))


def test_indexed_share_is_the_fewest_that_always_meet() -> None:
    """Every size of group, common part and extra bigrams: the share is enough, one less is not."""
    for size in range(1, 80):
        share = _indexed_share(size)
        tight = False
        for common in range(size + 1):
            for extra in range(size + 1):
                union = size + extra
                if common * _T_DEN < _T_NUM * union:
                    continue
                # the worst choice indexes the group's other bigrams first
                assert size - common < share
                assert common >= _needed(common + extra)
                tight = tight or size - common == share - 1
        assert tight  # a text at the threshold meets exactly one indexed bigram


# ASCII, the typography of English blogs, and characters that need NFKC or full case
# folding (accents, a ligature, a Roman numeral, the German sharp s, a combining mark, a
# lone surrogate as a JSON feed can hold)
ALPHABET = "aZ9 .,-'_\n‘’“”–—…\xa0éÉﬁⅫßΣ\u0301\ud800"


@given(st.text(alphabet=st.sampled_from(ALPHABET), max_size=40))
def test_words_are_the_documented_normalisation(text: str) -> None:
    """The byte-level fast path splits exactly as NFKC, case folding and letter runs do."""
    expected = _WORD.findall(unicodedata.normalize("NFKC", text).casefold())
    assert [w.decode("utf-8") for w in _words(text)] == expected


# characters whose UTF-8 shares bytes with the typography's, or that NFKC makes letters
NEAR_TYPOGRAPHY = "\x80\x85\x91\x94¦†‛‹\u2000\u2027Ⓐ❶\ufffe"


@given(st.text(alphabet=st.sampled_from(ALPHABET + NEAR_TYPOGRAPHY), max_size=40))
def test_plain_utf8_is_for_ascii_and_typography_only(text: str) -> None:
    """The fast paths take a text exactly when its other characters are typography."""
    plain = all(c.isascii() or c in _TYPOGRAPHY for c in text)
    expected = text.encode("utf-8", "surrogatepass") if plain else None
    assert _plain_utf8(text) == expected


@given(st.text(alphabet=st.sampled_from(ALPHABET + "cpwCPW"), max_size=40))
def test_key_text_is_the_words_joined_and_marked(text: str) -> None:
    """The one-translate fast path gives the words joined, c, p and w written *."""
    joined = b"".join(_words(text)).decode("utf-8", "surrogatepass")
    marked = joined.replace("c", "*").replace("p", "*").replace("w", "*")
    assert _key_text(text) == marked.encode("utf-8", "surrogatepass")


@given(st.binary(max_size=120).map(lambda b: bytes(b"*xy"[c % 3] for c in b)))
def test_keys_are_the_documented_stretches(key_text: bytes) -> None:
    """The regular expression finds the stretch after every *, overlapping ones too."""
    assert set(_keys(key_text)) == keys(key_text)


@given(st.data())
def test_the_whole_key_text_adds_no_compared_pair(data: st.DataObject) -> None:
    """Texts share a key exactly when they would with the whole key text as a key too.

    Equal key texts share the first key; a whole key text longer than a key is no other
    text's key but its whole, so it only repeats what the first key finds.
    """
    key_text = st.binary(max_size=80).map(lambda b: bytes(b"*x"[c % 2] for c in b))
    a = data.draw(key_text)
    b = data.draw(st.one_of(key_text, st.just(a), st.just(a[:_KEY_LENGTH]), st.just(a[1:])))
    with_whole = {a, *_keys(a)} & {b, *_keys(b)}
    assert bool(set(_keys(a)) & set(_keys(b))) is bool(with_whole)


EDGE = 24  # the longest edit of the property below: longer than most words


@given(
    st.text(alphabet="abcdefghijklmnopqrstuvwxyz", min_size=2 * _KEY_LENGTH + EDGE - 1),
    st.data(),
)
def test_one_edit_leaves_a_shared_key(text: str, data: st.DataObject) -> None:
    """A long text and a copy that differs in one place of up to EDGE letters share a key.

    The edit cannot reach both the first and the last _KEY_LENGTH letters, so one of
    them is a key of both; and so is the stretch after an anchor away from the edit.
    """
    start = data.draw(st.integers(0, len(text) - 1))
    stop = data.draw(st.integers(start, min(len(text), start + EDGE)))
    new = data.draw(st.text(alphabet="abcdefghijklmnopqrstuvwxyz", max_size=EDGE))
    edited = text[:start] + new + text[stop:]
    assert set(_keys(_key_text(text))) & set(_keys(_key_text(edited)))


# ---------------------------------------------------------------------------------------
# The algebra on parsed input (feeds21): blogs written as text and parsed, the same story
# retold by each outlet a few minutes apart in its own layout, with odd lines, marker
# noise, untimed entries and posts repeated inside one blog.


@st.composite
def parsed_blogs(draw: st.DrawFn, *, count: int) -> list[Timeline]:
    """``count`` parsed blogs of different sources that retell a few stories.

    A story is a generated body; each blog posts some of the stories at their slots
    (60 minutes apart) plus a few minutes, in its own marker style, order and line
    ends, some with an ``ORIGINAL ENTRY`` and a preamble of marker noise.
    """
    stories = draw(st.lists(bodies(), min_size=1, max_size=4))
    sources = draw(distinct_sources(count))
    day = dt.date(2024, 1, 22)
    out: list[Timeline] = []
    for source in sources:
        picks = draw(st.lists(st.integers(0, len(stories) - 1), max_size=5))
        entries = tuple(
            GenEntry(60 * (k + 1) + draw(st.integers(0, 10)), draw(_retold_body(stories[k])))
            for k in sorted(picks)
        )
        blog = GenBlog(
            date=day,
            entries=entries,
            newest_first=draw(st.booleans()),
            original=draw(st.none() | bodies()),
            preamble=draw(st.sampled_from(("", "Live: the war in Ukraine"))),
            crlf=draw(st.booleans()),
            colon=draw(st.booleans()),
        )
        text = render(blog) if entries else (blog.original or "")
        if draw(st.booleans()):
            text = f"{draw(marker_noise())}\n\n{text}"
        out.append(liveblog.parse(text, date=day, source=source))
    return out


@st.composite
def _retold_body(draw: st.DrawFn, body: str) -> str:
    """``body`` as another outlet writes it: as is, in capitals, or with a line added."""
    how = draw(st.sampled_from(("same", "upper", "added", "other")))
    if how == "upper":
        return body.upper()
    if how == "added":
        return f"{body}\n\n{draw(sentences())}"
    if how == "other":
        return draw(bodies())
    return body


THIRTY = dt.timedelta(minutes=30)


def _text(e: Entry) -> str:
    return e.body if e.headline is None else f"{e.headline}\n{e.body}"


def unambiguous(
    inputs: Sequence[Timeline], window: dt.timedelta = dt.timedelta(minutes=30)
) -> bool:
    """Whether the copies among the inputs' entries fall into unambiguous groups, as
    docs/merge.md needs for the merge to be associative with dedupe: being a copy (the
    same words, or compared and similar at the threshold, within ``window``) is
    transitive, and every entry has a time or no timed entry before it (an untimed
    entry follows its timed neighbour, which a merge may fold away)."""
    stamped: list[tuple[dt.datetime, Entry]] = []
    for t in inputs:
        instant = MIDNIGHT - dt.timedelta(days=1)
        for e in t:
            if e.published is None and instant != MIDNIGHT - dt.timedelta(days=1):
                return False
            instant = e.published or instant
            stamped.append((instant, e))

    def alike(one: tuple[dt.datetime, Entry], other: tuple[dt.datetime, Entry]) -> bool:
        (i, e), (j, f) = one, other
        if abs(i - j) > window:
            return False
        a, b = _text(e), _text(f)
        return _words(a) == _words(b) or (_compared(a, b) and similarity(a, b) >= THRESHOLD)

    pairs = {
        (x, y)
        for x in range(len(stamped))
        for y in range(len(stamped))
        if x != y and alike(stamped[x], stamped[y])
    }
    return all((x, z) in pairs for x, y in pairs for w, z in pairs if y == w and x != z)


@given(parsed_blogs(count=1))
def test_merging_one_parsed_blog_changes_only_provenance(inputs: list[Timeline]) -> None:
    """``merge(t)`` of a parsed blog: without dedupe, ``t``'s entries in time order;
    with it, some of those, in that order, each with the sources of the posts folded
    into it (a blog that posted an update twice); every post's provenance is in one."""
    (t,) = inputs
    everything = merge(t, dedupe=False)
    assert sorted(everything, key=lambda e: e.id) == sorted(t, key=lambda e: e.id)
    merged = merge(t)
    by_id = {e.id: e for e in t}
    kept = {e.id for e in merged}
    assert [e.id for e in merged] == [e.id for e in everything if e.id in kept]
    for e in merged:
        assert attrs.evolve(e, sources=by_id[e.id].sources) == by_id[e.id]
    assert provenance_counts(merged) == provenance_counts(t)


@given(parsed_blogs(count=2))
def test_parsed_merge_is_commutative(inputs: list[Timeline]) -> None:
    """``merge(a, b)`` and ``merge(b, a)`` hold the same groups of posts, when the groups
    of copies are unambiguous (simultaneous copies swap, and so does the text their
    group is compared by)."""
    assume(unambiguous(inputs))
    a, b = inputs
    assert groups(merge(a, b)) == groups(merge(b, a))


@given(parsed_blogs(count=3))
def test_parsed_merge_is_associative(inputs: list[Timeline]) -> None:
    """Grouping the merge of three parsed blogs any way gives the same groups and ids,
    when the groups of copies are unambiguous (see docs/merge.md)."""
    assume(unambiguous(inputs))
    a, b, c = inputs
    flat = merge(a, b, c)
    for grouped in (merge(merge(a, b), c), merge(a, merge(b, c))):
        assert groups(grouped) == groups(flat)
        assert [e.id for e in grouped] == [e.id for e in flat]


@given(parsed_blogs(count=3), st.booleans())
def test_parsed_merge_loses_no_text_and_ids_are_unique(
    inputs: list[Timeline], dedupe: bool
) -> None:
    """Every post is in one merged entry's sources, and that entry keeps its text or a
    copy's (the same words, or similar at the threshold); ids are unique."""
    merged = merge(*inputs, dedupe=dedupe)
    assert len({e.id for e in merged}) == len(merged)
    out: Counter[tuple[str, str]] = Counter(
        (p.source.name, p.id) for e in merged for p in e.sources
    )
    assert out == provenance_counts(*inputs)
    holder = {(p.source.name, p.id): e for e in merged for p in e.sources}
    for t in inputs:
        assert t.source is not None
        for entry in t:
            kept = holder[t.source.name, entry.id]
            same = _words(kept.body) == _words(entry.body)
            if not dedupe or not same:
                text = f"{entry.headline}\n{entry.body}" if entry.headline else entry.body
                kept_text = f"{kept.headline}\n{kept.body}" if kept.headline else kept.body
                assert same or (dedupe and similarity(kept_text, text) >= THRESHOLD)


@pytest.mark.fuzz
@settings(max_examples=1_000, deadline=None)
@given(parsed_blogs(count=3), st.booleans())
def test_parsed_merge_algebra_fuzz(inputs: list[Timeline], dedupe: bool) -> None:
    """The long run of the four properties above (LIVEBLOG_FUZZ=1), on one budget."""
    test_merging_one_parsed_blog_changes_only_provenance.hypothesis.inner_test(inputs[:1])  # type: ignore[attr-defined]
    test_parsed_merge_is_commutative.hypothesis.inner_test(inputs[1:])  # type: ignore[attr-defined]
    test_parsed_merge_is_associative.hypothesis.inner_test(inputs)  # type: ignore[attr-defined]
    test_parsed_merge_loses_no_text_and_ids_are_unique.hypothesis.inner_test(inputs, dedupe)  # type: ignore[attr-defined]

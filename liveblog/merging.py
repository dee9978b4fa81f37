"""Merging timelines into one oldest-first timeline, duplicate updates folded together."""

from __future__ import annotations

import bisect
import datetime as dt
import hashlib
import itertools
import re
import reprlib
import unicodedata
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from itertools import filterfalse
from typing import TypeVar

import attrs

from liveblog.gcpause import pausing_gc
from liveblog.model import (
    ENTRY_BODY,
    ENTRY_MARKER,
    ENTRY_MARKER_SPAN,
    ENTRY_SPAN,
    Diagnostic,
    DialectChoice,
    Entry,
    Provenance,
    Source,
    SourceSlice,
    Timeline,
    unchecked_entry,
    unchecked_provenance,
)

__all__ = ["THRESHOLD", "merge", "similarity"]

THRESHOLD = 0.55
"""Jaccard similarity of content-word bigrams at or above which two compared texts are duplicates.

Chosen on the 52 labelled pairs of ``tests/data/dedupe_pairs.json`` with
``benchmarks/dedupe_threshold.py``: precision 1.00 and recall 0.85 there, for the measure
alone and for the merge's rule (which compares two texts when both are short or they
share a key); the most similar non-duplicate scores 0.50, and 0.50 as threshold would
merge it.
"""

# THRESHOLD as an exact fraction, so that the similarity test needs no floats
_T_NUM, _T_DEN = 11, 20
# at the threshold, inter >= t (|x| + |y|) / (1 + t): _BOTH * inter >= _T_NUM * (|x| + |y|)
_BOTH = _T_DEN + _T_NUM

_EPOCH = dt.datetime(1970, 1, 1, tzinfo=dt.UTC)
_MICROSECOND = dt.timedelta(microseconds=1)
# The instant given to untimed entries that no timed entry precedes: before any real time
_START = -(1 << 62)

# ASCII case folding in one table: letters and digits kept (lower-cased), all else a space
_ASCII_FOLD = bytes(
    c + 32 if 65 <= c <= 90 else c if 48 <= c <= 57 or 97 <= c <= 122 else 32 for c in range(256)
)
# Non-ASCII text: a word is a run of letters and digits (after NFKC an accented letter is
# one character), so "Télé-Kyiv" gives "télé" and "kyiv"
_WORD = re.compile(r"[^\W_]+")
# English function words, left out of the bigrams: "of the" says nothing about an update
_STOP_WORDS = frozenset(
    b"a an and are as at be been by for from had has have he her his in is it its of on or "
    b"our said says she that the their they this to was we were will with".split()
)
# The non-ASCII punctuation of most English live blogs: quotes, dashes, ellipsis, NBSP
_TYPOGRAPHY = "\u2018\u2019\u201c\u201d\u2013\u2014\u2026\xa0"
# The ASCII bytes, deleted from a text's UTF-8 to see which other characters it has
_ASCII = bytes(range(128))

_ANCHORS = b"cpw"
"""The letters after which a text has a key (7% of the letters of English)."""
# A text's key text, for ASCII text (and text whose other characters are typography) in
# one translate: ASCII letters lower-cased and the anchors written "*", digits kept, all
# else deleted
_KEY_FOLD = bytes(
    42 if c | 32 in _ANCHORS and 65 <= c <= 122 else c + 32 if 65 <= c <= 90 else c
    for c in range(256)
)
_KEY_DELETE = bytes(c for c in range(256) if not (48 <= c <= 57 or 65 <= c <= 90 or 97 <= c <= 122))
# the anchors written "*", for words that are already normalised
_MARK_ANCHORS = bytes.maketrans(_ANCHORS, b"*" * len(_ANCHORS))
_KEY_LENGTH = 32
"""The bytes of a key: a stretch of the key text."""
_SHORT = 2 * _KEY_LENGTH
"""Texts whose key text has fewer bytes are short: compared with every short group."""
_CROWD = 16
"""Groups of a time bucket with one key, beyond which they are found by their bigrams.

Once a key has more groups in a bucket, all of them are in the bucket's crowd index, and
a text with the key is compared only with those that can reach the threshold
(:func:`_crowd_candidates`), not with each: templated wire copy shares its keys."""
# the _KEY_LENGTH bytes after each anchor of the key text: one search for one byte
_AFTER_ANCHOR = re.compile(rb"\*(?=(.{%d}))" % _KEY_LENGTH, re.DOTALL)

Shingle = tuple[bytes, ...]
"""A bigram of words, or the one word of a one-word text."""
_Key = TypeVar("_Key", bytes, Shingle)
_Postings = dict[Shingle, dict[tuple[int, int], list[int]]]
"""The groups under each bigram, by their size and the bigram's place in their order."""


@pausing_gc
def merge(
    *timelines: Timeline,
    dedupe: bool = True,
    window: dt.timedelta = dt.timedelta(minutes=30),
) -> Timeline:
    """Merge timelines into one, oldest first, folding duplicate updates together.

    * **Sources.** Each input stands for one source: its ``Timeline.source`` or, when
      that is None, ``Source(name="#N")`` with ``N`` its 1-based argument position. An
      entry keeps its ``sources`` when it has some (a parsed or merged entry) and
      otherwise gets ``(Provenance(source, entry.id),)``.
    * **Order.** The total sort key is ``(instant, input, position)``: ``instant`` is
      ``published`` in UTC or, for an untimed entry, the instant of the closest timed
      entry before it in its own timeline (the very start when there is none);
      ``input`` is the argument position; ``position`` the index in that timeline's
      ``entries``. An untimed entry so stays right after its own blog's neighbour.
    * **Duplicates** (``dedupe=True``). Entries are swept in that order and each is
      compared with the first entry of every group that began at most ``window``
      before it. It joins the group with the same normalised text (NFKC, case-folded,
      punctuation dropped), else the most similar group whose :func:`similarity` is at
      least :data:`THRESHOLD` (the earlier on a tie) among those it is compared with
      (both texts short, or sharing a key: see docs/merge.md), else starts a group. A
      group becomes its first entry, listing the ``sources`` of all members in argument
      order (then the sweep's, within one input). The marker is not compared (outlets mark
      differently); a text without any word matches only an entry with the same
      marker at the same instant.
    * **Ids.** A merged entry takes the id of its first provenance (the id its first
      source, in argument order, gave it) unless an earlier entry of the merge has it;
      then the id is the first 16 hex digits of BLAKE2b over ``"name|id"`` of that
      provenance (``"name|id|k"`` on the k-th retry).
    * **Timeline fields.** ``origin="merge"``, ``order="oldest-first"``, ``date`` the
      earliest input date, ``tz`` the zone of every input that states one (``"UTC"``
      when they differ), warnings concatenated with ``"name: "`` before each message
      (not again for inputs that are merges), dialect names in order of first use.
      ``source``, ``preamble``, ``text`` and ``encoding`` are left empty; spans and
      ordinals stay those of each entry in its own first source.

    Args:
        *timelines: the timelines to merge; their argument order breaks ties.
        dedupe: fold updates with the same or nearly the same text into one entry.
        window: how far apart in time two copies of one update may be.

    Returns:
        A timeline with ``origin="merge"`` whose entries list where they came from in
        ``Entry.sources``.

    Raises:
        TypeError: an argument of the wrong type.
        ValueError: a negative ``window``.

    >>> import datetime as dt
    >>> from liveblog.model import Entry, Provenance, Source, Timeline
    >>> def blog(name: str, *posts: tuple[int, str]) -> Timeline:
    ...     src = Source(name=name)
    ...     return Timeline(
    ...         [Entry(id=f"{name}{h}", marker=f"{h}:00", body=body, span=(0, 0),
    ...                published=dt.datetime(2024, 1, 22, h, tzinfo=dt.UTC),
    ...                sources=(Provenance(src, f"{name}{h}"),))
    ...          for h, body in posts], source=src)
    >>> a = blog("a", (9, "Talks begin in Kyiv."), (11, "Talks end."))
    >>> b = blog("b", (9, "TALKS BEGIN IN KYIV"), (10, "Sirens in Lviv."))
    >>> merged = merge(a, b)
    >>> [(e.id, [p.source.name for p in e.sources]) for e in merged]
    [('a9', ['a', 'b']), ('b10', ['b']), ('a11', ['a'])]
    """
    _check_arguments(timelines, dedupe, window)
    entries, provenance, instants = _collect(timelines)
    ends = list(itertools.accumulate(len(t.entries) for t in timelines))
    # stable: equal instants keep argument order, then position
    order = sorted(range(len(entries)), key=instants.__getitem__)
    if dedupe:
        window_us = window // _MICROSECOND
        firsts, copies = _group_duplicates(entries, instants, order, window_us)
    else:
        firsts, copies = order, {}
    return Timeline(
        _merged_entries(entries, provenance, instants, firsts, copies, ends=ends),
        date=min((t.date for t in timelines if t.date is not None), default=None),
        tz=_merged_zone(timelines),
        order="oldest-first",
        warnings=_merged_warnings(timelines),
        dialect=DialectChoice(
            names=tuple(dict.fromkeys(n for t in timelines for n in t.dialect.names))
        ),
        origin="merge",
    )


def _check_arguments(timelines: Sequence[object], dedupe: object, window: object) -> None:
    for index, value in enumerate(timelines):
        if not isinstance(value, Timeline):
            msg = f"timelines[{index}] must be a Timeline, got {type(value).__name__}"
            if isinstance(value, Iterable) and not isinstance(value, str | bytes):
                msg += " (pass the timelines one by one: merge(*timelines))"
            else:
                msg += f" {reprlib.repr(value)}"
            raise TypeError(msg)
    if not isinstance(dedupe, bool):
        msg = f"dedupe must be a bool, got {dedupe!r}"
        raise TypeError(msg)
    if not isinstance(window, dt.timedelta):
        msg = f"window must be a datetime.timedelta, got {window!r}"
        raise TypeError(msg)
    if window < dt.timedelta(0):
        msg = f"window must not be negative, got {window!r}"
        raise ValueError(msg)


def _collect(
    timelines: Sequence[Timeline],
) -> tuple[list[Entry], list[tuple[Provenance, ...]], list[int]]:
    """All entries in argument order, with their provenance and their sort instant."""
    entries: list[Entry] = []
    provenance: list[tuple[Provenance, ...]] = []
    instants: list[int] = []
    for number, timeline in enumerate(timelines, start=1):
        source = timeline.source or Source(name=f"#{number}")
        previous = _START
        for entry in timeline.entries:
            if entry.published is not None:
                previous = (entry.published - _EPOCH) // _MICROSECOND
            entries.append(entry)
            provenance.append(entry.sources or (unchecked_provenance(source, entry.id),))
            instants.append(previous)
    return entries, provenance, instants


def _words(text: str) -> list[bytes]:
    """Normalised words: NFKC, case-folded, split at anything but letters and digits.

    >>> _words("Kyiv’s “air-raid” ALERT, 9:30 – Télé")
    [b'kyiv', b's', b'air', b'raid', b'alert', b'9', b'30', b't\\xc3\\xa9l\\xc3\\xa9']
    """
    encoded = _plain_utf8(text)
    if encoded is not None:
        # English text is ASCII but for its quotes and dashes, and _ASCII_FOLD blanks
        # every byte of their UTF-8 as it blanks punctuation
        return encoded.translate(_ASCII_FOLD).split()
    for mark in _TYPOGRAPHY:
        if mark in text:
            text = text.replace(mark, " ")
    folded = unicodedata.normalize("NFKC", text).casefold()
    return " ".join(_WORD.findall(folded)).encode("utf-8").split()


def _plain_utf8(text: str) -> bytes | None:
    """The UTF-8 of a text whose only non-ASCII characters are in ``_TYPOGRAPHY``, else None.

    An ASCII text is told by the flag that ``str`` keeps, without a pass over it.

    >>> _plain_utf8("“Kyiv’s” – 9:30") is not None, _plain_utf8("Télé")
    (True, None)
    """
    if text.isascii():
        return text.encode()
    encoded = text.encode("utf-8", "surrogatepass")
    if encoded.translate(None, _ASCII).decode("utf-8", "surrogatepass").strip(_TYPOGRAPHY):
        return None
    return encoded


def _shingles(words: list[bytes]) -> set[Shingle]:
    """The bigrams of the content words (stop words left out).

    Texts with fewer than two content words use all their words; a text of one word is
    the set of that word alone, as a 1-tuple. A repeated word ("Goal! Goal!") is a
    bigram like any other: it does not match another text's repeated word.

    >>> sorted(_shingles([b"the", b"talks", b"in", b"kyiv", b"resume"]))
    [(b'kyiv', b'resume'), (b'talks', b'kyiv')]
    >>> _shingles([b"goal", b"goal"]) == _shingles([b"no", b"no"])
    False
    >>> _shingles([b"of", b"kyiv"]), _shingles([b"kyiv"])
    ({(b'of', b'kyiv')}, {(b'kyiv',)})
    """
    shingles: set[Shingle] = set(itertools.pairwise(filterfalse(_STOP_WORDS.__contains__, words)))
    if not shingles:  # fewer than two content words
        shingles = set(itertools.pairwise(words)) if len(words) > 1 else {tuple(words)}
    return shingles


def similarity(a: str, b: str) -> float:
    """Jaccard similarity of the content-word bigrams of two texts, 0.0 to 1.0.

    Texts without any word are similar (1.0) only to each other.

    >>> similarity("Air raid sirens are sounding across Kyiv.",
    ...            "AIR RAID SIRENS SOUNDING ACROSS KYIV")
    1.0
    >>> similarity("Air raid alert declared in Kyiv region.",
    ...            "Air raid alert lifted in Kyiv region.")
    0.42857142857142855
    """
    wa, wb = _words(a), _words(b)
    if not wa or not wb:
        return float(wa == wb)
    sa, sb = _shingles(wa), _shingles(wb)
    return len(sa & sb) / len(sa | sb)


def _needed(size: int) -> int:
    """The fewest bigrams a text of ``size`` bigrams shares with a group at the threshold.

    Jaccard >= THRESHOLD needs ``inter >= THRESHOLD * union >= THRESHOLD * size``.

    >>> [_needed(n) for n in (1, 2, 3, 10, 20, 21)]
    [1, 2, 2, 6, 11, 12]
    """
    return -(-size * _T_NUM // _T_DEN)


def _indexed_share(size: int) -> int:
    """How many of a group's ``size`` bigrams the candidate index holds.

    A text at or above the threshold shares at least ``_needed(size)`` of them with the
    group, so it shares one with any ``size - _needed(size) + 1`` of them: those are
    enough to find it, whichever they are (the pigeonhole principle).

    >>> [_indexed_share(n) for n in (1, 2, 3, 10, 20, 21)]
    [1, 1, 2, 5, 10, 10]
    """
    return size - _needed(size) + 1


def _crowd_prefix(size: int) -> int:
    """How many of its first bigrams a group of ``size`` indexes for texts at least as long.

    Jaccard ``J(x, y) = inter / (|x| + |y| - inter) >= t`` gives
    ``inter >= t (|x| + |y|) / (1 + t)``, which is at least ``2t / (1 + t) |y|`` when
    ``|x| >= |y|``: ``ceil(22 |y| / 31)`` at ``t = 11/20``. Two sets that share ``o``
    elements share one among their first ``|x| - o + 1`` and first ``|y| - o + 1`` in any
    one order (the prefix lemma: each prefix holds a shared element ``a`` and ``b``, as
    the rest holds only ``o - 1``; were ``a`` not in ``y``'s prefix it would come after
    ``b``, and were ``b`` not in ``x``'s it would come after ``a``). So the first
    ``|y| - ceil(22 |y| / 31) + 1`` of ``y`` meet the first ``_indexed_share(|x|)`` of
    ``x`` (``inter >= t |x|`` too); when ``|x| < |y|``, the first ``_crowd_prefix(|x|)``
    of ``x`` meet the first ``_indexed_share(|y|)`` of ``y``.

    >>> [_crowd_prefix(n) for n in (1, 2, 3, 10, 20, 21)]
    [1, 1, 1, 3, 6, 7]
    """
    return size - (-(-size * 2 * _T_NUM // _BOTH)) + 1


def _key_text(text: str) -> bytes:
    """The normalised words of a text (:func:`_words`) joined without spaces, in UTF-8,
    with each ``c``, ``p`` and ``w`` (the anchors) written ``*``.

    >>> _key_text("Kyiv’s “air-raid” ALERT, 9:30 – Télé Power")
    b'kyivsairraidalert930t\xc3\xa9l\xc3\xa9*o*er'
    """
    encoded = _plain_utf8(text)
    if encoded is not None:
        return encoded.translate(_KEY_FOLD, _KEY_DELETE)
    return b"".join(_words(text)).translate(_MARK_ANCHORS)


def _keys(key_text: bytes) -> list[bytes]:
    """The keys of a text, from its key text: the merge compares texts that share one.

    They are the first and the last ``_KEY_LENGTH`` bytes of the key text (the whole of a
    shorter one) and the ``_KEY_LENGTH`` bytes after each anchor that has that many after
    it. An edit leaves the keys that it does not overlap. Texts with the same key text
    share the first key, so the whole key text is no key of its own: a longer one could
    only meet another whole key text, which starts with the same first key.

    >>> for key in _keys(_key_text("The prime minister arrived in Kyiv for talks with Zelenskiy")):
    ...     print(key.decode())
    the*rimeministerarrivedinkyivfor
    rivedinkyivfortalks*ithzelenskiy
    rimeministerarrivedinkyivfortalk
    """
    head, tail = key_text[:_KEY_LENGTH], key_text[-_KEY_LENGTH:]
    return [head, tail, *_AFTER_ANCHOR.findall(key_text)]


def _compared(a: str, b: str) -> bool:
    """Whether the merge compares two texts: both short, or sharing a key.

    >>> _compared("Air raid alert declared.", "Air raid alert lifted.")  # short
    True
    >>> snow = "Heavy frost shut the main road north of the old bridge and the army is sending"
    >>> snow += " diggers and lorries to free forty drivers"  # no c, p or w in it
    >>> _compared(snow, snow.replace("lorries", "lorries there"))  # the first 32 bytes
    True
    >>> thick = "Thick" + snow[5:] + " overnight"  # edited at both ends
    >>> _compared(snow, thick), similarity(snow, thick)
    (False, 0.8125)
    """
    ja, jb = _key_text(a), _key_text(b)
    if len(ja) < _SHORT and len(jb) < _SHORT:
        return True
    return not set(_keys(ja)).isdisjoint(_keys(jb))


def _bigrams(text: str) -> set[Shingle]:
    """The set of bigrams of a text with words: ``_shingles(_words(text))``."""
    return _shingles(_words(text))


def _group_duplicates(
    entries: Sequence[Entry],
    instants: Sequence[int],
    order: Iterable[int],
    window_us: int,
    *,
    short_length: int = _SHORT,
) -> tuple[list[int], dict[int, list[int]]]:
    """Sweep the sorted entries and gather duplicates into numbered groups.

    Returns the first entry of each group, in order, and the other members of the
    groups that have any.

    An exact copy is found by its raw text alone. Any other text gets its keys from one
    translation and one search, and the open groups that share one are its candidates. A short text
    is also split into words and bigrams, and compared with every short group at or above
    the threshold: such a group shares at least ``_needed(n)`` of the text's ``n``
    bigrams, so when fewer of them occur in the whole time bucket, no group there is
    compared; one count of the bucket's bigrams (how many short texts have each) tells
    it. Otherwise the candidates are the short groups that index one of the bigrams:
    each indexes ``_indexed_share`` of its bigrams, which is enough for none to be missed,
    and the rarest in the bucket, so that common ones make few groups candidates.
    The bigrams of a long text are made only when it has a candidate. When more than
    ``_CROWD`` groups of a bucket share a key (templated wire copy), the groups of that key
    are found through a crowd index of their first bigrams in one order (:func:`_crowd`,
    :func:`_crowd_candidates`), which misses none at the threshold. Buckets are two
    ``window`` wide: a group whose first entry is more than one window old can no longer
    be joined, so only the current bucket and, in the first window of it, the previous
    one are searched; older buckets are dropped whole.

    ``short_length`` sets which texts are short: with a length no text reaches, every text
    is compared with every group, as before keys were used (``benchmarks/dedupe_agreement.py``
    compares the two).
    """
    width = max(2 * window_us, 1)
    # group n is firsts[n] (an index into entries) plus the entries in copies[n], if any
    firsts: list[int] = []
    copies: dict[int, list[int]] = {}
    first_instant: list[int] = []
    current = _Bucket(0)
    previous = _Bucket(-1)
    start, end = 0, width  # the instants of the current bucket
    raw, counts, owner, keyed = current.raw, current.counts, current.owner, current.keyed
    # the dictionaries' key views, made once per bucket (a view follows its dictionary)
    keyed_keys, previous_keys = keyed.keys(), previous.keyed.keys()
    key_fold, key_delete, mark_anchors, ascii_only = _KEY_FOLD, _KEY_DELETE, _MARK_ANCHORS, _ASCII
    ascii_fold = _ASCII_FOLD
    typography = _TYPOGRAPHY
    after_anchor = _AFTER_ANCHOR.findall
    length = _KEY_LENGTH
    for g in order:
        instant = instants[g]
        if not start <= instant < end:
            number = instant // width
            previous = current if number == current.number + 1 else _Bucket(number - 1)
            current = _Bucket(number)
            start = number * width
            end = start + width
            raw, counts, owner, keyed = current.raw, current.counts, current.owner, current.keyed
            keyed_keys, previous_keys = keyed.keys(), previous.keyed.keys()
        horizon = instant - window_us
        # the previous bucket's groups are all closed once the horizon is in this one
        both = horizon < start
        entry = entries[g]
        headline = entry.headline
        text = _body(entry)  # Entry.body, without its Python-level descriptor call
        if text.__class__ is SourceSlice:
            text = str(text)
        if headline is not None:
            text = f"{headline}\n{text}"

        # an exact copy, the commonest duplicate, needs no words; the latest group with
        # the text is the only one that can be open (a later copy would have joined it)
        found = raw.get(text)
        if found is None and both:
            found = previous.raw.get(text)
        if found is not None and first_instant[found] >= horizon:
            copies.setdefault(found, []).append(g)
            continue

        # _key_text and _keys, inlined (with _plain_utf8) for ASCII text and text whose
        # other characters are typography
        if text.isascii():  # the flag str keeps: no pass over the text
            encoded, plain = text.encode(), True
        else:
            encoded = text.encode("utf-8", "surrogatepass")
            plain = not (
                encoded.translate(None, ascii_only)
                .decode("utf-8", "surrogatepass")
                .strip(typography)
            )
        if plain:
            key_text = encoded.translate(key_fold, key_delete)
        else:
            key_text = b"".join(_words(text)).translate(mark_anchors)
        if not key_text:
            # no words to compare: only an exact copy (same marker, same instant) matches,
            # and the same instant is in the same bucket
            key = (entry.marker, instant)
            found = current.wordless.get(key)
            if found is None:
                current.wordless[key] = len(firsts)
                firsts.append(g)
                first_instant.append(instant)
            else:
                copies.setdefault(found, []).append(g)
            continue
        keys = [key_text[:length], key_text[-length:], *after_anchor(key_text)]
        candidates: set[int] | None = None
        shingles: set[Shingle] | None = None
        keyed_hits = not keyed_keys.isdisjoint(keys)
        if keyed_hits or (both and not previous_keys.isdisjoint(keys)):
            buckets = (previous, current) if both else (current,)
            candidates, crowded = _key_sharing(keys, buckets)
            if crowded:
                # more than _CROWD groups of a bucket share a key: the later ones that can
                # reach the threshold are found through their bigrams
                shingles = _shingles(
                    encoded.translate(ascii_fold).split() if plain else _words(text)
                )
                key_set = set(keys)
                for bucket in crowded:
                    candidates |= _crowd_candidates(key_set, shingles, bucket)
            # the same normalised text, commonly a copy with other punctuation, needs no
            # bigrams: it shares the first key, at most one open group has it, and it wins
            # over any other
            found = _same_text(
                text,
                key_text,
                candidates,
                buckets=buckets,
                first_instant=first_instant,
                horizon=horizon,
            )
            if found is not None:
                copies.setdefault(found, []).append(g)
                continue

        short = len(key_text) < short_length
        if shingles is None and (short or candidates):
            # _bigrams(text), with the fast path of _words for text known to take it
            shingles = _shingles(encoded.translate(ascii_fold).split() if plain else _words(text))
        hits = 0
        if short:
            assert shingles is not None
            size = len(shingles)
            needed = -(-size * _T_NUM // _T_DEN)  # _needed(size), inlined
            # a short group shares no more bigrams with the text than its whole bucket does
            before = len(counts)
            counts.update(shingles)
            hits = size - (len(counts) - before)
            if hits >= needed or (both and len(previous.counts.keys() & shingles) >= needed):
                buckets = (previous, current) if both else (current,)
                more = _sharing(shingles, [(b.owner, b.shared) for b in buckets])
                candidates = more if candidates is None else candidates | more
        if candidates:
            found, shingles = _most_similar(
                text,
                shingles,
                candidates,
                buckets=(previous, current) if both else (current,),
                first_instant=first_instant,
                horizon=horizon,
            )
            if found is not None:
                copies.setdefault(found, []).append(g)
                continue

        number = len(firsts)
        firsts.append(g)
        first_instant.append(instant)
        raw[text] = number
        current.texts[number] = text, key_text
        if shingles is not None:
            current.sets[number] = shingles
        if keyed_hits:
            if _register(number, keys, keyed, current.key_shared, keyed_hits) >= _CROWD:
                # a key with _CROWD earlier groups: texts find its groups by their bigrams
                assert shingles is not None  # made: the group had candidates
                _crowd(number, shingles, keys, current)
        else:  # _register, inlined for the common case: no group has any of the keys
            keyed.update(dict.fromkeys(keys, number))
        if short:
            assert shingles is not None
            size = len(shingles)
            # _indexed_share(size), inlined: any that many of the bigrams find every group
            # at or above the threshold; the rarest in the bucket so far are indexed, so
            # that a bigram that many texts share ("in the", a template's words) makes few
            # groups candidates of every text (any bigrams do when none was seen before)
            share = size - (-(-size * _T_NUM // _T_DEN)) + 1
            indexed = sorted(shingles, key=counts.__getitem__)[:share] if hits else shingles
            _register(number, itertools.islice(indexed, share), owner, current.shared, hits)
    return firsts, copies


def _same_text(
    text: str,
    key_text: bytes,
    candidates: Iterable[int],
    *,
    buckets: tuple[_Bucket, ...],
    first_instant: Sequence[int],
    horizon: int,
) -> int | None:
    """The open candidate whose first entry has the same words as ``text``, if any."""
    for number in candidates:
        if first_instant[number] < horizon:
            continue
        bucket = buckets[-1] if number in buckets[-1].texts else buckets[0]
        first, first_key_text = bucket.texts[number]
        if first_key_text == key_text and _words(text) == _words(first):
            return number
    return None


def _register(
    number: int,
    keys: Iterable[_Key],
    owner: dict[_Key, int],
    shared: dict[_Key, list[int]],
    hits: int,
) -> int:
    """Index group ``number`` under ``keys``; ``hits`` 0 says that no earlier group has one.

    Returns how many earlier groups the bucket has under the most shared of the keys that
    some earlier group has, and 0 when none has any.
    """
    index = dict.fromkeys(keys, number)
    most = 0
    if hits and not owner.keys().isdisjoint(index):
        for key in index.keys() & owner.keys():  # an earlier group indexes some keys too
            earlier = shared.setdefault(key, [])
            earlier.append(owner[key])
            most = max(most, len(earlier))
    owner.update(index)
    return most


def _sharing(
    keys: Iterable[_Key], indexes: Iterable[tuple[dict[_Key, int], dict[_Key, list[int]]]]
) -> set[int]:
    """The groups that one of ``indexes`` (latest owner, earlier owners) has under a key."""
    candidates: set[int] = set()
    for owner, shared in indexes:
        hits = owner.keys() & keys
        candidates.update(map(owner.__getitem__, hits))
        if shared:
            for key in shared.keys() & hits:
                candidates.update(shared[key])
    return candidates


def _key_sharing(
    keys: Iterable[bytes], buckets: Iterable[_Bucket]
) -> tuple[set[int], list[_Bucket]]:
    """The groups of ``buckets`` that share a key, and the buckets where a key is crowded.

    Of a key that more than ``_CROWD`` groups of a bucket have, only the latest is
    returned: all are in the bucket's crowd index (:func:`_crowd`), where
    :func:`_crowd_candidates` finds those that can reach the threshold.
    """
    candidates: set[int] = set()
    crowded: list[_Bucket] = []
    for bucket in buckets:
        owner, shared = bucket.keyed, bucket.key_shared
        hits = owner.keys() & keys
        candidates.update(map(owner.__getitem__, hits))
        if shared:
            many = False
            for key in shared.keys() & hits:
                earlier = shared[key]  # the earlier groups with the key, oldest first
                if len(earlier) >= _CROWD:
                    many = True
                else:
                    candidates.update(earlier)
            if many:
                crowded.append(bucket)
    return candidates, crowded


def _ranked(shingles: set[Shingle], rank: dict[Shingle, int]) -> list[Shingle]:
    """The bigrams in the bucket's one order for the crowd index: the newest first.

    A bigram is numbered when it first comes to the crowd index of the bucket and keeps
    its number, so every text and group is ordered alike (as the prefix lemma needs:
    see :func:`_crowd_prefix`); a template's own words come first to the bucket, and so
    last in the order. A text's new bigrams are numbered in sorted order, not the set's
    (which depends on the hash seed), so every process indexes alike.
    """
    new = shingles.difference(rank)  # a pass over the bigrams, not over the dictionary
    if new:
        rank.update(zip(sorted(new), itertools.count(len(rank))))
    return sorted(shingles, key=rank.__getitem__, reverse=True)


def _crowd(number: int, shingles: set[Shingle], keys: list[bytes], bucket: _Bucket) -> None:
    """Put a new group with a crowded key (``_CROWD`` earlier groups in the bucket have it)
    in the crowd index, and the earlier groups of a key that it makes crowded.

    So every group of a crowded key is in the index: a group indexed when it began, and
    the earlier ones when their key reached ``_CROWD`` (the first with a key may have no
    bigrams yet: they are made now).
    """
    _crowd_register(number, shingles, keys, bucket)
    indexed, sets, texts = bucket.crowd_keys, bucket.sets, bucket.texts
    for key in keys:
        earlier = bucket.key_shared.get(key)
        if earlier is not None and len(earlier) == _CROWD:  # the key is crowded from now on
            for other in earlier:
                if other not in indexed:
                    first, key_text = texts[other]
                    bigrams = sets.get(other)
                    if bigrams is None:
                        bigrams = sets[other] = _bigrams(first)
                    _crowd_register(other, bigrams, _keys(key_text), bucket)


def _crowd_register(
    number: int, shingles: set[Shingle], keys: list[bytes], bucket: _Bucket
) -> None:
    """Index group ``number`` in the bucket's crowd index.

    The group indexes its first ``_crowd_prefix`` bigrams (in the order of
    :func:`_ranked`) for texts at least as long and its first ``_indexed_share`` for
    shorter ones, each under its size and the bigram's place in that order, and keeps its
    keys: a text is compared only with groups that share a key.
    """
    ranked = _ranked(shingles, bucket.rank)
    size = len(ranked)
    prefixes = ((bucket.crowd_few, _crowd_prefix(size)), (bucket.crowd_all, _indexed_share(size)))
    for index, length in prefixes:
        for place, bigram in enumerate(ranked[:length]):
            postings = index.get(bigram)
            if postings is None:
                index[bigram] = {(size, place): [number]}
            else:
                postings.setdefault((size, place), []).append(number)
    bucket.crowd_keys[number] = keys


def _crowd_candidates(keys: set[bytes], shingles: set[Shingle], bucket: _Bucket) -> set[int]:
    """The groups of the bucket's crowd index that share a key with a text and reach the
    threshold with it.

    In the one order of the bucket (:func:`_crowd_prefix`), a group ``y`` at or above the
    threshold with a text ``x`` has its first bigram in common with ``x`` among its first
    ``_crowd_prefix(|y|)`` and the first ``_indexed_share(|x|)`` of the text when
    ``|x| >= |y|``, and among its first ``_indexed_share(|y|)`` and the first
    ``_crowd_prefix(|x|)`` of the text otherwise: those prefixes are looked up, and no such
    group is missed. As that first common bigram is at place ``i`` of ``x`` and ``j`` of
    ``y`` (from 0), they share at most ``min(|x| - i, |y| - j)`` bigrams, and at least
    ``11 (|x| + |y|) / 31`` at the threshold (see :func:`_crowd_prefix`): groups under a
    bigram at places where the first cannot reach it are passed over (many of a
    template's texts share a word or two besides the template's, such as a town, later
    in the order). The groups found are checked at once (their bigrams were made when
    they began), and only those at the threshold are returned.
    """
    ranked = _ranked(shingles, bucket.rank)
    size = len(ranked)
    hits: set[int] = set()
    for index, length, larger in (
        (bucket.crowd_few, _indexed_share(size), False),
        (bucket.crowd_all, _crowd_prefix(size), True),
    ):
        for place, bigram in enumerate(ranked[:length]):
            postings = index.get(bigram)
            if postings is None:
                continue
            left = size - place
            for (other_size, other_place), numbers in postings.items():
                shared_most = min(left, other_size - other_place)
                if (other_size > size) is larger and _BOTH * shared_most >= _T_NUM * (
                    size + other_size
                ):
                    hits.update(numbers)
    sets, crowd_keys = bucket.sets, bucket.crowd_keys
    found: set[int] = set()
    for number in hits:
        other = sets[number]
        inter = len(shingles & other)
        if _T_DEN * inter >= _T_NUM * (size + len(other) - inter) and not keys.isdisjoint(
            crowd_keys[number]
        ):
            found.add(number)
    return found


@attrs.define
class _Bucket:
    """The groups whose first entry falls in one slice of time, two windows wide."""

    number: int
    raw: dict[str, int] = attrs.Factory(dict)
    """Group by the raw text of its first entry."""
    wordless: dict[tuple[str, int], int] = attrs.Factory(dict)
    """Group by marker and instant, for texts without a word."""
    texts: dict[int, tuple[str, bytes]] = attrs.Factory(dict)
    """Text and key text of each group's first entry with words."""
    sets: dict[int, set[Shingle]] = attrs.Factory(dict)
    """Bigrams of each group's first entry, once made."""
    keyed: dict[bytes, int] = attrs.Factory(dict)
    """The key index: the latest group with each key."""
    key_shared: dict[bytes, list[int]] = attrs.Factory(dict)
    """The earlier groups with a key, for the keys that several groups have."""
    counts: Counter[Shingle] = attrs.Factory(Counter)
    """How many short texts with words swept in the bucket have each bigram."""
    owner: dict[Shingle, int] = attrs.Factory(dict)
    """The bigram index of short groups: the latest group that indexes each bigram."""
    shared: dict[Shingle, list[int]] = attrs.Factory(dict)
    """The earlier groups that index a bigram, for the few that several groups index."""
    rank: dict[Shingle, int] = attrs.Factory(dict)
    """The crowd index's order of bigrams: the number of each, in order of first use."""
    crowd_few: _Postings = attrs.Factory(dict)
    """The crowd index for texts at least as long as a group: its first few bigrams."""
    crowd_all: _Postings = attrs.Factory(dict)
    """The crowd index for shorter texts: a group's first ``_indexed_share`` bigrams."""
    crowd_keys: dict[int, list[bytes]] = attrs.Factory(dict)
    """The keys of each group in the crowd index."""


def _most_similar(
    text: str,
    shingles: set[Shingle] | None,
    candidates: set[int],
    *,
    buckets: tuple[_Bucket, ...],
    first_instant: Sequence[int],
    horizon: int,
) -> tuple[int | None, set[Shingle] | None]:
    """The open candidate with the same words, else the most similar at or above the threshold.

    ``buckets`` are the buckets that may hold open groups, oldest first. Ties go to the
    earlier group. Bigrams not yet made (``shingles`` None, or a group's) are made here;
    the text's are returned with the group found.
    """
    best: int | None = None
    best_inter, best_union = 0, 1
    for number in sorted(candidates):
        if first_instant[number] < horizon:
            continue
        bucket = buckets[-1] if number in buckets[-1].texts else buckets[0]
        other = bucket.sets.get(number)
        if other is None:
            other = bucket.sets[number] = _bigrams(bucket.texts[number][0])
        if shingles is None:
            shingles = _bigrams(text)
        size, other_size = len(shingles), len(other)
        # Jaccard <= min/max of the sizes: skip pairs that cannot reach the threshold
        if _T_DEN * min(size, other_size) < _T_NUM * max(size, other_size):
            continue
        inter = len(shingles & other)
        union = size + other_size - inter
        if _T_DEN * inter < _T_NUM * union:
            continue
        if inter == size == other_size and _words(text) == _words(bucket.texts[number][0]):
            # the same normalised text: at most one open group has it (a later one
            # would have joined it), and it wins over any other
            return number, shingles
        if inter * best_union > best_inter * union:  # ties go to the earlier group
            best, best_inter, best_union = number, inter, union
    return best, shingles


def _merged_entries(
    entries: Sequence[Entry],
    provenance: Sequence[tuple[Provenance, ...]],
    instants: Sequence[int],
    firsts: Iterable[int],
    copies: Mapping[int, list[int]],
    *,
    ends: Sequence[int],
) -> list[Entry]:
    """One entry per group, with the members' sources and an id unique in the merge.

    ``ends`` are the indices just past each input's entries in ``entries``."""
    merged: list[Entry] = []
    append = merged.append
    taken: set[str] = set()
    take = taken.add
    more_of = copies.get
    for number, g in enumerate(firsts):
        first = entries[g]
        more = more_of(number)
        if more is None:
            sources = provenance[g]
        else:
            # argument order, then the sweep's (time, then position): so that merging in
            # steps lists them alike, and a group of one input's copies (a blog that
            # posted an update twice) takes the id of the entry it keeps
            members = sorted(
                (g, *more), key=lambda m: (bisect.bisect_right(ends, m), instants[m], m)
            )
            sources = tuple(itertools.chain.from_iterable(map(provenance.__getitem__, members)))
        # the id its first source gave it (not ``first.id``: an input that is a merge may
        # have renamed it for a collision that this merge no longer has), so that ids do
        # not depend on how a merge is grouped
        entry_id = sources[0].id
        if entry_id in taken:
            entry_id = _fresh_id(sources[0], taken)
        take(entry_id)
        if entry_id is first.id and sources is first.sources:
            append(first)
        else:
            append(_evolve(first, entry_id, sources))
    return merged


_marker = ENTRY_MARKER.raw_get
_body = ENTRY_BODY.raw_get
_span = ENTRY_SPAN.raw_get
_marker_span = ENTRY_MARKER_SPAN.raw_get


def _evolve(entry: Entry, entry_id: str, sources: tuple[Provenance, ...]) -> Entry:
    """``attrs.evolve(entry, id=entry_id, sources=sources)``, several times faster.

    ``evolve`` runs every field's converter and validator again; here the other fields'
    values were checked when ``entry`` was built, and ``id`` (a checked provenance's id,
    or a hex digest) and ``sources`` (a tuple of checked provenances) are values their
    checks accept (``tests/test_merge.py`` checks it), so the entry is built unchecked. The text and
    spans are copied as they are stored (references into the source, and packed spans)
    instead of being read out and stored again.

    >>> e = Entry(id="a", marker="", body="Talks end.", span=(0, 10))
    >>> _evolve(e, "b", ()) == attrs.evolve(e, id="b")
    True
    """
    return unchecked_entry(
        entry_id,
        _marker(entry),
        _body(entry),
        _span(entry),
        entry.published,
        entry.day,
        entry.time,
        entry.zone,
        entry.ordinal,
        _marker_span(entry),
        entry.headline,
        entry.author,
        entry.day_header,
        entry.dialect,
        entry.mentions,
        sources,
        entry.html,
    )


def _fresh_id(origin: Provenance, taken: set[str]) -> str:
    """A new id for an entry whose id is taken, derived from its first provenance.

    >>> _fresh_id(Provenance(Source(name="bbc"), "7c4c361103020b96"), set())
    'b7d4adec08bcd81f'
    """
    base = f"{origin.source.name}|{origin.id}"
    for attempt in itertools.count():
        text = base if attempt == 0 else f"{base}|{attempt}"
        encoded = text.encode("utf-8", "surrogatepass")  # a feed's id may hold lone surrogates
        candidate = hashlib.blake2b(encoded, digest_size=8).hexdigest()
        if candidate not in taken:
            return candidate
    raise AssertionError  # pragma: no cover - itertools.count() never ends


def _merged_zone(timelines: Iterable[Timeline]) -> str | None:
    """The zone every input that states one agrees on; ``UTC`` when they differ."""
    zones = {t.tz for t in timelines if t.tz is not None}
    if not zones:
        return None
    return zones.pop() if len(zones) == 1 else "UTC"


def _merged_warnings(timelines: Iterable[Timeline]) -> list[Diagnostic]:
    """Each input's warnings, prefixed with its source's name unless already merged."""
    warnings: list[Diagnostic] = []
    for number, timeline in enumerate(timelines, start=1):
        if timeline.origin == "merge":
            warnings.extend(timeline.warnings)
            continue
        name = timeline.source.name if timeline.source else f"#{number}"
        warnings.extend(attrs.evolve(w, message=f"{name}: {w.message}") for w in timeline.warnings)
    return warnings

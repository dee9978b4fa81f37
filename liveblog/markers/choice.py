"""Choosing, per document, which dialects' candidates become markers.

A document uses one or two marker styles consistently. Every dialect scans the text;
each is scored on the evidence (how many valid candidates, and how regularly their
times run in one direction). The best-scoring entry dialect is chosen, with a second
one when it fits the same sequence; opening markers (``ORIGINAL ENTRY``) and day
headers ride along. Where two chosen dialects match the same place, the better one wins.
A dialect the caller adds (named as no built-in one) goes before the built-in ones, on
equal evidence and where both read the same place: it is the more specific to its site;
and before a built-in one that reads all its places and scores higher only by strays
(times in posts' text) or by a few posts that join it (see :func:`_user_first`).
"""

from __future__ import annotations

import bisect
import datetime as dt
import itertools
import operator
import re
import sys
from collections.abc import Callable, Collection, Sequence

import attrs
import regex

from liveblog.markers.builtin import AGE_COUNT, AGE_UNIT, DEFAULT_DIALECTS
from liveblog.markers.dialect import (
    MARKER_BLANKS,
    Dialect,
    LineScan,
    Marker,
    PatternDialect,
    checked_markers,
    line_start,
    needle_found,
)
from liveblog.markers.lines import BLANK_LINE, LINE_BREAK, all_lines, candidate_heads
from liveblog.markers.zones import lookup_zone
from liveblog.model import DialectChoice, DialectScore, Span, unchecked_span

__all__ = [
    "Choice",
    "byline_author",
    "choose_markers",
    "direction_counts",
    "is_ui_line",
    "one_break",
    "resolve_meridiem",
]

_HALF_DAY = 720
_TOLERANCE = 1e-3  # scores are rounded to four places
_SECOND_DIALECT_SHARE = 0.2
_BUILTIN_NAMES = frozenset(d.name for d in DEFAULT_DIALECTS)


@attrs.frozen
class Choice:
    """The outcome: markers that open entries, rejected candidates, and the evidence."""

    markers: tuple[Marker, ...]
    """Valid markers of the chosen dialects, in text order, not overlapping."""
    rejected: tuple[Marker, ...]
    """Candidates of the chosen dialects that could not be read (``problem`` set)."""
    choice: DialectChoice
    """Names of the chosen dialects and the scores of all candidates."""


def direction_counts(markers: Sequence[Marker]) -> tuple[int, int]:
    """Count (forward, backward) steps between consecutive timed markers.

    Steps are read on the 24-hour circle (a step of less than twelve hours forward is
    forward), or on full dates when both markers state one.

    >>> import datetime as dt
    >>> from liveblog.model import Span
    >>> mk = lambda h: Marker(Span(0, 1), Span(0, 1), "d", clock=dt.time(h))
    >>> direction_counts([mk(15), mk(8), mk(7)])
    (0, 2)
    """
    forward = backward = 0
    previous: Marker | None = None
    number: int | None = None  # the last post number seen (``Post 14``)
    for marker in markers:
        clock, age = marker.clock, marker.age
        if clock is None and age is None:
            if marker.number is not None:
                # an untimed numbered post: numbers counting up run forward
                if number is not None and marker.number != number:
                    if marker.number > number:
                        forward += 1
                    else:
                        backward += 1
                number = marker.number
            continue
        if previous is not None:
            before = previous.clock
            if previous.age is not None and age is not None:
                if previous.age == age:
                    continue
                later = age < previous.age
            elif before is None or clock is None:
                previous = marker
                continue
            elif previous.day is not None and marker.day is not None:
                if previous.day == marker.day and before == clock:
                    continue
                later = (marker.day, clock) > (previous.day, before)
            elif previous.days_back is not None and marker.days_back is not None:
                # Today 09:15 above Yesterday 18:05: the days, then the clocks
                if previous.days_back == marker.days_back and before == clock:
                    continue
                later = (-marker.days_back, clock) > (-previous.days_back, before)
            elif previous.weekday is not None and marker.weekday is not None:
                if previous.weekday == marker.weekday:
                    # the same day: the clocks compare as they are, even 12 hours apart
                    if before == clock:
                        continue
                    later = clock > before
                else:
                    later = (marker.weekday - previous.weekday) % 7 <= 3
            else:
                # _clock_minutes of each, written out: every choice runs this loop
                step = (clock.hour * 60 + clock.minute - before.hour * 60 - before.minute) % 1440
                if step == 0:
                    previous = marker
                    continue
                later = step < _HALF_DAY
            if later:
                forward += 1
            else:
                backward += 1
        previous = marker
    return forward, backward


def _score(name: str, candidates: Sequence[Marker]) -> DialectScore:
    valid = [m for m in candidates if m.problem is None]
    forward, backward = direction_counts(valid)
    steps = forward + backward
    monotonic = 1.0 if steps == 0 else max(forward, backward) / steps
    return DialectScore(
        name=name,
        candidates=len(candidates),
        accepted=len(valid),
        monotonic=round(monotonic, 4),
        score=round(len(valid) * (0.5 + 0.5 * monotonic), 4),
    )


def resolve_meridiem(
    markers: Sequence[Marker | None], *, night: bool = False
) -> list[Marker | None]:
    """Give am/pm to clocks that omit it (``4:12`` after ``3:58pm``) on pages that use it.

    A clock such as ``4:12`` (hour 1 to 12, not zero-padded, no am/pm) on a page whose
    other markers state am/pm takes the half of the day that puts it closest to the
    nearest marker that states it.

    >>> from liveblog.model import Span
    >>> pm = Marker(Span(0, 1), Span(0, 1), "d", clock=dt.time(15, 58), has_ampm=True)
    >>> bare = Marker(Span(2, 3), Span(2, 3), "d", clock=dt.time(4, 12), bare12=True)
    >>> resolve_meridiem([pm, bare])[1].clock
    datetime.time(16, 12)
    """
    known = [i for i, m in enumerate(markers) if m is not None and m.has_ampm and m.clock]
    if not known:
        return _resolve_twelve_hour_page(markers, night=night)
    out = list(markers)
    for i, marker in enumerate(markers):
        if marker is None or not marker.bare12 or marker.clock is None:
            continue
        nearest = min(known, key=lambda k: abs(k - i))
        reference = markers[nearest]
        assert reference is not None
        assert reference.clock is not None
        clock = _nearest_half(marker.clock, _clock_minutes(reference.clock))
        out[i] = attrs.evolve(marker, clock=clock)
    return out


def _nearest_half(clock: dt.time, ref: int) -> dt.time:
    """``clock`` (a 12-hour time) in the half of the day, am or pm, that puts it nearest
    to ``ref`` minutes after midnight, either way round the clock."""
    am = _clock_minutes(clock) % 720
    best = min((am, am + 720), key=lambda m: min((m - ref) % 1440, (ref - m) % 1440))
    return dt.time(best // 60, best % 60, clock.second)


def _resolve_twelve_hour_page(
    markers: Sequence[Marker | None], *, night: bool = False
) -> list[Marker | None]:
    """Read a page that writes a 12-hour clock and never states am/pm (``10.45``,
    ``11.30``, ``1.15``): every clock is written 1 to 12 without a leading zero. From the
    first marker with the latest hour written (``12.50``, else ``11.30``...), read as one
    says such an hour (``12.50`` after noon, ``11.30`` in the morning, ``3.15`` to
    ``6.40`` in the afternoon, "at three"), each marker in turn (both ways along the
    page) takes the half of the day nearest its neighbour's, so ``1.15`` after ``11.30``
    is 13:15, not 1.15am the next day. On a page that names the night (``night``), that
    marker is read at night (``12.10`` past midnight, ``6.30`` to ``11.50`` in the
    evening, ``1.05`` to ``5.40`` in the small hours). A page that writes any other
    clock (``13:05``, ``09:41``) is left as written.

    >>> from liveblog.model import Span
    >>> def bare(h: int) -> Marker:
    ...     return Marker(Span(0, 1), Span(0, 1), "d", clock=dt.time(h, 5), bare12=True)
    >>> [m.clock.hour for m in _resolve_twelve_hour_page([bare(11), bare(12), bare(1)])]
    [11, 12, 13]
    >>> [m.clock.hour for m in _resolve_twelve_hour_page([bare(2), bare(1), bare(11)])]
    [14, 13, 11]
    >>> [m.clock.hour for m in _resolve_twelve_hour_page([bare(2), bare(3)])]
    [14, 15]
    >>> [m.clock.hour for m in _resolve_twelve_hour_page([bare(11), bare(12), bare(1)], night=True)]
    [23, 0, 1]
    """
    timed = [i for i, m in enumerate(markers) if m is not None and m.clock is not None]
    if not timed or not all(_bare12(markers[i]) for i in timed):
        return list(markers)
    latest = max(range(len(timed)), key=lambda k: (_clock(markers[timed[k]]).hour, -k))
    out = list(markers)
    first = markers[timed[latest]]
    anchor = _clock(first)
    said = _said_hour(anchor.hour % 12, night=night)
    if first is not None and said != anchor.hour:
        out[timed[latest]] = attrs.evolve(first, clock=anchor.replace(hour=said))
    for path in (timed[latest + 1 :], timed[:latest][::-1]):
        ref = said * 60 + anchor.minute
        for i in path:
            marker = markers[i]
            assert marker is not None
            clock = _nearest_half(_clock(marker), ref)
            if clock != marker.clock:
                out[i] = attrs.evolve(marker, clock=clock)
            ref = _clock_minutes(clock)
    return out


def _said_hour(hour: int, *, night: bool) -> int:
    """The hour meant by a 12-hour clock's ``hour`` (0 for 12) said without am/pm: by
    day 7 to 11 in the morning, 12 at noon, 1 to 6 in the afternoon; at night 6 to 11 in
    the evening, 12 at midnight, 1 to 5 in the small hours."""
    if night:
        return hour + 12 if hour >= 6 else hour
    return hour + 12 if hour <= 6 else hour


def _bare12(marker: Marker | None) -> bool:
    return marker is not None and marker.bare12


def _clock(marker: Marker | None) -> dt.time:
    assert marker is not None
    assert marker.clock is not None
    return marker.clock


def _clock_minutes(clock: dt.time) -> int:
    return clock.hour * 60 + clock.minute


def _scan(text: str, pool: Sequence[Dialect]) -> dict[str, list[Marker]]:
    """Every dialect's candidates, scanning only what each can match.

    Built-in line-start dialects scan the heads of the candidate lines (see
    :mod:`liveblog.markers.lines`); a dialect with a ``needle`` is skipped when the
    needle is absent; any other dialect scans the whole text.
    """
    shared: LineScan | None = None  # the candidate lines, read once for every dialect
    found: dict[str, list[Marker]] = {}
    for dialect in pool:
        needle = getattr(dialect, "needle", None)
        if needle is not None and not needle_found(needle, text):
            found[dialect.name] = []
        elif getattr(dialect, "candidate_lines", False) and hasattr(dialect, "scan_lines"):
            if shared is None:
                heads = candidate_heads(text) or all_lines(text)
                shared = LineScan(heads.text, heads.starts, heads.origins)
            lines = (shared.text, shared.starts, shared.origins)
            # the shared reading goes only to PatternDialect itself: a subclass may
            # define scan_lines with the three arguments alone
            scanned = (
                dialect.scan_lines(*lines, shared)
                if type(dialect) is PatternDialect
                else dialect.scan_lines(*lines)
            )
            found[dialect.name] = list(scanned)
        else:
            found[dialect.name] = list(dialect.scan(text))
        checked_markers(dialect, found[dialect.name], text)
    return found


# a relative age opening its line, run into what follows ("2h ago14:32 BST")
_GLUED_AGE = re.compile(
    rf"[ \t\u00a0]*(?:{AGE_COUNT})[ \u00a0]?(?:{AGE_UNIT})[ \t\u00a0]+ago", re.IGNORECASE
)


# what stands between an age and the time it opens the line of: "12m ago · 14:32 BST"
_AGE_SEPARATOR = re.compile(r"[ \t\u00a0]*[·•|]?[ \t\u00a0]*")
_AGE_SEPARATOR_OPENINGS = frozenset(" \t\u00a0·•|")


def _glued_ages(
    text: str, found: dict[str, list[Marker]], pool: Sequence[Dialect]
) -> dict[str, list[Marker]]:
    """``found`` with the markers that an age opening their line is glued to (``2h
    ago14:32 BST``: the line break after the age lost in a copy) or set beside (``12m
    ago · 14:32 BST``), added for each
    line-start dialect that reads one right after the age. The entry starts at the age,
    which stays in its text."""
    at = text.find("ago")
    while at >= 0:
        after = at + 3
        time_at = after
        if text[after : after + 1] in _AGE_SEPARATOR_OPENINGS:
            sep = _AGE_SEPARATOR.match(text, after)
            time_at = after if sep is None else sep.end()
        if text[time_at : time_at + 1].isdigit():
            start = line_start(text, at)
            age = _GLUED_AGE.match(text, start, after)
            if age is not None and age.end() == after:
                for dialect in pool:
                    if isinstance(dialect, PatternDialect) and dialect.candidate_lines:
                        marker = dialect.match_at(text, time_at)
                        if marker is not None:
                            markers = found.setdefault(dialect.name, [])
                            k = bisect.bisect(markers, after, key=lambda m: m.match.start)
                            markers.insert(k, attrs.evolve(marker, start=start))
        at = text.find("ago", after)
    return found


_HOUR = dt.timedelta(hours=1)


def _ages_without_ago(text: str, ages: list[Marker]) -> list[Marker]:
    """The ``relative-age`` candidates of a page, less those written without "ago"
    (``34m``, ``2 mins`` alone on their lines) unless there are two or more and they are
    no match report's minutes (``67 min`` over its text): a platform writes an hour as
    ``1 hr`` and lists its newest post first, so a line of 60 minutes or more, or ages
    that shrink down the page more often than they grow, are no ages."""
    bare = [m for m in ages if text[m.span[1] - 3 : m.span[1]].lower() != "ago"]
    if not bare:
        return ages
    hour_in_minutes = {
        id(m)
        for m in bare
        if m.age is not None
        and m.age >= _HOUR
        and text[m.span[0] : m.span[1]].lstrip("0123456789, \t\u00a0")[:1] in ("m", "M")
    }
    if len(bare) > 1 and not hour_in_minutes and _growth(bare) >= 0:
        return ages
    dropped = {id(m) for m in bare} - _fitting_lone_ages(ages, bare, hour_in_minutes)
    return [m for m in ages if id(m) not in dropped]


def _without_datelines(text: str, stamps: list[Marker]) -> list[Marker]:
    """The ``updated-at`` candidates, less the first two when they stand on consecutive
    lines with nothing between them: an article's dateline (``Published 10:05 GMT`` over
    ``Updated 14:32 GMT``), not posts (a post whose text was lost, further down, keeps
    its stamp)."""
    between = text[stamps[0].match.end : stamps[1].start]
    if between.strip() or between.count("\n") + between.count("\r") > 1 + ("\r\n" in between):
        return stamps
    return stamps[2:]


def _growth(ages: Sequence[Marker]) -> int:
    """How many more times the ages grow than shrink from one to the next."""
    pairs = [(a.age, b.age) for a, b in itertools.pairwise(ages) if a.age and b.age]
    return sum(a < b for a, b in pairs) - sum(a > b for a, b in pairs)


def _fitting_lone_ages(ages: list[Marker], bare: list[Marker], ruled_out: set[int]) -> set[int]:
    """The ids of the ages without "ago" (``bare``) that stand, on a page of two or more
    ages with it, where their age fits between the nearest ones above and below in the
    order those run (an "ago" lost in a copy); no age written as an hour or more in
    minutes (``67 min``, a match clock)."""
    lone = {id(m) for m in bare}
    agos = [m for m in ages if id(m) not in lone]
    if len(agos) < 2:  # an order needs two
        return set()
    sign = 1 if _growth(agos) >= 0 else -1
    starts = [m.match.start for m in agos]
    fitting: set[int] = set()
    for m in bare:
        if m.age is None or id(m) in ruled_out:
            continue
        k = bisect.bisect(starts, m.match.start)
        around = [a.age * sign for a in agos[max(k - 1, 0) : k + 1] if a.age is not None]
        if k == 0:
            around.insert(0, m.age * sign)
        elif k == len(agos):
            around.append(m.age * sign)
        else:
            around.insert(1, m.age * sign)
        if around == sorted(around):
            fitting.add(id(m))
    return fitting


def _lone_acronyms(
    text: str, found: dict[str, list[Marker]], pool: Sequence[Dialect]
) -> dict[str, list[Marker]]:
    """Give back to the text a word read as an unknown zone that is an acronym opening
    the post (``09:40 RMT: the union says``): one written at a single timed place, on a
    page with more timed places than that, with a colon and text after it. The marker
    ends at its clock and goes to the dialect that reads a clock followed by such text
    (the one whose ``tail`` fits there, with the same ``head``); the acronym opens the
    body."""
    unknown = [m for ms in found.values() for m in ms if m.zone_text and m.zone is None]
    if not unknown:
        return found
    places: dict[str, set[int]] = {}
    for m in unknown:
        if m.clock is not None:
            places.setdefault(m.zone_text, set()).add(m.match.start)
    timed = {m.match.start for ms in found.values() for m in ms if m.clock is not None}
    lone = {z for z, where in places.items() if len(where) == 1 and 2 * len(where) < len(timed)}
    if not lone:
        return found
    dialects = {d.name: d for d in pool if type(d) is PatternDialect}
    out = {name: list(markers) for name, markers in found.items()}
    for name, markers in found.items():
        head = getattr(dialects.get(name), "head", None)
        for m in markers:
            if m.zone is not None or m.zone_text not in lone or head is None:
                continue
            line = _LINE_END.match(text, m.span.end)
            assert line is not None  # [^\r\n]* matches everywhere
            rest = line.group().lstrip(MARKER_BLANKS)
            end = m.span.end - len(m.zone_text)
            if (
                not (rest.startswith(":") and rest[1:].strip())
                or text[end : m.span.end] != m.zone_text
            ):
                continue
            while end > m.span.start and text[end - 1] in MARKER_BLANKS:
                end -= 1
            for other in dialects.values():
                tail_end = other.tail_end(text, end) if other.head == head else None
                if tail_end is not None:
                    out[name].remove(m)
                    out[other.name].append(
                        _without_zone(
                            text, m, other.name, unchecked_span(m.span.start, end), tail_end
                        )
                    )
                    out[other.name].sort(key=lambda k: k.match.start)
                    break
    return out


# a zone abbreviation opening a line, then a colon and text: "GMT: President Zelensky"
_ZONE_OPENING = regex.compile(
    r"[ \t\u00a0]*+(\p{Lu}{2,5}(?:[+-]\d\d?(?::\d\d)?)?)[ \t\u00a0]*+:[ \t\u00a0]*+(?=\S)"
)


def _zone_below(text: str, found: dict[str, list[Marker]]) -> dict[str, list[Marker]]:
    """Give a marker the zone a copy broke off onto the next line (``UPDATE 1520`` over
    ``GMT: President Zelensky ...``): a timed marker that writes no zone, ends its line
    and has its text after it (not a bare time above a headline), followed by a line
    opening with a zone abbreviation and a colon, reads that zone, and its match ends
    after the colon."""
    out = dict(found)
    for name, markers in found.items():
        fixed: list[Marker] | None = None
        for k, m in enumerate(markers):
            end = m.match.end
            if text[end : end + 1] not in _LINE_END_CHARS:
                continue  # text follows on the marker's line (the usual case)
            if m.clock is None or m.zone_text or m.headline_next or m.kind != "entry":
                continue
            line = _LINE_END.match(text, end)
            assert line is not None  # [^\r\n]* matches everywhere
            if line.group().strip() or line.end() == len(text):
                continue
            zone = _ZONE_OPENING.match(text, _line_start_after(text, line.end()))
            spec = None if zone is None else lookup_zone(zone.group(1))
            if zone is None or spec is None:
                continue
            fixed = list(markers) if fixed is None else fixed
            fixed[k] = attrs.evolve(
                m,
                span=unchecked_span(m.span.start, zone.end(1)),
                match=unchecked_span(m.match.start, zone.end()),
                zone=spec,
                zone_text=zone.group(1),
                shape=m.shape.rstrip(":.-") + "z:",
            )
        if fixed is not None:
            out[name] = fixed
    return out


# what may follow a marker that ends its line: the line's end or blanks before it
_LINE_END_CHARS = frozenset(("\n", "\r", " ", "\t", ""))


# a line that ends with a comma: where a copy may have broken a time from its date
_COMMA_BREAK = re.compile(r",[ \t\u00a0]*(?:\r\n|\r|\n)")
# the most characters of each of the two lines of a broken stamp
_STAMP_LINE = 40


def _broken_stamps(
    text: str, found: dict[str, list[Marker]], pool: Sequence[Dialect]
) -> dict[str, list[Marker]]:
    """Add the stamps alone on their line that a copy broke in two after a comma (``2:37
    p.m. ET,`` over ``March 3, 2021``): a short line opening with a digit and ending
    with a comma, which with the short line under it is a marker of a dialect whose
    markers stand alone on their line, that writes a date. The marker holds both
    lines."""
    out = dict(found)
    dialects: list[PatternDialect] | None = None
    for comma in _COMMA_BREAK.finditer(text):
        first = line_start(text, comma.start())
        if (
            comma.start() - first > _STAMP_LINE
            or not text[first : comma.start()].lstrip()[:1].isdigit()
        ):
            continue
        below = _LINE_END.match(text, comma.end())
        assert below is not None  # [^\r\n]* matches everywhere
        if not below.group().strip() or below.end() - comma.end() > _STAMP_LINE:
            continue
        # the two lines as one, the line break written as blanks (the offsets stay)
        region = text[first : below.end()]
        joined = region.replace("\r\n", "  ").replace("\n", " ").replace("\r", " ")
        opening = len(joined) - len(joined.lstrip())
        if dialects is None:
            dialects = [
                d
                for d in pool
                if isinstance(d, PatternDialect) and d.headline == "next-line" and d.kind == "entry"
            ]
        for dialect in dialects:
            m = dialect.match_at(joined, opening)
            if m is None or not _dated(m) or m.problem is not None:
                continue
            marker = attrs.evolve(
                m,
                span=unchecked_span(m.span.start + first, m.span.end + first),
                match=unchecked_span(m.match.start + first, m.match.end + first),
                start=m.start + first,
            )
            markers = out.get(dialect.name, [])
            if not any(k.start < marker.match.end and marker.start < k.match.end for k in markers):
                out[dialect.name] = sorted([*markers, marker], key=lambda k: k.match.start)
            break
    return out


def _without_zone(text: str, marker: Marker, dialect: str, span: Span, end: int) -> Marker:
    """``marker`` read by ``dialect`` as ``span``, its clock alone, its match ending at
    ``end``: its shape loses the zone and ends with what now follows the clock."""
    after = text[span.end : end].strip(MARKER_BLANKS)[:1]
    head = marker.shape[: marker.shape.index("z")]
    dated = "d" if marker.day is not None or marker.month_day is not None else ""
    return attrs.evolve(
        marker,
        span=span,
        match=unchecked_span(marker.match.start, end),
        dialect=dialect,
        zone_text="",
        shape=head + dated + ("-" if after in "–—" and after else after),
    )


# a marker's sort key in text order (C: no Python call a marker)
_MATCH_START = operator.attrgetter("match.start")


def _valid(markers: Sequence[Marker]) -> list[Marker]:
    return [m for m in markers if m.problem is None]


def _clock_style(marker: Marker) -> tuple[str, str]:
    """How a marker writes its clock: am/pm, 24-hour or four digits, and the separator
    between hours and minutes (``11.40am`` and ``9.05am:`` alike, ``11:40`` not)."""
    digits = marker.shape[:1]
    separator = marker.shape[1:2] if marker.shape[1:2] in (":", ".") else ""
    return ("n" if digits in ("1", "2") else digits), separator


def _is_label(marker: Marker) -> bool:
    """A marker that states no time at all: a label such as ``UPDATE:``."""
    return (
        marker.clock is None
        and marker.age is None
        and marker.weekday is None
        and not _dated(marker)
    )


def _fits_alone(
    text: str,
    marker: Marker,
    base: Sequence[Marker],
    starts: Sequence[int],
    *,
    keyword: bool = False,
    headers: Sequence[Marker] = (),
    own: bool = False,
) -> bool:
    """Whether one weak candidate of another dialect is an entry ``base`` missed,
    opening a paragraph among ``base``'s markers: a label that states no time
    (``UPDATE: Corrects the spelling ...`` between wire items), or a clock written like
    ``base``'s but for its punctuation (``11.40am Rachel Reeves leaves`` among
    ``12.31pm:`` lines) with a time between the markers on either side in the page's
    direction. A ``keyword`` marker, of a dialect one marker of which makes a blog
    (``UPDATE 1555:``), says it opens a post however its clock is written: it fits at
    a time between its neighbours, or above or below all of them at a time that
    continues the page's order; one that writes a zone the page's markers do not is
    read at an offset between the two wall clocks (see :func:`_merged_counts`). A
    day-only marker (``Thursday:``) fits where :func:`_day_fits` or :func:`_opens_day`
    (among the day ``headers``) says. Among the markers of a dialect of the caller's
    ``own``, read by the marker's dialect as well, a clock may also stand above all of
    them, continuing their order: the page's first post (the newest of a newest-first
    page), which the caller's pattern missed, as it may miss one between them."""
    k = bisect.bisect_right(starts, marker.start)
    day_only = _is_day_only(marker)
    # a day-only or keyword marker may open or close the page's run of entries, a time
    # falls inside or below the last (the page's first post, its order continued), and
    # a label also above the newest post of a newest-first page, and a clock above a
    # dialect of the caller's own
    top = (
        day_only
        or keyword
        or (k == 0 and _is_label(marker) and _direction(base) is True)
        or (k == 0 and own and marker.clock is not None)
    )
    bottom = day_only or keyword or (marker.clock is not None and k > 0)
    if not (top or k > 0) or not (k < len(base) or (bottom and k == len(base))):
        return False
    start = line_start(text, marker.start)
    if text[start : marker.start].strip() or (not keyword and _line_before(text, start)[1].strip()):
        return False  # not the first line of a paragraph (a keyword's: of its line)
    if _is_label(marker):
        return True
    if day_only:
        return _day_fits(marker, base, k) or _opens_day(marker, base, headers)
    if marker.clock is None:
        return False
    styles = [_clock_style(m) for m in base]
    usual = max(set(styles), key=styles.count)
    if not keyword and (
        _clock_style(marker) != usual or styles.count(usual) < _MAJORITY * len(styles)
    ):
        return False
    newest_first = _direction(base)
    if newest_first is None:
        return False
    neighbours = base[max(k - 1, 0) : k + 1]
    forward, backward = _merged_counts(
        neighbours, [marker], newest_first=newest_first, frames=keyword
    )
    steps = len(neighbours)
    return (backward, forward) == (steps, 0) if newest_first else (forward, backward) == (steps, 0)


def _heads_run(text: str, marker: Marker, first: Marker) -> bool:
    """Whether ``marker`` opens the line on which ``first`` (a marker found inside a
    line) follows it: the head of entries run together in one paragraph."""
    between = text[marker.match.end : first.start]
    return (
        "\n" not in between
        and "\r" not in between
        and not text[line_start(text, marker.start) : marker.start].strip()
    )


def _is_day_only(marker: Marker) -> bool:
    """A marker that states a weekday and nothing else: ``Saturday:``."""
    return (
        marker.weekday is not None
        and marker.clock is None
        and marker.age is None
        and not _dated(marker)
    )


def _day_fits(marker: Marker, base: Sequence[Marker], k: int) -> bool:
    """Whether a day-only marker, between ``base[k - 1]`` and ``base[k]`` (either may be
    missing), names the day of each neighbour or the day next to it in the page's
    order, where every neighbour writes its weekday (``Saturday 4.15pm``)."""
    newest_first = _direction(base)
    if newest_first is None or marker.weekday is None:
        return False
    for neighbour in base[max(k - 1, 0) : k + 1]:
        if neighbour.weekday is None:
            return False
        step = neighbour.weekday - marker.weekday
        if (neighbour.start < marker.start) != newest_first:
            step = -step  # the neighbour is the earlier of the two
        if step % 7 > 1:
            return False
    return True


def _opens_day(marker: Marker, base: Sequence[Marker], headers: Sequence[Marker]) -> bool:
    """Whether a day-only marker (``Thursday:``) is the first post of the day under the
    nearest day header above it, which names its weekday (``Thursday 9 November``): no
    marker of ``base`` stands between the two (on a newest-first page, the last post:
    none stands between it and the next header or the end)."""
    k = bisect.bisect_right([h.start for h in headers], marker.start)
    if k == 0 or headers[k - 1].weekday != marker.weekday:
        return False
    if _direction(base) is True:
        start, end = marker.start, headers[k].start if k < len(headers) else sys.maxsize
    else:
        start, end = headers[k - 1].start, marker.start
    return not any(start < m.start < end for m in base)


def _joining_dialects(
    text: str,
    best: str,
    others: Sequence[str],
    found: dict[str, list[Marker]],
    scores: dict[str, DialectScore],
    *,
    weak: Collection[str] = (),
    keywords: Collection[str] = (),
) -> list[str]:
    """The dialects that join ``best``: the one that adds the most new markers to
    ``best``'s without breaking its order, and those that add one label that
    :func:`fits alone <_fits_alone>`.

    A page mixes two styles (``04:00:`` lines and ``3:00am:`` lines, or entries run
    together after a line-start one); a second dialect is kept when it brings at least
    two markers at places ``best`` does not cover and the merged sequence runs at least
    as regularly in one direction as ``best``'s alone. One marker is enough when it
    states a zone or date, or when it :func:`fits alone <_fits_alone>`; the ``weak``
    dialects, too few on the page to stand on their own, can only add such a marker;
    the ``keywords`` dialects are those one marker of which makes a blog.
    Of a dialect that brings several labels stating no time, those that fit alone join:
    ``found`` keeps only those.
    """
    base = sorted(_valid(found[best]), key=_MATCH_START)
    starts = [m.start for m in base]
    ends = [m.match.end for m in base]

    def day_headers(new: Sequence[Marker]) -> list[Marker]:
        """The page's day headers, when ``new`` holds a day-only marker (else none)."""
        if not any(_is_day_only(m) for m in new):
            return []
        return sorted(
            (m for ms in found.values() for m in _valid(ms) if m.kind == "day-header"),
            key=lambda m: m.start,
        )

    choice: tuple[int, str] | None = None
    labels: list[str] = []
    for other in others:
        new = [m for m in _valid(found[other]) if not _overlapping(starts, ends, m)]
        if any(m.clock is not None for m in base):
            # A page that writes clock times shows relative ages ("12m ago") as decoration
            # beside them or in a "Key events" box: they add no entries of their own.
            new = [m for m in new if m.age is None]
        lone = len(new) == 1 and _fits_alone(
            text,
            new[0],
            base,
            starts,
            keyword=other in keywords,
            headers=day_headers(new),
            # a dialect that reads every post of the caller's dialect reads the top one
            # as it does them (not a page's stamp: "Updated 13:45 GMT")
            own=best not in _BUILTIN_NAMES
            and _reads_all(sorted(_valid(found[other]), key=_MATCH_START), base),
        )
        if not lone and len(new) > 1 and all(_is_label(m) for m in new):
            # labels that state no time (``FT:``, ``80 min:``): those that fit alone
            # join, the others stay text
            fitting = [m for m in new if _fits_alone(text, m, base, starts)]
            if fitting:
                found[other] = fitting
                labels.append(other)
            continue
        if lone:
            # an untimed marker changes no order, and a timed one fits between its
            # neighbours: each joins as well ("4.31pm:" and "Correction 4.15pm:" among
            # "4.52pm" lines)
            labels.append(other)
            continue
        too_few = other in weak or scores[other].score < _SECOND_DIALECT_SHARE * scores[best].score
        if too_few and not lone:
            continue
        # a list above the entries (a "Key events" box) is chrome; the head of a run of
        # entries on the first one's line ("16:03 GMT - text. 15:47 GMT - text") is not
        inside = [
            m for m in new if base and (base[0].start < m.start or _heads_run(text, m, base[0]))
        ]
        if not inside or (len(new) < 2 and not all(m.is_strong for m in new) and not lone):
            continue
        forward, backward = _merged_counts(base, new, frames=other in keywords)
        steps = forward + backward
        regular = 1.0 if steps == 0 else max(forward, backward) / steps
        fits = regular + _TOLERANCE >= scores[best].monotonic
        if fits and (choice is None or len(new) > choice[0]):
            choice = (len(new), other)
    return labels if choice is None else [choice[1], *labels]


# the offsets between two zones' wall clocks, in minutes: whole and half hours
_OFFSETS = range(-14 * 60, 14 * 60 + 1, 30)


def _shifted(marker: Marker, minutes: int) -> Marker:
    """``marker`` with its clock moved by ``minutes`` on the 24-hour circle."""
    assert marker.clock is not None
    total = (marker.clock.hour * 60 + marker.clock.minute + minutes) % 1440
    return attrs.evolve(marker, clock=marker.clock.replace(hour=total // 60, minute=total % 60))


def _merged_counts(
    base: Sequence[Marker],
    new: Sequence[Marker],
    *,
    newest_first: bool | None = None,
    frames: bool = False,
) -> tuple[int, int]:
    """(forward, backward) steps of ``base`` and ``new`` merged in text order.

    With ``frames``, for markers whose keyword says they open a post (``UPDATE 1648
    GMT:``): new markers that all write one zone among markers that write none (bare
    ``18:52`` lines of a page in Kyiv time) are on another wall clock, and the page's
    zone is not known yet (a statement or ``tz`` gives it later), so their times are
    read at the offset between the two zones that runs the merged sequence most
    regularly (or most in the direction ``newest_first`` gives), the same offset for
    all of them. A clock with a zone and no keyword (``09:00 GMT: Arrival of leaders``
    in a post's schedule) is read on the wall clock: at some offset it would fit
    anywhere.
    """
    merged = sorted([*base, *new], key=_MATCH_START)
    counts = direction_counts(merged)

    def goodness(counts: tuple[int, int]) -> float:
        forward, backward = counts
        if newest_first is None:
            return max(counts) / (forward + backward) if forward + backward else 1.0
        return backward - forward if newest_first else forward - backward

    zones = {m.zone_text for m in new}
    if (
        not frames
        or len(zones) != 1
        or "" in zones
        or any(m.zone_text for m in base)
        or any(m.clock is None or _dated(m) or m.weekday is not None for m in new)
        or not (min(counts) if newest_first is None else counts[0 if newest_first else 1])
    ):  # nothing to move, or no step against the page's direction to mend
        return counts
    moved = {id(m) for m in new}
    best = counts
    for minutes in _OFFSETS:
        shifted = [_shifted(m, minutes) if id(m) in moved else m for m in merged]
        tried = direction_counts(shifted)
        if goodness(tried) > goodness(best):
            best = tried
    return best


_TIMED_KINDS = frozenset({"entry", "closing"})


def choose_markers(
    text: str, dialects: Sequence[Dialect], *, forced: Dialect | None = None
) -> Choice:
    """Scan ``text`` with every dialect and keep the markers of the chosen ones.

    Args:
        text: the whole document.
        dialects: the candidates, in priority order (earlier wins ties and overlaps; a
            dialect named as no built-in one goes before the built-in ones, and of two
            such, the one that reads more of the same places goes first).
        forced: when given, only this dialect is used, whatever the evidence.
    """
    pool = [forced] if forced is not None else list(dialects)
    # a dialect of post numbers, or a fallback one, is scanned only on a page no other
    # entry dialect fits
    scanned = (
        pool
        if forced is not None
        else [d for d in pool if not _is_numbered(d) and not _is_fallback(d)]
    )
    found = _lone_acronyms(text, _glued_ages(text, _scan(text, scanned), scanned), scanned)
    found = _zone_below(text, found)
    found = _broken_stamps(text, found, scanned)
    if found.get("relative-age"):
        found["relative-age"] = _ages_without_ago(text, found["relative-age"])
    if len(found.get("updated-at", ())) > 1:
        found["updated-at"] = _without_datelines(text, found["updated-at"])
    if forced is not None and _is_numbered(forced) and found.get(forced.name):
        # forced, every candidate opens an entry; its number still gives the order
        found[forced.name] = [
            attrs.evolve(m, number=int(digits.group()))
            if (digits := _DIGITS.search(text, m.span.start, m.span.end))
            else m
            for m in found[forced.name]
        ]
    scores = {name: _score(name, ms) for name, ms in found.items() if ms}
    # priority order: on equal evidence, and where two chosen dialects read the same
    # place, a dialect the caller added (named as no built-in one) goes before the
    # built-in ones, wherever it stands in ``dialects``: it is the more specific to its site
    rank = {d.name: i if d.name in _BUILTIN_NAMES else i - len(pool) for i, d in enumerate(pool)}
    minimum = {
        d.name: (getattr(d, "min_count", 1), getattr(d, "min_count_strong", 1)) for d in pool
    }

    def kind_of(name: str) -> str:
        return found[name][0].kind

    def eligible(name: str) -> bool:
        valid = _valid(found[name])
        plain, strong = minimum[name]
        return len(valid) >= plain or (len(valid) >= strong and any(m.is_strong for m in valid))

    def reach(name: str) -> int:
        """Minus how much of the page a dialect of the caller's own reads (0 for a
        built-in one): of two of the caller's on equal evidence, the one that reads more
        of the same places goes first, whatever their order in ``dialects``."""
        if rank[name] >= 0:
            return 0
        return -sum(m.match.end - m.match.start for m in _valid(found[name]))

    usable = sorted(
        (n for n in scores if kind_of(n) in _TIMED_KINDS and scores[n].accepted),
        key=lambda n: (-scores[n].score, rank[n] >= 0, reach(n), rank[n]),
    )
    timed = _times_over_ages(text, [n for n in usable if eligible(n)], found)
    # a dialect one plain marker of which makes a blog (UPDATE 1555:) states that its
    # marker opens a post
    keywords = {n for n in usable if minimum[n][0] == 1}
    if forced is None and any(n not in _BUILTIN_NAMES for n in timed[1:]):
        timed = _user_first(text, timed, found, scores, keywords=keywords)
    if timed and forced is None and len(found[timed[0]]) < _RUN_MIN:
        # a time or two in a run of numbered posts' headlines (Update #2 - Midday) makes
        # no timed blog: the run's posts are the page's
        numbered = _numbered_posts(text, pool)
        if numbered is not None and _within_run(text, found[timed[0]], numbered[1]):
            found[numbered[0]] = numbered[1]
            scores[numbered[0]] = _score(*numbered)
            timed = [numbered[0]]
    if not timed and forced is None:
        timed = _fallbacks(text, pool, found, scores, eligible)
    if not timed and forced is None:
        run = _run_together(text, found, pool)
        if run is not None:
            scores[run] = _score(run, found[run])
            timed = [run]
        else:
            numbered = _numbered_posts(text, pool) or _match_minutes(text, found)
            if numbered is not None:
                found[numbered[0]] = numbered[1]
                scores[numbered[0]] = _score(*numbered)
                timed = [numbered[0]]
    chosen: list[str] = []
    report_only: list[str] = []
    if forced is not None:
        chosen = list(scores)
    else:
        chosen = [n for n in scores if kind_of(n) not in _TIMED_KINDS]
        if timed:
            chosen.append(timed[0])
            weak = {n for n in usable if not eligible(n)}
            others = [n for n in usable if n != timed[0]]
            chosen.extend(
                _joining_dialects(
                    text, timed[0], others, found, scores, weak=weak, keywords=keywords
                )
            )
        else:
            # no timed dialect fits the page: still report its impossible candidates
            report_only = [n for n in scores if kind_of(n) in _TIMED_KINDS]

    def precedence(marker: Marker) -> tuple[int, int]:
        """Which of two markers read at one place goes first: a dialect of the
        caller's own before a built-in one; of the caller's, the one that reads more of
        the place (``09:45 by Jane:`` before ``09:45 by``), whatever their order in
        ``dialects``; then the priority order."""
        own = rank[marker.dialect] < 0
        return (-(marker.match.end - marker.match.start) if own else 0), rank[marker.dialect]

    picked = sorted(
        (m for n in chosen for m in found[n]),
        key=lambda m: (m.match.start, *precedence(m)),
    )
    markers: list[Marker] = []
    rejected = [m for n in report_only for m in found[n] if m.problem is not None]
    for marker in picked:
        if marker.problem is not None:
            rejected.append(marker)
            continue
        if markers and marker.start < markers[-1].match.end:
            if precedence(marker) < precedence(markers[-1]):
                markers[-1] = marker
            continue
        markers.append(marker)
    resolved = resolve_meridiem(markers)
    listed = [m for m in resolved if m is not None]
    kept = _drop_embedded_lists(text, listed, keep=keywords)
    if len(kept) < len(listed):
        # a list's am/pm (10pm: Polls close) gives none to the posts: read theirs again
        ids = {id(m) for m in kept}
        posts = [m for m, r in zip(markers, resolved, strict=True) if id(r) in ids]
        kept = [m for m in resolve_meridiem(posts) if m is not None]
    markers = kept
    markers = _drop_odd_shapes(text, markers)
    markers = _dated_chrome(text, markers)
    if _is_timetable(text, markers) or _is_recording(text, markers):
        markers = [m for m in markers if m.kind not in _TIMED_KINDS]
    markers = _keyword_above(text, markers)
    markers = _bylines_above(text, markers)
    markers = _labels_above(text, markers)
    markers = _key_events(text, markers)
    markers = _headline_above(text, markers)
    markers = _closing_layout(text, markers)
    markers = _opening_bylines(text, markers)
    markers = _glued_to_sentences(text, markers, pool)
    markers = _page_stamp(text, markers)
    markers = _pinned(text, markers)
    markers = _bylines_below(text, markers)
    evidence = tuple(sorted(scores.values(), key=lambda s: (-s.score, rank[s.name])))
    names = tuple(sorted(chosen, key=lambda n: -sum(m.dialect == n for m in markers)))
    return Choice(
        markers=tuple(markers),
        rejected=tuple(sorted(rejected, key=_MATCH_START)),
        choice=DialectChoice(
            names=tuple(n for n in names if any(m.dialect == n for m in markers)),
            evidence=evidence,
        ),
    )


def _user_first(
    text: str,
    timed: list[str],
    found: dict[str, list[Marker]],
    scores: dict[str, DialectScore],
    *,
    keywords: Collection[str],
) -> list[str]:
    """``timed`` (the eligible dialects, best first), with the best dialect of the
    caller's own (named as no built-in one) moved before the built-in ones ahead of it
    that read the page only about as well.

    A built-in dialect ``B`` ahead of the caller's dialect ``U`` reads the page about
    as well when ``B`` reads a marker at every place ``U`` does (``U`` is the more
    specific reading of the same posts, ``09:45 by Jane:`` where ``clock-inline`` reads
    ``09:45``), in no more regular an order there (else ``B`` reads the times better),
    and ``B``'s other markers are few, too few to stand as a style of their own beside
    ``U`` (less than the share a second dialect needs, ``_SECOND_DIALECT_SHARE``, of
    ``U``'s score), and add nothing ``U`` would lose: either each is a :func:`stray
    <_is_stray>` (inside a paragraph where ``U``'s markers open theirs, or against
    their order: ``14:00: the minister said`` in a post's text), or they join ``U`` as
    a second dialect would (see :func:`_joining_dialects`: a post without a byline
    among bylined ones), so ``B`` still reads them. When ``U`` goes first, ``found``
    keeps none of ``B``'s strays: ``B`` joins ``U`` for its posts alone.
    """
    mine = next(n for n in timed if n not in _BUILTIN_NAMES)
    k = timed.index(mine)
    base = sorted(_valid(found[mine]), key=_MATCH_START)
    starts = [m.start for m in base]
    ends = [m.match.end for m in base]
    kept: dict[str, list[Marker]] = {}
    for name in timed[:k]:
        theirs = sorted(_valid(found[name]), key=_MATCH_START)
        if not _reads_all(theirs, base):
            return timed  # a place ``U`` reads and ``B`` does not: the evidence decides
        shared = [m for m in theirs if _overlapping(starts, ends, m)]
        if _score(name, shared).monotonic > scores[mine].monotonic + _TOLERANCE:
            return timed  # ``B`` reads the same places in a more regular order
        extras = [m for m in theirs if not _overlapping(starts, ends, m)]
        if not extras:
            continue
        if _score(name, extras).score >= _SECOND_DIALECT_SHARE * scores[mine].score:
            return timed  # a style of their own beside ``U``'s: the evidence decides
        lines = _lines_of(text, theirs)
        opened = sum(_opens_paragraph(text, m, lines) for m in base) >= _MAJORITY * len(base)
        strays = {
            id(m) for m in extras if _is_stray(text, m, base, lines, opened, scores[mine].monotonic)
        }
        posts = [m for m in found[name] if id(m) not in strays]
        if len(strays) < len(extras) and name not in _joining_dialects(
            text, mine, [name], {**found, name: posts}, scores, keywords=keywords
        ):
            return timed
        kept[name] = posts
    found.update(kept)
    return [mine, *timed[:k], *timed[k + 1 :]]


def _reads_all(theirs: Sequence[Marker], base: Sequence[Marker]) -> bool:
    """Whether a marker of ``theirs`` (sorted) overlaps every marker of ``base``."""
    starts, ends = [m.start for m in theirs], [m.match.end for m in theirs]
    return all(_overlapping(starts, ends, m) for m in base)


def _overlapping(starts: Sequence[int], ends: Sequence[int], marker: Marker) -> bool:
    """Whether ``marker`` overlaps one of the markers starting at ``starts`` (sorted)
    and ending at ``ends``."""
    j = bisect.bisect_right(starts, marker.match.end) - 1
    return j >= 0 and ends[j] > marker.start


def _is_stray(  # noqa: PLR0917 - positional: one call per extra marker
    text: str,
    marker: Marker,
    base: Sequence[Marker],
    lines: Collection[int],
    opened: bool,
    regular: float,
) -> bool:
    """Whether ``marker``, read where no marker of ``base`` is, is a time in a post's
    text rather than a post ``base`` missed: it does not open a paragraph (see
    :func:`_opens_paragraph`; among the page's markers' ``lines``) where most of
    ``base``'s markers open theirs (``opened``), or ``base`` with it runs in one
    direction less often than ``regular`` (``base``'s own share of steps in its
    direction)."""
    if opened and not _opens_paragraph(text, marker, lines):
        return True
    forward, backward = _merged_counts(base, [marker])
    steps = forward + backward
    return steps > 0 and max(forward, backward) / steps + _TOLERANCE < regular


def _within_run(text: str, timed: list[Marker], run: list[Marker]) -> bool:
    """Whether the ``run`` of numbered posts outnumbers the ``timed`` markers and every
    one of them stands on a line of the run's markers (the time in its headline)."""
    lines = {line_start(text, m.start) for m in run}
    return len(run) > len(timed) and all(line_start(text, m.start) in lines for m in timed)


def _times_over_ages(text: str, timed: list[str], found: dict[str, list[Marker]]) -> list[str]:
    """``timed`` (the eligible dialects, best first), with a clock dialect first when
    the best one reads relative ages and nearly every clock of the other has an age on
    the line right above it (``2h ago`` over ``10:18 ET``): on such a page the ages are
    decoration, and more of them (a "Key events" box) must not outvote the times."""
    if len(timed) < 2 or found[timed[0]][0].age is None:
        return timed  # the best dialect reads no ages (a dialect reads one kind)
    ages = {line_start(text, m.start) for m in found[timed[0]]}
    for name in timed[1:]:
        clocks = _valid(found[name])
        if not clocks or any(m.clock is None for m in clocks):
            continue
        under = sum(_line_before(text, line_start(text, m.start))[0] in ages for m in clocks)
        if under >= _MAJORITY * len(clocks):
            return [name, *(n for n in timed if n != name)]
    return timed


def _is_dense(text: str, before: Marker, after: Marker) -> bool:
    """True when ``after`` starts on the line right below ``before``'s line: one line
    break (CRLF, CR or LF) between them, so no blank line either."""
    return one_break(text, before.match.end, after.start)


def one_break(text: str, start: int, end: int) -> bool:
    """True when ``text[start:end]`` holds exactly one line break (CRLF, CR or LF).

    Without a CR the first LF and the last must be one: the two searches stop at the
    ends of the range (the rest of a marker's line, the start of the next one) instead
    of counting through the entry's text between them.

    >>> one_break("a\\nb", 0, 3), one_break("a\\r\\nb", 0, 4), one_break("a\\n\\nb", 0, 4)
    (True, True, False)
    """
    first = text.find("\n", start, end)
    if text.find("\r", start, end) < 0:  # (a C-level search of one character)
        return first >= 0 and text.rfind("\n", start, end) == first
    # each CRLF counts as one break: its CR and its LF are both counted once
    breaks = text.count("\n", start, end) + text.count("\r", start, end)
    return breaks - text.count("\r\n", start, end) == 1


def _drop_embedded_lists(
    text: str, markers: list[Marker], *, keep: Collection[str] = ()
) -> list[Marker]:
    """Drop lists in marker format inside entries (a schedule: ``10am: ...`` lines).

    On a page whose entries are separated by blank lines (more blank gaps between
    them than runs on consecutive lines, however short the page), a run of candidates on
    consecutive lines whose times step against the page's direction (into, inside or
    out of the run) is a list inside an entry, not entries; but not the markers of the
    ``keep`` dialects, whose keyword says they open a post (``UPDATE 1450 GMT:`` on the
    line under a post's text, maybe in another zone than its wall clock says).
    """
    entries = [m for m in markers if m.kind == "entry" and m.clock is not None]
    if len(entries) < 3:
        return markers
    links = [one_break(text, a.match.end, b.start) for a, b in itertools.pairwise(entries)]
    if sum(links) == len(links):
        return markers
    runs: list[range] = []
    i = 0
    while i < len(links):
        if links[i]:
            j = i
            while j < len(links) and links[j]:
                j += 1
            runs.append(range(i, j + 1))  # entries[i..j] stand on consecutive lines
            i = j
        i += 1
    if len(runs) >= len(links) - sum(links):
        # as many runs as blank gaps: posts set out in pairs, not a page of posts
        # separated by blank lines with a list inside one of them
        return markers
    in_runs = {k for run in runs for k in run}
    spine = [m for k, m in enumerate(entries) if k not in in_runs]
    forward, backward = direction_counts(spine if len(spine) >= 2 else entries)
    if forward == backward:
        return markers
    newest_first = backward > forward

    def against(a: Marker, b: Marker) -> bool:
        ahead, behind = direction_counts([a, b])
        return bool(ahead) if newest_first else bool(behind)

    drop: set[int] = set()
    for run in runs:
        # The run's first line may be a real entry whose text lists a schedule below it:
        # it stays when the page's order leads into it.
        head = run.start
        keep_head = head == 0 or not against(entries[head - 1], entries[head])
        members = range(head + 1, run.stop) if keep_head else run
        first, last = max(members.start - 1, 0), min(members.stop, len(entries) - 1)
        steps = zip(entries[first:last], entries[first + 1 : last + 1], strict=True)
        if any(against(a, b) for a, b in steps):
            drop.update(id(entries[k]) for k in members if entries[k].dialect not in keep)
            continue
        # A list that runs the page's way but past the post below it (an oldest-first
        # post at 08:30 listing "09:00 – Polls open ... 22:00 – Polls close" above the
        # 09:05 post) would put that post on the next day: the posts on either side
        # follow each other, and the run adds a whole turn of the clock between them.
        # Its first line is a post only when it opens a paragraph.
        if not keep_head or _line_before(text, line_start(text, entries[head].start))[1].strip():
            head -= 1
        if head >= 0 and run.stop < len(entries):
            path = entries[head : run.stop + 1]
            if _adds_a_day(path, newest_first=newest_first):
                drop.update(id(m) for m in path[1:-1] if m.dialect not in keep)
    return [m for m in markers if id(m) not in drop]


def _adds_a_day(path: Sequence[Marker], *, newest_first: bool) -> bool:
    """Whether stepping through ``path``'s clocks the page's way turns the clock a whole
    day more than stepping from its first to its last (clocks alone, no days).

    >>> from liveblog.model import Span
    >>> mk = lambda h, m=0: Marker(Span(0, 1), Span(0, 1), "d", clock=dt.time(h, m))
    >>> _adds_a_day([mk(8, 30), mk(9), mk(12), mk(22), mk(9, 5)], newest_first=False)
    True
    >>> _adds_a_day([mk(22), mk(22, 30), mk(23, 15), mk(0, 10)], newest_first=False)
    False
    """
    if any(m.clock is None or m.day is not None or m.days_back is not None for m in path):
        return False
    sign = -1 if newest_first else 1
    minutes = [m.clock.hour * 60 + m.clock.minute for m in path if m.clock is not None]
    through = sum((sign * (b - a)) % 1440 for a, b in itertools.pairwise(minutes))
    return through - (sign * (minutes[-1] - minutes[0])) % 1440 >= 1440


def _direction(markers: Sequence[Marker]) -> bool | None:
    """True for newest-first, False for oldest-first, None when undecided."""
    forward, backward = direction_counts(markers)
    return None if forward == backward else backward > forward


def _against(a: Marker, b: Marker, newest_first: bool) -> bool:
    ahead, behind = direction_counts([a, b])
    return bool(ahead) if newest_first else bool(behind)


_MAJORITY = 0.75
_FEW = 4
_GLUED_FEW = 2


def _dated(marker: Marker) -> bool:
    return marker.day is not None or marker.month_day is not None


def _drop_odd_shapes(text: str, markers: list[Marker]) -> list[Marker]:
    """Drop a candidate written unlike the page's markers that also breaks their order.

    On a page whose markers are written one way (``08:05``, ``11:20``), a ``3:16``
    (a verse, a score) that also steps against the page's direction is not a marker;
    nor is a dated line at the top of a page whose entries state no date (the byline
    ``Sun 14 Apr 2024 16.05 BST``, ``Last updated 23:55 24/02/2021``), unless it stands
    under a byline (``By Jane Doe``) as most of them do: the newest post, which shows
    its date (see :func:`_bylines_above`).
    """
    timed = [m for m in markers if m.kind in _TIMED_KINDS and m.clock is not None]
    if len(timed) < _FEW:
        return markers
    top = timed[0]
    if (
        _dated(top)
        and not any(_dated(m) for m in timed[1:])
        and not _under_bylines(text, top, timed[1:])
    ):
        # the page's byline or "last updated" line above entries that state no date
        return _drop_odd_shapes(text, [m for m in markers if m is not top])
    counts: dict[str, int] = {}
    for m in timed:
        counts[m.shape] = counts.get(m.shape, 0) + 1
    usual, most = max(counts.items(), key=lambda kv: kv[1])
    if most < _MAJORITY * len(timed) or most == len(timed):
        return markers
    newest_first = _direction([m for m in timed if m.shape == usual])
    if newest_first is None:
        return markers
    # an odd candidate is judged against the nearest usual markers on either side, so
    # that a run of odd ones (a list of stage times inside a post) cannot vouch for itself
    usual_at = [k for k, m in enumerate(timed) if m.shape == usual]
    drop: set[int] = set()
    for k, m in enumerate(timed):
        if m.shape == usual or m.is_strong:
            continue
        n = bisect.bisect_left(usual_at, k)
        before = timed[usual_at[n - 1]] if n > 0 else None
        after = timed[usual_at[n]] if n < len(usual_at) else None
        if (before is not None and _against(before, m, newest_first)) or (
            after is not None and _against(m, after, newest_first)
        ):
            drop.add(id(m))
    return [m for m in markers if id(m) not in drop]


_TAIL_FEW = 3


def _dated_chrome(text: str, markers: list[Marker]) -> list[Marker]:
    """Drop the dated stamps of a page whose posts state no date when they stand inside
    a paragraph, under a line of text: the card of another article under its title
    (``Related`` / ``Hurricane season 2024: what to know`` / ``Oct. 8, 2024, 7:00
    a.m.``), a comment under its author's name, a printed page's footer under its page
    number (``1 of 2`` / ``1/22/24, 6:04 PM``). The page's own posts open their
    paragraphs; an older post that shows its date (``Oct. 8, 7:00 a.m.`` below the day's
    bare times) opens its paragraph too, and stays.
    """
    timed = [m for m in markers if m.kind in _TIMED_KINDS and m.clock is not None]
    dated = [m for m in timed if _dated(m)]
    if not dated or len(timed) - len(dated) < _TAIL_FEW:
        return markers
    none: frozenset[int] = frozenset()
    # the few dated stamps first: most pages have none inside a paragraph
    drop = {id(m) for m in dated if not _opens_paragraph(text, m, none)}
    if not drop or not all(_opens_paragraph(text, m, none) for m in timed if not _dated(m)):
        return markers
    return [m for m in markers if id(m) not in drop]


_TIMETABLE_MINUTES = 15
_TIMETABLE_FEW = 3
_TIMETABLE_BODY = 80


def _is_timetable(text: str, markers: Sequence[Marker]) -> bool:
    """A schedule in marker format (kick-offs, a TV guide), not a live blog.

    At least three times, every one on the quarter hour, in ascending order (a schedule
    lists what is to come), mostly on consecutive lines, with one short line each.
    """
    timed = [m for m in markers if m.kind in _TIMED_KINDS and m.clock is not None]
    if len(timed) < _TIMETABLE_FEW or any(
        m.clock and m.clock.minute % _TIMETABLE_MINUTES for m in timed
    ):
        return False
    if _direction(timed) is not False:
        return False
    pairs = list(itertools.pairwise(timed))
    if sum(_is_dense(text, a, b) for a, b in pairs) * 2 < len(pairs):
        return False
    gaps = [b.start - a.match.end for a, b in pairs]
    return sum(gaps) / len(gaps) < _TIMETABLE_BODY


# "[00:04]": a recording's timecodes start within minutes of zero
_RECORDING_START = dt.time(0, 10)


def _is_recording(text: str, markers: Sequence[Marker]) -> bool:
    """A transcript's timecodes in square brackets (``[00:04] HOST: ...``, ``[12:31]``),
    not a live blog: the first starts within ten minutes of 00:00 and each is later
    than the one above it."""
    clocks = [
        m.clock
        for m in markers
        if m.kind in _TIMED_KINDS
        and m.clock is not None
        and "[" in text[m.match.start : m.span.start]
    ]
    if len(clocks) < 2 or clocks[0] >= _RECORDING_START:
        return False
    return all(a < b for a, b in itertools.pairwise(clocks))


# A sentence's end (a letter, then . ! or ?, maybe a closing quote or bracket, maybe one
# space) right before a clock: where a marker lost the line break before it
# ("on Sunday.16:02 CET:", "on Sunday. 16:02 CET:").
_GLUED = regex.compile(
    r"\p{L}[.!?][\"”’)]?[ \u00a0]?(?=[0-2]?\d[:.]\d|(?i:update|correction)[ \u00a0,])"
)
# how far before a colon the sentence's end may be ("Sunday. 16:02 CEST:", "leaders.
# UPDATE 1530 GMT:")
_GLUED_REACH = 24


def _glued_places(text: str, markers: Sequence[Marker], start: int) -> list[int]:
    """Where a clock right after a sentence's end may be a glued marker: for each colon
    from ``start`` on outside the markers (most colons are the markers' own), the end
    of a sentence up to :data:`_GLUED_REACH` characters before it."""
    places: list[int] = []
    matches = [m.match for m in markers]
    k = 0
    tried = start - 1
    colon = text.find(":", start)
    while colon >= 0:
        while k < len(matches) and matches[k].end <= colon:
            k += 1
        if k < len(matches) and matches[k].start <= colon:
            colon = text.find(":", matches[k].end)  # inside a marker: skip it
            continue
        found = _GLUED.search(text, max(colon - _GLUED_REACH, tried + 1, 0), colon + 3)
        if found is not None and found.end() <= colon:
            tried = found.end()
            places.append(found.end())
        colon = text.find(":", colon + 1)
    return places


def _glued_to_sentences(
    text: str, markers: list[Marker], dialects: Sequence[Dialect]
) -> list[Marker]:
    """Add the markers that lost the line break before them and are glued to the end of
    the sentence above (``... ended on Sunday.16:02 CET: The ministry said``, ``...
    leaders. UPDATE 1530 GMT: Earlier``), on a page
    whose timed markers (two or more: a page of three posts, one run into another, is a
    page of three) all start lines and are read by one line-start dialect.

    A glued marker is read by that dialect, is written exactly as most of the page's
    markers are (:attr:`Marker.shape`: digits, separator, zone, date), holds a colon (the
    needle: pages whose markers have none are left alone), follows a letter and the
    sentence's punctuation ("at 4.16:02 CET" and "2-1.16:02" stay text), and its time
    falls between the markers on either side in the page's order.
    """
    timed = [m for m in markers if m.kind in _TIMED_KINDS and m.clock is not None]
    if len(timed) < _GLUED_FEW or ":" not in text:
        return markers
    names = {m.dialect for m in timed}
    dialect = next((d for d in dialects if d.name in names), None)
    if (
        len(names) != 1
        or not isinstance(dialect, PatternDialect)
        or not dialect.line_start
        or dialect.kind not in _TIMED_KINDS
    ):
        return markers
    places = _glued_places(text, markers, timed[0].match.end)
    if not places:
        return markers
    shapes = [m.shape for m in timed]
    usual = max(set(shapes), key=shapes.count)
    newest_first = _direction(timed)
    if newest_first is None or shapes.count(usual) < _MAJORITY * len(shapes):
        return markers
    starts = [m.start for m in timed]
    added: list[Marker] = []
    for place in places:
        glued = dialect.match_at(text, place)
        if glued is not None and glued.shape == usual and glued.problem is None:
            k = bisect.bisect_right(starts, glued.start)
            around = [timed[k - 1], glued, *timed[k : k + 1]]
            forward, backward = direction_counts(around)
            steps = len(around) - 1
            if (backward, forward) == ((steps, 0) if newest_first else (0, steps)):
                added.append(glued)
    if not added:
        return markers
    return sorted([*markers, *added], key=lambda m: m.start)


# a clock glued to the end of the sentence before it, a capital after it: "...the
# finals.12:24 Arsenal equalise" (a copy that lost every line break), or after the
# sentence's own blank: "...is out. 22:05 First result" (a post's time: prose writes
# none opening a sentence, "At 22:05 the police said")
_RUN_ON = re.compile(r"(?<=[^\W\d_][.!?])[\"”’)]?[ ]?(?=[0-2]?\d[:.][0-5]\d [^\W\d_])")
_RUN_FEW = 3


def _run_together(text: str, found: dict[str, list[Marker]], pool: Sequence[Dialect]) -> str | None:
    """On a page no timed dialect fits, the first line-start dialect whose markers,
    with those it reads at clocks glued to the sentence before them (two or more), are
    three or more, all written alike, whose times run one way: the posts of a blog
    copied without its line breaks. One such clock, glued or after the sentence's blank
    (``... is out. 22:05 First result``), counts beside two of the dialect's markers: a
    post run into the one above on a page of three (prose opens no sentence with a bare
    clock and a capital). ``found`` gets the dialect's markers."""
    run_on = [m.end() for m in _RUN_ON.finditer(text)]
    places = [p for p in run_on if text[p - 1] != " "]  # glued: no blank before the clock
    if len(places) < _RUN_FEW - 1 and len(run_on) != 1:
        return None
    for dialect in pool:
        if not isinstance(dialect, PatternDialect) or dialect.head is None:
            continue
        glued = [m for p in places if (m := dialect.match_at(text, p)) and m.problem is None]
        own = _valid(found.get(dialect.name, []))
        if len(glued) < _RUN_FEW - 1:
            # one time after a sentence's end and its blank, beside two line-start ones
            glued = [m for p in run_on if (m := dialect.match_at(text, p)) and m.problem is None]
            if len(glued) != 1 or len(own) != _RUN_FEW - 1:
                continue
        markers = sorted([*own, *glued], key=lambda m: m.start)
        forward, backward = direction_counts(markers)
        if (
            len(markers) >= _RUN_FEW
            and len({m.shape for m in markers}) == 1
            and min(forward, backward) == 0
            and forward + backward == len(markers) - 1
        ):
            found[dialect.name] = markers
            return dialect.name
    return None


_HEADLINE_MAX = 150
_SENTENCE_END = tuple('.!?:;"”’)')


def _is_fallback(dialect: Dialect) -> bool:
    """Whether ``dialect`` is scanned only on a page no other entry dialect fits (also
    through a wrapper that passes its attributes on)."""
    return getattr(dialect, "fallback", False) is True


def _fallbacks(
    text: str,
    pool: Sequence[Dialect],
    found: dict[str, list[Marker]],
    scores: dict[str, DialectScore],
    eligible: Callable[[str], bool],
) -> list[str]:
    """On a page no other entry dialect fits, the fallback dialects that fit it, best
    first (their candidates and scores added to ``found`` and ``scores``). A closing
    one fits only when the page's text ends with one of its markers: only then does
    every post end with its time (``... helping. — 14:32``), where a paragraph after the
    last one could be an untimed post or one whose time stands elsewhere, and the
    stamps' posts could run either way."""
    late = [d for d in pool if _is_fallback(d)]
    if not late:
        return []
    fits: list[str] = []
    for name, markers in _scan(text, late).items():
        if not markers:
            continue
        found[name] = markers
        scores[name] = _score(name, markers)
        closing = markers[-1].kind == "closing"
        if (
            scores[name].accepted
            and eligible(name)
            and not (closing and text[markers[-1].match.end :].strip())
        ):
            fits.append(name)
    return sorted(fits, key=lambda n: -scores[n].score)


def _is_numbered(dialect: Dialect) -> bool:
    """Whether ``dialect`` reads post numbers (also through a wrapper that passes its
    attributes on, as ``parse_html``'s does)."""
    return getattr(dialect, "numbered", False) is True


_RUN_MIN = 3  # posts in a run of numbers
_RUN_GAPS = 2  # numbers of deleted posts a run may skip
_DIGITS = re.compile(r"\d+")
# a bare number's headline ends no sentence and introduces no list
_BARE_HEAD_ENDS = (".", ",", ";", ":")


def _numbered_posts(text: str, pool: Sequence[Dialect]) -> tuple[str, list[Marker]] | None:
    """On a page no other entry dialect fits, the markers of the first numbered dialect
    (``Post 14``, ``#12``, ``Update 12``, ``3.`` and a headline) whose numbers, written
    alike, open paragraphs and count by one across the page: its name and the
    markers, each with its :attr:`~Marker.number`; None when there is no such run.

    A run has three posts or more, its numbers all step the same way by one, or by two
    where a post was deleted (two such gaps at most, and fewer than steps of one), and
    its first post stands in the first half of the page (below a title, not at the end
    of an article). Every number written alike at a paragraph's start must belong to
    it: a list that breaks the count is a list. A bare number (``3. Aftersun``) counts
    only on a page that counts down without reaching 1, the number's line a headline
    with text below it: an article's numbered list counts up, and a countdown to number
    one is a top ten.
    """
    for dialect in pool:
        needle = getattr(dialect, "needle", None)
        if not _is_numbered(dialect) or (needle and not needle_found(needle, text)):
            continue
        forms: dict[str, list[Marker]] = {}
        candidates = list(dialect.scan(text))
        checked_markers(dialect, candidates, text)
        lines = {line_start(text, m.start) for m in candidates}
        for m in candidates:
            written = text[m.span.start : m.span.end]
            digits = _DIGITS.search(written)
            if m.problem is not None or digits is None or not _opens_paragraph(text, m, lines):
                continue
            form = " ".join(_DIGITS.sub(" ", written).lower().split())
            if not form and not _bare_post(text, m):
                continue
            forms.setdefault(form, []).append(attrs.evolve(m, number=int(digits.group())))
        for form, markers in sorted(forms.items(), key=lambda kv: -len(kv[1])):
            numbers = [m.number for m in markers if m.number is not None]
            if _counts_by_one(numbers) and 2 * markers[0].start < len(text):
                if not form and (
                    numbers[0] < numbers[-1]
                    or numbers[-1] == 1
                    or _counted_above(text, markers[0].start, numbers[0])
                ):
                    continue
                return dialect.name, markers
    return None


_MATCH_LABEL = "match-label"
# a match minute alone on its line, as a post's stamp: 45+2' | 90’
_MINUTE_ALONE = re.compile(r"[ \t]*(\d{1,3})(?:[ \t]?\+[ \t]?(\d{1,2}))?['’][ \t]*(?=[\r\n]|\Z)")
_MINUTE_MAX = 130  # extra time's last minute, and a few added
# a match's phase alone on its line, in capitals, as a post's stamp: FULL TIME | KICK-OFF!
_PHASE_ALONE = re.compile(
    r"[ \t]*(?:(?:FULL|HALF)[ \t]?[-–]?[ \t]?TIME|KICK[ \t]?[-–]?[ \t]?OFF)"
    r"[ \t]*!?[ \t]*(?=[\r\n]|\Z)"
)


def _match_minutes(text: str, found: dict[str, list[Marker]]) -> tuple[str, list[Marker]] | None:
    """On a page no other entry dialect fits, a match blog's posts stamped with the
    minute alone on its line (``45+2'`` over the text): the match labels that are, each
    opening a paragraph with text on the line below, three or more, their minutes
    running one way down the page (stoppage time after its minute); each with the
    minute as its :attr:`~Marker.number` (``45+2'``: 4502), which gives the order. None
    when there is no such run. A match report's minutes open sentences (``12' Saka
    opened the scoring``), and a key-events box lists them on consecutive lines. With
    the run, a match's phase alone on its line (``FULL TIME``, ``HALF TIME``,
    ``KICK-OFF``), opening a paragraph with text below, opens an untimed post.
    """
    labels = found.get(_MATCH_LABEL)
    if not labels:
        return None
    lines = {line_start(text, m.start) for m in labels}
    posts: list[Marker] = []
    phases: list[Marker] = []
    minutes: list[int] = []
    for m in labels:
        alone = _MINUTE_ALONE.match(text, line_start(text, m.start))
        if alone is None and m.problem is None and _opens_paragraph(text, m, lines):
            phase = _PHASE_ALONE.match(text, line_start(text, m.start))
            if phase is not None:
                under = _LINE_END.match(text, _line_start_after(text, phase.end()))
                if under is not None and under.group().strip():
                    phases.append(m)
        if alone is None or m.problem is not None or not _opens_paragraph(text, m, lines):
            continue
        below = _LINE_END.match(text, _line_start_after(text, alone.end()))
        if below is None or not below.group().strip() or int(alone[1]) > _MINUTE_MAX:
            continue
        minutes.append(int(alone[1]) * 100 + int(alone[2] or 0))
        posts.append(attrs.evolve(m, number=minutes[-1]))
    if len(posts) < _RUN_MIN or 2 * posts[0].start >= len(text):
        return None
    steps = [b - a for a, b in itertools.pairwise(minutes)]
    if not (all(s <= 0 for s in steps) or all(s >= 0 for s in steps)) or not any(steps):
        return None
    return _MATCH_LABEL, sorted([*posts, *phases], key=lambda m: m.start)


# numbers written as words in a listicle's title: "Ten best albums", "The twenty ..."
_COUNT_WORDS = {
    w: n
    for n, w in enumerate(
        [
            "zero",
            "one",
            "two",
            "three",
            "four",
            "five",
            "six",
            "seven",
            "eight",
            "nine",
            "ten",
            "eleven",
            "twelve",
            "thirteen",
            "fourteen",
            "fifteen",
            "sixteen",
            "seventeen",
            "eighteen",
            "nineteen",
            "twenty",
        ]
    )
}
_COUNT = re.compile(r"\b(?:\d{1,3}|[a-z]+)\b", re.IGNORECASE)


def _counted_above(text: str, start: int, first: int) -> bool:
    """Whether the text above a countdown's first number names that number (``The 10
    best albums of 2024`` over ``10. Charli XCX – Brat``): a listicle counting down, cut
    before its number one or stopping above it, not posts.

    >>> _counted_above("Ten best films\\n\\n10. Aftersun", 16, 10)
    True
    >>> _counted_above("Oscars live\\n\\n10. Aftersun", 13, 10)
    False
    """
    for m in _COUNT.finditer(text, 0, start):
        word = m.group().lower()
        if (int(word) if word.isdigit() else _COUNT_WORDS.get(word)) == first:
            return True
    return False


def _opens_paragraph(text: str, marker: Marker, lines: Collection[int]) -> bool:
    """Whether ``marker`` begins its line below a blank line, a widget's line (``View
    post``) or the start of the text, or right below a title that stands so (``Draw
    live`` over ``Post 14``, as a page's visible text may join them); never right below
    another candidate's line (``lines``: the items of a list)."""
    start = line_start(text, marker.start)
    if text[start : marker.start].strip():
        return False
    above_start, above, over = _line_before(text, start)
    if not above.strip() or is_ui_line(above):
        return True
    # a title above the first post: a short line that ends no sentence, opening its
    # paragraph, and no other candidate's line
    return above_start not in lines and _is_headline(above) and not over.strip()


def _bare_post(text: str, marker: Marker) -> bool:
    """Whether a bare number (``3.``) heads a post: the rest of its line a headline,
    with text on the line below."""
    line = _LINE_END.match(text, marker.match.end)
    assert line is not None  # [^\r\n]* matches everywhere
    head = line.group().strip()
    below = _LINE_END.match(text, _line_start_after(text, line.end()))
    return (
        0 < len(head) <= _HEADLINE_MAX
        and not head.endswith(_BARE_HEAD_ENDS)
        and below is not None
        and bool(below.group().strip())
    )


def _counts_by_one(numbers: Sequence[int]) -> bool:
    """Whether ``numbers`` count by one, up or down, skipping a deleted post's number
    at most twice and less often than they step by one.

    >>> _counts_by_one([14, 13, 11, 10]), _counts_by_one([14, 12, 10]), _counts_by_one([2, 1])
    (True, False, False)
    """
    if len(numbers) < _RUN_MIN:
        return False
    steps = [b - a for a, b in itertools.pairwise(numbers)]
    sign = 1 if steps[0] > 0 else -1
    if any(step * sign not in (1, 2) for step in steps):
        return False
    gaps = sum(step * sign == 2 for step in steps)
    return gaps <= _RUN_GAPS and gaps < len(steps) - gaps


def _line_end_before(text: str, start: int) -> int:
    """End of the line before the line that begins at ``start`` (before its line break)."""
    return start - (2 if text[start - 2 : start] == "\r\n" else 1)


def _line_start_after(text: str, end: int) -> int:
    """Start of the line after the line that ends at ``end`` (at its line break)."""
    return end + (2 if text.startswith("\r\n", end) else 1)


def _line_before(text: str, position: int) -> tuple[int, str, str]:
    """The line right above ``position``'s line: (its start, its text, the line above it).

    ``position`` must begin its line (after blanks); otherwise nothing is above it.
    """
    end = position
    while end > 0 and text[end - 1] in " \t":
        end -= 1
    if end == 0 or text[end - 1] not in "\r\n":
        return position, "", ""
    end = _line_end_before(text, end)
    # (a blank line above: it opens where it ends, after a line break)
    start = end if text[end - 1 : end] in ("\r", "\n") else line_start(text, end)
    if start == 0:
        return start, text[start:end], ""
    above_end = _line_end_before(text, start)
    return start, text[start:end], text[line_start(text, above_end) : above_end]


def _paragraphs_under(text: str, markers: Sequence[Marker], k: int) -> list[str]:
    """The paragraphs under ``markers[k]``, up to the next marker, stripped."""
    end = markers[k + 1].start if k + 1 < len(markers) else len(text)
    return [p.strip() for p in BLANK_LINE.split(text[markers[k].match.end : end]) if p.strip()]


def _collapse(text: str) -> str:
    return " ".join(text.split())


def _key_events(text: str, markers: list[Marker]) -> list[Marker]:
    """Drop the items of a "Key events" box written in the posts' own format above them
    (``15.48 BST`` over ``Reeves sits down``, and no text): page chrome, left in the
    preamble. The items are the run of timed markers at the top of the page each of
    which has one line in its first paragraph, the first line of a later post with the
    same clock and more text in that paragraph (``15.48 BST`` over ``Reeves sits down``
    over its text; a later post whose first paragraph is that one line repeats it), and
    no other text that post holds (the box's buttons may
    follow the last item); a post printed again in full above the others (a pinned
    copy) is no item."""
    timed = [k for k, m in enumerate(markers) if m.kind == "entry" and m.clock is not None]
    if len(timed) < _FEW:
        return markers
    drop: set[int] = set()
    for n, k in enumerate(timed):
        clock = markers[k].clock
        later = [j for j in timed[n + 1 :] if markers[j].clock == clock]
        if not later:
            break
        paragraphs = _paragraphs_under(text, markers, k)
        if not paragraphs or "\n" in paragraphs[0] or "\r" in paragraphs[0]:
            break
        line = _collapse(paragraphs[0])
        others = _collapse(" ".join(paragraphs[1:]))
        for j in later:
            under = _paragraphs_under(text, markers, j)
            # the later post's headline over its text, in one paragraph: a post that
            # opens with a paragraph of one line (the item's line) repeats it
            head, *more = LINE_BREAK.split(under[0], 1) if under else ("",)
            if not more:
                continue
            rest = _collapse("\n\n".join([more[0], *under[1:]]))
            if _collapse(head) == line and rest and not (others and others in rest):
                drop.add(k)
                break
        else:
            break
    if not drop:
        return markers
    return [m for k, m in enumerate(markers) if k not in drop]


# an update's keyword alone on its line: UPDATE | Correction: (see _keyword_above), and
# the most characters such a line and its line break take
_KEYWORD_REACH = 24
_KEYWORD_ENDS = frozenset("eEnN:, \t\u00a0")
_KEYWORD_LINE = re.compile(r"[ \t\u00a0]*(?:update|correction)[ \t\u00a0]*[,:]?[ \t\u00a0]*", re.I)


def _break_within(text: str, start: int, end: int) -> bool:
    """Whether a line break (LF or CR) stands in ``text[start:end]``."""
    return text.find("\n", start, end) >= 0 or text.find("\r", start, end) >= 0


def _keyword_above(text: str, markers: list[Marker]) -> list[Marker]:
    """Markers whose keyword a copy broke off onto the line above (``UPDATE`` over
    ``1430 GMT: The Kremlin said``), with the keyword's line as their head: the
    marker begins at the keyword, which is no longer left at the end of the entry
    above."""
    out = list(markers)
    for k, marker in enumerate(markers):
        at = marker.match.start
        # (most markers open their line: line_start's searches are skipped)
        first = at if at == 0 or text[at - 1] in "\r\n" else line_start(text, at)
        # the line above ends like a keyword (most markers have a blank line above)
        end = _line_end_before(text, first)
        if (
            end < 1
            or text[end - 1] not in _KEYWORD_ENDS
            or marker.kind != "entry"
            or not marker.is_timed
            or text[first : marker.match.start].strip()
            # and is short: a line break within its reach (or the text's start)
            or (end > _KEYWORD_REACH and not _break_within(text, end - _KEYWORD_REACH, end))
        ):
            continue
        start, line, _ = _line_before(text, first)
        if not line or not _KEYWORD_LINE.fullmatch(line):
            continue
        if k > 0 and markers[k - 1].match.end > start:
            continue  # the line is another marker's
        head = start + len(line) - len(line.lstrip(" \t\u00a0"))
        out[k] = attrs.evolve(
            marker,
            span=unchecked_span(head, marker.span.end),
            match=unchecked_span(head, marker.match.end),
            start=min(marker.start, head),
        )
    return out


def _is_headline(line: str) -> bool:
    line = line.strip()
    return 0 < len(line) <= _HEADLINE_MAX and not line.endswith(_SENTENCE_END)


def _headline_below(text: str, marker: Marker) -> bool:
    """True when the line after the marker's line is a headline with text right below."""
    lines = text[marker.match.end : marker.match.end + 600].splitlines()[1:3]
    return len(lines) == 2 and _is_headline(lines[0]) and bool(lines[1].strip())


# a line of a share or link widget ("Share", "Copy link", "Facebook Twitter", "View post"),
# a comment widget's ("12 comments", "Comments (12)", "View comments", "Like · Reply"), or
# a relative age alone ("1h ago" above "21:58") or left beside a time ("· 2h ago", "(2
# hours ago)")
_UI_LINE = re.compile(
    r"(?:[\s|·•,/()]*(?:share|sharing|copy|copied|link|facebook|twitter|x|whatsapp|e-?mail"
    r"|linkedin|reddit|messenger|telegram|bluesky|threads|pinterest|print|tweet|save|view"
    rf"|show|more|this|post|on|comments?(?:\s*\(?{AGE_COUNT})?|reply|replies|like"
    rf"|{AGE_COUNT}\s?(?:comments?|replies|likes|reactions|shares)"
    rf"|{AGE_COUNT}\s?(?:{AGE_UNIT})\s+ago)\b)+[\s|·•,/()]*",
    re.IGNORECASE,
)


_UI_SEPARATORS = " \t\r\n|·•,/()"
# the first three letters of the words a widget's line opens with: the pattern is tried
# only on lines opening so, with an "x" or with a digit (an age). "on" is left out on
# purpose: it follows a widget word ("Share on X"), and a line opening with it ("On X",
# "On Facebook") is a headline about the site, not a button
_UI_PREFIXES = frozenset(
    {
        *("sha", "cop", "lin", "fac", "twi", "wha", "ema", "e-m", "red", "mes", "tel"),
        *("blu", "thr", "thi", "pin", "pri", "twe", "sav", "vie", "sho", "mor", "pos"),
        *("com", "rep", "lik"),
    }
)
_UI_MAX = 100  # longer lines are text


def is_ui_line(line: str) -> bool:
    """Whether ``line`` is a widget's line of page chrome (share, link and social
    buttons, relative ages), never a headline.

    >>> is_ui_line("Facebook · X · Copy link"), is_ui_line("Share prices fall")
    (True, False)
    """
    if len(line) > _UI_MAX:
        return False
    opening = line.lstrip(_UI_SEPARATORS)[:3].lower()
    if not (opening in _UI_PREFIXES or opening[:1] == "x" or opening[:1].isdigit()):
        return False
    return _UI_LINE.fullmatch(line) is not None


def _headline_above(text: str, markers: list[Marker]) -> list[Marker]:
    """Move entry starts up to the headline when the page puts headlines above times.

    Pages that write a bare time on its own line put the headline either below it
    (the usual way) or above it. When nearly every such marker has a headline-like
    line right above it, itself below a blank line, and fewer have one below, the
    headline line opens the entry. The same holds for times with the text on their
    line (``16:42 Alcaraz holds``) under a score line (``Set 3, 4-3 Alcaraz*``). A
    relative age above the time (``1h ago``) or a widget's line (``Copy link``) is page
    chrome, not a headline.
    """
    bare = [m for m in markers if m.headline_next]
    inline = [
        m for m in markers if m.kind == "entry" and not m.headline_next and _opens_line(text, m)
    ]
    above: dict[int, tuple[int, str, Span | None]] = {}
    # the markers' lines, which are no headlines: found when a line above first reads as
    # one (most pages put a blank line above their markers)
    lines: set[int] | None = None
    for group in (bare, inline):
        if len(group) < 2:
            continue
        found: dict[int, tuple[int, str, Span | None]] = {}
        misses = 0
        for m in group:
            if misses > len(group) * (1 - _MAJORITY):
                break  # too few can have a headline above: not the page's layout
            start, line, over = _line_before(text, m.start)
            headline = bool(
                line
                and _is_headline(line)
                and (not over.strip() or _is_label_line(over))
                and not is_ui_line(line)
            )
            if headline and lines is None:
                lines = _lines_of(text, markers)
            if headline and lines is not None and start not in lines:
                # a post's label over the headline (Key event / Reeves sits down /
                # 15:42) opens the post, out of its body, as a label right above the
                # stamp does
                label = (
                    unchecked_span(_line_before(text, start)[0], start) if over.strip() else None
                )
                found[id(m)] = (start if label is None else label.start, line.strip(), label)
            else:
                misses += 1
        if len(found) < _MAJORITY * len(group):
            continue
        # the headlines below, counted only when enough stand above
        below = sum(1 for m in group if m.headline_next and _headline_below(text, m))
        if len(found) > below:
            above.update(found)
    if not above:
        return markers
    return [
        attrs.evolve(
            m,
            start=above[id(m)][0],
            headline=above[id(m)][1],
            headline_next=False,
            label=above[id(m)][2],
        )
        if id(m) in above
        else m
        for m in markers
    ]


def _lines_of(text: str, markers: Sequence[Marker]) -> set[int]:
    """Where the lines holding ``markers`` begin."""
    return {line_start(text, m.start) for m in markers}


def _opens_line(text: str, marker: Marker) -> bool:
    """Whether ``marker`` begins its line and has text after it on that line."""
    end = marker.match.end
    after = text[end : end + _HEADLINE_MAX].lstrip(MARKER_BLANKS)[:1]
    start = marker.start
    return after not in ("", "\r", "\n") and (
        # (at the text's start or after a line break the line opens there)
        start == 0 or text[start - 1] in "\r\n" or not text[line_start(text, start) : start].strip()
    )


# a byline line: "By Live Desk", "Written by: Sam Reid" (not a sentence)
_BYLINE = regex.compile(r"\s*(?:\w+\s+)?by:?\s+\w[^\r\n.!?]{0,60}$", regex.IGNORECASE)


# a byline alone on its line above a post's marker: "By Jane Doe", "By: Jane Doe, Reuters",
# "By Ana de Souza and Li Wei" (capitalised words, maybe an outlet after a comma)
_BYLINE_ABOVE = regex.compile(
    r"(?i:by):?[ \t]+(?P<author>\p{Lu}[\p{L}'’.\-]*"
    r"(?:[ \t]+(?:\p{Lu}[\p{L}'’.\-]*|and|&|de|da|del|van|von|der|le|la|al|bin)){0,5})"
    r"[ \t]*(?:[,|·–—][^\r\n]{0,60})?"
)


def byline_author(line: str) -> str | None:
    """The author of ``line`` when it is a byline (``By Jane Doe``), else None."""
    if line[:2].lower() != "by":
        return None  # most lines are cut short here
    found = _BYLINE_ABOVE.fullmatch(line.rstrip())
    if found is None or line.rstrip()[-1] in ".!?":
        return None  # a sentence: "By then, the count had begun."
    author = found.group("author")
    return author if len(author) <= _AUTHOR_MAX else None


def _byline_above(text: str, marker: Marker) -> tuple[int, str] | None:
    """The start and author of the byline on the line right above ``marker``'s, if any."""
    above, line, _ = _line_before(text, marker.start)
    author = byline_author(line) if line else None
    return None if author is None else (above, author)


def _under_bylines(text: str, top: Marker, others: Sequence[Marker]) -> bool:
    """Whether ``top`` and most of ``others`` have a byline right above them."""
    if _byline_above(text, top) is None:
        return False
    return 2 * sum(_byline_above(text, m) is not None for m in others) > len(others)


def _bylines_above(text: str, markers: list[Marker]) -> list[Marker]:
    """Give each entry the byline written on the line right above its marker (``By Jane
    Doe`` over ``6:00 p.m. ET``) as its author, the byline opening the entry, on a page
    whose posts open with their bylines: the line above the first entry marker is one
    (or above the second, under a first post without one: a pinned summary), and the
    last entry does not end with one (a page whose posts end with their bylines keeps
    them there). The byline leaves the body, as the marker does. Two looks decide a
    page without bylines: every parse pays them."""
    entries = [m for m in markers if m.kind == "entry" and m.start == m.match.start]
    if not any(_byline_above(text, m) for m in entries[:2]):
        return markers
    above: dict[int, tuple[int, str]] = {}
    for m in entries:
        byline = _byline_above(text, m)
        if byline is not None:
            above[id(m)] = byline
    tail = text[markers[-1].match.end :].rstrip()
    last = tail[max(tail.rfind("\n"), tail.rfind("\r")) + 1 :]  # after LF, CRLF or a lone CR
    if byline_author(last) is not None:
        return markers  # the last post ends with its byline: bylines close the posts
    return [
        attrs.evolve(
            m,
            start=above[id(m)][0],
            match=unchecked_span(above[id(m)][0], m.match.end),
            author=above[id(m)][1],
        )
        if id(m) in above
        else m
        for m in markers
    ]


def _byline_below(text: str, marker: Marker, stop: int) -> tuple[int, str] | None:
    """The end and author of the byline on the first line below ``marker``, a marker
    alone on its line, or below one blank line after it (``14:32`` over ``By Jane
    Smith``), with more of the post's text after it before ``stop``, if any."""
    end = marker.match.end
    brk = LINE_BREAK.search(text, end, stop)
    if brk is None or text[end : brk.start()].strip():
        return None
    for _ in range(2):  # the line below, or the one under a blank line below
        at = brk.end()
        brk = LINE_BREAK.search(text, at, stop)
        if brk is None:
            return None
        line = text[at : brk.start()].strip()
        if line:
            author = byline_author(line)
            if author is None or not text[brk.start() : stop].strip():
                return None
            return at + len(text[at : brk.start()].rstrip()), author
    return None


def _bylines_below(text: str, markers: list[Marker]) -> list[Marker]:
    """Give each post the byline on the line below its marker alone on its line, or
    below a blank line under it (``14:32`` / blank / ``By Jane Smith`` / blank /
    text), as its author, the byline leaving the body as the marker does, on a page
    where the first or second such marker has one and more than half of them do, each
    with the post's text below it (two looks decide a page without them: every parse
    pays them). A byline that ends its post (nothing below it before the next marker)
    stays text."""
    bare = [k for k, m in enumerate(markers) if m.kind == "entry" and m.headline_next]
    if len(bare) < 2:
        return markers
    below: dict[int, tuple[int, str]] = {}
    for n, k in enumerate(bare):
        if n == 2 and not below:
            return markers
        m = markers[k]
        if m.author is not None:
            continue
        stop = markers[k + 1].start if k + 1 < len(markers) else len(text)
        found = _byline_below(text, m, stop)
        if found is not None:
            below[k] = found
    if 2 * len(below) <= len(bare):
        return markers
    return [
        attrs.evolve(m, match=unchecked_span(m.match.start, below[k][0]), author=below[k][1])
        if k in below
        else m
        for k, m in enumerate(markers)
    ]


# a post's label alone on the line right above its marker, as pages print it over the
# post's stamp: "Key event" (over 15.42 GMT), "Breaking", "BREAKING NEWS", "Key update"
POST_LABELS = ("key event", "key update", "key moment", "key point", "breaking news", "breaking")
"""A post's labels as pages print them by the post's stamp, in lower case: above it
here, before it on its line in markers.decoration."""
POST_LABEL_WORDS = (
    "(?:" + "|".join(re.escape(label).replace(r"\ ", r"[ \t]+") for label in POST_LABELS) + ")"
)
"""The labels as a pattern (``re`` syntax, matched case-insensitively; the longer of
two labels opening alike first)."""
_POST_LABEL = re.compile(r"[ \t]*" + POST_LABEL_WORDS + r"[ \t]*:?[ \t]*", re.IGNORECASE)
_POST_LABEL_FIRSTS = "".join(
    sorted({label[0] for label in POST_LABELS} | {label[0].upper() for label in POST_LABELS})
)
_LABEL_OPENINGS = _POST_LABEL_FIRSTS + " \t"


def _labels_above(text: str, markers: list[Marker]) -> list[Marker]:
    """Open each entry at the post's label on the line right above its marker (``Key
    event`` or ``Breaking`` over ``15:42``): the label is the post's, inside its span and
    out of its body as the marker is, never its headline nor the text of the post above."""
    out: list[Marker] | None = None
    lf_only = "\r" not in text
    for k, m in enumerate(markers):
        if m.kind != "entry" or m.start != m.match.start:
            continue
        if lf_only:
            # the first character of the line above, without a call: most are no label
            above_end = text.rfind("\n", 0, m.start)
            if above_end < 1 or text[text.rfind("\n", 0, above_end) + 1] not in _LABEL_OPENINGS:
                continue
        above, line, _ = _line_before(text, m.start)
        if not _is_label_line(line):
            continue
        if out is None:
            out = list(markers)
        out[k] = attrs.evolve(m, start=above, match=unchecked_span(above, m.match.end))
    return markers if out is None else out


def _is_label_line(line: str) -> bool:
    """Whether ``line`` is a post's label alone (``Key event``, ``BREAKING:``)."""
    return line.lstrip(" \t")[:1] in _POST_LABEL_FIRSTS and bool(
        _POST_LABEL.fullmatch(line.rstrip("\r"))
    )


def _page_stamp(text: str, markers: list[Marker]) -> list[Marker]:
    """Drop a first marker that is the page's own stamp: written right under the title
    (no blank line between), with nothing below it before the next entry but a byline
    (``Nov 4, 2023 09:50 AM IST`` under the headline of a blog whose entries are marked
    so, ``By Live Desk`` below it). A marker with no text standing apart is a post whose
    text was lost, and stays.
    """
    if len(markers) < 3 or markers[0].kind != "entry" or markers[1].kind == "closing":
        return markers
    first, following = markers[0], markers[1]
    below = text[first.match.end : following.start].splitlines()
    if not all(_BYLINE.match(line) for line in below if line.strip()):
        return markers
    if not _line_before(text, line_start(text, first.start))[1].strip():
        return markers
    return markers[1:]


# the label of a post the page pins above the others: "Pinned", "Pinned post", "📌 Pinned"
_PINNED = re.compile(r"\W*pinned(?:\s+(?:post|update|entry))?\W*", re.IGNORECASE)


# a pinned label alone on its line, found in the text above the first entry
# (its lines ended by LF, CRLF or a lone CR)
_PINNED_LINE = re.compile(
    r"(?:(?<=[\r\n])|\A)[^\w\r\n]*pinned(?:[ \t]+(?:post|update|entry))?[^\w\r\n]*(?=[\r\n]|\Z)",
    re.IGNORECASE,
)


def _pinned(text: str, markers: list[Marker]) -> list[Marker]:
    """Mark the first entry marker when the line right above its entry is a pinned
    label (``Pinned post``): the page's summary, out of the others' order. A pinned
    label with text of its own under it before the first entry (a summary that states
    no time) opens an untimed pinned entry there: the post is the page's, not its
    preamble."""
    first = next((k for k, m in enumerate(markers) if m.kind == "entry"), None)
    if first is None:
        return markers
    top_end = markers[first].start
    if text.find("inned", 0, top_end) < 0 and text.find("INNED", 0, top_end) < 0:
        return markers  # (PINNED in capitals, as a badge is written; no copy of the top)
    line = _line_before(text, markers[first].start)[1]
    if _PINNED.fullmatch(line):
        return [*markers[:first], attrs.evolve(markers[first], pinned=True), *markers[first + 1 :]]
    top = markers[first - 1].match.end if first else 0
    label = _PINNED_LINE.search(text, top, markers[first].start)
    if label is None or not text[label.end() : markers[first].start].strip():
        return markers
    words = label.group().strip()
    at = label.start() + label.group().index(words)
    pinned = Marker(
        unchecked_span(at, at + len(words)),
        unchecked_span(label.start(), label.end()),
        "pinned",
        headline_next=True,
        pinned=True,
    )
    return [*markers[:first], pinned, *markers[first:]]


_LINE_END = regex.compile(r"[^\r\n]*")
_AUTHOR_MAX = 60
_BELOW = 2000  # how much of what follows a marker's line is read


def _layout(text: str, marker: Marker) -> tuple[str, str, str]:
    """Around a marker: the line above it, the rest of its own line, and what follows."""
    _, above, _ = _line_before(text, marker.start)
    line_end = _LINE_END.match(text, marker.match.end)
    assert line_end is not None  # [^\r\n]* matches everywhere
    end = line_end.end()
    return above, text[marker.match.end : end], text[end : end + _BELOW]


# words an author's name may hold in lower case ("Jane Doe in Kyiv", "Ana de Souza")
_NAME_LINKS = frozenset({"in", "at", "and", "de", "da", "del", "van", "von", "der", "le", "la"})
_NAME_WORDS = 6


def _is_byline_rest(rest: str) -> bool:
    """Whether what follows a time on its line may be a byline's author (``, Claire
    Martin``), or nothing: a few capitalised words, not a sentence ("Alcaraz holds to
    love. Djokovic needs to break now.")."""
    # a seventh word ends the split: the rest of a long line need not be cut into words
    words = rest.strip(" \t,|·•-–—:").split(maxsplit=_NAME_WORDS)
    if len(words) > _NAME_WORDS or (words and words[-1][-1] in '.!?"”'):
        return False
    return all(w[0].isupper() or w.lower() in _NAME_LINKS or not w[0].isalpha() for w in words)


def _closing_layout(text: str, markers: list[Marker]) -> list[Marker]:
    """Turn opening markers into closing ones when the page writes them after the text.

    ``07:15 , Claire Martin`` on the line right below its paragraph, with a blank line
    after it, ends its entry. When nearly every timed marker stands that way (text right
    above, blank line or end of text right below), the markers close their entries; the
    rest of the marker's line is its author. A marker followed by a colon or a dash
    (``UPDATE 1548 GMT:``) introduces what follows, however the page is laid out.
    """
    timed = [m for m in markers if m.kind == "entry" and m.clock is not None]
    if len(timed) < 2:
        return markers
    ends: dict[int, int] = {}  # the end of the line of each marker whose rest may be a byline
    opening = 0  # markers that do not stand as closing ones
    for m in timed:
        line_end = _LINE_END.match(text, m.match.end)
        assert line_end is not None  # [^\r\n]* matches everywhere
        end = line_end.end()
        if _is_byline_rest(text[m.match.end : end]):
            ends[id(m)] = end
            if _stands_closing(text, m, end):
                continue
        opening += 1
        if opening > 1 or len(timed) - opening < _MAJORITY * len(timed):
            return markers  # even if every other one stood closing, too few would
    out: list[Marker] = []
    for m in markers:
        end = ends.get(id(m), -1)
        if end < 0:
            # untimed, or text after the time: it opens its entry (its line is no byline)
            out.append(m)
            continue
        rest = text[m.match.end : end].strip(" \t,|·•-–—:")
        author = rest if rest and len(rest) <= _AUTHOR_MAX else m.author
        out.append(
            attrs.evolve(m, kind="closing", match=unchecked_span(m.match.start, end), author=author)
        )
    return out


def _stands_closing(text: str, marker: Marker, end: int) -> bool:
    """Whether ``marker``, whose line ends at ``end``, stands as a closing one: not
    followed by a colon or dash, text right above it, and a blank line (or the end of
    the text) right below."""
    if text[marker.span.end : marker.match.end].strip().endswith((":", "-", "–", "—")):
        return False
    if not (BLANK_LINE.match(text, end, end + _BELOW) or not text[end : end + _BELOW].strip()):
        return False
    return bool(_line_before(text, marker.start)[1].strip())


def _opening_bylines(text: str, markers: list[Marker]) -> list[Marker]:
    """Bylines that open their entries: ``Tim Layden 5/2/2015 6:41:55 PM`` above the text.

    A byline with a date-time usually closes its entry (``Helen Pidd14 May 2015 18:02``
    below the text); when more bylines instead stand after a blank line with the text
    right below them, or glued to it (``PMThe crowd``), than stand closing (text right
    above, a blank line or the end below), they open their entries. One with text both
    right above and right below (a copy that lost its blank lines) tells neither.
    """
    bylines = [m for m in markers if m.kind == "closing"]
    if len(bylines) < 2:
        return markers
    opening = closing = 0
    for m in bylines:
        above, rest, below = _layout(text, m)
        glued = bool(rest.strip())
        text_below = bool(below.strip()) and not BLANK_LINE.match(below)
        if glued or (not above.strip() and text_below):
            opening += 1
        elif not text_below:
            closing += 1
    if opening <= closing:
        return markers
    return [attrs.evolve(m, kind="entry") if m.kind == "closing" else m for m in markers]

"""Choosing, per document, which dialects' candidates become markers.

A document uses one or two marker styles consistently. Every dialect scans the text;
each is scored on the evidence (how many valid candidates, and how regularly their
times run in one direction). The best-scoring entry dialect is chosen, with a second
one when it fits the same sequence; opening markers (``ORIGINAL ENTRY``) and day
headers ride along. Where two chosen dialects match the same place, the better one wins.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence

import attrs
import regex

from liveblog.markers.dialect import Dialect, Marker
from liveblog.model import DialectChoice, DialectScore

__all__ = ["Choice", "choose_markers", "direction_counts"]

_HALF_DAY = 720
_SECOND_DIALECT_SHARE = 0.2


@attrs.frozen
class Choice:
    """The outcome: markers that open entries, rejected candidates, and the evidence."""

    markers: tuple[Marker, ...]
    """Valid markers of the chosen dialects, in text order, not overlapping."""
    rejected: tuple[Marker, ...]
    """Candidates of the chosen dialects that could not be read (``problem`` set)."""
    choice: DialectChoice
    """Names of the chosen dialects and the scores of all candidates."""


def _minutes(marker: Marker) -> int | None:
    clock = marker.clock
    return None if clock is None else clock.hour * 60 + clock.minute


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
    for marker in markers:
        if marker.clock is None and marker.age is None:
            continue
        if previous is not None:
            if previous.age is not None and marker.age is not None:
                if previous.age == marker.age:
                    continue
                later = marker.age < previous.age
            elif previous.clock is None or marker.clock is None:
                previous = marker
                continue
            elif previous.day is not None and marker.day is not None and previous.day != marker.day:
                later = marker.day > previous.day
            else:
                step = ((_minutes(marker) or 0) - (_minutes(previous) or 0)) % 1440
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


def choose_markers(
    text: str, dialects: Sequence[Dialect], *, forced: Dialect | None = None
) -> Choice:
    """Scan ``text`` with every dialect and keep the markers of the chosen ones.

    Args:
        text: the whole document.
        dialects: the candidates, in priority order (earlier wins ties and overlaps).
        forced: when given, only this dialect is used, whatever the evidence.
    """
    pool = [forced] if forced is not None else list(dialects)
    found: dict[str, list[Marker]] = {d.name: list(d.scan(text)) for d in pool}
    scores = {name: _score(name, ms) for name, ms in found.items() if ms}
    rank = {d.name: i for i, d in enumerate(pool)}

    def kind_of(name: str) -> str:
        return found[name][0].kind

    minimum = {d.name: getattr(d, "min_count", 1) for d in pool}

    def eligible(name: str) -> bool:
        valid = [m for m in found[name] if m.problem is None]
        return len(valid) >= minimum[name] or any(m.is_strong for m in valid)

    entry_names = sorted(
        (n for n in scores if kind_of(n) == "entry" and scores[n].accepted and eligible(n)),
        key=lambda n: (-scores[n].score, rank[n]),
    )
    chosen: list[str] = []
    if forced is not None:
        chosen = list(scores)
    elif entry_names:
        best = entry_names[0]
        chosen.append(best)
        for other in entry_names[1:2]:
            if (
                scores[other].accepted >= 2
                and scores[other].score >= _SECOND_DIALECT_SHARE * scores[best].score
            ):
                merged = sorted(
                    (m for n in (best, other) for m in found[n] if m.problem is None),
                    key=lambda m: m.match.start,
                )
                forward, backward = direction_counts(merged)
                steps = forward + backward
                if steps == 0 or max(forward, backward) / steps >= scores[best].monotonic:
                    chosen.append(other)
        chosen.extend(n for n in scores if kind_of(n) != "entry")
    else:
        # No timed dialect has a valid marker: opening markers and day headers still
        # count, and the impossible candidates are reported rather than dropped.
        chosen = [n for n in scores if kind_of(n) != "entry"]
        chosen.extend(n for n in scores if kind_of(n) == "entry")

    picked = sorted(
        (m for n in chosen for m in found[n]),
        key=lambda m: (m.match.start, rank[m.dialect]),
    )
    markers: list[Marker] = []
    rejected: list[Marker] = []
    for marker in picked:
        if marker.problem is not None:
            rejected.append(marker)
            continue
        if markers and marker.start < markers[-1].match.end:
            if rank[marker.dialect] < rank[markers[-1].dialect]:
                markers[-1] = marker
            continue
        markers.append(marker)
    markers = _drop_embedded_lists(text, markers)
    evidence = tuple(sorted(scores.values(), key=lambda s: (-s.score, rank[s.name])))
    names = tuple(sorted(chosen, key=lambda n: -sum(m.dialect == n for m in markers)))
    return Choice(
        markers=tuple(markers),
        rejected=tuple(rejected),
        choice=DialectChoice(
            names=tuple(n for n in names if any(m.dialect == n for m in markers)),
            evidence=evidence,
        ),
    )


_BLANK_LINE = regex.compile(r"(?:\r\n?|\n)[^\S\r\n]*(?:\r\n?|\n)")
_LINE_BREAK = regex.compile(r"\r\n?|\n")


def _is_dense(text: str, before: Marker, after: Marker) -> bool:
    """True when ``after`` starts on the line right below ``before``'s line."""
    between = text[before.match.end : after.start]
    return len(_LINE_BREAK.findall(between)) == 1 and not _BLANK_LINE.search(between)


def _drop_embedded_lists(text: str, markers: list[Marker]) -> list[Marker]:
    """Drop lists in marker format inside entries (a schedule: ``10am: ...`` lines).

    On a page whose entries are separated by blank lines, a run of candidates on
    consecutive lines whose times step against the page's direction (into, inside or
    out of the run) is a list inside an entry, not entries.
    """
    entries = [m for m in markers if m.kind == "entry" and m.clock is not None]
    if len(entries) < 3:
        return markers
    links = [_is_dense(text, a, b) for a, b in itertools.pairwise(entries)]
    if sum(links) * 2 >= len(links):
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
        first, last = max(run.start - 1, 0), min(run.stop, len(entries) - 1)
        steps = zip(entries[first:last], entries[first + 1 : last + 1], strict=True)
        if any(against(a, b) for a, b in steps):
            drop.update(id(entries[k]) for k in run)
    return [m for m in markers if id(m) not in drop]

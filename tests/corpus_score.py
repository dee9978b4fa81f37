"""Load the hand-written corpus of live blogs in ``tests/corpus/`` and score parses against it.

Each blog is ``tests/corpus/NNN-name.txt`` with ``NNN-name.json`` beside it::

    {"description": "...", "style": ["bare-time", ...],
     "args": {"date": "2024-01-22" | null, "tz": "Europe/Kyiv" | null,
              "now": "2024-01-22T18:00:00+00:00" | null},
     "order": "newest-first" | "oldest-first" | "unknown",
     "entries": [{"marker": "14:32", "starts": "Talks resume in", "utc": "...Z" | null}, ...]}

Entries are listed oldest first. An expected entry matches a parsed one when their markers
are equal after normalisation (NFKC, case-folded, letters and digits only, so ``(11:26 GMT)``
matches ``11:26 GMT``) and the parsed body, whitespace collapsed, starts with ``starts``.
Matching is an in-order alignment (longest common subsequence), so one missed or invented
entry costs one entry, not the rest of the blog.
"""

from __future__ import annotations

import datetime as dt
import json
import unicodedata
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

import attrs

from liveblog import Timeline

__all__ = [
    "CORPUS_DIR",
    "Case",
    "CaseScore",
    "Expected",
    "Got",
    "Total",
    "format_report",
    "load_case",
    "load_corpus",
    "normalise_marker",
    "parse_case",
    "score",
    "total",
]

CORPUS_DIR = Path(__file__).parent / "corpus"
"""Where the corpus lives."""

_ORDERS = ("newest-first", "oldest-first", "unknown")


def normalise_marker(marker: str) -> str:
    """Case-fold a marker and keep only its letters and digits.

    >>> normalise_marker("(11:26\\u00a0GMT)")
    '1126gmt'
    """
    folded = unicodedata.normalize("NFKC", marker).casefold()
    return "".join(ch for ch in folded if ch.isalnum())


def _collapse(text: str) -> str:
    return " ".join(text.split())


def _utc(value: str | None) -> dt.datetime | None:
    if value is None:
        return None
    parsed = dt.datetime.fromisoformat(value)
    if parsed.utcoffset() is None:
        msg = f"utc must carry an offset or Z, got {value!r}"
        raise ValueError(msg)
    return parsed.astimezone(dt.UTC)


def _show_utc(value: dt.datetime | None) -> str:
    return "null" if value is None else value.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


@attrs.frozen
class Expected:
    """One entry of a golden file."""

    marker: str
    """The marker as written (``""`` for an entry without one)."""
    starts: str
    """The first words of the entry's body."""
    utc: dt.datetime | None
    """The entry's instant in UTC; None when it has no time of its own."""

    def matches(self, got: Got) -> bool:
        """True when ``got`` has the same normalised marker and its body starts as expected."""
        return normalise_marker(self.marker) == normalise_marker(got.marker) and _collapse(
            got.body
        ).startswith(_collapse(self.starts))

    def describe(self) -> str:
        """One line: marker, first words and UTC instant."""
        return f"{self.marker!r:32} {self.starts[:40]!r:44} {_show_utc(self.utc)}"


@attrs.frozen
class Got:
    """What the parser produced for one entry, reduced to what the corpus checks."""

    marker: str
    """``Entry.marker``."""
    body: str
    """``Entry.body``."""
    utc: dt.datetime | None
    """``Entry.published`` in UTC."""

    def describe(self) -> str:
        """One line: marker, first words and UTC instant."""
        words = " ".join(self.body.split()[:6])
        return f"{self.marker!r:32} {words[:40]!r:44} {_show_utc(self.utc)}"


@attrs.frozen
class Case:
    """One blog of the corpus: its text, the arguments to parse it with, and the answer."""

    name: str
    """The file stem, e.g. ``001-guardian-ukraine``."""
    text: str
    """The blog's text exactly as stored (CRLF kept)."""
    description: str
    """What the blog imitates and tests."""
    styles: tuple[str, ...]
    """Style tags, e.g. ``bare-time``, ``12h``, ``midnight``."""
    date: dt.date | None
    """The ``date`` argument."""
    tz: str | None
    """The ``tz`` argument."""
    now: dt.datetime | None
    """The ``now`` argument."""
    order: str
    """The expected ``Timeline.order``."""
    entries: tuple[Expected, ...]
    """The expected entries, oldest first."""


def load_case(txt: Path) -> Case:
    """Read ``txt`` and the golden JSON beside it into a :class:`Case`."""
    golden: dict[str, Any] = json.loads(txt.with_suffix(".json").read_text(encoding="utf-8"))
    args: dict[str, Any] = golden.get("args", {})
    order = golden["order"]
    if order not in _ORDERS:
        msg = f"{txt.name}: order must be one of {_ORDERS}, got {order!r}"
        raise ValueError(msg)
    now = None if args.get("now") is None else dt.datetime.fromisoformat(args["now"])
    return Case(
        name=txt.stem,
        text=txt.read_bytes().decode("utf-8"),
        description=golden.get("description", ""),
        styles=tuple(golden.get("style", ())),
        date=None if args.get("date") is None else dt.date.fromisoformat(args["date"]),
        tz=args.get("tz"),
        now=now,
        order=order,
        entries=tuple(
            Expected(marker=e["marker"], starts=e["starts"], utc=_utc(e["utc"]))
            for e in golden["entries"]
        ),
    )


def load_corpus(directory: Path = CORPUS_DIR) -> list[Case]:
    """Every case in ``directory``, sorted by file name."""
    return [load_case(p) for p in sorted(directory.glob("*.txt"))]


def parse_case(case: Case) -> Timeline:
    """Parse a case's text with the arguments its golden file gives."""
    import liveblog

    return liveblog.parse(case.text, date=case.date, tz=case.tz, now=case.now)


@attrs.frozen
class CaseScore:
    """How one parse compares with its golden file."""

    name: str
    """The case's name."""
    expected: int
    """Entries in the golden file."""
    got: int
    """Entries the parser produced."""
    matched: int
    """Entries aligned by marker and first words."""
    timed_right: int
    """Matched entries whose UTC instant (or its absence) is exactly right."""
    order_expected: str
    """The golden order."""
    order_got: str
    """The parser's order."""
    pairs: tuple[tuple[Expected | None, Got | None], ...] = attrs.field(repr=False)
    """The alignment, oldest first: matched pairs, and unmatched entries paired with None."""

    @property
    def precision(self) -> float:
        """Share of parsed entries that match an expected one (1.0 when none were parsed)."""
        return self.matched / self.got if self.got else float(self.expected == 0)

    @property
    def recall(self) -> float:
        """Share of expected entries that were found (1.0 when none were expected)."""
        return self.matched / self.expected if self.expected else float(self.got == 0)

    @property
    def f1(self) -> float:
        """Harmonic mean of precision and recall."""
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def timestamp_accuracy(self) -> float:
        """Share of matched entries with the exact UTC instant (0.0 when nothing matched)."""
        return self.timed_right / self.matched if self.matched else float(self.expected == 0)

    @property
    def order_ok(self) -> bool:
        """True when the detected order is the expected one."""
        return self.order_expected == self.order_got

    @property
    def is_perfect(self) -> bool:
        """F1 1.0, every matched instant right, and the order right."""
        return self.f1 == 1.0 and self.timestamp_accuracy == 1.0 and self.order_ok

    def explain(self) -> str:
        """Expected and parsed entries side by side, oldest first, with what went wrong."""
        lines = [
            f"{self.name}: F1 {self.f1:.3f} (P {self.precision:.3f}, R {self.recall:.3f}), "
            f"timestamps {self.timestamp_accuracy:.3f}, "
            f"order expected {self.order_expected}, got {self.order_got}",
        ]
        for want, have in self.pairs:
            if want is not None and have is not None:
                status = "ok  " if want.utc == have.utc else "TIME"
                lines.append(f"  {status} expected {want.describe()}")
                if status != "ok  ":
                    lines.append(f"       got      {have.describe()}")
            elif want is not None:
                lines.append(f"  MISS expected {want.describe()}")
            elif have is not None:
                lines.append(f"  XTRA got      {have.describe()}")
        return "\n".join(lines)


def _align(
    expected: Sequence[Expected], got: Sequence[Got]
) -> list[tuple[Expected | None, Got | None]]:
    """Longest in-order alignment of expected and parsed entries (classic LCS table)."""
    n, m = len(expected), len(got)
    table = [[0] * (m + 1) for _ in range(n + 1)]
    for i in range(n - 1, -1, -1):
        for j in range(m - 1, -1, -1):
            if expected[i].matches(got[j]):
                table[i][j] = table[i + 1][j + 1] + 1
            else:
                table[i][j] = max(table[i + 1][j], table[i][j + 1])
    pairs: list[tuple[Expected | None, Got | None]] = []
    i = j = 0
    while i < n and j < m:
        if expected[i].matches(got[j]) and table[i][j] == table[i + 1][j + 1] + 1:
            pairs.append((expected[i], got[j]))
            i, j = i + 1, j + 1
        elif table[i + 1][j] >= table[i][j + 1]:
            pairs.append((expected[i], None))
            i += 1
        else:
            pairs.append((None, got[j]))
            j += 1
    pairs.extend((e, None) for e in expected[i:])
    pairs.extend((None, g) for g in got[j:])
    return pairs


def score(case: Case, timeline: Timeline) -> CaseScore:
    """Compare ``timeline`` (the parse of ``case.text``) with the case's golden entries."""
    got = [
        Got(
            marker=e.marker,
            body=e.body,
            utc=None if e.published is None else e.published.astimezone(dt.UTC),
        )
        for e in timeline.entries
    ]
    pairs = _align(case.entries, got)
    matched = [(w, h) for w, h in pairs if w is not None and h is not None]
    return CaseScore(
        name=case.name,
        expected=len(case.entries),
        got=len(got),
        matched=len(matched),
        timed_right=sum(1 for w, h in matched if w.utc == h.utc),
        order_expected=case.order,
        order_got=timeline.order,
        pairs=tuple(pairs),
    )


@attrs.frozen
class Total:
    """Figures over the whole corpus: micro-averaged over entries, plus per-blog counts."""

    blogs: int
    """Blogs scored."""
    perfect: int
    """Blogs scored perfectly."""
    precision: float
    """Matched entries over parsed entries, whole corpus."""
    recall: float
    """Matched entries over expected entries, whole corpus."""
    f1: float
    """Harmonic mean of the two."""
    timestamp_accuracy: float
    """Matched entries with the right instant over matched entries."""
    order_accuracy: float
    """Blogs whose order was detected right."""


def total(scores: Iterable[CaseScore]) -> Total:
    """Micro-averaged figures over ``scores``."""
    items = list(scores)
    expected = sum(s.expected for s in items)
    got = sum(s.got for s in items)
    matched = sum(s.matched for s in items)
    precision = matched / got if got else 0.0
    recall = matched / expected if expected else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return Total(
        blogs=len(items),
        perfect=sum(1 for s in items if s.is_perfect),
        precision=precision,
        recall=recall,
        f1=f1,
        timestamp_accuracy=sum(s.timed_right for s in items) / matched if matched else 0.0,
        order_accuracy=sum(1 for s in items if s.order_ok) / len(items) if items else 0.0,
    )


def format_report(scores: Sequence[CaseScore], *, errors: Sequence[tuple[str, str]] = ()) -> str:
    """A plain-text table: one row per blog, then the totals.

    ``errors`` lists blogs whose parse raised, as ``(name, message)``; score those against
    an empty timeline so that they count as blogs where nothing was found.
    """
    header = (
        f"{'blog':40} {'exp':>4} {'got':>4} {'match':>5} {'P':>6} {'R':>6} {'F1':>6} "
        f"{'time':>6} {'order':>5}"
    )
    rows = [header, "-" * len(header)]
    for s in scores:
        rows.append(
            f"{s.name[:40]:40} {s.expected:4d} {s.got:4d} {s.matched:5d} {s.precision:6.3f} "
            f"{s.recall:6.3f} {s.f1:6.3f} {s.timestamp_accuracy:6.3f} "
            f"{'ok' if s.order_ok else 'no':>5}"
        )
    rows.extend(f"{name[:40]:40} raised: {message}" for name, message in errors)
    t = total(scores)
    rows.append("-" * len(header))
    rows.append(
        f"total: {t.blogs} blogs, {t.perfect} perfect; entry-boundary P {t.precision:.3f} "
        f"R {t.recall:.3f} F1 {t.f1:.3f}; timestamp accuracy {t.timestamp_accuracy:.3f}; "
        f"order accuracy {t.order_accuracy:.3f}"
    )
    return "\n".join(rows)

"""Adversarial inputs for ``liveblog.parse`` (and ``parse_html``) grown 1x, 4x and 16x: is
the time linear?

Usage: ``python benchmarks/adversarial.py [--base 64000] [--only NAME] [--timeout 300]``.

Each input (``benchmarks/corpora.py``: a million digits, ``UPDATE `` repeated, one long
line, thousands of markers, deeply nested quotes, runs of spaces, colons and month
names, full dates and weekdays in a blog without a date, web pages of thousands of sibling
paragraphs or deeply nested elements...) is parsed, with mention
resolution, at three sizes. Each timing runs in a fresh subprocess after one untimed
parse of the same text, best of three rounds that time every size once each, with a
time limit, so that a quadratic case is reported instead of hanging the run. The row
shows the CPU seconds per size and ``t(16x) / (4 * t(4x))``: about 1 for linear cost
and 4 for quadratic cost. The target is that no input makes the cost quadratic: a case
passes at 1.5 or less (n**1.5 would read 2; runs of the same code on this shared machine
spread by about 20%), and so does one that reads 10 MB/s or more at 16x (there, timer
noise is larger than any cost that matters).
It never fails: the exit status is always 0.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import json
import subprocess
import sys
import time
from pathlib import Path

import attrs

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE.parent), str(HERE)]

import corpora  # noqa: E402  (after the sys.path set-up, so the script runs from anywhere)

SCALES = (1, 4, 16)
TOLERANCE = 0.5
"""Largest accepted excess of t(16x) over 4 * t(4x): quadratic cost reads 3, n**1.5 reads
1, and the same code's runs spread by about 0.2 here (markers: 0.84 to 1.22)."""
FAST = 10_000_000
"""Characters per second at 16x above which a case passes whatever its ratio."""


@attrs.frozen
class Row:
    """One adversarial case: its size and seconds per scale, or why it stopped."""

    name: str
    base: int
    seconds: tuple[float, ...]
    error: str = ""

    @property
    def deviation(self) -> float | None:
        """``t(16x) / (4 * t(4x)) - 1``; None when the case did not finish in time.

        The step from 4x to 16x is used rather than from 1x: at 1x fixed costs and timer
        noise weigh most, and a quadratic cost shows most at the larger sizes.
        """
        if len(self.seconds) < len(SCALES) or self.seconds[1] <= 0:
            return None if not self.error else float("inf")
        return self.seconds[2] / (4 * self.seconds[1]) - 1

    @property
    def passes(self) -> bool:
        """Within 50% of linear (far from quadratic), or so fast at 16x (10 MB/s or more)
        that timer noise rules."""
        deviation = self.deviation
        if deviation is None or deviation == float("inf"):
            return False
        fast = self.seconds[2] <= SCALES[2] * self.base / FAST
        return deviation <= TOLERANCE or fast

    def summary(self) -> str:
        """Seconds per scale and the ratio, for the verdict line."""
        times = " / ".join(f"{s:.3f}" for s in self.seconds)
        deviation = self.deviation
        ratio = "-" if deviation is None else f"{deviation + 1:.2f}"
        return f"{times} s, t16/(4*t4) = {ratio}" + (f" ({self.error})" if self.error else "")


ROUNDS = 3
"""Timings per scale; the best counts."""


def _time_once(text: str, date: dt.date | None, *, html: bool = False) -> float:
    import liveblog

    read = liveblog.parse_html if html else liveblog.parse
    start = time.process_time()
    # Raising on purpose is an answer too; only the time matters here.
    with contextlib.suppress(liveblog.LiveblogError):
        read(text, date=date)
    return time.process_time() - start


def _child(name: str, base: int, scale: int) -> int:
    date = None if name in corpora.UNDATED else corpora.OPENING_DAY
    text = corpora.ADVERSARIAL[name](base * scale)
    html = name in corpora.HTML
    # Warm up on the text itself: patterns compile on first use, and a cost paid once
    # per process would weigh most at the smallest size and hide growth.
    _time_once(text, date, html=html)
    print(json.dumps({"seconds": _time_once(text, date, html=html)}), flush=True)
    return 0


def _run_child(name: str, base: int, scale: int, timeout: float) -> float | str:
    """One timing in a fresh subprocess: its seconds, or why it gave none."""
    script = str(Path(__file__).resolve())
    command = [sys.executable, script, "--child", name, "--base", str(base), "--scale", str(scale)]
    try:
        done = subprocess.run(
            command, capture_output=True, text=True, timeout=max(timeout, 0.1), check=False
        )
    except subprocess.TimeoutExpired:
        return "timed out"
    if done.returncode:
        return (done.stderr.strip().splitlines() or ["crashed"])[-1][:80]
    return float(json.loads(done.stdout)["seconds"])


def run_case(name: str, base: int, *, timeout: float) -> Row:
    """Time one case at every scale, keeping what finished within ``timeout`` seconds.

    Each timing runs in a fresh subprocess that parses the text once before timing a
    second parse, so that none inherits the caches or the heap that a larger input
    filled (that made the smaller sizes read faster after a larger one), and in
    rounds, every scale once per round, so that a spell of load from other work falls
    on all scales alike; the best of the rounds counts.
    """
    deadline = time.monotonic() + timeout
    best: list[float] = []
    for round_ in range(ROUNDS):
        for index, scale in enumerate(SCALES):
            got = _run_child(name, base, scale, deadline - time.monotonic())
            if isinstance(got, str):
                error = f"timed out after {timeout:.0f} s" if got == "timed out" else got
                return Row(name=name, base=base, seconds=tuple(best), error=error)
            if round_ == 0:
                best.append(got)
            else:
                best[index] = min(best[index], got)
    return Row(name=name, base=base, seconds=tuple(best))


def run_all(base: int, *, timeout: float, only: str = "") -> list[Row]:
    """Every case (whose name contains ``only``)."""
    return [run_case(n, base, timeout=timeout) for n in corpora.ADVERSARIAL if only in n]


def format_rows(rows: list[Row]) -> str:
    """A table: case, size at 1x, seconds at each scale, the ratio, and a verdict."""
    width = max([len("case"), *(len(row.name) for row in rows)])
    lines = [f"{'case':<{width}} {'1x chars':>9} {'1x s':>8} {'4x s':>8} {'16x s':>8} {'ratio':>6}"]
    for row in rows:
        cells = [f"{s:8.3f}" for s in row.seconds] + ["       -"] * (3 - len(row.seconds))
        deviation = row.deviation
        verdict = "PASS" if row.passes else "MISS"
        finished = deviation is not None and deviation != float("inf")
        ratio = f"{deviation + 1:6.2f}" if deviation is not None and finished else "     -"
        note = f"  {row.error}" if row.error else ""
        name = f"{row.name:<{width}}"
        lines.append(f"{name} {row.base:>9} {' '.join(cells)} {ratio}  {verdict}{note}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    """Run the cases and print the table; always returns 0."""
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--base", type=int, default=64_000, help="characters at 1x")
    parser.add_argument("--only", default="", help="run only cases whose name contains this")
    parser.add_argument("--timeout", type=float, default=300.0, help="seconds per case")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    parser.add_argument("--scale", type=int, default=1, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        return _child(args.child, args.base, args.scale)
    print(format_rows(run_all(args.base, timeout=args.timeout, only=args.only)))
    return 0


if __name__ == "__main__":
    sys.exit(main())

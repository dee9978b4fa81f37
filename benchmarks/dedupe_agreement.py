"""How merge's duplicate groups differ from comparing every text with every open group.

Usage: ``python benchmarks/dedupe_agreement.py [--sizes 20000,200000]``.

Merge compares two texts only when both are short or they share a key (see
docs/merge.md). This script sweeps the generated input of ``benchmarks/merge.py`` twice:
as merge does, and with every text counted as short, which compares each text with every
open group (the exact indexed sweep merge used before keys). It prints, per size, the
groups of each sweep, the groups found by one sweep only, and the pairs of entries that
one sweep puts in one group and the other does not: copies missed, merges added. It
never fails.
"""

from __future__ import annotations

import argparse
import datetime as dt
import itertools
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

# Imported after the sys.path set-up, so that the script uses this checkout's liveblog
from merge import generate  # the benchmark next to this script

from liveblog.merging import _collect, _group_duplicates

WINDOW_US = dt.timedelta(minutes=30) // dt.timedelta(microseconds=1)


def _groups(size: int, short_length: int | None) -> tuple[set[frozenset[int]], float]:
    """The groups of one sweep over the generated input, and its CPU seconds."""
    entries, _, instants = _collect(generate(size))
    order = sorted(range(len(entries)), key=instants.__getitem__)
    extra = {} if short_length is None else {"short_length": short_length}
    started = time.process_time()
    firsts, copies = _group_duplicates(entries, instants, order, WINDOW_US, **extra)
    cpu = time.process_time() - started
    return {frozenset([g, *copies.get(n, ())]) for n, g in enumerate(firsts)}, cpu


def _pairs(groups: set[frozenset[int]]) -> set[tuple[int, int]]:
    return {pair for group in groups for pair in itertools.combinations(sorted(group), 2)}


def main(argv: list[str] | None = None) -> int:
    """Print the report; always returns 0."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="20000,200000")
    args = parser.parse_args(argv)
    print(
        f"{'entries':>9} {'groups':>8} {'exact':>8} {'merge only':>10} {'exact only':>10} "
        f"{'pairs':>7} {'missed':>6} {'added':>6} {'sweep CPU s':>11} {'exact':>6}"
    )
    for size in (int(s) for s in args.sizes.split(",")):
        keyed, cpu = _groups(size, None)
        exact, exact_cpu = _groups(size, sys.maxsize)
        together, exactly = _pairs(keyed), _pairs(exact)
        print(
            f"{size:>9} {len(keyed):>8} {len(exact):>8} {len(keyed - exact):>10} "
            f"{len(exact - keyed):>10} {len(exactly):>7} {len(exactly - together):>6} "
            f"{len(together - exactly):>6} {cpu:>11.2f} {exact_cpu:>6.2f}"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

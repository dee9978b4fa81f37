"""CPU-time MB/s of a dated parse of 2 MB of generated blogs in two trees, run alternately.

Each run first parses 2 MB of other blogs (another seed), so that the patterns are
compiled and the caches hold what a long run's would, and then times text it has not
seen: a second pass over the same text would find every mention's resolution cached.

Usage: ``python benchmarks/devtools/ab.py TREE_A TREE_B [ROUNDS]``; prints each tree's
median and runs.
"""

from __future__ import annotations

import statistics
import subprocess
import sys

_ONE_RUN = r"""
import datetime as dt, gc, sys, time
sys.path.insert(0, sys.argv[1])
import liveblog
from benchmarks import corpora
texts = [b.text for b in corpora.blogs(2_000_000)]
size = sum(len(t.encode()) for t in texts) / 1e6
for b in corpora.blogs(2_000_000, seed=corpora.SEED + 1):
    liveblog.parse(b.text, date=dt.date(2024, 1, 22))
gc.collect()
t0 = time.process_time()
for t in texts:
    liveblog.parse(t, date=dt.date(2024, 1, 22))
print(size / (time.process_time() - t0))
"""


def main() -> None:
    """Run both trees ROUNDS times, alternately, and print the medians."""
    trees = sys.argv[1:3]
    rounds = int(sys.argv[3]) if len(sys.argv) > 3 else 5
    speeds: dict[str, list[float]] = {tree: [] for tree in trees}
    for _ in range(rounds):
        for tree in trees:
            run = subprocess.run(
                [sys.executable, "-c", _ONE_RUN, tree],
                capture_output=True,
                text=True,
                env={"PYTHONPATH": tree, "PATH": "/usr/bin:/bin"},
                check=True,
            )
            speeds[tree].append(float(run.stdout))
    for tree, runs in speeds.items():
        shown = sorted(round(x, 2) for x in runs)
        print(f"{tree}: median {statistics.median(runs):.3f} MB/s {shown}")


if __name__ == "__main__":
    main()

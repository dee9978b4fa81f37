"""The workload ``cg.sh`` counts: ``python cgwork.py none|dated|dated2|undated|mentions``.

The setup (every mode) imports liveblog, generates 300 KB of blogs and of prose, and
runs one first parse and one first mention pass; then the collector is frozen and off.
"""

from __future__ import annotations

import datetime as dt
import gc
import sys
from pathlib import Path

import liveblog

TREE = Path(liveblog.__file__).resolve().parent.parent
DAY = dt.date(2024, 1, 22)


def main() -> None:
    """Run the setup, then the mode's work."""
    mode = sys.argv[1]
    sys.path.insert(0, str(TREE))
    from benchmarks import corpora

    texts = [b.text for b in corpora.blogs(300_000)]
    prose = "".join(corpora.prose(300_000))
    liveblog.parse(texts[0], date=DAY)
    liveblog.find_mentions(prose[:2000], DAY)
    gc.freeze()
    gc.disable()
    if mode in ("dated", "dated2"):
        for _ in range(1 if mode == "dated" else 2):
            for text in texts:
                liveblog.parse(text, date=DAY)
    elif mode == "undated":
        for text in texts:
            liveblog.parse(text)
    elif mode == "mentions":
        liveblog.find_mentions(prose, DAY)


if __name__ == "__main__":
    main()

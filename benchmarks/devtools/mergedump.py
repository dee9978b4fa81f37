"""Dump the groups ``merge`` makes of the merge benchmark's timelines.

Usage: ``PYTHONPATH=TREE python benchmarks/devtools/mergedump.py OUT.json``; prints the
number of rows and a hash (see README.md beside this file).
"""

from __future__ import annotations

import hashlib
import json
import sys
from pathlib import Path

import liveblog
from liveblog.merging import merge

TREE = Path(liveblog.__file__).resolve().parent.parent


def main() -> None:
    """Write the dump and print its size and hash."""
    sys.path.insert(0, str(TREE))
    from benchmarks import merge as bench

    rows = []
    for name, timelines in [
        ("gen", bench.generate(20_000)),
        ("news", bench.crowded(2_000, "news")),
        ("template", bench.crowded(2_000, "template")),
        ("template-long", bench.crowded(2_000, "template-long")),
    ]:
        for e in merge(*timelines).entries:
            published = e.published and e.published.isoformat()
            sources = [[p.source.name, p.id] for p in e.sources]
            rows.append([name, e.id, published, e.body[:40], sources])
    blob = json.dumps(rows, ensure_ascii=False)
    Path(sys.argv[1]).write_text(blob, encoding="utf-8")
    print(len(rows), hashlib.sha256(blob.encode()).hexdigest()[:16])


if __name__ == "__main__":
    main()

"""Which items of two dumps differ: ``python diffdump.py A.json B.json [N]``."""

from __future__ import annotations

import json
import sys
from pathlib import Path


def _show(before: object, after: object) -> None:
    if isinstance(before, list) and isinstance(after, list):
        old = {json.dumps(item) for item in before}
        new = {json.dumps(item) for item in after}
        for item in sorted(old - new)[:8]:
            print("  -", item[:300])
        for item in sorted(new - old)[:8]:
            print("  +", item[:300])
    else:
        print("  -", json.dumps(before)[:600])
        print("  +", json.dumps(after)[:600])


def main() -> None:
    """Print the number of items that differ and the first N of them."""
    a = json.loads(Path(sys.argv[1]).read_text(encoding="utf-8"))
    b = json.loads(Path(sys.argv[2]).read_text(encoding="utf-8"))
    shown = int(sys.argv[3]) if len(sys.argv) > 3 else 20
    if isinstance(a, list):  # a merge dump: rows
        a, b = dict(enumerate(map(json.dumps, a))), dict(enumerate(map(json.dumps, b)))
    keys = sorted(set(a) | set(b), key=str)
    differ = [k for k in keys if a.get(k) != b.get(k)]
    print(f"{len(differ)} of {len(keys)} items differ")
    for key in differ[:shown]:
        print("==", key)
        _show(a.get(key), b.get(key))


if __name__ == "__main__":
    main()

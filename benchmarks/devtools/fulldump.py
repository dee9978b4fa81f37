"""Dump every parse and mention the project's corpora give, for regression checks.

Usage: ``PYTHONPATH=TREE python benchmarks/devtools/fulldump.py OUT.json``; prints the
number of items and a hash (see README.md beside this file).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import importlib.util
import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import liveblog

TREE = Path(liveblog.__file__).resolve().parent.parent


def _tempeval() -> Path:
    """``$TEMPEVAL``, else ``../shared/tempeval`` beside this checkout or beside the main
    checkout a git worktree belongs to."""
    if "TEMPEVAL" in os.environ:
        return Path(os.environ["TEMPEVAL"])
    here = TREE.parent / "shared" / "tempeval"
    try:
        common = subprocess.run(
            ["git", "-C", str(TREE), "rev-parse", "--path-format=absolute", "--git-common-dir"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return here
    main = Path(common).parent.parent / "shared" / "tempeval"
    return here if here.exists() or not main.exists() else main


TEMPEVAL = _tempeval()


def _args(expected: Path) -> dict[str, Any]:
    """The parse options a corpus blog's expected output names."""
    if not expected.exists():
        return {}
    given = json.loads(expected.read_text(encoding="utf-8")).get("args") or {}
    out: dict[str, Any] = {}
    if given.get("date"):
        out["date"] = dt.date.fromisoformat(given["date"])
    if given.get("tz"):
        out["tz"] = given["tz"]
    if given.get("now"):
        out["now"] = dt.datetime.fromisoformat(given["now"])
    return out


def _one(path: Path, **options: Any) -> object:
    try:
        return liveblog.parse(path, **options).to_dict()
    except liveblog.LiveblogError as exc:
        return f"error {type(exc).__name__}: {exc}"


def _timeml() -> dict[str, object]:
    scorer = TEMPEVAL / "te3.py"
    if not scorer.exists():
        # a dump without the TimeML texts would compare unequal to every baseline for no
        # reason a reader sees at once: refuse, and say how to point at the corpus
        sys.exit(f"no TempEval corpus at {TEMPEVAL}: set TEMPEVAL=/path/to/shared/tempeval")
    spec = importlib.util.spec_from_file_location("te3", scorer)
    assert spec is not None
    assert spec.loader is not None
    te3 = importlib.util.module_from_spec(spec)
    sys.modules["te3"] = te3
    spec.loader.exec_module(te3)
    docs = te3.load_corpus([str(TEMPEVAL / "tbaq")])
    return {
        f"timeml/{name}": [_mention_row(m) for m in liveblog.find_mentions(doc.text, doc.dct)]
        for name, doc in sorted(docs.items())
    }


def _mention_row(m: liveblog.Mention) -> list[object]:
    start = m.start and m.start.isoformat()
    end = m.end and m.end.isoformat()
    return [m.span[0], m.span[1], m.text, m.type, m.value, m.granularity, start, end]


def main() -> None:
    """Write the dump and print its size and hash."""
    out_path = Path(sys.argv[1]).resolve()
    os.chdir(TREE)  # paths relative to the tree: a timeline is named after its path
    sys.path.insert(0, str(TREE))
    from benchmarks import corpora

    out: dict[str, object] = {}
    for txt in sorted(Path("tests/corpus").glob("*.txt")):
        out[f"corpus/{txt.name}"] = _one(txt, **_args(txt.with_suffix(".json")))
    for html in sorted(Path("tests/html").glob("*.html")):
        out[f"html/{html.name}"] = _one(html)
    for seed in sorted(Path("seeds").glob("*.txt")):
        out[f"seeds/{seed.name}"] = _one(seed)
        out[f"seeds-dated/{seed.name}"] = _one(seed, date=dt.date(2024, 1, 22))
    for i, blog in enumerate(corpora.blogs(400_000, days=30)):
        out[f"gen/{i}"] = liveblog.parse(blog.text, date=blog.opening).to_dict()
    out.update(_timeml())
    blob = json.dumps(out, sort_keys=True, ensure_ascii=False, default=str)
    out_path.write_text(blob, encoding="utf-8")
    print(len(out), hashlib.sha256(blob.encode()).hexdigest()[:16])


if __name__ == "__main__":
    main()

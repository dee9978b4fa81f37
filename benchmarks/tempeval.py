"""TempEval-3 task A figures for ``find_mentions`` and two peers, on TimeML documents.

Usage::

    python benchmarks/tempeval.py [CORPUS_DIR] [--scorer PATH/te3.py] [--errors N]
    python benchmarks/tempeval.py --speed 10     # find_mentions MB/s on 10 MB of text

The corpus (default ``../shared/tempeval/tbaq`` next to the repository) and the
official-measure scorer (default ``te3.py`` beside the corpus) are read from where
they are and never copied into the project. Each system gets the document creation
date as its reference. The peers, ``dateparser.search.search_dates`` and
``datefinder.find_dates``, give no offsets, types or TIMEX3 values, so their strings
are located in order in the text and their datetimes are written as ``YYYY-MM-DD``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import importlib.util
import json
import sys
import time
import warnings
from collections.abc import Callable, Iterable
from pathlib import Path
from types import ModuleType
from typing import Any

from liveblog.temporal import find_mentions

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_CORPUS = ROOT.parent / "shared" / "tempeval" / "tbaq"

Prediction = tuple[int, int, str, str]
System = Callable[[str, dt.date], list[Prediction]]


def load_scorer(path: Path) -> ModuleType:
    """Import the scorer module from its file."""
    spec = importlib.util.spec_from_file_location("te3", path)
    if spec is None or spec.loader is None:
        msg = f"cannot load scorer from {path}"
        raise SystemExit(msg)
    module = importlib.util.module_from_spec(spec)
    sys.modules["te3"] = module
    spec.loader.exec_module(module)
    return module


def liveblog_system(text: str, dct: dt.date) -> list[Prediction]:
    """``find_mentions`` with the creation date as its reference."""
    return [(m.span[0], m.span[1], m.type, m.value) for m in find_mentions(text, dct)]


def _locate(text: str, found: Iterable[tuple[str, dt.datetime]]) -> list[Prediction]:
    """Place (substring, datetime) pairs in order in ``text``."""
    out: list[Prediction] = []
    pos = 0
    for sub, when in found:
        k = text.find(sub, pos)
        if k < 0:
            k = text.find(sub)
        if k < 0 or not sub.strip():
            continue
        out.append((k, k + len(sub), "DATE", when.date().isoformat()))
        pos = k + len(sub)
    return out


def dateparser_system(text: str, dct: dt.date) -> list[Prediction]:
    """``dateparser.search.search_dates`` relative to the creation date."""
    from dateparser.search import search_dates  # type: ignore[import-untyped]  # no stubs

    base = dt.datetime(dct.year, dct.month, dct.day, 12)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        found = search_dates(text, languages=["en"], settings={"RELATIVE_BASE": base})
    return _locate(text, found or [])


def datefinder_system(text: str, dct: dt.date) -> list[Prediction]:
    """``datefinder.find_dates`` relative to the creation date."""
    import datefinder  # type: ignore[import-untyped]  # ships no type information

    base = dt.datetime(dct.year, dct.month, dct.day, 12)
    out: list[Prediction] = []
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            for when, _source, (start, end) in datefinder.find_dates(
                text, source=True, index=True, base_date=base
            ):
                out.append((start, end, "DATE", when.date().isoformat()))
        except (ValueError, OverflowError, TypeError):
            pass
    return out


def evaluate(te3: ModuleType, docs: dict[str, Any], system: System) -> dict[str, float]:
    """Run ``system`` on every document and score it; adds throughput in MB/s."""
    preds: dict[str, list[Prediction]] = {}
    elapsed = 0.0
    for doc_id, doc in docs.items():
        t0 = time.perf_counter()
        preds[doc_id] = system(doc.text, doc.dct)
        elapsed += time.perf_counter() - t0
    scores, _stats = te3.score(docs, preds)
    metrics: dict[str, float] = scores.metrics()
    chars = sum(len(d.text) for d in docs.values())
    metrics["mb_per_s"] = chars / elapsed / 1e6 if elapsed else float("inf")
    return metrics


SEED = ROOT / "seeds" / "eaworldview-2024-01-22.txt"


def speed(megabytes: float, sample: str | None = None, day: dt.date | None = None) -> float:
    """find_mentions throughput in MB/s (CPU time, best of 3, warm) on ``sample`` (the
    seed blog by default) repeated to about ``megabytes``."""
    sample = SEED.read_text(encoding="utf-8") if sample is None else sample
    day = day or dt.date(2024, 1, 22)
    text = sample * max(1, int(megabytes * 1e6 / len(sample)))
    find_mentions(sample, day)  # compile the recognisers first
    best = float("inf")
    for _ in range(3):
        t0 = time.process_time()
        find_mentions(text, day)
        best = min(best, time.process_time() - t0)
    return len(text) / best / 1e6


def news_sample(corpus: Path, scorer: Path) -> tuple[str, dt.date] | None:
    """Plain news prose: the corpus documents' texts, one after another."""
    if not corpus.exists() or not scorer.exists():
        return None
    docs = load_scorer(scorer).load_corpus([str(corpus)])
    first = min(docs.values(), key=lambda d: d.dct)
    return "\n\n".join(d.text for d in docs.values()), first.dct


def main(argv: list[str] | None = None) -> int:
    """Print the figures for liveblog, dateparser and datefinder."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", nargs="?", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--scorer", type=Path, default=None)
    parser.add_argument("--errors", type=int, default=0, help="print liveblog's first N errors")
    parser.add_argument("--only", choices=["liveblog", "dateparser", "datefinder"])
    parser.add_argument("--speed", type=float, metavar="MB", help="only time find_mentions")
    args = parser.parse_args(argv)
    scorer = args.scorer or args.corpus.parent / "te3.py"
    if args.speed:
        print(f"find_mentions: {speed(args.speed):.2f} MB/s on {args.speed:g} MB of the seed")
        news = news_sample(args.corpus, scorer)
        if news is not None:
            rate = speed(args.speed, *news)
            print(f"find_mentions: {rate:.2f} MB/s on {args.speed:g} MB of news prose (corpus)")
        return 0
    te3 = load_scorer(scorer)
    docs = te3.load_corpus([str(args.corpus)])
    systems: dict[str, System] = {
        "liveblog": liveblog_system,
        "dateparser": dateparser_system,
        "datefinder": datefinder_system,
    }
    print(f"corpus: {args.corpus} ({len(docs)} documents)")
    columns = ("strict F1", "relaxed F1", "value F1", "type F1", "MB/s")
    print(f"{'system':<11} " + " ".join(f"{c:>10}" for c in columns))
    for name, system in systems.items():
        if args.only and name != args.only:
            continue
        m = evaluate(te3, docs, system)
        keys = ("strict_f1", "relaxed_f1", "value_f1", "type_f1", "mb_per_s")
        print(f"{name:<11} " + " ".join(f"{m[k]:>10.3f}" for k in keys))
    if args.errors:
        preds = {k: liveblog_system(d.text, d.dct) for k, d in docs.items()}
        scores, _ = te3.score(docs, preds, collect_errors=True)
        for err in scores.errors[: args.errors]:
            print(json.dumps(err, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

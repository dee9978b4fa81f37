"""Precision and recall of merge's near-duplicate measure across thresholds.

Usage: ``python benchmarks/dedupe_threshold.py [PAIRS_JSON]``.

Reads the labelled pairs in ``tests/data/dedupe_pairs.json`` and, for the measure merge
uses (:func:`liveblog.merging.similarity`: Jaccard on bigrams of content words), for the
rule merge applies (that measure, for the texts it compares: both short, or sharing a
key) and for a few alternatives (unigrams, bigrams and trigrams of all words), prints true
and false positives, precision, recall and F1 at each threshold, then the pairs the
library's rule gets wrong at :data:`liveblog.merging.THRESHOLD`. It never fails.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

# Imported after the sys.path set-up, so that the script scores this checkout's liveblog
from liveblog.merging import THRESHOLD, _compared, _words, similarity

PAIRS = Path(__file__).resolve().parent.parent / "tests" / "data" / "dedupe_pairs.json"
THRESHOLDS = [round(0.30 + 0.05 * i, 2) for i in range(13)]


def _ngram_jaccard(size: int) -> Callable[[str, str], float]:
    def measure(a: str, b: str) -> float:
        sets = []
        for text in (a, b):
            words = _words(text)
            grams = set(zip(*(words[i:] for i in range(size)), strict=False))
            sets.append(grams or {tuple(words)})
        return len(sets[0] & sets[1]) / len(sets[0] | sets[1])

    return measure


def _rule(a: str, b: str) -> float:
    """The similarity of the texts that merge compares, 0.0 for those it does not."""
    return similarity(a, b) if _compared(a, b) else 0.0


MEASURES: dict[str, Callable[[str, str], float]] = {
    "content bigrams (the measure)": similarity,
    "content bigrams, compared texts only (merge)": _rule,
    "all-word unigrams": _ngram_jaccard(1),
    "all-word bigrams": _ngram_jaccard(2),
    "all-word trigrams": _ngram_jaccard(3),
}


def _counts(scores: list[tuple[float, bool]], threshold: float) -> tuple[int, int, int]:
    tp = sum(1 for score, dup in scores if dup and score >= threshold)
    fp = sum(1 for score, dup in scores if not dup and score >= threshold)
    fn = sum(1 for score, dup in scores if dup and score < threshold)
    return tp, fp, fn


def _ratios(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def main(argv: list[str]) -> int:
    """Print the report; always returns 0."""
    path = Path(argv[0]) if argv else PAIRS
    pairs = json.loads(path.read_text(encoding="utf-8"))["pairs"]
    positives = sum(1 for p in pairs if p["duplicate"])
    print(f"{len(pairs)} pairs ({positives} duplicates, {len(pairs) - positives} not) from {path}")
    for name, measure in MEASURES.items():
        scores = [(measure(p["a"], p["b"]), bool(p["duplicate"])) for p in pairs]
        print(f"\n{name}")
        print(f"  {'t':>5} {'TP':>3} {'FP':>3} {'FN':>3} {'prec':>5} {'recall':>6} {'F1':>5}")
        for threshold in THRESHOLDS:
            tp, fp, fn = _counts(scores, threshold)
            precision, recall, f1 = _ratios(tp, fp, fn)
            mark = "  <- THRESHOLD" if name.endswith("(merge)") and threshold == THRESHOLD else ""
            print(
                f"  {threshold:5.2f} {tp:3d} {fp:3d} {fn:3d} {precision:5.2f} {recall:6.2f} "
                f"{f1:5.2f}{mark}"
            )
        negatives = sorted((s for s, dup in scores if not dup), reverse=True)
        print(f"  highest non-duplicate scores: {', '.join(f'{s:.2f}' for s in negatives[:3])}")
    print(f"\nmistakes of the merge rule at THRESHOLD = {THRESHOLD}:")
    for pair in pairs:
        score = _rule(pair["a"], pair["b"])
        if (score >= THRESHOLD) != pair["duplicate"]:
            label = "missed duplicate" if pair["duplicate"] else "false merge"
            print(f"  {score:.3f} {label:16} {pair['kind']}: {pair['b'][:60]!r}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))

"""Entry-boundary and timestamp accuracy of ``liveblog.parse`` on the corpus in ``tests/corpus/``.

Usage: ``python benchmarks/dialect_corpus.py [--explain] [--only NAME]``.

Prints one row per blog (expected, parsed and matched entries, precision, recall, F1,
timestamp accuracy, order) and the totals micro-averaged over entries. ``--explain`` adds
the side-by-side listing of every blog that is not perfect. It never fails: a blog whose
parse raises is scored as a parse that found nothing, and the error is listed.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

# Imported after the sys.path set-up, so that the script runs from any directory.
from liveblog import Timeline
from tests.corpus_score import (
    CORPUS_DIR,
    CaseScore,
    format_report,
    load_corpus,
    parse_case,
    score,
)


def main(argv: list[str] | None = None) -> int:
    """Run the corpus and print the report; always returns 0."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--explain", action="store_true", help="list entries of imperfect blogs")
    parser.add_argument("--only", default="", help="score only blogs whose name contains this")
    parser.add_argument("--corpus", type=Path, default=CORPUS_DIR, help="corpus directory")
    args = parser.parse_args(argv)
    scores: list[CaseScore] = []
    errors: list[tuple[str, str]] = []
    for case in load_corpus(args.corpus):
        if args.only not in case.name:
            continue
        try:
            timeline = parse_case(case)
        except Exception as err:  # a benchmark reports failures and never stops
            errors.append((case.name, f"{type(err).__name__}: {err}"))
            timeline = Timeline(entries=())
        scores.append(score(case, timeline))
    print(format_report(scores, errors=errors))
    if args.explain:
        for s in scores:
            if not s.is_perfect:
                print()
                print(s.explain())
    return 0


if __name__ == "__main__":
    sys.exit(main())

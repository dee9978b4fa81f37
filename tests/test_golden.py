"""Golden tests: every seed parses to exactly its expected timeline.

Each ``seeds/<name>.txt`` has ``seeds/<name>.json`` beside it: ``{"date": ..., "tz": ...,
"timeline": <Timeline.to_dict(include_text=False)>}``. After an intended change of
output, regenerate with ``python -m tests.test_golden --regenerate`` and review the diff.
"""

from __future__ import annotations

import datetime as dt
import json
import sys
from pathlib import Path
from typing import Any

import pytest

import liveblog

SEEDS = Path(__file__).parent.parent / "seeds"
SEED_FILES = sorted(SEEDS.glob("*.txt"))


def _golden_path(seed: Path) -> Path:
    return seed.with_suffix(".json")


def _parse_seed(seed: Path, golden: dict[str, Any]) -> liveblog.Timeline:
    date = dt.date.fromisoformat(golden["date"]) if golden.get("date") else None
    return liveblog.parse(seed.read_text(encoding="utf-8"), date=date, tz=golden.get("tz"))


@pytest.mark.parametrize("seed", SEED_FILES, ids=[s.stem for s in SEED_FILES])
def test_seed_matches_golden(seed: Path) -> None:
    """The seed's parse equals its golden JSON, field for field."""
    golden = json.loads(_golden_path(seed).read_text(encoding="utf-8"))
    tl = _parse_seed(seed, golden)
    assert tl.to_dict(include_text=False) == golden["timeline"]
    assert liveblog.Timeline.from_dict(golden["timeline"]) == tl


def test_every_seed_has_a_golden_file() -> None:
    """No seed is left without its expected output."""
    assert SEED_FILES
    assert all(_golden_path(s).exists() for s in SEED_FILES)


def regenerate() -> None:
    """Rewrite every golden file from the current parser, keeping its arguments."""
    for seed in SEED_FILES:
        path = _golden_path(seed)
        golden = json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}
        golden.setdefault("date", None)
        golden.setdefault("tz", None)
        golden["timeline"] = _parse_seed(seed, golden).to_dict(include_text=False)
        path.write_text(json.dumps(golden, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
        print(f"wrote {path}")


if __name__ == "__main__" and "--regenerate" in sys.argv:
    regenerate()

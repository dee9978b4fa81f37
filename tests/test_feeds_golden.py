"""Golden feeds: every seed's JSON Feed, Atom and JSON-LD equal the files in ``seeds/``.

For ``seeds/<stem>.txt`` the golden files are ``seeds/<stem>.jsonfeed.json``,
``seeds/<stem>.atom.xml`` and ``seeds/<stem>.jsonld.json``; each one present is
compared. The parse arguments (``date``, ``tz``) come from ``seeds/<stem>.json`` when
it exists. After an intended change of output, regenerate with
``python -m tests.test_feeds_golden --regenerate`` and review the diff.
"""

from __future__ import annotations

import datetime as dt
import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import jsonfeed  # type: ignore[import-untyped]
import jsonschema  # type: ignore[import-untyped]
import pytest

import liveblog
from liveblog.feeds import dumps_json_feed, from_json_feed, to_atom, to_json_feed, to_json_ld

SEEDS = Path(__file__).parent.parent / "seeds"
SEED_FILES = sorted(SEEDS.glob("*.txt"))
SCHEMA = json.loads((Path(__file__).parent / "jsonfeed-1.1.schema.json").read_text("utf-8"))
NO_PARSE = "liveblog.parse does not exist yet"


def _json_ld(tl: liveblog.Timeline) -> str:
    return json.dumps(to_json_ld(tl), ensure_ascii=False, indent=2) + "\n"


# golden file suffix -> how the seed's timeline is written (default arguments only)
FORMATS: dict[str, Callable[[liveblog.Timeline], str]] = {
    "jsonfeed.json": lambda tl: dumps_json_feed(to_json_feed(tl)),
    "atom.xml": to_atom,
    "jsonld.json": _json_ld,
}


def parse_seed(seed: Path) -> liveblog.Timeline:
    """Parse a seed with the date and zone its ``<stem>.json`` gives (else None)."""
    arguments: dict[str, Any] = {}
    if seed.with_suffix(".json").exists():
        arguments = json.loads(seed.with_suffix(".json").read_text(encoding="utf-8"))
    date = dt.date.fromisoformat(arguments["date"]) if arguments.get("date") else None
    parse: Callable[..., liveblog.Timeline] = liveblog.parse
    return parse(seed.read_text(encoding="utf-8"), date=date, tz=arguments.get("tz"))


def _golden(seed: Path, suffix: str) -> Path:
    return seed.with_name(f"{seed.stem}.{suffix}")


GOLDEN_CASES = [
    (seed, suffix) for seed in SEED_FILES for suffix in FORMATS if _golden(seed, suffix).exists()
]
needs_parse = pytest.mark.skipif(not hasattr(liveblog, "parse"), reason=NO_PARSE)


@needs_parse
@pytest.mark.parametrize(
    ("seed", "suffix"), GOLDEN_CASES, ids=[f"{s.stem}.{x}" for s, x in GOLDEN_CASES]
)
def test_seed_feed_matches_golden(seed: Path, suffix: str) -> None:
    """The seed's feed in this format equals its golden file byte for byte."""
    assert FORMATS[suffix](parse_seed(seed)) == _golden(seed, suffix).read_text(encoding="utf-8")


@needs_parse
@pytest.mark.parametrize("seed", SEED_FILES, ids=[s.stem for s in SEED_FILES])
def test_seed_round_trips_through_json_feed(seed: Path) -> None:
    """A parsed seed comes back equal from its JSON Feed, which consumers accept."""
    tl = parse_seed(seed)
    text = dumps_json_feed(to_json_feed(tl, content_html=True))
    feed = json.loads(text)
    assert from_json_feed(feed) == tl
    jsonschema.validate(feed, SCHEMA)
    parsed = jsonfeed.Feed.parse_string(text)
    assert [i.id for i in parsed.items] == [e.id for e in reversed(tl.entries)]


def regenerate(seeds: Path = SEEDS) -> list[Path]:
    """Write every golden feed for every seed in ``seeds``; return the paths written."""
    written = []
    for seed in sorted(seeds.glob("*.txt")):
        tl = parse_seed(seed)
        for suffix, write in FORMATS.items():
            path = _golden(seed, suffix)
            path.write_text(write(tl), encoding="utf-8")
            written.append(path)
    return written


@needs_parse
def test_regenerate_writes_what_the_test_compares(tmp_path: Path) -> None:
    """regenerate() writes one file per seed and format, and they match on a second run."""
    for seed in SEED_FILES:
        for path in (seed, seed.with_suffix(".json")):
            if path.exists():
                (tmp_path / path.name).write_bytes(path.read_bytes())
    written = regenerate(tmp_path)
    assert len(written) == len(SEED_FILES) * len(FORMATS)
    for path in written:
        seed = path.with_name(path.name.split(".")[0] + ".txt")
        suffix = path.name.split(".", 1)[1]
        assert FORMATS[suffix](parse_seed(seed)) == path.read_text(encoding="utf-8")


if __name__ == "__main__" and "--regenerate" in sys.argv:
    for written_path in regenerate():
        print(f"wrote {written_path}")

"""Golden tests: hand-written live-blog pages in tests/html/ and their expected entries."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest

from liveblog.html import parse_html
from liveblog.model import Timeline

PAGES = sorted((Path(__file__).parent / "html").glob("*.html"))


def _parse(page: Path) -> tuple[Timeline, dict[str, Any]]:
    golden: dict[str, Any] = json.loads(page.with_suffix(".json").read_text(encoding="utf-8"))
    args = golden["args"]
    tl = parse_html(
        page.read_bytes(),
        date=None if args["date"] is None else dt.date.fromisoformat(args["date"]),
        tz=args["tz"],
        prefer=args["prefer"],
    )
    return tl, golden


def _utc(value: dt.datetime | None) -> str | None:
    return None if value is None else value.astimezone(dt.UTC).isoformat()


def test_there_are_at_least_fifteen_pages() -> None:
    """The corpus of hand-written pages has at least 15 pages, each with its golden file."""
    assert len(PAGES) >= 15
    assert all(p.with_suffix(".json").exists() for p in PAGES)


@pytest.mark.parametrize("page", PAGES, ids=[p.stem for p in PAGES])
def test_page_matches_golden(page: Path) -> None:
    """Each page parses to the entries, source, warnings and text its golden file states."""
    tl, golden = _parse(page)
    assert tl.origin == golden["origin"]
    assert sorted({w.code for w in tl.warnings}) == sorted(golden["warnings"])
    if "warning_contains" in golden:
        assert any(golden["warning_contains"] in w.message for w in tl.warnings)
    if "encoding" in golden:
        assert tl.encoding == golden["encoding"]
    if "date" in golden:
        assert tl.date == dt.date.fromisoformat(golden["date"])
    assert tl.text is not None
    for chrome in golden.get("must_not_contain", ()):
        assert chrome not in tl.text
    if "preamble_contains" in golden:
        assert golden["preamble_contains"] in tl.preamble.text
    entries = tl.entries
    assert len(entries) == len(golden["entries"]), [e.body[:40] for e in entries]
    for entry, want in zip(entries, golden["entries"], strict=True):
        assert _utc(entry.published) == want["published"]
        assert entry.marker == want["marker"]
        assert entry.body.startswith(want["body_starts"]), entry.body
        if "headline" in want:
            assert entry.headline == want["headline"]
        if "author" in want:
            assert entry.author == want["author"]
        if "html_contains" in want:
            assert want["html_contains"] in (entry.html or "")


@pytest.mark.parametrize("page", PAGES, ids=[p.stem for p in PAGES])
def test_page_spans_point_into_text(page: Path) -> None:
    """Every entry's span covers its body in ``tl.text``, and every entry keeps HTML."""
    tl, _golden = _parse(page)
    assert tl.text is not None
    for entry in tl.entries:
        covered = tl.text[slice(*entry.span)]
        first_line = entry.body.split("\n", 1)[0]
        assert first_line in covered
        assert entry.html
        assert "<script" not in entry.html

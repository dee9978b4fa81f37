"""A timeline read from a path is named after its file, as the command line names it."""

from __future__ import annotations

import datetime as dt
import io
import os
from pathlib import Path

import pytest

import liveblog
from liveblog import Provenance, Source, Timeline

DAY = dt.date(2024, 1, 22)
BLOG = "UPDATE 1602 GMT: Talks end.\n\nUPDATE 1548 GMT: Talks begin.\n"
PAGE = "<html><body><p>UPDATE 1602 GMT: Talks end.</p><p>UPDATE 1548 GMT: Talks begin.</p>"


def _write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def _names(tl: Timeline) -> tuple[str | None, set[tuple[str, ...]]]:
    """The timeline's source name and its entries' source names."""
    name = None if tl.source is None else tl.source.name
    return name, {tuple(p.source.name for p in e.sources) for e in tl}


def test_parse_names_a_path_after_its_file(tmp_path: Path) -> None:
    path = _write(tmp_path, "blog.txt", BLOG)
    tl = liveblog.parse(path, date=DAY)
    assert tl.source == Source(name=os.fspath(path))
    assert [e.sources for e in tl] == [(Provenance(Source(os.fspath(path)), e.id),) for e in tl]


def test_parse_html_names_a_path_after_its_file(tmp_path: Path) -> None:
    path = _write(tmp_path, "page.html", PAGE)
    tl = liveblog.parse_html(path, date=DAY)
    assert len(tl) == 2
    assert _names(tl) == (os.fspath(path), {(os.fspath(path),)})


@pytest.mark.parametrize("given", ["bbc", Source(name="bbc", url="https://bbc.example/live")])
def test_a_given_source_wins_over_the_path(tmp_path: Path, given: str | Source) -> None:
    path = _write(tmp_path, "blog.txt", BLOG)
    for tl in (
        liveblog.parse(path, date=DAY, source=given),
        liveblog.parse_html(_write(tmp_path, "page.html", PAGE), date=DAY, source=given),
        next(liveblog.parse_many([path], date=DAY, source=given)).unwrap(),
    ):
        assert _names(tl) == ("bbc", {("bbc",)})


def test_text_bytes_and_open_files_stay_unnamed(tmp_path: Path) -> None:
    """Only a path names the timeline: an open file's ``name`` may be a descriptor, a
    pseudo-name (``<stdin>``) or relative to another folder."""
    path = _write(tmp_path, "blog.txt", BLOG)
    with path.open("rb") as handle:
        opened = liveblog.parse(handle, date=DAY)
    for tl in (
        liveblog.parse(BLOG, date=DAY),
        liveblog.parse(BLOG.encode(), date=DAY),
        liveblog.parse(io.StringIO(BLOG), date=DAY),
        opened,
        liveblog.parse_html(PAGE, date=DAY),
    ):
        assert _names(tl) == (None, {()})


@pytest.mark.parametrize("jobs", [1, 2])
def test_parse_many_names_paths_as_parse_does(tmp_path: Path, jobs: int) -> None:
    blogs: list[Path | str | bytes] = [
        _write(tmp_path, "a.txt", BLOG),
        _write(tmp_path, "b.html", PAGE),
        BLOG,
        BLOG.encode(),
    ]
    results = list(liveblog.parse_many(blogs, date=DAY, jobs=jobs))
    expected = [
        liveblog.parse(blogs[0], date=DAY),
        liveblog.parse_html(blogs[1], date=DAY),
        liveblog.parse(BLOG, date=DAY),
        liveblog.parse(BLOG.encode(), date=DAY),
    ]
    assert [r.unwrap() for r in results] == expected
    paths = [os.fspath(tmp_path / "a.txt"), os.fspath(tmp_path / "b.html")]
    assert [_names(r.unwrap())[0] for r in results] == [*paths, None, None]


def test_merge_lists_files_not_positions(tmp_path: Path) -> None:
    first = _write(tmp_path, "first.txt", "UPDATE 1548 GMT: Talks begin.")
    second = _write(tmp_path, "second.txt", "UPDATE 1548 GMT: Talks begin.")
    merged = liveblog.merge(*(r.unwrap() for r in liveblog.parse_many([first, second], date=DAY)))
    assert [p.source.name for p in merged[0].sources] == [os.fspath(first), os.fspath(second)]

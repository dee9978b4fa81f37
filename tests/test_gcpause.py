"""Pausing the garbage collector: liveblog's work leaves no reference cycles behind.

``parse``, ``parse_html``, ``with_mentions``, ``merge`` and unpickling a timeline run with the
cyclic collector paused (:mod:`liveblog.gcpause`). That is only sound while the objects they
create are freed by reference counting alone: these tests count the cyclic garbage a run
leaves.
"""

from __future__ import annotations

import contextlib
import gc
import pickle
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

import liveblog
from liveblog import gcpause
from liveblog.gcpause import pausing_gc
from liveblog.parse import with_mentions

TESTS = Path(__file__).resolve().parent
TEXTS = sorted((TESTS / "corpus").glob("*.txt")) + sorted((TESTS.parent / "seeds").glob("*.txt"))
PAGES = sorted((TESTS / "html").glob("*.html"))


@pytest.fixture
def collector_off() -> Iterator[None]:
    """The collector off and no garbage pending, so that a later collect counts ours."""
    gc.collect()
    gc.disable()
    try:
        yield
    finally:
        gc.enable()


def cyclic_garbage(run: Callable[[], object]) -> int:
    """Objects in cycles that ``run`` left unreachable (after a warm-up run)."""
    run()  # first use compiles patterns and fills caches
    gc.collect()
    run()
    return gc.collect()


@pytest.mark.usefixtures("collector_off")
@pytest.mark.parametrize("path", TEXTS[::20] + TEXTS[-2:], ids=lambda p: p.name)
def test_parse_leaves_no_cycles(path: Path) -> None:
    """Parsing a blog, with mentions and with its date inferred, frees all it drops."""
    text = path.read_text(encoding="utf-8")
    assert cyclic_garbage(lambda: liveblog.parse(text)) == 0
    assert cyclic_garbage(lambda: with_mentions(liveblog.parse(text, mentions=False))) == 0


@pytest.mark.usefixtures("collector_off")
@pytest.mark.parametrize("path", PAGES, ids=lambda p: p.name)
def test_parse_html_leaves_no_cycles(path: Path) -> None:
    """Reading a page (its markup, JSON-LD and text) frees all it drops."""
    page = path.read_bytes()
    assert cyclic_garbage(lambda: liveblog.parse_html(page)) == 0


@pytest.mark.usefixtures("collector_off")
def test_merge_leaves_no_cycles() -> None:
    """Merging blogs with copies between them (dedupe on) frees all it drops."""
    blogs = [liveblog.parse(path.read_text(encoding="utf-8")) for path in TEXTS[:6]]
    blogs += blogs[:2]  # the same posts twice: groups of copies to fold
    assert cyclic_garbage(lambda: liveblog.merge(*blogs)) == 0
    assert cyclic_garbage(lambda: liveblog.merge(*blogs, dedupe=False)) == 0


@pytest.mark.usefixtures("collector_off")
def test_unpickling_leaves_no_cycles() -> None:
    """Unpickling timelines (what parse_many's parent does for every blog) frees all it
    drops, a merge's (texts of its own) as a parse's (texts as offsets)."""
    blogs = [liveblog.parse(path.read_text(encoding="utf-8")) for path in TEXTS[:6]]
    data = pickle.dumps([*blogs, liveblog.merge(*blogs)])
    assert cyclic_garbage(lambda: pickle.loads(data)) == 0


@pytest.mark.usefixtures("collector_off")
def test_errors_leave_no_cycles() -> None:
    """A strict parse that raises leaves no cycles once its exception is dropped."""

    def fail() -> None:
        with contextlib.suppress(liveblog.NoMarkersError):
            liveblog.parse("no markers here", strict=True)

    assert cyclic_garbage(fail) == 0


def test_collector_state_is_restored() -> None:
    """On return and on raise the collector is switched back on; off, it stays off."""
    seen: list[bool] = []

    @pausing_gc
    def work(fail: bool) -> None:
        seen.append(gc.isenabled())
        if fail:
            raise ValueError(fail)

    assert gc.isenabled()
    work(False)
    with pytest.raises(ValueError, match="True"):
        work(True)
    assert gc.isenabled()
    gc.disable()
    try:
        work(False)
        assert not gc.isenabled()
    finally:
        gc.enable()
    assert seen == [False, False, False]


def test_the_pause_can_be_switched_off(monkeypatch: pytest.MonkeyPatch) -> None:
    """With ``PAUSE = False`` the collector keeps running during the work."""
    seen: list[bool] = []

    @pausing_gc
    def work() -> None:
        seen.append(gc.isenabled())

    monkeypatch.setattr(gcpause, "PAUSE", False)
    work()
    monkeypatch.setattr(gcpause, "PAUSE", True)
    work()
    assert seen == [True, False]


def test_public_functions_keep_their_signature() -> None:
    """The pause is invisible: name, docstring and signature are the function's own."""
    assert liveblog.parse.__name__ == "parse"
    assert liveblog.parse.__doc__ is not None
    assert "mentions" in liveblog.parse.__doc__
    assert liveblog.parse_html.__wrapped__.__name__ == "parse_html"  # type: ignore[attr-defined]

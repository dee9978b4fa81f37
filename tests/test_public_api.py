"""Pins the public namespace: additions and removals are deliberate."""

from __future__ import annotations

import pytest

import liveblog


def test_all_is_pinned() -> None:
    """liveblog.__all__ lists exactly the public names, once each (ruff keeps it sorted)."""
    assert len(liveblog.__all__) == len(set(liveblog.__all__))
    assert set(liveblog.__all__) == {
        "DEFAULT_DIALECTS",
        "Block",
        "DateEvidence",
        "DecodeError",
        "Diagnostic",
        "Dialect",
        "DialectChoice",
        "DialectScore",
        "Entry",
        "FeedError",
        "LiveblogError",
        "Marker",
        "MarkerError",
        "Mention",
        "NoMarkersError",
        "OrderError",
        "ParseError",
        "PatternDialect",
        "Provenance",
        "Result",
        "Source",
        "Span",
        "Timeline",
        "ZoneError",
        "__version__",
        "changes",
        "find_mentions",
        "looks_like_html",
        "merge",
        "parse",
        "parse_html",
        "parse_many",
    }


def test_every_public_name_resolves() -> None:
    """Every name in __all__ is importable from liveblog."""
    for name in liveblog.__all__:
        assert getattr(liveblog, name) is not None


def test_heavy_parts_load_on_first_use() -> None:
    """import liveblog does not load the HTML reader, the merger or the process pool."""
    import subprocess
    import sys

    code = (
        "import sys, liveblog\n"
        "lazy = ('liveblog.html', 'liveblog.merging', 'liveblog.many', 'liveblog.feeds')\n"
        "print(sorted(m for m in lazy if m in sys.modules))\n"
        "liveblog.merge\n"
        "print('liveblog.merging' in sys.modules)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.split("\n")[:2] == ["[]", "True"]


def test_unknown_attribute_raises_attribute_error() -> None:
    """Names liveblog does not have raise AttributeError."""
    with pytest.raises(AttributeError, match="has no attribute 'nope'"):
        _ = liveblog.nope


def test_mention_tables_load_with_the_first_parse() -> None:
    """import liveblog does not load liveblog.temporal; parsing or find_mentions does."""
    import subprocess
    import sys

    code = (
        "import sys, liveblog\n"
        "print('liveblog.temporal' in sys.modules)\n"
        "liveblog.find_mentions('on Monday', None)\n"
        "print('liveblog.temporal' in sys.modules)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.split("\n")[:2] == ["False", "True"]


def test_merge_stays_the_function_whatever_is_imported_first() -> None:
    """Importing the merger's module (or the command line) never hides liveblog.merge."""
    import subprocess
    import sys

    code = (
        "import liveblog.merging, liveblog.cli, liveblog\n"
        "print(callable(liveblog.merge), liveblog.merge is liveblog.merging.merge)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.split() == ["True", "True"]


def test_pattern_dialect_options_are_keyword_only() -> None:
    """docs/api.md gives ``PatternDialect(name, pattern, *, kind=..., ...)``: an option
    passed by position is refused, not read as ``kind``."""
    with pytest.raises(TypeError):
        liveblog.PatternDialect("a", r"x(?P<hour>\d\d)", "opening")  # type: ignore[call-arg]
    assert liveblog.PatternDialect("a", r"x(?P<hour>\d\d)", kind="opening").kind == "opening"

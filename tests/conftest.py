"""Shared pytest set-up: the Hypothesis profiles."""

from __future__ import annotations

import os

from hypothesis import HealthCheck, settings

settings.register_profile(
    "ci",
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
    derandomize=True,
    print_blob=True,
)
# print_blob: a failure prints the @reproduce_failure line that replays it, whatever
# state earlier tests left in the caches (a long fuzz run failed once, unreproduced)
settings.register_profile("dev", max_examples=40, deadline=None, print_blob=True)
settings.register_profile("fuzz", max_examples=5000, deadline=None, print_blob=True)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci" if os.environ.get("CI") else "dev"))


def pytest_collection_modifyitems(config: object, items: list[object]) -> None:
    """Skip tests marked ``fuzz`` unless LIVEBLOG_FUZZ=1 asks for the long runs."""
    import pytest

    if os.environ.get("LIVEBLOG_FUZZ") == "1":
        return
    skip = pytest.mark.skip(reason="long fuzz run: set LIVEBLOG_FUZZ=1")
    for item in items:
        if isinstance(item, pytest.Item) and item.get_closest_marker("fuzz"):
            item.add_marker(skip)

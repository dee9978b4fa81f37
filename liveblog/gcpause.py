"""Pausing the cyclic garbage collector while liveblog builds a large result.

A parse (or a merge, or unpickling a timeline) allocates many small objects that all live as
long as the timeline (entries, markers, mentions, their spans and datetimes). CPython's
cyclic collector runs after every few hundred allocations and, now and then, walks every
tracked object alive: on a 16 MB blog that is about a third of the parse, and a share that
grows with the blog, so the cost stops growing linearly. liveblog's work creates no
reference cycles (a test holds it to that: ``tests/test_gcpause.py``), so pausing the
collector frees nothing later than it would have been freed anyway: objects without cycles
are freed by reference counting as soon as they are dropped.

The pause is process-wide, as the collector is: while a parse runs, cycles that other
threads drop wait for it to return before they are collected. If the collector is
already off, it is left off; otherwise it is switched on again when the call returns or
raises. A program that wants the collector left alone sets ``PAUSE = False``:

>>> import liveblog.gcpause
>>> liveblog.gcpause.PAUSE = False  # parse, parse_html, merge, unpickling leave it running
>>> liveblog.gcpause.PAUSE = True
"""

from __future__ import annotations

import functools
import gc
from collections.abc import Callable
from typing import ParamSpec, TypeVar

__all__ = ["PAUSE", "pausing_gc"]

PAUSE = True
"""Whether liveblog pauses the cyclic collector during its work (see the module docstring)."""

P = ParamSpec("P")
R = TypeVar("R")


def pausing_gc(func: Callable[P, R]) -> Callable[P, R]:
    """Run ``func`` with the cyclic garbage collector paused.

    >>> import gc
    >>> @pausing_gc
    ... def busy() -> bool:
    ...     return gc.isenabled()
    >>> busy(), gc.isenabled()
    (False, True)
    """

    @functools.wraps(func)
    def paused(*args: P.args, **kwargs: P.kwargs) -> R:
        if not PAUSE or not gc.isenabled():
            return func(*args, **kwargs)
        gc.disable()
        try:
            return func(*args, **kwargs)
        finally:
            gc.enable()

    return paused

"""Whether a page's JSON-LD can be trusted: its own consistency and the visible page's count."""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection, Sequence

from liveblog.html.jsonld import LiveBlogData

__all__ = ["TRUNCATION_RATIO", "check_live_blog", "zone_shift"]

TRUNCATION_RATIO = 1.5
"""The visible page showing more than this many times the JSON-LD's updates means the
JSON-LD was cut short (publishers often list only the latest 10 or 20)."""


def zone_shift(stated: Sequence[dt.datetime], shown: Collection[dt.datetime]) -> int | None:
    """The whole number of hours by which ``stated`` instants are off ``shown`` ones.

    Returns None unless at least three ``shown`` instants exist, fewer than half of them
    match a ``stated`` one (within a minute), and moving every ``stated`` instant by
    the same non-zero number of hours (at most 14) makes at least four fifths match:
    the sign of a zone error, such as local times written with ``Z``.

    >>> utc = dt.timezone.utc
    >>> shown = [dt.datetime(2024, 1, 16, h, tzinfo=utc) for h in (8, 9, 11)]
    >>> zone_shift([t + dt.timedelta(hours=2) for t in shown], shown)
    2
    >>> zone_shift(shown, shown) is None
    True
    """
    if len(shown) < 3 or not stated:
        return None
    tolerance = dt.timedelta(minutes=1)

    def matched(offset: dt.timedelta) -> int:
        moved = sorted(t - offset for t in stated)
        return sum(1 for t in shown if _near(moved, t, tolerance))

    if matched(dt.timedelta(0)) * 2 >= len(shown):
        return None
    for hours in sorted(range(-14, 15), key=abs):
        if hours and matched(dt.timedelta(hours=hours)) * 5 >= 4 * len(shown):
            return hours
    return None


def _near(ordered: Sequence[dt.datetime], t: dt.datetime, tolerance: dt.timedelta) -> bool:
    lo, hi = 0, len(ordered)
    while lo < hi:  # first instant >= t - tolerance
        mid = (lo + hi) // 2
        if ordered[mid] < t - tolerance:
            lo = mid + 1
        else:
            hi = mid
    return lo < len(ordered) and ordered[lo] <= t + tolerance


def check_live_blog(
    blog: LiveBlogData,
    *,
    visible_entries: int | None,
    visible_instants: Collection[dt.datetime] = (),
) -> str | None:
    """Say why a live blog's JSON-LD must not be used, or None when it is sane.

    The checks, in order: the data is valid JSON; it has at least one update; every
    update has a ``datePublished`` with an offset (or a ``tz`` to read it in); several
    updates do not all share one ``datePublished`` (a CMS stamping every post with the
    page's time); no update is dated before ``coverageStartTime`` (coverage times set
    to the latest post); and, when ``visible_entries`` is given, the visible page does
    not show more than 1.5 times as many entries (the JSON-LD was truncated); and the
    instants the page's own ``<time datetime>`` elements give its entries
    (``visible_instants``) are not all a whole number of hours off the JSON-LD's (see
    :func:`zone_shift`).

    Args:
        blog: the data read by :func:`~liveblog.html.jsonld.read_live_blogs`.
        visible_entries: the number of entries the visible page yields, or None to
            skip the comparisons with the visible page.
        visible_instants: the visible entries' instants taken from ``<time>`` elements.

    Returns:
        A lower-case reason without a trailing period, or None.

    >>> from liveblog.html.jsonld import LiveBlogData
    >>> check_live_blog(LiveBlogData(updates=()), visible_entries=3)
    'json-ld has no liveBlogUpdate items'
    """
    if blog.problem is not None:
        return blog.problem
    updates = blog.updates
    if not updates:
        return "json-ld has no liveBlogUpdate items"
    for k, update in enumerate(updates, start=1):
        if update.published is None:
            written = update.published_text
            if written is None:
                return f"json-ld update {k} of {len(updates)} has no datePublished"
            return (
                f"json-ld update {k} of {len(updates)} has a datePublished without "
                f"an offset or unreadable ({written!r})"
            )
    instants = {u.published for u in updates}
    if len(updates) > 1 and len(instants) == 1:
        return (
            f"all {len(updates)} json-ld updates have the same datePublished "
            f"({updates[0].published_text!r})"
        )
    start = blog.coverage_start
    if start is not None:
        for k, update in enumerate(updates, start=1):
            if update.published is not None and update.published < start:
                return (
                    f"json-ld update {k} ({update.published_text!r}) is dated before "
                    f"coverageStartTime ({blog.coverage_start_text!r})"
                )
    if visible_entries is not None and visible_entries > TRUNCATION_RATIO * len(updates):
        return (
            f"json-ld lists {len(updates)} updates but the visible page shows "
            f"{visible_entries} entries (truncated)"
        )
    if visible_entries is not None:
        stated = [u.published for u in updates if u.published is not None]
        hours = zone_shift(stated, visible_instants)
        if hours is not None:
            return f"json-ld times are {hours:+d} h off the page's <time> elements (a zone error)"
    return None

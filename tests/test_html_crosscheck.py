"""Tests for liveblog.html.crosscheck: when JSON-LD is trusted and when it is rejected."""

from __future__ import annotations

import datetime as dt

from liveblog.html.crosscheck import check_live_blog, zone_shift
from liveblog.html.jsonld import LiveBlogData, Update


def _update(written: str | None, hour: int | None = None) -> Update:
    published = None if hour is None else dt.datetime(2024, 1, 16, hour, tzinfo=dt.UTC)
    return Update(None, "body", written, published, None, None)


SANE = (_update("2024-01-16T09:00Z", 9), _update("2024-01-16T08:00Z", 8))


def test_sane_data_is_accepted() -> None:
    """Distinct readable dates, after coverage start, not outnumbered: no reason."""
    start = dt.datetime(2024, 1, 16, 7, tzinfo=dt.UTC)
    blog = LiveBlogData(updates=SANE, coverage_start=start)
    assert check_live_blog(blog, visible_entries=3) is None


def test_unreadable_json_is_rejected() -> None:
    """The reader's problem is the reason."""
    blog = LiveBlogData(updates=(), problem="json-ld is not valid JSON (JSONDecodeError)")
    assert check_live_blog(blog, visible_entries=None) == (
        "json-ld is not valid JSON (JSONDecodeError)"
    )


def test_no_updates_is_rejected() -> None:
    """A LiveBlogPosting without updates is empty."""
    assert check_live_blog(LiveBlogData(updates=()), visible_entries=None) == (
        "json-ld has no liveBlogUpdate items"
    )


def test_missing_date_is_rejected() -> None:
    """An update without datePublished says which one."""
    blog = LiveBlogData(updates=(SANE[0], _update(None)))
    assert check_live_blog(blog, visible_entries=None) == (
        "json-ld update 2 of 2 has no datePublished"
    )


def test_unreadable_date_is_rejected() -> None:
    """An update whose datePublished has no offset (or is junk) is quoted."""
    blog = LiveBlogData(updates=(_update("2024-01-16T09:00"), SANE[1]))
    assert check_live_blog(blog, visible_entries=None) == (
        "json-ld update 1 of 2 has a datePublished without an offset or unreadable "
        "('2024-01-16T09:00')"
    )


def test_all_dates_equal_is_rejected() -> None:
    """Several updates stamped with one time were stamped by the CMS, not the writers."""
    same = (_update("2024-01-16T09:00Z", 9),) * 3
    assert check_live_blog(LiveBlogData(updates=same), visible_entries=None) == (
        "all 3 json-ld updates have the same datePublished ('2024-01-16T09:00Z')"
    )


def test_one_update_may_have_any_date() -> None:
    """A single update cannot disagree with itself."""
    blog = LiveBlogData(updates=SANE[:1])
    assert check_live_blog(blog, visible_entries=1) is None


def test_update_before_coverage_start_is_rejected() -> None:
    """Coverage start set to the latest post contradicts the older posts."""
    start = dt.datetime(2024, 1, 16, 9, tzinfo=dt.UTC)
    blog = LiveBlogData(updates=SANE, coverage_start=start, coverage_start_text="09:00 text")
    assert check_live_blog(blog, visible_entries=None) == (
        "json-ld update 2 ('2024-01-16T08:00Z') is dated before coverageStartTime ('09:00 text')"
    )


def test_truncated_data_is_rejected() -> None:
    """More than 1.5 times as many visible entries means the JSON-LD was cut short."""
    blog = LiveBlogData(updates=SANE)
    assert check_live_blog(blog, visible_entries=3) is None
    assert check_live_blog(blog, visible_entries=4) == (
        "json-ld lists 2 updates but the visible page shows 4 entries (truncated)"
    )


def test_count_check_is_skipped_without_a_visible_count() -> None:
    """visible_entries=None trusts the JSON-LD's count."""
    assert check_live_blog(LiveBlogData(updates=SANE), visible_entries=None) is None


def _hours(*hours: int) -> list[dt.datetime]:
    return [dt.datetime(2024, 1, 16, h, 30, tzinfo=dt.UTC) for h in hours]


def test_json_ld_shifted_by_whole_hours_is_rejected() -> None:
    """JSON-LD times all one hour off the page's <time> elements are a zone error."""
    stated = (
        Update(None, "b", "x", _hours(10)[0], None, None),
        Update(None, "a", "x", _hours(9)[0], None, None),
        Update(None, "c", "x", _hours(13)[0], None, None),
    )
    blog = LiveBlogData(updates=stated)
    assert check_live_blog(blog, visible_entries=3, visible_instants=_hours(8, 9, 12)) == (
        "json-ld times are +1 h off the page's <time> elements (a zone error)"
    )
    assert check_live_blog(blog, visible_entries=3, visible_instants=_hours(9, 10, 13)) is None


def test_zone_shift_needs_three_instants_and_a_clear_shift() -> None:
    """Too few instants, or instants that match nothing by any shift, say nothing."""
    stated = _hours(9, 10, 11)
    assert zone_shift(stated, _hours(7, 8)) is None
    assert zone_shift(stated, [t + dt.timedelta(minutes=20) for t in stated]) is None
    assert zone_shift(stated, _hours(7, 8, 9)) == 2

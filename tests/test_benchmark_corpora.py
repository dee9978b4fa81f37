"""The benchmark's generated corpora: what the speed figures are measured on."""

from __future__ import annotations

import datetime as dt
import random

import liveblog
from benchmarks import corpora


def test_blogs_on_one_day_open_on_the_opening_day() -> None:
    blogs = list(corpora.blogs(40_000))
    assert {b.opening for b in blogs} == {corpora.OPENING_DAY}


def test_archive_blogs_open_on_days_spread_over_the_span() -> None:
    blogs = list(corpora.blogs(200_000, days=365))
    first = corpora.OPENING_DAY - dt.timedelta(days=364)
    assert all(first <= b.opening <= corpora.OPENING_DAY for b in blogs)
    assert len({b.opening for b in blogs}) > len(blogs) // 2


def test_a_dated_marker_names_the_blog_s_own_day() -> None:
    opening = dt.date(2023, 7, 4)
    blog = corpora.blog(random.Random(3), entries=12, style="dated-gmt", opening=opening)
    assert "Tuesday 4 July 2023" in blog.text
    tl = liveblog.parse(blog.text, date=opening)
    assert len(tl) == 12
    assert {e.day for e in tl.entries} == {opening}

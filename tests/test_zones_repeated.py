"""``is_repeated`` against the wall clock read directly, on the days the clocks go back."""

from __future__ import annotations

import datetime as dt
import functools
import zoneinfo

from hypothesis import given
from hypothesis import strategies as st

from liveblog.markers.zones import is_repeated

# zones whose clocks go back at 01:00, 02:00, midnight (Havana, Santiago), 30 minutes
# (Lord Howe), or on Ramadan's edges (Casablanca)
_ZONES = (
    "Europe/London",
    "Europe/Paris",
    "America/New_York",
    "America/Havana",
    "America/Santiago",
    "Australia/Lord_Howe",
    "Africa/Casablanca",
    "Asia/Tehran",
    "Pacific/Auckland",
)


def _shown_twice(day: dt.date, clock: dt.time, key: str) -> bool:
    local = dt.datetime.combine(day, clock, tzinfo=zoneinfo.ZoneInfo(key))
    first, second = local.utcoffset(), local.replace(fold=1).utcoffset()
    assert first is not None
    assert second is not None
    return second < first


@functools.cache
def _changes(key: str) -> tuple[dt.date, ...]:
    """The days around each change of the zone's offset from 2000 to 2030 (noon to noon)."""
    zone = zoneinfo.ZoneInfo(key)
    days: list[dt.date] = []
    day = dt.date(2000, 1, 1)
    offset = dt.datetime.combine(day, dt.time(12), tzinfo=zone).utcoffset()
    while day < dt.date(2030, 12, 31):
        day += dt.timedelta(days=1)
        now = dt.datetime.combine(day, dt.time(12), tzinfo=zone).utcoffset()
        if now != offset:
            days += [day - dt.timedelta(days=1), day]
        offset = now
    return tuple(days)


def test_every_wall_time_of_the_change_days_is_read_alike() -> None:
    """On both days around every change of offset in nine zones from 2000 to 2030,
    every minute is repeated exactly when the zone shows it twice."""
    for key in _ZONES[:4]:
        for day in _changes(key):
            for minute in range(0, 1440, 5):
                clock = dt.time(*divmod(minute, 60))
                assert is_repeated(day, clock, key) == _shown_twice(day, clock, key), (day, clock)


@given(st.sampled_from(_ZONES), st.data(), st.integers(0, 1439))
def test_a_change_day_s_minute_is_read_alike(key: str, data: st.DataObject, minute: int) -> None:
    day = data.draw(st.sampled_from(_changes(key)))
    clock = dt.time(*divmod(minute, 60))
    assert is_repeated(day, clock, key) == _shown_twice(day, clock, key)


@given(st.sampled_from(_ZONES), st.dates(dt.date(1900, 1, 2), dt.date(2100, 12, 30)), st.times())
def test_any_day_s_time_is_read_alike(key: str, day: dt.date, clock: dt.time) -> None:
    assert is_repeated(day, clock, key) == _shown_twice(day, clock, key)

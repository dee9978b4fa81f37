"""Stamping: the blog's order, each entry's day (midnight roll-over), zone and instant.

Everything here works on markers in *source order* (top of the page first); a
``None`` stands for an entry without a marker. Days are first computed as offsets from
the opening day (the oldest entry's day), so that a date stated anywhere in the text,
or one inferred later, fixes all of them at once.
"""

from __future__ import annotations

import bisect
import datetime as dt
from collections.abc import Callable, Sequence
from typing import Literal, NamedTuple

import attrs

from liveblog.diagnostics import Reporter
from liveblog.errors import MarkerError, OrderError, ZoneError
from liveblog.markers.choice import direction_counts, resolve_meridiem
from liveblog.markers.dialect import Marker
from liveblog.markers.zones import (
    AMBIGUOUS_READINGS,
    ZoneSpec,
    get_tzinfo,
    is_daylight,
    is_repeated,
    localize,
    offset_key,
)
from liveblog.model import Order

__all__ = ["Stamp", "WrittenDay", "detect_order", "stamp_markers"]

# A wall clock that goes back by more than this, in the blog's direction, crossed
# midnight; a smaller step back is an entry out of order (a late correction).
MIDNIGHT_STEP_MINUTES = 6 * 60


@attrs.frozen
class Stamp:
    """What chronology decided for one entry."""

    day: dt.date | None
    clock: dt.time | None
    zone: str | None
    published: dt.datetime | None


class WrittenDay(NamedTuple):
    """A day written without a year, and where it stands in the blog (what
    :func:`stamp_markers` gives ``infer_date``, for ``temporal.dating.infer_date``).

    >>> WrittenDay(offset=1, month=7, day=13, weekday=5)  # "Saturday 13 July", day 2
    WrittenDay(offset=1, month=7, day=13, weekday=5)
    """

    offset: int
    """The day offset from the opening day of the entry it dates."""
    month: int
    day: int
    weekday: int | None
    """0 is Monday, as ``date.weekday()``; None when the day is written without one
    (``23 January``)."""


def _with_section_days(
    markers: Sequence[Marker | None], sections: Sequence[Marker | None]
) -> list[Marker | None]:
    """Markers carrying the day of the header above them, for comparing across days
    (headers without a year in a stand-in year when none states one)."""
    out = list(markers)
    headers = _complete_years(sections, stand_in=True)
    for i, (marker, header) in enumerate(zip(markers, headers, strict=False)):
        if marker is not None and header is not None and marker.day is None and header.day:
            out[i] = attrs.evolve(marker, day=header.day)
    return out


def _complete_years(
    markers: Sequence[Marker | None], *, stand_in: bool = False
) -> list[Marker | None]:
    """Markers or day headers without a year ("Sunday 31 December", "Dec 31, 11:40pm")
    dated: each takes the year that puts it nearest the one before it that has a day,
    or, above the first that states its year, the one below it.

    When none states its year, they are left as they are, or with ``stand_in`` dated
    from the first of them in a leap year (2000): only their order then counts. A day
    header is one object, repeated for every entry below it; it stays one object.
    """
    items = list(markers)
    distinct = list({id(m): m for m in items if m is not None}.values())
    if all(m.day is not None or m.month_day is None for m in distinct):
        return items
    days = {id(m): m.day for m in distinct if m.day is not None}
    first = next((k for k, m in enumerate(distinct) if m.day is not None), None)
    if first is None:
        if not stand_in:
            return items
        first = next(k for k, m in enumerate(distinct) if m.month_day is not None)
        month_day = distinct[first].month_day
        assert month_day is not None  # the one just found
        days[id(distinct[first])] = dt.date(2000, *month_day)
    for run in (distinct[first:], distinct[first::-1]):
        reference = days[id(run[0])]
        for item in run:
            if id(item) in days:
                reference = days[id(item)]
            elif item.month_day is not None:
                reference = days[id(item)] = _nearest_year(reference, *item.month_day)
    dated = {
        id(m): attrs.evolve(m, day=days[id(m)]) for m in distinct if m.day is None and id(m) in days
    }
    return [m if m is None else dated.get(id(m), m) for m in items]


def detect_order(markers: Sequence[Marker | None], sections: Sequence[Marker | None] = ()) -> Order:
    """Tell whether entries run ``newest-first`` or ``oldest-first`` down the page.

    Timed markers vote with the direction of each step; an opening marker (``ORIGINAL
    ENTRY``), which is the oldest entry, votes by standing at the bottom or the top.

    >>> from liveblog.model import Span
    >>> mk = lambda h: Marker(Span(0, 1), Span(0, 1), "d", clock=dt.time(h))
    >>> detect_order([mk(15), mk(8), None])
    'newest-first'
    """
    if len({id(h) for h in sections if h is not None}) > 1:
        # entries under different day headers compare by their days; under a single
        # header, by their clocks alone, as on a page without one: "Tuesday, November 5"
        # above "1:12 a.m." above "11:50 p.m." ran past midnight, newest first
        markers = _with_section_days(markers, sections)
    present = [m for m in markers if m is not None and not m.pinned]
    forward, backward = direction_counts(present)
    openings = [i for i, m in enumerate(markers) if m is not None and m.kind == "opening"]
    if openings and len(markers) > 1:
        if openings[0] == len(markers) - 1:
            backward += 1
        elif openings[0] == 0:
            forward += 1
    if backward > forward:
        return "newest-first"
    if forward > backward:
        return "oldest-first"
    return "unknown"


def _minutes(clock: dt.time) -> int:
    return clock.hour * 60 + clock.minute


def _same_written_day(marker: Marker, before: Marker) -> bool:
    """Whether both markers write the same day themselves (not a day header's, a
    weekday's or an age's): ``Nov 4, 2023 07:19`` and ``Nov 4, 2023 09:42``."""
    if marker.age is not None or before.age is not None:
        return False
    if marker.day is not None:
        return marker.day == before.day
    return marker.month_day is not None and marker.month_day == before.month_day


@attrs.frozen
class Age:
    """A relative age printed beside a post's clock (``09:15 · 2d ago``): the post is
    ``count`` units old, at most one unit more."""

    age: dt.timedelta
    """The age as written (``2d``: two days)."""
    unit: dt.timedelta
    """Its unit (a day), the age's rounding."""

    def day(self, now: dt.datetime, clock: dt.time, zone: dt.tzinfo) -> dt.date | None:
        """The day on which ``clock`` (in ``zone``) falls nearest the middle of the
        age's span before ``now``; None past the calendar's ends (year 1, year 9999).

        >>> import zoneinfo
        >>> now = dt.datetime(2024, 1, 24, 18, tzinfo=dt.UTC)
        >>> age = Age(dt.timedelta(days=2), dt.timedelta(days=1))
        >>> age.day(now, dt.time(9, 15), dt.UTC), age.day(now, dt.time(20), dt.UTC)
        (datetime.date(2024, 1, 22), datetime.date(2024, 1, 21))
        """
        try:
            middle = (now - self.age - self.unit / 2).astimezone(zone)
        except OverflowError:
            return None
        days = (_plus(middle.date(), step) for step in (-1, 0, 1))
        return min(
            (d for d in days if d is not None),
            key=lambda d: abs(dt.datetime.combine(d, clock, zone) - middle),
        )


def _zone_for(marker: Marker | None, tz: str | None, page_zone: str | None) -> str | None:
    if marker is not None and marker.zone is not None:
        if marker.zone.ambiguous and tz is not None:
            return tz
        return marker.zone.key
    return page_zone or tz


def _markers_zone(markers: Sequence[Marker | None]) -> str | None:
    """The zone every marker that states an unambiguous one states, if there is one: a
    page that writes ``10:30 p.m. ET`` above ``11:45 p.m.`` means ET for both. On a
    page whose markers state only ambiguous ones, all read as one zone (``IST``: Asia/
    Kolkata, each with its warning), that zone: the bare clocks are on the same one."""
    zones = [m.zone for m in markers if m is not None and m.zone]
    keys = {z.key for z in zones if not z.ambiguous}
    if not keys and zones:
        keys = {z.key for z in zones}
    return keys.pop() if len(keys) == 1 else None


def _neighbours_zones(markers: Sequence[Marker | None]) -> list[Marker | None]:
    """``markers`` with each bare clock given the zone of the zoned markers on either
    side of it when both state the same one, or of the one beside it at the page's
    edge: a page written in two zones (a London desk's ``14:32 BST``, a Washington
    desk's ``09:32 ET``) leaves it off a post now and then."""
    places: list[int] = []
    zones: list[str] = []
    for i, m in enumerate(markers):
        if m is not None and m.zone is not None and not m.zone.ambiguous:
            places.append(i)
            zones.append(m.zone.key)
    out = list(markers)
    if not zones:
        return out
    for i, marker in enumerate(markers):
        if (
            marker is None
            or marker.clock is None
            or marker.zone is not None
            or marker.zone_text
            or marker.age is not None
        ):
            continue
        k = bisect.bisect(places, i)
        around = set(zones[max(k - 1, 0) : k + 1])
        if len(around) == 1:  # the zone, not the abbreviation's half of the year
            out[i] = attrs.evolve(marker, zone=ZoneSpec(around.pop()))
    return out


def stamp_markers(
    markers: Sequence[Marker | None],
    *,
    date: dt.date | None,
    tz: str | None,
    now: dt.datetime | None,
    page_zone: str | None,
    report: Reporter,
    infer_date: Callable[[Order, Sequence[int], WrittenDay | None], dt.date | None],
    sections: Sequence[Marker | None] = (),
    ages: Sequence[Age | None] = (),
    night: bool = False,
) -> tuple[list[Stamp], Order, dt.date | None, Marker | None]:
    """Give every entry its day, clock, zone and instant.

    Args:
        markers: one per entry, in source order (None: the entry has no marker).
        date: the opening day given by the caller, if any.
        tz: the zone for bare times (an IANA name), if given.
        now: when the page was saved, for relative ages (``2h ago``), and the year of
            days written without one, or the day of a page of times alone, when
            ``infer_date`` finds none.
        page_zone: a zone the page states for all its times ("All times GMT"); without
            it and ``tz``, the zone the markers that state one all state.
        report: where warnings go.
        infer_date: called with the order, each entry's day offset (source order) and
            the first day written with its weekday but no year (its entry's offset,
            month, day and weekday), if any, when neither ``date`` nor the text fixes
            the opening day.
        sections: for each entry, the day header above it (or None).
        ages: for each entry, the relative age printed beside its clock (``09:15 · 2d
            ago``), if any: with ``now``, it gives the day of a clock that states none.
        night: the page's title names the night (``Election night live``): a page of
            12-hour clocks that never state am/pm is read at night.

    Returns:
        The stamps (source order), the detected order, the opening day, and the marker
        or day header whose stated date fixed it, or whose day written without a year
        fixed the inferred date's day (None when given or inferred alone).
    """
    markers = resolve_meridiem(markers, night=night)
    if page_zone is None and tz is None:
        page_zone = _markers_zone(markers)
        if page_zone is None:
            markers = _neighbours_zones(markers)
    headers = _complete_years(sections) or [None] * len(markers)
    if date is None:
        # with date= given, the running day dates them as it goes
        markers = _complete_years(markers)
    order = detect_order(markers, headers)
    chrono = list(range(len(markers)))
    if order == "newest-first":
        chrono.reverse()

    # Pass 1: day offsets from the opening day, anchored by stated days.
    base = date
    base_given = date is not None
    anchor: Marker | None = None
    offsets = [0] * len(markers)
    offset = 0
    last_minutes: int | None = None
    last_clocked: Marker | None = None  # the marker last_minutes was read from
    # no marker has yet stated a day or clock against the date= given
    opening = base_given
    # the day whose hour repeated by a DST change the entries passed a second time, and
    # the entries in that second pass
    repeated: tuple[dt.date | None, int] | None = None
    # steps back met while the day was unknown, against the last clock in order
    undecided: list[_Step] = []
    # the day a wall clock is moved to another zone on while the day is unknown: the
    # page was saved on now's, which is that of its newest posts
    reference = _REFERENCE_DAY if now is None else now.date()
    # the last day written without a year while none is known, in a stand-in year
    yearless: dt.date | None = None
    # the first such day: its entry, the day in the stand-in year, what wrote it
    first_yearless: tuple[int, dt.date, Marker, int | None] | None = None
    folds: set[int] = set()
    absolute: dict[int, tuple[dt.date, dt.time, str]] = {}
    section: Marker | None = None
    for i in chrono:
        marker = markers[i]
        day_before = offset
        if marker is None or _floats(marker):
            # a pinned post that states no day is on its neighbour's, out of the others' order
            offsets[i] = offset
            continue
        stated = marker.day
        month_day = marker.month_day
        source = marker  # what states the day: the marker, or the day header above it
        weekday = marker.weekday
        clock = marker.clock
        header = headers[i]
        if header is not None and header is not section:
            # the first entry met (oldest first) under a new day header is on that day
            section = header
            if stated is None and month_day is None:
                stated, month_day, source = header.day, header.month_day, header
                weekday = header.weekday if weekday is None else weekday
        if marker.age is not None:
            if now is None:
                report.warn(
                    "no-now",
                    f"relative time '{report.text[slice(*marker.span)]}' needs now= "
                    "(the moment the page was saved)",
                    *marker.span,
                )
            else:
                age_key = tz or "UTC"
                try:
                    local = (now - marker.age).astimezone(get_tzinfo(age_key))
                except OverflowError:
                    report.warn(
                        "impossible-marker",
                        f"relative time '{report.text[slice(*marker.span)]}' reaches before year 1",
                        *marker.span,
                        error=MarkerError,
                        outcome="; no instant given",
                    )
                else:
                    stated, clock = local.date(), local.time().replace(microsecond=0, tzinfo=None)
                    absolute[i] = (stated, clock, age_key)
        elif marker.days_back is not None:
            # "Today 09:15", "Yesterday 18:05": a day counted back from now's, in the
            # zone the clock is read in
            if now is None:
                report.warn(
                    "no-now",
                    f"relative day '{report.text[slice(*marker.span)]}' needs now= "
                    "(the moment the page was saved)",
                    *marker.span,
                )
            else:
                today = _now_in_zone(now, _zone_for(marker, tz, page_zone))
                stated = None if today is None else _plus(today.date(), -marker.days_back)
        elif (
            now is not None
            and clock is not None
            and stated is None
            and month_day is None
            and i < len(ages)
            and (beside := ages[i]) is not None
        ):
            # "09:15 · 2d ago": the day the age says, in the zone the clock is read in
            stated = beside.day(now, clock, get_tzinfo(_zone_for(marker, tz, page_zone) or "UTC"))
        if stated is None and month_day is not None and base is None:
            # no year known yet: a day written without one still says how many days
            # on from the last such day the entry is (in a leap year, for February 29)
            written = _nearest_year(yearless or dt.date(2000, *month_day), *month_day)
            if yearless is not None:
                offset += (written - yearless).days
            else:
                first_yearless = (i, written, source, weekday)
            yearless = written
            offsets[i] = offset
            if clock is not None:
                last_minutes, last_clocked = _minutes(clock), marker
            continue
        if stated is None and month_day is not None and base is not None:
            running = _plus(base, offset)
            stated = None if running is None else _nearest_year(running, *month_day)
        if stated is not None and weekday is not None and stated.weekday() != weekday:
            report.warn(
                "weekday-mismatch",
                f"{stated.isoformat()} is a {stated.strftime('%A')}, not the weekday written",
                *marker.span,
                error=MarkerError,
            )
        elif stated is None and weekday is not None and base is not None:
            # "Saturday 4.15pm": the next day (from the running one) with that weekday;
            # the opening entry's weekday, the day nearest the date= given (a date a day
            # or two late, such as the day the page was published, is off, not a week)
            current = _plus(base, offset)
            if current is not None:
                step = (weekday - current.weekday()) % 7
                stated = _plus(current, step - 7 if opening and step > 3 else step)
        if stated is not None and source is header and clock is not None:
            # a day header gives the day on the page's wall clock; a post in another zone
            # is on the day its instant falls on there ("UPDATE 2220 GMT" under "Tuesday
            # 23 January" on a page in Kyiv time is still Monday in GMT)
            stated = _day_in_zone(stated, clock, _zone_for(marker, tz, page_zone), page_zone or tz)
        if stated is not None:
            if base is None:
                base = _plus(stated, -offset)
                anchor = source
            elif _plus(base, offset) != stated:
                expected = _plus(base, offset) or stated
                if opening:
                    report.warn(
                        "date-contradiction",
                        f"marker states {stated.isoformat()} but date= gives "
                        f"{expected.isoformat()}",
                        *marker.span,
                        outcome="; the text wins",
                    )
                    base = stated
                    anchor = source
                elif stated < expected:
                    report.warn(
                        "out-of-order",
                        f"marker states {stated.isoformat()}, before the "
                        f"{expected.isoformat()} of the entry before it",
                        *marker.span,
                        error=OrderError,
                    )
                offset = (stated - base).days
            elif (
                clock is not None
                and last_clocked is not None
                and last_minutes is not None
                and _same_written_day(marker, last_clocked)
                and _minutes(clock) < last_minutes
                and _step_back(
                    stated,
                    _zone_for(last_clocked, tz, page_zone),
                    last_minutes,
                    _zone_for(marker, tz, page_zone),
                    clock,
                )
                is None
            ):
                # it writes the day the entry before it wrote, but its clock steps
                # back against the page's order ("Nov 4, 2023 07:19 AM IST" above
                # "Nov 4, 2023 09:42 AM IST" on a newest-first page)
                report.warn(
                    "out-of-order",
                    _out_of_order(
                        report,
                        order,
                        f"{clock.isoformat('minutes')} on {stated.isoformat()}",
                        last_minutes,
                        last_clocked.span[0],
                    ),
                    *marker.span,
                    error=OrderError,
                    outcome="; kept in place",
                )
            if clock is not None:
                last_minutes, last_clocked = _minutes(clock), marker
            elif offset != day_before:
                # an untimed post opening a later day ("Friday:" under "Friday 10
                # November"): the clocks after it are that day's, not steps from the last
                last_minutes = last_clocked = None
            offsets[i] = offset
            opening = False
            continue
        if clock is not None and marker.kind in _POST_KINDS:
            opening = False
            minutes = _minutes(clock)
            if (
                last_minutes is not None
                and last_clocked is not None
                and last_clocked.zone is not marker.zone  # one ZoneSpec per zone written
                and (zone := _zone_for(marker, tz, page_zone))
                != (before := _zone_for(last_clocked, tz, page_zone))
                and (running := reference if base is None else _plus(base, offset))
            ):
                # the clock before, read on this marker's wall clock when it is in another
                # zone: the day steps with the clock ("0845" in Tokyo, then "2345 GMT" the
                # day before in its zone)
                before_clocked, before_minutes = last_clocked, last_minutes
                # the clock before is in the second pass when the page is
                fold = int(base is not None and repeated == (base, offset))
                days, moved, second = _in_zone(last_minutes, before, zone, running, fold)
                if moved != last_minutes or days:
                    offset += days
                    last_minutes, last_clocked = moved, marker
                if second and base is not None:
                    # "0110 GMT", then "01:20" in London: the page is in the hour's
                    # second pass on London's wall clock
                    repeated = (base, offset)
                elif second:
                    # the same on now's day: judged once the page's day is known
                    undecided.append(
                        _step(i, offset, before_clocked, before_minutes, tz=tz, page_zone=page_zone)
                    )
            prior, prior_clocked = last_minutes, last_clocked  # the clock before this one
            if last_minutes is None or minutes >= last_minutes:
                last_minutes, last_clocked = minutes, marker
            elif last_minutes - minutes > MIDNIGHT_STEP_MINUTES:
                offset += 1
                last_minutes, last_clocked = minutes, marker
            else:
                # the page (and so the clock before) is in the second pass of the hour
                second = base is not None and repeated == (base, offset)
                back = _step(
                    i,
                    offset,
                    prior_clocked,
                    last_minutes,
                    tz=tz,
                    page_zone=page_zone,
                    before_fold=int(second),
                )
                if base is None:
                    # whether the clocks went back over this hour, or another zone makes
                    # it later, needs the day: judged once the day is known (below)
                    undecided.append(back)
                elif (
                    explained := back.judge(base, markers, tz, page_zone, second_pass=second)
                ) is None:
                    back.warn(report, markers, order)
                else:
                    if explained == "repeated":
                        repeated = (base, offset)  # the hour the clocks went back over
                    last_minutes, last_clocked = minutes, marker
            through = None
            if marker.zone is not None and marker.zone.daylight is not None and base is not None:
                through = _named_pass(marker, _plus(base, offset), tz, page_zone)
            if through == 1:
                # "01:30 EST" on the night New York's clocks go back: the second pass
                # through the hour, and the clocks after it on that day are in it too
                repeated = (base, offset)
            elif through == 0 and repeated == (base, offset) and minutes >= (prior or 0):
                # "01:40 EDT" after "01:10 EST": the first pass after the second began (a
                # step back to it is judged above)
                back = _step(i, offset, prior_clocked, prior or 0, tz=tz, page_zone=page_zone)
                back.warn(report, markers, order)
                last_minutes, last_clocked = prior, prior_clocked  # read the next against it
            if repeated == (base, offset):
                folds.add(i)
        offsets[i] = offset

    if base is None and any(m is not None for m in markers):
        named: WrittenDay | None = None
        if first_yearless is not None:
            k, written, _, written_weekday = first_yearless
            named = WrittenDay(offsets[k], written.month, written.day, written_weekday)
        base = infer_date(order, offsets, named)
        if base is not None and first_yearless is not None:
            # the text's evidence gives the year; the days written give the day
            k, written, anchor, _ = first_yearless
            running = _plus(base, offsets[k])
            if running is not None:
                base = _plus(_nearest_year(running, written.month, written.day), -offsets[k])
        elif now is not None and first_yearless is not None:
            # no year in the text: the page was saved at now, and its days are not after
            # it (a day ahead of now's own date in a zone east of it)
            k, written, anchor, written_weekday = first_yearless
            limit = _plus(now.date(), 1 + offsets[k] - max(offsets))
            day = None if limit is None else _year_before(limit, written, written_weekday)
            base = None if day is None else _plus(day, -offsets[k])
        elif now is not None and base is None and last_clocked is not None:
            # no day written and none inferred from the text: the day the page was saved
            newest = next(i for i in reversed(chrono) if markers[i] is last_clocked)
            base = _base_from_now(last_clocked, offsets[newest], now, tz, page_zone)

    if undecided:
        _judge_deferred(
            undecided, chrono, markers, offsets, base, tz, page_zone, report, folds, order
        )

    # Pass 2: zones and instants.
    stamps: list[Stamp] = []
    warned_no_zone = False
    for i, marker in enumerate(markers):
        day = None if base is None else _plus(base, offsets[i])
        if i in absolute:
            day, clock, age_zone = absolute[i]
            stamps.append(Stamp(day, clock, age_zone, localize(day, clock, age_zone)))
            continue
        clock = None if marker is None else marker.clock
        zone = _zone_for(marker, tz, page_zone)
        if marker is not None and marker.zone_text and marker.zone is None:
            report.warn(
                "unknown-zone",
                f"unknown zone abbreviation '{marker.zone_text}'",
                *marker.span,
                error=ZoneError,
                outcome="; no instant given",
            )
            stamps.append(Stamp(day, clock, None, None))
            continue
        if clock is None or day is None:
            stamps.append(Stamp(day, clock, zone if clock else None, None))
            continue
        assert marker is not None  # a clock comes from a marker
        if zone is None:
            zone = "UTC"
            if not warned_no_zone:
                warned_no_zone = True
                report.warn(
                    "no-zone",
                    "no zone stated and no tz= or --tz given",
                    *marker.span,
                    error=ZoneError,
                    outcome="; bare times read as UTC",
                )
        agreed = None if marker.alt_clock is None else _agreeing_zones(marker, day, clock, zone, tz)
        # the second clock settled an ambiguous or out-of-season abbreviation
        settled = agreed is not None and (
            agreed != zone or (marker.zone is not None and marker.zone.ambiguous)
        )
        if agreed is not None:
            zone = agreed
        if not settled:
            _check_zone(marker, day=day, clock=clock, zone=zone, tz=tz, report=report)
        published = localize(day, clock, zone, fold=_fold(marker, i in folds, day, clock, zone))
        if (
            now is not None
            and _after(published, now, _NOW_SLACK)
            and _floats(marker)
            and (earlier := _plus(day, -1)) is not None
        ):
            # a pinned post is not later than the moment the page was saved: its
            # neighbour's day would make it so, and the day before is the nearer one
            day, published = earlier, localize(earlier, clock, zone)
        if agreed is None:
            _check_second_clock(marker, day, published, report)
        stamps.append(Stamp(day, clock, zone, published))
    if base is None and any(m is not None and m.clock is not None for m in markers):
        first = next(m for m in markers if m is not None)
        report.warn(
            "no-date",
            "the blog's date is unknown (pass date= or --date)",
            *first.span,
            outcome="; entries have no instant",
        )
    return stamps, order, base, anchor


# a page's clock may run a little ahead of the moment it was saved at
_NOW_SLACK_MINUTES = 10
_NOW_SLACK = dt.timedelta(minutes=_NOW_SLACK_MINUTES)


# the kinds of marker that stamp a post (one that opens it, or a byline that closes it)
_POST_KINDS = frozenset({"entry", "closing"})


def _floats(marker: Marker) -> bool:
    """Whether ``marker`` is a pinned post's that states no day: out of the others'
    order, it takes its neighbour's day."""
    return (
        marker.pinned
        and marker.day is None
        and marker.month_day is None
        and marker.weekday is None
        and marker.age is None
    )


def _base_from_now(
    newest: Marker, offset: int, now: dt.datetime, tz: str | None, page_zone: str | None
) -> dt.date | None:
    """The opening day of a page that writes times but no day, saved at ``now``: its
    newest entry (the last whose clock kept the page's order, ``offset`` days after the
    opening one; never a pinned post) is on ``now``'s day in that entry's zone, or on the
    day before when its time is later than ``now``'s there (``23:50`` on a page saved at
    ``00:20``)."""
    assert newest.clock is not None  # the newest entry is the last one with a clock
    local = _now_in_zone(now, _zone_for(newest, tz, page_zone))
    if local is None:
        return None
    day = local.date()
    if _minutes(newest.clock) > _minutes(local.time()) + _NOW_SLACK_MINUTES:
        return _plus(day, -offset - 1)
    return _plus(day, -offset)


def _now_in_zone(now: dt.datetime, zone: str | None) -> dt.datetime | None:
    """``now`` in ``zone`` (UTC when None), or None when that falls past the calendar's
    ends (``now`` on 31 December 9999 in a zone east of it).

    >>> _now_in_zone(dt.datetime.max.replace(tzinfo=dt.UTC), "Pacific/Kiritimati") is None
    True
    """
    try:
        return now.astimezone(get_tzinfo(zone or "UTC"))
    except OverflowError:
        return None


def _after(instant: dt.datetime, now: dt.datetime, slack: dt.timedelta) -> bool:
    """Whether ``instant`` is more than ``slack`` after ``now`` (never, for a ``now``
    so near year 9999's end that ``slack`` after it has no date).

    >>> _after(dt.datetime.max.replace(tzinfo=dt.UTC), dt.datetime.max.replace(tzinfo=dt.UTC),
    ...        dt.timedelta(minutes=10))
    False
    """
    try:
        return instant > now + slack
    except OverflowError:
        return False


@attrs.frozen
class _Step:
    """An entry whose clock steps back against the page's order from ``before_minutes``
    (the last clock in order, in ``before_zone``), on the day ``offset`` days after the
    opening one."""

    entry: int
    offset: int
    before_zone: str | None
    before_minutes: int
    before_fold: int = 0
    """1 when the clock before is in the second pass through an hour the clocks went back over."""
    before_at: int | None = None
    """Where the marker of the clock before starts, when it is another entry's."""

    def judge(
        self,
        base: dt.date,
        markers: Sequence[Marker | None],
        tz: str | None,
        page_zone: str | None,
        *,
        second_pass: bool,
    ) -> Literal["repeated", "zone"] | None:
        """Why the step is in order all the same (see ``_step_back``), or None; a step
        back in the hour the clocks went back over is the second pass through it only
        once a night (not when the page is in it already: ``second_pass``)."""
        marker = markers[self.entry]
        assert marker is not None  # a step back is a clock's, and a clock is a marker's
        assert marker.clock is not None
        day = _plus(base, self.offset)
        zone = _zone_for(marker, tz, page_zone)
        explained = _step_back(
            day,
            self.before_zone,
            self.before_minutes,
            zone,
            marker.clock,
            before_fold=self.before_fold,
        )
        if explained != "repeated":
            return explained
        if _named_pass(marker, day, tz, page_zone) == 0:
            return None  # "01:40 EDT" after "01:50 EST" names the first pass through the hour
        if second_pass and self.before_zone in {zone, None}:
            return None  # a step back on the wall clock already in the second pass
        return explained

    def warn(self, report: Reporter, markers: Sequence[Marker | None], order: Order) -> None:
        """Report the entry as out of order, at its marker."""
        marker = markers[self.entry]
        assert marker is not None  # as above
        assert marker.clock is not None
        report.warn(
            "out-of-order",
            _out_of_order(
                report,
                order,
                marker.clock.isoformat("minutes"),
                self.before_minutes,
                self.before_at,
            ),
            *marker.span,
            error=OrderError,
            outcome="; kept in place",
        )


def _out_of_order(
    report: Reporter, order: Order, clock: str, before_minutes: int, before_at: int | None
) -> str:
    """The problem of an entry at ``clock`` out of order against the clock before it in
    time (``before_minutes``, on the marker at ``before_at``, when known), as the page
    shows them: a newest-first page puts the later entry above, an oldest-first one
    below.

    >>> r = Reporter("UPDATE 1000 GMT: a\\nUPDATE 1100 GMT: b", strict=False)
    >>> _out_of_order(r, "newest-first", "10:00", 660, 19).split(", in a")[0]
    'entry at 10:00 stands above the one at 11:00 on line 2'
    """
    side = "above" if order == "newest-first" else "below"
    where = "" if before_at is None else f" on line {report.line_of(before_at)}"
    return (
        f"entry at {clock} stands {side} the one at {before_minutes // 60:02d}:"
        f"{before_minutes % 60:02d}{where}, in a blog whose later entries stand {side}"
    )


def _step(
    entry: int,
    offset: int,
    before: Marker | None,
    before_minutes: int,
    *,
    tz: str | None,
    page_zone: str | None,
    before_fold: int = 0,
) -> _Step:
    """The step back of ``entry`` from ``before_minutes`` on ``before``'s clock."""
    zone = None if before is None else _zone_for(before, tz, page_zone)
    return _Step(entry, offset, zone, before_minutes, before_fold, _start_of(before))


def _start_of(marker: Marker | None) -> int | None:
    return None if marker is None else marker.span[0]


def _judge_deferred(  # noqa: PLR0917 - the state of pass 1 it finishes
    steps: Sequence[_Step],
    chrono: Sequence[int],
    markers: Sequence[Marker | None],
    offsets: Sequence[int],
    base: dt.date | None,
    tz: str | None,
    page_zone: str | None,
    report: Reporter,
    folds: set[int],
    order: Order,
) -> None:
    """Judge the steps back met before the page's day was known, now that it is (or is
    not): warn of those out of order, and add to ``folds`` the entries in the second
    pass through an hour the clocks went back over.

    Pass 1 compared every clock after an undecided step with the clock before the step,
    as if the step were out of order. Once the day says it is in order (the second pass
    through a repeated hour, or a later instant in another zone), the clocks after it
    are read from it instead, as pass 1 reads them when the day is known: the rest of
    that day is read again, every clock against the last one in order.
    """
    if base is None:
        for back in steps:
            back.warn(report, markers, order)
        return
    at = {i: k for k, i in enumerate(chrono)}
    read_to = -1  # the last position in chrono read again
    for back in steps:
        if at[back.entry] <= read_to:
            continue  # read again with an earlier step of its day
        zone_before, before, before_at = back.before_zone, back.before_minutes, back.before_at
        repeated = False
        day = _plus(base, back.offset)
        for k in range(at[back.entry], len(chrono)):
            i = chrono[k]
            if offsets[i] != back.offset:
                break
            read_to = k
            marker = markers[i]
            clock = _stepping_clock(marker)
            if marker is None or clock is None:
                continue
            zone, minutes = _zone_for(marker, tz, page_zone), _minutes(clock)
            other_zone = zone != zone_before and zone is not None and zone_before is not None
            fold = int(repeated)  # the clock before is in the second pass when the page is
            if other_zone and day is not None and _in_zone(before, zone_before, zone, day, fold)[2]:
                repeated = True  # as in pass 1: the clock before is in the second pass here
            explained: str | None = "in order"
            step = _Step(i, back.offset, zone_before, before, fold, before_at)
            if other_zone or minutes < before:
                explained = step.judge(base, markers, tz, page_zone, second_pass=repeated)
                if explained is None:
                    step.warn(report, markers, order)  # the next clock is read against `before`
                repeated = repeated or explained == "repeated"
            through = _named_pass(marker, day, tz, page_zone)
            if through == 1:
                repeated = True  # as in pass 1: "01:30 EST" is in the second pass
            elif through == 0 and repeated and explained == "in order":
                step.warn(report, markers, order)  # "01:40 EDT" after "01:10 EST"
                explained = None
            if explained is not None:
                zone_before, before, before_at = zone, minutes, marker.span[0]
            if repeated:  # after the step into the second pass, as pass 1 folds them
                folds.add(i)


def _stepping_clock(marker: Marker | None) -> dt.time | None:
    """``marker``'s clock if pass 1 reads it against the one before it: a post's clock
    (opening or closing it), neither a pinned post's nor a relative age's."""
    if (
        marker is None
        or marker.kind not in _POST_KINDS
        or marker.age is not None
        or _floats(marker)
    ):
        return None
    return marker.clock


def _step_back(
    day: dt.date | None,
    zone_before: str | None,
    last_minutes: int,
    zone: str | None,
    clock: dt.time,
    *,
    before_fold: int = 0,
) -> Literal["repeated", "zone"] | None:
    """Why a clock a little before the one before it (``last_minutes``) on ``day`` is
    in order all the same: ``zone`` when it is in another zone that makes it no
    earlier an instant (``0145 BST``, then ``0110 GMT``); ``repeated`` when it is the
    second pass through the hour the clocks went back over, in its zone (both clocks in
    that hour) or in another (its second pass is no earlier an instant); else None (out
    of order). ``before_fold`` 1 reads the clock before in the second pass."""
    if day is None or zone is None:
        return None
    before = dt.time(*divmod(last_minutes, 60))
    if zone == zone_before or zone_before is None:
        repeated = is_repeated(day, before, zone) and is_repeated(day, clock, zone)
        return "repeated" if repeated else None
    earlier = localize(day, before, zone_before, fold=before_fold)
    if earlier <= localize(day, clock, zone):
        return "zone"
    if is_repeated(day, clock, zone) and earlier <= localize(day, clock, zone, fold=1):
        return "repeated"  # "0100 GMT", then "01:00" in London as its clocks go back
    return None


# the day a wall clock is moved to another zone on before the blog's date is known
_REFERENCE_DAY = dt.date(2001, 1, 1)


def _in_zone(
    minutes: int, before: str | None, after: str | None, day: dt.date, fold: int = 0
) -> tuple[int, int, int]:
    """The wall clock ``minutes`` on ``day`` in zone ``before``, read in zone ``after``:
    (days on from ``day``, minutes, 1 when that wall time is the second pass through
    an hour the clocks went back over there, else 0), ``(0, minutes, 0)`` when either
    zone is unknown or they are one. ``23:45`` in UTC is ``08:45`` the next day in
    Tokyo; ``01:10`` in UTC on 27 October 2024 is the second ``01:10`` in London.
    ``fold`` 1 reads ``minutes`` in the second pass through a repeated hour of ``before``."""
    if before is None or after is None or before == after:
        return 0, minutes, 0
    try:
        wall = localize(day, dt.time(*divmod(minutes, 60)), before, fold=fold)
        local = wall.astimezone(get_tzinfo(after))
    except OverflowError:  # at the calendar's ends
        return 0, minutes, 0
    return (local.date() - day).days, local.hour * 60 + local.minute, local.fold


def _day_in_zone(day: dt.date, clock: dt.time, zone: str | None, frame: str | None) -> dt.date:
    """The day in ``zone`` of the instant at wall clock ``clock`` there that falls on
    ``day`` in zone ``frame`` (``day`` itself when either zone is unknown, they are one,
    or no such instant is near)."""
    if zone is None or frame is None or zone == frame:
        return day
    for step in (0, -1, 1):
        candidate = _plus(day, step)
        if candidate is None:
            continue
        try:
            there = localize(candidate, clock, zone).astimezone(get_tzinfo(frame)).date()
        except OverflowError:  # at the calendar's ends
            continue
        if there == day:
            return candidate
    return day


def _plus(day: dt.date, days: int) -> dt.date | None:
    """``day`` moved by ``days``, or None past the calendar's ends (year 1, year 9999)."""
    if not days:
        return day  # (most calls: a page's entries on its opening day)
    try:
        return day + dt.timedelta(days=days)
    except OverflowError:
        return None


def _nearest_year(reference: dt.date, month: int, day: int) -> dt.date:
    """The date with this month and day closest to ``reference``: within a year of it,
    or for February 29 in the nearest leap year (up to 8 years off, as from 1897 to 1904;
    years 1 and 9999 have 4 and 9996 that near).

    >>> _nearest_year(dt.date(2022, 6, 1), 2, 29), _nearest_year(dt.date.max, 2, 29)
    (datetime.date(2024, 2, 29), datetime.date(9996, 2, 29))
    """
    best: dt.date | None = None
    reach = _LEAP_REACH if (month, day) == (2, 29) else 1
    for year in range(reference.year - reach, reference.year + reach + 1):
        try:
            candidate = dt.date(year, month, day)
        except ValueError:
            continue
        if best is None or abs(candidate - reference) < abs(best - reference):
            best = candidate
    assert best is not None  # month/day were validated when the marker was read
    return best


_LEAP_REACH = 8  # the longest run of years without a February 29 (1897-1903) is 7


_WEEKDAY_YEARS = 28  # every month, day and weekday comes back within 28 years


def _year_before(limit: dt.date, written: dt.date, weekday: int | None) -> dt.date | None:
    """The latest day on or before ``limit`` with ``written``'s month and day (and
    ``weekday``, when one is written and such a day falls within 28 years; else the
    latest one); None before year 1."""
    latest: dt.date | None = None
    for year in range(limit.year, max(limit.year - _WEEKDAY_YEARS, 0), -1):
        try:
            day = dt.date(year, written.month, written.day)
        except ValueError:
            continue  # February 29 in a common year
        if day > limit:
            continue
        if weekday is None or day.weekday() == weekday:
            return day
        latest = latest or day
    return latest


def _named_pass(
    marker: Marker, day: dt.date | None, tz: str | None, page_zone: str | None
) -> int | None:
    """The pass through the hour the clocks went back over that ``marker``'s zone
    abbreviation names: 0 for a daylight one (``01:30 EDT``), 1 for a standard one
    (``01:30 EST``); None when it names neither or its clock is not in such an hour."""
    spec, clock = marker.zone, marker.clock
    if spec is None or spec.daylight is None or clock is None or day is None:
        return None
    zone = _zone_for(marker, tz, page_zone)
    if zone is None or not is_repeated(day, clock, zone):
        return None
    return 0 if spec.daylight else 1


def _fold(marker: Marker, folded: bool, day: dt.date, clock: dt.time, zone: str) -> int:
    """Which pass through the hour the clocks went back over ``clock`` is in (0 the
    first, 1 the second; 0 for an hour shown once): the one its zone abbreviation names
    (``01:30 EDT`` the first, ``01:30 EST`` the second), else the second when the page
    has stepped back into the hour (``folded``)."""
    daylight = None if marker.zone is None else marker.zone.daylight
    if (daylight is None and not folded) or not is_repeated(day, clock, zone):
        return 0
    return int(not daylight) if daylight is not None else 1


def _check_zone(
    marker: Marker,
    *,
    day: dt.date,
    clock: dt.time,
    zone: str,
    tz: str | None,
    report: Reporter,
) -> None:
    spec = marker.zone
    if spec is None:
        return
    written = marker.zone_text
    if spec.ambiguous and tz is None:
        report.warn(
            "ambiguous-zone",
            f"zone abbreviation '{written}' is ambiguous",
            *marker.span,
            error=ZoneError,
            outcome=f"; read as {spec.key}",
            advice=" (pass tz= to choose)",
        )
    elif (
        spec.daylight is not None
        and is_daylight(day, clock, zone) != spec.daylight
        and not is_repeated(day, clock, zone)  # the hour shows both: EDT, then EST
    ):
        report.warn(
            "zone-mismatch",
            f"'{written}' written on {day.isoformat()}, when {zone} does not observe it",
            *marker.span,
            error=MarkerError,
            outcome="; read as local time there",
        )


def _readings(spec: ZoneSpec) -> tuple[str, ...]:
    return AMBIGUOUS_READINGS.get(spec.key, (spec.key,)) if spec.ambiguous else (spec.key,)


_HOUR = dt.timedelta(hours=1)  # the daylight saving of nearly every zone


def _as_written(spec: ZoneSpec, day: dt.date, clock: dt.time, zone: str) -> tuple[str, ...]:
    """The fixed offset a seasonal abbreviation names when it is written out of its
    season in ``zone`` (``EST`` in August: ``UTC-05:00``; ``CDT`` in January:
    ``UTC-05:00``), as a one-key tuple; empty in season, for an abbreviation without a
    season, or in a zone of fixed offset."""
    if spec.daylight is None:
        return ()
    local = dt.datetime.combine(day, clock, tzinfo=get_tzinfo(zone))
    saving, offset = local.dst(), local.utcoffset()
    if saving is None or offset is None or bool(saving) == spec.daylight:
        return ()
    written = offset - saving + (_HOUR if spec.daylight else dt.timedelta(0))
    return (offset_key(int(written.total_seconds()) // 60),)


def _agreeing_zones(
    marker: Marker, day: dt.date, clock: dt.time, zone: str, tz: str | None
) -> str | None:
    """The zone of a marker's first clock when its two clocks agree on one instant
    only by reading an ambiguous abbreviation otherwise than by default
    (``22:10 CST / 14:10 GMT``: China's CST) or one written out of its season as the
    fixed offset it names (``11am EST, 7pm EAT`` in August: UTC-5), or confirm the
    default; None when the marker has no second clock, no such zone, or no reading
    agrees."""
    alt_clock, alt_zone, spec = marker.alt_clock, marker.alt_zone, marker.zone
    if alt_clock is None or alt_zone is None or spec is None:
        return None
    first = (*(_readings(spec) if tz is None else (zone,)), *_as_written(spec, day, clock, zone))
    seconds = (*_readings(alt_zone), *_as_written(alt_zone, day, alt_clock, alt_zone.key))
    if len(first) == 1 and len(seconds) == 1:
        return None
    days = [d for d in (_plus(day, shift) for shift in (-1, 0, 1)) if d is not None]
    for key in first:
        published = localize(day, clock, key)
        for other in seconds:
            if any(localize(d, alt_clock, other) == published for d in days):
                return key
    return None


def _check_second_clock(
    marker: Marker, day: dt.date, published: dt.datetime, report: Reporter
) -> None:
    if marker.alt_clock is None or marker.alt_zone is None:
        return
    days = (_plus(day, shift) for shift in (-1, 0, 1))
    candidates = [localize(d, marker.alt_clock, marker.alt_zone.key) for d in days if d]
    if published not in candidates:
        report.warn(
            "zones-disagree",
            f"the marker's second time {marker.alt_clock.isoformat('minutes')} "
            f"{marker.alt_zone.key} is not the same instant as the first",
            *marker.span,
            error=MarkerError,
            outcome="; the first is used",
        )

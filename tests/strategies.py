"""Hypothesis strategies: clock times, generated blogs, and their rendering as text.

``blogs()`` draws the truth (entries with known times and bodies); ``render()`` writes
it as a live blog, so the parser can be checked against data whose answer is known.
"""

from __future__ import annotations

import datetime as dt

import attrs
from hypothesis import assume
from hypothesis import strategies as st

# Lines that look a little like markers or dates but must stay body text.
TRICKY_LINES = (
    "The Evidence",
    "A UN diplomat summarized:",
    "Map: Institute for the Study of War",
    "At 10:30 the ministers met again.",
    "The vote was 2-1 in favour.",
    "2024",
    "1548 soldiers were moved to the front.",
    "He said the update would come at 1600 GMT.",
    "Updated figures: 500,000 people.",
    "John 3:16 was quoted on a banner.",
    "1. First point of the plan",
    "Photo: Reuters / 22 January 2024",
    "Original entries were removed.",
)
WORDS = ("talks", "the", "ministry", "said", "drones", "were", "downed", "Kyiv", "aid", "on")


@st.composite
def sentences(draw: st.DrawFn) -> str:
    """A plain sentence of vocabulary words."""
    words = draw(st.lists(st.sampled_from(WORDS), min_size=1, max_size=12))
    return " ".join(words).capitalize() + "."


@st.composite
def bodies(draw: st.DrawFn) -> str:
    """An entry body: paragraphs of sentences and tricky lines, blank lines between."""
    paragraphs = draw(
        st.lists(st.one_of(sentences(), st.sampled_from(TRICKY_LINES)), min_size=1, max_size=5)
    )
    return "\n\n".join(paragraphs)


@attrs.frozen
class GenEntry:
    """One generated update: minutes since the opening day's midnight, and its body."""

    minutes: int
    body: str


@attrs.frozen
class GenBlog:
    """A generated blog: the truth that ``render`` turns into text."""

    date: dt.date
    entries: tuple[GenEntry, ...]
    """Oldest first."""
    newest_first: bool
    original: str | None
    """Body of an ``ORIGINAL ENTRY`` (the oldest entry, untimed), if any."""
    preamble: str
    crlf: bool
    colon: bool
    """Render ``hh:mm`` instead of ``hhmm``."""

    def expected(self) -> list[tuple[dt.datetime | None, str]]:
        """(published, body) for each entry, oldest first."""
        out: list[tuple[dt.datetime | None, str]] = []
        if self.original is not None:
            out.append((None, self.original))
        midnight = dt.datetime.combine(self.date, dt.time(0), tzinfo=dt.UTC)
        out.extend((midnight + dt.timedelta(minutes=e.minutes), e.body) for e in self.entries)
        return out


def clock_text(minutes: int, *, colon: bool) -> str:
    """``hhmm`` or ``hh:mm`` for minutes since midnight (any day)."""
    h, m = divmod(minutes % 1440, 60)
    return f"{h:02d}:{m:02d}" if colon else f"{h:02d}{m:02d}"


@st.composite
def blogs(draw: st.DrawFn, *, max_entries: int = 8) -> GenBlog:
    """A blog whose consecutive updates are less than 12 hours apart (so that the
    direction and the midnight roll-over are well defined), possibly crossing midnight."""
    n = draw(st.integers(1, max_entries))
    start = draw(st.integers(0, 1439))
    gaps = draw(st.lists(st.integers(0, 719), min_size=n - 1, max_size=n - 1))
    if n > 1 and not any(gaps):
        gaps[0] = 1
    minutes = [start]
    for gap in gaps:
        minutes.append(minutes[-1] + gap)
    entries = tuple(GenEntry(m, draw(bodies())) for m in minutes)
    has_original = draw(st.booleans())
    return GenBlog(
        date=draw(st.dates(dt.date(2000, 1, 1), dt.date(2035, 12, 31))),
        entries=entries,
        newest_first=draw(st.booleans()),
        original=draw(bodies()) if has_original else None,
        preamble=draw(st.sampled_from(("", "Live: the war in Ukraine", "Photo: AP\n\nMap: ISW"))),
        crlf=draw(st.booleans()),
        colon=draw(st.booleans()),
    )


def render(blog: GenBlog, extra_top: tuple[GenEntry, ...] = ()) -> str:
    """Write ``blog`` as live-blog text in the ``UPDATE hhmm GMT:`` style.

    ``extra_top`` adds newer updates (for newest-first blogs, at the top)."""
    blocks: list[str] = []
    if blog.original is not None:
        blocks.append(f"ORIGINAL ENTRY: {blog.original}")
    for entry in (*blog.entries, *extra_top):
        blocks.append(f"UPDATE {clock_text(entry.minutes, colon=blog.colon)} GMT:\n\n{entry.body}")
    if blog.newest_first:
        blocks.reverse()
    if blog.preamble:
        blocks.insert(0, blog.preamble)
    text = "\n\n\n".join(blocks)
    return text.replace("\n", "\r\n") if blog.crlf else text


# --- every dialect: styles that render a marker for a local wall-clock time -------------

MONTH_ABBR = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
MONTH_NAMES = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


def _h12(local: dt.datetime, *, dotted: bool, spaced: bool, periods: bool) -> str:
    hour = local.hour % 12 or 12
    sep = "." if dotted else ":"
    suffix = ("a.m." if periods else "am") if local.hour < 12 else ("p.m." if periods else "pm")
    return f"{hour}{sep}{local.minute:02d}{' ' if spaced else ''}{suffix}"


@attrs.frozen
class Style:
    """How one dialect writes a marker, and whether it carries a headline line."""

    name: str
    zone: str
    """The abbreviation written (or "" when the page's tz applies)."""
    iana: str
    """The zone the wall clock is in."""
    inline: bool
    """Body text on the marker's line."""

    def marker(self, local: dt.datetime) -> str:
        """The marker text for wall-clock ``local``."""
        z = f" {self.zone}" if self.zone else ""
        hm = f"{local.hour:02d}:{local.minute:02d}"
        return {
            "update": f"UPDATE {local.hour:02d}{local.minute:02d}{z}:",
            "update-comma": f"Update, {hm}{z}",
            "clock-line": f"{hm}{z}",
            "clock-line-dotted": f"{local.hour:02d}.{local.minute:02d}{z}",
            "clock-line-12h": _h12(local, dotted=False, spaced=True, periods=True) + z,
            "clock-inline": f"{hm}{z}:",
            "clock-inline-12h": _h12(local, dotted=True, spaced=False, periods=False) + z + ":",
            "clock-dash-date": f"{hm} – {local.day} {MONTH_ABBR[local.month - 1]} {local.year}",
            "date-first": (f"{local.day} {MONTH_NAMES[local.month - 1]} {local.year} - {hm}{z}"),
            "us-dated": (
                f"{MONTH_ABBR[local.month - 1]} {local.day}, {local.year}, "
                f"{_h12(local, dotted=False, spaced=True, periods=True)}{z}"
            ),
            "iso": local.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
            "glued": f"({hm}{z})",
            "ticker": f"+++ {hm}",
        }[self.name]


STYLE_NAMES = (
    "update",
    "update-comma",
    "clock-line",
    "clock-line-dotted",
    "clock-line-12h",
    "clock-inline",
    "clock-inline-12h",
    "clock-dash-date",
    "date-first",
    "us-dated",
    "iso",
    "glued",
    "ticker",
)
INLINE_STYLES = frozenset({"update", "update-comma", "clock-inline", "clock-inline-12h", "glued"})
# (abbreviation written, zone it names, months without a DST change in that zone)
ZONE_CHOICES = (
    ("GMT", "UTC"),
    ("UTC", "UTC"),
    ("BST", "Europe/London"),
    ("CET", "Europe/Paris"),
    ("EET", "Europe/Kyiv"),
    ("ET", "America/New_York"),
    ("EAT", "Africa/Nairobi"),
    ("JST", "Asia/Tokyo"),
    ("", "Europe/Berlin"),  # no zone written: tz= gives it
)
HEADLINES = ("Talks resume", "Drones downed over Kyiv", "Minister resigns", "Aid arrives")


@attrs.frozen
class StyledBlog:
    """A generated blog in one dialect and zone, with the UTC truth."""

    style: Style
    instants: tuple[dt.datetime, ...]
    """UTC instants, oldest first."""
    headlines: tuple[str, ...]
    bodies: tuple[str, ...]
    newest_first: bool
    crlf: bool

    @property
    def opening_day(self) -> dt.date:
        """The oldest entry's day in the blog's zone."""
        return self.instants[0].astimezone(_zone(self.style.iana)).date()

    @property
    def tz(self) -> str | None:
        """The tz= to pass: only when the markers write no zone."""
        return None if self.style.zone else self.style.iana

    def render(self) -> str:
        """The blog as text."""
        blocks = []
        zone = _zone(self.style.iana)
        for instant, headline, body in zip(self.instants, self.headlines, self.bodies, strict=True):
            marker = self.style.marker(instant.astimezone(zone))
            if self.style.name == "ticker":
                blocks.append(f"{marker} {headline} +++ {body}")
            elif self.style.inline:
                blocks.append(
                    f"{marker}{'' if self.style.name == 'glued' else ' '}{headline}\n{body}"
                )
            else:
                blocks.append(f"{marker}\n{headline}\n{body}")
        if self.newest_first:
            blocks.reverse()
        text = "Live: the latest\n\n" + "\n\n".join(blocks)
        return text.replace("\n", "\r\n") if self.crlf else text


def _zone(name: str) -> dt.tzinfo:
    import zoneinfo

    return dt.UTC if name == "UTC" else zoneinfo.ZoneInfo(name)


@st.composite
def styled_blogs(draw: st.DrawFn) -> StyledBlog:
    """A blog in any dialect and zone: 2 to 7 entries under 12 hours apart, in a month
    without a DST change (the corpus covers DST days), possibly crossing midnight."""
    name = draw(st.sampled_from(STYLE_NAMES))
    if name in {"iso", "clock-dash-date"}:
        abbreviation, iana = "", "UTC"
    else:
        abbreviation, iana = draw(st.sampled_from(ZONE_CHOICES))
        if name == "ticker":
            abbreviation = ""  # ticker lines write no zone: tz= gives it
    style = Style(name, abbreviation, iana, name in INLINE_STYLES)
    n = draw(st.integers(2, 7))
    day = draw(st.dates(dt.date(2001, 1, 1), dt.date(2035, 12, 31)))
    day = day.replace(month=draw(st.sampled_from((1, 2, 6, 7))), day=min(day.day, 28))
    start = dt.datetime.combine(day, dt.time(0), tzinfo=dt.UTC) + dt.timedelta(
        minutes=draw(st.integers(0, 1439))
    )
    gaps = draw(st.lists(st.integers(1, 719), min_size=n - 1, max_size=n - 1))
    instants = [start]
    for gap in gaps:
        instants.append(instants[-1] + dt.timedelta(minutes=gap))
    return StyledBlog(
        style=style,
        instants=tuple(instants),
        headlines=tuple(draw(st.sampled_from(HEADLINES)) for _ in instants),
        bodies=tuple(draw(sentences()) for _ in instants),
        newest_first=draw(st.booleans()),
        crlf=draw(st.booleans()),
    )


# --- marker-shaped noise, for totality and tiling on inputs that reach deep code ----------

NOISE_TOKENS = (
    "UPDATE ",
    "29 Feb ",
    "February 29, ",
    "Update, ",
    "Posted at ",
    "ORIGINAL ENTRY:",
    "Earlier:",
    "+++ ",
    "(",
    ")",
    "14:32",
    "25:00",
    "14:60",
    "9.45",
    "0415",
    "2561",
    " GMT",
    " BST",
    " ET",
    " XYZ",
    " IST",
    " EST, ",
    " EAT",
    " GMT+2",
    "am",
    " p.m.",
    " noon",
    "midnight",
    ":",
    " - ",
    " – ",
    ", ",
    ". ",
    " ",
    "\u00a0",
    "\u200b",
    "\t",
    "\n",
    "\r\n",
    "\r",
    "\n\n",
    "\x00",
    "Monday ",
    "31 February",
    "22 January 2024",
    "Jan 16, 2024",
    "12.9.2024",
    "6/4/2021",
    "2024-01-22T15:48:00Z",
    "9999-12-31",
    "2h ago",
    "999,999,999d ago",
    "published at ",
    "Jane Doe",
    "All times are Paris time",
    "(GMT+2)",
    "last week",
    "on Monday",
    "December 25",
    "Saturday:",
    "x",
    "Talks resume",
    # shapes the dialects learnt later: day words after a clock, separators, post
    # numbers, bracketed times after headlines, directional marks and isolates,
    # letters without case, Romance day headers, emphasis, glued am/pm, ages
    " Today",
    "Yesterday",
    " · ",
    " • ",
    " | ",
    "#14",
    "Post 14",
    "Entry 14",
    "(13:45)",
    "\u200e",
    "\u200f",
    "\u2066",
    "\u2069",
    "الشرطة",
    "Lunes, 22 de enero de 2024",
    "Lunedì 22 gennaio 2024",
    "Segunda-feira, 22 de janeiro de 2024",
    "Marzo",
    "__",
    "**",
    "06:30pm",
    "PTI",
    "5 min ago",
    "Just now",
    "Key event",
    "Tuesday 23 January (Day Three)",
    "&nbsp;",
    "16h05",
    "22.01.2024",
    "By ",
    "Updated ",
    "\ufeff",
)


@st.composite
def marker_noise(draw: st.DrawFn) -> str:
    """Text stitched from marker fragments, dates, zones, blanks and line breaks."""
    return "".join(draw(st.lists(st.sampled_from(NOISE_TOKENS), max_size=60)))


# days near the calendar's ends (years 1 and 9999: no year 0 or 10000 to step into)
CALENDAR_ENDS = (dt.date.min, dt.date(1, 12, 31), dt.date(9999, 1, 1), dt.date.max)
PARSE_ZONES = ("UTC", "Europe/London", "America/New_York", "Pacific/Kiritimati", "Etc/GMT+12")


@st.composite
def parse_options(draw: st.DrawFn) -> dict[str, object]:
    """Keyword arguments for parse: with and without date, tz, now and strict."""
    options: dict[str, object] = {}
    if draw(st.booleans()):
        options["date"] = draw(
            st.dates(dt.date(1900, 1, 1), dt.date(2100, 12, 31)) | st.sampled_from(CALENDAR_ENDS)
        )
    if draw(st.booleans()):
        options["tz"] = draw(st.sampled_from(PARSE_ZONES))
    if draw(st.booleans()):
        options["now"] = draw(
            st.datetimes(
                # hypothesis takes naive bounds and attaches the zone itself
                dt.datetime(1990, 1, 1),  # noqa: DTZ001
                dt.datetime(2060, 1, 1),  # noqa: DTZ001
                timezones=st.just(dt.UTC),
            )
            | st.sampled_from(CALENDAR_ENDS).map(
                lambda day: dt.datetime.combine(day, dt.time(12), tzinfo=dt.UTC)
            )
        )
    options["strict"] = draw(st.booleans())
    return options


# --- multi-day blogs under day headers ----------------------------------------------------

NUMBER_WORDS = ("one", "two", "three", "four", "five")
WEEKDAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def day_header(day: dt.date, wording: int, *, year: bool) -> str:
    """A day header for ``day`` in one of the wordings real blogs use."""
    weekday, month = WEEKDAY_NAMES[day.weekday()], MONTH_NAMES[day.month - 1]
    y = f" {day.year}" if year else ""
    return (
        f"{weekday} {day.day} {month}{y}",  # Monday 22 January 2024
        f"{weekday}, {month} {day.day}{',' if year else ''}{y}",  # Tuesday, January 23, 2024
        f"{month} {day.day}{',' if year else ''}{y}",  # June 14, 2024
        f"{weekday} {day.day} {month}{y} (Day {day.day % 5 + 1})",  # ... (Day Three)
        f"Day {day.day % 5 + 1} – {weekday} {day.day} {month}{y}",  # Day 3 – Wednesday 22 May
        f"{weekday} {day.day} {month}{y}: day {NUMBER_WORDS[day.day % 5]}",  # ...: day two
    )[wording]


@attrs.frozen
class HeadedBlog:
    """A blog over several days, each day's posts under a header, with the UTC truth."""

    instants: tuple[dt.datetime, ...]
    """UTC instants, oldest first (the page's zone is Europe/London)."""
    wording: int
    years: tuple[bool, ...]
    """Per day, oldest first: whether its header writes the year."""
    newest_first: bool

    @property
    def days(self) -> list[dt.date]:
        """Each entry's day in the page's zone."""
        return [i.astimezone(_zone("Europe/London")).date() for i in self.instants]

    def headers(self) -> list[str]:
        """The day headers as :meth:`render` writes them, oldest day first."""
        days = dict.fromkeys(self.days)
        return [
            day_header(day, self.wording, year=year)
            for day, year in zip(days, self.years, strict=False)
        ]

    def render(self) -> str:
        """The blog as text: ``HH:MM`` lines with a headline below, under day headers."""
        zone = _zone("Europe/London")
        sections: dict[dt.date, list[str]] = {}
        for number, instant in enumerate(self.instants):
            local = instant.astimezone(zone)
            sections.setdefault(local.date(), []).append(
                f"{local:%H:%M}\nPost number {number} is here.\nThe text of post {number}."
            )
        blocks = []
        for (day, posts), year in zip(sections.items(), self.years, strict=False):
            if self.newest_first:
                posts.reverse()
            blocks.append(day_header(day, self.wording, year=year) + "\n\n" + "\n\n".join(posts))
        if self.newest_first:
            blocks.reverse()
        return "Live: the latest\n\n" + "\n\n".join(blocks)


@st.composite
def headed_blogs(draw: st.DrawFn) -> HeadedBlog:
    """2 to 4 days of posts (1 to 4 a day, at any hour), consecutive or a day apart,
    possibly across a new year or a DST change, each header with or without its year."""
    first = draw(
        st.sampled_from((dt.date(2023, 12, 30), dt.date(2024, 3, 29), dt.date(2024, 10, 26)))
        | st.dates(dt.date(2001, 1, 1), dt.date(2035, 12, 1))
    )
    days = [first]
    for _ in range(draw(st.integers(1, 3))):
        days.append(days[-1] + dt.timedelta(days=draw(st.integers(1, 2))))
    zone = _zone("Europe/London")
    instants: list[dt.datetime] = []
    for day in days:
        # minutes of the day from 01:00 (a DST change is at 01:00 or 02:00 local), apart
        minutes = sorted(draw(st.sets(st.integers(60, 1439), min_size=1, max_size=4)))
        for m in minutes:
            local = dt.datetime.combine(day, dt.time(*divmod(m, 60)), tzinfo=zone)
            instants.append(local.astimezone(dt.UTC))
    years = draw(st.lists(st.booleans(), min_size=len(days), max_size=len(days)))
    return HeadedBlog(
        instants=tuple(sorted(instants)),
        wording=draw(st.integers(0, 5)),
        years=tuple(years),
        newest_first=draw(st.booleans()),
    )


@attrs.frozen
class WeekdayBlog:
    """Posts over up to four days marked ``Saturday 4.15pm:``, perhaps with a day-only
    ``Saturday:`` post opening each day, in the page's zone (Europe/London)."""

    locals: tuple[dt.datetime, ...]
    """Wall-clock times, oldest first, none skipped or repeated by a DST change."""
    day_only: bool
    newest_first: bool

    def render(self) -> str:
        """The blog as text."""
        blocks: list[str] = []
        days: set[dt.date] = set()
        for number, local in enumerate(self.locals):
            weekday = WEEKDAY_NAMES[local.weekday()]
            if self.day_only and local.date() not in days:
                days.add(local.date())
                blocks.append(f"{weekday}: Good morning, this is day {len(days)}.")
            clock = _h12(local, dotted=True, spaced=False, periods=False)
            blocks.append(f"{weekday} {clock}: Post {number} is here.")
        if self.newest_first:
            blocks.reverse()
        return "Live: the latest\n\n" + "\n\n".join(blocks)


@st.composite
def weekday_blogs(draw: st.DrawFn) -> WeekdayBlog:
    """2 to 8 posts at any minutes of three days."""
    zone = _zone("Europe/London")
    start = draw(st.dates(dt.date(2001, 1, 1), dt.date(2035, 1, 1)))
    offsets = draw(st.lists(st.integers(0, 3 * 1440), min_size=2, max_size=8, unique=True))
    locals_ = []
    for minutes in sorted(offsets):
        day, clock = divmod(minutes, 1440)
        local = dt.datetime.combine(
            start + dt.timedelta(days=day), dt.time(*divmod(clock, 60)), tzinfo=zone
        )
        back = local.astimezone(dt.UTC).astimezone(zone).replace(tzinfo=None)
        assume(back == local.replace(tzinfo=None))  # not skipped by a DST change
        assume(local.replace(fold=1).utcoffset() == local.utcoffset())  # nor repeated
        locals_.append(local)
    return WeekdayBlog(tuple(locals_), draw(st.booleans()), draw(st.booleans()))


# --- a wire update pasted among a page's bare times --------------------------------------


@attrs.frozen
class PastedUpdate:
    """A page of bare times in ``tz`` with one ``UPDATE hhmm[ GMT]:`` paragraph pasted
    in at ``place`` (0 is the top), at an instant that continues the page's order."""

    tz: str
    posts: tuple[dt.datetime, ...]
    """The posts' instants (UTC), oldest first."""
    update: dt.datetime
    """The update's instant (UTC)."""
    place: int
    """How many posts stand above the update on the page."""
    zoned: bool
    """Whether the update writes its time in GMT (else on the page's wall clock)."""
    newest_first: bool
    tight: bool = False
    """Whether the update stands on the line right under the post above it (a copy that
    lost the blank line between them)."""
    headed: bool = False
    """Whether a day header (the posts' day in ``tz``) stands above the page's posts."""

    @property
    def opening_day(self) -> dt.date:
        """The oldest entry's day in its own zone."""
        first = min(self.posts[0], self.update)
        return first.astimezone(
            _zone("UTC" if first == self.update and self.zoned else self.tz)
        ).date()

    def render(self) -> str:
        """The page as text."""
        zone = _zone(self.tz)
        blocks = [
            f"{p.astimezone(zone):%H:%M}\nPost {n} headline\nThe text of post {n}."
            for n, p in enumerate(self.posts)
        ]
        if self.newest_first:
            blocks.reverse()
        clock = self.update.astimezone(dt.UTC if self.zoned else zone)
        marker = f"UPDATE {clock:%H%M} GMT" if self.zoned else f"UPDATE {clock:%H%M}"
        update = f"{marker}: The update's own text."
        if self.tight and self.place > 0:
            blocks[self.place - 1] += "\n" + update
        else:
            blocks.insert(self.place, update)
        if self.headed:
            blocks.insert(0, day_header(self.posts[0].astimezone(zone).date(), 0, year=True))
        return "Live: the latest\n\n" + "\n\n".join(blocks)


@st.composite
def pasted_updates(draw: st.DrawFn) -> PastedUpdate:
    """Three to five posts 10 minutes to 3 hours apart within one local day, and an
    update at least 3 minutes from its neighbours in the page's order, written in GMT
    (zones at a whole or half hour from it, without daylight saving) or locally."""
    tz = draw(st.sampled_from(["Asia/Tokyo", "Asia/Kolkata", "Europe/Moscow", "America/Bogota"]))
    zone = _zone(tz)
    day = draw(st.dates(dt.date(2015, 1, 1), dt.date(2030, 12, 31)))
    n = draw(st.integers(3, 5))
    gaps = draw(st.lists(st.integers(10, 180), min_size=n, max_size=n))
    start = draw(st.integers(60, 1439 - sum(gaps) - 60))
    minutes = [start + sum(gaps[:k]) for k in range(n)]
    # the update: before the first, between two posts, or after the last
    slot = draw(st.integers(0, n))
    low = minutes[slot - 1] + 3 if slot > 0 else minutes[0] - 60
    high = minutes[slot] - 3 if slot < n else minutes[-1] + 60
    at = draw(st.integers(low, high))

    def utc(m: int) -> dt.datetime:
        return dt.datetime.combine(day, dt.time(*divmod(m, 60)), tzinfo=zone).astimezone(dt.UTC)

    newest_first = draw(st.booleans())
    return PastedUpdate(
        tz=tz,
        posts=tuple(utc(m) for m in minutes),
        update=utc(at),
        place=n - slot if newest_first else slot,
        zoned=draw(st.booleans()),
        newest_first=newest_first,
        tight=draw(st.booleans()),
        headed=draw(st.booleans()),
    )

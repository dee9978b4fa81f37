"""Seeded corpora for the speed benchmarks: live blogs, news prose, adversarial inputs.

Everything is generated from :class:`random.Random` with a fixed seed, so every run (and
every subprocess of a run) sees byte-identical text. The prose is assembled from
hand-written news phrases; about four sentences in ten carry a date or time expression
(``on Monday``, ``12 January``, ``January 12, 2024``, ``two weeks ago``, ``at 3pm``), and
others carry numbers that are not dates (``7,764 votes``, ``£40m``, ``3-2``), the mix the
peers and ``find_mentions`` both have to sort out.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Callable, Iterator

import attrs

SEED = 20240122
"""The seed of every generator here."""

OPENING_DAY = dt.date(2024, 1, 22)
"""The day the generated blogs open; passed to ``parse(date=...)``."""

MONTHS: tuple[str, ...] = ("January", "February", "March", "April", "May", "June", "July", "August")
MONTHS += ("September", "October", "November", "December")
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")

SUBJECTS = (
    "The ministry",
    "Officials",
    "The prime minister",
    "Police",
    "The central bank",
    "Emergency services",
    "The UN",
    "Local authorities",
    "A spokesperson for the army",
    "Witnesses",
    "The company",
    "Rescue teams",
    "The foreign minister",
    "Opposition leaders",
    "Health officials",
    "The regional governor",
    "Union leaders",
    "The White House",
    "Investigators",
    "The weather service",
)
VERBS = (
    "said",
    "confirmed",
    "announced",
    "warned",
    "reported",
    "told reporters",
    "denied",
    "added",
    "insisted",
    "estimated",
)
CLAUSES = (
    "that talks would resume",
    "that more than {n} people had been evacuated",
    "that the death toll had risen to {n}",
    "that the border crossing remains closed",
    "that a ceasefire would take effect",
    "that the budget would be cut by {n} percent",
    "that {n} flights were cancelled",
    "that new sanctions were being prepared",
    "that power had been restored to {n},{k:03d} homes",
    "that the vote was won by {n},{k:03d} votes",
    "that a £{n}m aid package had been agreed",
    "that the match ended {a}-{b}",
    "that inflation rose to {a}.{b}%",
    "that the bridge on Route {n} was damaged",
    "that schools in the area would stay shut",
    "that the inquiry would publish its findings",
    "that drones were shot down over the capital",
    "that shares fell {a}.{b}% in early trading",
    "that the motion passed by {n} votes to {k}",
    "that a second storm was approaching the coast",
)
DATES = (
    "on {weekday}",
    "last week",
    "on {d} {month}",
    "{month} {d}, {y}",
    "yesterday",
    "{n} days ago",
    "earlier this month",
    "at {h}pm",
    "since {y}",
    "next {weekday}",
    "in {month}",
    "this morning",
    "by the end of the year",
    "on {y}-{mm:02d}-{d:02d}",
    "two weeks ago",
    "tomorrow",
    "over the weekend",
    "late on {weekday}",
    "in {month} {y}",
    "at {h}.{mm:02d}am",
    "on {weekday} {d} {month}",
    "last year",
    "in the first quarter",
    "at midnight",
)
HEADLINES = (
    "Talks resume",
    "Evacuations under way",
    "Markets react",
    "What we know so far",
    "Minister speaks",
    "Rescue operation continues",
    "Polls close",
    "Storm warning issued",
    "Result declared",
    "Power restored",
)


def _fill(rng: random.Random, template: str) -> str:
    return template.format(
        n=rng.randint(2, 999),
        k=rng.randint(0, 999),
        a=rng.randint(0, 9),
        b=rng.randint(0, 9),
        d=rng.randint(1, 28),
        mm=rng.randint(1, 12),
        h=rng.randint(1, 11),
        y=rng.randint(2015, 2025),
        month=rng.choice(MONTHS),
        weekday=rng.choice(WEEKDAYS),
    )


def sentence(rng: random.Random) -> str:
    """One news sentence; four in ten carry a date or time expression."""
    subject, verb = rng.choice(SUBJECTS), rng.choice(VERBS)
    clause = _fill(rng, rng.choice(CLAUSES))
    roll = rng.random()
    if roll < 0.25:
        return f"{subject} {verb} {_fill(rng, rng.choice(DATES))} {clause}."
    if roll < 0.4:
        when = _fill(rng, rng.choice(DATES))
        return f"{when[0].upper()}{when[1:]}, {subject.lower()} {verb} {clause}."
    if roll < 0.5:
        return f"“{clause.removeprefix('that ').capitalize()},” {subject.lower()} {verb}."
    return f"{subject} {verb} {clause}."


def paragraph(rng: random.Random) -> str:
    """One to four sentences."""
    return " ".join(sentence(rng) for _ in range(rng.randint(1, 4)))


def _body(rng: random.Random) -> str:
    return "\n\n".join(paragraph(rng) for _ in range(rng.randint(1, 3)))


# Marker styles, each a function of (rng, minutes since the opening day's midnight, the
# opening day).
def _update_gmt(_rng: random.Random, at: int, _opening: dt.date) -> str:
    # UPDATE 1548 GMT: ...
    return f"UPDATE {at // 60 % 24:02d}{at % 60:02d} GMT: "


def _bare_dotted(rng: random.Random, at: int, _opening: dt.date) -> str:
    # 21.48\nHeadline\n...
    return f"{at // 60 % 24:02d}.{at % 60:02d}\n{rng.choice(HEADLINES)}\n"


def _twelve_hour(_rng: random.Random, at: int, _opening: dt.date) -> str:
    # 3.05pm: ...
    hour = at // 60 % 24
    return f"{(hour - 1) % 12 + 1}.{at % 60:02d}{'am' if hour < 12 else 'pm'}: "


def _posted_at(rng: random.Random, at: int, _opening: dt.date) -> str:
    # Posted at 03:02\nHeadline\n...
    return f"Posted at {at // 60 % 24:02d}:{at % 60:02d}\n{rng.choice(HEADLINES)}\n"


def _dated_gmt(_rng: random.Random, at: int, opening: dt.date) -> str:
    # Monday 22 January 2024 15.48 GMT\n...
    day = opening + dt.timedelta(days=at // 1440)
    weekday, month = WEEKDAYS[day.weekday()], MONTHS[day.month - 1]
    stamp = f"{weekday} {day.day} {month} {day.year} {at // 60 % 24:02d}.{at % 60:02d} GMT"
    return stamp + "\n"


STYLES: dict[str, Callable[[random.Random, int, dt.date], str]] = {
    "update-gmt": _update_gmt,
    "bare-dotted": _bare_dotted,
    "12-hour": _twelve_hour,
    "posted-at": _posted_at,
    "dated-gmt": _dated_gmt,
}


@attrs.frozen
class Blog:
    """One generated live blog and what it holds."""

    text: str
    """The blog, newest entry first."""
    entries: int
    """How many entry markers it has."""
    style: str
    """The marker style."""
    opening: dt.date = OPENING_DAY
    """The day the blog opens on (what ``parse(date=...)`` is given)."""


def blog(
    rng: random.Random, *, entries: int, style: str | None = None, opening: dt.date = OPENING_DAY
) -> Blog:
    """A newest-first live blog of ``entries`` updates in one marker style, opening on
    ``opening``.

    Times start at 05:00 on the opening day and step forward at random, so that all of
    them fit in the day (a blog without dates in its markers cannot say which day an
    entry is on, other than by midnight roll-over).
    """
    name = style or rng.choice(sorted(STYLES))
    marker = STYLES[name]
    longest = max(1, (18 * 60) // max(entries, 1))
    at = 5 * 60
    times = []
    for _ in range(entries):
        times.append(at)
        at += rng.randint(1, longest)
    title = f"{rng.choice(HEADLINES)}: live updates"
    parts = [f"{title}\n{paragraph(rng)}\n"]
    parts.extend(f"{marker(rng, t, opening)}{_body(rng)}\n" for t in reversed(times))
    return Blog(text="\n".join(parts), entries=entries, style=name, opening=opening)


def blogs(size: int, *, seed: int = SEED, days: int = 1) -> Iterator[Blog]:
    """Blogs of 10 to 80 entries in varied styles, until ``size`` characters are reached.

    With ``days`` above 1, each blog opens on a day drawn from the ``days`` days that end
    on :data:`OPENING_DAY`, as an archive's blogs do (the text differs from the one-day
    corpus of the same seed); with 1, every blog opens on :data:`OPENING_DAY`.
    """
    rng = random.Random(seed)
    produced = 0
    while produced < size:
        entries = rng.randint(10, 80)
        opening = OPENING_DAY
        if days > 1:
            opening -= dt.timedelta(days=rng.randrange(days))
        one = blog(rng, entries=entries, opening=opening)
        produced += len(one.text)
        yield one


def huge_blog(size: int, *, seed: int = SEED) -> Blog:
    """One blog of about ``size`` characters, ``UPDATE hhmm GMT`` entries over many days."""
    rng = random.Random(seed + 1)
    pieces: list[str] = []
    produced = 0
    at = 0
    while produced < size:
        body = _body(rng)
        pieces.append(body)
        produced += len(body) + 20
        at += 1
    count = len(pieces)
    # Newest first; a step of 9 minutes walks backwards over many days, and every
    # midnight is crossed with a step back of more than six hours in clock terms.
    lines = [f"{paragraph(rng)}\n"]
    for i, body in enumerate(pieces):
        minutes = (count - i) * 9
        lines.append(f"UPDATE {minutes // 60 % 24:02d}{minutes % 60:02d} GMT: {body}\n")
    return Blog(text="\n".join(lines), entries=count, style="update-gmt")


def prose(size: int, *, seed: int = SEED) -> Iterator[str]:
    """Plain news articles (no markers) of 2 to 8 KB, until ``size`` characters are reached."""
    rng = random.Random(seed + 2)
    produced = 0
    while produced < size:
        article = []
        length = 0
        target = rng.randint(2000, 8000)
        while length < target:
            piece = paragraph(rng)
            article.append(piece)
            length += len(piece) + 2
        text = "\n\n".join(article)
        produced += len(text)
        yield text


def _nested_quotes(n: int) -> str:
    return "“" * n + "Talks end on Monday" + "”" * n


ADVERSARIAL: dict[str, Callable[[int], str]] = {
    # Each builds an input of about n characters that stresses one kind of scan.
    "digits": lambda n: "1" * n,
    "digits-spaced": lambda n: "1548 " * (n // 5),
    "update-repeated": lambda n: "UPDATE " * (n // 7),
    "update-lines": lambda n: "UPDATE \n" * (n // 8),
    "long-line": lambda n: " ".join(
        sentence(random.Random(SEED + i)) for i in range(n // 90)
    ).replace("\n", " "),
    "markers": lambda n: "".join(
        f"UPDATE {i // 60 % 24:02d}{i % 60:02d} GMT: x\n" for i in range(n // 19, 0, -1)
    ),
    "nested-quotes": lambda n: _nested_quotes(n // 2),
    "nested-parens": lambda n: "(" * (n // 2) + ")" * (n // 2),
    "spaces": lambda n: "UPDATE" + " " * n + "1548 GMT: x",
    "colons": lambda n: ":" * n,
    "month-names": lambda n: "January " * (n // 8),
    "month-day-runs": lambda n: "12 January 2024, " * (n // 17),
    "weekdays": lambda n: "on Monday, " * (n // 11),
    "clock-runs": lambda n: "12:" * (n // 3),
    # text converted to Markdown, or copied with inline tags: decoration at line starts
    "decorated-markers": lambda n: "".join(
        f"**{i // 60 % 24:02d}:{i % 60:02d}** x\n" for i in range(n // 12, 0, -1)
    ),
    "decoration-runs": lambda n: "- > ### " * (n // 8) + "23:40 x",
    "open-tags": lambda n: "<strong>" * (n // 8) + "23:40 x",
    # parsed without a date: every clue to the blog's own date weighs on every candidate
    "date-clues": lambda n: "".join(
        f"UPDATE {i // 60 % 24:02d}{i % 60:02d}: Photo, January {i % 28 + 1}, 2024. "
        "Talks went on earlier on Monday; the envoy left last week.\n"
        for i in range(n // 100, 0, -1)
    ),
    # saved web pages, read by parse_html (see HTML)
    "html-sibling-paragraphs": lambda n: "<p>x" * (n // 4),
    "html-nested-divs": lambda n: "<div>" * (n // 11) + "UPDATE 1548 GMT: x" + "</div>" * (n // 11),
    "html-nested-lists": lambda n: "<ul><li>" * (n // 8) + "x",
    "html-time-cards": lambda n: "".join(
        f'<article><time datetime="2024-01-22T{i // 60 % 24:02d}:{i % 60:02d}:00Z">'
        f"{i // 60 % 24:02d}:{i % 60:02d}</time><p>Talks went on.</p></article>"
        for i in range(n // 110, 0, -1)
    ),
}
"""Adversarial inputs by name: a function of the wanted size in characters."""

HTML: frozenset[str] = frozenset(name for name in ADVERSARIAL if name.startswith("html-"))
"""The adversarial cases that are web pages, parsed with ``parse_html``."""

UNDATED: frozenset[str] = frozenset({"date-clues"})
"""The adversarial cases parsed without a ``date``, so that the blog's own date is inferred."""

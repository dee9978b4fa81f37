"""The hand-written corpus of live blogs in ``tests/corpus/``: every blog must parse perfectly.

The golden files were written by hand from the specification, not from the parser's output;
see ``tests/corpus_score.py`` for the format and the scoring.
"""

from __future__ import annotations

from collections import Counter

import pytest

from tests.corpus_score import CORPUS_DIR, Case, load_corpus, parse_case, score

CASES = load_corpus(CORPUS_DIR)

# Every style the dialect issue names, plus the situations it asks the corpus to cover.
REQUIRED_STYLES = frozenset(
    {
        "keyword-time",  # UPDATE 1548 GMT: / Updated at 14.32 GMT / Posted at 14:32
        "bare-time",  # 14:32 alone on its line, headline on the next
        "seconds",  # 14:32:05
        "12h",  # 9:45am: / 10:15 p.m. ET / Noon ET
        "missing-ampm",  # 4:12: after 3:58pm:
        "mixed-formats",  # 04:00: next to 3:00am:
        "time-date",  # 22:15 – 10 Mar 2022 / Jan 16, 2024, 8:31 a.m. ET
        "iso",  # 2024-01-22T15:48:00Z
        "two-zones",  # 9:42am EST, 5:42pm EAT
        "relative-age",  # 2h ago, resolved against now
        "day-headers",  # Monday 22 January between entries
        "page-zone",  # "All times GMT" stated once
        "offset-zone",  # GMT+2, UTC+03:00
        "city-zone",  # Kyiv time, local time in Ukraine
        "ambiguous-zone",  # IST, CST resolved by tz or default
        "untimed-opening",  # ORIGINAL ENTRY / Earlier: / unmarked first block
        "inline-run",  # several entries run together in one paragraph
        "glued-headline",  # (11:26 GMT)Police said / resumepublished at 10:05 ...
        "headline-above",  # headline on the line above its time
        "byline-after",  # author and date-time closing the entry
        "newest-first",
        "oldest-first",
        "midnight",  # the clock restarts after midnight
        "dst",  # a daylight-saving change inside the blog
        "date-contradiction",  # the date argument disagrees with dates in the text
        "non-markers",  # At 10:30..., scores, verses, schedules inside bodies
        "page-chrome",  # Updated ... / Key events / Show more / View post
        "crlf",
        "nbsp",  # U+00A0 inside markers, or a lost one shown as ?
        "empty-entry",  # a marker with no text under it
        "not-a-blog",  # an ordinary article or schedule: one entry, no marker
    }
)


# Further shapes from the field guide; tagged where present, not required.
OPTIONAL_STYLES = frozenset(
    {
        "french-time",  # 14h35 :
        "day-only",  # Saturday: next to Saturday 4.15pm:
        "hhmm",  # 0415 GMT: without a keyword
        "out-of-order",  # a late post slightly out of the blog's order, kept in place
        "typos",  # a..m., p.m .
        # tags of the second set of blogs (076-120), written later by another hand
        "broadcast-schedule",  # SUN 14.04.2024 – 22:30 BST in the chrome
        "byline-platform",  # Tim Layden 5/2/2015 4:48:02 PM: a platform's byline with a date
        "untimed-entry",  # UPDATE: a correction label between timed posts
        "dated",  # a date in the marker
        "dotted",  # 14.32
        "headline-blocks",  # a page of headline blocks without times
        "nbsp-damage",  # a lost no-break space shown as ?
        "no-times",  # a live page with no per-entry times
        "numbered-posts",  # Post 14
        "page-zone-statement",  # All times are Paris time
        "platform-utc",  # a platform that writes UTC for an event elsewhere
        "published-at",  # ...published at 00:18 British Summer Time
        "schedule",  # a schedule in marker format inside an entry
        "sports-clock",  # 67 min:, 90 min +3:
        "ticker",  # +++ 18:22 ... +++
        "time-author",  # 7:25 Jane Doe:
        "timecodes",  # [00:12:31]
        "typo",  # 5:1pm
        "updated-at",  # Updated at 14.32 GMT
        "zero-width",  # a zero-width space or stray byte-order mark before a marker
        "correction",  # Correction 4.15pm: a correction posted with its own time
        "german-time",  # 14.32 Uhr:
        "foreign-keyword",  # Actualización 18:22 / Aggiornamento ore 18.22 / 18.22 uur
        "zone-on-some",  # 10:30 p.m. ET above a bare 11:45 p.m.: the same zone
        "relative-day",  # Today 09:15 / Yesterday at 6.05pm, resolved against now
        "markdown",  # **23:40** / - 22:30 / ### 22:00: Markdown decorating the posts' lines
        "html-tags",  # <strong>UPDATE 1548 GMT:</strong> opening the lines of a text file
    }
)


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_corpus_blog_parses_perfectly(case: Case) -> None:
    """The blog's entries, first words, UTC instants and order all match its golden file."""
    result = score(case, parse_case(case))
    assert result.is_perfect, result.explain()


def test_corpus_dates_inferred_without_date_are_right() -> None:
    """Parsed without ``date``, a blog whose date is inferred from its text gets the
    days its golden file's date gives; a blog that gives no evidence keeps None. (Page
    chrome such as "Updated 1:52 a.m. ET, November 6" above a blog that crossed
    midnight, cards of other articles and dates ahead once gave the wrong day.)"""
    import liveblog

    wrong = []
    inferred = 0
    for case in CASES:
        if case.date is None:
            continue
        undated = liveblog.parse(case.text, tz=case.tz, now=case.now)
        if undated.date is None:
            continue
        inferred += 1
        dated = parse_case(case)
        if [e.day for e in undated.source_order] != [e.day for e in dated.source_order]:
            wrong.append(f"{case.name}: {undated.date} for {case.date}")
    assert not wrong, wrong
    assert inferred >= 20


def test_corpus_is_large_enough() -> None:
    """The corpus holds at least 40 live blogs, each with a golden file."""
    assert len(CASES) >= 40
    assert all((CORPUS_DIR / f"{c.name}.json").exists() for c in CASES)


def test_corpus_covers_every_style_twice() -> None:
    """Every required style tag appears in at least two blogs."""
    counts = Counter(tag for case in CASES for tag in set(case.styles))
    thin = sorted(tag for tag in REQUIRED_STYLES if counts[tag] < 2)
    assert not thin, f"styles in fewer than two blogs: {thin}"


def test_corpus_golden_files_are_well_formed() -> None:
    """Every golden uses known style tags, and its markers and first words occur in its text."""
    unknown = sorted({t for c in CASES for t in c.styles} - REQUIRED_STYLES - OPTIONAL_STYLES)
    assert not unknown, f"unknown style tags: {unknown}"
    problems = [c.name for c in CASES if not c.entries]
    for case in CASES:
        flat = " ".join(case.text.split())
        problems.extend(
            f"{case.name}: {e.marker!r} / {e.starts!r}"
            for e in case.entries
            if e.marker not in case.text or " ".join(e.starts.split()) not in flat
        )
    assert not problems, f"golden entries not found in their text: {problems}"


def test_corpus_reads_alike_with_any_line_end() -> None:
    """Every blog gives the same entries (markers, instants, headlines, day headers and
    text) with its lines ended by LF, CRLF or a lone CR: a lone CR once lost the
    headlines under bare times and closing bylines, and a key-events box."""
    import liveblog

    def key(tl: liveblog.Timeline) -> list[tuple[object, ...]]:
        return [
            (" ".join(e.marker.split()), e.published, e.headline, e.day_header, e.body.split())
            for e in tl.entries
        ]

    differ = []
    for case in CASES:
        lf = case.text.replace("\r\n", "\n")
        want = key(liveblog.parse(lf, date=case.date, tz=case.tz, now=case.now))
        for end in ("\r\n", "\r"):
            text = lf.replace("\n", end)
            if key(liveblog.parse(text, date=case.date, tz=case.tz, now=case.now)) != want:
                differ.append(f"{case.name} {end!r}")
    assert not differ, differ

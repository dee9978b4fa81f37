"""Property tests of parse(): round trip, tiling, totality, order and id stability."""

from __future__ import annotations

import contextlib
import datetime as dt
import itertools
import json
import pickle

import attrs
from hypothesis import assume, example, given
from hypothesis import strategies as st

import liveblog
from liveblog.feeds import dumps_json_feed, dumps_json_ld
from liveblog.feeds._common import dumps_json
from liveblog.feeds._markup import plain_text
from liveblog.model import SourceSlice, Span, unchecked_span
from liveblog.parse import _body, _strip_span, body_ranges
from tests.helpers import assert_tiles
from tests.strategies import (
    HEADLINES,
    GenBlog,
    GenEntry,
    HeadedBlog,
    PastedUpdate,
    StyledBlog,
    WeekdayBlog,
    blogs,
    bodies,
    headed_blogs,
    pasted_updates,
    render,
    sentences,
    styled_blogs,
    weekday_blogs,
)


def _norm(text: str) -> str:
    return text.replace("\r\n", "\n")


@given(blogs())
# a post opening with a paragraph of one line, the line of an earlier post at its time,
# repeats it: that earlier post is no item of a "Key events" box
@example(
    GenBlog(
        date=dt.date(2000, 1, 1),
        entries=(
            GenEntry(minutes=0, body="The vote was 2-1 in favour."),
            GenEntry(minutes=0, body="Talks."),
            GenEntry(minutes=0, body="The vote was 2-1 in favour.\n\nTalks."),
            GenEntry(minutes=1, body="Talks."),
        ),
        newest_first=False,
        original=None,
        preamble="",
        crlf=False,
        colon=False,
    )
)
def test_round_trip_gives_back_times_and_bodies(blog: GenBlog) -> None:
    """Parsing a rendered blog gives back its entries, instants and bodies, oldest first;
    an update printed twice (the same time and text) warns at its second copy."""
    tl = liveblog.parse(render(blog), date=blog.date)
    got = [(e.published, _norm(e.body)) for e in tl.entries]
    assert got == blog.expected()
    posts = [(e.minutes, " ".join(e.body.split())) for e in blog.entries]
    assert [w.code for w in tl.warnings] == ["repeated-entry"] * (len(posts) - len(set(posts)))


@given(blogs())
def test_spans_tile_generated_blogs(blog: GenBlog) -> None:
    """Preamble and entry spans cover every non-whitespace character exactly once."""
    text = render(blog)
    assert_tiles(text, liveblog.parse(text, date=blog.date))


@given(st.text())
def test_spans_tile_any_text(text: str) -> None:
    """Tiling holds on arbitrary text in lenient mode."""
    assert_tiles(text, liveblog.parse(text, date=dt.date(2024, 1, 22)))


@given(st.text(), st.booleans())
def test_parse_is_total(text: str, strict: bool) -> None:
    """On any text, parse returns a Timeline or raises a LiveblogError, nothing else."""
    try:
        tl = liveblog.parse(text, strict=strict)
    except liveblog.LiveblogError:
        return
    assert isinstance(tl, liveblog.Timeline)


# lists joined: st.text() leaves out surrogates whatever the alphabet
@given(st.lists(st.characters() | st.sampled_from("\ud800\udfff")).map("".join), st.booleans())
@example("\ud800", False)  # an untimed entry's id hashes its body: UnicodeEncodeError
def test_parse_is_total_with_lone_surrogates(text: str, strict: bool) -> None:
    """Text holding lone surrogates (a str may, as JSON and surrogateescape give) parses:
    a Timeline or a LiveblogError, and the spans still tile it."""
    try:
        tl = liveblog.parse(text, strict=strict)
    except liveblog.LiveblogError:
        return
    if not strict:
        assert_tiles(text, tl)


# blog pieces and characters, lone surrogates among them (a high one before a low one too)
_SURROGATE_TEXTS = st.lists(
    st.characters()
    | st.sampled_from(["\ud800", "\udfff", "\udc80", "\ud83d", "\ude00", "\n\n"])
    | st.sampled_from(["UPDATE 1548 GMT: ", "14:32 ", "Intro ", "Talks on Monday "])
).map("".join)


def _as_json_reads(text: str) -> str:
    """``text`` as JSON reads its escapes back: a high surrogate followed by a low one
    (two characters to Python) is the one character their two escapes are (RFC 8259)."""
    return text.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "surrogatepass")


@given(_SURROGATE_TEXTS)
@example("Intro \udc80\n\nUPDATE 1548 GMT: Talks \ud800 on Monday")
@example("Intro\n\nUPDATE 1548 GMT: a \ud83d\ude00 b")  # a pair, as two characters
@example("\ud800\udc00UPDATE 1548 GMT: ")  # a pair whose dict reads back, one shorter
def test_a_text_with_lone_surrogates_reads_back_from_json(text: str) -> None:
    """Any text, lone surrogates included, parsed: the timeline's JSON (its dict, the
    JSON Feed, JSON-LD) encodes as UTF-8, and reads back with the entries' text as
    parsed (a lone surrogate as its escape); a high surrogate directly followed by a
    low one reads back as the one character they make, and the dict, whose spans count
    the two, then reads back with that character or raises FeedError (a span past the
    text's end), never another exception."""
    try:
        tl = liveblog.parse(text, date=dt.date(2024, 1, 22))
    except liveblog.LiveblogError:
        return
    bodies = [_as_json_reads(plain_text(e.body)) for e in tl.entries]
    newest_first = bodies[::-1]
    data = json.loads(dumps_json(tl.to_dict()).encode("utf-8"))
    assert data["text"] == _as_json_reads(text)
    assert [e["body"] for e in data["entries"]] == [_as_json_reads(e.body) for e in tl.entries]
    if _as_json_reads(text) == text:
        assert liveblog.Timeline.from_dict(data) == tl
    else:
        with contextlib.suppress(liveblog.FeedError):
            back = liveblog.Timeline.from_dict(data)
            assert [e.body for e in back] == [_as_json_reads(e.body) for e in tl.entries]
    feed = json.loads(dumps_json_feed(tl.to_json_feed()).encode("utf-8"))
    assert [item["content_text"] for item in feed["items"]] == newest_first
    doc = json.loads(dumps_json_ld(tl.to_json_ld()).encode("utf-8"))
    assert [u["articleBody"] for u in doc.get("liveBlogUpdate", [])] == newest_first


@given(st.binary())
def test_parse_bytes_is_total(data: bytes) -> None:
    """On any bytes, parse returns a Timeline or raises a LiveblogError."""
    with contextlib.suppress(liveblog.LiveblogError):
        liveblog.parse(data)


@given(blogs(), st.data())
def test_ids_stable_when_updates_added(blog: GenBlog, data: st.DataObject) -> None:
    """Existing entries keep their ids when the blog gains newer updates."""
    before = liveblog.parse(render(blog), date=blog.date)
    last = blog.entries[-1].minutes
    newer = GenEntry(last + data.draw(st.integers(1, 600)), data.draw(bodies()))
    after = liveblog.parse(render(blog, extra_top=(newer,)), date=blog.date)
    assert [e.id for e in after.entries[: len(before)]] == [e.id for e in before.entries]
    assert len({e.id for e in after.entries}) == len(after.entries)


def _body_ranges_by_spans(span: Span, cuts: list[Span]) -> list[Span]:
    """``body_ranges`` as it was written with ``Span`` calls and ``sorted`` always (the
    calls unchecked, as the parser's: a cut past the span's end, which no parse makes,
    gives a range that ends before it starts, as ``body_ranges`` does)."""
    ranges: list[Span] = []
    position = span.start
    for cut in sorted(cuts):
        if cut.start > position:
            ranges.append(unchecked_span(position, min(cut.start, span.end)))
        position = max(position, cut.end)
    if span.end > position:
        ranges.append(unchecked_span(position, span.end))
    return ranges


_OFFSETS = st.integers(0, 60)
_SPANS = st.tuples(_OFFSETS, _OFFSETS).map(lambda p: Span(min(p), max(p)))


@given(_SPANS, st.lists(_SPANS, max_size=4))
def test_body_ranges_as_written_with_span_calls(span: Span, cuts: list[Span]) -> None:
    """``body_ranges`` (tuples made directly, one cut not sorted) gives the ranges and
    the types of the form built with ``Span(...)`` and ``sorted``."""
    fast = body_ranges(span, cuts)
    assert fast == _body_ranges_by_spans(span, cuts)
    assert all(type(r) is Span for r in fast)


def _body_by_pieces(text: str, span: Span, cuts: list[Span]) -> str | SourceSlice:
    """``_body`` as it was written for every span and cuts: each range stripped."""
    pieces = [p for r in body_ranges(span, cuts) if (p := _strip_span(text, *r)).end > p.start]
    if len(pieces) == 1:
        return SourceSlice(text, *pieces[0])
    return "\n".join(text[p.start : p.end] for p in pieces)


@given(
    st.text(" \n\tab\u00a0", max_size=60),
    _SPANS,
    st.tuples(_OFFSETS, _OFFSETS, st.booleans()),
    st.lists(_SPANS, max_size=2),
)
@example(" a  b ", Span(3, 6), (0, 1, True), [])  # the cut ends before the span
@example("a  b  ", Span(0, 6), (0, 1, True), [])  # blanks after the body
@example("a   ", Span(0, 4), (0, 1, True), [])  # nothing but blanks after the cut
@example("a b c ", Span(0, 6), (2, 1, False), [])  # the cut inside the span
@example("a\n\u00a0b", Span(0, 4), (0, 1, True), [])  # other blanks than spaces
@example("a b c ", Span(0, 6), (0, 1, True), [Span(4, 5)])  # a second cut (a day header's)
def test_body_as_written_for_every_range(
    text: str, span: Span, cut: tuple[int, int, bool], more: list[Span]
) -> None:
    """``_body`` (a path of its own for one cut at or before the span's start, a
    marker's) gives the text, and the slice or string, that stripping each range of the
    body gives."""
    text = text.ljust(60, "a")
    at, length, opens = cut
    cut_start = min(at, span.start) if opens else at
    cuts = [Span(cut_start, min(cut_start + length, 60)), *more]
    body, by_pieces = _body(text, span, cuts), _body_by_pieces(text, span, cuts)
    assert type(body) is type(by_pieces)
    assert str(body) == str(by_pieces)
    if isinstance(body, SourceSlice) and isinstance(by_pieces, SourceSlice):
        assert (body.start, body.end) == (by_pieces.start, by_pieces.end)


@given(blogs())
def test_entries_sorted_oldest_first(blog: GenBlog) -> None:
    """Timed entries come out in non-decreasing order of their instants."""
    tl = liveblog.parse(render(blog), date=blog.date)
    times = [e.published for e in tl.entries if e.published is not None]
    assert times == sorted(times)
    assert tl.order == ("newest-first" if blog.newest_first else "oldest-first") or len(tl) < 2


@given(blogs())
def test_dict_round_trip(blog: GenBlog) -> None:
    """to_dict/from_dict give back an equal timeline."""
    tl = liveblog.parse(render(blog), date=blog.date)
    assert liveblog.Timeline.from_dict(tl.to_dict()) == tl


@given(blogs(), st.booleans())
def test_pickle_round_trip(blog: GenBlog, merged: bool) -> None:
    """A pickled timeline (parsed, or merged from references into other texts) gives
    back an equal timeline, entry texts and mention texts included."""
    tl = liveblog.parse(render(blog), date=blog.date, source="a")
    if merged:
        tl = liveblog.merge(tl, liveblog.parse(render(blog) + "\n", date=blog.date, source="b"))
    back = pickle.loads(pickle.dumps(tl))
    assert back == tl
    assert back.text == tl.text
    assert [(e.body, e.marker, [m.text for m in e.mentions]) for e in back] == [
        (e.body, e.marker, [m.text for m in e.mentions]) for e in tl
    ]


@given(styled_blogs())
def test_round_trip_every_dialect_and_zone(blog: StyledBlog) -> None:
    """Every dialect and zone: parsing the rendered blog gives back instants and text."""
    tl = liveblog.parse(blog.render(), date=blog.opening_day, tz=blog.tz)
    assert [e.published for e in tl.entries] == list(blog.instants)
    for entry, headline, body in zip(tl.entries, blog.headlines, blog.bodies, strict=True):
        assert " ".join(entry.body.split()).startswith(headline)
        assert " ".join(entry.body.split()).endswith(body)
    assert tl.order == ("newest-first" if blog.newest_first else "oldest-first")


@given(styled_blogs(), st.integers(1, 600), st.sampled_from(HEADLINES), sentences())
def test_ids_stable_when_updates_added_in_every_dialect(
    blog: StyledBlog, gap: int, headline: str, body: str
) -> None:
    """Every dialect and zone: existing entries keep their ids when the blog gains a
    newer update (at the top when newest first)."""
    before = liveblog.parse(blog.render(), date=blog.opening_day, tz=blog.tz)
    grown = attrs.evolve(
        blog,
        instants=(*blog.instants, blog.instants[-1] + dt.timedelta(minutes=gap)),
        headlines=(*blog.headlines, headline),
        bodies=(*blog.bodies, body),
    )
    after = liveblog.parse(grown.render(), date=blog.opening_day, tz=blog.tz)
    assert len(after) == len(before) + 1
    assert [e.id for e in after.entries[: len(before)]] == [e.id for e in before.entries]
    assert len({e.id for e in after.entries}) == len(after.entries)


@given(
    styled_blogs(),
    st.sampled_from(["\u200b", "\ufeff", "\u2060", "\u00a0\u200b", "\u2067", "\u200f\u2066"]),
)
def test_zero_width_line_starts_change_nothing(blog: StyledBlog, blank: str) -> None:
    """A zero-width space, byte-order mark, directional mark or bidi isolate at every
    line's start (a pasted page) gives the same instants as the clean text, and loses
    no text."""
    text = blog.render().replace("\n", "\n" + blank)
    tl = liveblog.parse(text, date=blog.opening_day, tz=blog.tz)
    assert [e.published for e in tl.entries] == list(blog.instants)
    assert_tiles(text, tl)


@given(styled_blogs(), st.sampled_from(["&nbsp;", "&#160;", "&#xA0;", "&NonBreakingSpace;"]))
def test_blanks_written_as_entities_change_no_marker(blog: StyledBlog, entity: str) -> None:
    """Every space of a blog written out as an HTML entity (a copy of a page's source)
    gives the same instants as the clean text; each marker is the clean one as written
    there, and no text is lost."""
    clean = blog.render()
    text = clean.replace(" ", entity)
    tl = liveblog.parse(text, date=blog.opening_day, tz=blog.tz)
    assert [e.published for e in tl.entries] == list(blog.instants)
    read = liveblog.parse(clean, date=blog.opening_day, tz=blog.tz)
    assert [e.marker.replace(entity, " ") for e in tl.entries] == [e.marker for e in read]
    assert [w.code for w in tl.warnings] == ["html-entities", *(w.code for w in read.warnings)]
    assert_tiles(text, tl)


@given(headed_blogs(), st.booleans())
def test_round_trip_days_under_day_headers(blog: HeadedBlog, dated: bool) -> None:
    """Several days of posts under day headers, with or without a year, in any order,
    across a new year or a DST change: each post gets its day and instant back, with
    or without date= (when a header writes its year), and no warning."""
    date = blog.days[0] if dated else None
    tl = liveblog.parse(blog.render(), date=date, tz="Europe/London")
    assert tl.order == ("newest-first" if blog.newest_first else "oldest-first")
    if not dated and not any(blog.years):
        assert [w.code for w in tl.warnings] == ["no-date"]  # nothing gives the year
        return
    assert [e.published for e in tl.entries] == list(blog.instants)
    assert [e.day for e in tl.entries] == blog.days
    assert tl.warnings == ()


@given(headed_blogs())
def test_day_headers_are_kept_as_written(blog: HeadedBlog) -> None:
    """Every day header, ``(Day Three)`` and all, is the ``day_header`` of the post right
    under it (whose span holds it) and of no other post, and never in a body or
    headline: a feed keeps the header's words."""
    tl = liveblog.parse(blog.render(), tz="Europe/London")
    headed = [e for e in tl.source_order if e.day_header is not None]
    headers = blog.headers()
    assert [e.day_header for e in headed] == (headers[::-1] if blog.newest_first else headers)
    for entry in headed:
        assert tl.text is not None
        assert tl.text[entry.span.start :].startswith(entry.day_header or "")
    for entry in tl.entries:
        assert not any(h in entry.body or h in (entry.headline or "") for h in headers)


@given(
    st.sets(st.integers(6 * 60, 23 * 60 + 59), min_size=4, max_size=8),
    st.data(),
    st.booleans(),
    st.sampled_from(["", " BST"]),
)
def test_a_key_events_box_in_the_posts_format_is_chrome(
    minutes: set[int], data: st.DataObject, buttons: bool, zone: str
) -> None:
    """A "Key events" box above a newest-first page's posts, listing some of them in
    their own format (the time and the headline, no text), with or without the box's
    buttons under it, changes no entry and warns of nothing: it is in the preamble."""
    times = sorted(minutes, reverse=True)
    posts = [
        (f"{m // 60:02d}.{m % 60:02d}{zone}", f"Headline {n}", f"The text of post {n}.")
        for n, m in enumerate(times)
    ]
    page = "\n\n".join(f"{c}\n{h}\n{b}" for c, h, b in posts)
    listed = data.draw(st.lists(st.sampled_from(posts), min_size=1, unique=True))
    listed.sort(key=posts.index)
    box = "\n\n".join(f"{c}\n{h}" for c, h, _ in listed)
    if buttons:
        box += "\n\nShow key events only"
    plain = liveblog.parse(f"Budget live\n\n{page}", date=dt.date(2024, 7, 29), tz="Europe/London")
    text = f"Budget live\n\nKey events\n\n{box}\n\n{page}"
    boxed = liveblog.parse(text, date=dt.date(2024, 7, 29), tz="Europe/London")
    assert [(e.published, e.body) for e in boxed] == [(e.published, e.body) for e in plain]
    assert boxed.preamble.text.endswith(box)
    assert boxed.warnings == plain.warnings == ()


# how pages state each zone of pasted_updates()
STATEMENTS = {
    "Asia/Tokyo": "All times JST",
    "Asia/Kolkata": "All times are India time (GMT+5:30)",
    "Europe/Moscow": "All times are Moscow time",
    "America/Bogota": "All times are local (GMT-5)",
}


@given(pasted_updates(), st.booleans())
def test_an_update_pasted_among_bare_times_is_its_own_post(
    blog: PastedUpdate, stated: bool
) -> None:
    """One ``UPDATE hhmm GMT:`` (or ``UPDATE hhmm:``) paragraph pasted among the bare
    times of a page in another zone, at an instant that continues the page's order,
    is a post of its own with that instant, wherever it stands (top, bottom or between
    two posts, maybe on the line right under a post's text, maybe the first post under
    the page's day header, which gives the day on the page's wall clock), whether the
    page's zone comes from ``tz`` or from its statement; the other posts keep their text
    and instants."""
    text = blog.render()
    if stated:
        statement = STATEMENTS[blog.tz]
        text = text.replace("Live: the latest", f"Live: the latest\n\n{statement}")
        tl = liveblog.parse(text, date=blog.opening_day)
    else:
        tl = liveblog.parse(text, date=blog.opening_day, tz=blog.tz)
    got = sorted((e.published, e.body) for e in tl.entries if e.published is not None)
    posts = [(p, f"Post {n} headline\nThe text of post {n}.") for n, p in enumerate(blog.posts)]
    assert got == sorted([*posts, (blog.update, "The update's own text.")])
    assert tl.order == ("newest-first" if blog.newest_first else "oldest-first")
    assert [w.code for w in tl.warnings] == []


@given(weekday_blogs(), st.integers(0, 3))
def test_round_trip_weekday_markers(blog: WeekdayBlog, late: int) -> None:
    """Posts marked ``Saturday 4.15pm:`` over several days, day-only ``Saturday:`` posts
    among them, in either order: each gets its instant back, also when date= is up to
    three days after the opening day (the day a page was published, say): the written
    weekdays win."""
    opening = blog.locals[0].date()
    tl = liveblog.parse(blog.render(), date=opening + dt.timedelta(days=late), tz="Europe/London")
    assert [e.published for e in tl.entries if e.published is not None] == [
        local.astimezone(dt.UTC) for local in blog.locals
    ]
    assert len(tl) == len(blog.locals) + (
        len({t.date() for t in blog.locals}) if blog.day_only else 0
    )
    codes = {w.code for w in tl.warnings}
    assert codes <= ({"date-contradiction"} if late else set())


_FALL_BACK_DAY = dt.date(2024, 10, 27)  # Europe/London repeats 01:00-02:00


@given(
    st.lists(
        st.tuples(st.integers(0, 239), st.sampled_from(["", " GMT", " BST"])),
        min_size=3,
        max_size=9,
    ),
    st.booleans(),
)
@example([(61, ""), (60, ""), (61, "")], False)
@example([(60, ""), (0, ""), (120, ""), (60, ""), (0, ""), (61, "")], False)
@example([(60, ""), (1, " GMT"), (60, ""), (1, " GMT")], False)  # GMT after the second pass
def test_a_page_reads_alike_whether_its_day_is_given_or_found_from_now(
    clocks: list[tuple[int, str]], newest_first: bool
) -> None:
    """Clocks between midnight and 04:00 on the night London's clocks go back, some in
    the repeated hour, some stepping back, in the page's zone, GMT or BST: read with
    ``date=`` (the day known before any step) and with ``now=`` later that morning (the
    day known only after the steps), the instants and warnings are the same."""
    posts = [f"{m // 60:02d}:{m % 60:02d}{zone}: Post {k}." for k, (m, zone) in enumerate(clocks)]
    text = "Storm live\n\n" + "\n\n".join(posts[::-1] if newest_first else posts)
    now = dt.datetime(2024, 10, 27, 5, 0, tzinfo=dt.UTC)
    dated = liveblog.parse(text, date=_FALL_BACK_DAY, tz="Europe/London")
    found = liveblog.parse(text, now=now, tz="Europe/London")
    if found.date != _FALL_BACK_DAY or dated.order != found.order:
        return  # a page too short or too shuffled to say its order or day alike
    assert [e.published for e in found] == [e.published for e in dated]
    assert [(w.code, w.line) for w in found.warnings] == [(w.code, w.line) for w in dated.warnings]


_NEW_YORK_FALL_BACK = dt.date(2024, 11, 3)  # 01:00-02:00 comes twice: EDT, then EST


@st.composite
def _named_clocks(draw: st.DrawFn) -> list[tuple[int, str]]:
    """Clocks between midnight and 04:00 on New York's fall-back night, each with the
    abbreviation in force: EDT before 01:00, EST from 02:00, either in between."""
    minutes = draw(st.lists(st.integers(0, 239), min_size=4, max_size=9))
    return [
        (m, "EDT" if m < 60 else "EST" if m >= 120 else draw(st.sampled_from(["EDT", "EST"])))
        for m in minutes
    ]


@given(_named_clocks())
def test_a_named_pass_fixes_the_instant_and_the_order(clocks: list[tuple[int, str]]) -> None:
    """Every clock written with EDT or EST on the night the clocks go back is the
    instant the abbreviation names, and an entry is out of order exactly when it is
    earlier than one before it."""
    posts = [
        f"UPDATE {m // 60:02d}:{m % 60:02d} {abbr}: Post {k}." for k, (m, abbr) in enumerate(clocks)
    ]
    text = "Election night\n\n" + "\n\n".join(reversed(posts))
    tl = liveblog.parse(text, date=_NEW_YORK_FALL_BACK, tz="America/New_York")
    if tl.order != "newest-first":
        return  # too shuffled to say its order
    offset = {"EDT": 4, "EST": 5}
    instants = [
        dt.datetime.combine(_NEW_YORK_FALL_BACK, dt.time(m // 60, m % 60), dt.UTC)
        + dt.timedelta(hours=offset[abbr])
        for m, abbr in clocks
    ]
    assert [e.published for e in tl] == instants
    late = [k for k in range(1, len(instants)) if instants[k] < max(instants[:k])]
    warned = sorted(w.line for w in tl.warnings if w.code == "out-of-order")
    lines = sorted(text.count("\n", 0, text.index(f"Post {k}.")) + 1 for k in late)
    assert warned == lines


# a dialect of one's own reading a clock at a line's start, as several built-in ones do
_MINE = liveblog.PatternDialect("mine", r"(?m)^(?P<hour>[0-2]?\d)[:.](?P<minute>\d\d)\b")


@given(styled_blogs(), st.integers(0, len(liveblog.DEFAULT_DIALECTS)))
def test_a_user_dialect_reads_alike_wherever_it_stands(blog: StyledBlog, at: int) -> None:
    """A dialect of one's own goes before the built-in ones on equal evidence and where
    both read the same place, wherever it stands among them: the same page gives the
    same entries with it first, last or anywhere between."""
    text = blog.render()
    dialects = list(liveblog.DEFAULT_DIALECTS)
    dialects.insert(at, _MINE)
    first = liveblog.parse(
        text,
        date=blog.opening_day,
        tz=blog.tz,
        dialects=[_MINE, *dialects[:at], *dialects[at + 1 :]],
    )
    tl = liveblog.parse(text, date=blog.opening_day, tz=blog.tz, dialects=dialects)
    assert tl.dialect == first.dialect
    assert [(e.marker, e.span, e.author, e.published) for e in tl] == [
        (e.marker, e.span, e.author, e.published) for e in first
    ]


_BYLINE = liveblog.PatternDialect(
    "byline", r"(?P<hour>\d\d):(?P<minute>\d\d) \s by \s (?P<author>[A-Z]\w+) :"
)


@st.composite
def _bylined_pages(draw: st.DrawFn) -> tuple[list[str], int, str]:
    """A page of six posts or more opening ``HH:MM by Name:`` (their lines, oldest or
    newest first), a post and a time: a line ``HH:MM: text`` inside one of that post's
    paragraphs. (On a page of five posts or fewer, one marker more is a fifth of the
    posts, no longer few: the evidence decides.)"""
    steps = draw(st.lists(st.integers(1, 60), min_size=6, max_size=14))
    minutes = list(itertools.accumulate(steps, initial=6 * 60))[1:]
    names = st.sampled_from(["Jane", "Omar", "Li", "Ana"])
    posts = [
        f"{m // 60:02d}:{m % 60:02d} by {draw(names)}: {draw(sentences())}\n{draw(sentences())}"
        for m in minutes
    ]
    if draw(st.booleans()):
        posts.reverse()
    stray = draw(st.integers(0, 23 * 60 + 59))
    return posts, draw(st.integers(0, len(posts) - 1)), f"{stray // 60:02d}:{stray % 60:02d}"


@given(_bylined_pages(), st.sampled_from([0, len(liveblog.DEFAULT_DIALECTS)]))
def test_a_stray_time_inside_a_paragraph_changes_no_choice(
    page: tuple[list[str], int, str], at: int
) -> None:
    """A built-in dialect's marker inside a paragraph of a post (a line ``14:00: the
    minister said`` that ``clock-inline`` reads) changes neither which dialect is
    chosen, when a dialect of one's own reads every post, nor the entries."""
    posts, k, clock = page
    dialects = list(liveblog.DEFAULT_DIALECTS)
    dialects.insert(at, _BYLINE)
    first, rest = posts[k].split("\n", 1)
    strayed = [*posts[:k], f"{first}\n{clock}: the minister said.\n{rest}", *posts[k + 1 :]]
    tl, stray = (
        liveblog.parse("\n\n".join(ps), date=dt.date(2024, 1, 22), tz="UTC", dialects=dialects)
        for ps in (posts, strayed)
    )
    assert stray.dialect.names == tl.dialect.names == ("byline",)
    assert [(e.marker, e.author, e.published) for e in stray] == [
        (e.marker, e.author, e.published) for e in tl
    ]


# a story's heads: a dateline with an agency or without, or a headline and a byline
_STORY_HEADS = (
    "Talks resume in Ankara\nBy Lena Mirova and Tomas Kerr\n\nANKARA, March 14 (Reuters) - ",
    "Rio de Janeiro (AFP) - ",
    "KYIV, Ukraine — ",
    "Talks resume in Ankara\nBy Lena Mirova\n\nLONDON -- ",
    "Talks resume in Ankara\nBy Ana de Souza, Reuters\n\n",
    "ORIGINAL STORY\n",
    # a place in title case, no-break spaces, a hyphen, Markdown's emphasis
    "Kyiv — ",
    "São Paulo, Brazil — ",
    "LONDON\u00a0— ",
    "SPRINGFIELD, Ill. - ",
    "**PARIS —** ",
    "**Talks resume in Ankara**\n*By Lena Mirova*\nReuters\n\n",
    # an agency's dateline without a place, blanks a copy lost shown as "?"
    "(Reuters) - ",
    "(Bloomberg) -- ",
    "ANKARA, March 14 (Reuters)?-?",
    "LONDON?— ",
    # the page's title repeated (the page then has it, with a live label, as its title)
    "Grain talks resume in Ankara\n\n",
)
_STORY_TITLE = "Grain talks resume in Ankara"
_STORY_LEDE = (
    "Negotiators met on Thursday for a fresh round of talks on shipping grain across the "
    "Black Sea, with officials from both sides acting as go-betweens at the table."
)


@given(blogs(), st.sampled_from(_STORY_HEADS), st.integers(1, 3))
def test_a_story_below_the_oldest_update_is_the_first_entry(
    blog: GenBlog, head: str, more: int
) -> None:
    """A story below a newest-first blog's oldest update, told by its dateline, its
    headline and byline, its headline repeating the page's title, or ORIGINAL STORY in
    capitals, is the first entry, untimed and whole; the updates keep their times and
    bodies, and the entries tile the text."""
    *newer, oldest = blog.entries[::-1]
    # (a short line ending no sentence at the post's end would be taken as the story's
    # head, a headline above it)
    assume(newer and blog.original is None and oldest.body.rstrip().endswith(tuple('.!?:;"')))
    story = head + "\n\n".join([_STORY_LEDE] * (more + 1))
    assume(len(story) > len(oldest.body) + 30)
    glued = attrs.evolve(oldest, body=f"{oldest.body}\n\n{story}")
    shown = attrs.evolve(blog, entries=(glued, *blog.entries[1:]), newest_first=True)
    if head.startswith(_STORY_TITLE):
        shown = attrs.evolve(shown, preamble=f"{_STORY_TITLE} – live")
    text = render(shown)
    tl = liveblog.parse(text, date=blog.date)
    label = "ORIGINAL STORY" if head.startswith("ORIGINAL") else ""
    first, *rest = tl.entries
    assert (first.marker, first.published) == (label, None)
    assert _norm(first.body) == story.removeprefix(label).strip()
    assert [(e.published, _norm(e.body)) for e in rest] == blog.expected()
    assert_tiles(text, tl)


# posts of two dialects mixed on a page: each writes a post's time and text its way
_POST_STYLES = {
    "clock-line": lambda clock, text: f"{clock}\n{text}\n{text}",
    "clock-inline": lambda clock, text: f"{clock}: {text}",
    "update": lambda clock, text: f"UPDATE {clock.replace(':', '')} GMT: {text}",
    "clock-space": lambda clock, text: f"{clock} {text}",
    "byline": lambda clock, text: f"{clock} by Jane: {text}",
}


def _mixed_page(styles: list[str], steps: list[int], texts: list[str], newest_first: bool) -> str:
    """Posts in ``styles``, their times ``steps`` minutes apart from 08:00 on."""
    minutes = itertools.accumulate(steps, initial=8 * 60)
    next(minutes)
    posts = [
        _POST_STYLES[style](f"{m // 60:02d}:{m % 60:02d}", text)
        for style, m, text in zip(styles, minutes, texts, strict=False)
    ]
    return "\n\n".join(reversed(posts) if newest_first else posts)


@given(st.data())
def test_more_posts_of_the_chosen_dialect_keep_it_chosen(data: st.DataObject) -> None:
    """The choice is monotone: on a page of posts of two dialects (one of them the
    caller's own) in any proportion, one more post of the chosen dialect, anywhere in
    the page's order, never makes the other one chosen."""
    pair = data.draw(
        st.lists(st.sampled_from(sorted(_POST_STYLES)), min_size=2, max_size=2, unique=True)
    )
    n = data.draw(st.integers(2, 14))
    styles = data.draw(st.lists(st.sampled_from(pair), min_size=n, max_size=n))
    steps = data.draw(st.lists(st.integers(1, 50), min_size=n + 1, max_size=n + 1))
    texts = data.draw(st.lists(sentences(), min_size=n + 1, max_size=n + 1))
    newest_first = data.draw(st.booleans())
    dialects = [_BYLINE, *liveblog.DEFAULT_DIALECTS]

    def chosen(styles: list[str]) -> str | None:
        text = _mixed_page(styles, steps, texts, newest_first)
        names = liveblog.parse(
            text, date=dt.date(2024, 1, 22), tz="UTC", dialects=dialects
        ).dialect.names
        return names[0] if names else None

    first = chosen(styles)
    assume(first in pair)
    assert first is not None
    at = data.draw(st.integers(0, n))
    assert chosen([*styles[:at], first, *styles[at:]]) == first


_BYLINE_COLON = liveblog.PatternDialect(
    "byline-colon", r"(?P<hour>\d\d):(?P<minute>\d\d) \s by \s (?P<author>[A-Z]\w+) : \s"
)
_STAMP_BY = liveblog.PatternDialect("stamp-by", r"(?P<hour>\d\d):(?P<minute>\d\d) \s by")


@given(st.data())
def test_the_order_of_ones_own_dialects_changes_no_entry(data: st.DataObject) -> None:
    """Dialects of one's own that read the same lines (``09:45 by Jane:``, the whole
    line's head or its first words) give the same entries in either order, wherever
    they stand among the built-in ones, on pages mixing them with built-in posts."""
    n = data.draw(st.integers(2, 14))
    styles = data.draw(st.lists(st.sampled_from(sorted(_POST_STYLES)), min_size=n, max_size=n))
    steps = data.draw(st.lists(st.integers(-30, 50), min_size=n, max_size=n))
    texts = data.draw(st.lists(sentences(), min_size=n, max_size=n))
    text = _mixed_page(styles, steps, texts, data.draw(st.booleans()))
    mine = data.draw(st.permutations([_BYLINE, _BYLINE_COLON, _STAMP_BY]))[
        : data.draw(st.integers(2, 3))
    ]
    at = data.draw(st.integers(0, len(liveblog.DEFAULT_DIALECTS)))
    read = []
    for ours in (mine, mine[::-1]):
        dialects = list(liveblog.DEFAULT_DIALECTS)
        dialects[at:at] = ours
        tl = liveblog.parse(text, date=dt.date(2024, 1, 22), tz="UTC", dialects=dialects)
        read.append([(e.span, e.marker, e.author, e.published) for e in tl])
    assert read[0] == read[1]

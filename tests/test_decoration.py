"""Markers read across Markdown and inline-HTML decoration at line starts
(liveblog.markers.decoration)."""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter

import pytest
from hypothesis import given
from hypothesis import strategies as st

import liveblog
from liveblog import Timeline
from liveblog.markers.builtin import CLOCK_SPACE, DEFAULT_DIALECTS
from liveblog.markers.decoration import line_tag, plain_line, undecorate
from tests.helpers import assert_keeps_words, assert_tiles
from tests.strategies import (
    GenBlog,
    HeadedBlog,
    StyledBlog,
    blogs,
    headed_blogs,
    render,
    styled_blogs,
)

DAY = dt.date(2024, 1, 22)

STORM = (
    "# Storm live\n\n"
    "**23:40** Flood warning issued for the coast\n\n"
    "__23:10__ Winds reach 80mph on the headland\n\n"
    "*22:45* Storm makes landfall near the port\n\n"
    "- 22:30 Evacuation ordered in low-lying streets\n\n"
    "> 22:15 Police say the coast road is closed\n\n"
    "### 22:00 Storm upgraded to red warning\n"
)


def _entries(tl: Timeline) -> list[tuple[str, str, str | None]]:
    return [(e.marker, e.body, e.published.strftime("%H:%M") if e.published else None) for e in tl]


def test_each_decoration_opens_its_post() -> None:
    """Bold, underlined and emphasised times, a list item, a block quote and a heading
    each open a post: the marker is the time as written inside the decoration, the body
    the text after it, and the span (which holds the decoration) slices the source."""
    tl = liveblog.parse(STORM, date=DAY)
    assert _entries(tl) == [
        ("22:00", "Storm upgraded to red warning", "22:00"),
        ("22:15", "Police say the coast road is closed", "22:15"),
        ("22:30", "Evacuation ordered in low-lying streets", "22:30"),
        ("22:45", "Storm makes landfall near the port", "22:45"),
        ("23:10", "Winds reach 80mph on the headland", "23:10"),
        ("23:40", "Flood warning issued for the coast", "23:40"),
    ]
    assert tl.preamble.text == "# Storm live"
    assert [STORM[slice(*e.span)].split(" ", 1)[0] for e in tl] == [
        "###",
        ">",
        "-",
        "*22:45*",
        "__23:10__",
        "**23:40**",
    ]
    for entry in tl:
        assert entry.marker_span is not None
        assert STORM[slice(*entry.marker_span)] == entry.marker
    assert_tiles(STORM, tl)
    plain = undecorate(STORM)
    assert plain is not None
    assert_keeps_words(plain.text, tl)  # the decoration is in the spans, not the words


@pytest.mark.parametrize(
    ("lines", "markers", "bodies"),
    [
        (
            ["**UPDATE 1548 GMT:** Talks resume.", "**UPDATE 1530 GMT:** Talks stall."],
            ["UPDATE 1530 GMT", "UPDATE 1548 GMT"],
            ["Talks stall.", "Talks resume."],
        ),
        (
            ["**9:45am:** Polls open.", "**10:15am:** Queues form.", "**11:00am:** Rain."],
            ["9:45am", "10:15am", "11:00am"],
            ["Polls open.", "Queues form.", "Rain."],
        ),
        (
            ["* 14:32 Talks resume", "* 14:50 Talks stall", "* 15:05 Talks end"],
            ["14:32", "14:50", "15:05"],
            ["Talks resume", "Talks stall", "Talks end"],
        ),
        (
            ["+ 14:32 Talks resume", "• 14:50 Talks stall", "1. 15:05 Talks end"],
            ["14:32", "14:50", "15:05"],
            ["Talks resume", "Talks stall", "Talks end"],
        ),
        (
            [
                "\u2013 14:32 Talks resume",
                "\u2014 14:50 Talks stall.",
                "\u2013 **15:05** Talks end",
            ],
            ["14:32", "14:50", "15:05"],
            ["Talks resume", "Talks stall.", "Talks end"],
        ),
        (
            ["- **14:32** Talks resume", "- **14:50** Talks stall", "- **15:05** Talks end"],
            ["14:32", "14:50", "15:05"],
            ["Talks resume", "Talks stall", "Talks end"],
        ),
        (
            ["**14:32**\nTalks resume\nText.", "**14:50**\nTalks stall\nText."],
            ["14:32", "14:50"],
            ["Talks resume\nText.", "Talks stall\nText."],
        ),
    ],
)
def test_dialects_read_through_decoration(
    lines: list[str], markers: list[str], bodies: list[str]
) -> None:
    """Update keywords, 12-hour clocks, bullets of every kind, a numbered list of
    times, a bold time in a list item and bold times alone on their lines."""
    text = "Live\n\n" + "\n\n".join(lines) + "\n"
    tl = liveblog.parse(text, date=DAY)
    assert [e.marker for e in tl] == markers
    assert [e.body for e in tl] == bodies
    assert_tiles(text, tl)


def test_bold_day_header_and_headline_read_clean() -> None:
    """A bold day header sets the day and is the entry's ``day_header`` without its
    asterisks; a bold headline under a bold time is the headline without them, and
    stays in the body as written."""
    text = (
        "Live\n\n**Monday 22 January 2024**\n\n**9:45am**\n**Polls open**\nQueues.\n\n"
        "**10:15am**\n## Rain\nUmbrellas.\n"
    )
    tl = liveblog.parse(text)
    assert [e.published for e in tl] == [
        dt.datetime(2024, 1, 22, 9, 45, tzinfo=dt.UTC),
        dt.datetime(2024, 1, 22, 10, 15, tzinfo=dt.UTC),
    ]
    assert [(e.day_header, e.headline, e.body) for e in tl] == [
        ("Monday 22 January 2024", "Polls open", "**Polls open**\nQueues."),
        (None, "Rain", "## Rain\nUmbrellas."),
    ]


def test_inline_tags_in_a_text_file() -> None:
    """``<strong>23:40</strong>`` opening each line of a text file: the markers are read
    across the tags, which stay in the entries' spans, with an ``html-markup`` warning
    at the first tag (parse_html reads the line breaks as blanks: one paragraph)."""
    text = (
        "Storm live\n\n<strong>23:40</strong> Flood warning issued\n\n"
        "<strong>23:10</strong> Winds reach 80mph\n\n<strong>22:45</strong> Storm lands\n"
    )
    tl = liveblog.parse(text, date=DAY)
    assert [(e.marker, e.body) for e in tl] == [
        ("22:45", "Storm lands"),
        ("23:10", "Winds reach 80mph"),
        ("23:40", "Flood warning issued"),
    ]
    assert [w.code for w in tl.warnings] == ["html-markup", "no-zone"]
    assert text[slice(*tl.warnings[0].span)] == "<strong>"
    assert_tiles(text, tl)
    html = liveblog.parse_html(text)
    assert len(html.entries) == 1


def test_paragraph_tags_keep_their_closing_tag_in_the_body() -> None:
    """``<p><b>14:32 GMT</b> text</p>``: the opening tags and ``</b>`` are cut with the
    marker; the ``</p>`` ending the line stays in the body (text is never lost)."""
    text = "<p><b>14:32 GMT</b> Talks resume.</p>\n<p><b>14:10 GMT</b> Talks stall.</p>\n"
    tl = liveblog.parse(text, date=DAY)
    assert [(e.marker, e.body) for e in tl] == [
        ("14:10 GMT", "Talks stall.</p>"),
        ("14:32 GMT", "Talks resume.</p>"),
    ]
    assert [w.code for w in tl.warnings] == ["html-markup"]


@pytest.mark.parametrize(
    "text",
    [
        "Programme\n\n- 9:00 doors open\n- 9:30 welcome talk\n- 10:00 first panel\n",
        "Programme\n\n1. 9:00 doors open\n2. 9:30 welcome talk\n3. 10:00 first panel\n",
        "The **big** news today.\n\n**Note** that the **vote** is close.\n",
        "Plan\n\n* Talks resume on Monday\n* **Budget** follows\n",
    ],
)
def test_articles_read_as_their_undecorated_text(text: str) -> None:
    """A schedule as a list, and bold words, give what the text without the decoration
    gives: one entry, no markers."""
    plain = undecorate(text)
    assert plain is not None
    tl = liveblog.parse(text, date=DAY)
    bare = liveblog.parse(plain.text, date=DAY)
    assert [(e.marker, e.published) for e in tl] == [(e.marker, e.published) for e in bare]
    assert len(tl.entries) == 1
    assert [w.code for w in tl.warnings] == ["no-markers"]


@pytest.mark.parametrize(
    "text",
    [
        "Storm live\n\n\u2013 22:30 Evacuation ordered\n\u2013 22:15 Police say\n"
        "\u2013 22:05 Rain\n",
        "\u2014 14:32 Trees down.\n\n\u2014 14:05 Wind rises.\n\n\u2014 13:50 Gusts.\n",
    ],
)
def test_dash_bullets_before_a_clock(text: str) -> None:
    """En and em dashes as list bullets (html2text, pandoc), after a blank line, the
    text's start or another dash item, open posts as ``- 22:30`` does."""
    plain = undecorate(text)
    assert plain is not None
    assert "\u2013" not in plain.text
    assert "\u2014" not in plain.text
    tl = liveblog.parse(text, date=DAY)
    assert len(tl.entries) == 3
    assert all(e.marker[:1].isdigit() and not e.body.startswith(("\u2013", "\u2014")) for e in tl)
    assert_tiles(text, tl)


def test_sentence_dashes_are_no_bullets() -> None:
    """A dash opening a line is a bullet only before a clock and at a list item's place:
    not a sentence's dash wrapped onto the line, not a tweet's signature."""
    assert undecorate("The storm hit hard and then\n\u2014 14:32 by the clock.\n") is None
    assert undecorate("\u2014 Met Office (@metoffice) 22 January 2024\n") is None
    assert undecorate("\u2014 Met Office (@metoffice) January 22, 2024 at 14:05\n") is None
    assert undecorate("\u2014 3 people were rescued at 14:05\n") is None
    assert undecorate("\u2014 Jan Smith 14:05\n") is None
    assert undecorate("\u2013 Update: more soon\n") is None
    assert plain_line("\u2014 Met Office") == "\u2014 Met Office"


@pytest.mark.parametrize(
    ("text", "markers"),
    [
        (
            "Storm live\n\n\u2013 UPDATE 14:32 Roads shut.\n\n\u2013 UPDATE 13:10 Gusts.\n\n"
            "\u2013 UPDATE 12:05 Warning.\n",
            ["UPDATE 12:05", "UPDATE 13:10", "UPDATE 14:32"],
        ),
        (
            "Storm live\n\n\u2014 **Update, 1548 GMT:** Roads shut.\n\n"
            "\u2014 **Update, 1420 GMT:** Gusts.\n",
            ["Update, 1420 GMT", "Update, 1548 GMT"],
        ),
        (
            "Storm live\n\n\u2013 22 Jan 2024, 14:32\nRoads shut.\n\n"
            "\u2013 22 Jan 2024, 13:10\nGusts.\n\n\u2013 22 Jan 2024, 12:05\nWarning.\n",
            ["22 Jan 2024, 12:05", "22 Jan 2024, 13:10", "22 Jan 2024, 14:32"],
        ),
        (
            "Storm live\n\n\u2014 Jan 22, 2024 2:32 PM\nRoads shut.\n\n"
            "\u2014 Jan 22, 2024 1:10 PM\nGusts.\n",
            ["Jan 22, 2024 1:10 PM", "Jan 22, 2024 2:32 PM"],
        ),
        # (regression, found by hypothesis: underscores closing the emphasis glued to
        # the keyword's clock are word characters, and the dash was no bullet there)
        (
            "Storm live\n\n\u2013 __Update, 14:32__ Roads shut.\n\n"
            "\u2013 __Update, 13:10__ Gusts.\n\n\u2013 _UPDATE 1205 GMT_ Warning.\n",
            ["UPDATE 1205 GMT", "Update, 13:10", "Update, 14:32"],
        ),
    ],
)
def test_dash_bullets_before_a_keyword_or_date(text: str, markers: list[str]) -> None:
    """A dash bullet before an update keyword with a time, or a date before a time
    (pandoc's list items), is decoration as before a clock."""
    tl = liveblog.parse(text, date=DAY)
    assert [e.marker for e in tl] == markers
    assert all(e.body[:1] not in "\u2013\u2014*" for e in tl)
    assert_tiles(text, tl)


@pytest.mark.parametrize(
    ("opened", "closed"),
    [
        ("**{}**", "**{}**"),
        ("**{}**", "*{}*"),
        ("__{}__", "_{}_"),
        ("**{}**", "***{}***"),
        ("<strong>{}</strong>", "<strong>{}</strong>"),
        ("<b>{}</b>", "<em>{}</em>"),
        ("- **{}**", "**{}**"),
        ("<p><strong>{}</strong>", "<strong>{}</strong>"),
    ],
)
def test_a_bold_lead_in_after_a_decorated_marker(opened: str, closed: str) -> None:
    """``**23:45** **Breaking:** text``: the lead-in's emphasis or tags after the
    decorated time do not stop the marker (a capital must follow a bare clock); the
    body keeps the lead-in as written."""
    posts = [("23:40", "Breaking:", "bridge shut"), ("23:45", "Police", "say more"),
             ("23:50", "Rain", "eases")]  # fmt: skip
    end = "</p>" if opened.startswith("<p>") else ""
    bodies = [f"{closed.format(w)} {rest}{end}" for _, w, rest in posts]
    lines = [f"{opened.format(t)} {body}" for (t, _, _), body in zip(posts, bodies, strict=True)]
    text = "Live\n\n" + "\n\n".join(lines) + "\n"
    tl = liveblog.parse(text, date=DAY)
    assert [e.marker for e in tl] == ["23:40", "23:45", "23:50"]
    assert [e.body for e in tl] == bodies
    assert [e.published.strftime("%H:%M") for e in tl if e.published] == ["23:40", "23:45", "23:50"]
    for entry in tl:
        assert entry.marker_span is not None
        assert text[slice(*entry.marker_span)] == entry.marker
    assert_tiles(text, tl)


@pytest.mark.parametrize(
    ("line", "copy"),
    [
        # after words, not a stamp: a bold sentence stays as written
        ("**Note:** **this** matters", "Note: **this** matters"),
        ("**Polls open** *now*", "Polls open *now*"),
        # not closed on the line, closed at once, no blank after the stamp, not at once
        ("**23:45** *not closed\nyet*", "23:45 *not closed\nyet*"),
        ("**23:45** **** x", "23:45 **** x"),
        ("**23:45****Br** x", "23:45**Br** x"),
        ("**23:45** says **police**", "23:45 says **police**"),
        # an undecorated clock: no opening run, no second one
        ("23:45 **Breaking:** x", None),
        # a closing </p> at the line's end is not the stamp's: the run after it is read
        ("<p><b>23:45</b> <em>Big</em> news</p>", "23:45 Big news"),
    ],
)
def test_a_second_run_only_right_after_a_decorated_stamp(line: str, copy: str | None) -> None:
    """The second run of emphasis or tags is decoration only right after a stamp's
    closers (a figure inside them), opened after a blank and closed later on its line."""
    plain = undecorate("Live\n" + line)
    assert (plain.text[5:] if plain is not None else None) == copy


@given(
    st.lists(st.integers(0, 1439), min_size=3, max_size=6, unique=True),
    st.data(),
)
def test_lead_ins_after_decorated_clocks_read_as_undecorated(
    minutes: list[int], data: st.DataObject
) -> None:
    """A blog of clocks before a capital (``23:45 Police say``), its clocks and the
    words after them decorated with any emphasis or tag: the same markers, instants
    and authors (``23:45 Breaking: text`` names one) as the undecorated blog, each body
    the undecorated one with its lead-in as written, and no text lost."""
    marker_wraps = [("**", "**"), ("__", "__"), ("*", "*"), ("<strong>", "</strong>"),
                    ("- **", "**"), ("> <b>", "</b>")]  # fmt: skip
    lead_wraps = [("**", "**"), ("*", "*"), ("_", "_"), ("***", "***"), ("<em>", "</em>"),
                  ("<strong>", "</strong>"), ("**<em>", "</em>**")]  # fmt: skip
    words = ["Breaking:", "Police", "Watch", "UPDATE:", "Analysis", "The"]
    plain_lines: list[str] = []
    lines: list[str] = []
    leads: list[tuple[str, str]] = []
    for k, minute in enumerate(sorted(minutes)):
        clock = f"{minute // 60:02d}:{minute % 60:02d}"
        word = data.draw(st.sampled_from(words))
        o1, c1 = data.draw(st.sampled_from(marker_wraps))
        o2, c2 = data.draw(st.sampled_from(lead_wraps))
        rest = f"text of post {k}."
        plain_lines.append(f"{clock} {word} {rest}")
        lines.append(f"{o1}{clock}{c1} {o2}{word}{c2} {rest}")
        leads.append((word, f"{o2}{word}{c2} {rest}"))
    plain = "Live\n\n" + "\n\n".join(plain_lines) + "\n"
    text = "Live\n\n" + "\n\n".join(lines) + "\n"
    bare = liveblog.parse(plain, date=DAY)
    tl = liveblog.parse(text, date=DAY)
    assert len(bare.entries) == len(minutes)
    assert [(e.marker, e.published, e.author) for e in tl] == [
        (e.marker, e.published, e.author) for e in bare
    ]
    # the lead-in as written, unless the marker took it as an author's name
    assert [e.body for e in tl] == [
        lead if e.body.startswith(word) else e.body
        for e, (word, lead) in zip(bare, leads, strict=True)
    ]
    assert_tiles(text, tl)
    shown = Counter(re.findall(r"[^\W_]+", plain))  # the decoration aside
    kept = " ".join(f"{e.marker} {e.author} {e.body}" for e in tl) + tl.preamble.text
    assert not shown - Counter(re.findall(r"[^\W_]+", kept))


def test_numbered_posts_and_tickers_are_no_decoration() -> None:
    """``3. Headline`` (a post's number), ``#12`` and ``+++ 18:22`` are not decoration."""
    assert undecorate("3. Headline\n#12 Talks\n+++ 18:22 x +++\n2. 2024 race\n") is None
    assert line_tag("a <b>x</b> b\n", 100) is None
    assert plain_line("3. Headline") == "3. Headline"


_PREFIXES = ("", "- ", "* ", "+ ", "\u2022 ", "> ", "### ", "> - ")
_WRAPS = (("", ""), ("**", "**"), ("__", "__"), ("*", "*"), ("_", "_"), ("<b>", "</b>"))
_TAGGED = (("<strong>", "</strong>"), ("<p><b>", "</b>"))
_DASHED = ("\u2013 ", "\u2014 ")  # bullets before a clock, after a blank line
_CLOCK = re.compile(r"\d{1,2}(?:[:.h]\d\d(?!\d)|[ \t]?[ap]\.?m\b)", re.IGNORECASE)
# what a dash bullet may stand before: a clock, or an update keyword with its time
_STAMP = re.compile(
    _CLOCK.pattern + r"|(?:update|correction)\b[^\r\n]{0,12}?\d{4}\b"
    r"|(?:update|correction)\b[^\r\n]{0,12}?\d{1,2}[:.]\d\d",
    re.IGNORECASE,
)


def _after_blank(text: str, line: int) -> bool:
    """Whether the line starting at ``line`` is the text's first or follows a blank one."""
    above = re.split(r"\r\n|\r|\n", text[:line])
    return len(above) < 2 or not above[-2].strip(" \t")


def _decorate(text: str, tl: Timeline, data: st.DataObject, *, tags: bool) -> str:
    """``text`` with the lines of ``tl``'s markers (and day headers) that start a line
    decorated: a drawn prefix and a wrap around the marker (with its colon); a dash
    bullet only before a clock or a timed update keyword on a line after a blank one."""
    wraps = _WRAPS + _TAGGED if tags else _WRAPS
    places: list[tuple[int, int]] = []
    for entry in tl:
        if entry.day_header is not None:
            start = entry.span.start
            places.append((start, start + len(entry.day_header)))
        if entry.marker_span is not None:
            start, end = entry.marker_span
            if text[end : end + 1] == ":":
                end += 1
            places.append((start, end))
    out = []
    done = 0
    for start, end in sorted(set(places)):
        line = text.rfind("\n", 0, start) + 1
        if text[line:start].strip() or start < done:
            continue  # not at a line's start
        dashed = _STAMP.match(text, start) is not None and _after_blank(text, line)
        prefix = data.draw(st.sampled_from(_PREFIXES + _DASHED if dashed else _PREFIXES))
        opener, closer = data.draw(st.sampled_from(wraps))
        out += [text[done:start], prefix, opener, text[start:end], closer]
        done = end
    out.append(text[done:])
    return "".join(out)


def _same_reading(text: str, decorated: str, **kwargs: object) -> None:
    """The decorated text reads as the text: the same markers, instants, bodies,
    headlines, day headers and choice, and loses nothing."""
    tl = liveblog.parse(text, **kwargs)  # type: ignore[arg-type]
    got = liveblog.parse(decorated, **kwargs)  # type: ignore[arg-type]

    def reading(t: Timeline) -> list[tuple[object, ...]]:
        return [(e.marker, e.published, e.body, e.headline, e.day_header, e.author) for e in t]

    assert reading(got) == reading(tl)
    assert got.dialect.names == tl.dialect.names
    assert got.order == tl.order
    codes = [w.code for w in got.warnings if w.code != "html-markup"]
    assert codes == [w.code for w in tl.warnings]
    assert_tiles(decorated, got)


@given(styled_blogs(), st.data())
def test_decorated_styled_blogs_read_as_undecorated(blog: StyledBlog, data: st.DataObject) -> None:
    """Every dialect: decorating the posts' lines (bullets, quotes, headings, emphasis,
    inline tags) changes no entry."""
    text = blog.render()
    kwargs = {"date": blog.opening_day, "tz": blog.tz}
    tl = liveblog.parse(text, **kwargs)  # type: ignore[arg-type]
    _same_reading(text, _decorate(text, tl, data, tags=True), **kwargs)


@given(blogs(), st.data())
def test_decorated_update_blogs_read_as_undecorated(blog: GenBlog, data: st.DataObject) -> None:
    """``UPDATE hhmm GMT:`` blogs with tricky body lines, an ``ORIGINAL ENTRY``, CRLF."""
    text = render(blog)
    tl = liveblog.parse(text, date=blog.date)
    _same_reading(text, _decorate(text, tl, data, tags=False), date=blog.date)


@given(headed_blogs(), st.data())
def test_decorated_day_headers_read_as_undecorated(blog: HeadedBlog, data: st.DataObject) -> None:
    """Day headers and their posts, decorated, give the same days and instants."""
    text = blog.render()
    tl = liveblog.parse(text, tz="Europe/London")
    _same_reading(text, _decorate(text, tl, data, tags=True), tz="Europe/London")


@given(
    st.text(
        alphabet=st.sampled_from(list("*_-+>#<>/bp 1234:.\nAUPDTEGMx")) | st.characters(),
        max_size=200,
    )
)
def test_decoration_never_loses_text(text: str) -> None:
    """On text full of decoration characters the spans still tile the text, and every
    marker span slices to the marker."""
    tl = liveblog.parse(text, date=DAY)
    assert_tiles(text, tl)
    for entry in tl:
        if entry.marker_span is not None:
            assert text[slice(*entry.marker_span)] == entry.marker
            assert entry.span.start <= entry.marker_span.start
            assert entry.marker_span.end <= entry.span.end


def test_feed_items_read_clean() -> None:
    """A JSON Feed of a decorated blog: each item's title is the marker or the headline
    and its text the body, without the decoration that opened the post's line."""
    from liveblog.feeds import to_json_feed

    tl = liveblog.parse(STORM, date=DAY)
    items = to_json_feed(tl, title="Storm")["items"]
    assert [item["content_text"] for item in items][:2] == [
        "Flood warning issued for the coast",
        "Winds reach 80mph on the headland",
    ]
    titles = [str(item.get("title", "")) for item in items]
    assert not any(title.startswith(("*", "_", "-", ">", "#")) for title in titles)


@pytest.mark.parametrize("end", ["\n", "\r\n", "\r"])
def test_decoration_with_entities_and_any_line_end(end: str) -> None:
    """Decoration and blanks written out as entities (``**15:42&nbsp;GMT**``) are read
    together, with LF, CRLF or lone CR line ends; each marker slices the source."""
    text = "Live\n\n**15:42&nbsp;GMT** Talks resume\n\n- **16:05&nbsp;GMT** Talks stall\n"
    text = text.replace("\n", end)
    tl = liveblog.parse(text, date=DAY)
    assert [(e.marker, e.body) for e in tl] == [
        ("15:42&nbsp;GMT", "Talks resume"),
        ("16:05&nbsp;GMT", "Talks stall"),
    ]
    assert [text[slice(*e.span)][:4] for e in tl] == ["**15", "- **"]
    assert [w.code for w in tl.warnings] == ["html-entities"]
    assert_tiles(text, tl)


@pytest.mark.parametrize("opening", ["- ", "> ", "# ", "**"])
def test_a_dialect_that_reads_decoration_sees_the_text_as_written(opening: str) -> None:
    """A dialect of one's own whose markers open with decoration (``- 0945``) finds
    nothing on the copy without it; with ``reads_decoration`` it scans the text as
    written, alone, forced or among the built-in dialects, and loses no text."""
    pattern = re.escape(opening) + r"(?P<marker>(?P<hour>\d\d)(?P<minute>\d\d))\s"
    text = f"Log\n\n{opening}0945 Talks begin\n\n{opening}1010 Talks end\n\nLater - 1100 lunch"
    blind = liveblog.PatternDialect("mine", pattern)
    assert len(liveblog.parse(text, date=DAY, dialects=[blind]).entries) == 1
    mine = liveblog.PatternDialect("mine", pattern, reads_decoration=True)
    for tl in (
        liveblog.parse(text, date=DAY, dialects=[mine]),
        liveblog.parse(text, date=DAY, dialects=[*DEFAULT_DIALECTS, mine]),
        liveblog.parse(text, date=DAY, dialect=mine),
    ):
        assert tl.dialect.names == ("mine",)
        assert [(e.marker, e.body, e.time) for e in tl] == [
            ("0945", "Talks begin", dt.time(9, 45)),
            ("1010", "Talks end\n\nLater - 1100 lunch", dt.time(10, 10)),
        ]
        assert [text[slice(*e.span)][: len(opening)] for e in tl] == [opening, opening]
        assert_tiles(text, tl)


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("\u2013 Actualizaci\u00f3n 18:22", "\u2013 Actualizaci\u00f3n 19:05"),
        ("\u2013 Aggiornamento ore 18.22", "\u2013 Aggiornamento ore 19.05"),
        ("\u2014 Atualiza\u00e7\u00e3o \u00e0s 18h22", "\u2014 Atualiza\u00e7\u00e3o 19h05"),
        ("\u2013 Published 18:35", "\u2013 Published 19:05"),
        ("\u2013 **Erstmeldung vom 22. Januar, 8.05 Uhr**", "\u2013 **Update 19:05**"),
    ],
)
def test_dash_bullets_before_every_update_keyword(first: str, second: str) -> None:
    """A dash bullet before any timed keyword the update dialects read (their own
    patterns decide, so a keyword they learn works after a bullet) is decoration."""
    text = f"Live\n\n{first} Storm hits.\n\n{second} Rain eases.\n"
    bare = liveblog.parse(text.replace("\u2013 ", "").replace("\u2014 ", ""), date=DAY)
    tl = liveblog.parse(text, date=DAY)
    assert [e.marker for e in tl] == [e.marker for e in bare]
    assert len(tl.entries) == 2
    assert [e.body for e in tl] == [e.body for e in bare]
    assert_tiles(text, tl)


@pytest.mark.parametrize("bullet", ["", "- "])
@pytest.mark.parametrize(
    ("opened", "closed"),
    [
        ("**", "**"),
        ("*", "*"),
        ("__", "__"),
        ("<strong>", "</strong>"),
        ("<b>", "</b>"),
        ("**<em>", "</em>**"),
    ],
)
def test_an_emphasised_lead_in_after_a_bare_clock(bullet: str, opened: str, closed: str) -> None:
    """``23:45 **Breaking:** text``: a capital behind opening emphasis or a tag after a
    clock opens a post as a bare capital does; the body keeps the lead-in as written."""
    posts = [("23:40", "Breaking:"), ("23:45", "Police"), ("23:50", "IDF")]
    bodies = [f"{opened}{word}{closed} text {k}." for k, (_, word) in enumerate(posts)]
    text = (
        "Live\n\n"
        + "\n\n".join(
            f"{bullet}{clock} {body}" for (clock, _), body in zip(posts, bodies, strict=True)
        )
        + "\n"
    )
    tl = liveblog.parse(text, date=DAY)
    assert [e.marker for e in tl] == ["23:40", "23:45", "23:50"]
    assert [e.body for e in tl] == bodies
    assert_tiles(text, tl)


@pytest.mark.parametrize(("opened", "closed"), [("**", "**"), ("_", "_"), ("<b>", "</b>")])
def test_an_emphasised_one_letter_word_after_a_bare_clock(opened: str, closed: str) -> None:
    """``23:45 **A** tree has fallen``: the one-letter words ``A`` and ``I``, closed by
    their emphasis or tag before the blank, open a post as ``20:10 A 90mph gust`` does;
    a letter glued to what follows the closer (``**A**4``) does not."""
    bodies = [
        f"{opened}A{closed} tree has fallen on the A38.",
        "Winds reached 80mph at the coast.",
        f"{opened}I{closed} can confirm the bridge is shut.",
        "The Met Office upgraded its warning.",
    ]
    clocks = ["23:50", "23:45", "23:40", "23:30"]
    text = (
        "Storm live\n\n"
        + "\n\n".join(f"{c} {b}" for c, b in zip(clocks, bodies, strict=True))
        + "\n"
    )
    tl = liveblog.parse(text, date=DAY)
    assert [e.marker for e in tl] == clocks[::-1]
    assert [e.body for e in tl] == bodies[::-1]
    assert_tiles(text, tl)
    assert not list(CLOCK_SPACE.scan(f"20:10 {opened}A{closed}4 road"))
    assert not list(CLOCK_SPACE.scan(f"20:10 {opened}a{closed} gust"))


@pytest.mark.parametrize("tail", ["**", "** x", "**lower case", "*lower*", "<b>lower</b>"])
def test_emphasis_alone_or_before_lower_case_opens_no_clock_space_post(tail: str) -> None:
    """Emphasis after a clock opens a post only before a capital."""
    text = "Live\n\n" + "\n\n".join(
        f"{c} {tail} {k}" for k, c in enumerate(["23:40", "23:45", "23:50"])
    )
    assert not liveblog.parse(text, date=DAY).entries[0].marker


@pytest.mark.parametrize(
    "number",
    ["#{n} · ", "#{n} | ", "#{n} ", "Post {n} – ", "Post {n}, ", "Entry {n} - ", "POST #{n}: "],
)
@pytest.mark.parametrize("stamp", ["{t}", "{t} GMT", "22 Jan 2024, {t}"])
def test_a_posts_number_before_its_stamp(number: str, stamp: str) -> None:
    """``#14 · 14:32`` or ``Post 14 – 14:32`` (a platform numbering its timed posts):
    the number reads as a label before the stamp, and the post is timed, never a
    numbered post with its time in its text. A number before a headline (``#14
    Arsenal``) or the words ``Post 14`` alone stay numbered posts' markers."""
    posts = (
        ("14", "14:32", "Roads closed."),
        ("13", "13:05", "Ferries off."),
        ("12", "11:40", "Warning issued."),
    )
    text = "Storm live\n\n" + "\n\n".join(
        f"{number.format(n=n)}{stamp.format(t=t)}\n{body}" for n, t, body in posts
    )
    tl = liveblog.parse(text, date=DAY, tz="Europe/London")
    assert [(e.marker, e.body) for e in tl.source_order] == [
        (stamp.format(t=t), body) for _, t, body in posts
    ]
    assert [e.published.strftime("%H:%M") for e in tl.source_order if e.published] == [
        t for _, t, _ in posts
    ]
    assert_tiles(text, tl)
    untimed = text.replace(stamp.format(t="14:32"), "Arsenal score")
    copy = undecorate(untimed)
    assert copy is None or f"{number.format(n='14')}Arsenal score" in copy.text


def test_an_update_keywords_number_before_a_middle_dot() -> None:
    """``Update 14 · 14:32`` is the update dialect's, as ``Update #3, 4:05 p.m.`` is."""
    text = "Storm live\n\nUpdate 14 · 14:32\nRoads closed.\n\nUpdate 13 · 13:05\nFerries off."
    tl = liveblog.parse(text, date=DAY, tz="Europe/London")
    assert tl.dialect.names == ("update",)
    assert [e.marker for e in tl.source_order] == ["Update 14 · 14:32", "Update 13 · 13:05"]

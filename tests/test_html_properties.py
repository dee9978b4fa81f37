"""Property tests for parse_html: generated blogs rendered as HTML parse back; any input is safe."""

from __future__ import annotations

import datetime as dt
import html
import json
from collections.abc import Callable

from hypothesis import example, given
from hypothesis import strategies as st

from liveblog.errors import LiveblogError
from liveblog.html import parse_html
from liveblog.model import Timeline
from tests.strategies import GenBlog, blogs, clock_text


def _paragraphs(text: str) -> str:
    return "".join(f"<p>{html.escape(p)}</p>" for p in text.split("\n\n"))


def _marker(minutes: int, blog: GenBlog) -> str:
    return f"UPDATE {clock_text(minutes, colon=blog.colon)} GMT"


def _instant(blog: GenBlog, minutes: int, seconds: int = 0) -> dt.datetime:
    midnight = dt.datetime.combine(blog.date, dt.time(0), tzinfo=dt.UTC)
    return midnight + dt.timedelta(minutes=minutes, seconds=seconds)


def _arrange(blog: GenBlog, blocks: list[str], page_top: str = "") -> str:
    if blog.newest_first:
        blocks = blocks[::-1]
    preamble = _paragraphs(blog.preamble) if blog.preamble else ""
    body = f"{page_top}<main>{preamble}{''.join(blocks)}</main>"
    return f"<!DOCTYPE html><html><body>{body}</body></html>"


def render_paragraphs(blog: GenBlog, _seconds: int) -> str:
    """Entries as a marker paragraph followed by body paragraphs, inside a div."""
    blocks = []
    if blog.original is not None:
        blocks.append(f"<div class='post'><p>ORIGINAL ENTRY:</p>{_paragraphs(blog.original)}</div>")
    for e in blog.entries:
        blocks.append(
            f"<div class='post'><p>{_marker(e.minutes, blog)}:</p>{_paragraphs(e.body)}</div>"
        )
    return _arrange(blog, blocks, "<nav>Home</nav><div class='cookie-banner'>Cookies</div>")


def render_line_breaks(blog: GenBlog, _seconds: int) -> str:
    """Entries as one article each, paragraphs separated by <br><br>, with messy whitespace."""
    blocks = []
    if blog.original is not None:
        blocks.append(f"<article>\r\n ORIGINAL ENTRY:<br>\n<br>{_breaks(blog.original)}</article>")
    for e in blog.entries:
        blocks.append(
            f"<article>\n  {_marker(e.minutes, blog)}:<br><br>\n {_breaks(e.body)}\n</article>"
        )
    return _arrange(blog, blocks)


def _breaks(body: str) -> str:
    return " <br>\n<br> ".join(html.escape(p) for p in body.split("\n\n"))


def render_time_articles(blog: GenBlog, seconds: int) -> str:
    """Entries as <article>s whose <time datetime> carries seconds the text does not show."""
    blocks = []
    if blog.original is not None:
        blocks.append(
            f"<article><header>ORIGINAL ENTRY:</header>{_paragraphs(blog.original)}</article>"
        )
    for e in blog.entries:
        stamp = _instant(blog, e.minutes, seconds).isoformat()
        blocks.append(
            f"<article><header><time datetime='{stamp}'>{_marker(e.minutes, blog)}</time>"
            f"</header>{_paragraphs(e.body)}<div class='share'>Share</div></article>"
        )
    return _arrange(blog, blocks)


def render_json_ld(blog: GenBlog, seconds: int) -> str:
    """Timed entries as LiveBlogPosting JSON-LD; the visible page repeats the bodies only."""
    updates = [
        {
            "@type": "BlogPosting",
            "datePublished": _instant(blog, e.minutes, seconds).isoformat(),
            "articleBody": e.body,
        }
        for e in blog.entries
    ]
    if blog.newest_first:
        updates.reverse()
    doc = {"@context": "https://schema.org", "@type": "LiveBlogPosting", "liveBlogUpdate": updates}
    script = f"<script type='application/ld+json'>{json.dumps(doc)}</script>"
    visible = [f"<article>{_paragraphs(e.body)}</article>" for e in blog.entries]
    return _arrange(blog, visible, script)


TEMPLATES: dict[str, Callable[[GenBlog, int], str]] = {
    "paragraphs": render_paragraphs,
    "line-breaks": render_line_breaks,
    "time-articles": render_time_articles,
    "json-ld": render_json_ld,
}


def _expected(blog: GenBlog, template: str, seconds: int) -> list[tuple[dt.datetime | None, str]]:
    exact = template in {"time-articles", "json-ld"}
    out: list[tuple[dt.datetime | None, str]] = []
    if blog.original is not None and template != "json-ld":
        out.append((None, blog.original))
    out.extend((_instant(blog, e.minutes, seconds if exact else 0), e.body) for e in blog.entries)
    return out


@given(blog=blogs(), template=st.sampled_from(sorted(TEMPLATES)), seconds=st.integers(0, 59))
def test_rendered_html_parses_back(blog: GenBlog, template: str, seconds: int) -> None:
    """A generated blog rendered with any template gives back its times and bodies."""
    page = TEMPLATES[template](blog, seconds)
    # The time-articles page dates itself; the others are told the date.
    date = None if template == "time-articles" and blog.entries else blog.date
    tl = parse_html(page.encode("utf-8"), date=date)
    assert tl.origin == ("json-ld" if template == "json-ld" else "html")
    got = [(e.published, e.body) for e in tl.entries]
    expected = _expected(blog, template, seconds)
    if template == "json-ld":
        # Equal stamps keep no particular order among themselves.
        got.sort(key=lambda item: (item[0] or dt.datetime.min.replace(tzinfo=dt.UTC), item[1]))
        expected.sort(key=lambda item: (item[0] or dt.datetime.min.replace(tzinfo=dt.UTC), item[1]))
    assert got == expected
    assert tl.text is not None
    for entry in tl.entries:
        assert entry.body.split("\n", 1)[0] in tl.text[slice(*entry.span)]


MARKUP = st.sampled_from(
    [
        "<p>", "</p>", "<div class='share'>", "<div>", "</div>", "<article>", "</article>",
        "<time datetime='2024-01-16T08:31:00Z'>", "<time datetime='x'>", "</time>",
        "UPDATE 1548 GMT:", "UPDATE 0831 GMT: ", "ORIGINAL ENTRY:", "14:32\n", "<br>", "<br/>",
        "<script type='application/ld+json'>", "</script>", "<script>", "<style>",
        '{"@type": "LiveBlogPosting", "liveBlogUpdate": [',
        '{"datePublished": "2024-01-16T08:00Z", "articleBody": "a"}', ",", "]}",
        "<!--", "-->", "<![if x]>", "<![CDATA[", "]]>", "&amp;", "&#0;", "&", "<h2>Key events</h2>",
        "<ul>", "<li>", "<a href='#x'>", "</a>", "<pre>", "</pre>", "\n", " ", "\r\n", "<",
        ">", "</", "<table><tr><td>", "<header>", "<h3>Head</h3>", "<meta charset='latin1'>",
    ]
)  # fmt: skip


def _check(data: str | bytes) -> None:
    try:
        tl = parse_html(data, date=dt.date(2024, 1, 16))
    except LiveblogError:
        return
    assert isinstance(tl, Timeline)
    assert tl.text is not None
    for entry in tl.entries:
        assert entry.span.end <= len(tl.text)
        assert "<script" not in (entry.html or "")


@given(st.text())
def test_any_text_gives_a_timeline_or_a_liveblog_error(data: str) -> None:
    """Totality over text: a Timeline or a LiveblogError, nothing else."""
    _check(data)


@given(st.binary())
def test_any_bytes_give_a_timeline_or_a_liveblog_error(data: bytes) -> None:
    """Totality over bytes: a Timeline or a LiveblogError, nothing else."""
    _check(data)


@given(st.lists(st.one_of(MARKUP, st.text(max_size=4)), max_size=40).map("".join))
@example("<A<script type='application/ld+json'>UPDATE 1548 GMT:")
def test_markup_soup_gives_a_timeline_or_a_liveblog_error(data: str) -> None:
    """Random sequences of tags, markers and JSON-LD pieces never break the parser."""
    _check(data)
    _check(data.encode("utf-8"))

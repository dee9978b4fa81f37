"""Tests for liveblog.feeds._markup: decoration in entry text, as feeds publish it."""

from __future__ import annotations

import datetime as dt
import html
import json
import re
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from pathlib import Path

import jsonschema  # type: ignore[import-untyped]
import pytest
from hypothesis import example, given
from hypothesis import strategies as st

import liveblog
from liveblog import Entry, Span, Timeline
from liveblog.feeds import from_json_feed, to_atom, to_json_feed, to_json_ld
from liveblog.feeds._common import entry_title
from liveblog.feeds._markup import clean_html, plain_text, safe_html
from liveblog.feeds.atom import ATOM_NAMESPACE

A = f"{{{ATOM_NAMESPACE}}}"
SCHEMA = json.loads((Path(__file__).parent / "jsonfeed-1.1.schema.json").read_text("utf-8"))
VALIDATOR = jsonschema.Draft202012Validator(SCHEMA)

DECORATED = """Storm live

**23:40 Flood warning** for the river valley.

**23:45** Breaking: bridge *shut*, says **police**.

<p><strong>23:50</strong> Roads <em>closed</em> &amp; <a href="https://x.example/map">map</a>.</p>

**23:55** Rain eases.
"""


def _decorated() -> Timeline:
    return liveblog.parse(DECORATED, date=dt.date(2024, 1, 2))


# --- plain text ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Flood warning** for the valley.", "Flood warning for the valley."),
        ("Roads</strong> closed.</p>", "Roads closed."),
        ("**Breaking:** bridge shut", "Breaking: bridge shut"),
        ("a __b__ _c_ ***d*** *e*", "a b c d e"),
        ("<b>B</b> <I>i</I> <span class='x'>s</span>", "B i s"),
        ('<a href="https://x.example/">map</a>', "map"),
        ("one<br>two", "one\ntwo"),
        ("one</p><p>two", "one\ntwo"),
        ("AT&amp;T &#8217; &#x41; &nosuch;", "AT&T \u2019 A &nosuch;"),
        # not markup: kept as written
        ("2*3*4 = 24, snake_case, file_name_", "2*3*4 = 24, snake_case, file_name_"),
        ("Talks <end>. <script>x()</script> <blink>", "Talks <end>. <script>x()</script> <blink>"),
        ("5* hotel", "5* hotel"),
        (
            "see https://x.example/_a_/b*c* or www.x.example/__init__",
            "see https://x.example/_a_/b*c* or www.x.example/__init__",
        ),
        ("**see https://x.example/a**", "see https://x.example/a"),
        ("a ** b", "a ** b"),
        ("**unclosed bold", "**unclosed bold"),
        ("****", "****"),
        ("first\nlater** lone closer", "first\nlater** lone closer"),
        ("\nfirst** after a blank line", "\nfirst after a blank line"),
        ("**across\n\nparagraphs**", "**across\n\nparagraphs**"),
        ("x\n\n  \n\ty", "x\n\n  \n\ty"),
        # Markdown links: the label, then the address (unless the label is the address)
        ("[the map](https://x.example/m) here", "the map (https://x.example/m) here"),
        ("[**bold** map](https://x.example/a_b_)", "bold map (https://x.example/a_b_)"),
        ("[x](https://x.example/?a=1&amp;b=2)", "x (https://x.example/?a=1&b=2)"),
        # a reference is decoded in an address with its semicolon only: a query's
        # "&copy=2" is no copyright sign, as a browser reads an attribute
        ("[x](https://x.example/?a=1&copy=2)", "x (https://x.example/?a=1&copy=2)"),
        ("See https://x.example/?a=1&amp;b=2 now", "See https://x.example/?a=1&b=2 now"),
        ("https://x.example/?a=1&copy=2&reg=3", "https://x.example/?a=1&copy=2&reg=3"),
        ("[Storm](https://w.example/Storm_(2024)).", "Storm (https://w.example/Storm_(2024))."),
        ("[https://x.example/](https://x.example/)", "https://x.example/"),
        ("[](mailto:a@b.example)", "mailto:a@b.example"),
        ("[x](javascript:alert(1))", "x (javascript:alert(1))"),
        # not links: kept as written
        ("![chart](https://x.example/c.png)", "![chart](https://x.example/c.png)"),
        ("[1] and (2), a](b) [c] (d) [e](f g)", "[1] and (2), a](b) [c] (d) [e](f g)"),
        ("https://x.example/a](b)", "https://x.example/a](b)"),
    ],
)
def test_plain_text(text: str, expected: str) -> None:
    """Tags, references and paired emphasis go; everything else stays as written."""
    assert plain_text(text) == expected


_WORD = st.text(
    st.characters(codec="utf-8", exclude_characters="*_<>&\n\r"), min_size=1, max_size=8
).filter(lambda w: w.strip() == w and w != "")
_WRAPS = [
    "**{}**",
    "*{}*",
    "__{}__",
    "_{}_",
    "***{}***",
    "<strong>{}</strong>",
    "<b>{}</b>",
    "<em>{}</em>",
    "<span class='k'>{}</span>",
    '<a href="https://example.org/a?b=1&amp;c=2">{}</a>',
    '<a href="javascript:alert(1)">{}</a>',
    "<p>{}</p>",
    "{}</p>",
    "{}",
]


@given(st.lists(st.tuples(_WORD, st.sampled_from(_WRAPS)), min_size=1, max_size=8))
def test_plain_text_keeps_every_word_of_a_decorated_text(words: list[tuple[str, str]]) -> None:
    """Words wrapped in any decoration come out as the undecorated words."""
    # a word that flanks its own emphasis (``*,*``) reads differently in Markdown
    words = [(w, wrap) for w, wrap in words if w[0].isalnum() and w[-1].isalnum()] or [
        ("word", "**{}**")
    ]
    decorated = " ".join(wrap.format(w) for w, wrap in words)
    assert plain_text(decorated) == " ".join(w for w, _ in words)


@given(st.text(st.characters(codec="utf-8", exclude_characters="<&[")))
@example("Flood warning** for the __valley__")
def test_plain_text_only_drops_emphasis_without_tags_or_references(text: str) -> None:
    """With no tags, references or links, the only characters that may go are ``*``
    and ``_``."""
    out = plain_text(text)
    assert out.replace("*", "").replace("_", "") == text.replace("*", "").replace("_", "")
    kept = iter(text)
    assert all(c in kept for c in out)  # out is text with some characters deleted


@given(st.text(st.characters(exclude_characters="[")))
@example("**a <em>b** c</em> <a href='mailto:x@y.z'>m</a> &#0; &#xD800;")
def test_plain_text_loses_only_markup(text: str) -> None:
    """Every character that is not part of a tag, a reference or emphasis is kept
    (links, which add text, have their own test)."""
    out = plain_text(text)
    undressed = re.sub(r"</?[A-Za-z][^<>]*>|&#?[A-Za-z0-9]+;", "", text)
    for char in "*_\n":
        undressed = undressed.replace(char, "")
    shown = out
    for char in "*_\n":
        shown = shown.replace(char, "")
    # removing all tag-shaped text and references leaves what plain_text shows,
    # minus what the references decoded to
    assert _subsequence(undressed, shown)


def _subsequence(small: str, big: str) -> bool:
    rest = iter(big)
    return all(c in rest for c in small)


_LABEL = _WORD.filter(lambda w: not set(w) & set("[]()"))
_ADDRESSES = st.one_of(
    st.sampled_from(
        [
            "https://x.example/",
            "http://x.example/a_b_*c*",
            "mailto:a@b.example",
            "https://x.example/?a=1&amp;b=2",
            "https://w.example/Storm_(2024)",
            "javascript:alert(1)",
            "/relative/_path_",
            "ftp://x.example/f",
            'https://x.example/"onclick="x()',
        ]
    ),
    st.text(st.sampled_from("ab_*&;:/.%~-"), min_size=1, max_size=12).map(
        "https://x.example/".__add__
    ),
)
# a word, a link, or a link whose label is its address
_LINKED = st.one_of(
    st.tuples(_WORD.filter(lambda w: "[" not in w and w[0].isalnum() and w[-1].isalnum())),
    st.tuples(_LABEL.filter(lambda w: w[0].isalnum() and w[-1].isalnum()), _ADDRESSES),
    _ADDRESSES.map(lambda a: (a, a)),
)


def _written(part: tuple[str, ...]) -> str:
    return part[0] if len(part) == 1 else f"[{part[0]}]({part[1]})"


@given(st.lists(_LINKED, min_size=1, max_size=6))
@example([("map", "https://w.example/Storm_(2024)"), ("x",)])
def test_markdown_links_keep_their_label_and_address(parts: list[tuple[str, ...]]) -> None:
    """``[label](address)`` in plain text is the label and the address in parentheses
    (decoded), or the address alone when it is the label: no text is lost."""
    text = " ".join(_written(part) for part in parts)
    expected = []
    for part in parts:
        if len(part) == 1:
            expected.append(part[0])
        else:
            label, address = part[0], html.unescape(part[1])
            expected.append(address if label == part[1] else f"{label} ({address})")
    assert plain_text(text) == " ".join(expected)


@given(st.lists(_LINKED, min_size=1, max_size=6))
def test_markdown_links_render_as_safe_links(parts: list[tuple[str, ...]]) -> None:
    """In HTML a link with an ``http``, ``https`` or ``mailto`` address is an ``<a
    href>`` around its label, in order; any other address is text after the label, as
    in plain text."""
    text = " ".join(_written(part) for part in parts)
    rendered = safe_html(text)
    parser = _Tags()
    parser.feed(rendered)
    parser.close()
    hrefs = []
    shown = []
    for part in parts:
        if len(part) == 1:
            shown.append(part[0])
            continue
        label, address = part[0], html.unescape(part[1])
        if re.match(r"(?i)(?:https?://|mailto:)", address):
            hrefs.append(address)
            shown.append(address if label == part[1] else label)
        else:
            shown.append(address if label == part[1] else f"{label} ({address})")
    assert [attributes for tag, attributes in parser.tags if tag == "a"] == [
        [("href", href)] for href in hrefs
    ]
    assert "".join(parser.text) == " ".join(shown)


# --- HTML ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("**Breaking:** bridge", "<p><strong>Breaking:</strong> bridge</p>"),
        ("Flood warning** for", "<p>Flood warning for</p>"),
        ("*a* _b_ ***c***", "<p><em>a</em> <em>b</em> <strong><em>c</em></strong></p>"),
        ("<B>x</B> <i>y</i>", "<p><b>x</b> <i>y</i></p>"),
        (
            '<a href="https://x.example/?a=1&amp;b=2">m</a>',
            '<p><a href="https://x.example/?a=1&amp;b=2">m</a></p>',
        ),
        (
            '<a href="https://x.example/?a=1&copy=2">m</a>',
            '<p><a href="https://x.example/?a=1&amp;copy=2">m</a></p>',
        ),
        (
            "[m](https://x.example/?a=1&copy=2)",
            '<p><a href="https://x.example/?a=1&amp;copy=2">m</a></p>',
        ),
        ("https://x.example/?a=1&amp;b=2", "<p>https://x.example/?a=1&amp;b=2</p>"),
        (
            '<a data-href="https://a.example/" href="https://b.example/">m</a>',
            '<p><a href="https://b.example/">m</a></p>',
        ),
        ("<a href='javascript:alert(1)'>m</a>", "<p>m</p>"),
        (
            '<a href="https://x.example/" onclick="evil()">m</a>',
            '<p><a href="https://x.example/">m</a></p>',
        ),
        (
            "<script>alert(1)</script> <style>",
            "<p>&lt;script&gt;alert(1)&lt;/script&gt; &lt;style&gt;</p>",
        ),
        ("**a <em>b** c</em>", "<p><strong>a <em>b</em></strong> c</p>"),
        ("<strong>never closed", "<p><strong>never closed</strong></p>"),
        ("closed</strong> only</p>", "<p>closed only</p>"),
        ("line\nnext<br>", "<p>line<br>\nnext</p>"),
        ("<p></p>\n\ntext", "<p>text</p>"),
        ("5 < 6 & 7 > 2", "<p>5 &lt; 6 &amp; 7 &gt; 2</p>"),
        (
            "[the *map*](https://x.example/?a=1&amp;b=2) here",
            '<p><a href="https://x.example/?a=1&amp;b=2">the <em>map</em></a> here</p>',
        ),
        ("[](mailto:a@b.example)", '<p><a href="mailto:a@b.example">mailto:a@b.example</a></p>'),
        ("[x](javascript:alert(1))", "<p>x (javascript:alert(1))</p>"),
        ("[x](/relative)", "<p>x (/relative)</p>"),
        (
            '[x](https://x.example/"onclick=)',
            '<p><a href="https://x.example/&quot;onclick=">x</a></p>',
        ),
        (
            "**[a** b](https://x.example/)",
            '<p><strong><a href="https://x.example/">a</a></strong> b</p>',
        ),
    ],
)
def test_safe_html(text: str, expected: str) -> None:
    """The safe subset is rendered, balanced; everything else is text or dropped."""
    assert safe_html(text) == expected


class _Tags(HTMLParser):
    """Record the tags and attributes of an HTML fragment."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, list[tuple[str, str | None]]]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, attrs))

    def handle_data(self, data: str) -> None:
        self.text.append(data)


_MARKUPISH = st.lists(
    st.one_of(
        st.sampled_from(
            [
                "**",
                "*",
                "_",
                "__",
                "<b>",
                "</b>",
                "<em>",
                "</em>",
                "</p>",
                "<p>",
                "<br>",
                '<a href="https://e.example/">',
                "<a href='javascript:x'>",
                "</a>",
                "&amp;",
                "&lt;",
                "<script>",
                "[",
                "](https://e.example/a_(b)_)",
                "](javascript:x(1))",
                "](mailto:m@e.example)",
                "](",
                ")",
                "\n",
                "\n\n",
                " ",
                '"',
                "'",
            ]
        ),
        st.characters(codec="utf-8"),
    )
).map("".join)


@given(_MARKUPISH)
@example("**a <em>b** c</em>")
@example("\n_**")  # the first line with text may close the marker's emphasis
@example("[](https://e.example/a_(b)_)](https://e.example/a_(b)_)")
@example("[<b>](https://e.example/a_(b)_)")
def test_safe_html_is_well_formed_and_shows_the_plain_text(text: str) -> None:
    """The HTML parses as XML (with ``<br>`` closed), holds only safe tags and
    attributes, and shows the same characters as the plain text (but for the
    addresses of its links)."""
    rendered = safe_html(text)
    cleaned = re.sub("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]", "", rendered)
    ET.fromstring(f"<div>{cleaned.replace('<br>', '<br/>')}</div>")
    parser = _Tags()
    parser.feed(rendered)
    parser.close()
    for tag, attributes in parser.tags:
        assert tag in {"p", "br", "strong", "em", "b", "i", "a"}
        if tag == "a":
            assert [name for name, _ in attributes] == ["href"]
            assert re.match(r"(?i)https?://|mailto:", attributes[0][1] or "")
        else:
            assert attributes == []
    shown = "".join("".join(parser.text).split())
    plain = "".join(plain_text(text).split())
    # a link's address is its href, where plain text shows it after the label: the
    # rest is the same (the addresses taken out of both)
    hrefs = {"".join((a[0][1] or "").split()) for tag, a in parser.tags if tag == "a"}
    for href in sorted(hrefs, key=len, reverse=True):
        shown = shown.replace(f"({href})", "").replace(href, "")
        plain = plain.replace(f"({href})", "").replace(href, "")
    assert shown == plain


# --- the feeds -----------------------------------------------------------------------


def test_feeds_publish_decorated_text_without_its_markup() -> None:
    """content_text, Atom content and articleBody drop the decoration the body keeps;
    content_html renders it; the model keeps the text as written."""
    tl = _decorated()
    assert [e.body for e in tl] == [
        "Flood warning** for the river valley.",
        "Breaking: bridge *shut*, says **police**.",
        'Roads <em>closed</em> &amp; <a href="https://x.example/map">map</a>.</p>',
        "Rain eases.",
    ]
    feed = to_json_feed(tl, content_html=True)
    assert [i["content_text"] for i in feed["items"]] == [
        "Rain eases.",
        "Roads closed & map.",
        "Breaking: bridge shut, says police.",
        "Flood warning for the river valley.",
    ]
    assert [i["content_html"] for i in feed["items"]] == [
        "<p>Rain eases.</p>",
        '<p>Roads <em>closed</em> &amp; <a href="https://x.example/map">map</a>.</p>',
        "<p>Breaking: bridge <em>shut</em>, says <strong>police</strong>.</p>",
        "<p>Flood warning for the river valley.</p>",
    ]
    VALIDATOR.validate(json.loads(json.dumps(feed)))
    assert from_json_feed(json.loads(json.dumps(feed))) == tl
    root = ET.fromstring(to_atom(tl))
    assert [e.findtext(f"{A}content") for e in root.iter(f"{A}entry")] == [
        i["content_text"] for i in feed["items"]
    ]
    doc = to_json_ld(tl)
    assert [u["articleBody"] for u in doc["liveBlogUpdate"]] == [
        i["content_text"] for i in feed["items"]
    ]


def test_feeds_publish_markdown_links() -> None:
    """A Markdown link is its label and address in content_text, Atom and JSON-LD, a
    link in content_html (its address only if safe); the model keeps the text."""
    body = "See [the map](https://x.example/m?a=1&amp;b=2) and [this](javascript:x()) too."
    when = dt.datetime(2024, 1, 2, 3, 4, tzinfo=dt.UTC)
    tl = Timeline([Entry(id="e", marker="M", body=body, span=Span(0, 1), published=when)])
    feed = to_json_feed(tl, content_html=True)
    item = feed["items"][0]
    text = "See the map (https://x.example/m?a=1&b=2) and this (javascript:x()) too."
    assert item["content_text"] == text
    assert item["content_html"] == (
        '<p>See <a href="https://x.example/m?a=1&amp;b=2">the map</a> and this '
        "(javascript:x()) too.</p>"
    )
    assert item["_liveblog"]["body"] == body
    VALIDATOR.validate(json.loads(json.dumps(feed)))
    assert from_json_feed(json.loads(json.dumps(feed))) == tl
    assert ET.fromstring(to_atom(tl)).findtext(f"{A}entry/{A}content") == text
    assert to_json_ld(tl)["liveBlogUpdate"][0]["articleBody"] == text


def test_titles_drop_markup_and_the_extension_keeps_the_headline() -> None:
    """A headline with markup is published plain and read back as written."""
    entry = Entry(id="e", marker="", body="b", span=Span(0, 1), headline="Vote</strong> count")
    tl = Timeline([entry])
    feed = to_json_feed(tl)
    assert feed["items"][0]["title"] == "Vote count"
    assert feed["items"][0]["_liveblog"]["headline"] == "Vote</strong> count"
    assert from_json_feed(feed) == tl
    assert to_json_ld(tl)["liveBlogUpdate"][0]["headline"] == "Vote count"
    assert '<title type="text">Vote count</title>' in to_atom(tl)


def test_a_headline_of_markup_alone_gives_no_title() -> None:
    """An item title that would be blank is left out; the extension keeps the headline."""
    tl = Timeline([Entry(id="e", marker="", body="b", span=Span(0, 1), headline="</p>")])
    item = to_json_feed(tl)["items"][0]
    assert "title" not in item
    assert item["_liveblog"]["headline"] == "</p>"
    assert from_json_feed(to_json_feed(tl)) == tl


@given(st.text(), st.text())
@example("x\x00 \ud800 **y** </p>", "<b>h\x1b</b>")
@example("", " ")
def test_any_text_gives_a_well_formed_atom_and_a_valid_json_feed(body: str, headline: str) -> None:
    """Whatever the body and headline hold (control characters, lone surrogates,
    markup), Atom is well-formed XML and the JSON Feed validates and reads back."""
    when = dt.datetime(2024, 1, 2, 3, 4, tzinfo=dt.UTC)
    tl = Timeline(
        [
            Entry(
                id="e",
                marker="M",
                body=body,
                span=Span(0, 1),
                headline=headline or None,
                published=when,
            )
        ]
    )
    xml = to_atom(tl)
    ET.fromstring(xml.encode("utf-8"))
    feed = json.loads(json.dumps(to_json_feed(tl, content_html=True)))
    VALIDATOR.validate(feed)
    assert from_json_feed(feed) == tl


# --- an entry's own HTML -------------------------------------------------------------


@pytest.mark.parametrize(
    ("fragment", "expected"),
    [
        ('<p onclick="x()">Hi</p>', "<p>Hi</p>"),
        ("a<script>alert(1)</script>b<style>p{}</style>c", "abc"),
        ('<iframe src="https://e.example/">fallback</iframe>ok', "ok"),
        ('<a href="javascript:x()">l</a>', "<a>l</a>"),
        ('<a href=" java&#x09;script:x()">l</a>', "<a>l</a>"),
        ('<img src="data:image/png;base64,AAAA" alt="pic">', '<img alt="pic">'),
        ('<a href="/relative?a=1&amp;b=2">r</a>', '<a href="/relative?a=1&amp;b=2">r</a>'),
        # an attribute's "&copy" before "=" is no reference (the parser would decode it)
        ('<a href="/q?a=1&copy=2">r</a>', '<a href="/q?a=1&amp;copy=2">r</a>'),
        ("<img src='/i?a=1&reg=2' alt='&copy; x'>", '<img src="/i?a=1&amp;reg=2" alt="\u00a9 x">'),
        (
            '<a data-href="https://a.example/" href="https://b.example/">r</a>',
            '<a href="https://b.example/">r</a>',
        ),
        (
            '<a href="mailto:x@y.example" style="color:red">m</a>',
            '<a href="mailto:x@y.example">m</a>',
        ),
        (
            '<base href="https://evil.example/"><form action="x"><input value="v">text</form>',
            "text",
        ),
        ("<svg onload='x()'><text>drawn</text></svg>", "<text>drawn</text>"),
        ("<p>open <b>bold", "<p>open <b>bold</b></p>"),
        ("stray</p> 5 &lt; 6", "stray 5 &lt; 6"),
    ],
)
def test_clean_html(fragment: str, expected: str) -> None:
    """Scripts, handlers and unsafe addresses go; the text and the safe markup stay."""
    assert clean_html(fragment) == expected


_HTMLISH = st.lists(
    st.one_of(
        st.sampled_from(
            [
                "<p>",
                "</p>",
                "<script>",
                "</script>",
                "<style>",
                "</style>",
                "<b>",
                "</b>",
                '<a href="javascript:x()">',
                '<a href="https://e.example/">',
                "</a>",
                '<img src="x" onerror="y()">',
                "<iframe>",
                "</iframe>",
                "<svg>",
                "</svg>",
                "<br/>",
                "&amp;",
                "&lt;script&gt;",
                "<!-- c -->",
                "<",
                ">",
                '"',
                " ",
            ]
        ),
        st.characters(codec="utf-8"),
    )
).map("".join)


@given(_HTMLISH)
@example("<p>a<script>b</script><b>c</p>")
def test_clean_html_writes_only_safe_balanced_markup(fragment: str) -> None:
    """Whatever comes in, only safe attributes and addresses come out, with no script,
    style or frame, every element closed, and clean_html(clean_html(x)) == clean_html(x)."""
    cleaned = clean_html(fragment)
    parser = _Tags()
    parser.feed(cleaned)
    parser.close()
    for tag, attributes in parser.tags:
        assert tag not in {"script", "style", "iframe", "object", "base", "form"}
        for name, value in attributes:
            assert name in {"href", "src", "alt", "title", "datetime", "cite", "lang", "dir",
                            "colspan", "rowspan"}  # fmt: skip
            if name in {"href", "src", "cite"}:
                assert not re.match(r"(?i)\s*(javascript|vbscript|data):", value or "")
    assert clean_html(cleaned) == cleaned


def test_feeds_publish_a_foreign_feeds_html_cleaned() -> None:
    """A foreign feed's content_html, kept as written in the model, is published
    without its script, handler and javascript: link."""
    written = '<p onclick="x()">Hi <script>alert(1)</script><a href="javascript:e()">link</a></p>'
    foreign = {
        "version": "https://jsonfeed.org/version/1.1",
        "title": "x",
        "items": [{"id": "1", "content_html": written}],
    }
    tl = from_json_feed(foreign)
    assert tl.entries[0].html == written
    assert to_json_feed(tl, content_html=True)["items"][0]["content_html"] == (
        "<p>Hi <a>link</a></p>"
    )
    content = ET.fromstring(to_atom(tl)).find(f"{A}entry/{A}content")
    assert content is not None
    assert content.text == "<p>Hi <a>link</a></p>"


@given(st.text())
@example("line one\n\nlater** lone and **bold**")
def test_a_title_from_the_text_is_the_start_of_its_plain_text(body: str) -> None:
    """An entry with neither headline nor marker is titled by the start of the text
    that content_text shows, blanks collapsed."""
    entry = Entry(id="e", marker="", body=body, span=Span(0, 1))
    shown = " ".join(to_json_feed(Timeline([entry]))["items"][0]["content_text"].split())
    title = entry_title(entry)
    if not shown:
        assert title == "Update e"
    elif title.endswith("…") and len(shown) > 80:
        assert shown.startswith(title[:-1])
    else:
        assert title == shown

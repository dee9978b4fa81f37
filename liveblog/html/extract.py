"""HTML to text: the page's visible blocks as lines, chrome dropped, with an offset map.

The standard library's :class:`html.parser.HTMLParser` tokenises the page; a small tree
builder applies the implied end tags browsers apply (``<p>`` closed by the next block,
``<li>`` by the next item) and caps the nesting depth, so that any input gives a tree.
A walk over the tree then writes the text the way a browser lays it out: each block
element on its own line, a blank line around paragraphs, two around ``<article>`` and
``<section>``, whitespace collapsed inside blocks, ``<br>`` as a line break. While it
writes, it records where every element's text lands, so that ``<time datetime>``
values and entry HTML fragments can be found again from text offsets.
"""

from __future__ import annotations

import bisect
import collections
import html
import re
import urllib.parse
from collections.abc import Iterator, Sequence
from html.parser import HTMLParser

import attrs

from liveblog.errors import ParseError
from liveblog.markers.choice import byline_author
from liveblog.model import Span, unchecked_span

__all__ = ["BlockMark", "Extraction", "TimeMark", "extract"]

# Elements that never hold anything a reader sees.
_SKIPPED = frozenset(
    {
        "script", "style", "noscript", "template", "svg", "math", "nav", "aside", "form",
        "button", "iframe", "object", "embed", "select", "textarea", "input", "canvas",
        "video", "audio", "head", "title", "dialog", "map", "datalist", "meter", "progress",
    }
)  # fmt: skip
_VOID = frozenset(
    {
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta",
        "param", "source", "track", "wbr", "keygen",
    }
)  # fmt: skip
_BLOCK = frozenset(
    {
        "address", "article", "aside", "blockquote", "body", "caption", "center", "dd",
        "details", "dialog", "div", "dl", "dt", "fieldset", "figcaption", "figure",
        "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hgroup", "hr",
        "html", "legend", "li", "main", "menu", "nav", "ol", "p", "pre", "section",
        "summary", "table", "tbody", "thead", "tfoot", "tr", "ul",
    }
)  # fmt: skip
HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
# Newlines that separate a block from its neighbours: 1 a line break, 2 a blank line.
_BREAKS = {"p": 2, "article": 3, "section": 3}
# Phrasing elements a start tag of a block may close together with an open <p>.
_PHRASING = frozenset(
    {
        "a", "abbr", "b", "bdi", "bdo", "cite", "code", "data", "dfn", "em", "font", "i",
        "kbd", "mark", "q", "s", "samp", "small", "span", "strong", "sub", "sup", "time",
        "u", "var", "label",
    }
)  # fmt: skip
# Start tags that close an open element of the same family (in its list or table).
_SIBLING_FAMILIES: dict[str, tuple[frozenset[str], frozenset[str]]] = {
    "li": (frozenset({"li"}), frozenset({"ul", "ol", "menu"})),
    "dt": (frozenset({"dt", "dd"}), frozenset({"dl"})),
    "dd": (frozenset({"dt", "dd"}), frozenset({"dl"})),
    "tr": (frozenset({"tr", "td", "th"}), frozenset({"table", "tbody", "thead", "tfoot"})),
    "td": (frozenset({"td", "th"}), frozenset({"tr", "table"})),
    "th": (frozenset({"td", "th"}), frozenset({"tr", "table"})),
    "option": (frozenset({"option"}), frozenset({"select", "datalist"})),
}
# Deeper elements are flattened into their ancestor at this depth (browsers cap too).
MAX_DEPTH = 200

# Words in class, id, role or aria-label that mark page chrome. They are compared
# with whole tokens of the attribute (split at blanks, '-', '_' and camelCase humps),
# so "comment-count" or "shareable" do not match, but "share-tools" and "cookieBanner" do.
CHROME_WORDS = frozenset(
    {
        "share", "sharing", "sharebar", "social", "cookie", "cookies", "consent", "gdpr",
        "banner", "newsletter", "subscribe", "subscription", "signup", "related",
        "promo", "promotion", "advert", "adverts", "advertisement", "ad", "ads", "adslot",
        "sponsored", "outbrain", "taboola", "comments", "disqus", "breadcrumb",
        "breadcrumbs", "menu", "navbar", "navigation", "nav", "sidebar", "popup", "modal",
        "paywall", "recommended", "trending", "masthead", "skiplink", "discussion",
        # links to the next page of a long blog ("Show more", "Page 1 of 12")
        "pagination", "pager", "paginator",
        # well-known share and comment widgets
        "sharedaddy", "addtoany", "addthis", "shareaholic", "sharethis",
    }
)  # fmt: skip
# "comment" alone is no chrome word ("comment-count" is a post's own), but with one of
# these it names a comment section: "comment-list", "commentSection", "comment_form".
COMMENT_PARTS = frozenset(
    {
        "list", "section", "thread", "form", "area", "respond", "container", "wrapper",
        "stream", "widget", "box", "block",
    }
)  # fmt: skip
# "social" alone is chrome (share bars, profile links), but with one of these it names
# a post of a social network embedded in an entry: "social-embed", "social-media-post".
EMBED_PARTS = frozenset({"embed", "embedded", "tweet", "post"})
# Whole class names (lower-case, '-' and '_' removed) that name a key-events box.
KEY_EVENTS_CLASSES = frozenset({"keyevents", "keyupdates", "keymoments", "keypoints"})
_CHROME_ROLES = frozenset(
    {
        "navigation", "banner", "contentinfo", "complementary", "search", "dialog",
        "alertdialog", "menu", "menubar", "toolbar",
    }
)  # fmt: skip
# Attributes that name what an element is, looked at for "pinned" boxes.
_PINNED_ATTRS = ("class", "id", "data-component", "data-gu-name", "data-testid")
# Containers that are never a pinned post's copy.
_NEVER_PINNED = frozenset({"html", "body", "main", "head"})
# Blocks whose texts are compared to tell a pinned copy of a post, and the shortest
# text compared (shorter ones, such as a "Pinned post" label, may differ).
_COPY_BLOCKS = HEADINGS | {"p", "li", "blockquote", "figcaption", "pre", "dd", "dt", "td", "th"}
_COPY_MIN_CHARS = 20
# Containers never dropped for their class: the whole blog may be one of them.
_NEVER_CHROME = frozenset({"html", "body", "main", "article"})
# "Key events", "Key updates", "Highlights": headings of a list of links to entries.
_KEY_HEADING = re.compile(
    r"^\W*(key\s+(?:events|updates|moments|points)|highlights|catch\s+up|jump\s+to|"
    r"summary|most\s+recent|latest\s+updates?)\b",
    re.IGNORECASE,
)
# First words of class names that state a modifier of the element, not what it is.
MODIFIER_PREFIXES = frozenset({"has", "with", "without", "no", "is", "show", "hide", "can"})
_KEY_HEADING_TAGS = HEADINGS | {"p", "div", "span", "strong"}
_TOKEN = re.compile(r"[A-Z]?[a-z]+|[A-Z]+(?![a-z])|\d+")
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)
_WS = re.compile(r"[ \t\n\r\f]+")
# Attributes kept in sanitised fragments, and URL schemes that are never kept.
_SAFE_ATTRS = frozenset(
    {"href", "src", "alt", "title", "datetime", "cite", "lang", "dir", "colspan", "rowspan"}
)
_BAD_URL = re.compile(r"^\s*(?:javascript|vbscript|data)\s*:", re.IGNORECASE)
_ABSOLUTE_URL = re.compile(r"https?://[^\s/]+", re.IGNORECASE)
# Attributes holding a URL, made absolute against the page's address in fragments.
_URL_ATTRS = frozenset({"href", "src", "cite"})
_FRAGMENT_SKIP = frozenset({"html", "body", "head"})
# A tag name fragments write out (html.parser gives names in lower case).
_TAG_NAME = re.compile(r"[a-z][a-z0-9]*(?:-[a-z0-9]+)*")


class _Text:
    """A run of character data, where it starts in the markup (``line`` from 1,
    ``column`` from 0, as :meth:`HTMLParser.getpos` gives them) and where it landed in
    the extracted text."""

    __slots__ = ("column", "data", "end", "line", "start")

    def __init__(self, data: str, line: int, column: int) -> None:
        self.data = data
        self.line = line
        self.column = column
        self.start = -1
        self.end = -1


class _Node:
    """An element of the tree; ``start``/``end`` are filled in by the text walk."""

    __slots__ = ("attrs", "children", "depth", "end", "kept", "start", "tag")

    def __init__(self, tag: str, attributes: dict[str, str], depth: int) -> None:
        self.tag = tag
        self.attrs = attributes
        self.children: list[_Node | _Text] = []
        self.depth = depth
        self.start = -1
        self.end = -1
        self.kept = False


class _TreeBuilder(HTMLParser):
    """Builds a forgiving element tree and collects JSON-LD script texts."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = _Node("#root", {}, 0)
        self.stack: list[_Node] = [self.root]
        self.json_ld: list[str] = []
        self.pinned: list[_Node] = []
        self.base_url: str | None = None
        self._script: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = {k: v or "" for k, v in attrs}
        if tag == "script":
            kind = attributes.get("type", "").lower()
            self._script = [] if "ld+json" in kind else None
        if tag in {"base", "link", "meta"} and self.base_url is None:
            self.base_url = _page_address(tag, attributes)
        self._close_implied(tag)
        parent = self.stack[-1]
        node = _Node(tag, attributes, parent.depth + 1)
        if tag in _VOID:
            parent.children.append(node)
        elif len(self.stack) < MAX_DEPTH:
            parent.children.append(node)
            self.stack.append(node)
            if _names_pinned(attributes) and tag not in _NEVER_PINNED:
                self.pinned.append(node)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag not in _VOID:
            self.handle_endtag(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag == "script" and self._script is not None:
            self.json_ld.append("".join(self._script))
            self._script = None
        if tag == "br":  # "</br>" is read as "<br>" by browsers
            self.handle_starttag("br", [])
            return
        for i in range(len(self.stack) - 1, 0, -1):
            if self.stack[i].tag == tag:
                del self.stack[i:]
                return

    def handle_data(self, data: str) -> None:
        if self._script is not None:
            self._script.append(data)
        children = self.stack[-1].children
        if children and isinstance(children[-1], _Text):
            children[-1].data += data
        else:
            children.append(_Text(data, *self.getpos()))

    def parse_marked_section(self, i: int, report: int = 1) -> int:
        """Skip ``<![...]>`` sections as browsers do (bogus comments), never raising."""
        rawdata = self.rawdata
        close = "]]>" if rawdata.startswith("<![CDATA[", i) else ">"
        end = rawdata.find(close, i + 3)
        return -1 if end < 0 else end + len(close)

    def _close_implied(self, tag: str) -> None:
        stack = self.stack
        if tag in _BLOCK or tag in HEADINGS:
            # <p>text<div> and <p><b>text<ul>: the block closes the open paragraph.
            for i in range(len(stack) - 1, 0, -1):
                open_tag = stack[i].tag
                if open_tag == "p" or (tag in HEADINGS and open_tag in HEADINGS):
                    del stack[i:]
                    break
                if open_tag not in _PHRASING:
                    break
        family = _SIBLING_FAMILIES.get(tag)
        if family is not None:
            closes, boundary = family
            for i in range(len(stack) - 1, 0, -1):
                open_tag = stack[i].tag
                if open_tag in closes:
                    del stack[i:]
                    return
                if open_tag in boundary:
                    return


def _page_address(tag: str, attributes: dict[str, str]) -> str | None:
    """The page's own absolute http(s) address from ``<base href>``, ``<link
    rel="canonical">`` or ``<meta property="og:url">``, else None."""
    canonical = tag == "link" and "canonical" in attributes.get("rel", "").lower().split()
    if tag == "base" or canonical:
        value = attributes.get("href", "")
    elif tag == "meta" and attributes.get("property", "").lower() == "og:url":
        value = attributes.get("content", "")
    else:
        return None
    value = value.strip()
    return value if _ABSOLUTE_URL.match(value) else None


def _names_pinned(attributes: dict[str, str]) -> bool:
    """True when the element's class, id... has the word "pinned" ("pinned-post")."""
    for name in _PINNED_ATTRS:
        value = attributes.get(name)
        if value and "pinned" in value.lower() and "pinned" in _tokens(value):
            return True
    return False


def _copy_texts(node: _Node) -> Iterator[str]:
    """The whitespace-collapsed texts of the text blocks in ``node`` (itself included)."""
    stack: list[_Node] = [node]
    while stack:
        item = stack.pop()
        if item.tag in _SKIPPED:
            continue
        if item.tag in _COPY_BLOCKS:
            text = " ".join(_all_text(item).split())
            if len(text) >= _COPY_MIN_CHARS:
                yield text
        stack.extend(c for c in item.children if isinstance(c, _Node))


def _all_text(node: _Node) -> str:
    parts: list[str] = []
    stack: list[_Node | _Text] = [node]
    while stack:
        item = stack.pop()
        if isinstance(item, _Text):
            parts.append(item.data)
        elif item.tag not in _SKIPPED:
            stack.extend(reversed(item.children))
    return " ".join(parts)


def _repeated_pinned(root: _Node, candidates: Sequence[_Node]) -> set[int]:
    """The ids of the "pinned" boxes that only repeat posts shown elsewhere on the page.

    Pages show a pinned post at the top and again in its place in the stream. A box
    named "pinned" is such a copy when each of its text blocks (of 20 characters or
    more) stands elsewhere on the page too, outside the copies already found; so of
    two boxes that repeat each other, only the first goes.
    """
    if not candidates:
        return set()
    counts = collections.Counter(_copy_texts(root))
    inside: set[int] = set()
    dropped: set[int] = set()
    for node in candidates:  # in document order, a box before the boxes in it
        if id(node) in inside:
            continue
        own = collections.Counter(_copy_texts(node))
        if own and all(counts[text] > n for text, n in own.items()):
            dropped.add(id(node))
            counts.subtract(own)
            stack = [node]
            while stack:
                item = stack.pop()
                inside.add(id(item))
                stack.extend(c for c in item.children if isinstance(c, _Node))
    return dropped


# The words of a comment's reply control, whatever the widget's class names
# (``<button>Reply</button>``, ``<a>Antworten</a>``)
_REPLY_WORDS = frozenset(
    {"reply", "respond", "antworten", "beantworten", "répondre", "repondre", "responder",
     "rispondi", "reageer", "reply to comment", "reply to this comment"}
)  # fmt: skip
_REPLY_TAGS = frozenset({"button", "a", "span"})
_REPLY_MAX = 24  # characters of a control's text: longer is a sentence
_THREAD_LINE = 40  # characters of a short line beside a thread's comments
_CLOCK = re.compile(r"\d[:.h]\d\d")


def _control_text(node: _Node) -> str | None:
    """The text of ``node`` when it is short enough to be a control's, else None."""
    parts: list[str] = []
    size = 0
    stack: list[_Node | _Text] = [node]
    while stack:
        item = stack.pop()
        if isinstance(item, _Text):
            parts.append(item.data)
            size += len(item.data)
            if size > _REPLY_MAX * 4:
                return None
        elif item is node or item.tag not in _SKIPPED:  # (a <button> is skipped text)
            stack.extend(reversed(item.children))
    text = " ".join(" ".join(parts).split()).lower().strip(" .:→›»")
    return text if len(text) <= _REPLY_MAX else None


def _comment_threads(root: _Node) -> set[int]:
    """The ids of the comments of a comment widget, whatever its class names: each
    element holding one reply control (``<button>Reply</button>``) and no other, and
    the element holding them all when its text is theirs (and a heading's,
    ``245 Comments``). Two controls or more make a widget; a live blog's posts have none.
    """
    paths: list[list[_Node]] = []
    stack: list[tuple[_Node, list[_Node]]] = [(root, [])]
    while stack:
        node, path = stack.pop()
        if (node.tag in _REPLY_TAGS or node.attrs.get("role") == "button") and (
            _control_text(node) in _REPLY_WORDS
        ):
            paths.append(path)
            continue
        if node.tag in _SKIPPED:
            continue
        inner = [*path, node]
        stack.extend((c, inner) for c in reversed(node.children) if isinstance(c, _Node))
    if len(paths) < 2:
        return set()
    counts: collections.Counter[int] = collections.Counter()
    for path in paths:
        counts.update(id(n) for n in path)
    comments: set[int] = set()
    items: list[_Node] = []
    for path in paths:
        # the outermost ancestor holding this control alone: the comment
        alone = [n for n in path if counts[id(n)] == 1]
        if alone:
            if _holds_heading(alone[0]):
                return set()  # a post with a headline and a reply button: no comment
            items.append(alone[0])
            comments.add(id(alone[0]))
    # the elements holding every control, from the innermost out: the thread, with its
    # heading, while whatever else each holds is a heading or a short line (never a post)
    for thread in reversed([n for n in paths[0] if counts[id(n)] == len(paths)]):
        if not all(id(c) in comments or _is_thread_chrome(c) for c in thread.children):
            break
        comments.add(id(thread))
    return comments


def _holds_heading(node: _Node) -> bool:
    """Whether ``node`` holds a heading element (a post's headline: comments have none)."""
    stack = [node]
    while stack:
        item = stack.pop()
        if item.tag in HEADINGS:
            return True
        stack.extend(c for c in item.children if isinstance(c, _Node))
    return False


def _is_thread_chrome(item: _Node | _Text) -> bool:
    """Whether ``item``, beside a thread's comments, is its chrome: blanks, a heading
    (``245 Comments``) or a short line without a clock (``Sort by newest``)."""
    if isinstance(item, _Text):
        return not item.data.strip()
    if item.tag in _SKIPPED or item.tag in HEADINGS:
        return True
    text = " ".join(_all_text(item).split())
    return len(text) <= _THREAD_LINE and _CLOCK.search(text) is None


def _tokens(value: str) -> Iterator[str]:
    for m in _TOKEN.finditer(value):
        yield m.group().lower()


def _is_chrome(node: _Node, *, in_content: bool) -> bool:
    """True when ``node`` is page chrome: navigation, share tools, banners, comments..."""
    tag = node.tag
    if tag in _SKIPPED:
        return tag != "form" or not _is_page_form(node)
    a = node.attrs
    if "hidden" in a or a.get("aria-hidden", "").lower() == "true":
        return True
    if _HIDDEN_STYLE.search(a.get("style", "")):
        return True
    if tag in {"header", "footer"} and not in_content:
        return True
    if a.get("role", "").lower() in _CHROME_ROLES and tag not in _NEVER_CHROME:
        return True
    if tag in _NEVER_CHROME:
        return False
    for name in ("class", "id", "aria-label", "data-component"):
        value = a.get(name)
        if not value:
            continue
        for word in value.split():
            if word.lower().replace("-", "").replace("_", "") in KEY_EVENTS_CLASSES:
                return True
            # BEM modifiers describe a state ("article--with-share"): only the block and
            # element part names the thing.
            tokens = set(_tokens(word.split("--", 1)[0]))
            if not tokens or _first_token(word) in MODIFIER_PREFIXES:
                continue  # "has-sidebar", "is-sticky", "no-ads" describe the wrapper
            chrome = tokens & CHROME_WORDS
            if chrome == {"social"} and tokens & EMBED_PARTS:
                chrome = set()  # "social-embed": a post quoted in an entry
            elif chrome <= {"ad", "ads"} and "free" in tokens:
                chrome = set()  # "ad-free" describes the wrapper
            if chrome or ("comment" in tokens and tokens & COMMENT_PARTS):
                return True
    return False


def _first_token(word: str) -> str:
    m = _TOKEN.search(word)
    return "" if m is None else m.group().lower()


def _is_page_form(node: _Node) -> bool:
    """A <form> that wraps page content (ASP.NET pages wrap the whole body in one)."""
    stack: list[_Node | _Text] = list(node.children)
    paragraphs = 0
    while stack:
        item = stack.pop()
        if isinstance(item, _Text):
            continue
        if item.tag in {"main", "article", "h1"}:
            return True
        if item.tag == "p":
            paragraphs += 1
            if paragraphs > 3:
                return True
        stack.extend(item.children)
    return False


def _text_length(
    node: _Node, *, in_link: bool = False, own: frozenset[str] | None = None
) -> tuple[int, int]:
    """(all characters, characters inside same-page links) of the subtree's text.

    Links to an anchor inside the subtree itself (a post's permalink on its own time)
    do not count as same-page links.
    """
    if own is None:
        own = _ids(node)
    total = linked = 0
    href = node.attrs.get("href", "") if node.tag == "a" else ""
    link = in_link or (_is_fragment_link(href) and _anchor(href) not in own)
    for child in node.children:
        if isinstance(child, _Text):
            size = len(child.data.strip())
            total += size
            linked += size if link else 0
        elif child.tag not in _SKIPPED:
            t, k = _text_length(child, in_link=link, own=own)
            total += t
            linked += k
    return total, linked


def _ids(node: _Node) -> frozenset[str]:
    """The ``id`` values of ``node`` and the elements in it."""
    found: set[str] = set()
    stack = [node]
    while stack:
        item = stack.pop()
        if "id" in item.attrs:
            found.add(item.attrs["id"])
        stack.extend(c for c in item.children if isinstance(c, _Node))
    return frozenset(found)


def _anchor(href: str) -> str:
    return href.strip().rsplit("#", 1)[-1]


def _is_fragment_link(href: str) -> bool:
    # "#block-65a1", "?page=with:block-65a1#block-65a1", "/live/x#post-3" (same page)
    href = href.strip()
    return "#" in href and not href.lower().startswith(("http:", "https:", "//", "mailto:"))


def _is_link_list(node: _Node) -> bool:
    """True for a "Key events" list: most items are mostly a link to an entry anchor."""
    if node.tag not in {"ul", "ol"}:
        return False
    items = [c for c in node.children if isinstance(c, _Node)]
    if not items:
        return False
    linked_items = 0
    for item in items:
        total, linked = _text_length(item)
        if total and linked * 2 >= total:
            linked_items += 1
    return linked_items * 2 >= len(items) and linked_items > 0


def _heading_text(node: _Node) -> str:
    parts: list[str] = []
    size = 0
    stack: list[_Node | _Text] = [node]
    while stack and size < 200:
        item = stack.pop()
        if isinstance(item, _Text):
            parts.append(item.data)
            size += len(item.data)
        else:
            stack.extend(reversed(item.children))
    return " ".join("".join(parts).split())


@attrs.frozen
class BlockMark:
    """A block element of the page and the text it became."""

    tag: str
    """The element's tag (``p``, ``h2``, ``article``...)."""
    span: Span
    """Offsets of its text in the extracted text (empty when it has none)."""
    depth: int
    """Nesting depth in the page (the root's children are at 1)."""
    parent: int = -1
    """Index in :attr:`Extraction.blocks` of the nearest enclosing block, -1 for none."""


@attrs.frozen
class TimeMark:
    """A ``<time datetime="...">`` element and the text it became.

    Microdata ``<meta itemprop="datePublished" content="...">`` elements are recorded
    too, with an empty span where the text after them starts.
    """

    datetime: str
    """The ``datetime`` (or microdata ``content``) attribute as written."""
    span: Span
    """Offsets of its visible text in the extracted text."""


def _escape_attr(value: str) -> str:
    return html.escape(value, quote=True)


@attrs.frozen
class Extraction:
    """The visible text of a page, where its blocks and times are, and its JSON-LD.

    >>> x = extract("<p>Intro</p><p><time datetime='2024-01-16T08:31Z'>0831</time> x</p>")
    >>> x.text
    'Intro\\n\\n0831 x'
    >>> x.times
    (TimeMark(datetime='2024-01-16T08:31Z', span=Span(start=7, end=11)),)
    """

    text: str
    """The page's visible text, blocks on their own lines."""
    blocks: tuple[BlockMark, ...]
    """Every kept block element, in document order."""
    times: tuple[TimeMark, ...]
    """Every kept ``<time datetime>`` and microdata ``datePublished`` element."""
    json_ld: tuple[str, ...]
    """The texts of the page's ``application/ld+json`` scripts."""
    base_url: str | None = attrs.field(kw_only=True, default=None)
    """The page's own address (``<base href>``, canonical link, ``og:url``), if given."""
    _runs: tuple[_Text, ...] = attrs.field(
        kw_only=True, default=(), eq=False, repr=False, alias="runs"
    )
    _run_starts: list[int] = attrs.field(init=False, eq=False, repr=False)

    @_run_starts.default
    def _starts_of_runs(self) -> list[int]:
        return [r.start for r in self._runs]

    _root: _Node = attrs.field(eq=False, repr=False, alias="root")
    _children: dict[int, tuple[list[_Node | _Text], list[int]]] = attrs.field(
        factory=dict, init=False, eq=False, repr=False
    )

    def markup_position(self, offset: int) -> tuple[int, int]:
        """The line and column (both from 1) in the markup of the character the text
        has at ``offset``: blanks that the text collapsed are counted as written, a
        character reference (``&amp;``) as one column.

        >>> x = extract("<p>\\n  Talks <b>end</b></p>")
        >>> x.text, x.markup_position(0), x.markup_position(6)
        ('Talks end', (2, 3), (2, 12))
        """
        k = bisect.bisect_right(self._run_starts, offset) - 1
        if k < 0:
            return 1, 1
        run = self._runs[k]
        data = run.data
        at = _raw_index(data, offset - run.start)
        newline = data.rfind("\n", 0, at)
        if newline < 0:
            return run.line, run.column + at + 1
        return run.line + data.count("\n", 0, at), at - newline

    def enclosing(self, offset: int, starts: Sequence[int] | None = None) -> list[int]:
        """Indices of the blocks whose text holds ``offset``, innermost first.

        ``starts`` (the blocks' start offsets, in order) may be passed to save building it.

        >>> x = extract("<div><p>a</p><p>b</p></div>")
        >>> [x.blocks[i].tag for i in x.enclosing(3)]
        ['p', 'div']
        """
        if starts is None:
            starts = [b.span.start for b in self.blocks]
        i = bisect.bisect_right(starts, offset) - 1
        # Earlier siblings end before ``offset``; their parents lead to the ancestors.
        while i >= 0 and not self.blocks[i].span.start <= offset < self.blocks[i].span.end:
            i = self.blocks[i].parent
        chain: list[int] = []
        while i >= 0:
            chain.append(i)
            i = self.blocks[i].parent
        return chain

    def fragment(self, span: Span, *, base_url: str | None = None) -> str:
        """The sanitised HTML of the kept elements whose text lies within ``span``.

        Elements whose text is wholly inside ``span`` are written out whole (without
        scripts, chrome, event handlers or ``javascript:`` links); an element that only
        partly overlaps contributes the parts that do. Relative links and sources are
        made absolute against the page's address (:attr:`base_url`), else against
        ``base_url`` when it is an absolute http(s) URL, else kept as written.

        >>> x = extract("<div><p>A <b>b</b></p><p onclick='x()'>C</p><p>D</p></div>")
        >>> x.fragment(Span(0, 6))
        '<p>A <b>b</b></p><p>C</p>'
        """
        out: list[str] = []
        base = self.base_url
        if base is None and base_url is not None and _ABSOLUTE_URL.match(base_url.strip()):
            base = base_url.strip()
        self._fragment(self._root, span, out, base)
        return "".join(out).strip()

    def _fragment(self, node: _Node, span: Span, out: list[str], base: str | None) -> None:
        children, ends = self._index(node)
        # Emitted children stand in text order: skip those that end before the span.
        for k in range(bisect.bisect_right(ends, span.start), len(children)):
            child = children[k]
            if child.start >= span.end:
                break
            if isinstance(child, _Text):
                out.append(html.escape(child.data, quote=False))
            elif child.start == child.end and child.tag not in _VOID:
                continue
            elif span.start <= child.start and child.end <= span.end:
                _serialise(child, out, base)
            else:
                self._fragment(child, span, out, base)

    def _index(self, node: _Node) -> tuple[list[_Node | _Text], list[int]]:
        """The children that produced text (or are kept), with their end offsets."""
        found = self._children.get(id(node))
        if found is None:
            children = [
                c
                for c in node.children
                if (c.start >= 0 if isinstance(c, _Text) else c.kept and c.start >= 0)
            ]
            found = (children, [c.end for c in children])
            self._children[id(node)] = found
        return found


def _url(name: str, value: str, base: str | None) -> str:
    if base is None or name not in _URL_ATTRS:
        return value
    try:
        return urllib.parse.urljoin(base, value.strip())
    except ValueError:  # an unreadable URL ("http://[x") stays as written
        return value


def _serialise(node: _Node, out: list[str], base: str | None = None) -> None:
    if node.tag in _FRAGMENT_SKIP or _TAG_NAME.fullmatch(node.tag) is None:
        # "<A<script ...>" is one element named "a<script" to the tokeniser: its
        # content is written, never a tag that is no name
        for child in node.children:
            if isinstance(child, _Text):
                out.append(html.escape(child.data, quote=False))
            elif child.kept:
                _serialise(child, out, base)
        return
    attributes = "".join(
        f' {k}="{_escape_attr(_url(k, v, base))}"'
        for k, v in node.attrs.items()
        if k in _SAFE_ATTRS and not (k in {"href", "src"} and _BAD_URL.match(v))
    )
    out.append(f"<{node.tag}{attributes}>")
    if node.tag in _VOID:
        return
    for child in node.children:
        if isinstance(child, _Text):
            out.append(html.escape(child.data, quote=False))
        elif child.kept:
            _serialise(child, out, base)
    out.append(f"</{node.tag}>")


_BYLINE_PARTS = 8  # a byline is a few runs of text: more is a paragraph


class _Writer:
    """Writes the visible text of a tree, recording where each element lands."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.length = 0
        self.breaks = 0
        self.space = False
        self.line_empty = True
        self.awaiting: list[_Node] = []
        self.blocks: list[_Node] = []
        self.parents: list[int] = []
        self.open_blocks: list[int] = [-1]
        self.times: list[_Node] = []
        self.repeats: set[int] = set()
        self.comments: set[int] = set()
        self.runs: list[_Text] = []  # the runs of text written, in order

    def request_break(self, newlines: int) -> None:
        if self.length:
            self.breaks = max(self.breaks, newlines)

    def line_break(self) -> None:
        if self.length:
            self.breaks = min(self.breaks + 1, 3) if self.breaks or self.line_empty else 1

    def emit(self, piece: str, text: _Text) -> None:
        if self.breaks:
            self.parts.append("\n" * self.breaks)
            self.length += self.breaks
            self.breaks = 0
            self.space = False
            self.line_empty = True
        elif self.space and not self.line_empty:
            self.parts.append(" ")
            self.length += 1
        self.space = False
        for node in self.awaiting:
            node.start = self.length
        self.awaiting.clear()
        if text.start < 0:
            text.start = self.length
            self.runs.append(text)
        self.parts.append(piece)
        self.length += len(piece)
        text.end = self.length
        self.line_empty = False

    def _after_byline(self) -> bool:
        """Whether the line written so far is a byline (``By Jane Doe``)."""
        line: list[str] = []
        for part in reversed(self.parts):
            cut = part.rfind("\n")
            line.append(part[cut + 1 :])
            if cut >= 0 or len(line) > _BYLINE_PARTS:
                break
        return byline_author("".join(reversed(line))) is not None

    def text(self, text: _Text, *, pre: bool) -> None:
        data = text.data
        if pre:
            lines = data.replace("\r\n", "\n").replace("\r", "\n").split("\n")
            for k, line in enumerate(lines):
                if k:
                    self.line_break()
                if line:
                    self.emit(line, text)
            return
        collapsed = _WS.sub(" ", data)
        if not collapsed:
            return
        if collapsed[0] == " ":
            self.space = True
        word = collapsed.strip(" ")
        if word:
            self.emit(word, text)
            if collapsed[-1] == " ":
                self.space = True

    def walk(self, node: _Node, *, in_content: bool, pre: bool) -> None:
        children = node.children
        skip_next_list = False
        # Entries repeat one container (div.liveblog-entry): whatever such a container
        # holds is content, its <header> and <footer> included.
        alike = None if in_content else _alike_kinds(children)
        for k, child in enumerate(children):
            if isinstance(child, _Text):
                self.text(child, pre=pre)
                continue
            if skip_next_list and child.tag in {"ul", "ol", "div"}:
                skip_next_list = False
                continue
            if _is_chrome(child, in_content=in_content) or _is_link_list(child):
                continue
            if id(child) in self.repeats:
                continue  # a pinned copy of a post the page shows in its place too
            if id(child) in self.comments:
                continue  # a comment widget's comment, or the widget
            if child.tag in _KEY_HEADING_TAGS:
                nxt = _next_element(children, k)
                if nxt is not None and nxt.tag in {"ul", "ol", "div"}:
                    heading = _heading_text(child)
                    is_key = _KEY_HEADING.match(heading) is not None and len(heading) < 40
                    if is_key and (_is_link_list(nxt) or _is_link_div(nxt)):
                        skip_next_list = True
                        continue
            repeated = alike is not None and _kind(child) in alike
            self.element(child, in_content=in_content or repeated, pre=pre)

    def element(self, node: _Node, *, in_content: bool, pre: bool) -> None:
        tag = node.tag
        node.kept = True
        if tag == "br":
            self.line_break()
            return
        if tag == "meta":
            # Microdata: <meta itemprop="datePublished" content="2024-01-16T08:31Z">
            # stands where the text that follows it starts.
            if node.attrs.get("itemprop") == "datePublished" and node.attrs.get("content"):
                self.awaiting.append(node)
                self.times.append(node)
            return
        if tag in {"td", "th"}:
            self.space = True
        is_block = tag in _BLOCK
        if is_block:
            self.request_break(_BREAKS.get(tag, 1))
            self.parents.append(self.open_blocks[-1])
            self.open_blocks.append(len(self.blocks))
            self.blocks.append(node)
        if tag == "time":
            if "datetime" in node.attrs:
                self.times.append(node)
            if not self.breaks and not self.line_empty and self._after_byline():
                self.line_break()  # a post card's header: "By Jane Doe" beside its time
        self.awaiting.append(node)
        self.walk(
            node,
            in_content=in_content or tag in {"article", "section", "main"},
            pre=pre or tag in {"pre", "textarea", "listing"},
        )
        node.end = self.length
        if node.start < 0:
            # Nothing written inside: an empty element at the current position. Only
            # microdata <meta> elements inside it can still be waiting after it.
            for k in range(len(self.awaiting) - 1, -1, -1):
                if self.awaiting[k] is node:
                    del self.awaiting[k]
                    break
            node.start = node.end
        if is_block:
            self.open_blocks.pop()
            self.request_break(_BREAKS.get(tag, 1))
        if tag in {"td", "th"}:
            self.space = True


def _kind(node: _Node) -> tuple[str, str] | None:
    """Tag and class of an element with a class: what marks entries' containers."""
    classes = node.attrs.get("class")
    return None if not classes else (node.tag, classes)


def _alike_kinds(children: Sequence[_Node | _Text]) -> set[tuple[str, str]] | None:
    """The kinds (tag and class) that two or more of ``children`` share, if any."""
    seen: set[tuple[str, str]] = set()
    alike: set[tuple[str, str]] = set()
    for child in children:
        if isinstance(child, _Node) and child.tag not in _VOID:
            kind = _kind(child)
            if kind is not None:
                if kind in seen:
                    alike.add(kind)
                seen.add(kind)
    return alike or None


def _next_element(children: Sequence[_Node | _Text], k: int) -> _Node | None:
    """The element after ``children[k]`` with nothing but blanks between, if any (read
    in place: a copy of the rest of ``children`` per heading made a page of thousands
    of sibling paragraphs cost the square of their number)."""
    for i in range(k + 1, len(children)):
        child = children[i]
        if isinstance(child, _Node):
            return child
        if child.data.strip():
            return None
    return None


def _is_link_div(node: _Node) -> bool:
    """A ``<div>`` of links (a key-events box that does not use a list)."""
    if node.tag != "div":
        return False
    if any(isinstance(c, _Node) and _is_link_list(c) for c in node.children):
        return True
    total, linked = _text_length(node)
    return bool(total) and linked * 2 >= total


def _raw_index(data: str, k: int) -> int:
    """Where in ``data`` the character ``k`` of its collapsed text (blanks at its ends
    dropped, runs of blanks as one) is.

    >>> _raw_index("  one   two", 4), _raw_index("  one   two", 3)
    (8, 5)
    """
    at = len(data) - len(data.lstrip(" \t\n\r\f"))
    for blank in _WS.finditer(data, at):
        word = blank.start() - at
        if k < word:
            break
        k -= word
        if k == 0:
            return blank.start()
        k -= 1
        at = blank.end()
    return min(len(data), at + k)


def _time_mark(node: _Node, length: int) -> TimeMark:
    if node.tag == "meta":
        at = node.start if node.start >= 0 else length
        return TimeMark(node.attrs["content"], unchecked_span(at, at))
    return TimeMark(node.attrs["datetime"], unchecked_span(node.start, node.end))


def _build(markup: str) -> _TreeBuilder:
    builder = _TreeBuilder()
    try:
        builder.feed(markup)
        if builder.rawdata.startswith(("<!--", "<!", "<?")):
            # An unclosed comment or declaration runs to the end of the page, as in
            # browsers; html.parser would hand it back as text.
            builder.rawdata = ""
        builder.close()
    except (AssertionError, ValueError, IndexError, RecursionError) as err:
        line, column = builder.getpos()
        offset = _offset_of(markup, line, column)
        msg = f"unreadable markup ({err})"
        raise ParseError.at(msg, markup, offset, min(len(markup), offset + 20)) from err
    return builder


def _offset_of(text: str, line: int, column: int) -> int:
    offset = 0
    for _ in range(line - 1):
        nxt = text.find("\n", offset)
        if nxt < 0:
            break
        offset = nxt + 1
    return min(len(text), offset + column)


def extract(markup: str) -> Extraction:
    """Turn an HTML page into its visible text, keeping the block structure.

    Scripts, styles, navigation, page-level headers and footers, share tools, cookie
    banners, comment sections, related-article cards, "Key events" link lists and
    pinned copies of posts the page shows again in their place are dropped. The result
    records where each block and ``<time datetime>`` element lands.

    Args:
        markup: the page, already decoded.

    Returns:
        The :class:`Extraction`.

    Raises:
        ParseError: the tokeniser gave up on the markup (not seen in practice).

    >>> page = '''<nav>Home</nav><article><h2>Talks</h2>
    ...   <p>UPDATE 1548 GMT: talks   end.<br>More.</p><p>Next</p></article>'''
    >>> print(extract(page).text)
    Talks
    <BLANKLINE>
    UPDATE 1548 GMT: talks end.
    More.
    <BLANKLINE>
    Next
    """
    builder = _build(markup)
    writer = _Writer()
    writer.repeats = _repeated_pinned(builder.root, builder.pinned)
    writer.comments = _comment_threads(builder.root)
    writer.walk(builder.root, in_content=False, pre=False)
    return Extraction(
        text="".join(writer.parts),
        blocks=tuple(
            BlockMark(n.tag, unchecked_span(n.start, n.end), n.depth, parent)
            for n, parent in zip(writer.blocks, writer.parents, strict=True)
        ),
        times=tuple(_time_mark(n, writer.length) for n in writer.times),
        json_ld=tuple(builder.json_ld),
        base_url=builder.base_url,
        root=builder.root,
        runs=tuple(writer.runs),
    )

"""Tests for liveblog.html.extract: visible text, block structure, chrome, offsets, fragments."""

from __future__ import annotations

import pytest

from liveblog.html.extract import extract
from liveblog.model import Span


def test_paragraphs_are_separated_by_a_blank_line() -> None:
    """Each <p> stands on its own, with a blank line between paragraphs."""
    assert extract("<p>One</p><p>Two</p>").text == "One\n\nTwo"


def test_br_is_a_line_break_and_two_make_a_blank_line() -> None:
    """<br> breaks the line; two in a row leave a blank line."""
    assert extract("<p>a<br>b<br><br>c</p>").text == "a\nb\n\nc"


def test_block_elements_start_their_own_line() -> None:
    """Headings, list items and divs each start a line."""
    page = "<h2>Head</h2><ul><li>one</li><li>two</li></ul><div>end</div>"
    assert extract(page).text == "Head\none\ntwo\nend"


def test_articles_are_separated_by_two_blank_lines() -> None:
    """Article and section boundaries leave two blank lines."""
    page = "<article><p>a</p></article><article><p>b</p></article><section>c</section>"
    assert extract(page).text == "a\n\n\nb\n\n\nc"


def test_whitespace_collapses_like_a_browser() -> None:
    """Runs of blanks and newlines inside a block become one space; edges are trimmed."""
    page = "<p>\n   Talks \t end\n  <b>now</b> .\n</p>"
    assert extract(page).text == "Talks end now ."


def test_no_break_space_is_kept() -> None:
    """&nbsp; is not collapsed: markers may rely on it."""
    assert extract("<p>UPDATE&nbsp;1548 GMT: x</p>").text == "UPDATE\u00a01548 GMT: x"


def test_pre_keeps_its_lines() -> None:
    """Text inside <pre> keeps its line breaks and spaces."""
    assert extract("<pre>a  b\nc</pre>").text == "a  b\nc"


def test_entities_are_decoded() -> None:
    """Character references become characters."""
    assert extract("<p>fish &amp; chips &#8212; &lt;3</p>").text == "fish & chips — <3"


@pytest.mark.parametrize(
    "chrome",
    [
        "<script>var a = 'UPDATE 1200 GMT: x';</script>",
        "<style>p { color: red }</style>",
        "<noscript>Enable JavaScript</noscript>",
        "<nav>Home News</nav>",
        "<aside>Most read</aside>",
        "<form><label>Email</label></form>",
        "<button>Copy link</button>",
        "<iframe src='x'>frame</iframe>",
        "<template><p>later</p></template>",
        "<svg><text>icon</text></svg>",
        "<div class='cookie-banner'>We use cookies</div>",
        "<div id='consentManager'>Accept</div>",
        "<div class='share-tools'>Share on X</div>",
        "<ul class='social'><li>Facebook</li></ul>",
        "<div class='newsletter'>Sign up</div>",
        "<div class='related-articles'>More</div>",
        "<div class='ad-slot'>Advertisement</div>",
        "<div class='ad-slot--mpu'>Advertisement</div>",
        "<div class='liveblog__share'>Share</div>",
        "<div class='social-embed-share'>Share this post</div>",
        "<ul class='social-links'><li>Instagram</li></ul>",
        "<section id='comments'>Nice post</section>",
        "<ol class='comment-list'><li>Nice post</li></ol>",
        "<div class='commentSection'>Nice post</div>",
        "<div id='comments' class='discussion'>Nice post</div>",
        "<div class='breadcrumbs'>Home › World</div>",
        "<div role='navigation'>Skip</div>",
        "<div aria-label='Share this post'>X</div>",
        "<div hidden>secret</div>",
        "<div aria-hidden='true'>icon</div>",
        "<p style='display: none'>invisible</p>",
        "<header>Site name</header>",
        "<footer>Copyright</footer>",
        # "load more" and page links under the stream (BBC, Bootstrap, WordPress)
        "<div class='lx-pagination'><a href='?page=2'>Show more</a> Page 1 of 12</div>",
        "<ul class='pagination'><li><a href='?page=2'>2</a></li><li>Next</li></ul>",
        "<div class='liveblog-pager'><a href='/live/2'>Older posts</a></div>",
    ],
)
def test_chrome_is_dropped(chrome: str) -> None:
    """Scripts, navigation, banners, share tools, comments and hidden parts leave no text."""
    assert extract(f"<p>Before</p>{chrome}<p>After</p>").text == "Before\n\nAfter"


@pytest.mark.parametrize(
    "kept",
    [
        "<span class='comment-count'>12</span>",
        "<div class='shareable-quote'>12</div>",
        "<div class='adjacent'>12</div>",
        "<article class='post has-share-buttons'>12</article>",
        "<article><header>12</header></article>",
        "<main role='navigation'>12</main>",
        "<div class='page-wrapper has-sidebar with-ads'>12</div>",
        "<div class='article--with-share is-sticky'>12</div>",
        "<div class='no-ads'>12</div>",
        # an embedded post quoted in an entry (BBC: "social-embed"): its text is content
        "<div class='social-embed'><blockquote class='twitter-tweet'><p>12</p></blockquote></div>",
        "<div data-component='social-embed'><blockquote><p>12</p></blockquote></div>",
        "<div class='social-media-post'><blockquote><p>12</p></blockquote></div>",
        "<div class='embed-social-twitter'><blockquote><p>12</p></blockquote></div>",
        "<figure class='socialEmbed'><blockquote><p>12</p></blockquote></figure>",
        "<div class='block ad-free'><p>12</p></div>",
    ],
)
def test_content_with_chrome_like_names_is_kept(kept: str) -> None:
    """Whole-word matching keeps "comment-count", "shareable", articles and their headers."""
    assert "12" in extract(f"<p>Before</p>{kept}").text


def test_form_wrapping_the_page_is_kept() -> None:
    """An ASP.NET-style <form> around the whole page is content, not a signup form."""
    page = "<form id='aspnetForm'><main><p>UPDATE 0900 GMT: a</p></main></form>"
    assert extract(page).text == "UPDATE 0900 GMT: a"


def test_key_events_list_is_dropped_with_its_heading() -> None:
    """A "Key events" heading and its list of links to entry anchors leave no text."""
    page = (
        "<h2>Key events</h2><ul><li><a href='#b2'>UPDATE 0900 GMT: b</a></li>"
        "<li><a href='?page=with:b1#b1'><time>4h ago</time> a</a></li></ul>"
        "<p id='b2'>UPDATE 0900 GMT: b</p>"
    )
    assert extract(page).text == "UPDATE 0900 GMT: b"


def test_list_of_external_links_is_kept() -> None:
    """A list in an entry whose links go to other pages is content."""
    page = "<ul><li><a href='https://example.org/a#x'>Berlin</a> closed</li></ul>"
    assert extract(page).text == "Berlin closed"


def test_key_events_box_without_a_list_is_dropped() -> None:
    """A "Key updates" heading followed by a div of anchor links leaves no text."""
    page = "<h3>Key updates</h3><div><a href='#a'>one</a> <a href='#b'>two</a></div><p>Body</p>"
    assert extract(page).text == "Body"


def test_time_elements_are_recorded_with_their_offsets() -> None:
    """A <time datetime> keeps its visible text, and its span points at that text."""
    x = extract("<p>Intro</p><p><time datetime='2024-01-16T08:31Z'>08:31</time> Talks</p>")
    (mark,) = x.times
    assert mark.datetime == "2024-01-16T08:31Z"
    assert x.text[slice(*mark.span)] == "08:31"


def test_microdata_date_published_is_recorded_where_the_text_starts() -> None:
    """A datePublished <meta> is a time mark with an empty span before the next text."""
    page = (
        "<div><p>a</p></div><div itemscope><meta itemprop='datePublished' "
        "content='2024-01-16T08:31Z'><span></span><p>b</p></div>"
    )
    x = extract(page)
    (mark,) = x.times
    assert (mark.datetime, mark.span) == ("2024-01-16T08:31Z", Span(3, 3))
    assert x.text[3:] == "b"
    assert [b.span for b in x.blocks] == [Span(0, 1), Span(0, 1), Span(3, 4), Span(3, 4)]


def test_blocks_record_where_their_text_lands() -> None:
    """Block spans cover exactly the block's text."""
    x = extract("<div><p>One</p><h2>Two</h2></div>")
    spans = {b.tag: x.text[slice(*b.span)] for b in x.blocks}
    assert spans == {"div": "One\n\nTwo", "p": "One", "h2": "Two"}


def test_json_ld_scripts_are_collected() -> None:
    """The texts of ld+json scripts are kept; other scripts are not."""
    page = "<script>a()</script><script type='application/ld+json'>{\"a\": 1}</script>"
    assert extract(page).json_ld == ('{"a": 1}',)


def test_fragment_is_sanitised() -> None:
    """Fragments drop scripts, event handlers, styles and javascript: links."""
    page = (
        "<div><p onclick='steal()' style='color:red'>A <a href='javascript:x()'>b</a>"
        " <a href='https://example.org/'>c</a></p><script>bad()</script></div>"
    )
    x = extract(page)
    assert x.fragment(Span(0, len(x.text))) == (
        '<div><p>A <a>b</a> <a href="https://example.org/">c</a></p></div>'
    )


@pytest.mark.parametrize(
    ("page", "expected"),
    [
        ("<A<script type='x'>UPDATE 1548 GMT:", "UPDATE 1548 GMT:"),
        ("<p<img src=x>a</p<img>", "a"),
        ('<b"onmouseover=x>a</b"onmouseover=x>', "a"),
    ],
)
def test_fragment_drops_tags_whose_names_are_no_names(page: str, expected: str) -> None:
    """Regression (found by the markup-soup property): a tag run into the next one,
    ``<A<script ...>``, is one element named ``a<script`` to the tokeniser, and
    fragments wrote it back as ``<a<script>``; such elements give their content only."""
    x = extract(page)
    assert x.fragment(Span(0, len(x.text))) == expected


def test_fragment_of_part_of_a_container_keeps_only_that_part() -> None:
    """A span over some of a container's children gives those children only."""
    x = extract("<div><p>one</p><p>two</p><p>three</p></div>")
    start = x.text.index("two")
    assert x.fragment(Span(start, len(x.text))) == "<p>two</p><p>three</p>"


def test_implied_end_tags_close_paragraphs_and_items() -> None:
    """An unclosed <p> ends at the next block; an unclosed <li> at the next item."""
    x = extract("<p>one<div>two</div><ul><li>a<li>b</ul>")
    assert x.text == "one\n\ntwo\na\nb"
    assert [b.tag for b in x.blocks] == ["p", "div", "ul", "li", "li"]


def test_stray_end_tags_are_ignored() -> None:
    """End tags with no open element change nothing."""
    assert extract("</div></p><p>a</span></p></b>").text == "a"


def test_unclosed_comment_runs_to_the_end() -> None:
    """An unclosed comment hides the rest of the page, as in browsers."""
    assert extract("<p>a</p><!-- b <p>c</p>").text == "a"


@pytest.mark.parametrize("section", ["<![if !IE]>", "<![foo[bar]]>", "<![CDATA[x > y]]>", "<!["])
def test_marked_sections_do_not_raise(section: str) -> None:
    """Conditional comments and bogus marked sections are skipped without an error."""
    assert extract(f"<p>a</p>{section}<p>b</p>").text in {"a\n\nb", "a"}


def test_deep_nesting_does_not_overflow() -> None:
    """Ten thousand nested elements neither recurse too deep nor lose the text."""
    page = "<div>" * 10_000 + "deep" + "</div>" * 10_000
    assert extract(page).text == "deep"


@pytest.mark.parametrize(
    "junk", ["<", "<<>>", "<p <p>", "</", "<!doctype", "<?xml", "<a href='x", "&#xD800;", "<\x00>"]
)
def test_extract_reads_junk_without_raising(junk: str) -> None:
    """Fragments of markup give some text (possibly empty) instead of an exception."""
    assert isinstance(extract(junk).text, str)


_POST = (
    "<article id='block-3'{attrs}><time datetime='2023-11-02T08:12:00Z'>08:12</time>"
    "<h2>Schools shut in Jersey</h2><p>All schools in Jersey will be closed today, the"
    " government said.</p><p>Parents were told on Wednesday evening.</p></article>"
)
_OTHER = (
    "<article id='block-4'><time datetime='2023-11-02T09:47:00Z'>09:47</time>"
    "<h2>Flights cancelled</h2><p>Around 40 flights have been cancelled.</p></article>"
)


@pytest.mark.parametrize(
    "pinned",
    [
        # the Guardian's layout: a labelled box above the stream holding a copy of the post
        "<div id='pinned-post'><p class='label'>Pinned post</p>{post}"
        "<button>Show more</button></div>",
        "<div data-gu-name='pinned-post'>{post}</div>",
        "<section class='liveblog-pinned'>{post}</section>",
        "<div class='liveblog__pinnedPost'>{post}</div>",
    ],
)
def test_pinned_copy_of_an_entry_is_dropped(pinned: str) -> None:
    """Regression: a post pinned at the top of the page and shown again in its place in
    the stream gave two identical entries (and two feed items). The pinned copy, whose
    text the page repeats, is dropped like the key-events box; the post stays once."""
    copy = pinned.format(post=_POST.format(attrs=" class='block pinned'"))
    stream = f"<div id='liveblog-body'>{_OTHER}{_POST.format(attrs='')}</div>"
    page = f"<main><h1>Storm live</h1>{copy}{stream}</main>"
    x = extract(page)
    assert x.text.count("All schools in Jersey") == 1
    assert "Pinned post" not in x.text
    assert x.text.startswith("Storm live\n\n\n09:47\nFlights cancelled")


def test_pinned_post_shown_only_once_is_kept() -> None:
    """A pinned post that the stream does not repeat is content."""
    post = _POST.format(attrs=" class='pinned'")
    page = f"<main><div id='pinned-post'>{post}</div>{_OTHER}</main>"
    x = extract(page)
    assert "All schools in Jersey" in x.text
    assert "Flights cancelled" in x.text


def test_pinned_copy_that_differs_from_the_post_is_kept() -> None:
    """A pinned box whose text is not all repeated (an edited copy) is kept."""
    pinned = _POST.format(attrs="").replace("Wednesday evening", "Wednesday night")
    page = f"<main><div class='pinned-post'>{pinned}</div>{_POST.format(attrs='')}</main>"
    assert extract(page).text.count("All schools in Jersey") == 2


def _wordpress_entry(number: int, author: str, clock: str, text: str) -> str:
    """An entry as WordPress's Live Blog plugin writes it: a <header> in a <div>."""
    return (
        f"<div id='liveblog-entry-{number}' class='liveblog-entry'>"
        f"<header class='liveblog-meta'><span class='liveblog-author-name'>{author}</span>"
        f"<a class='liveblog-time-update' href='#liveblog-entry-{number}'>"
        f"<abbr class='liveblog-timestamp'>{clock}</abbr></a></header>"
        f"<div class='liveblog-entry-text'><p>{text}</p></div></div>"
    )


def test_entry_headers_outside_articles_are_kept() -> None:
    """Regression: a <header> outside article, section and main was always page chrome,
    so the Live Blog plugin's entry headers, which hold each entry's time and author,
    were dropped: no markers, one entry. Headers and footers of repeated containers
    (entries) are content; the site's own header and footer are still dropped."""
    page = (
        "<body><header id='masthead' class='site-header'>The Daily</header>"
        "<div id='page'><div class='entry-content'><h1>Budget day live</h1>"
        "<div class='liveblog-feed'>"
        + _wordpress_entry(913, "Jane Smith", "12:52 pm", "The chancellor has sat down.")
        + _wordpress_entry(910, "Tom Jones", "12:31 pm", "National insurance is cut.")
        + "</div></div></div><footer id='colophon'>© The Daily</footer></body>"
    )
    assert extract(page).text == (
        "Budget day live\n"
        "Jane Smith12:52 pm\n\nThe chancellor has sat down.\n\n"
        "Tom Jones12:31 pm\n\nNational insurance is cut."
    )


def test_list_of_entries_with_permalinks_is_kept() -> None:
    """Regression: a minute-by-minute list whose items link their time to their own
    anchor (a permalink) and say little else ("Goal!") was taken for a key-events list
    of links and dropped whole, silently. Links to the item itself are no such links."""
    items = "".join(
        f"<li id='e{i}'><a class='permalink' href='#e{i}'>{clock}</a> {text}</li>"
        for i, (clock, text) in enumerate([("16:52", "FT!"), ("16:31", "Goal!"), ("15:02", "KO")])
    )
    inner = "".join(
        f"<li><div id='post-{i}'><a href='?page=1#post-{i}'>{clock}</a> Goal!</div></li>"
        for i, clock in enumerate(["16:31", "15:47"])
    )
    assert extract(f"<ol>{items}</ol>").text == "16:52 FT!\n16:31 Goal!\n15:02 KO"
    assert extract(f"<ul>{inner}</ul>").text == "16:31 Goal!\n15:47 Goal!"
    # a real key-events list, linking to entries elsewhere, still goes
    key = "<ul><li><a href='#e1'>16:31 Goal!</a></li><li><a href='#e0'>FT</a></li></ul>"
    assert extract(key + f"<ol>{items}</ol>").text == "16:52 FT!\n16:31 Goal!\n15:02 KO"


def test_comment_widget_is_found_by_its_reply_controls() -> None:
    """Comments with two reply controls or more (``<button>Reply</button>``) are dropped
    with their thread and its heading, whatever their class names; one ``Reply`` link
    alone, or a sentence about replies, is a post's own text."""
    thread = (
        "<main><article><p>14:05 Post one.</p><p>13:40 Post two: read the reply.</p></article>"
        "<section class='voices'><h3>12 readers</h3><div class='v'><p>Nice</p>"
        "<button>Reply</button></div><div class='v'><p>Agreed</p><a href='#r'>Reply</a>"
        "</div></section></main>"
    )
    text = extract(thread).text
    assert "Post two: read the reply." in text
    assert "12 readers" not in text
    assert "Agreed" not in text
    single = "<main><p>14:05 Post one.</p><p>Agreed</p><a href='#r'>Reply</a></main>"
    assert "Agreed" in extract(single).text


def test_posts_with_reply_buttons_are_no_comment_widget() -> None:
    """Posts with a headline and a reply button each (a reader Q&A) stay: comments have
    no headings."""
    page = (
        "<main><div class='q'><h2>Can I still vote?</h2><p>14:05 Yes, until 10pm.</p>"
        "<button>Reply</button></div><div class='q'><h2>Where?</h2>"
        "<p>13:40 At your polling station.</p><button>Reply</button></div></main>"
    )
    text = extract(page).text
    assert "Yes, until 10pm." in text
    assert "At your polling station." in text

"""Live pages without times whose posts are numbered (``Post 14``, ``#12``, ``3.``):
the ``numbered-post`` dialect and the run of numbers it needs (see ``markers.choice``)."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

import liveblog

DAY = dt.date(2024, 3, 15)

_POSTS = [
    ("Arsenal get Bayern", "Mikel Arteta's side will play the first leg at home."),
    ("Draw under way", "Former Chelsea defender Ricardo Carvalho is doing the honours."),
    ("Who is in the pot?", "Arsenal, Barcelona, Bayern Munich and PSG."),
    ("Good morning", "Welcome to our coverage of the draws in Nyon."),
]

# how a page writes one post: its number, headline and text
SHAPES = {
    "post-line": "Post {n}\n{head}\n{body}",
    "post-colon": "Post {n}: {head}\n{body}",
    "hash-line": "#{n}\n{head}\n{body}",
    "hash-space": "#{n} {head}\n{body}",
    "update-line": "Update {n}\n{head}\n{body}",
    "update-hash": "Update #{n} - {head}\n{body}",
    "entry-line": "Entry {n}\n{head}\n{body}",
    "bare-dot": "{n}. {head}\n{body}",
}


def _page(shape: str, numbers: list[int], posts: list[tuple[str, str]]) -> str:
    blocks = [
        SHAPES[shape].format(n=n, head=head, body=body)
        for n, (head, body) in zip(numbers, posts, strict=True)
    ]
    return "Champions League draw: live\nSort by latest\n\n" + "\n\n".join(blocks)


@pytest.mark.parametrize("shape", list(SHAPES))
def test_numbered_posts_counting_down_are_entries(shape: str) -> None:
    """A page whose posts open with numbers counting down by one is split at each,
    newest first: untimed entries in page order, the number as marker, the headline
    under it or beside it."""
    tl = liveblog.parse(_page(shape, [14, 13, 12, 11], _POSTS), date=DAY, tz="Europe/London")
    assert tl.order == "newest-first"
    assert [w.code for w in tl.warnings if w.code == "no-markers"] == []
    page = tl.source_order
    assert [e.headline for e in page] == [head for head, _ in _POSTS]
    assert [e.body.splitlines()[-1] for e in page] == [body for _, body in _POSTS]
    assert [e.published for e in page] == [None] * 4
    assert [e.ordinal for e in page] == [0, 1, 2, 3]
    assert [e.marker.lstrip("#").split()[-1].lstrip("#") for e in page] == [
        "14",
        "13",
        "12",
        "11",
    ]
    assert tl.dialect.names == ("numbered-post",)
    assert tl.preamble.text == "Champions League draw: live\nSort by latest"


@pytest.mark.parametrize("shape", [s for s in SHAPES if s != "bare-dot"])
def test_numbered_posts_counting_up_are_entries_oldest_first(shape: str) -> None:
    """Post numbers that count up by one down the page are an oldest-first blog."""
    tl = liveblog.parse(_page(shape, [1, 2, 3, 4], _POSTS), date=DAY, tz="Europe/London")
    assert tl.order == "oldest-first"
    assert [e.headline for e in tl.source_order] == [head for head, _ in _POSTS]
    assert [e.marker for e in tl.entries] == [e.marker for e in tl.source_order]


@pytest.mark.parametrize(
    ("numbers", "split"),
    [
        ([14, 13, 12, 11], True),
        ([14, 13, 11, 10], True),  # one post deleted: a gap of one number
        ([3, 2, 1], True),
        ([3, 2], False),  # two numbers are no run
        ([14, 12, 10, 8], False),  # counting by two: not post numbers
        ([14, 13, 11, 9], False),  # more gaps than steps of one
        ([14, 13, 15, 12], False),  # not one direction
        ([14, 9, 5, 1], False),
    ],
)
def test_a_run_counts_by_one(numbers: list[int], split: bool) -> None:
    """Numbers open entries only when they count by one across the page (at least
    three; a gap from a deleted post is tolerated while most steps are one)."""
    tl = liveblog.parse(
        _page("post-line", numbers, _POSTS[: len(numbers)]), date=DAY, tz="Europe/London"
    )
    assert (len(tl) == len(numbers)) is split
    assert (len(tl) == 1) is (not split)


_LISTICLE = """\
Five things we learned from the budget

The chancellor set out her plans on Wednesday. Here is what they mean.

1. Income tax thresholds stay frozen
The freeze now runs until 2030, dragging more earners into higher bands.

2. Fuel duty is cut again
Drivers will pay 5p less per litre for another year.

3. A new tax on vapes
From October, liquids will carry a duty of 22p per 10ml.

4. More money for defence
Spending rises to 2.5% of national income by 2027.
"""

_LIST_IN_POST = """\
City marathon confirms new route

The organisers have confirmed a new route for this year's race.

Highlights:
1. 2024 race: 50,000 runners, the largest field in its history
2. 2025 race: ballot opens on 28 April
3. Charity places: call 020 7946 0321
4. Road closures: see the council's website

Race director Hugh Brasher said the race is still growing.
"""

_REUTERS = """\
UPDATE 3-Oil prices rise as Middle East tensions flare

By Jane Doe

LONDON, Jan 22 (Reuters) - Oil prices rose on Monday.

UPDATE 2-Oil prices rise on supply worries

Oil prices edged higher in early trade.

UPDATE 1-Oil steadies

Oil was steady in Asian trade.
"""

_VOTES = """\
Results of the council vote

3
votes for the motion, from the Green group.

2
votes against it, from the independents.

1
abstention, from the chair.
"""

_COUNTDOWN_LISTICLE = """\
The best films of the decade

Our critics pick their favourites.

3. Aftersun
Charlotte Wells's debut is a quiet marvel.

2. Parasite
Bong Joon-ho's satire took the Palme d'Or and the Oscar.

1. Portrait of a Lady on Fire
Celine Sciamma's love story is the decade's best film.
"""

_PROSE_NUMBERS = """\
The council met on Tuesday.

Update 3 of the plan was approved after a long debate about the budget.

Post 2 of the series is due next week, the clerk said.

Entry 1 in the register records the first meeting.
"""


@pytest.mark.parametrize(
    "text",
    [_LISTICLE, _LIST_IN_POST, _REUTERS, _VOTES, _COUNTDOWN_LISTICLE, _PROSE_NUMBERS],
    ids=["listicle", "list-in-post", "reuters-versions", "votes", "countdown-to-1", "prose"],
)
def test_numbered_lists_are_no_posts(text: str) -> None:
    """An article's numbered list (counting up, a list inside one post, a countdown to
    number one), Reuters story versions (``UPDATE 3-``), vote counts and numbers in
    sentences never split the page: one entry and a ``no-markers`` warning."""
    tl = liveblog.parse(text, date=DAY, tz="Europe/London")
    assert len(tl) == 1
    assert tl.entries[0].marker == ""
    assert "no-markers" in [w.code for w in tl.warnings]


def test_numbered_posts_below_a_title_keep_every_character() -> None:
    """The preamble and the numbered entries tile the text: every non-blank character
    is in exactly one of them."""
    text = _page("hash-line", [7, 6, 5], _POSTS[:3]) + "\n\nShow more"
    tl = liveblog.parse(text, date=DAY, tz="Europe/London")
    assert len(tl) == 3
    pieces = [tl.preamble.span, *(e.span for e in tl.source_order)]
    covered = "".join(text[s.start : s.end] for s in pieces if s.end > s.start)
    assert "".join(covered.split()) == "".join(text.split())


def test_timed_pages_ignore_post_numbers() -> None:
    """On a page of timed markers, post numbers stay text: the times open the entries."""
    text = (
        "Live\n\nUPDATE 1548 GMT: Post 3 is the latest.\n\n"
        "UPDATE 1320 GMT: Post 2.\n\nUPDATE 0930 GMT: Post 1."
    )
    tl = liveblog.parse(text, date=DAY)
    assert tl.dialect.names == ("update",)
    assert len(tl) == 3


_HEADS = st.text(
    alphabet=st.characters(whitelist_categories=("Lu", "Ll"), max_codepoint=0x7F),
    min_size=3,
    max_size=20,
).map(lambda s: s[0].upper() + s[1:].lower())


@given(
    top=st.integers(min_value=4, max_value=400),
    count=st.integers(min_value=3, max_value=8),
    heads=st.lists(_HEADS, min_size=8, max_size=8),
    shape=st.sampled_from([s for s in SHAPES if s != "bare-dot"]),
)
def test_any_shape_gives_the_same_entries(
    top: int, count: int, heads: list[str], shape: str
) -> None:
    """A page of numbered posts rendered in any of the shapes gives the same entries:
    the same headlines and bodies, in the same order, newest first, none timed, their
    spans tiling the text; and the bare ``N.`` shape too when the run stops above
    post 1."""
    count = min(count, top - 1)
    numbers = list(range(top, top - count, -1))
    posts = [(h, f"Text of post {k}.") for k, h in enumerate(heads[:count])]
    reference = liveblog.parse(_page("post-line", numbers, posts), date=DAY, tz="UTC")
    for other in (shape, "bare-dot"):
        tl = liveblog.parse(_page(other, numbers, posts), date=DAY, tz="UTC")
        assert tl.order == reference.order == "newest-first"
        assert [(e.headline, e.body.splitlines()[-1], e.published) for e in tl] == [
            (e.headline, e.body.splitlines()[-1], e.published) for e in reference
        ]
        assert len(tl) == count
        text = _page(other, numbers, posts)
        spans = [tl.preamble.span, *(e.span for e in tl.source_order)]
        covered = "".join(text[s.start : s.end] for s in spans)
        assert "".join(covered.split()) == "".join(text.split())  # the spans tile the text


@pytest.mark.parametrize("head", ["Midday", "Noon", "Midnight"])
def test_a_time_in_a_numbered_posts_headline_keeps_the_run(head: str) -> None:
    """``Update #2 - Midday`` alone reads as an update at noon; in a run of numbered
    posts it is one of them, its time word the headline (found by the property above)."""
    posts = [("Aaa", "Text of post 0."), ("Aaa", "Text of post 1."), (head, "Text of post 2.")]
    tl = liveblog.parse(_page("update-hash", [4, 3, 2], posts), date=DAY, tz="UTC")
    assert tl.dialect.names == ("numbered-post",)
    assert tl.order == "newest-first"
    assert [(e.marker, e.headline, e.published) for e in tl] == [
        ("Update #2", head, None),
        ("Update #3", "Aaa", None),
        ("Update #4", "Aaa", None),
    ]
    lone = liveblog.parse(f"Update #2 - {head}\n\nText of post 2.", date=DAY, tz="UTC")
    assert [e.published is not None for e in lone] == [True]  # alone, still a time


def test_a_forced_numbered_dialect_orders_by_the_numbers() -> None:
    """Forced, the dialect opens an entry at every candidate, and the numbers still
    give the order."""
    (numbered,) = [d for d in liveblog.DEFAULT_DIALECTS if d.name == "numbered-post"]
    tl = liveblog.parse(_page("post-line", [2, 1], _POSTS[:2]), date=DAY, dialect=numbered)
    assert tl.order == "newest-first"
    assert [e.marker for e in tl.source_order] == ["Post 2", "Post 1"]

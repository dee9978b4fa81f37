"""Tests for liveblog.feeds.incremental: incremental runs against a previous feed."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path
from typing import Any
from unittest import mock

import attrs
import jsonschema  # type: ignore[import-untyped]
import pytest
from hypothesis import assume, example, given, settings
from hypothesis import strategies as st

import liveblog
from liveblog import Entry, FeedError, Span, Timeline
from liveblog.feeds import (
    FeedChanges,
    SnapshotChanges,
    changes,
    from_json_feed,
    to_json_feed,
    update_feed,
)
from liveblog.feeds._common import rfc3339
from tests.strategies import TRICKY_LINES, bodies, sentences
from tests.test_feeds_strategies import seed_timeline, timelines

SCHEMA = json.loads((Path(__file__).parent / "jsonfeed-1.1.schema.json").read_text("utf-8"))
NOW = dt.datetime(2024, 1, 22, 18, 0, tzinfo=dt.UTC)


def _feed(tl: Timeline) -> dict[str, Any]:
    loaded: dict[str, Any] = json.loads(json.dumps(to_json_feed(tl)))
    return loaded


def _without(tl: Timeline, *ids: str) -> Timeline:
    return attrs.evolve(tl, entries=[e for e in tl if e.id not in ids])


def _ids(feed: dict[str, Any]) -> list[str]:
    return [item["id"] for item in feed["items"]]


def test_same_feed_twice_changes_nothing() -> None:
    """Running again on an unchanged blog reports everything unchanged."""
    feed = _feed(seed_timeline())
    merged, changes = update_feed(feed, feed)
    assert merged == feed
    assert changes == FeedChanges(unchanged=_ids(feed))
    assert not changes.has_changes


def test_new_update_is_reported_as_new() -> None:
    """An update the previous run did not see is new; the others are unchanged."""
    tl = seed_timeline()
    previous = _feed(_without(tl, "7c4c361103020b96"))
    merged, changes = update_feed(previous, _feed(tl))
    assert _ids(merged) == _ids(_feed(tl))
    assert changes.new == ("7c4c361103020b96",)
    assert changes.unchanged == ("8dc0a0cde8c5e98b", "19083d3747e5508b", "06f292e9a4acbf58")
    assert str(changes) == "1 new, 0 changed, 3 unchanged, 0 removed\nnew: 7c4c361103020b96"


def test_moved_offsets_do_not_count_as_changes() -> None:
    """Spans and ordinals shift as the blog grows; that alone is not a change."""
    tl = seed_timeline()
    shifted = attrs.evolve(
        tl, entries=[attrs.evolve(e, span=Span(e.span.start + 50, e.span.end + 50)) for e in tl]
    )
    merged, changes = update_feed(_feed(tl), _feed(shifted))
    assert not changes.has_changes
    assert merged["items"][0]["_liveblog"]["span"] == [50, 140]


def test_edited_body_is_changed_and_stamped() -> None:
    """An edited body is a change; with now it gets date_modified, which later runs keep."""
    tl = seed_timeline()
    edited = attrs.evolve(tl, entries=[*tl.entries[:3], attrs.evolve(tl[3], body="Corrected.")])
    merged, changes = update_feed(_feed(tl), _feed(edited), now=NOW)
    assert changes.changed == ("7c4c361103020b96",)
    assert merged["items"][0]["date_modified"] == "2024-01-22T18:00:00+00:00"
    assert "date_modified" not in merged["items"][1]
    again, changes = update_feed(merged, _feed(edited))
    assert not changes.has_changes
    assert again["items"][0]["date_modified"] == "2024-01-22T18:00:00+00:00"
    jsonschema.validate(again, SCHEMA)


def test_vanished_items_are_kept_in_place() -> None:
    """An item the run no longer finds stays in the feed beside its old neighbours."""
    tl = seed_timeline()
    merged, changes = update_feed(_feed(tl), _feed(_without(tl, "8dc0a0cde8c5e98b")))
    assert _ids(merged) == _ids(_feed(tl))
    assert merged["items"][1] == _feed(tl)["items"][1]
    assert changes.removed == ("8dc0a0cde8c5e98b",)
    assert str(changes).splitlines()[-1] == "removed (kept): 8dc0a0cde8c5e98b"
    assert from_json_feed(merged) == tl


def test_vanished_items_at_the_ends_stay_at_the_ends() -> None:
    """Vanished newest and oldest items stay on top and at the bottom."""
    tl = seed_timeline()
    current = _feed(_without(tl, "7c4c361103020b96", "06f292e9a4acbf58"))
    merged, _ = update_feed(_feed(tl), current)
    assert _ids(merged) == _ids(_feed(tl))
    merged, _ = update_feed(_feed(tl), {**current, "items": []})
    assert _ids(merged) == _ids(_feed(tl))


def _kept_in_place_reference(
    items: list[tuple[str, dict[str, Any]]],
    old_items: list[tuple[str, dict[str, Any]]],
    removed: set[str],
) -> None:
    """The placement rule of _insert_kept, written as plainly as it reads (cubic)."""
    old_order = [item_id for item_id, _ in old_items]
    for index, (item_id, item) in enumerate(old_items):
        if item_id not in removed:
            continue
        placed = [i for i, _ in items]
        above = next((q for q in reversed(old_order[:index]) if q in placed), None)
        below = next((q for q in old_order[index + 1 :] if q in placed and q not in removed), None)
        if above is not None:
            at = placed.index(above) + 1
        elif below is not None:
            at = placed.index(below)
        else:
            at = len(items)
        items.insert(at, (item_id, item))


@given(st.lists(st.integers(0, 30), unique=True), st.lists(st.integers(0, 30), unique=True))
def test_vanished_items_are_placed_by_the_rule(old: list[int], new: list[int]) -> None:
    """Every vanished item goes back where the plain rule puts it."""
    from liveblog.feeds.incremental import _insert_kept

    old_items = [(str(i), {"id": str(i)}) for i in old]
    present = {str(i) for i in new}
    removed = {i for i, _ in old_items if i not in present}
    expected = [(str(i), {"id": str(i)}) for i in new]
    got = list(expected)
    _kept_in_place_reference(expected, old_items, removed)
    _insert_kept(got, old_items, removed)
    assert got == expected


def test_many_vanished_items_are_kept_quickly() -> None:
    """Regression: putting vanished items back took cubic time (each looked for its
    neighbours in a fresh list of ids): 1,000 items 14 s, 4,000 more than 10 minutes."""
    import time

    items = [{"id": f"o{i}", "content_text": f"Old {i}."} for i in range(4000)]
    old: dict[str, Any] = {"version": "https://jsonfeed.org/version/1.1", "items": items}
    current = {**old, "items": [{"id": "n", "content_text": "New."}]}
    started = time.perf_counter()
    merged, changes = update_feed(old, current)
    assert time.perf_counter() - started < 10
    assert len(changes.removed) == 4000
    assert _ids(merged) == ["n", *(f"o{i}" for i in range(4000))]


def test_same_text_under_a_new_id_keeps_the_old_id() -> None:
    """An entry whose id changed but whose text did not keeps its previous id."""
    tl = seed_timeline()
    renamed = attrs.evolve(
        tl, entries=[*tl.entries[:3], attrs.evolve(tl[3], id="aaaaaaaaaaaaaaaa")]
    )
    merged, changes = update_feed(_feed(tl), _feed(renamed))
    assert _ids(merged) == _ids(_feed(tl))
    assert changes == FeedChanges(
        unchanged=_ids(_feed(tl)), reidentified=[("7c4c361103020b96", "aaaaaaaaaaaaaaaa")]
    )
    assert str(changes).splitlines()[-1] == "kept id 7c4c361103020b96 for aaaaaaaaaaaaaaaa"


def test_same_time_and_marker_under_a_new_id_keeps_the_old_id() -> None:
    """An entry with a new id and new text but the same time and marker keeps its id."""
    tl = seed_timeline()
    moved = attrs.evolve(tl[3], id="bbbbbbbbbbbbbbbb", body="Rewritten.")
    merged, changes = update_feed(
        _feed(tl), _feed(attrs.evolve(tl, entries=[*tl.entries[:3], moved]))
    )
    assert _ids(merged)[0] == "7c4c361103020b96"
    assert changes.changed == ("7c4c361103020b96",)
    assert changes.reidentified == (("7c4c361103020b96", "bbbbbbbbbbbbbbbb"),)


@pytest.mark.parametrize(
    ("previous", "message", "path"),
    [
        ({"items": []}, "previous feed: not a JSON Feed: missing version", "/version"),
        (
            {"version": "https://jsonfeed.org/version/1.1", "items": [{"title": "x"}]},
            "previous feed: item has no id",
            "/items/0/id",
        ),
    ],
)
def test_bad_previous_feed(previous: dict[str, Any], message: str, path: str) -> None:
    """A previous document that is not a usable feed raises FeedError with its path."""
    with pytest.raises(FeedError) as info:
        update_feed(previous, _feed(seed_timeline()))
    assert (info.value.msg, info.value.path) == (message, path)


def test_naive_now_is_rejected() -> None:
    """A naive now raises ValueError naming the parameter."""
    feed = _feed(seed_timeline())
    with pytest.raises(ValueError, match=r"^now must be timezone-aware"):
        update_feed(feed, feed, now=dt.datetime(2024, 1, 22))  # noqa: DTZ001


def test_numeric_ids_in_previous_feed_are_strings() -> None:
    """Numeric ids in a previous feed are compared as strings, as the spec says."""
    entry = Entry(id="7", marker="", body="Same.", span=Span(0, 5))
    previous = {**_feed(Timeline([entry])), "items": [{"id": 7, "content_text": "Same."}]}
    _, changes = update_feed(previous, _feed(Timeline([entry])))
    assert changes.unchanged == ("7",)


def test_changes_to_dict() -> None:
    """FeedChanges.to_dict gives plain lists for a machine-readable report."""
    changes = FeedChanges(new=["a"], removed=["b"], reidentified=[("c", "d")])
    assert changes.to_dict() == {
        "new": ["a"],
        "changed": [],
        "unchanged": [],
        "removed": ["b"],
        "reidentified": [["c", "d"]],
    }


@given(timelines(), st.data())
def test_incremental_runs_keep_every_id(tl: Timeline, data: st.DataObject) -> None:
    """Every previous id survives, ids stay unique and the report partitions the feed."""
    kept = data.draw(
        st.lists(st.sampled_from(tl.entries), unique=True) if tl.entries else st.just([])
    )
    current_entries = data.draw(
        st.lists(st.sampled_from(tl.entries), unique=True) if tl.entries else st.just([])
    )
    previous = _feed(attrs.evolve(tl, entries=[e for e in tl if e in kept]))
    current = _feed(attrs.evolve(tl, entries=[e for e in tl if e in current_entries]))
    merged, changes = update_feed(previous, current)
    ids = _ids(merged)
    assert len(set(ids)) == len(ids)
    assert set(_ids(previous)) <= set(ids)
    parts = (changes.new, changes.changed, changes.unchanged, changes.removed)
    assert sorted(i for part in parts for i in part) == sorted(ids)
    assert len(ids) == len(_ids(previous)) + len(changes.new)
    jsonschema.validate(merged, SCHEMA)
    assert len(from_json_feed(merged)) == len(ids)


def test_first_run_without_previous_feed() -> None:
    """With no previous feed every item is new and the feed is the current one."""
    feed = _feed(seed_timeline())
    merged, changes = update_feed(None, feed)
    assert merged == feed
    assert changes == FeedChanges(new=_ids(feed))


# --- the spec, audited ---------------------------------------------------------------

V11 = "https://jsonfeed.org/version/1.1"


def test_a_change_without_now_keeps_the_last_date_modified() -> None:
    """An item changed again on a run without ``now`` keeps its last
    ``date_modified`` instead of losing it."""
    old = {
        "version": V11,
        "title": "t",
        "items": [{"id": "a", "content_text": "x", "date_modified": "2024-01-01T00:00:00+00:00"}],
    }
    new = {"version": V11, "title": "t", "items": [{"id": "a", "content_text": "y"}]}
    feed, changes = update_feed(old, new)
    assert changes.changed == ("a",)
    assert feed["items"] == [
        {"id": "a", "content_text": "y", "date_modified": "2024-01-01T00:00:00+00:00"}
    ]


def test_repeated_ids_keep_every_item() -> None:
    """A feed that repeats an id loses no item: the repeat is ``id~2`` in both feeds."""
    old = {
        "version": V11,
        "title": "t",
        "items": [{"id": "b", "content_text": "two"}, {"id": "b", "content_text": "one"}],
    }
    new = {
        "version": V11,
        "title": "t",
        "items": [
            {"id": "c", "content_text": "three"},
            {"id": "b", "content_text": "two"},
            {"id": "b", "content_text": "one"},
        ],
    }
    feed, changes = update_feed(old, new)
    assert [(i["id"], i["content_text"]) for i in feed["items"]] == [
        ("c", "three"),
        ("b", "two"),
        ("b~2", "one"),
    ]
    assert changes == FeedChanges(new=("c",), unchanged=("b", "b~2"))
    kept, _ = update_feed(old, {**new, "items": new["items"][:1]})
    assert _ids(kept) == ["c", "b", "b~2"]


def test_text_as_written_matches_a_feed_from_before_markup_was_dropped() -> None:
    """A previous feed whose content_text still had markup matches the item whose
    extension keeps that text, so a new id does not show the item twice."""
    entry = Entry(id="new", marker="", body="Flood warning** for the valley.", span=Span(0, 1))
    current = _feed(Timeline([entry]))
    assert current["items"][0]["content_text"] == "Flood warning for the valley."
    old = {
        "version": V11,
        "title": "t",
        "items": [{"id": "old", "content_text": "Flood warning** for the valley."}],
    }
    feed, changes = update_feed(old, current)
    assert _ids(feed) == ["old"]
    assert changes.reidentified == (("old", "new"),)


# --- a blog that deletes a post (audit20) ---------------------------------------------

DAY = dt.date(2024, 1, 22)


def test_deleting_the_older_of_two_posts_at_one_minute_loses_no_text() -> None:
    """Regression: two posts stamped at the same minute get ids by occurrence, oldest
    first, so deleting the older one hands its id to the newer. The run reported the
    deleted post *changed* into the newer one's text (its own text gone from the feed)
    and kept the newer one's item as removed, so the feed showed the newer post twice.
    The newer post's exact text now wins over the id it inherited."""
    both = "UPDATE 0831 GMT:\nCorrection: eight drones.\n\nUPDATE 0831 GMT:\nSeven drones.\n\n"
    both += "UPDATE 0720 GMT:\nMorning."
    before = _feed(liveblog.parse(both, date=DAY))
    after = _feed(liveblog.parse(both.replace("UPDATE 0831 GMT:\nSeven drones.\n\n", ""), date=DAY))
    feed, changes = update_feed(before, after, now=NOW)
    assert [(i["id"], i["content_text"]) for i in feed["items"]] == [
        (i["id"], i["content_text"]) for i in before["items"]
    ]
    assert all("date_modified" not in item for item in feed["items"])
    correction, deleted, morning = _ids(before)
    assert changes == FeedChanges(
        unchanged=(correction, morning), removed=(deleted,), reidentified=[(correction, deleted)]
    )


@given(
    st.lists(st.sampled_from(["0720", "0831", "0945"]), min_size=1, max_size=8),
    st.data(),
)
def test_deleted_posts_keep_their_text_and_the_others_their_items(
    clocks: list[str], data: st.DataObject
) -> None:
    """Deleting any posts of a blog (whose posts share clock times) keeps every
    previous item with its own text, once, and changes none of them: the survivors
    are unchanged under their previous ids and the deleted ones kept as removed."""
    posts = [f"UPDATE {clock} GMT:\nPost {n}." for n, clock in enumerate(sorted(clocks))]
    kept = data.draw(st.lists(st.sampled_from(range(len(posts))), unique=True).map(sorted))
    before = _feed(liveblog.parse("\n\n".join(reversed(posts)), date=DAY))
    survivors = [posts[n] for n in kept]
    after = _feed(liveblog.parse("\n\n".join(reversed(survivors)), date=DAY))
    feed, changes = update_feed(before, after, now=NOW)
    assert sorted((i["id"], i["content_text"]) for i in feed["items"]) == sorted(
        (i["id"], i["content_text"]) for i in before["items"]
    )
    assert not changes.has_changes
    assert len(changes.unchanged) == len(kept)


# --- an article that becomes a live blog (feeds21) ------------------------------------

ARTICLE = (
    "The UK has sent satellite photographs to the UN.\n"
    "Officials confirmed the move at a briefing in New York."
)
UPDATE = "UPDATE 1548 GMT:\nZelenskiy says he had talks with Tusk.\n\n"


@pytest.mark.parametrize(
    "first",
    [
        ARTICLE,
        f"UK sends photos to the UN\n\n{ARTICLE}",
        f"**Kyiv**\n\n{ARTICLE}",
        f"By Jane Doe, Reuters\n\n{ARTICLE}",
    ],
    ids=["bare", "headline", "markdown-heading", "byline"],
)
@pytest.mark.parametrize(
    "later",
    [
        f"{UPDATE}ORIGINAL ENTRY: {ARTICLE}",
        "**UPDATE 1548 GMT:** Zelenskiy says he had talks with Tusk.\n\n"
        f"**ORIGINAL ENTRY:** {ARTICLE}",
        f"UK sends photos to the UN\n\n{UPDATE}ORIGINAL ENTRY:\n{ARTICLE}",
        f"{UPDATE}{ARTICLE}",
        f"{UPDATE}[Original story] {ARTICLE}",
        f"{UPDATE}UPDATE 0800 GMT:\n{ARTICLE}",
    ],
    ids=["original-entry", "bold-markers", "headline-above", "updates-above", "label", "timed"],
)
def test_an_article_that_becomes_a_live_blog_is_one_item(first: str, later: str) -> None:
    """Regression: a page first read as an article (no markers: one untimed entry) that
    later becomes a live blog, the article under ``ORIGINAL ENTRY:`` (or a label, or a
    marker) or below the updates, gave the article twice: the previous item (its text
    with the page's heading, or without the label) matched nothing and was kept beside
    the current item holding the same words. The item holding the article's words now
    keeps the article's id."""
    article = _feed(liveblog.parse(first, date=DAY))
    (item,) = article["items"]
    feed, changes = update_feed(article, _feed(liveblog.parse(later, date=DAY)), now=NOW)
    holding = [i for i in feed["items"] if "satellite photographs" in i["content_text"]]
    assert [i["id"] for i in holding] == [item["id"]]
    assert not changes.removed
    assert item["id"] in changes.unchanged + changes.changed
    assert len(feed["items"]) == len({i["content_text"] for i in feed["items"]})


def test_an_article_is_not_matched_to_a_post_quoting_a_few_of_its_words() -> None:
    """The previous article's item takes a current item that holds all its words or most
    of them, never one that holds a few: the article's text would be lost from the feed."""
    article = _feed(liveblog.parse(ARTICLE, date=DAY))
    later = "UPDATE 1548 GMT:\nThe UK has sent satellite photographs.\n\nORIGINAL ENTRY: Gone."
    feed, changes = update_feed(article, _feed(liveblog.parse(later, date=DAY)), now=NOW)
    assert changes.removed == (article["items"][0]["id"],)
    assert article["items"][0] in feed["items"]


# --- successive snapshots of a growing blog, parsed (feeds21) -------------------------
# Each post carries a token of its own (``Kq7q``), which its corrections keep, so the
# test can tell which item is which post whatever the matching did.

CLOCKS = (480, 511, 511, 600, 601, 720)  # minutes after midnight; two posts can share one


@attrs.frozen
class Post:
    """A post of the generated blog: its token number, time and text."""

    uid: int
    minutes: int | None
    """None for the ``ORIGINAL ENTRY``, the untimed oldest post."""
    body: str

    def render(self) -> str:
        """The post as the blog writes it."""
        if self.minutes is None:
            return f"ORIGINAL ENTRY: Kq{self.uid}q {self.body}"
        h, m = divmod(self.minutes, 60)
        return f"UPDATE {h:02d}{m:02d} GMT:\nKq{self.uid}q {self.body}"


@attrs.frozen
class Snapshot:
    """The page as one run reads it: the posts as they stand, newest first, and its date."""

    posts: tuple[Post, ...]
    day: dt.date

    def render(self) -> str:
        """The page's text."""
        return "\n\n".join(post.render() for post in self.posts)


def _newest_first(posts: list[Post]) -> list[Post]:
    return sorted(
        posts, key=lambda p: (-1 if p.minutes is None else p.minutes, p.uid), reverse=True
    )


CORRECTIONS = ("Correction:", "Updated:", "(corrected)", "Clarification:")


@st.composite
def corrected(draw: st.DrawFn, body: str) -> str:
    """``body`` corrected: a word of correction put before or after it.

    Among posts at one time, only the words tell a corrected post from another (their
    ids count them by the page's order), so a correction keeps the post's words: a
    post rewritten as another's words cannot be told from that post.
    """
    word = draw(st.sampled_from(CORRECTIONS))
    return f"{word} {body}" if draw(st.booleans()) else f"{body} {word}"


@st.composite
def snapshots(draw: st.DrawFn) -> list[Snapshot]:
    """Two to five snapshots of a blog: each adds posts (mostly on top), corrects
    (see :func:`corrected`), retimes, deletes or swaps some, or moves the page to the
    next day.

    A run changes only what a reader could still tell apart: it does not both correct
    and retime one post (a post at a new time with new text is a new post), nor add a
    post at the time of one it deleted (that is the post corrected); and the oldest
    timed post (token 0, at 07:00) stays, so the page's order is known when its other
    posts share one time (an id counts the posts at one time oldest first).
    """
    texts = st.one_of(sentences(), bodies(), st.sampled_from(TRICKY_LINES))
    posts = [Post(0, 420, draw(texts))]
    if draw(st.booleans()):
        posts.append(Post(1, None, draw(texts)))
    uid = len(posts)
    day = DAY
    runs: list[Snapshot] = []
    deleted: set[int | None] = set()
    for _ in range(draw(st.integers(2, 5))):
        touched: set[int] = set()
        added: set[int | None] = set()
        for op in draw(st.lists(st.sampled_from("aaacdtsn"), max_size=4)):
            timed = [n for n, p in enumerate(posts) if p.minutes is not None and p.uid]
            if op == "a":
                clock = draw(st.sampled_from(CLOCKS))
                if clock not in deleted:
                    posts.append(Post(uid, clock, draw(texts)))
                    posts = _newest_first(posts)
                    added.add(clock)
                    uid += 1
            elif op in "ct" and (op == "c" or timed):
                at = draw(st.integers(0, len(posts) - 1) if op == "c" else st.sampled_from(timed))
                if posts[at].uid in touched:
                    continue
                touched.add(posts[at].uid)
                if op == "c":
                    posts[at] = attrs.evolve(posts[at], body=draw(corrected(posts[at].body)))
                elif (retimed := draw(st.sampled_from(CLOCKS))) not in deleted:
                    posts[at] = attrs.evolve(posts[at], minutes=retimed)
                    added.add(retimed)
            elif op == "d" and timed:
                at = draw(st.sampled_from(timed))
                if posts[at].minutes not in added:
                    deleted.add(posts[at].minutes)
                    del posts[at]
            elif op == "s" and len(timed) > 1:
                at = draw(st.integers(0, len(timed) - 2))
                i, j = timed[at], timed[at + 1]
                posts[i], posts[j] = posts[j], posts[i]
            elif op == "n":
                day += dt.timedelta(days=1)
        runs.append(Snapshot(tuple(posts), day))
    return runs


def _token(item: dict[str, Any]) -> int:
    found = [int(t) for t in re.findall(r"\bKq(\d+)q\b", item["content_text"])]
    assert len(found) == 1, item
    return found[0]


def _visible(item: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in item.items() if k not in ("id", "date_modified") and k[0] != "_"}


NEXT = DAY + dt.timedelta(days=1)


@given(snapshots())
@example(  # the ORIGINAL ENTRY corrected as the page's date moved, which moved its id
    [
        Snapshot((Post(0, 420, "Talks."), Post(1, None, "The Evidence")), DAY),
        Snapshot((Post(0, 420, "Talks."), Post(1, None, "Aid. The Evidence")), NEXT),
    ]
)
@example(  # a post corrected as the page's date moved, which moved every id and time
    [
        Snapshot((Post(1, 480, "The Evidence"), Post(0, 420, "Talks.")), DAY),
        Snapshot((Post(1, 480, "Aid. The Evidence"), Post(0, 420, "Talks.")), NEXT),
    ]
)
@example(  # a post corrected, and a new one at its time below it: the ids swapped
    [
        Snapshot((Post(1, 480, "Talks."), Post(0, 420, "Talks.")), DAY),
        Snapshot(
            (Post(1, 480, "Talks.\n\nAid."), Post(2, 480, "The Evidence"), Post(0, 420, "Aid.")),
            DAY,
        ),
    ]
)
@example(  # a post retimed keeps its id; a new post at its old time computes that id
    [
        Snapshot((Post(2, 480, "Talks."), Post(1, 480, "The Evidence"), Post(0, 420, "Aid.")), DAY),
        Snapshot((Post(2, 511, "Talks."), Post(1, 480, "The Evidence"), Post(0, 420, "Aid.")), DAY),
        Snapshot((Post(3, 480, "Talks."), Post(1, 480, "The Evidence"), Post(0, 420, "Aid.")), DAY),
    ]
)
@example(  # the date moved, and a post corrected as a new one came at its time (above)
    [
        Snapshot((Post(1, 480, "The Evidence"), Post(0, 420, "Talks.")), DAY),
        Snapshot((Post(1, 480, "Aid. The Evidence"), Post(0, 420, "Talks.")), NEXT),
        Snapshot(
            (
                Post(2, 480, "Talks."),
                Post(1, 480, "Aid. The Evidence\n\nDrones."),
                Post(0, 420, "Talks."),
            ),
            NEXT,
        ),
    ]
)
@example(  # one of three posts at one time deleted, another corrected: by their words
    [
        Snapshot((Post(1, 480, "Talks."), Post(0, 420, "Talks.")), DAY),
        Snapshot(
            (
                Post(3, 480, "The."),
                Post(2, 480, "Talks."),
                Post(1, 480, "Talks."),
                Post(0, 420, "Talks."),
            ),
            DAY,
        ),
        Snapshot(
            (Post(3, 480, "Talks. The."), Post(1, 480, "Talks."), Post(0, 420, "Talks.")), DAY
        ),
    ]
)
@example(  # of two posts at one time, one deleted and one corrected with the other's words
    [
        Snapshot((Post(1, 480, "Talks."), Post(0, 420, "Talks.")), DAY),
        Snapshot(
            (
                Post(3, 511, "2024"),
                Post(2, 511, "The Evidence Talks talks."),
                Post(1, 480, "Talks."),
                Post(0, 420, "Talks."),
            ),
            DAY,
        ),
        Snapshot(
            (Post(3, 511, "Talks talks. 2024"), Post(1, 480, "Talks."), Post(0, 420, "Talks.")),
            DAY,
        ),
    ]
)
def test_folding_snapshots_of_a_growing_blog(runs: list[Snapshot]) -> None:
    """Folding a blog's successive snapshots, parsed, into the feed run by run: every
    post stands in the feed once, with its current text (a deleted one with its last);
    a post keeps its id from run to run; ``date_modified`` is the run's ``now`` for the
    posts whose reader-visible content changed in that run, and moves for no other."""
    feed: dict[str, Any] | None = None
    last: dict[int, dict[str, Any]] = {}  # token -> the post's item in the last feed
    for number, run in enumerate(runs):
        now = NOW + dt.timedelta(hours=number)
        tl = liveblog.parse(run.render(), date=run.day)
        assume(len(tl) == len(run.posts))
        current = {_token(item): item for item in _feed(tl)["items"]}
        assert sorted(current) == sorted(p.uid for p in run.posts)
        feed, changes = update_feed(feed, _feed(tl), now=now)
        items: dict[int, dict[str, Any]] = {}
        for item in feed["items"]:
            token = _token(item)
            assert token not in items, f"post {token} listed twice"
            items[token] = item
        assert len({item["id"] for item in feed["items"]}) == len(feed["items"])
        assert set(items) == set(last) | set(current)
        for token, item in items.items():
            before = last.get(token)
            if token not in current:  # deleted: kept as it was
                assert item == before
                continue
            assert _visible(item) == _visible(current[token])
            if before is None:
                assert "date_modified" not in item
                continue
            assert item["id"] == before["id"]
            if _visible(item) != _visible(before):
                assert item["date_modified"] == rfc3339(now)
                assert item["id"] in changes.changed
            else:
                assert item.get("date_modified") == before.get("date_modified")
                assert item["id"] in changes.unchanged
        last = items


@pytest.mark.fuzz
@settings(max_examples=1_500, deadline=None)
@given(snapshots())
def test_folding_snapshots_of_a_growing_blog_fuzz(runs: list[Snapshot]) -> None:
    """The long run of the property above (LIVEBLOG_FUZZ=1)."""
    test_folding_snapshots_of_a_growing_blog.hypothesis.inner_test(runs)  # type: ignore[attr-defined]


# --- comparing two snapshots: changes() (feeds21) -------------------------------------

BEFORE = "UPDATE 0831 GMT:\nSeven drones.\n\nUPDATE 0720 GMT:\nSirens.\n\nORIGINAL ENTRY: Kyiv."


def _changes(after: str, before: str = BEFORE) -> SnapshotChanges:
    return changes(liveblog.parse(before, date=DAY), liveblog.parse(after, date=DAY))


def _bodies(entries: tuple[Entry, ...]) -> list[str]:
    return [e.body for e in entries]


def test_changes_of_the_same_snapshot() -> None:
    """A snapshot compared with itself: every entry unchanged, paired with itself."""
    tl = liveblog.parse(BEFORE, date=DAY)
    diff = changes(tl, tl)
    assert diff == SnapshotChanges(unchanged=[(e, e) for e in tl])
    assert not diff.has_changes
    assert str(diff) == "0 added, 0 changed, 3 unchanged, 0 removed"


def test_changes_added_on_top() -> None:
    """A post added on top is added; the others are unchanged though their offsets moved."""
    diff = _changes(f"UPDATE 0945 GMT:\nTalks.\n\n{BEFORE}")
    assert _bodies(diff.added) == ["Talks."]
    assert [(a.body, b.body) for a, b in diff.unchanged] == [
        ("Kyiv.", "Kyiv."),
        ("Sirens.", "Sirens."),
        ("Seven drones.", "Seven drones."),
    ]
    assert all(a.span != b.span and a.id == b.id for a, b in diff.unchanged)
    assert str(diff) == f"1 added, 0 changed, 3 unchanged, 0 removed\nadded: {diff.added[0].id}"


def test_changes_removed() -> None:
    """A deleted post is removed, with its last text."""
    diff = _changes(BEFORE.replace("UPDATE 0720 GMT:\nSirens.\n\n", ""))
    assert _bodies(diff.removed) == ["Sirens."]
    assert not diff.added
    assert not diff.changed
    assert diff.has_changes


def test_changes_changed_text_time_and_markup() -> None:
    """A post whose text, time (a corrected marker: a new id) or markup alone changed is
    changed, paired with its old self; the time correction says both ids."""
    diff = _changes(
        BEFORE.replace("Seven drones.", "Eight drones.")
        .replace("UPDATE 0720 GMT:", "UPDATE 0725 GMT:")
        .replace("Kyiv.", "**Kyiv.**")
    )
    assert [(a.body, b.body) for a, b in diff.changed] == [
        ("Kyiv.", "**Kyiv.**"),
        ("Sirens.", "Sirens."),
        ("Seven drones.", "Eight drones."),
    ]
    (_, (old, new), _) = diff.changed
    assert old.id != new.id
    assert f"{old.id} (now {new.id})" in str(diff)
    assert not diff.added
    assert not diff.removed


def test_changes_of_an_article_that_became_a_live_blog() -> None:
    """The article read before the page had markers is the entry that holds it now."""
    diff = changes(
        liveblog.parse(f"UK sends photos to the UN\n\n{ARTICLE}", date=DAY),
        liveblog.parse(f"{UPDATE}ORIGINAL ENTRY: {ARTICLE}", date=DAY),
    )
    assert [e.marker for e in diff.added] == ["UPDATE 1548 GMT"]
    assert [(a.marker, b.marker) for a, b in diff.changed] == [("", "ORIGINAL ENTRY")]
    assert not diff.removed


def test_snapshot_changes_to_dict() -> None:
    """Plain data: entries as Entry.to_dict gives them, pairs as old and new."""
    diff = _changes(BEFORE.replace("Seven drones.", "Eight drones."))
    data = json.loads(json.dumps(diff.to_dict()))
    assert [pair["new"]["body"] for pair in data["changed"]] == ["Eight drones."]
    assert [len(data[k]) for k in ("added", "removed", "changed", "unchanged")] == [0, 0, 1, 2]


def test_changes_wants_timelines() -> None:
    """Anything but two timelines is a TypeError that names the argument."""
    tl = liveblog.parse(BEFORE, date=DAY)
    with pytest.raises(TypeError, match=r"^new must be a Timeline, got dict$"):
        changes(tl, _feed(tl))  # type: ignore[arg-type]


@given(timelines(), st.data())
def test_changes_agree_with_update_feed(tl: Timeline, data: st.DataObject) -> None:
    """changes() pairs entries exactly as update_feed pairs the items of their feeds: its
    added are the run's new items, its removed the removed ones, its pairs the others
    (under the previous id); every entry of each snapshot is in exactly one place."""
    kept = data.draw(st.lists(st.sampled_from(tl.entries), unique_by=id)) if len(tl) else []
    old = attrs.evolve(tl, entries=[e for e in tl if e in kept] or tl.entries[:1])
    diff = changes(old, tl)
    _, report = update_feed(_feed(old), _feed(tl))
    pairs = diff.changed + diff.unchanged
    assert sorted(e.id for e in diff.removed) == sorted(report.removed)
    assert len(diff.added) == len(report.new)
    assert sorted(a.id for a, _ in pairs) == sorted(report.changed + report.unchanged)
    assert sorted(id(e) for e in (*diff.added, *(b for _, b in pairs))) == sorted(map(id, tl))
    assert sorted(id(e) for e in (*diff.removed, *(a for a, _ in pairs))) == sorted(map(id, old))


def test_a_crowd_of_corrected_posts_at_one_time_pairs_oldest_first() -> None:
    """Posts at one time and marker, all corrected, pair up by their words; beyond
    _MOST_PAIRS pairs to compare, oldest first (each keeps its item either way here)."""
    posts = [f"UPDATE 0831 GMT:\nPost {n} on drones." for n in range(4)]
    before = _feed(liveblog.parse("\n\n".join(posts), date=DAY))
    moved = [p.replace("drones.", "drones, corrected.") for p in posts]
    after = liveblog.parse("\n\n".join(moved), date=DAY + dt.timedelta(days=1))
    for most in (16, 15):  # 4 x 4 pairs: compared, then too many
        with mock.patch("liveblog.feeds.incremental._MOST_PAIRS", most):
            feed, changes = update_feed(before, _feed(after))
        assert not changes.new
        assert [(i["id"], i["content_text"][:6]) for i in feed["items"]] == [
            (i["id"], i["content_text"][:6]) for i in before["items"]
        ]

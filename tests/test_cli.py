"""Tests of the ``liveblog`` command line."""

from __future__ import annotations

import contextlib
import datetime as dt
import gzip
import io
import json
import lzma
import os
import re
import subprocess
import sys
import threading
import tracemalloc
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import attrs
import feedparser  # type: ignore[import-untyped]
import pytest

import liveblog
from benchmarks.corpora import huge_blog
from liveblog.cli import _render_text, main
from liveblog.html import parse_document

SEEDS = Path(__file__).parent.parent / "seeds"
BLOG = str(SEEDS / "eaworldview-2024-01-22.txt")
ARTICLE = str(SEEDS / "article-no-markers.txt")


def test_parse_json_matches_golden(capsys: pytest.CaptureFixture[str]) -> None:
    """``parse --format json`` prints the timeline the golden file holds."""
    assert main(["parse", BLOG, "--date", "2024-01-22", "--format", "json"]) == 0
    out = json.loads(capsys.readouterr().out)
    golden = json.loads((SEEDS / "eaworldview-2024-01-22.json").read_text(encoding="utf-8"))
    assert out == {**golden["timeline"], "encoding": "utf-8"}


def test_parse_text_lists_entries(capsys: pytest.CaptureFixture[str]) -> None:
    """The text format lists one line per entry, oldest first."""
    assert main(["parse", BLOG, "--date", "2024-01-22"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].endswith("4 entries, newest-first, date 2024-01-22")
    assert lines[2].startswith("2024-01-22T07:20:00+00:00  UPDATE 0720 GMT  Ukraine President")


@pytest.mark.parametrize(
    ("blog", "advice"),
    [
        ("UPDATE 1602 GMT: y\n\nUPDATE 1548 GMT: x", "--date"),
        ("14:32: Talks.\n\n14:05: Start.", "--tz"),
    ],
)
def test_warnings_name_the_command_line_option(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], blog: str, advice: str
) -> None:
    """A warning that asks for the date or the zone names the option the command has."""
    path = tmp_path / "blog.txt"
    path.write_text(blog, encoding="utf-8")
    assert (
        main(["parse", str(path), *([] if advice == "--date" else ["--date", "2024-01-22"])]) == 0
    )
    assert re.search(rf"{advice}\b", capsys.readouterr().err)


def test_warnings_go_to_stderr_with_position(capsys: pytest.CaptureFixture[str]) -> None:
    """Warnings print as file:line:col: warning: message [code]; --quiet hides them."""
    assert main(["parse", ARTICLE]) == 0
    err = capsys.readouterr().err
    assert err == (
        f"{ARTICLE}:1:1: warning: no entry markers found; the whole text is one entry "
        "[no-markers]\n"
    )
    assert main(["parse", ARTICLE, "--quiet"]) == 0
    assert capsys.readouterr().err == ""


def test_strict_error_exit_code_and_message(capsys: pytest.CaptureFixture[str]) -> None:
    """--strict turns the warning into an error: exit 2, file:line:col: error: message."""
    assert main(["parse", ARTICLE, "--strict"]) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"{ARTICLE}:1:1: error: no entry markers found: 'Ukraine")


def test_broken_file_does_not_stop_the_others(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A missing or undecodable file is reported and the other files still parse."""
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\x81\x8d\x8f not text")
    code = main(["parse", str(tmp_path / "missing.txt"), str(bad), BLOG, "--format", "json"])
    assert code == 2
    captured = capsys.readouterr()
    assert json.loads(captured.out)[0]["order"] == "newest-first"
    assert f"{tmp_path / 'missing.txt'}: error: No such file or directory" in captured.err
    assert f"{bad}:1:1: error: not UTF-8" in captured.err  # the bad byte's line and column
    assert "(byte offset 0)" in captured.err


@pytest.mark.parametrize("form", ["json", "jsonfeed"])
@pytest.mark.parametrize("jobs", ["1", "2"])
def test_each_timeline_of_many_files_names_its_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], form: str, jobs: str
) -> None:
    """Regression: ``parse a b c --format json`` printed a list of the timelines that
    parsed, broken files left out, with nothing saying which file each came from, so
    the list could not be matched with the files. Each names its file (``source``)."""
    bad = tmp_path / "bad.html"
    bad.write_bytes(b"<p>\x81\x8d\x8f</p>")
    page = tmp_path / "page.html"
    page.write_text("<p>UPDATE 0900 GMT: b</p><p>UPDATE 0800 GMT: a</p>", encoding="utf-8")
    files = [str(tmp_path / "missing.txt"), BLOG, str(bad), str(page), ARTICLE]
    code = main(["parse", *files, "--date", "2024-01-22", "--format", form, "-q", "-j", jobs])
    assert code == 2
    out = json.loads(capsys.readouterr().out)
    if form == "json":
        timelines = [liveblog.Timeline.from_dict(t) for t in out]
    else:
        timelines = [liveblog.Timeline.from_json_feed(f) for f in out]
    names = [t.source.name if t.source is not None else None for t in timelines]
    assert names == [BLOG, str(page), ARTICLE]
    for tl in timelines:
        assert tl.source is not None
        source = tl.source
        assert all(e.sources == (liveblog.Provenance(source, e.id),) for e in tl)
        expected = parse_document(
            Path(source.name).read_bytes(),
            date=dt.date(2024, 1, 22),
            source=tl.source,
        )
        assert attrs.evolve(tl, text=None) == attrs.evolve(expected, text=None)


def test_stdin_and_output_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """``-`` reads stdin; -o writes the result to a file."""
    import io

    data = Path(BLOG).read_bytes()
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))
    out = tmp_path / "out.json"
    assert main(["parse", "-", "--date", "2024-01-22", "--format", "json", "-o", str(out)]) == 0
    assert len(json.loads(out.read_text(encoding="utf-8"))["entries"]) == 4


def test_bad_option_value_exits_2(capsys: pytest.CaptureFixture[str]) -> None:
    """A malformed --date is a usage error (exit 2), not a traceback."""
    with pytest.raises(SystemExit) as info:
        main(["parse", BLOG, "--date", "22/01/2024"])
    assert info.value.code == 2
    assert "not a date in YYYY-MM-DD form: '22/01/2024'" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("2024-13-01", "not a date: '2024-13-01' (month must be in 1..12)"),
        ("2024-02-30", "not a date: '2024-02-30' (day is out of range for month)"),
    ],
)
def test_an_impossible_date_says_what_is_wrong(
    value: str, message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """Regression: ``--date 2024-13-01`` was "not a date in YYYY-MM-DD form", which it
    is; the message now says which part is out of range."""
    with pytest.raises(SystemExit) as info:
        main(["parse", BLOG, "--date", value])
    assert info.value.code == 2
    assert capsys.readouterr().err.endswith(f"argument --date: {message}\n")


def test_internal_error_exit_1(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """An unexpected exception is reported in one line with exit code 1, no traceback."""
    from liveblog import many

    def boom(*_args: object, **_kwargs: Any) -> object:
        msg = "boom"
        raise RuntimeError(msg)

    monkeypatch.setattr(many, "parse_document", boom)
    assert main(["parse", BLOG]) == 1
    err = capsys.readouterr().err
    assert err == f"{BLOG}: internal error: RuntimeError: boom (please report it)\n"


def test_python_dash_m_runs_the_cli() -> None:
    """``python -m liveblog`` is the same command."""
    done = subprocess.run(
        [sys.executable, "-m", "liveblog", "parse", BLOG, "--date", "2024-01-22"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0
    assert "UPDATE 1548 GMT" in done.stdout


def test_feed_jsonfeed_equals_parse_format_jsonfeed(capsys: pytest.CaptureFixture[str]) -> None:
    """``feed`` and ``parse --format jsonfeed`` give the same feed."""
    assert main(["feed", BLOG, "--date", "2024-01-22"]) == 0
    feed = json.loads(capsys.readouterr().out)
    assert main(["parse", BLOG, "--date", "2024-01-22", "--format", "jsonfeed"]) == 0
    assert json.loads(capsys.readouterr().out) == feed
    assert feed["version"] == "https://jsonfeed.org/version/1.1"
    assert [i.get("date_published") for i in feed["items"]] == [
        "2024-01-22T15:48:00+00:00",
        "2024-01-22T08:31:00+00:00",
        "2024-01-22T07:20:00+00:00",
        None,
    ]


def test_feed_previous_reports_new_items(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """--previous keeps old ids and reports the update added since the last run."""
    old_text = Path(BLOG).read_text(encoding="utf-8")
    blog = tmp_path / "blog.txt"
    blog.write_text(old_text, encoding="utf-8")
    old = tmp_path / "old.json"
    assert main(["feed", str(blog), "--date", "2024-01-22", "-o", str(old)]) == 0
    new_text = old_text.replace(
        "UPDATE 1548 GMT:", "UPDATE 1712 GMT:\n\nTusk leaves Kyiv.\n\n\nUPDATE 1548 GMT:"
    )
    blog.write_text(new_text, encoding="utf-8")
    code = main(["feed", str(blog), "--date", "2024-01-22", "--previous", str(old)])
    assert code == 0
    captured = capsys.readouterr()
    feed = json.loads(captured.out)
    previous_ids = [i["id"] for i in json.loads(old.read_text(encoding="utf-8"))["items"]]
    assert [i["id"] for i in feed["items"]][1:] == previous_ids
    assert captured.err.startswith("1 new, 0 changed, 4 unchanged, 0 removed\nnew: ")


def test_a_scheduled_feed_keeps_the_blog_s_day_across_midnight(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Regression: without --date, a blog of times alone took its day from --now, so
    the first run after midnight, before any newer post, moved every post to the next
    day and reported them all changed. With --previous, the day is the one the previous
    feed recorded (its ``_liveblog`` date), said on stderr; a newer post after midnight
    is the next day's. From stdin too."""
    blog = tmp_path / "blog.txt"
    feed = tmp_path / "feed.json"
    evening = "UPDATE 2130 GMT: Talks resume.\n\nUPDATE 2040 GMT: Talks pause.\n"

    def run(now: str, name: str | None = None) -> tuple[dict[str, Any], str]:
        if name == "-":
            monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(blog.read_bytes())))
        args = [name or str(blog), "--now", now, "--previous", str(feed)]
        code = main(["feed", *args])
        assert code == 0
        out, err = capsys.readouterr()
        feed.write_text(out, encoding="utf-8")
        return json.loads(out), err

    blog.write_text(evening, encoding="utf-8")
    first, err = run("2024-01-22T22:00:00+00:00")
    assert err.startswith("2 new, 0 changed, 0 unchanged, 0 removed")
    assert first["_liveblog"]["date"] == "2024-01-22"
    published = [i["date_published"] for i in first["items"]]
    assert published == ["2024-01-22T21:30:00+00:00", "2024-01-22T20:40:00+00:00"]

    # after midnight, nothing new: the posts' clocks are after now's, so yesterday's
    second, err = run("2024-01-23T00:30:00+00:00")
    assert err.splitlines() == ["0 new, 0 changed, 2 unchanged, 0 removed"]
    # the next evening, still nothing new: now's day would move every post to it (the
    # blog read from stdin, parsed twice)
    second, err = run("2024-01-23T21:45:00+00:00", "-")
    assert err.splitlines() == [
        f"-: note: the blog writes no date; it opened on 2024-01-22, as {feed} has its "
        "posts, not on 2024-01-23 as --now puts them (give --date to set it)",
        "0 new, 0 changed, 2 unchanged, 0 removed",
    ]
    assert [i["date_published"] for i in second["items"]] == published
    assert second["_liveblog"]["date"] == "2024-01-22"

    # a post after midnight is the next day's, and now's day agrees
    blog.write_text("UPDATE 0045 GMT: Talks end.\n\n" + evening, encoding="utf-8")
    third, err = run("2024-01-23T22:00:00+00:00")
    assert err.splitlines()[0] == "1 new, 0 changed, 2 unchanged, 0 removed"  # no note
    assert [i["date_published"] for i in third["items"]] == [
        "2024-01-23T00:45:00+00:00",
        *published,
    ]

    # a page that dropped the posts the feed holds opens on now's day: nothing to keep
    blog.write_text("UPDATE 1000 GMT: Day three.\n", encoding="utf-8")
    fourth, err = run("2024-01-25T11:00:00+00:00")
    assert err.splitlines()[0] == "1 new, 0 changed, 0 unchanged, 3 removed"  # no note
    assert fourth["items"][0]["date_published"] == "2024-01-25T10:00:00+00:00"


def test_feed_atom_and_jsonld(capsys: pytest.CaptureFixture[str]) -> None:
    """--format atom writes Atom XML; --format jsonld a LiveBlogPosting."""
    assert main(["feed", BLOG, "--date", "2024-01-22", "--format", "atom", "--title", "EA"]) == 0
    atom = capsys.readouterr().out
    assert atom.startswith("<?xml")
    assert '<title type="text">EA</title>' in atom
    assert atom.endswith("</feed>\n")  # one line break ends it, no blank line
    assert main(["feed", BLOG, "--date", "2024-01-22", "--format", "jsonld", "--ended"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["@type"] == "LiveBlogPosting"
    assert data["coverageEndTime"] == "2024-01-22T15:48:00+00:00"


def test_feed_jsonld_can_stand_in_a_script_element(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Regression: ``feed --format jsonld`` wrote a post's ``</script>`` as it was, so
    the output pasted into a ``<script type="application/ld+json">`` element ended it
    there; ``<``, ``>`` and ``&`` are now JSON escapes, which read back the same."""
    blog = tmp_path / "blog.txt"
    blog.write_text("14:32 GMT\nThe page showed </script><!-- & more.\n", encoding="utf-8")
    assert main(["feed", str(blog), "--date", "2024-01-22", "--format", "jsonld"]) == 0
    out = capsys.readouterr().out
    assert "</script>" not in out
    assert "<" not in out
    body = json.loads(out)["liveBlogUpdate"][0]["articleBody"]
    assert body == "The page showed </script><!-- & more."


def test_feed_broken_previous_is_bad_input(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A --previous file that is not JSON is exit 2 with its position."""
    old = tmp_path / "old.json"
    old.write_text("{not json", encoding="utf-8")
    assert main(["feed", BLOG, "--date", "2024-01-22", "--previous", str(old)]) == 2
    assert capsys.readouterr().err.startswith(f"{old}:1:2: error: Expecting property name")


def test_parse_detects_html(capsys: pytest.CaptureFixture[str]) -> None:
    """An HTML page is read with parse_html: entries from its JSON-LD or visible text."""
    page = Path(__file__).parent / "html" / "01-jsonld-guardian.html"
    assert main(["parse", str(page), "--format", "json", "--quiet"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["origin"] == "json-ld"
    assert len(data["entries"]) > 1


def test_warnings_of_an_html_page_point_into_its_markup(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """An HTML page's warnings (and strict errors) give the line and column of the
    problem in the page's markup, the file the user has."""
    page = tmp_path / "page.html"
    page.write_text(
        "<!doctype html>\n<main>\n<p>UPDATE 0940 GMT: Talks.</p>\n"
        "<p>\n    UPDATE 2561 GMT: Bad.</p>\n</main>\n",
        encoding="utf-8",
    )
    assert main(["parse", str(page), "--date", "2024-01-16"]) == 0
    assert f"{page}:5:5: warning: invalid clock time '2561'" in capsys.readouterr().err
    assert main(["parse", str(page), "--date", "2024-01-16", "--strict"]) == 2
    assert f"{page}:5:5: error: invalid clock time '2561'" in capsys.readouterr().err


def test_merge_text_blogs_and_feeds(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """``merge`` takes text blogs and JSON Feeds, folds duplicates, and can merge again."""

    seed = liveblog.parse(Path(BLOG), date=dt.date(2024, 1, 22), mentions=False)
    copied = seed.entries[-1].body.replace("in Kyiv.", "in Kyiv on Monday.")  # a near copy
    other = tmp_path / "other.txt"
    other.write_text(
        f"UPDATE 1551 GMT: {copied}\n\nUPDATE 1200 GMT: Poland announces a new aid package.",
        encoding="utf-8",
    )
    assert main(["merge", BLOG, str(other), "--date", "2024-01-22", "--format", "json"]) == 0
    merged = json.loads(capsys.readouterr().out)
    assert merged["origin"] == "merge"
    assert len(merged["entries"]) == 5
    names = [[s["source"]["name"] for s in e["sources"]] for e in merged["entries"]]
    assert [BLOG, str(other)] in names
    feed = tmp_path / "merged.json"
    code = main(["merge", BLOG, str(other), "--date", "2024-01-22", "--format", "jsonfeed"])
    assert code == 0
    feed.write_text(capsys.readouterr().out, encoding="utf-8")
    assert main(["merge", str(feed), "--format", "json"]) == 0
    again = json.loads(capsys.readouterr().out)
    assert [e["id"] for e in again["entries"]] == [e["id"] for e in merged["entries"]]


def test_merge_broken_feed_is_bad_input(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A JSON Feed that is not valid JSON is reported and the other files still merge."""
    bad = tmp_path / "bad.json"
    bad.write_text('{"version": "https://jsonfeed.org/version/1.1", items', encoding="utf-8")
    assert main(["merge", str(bad), BLOG, "--date", "2024-01-22", "--format", "text"]) == 2
    captured = capsys.readouterr()
    assert captured.err.startswith(f"{bad}:1:")
    assert "4 entries" in captured.out


def test_jobs_give_the_same_output_in_order(capsys: pytest.CaptureFixture[str]) -> None:
    """--jobs 2 parses on two processes and prints what one process prints, in order."""
    files = [BLOG, ARTICLE, BLOG]
    assert main(["parse", *files, "--date", "2024-01-22", "--format", "json", "-q"]) == 0
    serial = capsys.readouterr().out
    assert main(["parse", *files, "--date", "2024-01-22", "--format", "json", "-q", "-j", "2"]) == 0
    assert capsys.readouterr().out == serial


@pytest.mark.parametrize(
    ("jobs", "message"),
    [
        ("-1", "not a number of processes (0 or more): '-1'"),
        ("x", "not a number of processes (0 or more): 'x'"),
        ("1025", "too many processes (at most 1024): '1025'"),
        ("99999999999", "too many processes (at most 1024): '99999999999'"),
    ],
)
def test_bad_jobs_value_exits_2(
    jobs: str, message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """A negative, non-numeric or huge --jobs is a usage error (regression: 99999999999
    was an internal error, OverflowError from the process pool)."""
    with pytest.raises(SystemExit) as info:
        main(["parse", BLOG, "--jobs", jobs])
    assert info.value.code == 2
    assert message in capsys.readouterr().err


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["merge", BLOG, "--window", "-5"], "not a number of minutes (0 or more): '-5'"),
        (["merge", BLOG, "--window", "nan"], "not a number of minutes (0 or more): 'nan'"),
        (["merge", BLOG, "--window", "inf"], "not a number of minutes (0 or more): 'inf'"),
        (["merge", BLOG, "--window", "1e300"], "not a number of minutes (0 or more): '1e300'"),
        (["parse", BLOG, "--tz", "Mars/Olympus"], "not a known time zone: 'Mars/Olympus'"),
        (["feed", BLOG, "--tz", "Mars/Olympus"], "not a known time zone: 'Mars/Olympus'"),
        (["merge", BLOG, "--tz", "Mars/Olympus"], "not a known time zone: 'Mars/Olympus'"),
        (["parse", BLOG, "--tz", ""], "not a known time zone: '' (an IANA name such as"),
        (["parse", BLOG, "--tz", "GMT+3"], "or an offset such as UTC+02:00)"),
    ],
)
def test_bad_window_and_zone_exit_2(
    argv: list[str], message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """Regression: a negative, NaN, infinite or huge --window and an unknown --tz were
    reported as internal errors (exit 1, "please report it"); they are usage errors. An
    empty --tz (the machine's zone) and a POSIX TZ string (GMT+3) are unknown zones."""
    with pytest.raises(SystemExit) as info:
        main(argv)
    assert info.value.code == 2
    assert message in capsys.readouterr().err


FEED_HEAD = b'{"version": "https://jsonfeed.org/version/1.1", "items": '


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (FEED_HEAD + b'[{"id": "1", "content_text": "caf\xe9"}]}', "1:91: error: not UTF-8"),
        (FEED_HEAD + b"[" * 100_000 + b"]" * 100_000 + b"}", " error: not a JSON Feed: nested"),
    ],
    ids=["latin-1", "deep"],
)
def test_undecodable_json_feeds_are_bad_input(
    data: bytes, message: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Regression: a JSON Feed in another encoding than UTF-8 or nested past Python's
    recursion limit, given to merge or as feed --previous, was an internal error (exit 1)."""
    bad = tmp_path / "bad.json"
    bad.write_bytes(data)
    assert main(["merge", str(bad), BLOG, "--date", "2024-01-22", "-q"]) == 2
    captured = capsys.readouterr()
    assert captured.err.startswith(f"{bad}:{message}")
    assert "4 entries" in captured.out
    assert main(["feed", BLOG, "--date", "2024-01-22", "--previous", str(bad)]) == 2
    captured = capsys.readouterr()
    assert captured.err.startswith(f"{bad}:{message}")


@pytest.mark.parametrize("output", ["json", "jsonfeed", "text", "atom"])
def test_lone_surrogates_from_a_feed_are_written(
    output: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Regression: a JSON Feed may escape a lone surrogate ("\\ud800"); merging it
    raised UnicodeEncodeError when printing (exit 1). JSON output writes it as the same
    escape, so the merged feed reads back to the same text."""
    feed = tmp_path / "feed.json"
    feed.write_bytes(FEED_HEAD + b'[{"id": "1", "content_text": "x\\ud800y"}]}')
    assert main(["merge", str(feed), "--format", output]) == 0
    out = capsys.readouterr().out
    if output == "json":
        assert json.loads(out)["entries"][0]["body"] == "x\ud800y"
    elif output == "jsonfeed":
        assert json.loads(out)["items"][0]["content_text"] == "x\ud800y"
    assert main(["feed", BLOG, "--date", "2024-01-22", "-q", "--previous", str(feed)]) == 0
    assert "x\\ud800y" in capsys.readouterr().out


def test_unreadable_previous_is_named(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Regression: a --previous that cannot be read (a directory) was reported under the
    output's name ('out.json: error: Is a directory'), not its own."""
    out = tmp_path / "out.json"
    code = main(["feed", BLOG, "-q", "--previous", str(tmp_path), "-o", str(out)])
    assert code == 2
    assert capsys.readouterr().err.startswith(f"{tmp_path}: error: ")


def test_feed_atom_with_previous_shows_the_changed_entry_as_updated(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Regression: ``feed --format atom --previous OLD.json --now T`` reported an entry
    as changed, and the JSON Feed gave it ``date_modified``, but the Atom document left
    its ``updated`` (and the feed's) at the entry's first publication, so readers never
    saw the correction. The Atom ``updated`` now carries the modification time."""
    page = tmp_path / "live.html"
    post = (
        "<article><time datetime='2024-11-06T0{h}:{m}:00Z'>{h}:{m} GMT</time>"
        "<h2>{title}</h2><p>{body}</p></article>"
    )
    first = post.format(h=3, m=15, title="Georgia", body="Voters waited until 9 p.m.")
    second = post.format(h=4, m=40, title="California", body="Polls have closed.")
    page.write_text(f"<main>{second}{first}</main>", encoding="utf-8")
    old = tmp_path / "old.json"
    assert main(["feed", str(page), "--previous", str(old), "-o", str(old), "-q"]) == 0
    edited = first.replace("9 p.m.", "9:30 p.m., officials said")
    page.write_text(f"<main>{second}{edited}</main>", encoding="utf-8")
    now = "2024-11-06T06:00:00+00:00"
    args = ["feed", str(page), "--previous", str(old), "--now", now]
    assert main([*args, "--format", "atom", "-q"]) == 0
    atom = feedparser.parse(capsys.readouterr().out)
    assert atom.feed.updated == now
    assert [(e.title, e.updated, e.published) for e in atom.entries] == [
        ("California", "2024-11-06T04:40:00+00:00", "2024-11-06T04:40:00+00:00"),
        ("Georgia", now, "2024-11-06T03:15:00+00:00"),
    ]
    assert main([*args, "-q"]) == 0
    feed = json.loads(capsys.readouterr().out)
    assert [i.get("date_modified") for i in feed["items"]] == [None, now]


def test_feed_atom_has_the_feed_url(capsys: pytest.CaptureFixture[str]) -> None:
    """Regression: ``feed --format atom --feed-url URL`` left the URL out of the Atom
    document (no ``link rel="self"``, which RFC 4287 asks for, and ids keyed on another
    value), although the JSON Feed of the same run had it."""
    url = "https://example.org/live/feed.atom"
    assert main(["feed", BLOG, "--date", "2024-01-22", "--format", "atom", "--feed-url", url]) == 0
    xml = capsys.readouterr().out
    # the command names no source without --url: its file is not the feed's name
    tl = liveblog.parse(Path(BLOG).read_bytes(), date=dt.date(2024, 1, 22))
    assert xml == liveblog.feeds.to_atom(tl, feed_url=url)
    assert f'<link rel="self" href="{url}" />' in xml


@pytest.mark.parametrize("command", ["feed", "merge"])
def test_atom_of_a_blog_without_times_is_updated_at_now(
    command: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """Regression: ``feed --format atom --now T`` (and ``merge``) of a blog with no times
    and no date wrote the Unix epoch as the feed's and entries' ``updated``; it is T, and
    without ``--now`` still the epoch, marked ``unknown``."""
    now = "2024-01-22T18:30:00+02:00"
    for args, stamp, found in [
        (["--now", now], now, "now"),
        ([], "1970-01-01T00:00:00+00:00", "unknown"),
    ]:
        assert main([command, ARTICLE, "--format", "atom", "-q", *args]) == 0
        xml = capsys.readouterr().out
        parsed = feedparser.parse(xml)
        assert not parsed.bozo
        stamps = [parsed.feed.updated, *(e.updated for e in parsed.entries)]
        assert len(stamps) > 1
        assert set(stamps) == {stamp}
        assert f"<lb:updated-from>{found}</lb:updated-from>" in xml


@pytest.mark.parametrize("form", ["json", "jsonfeed", "text"])
def test_many_files_are_written_as_they_are_parsed(
    form: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """Regression: ``parse`` kept every file's output in memory and wrote them all at
    the end, so a folder of blogs took memory in proportion to its size (2 GB for 400
    blogs of 240 KB with --format json) although parse_many runs in constant memory.
    Each file's output is now written before the next file is parsed, and the whole
    output is the same as before (one JSON list, or the texts a blank line apart)."""
    from liveblog import many

    files = [BLOG, ARTICLE, "missing.txt", BLOG]
    written_before: list[str] = []
    real = many.parse_document  # type: ignore[attr-defined]

    def spy(data: bytes, **options: Any) -> liveblog.Timeline:
        written_before.append(capsys.readouterr().out)
        return real(data, **options)

    args = ["parse", *files, "--date", "2024-01-22", "--format", form, "-q"]
    monkeypatch.setattr(many, "parse_document", spy)
    assert main(args) == 2
    out = "".join(written_before) + capsys.readouterr().out
    assert written_before[0] == ""
    assert written_before[1] != ""  # the first file's output, before the second is parsed
    assert written_before[2] != ""
    monkeypatch.setattr(many, "parse_document", real)
    names = [BLOG, ARTICLE, BLOG]
    timelines = [
        liveblog.parse(Path(n), date=dt.date(2024, 1, 22), source=liveblog.Source(name=n))
        for n in names
    ]
    if form == "json":
        data = [tl.to_dict(include_text=False) for tl in timelines]
        assert out == json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    elif form == "jsonfeed":
        data = [tl.to_json_feed() for tl in timelines]
        assert out == json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    else:
        texts = [_render_text(n, t) for n, t in zip(names, timelines, strict=True)]
        assert out == "\n\n".join(texts) + "\n"


def test_merge_reads_the_json_that_parse_writes(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Regression: ``merge`` took the timeline JSON that ``parse --format json`` writes
    (one timeline, or a list of them) for a text blog: one entry holding the JSON, with
    only a "no entry markers" warning. It is read as the timelines it holds, and other
    JSON is bad input (exit 2), never a blog."""
    single = tmp_path / "one.json"
    several = tmp_path / "many.json"
    args = ["--date", "2024-01-22", "--format", "json", "-q"]
    assert main(["parse", BLOG, *args, "-o", str(single)]) == 0
    assert main(["parse", BLOG, ARTICLE, *args, "-o", str(several)]) == 0
    assert main(["merge", BLOG, ARTICLE, *args]) == 0
    expected = json.loads(capsys.readouterr().out)
    assert main(["merge", str(several), *args]) == 0
    assert json.loads(capsys.readouterr().out) == expected
    assert main(["merge", str(single), *args]) == 0
    merged = json.loads(capsys.readouterr().out)
    assert len(merged["entries"]) == 4
    other = tmp_path / "other.json"
    other.write_text('{"entries": 3}', encoding="utf-8")
    assert main(["merge", str(other), BLOG, "-q"]) == 2
    assert f"{other}: error: not a JSON Feed or a liveblog timeline" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("options", "message"),
    [
        (["--format", "jsonld", "--previous", "old.json"], "--previous needs --format jsonfeed"),
        (["--ended"], "--ended needs --format jsonld"),
        (["--format", "atom", "--ended"], "--ended needs --format jsonld"),
    ],
)
def test_feed_options_that_do_not_apply_exit_2(
    options: list[str], message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """Regression: ``feed --format jsonld --previous OLD.json`` neither kept the old ids
    nor read the file, and ``--ended`` outside JSON-LD did nothing, all silently (exit
    0); an option that does not apply to the format is now a usage error."""
    with pytest.raises(SystemExit) as info:
        main(["feed", BLOG, "--date", "2024-01-22", *options])
    assert info.value.code == 2
    assert f"liveblog feed: error: {message}" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("argv", "where"),
    [
        (["feed"], ("jsonfeed", "language")),
        (["feed", "--format", "atom"], ("atom", "xml:lang")),
        (["feed", "--format", "jsonld"], ("jsonfeed", "inLanguage")),
        (["merge", "--format", "jsonfeed"], ("jsonfeed", "language")),
        (["merge", "--format", "atom"], ("atom", "xml:lang")),
        (["parse", "--format", "jsonfeed"], ("jsonfeed", "language")),
    ],
)
def test_lang_is_the_feeds_language(
    argv: list[str], where: tuple[str, str], capsys: pytest.CaptureFixture[str]
) -> None:
    """``--lang TAG`` is written as JSON Feed's ``language``, Atom's ``xml:lang`` and
    JSON-LD's ``inLanguage``, by every command that writes a feed."""
    assert main([*argv, BLOG, "--date", "2024-01-22", "--lang", "en-GB", "-q"]) == 0
    out = capsys.readouterr().out
    kind, key = where
    if kind == "atom":
        assert f'{key}="en-GB"' in out.split("\n", 2)[1]  # on the feed element
    else:
        assert json.loads(out)[key] == "en-GB"


def test_lang_with_previous(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A feed folded into the last run's (``--previous``) keeps ``--lang``, as JSON Feed
    and as Atom."""
    old = tmp_path / "old.json"
    assert main(["feed", BLOG, "--date", "2024-01-22", "-o", str(old)]) == 0
    args = ["feed", BLOG, "--date", "2024-01-22", "--previous", str(old), "--lang", "uk", "-q"]
    assert main(args) == 0
    assert json.loads(capsys.readouterr().out)["language"] == "uk"
    assert main([*args, "--format", "atom"]) == 0
    assert 'xml:lang="uk"' in capsys.readouterr().out


@pytest.mark.parametrize("command", ["parse", "feed", "merge"])
@pytest.mark.parametrize("tag", ["en_GB", "", "en-", "12", "englishman", "en GB"])
def test_bad_lang_exits_2(command: str, tag: str, capsys: pytest.CaptureFixture[str]) -> None:
    """A ``--lang`` that is no language tag is a usage error naming the option."""
    with pytest.raises(SystemExit) as info:
        main([command, BLOG, "--lang", tag, "--format", "jsonfeed"])
    assert info.value.code == 2
    assert (
        f"liveblog {command}: error: argument --lang: not a language tag such as en or "
        f"fr-CA: {tag!r}\n"
    ) in capsys.readouterr().err


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["parse"], "--lang needs --format jsonfeed (a feed)"),
        (["parse", "--format", "json"], "--lang needs --format jsonfeed (a feed)"),
        (["merge"], "--lang needs --format jsonfeed or atom (a feed)"),
        (["merge", "--format", "json"], "--lang needs --format jsonfeed or atom (a feed)"),
    ],
)
def test_lang_without_a_feed_exits_2(
    argv: list[str], message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """``--lang`` with an output that is no feed (text, a JSON timeline) would be
    dropped silently: it is a usage error."""
    with pytest.raises(SystemExit) as info:
        main([*argv, BLOG, "--date", "2024-01-22", "--lang", "en"])
    assert info.value.code == 2
    assert f"liveblog {argv[0]}: error: {message}" in capsys.readouterr().err


def test_feed_url_is_the_base_of_relative_links(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Regression: ``feed --url URL --html`` of a page without an address of its own kept
    its relative links (``/world/derby``, ``../img/flood.jpg``) in ``content_html``,
    which a feed reader resolves against the feed's address. The blog's address given
    with ``--url`` is now their base, as ``Source(url=...)`` is for ``parse_html``."""
    page = tmp_path / "storm.html"
    page.write_text(
        "<html><body><article><p><time datetime='2024-01-16T09:00:00Z'>UPDATE 0900 GMT</time>:"
        " Flooding in <a href='/world/derby'>Derby</a>.</p><figure><img"
        " src='../img/flood.jpg' alt='Flood'></figure></article></body></html>",
        encoding="utf-8",
    )
    url = "https://news.example/live/storm"
    assert main(["feed", str(page), "--html", "--url", url]) == 0
    (item,) = json.loads(capsys.readouterr().out)["items"]
    assert 'href="https://news.example/world/derby"' in item["content_html"]
    assert 'src="https://news.example/img/flood.jpg"' in item["content_html"]
    assert main(["feed", str(page), "--html"]) == 0
    (item,) = json.loads(capsys.readouterr().out)["items"]
    assert 'src="../img/flood.jpg"' in item["content_html"]


def test_merge_jobs_parse_the_blogs_on_several_processes(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """``merge --jobs 2`` parses the text and HTML files on two processes and gives what
    one process gives: the same entries, sources and order (the files' order breaks
    ties), with feeds, a missing file and a broken feed among them."""
    other = tmp_path / "other.txt"
    other.write_text("UPDATE 1200 GMT: Poland announces a new aid package.", encoding="utf-8")
    main(["merge", str(other), "--date", "2024-01-22", "--format", "jsonfeed", "-q"])
    feed = tmp_path / "feed.json"
    feed.write_text(capsys.readouterr().out, encoding="utf-8")
    bad = tmp_path / "bad.json"
    bad.write_text('{"version": "https://jsonfeed.org/version/1.1", items', encoding="utf-8")
    page = str(Path(__file__).parent / "html" / "01-jsonld-guardian.html")
    files = [BLOG, str(feed), str(tmp_path / "missing.txt"), page, str(bad), str(other), ARTICLE]
    runs = []
    for jobs in ("1", "2"):
        code = main(["merge", *files, "--date", "2024-01-22", "--format", "json", "-j", jobs])
        runs.append((code, capsys.readouterr()))
    (code1, serial), (code2, parallel) = runs
    assert code1 == code2 == 2
    assert parallel.out == serial.out
    assert sorted(parallel.err.splitlines()) == sorted(serial.err.splitlines())
    assert f"{tmp_path / 'missing.txt'}: error: No such file or directory" in parallel.err
    merged = json.loads(parallel.out)
    names = {s["source"]["name"] for e in merged["entries"] for s in e["sources"]}
    assert names == {BLOG, page, str(other), ARTICLE}


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("cut.json", '{"items": "x"\n', "cut.json:2:1: error: Expecting ',' delimiter"),
        (
            "numbers.json",
            "[1, 2]",
            "numbers.json: error: not a JSON Feed or a liveblog timeline: "
            "expected an object, got number at /0",
        ),
        (
            "entry.json",
            '{"entries": [{"id": "a", "marker": "UPDATE", "body": "", "span": [0, 6],'
            ' "published": "noon"}]}',
            "entry.json: error: not a JSON Feed or a liveblog timeline: invalid value 'noon':",
        ),
    ],
)
def test_broken_json_files_are_named_errors(
    name: str, content: str, message: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Regression: merge read a ``.json`` file that is not valid JSON as a text blog (one
    entry of JSON, a "no entry markers" warning), and reported a timeline it could not
    read with Python's words ("AttributeError: 'int' object has no attribute 'get'").
    Such a file is bad input (exit 2) with the JSON error's line and column, or the
    reader's message and the JSON pointer of the culprit; the other files still merge."""
    bad = tmp_path / name
    bad.write_text(content, encoding="utf-8")
    assert main(["merge", str(bad), BLOG, "--date", "2024-01-22", "--format", "text"]) == 2
    captured = capsys.readouterr()
    assert captured.err.startswith(f"{tmp_path / message}")
    assert "4 entries" in captured.out


def test_a_blog_that_opens_with_a_bracket_is_still_a_blog(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A text blog whose first marker is ``[14:32]`` is no JSON document: merge parses it."""
    blog = tmp_path / "blog.txt"
    blog.write_text("[14:32] Talks begin.\n\n[14:05] Delegates arrive.\n", encoding="utf-8")
    assert main(["merge", str(blog), "--date", "2024-01-22", "--format", "text", "-q"]) == 0
    assert "2 entries" in capsys.readouterr().out


def _archive(root: Path) -> list[Path]:
    """A folder of saved blogs, nested, with files that are not blogs among them; the
    blogs in the order a folder argument stands for them."""
    (root / "b-day2").mkdir(parents=True)
    (root / "a-day1").mkdir()
    (root / ".cache").mkdir()
    blogs = [
        root / "Kyiv.TXT",
        root / "notes.md",
        root / "a-day1" / "page.html",
        root / "b-day2" / "a.txt",
        root / "b-day2" / "b.HTML.GZ",
        root / "b-day2" / "c.txt.xz",
        root / "b-day2" / "z.htm",
    ]
    for k, path in enumerate(blogs):
        text = f"UPDATE 09{k}0 GMT: update {k} of {path.name}\n\nUPDATE 08{k}0 GMT: the start"
        text = f"<p>{text}</p>" if ".htm" in path.name.lower() else text
        data = text.encode()
        if path.suffix == ".GZ":
            data = gzip.compress(data)
        elif path.suffix == ".xz":
            data = lzma.compress(data)
        path.write_bytes(data)
    for other in ("image.png", ".hidden.txt", "notes", "feed.json", "image.png.gz"):
        (root / other).write_text("UPDATE 0900 GMT: not a blog in this folder")
    (root / ".cache" / "old.txt").write_text("UPDATE 0900 GMT: hidden folder")
    return blogs


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_parse_a_folder_parses_the_blogs_in_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], jobs: str
) -> None:
    """A folder argument stands for the blog files under it (text and web pages, any
    depth, name order, hidden ones skipped), as if each had been named."""
    blogs = _archive(tmp_path / "archive")
    args = ["--date", "2024-01-22", "--format", "json", "-q", "-j", jobs]
    assert main(["parse", str(tmp_path / "archive"), *args]) == 0
    out = json.loads(capsys.readouterr().out)
    assert [t["source"]["name"] for t in out] == [str(p) for p in blogs]
    assert main(["parse", *map(str, blogs), *args]) == 0
    assert json.loads(capsys.readouterr().out) == out


def test_parse_one_folder_of_one_blog_still_names_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A folder is several files however many it holds: the output is a list that names
    each timeline's file."""
    (tmp_path / "blog.txt").write_text("UPDATE 0900 GMT: b\n\nUPDATE 0800 GMT: a")
    assert main(["parse", str(tmp_path), "--date", "2024-01-22", "--format", "json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert [t["source"]["name"] for t in out] == [str(tmp_path / "blog.txt")]


def test_folder_without_blogs_is_bad_input(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A folder holding no blog file is reported (not 'Is a directory'), and the other
    files still parse."""
    (tmp_path / "empty").mkdir()
    (tmp_path / "empty" / "image.png").write_bytes(b"\x89PNG")
    assert main(["parse", str(tmp_path / "empty"), BLOG, "--date", "2024-01-22"]) == 2
    captured = capsys.readouterr()
    assert captured.err == (
        f"{tmp_path / 'empty'}: error: no blog files in this folder "
        "(names ending .txt, .text, .md, .html, .htm or .xhtml, compressed or not)\n"
    )
    assert "4 entries" in captured.out


def test_merge_a_folder_merges_its_blogs_and_feeds(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """For merge, a folder also stands for the JSON timelines and feeds in it (a
    compressed feed is read as the feed it holds)."""
    day1 = tmp_path / "days" / "1.txt"
    day1.parent.mkdir()
    day1.write_text("UPDATE 0900 GMT: day one ends\n\nUPDATE 0800 GMT: day one opens")
    assert main(["parse", BLOG, "--date", "2024-01-22", "--format", "jsonfeed"]) == 0
    feed = capsys.readouterr().out.encode()
    (tmp_path / "days" / "2.json.gz").write_bytes(gzip.compress(feed))
    (tmp_path / "days" / "readme").write_text("not a blog")
    code = main(["merge", str(tmp_path / "days"), "--date", "2024-01-21", "--format", "json"])
    assert code == 0
    merged = json.loads(capsys.readouterr().out)
    assert len(merged["entries"]) == 6
    timed = [e["body"][:13] for e in merged["entries"] if e["published"]]
    assert timed[:3] == ["day one opens", "day one ends", "Ukraine Presi"]
    assert main(["merge", str(tmp_path / "days" / "readme"), "--format", "json"]) == 0
    (tmp_path / "nothing").mkdir()
    assert main(["merge", str(tmp_path / "nothing")]) == 2
    assert capsys.readouterr().err.endswith(
        "no blog files in this folder (names ending .txt, .text, .md, .html, .htm, .xhtml "
        "or .json, compressed or not)\n"
    )


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes")
def test_pipe_in_a_folder_is_reported_not_read(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Regression: 'liveblog parse FOLDER' waited for ever on a named pipe named like a
    blog in the folder (reading it waits for a writer). A pipe, socket or device in a
    folder is reported as bad input; the blogs beside it still parse."""
    (tmp_path / "a.txt").write_text("UPDATE 0900 GMT: b\n\nUPDATE 0800 GMT: a")
    fifo = tmp_path / "b.txt"
    os.mkfifo(fifo)

    def unblock() -> None:
        # a reader of the pipe, if any, gets its end (and the test fails, not hangs)
        with contextlib.suppress(OSError):
            os.close(os.open(fifo, os.O_WRONLY | os.O_NONBLOCK))

    timer = threading.Timer(10, unblock)
    timer.start()
    try:
        code = main(["parse", str(tmp_path), "--date", "2024-01-22", "-q"])
    finally:
        timer.cancel()
    assert code == 2
    captured = capsys.readouterr()
    assert (
        captured.err
        == f"{tmp_path / 'b.txt'}: error: not a regular file (a pipe, socket or device)\n"
    )
    assert "2 entries" in captured.out


@pytest.mark.skipif(
    not hasattr(os, "geteuid") or os.geteuid() == 0, reason="needs a folder it cannot read"
)
def test_unreadable_folder_is_reported(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A folder under a folder argument that cannot be read is reported, never skipped
    in silence; the blogs beside it still parse."""
    (tmp_path / "ok.txt").write_text("UPDATE 0900 GMT: b\n\nUPDATE 0800 GMT: a")
    locked = tmp_path / "locked"
    locked.mkdir()
    (locked / "blog.txt").write_text("UPDATE 0900 GMT: hidden from us")
    locked.chmod(0)
    try:
        assert main(["parse", str(tmp_path), "--date", "2024-01-22", "-q"]) == 2
    finally:
        locked.chmod(0o700)
    captured = capsys.readouterr()
    assert f"{locked}: error: Permission denied" in captured.err
    assert "2 entries" in captured.out


def test_reader_closing_the_pipe_ends_the_run_quietly() -> None:
    """``liveblog parse ... | head -1``: no error, no traceback, exit 141 as for SIGPIPE."""
    run = subprocess.Popen(
        [sys.executable, "-m", "liveblog", "parse", *[BLOG] * 40, "--format", "json", "-q"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert run.stdout is not None
    assert run.stdout.readline() == b"[\n"
    run.stdout.close()  # far more than a pipe holds is still to come
    _, err = run.communicate()
    assert (run.returncode, err) == (141, b"")


def test_broken_pipe_in_process_is_not_bad_input(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """A closed stdout is not reported as an error of the input or the output file."""

    class Closed:
        def write(self, _text: str) -> int:
            raise BrokenPipeError(32, "Broken pipe")

        def flush(self) -> None:
            raise BrokenPipeError(32, "Broken pipe")

    monkeypatch.setattr(sys, "stdout", Closed())
    assert main(["parse", BLOG, "--date", "2024-01-22"]) == 141
    assert capsys.readouterr().err == ""


def test_keyboard_interrupt_prints_one_line_and_exits_130(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """Ctrl-C gives one line on stderr and exit 130 (128 + SIGINT), never a traceback."""
    from liveblog import many

    def interrupted(*_args: object, **_kwargs: object) -> liveblog.Timeline:
        raise KeyboardInterrupt

    monkeypatch.setattr(many, "parse_document", interrupted)
    for command in (["parse", BLOG], ["feed", BLOG], ["merge", BLOG, BLOG]):
        assert main(command) == 130
        assert capsys.readouterr().err == "liveblog: interrupted\n"


def test_parse_of_a_json_feed_says_how_to_read_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """``liveblog parse feed.json`` warns that the file is JSON and names the readers."""
    feed = tmp_path / "feed.json"
    assert main(["feed", BLOG, "--date", "2024-01-22", "-o", str(feed)]) == 0
    assert main(["parse", str(feed), "-q"]) == 0
    capsys.readouterr()
    assert main(["parse", str(feed)]) == 0
    assert capsys.readouterr().err.startswith(
        f"{feed}:1:1: warning: the text is a JSON document, not a live blog: read a JSON Feed"
    )


@pytest.mark.parametrize("command", ["parse", "merge"])
def test_stdin_named_twice_is_a_usage_error(
    command: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """``-`` twice read the blog and then an empty second one, silently: now exit 2."""
    with pytest.raises(SystemExit) as exit_:
        main([command, "-", BLOG, "-"])
    assert exit_.value.code == 2
    assert capsys.readouterr().err.endswith(
        f"liveblog {command}: error: - (the standard input) can be named only once\n"
    )


def test_text_header_counts_one_entry_in_the_singular(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The text format's header says '1 entry', not '1 entries'."""
    blog = tmp_path / "one.txt"
    blog.write_text("UPDATE 1548 GMT: Talks end.\n", encoding="utf-8")
    assert main(["parse", str(blog), "--date", "2024-01-22"]) == 0
    assert capsys.readouterr().out.startswith(f"# {blog}: 1 entry, unknown, date 2024-01-22\n")


def test_a_bad_previous_feed_is_blamed_not_the_output(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A --previous file that is JSON but no feed was reported under the -o file's name
    (or 'liveblog'); the message now names the --previous file."""
    previous = tmp_path / "old.json"
    previous.write_text("[1, 2]\n", encoding="utf-8")
    out = tmp_path / "feed.json"
    for output in ([], ["-o", str(out)]):
        argv = ["feed", BLOG, "--date", "2024-01-22", "--previous", str(previous), *output]
        assert main(argv) == 2
        assert capsys.readouterr().err == (
            f"{previous}: error: previous feed: not a JSON Feed: expected an object, got list\n"
        )
    assert not out.exists()


def test_version_option_prints_the_project_version(capsys: pytest.CaptureFixture[str]) -> None:
    """``liveblog --version`` prints pyproject.toml's version, which __version__ also is."""
    import tomllib

    project = tomllib.loads((SEEDS.parent / "pyproject.toml").read_text(encoding="utf-8"))
    version = project["project"]["version"]
    with pytest.raises(SystemExit) as exit_:
        main(["--version"])
    assert exit_.value.code == 0
    assert capsys.readouterr().out == f"liveblog {version}\n"
    assert liveblog.__version__ == version


def test_now_without_offset_names_the_option_once(capsys: pytest.CaptureFixture[str]) -> None:
    """argparse already names the option: the message read 'argument --now: --now needs'."""
    with pytest.raises(SystemExit):
        main(["parse", BLOG, "--now", "2024-01-22T10:00"])
    assert capsys.readouterr().err.endswith(
        "liveblog parse: error: argument --now: needs a zone offset, e.g. 2024-01-22T10:00+00:00\n"
    )


def test_binary_file_is_bad_input(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Regression: a 1x1 PNG named like a blog was read as Windows-1252 text. It is bad
    input (exit 2) on one line naming what it is, and the other files still parse."""
    png = tmp_path / "photo.txt"
    png.write_bytes(bytes.fromhex("89504e470d0a1a0a0000000d4948445200000001"))
    assert main(["parse", str(png), BLOG, "--date", "2024-01-22"]) == 2
    captured = capsys.readouterr()
    assert captured.err == (
        f"{png}: error: a PNG image, not text: b'\\x89PNG\\r\\n\\x1a\\n' (byte offset 0)\n"
    )
    assert "4 entries" in captured.out


_FULL_DISK = """
import resource, signal, sys
signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a write past the limit fails (EFBIG)
resource.setrlimit(resource.RLIMIT_FSIZE, (4000, 4000))
from liveblog.cli import main
sys.exit(main(sys.argv[1:]))
"""


def test_feed_output_is_replaced_whole_or_not_at_all(tmp_path: Path) -> None:
    """Regression: ``feed -o feed.json --previous feed.json`` (the scheduled run)
    truncated the output before writing it, so a run that could not finish writing (a
    full disk, here a file size limit; a killed job) left half a feed: readers got
    broken JSON and every later run failed on its --previous. The output is now
    written beside and moved into place: a failed write leaves the last feed, and a
    new one keeps the old file's permissions."""
    feed = tmp_path / "feed.json"
    blog = tmp_path / "blog.txt"
    blog.write_text("UPDATE 0831 GMT:\nSeven drones.", encoding="utf-8")
    argv = ["feed", str(blog), "--date", "2024-01-22", "--previous", str(feed), "-o", str(feed)]
    assert main([*argv, "-q"]) == 0
    feed.chmod(0o644)
    last = feed.read_bytes()
    assert len(last) < 4000
    blog.write_text("UPDATE 0945 GMT:\n" + "Sirens. " * 600 + "\n\n" + blog.read_text(), "utf-8")
    env = {**os.environ, "PYTHONPATH": str(SEEDS.parent)}
    run = [sys.executable, "-c", _FULL_DISK, *argv, "-q"]
    done = subprocess.run(run, env=env, capture_output=True, text=True, check=False)
    assert done.returncode == 2
    assert done.stderr.startswith(f"{feed}: error: ")
    assert feed.read_bytes() == last
    assert sorted(p.name for p in tmp_path.iterdir()) == ["blog.txt", "feed.json"]
    assert main([*argv, "-q"]) == 0
    assert len(json.loads(feed.read_bytes())["items"]) == 2
    assert feed.stat().st_mode & 0o777 == 0o644


@pytest.mark.parametrize("output_format", ["json", "text"])
def test_parse_output_of_many_files_is_replaced_whole_or_not_at_all(
    tmp_path: Path, output_format: str
) -> None:
    """Regression: ``parse A B -o out`` wrote the output in place, file by file, while
    ``feed`` and ``merge`` write beside and move: a run that could not finish (a full
    disk, here a file size limit) left half a document. Now it leaves the last one, and
    a new one keeps the old file's permissions."""
    out = tmp_path / "out.json"
    first, second = tmp_path / "a.txt", tmp_path / "b.txt"
    first.write_text("UPDATE 0831 GMT:\nSeven drones.", encoding="utf-8")
    second.write_text("UPDATE 0945 GMT:\nSirens.", encoding="utf-8")
    argv = ["parse", str(first), str(second), "--date", "2024-01-22", "--format", output_format]
    argv += ["-q", "-o", str(out)]
    assert main(argv) == 0
    out.chmod(0o640)
    last = out.read_bytes()
    assert len(last) < 4000
    posts = (f"UPDATE {10 + k // 60:02d}{k % 60:02d} GMT:\nSirens. Sirens." for k in range(200))
    second.write_text("\n\n".join(posts), "utf-8")
    env = {**os.environ, "PYTHONPATH": str(SEEDS.parent)}
    done = subprocess.run(
        [sys.executable, "-c", _FULL_DISK, *argv], env=env, capture_output=True, check=False
    )
    assert done.returncode != 0
    assert out.read_bytes() == last
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.txt", "b.txt", "out.json"]
    assert main(argv) == 0
    assert b"Sirens. Sirens." in out.read_bytes()
    assert out.stat().st_mode & 0o777 == 0o640


def test_json_output_is_written_in_pieces(tmp_path: Path) -> None:
    """Regression: ``parse FILE --format json`` built the whole JSON text, and the
    list of small strings ``json.dumps`` joins into it when it indents, before writing
    it: a parse's output took 39 times the blog's size at its peak (1.2 GB for a 30 MB
    blog). It is written in pieces now: 16 times (the timeline and its dict), where
    ``--format text`` takes 8."""
    blog = tmp_path / "big.txt"
    text = huge_blog(150_000).text
    blog.write_text(text, encoding="utf-8")
    out = tmp_path / "out.json"
    argv = ["parse", str(blog), "-q", "-o", str(out)]
    assert main([*argv, "--format", "text"]) == 0  # imports and compiles what it needs
    tracemalloc.start()
    try:
        assert main([*argv, "--format", "json"]) == 0
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 25 * len(text)
    expected = liveblog.parse(blog.read_bytes()).to_dict(include_text=False)  # one file: unnamed
    assert json.loads(out.read_text("utf-8")) == expected


def test_an_atom_run_with_changes_says_the_previous_feed_is_not_updated(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """An Atom run folds the page into the --previous JSON Feed but writes Atom, so
    that feed is not updated: run alone on a schedule, every run reports the same
    changes again and stamps corrected entries with its own --now. When a run finds
    changes, it says so and how to keep the feed (docs/feeds.md, On a schedule); the
    JSON Feed run before it leaves it nothing to say."""
    blog = tmp_path / "blog.txt"
    blog.write_text("UPDATE 0831 GMT:\nSeven drones.", encoding="utf-8")
    old = tmp_path / "feed.json"
    argv = ["feed", str(blog), "--date", "2024-01-22", "--previous", str(old)]
    atom = [*argv, "--format", "atom", "-o", str(tmp_path / "feed.atom")]
    assert main(atom) == 0
    hint = (
        f"{old}: note: an Atom run does not update the previous JSON Feed; "
        f"write it first (--format jsonfeed -o {old}), then Atom from it\n"
    )
    assert (
        capsys.readouterr().err
        == f"1 new, 0 changed, 0 unchanged, 0 removed\nnew: 8dc0a0cde8c5e98b\n{hint}"
    )
    assert main([*argv, "-o", str(old), "-q"]) == 0
    assert main(atom) == 0
    assert capsys.readouterr().err == "0 new, 0 changed, 1 unchanged, 0 removed\n"


# ``liveblog changes OLD NEW``

_BEFORE = "UPDATE 0831 GMT: Seven drones.\n\nUPDATE 0720 GMT: Sirens.\n"
_AFTER = "UPDATE 0945 GMT: Talks.\n\nUPDATE 0831 GMT: Eight drones.\n"


def _snapshots(tmp_path: Path, before: str = _BEFORE, after: str = _AFTER) -> tuple[str, str]:
    old, new = tmp_path / "old.txt", tmp_path / "new.txt"
    old.write_text(before, encoding="utf-8")
    new.write_text(after, encoding="utf-8")
    return str(old), str(new)


def test_changes_text_names_each_change_and_what_changed(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The text output is ``str(SnapshotChanges)``, then each changed post's id and the
    fields that changed, old -> new; the exit status is 0 although the snapshots differ."""
    old, new = _snapshots(tmp_path)
    day = dt.date(2024, 1, 22)
    expected = liveblog.changes(liveblog.parse(_BEFORE, date=day), liveblog.parse(_AFTER, date=day))
    [(before, _after)] = expected.changed
    assert main(["changes", old, new, "--date", "2024-01-22"]) == 0
    captured = capsys.readouterr()
    assert captured.out == (
        f"{expected}\n{before.id}:\n  body: 'Seven drones.' -> 'Eight drones.'\n"
    )
    assert captured.out.startswith("1 added, 1 changed, 0 unchanged, 1 removed\nadded: ")
    assert captured.err == ""


def test_changes_of_equal_snapshots_exit_0(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Snapshots that do not differ print the counts alone, and exit 0 as differing ones do."""
    old, _new = _snapshots(tmp_path)
    assert main(["changes", old, old, "--date", "2024-01-22"]) == 0
    assert capsys.readouterr().out == "0 added, 0 changed, 2 unchanged, 0 removed\n"


def test_changes_json_is_to_dict(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """``--format json`` prints ``SnapshotChanges.to_dict()``."""
    old, new = _snapshots(tmp_path)
    day = dt.date(2024, 1, 22)
    expected = liveblog.changes(liveblog.parse(_BEFORE, date=day), liveblog.parse(_AFTER, date=day))
    assert main(["changes", old, new, "--date", "2024-01-22", "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out) == expected.to_dict()


def test_changes_shows_a_corrected_time_and_both_ids(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A post whose time was corrected is one changed post: its old id, ``(now NEW)``,
    and the marker and time that changed; a long text is cut at 100 characters."""
    text = "Talks in Geneva. " * 10
    old, new = _snapshots(
        tmp_path,
        f"UPDATE 0945 GMT: {text}\n\nUPDATE 0831 GMT: Seven drones.",
        f"UPDATE 0945 GMT: {text}Ended.\n\nUPDATE 0813 GMT: Seven drones.",
    )
    assert main(["changes", old, new, "--date", "2024-01-22"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == "0 added, 2 changed, 0 unchanged, 0 removed"
    assert re.fullmatch(r"[0-9a-f]{16} \(now [0-9a-f]{16}\):", lines[2])
    assert lines[3:5] == [
        "  marker: 'UPDATE 0831 GMT' -> 'UPDATE 0813 GMT'",
        "  published: 2024-01-22T08:31:00+00:00 -> 2024-01-22T08:13:00+00:00",
    ]
    assert re.fullmatch(r"[0-9a-f]{16}:", lines[5])
    assert lines[6:] == [f"  body: {text[:100]!r}... -> {text[:100]!r}..."]


def test_changes_reads_html_json_feeds_and_parse_json(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """OLD and NEW may be HTML pages, the JSON Feed ``feed`` writes or the JSON ``parse``
    writes: the seed read back from its feed or its JSON is the seed, unchanged."""
    for command, name in (("feed", "feed.json"), ("parse", "parse.json")):
        out = tmp_path / name
        argv = [command, BLOG, "--date", "2024-01-22", "-o", str(out)]
        assert main(argv if command == "feed" else [*argv, "--format", "json"]) == 0
        assert main(["changes", str(out), BLOG, "--date", "2024-01-22"]) == 0
        assert capsys.readouterr().out == "0 added, 0 changed, 4 unchanged, 0 removed\n"
    page = tmp_path / "page.html"
    page.write_text(
        "<html><body><article><p>UPDATE 0945 GMT: Talks.</p>"
        "<p>UPDATE 0831 GMT: <b>Eight</b> drones.</p></article></body></html>",
        encoding="utf-8",
    )
    old, _new = _snapshots(tmp_path)
    assert main(["changes", old, str(page), "--date", "2024-01-22"]) == 0
    assert capsys.readouterr().out.startswith("1 added, 1 changed, 0 unchanged, 1 removed\n")


def test_changes_reads_stdin_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """``-`` is standard input, for one of the two; for both it is a usage error (exit 2)."""
    old, new = _snapshots(tmp_path)
    data = Path(new).read_bytes()
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))
    assert main(["changes", old, "-", "--date", "2024-01-22"]) == 0
    assert capsys.readouterr().out.startswith("1 added, 1 changed")
    with pytest.raises(SystemExit) as exited:
        main(["changes", "-", "-"])
    assert exited.value.code == 2
    assert "can be named only once" in capsys.readouterr().err


def test_changes_reading_options(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """--now dates a blog that writes times alone, --tz is the zone of its times,
    --quiet hides warnings and --strict makes them errors (exit 2, file:line:col)."""
    old, new = _snapshots(
        tmp_path,
        "08:31: Seven drones.\n\n07:20: Sirens.\n",
        "09:10: Talks.\n\n08:31: Seven drones.\n",
    )
    argv = ["changes", old, new, "--format", "json"]
    assert main([*argv, "--now", "2024-01-22T12:00:00+01:00", "--tz", "Europe/Kyiv"]) == 0
    [removed] = json.loads(capsys.readouterr().out)["removed"]
    assert removed["published"] == "2024-01-22T07:20:00+02:00"
    assert main(argv) == 0
    err = capsys.readouterr().err
    assert f"{old}:1:1: warning: " in err
    assert f"{new}:1:1: warning: " in err
    assert main([*argv, "--quiet"]) == 0
    assert capsys.readouterr().err == ""
    assert main([*argv, "--strict"]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.startswith(f"{old}:1:1: error: ")


def test_changes_bad_input_exits_2_naming_the_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A missing file, broken JSON (with its line and column), and a JSON list of two
    timelines are bad input: exit 2, each file's error on stderr, no traceback, and
    nothing on stdout."""
    old, _new = _snapshots(tmp_path)
    broken = tmp_path / "broken.json"
    broken.write_text('{\n  "entries": [,]\n}', encoding="utf-8")
    two = tmp_path / "two.json"
    assert (
        main(["parse", BLOG, BLOG, "--date", "2024-01-22", "--format", "json", "-o", str(two)]) == 0
    )
    missing = str(tmp_path / "missing.txt")
    cases = [
        ([old, missing], f"{missing}: error: No such file or directory\n"),
        ([str(broken), old], f"{broken}:2:15: error: Expecting value\n"),
        ([old, str(two)], f"{two}: error: holds 2 timelines; changes compares one with one\n"),
    ]
    for files, message in cases:
        assert main(["changes", *files, "--date", "2024-01-22"]) == 2
        captured = capsys.readouterr()
        assert (captured.out, captured.err) == ("", message)
    assert main(["changes", str(broken), missing]) == 2
    assert capsys.readouterr().err.splitlines() == [
        f"{broken}:2:15: error: Expecting value",
        f"{missing}: error: No such file or directory",
    ]


def test_changes_internal_error_exits_1(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """A failure of the comparison itself is an internal error (exit 1, one line), not
    bad input: exit 1 is why differing snapshots exit 0, not diff's 1."""
    old, new = _snapshots(tmp_path)

    def broken(_old: liveblog.Timeline, _new: liveblog.Timeline) -> None:
        msg = "boom"
        raise RuntimeError(msg)

    monkeypatch.setattr("liveblog.feeds.incremental.changes", broken)
    assert main(["changes", old, new, "--date", "2024-01-22"]) == 1
    captured = capsys.readouterr()
    assert (captured.out, captured.err) == (
        "",
        "liveblog: internal error: RuntimeError: boom (please report it)\n",
    )


def test_changes_output_is_replaced_whole_or_not_at_all(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """``-o`` writes the file whole: a run that fails while writing (here the JSON
    encoder, after its first piece) leaves the last output and no other file."""
    old, new = _snapshots(tmp_path)
    out = tmp_path / "changes.json"
    argv = ["changes", old, new, "--date", "2024-01-22", "--format", "json", "-o", str(out)]
    assert main(argv) == 0
    last = out.read_bytes()
    assert json.loads(last)["added"]

    def failing(data: object) -> Iterator[str]:
        yield "{"
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("liveblog.cli._json_pieces", failing)
    assert main(argv) == 2
    assert out.read_bytes() == last
    assert sorted(p.name for p in tmp_path.iterdir()) == ["changes.json", "new.txt", "old.txt"]

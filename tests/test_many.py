"""Tests of parse_many: order, per-blog errors, laziness, processes, pickling, Dask."""

from __future__ import annotations

import datetime as dt
import io
import json
import os
import pathlib
import pickle
import re
import subprocess
import sys
from collections.abc import Iterator

import pytest

import liveblog
from liveblog.errors import DecodeError, NoMarkersError
from liveblog.many import BlogSource, Result, parse_many
from liveblog.markers.dialect import Marker

ROOT = pathlib.Path(__file__).resolve().parent.parent
CORPUS = sorted((ROOT / "tests" / "corpus").glob("*.txt"))
DAY = dt.date(2024, 1, 22)
BLOG = "Intro.\n\nUPDATE 0900 GMT: Talks end on Monday.\n\nUPDATE 0800 GMT: Talks begin."


def _mixed_sources(tmp_path: pathlib.Path) -> list[BlogSource]:
    path = tmp_path / "blog.txt"
    path.write_bytes(BLOG.encode("utf-16"))
    return [
        BLOG,
        BLOG.encode("utf-8"),
        path,
        io.StringIO(BLOG),
        io.BytesIO(BLOG.encode("cp1252")),
        tmp_path / "missing.txt",
        b"\x81\x8d\xff",
        "",
    ]


def _summary(results: list[Result]) -> list[tuple[object, ...]]:
    return [
        (r.source, None if r.timeline is None else r.timeline.to_dict(), repr(r.error))
        for r in results
    ]


def test_results_in_input_order_with_sources(tmp_path: pathlib.Path) -> None:
    """Each blog gives one result, in input order; paths report their path, others an index."""
    sources = _mixed_sources(tmp_path)
    results = list(parse_many(sources, date=DAY))
    assert [r.source for r in results] == [
        0,
        1,
        os.fspath(tmp_path / "blog.txt"),
        3,
        4,
        os.fspath(tmp_path / "missing.txt"),
        6,
        7,
    ]
    for result in (results[0], results[1], results[2], results[3], results[4]):
        # a path names its timeline, as parse names it
        name = result.source if isinstance(result.source, str) else None
        expected = liveblog.parse(BLOG, date=DAY, source=name)
        assert result.is_ok
        assert result.unwrap().entries == expected.entries
    assert results[2].unwrap().encoding == "utf-16"
    assert len(results[7].unwrap()) == 0


def test_errors_are_reported_per_blog(tmp_path: pathlib.Path) -> None:
    """A missing file and undecodable bytes give errors; the blogs around them still parse."""
    results = list(parse_many(_mixed_sources(tmp_path), date=DAY))
    missing, undecodable = results[5], results[6]
    assert not missing.is_ok
    assert missing.timeline is None
    assert isinstance(missing.error, FileNotFoundError)
    assert missing.error.filename == os.fspath(tmp_path / "missing.txt")
    assert isinstance(undecodable.error, DecodeError)
    assert str(undecodable.error) == (
        "not UTF-8 (invalid start byte at byte 0) and not Windows-1252 "
        "(byte 0x81 is undefined there): byte offset 0 (line 1, column 1)"
    )
    assert (undecodable.error.line, undecodable.error.column) == (1, 1)
    with pytest.raises(FileNotFoundError):
        missing.unwrap()


def test_strict_errors_are_reported_per_blog() -> None:
    """With strict=True a blog without markers is an error result, not an exception."""
    results = list(parse_many(["no markers here", BLOG], date=DAY, strict=True, tz="UTC"))
    assert isinstance(results[0].error, NoMarkersError)
    assert results[1].is_ok


def test_read_error_of_open_file_is_reported() -> None:
    """An open file whose read() fails with OSError gives an error result."""

    class Broken(io.StringIO):
        def read(self, size: int | None = -1) -> str:
            raise OSError(5, "Input/output error")

    [result] = parse_many([Broken()])
    assert isinstance(result.error, OSError)
    assert result.error.args == (5, "Input/output error")


def test_internal_errors_are_reported_not_raised() -> None:
    """An exception that is not a LiveblogError (a bug) is reported in the result too."""

    class Exploding:
        name = "exploding"

        def scan(self, text: str) -> Iterator[Marker]:
            msg = "boom"
            raise RuntimeError(msg)

    results = list(parse_many([BLOG, BLOG], dialects=(Exploding(),)))
    assert [repr(r.error) for r in results] == ["RuntimeError('boom')"] * 2


def test_paths_are_sent_to_workers_unread(tmp_path: pathlib.Path) -> None:
    """A path travels to the worker as the path itself; the worker reads the file."""
    from liveblog.many import _tasks

    path = tmp_path / "blog.txt"
    path.write_text(BLOG, encoding="utf-8")
    [task] = list(_tasks([path], name_paths=True))
    assert task == (0, os.fspath(path), path, True)


def test_jobs_1_and_2_give_identical_results(tmp_path: pathlib.Path) -> None:
    """Worker processes give the same results, errors included, in the same order."""
    sources = [*CORPUS[:12], *_mixed_sources(tmp_path)]
    serial = list(parse_many(sources, tz="Europe/London"))
    sources = [*CORPUS[:12], *_mixed_sources(tmp_path)]  # fresh open files
    parallel = list(parse_many(sources, jobs=2, chunksize=3, tz="Europe/London"))
    assert parallel == serial
    assert _summary(parallel) == _summary(serial)


def test_parse_many_is_deterministic() -> None:
    """Two runs over the same blogs give equal timelines with equal entry ids."""
    first = list(parse_many(CORPUS[:8], date=DAY))
    second = list(parse_many(CORPUS[:8], date=DAY))
    assert first == second
    assert [[e.id for e in r.unwrap()] for r in first] == [
        [e.id for e in r.unwrap()] for r in second
    ]


def _counting(consumed: list[int], count: int) -> Iterator[str]:
    for i in range(count):
        consumed[0] = i + 1
        yield f"UPDATE 0{i % 10}00 GMT: blog {i}"


@pytest.mark.parametrize(("jobs", "chunksize"), [(1, 4), (2, 1), (2, 3)])
def test_sources_are_consumed_lazily(jobs: int, chunksize: int) -> None:
    """Blogs are taken from the iterable only as results are taken: 2 * jobs chunks ahead."""
    consumed = [0]
    results = parse_many(_counting(consumed, 1000), jobs=jobs, chunksize=chunksize)
    assert consumed == [0]
    first = next(results)
    assert first.source == 0
    limit = 1 if jobs == 1 else 2 * jobs * chunksize
    assert 1 <= consumed[0] <= limit
    taken = [first.source, *(next(results).source for _ in range(9))]
    assert taken == list(range(10))
    assert consumed[0] <= 10 + limit
    results.close()


def test_stopping_early_shuts_the_workers_down() -> None:
    """Closing the iterator after one result cancels the queued work and returns."""
    results = parse_many((BLOG for _ in range(10_000)), jobs=2, chunksize=2)
    assert next(results).is_ok
    results.close()


def test_jobs_0_uses_every_core() -> None:
    """jobs=0 and jobs=None mean one worker per core, with the same results."""
    expected = list(parse_many([BLOG, BLOG], date=DAY))
    assert list(parse_many([BLOG, BLOG], jobs=0, date=DAY)) == expected
    assert list(parse_many([BLOG, BLOG], jobs=None, date=DAY)) == expected


@pytest.mark.parametrize(
    ("kwargs", "error", "message"),
    [
        (
            {"sources": "UPDATE 0900 GMT: x"},
            TypeError,
            "sources must be an iterable of blogs (e.g. a list of paths), got 'UPDATE 0900 GMT: x'",
        ),
        (
            {"sources": pathlib.PurePosixPath("blogs")},
            TypeError,
            "sources must be an iterable of blogs (e.g. a list of paths), "
            "got PurePosixPath('blogs'); for the blogs in a folder: "
            "sorted(pathlib.Path('blogs').rglob('*.txt'))",
        ),
        (
            {"sources": 3},
            TypeError,
            "sources must be an iterable of blogs (e.g. a list of paths), got 3",
        ),
        (  # a whole blog passed as sources: its text is not repeated in full
            {"sources": "UPDATE 0900 GMT: " + "x" * 100_000},
            TypeError,
            "sources must be an iterable of blogs (e.g. a list of paths), "
            "got 'UPDATE 0900 ...xxxxxxxxxxxxx'",
        ),
        ({"jobs": -1}, ValueError, "jobs must be at least 1, got -1"),
        # the pool would start them all at once; past 2**31 it raised OverflowError
        ({"jobs": 1025}, ValueError, "jobs must be at most 1024, got 1025"),
        ({"jobs": 99_999_999_999}, ValueError, "jobs must be at most 1024, got 99999999999"),
        ({"jobs": "2"}, TypeError, "jobs must be an int, got '2'"),
        ({"jobs": True}, TypeError, "jobs must be an int, got True"),
        ({"chunksize": 0}, ValueError, "chunksize must be at least 1, got 0"),
        ({"chunksize": 2.0}, TypeError, "chunksize must be an int, got 2.0"),
        (
            {"date": "2024-01-22"},
            TypeError,
            "date must be a datetime.date (not a datetime), got '2024-01-22'",
        ),
        ({"dat": DAY}, TypeError, "parse() got an unexpected keyword argument 'dat'"),
    ],
)
def test_bad_arguments_fail_the_call(
    kwargs: dict[str, object], error: type[Exception], message: str
) -> None:
    """Bad arguments raise at the call, before any blog is parsed, naming the parameter."""
    arguments: dict[str, object] = {"sources": [BLOG], **kwargs}
    with pytest.raises(error) as info:
        parse_many(**arguments)  # type: ignore[arg-type]
    assert str(info.value) == message


def test_unsupported_source_raises_when_reached() -> None:
    """A source of an unsupported type raises TypeError when the iterator reaches it."""
    results = parse_many([BLOG, 42])  # type: ignore[list-item]
    assert next(results).is_ok
    with pytest.raises(TypeError) as info:
        next(results)
    assert str(info.value) == "sources must hold str, bytes, paths or open files, got 42 at index 1"


def test_result_holds_exactly_one_of_timeline_and_error() -> None:
    """A Result with both or neither of timeline and error is rejected."""
    with pytest.raises(ValueError, match=re.escape("exactly one of timeline and error")):
        Result(source=0)
    with pytest.raises(ValueError, match=re.escape("exactly one of timeline and error")):
        Result(source=0, timeline=liveblog.Timeline([]), error=OSError("x"))


def test_results_compare_errors_by_type_and_arguments() -> None:
    """Two results with equal errors (e.g. from two processes) are equal."""
    assert Result(source=1, error=OSError(2, "gone")) == Result(source=1, error=OSError(2, "gone"))
    assert Result(source=1, error=OSError(2, "gone")) != Result(source=1, error=OSError(3, "x"))


def test_timelines_entries_and_results_pickle_cheaply() -> None:
    """Timelines, entries and results survive pickling, at no more than their JSON's size."""
    for path in CORPUS[:20]:
        timeline = liveblog.parse(path, date=DAY, tz="Europe/London")
        data = pickle.dumps(timeline, protocol=pickle.HIGHEST_PROTOCOL)
        assert pickle.loads(data) == timeline
        assert pickle.loads(data).text == timeline.text
        assert len(data) <= 1.2 * len(json.dumps(timeline.to_dict()).encode("utf-8"))
        for entry in timeline.entries:
            assert pickle.loads(pickle.dumps(entry)) == entry
        result = Result(source=os.fspath(path), timeline=timeline)
        assert pickle.loads(pickle.dumps(result)) == result


def _scale_example(name: str) -> str:
    text = (ROOT / "docs" / "scale.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```python\n(.*?)```", text, flags=re.DOTALL)
    [block] = [b for b in blocks if name in b]
    return str(block)


def test_scale_doc_dask_bag_example(
    tmp_path: pathlib.Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """docs/scale.md's dask.bag example runs on Dask's local synchronous scheduler."""
    dask = pytest.importorskip("dask")
    pytest.importorskip("dask.bag")
    pytest.importorskip("fsspec")
    blogs = tmp_path / "blogs"
    blogs.mkdir()
    for path in CORPUS[:6]:
        (blogs / path.name).write_bytes(path.read_bytes())
    (blogs / "zz-broken.txt").write_bytes(b"\x81\x8d\xff")
    monkeypatch.chdir(tmp_path)
    with dask.config.set(scheduler="synchronous"):
        exec(_scale_example("dask.bag"), {"__name__": "__main__"})
    expected = [
        item
        for path in CORPUS[:6]
        # the example parses open files: their timelines are not named after them
        for item in liveblog.parse(path.read_bytes(), tz="Europe/London").to_json_feed(
            title=os.fspath(blogs / path.name)
        )["items"]
    ]
    lines = [
        json.loads(line)
        for part in sorted((tmp_path / "feed-items").glob("*.jsonl"))
        for line in part.read_text(encoding="utf-8").splitlines()
    ]
    assert lines == expected
    broken = os.fspath(blogs / "zz-broken.txt")
    assert capsys.readouterr().out == f"{len(expected)} items; could not read: [{broken!r}]\n"


def test_scale_doc_dask_bag_example_runs_as_a_script(tmp_path: pathlib.Path) -> None:
    """Regression: docs/scale.md's dask.bag example, saved as a script and run as
    written, failed on Dask's default scheduler: the worker processes import the script
    again (multiprocessing's spawn) and started the job anew, and ``dask.compute`` of
    the written files and the errors refused their differing default schedulers. The
    test above sets the synchronous scheduler, which hid both."""
    pytest.importorskip("dask.bag")
    pytest.importorskip("fsspec")
    (tmp_path / "blogs").mkdir()
    (tmp_path / "blogs" / "a.txt").write_bytes(CORPUS[0].read_bytes())
    (tmp_path / "blogs" / "zz-broken.txt").write_bytes(b"\x81\x8d\xff")
    script = tmp_path / "archive_feeds.py"
    script.write_text(_scale_example("dask.bag"), encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": os.fspath(ROOT)}
    done = subprocess.run(
        [sys.executable, script.name],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    items = len(liveblog.parse(CORPUS[0], tz="Europe/London"))
    broken = os.fspath(tmp_path / "blogs" / "zz-broken.txt")
    assert done.stdout == f"{items} items; could not read: [{broken!r}]\n"

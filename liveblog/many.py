"""parse_many(): parse many blogs lazily, in input order, on one core or on all of them."""

from __future__ import annotations

import collections
import gc
import os
import reprlib
from collections.abc import Generator, Iterable, Iterator
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any, TypeAlias, cast

import attrs

from liveblog.html import parse_document
from liveblog.model import Timeline
from liveblog.parse import parse

if TYPE_CHECKING:
    # Imported where the pool is made: ``import liveblog`` stays cheap (issue 7's budget).
    from concurrent.futures import Future

__all__ = ["Result", "parse_many"]

BlogSource = str | bytes | os.PathLike[str] | IO[str] | IO[bytes]
"""One blog: its text, its bytes, a path to read, or an open file."""

# What is sent to a worker for one blog: its position, the path or index it is reported
# under, the payload (text, bytes, or the path itself: paths are read by the worker), and
# whether the timeline is named after its path (``source=`` the path).
_Task = tuple[int, str | int, str | bytes | os.PathLike[str], bool]

_CHUNKSIZE = 4
"""Blogs sent to a worker at once, unless the caller says."""

_WINDOW_PER_JOB = 2
"""Chunks in flight per worker process: one being parsed, one queued behind it."""


def _error_key(error: Exception | None) -> tuple[type[Exception], tuple[Any, ...]] | None:
    """Errors compare by type and arguments, so results from worker processes compare."""
    return None if error is None else (type(error), error.args)


@attrs.frozen
class Result:
    """The outcome of parsing one blog of :func:`parse_many`: a timeline or an error.

    ``error`` is set (and ``timeline`` is None) when the blog could not be parsed:

    - a :class:`~liveblog.LiveblogError` for bad input (undecodable bytes, and in strict
      mode any problem :func:`liveblog.parse` raises for);
    - an :class:`OSError` (``FileNotFoundError``, ``PermissionError``, ...) when a path
      or an open file could not be read; it keeps its ``errno`` and ``filename``;
    - any other exception is an internal error of liveblog (a bug: please report it); it
      is reported here too, so that one bad blog never stops an archive run.

    >>> Result(source=0, timeline=Timeline([])).is_ok
    True
    """

    source: str | int
    """The path as a ``str`` when the blog was given as a path, else its 0-based index."""
    timeline: Timeline | None = None
    """The parsed timeline, or None when ``error`` is set."""
    error: Exception | None = attrs.field(default=None, eq=_error_key)
    """Why the blog could not be parsed, or None (see the class docstring)."""

    def __attrs_post_init__(self) -> None:
        if (self.timeline is None) == (self.error is None):
            msg = f"exactly one of timeline and error must be set, got {self!r}"
            raise ValueError(msg)

    @property
    def is_ok(self) -> bool:
        """True when the blog was parsed (``timeline`` is set)."""
        return self.timeline is not None

    def unwrap(self) -> Timeline:
        """Return the timeline, or raise the error.

        >>> import pathlib
        >>> [result] = parse_many([pathlib.Path("no/such/blog.txt")])
        >>> result.unwrap()
        Traceback (most recent call last):
        ...
        FileNotFoundError: [Errno 2] No such file or directory: 'no/such/blog.txt'
        """
        if self.error is not None:
            raise self.error
        return cast(Timeline, self.timeline)  # set whenever error is not (see the checks)


def _parse_one(task: _Task, options: dict[str, Any]) -> Result:
    _, source, payload, named = task
    try:
        data = Path(payload).read_bytes() if isinstance(payload, os.PathLike) else payload
        timeline = parse_document(data, **({**options, "source": source} if named else options))
    except Exception as err:  # reported per blog: one bad blog must not stop the others
        return Result(source=source, error=err)
    return Result(source=source, timeline=timeline)


# The parse options of a worker process, set once by its initializer so that they are
# pickled once per worker instead of once per chunk. Only ever set inside a worker.
_worker_options: dict[str, Any] = {}


def _init_worker(options: dict[str, Any]) -> None:
    _worker_options.clear()
    _worker_options.update(options)
    # What a forked worker inherits (the caller's objects, compiled patterns, warm
    # caches) is never garbage here: frozen, the collector stops walking it, and the
    # pages it lives on stay shared with the parent instead of being copied.
    gc.freeze()


def _parse_chunk(chunk: list[_Task]) -> list[Result]:
    return [_parse_one(task, _worker_options) for task in chunk]


def _tasks(sources: Iterable[BlogSource], *, name_paths: bool) -> Iterator[_Task | Result]:
    """Turn each source into a task for a worker, lazily; a file that fails to read is a Result.

    Paths are sent as paths (the worker reads them), named after themselves when
    ``name_paths``; open files cannot cross a process boundary, so they are read here.
    """
    for index, source in enumerate(sources):
        if isinstance(source, str | bytes):
            yield index, index, source, False
        elif isinstance(source, bytearray | memoryview):
            yield index, index, bytes(source), False
        elif isinstance(source, os.PathLike):
            yield index, os.fsdecode(source), source, name_paths
        elif callable(getattr(source, "read", None)):
            try:
                data = source.read()
            except OSError as err:
                yield Result(source=index, error=err)
                continue
            if not isinstance(data, str | bytes):
                msg = f"the file at index {index} read() {type(data).__name__}, not str or bytes"
                raise TypeError(msg)
            yield index, index, data, False
        else:
            msg = (
                f"sources must hold str, bytes, paths or open files, "
                f"got {reprlib.repr(source)} at index {index}"
            )
            raise TypeError(msg)


def _chunks(tasks: Iterator[_Task | Result], size: int) -> Iterator[list[_Task | Result]]:
    chunk: list[_Task | Result] = []
    for task in tasks:
        chunk.append(task)
        if len(chunk) == size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def _serial(
    tasks: Iterator[_Task | Result], options: dict[str, Any]
) -> Generator[Result, None, None]:
    for task in tasks:
        yield task if isinstance(task, Result) else _parse_one(task, options)


_Submitted: TypeAlias = "tuple[list[_Task | Result], Future[list[Result]]]"


def _parallel(
    tasks: Iterator[_Task | Result], options: dict[str, Any], *, jobs: int, chunksize: int
) -> Generator[Result, None, None]:
    # A sliding window of submitted chunks bounds the work (and memory) in flight: a new
    # chunk is submitted only when the oldest one has been handed to the caller.
    import concurrent.futures  # noqa: PLC0415  (only parallel runs pay for it)

    pending: collections.deque[_Submitted] = collections.deque()
    chunks = _chunks(tasks, chunksize)
    with concurrent.futures.ProcessPoolExecutor(
        max_workers=jobs, initializer=_init_worker, initargs=(options,)
    ) as pool:
        try:
            for chunk in chunks:
                work = [t for t in chunk if not isinstance(t, Result)]
                pending.append((chunk, pool.submit(_parse_chunk, work)))
                while len(pending) >= jobs * _WINDOW_PER_JOB:
                    yield from _merge(*pending.popleft())
            while pending:
                yield from _merge(*pending.popleft())
        finally:
            # Reached early when the caller stops iterating: drop the queued work.
            for _, future in pending:
                future.cancel()


def _merge(chunk: list[_Task | Result], future: Future[list[Result]]) -> Iterator[Result]:
    parsed: Iterator[Result] = iter(future.result())
    for task in chunk:
        yield task if isinstance(task, Result) else next(parsed)


def _check_int(name: str, value: object, *, minimum: int, maximum: int | None = None) -> int:
    if not isinstance(value, int) or isinstance(value, bool):
        msg = f"{name} must be an int, got {value!r}"
        raise TypeError(msg)
    if value < minimum:
        msg = f"{name} must be at least {minimum}, got {value!r}"
        raise ValueError(msg)
    if maximum is not None and value > maximum:
        msg = f"{name} must be at most {maximum}, got {value!r}"
        raise ValueError(msg)
    return value


MAX_JOBS = 1024
"""The most worker processes ``parse_many`` starts: the pool starts them all at once
(a fork each), and past about 2**31 it cannot count them at all."""


def parse_many(
    sources: Iterable[BlogSource],
    *,
    jobs: int | None = 1,
    chunksize: int = _CHUNKSIZE,
    **parse_options: Any,
) -> Generator[Result, None, None]:
    """Parse many blogs, yielding one :class:`Result` per blog, in input order, lazily.

    Memory stays constant however many blogs there are: ``sources`` is consumed only as
    fast as results are taken, and with ``jobs > 1`` at most ``2 * jobs`` chunks of
    ``chunksize`` blogs are in flight at any time. A blog that fails (bad bytes, a
    missing file, strict-mode problems) gives a result with ``error`` set and the others
    go on.

    Args:
        sources: the blogs, each as :func:`liveblog.parse` takes it: a ``str`` is the
            text itself (never a file name: pass :class:`pathlib.Path` objects for
            files), ``bytes`` are decoded, a path is read by the worker that parses it,
            and an open file is read here (it cannot be sent to a worker). A saved HTML
            page is read by :func:`liveblog.parse_html`, told by its content as the
            command line tells it (:func:`liveblog.html.parse_document`).
        jobs: worker processes; 1 parses in this process, 0 or None uses every core
            (:func:`os.cpu_count`); at most :data:`MAX_JOBS` (1024).
        chunksize: blogs sent to a worker at once (more amortises the cost of sending
            them, fewer keeps memory and latency down); ignored when ``jobs`` is 1.
        **parse_options: keyword arguments of :func:`liveblog.parse` (``date``, ``tz``,
            ``strict``, ``now``, ``mentions``...), the same for every blog. With
            ``jobs > 1`` they must pickle. Without ``source``, a timeline read from a
            path is named after it, as :func:`liveblog.parse` names it.

    Returns:
        A generator of :class:`Result` (``close()`` it to stop the workers early).
        ``Result.source`` is the path (as ``str``) for a path, else the 0-based index.

    Raises:
        TypeError, ValueError: a bad argument, raised by the call itself (an unknown
            parse option or a bad value included). A source of an unsupported type
            raises :class:`TypeError` when the iterator reaches it.

    >>> import datetime as dt, pathlib
    >>> blogs = [
    ...     "UPDATE 0900 GMT: Talks end.\\n\\nUPDATE 0800 GMT: Talks begin.",
    ...     pathlib.Path("seeds/eaworldview-2024-01-22.txt"),
    ...     pathlib.Path("no/such/blog.txt"),
    ... ]
    >>> for result in parse_many(blogs, date=dt.date(2024, 1, 22)):
    ...     print(result.source, len(result.timeline) if result.is_ok else result.error)
    0 2
    seeds/eaworldview-2024-01-22.txt 4
    no/such/blog.txt [Errno 2] No such file or directory: 'no/such/blog.txt'
    """
    return _parse_many(sources, parse_options, jobs=jobs, chunksize=chunksize, name_paths=True)


def _parse_many(
    sources: Iterable[BlogSource],
    parse_options: dict[str, Any],
    *,
    jobs: int | None,
    chunksize: int = _CHUNKSIZE,
    name_paths: bool,
) -> Generator[Result, None, None]:
    """:func:`parse_many`; without ``name_paths``, a timeline read from a path is not
    named after it (the command line names files itself, and only where it says so)."""
    if isinstance(sources, str | bytes | bytearray | os.PathLike) or not isinstance(
        sources, Iterable
    ):
        got = reprlib.repr(sources)
        msg = f"sources must be an iterable of blogs (e.g. a list of paths), got {got}"
        if isinstance(sources, os.PathLike):
            folder = os.fsdecode(sources)
            msg += f"; for the blogs in a folder: sorted(pathlib.Path({folder!r}).rglob('*.txt'))"
        raise TypeError(msg)
    if jobs is None or jobs == 0:
        jobs = min(os.cpu_count() or 1, MAX_JOBS)
    jobs = _check_int("jobs", jobs, minimum=1, maximum=MAX_JOBS)
    chunksize = _check_int("chunksize", chunksize, minimum=1)
    # Check the options once, here, so that a typo fails the call and not every blog.
    parse("", **parse_options)
    tasks = _tasks(sources, name_paths=name_paths and parse_options.get("source") is None)
    if jobs == 1:
        return _serial(tasks, parse_options)
    return _parallel(tasks, parse_options, jobs=jobs, chunksize=chunksize)

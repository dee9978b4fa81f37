"""The ``liveblog`` command: argument parsing and printing only.

Exit codes: 0 success, 2 bad input (any file), 1 an internal error, 130 interrupted
(Ctrl-C), 141 the reader of the output went away (``| head``), as for a command that
SIGINT or SIGPIPE ended. ``changes`` exits 0 whether or not the snapshots differ (not
diff's 1 for "they differ": 1 is an internal error here). Diagnostics go to stderr as
``file:line:col: error: message`` / ``file:line:col: warning: message [code]``.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import itertools
import json
import os
import re
import reprlib
import stat
import sys
import tempfile
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

import attrs

from liveblog._version import __version__
from liveblog.errors import DecodeError, FeedError, LiveblogError, ParseError
from liveblog.html.jsonld import parse_instant
from liveblog.io import BLOG_SUFFIXES, decompress, located_error
from liveblog.many import MAX_JOBS, BlogSource, Result, _parse_many
from liveblog.markers.zones import get_tzinfo
from liveblog.merging import merge
from liveblog.model import Provenance, Source, Timeline, evolve_entry

if TYPE_CHECKING:
    from liveblog.feeds.incremental import SnapshotChanges

__all__ = ["main"]

EXIT_OK, EXIT_INTERNAL, EXIT_BAD_INPUT = 0, 1, 2
# 128 + the signal's number, what a shell reports for a command the signal ended
EXIT_INTERRUPTED, EXIT_BROKEN_PIPE = 130, 141


def _date(value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError as err:
        if re.fullmatch(r"\d{4}-\d\d-\d\d", value, flags=re.ASCII):
            msg = f"not a date: {value!r} ({err})"  # the shape is right: say what is not
        else:
            msg = f"not a date in YYYY-MM-DD form: {value!r}"
        raise argparse.ArgumentTypeError(msg) from None


def _now(value: str) -> dt.datetime:
    try:
        moment = dt.datetime.fromisoformat(value)
    except ValueError:
        msg = f"not an ISO 8601 date-time: {value!r}"
        raise argparse.ArgumentTypeError(msg) from None
    if moment.utcoffset() is None:
        msg = f"needs a zone offset, e.g. {value}+00:00"
        raise argparse.ArgumentTypeError(msg)
    return moment


def _jobs(value: str) -> int:
    try:
        jobs = int(value)
    except ValueError:
        jobs = -1
    if jobs < 0:
        msg = f"not a number of processes (0 or more): {value!r}"
        raise argparse.ArgumentTypeError(msg)
    if jobs > MAX_JOBS:
        msg = f"too many processes (at most {MAX_JOBS}): {value!r}"
        raise argparse.ArgumentTypeError(msg)
    return jobs


def _window(value: str) -> float:
    try:
        minutes = float(value)
        dt.timedelta(minutes=minutes)  # NaN, infinities and huge values do not fit
    except (ValueError, OverflowError):
        minutes = -1.0
    if not minutes >= 0:
        msg = f"not a number of minutes (0 or more): {value!r}"
        raise argparse.ArgumentTypeError(msg)
    return minutes


def _tz(value: str) -> str:
    try:
        get_tzinfo(value)
    except ValueError:
        msg = (
            f"not a known time zone: {reprlib.repr(value)} (an IANA name such as "
            "Europe/London, or an offset such as UTC+02:00)"
        )
        raise argparse.ArgumentTypeError(msg) from None
    return value


def _language(value: str) -> str:
    from liveblog.feeds._common import check_language  # noqa: PLC0415 - feeds load lazily

    try:
        check_language(value)
    except ValueError:
        msg = f"not a language tag such as en or fr-CA: {value!r}"
        raise argparse.ArgumentTypeError(msg) from None
    return value


def _add_language_option(parser: argparse.ArgumentParser, formats: str) -> None:
    parser.add_argument(
        "--lang",
        type=_language,
        metavar="TAG",
        help=f"the feed's language, a tag such as en or fr-CA (--format {formats})",
    )


def _add_jobs_option(parser: argparse.ArgumentParser, what: str) -> None:
    parser.add_argument(
        "-j",
        "--jobs",
        type=_jobs,
        default=1,
        metavar="N",
        help=f"parse {what} on N processes (0: one per core); the output is the same",
    )


def _add_reading_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--date", type=_date, help="day the coverage opened (YYYY-MM-DD)")
    parser.add_argument(
        "--tz", type=_tz, help="IANA zone for times without one, e.g. Europe/London"
    )
    parser.add_argument("--now", type=_now, help="when the page was saved (ISO 8601, with offset)")
    parser.add_argument("--strict", action="store_true", help="treat warnings as errors")
    parser.add_argument("-q", "--quiet", action="store_true", help="do not print warnings")
    # a usage error found after parsing is reported with this command's name and usage
    parser.set_defaults(usage_error=parser.error)


def _build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="liveblog", description="Turn live blogs into typed timelines."
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    commands = parser.add_subparsers(dest="command", required=True)
    p = commands.add_parser("parse", help="parse live blogs into timelines")
    p.add_argument(
        "files",
        nargs="+",
        metavar="FILE",
        help="text or HTML files (detected), folders of them, or - for stdin",
    )
    p.add_argument(
        "--format",
        choices=("json", "text", "jsonfeed"),
        default="text",
        help="text (default): one line per entry; json: the whole timeline with its "
        "mentions and warnings (Timeline.to_dict); jsonfeed: JSON Feed 1.1",
    )
    _add_language_option(p, "jsonfeed")
    p.add_argument("-o", "--output", help="write here instead of stdout")
    _add_jobs_option(p, "the files")
    _add_reading_options(p)

    f = commands.add_parser("feed", help="publish a live blog as JSON Feed, Atom or JSON-LD")
    f.add_argument("file", metavar="FILE", help="a text or HTML file, or - for stdin")
    f.add_argument(
        "--format",
        choices=("jsonfeed", "atom", "jsonld"),
        default="jsonfeed",
        help="JSON Feed 1.1 (default), Atom 1.0 or schema.org LiveBlogPosting JSON-LD",
    )
    f.add_argument("--title", help="the feed's title (default: Live blog)")
    f.add_argument(
        "--url",
        help="the blog's address (home page): its entries' source, and the base of"
        " a page's relative links",
    )
    f.add_argument("--feed-url", help="where the feed itself is published")
    _add_language_option(f, "jsonfeed, atom or jsonld")
    f.add_argument("--html", action="store_true", help="also write content_html")
    f.add_argument("--ended", action="store_true", help="the blog is over (--format jsonld)")
    f.add_argument(
        "--previous",
        metavar="OLD.json",
        help="the JSON Feed of the last run: keep its item ids and report what changed "
        "(--format jsonfeed or atom)",
    )
    f.add_argument("-o", "--output", help="write here instead of stdout")
    _add_reading_options(f)

    m = commands.add_parser("merge", help="merge live blogs and feeds into one timeline")
    m.add_argument(
        "files",
        nargs="+",
        metavar="FILE",
        help="text or HTML live blogs, JSON Feeds, timelines from parse --format json, or "
        "folders of them",
    )
    m.add_argument(
        "--format",
        choices=("json", "jsonfeed", "atom", "text"),
        default="text",
        help="text (default): one line per merged entry with its sources; json, jsonfeed or atom",
    )
    m.add_argument("--title", help="the merged feed's title")
    _add_language_option(m, "jsonfeed or atom")
    m.add_argument("--no-dedupe", action="store_true", help="keep duplicate updates apart")
    m.add_argument(
        "--window",
        type=_window,
        default=30.0,
        metavar="MINUTES",
        help="minutes within which duplicates are sought (default 30)",
    )
    m.add_argument("-o", "--output", help="write here instead of stdout")
    _add_jobs_option(m, "the text and HTML files")
    _add_reading_options(m)

    c = commands.add_parser("changes", help="what changed between two snapshots of a blog")
    for name, when in (("old", "earlier"), ("new", "later")):
        c.add_argument(
            name,
            metavar=name.upper(),
            help=f"the {when} snapshot: a text or HTML file, a JSON Feed, the JSON of "
            "parse --format json (one timeline), or - for stdin",
        )
    c.add_argument(
        "--format",
        choices=("text", "json"),
        default="text",
        help="text (default): the counts, ids and what changed in each changed post; "
        "json: SnapshotChanges.to_dict",
    )
    c.add_argument("-o", "--output", help="write here instead of stdout")
    _add_reading_options(c)
    return parser


# what a folder on the command line stands for: the blogs saved in it, and for merge
# also the JSON timelines and feeds; each may be compressed
_MERGE_SUFFIXES = (*BLOG_SUFFIXES, ".json")
_COMPRESSED_SUFFIXES = (".gz", ".bz2", ".xz")


@attrs.define
class _Files:
    """The files the command line names: each folder stands for the files under it whose
    names end with one of ``suffixes`` (in any case, and then perhaps ``.gz``, ``.bz2`` or
    ``.xz``), at any depth, in name order, files and folders whose names start with ``.``
    left out. A folder with no such file, or one that cannot be read, and a pipe, socket
    or device in a folder are reported on stderr and ``failed`` is set."""

    suffixes: tuple[str, ...]
    failed: bool = False

    def __call__(self, names: Iterable[str]) -> Iterator[str]:
        for name in names:
            if name == "-" or not os.path.isdir(name):
                yield name
                continue
            found = False
            for root, folders, files in os.walk(name, onerror=self._unreadable):
                folders[:] = sorted(f for f in folders if not f.startswith("."))
                for file in sorted(files):
                    if not file.startswith(".") and self._is_blog(file):
                        found = True
                        path = os.path.join(root, file)
                        if self._is_regular(path):
                            yield path
            if not found:
                *most, last = self.suffixes
                print(
                    f"{name}: error: no blog files in this folder "
                    f"(names ending {', '.join(most)} or {last}, compressed or not)",
                    file=sys.stderr,
                )
                self.failed = True

    def _is_blog(self, file: str) -> bool:
        name = file.lower()
        if name.endswith(_COMPRESSED_SUFFIXES):
            name = name.rpartition(".")[0]
        return name.endswith(self.suffixes)

    def _is_regular(self, path: str) -> bool:
        """Whether ``path``, found in a folder, is to be read: a regular file, or a
        broken link (reading it reports it). A pipe, socket or device is reported and
        left: reading a pipe waits for a writer that never comes."""
        try:
            mode = os.stat(path).st_mode
        except OSError:
            return True
        if stat.S_ISREG(mode):
            return True
        print(f"{path}: error: not a regular file (a pipe, socket or device)", file=sys.stderr)
        self.failed = True
        return False

    def _unreadable(self, err: OSError) -> None:
        print(_error_line(str(err.filename), err), file=sys.stderr)
        self.failed = True

    @staticmethod
    def several(names: Sequence[str]) -> bool:
        """Whether ``names`` may stand for more than one file (a folder may)."""
        return len(names) > 1 or any(name != "-" and os.path.isdir(name) for name in names)


def _read(name: str) -> bytes:
    """The bytes of a file (``-``: stdin), decompressed when compressed."""
    return decompress(sys.stdin.buffer.read() if name == "-" else Path(name).read_bytes())


def _print_diagnostics(name: str, tl: Timeline, stream: TextIO) -> None:
    for w in tl.warnings:
        print(f"{name}:{w.line}:{w.column}: warning: {w.message} [{w.code}]", file=stream)


def _error_line(name: str, err: LiveblogError | OSError) -> str:
    if isinstance(err, ParseError):
        return f"{name}:{err.lineno}:{err.colno}: error: {err.msg}: {err.snippet!r}"
    if isinstance(err, DecodeError):
        where = "" if err.line is None else f"{err.line}:{err.column}:"
        return f"{name}:{where} error: {err.msg} (byte offset {err.offset})"
    if isinstance(err, FeedError):
        return f"{name}: error: {err}"
    if isinstance(err, OSError):
        return f"{name}: error: {err.strerror or err}"
    return f"{name}: error: {err}"


def _internal_line(name: str, err: Exception) -> str:
    return f"{name}: internal error: {type(err).__name__}: {err} (please report it)"


def _render_text(name: str, tl: Timeline) -> str:
    count = "1 entry" if len(tl) == 1 else f"{len(tl)} entries"
    lines = [f"# {name}: {count}, {tl.order}, date {tl.date or 'unknown'}"]
    for e in tl.entries:
        when = e.published.isoformat() if e.published else (e.day.isoformat() if e.day else "-")
        first = e.body.split("\n", 1)[0]
        lines.append(f"{when:<25}  {e.marker or '(no marker)'}  {first[:100]}".rstrip())
    return "\n".join(lines)


def _is_json_feed(data: bytes) -> bool:
    head = data[:4096].lstrip(b"\xef\xbb\xbf \t\r\n")
    return head.startswith(b"{") and b"jsonfeed.org/version" in head


def _load_json(data: bytes) -> Any:
    """A JSON document from UTF-8 bytes. Bytes that are not UTF-8 raise DecodeError, and
    nesting too deep for the decoder FeedError: bad input, as json.JSONDecodeError is."""
    try:
        return json.loads(data.decode("utf-8-sig"))
    except UnicodeDecodeError as err:
        msg = f"not UTF-8: {err.reason}"
        raise located_error(msg, data, err.start, "utf-8-sig") from None
    except RecursionError:
        msg = "not a JSON Feed: nested too deeply to read"
        raise FeedError(msg) from None


def _read_json_timelines(name: str, data: bytes) -> list[Timeline] | None:
    """A file's timelines when it is JSON: a JSON Feed read back, or the JSON ``parse``
    writes (a timeline or a list of them); None for a text blog or an HTML page. Other
    JSON raises FeedError."""
    if _is_json_feed(data):
        tl = Timeline.from_json_feed(_load_json(data))
        return [tl if tl.source is not None else attrs.evolve(tl, source=Source(name=name))]
    document = _json_document(name, data)
    if document is None:
        return None
    many = isinstance(document, list)
    timelines = []
    for index, item in enumerate(document if many else [document]):
        try:
            timelines.append(_named(Timeline.from_dict(item), name))
        except FeedError as err:
            msg = f"not a JSON Feed or a liveblog timeline: {err.msg}"
            raise FeedError(msg, path=f"/{index}{err.path}" if many else err.path) from None
    return timelines


def _json_document(name: str, data: bytes) -> Any:
    """The JSON document ``data`` holds when it is one (an object or a list), else None:
    no live blog is a JSON document. A file named ``*.json`` must be one: its errors
    raise (json.JSONDecodeError, DecodeError, FeedError) rather than make it a blog."""
    if name.lower().endswith(".json"):
        return _load_json(data)
    head = data[:64].lstrip(b"\xef\xbb\xbf \t\r\n")
    if not head.startswith((b"{", b"[")):
        return None
    try:
        return json.loads(data.decode("utf-8-sig"))
    except (UnicodeDecodeError, RecursionError, ValueError):
        return None


def _named(tl: Timeline, name: str) -> Timeline:
    """The timeline with ``Source(name=name)``, as if parsed with that source."""
    if tl.source is not None:
        return tl
    source = Source(name=name)
    entries = [evolve_entry(e, sources=(Provenance(source, e.id),)) for e in tl.entries]
    return attrs.evolve(tl, source=source, entries=entries)


def _parse_files(
    args: argparse.Namespace,
    files: Iterable[str],
    render: Callable[[str, Timeline], Any],
    *,
    named: bool = False,
    sink: Callable[[Any], None] | None = None,
    source: Source | None = None,
    stdin: bytes | None = None,
) -> tuple[list[Any], int]:
    """Parse every file (on ``args.jobs`` processes), printing each one's diagnostics.

    One broken file is reported and the others go on; the outputs keep the files' order.
    With ``named``, each timeline's source is its file (``-`` for stdin), so that the
    outputs can be told apart when some files failed. With ``sink``, each output is
    handed to it as soon as it is made (and none is kept), else they are returned.
    ``source`` is given to every parse (its URL is the base of an HTML page's relative
    links). ``stdin``: what standard input held, when it was read already.
    """
    names: deque[str] = deque()  # of the blogs taken and not yet given back

    def sources() -> Iterator[BlogSource]:
        for name in files:
            names.append(name)
            if name != "-":
                yield Path(name)
            else:
                yield sys.stdin.buffer.read() if stdin is None else stdin

    outputs: list[Any] = []
    status = EXIT_OK
    # parse_many takes each blog before giving its result: ``names`` is ahead of it
    for result in _parse_blogs(args, sources(), source=source):
        name = names.popleft()
        status = _worse(status, _report(name, result, args))
        if result.timeline is not None:
            tl = _named(result.timeline, name) if named else result.timeline
            if sink is None:
                outputs.append(render(name, tl))
            else:
                sink(render(name, tl))
    return outputs, status


def _parse_blogs(
    args: argparse.Namespace, blogs: Iterable[BlogSource], *, source: Source | None = None
) -> Iterator[Result]:
    """``parse_many`` of ``blogs`` with the command's reading options, on ``--jobs``
    processes (one for a command without the option). A file's timeline is not named
    after it here: the commands name files where their output says so (``_named``)."""
    options = {
        "date": args.date,
        "tz": args.tz,
        "now": args.now,
        "strict": args.strict,
        "source": source,
    }
    return _parse_many(blogs, options, jobs=getattr(args, "jobs", 1) or None, name_paths=False)


def _report(name: str, result: Result, args: argparse.Namespace) -> int:
    """Print a parse result's warnings (unless ``--quiet``) or its error; its exit status."""
    if result.timeline is not None:
        if not args.quiet:
            _print_diagnostics(name, result.timeline, sys.stderr)
        return EXIT_OK
    if isinstance(result.error, LiveblogError | OSError):
        print(_error_line(name, result.error), file=sys.stderr)
        return EXIT_BAD_INPUT
    print(_internal_line(name, result.error or RuntimeError("no result")), file=sys.stderr)
    return EXIT_INTERNAL


def _worse(status: int, other: int) -> int:
    """The exit status of a run with both outcomes: an internal error wins, then bad input."""
    if EXIT_INTERNAL in (status, other):
        return EXIT_INTERNAL
    return max(status, other)


def _write(args: argparse.Namespace, text: str | Iterable[str]) -> None:
    """Write the output, ``text`` or its pieces, to ``-o`` (see :func:`_replace`) or
    stdout, ended by one line break."""
    if args.output:
        _replace(Path(args.output), _output_pieces(text))
    else:
        for piece in _output_pieces(text):
            sys.stdout.write(piece)


def _output_pieces(text: str | Iterable[str]) -> Iterator[str]:
    # a lone surrogate (a JSON Feed may escape one) has no UTF-8: it is written as its
    # \udXXXX escape, which JSON output reads back as the same character
    last = ""
    for piece in (text,) if isinstance(text, str) else text:
        if piece:
            last = piece
            yield piece.encode("utf-8", "backslashreplace").decode("utf-8")
    if not last.endswith("\n"):
        yield "\n"  # one line break ends the output (an Atom document has its own)


_JSON = json.JSONEncoder(ensure_ascii=False, indent=2)


def _json_pieces(data: object) -> Iterator[str]:
    """``json.dumps(data, ensure_ascii=False, indent=2)`` in pieces of a few thousand of
    the encoder's chunks, to be written one by one: the whole text of a large timeline
    and the chunks ``json.dumps`` joins into it took 9 times the text's size (1.2 GB
    for the 130 MB of JSON of a 30 MB blog)."""
    chunks = _JSON.iterencode(data)
    while batch := list(itertools.islice(chunks, 8192)):
        yield "".join(batch)


def _replace(path: Path, text: Iterable[str]) -> None:
    """Write ``text`` to ``path`` whole or not at all (:func:`_replacing`)."""
    with _replacing(path) as out:
        out.writelines(text)


@contextlib.contextmanager
def _replacing(path: Path) -> Iterator[TextIO]:
    """A file to write ``path``'s new text into, whole or not at all: a new file beside
    it, moved over it when the block ends without an exception (and removed when one
    escapes it), so a feed reader fetching it, or the next run reading it back as
    ``--previous``, never finds half a document (a full disk or a killed run leaves the
    last one). The file keeps its permissions (a new one gets the umask's). A path that
    is no regular file (``/dev/stdout``, a pipe), or in a folder where no file may be
    added, is written in place; a symbolic link's target is replaced, not the link."""
    try:
        status = path.stat()
    except FileNotFoundError:
        status = None
    if status is not None and not stat.S_ISREG(status.st_mode):
        with path.open("w", encoding="utf-8") as out:
            yield out
        return
    target = Path(os.path.realpath(path))
    try:
        handle, temporary = tempfile.mkstemp(prefix=f".{target.name}.", dir=target.parent)
    except PermissionError:  # a folder we may not add to: the file as it is
        with target.open("w", encoding="utf-8") as out:
            yield out
        return
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            yield out
        if status is None:
            umask = os.umask(0)
            os.umask(umask)
            mode = 0o666 & ~umask
        else:
            mode = stat.S_IMODE(status.st_mode)
        os.chmod(temporary, mode)
        os.replace(temporary, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise


class _Stream:
    """Writes the outputs of many files one by one, as one document: a JSON list of
    them (``json_list``), or their texts a blank line apart. Nothing is written, and no
    output file made, when there is no output; the file is opened at the first one.
    An ``-o`` file is written whole or not at all, as ``feed`` and ``merge`` write
    theirs (:func:`_replacing`): :meth:`close` puts it in place, :meth:`abort` leaves
    the last one."""

    def __init__(self, args: argparse.Namespace, *, json_list: bool) -> None:
        self.path: str | None = args.output
        self.json_list = json_list
        self.count = 0
        self.out: TextIO | None = None
        self._file = contextlib.ExitStack()

    def add(self, text: str | Iterable[str]) -> None:
        """Write one output, its text or its pieces (:func:`_json_pieces`)."""
        if self.out is None:
            if self.path:
                self.out = self._file.enter_context(_replacing(Path(self.path)))
            else:
                self.out = sys.stdout
        if self.json_list:
            self.out.write(",\n  " if self.count else "[\n  ")
        elif self.count:
            self.out.write("\n\n")
        for piece in (text,) if isinstance(text, str) else text:
            if self.json_list:  # indented as an item of the list (JSON has no blank line)
                piece = piece.replace("\n", "\n  ")  # noqa: PLW2901
            # a lone surrogate (a JSON Feed may escape one) has no UTF-8: see _write
            self.out.write(piece.encode("utf-8", "backslashreplace").decode("utf-8"))
        self.count += 1

    def close(self) -> None:
        """End the document (and put an ``-o`` file in place)."""
        if self.out is None:
            return
        self.out.write("\n]\n" if self.json_list else "\n")
        if self.out is sys.stdout:
            self.out.flush()
        self._file.close()

    def abort(self) -> None:
        """Stop on an exception being raised: an ``-o`` file keeps its last text."""
        self._file.__exit__(*sys.exc_info())


def _run_parse(args: argparse.Namespace) -> int:
    several = _Files.several(args.files)
    files = _Files(BLOG_SUFFIXES)
    stream = _Stream(args, json_list=several and args.format in {"json", "jsonfeed"})

    def render_json(_name: str, tl: Timeline) -> Iterator[str]:
        if args.format == "jsonfeed":
            data = tl.to_json_feed(language=args.lang)
        else:
            data = tl.to_dict(include_text=False)
        return _json_pieces(data)

    render = render_json if args.format in {"json", "jsonfeed"} else _render_text
    try:
        # each file's output is written before the next file is parsed: memory stays
        # constant however many files there are
        _outputs, status = _parse_files(
            args, files(args.files), render, named=several, sink=stream.add
        )
    except BaseException:
        stream.abort()
        raise
    stream.close()
    return _worse(status, EXIT_BAD_INPUT) if files.failed else status


def _run_feed(args: argparse.Namespace) -> int:
    from liveblog.feeds import (  # noqa: PLC0415 - only this command needs the feed writers
        dumps_json_feed,
        dumps_json_ld,
        from_json_feed,
        to_atom,
        to_json_ld,
        update_feed,
    )
    from liveblog.feeds._common import DEFAULT_TITLE  # noqa: PLC0415

    # the blog's address is its entries' source and the base of a page's relative links
    source = Source(name=args.url, url=args.url) if args.url else None
    previous_feed = _previous_feed(args)
    if previous_feed is None:
        timelines, status = _parse_files(args, [args.file], lambda _name, tl: tl, source=source)
        if not timelines:
            return status
        tl = timelines[0]
    else:
        found = _with_previous_days(args, previous_feed, source)
        if isinstance(found, int):
            return found
        tl, status = found
    # the title stays the default when the source is only the --url given
    args.title = args.title or DEFAULT_TITLE
    if args.format == "jsonld":
        data = to_json_ld(
            tl, title=args.title, url=args.url, now=args.now, ended=args.ended, language=args.lang
        )
        _write(args, dumps_json_ld(data))
        return status
    feed = tl.to_json_feed(
        title=args.title,
        home_page_url=args.url,
        feed_url=args.feed_url,
        content_html=args.html,
        language=args.lang,
    )
    if args.previous:
        old = Path(args.previous)
        try:
            previous = _load_json(old.read_bytes()) if old.exists() else None
            # a previous document that is no JSON Feed is that file's fault
            feed, changes = update_feed(previous, feed, now=args.now)
        except (DecodeError, FeedError, OSError) as err:
            print(_error_line(args.previous, err), file=sys.stderr)
            return EXIT_BAD_INPUT
        if not args.quiet:
            print(changes, file=sys.stderr)
            if args.format == "atom" and changes.has_changes:
                # run alone, every Atom run would fold into the same old feed
                print(
                    f"{args.previous}: note: an Atom run does not update the previous JSON "
                    f"Feed; write it first (--format jsonfeed -o {args.previous}), then Atom "
                    "from it",
                    file=sys.stderr,
                )
    if args.format == "atom":
        atom = to_atom(
            from_json_feed(feed),
            title=args.title,
            home_page_url=args.url,
            feed_url=args.feed_url,
            modified=_modified(feed),
            language=args.lang,
            now=args.now,
        )
        _write(args, atom)
    else:
        _write(args, dumps_json_feed(feed))
    return status


def _previous_feed(args: argparse.Namespace) -> Timeline | None:
    """The ``--previous`` JSON Feed read back, for a run with ``--now`` and no
    ``--date``; None when there is none to read (a file that cannot be read is reported
    where it is folded in)."""
    if not args.previous or args.date is not None or args.now is None:
        return None
    from liveblog.feeds import from_json_feed  # noqa: PLC0415 - as in _run_feed

    try:
        return from_json_feed(_load_json(Path(args.previous).read_bytes()))
    except (LiveblogError, OSError, ValueError, TypeError):
        return None


def _day_shift(tl: Timeline, previous: Timeline) -> dt.timedelta:
    """How many days the previous feed puts the blog's posts after where ``tl`` has
    them, by its oldest post the previous feed holds (the same marker and text) with a
    day in both; none when they hold no post in common."""
    days = {(e.marker, e.body): e.day for e in previous.entries if e.day is not None}
    for entry in tl.entries:
        day = days.get((entry.marker, entry.body))
        if day is not None and entry.day is not None:
            return day - entry.day
    return dt.timedelta(0)


def _with_previous_days(
    args: argparse.Namespace, previous: Timeline, source: Source | None
) -> tuple[Timeline, int] | int:
    """The blog parsed, on the days the previous feed has its posts when ``--now`` is
    the only evidence of the blog's day and puts them on others: a blog that writes
    times alone, run again the next day before any newer post, would otherwise move
    every post to that day. Says so on stderr. The timeline and exit status, or the
    exit status when the blog could not be read."""
    stdin = sys.stdin.buffer.read() if args.file == "-" else None  # read twice below
    first = argparse.Namespace(**{**vars(args), "quiet": True})  # its warnings may not stand
    timelines, status = _parse_files(
        first, [args.file], lambda _name, tl: tl, source=source, stdin=stdin
    )
    if not timelines:
        return status
    tl = timelines[0]
    shift = dt.timedelta(0)
    if {e.kind for e in tl.date_evidence} == {"now"} and tl.date is not None:
        shift = _day_shift(tl, previous)
    if not shift:
        if not args.quiet:
            _print_diagnostics(args.file, tl, sys.stderr)
        return tl, status
    args.date = tl.date + shift
    if not args.quiet:
        print(
            f"{args.file}: note: the blog writes no date; it opened on "
            f"{args.date.isoformat()}, as {args.previous} has its posts, not on "
            f"{tl.date.isoformat()} as --now puts them (give --date to set it)",
            file=sys.stderr,
        )
    timelines, status = _parse_files(
        args, [args.file], lambda _name, tl: tl, source=source, stdin=stdin
    )
    return (timelines[0], status) if timelines else status


def _modified(feed: dict[str, Any]) -> dict[str, dt.datetime]:
    """Item id to ``date_modified``, for the items of a JSON Feed that have a readable one."""
    found: dict[str, dt.datetime] = {}
    for item in feed.get("items", ()):
        when = parse_instant(item.get("date_modified"))
        if when is not None and isinstance(item.get("id"), str):
            found[item["id"]] = when
    return found


def _run_merge(args: argparse.Namespace) -> int:
    files = _Files(_MERGE_SUFFIXES)
    names = list(files(args.files))
    # each file's timelines, in the files' order (it breaks ties in the merge); feeds and
    # JSON are read here, text and HTML parsed by parse_many, on --jobs processes
    read: list[list[Timeline]] = [[] for _ in names]
    parsed: list[int] = []  # the files handed to parse_many, in order
    status = EXIT_BAD_INPUT if files.failed else EXIT_OK

    def blogs() -> Iterator[bytes]:
        nonlocal status
        for k, name in enumerate(names):
            try:
                data = _read(name)
                timelines = _read_json_timelines(name, data)
            except json.JSONDecodeError as err:
                print(f"{name}:{err.lineno}:{err.colno}: error: {err.msg}", file=sys.stderr)
                status = _worse(status, EXIT_BAD_INPUT)
                continue
            except (LiveblogError, OSError) as err:
                print(_error_line(name, err), file=sys.stderr)
                status = _worse(status, EXIT_BAD_INPUT)
                continue
            if timelines is None:
                parsed.append(k)
                yield data
            else:
                for tl in timelines:
                    if not args.quiet:
                        _print_diagnostics(name, tl, sys.stderr)
                read[k] = timelines

    results = _parse_blogs(args, blogs())
    # parse_many takes each blog before giving its result: ``parsed`` is ahead of it
    for result, k in zip(results, parsed, strict=True):
        status = _worse(status, _report(names[k], result, args))
        if result.timeline is not None:
            read[k] = [_named(result.timeline, names[k])]
    timelines = [tl for timelines in read for tl in timelines]
    if not timelines:
        return status
    merged = merge(*timelines, dedupe=not args.no_dedupe, window=dt.timedelta(minutes=args.window))
    if args.format == "json":
        _write(args, _json_pieces(merged.to_dict(include_text=False)))
    elif args.format == "jsonfeed":
        feed = merged.to_json_feed(title=args.title, language=args.lang)
        _write(args, json.dumps(feed, ensure_ascii=False, indent=2))
    elif args.format == "atom":
        _write(args, merged.to_atom(title=args.title, language=args.lang, now=args.now))
    else:
        _write(args, _render_text("merged", merged))
    return status


def _snapshot(args: argparse.Namespace, name: str) -> tuple[Timeline | None, int]:
    """One snapshot for ``changes`` (None when it could not be read) and the exit
    status of reading it; its diagnostics or error are printed."""
    try:
        data = _read(name)
        timelines = _read_json_timelines(name, data)
    except json.JSONDecodeError as err:
        print(f"{name}:{err.lineno}:{err.colno}: error: {err.msg}", file=sys.stderr)
        return None, EXIT_BAD_INPUT
    except (LiveblogError, OSError) as err:
        print(_error_line(name, err), file=sys.stderr)
        return None, EXIT_BAD_INPUT
    if timelines is None:
        [result] = _parse_blogs(args, [data])
        return result.timeline, _report(name, result, args)
    if len(timelines) != 1:
        count = f"{len(timelines)} timelines" if timelines else "no timeline"
        print(f"{name}: error: holds {count}; changes compares one with one", file=sys.stderr)
        return None, EXIT_BAD_INPUT
    if not args.quiet:
        _print_diagnostics(name, timelines[0], sys.stderr)
    return timelines[0], EXIT_OK


def _shown(value: object) -> str:
    """A field's value in a line of ``changes`` text: long text cut at 100 characters."""
    if value is None:
        return "(none)"
    if isinstance(value, dt.datetime):
        return value.isoformat()
    text = str(value)
    return repr(text) if len(text) <= 100 else f"{text[:100]!r}..."


def _render_changes(found: SnapshotChanges) -> str:
    """``str(found)``, then for each changed post its id (``OLD (now NEW)`` when its
    time or marker was corrected) and each field that changed, ``field: old -> new``."""
    lines = [str(found)]
    for old, new in found.changed:
        lines.append(f"{old.id}:" if old.id == new.id else f"{old.id} (now {new.id}):")
        for field in ("marker", "published", "headline", "author", "body"):
            before, after = getattr(old, field), getattr(new, field)
            if before != after:
                lines.append(f"  {field}: {_shown(before)} -> {_shown(after)}")
    return "\n".join(lines)


def _run_changes(args: argparse.Namespace) -> int:
    from liveblog.feeds.incremental import changes  # noqa: PLC0415 - feeds load lazily

    (old, old_status), (new, new_status) = _snapshot(args, args.old), _snapshot(args, args.new)
    if old is None or new is None:
        return _worse(old_status, new_status)
    found = changes(old, new)
    if args.format == "json":
        _write(args, _json_pieces(found.to_dict()))
    else:
        _write(args, _render_changes(found))
    # whether or not the snapshots differ: 1 is an internal error here, not diff's "differ"
    return EXIT_OK


def _discard_stdout() -> None:
    """Point the standard output's file descriptor at the null device, so that the
    interpreter's last flush of what is still buffered cannot fail again at exit."""
    try:
        fd = sys.stdout.fileno()
    except (AttributeError, OSError, ValueError):
        return  # not a real file (a test's capture): nothing is flushed to a pipe
    null = os.open(os.devnull, os.O_WRONLY)
    os.dup2(null, fd)
    os.close(null)


# the formats of each command that are feeds, with a language
_LANGUAGE_FORMATS = {
    "parse": ("jsonfeed",),
    "feed": ("jsonfeed", "atom", "jsonld"),
    "merge": ("jsonfeed", "atom"),
}


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit code.

    >>> main(["parse", "seeds/eaworldview-2024-01-22.txt", "--date", "2024-01-22"])
    ... # doctest: +ELLIPSIS
    # seeds/eaworldview-2024-01-22.txt: 4 entries, newest-first, date 2024-01-22
    2024-01-22                 ORIGINAL ENTRY  The UK has sent satellite photographs of ...
    2024-01-22T07:20:00+00:00  UPDATE 0720 GMT  Ukraine President Volodymyr Zelenskiy ...
    2024-01-22T08:31:00+00:00  UPDATE 0831 GMT  The Ukraine Air Force says air defenses ...
    2024-01-22T15:48:00+00:00  UPDATE 1548 GMT  Ukraine President Volodymyr Zelenskiy ...
    0
    """
    parser = _build_parser()
    args = parser.parse_args(argv)
    named = getattr(args, "files", None) or [getattr(args, "old", ""), getattr(args, "new", "")]
    if named.count("-") > 1:
        # the second read of stdin would give an empty blog, silently
        args.usage_error("- (the standard input) can be named only once")
    language = getattr(args, "lang", None)  # changes writes no feed: it has no --lang
    if language is not None and args.format not in _LANGUAGE_FORMATS[args.command]:
        # the text and JSON timelines have no language to write it in
        formats = " or ".join(_LANGUAGE_FORMATS[args.command])
        args.usage_error(f"--lang needs --format {formats} (a feed)")
    if args.command == "feed":
        if args.previous and args.format == "jsonld":
            args.usage_error("--previous needs --format jsonfeed or atom (JSON-LD has no item ids)")
        if args.ended and args.format != "jsonld":
            args.usage_error("--ended needs --format jsonld (JSON Feed and Atom have no end)")
    try:
        runners = {
            "changes": _run_changes,
            "feed": _run_feed,
            "merge": _run_merge,
            "parse": _run_parse,
        }
        return runners[args.command](args)
    except json.JSONDecodeError as err:
        print(f"{args.previous}:{err.lineno}:{err.colno}: error: {err.msg}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except BrokenPipeError:
        # the output's reader went away (``| head -1``): not an error of the input
        _discard_stdout()
        return EXIT_BROKEN_PIPE
    except KeyboardInterrupt:
        print("liveblog: interrupted", file=sys.stderr)
        return EXIT_INTERRUPTED
    except (LiveblogError, OSError) as err:
        print(_error_line(getattr(args, "output", "") or "liveblog", err), file=sys.stderr)
        return EXIT_BAD_INPUT
    except Exception as err:
        print(_internal_line("liveblog", err), file=sys.stderr)
        return EXIT_INTERNAL

"""parse_html(): a saved live-blog page to a Timeline, from its JSON-LD or its visible text."""

from __future__ import annotations

import bisect
import datetime as dt
import html as html_lib
import itertools
import os
import re
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from typing import IO, Any, ClassVar, Literal, TypeAlias

import attrs

from liveblog.errors import MarkerError, ParseError
from liveblog.gcpause import pausing_gc
from liveblog.html.crosscheck import check_live_blog
from liveblog.html.encoding import decode_html
from liveblog.html.extract import HEADINGS, BlockMark, Extraction, TimeMark, extract
from liveblog.html.jsonld import (
    LiveBlogData,
    Update,
    parse_instant,
    read_live_blogs,
    unescape_refs,
)
from liveblog.io import read_text
from liveblog.markers.builtin import DEFAULT_DIALECTS
from liveblog.markers.dialect import (
    MARKER_SEPARATORS,
    Dialect,
    Marker,
    checked_markers,
)
from liveblog.markers.zones import get_tzinfo, lookup_zone, offset_key
from liveblog.model import (
    Block,
    DateEvidence,
    Diagnostic,
    DialectChoice,
    Entry,
    EntryIds,
    Order,
    Provenance,
    Source,
    Span,
    Timeline,
    evolve_entry,
    unchecked_span,
)
from liveblog.parse import check_arguments, parse_visible_text, source_of, with_mentions

__all__ = ["HeadingAboveDialect", "HtmlSource", "Prefer", "parse_html"]

HtmlSource: TypeAlias = str | bytes | os.PathLike[str] | IO[str] | IO[bytes]
Prefer: TypeAlias = Literal["auto", "json-ld", "visible"]
_PREFER = ("auto", "json-ld", "visible")
# Text blocks whose first occurrence in an entry decides whether it opens with a heading.
_LEAF_BLOCKS = HEADINGS | {"p", "li", "blockquote", "pre", "dt", "dd", "figcaption"}
# A marker clock that says which half of the day it is: 24-hour ("09:12", "2340",
# "17.05") or with am/pm ("11:40 p.m.").
_UNAMBIGUOUS_CLOCK = re.compile(
    r"(?<![0-9])(?:[01][0-9]|2[0-3])[:.h]?[0-5][0-9](?![0-9])|[0-9]\s*[ap]\.?\s?m\b",
    re.IGNORECASE,
)
# The largest offset east of UTC, in minutes (UTC+14:00).
_MAX_OFFSET = 14 * 60
# A body written as HTML: it holds at least one tag.
_HAS_TAG = re.compile(r"<(?:[a-zA-Z][a-zA-Z0-9]*)(?:\s[^>]*)?/?>")
# An XML feed's root element after its prolog: <feed> (Atom), <rss>, <rdf:RDF> (RSS 1.0)
_XML_FEED = re.compile(
    r"\ufeff?\s*+(?:<\?xml[^>]*+>\s*+)?(?:<!--(?:(?!-->).)*+-->\s*+)*+"
    r"(<(?:feed|rss|rdf:RDF)\b[^>]*+>?)",
    re.DOTALL | re.IGNORECASE,
)
# a page-wide problem, what the parse did about it (the warning says, a strict error,
# which stops the parse, does not) and the advice both give
_XML_FEED_PROBLEM = "the input is an Atom or RSS feed, not a web page"
_XML_FEED_OUTCOME = ": its text was read as a page's"
_XML_FEED_ADVICE = "; liveblog reads feeds as JSON Feed (Timeline.from_json_feed)"


@pausing_gc
def parse_html(
    html: HtmlSource,
    *,
    date: dt.date | None = None,
    tz: str | None = None,
    strict: bool = False,
    now: dt.datetime | None = None,
    source: str | Source | None = None,
    prefer: Prefer = "auto",
    dialects: Sequence[Dialect] = DEFAULT_DIALECTS,
    dialect: Dialect | None = None,
    mentions: bool = True,
) -> Timeline:
    """Parse a live-blog page saved from the web into a :class:`~liveblog.Timeline`.

    The page's schema.org ``LiveBlogPosting`` JSON-LD is used when it is present and
    passes the checks of :func:`~liveblog.html.crosscheck.check_live_blog`
    (``tl.origin == "json-ld"``); otherwise the visible text is extracted and parsed
    like any live blog (``tl.origin == "html"``), a ``<time datetime>`` element in an
    entry's marker block giving the entry its exact instant. JSON-LD that is present
    but rejected leaves a ``json-ld-rejected`` warning saying why. Spans point into
    ``tl.text``, the extracted (or, for JSON-LD, the rendered) text. Input without a
    single tag is read as the plain text it is (``tl.origin == "text"``, a ``not-html``
    warning; strict mode raises ParseError).

    Args:
        html: the page as ``str``, ``bytes`` (encoding from BOM or ``<meta>``), a path
            or an open file.
        date: the day the coverage opened; dates in ``<time>`` elements win.
        tz: IANA zone for times written without one.
        strict: raise instead of warning (about the visible text).
        now: the moment the page was saved, for relative ages.
        source: a name or :class:`~liveblog.Source` recorded on the timeline; by default
            a path's, as :func:`liveblog.parse` names it.
        prefer: ``auto`` (JSON-LD when sane), ``json-ld`` (JSON-LD whenever it is
            self-consistent, without comparing with the visible page) or ``visible``
            (ignore JSON-LD).
        dialects: the marker dialects for the visible text.
        dialect: force one dialect for the visible text.
        mentions: find and resolve the dates each entry mentions, whichever source the
            entries came from (offsets into ``tl.text``).

    Raises:
        DecodeError: bytes in no supported encoding.
        ParseError: strict mode and a problem in the visible text (its subclasses; its
            line and column are in the markup, its offsets in the extracted text).
        TypeError, ValueError: a bad argument.

    >>> import datetime as dt
    >>> page = '''<!doctype html><nav>Home | World</nav><main>
    ... <p>UPDATE 0940 GMT: Talks resume.</p>
    ... <p><time datetime="2024-01-16T08:31:27Z">UPDATE 0831 GMT</time>: Sirens.</p></main>'''
    >>> tl = parse_html(page, date=dt.date(2024, 1, 16))
    >>> tl.origin, [e.published.isoformat() for e in tl]
    ('html', ['2024-01-16T08:31:27+00:00', '2024-01-16T09:40:00+00:00'])
    >>> tl.entries[1].html
    '<p>UPDATE 0940 GMT: Talks resume.</p>'
    """
    if prefer not in _PREFER:
        msg = f"prefer must be one of 'auto', 'json-ld', 'visible', got {prefer!r}"
        raise ValueError(msg)
    check_arguments(date, tz, now, dialects, dialect)
    source = source_of(source, html)
    markup, encoding = read_text(html, decoder=decode_html, what="html")
    if not _HAS_TAG.search(markup):
        return _plain_text(
            markup,
            encoding,
            strict,
            date=date,
            tz=tz,
            now=now,
            source=source,
            dialects=dialects,
            dialect=dialect,
            mentions=mentions,
        )
    feed = _XML_FEED.match(markup)
    if feed is not None and strict:
        raise ParseError.at(_XML_FEED_PROBLEM + _XML_FEED_ADVICE, markup, *feed.span(1))
    extraction = extract(markup)
    options = _Options(date, tz, now, source, tuple(dialects), dialect)
    visible, exact = _visible_timeline(extraction, options, strict=False)
    rejected: str | None = None
    if prefer != "visible":
        blogs = read_live_blogs(extraction.json_ld, tz=tz)
        if blogs:
            blog = max(blogs, key=lambda b: len(b.updates))
            count = None if prefer == "json-ld" else _marked(visible)
            rejected = check_live_blog(blog, visible_entries=count, visible_instants=exact)
            if rejected is None:
                chosen = _json_ld_timeline(
                    blog,
                    visible,
                    options,
                    encoding=encoding,
                    base_url=_base_url(extraction, options),
                )
                return with_mentions(chosen) if mentions else chosen
        elif prefer == "json-ld":
            rejected = "the page has no LiveBlogPosting json-ld"
    if strict and visible.warnings:
        # raises for a problem the page left (its <time> elements answer some)
        visible, _exact = _visible_timeline(extraction, options, strict=True)
    warnings = visible.warnings
    if feed is not None:
        note = _XML_FEED_PROBLEM + _XML_FEED_OUTCOME + _XML_FEED_ADVICE
        warnings = (_page_note("xml-feed", note), *warnings)
    if rejected is not None:
        warnings = (
            _page_note("json-ld-rejected", f"{rejected}; the visible page was used"),
            *warnings,
        )
    chosen = attrs.evolve(visible, warnings=warnings, encoding=encoding)
    # the visible parse runs without mentions: it is also the JSON-LD's cross-check
    return with_mentions(chosen) if mentions else chosen


_NOT_HTML = "the input holds no HTML tag"
_NOT_HTML_OUTCOME = ", so it was read as plain text, as liveblog.parse reads it"


def _plain_text(markup: str, encoding: str | None, strict: bool, **options: Any) -> Timeline:
    """Input without a single tag, read as the text it is: read as HTML, its lines would
    run together, and with them the markers that open them."""
    if strict:
        raise ParseError.at(_NOT_HTML, markup, 0, 0)
    tl = parse_visible_text(markup, strict=False, **options)
    note = _page_note("not-html", _NOT_HTML + _NOT_HTML_OUTCOME)
    return attrs.evolve(tl, warnings=(note, *tl.warnings), encoding=encoding)


def _page_note(code: str, message: str) -> Diagnostic:
    """A warning about the whole page, placed at its start."""
    return Diagnostic(
        code=code, message=message, span=unchecked_span(0, 0), line=1, column=1, snippet=""
    )


@attrs.frozen
class _Options:
    date: dt.date | None
    tz: str | None
    now: dt.datetime | None
    source: str | Source | None
    dialects: tuple[Dialect, ...]
    dialect: Dialect | None


def _base_url(x: Extraction, options: _Options) -> str | None:
    """The address relative links in entry HTML are resolved against: the page's own,
    else the source's URL."""
    if x.base_url is not None:
        return x.base_url
    return options.source.url if isinstance(options.source, Source) else None


def _marked(tl: Timeline) -> int:
    return sum(1 for e in tl.entries if e.marker_span is not None)


@attrs.frozen
class HeadingAboveDialect:
    """Wraps a dialect so that a heading standing just above a marker opens the entry.

    Pages that put an entry's headline above its time (``<h3>Rail services
    suspended</h3><time>10:12</time>``, as in many broadcasters' live pages) read in
    text as "headline, time, body", which a text dialect cannot tell from the end of
    the previous entry. The page's structure can: when the innermost block holding
    the marker starts with a heading that ends right before the marker's line, the
    entry starts at that heading (``Marker.start``) and the heading is its headline.

    >>> from liveblog.html.extract import extract
    >>> from liveblog.markers.dialect import PatternDialect
    >>> update = PatternDialect("update", "UPDATE[ ](?P<hhmm>[0-9]{4})[ ]GMT")
    >>> x = extract("<article><h3>Talks end</h3><p>UPDATE 1548 GMT</p><p>Body</p></article>")
    >>> m, = HeadingAboveDialect(update, x).scan(x.text)
    >>> x.text[m.start:m.match.end], m.headline
    ('Talks end\\n\\nUPDATE 1548 GMT', 'Talks end')
    """

    CHECKS_MARKERS: ClassVar[bool] = True
    """It checks a user's dialect's markers itself (``checked_markers``), before its
    own adjustments, which keep them in order: the parse need not check them again."""
    inner: Dialect
    """The text dialect whose markers are adjusted."""
    extraction: Extraction = attrs.field(repr=False, eq=False)
    """The page the text came from."""
    _starts: list[int] = attrs.field(init=False, repr=False, eq=False)

    def __attrs_post_init__(self) -> None:
        starts = [b.span.start for b in self.extraction.blocks]
        object.__setattr__(self, "_starts", starts)

    @property
    def name(self) -> str:
        """The wrapped dialect's name."""
        return self.inner.name

    def __getattr__(self, name: str) -> Any:
        """The wrapped dialect's optional attributes (``needle``, ``min_count``...)."""
        if name.startswith("_"):  # never for internals (copying, pickling)
            raise AttributeError(name)
        return getattr(self.inner, name)

    def scan(self, text: str) -> Iterator[Marker]:
        """The wrapped dialect's markers, opened earlier where a heading stands above."""
        markers = list(self.inner.scan(text))
        checked_markers(self.inner, markers, text)  # a user's: checked before adjusting
        if text is not self.extraction.text:
            return iter(markers)
        return self._adjust_all(markers)

    def scan_lines(
        self, text: str, starts: Sequence[int], origins: Sequence[int]
    ) -> Iterator[Marker]:
        """Like :meth:`scan`, for dialects that scan only candidate lines.

        The wrapped dialect's markers point into the page's text, which is adjusted.
        """
        # scan_lines is an optional extra of built-in dialects, not part of the protocol.
        inner_scan: Callable[..., Iterable[Marker]] = getattr(self.inner, "scan_lines")  # noqa: B009
        markers = list(inner_scan(text, starts, origins))
        checked_markers(self.inner, markers, text)
        return self._adjust_all(markers)

    def _adjust_all(self, markers: Sequence[Marker]) -> Iterator[Marker]:
        text = self.extraction.text
        ordered = sorted(markers, key=lambda m: m.match.start)
        for k, marker in enumerate(ordered):
            low = ordered[k - 1].match.end if k else 0
            high = ordered[k + 1].match.start if k + 1 < len(ordered) else len(text)
            yield self._adjust(text, marker, unchecked_span(low, high))

    def _adjust(self, text: str, marker: Marker, room: Span) -> Marker:
        """Open ``marker`` at a heading above it, within its block, between neighbours."""
        if marker.kind != "entry":
            return marker
        at = marker.match.start
        line_start = text.rfind("\n", 0, at) + 1
        blocks = self.extraction.blocks
        for i in self.extraction.enclosing(at, self._starts):
            block = blocks[i]
            if block.span.start >= line_start:
                continue  # the block starts on the marker's line: nothing above it
            if block.span.start < room.start or block.span.end > room.end:
                return marker  # the block holds other entries too: a page heading
            heading = _first_leaf(blocks, self._starts, block.span)
            if heading is None or heading.tag not in HEADINGS:
                return marker
            if heading.span.end > line_start or text[heading.span.end : line_start].strip():
                return marker
            title = " ".join(text[heading.span.start : heading.span.end].split())
            if not title or len(title) > 300:
                return marker
            return attrs.evolve(marker, start=heading.span.start, headline=title)
        return marker


def _first_leaf(
    blocks: Sequence[BlockMark], starts: Sequence[int], within: Span
) -> BlockMark | None:
    """The first text block (paragraph, heading, item...) inside ``within``."""
    i = bisect.bisect_left(starts, within.start)
    while i < len(blocks) and blocks[i].span.start < within.end:
        block = blocks[i]
        i += 1
        inside = block.span.end <= within.end
        if inside and block.tag in _LEAF_BLOCKS and block.span.start < block.span.end:
            return block
    return None


def _visible_timeline(
    x: Extraction, options: _Options, *, strict: bool
) -> tuple[Timeline, tuple[dt.datetime, ...]]:
    """The timeline of the visible text, and the instants taken from ``<time>`` elements."""
    dialects = tuple(HeadingAboveDialect(d, x) for d in options.dialects)
    forced = None if options.dialect is None else HeadingAboveDialect(options.dialect, x)

    def run(date: dt.date | None, *, strict: bool) -> Timeline:
        try:
            return parse_visible_text(
                x.text,
                date=date,
                tz=options.tz,
                strict=strict,
                now=options.now,
                source=options.source,
                dialects=dialects,
                dialect=forced,
                mentions=False,
            )
        except ParseError as err:
            line, column = x.markup_position(err.start)
            raise type(err)(
                err.msg,
                snippet=err.snippet,
                start=err.start,
                end=err.end,
                lineno=line,
                colno=column,
            ) from None

    # without date=, strict mode raises only after the <time> elements had their say
    # on the blog's date (the text alone may not give it)
    tl = run(options.date, strict=strict and options.date is not None)
    every, stamps, mislabelled = _time_stamps_shown(x, tl)
    evidence = tl.date_evidence
    if options.date is None and every:
        oldest = min(every.items(), key=lambda item: item[1][0])
        entry = tl.entries[oldest[0]]
        instant, mark = oldest[1]
        # a mislabelled offset still shows the marker's clock, and its day
        opening = (_local(instant, entry.zone) if oldest[0] in stamps else instant).date()
        tl = run(opening, strict=strict)
        _every, stamps, mislabelled = _time_stamps_shown(x, tl)
        evidence = (
            DateEvidence(kind="html-time", text=mark.datetime, span=mark.span, date=opening),
        )
    elif strict and options.date is None:
        tl = run(None, strict=True)
    if strict and mislabelled:
        first = min(mislabelled, key=lambda w: w.span.start)
        line, column = x.markup_position(first.span.start)
        raise MarkerError(
            first.message,
            snippet=first.snippet,
            start=first.span.start,
            end=first.span.end,
            lineno=line,
            colno=column,
        )
    starts = [b.span.start for b in x.blocks]
    base = _base_url(x, options)
    entries = []
    for k, entry in enumerate(tl.entries):
        changes: dict[str, object] = {"html": x.fragment(entry.span, base_url=base) or None}
        if k in stamps:
            instant = stamps[k][0]
            zone = _zone_name(instant, entry.zone, entry.time, entry.marker)
            local = _local(instant, zone)
            changes.update(
                published=instant,
                day=local.date(),
                time=local.time().replace(tzinfo=None),
                zone=zone,
            )
        if entry.headline is None:
            changes["headline"] = _heading(x, starts, entry)
        entries.append(evolve_entry(entry, **changes))
    timeline = attrs.evolve(
        tl,
        entries=entries,
        origin="html",
        date_evidence=evidence,
        date=tl.date,
        text=x.text,
        warnings=tuple(
            _in_markup(w, x)
            for w in (*_answered(tl, stamps), *sorted(mislabelled, key=lambda w: w.span.start))
        ),
    )
    return timeline, tuple(instant for instant, _mark in stamps.values())


_Stamps: TypeAlias = dict[int, tuple[dt.datetime, TimeMark]]


def _time_stamps_shown(x: Extraction, tl: Timeline) -> tuple[_Stamps, _Stamps, list[Diagnostic]]:
    """The entries' ``<time>`` instants (see :func:`_time_stamps`), then those less the
    ones whose offset is mislabelled, with a warning for each: the marker writes its
    zone, the instant read in it does not show the marker's clock, but the instant's
    own offset does (``4:40 p.m. ET`` with ``datetime="...T16:40:00Z"``: local time
    written as UTC). The marker's own reading stands for those."""
    every = _time_stamps(x, tl)
    stamps = dict(every)
    dropped: list[Diagnostic] = []
    for k, (instant, mark) in every.items():
        entry = tl.entries[k]
        shown, span = entry.time, entry.marker_span
        if (
            span is None
            or entry.zone is None
            or not _shows(instant, shown)
            or _shows(_local(instant, entry.zone), shown)
            or not _writes_zone(entry.marker)
        ):
            continue
        del stamps[k]
        dropped.append(
            Diagnostic(
                code="zones-disagree",
                message=f'the page\'s <time datetime="{mark.datetime}"> is not the instant '
                f"'{entry.marker}' shows (local time with a wrong offset); the marker is used",
                span=span,
                line=1,
                column=1,
                snippet=entry.marker,
            )
        )
    return every, stamps, dropped


def _writes_zone(marker: str) -> bool:
    """Whether the marker's last word names a zone (``4:40 p.m. ET``, ``1548 GMT``)."""
    words = marker.split()
    return len(words) > 1 and lookup_zone(words[-1].strip("()[],:")) is not None


def _in_markup(warning: Diagnostic, x: Extraction) -> Diagnostic:
    """``warning`` with the line and column of its text in the page's markup (its span
    and snippet stay those of the extracted text)."""
    line, column = x.markup_position(warning.span.start)
    return attrs.evolve(warning, line=line, column=column)


def _answered(tl: Timeline, stamps: Mapping[int, object]) -> tuple[Diagnostic, ...]:
    """The text's warnings, less those the page's ``<time>`` elements answered.

    A relative age (``12m ago``) needs ``now=`` only when its entry has no instant from
    a ``<time>`` element; bare clocks read as UTC mattered only when an entry with a
    clock has none.
    """
    if not stamps:
        return tl.warnings
    stamped = [tl.entries[k].marker_span for k in stamps]
    clocks_stamped = all(
        k in stamps
        for k, e in enumerate(tl.entries)
        if e.marker_span is not None and e.time is not None
    )

    def answered(w: Diagnostic) -> bool:
        if w.code == "no-zone":
            return clocks_stamped
        if w.code == "no-now":
            return any(m is not None and m.start <= w.span.start < m.end for m in stamped)
        return False

    return tuple(w for w in tl.warnings if not answered(w))


def _local(instant: dt.datetime, zone: str | None) -> dt.datetime:
    if zone is None:
        return instant
    try:
        return instant.astimezone(get_tzinfo(zone))
    except ValueError:
        return instant


def _zone_name(
    instant: dt.datetime,
    entry_zone: str | None,
    shown: dt.time | None = None,
    marker: str = "",
) -> str:
    """The zone in which to give ``instant``'s day and time.

    The entry's own zone when it has the instant's offset, or when the instant read
    in it shows the marker's clock (``shown``): a page writes ``11:40 p.m. ET`` with
    ``datetime="...T04:40Z"``. Else, when the marker's clock is unambiguous (24-hour,
    or with am/pm), the fixed offset in which the instant shows it. Else the entry's
    zone when it has the instant's offset, else that offset.
    """
    offset = instant.utcoffset() or dt.timedelta(0)
    if entry_zone is not None and _shows(_local(instant, entry_zone), shown):
        return entry_zone
    if shown is not None and _UNAMBIGUOUS_CLOCK.search(marker):
        utc = instant.astimezone(dt.UTC)
        minutes = (shown.hour * 60 + shown.minute - utc.hour * 60 - utc.minute) % 1440
        if minutes > _MAX_OFFSET:
            minutes -= 1440  # down to UTC-10:00
        if minutes % 15 == 0:
            return offset_key(minutes)
    if entry_zone is not None and _local(instant, entry_zone).utcoffset() == offset:
        return entry_zone
    return offset_key(int(offset.total_seconds() // 60))


def _shows(local: dt.datetime, shown: dt.time | None) -> bool:
    return shown is not None and (local.hour, local.minute) == (shown.hour, shown.minute)


def _line_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    first = text.rfind("\n", 0, start) + 1
    last = text.find("\n", end)
    return first, len(text) if last < 0 else last


def _entry_block(x: Extraction, starts: Sequence[int], entry: Entry, at: int) -> Span | None:
    """The outermost block that holds the marker and lies wholly within the entry."""
    found: Span | None = None
    for i in x.enclosing(at, starts):
        span = x.blocks[i].span
        if span.start < entry.span.start or span.end > entry.span.end:
            break
        found = span
    return found


def _time_stamps(x: Extraction, tl: Timeline) -> dict[int, tuple[dt.datetime, TimeMark]]:
    """For each entry index, the instant of the ``<time>`` element in its marker block."""
    if not x.times:
        return {}
    times = x.times
    time_starts = [t.span.start for t in times]
    block_starts = [b.span.start for b in x.blocks]
    text = x.text
    found: dict[int, tuple[dt.datetime, TimeMark]] = {}
    for k, entry in enumerate(tl.entries):
        marker = entry.marker_span
        if marker is None:
            continue
        line_start, line_end = _line_bounds(text, marker.start, marker.end)
        # One line either side: "headline / time / text" and "time / headline" layouts.
        near_start = text.rfind("\n", 0, max(0, line_start - 1)) + 1 if line_start else 0
        near_end = (
            _line_bounds(text, line_end + 1, line_end + 1)[1] if line_end < len(text) else line_end
        )
        block = _entry_block(x, block_starts, entry, marker.start)
        lo = bisect.bisect_left(time_starts, near_start)
        candidates: list[tuple[int, TimeMark]] = []
        for mark in times[lo : bisect.bisect_right(time_starts, near_end)]:
            span = mark.span
            if span.start < marker.end and span.end > marker.start:
                rank = 0
            elif line_start <= span.start and span.end <= line_end:
                rank = 1
            elif block is not None and block.start <= span.start and span.end <= block.end:
                rank = 2
            else:
                continue
            candidates.append((rank, mark))
        for _rank, mark in sorted(candidates, key=lambda c: c[0]):
            instant = parse_instant(mark.datetime)
            if instant is not None:
                found[k] = (instant, mark)
                break
    return found


def _heading(x: Extraction, starts: Sequence[int], entry: Entry) -> str | None:
    """The text of the heading the entry opens with (after its marker), if any."""
    text, marker, within = x.text, entry.marker_span, entry.span
    i = bisect.bisect_left(starts, within.start)
    while i < len(x.blocks) and x.blocks[i].span.start < within.end:
        block = x.blocks[i]
        i += 1
        span = block.span
        if span.end > within.end or block.tag not in _LEAF_BLOCKS or span.start == span.end:
            continue
        start = span.start
        if marker is not None and span.start <= marker.start < span.end:
            start = max(start, marker.end)
        words = " ".join(text[start : span.end].strip(MARKER_SEPARATORS).split())
        if not words:
            continue  # the block holds the marker alone: the next block decides
        return words if block.tag in HEADINGS else None
    return None


def _json_ld_timeline(
    blog: LiveBlogData,
    visible: Timeline,
    options: _Options,
    *,
    encoding: str | None,
    base_url: str | None,
) -> Timeline:
    origin = visible.source
    pieces: list[str] = []
    length = 0

    def add(piece: str) -> Span:
        nonlocal length
        if pieces:
            pieces.append("\n\n\n")
            length += 3
        pieces.append(piece)
        length += len(piece)
        return unchecked_span(length - len(piece), length)

    preamble = Block("", unchecked_span(0, 0))
    if blog.description:
        description = " ".join(blog.description.split())
        preamble = Block(description, add(description))
    updates = blog.updates
    order = _order(updates)
    by_instant = {e.published: e.html for e in visible.entries if e.published is not None}
    rendered: list[tuple[Update, Span, str, str | None]] = []
    for update in updates:
        body, body_html = _body(update.body, base_url)
        block = "\n\n".join(p for p in (update.headline or "", body) if p)
        span = add(block)
        html = body_html or by_instant.get(_instant(update)) or _paragraphs_html(body)
        rendered.append((update, span, body, html))
    chrono = list(range(len(rendered)))
    if order == "newest-first":
        chrono.reverse()
    chrono.sort(key=lambda i: _instant(rendered[i][0]))
    ids = EntryIds()
    entries: list[Entry] = []
    for i in chrono:
        update, span, body, html = rendered[i]
        instant = _instant(update)
        zone = _zone_name(instant, options.tz)
        local = _local(instant, zone)
        day, clock = local.date(), local.time().replace(tzinfo=None)
        entry_id = ids.next(day=day, time=clock, marker=update.published_text or "")
        entries.append(
            Entry(
                id=entry_id,
                marker="",
                body=body,
                span=span,
                published=instant,
                day=day,
                time=clock,
                zone=zone,
                ordinal=i,
                headline=update.headline,
                author=update.author,
                sources=() if origin is None else (Provenance(origin, entry_id),),
                html=html,
            )
        )
    opening = options.date or (entries[0].day if entries else None)
    evidence: tuple[DateEvidence, ...] = ()
    if options.date is not None:
        evidence = (DateEvidence(kind="given", text="", span=None, date=options.date),)
    elif entries and opening is not None:
        first = entries[0]
        written = rendered[first.ordinal][0].published_text or ""
        evidence = (DateEvidence(kind="json-ld", text=written, span=None, date=opening),)
    return Timeline(
        entries=entries,
        preamble=preamble,
        date=opening,
        tz=options.tz,
        order=order,
        warnings=(),
        dialect=DialectChoice(),
        date_evidence=evidence,
        source=origin,
        encoding=encoding,
        origin="json-ld",
        text="".join(pieces),
    )


def _instant(update: Update) -> dt.datetime:
    # check_live_blog has made sure that every update has one.
    assert update.published is not None
    return update.published


def _order(updates: Sequence[Update]) -> Order:
    times = [u.published for u in updates if u.published is not None]
    forward = sum(1 for a, b in itertools.pairwise(times) if b > a)
    backward = sum(1 for a, b in itertools.pairwise(times) if b < a)
    if backward > forward:
        return "newest-first"
    if forward > backward:
        return "oldest-first"
    return "unknown"


def _body(raw: str, base_url: str | None = None) -> tuple[str, str | None]:
    """The body's text (paragraphs kept) and, when it was written as HTML, that HTML.

    A plain-text body has its character references decoded (``It&#39;s``).
    """
    if _HAS_TAG.search(raw):
        part = extract(raw)
        return part.text, part.fragment(
            unchecked_span(0, len(part.text)), base_url=base_url
        ) or None
    # plain text, often written with character references ("It&#39;s"); decoded, an
    # escaped "&lt;p&gt;" is text too, never read as a tag
    paragraphs = [" ".join(unescape_refs(p).split()) for p in re.split(r"\n\s*\n", raw)]
    return "\n\n".join(p for p in paragraphs if p), None


def _paragraphs_html(body: str) -> str | None:
    if not body:
        return None
    return "".join(f"<p>{html_lib.escape(p, quote=False)}</p>" for p in body.split("\n\n"))

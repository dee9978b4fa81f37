"""parse(): compose the stages (read, scan markers, split, stamp, mentions) into a Timeline."""

from __future__ import annotations

import datetime as dt
import functools
import itertools
import os
import re
import reprlib
import unicodedata
from collections.abc import Callable, Iterator, Sequence
from typing import IO, Any, Final

import attrs
import regex

from liveblog.chronology import Age, Stamp, WrittenDay, detect_order, stamp_markers
from liveblog.diagnostics import Reporter
from liveblog.errors import MarkerError, NoMarkersError
from liveblog.gcpause import pausing_gc
from liveblog.io import BLOG_SUFFIXES, read_text
from liveblog.markers.builtin import AGE_COUNT, AGE_UNIT, DEFAULT_DIALECTS, NAME_PARTICLE
from liveblog.markers.choice import Choice, choose_markers, is_ui_line
from liveblog.markers.decoration import Undecorated, line_tag, plain_line, undecorate
from liveblog.markers.dialect import (
    Dialect,
    Marker,
    PatternDialect,
    age_length,
    line_start,
    names_nobody,
    writes_day_first,
)
from liveblog.markers.entities import blank_entities, find_entities
from liveblog.markers.lines import BLANK_LINE
from liveblog.markers.widths import half_width
from liveblog.markers.zones import ZoneSpec, find_page_zone, find_stamp_zone, get_tzinfo
from liveblog.model import (
    Block,
    DateEvidence,
    Entry,
    EntryIds,
    Mention,
    Order,
    Source,
    SourceSlice,
    SourceText,
    Span,
    Timeline,
    evolve_entry,
    pack_span,
    unchecked_entry,
    unchecked_provenance,
    unchecked_span,
)

__all__ = [
    "Segment",
    "body_ranges",
    "check_arguments",
    "parse",
    "parse_visible_text",
    "split_entries",
    "with_mentions",
]

TextSource = str | bytes | os.PathLike[str] | IO[str] | IO[bytes]
# liveblog.temporal.resolve.piece_mentions: source, reference, start, end, day first, and
# the zone of a reference that is a day
PieceMentions = Callable[
    [SourceText, dt.date | dt.datetime | None, int, int, bool, dt.tzinfo | None],
    tuple[Mention, ...],
]


@attrs.frozen
class Segment:
    """One entry's place in the text before it is stamped."""

    marker: Marker | None
    """The marker that opens it; None for a document without markers."""
    span: Span
    """The whole entry, trimmed of surrounding whitespace."""
    body: str | SourceSlice
    """The entry's text without its marker (a slice of the source when it is one piece)."""
    section: Marker | None = None
    """The day header above the entry, if any."""
    headline: str | None = None
    """The entry's headline, if it has one."""
    cuts: tuple[Span, ...] = ()
    """Parts of the span that are not body text (the marker, a day header)."""
    day_header: str | None = None
    """The day header inside the span, as written (``Tuesday 23 January (Day Three)``)."""

    def body_ranges(self) -> list[Span]:
        """The parts of the span that make up the body (the span without the cuts)."""
        return body_ranges(self.span, self.cuts)


# a Span without NamedTuple's __new__, a Python call: two or three for every entry
_new_tuple = tuple.__new__
# each field's slot setter, in the fields' order (the unpacking fails at import when a
# field is added): _new_segment sets them without attrs' __init__
(_set_marker, _set_span, _set_body, _set_section, _set_headline, _set_cuts, _set_day_header) = (
    vars(Segment)[field.name].__set__ for field in attrs.fields(Segment)
)


def _new_segment(  # noqa: PLR0917 - positional, as split_entries has them
    marker: Marker | None,
    span: Span,
    body: str | SourceSlice,
    section: Marker | None,
    headline: str | None,
    cuts: tuple[Span, ...],
    day_header: str | None,
    /,
) -> Segment:
    """A :class:`Segment` of every field in order, its slots set directly (attrs'
    ``__init__`` sets each through ``object.__setattr__`` by name: a segment an entry).

    >>> segment = _new_segment(None, Span(0, 2), "ab", None, None, (), None)
    >>> segment == Segment(None, Span(0, 2), "ab")
    True
    """
    segment: Segment = object.__new__(Segment)
    _set_marker(segment, marker)
    _set_span(segment, span)
    _set_body(segment, body)
    _set_section(segment, section)
    _set_headline(segment, headline)
    _set_cuts(segment, cuts)
    _set_day_header(segment, day_header)
    return segment


def _strip_span(text: str, start: int, end: int) -> Span:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return _new_tuple(Span, (start, end))


def body_ranges(span: Span, cuts: Sequence[Span]) -> list[Span]:
    """``span`` without the ``cuts`` (marker, day header): the ranges of body text."""
    ranges: list[Span] = []
    position, end = span
    for cut_start, cut_end in sorted(cuts) if len(cuts) > 1 else cuts:
        if cut_start > position:
            ranges.append(_new_tuple(Span, (position, min(cut_start, end))))
        position = max(position, cut_end)
    if end > position:
        ranges.append(_new_tuple(Span, (position, end)))
    return ranges


def _body(text: str, span: Span, cuts: Sequence[Span]) -> str | SourceSlice:
    """The text of ``span`` without the ``cuts`` (marker, day header), pieces stripped
    and joined by line breaks; a single piece, the usual case, as a slice of ``text``."""
    if len(cuts) == 1 and cuts[0][0] <= span[0]:  # the usual case: the marker opens the span
        start, end = _strip_span(text, max(span[0], cuts[0][1]), span[1])
        return SourceSlice(text, start, end) if end > start else ""
    pieces = [p for r in body_ranges(span, cuts) if (p := _strip_span(text, *r)).end > p.start]
    if len(pieces) == 1:
        return SourceSlice(text, *pieces[0])
    return "\n".join(text[p.start : p.end] for p in pieces)


_HEADLINE_LIMIT = 200


def _breaks_paragraph(first: str, rest: str) -> bool:
    """Whether ``first`` is the first line of a paragraph broken into lines (a copy from
    a PDF or a print view), not a headline: it ends with a hyphen breaking a word
    (``sanc-`` / ``tions``), or the next line goes on with a lower-case word
    (``regional``, not ``iPhone``)."""
    following = rest.lstrip()
    return (first.endswith("-") and first[-2:-1].isalpha()) or following[:2].islower()


def _headline(body: str) -> str | None:
    """The body's first line when text follows it; a share widget's lines ("Share",
    "Copy link") are page chrome, neither the headline nor the text below it, and the
    first line of a paragraph broken into lines is none."""
    if "\r" in body:  # CRLF or lone CR line ends
        body = body.replace("\r\n", "\n").replace("\r", "\n")
    first, _, rest = body.partition("\n")
    while is_ui_line(first) and rest:
        first, _, rest = rest.partition("\n")
    first = first.strip()
    if (
        rest.strip()
        and 0 < len(first) <= _HEADLINE_LIMIT
        and not is_ui_line(rest)
        and not _breaks_paragraph(first, rest)
    ):
        return plain_line(first)
    return None


def split_entries(text: str, markers: Sequence[Marker]) -> tuple[Block, list[Segment]]:
    """Cut ``text`` at the markers: the preamble and one segment per entry marker.

    A day header directly above an entry marker (nothing but blanks between them) joins
    that entry's span, outside its body, and its line is the segment's ``day_header``;
    any other day header stays in the text around it. The preamble and the segments'
    spans together cover every non-whitespace character of ``text`` exactly once.

    >>> import datetime as dt
    >>> mk = Marker(Span(7, 22), Span(7, 23), "update", clock=dt.time(15, 48))
    >>> pre, segs = split_entries("Intro.\\nUPDATE 1548 GMT: Talks.", [mk])
    >>> pre.text, segs[0].span, str(segs[0].body)
    ('Intro.', Span(start=7, end=30), 'Talks.')
    """
    openers = [m for m in markers if m.kind != "day-header"]
    if not openers:
        span = _strip_span(text, 0, len(text))
        return Block("", unchecked_span(0, 0)), [Segment(None, span, SourceSlice(text, *span))]
    if any(m.kind == "closing" for m in openers):
        return _split_closing(text, openers)
    starts = [m.start for m in openers]
    cuts: list[list[Span]] = [[m.match] if m.label is None else [m.match, m.label] for m in openers]
    sections: list[Marker | None] = [None] * len(openers)
    joined: list[Marker | None] = [None] * len(openers)  # the header inside each span
    header: Marker | None = None
    k = 0  # openers seen so far: markers come in text order
    for marker in markers:
        if marker.kind != "day-header":
            sections[k] = header
            k += 1
            continue
        header = marker
        if k < len(openers) and not text[marker.match.end : openers[k].start].strip():
            starts[k] = min(starts[k], marker.start)
            cuts[k].append(marker.match)
            joined[k] = marker
    pre_span = _strip_span(text, 0, starts[0])
    preamble = Block(
        text[pre_span.start : pre_span.end], pre_span if pre_span.size else unchecked_span(0, 0)
    )
    segments: list[Segment] = []
    first = 0  # the first copy of the marker that opens the entry (see _repeats)
    for k, marker in enumerate(openers):
        end = starts[k + 1] if k + 1 < len(openers) else len(text)
        if (
            k + 1 < len(openers)
            and marker.clock == openers[k + 1].clock  # (_repeats' first test, without its call)
            and _repeats(text, marker, openers[k + 1])
        ):
            continue
        span = _strip_span(text, starts[first], end)
        if first < k:  # the copies are body text, a day header above them is not
            cuts[k] += cuts[first][1:]
        body = _body(text, span, cuts[k])
        headline = openers[first].headline or marker.headline
        if headline is None and (marker.headline_next or _age_alone(text, marker)):
            lines = str(body)
            if "\r" in lines and "\n" not in lines:  # a text whose lines end with lone CRs
                lines = lines.replace("\r", "\n")
            if first < k:  # the body's first lines are the copies
                lines = lines.split("\n", k - first)[-1]
            headline = _headline(lines)
        above = joined[first]
        day_header = None if above is None else plain_line(str(_body(text, above.match, ())))
        segments.append(
            _new_segment(marker, span, body, sections[first], headline, tuple(cuts[k]), day_header)
        )
        first = k + 1
    return preamble, segments


def _age_alone(text: str, marker: Marker) -> bool:
    """Whether ``marker`` is a relative age alone on its line (``45 mins ago``): like a
    bare time, it has its headline on the line below."""
    if marker.age is None:
        return False
    end = marker.match.end
    while end < len(text) and text[end] in " \t":
        end += 1
    return end == len(text) or text[end] in "\r\n"


def _repeats(text: str, marker: Marker, following: Marker) -> bool:
    """Whether ``following`` is a copy of ``marker`` right below it (a page that prints
    a post's stamp twice: ``14:32 BST`` over ``14:32 BST``): the same time, nothing but
    blanks or a share widget's line between. The two open one entry, whose body keeps
    the first copy."""
    if not (
        marker.clock == following.clock
        and marker.age == following.age
        and marker.is_timed
        and marker.zone_text == following.zone_text
        and marker.day == following.day
        and marker.month_day == following.month_day
    ):
        return False
    between = text[marker.match.end : following.start]
    return not between.strip() or is_ui_line(between)


def _split_closing(text: str, closers: Sequence[Marker]) -> tuple[Block, list[Segment]]:
    """Entries that end with their marker (a byline after the text).

    Each entry runs from the end of the previous byline to the end of its own; text
    after the last byline joins the last entry, so nothing is lost. A title block above
    the first entry's text is the preamble (see :func:`_title_end`).
    """
    segments: list[Segment] = []
    position = _title_end(text, closers)
    pre_span = _strip_span(text, 0, position)
    preamble = (
        Block(text[slice(*pre_span)], pre_span)
        if pre_span.size
        else Block("", unchecked_span(0, 0))
    )
    for k, marker in enumerate(closers):
        end = marker.match.end if k + 1 < len(closers) else len(text)
        span = _strip_span(text, position, end)
        body = _body(text, span, [marker.match])
        segments.append(Segment(marker, span, body, None, _headline(str(body)), (marker.match,)))
        position = marker.match.end
    return preamble, segments


_TITLE_LINE_MAX = 150
_TITLE_ENDS = tuple('.!?"”’')


def _title_end(text: str, closers: Sequence[Marker]) -> int:
    """Where the first entry of a page closed by bylines begins: after a title block
    (short lines that end no sentence, then a blank line) above its text, on a page
    whose posts hold no blank line; else 0. On a page of posts closed by their time
    (``... helping. — 14:32``, each ending its paragraph), whose posts hold no blank
    line, the first post is its last paragraph too, and all above it (a standfirst's
    sentences too) the preamble."""
    first = closers[0].match.start
    blank = BLANK_LINE.search(text, 0, first)
    if blank is None or not text[blank.end() : first].strip():
        return 0
    stamps = closers[0].dialect == "closing-stamp"
    lines = [line.strip() for line in text[: blank.start()].splitlines() if line.strip()]
    if not stamps and (
        not lines or any(len(t) > _TITLE_LINE_MAX or t.endswith(_TITLE_ENDS) for t in lines)
    ):
        return 0
    for before, marker in itertools.pairwise(closers):
        post = _strip_span(text, before.match.end, marker.match.start)
        if BLANK_LINE.search(text, post.start, post.end):
            return 0  # the page's posts run over several paragraphs
    if stamps:
        *_, blank = BLANK_LINE.finditer(text, blank.start(), first)
    return blank.end()


_PARAGRAPH = regex.compile(r"[^\r\n]+(?:(?:\r\n?|\n)[^\r\n]*\S[^\r\n]*)*")
_PROSE_MIN = 120
_PROSE_END = tuple('.!?"”’')


def _unmarked_opening(
    text: str, preamble: Block, segments: list[Segment]
) -> tuple[Block, list[Segment]]:
    """In an oldest-first blog, prose before the first marker is the opening entry.

    Titles, captions and notes ("All times GMT.") stay in the preamble; the first
    paragraph of running prose (a long one that ends a sentence) and what follows it
    up to the first marker become an untimed opening entry.
    """
    if not preamble.text or detect_order([s.marker for s in segments]) != "oldest-first":
        return preamble, segments
    for m in _PARAGRAPH.finditer(text, preamble.span.start, preamble.span.end):
        if _prose(m.group()):
            opening = _strip_span(text, m.start(), preamble.span.end)
            before = _strip_span(text, preamble.span.start, m.start())
            head = Block(text[slice(*before)], before if before.size else unchecked_span(0, 0))
            return head, [Segment(None, opening, SourceSlice(text, *opening)), *segments]
    return preamble, segments


# Words of a place in a dateline, lower-case between its capitalised words: a name's
# particles (Rio de Janeiro, Sint-Maarten van ...) and a place's (Dar es Salaam,
# Newcastle upon Tyne, Frankfurt am Main, Port of Spain)
_PLACE_PARTICLE = rf"(?:{NAME_PARTICLE}|(?-i:es|el|los|las|les|sur|upon|am|an|im|of|y))"


@functools.cache
def _dateline() -> regex.Pattern[str]:
    """An agency's or a paper's dateline opening a story's first paragraph: the place,
    up to two more parts after commas (a country, a day), the agency in brackets, a
    dash: "ANKARA, March 14 (Reuters) -", "WASHINGTON (AP) —", "KYIV, Ukraine, Jan 22
    (AFP) --"; the place in capitals, or in title case (maybe with lower-case words
    between, "Rio de Janeiro", "Dar es Salaam") before a news agency's name ("Kyiv
    (AFP) -", "Berlin (dpa) –": "Jane Smith (Labour) -" is no dateline). Without the
    agency, a place in capitals (group ``plain``) or in title case (group ``titled``),
    maybe a state or country in title case after a comma, and a dash before a capital:
    "LONDON — The", "KYIV, Ukraine — Russia", "WASHINGTON -- A", "PARIS - The", "Kyiv —
    Russia"; an agency's without a place, "(Reuters) - Oil", "(Bloomberg) -- Shares".
    The blanks around the dash may be no-break spaces (or "?", where a copy lost them),
    and the dateline in Markdown's emphasis, "**LONDON —** The". Compiled on first use:
    ``import liveblog`` does not pay for it."""
    word = r"\p{Lu}[\p{L}'’.\-]{1,20}"
    title = rf"{word}(?:[ ](?:{_PLACE_PARTICLE}[ ]){{0,2}}{word}){{0,3}}"
    caps = r"\p{Lu}[\p{Lu}'’.\- ]{1,30}"
    part = r"\p{Lu}[\p{L}'’.]*(?:[ ][\p{L}\p{N}][\p{L}\p{N}'’.]*){0,2}"
    # (a blank may be a no-break space, or "?" where a copy lost one)
    agency = "(?:Reuters|AFP|AP|dpa|UPI|EFE|ANSA|Xinhua|PTI|ANI|AAP|PA|Bloomberg)"
    dash = r"[*_]{0,2}[ \xa0?]*(?:--|[-–—])[*_]{0,2}[ \xa0?]"
    return regex.compile(
        rf"(?<![^\r\n])[*_]{{0,2}}(?:"
        rf"(?:{caps}(?P<caps>)|{title})"
        r"(?:,[ ]*[\p{L}0-9'’. ]{1,30}){0,2}[ \xa0]*"
        rf"\((?(caps)[\p{{L}}&. ]{{2,30}}|{agency})\){dash}"
        rf"|\({agency}\){dash}(?=[\p{{Lu}}\p{{N}}\"“‘])"
        rf"|(?:(?P<plain>{caps}(?<![ ]))|(?P<titled>{title}))(?:,[ \xa0?]{part}){{0,2}}"
        r"[*_]{0,2}(?:[ \xa0?]?[—–]|[ \xa0?]--?)[*_]{0,2}[ \xa0?](?=[\p{Lu}\p{N}\"“‘])"
        r")"
    )


# What every dateline has at a line's start, a dash after a bracket ("Kyiv (AFP) -",
# "(Reuters) -") or after a place's words and maybe a comma's part ("LONDON —", "KYIV,
# Ukraine —", "Kyiv —"): looked for first, as the whole dateline's pattern costs 5 M
# instructions to compile
_DATELINE_DASH = re.compile(
    r"(?<![^\r\n])[*_]{0,2}(?:(?:[^\W\d_]|\()[^\r\n]{0,90}?\)[*_]{0,2}[ \xa0?]*(?:--|[-–—])"
    r"|[^\W\d_a-z](?:[^\W\d_]|['’.\- ]){1,30}(?:,[^\r\n]{1,60}?)?[*_]{0,2}"
    r"(?:[ \xa0?]?[—–]|[ \xa0?]--?))[*_]{0,2}[ \xa0?]"
)
# Places that stand alone in a dateline without an agency ("Kyiv —", "LONDON —"), as
# _folded writes them: capitals and the cities news is most often filed from (others
# take their state or country, "SPRINGFIELD, Ill. —"); words before a dash are as often
# a label ("Meanwhile —", "KICK-OFF —") or a speaker ("Jane Smith —"), so the place is
# looked up, not read from its shape
_DATELINE_PLACES = frozenset(
    (
        *("london", "paris", "berlin", "madrid", "rome", "lisbon", "dublin", "brussels"),
        *("amsterdam", "the hague", "luxembourg", "bern", "geneva", "zurich", "vienna"),
        *("prague", "bratislava", "budapest", "warsaw", "krakow", "vilnius", "riga"),
        *("tallinn", "helsinki", "stockholm", "oslo", "copenhagen", "reykjavik", "athens"),
        *("nicosia", "valletta", "sofia", "bucharest", "belgrade", "zagreb", "ljubljana"),
        *("sarajevo", "skopje", "tirana", "podgorica", "pristina", "chisinau", "minsk"),
        *("kyiv", "kiev", "kharkiv", "odesa", "odessa", "lviv", "dnipro", "moscow"),
        *("st petersburg", "saint petersburg", "tbilisi", "yerevan", "baku", "ankara"),
        *("istanbul", "milan", "naples", "barcelona", "munich", "frankfurt", "hamburg"),
        *("strasbourg", "marseille", "lyon", "manchester", "edinburgh", "glasgow"),
        *("cardiff", "belfast", "birmingham", "jerusalem", "tel aviv", "gaza", "ramallah"),
        *("beirut", "damascus", "amman", "baghdad", "tehran", "riyadh", "jeddah", "doha"),
        *("dubai", "abu dhabi", "kuwait city", "muscat", "manama", "sanaa", "aden", "cairo"),
        *("alexandria", "tripoli", "benghazi", "tunis", "algiers", "rabat", "casablanca"),
        *("khartoum", "port sudan", "addis ababa", "nairobi", "mogadishu", "kampala"),
        *("kigali", "dar es salaam", "dodoma", "kinshasa", "goma", "lagos", "abuja"),
        *("accra", "dakar", "bamako", "niamey", "ouagadougou", "abidjan", "johannesburg"),
        *("pretoria", "cape town", "durban", "harare", "lusaka", "maputo", "luanda"),
        *("kabul", "islamabad", "karachi", "lahore", "new delhi", "delhi", "mumbai"),
        *("kolkata", "chennai", "bengaluru", "dhaka", "colombo", "kathmandu", "beijing"),
        *("shanghai", "hong kong", "taipei", "tokyo", "osaka", "seoul", "pyongyang"),
        *("ulaanbaatar", "bangkok", "hanoi", "ho chi minh city", "phnom penh", "yangon"),
        *("naypyitaw", "manila", "jakarta", "kuala lumpur", "singapore", "sydney"),
        *("melbourne", "canberra", "brisbane", "perth", "wellington", "auckland"),
        *("washington", "new york", "los angeles", "chicago", "houston", "miami"),
        *("san francisco", "boston", "atlanta", "dallas", "seattle", "detroit", "denver"),
        *("philadelphia", "new orleans", "las vegas", "phoenix", "ottawa", "toronto"),
        *("baltimore", "cincinnati", "cleveland", "honolulu", "indianapolis", "milwaukee"),
        *("minneapolis", "oklahoma city", "pittsburgh", "st louis", "salt lake city"),
        *("san antonio", "san diego", "sacramento", "austin", "nashville", "orlando"),
        *("montreal", "vancouver", "mexico city", "havana", "panama city", "caracas"),
        *("bogota", "quito", "lima", "la paz", "santiago", "buenos aires", "montevideo"),
        *("asuncion", "brasilia", "sao paulo", "rio de janeiro", "port-au-prince"),
        *("san juan", "santo domingo", "guatemala city", "san salvador", "managua"),
        *("tegucigalpa", "san jose", "kingston", "united nations", "vatican city"),
    )
)
# The longest line of a story's head (its headline or byline) above its dateline
_HEAD_LINE_MAX = 120
_HEAD_END = tuple('.!?:;"”')
# Words that make capitals before a dash a post's label or a shout, not a place
# ("BREAKING —", "EDITOR'S NOTE —", "UPDATE —"), besides the words no author's name holds
_NOT_PLACES = frozenset(
    (
        *("breaking", "latest", "analysis", "watch", "video", "listen", "recap", "summary"),
        *("explainer", "exclusive", "pictured", "alert", "reaction", "background", "context"),
        *("news", "just", "developing", "urgent", "flash", "note", "editor's", "editors"),
        *("editor’s", "clarification", "opinion", "warning", "live", "photo", "photos"),
        *("audio", "quote", "poll", "fact", "check", "read", "more", "also", "related", "goal"),
    )
)


def _a_place(words: str) -> bool:
    """Whether capitals before a dash name a place, not a label ("UPDATE", "BREAKING
    NEWS") or a shout of one word without a vowel ("HMM")."""
    lower = words.lower()
    return (
        _NOT_PLACES.isdisjoint(lower.replace("-", " ").split())
        and not names_nobody(lower)
        and any(c in "aeiouy" for c in lower)
    )


def _story_dateline(
    text: str, segments: list[Segment], start: int, end: int
) -> regex.Match[str] | None:
    """The first dateline opening a line between ``start`` and ``end`` (the oldest
    post's text after its first paragraph). One without an agency ("LONDON —") counts
    only opening a paragraph of prose, with no such dateline opening a later one (a
    round-up, "MOSCOW — ..." then "BEIJING — ..."), and only on a page none of whose
    posts opens with one (the posts' own way of telling where they were written)."""
    posts: bool | None = None
    for found in _dateline().finditer(text, start, end):
        if found.group("plain") is None and found.group("titled") is None:
            return found
        if not _a_plain(found):
            continue
        told = _PARAGRAPH.match(text, found.start())
        if told is None or not _prose(told.group()):
            continue
        if any(_a_plain(later) for later in _dateline().finditer(text, told.end(), end)):
            return None  # a round-up of places, each under its dateline: the post's own
        if posts is None:
            posts = any(_opens_plain_dateline(text, s) for s in segments)
        if not posts:
            return found
    return None


def _opens_plain_dateline(text: str, segment: Segment) -> bool:
    """Whether a post's text opens with a dateline without an agency ("LONDON —")."""
    ranges = _written(text, segment)
    if not ranges:
        return False
    body = _strip_span(text, *ranges[0])
    # (matched in a copy: the text's own line may hold the post's marker before it)
    found = _dateline().match(text[body.start : min(body.end, body.start + 200)])
    return found is not None and _a_plain(found)


def _written(text: str, segment: Segment) -> list[Span]:
    """The ranges of a post's body that hold text (not the blanks between its day
    header and its marker)."""
    return [r for r in body_ranges(segment.span, segment.cuts) if not text[slice(*r)].isspace()]


def _a_plain(found: regex.Match[str]) -> bool:
    """Whether a dateline is one without an agency naming a place: capitals that name
    no label, a place that stands alone in datelines or one with its state, country or
    day after a comma ("LONDON —", "SPRINGFIELD, Ill. —", not "BREAKING —" nor "KICK-OFF
    —"), or title case naming a place that stands alone ("Kyiv —", not "Meanwhile —"
    nor "Jane Smith —")."""
    if (place := found.group("plain")) is not None:
        return _a_place(place) and (
            _folded(place) in _DATELINE_PLACES or found.string.startswith(",", found.end("plain"))
        )
    titled = found.group("titled")
    return titled is not None and _folded(titled) in _DATELINE_PLACES


def _folded(words: str) -> str:
    """Words lower-cased without their accents or dots, blanks single: "São Paulo" gives
    "sao paulo", "St. Louis" "st louis"."""
    bare = unicodedata.normalize("NFKD", words.casefold().replace(".", ""))
    return " ".join("".join(c for c in bare if not unicodedata.combining(c)).split())


def _a_head(paragraph: str) -> bool:
    """Whether a paragraph could be a story's head (its headline, its byline, its
    agency or stamp): its lines are short and end no sentence."""
    return not any(
        len(line) > _HEAD_LINE_MAX or line.rstrip().endswith(_HEAD_END)
        for line in paragraph.splitlines()
    )


def _prose(paragraph: str) -> bool:
    """Whether a paragraph is running prose: long, and ending a sentence."""
    paragraph = paragraph.strip()
    return len(paragraph) >= _PROSE_MIN and paragraph.endswith(_PROSE_END)


# A byline alone on its line opening with "By" and a capital: looked for first, as the
# whole byline's pattern is compiled on first use
_BYLINE_START = re.compile(r"(?<![^\r\n])[*_]{0,2}(?:By|BY)[ ]+[^\W\d_]")
# Words of a title-case heading that are no person's name ("By Rail And Road", "By The
# Sea")
_NOT_NAMES = frozenset(("and", "the", "of", "to", "for", "with", "from", "in", "on", "at", "or"))
# What joins a byline's names: "Lena Mirova, Tomas Kerr and Ana Costa", "A & B"
_NAMES_JOINER = r"[ ]*,[ ]*|[ ]+and[ ]+|[ ]*&[ ]*"


@functools.cache
def _byline() -> regex.Pattern[str]:
    """A story's byline alone on its line: "By", then people's names of two words or
    more (maybe with particles, "Ana de Souza"), joined by commas, "and" or "&", maybe
    their agency or desk after a comma or a bar: "By Lena Mirova and Tomas Kerr", "By
    Ana Costa, Reuters", maybe in Markdown's emphasis, "*By Ana Costa*". Compiled on
    first use."""
    word = r"\p{Lu}[\p{L}'’.\-]+"
    name = rf"{word}(?:[ ](?:{NAME_PARTICLE}[ ]){{0,2}}{word}){{1,3}}"
    return regex.compile(
        r"(?<![^\r\n])[*_]{0,2}(?:By|BY)[ ]+"
        rf"(?P<names>{name}(?:(?:{_NAMES_JOINER}){name}){{0,3}})"
        r"(?:[ ]*[,|·][ ]*\p{Lu}[\p{L}&.' ]{1,40})?[*_]{0,2}[ ]*(?=[\r\n]|\Z)"
    )


def _story_byline(
    text: str, segments: list[Segment], start: int, end: int
) -> regex.Match[str] | None:
    """The first byline of a story between ``start`` and ``end`` (the oldest post's text
    after its first paragraph): naming people, over a paragraph of prose, on a page
    none of whose posts above holds a byline (the posts' own, then)."""
    for found in _byline().finditer(text, start, end):
        names = regex.split(_NAMES_JOINER, found.group("names"))
        if any(
            names_nobody(name) or not _NOT_NAMES.isdisjoint(name.lower().split()) for name in names
        ):
            continue
        told = _PARAGRAPH.search(text, found.end(), end)
        if told is not None and _a_head(told.group()):  # the agency, a stamp: "Reuters"
            told = _PARAGRAPH.search(text, told.end(), end)
        if told is None or not _prose(told.group()):
            continue
        if _byline().search(text, segments[0].span.start, start) is None:
            return found
        return None
    return None


# A live page's label before or after its title's words ("Live updates: ...", "... -
# live", "... – as it happened"), left out when the title is looked for again
_LIVE_LABEL = re.compile(
    r"^(?:live(?:[ ]updates|[ ]blog)?|latest)[ ]*[:|–—-][ ]*"
    r"|[ ]*[:|–—-][ ]*(?:live(?:[ ]updates|[ ]blog|[ ]coverage)?|as[ ]it[ ]happened"
    r"|latest(?:[ ]updates|[ ]news)?)$",
    re.IGNORECASE,
)
# The fewest words a page's title repeated as a story's headline holds
_TITLE_WORDS = 3


def _page_title(text: str, end: int) -> str:
    """The page's title: the first line of ``text[:end]`` (the preamble) that holds
    text, stripped."""
    return text[:end].lstrip().partition("\n")[0].strip()


def _story_title(text: str, segments: list[Segment], start: int, end: int) -> re.Match[str] | None:
    """The page's title (its first line, without a live label: "Live updates: Rail
    workers walk out" gives "Rail workers walk out") alone on a line between ``start``
    and ``end``, over a paragraph of prose: the story's headline, repeated."""
    title = _LIVE_LABEL.sub("", _page_title(text, segments[0].span.start)).strip()
    if len(title.split()) < _TITLE_WORDS or title not in text[start:end]:
        return None
    alone = re.compile(rf"(?<![^\r\n])[ \t]*{re.escape(title)}[ \t]*(?=[\r\n]|\Z)")
    for found in alone.finditer(text, start, end):
        told = _PARAGRAPH.search(text, found.end(), end)
        if told is not None and _prose(told.group()):
            return found
    return None


def _story_below(text: str, segments: list[Segment]) -> list[Segment]:
    """In a newest-first blog, an agency's or a paper's story below the oldest update
    (the original one, without an ``ORIGINAL STORY`` label) is an untimed entry of its
    own.

    The story is told by its dateline ("ANKARA, March 14 (Reuters) -", "LONDON —"), by
    its headline and byline ("By Jane Smith") or by its headline repeating the page's
    title, over prose, opening a paragraph of the oldest post after its first one, with
    more paragraphs below it and longer than the post above it (a paragraph of a wire
    story quoted in a post stays there); the paragraphs right above a dateline whose
    lines are short and end no sentence (its headline, its byline) go with it.
    """
    last = segments[-1]
    if last.marker is None or last.marker.kind != "entry":
        return segments
    ranges = _written(text, last)
    if len(ranges) != 1:  # the body in one piece, below its marker
        return segments
    first = _PARAGRAPH.search(text, *_strip_span(text, *ranges[0]))
    if first is None:
        return segments
    end = last.span.end
    # (looked for first: the patterns are not compiled on pages without either)
    dash = _DATELINE_DASH.search(text, first.end(), end) is not None
    by = _BYLINE_START.search(text, first.end(), end) is not None
    title = _story_title(text, segments, first.end(), end)
    if not (dash or by or title):
        return segments
    # (day headers tell the order where clocks restart under each)
    if detect_order([s.marker for s in segments], [s.section for s in segments]) != "newest-first":
        return segments
    found: regex.Match[str] | re.Match[str] | None = (
        _story_dateline(text, segments, first.end(), end) if dash else None
    )
    byline = False
    if found is None and by:
        found = _story_byline(text, segments, first.end(), end)
        byline = found is not None
    found = found or title
    if found is None:
        return segments
    start = found.start()
    paragraphs = list(_PARAGRAPH.finditer(text, first.end(), start))
    for m in reversed(paragraphs[-2:]):
        if not _a_head(m.group()):
            break
        start = m.start()
    kept = _strip_span(text, last.span.start, start)
    story = _strip_span(text, start, end)
    told = _PARAGRAPH.search(text, found.end(), end)
    if told is None or told.end() >= end or story.size <= kept.size:
        return segments  # a wire story's paragraph quoted in a post, not the story
    if byline and start == found.start():
        return segments  # a byline without a headline above it: a post's own
    return [
        *segments[:-1],
        attrs.evolve(last, span=kept, body=_body(text, kept, last.cuts)),
        Segment(None, story, SourceSlice(text, *story)),
    ]


def _mentions(
    source: SourceText, segment: Segment, stamp: Stamp, day_first: bool, zone: dt.tzinfo | None
) -> tuple[Mention, ...]:
    """The dates an entry's body mentions, resolved against the entry's own time, or its
    day in the timeline's ``zone`` (each piece's span is the parse's own, inside the
    text: the bounds are not checked again)."""
    reference: dt.date | dt.datetime | None = stamp.published or stamp.day
    pieces = body_ranges(segment.span, segment.cuts)
    in_piece = _piece_mentions()
    if len(pieces) == 1:  # the usual case: the mentions of one piece are already a tuple
        start, end = pieces[0]
        return in_piece(source, reference, start, end, day_first, zone)
    found: list[Mention] = []
    for start, end in pieces:
        found.extend(in_piece(source, reference, start, end, day_first, zone))
    return tuple(found)


def _find_mentions(
    source: SourceText,
    reference: dt.date | dt.datetime | None,
    piece: Span,
    day_first: bool,
    zone: dt.tzinfo | None,
) -> tuple[Mention, ...]:
    """Mentions in ``piece``, a span inside the text (the parse's own, or a timeline's,
    which its tiling check holds there), so that its bounds are not checked again (near
    the calendar's ends, year 1 and 9999, the resolver leaves what falls outside it
    unresolved); ``day_first``, whether the blog writes its slashed dates day first (see
    :func:`~liveblog.markers.dialect.writes_day_first`); ``zone``, the timeline's, where a
    day ``reference`` is."""
    start, end = piece
    return _piece_mentions()(source, reference, start, end, day_first, zone)


@functools.cache
def _piece_mentions() -> PieceMentions:
    """``liveblog.temporal.resolve.piece_mentions``, imported at the first call: ``import
    liveblog`` should not pay for the mention tables, and an import statement run for
    every entry costs more than this cached call."""
    from liveblog.temporal.resolve import piece_mentions  # noqa: PLC0415

    return piece_mentions


@pausing_gc
def with_mentions(tl: Timeline) -> Timeline:
    """The timeline with every entry's mentions (and the preamble's) found in ``tl.text``.

    For timelines built without them (from HTML): each entry's span, less its marker,
    is scanned and resolved against the entry's own instant, or its day in the
    timeline's zone.

    >>> import datetime as dt
    >>> tl = parse("UPDATE 0900 GMT: Talks on Monday.", date=dt.date(2024, 1, 23),
    ...            mentions=False)
    >>> [m.value for m in with_mentions(tl).entries[0].mentions]
    ['2024-01-22']
    """
    if tl.text is None:
        return tl
    source = SourceText(tl.text)
    day_first = writes_day_first(tl.text, [e.marker_span for e in tl.entries if e.marker_span])
    zone = None if tl.tz is None else get_tzinfo(tl.tz)
    entries = []
    for entry in tl.entries:
        cuts = () if entry.marker_span is None else (entry.marker_span,)
        reference: dt.date | dt.datetime | None = entry.published or entry.day
        found = tuple(
            m
            for piece in body_ranges(entry.span, cuts)
            for m in _find_mentions(source, reference, piece, day_first, zone)
        )
        entries.append(evolve_entry(entry, mentions=found))
    preamble = (
        _find_mentions(source, tl.date, tl.preamble.span, day_first, zone)
        if tl.preamble.span.size
        else ()
    )
    return attrs.evolve(tl, entries=entries, preamble_mentions=preamble)


_ZONE_WINDOW = 4000


def _page_zone_window(text: str, preamble_end: int) -> str:
    """Where a page states its zone: the preamble (and the start), and the page's end.

    The end is joined after a line break at the same length as the text would have, so
    that offsets in the head stay valid.
    """
    head_end = max(preamble_end, _ZONE_WINDOW)
    if len(text) <= head_end + _ZONE_WINDOW:
        return text
    return text[:head_end] + "\n" + text[-_ZONE_WINDOW:]


def _defined_zones(
    text: str, stated: tuple[int, int], zone: str, segments: list[Segment]
) -> list[Segment]:
    """The segments, their markers' unknown abbreviations that the line of the page's
    zone statement (``text[slice(*stated)]``) writes read as the zone it states: "All
    times NPT (GMT+5:45)" defines ``09:40 NPT:``, which the zone table lacks."""
    if not any(
        s.marker is not None and s.marker.zone_text and s.marker.zone is None for s in segments
    ):
        return segments
    end = text.find("\n", stated[1])
    line = text[line_start(text, stated[0]) : len(text) if end < 0 else end]
    words = set(regex.findall(r"\b[A-Z]{2,5}\b", line))
    defined = ZoneSpec(zone)
    return [
        attrs.evolve(s, marker=attrs.evolve(s.marker, zone=defined))
        if s.marker is not None and s.marker.zone is None and s.marker.zone_text in words
        else s
        for s in segments
    ]


# an argument's repr in an error: long texts shortened, a datetime's (zone and all) whole
_ARGUMENT = reprlib.Repr()
_ARGUMENT.maxother = 120


def check_arguments(
    date: object, tz: object, now: object, dialects: Sequence[Dialect], dialect: object
) -> None:
    """Reject bad ``parse`` arguments (shared with ``parse_html``), naming the parameter."""
    if date is not None and (not isinstance(date, dt.date) or isinstance(date, dt.datetime)):
        msg = f"date must be a datetime.date (not a datetime), got {_ARGUMENT.repr(date)}"
        raise TypeError(msg)
    if tz is not None:
        if not isinstance(tz, str):
            msg = f"tz must be a zone name such as 'Europe/London', got {_ARGUMENT.repr(tz)}"
            raise TypeError(msg)
        try:
            get_tzinfo(tz)
        except ValueError:
            msg = (
                "tz must be a known zone name such as 'Europe/London' (or an offset such "
                f"as 'UTC+02:00'), got {_ARGUMENT.repr(tz)}"
            )
            raise ValueError(msg) from None
    if now is not None and (not isinstance(now, dt.datetime) or now.utcoffset() is None):
        msg = f"now must be a timezone-aware datetime, got {_ARGUMENT.repr(now)}"
        raise TypeError(msg) if not isinstance(now, dt.datetime) else ValueError(msg)
    if not isinstance(dialects, Sequence):  # an iterator would be spent by these checks
        msg = f"dialects must be a sequence of dialects, got {_ARGUMENT.repr(dialects)}"
        raise TypeError(msg)
    for name, given in (("dialects", dialects), ("dialect", () if dialect is None else (dialect,))):
        for d in given:
            # runtime Protocol checks are slow; the built-in class needs none
            if type(d) is not PatternDialect and not isinstance(d, Dialect):
                msg = f"{name} must provide name and scan(text), got {d!r}"
                if isinstance(d, str):
                    msg += " (a name: the built-in dialects are in liveblog.DEFAULT_DIALECTS)"
                raise TypeError(msg)
    names = [d.name for d in dialects]
    duplicates = sorted({n for n in names if names.count(n) > 1})
    if duplicates:
        msg = f"dialects must have distinct names, got duplicates {duplicates!r}"
        raise ValueError(msg)


# how far into the text a tag is looked for (as liveblog.html.looks_like_html looks)
_MARKUP_LOOK = 65536


def _check_markup(content: str, report: Reporter) -> None:
    """Warn (``html-markup``) when the text starts like an HTML page or fragment: a tag
    that :func:`~liveblog.html.looks_like_html` looks for, at the start or the end of a
    line (``Storm live<br>``)."""
    if content.find("<", 0, _MARKUP_LOOK) < 0:
        return  # no tag at all: the HTML reader's sniffing is not even loaded
    from liveblog.html.encoding import html_start  # noqa: PLC0415 - on first use

    start = html_start(content)
    if start is None:
        tag = line_tag(content, _MARKUP_LOOK)
        if tag is not None:
            report.warn(
                "html-markup",
                f"the text holds HTML tags at its lines' starts, such as {content[slice(*tag)]!r}",
                *tag,
                outcome=": markers are read across them, and the tags kept in the text",
                advice="; a page's HTML reads better with liveblog.parse_html",
            )
        return
    end = content.find(">", start, start + 200)
    if content[line_start(content, start) : start].strip():
        line_end = content.find("\n", end)
        if end < 0 or content[end + 1 : len(content) if line_end < 0 else line_end].strip():
            return  # a tag inside a line of text ("a <p> tag"), not at its start or end
    report.warn(
        "html-markup",
        "the text looks like HTML markup, whose tags can hide markers; read it with "
        "liveblog.parse_html (or liveblog.html.parse_document)",
        start,
        start + 1 if end < 0 else end + 1,
    )


_LEADING_BLANKS = regex.compile(r"\s*+")


def _check_json(content: str, report: Reporter) -> None:
    """Warn (``json-document``) when the whole text is a JSON object or array: a JSON
    Feed or a timeline's JSON given to ``parse`` would be one entry of JSON, flagged
    only by the absence of markers."""
    blanks = _LEADING_BLANKS.match(content)
    start = blanks.end() if blanks else 0
    if content[start : start + 1] not in ("{", "["):
        return  # the text cannot be a JSON document: json is not even loaded
    import json  # noqa: PLC0415 - on first use

    try:
        json.loads(content)
    except (ValueError, RecursionError):
        return
    report.warn(
        "json-document",
        "the text is a JSON document, not a live blog: read a JSON Feed with "
        "Timeline.from_json_feed and a timeline's to_dict() with Timeline.from_dict "
        "(the command liveblog merge reads both)",
        start,
        len(content.rstrip()),
    )


# the extensions a blog is saved with (or a timeline, or a feed), ending a one-line
# text: the name of its file
_FILE_NAME = regex.compile(
    r"[^\n]*(?:" + "|".join(map(regex.escape, (*BLOG_SUFFIXES, ".json", ".xml"))) + ")",
    regex.IGNORECASE,
)


def _check_file_name(content: str, span: Span, report: Reporter) -> None:
    """Warn (``file-name-text``) when the whole text (``span``, without its blanks) is a
    file's name: ``parse`` reads a ``str`` as the blog itself, so names from
    ``glob.glob`` would each be a blog of one entry holding the name. The name of an
    existing file counts, and a line ending with a blog's extension that has no blank or
    names a folder (``"blogs/kyiv live.txt"``)."""
    name = content[span.start : span.end]
    if len(name) > 1024 or "\n" in name:
        return
    shaped = _FILE_NAME.fullmatch(name) is not None and (
        len(name.split()) == 1 or "/" in name or "\\" in name
    )
    if shaped or os.path.isfile(name):
        report.warn(
            "file-name-text",
            f"the text is a file name; parse reads a str as the blog itself: to read the "
            f"file, pass pathlib.Path({name!r})",
            *span,
        )


# a relative age printed beside a post's clock, after it ("14:32 · 2d ago", "14:32 (3
# days ago)") or before it ("2d ago · 14:32", "2d ago14:32")
_AGE_TEXT = rf"(?P<count>{AGE_COUNT})[ \u00a0]?(?P<unit>{AGE_UNIT})[ \t\u00a0]+ago"


@functools.cache
def _age_patterns() -> tuple[regex.Pattern[str], regex.Pattern[str]]:
    """The ages after a clock and before it: compiled at their first use (1.6 ms; only
    a parse with ``now`` reads them)."""
    after = regex.compile(
        rf"[ \t\u00a0]*+(?:[·•|][ \t\u00a0]*+|\([ \t\u00a0]*+)?{_AGE_TEXT}\b", regex.I
    )
    before = regex.compile(rf"[ \t\u00a0]*+{_AGE_TEXT}[ \t\u00a0]*+[·•|]?[ \t\u00a0]*+$", regex.I)
    return after, before


_LINE_BREAK = regex.compile(r"[\r\n]")


def _line_end(text: str, position: int) -> int:
    found = _LINE_BREAK.search(text, position)
    return len(text) if found is None else found.start()


def _ages_beside(content: str, segments: Sequence[Segment]) -> list[Age | None]:
    """For each entry, the relative age printed beside its marker's clock on its line
    (``09:15 · 2d ago``), when the marker states no day or age of its own."""
    ages: list[Age | None] = []
    age_after, age_before = _age_patterns()
    for segment in segments:
        marker = segment.marker
        found = None
        if (
            marker is not None
            and marker.clock is not None
            and marker.age is None
            and marker.day is None
            and marker.month_day is None
            and marker.days_back is None
        ):
            start, end = marker.span
            found = age_after.match(content, end, _line_end(content, end))
            if found is None:
                found = age_before.match(content, line_start(content, start), start)
        if found is None:
            ages.append(None)
            continue
        ages.append(Age(age_length(found["count"], found["unit"]), age_length("1", found["unit"])))
    return ages


# a page's title naming the night its posts run through: "Election night live",
# "Tonight's debate", "Overnight: storm live" (not "Evening": the Evening Standard)
_NIGHT = re.compile(r"\b(?:night|tonight|overnight)\b", re.I)


def _names_the_night(content: str, preamble: Span) -> bool:
    """Whether the preamble's first line (the page's title) names the night."""
    return _NIGHT.search(_page_title(content, preamble.end)) is not None


# a 12-hour clock whose minute has one digit: 1:5pm, 5.1 p.m. (a typo the am/pm clock
# reads, as 1:05 pm); the 24-hour clock needs two digits (13:5 is no marker)
# (re, not regex: a call of re's costs a fraction of one of regex's, and this runs at
# every marker stating am/pm)
_ONE_DIGIT_MINUTE = re.compile(r"(?<![\d:.])\d\d?[:.]\d(?![\d:.])\s?\??[ap]", re.I)


def _warn_odd_clocks(content: str, markers: Sequence[Marker], report: Reporter) -> None:
    """Warn at each marker whose clock writes its minute with one digit (``1:5pm``, read
    as 1:05 pm): the writer may have meant 1:50 or 1:15."""
    for marker in markers:
        if not marker.has_ampm or marker.clock is None:
            continue
        start, end = marker.span
        if _ONE_DIGIT_MINUTE.search(content, start, end) is not None:
            report.warn(
                "odd-clock",
                f"minute written with one digit in {content[start:end]!r}",
                start,
                end,
                error=MarkerError,
                outcome=f"; read as {marker.clock:%H:%M}",
            )


def _warn_entities(content: str, entities: list[tuple[int, int, str]], report: Reporter) -> None:
    """Warn (``html-entities``) at the first of the HTML entities written out in the
    text (``15:42&nbsp;GMT``, ``R&amp;D``), which are kept as written."""
    start, end, _ = entities[0]
    count = f"{len(entities)} HTML entities" if len(entities) > 1 else "an HTML entity"
    report.warn(
        "html-entities",
        f"the text holds {count} written out, such as {content[start:end]!r}",
        start,
        end,
        outcome=", kept as written (markers are read across &nbsp; and &#160;)",
        advice="; decode them with html.unescape, or read the page with liveblog.parse_html",
    )


def _warn_repeated(
    content: str, segments: Sequence[Segment], stamps: Sequence[Stamp], report: Reporter
) -> None:
    """Warn (``repeated-entry``) at each later copy of a post printed again with the
    same marker, on the same day, and the same text (a pinned or re-published post);
    both are kept."""
    # A parse's memory peaks about here, so the usual case (each marker written once a
    # day) is told in little memory: the markers' texts and days are counted by their
    # hash in a table of small counters, and only the markers whose counter reached two
    # are compared (every copy's does, and a few others that share a counter)
    size = 8 * len(segments) + 1
    counts = bytearray(size)
    for segment, stamp in zip(segments, stamps, strict=True):
        marker = segment.marker
        if marker is not None and marker.kind != "day-header":
            k = hash((content[slice(*marker.span)], stamp.day)) % size
            if counts[k] < 2:
                counts[k] += 1
    if 2 not in counts:
        return
    seen: dict[tuple[str, dt.date | None], list[tuple[Marker, str | SourceSlice]]] = {}
    for segment, stamp in zip(segments, stamps, strict=True):
        marker = segment.marker
        if marker is not None and marker.kind != "day-header":
            key = (content[slice(*marker.span)], stamp.day)
            if counts[hash(key) % size] == 2:
                seen.setdefault(key, []).append((marker, segment.body))
    for (marker_text, _), copies in seen.items():
        if len(copies) < 2:
            continue
        first: dict[str, Marker] = {}
        for marker, body in copies:
            words = " ".join(str(body).split())
            if not words:
                continue  # a stamp with no text under it prints no post
            if words not in first:
                first[words] = marker
                continue
            report.warn(
                "repeated-entry",
                f"the post under {marker_text!r} is printed again (as at line "
                f"{report.line_of(first[words].span.start)})",
                *marker.span,
                outcome="; both copies are kept",
            )


# a no-break space a copy lost, shown as "?", between a number and a word or a colon
# (4?Jun 2021, 07:19?am, Jun?4, UPDATE?1548, French 14h35?:): read as a blank
_LOST_BLANK = re.compile(r"\?(?:(?<=\d\?)(?=[^\W\d_]|:)|(?<=[^\W\d_]\?)(?=\d))")


@attrs.frozen
class _ReadAsWritten(PatternDialect):
    """A dialect that reads the decoration itself (``reads_decoration``), scanned on
    the text as written: its markers, moved to the copy without the decoration."""

    found: tuple[Marker, ...] = attrs.field(default=(), kw_only=True)

    def scan(self, text: str) -> Iterator[Marker]:
        """The markers found on the text as written (``text`` is the copy)."""
        del text
        yield from self.found


def _as_written(dialect: Dialect, text: str, plain: Undecorated) -> Dialect:
    """``dialect``, or, when it reads the decoration itself, its markers on ``text``
    placed in ``plain``'s copy (its lines' own filters and shared heads dropped)."""
    if not isinstance(dialect, PatternDialect) or not dialect.reads_decoration:
        return dialect
    found = tuple(map(plain.marker_inward, dialect.scan(text)))
    fields: dict[str, Any] = {
        str(f.alias): getattr(dialect, f.name) for f in attrs.fields(PatternDialect) if f.init
    }
    fields.update(candidate_lines=False, needle=None, head=None, tail=None, branches=None)
    fields.update(locator=None, line_filter=None, line_needle=None, twin=False)
    return _ReadAsWritten(**fields, found=found)


def _choose_markers(
    content: str,
    entities: list[tuple[int, int, str]],
    dialects: Sequence[Dialect],
    forced: Dialect | None,
) -> Choice:
    """The markers of ``content``, read across the blanks written out as entities and
    the decoration at its lines' starts (see :mod:`liveblog.markers.decoration`)."""
    copy = blank_entities(content, entities) if entities else None
    view = content if copy is None else copy.text
    if "?" in view:
        view = _LOST_BLANK.sub(" ", view)  # one character for one: the offsets hold
    half = half_width(view)  # full-width digits as ASCII, one character for one, too
    if half is not None:
        view = half
    plain = undecorate(view)
    if plain is not None:
        if any(getattr(d, "reads_decoration", False) for d in (*dialects, forced)):
            dialects = [_as_written(d, view, plain) for d in dialects]
            forced = None if forced is None else _as_written(forced, view, plain)
        view = plain.text
    chosen = choose_markers(view, dialects, forced=forced)
    for back in (plain, copy):
        if back is not None:
            chosen = attrs.evolve(
                chosen,
                markers=tuple(map(back.marker, chosen.markers)),
                rejected=tuple(map(back.marker, chosen.rejected)),
            )
    return chosen


def source_of(source: str | Source | None, text: object) -> Source | None:
    """The timeline's :class:`Source`: the one given (a name makes one), else, for a
    path, one named after the file as the command line names it (``os.fsdecode``)."""
    if source is None and isinstance(text, os.PathLike):
        return Source(name=os.fsdecode(text))
    if source is None or isinstance(source, Source):
        return source
    if isinstance(source, str):
        return Source(name=source)
    msg = f"source must be a name or a liveblog.Source, got {source!r}"
    raise TypeError(msg)


@pausing_gc
def parse(
    text: TextSource,
    *,
    date: dt.date | None = None,
    tz: str | None = None,
    strict: bool = False,
    now: dt.datetime | None = None,
    source: str | Source | None = None,
    dialects: Sequence[Dialect] = DEFAULT_DIALECTS,
    dialect: Dialect | None = None,
    mentions: bool = True,
) -> Timeline:
    """Parse a live blog into a :class:`~liveblog.Timeline`, oldest entry first.

    Args:
        text: the blog as ``str``, ``bytes`` (encoding detected), a path or an open file.
        date: the day the coverage opened (its oldest entry's day, in the blog's zone);
            dates written in the text win over it.
        tz: IANA zone for times whose marker states none.
        strict: raise instead of warning.
        now: the moment the page was saved, for relative ages (``2h ago``), the year
            of days written without one when the text gives none, and the day of a
            page that writes times alone.
        source: a name or :class:`~liveblog.Source` recorded on the timeline and entries;
            by default a path's (``os.fsdecode(path)``, as the command line names a file),
            none for text, bytes or an open file.
        dialects: the marker dialects to choose from.
        dialect: force one dialect, whatever the evidence.
        mentions: find and resolve the dates each entry mentions (``Entry.mentions``,
            ``Timeline.preamble_mentions``); False skips that work.

    Text that starts like an HTML page or fragment (``<p>``, ``<div>``, a doctype) is
    parsed as text all the same, so that every span stays an offset into ``text``, with
    an ``html-markup`` warning: its tags can hide markers (``<p><strong>14:32``). Read
    such text with :func:`liveblog.parse_html`, or with
    :func:`liveblog.html.parse_document`, which tells text from HTML. A text that is a
    JSON document (a JSON Feed) gets a ``json-document`` warning likewise.

    Raises:
        NoMarkersError: strict mode, and the text has no markers.
        ParseError: strict mode, and the text looks like HTML markup or is JSON.
        MarkerError: strict mode, and a marker is impossible (``UPDATE 2561 GMT``).
        DecodeError: bytes in no supported encoding.
        TypeError, ValueError: a bad argument.

    >>> import datetime as dt
    >>> text = "UPDATE 0035 GMT: Late.\\n\\nUPDATE 2350 GMT: Early."
    >>> tl = parse(text, date=dt.date(2024, 1, 22))
    >>> [e.published.isoformat() for e in tl.entries]
    ['2024-01-22T23:50:00+00:00', '2024-01-23T00:35:00+00:00']
    """
    return _parse(
        text,
        date=date,
        tz=tz,
        strict=strict,
        now=now,
        source=source,
        dialects=dialects,
        dialect=dialect,
        mentions=mentions,
        markup_check=True,
    )


def _parse(
    text: TextSource,
    *,
    date: dt.date | None,
    tz: str | None,
    strict: bool,
    now: dt.datetime | None,
    source: str | Source | None,
    dialects: Sequence[Dialect],
    dialect: Dialect | None,
    mentions: bool,
    markup_check: bool,
) -> Timeline:
    check_arguments(date, tz, now, dialects, dialect)
    origin = source_of(source, text)
    content, encoding = read_text(text)
    if content.isspace() or not content:  # (strip() would copy the whole text)
        return Timeline(entries=(), source=origin, encoding=encoding, text=content, date=date)
    report = Reporter(content, strict=strict)
    entities = find_entities(content)
    if markup_check:
        _check_json(content, report)
        _check_markup(content, report)
        if entities:
            _warn_entities(content, entities, report)
    chosen = _choose_markers(content, entities, dialects, dialect)
    for bad in chosen.rejected:
        assert bad.problem is not None  # a rejected marker is one with a problem
        report.warn(
            "impossible-marker",
            bad.problem,
            *bad.span,
            error=MarkerError,
            outcome="; text kept in the neighbouring entry",
        )
    _warn_odd_clocks(content, chosen.markers, report)
    preamble, segments = split_entries(content, chosen.markers)
    # the segments hold the markers from here on: the choice's copies can go
    choice, has_markers = chosen.choice, bool(chosen.markers)
    no_openers = not any(m.kind != "day-header" for m in chosen.markers)
    del chosen
    if no_openers:
        whole = _strip_span(content, 0, len(content))
        if isinstance(text, str):
            _check_file_name(content, whole, report)
        start = whole.start
        first_line = content[start : start + 80].split("\n", 1)[0]
        report.warn(
            "no-markers",
            "no entry markers found",
            start,
            start + len(first_line.rstrip()),
            error=NoMarkersError,
            outcome="; the whole text is one entry",
        )
    elif segments[0].marker is not None:
        preamble, segments = _unmarked_opening(content, preamble, segments)
    if has_markers and len(segments) > 1:
        segments = _story_below(content, segments)

    inferred: list[tuple[dt.date | None, tuple[DateEvidence, ...]]] = []
    marker_spans = [s.marker.span for s in segments if s.marker is not None]
    # a blog of 24-hour markers writes 06/02/2023 for 6 February: decided once, when the
    # date inference or the mentions first ask
    writes_days_first = functools.cache(lambda: writes_day_first(content, marker_spans))

    def infer(order: Order, offsets: Sequence[int], written: WrittenDay | None) -> dt.date | None:
        chrono = reversed(range(len(segments))) if order == "newest-first" else range(len(segments))
        from liveblog.temporal.dating import infer_date  # noqa: PLC0415 - on first use

        found = infer_date(
            content,
            preamble=preamble.span,
            entries=[(segments[i].span, offsets[i]) for i in chrono],
            markers=marker_spans,
            written=written,
            day_first=writes_days_first(),
            # a page saved at now: its days are not after it, and take now's year
            saved=None if now is None else now.date(),
        )
        inferred.append(found)
        return found[0]

    first_entry = segments[0].span.start if has_markers else len(content)
    window = _page_zone_window(content, first_entry)
    page_zone, stated = find_page_zone(window, preamble_end=first_entry)
    if page_zone is not None and stated is not None:
        segments = _defined_zones(window, stated, page_zone, segments)
    if (
        page_zone is None
        and tz is None
        and preamble.span.size
        and not any(s.marker is not None and s.marker.zone_text for s in segments)
    ):
        # no zone stated, given or on the markers: the one the page's own stamp states
        page_zone = find_stamp_zone(content, *preamble.span)
    stamps, order, base, anchor = stamp_markers(
        [s.marker for s in segments],
        ages=() if now is None else _ages_beside(content, segments),
        date=date,
        tz=tz,
        now=now,
        page_zone=page_zone,
        report=report,
        infer_date=infer,
        sections=[s.section for s in segments],
        night=_names_the_night(content, preamble.span),
    )
    _warn_repeated(content, segments, stamps, report)
    in_text = SourceText(content)
    day_first = mentions and writes_days_first()
    # the timeline's zone: where a day without a time is, for the mentions resolved on it
    zone = get_tzinfo(page_zone or tz) if mentions and (page_zone or tz) else None
    entries = _build_entries(
        in_text, segments, stamps, order, origin, mentions=mentions, day_first=day_first, zone=zone
    )
    evidence: tuple[DateEvidence, ...] = ()
    if anchor is not None and base is not None:
        kind = "day-header" if anchor.kind == "day-header" else "dated-marker"
        evidence = (DateEvidence(kind, content[slice(*anchor.span)], anchor.span, base),)
        if inferred and inferred[0][0] is not None:
            # a day written without its year: the inferred evidence gave the year
            evidence += tuple(attrs.evolve(e, date=base) for e in inferred[0][1])
    elif date is not None:
        evidence = (DateEvidence(kind="given", text="", span=None, date=date),)
    elif inferred and inferred[0][1]:
        evidence = inferred[0][1]
    elif now is not None and base is not None:
        # no day written and none inferred from the text: the page's newest entry is on
        # the day it was saved (see stamp_markers)
        evidence = (DateEvidence(kind="now", text="", span=None, date=base),)
    preamble_mentions: tuple[Mention, ...] = ()
    if mentions and preamble.span.size:
        preamble_mentions = _find_mentions(in_text, base, preamble.span, day_first, zone)
    return Timeline(
        entries=entries,
        preamble=preamble,
        date=base,
        tz=page_zone or tz,
        order=order,
        warnings=report.warnings,
        dialect=choice,
        date_evidence=evidence,
        preamble_mentions=preamble_mentions,
        source=origin,
        encoding=encoding,
        origin="text",
        text=content,
    )


# parse() for the visible text the HTML reader took from a page, where a tag written out
# (``&lt;p&gt;`` in the page) is text: no ``html-markup`` check
parse_visible_text: Final = functools.partial(_parse, markup_check=False)


def _build_entries(
    source: SourceText,
    segments: list[Segment],
    stamps: list[Stamp],
    order: Order,
    origin: Source | None,
    *,
    mentions: bool,
    day_first: bool,
    zone: dt.tzinfo | None = None,
) -> tuple[Entry, ...]:
    """The entries, oldest first. Empties ``segments`` and ``stamps``: each segment (and
    the marker and match it holds) is freed as soon as its entry is built, which is
    where a parse's memory peaks.

    An entry's body and marker are stored as references into the source (see
    :class:`~liveblog.model.SourceSlice`), and the entries share one object for each
    day and each clock time, so that the timeline costs little more than its text.
    """
    work = list(zip(segments, stamps, range(len(segments)), strict=True))
    segments.clear()
    stamps.clear()
    if order != "newest-first":
        work.reverse()  # popped from the end: the oldest entry first
    text = source.text
    ids = EntryIds()
    days: dict[dt.date | None, dt.date | None] = {}
    clocks: dict[dt.time | None, dt.time | None] = {}  # no fold or zone: == is identity
    entries: list[Entry] = []
    while work:
        segment, stamp, i = work.pop()
        marker = segment.marker
        marker_text = "" if marker is None else text[slice(*marker.span)]
        body = segment.body
        day, clock = stamp.day, stamp.clock
        entry_id = ids.next(day=day, time=clock, marker=marker_text, body=body)
        # Entry(...) would check again what holds here: spans come from _strip_span and
        # marker spans from matches (0 <= start <= end), and instants from localize
        entry = unchecked_entry(
            entry_id,
            "" if marker is None else source,  # marker: the source at marker_span
            body,
            pack_span(segment.span),
            stamp.published,
            days.setdefault(day, day),
            clocks.setdefault(clock, clock),
            stamp.zone,
            i,  # ordinal
            None if marker is None else pack_span(marker.span),
            segment.headline,
            None if marker is None else marker.author,
            segment.day_header,
            "" if marker is None else marker.dialect,
            _mentions(source, segment, stamp, day_first, zone) if mentions else (),
            () if origin is None else (unchecked_provenance(origin, entry_id),),
            None,  # html
        )
        entries.append(entry)
    return tuple(entries)

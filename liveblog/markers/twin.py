"""A ``regex`` pattern's twin for the standard ``re`` module, exact on ASCII text.

The built-in marker patterns are written for ``regex`` (``\\p{Lu}``, a group name used in
several alternatives, classes of Unicode blanks). On a line of ASCII text, the same
pattern translated for ``re`` matches exactly where, and as, the ``regex`` one does, at
about half the instructions a try (``re`` has the smaller per-call cost and no full case
folding to do): the twin. Translating keeps every construct and changes only what can
differ on ASCII text:

- a class keeps its ASCII members (``[ \\t\\u00a0]`` -> ``[ \\t]``): no other character
  occurs in the text;
- ``\\p{Lu}``, ``\\p{Ll}`` and ``\\p{L}`` become ``A-Z``, ``a-z`` and ``A-Za-z``, and
  ``\\p{Lo}`` (letters without case: Arabic, Hebrew, Chinese), outside a class,
  ``(?!)``: no ASCII letter is one;
- the second and later groups of one name get their own (``hour__1``): ``re`` allows a
  name once, ``regex`` gives every group of a name one number, whose value is the last
  one captured (:data:`COPY` joins the name and the copy's number);
- verbose comments are dropped.

A pattern using what the translation cannot vouch for on ASCII text has no twin
(``\\s`` matches ``\\x1c``-``\\x1f`` in ``re`` and not in ``regex``; a non-ASCII letter
that folds to an ASCII one under IGNORECASE, such as the long s; ``regex``-only syntax).
Other non-ASCII characters stay as they are outside classes (``À``: never matches
ASCII text) and are dropped from classes.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from typing import NoReturn

import regex

__all__ = ["COPY", "ascii_twin", "group_copies"]

COPY = "__"
"""What joins a group's name and its copy's number in a twin (``hour__1``)."""

# regex flags the translation keeps (the others would change what matches, or are
# regex's own: VERSION0 is the default behaviour re has)
_FLAGS = ((regex.IGNORECASE, re.IGNORECASE), (regex.VERBOSE, re.VERBOSE))
_KNOWN_FLAGS = regex.IGNORECASE | regex.VERBOSE | regex.VERSION0 | regex.UNICODE
_PROPERTIES = {"Lu": "A-Z", "Ll": "a-z", "L": "A-Za-z", "Lo": ""}
# escapes copied as they are: what both modules read alike on ASCII text
_SAME_ESCAPES = frozenset("dDwWbBZAtnrfv0123456789") | frozenset(r"\.^$*+?{}[]()|-/#&~ '\"")


@functools.cache
def _tokens() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """A group's opening, a run of plain characters (ASCII but for ``\\ # ( [``) and a
    class: compiled at the first translation, not when liveblog is imported."""
    return (
        re.compile(r"\(\?P<(\w+)>"),
        # (not a negated class: one with non-ASCII ranges costs re's compile 10 ms)
        re.compile(r"[\x00-\x22\x24-\x27\x29-\x5a\x5d-\x7f]+"),
        re.compile(r"\[\^?\]?(?:\\.|[^\\\]])*\]"),
    )


_HEX = {"x": 2, "u": 4, "U": 8}


class _TranslationError(ValueError):
    """The pattern uses something the translation does not vouch for."""


def _refuse(what: str) -> NoReturn:
    raise _TranslationError(what)


def _ascii_member(char: str) -> bool:
    """True for an ASCII character; False for one that never occurs in ASCII text and
    cannot match an ASCII character by case folding (else the pattern has no twin)."""
    if char.isascii():
        return True
    if unicodedata.category(char).startswith("L") and _folds_to_ascii(char):
        _refuse(f"non-ASCII letter {char!r}")
    return False


@functools.cache
def _folds_to_ascii(char: str) -> bool:
    """True when ``char`` matches an ASCII character case-insensitively in ``regex`` or
    in ``re`` (the dotless i, the long s, the Kelvin sign: ``À`` never does), so that a
    literal of it may match ASCII text.

    >>> _folds_to_ascii("\u017f"), _folds_to_ascii("À")
    (True, False)
    """
    regex_literal = regex.compile(regex.escape(char), regex.IGNORECASE).fullmatch
    re_literal = re.compile(re.escape(char), re.IGNORECASE).fullmatch
    return any(regex_literal(c) or re_literal(c) for c in map(chr, range(128)))


def _escape(source: str, at: int) -> tuple[str, str | None, int]:
    """The escape at ``source[at]`` (a backslash): its text, the character it stands for
    (None for a class such as ``\\d``), and where it ends."""
    kind = source[at + 1]
    if kind in _HEX:
        end = at + 2 + _HEX[kind]
        return source[at:end], chr(int(source[at + 2 : end], 16)), end
    if kind not in _SAME_ESCAPES:
        _refuse(f"escape \\{kind}")
    char = {"t": "\t", "n": "\n", "r": "\r", "f": "\f", "v": "\v"}.get(kind)
    if char is None and not kind.isalnum():
        char = kind
    return source[at : at + 2], char, at + 2


def _property(source: str, at: int) -> tuple[str, int]:
    """The ASCII letters of ``\\p{...}`` at ``source[at]``, and where it ends."""
    end = source.index("}", at)
    name = source[at + 3 : end]
    if source[at + 1] != "p" or name not in _PROPERTIES:
        _refuse(source[at : end + 1])
    return _PROPERTIES[name], end + 1


def _class(source: str, at: int) -> tuple[str, int]:
    """The class opening at ``source[at]`` with its ASCII members alone, and its end."""
    found = _tokens()[2].match(source, at)
    if found is None:
        _refuse("an unclosed class")
    return _ascii_class(found.group()), found.end()


@functools.cache
def _ascii_class(text: str) -> str:
    """The class ``text`` (``[...]``) with its ASCII members alone (the built-in
    patterns write a few classes many times)."""
    k = 1
    negated = text[k] == "^"
    k += negated
    members: list[str] = []
    while k < len(text) - 1:
        if text.startswith(("\\p", "\\P"), k):
            letters, k = _property(text, k)
            if letters:
                members.append(letters)
            continue
        if text[k] == "\\":
            written, char, k = _escape(text, k)
        else:
            written = char = text[k]
            k += 1
        if text[k] == "-" and k + 1 < len(text) - 1:  # a range
            if text[k + 1] == "\\":
                high_written, high, end = _escape(text, k + 1)
            else:
                high_written = high = text[k + 1]
                end = k + 2
            if char is None or high is None:
                _refuse("a range of classes")
            k = end
            if _ascii_member(char) and _ascii_member(high):
                members.append(f"{written}-{high_written}")
            elif char.isascii():
                _refuse(f"a range across ASCII's end: {char!r}-{high!r}")
            # a range of non-ASCII characters: none of them occurs
            elif any(
                unicodedata.category(chr(c)).startswith("L")
                for c in range(ord(char), ord(high) + 1)
            ):
                _refuse("a range of non-ASCII letters")
            continue
        if char is None or _ascii_member(char):
            members.append(written)
    if not members:
        _refuse("a class of non-ASCII characters alone")
    return "[" + "^" * negated + "".join(members) + "]"


def _translate(source: str, verbose: bool) -> str:
    """``source`` (a ``regex`` pattern) as an ``re`` pattern exact on ASCII text."""
    out: list[str] = []
    copies: dict[str, int] = {}
    group_opening, plain_run, _ = _tokens()
    k = 0
    while k < len(source):
        plain = plain_run.match(source, k)
        if plain is not None:  # a run of characters that mean the same in both
            out.append(plain.group())
            k = plain.end()
            continue
        char = source[k]
        if source.startswith(("\\p", "\\P"), k):
            letters, k = _property(source, k)
            out.append(f"[{letters}]" if letters else "(?!)")
        elif char == "\\":
            text, literal, k = _escape(source, k)
            if literal is not None:
                _ascii_member(literal)
            out.append(text)
        elif char == "[":
            text, k = _class(source, k)
            out.append(text)
        elif char == "#" and verbose:
            end = source.find("\n", k)
            k = len(source) if end < 0 else end
        elif (group := group_opening.match(source, k)) is not None:
            name = group[1]
            copy = copies.get(name, 0)
            copies[name] = copy + 1
            out.append(f"(?P<{name}>" if not copy else f"(?P<{name}{COPY}{copy}>")
            k = group.end()
        elif source.startswith(("(?P=", "(?&", "(?R", "(?|", "(?V", "(?r", "(?f", "(?w"), k):
            _refuse(source[k : k + 4])
        else:
            _ascii_member(char)
            out.append(char)
            k += 1
    text = "".join(out)
    for name in re.findall(r"\(\?\((\w+)\)", text):
        if copies.get(name, 0) > 1:
            _refuse(f"a condition on group {name!r}, which has copies")
    return text


@functools.cache
def ascii_twin(source: str, flags: int) -> re.Pattern[str] | None:
    """The twin for ``re`` of the ``regex`` pattern ``source`` compiled with ``flags``:
    on ASCII text it matches where and as that pattern does (see the module's
    docstring); None when the pattern has none. The ``regex`` pattern itself need not
    be compiled.

    >>> twin = ascii_twin(r"(?P<h>\\d)h|(?P<h>\\d\\d)(?-i:\\p{Lu})", regex.IGNORECASE)
    >>> twin.pattern, twin.match("12X").group("h__1")
    ('(?P<h>\\\\d)h|(?P<h__1>\\\\d\\\\d)(?-i:[A-Z])', '12')
    >>> ascii_twin(r"\\s+", 0) is None
    True
    """
    if flags & ~_KNOWN_FLAGS:
        return None
    try:
        translated = _translate(source, bool(flags & regex.VERBOSE))
        return re.compile(translated, sum(ours for theirs, ours in _FLAGS if flags & theirs))
    except (_TranslationError, re.error, IndexError):
        return None


def group_copies(pattern: re.Pattern[str] | regex.Pattern[str]) -> dict[str, tuple[int, ...]]:
    """The group numbers of each name of ``pattern`` (a twin's copies joined under their
    name), the last copy first: the one whose capture a ``regex`` match reports when
    several captured.

    >>> twin = ascii_twin(r"(?P<h>\\d)h|(?P<m>\\d)(?P<h>\\d)", 0)
    >>> group_copies(twin)
    {'h': (3, 1), 'm': (2,)}
    """
    found: dict[str, tuple[int, ...]] = {}
    for name, number in sorted(pattern.groupindex.items(), key=lambda item: item[1]):
        name = name.partition(COPY)[0]  # noqa: PLW2901 - the copy's own name
        found[name] = (number, *found.get(name, ()))
    return found

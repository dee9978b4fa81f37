"""Decoding HTML bytes (BOM, then ``<meta>`` charset) and telling HTML from text."""

from __future__ import annotations

import codecs
import re

from liveblog.errors import DecodeError
from liveblog.io import decode, decompress

__all__ = ["SNIFF_BYTES", "declared_charset", "decode_html", "html_start", "looks_like_html"]

SNIFF_BYTES = 2048
"""How far into the page a ``<meta>`` charset declaration is looked for."""

_BOMS = (codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)
# <meta charset="utf-8">, <meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1">
_META_CHARSET = re.compile(
    rb"""<meta\b[^>]*?\bcharset\s*=\s*["']?\s*(?P<name>[A-Za-z0-9_.:\-]+)""", re.IGNORECASE
)
# As browsers do: Latin-1 and ASCII labels mean Windows-1252; a UTF-16 label in a page
# that could be sniffed as ASCII means UTF-8.
_ALIASES = {
    "latin_1": "windows-1252",
    "iso8859-1": "windows-1252",
    "ascii": "windows-1252",
    "cp1252": "windows-1252",
    "utf-16": "utf-8",
    "utf-16-le": "utf-8",
    "utf-16-be": "utf-8",
    "utf-8": "utf-8",
}
# Codecs Python knows by a label that no browser reads a page in: they rewrite the text
# (escapes, UTF-7's base64 runs) or fail whatever the bytes ("undefined").
_NOT_PAGE_CHARSETS = frozenset(
    {"undefined", "unicode-escape", "raw-unicode-escape", "utf-7", "idna", "punycode"}
)
# A tag that starts a web page, near the top of the input.
_HTML_START = re.compile(
    r"<(?:!doctype\s+html|html|head|body|article|div|p|br|main|section|meta|title)[\s>/]",
    re.IGNORECASE,
)
_SNIFF_CHARS = 1024
# Leading byte-order marks (as decoded), blanks and complete comments, skipped before the
# window is looked at, within the first 64 KB.
_LEAD = re.compile(r"(?:[\ufeff\xef\xbb\xbf\s]+|<!--.*?-->)*", re.DOTALL)
_LEAD_LIMIT = 65536


def declared_charset(data: bytes) -> str | None:
    """The encoding a page declares in a ``<meta>`` element of its first 2 KB, if known.

    >>> declared_charset(b'<meta http-equiv="content-type" content="text/html; charset=latin1">')
    'windows-1252'
    >>> declared_charset(b"<meta charset=klingon>") is None
    True
    """
    m = _META_CHARSET.search(data[:SNIFF_BYTES])
    if m is None:
        return None
    label = m["name"].decode("ascii").lower()
    try:
        name = codecs.lookup(label).name
        if name in _NOT_PAGE_CHARSETS:
            return None
        " ".encode(name)  # LookupError for codecs that are no text encoding (base64)
    except LookupError:
        return None
    return _ALIASES.get(name, name)


def decode_html(data: bytes) -> tuple[str, str]:
    """Decode a page: a byte-order mark, then the ``<meta>`` charset, then detection.

    Detection is :func:`liveblog.io.decode` (UTF-8, else Windows-1252). Bytes that are
    invalid in the declared encoding are decoded by detection instead, and bytes that
    are valid UTF-8 with non-ASCII characters are UTF-8 whatever is declared, since
    publishers often declare one encoding and serve another.

    Returns:
        (text, encoding name).

    Raises:
        DecodeError: bytes in no supported encoding.

    >>> decode_html(b'<meta charset="windows-1252"><p>caf\\xe9')
    ('<meta charset="windows-1252"><p>café', 'windows-1252')
    """
    if data.startswith(_BOMS):
        return decode(data)
    declared = declared_charset(data)
    if declared is not None and declared != "utf-8" and not data.isascii():
        # A template left declaring Latin-1 on a page served as UTF-8 (the HTTP header,
        # lost on saving, said so): text in a legacy charset is practically never valid
        # UTF-8 once it has non-ASCII letters (nor UTF-8 with a few strays).
        try:
            text, name = decode(data)
        except DecodeError:
            pass
        else:
            if name == "utf-8":
                return text, name
    if declared is not None:
        try:
            return data.decode(declared), declared
        except (UnicodeDecodeError, LookupError):
            pass
    try:
        return decode(data)
    except DecodeError:
        if declared is None:
            raise
        return data.decode(declared, errors="replace"), declared


def html_start(text: str) -> int | None:
    """Where the tag that makes ``text`` look like HTML starts (see
    :func:`looks_like_html`), or None when it does not.

    >>> html_start("<p><strong>14:32 BST</strong> Talks</p>"), html_start("14:32 BST: x")
    (0, None)
    """
    head = text[:_LEAD_LIMIT]
    found = _HTML_START.search(head, 0, _SNIFF_CHARS)
    if found is not None:
        return found.start()
    # Blank lines a template printed, or a banner comment, may push the page's first
    # tag past the window: browsers skip them too.
    lead = _LEAD.match(head)  # always matches, perhaps nothing
    at = 0 if lead is None else lead.end()
    if at == 0:
        return None
    found = _HTML_START.search(head, at, at + _SNIFF_CHARS)
    return None if found is None else found.start()


def looks_like_html(data: str | bytes) -> bool:
    """Tell cheaply whether input is an HTML page rather than live-blog text.

    True when a doctype or an ``<html``, ``<head``, ``<body``, ``<article``, ``<div``,
    ``<p`` (and similar) tag stands in the first 1024 characters, or in the 1024 after
    the blanks and comments the input opens with (within its first 64 KB). Bytes of
    gzip, bzip2 or xz data are told by what they hold.

    >>> looks_like_html(b"<!DOCTYPE html><html>"), looks_like_html("<div>UPDATE 1548 GMT:")
    (True, True)
    >>> looks_like_html("UPDATE 1548 GMT: talks")
    False
    """
    if isinstance(data, bytes | bytearray | memoryview):
        head_bytes = decompress(bytes(data), _LEAD_LIMIT)
        # (UTF-32's little-endian mark opens with UTF-16's)
        if head_bytes.startswith((codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)):
            head = head_bytes[: len(head_bytes) // 4 * 4].decode("utf-32", errors="replace")
        elif head_bytes.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
            head = head_bytes.decode("utf-16", errors="replace")
        else:
            head = head_bytes.replace(b"\x00", b"").decode("latin-1")
    elif isinstance(data, str):
        head = data[:_LEAD_LIMIT]
    else:
        msg = f"data must be str or bytes, got {data!r}"
        raise TypeError(msg)
    return html_start(head) is not None

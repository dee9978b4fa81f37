"""Reading input: str, bytes in common encodings, paths and open files."""

from __future__ import annotations

import codecs
import os
import re
import reprlib
from collections.abc import Callable
from typing import IO, Protocol

from liveblog.errors import DecodeError, line_col

__all__ = ["BLOG_SUFFIXES", "binary_kind", "decode", "decompress", "read_text"]

# the endings of the names blogs are saved under, as text or web pages
BLOG_SUFFIXES = (".txt", ".text", ".md", ".html", ".htm", ".xhtml")

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# The five byte values Windows-1252 leaves undefined.
_CP1252_HOLES = frozenset(b"\x81\x8d\x8f\x90\x9d")


# A well-formed multi-byte UTF-8 sequence, and any byte outside ASCII.
_UTF8_SEQUENCE = re.compile(
    rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}"
)
_HIGH_BYTE = re.compile(rb"[\x80-\xff]")
_STRAY_BYTES = "liveblog-windows-1252"


def _windows_1252_bytes(err: UnicodeError) -> tuple[str, int]:
    """Error handler: bytes that are not UTF-8 are read as Windows-1252 (U+FFFD for
    its five undefined values)."""
    if not isinstance(err, UnicodeDecodeError):
        raise err
    return err.object[err.start : err.end].decode("cp1252", errors="replace"), err.end


codecs.register_error(_STRAY_BYTES, _windows_1252_bytes)


def _mostly_utf8(data: bytes) -> bool:
    """True when bytes that are not valid UTF-8 hold well-formed multi-byte sequences
    that outnumber the bytes outside them: UTF-8 text with strays, not a legacy text
    (where such sequences practically never occur)."""
    sequences = _UTF8_SEQUENCE.findall(data)
    if not sequences:
        return False
    inside = sum(len(seq) for seq in sequences)
    strays = len(_HIGH_BYTE.findall(data)) - inside
    return strays <= len(sequences)


def _bom_free_utf16(data: bytes) -> str | None:
    """``utf-16-le``/``-be`` when every other byte is NUL, as in BOM-less UTF-16 text
    of mostly Latin text, and the reading holds few control characters (none for fewer
    than 8 characters: ``"\\x01\\x00\\x00\\x01"`` is UTF-8 text with a few control
    bytes; U+0100 Ā is ``"\\x00\\x01"`` read the other way round)."""
    sample = data[:4096]
    if len(sample) < 4 or len(sample) % 2:
        return None
    even, odd = sample[0::2], sample[1::2]
    name = None
    if odd.count(0) > 0.9 * len(odd) and even.count(0) < 0.1 * len(even):
        name = "utf-16-le"
    elif even.count(0) > 0.9 * len(even) and odd.count(0) < 0.1 * len(odd):
        name = "utf-16-be"
    if name is None:
        return None
    reading = sample.decode(name, errors="surrogatepass")
    controls = len(_CONTROL_CHAR.findall(reading))
    if _few_controls(_control_bytes(sample), len(sample)):
        return None if controls else name
    return name if _few_controls(controls, len(reading)) else None


def _bom_free_utf32(data: bytes) -> str | None:
    """``utf-32-le``/``-be`` when ``data`` is BOM-less UTF-32 text (:func:`_utf32_reading`)
    that no other reading takes: its first 4 KB hold too many control bytes for text in
    a one-byte encoding (so 8 characters or more), or look like UTF-32 of Latin text
    (in every four bytes the middle two NUL in three of four, the lowest nearly never)
    without control characters.

    Fewer than 8 characters of other scripts may be UTF-8 text with a few NULs too
    (U+4E00 is ``N`` between NULs): they are read so when they are valid UTF-8, as
    UTF-32 otherwise (see :func:`decode`).
    """
    sample = data[:_SAMPLE]
    name = _utf32_reading(data)
    if name is None:
        return None
    if not _few_controls(_control_bytes(sample), len(sample)):
        return name
    columns = [sample[k::4].count(0) for k in range(4)]
    size = len(sample) // 4
    middle, low = _UTF32_BYTES[name]
    if (
        min(columns[middle[0]], columns[middle[1]]) >= 0.75 * size
        and columns[low] < 0.1 * size
        # "0\x00\x00\x00\x01\x00\x00\x00" is UTF-8 text with a few control bytes
        and _CONTROL_CHAR.search(sample.decode(name)) is None
    ):
        return name
    return None


# UTF-32's byte orders: the places of a character's middle two bytes and its lowest in
# each four bytes
_UTF32_BYTES = {"utf-32-le": ((1, 2), 0), "utf-32-be": ((1, 2), 3)}


def _utf32_reading(data: bytes) -> str | None:
    """``utf-32-le``/``-be`` when ``data`` can be BOM-less UTF-32 text of any script:
    its length a multiple of four, and its first 4 KB, in that byte order, valid UTF-32
    (every four bytes one code point up to U+10FFFF, no surrogate) of two characters or
    more, of sensible code points: no U+0000 (zeros mark an array of numbers, never
    text), none in planes 4 to 13 (no character was ever assigned there) and few
    control characters (:func:`_few_controls`).

    Text all of whose characters have a zero lowest byte (U+0100, U+3000, U+4E00...)
    reads in both byte orders (U+0100 little-endian is U+10000 big-endian): the reading
    of the lower code points is taken.
    """
    sample = data[:_SAMPLE]
    if len(sample) < 8 or len(data) % 4:
        return None
    found: tuple[int, str] | None = None
    for name in ("utf-32-le", "utf-32-be"):
        try:
            text = sample.decode(name)
        except UnicodeDecodeError:
            continue
        if _sensible(text):
            highest = max(map(ord, text))
            if found is None or highest < found[0]:
                found = highest, name
    return None if found is None else found[1]


# planes 4 to 13: no character has ever been assigned there
_NEVER_ASSIGNED = re.compile("[\U00040000-\U000dffff]")


def _sensible(text: str) -> bool:
    """Whether a reading of BOM-less UTF-32 or UTF-16 holds sensible code points: no
    U+0000 (zeros mark an array of numbers, never text), none in planes 4 to 13, and few
    control characters (:func:`_few_controls`)."""
    return (
        "\x00" not in text
        and _NEVER_ASSIGNED.search(text) is None
        and _few_controls(len(_CONTROL_CHAR.findall(text)), len(text))
    )


def _bom_free_unicode(data: bytes) -> str | None:
    """The UTF-32 or UTF-16 codec (``-le`` or ``-be``) ``data`` looks written in
    without a byte-order mark, or None: UTF-32 of any script, UTF-16 of mostly Latin
    text, or, when the first 4 KB hold too many control bytes for one-byte text, UTF-16
    of any script with line breaks, spaces or digits (NULs): Greek, Cyrillic, Arabic,
    Hebrew (their high bytes are 0x03 to 0x06), CJK."""
    sample = data[:_SAMPLE]
    found = _bom_free_utf32(data) or _bom_free_utf16(sample)
    if found is None and not _few_controls(_control_bytes(sample), len(sample)):
        return _utf16_reading(data)
    return found


def _utf16_reading(data: bytes) -> str | None:
    """``utf-16-le``/``-be`` when ``data`` can be BOM-less UTF-16 text of any script:
    its first 4 KB, of even length, hold a NUL (a line break, a space or a digit: no
    text runs 4 KB without one), and in that byte order read as two characters or more
    (a surrogate pair cut at 4 KB aside) of sensible code points: no U+0000 (zeros mark
    an array of numbers), no lone surrogate (random data holds one in 32 units), none
    in planes 4 to 13, few control characters (:func:`_few_controls`); and their control
    bytes (NUL...) fall on one side of the characters, high or low, twice as often as on
    the other (:func:`_lopsided`): text in a one-byte encoding and binary data strew
    them about.

    When both byte orders read so, the reading with more ASCII characters is taken (the
    line breaks, spaces and digits that text of every script holds, where the other
    order has U+0A00, U+2000, U+3100...), then that of the lower code points.

    Data that opens with text in UTF-8 (:func:`_opens_as_utf8`) is not UTF-16, whatever
    follows that text.
    """
    sample = data[:_SAMPLE]
    if len(sample) < 4 or len(sample) % 2 or b"\x00" not in sample or _opens_as_utf8(sample):
        return None
    found: tuple[int, int, str] | None = None
    for name in ("utf-16-le", "utf-16-be"):
        text = sample.decode(name, errors="surrogatepass")
        if text and "\ud800" <= text[-1] <= "\udbff":
            text = text[:-1]  # a pair cut at the sample's end
        if (
            len(text) >= 2
            and _SURROGATE.search(text) is None
            and _sensible(text)
            and _lopsided(sample, text, big_endian=name == "utf-16-be")
        ):
            rank = -len(_ASCII.findall(text)), max(map(ord, text))
            if found is None or rank < found[:2]:
                found = *rank, name
    return None if found is None else found[2]


# How many bytes at the start of data, valid UTF-8 without a NUL, make it UTF-8 text
_UTF8_OPENING = 64


def _opens_as_utf8(sample: bytes) -> bool:
    """Whether ``sample`` opens with :data:`_UTF8_OPENING` bytes of valid UTF-8 (a
    sequence cut at their end aside) holding no NUL: UTF-8 text, maybe with junk after
    it. BOM-less UTF-16 never does: Latin text has a NUL in every two bytes, other
    scripts a line break, a space or a digit (a NUL) or a byte UTF-8 refuses within a
    few characters (a CJK character's bytes are both ASCII one time in two or so).

    >>> _opens_as_utf8(b"UPDATE 0831 GMT: caf\\xc3\\xa9 ok\\n" * 3)
    True
    >>> _opens_as_utf8("中文".encode("utf-16-le") * 20)
    False
    """
    opening = sample[:_UTF8_OPENING]
    if len(opening) < _UTF8_OPENING or b"\x00" in opening:
        return False
    try:
        codecs.getincrementaldecoder("utf-8")().decode(opening)
    except UnicodeDecodeError:
        return False
    return True


def _lopsided(sample: bytes, text: str, *, big_endian: bool) -> bool:
    """Whether the control bytes of ``sample`` (``text`` in UTF-16) are the high bytes
    of its characters twice as often as their low bytes, or the other way round: the
    high bytes of Latin (NUL), Greek, Cyrillic, Hebrew, Arabic (0x03 to 0x06) or the
    low bytes of U+4E00, U+3000... Surrogates' low bytes (😀 is D83D DE00) count for
    neither side."""
    high = _control_bytes(sample[not big_endian :: 2])
    low = _control_bytes(sample[big_endian::2])
    for char in _ASTRAL.findall(text):
        point = ord(char) - 0x10000
        low -= _CONTROL_BYTE[(point >> 10) & 0xFF] + _CONTROL_BYTE[point & 0xFF]
    return max(high, low) >= 2 * min(high, low)


# a surrogate left alone (a pair's halves are one character once decoded with
# surrogatepass), a character outside the BMP, and the ASCII characters that text of
# any script holds
_SURROGATE = re.compile("[\ud800-\udfff]")
_ASTRAL = re.compile("[\U00010000-\U0010ffff]")
_ASCII = re.compile("[\t\n\r\x20-\x7e]")


# Well-known binary formats, told by their first bytes: each signature holds a byte no
# text holds, or (GIF, PDF) is followed by data no text starts with.
_SIGNATURE_LIST: tuple[tuple[bytes, str], ...] = (
    (rb"\x89PNG\r\n\x1a\n", "a PNG image"),
    (rb"GIF8[79]a.{0,6}[\x00-\x08\x0e-\x1f]", "a GIF image"),
    (rb"\xff\xd8\xff", "a JPEG image"),
    (rb"RIFF.{4}WEBP", "a WebP image"),
    (rb"II\*\x00|MM\x00\*", "a TIFF image"),
    # the header (reserved, type 1, 1 to 16 images) and the first image's reserved byte
    # and plane count (0 or 1): six bytes alone are seven control bytes' text
    (rb"\x00\x00\x01\x00[\x01-\x10]\x00.{3}\x00[\x00\x01]\x00", "an icon (ICO)"),
    (rb"%PDF-\d", "a PDF document"),
    (
        rb"PK(?:\x03\x04|\x05\x06|\x07\x08)",
        "a ZIP archive (or a document in one: DOCX, ODT, EPUB)",
    ),
    (rb"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an OLE document (DOC, XLS, MSG)"),
    (rb"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"),
    (rb"Rar!\x1a\x07", "a RAR archive"),
    (rb"\x28\xb5\x2f\xfd", "zstd compressed data"),
    (rb"SQLite format 3\x00", "an SQLite database"),
    (rb"\x7fELF", "an ELF executable"),
    (rb"MZ.{58}[\x00-\xff]{2}\x00\x00", "a Windows executable"),
    (rb"\x00asm", "a WebAssembly module"),
    (rb"\x00\x00[\x00-\x01].ftyp", "an MP4 or QuickTime file"),
    (rb"OggS\x00", "an Ogg file"),
    (rb"fLaC\x00", "a FLAC file"),
    (rb"ID3[\x02-\x04]\x00", "an MP3 file"),
    (rb"\x1aE\xdf\xa3", "a Matroska or WebM file"),
)
# one pattern, the formats' signatures its groups g0, g1...: one match tries them all
_SIGNATURES = re.compile(
    b"|".join(b"(?P<g%d>%s)" % (k, pattern) for k, (pattern, _) in enumerate(_SIGNATURE_LIST)),
    re.DOTALL,
)
# Bytes that text practically never holds: the C0 controls but tab, line feed, vertical
# tab, form feed, carriage return and escape (terminal colours), and DEL.
_CONTROL = re.compile(rb"[\x00-\x08\x0e-\x1a\x1c-\x1f\x7f]")
_CONTROL_CHAR = re.compile(_CONTROL.pattern.decode("ascii"))
_NOT_CONTROL = bytes(b for b in range(256) if not _CONTROL.match(bytes([b])))
# 1 for each control byte's value, 0 for the others
_CONTROL_BYTE = tuple(int(_CONTROL.match(bytes([b])) is not None) for b in range(256))
_SAMPLE = 4096
# Input whose first 4 KB hold at least this many control bytes, and more than one in 16
# of its bytes, is binary: stray NULs, form feeds or record separators in text are far
# fewer, and the bytes of compressed or image data hold about one in ten.
_MIN_CONTROLS = 8
_CONTROL_SHARE = 16


def _control_bytes(data: bytes) -> int:
    """How many control bytes (:data:`_CONTROL`) ``data`` holds, counted at C speed."""
    return len(data.translate(None, _NOT_CONTROL))


def _few_controls(controls: int, size: int) -> bool:
    """Whether ``controls`` control characters in ``size`` are few enough for text."""
    return controls < _MIN_CONTROLS or controls * _CONTROL_SHARE <= size


def binary_kind(data: bytes) -> tuple[str, int, bytes] | None:
    """What ``data`` is when it is not text: the format's name, the offset of the
    bytes that tell and those bytes; None for text (any encoding :func:`decode` reads).

    A well-known format's first bytes (its magic number: PNG, GIF, JPEG, PDF, ZIP...)
    tell it; otherwise, data whose first 4 KB hold at least 8 control bytes (NUL..BS,
    SO..US but escape, DEL), over one in 16 of them, is binary. Text with a few control
    bytes is text; UTF-16 and UTF-32 (with a byte-order mark, or without one when
    they look like it) are.

    >>> binary_kind(b"\\x89PNG\\r\\n\\x1a\\n\\x00\\x00\\x00\\rIHDR")
    ('a PNG image', 0, b'\\x89PNG\\r\\n\\x1a\\n')
    >>> binary_kind(b"UPDATE 1548 GMT:\\x00 talks") is None
    True
    """
    found = _SIGNATURES.match(data)
    if found is not None and found.lastgroup is not None:
        return _SIGNATURE_LIST[int(found.lastgroup[1:])][1], 0, found[0][:16]
    sample = data[:_SAMPLE]
    controls = _control_bytes(sample)
    if _few_controls(controls, len(sample)):
        return None
    if sample.startswith(tuple(bom for bom, _ in _BOMS)) or _bom_free_unicode(data):
        return None
    first = _CONTROL.search(sample)
    at = 0 if first is None else first.start()
    return (
        f"binary data ({controls} of its first {len(sample)} bytes are control bytes)",
        at,
        data[at : at + 16],
    )


def located_error(msg: str, data: bytes, offset: int, *encodings: str) -> DecodeError:
    """A DecodeError at byte ``offset`` of ``data``, with the line and column of that
    byte in the text before it, read in the first of ``encodings`` that reads it whole
    (without a line and column when none does).

    >>> str(located_error("bad", b"ab\\ncaf\\xc3\\xa9 \\xff", 9, "utf-8"))
    'bad: byte offset 9 (line 2, column 6)'
    """
    for name in encodings:
        try:
            before = data[:offset].decode(name)
        except UnicodeDecodeError:
            continue
        line, column = line_col(before, len(before))
        return DecodeError(msg, offset=offset, line=line, column=column)
    return DecodeError(msg, offset=offset)


def _check_text(data: bytes, packed: bytes) -> None:
    """Raise DecodeError naming the format when ``data`` (unpacked from ``packed``, or
    ``packed`` itself) is not text (:func:`binary_kind`); the offset is in ``data``."""
    kind = binary_kind(data)
    if kind is not None:
        name, offset, head = kind
        if data is not packed:
            name = f"{_PACKERS[packed[0]]} data holding {name}"
        msg = f"{name}, not text: {head!r}"
        raise DecodeError(msg, offset=offset)


def decode(data: bytes) -> tuple[str, str]:
    """Decode bytes, detecting the encoding; return (text, encoding name).

    A byte-order mark decides (UTF-8, UTF-16, UTF-32); else UTF-32 when the first 4 KB
    are BOM-less UTF-32 text of any script, UTF-16 when they look like BOM-less UTF-16
    of mostly Latin text (one NUL of every two bytes), or hold too many control bytes
    for one-byte text and are BOM-less UTF-16 of any script (:func:`_utf16_reading`),
    UTF-8 when they are valid UTF-8, UTF-16 of any script again when they hold a NUL
    (Windows-1252 text holds none) and open with no UTF-8 text (:func:`_opens_as_utf8`),
    UTF-8 again when they are UTF-8 with a few Windows-1252 bytes pasted in (those read
    as Windows-1252), else Windows-1252.

    Raises:
        DecodeError: bytes invalid in the encoding a byte-order mark or the first 4 KB
            (BOM-less UTF-32, UTF-16 before UTF-8) state, or that are neither UTF-8 nor
            Windows-1252.

    >>> decode("café".encode("cp1252"))
    ('café', 'windows-1252')
    >>> decode(b"\\xef\\xbb\\xbfhi")
    ('hi', 'utf-8-sig')
    """
    for bom, name in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(name), name
            except UnicodeDecodeError as err:
                msg = f"invalid {name} data ({err.reason})"
                raise located_error(msg, data, err.start, name) from None
    # BOM-less UTF-16 and UTF-32 of ASCII text are valid UTF-8 too, with NULs after
    # every letter
    sample = data[:_SAMPLE]
    nuls = b"\x00" in sample
    unicode = _bom_free_unicode(data) if nuls else None
    if unicode is not None:
        try:
            return data.decode(unicode), unicode
        except UnicodeDecodeError as err:
            # its first 4 KB are UTF-16 or UTF-32 text: read as UTF-8, the rest would
            # be letters between NULs or control bytes
            msg = f"invalid {unicode} data ({err.reason})"
            raise located_error(msg, data, err.start, unicode) from None
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as utf8_error:
        # a few characters of UTF-32 (其 is "\x76\x51\x00\x00") or UTF-16 of any
        # script with NULs (line breaks, spaces, digits): Windows-1252 text holds no
        # NULs
        for reading in (_utf32_reading, _utf16_reading) if nuls else ():
            unicode = reading(data)
            if unicode is not None:
                try:
                    return data.decode(unicode), unicode
                except UnicodeDecodeError:
                    pass  # its first 4 KB only read so: maybe one-byte text
        if _mostly_utf8(data):
            # UTF-8 with a few Windows-1252 bytes pasted in ("Zürich \x96 café"): read
            # as Windows-1252 whole, every other letter would become mojibake
            return data.decode("utf-8", errors=_STRAY_BYTES), "utf-8"
        for offset, byte in enumerate(data):
            if byte in _CP1252_HOLES:
                msg = (
                    f"not UTF-8 ({utf8_error.reason} at byte {utf8_error.start}) "
                    f"and not Windows-1252 (byte 0x{byte:02x} is undefined there)"
                )
                raise located_error(msg, data, offset, "utf-8", "cp1252") from None
        return data.decode("cp1252"), "windows-1252"


# The first bytes of gzip (with its one method, deflate), bzip2 (with a block or an
# end-of-stream mark after the level digit) and xz data: no text starts so.
_COMPRESSED = re.compile(rb"\x1f\x8b\x08|BZh[1-9](?:1AY&SY|\x17rE8P\x90)|\xfd7zXZ\x00")


_PACKERS = {0x1F: "gzip", 0x42: "bzip2", 0xFD: "xz"}


class _Unpacker(Protocol):
    """An incremental decompressor (zlib's, bz2's and lzma's have this method)."""

    def decompress(self, data: bytes, max_length: int = ..., /) -> bytes: ...


def decompress(data: bytes, limit: int | None = None) -> bytes:
    """``data``, or what it holds when it is gzip, bzip2 or xz data (told by its first
    bytes, whatever a file's name says): archives keep blogs compressed.

    With ``limit``, only the first ``limit`` bytes of what it holds are unpacked (enough
    to sniff a file's kind without unpacking all of it), and damaged data gives what
    could be read before the damage instead of an error.

    Raises:
        DecodeError: damaged or cut compressed data (offset 0: the place in the
            compressed stream is not known), without ``limit``.

    >>> import gzip
    >>> decompress(gzip.compress(b"UPDATE 1548 GMT: x"))
    b'UPDATE 1548 GMT: x'
    >>> decompress(gzip.compress(b"UPDATE 1548 GMT: x"), limit=6)
    b'UPDATE'
    >>> decompress(b"BZh9 is plain text")
    b'BZh9 is plain text'
    """
    head = _COMPRESSED.match(data)
    if head is None:
        return data if limit is None else data[:limit]
    # imported here: most input is not compressed, and import time counts
    import bz2  # noqa: PLC0415
    import gzip  # noqa: PLC0415
    import lzma  # noqa: PLC0415
    import zlib  # noqa: PLC0415

    codecs_by_byte: dict[int, tuple[str, Callable[[bytes], bytes], Callable[[], _Unpacker]]] = {
        0x1F: ("gzip", gzip.decompress, lambda: zlib.decompressobj(wbits=31)),
        0x42: ("bzip2", bz2.decompress, bz2.BZ2Decompressor),
        0xFD: ("xz", lzma.decompress, lzma.LZMADecompressor),
    }
    name, opener, unpacker = codecs_by_byte[data[0]]
    if limit is not None:
        # one stream's start; no error: a sniff of damaged data sees what came before
        # the damage, and reading the file in full reports it
        if limit <= 0:
            return b""  # zlib reads a max_length of 0 as no limit
        try:
            return unpacker().decompress(data, limit)
        except (EOFError, OSError, lzma.LZMAError, ValueError, zlib.error):
            return b""
    try:
        return opener(data)
    except (EOFError, OSError, lzma.LZMAError, ValueError, zlib.error) as err:
        msg = f"damaged or cut {name} data ({err})"
        raise DecodeError(msg, offset=0) from None


def read_text(
    source: str | bytes | os.PathLike[str] | IO[str] | IO[bytes],
    *,
    decoder: Callable[[bytes], tuple[str, str]] = decode,
    what: str = "text",
) -> tuple[str, str | None]:
    """Return (text, encoding) for any supported input; encoding is None for ``str``.

    ``str`` is the text itself (never a file name: pass a :class:`pathlib.Path`). Bytes
    are decompressed when compressed (:func:`decompress`), then go through ``decoder``
    (HTML reads its meta charset first); ``what`` names the argument in errors.

    >>> read_text("UPDATE 1548 GMT: x")
    ('UPDATE 1548 GMT: x', None)
    """
    if isinstance(source, str):
        return source, None
    if isinstance(source, bytes | bytearray | memoryview):
        data: object = bytes(source)
    elif isinstance(source, os.PathLike):
        with open(source, "rb") as handle:
            data = handle.read()
    else:
        read = getattr(source, "read", None)
        if read is None:
            msg = f"{what} must be str, bytes, a path or an open file, got {reprlib.repr(source)}"
            raise TypeError(msg)
        data = read()
        if isinstance(data, str):
            return data, None
    if isinstance(data, bytes):
        unpacked = decompress(data)
        _check_text(unpacked, data)
        return decoder(unpacked)
    msg = f"the file's read() returned {type(data).__name__}, not str or bytes"
    raise TypeError(msg)

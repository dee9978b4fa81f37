"""Reading input: str, bytes in common encodings, paths and open files."""

from __future__ import annotations

import codecs
import os
from collections.abc import Callable
from typing import IO

from liveblog.errors import DecodeError

__all__ = ["decode", "read_text"]

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# The five byte values Windows-1252 leaves undefined.
_CP1252_HOLES = frozenset(b"\x81\x8d\x8f\x90\x9d")


def _bom_free_utf16(data: bytes) -> str | None:
    """``utf-16-le``/``-be`` when every other byte is NUL, as in BOM-less UTF-16 text."""
    sample = data[:4096]
    if len(sample) < 4 or len(sample) % 2:
        return None
    even, odd = sample[0::2], sample[1::2]
    if odd.count(0) > 0.9 * len(odd) and even.count(0) < 0.1 * len(even):
        return "utf-16-le"
    if even.count(0) > 0.9 * len(even) and odd.count(0) < 0.1 * len(odd):
        return "utf-16-be"
    return None


def decode(data: bytes) -> tuple[str, str]:
    """Decode bytes, detecting the encoding; return (text, encoding name).

    A byte-order mark decides (UTF-8, UTF-16, UTF-32); else UTF-8 when the bytes are
    valid UTF-8, UTF-16 when they look like BOM-less UTF-16, else Windows-1252.

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
                raise DecodeError(msg, offset=err.start) from None
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as utf8_error:
        utf16 = _bom_free_utf16(data)
        if utf16 is not None:
            try:
                return data.decode(utf16), utf16
            except UnicodeDecodeError:
                pass
        for offset, byte in enumerate(data):
            if byte in _CP1252_HOLES:
                msg = (
                    f"not UTF-8 ({utf8_error.reason} at byte {utf8_error.start}) "
                    f"and not Windows-1252 (byte 0x{byte:02x} is undefined there)"
                )
                raise DecodeError(msg, offset=offset) from None
        return data.decode("cp1252"), "windows-1252"


def read_text(
    source: str | bytes | os.PathLike[str] | IO[str] | IO[bytes],
    *,
    decoder: Callable[[bytes], tuple[str, str]] = decode,
    what: str = "text",
) -> tuple[str, str | None]:
    """Return (text, encoding) for any supported input; encoding is None for ``str``.

    ``str`` is the text itself (never a file name: pass a :class:`pathlib.Path`). Bytes
    go through ``decoder`` (HTML reads its meta charset first); ``what`` names the
    argument in errors.

    >>> read_text("UPDATE 1548 GMT: x")
    ('UPDATE 1548 GMT: x', None)
    """
    if isinstance(source, str):
        return source, None
    if isinstance(source, bytes | bytearray | memoryview):
        return decoder(bytes(source))
    if isinstance(source, os.PathLike):
        with open(source, "rb") as handle:
            return decoder(handle.read())
    read = getattr(source, "read", None)
    if read is None:
        msg = f"{what} must be str, bytes, a path or an open file, got {source!r}"
        raise TypeError(msg)
    data = read()
    if isinstance(data, str):
        return data, None
    if isinstance(data, bytes):
        return decoder(data)
    msg = f"the file's read() returned {type(data).__name__}, not str or bytes"
    raise TypeError(msg)

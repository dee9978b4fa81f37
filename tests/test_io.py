"""Tests of input decoding."""

from __future__ import annotations

import codecs

import pytest

import liveblog
from liveblog.io import decode

TEXT = "UPDATE 1548 GMT: Café “talks” — done"


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (TEXT.encode("utf-8"), "utf-8"),
        (codecs.BOM_UTF8 + TEXT.encode("utf-8"), "utf-8-sig"),
        (TEXT.encode("utf-16"), "utf-16"),
        (TEXT.encode("utf-16-le"), "utf-16-le"),
        (TEXT.encode("utf-16-be"), "utf-16-be"),
        (TEXT.encode("utf-32"), "utf-32"),
        (TEXT.encode("cp1252"), "windows-1252"),
    ],
)
def test_encodings_detected(data: bytes, encoding: str) -> None:
    """BOMs, UTF-8, BOM-less UTF-16 and Windows-1252 are recognised and named."""
    assert decode(data) == (TEXT, encoding)


def test_undecodable_bytes_name_the_offset() -> None:
    """Bytes in no supported encoding raise DecodeError with the byte offset."""
    with pytest.raises(liveblog.DecodeError) as info:
        liveblog.parse(b"abc \xff\xfe\x81 def")
    assert info.value.offset == 6
    assert "byte 0x81 is undefined" in info.value.msg


def test_broken_utf16_names_the_offset() -> None:
    """A truncated UTF-16 document with a BOM raises DecodeError."""
    with pytest.raises(liveblog.DecodeError, match="invalid utf-16 data"):
        decode(codecs.BOM_UTF16_LE + b"a\x00b")


def test_non_text_input_rejected() -> None:
    """Objects that are not text, bytes, paths or files are a TypeError."""
    with pytest.raises(TypeError, match=r"^text must be str, bytes, a path or an open file"):
        liveblog.parse(42)  # type: ignore[arg-type]

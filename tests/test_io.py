"""Tests of input decoding."""

from __future__ import annotations

import codecs

import pytest
from hypothesis import given
from hypothesis import strategies as st

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


# Windows-1252 punctuation that strays into UTF-8 text pasted from a word processor.
_STRAYS = [b"\x96", b"\x92", b"\x93", b"\x94", b"\x85", b"\x80"]


@pytest.mark.parametrize("stray", _STRAYS)
def test_utf8_with_a_stray_windows_1252_byte_stays_utf8(stray: bytes) -> None:
    """Regression: UTF-8 text with one Windows-1252 byte pasted in (an en dash, a curly
    quote) failed as UTF-8 and was decoded whole as Windows-1252, every other
    non-ASCII letter becoming mojibake (Zürich -> ZÃ¼rich). Now it stays UTF-8 and only
    the stray byte is read as Windows-1252."""
    data = "14:05 Zürich – café\n".encode() + b"15:00 stray " + stray + b" here\n"
    expected = "14:05 Zürich – café\n15:00 stray " + stray.decode("cp1252") + " here\n"
    assert decode(data) == (expected, "utf-8")


def test_windows_1252_text_is_not_taken_for_damaged_utf8() -> None:
    """Text in Windows-1252 (no valid UTF-8 sequence in it) is still Windows-1252."""
    text = "14:05 Zürich – café, “naïve” crème brûlée\n"
    assert decode(text.encode("cp1252")) == (text, "windows-1252")


@given(
    st.text(st.characters(codec="utf-8", exclude_characters="\x00"), min_size=1).filter(
        lambda t: any(ord(c) > 0x7F for c in t)
    ),
    st.sampled_from(_STRAYS),
    st.integers(min_value=0),
)
def test_stray_bytes_in_utf8_are_read_alone(text: str, stray: bytes, at: int) -> None:
    """Any UTF-8 text with a Windows-1252 punctuation byte between two of its characters
    decodes to the text with that character in place."""
    at %= len(text) + 1
    data = text[:at].encode() + stray + text[at:].encode()
    assert decode(data) == (text[:at] + stray.decode("cp1252") + text[at:], "utf-8")

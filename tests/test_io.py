"""Tests of input decoding."""

from __future__ import annotations

import bz2
import codecs
import contextlib
import datetime as dt
import gzip
import io
import lzma
import pickle
import struct
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

import liveblog
from liveblog.html import looks_like_html, parse_document
from liveblog.io import decode, decompress, read_text

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
        (TEXT.encode("utf-32-le"), "utf-32-le"),
        (TEXT.encode("utf-32-be"), "utf-32-be"),
        (TEXT.encode("cp1252"), "windows-1252"),
    ],
)
def test_encodings_detected(data: bytes, encoding: str) -> None:
    """BOMs, UTF-8, BOM-less UTF-16 and UTF-32 and Windows-1252 are recognised and named."""
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


_BLOG = "UPDATE 0900 GMT: Talks end in Café Centrale.\n\nUPDATE 0800 GMT: Talks begin."
_PAGE = "<html><body><p>UPDATE 0900 GMT: Talks end.</p><p>UPDATE 0800 GMT: Talks begin.</p>"


def _compressors() -> list[tuple[str, Any]]:
    return [("gzip", gzip.compress), ("bzip2", bz2.compress), ("xz", lzma.compress)]


@pytest.mark.parametrize(("name", "compress"), _compressors())
@pytest.mark.parametrize("encoding", ["utf-8", "utf-16", "cp1252"])
def test_compressed_bytes_and_files_are_read(
    tmp_path: Path, name: str, compress: Any, encoding: str
) -> None:
    """Archives keep blogs compressed: gzip, bzip2 and xz data (told by their first
    bytes, whatever the file's name) are read as what they hold, as text or HTML."""
    day = dt.date(2024, 1, 22)
    plain = liveblog.parse(_BLOG.encode(encoding), date=day)
    data = compress(_BLOG.encode(encoding))
    path = tmp_path / f"blog.{name}"
    path.write_bytes(data)
    for source in (data, io.BytesIO(data)):
        assert liveblog.parse(source, date=day) == plain
    named = liveblog.parse(_BLOG.encode(encoding), date=day, source=str(path))
    assert liveblog.parse(path, date=day) == named
    page = compress(_PAGE.encode(encoding))
    html = liveblog.parse_html(page, date=day)
    assert html == liveblog.parse_html(_PAGE.encode(encoding), date=day)
    assert parse_document(page, date=day) == html
    assert [r.timeline for r in liveblog.parse_many([path], date=day)] == [named]


@pytest.mark.parametrize(("name", "compress"), _compressors())
def test_damaged_compressed_data_is_a_decode_error(name: str, compress: Any) -> None:
    """Cut or damaged compressed data is a DecodeError that names the format, never
    text read from the compressed bytes."""
    data = compress(_BLOG.encode() * 50)
    cut = data[: len(data) // 2]
    with pytest.raises(liveblog.DecodeError, match=f"{name} data"):
        liveblog.parse(cut)
    with pytest.raises(liveblog.DecodeError, match=f"{name} data"):
        liveblog.parse_html(cut)


@pytest.mark.parametrize(("name", "compress"), _compressors())
def test_compressed_data_with_a_byte_changed_is_read_or_a_decode_error(
    name: str, compress: Any
) -> None:
    """A byte changed anywhere in compressed data gives a timeline or a DecodeError,
    never the codec's own exception (deflate data damaged inside gzip raised zlib.error:
    "invalid distance too far back", "invalid stored block lengths")."""
    data = compress(_BLOG.encode())
    for at in range(len(data)):
        for value in {0x00, 0x55, 0xFF, data[at] ^ 0x01}:
            damaged = data[:at] + bytes([value]) + data[at + 1 :]
            for read in (liveblog.parse, liveblog.parse_html):
                with contextlib.suppress(liveblog.DecodeError):
                    read(damaged)


def test_damaged_deflate_data_in_gzip_is_a_decode_error() -> None:
    """gzip.compress(b"UPDATE 1548 GMT: x") with its 19th byte changed (the sweep's
    find): zlib.error before."""
    gzipped = bytes.fromhex(
        "1f8b080072d1046b02ff0b0d70710c7155300035b15070f70db152a800006c6722cb12000000"
    )
    with pytest.raises(liveblog.DecodeError, match="damaged or cut gzip data"):
        liveblog.parse(gzipped)


@pytest.mark.parametrize(
    "text", ["BZh9 is a code name", "BZh", "\x1f", "\x1f\x8b", "\xfd7zXZ"], ids=repr
)
def test_text_that_starts_like_compressed_data_is_text(text: str) -> None:
    """Only a whole signature (and for bzip2 its block mark) means compressed data."""
    data = text.encode("latin-1")
    assert read_text(data) == decode(data)


@pytest.mark.parametrize(("name", "compress"), _compressors())
def test_compressed_pages_look_like_html(name: str, compress: Any) -> None:
    """Regression: ``looks_like_html`` read compressed bytes as they are and said False
    for a gzipped page. Now it looks at what they hold, unpacking only the start (a
    page of 1 MB is sniffed from its first 64 KB), and damaged data is not HTML."""
    assert looks_like_html(compress(_PAGE.encode() + b" " * 1_000_000))
    assert looks_like_html(compress(_PAGE.encode("utf-16")))
    assert not looks_like_html(compress(_BLOG.encode()))
    assert not looks_like_html(compress(_BLOG.encode())[:8])  # only the header


@pytest.mark.parametrize(("name", "compress"), _compressors())
def test_decompress_with_a_limit_gives_the_start(name: str, compress: Any) -> None:
    """``decompress(data, limit)`` is the first ``limit`` bytes of the full data, for
    compressed and plain bytes alike, and a cut stream gives what came before the cut."""
    data = ("".join(f"UPDATE {h:02d}00 GMT: {h}\n" for h in range(24)) * 200).encode()
    packed = compress(data)
    for limit in (0, 1, 100, len(data), len(data) + 5):
        assert decompress(packed, limit) == data[:limit]
        assert decompress(data, limit) == data[:limit]
    assert data.startswith(decompress(packed[: len(packed) // 2], len(data)))


# A 1x1 PNG and a 1x1 GIF, whole: tiny enough to hold none of Windows-1252's holes
PNG_1X1 = bytes.fromhex(
    "89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489"
    "0000000d4944415478da63646078f80f000287018034eba4b20000000049454e44ae426082"
)
GIF_1X1 = bytes.fromhex(
    "4749463839610100010080000000000000ffffff21f90401000000002c000000000100010000020144003b"
)


def _zipped(text: str) -> bytes:
    import zipfile

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("blog.txt", text)
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("data", "name", "offset"),
    [
        (PNG_1X1, "a PNG image", 0),
        (GIF_1X1, "a GIF image", 0),
        (gzip.compress(PNG_1X1), "gzip data holding a PNG image", 0),
        (b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01", "a JPEG image", 0),
        (_zipped("UPDATE 1548 GMT: Talks end."), "a ZIP archive", 0),
        # a PDF all of ASCII, as a program may write one: its magic number tells
        (
            b"%PDF-1.1\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n",
            "a PDF document",
            0,
        ),
        (b"SQLite format 3\x00\x10\x00\x01\x01", "an SQLite database", 0),
        (bytes.fromhex("0000010001001010000001002000680400001600"), "an icon (ICO)", 0),
        (b"UPDATE \x00\x01\x02\x03\x04\x05\x06\x07", "binary data (8 of its first 15 bytes", 7),
        (bytes(1000), "binary data (1000 of its first 1000 bytes", 0),
    ],
)
def test_binary_input_names_its_format(data: bytes, name: str, offset: int) -> None:
    """Regression: a 1x1 PNG, a GIF, a zipped blog or a PDF was read as Windows-1252 text
    and gave one entry and a no-markers warning. Binary data is a DecodeError naming
    what it is (by its magic number, else by its share of control bytes), with the
    offset and the bytes that tell, for text and for HTML."""
    for read in (liveblog.parse, liveblog.parse_html):
        with pytest.raises(liveblog.DecodeError) as info:
            read(data)
        assert info.value.msg.startswith(name)
        assert info.value.offset == offset
        assert repr(decompress(data)[offset : offset + 3])[2:-1] in info.value.msg


def _with_controls(controls: int, size: int) -> bytes:
    """``size`` bytes of text holding ``controls`` NUL, form-feed-free control bytes,
    spread evenly."""
    line = b"UPDATE 1548 GMT: Talks end. "
    text = bytearray((line * (size // len(line) + 1))[:size])
    for n in range(controls):
        text[n * size // controls] = b"\x00\x01\x1e\x7f"[n % 4]
    return bytes(text)


CAFE = "UPDATE 1548 GMT: Café talks"
AS_UTF8 = "(the bytes read as UTF-8)"


@pytest.mark.parametrize(
    ("data", "text"),
    [
        (_with_controls(7, 40), AS_UTF8),  # fewer than 8: text, however short
        (_with_controls(8, 40), None),
        (_with_controls(256, 4096), AS_UTF8),  # one in 16 exactly: text
        (_with_controls(257, 4096), None),
        (_with_controls(256, 4096) + bytes(10_000), AS_UTF8),  # NUL padding past 4 KB
        (b"\x1b[1mUPDATE 1548 GMT:\x1b[0m Talks." * 20, AS_UTF8),  # escapes: colours
        (b"\f\v\t\r\n" * 100, AS_UTF8),  # blanks are not control bytes here
        (b"GIF89a is the format of this image. UPDATE 1548 GMT: x", AS_UTF8),
        (b"%PDF files: UPDATE 1548 GMT: x", AS_UTF8),
        (b"PK 4 on the map. UPDATE 1548 GMT: x", AS_UTF8),
        # regression: six control bytes an icon's header starts with were read as one
        (b"\x00\x00\x01\x00\x01\x00\x00", AS_UTF8),
        (CAFE.encode("utf-16-le"), CAFE),
        (CAFE.encode("utf-32"), CAFE),
        (CAFE.encode("utf-32-le"), CAFE),
        (CAFE.encode("utf-32-be"), CAFE),
        # NULs as BOM-less UTF-32 has them, but no text: small 32-bit numbers
        (struct.pack("<256i", *range(256)), None),  # controls among them: 1 in 10
        (struct.pack(">1024i", *range(1024)), None),  # mostly past U+0100
        (struct.pack("<3i", 0, 0, 0x41), None),  # NULs where letters go
    ],
)
def test_binary_threshold(data: bytes, text: str | None) -> None:
    """Text holding a few control bytes (stray NULs, record separators) is read, and
    every character kept: only data whose first 4 KB hold at least 8 control bytes and
    more than one in 16 is binary. Tested on both sides of each threshold."""
    if text is None:
        with pytest.raises(liveblog.DecodeError, match=r"^binary data"):
            read_text(data)
    else:
        expected = data.decode("utf-8") if text == AS_UTF8 else text
        assert read_text(data)[0] == expected


@given(
    st.text(
        st.characters(min_codepoint=0x20, exclude_characters="\x7f", codec="utf-8"), max_size=300
    ),
    st.lists(st.sampled_from("\x00\x01\x08\x1e\x7f"), max_size=7),
    st.randoms(use_true_random=False),
)
def test_text_with_a_few_control_bytes_is_read_whole(
    text: str, controls: list[str], rng: Any
) -> None:
    """Any text with up to 7 control bytes anywhere reads back exactly (never lose
    text), however short, unless its bytes are BOM-less UTF-16 or UTF-32 of two or more
    Latin letters too (``"a"`` and three NULs, ``"b"`` and three NULs): those are read
    so."""
    chars = list(text)
    for control in controls:
        chars.insert(rng.randint(0, len(chars)), control)
    written = "".join(chars)
    data = written.encode("utf-8")
    latin_readings = set()
    for name in ("utf-32-le", "utf-32-be", "utf-16-le", "utf-16-be"):
        try:
            reading = data.decode(name)
        except UnicodeDecodeError:
            continue
        if len(reading) >= 2 and all(
            "\x20" <= c < "\x7f" or "\xa0" <= c < "\u0100" for c in reading
        ):
            latin_readings.add(reading)
    assert read_text(data)[0] in {written, *latin_readings}
    if not latin_readings:
        assert read_text(data)[0] == written


@pytest.mark.parametrize("name", ["utf-32-le", "utf-32-be"])
def test_bomless_utf32_is_read_as_utf32(name: str) -> None:
    """Regression: BOM-less UTF-32 was rejected as binary data (before that, read as
    UTF-8 with three NULs after every letter)."""
    text = "UPDATE 1548 GMT: Talks “end”.\n\nUPDATE 1602 GMT: Café 😀"
    tl = liveblog.parse(text.encode(name), date=dt.date(2024, 1, 22))
    assert (tl.encoding, tl.text) == (name, text)
    assert [e.marker for e in tl] == ["UPDATE 1548 GMT", "UPDATE 1602 GMT"]


@given(
    st.text(
        st.characters(min_codepoint=0x20, max_codepoint=0xFF, exclude_characters="\x7f"), min_size=2
    ),
    st.sampled_from(["utf-32-le", "utf-32-be"]),
)
def test_bomless_utf32_reads_back_whole(text: str, name: str) -> None:
    """Any text of two or more letters below U+0100 (no controls) written as BOM-less
    UTF-32 reads back exactly, in that encoding."""
    assert read_text(text.encode(name)) == (text, name)


@pytest.mark.parametrize("name", ["utf-32-le", "utf-32-be"])
@pytest.mark.parametrize(
    "text",
    [
        "14:32\nΟι συνομιλίες τελείωσαν.\n\n15:48\nΝέα δήλωση.",
        "14:32\nПереговоры окончены.\n\n15:48\nНовое заявление.",
        "14:32\n会谈结束。\n\n15:48\n新的声明。",
        "14:32\n😀🎉🔥😀🎉🔥\n\n15:48\n🔥🔥🔥😀😀😀",
    ],
    ids=["greek", "cyrillic", "chinese", "emoji"],
)
def test_bomless_utf32_of_other_scripts_is_read(text: str, name: str) -> None:
    """Regression: BOM-less UTF-32 of Greek, Cyrillic, Chinese or emoji text was
    rejected as binary data (only text below U+0100 was read)."""
    tl = liveblog.parse(text.encode(name), date=dt.date(2024, 1, 22), tz="UTC")
    assert (tl.encoding, tl.text, len(tl)) == (name, text, 2)


# Any character but controls (a few line breaks and tabs aside), surrogates and those
# of planes 4 to 13, where none was ever assigned: a reading holding one is no text
_UTF32_CHARACTERS = st.one_of(
    st.characters(exclude_categories=("Cc", "Cs")).filter(
        lambda c: not 0x40000 <= ord(c) <= 0xDFFFF
    ),
    st.sampled_from("\n\r\t"),
)


def _low_bytes_zero(text: str) -> bool:
    """Whether every character's lowest byte is zero (U+0100, U+4E00): such text reads
    in both UTF-32 byte orders, and the reading of the lower code points is taken."""
    return all(ord(c) % 256 == 0 for c in text)


@given(st.text(_UTF32_CHARACTERS, min_size=8), st.sampled_from(["utf-32-le", "utf-32-be"]))
def test_bomless_utf32_of_any_script_reads_back_whole(text: str, name: str) -> None:
    """Any text of 8 characters or more (no controls but line breaks and tabs, none of
    planes 4 to 13) written as BOM-less UTF-32 reads back exactly, in that encoding,
    unless every character's lowest byte is zero (both byte orders read it)."""
    if _low_bytes_zero(text):
        lower = min((text.encode(name).decode(n) for n in ("utf-32-le", "utf-32-be")), key=max)
        assert read_text(text.encode(name))[0] == lower
    else:
        assert read_text(text.encode(name)) == (text, name)


@given(
    st.text(_UTF32_CHARACTERS, min_size=2, max_size=7).filter(lambda t: not _low_bytes_zero(t)),
    st.sampled_from(["utf-32-le", "utf-32-be"]),
)
def test_short_bomless_utf32_reads_back_unless_it_is_utf8(text: str, name: str) -> None:
    """Two to seven characters of BOM-less UTF-32 read back exactly, unless their bytes
    are valid UTF-8 too (U+4E00 is N between NULs) and not Latin: they hold too few NULs
    to tell from UTF-8 text with a few NULs, which is read as that."""
    data = text.encode(name)
    try:
        as_utf8 = data.decode("utf-8")
    except UnicodeDecodeError:
        as_utf8 = None
    assert read_text(data) in {(text, name), (as_utf8, "utf-8")}
    if as_utf8 is None or max(text) < "\u0100":
        assert read_text(data) == (text, name)


def test_bomless_utf32_damaged_after_its_first_4_kb_is_a_decode_error() -> None:
    """BOM-less UTF-32 whose first 4 KB are text and whose later bytes are no UTF-32
    is a DecodeError at the first bad byte, not UTF-8 with NULs between the letters."""
    data = ("Обновление 14:32 " * 300).encode("utf-32-le")
    with pytest.raises(liveblog.DecodeError, match=r"^invalid utf-32-le data") as info:
        read_text(data + b"\xff\xff\xff\xff")
    assert info.value.offset == len(data)


def test_bomless_ascii_utf16_is_read_as_utf16() -> None:
    """Regression: BOM-less UTF-16 of ASCII text is valid UTF-8 too, and was read as
    UTF-8 with a NUL after every letter: no marker was found."""
    for name in ("utf-16-le", "utf-16-be"):
        tl = liveblog.parse("UPDATE 1548 GMT: Talks end.".encode(name), date=dt.date(2024, 1, 22))
        assert (tl.encoding, [e.marker for e in tl]) == (name, ["UPDATE 1548 GMT"])


_SCRIPTS = [
    "14:32\nΟι συνομιλίες τελείωσαν.\n\n15:48\nΝέα δήλωση.",
    "14:32\nПереговоры окончены.\n\n15:48\nНовое заявление.",
    "14:32\n会谈结束。\n\n15:48\n新的声明。",
    "14:32\nانتهت المحادثات.\n\n15:48\nبيان جديد.",
    "14:32\nהשיחות הסתיימו.\n\n15:48\nהודעה חדשה.",
    "14:32\n😀🎉🔥😀🎉🔥\n\n15:48\n🔥🔥🔥😀😀😀",
]


@pytest.mark.parametrize("name", ["utf-16-le", "utf-16-be"])
@pytest.mark.parametrize(
    "text", _SCRIPTS, ids=["greek", "cyrillic", "chinese", "arabic", "hebrew", "emoji"]
)
def test_bomless_utf16_of_other_scripts_is_read(text: str, name: str) -> None:
    """Regression: BOM-less UTF-16 of Greek, Cyrillic, Arabic, Hebrew or emoji text was
    rejected as binary data (their high bytes, 0x03 to 0x06 or 0xd8, are control
    bytes), and Chinese was read as Windows-1252 mojibake: only mostly Latin text (a
    NUL in every other byte) was read."""
    tl = liveblog.parse(text.encode(name), date=dt.date(2024, 1, 22), tz="UTC")
    assert (tl.encoding, tl.text, len(tl)) == (name, text, 2)


def _utf16_units(text: str, name: str) -> list[int]:
    """The 16-bit units of ``text`` in UTF-16 (byte order ``name``)."""
    data = text.encode(name)
    return list(struct.unpack(f"{'<' if name.endswith('le') else '>'}{len(data) // 2}H", data))


def _reads_as(data: bytes, name: str) -> str | None:
    """``data`` decoded by codec ``name``, or None where it is invalid there."""
    try:
        return data.decode(name)
    except UnicodeDecodeError:
        return None


def _one_byte_text(data: bytes) -> bool:
    """Whether ``data`` reads as text in a one-byte encoding: valid UTF-8 with fewer than
    8 control bytes, or at most one in 16 (docs/guide.md)."""
    controls = sum(b < 0x09 or (0x0E <= b <= 0x1F and b != 0x1B) or b == 0x7F for b in data)
    return _reads_as(data, "utf-8") is not None and (controls < 8 or controls * 16 <= len(data))


def _controls_lopsided(units: list[int]) -> bool:
    """Whether the control bytes of UTF-16 ``units`` are their high bytes twice as often
    as their low bytes or the other way round, surrogates' low bytes aside (one-byte
    text with control bytes, and binary data, strew them about)."""

    def control(byte: int) -> bool:
        return byte < 0x09 or (0x0E <= byte <= 0x1F and byte != 0x1B) or byte == 0x7F

    high = sum(control(u >> 8) for u in units)
    low = sum(control(u & 0xFF) for u in units if not 0xD800 <= u <= 0xDFFF)
    return max(high, low) >= 2 * min(high, low)


def _ascii(unit: int) -> bool:
    """Whether the 16-bit ``unit`` is an ASCII character (a line break, a tab or
    printable)."""
    return unit in (0x09, 0x0A, 0x0D) or 0x20 <= unit <= 0x7E


@given(
    st.text(_UTF32_CHARACTERS, min_size=8, max_size=1000),
    st.sampled_from(["utf-16-le", "utf-16-be"]),
)
def test_bomless_utf16_of_any_script_reads_back_whole(text: str, name: str) -> None:
    """Any text of 8 characters or more (no controls but line breaks and tabs, none of
    planes 4 to 13, at most 4 KB) written as BOM-less UTF-16 reads back exactly, in that
    encoding, unless it is ambiguous:

    - its bytes are valid UTF-8 with few control bytes (one-byte text: short Cyrillic or
      Arabic, whose bytes are ASCII with a 0x04 or 0x06 between letters), or valid
      UTF-32 (every other character a tab or line break), or start with a byte-order
      mark (U+FEFF, U+FFFE or the UTF-8 one);
    - its control bytes are its characters' high bytes no more than twice as often as
      their low bytes, nor the other way round (surrogates' low bytes aside): one-byte
      text and binary data strew them so (U+0416 Ж and U+4E00 一, one each);
    - it holds no more ASCII characters (line breaks, spaces, digits) than characters
      that are ASCII byte-swapped (U+4E00 is N, U+3000 is 0): then the other byte order
      may be taken (and without either there is no NUL byte, and bytes that can be
      one-byte text are read so).
    """
    data = text.encode(name)
    units = _utf16_units(text, name)
    ascii_count = sum(map(_ascii, units))
    swapped = sum(_ascii(u >> 8) and u % 256 == 0 for u in units)
    other = "utf-16-be" if name == "utf-16-le" else "utf-16-le"
    utf8 = _reads_as(data, "utf-8")
    ambiguous = (
        _one_byte_text(data)
        or any(_reads_as(data, n) is not None for n in ("utf-32-le", "utf-32-be"))
        or data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE, codecs.BOM_UTF8))
        or not _controls_lopsided(units)
        or ascii_count <= swapped
    )
    if not ambiguous:
        assert read_text(data) == (text, name)
        return
    try:
        result = read_text(data)
    except liveblog.DecodeError:
        return  # not text in any reading it was tried in: never a misreading
    readings = {(text, name), (_reads_as(data, other), other), (utf8, "utf-8")}
    readings |= {(_reads_as(data, n), n) for n in ("utf-32-le", "utf-32-be", "utf-16")}
    readings.add((_reads_as(data, "utf-8-sig"), "utf-8-sig"))
    if result not in readings:
        # one-byte text whose bytes are no UTF-8: Windows-1252, whole or strays, only
        # without a NUL (Windows-1252 text holds none)
        assert result[1] in {"windows-1252", "utf-8"}
        assert b"\x00" not in data or not _controls_lopsided(units)


@given(
    st.lists(
        st.tuples(
            st.sampled_from(["Ω", "Ж", "ب", "ש", "中", "😀", "é", "한", "", "Ωμέγα"]),
            st.sampled_from(["\n", " ", " 14:32\n", ". "]),
        ),
        min_size=8,
        max_size=300,
    ),
    st.sampled_from(["utf-16-le", "utf-16-be"]),
)
def test_bomless_utf16_of_words_and_numbers_reads_back_whole(
    pieces: list[tuple[str, str]], name: str
) -> None:
    """Text of any scripts mixed, with a line break, a space or a clock after each word
    (eight or more), as a live blog's, written as BOM-less UTF-16 reads back exactly."""
    text = "".join(word + after for word, after in pieces)
    assert read_text(text.encode(name)) == (text, name)


@pytest.mark.parametrize("name", ["utf-16-le", "utf-16-be"])
@pytest.mark.parametrize(
    ("text", "damage"),
    [
        ("UPDATE 14:32 Talks end. ", "\ud800".encode("utf-16-le", "surrogatepass")),
        ("Обновление 14:32 ", "\udc00".encode("utf-16-le", "surrogatepass")),
        ("会谈 14:32\n", "\udfff".encode("utf-16-le", "surrogatepass")),
        ("Обновление 14:32 ", b"\x04"),  # cut in a character: the odd byte at the end
    ],
    ids=["latin", "cyrillic", "chinese", "cut"],
)
def test_bomless_utf16_damaged_after_its_first_4_kb_is_a_decode_error(
    text: str, damage: bytes, name: str
) -> None:
    """Regression: BOM-less UTF-16 whose first 4 KB are text and whose later bytes are
    no UTF-16 (a lone surrogate, a cut character) was read as UTF-8 with NULs between
    the letters (Latin), or rejected as binary data at its first control byte: now it is
    a DecodeError at the first bad byte."""
    data = (text * 300).encode(name)
    bad = damage if name == "utf-16-le" or len(damage) == 1 else damage[::-1]
    with pytest.raises(liveblog.DecodeError, match=f"^invalid {name} data") as info:
        read_text(data + bad + (data if len(bad) == 2 else b""))
    assert info.value.offset == len(data)


@pytest.mark.parametrize("name", ["utf-16-le", "utf-16-be"])
def test_bomless_utf16_of_zero_low_bytes_is_never_read_as_controls(name: str) -> None:
    """Regression: UTF-16 of U+0100 letters (Ā is ``00 01`` little-endian) has a NUL
    in every other byte, and was read in the other byte order as a run of U+0001
    control characters. A reading of many control characters is no text."""
    data = ("Ā" * 20 + "a").encode(name)
    with pytest.raises(liveblog.DecodeError, match=r"^binary data"):
        read_text(data)


def test_utf8_text_followed_by_junk_is_no_utf16() -> None:
    """Regression: UTF-8 text followed by junk with a few NULs was read as BOM-less
    UTF-16 (the text as CJK-looking characters); the UTF-8 text at the start wins, and
    the junk is a DecodeError at its first byte neither UTF-8 nor Windows-1252 reads."""
    text = b"UPDATE 0831 GMT: caf\xc3\xa9 ok\n" * 10
    data = text + b"\xff\xfe\x00\xd8" * 3 + b"\x81\x8d\x8f\x90\x9d" * 2000
    with pytest.raises(liveblog.DecodeError, match=r"^not UTF-8") as info:
        decode(data)
    assert info.value.offset == len(text) + 12
    # the bad byte's line and column, in the Windows-1252 reading of the bytes before it
    assert (info.value.line, info.value.column) == (11, 13)


@pytest.mark.parametrize(
    ("data", "line", "column"),
    [
        ("Line one\nLine two café ".encode("cp1252") + b"\x81", 2, 15),
        # UTF-8 fails at 0xFF: the bytes before 0x81 read as Windows-1252 (é as Ã©)
        ("Line one\r\nLine two café ".encode() + b"\xff\x81", 2, 17),
        (codecs.BOM_UTF16_LE + "ab\ncd".encode("utf-16-le") + b"\x00\xd8", 2, 3),
        (codecs.BOM_UTF8 + b"\xff", 1, 1),
        (("UPDATE 14:32 Talks.\n" * 300).encode("utf-16-be") + b"\xdc\x00", 301, 1),
    ],
    ids=["windows-1252", "utf-8-then-1252", "utf-16-bom", "utf-8-bom", "utf-16-bomless"],
)
def test_a_decode_error_gives_the_bad_byte_s_line_and_column(
    data: bytes, line: int, column: int
) -> None:
    """A DecodeError gives the line and column of its bad byte where the text before it
    reads (the byte offset alone left the reader counting), in its message too, and
    keeps them through pickling (parse_many's processes)."""
    with pytest.raises(liveblog.DecodeError) as info:
        decode(data)
    err = info.value
    assert (err.line, err.column) == (line, column)
    assert str(err).endswith(f"(line {line}, column {column})")
    again = pickle.loads(pickle.dumps(err))
    assert (again.line, again.column, again.offset, str(again)) == (
        line,
        column,
        err.offset,
        str(err),
    )


@given(
    st.text(st.characters(min_codepoint=1, exclude_categories=["Cs"]), min_size=64),
    st.binary(min_size=1, max_size=5000),
)
def test_utf8_text_at_the_start_is_never_read_as_utf16(text: str, junk: bytes) -> None:
    """Data that opens with 64 bytes of UTF-8 text without a NUL is read as UTF-8 (with
    Windows-1252 strays) or Windows-1252, or is a DecodeError: never as UTF-16 or UTF-32,
    whatever follows the text."""
    data = text.encode("utf-8") + junk
    if data.startswith((codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return  # a byte-order mark decides
    try:
        _, name = decode(data)
    except liveblog.DecodeError:
        return
    assert name in {"utf-8", "windows-1252"}

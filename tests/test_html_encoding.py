"""Tests for liveblog.html.encoding: decoding pages and telling HTML from text."""

from __future__ import annotations

import codecs

import pytest

from liveblog.errors import DecodeError
from liveblog.html.encoding import declared_charset, decode_html, looks_like_html


def test_bom_wins_over_meta() -> None:
    """A UTF-8 byte-order mark decides even when the page declares another charset."""
    data = codecs.BOM_UTF8 + '<meta charset="windows-1252"><p>café'.encode()
    assert decode_html(data) == ('<meta charset="windows-1252"><p>café', "utf-8-sig")


def test_utf16_bom_is_read() -> None:
    """UTF-16 with a BOM is decoded."""
    assert decode_html("<p>café".encode("utf-16")) == ("<p>café", "utf-16")


@pytest.mark.parametrize(
    ("meta", "name"),
    [
        (b'<meta charset="windows-1252">', "windows-1252"),
        (b"<META CHARSET=ISO-8859-1>", "windows-1252"),
        (b'<meta http-equiv="Content-Type" content="text/html; charset=iso-8859-2">', "iso8859-2"),
        (b"<meta charset='utf-8'>", "utf-8"),
        (b'<meta charset="utf-16">', "utf-8"),
    ],
)
def test_meta_charset_is_read(meta: bytes, name: str) -> None:
    """Both meta forms are read, with browsers' aliases (Latin-1 is Windows-1252)."""
    assert declared_charset(meta) == name


@pytest.mark.parametrize(
    "label", ["undefined", "unicode_escape", "raw-unicode-escape", "utf-7", "idna", "punycode"]
)
def test_python_codecs_that_are_no_page_charsets_are_ignored(label: str) -> None:
    """Regression: a label Python knows but no browser reads a page in was used as the
    page's charset: "undefined" raised UnicodeError, and the escape codecs and UTF-7
    rewrote the text ('C:\\new' lost its backslash, '1+1-2' its plus)."""
    page = f'<meta charset="{label}"><p>C:\\new 1+1-2 café</p>'.encode()
    assert declared_charset(page) is None
    assert decode_html(page) == (page.decode(), "utf-8")


@pytest.mark.parametrize("label", ["base64", "zlib", "rot13", "undefined"])
def test_undecodable_page_declaring_a_non_text_codec_is_a_decode_error(label: str) -> None:
    """Regression: bytes neither UTF-8 nor Windows-1252 in a page declaring a codec that
    is no text encoding raised LookupError ("'base64' is not a text encoding") or
    UnicodeError, not DecodeError."""
    with pytest.raises(DecodeError):
        decode_html(f'<meta charset="{label}"><p>'.encode() + b"\x81\xff")


def test_meta_after_two_kilobytes_is_ignored() -> None:
    """Only the first 2 KB are searched for a declaration."""
    assert declared_charset(b" " * 2048 + b'<meta charset="windows-1252">') is None


def test_declared_charset_decodes() -> None:
    """The declared encoding decodes the page and is reported."""
    page = '<meta charset="iso-8859-2"><p>Łódź'.encode("iso8859-2")
    assert decode_html(page) == ('<meta charset="iso-8859-2"><p>Łódź', "iso8859-2")


def test_wrong_declaration_falls_back_to_detection() -> None:
    """Bytes invalid in the declared UTF-8 are detected as Windows-1252."""
    page = '<meta charset="utf-8"><p>café'.encode("cp1252")
    assert decode_html(page) == ('<meta charset="utf-8"><p>café', "windows-1252")


@pytest.mark.parametrize(
    "meta",
    [
        b'<meta charset="windows-1252">',
        b'<meta http-equiv="Content-Type" content="text/html; charset=ISO-8859-1">',
        b'<meta charset="iso-8859-15">',
    ],
)
@pytest.mark.parametrize(
    "text",
    ["Ahrbrück", "Zürich: 5 °C – “heavy rain”", "Ticket price €5, naïve café", "Łódź"],
)
def test_utf8_page_declaring_a_legacy_charset_is_read_as_utf8(meta: bytes, text: str) -> None:
    """Regression: a page served as UTF-8 (the HTTP header said so) whose template still
    declares Latin-1 was decoded in the declared charset, every non-ASCII letter
    becoming mojibake ("AhrbrÃ¼ck"). Valid UTF-8 with multi-byte sequences is UTF-8."""
    page = meta + f"<p>16:12 Rail line closed between Remagen and {text}</p>".encode()
    assert decode_html(page) == (page.decode(), "utf-8")


@pytest.mark.parametrize("meta", [b'<meta charset="utf-8">', b'<meta charset="iso-8859-1">', b""])
def test_utf8_page_with_a_stray_windows_1252_byte_stays_utf8(meta: bytes) -> None:
    """Regression: one Windows-1252 byte in a UTF-8 page (a dash pasted from a word
    processor) made the whole page Windows-1252, every other letter mojibake."""
    page = meta + "<p>14:05 Zürich – café</p>".encode() + b"<p>15:00 stray \x96 dash</p>"
    text = (meta + b"<p>14:05 Z").decode() + "ürich – café</p><p>15:00 stray – dash</p>"
    assert decode_html(page) == (text, "utf-8")


@pytest.mark.parametrize("text", ["Ahrbrück", "Zürich: 5 °C – “heavy rain”", "café"])
def test_legacy_page_declaring_its_charset_is_read_in_it(text: str) -> None:
    """A Windows-1252 page, which is never valid UTF-8 with such text, keeps its charset."""
    page = b'<meta charset="windows-1252"><p>' + text.encode("cp1252")
    assert decode_html(page) == (page.decode("cp1252"), "windows-1252")


def test_without_declaration_utf8_is_tried_first() -> None:
    """No BOM and no meta: UTF-8 when valid."""
    assert decode_html("<p>café".encode()) == ("<p>café", "utf-8")


def test_undecodable_bytes_raise_decode_error() -> None:
    """Bytes that no supported encoding reads raise DecodeError."""
    with pytest.raises(DecodeError):
        decode_html(b"<p>\x81\xff\xfe")


@pytest.mark.parametrize(
    "data",
    [
        "<!DOCTYPE html><html>",
        b"<!doctype html>",
        "\n\n  <html lang='en'>",
        "<?xml version='1.0'?>\n<html>",
        "<div class='x'>",
        b"<p>UPDATE 1548 GMT: x",
        "<!-- saved from url=(0042)https://example.org -->\n<HTML>",
        "<article>",
        "<p>".encode("utf-16"),
        *("<!DOCTYPE html><p>".encode(e) for e in ("utf-32", "utf-32-le", "utf-32-be")),
        *("<!DOCTYPE html><p>".encode(e) for e in ("utf-16-le", "utf-16-be")),
    ],
)
def test_pages_look_like_html(data: str | bytes) -> None:
    """A doctype or a page-level tag near the start marks HTML."""
    assert looks_like_html(data)


@pytest.mark.parametrize(
    "data",
    [
        "UPDATE 1548 GMT: Talks end.",
        b"09:41\nHeadline",
        "The <b> tag is discussed below",
        "x" * 2000 + "<html>",
        b"",
    ],
)
def test_text_does_not_look_like_html(data: str | bytes) -> None:
    """Live-blog text, even with a stray angle bracket, is not HTML."""
    assert not looks_like_html(data)


_PAGE = "<!DOCTYPE html>\n<html><head><title>Live</title></head><body><p>UPDATE 1548 GMT: x</p>"


@pytest.mark.parametrize(
    "lead",
    [
        "\n" * 1500,  # a template that prints blank lines before the doctype
        " \t\r\n" * 400,
        "<!--\n" + "  Hiring? We are too.  " * 80 + "\n-->\n",  # a long banner comment
        "<!-- a -->\n" * 150 + "\n",
        "\ufeff\n" + "\n" * 2000,
    ],
)
def test_page_after_long_leading_blank_or_comment_looks_like_html(lead: str) -> None:
    """Regression: only the first 1024 characters were looked at, so a page opening with
    a long run of blank lines or a long comment was read as text, its markup and
    scripts becoming one entry. Leading blanks and comments are skipped first."""
    data = lead + _PAGE
    assert looks_like_html(data)
    assert looks_like_html(data.encode("utf-8"))


def test_long_text_with_a_comment_is_still_text() -> None:
    """Skipping comments does not make text HTML: a tag must still follow them."""
    assert not looks_like_html("<!-- note -->\n" + "UPDATE 1548 GMT: x\n" * 100 + "<html>")


@pytest.mark.parametrize("data", [42, None, ["<p>"]])
def test_looks_like_html_of_no_text_is_a_type_error(data: object) -> None:
    """Regression: looks_like_html(42) raised "'int' object is not subscriptable"."""
    with pytest.raises(TypeError) as info:
        looks_like_html(data)  # type: ignore[arg-type]
    assert str(info.value) == f"data must be str or bytes, got {data!r}"

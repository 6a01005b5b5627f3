"""HTML decoding: BOM, then the HTTP charset, then <meta charset>, then UTF-8 or windows-1252."""

from __future__ import annotations

import codecs
import os

from seotool.crawl.decode import decode_html

CAFE_1252 = "caf\u00e9 \u201cquoted\u201d".encode("cp1252")


def test_http_charset_wins_over_meta():
    body = b'<meta charset="utf-8">' + CAFE_1252
    assert decode_html(body, "text/html; charset=windows-1252").endswith("caf\u00e9 \u201cquoted\u201d")


def test_meta_charset_when_http_says_nothing():
    assert decode_html(b'<meta charset="windows-1252">' + CAFE_1252, "text/html").endswith("\u201cquoted\u201d")
    http_equiv = b'<meta http-equiv="Content-Type" content="text/html; charset=ISO-8859-1">' + CAFE_1252
    assert decode_html(http_equiv, None).endswith("\u201cquoted\u201d")  # latin-1 is read as windows-1252


def test_bom_beats_everything():
    body = codecs.BOM_UTF8 + "caf\u00e9".encode()
    assert decode_html(body, "text/html; charset=windows-1252") == "caf\u00e9"
    assert decode_html(codecs.BOM_UTF16_LE + "hi".encode("utf-16-le")) == "hi"


def test_fallback_is_utf8_then_windows_1252():
    assert decode_html("caf\u00e9".encode()) == "caf\u00e9"
    assert decode_html(CAFE_1252) == "caf\u00e9 \u201cquoted\u201d"


def test_bogus_labels_are_ignored():
    assert decode_html("caf\u00e9".encode(), "text/html; charset=no-such-charset") == "caf\u00e9"
    assert decode_html(b'<meta charset="zlib_codec">' + "caf\u00e9".encode()).endswith("caf\u00e9")  # not a text codec
    assert decode_html(b'<meta charset="utf-16">' + "caf\u00e9".encode()).endswith("caf\u00e9")  # meta cannot say utf-16


def test_garbage_always_decodes():
    for _ in range(20):
        text = decode_html(os.urandom(5000), "text/html; charset=utf-8")
        assert isinstance(text, str) and "\x00" not in text

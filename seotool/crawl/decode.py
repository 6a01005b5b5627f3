"""Turn an HTML body into text the way browsers do, and never fail on bad bytes.

Order: a byte-order mark; the charset in the HTTP Content-Type; a ``<meta charset>`` (or
``http-equiv`` Content-Type) in the first 4 KB; else UTF-8 when the bytes are valid UTF-8;
else windows-1252 (the web's legacy default). Unknown labels are skipped. Undecodable bytes
become U+FFFD, so a page of garbage bytes still becomes a (garbage) string."""

from __future__ import annotations

import codecs
import re

_BOMS = ((codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be"))
_HTTP_CHARSET = re.compile(r"charset\s*=\s*[\"']?([\w.:-]+)", re.I)
_META_CHARSET = re.compile(rb"<meta[^>]+charset\s*=\s*[\"']?\s*([\w.:-]+)", re.I)
# Labels browsers map to windows-1252 (WHATWG Encoding), and meta labels that cannot be true.
_ALIASES = {"iso-8859-1": "windows-1252", "latin1": "windows-1252", "latin-1": "windows-1252",
            "us-ascii": "windows-1252", "ascii": "windows-1252", "iso8859-1": "windows-1252"}


def charset_from_content_type(content_type: str | None) -> str | None:
    m = _HTTP_CHARSET.search(content_type or "")
    return _known(m.group(1)) if m else None


def charset_from_meta(body: bytes) -> str | None:
    m = _META_CHARSET.search(body[:4096])
    if not m:
        return None
    label = _known(m.group(1).decode("ascii", "ignore"))
    if label and label.startswith("utf-16"):
        return "utf-8"  # bytes we could scan as ASCII are not UTF-16 (HTML spec)
    return label


def decode_html(body: bytes, content_type: str | None = None) -> str:
    for bom, name in _BOMS:
        if body.startswith(bom):
            return _clean(body[len(bom):].decode(name, "replace"))
    label = charset_from_content_type(content_type) or charset_from_meta(body)
    if label:
        return _clean(body.decode(label, "replace"))
    try:
        return _clean(body.decode("utf-8"))
    except UnicodeDecodeError:
        return _clean(body.decode("windows-1252", "replace"))


def _known(label: str) -> str | None:
    label = label.strip().lower()
    label = _ALIASES.get(label, label)
    try:
        info = codecs.lookup(label)
    except LookupError:
        return None
    # A page must not pick a bytes-to-bytes codec ("zlib", "base64") or UTF-7 (banned in HTML).
    if not getattr(info, "_is_text_encoding", True) or info.name == "utf-7":
        return None
    return info.name


def _clean(text: str) -> str:
    # NUL is not allowed in HTML text; browsers show U+FFFD.
    return text.replace("\x00", "\ufffd") if "\x00" in text else text

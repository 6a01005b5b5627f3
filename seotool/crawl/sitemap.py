"""Read sitemaps (sitemaps.org protocol): a ``<urlset>`` lists pages, a ``<sitemapindex>`` lists
more sitemaps. Gzipped files (``sitemap.xml.gz``) and plain-text sitemaps (one URL per line) are
read too. Parsing is namespace-agnostic because real sitemaps get the namespace wrong.

The standard library's expat parser does not fetch external entities and (expat >= 2.4.1)
refuses entity-expansion bombs; the size of a sitemap is capped before it gets here."""

from __future__ import annotations

import zlib
from dataclasses import dataclass, field
from xml.etree.ElementTree import ParseError, XMLPullParser

MAX_SITEMAP_BYTES = 50 * 1024 * 1024  # the protocol's limit, uncompressed
MAX_LOCS = 50_000  # the protocol's limit per file
MAX_SITEMAP_FILES = 200  # per crawl, index files included


@dataclass
class Sitemap:
    kind: str  # "urlset" | "index" | "text" | "invalid"
    locs: list[str] = field(default_factory=list)
    error: str | None = None


def parse_sitemap(data: bytes) -> Sitemap:
    if data[:2] == b"\x1f\x8b":
        try:
            data = gunzip_capped(data, MAX_SITEMAP_BYTES)
        except ValueError as exc:
            return Sitemap("invalid", error=str(exc))
    head = data[:512].lstrip(b"\xef\xbb\xbf \t\r\n")
    if head.startswith(b"<"):
        return _parse_xml(data)
    return _parse_text(data)


def gunzip_capped(data: bytes, limit: int) -> bytes:
    d = zlib.decompressobj(16 + zlib.MAX_WBITS)
    try:
        out = d.decompress(data, limit + 1)
    except zlib.error as exc:
        raise ValueError(f"invalid gzip data: {exc}") from None
    if len(out) > limit or d.unconsumed_tail:
        raise ValueError(f"sitemap larger than {limit} bytes uncompressed")
    return out


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1].lower()


def _parse_xml(data: bytes) -> Sitemap:
    """Read ``<loc>`` entries as they stream by, so a file broken halfway keeps its first half."""
    parser = XMLPullParser(events=("start", "end"))
    kind: str | None = None
    locs: list[str] = []
    error: str | None = None
    chunks: list[bytes | None] = [data[i:i + (1 << 16)] for i in range(0, len(data), 1 << 16)]
    for chunk in [*chunks, None]:  # None: the end of the document
        try:
            if chunk is not None:
                parser.feed(chunk)
            else:
                parser.close()
        except ParseError as exc:
            error = f"invalid XML: {exc}"
        try:
            for event, elem in parser.read_events():  # re-raises a ParseError met while feeding
                name = _local(elem.tag)
                if kind is None:
                    kind = {"urlset": "urlset", "sitemapindex": "index"}.get(name, "invalid")
                    if kind == "invalid":
                        return Sitemap("invalid", error=f"not a sitemap: root element <{name}>")
                if event != "end":
                    continue
                if name == "loc" and elem.text and elem.text.strip() and len(locs) < MAX_LOCS:
                    locs.append(elem.text.strip())
                if name in ("url", "sitemap"):
                    elem.clear()  # keep memory flat on big files
        except ParseError as exc:
            error = f"invalid XML: {exc}"
        if error:
            break
    if kind is None or (error and not locs):
        return Sitemap("invalid", error=error or "empty document")
    if error and locs:
        error = f"{error} (kept the {len(locs)} entries before it)"
    return Sitemap(kind, locs, error)


def _parse_text(data: bytes) -> Sitemap:
    text = data.decode("utf-8", "replace")
    locs = [line.strip() for line in text.splitlines() if line.strip().lower().startswith(("http://", "https://"))]
    if not locs:
        return Sitemap("invalid", error="neither XML nor a list of URLs")
    return Sitemap("text", locs[:MAX_LOCS])

"""The gathered snapshot that checks read: every URL seen with its state, the parsed pages,
the sitemap's URLs and the link probes. Checks never do I/O; everything they need is here."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urldefrag

from seotool.config import Config
from seotool.page import Page

# The base URL that local files are given, so links between them resolve like on a web server.
LOCAL_ORIGIN = "http://site.invalid/"

FETCHED, SKIPPED, FAILED = "fetched", "skipped", "failed"


@dataclass
class Record:
    """What happened to one URL the gatherer saw. Nothing it saw goes unrecorded."""

    url: str
    state: str  # fetched | skipped | failed
    reason: str | None = None  # skipped: robots, out-of-scope, excluded, limit-reached, depth-limit, not-html
    # failed: timeout, dns, tls, refused, reset, too-large, redirect-loop, too-many-redirects, http-error, ...
    # (crawls: the full list, incl. fetched/"redirected" and skipped/"interrupted", is in seotool/crawl/recording.py)
    status: int | None = None
    final_url: str | None = None
    redirects: list[dict[str, Any]] = field(default_factory=list)  # [{"url": ..., "status": 301}, ...]
    content_type: str | None = None
    elapsed_ms: float | None = None
    depth: int = 0
    referrer: str | None = None
    size: int | None = None
    detail: str | None = None  # the underlying error text, for humans

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class Probe:
    """The result of checking one link target (gathered for the links and onpage families)."""

    url: str
    status: int | None = None
    final_url: str | None = None
    redirects: list[dict[str, Any]] = field(default_factory=list)
    error: str | None = None  # timeout, dns, refused, reset, tls, redirect-loop, missing-file, ...
    content_type: str | None = None
    ids: frozenset[str] | None = None  # fragment targets, when the target is HTML and was read
    blocked: bool = False  # bot protection: could not verify
    method: str = "HEAD"
    elapsed_ms: float | None = None
    detail: str | None = None


@dataclass
class Site:
    targets: list[str]
    config: Config
    pages: list[Page] = field(default_factory=list)
    records: dict[str, Record] = field(default_factory=dict)
    sitemap_urls: set[str] = field(default_factory=set)
    probes: dict[str, Probe] = field(default_factory=dict)
    local_root: Path | None = None  # set when auditing a folder
    offline: bool = False
    interrupted: bool = False
    notes: list[str] = field(default_factory=list)  # things the report should say (e.g. inferred profile)
    cache: dict[str, Any] = field(default_factory=dict)

    @property
    def is_local(self) -> bool:
        return self.local_root is not None

    def page_for(self, url: str) -> Page | None:
        """The page at ``url`` (absolute, fragment ignored), following its recorded redirects."""
        index = self.cache.get("_page_index")
        if index is None:
            index = {}
            for p in self.pages:
                index[_key(p.final_url)] = p
                index.setdefault(_key(p.url), p)
            for r in self.records.values():
                if r.final_url and _key(r.final_url) in index:
                    index.setdefault(_key(r.url), index[_key(r.final_url)])
            self.cache["_page_index"] = index
        return index.get(_key(url))

    def display_url(self, url: str) -> str:
        """How reports name an absolute URL: a relative path for local files."""
        if self.is_local and url.startswith(LOCAL_ORIGIN):
            return url[len(LOCAL_ORIGIN):] or "index.html"
        return url


def _key(url: str) -> str:
    url = urldefrag(url)[0]
    return url[:-1] if url.endswith("/") else url

"""Fetch and parse one page (runs in a worker thread): robots.txt first, then the request with
the crawl's redirect policy, then decoding and parsing when the response is HTML.

The redirect policy (``follow``) lets a hop through only when its target is in scope, allowed by
robots.txt and not claimed by someone else; a start URL may move to another host (``clinic.com``
-> ``www.clinic.com``) and the scope moves with it."""

from __future__ import annotations

import threading
from collections.abc import Callable, Mapping
from concurrent.futures import CancelledError
from dataclasses import dataclass, field
from urllib.parse import urljoin

from seotool.crawl.fetch import FetchResult, Limits, Sessions, fetch
from seotool.crawl.frontier import Entry, Frontier
from seotool.crawl.parsing import Parser
from seotool.crawl.politeness import HostGate
from seotool.crawl.robots import Robots, RobotsCache
from seotool.page import Page
from seotool.urls import Scope, normalize

HTML_TYPES = ("text/html", "application/xhtml+xml")
FOLLOWED = {("a", "href"), ("area", "href")}


@dataclass
class PageOutcome:
    entry: Entry
    fetch: FetchResult | None = None
    robots: Robots | None = None  # set when robots.txt kept the page from being fetched
    page: Page | None = None
    links: list[str] = field(default_factory=list)  # absolute URLs to follow, as written
    parse_error: str | None = None


def mime_type(content_type: str | None) -> str:
    return (content_type or "").split(";", 1)[0].strip().lower()


def wants_html(status: int, headers: Mapping[str, str]) -> bool:
    """Read the body of a 2xx response that says it is HTML, or says nothing (then we sniff)."""
    mime = mime_type(headers.get("Content-Type"))
    return 200 <= status < 300 and (mime in HTML_TYPES or not mime)


def looks_like_html(body: bytes) -> bool:
    head = body[:1024].lower()
    return any(marker in head for marker in (b"<!doctype html", b"<html", b"<head", b"<body", b"<title"))


class PageFetcher:
    def __init__(self, *, sessions: Sessions, limits: Limits, gate: HostGate, robots: RobotsCache | None,
                 scope: Scope, frontier: Frontier, stop: threading.Event, parser: Parser | None = None) -> None:
        self.sessions = sessions
        self.limits = limits
        self.gate = gate
        self.robots = robots  # None when robots.txt is ignored
        self.scope = scope
        self.frontier = frontier
        self.stop = stop
        self.parser = parser or Parser(max_pages=1)  # max_pages=1: always parse in this process

    def __call__(self, entry: Entry, later: Callable[[PageOutcome], None] | None = None) -> PageOutcome | None:
        """Fetch (and parse) the page of ``entry``. With ``later``, a page handed to a parse helper
        is not waited for: None is returned and ``later(outcome)`` is called once it is parsed,
        so this thread can fetch the next page meanwhile."""
        if self.robots is not None:
            rules = self.robots.get(entry.url)
            if rules.error or not rules.allowed(entry.url, self.robots.agent):
                return PageOutcome(entry, robots=rules)
        chain = {entry.key}

        def follow(target: str) -> bool:
            key = normalize(target)
            if key is None:
                return False
            if key in chain:  # /about -> /about/ : the same page, ours already
                return True
            if entry.start and self.scope.verdict(target) == "out-of-scope":
                self.scope.add_host(target)
            elif self.scope.verdict(target):
                return False
            if self.robots is not None:
                rules = self.robots.get(target)
                if rules.error or not rules.allowed(target, self.robots.agent):
                    return False
            if not self.frontier.claim(key):
                return False
            chain.add(key)
            return True

        result = fetch(entry.url, self.sessions.get(), self.limits, gate=self.gate, want_body=wants_html,
                       follow=follow, stop=self.stop)
        outcome = PageOutcome(entry, fetch=result)
        body = result.body
        if body is None or not mime_type(result.content_type) and not looks_like_html(body):
            return outcome  # nothing to parse, or no Content-Type and not HTML by its bytes: not-html
        args = (body, result.content_type, result.final_url, result.status or 200, result.headers, entry.depth)
        if later is not None:
            def parsed(page: Page | None, error: BaseException | None) -> None:
                if isinstance(error, CancelledError):  # Ctrl-C came before a helper took it
                    result.error, result.detail, result.body = "cancelled", "the crawl was stopped", None
                    later(outcome)
                    return
                self._parsed(outcome, page, error)
                if page is not None and entry.start:
                    self.parser.check_later(page)
                later(outcome)

            if self.parser.parse_later(*args, done=parsed, check_first=not entry.start):
                return None
        try:
            page = self.parser.parse(*args)
        except Exception as exc:  # noqa: BLE001 - one unparseable page must not end the crawl
            self._parsed(outcome, None, exc)
        else:
            self._parsed(outcome, page, None)
        return outcome

    def _parsed(self, outcome: PageOutcome, page: Page | None, error: BaseException | None) -> None:
        result = outcome.fetch
        assert result is not None
        result.body = None  # the page holds what we need; free the bytes
        if page is None:
            outcome.parse_error = f"{type(error).__name__}: {error}"[:300]
            return
        outcome.page = page
        outcome.links = [link.url for link in page.links if link.url and (link.tag, link.attr) in FOLLOWED]
        if page.meta_refresh:
            outcome.links.append(urljoin(page.base_url, page.meta_refresh))

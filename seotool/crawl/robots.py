"""robots.txt, read once per origin and shared by all workers (parsed by Protego).

What an answer means follows RFC 9309: 2xx -> the rules apply; 4xx -> no rules (crawl all);
5xx -> the site is treated as fully disallowed (the pages are recorded skipped/robots and the
report says why); no answer at all (DNS, refused, timeout) -> the pages of that origin fail with
the same reason, since the server could not be reached. Crawl-delay for our user agent is
handed to the politeness gate."""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass, field

from protego import Protego

from seotool.crawl.fetch import FetchResult
from seotool.urls import host_key, origin

MAX_ROBOTS_BYTES = 500 * 1024  # what Google reads of a robots.txt


def agent_token(user_agent: str) -> str:
    """The product token robots.txt groups are matched against: ``seotool/0.1 (+url)`` -> ``seotool``."""
    return (user_agent.split("/", 1)[0].split() or ["seotool"])[0].lower()


@dataclass
class Robots:
    origin: str
    parser: Protego | None = None
    disallow_all: bool = False  # robots.txt answered 5xx
    error: str | None = None  # robots.txt unreachable: the Record reason for this origin's pages
    detail: str | None = None
    sitemaps: list[str] = field(default_factory=list)

    def allowed(self, url: str, agent: str) -> bool:
        if self.disallow_all:
            return False
        return self.parser is None or self.parser.can_fetch(url, agent)

    def crawl_delay(self, agent: str) -> float | None:
        if self.parser is None:
            return None
        return self.parser.crawl_delay(agent)


def robots_from_response(origin_url: str, result: FetchResult) -> Robots:
    if result.error is not None or result.status is None:
        return Robots(origin_url, error=result.error or "connection-error",
                      detail=f"robots.txt could not be fetched: {result.detail}")
    if 200 <= result.status < 300:
        text = (result.body or b"")[:MAX_ROBOTS_BYTES].decode("utf-8", "replace")
        try:
            parser = Protego.parse(text)
        except Exception:  # noqa: BLE001 - a robots.txt Protego cannot read has no rules we can obey
            return Robots(origin_url)
        return Robots(origin_url, parser=parser, sitemaps=list(parser.sitemaps))
    if result.status >= 500 or result.status == 429:
        return Robots(origin_url, disallow_all=True,
                      detail=f"robots.txt answered {result.status}: the site is treated as disallowed (RFC 9309)")
    return Robots(origin_url)  # 4xx (and odd 1xx/3xx): no robots.txt, no rules


class RobotsCache:
    """``get(url)`` returns the rules of the URL's origin, fetching robots.txt the first time
    (once, even when several workers ask at once)."""

    def __init__(self, fetch_robots: Callable[[str], FetchResult], agent: str,
                 on_delay: Callable[[str, float], None] | None = None) -> None:
        self._fetch = fetch_robots
        self.agent = agent
        self._on_delay = on_delay
        self._loaded: dict[str, Robots] = {}
        self._locks: dict[str, threading.Lock] = {}
        self._guard = threading.Lock()

    def peek(self, url: str) -> Robots | None:
        """The rules if already loaded, without blocking."""
        return self._loaded.get(origin(url))

    def get(self, url: str) -> Robots:
        key = origin(url)
        robots = self._loaded.get(key)
        if robots is not None:
            return robots
        with self._guard:
            lock = self._locks.setdefault(key, threading.Lock())
        with lock:
            robots = self._loaded.get(key)
            if robots is None:
                robots = self._load(key)
                self._loaded[key] = robots
        return robots

    def _load(self, origin_url: str) -> Robots:
        robots_url = origin_url + "/robots.txt"
        result = self._fetch(robots_url)
        if result.error in ("timeout", "reset", "connection-error"):
            result = self._fetch(robots_url)  # one retry: a blip must not rule out a whole site
        robots = robots_from_response(origin_url, result)
        delay = robots.crawl_delay(self.agent)
        if delay and self._on_delay is not None:
            self._on_delay(host_key(origin_url), float(delay))
        return robots

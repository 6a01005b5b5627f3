"""The link prober: the gathering step that checks link targets for the links and onpage checks.

``probe_urls(urls, site, progress)`` fills ``site.probes`` (url -> Probe) for every URL asked for.
Answers come from the cheapest place that knows them:

1. a local folder: internal URLs map to files (no network); a missing file is ``missing-file``;
2. what the crawler already fetched (``site.records`` / ``site.pages``): no new request;
3. otherwise HTTP: HEAD first, GET when HEAD is refused or says anything but success, redirects
   followed by hand and recorded hop by hop, 429/503 honoured with Retry-After (capped), transient
   failures retried with backoff, a per-host concurrency limit, no cookies and no credentials.

Every distinct URL (fragment ignored) is requested at most once per audit and never twice at the
same time: requests are memoised per URL behind a per-URL lock, so two links whose redirects meet
at the same hop share one request. A URL asked for with a ``#fragment`` is read as HTML (size
capped) so that its element ids can be checked; the family decides which fragments it wants by
which URLs it asks for.
"""

from __future__ import annotations

import email.utils
import http.cookiejar
import re
import threading
import time
from collections import Counter, deque
from collections.abc import Iterable
from concurrent.futures import FIRST_COMPLETED, Future, ThreadPoolExecutor, wait
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from typing import Any
from urllib.parse import urldefrag, urlsplit, urlunsplit

from seotool import USER_AGENT
from seotool.config import Config
from seotool.crawl.decode import decode_html
from seotool.crawl.fetch import Client, Limits, fetch, new_session
from seotool.crawl.politeness import HostGate
from seotool.progress import Progress
from seotool.site import FAILED, FETCHED, LOCAL_ORIGIN, Probe, Record, Site
from seotool.urls import clean_url, host_key, normalize

NOT_CHECKED = "not-checked"  # offline, or a scheme we do not request; never a finding
MISSING_FILE = "missing-file"
REDIRECT_LOOP = "redirect-loop"
TOO_MANY_REDIRECTS = "too-many-redirects"
# Record/fetch reasons that mean "could not get an answer" (see seotool.crawl.fetch).
NETWORK_ERRORS = frozenset({"timeout", "dns", "refused", "reset", "tls", "connection-error", "invalid-url",
                            "bad-redirect", "bad-encoding"})

_REDIRECTS = frozenset({301, 302, 303, 307, 308})
_RETRY_STATUS = frozenset({429, 502, 503, 504})
_RETRY_ERRORS = frozenset({"reset", "connection-error"})
_DEFINITE_STATUS = frozenset({404, 410})  # crawler's answer is final; other errors are re-checked
_HTML_TYPES = ("text/html", "application/xhtml+xml")
_LEFT_ALONE = {"robots": "robots.txt disallows it", "excluded": "excluded from the crawl",
               "limit-reached": "the crawl's page limit was reached first", "depth-limit": "beyond the crawl's depth limit",
               "interrupted": "the crawl was interrupted"}
_ACCEPT = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"
_LOCAL_TYPES = {".html": "text/html", ".htm": "text/html", ".xhtml": "application/xhtml+xml", ".md": "text/html",
                ".pdf": "application/pdf", ".png": "image/png", ".jpg": "image/jpeg", ".jpeg": "image/jpeg",
                ".gif": "image/gif", ".svg": "image/svg+xml", ".webp": "image/webp", ".css": "text/css",
                ".js": "text/javascript", ".txt": "text/plain", ".xml": "application/xml", ".ico": "image/x-icon"}


@dataclass(frozen=True)
class ProbeSettings:
    """How hard and how politely to probe. Read from ``[crawl]`` and ``[links]`` (see from_config)."""

    concurrency: int = 8
    per_host: int = 4
    delay: float = 0.0  # seconds between request starts to one host
    connect_timeout: float = 5.0
    read_timeout: float = 10.0
    max_time: float = 20.0  # total seconds for one response, body included
    max_redirects: int = 10
    max_retries: int = 2
    retry_after_cap: float = 30.0
    backoff: float = 0.5  # first retry wait when the server gives no Retry-After; doubles each time
    max_html_bytes: int = 2_000_000  # HTML read to find fragment ids
    user_agent: str = USER_AGENT

    @classmethod
    def from_config(cls, config: Config) -> ProbeSettings:
        crawl = config.section("crawl")
        links = config.section("links")

        def pick(section: dict[str, Any], key: str, default: Any) -> Any:
            value = section.get(key)
            return default if value is None or value == "" else value

        return cls(
            concurrency=max(1, int(pick(links, "concurrency", 0) or pick(crawl, "concurrency", cls.concurrency))),
            per_host=max(1, int(pick(crawl, "per_host_concurrency", cls.per_host))),
            delay=float(pick(crawl, "delay", cls.delay)),
            connect_timeout=float(pick(crawl, "connect_timeout", cls.connect_timeout)),
            read_timeout=float(pick(links, "timeout", 0) or pick(crawl, "read_timeout", cls.read_timeout)),
            max_time=float(pick(crawl, "max_time", cls.max_time)),
            max_redirects=int(pick(crawl, "max_redirects", cls.max_redirects)),
            max_retries=int(pick(links, "max_retries", cls.max_retries)),
            retry_after_cap=float(pick(links, "retry_after_cap", cls.retry_after_cap)),
            backoff=float(pick(links, "retry_backoff", cls.backoff)),
            max_html_bytes=int(pick(crawl, "max_bytes", cls.max_html_bytes)),
            user_agent=str(pick(crawl, "user_agent", USER_AGENT)),
        )


def probe_urls(urls: list[str], site: Site, progress: Progress, settings: ProbeSettings | None = None) -> None:
    """Fill ``site.probes`` for every URL in ``urls`` (absolute http(s) URLs; fragments allowed)."""
    _Prober(site, settings or ProbeSettings.from_config(site.config), progress).run(urls)


# -- what one hop answered ------------------------------------------------------------------------


@dataclass
class _Hop:
    """The answer to one request (after retries and the HEAD->GET fallback)."""

    status: int | None = None
    location: str | None = None
    content_type: str | None = None
    headers: dict[str, str] = field(default_factory=dict)
    ids: frozenset[str] | None = None
    method: str = "HEAD"
    error: str | None = None
    detail: str | None = None
    elapsed_ms: float = 0.0


@dataclass
class _Continue:
    """Carry on probing from ``url``: the crawl knew the redirects up to it."""

    url: str
    chain: list[dict[str, Any]]


class _Stopped(Exception):
    pass


class _Prober:
    def __init__(self, site: Site, settings: ProbeSettings, progress: Progress) -> None:
        self.site = site
        self.s = settings
        self.progress = progress
        self._gate = HostGate(settings.per_host, settings.delay)
        self._paused: dict[str, float] = {}  # host -> monotonic time before which not to ask it
        self._paused_lock = threading.Lock()
        self._hops: dict[tuple[str, bool], _Hop] = {}
        self._url_locks: dict[str, threading.Lock] = {}
        self._locks_lock = threading.Lock()
        self._local = threading.local()
        self._sessions: list[Client] = []
        self._stop = threading.Event()
        self._files: dict[Path, Any] | None = None
        self._want_ids: set[str] = set()
        self._limits = Limits(connect_timeout=settings.connect_timeout, read_timeout=settings.read_timeout,
                              max_time=settings.max_time, max_bytes=settings.max_html_bytes, max_redirects=1)

    # -- orchestration ----------------------------------------------------------------------------

    def run(self, urls: list[str]) -> None:
        wanted: dict[str, list[str]] = {}  # defragged URL -> the URLs asked for
        want_ids: set[str] = set()
        for url in urls:
            base, frag = urldefrag(url)
            wanted.setdefault(base, []).append(url)
            if frag:
                want_ids.add(base)
        remote: dict[str, deque[str]] = {}
        for base in wanted:
            probe = self._answer_without_network(base, base in want_ids)
            if probe is not None:
                self._store(probe, wanted[base])
            else:
                remote.setdefault(urlsplit(base).netloc.lower(), deque()).append(base)
        if remote:
            self._want_ids = {clean_url(u) or u for u in want_ids}
            self._run_remote(remote, wanted, want_ids)

    def _run_remote(self, queues: dict[str, deque[str]], wanted: dict[str, list[str]], want_ids: set[str]) -> None:
        """Round-robin over hosts so that one big host never starves the others, with at most
        ``per_host`` of a host's URLs in flight."""
        total = sum(len(q) for q in queues.values())
        done = errors = 0
        active: Counter[str] = Counter()
        inflight: dict[Future[Probe], str] = {}
        pool = ThreadPoolExecutor(max_workers=self.s.concurrency, thread_name_prefix="probe")
        try:
            while queues or inflight:
                for host in list(queues):
                    while queues.get(host) and active[host] < self.s.per_host and len(inflight) < self.s.concurrency:
                        base = queues[host].popleft()
                        inflight[pool.submit(self._guarded, base, base in want_ids)] = host
                        active[host] += 1
                    if not queues.get(host):
                        queues.pop(host, None)
                finished, _ = wait(inflight, timeout=0.5, return_when=FIRST_COMPLETED)
                for fut in finished:
                    active[inflight.pop(fut)] -= 1
                    probe = fut.result()
                    self._store(probe, wanted[probe.url])
                    done += 1
                    errors += bool(probe.error or (probe.status or 0) >= 400)
                self.progress.update("checking links", done, total - done, errors)
        except BaseException:
            self._stop.set()
            self._gate.cancel()
            pool.shutdown(wait=False, cancel_futures=True)
            raise
        pool.shutdown(wait=True)
        self.close()

    def _guarded(self, url: str, want_ids: bool) -> Probe:
        """A bug in the prober must not end the audit or pass for a broken link."""
        try:
            return self._probe_remote(url, want_ids)
        except Exception as exc:  # noqa: BLE001
            return Probe(url, error=NOT_CHECKED, method="none", detail=f"internal error: {type(exc).__name__}: {exc}"[:300])

    def _store(self, probe: Probe, asked: Iterable[str]) -> None:
        self.site.probes[probe.url] = probe
        for url in asked:
            self.site.probes[url] = probe

    # -- answers without a request --------------------------------------------------------------

    def _answer_without_network(self, url: str, want_ids: bool) -> Probe | None:
        scheme = urlsplit(url).scheme.lower()
        if self.site.is_local and self._is_local_internal(url):
            return self._probe_file(url, want_ids)
        if scheme not in ("http", "https"):
            return Probe(url, error=NOT_CHECKED, method="none", detail=f"{scheme or 'no'} scheme is not checked")
        if self.site.offline:
            return Probe(url, error=NOT_CHECKED, method="none", detail="offline")
        known = self._from_crawl(url, want_ids, [])
        return known if isinstance(known, Probe) else None

    def _is_local_internal(self, url: str) -> bool:
        if url.startswith(LOCAL_ORIGIN):
            return True
        prod = (self.site.config.section("site").get("url") or "").rstrip("/")
        return bool(prod) and (url == prod or url.startswith(prod + "/"))

    def _probe_file(self, url: str, want_ids: bool) -> Probe:
        from seotool.local import local_path_for

        path = local_path_for(self.site, url)
        if path is None:
            return Probe(url, error=MISSING_FILE, method="file", detail="no such file in the folder")
        ctype = _LOCAL_TYPES.get(path.suffix.lower(), "application/octet-stream")
        ids = None
        if want_ids and ctype in _HTML_TYPES:
            page = self._pages_by_file().get(path.resolve())
            if page is not None:
                ids = page_ids(page)
            else:
                try:
                    ids = collect_ids(path.read_bytes()[: self.s.max_html_bytes].decode("utf-8", "replace"))
                except OSError:
                    ids = None
        return Probe(url, status=200, final_url=url, content_type=ctype, ids=ids, method="file")

    def _pages_by_file(self) -> dict[Path, Any]:
        if self._files is None:
            self._files = {Path(p.source_path).resolve(): p for p in self.site.pages if p.source_path}
        return self._files

    def _from_crawl(self, url: str, want_ids: bool, chain: list[dict[str, Any]]) -> Probe | _Continue | None:
        """What the crawler already knows about ``url``: a final answer, a redirect chain to carry
        on from (the crawler stops at hops it may not follow), or None when it must be requested."""
        rec = _record_for(self.site, url)
        if rec is None:
            return None
        redirects = chain + list(rec.redirects or [])
        final = rec.final_url or url
        if rec.status in _REDIRECTS and rec.redirects and final != url:
            return _Continue(final, redirects)  # the crawler did not follow the last hop
        if rec.state == FETCHED:
            ids = None
            if want_ids:
                page = self.site.page_for(final) or self.site.page_for(url)
                if page is None:
                    return None
                ids = frozenset(page.ids)
            return Probe(url, status=rec.status or 200, final_url=final, redirects=redirects,
                         content_type=rec.content_type, ids=ids, method="crawl", elapsed_ms=rec.elapsed_ms)
        if rec.state == FAILED:
            if rec.status in _DEFINITE_STATUS or (rec.status is not None and rec.status < 300 and not want_ids):
                # 404/410 are final; a 2xx that failed later (too large, slow body, unparseable) exists
                return Probe(url, status=rec.status, final_url=final, redirects=redirects,
                             content_type=rec.content_type, method="crawl", detail=rec.detail)
            if rec.status is None and rec.reason in NETWORK_ERRORS | {REDIRECT_LOOP, TOO_MANY_REDIRECTS}:
                return Probe(url, error=rec.reason, final_url=final, redirects=redirects, method="crawl",
                             detail=rec.detail)
            return None  # other HTTP errors (403, 429, 5xx) are re-checked: bot walls, flukes
        if rec.reason == "not-html" and rec.status and rec.status < 400 and not want_ids:
            return Probe(url, status=rec.status, final_url=final, redirects=redirects,
                         content_type=rec.content_type, method="crawl")
        if rec.reason in _LEFT_ALONE:
            # robots.txt keeps tools out (--ignore-robots lets the crawl and us in); --exclude,
            # --max-pages and --max-depth are the user saying where to stop.
            return Probe(url, error=NOT_CHECKED, method="none", detail=_LEFT_ALONE[rec.reason])
        return None  # skipped for another reason (another host, not HTML): one request settles it

    # -- over the network -----------------------------------------------------------------------

    def _probe_remote(self, url: str, want_ids: bool) -> Probe:
        start = time.monotonic()
        chain: list[dict[str, Any]] = []
        current = clean_url(_without_credentials(url))
        if current is None:
            return Probe(url, error="invalid-url", method="none", detail="not a valid http(s) URL")
        seen = {current}
        try:
            for _ in range(self.s.max_redirects + 1):
                known = self._from_crawl(current, want_ids, chain)
                if isinstance(known, Probe):
                    known.url = url
                    return known
                if isinstance(known, _Continue):
                    chain = known.chain
                    if known.url in seen or len(chain) > self.s.max_redirects:
                        hop = _Hop(error=REDIRECT_LOOP, detail=f"redirects back to {known.url}")
                        return self._probe(url, hop, known.url, chain, start)
                    seen.add(known.url)
                    current = known.url
                    continue
                hop = self._hop(current, want_ids)
                if hop.error or hop.status not in _REDIRECTS or not hop.location:
                    return self._probe(url, hop, current, chain, start)
                chain.append({"url": current, "status": hop.status})
                nxt = hop.location
                if nxt in seen:
                    hop = _Hop(error=REDIRECT_LOOP, detail=f"{current} redirects back to {nxt}", method=hop.method)
                    return self._probe(url, hop, nxt, chain, start)
                seen.add(nxt)
                current = nxt
        except _Stopped:
            return Probe(url, error=NOT_CHECKED, method="none", detail="interrupted")
        hop = _Hop(error=TOO_MANY_REDIRECTS, detail=f"more than {self.s.max_redirects} redirects")
        return self._probe(url, hop, current, chain, start)

    def _probe(self, url: str, hop: _Hop, final: str, chain: list[dict[str, Any]], start: float) -> Probe:
        blocked, why = bot_protection(hop.status, hop.headers)
        return Probe(url, status=hop.status, final_url=final, redirects=chain, error=hop.error,
                     content_type=hop.content_type, ids=hop.ids, blocked=blocked, method=hop.method,
                     elapsed_ms=round((time.monotonic() - start) * 1000, 1), detail=why or hop.detail)

    def _hop(self, url: str, want_ids: bool) -> _Hop:
        """One URL's answer, requested at most once per audit (twice when a HEAD answer is later
        not enough because ids are needed), and never by two threads at once."""
        want_ids = want_ids or url in self._want_ids  # a hop that is also a target read for ids
        with self._locks_lock:
            lock = self._url_locks.setdefault(url, threading.Lock())
        with lock:
            for key in ((url, True), (url, want_ids)):
                if key in self._hops:
                    return self._hops[key]
            hop = self._send("GET", url, read_html=True) if want_ids else self._head_then_get(url)
            self._hops[(url, want_ids)] = hop
            return hop

    def _head_then_get(self, url: str) -> _Hop:
        hop = self._send("HEAD", url, read_html=False)
        if hop.error in ("timeout", "dns", "refused", "tls", "invalid-url"):
            return hop  # GET would fail the same way, only slower
        if hop.error or (hop.status is not None and hop.status >= 400 and hop.status != 429):
            # Many servers refuse HEAD (405/501), answer it wrongly (403/404) or drop it: ask again
            # the way a browser does before calling the link broken.
            return self._send("GET", url, read_html=False)
        return hop

    def _send(self, method: str, url: str, read_html: bool) -> _Hop:
        """One request with retries: 429/502/503/504 and dropped connections are retried up to
        ``max_retries`` times, waiting Retry-After (capped) or an exponential backoff."""
        host = host_key(url)
        attempt = 0
        while True:
            with self._paused_lock:
                not_before = self._paused.get(host, 0.0)
            self._sleep(not_before - time.monotonic())
            hop = self._request(method, url, read_html)
            retryable = hop.status in _RETRY_STATUS or hop.error in _RETRY_ERRORS
            if not retryable or attempt >= self.s.max_retries:
                return hop
            wait_s = _retry_after(hop.headers.get("retry-after"))
            if wait_s is None:
                wait_s = self.s.backoff * (2 ** attempt)
            wait_s = min(wait_s, self.s.retry_after_cap)
            if hop.status in (429, 503):  # the whole host asked us to slow down
                with self._paused_lock:
                    self._paused[host] = max(self._paused.get(host, 0.0), time.monotonic() + wait_s)
            self._sleep(wait_s)
            attempt += 1

    def _sleep(self, seconds: float) -> None:
        if self._stop.is_set() or (seconds > 0 and self._stop.wait(seconds)):
            raise _Stopped

    def _request(self, method: str, url: str, read_html: bool) -> _Hop:
        """Exactly one request (no redirect followed), through the shared fetch layer."""
        want = _is_html_answer if read_html else False
        r = fetch(url, self._session(), self._limits, gate=self._gate, method=method, want_body=want,
                  follow=_never, stop=self._stop)
        if r.error == "cancelled":
            raise _Stopped
        headers = {k.lower(): v for k, v in r.headers.items()}
        ctype = (r.content_type or "").split(";")[0].strip().lower() or None
        hop = _Hop(status=r.status, location=r.refused_hop, content_type=ctype, headers=headers, method=method,
                   error=r.error, detail=r.detail, elapsed_ms=r.elapsed_ms)
        if r.error == "redirect-loop" and r.redirects:  # a self-redirect: let the caller see the hop
            hop.error, hop.location = None, r.final_url
        if hop.error in ("too-large", "timeout") and hop.status is not None and not r.redirects:
            hop.error = None  # it answered; only its body was too big or too slow to read for ids
        if r.body is not None:
            hop.ids = collect_ids(decode_html(r.body, r.content_type))
        return hop

    def _session(self) -> Client:
        session = getattr(self._local, "session", None)
        if session is None:
            session = new_session(self.s.user_agent, self.s.per_host)
            # No cookies kept between requests, so none are ever sent to another host.
            session.cookies.set_policy(http.cookiejar.DefaultCookiePolicy(allowed_domains=[]))
            self._local.session = session
            self._sessions.append(session)
        return session

    def close(self) -> None:
        for session in self._sessions:
            session.close()


# -- helpers ------------------------------------------------------------------------------------


def _record_for(site: Site, url: str) -> Record | None:
    rec = site.records.get(url)
    if rec is None:
        key = normalize(url)  # the crawler's key for any spelling of the URL
        rec = site.records.get(key) if key else None
    return rec


def _never(_url: str) -> bool:
    return False  # the prober follows redirects itself, one memoised hop at a time


def _is_html_answer(status: int, headers: Any) -> bool:
    ctype = str(headers.get("Content-Type", "")).split(";")[0].strip().lower()
    return status < 300 and ctype in _HTML_TYPES


def page_ids(page: Any) -> frozenset[str]:
    """A page's fragment targets. Markdown pages also get the ids that static-site generators
    give headings (GitHub, Hugo, Jekyll, MkDocs slugs), since the built HTML will have them."""
    ids = set(page.ids)
    source = str(getattr(page, "source_path", "") or "")
    if source.lower().endswith((".md", ".markdown")):
        for heading in page.headings:
            ids.update(heading_slugs(heading.text))
    return frozenset(ids)


def heading_slugs(text: str) -> set[str]:
    lowered = text.strip().lower()
    github = re.sub(r"[^\w\- ]", "", lowered).replace(" ", "-")  # GitHub, Hugo, Jekyll (kramdown-ish)
    collapsed = re.sub(r"[-\s]+", "-", re.sub(r"[^\w\s-]", "", lowered)).strip("-")  # Python-Markdown toc, MkDocs
    return {github, collapsed} - {""}


class _IdCollector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.ids: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if value and (name == "id" or (name == "name" and tag == "a")):
                self.ids.add(value)


def collect_ids(html: str) -> frozenset[str]:
    """Every fragment target in ``html``: element ids and ``<a name>``."""
    parser = _IdCollector()
    try:
        parser.feed(html)
        parser.close()
    except (AssertionError, ValueError):  # pathological markup: keep what was found
        pass
    return frozenset(parser.ids)


# Headers that bot-protection services put on the pages they block automated clients with.
_BOT_HEADERS: tuple[tuple[str, str | None, str], ...] = (
    ("cf-mitigated", None, "Cloudflare"),
    ("cf-ray", None, "Cloudflare"),
    ("server", "cloudflare", "Cloudflare"),
    ("server", "akamaighost", "Akamai"),
    ("akamai-grn", None, "Akamai"),
    ("x-akamai-transformed", None, "Akamai"),
    ("x-iinfo", None, "Imperva"),
    ("x-cdn", "incapsula", "Imperva"),
    ("x-sucuri-id", None, "Sucuri"),
    ("server", "sucuri", "Sucuri"),
    ("x-datadome", None, "DataDome"),
    ("server", "datadome", "DataDome"),
    ("x-amzn-waf-action", None, "AWS WAF"),
    ("server", "ddos-guard", "DDoS-Guard"),
    ("x-px-blocked", None, "HUMAN (PerimeterX)"),
)


def bot_protection(status: int | None, headers: dict[str, str]) -> tuple[bool, str | None]:
    """(blocked, why) for answers that say "you look like a bot", not "this page is gone"."""
    if status == 999:
        return True, "the site refuses automated checks (HTTP 999, as LinkedIn does)"
    if status == 429:
        return True, "the site kept rate-limiting the checker (HTTP 429)"
    if status not in (401, 403, 503):
        return False, None
    for name, needle, service in _BOT_HEADERS:
        value = headers.get(name)
        if value is not None and (needle is None or needle in value.lower()):
            return True, f"{service} bot protection answered HTTP {status}"
    return False, None


def _retry_after(value: str | None) -> float | None:
    """Retry-After as seconds: either a number or an HTTP date."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when is None:
        return None
    return max(0.0, when.timestamp() - time.time())


def _without_credentials(url: str) -> str:
    """Drop ``user:password@`` from a URL: the checker sends no credentials to anyone."""
    parts = urlsplit(url)
    if "@" not in parts.netloc:
        return url
    host = parts.netloc.rsplit("@", 1)[1]
    return urlunsplit((parts.scheme, host, parts.path, parts.query, parts.fragment))

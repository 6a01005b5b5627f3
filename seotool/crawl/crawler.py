"""The crawl coordinator: seeds the frontier with the start URLs and the sitemaps, hands work to
the worker pool, records every URL it meets, and stops at the limits or on Ctrl-C.

Only this thread touches ``site`` and decides what is queued; workers fetch and parse
(``pages.PageFetcher``) and read sitemaps. Budget: ``max_pages`` counts the page requests
started (0 = no limit); URLs left in the queue when it is spent are recorded ``limit-reached``.
Sitemap entries are treated as one link away from the start URL (depth 1)."""

from __future__ import annotations

import gc
from collections import deque
from dataclasses import dataclass
from typing import Any
from urllib.parse import urljoin

from seotool import USER_AGENT
from seotool.config import Config
from seotool.crawl.fetch import FetchResult, Limits, Sessions, fetch
from seotool.crawl.frontier import Entry, Frontier
from seotool.crawl.pages import PageFetcher, PageOutcome
from seotool.crawl.parsing import EarlyChecks, Parser
from seotool.crawl.politeness import HostGate
from seotool.crawl.recording import chain_records
from seotool.crawl.robots import RobotsCache, agent_token
from seotool.crawl.sitemap import MAX_SITEMAP_BYTES, MAX_SITEMAP_FILES, Sitemap, parse_sitemap
from seotool.crawl.workers import LATER, WorkerError, WorkerPool
from seotool.progress import Progress
from seotool.site import FAILED, SKIPPED, Record, Site
from seotool.urls import Scope, clean_url, normalize, origin, strip_trailing_slash

FREEZE_EVERY = 250  # pages
_NOT_TAKEN = object()  # Ctrl-C left alone (the crawl does not run in the main thread)


@dataclass(eq=False)
class SitemapsOf:
    """Find an origin's sitemaps: the ``Sitemap:`` lines of its robots.txt, else /sitemap.xml."""

    origin: str


@dataclass(eq=False)
class SitemapFile:
    url: str
    guessed: bool = False  # /sitemap.xml tried by convention: its absence is not news


@dataclass(eq=False)
class PageTask:
    entry: Entry


@dataclass(eq=False)
class Parsing:
    """A worker's notice: ``task``'s page was fetched and is with a parse helper."""

    task: PageTask


def crawl(urls: list[str], config: Config, site: Site, progress: Progress, early: EarlyChecks | None = None) -> None:
    """Crawl from ``urls`` and fill ``site`` (pages, records, sitemap_urls, notes). On Ctrl-C,
    sets ``site.interrupted`` and returns what was gathered. ``early``: checks the parse helpers
    may run on each page they parse (see ``seotool.crawl.parsing``)."""
    Crawler(urls, config, site, progress, early).run()


class Crawler:
    def __init__(self, urls: list[str], config: Config, site: Site, progress: Progress,
                 early: EarlyChecks | None = None) -> None:
        settings = config.section("crawl")
        self.site = site
        self.progress = progress
        self.urls = urls
        self.limits = Limits.from_config(settings)
        user_agent = settings.get("user_agent") or USER_AGENT
        self.max_pages = int(settings.get("max_pages") or 0)
        self.max_depth = int(settings.get("max_depth", 20))
        self.concurrency = max(1, int(settings.get("concurrency") or 1))
        self.use_sitemaps = bool(settings.get("sitemap", True))
        self.gate = HostGate(int(settings.get("per_host_concurrency") or 1), float(settings.get("delay") or 0.0))
        self.sessions = Sessions(user_agent, pool_size=max(2, self.gate.per_host))
        starts = [u for u in (clean_url(x) for x in urls) if u]
        self.scope = Scope(starts, settings.get("include") or (), settings.get("exclude") or ())
        self.frontier = Frontier()
        self.robots = None if settings.get("ignore_robots") else RobotsCache(
            self._fetch_robots, agent_token(user_agent), on_delay=self._on_crawl_delay)
        self.parser = Parser(self.max_pages, early=early)
        self.parser.start()  # before the worker threads: see seotool.crawl.parsing
        self.pool = WorkerPool(self.concurrency, self._work)
        self.pages = PageFetcher(sessions=self.sessions, limits=self.limits, gate=self.gate, robots=self.robots,
                                 scope=self.scope, frontier=self.frontier, stop=self.pool.stop, parser=self.parser)
        self.meta: deque[SitemapsOf | SitemapFile] = deque()
        self.sitemap_origins: set[str] = set()
        self.sitemap_files: set[str] = set()
        self.in_flight: dict[int, Any] = {}
        # Pages fetched and waiting for a parse helper hold no worker thread: they do not count
        # against ``concurrency``, but at most ``max_parsing`` of them wait (their bodies are in memory).
        self.parsing: set[int] = set()
        self.max_parsing = 2 * self.concurrency + 8
        self.pages_started = 0
        self.done = 0
        self.errors = 0
        # How each URL was met, for the fewest clicks to it once the crawl is over (see
        # _settle_depths): key -> [(key met from it, 1 for a link, 0 for a redirect)], and the
        # depth of start URLs (0) and sitemap entries (1).
        self._met_from: dict[str, list[tuple[str, int]]] = {}
        self._roots: dict[str, int] = {}

    # -- the coordinating loop -----------------------------------------------------------------

    def run(self) -> None:
        # No automatic garbage collection while crawling: the pages coming back from the parse
        # helpers live to the end, and young-generation collections kept walking them (~0.15 s of
        # this process's CPU at 2,000 pages). The crawl makes next to no cyclic garbage (218
        # objects at 2,000 pages); what there is waits for a later collection.
        collecting = gc.isenabled()
        gc.disable()
        previous_handler = self._take_ctrl_c()
        try:
            self._seed()
            self._loop()
            if self._ctrl_c:
                raise KeyboardInterrupt
        except KeyboardInterrupt:
            self.site.interrupted = True
            self._finish_ready()
        finally:
            self._give_back_ctrl_c(previous_handler)
            self.pool.close()
            self.gate.cancel()
            self.parser.close(cancel=self.site.interrupted)
            if self.site.interrupted:
                self._finish_ready()  # pages the helpers parsed while they were being stopped
            self._record_leftovers()
            self._settle_depths()
            self._sort()
            if not self.site.interrupted:
                self.sessions.close()
            self._report_progress(force=True)
            gc.unfreeze()
            if collecting:
                gc.enable()

    def _seed(self) -> None:
        for url in self.urls:
            cleaned = clean_url(url)
            if cleaned is None:
                self.site.records[url] = Record(url, FAILED, "invalid-url", detail="not an http(s) URL with a host")
                continue
            key = strip_trailing_slash(cleaned)
            self.frontier.push(cleaned, key, 0, None, start=True)
            self._roots[key] = 0
        for url in self.urls:
            self._find_sitemaps(url)

    def _find_sitemaps(self, url: str) -> None:
        cleaned = clean_url(url)
        if self.use_sitemaps and cleaned and origin(cleaned) not in self.sitemap_origins:
            self.sitemap_origins.add(origin(cleaned))
            self.meta.append(SitemapsOf(origin(cleaned)))

    _ctrl_c = False

    def _take_ctrl_c(self) -> Any:
        """While the crawl loop runs, Ctrl-C (SIGINT) sets a flag the loop reads between two
        finished tasks, instead of raising wherever the loop happens to be: a page taken off the
        results queue but not yet recorded would be lost. Returns the previous handler, or
        ``_NOT_TAKEN`` when this is not the main thread (then Ctrl-C raises as usual)."""
        import signal
        import threading

        if threading.current_thread() is not threading.main_thread():
            return _NOT_TAKEN

        def stop(signum: int, frame: Any) -> None:
            self._ctrl_c = True

        previous = signal.getsignal(signal.SIGINT)
        signal.signal(signal.SIGINT, stop)
        return previous

    def _give_back_ctrl_c(self, previous: Any) -> None:
        """A second Ctrl-C while the crawl winds down raises as usual."""
        if previous is _NOT_TAKEN:
            return
        import signal

        # None: the handler was not set from Python; Python's own raises KeyboardInterrupt
        signal.signal(signal.SIGINT, signal.default_int_handler if previous is None else previous)

    def _loop(self) -> None:
        while not self._ctrl_c:
            self._admit()
            if not self.in_flight:
                return
            item = self.pool.result(timeout=0.25)
            if item is not None:
                self._finish(*item)
            self._report_progress()

    def _admit(self) -> None:
        """Start tasks while there are free workers: start URLs first, then (once the start
        URLs have answered, so the scope knows where they redirect) sitemaps, then pages."""
        while len(self.in_flight) - len(self.parsing) < self.concurrency and len(self.parsing) < self.max_parsing:
            top = self.frontier.peek()
            budget = not self.max_pages or self.pages_started < self.max_pages
            starts_busy = any(isinstance(t, PageTask) and t.entry.start for t in self.in_flight.values())
            task: Any = None
            if top is not None and top.start and budget:
                task = PageTask(self.frontier.pop())  # type: ignore[arg-type]
            elif self.meta and not starts_busy:
                task = self.meta.popleft()
            elif top is not None and budget:
                entry = self.frontier.pop()
                assert entry is not None
                if self._robots_verdict(entry.url, entry.key, entry.depth, entry.referrer):
                    continue  # robots.txt arrived while it waited: recorded, no request spent
                task = PageTask(entry)
            if task is None:
                return
            if isinstance(task, PageTask):
                self.pages_started += 1
            self.in_flight[id(task)] = task
            self.pool.submit(task)

    def _work(self, task: Any) -> Any:
        """Runs in a worker thread."""
        if isinstance(task, PageTask):
            outcome = self.pages(task.entry, later=lambda o: self.pool.post(task, o))
            if outcome is None:  # being parsed by a helper: this thread is free to fetch the next
                self.pool.post(Parsing(task), None)
                return LATER
            return outcome
        if isinstance(task, SitemapsOf):
            if self.robots is not None:
                listed = self.robots.get(task.origin).sitemaps
                if listed:
                    return [SitemapFile(urljoin(task.origin + "/", u)) for u in listed]
            return [SitemapFile(task.origin + "/sitemap.xml", guessed=True)]
        if isinstance(task, SitemapFile):
            limits = Limits(self.limits.connect_timeout, self.limits.read_timeout, self.limits.max_time,
                            max(self.limits.max_bytes, MAX_SITEMAP_BYTES), self.limits.max_redirects)
            result = fetch(task.url, self.sessions.get(), limits, gate=self.gate,
                           want_body=lambda status, _h: 200 <= status < 300, stop=self.pool.stop)
            return result, (parse_sitemap(result.body) if result.body is not None else None)
        raise TypeError(f"unknown task {task!r}")

    def _finish(self, task: Any, outcome: Any) -> None:
        if isinstance(task, Parsing):
            # (its outcome may have come first: then it is no longer in flight)
            if id(task.task) in self.in_flight:
                self.parsing.add(id(task.task))
            return
        self.parsing.discard(id(task))
        self.in_flight.pop(id(task), None)
        if isinstance(outcome, WorkerError):
            self._worker_failed(task, outcome.error)
        elif isinstance(task, PageTask):
            self._page_done(outcome)
        elif isinstance(task, SitemapsOf):
            for f in outcome:
                self._queue_sitemap(f)
        elif isinstance(task, SitemapFile):
            self._sitemap_done(task, *outcome)

    def _finish_ready(self) -> None:
        """After Ctrl-C: keep the work that had already finished."""
        for task, outcome in self.pool.finished_now():
            self._finish(task, outcome)

    # -- pages ---------------------------------------------------------------------------------

    def _page_done(self, outcome: PageOutcome) -> None:
        entry = outcome.entry
        if outcome.robots is not None:
            self.pages_started -= 1  # no request was made: the budget is not spent
            rules = outcome.robots
            if rules.error:
                self._record(entry.key, Record(entry.url, FAILED, rules.error, depth=entry.depth,
                                               referrer=entry.referrer, detail=rules.detail))
                self.errors += 1
            else:
                self._record(entry.key, Record(entry.url, SKIPPED, "robots", depth=entry.depth,
                                               referrer=entry.referrer, detail=rules.detail))
            return
        self.done += 1
        for key, rec in chain_records(outcome):
            self._record(key, rec)
            if key != entry.key:
                self._met_from.setdefault(entry.key, []).append((key, 0))
        res = outcome.fetch
        assert res is not None
        if res.error and res.error != "cancelled" or (res.status or 0) >= 400:
            self.errors += 1
        if entry.start and res.redirects:
            self._find_sitemaps(res.final_url)  # the site moved host: its sitemaps live there
        if res.refused_hop:
            self._discover(res.refused_hop, entry.depth, entry.url, via=(entry.key, 0))
        elif res.error == "too-many-redirects":
            self._discover(res.final_url, entry.depth, entry.url, reason="too-many-redirects", via=(entry.key, 0))
        if outcome.page is not None:
            self.site.pages.append(outcome.page)
            if len(self.site.pages) % FREEZE_EVERY == 0:
                # The pages gathered so far live to the end: keep them out of any collection
                # that runs before the audit ends (a caller's, or the runner's).
                gc.freeze()
            via = (normalize(outcome.page.final_url) or entry.key, 1)
            for link in outcome.links:
                self._discover(link, entry.depth + 1, outcome.page.final_url, via=via)

    def _discover(self, url: str, depth: int, referrer: str | None, reason: str | None = None,
                  via: tuple[str, int] | None = None) -> None:
        """Meet a URL: queue it, or record why not. Every http(s) URL met ends up with a Record.
        ``via``: the key of the page it was met on and 1 (a link), or of the URL that redirected
        to it and 0."""
        cleaned = clean_url(url)
        if cleaned is None:
            return  # mailto:, tel:, javascript: ... are not pages
        key = strip_trailing_slash(cleaned)
        if via is not None:
            self._met_from.setdefault(via[0], []).append((key, via[1]))
        if self.frontier.is_claimed(key):
            return
        known = self.site.records.get(key)
        if known is not None and not (known.reason == "depth-limit" and depth <= self.max_depth):
            return
        if reason:  # the end of a chain too long to follow: seen, not fetched
            self._record(key, Record(cleaned, SKIPPED, reason, depth=depth, referrer=referrer))
            return
        verdict = self.scope.verdict(cleaned)
        if verdict is None and depth > self.max_depth:
            verdict = "depth-limit"
        if verdict:
            self._record(key, Record(cleaned, SKIPPED, verdict, depth=depth, referrer=referrer))
            return
        if self._robots_verdict(cleaned, key, depth, referrer):
            return
        self.frontier.push(cleaned, key, depth, referrer)

    def _robots_verdict(self, url: str, key: str, depth: int, referrer: str | None) -> bool:
        """Record the URL when robots.txt (already loaded) rules it out; True if it did."""
        rules = self.robots.peek(url) if self.robots is not None else None
        if rules is None:
            return False  # not loaded yet: the worker will ask
        if rules.error:
            self._record(key, Record(url, FAILED, rules.error, depth=depth, referrer=referrer, detail=rules.detail))
            return True
        if not rules.allowed(url, self.robots.agent):  # type: ignore[union-attr]
            self._record(key, Record(url, SKIPPED, "robots", depth=depth, referrer=referrer, detail=rules.detail))
            return True
        return False

    # -- sitemaps ------------------------------------------------------------------------------

    def _queue_sitemap(self, f: SitemapFile) -> None:
        url = clean_url(f.url)
        if url is None or url in self.sitemap_files:
            return
        if len(self.sitemap_files) >= MAX_SITEMAP_FILES:
            self._note(f"sitemaps: more than {MAX_SITEMAP_FILES} sitemap files; the rest were not read")
            return
        self.sitemap_files.add(url)
        self.meta.append(SitemapFile(url, f.guessed))

    def _sitemap_done(self, task: SitemapFile, result: FetchResult, sitemap: Sitemap | None) -> None:
        if result.error:
            if result.error != "cancelled":
                self._note(f"sitemap {task.url} could not be read: {result.error} ({result.detail})")
            return
        if sitemap is None:
            if not (task.guessed and result.status == 404):
                self._note(f"sitemap {task.url} answered HTTP {result.status}")
            return
        if sitemap.error:
            self._note(f"sitemap {task.url}: {sitemap.error}")
        if sitemap.kind == "index":
            for loc in sitemap.locs:
                self._queue_sitemap(SitemapFile(urljoin(task.url, loc)))
            return
        for loc in sitemap.locs:
            url = clean_url(loc, task.url)  # locs must be absolute; a relative one is read kindly
            if url:
                key = strip_trailing_slash(url)
                self.site.sitemap_urls.add(key)
                self._roots.setdefault(key, 1)  # a start URL listed in the sitemap stays at 0
                self._discover(url, 1, task.url)

    # -- bookkeeping ---------------------------------------------------------------------------

    def _record(self, key: str, record: Record) -> None:
        self.site.records[key] = record

    def _worker_failed(self, task: Any, error: BaseException) -> None:
        """A bug in our code, not the site's: record it on the URL and carry on."""
        detail = f"internal error: {type(error).__name__}: {error}"[:300]
        if isinstance(task, PageTask):
            e = task.entry
            self._record(e.key, Record(e.url, FAILED, "internal-error", depth=e.depth, referrer=e.referrer, detail=detail))
            self.errors += 1
        else:
            self._note(f"sitemap discovery failed: {detail}")

    def _record_leftovers(self) -> None:
        """Nothing silently disappears: URLs still queued or in flight get a Record."""
        reason = "interrupted" if self.site.interrupted else "limit-reached"
        waiting = [t.entry for t in self.in_flight.values() if isinstance(t, PageTask)] + self.frontier.drain()
        for e in waiting:
            if e.key not in self.site.records:
                self._record(e.key, Record(e.url, SKIPPED, reason, depth=e.depth, referrer=e.referrer))

    def _settle_depths(self) -> None:
        """Each URL's depth is the fewest clicks to it from a start URL (a sitemap entry counts as
        one), over every link the crawl met. The depth a URL was first queued at depends on which
        fetch finished first, and with it the order of pages (and so which page a site-wide
        template finding is reported on)."""
        best = dict(self._roots)
        queue = deque(sorted(best, key=lambda k: (best[k], k)))  # 0-1 BFS: one or two depths queued
        while queue:
            key = queue.popleft()
            here = best[key]
            for target, step in self._met_from.get(key, ()):
                if here + step < best.get(target, here + step + 1):
                    best[target] = here + step
                    if step:
                        queue.append(target)
                    else:
                        queue.appendleft(target)
        for key, rec in self.site.records.items():
            depth = best.get(key)
            if depth is not None and depth < rec.depth:
                rec.depth = depth
        for page in self.site.pages:
            depth = best.get(normalize(page.final_url) or "")
            if depth is not None and depth < page.depth:
                page.depth = depth

    def _sort(self) -> None:
        """Stable, readable output whatever order the workers finished in: shallowest first."""
        self.site.records = dict(sorted(self.site.records.items(), key=lambda kv: (kv[1].depth, kv[0])))
        self.site.pages.sort(key=lambda p: (p.depth, p.final_url))

    def _note(self, text: str) -> None:
        if text not in self.site.notes:
            self.site.notes.append(text)

    def _on_crawl_delay(self, host: str, seconds: float) -> None:
        # Runs in a worker (robots.txt is read there); a list append is safe under the GIL.
        self.gate.set_delay(host, seconds)
        if seconds >= 5 and not self.pool.stop.is_set():
            self._note(f"robots.txt of {host} asks for {seconds:g} s between requests: the crawl is slowed to match")

    def _fetch_robots(self, url: str) -> FetchResult:
        limits = Limits(self.limits.connect_timeout, self.limits.read_timeout, self.limits.max_time,
                        512 * 1024, 5)
        return fetch(url, self.sessions.get(), limits, gate=self.gate,
                     want_body=lambda status, _h: 200 <= status < 300, stop=self.pool.stop)

    def _report_progress(self, force: bool = False) -> None:
        self.progress.update("crawl", self.done, len(self.frontier) + len(self.in_flight), self.errors, force=force)

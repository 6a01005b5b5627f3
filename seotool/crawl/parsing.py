"""Parse fetched HTML into ``Page`` objects, in helper processes when a crawl may be big.

Parsing is pure Python and holds the GIL, so fetch threads parsing in the crawl's own process
leave every other core idle. When ``max_pages`` allows a big crawl (``MIN_PAGES`` or more, or no
limit) and there are two CPUs or more, pages are parsed in a small pool of processes instead and
come back pickled (a fraction of the cost of parsing).

The helpers are forked (not spawned: spawning would re-run the caller's ``__main__`` and import
everything again) when the crawl is set up, before its fetch threads start, so the fork copies a
process with one running thread. A small crawl pays two forks for that; no pages are parsed in
the crawl process unless the helpers cannot be forked or die.

The helpers also run the checks that need nothing but the page (``EarlyChecks``: the standalone
families' page rules and metrics, and the families' ``prepare_page`` figures) right after
parsing, so that work overlaps the crawl instead of waiting for it; the results travel back on
the page (``seotool.runner.EARLY_KEY``)."""

from __future__ import annotations

import gc
import threading
from collections.abc import Callable
from concurrent.futures import CancelledError, Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from seotool.crawl.decode import decode_html
from seotool.page import Page
from seotool.runner import EARLY_KEY, PageMetrics, PagePrepare, available_cpus, check_early, ignore_sigint

if TYPE_CHECKING:  # pragma: no cover
    from seotool.rules import Rule
    from seotool.site import Site

MIN_PAGES = 200  # helpers only when max_pages allows at least this many pages (0 = no limit)


@dataclass
class EarlyChecks:
    """Page rules and metrics hooks of the standalone families, with the site they run against
    (in a helper: its configuration and caches as they were when the helper was forked)."""

    site: Site
    rules: list[Rule]
    hooks: PageMetrics
    prepare: list[PagePrepare] = field(default_factory=list)  # families' ``prepare_page`` hooks


_EARLY: EarlyChecks | None = None  # set before the helpers are forked; they inherit it


def parse_page(body: bytes, content_type: str | None, final_url: str, status: int, headers: dict[str, str],
               depth: int) -> Page:
    """Decode and parse one page (in whichever process runs it)."""
    text = decode_html(body, content_type)
    return Page(final_url, text, final_url=final_url, status=status, headers=headers, depth=depth)


def parse_and_check(body: bytes, content_type: str | None, final_url: str, status: int, headers: dict[str, str],
                    depth: int) -> Page:
    """In a helper: parse one page and run the early checks on it."""
    page = parse_page(body, content_type, final_url, status, headers, depth)
    _check(page)
    return page


def check_parsed(page: Page) -> tuple | None:
    """In a helper: the early checks' results for a page parsed without them."""
    return page.cache[EARLY_KEY] if _check(page) else None


_WARM = False  # in a helper: whether its first early checks have run


def _check(page: Page) -> bool:
    """Run the early checks on ``page`` (in a helper); False when there are none."""
    global _WARM
    early = _EARLY
    if early is None or not (early.rules or early.hooks or early.prepare):
        return False
    check_early(page, early.site, early.rules, early.hooks, early.prepare)
    if not _WARM:  # the first checks loaded the word lists and fact base: out of the GC's sight
        _WARM = True
        gc.freeze()
    return True


QUEUED_PER_HELPER = 4  # pages waiting in each helper's queue (the standard library keeps one in all)


def _deep_queue_pool(workers: int, context) -> ProcessPoolExecutor:
    """A process pool whose helpers find their next pages already queued when they finish one.
    With the standard single spare task, a helper sat idle until the crawl process, busy with its
    fetch threads, moved the next page across: crawl ~5% slower at 2,000 pages. The depth is
    read from a module constant when the pool is made (Python 3.8-3.13), so it is set around that."""
    import concurrent.futures.process as cfp

    saved = getattr(cfp, "EXTRA_QUEUED_CALLS", None)
    if saved is not None:
        cfp.EXTRA_QUEUED_CALLS = max(saved, workers * QUEUED_PER_HELPER)
    try:
        return ProcessPoolExecutor(workers, mp_context=context, initializer=ignore_sigint)
    finally:
        if saved is not None:
            cfp.EXTRA_QUEUED_CALLS = saved


class Parser:
    """``start`` is called once before the crawl's threads run; ``parse`` from fetch threads."""

    def __init__(self, max_pages: int, workers: int | None = None, early: EarlyChecks | None = None) -> None:
        self.workers = available_cpus() if workers is None else workers
        self.early = early
        self.wanted = self.workers >= 2 and (not max_pages or max_pages >= MIN_PAGES)
        self._pool: ProcessPoolExecutor | None = None
        self._lock = threading.Lock()

    def start(self) -> None:
        """Fork the helpers, when wanted. Call it before the crawl starts its threads: a fork then
        copies one thread, holding no lock another thread might have held."""
        if not self.wanted or self._pool is not None:
            return
        self.wanted = False
        global _EARLY
        _EARLY = self.early
        try:
            import multiprocessing

            pool = _deep_queue_pool(self.workers, multiprocessing.get_context("fork"))
            pool.submit(int).result()  # fork the helpers now, from this thread
            self._pool = pool
        except (ValueError, OSError, BrokenProcessPool):  # no fork here: parse in this process
            self._pool = None
        finally:
            _EARLY = None  # the helpers have their copy; this process must not keep the site alive

    def parse_later(self, body: bytes, content_type: str | None, final_url: str, status: int,
                    headers: dict[str, str], depth: int, done: Callable[[Page | None, BaseException | None], None],
                    *, check_first: bool = True) -> bool:
        """Hand the page to a helper and return at once; ``done(page, error)`` is called from the
        pool's own thread when it is parsed (``error``: why it could not be). False when there
        are no helpers (then call ``parse``).

        ``check_first=False``: the page comes back as soon as it is parsed and the early checks
        follow in a second task (see ``check_later``). For start pages: the crawl waits for their
        links, and a helper's first checks load every word list (~0.3 s)."""
        pool = self._pool
        if pool is None:
            return False
        args = (body, content_type, final_url, status, dict(headers), depth)
        try:
            future = pool.submit(parse_and_check if check_first else parse_page, *args)
        except (BrokenProcessPool, RuntimeError):  # shut down (Ctrl-C) or broken
            self._drop(pool)
            return False

        def finished(f: Future[Page]) -> None:
            page: Page | None = None
            error: BaseException | None = None
            try:
                page = f.result()
            except CancelledError as exc:  # the crawl is being stopped: nothing to parse for
                error = exc
            except BrokenProcessPool:  # a helper died: parse here, and from now on
                self._drop(pool)
                try:
                    page = parse_page(*args)
                except Exception as exc:  # noqa: BLE001 - reported on the page's record
                    error = exc
            except Exception as exc:  # noqa: BLE001 - the page itself could not be parsed
                error = exc
            done(page, error)

        future.add_done_callback(finished)
        return True

    def check_later(self, page: Page) -> None:
        """Run the early checks on a page parsed without them, in a helper; their results land in
        ``page.cache`` when ready (before ``close`` returns). Without helpers, the runner will."""
        pool = self._pool
        if pool is None or self.early is None:
            return
        try:
            future = pool.submit(check_parsed, page)
        except (BrokenProcessPool, RuntimeError):
            return

        def finished(f: Future[tuple | None]) -> None:
            try:
                results = f.result()
            except BaseException:  # noqa: BLE001 - the runner checks the page itself then
                return
            if results is not None:
                page.cache[EARLY_KEY] = results

        future.add_done_callback(finished)

    def _drop(self, pool: ProcessPoolExecutor) -> None:
        with self._lock:
            if self._pool is pool:
                self._pool = None

    def parse(self, body: bytes, content_type: str | None, final_url: str, status: int,
              headers: dict[str, str], depth: int) -> Page:
        """Parse (and early-check) the page in a helper when there are helpers, else here, and
        wait for it. Raises what parsing raised."""
        args = (body, content_type, final_url, status, headers, depth)
        answer: list[tuple[Page | None, BaseException | None]] = []
        ready = threading.Event()

        def done(page: Page | None, error: BaseException | None) -> None:
            answer.append((page, error))
            ready.set()

        if not self.parse_later(*args, done=done):
            return parse_page(*args)
        ready.wait()
        page, error = answer[0]
        if page is not None:
            return page
        if isinstance(error, CancelledError):  # the helpers were stopped meanwhile: parse here
            return parse_page(*args)
        assert error is not None  # done() is given a page or an error
        raise error

    def close(self, cancel: bool = True) -> None:
        """Stop the helpers: at once (``cancel``, after Ctrl-C), or once the work handed to them
        is done."""
        pool, self._pool = self._pool, None
        if pool is not None:
            pool.shutdown(wait=True, cancel_futures=cancel)

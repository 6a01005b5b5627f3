"""Pages parsed in the crawl's helper processes are the pages parsed in-process, and the helpers
run the early checks on them."""

from __future__ import annotations

import os
import time

from seotool.config import Config, defaults
from seotool.crawl.crawler import crawl
from seotool.crawl.parsing import MIN_PAGES, EarlyChecks, Parser, parse_page
from seotool.progress import Progress
from seotool.rules import Example, Rule, Severity
from seotool.runner import EARLY_KEY
from seotool.site import Site
from tests.support.server import page as page_response
from tests.support.server import serve

HTML = (b"<!doctype html><html lang=en><head><meta charset=utf-8><title>Knee pain</title>"
        b"<link rel=canonical href=/knee></head><body><nav><a href=/>Home</a></nav><main><h1>Knee pain</h1>"
        b"<p>Call <a href='tel:+17045550142'>(704) 555-0142</a> today.</p><img src=x.png></main></body></html>")


def _state(page) -> dict:
    return {k: v for k, v in vars(page).items() if k != "cache"}


def test_helper_processes_parse_like_this_process():
    parser = Parser(max_pages=0, workers=2)
    assert parser._pool is None
    parser.start()
    try:
        assert parser._pool is not None
        args = (HTML, "text/html", "http://127.0.0.1:1/knee", 200, {"X-Robots-Tag": "noindex"}, 2)
        pooled = parser.parse(*args)
        assert _state(pooled) == _state(parse_page(*args))
        assert pooled.title == "Knee pain" and pooled.headers == {"x-robots-tag": "noindex"}
        assert pooled.links[0].line == 1 and pooled.depth == 2
        pids = {pid for pid in parser._pool._processes}
        assert pids and os.getpid() not in pids
    finally:
        parser.close()
    # after close (the crawl ended or was interrupted) pages are still parsed, here
    assert parser.parse(HTML, None, "http://127.0.0.1:1/", 200, {}, 0).title == "Knee pain"


def test_no_pool_for_small_page_limits_or_one_cpu():
    assert not Parser(max_pages=MIN_PAGES - 1, workers=2).wanted
    assert not Parser(max_pages=0, workers=1).wanted
    assert Parser(max_pages=MIN_PAGES, workers=2).wanted


def _helper_pid(page, site):
    yield PID_RULE.finding(page, f"checked in process {os.getpid()}", excerpt=page.title or "")


PID_RULE = Rule("medical.test-pid", "t", Severity.NOTICE, "w", "w", "f", (Example.of("<title>x</title>"),),
                (Example.of("<title>y</title>"),), _helper_pid)


def test_helpers_run_the_early_checks_on_the_pages_they_parse():
    site = Site(targets=["x"], config=Config(defaults()))
    early = EarlyChecks(site, [PID_RULE], {"medical": lambda page, s: {"words": page.word_count}})
    parser = Parser(max_pages=0, workers=2, early=early)
    parser.start()
    try:
        page = parser.parse(HTML, "text/html", "http://127.0.0.1:1/knee", 200, {}, 1)
        helpers = set(parser._pool._processes)
    finally:
        parser.close()
    done, found, metrics = page.cache[EARLY_KEY]
    assert done == {"medical.test-pid"} and metrics == {"medical": {"words": page.word_count}}
    assert [f.excerpt for f in found] == ["Knee pain"]
    pid = int(found[0].message.rsplit(" ", 1)[1])
    assert pid in helpers and pid != os.getpid()
    # pages parsed in this process (small crawls, or after the helpers are gone) are checked later
    assert EARLY_KEY not in parser.parse(HTML, "text/html", "http://127.0.0.1:1/", 200, {}, 0).cache


_RELEASE: dict[str, str] = {}  # set before the crawl forks its helpers, which inherit it


def _wait_for_release(page, site):
    """Hold a "held" page in its helper until the server has been asked for the last page."""
    if page.title != "held":
        return
    deadline = time.monotonic() + 10
    while not os.path.exists(_RELEASE["flag"]) and time.monotonic() < deadline:
        time.sleep(0.01)
    yield WAIT_RULE.finding(page, "released" if os.path.exists(_RELEASE["flag"]) else "timed out")


WAIT_RULE = Rule("medical.test-wait", "t", Severity.NOTICE, "w", "w", "f", (Example.of("<title>held</title>"),),
                 (Example.of("<title>y</title>"),), _wait_for_release)


def test_fetching_goes_on_while_helpers_parse(tmp_path):
    """With one fetch thread, /b and /c are fetched while /a is still held in its helper: the
    thread does not wait for the parse (if it did, /c would only be asked for after the helper
    gave up waiting, and the finding would say so)."""
    flag = tmp_path / "last-page-asked"
    _RELEASE["flag"] = str(flag)

    def last_page(h, method):
        flag.touch()
        page_response("<title>c</title><p>three</p>")(h, method)

    routes = {"/": page_response('<title>home</title><a href="/a">a</a> <a href="/b">b</a> <a href="/c">c</a>'),
              "/a": page_response("<title>held</title>"), "/b": page_response("<title>b</title>"), "/c": last_page}
    cfg = Config(defaults())
    cfg.section("crawl").update(concurrency=1, per_host_concurrency=1, sitemap=False, max_pages=500)
    with serve(routes) as srv:
        site = Site(targets=[srv.url("/")], config=cfg)
        crawl([srv.url("/")], cfg, site, Progress(quiet=True), early=EarlyChecks(site, [WAIT_RULE], {}))
    assert sorted(p.title for p in site.pages) == ["b", "c", "held", "home"]
    messages = [f.message for p in site.pages for f in p.cache[EARLY_KEY][1]]
    assert messages == ["released"]


def _die_on_poison(page, site):
    if page.title == "poison":
        os._exit(3)  # a helper killed mid-task (out of memory, a crash in a C extension)
    return iter(())


DIE_RULE = Rule("medical.test-die", "t", Severity.NOTICE, "w", "w", "f", (Example.of("<title>x</title>"),),
                (Example.of("<title>y</title>"),), _die_on_poison)


def test_a_helper_dying_mid_crawl_loses_no_page():
    """The helpers break (one exits while checking a page): every page is still parsed, here, and
    the crawl ends normally."""
    links = "".join(f'<a href="/p{i}">{i}</a> ' for i in range(40))
    routes = {"/": page_response(f"<title>home</title>{links}")}
    routes |= {f"/p{i}": page_response(f"<title>{'poison' if i == 7 else f'page {i}'}</title><p>text {i}</p>")
               for i in range(40)}
    cfg = Config(defaults())
    cfg.section("crawl").update(concurrency=4, per_host_concurrency=4, sitemap=False, max_pages=500)
    with serve(routes) as srv:
        site = Site(targets=[srv.url("/")], config=cfg)
        crawl([srv.url("/")], cfg, site, Progress(quiet=True), early=EarlyChecks(site, [DIE_RULE], {}))
    assert len(site.pages) == 41 and not site.interrupted
    poison = next(p for p in site.pages if p.title == "poison")
    assert EARLY_KEY not in poison.cache  # its helper died: parsed again here, checked by the runner later
    assert all(r.state == "fetched" for r in site.records.values())


def test_helpers_get_a_deeper_queue_and_the_standard_library_is_left_as_it_was():
    import concurrent.futures.process as cfp
    import multiprocessing

    from seotool.crawl.parsing import QUEUED_PER_HELPER, _deep_queue_pool

    before = cfp.EXTRA_QUEUED_CALLS
    pool = _deep_queue_pool(2, multiprocessing.get_context("fork"))
    try:
        assert pool.submit(int, "7").result() == 7
        assert pool._call_queue._maxsize == 2 + 2 * QUEUED_PER_HELPER  # private, read to show the depth
    finally:
        pool.shutdown()
    assert cfp.EXTRA_QUEUED_CALLS == before


_DONE_LOG: dict[str, str] = {}


def _slow_check(page, site):
    time.sleep(0.15)
    with open(_DONE_LOG["path"], "a") as log:  # written by the helper once this page is checked
        log.write(f"{page.title}\n")
    return iter(())


SLOW_RULE = Rule("medical.test-slow", "t", Severity.NOTICE, "w", "w", "f", (Example.of("<title>x</title>"),),
                 (Example.of("<title>y</title>"),), _slow_check)


def test_ctrl_c_keeps_every_page_the_helpers_finished(tmp_path):
    """Pages still queued for a helper when Ctrl-C comes are recorded as interrupted, never as
    parse errors; the ones the helpers finish while they are being stopped are kept."""
    import _thread
    import threading

    from seotool.site import FETCHED

    _DONE_LOG["path"] = str(tmp_path / "checked.txt")
    links = "".join(f'<a href="/p{i}">{i}</a> ' for i in range(30))
    routes = {"/": page_response(f"<title>home</title>{links}")}
    routes |= {f"/p{i}": page_response(f"<title>page {i}</title><p>text {i}</p>") for i in range(30)}
    cfg = Config(defaults())
    cfg.section("crawl").update(concurrency=4, per_host_concurrency=4, sitemap=False, max_pages=500)
    with serve(routes) as srv:
        site = Site(targets=[srv.url("/")], config=cfg)

        def press_ctrl_c():
            while sum(n for path, n in srv.hits.items() if path.startswith("/p")) < 12:
                time.sleep(0.01)
            _thread.interrupt_main()

        threading.Thread(target=press_ctrl_c, daemon=True).start()
        crawl([srv.url("/")], cfg, site, Progress(quiet=True), early=EarlyChecks(site, [SLOW_RULE], {}))
    assert site.interrupted
    checked = set((tmp_path / "checked.txt").read_text().split("\n")) - {""}
    kept = {p.title for p in site.pages}
    assert checked - {"home"} <= kept  # every page a helper finished checking is in the audit
    assert not [r for r in site.records.values() if r.reason == "parse-error"]
    assert {r.final_url for r in site.records.values() if r.state == FETCHED} == {p.url for p in site.pages}
    assert any(r.reason == "interrupted" for r in site.records.values())

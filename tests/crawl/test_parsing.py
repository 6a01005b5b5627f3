"""Pages parsed in the crawl's helper processes are the pages parsed in-process."""

from __future__ import annotations

import os

from seotool.crawl.parsing import AFTER_PAGES, MIN_PAGES, Parser, parse_page

HTML = (b"<!doctype html><html lang=en><head><meta charset=utf-8><title>Knee pain</title>"
        b"<link rel=canonical href=/knee></head><body><nav><a href=/>Home</a></nav><main><h1>Knee pain</h1>"
        b"<p>Call <a href='tel:+17045550142'>(704) 555-0142</a> today.</p><img src=x.png></main></body></html>")


def _state(page) -> dict:
    return {k: v for k, v in vars(page).items() if k != "cache"}


def test_helper_processes_parse_like_this_process():
    parser = Parser(max_pages=0, workers=2)
    parser.maybe_start(AFTER_PAGES - 1)
    assert parser._pool is None  # small crawls never start it
    parser.maybe_start(AFTER_PAGES)
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

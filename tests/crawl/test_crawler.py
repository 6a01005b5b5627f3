"""The crawler against real servers on 127.0.0.1: what it fetches, and the state and reason it
records for every URL it meets."""

from __future__ import annotations

import _thread
import os
import threading
import time

from seotool.site import FAILED, FETCHED, SKIPPED
from tests.crawl.helpers import get_paths, html, record, run_crawl
from tests.support.server import Response, page, redirect, serve, slow, status


def test_follows_links_in_scope_and_records_every_url():
    with serve({"/": page(html("/a")), "/z": page(html())}) as other:
        root = html("/a", "/b/", other.url("/z"), "mailto:x@clinic.example", "tel:+15555550100",
                    extra='<img src="/img.png"><script src="/app.js"></script><link rel="stylesheet" href="/s.css">'
                          '<map><area href="/area-target" alt="x"></map>')
        routes = {"/": page(root), "/a": page(html("/", "/a#top")), "/b/": page(html()), "/area-target": page(html())}
        with serve(routes) as srv:
            site = run_crawl(srv.url("/"))
            assert srv.hits["/img.png"] == srv.hits["/app.js"] == srv.hits["/s.css"] == 0  # not links to pages
            assert srv.hits["/"] == srv.hits["/a"] == srv.hits["/b/"] == srv.hits["/area-target"] == 1
        assert other.hits["/z"] == 0
    for path in ("/", "/a", "/b/", "/area-target"):
        assert record(site, srv.url(path)).state == FETCHED
    ext = record(site, other.url("/z"))
    assert (ext.state, ext.reason, ext.referrer) == (SKIPPED, "out-of-scope", srv.url("/"))
    assert len(site.records) == 5  # mailto:/tel: are not pages
    assert sorted(p.url for p in site.pages) == sorted(srv.url(p) for p in ("/", "/a", "/b/", "/area-target"))
    assert record(site, srv.url("/a")).depth == 1


def test_duplicate_spellings_are_fetched_once():
    with serve({}) as srv:
        port = srv.server_address[1]
        spellings = ["/about", "/about/", "/about#team", "/./about", "/x/../about", "/%61bout",
                     f"HTTP://LocalHost:{port}/about", f"http://localhost:{port}/about/#x"]
        srv.routes.update({"/": page(html(*spellings)), "/about": page(html("/about/"))})
        site = run_crawl(f"http://localhost:{port}/")
        pages_got = [p for p in get_paths(srv) if p != "/"]
    assert pages_got == ["/about"]  # the spelling met first, once
    keys = [k for k in site.records if "about" in k]
    assert keys == [f"http://localhost:{port}/about"]
    assert site.records[keys[0]].state == FETCHED


def test_redirect_chains_loops_and_redirects_to_known_pages():
    routes = {
        "/": page(html("/old", "/loop1", "/to-home")),
        "/old": redirect("/mid", 301), "/mid": redirect("/new", 302), "/new": page(html()),
        "/loop1": redirect("/loop2"), "/loop2": redirect("/loop1"),
        "/to-home": redirect("/", 301),
    }
    with serve(routes) as srv:
        site = run_crawl(srv.url("/"))
        assert srv.hits["/new"] == 1 and srv.hits["/"] == 1 and srv.hits["/loop1"] == 1
    old = record(site, srv.url("/old"))
    assert (old.state, old.reason, old.status, old.final_url) == (FETCHED, "redirected", 200, srv.url("/new"))
    assert old.redirects == [{"url": srv.url("/old"), "status": 301}, {"url": srv.url("/mid"), "status": 302}]
    mid = record(site, srv.url("/mid"))
    assert (mid.state, mid.reason) == (FETCHED, "redirected") and len(mid.redirects) == 1
    assert (record(site, srv.url("/new")).state, record(site, srv.url("/new")).reason) == (FETCHED, None)
    for loop in ("/loop1", "/loop2"):
        assert (record(site, srv.url(loop)).state, record(site, srv.url(loop)).reason) == (FAILED, "redirect-loop")
    home = record(site, srv.url("/to-home"))
    assert (home.state, home.reason, home.final_url) == (FETCHED, "redirected", srv.url("/"))
    assert len(site.pages) == 2  # / and /new, each parsed once


def test_a_redirect_to_a_page_already_queued_does_not_fetch_it_again():
    # /new is queued from / before /old is fetched (one worker, links in order): /old's hop is refused.
    routes = {"/": page(html("/new", "/old")), "/old": redirect("/new", 301), "/new": page(html())}
    with serve(routes) as srv:
        site = run_crawl(srv.url("/"), concurrency=1)
        assert srv.hits["/new"] == 1
    old = record(site, srv.url("/old"))
    assert (old.state, old.reason, old.status, old.final_url) == (FETCHED, "redirected", 301, srv.url("/new"))
    assert record(site, srv.url("/new")).state == FETCHED


def test_too_many_redirects():
    routes = {f"/r{i}": redirect(f"/r{i + 1}") for i in range(6)}
    routes["/"] = page(html("/r0"))
    with serve(routes) as srv:
        site = run_crawl(srv.url("/"), max_redirects=3)
    r0 = record(site, srv.url("/r0"))
    assert (r0.state, r0.reason) == (FAILED, "too-many-redirects") and len(r0.redirects) == 4
    end = record(site, srv.url("/r4"))  # seen at the end of the chain, never requested
    assert (end.state, end.reason) == (SKIPPED, "too-many-redirects")


def test_http_errors_keep_their_status():
    routes = {"/": page(html("/missing", "/broken", "/gone")), "/broken": status(500), "/gone": status(410)}
    with serve(routes) as srv:
        site = run_crawl(srv.url("/"))
    for path, code in (("/missing", 404), ("/broken", 500), ("/gone", 410)):
        rec = record(site, srv.url(path))
        assert (rec.state, rec.reason, rec.status) == (FAILED, "http-error", code)
    assert len(site.pages) == 1


def test_slow_and_oversized_responses_fail_with_reasons():
    routes = {"/": page(html("/slow", "/big", "/fine")), "/slow": slow(3.0), "/fine": page(html()),
              "/big": page("<p>" + "x" * 300_000 + "</p>")}
    with serve(routes) as srv:
        site = run_crawl(srv.url("/"), read_timeout=0.5, max_bytes=100_000)
    slow_rec = record(site, srv.url("/slow"))
    assert (slow_rec.state, slow_rec.reason) == (FAILED, "timeout") and "timeout" in slow_rec.detail
    big = record(site, srv.url("/big"))
    assert (big.state, big.reason, big.status) == (FAILED, "too-large", 200)
    assert record(site, srv.url("/fine")).state == FETCHED


def test_non_html_is_skipped_with_its_status():
    routes = {
        "/": page(html("/doc.pdf", "/data.json", "/photo.jpg", "/missing.pdf", "/noctype")),
        "/doc.pdf": Response(body=b"%PDF-1.4 ...", content_type="application/pdf"),
        "/data.json": Response(body=b'{"a": 1}', content_type="application/json"),
        "/photo.jpg": Response(body=b"\xff\xd8\xff", content_type="image/jpeg"),
        "/noctype": Response(body=b"\x00\x01binary", content_type=""),
    }
    with serve(routes) as srv:
        site = run_crawl(srv.url("/"))
    for path, ctype in (("/doc.pdf", "application/pdf"), ("/data.json", "application/json"), ("/photo.jpg", "image/jpeg")):
        rec = record(site, srv.url(path))
        assert (rec.state, rec.reason, rec.status, rec.content_type) == (SKIPPED, "not-html", 200, ctype)
    assert (record(site, srv.url("/noctype")).state, record(site, srv.url("/noctype")).reason) == (SKIPPED, "not-html")
    missing = record(site, srv.url("/missing.pdf"))
    assert (missing.state, missing.reason, missing.status) == (FAILED, "http-error", 404)
    assert [p.url for p in site.pages] == [srv.url("/")]


def test_out_of_scope_redirect_is_not_followed():
    with serve({"/": page(html())}) as other:
        with serve({"/": page(html("/go")), "/go": redirect(other.url("/"), 302)}) as srv:
            site = run_crawl(srv.url("/"))
        assert other.hits["/"] == 0
    go = record(site, srv.url("/go"))
    assert (go.state, go.reason, go.final_url, go.status) == (FETCHED, "redirected", other.url("/"), 302)
    assert (record(site, other.url("/")).state, record(site, other.url("/")).reason) == (SKIPPED, "out-of-scope")


def test_a_start_url_that_moves_host_takes_the_scope_with_it():
    # localhost and 127.0.0.1 are different hosts to the crawler, the same server here.
    with serve({}) as srv:
        port = srv.server_address[1]
        srv.routes.update({"/": redirect(srv.url("/home")), "/home": page(html("/a")), "/a": page(html())})
        site = run_crawl(f"http://localhost:{port}/")
    assert record(site, f"http://localhost:{port}/").final_url == srv.url("/home")
    assert record(site, srv.url("/a")).state == FETCHED


def test_max_depth_and_max_pages():
    chain = {"/": page(html("/p1"))}
    chain.update({f"/p{i}": page(html(f"/p{i + 1}")) for i in range(1, 6)})
    with serve(chain) as srv:
        site = run_crawl(srv.url("/"), max_depth=2)
        assert srv.hits["/p3"] == 0
    assert record(site, srv.url("/p2")).state == FETCHED
    deep = record(site, srv.url("/p3"))
    assert (deep.state, deep.reason, deep.depth) == (SKIPPED, "depth-limit", 3)

    star = {"/": page(html(*[f"/s{i}" for i in range(10)]))}
    star.update({f"/s{i}": page(html("/")) for i in range(10)})
    with serve(star) as srv:
        site = run_crawl(srv.url("/"), max_pages=4)
        assert len(get_paths(srv)) == 4
    reasons = sorted((r.state, r.reason) for r in site.records.values())
    assert reasons.count((FETCHED, None)) == 4 and reasons.count((SKIPPED, "limit-reached")) == 7
    assert len(site.records) == 11


def test_include_and_exclude_patterns():
    routes = {"/": page(html("/blog/a", "/blog/b.pdf", "/shop/x")), "/blog/a": page(html("/blog/c")),
              "/blog/c": page(html())}
    with serve(routes) as srv:
        site = run_crawl(srv.url("/"), include=[r"/blog/"], exclude=[r"\.pdf$"])
        assert srv.hits["/shop/x"] == srv.hits["/blog/b.pdf"] == 0
    assert record(site, srv.url("/")).state == FETCHED  # the start URL is always fetched
    assert record(site, srv.url("/blog/a")).state == record(site, srv.url("/blog/c")).state == FETCHED
    for path in ("/blog/b.pdf", "/shop/x"):
        assert (record(site, srv.url(path)).state, record(site, srv.url(path)).reason) == (SKIPPED, "excluded")


def test_garbage_bytes_and_charsets_never_crash():
    garbage = os.urandom(20_000)
    cp1252 = '<html><head><meta charset="windows-1252"><title>Caf\xe9 \x93quoted\x94</title></head><body><a href="/x">x</a></body></html>'
    routes = {
        "/": page(html("/garbage", "/latin", "/header-wins", "/gz")),
        "/garbage": Response(body=garbage, content_type="text/html"),
        "/latin": Response(body=cp1252.encode("latin-1"), content_type="text/html"),
        "/header-wins": Response(body='<meta charset="windows-1252"><title>caf\u00e9</title>'.encode(),
                                 content_type="text/html; charset=utf-8"),
        "/x": page(html()),
    }
    from tests.crawl.routes import gzipped

    routes["/gz"] = gzipped(html("/from-gzip", title="zipped"))
    routes["/from-gzip"] = page(html())
    with serve(routes) as srv:
        site = run_crawl(srv.url("/"))
    assert record(site, srv.url("/garbage")).state == FETCHED
    titles = {p.url: p.title for p in site.pages}
    assert titles[srv.url("/latin")] == "Caf\u00e9 \u201cquoted\u201d"
    assert titles[srv.url("/header-wins")] == "caf\u00e9"
    assert titles[srv.url("/gz")] == "zipped" and record(site, srv.url("/from-gzip")).state == FETCHED
    assert record(site, srv.url("/x")).state == FETCHED


def test_unreachable_start_url_is_recorded_failed():
    from tests.crawl.routes import closed_port

    url = f"http://127.0.0.1:{closed_port()}/"
    site = run_crawl(url)
    rec = record(site, url)
    assert (rec.state, rec.reason) == (FAILED, "refused") and rec.detail
    assert site.pages == []


def test_ctrl_c_stops_promptly_and_keeps_what_was_gathered():
    pages = {"/": page(html(*[f"/p{i}" for i in range(40)]))}
    pages.update({f"/p{i}": slow(0.4, html()) for i in range(40)})
    with serve(pages) as srv:
        cancel = threading.Event()

        def press_ctrl_c_once_crawling():
            while not cancel.wait(0.02):
                if sum(n for path, n in srv.hits.items() if path.startswith("/p")) >= 3:
                    _thread.interrupt_main()  # as if SIGINT arrived: KeyboardInterrupt in this thread
                    return

        presser = threading.Thread(target=press_ctrl_c_once_crawling, daemon=True)
        presser.start()
        t0 = time.monotonic()
        try:
            site = run_crawl(srv.url("/"), concurrency=2)
        finally:
            cancel.set()
        took = time.monotonic() - t0
    assert site.interrupted
    assert took < 5.0  # 40 pages at 0.4 s over 2 workers would take 8 s
    fetched = [r for r in site.records.values() if r.state == FETCHED]
    interrupted = [r for r in site.records.values() if r.reason == "interrupted"]
    assert len(fetched) >= 2 and interrupted
    assert len(site.records) == 41  # every URL seen still has a record
    assert {p.url for p in site.pages} == {r.final_url for r in fetched}


def test_per_host_concurrency_caps_requests_in_flight():
    # Each page takes 0.2 s to answer, so two requests whose starts are under 0.2 s apart overlapped.
    routes = {"/": page(html(*[f"/p{i}" for i in range(12)]))}
    routes.update({f"/p{i}": slow(0.2, html()) for i in range(12)})
    with serve(routes) as srv:
        site = run_crawl(srv.url("/"), concurrency=6, per_host_concurrency=2, ignore_robots=True)
        starts = sorted(t for (t, _m, path) in srv.timeline if path.startswith("/p"))
    assert len(starts) == 12 and len(site.pages) == 13
    in_flight = max(sum(1 for s in starts if t - 0.19 < s <= t) for t in starts)
    assert in_flight <= 2


def test_the_garbage_collector_is_left_as_it_was_found():
    """The crawl turns automatic collection off while it runs (see Crawler.run), and back on."""
    import gc

    with serve({"/": page(html("/a")), "/a": page(html())}) as srv:
        assert gc.isenabled()
        run_crawl(srv.url("/"))
        assert gc.isenabled()
        gc.disable()
        try:
            run_crawl(srv.url("/"))
            assert not gc.isenabled()
        finally:
            gc.enable()


def test_depth_is_the_fewest_clicks_whichever_fetch_finishes_first():
    """/ links to /a (slow) and /b; /b -> /c -> /d, and /a -> /d. /d is first met three clicks
    deep (while /a is still loading), but two clicks reach it: the recorded depth, and with it
    the order of pages, must not depend on which fetch finished first."""
    routes = {"/": page(html("/a", "/b")), "/a": slow(0.6, html("/d")), "/b": page(html("/c")),
              "/c": page(html("/d")), "/d": page(html())}
    with serve(routes) as srv:
        site = run_crawl(srv.url("/"), concurrency=4, per_host_concurrency=4)
    assert record(site, srv.url("/d")).referrer == srv.url("/c")  # met first through /c ...
    assert {path: record(site, srv.url(path)).depth for path in ("/", "/a", "/b", "/c", "/d")} == {
        "/": 0, "/a": 1, "/b": 1, "/c": 2, "/d": 2}  # ... but two clicks away
    assert [(p.url.rsplit("/", 1)[-1], p.depth) for p in site.pages] == [("", 0), ("a", 1), ("b", 1), ("c", 2), ("d", 2)]


def test_ctrl_c_is_handed_back_after_the_crawl():
    """During the crawl loop Ctrl-C only sets a flag (so no finished page is lost half-recorded);
    afterwards it raises again, so the probe and the checks can be interrupted."""
    import signal

    before = signal.getsignal(signal.SIGINT)
    with serve({"/": page(html())}) as srv:
        run_crawl(srv.url("/"))
    assert signal.getsignal(signal.SIGINT) is before

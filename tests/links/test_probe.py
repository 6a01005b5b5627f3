"""The link prober against real HTTP servers on 127.0.0.1: every state it must tell apart."""

from __future__ import annotations

import threading
import time
from dataclasses import replace
from pathlib import Path

from seotool.crawl.probe import NOT_CHECKED, ProbeSettings, bot_protection
from seotool.site import LOCAL_ORIGIN, Record, Site
from tests.links.helpers import FAST, config, methods, probe
from tests.support.server import Response, page, redirect, reset, sequence, serve, slow, status


def test_200_is_answered_by_one_head():
    with serve({"/ok": page("<p>fine</p>")}) as srv:
        p = probe([srv.url("/ok")])[srv.url("/ok")]
        assert (p.status, p.error, p.redirects, p.method) == (200, None, [], "HEAD")
        assert methods(srv, "/ok") == ["HEAD"]


def test_301_to_200_records_the_hop():
    with serve({"/old": redirect("/new", 301), "/new": page("new")}) as srv:
        p = probe([srv.url("/old")])[srv.url("/old")]
        assert p.status == 200 and p.error is None
        assert p.redirects == [{"url": srv.url("/old"), "status": 301}]
        assert p.final_url == srv.url("/new")


def test_302_chain_records_every_hop():
    routes = {"/a": redirect("/b", 302), "/b": redirect("/c", 302), "/c": redirect("/d", 307), "/d": page("d")}
    with serve(routes) as srv:
        p = probe([srv.url("/a")])[srv.url("/a")]
        assert [h["status"] for h in p.redirects] == [302, 302, 307]
        assert [h["url"] for h in p.redirects] == [srv.url(x) for x in ("/a", "/b", "/c")]
        assert (p.status, p.final_url) == (200, srv.url("/d"))


def test_redirect_loop_is_detected():
    with serve({"/x": redirect("/y", 301), "/y": redirect("/x", 302)}) as srv:
        p = probe([srv.url("/x")])[srv.url("/x")]
        assert p.error == "redirect-loop"
        assert len(p.redirects) == 2
        assert srv.hits["/x"] == 1 and srv.hits["/y"] == 1


def test_self_redirect_is_a_loop():
    with serve({"/self": redirect("/self", 301)}) as srv:
        assert probe([srv.url("/self")])[srv.url("/self")].error == "redirect-loop"


def test_too_many_redirects():
    routes = {f"/r{i}": redirect(f"/r{i + 1}", 302) for i in range(5)}
    with serve(routes) as srv:
        p = probe([srv.url("/r0")], settings=replace(FAST, max_redirects=3))[srv.url("/r0")]
        assert p.error == "too-many-redirects"


def test_404_410_500_are_confirmed_with_get():
    with serve({"/gone": status(410), "/err": status(500)}) as srv:
        urls = [srv.url("/missing"), srv.url("/gone"), srv.url("/err")]
        probes = probe(urls)
        assert [probes[u].status for u in urls] == [404, 410, 500]
        assert all(probes[u].error is None and not probes[u].blocked for u in urls)
        assert methods(srv, "/missing") == ["HEAD", "GET"]
        assert methods(srv, "/gone") == ["HEAD", "GET"]


def test_429_with_retry_after_then_200():
    limited = Response(status=429, headers={"Retry-After": "1"})
    with serve({"/busy": sequence(limited, page("ok"))}) as srv:
        started = time.monotonic()
        p = probe([srv.url("/busy")])[srv.url("/busy")]
        took = time.monotonic() - started
        assert p.status == 200 and not p.blocked
        assert srv.hits["/busy"] == 2
        assert took >= 0.95, "Retry-After: 1 was not honoured"


def test_retry_after_is_capped():
    limited = Response(status=503, headers={"Retry-After": "120"})
    with serve({"/busy": sequence(limited, page("ok"))}) as srv:
        started = time.monotonic()
        p = probe([srv.url("/busy")], settings=replace(FAST, retry_after_cap=0.2))[srv.url("/busy")]
        assert p.status == 200
        assert time.monotonic() - started < 5


def test_429_that_never_lifts_is_could_not_verify_not_broken():
    with serve({"/busy": Response(status=429, headers={"Retry-After": "0"})}) as srv:
        p = probe([srv.url("/busy")], settings=replace(FAST, max_retries=1))[srv.url("/busy")]
        assert p.status == 429 and p.blocked
        assert srv.hits["/busy"] == 2  # one try + one retry, bounded


def test_transient_503_is_retried_with_backoff():
    with serve({"/flaky": sequence(status(503), status(503), page("ok"))}) as srv:
        p = probe([srv.url("/flaky")])[srv.url("/flaky")]
        assert p.status == 200
        assert srv.hits["/flaky"] == 3


def test_timeout():
    with serve({"/slow": slow(1.5)}) as srv:
        p = probe([srv.url("/slow")])[srv.url("/slow")]
        assert p.error == "timeout" and p.status is None
        assert methods(srv, "/slow") == ["HEAD"]  # not retried, not asked again with GET


def test_reset_connection_is_retried_then_reported():
    with serve({"/rst": reset()}) as srv:
        p = probe([srv.url("/rst")], settings=replace(FAST, max_retries=1))[srv.url("/rst")]
        assert p.error == "reset"
        assert methods(srv, "/rst") == ["HEAD", "HEAD", "GET", "GET"]


def test_reset_once_then_200_recovers():
    with serve({"/blip": sequence(reset(), page("ok"))}) as srv:
        p = probe([srv.url("/blip")])[srv.url("/blip")]
        assert p.status == 200 and p.error is None


def test_connection_refused():
    p = probe(["http://127.0.0.1:9/nothing"])["http://127.0.0.1:9/nothing"]
    assert p.error == "refused"


def test_unknown_host():
    p = probe(["http://no-such-host.invalid/"])["http://no-such-host.invalid/"]
    assert p.error == "dns"


def test_head_405_then_get_200():
    with serve({"/nohead": Response(body="<p>x</p>", methods=("GET",))}) as srv:
        p = probe([srv.url("/nohead")])[srv.url("/nohead")]
        assert (p.status, p.method) == (200, "GET")
        assert methods(srv, "/nohead") == ["HEAD", "GET"]


def test_403_with_bot_protection_headers_is_blocked():
    cf = Response(status=403, headers={"Server": "cloudflare", "CF-Ray": "8a1b-CLT", "cf-mitigated": "challenge"})
    with serve({"/cf": cf, "/plain403": status(403), "/li": Response(status=999)}) as srv:
        probes = probe([srv.url("/cf"), srv.url("/plain403"), srv.url("/li")])
        assert probes[srv.url("/cf")].blocked and "Cloudflare" in probes[srv.url("/cf")].detail
        assert probes[srv.url("/li")].blocked
        assert not probes[srv.url("/plain403")].blocked and probes[srv.url("/plain403")].status == 403


def test_bot_protection_signatures():
    assert bot_protection(403, {"server": "AkamaiGHost"})[0]
    assert bot_protection(403, {"x-iinfo": "1-2-3"})[0]
    assert bot_protection(503, {"x-sucuri-id": "1"})[0]
    assert not bot_protection(404, {"server": "cloudflare", "cf-ray": "x"})[0]
    assert not bot_protection(403, {"server": "nginx"})[0]


def test_fragment_request_reads_ids_with_get():
    html = '<h2 id="insurance">Insurance</h2><a name="fees"></a><p id="x">x</p>'
    with serve({"/doc": page(html)}) as srv:
        probes = probe([srv.url("/doc#insurance"), srv.url("/doc#nope"), srv.url("/doc")])
        p = probes[srv.url("/doc#nope")]
        assert p is probes[srv.url("/doc")] is probes[srv.url("/doc#insurance")]
        assert p.ids == {"insurance", "fees", "x"}
        assert methods(srv, "/doc") == ["GET"]  # one request serves all three


def test_pdf_is_checked_with_head_only():
    with serve({"/forms/intake.pdf": Response(body=b"%PDF-1.4 ...", content_type="application/pdf")}) as srv:
        p = probe([srv.url("/forms/intake.pdf")])[srv.url("/forms/intake.pdf")]
        assert (p.status, p.content_type, p.ids) == (200, "application/pdf", None)
        assert methods(srv, "/forms/intake.pdf") == ["HEAD"]


def test_each_url_is_requested_once_even_when_redirects_meet():
    routes = {"/a": redirect("/final", 301), "/b": redirect("/final", 301), "/final": page("x")}
    with serve(routes) as srv:
        probes = probe([srv.url("/a"), srv.url("/b"), srv.url("/final"), srv.url("/final#top")])
        assert srv.hits["/final"] == 1
        assert probes[srv.url("/a")].final_url == srv.url("/final")


def _counting(delay: float):
    state = {"now": 0, "max": 0}
    lock = threading.Lock()

    def handler(h, method):
        with lock:
            state["now"] += 1
            state["max"] = max(state["max"], state["now"])
        time.sleep(delay)
        with lock:
            state["now"] -= 1
        page("ok")(h, method)

    return handler, state


def test_per_host_concurrency_limit():
    handler, state = _counting(0.1)
    routes = {f"/p{i}": handler for i in range(8)}
    with serve(routes) as srv:
        settings = ProbeSettings(concurrency=8, per_host=2, read_timeout=2.0, backoff=0.05)
        probes = probe([srv.url(f"/p{i}") for i in range(8)], settings=settings)
        assert all(p.status == 200 for p in probes.values())
        assert state["max"] == 2


def test_hosts_are_probed_in_parallel():
    both, total = _counting(0.2)  # one counter for the two servers: in flight across hosts
    with serve({f"/p{i}": both for i in range(4)}) as a, serve({f"/p{i}": both for i in range(4)}) as b:
        settings = ProbeSettings(concurrency=4, per_host=2, read_timeout=2.0)
        probe([a.url(f"/p{i}") for i in range(4)] + [b.url(f"/p{i}") for i in range(4)], settings=settings)
        assert total["max"] == 4  # two per host, both hosts at once: one busy host never blocks another


def test_no_cookies_or_credentials_are_sent_to_other_hosts():
    with serve({"/x": page("x")}) as other:
        sets_cookie = Response(status=302, headers={"Location": other.url("/x"), "Set-Cookie": "sid=secret; Path=/"})
        with serve({"/go": sets_cookie, "/again": page("ok")}) as srv:
            probe([srv.url("/go"), "http://user:pw@" + srv.url("/again").split("://")[1]])
            sent = [h for _m, _p, h in other.log] + [h for _m, p, h in srv.log if p == "/again"]
            assert sent
            for headers in sent:
                lowered = {k.lower() for k in headers}
                assert "cookie" not in lowered and "authorization" not in lowered


def test_user_agent_names_seotool():
    with serve({"/ok": page("ok")}) as srv:
        probe([srv.url("/ok")], settings=ProbeSettings())
        assert "seotool" in srv.log[0][2]["User-Agent"]


def test_offline_external_is_not_checked(tmp_path: Path):
    site = Site(targets=[str(tmp_path)], config=config(), local_root=tmp_path, offline=True)
    p = probe(["https://example.org/"], site)["https://example.org/"]
    assert p.error == NOT_CHECKED


def test_local_files_resolve_without_network(tmp_path: Path):
    (tmp_path / "fees.html").write_text('<h2 id="insurance">Insurance</h2>')
    (tmp_path / "forms").mkdir()
    (tmp_path / "forms" / "intake.pdf").write_bytes(b"%PDF")
    (tmp_path / "team").mkdir()
    (tmp_path / "team" / "index.html").write_text("<p>team</p>")
    site = Site(targets=[str(tmp_path)], config=config({"site": {"url": "https://clinic.example"}}),
                local_root=tmp_path, offline=True)
    urls = [LOCAL_ORIGIN + "fees.html#insurance", LOCAL_ORIGIN + "missing.html", LOCAL_ORIGIN + "forms/intake.pdf",
            LOCAL_ORIGIN + "team/", "https://clinic.example/fees.html", "https://clinic.example/nope"]
    probes = probe(urls, site)
    assert probes[urls[0]].ids == {"insurance"} and probes[urls[0]].status == 200
    assert probes[urls[1]].error == "missing-file"
    assert probes[urls[2]].content_type == "application/pdf"
    assert probes[urls[3]].status == 200
    assert probes[urls[4]].status == 200  # the production address of a local file
    assert probes[urls[5]].error == "missing-file"
    assert all(p.method == "file" for p in probes.values())


def test_crawled_urls_are_answered_from_the_crawl():
    with serve({}) as srv:  # any request would be logged
        url = srv.url("/about")
        site = Site(targets=[srv.url("/")], config=config())
        site.records[url] = Record(url, "fetched", status=200, final_url=url, content_type="text/html")
        site.records[srv.url("/old")] = Record(srv.url("/old"), "failed", "http-error", status=404)
        probes = probe([url, srv.url("/old")], site)
        assert probes[url].status == 200 and probes[url].method == "crawl"
        assert probes[srv.url("/old")].status == 404
        assert srv.log == []


def test_crawl_errors_other_than_404_are_rechecked():
    cf = Response(status=403, headers={"cf-mitigated": "challenge", "Server": "cloudflare"})
    with serve({"/team": cf}) as srv:
        site = Site(targets=[srv.url("/")], config=config())
        site.records[srv.url("/team")] = Record(srv.url("/team"), "failed", "http-error", status=403)
        p = probe([srv.url("/team")], site)[srv.url("/team")]
        assert p.blocked


def test_retry_after_accepts_seconds_and_http_dates():
    from email.utils import formatdate

    from seotool.crawl.probe import _retry_after

    assert _retry_after("3") == 3.0
    assert 8 <= _retry_after(formatdate(time.time() + 10, usegmt=True)) <= 10.5
    assert _retry_after(formatdate(time.time() - 100, usegmt=True)) == 0.0
    assert _retry_after("soon") is None and _retry_after(None) is None

"""The fetch layer against a real server: redirect chains, caps, and how failures are named."""

from __future__ import annotations

import gzip

from seotool.crawl.fetch import Limits, fetch, new_session
from tests.crawl.routes import closed_port, drip, gzipped, unsized
from tests.support.server import Response, page, redirect, reset, serve, slow

LIMITS = Limits(connect_timeout=2.0, read_timeout=2.0, max_time=5.0, max_bytes=100_000, max_redirects=5)


def get(url, limits=LIMITS, **kw):
    with new_session("seotool-test/1") as session:
        return fetch(url, session, limits, want_body=True, **kw)


def test_redirect_chain_is_recorded_hop_by_hop():
    routes = {"/a": redirect("/b", 301), "/b": redirect("/c", 302), "/c": page("<title>C</title>")}
    with serve(routes) as srv:
        r = get(srv.url("/a"))
    assert r.ok and r.status == 200
    assert r.redirects == [{"url": srv.url("/a"), "status": 301}, {"url": srv.url("/b"), "status": 302}]
    assert r.final_url == srv.url("/c")
    assert r.body == b"<title>C</title>"
    assert r.content_type.startswith("text/html")


def test_redirect_loop_and_too_many_redirects():
    routes = {"/x": redirect("/y"), "/y": redirect("/x")}
    routes.update({f"/r{i}": redirect(f"/r{i + 1}") for i in range(10)})
    with serve(routes) as srv:
        loop = get(srv.url("/x"))
        chain = get(srv.url("/r0"))
        assert srv.hits["/x"] == 1 and srv.hits["/y"] == 1  # the loop is seen, not walked again
    assert loop.error == "redirect-loop" and [h["url"] for h in loop.redirects] == [srv.url("/x"), srv.url("/y")]
    assert chain.error == "too-many-redirects" and len(chain.redirects) == LIMITS.max_redirects + 1


def test_a_refused_hop_ends_the_chain_without_requesting_it():
    with serve({"/old": redirect("/new"), "/new": page("new")}) as srv:
        r = get(srv.url("/old"), follow=lambda url: False)
        assert srv.hits["/new"] == 0
    assert r.error is None and r.status == 301 and r.refused_hop == srv.url("/new") == r.final_url


def test_slower_than_read_timeout_is_a_timeout():
    limits = Limits(connect_timeout=1.0, read_timeout=0.3, max_time=5.0, max_bytes=1000)
    with serve({"/slow": slow(2.0)}) as srv:
        r = get(srv.url("/slow"), limits)
    assert r.error == "timeout" and "read timeout" in r.detail


def test_trickling_body_is_cut_at_max_time():
    # One byte every 0.1 s for 60 bytes: each read is quick, the whole takes 6 s.
    limits = Limits(connect_timeout=1.0, read_timeout=1.0, max_time=0.8, max_bytes=1000)
    with serve({"/drip": drip(60, 0.1)}) as srv:
        r = get(srv.url("/drip"), limits)
    assert r.error == "timeout" and "max_time" in r.detail
    assert r.elapsed_ms < 4000  # stopped well before the server finished


def test_body_larger_than_the_cap():
    limits = Limits(max_bytes=50_000)
    big = b"<p>" + b"x" * 200_000
    with serve({"/sized": Response(body=big), "/unsized": unsized(big)}) as srv:
        sized = get(srv.url("/sized"), limits)
        unsized_ = get(srv.url("/unsized"), limits)
    assert sized.error == "too-large" and "Content-Length" in sized.detail
    assert unsized_.error == "too-large" and unsized_.body is None


def test_gzip_is_decoded_and_a_decompression_bomb_is_capped():
    bomb = gzip.compress(b"\0" * 20_000_000)  # ~20 KB on the wire, 20 MB decoded
    routes = {"/gz": gzipped("<title>caf\u00e9</title>"),
              "/bomb": Response(body=bomb, headers={"Content-Encoding": "gzip"})}
    with serve(routes) as srv:
        ok = get(srv.url("/gz"))
        boom = get(srv.url("/bomb"), Limits(max_bytes=1_000_000))
    assert ok.body == "<title>caf\u00e9</title>".encode()
    assert boom.error == "too-large" and "decompressed" in boom.detail
    assert len(bomb) < 1_000_000  # the cap was hit after decoding, not on the wire


def test_unsupported_or_broken_content_encoding():
    routes = {"/br": Response(body=b"\x8b\x02\x80", headers={"Content-Encoding": "br"}),
              "/badgz": Response(body=b"not gzip at all", headers={"Content-Encoding": "gzip"})}
    with serve(routes) as srv:
        assert get(srv.url("/br")).error == "bad-encoding"
        assert get(srv.url("/badgz")).error == "bad-encoding"


def test_network_failures_are_named():
    refused = get(f"http://127.0.0.1:{closed_port()}/")
    assert refused.error == "refused" and refused.status is None and refused.detail
    dns = get("http://no-such-host.invalid/")
    assert dns.error == "dns"
    with serve({"/": page("plain http")}) as srv:
        tls = get(srv.url("/").replace("http://", "https://"))
    assert tls.error == "tls"
    with serve({"/rst": reset()}) as srv:
        rst = get(srv.url("/rst"))
    assert rst.error == "reset"


def test_body_is_only_read_when_wanted():
    with serve({"/doc.pdf": Response(body=b"%PDF-1.4" + b"0" * 500_000, content_type="application/pdf")}) as srv:
        with new_session("seotool-test/1") as session:
            r = fetch(srv.url("/doc.pdf"), session, LIMITS, want_body=lambda status, h: "html" in h.get("Content-Type", ""))
    assert r.ok and r.status == 200 and r.body is None and r.size == 500_008  # no too-large: never read


def test_user_agent_names_seotool_and_version():
    from seotool import USER_AGENT, __version__

    with serve({"/": page("x")}) as srv:
        with new_session(USER_AGENT) as session:
            fetch(srv.url("/"), session, LIMITS)
        ua = srv.log[0][2]["User-Agent"]
    assert ua.startswith("seotool/") and __version__ in ua


def test_a_session_sends_its_headers_and_a_site_cookie_back_to_that_site_only():
    with serve({"/x": page("other")}) as other:
        sets = Response(body=b"<html></html>", headers={"Set-Cookie": "sid=abc; Path=/"})
        with serve({"/login": sets, "/next": page("next"), "/away": redirect(other.url("/x").replace("127.0.0.1", "localhost"))}) as srv:
            with new_session("seotool-test/1") as session:
                for path in ("/login", "/next", "/away"):
                    assert fetch(srv.url(path), session, LIMITS, want_body=True).status == 200
            sent = {path: headers for _method, path, headers in srv.log}
            assert sent["/next"].get("Cookie") == "sid=abc"
            assert sent["/login"].get("User-Agent") == "seotool-test/1"
            assert "gzip" in sent["/login"].get("Accept-Encoding", "")
            assert other.log and not any("Cookie" in headers for _m, _p, headers in other.log)  # cookies ignore ports: another host name

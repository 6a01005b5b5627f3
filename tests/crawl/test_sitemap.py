"""Sitemaps: parsing (urlset, index, gzip, text, broken) and crawling from them."""

from __future__ import annotations

import gzip

from seotool.crawl.sitemap import parse_sitemap
from seotool.site import FETCHED, SKIPPED
from seotool.urls import normalize
from tests.crawl.helpers import get_paths, html, record, run_crawl
from tests.support.server import Response, page, serve, status

NS = 'xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"'


def urlset(*urls: str, ns: str = NS) -> str:
    return f'<?xml version="1.0"?><urlset {ns}>' + "".join(f"<url><loc> {u} </loc></url>" for u in urls) + "</urlset>"


def index(*urls: str) -> str:
    return f'<?xml version="1.0"?><sitemapindex {NS}>' + "".join(f"<sitemap><loc>{u}</loc></sitemap>" for u in urls) + "</sitemapindex>"


def test_parse_kinds():
    assert parse_sitemap(urlset("http://a.example/1", "http://a.example/2").encode()).locs == ["http://a.example/1", "http://a.example/2"]
    assert parse_sitemap(urlset("http://a.example/1", ns="").encode()).kind == "urlset"  # no namespace
    idx = parse_sitemap(index("http://a.example/s1.xml").encode())
    assert (idx.kind, idx.locs) == ("index", ["http://a.example/s1.xml"])
    gz = parse_sitemap(gzip.compress(urlset("http://a.example/z").encode()))
    assert (gz.kind, gz.locs) == ("urlset", ["http://a.example/z"])
    text = parse_sitemap(b"http://a.example/1\n\nhttps://a.example/2\n")
    assert (text.kind, text.locs) == ("text", ["http://a.example/1", "https://a.example/2"])


def test_parse_bad_input():
    assert parse_sitemap(b"<html><body>not a sitemap</body></html>").kind == "invalid"
    assert parse_sitemap(b"\x00\xff garbage").kind == "invalid"
    broken = parse_sitemap((urlset("http://a.example/1")[:-10]).encode())
    assert broken.locs == ["http://a.example/1"] and broken.error  # keeps what it read
    bomb = b'<?xml version="1.0"?><!DOCTYPE l [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">' \
        b'<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;"><!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">' \
        b'<!ENTITY e "&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;"><!ENTITY f "&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;">' \
        b'<!ENTITY g "&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;"><!ENTITY h "&g;&g;&g;&g;&g;&g;&g;&g;&g;&g;">]>' \
        b'<urlset><url><loc>&h;</loc></url></urlset>'
    refused = parse_sitemap(bomb)  # expat refuses the expansion
    assert refused.kind == "invalid" and refused.locs == [] and "invalid XML" in refused.error


def test_crawl_starts_from_sitemap_xml():
    with serve({}) as other:
        with serve({}) as srv:
            srv.routes.update({
                "/": page(html("/linked")), "/linked": page(html()), "/orphan/": page(html()),
                "/sitemap.xml": Response(body=urlset(srv.url("/"), srv.url("/orphan/"), other.url("/elsewhere")),
                                         content_type="application/xml"),
            })
            site = run_crawl(srv.url("/"), sitemap=True)
    orphan = record(site, srv.url("/orphan"))
    assert (orphan.state, orphan.depth, orphan.referrer) == (FETCHED, 1, srv.url("/sitemap.xml"))
    assert site.sitemap_urls == {normalize(srv.url("/")), normalize(srv.url("/orphan")), normalize(other.url("/elsewhere"))}
    assert record(site, other.url("/elsewhere")).reason == "out-of-scope"
    assert record(site, srv.url("/linked")).state == FETCHED
    assert site.notes == []


def test_sitemap_index_from_robots_txt_with_gzipped_child():
    with serve({}) as srv:
        srv.routes.update({
            "/robots.txt": Response(body=f"User-agent: *\nDisallow: /nope\nSitemap: {srv.url('/idx.xml')}\n", content_type="text/plain"),
            "/": page(html()),
            "/idx.xml": Response(body=index(srv.url("/one.xml"), srv.url("/two.xml.gz")), content_type="application/xml"),
            "/one.xml": Response(body=urlset(srv.url("/a"), srv.url("/nope")), content_type="application/xml"),
            "/two.xml.gz": Response(body=gzip.compress(urlset(srv.url("/b")).encode()), content_type="application/gzip"),
            "/a": page(html()), "/b": page(html()),
        })
        site = run_crawl(srv.url("/"), sitemap=True)
        assert srv.hits["/sitemap.xml"] == 0  # robots.txt named the sitemaps
        assert srv.hits["/nope"] == 0
    assert record(site, srv.url("/a")).state == record(site, srv.url("/b")).state == FETCHED
    assert (record(site, srv.url("/nope")).state, record(site, srv.url("/nope")).reason) == (SKIPPED, "robots")
    assert normalize(srv.url("/b")) in site.sitemap_urls


def test_sitemap_problems_become_notes_and_a_missing_one_is_silent():
    with serve({"/": page(html())}) as srv:
        site = run_crawl(srv.url("/"), sitemap=True)
        assert srv.hits["/sitemap.xml"] == 1
    assert site.notes == [] and site.sitemap_urls == set()
    with serve({"/": page(html()), "/sitemap.xml": status(500)}) as srv:
        site = run_crawl(srv.url("/"), sitemap=True)
    assert any("sitemap" in n and "500" in n for n in site.notes)
    with serve({"/": page(html()), "/sitemap.xml": page("<html>oops</html>")}) as srv:
        site = run_crawl(srv.url("/"), sitemap=True)
    assert any("not a sitemap" in n for n in site.notes)


def test_sitemap_is_off_when_disabled():
    with serve({"/": page(html())}) as srv:
        run_crawl(srv.url("/"), sitemap=False)
        assert get_paths(srv) == ["/"]

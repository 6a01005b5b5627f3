"""The links family on crawled sites: the crawler's answers are reused (no second request), the
prober fills in the rest, and on a generated site every known broken link is reported with its
source pages and nothing else is."""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Any

from checks import registry
from seotool.audit import AuditOptions, run_audit
from tests.links.helpers import config
from tests.links.sitegen import generate
from tests.support.server import Response, page, redirect, serve


def crawl_audit(url: str, extra: dict[str, Any] | None = None, families=("links",)) -> dict[str, Any]:
    extra = {"crawl": {"max_pages": 5000, "concurrency": 4, "per_host_concurrency": 4}, **(extra or {})}
    return run_audit([url], config(extra), registry(), AuditOptions(families=list(families) if families else None,
                                                                     quiet=True))


HOME = """<!doctype html><html><head><title>Home</title><link rel="stylesheet" href="/site.css">
<link rel="icon" href="/favicon.ico"></head><body><main><h1>Clinic</h1>
<p><a href="/about">About</a> <a href="/about#team">Team</a> <a href="/about#nobody">Nobody</a>
<a href="/old-contact">Contact</a> <a href="/forms/intake.pdf">Intake form</a> <a href="/gone">Gone</a>
<a href="/refresh">Refresh</a> <img src="/img/logo.png" srcset="/img/logo.png 1x, /img/logo@2x.png 2x" alt="logo">
<a href="{ext}/ok">Partner</a> <a href="{ext}/missing">Old partner</a> <a href="{ext}/cf">Reviews</a></p>
</main></body></html>"""


def test_crawled_site_reuses_the_crawl_and_reports_each_state():
    with serve({"/ok": page("ok"), "/cf": Response(status=403, headers={"cf-mitigated": "challenge"})}) as ext:
        routes = {
            "/about": page('<html><body><h2 id="team">Team</h2></body></html>'),
            "/old-contact": redirect("/contact", 301),
            "/contact": page("<html><body>contact</body></html>"),
            "/forms/intake.pdf": Response(body=b"%PDF", content_type="application/pdf"),
            "/site.css": Response(body="body{}", content_type="text/css"),
            "/favicon.ico": Response(body=b"ico", content_type="image/x-icon"),
            "/img/logo.png": Response(body=b"png", content_type="image/png"),
            "/refresh": page('<html><head><meta http-equiv="refresh" content="0; url=/moved-away"></head></html>'),
        }
        routes["/"] = page(HOME.replace("{ext}", ext.origin))
        with serve(routes) as srv:
            result = crawl_audit(srv.url("/"))
            got = sorted((f["rule"], f["excerpt"] or f["element"]) for f in result["findings"])
            assert got == sorted([
                ("links.broken-link", "/moved-away"),  # meta refresh target, on /refresh
                ("links.broken-link", "Gone"),
                ("links.broken-link", "Old partner"),
                ("links.broken-link", "/img/logo@2x.png"),  # a srcset candidate
                ("links.could-not-verify", "Reviews"),
                ("links.missing-fragment", "Nobody"),
                ("links.redirect", "Contact"),
            ])
            redirect_finding = next(f for f in result["findings"] if f["rule"] == "links.redirect")
            assert redirect_finding["severity"] == "warning"  # internal: you control both ends
            # Pages the crawler fetched are not requested again by the prober.
            for path in ("/about", "/contact", "/refresh"):
                assert srv.hits[path] == 1, path
            assert srv.hits["/old-contact"] == 1
            summary = result["summary"]["links"]
            assert {b["url"] for b in summary["broken"]} == {srv.url("/gone"), srv.url("/moved-away"),
                                                             ext.url("/missing"), srv.url("/img/logo@2x.png")}


def test_generated_site_reports_every_broken_link_and_nothing_else(tmp_path: Path):
    ext_root = tmp_path / "ext"
    ext_root.mkdir()
    with serve(static_root=ext_root) as ext:
        site = generate(tmp_path / "site", ext_root, 120, ext.origin)
        with serve(static_root=site.root) as srv:
            result = crawl_audit(srv.url("/"))
            fetched = Counter(p["state"] for p in result["pages"])
            assert fetched["fetched"] >= len(site.pages) - 1  # /index.html is only linked as /

            def target_key(url: str) -> str:
                if url.startswith(ext.origin):
                    return "ext:" + url[len(ext.origin):]
                return url[len(srv.origin):]

            def source(url: str) -> str:
                path = url[len(srv.origin):]
                return path + "index.html" if path.endswith("/") else path

            reported: dict[str, set[str]] = {}
            for f in result["findings"]:
                assert f["rule"] in ("links.broken-link",), f  # nothing unreachable, redirected or unverifiable
                reported.setdefault(target_key(f["data"]["target"]), set()).add(source(f["url"]))
            assert reported == site.broken
            summary = {target_key(b["url"]): b["pages"] for b in result["summary"]["links"]["broken"]}
            assert summary == {t: len(pages) for t, pages in site.broken.items()}


def test_links_robots_txt_keeps_out_are_not_requested():
    robots = Response(body="User-agent: *\nDisallow: /private\n", content_type="text/plain")
    home = page('<html><body><main><p><a href="/private/records">Records</a> <a href="/ok">OK</a></p></main></body></html>')
    with serve({"/": home, "/robots.txt": robots, "/ok": page("ok")}) as srv:
        result = crawl_audit(srv.url("/"))
        assert result["findings"] == []
        assert srv.hits["/private/records"] == 0
        assert result["summary"]["links"]["states"]["not-checked"] == 1


def test_pages_beyond_the_crawl_limit_are_not_requested_by_the_prober():
    home = page('<html><body><main><p>' + " ".join(f'<a href="/p{i}">{i}</a>' for i in range(6))
                + "</p></main></body></html>")
    routes = {"/": home, **{f"/p{i}": page("<p>x</p>") for i in range(6)}}
    with serve(routes) as srv:
        result = crawl_audit(srv.url("/"), {"crawl": {"max_pages": 3, "concurrency": 1, "per_host_concurrency": 1,
                                                      "sitemap": False}})
        assert result["findings"] == []
        assert sum(srv.hits[f"/p{i}"] for i in range(6)) == 2  # the two pages the budget allowed
        assert result["summary"]["links"]["states"] == {"not-checked": 4, "ok": 2}

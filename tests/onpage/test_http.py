"""The onpage rules on a crawled site: the clean fixture served on 127.0.0.1 and crawled for real,
with redirects, error statuses and response headers the folder audit cannot have."""

from __future__ import annotations

import tempfile
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import frontmatter

from checks import registry
from seotool.audit import AuditOptions, run_audit
from seotool.markdown import render_markdown
from tests.onpage.support import PROD, by_rule, edited, site_files
from tests.support.examples import example_config
from tests.support.server import Response, page, redirect, serve, status


def _as_html(files: dict[str, str]) -> dict[str, str]:
    """The clean site as a web server would serve it: the Markdown article rendered into the
    template at the .html path the menu links to."""
    files = dict(files)
    md = files.pop("blog/first-visit.md")
    meta = frontmatter.loads(md).metadata
    body, _, _ = render_markdown(md)
    shell = files["about.html"]
    head_start, head_end = shell.index("<title>"), shell.index("</head>")
    main_start, main_end = shell.index("<main>"), shell.index("</main>")
    files["blog/first-visit.html"] = (
        shell[:head_start]
        + f'<title>{meta["title"]}</title>\n<meta name="description" content="{meta["description"]}">\n'
        + f'<link rel="canonical" href="{PROD}/blog/first-visit.html">\n'
        + shell[head_end:main_start] + "<main>\n" + body + shell[main_end:]
    )
    return files


@contextmanager
def crawled(edits: dict[str, Any] | None = None, routes: dict[str, Response] | None = None):
    """Serve the clean site (production URLs replaced by the server's origin) and crawl it; yields
    (findings by rule, server)."""
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        with serve(dict(routes or {}), static_root=root) as srv:
            files = edited(_as_html(site_files()), edits or {})
            for name, text in files.items():
                path = root / name
                path.parent.mkdir(parents=True, exist_ok=True)
                path.write_text(text.replace(PROD, srv.origin).replace("{origin}", srv.origin), encoding="utf-8")
            config = example_config(["onpage"], {})
            result = run_audit([srv.url("/")], config, registry(), AuditOptions(quiet=True))
            yield by_rule(result["findings"]), srv


SCIATICA = "conditions/sciatica.html"
OWN = f'<link rel="canonical" href="{PROD}/conditions/sciatica.html">'


def test_clean_site_over_http_has_no_onpage_findings():
    with crawled() as (found, _):
        assert found == {}, {r: [(f["url"], f["message"]) for f in fs] for r, fs in found.items()}


def test_canonical_to_a_redirect_suggests_the_final_url():
    routes = {"/conditions/sciatica-old.html": redirect("/conditions/sciatica.html", 301)}
    with crawled({SCIATICA: (OWN, '<link rel="canonical" href="{origin}/conditions/sciatica-old.html">')}, routes) as (found, srv):
        [f] = found["onpage.canonical-target"]
        assert f["url"] == srv.url("/" + SCIATICA)
        assert f["excerpt"] == srv.url("/conditions/sciatica-old.html")
        assert f["message"].startswith(f"The canonical URL redirects to {srv.url('/' + SCIATICA)}")
        assert f'href="{srv.url("/" + SCIATICA)}"' in f["suggestion"]
        assert srv.hits["/conditions/sciatica-old.html"] >= 1  # asked by the prober: nothing links to it


def test_canonical_to_an_error_page():
    routes = {"/conditions/sciatica-gone.html": status(410), "/conditions/sciatica-down.html": status(500)}
    edits = {SCIATICA: (OWN, '<link rel="canonical" href="{origin}/conditions/sciatica-gone.html">'),
             "about.html": (f'<link rel="canonical" href="{PROD}/about.html">',
                            '<link rel="canonical" href="{origin}/conditions/sciatica-down.html">')}
    with crawled(edits, routes) as (found, srv):
        got = {f["url"].rsplit("/", 1)[-1]: f["message"] for f in found["onpage.canonical-target"]}
        assert got["sciatica.html"].startswith("The canonical URL answers 410")
        assert got["about.html"].startswith("The canonical URL answers 500")


def test_link_header_canonical_that_disagrees_with_the_tag():
    header = {"Link": '<https://elsewhere.example/sciatica>; rel="canonical"'}
    body = _as_html(site_files())[SCIATICA].replace(PROD, "{origin}")
    with crawled(routes=_fill({"/conditions/sciatica.html": page(body, headers=header)})) as (found, srv):
        [f] = found["onpage.canonical-conflict"]
        assert f["excerpt"] == "https://elsewhere.example/sciatica" and "2 different canonical URLs" in f["message"]


def _fill(routes: dict[str, Response]) -> dict[str, Response]:
    """Routes whose bodies mention {origin}: replaced when served (see _OriginRoute)."""
    return {path: _OriginRoute(r) for path, r in routes.items()}


class _OriginRoute:
    def __init__(self, response: Response) -> None:
        self.response = response

    def __call__(self, handler, method: str) -> None:
        origin = f"http://127.0.0.1:{handler.server.server_address[1]}"
        body = self.response.body
        text = body.decode() if isinstance(body, bytes) else body
        Response(self.response.status, text.replace("{origin}", origin), self.response.headers,
                 self.response.content_type)(handler, method)


def test_x_robots_tag_noindex_on_a_sitemap_page():
    files = _as_html(site_files())
    routes = _fill({"/about.html": page(files["about.html"].replace(PROD, "{origin}"), headers={"X-Robots-Tag": "noindex"})})
    with crawled(routes=routes) as (found, srv):
        [f] = found["onpage.noindex-in-sitemap"]
        assert f["url"] == srv.url("/about.html") and f["element"] == "X-Robots-Tag: noindex"


def test_sitemap_urls_that_redirect_fail_or_are_missing():
    extra = "".join(f"<url><loc>{PROD}{p}</loc></url>" for p in ("/old-sciatica/", "/services/botox/", "/flaky.html"))
    routes = {"/old-sciatica/": redirect("/conditions/sciatica.html", 301), "/flaky.html": status(503)}
    sitemap = site_files()["sitemap.xml"].replace("</urlset>", extra + "</urlset>")
    with crawled({"sitemap.xml": sitemap}, routes) as (found, srv):
        # (the crawler keeps sitemap URLs in its normal form, without the trailing slash)
        got = {f["excerpt"].replace(srv.origin, "").rstrip("/"): f["message"] for f in found["onpage.sitemap-url-status"]}
        assert set(got) == {"/old-sciatica", "/services/botox", "/flaky.html"}
        assert got["/old-sciatica"].endswith(f"which redirects to {srv.url('/conditions/sciatica.html')}.")
        assert got["/services/botox"].endswith("which answers 404.")
        assert got["/flaky.html"].endswith("which answers 503.")


def test_orphan_page_found_only_through_the_sitemap():
    link = '<li><a href="/conditions/sciatica.html">Sciatica</a></li>'
    edits = {name: (link, "") for name, text in _as_html(site_files()).items() if link in text}
    with crawled(edits) as (found, srv):
        [f] = found["onpage.orphan-page"]
        assert f["url"] == srv.url("/conditions/sciatica.html") and f["excerpt"] == f["url"]


def test_canonical_that_redirects_to_an_error():
    routes = {"/sciatica/": redirect("/sciatica-removed/", 301)}
    with crawled({SCIATICA: (OWN, '<link rel="canonical" href="{origin}/sciatica/">')}, routes) as (found, srv):
        [f] = found["onpage.canonical-target"]
        assert f["message"].startswith(f"The canonical URL redirects to {srv.url('/sciatica-removed/')}, which answers 404")
        assert "live page" in f["suggestion"]


def test_error_pages_are_not_judged_on_their_content():
    # A 404 page with no title, no H1, no lang and an image without alt: the status is the links
    # family's business; the template of an error page is not content (end to end here; the
    # guard itself is tested on a parsed 404 page in test_error_pages.py).
    routes = {"/old-news.html": status(404, headers={})}
    routes["/old-news.html"].body = '<html><body><p>Not found</p><img src="/404.png"></body></html>'
    edits = {"about.html": ("<p>Four physicians", '<p>See <a href="/old-news.html">our 2015 news</a>. Four physicians')}
    with crawled(edits, routes) as (found, srv):
        assert srv.hits["/old-news.html"] >= 1
        assert not [f for fs in found.values() for f in fs if "old-news" in f["url"]], found

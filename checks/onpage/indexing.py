"""The sitemap and the index: sitemap URLs must be live pages that may be indexed and that the
site itself links to."""

from __future__ import annotations

from collections.abc import Iterator

from checks.onpage.markup import doc
from checks.onpage.siteindex import (
    is_home,
    live_only,
    noindex_directive,
    page_at,
    shown_url,
    sitemap_entry,
    target_state,
)
from seotool.page import Page
from seotool.rules import Example, Finding, Rule, Severity, Source
from seotool.site import SKIPPED, Site

GOOGLE_SITEMAPS = Source("Google Search Central: build and submit a sitemap",
                         "https://developers.google.com/search/docs/crawling-indexing/sitemaps/build-sitemap")
GOOGLE_NOINDEX = Source("Google Search Central: block indexing with noindex",
                        "https://developers.google.com/search/docs/crawling-indexing/block-indexing")


@live_only
def check_noindex_in_sitemap(page: Page, site: Site) -> Iterator[Finding]:
    directive = noindex_directive(page)
    if directive is None:
        return
    listed = sitemap_entry(site, page)
    if listed is None:
        return
    listed = shown_url(site, listed)
    in_meta = any(directive == v.strip() for v in page.meta.get("robots", []) + page.meta.get("googlebot", []))
    shown = f'<meta name="robots" content="{directive}">' if in_meta else f"X-Robots-Tag: {directive}"
    yield NOINDEX_IN_SITEMAP.finding(
        page, f"The page is noindex but the sitemap lists it ({listed}).", excerpt=directive, element=shown,
        suggestion="Remove the page from the sitemap if it should stay out of search, or remove the noindex.",
        data={"sitemap_url": listed},
    )


def check_sitemap_status(site: Site) -> Iterator[Finding]:
    for url in sorted(site.sitemap_urls):
        state = target_state(site, url)
        if state is None or state.ok:
            continue
        listed = shown_url(site, url)
        problem = state.problem(site)
        fix = (f"List the final URL instead: {shown_url(site, state.final_url)}"
               if state.status == 200 and state.final_url else "Remove the URL from the sitemap, or restore the page.")
        yield SITEMAP_URL_STATUS.finding(
            None, f"The sitemap lists {listed}, which {problem}.", url=site.display_url(url), excerpt=listed,
            element=f"<loc>{listed}</loc>", suggestion=fix,
            data={"status": state.status, "final_url": state.final_url, "error": state.error},
        )


def check_orphans(site: Site) -> Iterator[Finding]:
    inbound = _linked_pages(site)
    incomplete = any(r.state == SKIPPED and r.reason in ("limit-reached", "depth-limit") for r in site.records.values())
    for page in site.pages:
        if id(page) in inbound or page.status != 200 or is_home(site, page):
            continue
        listed = sitemap_entry(site, page)
        if listed is None:
            continue
        listed = shown_url(site, listed)
        msg = "The sitemap lists this page but no other page links to it."
        if incomplete:
            msg += " (The crawl stopped at a limit, so a page not crawled may link to it.)"
        yield ORPHAN_PAGE.finding(
            page, msg, excerpt=listed, element=f"<loc>{listed}</loc>", confidence="low" if incomplete else None,
            suggestion="Link to it from a related page or the navigation, or drop it from the sitemap if it is obsolete.",
        )


def _linked_pages(site: Site) -> set[int]:
    """ids of the pages some other page links to with <a>/<area href>."""
    targets: dict[str, Page | None] = {}
    linked: set[int] = set()
    for page in site.pages:
        for link in page.links:
            if link.attr != "href" or link.tag not in ("a", "area") or not link.url:
                continue
            if link.url not in targets:
                targets[link.url] = page_at(site, link.url)
            target = targets[link.url]
            if target is not None and target is not page:
                linked.add(id(target))
    return linked


_NOINDEX = '<meta name="robots" content="noindex, follow">'
_HOME = '<h1>Home</h1><a href="ketamine.html">Ketamine therapy</a>'


def _sitemap(*paths: str) -> str:
    locs = "".join(f"<url><loc>https://www.blueridgeclinic.com/{p}</loc></url>" for p in paths)
    return f'<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{locs}</urlset>'


def _http_sitemap(*paths: str) -> str:
    """A sitemap served over HTTP by an example: ``{origin}`` is the test server's origin."""
    locs = "".join(f"<url><loc>{{origin}}/{p}</loc></url>" for p in paths)
    return f'<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{locs}</urlset>'


_PROD = {"site": {"url": "https://www.blueridgeclinic.com"}}

NOINDEX_IN_SITEMAP = Rule(
    id="onpage.noindex-in-sitemap",
    title="Noindex page listed in the sitemap",
    severity=Severity.WARNING,
    what="Flags pages listed in the sitemap that carry noindex (meta robots or googlebot, or an "
         "X-Robots-Tag header).",
    why="A sitemap asks search engines to index its URLs; noindex asks them not to. Google reports the "
        "contradiction in Search Console and may crawl the page in vain.",
    fix="Take the page out of the sitemap, or remove the noindex if it should be found.",
    bad=(Example(files={"index.html": doc(body=_HOME), "ketamine.html": doc(head=_NOINDEX),
                        "sitemap.xml": _sitemap("", "ketamine.html")}, config=_PROD),),
    good=(Example(files={"index.html": doc(body=_HOME), "ketamine.html": doc(head=_NOINDEX),
                         "sitemap.xml": _sitemap("")}, config=_PROD),),
    check=check_noindex_in_sitemap,
    source=GOOGLE_NOINDEX,
)

SITEMAP_URL_STATUS = Rule(
    id="onpage.sitemap-url-status",
    title="Sitemap URL does not answer 200",
    severity=Severity.WARNING,
    what="Flags sitemap URLs that answer an error, redirect, or cannot be fetched (from the crawl, or the "
         "prober for URLs the crawl did not fetch).",
    why="A sitemap should list only live, final URLs. Errors and redirects waste crawl budget and make "
        "search engines trust the sitemap less.",
    fix="List the final 200 URL of every page, and remove pages that are gone.",
    bad=(Example(files={"index.html": doc(body=_HOME), "ketamine.html": doc(),
                        "sitemap.xml": _http_sitemap("", "ketamine.html", "old-page.html")}, serve=True),
         Example(files={"index.html": doc(body=_HOME), "ketamine.html": doc(),
                        "sitemap.xml": _sitemap("", "ketamine.html", "old-page.html")}, config=_PROD)),
    good=(Example(files={"index.html": doc(body=_HOME), "ketamine.html": doc(),
                         "sitemap.xml": _http_sitemap("", "ketamine.html")}, serve=True),
          Example(files={"index.html": doc(body=_HOME), "ketamine.html": doc(),
                         "sitemap.xml": _sitemap("", "ketamine.html")}, config=_PROD)),
    check=check_sitemap_status,
    scope="site",
    needs=frozenset({"probes"}),
    source=GOOGLE_SITEMAPS,
)

ORPHAN_PAGE = Rule(
    id="onpage.orphan-page",
    title="Orphan page (in the sitemap, linked from nowhere)",
    severity=Severity.NOTICE,
    what="Flags pages listed in the sitemap that no other crawled page links to with <a href> (the home "
         "page is exempt).",
    why="Pages without internal links are hard for visitors to reach and are treated as unimportant by "
        "search engines; they are often forgotten, outdated pages.",
    fix="Link to the page from related content or the menu, or retire it and drop it from the sitemap.",
    bad=(Example(files={"index.html": doc(body="<h1>Home</h1>"), "ketamine.html": doc(),
                        "sitemap.xml": _sitemap("", "ketamine.html")}, config=_PROD),),
    good=(Example(files={"index.html": doc(body=_HOME), "ketamine.html": doc(),
                         "sitemap.xml": _sitemap("", "ketamine.html")}, config=_PROD),),
    check=check_orphans,
    scope="site",
    source=GOOGLE_SITEMAPS,
)

RULES = (NOINDEX_IN_SITEMAP, SITEMAP_URL_STATUS, ORPHAN_PAGE)

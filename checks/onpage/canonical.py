"""rel=canonical: present, absolute, pointing at a live page that is not a redirect, and not
contradicted by another canonical (on the page, in the Link header, or on the target page)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from urllib.parse import urlsplit

from checks.onpage.markup import doc
from checks.onpage.siteindex import (
    canonical_target,
    is_markdown,
    live_only,
    noindex_directive,
    page_at,
    shown_url,
    target_state,
    to_site_url,
    url_key,
)
from seotool.page import Page
from seotool.rules import Example, Finding, Rule, Severity, Source
from seotool.site import Site

GOOGLE_CANONICAL = Source("Google Search Central: specify a canonical URL",
                          "https://developers.google.com/search/docs/crawling-indexing/consolidate-duplicate-urls")
_LINK_HEADER = re.compile(r"<([^>]*)>\s*;([^,]*)")
_SCHEME = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*:")


def header_canonicals(page: Page) -> list[str]:
    """Canonicals sent in an HTTP ``Link: <url>; rel="canonical"`` header."""
    out = []
    for m in _LINK_HEADER.finditer(page.headers.get("link", "")):
        if re.search(r'rel\s*=\s*"?[^";]*\bcanonical\b', m.group(2), re.I):
            out.append(m.group(1).strip())
    return out


def element(href: str) -> str:
    return f'<link rel="canonical" href="{href}">'


@live_only
def check_missing(page: Page, site: Site) -> Iterator[Finding]:
    if is_markdown(page) or page.canonicals or header_canonicals(page):
        return
    yield CANONICAL_MISSING.finding(
        page, "The page has no rel=canonical link.", element="<head>",
        suggestion=f'Add {element(_suggested(site, page))} to the <head> (its own preferred URL).',
    )


def _suggested(site: Site, page: Page) -> str:
    prod = str(site.config.section("site").get("url") or "").rstrip("/")
    if site.is_local:
        path = page.url
        for index in ("index.html", "index.htm"):
            if path == index or path.endswith("/" + index):
                path = path[: -len(index)]
        return f"{prod}/{path}" if prod else f"https://www.example.com/{path}"
    return page.final_url


@live_only
def check_relative(page: Page, site: Site) -> Iterator[Finding]:
    for href in [*page.canonicals, *header_canonicals(page)]:
        if href.strip() and not _SCHEME.match(href.strip()):
            absolute = page.resolve(href)
            yield CANONICAL_RELATIVE.finding(
                page, "The canonical URL is relative; search engines may resolve it differently than you expect.",
                excerpt=href, element=element(href), key=href,
                suggestion=f"Use the full URL: {element(shown_url(site, absolute or href))}",
            )


def _web_address(url: str | None) -> bool:
    try:
        parts = urlsplit(url or "")
        return parts.scheme in ("http", "https") and bool(parts.hostname)
    except ValueError:
        return False


@live_only
def check_target(page: Page, site: Site) -> Iterator[Finding]:
    if not page.canonicals:
        return
    href = page.canonicals[0]
    if not _web_address(page.resolve(href)):
        yield CANONICAL_TARGET.finding(
            page, "The canonical URL is not a valid web address." if href.strip() else
            "The canonical link has an empty href.", excerpt=href, element=element(href),
            suggestion=f"Use the page's full URL: {element(_suggested(site, page))}",
        )
        return
    target = canonical_target(site, page)
    if not target or url_key(target) == url_key(page.final_url):
        return
    state = target_state(site, target)
    if state is None or state.ok:
        return
    problem = state.problem(site)
    fix = (f"Point the canonical at the final URL: {element(shown_url(site, state.final_url))}"
           if state.redirected and state.status == 200 and state.final_url
           else "Point the canonical at a live page (usually this page's own URL).")
    yield CANONICAL_TARGET.finding(
        page, f"The canonical URL {problem}; search engines ignore a canonical that is not a live page.",
        excerpt=href, element=element(href), suggestion=fix,
        data={"status": state.status, "final_url": state.final_url, "error": state.error},
    )


def _resolved(site: Site, page: Page, href: str) -> str:
    url = page.resolve(href)
    return url_key(to_site_url(site, url)) if url else href


def check_conflict(site: Site) -> Iterator[Finding]:
    for page in site.pages:
        if page.status != 200:
            continue
        yield from _own_conflicts(site, page)
        yield from _target_conflicts(site, page)


def _own_conflicts(site: Site, page: Page) -> Iterator[Finding]:
    """Several canonicals on one page (tags or Link header) that name different URLs."""
    hrefs = [*page.canonicals, *header_canonicals(page)]
    distinct: dict[str, str] = {}
    for href in hrefs:
        if href.strip():
            distinct.setdefault(_resolved(site, page, href), href)
    if len(distinct) > 1:
        listed = ", ".join(distinct.values())
        second = list(distinct.values())[1]
        yield CANONICAL_CONFLICT.finding(
            page, f"The page names {len(distinct)} different canonical URLs ({listed}); search engines then "
                  "ignore all of them.", excerpt=second, element=element(second), key="own",
            suggestion="Keep one rel=canonical (check the theme, SEO plugin and server headers for extra ones).",
        )


def _target_conflicts(site: Site, page: Page) -> Iterator[Finding]:
    """The canonical target disagrees: it names yet another URL (a chain or loop) or is noindex."""
    target = canonical_target(site, page)
    if not target:
        return
    other = page_at(site, target)
    if other is None or other is page:
        return
    href = page.canonicals[0]
    onward = canonical_target(site, other)
    if onward and page_at(site, onward) is not other and url_key(onward) != url_key(other.final_url):
        if page_at(site, onward) is page or url_key(onward) == url_key(page.final_url):
            msg = f"This page names {other.url} as canonical, but {other.url} names this page: a loop."
        else:
            msg = (f"This page names {other.url} as canonical, but {other.url} names "
                   f"{shown_url(site, onward)}: a chain search engines may not follow.")
        yield CANONICAL_CONFLICT.finding(
            page, msg, excerpt=href, element=element(href), key="target",
            suggestion="Point every duplicate straight at the one preferred URL, and give that page a "
                       "canonical to itself.", data={"target": other.url, "onward": onward},
        )
    elif noindex_directive(other):
        yield CANONICAL_CONFLICT.finding(
            page, f"This page names {other.url} as canonical, but {other.url} is noindex "
                  f"(“{noindex_directive(other)}”): the signals contradict each other.",
            excerpt=href, element=element(href), key="noindex",
            suggestion="Either remove the noindex from the preferred page or point the canonical elsewhere.",
        )


_PROD = {"site": {"url": "https://www.blueridgeclinic.com"}}
_SELF = '<link rel="canonical" href="https://www.blueridgeclinic.com/">'

CANONICAL_MISSING = Rule(
    id="onpage.canonical-missing",
    title="Page has no canonical URL",
    severity=Severity.NOTICE,
    what="Flags HTML pages without a <link rel=\"canonical\"> (or a canonical Link header). Markdown "
         "sources are skipped: their template writes the <head>.",
    why="URLs with tracking parameters, trailing slashes or http/https variants all serve the same "
        "page; a canonical tells search engines which one to list and where to credit links.",
    fix="Add a self-referencing canonical with the page's full preferred URL to every page.",
    bad=(Example.of(doc()),),
    good=(Example.of(doc(head=_SELF)),),
    check=check_missing,
    source=GOOGLE_CANONICAL,
)

CANONICAL_RELATIVE = Rule(
    id="onpage.canonical-relative",
    title="Canonical URL is relative",
    severity=Severity.WARNING,
    what="Flags canonical URLs written without scheme and host (`/about`, `about.html`, `//host/about`). "
         "Invalid ones (`javascript:`, empty) are onpage.canonical-target's.",
    why="Google asks for absolute canonical URLs: a relative one is resolved against whatever URL the "
        "page was fetched from, so a copy on a staging host or http:// variant canonicalises to itself.",
    fix="Write the full URL, e.g. https://www.example.com/about/.",
    bad=(Example.of(doc(head='<link rel="canonical" href="/services/ketamine/">')),),
    good=(Example.of(doc(head='<link rel="canonical" href="https://www.blueridgeclinic.com/services/ketamine/">')),),
    check=check_relative,
    source=GOOGLE_CANONICAL,
)

CANONICAL_TARGET = Rule(
    id="onpage.canonical-target",
    title="Canonical points to a broken or redirected URL",
    severity=Severity.ERROR,
    what="Flags canonicals whose URL does not answer 200 directly: an error status, a redirect or a "
         "failed fetch (from the crawl, or the prober for URLs the crawl did not fetch), and canonicals "
         "that are empty or not an http(s) URL. URLs nothing gathered knows about are not judged.",
    why="A canonical must name the live, final URL. Search engines ignore one that points at an error "
        "page and may drop the page itself; a redirecting canonical sends mixed signals.",
    fix="Point the canonical at the final 200 URL, usually the page's own address.",
    bad=(Example(files={"index.html": doc(head='<link rel="canonical" href="{origin}/old-ketamine/">',
                                          body='<h1>Ketamine</h1><a href="/old-ketamine/">old</a>')},
                 responses={"/old-ketamine/": {"status": 301, "headers": {"Location": "/ketamine/"}, "body": ""}}),
         Example(files={"index.html": doc(head='<link rel="canonical" href="https://www.blueridgeclinic.com/ketamine/">')},
                 config=_PROD),),
    good=(Example(files={"index.html": doc(head='<link rel="canonical" href="https://www.blueridgeclinic.com/ketamine/">'),
                         "ketamine/index.html": doc()}, config=_PROD),
          Example(files={"index.html": doc(head='<link rel="canonical" href="{origin}/">')}, serve=True)),
    check=check_target,
    needs=frozenset({"probes"}),
    source=GOOGLE_CANONICAL,
)

CANONICAL_CONFLICT = Rule(
    id="onpage.canonical-conflict",
    title="Canonical signals conflict",
    severity=Severity.WARNING,
    what="Flags a page with several canonicals naming different URLs (tags, or tag and Link header); a "
         "page whose canonical target names yet another URL (a chain) or names it back (a loop); and a "
         "canonical target that is noindex.",
    why="When canonical hints disagree, search engines ignore them and choose a URL themselves.",
    fix="Give each page one canonical; point duplicates straight at the preferred URL, which names itself.",
    bad=(Example.of(doc(head='<link rel="canonical" href="https://www.blueridgeclinic.com/ketamine/">'
                             '<link rel="canonical" href="https://www.blueridgeclinic.com/ketamine-therapy/">')),
         Example(files={"index.html": doc(head=_SELF, body='<h1>Home</h1><a href="a.html">A</a> <a href="b.html">B</a>'),
                        "a.html": doc(head='<link rel="canonical" href="https://www.blueridgeclinic.com/b.html">'),
                        "b.html": doc(head='<link rel="canonical" href="https://www.blueridgeclinic.com/a.html">')},
                 config=_PROD)),
    good=(Example(files={"index.html": doc(head=_SELF, body='<h1>Home</h1><a href="a.html">A</a> <a href="b.html">B</a>'),
                         "a.html": doc(head='<link rel="canonical" href="https://www.blueridgeclinic.com/b.html">'),
                         "b.html": doc(head='<link rel="canonical" href="https://www.blueridgeclinic.com/b.html">')},
                  config=_PROD),),
    check=check_conflict,
    scope="site",
    source=GOOGLE_CANONICAL,
)

RULES = (CANONICAL_MISSING, CANONICAL_RELATIVE, CANONICAL_TARGET, CANONICAL_CONFLICT)

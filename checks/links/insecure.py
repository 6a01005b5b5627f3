"""Plain-http links and resources on https pages."""

from __future__ import annotations

from collections.abc import Iterable

from checks.links.targets import excerpt, page_targets
from seotool.page import Link, Page
from seotool.rules import Example, Finding, Rule, Severity
from seotool.site import LOCAL_ORIGIN, Site

# Browsers block these outright on an https page (active mixed content).
_ACTIVE = frozenset({"script", "iframe", "embed"})


def _page_is_https(page: Page, site: Site) -> bool:
    if site.is_local:
        # A local build is judged as it will be served: [site] url when given, else https.
        prod = str(site.config.section("site").get("url") or "")
        return not prod.lower().startswith("http://")
    return page.final_url.lower().startswith("https://")


def _is_active(link: Link) -> bool:
    return link.tag in _ACTIVE or (link.tag == "link" and "stylesheet" in link.rel)


def check_insecure(page: Page, site: Site) -> Iterable[Finding]:
    if not _page_is_https(page, site):
        return
    for t in page_targets(page, site):
        if not t.url.lower().startswith("http://") or t.url.startswith(LOCAL_ORIGIN):
            continue  # local files' URLs are a stand-in: relative links take the served page's scheme
        secure = "https://" + t.url[len("http://"):]
        active = _is_active(t.link)
        if active:
            msg = f"Insecure resource on an https page: {t.url} (browsers block it)"
        else:
            msg = f"Insecure link on an https page: {t.url}"
        yield INSECURE.finding(
            page, msg, excerpt=excerpt(t.link), line=t.link.line, section=t.link.section, element=t.link.element,
            key=t.url, severity=Severity.ERROR if active else None,
            suggestion=f"Use {secure} if the site serves https (almost all do).",
            data={"target": t.url, "active": active, "internal": t.internal})


_HOME = '<html><head><title>Clinic</title>{h}</head><body><main><h1>Clinic</h1>{b}</main></body></html>'

INSECURE = Rule(
    id="links.insecure-link",
    title="Insecure (http) link on an https page",
    severity=Severity.WARNING,
    what="Links and resources with http:// addresses on pages served over https (local builds count as "
         "https unless [site] url says http). Scripts, iframes, embeds and stylesheets are errors: browsers "
         "block them as mixed content.",
    why="Plain http can be read and altered on the way, and browsers mark or block it; patients' trust "
        "(and forms about their health) deserve https.",
    fix="Change http:// to https:// (check the https address works first).",
    bad=(
        Example.of(_HOME.format(h="", b='<p>Directions on <a href="http://maps.example.org/clinic">the map</a>.</p>')),
        Example.of(_HOME.format(h='<script src="http://cdn.example.org/widget.js"></script>', b="<p>Hello.</p>")),
    ),
    good=(
        Example.of(_HOME.format(h="", b='<p>Directions on <a href="https://maps.example.org/clinic">the map</a>.</p>')),
        Example.of(_HOME.format(h="", b='<p>Directions on <a href="http://maps.example.org/clinic">the map</a>.</p>'),
                   config={"site": {"url": "http://clinic.example.org"}}),
        Example.of({"index.html": _HOME.format(h='<link rel="stylesheet" href="/site.css">',
                                               b='<p>See <a href="contact.html">contact</a>.</p>'),
                    "contact.html": _HOME.format(h="", b="<p>Call us.</p>"), "site.css": "body{}"}),
    ),
    check=check_insecure,
    needs=frozenset(),
)

RULES = (INSECURE,)

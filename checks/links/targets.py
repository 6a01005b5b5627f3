"""Which of a page's links are checked, grouped by target, and how they map to probes.

Shared by every links rule and by the family's ``probe_targets`` so that what is probed and what
is judged can never drift apart. Results are memoised in ``page.cache``.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple
from urllib.parse import unquote, urldefrag, urlsplit

from checks.links.syntax import link_problem
from seotool.page import Link, Page
from seotool.site import LOCAL_ORIGIN, Probe, Site

# <link rel> values that name an origin to warm up, not a resource that must exist.
_HINT_RELS = frozenset({"preconnect", "dns-prefetch"})
FRAGMENT_TAGS = frozenset({"a", "area", "meta"})
_SKIP_FRAGMENTS = re.compile(r"^(top|!|/|:~:)", re.I)  # #top scrolls up; #! and #/ are app routes


class Target(NamedTuple):  # a named tuple: made for every target of every page, several times cheaper than a dataclass
    """One distinct address a page links to (fragment apart), with its first link and a count."""

    url: str  # absolute, no fragment: the key of its probe
    link: Link  # the first link to it on the page (text, element, line, section)
    count: int
    internal: bool


class FragmentTarget(NamedTuple):
    url: str  # absolute, with fragment
    base: str
    fragment: str
    link: Link
    count: int
    internal: bool


def settings(site: Site) -> dict:
    return site.config.section("links")


def region(site: Site) -> str:
    return str(site.config.clinic.get("country") or "US").upper()


def is_internal(site: Site, url: str) -> bool:
    if site.is_local:
        if url.startswith(LOCAL_ORIGIN):
            return True
        prod = (site.config.section("site").get("url") or "").rstrip("/")
        return bool(prod) and (url == prod or url.startswith(prod + "/"))
    return _host_key(url) in _site_hosts(site)


def _site_hosts(site: Site) -> frozenset[str]:
    hosts = site.cache.get("links.hosts")
    if hosts is None:
        found = {_host_key(t) for t in site.targets}
        found |= {_host_key(p.final_url) for p in site.pages}
        prod = site.config.section("site").get("url")
        if prod:
            found.add(_host_key(prod))
        hosts = site.cache["links.hosts"] = frozenset(found)
    return hosts


@lru_cache(maxsize=65536)  # the same nav and footer URLs on every page
def _host_key(url: str) -> str:
    parts = urlsplit(url)
    host = (parts.hostname or "").lower().removeprefix("www.")
    port = parts.port
    default = {"http": 80, "https": 443}.get(parts.scheme.lower())
    return host if port in (None, default) else f"{host}:{port}"


def _skip_patterns(site: Site) -> list[re.Pattern[str]]:
    pats = site.cache.get("links.skip")
    if pats is None:
        pats = site.cache["links.skip"] = [re.compile(p) for p in settings(site).get("skip_urls") or []]
    return pats


def checkable(page: Page, site: Site) -> list[tuple[Link, str, bool]]:
    """(link, absolute URL with fragment, internal) for each link whose target is requested."""
    cached = page.cache.get("links.checkable")
    if cached is not None:
        return cached
    out: list[tuple[Link, str, bool]] = []
    # The verdict is a pure function of the link as written and the site's settings, and the
    # navigation and footer links repeat on every page: judged once per distinct link.
    verdicts = site.cache.get("links.verdicts")
    if verdicts is None:
        verdicts = site.cache["links.verdicts"] = {}
    for link in page.links:
        key = (link.url, link.href, link.tag, link.tag == "link" and bool(_HINT_RELS.intersection(link.rel)))
        internal = verdicts.get(key)
        if internal is None:
            internal = verdicts[key] = _verdict(site, *key)
        if internal is not _SKIP:
            out.append((link, link.url, internal))
    page.cache["links.checkable"] = out
    return out


_SKIP = "skip"  # a link whose target is not requested (the other verdicts: internal True or False)


def _verdict(site: Site, url: str | None, href: str, tag: str, hint: bool) -> bool | str:
    if not url or not href.strip() or url.split(":", 1)[0].lower() not in ("http", "https"):
        return _SKIP
    if hint:
        return _SKIP
    if link_problem(href, region(site), tag) is not None:
        return _SKIP  # reported as malformed, not requested
    internal = is_internal(site, url)
    if not internal and not bool(settings(site).get("check_external", True)):
        return _SKIP
    if any(p.search(url) for p in _skip_patterns(site)):
        return _SKIP
    return internal


@lru_cache(maxsize=65536)
def _split_fragment(url: str) -> tuple[str, str]:
    return tuple(urldefrag(url))  # type: ignore[return-value]


def defrag(url: str) -> str:
    """``urldefrag(url)[0]``, without parsing the URLs that have no fragment (most of them)."""
    return url if "#" not in url else _split_fragment(url)[0]


def split_fragment(url: str) -> tuple[str, str]:
    """``urldefrag(url)`` as a tuple (address, fragment), memoised."""
    return (url, "") if "#" not in url else _split_fragment(url)


def page_targets(page: Page, site: Site) -> list[Target]:
    """One entry per distinct target on the page, in order of first appearance."""
    cached = page.cache.get("links.targets")
    if cached is not None:
        return cached
    first: dict[str, tuple[Link, bool]] = {}
    counts: dict[str, int] = {}
    here = defrag(page.final_url)
    for link, url, internal in checkable(page, site):
        base = url if "#" not in url else _split_fragment(url)[0]
        if base == here and link.tag in FRAGMENT_TAGS:
            continue  # a same-page anchor: only its fragment is in question
        if base in counts:
            counts[base] += 1
        else:
            first[base] = (link, internal)
            counts[base] = 1
    out = [Target(url, link, counts[url], internal) for url, (link, internal) in first.items()]
    page.cache["links.targets"] = out
    return out


def wants_fragment(site: Site, link: Link, fragment: str, internal: bool) -> bool:
    if not fragment or link.tag not in FRAGMENT_TAGS or _SKIP_FRAGMENTS.match(fragment):
        return False
    return internal or bool(settings(site).get("external_fragments", False))


def fragment_targets(page: Page, site: Site) -> list[FragmentTarget]:
    cached = page.cache.get("links.fragments")
    if cached is not None:
        return cached
    first: dict[str, tuple[Link, bool]] = {}
    counts: dict[str, int] = {}
    for link, url, internal in checkable(page, site):
        if "#" not in url:
            continue  # no fragment to check
        base, fragment = split_fragment(url)
        if wants_fragment(site, link, fragment, internal):
            first.setdefault(url, (link, internal))
            counts[url] = counts.get(url, 0) + 1
    out = []
    for url, (link, internal) in first.items():
        base, fragment = split_fragment(url)
        out.append(FragmentTarget(url, base, fragment, link, counts[url], internal))
    page.cache["links.fragments"] = out
    return out


def probe_urls_for(site: Site) -> set[str]:
    """What the family asks the prober for: each target, with its fragment when ids are needed."""
    wanted: set[str] = set()
    for page in site.pages:
        for link, url, internal in checkable(page, site):
            base, fragment = split_fragment(url)
            wanted.add(url if wants_fragment(site, link, fragment, internal) else base)
    return wanted


def probe_for(site: Site, url: str) -> Probe | None:
    return site.probes.get(url) or site.probes.get(defrag(url))


def probed_targets(page: Page, site: Site) -> list[tuple[Target, Probe | None]]:
    """Each of :func:`page_targets` with its probe, looked up once for all the rules."""
    cached = page.cache.get("links.probed")
    if cached is None:
        cached = page.cache["links.probed"] = [(t, probe_for(site, t.url)) for t in page_targets(page, site)]
    return cached


def has_fragment(ids: frozenset[str] | set[str], fragment: str) -> bool:
    return fragment in ids or unquote(fragment) in ids


def shown(site: Site, url: str) -> str:
    """A target as reports name it: relative path for a local file, else the URL."""
    return site.display_url(url)


def excerpt(link: Link) -> str:
    return link.text or link.href


def times(count: int) -> str:
    return "" if count == 1 else f" (linked {count} times on this page)"

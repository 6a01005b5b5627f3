"""Lookups the on-page rules share, each built once per audit and kept in ``site.cache``.

URLs are compared by :func:`url_key` (no fragment, no trailing slash, lower-case host). For a
local folder, production URLs (``[site] url``) are mapped onto the folder's ``site.invalid`` URLs
and ``about/`` or ``about`` also find ``about/index.html``, ``about.html`` or ``about.md``, as a
web server serving the built site would.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import lru_cache, wraps
from pathlib import PurePosixPath
from urllib.parse import urldefrag, urlsplit, urlunsplit

from seotool.page import Page
from seotool.site import FAILED, FETCHED, LOCAL_ORIGIN, Site

_DEFAULT_PORTS = {"http": 80, "https": 443}
_INDEX_FILES = ("index.html", "index.htm", "index.md")


def live_only(check: Callable[[Page, Site], Iterable]) -> Callable[[Page, Site], Iterable]:
    """For page checks: judge only pages served with 200 (an error page's title or headings are
    the server's template, not content; its status is the links family's business)."""

    @wraps(check)
    def guarded(page: Page, site: Site) -> Iterable:
        return check(page, site) if page.status == 200 else ()

    return guarded


@lru_cache(maxsize=65536)  # the same navigation URLs on every page
def url_key(url: str) -> str:
    """A comparison key: fragment dropped, scheme and host lower-cased, default port and trailing
    slash removed."""
    url = urldefrag(url.strip())[0]
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError:
        return url
    netloc = (parts.hostname or "").lower()
    if port and port != _DEFAULT_PORTS.get(parts.scheme.lower()):
        netloc += f":{port}"
    path = parts.path.rstrip("/")
    return urlunsplit((parts.scheme.lower(), netloc, path, parts.query, ""))


def is_markdown(page: Page) -> bool:
    """Markdown sources have no <head>: their template supplies lang, viewport and canonical."""
    return bool(page.source_path) and _is_markdown_path(page.source_path)


@lru_cache(maxsize=4096)  # asked by three rules of every page
def _is_markdown_path(path: str) -> bool:
    return PurePosixPath(path).suffix.lower() in (".md", ".markdown")


def to_site_url(site: Site, url: str) -> str:
    """For a local folder, the ``site.invalid`` URL of a production URL (``[site] url``, either
    scheme, with or without ``www.``); any other URL unchanged."""
    prod = str(site.config.section("site").get("url") or "")
    if not site.is_local or not prod:
        return url
    try:
        parts, home = urlsplit(url), urlsplit(prod)
    except ValueError:
        return url
    host, prod_host = _bare_host(parts.hostname), _bare_host(home.hostname)
    prefix = home.path.rstrip("/")
    if not host or host != prod_host or not parts.path.startswith(prefix):
        return url
    rest = parts.path[len(prefix):]
    if rest and not rest.startswith("/"):
        return url
    return LOCAL_ORIGIN + rest.lstrip("/") + (f"?{parts.query}" if parts.query else "")


def shown_url(site: Site, url: str) -> str:
    """A URL as the site owner writes it: a folder URL becomes the production URL when
    ``[site] url`` is set, else its path in the folder."""
    if site.is_local and url.startswith(LOCAL_ORIGIN):
        prod = str(site.config.section("site").get("url") or "").rstrip("/")
        return f"{prod}/{url[len(LOCAL_ORIGIN):]}" if prod else site.display_url(url)
    return url


def _bare_host(host: str | None) -> str:
    host = (host or "").lower()
    return host[4:] if host.startswith("www.") else host


def _candidates(site: Site, url: str) -> list[str]:
    """The URLs a request for ``url`` may be served from (only local folders have more than one)."""
    url = to_site_url(site, urldefrag(url)[0])
    if not (site.is_local and url.startswith(LOCAL_ORIGIN)):
        return [url]
    out = [url]
    path = urlsplit(url).path
    base = url.split("?", 1)[0]
    last = path.rsplit("/", 1)[-1]
    if path.endswith("/") or not last:
        out += [base + name for name in _INDEX_FILES]
    elif "." not in last:
        out += [base + ".html", base + ".md", *(base + "/" + name for name in _INDEX_FILES)]
    elif last.endswith(".html"):
        out.append(base[: -len(".html")] + ".md")
    return out


def _page_index(site: Site) -> dict[str, Page]:
    index = site.cache.get("onpage.page_index")
    if index is None:
        index = {}
        for p in site.pages:
            index.setdefault(url_key(p.final_url), p)
        for key, rec in site.records.items():
            if rec.final_url and url_key(rec.final_url) in index:
                index.setdefault(url_key(key), index[url_key(rec.final_url)])
        site.cache["onpage.page_index"] = index
    return index


def page_at(site: Site, url: str) -> Page | None:
    """The gathered page ``url`` leads to (after recorded redirects), if any."""
    memo = site.cache.get("onpage.page_at")  # asked for every link of every page by some rules
    if memo is None:
        memo = site.cache["onpage.page_at"] = {}
    if url not in memo:
        memo[url] = _page_at(site, url)
    return memo[url]


def _page_at(site: Site, url: str) -> Page | None:
    index = _page_index(site)
    for candidate in _candidates(site, url):
        page = index.get(url_key(candidate))
        if page is not None:
            return page
    return None


@dataclass(frozen=True)
class TargetState:
    """What is known about a URL's response: from the crawl records, else from a probe."""

    status: int | None
    final_url: str | None
    redirected: bool
    error: str | None = None

    @property
    def ok(self) -> bool:
        return self.status == 200 and not self.redirected and not self.error

    def problem(self, site: Site) -> str:
        """What is wrong, to follow "The URL ...": "answers 404", "redirects to X", ..."""
        if self.redirected:
            where = f" to {shown_url(site, self.final_url)}" if self.final_url else ""
            tail = f", which answers {self.status}" if self.status and self.status != 200 else ""
            return f"redirects{where}{tail}"
        if self.status is None:
            return f"could not be fetched ({self.error or 'unknown error'})"
        return f"answers {self.status}" + (f" ({self.error})" if self.error and self.error != "http-error" else "")


def _keyed(site: Site, name: str, mapping: dict) -> dict:
    """``mapping`` re-keyed by url_key; rebuilt when it grew (probes arrive after probe_targets ran)."""
    size, index = site.cache.get(name, (-1, None))
    if index is None or size != len(mapping):
        index = {}
        for key, value in mapping.items():
            index.setdefault(url_key(key), value)
        site.cache[name] = (len(mapping), index)
    return index


# Answers the crawl gives that are final; other errors (403, 429, 5xx) may be bot walls or flukes,
# so they are left to the prober, which checks them again.
_DEFINITE = {404, 410}
_NOT_CHECKED = "not-checked"  # the prober's word for "did not look" (offline, unknown scheme)


def target_state(site: Site, url: str) -> TargetState | None:
    """How ``url`` answers, or None when nothing gathered knows (then rules say nothing rather than
    guess). The prober's answer wins (it re-checks flaky crawl errors); then the crawl records."""
    records = _keyed(site, "onpage.records", site.records)
    probes = _keyed(site, "onpage.probes", site.probes)
    candidates = _candidates(site, url)
    for candidate in candidates:
        probe = site.probes.get(candidate) or probes.get(url_key(candidate))
        if probe is None or probe.error == _NOT_CHECKED:
            continue
        if probe.blocked:
            return None  # bot protection: unknown, not broken
        return TargetState(probe.status, probe.final_url,
                           _redirected(site, candidate, probe.final_url, probe.redirects), probe.error)
    for candidate in candidates:
        rec = site.records.get(candidate) or records.get(url_key(candidate))
        if rec is None:
            continue
        if rec.state == FETCHED:
            status = rec.status
            if rec.redirects and rec.final_url:  # the crawler records the first hop's status
                final = site.records.get(rec.final_url) or records.get(url_key(rec.final_url))
                status = final.status if final is not None and final is not rec and final.state == FETCHED else (
                    200 if page_at(site, rec.final_url) is not None else None)
            return TargetState(status, rec.final_url, _redirected(site, candidate, rec.final_url, rec.redirects))
        if rec.state == FAILED and (rec.status in _DEFINITE or (rec.status is None and rec.reason)):
            return TargetState(rec.status, rec.final_url, bool(rec.redirects), rec.reason)
    if site.is_local and page_at(site, url) is not None:
        return TargetState(200, None, False)
    return None


def _redirected(site: Site, url: str, final_url: str | None, redirects: list) -> bool:
    if redirects:
        return True
    # A local file has no redirects; its "final URL" may only differ by the index file.
    return bool(final_url) and not site.is_local and url_key(final_url or "") != url_key(url)


def noindex_directive(page: Page) -> str | None:
    """The robots directive that keeps ``page`` out of the index (meta robots/googlebot or the
    X-Robots-Tag header), or None."""
    values = page.meta.get("robots", []) + page.meta.get("googlebot", [])
    header = page.headers.get("x-robots-tag", "")
    for value in [*values, header]:
        tokens = {t.strip().lower() for t in value.replace(";", ",").split(",")}
        # X-Robots-Tag may name a bot first: "googlebot: noindex".
        tokens |= {t.split(":", 1)[-1].strip() for t in tokens}
        if tokens & {"noindex", "none"}:
            return value.strip()
    return None


def canonical_target(site: Site, page: Page) -> str | None:
    """The absolute URL the page's first canonical names (production URLs mapped for local)."""
    if not page.canonicals:
        return None
    url = page.resolve(page.canonicals[0])
    return to_site_url(site, url) if url else None


def canonicalised_elsewhere(site: Site, page: Page) -> bool:
    """True when the page names another URL as canonical: it has declared itself a duplicate."""
    target = canonical_target(site, page)
    if not target:
        return False
    other = page_at(site, target)
    if other is not None:
        return other is not page
    return url_key(target) != url_key(page.final_url)


def sitemap_pages(site: Site) -> dict[str, str]:
    """url_key of each sitemap URL (mapped to the folder for local sites) -> the URL as listed."""
    keys = site.cache.get("onpage.sitemap")
    if keys is None:
        keys = {}
        for url in sorted(site.sitemap_urls):
            for candidate in _candidates(site, url):
                keys.setdefault(url_key(candidate), url)
        site.cache["onpage.sitemap"] = keys
    return keys


def sitemap_entry(site: Site, page: Page) -> str | None:
    """The sitemap URL that lists ``page``, if any."""
    keys = sitemap_pages(site)
    if not keys:
        return None
    for url in (page.final_url, page.url):
        hit = keys.get(url_key(url))
        if hit:
            return hit
    return None


def is_home(site: Site, page: Page) -> bool:
    path = urlsplit(page.final_url).path
    if site.is_local:
        return path.lstrip("/") in ("", *_INDEX_FILES, "_index.md")
    return path.rstrip("/") in ("", "/index.html", "/index.htm", "/index.php")

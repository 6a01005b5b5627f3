"""URL normalisation and crawl scope: one policy, so the same page is fetched and counted once.

The policy (RFC 3986 section 6 syntax-based normalisation, plus two web conventions):

1. Resolve against the base URL; strip surrounding whitespace and the tabs/newlines browsers ignore.
2. Only ``http`` and ``https`` URLs are crawlable; anything else (``mailto:``, ``tel:``, ...) is
   not a URL this module normalises (the functions return ``None``).
3. Lowercase the scheme and the host; encode an international host name as IDNA (punycode);
   drop a trailing dot on the host; drop the default port (80 for http, 443 for https).
4. Drop the fragment: ``#section`` names a place in a page, not another page.
5. Remove dot segments (``/a/./b/../c`` -> ``/a/c``); an empty path becomes ``/``.
6. Normalise percent-encoding: decode escapes of unreserved characters (``%7E`` -> ``~``),
   uppercase the hex of the others (``%2f`` -> ``%2F``), encode what must be encoded (spaces,
   non-ASCII as UTF-8). Reserved characters keep their meaning: ``%2F`` is never turned into ``/``.
7. Keep the query as written (its order can matter to the server); an empty ``?`` is dropped.

``clean_url`` applies 1-7 and returns the URL that is fetched. ``normalize`` adds one more step and
returns the URL's identity, the key of ``Site.records`` and ``Site.sitemap_urls``:

8. Trailing-slash variants are one page: the key drops a trailing ``/`` from a non-root path
   (``/about`` and ``/about/`` share the key ``.../about``). The crawler fetches the spelling it
   met first; the other spelling is recognised as already seen.

Look a URL up with ``site.records.get(normalize(url))``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache
from urllib.parse import urljoin, urlsplit, urlunsplit

_DEFAULT_PORTS = {"http": 80, "https": 443}
_UNRESERVED = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")
# Characters left as they are in a path / a query (RFC 3986 pchar, plus "/" and "?" in the query).
_PATH_SAFE = _UNRESERVED | frozenset("!$&'()*+,;=:@/")
_QUERY_SAFE = _PATH_SAFE | frozenset("?")
_HEX = frozenset("0123456789abcdefABCDEF")
_IGNORED_WS = re.compile(r"[\t\n\r]")


@lru_cache(maxsize=1 << 16)  # a crawl meets the same navigation links on every page
def clean_url(url: str, base: str | None = None) -> str | None:
    """The normalised, fetchable form of ``url`` (rules 1-7), or None when it is not http(s)."""
    url = _IGNORED_WS.sub("", url or "").strip()
    if not url:
        return None
    try:
        if base:
            url = urljoin(base, url)
        parts = urlsplit(url)
        scheme = parts.scheme.lower()
        if scheme not in _DEFAULT_PORTS:
            return None
        host = _host(parts.hostname or "")
        port = parts.port
    except ValueError:  # bad port, bad IPv6 literal, bad IDNA label
        return None
    if not host:
        return None
    netloc = f"[{host}]" if ":" in host else host
    if port is not None and port != _DEFAULT_PORTS[scheme]:
        netloc = f"{netloc}:{port}"
    if parts.username is not None:
        userinfo = parts.username + (f":{parts.password}" if parts.password is not None else "")
        netloc = f"{userinfo}@{netloc}"
    path = _encode(remove_dot_segments(parts.path or "/"), _PATH_SAFE)
    if not path.startswith("/"):
        path = "/" + path
    query = _encode(parts.query, _QUERY_SAFE)
    return urlunsplit((scheme, netloc, path, query, ""))


def normalize(url: str, base: str | None = None) -> str | None:
    """The identity of ``url`` (rules 1-8): the key under which it is recorded."""
    cleaned = clean_url(url, base)
    if cleaned is None:
        return None
    return strip_trailing_slash(cleaned)


@lru_cache(maxsize=1 << 16)  # every link the crawl meets is keyed: navigation repeats on each page
def strip_trailing_slash(url: str) -> str:
    parts = urlsplit(url)
    if len(parts.path) > 1 and parts.path.endswith("/"):
        return urlunsplit(parts._replace(path=parts.path.rstrip("/") or "/"))
    return url


def host_key(url: str) -> str:
    """``host[:port]`` of a URL: the unit of scope and of politeness (one server)."""
    return urlsplit(url).netloc.rpartition("@")[2].lower()


def origin(url: str) -> str:
    """``scheme://host[:port]``: where that server's robots.txt lives."""
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc.rpartition('@')[2]}"


def remove_dot_segments(path: str) -> str:
    """RFC 3986 section 5.2.4."""
    if "." not in path:
        return path
    out: list[str] = []
    segments = path.split("/")
    for i, seg in enumerate(segments):
        last = i == len(segments) - 1
        if seg == ".":
            if last:
                out.append("")
        elif seg == "..":
            if len(out) > 1:
                out.pop()
            if last:
                out.append("")
        else:
            out.append(seg)
    result = "/".join(out)
    if path.startswith("/") and not result.startswith("/"):
        result = "/" + result
    return result


def _host(host: str) -> str:
    host = host.rstrip(".").lower()
    if not host or host.isascii():
        return host
    import idna

    try:
        return idna.encode(host, uts46=True).decode("ascii")
    except idna.IDNAError as exc:
        raise ValueError(str(exc)) from None


def _encode(component: str, safe: frozenset[str]) -> str:
    """Re-encode one URL component: decode unreserved escapes, uppercase others, encode unsafe."""
    out: list[str] = []
    i, n = 0, len(component)
    while i < n:
        ch = component[i]
        if ch == "%" and i + 2 < n and component[i + 1] in _HEX and component[i + 2] in _HEX:
            decoded = chr(int(component[i + 1:i + 3], 16))
            out.append(decoded if decoded in _UNRESERVED else "%" + component[i + 1:i + 3].upper())
            i += 3
            continue
        if ch in safe:
            out.append(ch)
        else:
            out.extend(f"%{b:02X}" for b in ch.encode("utf-8", "surrogatepass"))
        i += 1
    return "".join(out)


class Scope:
    """Which URLs the crawler may fetch: the start URLs' hosts (any scheme), narrowed by
    ``include`` regexes (when given, a URL must match one) and ``exclude`` regexes (a match
    rules it out). Start URLs themselves are always fetched: the user asked for them."""

    def __init__(self, start_urls: Iterable[str], include: Iterable[str] = (), exclude: Iterable[str] = ()) -> None:
        self.hosts: set[str] = {host_key(u) for u in start_urls}
        self.include = [re.compile(p) for p in include]
        self.exclude = [re.compile(p) for p in exclude]

    def add_host(self, url: str) -> None:
        """Widen the scope to the host a start URL redirected to (``clinic.com`` -> ``www.clinic.com``)."""
        self.hosts.add(host_key(url))

    def verdict(self, url: str) -> str | None:
        """None when ``url`` (a cleaned URL) may be crawled, else the skip reason."""
        if host_key(url) not in self.hosts:
            return "out-of-scope"
        if any(p.search(url) for p in self.exclude):
            return "excluded"
        if self.include and not any(p.search(url) for p in self.include):
            return "excluded"
        return None

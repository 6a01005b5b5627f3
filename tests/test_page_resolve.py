"""Page.resolve joins links as urllib.parse.urljoin does, though it joins repeated hrefs once.

Root-relative and absolute hrefs are joined once per (base scheme, base host) and the result
reused for every page of the site; everything else goes through urljoin each time. Thousands of
generated (base, href) pairs, nasty ones included, must resolve exactly as urljoin resolves them,
with the shared results computed against one base and served to others.
"""

from __future__ import annotations

import itertools
import random
from urllib.parse import urljoin

from seotool import page as page_module
from seotool.page import Page

HOSTS = ["example.com", "Example.COM:8080", "user:pw@x.org", "[::1]:80", "", "a.b", "[bad", "ex\uff03ample.com"]
SCHEMES = ["http", "https", "HTTP", "ftp", "file", "mailto", "tel", "wais", "telnet", "git", "foo+bar", ""]
BASE_PATHS = ["", "/", "/a", "/a/b", "/a/b/", "/a/./b/../c", "/a;p", "/a/b;p?q=1#f", "?q", "#f", "/dir/page.html?x=1&y#top",
              "/../..", "/a//b", "/a/%2e%2e/b", "/\\a\\b", "/a b", "/a\tb", ":80/a"]
HREF_STARTS = ["/", "//", "///", "/./", "/../", "", "?", "#", ".", "..", "./", "../", "\\", "\\\\", "/\t/", "/\n", "\t/",
               "\x01/", "\x00", " /", "http:", "HTTP:", "https:", "hTtP://", "http://", "https://", "http:///", "http://?",
               "http://#", "https:/", "ftp://", "FTP://", "mailto:", "tel:", "TEL:", "foo+bar:", "foo+bar://", "1a:",
               "a:", "git://", "telnet://", "wais://", "file://", "file:///", "sip:", "x-y.z://", "ht tp://", "ht\ttp://",
               "\u00e9:", "www.example.com/"]
HREF_BODIES = ["", "x", "x/y", "x/y/", "./y", "../y", "a/../../b", "a/./b/.", "a/..", "..", ".", ";p", "x;p",
               "x;p?q#f", "x?q;p", "x#f?q", "%2e%2e/x", "[::1]/x", "[bad/x", "ex\uff0fample.com/x", "example.com",
               "example.com:80/a;b?c#d", ":80", "?", "#", "\t", "\n", "\\x", "x\\..\\y", "user@host/p", "//x",
               "x y", "\u00fcber", "a:b", "@", "/"]


def reference(base: str, href: str) -> str | None:
    """Page.resolve before it shared results: urljoin, each link each time."""
    href = href.strip()
    if not href or page_module._UNRESOLVABLE.match(href):
        return None
    try:
        return urljoin(base, href)
    except ValueError:
        return None


def bases() -> list[str]:
    out = [f"{s}://{h}{p}" for s in SCHEMES for h in HOSTS[:4] for p in BASE_PATHS[1:4]]
    out += [f"http://{h}{p}" for h in HOSTS[:5] for p in BASE_PATHS] + [f"https://{h}/a" for h in HOSTS]
    out += ["mailto:a@b.c", "http:relative/path", "//host/only/path", "relative/base", "", "http://x.org/a\n/b",
            " http://x.org/a", "http://[::1/a", "https://x.org\uff0f/a"]
    return out


def hrefs(rng: random.Random, count: int) -> list[str]:
    out = [a + b for a, b in itertools.product(HREF_STARTS, HREF_BODIES)]
    for _ in range(count - len(out)):
        parts = [rng.choice(HREF_STARTS), rng.choice(HREF_BODIES), rng.choice(HREF_BODIES), rng.choice(["", "", " ", "\t"])]
        out.append("".join(parts))
    return out


def test_resolve_gives_urljoins_result_for_generated_pairs():
    rng = random.Random(11)
    links = hrefs(rng, 4000)
    page = Page("http://seed.invalid/", "<p>x</p>")
    page_module._JOINED.clear()
    checked = shared = 0
    base_list = bases()
    rng.shuffle(base_list)  # bases of one host meet the hrefs in no particular order
    for base in base_list:
        page.base_url = base
        for href in rng.sample(links, 600):
            cached = (page_module._base_key(base), href.strip()) in page_module._JOINED
            assert page.resolve(href) == reference(base, href), (base, href)
            checked += 1
            shared += cached
    assert checked > 100_000
    assert shared > 15_000  # results joined against one base were served to other pages' bases


def test_site_links_resolve_as_urljoin_across_pages_of_one_site():
    html = """<html><head><base href="{base}"></head><body>
      <nav><a href="/">Home</a><a href="/services/">Services</a><a href="https://maps.example.com/?q=clinic">Map</a>
      <a href="tel:+1-555-0100">Call</a><a href="mailto:front@clinic.test">Email</a></nav>
      <main><a href="../conditions/./back-pain.html#causes">Back pain</a><a href="/a/../b;p?q#f">odd</a>
      <a href="HTTP://Clinic.test/Upper">upper</a><a href="http:relative">scheme-relative</a>
      <a href="//cdn.test/x.css">cdn</a><a href="#top">top</a><img src="/img/logo.png" alt="logo"></main></body></html>"""
    page_module._JOINED.clear()
    for base in ["http://clinic.test/", "http://clinic.test/conditions/knee/", "https://clinic.test/a/b.html?x=1",
                 "http://clinic.test/deep/er/path;p?q#f", "http://other.test/"]:
        page = Page(base + "index.html", html.format(base=base))
        assert page.base_url == base
        assert [link.url for link in page.links] == [reference(base, link.href) for link in page.links]
        assert [image.url for image in page.images] == [reference(base, image.src) for image in page.images]
    assert ((("http", "clinic.test"), "/services/")) in page_module._JOINED

"""The URL policy of seotool.urls: one identity per page, whatever the spelling."""

from __future__ import annotations

import pytest

from seotool.urls import Scope, clean_url, normalize, remove_dot_segments


@pytest.mark.parametrize("a,b", [
    ("HTTP://Example.COM/about", "http://example.com/about"),           # scheme and host case
    ("http://example.com:80/about", "http://example.com/about"),        # default port
    ("https://example.com:443/", "https://example.com/"),
    ("http://example.com/about#team", "http://example.com/about"),      # fragment
    ("http://example.com/about/", "http://example.com/about"),          # trailing slash
    ("http://example.com/a/./b/../about", "http://example.com/a/about"),  # dot segments
    ("http://example.com/%7Euser", "http://example.com/~user"),         # unreserved escapes decoded
    ("http://example.com/a%2fb", "http://example.com/a%2Fb"),           # other escapes uppercased
    ("http://example.com/caf\u00e9", "http://example.com/caf%C3%A9"),   # non-ASCII encoded
    ("http://example.com", "http://example.com/"),                     # empty path
    ("http://example.com./x", "http://example.com/x"),                 # trailing dot of the host
    ("http://B\u00fccher.example/", "http://xn--bcher-kva.example/"),  # IDNA
])
def test_spellings_of_one_page_share_a_key(a, b):
    assert normalize(a) == normalize(b)


@pytest.mark.parametrize("a,b", [
    ("http://example.com/about", "https://example.com/about"),     # scheme matters
    ("http://example.com:8080/", "http://example.com/"),           # non-default port matters
    ("http://example.com/a%2Fb", "http://example.com/a/b"),        # an encoded slash is not a slash
    ("http://example.com/p?a=1&b=2", "http://example.com/p?b=2&a=1"),  # query order is the server's business
    ("http://example.com/About", "http://example.com/about"),      # paths are case-sensitive
])
def test_different_pages_keep_different_keys(a, b):
    assert normalize(a) != normalize(b)


def test_clean_url_keeps_the_trailing_slash_it_will_fetch():
    assert clean_url("http://Example.com/about/#x") == "http://example.com/about/"
    assert normalize("http://Example.com/about/#x") == "http://example.com/about"
    assert clean_url("../c?q=a b", "http://h.example/x/y/z") == "http://h.example/x/c?q=a%20b"


@pytest.mark.parametrize("url", ["mailto:a@b.example", "tel:+15555550100", "javascript:void(0)", "ftp://h/x",
                                 "http://", "http://h.example:99999/", "", "   "])
def test_non_http_or_broken_urls_are_not_normalised(url):
    assert normalize(url) is None


def test_remove_dot_segments_rfc3986_examples():
    assert remove_dot_segments("/a/b/c/./../../g") == "/a/g"
    assert remove_dot_segments("/mid/content=5/../6") == "/mid/6"
    assert remove_dot_segments("/a/b/..") == "/a/"
    assert remove_dot_segments("/../x") == "/x"


def test_scope_same_host_any_scheme_and_patterns():
    scope = Scope(["http://clinic.example/"], include=[r"/services/"], exclude=[r"\.pdf$"])
    assert scope.verdict("https://clinic.example/services/a") is None
    assert scope.verdict("http://clinic.example/about") == "excluded"  # not in include
    assert scope.verdict("http://clinic.example/services/x.pdf") == "excluded"
    assert scope.verdict("http://other.example/services/a") == "out-of-scope"
    assert scope.verdict("http://clinic.example:8080/services/a") == "out-of-scope"
    scope.add_host("https://www.clinic.example/")
    assert scope.verdict("https://www.clinic.example/services/a") is None

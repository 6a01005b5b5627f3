"""Page checks judge only pages served with 200: an error page that reaches site.pages is silent."""

from __future__ import annotations

import pytest

from checks import registry
from seotool.config import Config, defaults
from seotool.page import Page
from seotool.site import Site

BROKEN = '<html><head></head><body><h3>Oops</h3><img src="/404.png"><p>Sorry, this page has moved.</p><a href="/">click here</a></body></html>'
PAGE_RULES = [r for r in registry().families["onpage"].rules if r.scope == "page"]


def _site(status: int) -> tuple[Site, Page]:
    site = Site(targets=["https://clinic.example/"], config=Config(defaults(registry().settings())))
    page = Page("https://clinic.example/gone", BROKEN, status=status)
    site.pages.append(page)
    return site, page


@pytest.mark.parametrize("rule", PAGE_RULES, ids=lambda r: r.id)
def test_page_rules_skip_error_pages(rule):
    site, page = _site(404)
    assert list(rule.check(page, site)) == []


def test_the_same_page_served_with_200_is_judged():
    site, page = _site(200)
    fired = {r.id for r in PAGE_RULES if list(r.check(page, site))}
    assert {"onpage.title-missing", "onpage.h1-missing", "onpage.image-alt-missing", "onpage.lang-missing",
            "onpage.viewport-missing", "onpage.generic-link-text", "onpage.canonical-missing",
            "onpage.description-missing", "onpage.thin-content"} <= fired

"""Which pages are "article pages", the pages expected to explain a topic in some depth.

A page is an article page unless it is:
- the home page (it routes visitors on; its depth is in the pages it links to);
- a utility page: any URL path segment (extension dropped) is in ``non_article_slugs`` (contact,
  privacy, terms, appointments, tag listings, ...), or its JSON-LD type is ContactPage, AboutPage,
  CollectionPage, SearchResultsPage, ProfilePage or CheckoutPage;
- a hub: at least ``hub_link_text_ratio`` of its main-content words are link text (blog index,
  list of services);
- not meant for the index: not a 200, noindex, or canonical to another URL.
JSON-LD ``Article`` / ``BlogPosting`` / ``NewsArticle`` / ``MedicalWebPage`` marks an article page
even when its URL looks like a utility page.
"""

from __future__ import annotations

import re
from urllib.parse import unquote, urlsplit

from checks.onpage.duplicates_index import indexable
from checks.onpage.settings import settings
from checks.onpage.siteindex import is_home
from seotool.page import Page
from seotool.site import Site

UTILITY_TYPES = {"contactpage", "aboutpage", "collectionpage", "searchresultspage", "profilepage", "checkoutpage"}
ARTICLE_TYPES = {"article", "blogposting", "newsarticle", "medicalwebpage", "medicalscholarlyarticle"}


def _types(page: Page) -> set[str]:
    out: set[str] = set()
    for item in page.jsonld_items():
        kind = item.get("@type")
        for k in kind if isinstance(kind, list) else [kind]:
            if isinstance(k, str):
                out.add(k.rsplit("/", 1)[-1].lower())
    return out


def _segments(page: Page) -> list[str]:
    path = unquote(urlsplit(page.final_url).path)
    return [re.sub(r"\.[a-z0-9]+$", "", s.lower()) for s in path.split("/") if s]


def link_text_ratio(page: Page) -> float:
    words = page.word_count
    if not words:
        return 0.0
    linked = sum(len(link.text.split()) for link in page.links if link.in_main and link.tag == "a" and link.attr == "href")
    return min(1.0, linked / words)


def article_kind(site: Site, page: Page) -> str | None:
    """None for an article page, else why it is not one (for messages and tests)."""
    if not indexable(site, page):
        return "not indexable"
    types = _types(page)
    if types & ARTICLE_TYPES:
        return None
    if is_home(site, page):
        return "home page"
    if types & UTILITY_TYPES:
        return "utility page (JSON-LD)"
    slugs = site.cache.get("onpage.utility_slugs")
    if slugs is None:
        slugs = site.cache["onpage.utility_slugs"] = frozenset(s.lower() for s in settings(site)["non_article_slugs"])
    if any(seg in slugs for seg in _segments(page)):
        return "utility page"
    if link_text_ratio(page) >= float(settings(site)["hub_link_text_ratio"]):
        return "hub page"
    return None


def is_article(site: Site, page: Page) -> bool:
    return article_kind(site, page) is None

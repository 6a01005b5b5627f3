"""Grouping pages that share a value (title, description, content hash), built once per audit.

Only indexable pages take part: a page that is noindex, not a 200, or names another URL as its
canonical has already told search engines not to list it, so sharing a title is not a problem."""

from __future__ import annotations

from collections.abc import Callable

from checks.onpage.siteindex import canonicalised_elsewhere, noindex_directive
from seotool.page import Page, clean_text
from seotool.site import Site


def indexable(site: Site, page: Page) -> bool:
    """200, not noindex, and canonical to itself (or no canonical)."""
    key = "onpage.indexable"
    cached = page.cache.get(key)
    if cached is None:
        cached = page.status == 200 and noindex_directive(page) is None and not canonicalised_elsewhere(site, page)
        page.cache[key] = cached
    return cached


def duplicate_groups(site: Site, name: str, value: Callable[[Page], str | None]) -> list[list[Page]]:
    """Groups (in page order) of two or more indexable pages whose ``value`` is equal after case and
    whitespace folding; empty values are ignored."""
    cache_key = f"onpage.groups.{name}"
    groups = site.cache.get(cache_key)
    if groups is None:
        by_value: dict[str, list[Page]] = {}
        for page in site.pages:
            text = clean_text(value(page) or "").casefold()
            if text and indexable(site, page):
                by_value.setdefault(text, []).append(page)
        groups = [pages for pages in by_value.values() if len(pages) > 1]
        site.cache[cache_key] = groups
    return groups

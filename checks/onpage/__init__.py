"""The `onpage` check family: the on-page basics every SEO crawler reports (titles, descriptions,
headings, canonicals, indexing and sitemap, images, thin and duplicate content, lang, viewport,
link text, orphan pages). Thresholds live in the `[onpage]` config section (settings.py)."""

from __future__ import annotations

from collections.abc import Iterator

from checks.onpage import (
    canonical,
    content,
    descriptions,
    document,
    duplicates,
    headings,
    images,
    indexing,
    link_text,
    titles,
)
from checks.onpage.settings import SETTINGS
from checks.onpage.siteindex import canonical_target, target_state, to_site_url
from seotool.registry import Family
from seotool.site import LOCAL_ORIGIN, Site


def probe_targets(site: Site) -> Iterator[str]:
    """Canonical targets and sitemap URLs whose status the crawl does not already know. For a local
    folder only URLs inside it are asked for (production URLs mapped through ``[site] url``)."""
    seen: set[str] = set()
    wanted = [t for t in (canonical_target(site, p) for p in site.pages) if t]
    wanted += [to_site_url(site, u) for u in sorted(site.sitemap_urls)]
    for url in wanted:
        if url in seen:
            continue
        seen.add(url)
        if site.is_local and not url.startswith(LOCAL_ORIGIN):
            continue
        if target_state(site, url) is None:
            yield url


RULES = (
    *titles.RULES,
    *descriptions.RULES,
    *headings.RULES,
    *canonical.RULES,
    *indexing.RULES,
    *images.RULES,
    *content.RULES,
    *duplicates.RULES,
    *document.RULES,
    *link_text.RULES,
)

FAMILY = Family(name="onpage", rules=RULES, settings=SETTINGS, probe_targets=probe_targets,
                prepare_page=duplicates.prepare_page)

"""The clean fixture site raises nothing in the onpage family: precision on realistic pages
(navigation, footer, a Markdown article, utility pages, a sitemap, production canonicals)."""

from __future__ import annotations

from tests.onpage.support import audit, site_files


def test_clean_site_has_no_onpage_findings():
    findings = audit(site_files("clean"))
    assert findings == [], [(f["rule"], f["url"], f["message"]) for f in findings]


def test_clean_site_is_clean_without_a_site_url_too():
    # No [site] url: the sitemap's origin is inferred, canonicals to production cannot be checked.
    findings = audit(site_files("clean"), config={"site": {"url": ""}})
    assert findings == [], [(f["rule"], f["url"], f["message"]) for f in findings]

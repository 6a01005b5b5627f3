"""noindex-in-sitemap, sitemap-url-status and orphan-page on the clean site (offline: the folder's
own sitemap.xml is read by seotool.local)."""

from __future__ import annotations

from tests.onpage.support import PROD, by_rule, clean_with, site_files


def test_noindex_page_listed_in_sitemap():
    found = by_rule(clean_with({"about.html": ("<title>", '<meta name="robots" content="noindex, follow"><title>')}))
    assert list(found) == ["onpage.noindex-in-sitemap"]
    [f] = found["onpage.noindex-in-sitemap"]
    assert f["url"] == "about.html" and f["excerpt"] == "noindex, follow"
    assert f["element"] == '<meta name="robots" content="noindex, follow">'
    assert f"({PROD}/about.html)" in f["message"]


def test_googlebot_none_counts_as_noindex():
    found = by_rule(clean_with({"about.html": ("<title>", '<meta name="googlebot" content="none"><title>')}))
    assert [f["url"] for f in found["onpage.noindex-in-sitemap"]] == ["about.html"]


def test_noindex_page_not_in_sitemap_is_fine():
    sitemap = site_files()["sitemap.xml"].replace(f"<url><loc>{PROD}/about.html</loc></url>", "")
    found = by_rule(clean_with({"sitemap.xml": sitemap,
                                "about.html": ("<title>", '<meta name="robots" content="noindex"><title>')}))
    assert found == {}


def test_sitemap_url_for_a_missing_file():
    sitemap = site_files()["sitemap.xml"].replace("</urlset>", f"<url><loc>{PROD}/services/botox/</loc></url></urlset>")
    found = by_rule(clean_with({"sitemap.xml": sitemap}))
    assert list(found) == ["onpage.sitemap-url-status"]
    [f] = found["onpage.sitemap-url-status"]
    assert f["excerpt"] == "http://site.invalid/services/botox/" or f["excerpt"] == f"{PROD}/services/botox/"
    assert "missing-file" in f["message"] and f["element"] == f"<loc>{f['excerpt']}</loc>"


def test_orphan_page_in_sitemap():
    # Nothing links to the sciatica page any more: drop it from every page's menu.
    link = '<li><a href="/conditions/sciatica.html">Sciatica</a></li>'
    edits = {name: (link, "") for name, text in site_files().items() if link in text}
    found = by_rule(clean_with(edits))
    assert list(found) == ["onpage.orphan-page"]
    [f] = found["onpage.orphan-page"]
    assert f["url"] == "conditions/sciatica.html" and f["excerpt"] == f"{PROD}/conditions/sciatica.html"
    assert f["confidence"] == "high"


def test_self_links_do_not_save_a_page_from_being_an_orphan():
    link = '<li><a href="/conditions/sciatica.html">Sciatica</a></li>'
    edits = {name: (link, "") for name, text in site_files().items() if link in text and name != "conditions/sciatica.html"}
    found = by_rule(clean_with(edits))
    assert [f["url"] for f in found["onpage.orphan-page"]] == ["conditions/sciatica.html"]


def test_page_not_in_sitemap_is_never_an_orphan_and_home_is_exempt():
    found = by_rule(clean_with({"extra.html": site_files()["about.html"].replace("About", "Extra")}))
    assert "onpage.orphan-page" not in found
    link = '<li><a href="/about.html">About the clinic</a></li>'
    found = by_rule(clean_with({name: (link, "") for name, text in site_files().items() if link in text}))
    assert [f["url"] for f in found["onpage.orphan-page"]] == ["about.html"]

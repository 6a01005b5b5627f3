"""seotool.local reads the audited folder's own sitemap (the edit the onpage rules need offline)."""

from __future__ import annotations

import gzip
from pathlib import Path

from checks import registry
from seotool.config import Config, defaults, merge
from seotool.local import gather_local
from seotool.site import LOCAL_ORIGIN, Site

PROD = "https://www.blueridgeclinic.com"
URLSET = '<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{}</urlset>'


def _gather(root: Path, site_url: str = "") -> Site:
    config = Config(merge(defaults(registry().settings()), {"site": {"url": site_url}}, "test"))
    site = Site(targets=[str(root)], config=config, offline=True)
    gather_local([root], config, site)
    return site


def _locs(*urls: str) -> str:
    return URLSET.format("".join(f"<url><loc>{u}</loc></url>" for u in urls))


def test_production_urls_are_mapped_through_site_url(tmp_path):
    (tmp_path / "index.html").write_text("<h1>Home</h1>")
    (tmp_path / "sitemap.xml").write_text(_locs(f"{PROD}/", f"{PROD}/about/", "https://other.example/x"))
    site = _gather(tmp_path, PROD)
    assert site.sitemap_urls == {LOCAL_ORIGIN, LOCAL_ORIGIN + "about/", "https://other.example/x"}
    assert site.notes == []


def test_the_sitemaps_single_origin_is_used_when_site_url_is_not_set(tmp_path):
    (tmp_path / "index.html").write_text("<h1>Home</h1>")
    (tmp_path / "sitemap.xml").write_text(_locs(f"{PROD}/", f"{PROD}/contact.html"))
    site = _gather(tmp_path)
    assert site.sitemap_urls == {LOCAL_ORIGIN, LOCAL_ORIGIN + "contact.html"}
    assert site.notes == [f"sitemap.xml lists {PROD} URLs; they were read as this folder's pages"]


def test_several_origins_without_site_url_are_left_as_they_are(tmp_path):
    (tmp_path / "index.html").write_text("<h1>Home</h1>")
    (tmp_path / "sitemap.xml").write_text(_locs(f"{PROD}/a", "https://other.example/b"))
    assert _gather(tmp_path).sitemap_urls == {f"{PROD}/a", "https://other.example/b"}


def test_sitemap_index_pointing_at_gzipped_files_in_the_folder(tmp_path):
    (tmp_path / "index.html").write_text("<h1>Home</h1>")
    index = ('<?xml version="1.0"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
             f"<sitemap><loc>{PROD}/sitemaps/pages.xml.gz</loc></sitemap>"
             f"<sitemap><loc>{PROD}/sitemaps/missing.xml</loc></sitemap></sitemapindex>")
    (tmp_path / "sitemap_index.xml").write_text(index)
    (tmp_path / "sitemaps").mkdir()
    (tmp_path / "sitemaps" / "pages.xml.gz").write_bytes(gzip.compress(_locs(f"{PROD}/services/").encode()))
    assert _gather(tmp_path, PROD).sitemap_urls == {LOCAL_ORIGIN + "services/"}


def test_no_sitemap_or_a_broken_one_leaves_the_set_empty(tmp_path):
    (tmp_path / "index.html").write_text("<h1>Home</h1>")
    assert _gather(tmp_path).sitemap_urls == set()
    (tmp_path / "sitemap.xml").write_text("<urlset><url><loc>")
    assert _gather(tmp_path).sitemap_urls == set()

"""Run the real crawler against a real server on 127.0.0.1 and look at what it recorded."""

from __future__ import annotations

from typing import Any

from seotool.config import Config, defaults
from seotool.crawl.crawler import crawl
from seotool.progress import Progress
from seotool.site import Record, Site
from seotool.urls import normalize

FAST = {"connect_timeout": 2.0, "read_timeout": 2.0, "max_time": 5.0, "sitemap": False}


def config(**crawl_settings: Any) -> Config:
    data = defaults()
    data["crawl"].update(FAST)
    data["crawl"].update(crawl_settings)
    return Config(data)


def run_crawl(*urls: str, **crawl_settings: Any) -> Site:
    cfg = config(**crawl_settings)
    site = Site(targets=list(urls), config=cfg)
    crawl(list(urls), cfg, site, Progress(quiet=True))
    return site


def record(site: Site, url: str) -> Record:
    key = normalize(url)
    assert key in site.records, f"no record for {url}; have {sorted(site.records)}"
    return site.records[key]


def html(*links: str, title: str = "t", body: str = "", extra: str = "") -> str:
    anchors = "".join(f'<a href="{href}">{href}</a> ' for href in links)
    return f"<!doctype html><html><head><title>{title}</title></head><body><p>{body}</p>{anchors}{extra}</body></html>"


def get_paths(srv, method: str = "GET") -> list[str]:
    """The paths requested, in order, robots.txt left out."""
    return [path for (m, path, _h) in srv.log if m == method and path != "/robots.txt"]

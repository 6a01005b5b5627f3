"""Shared helpers for the links tests: a Site to probe without a crawl, quick settings."""

from __future__ import annotations

from typing import Any

from checks import registry
from seotool.config import Config, defaults, merge
from seotool.crawl.probe import ProbeSettings, probe_urls
from seotool.progress import Progress
from seotool.site import Probe, Site

FAST = ProbeSettings(concurrency=4, per_host=4, connect_timeout=1.0, read_timeout=0.5, max_time=2.0,
                     max_retries=2, retry_after_cap=2.0, backoff=0.05)


def config(extra: dict[str, Any] | None = None) -> Config:
    base = defaults(registry().settings())
    base["crawl"].update(connect_timeout=1.0, read_timeout=0.5, max_time=2.0, delay=0.0)
    base["links"].update(retry_backoff=0.05, retry_after_cap=2.0)
    return Config(merge(base, extra or {}, "test"))


def probe(urls: list[str], site: Site | None = None, settings: ProbeSettings = FAST) -> dict[str, Probe]:
    site = site or Site(targets=[urls[0]], config=config())
    probe_urls(urls, site, Progress(quiet=True), settings)
    return site.probes


def methods(srv, path: str) -> list[str]:
    return [m for m, full, _h in srv.log if full.split("?")[0] == path]

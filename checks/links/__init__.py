"""The `links` check family: every link on every page, internal and external, checked once.

The gathering stage probes what ``probe_targets`` asks for (seotool.crawl.probe); the rules only
read ``site.probes``.
"""

from __future__ import annotations

from collections.abc import Iterable

from checks.links import fragments, insecure, malformed, redirects, status
from checks.links.summary import summarize
from checks.links.targets import probe_urls_for
from seotool.registry import Family
from seotool.site import Site

SETTINGS = {
    "check_external": True,  # probe links to other sites (never with --offline)
    "external_fragments": False,  # also check #fragments on other sites' pages (reads their HTML)
    "skip_urls": [],  # regexes of link targets not to check, e.g. "^https://www\\.linkedin\\.com/"
    "concurrency": 0,  # requests in flight while checking links; 0 = [crawl] concurrency
    "timeout": 0.0,  # seconds to wait for an answer; 0 = [crawl] read_timeout
    "max_retries": 2,  # retries after 429/502/503/504 or a dropped connection
    "retry_after_cap": 30.0,  # longest Retry-After wait honoured, in seconds
    "retry_backoff": 0.5,  # first wait when no Retry-After is given; doubles each retry
}

RULES = (*status.RULES, *redirects.RULES, *fragments.RULES, *insecure.RULES, *malformed.RULES)


def probe_targets(site: Site) -> Iterable[str]:
    return probe_urls_for(site)


FAMILY = Family(name="links", rules=RULES, settings=SETTINGS, probe_targets=probe_targets, summarize=summarize)

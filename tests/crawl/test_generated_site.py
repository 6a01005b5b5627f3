"""A generated site of 1,000 pages on 127.0.0.1: every page is reached exactly once (counted by
the server) and the audit JSON lists every page with a state."""

from __future__ import annotations

import json
from datetime import UTC, datetime

from seotool.registry import Registry
from seotool.result import build_result
from seotool.site import FETCHED
from tests.crawl.generated import generated_routes
from tests.crawl.helpers import run_crawl
from tests.support.server import serve

N = 1000


def test_thousand_pages_each_fetched_once_and_listed():
    with serve({}) as srv:
        routes = generated_routes(N, srv.origin)
        srv.routes.update(routes)
        site = run_crawl(srv.url("/"), max_pages=5000, max_depth=100, concurrency=4, sitemap=True)
        hits = dict(srv.hits)
    assert {path: hits.get(path, 0) for path in routes} == {path: 1 for path in routes}
    assert set(hits) == set(routes) | {"/robots.txt", "/sitemap.xml"}  # nothing else requested
    assert len(site.pages) == len(routes) == N + 2
    assert all(r.state == FETCHED and r.reason is None for r in site.records.values())
    assert len(site.records) == N + 2

    now = datetime.now(UTC)
    result = json.loads(json.dumps(build_result(site, [], [], [], Registry([]), now, now)))
    listed = {p["url"]: p["state"] for p in result["pages"]}
    assert set(listed) == {srv.url(path) for path in routes}
    assert set(listed.values()) == {"fetched"}
    assert result["summary"]["pages"] == {"fetched": N + 2}

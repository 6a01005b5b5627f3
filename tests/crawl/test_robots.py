"""robots.txt: our group's Disallow and Crawl-delay are obeyed (timed from the server's own log),
other bots' groups are not ours, --ignore-robots, and what an unreadable robots.txt means."""

from __future__ import annotations

from seotool.crawl.robots import agent_token
from seotool.site import FAILED, FETCHED, SKIPPED
from tests.crawl.helpers import html, record, run_crawl
from tests.support.server import Response, page, serve, status

ROBOTS = """\
User-agent: otherbot
Disallow: /a

User-agent: seotool
Disallow: /private/
Crawl-delay: 0.25
"""


def site_routes(robots: Response) -> dict:
    return {"/robots.txt": robots, "/": page(html("/a", "/b", "/c", "/private/x")),
            "/a": page(html()), "/b": page(html()), "/c": page(html()), "/private/x": page(html())}


def test_disallow_and_crawl_delay_for_our_user_agent():
    with serve(site_routes(Response(body=ROBOTS, content_type="text/plain"))) as srv:
        site = run_crawl(srv.url("/"), concurrency=4, per_host_concurrency=4)
        assert srv.hits["/private/x"] == 0
        times = [t for (t, method, _path) in srv.timeline if method == "GET"]
    blocked = record(site, srv.url("/private/x"))
    assert (blocked.state, blocked.reason) == (SKIPPED, "robots")
    for path in ("/", "/a", "/b", "/c"):  # /a is only closed to otherbot
        assert record(site, srv.url(path)).state == FETCHED
    assert len(times) == 5  # robots.txt + 4 pages
    gaps = [b - a for a, b in zip(times, times[1:], strict=False)]
    assert min(gaps) >= 0.2, gaps  # Crawl-delay 0.25 s, even with 4 workers free


def test_ignore_robots_reads_no_robots_txt():
    with serve(site_routes(Response(body=ROBOTS, content_type="text/plain"))) as srv:
        site = run_crawl(srv.url("/"), ignore_robots=True)
        assert srv.hits["/robots.txt"] == 0 and srv.hits["/private/x"] == 1
    assert record(site, srv.url("/private/x")).state == FETCHED


def test_missing_robots_txt_allows_everything():
    routes = site_routes(Response())
    del routes["/robots.txt"]  # 404
    with serve(routes) as srv:
        site = run_crawl(srv.url("/"))
    assert all(r.state == FETCHED for r in site.records.values())
    assert len(site.records) == 5


def test_robots_txt_server_error_means_disallowed():
    with serve(site_routes(status(503))) as srv:
        site = run_crawl(srv.url("/"))
        assert srv.hits["/"] == 0
    start = record(site, srv.url("/"))
    assert (start.state, start.reason) == (SKIPPED, "robots") and "503" in start.detail


def test_robots_txt_that_cannot_be_reached_fails_the_pages_with_its_reason():
    from tests.support.server import reset

    with serve(site_routes(reset())) as srv:
        site = run_crawl(srv.url("/"))
        assert srv.hits["/robots.txt"] == 2 and srv.hits["/"] == 0  # one retry, then give up
    start = record(site, srv.url("/"))
    assert (start.state, start.reason) == (FAILED, "reset") and "robots.txt" in start.detail


def test_agent_token_is_the_product_name():
    assert agent_token("seotool/0.1.0 (+https://github.com/seotool/seotool)") == "seotool"
    assert agent_token("ClinicAuditBot/2 (contact)") == "clinicauditbot"

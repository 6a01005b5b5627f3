"""Links that go through redirects: a permanent one to update, chains of several hops, and loops."""

from __future__ import annotations

from collections.abc import Iterable

from checks.links.status import is_broken
from checks.links.targets import excerpt, probed_targets, shown, times
from seotool.crawl.probe import REDIRECT_LOOP, TOO_MANY_REDIRECTS
from seotool.page import Page
from seotool.rules import Example, Finding, Rule, Severity
from seotool.site import Probe, Site

PERMANENT = frozenset({301, 308})


def _resolved(probe: Probe) -> bool:
    """The redirects ended on a working page (broken endings are the broken-link rule's)."""
    return bool(probe.redirects) and probe.error is None and not probe.blocked and not is_broken(probe)


def _hops(site: Site, probe: Probe) -> str:
    steps = [f"{shown(site, h['url'])} ({h['status']})" for h in probe.redirects]
    return " -> ".join([*steps, shown(site, probe.final_url or "")])


def check_redirect(page: Page, site: Site) -> Iterable[Finding]:
    for t, probe in probed_targets(page, site):
        if probe is None or not _resolved(probe) or len(probe.redirects) != 1:
            continue
        if probe.redirects[0]["status"] not in PERMANENT:
            continue  # temporary redirects are often deliberate (login, language, campaign)
        final = shown(site, probe.final_url or "")
        yield REDIRECT.finding(
            page, f"Link to {shown(site, t.url)} is permanently redirected to {final}{times(t.count)}",
            excerpt=excerpt(t.link), line=t.link.line, section=t.link.section, element=t.link.element, key=t.url,
            suggestion=f"Link straight to {final}.", severity=Severity.WARNING if t.internal else Severity.NOTICE,
            data={"target": t.url, "final_url": probe.final_url, "redirects": probe.redirects, "internal": t.internal})


def check_chain(page: Page, site: Site) -> Iterable[Finding]:
    for t, probe in probed_targets(page, site):
        if probe is None or not _resolved(probe) or len(probe.redirects) < 2:
            continue
        final = shown(site, probe.final_url or "")
        yield CHAIN.finding(
            page, f"Link goes through {len(probe.redirects)} redirects: {_hops(site, probe)}{times(t.count)}",
            excerpt=excerpt(t.link), line=t.link.line, section=t.link.section, element=t.link.element, key=t.url,
            suggestion=f"Link straight to {final}.",
            data={"target": t.url, "final_url": probe.final_url, "redirects": probe.redirects, "internal": t.internal})


def check_loop(page: Page, site: Site) -> Iterable[Finding]:
    for t, probe in probed_targets(page, site):
        if probe is None or probe.error not in (REDIRECT_LOOP, TOO_MANY_REDIRECTS):
            continue
        what = "redirects in a loop" if probe.error == REDIRECT_LOOP else "redirects too many times"
        hops = " -> ".join(shown(site, h["url"]) for h in probe.redirects[:6])
        yield LOOP.finding(
            page, f"Link to {shown(site, t.url)} {what}: {hops} -> ...{times(t.count)}", excerpt=excerpt(t.link),
            line=t.link.line, section=t.link.section, element=t.link.element, key=t.url,
            suggestion="Fix the redirect rules on the target's server, or link to the page's real address.",
            data={"target": t.url, "status": None, "error": probe.error, "redirects": probe.redirects,
                  "count": t.count, "internal": t.internal})


_HOME = '<html><head><title>Clinic</title></head><body><main><h1>Clinic</h1>{}</main></body></html>'
_OK = {"status": 200, "body": "<html><body>ok</body></html>"}

REDIRECT = Rule(
    id="links.redirect",
    title="Link to a permanently redirected address",
    severity=Severity.NOTICE,
    what="Links whose target answers with one permanent redirect (301 or 308) to a working page. Warning "
         "for links within the site (you control both ends), notice for links to other sites. Temporary "
         "redirects (302, 303, 307) are not reported on their own.",
    why="Every redirect costs the visitor a round trip, and search engines spend crawl budget on them; the "
        "old address may stop redirecting one day.",
    fix="Replace the link with the address it redirects to.",
    bad=(Example(files={"index.html": _HOME.format('<p><a href="/new-patients">New patients</a></p>')},
                 responses={"/new-patients": {"status": 301, "headers": {"Location": "/patients/new"}},
                            "/patients/new": _OK}),),
    good=(Example(files={"index.html": _HOME.format('<p><a href="/patients/new">New patients</a></p>')},
                  responses={"/patients/new": _OK}),
          Example(files={"index.html": _HOME.format('<p><a href="/book">Book a visit</a></p>')},
                  responses={"/book": {"status": 302, "headers": {"Location": "/book/step-1"}}, "/book/step-1": _OK})),
    check=check_redirect,
    needs=frozenset({"probes"}),
)

CHAIN = Rule(
    id="links.redirect-chain",
    title="Link through a chain of redirects",
    severity=Severity.WARNING,
    what="Links whose target redirects more than once before reaching a working page.",
    why="Each hop adds delay (worst on mobile), and search engines may stop following long chains.",
    fix="Link straight to the final address, and make the first redirect point there too.",
    bad=(Example(files={"index.html": _HOME.format('<p><a href="/doctors">Our doctors</a></p>')},
                 responses={"/doctors": {"status": 301, "headers": {"Location": "/team"}},
                            "/team": {"status": 302, "headers": {"Location": "/about/team"}},
                            "/about/team": _OK}),),
    good=(Example(files={"index.html": _HOME.format('<p><a href="/about/team">Our doctors</a></p>')},
                  responses={"/about/team": _OK}),),
    check=check_chain,
    needs=frozenset({"probes"}),
)

LOOP = Rule(
    id="links.redirect-loop",
    title="Link into a redirect loop",
    severity=Severity.ERROR,
    what="Links whose target redirects back to an address already visited, or more times than the crawl's "
         "max_redirects allows.",
    why="Browsers give up with an error ('too many redirects'): the page cannot be opened at all.",
    fix="Fix the redirect rules on the target's server (often an http/https or trailing-slash rule fighting "
        "another), or link to the page's real address.",
    bad=(Example(files={"index.html": _HOME.format('<p><a href="/billing">Billing</a></p>')},
                 responses={"/billing": {"status": 301, "headers": {"Location": "/pay"}},
                            "/pay": {"status": 302, "headers": {"Location": "/billing"}}}),),
    good=(Example(files={"index.html": _HOME.format('<p><a href="/billing">Billing</a></p>')},
                  responses={"/billing": {"status": 301, "headers": {"Location": "/pay"}}, "/pay": _OK}),),
    check=check_loop,
    needs=frozenset({"probes"}),
)

RULES = (REDIRECT, CHAIN, LOOP)

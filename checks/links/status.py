"""Links whose target is gone (4xx/5xx, missing file), cannot be reached, or cannot be verified
because the other site blocks automated checkers."""

from __future__ import annotations

from collections.abc import Iterable
from http import HTTPStatus

from checks.links.targets import excerpt, probed_targets, shown, times
from seotool.crawl.probe import MISSING_FILE, NETWORK_ERRORS
from seotool.page import Page
from seotool.rules import Example, Finding, Rule, Severity
from seotool.site import Probe, Site

_UNREACHABLE_WHY = {
    "timeout": "did not answer in time",
    "dns": "its host name does not resolve (no such domain)",
    "refused": "its server refused the connection",
    "reset": "its server dropped the connection",
    "tls": "its secure connection failed (certificate or TLS error)",
    "connection-error": "the connection failed",
    "bad-encoding": "its server sent a body that cannot be decoded",
    "invalid-url": "the address is not a valid URL",
    "bad-redirect": "it redirects to an address that is not a web page",
}


def status_text(code: int) -> str:
    try:
        return f"{code} {HTTPStatus(code).phrase}"
    except ValueError:
        return str(code)


def is_broken(probe: Probe) -> bool:
    if probe.error == MISSING_FILE:
        return True
    return probe.error is None and not probe.blocked and (probe.status or 0) >= 400


def is_unreachable(probe: Probe) -> bool:
    return probe.error in NETWORK_ERRORS and probe.error != "too-large" and not probe.blocked


def _after(site: Site, probe: Probe) -> str:
    if probe.redirects and probe.final_url and probe.final_url != probe.url:
        return f" after redirecting to {shown(site, probe.final_url)}"
    return ""


def check_broken(page: Page, site: Site) -> Iterable[Finding]:
    for t, probe in probed_targets(page, site):
        if probe is None or not is_broken(probe):
            continue
        if probe.error == MISSING_FILE:
            msg = f"Broken link: {shown(site, t.url)} does not exist in the folder{times(t.count)}"
            fix = f"Create {shown(site, t.url)}, or point the link at the file that exists."
        else:
            msg = f"Broken link: {shown(site, t.url)} returns {status_text(probe.status or 0)}{_after(site, probe)}{times(t.count)}"
            fix = ("Point the link at the page's current address, or remove it."
                   if (probe.status or 0) < 500 else
                   "The target's server fails: check it again later, and ask its owner or remove the link if it stays broken.")
        yield BROKEN.finding(page, msg, excerpt=excerpt(t.link), line=t.link.line, section=t.link.section,
                             element=t.link.element, key=t.url, suggestion=fix,
                             data={"target": t.url, "status": probe.status, "error": probe.error, "count": t.count,
                                   "internal": t.internal})


def check_unreachable(page: Page, site: Site) -> Iterable[Finding]:
    for t, probe in probed_targets(page, site):
        if probe is None or not is_unreachable(probe):
            continue
        why = _UNREACHABLE_WHY.get(probe.error or "", probe.error or "it failed")
        yield UNREACHABLE.finding(
            page, f"Unreachable link: {shown(site, t.url)}: {why}{times(t.count)}", excerpt=excerpt(t.link),
            line=t.link.line, section=t.link.section, element=t.link.element, key=t.url,
            suggestion="Check the address (spelling, domain); if the site is gone, remove or replace the link.",
            data={"target": t.url, "status": None, "error": probe.error, "count": t.count, "internal": t.internal})


def check_could_not_verify(page: Page, site: Site) -> Iterable[Finding]:
    for t, probe in probed_targets(page, site):
        if probe is None or not probe.blocked:
            continue
        yield COULD_NOT_VERIFY.finding(
            page, f"Could not verify {shown(site, t.url)}: {probe.detail or 'the site blocks automated checks'}",
            excerpt=excerpt(t.link), line=t.link.line, section=t.link.section, element=t.link.element, key=t.url,
            suggestion="Open the link in a browser once to confirm it works; no change is needed if it does.",
            data={"target": t.url, "status": probe.status, "count": t.count, "internal": t.internal})


_HOME = '<html><head><title>Clinic</title></head><body><main><h1>Clinic</h1>{}</main></body></html>'

BROKEN = Rule(
    id="links.broken-link",
    title="Broken link",
    severity=Severity.ERROR,
    what="Every link, image, stylesheet, script, iframe, and meta refresh whose target answers 4xx or 5xx "
         "(after following redirects), or, in a local folder, points at a file that is not there.",
    why="Patients who hit a dead insurance, directions or booking page leave; search engines read broken "
        "links as a sign of a neglected site.",
    fix="Point the link at the target's current address, or remove it. For 5xx errors, check again later.",
    bad=(
        Example.of({"index.html": _HOME.format('<p>See our <a href="insurance.html">insurance page</a>.</p>')}),
        Example(files={"index.html": _HOME.format('<p><a href="/old-forms">Patient forms</a></p>')},
                responses={"/old-forms": {"status": 404}}),
        Example(files={"index.html": _HOME.format('<p><img src="/img/map.png" alt="Map"></p>')},
                responses={"/img/map.png": {"status": 500, "content_type": "image/png"}}),
    ),
    good=(
        Example.of({"index.html": _HOME.format('<p>See our <a href="insurance.html">insurance page</a>.</p>'),
                    "insurance.html": _HOME.format("<p>We take most plans.</p>")}),
        Example(files={"index.html": _HOME.format('<p><a href="/forms">Patient forms</a></p>')},
                responses={"/forms": {"status": 200, "body": "<html><body>Forms</body></html>"}}),
    ),
    check=check_broken,
    needs=frozenset({"probes"}),
)

UNREACHABLE = Rule(
    id="links.unreachable",
    title="Unreachable link",
    severity=Severity.ERROR,
    what="Links whose server cannot be reached: unknown host name, connection refused or reset, TLS "
         "failure, or no answer before the timeout.",
    why="A link that never loads is as broken as a 404 for the patient who clicks it.",
    fix="Check the address for typos; if the other site is gone, remove or replace the link.",
    bad=(
        # Nothing listens on port 9 of this machine: the connection is refused.
        Example(files={"index.html": _HOME.format('<p><a href="http://127.0.0.1:9/portal">Patient portal</a></p>')},
                serve=True),
    ),
    good=(
        Example(files={"index.html": _HOME.format('<p><a href="{origin}/portal">Patient portal</a></p>')},
                responses={"/portal": {"status": 200, "body": "<html><body>Portal</body></html>"}}),
    ),
    check=check_unreachable,
    needs=frozenset({"probes"}),
)

COULD_NOT_VERIFY = Rule(
    id="links.could-not-verify",
    title="Link could not be verified",
    severity=Severity.NOTICE,
    what="Links to sites that refuse automated checkers: 403/503 with bot-protection headers "
         "(Cloudflare, Akamai, Imperva, Sucuri, DataDome, AWS WAF), LinkedIn's 999, or a rate limit that "
         "did not lift.",
    why="These answers say 'you look like a robot', not 'the page is gone', so they are not reported as "
        "broken; a person should confirm them once.",
    fix="Open the link in a browser; if it works, nothing needs to change.",
    bad=(
        Example(files={"index.html": _HOME.format('<p><a href="/reviews">Read our reviews</a></p>')},
                responses={"/reviews": {"status": 403, "headers": {"Server": "cloudflare", "CF-Ray": "8a1b2c3d4e5f-CLT",
                                                                    "cf-mitigated": "challenge"}}}),
        Example(files={"index.html": _HOME.format('<p><a href="/profile">Dr. Lee on LinkedIn</a></p>')},
                responses={"/profile": {"status": 999}}),
    ),
    good=(
        Example(files={"index.html": _HOME.format('<p><a href="/reviews">Read our reviews</a></p>')},
                responses={"/reviews": {"status": 200, "headers": {"Server": "cloudflare", "CF-Ray": "8a1b2c3d4e5f-CLT"}}}),
    ),
    check=check_could_not_verify,
    needs=frozenset({"probes"}),
)

RULES = (BROKEN, UNREACHABLE, COULD_NOT_VERIFY)

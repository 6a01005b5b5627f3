"""Links that are wrong as written: tel: numbers that do not dial, bad mailto: addresses,
javascript: links, and web addresses with a missing or misspelt scheme."""

from __future__ import annotations

from collections.abc import Iterable

from checks.links.syntax import link_problem
from checks.links.targets import excerpt, region
from seotool.page import Page
from seotool.rules import Example, Finding, Rule, Severity
from seotool.site import Site


def check_malformed(page: Page, site: Site) -> Iterable[Finding]:
    seen: set[str] = set()
    country = region(site)
    for link in page.links:
        href = link.href.strip()
        if href in seen:
            continue
        problem = link_problem(href, country, link.tag)
        if problem is None:
            continue
        seen.add(href)
        yield MALFORMED.finding(
            page, f"Malformed link: {problem.message}", excerpt=excerpt(link), line=link.line, section=link.section,
            element=link.element, key=href, suggestion=problem.suggestion, data={"href": href, "kind": problem.kind})


_HOME = '<html><head><title>Clinic</title></head><body><main><h1>Clinic</h1>{}</main></body></html>'

MALFORMED = Rule(
    id="links.malformed-link",
    title="Malformed link",
    severity=Severity.WARNING,
    what="tel: links that are not a dialable phone number (letters, too short, no area code, not a valid "
         "number for the clinic's country), mailto: links without a valid address, javascript: links, email "
         "addresses without mailto:, and web addresses without or with a misspelt http(s)://.",
    why="A tap-to-call or email link that does nothing loses the patient who was ready to book; "
        "javascript: links cannot be opened in a new tab, read by screen readers or followed by search engines.",
    fix="Write tel:+1XXXXXXXXXX with the full number, mailto:name@example.org, and full https:// addresses; "
        "use a <button> for actions.",
    bad=(
        Example.of(_HOME.format('<p>Call <a href="tel:555-014">(704) 555-014</a>.</p>')),
        Example.of(_HOME.format('<p>Email <a href="mailto:frontdesk@clinic">the front desk</a>.</p>')),
        Example.of(_HOME.format('<p><a href="javascript:void(0)" onclick="book()">Book now</a></p>')),
        Example.of(_HOME.format('<p><a href="frontdesk@clinic.example.org">Email us</a></p>')),
        Example.of(_HOME.format('<p><a href="htps://www.cdc.gov/">CDC</a></p>')),
    ),
    good=(
        Example.of(_HOME.format('<p>Call <a href="tel:+1-704-555-0142">(704) 555-0142</a> or '
                                '<a href="mailto:frontdesk@clinic.example.org?subject=Appointment">email us</a>. '
                                'See the <a href="https://www.cdc.gov/">CDC</a>.</p>')),
    ),
    check=check_malformed,
    needs=frozenset(),
)

RULES = (MALFORMED,)

"""local.phone-not-linked: a phone number people cannot tap to call."""

from __future__ import annotations

from collections.abc import Iterator

from checks.local.examples import CONFIG, page, site
from checks.local.nap import Occurrence, phone_occurrences, tel_links
from checks.local.pages import template_owner
from checks.local.profile import get_profile
from seotool.page import Page
from seotool.rules import Example, Finding, Rule, Severity
from seotool.site import Site


def _unlinked(page: Page, occurrences: list[Occurrence], region: str) -> list[Occurrence]:
    """Occurrences no ``tel:`` link accounts for. A link covers the occurrence of its number that
    it shows, else the nearest one above it in the same region (a "Call now" button beside the
    number)."""
    left = [o for o in occurrences if not o.fax]
    for number, link in tel_links(page, region):
        same = [o for o in left if o.phone == number and o.in_main == link.in_main]
        if not same:
            continue
        shown = [o for o in same if o.raw in link.text]
        if shown:
            left.remove(shown[0])
            continue
        above = [o for o in same if o.block.line is None or link.line is None or o.block.line <= link.line]
        left.remove(above[-1] if above else same[0])
    return left


def check_phone_not_linked(page: Page, site: Site) -> Iterator[Finding]:
    prof = get_profile(site)
    owner = template_owner(site)
    occurrences = [o for o in phone_occurrences(page, prof.region, prof.name) if not o.third_party]
    for occ in _unlinked(page, occurrences, prof.region):
        if not occ.in_main and owner.get(occ.block.text, page.url) != page.url:
            continue  # the site template's footer: reported once, on the first page that shows it
        yield PHONE_NOT_LINKED.finding(
            page,
            f"The phone number {occ.raw} is plain text; on a phone it cannot be tapped to call.",
            excerpt=occ.raw,
            block=occ.block,
            suggestion=f'<a href="tel:{occ.phone}">{occ.raw}</a>',
        )


PHONE_NOT_LINKED = Rule(
    id="local.phone-not-linked",
    title="Phone number without a tel: link",
    severity=Severity.WARNING,
    what="Finds phone numbers in the page copy, header and footer that are not inside (or right beside) an "
    "<a href=\"tel:...\"> link with the same number. Fax numbers and other organisations' numbers are skipped; "
    "a footer shared by every page is reported once.",
    why="Most patients find a clinic on their phone; a number they must copy by hand costs calls, and "
    "click-to-call is a conversion that analytics can count.",
    fix="Wrap each number in a tel: link with the full international number.",
    bad=(
        Example(files={"index.html": page("<h1>Book</h1><p>Call us at (512) 555-0142 to book a visit.</p>")},
                config=CONFIG),
        Example(files={"index.html": page("<p>Welcome.</p>", footer="<footer><p>Phone: 512-555-0142</p></footer>")},
                config=CONFIG),
    ),
    good=(
        Example(files=site(), config=CONFIG),
        Example(files={"index.html": page(
            '<p>Call us at (512) 555-0142 <a href="tel:+15125550142">Call now</a>. Fax: (512) 555-0100.</p>')},
            config=CONFIG),
    ),
    check=check_phone_not_linked,
)

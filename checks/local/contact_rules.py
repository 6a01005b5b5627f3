"""local.contact-no-map: a contact page that does not show patients the way."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

from checks.local import vocab
from checks.local.examples import CONFIG, MAP, site
from checks.local.pages import is_contact, is_home
from checks.local.profile import get_profile
from seotool.page import Page
from seotool.rules import Example, Finding, Rule, Severity
from seotool.site import Site


@cache
def _directions_re() -> re.Pattern[str]:
    alt = "|".join(re.escape(w) for w in vocab.cues().directions_words)
    return re.compile(rf"(?<!\w)(?:{alt})(?!\w)", re.I)


def has_map(page: Page) -> bool:
    """A map embed (iframe, image or link to a map service) or a link whose text offers directions."""
    hosts = vocab.cues().map_hosts
    for link in page.links:
        target = (link.url or link.href).lower()
        if any(h in target for h in hosts):
            return True
        if link.tag == "a" and _directions_re().search(link.text or ""):
            return True
    return any(any(h in (img.url or img.src).lower() for h in hosts) for img in page.images)


def check_contact_no_map(page: Page, site: Site) -> Iterator[Finding]:
    if not is_contact(page) or is_home(page) or has_map(page):
        return
    prof = get_profile(site)
    query = "+".join((prof.address_text or prof.name or "clinic").split())
    h1 = page.h1s[0].text if page.h1s else (page.title or "")
    yield CONTACT_NO_MAP.finding(
        page,
        "The contact page has no map and no directions link.",
        excerpt=h1, element="<iframe>", line=page.h1s[0].line if page.h1s else None,
        suggestion=f'<a href="https://www.google.com/maps/dir/?api=1&destination={query}">Get directions</a> '
        "or a map embed from the clinic's Google Business Profile.",
    )


CONTACT_NO_MAP = Rule(
    id="local.contact-no-map",
    title="Contact page without a map or directions link",
    severity=Severity.NOTICE,
    what="On the contact page, looks for a map embed (an iframe or image from Google Maps, Apple Maps, Bing, "
    "OpenStreetMap ... see data/cues.toml) or a link to a map service or with text such as 'Get directions'.",
    why="Patients in pain want to know how to get there; a map also ties the page to the clinic's Business "
    "Profile listing.",
    fix="Embed the Google Business Profile map or add a 'Get directions' link to it.",
    bad=(Example(files=site(contact_extra=""), config=CONFIG),),
    good=(
        Example(files=site(contact_extra=MAP), config=CONFIG),
        Example(files=site(contact_extra='<p><a href="/directions.html">Get directions</a></p>'), config=CONFIG),
    ),
    check=check_contact_no_map,
)

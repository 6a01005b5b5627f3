"""local.geo-stuffing: place names forced into copy for search engines (see checks/local/geo.py)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from typing import Any

from checks.local import geo
from checks.local.examples import CONFIG, page
from checks.local.places import Places
from checks.local.profile import get_profile
from seotool.page import Block, Page
from seotool.rules import Example, Finding, Rule, Severity, Source
from seotool.site import Site

SPAM = Source("Google Search Central: Spam policies (keyword stuffing)",
              "https://developers.google.com/search/docs/essentials/spam-policies#keyword-stuffing")


def check_geo_stuffing(page: Page, site: Site) -> Iterator[Finding]:
    prof = get_profile(site)
    places = prof.places
    settings = site.config.section("local")
    prose = [b for b in page.blocks if not b.is_heading]
    for block in prose:
        for hit in geo.run_ons(block.text, places, prof.name):
            yield GEO_STUFFING.finding(
                page,
                f"'{hit.excerpt}' runs a service straight into a place name, which reads as keyword stuffing; "
                f"say '{hit.suggestion}'.",
                excerpt=hit.excerpt, block=block, suggestion=hit.suggestion, data={"kind": hit.kind},
            )
        for hit in geo.city_lists(block.text, places, int(settings.get("city_list_min", 8))):
            yield GEO_STUFFING.finding(
                page,
                f"A list of {hit.count} place names dumped into the copy reads as keyword stuffing.",
                excerpt=hit.excerpt, block=block, confidence="medium",
                suggestion="Name the city the clinic is in once, in a sentence; give each service-area town its "
                "own page, or one short 'Areas we serve' list on the contact page.",
                data={"kind": hit.kind, "count": hit.count},
            )
    yield from _repeated(page, prof.services, places, prof.name, settings)


def _repeated(page: Page, services: list[str], places: Places, name: str, settings: dict[str, Any]) -> Iterator[Finding]:
    groups: dict[tuple[str, str], list[tuple[geo.GeoHit, Block]]] = defaultdict(list)
    for block in page.blocks:
        for hit in geo.mentions(block.text, places, services, name):
            groups[(hit.service, hit.place)].append((hit, block))
    words = max(page.word_count, 1)
    min_count = int(settings.get("geo_repeat_min", 4))
    max_density = float(settings.get("geo_repeat_density", 1.0))
    for (service, city), hits in groups.items():
        density = 100.0 * len(hits) / words
        if len(hits) < min_count or density < max_density:
            continue
        first, block = hits[0]
        yield GEO_STUFFING.finding(
            page,
            f"'{service}' + '{city.title()}' appears {len(hits)} times ({density:.1f} per 100 words), more than "
            f"reads naturally.",
            excerpt=first.excerpt, block=block, confidence="medium", key=f"repeat|{service}|{city}",
            suggestion=f"Keep '{first.excerpt}' in the title, the H1 and one sentence; elsewhere say "
            f"'{service}' or 'our clinic'.",
            data={"kind": "repeated", "count": len(hits), "density": round(density, 2)},
        )


_REPEAT = " ".join([
    "<p>Ketamine therapy in Austin helps chronic pain.</p>",
    "<p>Our Austin ketamine therapy is safe.</p>",
    "<p>Choose ketamine therapy in Austin today.</p>",
    "<p>Book Austin ketamine therapy now.</p>",
])

GEO_STUFFING = Rule(
    id="local.geo-stuffing",
    title="Keyword-stuffed or ungrammatical place names in copy",
    severity=Severity.WARNING,
    what="In main-content paragraphs (not headings or menus) finds three shapes of geo stuffing: a service or "
    "professional noun run straight into a place with no preposition ('pain management specialist Austin, TX'); "
    "the same service + city phrase repeated at least [local] geo_repeat_min times (4) and at least "
    "geo_repeat_density times per 100 words (1.0); and a list of at least city_list_min place names (8) dumped "
    "into a paragraph. Places are 'City, ST' pairs for any US city, the clinic's own and service-area cities, "
    "and state names; nouns come from data/service_nouns.txt. 'our Austin clinic', 'in Austin, TX' and "
    "'serving Austin, TX and Round Rock' are natural and never flagged.",
    why="Patients read these phrases as spam, and search engines treat keyword stuffing as a spam signal "
    "rather than a relevance one.",
    fix="Write the place the way people say it: 'pain management specialist in Austin, TX'. Mention the city "
    "where it helps the reader, not in every sentence.",
    bad=(
        Example(files={"index.html": page(
            "<p>Your trusted pain management specialist Austin, TX, offers nerve blocks.</p>")}, config=CONFIG),
        Example(files={"index.html": page("<p>Looking for the best chiropractor Denver, CO? Call today.</p>")}),
        Example(files={"index.html": page(_REPEAT)}, config=CONFIG),
        Example(files={"index.html": page(
            "<p>We serve Austin, Round Rock, Cedar Park, Georgetown, Pflugerville, Leander, Kyle and Buda.</p>")},
            config=CONFIG),
    ),
    good=(
        Example(files={"index.html": page(
            "<p>Our Austin clinic offers nerve blocks. Visit a pain management specialist in Austin, TX. "
            "Serving Austin, TX and Round Rock. Meet our massage therapist Austin.</p>")}, config=CONFIG),
        Example(files={"index.html": page(
            "<p>Ketamine therapy in Austin helps chronic pain. Dr. Jane Smith, MD, leads the team at "
            "Maple Grove Pain Clinic in Austin, Texas, and sees patients from Round Rock and Cedar Park.</p>")},
            config=CONFIG),
    ),
    check=check_geo_stuffing,
    confidence="medium",
    source=SPAM,
)

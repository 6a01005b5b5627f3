"""local.city-missing and local.service-area-page-missing: pages that say where the clinic works."""

from __future__ import annotations

import re
from collections.abc import Iterator

from checks.local.examples import CLINIC, CONFIG, page, site
from checks.local.pages import is_service_page, segments, slug
from checks.local.places import Places, split_place
from checks.local.profile import get_profile
from seotool.page import Page
from seotool.rules import Example, Finding, Rule, Severity
from seotool.site import Site

# -- local.city-missing ------------------------------------------------------------------------


def _place_label(places: Places) -> str:
    return ", ".join(p for p in (places.city, places.state or "") if p)


def _with_place(text: str, label: str) -> str:
    """'Ketamine Therapy | Brand' -> 'Ketamine Therapy in Austin, TX | Brand'."""
    m = re.search(r"\s[|–—-]\s", text)
    if not m:
        return f"{text.rstrip(' .')} in {label}"
    return f"{text[: m.start()].rstrip(' .')} in {label}{text[m.start() :]}"


def check_city_missing(page: Page, site: Site) -> Iterator[Finding]:
    prof = get_profile(site)
    places = prof.places
    if not (places.city or places.state):
        return
    extra = site.config.section("local").get("service_page_segments") or []
    if not is_service_page(page, prof.services, extra, prof.name):
        return
    label = _place_label(places)
    h1 = page.h1s[0] if page.h1s else None
    parts = [
        ("<title>", "title", page.title, page.title_line),
        ("<h1>", "H1", h1.text if h1 else None, h1.line if h1 else None),
        ('<meta name="description">', "meta description", page.description, None),
    ]
    for element, name, text, line in parts:
        if not text or not text.strip() or places.mentions(text):
            continue
        suggestion = _with_place(text, label) if name != "meta description" else (
            f"Name the place in a sentence of the description, e.g. '... in {label}.'")
        yield CITY_MISSING.finding(
            page,
            f"The {name} of this service/condition page does not name {label}.",
            excerpt=text, element=element, line=line, key=element, suggestion=suggestion,
        )


CITY_MISSING = Rule(
    id="local.city-missing",
    title="Service or condition page without the city or state in its title, H1 or description",
    severity=Severity.WARNING,
    what="On service and condition pages, checks that the <title>, the H1 and the meta description each name "
    "the clinic's city, a service-area city or the state. A page is a service/condition page when a URL path "
    "segment is one of data/service_page_segments.txt (services, treatments, conditions, what-we-treat ...) "
    "or [local] service_page_segments, when its front matter type/layout/category is service, condition or "
    "treatment, or when a configured [clinic] service is in its URL slug or H1.",
    why="'Ketamine therapy' competes nationally; 'Ketamine therapy in Austin, TX' is what local searchers type "
    "and what search engines match to the clinic's location.",
    fix="Add the city and state naturally: 'Ketamine Therapy in Austin, TX'.",
    bad=(
        Example(files=site(more={"services/ketamine-therapy.html": page(
            "<h1>Ketamine Therapy</h1><p>How it works.</p>", title="Ketamine Therapy | Maple Grove Pain Clinic",
            description="Ketamine infusions for chronic pain and depression.")}), config=CONFIG),
    ),
    good=(
        Example(files=site(more={"services/ketamine-therapy.html": page(
            "<h1>Ketamine Therapy in Austin, TX</h1><p>How it works.</p>",
            title="Ketamine Therapy in Austin, TX | Maple Grove Pain Clinic",
            description="Ketamine infusions for chronic pain at our Austin clinic.")}), config=CONFIG),
        Example(files=site(more={"blog/sleep.html": page(
            "<h1>Sleep and pain</h1><p>Tips.</p>", title="Sleep and pain", description="Sleep tips.")}),
            config=CONFIG),
        Example(files=site(more={"about.html": page(
            "<h1>About Maple Grove Pain Clinic</h1><p>Our story.</p>", title="About us",
            description="Our story.")}), config={"clinic": {**CLINIC, "services": ["pain"]}}),
    ),
    check=check_city_missing,
)

# -- local.service-area-page-missing -----------------------------------------------------------


def _has_page(site: Site, city: str) -> bool:
    s = slug(city)
    pattern = re.compile(rf"(?<![\w-]){re.escape(city)}(?![\w-])", re.I)
    for p in site.pages:
        if any(s == seg or seg.startswith(s + "-") or seg.endswith("-" + s) or f"-{s}-" in seg for seg in segments(p)):
            return True
        h1 = p.h1s[0].text if p.h1s else ""
        if pattern.search(p.title or "") or pattern.search(h1):
            return True
    return False


def check_service_area_page_missing(site: Site) -> Iterator[Finding]:
    prof = get_profile(site)
    for entry in prof.service_area:  # only ever from [clinic] service_area
        city, state = split_place(entry)
        if not city or city.lower() == prof.city.lower() or _has_page(site, city):
            continue
        label = f"{city}, {state or prof.state}".strip(", ")
        yield SERVICE_AREA_PAGE_MISSING.finding(
            None,
            f"No page is about the service-area city {label}: no URL slug, title or H1 names it.",
            excerpt=city, element="[clinic] service_area", key=city.lower(),
            suggestion=f"Add a page such as /areas/{slug(city)}/ titled '{_first(prof.services)} near {label}' "
            "that says how patients from there reach the clinic.",
        )


def _first(services: list[str]) -> str:
    return services[0].strip().capitalize() if services else "Our clinic"


SERVICE_AREA_PAGE_MISSING = Rule(
    id="local.service-area-page-missing",
    title="No page for a configured service-area city",
    severity=Severity.NOTICE,
    what="For each city in [clinic] service_area (other than the clinic's own city), looks for a page whose URL "
    "slug, title or H1 names the city.",
    why="A clinic ranks in a neighbouring town mostly through a page about serving that town; listing the town "
    "in a footer does little.",
    fix="Write one useful page per service-area city (directions, parking, which services patients from there "
    "use) and link it from the home page.",
    bad=(Example(files=site(more={"areas/round-rock.html": page("<h1>Serving Round Rock</h1><p>Directions.</p>")}),
                 config=CONFIG),),
    good=(Example(files=site(more={
        "areas/round-rock.html": page("<h1>Serving Round Rock</h1><p>Directions.</p>"),
        "areas/cedar-park-tx.html": page("<h1>Pain care for Cedar Park</h1><p>Directions.</p>"),
    }), config=CONFIG),),
    check=check_service_area_page_missing,
    scope="site",
)

"""The `local` check family: is the clinic findable in its own city?

NAP (name, address, phone) is compared with the ``[clinic]`` profile, or, without one, with details
inferred from the site (see ``profile.py``; the report then carries a note). Vocabularies that
editors maintain (service nouns, states, towns, address abbreviations, cues) are in ``data/``.
"""

from __future__ import annotations

from typing import Any

from checks.local.contact_rules import CONTACT_NO_MAP
from checks.local.geo_rules import GEO_STUFFING
from checks.local.jsonld_rules import (
    JSONLD_INVALID,
    JSONLD_MISMATCH,
    JSONLD_MISSING,
    JSONLD_RECOMMENDED,
    JSONLD_REQUIRED,
)
from checks.local.nap_rules import NAP_MISMATCH, NAP_MISSING
from checks.local.page_rules import CITY_MISSING, SERVICE_AREA_PAGE_MISSING
from checks.local.phone_rules import PHONE_NOT_LINKED
from checks.local.profile import get_profile
from seotool.registry import Family
from seotool.rules import Finding
from seotool.site import Site

SETTINGS: dict[str, Any] = {
    "geo_repeat_min": 4,  # a service + city phrase this many times on one page ...
    "geo_repeat_density": 1.0,  # ... and at least this many times per 100 words is stuffing
    "city_list_min": 8,  # this many place names in one list in a paragraph is a dumped city list
    "geo_min_decimals": 5,  # JSON-LD geo coordinates need this many decimal places (~1 m)
    "service_page_segments": [],  # extra URL path segments that mark service/condition pages
}


def summarize(site: Site, findings: list[Finding]) -> dict[str, Any]:
    """Which NAP the audit compared against, for the report header."""
    prof = get_profile(site)
    return {
        "profile": prof.source,
        "name": prof.name,
        "phone": prof.phone,
        "address": prof.address_text,
        "inferred_from": dict(prof.origins),
    }


FAMILY = Family(
    name="local",
    rules=(
        NAP_MISSING,
        NAP_MISMATCH,
        PHONE_NOT_LINKED,
        CITY_MISSING,
        SERVICE_AREA_PAGE_MISSING,
        JSONLD_MISSING,
        JSONLD_INVALID,
        JSONLD_REQUIRED,
        JSONLD_RECOMMENDED,
        JSONLD_MISMATCH,
        GEO_STUFFING,
        CONTACT_NO_MAP,
    ),
    settings=SETTINGS,
    summarize=summarize,
)

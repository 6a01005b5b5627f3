"""The clinic's name, address and phone (NAP) that every page is compared with.

From the ``[clinic]`` section of the config when it has a name, phone or street. Otherwise inferred
from the site, in this order: LocalBusiness JSON-LD (home page, then contact page, then any page);
then the numbers and addresses in the footer, home and contact pages (the number shown on the
most pages wins); the name from ``og:site_name``, the footer's copyright line, or the part of the
page titles that every page shares. The report gets a note saying which it was.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache

from checks.local import addresses, jsonld, nap, phones
from checks.local.addresses import Address
from checks.local.pages import contact_pages, home_page
from checks.local.places import Places, places_for, state_abbr
from seotool.page import Page
from seotool.site import Site


@dataclass
class Profile:
    name: str = ""
    phone: str = ""  # as configured or found
    phone_e164: str | None = None
    other_phones: frozenset[str] = frozenset()  # E.164 numbers that may appear besides the main one
    street: str = ""
    city: str = ""
    state: str = ""
    postal_code: str = ""
    address: Address | None = None
    address_written: str = ""  # an inferred address as the site writes it
    url: str = ""
    services: list[str] = field(default_factory=list)
    service_area: list[str] = field(default_factory=list)
    region: str = "US"
    source: str = "none"  # config | inferred | none
    origins: dict[str, str] = field(default_factory=dict)  # field -> where it was inferred from

    @property
    def places(self) -> Places:
        return _places(self.city, self.state, tuple(self.service_area))

    @property
    def address_text(self) -> str:
        if self.address_written:
            return self.address_written
        state_zip = " ".join(p for p in (self.state, self.postal_code) if p)
        return ", ".join(p for p in (self.street, self.city, state_zip) if p)

    @property
    def has_nap(self) -> bool:
        return bool(self.name or self.phone_e164 or self.address)

    def phone_ok(self, e164: str) -> bool:
        return e164 == self.phone_e164 or e164 in self.other_phones

    def source_label(self) -> str:
        return "the [clinic] profile" if self.source == "config" else "the details inferred from the site"


@lru_cache(maxsize=64)  # asked for on every page: one Places (with its memoised city lists) per profile
def _places(city: str, state: str, service_area: tuple[str, ...]) -> Places:
    return places_for(city, state, service_area)


def get_profile(site: Site) -> Profile:
    """The profile for this site, computed once; inferring it adds a note to ``site.notes``."""
    cached = site.cache.get("local.profile")
    if cached is None:
        cached = _from_config(site) if site.config.has_clinic_profile else _infer(site)
        site.cache["local.profile"] = cached
        if cached.source == "inferred":
            site.notes.append(_note(cached))
        elif cached.source == "none":
            site.notes.append(
                "local: no [clinic] profile in the config, and no clinic name, address or phone could be inferred "
                "from the site's JSON-LD, footer or contact page, so NAP consistency was not checked. "
                "Add a [clinic] section to seotool.toml."
            )
    return cached


def _from_config(site: Site) -> Profile:
    c = site.config.clinic
    region = phones.region_of(str(c.get("country") or "US"))
    phone = str(c.get("phone") or "")
    others = frozenset(filter(None, (phones.normalize(str(p), region) for p in c.get("other_phones") or [])))
    street, city, state, postal = (str(c.get(k) or "") for k in ("street", "city", "state", "postal_code"))
    return Profile(
        name=str(c.get("name") or ""),
        phone=phone,
        phone_e164=phones.normalize(phone, region) if phone else None,
        other_phones=others,
        street=street,
        city=city,
        state=state_abbr(state) or state,
        postal_code=postal,
        address=addresses.from_parts(street, city, state, postal) if street else None,
        url=str(c.get("url") or ""),
        services=[str(s) for s in c.get("services") or []],
        service_area=[str(s) for s in c.get("service_area") or []],
        region=region,
        source="config",
    )


def _infer(site: Site) -> Profile:
    region = phones.region_of(str(site.config.clinic.get("country") or "US"))
    prof = Profile(region=region, source="inferred")
    home = home_page(site)
    contacts = contact_pages(site)
    ordered = [p for p in [home, *contacts] if p is not None]
    ordered += [p for p in site.pages if p not in ordered]

    for page in ordered:  # 1. LocalBusiness JSON-LD
        for node in jsonld.business_nodes(page):
            where = f"JSON-LD on {page.url}"
            _take(prof, "name", jsonld.text(node.get("name")), where)
            tel = jsonld.text(node.get("telephone"))
            if tel and not prof.phone and phones.normalize(tel, region):
                prof.phone, prof.phone_e164 = tel, phones.normalize(tel, region)
                prof.origins["phone"] = where
            addr = node.get("address")
            addr = addr[0] if isinstance(addr, list) and addr else addr
            if isinstance(addr, dict) and not prof.street and jsonld.text(addr.get("streetAddress")):
                prof.street = jsonld.text(addr.get("streetAddress"))
                prof.city = jsonld.text(addr.get("addressLocality"))
                prof.state = state_abbr(jsonld.text(addr.get("addressRegion"))) or jsonld.text(addr.get("addressRegion"))
                prof.postal_code = jsonld.text(addr.get("postalCode"))
                prof.address = addresses.from_parts(prof.street, prof.city, prof.state, prof.postal_code)
                prof.origins["address"] = where
            _take(prof, "url", jsonld.text(node.get("url")), where)

    slot_pages = [p for p in ordered if nap.is_slot_page(p)] + [p for p in ordered if not nap.is_slot_page(p)]
    if not prof.phone_e164:  # 2. the number shown on the most pages, in NAP slots
        seen: Counter[str] = Counter()
        written: dict[str, str] = {}
        for page in slot_pages:
            found = {o.phone: o.raw for o in nap.phone_occurrences(page, region, "") if o.own and o.slot}
            seen.update(found.keys())
            for k, v in found.items():
                written.setdefault(k, v)
        if seen:
            best = max(seen, key=lambda k: seen[k])  # max keeps the first seen on ties
            prof.phone, prof.phone_e164 = written[best], best
            prof.origins["phone"] = "the footer, home and contact pages"
    if prof.address is None:
        for page in slot_pages:
            occ = next((o for o in nap.address_occurrences(page, "") if o.own and o.slot), None)
            if occ is not None and occ.address is not None:
                a = occ.address
                prof.address, prof.address_written = a, occ.raw
                prof.city = " ".join(w.capitalize() for w in a.city.split())
                prof.state, prof.postal_code = a.state, a.zip5
                prof.origins["address"] = page.url
                break
    if not prof.name:
        name, where = _infer_name(site, home)
        _take(prof, "name", name, where)
    # a partial [clinic] section (services, service area, city) still counts where it speaks
    c = site.config.clinic
    prof.services = [str(x) for x in c.get("services") or []]
    prof.service_area = [str(x) for x in c.get("service_area") or []]
    if c.get("city"):
        prof.city, prof.state = str(c["city"]), state_abbr(str(c.get("state") or "")) or str(c.get("state") or "")
    if not prof.has_nap:
        prof.source = "none"
    return prof


def _take(prof: Profile, key: str, value: str, where: str) -> None:
    if value and not getattr(prof, key):
        setattr(prof, key, value)
        prof.origins[key] = where


_COPYRIGHT = re.compile(r"(?:©|&copy;|\(c\)|copyright)\s*(?:\d{4}(?:\s*[-–]\s*\d{4})?)?\s*,?\s*"
                        r"([A-Z][\w&'’.,-]*(?:\s+[\w&'’.,-]+){0,6}?)\s*(?:[.|]|all rights|$)", re.I)


def _infer_name(site: Site, home: Page | None) -> tuple[str, str]:
    pages = [home] if home is not None else []
    pages += [p for p in site.pages if p is not home]
    for page in pages[:1]:
        site_name = (page.meta.get("og:site_name") or [""])[0].strip()
        if site_name:
            return site_name, f"og:site_name on {page.url}"
    for page in pages[:3]:
        for b in page.chrome_blocks:
            m = _COPYRIGHT.search(b.text)
            if m:
                return m.group(1).strip(" ,."), f"the copyright line on {page.url}"
    parts: Counter[str] = Counter()
    for page in site.pages:
        if page.title:
            # each part once per title, in title order (a set's order changes between runs, and
            # so would the winner of a tie)
            parts.update(list(dict.fromkeys(p.strip() for p in re.split(r"\s[|–—-]\s|\s::\s", page.title) if p.strip())))
    if len(site.pages) >= 2 and parts:
        best, n = parts.most_common(1)[0]
        if n >= max(2, len(site.pages) // 2):
            return best, "the page titles"
    return "", ""


def _note(prof: Profile) -> str:
    bits = []
    if prof.name:
        bits.append(f"name '{prof.name}' ({prof.origins.get('name', '?')})")
    if prof.phone_e164:
        bits.append(f"phone '{prof.phone}' ({prof.origins.get('phone', '?')})")
    if prof.address is not None:
        bits.append(f"address '{prof.address_text}' ({prof.origins.get('address', '?')})")
    return (
        "local: no [clinic] profile in the config, so name, address and phone were inferred from the site and "
        "every page was checked against them: " + "; ".join(bits) + ". Add a [clinic] section to seotool.toml "
        "to check against the clinic's real details."
    )

"""local.nap-missing and local.nap-mismatch: the clinic's name, address and phone where people look
for them, and the same everywhere."""

from __future__ import annotations

from collections.abc import Iterator

from checks.local import names, phones
from checks.local.examples import CONFIG, FOOTER, PHONE_LINK, contact_page, page, site
from checks.local.nap import address_occurrences, phone_occurrences, tel_links
from checks.local.pages import contact_pages, home_page, template_owner
from checks.local.profile import Profile, get_profile
from seotool.page import Page
from seotool.rules import Example, Finding, Rule, Severity
from seotool.site import Site

# -- local.nap-missing -------------------------------------------------------------------------


def _present(prof: Profile, page: Page, *, chrome_only: bool) -> dict[str, bool]:
    text = page.footer_text if chrome_only else f"{page.main_text}\n{page.footer_text}"
    phone_occ = [o for o in phone_occurrences(page, prof.region, prof.name) if not (o.fax or o.third_party)]
    addr_occ = address_occurrences(page, prof.name)
    if chrome_only:
        phone_occ = [o for o in phone_occ if not o.in_main]
        addr_occ = [o for o in addr_occ if not o.in_main]
    tels = [link for _, link in tel_links(page, prof.region) if not (chrome_only and link.in_main)]
    street_written = bool(prof.address and prof.address.number and prof.address.street and
                          prof.address.number in text and prof.address.street.split()[0] in text.lower())
    out = {"phone": bool(phone_occ or tels), "address": bool(addr_occ) or street_written}
    if prof.name:
        out = {"name": names.mentioned_in(prof.name, text), **out}
    return out


def check_nap_missing(site: Site) -> Iterator[Finding]:
    prof = get_profile(site)
    home = home_page(site)
    places: list[tuple[str, Page, bool]] = []
    if home is not None:
        places.append(("home page", home, False))
    contacts = contact_pages(site)
    if contacts:
        places.append(("contact page", contacts[0], False))
    template = home or (site.pages[0] if site.pages else None)
    if template is not None and any(p.chrome_blocks for p in site.pages):  # no template audited: skip
        places.append(("site footer", template, True))
    for where, target, chrome in places:
        missing = [k for k, ok in _present(prof, target, chrome_only=chrome).items() if not ok]
        if not missing:
            continue
        parts = " and ".join(missing) if len(missing) < 3 else "name, address and phone"
        yield NAP_MISSING.finding(
            target,
            f"The {where} does not show the clinic's {parts}.",
            element=where,
            key=where,
            suggestion=_nap_block(prof),
            data={"missing": missing},
        )


def _nap_block(prof: Profile) -> str:
    bits = [prof.name, prof.address_text, prof.phone]
    shown = " · ".join(b for b in bits if b)
    return f"Show the clinic's name, address and phone here as text: {shown}" if shown else (
        "Show the clinic's name, street address and phone number here as text.")


NAP_MISSING = Rule(
    id="local.nap-missing",
    title="Name, address or phone missing from the home page, contact page or footer",
    severity=Severity.WARNING,
    what="Looks for the clinic's name, street address and phone number on the home page, on the contact page "
    "and in the site footer (the header/footer of the home page).",
    why="Search engines and patients look for NAP in these three places; a clinic whose home page or footer "
    "hides its address or number ranks lower in local results and loses calls.",
    fix="Put the name, full street address and a tappable phone number in the footer template, and repeat "
    "them on the contact page.",
    bad=(
        Example(files=site(more={}) | {"index.html": page("<h1>Welcome</h1><p>Pain care.</p>", footer="")},
                config=CONFIG),
        Example(files={"index.html": page("<p>Call us.</p>", footer="<footer><p>Maple Grove Pain Clinic</p></footer>")},
                config=CONFIG),
    ),
    good=(Example(files=site(), config=CONFIG),),
    check=check_nap_missing,
    scope="site",
)

# -- local.nap-mismatch ------------------------------------------------------------------------


def _chrome_first_here(site: Site, page: Page, text: str) -> bool:
    return template_owner(site).get(text, page.url) == page.url


def _tel_owner(site: Site) -> dict[str, str]:
    owner = site.cache.get("local.tel_owner")
    if owner is None:
        owner = {}
        for p in site.pages:
            for link in p.links:
                if not link.in_main and link.href.lower().startswith("tel:"):
                    owner.setdefault(link.href, p.url)
        site.cache["local.tel_owner"] = owner
    return owner


def check_nap_mismatch(page: Page, site: Site) -> Iterator[Finding]:
    prof = get_profile(site)
    if prof.source == "none":
        return
    conf = "high" if prof.source == "config" else "medium"
    label = prof.source_label()
    reported: set[str] = set()
    not_own: set[str] = set()
    if prof.phone_e164:
        for occ in phone_occurrences(page, prof.region, prof.name):
            if not occ.own:
                not_own.add(occ.phone or "")
                continue
            if prof.phone_ok(occ.phone or "") or occ.phone in reported:
                continue
            if not occ.in_main and not _chrome_first_here(site, page, occ.block.text):
                continue
            reported.add(occ.phone or "")
            yield NAP_MISMATCH.finding(
                page,
                f"Phone number {occ.raw} differs from the clinic's {prof.phone} ({label}).",
                excerpt=occ.raw, block=occ.block, suggestion=prof.phone, confidence=conf,
                data={"found": occ.phone, "expected": prof.phone_e164},
            )
        for number, link in tel_links(page, prof.region):
            if prof.phone_ok(number) or number in reported or number in not_own:
                continue
            if not link.in_main and _tel_owner(site).get(link.href, page.url) != page.url:
                continue
            reported.add(number)
            yield NAP_MISMATCH.finding(
                page,
                f"The tel: link {link.href} dials {phones.display(number)}, not the clinic's {prof.phone} ({label}).",
                excerpt=link.href, element=link.element, line=link.line, section=link.section,
                suggestion=f'<a href="tel:{prof.phone_e164}">{prof.phone}</a>', confidence=conf,
                data={"found": number, "expected": prof.phone_e164},
            )
    if prof.address is not None and prof.address.has_street:
        for occ in address_occurrences(page, prof.name):
            if not occ.own or occ.address is None:
                continue
            diffs = prof.address.differences(occ.address)
            if not diffs or occ.raw in reported:
                continue
            if not occ.in_main and not _chrome_first_here(site, page, occ.block.text):
                continue
            reported.add(occ.raw)
            parts = ", ".join(_PART_NAMES[d] for d in diffs)
            yield NAP_MISMATCH.finding(
                page,
                f"Address '{occ.raw}' differs from the clinic's '{prof.address_text}' ({label}): {parts}.",
                excerpt=occ.raw, block=occ.block, suggestion=prof.address_text, confidence=conf,
                data={"differs": diffs},
            )
    site_name = (page.meta.get("og:site_name") or [""])[0].strip()
    if prof.name and site_name and not names.same_name(site_name, prof.name) and prof.source == "config":
        yield NAP_MISMATCH.finding(
            page,
            f"og:site_name '{site_name}' is not the clinic's name '{prof.name}' ({label}).",
            excerpt=site_name, element='<meta property="og:site_name">', suggestion=prof.name,
        )


_PART_NAMES = {
    "number": "house number", "street": "street", "suffix": "street type", "predir": "direction",
    "postdir": "direction", "unit": "suite/unit", "city": "city", "state": "state", "zip5": "ZIP code",
}

_WRONG_PHONE_FOOTER = FOOTER.replace(PHONE_LINK, '<a href="tel:+15125550199">(512) 555-0199</a>')

NAP_MISMATCH = Rule(
    id="local.nap-mismatch",
    title="Name, address or phone differs from the clinic's",
    severity=Severity.ERROR,
    what="Compares every phone number, tel: link and street address that a page gives as the clinic's own "
    "with the [clinic] profile (or, without one, with the details inferred from the site). Phones are "
    "compared after normalisation; addresses forgive 'St.'/'Street', 'Ste'/'Suite', ZIP+4 and state names, "
    "but not a different house number, street, suite or city. Numbers labelled fax, and hotlines or other "
    "organisations' numbers, are left alone; extra numbers of the clinic go in [clinic] other_phones.",
    why="Inconsistent NAP splits a clinic's local ranking signals and sends patients to a wrong number or door.",
    fix="Correct the page (often one old template or a copied page) to the clinic's current details.",
    bad=(
        Example(files=site(more={"about.html": page("<h1>About</h1><p>We care.</p>", footer=_WRONG_PHONE_FOOTER)}),
                config=CONFIG),
        Example(files=site(more={"about.html": page(
            "<h1>Visit us</h1><p>Our office is at 1551 Mockingbird Lane, Suite 200, Austin, TX 78704.</p>")}),
            config=CONFIG),
        Example(files={"index.html": page("<p>Call us at 512-555-0199 to book.</p>")}, config=CONFIG),
        Example(files=site(more={"services/nerve-blocks.html": page(
            '<h1>Nerve blocks</h1><p>Questions before your procedure? Call '
            '<a href="tel:+15125550199">(512) 555-0199</a>.</p>')}), config=CONFIG),
    ),
    good=(
        Example(files=site(more={"about.html": page(
            "<h1>Visit us</h1><p>Our office is at 1515 Mockingbird Lane Suite 200, Austin, Texas 78704-1234. "
            "Call us at 512.555.0142. Fax: (512) 555-0100. In a crisis, call the national lifeline at "
            "1-800-273-8255.</p>")}), config=CONFIG),
        Example(files={"index.html": contact_page()}, config=CONFIG),
        Example(files=site(more={"services/nerve-blocks.html": page(
            "<h1>Nerve blocks</h1><p>If you take a blood thinner, call your pharmacist at (512) 555-0111 "
            "before the procedure.</p>")}), config=CONFIG),
    ),
    check=check_nap_mismatch,
)

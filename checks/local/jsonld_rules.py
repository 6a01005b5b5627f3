"""The clinic's LocalBusiness JSON-LD: present, valid, complete and true.

Markup repeated on many pages (a site-wide template) is judged once, on the first page that has it.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from urllib.parse import urlsplit

from checks.local import addresses, names, phones
from checks.local.examples import CLINIC, CONFIG, business_jsonld, contact_page, page, site
from checks.local.jsonld import BusinessNode, all_types, business_blocks, decimals, first_dict, text
from checks.local.pages import is_contact, is_home
from checks.local.profile import Profile, get_profile
from seotool.page import Page
from seotool.rules import Example, Finding, Rule, Severity, Source
from seotool.site import Site

GOOGLE = Source("Google Search Central: Local business structured data",
                "https://developers.google.com/search/docs/appearance/structured-data/local-business")
_ELEMENT = '<script type="application/ld+json">'

# -- local.jsonld-missing ----------------------------------------------------------------------


def suggested_jsonld(prof: Profile) -> str:
    node: dict[str, object] = {"@context": "https://schema.org", "@type": "MedicalClinic", "name": prof.name or "…"}
    node["address"] = {"@type": "PostalAddress", "streetAddress": prof.street or "…",
                       "addressLocality": prof.city or "…", "addressRegion": prof.state or "…",
                       "postalCode": prof.postal_code or "…"}
    node["telephone"] = prof.phone_e164 or "…"
    if prof.url:
        node["url"] = prof.url
    return f'{_ELEMENT}{json.dumps(node, ensure_ascii=False)}</script>'


def check_jsonld_missing(page: Page, site: Site) -> Iterator[Finding]:
    if not (is_home(page) or is_contact(page)) or business_blocks(page):
        return
    types = all_types(page)
    where = "home page" if is_home(page) else "contact page"
    found = f" (it has {', '.join(types)})" if types else ""
    yield JSONLD_MISSING.finding(
        page,
        f"The {where} has no LocalBusiness/MedicalClinic JSON-LD{found}.",
        excerpt=", ".join(types), element=_ELEMENT, suggestion=suggested_jsonld(get_profile(site)),
    )


JSONLD_MISSING = Rule(
    id="local.jsonld-missing",
    title="No LocalBusiness JSON-LD on the home or contact page",
    severity=Severity.WARNING,
    what="Looks on the home page and the contact page for a JSON-LD node whose @type is LocalBusiness or one "
    "of its health types (MedicalClinic, MedicalBusiness, Physician, Dentist ... see data/business_types.txt), "
    "at the top level, in @graph or nested.",
    why="This markup is how search engines read the clinic's name, address, phone and hours for the local "
    "pack and the knowledge panel.",
    fix="Add a MedicalClinic (or Physician, Dentist ...) JSON-LD block with the clinic's details.",
    bad=(
        Example(files=site(home_head=""), config=CONFIG),
        Example(files=site(home_head='<script type="application/ld+json">{"@context": "https://schema.org", '
                                     '"@type": "WebSite", "name": "Maple Grove"}</script>'), config=CONFIG),
    ),
    good=(
        Example(files=site(), config=CONFIG),
        Example(files=site(home_head='<script type="application/ld+json">{"@context": "https://schema.org", '
                                     '"@graph": [{"@type": "WebPage", "about": ' + business_jsonld()[35:-9]
                                     + '}]}</script>'), config=CONFIG),
    ),
    check=check_jsonld_missing,
    source=GOOGLE,
)

# -- local.jsonld-invalid ----------------------------------------------------------------------


def check_jsonld_invalid(page: Page, site: Site) -> Iterator[Finding]:
    for block in page.jsonld:
        if block.error is None:
            continue
        raw = " ".join(block.raw.split())
        yield JSONLD_INVALID.finding(
            page,
            f"JSON-LD block is not valid JSON ({block.error}); search engines ignore all of it.",
            excerpt=raw[:120] + ("…" if len(raw) > 120 else ""), element=_ELEMENT, line=block.line,
            suggestion="Validate the block (e.g. with the Schema Markup Validator) and fix the syntax: "
            "a missing comma or quote, a trailing comma, or a comment.",
        )


JSONLD_INVALID = Rule(
    id="local.jsonld-invalid",
    title="JSON-LD that is not valid JSON",
    severity=Severity.ERROR,
    what="Parses every <script type=\"application/ld+json\"> block and reports those that are not valid JSON.",
    why="One syntax error makes search engines drop the whole block: the clinic's structured data is gone.",
    fix="Fix the JSON syntax (trailing commas, unquoted keys, smart quotes and comments are the usual causes).",
    bad=(Example(files=site(home_head='<script type="application/ld+json">{"@type": "MedicalClinic", '
                                      '"name": "Maple Grove Pain Clinic",}</script>'), config=CONFIG),),
    good=(Example(files=site(), config=CONFIG),),
    check=check_jsonld_invalid,
    source=GOOGLE,
)

# -- shared: each distinct business node once --------------------------------------------------


def _distinct_nodes(site: Site, references: bool = True) -> Iterator[tuple[Page, BusinessNode, int]]:
    """(first page, node, number of pages with it) for every distinct business node; without the
    nested mentions that give no details when ``references`` is False."""
    first: dict[str, tuple[Page, BusinessNode]] = {}
    count: dict[str, int] = {}
    for p in site.pages:
        for b in {b.canonical(): b for b in business_blocks(p) if references or not b.reference}.values():
            key = b.canonical()
            first.setdefault(key, (p, b))
            count[key] = count.get(key, 0) + 1
    for key, (p, b) in first.items():
        yield p, b, count[key]


def _also(n: int) -> str:
    return f" (the same markup is on {n} pages)" if n > 1 else ""


# -- local.jsonld-required ---------------------------------------------------------------------

_ADDRESS_PARTS = ("streetAddress", "addressLocality", "addressRegion", "postalCode")


def check_jsonld_required(site: Site) -> Iterator[Finding]:
    for first_page, b, n in _distinct_nodes(site, references=False):
        node = b.node
        missing: list[str] = []
        if not text(node.get("name")):
            missing.append("name")
        address = node.get("address")
        addr = first_dict(address)
        if address in (None, "", []):
            missing.append("address")
        elif addr is None:
            missing.append("address (a text, not a PostalAddress)")
        else:
            missing += [f"address.{k}" for k in _ADDRESS_PARTS if not text(addr.get(k))]
        for prop in missing:
            yield JSONLD_REQUIRED.finding(
                first_page,
                f"{b.type_label} JSON-LD has no {prop}{_also(n)}.",
                element=prop.split(" ")[0], line=b.block.line, key=f"{prop}|{b.type_label}",
                suggestion=_fill(prop.split(" ")[0], get_profile(site)),
            )


def _fill(prop: str, prof: Profile) -> str:
    values = {
        "name": prof.name, "telephone": prof.phone_e164 or "", "url": prof.url,
        "address.streetAddress": prof.street, "address.addressLocality": prof.city,
        "address.addressRegion": prof.state, "address.postalCode": prof.postal_code,
    }
    value = values.get(prop, "")
    if prop == "address":
        return ('Add "address": {"@type": "PostalAddress", "streetAddress": ..., "addressLocality": ..., '
                '"addressRegion": ..., "postalCode": ...}')
    return f'Add "{prop.split(".")[-1]}": "{value}"' if value else f'Add "{prop}".'


_NO_ZIP = business_jsonld(address={"@type": "PostalAddress", "streetAddress": "1515 Mockingbird Lane, Suite 200",
                                   "addressLocality": "Austin", "addressRegion": "TX"})

JSONLD_REQUIRED = Rule(
    id="local.jsonld-required",
    title="LocalBusiness JSON-LD without a required property",
    severity=Severity.ERROR,
    what="Checks each LocalBusiness-type JSON-LD node for name and a PostalAddress with streetAddress, "
    "addressLocality, addressRegion and postalCode. A business named inside another node's property without "
    "any details (a MedicalWebPage's \"publisher\": {\"@type\": \"MedicalClinic\", \"name\": ...}) is a "
    "mention of the clinic, not its markup, and is not judged.",
    why="Google requires name and address for local business rich results; without them the markup is ignored.",
    fix="Add the missing property with the clinic's real value.",
    bad=(
        Example(files=site(home_head=_NO_ZIP), config=CONFIG),
        Example(files=site(home_head=business_jsonld(name=None, address="1515 Mockingbird Lane, Austin, TX")),
                config=CONFIG),
    ),
    good=(
        Example(files=site(), config=CONFIG),
        Example(files=site(more={"conditions/sciatica.html": page(
            "<h1>Sciatica</h1>", head='<script type="application/ld+json">{"@context": "https://schema.org", '
            '"@type": "MedicalWebPage", "name": "Sciatica", "publisher": {"@type": "MedicalClinic", '
            '"name": "Maple Grove Pain Clinic"}}</script>')}), config=CONFIG),
    ),
    check=check_jsonld_required,
    scope="site",
    source=GOOGLE,
)

# -- local.jsonld-recommended ------------------------------------------------------------------


def check_jsonld_recommended(site: Site) -> Iterator[Finding]:
    min_decimals = int(site.config.section("local").get("geo_min_decimals", 5))
    prof = get_profile(site)
    for first_page, b, n in _distinct_nodes(site, references=False):
        node = b.node
        gaps: list[tuple[str, str, str]] = []  # (property, message, excerpt)
        for prop in ("telephone", "url"):
            if not text(node.get(prop)):
                gaps.append((prop, f"has no {prop}", ""))
        geo = first_dict(node.get("geo"))
        if geo is None:
            gaps.append(("geo", "has no geo coordinates", ""))
        else:
            for axis in ("latitude", "longitude"):
                value = text(geo.get(axis))
                if not value:
                    gaps.append((f"geo.{axis}", f"has no geo.{axis}", ""))
                    continue
                places = decimals(b.block.raw, axis, geo.get(axis))
                if places < min_decimals:
                    gaps.append((f"geo.{axis}", f"gives geo.{axis} {value} with {places} decimal place(s); "
                                 f"use at least {min_decimals} (about 1 m)", value))
        if not node.get("openingHoursSpecification"):
            gaps.append(("openingHoursSpecification", "has no openingHoursSpecification", ""))
        for prop, what, excerpt in gaps:
            yield JSONLD_RECOMMENDED.finding(
                first_page, f"{b.type_label} JSON-LD {what}{_also(n)}.",
                excerpt=excerpt, element=prop, line=b.block.line, key=f"{prop}|{b.type_label}",
                suggestion=_fill(prop, prof) if prop in ("telephone", "url") else _HOW.get(prop.split(".")[0], ""),
            )


_HOW = {
    "geo": 'Add "geo": {"@type": "GeoCoordinates", "latitude": 30.24512, "longitude": -97.76893} with the '
    "entrance's coordinates to 5 decimals.",
    "openingHoursSpecification": 'Add "openingHoursSpecification": [{"@type": "OpeningHoursSpecification", '
    '"dayOfWeek": ["Monday", ...], "opens": "08:00", "closes": "17:00"}].',
}

JSONLD_RECOMMENDED = Rule(
    id="local.jsonld-recommended",
    title="LocalBusiness JSON-LD without a recommended property",
    severity=Severity.NOTICE,
    what="Checks each LocalBusiness-type JSON-LD node for telephone, url, geo (latitude and longitude with at "
    "least [local] geo_min_decimals decimal places, 5 by default) and openingHoursSpecification.",
    why="Google recommends these; hours and precise coordinates decide whether the clinic shows as open and "
    "where its pin lands.",
    fix="Add the property; take coordinates from the map pin on the clinic's entrance.",
    bad=(
        Example(files=site(home_head=business_jsonld(openingHoursSpecification=None, telephone=None)), config=CONFIG),
        Example(files=site(home_head=business_jsonld(geo={"@type": "GeoCoordinates", "latitude": 30.245,
                                                          "longitude": -97.76893})), config=CONFIG),
    ),
    good=(Example(files=site(), config=CONFIG),),
    check=check_jsonld_recommended,
    scope="site",
    source=GOOGLE,
)

# -- local.jsonld-mismatch ---------------------------------------------------------------------


def _host(url: str) -> str:
    host = urlsplit(url if "//" in url else f"//{url}").hostname or ""
    return host[4:] if host.startswith("www.") else host


def check_jsonld_mismatch(site: Site) -> Iterator[Finding]:
    prof = get_profile(site)
    if prof.source == "none":
        return
    label = prof.source_label()
    conf = "high" if prof.source == "config" else "medium"
    for first_page, b, n in _distinct_nodes(site):
        node = b.node
        wrong: list[tuple[str, str, str]] = []  # (property, written value, expected)
        name = text(node.get("name"))
        if prof.name and name and not names.same_name(name, prof.name):
            wrong.append(("name", name, prof.name))
        tel = text(node.get("telephone"))
        number = phones.normalize(tel, prof.region) if tel else None
        if prof.phone_e164 and tel and not (number and prof.phone_ok(number)):
            wrong.append(("telephone", tel, prof.phone))
        addr = first_dict(node.get("address"))
        if prof.address is not None and addr is not None and text(addr.get("streetAddress")):
            written = addresses.from_parts(text(addr.get("streetAddress")), text(addr.get("addressLocality")),
                                           text(addr.get("addressRegion")), text(addr.get("postalCode")))
            diffs = prof.address.differences(written) if written is not None else []
            if written is not None and diffs:
                wrong.append((f"address ({', '.join(diffs)})", written.raw, prof.address_text))
        url = text(node.get("url"))
        if prof.url and url and _host(url) and _host(prof.url) and _host(url) != _host(prof.url):
            wrong.append(("url", url, prof.url))
        for prop, value, expected in wrong:
            yield JSONLD_MISMATCH.finding(
                first_page, f"{b.type_label} JSON-LD {prop} '{value}' contradicts {label} ('{expected}'){_also(n)}.",
                excerpt=value, element=prop.split(" ")[0], line=b.block.line, key=f"{prop}|{b.type_label}",
                suggestion=expected, confidence=conf,
            )


JSONLD_MISMATCH = Rule(
    id="local.jsonld-mismatch",
    title="LocalBusiness JSON-LD contradicts the clinic's details",
    severity=Severity.ERROR,
    what="Compares the name, telephone, address and url of each LocalBusiness-type JSON-LD node with the "
    "[clinic] profile (or the details inferred from the site), with the same tolerance as local.nap-mismatch: "
    "name variants (LLC, '&'/'and', 'Ctr.'), phone formats and address abbreviations are not differences.",
    why="Structured data that disagrees with the page or the Business Profile is distrusted, and a wrong phone in "
    "it can end up in the search result itself.",
    fix="Update the JSON-LD (often a plugin setting or a template copied from another clinic).",
    bad=(
        Example(files=site(home_head=business_jsonld(telephone="+1-512-555-0199")), config=CONFIG),
        Example(files=site(home_head=business_jsonld(
            name="Oak Hill Spine Center",
            address={"@type": "PostalAddress", "streetAddress": "1515 Mockingbird Lane, Suite 200",
                     "addressLocality": "Round Rock", "addressRegion": "TX", "postalCode": "78664"})),
            config=CONFIG),
    ),
    good=(
        Example(files=site(home_head=business_jsonld(
            name="Maple Grove Pain Clinic, PLLC", telephone="512.555.0142",
            address={"@type": "PostalAddress", "streetAddress": "1515 Mockingbird Ln, Ste. 200",
                     "addressLocality": "Austin", "addressRegion": "Texas", "postalCode": "78704-2231"})),
            config=CONFIG),
        Example(files={"index.html": page("<h1>Welcome</h1>", head=business_jsonld()),
                       "contact.html": contact_page()}, config={"clinic": {**CLINIC, "url": "https://www.maplegrove.example/"}}),
    ),
    check=check_jsonld_mismatch,
    scope="site",
    source=GOOGLE,
)

"""Building blocks for the local rules' bad/good examples: a clinic profile and small pages.

The examples use a made-up clinic; each rule's own examples change only what that rule is about,
so a reader can see the difference at a glance.
"""

from __future__ import annotations

import json
from typing import Any

CLINIC: dict[str, Any] = {
    "name": "Maple Grove Pain Clinic",
    "street": "1515 Mockingbird Lane, Suite 200",
    "city": "Austin",
    "state": "TX",
    "postal_code": "78704",
    "phone": "(512) 555-0142",
    "url": "https://maplegrove.example",
    "services": ["ketamine therapy", "nerve blocks"],
    "service_area": ["Round Rock", "Cedar Park"],
}
CONFIG = {"clinic": CLINIC}

ADDRESS_HTML = "1515 Mockingbird Ln., Ste 200<br>Austin, TX 78704"
PHONE_LINK = '<a href="tel:+15125550142">(512) 555-0142</a>'
FOOTER = f"<footer><p>Maple Grove Pain Clinic</p><address>{ADDRESS_HTML}</address><p>Call {PHONE_LINK}</p></footer>"


def business_jsonld(**overrides: Any) -> str:
    """A complete MedicalClinic JSON-LD block for the example clinic; ``None`` drops a key."""
    node: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "MedicalClinic",
        "name": "Maple Grove Pain Clinic",
        "url": "https://maplegrove.example/",
        "telephone": "+1-512-555-0142",
        "address": {
            "@type": "PostalAddress",
            "streetAddress": "1515 Mockingbird Lane, Suite 200",
            "addressLocality": "Austin",
            "addressRegion": "TX",
            "postalCode": "78704",
        },
        "geo": {"@type": "GeoCoordinates", "latitude": 30.24512, "longitude": -97.76893},
        "openingHoursSpecification": [
            {"@type": "OpeningHoursSpecification", "dayOfWeek": ["Monday", "Tuesday", "Wednesday"],
             "opens": "08:00", "closes": "17:00"}
        ],
    }
    for key, value in overrides.items():
        if value is None:
            node.pop(key, None)
        else:
            node[key] = value
    return f'<script type="application/ld+json">{json.dumps(node)}</script>'


def page(body: str, *, title: str = "Maple Grove Pain Clinic | Austin, TX", head: str = "",
         footer: str = FOOTER, description: str = "Pain care in Austin, TX.") -> str:
    return (
        f'<!doctype html><html lang="en"><head><title>{title}</title>'
        f'<meta name="description" content="{description}">{head}</head>'
        f"<body><main>{body}</main>{footer}</body></html>"
    )


def contact_page(extra: str = "", head: str | None = None) -> str:
    return page(
        f"<h1>Contact us</h1><p>Maple Grove Pain Clinic</p><address>{ADDRESS_HTML}</address>"
        f"<p>Phone: {PHONE_LINK}</p>{extra}",
        title="Contact | Maple Grove Pain Clinic",
        head=business_jsonld() if head is None else head,
    )


MAP = '<iframe src="https://www.google.com/maps/embed?pb=maplegrove" title="Map"></iframe>'


def site(home_body: str = "<h1>Pain care in Austin, TX</h1><p>Welcome.</p>", *, home_head: str | None = None,
         contact_extra: str = MAP, more: dict[str, str] | None = None) -> dict[str, str]:
    """A small clean site: home, contact (with a map) and whatever ``more`` adds."""
    files = {
        "index.html": page(home_body, head=business_jsonld() if home_head is None else home_head),
        "contact.html": contact_page(contact_extra),
    }
    files.update(more or {})
    return files

"""Links that are wrong as written, before any request: bad ``tel:`` and ``mailto:`` addresses,
``javascript:`` links, and web addresses with a missing or misspelt scheme.

Pure functions of the href text; the ``malformed-link`` rule reports them and the prober skips
them (a misspelt address would otherwise also show up as a confusing 404 of a relative path).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from urllib.parse import unquote, urlsplit

import phonenumbers


@dataclass(frozen=True)
class Problem:
    kind: str  # javascript | tel | mailto | scheme
    message: str
    suggestion: str


_EMAIL = re.compile(r"^[^\s@<>()\[\],;:\"]+@(?:[^\W_](?:[\w-]*[^\W_])?\.)+[^\W\d_]{2,}$", re.UNICODE)
_BARE_EMAIL = re.compile(r"^[^\s/:@?#]+@[^\s/:@?#]+\.[a-z]{2,}$", re.I)
_PHONE_CHARS = re.compile(r"^\+?[\d\s().\-/]+$")
_SCHEME = re.compile(r"^([a-z][a-z0-9+.\-]*)\s*[:;]", re.I)


@lru_cache(maxsize=65536)  # nav and footer links repeat on every page
def link_problem(href: str, region: str = "US", tag: str = "a") -> Problem | None:
    """What is wrong with ``href`` as written on a ``tag`` element, or None."""
    h = href.strip()
    low = h.lower()
    if low.startswith("javascript:"):
        return Problem("javascript", "link runs JavaScript instead of going to an address",
                       "Use a real URL in href (and a <button> for actions); people opening it in a new tab, "
                       "screen readers and search engines cannot follow javascript: links.")
    if low.startswith("tel:"):
        return _tel(h[4:], region)
    if low.startswith("mailto:"):
        return _mailto(h[7:])
    if tag not in ("a", "area"):
        return _scheme(h, low)  # "logo@2x.png" is an image, not an email address
    if _BARE_EMAIL.match(h):
        return Problem("mailto", f"email address written without mailto: ({h})",
                       f"Write href=\"mailto:{h}\"; as written the browser opens a page named after the address.")
    if low.startswith("www."):
        return Problem("scheme", f"web address written without https:// ({h})",
                       f"Write href=\"https://{h}\"; as written it is a path on this site.")
    return _scheme(h, low)


def _tel(rest: str, region: str) -> Problem | None:
    number = unquote(rest).split(";", 1)[0].strip()
    fix = "Write the full number with country or area code, digits only: e.g. tel:+17045550142."
    if not number:
        return Problem("tel", "tel: link has no phone number", fix)
    if re.search(r"[A-Za-z]", number):
        return Problem("tel", f"tel: link contains letters ({number}); phones dial digits only", fix)
    if not _PHONE_CHARS.match(number):
        return Problem("tel", f"tel: link has characters that are not part of a phone number ({number})", fix)
    try:
        parsed = phonenumbers.parse(number, region or "US")
    except phonenumbers.NumberParseException:
        return Problem("tel", f"tel: link is not a phone number ({number})", fix)
    reason = phonenumbers.is_possible_number_with_reason(parsed)
    if reason == phonenumbers.ValidationResult.TOO_SHORT:
        return Problem("tel", f"tel: number is too short to dial ({number})", fix)
    if reason == phonenumbers.ValidationResult.TOO_LONG:
        return Problem("tel", f"tel: number is too long ({number})", fix)
    if reason == phonenumbers.ValidationResult.IS_POSSIBLE_LOCAL_ONLY:
        return Problem("tel", f"tel: number lacks its area code ({number}); mobiles cannot dial it", fix)
    if reason != phonenumbers.ValidationResult.IS_POSSIBLE or not phonenumbers.is_valid_number(parsed):
        return Problem("tel", f"tel: link is not a valid phone number for {region or 'US'} ({number})", fix)
    return None


def _mailto(rest: str) -> Problem | None:
    addresses, _, query = rest.partition("?")
    found = [unquote(a).strip() for a in addresses.split(",") if unquote(a).strip()]
    fix = "Write one address per mailto: link in the form name@example.org, with no spaces."
    if not found and "to=" not in query.lower():
        return Problem("mailto", "mailto: link has no email address", fix)
    for address in found:
        if not _EMAIL.match(address):
            return Problem("mailto", f"mailto: address is not a valid email address ({address})", fix)
    return None


def _scheme(h: str, low: str) -> Problem | None:
    fix = "Write the address as https://host/path."
    if re.match(r"^https?//", low) or re.match(r"^https?;//", low):
        return Problem("scheme", f"web address is missing the colon after http ({h})", fix)
    if re.match(r"^https?:/[^/]", low) or low in ("http:/", "https:/"):
        return Problem("scheme", f"web address has one slash after http: ({h})", fix)
    m = _SCHEME.match(low)
    if m:
        scheme = m.group(1)
        if scheme not in ("http", "https") and min(_distance(scheme, "http"), _distance(scheme, "https")) <= 1:
            return Problem("scheme", f"web address has a misspelt scheme '{scheme}:' ({h})", fix)
    if low.startswith(("http://", "https://")):
        parts = urlsplit(h)
        host = parts.netloc.rsplit("@", 1)[-1]
        if not host and not parts.path.strip("/"):
            return Problem("scheme", f"web address has no host name ({h})", fix)
        if re.search(r"\s", host) or ".." in host:
            return Problem("scheme", f"host name is not valid ({host})", fix)
    return None


def _distance(a: str, b: str) -> int:
    """Levenshtein distance, for short scheme names."""
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        prev = cur
    return prev[-1]

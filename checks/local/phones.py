"""Phone numbers: found in text and compared after normalisation with ``phonenumbers``, so that
"(704) 555-0123", "704.555.0123" and "+1 704 555 0123" are one number."""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import unquote

import phonenumbers
from phonenumbers import Leniency, PhoneNumberFormat, PhoneNumberMatcher

_MAX_TEXT = 200_000  # the matcher is linear but slow per char; page text past this is not scanned


@dataclass(frozen=True)
class PhoneHit:
    raw: str  # as written
    e164: str
    start: int
    end: int


def region_of(country: str) -> str:
    c = (country or "US").strip().upper()
    return c if len(c) == 2 else "US"


def normalize(value: str, region: str = "US") -> str | None:
    """E.164 form of a written number, or None when it is not a valid phone number."""
    try:
        number = phonenumbers.parse(value, region)
    except phonenumbers.NumberParseException:
        return None
    if not phonenumbers.is_valid_number(number):
        return None
    return phonenumbers.format_number(number, PhoneNumberFormat.E164)


def find(text: str, region: str = "US") -> list[PhoneHit]:
    """Valid phone numbers in ``text`` with their offsets."""
    if not re.search(r"\d{3}", text):
        return []
    hits = []
    for m in PhoneNumberMatcher(text[:_MAX_TEXT], region, leniency=Leniency.VALID):
        hits.append(PhoneHit(m.raw_string, phonenumbers.format_number(m.number, PhoneNumberFormat.E164), m.start, m.end))
    return hits


def from_tel(href: str, region: str = "US") -> str | None:
    """The E.164 number of a ``tel:`` link, or None."""
    if not href.lower().startswith("tel:"):
        return None
    value = unquote(href[4:]).split(";", 1)[0].strip()
    return normalize(value, region)


def display(e164: str) -> str:
    """How a number reads to people in its own country: '(704) 555-0123'."""
    try:
        return phonenumbers.format_number(phonenumbers.parse(e164, None), PhoneNumberFormat.NATIONAL)
    except phonenumbers.NumberParseException:
        return e164

"""Phone numbers: found in text and compared after normalisation with ``phonenumbers``, so that
"(704) 555-0123", "704.555.0123" and "+1 704 555 0123" are one number."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
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


@lru_cache(maxsize=4096)  # the header's and footer's tel: links are on every page
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
    return list(_find_once(text, region))


@lru_cache(maxsize=1024)  # the footer (with its phone number) is the same text on every page
def _find_once(text: str, region: str) -> tuple[PhoneHit, ...]:
    return tuple(_find(text, region))


def _find(text: str, region: str) -> list[PhoneHit]:
    text = text[:_MAX_TEXT]
    if not _may_hold_number(text, region):
        return []
    hits = []
    for m in PhoneNumberMatcher(text, region, leniency=Leniency.VALID):
        hits.append(PhoneHit(m.raw_string, phonenumbers.format_number(m.number, PhoneNumberFormat.E164), m.start, m.end))
    return hits


# The matcher parses and validates every digit run it sees ("Post 1027", a ZIP code, a year), which
# is most of the local family's time. A valid number's digits (national number, plus country code
# and international prefix when written) all sit in one stretch of digits, punctuation, spaces and
# plus signs: letters end such a stretch, except those the library counts as punctuation ("x" as
# in "555-0142x12", and the long-vowel mark "ー"; a test keeps this list in step with the library).
# So a text where no letter-free stretch holds enough digits for any valid number holds none.
_NOT_IN_NUMBER = re.compile(r"[^\W\d_xXー]+")
_DIGIT = re.compile(r"\d")
_PLUS = re.compile("[+＋]")
MIN_NATIONAL = 4  # the shortest national number anywhere (phonenumbers' metadata; a test checks)
# "+" country code (1 digit or more) + national number; "00"-style international prefix
# (1 digit or more) + country code + national number.
_MIN_WITH_PLUS = 1 + MIN_NATIONAL
_MIN_WITH_PREFIX = 1 + 1 + MIN_NATIONAL


@lru_cache(maxsize=64)
def _min_digits_at_home(region: str) -> int:
    """The fewest digits a number written without "+" can have when read in ``region``: the
    shortest national number of any region sharing its country code, or one with an
    international prefix."""
    shortest = MIN_NATIONAL
    code = phonenumbers.country_code_for_region(region)
    lengths = []
    for other in phonenumbers.COUNTRY_CODE_TO_REGION_CODE.get(code, ()):
        meta = phonenumbers.PhoneMetadata.metadata_for_region(other)
        if meta is None or meta.general_desc is None or not meta.general_desc.possible_length:
            return shortest
        lengths.append(min(meta.general_desc.possible_length))
    if lengths:
        shortest = max(shortest, min(lengths))
    return min(shortest, _MIN_WITH_PREFIX)


@lru_cache(maxsize=64)
def _digits_in_a_stretch(k: int) -> re.Pattern[str]:
    """k digits with only characters of one stretch between them (no letter but x and ー)."""
    return re.compile(rf"\d(?:[\W_xXー]*\d){{{k - 1}}}")


def _may_hold_number(text: str, region: str) -> bool:
    at_home = _min_digits_at_home(region)
    # Most texts have no stretch with even the fewer of the two digit counts below: one regex
    # search says so without splitting the text into its stretches.
    if not _digits_in_a_stretch(min(at_home, _MIN_WITH_PLUS)).search(text):
        return False
    for stretch in _NOT_IN_NUMBER.split(text):
        digits = len(_DIGIT.findall(stretch))
        if digits >= at_home or (digits >= _MIN_WITH_PLUS and _PLUS.search(stretch)):
            return True
    return False


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
